/*
 * test_dynamics.c: the month-by-month model of the built-in world (the story
 * comes out of the model), determinism across thread counts, counterfactuals,
 * bad input, the run store (schema, refusal, a run killed mid-way) and memory
 * that does not grow with the number of runs.
 */
#define _DEFAULT_SOURCE /* wait4, usleep */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <glob.h>
#include <math.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/testutil.h"
#include "orbit/dynamics.h"
#include "orbit/session.h"

/* The built-in world, loaded once. */
static orb_world *world;
static orb_record *shipped_record; /* the shipped record, loaded by the first test that needs it */
/* A fresh folder for the stores the tests write, so that two builds running the
 * tests at once do not collide; emptied by each test, removed at the end. */
static char tmpdir[64];

static int setup(void **state) {
  (void)state;
  snprintf(tmpdir, sizeof tmpdir, "/tmp/orbit-dynamics-XXXXXX");
  if (!mkdtemp(tmpdir)) return -1;
  world = test_load_world(orb_world_default_path());
  return world ? 0 : -1;
}

static int teardown(void **state) {
  (void)state;
  orb_world_free(world);
  orb_record_free(shipped_record);
  return rmdir(tmpdir) == 0 ? 0 : -1; /* fails when a test left a file behind */
}

/* The path of a file named name in the tests' folder, into path[TEMP_PATH]. */
#define TEMP_PATH 128
static const char *temp_path(char *path, const char *name) {
  snprintf(path, TEMP_PATH, "%s/%s", tmpdir, name);
  return path;
}

/* A model of the built-in world, 1992-01..2030-12, with events removed. */
static orb_dyn_model *make_model(const char *const *without, size_t without_count) {
  orb_diags diags;
  orb_diags_init(&diags);
  orb_dyn_inputs *in = NULL;
  assert_int_equal(orb_dyn_inputs_from_world(world, 1992, 2030, &in, &diags), ORB_OK);
  for (size_t k = 0; k < without_count; k++)
    assert_int_equal(orb_dyn_remove_event(in, without[k], &diags), ORB_OK);
  orb_dyn_model *m = NULL;
  assert_int_equal(orb_dyn_model_new(world, in, orb_date_from_ymd(1992, 1, 1),
                                     orb_date_from_ymd(2030, 12, 1), &m, &diags),
                   ORB_OK);
  orb_dyn_inputs_free(in);
  orb_diags_free(&diags);
  return m;
}

static orb_dyn_summary *ensemble(const orb_dyn_model *m, size_t runs, int threads,
                                 const char *store, size_t keep) {
  orb_dyn_settings s;
  assert_int_equal(orb_dyn_settings_init(&s), ORB_OK);
  orb_diags diags;
  orb_diags_init(&diags);
  orb_dyn_ensemble_options o = {.runs = runs, .seed = 7, .threads = threads, .store = store,
                                .keep = keep};
  orb_dyn_summary *sum = NULL;
  orb_status st = orb_dyn_ensemble(m, &s, &o, &sum, &diags);
  if (st != ORB_OK) orb_diags_print(&diags, stderr);
  assert_int_equal(st, ORB_OK);
  orb_diags_free(&diags);
  orb_dyn_settings_free(&s);
  return sum;
}

/* The median of a series in a month (YYYY, MM). */
static double median(const orb_dyn_model *m, const orb_dyn_summary *s, const char *series,
                     int year, int month) {
  size_t k = orb_dyn_series_find(m, series);
  if (k == ORB_NONE) fail_msg("no series %s", series);
  orb_date d = orb_date_from_ymd(year, month, 1);
  for (size_t t = 0; t < orb_dyn_month_count(m); t++)
    if (orb_dyn_month_date(m, t) == d) return s->quantiles[(k * s->month_count + t) * 3 + 1];
  fail_msg("no month %d-%d", year, month);
  return NAN;
}

/* ---- parameters ---------------------------------------------------------------- */

static void test_param_table(void **state) {
  (void)state;
  size_t n;
  const orb_dyn_param_info *p = orb_dyn_params(&n);
  assert_true(n >= 20);
  for (size_t k = 0; k < n; k++) {
    assert_true((p[k].source != NULL) != (p[k].assumption != NULL));
    assert_true(p[k].low <= p[k].spec.value && p[k].spec.value <= p[k].high);
    assert_true(p[k].spec.low <= p[k].low && p[k].high <= p[k].spec.high);
    assert_true(p[k].spec.meaning && *p[k].spec.meaning);
    assert_ptr_equal(orb_param_spec_find(p[k].spec.name), &p[k].spec); /* registered */
    assert_int_equal(orb_dyn_param_find(p[k].spec.name), k);
  }
  assert_int_equal(orb_dyn_param_find("no_such"), ORB_NONE);
}

static void test_settings_set(void **state) {
  (void)state;
  orb_dyn_settings s;
  assert_int_equal(orb_dyn_settings_init(&s), ORB_OK);
  orb_diags d;
  orb_diags_init(&d);
  size_t k = orb_dyn_param_find("war_tiedown");
  assert_int_equal(orb_dyn_settings_set(&s, "war_tiedown=1.2", &d), ORB_OK);
  assert_true(s.value[k] == 1.2 && s.dist[k] == ORB_DYN_FIXED);
  assert_int_equal(orb_dyn_settings_set(&s, "war_tiedown=0.5..1", &d), ORB_OK);
  assert_true(s.low[k] == 0.5 && s.high[k] == 1 && s.dist[k] == ORB_DYN_UNIFORM);
  assert_int_equal(d.count, 0);
  assert_int_equal(orb_dyn_settings_set(&s, "war_tiedwn=1", &d), ORB_EINVAL);
  assert_non_null(strstr(d.items[0].message, "unknown parameter 'war_tiedwn'"));
  assert_non_null(strstr(d.items[0].message, "did you mean 'war_tiedown'"));
  assert_int_equal(orb_dyn_settings_set(&s, "war_tiedown=2..1", &d), ORB_EINVAL);
  assert_non_null(strstr(d.items[1].message, "impossible bounds"));
  assert_int_equal(orb_dyn_settings_set(&s, "cred_prior_mean=1.5", &d), ORB_EINVAL);
  assert_non_null(strstr(d.items[2].message, "outside the admissible range"));
  assert_int_equal(orb_dyn_settings_set(&s, "war_tiedown=nan", &d), ORB_EINVAL);
  assert_int_equal(orb_dyn_settings_set(&s, "war_tiedown", &d), ORB_EINVAL);
  orb_diags_free(&d);
  orb_dyn_settings_free(&s);
}

static void test_settings_from_world(void **state) {
  (void)state;
  orb_world *w = test_load_world_text(
      "world: {name: P, description: d, start: 2000-01-01, end: 2010-12-31}\n"
      "actors:\n  - {id: AAA, name: A, kind: state}\n"
      "parameters:\n"
      "  - {name: dyn.tie_drift_rate, default: 0.05, range: [0.02, 0.08], distribution: uniform,"
      " justification: test}\n"
      "  - {name: dyn.war_tiedown, default: 0.9, range: [0.9, 0.9], justification: test}\n");
  orb_dyn_settings s;
  assert_int_equal(orb_dyn_settings_init(&s), ORB_OK);
  orb_diags d;
  orb_diags_init(&d);
  assert_int_equal(orb_dyn_settings_from_world(&s, w, &d), ORB_OK);
  assert_int_equal(d.count, 0);
  size_t k = orb_dyn_param_find("tie_drift_rate");
  assert_true(s.value[k] == 0.05 && s.low[k] == 0.02 && s.high[k] == 0.08 &&
              s.dist[k] == ORB_DYN_UNIFORM);
  k = orb_dyn_param_find("war_tiedown");
  assert_true(s.value[k] == 0.9 && s.dist[k] == ORB_DYN_FIXED);
  k = orb_dyn_param_find("cred_prior_mean");
  assert_true(s.value[k] == 0.75); /* not in the world: the table's default */
  orb_diags_free(&d);
  /* the registry refuses a world whose value is outside the admissible range */
  orb_world *bad = NULL;
  static const char yaml[] =
      "world: {name: P, description: d, start: 2000-01-01, end: 2010-12-31}\n"
      "actors:\n  - {id: AAA, name: A, kind: state}\n"
      "parameters:\n  - {name: dyn.cred_prior_mean, default: 1, range: [1, 1], justification: x}\n";
  orb_diags_init(&d);
  assert_int_equal(orb_world_load_buffer("bad.yaml", yaml, sizeof yaml - 1, &bad, &d), ORB_EPARSE);
  assert_non_null(strstr(d.items[0].message, "cred_prior_mean"));
  orb_diags_free(&d);
  orb_dyn_settings_free(&s);
  orb_world_free(w);
}

static void test_draws(void **state) {
  (void)state;
  orb_dyn_settings s;
  assert_int_equal(orb_dyn_settings_init(&s), ORB_OK);
  double a[64], b[64], c[64];
  orb_dyn_draw(&s, 42, 5, a);
  orb_dyn_draw(&s, 42, 5, b);
  orb_dyn_draw(&s, 42, 6, c);
  assert_memory_equal(a, b, s.count * sizeof *a); /* a run replays alone */
  int differ = 0;
  for (size_t k = 0; k < s.count; k++) {
    assert_true(a[k] >= s.low[k] && a[k] <= s.high[k]);
    differ |= a[k] != c[k];
    if (s.dist[k] == ORB_DYN_FIXED) assert_true(a[k] == s.value[k]);
  }
  assert_true(differ);
  orb_dyn_settings_free(&s);
}

/* ---- the story ------------------------------------------------------------------ */

static void test_tests_recognised(void **state) {
  (void)state;
  orb_dyn_model *m = make_model(NULL, 0);
  size_t n;
  const char *const *t = orb_dyn_tests(m, &n);
  static const char *const expected[] = {
      "CSTO 2010-06-12/KGZ/request_aid/RUS: request, 0% honoured",
      "CSTO 2022-01-05/KAZ/request_aid/CSTO: request, 100% honoured",
      "CSTO 2022-09-06/UKR/attack/RUS: leader attacked, 0% honoured",
      "CSTO 2022-09-14/ARM/request_aid/CSTO: request, 0% honoured",
      "CSTO 2024-08-06/UKR/attack/RUS: leader attacked, 0% honoured"};
  assert_int_equal(n, 5);
  for (size_t k = 0; k < n; k++) assert_string_equal(t[k], expected[k]);
  orb_dyn_model_free(m);
}

static void test_story(void **state) {
  (void)state;
  orb_dyn_model *m = make_model(NULL, 0);
  orb_dyn_summary *s = ensemble(m, 300, 0, NULL, 0);
  /* Russia's leverage over Armenia and Kazakhstan falls after 2022 */
  assert_true(median(m, s, "leverage:RUS:ARM", 2024, 12) < 0.8 * median(m, s, "leverage:RUS:ARM", 2021, 12));
  assert_true(median(m, s, "leverage:RUS:KAZ", 2024, 12) < 0.8 * median(m, s, "leverage:RUS:KAZ", 2021, 12));
  /* the CSTO's credibility falls after September 2022 */
  assert_true(median(m, s, "credibility:CSTO", 2022, 10) < median(m, s, "credibility:CSTO", 2022, 8) - 0.05);
  assert_true(median(m, s, "credibility:CSTO", 2024, 12) < median(m, s, "credibility:CSTO", 2022, 8));
  /* China's leverage in Central Asia rises, absolutely and against Russia's */
  static const char *const ca[] = {"KAZ", "KGZ", "TJK", "TKM", "UZB"};
  double before = 0, after = 0, later = 0, rus_before = 0, rus_after = 0;
  for (size_t k = 0; k < 5; k++) {
    char name[64];
    snprintf(name, sizeof name, "leverage:CHN:%s", ca[k]);
    before += median(m, s, name, 2021, 12);
    after += median(m, s, name, 2024, 12);
    later += median(m, s, name, 2030, 12);
    snprintf(name, sizeof name, "leverage:RUS:%s", ca[k]);
    rus_before += median(m, s, name, 2021, 12);
    rus_after += median(m, s, name, 2024, 12);
  }
  assert_true(after > before && later > after);
  assert_true(after / rus_after > 1.2 * before / rus_before);
  /* Armenia's risk of leaving the CSTO rises through 2024 */
  double e21 = median(m, s, "exit:ARM:CSTO", 2021, 12), e22 = median(m, s, "exit:ARM:CSTO", 2022, 12),
         e23 = median(m, s, "exit:ARM:CSTO", 2023, 12), e24 = median(m, s, "exit:ARM:CSTO", 2024, 12);
  /* (2023 eases against 2022: the alignment recovers part of the 2022 shock toward
   * its anchor, docs/MODEL.md, "Alignment"; 2024 is the highest) */
  assert_true(e21 < e22 && e21 < e23 && e22 < e24 && e23 < e24);
  assert_true(e24 > 1.5 * e21);
  /* ... above Kazakhstan's at 2024-12 (Armenia froze its membership), though the
   * world's stances alone are Kazakhstan's anchors (two abstentions, the Kursk
   * silence): the anchor's prior (dyn.align_level_prior_var) keeps them from
   * setting its level; with a nearly diffuse prior they do, and the order flips */
  assert_true(e24 > 1.2 * median(m, s, "exit:KAZ:CSTO", 2024, 12));
  orb_dyn_settings diffuse;
  assert_int_equal(orb_dyn_settings_init(&diffuse), ORB_OK);
  orb_diags d;
  orb_diags_init(&d);
  assert_int_equal(orb_dyn_settings_set(&diffuse, "align_level_prior_var=1", &d), ORB_OK);
  orb_dyn_ensemble_options o = {.runs = 300, .seed = 7};
  orb_dyn_summary *f = NULL;
  assert_int_equal(orb_dyn_ensemble(m, &diffuse, &o, &f, &d), ORB_OK);
  assert_true(median(m, f, "exit:KAZ:CSTO", 2024, 12) > median(m, f, "exit:ARM:CSTO", 2024, 12));
  orb_dyn_summary_free(f);
  orb_dyn_settings_free(&diffuse);
  orb_diags_free(&d);
  orb_dyn_summary_free(s);
  orb_dyn_model_free(m);
}

static void test_without_ignored_requests(void **state) {
  (void)state;
  static const char *const ignored[] = {"2010-06-12/KGZ/request_aid/RUS",
                                        "2022-09-14/ARM/request_aid/CSTO"};
  orb_dyn_model *base = make_model(NULL, 0), *cf = make_model(ignored, 2);
  orb_dyn_summary *sb = ensemble(base, 200, 0, NULL, 0), *sc = ensemble(cf, 200, 0, NULL, 0);
  double fall_base = median(base, sb, "credibility:CSTO", 2022, 8) -
                     median(base, sb, "credibility:CSTO", 2022, 12);
  double fall_cf = median(cf, sc, "credibility:CSTO", 2022, 8) -
                   median(cf, sc, "credibility:CSTO", 2022, 12);
  /* without the requests the attack on Armenia still tests the CSTO, with half the weight */
  assert_true(fall_base > 0.05 && fall_cf < fall_base - 0.01);
  /* the later credibility is higher without the ignored requests */
  assert_true(median(cf, sc, "credibility:CSTO", 2024, 12) >
              median(base, sb, "credibility:CSTO", 2024, 12));
  orb_dyn_summary_free(sc);
  orb_dyn_model_free(cf);
  /* the CSTO answering Armenia's request: most of the fall is gone */
  orb_diags d;
  orb_diags_init(&d);
  orb_dyn_inputs *in = NULL;
  assert_int_equal(orb_dyn_inputs_from_world(world, 1992, 2030, &in, &d), ORB_OK);
  assert_int_equal(orb_dyn_add_event(in, world, "2022-09-20,CSTO,troop_deployment,ARM", &d), ORB_OK);
  assert_int_equal(orb_dyn_model_new(world, in, orb_date_from_ymd(1992, 1, 1),
                                     orb_date_from_ymd(2030, 12, 1), &cf, &d), ORB_OK);
  sc = ensemble(cf, 200, 0, NULL, 0);
  double fall_answered = median(cf, sc, "credibility:CSTO", 2022, 8) -
                         median(cf, sc, "credibility:CSTO", 2022, 12);
  assert_true(fall_answered < 0.5 * fall_base);
  assert_true(median(cf, sc, "exit:ARM:CSTO", 2023, 12) < median(base, sb, "exit:ARM:CSTO", 2023, 12));
  orb_dyn_summary_free(sc);
  orb_dyn_model_free(cf);
  orb_dyn_inputs_free(in);
  orb_diags_free(&d);
  orb_dyn_summary_free(sb);
  orb_dyn_model_free(base);
}

static void test_add_event(void **state) {
  (void)state;
  orb_diags d;
  orb_diags_init(&d);
  orb_dyn_inputs *in = NULL;
  assert_int_equal(orb_dyn_inputs_from_world(world, 1992, 2030, &in, &d), ORB_OK);
  size_t before = in->event_count;
  assert_int_equal(orb_dyn_add_event(in, world, "2022-09-20,CSTO,troop_deployment,ARM", &d), ORB_OK);
  assert_int_equal(in->event_count, before + 1);
  orb_dyn_model *m = NULL;
  assert_int_equal(orb_dyn_model_new(world, in, orb_date_from_ymd(2020, 1, 1),
                                     orb_date_from_ymd(2025, 12, 1), &m, &d), ORB_OK);
  size_t n;
  const char *const *t = orb_dyn_tests(m, &n);
  int found = 0;
  for (size_t k = 0; k < n; k++)
    found |= strcmp(t[k], "CSTO 2022-09-14/ARM/request_aid/CSTO: request, 100% honoured") == 0;
  assert_true(found); /* the answered request is now honoured */
  orb_dyn_model_free(m);
  assert_int_equal(orb_dyn_add_event(in, world, "1950-01-01,RUS,attack,UKR", &d), ORB_EINVAL);
  assert_int_equal(orb_dyn_add_event(in, world, "2022-01-01,XXX,attack,UKR", &d), ORB_EINVAL);
  assert_int_equal(orb_dyn_add_event(in, world, "2022-01-01,RUS,bombard,UKR", &d), ORB_EINVAL);
  assert_int_equal(orb_dyn_add_event(in, world, "2022-01-01,RUS", &d), ORB_EINVAL);
  assert_int_equal(orb_dyn_remove_event(in, "2022-09-14/ARM/request_aid/CST", &d), ORB_ENOTFOUND);
  assert_non_null(strstr(d.items[d.count - 1].message, "did you mean '2022-09-14/ARM/request_aid/CSTO'"));
  assert_int_equal(orb_dyn_model_new(world, in, orb_date_from_ymd(1980, 1, 1),
                                     orb_date_from_ymd(2025, 12, 1), &m, &d), ORB_EINVAL);
  assert_int_equal(orb_dyn_model_new(world, in, orb_date_from_ymd(2025, 1, 1),
                                     orb_date_from_ymd(2024, 12, 1), &m, &d), ORB_EINVAL);
  orb_dyn_inputs_free(in);
  orb_diags_free(&d);
}

/* The record's way in: a capability series set by hand moves the leverage. */
static void test_inputs_set(void **state) {
  (void)state;
  orb_diags d;
  orb_diags_init(&d);
  orb_dyn_inputs *in = NULL;
  assert_int_equal(orb_dyn_inputs_from_world(world, 2015, 2025, &in, &d), ORB_OK);
  size_t rus = orb_world_actor(world, "RUS"), arm = orb_world_actor(world, "ARM");
  assert_int_equal(orb_dyn_inputs_set(in, ORB_DYN_CAPABILITY, rus, ORB_NONE, 2030, 1), ORB_EINVAL);
  assert_int_equal(orb_dyn_inputs_set(in, ORB_DYN_ALIGNMENT, arm, arm, 2020, 0.5), ORB_EINVAL);
  assert_int_equal(orb_dyn_inputs_set(in, ORB_DYN_ALIGNMENT, arm, rus, 2020, 1.5), ORB_EINVAL);
  orb_dyn_model *m1 = NULL, *m2 = NULL;
  orb_date from = orb_date_from_ymd(2016, 1, 1), to = orb_date_from_ymd(2025, 12, 1);
  assert_int_equal(orb_dyn_model_new(world, in, from, to, &m1, &d), ORB_OK);
  for (int y = 2015; y <= 2025; y++) /* a tenth of the capability, and no war */
    assert_int_equal(orb_dyn_inputs_set(in, ORB_DYN_CAPABILITY, rus, ORB_NONE, y, 1.09e10), ORB_OK);
  for (int y = 2015; y <= 2025; y++)
    for (size_t a = 0; a < world->actor_count; a++)
      assert_int_equal(orb_dyn_inputs_set(in, ORB_DYN_CONFLICT, a, ORB_NONE, y, 0), ORB_OK);
  assert_false(in->conflict_from_events);
  assert_int_equal(orb_dyn_model_new(world, in, from, to, &m2, &d), ORB_OK);
  orb_dyn_settings s;
  orb_dyn_settings_init(&s);
  size_t cells = orb_dyn_series_count(m1) * orb_dyn_month_count(m1);
  float *o1 = malloc(cells * sizeof *o1), *o2 = malloc(cells * sizeof *o2);
  orb_dyn_run(m1, s.value, o1);
  orb_dyn_run(m2, s.value, o2);
  size_t cap = orb_dyn_series_find(m1, "capacity:RUS"), M = orb_dyn_month_count(m1);
  /* 2019-12, before any war: capacity goes as capability^0.5 (the default elasticity);
   * the world's 2019 figure for Russia is near, not exactly, 109 bn */
  double ratio = o2[cap * M + 47] / o1[cap * M + 47];
  assert_true(ratio > 0.28 && ratio < 0.36);
  size_t lev = orb_dyn_series_find(m1, "leverage:RUS:ARM");
  assert_true(o2[lev * M + 47] < 0.35 * o1[lev * M + 47]);
  /* without the war, no fall in 2022-23 from capacity */
  assert_float_equal(o2[cap * M + 95], o2[cap * M + 47], 1e-3);
  free(o1);
  free(o2);
  orb_dyn_settings_free(&s);
  orb_dyn_model_free(m1);
  orb_dyn_model_free(m2);
  orb_dyn_inputs_free(in);
  orb_diags_free(&d);
}

/* ---- the record's inputs and the validation against it ------------------------------ */

/* The shipped record (data/record/: no ../shared needed), loaded once. */
/* |a - b| <= eps, and NAN only against NAN. */
static void assert_near(double a, double b, double eps) {
  if (isnan(a) && isnan(b)) return;
  if (!(fabs(a - b) <= eps)) fail_msg("%.17g != %.17g (within %g)", a, b, eps);
}

static orb_record *record_once(void) {
  orb_record **rp = &shipped_record;
  if (!*rp) {
    orb_record *r = NULL;
    orb_diags d;
    orb_diags_init(&d);
    orb_status st = orb_record_load(NULL, &r, &d);
    if (st != ORB_OK) orb_diags_print(&d, stderr);
    assert_int_equal(st, ORB_OK);
    orb_diags_free(&d);
    *rp = r;
  }
  return *rp;
}

/* (agree + silent / 2) / roll calls of country toward patron in a year, straight
 * from the record's tallies. */
static double agreement(const orb_record *r, const char *country, const char *patron, int year) {
  orb_record_tally t = orb_record_agreement(
      r, orb_record_find_country(r, country), orb_record_find_country(r, patron),
      orb_date_from_ymd(year, 1, 1), orb_date_from_ymd(year + 1, 1, 1), NULL, NULL);
  if (t.total < ORB_DYN_RECORD_MIN_VOTES) return NAN;
  return ((double)t.n[ORB_STANCE_SUPPORT] + 0.5 * (double)t.n[ORB_STANCE_SILENT]) /
         (double)t.total;
}

static double input_at(const orb_dyn_inputs *in, const double *series, size_t a, int year) {
  return series[a * (size_t)in->year_count + (size_t)(year - in->first_year)];
}

static double alignment_at(const orb_dyn_inputs *in, size_t a, size_t pole, int year) {
  size_t k = 0;
  while (in->poles[k] != pole) k++;
  return in->alignment[(a * in->pole_count + k) * (size_t)in->year_count +
                       (size_t)(year - in->first_year)];
}

static void test_record_inputs(void **state) {
  (void)state;
  orb_record *r = record_once();
  orb_diags d;
  orb_diags_init(&d);
  orb_dyn_inputs *in = NULL;
  assert_int_equal(orb_dyn_inputs_from_world(world, 1992, 2030, &in, &d), ORB_OK);
  size_t rus = orb_world_actor(world, "RUS"), arm = orb_world_actor(world, "ARM"),
         usa = orb_world_actor(world, "USA");
  double world_2022 = input_at(in, in->capability, rus, 2022);
  assert_true(isnan(input_at(in, in->capability, rus, 1995)));
  assert_int_equal(orb_dyn_inputs_from_record(in, world, r, ORB_DYN_RECORD_ALL, 9999, &d), ORB_OK);
  /* the world's figures win; COW's are spliced onto them in the first common year
   * (COW: 74,742,000 thousand US$ in 2022, 82,000,000 in 1995) */
  assert_near(input_at(in, in->capability, rus, 2022), world_2022, 0);
  assert_near(input_at(in, in->capability, rus, 1995),
                      82000000e3 * world_2022 / 74742000e3, 1e-6 * world_2022);
  /* UCDP: a war-year 2022 (primary side, intensity 2); 0.5 in 2019 (intensity 1);
   * none in 1997; unknown after the file (2024) */
  assert_false(in->conflict_from_events);
  assert_near(input_at(in, in->conflict, rus, 2022), 1.0, 0);
  assert_near(input_at(in, in->conflict, rus, 2019), 0.5, 0);
  assert_near(input_at(in, in->conflict, rus, 1997), 0.0, 0);
  assert_true(isnan(input_at(in, in->conflict, rus, 2025)));
  /* a secondary party's half shared among the secondary parties of its side: China
   * in 2022 one of 56 on the side of Mali's government (intensity 2); the United
   * States the only one on Israel's side against Iran (intensity 1) */
  size_t chn = orb_world_actor(world, "CHN");
  assert_near(input_at(in, in->conflict, chn, 2022), 1.0 / 2 / 56, 1e-15);
  assert_near(input_at(in, in->conflict, usa, 2022), 0.5 / 2, 0);
  /* the roll calls' agreement, the record's own tally */
  for (int y = 1995; y <= 2019; y += 6) {
    assert_near(alignment_at(in, arm, rus, y), agreement(r, "ARM", "RUS", y), 1e-12);
    assert_near(alignment_at(in, arm, usa, y), agreement(r, "ARM", "USA", y), 1e-12);
  }
  /* ... and the variance of one of its votes' stance values (1, 1/2, 0) around it,
   * recomputed from the tally (n - 1 in the denominator, at least 1/4n); the
   * world's stances (ES-11/1 in 2022) give none */
  size_t k = 0;
  while (in->poles[k] != rus) k++;
  for (int y = 1995; y <= 2019; y += 6) {
    orb_record_tally t = orb_record_agreement(
        r, orb_record_find_country(r, "ARM"), orb_record_find_country(r, "RUS"),
        orb_date_from_ymd(y, 1, 1), orb_date_from_ymd(y + 1, 1, 1), NULL, NULL);
    const double n = (double)t.total, x1 = (double)t.n[ORB_STANCE_SUPPORT],
                 xh = (double)t.n[ORB_STANCE_SILENT], mean = (x1 + 0.5 * xh) / n;
    double ss = x1 * (1 - mean) * (1 - mean) + xh * (0.5 - mean) * (0.5 - mean) +
                (n - x1 - xh) * mean * mean;
    double want = ss / (n - 1) > 0.25 / n ? ss / (n - 1) : 0.25 / n;
    const size_t cell = (arm * in->pole_count + k) * (size_t)in->year_count + (size_t)(y - 1992);
    assert_true(n >= ORB_DYN_RECORD_MIN_VOTES && want > 0.01);
    assert_near(in->alignment_var[cell], want, 1e-12);
  }
  assert_true(isnan(in->alignment_var[(arm * in->pole_count + k) * (size_t)in->year_count +
                                      (size_t)(2022 - 1992)]));
  assert_false(isnan(in->alignment[(arm * in->pole_count + k) * (size_t)in->year_count +
                                   (size_t)(2022 - 1992)]));
  /* cut at 2016: nothing after it survives */
  orb_dyn_inputs_truncate(in, 2016);
  for (size_t e = 0; e < in->event_count; e++)
    assert_true(in->events[e].date <= orb_date_from_ymd(2016, 12, 31));
  assert_true(isnan(input_at(in, in->capability, rus, 2017)));
  assert_true(isnan(input_at(in, in->conflict, rus, 2017)));
  assert_true(isnan(alignment_at(in, arm, rus, 2017)));
  assert_false(isnan(alignment_at(in, arm, rus, 2016)));
  orb_dyn_inputs_free(in);
  orb_diags_free(&d);
}

/* The sum over Central Asia of the medians of leverage:POLE:STATE in December of
 * year. */
static double central_asia(const orb_dyn_model *m, const orb_dyn_summary *s, const char *pole,
                           int year) {
  static const char *const ca[] = {"KAZ", "KGZ", "TJK", "TKM", "UZB"};
  double sum = 0;
  for (size_t k = 0; k < 5; k++) {
    char name[64];
    snprintf(name, sizeof name, "leverage:%s:%s", pole, ca[k]);
    sum += median(m, s, name, year, 12);
  }
  return sum;
}

/* With the record, as `orbit run` builds it (one session, orb_simulation_new with
 * the default request: the world's parameters, the shipped record's inputs), the
 * story's directions that the record's data carry (docs/MODEL.md, "The seeds'
 * story with the record"). */
static void test_story_record(void **state) {
  (void)state;
  orb_diags d;
  orb_diags_init(&d);
  orb_session_options so = {0};
  orb_session *session = NULL;
  assert_int_equal(orb_session_load(&so, &session, &d), ORB_OK);
  orb_simulation_request rq = {.from = ORB_DATE_NONE, .to = ORB_DATE_NONE};
  orb_simulation *sim = NULL;
  assert_int_equal(orb_simulation_new(session, &rq, &sim, &d), ORB_OK);
  assert_non_null(sim->record);
  const orb_dyn_model *m = sim->model;
  orb_dyn_ensemble_options o = {.runs = 300, .seed = 1};
  orb_dyn_summary *s = NULL;
  assert_int_equal(orb_dyn_ensemble(m, &sim->settings, &o, &s, &d), ORB_OK);
  /* Russia's leverage over Armenia and Kazakhstan falls after 2022 (over Kazakhstan
   * by a few percent: the record's Russian spending rises by 60% in 2022) */
  assert_true(median(m, s, "leverage:RUS:ARM", 2024, 12) < 0.9 * median(m, s, "leverage:RUS:ARM", 2021, 12));
  assert_true(median(m, s, "leverage:RUS:KAZ", 2024, 12) < median(m, s, "leverage:RUS:KAZ", 2021, 12));
  /* the CSTO's credibility falls after September 2022 */
  assert_true(median(m, s, "credibility:CSTO", 2022, 10) < median(m, s, "credibility:CSTO", 2022, 8) - 0.05);
  assert_true(median(m, s, "credibility:CSTO", 2024, 12) < median(m, s, "credibility:CSTO", 2022, 8));
  /* China's leverage in Central Asia rises from the start of the seeds' period
   * (2008) to 2024, absolutely and against Russia's (COW's spending: China's grows
   * faster than the strongest pole's), and on after the 2023 trade shares as trade
   * drifts; from 2021 to 2024 it rises against Russia's, not absolutely (the
   * strongest pole's spending grew faster than China's: docs/MODEL.md, "The seeds'
   * story with the record") */
  const double chn08 = central_asia(m, s, "CHN", 2008), chn21 = central_asia(m, s, "CHN", 2021),
               chn24 = central_asia(m, s, "CHN", 2024), chn30 = central_asia(m, s, "CHN", 2030),
               rus08 = central_asia(m, s, "RUS", 2008), rus21 = central_asia(m, s, "RUS", 2021),
               rus24 = central_asia(m, s, "RUS", 2024);
  assert_true(chn24 > 1.2 * chn08 && chn30 > chn24);
  assert_true(chn24 / rus24 > 1.2 * chn08 / rus08);
  assert_true(chn24 / rus24 > 1.03 * chn21 / rus21);
  /* Armenia's risk of leaving the CSTO rises through 2024, and is its members'
   * highest by then */
  double e21 = median(m, s, "exit:ARM:CSTO", 2021, 12), e22 = median(m, s, "exit:ARM:CSTO", 2022, 12),
         e24 = median(m, s, "exit:ARM:CSTO", 2024, 12);
  assert_true(e21 < e22 && e22 < e24 && e24 > 1.5 * e21);
  static const char *const others[] = {"KAZ", "KGZ", "TJK", "BLR"};
  for (size_t k = 0; k < 4; k++) {
    char name[64];
    snprintf(name, sizeof name, "exit:%s:CSTO", others[k]);
    assert_true(e24 > median(m, s, name, 2024, 12));
  }
  orb_dyn_summary_free(s);
  orb_simulation_free(sim);
  orb_session_free(session);
  orb_diags_free(&d);
}

/* Alignment of ARM with RUS in December 2021 from the record's inputs, with 2021's
 * revealed alignment set to value (NAN: none) averaging votes (-1: unknown). */
static double december_2021(double value, double votes) {
  orb_diags d;
  orb_diags_init(&d);
  orb_dyn_inputs *in = NULL;
  assert_int_equal(orb_dyn_inputs_from_world(world, 1992, 2030, &in, &d), ORB_OK);
  assert_int_equal(orb_dyn_inputs_from_record(in, world, record_once(), ORB_DYN_RECORD_ALL, 9999, &d),
                   ORB_OK);
  size_t rus = orb_world_actor(world, "RUS"), arm = orb_world_actor(world, "ARM"), k = 0;
  while (in->poles[k] != rus) k++;
  const size_t cell = (arm * in->pole_count + k) * (size_t)in->year_count + (size_t)(2021 - 1992);
  assert_true(isnan(in->alignment[cell])); /* no roll calls, no world stance in 2021 */
  /* the record's alignments carry their roll calls, the world's stances one each */
  assert_true(in->alignment_votes[cell - 11] >= ORB_DYN_RECORD_MIN_VOTES); /* 2010 */
  assert_near(in->alignment_votes[cell + 1], 1, 0);                        /* 2022 */
  assert_int_equal(orb_dyn_inputs_set(in, ORB_DYN_ALIGNMENT, arm, rus, 2021, value), ORB_OK);
  assert_near(in->alignment_votes[cell], 0, 0);
  if (votes >= 0) in->alignment_votes[cell] = votes;
  orb_dyn_model *m = NULL;
  assert_int_equal(orb_dyn_model_new(world, in, orb_date_from_ymd(1992, 1, 1),
                                     orb_date_from_ymd(2021, 12, 1), &m, &d), ORB_OK);
  orb_dyn_settings s;
  assert_int_equal(orb_dyn_settings_init(&s), ORB_OK);
  const size_t M = orb_dyn_month_count(m);
  float *out = malloc(M * orb_dyn_series_count(m) * sizeof *out);
  assert_non_null(out);
  orb_dyn_run(m, s.value, out);
  const double a = out[orb_dyn_series_find(m, "alignment:ARM:RUS") * M + M - 1];
  free(out);
  orb_dyn_settings_free(&s);
  orb_dyn_model_free(m);
  orb_dyn_inputs_free(in);
  orb_diags_free(&d);
  return a;
}

/* A revealed alignment moves the anchor with the Kalman gain of its sampling
 * variance and the alignment by assimilate_weight x w(n) of the gap to the
 * anchor's new estimate in its December, w(n) = min(1, n / (n + n0) x (10 + n0) /
 * 10) (docs/MODEL.md, "Alignment"): one vote weighs 0.106 of a year with n0 =
 * 145 and moves the anchor little; a value of unknown count is exact. */
static void test_vote_weight(void **state) {
  (void)state;
  const double before = december_2021(NAN, -1), full = december_2021(0.3, -1),
               one = december_2021(0.3, 1), forty = december_2021(0.3, 40);
  const orb_dyn_param_info *info = orb_dyn_params(NULL);
  const double n0 = info[orb_dyn_param_find("align_vote_noise")].spec.value,
               omega = info[orb_dyn_param_find("assimilate_weight")].spec.value;
  assert_near(n0, 145, 0);
  const double w1 = 1 / (1 + n0) * (10 + n0) / 10;
  assert_near(w1, 0.10616, 1e-5);
  assert_true(before > 0.7);
  assert_near(omega, 1, 0);
  /* a value of unknown count is exact: the anchor and the alignment take it */
  assert_near(full, 0.3, 1e-6);
  /* one vote moves the alignment less than w(1) of that (the anchor's gain for
   * one vote is small too), forty votes more, and less than the exact value */
  assert_true(one < before && before - one < w1 * (before - full));
  assert_true(forty < one && forty > full);
}

static void test_validate(void **state) {
  (void)state;
  orb_record *r = record_once();
  orb_dyn_settings s;
  assert_int_equal(orb_dyn_settings_init(&s), ORB_OK);
  orb_diags d;
  orb_diags_init(&d);
  orb_dyn_validation *v = NULL;
  assert_int_equal(orb_dyn_validate(world, r, &s, NULL, &v, &d), ORB_OK);
  /* 14 post-Soviet states; 17 origins 2000..2016, 3 horizons, the pool */
  assert_int_equal(v->state_count, 14);
  assert_int_equal(v->row_count, 17 + 3 + 1);
  size_t total = 0;
  for (size_t k = 0; k < 17; k++) {
    assert_int_equal(v->rows[k].origin, 2000 + (int)k);
    assert_int_equal(v->rows[k].horizon, 0);
    total += v->rows[k].n;
  }
  for (int h = 1; h <= 3; h++) assert_int_equal(v->rows[16 + h].horizon, h);
  assert_int_equal(v->rows[20].n, total);
  assert_int_equal(v->rows[17].n + v->rows[18].n + v->rows[19].n, total);
  assert_int_equal(total, 702);
  /* the persistence baseline is the last observed year: its MAE from origin 2010,
   * recomputed from the record's tallies over the same states */
  orb_dyn_inputs *in = NULL;
  orb_dyn_model *m = NULL;
  assert_int_equal(orb_dyn_inputs_from_world(world, 1992, 2030, &in, &d), ORB_OK);
  assert_int_equal(orb_dyn_model_new(world, in, orb_date_from_ymd(1992, 1, 1),
                                     orb_date_from_ymd(1992, 1, 1), &m, &d), ORB_OK);
  double sum = 0;
  size_t n = 0, states = 0;
  for (size_t a = 0; a < world->actor_count; a++) {
    char name[96];
    snprintf(name, sizeof name, "alignment:%s:RUS", world->actors[a].id);
    if (orb_dyn_series_find(m, name) == ORB_NONE) continue;
    states++;
    double last = agreement(r, world->actors[a].id, "RUS", 2010);
    for (int h = 1; h <= 3; h++) {
      double o = agreement(r, world->actors[a].id, "RUS", 2010 + h);
      if (isnan(last) || isnan(o)) continue;
      sum += fabs(o - last);
      n++;
    }
  }
  assert_int_equal(states, 14);
  assert_int_equal(v->rows[10].n, n);
  assert_near(v->rows[10].persist_mae, sum / (double)n, 1e-12);
  assert_true(v->fit_n[0] > 300 && v->fit_corr[1] > v->fit_corr[0]);
  /* the mean of the last three years from origin 2010, recomputed the same way */
  sum = 0;
  for (size_t a = 0; a < world->actor_count; a++) {
    char name[96];
    snprintf(name, sizeof name, "alignment:%s:RUS", world->actors[a].id);
    if (orb_dyn_series_find(m, name) == ORB_NONE) continue;
    double mean3 = 0, seen = 0, last = agreement(r, world->actors[a].id, "RUS", 2010);
    for (int y = 2008; y <= 2010; y++) {
      double o = agreement(r, world->actors[a].id, "RUS", y);
      if (!isnan(o)) mean3 += o, seen++;
    }
    for (int h = 1; h <= 3; h++) {
      double o = agreement(r, world->actors[a].id, "RUS", 2010 + h);
      if (!isnan(last) && !isnan(o)) sum += fabs(o - mean3 / seen);
    }
  }
  assert_near(v->rows[10].mean3_mae, sum / (double)n, 1e-12);
  /* the shipped defaults are the rates fitted on every year up to 2019 */
  const orb_dyn_param_info *info = orb_dyn_params(NULL);
  assert_true(v->full_fit.level_var == info[orb_dyn_param_find("align_level_var")].spec.value);
  assert_true(v->full_fit.slope == info[orb_dyn_param_find("align_slope")].spec.value);
  /* ... and the noise ratio of the roll calls, to the vote, and a vote's variance */
  assert_true(fabs(v->vote_noise - info[orb_dyn_param_find("align_vote_noise")].spec.value) < 0.5);
  assert_true(fabs(v->vote_var - info[orb_dyn_param_find("align_vote_var")].spec.value) < 0.001);
  /* ... and the anchors' prior variance, the states' cross-sectional variance */
  assert_true(fabs(v->level_prior_var -
                   info[orb_dyn_param_find("align_level_prior_var")].spec.value) < 0.00005);
  assert_true(v->full_fit.n > 900 && v->full_fit.rmse < 0.1);
  for (size_t k = 0; k < 17; k++) assert_true(v->origin_fits[k].n > 0);
  /* deterministic */
  orb_dyn_validation *again = NULL;
  assert_int_equal(orb_dyn_validate(world, r, &s, NULL, &again, &d), ORB_OK);
  assert_memory_equal(again->rows, v->rows, v->row_count * sizeof *v->rows);
  orb_dyn_validation_free(again);
  /* golden: the pooled table of docs/MODEL.md ("Validation against the record"),
   * to the sixth decimal: model, persistence, mean of three, share closer */
  static const double golden[4][7] = {
      {0.036669, 0.048452, 0.037695, 0.050263, 0.044144, 0.056058, 0.517241},
      {0.051015, 0.065030, 0.050507, 0.065754, 0.056172, 0.070439, 0.489362},
      {0.061558, 0.076501, 0.061269, 0.077956, 0.062030, 0.080232, 0.506383},
      {0.049803, 0.064425, 0.049875, 0.065702, 0.054158, 0.069674, 0.504274}};
  for (int k = 0; k < 4; k++) {
    const orb_dyn_validation_row *g = &v->rows[17 + k];
    const double got[7] = {g->model_mae,  g->model_rmse, g->persist_mae, g->persist_rmse,
                           g->mean3_mae,  g->mean3_rmse, g->model_closer};
    for (int j = 0; j < 7; j++) assert_near(got[j], golden[k][j], 5e-7);
  }
  /* the share closer, recomputed from the forecasts and the record's tallies */
  double closer = 0;
  size_t pairs = 0;
  for (int t = 2000; t <= 2016; t++)
    for (size_t i = 0; i < v->state_count; i++) {
      const double last = agreement(r, v->states[i], "RUS", t);
      for (int h = 1; h <= 3; h++) {
        const double o = agreement(r, v->states[i], "RUS", t + h);
        const double f = v->forecasts[((size_t)(t - 2000) * v->state_count + i) * 3 + h - 1];
        if (isnan(last) || isnan(o) || isnan(f)) continue;
        pairs++;
        closer += fabs(f - o) < fabs(last - o) ? 1 : fabs(f - o) == fabs(last - o) ? 0.5 : 0;
      }
    }
  assert_int_equal(pairs, 702);
  assert_near(v->rows[20].model_closer, closer / 702.0, 1e-12);
  /* a pole that is no UN member, years outside the record */
  orb_dyn_validation *bad = NULL;
  assert_int_equal(orb_dyn_validate(world, r, &s, &(orb_dyn_validation_options){.pole = "EU"},
                                    &bad, &d), ORB_EINVAL);
  assert_null(bad);
  assert_int_equal(orb_dyn_validate(world, r, &s, &(orb_dyn_validation_options){.origin_to = 2018},
                                    &bad, &d), ORB_EINVAL);
  assert_null(bad);
  orb_dyn_model_free(m);
  orb_dyn_inputs_free(in);
  orb_dyn_validation_free(v);
  orb_dyn_settings_free(&s);
  orb_diags_free(&d);
}

/* The validation never reads a year after the origin: forecasts and fitted
 * rates from origin 2005 are the same, bit for bit, when nothing after 2005 is
 * read at all (data_to); only the scores, which need later years, go. */
static void test_validate_truncation(void **state) {
  (void)state;
  orb_dyn_settings s;
  assert_int_equal(orb_dyn_settings_init(&s), ORB_OK);
  orb_diags d;
  orb_diags_init(&d);
  orb_dyn_validation_options o = {.origin_from = 2005, .origin_to = 2005, .fit_from = 1995,
                                  .fit_to = 2005};
  orb_dyn_validation *all = NULL, *cut = NULL;
  assert_int_equal(orb_dyn_validate(world, record_once(), &s, &o, &all, &d), ORB_OK);
  o.data_to = 2005;
  assert_int_equal(orb_dyn_validate(world, record_once(), &s, &o, &cut, &d), ORB_OK);
  size_t cells = all->state_count * 3;
  assert_int_equal(cut->state_count, all->state_count);
  size_t known = 0;
  for (size_t k = 0; k < cells; k++) known += !isnan(all->forecasts[k]);
  assert_true(known > 30);
  assert_memory_equal(cut->forecasts, all->forecasts, cells * sizeof *all->forecasts);
  assert_memory_equal(cut->origin_fits, all->origin_fits, sizeof *all->origin_fits);
  assert_memory_equal(&cut->full_fit, &all->full_fit, sizeof all->full_fit);
  assert_true(all->rows[0].n > 30);
  assert_int_equal(cut->rows[0].n, 0);
  o.data_to = 2004; /* reads less than the origin: refused */
  orb_dyn_validation *bad = NULL;
  assert_int_equal(orb_dyn_validate(world, record_once(), &s, &o, &bad, &d), ORB_EINVAL);
  assert_null(bad);
  orb_dyn_validation_free(all);
  orb_dyn_validation_free(cut);
  orb_dyn_settings_free(&s);
  orb_diags_free(&d);
}

/* The world's structure is cut with the inputs (orb_dyn_inputs_truncate): a tie
 * value of 2008 and a membership of 2008 are unknown to a run cut at 2005, whose
 * leverage then stays as in 2006; uncut, both raise it. */
static void test_structure_cut(void **state) {
  (void)state;
  orb_world *w = test_load_world_text(
      "world: {name: Cut, description: d, start: 2000-01-01, end: 2012-12-31}\n"
      "actors:\n  - {id: AAA, name: A, kind: state}\n  - {id: BBB, name: B, kind: state}\n"
      "  - {id: CCC, name: C, kind: state}\n  - {id: PACT, name: Pact, kind: organisation}\n"
      "ties:\n"
      "  - {from: BBB, to: AAA, type: trade, values: [{value: 0.2, year: 2004, source: t},"
      " {value: 0.8, year: 2008, source: t}]}\n"
      "  - {from: CCC, to: AAA, type: trade, values: [{value: 0.3, year: 2003, source: t}]}\n"
      "institutions:\n  - id: PACT\n    leader: AAA\n    commitment: mutual_defence\n"
      "    source: t\n    members:\n      - {actor: AAA, joined: 2000-01-01, source: t}\n"
      "      - {actor: CCC, joined: 2008-03-01, source: t}\n");
  orb_diags d;
  orb_diags_init(&d);
  orb_dyn_settings s;
  assert_int_equal(orb_dyn_settings_init(&s), ORB_OK);
  double lev[2][2][2]; /* [cut][state BBB, CCC][2006-06, 2010-06] */
  for (int cut = 0; cut < 2; cut++) {
    orb_dyn_inputs *in = NULL;
    assert_int_equal(orb_dyn_inputs_from_world(w, 2000, 2012, &in, &d), ORB_OK);
    if (cut) orb_dyn_inputs_truncate(in, 2005);
    orb_dyn_model *m = NULL;
    assert_int_equal(orb_dyn_model_new(w, in, orb_date_from_ymd(2000, 1, 1),
                                       orb_date_from_ymd(2012, 12, 1), &m, &d), ORB_OK);
    size_t months = orb_dyn_month_count(m);
    float *out = malloc(orb_dyn_series_count(m) * months * sizeof *out);
    orb_dyn_run(m, s.value, out);
    static const char *const names[2] = {"leverage:AAA:BBB", "leverage:AAA:CCC"};
    for (int k = 0; k < 2; k++) {
      size_t series = orb_dyn_series_find(m, names[k]);
      assert_int_not_equal(series, ORB_NONE);
      lev[cut][k][0] = out[series * months + 77];  /* 2006-06 */
      lev[cut][k][1] = out[series * months + 125]; /* 2010-06 */
    }
    free(out);
    orb_dyn_model_free(m);
    orb_dyn_inputs_free(in);
  }
  for (int k = 0; k < 2; k++) {
    assert_true(lev[0][k][1] > lev[0][k][0] + 0.01); /* uncut: the 2008 tie or membership */
    assert_true(lev[1][k][1] == lev[1][k][0]);       /* cut at 2005: as known then */
    assert_true(lev[1][k][0] == lev[0][k][0]);       /* the years before are the same */
  }
  orb_dyn_settings_free(&s);
  orb_diags_free(&d);
  orb_world_free(w);
}

/* ---- exit hazard (docs/MODEL.md, "Exit hazard") ---------------------------------- */

/* A world of a leader LEAD, its mutual-defence PACT (DDD left it in 2004-06) and
 * its UNION without exits, both with members AAA, BBB, CCC since 2000; events
 * may be added ("DATE,ACTOR,TYPE,TARGET"); alignments with LEAD of AAA, BBB and
 * CCC set to align[3] every year when align is not NULL. Runs the defaults;
 * returns the value of series in month (0 = 2000-01). */
static double exit_world_value(const char *series, size_t month, const double *align,
                               const char *const *events, size_t event_count) {
  orb_world *w = test_load_world_text(
      "world: {name: Exits, description: d, start: 2000-01-01, end: 2010-12-31}\n"
      "actors:\n  - {id: LEAD, name: L, kind: state}\n  - {id: AAA, name: A, kind: state}\n"
      "  - {id: BBB, name: B, kind: state}\n  - {id: CCC, name: C, kind: state}\n"
      "  - {id: DDD, name: D, kind: state}\n"
      "  - {id: PACT, name: Pact, kind: organisation}\n"
      "  - {id: UNION, name: Union, kind: organisation}\n"
      "institutions:\n  - id: PACT\n    leader: LEAD\n    commitment: mutual_defence\n"
      "    source: t\n    members:\n      - {actor: LEAD, joined: 2000-01-01, source: t}\n"
      "      - {actor: AAA, joined: 2000-01-01, source: t}\n"
      "      - {actor: BBB, joined: 2000-01-01, source: t}\n"
      "      - {actor: CCC, joined: 2000-01-01, source: t}\n"
      "      - {actor: DDD, joined: 2000-01-01, left: 2004-06-01, source: t}\n"
      "  - id: UNION\n    leader: LEAD\n    commitment: economic_union\n"
      "    source: t\n    members:\n      - {actor: LEAD, joined: 2000-01-01, source: t}\n"
      "      - {actor: AAA, joined: 2000-01-01, source: t}\n"
      "      - {actor: BBB, joined: 2000-01-01, source: t}\n"
      "      - {actor: CCC, joined: 2000-01-01, source: t}\n");
  orb_diags d;
  orb_diags_init(&d);
  orb_dyn_settings s;
  assert_int_equal(orb_dyn_settings_init(&s), ORB_OK);
  orb_dyn_inputs *in = NULL;
  assert_int_equal(orb_dyn_inputs_from_world(w, 2000, 2010, &in, &d), ORB_OK);
  size_t lead = orb_world_actor(w, "LEAD");
  static const char *const states[3] = {"AAA", "BBB", "CCC"};
  for (int k = 0; align && k < 3; k++)
    for (int y = 2000; y <= 2010; y++)
      assert_int_equal(orb_dyn_inputs_set(in, ORB_DYN_ALIGNMENT, orb_world_actor(w, states[k]),
                                          lead, y, align[k]), ORB_OK);
  for (size_t k = 0; k < event_count; k++)
    assert_int_equal(orb_dyn_add_event(in, w, events[k], &d), ORB_OK);
  orb_dyn_model *m = NULL;
  assert_int_equal(orb_dyn_model_new(w, in, orb_date_from_ymd(2000, 1, 1),
                                     orb_date_from_ymd(2010, 12, 1), &m, &d), ORB_OK);
  size_t months = orb_dyn_month_count(m), k = orb_dyn_series_find(m, series);
  if (k == ORB_NONE) fail_msg("no series %s", series);
  float *out = malloc(orb_dyn_series_count(m) * months * sizeof *out);
  assert_non_null(out);
  orb_dyn_run(m, s.value, out);
  double v = out[k * months + month];
  free(out);
  orb_dyn_model_free(m);
  orb_dyn_inputs_free(in);
  orb_dyn_settings_free(&s);
  orb_diags_free(&d);
  orb_world_free(w);
  return v;
}

/* The base rate is each institution's own record with a Gamma prior, and a
 * member as aligned as its fellows' mean gets the base rate itself. */
static void test_exit_base_rate(void **state) {
  (void)state;
  size_t count;
  const orb_dyn_param_info *t = orb_dyn_params(&count);
  const double rate = t[orb_dyn_param_find("exit_prior_rate")].spec.value;
  const double years = t[orb_dyn_param_find("exit_prior_years")].spec.value;
  /* 2010-12 (month 131): three members of 132 months each, DDD's 53 months
   * (2000-01..2004-05) and its exit in PACT; no exit in UNION */
  const double pact = (rate * years + 1) / (years + 3 * 11.0 + 53 / 12.0);
  const double uni = (rate * years) / (years + 3 * 11.0);
  /* no revealed alignment: every member's alignment is the same structural
   * index, equal to its fellows' mean (factor 1), and no test: credibility at the
   * prior mean (factor 1) */
  const double h_pact = exit_world_value("exit:CCC:PACT", 131, NULL, NULL, 0);
  const double h_union = exit_world_value("exit:CCC:UNION", 131, NULL, NULL, 0);
  assert_float_equal(h_pact, pact, 1e-6);
  assert_float_equal(h_union, uni, 1e-6);
  assert_true(h_union < 0.5 * h_pact);
  /* the record up to the date: in 2005-01 (month 60), 61 months each and DDD's */
  assert_float_equal(exit_world_value("exit:CCC:PACT", 60, NULL, NULL, 0),
                     (rate * years + 1) / (years + 3 * 61 / 12.0 + 53 / 12.0), 1e-6);
  /* revealed alignments 0.9, 0.5, 0.7: CCC is its fellows' mean (factor 1), AAA
   * more aligned (lower), BBB less (higher) */
  static const double align[3] = {0.9, 0.5, 0.7};
  const double a = exit_world_value("exit:AAA:PACT", 131, align, NULL, 0);
  const double b = exit_world_value("exit:BBB:PACT", 131, align, NULL, 0);
  const double c = exit_world_value("exit:CCC:PACT", 131, align, NULL, 0);
  assert_float_equal(c, pact, 1e-5);
  assert_true(a < 0.5 * c && b > 2 * c);
}

/* A request for help honoured does not raise the requester's hazard; one
 * ignored raises it, and more than the other members'. */
static void test_exit_requests(void **state) {
  (void)state;
  static const double align[3] = {0.8, 0.8, 0.8};
  static const char *const honoured[] = {"2006-03-01,AAA,request_aid,PACT",
                                         "2006-03-02,PACT,troop_deployment,AAA"};
  static const char *const ignored[] = {"2006-03-01,AAA,request_aid,PACT"};
  for (size_t month = 74; month <= 131; month += 19) { /* 2006-03 .. 2010-12 */
    const double base_a = exit_world_value("exit:AAA:PACT", month, align, NULL, 0);
    const double base_b = exit_world_value("exit:BBB:PACT", month, align, NULL, 0);
    const double hon_a = exit_world_value("exit:AAA:PACT", month, align, honoured, 2);
    const double ign_a = exit_world_value("exit:AAA:PACT", month, align, ignored, 1);
    const double ign_b = exit_world_value("exit:BBB:PACT", month, align, ignored, 1);
    assert_true(hon_a < base_a);
    assert_true(ign_a > base_a);
    assert_true(ign_a / base_a > ign_b / base_b);
  }
}

/* Series made by the alignment equation (written out again here) with a level
 * variance and slope on the fit's grid and the common level's weight cw,
 * revealed exactly from year 8 on (each year the mean of the path the equation
 * forecast from the December before), with random revealed alignments before, a
 * structural index that moves, and votes whose count and stance variance vary
 * (so that the anchor's gains do); every observation weighs fully (no noise
 * ratio); each anchor starts from the common level with variance FIT_PRIOR_VAR. */
enum { FIT_SERIES = 3, FIT_YEARS = 24 };
#define FIT_PRIOR_VAR 0.01
static void make_fit_series(double half_life, double level_var, double slope,
                            double assimilate, double cw, float index[][12 * FIT_YEARS],
                            float impulse[][12 * FIT_YEARS], double observed[][FIT_YEARS],
                            double votes[][FIT_YEARS], double vote_var[][FIT_YEARS],
                            orb_dyn_fit_series *series) {
  const double rate = 1 - exp2(-1.0 / half_life);
  uint64_t x = 88172645463325252ull; /* xorshift: fixed draws */
  double a[FIT_SERIES] = {0}, level[FIT_SERIES] = {0}, anchor_index[FIT_SERIES] = {0},
         var[FIT_SERIES] = {0}, seen[FIT_SERIES] = {0}, common = NAN, g = 0;
  for (int s = 0; s < FIT_SERIES; s++) {
    for (int k = 0; k < 12 * FIT_YEARS; k++) {
      index[s][k] = (float)(0.3 + 0.1 * s + 0.15 * sin(k / (7.0 + s)) + (k > 150 ? 0.1 : 0));
      impulse[s][k] = k % 37 == 5 + 3 * s ? -0.03f : 0.0f;
    }
    for (int y = 0; y < FIT_YEARS; y++)
      votes[s][y] = 40 + 10 * ((y + s) % 4), vote_var[s][y] = 0.05 + 0.02 * ((y * 3 + s) % 5);
  }
  for (int y = 0; y < FIT_YEARS; y++) {
    double sum_obs = 0, n_obs = 0;
    for (int s = 0; s < FIT_SERIES; s++) {
      double sum = 0;
      int pushed = 0; /* an impulse this year: the fit's forecast leaves it out */
      for (int mo = 0; mo < 12; mo++) {
        int k = y * 12 + mo;
        pushed |= impulse[s][k] != 0;
        double target = seen[s] > 0 ? g + level[s] + slope * (index[s][k] - anchor_index[s])
                                    : index[s][k];
        target = fmin(fmax(target, 0), 1);
        a[s] = fmin(fmax(a[s] + (k ? rate : 1) * (target - a[s]) + impulse[s][k], 0), 1);
        sum += a[s];
      }
      x ^= x << 13, x ^= x >> 7, x ^= x << 17;
      observed[s][y] = y < 8 ? 0.5 + 0.4 * (double)(x % 1000) / 1000.0 : sum / 12;
      if (y >= 8 && pushed) observed[s][y] = NAN; /* not revealed */
      if (!isnan(observed[s][y])) sum_obs += observed[s][y], n_obs += 1;
    }
    /* the common level: the first year's mean, then moved by the mean gap */
    if (n_obs > 0) common = isnan(common) ? sum_obs / n_obs : common + (sum_obs - common * n_obs) / n_obs;
    g = isnan(common) ? 0 : cw * common;
    for (int s = 0; s < FIT_SERIES; s++) {
      if (isnan(observed[s][y])) continue;
      const double v = vote_var[s][y] / votes[s][y], idx = index[s][y * 12 + 11];
      /* the local-level filter, written out again: from the prior (the common
       * level, variance FIT_PRIOR_VAR) at the first observation */
      if (!seen[s])
        level[s] = common - g, anchor_index[s] = idx, var[s] = FIT_PRIOR_VAR;
      else
        var[s] += level_var * (double)(y + 1 - seen[s]);
      const double k = var[s] / (var[s] + v);
      level[s] += k * (observed[s][y] - g - level[s]);
      anchor_index[s] += k * (idx - anchor_index[s]);
      var[s] *= 1 - k, seen[s] = y + 1;
      const double target = fmin(fmax(g + level[s] + slope * (idx - anchor_index[s]), 0), 1);
      a[s] += assimilate * (target - a[s]);
    }
  }
  for (int s = 0; s < FIT_SERIES; s++)
    series[s] = (orb_dyn_fit_series){index[s], impulse[s], observed[s], votes[s], vote_var[s]};
}

/* The fit finds the level variance and slope of series made by the equation
 * (written out above), given the half-life, assimilation and common weight. */
static void test_fit_recovers(void **state) {
  (void)state;
  static float index[FIT_SERIES][12 * FIT_YEARS], impulse[FIT_SERIES][12 * FIT_YEARS];
  static double observed[FIT_SERIES][FIT_YEARS], votes[FIT_SERIES][FIT_YEARS],
      vote_var[FIT_SERIES][FIT_YEARS];
  orb_dyn_fit_series series[FIT_SERIES];
  orb_diags d;
  orb_diags_init(&d);
  /* half-life, level variance, slope, assimilation, common */
  static const double cases[][5] = {{24, 0.002, 1, 1, 0}, {12, 0.0005, 0, 0.75, 1}};
  for (int c = 0; c < 2; c++) {
    const double *r = cases[c];
    make_fit_series(r[0], r[1], r[2], r[3], r[4], index, impulse, observed, votes, vote_var,
                    series);
    orb_dyn_fit_data data = {1990, FIT_YEARS, FIT_SERIES, series, 1997, 1, 0, 0.1,
                             r[4], r[3], r[0], FIT_PRIOR_VAR};
    orb_dyn_alignment_fit fit;
    assert_int_equal(orb_dyn_fit_alignment(&data, &fit, &d), ORB_OK);
    assert_true(fit.level_var == r[1] && fit.slope == r[2]);
    assert_true(fit.n > 10 && fit.rmse < 1e-6);
    /* another level variance forecasts worse */
    for (int s = 0; s < FIT_SERIES; s++) series[s].vote_var = NULL; /* align_vote_var 0.1 */
    orb_dyn_alignment_fit other;
    assert_int_equal(orb_dyn_fit_alignment(&data, &other, &d), ORB_OK);
    assert_true(other.mae > 1e-4);
    /* nothing to forecast, or no half-life: refused */
    data.half_life_months = 0;
    assert_int_equal(orb_dyn_fit_alignment(&data, &fit, &d), ORB_EINVAL);
    data.half_life_months = r[0];
    data.origin_from = 2100;
    assert_int_equal(orb_dyn_fit_alignment(&data, &fit, &d), ORB_EINVAL);
    assert_non_null(strstr(d.items[d.count - 1].message, "no forecast"));
  }
  orb_diags_free(&d);
}

/* A state whose revealed alignment is a constant plus independent noise of the
 * sampling variance its votes give: the fitted filter (the anchor averaging the
 * past years) forecasts it better than persistence, whose error carries the
 * noise of two years (variance 2 s^2 against about s^2 (1 + 1/k) after k years);
 * the same forecasts scored. */
static void test_fit_beats_persistence(void **state) {
  (void)state;
  enum { S = 6, Y = 30, H = 3 };
  static float index[S][12 * Y];
  static double observed[S][Y];
  orb_dyn_fit_series series[S];
  uint64_t x = 12345; /* a fixed linear congruential stream: noise in [-0.05, 0.05) */
  for (int s = 0; s < S; s++) {
    for (int k = 0; k < 12 * Y; k++) index[s][k] = 0.3f;
    for (int y = 0; y < Y; y++) {
      x = x * 6364136223846793005u + 1442695040888963407u;
      observed[s][y] = 0.6 + 0.05 * s + ((double)(x >> 11) / 9007199254740992.0 - 0.5) * 0.1;
    }
    series[s] = (orb_dyn_fit_series){index[s], NULL, observed[s], NULL, NULL};
  }
  /* each year's observation: 40 votes of variance 0.0333 (the noise's, 0.0008, times 40) */
  static double votes[Y], vote_var[Y];
  for (int y = 0; y < Y; y++) votes[y] = 40, vote_var[y] = 0.01 / 12 * 40;
  for (int s = 0; s < S; s++) series[s].votes = votes, series[s].vote_var = vote_var;
  orb_dyn_fit_data data = {1990, Y, S, series, 1991, H, 0, 0.1, 0, 1, 24, 0.01};
  orb_dyn_alignment_fit fit;
  orb_diags d;
  orb_diags_init(&d);
  assert_int_equal(orb_dyn_fit_alignment(&data, &fit, &d), ORB_OK);
  double sq = 0;
  size_t n = 0;
  for (int s = 0; s < S; s++)
    for (int u = 1; u < Y; u++)
      for (int h = 1; h <= H && u + h < Y; h++) {
        const double e = observed[s][u] - observed[s][u + h];
        sq += e * e, n++;
      }
  assert_int_equal(fit.n, n);
  const double persist = sqrt(sq / (double)n);
  assert_true(fit.rmse < 0.85 * persist);
  /* the noise's standard deviation is 0.1 / sqrt(12) = 0.0289: the filter is
   * close to it, persistence close to sqrt(2) times it */
  assert_true(fit.rmse < 0.034 && persist > 0.038);
  assert_true(fit.level_var <= 0.00025); /* a constant: the level does not move */
  orb_diags_free(&d);
}

/* ---- determinism and kept runs ----------------------------------------------------- */

static void test_threads_identical(void **state) {
  (void)state;
  orb_dyn_model *m = make_model(NULL, 0);
  char p1[TEMP_PATH], p2[TEMP_PATH];
  temp_path(p1, "t1.db");
  temp_path(p2, "t2.db");
  remove(p1);
  remove(p2);
  orb_dyn_summary *a = ensemble(m, 300, 1, p1, 2), *b = ensemble(m, 300, 2, p2, 2);
  size_t cells = a->series_count * a->month_count;
  assert_memory_equal(a->quantiles, b->quantiles, cells * 3 * sizeof(float));
  assert_memory_equal(a->kept_values, b->kept_values, 2 * cells * sizeof(float));
  size_t la, lb;
  char *fa = test_read_file(p1, &la), *fb = test_read_file(p2, &lb);
  assert_non_null(fa);
  assert_non_null(fb);
  assert_int_equal(la, lb);
  assert_memory_equal(fa, fb, la);
  free(fa);
  free(fb);
  /* a kept run is exactly one orb_dyn_run with its drawn parameters */
  orb_dyn_settings s;
  assert_int_equal(orb_dyn_settings_init(&s), ORB_OK);
  double prm[64];
  orb_dyn_draw(&s, 7, 1, prm);
  float *out = malloc(cells * sizeof *out);
  orb_dyn_run(m, prm, out);
  assert_memory_equal(out, a->kept_values + cells, cells * sizeof *out);
  free(out);
  orb_dyn_settings_free(&s);
  orb_dyn_summary_free(a);
  orb_dyn_summary_free(b);
  orb_dyn_model_free(m);
  remove(p1);
  remove(p2);
}

/* ---- the store -------------------------------------------------------------------- */

static long long query_int(const char *path, const char *sql) {
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  long long v = -1;
  if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
    v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return v;
}

static void test_store_schema(void **state) {
  (void)state;
  orb_dyn_model *m = make_model(NULL, 0);
  char p[TEMP_PATH];
  temp_path(p, "store.db");
  remove(p);
  orb_dyn_summary *s = ensemble(m, 40, 0, p, 1);
  size_t series = orb_dyn_series_count(m), months = orb_dyn_month_count(m);
  assert_int_equal(query_int(p, "SELECT count(*) FROM run"), 40);
  assert_int_equal(query_int(p, "SELECT count(*) FROM quantile"), (long long)(series * months));
  assert_int_equal(query_int(p, "SELECT count(*) FROM value"), (long long)(series * months));
  assert_int_equal(query_int(p, "SELECT count(*) FROM meta WHERE key='format' AND value='orbit-dynamics-store'"), 1);
  size_t params;
  orb_dyn_params(&params);
  assert_int_equal(query_int(p, "SELECT count(*) FROM param"), (long long)params);
  assert_int_equal(query_int(p, "SELECT json_extract(params, '$.\"dyn.cred_prior_mean\"') BETWEEN 0.6 AND 0.85 FROM run WHERE run = 3"), 1);
  assert_int_equal(query_int(p, "SELECT count(*) FROM quantile WHERE NOT (q05 <= q50 AND q50 <= q95)"), 0);
  /* an existing store is replaced; any other file is refused and left as it was */
  orb_dyn_summary_free(s);
  s = ensemble(m, 20, 0, p, 0);
  assert_int_equal(query_int(p, "SELECT count(*) FROM run"), 20);
  orb_dyn_summary_free(s);
  char other[TEMP_PATH];
  temp_path(other, "other.txt");
  FILE *f = fopen(other, "w");
  fputs("not a store\n", f);
  fclose(f);
  orb_dyn_settings set;
  orb_dyn_settings_init(&set);
  orb_diags d;
  orb_diags_init(&d);
  orb_dyn_ensemble_options o = {.runs = 5, .seed = 1, .store = other};
  assert_int_equal(orb_dyn_ensemble(m, &set, &o, &s, &d), ORB_EINVAL);
  assert_non_null(strstr(d.items[0].message, "it exists and is not an orbit simulation store"));
  char *text = test_read_file(other, NULL);
  assert_string_equal(text, "not a store\n");
  free(text);
  orb_diags_free(&d);
  orb_dyn_settings_free(&set);
  orb_dyn_model_free(m);
  remove(p);
  remove(other);
}

/* In a forked child: runs `orbit ARGS...` with its output discarded; never returns. */
static void spawn_orbit(const char **args) {
  const char *argv[16] = {"orbit"};
  size_t n = 1;
  while (args[n - 1] && n < 15) argv[n] = args[n - 1], n++;
  argv[n] = NULL;
  if (!freopen("/dev/null", "w", stdout) || !freopen("/dev/null", "w", stderr)) _exit(127);
  execv(ORB_TEST_ORBIT_BIN, (char *const *)argv);
  _exit(127);
}

/* The glob pattern of the temporary and lock files of a writer of path (in the
 * tests' folder): beside it, named .NAME.orbit-*. */
static void leftover_pattern(const char *path, char *pattern, size_t size) {
  const char *base = strrchr(path, '/');
  snprintf(pattern, size, "%s/.%s.orbit-*", tmpdir, base ? base + 1 : path);
}

/* The temporary file a writer of path (in the tests' folder) is filling, its
 * size in *size; 0 when there is none. */
static int find_temporary(const char *path, off_t *size) {
  char pattern[256];
  leftover_pattern(path, pattern, sizeof pattern);
  glob_t g;
  int found = 0;
  if (glob(pattern, GLOB_PERIOD, NULL, &g) == 0) {
    for (size_t i = 0; i < g.gl_pathc; i++) {
      struct stat sb;
      if (strstr(g.gl_pathv[i], "orbit-lock") || stat(g.gl_pathv[i], &sb) != 0) continue;
      *size = sb.st_size;
      found = 1;
    }
    globfree(&g);
  }
  return found;
}

/* Removes what a killed writer of path left (its temporary and lock files). */
static void remove_leftovers(const char *path) {
  char pattern[256];
  leftover_pattern(path, pattern, sizeof pattern);
  glob_t g;
  if (glob(pattern, GLOB_PERIOD, NULL, &g) == 0) {
    for (size_t i = 0; i < g.gl_pathc; i++) remove(g.gl_pathv[i]);
    globfree(&g);
  }
}

/* Forks `orbit simulate` writing a big ensemble to path; kills it (SIGKILL) once
 * its temporary file has grown past whole batches of runs. */
static void kill_mid_run(const char *path) {
  pid_t child = fork();
  assert_true(child >= 0);
  if (child == 0) { /* the command itself, so no OpenMP state crosses the fork */
    spawn_orbit((const char *[]){"simulate", "--runs", "100000000", "--threads", "1",
                                 "--store", path, NULL});
  }
  off_t size = 0;
  for (int i = 0; i < 3000; i++) { /* up to 30 s */
    if (find_temporary(path, &size) && size > 200000) break;
    usleep(10000);
  }
  assert_true(size > 200000); /* the writer had committed runs to its temporary file */
  kill(child, SIGKILL);
  int status;
  waitpid(child, &status, 0);
  assert_true(WIFSIGNALED(status));
  remove_leftovers(path);
}

static void test_store_killed(void **state) {
  (void)state;
  orb_dyn_model *m = make_model(NULL, 0);
  char p[TEMP_PATH];
  temp_path(p, "killed.db");
  remove(p);
  kill_mid_run(p); /* no old target: nothing is left */
  struct stat sb;
  assert_int_equal(stat(p, &sb), -1);
  orb_dyn_summary *s = ensemble(m, 12, 0, p, 0); /* an old target */
  orb_dyn_summary_free(s);
  kill_mid_run(p);
  assert_int_equal(query_int(p, "SELECT count(*) FROM run"), 12);
  assert_int_equal(query_int(p, "SELECT count(*) FROM meta WHERE key='runs' AND value='12'"), 1);
  remove(p);
  orb_dyn_model_free(m);
}

/* Peak resident memory (KiB) of `orbit simulate --runs RUNS --store ...`. */
static long peak_rss(size_t runs) {
  char path[TEMP_PATH];
  temp_path(path, "rss.db");
  pid_t child = fork();
  assert_true(child >= 0);
  char text[32];
  snprintf(text, sizeof text, "%zu", runs);
  if (child == 0)
    spawn_orbit((const char *[]){"simulate", "--runs", text, "--threads", "2", "--store",
                                 path, NULL});
  int status;
  struct rusage ru;
  assert_true(wait4(child, &status, 0, &ru) == child);
  assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  return ru.ru_maxrss;
}

static void test_bounded_memory(void **state) {
  (void)state;
  long small = peak_rss(200), big = peak_rss(2000);
  printf("peak RSS: 200 runs %ld KiB, 2000 runs %ld KiB\n", small, big);
  assert_true(big < small + small / 10 + 4096);
  char path[TEMP_PATH];
  assert_int_equal(remove(temp_path(path, "rss.db")), 0);
}

/* ---- the command ------------------------------------------------------------------ */

static void test_cli(void **state) {
  (void)state;
  test_expect_orbit("simulate --runs 50 --set war_tiedwn=1", 2,
                    "unknown parameter 'war_tiedwn' (did you mean 'war_tiedown'?)");
  test_expect_orbit("simulate --runs 50 --from 1980-01", 2, "outside the world");
  test_expect_orbit("simulate --runs 50 --to 2040-01", 2, "outside the world");
  test_expect_orbit("simulate --runs 50 --set war_tiedown=2..1", 2, "impossible bounds 2..1");
  test_expect_orbit("simulate --runs 50 --without-event 2022-09-14/ARM/request_aid/XX", 2,
                    "no event '2022-09-14/ARM/request_aid/XX'");
  test_expect_orbit("simulate --runs 50 --add-event 2022-09-20,CSTO,deploy,ARM", 2,
                    "unknown event type 'deploy'");
  test_expect_orbit("simulate --runs 0", 2, "--runs: expected a whole number");
  test_expect_orbit("simulate --bogus", 2, "unknown option");
  test_expect_orbit("simulate --csv", 2, "name them with --series");
  test_expect_orbit("simulate --runs 5 --store README.md", 1, "not an orbit simulation store");
  test_expect_orbit("simulate --runs 5 --params tests/dynamics/params.yaml --list-params", 0,
                    "dyn.tie_drift_rate       0.05");
  test_expect_orbit("simulate --runs 50 --from 2020-01 --to 2025-12", 0,
                    "Credibility of alliance commitments");
  test_expect_orbit("simulate --runs 50 --from 2020-01 --to 2025-12 --series credibility:CSTO", 0,
                    "credibility:CSTO,2022-12,");
  test_expect_orbit("simulate --runs 5 --from 2020-01 --to 2020-03 --keep 2 --per-run "
                    "--series capacity:RUS --json", 0,
                    "{\"series\":\"capacity:RUS\",\"run\":1,\"month\":\"2020-03\"");
  test_expect_orbit("simulate --list-events", 0, "2022-09-14/ARM/request_aid/CSTO\n");
  test_expect_orbit("simulate --list-params", 0, "cred_prior_mean");
  test_expect_orbit("simulate --validate", 0, "  all          702 ");
  test_expect_orbit("simulate --validate --json", 0, "\"forecasts\":[{\"origin\":2000,");
  test_expect_orbit("simulate --validate --no-record", 2, "drop --no-record");
  test_expect_orbit("simulate --runs 5 --series leverage:RUS:ARN", 2,
                    "did you mean 'leverage:RUS:ARM'");
  int code;
  char *err = test_run_orbit("simulate --runs 300 --from 2021-01 --to 2023-12", TEST_STDERR, &code);
  assert_int_equal(code, 0);
  assert_string_equal(err, ""); /* no progress bar when stderr is not a terminal */
  free(err);
  char *out = test_run_orbit("simulate --runs 20 --from 2021-01 --to 2023-12 --json", TEST_STDOUT, &code);
  assert_int_equal(code, 0);
  assert_non_null(strstr(out, "\"credibility:CSTO\":{\"2021-12\":{\"q05\":"));
  free(out);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_param_table),   cmocka_unit_test(test_settings_set),
      cmocka_unit_test(test_settings_from_world),
      cmocka_unit_test(test_draws),         cmocka_unit_test(test_tests_recognised),
      cmocka_unit_test(test_story),         cmocka_unit_test(test_without_ignored_requests),
      cmocka_unit_test(test_add_event),     cmocka_unit_test(test_inputs_set),
      cmocka_unit_test(test_record_inputs), cmocka_unit_test(test_story_record),
      cmocka_unit_test(test_validate),      cmocka_unit_test(test_validate_truncation),
      cmocka_unit_test(test_fit_recovers),  cmocka_unit_test(test_structure_cut),
      cmocka_unit_test(test_fit_beats_persistence),
      cmocka_unit_test(test_vote_weight),   cmocka_unit_test(test_exit_base_rate),
      cmocka_unit_test(test_exit_requests),
      cmocka_unit_test(test_threads_identical),
      cmocka_unit_test(test_store_schema),  cmocka_unit_test(test_store_killed),
      cmocka_unit_test(test_bounded_memory), cmocka_unit_test(test_cli),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
