/*
 * test_output.c: the safe-output facility (orbit/output.h): new files honour the
 * umask, replaced files keep their mode, links are written through, foreign
 * targets, devices, directories and FIFOs are refused untouched, a second
 * writer is refused, a failed write (the file-size limit standing in for a full
 * disk) leaves the target untouched and no temporary file, a killed writer's
 * leftovers are removed by the next, and every command fails with a message
 * when its standard output cannot be written (/dev/full).
 */
#include <dirent.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "common/testutil.h"
#include "orbit/output.h"

/* A fresh empty directory for one test (caller frees the name). */
static char *fresh_dir(void) {
  char *dir = strdup("/tmp/orbit-output-XXXXXX");
  assert_non_null(mkdtemp(dir));
  return dir;
}

/* dir/name into buf. */
static const char *in(const char *dir, const char *name, char *buf, size_t size) {
  snprintf(buf, size, "%s/%s", dir, name);
  return buf;
}

/* Writes text to path (a plain write, as a user would). */
static void put(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs(text, f);
  assert_int_equal(fclose(f), 0);
}

/* The content of path as a string (caller frees); NULL when absent. */
static char *get(const char *path) { return test_read_file(path, NULL); }

/* Asserts that path holds exactly text. */
static void assert_content(const char *path, const char *text) {
  char *got = get(path);
  assert_non_null(got);
  assert_string_equal(got, text);
  free(got);
}

/* The number of entries of dir other than . and .. */
static int entries(const char *dir) {
  DIR *d = opendir(dir);
  assert_non_null(d);
  int n = 0;
  for (struct dirent *e; (e = readdir(d));)
    n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
  closedir(d);
  return n;
}

/* Removes dir and the files in it. */
static void remove_dir(char *dir) {
  DIR *d = opendir(dir);
  char path[512];
  for (struct dirent *e; d && (e = readdir(d));)
    if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
      unlink(in(dir, e->d_name, path, sizeof path));
  if (d) closedir(d);
  rmdir(dir);
  free(dir);
}

/* Recognises files that start with "ORBIT". */
static int is_ours(const char *path, void *arg) {
  (void)arg;
  char *text = get(path);
  int ours = text && strncmp(text, "ORBIT", 5) == 0;
  free(text);
  return ours;
}

/* Writes text to path with orb_output_file; returns the status and, in msg, the
 * first message (or ""). */
static orb_status write_file(const char *path, const char *text, char *msg, size_t size) {
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status status = orb_output_file(path, "an orbit test file", is_ours, NULL, text,
                                      strlen(text), &diags);
  snprintf(msg, size, "%s", diags.count ? diags.items[0].message : "");
  orb_diags_free(&diags);
  return status;
}

static void test_modes(void **state) {
  (void)state;
  char *dir = fresh_dir();
  char path[512], msg[512];
  struct stat st;
  mode_t old = umask(077);
  assert_int_equal(write_file(in(dir, "new", path, sizeof path), "ORBIT 1", msg, sizeof msg),
                   ORB_OK);
  umask(022);
  assert_int_equal(stat(path, &st), 0);
  assert_int_equal(st.st_mode & 0777, 0600); /* a new file honours the umask */
  assert_int_equal(write_file(in(dir, "other", path, sizeof path), "ORBIT 2", msg, sizeof msg),
                   ORB_OK);
  assert_int_equal(stat(path, &st), 0);
  assert_int_equal(st.st_mode & 0777, 0644);
  assert_int_equal(chmod(path, 0640), 0); /* a replaced file keeps its mode */
  assert_int_equal(write_file(path, "ORBIT 3", msg, sizeof msg), ORB_OK);
  assert_int_equal(stat(path, &st), 0);
  assert_int_equal(st.st_mode & 0777, 0640);
  assert_content(path, "ORBIT 3");
  umask(old);
  assert_int_equal(entries(dir), 2); /* no temporary or lock file is left */
  remove_dir(dir);
}

static void test_links(void **state) {
  (void)state;
  char *dir = fresh_dir();
  char real[512], link[512], msg[512];
  in(dir, "real", real, sizeof real);
  in(dir, "link", link, sizeof link);
  put(real, "ORBIT old");
  assert_int_equal(chmod(real, 0600), 0);
  assert_int_equal(symlink("real", link), 0);
  assert_int_equal(write_file(link, "ORBIT new", msg, sizeof msg), ORB_OK);
  struct stat st;
  assert_int_equal(lstat(link, &st), 0);
  assert_true(S_ISLNK(st.st_mode)); /* the link is kept ... */
  assert_content(real, "ORBIT new"); /* ... and its target written */
  assert_int_equal(stat(real, &st), 0);
  assert_int_equal(st.st_mode & 0777, 0600);
  /* a link to a missing file is refused */
  unlink(real);
  assert_int_equal(write_file(link, "ORBIT x", msg, sizeof msg), ORB_EINVAL);
  assert_non_null(strstr(msg, "symbolic link to a missing file"));
  assert_int_equal(access(real, F_OK), -1);
  remove_dir(dir);
}

static void test_refused(void **state) {
  (void)state;
  char *dir = fresh_dir();
  char path[512], msg[512];
  /* a file that is not what the writer writes: untouched */
  put(in(dir, "data.csv", path, sizeof path), "a,b\n1,2\n");
  assert_int_equal(write_file(path, "ORBIT", msg, sizeof msg), ORB_EINVAL);
  assert_non_null(strstr(msg, "it exists and is not an orbit test file"));
  assert_content(path, "a,b\n1,2\n");
  /* an empty file may be replaced */
  put(in(dir, "empty", path, sizeof path), "");
  assert_int_equal(write_file(path, "ORBIT", msg, sizeof msg), ORB_OK);
  assert_content(path, "ORBIT");
  /* a directory, a character device, a FIFO */
  assert_int_equal(write_file(dir, "ORBIT", msg, sizeof msg), ORB_EINVAL);
  assert_non_null(strstr(msg, "it is a directory"));
  assert_int_equal(write_file("/dev/null", "ORBIT", msg, sizeof msg), ORB_EINVAL);
  assert_non_null(strstr(msg, "it is a character device"));
  assert_int_equal(mkfifo(in(dir, "fifo", path, sizeof path), 0600), 0);
  assert_int_equal(write_file(path, "ORBIT", msg, sizeof msg), ORB_EINVAL);
  assert_non_null(strstr(msg, "it is a FIFO"));
  /* a missing directory */
  assert_int_equal(write_file("/nonexistent-dir/x", "ORBIT", msg, sizeof msg), ORB_EIO);
  assert_non_null(strstr(msg, "its directory: No such file or directory"));
  assert_int_equal(entries(dir), 3);
  remove_dir(dir);
}

static void test_one_writer(void **state) {
  (void)state;
  char *dir = fresh_dir();
  char path[512], msg[600];
  in(dir, "out", path, sizeof path);
  orb_diags diags;
  orb_diags_init(&diags);
  orb_output *first = NULL, *second = NULL;
  assert_int_equal(orb_output_begin(path, "x", is_ours, NULL, &first, &diags), ORB_OK);
  assert_int_equal(orb_output_write(first, "ORBIT 1", 7, &diags), ORB_OK);
  assert_int_equal(orb_output_begin(path, "x", is_ours, NULL, &second, &diags), ORB_EIO);
  assert_null(second);
  assert_int_equal(diags.count, 1);
  snprintf(msg, sizeof msg, "%s is being written by another orbit process", path);
  assert_string_equal(diags.items[0].message, msg);
  assert_int_equal(access(path, F_OK), -1); /* nothing at the target before commit */
  assert_int_equal(orb_output_commit(first, &diags), ORB_OK);
  assert_content(path, "ORBIT 1");
  /* the lock is released: the next writer goes ahead; an abort changes nothing */
  assert_int_equal(orb_output_begin(path, "x", is_ours, NULL, &second, &diags), ORB_OK);
  assert_int_equal(orb_output_write(second, "ORBIT 2", 7, &diags), ORB_OK);
  orb_output_abort(second);
  assert_content(path, "ORBIT 1");
  assert_int_equal(entries(dir), 1);
  orb_diags_free(&diags);
  remove_dir(dir);
}

/* In a child limited to 4 KiB files (as a full disk would, the write fails):
 * exits 0 when the write failed with "File too large" and the target is
 * untouched with nothing else left in dir. */
static void write_too_large(const char *dir, const char *path) {
  struct rlimit limit = {4096, 4096};
  signal(SIGXFSZ, SIG_IGN);
  if (setrlimit(RLIMIT_FSIZE, &limit) != 0) _exit(10);
  static char big[65536];
  memset(big, 'x', sizeof big);
  memcpy(big, "ORBIT", 5);
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status status = orb_output_file(path, "x", is_ours, NULL, big, sizeof big, &diags);
  int ok = status == ORB_EIO && diags.count == 1 &&
           strstr(diags.items[0].message, "File too large; the file is unchanged");
  orb_diags_free(&diags);
  char *text = get(path);
  ok = ok && text && strcmp(text, "ORBIT old") == 0 && entries(dir) == 1;
  free(text);
  _exit(ok ? 0 : 1);
}

static void test_full_disk(void **state) {
  (void)state;
  char *dir = fresh_dir();
  char path[512];
  put(in(dir, "out", path, sizeof path), "ORBIT old");
  fflush(NULL);
  pid_t child = fork();
  assert_true(child >= 0);
  if (child == 0) write_too_large(dir, path);
  int status;
  assert_int_equal(waitpid(child, &status, 0), child);
  assert_true(WIFEXITED(status));
  assert_int_equal(WEXITSTATUS(status), 0);
  remove_dir(dir);
}

static void test_stale_temporaries(void **state) {
  (void)state;
  char *dir = fresh_dir();
  char path[512], stale[512], other[512], msg[512];
  in(dir, "out", path, sizeof path);
  put(in(dir, ".out.orbit-0badcafe", stale, sizeof stale), "left by a killed writer");
  put(in(dir, ".out.orbit-notmine", other, sizeof other), "a user's file");
  assert_int_equal(write_file(path, "ORBIT", msg, sizeof msg), ORB_OK);
  assert_int_equal(access(stale, F_OK), -1);
  assert_int_equal(access(other, F_OK), 0);
  assert_int_equal(entries(dir), 2);
  remove_dir(dir);
}

/* Runs `orbit ARGS` with standard output to /dev/full; returns its stderr. */
static char *orbit_to_full(const char *args, int *code) {
  char command[1024];
  snprintf(command, sizeof command, "'%s' %s 2>&1 >/dev/full", ORB_TEST_ORBIT_BIN, args);
  FILE *pipe = popen(command, "r");
  assert_non_null(pipe);
  static char err[65536];
  size_t len = fread(err, 1, sizeof err - 1, pipe);
  err[len] = '\0';
  int status = pclose(pipe);
  *code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return err;
}

static void test_stdout_full(void **state) {
  (void)state;
  static const char *const commands[] = {
      "world", "world --check worlds/postsoviet.yaml", "run", "stance --issue ES-11/1", "calibrate",
      "align --date 2024-06-01", "bargain data/bargain/SOE-Pol-Comp.csv",
      "bargain data/bargain/dummyData_3Dim.csv --runs 20 --json", "help", "--version"};
  for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
    int code;
    const char *err = orbit_to_full(commands[i], &code);
    if (code != 3 || !strstr(err, ": cannot write standard output"))
      fail_msg("orbit %s > /dev/full: exit %d, stderr:\n%s", commands[i], code, err);
  }
  orb_diags diags;
  orb_diags_init(&diags);
  FILE *full = fopen("/dev/full", "w");
  assert_non_null(full);
  fputs("x", full);
  assert_int_equal(orb_output_close_stream(full, "/dev/full", &diags), ORB_EIO);
  assert_string_equal(diags.items[0].message,
                      "cannot write /dev/full: No space left on device");
  orb_diags_free(&diags);
}

/* True when text holds the number -0 (a "-0" not followed by a digit, '.' or 'e'). */
static int has_negative_zero(const char *text) {
  for (const char *p = strstr(text, "-0"); p; p = strstr(p + 1, "-0")) {
    char next = p[2];
    if (!(next >= '0' && next <= '9') && next != '.' && next != 'e' && next != 'E') return 1;
  }
  return 0;
}

/* No JSON report prints -0 (issue 9, defect 12: a negative weight times a zero
 * factor printed "contribution": -0). */
static void test_no_negative_zero(void **state) {
  (void)state;
  static const char *const commands[] = {
      "stance --issue ES-11/1 --json", "stance --issue KURSK-2024 --json", "world --json",
      "align --date 2024-06-01 --json", "bargain --issue EAEU-grain-2022 --json"};
  assert_true(has_negative_zero("[1,-0]") && !has_negative_zero("-0.5,-0e1,-01"));
  for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
    int code;
    char *out = test_run_orbit(commands[i], TEST_STDOUT, &code);
    assert_int_equal(code, 0);
    if (has_negative_zero(out)) fail_msg("orbit %s prints -0", commands[i]);
    free(out);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_modes),       cmocka_unit_test(test_links),
      cmocka_unit_test(test_refused),     cmocka_unit_test(test_one_writer),
      cmocka_unit_test(test_full_disk),   cmocka_unit_test(test_stale_temporaries),
      cmocka_unit_test(test_stdout_full), cmocka_unit_test(test_no_negative_zero),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
