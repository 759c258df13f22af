/*
 * test_alloc.c: the allocation-failure harness. Each scenario calls public entry
 * points of the library the way a caller would; the harness runs it with its 1st,
 * 2nd, ... allocation failing and checks that every run either succeeds or reports
 * an error, and never crashes. Leaks are caught by LeakSanitizer in the sanitizer
 * build (CI), where a leak on any error path fails the test.
 *
 * Scenarios with many allocations are probed at every N up to EVERY_UP_TO and on a
 * stride after that, so that each runs at most about MAX_PROBES times.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "common/testutil.h"
#include "failalloc.h"
#include "orbit/orbit.h"

enum { EVERY_UP_TO = 300, MAX_PROBES = 600 };

static const char *WORLD = "worlds/postsoviet.yaml";
static const char *SMALL_WORLD = "tests/stance/worlds/mini.yaml";

typedef orb_status (*scenario_fn)(void *ctx);

/* Runs fn with no failure to count its allocations, then with each chosen one
 * failing; asserts the clean run succeeds and every run returns. */
static void probe(const char *name, scenario_fn fn, void *ctx) {
  failalloc_arm(0, 0);
  orb_status rc = fn(ctx);
  size_t total = failalloc_count();
  assert_int_equal(rc, ORB_OK);
  size_t stride = total <= EVERY_UP_TO ? 1 : (total - EVERY_UP_TO) / MAX_PROBES + 1;
  size_t probes = 0, errors = 0;
  for (size_t n = 1; n <= total; n += n < EVERY_UP_TO ? 1 : stride) {
    failalloc_arm(n, 0);
    rc = fn(ctx);
    int failed = failalloc_failed();
    failalloc_arm(0, 0);
    probes++;
    if (failed && rc != ORB_OK) errors++;
  }
  printf("%s: %zu allocations, %zu probed, %zu reported an error\n", name, total, probes,
         errors);
  /* Every probe made one allocation fail: most must surface as an error. */
  assert_true(errors > 0);
}

/* ---- scenarios ------------------------------------------------------------------ */

static orb_status sc_world_load(void *ctx) {
  orb_world *world = NULL;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status rc = orb_world_load((const char *)ctx, &world, &diags);
  orb_world_free(world);
  orb_diags_free(&diags);
  return rc;
}

static orb_status sc_world_bad(void *ctx) {
  /* A world with errors: the diagnostics themselves allocate. */
  static const char yaml[] =
      "actors:\n  - {id: AAA, name: A, source: s}\n  - {id: AAA, name: B, source: s}\n"
      "ties:\n  - {from: AAA, to: ZZZ, type: trade, share: 2, year: 2000, source: s}\n";
  orb_world *world = NULL;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status rc = orb_world_load_buffer("bad.yaml", yaml, sizeof yaml - 1, &world, &diags);
  orb_world_free(world);
  orb_diags_free(&diags);
  (void)ctx;
  /* The world is bad: success means the loader missed an error. */
  return rc == ORB_OK ? ORB_EINVAL : (rc == ORB_EPARSE ? ORB_OK : rc);
}

static orb_status sc_stance(void *ctx) {
  const orb_world *world = ctx;
  orb_stance_model model;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status rc = orb_stance_model_init(&model, world, &diags);
  if (rc == ORB_OK) {
    for (size_t i = 0; rc == ORB_OK && i < world->issue_count; i++) {
      orb_stance_prediction *pred = NULL;
      size_t count = 0;
      rc = orb_stance_predict(world, &model, i, ORB_DATE_NONE, &pred, &count);
      free(pred);
    }
    orb_stance_model_free(&model);
  }
  orb_diags_free(&diags);
  return rc;
}

static orb_status sc_align(void *ctx) {
  const orb_world *world = ctx;
  orb_landscape *landscape = NULL;
  orb_align_result *result = NULL;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status rc = orb_landscape_from_world(world, orb_date_from_ymd(2024, 6, 1),
                                           &landscape, &diags);
  if (rc == ORB_OK) {
    orb_align_options options;
    orb_align_options_default(&options);
    options.threads = 1;
    rc = orb_align_solve(landscape, &options, &result, &diags);
  }
  orb_align_result_free(result);
  orb_landscape_free(landscape);
  orb_diags_free(&diags);
  return rc;
}

static orb_status sc_bargain(void *ctx) {
  orb_bargain_scenario *scenario = NULL;
  orb_bargain_result *result = NULL;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status rc = orb_bargain_read((const char *)ctx, &scenario, &diags);
  if (rc == ORB_OK) {
    orb_bargain_options options;
    orb_bargain_options_default(&options);
    rc = orb_bargain_run(scenario, &options, 1, 0, &result);
  }
  orb_bargain_result_free(result);
  orb_bargain_scenario_free(scenario);
  orb_diags_free(&diags);
  return rc;
}

static int count_event(const orb_coded_event *event, void *user) {
  (void)event;
  (*(size_t *)user)++;
  return 0;
}

static orb_status sc_code(void *ctx) {
  static const char text[] =
      "MOSCOW, Aug 20 2024 - Russia accused Ukraine of attacking the Kursk region.\n"
      "Armenia froze its participation in the CSTO. Kazakhstan and China signed an "
      "agreement on energy cooperation.\n";
  orb_dict *dict = NULL;
  orb_coder *coder = NULL;
  orb_diags diags;
  size_t events = 0;
  orb_diags_init(&diags);
  orb_status rc = orb_dict_new(&dict);
  if (rc == ORB_OK) rc = orb_dict_add_default(dict, &diags);
  if (rc == ORB_OK) rc = orb_coder_new(dict, &coder);
  if (rc == ORB_OK) rc = orb_coder_begin(coder, "t.txt", orb_date_from_ymd(2024, 8, 20));
  if (rc == ORB_OK)
    rc = orb_coder_feed(coder, text, sizeof text - 1, count_event, &events, &diags);
  if (rc == ORB_OK) rc = orb_coder_finish(coder, count_event, &events, &diags);
  orb_coder_free(coder);
  orb_dict_free(dict);
  orb_diags_free(&diags);
  (void)ctx;
  return rc;
}

/* A world's names, leaders and owners into a dictionary, then coding with it. */
static orb_status sc_code_world(void *ctx) {
  static const char yaml[] =
      "world: {name: T, description: d, start: 2000-01-01, end: 2030-12-31}\n"
      "actors:\n"
      "  - id: RUR\n    name: Ruritania\n    kind: state\n"
      "    names:\n      - {aliases: [Duchy], adjectives: [Ruritanian], capital: Strelsau,\n"
      "         source: s}\n      - {capital: [Zenda], assumption: a}\n"
      "    leaders:\n      - {name: Rudolf R, aliases: [Rudolf], office: king, from: 2010,\n"
      "         to: 2015-12-31, source: s}\n"
      "  - {id: EUR, name: European Union, kind: bloc}\n"
      "  - {id: ZOIL, name: Zenda Oil, kind: organisation, owner: {actor: RUR, source: s}}\n";
  static const char dict_text[] = "actor | european union | IGOEUREEC\n"
                                  "verb | V | criticised | 111\n"
                                  "same | IGOEUREEC | EUX\n";
  static const char text[] = "Rudolf criticised the European Union. Zenda Oil criticised "
                             "Strelsau.\n";
  orb_world *world = NULL;
  orb_dict *dict = NULL;
  orb_coder *coder = NULL;
  orb_diags diags;
  size_t events = 0;
  orb_diags_init(&diags);
  orb_status rc = orb_world_load_buffer("t.yaml", yaml, sizeof yaml - 1, &world, &diags);
  if (rc == ORB_OK) rc = orb_dict_new(&dict);
  if (rc == ORB_OK) rc = orb_dict_add_buffer(dict, "t.dict", dict_text, sizeof dict_text - 1,
                                             &diags);
  if (rc == ORB_OK) rc = orb_dict_add_world(dict, world, "t.yaml", &diags);
  if (rc == ORB_OK) rc = orb_coder_new(dict, &coder);
  if (rc == ORB_OK) rc = orb_coder_begin(coder, "t.txt", orb_date_from_ymd(2012, 8, 20));
  if (rc == ORB_OK)
    rc = orb_coder_feed(coder, text, sizeof text - 1, count_event, &events, &diags);
  if (rc == ORB_OK) rc = orb_coder_finish(coder, count_event, &events, &diags);
  orb_coder_free(coder);
  orb_dict_free(dict);
  orb_world_free(world);
  orb_diags_free(&diags);
  (void)ctx;
  return rc;
}

/* The month-by-month model: inputs, a counterfactual, the model, an ensemble. */
static orb_status sc_dynamics(void *ctx) {
  const orb_world *world = ctx;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_dyn_settings settings = {0};
  orb_dyn_inputs *in = NULL;
  orb_dyn_model *model = NULL;
  orb_dyn_summary *sum = NULL;
  orb_status rc = orb_dyn_settings_init(&settings);
  if (rc == ORB_OK) rc = orb_dyn_settings_set(&settings, "war_tiedown=0.5..1", &diags);
  if (rc == ORB_OK) rc = orb_dyn_inputs_from_world(world, 2000, 2010, &in, &diags);
  if (rc == ORB_OK) rc = orb_dyn_add_event(in, world, "2005-01-01,PAT,cooperate,DEP", &diags);
  if (rc == ORB_OK)
    rc = orb_dyn_model_new(world, in, orb_date_from_ymd(2000, 1, 1),
                           orb_date_from_ymd(2010, 12, 1), &model, &diags);
  orb_dyn_ensemble_options opt = {.runs = 70, .seed = 1, .threads = 1, .keep = 2};
  if (rc == ORB_OK) rc = orb_dyn_ensemble(model, &settings, &opt, &sum, &diags);
  orb_dyn_summary_free(sum);
  orb_dyn_model_free(model);
  orb_dyn_inputs_free(in);
  orb_dyn_settings_free(&settings);
  orb_diags_free(&diags);
  return rc;
}

/* The whole pipeline as `orbit run` drives it: a session, the run, its report. */
static orb_status sc_run(void *ctx) {
  orb_session_options options = {.world_path = SMALL_WORLD};
  orb_session *session = NULL;
  orb_run *run = NULL;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status rc = orb_session_load(&options, &session, &diags);
  if (rc == ORB_OK) rc = orb_run_new(session, orb_session_latest(session), &run, &diags);
  FILE *sink = fopen("/dev/null", "w");
  if (rc == ORB_OK) rc = orb_report_run(sink, run, ORB_FORMAT_TEXT);
  if (sink) fclose(sink);
  orb_run_free(run);
  orb_session_free(session);
  orb_diags_free(&diags);
  (void)ctx;
  return rc;
}

/* ---- tests ---------------------------------------------------------------------- */

static void test_world_load(void **state) {
  (void)state;
  probe("world load (mini)", sc_world_load, (void *)SMALL_WORLD);
  probe("world load (built-in)", sc_world_load, (void *)WORLD);
  probe("world with errors", sc_world_bad, NULL);
}

static void test_models(void **state) {
  (void)state;
  orb_world *world = test_load_world(WORLD);
  probe("stance", sc_stance, world);
  probe("align", sc_align, world);
  orb_world_free(world);
  world = test_load_world(SMALL_WORLD);
  probe("dynamics", sc_dynamics, world);
  orb_world_free(world);
}

static void test_bargain(void **state) {
  (void)state;
  probe("bargain csv", sc_bargain, (void *)"data/bargain/SOE-Pol-Comp.csv");
  probe("bargain xml", sc_bargain, (void *)"data/bargain/dummyData_3Dim.xml");
}

static void test_run(void **state) {
  (void)state;
  probe("session and run", sc_run, NULL);
}

static void test_code(void **state) {
  (void)state;
  probe("event coder", sc_code, NULL);
  probe("event coder with a world", sc_code_world, NULL);
}

int main(void) {
  failalloc_install_cjson();
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_world_load),
      cmocka_unit_test(test_models),
      cmocka_unit_test(test_bargain),
      cmocka_unit_test(test_code),
      cmocka_unit_test(test_run),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
