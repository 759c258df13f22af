/*
 * test_stance.c: the stance model (docs/MODEL.md, "Stances"): exact features on a
 * small invented world, contributions adding up to the score, probabilities,
 * monotonicity in dependence on the patron, optimality and byte-for-byte
 * reproducibility of calibration, --write round trips, bad-input messages, and
 * ES-11/1 on the built-in world.
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
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "common/testutil.h"
#include "orbit/orbit.h"

#define MINI "tests/stance/worlds/mini.yaml"
#define BUILTIN "worlds/postsoviet.yaml"

static void model_of(const orb_world *world, orb_stance_model *model) {
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status status = orb_stance_model_init(model, world, &diags);
  if (status != ORB_OK) orb_diags_print(&diags, stdout);
  assert_int_equal(status, ORB_OK);
  orb_diags_free(&diags);
}

/* Calibrates the model on the mini world from its own parameters, asserting
 * success; returns the world (caller frees it and *result). */
static orb_world *calibrate_mini(orb_stance_calibration *result) {
  orb_world *w = test_load_world(MINI);
  orb_stance_model start;
  model_of(w, &start);
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status status = orb_stance_calibrate(w, &start, result, &diags);
  orb_diags_print(&diags, stdout);
  orb_diags_free(&diags);
  orb_stance_model_free(&start);
  assert_int_equal(status, ORB_OK);
  return w;
}

/* Features of actor id on issue id's date in world. */
static void features_of(const orb_world *w, const orb_stance_model *m, const char *actor,
                        const char *issue, double x[ORB_TERM_COUNT]) {
  size_t a = orb_world_actor(w, actor), i = orb_world_issue(w, issue);
  assert_true(a != ORB_NONE && i != ORB_NONE);
  assert_int_equal(orb_stance_features(w, m, a, w->issues[i].patron, w->issues[i].date, x),
                   ORB_OK);
}

static void assert_close(double got, double want) {
  if (fabs(got - want) > 1e-12) {
    printf("got %.17g, want %.17g\n", got, want);
    fail();
  }
}

/* Decayed coercion weight of the documented equation: g * 2^(-days / 365.25 / 10). */
static double decayed(double g, orb_date known, orb_date date) {
  return g * exp2(-((double)(date - known) / 365.25) / 10.0);
}

/* ---- features, by the equations of docs/MODEL.md -------------------------------- */

static void test_features_exact(void **state) {
  orb_world *w = test_load_world(MINI);
  orb_stance_model m;
  model_of(w, &m);
  double x[ORB_TERM_COUNT];
  orb_date d22 = orb_date_from_ymd(2022, 3, 2), d14 = orb_date_from_ymd(2014, 3, 27);
  /* Coercive events of PAT known before 2022-03-02: the 2008 attack on VIC, the annex
   * of "2014" (known by 2014-12-31), the threat to NEU, the sanction of "2020-05"
   * against BREAK (known by 2020-05-31), the 2022-02-24 attack. Not: the troop
   * deployment, the internal threat, the attack on the vote's day. */
  double attack08 = decayed(1.0, orb_date_from_ymd(2008, 8, 7), d22);
  double annex14 = decayed(1.0, orb_date_from_ymd(2014, 12, 31), d22);
  double threat19 = decayed(0.44, orb_date_from_ymd(2019, 6, 1), d22);
  double sanction20 = decayed(0.40, orb_date_from_ymd(2020, 5, 31), d22);
  double attack22 = decayed(1.0, orb_date_from_ymd(2022, 2, 24), d22);
  double total = attack08 + annex14 + threat19 + sanction20 + attack22;
  double capacity = 0.5; /* one war (VIC) in the last 365 days */

  double record, free_capacity;
  size_t wars;
  size_t pat = orb_world_actor(w, "PAT");
  orb_stance_patron_state(w, &m, pat, d22, &record, &free_capacity, &wars);
  assert_close(record, 1 - exp(-total));
  assert_close(free_capacity, capacity);
  assert_int_equal(wars, 1);
  orb_stance_patron_state(w, &m, pat, d14, NULL, &free_capacity, &wars);
  assert_close(free_capacity, 1.0);
  assert_int_equal(wars, 0);

  features_of(w, &m, "ALY", "I-2022", x);
  /* trade, gas, and remittances weighed by their 20 % of GDP (2016 figure) */
  assert_close(x[ORB_TERM_ECONOMIC], 1 - 0.5 * 0.8 * (1 - 0.1 * 0.20));
  assert_close(x[ORB_TERM_INTEGRATION], 0.25);                 /* observer of MARKET */
  assert_close(x[ORB_TERM_ALLIANCE], 1.0);
  assert_close(x[ORB_TERM_MILITARY], 0.5);
  assert_close(x[ORB_TERM_THREAT], (1 - exp(-total)) * capacity);
  assert_close(x[ORB_TERM_LEVER], 0.3 * (1 - exp(-total)) * capacity);
  assert_close(x[ORB_TERM_VICTIM], 0.0);
  assert_close(x[ORB_TERM_RIVAL_BLOC], 0.0);
  assert_close(x[ORB_TERM_ALTERNATIVES], 0.0);

  features_of(w, &m, "AL2", "I-2022", x); /* suspended; exports to the patron's market */
  assert_close(x[ORB_TERM_ALLIANCE], 0.5);
  assert_close(x[ORB_TERM_ECONOMIC], 0.4);
  assert_close(x[ORB_TERM_MILITARY], 0.6);
  features_of(w, &m, "AL2", "I-2014", x);
  assert_close(x[ORB_TERM_ALLIANCE], 1.0);
  features_of(w, &m, "ALY", "I-2014", x); /* the 2008 figure: 40 % of GDP */
  assert_close(x[ORB_TERM_ECONOMIC], 1 - 0.5 * 0.8 * (1 - 0.1 * 0.40));

  features_of(w, &m, "VIC", "I-2022", x); /* gas holds, energy ended; hostile base */
  double self = attack08 + annex14 + attack22;
  assert_close(x[ORB_TERM_ECONOMIC], 0.5);
  assert_close(x[ORB_TERM_MILITARY], 0.0);
  assert_close(x[ORB_TERM_VICTIM], 1 - exp(-self) * (1 - 0.4));
  assert_close(x[ORB_TERM_THREAT], (1 - exp(-(threat19 + sanction20))) * capacity);

  features_of(w, &m, "VIC", "I-2014", x); /* only the 2008 war is known; no war within a year */
  assert_close(x[ORB_TERM_VICTIM],
               1 - exp(-decayed(1.0, orb_date_from_ymd(2008, 8, 7), d14)) * (1 - 0.4));
  assert_close(x[ORB_TERM_THREAT], 0.0);

  features_of(w, &m, "DEP", "I-2014", x); /* trade carried back from 2015; base not yet */
  assert_close(x[ORB_TERM_ECONOMIC], 1 - 0.7 * 0.4);
  assert_close(x[ORB_TERM_VICTIM], 0.0);
  assert_close(x[ORB_TERM_ALTERNATIVES], 0.4);
  features_of(w, &m, "DEP", "I-2022", x); /* the base of 2016 in a non-allied state */
  assert_close(x[ORB_TERM_VICTIM], 0.3);
  assert_close(x[ORB_TERM_MILITARY], 0.0);

  features_of(w, &m, "WST", "I-2022", x);
  assert_close(x[ORB_TERM_RIVAL_BLOC], 1.0);
  assert_close(x[ORB_TERM_ALTERNATIVES], 0.8);
  assert_close(x[ORB_TERM_ECONOMIC], 0.0);
  orb_stance_model_free(&m);
  orb_world_free(w);
}

/* orb_stance_features_all gives the bits of orb_stance_features, actor by actor. */
static void check_all_matches_each(const orb_world *w) {
  orb_stance_model m;
  model_of(w, &m);
  double *all = malloc(w->actor_count * ORB_TERM_COUNT * sizeof *all);
  for (size_t i = 0; i < w->issue_count; i++) {
    const orb_issue *issue = &w->issues[i];
    assert_int_equal(orb_stance_features_all(w, &m, issue->patron, issue->date, all), ORB_OK);
    for (size_t a = 0; a < w->actor_count; a++) {
      double x[ORB_TERM_COUNT];
      assert_int_equal(orb_stance_features(w, &m, a, issue->patron, issue->date, x), ORB_OK);
      assert_memory_equal(x, all + a * ORB_TERM_COUNT, sizeof x);
      for (int t = 0; t < ORB_TERM_COUNT; t++) assert_true(x[t] >= 0.0 && x[t] <= 1.0);
    }
  }
  free(all);
  orb_stance_model_free(&m);
}

static void test_features_all_matches_each(void **state) {
  orb_world *w = test_load_world(MINI);
  check_all_matches_each(w);
  orb_world_free(w);
  w = test_load_world(BUILTIN);
  check_all_matches_each(w);
  orb_world_free(w);
}

/* ---- scores, contributions, probabilities -------------------------------------- */

/* Every prediction of every issue: contributions add up to the score, factors too,
 * probabilities in [0, 1] summing to 1, the predicted stance the most probable. */
static void check_predictions(const orb_world *w, const orb_stance_model *m) {
  for (size_t i = 0; i < w->issue_count; i++) {
    orb_stance_prediction *p = NULL;
    size_t count = 0;
    assert_int_equal(orb_stance_predict(w, m, i, ORB_DATE_NONE, &p, &count), ORB_OK);
    assert_true(count > 0);
    for (size_t k = 0; k < count; k++) {
      double terms = 0.0, factors = 0.0, total = 0.0;
      for (int t = 0; t < ORB_TERM_COUNT; t++) {
        terms += p[k].contribution[t];
        assert_true(orb_stance_term_sign((orb_stance_term)t) * p[k].weight[t] >= 0.0);
        assert_close(p[k].contribution[t], p[k].weight[t] * p[k].x[t]);
      }
      for (int f = 0; f < ORB_FACTOR_COUNT; f++) factors += p[k].factor[f];
      assert_true(fabs(terms - p[k].score) <= 1e-12);
      assert_true(fabs(factors - p[k].score) <= 1e-12);
      for (int s = 0; s < ORB_STANCE_COUNT; s++) {
        assert_true(p[k].prob[s] >= 0.0 && p[k].prob[s] <= 1.0);
        total += p[k].prob[s];
        assert_true(p[k].prob[s] <= p[k].prob[p[k].predicted]);
      }
      assert_true(fabs(total - 1.0) <= 1e-12);
      assert_true(p[k].actor != w->issues[i].patron);
    }
    free(p);
  }
}

static void test_contributions_add_up(void **state) {
  orb_world *w = test_load_world(MINI);
  orb_stance_model m;
  model_of(w, &m);
  check_predictions(w, &m);
  /* Other parameter values, including extreme scores. */
  uint64_t seed = 12345;
  for (int round = 0; round < 50; round++) {
    for (int t = 0; t < ORB_TERM_COUNT; t++) {
      seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
      m.weight[t] = orb_stance_term_sign((orb_stance_term)t) * (double)(seed >> 40) / 1e5;
    }
    m.cut_condemn = -(double)(round % 7);
    m.cut_support = m.cut_condemn + 0.001 + round;
    check_predictions(w, &m);
  }
  orb_stance_model_free(&m);
  orb_world_free(w);
  w = test_load_world(BUILTIN);
  model_of(w, &m);
  check_predictions(w, &m);
  orb_stance_model_free(&m);
  orb_world_free(w);
}

static void test_probabilities_extremes(void **state) {
  orb_stance_model m;
  model_of(NULL, &m);
  double prob[ORB_STANCE_COUNT];
  static const double scores[] = {-1e300, -800, -40, -1, 0, 0.5, 1, 40, 800, 1e300};
  for (size_t i = 0; i < sizeof scores / sizeof scores[0]; i++) {
    orb_stance_probabilities(&m, scores[i], prob);
    double total = prob[0] + prob[1] + prob[2];
    for (int s = 0; s < ORB_STANCE_COUNT; s++) assert_true(prob[s] >= 0.0 && prob[s] <= 1.0);
    assert_true(fabs(total - 1.0) <= 1e-12);
  }
  orb_world *w = test_load_world(MINI);
  orb_stance_prediction *p = (orb_stance_prediction *)1;
  size_t count = 7;
  assert_int_equal(orb_stance_predict(w, &m, w->issue_count, ORB_DATE_NONE, &p, &count),
                   ORB_EINVAL);
  assert_null(p);
  assert_int_equal(count, 0);
  assert_int_equal(orb_stance_predict(w, &m, 0, w->end + 1, &p, &count), ORB_EINVAL);
  assert_int_equal(orb_stance_predict(w, &m, 0, w->start - 1, &p, &count), ORB_EINVAL);
  orb_world_free(w);
  orb_stance_probabilities(&m, 0.0, prob); /* symmetric cut-points: silent in the middle */
  assert_close(prob[ORB_STANCE_SUPPORT], prob[ORB_STANCE_CONDEMN]);
  assert_close(prob[ORB_STANCE_SUPPORT], 1.0 / (1.0 + exp(1.0)));
  orb_stance_model_free(&m);
}

/* ---- monotonicity in dependence on the patron --------------------------------- */

/* The mini world with a tie of actor `from` to PAT of type `type` and value v. */
static char *mini_with_tie(const char *from, const char *type, double v) {
  char *text = test_read_file(MINI, NULL);
  assert_non_null(text);
  char line[256];
  snprintf(line, sizeof line,
           "  - {from: %s, to: PAT, type: %s, values: [{value: %.3f, year: 2000, assumption: test}]}\n",
           from, type, v);
  char *at = strstr(text, "\ninstitutions:");
  assert_non_null(at);
  size_t head = (size_t)(at - text) + 1;
  char *out = malloc(strlen(text) + strlen(line) + 1);
  memcpy(out, text, head);
  strcpy(out + head, line);
  strcat(out, text + head);
  free(text);
  return out;
}

/* P(support) of actor on every issue never falls as its tie of type to the patron
 * rises from 0 to 1 (two worlds differing only in that tie), under model m. */
static void check_monotone(const char *actor, const char *type, const orb_stance_model *m) {
  double last[8];
  for (int step = 0; step <= 10; step++) {
    char *yaml = mini_with_tie(actor, type, step / 10.0);
    orb_world *w = test_load_world_text(yaml);
    free(yaml);
    size_t a = orb_world_actor(w, actor);
    for (size_t i = 0; i < w->issue_count; i++) {
      orb_stance_prediction *p = NULL;
      size_t count = 0;
      assert_int_equal(orb_stance_predict(w, m, i, ORB_DATE_NONE, &p, &count), ORB_OK);
      for (size_t k = 0; k < count; k++) {
        if (p[k].actor != a) continue;
        if (step > 0 && p[k].prob[ORB_STANCE_SUPPORT] < last[i]) {
          printf("%s %s on %s: P(support) fell from %.17g to %.17g at %.1f\n", actor, type,
                 w->issues[i].id, last[i], p[k].prob[ORB_STANCE_SUPPORT], step / 10.0);
          fail();
        }
        last[i] = p[k].prob[ORB_STANCE_SUPPORT];
      }
      free(p);
    }
    orb_world_free(w);
  }
}

static void test_dependence_never_lowers_support(void **state) {
  /* Every dependence tie type, for states in every position; a base counts as
   * dependence only in an allied state (elsewhere it is occupation: docs/MODEL.md). */
  static const char *const actors[] = {"NEU", "DEP", "ALY", "VIC", "WST", "AL2"};
  static const char *const types[] = {"trade", "exports", "gas", "oil_transit", "remittances",
                                      "migration", "credit", "arms", "security", "diaspora",
                                      "language", "military_presence"};
  orb_world *base = test_load_world(MINI);
  orb_stance_model defaults, fitted;
  model_of(base, &defaults);
  orb_stance_calibration result;
  orb_diags diags;
  orb_diags_init(&diags);
  assert_int_equal(orb_stance_calibrate(base, &defaults, &result, &diags), ORB_OK);
  orb_diags_free(&diags);
  assert_int_equal(orb_stance_model_copy(&fitted, &result.model), ORB_OK);
  orb_stance_calibration_free(&result);
  char *text = test_read_file(MINI, NULL);
  size_t checked = 0;
  for (size_t a = 0; a < sizeof actors / sizeof actors[0]; a++)
    for (size_t t = 0; t < sizeof types / sizeof types[0]; t++) {
      int allied = strcmp(actors[a], "AL2") == 0 || strcmp(actors[a], "ALY") == 0;
      if (strcmp(types[t], "military_presence") == 0 && !allied) continue;
      char probe[64]; /* a type the actor already has to the patron would repeat a tie */
      snprintf(probe, sizeof probe, "from: %s, to: PAT, type: %s,", actors[a], types[t]);
      if (strstr(text, probe)) continue;
      check_monotone(actors[a], types[t], &defaults);
      check_monotone(actors[a], types[t], &fitted);
      checked++;
    }
  assert_true(checked >= 55);
  free(text);
  orb_stance_model_free(&defaults);
  orb_stance_model_free(&fitted);
  orb_world_free(base);
}

/* Joining the patron's alliance or economic union, as member, observer or suspended
 * member, never lowers P(support) either (worlds differing only in that membership). */
static void test_membership_never_lowers_support(void **state) {
  static const char *const actors[] = {"NEU", "DEP", "VIC", "WST"};
  static const char *const institutions[] = {"PACT", "MARKET", "UNION"};
  static const char *const roles[] = {"", ", role: observer",
                                      ", suspended: [{from: 2012-01-01}]"};
  char *text = test_read_file(MINI, NULL);
  orb_world *base = test_load_world(MINI);
  orb_stance_model m;
  model_of(base, &m);
  for (size_t a = 0; a < 4; a++)
    for (size_t j = 0; j < 3; j++)
      for (size_t r = 0; r < 3; r++) {
        /* Insert the membership as the first member of the institution. */
        char marker[64], member[160];
        snprintf(marker, sizeof marker, "  - id: %s\n", institutions[j]);
        char *at = strstr(text, marker);
        assert_non_null(at);
        at = strstr(at, "    members:\n");
        assert_non_null(at);
        at += strlen("    members:\n");
        snprintf(member, sizeof member,
                 "      - {actor: %s%s, joined: 2006-01-01, assumption: test}\n", actors[a],
                 roles[r]);
        size_t head = (size_t)(at - text);
        char *yaml = malloc(strlen(text) + strlen(member) + 1);
        memcpy(yaml, text, head);
        strcpy(yaml + head, member);
        strcat(yaml, at);
        orb_world *joined = test_load_world_text(yaml);
        free(yaml);
        size_t who = orb_world_actor(base, actors[a]);
        for (size_t i = 0; i < base->issue_count; i++) {
          orb_stance_prediction *before = NULL, *after = NULL;
          size_t n1 = 0, n2 = 0;
          assert_int_equal(orb_stance_predict(base, &m, i, ORB_DATE_NONE, &before, &n1), ORB_OK);
          assert_int_equal(orb_stance_predict(joined, &m, i, ORB_DATE_NONE, &after, &n2), ORB_OK);
          assert_int_equal(n1, n2);
          for (size_t k = 0; k < n1; k++)
            if (before[k].actor == who)
              assert_true(after[k].prob[ORB_STANCE_SUPPORT] >= before[k].prob[ORB_STANCE_SUPPORT]);
          free(before);
          free(after);
        }
        orb_world_free(joined);
      }
  orb_stance_model_free(&m);
  orb_world_free(base);
  free(text);
}

/* An interaction with a negative attribute value cannot flip a term's sign: the
 * effective weight is projected onto it (docs/MODEL.md). */
static void test_effective_weight_keeps_sign(void **state) {
  orb_stance_model m;
  model_of(NULL, &m);
  m.interactions[0].weight = -2.0; /* victim x condemns_territorial_conquest */
  orb_issue_attribute attribute = {"condemns_territorial_conquest", -3.0};
  orb_issue issue;
  memset(&issue, 0, sizeof issue);
  issue.attributes = &attribute;
  issue.attribute_count = 1;
  double x[ORB_TERM_COUNT] = {0};
  x[ORB_TERM_VICTIM] = 1.0;
  orb_stance_prediction p;
  orb_stance_explain(&m, &issue, x, &p); /* -1 + (-2)(-3) = 5: projected to 0 */
  assert_true(p.weight[ORB_TERM_VICTIM] == 0.0);
  assert_true(p.score == 0.0);
  attribute.value = 2.0; /* -1 + (-2)(2) = -5 */
  orb_stance_explain(&m, &issue, x, &p);
  assert_true(p.weight[ORB_TERM_VICTIM] == -5.0);
  assert_true(p.contribution[ORB_TERM_VICTIM] == -5.0);
  assert_true(p.factor[ORB_FACTOR_SOVEREIGNTY] == -5.0);
  assert_true(p.predicted == ORB_STANCE_CONDEMN);
  orb_stance_model_free(&m);
}

/* ---- calibration ---------------------------------------------------------------- */

/* J(model) of docs/MODEL.md over the observed stances of w, from the public API. */
static double penalised_objective(const orb_world *w, const orb_stance_model *m) {
  double value = 0.0;
  for (size_t i = 0; i < w->issue_count; i++) {
    const orb_issue *issue = &w->issues[i];
    for (size_t k = 0; k < issue->observed_count; k++) {
      size_t a = issue->observed[k].actor;
      if (a == issue->patron) continue;
      double x[ORB_TERM_COUNT];
      orb_stance_prediction p;
      assert_int_equal(orb_stance_features(w, m, a, issue->patron, issue->date, x), ORB_OK);
      orb_stance_explain(m, issue, x, &p);
      value -= log(p.prob[issue->options[issue->observed[k].option].stance]);
    }
  }
  for (int t = 0; t < ORB_TERM_COUNT; t++) value += 0.5 * m->l2 * m->weight[t] * m->weight[t];
  for (size_t k = 0; k < m->interaction_count; k++)
    value += 0.5 * m->l2 * m->interactions[k].weight * m->interactions[k].weight;
  value += 0.005 * ((m->cut_condemn + 1) * (m->cut_condemn + 1) +
                    (m->cut_support - 1) * (m->cut_support - 1));
  return value;
}

static void test_calibration_is_optimal(void **state) {
  orb_stance_calibration r;
  orb_world *w = calibrate_mini(&r);
  assert_int_equal(r.observation_count, 14);
  assert_int_equal(r.country_count, 7);
  assert_int_equal(r.issue_count, 2);
  assert_true(r.fitted_interaction[0]); /* condemns_territorial_conquest varies: 0, 1 */
  double best = penalised_objective(w, &r.model);
  /* No feasible move of any parameter lowers J (KKT within rounding). */
  double *slots[ORB_TERM_COUNT + 3];
  int signs[ORB_TERM_COUNT + 3];
  size_t n = 0;
  for (int t = 0; t < ORB_TERM_COUNT; t++) {
    slots[n] = &r.model.weight[t];
    signs[n++] = orb_stance_term_sign((orb_stance_term)t);
  }
  slots[n] = &r.model.interactions[0].weight;
  signs[n++] = orb_stance_term_sign(r.model.interactions[0].term);
  slots[n] = &r.model.cut_condemn;
  signs[n++] = 0;
  slots[n] = &r.model.cut_support;
  signs[n++] = 0;
  for (size_t j = 0; j < n; j++)
    for (int dir = -1; dir <= 1; dir += 2) {
      double saved = *slots[j], moved = saved + dir * 1e-4;
      if (signs[j] * moved < 0) continue;
      *slots[j] = moved;
      double value = penalised_objective(w, &r.model);
      *slots[j] = saved;
      if (value < best - 1e-9) {
        printf("parameter %zu moved by %+g lowers J from %.17g to %.17g\n", j, dir * 1e-4,
               best, value);
        fail();
      }
    }
  /* Scores are shares and mean losses; every held-out row sums to 1. */
  const orb_stance_score *scores[] = {&r.model_cv, &r.majority_cv, &r.ally_cv};
  for (int s = 0; s < 3; s++) {
    assert_true(scores[s]->accuracy >= 0.0 && scores[s]->accuracy <= 1.0);
    assert_true(scores[s]->log_loss > 0.0 && isfinite(scores[s]->log_loss));
  }
  for (size_t i = 0; i < r.observation_count; i++) {
    const orb_stance_heldout *h = &r.heldout[i];
    assert_true(fabs(h->model[0] + h->model[1] + h->model[2] - 1.0) < 1e-12);
    assert_true(fabs(h->majority[0] + h->majority[1] + h->majority[2] - 1.0) < 1e-12);
    assert_true(fabs(h->ally[0] + h->ally[1] + h->ally[2] - 1.0) < 1e-12);
    assert_true(h->ally_actor != w->issues[h->issue].patron);
    if (h->ally_actor == ORB_NONE) /* no ally: the majority class */
      assert_memory_equal(h->ally, h->majority, sizeof h->ally);
  }
  /* The closest ally by the documented rule: ALY and AL2 share PACT in 2014 (AL2 is
   * suspended in 2022, when ALY has no ally); WST shares WEST with POL; DEP trades
   * with POL; VIC has nothing in common with anyone. */
  size_t i14 = orb_world_issue(w, "I-2014"), i22 = orb_world_issue(w, "I-2022");
  assert_int_equal(orb_stance_closest_ally(w, i14, orb_world_actor(w, "ALY"), NULL),
                   orb_world_actor(w, "AL2"));
  assert_true(orb_stance_closest_ally(w, i22, orb_world_actor(w, "ALY"), NULL) == ORB_NONE);
  assert_int_equal(orb_stance_closest_ally(w, i22, orb_world_actor(w, "WST"), NULL),
                   orb_world_actor(w, "POL"));
  assert_int_equal(orb_stance_closest_ally(w, i22, orb_world_actor(w, "DEP"), NULL),
                   orb_world_actor(w, "POL"));
  assert_true(orb_stance_closest_ally(w, i22, orb_world_actor(w, "VIC"), NULL) == ORB_NONE);
  orb_stance_calibration_free(&r);
  orb_world_free(w);
}

/* Runs `orbit ARGS` expecting exit 0; returns stdout (caller frees). */
static char *run_ok(const char *args) {
  int code = -1;
  char *out = test_run_orbit(args, TEST_STDOUT, &code);
  assert_non_null(out);
  if (code != 0) printf("orbit %s: exit %d\n%s\n", args, code, out);
  assert_int_equal(code, 0);
  return out;
}

/* Equal up to the rounding of cJSON's printing (15 digits when they read back
 * within DBL_EPSILON). */
static void assert_printed(double printed, double value) {
  assert_true(fabs(printed - value) <= 4 * 2.220446049250313e-16 * fmax(1.0, fabs(value)));
}

/* `orbit calibrate --json` reports what the API computes. */
static void test_calibrate_json(void **state) {
  char *out = run_ok("calibrate --world " MINI " --json");
  cJSON *root = cJSON_Parse(out);
  assert_non_null(root);
  orb_stance_calibration r;
  orb_world *w = calibrate_mini(&r);
  assert_int_equal(cJSON_GetObjectItem(root, "observations")->valueint, 14);
  cJSON *cv = cJSON_GetObjectItem(root, "nested_loco");
  const char *names[] = {"model", "majority_class", "closest_ally"};
  const orb_stance_score *scores[] = {&r.model_cv, &r.majority_cv, &r.ally_cv};
  for (int k = 0; k < 3; k++) {
    cJSON *score = cJSON_GetObjectItem(cv, names[k]);
    assert_printed(cJSON_GetObjectItem(score, "accuracy")->valuedouble, scores[k]->accuracy);
    assert_printed(cJSON_GetObjectItem(score, "log_loss")->valuedouble, scores[k]->log_loss);
  }
  cJSON *params = cJSON_GetObjectItem(root, "parameters");
  assert_printed(cJSON_GetObjectItem(params, "stance_w_alliance")->valuedouble,
                 r.model.weight[ORB_TERM_ALLIANCE]);
  assert_printed(cJSON_GetObjectItem(params, "stance_cut_support")->valuedouble,
                 r.model.cut_support);
  assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(root, "heldout")), 14);
  cJSON_Delete(root);
  free(out);
  orb_stance_calibration_free(&r);
  orb_world_free(w);
}

static void test_calibrate_reproducible(void **state) {
  char *first = run_ok("calibrate --world " MINI);
  char *second = run_ok("calibrate --world " MINI);
  assert_string_equal(first, second);
  assert_non_null(strstr(first, "Nested leave-one-country-out (7 folds"));
  assert_non_null(strstr(first, "majority class"));
  assert_non_null(strstr(first, "closest ally"));
  free(first);
  free(second);
  first = run_ok("calibrate");
  second = run_ok("calibrate --world " BUILTIN);
  assert_string_equal(first, second);
  assert_non_null(strstr(first, "68/262, ES-11/1"));
  free(first);
  free(second);
  /* On the built-in world the model must beat the majority class out of sample. */
  char *json = run_ok("calibrate --json");
  cJSON *root = cJSON_Parse(json);
  assert_non_null(root);
  cJSON *cv = cJSON_GetObjectItem(root, "nested_loco");
  double model = cJSON_GetObjectItem(cJSON_GetObjectItem(cv, "model"), "log_loss")->valuedouble;
  double majority =
    cJSON_GetObjectItem(cJSON_GetObjectItem(cv, "majority_class"), "log_loss")->valuedouble;
  assert_true(model < majority);
  cJSON_Delete(root);
  free(json);
}

/* Copies a file to a fresh temporary path (caller frees the name and removes it). */
static char *temp_copy(const char *path) {
  char *name = strdup("/tmp/orbit-stance-XXXXXX");
  int fd = mkstemp(name);
  assert_true(fd >= 0);
  size_t len = 0;
  char *data = test_read_file(path, &len);
  assert_non_null(data);
  assert_int_equal(write(fd, data, len), (ssize_t)len);
  close(fd);
  free(data);
  return name;
}

static void test_write_round_trip(void **state) {
  char *tmp = temp_copy(MINI);
  char args[512];
  snprintf(args, sizeof args, "calibrate --world %s --write %s", tmp, tmp);
  free(run_ok(args));
  size_t len1 = 0;
  char *once = test_read_file(tmp, &len1);
  /* Everything before the new parameters list is the original file. */
  size_t original_len = 0;
  char *original = test_read_file(MINI, &original_len);
  assert_true(len1 > original_len);
  assert_memory_equal(once, original, original_len);
  free(original);
  /* The parameters read back are the fitted ones, exactly. */
  orb_world *w = test_load_world(tmp);
  orb_stance_model written, start;
  model_of(w, &written);
  orb_world *mini = test_load_world(MINI);
  model_of(mini, &start);
  orb_stance_calibration r;
  orb_diags diags;
  orb_diags_init(&diags);
  assert_int_equal(orb_stance_calibrate(mini, &start, &r, &diags), ORB_OK);
  orb_diags_free(&diags);
  assert_memory_equal(written.weight, r.model.weight, sizeof written.weight);
  assert_true(written.cut_condemn == r.model.cut_condemn);
  assert_true(written.cut_support == r.model.cut_support);
  assert_true(written.l2 == r.model.l2);
  assert_int_equal(written.interaction_count, r.model.interaction_count);
  assert_true(written.interactions[0].weight == r.model.interactions[0].weight);
  size_t fitted_by = 0;
  for (size_t i = 0; i < w->param_count; i++) fitted_by += w->params[i].fitted_by != NULL;
  assert_int_equal(fitted_by, ORB_TERM_COUNT + 1 + 3); /* weights, interaction, cuts, l2 */
  /* Calibrating the written world again and writing it gives the same bytes. */
  free(run_ok(args));
  size_t len2 = 0;
  char *twice = test_read_file(tmp, &len2);
  assert_int_equal(len1, len2);
  assert_memory_equal(once, twice, len1);
  /* And `orbit stance` now says the parameters are fitted. */
  snprintf(args, sizeof args, "stance --world %s --issue I-2022", tmp);
  char *table = run_ok(args);
  assert_non_null(strstr(table, "Parameters: fitted"));
  free(table);
  free(once);
  free(twice);
  orb_stance_calibration_free(&r);
  orb_stance_model_free(&written);
  orb_stance_model_free(&start);
  orb_world_free(w);
  orb_world_free(mini);
  remove(tmp);
  free(tmp);
}

/* --write into a world whose parameters list already holds other parameters and old
 * stance parameters: the others are kept, the stance ones replaced. */
static void test_write_keeps_other_parameters(void **state) {
  char *tmp = temp_copy(MINI);
  FILE *f = fopen(tmp, "a");
  fputs("\nparameters:\n"
        "  - name: align.baseline_repulsion\n"
        "    default: 0.5\n"
        "    range: [0, 1]\n"
        "    justification: belongs to another model\n"
        "  - {name: stance_w_economic, default: 3, range: [0, 100], justification: old}\n"
        "  - name: stance_half_life_years\n"
        "    default: 5\n"
        "    range: [0.5, 50]\n"
        "    justification: a shorter memory\n",
        f);
  fclose(f);
  char args[512];
  snprintf(args, sizeof args, "calibrate --world %s --write %s", tmp, tmp);
  free(run_ok(args));
  orb_world *w = test_load_world(tmp);
  size_t other = orb_world_param(w, "align.baseline_repulsion");
  assert_true(other != ORB_NONE);
  assert_true(w->params[other].value == 0.5);
  size_t half = orb_world_param(w, "stance_half_life_years");
  assert_true(half != ORB_NONE);
  assert_true(w->params[half].value == 5.0); /* kept: it was the world's own constant */
  assert_true(w->params[half].fitted_by == NULL);
  size_t econ = orb_world_param(w, "stance_w_economic");
  assert_non_null(w->params[econ].fitted_by);
  orb_world_free(w);
  remove(tmp);
  free(tmp);
}

/* --write keeps the comments that follow the last stance parameter, writes through a
 * symbolic link (kept) and keeps the file's mode; a symbolic link lying at the
 * old temporary name FILE.tmp-orbit is not followed (issue 9, defect 5). */
static void test_write_keeps_comments_links_and_mode(void **state) {
  char *real = temp_copy(MINI);
  FILE *f = fopen(real, "a");
  fputs("\nparameters:\n"
        "  - name: align.cooperative_event_weight\n"
        "    default: 0.5\n"
        "    range: [0, 1]\n"
        "    justification: belongs to another model\n"
        "  - name: stance_half_life_years\n"
        "    default: 5\n"
        "    range: [0.5, 50]\n"
        "    justification: a shorter memory\n"
        "  # a note on the parameters above\n"
        "\n"
        "# the end of the file\n",
        f);
  fclose(f);
  assert_int_equal(chmod(real, 0600), 0);
  char link[200], trap[300], victim[200], args[2048];
  snprintf(link, sizeof link, "%s-link.yaml", real);
  snprintf(trap, sizeof trap, "%s.tmp-orbit", link);
  snprintf(victim, sizeof victim, "%s-victim", real);
  FILE *v = fopen(victim, "w");
  fputs("precious\n", v);
  fclose(v);
  assert_int_equal(symlink(real, link), 0);
  assert_int_equal(symlink(victim, trap), 0);
  snprintf(args, sizeof args, "calibrate --world %s --write %s", link, link);
  free(run_ok(args));
  struct stat st;
  assert_int_equal(lstat(link, &st), 0);
  assert_true(S_ISLNK(st.st_mode));
  assert_int_equal(stat(real, &st), 0);
  assert_int_equal(st.st_mode & 0777, 0600);
  char *text = test_read_file(real, NULL);
  assert_non_null(strstr(text, "  # a note on the parameters above\n\n# the end of the file\n"));
  assert_non_null(strstr(text, "fitted_by:"));
  char *precious = test_read_file(victim, NULL);
  assert_string_equal(precious, "precious\n");
  free(precious);
  /* writing again gives the same bytes */
  free(run_ok(args));
  char *again = test_read_file(real, NULL);
  assert_string_equal(text, again);
  free(again);
  free(text);
  remove(trap);
  remove(victim);
  remove(link);
  remove(real);
  free(real);
}

/* A --write that cannot be completed (files limited to 4 KiB, as a full disk
 * would stop it) says why, exits 1 and leaves the world file as it was. */
static void test_write_failure_leaves_world(void **state) {
  char *tmp = temp_copy(MINI);
  size_t before_len = 0;
  char *before = test_read_file(tmp, &before_len);
  char command[2048];
  snprintf(command, sizeof command,
           "sh -c 'trap \"\" XFSZ; ulimit -f 4; exec \"%s\" calibrate --world %s --write %s' "
           ">/dev/null 2>%s.err", ORB_TEST_ORBIT_BIN, tmp, tmp, tmp);
  int status = system(command);
  assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 1);
  char err_path[512];
  snprintf(err_path, sizeof err_path, "%s.err", tmp);
  char *err = test_read_file(err_path, NULL);
  assert_non_null(strstr(err, "File too large; the file is unchanged"));
  free(err);
  size_t after_len = 0;
  char *after = test_read_file(tmp, &after_len);
  assert_int_equal(before_len, after_len);
  assert_memory_equal(before, after, before_len);
  /* and no temporary file beside it */
  snprintf(command, sizeof command, "ls -a /tmp | grep -q '^\\.%s\\.orbit-'", tmp + 5);
  assert_int_not_equal(system(command), 0);
  free(before);
  free(after);
  remove(err_path);
  remove(tmp);
  free(tmp);
}

/* ---- bad input ------------------------------------------------------------------ */

/* Runs orbit expecting exit code `code` and stderr containing every needle. */
static void expect_error(const char *args, int code, ...) {
  int got = -1;
  char *err = test_run_orbit(args, TEST_STDERR, &got);
  assert_non_null(err);
  if (got != code) printf("orbit %s: exit %d, wanted %d\n%s", args, got, code, err);
  assert_int_equal(got, code);
  va_list needles;
  va_start(needles, code);
  for (const char *needle; (needle = va_arg(needles, const char *));) {
    if (!strstr(err, needle)) printf("orbit %s: missing '%s' in:\n%s", args, needle, err);
    assert_non_null(strstr(err, needle));
  }
  va_end(needles);
  free(err);
}

static void test_bad_input(void **state) {
  /* arguments the world does not have are bad usage (exit 2) */
  expect_error("stance --world " MINI " --issue I-2O22", 2,
               MINI ": error: unknown issue 'I-2O22' (did you mean 'I-2022'?); "
               "its issues: I-2014, I-2022, NEW-2023\n", NULL);
  expect_error("stance --world " MINI " --issue I-2022 --date 1850-01-01", 2,
               MINI ": error: date 1850-01-01 is outside the world's span, "
               "1990-01-01 to 2030-12-31\n", NULL);
  expect_error("stance --world " MINI " --issue I-2022 --date 2031-01-01", 2,
               "is outside the world", NULL);
  expect_error("stance --world " MINI " --issue I-2022 --date 2022-02-30", 2,
               "invalid date '2022-02-30'", NULL);
  expect_error("stance --world " MINI, 2, "--issue ID is required", NULL);
  expect_error("stance --world " MINI " --issue I-2022 --json --csv", 2,
               "exclude each other", NULL);
  expect_error("stance --world " MINI " --issue I-2022 --top 9", 2, "--top expects", NULL);
  expect_error("stance --world tests/stance/bad/no_options.yaml --issue Q", 1,
               "tests/stance/bad/no_options.yaml:", "has no options", NULL);
  expect_error("stance --world tests/stance/bad/unknown_param.yaml --issue Q", 1,
               "tests/stance/bad/unknown_param.yaml:14:12: error: parameter "
               "'stance_w_economc': no model has this parameter (did you mean "
               "'stance_w_economic'?)", NULL);
  expect_error("calibrate --world tests/stance/bad/wrong_sign.yaml", 1,
               "wrong_sign.yaml:14:40: error: parameter 'stance_w_economic': default -1 is "
               "outside the admissible range [0, 100]", NULL);
  expect_error("stance --world tests/stance/bad/wrong_sign.yaml --issue Q", 1,
               "wrong_sign.yaml:15:53: error: parameter 'stance_x_alliance_names_patron': "
               "default -0.5 is outside the admissible range [0, 100]", NULL);
  expect_error("calibrate --world tests/stance/bad/no_observations.yaml", 1,
               "calibration needs observed stances of at least 3 actors", NULL);
  expect_error("calibrate --world tests/stance/worlds/missing.yaml", 1, "missing.yaml", NULL);
  expect_error("calibrate --world " MINI " --write /nonexistent-dir/w.yaml", 1,
               "parameters not written to /nonexistent-dir/w.yaml", NULL);
  /* A binary file is not a world file: refused, nothing is written. */
  expect_error("calibrate --world " MINI " --write tests/stance/bad/binary.bin", 1,
               "refusing to replace tests/stance/bad/binary.bin: it exists and is not a "
               "world file", NULL);
}

/* ---- predictions: a new issue, a date, and ES-11/1 on the built-in world -------- */

static void test_new_issue_and_formats(void **state) {
  char *table = run_ok("stance --world " MINI " --issue NEW-2023 --top 0");
  assert_non_null(strstr(table, "Issue NEW-2023: A new question nobody has voted on"));
  assert_non_null(strstr(table, "untuned defaults"));
  free(table);
  char *csv = run_ok("stance --world " MINI " --issue I-2014 --csv");
  static const char header[] = "actor,p_support,p_silent,p_condemn,predicted,observed_option,"
                               "observed_stance,score,economic dependence,";
  assert_true(strncmp(csv, header, sizeof header - 1) == 0);
  assert_non_null(strstr(csv, "\nALY,"));
  assert_non_null(strstr(csv, ",no,support,"));
  free(csv);
  char *a = run_ok("stance --world " MINI " --issue I-2014 --date 2022-03-02 --json");
  char *b = run_ok("stance --world " MINI " --issue I-2022 --json");
  cJSON *ja = cJSON_Parse(a), *jb = cJSON_Parse(b);
  assert_non_null(ja);
  assert_non_null(jb);
  /* Same date and the same attributes-free weights: the same scores. */
  cJSON *pa = cJSON_GetObjectItem(ja, "predictions"), *pb = cJSON_GetObjectItem(jb, "predictions");
  assert_int_equal(cJSON_GetArraySize(pa), cJSON_GetArraySize(pb));
  assert_string_equal(cJSON_GetObjectItem(ja, "as_of")->valuestring, "2022-03-02");
  for (int i = 0; i < cJSON_GetArraySize(pa); i++)
    assert_true(cJSON_GetObjectItem(cJSON_GetArrayItem(pa, i), "score")->valuedouble ==
                cJSON_GetObjectItem(cJSON_GetArrayItem(pb, i), "score")->valuedouble);
  cJSON_Delete(ja);
  cJSON_Delete(jb);
  free(a);
  free(b);
}

static void test_builtin_es11(void **state) {
  char *out = run_ok("stance --issue ES-11/1 --model world --json");
  cJSON *root = cJSON_Parse(out);
  assert_non_null(root);
  assert_string_equal(cJSON_GetObjectItem(root, "patron")->valuestring, "RUS");
  cJSON *preds = cJSON_GetObjectItem(root, "predictions");
  int found = 0;
  for (int i = 0; i < cJSON_GetArraySize(preds); i++) {
    cJSON *p = cJSON_GetArrayItem(preds, i);
    const char *actor = cJSON_GetObjectItem(p, "actor")->valuestring;
    assert_string_not_equal(actor, "RUS");
    double sum = 0.0, total = 0.0;
    cJSON *term;
    cJSON_ArrayForEach(term, cJSON_GetObjectItem(p, "terms"))
      sum += cJSON_GetObjectItem(term, "contribution")->valuedouble;
    assert_true(fabs(sum - cJSON_GetObjectItem(p, "score")->valuedouble) <= 1e-12);
    cJSON *prob;
    cJSON_ArrayForEach(prob, cJSON_GetObjectItem(p, "probabilities")) total += prob->valuedouble;
    assert_true(fabs(total - 1.0) <= 1e-12);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(p, "factors")), ORB_FACTOR_COUNT);
    cJSON *observed = cJSON_GetObjectItem(p, "observed");
    if (strcmp(actor, "BLR") == 0) {
      found++;
      assert_string_equal(cJSON_GetObjectItem(observed, "option")->valuestring, "no");
      assert_string_equal(cJSON_GetObjectItem(observed, "stance")->valuestring, "support");
    }
    if (strcmp(actor, "KAZ") == 0) {
      found++;
      assert_string_equal(cJSON_GetObjectItem(observed, "stance")->valuestring, "silent");
    }
  }
  assert_int_equal(found, 2);
  cJSON_Delete(root);
  free(out);
  char *table = run_ok("stance --issue ES-11/1 --model world");
  assert_non_null(strstr(table, "Issue ES-11/1:"));
  assert_non_null(strstr(table, "\nKAZ "));
  free(table);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_features_exact),
    cmocka_unit_test(test_features_all_matches_each),
    cmocka_unit_test(test_contributions_add_up),
    cmocka_unit_test(test_probabilities_extremes),
    cmocka_unit_test(test_dependence_never_lowers_support),
    cmocka_unit_test(test_membership_never_lowers_support),
    cmocka_unit_test(test_effective_weight_keeps_sign),
    cmocka_unit_test(test_calibration_is_optimal),
    cmocka_unit_test(test_calibrate_json),
    cmocka_unit_test(test_calibrate_reproducible),
    cmocka_unit_test(test_write_round_trip),
    cmocka_unit_test(test_write_keeps_other_parameters),
    cmocka_unit_test(test_write_keeps_comments_links_and_mode),
    cmocka_unit_test(test_write_failure_leaves_world),
    cmocka_unit_test(test_bad_input),
    cmocka_unit_test(test_new_issue_and_formats),
    cmocka_unit_test(test_builtin_es11),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
