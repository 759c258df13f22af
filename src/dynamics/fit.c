/*
 * fit.c: the rates of the alignment equation fitted to revealed alignments by
 * forecasting within the data, and the choice of its variant (with or without
 * the pole's common level) by an inner validation within the same data
 * (docs/MODEL.md, "Alignment" and "Validation against the record"). The
 * recursion is the run's own (dyn_align_* in dyn_internal.h), replayed on a
 * pair's structural index.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dynamics/dyn_internal.h"

/* The grid searched, in the order ties are broken (the first wins). A half-life
 * of one month with no assimilation makes the forecast the target itself (the
 * common level plus the filtered anchor); 600 months with full assimilation is
 * nearly persistence: the grid holds both ends (docs/MODEL.md, "Alignment"). */
static const double grid_half_life[] = {1, 6, 12, 24, 36, 60, 120, 240, 600};
static const double grid_memory[] = {0, 0.25, 0.5, 0.75, 1};
static const double grid_slope[] = {0, 0.25, 0.5, 1, 2};
static const double grid_assimilate[] = {0, 0.5, 0.75, 1};
#define GRID_N(a) (sizeof a / sizeof *a)
#define GRID_POINTS (GRID_N(grid_half_life) * GRID_N(grid_memory) * GRID_N(grid_slope) * \
                     GRID_N(grid_assimilate))
/* The variants: the weight of the common level (dyn.align_common). */
static const double variants[2] = {0, 1};
/* The inner validation's first origin, in years after the fit's origin_from. */
#define INNER_AFTER 3

/* Error sums of the forecasts from one origin at one horizon. */
typedef struct fit_cell {
  double sq, abs;
  size_t n;
} fit_cell;

/* The rates of grid point g. */
static void grid_rates(size_t g, double *half_life, double *memory, double *slope,
                       double *assimilate) {
  const size_t nl = GRID_N(grid_assimilate), ns = GRID_N(grid_slope), nm = GRID_N(grid_memory);
  *assimilate = grid_assimilate[g % nl];
  *slope = grid_slope[g / nl % ns];
  *memory = grid_memory[g / nl / ns % nm];
  *half_life = grid_half_life[g / nl / ns / nm];
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

/* Replays one series with rates (rate per month, memory, slope, assimilate) and
 * the common term cw * common[y], and adds the errors of its forecasts from every
 * origin u >= origin_from to cells[(u - first_year) * horizon + h - 1]. The month
 * loop is the run's: the step toward the target with the month's impulses, then
 * the December observation. */
static void replay(const orb_dyn_fit_data *d, const orb_dyn_fit_series *s, const double *common,
                   double cw, double rate, double memory, double slope, double assimilate,
                   fit_cell *cells) {
  const int H = d->horizon, Y = d->years;
  dyn_anchor anchor = {0, 0, 0};
  double a = 0, g = 0;
  for (int y = 0; y < Y; y++) {
    for (int mo = 0; mo < 12; mo++) {
      const size_t k = (size_t)y * 12 + (size_t)mo;
      const double index = s->index[k];
      a = dyn_align_step(a, dyn_align_target(&anchor, index, slope, g), k ? rate : 1.0,
                         s->impulse ? s->impulse[k] : 0.0);
      if (mo == 11) {
        g = isnan(common[y]) ? 0.0 : cw * common[y];
        if (!isnan(s->observed[y]))
          a = dyn_align_observe(a, &anchor, s->observed[y], g, index, assimilate, memory,
                                dyn_align_vote_weight(s->votes ? s->votes[y] : 0,
                                                      d->vote_noise));
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
 * (year indices) have the least squared error (the first on a tie), with their
 * sums in *best; GRID_POINTS when none is scored. */
static size_t best_point(const fit_cell *cells, int years, int H, int last, fit_cell *best) {
  size_t arg = GRID_POINTS;
  *best = (fit_cell){INFINITY, 0, 0};
  for (size_t g = 0; g < GRID_POINTS; g++) {
    fit_cell sum = {0, 0, 0};
    const fit_cell *c = cells + g * (size_t)years * (size_t)H;
    for (int u = 0; u < last; u++)
      for (int h = 1; h <= H && u + h <= last; h++) {
        const fit_cell *x = &c[(size_t)u * (size_t)H + (size_t)h - 1];
        sum.sq += x->sq, sum.abs += x->abs, sum.n += x->n;
      }
    if (sum.n && sum.sq < best->sq) *best = sum, arg = g;
  }
  return arg;
}

orb_status orb_dyn_fit_alignment(const orb_dyn_fit_data *d, orb_dyn_alignment_fit *fit,
                                 orb_diags *diags) {
  memset(fit, 0, sizeof *fit);
  if (d->years < 2 || d->horizon < 1 || d->horizon > 50 || !d->series_count) {
    orb_diags_add(diags, NULL, 0, 0, "alignment fit: %d years, horizon %d and %zu series "
                  "leave nothing to forecast", d->years, d->horizon, d->series_count);
    return ORB_EINVAL;
  }
  const int Y = d->years, H = d->horizon;
  const size_t per = (size_t)Y * (size_t)H; /* cells per grid point */
  fit_cell *cells = calloc(2 * GRID_POINTS * per, sizeof *cells);
  double *common = malloc((size_t)Y * sizeof *common);
  if (!cells || !common) {
    free(cells);
    free(common);
    return ORB_ENOMEM;
  }
  common_levels(d, common);
  for (size_t v = 0; v < 2; v++)
    for (size_t g = 0; g < GRID_POINTS; g++) {
      double hl, memory, slope, assimilate;
      grid_rates(g, &hl, &memory, &slope, &assimilate);
      const double rate = 1 - exp2(-1.0 / hl);
      for (size_t s = 0; s < d->series_count; s++)
        replay(d, &d->series[s], common, variants[v], rate, memory, slope, assimilate,
               cells + (v * GRID_POINTS + g) * per);
    }
  /* inner validation: each variant fitted on the years up to each inner origin
   * and scored on its forecasts from it (year indices; targets within the data) */
  const int inner_from = d->origin_from + INNER_AFTER - d->first_year;
  for (size_t v = 0; v < 2; v++) {
    const fit_cell *vc = cells + v * GRID_POINTS * per;
    double sq = 0;
    size_t n = 0;
    for (int u = inner_from < 1 ? 1 : inner_from; u < Y - 1; u++) {
      fit_cell best;
      size_t g = best_point(vc, Y, H, u, &best);
      if (g == GRID_POINTS) continue;
      for (int h = 1; h <= H && u + h < Y; h++) {
        const fit_cell *x = &vc[g * per + (size_t)u * (size_t)H + (size_t)h - 1];
        sq += x->sq, n += x->n;
      }
    }
    fit->inner_n[v] = n;
    fit->inner_rmse[v] = n ? sqrt(sq / (double)n) : NAN;
  }
  const size_t v = fit->inner_n[1] && (!fit->inner_n[0] || fit->inner_rmse[1] < fit->inner_rmse[0]);
  fit_cell best;
  const size_t g = best_point(cells + v * GRID_POINTS * per, Y, H, Y - 1, &best);
  free(cells);
  free(common);
  if (g == GRID_POINTS) {
    orb_diags_add(diags, NULL, 0, 0, "alignment fit: no forecast from %d on can be scored "
                  "(no revealed alignment within %d years of an observed one)",
                  d->origin_from, d->horizon);
    return ORB_EINVAL;
  }
  grid_rates(g, &fit->half_life_months, &fit->anchor_memory, &fit->slope, &fit->assimilate);
  fit->common = variants[v];
  fit->n = best.n;
  fit->mae = best.abs / (double)best.n;
  fit->rmse = sqrt(best.sq / (double)best.n);
  return ORB_OK;
}
