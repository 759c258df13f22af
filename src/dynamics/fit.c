/*
 * fit.c: the rates of the alignment equation fitted to revealed alignments by
 * forecasting within the data (docs/MODEL.md, "Alignment" and "Validation
 * against the record"). The recursion is the run's own (dyn_align_* in
 * dyn_internal.h), replayed on a pair's structural index.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dynamics/dyn_internal.h"

/* The grid searched, in the order ties are broken (the first wins). */
static const double grid_half_life[] = {6, 12, 24, 36, 60, 120, 240, 600};
static const double grid_memory[] = {0, 0.25, 0.5, 0.75, 1};
static const double grid_slope[] = {0, 0.25, 0.5, 1, 2};
static const double grid_assimilate[] = {0.5, 0.75, 1};
#define GRID_N(a) (sizeof a / sizeof *a)

/* Error sums of one grid point. */
typedef struct fit_sums {
  size_t n;
  double abs, sq;
} fit_sums;

/* Replays one series with rates (rate per month, memory, slope, assimilate) and
 * adds the errors of its forecasts from every origin to sums. The month loop is
 * the run's: the step toward the target with the month's impulses, then the
 * December observation. */
static void replay(const orb_dyn_fit_data *d, const orb_dyn_fit_series *s, double rate,
                   double memory, double slope, double assimilate, fit_sums *sums) {
  const int H = d->horizon, Y = d->years;
  dyn_anchor anchor = {0, 0, 0};
  double a = 0;
  for (int y = 0; y < Y; y++) {
    for (int mo = 0; mo < 12; mo++) {
      const size_t k = (size_t)y * 12 + (size_t)mo;
      const double index = s->index[k];
      a = dyn_align_step(a, dyn_align_target(&anchor, index, slope), k ? rate : 1.0,
                         s->impulse ? s->impulse[k] : 0.0);
      if (mo == 11 && !isnan(s->observed[y]))
        a = dyn_align_observe(a, &anchor, s->observed[y], index, assimilate, memory);
    }
    const int u = d->first_year + y; /* a forecast from December of u */
    if (u < d->origin_from || isnan(s->observed[y])) continue;
    double f = a;
    for (int h = 1; h <= H && y + h < Y; h++) {
      double sum = 0;
      for (int mo = 0; mo < 12; mo++) {
        const double index = s->index[(size_t)(y + h) * 12 + (size_t)mo];
        f = dyn_align_step(f, dyn_align_target(&anchor, index, slope), rate, 0.0);
        sum += f;
      }
      const double o = s->observed[y + h];
      if (isnan(o)) continue;
      const double e = sum / 12 - o;
      sums->n++, sums->abs += fabs(e), sums->sq += e * e;
    }
  }
}

orb_status orb_dyn_fit_alignment(const orb_dyn_fit_data *d, orb_dyn_alignment_fit *fit,
                                 orb_diags *diags) {
  memset(fit, 0, sizeof *fit);
  if (d->years < 2 || d->horizon < 1 || !d->series_count) {
    orb_diags_add(diags, NULL, 0, 0, "alignment fit: %d years, horizon %d and %zu series "
                  "leave nothing to forecast", d->years, d->horizon, d->series_count);
    return ORB_EINVAL;
  }
  double best = INFINITY;
  for (size_t i = 0; i < GRID_N(grid_half_life); i++)
    for (size_t j = 0; j < GRID_N(grid_memory); j++)
      for (size_t k = 0; k < GRID_N(grid_slope); k++)
        for (size_t l = 0; l < GRID_N(grid_assimilate); l++) {
          const double rate = 1 - exp2(-1.0 / grid_half_life[i]);
          fit_sums sums = {0, 0, 0};
          for (size_t s = 0; s < d->series_count; s++)
            replay(d, &d->series[s], rate, grid_memory[j], grid_slope[k], grid_assimilate[l],
                   &sums);
          if (!sums.n || !(sums.sq < best)) continue;
          best = sums.sq;
          *fit = (orb_dyn_alignment_fit){grid_half_life[i], grid_memory[j], grid_slope[k],
                                         grid_assimilate[l], sums.n, sums.abs / (double)sums.n,
                                         sqrt(sums.sq / (double)sums.n)};
        }
  if (!fit->n) {
    orb_diags_add(diags, NULL, 0, 0, "alignment fit: no forecast from %d on can be scored "
                  "(no revealed alignment within %d years of an observed one)",
                  d->origin_from, d->horizon);
    return ORB_EINVAL;
  }
  return ORB_OK;
}
