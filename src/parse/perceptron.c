/*
 * perceptron.c: the averaged perceptron's feature tables (parse_internal.h).
 *
 * Invariant: a table is never full (half while training, three quarters once
 * loaded), so a probe always ends at an empty slot; rows are numbered in order of creation and never move.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "parse/parse_internal.h"

#define AP_INITIAL_CAP 4096 /* slots of a new table */

orb_status ap_init(ap_table *t, uint32_t nclass) {
  memset(t, 0, sizeof *t);
  t->nclass = nclass;
  t->cap = AP_INITIAL_CAP;
  t->slots = calloc(t->cap, sizeof *t->slots);
  return t->slots ? ORB_OK : ORB_ENOMEM;
}

void ap_free(ap_table *t) {
  free(t->slots);
  free(t->q);
  free(t->w);
  free(t->tot);
  free(t->stamp);
  memset(t, 0, sizeof *t);
}

int64_t ap_find(const ap_table *t, uint32_t key) {
  size_t mask = t->cap - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    if (t->slots[i].key == key) return t->slots[i].row;
    if (!t->slots[i].key) return -1;
  }
}

void ap_score_f(const ap_table *t, const uint32_t *feats, size_t n, float *scores) {
  for (size_t f = 0; f < n; f++) {
    int64_t r = ap_find(t, feats[f]);
    if (r < 0) continue;
    const float *w = t->w + (size_t)r * t->nclass;
    for (uint32_t c = 0; c < t->nclass; c++) scores[c] += w[c];
  }
}

/* In three passes, so that the memory loads of all features overlap (the
 * tables are far larger than the caches): prefetch every feature's slot, find
 * the rows and prefetch them, then add them up. */
void ap_score_q(const ap_table *t, const uint32_t *feats, size_t n, int32_t *scores) {
  const int16_t *rows[PA_MAX_FEATS];
  size_t mask = t->cap - 1, found = 0, k = t->nclass;
  if (n > PA_MAX_FEATS) n = PA_MAX_FEATS;
  for (size_t f = 0; f < n; f++) __builtin_prefetch(&t->slots[feats[f] & mask]);
  for (size_t f = 0; f < n; f++) {
    int64_t r = ap_find(t, feats[f]);
    if (r < 0) continue;
    rows[found] = t->q + (size_t)r * k;
    __builtin_prefetch(rows[found]);
    found++;
  }
  for (size_t i = 0; i < found; i++)
    for (size_t c = 0; c < k; c++) scores[c] += rows[i][c];
}

/* Doubles the slots of t, reinserting every key. */
static orb_status grow_slots(ap_table *t) {
  size_t cap = t->cap * 2, mask = cap - 1;
  ap_slot *slots = calloc(cap, sizeof *slots);
  if (!slots) return ORB_ENOMEM;
  for (size_t i = 0; i < t->cap; i++) {
    if (!t->slots[i].key) continue;
    size_t j = t->slots[i].key & mask;
    while (slots[j].key) j = (j + 1) & mask;
    slots[j] = t->slots[i];
  }
  free(t->slots);
  t->slots = slots;
  t->cap = cap;
  return ORB_OK;
}

/* Makes room for one more row of weights (training form). */
static orb_status grow_rows(ap_table *t) {
  if (t->count < t->rows_cap) return ORB_OK;
  size_t cap = t->rows_cap ? t->rows_cap * 2 : 1024, k = t->nclass;
  float *w = realloc(t->w, cap * k * sizeof *w);
  if (!w) return ORB_ENOMEM;
  t->w = w;
  double *tot = realloc(t->tot, cap * k * sizeof *tot);
  if (!tot) return ORB_ENOMEM;
  t->tot = tot;
  int64_t *stamp = realloc(t->stamp, cap * k * sizeof *stamp);
  if (!stamp) return ORB_ENOMEM;
  t->stamp = stamp;
  t->rows_cap = cap;
  return ORB_OK;
}

/* The row of key, created (all zero) if missing; -1 when out of memory. */
static int64_t find_or_add(ap_table *t, uint32_t key, int64_t now) {
  size_t mask = t->cap - 1, i = key & mask;
  for (; t->slots[i].key; i = (i + 1) & mask)
    if (t->slots[i].key == key) return t->slots[i].row;
  if (grow_rows(t)) return -1;
  size_t r = t->count++, k = t->nclass;
  t->slots[i].key = key;
  t->slots[i].row = (uint32_t)r;
  for (size_t c = 0; c < k; c++) {
    t->w[r * k + c] = 0;
    t->tot[r * k + c] = 0;
    t->stamp[r * k + c] = now;
  }
  if (2 * t->count >= t->cap && grow_slots(t)) return -1;
  return (int64_t)r;
}

/* Adds delta to one weight, first banking its value since its last change. */
static void bump(ap_table *t, size_t at, float delta, int64_t now) {
  t->tot[at] += (double)(now - t->stamp[at]) * t->w[at];
  t->stamp[at] = now;
  t->w[at] += delta;
}

orb_status ap_update(ap_table *t, const uint32_t *feats, size_t n, int truth,
                     int guess, int64_t now) {
  if (truth == guess) return ORB_OK;
  for (size_t f = 0; f < n; f++) {
    int64_t r = find_or_add(t, feats[f], now);
    if (r < 0) return ORB_ENOMEM;
    size_t base = (size_t)r * t->nclass;
    bump(t, base + (size_t)truth, 1.0f, now);
    bump(t, base + (size_t)guess, -1.0f, now);
  }
  return ORB_OK;
}

orb_status ap_finish(ap_table *t, int64_t now, float prune) {
  size_t k = t->nclass, total = t->count * k;
  double big = 0;
  for (size_t i = 0; i < total; i++) {
    double avg = (t->tot[i] + (double)(now - t->stamp[i]) * t->w[i]) / (double)(now ? now : 1);
    t->w[i] = (float)avg;
    if (fabs(avg) > big) big = fabs(avg);
  }
  double scale = big > 0 ? 32767.0 / big : 0, floor_ = prune * big;
  int16_t *q = malloc((total ? total : 1) * sizeof *q);
  ap_slot *slots = calloc(t->cap, sizeof *slots);
  if (!q || !slots) {
    free(q);
    free(slots);
    return ORB_ENOMEM;
  }
  size_t kept = 0, mask = t->cap - 1;
  for (size_t s = 0; s < t->cap; s++) {  /* slot order: the same on every run */
    if (!t->slots[s].key) continue;
    const float *w = t->w + (size_t)t->slots[s].row * k;
    int16_t *out = q + kept * k;
    int any = 0;
    for (size_t c = 0; c < k; c++) {
      double v = fabs(w[c]) < floor_ ? 0 : lround(w[c] * scale);
      out[c] = (int16_t)v;
      any |= out[c] != 0;
    }
    if (!any) continue;
    size_t j = t->slots[s].key & mask;
    while (slots[j].key) j = (j + 1) & mask;
    slots[j].key = t->slots[s].key;
    slots[j].row = (uint32_t)kept++;
  }
  free(t->w);
  free(t->tot);
  free(t->stamp);
  free(t->slots);
  t->w = NULL;
  t->tot = NULL;
  t->stamp = NULL;
  t->slots = slots;
  t->q = q;
  t->count = kept;
  t->rows_cap = 0;
  return ORB_OK;
}

int ap_insert_loaded(ap_table *t, uint32_t key, uint32_t r) {
  if (!key) return -1;
  size_t mask = t->cap - 1, i = key & mask;
  for (; t->slots[i].key; i = (i + 1) & mask)
    if (t->slots[i].key == key) return -1;
  t->slots[i].key = key;
  t->slots[i].row = r;
  return 0;
}
