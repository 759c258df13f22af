/*
 * ensemble.c: many runs of a bargaining scenario in bounded memory. Runs are
 * played in parallel batches and handed to a sink in run order as each batch
 * finishes, so the output is the same for any number of threads and memory
 * holds at most one batch of results. Running summaries (mean and variance by
 * Welford's update, minimum, maximum, quantiles exact over the first runs and by
 * the P-square algorithm of Jain and Chlamtac 1985 beyond) keep a fixed size
 * whatever the number of runs.
 */
#include <math.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>

#include "orbit/bargain.h"

/* ---- streaming ---------------------------------------------------------------- */

int orb_bargain_default_threads(const orb_bargain_scenario *scenario, size_t runs) {
  int available = omp_get_max_threads(); /* OMP_NUM_THREADS, else the processors */
  if (runs <= 1)
    return scenario->actor_count < ORB_BARGAIN_PARALLEL_ACTORS && !getenv("OMP_NUM_THREADS")
               ? 1
               : available;
  return (size_t)available < runs ? available : (int)runs;
}

orb_status orb_bargain_ensemble_stream(const orb_bargain_scenario *scenario,
                                       const orb_bargain_options *options, uint64_t seed,
                                       size_t count, int threads, orb_bargain_sink sink,
                                       void *arg) {
  if (threads <= 0) threads = omp_get_max_threads();
  if (count && (size_t)threads > count) threads = (int)count;
  size_t batch = (size_t)threads * ORB_BARGAIN_BATCH_PER_THREAD;
  if (batch > count) batch = count ? count : 1;
  orb_bargain_result **results = calloc(batch, sizeof *results);
  if (!results) return ORB_ENOMEM;
  orb_status status = ORB_OK;
  for (size_t start = 0; status == ORB_OK && start < count; start += batch) {
    const size_t size = count - start < batch ? count - start : batch;
    int worst = ORB_OK;
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1) \
    reduction(max : worst) if (size > 1 && threads > 1)
    for (size_t i = 0; i < size; i++) {
      orb_status one = orb_bargain_run(scenario, options, seed, start + i, &results[i]);
      if ((int)one > worst) worst = (int)one;
    }
    status = (orb_status)worst;
    for (size_t i = 0; i < size; i++) { /* in run order */
      if (status == ORB_OK) status = sink(arg, start + i, &results[i]);
      orb_bargain_result_free(results[i]);
      results[i] = NULL;
    }
  }
  free(results);
  return status;
}

/* The sink of orb_bargain_ensemble: keeps every result. */
static orb_status keep_result(void *arg, uint64_t run, orb_bargain_result **result) {
  orb_bargain_result **all = arg;
  all[run] = *result;
  *result = NULL;
  return ORB_OK;
}

orb_status orb_bargain_ensemble(const orb_bargain_scenario *scenario,
                                const orb_bargain_options *options, uint64_t seed,
                                size_t count, orb_bargain_result ***results) {
  orb_bargain_result **all = calloc(count ? count : 1, sizeof *all);
  *results = NULL;
  if (!all) return ORB_ENOMEM;
  orb_status status =
      orb_bargain_ensemble_stream(scenario, options, seed, count, 0, keep_result, all);
  if (status != ORB_OK) {
    for (size_t run = 0; run < count; run++) orb_bargain_result_free(all[run]);
    free(all);
    return status;
  }
  *results = all;
  return ORB_OK;
}

/* ---- running summaries ---------------------------------------------------------- */

/* The probabilities of the quantiles kept. */
static const double quantile_p[ORB_BARGAIN_QUANTILES] = {0.05, 0.5, 0.95};

orb_status orb_bargain_summary_init(orb_bargain_summary *s, size_t dim_count) {
  memset(s, 0, sizeof *s);
  s->dim_count = dim_count;
  s->mean = calloc(dim_count, sizeof(double));
  s->m2 = calloc(dim_count, sizeof(double));
  s->min = malloc(dim_count * sizeof(double));
  s->max = malloc(dim_count * sizeof(double));
  s->first = malloc(dim_count * ORB_BARGAIN_EXACT_RUNS * sizeof(double));
  s->quantile = calloc(dim_count * ORB_BARGAIN_QUANTILES, sizeof *s->quantile);
  if (!s->mean || !s->m2 || !s->min || !s->max || !s->first || !s->quantile) {
    orb_bargain_summary_free(s);
    return ORB_ENOMEM;
  }
  for (size_t k = 0; k < dim_count; k++) {
    s->min[k] = INFINITY;
    s->max[k] = -INFINITY;
  }
  return ORB_OK;
}

void orb_bargain_summary_free(orb_bargain_summary *s) {
  free(s->mean);
  free(s->m2);
  free(s->min);
  free(s->max);
  free(s->first);
  free(s->quantile);
  memset(s, 0, sizeof *s);
}

/* Sorts five doubles or fewer (insertion sort). */
static void sort_small(double *x, size_t n) {
  for (size_t i = 1; i < n; i++)
    for (size_t j = i; j > 0 && x[j - 1] > x[j]; j--) {
      double t = x[j];
      x[j] = x[j - 1];
      x[j - 1] = t;
    }
}

/* The P-square marker adjustment: the parabolic prediction of marker i moved
 * by d (+1 or -1) positions. */
static double parabolic(const orb_bargain_quantile *q, int i, double d) {
  const double *h = q->height, *n = q->position;
  return h[i] + d / (n[i + 1] - n[i - 1]) *
                    ((n[i] - n[i - 1] + d) * (h[i + 1] - h[i]) / (n[i + 1] - n[i]) +
                     (n[i + 1] - n[i] - d) * (h[i] - h[i - 1]) / (n[i] - n[i - 1]));
}

/* Adds observation x (the count-th, 1-based) to the P-square estimator of p. */
static void p2_add(orb_bargain_quantile *q, double p, uint64_t count, double x) {
  double *h = q->height, *n = q->position, *want = q->desired;
  if (count <= 5) { /* the first five are kept, sorted */
    h[count - 1] = x;
    sort_small(h, (size_t)count);
    if (count == 5) {
      const double start[5] = {1, 1 + 2 * p, 1 + 4 * p, 3 + 2 * p, 5};
      for (int i = 0; i < 5; i++) {
        n[i] = i + 1;
        want[i] = start[i];
      }
    }
    return;
  }
  int k;
  if (x < h[0]) {
    h[0] = x;
    k = 0;
  } else if (x >= h[4]) {
    h[4] = x;
    k = 3;
  } else {
    for (k = 0; k < 3 && x >= h[k + 1]; k++) {
    }
  }
  for (int i = k + 1; i < 5; i++) n[i] += 1;
  const double step[5] = {0, p / 2, p, (1 + p) / 2, 1};
  for (int i = 0; i < 5; i++) want[i] += step[i];
  for (int i = 1; i <= 3; i++) {
    double d = want[i] - n[i];
    if ((d >= 1 && n[i + 1] - n[i] > 1) || (d <= -1 && n[i - 1] - n[i] < -1)) {
      double sign = d > 0 ? 1 : -1;
      double guess = parabolic(q, i, sign);
      if (h[i - 1] < guess && guess < h[i + 1])
        h[i] = guess;
      else { /* linear */
        int j = i + (int)sign;
        h[i] += sign * (h[j] - h[i]) / (n[j] - n[i]);
      }
      n[i] += sign;
    }
  }
}

void orb_bargain_summary_add(orb_bargain_summary *s, const orb_bargain_result *r) {
  s->runs++;
  const double runs = (double)s->runs;
  s->turns_mean += ((double)(r->state_count - 1) - s->turns_mean) / runs;
  for (size_t k = 0; k < s->dim_count; k++) {
    const double x = r->outcome_mean[k];
    const double delta = x - s->mean[k];
    s->mean[k] += delta / runs;
    s->m2[k] += delta * (x - s->mean[k]);
    if (x < s->min[k]) s->min[k] = x;
    if (x > s->max[k]) s->max[k] = x;
    if (s->runs <= ORB_BARGAIN_EXACT_RUNS)
      s->first[k * ORB_BARGAIN_EXACT_RUNS + (s->runs - 1)] = x;
    for (int q = 0; q < ORB_BARGAIN_QUANTILES; q++)
      p2_add(&s->quantile[k * ORB_BARGAIN_QUANTILES + q], quantile_p[q], s->runs, x);
  }
}

double orb_bargain_summary_sd(const orb_bargain_summary *s, size_t dim) {
  return s->runs ? sqrt(s->m2[dim] / (double)s->runs) : 0;
}

/* Orders doubles for qsort. */
static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

double orb_bargain_summary_quantile(const orb_bargain_summary *s, size_t dim, int q) {
  if (s->runs == 0) return NAN;
  if (s->runs > ORB_BARGAIN_EXACT_RUNS)
    return s->quantile[dim * ORB_BARGAIN_QUANTILES + q].height[2];
  /* the exact quantile, interpolated between order statistics at p (runs - 1) */
  const size_t n = (size_t)s->runs;
  double sorted[ORB_BARGAIN_EXACT_RUNS];
  memcpy(sorted, s->first + dim * ORB_BARGAIN_EXACT_RUNS, n * sizeof(double));
  qsort(sorted, n, sizeof(double), by_value);
  double at = quantile_p[q] * (double)(n - 1);
  size_t low = (size_t)at;
  if (low + 1 >= n) return sorted[n - 1];
  return sorted[low] + (at - (double)low) * (sorted[low + 1] - sorted[low]);
}
