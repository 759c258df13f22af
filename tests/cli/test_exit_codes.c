/*
 * test_exit_codes.c: the exit-code table of the orbit command, as a matrix of
 * commands by classes of fault: 0 success, 1 bad input, 2 bad usage, 3 the output
 * cannot be written. And `orbit run` opens the world file once.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/testutil.h"

/* Runs `orbit ARGS` with stdout going to `out` (a file name) and stderr to
 * /dev/null; returns its exit status (-1 when it did not exit). */
static int run_to(const char *args, const char *out) {
  char command[2048];
  snprintf(command, sizeof command, "'%s' %s >%s 2>/dev/null", ORB_TEST_ORBIT_BIN, args, out);
  int status = system(command);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* One cell: a command line and the exit code the table gives it. */
typedef struct cell {
  const char *args;
  int code;
} cell;

#define BAD_WORLD "--world tests/world/bad/not_yaml.yaml"
#define NO_WORLD "--world /nonexistent/w.yaml"

static const cell matrix[] = {
  /* success */
  {"world", 0},
  {"world --date 2024-06-01 --json", 0},
  {"stance --issue ES-11/1", 0},
  {"calibrate --json", 0},
  {"align --date 2020", 0},
  {"bargain data/bargain/dummyData_3Dim.csv", 0},
  {"code data/bargain/README.md", 0},
  {"run", 0},
  /* bad usage: a missing or extra argument */
  {"world a.yaml b.yaml", 2},
  {"stance", 2},
  {"calibrate extra", 2},
  {"align --signed a.csv --landscape b.yaml", 2},
  {"bargain", 2},
  {"code", 2},
  {"run extra", 2},
  /* bad usage: an unknown option, a value where none is taken, a missing value */
  {"world --bogus", 2},
  {"stance --issue ES-11/1 --bogus", 2},
  {"calibrate --bogus", 2},
  {"align --bogus", 2},
  {"bargain data/bargain/dummyData_3Dim.csv --bogus", 2},
  {"code --bogus data/bargain/README.md", 2},
  {"run --bogus", 2},
  {"world --json=yes", 2},
  {"run --date", 2},
  /* bad usage: a number out of range, the same for every command (2^64 is refused,
   * not clamped) */
  {"align --seed 18446744073709551616", 2},
  {"bargain data/bargain/dummyData_3Dim.csv --seed 18446744073709551616", 2},
  {"align --seed 18446744073709551615 --signed tests/align/../../data/none.csv", 1},
  {"stance --issue ES-11/1 --top -1", 2},
  {"bargain data/bargain/dummyData_3Dim.csv --runs 0", 2},
  /* bad usage: two output formats */
  {"stance --issue ES-11/1 --json --csv", 2},
  {"bargain data/bargain/dummyData_3Dim.csv --csv --json", 2},
  /* bad usage: a malformed date */
  {"world --date 2024-13-01", 2},
  {"stance --issue ES-11/1 --date 2024-02-30", 2},
  {"align --date 20x4", 2},
  {"run --date 2024-00", 2},
  {"code --date 24-01-01 data/bargain/README.md", 2},
  /* bad usage: a date outside the world, the same rule everywhere */
  {"world --date 1000", 2},
  {"stance --issue ES-11/1 --date 1000", 2},
  {"align --date 1000", 2},
  {"align --over 1000..1001", 2},
  {"align --over 2020..2999", 2},
  {"run --date 1000", 2},
  /* bad usage: an issue or actor the world does not have */
  {"stance --issue NOPE", 2},
  {"bargain --issue NOPE", 2},
  {"align --poles NOPE", 2},
  {"align --over 2010..2011 --poles NOPE", 2},
  /* bad input: a malformed world file */
  {"world " BAD_WORLD, 1},
  {"stance " BAD_WORLD " --issue ES-11/1", 1},
  {"calibrate " BAD_WORLD, 1},
  {"align " BAD_WORLD, 1},
  {"bargain " BAD_WORLD " --issue EAEU-grain-2022", 1},
  {"run " BAD_WORLD, 1},
  {"world --check tests/world/bad/binary.yaml", 1},
  /* bad input: a missing file */
  {"world " NO_WORLD, 1},
  {"stance " NO_WORLD " --issue ES-11/1", 1},
  {"calibrate " NO_WORLD, 1},
  {"align " NO_WORLD, 1},
  {"align --signed /nonexistent/a.csv", 1},
  {"bargain /nonexistent/s.csv", 1},
  {"code /nonexistent/a.txt", 1},
  {"run " NO_WORLD, 1},
  {"run --events /nonexistent/e.jsonl", 1},
};

static void test_matrix(void **state) {
  int failures = 0;
  for (size_t i = 0; i < sizeof matrix / sizeof *matrix; i++) {
    int code = run_to(matrix[i].args, "/dev/null");
    if (code != matrix[i].code) {
      printf("orbit %s: exit %d, the table says %d\n", matrix[i].args, code, matrix[i].code);
      failures++;
    }
  }
  assert_int_equal(failures, 0);
}

/* Every command that succeeds exits 3 when its standard output cannot be written,
 * whether the output is larger than a stdio buffer or smaller. */
static void test_unwritable_stdout(void **state) {
  static const char *const commands[] = {
    "world", "world --check worlds/postsoviet.yaml", "stance --issue ES-11/1",
    "calibrate", "align --date 2020", "align --over 2019..2020",
    "bargain data/bargain/dummyData_3Dim.csv", "bargain --issue EAEU-grain-2022 --json",
    "code data/bargain/README.md", "run", "help", "--version", "help world"};
  int failures = 0;
  for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
    int code = run_to(commands[i], "/dev/full");
    if (code != 3) {
      printf("orbit %s >/dev/full: exit %d, the table says 3\n", commands[i], code);
      failures++;
    }
  }
  assert_int_equal(failures, 0);
  /* the message says why */
  int code;
  char *err = test_run_orbit("world 2>&1 >/dev/full #", TEST_STDOUT, &code);
  assert_int_equal(code, 3);
  assert_non_null(strstr(err, "orbit: cannot write standard output: No space left on device"));
  free(err);
}

/* The same date outside the world gives the same message in every command. */
static void test_one_date_rule(void **state) {
  static const char *const commands[] = {"world --date 1000", "stance --issue ES-11/1 --date 1000",
                                         "align --date 1000", "run --date 1000"};
  for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
    int code;
    char *err = test_run_orbit(commands[i], TEST_STDERR, &code);
    assert_int_equal(code, 2);
    if (!strstr(err, "error: date 1000-01-01 is outside the world's span, 1991-12-26 to "
                     "2030-12-31\n"))
      fail_msg("orbit %s: %s", commands[i], err);
    free(err);
    char *out = test_run_orbit(commands[i], TEST_STDOUT, &code);
    assert_string_equal(out, ""); /* no landscape for the year 1000 */
    free(out);
  }
}

/* `orbit run` opens the world file once (strace counts the openat calls). */
static void test_world_opened_once(void **state) {
  if (system("strace -f -o /dev/null true >/dev/null 2>&1") != 0) {
    printf("SKIPPED: strace absent or not permitted here\n");
    return;
  }
  char trace[] = "/tmp/orbit-strace-XXXXXX";
  int fd = mkstemp(trace);
  assert_true(fd >= 0);
  close(fd);
  char command[1024];
  snprintf(command, sizeof command,
           /* LeakSanitizer cannot run under ptrace */
           "ASAN_OPTIONS=detect_leaks=0 strace -f -e trace=openat -o %s '%s' run "
           ">/dev/null 2>&1", trace,
           ORB_TEST_ORBIT_BIN);
  assert_int_equal(system(command), 0);
  char *log = test_read_file(trace, NULL);
  assert_non_null(log);
  int opens = 0;
  for (const char *p = log; (p = strstr(p, "worlds/postsoviet.yaml\"")); p++) opens++;
  assert_int_equal(opens, 1);
  free(log);
  remove(trace);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_matrix),
    cmocka_unit_test(test_unwritable_stdout),
    cmocka_unit_test(test_one_date_rule),
    cmocka_unit_test(test_world_opened_once),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
