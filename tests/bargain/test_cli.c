/*
 * test_cli.c: `orbit bargain` end to end: JSON output of KTAB's example matches
 * KTAB's final probabilities, CSV rows, ensembles identical across thread
 * counts, the SQLite store, and exit codes with FILE:LINE messages.
 */
#include <cjson/cJSON.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "common/testutil.h"

/* Runs `orbit ARGS`, capturing stdout (and stderr when merge_stderr is set) into a
 * malloc'ed string (caller frees); returns the exit status. */
static int orbit(const char *args, char **out, int merge_stderr) {
  int code;
  *out = test_run_orbit(args, merge_stderr ? TEST_BOTH : TEST_STDOUT, &code);
  return code;
}

static void test_json(void **state) {
  (void)state;
  char *out;
  assert_int_equal(orbit("bargain data/bargain/dummyData_3Dim.csv --json", &out, 0), 0);
  cJSON *root = cJSON_Parse(out);
  assert_non_null(root);
  assert_string_equal(cJSON_GetObjectItem(root, "scenario")->valuestring, "DummyData_3Dim");
  cJSON *opts = cJSON_GetObjectItem(root, "options");
  assert_string_equal(cJSON_GetObjectItem(opts, "VotingRule")->valuestring, "Prop");
  cJSON *runs = cJSON_GetObjectItem(root, "runs");
  assert_int_equal(cJSON_GetArraySize(runs), 1);
  cJSON *run = cJSON_GetArrayItem(runs, 0);
  assert_int_equal(cJSON_GetObjectItem(run, "turns")->valueint, 10);
  assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(run, "positions")), 11);
  /* KTAB's last column of "History of actors' winning probabilities" */
  const char *ktab[7] = {"0.3340", "0.3340", "0.0183", "0.0957",
                         "0.1512", "0.4009", "0.1512"};
  cJSON *probs = cJSON_GetObjectItem(run, "final_probabilities");
  for (int i = 0; i < 7; i++) {
    char mine[16];
    snprintf(mine, sizeof mine, "%.4f", cJSON_GetArrayItem(probs, i)->valuedouble);
    assert_string_equal(mine, ktab[i]);
  }
  assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(run, "final_positions")), 5);
  cJSON *outcome = cJSON_GetObjectItem(run, "outcome");
  cJSON *mode = cJSON_GetObjectItem(outcome, "most_probable");
  /* SActor-05's final position (79.88, 34.37, 75.16) has probability 0.4009 */
  char text[64];
  snprintf(text, sizeof text, "%.2f %.2f %.2f", cJSON_GetArrayItem(mode, 0)->valuedouble,
           cJSON_GetArrayItem(mode, 1)->valuedouble, cJSON_GetArrayItem(mode, 2)->valuedouble);
  assert_string_equal(text, "79.88 34.37 75.16");
  cJSON_Delete(root);
  free(out);
}

static void test_csv_and_text(void **state) {
  (void)state;
  char *out;
  assert_int_equal(orbit("bargain data/bargain/SOE-Pol-Comp.csv --csv", &out, 0), 0);
  const char head[] = "run,turn,actor,dimension,position,probability\n"
                      "0,0,\"XJ\",\"Policy Position\",30.0000,\n";
  assert_true(strncmp(out, head, sizeof head - 1) == 0);
  size_t rows = 0;
  for (char *p = out; *p; p++) rows += *p == '\n';
  assert_int_equal(rows, 1 + 28 * 13 * 2); /* 27 turns, 13 actors, 2 dimensions */
  assert_non_null(strstr(out, "27,\"WY\",\"Competitive Position\",60.0000,0.0002\n"));
  free(out);
  assert_int_equal(orbit("bargain data/bargain/SOE-Pol-Comp.csv", &out, 0), 0);
  assert_non_null(strstr(out, "Positions by turn (27 turns):"));
  assert_non_null(strstr(out, "Outcome by dimension:"));
  free(out);
}

static void test_ensemble_threads(void **state) {
  (void)state;
  char *one, *two;
  assert_int_equal(orbit("bargain data/bargain/dummyData_3Dim.csv --runs 16 --seed 9 "
                         "--threads 1 --json",
                         &one, 0),
                   0);
  assert_int_equal(orbit("bargain data/bargain/dummyData_3Dim.csv --runs 16 --seed 9 "
                         "--threads 2 --json",
                         &two, 0),
                   0);
  assert_string_equal(one, two);
  cJSON *root = cJSON_Parse(one);
  assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(root, "runs")), 16);
  assert_string_equal(
      cJSON_GetObjectItem(cJSON_GetObjectItem(root, "options"), "StateTransitions")
          ->valuestring,
      "Stochastic");
  cJSON_Delete(root);
  free(one);
  free(two);
}

static void test_store(void **state) {
  (void)state;
  char db[] = "/tmp/orbit-bargain-test-XXXXXX";
  int fd = mkstemp(db);
  assert_true(fd >= 0);
  close(fd);
  char args[256], *out;
  snprintf(args, sizeof args,
           "bargain data/bargain/dummyData_3Dim.csv --runs 3 --turn-probs --store %s", db);
  assert_int_equal(orbit(args, &out, 0), 0);
  free(out);
  sqlite3 *h;
  assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
  sqlite3_stmt *st;
  assert_int_equal(sqlite3_prepare_v2(h,
                                      "SELECT (SELECT count(*) FROM run), "
                                      "(SELECT count(*) FROM position), "
                                      "(SELECT sum(states) * 7 * 3 FROM run), "
                                      "(SELECT count(*) FROM probability), "
                                      "(SELECT count(*) FROM actor), "
                                      "(SELECT count(*) FROM outcome)",
                                      -1, &st, NULL),
                   SQLITE_OK);
  assert_int_equal(sqlite3_step(st), SQLITE_ROW);
  assert_int_equal(sqlite3_column_int(st, 0), 3);
  assert_int_equal(sqlite3_column_int(st, 1), sqlite3_column_int(st, 2));
  assert_int_equal(sqlite3_column_int(st, 3) * 3, sqlite3_column_int(st, 1));
  assert_int_equal(sqlite3_column_int(st, 4), 7);
  assert_int_equal(sqlite3_column_int(st, 5), 9);
  sqlite3_finalize(st);
  sqlite3_close(h);
  unlink(db);
  /* an unwritable store: exit 3 (output not written) and no file left behind */
  assert_int_equal(orbit("bargain data/bargain/dummyData_3Dim.csv --store "
                         "/nonexistent-dir/x.db",
                         &out, 1),
                   3);
  assert_non_null(strstr(out, "/nonexistent-dir/x.db: error: cannot write "
                              "/nonexistent-dir/x.db: its directory: No such file"));
  free(out);
}

static void test_errors(void **state) {
  (void)state;
  char *out;
  assert_int_equal(orbit("bargain data/bargain/smpExample.xml", &out, 1), 1);
  assert_string_equal(out, "data/bargain/smpExample.xml:32:9: error: empty <dCoord> "
                           "(expected a position 0..100)\n"
                           "orbit bargain: data/bargain/smpExample.xml: scenario not loaded\n");
  free(out);
  char path[] = "/tmp/orbit-bargain-bad-XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  const char bad[] = "T,D,3,1\nActor,Desc,Power,P,S\nA,a,1,10,160\nB,b,1,1,1\nC,c,1,1,1\n";
  assert_int_equal(write(fd, bad, sizeof bad - 1), (ssize_t)(sizeof bad - 1));
  close(fd);
  char args[256], expect[512];
  snprintf(args, sizeof args, "bargain %s", path);
  assert_int_equal(orbit(args, &out, 1), 1);
  snprintf(expect, sizeof expect,
           "%s:3:10: error: salience 160 (expected 0..100)\n"
           "%s:3:10: error: saliences of actor 'A' sum to 160, over 100\n"
           "orbit bargain: %s: scenario not loaded\n",
           path, path, path);
  assert_string_equal(out, expect);
  free(out);
  unlink(path);
  assert_int_equal(orbit("bargain", &out, 1), 2);
  assert_non_null(strstr(out, "missing the scenario FILE"));
  free(out);
  assert_int_equal(orbit("bargain data/bargain/SOE-Pol-Comp.csv --pce Maybe", &out, 1), 2);
  assert_non_null(strstr(out, "unknown PCEModel 'Maybe'"));
  free(out);
  assert_int_equal(orbit("bargain data/bargain/SOE-Pol-Comp.csv --runs 0", &out, 1), 2);
  free(out);
  assert_int_equal(orbit("bargain data/bargain/SOE-Pol-Comp.csv --runs 3 "
                         "--transitions Deterministic",
                         &out, 1),
                   2);
  free(out);
  assert_int_equal(orbit("bargain /nonexistent.csv", &out, 1), 1);
  assert_non_null(strstr(out, "/nonexistent.csv: error: cannot open the scenario file"));
  free(out);
  assert_int_equal(orbit("bargain --help", &out, 0), 0);
  assert_non_null(strstr(out, "Usage: orbit bargain FILE"));
  free(out);
}

/* --capability takes capabilities from the built-in world by actor id. */
static void test_world_capability(void **state) {
  (void)state;
  char path[] = "/tmp/orbit-bargain-world-XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  const char csv[] = "EAEU test,synthetic,4,1\nActor,Desc,Power,Quota,Salience\n"
                     "RUS,Russia,1,80,60\nKAZ,Kazakhstan,1,10,70\nBLR,Belarus,1,70,40\n"
                     "ARM,Armenia,1,40,30\n";
  assert_int_equal(write(fd, csv, sizeof csv - 1), (ssize_t)(sizeof csv - 1));
  close(fd);
  char args[256], *out;
  snprintf(args, sizeof args, "bargain %s --capability gdp_usd --year 2022 --json", path);
  assert_int_equal(orbit(args, &out, 0), 0);
  cJSON *root = cJSON_Parse(out);
  assert_non_null(root);
  cJSON *rus = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "actors"), 0);
  assert_true(cJSON_GetObjectItem(rus, "capability")->valuedouble == 2266029240645.0);
  cJSON_Delete(root);
  free(out);
  snprintf(args, sizeof args, "bargain %s --capability gdp", path);
  assert_int_equal(orbit(args, &out, 1), 1);
  assert_non_null(strstr(out, "error: RUS has no positive 'gdp' in the world"));
  free(out);
  snprintf(args, sizeof args, "bargain %s --world worlds/postsoviet.yaml", path);
  assert_int_equal(orbit(args, &out, 1), 2);
  free(out);
  unlink(path);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_json),
      cmocka_unit_test(test_csv_and_text),
      cmocka_unit_test(test_ensemble_threads),
      cmocka_unit_test(test_store),
      cmocka_unit_test(test_errors),
      cmocka_unit_test(test_world_capability),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
