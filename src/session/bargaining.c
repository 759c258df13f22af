/*
 * bargaining.c: a bargaining scenario played once or as an ensemble, with the
 * statistics of its outcome over the runs, and the scenario of a world's
 * bargaining issue.
 */
#include <math.h>
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
  b->run_count = request->runs;
  b->store = request->store;
  b->threads = request->threads > 0 ? request->threads
                                    : orb_bargain_default_threads(s, request->runs);
  if (status == ORB_OK) status = orb_bargain_summary_init(&b->summary, s->dim_count);
  if (status != ORB_OK) {
    orb_bargaining_free(b);
    return status;
  }
  *out = b;
  return ORB_OK;
}

/* What orb_bargaining_play hands every finished run to. */
typedef struct play_state {
  orb_bargaining *b;
  orb_bargain_store *store; /* NULL without a store */
  orb_bargaining_sink sink;
  void *user;
  orb_diags *diags;
} play_state;

/* orb_bargain_sink of the play: store, summary, the single run, the caller. */
static orb_status take_run(void *arg, uint64_t run, orb_bargain_result **result) {
  play_state *p = arg;
  orb_status status = ORB_OK;
  if (p->store) status = orb_bargain_store_add(p->store, run, *result, p->diags);
  if (status != ORB_OK) return status;
  orb_bargain_summary_add(&p->b->summary, *result);
  if (p->sink) status = p->sink(p->user, p->b, run, *result);
  if (status == ORB_OK && p->b->run_count == 1) { /* kept for the report */
    p->b->single = *result;
    *result = NULL;
  }
  return status;
}

orb_status orb_bargaining_play(orb_bargaining *b, orb_bargaining_sink sink, void *user,
                               orb_diags *diags) {
  play_state p = {b, NULL, sink, user, diags};
  orb_status status = ORB_OK;
  if (b->store)
    status = orb_bargain_store_open(b->store, b->scenario, &b->options, b->seed, &p.store,
                                    diags);
  if (status != ORB_OK) return status;
  size_t reported = diags ? diags->count : 0;
  status = orb_bargain_ensemble_stream(b->scenario, &b->options, b->seed, b->run_count,
                                       b->threads, take_run, &p);
  if (status != ORB_OK && (!diags || diags->count == reported))
    orb_diags_add(diags, b->source, 0, 0, "%s",
                  status == ORB_ELIMIT ? "a Markov PCE did not converge in 1000 iterations"
                                       : orb_status_str(status));
  if (p.store) {
    if (status == ORB_OK) status = orb_bargain_store_commit(p.store, diags);
    else orb_bargain_store_abort(p.store);
  }
  return status;
}

void orb_bargaining_free(orb_bargaining *b) {
  if (!b) return;
  orb_bargain_result_free(b->single);
  orb_bargain_summary_free(&b->summary);
  orb_bargain_scenario_free(b->scenario);
  free(b->source);
  free(b);
}
