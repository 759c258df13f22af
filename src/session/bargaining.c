/*
 * bargaining.c: a bargaining scenario played once or as an ensemble, with the
 * statistics of its outcome over the runs, and the scenario of a world's
 * bargaining issue.
 */
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session/session_internal.h"

void orb_bargaining_request_default(orb_bargaining_request *request) {
  memset(request, 0, sizeof *request);
  request->runs = 1;
}

orb_status orb_session_bargain_scenario(const orb_session *session, const char *id,
                                        orb_bargain_scenario **scenario,
                                        orb_diags *diags) {
  *scenario = NULL;
  size_t index;
  orb_status status = orb_session_bargain(session, id, &index, diags);
  if (status != ORB_OK) return status;
  status = orb_bargain_scenario_from_world(session->world, index, scenario);
  if (status != ORB_OK)
    orb_diags_add(diags, session->world->path, 0, 0, "bargaining issue %s: %s", id,
                  orb_status_str(status));
  return status;
}

int orb_bargain_holds(const orb_bargain_result *r, size_t unique, size_t actor) {
  const size_t n = r->actor_count, m = r->dim_count, last = r->state_count - 1;
  const size_t a = r->unique_actor[unique];
  double d2 = 0;
  for (size_t k = 0; k < m; k++) {
    double d = r->positions[(last * n + actor) * m + k] - r->positions[(last * n + a) * m + k];
    d2 += d * d;
  }
  return sqrt(d2) < 0.1;
}

/* The outcome statistics over the runs: mean, standard deviation, extremes of each
 * dimension's probability-weighted outcome, and the mean number of turns. */
static orb_status compute_stats(orb_bargaining *b) {
  const size_t m = b->scenario->dim_count, count = b->run_count;
  orb_bargain_stats *st = &b->stats;
  st->dim_count = m;
  st->mean = malloc(4 * m * sizeof *st->mean);
  if (!st->mean) return ORB_ENOMEM;
  st->sd = st->mean + m;
  st->min = st->mean + 2 * m;
  st->max = st->mean + 3 * m;
  for (size_t k = 0; k < m; k++) {
    double sum = 0, sum2 = 0, lo = INFINITY, hi = -INFINITY;
    for (size_t r = 0; r < count; r++) {
      double x = b->runs[r]->outcome_mean[k];
      sum += x;
      sum2 += x * x;
      lo = x < lo ? x : lo;
      hi = x > hi ? x : hi;
    }
    double mean = sum / (double)count, var = sum2 / (double)count - mean * mean;
    st->mean[k] = mean;
    st->sd[k] = sqrt(var > 0 ? var : 0);
    st->min[k] = lo;
    st->max[k] = hi;
  }
  double turns = 0;
  for (size_t r = 0; r < count; r++) turns += (double)(b->runs[r]->state_count - 1);
  st->mean_turns = turns / (double)count;
  return ORB_OK;
}

orb_status orb_bargaining_new(orb_bargain_scenario **scenario, const char *source,
                              const orb_bargaining_request *request, orb_bargaining **out,
                              orb_diags *diags) {
  *out = NULL;
  orb_bargaining *b = calloc(1, sizeof *b);
  char *name = strdup(source ? source : "<scenario>");
  if (!b || !name) {
    free(b);
    free(name);
    orb_bargain_scenario_free(*scenario);
    *scenario = NULL;
    return ORB_ENOMEM;
  }
  b->scenario = *scenario;
  *scenario = NULL;
  b->source = name;
  orb_bargain_scenario *s = b->scenario;
  orb_status status = request->runs >= 1 ? ORB_OK : ORB_EINVAL;
  if (status != ORB_OK) orb_diags_add(diags, name, 0, 0, "no runs to play");
  if (status == ORB_OK) status = orb_bargain_scenario_check(s, name, diags);
  orb_bargain_options_default(&b->options);
  if (s->has_options) b->options = s->options;
  for (int k = 0; status == ORB_OK && k < ORB_BOPT_COUNT; k++) {
    const char *value = request->option_values[k];
    if (value && orb_bargain_options_set(&b->options, (orb_bargain_option)k, value) != ORB_OK) {
      orb_diags_add(diags, name, 0, 0, "unknown %s '%s'",
                    orb_bargain_option_key((orb_bargain_option)k), value);
      status = ORB_EINVAL;
    }
  }
  if (status == ORB_OK && request->runs > 1) {
    if (request->option_values[ORB_BOPT_TRANSITIONS] &&
        b->options.transitions != ORB_TRANSITION_STOCHASTIC) {
      orb_diags_add(diags, name, 0, 0, "%zu runs need Stochastic transitions", request->runs);
      status = ORB_EINVAL;
    }
    b->options.transitions = ORB_TRANSITION_STOCHASTIC;
  }
  b->options.turn_probabilities = request->turn_probabilities;
  if (request->max_turns) b->options.max_turns = request->max_turns;
  b->seed = request->has_seed ? request->seed
            : s->has_seed     ? s->seed
                              : ORB_BARGAIN_DEFAULT_SEED;
  if (status == ORB_OK && request->threads > 0) omp_set_num_threads(request->threads);
  if (status == ORB_OK) {
    status = orb_bargain_ensemble(s, &b->options, b->seed, request->runs, &b->runs);
    if (status == ORB_OK) b->run_count = request->runs;
    else
      orb_diags_add(diags, name, 0, 0, "%s",
                    status == ORB_ELIMIT ? "a Markov PCE did not converge in 1000 iterations"
                                         : orb_status_str(status));
  }
  if (status == ORB_OK) status = compute_stats(b);
  if (status != ORB_OK) {
    orb_bargaining_free(b);
    return status;
  }
  *out = b;
  return ORB_OK;
}

void orb_bargaining_free(orb_bargaining *b) {
  if (!b) return;
  for (size_t r = 0; r < b->run_count; r++) orb_bargain_result_free(b->runs[r]);
  free(b->runs);
  free(b->stats.mean);
  orb_bargain_scenario_free(b->scenario);
  free(b->source);
  free(b);
}
