/*
 * test_cli.c: the `orbit code` command: CSV and JSON Lines output, standard
 * input, user dictionaries, exit codes and messages for bad input and bad
 * usage, and a 100 MB stream coded in bounded memory.
 */
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include <cmocka.h>

#include "common/testutil.h"

static char dir[] = "/tmp/orbit_test_code_XXXXXX";

/* Writes len bytes of data to dir/name and returns the path (static buffer). */
static const char *write_file(const char *name, const char *data, size_t len) {
  static char path[4][256];
  static int next;
  char *p = path[next++ % 4];
  snprintf(p, 256, "%s/%s", dir, name);
  FILE *f = fopen(p, "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(data, 1, len, f), len);
  assert_int_equal(fclose(f), 0);
  return p;
}

/* The same for a NUL-terminated text. */
static const char *write_text(const char *name, const char *text) {
  return write_file(name, text, strlen(text));
}

static int setup(void **state) {
  (void)state;
  return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state) {
  (void)state;
  char command[512];
  snprintf(command, sizeof command, "rm -rf '%s'", dir);
  return system(command) == 0 ? 0 : -1;
}

/* Runs orbit with args and returns its output; asserts the exit code. */
static char *run(const char *args, test_streams streams, int expected_exit) {
  int code = -1;
  char *out = test_run_orbit(args, streams, &code);
  assert_non_null(out);
  if (code != expected_exit) fprintf(stderr, "orbit %s -> %d:\n%s\n", args, code, out);
  assert_int_equal(code, expected_exit);
  return out;
}

static const char article[] =
    "Login\n"
    "Armenia has appealed for military support from the CSTO, but Moscow is reluctant "
    "to intervene.\n"
    "Armenia has appealed for military support from the CSTO, but Moscow is reluctant "
    "to intervene.\n"
    "Clashes erupted on Wednesday at the Kyrgyzstan-Tajikistan border.\n";

static void test_csv(void **state) {
  (void)state;
  const char *path = write_file("article.txt", article, sizeof article - 1);
  char args[512], prefix[512];
  snprintf(args, sizeof args, "code --date 2022-09-15 '%s'", path);
  char *out = run(args, TEST_STDOUT, 0);
  /* the login line is boilerplate, the repeated paragraph is coded once,
   * Moscow's reluctance is no event; rule line numbers are not compared */
  static const char header[] = "doc,date,date_source,source,source_role,cameo,target,"
                               "target_role,type,start,end,rule,sentence\n";
  assert_int_equal(strncmp(out, header, strlen(header)), 0);
  char *line2 = out + strlen(header), *line3 = strchr(line2, '\n') + 1;
  snprintf(prefix, sizeof prefix,
           "\"%s\",2022-09-15,article,ARM,,023,CSTO,,request_aid,6,100,orbit.dict:", path);
  assert_int_equal(strncmp(line2, prefix, strlen(prefix)), 0);
  assert_int_equal(strncmp(strchr(line2 + strlen(prefix), ','),
                           ",\"Armenia has appealed for military support from the CSTO, but "
                           "Moscow is reluctant to intervene.\"\n", 91),
                   0);
  snprintf(prefix, sizeof prefix,
           "\"%s\",2022-09-14,text,KGZ,,190,TJK,,border_clash,196,261,orbit.dict:", path);
  assert_int_equal(strncmp(line3, prefix, strlen(prefix)), 0);
  assert_string_equal(strchr(line3 + strlen(prefix), ','),
                      ",\"Clashes erupted on Wednesday at the Kyrgyzstan-Tajikistan border.\"\n");
  free(out);
}

/* --threads N codes files in parallel with the same bytes, in file order, as one
 * thread (issue 9, defect 11: the command had no --threads). */
static void test_threads(void **state) {
  (void)state;
  char args[2048] = "code --date 2022-09-15";
  for (int i = 0; i < 7; i++) {
    char name[32], text[512];
    snprintf(name, sizeof name, "a%d.txt", i);
    snprintf(text, sizeof text, "%sArmenia has appealed to the CSTO %d times.\n", article, i);
    size_t used = strlen(args);
    snprintf(args + used, sizeof args - used, " '%s'", write_text(name, text));
  }
  char with[2200];
  snprintf(with, sizeof with, "%s --threads 1", args);
  char *one = run(with, TEST_STDOUT, 0);
  snprintf(with, sizeof with, "%s --threads 3", args);
  char *three = run(with, TEST_STDOUT, 0);
  assert_string_equal(one, three);
  size_t lines = 0;
  for (char *p = one; *p; p++) lines += *p == '\n';
  assert_true(lines > 14); /* a header and events of every file */
  assert_non_null(strstr(one, "a6.txt"));
  assert_true(strstr(one, "a0.txt") < strstr(one, "a6.txt"));
  free(one);
  free(three);
  snprintf(with, sizeof with, "%s --threads 0", args);
  char *bad = run(with, TEST_STDERR, 2);
  assert_non_null(strstr(bad, "--threads expects a number from 1 to 1024"));
  free(bad);
}

static void test_json_and_stdin(void **state) {
  (void)state;
  const char *path = write_file("article2.txt", article, sizeof article - 1);
  char args[512];
  snprintf(args, sizeof args, "code --json --date 2022-09-15 - < '%s'", path);
  char *out = run(args, TEST_STDOUT, 0);
  size_t lines = 0;
  for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
    cJSON *obj = cJSON_Parse(line);
    assert_non_null(obj);
    assert_string_equal(cJSON_GetObjectItem(obj, "doc")->valuestring, "-");
    const char *source = cJSON_GetObjectItem(obj, "source")->valuestring;
    if (lines == 0) {
      assert_string_equal(source, "ARM");
      assert_string_equal(cJSON_GetObjectItem(obj, "target")->valuestring, "CSTO");
      assert_string_equal(cJSON_GetObjectItem(obj, "type")->valuestring, "request_aid");
      assert_string_equal(cJSON_GetObjectItem(obj, "date_source")->valuestring, "article");
      assert_int_equal((int)cJSON_GetObjectItem(obj, "start")->valuedouble, 6);
      assert_int_equal((int)cJSON_GetObjectItem(obj, "end")->valuedouble, 100);
    } else {
      assert_string_equal(source, "KGZ");
      assert_string_equal(cJSON_GetObjectItem(obj, "date")->valuestring, "2022-09-14");
    }
    cJSON_Delete(obj);
    lines++;
  }
  assert_int_equal(lines, 2);
  free(out);
}

static void test_user_dictionary(void **state) {
  (void)state;
  const char *text = write_text("gondor.txt", "Gondor besieged Moscow.\n");
  const char *dict = write_text("user.dict", "actor | gondor | GON\n"
                                             "verb | SIEGE | besieged | 192 | type=attack\n");
  char args[1024];
  snprintf(args, sizeof args, "code '%s' --dict '%s'", text, dict);
  char *out = run(args, TEST_STDOUT, 0);
  assert_non_null(strstr(out, ",GON,,192,RUS,GOV,attack,0,23,user.dict:2,"));
  free(out);
  const char *bad = write_text("bad.dict", "actor | gondor\nverb | X | y | 9x\n");
  snprintf(args, sizeof args, "code '%s' --dict '%s'", text, bad);
  out = run(args, TEST_BOTH, 1);
  char where[512];
  snprintf(where, sizeof where, "%s:1:1: error: expected actor", bad);
  assert_non_null(strstr(out, where));
  snprintf(where, sizeof where, "%s:2:1: error: bad CAMEO code '9x'", bad);
  assert_non_null(strstr(out, where));
  free(out);
}

/* --world: a world's actors code under its ids; a bad world is named. */
static void test_world(void **state) {
  (void)state;
  const char *text = write_text("ruritania.txt", "Ruritanian troops attacked Grand Fenwick.\n"
                                                 "The League of Free Cities criticised "
                                                 "Ruritania.\n");
  const char *world = write_text(
      "world.yaml",
      "world: {name: Test, description: invented, start: 2000-01-01, end: 2030-12-31}\n"
      "actors:\n"
      "  - id: RUR\n    name: Ruritania\n    kind: state\n    attributes:\n"
      "      - {name: adjective, text: Ruritanian, year: 2024, assumption: invented}\n"
      "  - {id: GRF, name: Grand Fenwick, kind: state}\n"
      "  - {id: LFC, name: League of Free Cities, kind: organisation}\n");
  char args[1024], where[512];
  snprintf(args, sizeof args, "code '%s' --date 2024-05-01", text);
  char *out = run(args, TEST_STDOUT, 0);
  assert_null(strstr(out, "RUR")); /* unknown without the world */
  free(out);
  snprintf(args, sizeof args, "code '%s' --date 2024-05-01 --world '%s'", text, world);
  out = run(args, TEST_STDOUT, 0);
  assert_non_null(strstr(out, ",RUR,MIL,190,GRF,,attack,"));
  assert_non_null(strstr(out, ",LFC,,111,RUR,,condemn,"));
  free(out);
  /* a world that is not YAML, a missing one, an id that cannot be a code */
  const char *bad = write_text("bad.yaml", "actors: [\n");
  snprintf(args, sizeof args, "code '%s' --world '%s'", text, bad);
  out = run(args, TEST_BOTH, 1);
  snprintf(where, sizeof where, "orbit code: world '%s' not loaded", bad);
  assert_non_null(strstr(out, where));
  free(out);
  snprintf(args, sizeof args, "code '%s' --world '%s/none.yaml'", text, dir);
  out = run(args, TEST_BOTH, 1);
  assert_non_null(strstr(out, "cannot open the world file"));
  free(out);
  const char *lower = write_text(
      "lower.yaml",
      "world: {name: Test, description: invented, start: 2000-01-01, end: 2030-12-31}\n"
      "actors:\n  - {id: rur, name: Ruritania, kind: state}\n");
  snprintf(args, sizeof args, "code '%s' --world '%s'", text, lower);
  out = run(args, TEST_BOTH, 1);
  snprintf(where, sizeof where, "%s: error: actor 'rur' cannot be coded", lower);
  assert_non_null(strstr(out, where));
  free(out);
  snprintf(args, sizeof args, "code '%s' --world '%s' --world '%s'", text, world, world);
  free(run(args, TEST_BOTH, 2));
  snprintf(args, sizeof args, "code '%s' --world '%s' --no-world", text, world);
  out = run(args, TEST_BOTH, 2);
  assert_non_null(strstr(out, "--world and --no-world exclude each other"));
  free(out);
  /* without --world the built-in world's companies and leaders are known;
   * --no-world (or --no-default-dict) leaves them out */
  const char *gas = write_text("gas.txt", "Gazprom cut gas supplies to Moldova.\n");
  snprintf(args, sizeof args, "code '%s' --date 2024-05-01", gas);
  out = run(args, TEST_STDOUT, 0);
  assert_non_null(strstr(out, ",RUS,BUS,"));
  free(out);
  snprintf(args, sizeof args, "code '%s' --date 2024-05-01 --no-world", gas);
  out = run(args, TEST_STDOUT, 0);
  assert_null(strstr(out, ",RUS,BUS,"));
  free(out);
}

static void test_bad_input(void **state) {
  (void)state;
  const char *good = write_text("good.txt", "Russia attacked Georgia.\n");
  const char latin1[] = "Russia attacked\nGeorgia \xe9t\xe9.\n";
  const char *bad = write_file("latin1.txt", latin1, sizeof latin1 - 1);
  char args[1024], where[512];
  /* a bad file after a good one: nothing is written, the bad one is named */
  snprintf(args, sizeof args, "code '%s' '%s'", good, bad);
  char *out = run(args, TEST_STDOUT, 1);
  assert_string_equal(out, "");
  free(out);
  out = run(args, TEST_STDERR, 1);
  snprintf(where, sizeof where, "%s:2:9: error: truncated UTF-8 sequence at byte 24", bad);
  assert_non_null(strstr(out, where));
  free(out);
  /* binary input */
  char binary[4096];
  for (size_t i = 0; i < sizeof binary; i++) binary[i] = (char)(i * 7919 % 251);
  const char *bin = write_file("binary.bin", binary, sizeof binary);
  snprintf(args, sizeof args, "code '%s'", bin);
  out = run(args, TEST_STDERR, 1);
  snprintf(where, sizeof where, "%s:1:1: error: NUL byte (binary data) at byte 0", bin);
  assert_non_null(strstr(out, where));
  free(out);
  /* binary on standard input */
  snprintf(args, sizeof args, "code - < '%s'", bin);
  out = run(args, TEST_STDERR, 1);
  assert_non_null(strstr(out, "-:1:1: error: NUL byte (binary data) at byte 0"));
  free(out);
  /* a missing file, a folder */
  snprintf(args, sizeof args, "code '%s/none.txt'", dir);
  free(run(args, TEST_BOTH, 1));
  snprintf(args, sizeof args, "code '%s'", dir);
  free(run(args, TEST_BOTH, 1));
  /* an empty file: the header only */
  const char *empty = write_file("empty.txt", "", 0);
  snprintf(args, sizeof args, "code '%s'", empty);
  out = run(args, TEST_STDOUT, 0);
  assert_string_equal(out, "doc,date,date_source,source,source_role,cameo,target,"
                           "target_role,type,start,end,rule,sentence\n");
  free(out);
}

static void test_usage(void **state) {
  (void)state;
  free(run("code", TEST_BOTH, 2));
  free(run("code --date 2022-13-40 x.txt", TEST_BOTH, 2));
  free(run("code --frobnicate x.txt", TEST_BOTH, 2));
  free(run("code --no-default-dict x.txt", TEST_BOTH, 2));
  char *out = run("code --help", TEST_STDOUT, 0);
  assert_non_null(strstr(out, "Usage: orbit code FILE..."));
  free(out);
}

/* Writes all of data to fd; returns 0 on failure. */
static int write_all(int fd, const char *data, size_t len) {
  while (len) {
    ssize_t n = write(fd, data, len);
    if (n <= 0) return 0;
    data += n;
    len -= (size_t)n;
  }
  return 1;
}

/* A 100 MB stream through `orbit code -` in bounded memory: generated here,
 * never stored; one paragraph in 100 reports an event. */
static void test_100mb_stream(void **state) {
  (void)state;
  char out_path[256];
  snprintf(out_path, sizeof out_path, "%s/big.csv", dir);
  int in[2];
  assert_int_equal(pipe(in), 0);
  pid_t pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    int out = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (out < 0 || dup2(in[0], 0) < 0 || dup2(out, 1) < 0) _exit(127);
    close(in[1]);
    execl(ORB_TEST_ORBIT_BIN, "orbit", "code", "--date", "2022-09-14", "-", (char *)NULL);
    _exit(127);
  }
  close(in[0]);
  signal(SIGPIPE, SIG_IGN);
  const size_t total = 100u << 20;
  size_t written = 0, paragraphs = 0, events = 0;
  char buf[1 << 16];
  while (written < total) {
    size_t len = 0;
    while (len < sizeof buf - 256) {
      int n;
      if (paragraphs % 100 == 0) {
        n = snprintf(buf + len, sizeof buf - len,
                     "Russia attacked Georgia near the village number %zu.\n", paragraphs);
        events++;
      } else {
        n = snprintf(buf + len, sizeof buf - len,
                     "The weather in the valley was mild on day %zu and the markets were "
                     "quiet, said the local paper.\n", paragraphs);
      }
      len += (size_t)n;
      paragraphs++;
    }
    assert_true(write_all(in[1], buf, len));
    written += len;
  }
  close(in[1]);
  int status;
  struct rusage usage; /* the largest of the waited-for children: an upper bound */
  assert_int_equal(waitpid(pid, &status, 0), pid);
  assert_int_equal(getrusage(RUSAGE_CHILDREN, &usage), 0);
  assert_true(WIFEXITED(status));
  assert_int_equal(WEXITSTATUS(status), 0);
  /* every event is there */
  FILE *f = fopen(out_path, "r");
  assert_non_null(f);
  size_t lines = 0;
  int c;
  while ((c = fgetc(f)) != EOF) lines += c == '\n';
  fclose(f);
  assert_int_equal(lines, events + 1);
#if defined(__SANITIZE_ADDRESS__)
  const long limit_kb = 512 * 1024; /* AddressSanitizer's shadow memory */
#else
  const long limit_kb = 160 * 1024; /* the tagger and parser's tables (about 85 MB) and
                                       the dictionaries; nothing grows with the input */
#endif
  printf("100 MB stream: %zu paragraphs, %zu events, peak memory %ld KB (limit %ld KB)\n",
         paragraphs, events, usage.ru_maxrss, limit_kb);
  assert_true(usage.ru_maxrss < limit_kb);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_csv),
    cmocka_unit_test(test_threads),
    cmocka_unit_test(test_json_and_stdin),
    cmocka_unit_test(test_user_dictionary),
    cmocka_unit_test(test_world),
    cmocka_unit_test(test_bad_input),
    cmocka_unit_test(test_usage),
    cmocka_unit_test(test_100mb_stream),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
