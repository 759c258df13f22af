/*
 * test_commands.c: the commands around the month-by-month model: orbit run's
 * ensemble options, orbit compare (a counterfactual with common random numbers),
 * orbit series (an alias of simulate --series), the progress bar, and
 * orb_simulation_new, the one library call behind them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/testutil.h"
#include "orbit/orbit.h"

static orb_session *session;

static int setup(void **state) {
  (void)state;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_session_options o = {0};
  orb_status st = orb_session_load(&o, &session, &diags);
  orb_diags_free(&diags);
  return st == ORB_OK ? 0 : -1;
}

static int teardown(void **state) {
  (void)state;
  orb_session_free(session);
  return 0;
}

/* The whole text a FILE holds (malloc'ed). */
static char *contents(FILE *f) {
  long n = ftell(f);
  char *text = malloc((size_t)n + 1);
  rewind(f);
  assert_int_equal(fread(text, 1, (size_t)n, f), (size_t)n);
  text[n] = 0;
  return text;
}

/* ---- the progress bar --------------------------------------------------------- */

static void expect_progress(size_t done, size_t total, double seconds, const char *expected) {
  FILE *f = tmpfile();
  assert_int_equal(orb_report_progress(f, done, total, seconds), ORB_OK);
  char *text = contents(f);
  assert_string_equal(text, expected);
  free(text);
  fclose(f);
}

static void test_progress_format(void **state) {
  (void)state;
  expect_progress(250, 1000, 0.5,
                  "\r[#######                       ] 250/1000 runs, 500 runs/s, 1.5 s left ");
  expect_progress(1000, 1000, 0.125,
                  "\r[##############################] 1000/1000 runs, 8000 runs/s, 0.0 s left \n");
  expect_progress(1, 1000, 1, "\r[                              ] 1/1000 runs, 1 runs/s, 16 min 39 s left ");
  expect_progress(1, 10000, 1, "\r[                              ] 1/10000 runs, 1 runs/s, 2 h 46 min left ");
  expect_progress(0, 10, 0, "\r[                              ] 0/10 runs, 0 runs/s, 0.0 s left ");
  FILE *full = fopen("/dev/full", "w");
  if (full) {
    setvbuf(full, NULL, _IONBF, 0);
    assert_int_equal(orb_report_progress(full, 1, 2, 1), ORB_EIO);
    fclose(full);
  }
}

/* Quiet when stderr is not a terminal: nothing but the report on stdout. */
static void test_progress_quiet(void **state) {
  (void)state;
  static const char *const commands[] = {
      "run --runs 300", "simulate --runs 300 --from 2021-01 --to 2023-12",
      "compare --runs 300 --from 2021-01 --to 2023-12 --without-event 2022-09-14/ARM/request_aid/CSTO",
      "series credibility:CSTO --runs 300 --from 2021-01 --to 2023-12"};
  for (size_t k = 0; k < sizeof commands / sizeof *commands; k++) {
    int code;
    char *err = test_run_orbit(commands[k], TEST_STDERR, &code);
    assert_int_equal(code, 0);
    assert_string_equal(err, "");
    free(err);
  }
}

/* On a terminal (script(1) gives the command one): the bar, ending with a newline. */
static void test_progress_terminal(void **state) {
  (void)state;
  if (system("command -v script >/dev/null 2>&1") != 0) {
    printf("SKIPPED: the progress bar on a terminal (no script command)\n");
    return;
  }
  char command[1024];
  snprintf(command, sizeof command,
           "script -qec \"'%s' simulate --runs 600 --from 2020-01 --to 2021-12 >/dev/null\" "
           "/dev/null",
           ORB_TEST_ORBIT_BIN);
  FILE *p = popen(command, "r");
  assert_non_null(p);
  char buf[8192];
  size_t n = fread(buf, 1, sizeof buf - 1, p);
  buf[n] = 0;
  assert_int_equal(pclose(p), 0);
  assert_non_null(strstr(buf, "\r[#"));
  assert_non_null(strstr(buf, " 600/600 runs, "));
  assert_non_null(strstr(buf, " s left "));
}

/* ---- the one library call ------------------------------------------------------- */

static void test_simulation_new(void **state) {
  (void)state;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_simulation *sim = NULL;
  orb_simulation_request plain = {.from = ORB_DATE_NONE, .to = ORB_DATE_NONE, .no_record = 1};
  assert_int_equal(orb_simulation_new(session, &plain, &sim, &diags), ORB_OK);
  assert_null(sim->record);
  assert_int_equal(orb_dyn_month_count(sim->model), 39 * 12); /* 1992-01 .. 2030-12 */
  assert_int_equal(orb_dyn_month_date(sim->model, 0), orb_date_from_ymd(1992, 1, 1));
  orb_simulation_free(sim);

  /* each bad argument: its status and a message naming it */
  static const struct {
    const char *set, *without, *add;
    orb_date from;
    orb_status status;
    const char *message;
  } bad[] = {
      {"war_tiedwn=1", NULL, NULL, ORB_DATE_NONE, ORB_EINVAL, "did you mean 'war_tiedown'"},
      {"war_tiedown=2..1", NULL, NULL, ORB_DATE_NONE, ORB_EINVAL, "impossible bounds 2..1"},
      {"war_tiedown=-1..1", NULL, NULL, ORB_DATE_NONE, ORB_EINVAL, "war_tiedown"},
      {NULL, "2022-09-14/ARM/request_aid/XX", NULL, ORB_DATE_NONE, ORB_ENOTFOUND,
       "no event '2022-09-14/ARM/request_aid/XX'"},
      {NULL, NULL, "2022-09-20,CSTO,deploy,ARM", ORB_DATE_NONE, ORB_EINVAL,
       "unknown event type 'deploy'"},
      {NULL, NULL, NULL, 0, ORB_EINVAL, "outside the world"},
  };
  for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
    orb_simulation_request r = {.from = bad[k].from ? bad[k].from : orb_date_from_ymd(1980, 1, 1),
                                .to = ORB_DATE_NONE, .no_record = 1,
                                .sets = &bad[k].set, .set_count = bad[k].set != NULL,
                                .without = &bad[k].without, .without_count = bad[k].without != NULL,
                                .adds = &bad[k].add, .add_count = bad[k].add != NULL};
    if (bad[k].from == ORB_DATE_NONE) r.from = ORB_DATE_NONE;
    orb_diags_free(&diags);
    orb_diags_init(&diags);
    sim = (orb_simulation *)&r; /* overwritten with NULL */
    assert_int_equal(orb_simulation_new(session, &r, &sim, &diags), bad[k].status);
    assert_null(sim);
    int found = 0;
    for (size_t d = 0; d < diags.count; d++) found |= strstr(diags.items[d].message, bad[k].message) != NULL;
    if (!found) orb_diags_print(&diags, stderr);
    assert_true(found);
  }
  orb_diags_free(&diags);
}

/* ---- orbit compare: common random numbers ------------------------------------------ */

static orb_dyn_comparison *compare(const char *without, int threads, size_t runs, size_t keep) {
  orb_diags diags;
  orb_diags_init(&diags);
  orb_simulation_request r = {.from = orb_date_from_ymd(2020, 1, 1),
                              .to = orb_date_from_ymd(2025, 12, 1), .no_record = 1};
  orb_simulation *base = NULL, *cf = NULL;
  assert_int_equal(orb_simulation_new(session, &r, &base, &diags), ORB_OK);
  r.without = &without;
  r.without_count = without != NULL;
  assert_int_equal(orb_simulation_new(session, &r, &cf, &diags), ORB_OK);
  orb_dyn_ensemble_options o = {.runs = runs, .seed = 3, .threads = threads, .keep = keep};
  orb_dyn_comparison *c = NULL;
  assert_int_equal(orb_dyn_compare(base->model, &base->settings, cf->model, &cf->settings, &o, &c,
                                   &diags),
                   ORB_OK);
  /* the baseline side is the plain ensemble of the baseline, byte for byte */
  orb_dyn_summary *plain = NULL;
  assert_int_equal(orb_dyn_ensemble(base->model, &base->settings, &o, &plain, &diags), ORB_OK);
  size_t cells = plain->series_count * plain->month_count;
  assert_int_equal(c->baseline->series_count, plain->series_count);
  assert_memory_equal(c->baseline->quantiles, plain->quantiles, cells * 3 * sizeof(float));
  if (keep) assert_memory_equal(c->baseline->kept_values, plain->kept_values, keep * cells * sizeof(float));
  orb_dyn_summary_free(plain);
  /* a store is refused */
  o.store = "never.db";
  orb_dyn_comparison *none = NULL;
  assert_int_equal(orb_dyn_compare(base->model, &base->settings, cf->model, &cf->settings, &o,
                                   &none, &diags),
                   ORB_EINVAL);
  assert_null(none);
  orb_simulation_free(base);
  orb_simulation_free(cf);
  orb_diags_free(&diags);
  return c;
}

static void test_compare_crn(void **state) {
  (void)state;
  /* no edit: the counterfactual is the baseline, the difference exactly 0 */
  orb_dyn_comparison *c = compare(NULL, 2, 100, 0);
  size_t cells = c->baseline->series_count * c->baseline->month_count;
  assert_memory_equal(c->baseline->quantiles, c->counterfactual->quantiles, cells * 3 * sizeof(float));
  for (size_t i = 0; i < cells * 3; i++) assert_true(c->difference->quantiles[i] == 0);
  orb_dyn_comparison_free(c);

  /* the ignored request removed: the difference is taken run by run (the kept
   * runs' difference is exactly counterfactual - baseline), and is the same for
   * 1 and 2 threads */
  const char *id = "2022-09-14/ARM/request_aid/CSTO";
  orb_dyn_comparison *one = compare(id, 1, 150, 5), *two = compare(id, 2, 150, 5);
  cells = one->baseline->series_count * one->baseline->month_count;
  assert_memory_equal(one->difference->quantiles, two->difference->quantiles, cells * 3 * sizeof(float));
  assert_memory_equal(one->counterfactual->kept_values, two->counterfactual->kept_values,
                      5 * cells * sizeof(float));
  for (size_t i = 0; i < 5 * cells; i++)
    assert_true(one->difference->kept_values[i] ==
                one->counterfactual->kept_values[i] - one->baseline->kept_values[i]);
  /* before September 2022 nothing differs; after it the CSTO's credibility is
   * higher in every run (the median of the difference and its 5% quantile > 0) */
  orb_diags diags;
  orb_diags_init(&diags);
  orb_simulation_request r = {.from = orb_date_from_ymd(2020, 1, 1),
                              .to = orb_date_from_ymd(2025, 12, 1), .no_record = 1};
  orb_simulation *sim = NULL;
  assert_int_equal(orb_simulation_new(session, &r, &sim, &diags), ORB_OK);
  size_t cred = orb_dyn_series_find(sim->model, "credibility:CSTO");
  size_t M = orb_dyn_month_count(sim->model);
  const float *before = one->difference->quantiles + (cred * M + 31) * 3; /* 2022-08 */
  const float *after = one->difference->quantiles + (cred * M + 35) * 3;  /* 2022-12 */
  assert_true(before[0] == 0 && before[1] == 0 && before[2] == 0);
  assert_true(after[0] > 0 && after[1] > 0.01);
  orb_simulation_free(sim);
  orb_diags_free(&diags);
  orb_dyn_comparison_free(one);
  orb_dyn_comparison_free(two);
}

/* ---- the commands ---------------------------------------------------------------- */

/* The ensemble options' bad input, the same for every command that takes them
 * (command: "run", "compare", "series all"): exit 2 and the message. */
static void expect_bad_ensemble_input(const char *command) {
  static const struct { const char *args, *message; } bad[] = {
    {"--set war_tiedwn=1", "did you mean 'war_tiedown'"},
    {"--from 1980-01", "outside the world"},
    {"--to 2040-01", "outside the world"},
    {"--set war_tiedown=2..1", "impossible bounds 2..1"},
    {"--without-event 2022-09-14/ARM/request_aid/XX", "no event '2022-09-14/ARM/request_aid/XX'"},
    {"--add-event 2022-09-20,CSTO,deploy,ARM", "unknown event type 'deploy'"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    char line[256];
    snprintf(line, sizeof line, "%s --runs 5 %s", command, bad[i].args);
    test_expect_orbit(line, 2, bad[i].message);
  }
}

static void test_compare_cli(void **state) {
  (void)state;
  /* golden: the Kursk incursion removed, the CSTO's credibility around it */
  test_expect_orbit(
      "compare --runs 100 --from 2024-06 --to 2024-09 --without-event 2024-08-06/UKR/attack/RUS "
      "--series credibility:CSTO",
      0,
      "series,month,baseline_q05,baseline_q50,baseline_q95,counterfactual_q05,counterfactual_q50,"
      "counterfactual_q95,difference_q05,difference_q50,difference_q95\n"
      "credibility:CSTO,2024-06,0.655914,0.722681,0.804785,0.655914,0.722681,0.804785,0,0,0\n"
      "credibility:CSTO,2024-07,0.655914,0.722681,0.804785,0.655914,0.722681,0.804785,0,0,0\n"
      "credibility:CSTO,2024-08,0.564692,0.645649,0.736418,0.655914,0.722681,0.804785,0.0380024,"
      "0.068859,0.144214\n");
  test_expect_orbit("compare --runs 100 --add-event 2022-09-20,CSTO,troop_deployment,ARM", 0,
                    "counterfactual: --add-event 2022-09-20,CSTO,troop_deployment,ARM\n");
  test_expect_orbit("compare --runs 100 --add-event 2022-09-20,CSTO,troop_deployment,ARM", 0,
                    "\ncredibility:CSTO    2021-12");
  test_expect_orbit("compare --runs 100", 0, "0 series shown change; 0 other series change");
  test_expect_orbit("compare --runs 20 --from 2022-01 --to 2022-12 --json "
                    "--without-event 2022-09-14/ARM/request_aid/CSTO", 0,
                    "\"credibility:CSTO\":{\"baseline\":{\"2022-12\":{\"q05\":");
  /* bad input: exit codes and messages */
  expect_bad_ensemble_input("compare");
  test_expect_orbit("compare --runs 5 --store x.db", 2, "a comparison writes no store");
  test_expect_orbit("compare --runs 5 --series leverage:RUS:ARN", 2, "did you mean 'leverage:RUS:ARM'");
  test_expect_orbit("compare --csv", 2, "name them with --series");
  test_expect_orbit("compare extra", 2, "unexpected argument 'extra'");
}

static void test_series_cli(void **state) {
  (void)state;
  int c1, c2;
  char *a = test_run_orbit("series credibility:CSTO leverage:RUS:ARM --runs 50 --from 2020-01 "
                           "--to 2025-12", TEST_BOTH, &c1);
  char *b = test_run_orbit("simulate --series credibility:CSTO --series leverage:RUS:ARM --runs 50 "
                           "--from 2020-01 --to 2025-12", TEST_BOTH, &c2);
  assert_int_equal(c1, 0);
  assert_int_equal(c2, 0);
  assert_string_equal(a, b); /* an alias: the same writer, the same bytes */
  assert_non_null(strstr(a, "series,month,q05,q50,q95\ncredibility:CSTO,2020-01,"));
  free(a);
  free(b);
  test_expect_orbit("series capacity:RUS --runs 5 --from 2020-01 --to 2020-03 --keep 2 --per-run "
                    "--json", 0, "{\"series\":\"capacity:RUS\",\"run\":1,\"month\":\"2020-03\"");
  test_expect_orbit("series", 2, "name a series (or 'all')");
  test_expect_orbit("series leverage:RUS:ARN --runs 5", 2, "did you mean 'leverage:RUS:ARM'");
  test_expect_orbit("series all --per-run", 2, "--per-run needs --keep N");
  test_expect_orbit("series all --runs 5 --set bogus=1", 2, "unknown parameter 'bogus'");
  expect_bad_ensemble_input("series all");
}

static void test_run_cli(void **state) {
  (void)state;
  test_expect_orbit("run --runs 50 --seed 7", 0,
                    "Post-Soviet space: 50 runs, 1992-01 to 2030-12 monthly, seed 7;");
  test_expect_orbit("run --runs 50 --from 2020-01 --to 2025-12", 0,
                    "  2021-12               2022-12               2024-12               2025-12");
  expect_bad_ensemble_input("run");
  test_expect_orbit("run --runs 0", 2, "--runs: expected a whole number");
  test_expect_orbit("run --runs 5 --store README.md", 1, "not an orbit simulation store");
  /* a counterfactual in run: the CSTO answering Armenia keeps its credibility up */
  int code;
  char *out = test_run_orbit("run --runs 100 --add-event 2022-09-20,CSTO,troop_deployment,ARM",
                             TEST_STDOUT, &code);
  assert_int_equal(code, 0);
  const char *cred = strstr(out, "\n  CSTO                0.");
  assert_non_null(cred);
  double q[4];
  assert_int_equal(sscanf(cred, "\n  CSTO %lf [%*f-%*f] %lf [%*f-%*f] %lf [%*f-%*f] %lf", &q[0],
                          &q[1], &q[2], &q[3]),
                   4);
  assert_true(q[1] > q[0]); /* honoured in September 2022: up, not down */
  free(out);
}

/* ---- stances with the simulated alignment ------------------------------------------ */

static void test_sim_stances(void **state) {
  (void)state;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_simulation_request r = {.from = orb_date_from_ymd(2021, 1, 1),
                              .to = orb_date_from_ymd(2023, 12, 1)};
  orb_simulation *sim = NULL;
  assert_int_equal(orb_simulation_new(session, &r, &sim, &diags), ORB_OK);
  orb_dyn_ensemble_options o = {.runs = 100, .seed = 1};
  orb_dyn_summary *sum = NULL;
  assert_int_equal(orb_dyn_ensemble(sim->model, &sim->settings, &o, &sum, &diags), ORB_OK);
  const orb_world *w = orb_session_world(session);
  size_t issue = orb_world_issue(w, "ES-11/1");
  orb_sim_stances *st = NULL;
  assert_int_equal(orb_simulation_stances(sim, sum, issue, &st, &diags), ORB_OK);
  assert_int_equal(st->month, orb_date_from_ymd(2022, 3, 1));
  assert_true(st->count >= 10);
  size_t M = sum->month_count;
  for (size_t i = 0; i < st->count; i++) {
    const orb_sim_stance *s = &st->items[i];
    char name[64];
    snprintf(name, sizeof name, "alignment:%s:RUS", w->actors[s->actor].id);
    size_t series = orb_dyn_series_find(sim->model, name);
    assert_true(series != ORB_NONE);
    /* the band is the ensemble's at the issue's month (2022-03: month 14) */
    assert_memory_equal(s->alignment, sum->quantiles + (series * M + 14) * 3, 3 * sizeof(float));
    /* the direction features carry the median alignment: the silent share kept,
     * agree / (agree + oppose) = the alignment */
    const float *d = &s->at.x[ORB_RT_DIR_AGREE], *rd = &s->record.x[ORB_RT_DIR_AGREE];
    assert_float_equal(d[0] + d[1] + d[2], 1, 1e-6);
    assert_float_equal(d[1], rd[1], 0);
    assert_float_equal(d[0] / (d[0] + d[2]), s->alignment[1], 1e-6);
    assert_float_equal(s->record_alignment, rd[0] / (rd[0] + rd[2]), 1e-6);
    /* the monthly series at the issue's month is the prediction at the median */
    for (int j = 0; j < 3; j++)
      assert_float_equal(st->monthly[(i * st->months + 14) * 3 + (size_t)j], s->at.prob[j], 1e-6);
    /* every other feature is the record model's own */
    for (int t = 0; t < ORB_RT_COUNT; t++)
      if (t < ORB_RT_DIR_AGREE || t > ORB_RT_DIR_OPPOSE)
        assert_true(s->at.x[t] == s->record.x[t]);
    /* probabilities, and contributions that add up to the scores */
    assert_float_equal(s->at.prob[0] + s->at.prob[1] + s->at.prob[2], 1, 1e-9);
    for (int k = 0; k < 2; k++) {
      double total = 0, by_factor = 0;
      for (int t = 0; t < ORB_RT_COUNT; t++) total += s->at.contrib[k][t];
      for (int f = 0; f < ORB_RF_COUNT; f++) by_factor += s->at.factor[k][f];
      assert_float_equal(total, s->at.score[k], 1e-9);
      assert_float_equal(by_factor, s->at.score[k], 1e-9);
    }
  }
  orb_sim_stances_free(st);
  /* an issue whose month is not simulated */
  size_t kursk = orb_world_issue(w, "KURSK-2024");
  assert_int_equal(orb_simulation_stances(sim, sum, kursk, &st, &diags), ORB_EINVAL);
  assert_null(st);
  orb_dyn_summary_free(sum);
  orb_simulation_free(sim);
  orb_diags_free(&diags);

  test_expect_orbit("simulate --stances --issue ES-11/1 --runs 50 --from 2021-01 --to 2023-12", 0,
                    "Stances on ES-11/1 (2022-03-02), patron RUS, with the simulated alignment of "
                    "2022-03\n");
  test_expect_orbit("simulate --stances --issue ES-11/1 --runs 50 --from 2021-01 --to 2023-12 --csv",
                    0, "series,month,value\nstance:BLR:ES-11/1:support,2021-01,");
  test_expect_orbit("simulate --stances --issue ES-11/1 --runs 50 --from 2023-01 --to 2023-12", 2,
                    "outside the simulated months");
  test_expect_orbit("simulate --stances --issue XX --runs 5", 2, "no issue 'XX'");
  test_expect_orbit("simulate --issue ES-11/1", 2, "--issue chooses the issue of --stances");
  test_expect_orbit("simulate --stances --no-record", 2, "drop --no-record");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_progress_format), cmocka_unit_test(test_progress_quiet),
      cmocka_unit_test(test_progress_terminal),
      cmocka_unit_test(test_simulation_new),  cmocka_unit_test(test_compare_crn),
      cmocka_unit_test(test_compare_cli),     cmocka_unit_test(test_series_cli),
      cmocka_unit_test(test_run_cli),         cmocka_unit_test(test_sim_stances),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
