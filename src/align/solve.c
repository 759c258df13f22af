/*
 * solve.c: orb_align_solve(), which checks a landscape, picks the exhaustive or
 * the heuristic search, and turns the minima found into a result with energies in
 * the landscape's units and per-actor bloc frequencies.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "align/align_internal.h"

void orb_align_options_default(orb_align_options *options) {
  memset(options, 0, sizeof *options);
  options->blocs = 2;
  options->method = ORB_ALIGN_AUTO;
  options->basins = 1;
  options->max_minima = 100000;
  options->seed = 1;
}

void orb_align_result_free(orb_align_result *result) {
  if (!result) return;
  free(result->minima);
  free(result->frequency);
  free(result->storage);
  free(result);
}

double orb_align_together(const orb_align_result *result, size_t i, size_t j) {
  double together = 0, total = 0;
  for (size_t m = 0; m < result->minimum_count; m++) {
    double weight = result->basins ? (double)result->minima[m].basin : 1.0;
    total += weight;
    if (result->minima[m].blocs[i] == result->minima[m].blocs[j]) together += weight;
  }
  return total > 0 ? together / total : 0;
}

/* Builds the result from the finished list of minima. ORB_ENOMEM. */
static orb_status make_result(const align_problem *p, const align_minima *minima,
                              int basins, orb_align_result **out) {
  size_t n = p->n, k = p->k, count = minima->count;
  orb_align_result *r = calloc(1, sizeof *r);
  if (!r) return ORB_ENOMEM;
  r->actor_count = n;
  r->blocs = p->k;
  r->basins = basins;
  r->minima_total = minima->total;
  r->minimum_count = count;
  r->resolution = p->integral ? 0 : 1.0 / p->scale;
  r->minima = calloc(count ? count : 1, sizeof *r->minima);
  r->storage = malloc(count ? count * n : 1);
  r->frequency = calloc(n * k, sizeof *r->frequency);
  if (!r->minima || !r->storage || !r->frequency) {
    orb_align_result_free(r);
    return ORB_ENOMEM;
  }
  double weight_total = 0;
  for (size_t m = 0; m < count; m++) {
    const align_record *record = align_minima_at(minima, m);
    orb_align_minimum *out_min = &r->minima[m];
    out_min->blocs = r->storage + m * n;
    memcpy(out_min->blocs, record->blocs, n);
    out_min->energy = orb_landscape_energy(p->landscape, out_min->blocs);
    out_min->basin = basins ? record->basin : 0;
    double weight = basins ? (double)record->basin : 1.0;
    weight_total += weight;
    for (size_t i = 0; i < n; i++) r->frequency[i * k + out_min->blocs[i]] += weight;
  }
  if (weight_total > 0)
    for (size_t i = 0; i < n * k; i++) r->frequency[i] /= weight_total;
  *out = r;
  return ORB_OK;
}

/* Random starts of the heuristic when none are asked for: 1000 k + 20 n, at most
 * 2e10 / (n^2 k) so that large landscapes stay within minutes, at least 100. */
static uint64_t default_restarts(size_t n, unsigned k) {
  double budget = 2e10 / ((double)n * (double)n * k);
  double restarts = 1000.0 * k + 20.0 * (double)n;
  if (restarts > budget) restarts = budget;
  return restarts < 100 ? 100 : (uint64_t)restarts;
}

orb_status orb_align_solve(const orb_landscape *landscape,
                           const orb_align_options *options,
                           orb_align_result **result, orb_diags *diags) {
  *result = NULL;
  unsigned k = options->blocs;
  if (k < 2 || k > ORB_ALIGN_MAX_BLOCS) {
    orb_diags_add(diags, NULL, 0, 0, "blocs must be 2 to %d, not %u",
                  ORB_ALIGN_MAX_BLOCS, k);
    return ORB_EINVAL;
  }
  if (orb_landscape_check(landscape, NULL, diags) != ORB_OK) return ORB_EINVAL;
  size_t n = landscape->actor_count;
  uint64_t configurations = orb_align_configuration_count(n, k);
  uint64_t limit = k == 2 ? ORB_ALIGN_EXACT_MAX_CONFIGS : ORB_ALIGN_EXACT_MAX_CONFIGS_K;
  int exhaustive = configurations <= limit;
  if (!exhaustive && options->method != ORB_ALIGN_HEURISTIC) {
    orb_diags_add(diags, NULL, 0, 0,
                  "%zu actors in at most %u blocs make %.3g configurations, more than "
                  "the exhaustive limit of 2^%d; use the heuristic (--heuristic)",
                  n, k, (double)configurations, k == 2 ? 35 : 32);
    return ORB_ELIMIT;
  }
  align_problem problem;
  orb_status status = align_problem_init(&problem, landscape, k);
  if (status != ORB_OK) return status;
  align_minima minima;
  align_minima_init(&minima, n, options->max_minima);
  int64_t bound = 0;
  uint64_t restarts = options->restarts ? options->restarts : default_restarts(n, k);
  if (n == 1) { /* one configuration, trivially the minimum */
    uint8_t bloc = 0;
    status = align_minima_add(&minima, 0, &bloc, 1, 1);
  } else if (exhaustive && k == 2 && n <= 48)
    status = align_exact2(&problem, options->threads, options->basins, &minima);
  else if (exhaustive)
    status = align_exactk(&problem, options->threads, options->basins, &minima);
  else
    status = align_heuristic(&problem, options->threads, options->seed, restarts,
                             &minima, &bound);
  int basins = exhaustive ? (n == 1 || options->basins) : 1;
  if (status == ORB_OK) status = make_result(&problem, &minima, basins, result);
  if (status == ORB_OK) {
    orb_align_result *r = *result;
    r->exhaustive = exhaustive;
    r->configurations = exhaustive ? configurations : restarts;
    r->basin_total = basins ? r->configurations : 0;
    int64_t best = minima.count ? align_minima_at(&minima, 0)->energy : 0;
    r->proven_optimal = exhaustive || best == bound;
    r->lower_bound = exhaustive ? (minima.count ? r->minima[0].energy : 0)
                                : (double)bound / problem.scale;
    if (r->proven_optimal && minima.count) r->lower_bound = r->minima[0].energy;
  }
  align_minima_free(&minima);
  align_problem_free(&problem);
  return status;
}
