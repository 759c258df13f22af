/*
 * test_model.c: the bargaining model's options and properties of its runs:
 * option names round trip, every option combination gives a proper outcome
 * distribution, stochastic runs are reproducible and independent of the number
 * of threads, and invalid scenarios are refused.
 */
#include <math.h>
#include <omp.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "orbit/orbit.h"

/* The repository's copy of a KTAB example scenario. */
static orb_bargain_scenario *example(const char *file) {
  char path[1024];
  snprintf(path, sizeof path, "%s/data/bargain/%s", ORB_TEST_SOURCE_DIR, file);
  orb_diags diags;
  orb_diags_init(&diags);
  orb_bargain_scenario *s = NULL;
  assert_int_equal(orb_bargain_read(path, &s, &diags), ORB_OK);
  orb_diags_free(&diags);
  return s;
}

static void test_option_names(void **state) {
  (void)state;
  orb_bargain_options o;
  orb_bargain_options_default(&o);
  const char *defaults[ORB_BOPT_COUNT] = {"Linear",     "Prop", "Conditional",
                                          "Deterministic", "Mid", "OneThird",
                                          "SemiCommit", "S2P2", "InitOnlyInterp"};
  for (int k = 0; k < ORB_BOPT_COUNT; k++) {
    orb_bargain_option opt = (orb_bargain_option)k;
    assert_string_equal(orb_bargain_options_get(&o, opt), defaults[k]);
    for (const char *const *v = orb_bargain_option_values(opt); *v; v++) {
      assert_int_equal(orb_bargain_options_set(&o, opt, *v), ORB_OK);
      assert_string_equal(orb_bargain_options_get(&o, opt), *v);
    }
    assert_int_equal(orb_bargain_options_set(&o, opt, "NoSuchValue"), ORB_EINVAL);
  }
  assert_int_equal(orb_bargain_options_set(&o, ORB_BOPT_VOTING, "propcbc"), ORB_OK);
  assert_int_equal(o.voting, ORB_VOTE_PROPCBC);
  assert_string_equal(orb_bargain_option_key(ORB_BOPT_MODEL), "BargnModel");
  assert_null(orb_bargain_option_key(ORB_BOPT_COUNT));
}

/* Checks the invariants of a finished run. */
static void check_result(const orb_bargain_scenario *s, const orb_bargain_options *o,
                         const orb_bargain_result *r) {
  const size_t n = s->actor_count, m = s->dim_count, last = r->state_count - 1;
  assert_true(r->state_count >= 2 && r->state_count <= o->max_turns + 1);
  for (size_t c = 0; c < n * m; c++) assert_true(fabs(r->positions[c] - s->position[c]) < 1e-9);
  double total = 0;
  for (size_t u = 0; u < r->unique_count; u++) {
    assert_true(r->unique_prob[u] >= 0 && r->unique_prob[u] <= 1);
    total += r->unique_prob[u];
  }
  assert_true(fabs(total - 1) < 1e-9);
  for (size_t i = 0; i < n; i++) {
    double p = r->probabilities[last * n + i];
    int found = 0;
    for (size_t u = 0; u < r->unique_count; u++) found |= p == r->unique_prob[u];
    assert_true(found);
  }
  for (size_t k = 0; k < m; k++) {
    double lo = 100, hi = 0;
    for (size_t i = 0; i < n; i++) {
      double x = r->positions[(last * n + i) * m + k];
      lo = x < lo ? x : lo;
      hi = x > hi ? x : hi;
    }
    assert_true(r->outcome_mean[k] >= lo - 1e-9 && r->outcome_mean[k] <= hi + 1e-9);
    assert_true(r->outcome_mode[k] >= lo && r->outcome_mode[k] <= hi);
  }
}

/* Every value of every option, one at a time, on two scenarios. */
static void test_every_option(void **state) {
  (void)state;
  const char *files[] = {"dummyData_3Dim.csv", "SOE-Pol-Comp.csv"};
  for (size_t f = 0; f < 2; f++) {
    orb_bargain_scenario *s = example(files[f]);
    for (int k = 0; k < ORB_BOPT_COUNT; k++) {
      orb_bargain_option opt = (orb_bargain_option)k;
      for (const char *const *v = orb_bargain_option_values(opt); *v; v++) {
        orb_bargain_options o;
        orb_bargain_options_default(&o);
        o.max_turns = 30;
        assert_int_equal(orb_bargain_options_set(&o, opt, *v), ORB_OK);
        orb_bargain_result *r = NULL;
        orb_status status = orb_bargain_run(s, &o, 7, 0, &r);
        if (status != ORB_OK)
          fprintf(stderr, "%s with %s=%s: %s\n", files[f], orb_bargain_option_key(opt), *v,
                  orb_status_str(status));
        assert_int_equal(status, ORB_OK);
        check_result(s, &o, r);
        orb_bargain_result_free(r);
      }
    }
    orb_bargain_scenario_free(s);
  }
}

/* Compares two ensembles run for run, byte for byte. */
static void assert_same_runs(orb_bargain_result **a, orb_bargain_result **b, size_t count) {
  for (size_t r = 0; r < count; r++) {
    assert_int_equal(a[r]->state_count, b[r]->state_count);
    size_t cells = a[r]->state_count * a[r]->actor_count * a[r]->dim_count;
    assert_memory_equal(a[r]->positions, b[r]->positions, cells * sizeof(double));
    assert_memory_equal(a[r]->outcome_mean, b[r]->outcome_mean,
                        a[r]->dim_count * sizeof(double));
  }
}

static void free_runs(orb_bargain_result **runs, size_t count) {
  for (size_t r = 0; r < count; r++) orb_bargain_result_free(runs[r]);
  free(runs);
}

/* A stochastic ensemble gives identical runs on 1 and 2 threads; the same seed
 * repeats, another seed differs, and the runs differ from each other. */
static void test_ensemble_threads(void **state) {
  (void)state;
  orb_bargain_scenario *s = example("SOE-Pol-Comp.csv");
  orb_bargain_options o;
  orb_bargain_options_default(&o);
  o.transitions = ORB_TRANSITION_STOCHASTIC;
  const size_t count = 12;
  orb_bargain_result **one, **two, **again, **other;
  omp_set_num_threads(1);
  assert_int_equal(orb_bargain_ensemble(s, &o, 42, count, &one), ORB_OK);
  omp_set_num_threads(2);
  assert_int_equal(orb_bargain_ensemble(s, &o, 42, count, &two), ORB_OK);
  assert_int_equal(orb_bargain_ensemble(s, &o, 42, count, &again), ORB_OK);
  assert_int_equal(orb_bargain_ensemble(s, &o, 43, count, &other), ORB_OK);
  assert_same_runs(one, two, count);
  assert_same_runs(one, again, count);
  size_t differ = 0, distinct = 0;
  for (size_t r = 0; r < count; r++) {
    differ += one[r]->state_count != other[r]->state_count ||
              memcmp(one[r]->outcome_mean, other[r]->outcome_mean, 2 * sizeof(double));
    distinct += memcmp(one[r]->outcome_mean, one[0]->outcome_mean, 2 * sizeof(double)) != 0;
    check_result(s, &o, one[r]);
  }
  assert_true(differ >= count / 2);
  assert_true(distinct >= count / 2);
  /* a single run of the ensemble is the same alone */
  orb_bargain_result *alone;
  assert_int_equal(orb_bargain_run(s, &o, 42, 5, &alone), ORB_OK);
  assert_same_runs(&one[5], &alone, 1);
  orb_bargain_result_free(alone);
  free_runs(one, count);
  free_runs(two, count);
  free_runs(again, count);
  free_runs(other, count);
  orb_bargain_scenario_free(s);
}

/* A larger scenario (one where the loops run in parallel) gives the same
 * deterministic run on 1 and 2 threads. */
static void test_parallel_deterministic(void **state) {
  (void)state;
  orb_bargain_scenario *s;
  const size_t n = 90, m = 2;
  assert_int_equal(orb_bargain_scenario_new(n, m, &s), ORB_OK);
  uint64_t x = 12345;
  for (size_t i = 0; i < n; i++) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    s->capability[i] = 1 + (double)(x >> 40) / (double)(1ull << 24) * 99;
    for (size_t k = 0; k < m; k++) {
      x = x * 6364136223846793005ull + 1442695040888963407ull;
      s->position[i * m + k] = (double)((x >> 33) % 10001) / 100.0;
      s->salience[i * m + k] = 10 + (double)((x >> 20) % 3000) / 100.0;
    }
  }
  orb_bargain_options o;
  orb_bargain_options_default(&o);
  o.max_turns = 8;
  o.turn_probabilities = 1;
  orb_bargain_result *a, *b;
  omp_set_num_threads(1);
  assert_int_equal(orb_bargain_run(s, &o, 1, 0, &a), ORB_OK);
  omp_set_num_threads(2);
  assert_int_equal(orb_bargain_run(s, &o, 1, 0, &b), ORB_OK);
  assert_same_runs(&a, &b, 1);
  assert_memory_equal(a->probabilities, b->probabilities,
                      a->state_count * n * sizeof(double));
  check_result(s, &o, a);
  orb_bargain_result_free(a);
  orb_bargain_result_free(b);
  orb_bargain_scenario_free(s);
}

static void test_invalid(void **state) {
  (void)state;
  orb_bargain_scenario *s = example("dummyData_3Dim.csv");
  orb_bargain_options o;
  orb_bargain_options_default(&o);
  orb_bargain_result *r = (orb_bargain_result *)1;
  s->salience[0] = 95; /* actor 0 now sums over 100 */
  assert_int_equal(orb_bargain_run(s, &o, 1, 0, &r), ORB_EINVAL);
  assert_null(r);
  orb_diags diags;
  orb_diags_init(&diags);
  assert_int_equal(orb_bargain_scenario_check(s, "x", &diags), ORB_EINVAL);
  assert_int_equal(diags.count, 1);
  assert_string_equal(diags.items[0].message,
                      "actor SActor-00: saliences sum to 129.06 (expected more than 0, at "
                      "most 100)");
  orb_diags_free(&diags);
  s->salience[0] = 49.53;
  s->capability[3] = NAN;
  assert_int_equal(orb_bargain_run(s, &o, 1, 0, &r), ORB_EINVAL);
  s->capability[3] = 75.92;
  o.max_turns = 0;
  assert_int_equal(orb_bargain_run(s, &o, 1, 0, &r), ORB_EINVAL);
  o.max_turns = 1;
  assert_int_equal(orb_bargain_run(s, &o, 1, 0, &r), ORB_OK);
  assert_int_equal(r->state_count, 2);
  orb_bargain_result_free(r);
  orb_bargain_scenario_free(s);
  assert_int_equal(orb_bargain_scenario_new(2, 0, &s), ORB_EINVAL);
  assert_null(s);
}

/* Capabilities taken from the built-in world, by actor id. */
static void test_world_capabilities(void **state) {
  (void)state;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_world *w = NULL;
  assert_int_equal(orb_world_load(orb_world_default_path(), &w, &diags), ORB_OK);
  orb_bargain_scenario *s;
  assert_int_equal(orb_bargain_scenario_new(3, 1, &s), ORB_OK);
  const char *ids[3] = {"RUS", "KAZ", "ARM"};
  for (size_t i = 0; i < 3; i++) {
    free(s->actor_names[i]);
    s->actor_names[i] = strdup(ids[i]);
    s->capability[i] = 1;
  }
  assert_int_equal(orb_bargain_capabilities_from_world(s, w, "gdp_usd", 2022, "x.csv",
                                                       &diags),
                   ORB_OK);
  assert_int_equal(diags.count, 0);
  for (size_t i = 0; i < 3; i++) {
    const orb_figure *f = orb_actor_attribute(w, orb_world_actor(w, ids[i]), "gdp_usd", 2022);
    assert_non_null(f);
    assert_true(f->year <= 2022 && f->provenance.source != NULL);
    assert_true(s->capability[i] == f->value);
  }
  assert_true(s->capability[0] == 2266029240645.0); /* World Bank, 2022 */
  free(s->actor_names[2]);
  s->actor_names[2] = strdup("ATLANTIS");
  double before[3];
  memcpy(before, s->capability, sizeof before);
  assert_int_equal(orb_bargain_capabilities_from_world(s, w, "no_such_attribute", 2022,
                                                       "x.csv", &diags),
                   ORB_EINVAL);
  assert_int_equal(diags.count, 3);
  assert_non_null(strstr(diags.items[0].message, "RUS has no positive 'no_such_attribute'"));
  assert_non_null(strstr(diags.items[2].message, "actor 'ATLANTIS' is not an actor id"));
  assert_memory_equal(s->capability, before, sizeof before);
  orb_diags_free(&diags);
  orb_bargain_scenario_free(s);
  orb_world_free(w);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_option_names),
      cmocka_unit_test(test_every_option),
      cmocka_unit_test(test_ensemble_threads),
      cmocka_unit_test(test_parallel_deterministic),
      cmocka_unit_test(test_invalid),
      cmocka_unit_test(test_world_capabilities),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
