/*
 * blocs.c: alignment landscapes from behaviour (docs/MODEL.md, "Blocs from the
 * record"): propensities from how often two states voted alike in the UN General
 * Assembly in the years before a date, and how well a split into blocs agrees with
 * their votes in a later period.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "orbit/record.h"
#include "record/record_internal.h"

#define MIN_COMMON 20

double orb_record_vote_agreement(const orb_record *rec, size_t a, size_t b, orb_date from,
                                 orb_date to, size_t *n) {
  size_t same = 0, both = 0;
  for (size_t rc = 0; rc < rec->rollcall_count; rc++) {
    orb_date d = rec->rollcalls[rc].date;
    if (d < from) continue;
    if (d >= to) break;
    orb_vote va = orb_record_vote(rec, rc, a), vb = orb_record_vote(rec, rc, b);
    if (va < ORB_VOTE_YES || vb < ORB_VOTE_YES) continue;
    both++;
    same += va == vb;
  }
  if (n) *n = both;
  return both ? (double)same / (double)both : 0.0;
}

/* The record country of each landscape actor (by world actor id), or ORB_NONE. */
static size_t *landscape_countries(const orb_record *rec, const orb_landscape *l) {
  size_t *c = malloc((l->actor_count ? l->actor_count : 1) * sizeof *c);
  if (!c) return NULL;
  for (size_t i = 0; i < l->actor_count; i++) c[i] = orb_record_find_country(rec, l->actors[i]);
  return c;
}

/* Agreement of every pair of landscape actors over [from, to): a[i * n + j], NAN
 * when either is no UN member or they share fewer than MIN_COMMON votes. */
static double *pair_agreement(const orb_record *rec, const orb_landscape *l, const size_t *c,
                              orb_date from, orb_date to) {
  size_t n = l->actor_count;
  double *a = malloc((n ? n * n : 1) * sizeof *a);
  if (!a) return NULL;
  for (size_t i = 0; i < n * n; i++) a[i] = NAN;
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++) {
      if (c[i] == ORB_NONE || c[j] == ORB_NONE) continue;
      size_t common;
      double v = orb_record_vote_agreement(rec, c[i], c[j], from, to, &common);
      if (common >= MIN_COMMON) a[i * n + j] = a[j * n + i] = v;
    }
  return a;
}

orb_status orb_record_landscape_add(const orb_record *rec, orb_landscape *l, orb_date date,
                                    double years,
                                    double weight, size_t *pairs, orb_diags *diags) {
  if (!(years > 0) || !isfinite(weight)) {
    orb_diags_add(diags, NULL, 0, 0, "record propensities need years > 0 and a finite weight");
    return ORB_EINVAL;
  }
  orb_date to = date > rec->last ? rec->last + 1 : date;
  orb_date from = to - (orb_date)(years * 365.25);
  size_t *c = landscape_countries(rec, l);
  double *a = c ? pair_agreement(rec, l, c, from, to) : NULL;
  if (!a) {
    free(c);
    return ORB_ENOMEM;
  }
  size_t n = l->actor_count, k = 0;
  double mean = 0;
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++)
      if (!isnan(a[i * n + j])) {
        mean += a[i * n + j];
        k++;
      }
  if (k) mean /= (double)k;
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++)
      if (!isnan(a[i * n + j]))
        orb_landscape_set_propensity(l, i, j,
                                     l->propensities[i * n + j] + weight * (a[i * n + j] - mean));
  if (pairs) *pairs = k;
  free(a);
  free(c);
  return ORB_OK;
}

static int cmp_double(const void *x, const void *y) {
  double a = *(const double *)x, b = *(const double *)y;
  return (a > b) - (a < b);
}

orb_record_bloc_fit orb_record_blocs_fit(const orb_record *rec, const orb_landscape *l,
                                         const uint8_t *blocs,
                                         orb_date from, orb_date to) {
  orb_record_bloc_fit fit = {0, NAN, NAN, NAN};
  size_t *c = landscape_countries(rec, l);
  double *a = c ? pair_agreement(rec, l, c, from, to) : NULL;
  size_t n = l->actor_count;
  double *vals = malloc((n ? n * n : 1) * sizeof *vals);
  if (!a || !vals) {
    free(c);
    free(a);
    free(vals);
    return fit;
  }
  size_t k = 0, nw = 0, nb = 0;
  double sw = 0, sb = 0;
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++) {
      double v = a[i * n + j];
      if (isnan(v)) continue;
      vals[k++] = v;
      if (blocs[i] == blocs[j]) {
        sw += v;
        nw++;
      } else {
        sb += v;
        nb++;
      }
    }
  if (k) {
    qsort(vals, k, sizeof *vals, cmp_double);
    double median = k % 2 ? vals[k / 2] : 0.5 * (vals[k / 2 - 1] + vals[k / 2]);
    size_t right = 0;
    for (size_t i = 0; i < n; i++)
      for (size_t j = i + 1; j < n; j++) {
        double v = a[i * n + j];
        if (!isnan(v)) right += (blocs[i] == blocs[j]) == (v >= median);
      }
    fit.pairs = k;
    fit.within = nw ? sw / (double)nw : NAN;
    fit.between = nb ? sb / (double)nb : NAN;
    fit.pair_accuracy = (double)right / (double)k;
  }
  free(c);
  free(a);
  free(vals);
  return fit;
}
