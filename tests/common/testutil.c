/*
 * testutil.c: helpers shared by orbit's tests.
 */
#include "common/testutil.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

char *test_read_file(const char *path, size_t *len) {
  FILE *file = fopen(path, "rb");
  if (!file) return NULL;
  size_t capacity = 4096, size = 0;
  char *data = malloc(capacity);
  size_t got;
  while (data && (got = fread(data + size, 1, capacity - size - 1, file)) > 0) {
    size += got;
    if (capacity - size - 1 == 0) {
      char *bigger = realloc(data, capacity * 2);
      if (!bigger) { free(data); data = NULL; break; }
      data = bigger;
      capacity *= 2;
    }
  }
  fclose(file);
  if (!data) return NULL;
  data[size] = '\0';
  if (len) *len = size;
  return data;
}

char *test_run_orbit(const char *args, test_streams streams, int *exit_code) {
  size_t command_len = strlen(ORB_TEST_ORBIT_BIN) + strlen(args) + 64;
  char *command = malloc(command_len);
  static const char *const redirections[] = {"2>/dev/null", "2>&1", "2>&1 >/dev/null"};
  snprintf(command, command_len, "'%s' %s %s", ORB_TEST_ORBIT_BIN, args,
           redirections[streams]);
  FILE *pipe = popen(command, "r");
  free(command);
  if (!pipe) return NULL;
  size_t capacity = 4096, size = 0;
  char *out = malloc(capacity);
  size_t got;
  while ((got = fread(out + size, 1, capacity - size - 1, pipe)) > 0) {
    size += got;
    if (capacity - size - 1 == 0) {
      out = realloc(out, capacity * 2);
      capacity *= 2;
    }
  }
  out[size] = '\0';
  int status = pclose(pipe);
  *exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

/* Asserts a load succeeded, printing its diagnostics when not. */
static orb_world *expect_loaded(orb_status status, orb_world *world, orb_diags *diags) {
  if (status != ORB_OK) orb_diags_print(diags, stdout);
  orb_diags_free(diags);
  assert_int_equal(status, ORB_OK);
  return world;
}

orb_world *test_load_world(const char *path) {
  orb_world *world = NULL;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status status = orb_world_load(path, &world, &diags);
  return expect_loaded(status, world, &diags);
}

orb_world *test_load_world_text(const char *yaml) {
  orb_world *world = NULL;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status status = orb_world_load_buffer("test.yaml", yaml, strlen(yaml), &world, &diags);
  return expect_loaded(status, world, &diags);
}

void test_expect_orbit(const char *args, int exit_code, const char *expected) {
  int code;
  char *out = test_run_orbit(args, TEST_BOTH, &code);
  if (code != exit_code || !strstr(out, expected))
    fail_msg("orbit %s: exit %d (expected %d), output:\n%s\nexpected to contain: %s", args,
             code, exit_code, out, expected);
  free(out);
}

int test_have_shared(const char *what) {
  struct stat info;
  if (stat(ORB_TEST_SHARED_DIR, &info) == 0 && S_ISDIR(info.st_mode)) return 1;
  printf("SKIPPED: %s (../shared absent)\n", what);
  return 0;
}

char *test_write_temp(const char *text) {
  char *path = strdup("/tmp/orbit-test-XXXXXX");
  assert_non_null(path);
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  size_t len = strlen(text);
  assert_int_equal(write(fd, text, len), (ssize_t)len);
  close(fd);
  return path;
}

const char test_coded_events[] =
  "{\"doc\":\"a.txt\",\"date\":\"2024-08-20\",\"date_source\":\"article\",\"source\":\"KAZ\","
  "\"source_role\":\"\",\"cameo\":\"111\",\"target\":\"RUS\",\"target_role\":\"\","
  "\"type\":\"condemn\",\"start\":0,\"end\":45,\"rule\":\"orbit.dict:645\","
  "\"sentence\":\"Kazakhstan condemned Russia over the strikes.\"}\n"
  "{\"doc\":\"a.txt\",\"date\":\"2022-02-25\",\"date_source\":\"article\",\"source\":\"RUS\","
  "\"source_role\":\"\",\"cameo\":\"190\",\"target\":\"UKR\",\"target_role\":\"\","
  "\"type\":\"attack\",\"start\":46,\"end\":90,\"rule\":\"orbit.dict:1\","
  "\"sentence\":\"Russia invaded Ukraine.\"}\n";
