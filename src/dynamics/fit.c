/*
 * fit.c: the rates of the alignment equation fitted to revealed alignments by
 * forecasting within the data (docs/MODEL.md, "Alignment" and "Validation
 * against the record"): every grid point's forecasts from every December of the
 * data, scored on the data's later years only. The recursion is the run's own
 * (dyn_align_* in dyn_internal.h), replayed on a pair's structural index.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dynamics/dyn_internal.h"

/* The grid searched, in the order ties are broken (the first wins). A level
 * variance of 0 makes the anchor the mean of all past years (relative to the
 * common level), 1 makes it the last year's: the grid holds persistence. */
static const double grid_level_var[] = {0, 0.00025, 0.0005, 0.001, 0.002, 0.004, 0.008, 0.016, 1};
static const double grid_slope[] = {0, 0.25, 0.5, 1, 2};
#define GRID_N(a) (sizeof a / sizeof *a)
#define GRID_POINTS (GRID_N(grid_level_var) * GRID_N(grid_slope))

/* Error sums of the forecasts from one origin at one horizon. */
typedef struct fit_cell {
  double sq, abs;
  size_t n;
} fit_cell;

/* The rates of grid point g. */
static void grid_rates(size_t g, double *level_var, double *slope) {
  const size_t ns = GRID_N(grid_slope);
  *slope = grid_slope[g % ns];
  *level_var = grid_level_var[g / ns];
}

/* The pole's common level after each year's December (NAN before the first
 * observation) over the data's series, into common[years]. */
static void common_levels(const orb_dyn_fit_data *d, double *common) {
  double g = NAN;
  for (int y = 0; y < d->years; y++) {
    double w = 0, wx = 0, n = 0;
    for (size_t s = 0; s < d->series_count; s++) {
      const double o = d->series[s].observed[y];
      if (isnan(o)) continue;
      const double wt = dyn_align_vote_weight(d->series[s].votes ? d->series[s].votes[y] : 0,
                                              d->vote_noise);
      w += wt, wx += wt * o, n += 1;
    }
    common[y] = g = dyn_align_common(g, w, wx, n);
  }
}

/* Replays one series with rates (rate per month, level_var, slope, assimilate) and
 * the common term cw * common[y], and adds the errors of its forecasts from every
 * origin u >= origin_from to cells[(u - first_year) * horizon + h - 1]. The month
 * loop is the run's: the step toward the target with the month's impulses, then
 * the December observation. */
static void replay(const orb_dyn_fit_data *d, const orb_dyn_fit_series *s, const double *common,
                   double cw, double rate, double level_var, double slope, double assimilate,
                   fit_cell *cells) {
  const int H = d->horizon, Y = d->years;
  dyn_anchor anchor = {0, 0, 0, 0, 0};
  double a = 0, g = 0;
  for (int y = 0; y < Y; y++) {
    for (int mo = 0; mo < 12; mo++) {
      const size_t k = (size_t)y * 12 + (size_t)mo;
      const double index = s->index[k];
      a = dyn_align_step(a, dyn_align_target(&anchor, index, slope, g), k ? rate : 1.0,
                         s->impulse ? s->impulse[k] : 0.0);
      if (mo == 11) {
        g = isnan(common[y]) ? 0.0 : cw * common[y];
        const double votes = s->votes ? s->votes[y] : 0;
        if (!isnan(s->observed[y]))
          a = dyn_align_observe(
              a, &anchor, s->observed[y], g, index, slope, assimilate, level_var,
              dyn_align_obs_var(votes, s->vote_var ? s->vote_var[y] : NAN, d->vote_var),
              dyn_align_vote_weight(votes, d->vote_noise), (double)k,
              isnan(common[y]) ? 0.0 : common[y], d->level_prior_var);
      }
    }
    const int u = d->first_year + y; /* a forecast from December of u */
    if (u < d->origin_from || isnan(s->observed[y])) continue;
    double f = a;
    for (int h = 1; h <= H && y + h < Y; h++) {
      double sum = 0;
      for (int mo = 0; mo < 12; mo++) {
        const double index = s->index[(size_t)(y + h) * 12 + (size_t)mo];
        f = dyn_align_step(f, dyn_align_target(&anchor, index, slope, g), rate, 0.0);
        sum += f;
      }
      const double o = s->observed[y + h];
      if (isnan(o)) continue;
      const double e = sum / 12 - o;
      fit_cell *c = &cells[(size_t)y * (size_t)H + (size_t)h - 1];
      c->n++, c->abs += fabs(e), c->sq += e * e;
    }
  }
}

/* The grid point whose forecasts from origins u with targets u + h <= last
 * (year indices) have the least absolute error (the first on a tie), with their
 * sums in *best; GRID_POINTS when none is scored. */
static size_t best_point(const fit_cell *cells, int years, int H, int last, fit_cell *best) {
  size_t arg = GRID_POINTS;
  *best = (fit_cell){INFINITY, INFINITY, 0};
  for (size_t g = 0; g < GRID_POINTS; g++) {
    fit_cell sum = {0, 0, 0};
    const fit_cell *c = cells + g * (size_t)years * (size_t)H;
    for (int u = 0; u < last; u++)
      for (int h = 1; h <= H && u + h <= last; h++) {
        const fit_cell *x = &c[(size_t)u * (size_t)H + (size_t)h - 1];
        sum.sq += x->sq, sum.abs += x->abs, sum.n += x->n;
      }
    if (sum.n && sum.abs < best->abs) *best = sum, arg = g;
  }
  return arg;
}

orb_status orb_dyn_fit_alignment(const orb_dyn_fit_data *d, orb_dyn_alignment_fit *fit,
                                 orb_diags *diags) {
  memset(fit, 0, sizeof *fit);
  if (d->years < 2 || d->horizon < 1 || d->horizon > 50 || !d->series_count ||
      !(d->half_life_months > 0)) {
    orb_diags_add(diags, NULL, 0, 0, "alignment fit: %d years, horizon %d, %zu series and a "
                  "half-life of %g months leave nothing to forecast", d->years, d->horizon,
                  d->series_count, d->half_life_months);
    return ORB_EINVAL;
  }
  const int Y = d->years, H = d->horizon;
  const size_t per = (size_t)Y * (size_t)H; /* cells per grid point */
  fit_cell *cells = calloc(GRID_POINTS * per, sizeof *cells);
  double *common = malloc((size_t)Y * sizeof *common);
  if (!cells || !common) {
    free(cells);
    free(common);
    return ORB_ENOMEM;
  }
  common_levels(d, common);
  const double rate = 1 - exp2(-1.0 / d->half_life_months);
  for (size_t g = 0; g < GRID_POINTS; g++) {
    double level_var, slope;
    grid_rates(g, &level_var, &slope);
    for (size_t s = 0; s < d->series_count; s++)
      replay(d, &d->series[s], common, d->common, rate, level_var, slope, d->assimilate,
             cells + g * per);
  }
  fit_cell best;
  const size_t g = best_point(cells, Y, H, Y - 1, &best);
  free(cells);
  free(common);
  if (g == GRID_POINTS) {
    orb_diags_add(diags, NULL, 0, 0, "alignment fit: no forecast from %d on can be scored "
                  "(no revealed alignment within %d years of an observed one)",
                  d->origin_from, d->horizon);
    return ORB_EINVAL;
  }
  grid_rates(g, &fit->level_var, &fit->slope);
  fit->n = best.n;
  fit->mae = best.abs / (double)best.n;
  fit->rmse = sqrt(best.sq / (double)best.n);
  return ORB_OK;
}
