/*
 * record.c: the inputs of the month-by-month model filled from the shipped
 * record (docs/MODEL.md, "Inputs from the record"): COW military expenditure,
 * UCDP conflict-years and the revealed alignment of the UN roll calls.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dynamics/dyn_internal.h"

double dyn_tally_vote_var(const orb_record_tally *t, int floor) {
  const double n = (double)t->total;
  if (n < 2) return NAN;
  const double agree = (double)t->n[ORB_STANCE_SUPPORT], silent = (double)t->n[ORB_STANCE_SILENT];
  const double mean = (agree + 0.5 * silent) / n;
  const double var = (agree + 0.25 * silent - n * mean * mean) / (n - 1);
  return floor && var < 0.25 / n ? 0.25 / n : var;
}

/* Slot of actor a in year `year` of a per-actor series, or NULL outside. */
static double *slot(const orb_dyn_inputs *in, double *series, size_t a, int year) {
  int y = year - in->first_year;
  if (y < 0 || y >= in->year_count) return NULL;
  return &series[a * (size_t)in->year_count + (size_t)y];
}

/* Capability: COW milex (thousands of US$, times 1000) in the years the inputs
 * have no figure for (the world's own figures win), spliced onto the world's
 * scale: multiplied by world / record in the first year both have a figure
 * (1 when none), so a change of source makes no jump. */
static void record_capability(orb_dyn_inputs *in, const orb_record *r, const size_t *map,
                              int last_year) {
  for (size_t a = 0; a < in->actor_count; a++) {
    if (map[a] == ORB_NONE) continue;
    double factor = NAN;
    for (int pass = 0; pass < 2; pass++) /* 0: the splice factor; 1: the fill */
      for (size_t i = 0; i < r->capability_count; i++) {
        const orb_record_capability *c = &r->capabilities[i];
        double *v;
        if (c->country != map[a] || isnan(c->milex) || c->milex <= 0 || c->year > last_year ||
            !(v = slot(in, in->capability, a, c->year)))
          continue;
        if (pass == 0 && isnan(factor) && !isnan(*v)) factor = *v / (c->milex * 1000.0);
        if (pass == 1 && isnan(*v)) *v = c->milex * 1000.0 * (isnan(factor) ? 1.0 : factor);
      }
  }
}

/* The distinct countries on side `side` of the conflict-year whose rows (one per
 * secondary party, as in the source) are r->conflicts[g0..g1). */
static size_t side_parties(const orb_record *r, size_t g0, size_t g1, int side) {
  size_t n = 0;
  for (size_t i = g0; i < g1; i++)
    for (size_t k = 0; k < r->conflicts[i].side_count[side]; k++) {
      const size_t c = r->conflict_sides[r->conflicts[i].side_start[side] + k];
      int seen = 0;
      for (size_t j = g0; j <= i && !seen; j++)
        for (size_t l = 0; l < r->conflicts[j].side_count[side] && !seen; l++)
          seen = (j < i || l < k) &&
                 r->conflict_sides[r->conflicts[j].side_start[side] + l] == c;
      n += !seen;
    }
  return n;
}

/* Conflict: per actor and year the largest of its conflict-years' weights, an
 * intensity of 2 (1,000+ battle deaths) weighing 1 and of 1 weighing 0.5; a
 * secondary party's weight halved and shared among the secondary parties on its
 * side that year (docs/MODEL.md, "Coalitions in the record's conflicts"); 0 in
 * covered years without one, NAN after the file. */
static void record_conflict(orb_dyn_inputs *in, const orb_record *r, const size_t *map,
                            int last_year) {
  int last = 0;
  for (size_t i = 0; i < r->conflict_count; i++)
    if (r->conflicts[i].year > last) last = r->conflicts[i].year;
  if (last > last_year) last = last_year;
  for (size_t a = 0; a < in->actor_count; a++) {
    if (map[a] == ORB_NONE) continue;
    for (int y = in->first_year; y < in->first_year + in->year_count; y++)
      *slot(in, in->conflict, a, y) = y <= last ? 0.0 : NAN;
  }
  for (size_t g0 = 0, g1; g0 < r->conflict_count; g0 = g1) {
    /* the rows of one conflict-year (the file is sorted by year, then conflict) */
    for (g1 = g0 + 1; g1 < r->conflict_count && r->conflicts[g1].id == r->conflicts[g0].id &&
                      r->conflicts[g1].year == r->conflicts[g0].year;
         g1++)
      ;
    if (r->conflicts[g0].year > last) continue;
    const size_t shared[4] = {1, side_parties(r, g0, g1, 1), 1, side_parties(r, g0, g1, 3)};
    for (size_t i = g0; i < g1; i++) {
      const orb_record_conflict *c = &r->conflicts[i];
      double weight = c->intensity >= 2 ? 1.0 : 0.5;
      for (int side = 0; side < 4; side++)
        for (size_t k = 0; k < c->side_count[side]; k++) {
          size_t country = r->conflict_sides[c->side_start[side] + k];
          double w = side == 1 || side == 3 ? weight / 2 / (double)shared[side] : weight;
          for (size_t a = 0; a < in->actor_count; a++) {
            double *v;
            if (map[a] == country && (v = slot(in, in->conflict, a, c->year)) && w > *v) *v = w;
          }
        }
    }
  }
  in->conflict_from_events = 0;
}

/* Alignment: (agree + silent / 2) / roll calls of each state toward each pole,
 * per year with at least ORB_DYN_RECORD_MIN_VOTES roll calls (replacing the
 * world's stances of that year: dozens of votes against a few issues), with the
 * number of roll calls (alignment_votes). */
static orb_status record_alignment(orb_dyn_inputs *in, const orb_record *r,
                                   const orb_world *w, const size_t *map, int last_year) {
  int y0 = in->first_year, y1 = in->first_year + in->year_count - 1;
  if (y1 > last_year) y1 = last_year;
  if (y1 < y0) return ORB_OK;
  orb_record_tally *years = malloc((size_t)(y1 - y0 + 1) * sizeof *years);
  if (!years) return ORB_ENOMEM;
  for (size_t k = 0; k < in->pole_count; k++) {
    size_t patron = map[in->poles[k]];
    if (patron == ORB_NONE) continue;
    for (size_t a = 0; a < in->actor_count; a++) {
      if (map[a] == ORB_NONE || a == in->poles[k] || w->actors[a].kind != ORB_ACTOR_STATE)
        continue;
      memset(years, 0, (size_t)(y1 - y0 + 1) * sizeof *years);
      orb_record_agreement(r, map[a], patron, orb_date_from_ymd(y0, 1, 1),
                           orb_date_from_ymd(y1 + 1, 1, 1), years, NULL);
      for (int y = y0; y <= y1; y++) {
        const orb_record_tally *t = &years[y - y0];
        if (t->total < ORB_DYN_RECORD_MIN_VOTES) continue;
        double v = ((double)t->n[ORB_STANCE_SUPPORT] + 0.5 * (double)t->n[ORB_STANCE_SILENT]) /
                   (double)t->total;
        double *cell = &in->alignment[(a * in->pole_count + k) * (size_t)in->year_count +
                                      (size_t)(y - in->first_year)];
        *cell = v;
        if (in->alignment_votes)
          in->alignment_votes[cell - in->alignment] = (double)t->total;
        if (in->alignment_var)
          in->alignment_var[cell - in->alignment] = dyn_tally_vote_var(t, 1);
      }
    }
  }
  free(years);
  return ORB_OK;
}

orb_status orb_dyn_inputs_from_record(orb_dyn_inputs *in, const orb_world *w,
                                      const orb_record *r, unsigned what, int last_year,
                                      orb_diags *diags) {
  if (in->actor_count != w->actor_count) {
    orb_diags_add(diags, w->path, 0, 0, "the inputs were not made from this world");
    return ORB_EINVAL;
  }
  size_t *map = malloc(dyn_nz(w->actor_count) * sizeof *map);
  if (!map) return ORB_ENOMEM;
  orb_record_map_world(r, w, map);
  orb_status st = ORB_OK;
  if (what & ORB_DYN_RECORD_CAPABILITY) record_capability(in, r, map, last_year);
  if (what & ORB_DYN_RECORD_CONFLICT) record_conflict(in, r, map, last_year);
  if (what & ORB_DYN_RECORD_ALIGNMENT) st = record_alignment(in, r, w, map, last_year);
  free(map);
  return st;
}

void orb_dyn_inputs_truncate(orb_dyn_inputs *in, int last_year) {
  int keep = last_year - in->first_year + 1; /* years kept */
  if (keep < 0) keep = 0;
  for (int y = keep; y < in->year_count; y++) {
    for (size_t a = 0; a < in->actor_count; a++) {
      size_t c = a * (size_t)in->year_count + (size_t)y;
      in->capability[c] = in->mass[c] = in->conflict[c] = NAN;
      for (size_t k = 0; k < in->pole_count; k++)
        in->alignment[(a * in->pole_count + k) * (size_t)in->year_count + (size_t)y] = NAN;
    }
  }
  orb_date end = orb_date_from_ymd(last_year, 12, 31);
  if (!in->structure_to || last_year < in->structure_to) in->structure_to = last_year;
  size_t n = 0;
  for (size_t e = 0; e < in->event_count; e++)
    if (in->events[e].date <= end) in->events[n++] = in->events[e];
  in->event_count = n;
}
