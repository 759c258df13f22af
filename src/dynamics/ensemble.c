/*
 * ensemble.c: many runs of a model, each with its own parameters drawn from the
 * counter-based stream of (seed, run), spread over OpenMP threads in batches;
 * quantiles streamed through one histogram per series and month, its range fixed
 * by the first (pilot) runs (integer counts, so the result is the same byte for
 * byte whatever the thread count);
 * whole batches of runs handed to the store (docs/MODEL.md, "Ensembles").
 */
#include <math.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>

#include "dynamics/dyn_internal.h"

enum { MAX_BATCH = 1024, MAX_PILOT = 64, CELL_BLOCK = 64 };

/* Runs per batch and pilot runs: at most 1024 and 64, fewer for large models so
 * that the batch's bins stay within 64 MiB and the pilot's values within 32 MiB
 * (but at least 16 each). */
static size_t clamp_runs(size_t budget, size_t per_run, size_t most) {
  size_t n = budget / (per_run ? per_run : 1);
  return n < 16 ? 16 : n > most ? most : n;
}

/* Histogram bins per cell: 64 while the histograms fit in 256 MiB, fewer (down
 * to 16) for very large models. */
static size_t bins_for(size_t cells) {
  size_t bins = 64;
  while (bins > 16 && cells * bins * sizeof(uint32_t) > ((size_t)256 << 20)) bins /= 2;
  return bins;
}

/* The fixed range of one cell's histogram: lo and bins per unit. */
typedef struct cell_range {
  float lo, scale;
} cell_range;

/* The range of each cell from the pilot runs' values (the first runs, whatever
 * the threads): their span widened by half of it on each side (not below 0 for
 * values that are never negative); values outside fall in the edge bins. */
static void set_ranges(cell_range *range, const float *pilot, size_t runs, size_t cells,
                       size_t bins) {
  for (size_t c = 0; c < cells; c++) {
    float lo = INFINITY, hi = -INFINITY;
    for (size_t r = 0; r < runs; r++) {
      float v = pilot[r * cells + c];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (!(lo <= hi)) lo = hi = 0; /* all NAN */
    float span = hi - lo, floor_width = 1e-6f * (fabsf(hi) > 1 ? fabsf(hi) : 1);
    if (span < floor_width) span = floor_width;
    float low = lo - 0.5f * span;
    if (lo >= 0 && low < 0) low = 0;
    range[c].lo = low;
    range[c].scale = (float)bins / (hi + 0.5f * span - low);
  }
}

/* Bins one run's values v[n] of a tile into row[n] and widens the extremes lo[n]
 * and hi[n] (branch-free, so it vectorises). */
static inline void bin_block(const float *restrict v, const cell_range *restrict range, size_t n,
                             float top, uint8_t *restrict row, float *restrict lo,
                             float *restrict hi) {
  for (size_t c = 0; c < n; c++) {
    float x = (v[c] - range[c].lo) * range[c].scale;
    x = x > 0 ? x : 0; /* NAN too */
    x = x < top ? x : top;
    row[c] = (uint8_t)(int)x;
    lo[c] = v[c] < lo[c] ? v[c] : lo[c];
    hi[c] = v[c] > hi[c] ? v[c] : hi[c];
  }
}

/* Bins the values of n runs (values[i], the batch's run r[i]) into their rows of
 * the batch's tiles (binned: tile t holds cells t*CELL_BLOCK.. of every run of the
 * batch, run r's at t*stride + r, so that the counting reads each tile in one
 * sweep; stride = batch | 1 rows, an odd number, so that a run's rows do not all
 * fall in the same cache sets) and widens the thread's extremes lo[] and hi[]. A
 * tile's ranges and extremes serve the n runs while they are in the cache. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("avx512f", "avx2", "default"))) /* the same results */
#endif
static void bin_rows(const float *const *values, const size_t *r, size_t n,
                     const cell_range *range, size_t cells, size_t bins, uint8_t *binned,
                     size_t stride, float *lo, float *hi) {
  const float top = (float)bins - 0.5f;
  for (size_t c0 = 0; c0 < cells; c0 += CELL_BLOCK) {
    const size_t w = c0 + CELL_BLOCK < cells ? CELL_BLOCK : cells - c0;
    for (size_t i = 0; i < n; i++)
      bin_block(values[i] + c0, range + c0, w, top,
                binned + ((c0 / CELL_BLOCK) * stride + r[i]) * CELL_BLOCK, lo + c0, hi + c0);
  }
}

/* The q-quantile of a histogram of n values (linear inside the bin), within the
 * values' exact extremes lo..hi. */
static float quantile(const uint32_t *h, size_t bins, size_t n, double q, cell_range r,
                      float lo, float hi) {
  double target = q * (double)n, cum = 0, x = r.lo + (double)bins / r.scale;
  for (size_t i = 0; i < bins; i++) {
    if (h[i] && cum + h[i] >= target) {
      x = r.lo + ((double)i + (target - cum) / h[i]) / r.scale;
      break;
    }
    cum += h[i];
  }
  if (!(lo <= hi)) return NAN; /* every value NAN */
  return (float)(x < lo ? lo : x > hi ? hi : x);
}

void orb_dyn_summary_free(orb_dyn_summary *s) {
  if (!s) return;
  free(s->quantiles);
  free(s->kept_values);
  free(s);
}

/* What an ensemble runs: one model, or a pair (a baseline and a counterfactual of
 * the same series) run with the same draws. */
typedef struct dyn_job {
  const orb_dyn_model *model[2];
  const orb_dyn_settings *settings[2];
  int paired;
} dyn_job;

/* Blocks of series a run of the job writes: 1, or 3 for a pair (baseline,
 * counterfactual, difference). */
static size_t job_width(const dyn_job *job) { return job->paired ? 3 : 1; }

/* Runs run[0..n-1] of the job (n <= DYN_LANES) at once, in the lanes of
 * dyn_run_lanes: run run[i]'s parameters into prm[i], its values into
 * out[i][job_width * series * months]; prm2 is the thread's scratch for the
 * counterfactual's parameters (DYN_LANES * parameter count). For a pair, both
 * models take the draws of the same streams (common random numbers: parameters
 * both draw are equal), and the third block is counterfactual minus baseline.
 * Each run's values are the same whatever runs share its call. */
static void job_run(const dyn_job *job, uint64_t seed, const size_t *run, size_t n,
                    double *const *prm, double *prm2, float *const *out) {
  const double *p[DYN_LANES];
  float *o[DYN_LANES];
  for (size_t l = 0; l < DYN_LANES; l++) {
    if (l < n) orb_dyn_draw(job->settings[0], seed, run[l], prm[l]);
    p[l] = prm[l < n ? l : 0], o[l] = out[l < n ? l : 0];
  }
  dyn_run_lanes(job->model[0], p, o, n);
  if (!job->paired) return;
  const size_t cells = job->model[0]->series * job->model[0]->months, np = job->settings[1]->count;
  for (size_t l = 0; l < DYN_LANES; l++) {
    if (l < n) orb_dyn_draw(job->settings[1], seed, run[l], prm2 + l * np);
    p[l] = prm2 + (l < n ? l : 0) * np, o[l] = out[l < n ? l : 0] + cells;
  }
  dyn_run_lanes(job->model[1], p, o, n);
  for (size_t l = 0; l < n; l++)
    for (size_t c = 0; c < cells; c++) out[l][2 * cells + c] = out[l][cells + c] - out[l][c];
}

/* Stores runs first..first+count-1 (their parameters' JSON in json, the kept ones
 * among them from sum) in one transaction. */
static orb_status store_batch(dyn_store *store, size_t first, size_t count, const char *json,
                              const orb_dyn_summary *sum, size_t cells, orb_diags *diags) {
  const size_t keep = sum->kept;
  const size_t kf = first < keep ? first : keep;
  const size_t kc = first < keep ? (keep - first < count ? keep - first : count) : 0;
  return dyn_store_runs(store, first, count, json, kc ? sum->kept_values + kf * cells : NULL,
                        kf, kc, diags);
}

/* The ensemble of a job: its summary has job_width(job) times the model's series
 * (the baseline's, then the counterfactual's and the differences' for a pair). */
static orb_status run_job(const dyn_job *job, const orb_dyn_ensemble_options *opt,
                          orb_dyn_summary **out, orb_diags *diags) {
  *out = NULL;
  const orb_dyn_model *model = job->model[0];
  const orb_dyn_settings *settings = job->settings[0];
  const size_t runs = opt->runs, M = model->months, cells = job_width(job) * model->series * M;
  const size_t np = settings->count;
  if (runs == 0) {
    orb_diags_add(diags, "--runs", 0, 0, "at least one run is needed");
    return ORB_EINVAL;
  }
  const size_t keep = opt->keep < runs ? opt->keep : runs;
  if (keep && cells > ((size_t)1 << 30) / sizeof(float) / keep) {
    orb_diags_add(diags, "--keep", 0, 0, "keeping %zu runs of %zu values each needs more than "
                  "1 GiB; keep fewer", keep, cells);
    return ORB_ELIMIT;
  }
  const size_t bins = bins_for(cells);
  int threads = opt->threads > 0 ? opt->threads : omp_get_max_threads();
  orb_dyn_summary *sum = calloc(1, sizeof *sum);
  uint32_t *hist = calloc(dyn_nz(cells * bins), sizeof *hist);
  size_t batch = clamp_runs((size_t)64 << 20, cells, MAX_BATCH);
  /* long ensembles take long batches (fewer of the threads' meetings and of the
   * store's transactions), short ones no more bins than a sixteenth of their runs
   * beyond 256 */
  if (batch > 256 && runs / 16 < batch) batch = runs / 16 > 256 ? runs / 16 : 256;
  const size_t pilot_max = clamp_runs((size_t)32 << 20, cells * sizeof(float), MAX_PILOT);
  const size_t blocks = (cells + CELL_BLOCK - 1) / CELL_BLOCK;
  const size_t stride = batch | 1; /* rows per tile: odd (bin_rows) */
  uint8_t *binned = malloc(dyn_nz(blocks * stride * CELL_BLOCK)); /* tiles: bin_rows */
  const size_t pilot_runs = runs < pilot_max ? runs : pilot_max;
  float *pilot = malloc(dyn_nz(pilot_runs * cells) * sizeof *pilot);
  cell_range *range = malloc(dyn_nz(cells) * sizeof *range);
  float *extremes = malloc(dyn_nz((size_t)threads * 2 * cells) * sizeof *extremes); /* lo, hi per thread */
  /* runs per call of the lanes: DYN_LANES, fewer for models whose outputs would
   * take more than 32 MiB a thread */
  size_t group = ((size_t)32 << 20) / (dyn_nz(cells) * sizeof(float));
  group = group < 1 ? 1 : group > DYN_LANES ? DYN_LANES : group;
  float *scratch = malloc(dyn_nz((size_t)threads * group * cells) * sizeof *scratch);
  double *params = malloc(batch * np * sizeof *params);
  double *params2 = malloc(dyn_nz((size_t)threads * DYN_LANES * np) * sizeof *params2); /* the pair's */
  const size_t json_size = dyn_store_json_size(np);
  /* two batches' parameters as JSON: one being stored while the next is run */
  char *json = opt->store && !job->paired ? malloc(2 * batch * json_size) : NULL;
  size_t stored_first = 0, stored_count = 0; /* the batch whose store is pending */
  orb_status store_st = ORB_OK;
  orb_status st = ORB_ENOMEM;
  dyn_store *store = NULL;
  if (!sum || !hist || !binned || !scratch || !params || !params2 || !pilot || !range ||
      !extremes || (opt->store && !job->paired && !json))
    goto done;
  for (size_t t = 0; t < (size_t)threads; t++)
    for (size_t c = 0; c < cells; c++) {
      extremes[2 * t * cells + c] = INFINITY;
      extremes[(2 * t + 1) * cells + c] = -INFINITY;
    }
  sum->runs = runs;
  sum->series_count = job_width(job) * model->series;
  sum->month_count = M;
  sum->kept = keep;
  sum->quantiles = malloc(dyn_nz(cells * 3) * sizeof *sum->quantiles);
  sum->kept_values = keep ? malloc(keep * cells * sizeof *sum->kept_values) : NULL;
  if (!sum->quantiles || (keep && !sum->kept_values)) goto done;
  if (opt->store && !job->paired &&
      (st = dyn_store_open(opt->store, model, settings, opt, &store, diags)) != ORB_OK)
    goto done;
  st = ORB_OK;
  for (size_t first = 0; first < runs && st == ORB_OK; first += batch) {
    const size_t nb = runs - first < batch ? runs - first : batch;
    char *bjson = json ? json + (first / batch % 2) * batch * json_size : NULL;
    if (first == 0) { /* the pilot runs set the histograms' ranges */
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1)
      for (size_t g = 0; g < pilot_runs; g += group) {
        size_t run[DYN_LANES], n = 0;
        double *prm[DYN_LANES];
        float *values[DYN_LANES];
        for (; n < group && g + n < pilot_runs; n++)
          run[n] = g + n, prm[n] = params + (g + n) * np, values[n] = pilot + (g + n) * cells;
        job_run(job, opt->seed, run, n, prm, params2 + (size_t)omp_get_thread_num() * DYN_LANES * np,
                values);
      }
      set_ranges(range, pilot, pilot_runs, cells, bins);
    }
    /* iteration 0 stores the previous batch (one thread, while the others run this
     * batch's groups: the store's inserts are no serial step); iteration i > 0 runs
     * group i - 1 */
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1)
    for (size_t gi = 0; gi <= (nb + group - 1) / group; gi++) {
      if (gi == 0) {
        if (stored_count)
          store_st = store_batch(store, stored_first, stored_count,
                                 json + (stored_first / batch % 2) * batch * json_size, sum,
                                 cells, diags);
        continue;
      }
      const size_t g = (gi - 1) * group, me = (size_t)omp_get_thread_num();
      size_t run[DYN_LANES], n = 0;
      double *prm[DYN_LANES];
      float *values[DYN_LANES];
      for (size_t r = g; r < nb && r < g + group; r++) /* the pilot's are run already */
        if (first + r >= pilot_runs)
          run[n] = first + r, prm[n] = params + r * np,
          values[n] = scratch + (me * group + n) * cells, n++;
      if (n) job_run(job, opt->seed, run, n, prm, params2 + me * DYN_LANES * np, values);
      const float *v[DYN_LANES];
      size_t rows[DYN_LANES], nr = 0;
      for (size_t r = g, i = 0; r < nb && r < g + group; r++, nr++) {
        const size_t one = first + r;
        v[nr] = one < pilot_runs ? pilot + one * cells : values[i++];
        rows[nr] = r;
        if (one < keep) memcpy(sum->kept_values + one * cells, v[nr], cells * sizeof *v[nr]);
        if (bjson) dyn_store_params_json(params + r * np, np, bjson + r * json_size);
      }
      bin_rows(v, rows, nr, range, cells, bins, binned, stride, extremes + 2 * me * cells,
               extremes + (2 * me + 1) * cells);
    }
#pragma omp parallel for num_threads(threads) schedule(static)
    for (size_t b = 0; b < blocks; b++) {
      const size_t c0 = b * CELL_BLOCK, c1 = c0 + CELL_BLOCK < cells ? c0 + CELL_BLOCK : cells;
      for (size_t r = 0; r < nb; r++) { /* the tile's rows, one after another */
        const uint8_t *row = binned + (b * stride + r) * CELL_BLOCK - c0;
        for (size_t c = c0; c < c1; c++) hist[c * bins + row[c]]++;
      }
    }
    st = store_st;
    if (store) stored_first = first, stored_count = nb;
    if (opt->progress) opt->progress(first + nb, runs, opt->context);
  }
  if (st == ORB_OK && store && stored_count) /* the last batch */
    st = store_batch(store, stored_first, stored_count,
                     json + (stored_first / batch % 2) * batch * json_size, sum, cells, diags);
  if (st != ORB_OK) goto done;
  static const double qs[3] = {0.05, 0.5, 0.95};
#pragma omp parallel for num_threads(threads) schedule(static)
  for (size_t c = 0; c < cells; c++) {
    float lo = INFINITY, hi = -INFINITY; /* min and max commute: same for any threads */
    for (size_t t = 0; t < (size_t)threads; t++) {
      lo = fminf(lo, extremes[2 * t * cells + c]);
      hi = fmaxf(hi, extremes[(2 * t + 1) * cells + c]);
    }
    for (int q = 0; q < 3; q++)
      sum->quantiles[c * 3 + (size_t)q] =
          quantile(hist + c * bins, bins, runs, qs[q], range[c], lo, hi);
  }
  if (store) {
    st = dyn_store_finish(store, sum, diags);
    store = NULL;
  }
done:
  dyn_store_abandon(store);
  free(hist);
  free(binned);
  free(pilot);
  free(range);
  free(extremes);
  free(scratch);
  free(params);
  free(params2);
  free(json);
  if (st != ORB_OK) {
    orb_dyn_summary_free(sum);
    return st;
  }
  *out = sum;
  return ORB_OK;
}

orb_status orb_dyn_ensemble(const orb_dyn_model *model, const orb_dyn_settings *settings,
                            const orb_dyn_ensemble_options *opt, orb_dyn_summary **out,
                            orb_diags *diags) {
  dyn_job job = {{model, model}, {settings, settings}, 0};
  return run_job(&job, opt, out, diags);
}

/* Block b of a paired summary as a summary of its own; NULL when out of memory. */
static orb_dyn_summary *split(const orb_dyn_summary *s, size_t b) {
  const size_t series = s->series_count / 3, cells = series * s->month_count;
  orb_dyn_summary *one = calloc(1, sizeof *one);
  if (!one) return NULL;
  *one = (orb_dyn_summary){s->runs, series, s->month_count, NULL, s->kept, NULL};
  one->quantiles = malloc(dyn_nz(cells * 3) * sizeof *one->quantiles);
  one->kept_values = s->kept ? malloc(s->kept * cells * sizeof *one->kept_values) : NULL;
  if (!one->quantiles || (s->kept && !one->kept_values)) {
    orb_dyn_summary_free(one);
    return NULL;
  }
  memcpy(one->quantiles, s->quantiles + b * cells * 3, cells * 3 * sizeof *one->quantiles);
  for (size_t r = 0; r < s->kept; r++)
    memcpy(one->kept_values + r * cells, s->kept_values + (r * 3 + b) * cells,
           cells * sizeof *one->kept_values);
  return one;
}

orb_status orb_dyn_compare(const orb_dyn_model *baseline, const orb_dyn_settings *baseline_settings,
                           const orb_dyn_model *counterfactual,
                           const orb_dyn_settings *counterfactual_settings,
                           const orb_dyn_ensemble_options *opt, orb_dyn_comparison **out,
                           orb_diags *diags) {
  *out = NULL;
  if (opt->store) {
    orb_diags_add(diags, "--store", 0, 0, "a comparison writes no store; store each side "
                  "with orbit simulate --store");
    return ORB_EINVAL;
  }
  int same = baseline->months == counterfactual->months &&
             baseline->dates[0] == counterfactual->dates[0] &&
             baseline->series == counterfactual->series &&
             baseline_settings->count == counterfactual_settings->count;
  for (size_t k = 0; same && k < baseline->series; k++)
    same = strcmp(baseline->series_name[k], counterfactual->series_name[k]) == 0;
  if (!same) {
    orb_diags_add(diags, "counterfactual", 0, 0, "the counterfactual changes the model's "
                  "months or series (its pairs, poles or institutions); a comparison needs "
                  "the same ones");
    return ORB_EINVAL;
  }
  dyn_job job = {{baseline, counterfactual}, {baseline_settings, counterfactual_settings}, 1};
  orb_dyn_summary *all = NULL;
  orb_status st = run_job(&job, opt, &all, diags);
  if (st != ORB_OK) return st;
  orb_dyn_comparison *c = calloc(1, sizeof *c);
  if (c) {
    c->baseline = split(all, 0);
    c->counterfactual = split(all, 1);
    c->difference = split(all, 2);
  }
  orb_dyn_summary_free(all);
  if (!c || !c->baseline || !c->counterfactual || !c->difference) {
    orb_dyn_comparison_free(c);
    return ORB_ENOMEM;
  }
  *out = c;
  return ORB_OK;
}

void orb_dyn_comparison_free(orb_dyn_comparison *c) {
  if (!c) return;
  orb_dyn_summary_free(c->baseline);
  orb_dyn_summary_free(c->counterfactual);
  orb_dyn_summary_free(c->difference);
  free(c);
}
