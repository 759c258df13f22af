/*
 * test_store.c: `orbit bargain --store` never hurts the user's files and runs in
 * bounded memory (regressions of issue 9, defects 2 and 7): the input CSV, a
 * device and a foreign file are refused untouched; a symbolic link is written
 * through; two concurrent writers leave a valid store; a killed run leaves the
 * old store and no `.partial` or temporary file; a write failure (the file-size
 * limit standing in for a full disk) says why and leaves the old store; peak
 * memory does not grow with --runs.
 */
#define _DEFAULT_SOURCE /* wait4 */
#include <dirent.h>
#include <math.h>
#include <stdint.h>
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
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "common/testutil.h"
#include "orbit/bargain.h"

#define SMALL "data/bargain/dummyData_3Dim.csv"
#define LONG "data/bargain/SOE-Pol-Comp.csv"

static char dir[64];

/* A fresh directory per test. */
static int setup(void **state) {
  (void)state;
  snprintf(dir, sizeof dir, "/tmp/orbit-store-XXXXXX");
  return mkdtemp(dir) ? 0 : -1;
}

/* Removes the directory of the test and what it holds. */
static int teardown(void **state) {
  (void)state;
  DIR *d = opendir(dir);
  char path[512];
  for (struct dirent *e; d && (e = readdir(d));)
    if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
      snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
      unlink(path);
    }
  if (d) closedir(d);
  return rmdir(dir);
}

/* dir/name (static buffer per slot 0..3). */
static const char *at(int slot, const char *name) {
  static char paths[4][128];
  snprintf(paths[slot], sizeof paths[slot], "%s/%s", dir, name);
  return paths[slot];
}

/* Runs `sh -c SCRIPT` (ORBIT names the command); returns the exit status and,
 * in err (may be NULL), the merged output. */
static int shell(const char *script, char **err) {
  char command[4096];
  snprintf(command, sizeof command, "ORBIT='%s' sh -c '%s' 2>&1", ORB_TEST_ORBIT_BIN, script);
  FILE *pipe = popen(command, "r");
  assert_non_null(pipe);
  char *out = calloc(1, 65536);
  size_t len = fread(out, 1, 65535, pipe);
  out[len] = '\0';
  int status = pclose(pipe);
  if (err) *err = out;
  else free(out);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* The number of runs in the store at path; -1 when it is not a readable store. */
static int store_runs(const char *path) {
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  int runs = -1;
  if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2(db, "SELECT count(*) FROM run", -1, &st, NULL) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW)
    runs = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return runs;
}

/* The number of entries of the test's directory. */
static int entries(void) {
  DIR *d = opendir(dir);
  int n = 0;
  for (struct dirent *e; d && (e = readdir(d));)
    n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
  if (d) closedir(d);
  return n;
}

/* Writes a store of `runs` runs at path, asserting success. */
static void make_store(const char *path, int runs) {
  char script[4096];
  snprintf(script, sizeof script, "\"$ORBIT\" bargain " SMALL " --runs %d --store %s >/dev/null",
           runs, path);
  assert_int_equal(shell(script, NULL), 0);
  assert_int_equal(store_runs(path), runs);
}

static void test_refused_targets(void **state) {
  (void)state;
  char script[4096], *out;
  size_t len0 = 0;
  char *original = test_read_file(SMALL, &len0);
  snprintf(script, sizeof script, "cp " SMALL " %s && \"$ORBIT\" bargain %s --store %s",
           at(0, "in.csv"), at(0, "in.csv"), at(0, "in.csv"));
  assert_int_equal(shell(script, &out), 1);
  assert_non_null(strstr(out, "refusing to replace"));
  assert_non_null(strstr(out, "it exists and is not an orbit store"));
  free(out);
  size_t len1 = 0;
  char *after = test_read_file(at(0, "in.csv"), &len1); /* the input is untouched */
  assert_int_equal(len0, len1);
  assert_memory_equal(original, after, len0);
  free(after);
  free(original);
  assert_int_equal(shell("\"$ORBIT\" bargain " SMALL " --store /dev/null", &out), 1);
  assert_non_null(strstr(out, "refusing to write /dev/null: it is a character device"));
  free(out);
  snprintf(script, sizeof script, "\"$ORBIT\" bargain " SMALL " --store %s", dir);
  assert_int_equal(shell(script, &out), 1);
  assert_non_null(strstr(out, "it is a directory"));
  free(out);
  assert_int_equal(entries(), 1);
}

static void test_symlink_written_through(void **state) {
  (void)state;
  make_store(at(0, "real.db"), 2);
  assert_int_equal(chmod(at(0, "real.db"), 0600), 0);
  assert_int_equal(symlink("real.db", at(1, "link.db")), 0);
  make_store(at(1, "link.db"), 3);
  struct stat st;
  assert_int_equal(lstat(at(1, "link.db"), &st), 0);
  assert_true(S_ISLNK(st.st_mode));
  assert_int_equal(store_runs(at(0, "real.db")), 3);
  assert_int_equal(stat(at(0, "real.db"), &st), 0);
  assert_int_equal(st.st_mode & 0777, 0600);
  assert_int_equal(entries(), 2);
}

static void test_concurrent_writers(void **state) {
  (void)state;
  char script[4096], *out;
  const char *db = at(0, "x.db");
  snprintf(script, sizeof script,
           "\"$ORBIT\" bargain " SMALL " --runs 300 --store %s >/dev/null 2>%s & a=$!; "
           "\"$ORBIT\" bargain " SMALL " --runs 300 --store %s >/dev/null 2>%s & b=$!; "
           "wait $a; ra=$?; wait $b; rb=$?; echo \"$ra $rb\"; cat %s %s; rm -f %s %s",
           db, at(1, "e1"), db, at(2, "e2"), at(1, "e1"), at(2, "e2"), at(1, "e1"),
           at(2, "e2"));
  assert_int_equal(shell(script, &out), 0);
  int ra = -1, rb = -1;
  assert_int_equal(sscanf(out, "%d %d", &ra, &rb), 2);
  assert_true(ra == 0 || rb == 0);
  if (ra != 0 || rb != 0) { /* the second was refused, saying why */
    assert_true(ra + rb == 3); /* exit 3: the store cannot be written */
    assert_non_null(strstr(out, "x.db is being written by another orbit process"));
  }
  free(out);
  assert_int_equal(store_runs(db), 300);
  assert_int_equal(entries(), 1);
}

/* Starts a long store run over a store of 3 runs, sends sig after a moment,
 * and checks the old store is intact. */
static void kill_during_store(int sig) {
  const char *db = at(0, "x.db");
  make_store(db, 3);
  char script[4096];
  snprintf(script, sizeof script,
           "\"$ORBIT\" bargain " LONG " --runs 100000 --store %s >/dev/null & p=$!; "
           "sleep 1; kill -%d $p; wait $p; echo \"status $?\"",
           db, sig);
  char *out;
  assert_int_equal(shell(script, &out), 0);
  const char *status = strstr(out, "status ");
  if (!status || atoi(status + 7) != 128 + sig) fail_msg("not killed while writing: %s", out);
  free(out);
  assert_int_equal(store_runs(db), 3);
  char partial[600];
  snprintf(partial, sizeof partial, "%s.partial", db);
  assert_int_equal(access(partial, F_OK), -1);
}

static void test_killed_run(void **state) {
  (void)state;
  kill_during_store(SIGTERM); /* the handler removes the temporary file */
  assert_int_equal(entries(), 1);
  kill_during_store(SIGKILL); /* a hidden temporary may stay ... */
  make_store(at(0, "x.db"), 4); /* ... until the next writer removes it */
  assert_int_equal(entries(), 1);
}

static void test_write_failure(void **state) {
  (void)state;
  const char *db = at(0, "x.db");
  make_store(db, 3);
  char script[4096], *out;
  /* files limited to 256 KiB: the store cannot grow, as on a full disk */
  snprintf(script, sizeof script,
           "trap \"\" XFSZ; ulimit -f 256; \"$ORBIT\" bargain " LONG
           " --runs 300 --store %s >/dev/null", db);
  assert_int_equal(shell(script, &out), 3);
  assert_non_null(strstr(out, "error: cannot write the store: "));
  assert_non_null(strstr(out, "File too large"));
  assert_null(strstr(out, "not an error"));
  free(out);
  assert_int_equal(store_runs(db), 3);
  assert_int_equal(entries(), 1);
}

/* Peak resident memory (KiB) of `orbit ARGS` with its output to /dev/null. */
static long peak_kib(const char *args) {
  char command[1024];
  snprintf(command, sizeof command, "exec '%s' %s >/dev/null", ORB_TEST_ORBIT_BIN, args);
  fflush(NULL);
  pid_t child = fork();
  assert_true(child >= 0);
  if (child == 0) {
    execl("/bin/sh", "sh", "-c", command, (char *)NULL);
    _exit(127);
  }
  int status;
  struct rusage usage;
  assert_int_equal(wait4(child, &status, 0, &usage), child);
  assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  return usage.ru_maxrss;
}

static void test_bounded_memory(void **state) {
  (void)state;
#ifdef __SANITIZE_ADDRESS__
  printf("SKIPPED: peak memory (AddressSanitizer keeps freed memory in quarantine)\n");
  return;
#endif
  char args[1024];
  snprintf(args, sizeof args, "bargain " SMALL " --runs 100 --turn-probs --json --store %s",
           at(0, "a.db"));
  long small = peak_kib(args);
  snprintf(args, sizeof args, "bargain " SMALL " --runs 1000 --turn-probs --json --store %s",
           at(1, "b.db"));
  long large = peak_kib(args);
  printf("peak memory: %ld KiB for 100 runs, %ld KiB for 1000 runs\n", small, large);
  assert_true(large < small + 4096); /* not 10 times the runs' worth */
  assert_int_equal(store_runs(at(1, "b.db")), 1000);
}

/* Running summaries: exact mean, sd, min and max; exact quantiles over few runs;
 * P-square quantiles of a shuffled 0..9999 within a tenth of a percent of the
 * range. */
static void test_summary(void **state) {
  (void)state;
  orb_bargain_summary sum;
  assert_int_equal(orb_bargain_summary_init(&sum, 1), ORB_OK);
  double x;
  orb_bargain_result r = {0};
  r.dim_count = 1;
  r.state_count = 3;
  r.outcome_mean = &x;
  const double few[] = {4, 1, 3};
  for (int i = 0; i < 3; i++) {
    x = few[i];
    orb_bargain_summary_add(&sum, &r);
  }
  assert_true(orb_bargain_summary_quantile(&sum, 0, 1) == 3);   /* the median of 1 3 4 */
  assert_true(orb_bargain_summary_quantile(&sum, 0, 0) == 1.2); /* 1 + 0.1 * (3 - 1) */
  orb_bargain_summary_free(&sum);
  assert_int_equal(orb_bargain_summary_init(&sum, 1), ORB_OK);
  const int n = 10000;
  for (int i = 0; i < n; i++) {
    x = (double)((i * 7919) % n); /* a permutation of 0..n-1 */
    orb_bargain_summary_add(&sum, &r);
  }
  assert_int_equal(sum.runs, n);
  assert_float_equal(sum.mean[0], (n - 1) / 2.0, 1e-9);
  assert_float_equal(orb_bargain_summary_sd(&sum, 0), sqrt(((double)n * n - 1) / 12), 1e-6);
  assert_true(sum.min[0] == 0 && sum.max[0] == n - 1);
  assert_true(sum.turns_mean == 2);
  assert_float_equal(orb_bargain_summary_quantile(&sum, 0, 0), 0.05 * n, 0.001 * n);
  assert_float_equal(orb_bargain_summary_quantile(&sum, 0, 1), 0.50 * n, 0.001 * n);
  assert_float_equal(orb_bargain_summary_quantile(&sum, 0, 2), 0.95 * n, 0.001 * n);
  orb_bargain_summary_free(&sum);
}

/* The sink of test_stream: checks the runs come in order and keeps run 5. */
static orb_status in_order(void *arg, uint64_t run, orb_bargain_result **result) {
  uint64_t *next = arg;
  if (run != next[0]++) return ORB_EINVAL;
  if (run == 5) {
    next[1] = (uint64_t)(uintptr_t)*result;
    *result = NULL;
  }
  return ORB_OK;
}

/* Streamed runs come in run order, the same for 1 and 3 threads as one
 * orb_bargain_run; the default threads never exceed the runs, and a single run
 * of a small scenario gets one. */
static void test_stream(void **state) {
  (void)state;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_bargain_scenario *s = NULL;
  assert_int_equal(orb_bargain_read(SMALL, &s, &diags), ORB_OK);
  orb_bargain_options o;
  orb_bargain_options_default(&o);
  o.transitions = ORB_TRANSITION_STOCHASTIC;
  orb_bargain_result *alone = NULL;
  assert_int_equal(orb_bargain_run(s, &o, 9, 5, &alone), ORB_OK);
  for (int threads = 1; threads <= 3; threads += 2) {
    uint64_t next[2] = {0, 0};
    assert_int_equal(orb_bargain_ensemble_stream(s, &o, 9, 11, threads, in_order, next), ORB_OK);
    assert_int_equal(next[0], 11);
    orb_bargain_result *kept = (orb_bargain_result *)(uintptr_t)next[1];
    assert_int_equal(kept->state_count, alone->state_count);
    assert_memory_equal(kept->positions, alone->positions,
                        alone->state_count * s->actor_count * s->dim_count * sizeof(double));
    orb_bargain_result_free(kept);
  }
  orb_bargain_result_free(alone);
  unsetenv("OMP_NUM_THREADS");
  assert_int_equal(orb_bargain_default_threads(s, 1), 1);
  assert_int_equal(orb_bargain_default_threads(s, 1000000) <= 1024, 1);
  assert_int_equal(orb_bargain_default_threads(s, 2) <= 2, 1);
  assert_int_equal(orb_bargain_default_threads(s, 2) >= 1, 1);
  orb_bargain_scenario_free(s);
  orb_diags_free(&diags);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_refused_targets, setup, teardown),
      cmocka_unit_test_setup_teardown(test_symlink_written_through, setup, teardown),
      cmocka_unit_test_setup_teardown(test_concurrent_writers, setup, teardown),
      cmocka_unit_test_setup_teardown(test_killed_run, setup, teardown),
      cmocka_unit_test_setup_teardown(test_write_failure, setup, teardown),
      cmocka_unit_test_setup_teardown(test_bounded_memory, setup, teardown),
      cmocka_unit_test(test_summary),
      cmocka_unit_test(test_stream),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
