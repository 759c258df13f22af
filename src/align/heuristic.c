/*
 * heuristic.c: the search beyond the exhaustive limit. Many random starts, each
 * run down by steepest descent to a local minimum; start r draws its blocs from a
 * SplitMix64 stream seeded by (seed, r), so the minima and their hit counts do not
 * depend on the thread count. The fraction of starts that end at a minimum
 * estimates its basin. Each start's minimum is then improved by an iterated local
 * search (random kicks, descent, keep if lower). A lower bound comes from packing
 * frustrated triangles.
 */
#include <stdlib.h>
#include <string.h>
#include <omp.h>

#include "align/align_internal.h"

/* Triangle packing costs n^3/6 steps; above this many actors only the trivial
 * bound (every negative pair apart) is given. */
#define LOWER_BOUND_MAX_ACTORS 400

/* Kicks of the iterated local search after each start's descent: 2n, at most 200. */
#define MAX_KICKS 200

/* SplitMix64 (Steele, Lea & Flood 2014): the next number of the stream at *state. */
static uint64_t splitmix64(uint64_t *state) {
  uint64_t z = (*state += UINT64_C(0x9E3779B97F4A7C15));
  z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/* 1 when no partition into at most k blocs can satisfy a triangle with this many
 * negative (push-apart) pairs: an odd number for two blocs, exactly one for more. */
static int triangle_frustrated(unsigned negatives, unsigned k) {
  return k == 2 ? (negatives & 1) : negatives == 1;
}

/* A lower bound on the integer energy: sum of the negative weights (every hostile
 * pair apart, every friendly pair together), plus a greedy packing of triangles
 * that no configuration can satisfy: each holds at least one frustrated pair, so
 * charging each packed triangle its smallest remaining |w| to its three pairs
 * never charges a pair more than |w|. */
static orb_status lower_bound(const align_problem *p, int64_t *bound) {
  size_t n = p->n;
  int64_t base = 0;
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++) {
      int32_t w = p->w[i * p->stride + j];
      if (w < 0) base += w;
    }
  *bound = base;
  if (n > LOWER_BOUND_MAX_ACTORS) return ORB_OK;
  int32_t *left = malloc(n * n * sizeof *left); /* remaining |w| of each pair */
  if (!left) return ORB_ENOMEM;
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++) {
      int32_t w = p->w[i * p->stride + j];
      left[i * n + j] = w < 0 ? -w : w;
    }
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++) {
      if (!left[i * n + j]) continue;
      for (size_t l = j + 1; l < n && left[i * n + j]; l++) {
        int32_t a = left[i * n + j], b = left[j * n + l], c = left[i * n + l];
        if (!b || !c) continue;
        unsigned negatives = (p->w[i * p->stride + j] < 0) + (p->w[j * p->stride + l] < 0) +
                             (p->w[i * p->stride + l] < 0);
        if (!triangle_frustrated(negatives, p->k)) continue;
        int32_t amount = a < b ? a : b;
        if (c < amount) amount = c;
        left[i * n + j] -= amount;
        left[j * n + l] -= amount;
        left[i * n + l] -= amount;
        *bound += amount;
      }
    }
  free(left);
  return ORB_OK;
}

/* Moves actor i to bloc b, updating the fields. */
static void move_actor(const align_problem *p, uint8_t *blocs, int32_t *fields, size_t i,
                       unsigned b) {
  const int32_t *w = p->w + i * p->stride;
  int32_t *from = fields + (size_t)blocs[i] * p->n, *to = fields + (size_t)b * p->n;
  for (size_t j = 0; j < p->n; j++) {
    from[j] -= w[j];
    to[j] += w[j];
  }
  blocs[i] = (uint8_t)b;
}

/* Iterated local search from a local minimum (blocs, fields, *energy): each kick
 * moves 1 to 3 random actors to random other blocs and descends again, keeping the
 * result when its energy is lower. spare_blocs/spare_fields are scratch. */
static void improve(const align_problem *p, uint8_t *blocs, int32_t *fields,
                    int64_t *energy, uint8_t *spare_blocs, int32_t *spare_fields,
                    uint64_t *state) {
  size_t n = p->n, kn = (size_t)p->k * n;
  size_t kicks = 2 * n < MAX_KICKS ? 2 * n : MAX_KICKS;
  for (size_t kick = 0; kick < kicks; kick++) {
    memcpy(spare_blocs, blocs, n);
    memcpy(spare_fields, fields, kn * sizeof *fields);
    unsigned moves = 1 + (unsigned)(splitmix64(state) % 3);
    for (unsigned m = 0; m < moves; m++) {
      size_t i = (size_t)(splitmix64(state) % n);
      unsigned b = (unsigned)(splitmix64(state) % (p->k - 1));
      move_actor(p, spare_blocs, spare_fields, i, b >= spare_blocs[i] ? b + 1 : b);
    }
    align_descend(p, spare_blocs, spare_fields);
    int64_t e = align_energy_from_fields(p, spare_blocs, spare_fields);
    if (e < *energy) {
      *energy = e;
      memcpy(blocs, spare_blocs, n);
      memcpy(fields, spare_fields, kn * sizeof *fields);
    }
  }
}

orb_status align_heuristic(const align_problem *problem, int threads, uint64_t seed,
                           uint64_t restarts, align_minima *minima,
                           int64_t *bound) {
  size_t n = problem->n, kn = (size_t)problem->k * n;
  int thread_count = threads > 0 ? threads : omp_get_max_threads();
  size_t keep = restarts < minima->keep ? (size_t)restarts : minima->keep;
  align_minima *found = calloc((size_t)thread_count, sizeof *found);
  /* Per-thread scratch in whole cache lines, so that threads never share one. */
  size_t byte_slice = (2 * n + 63) / 64 * 64, int_slice = (2 * kn + 15) / 16 * 16;
  uint8_t *bytes = aligned_alloc(64, (size_t)thread_count * byte_slice);
  int32_t *ints = aligned_alloc(64, (size_t)thread_count * int_slice * sizeof *ints);
  orb_status status = found && bytes && ints ? ORB_OK : ORB_ENOMEM;
  if (status == ORB_OK) status = lower_bound(problem, bound);
  if (status == ORB_OK) {
    int failed = 0;
    for (int t = 0; t < thread_count; t++) align_minima_init(&found[t], n, keep);
#pragma omp parallel for schedule(dynamic, 64) num_threads(thread_count) \
    reduction(| : failed)
    for (uint64_t r = 0; r < restarts; r++) {
      int me = omp_get_thread_num();
      uint8_t *blocs = bytes + (size_t)me * byte_slice;
      int32_t *fields = ints + (size_t)me * int_slice;
      uint64_t state = seed ^ (r * UINT64_C(0xD1B54A32D192ED03));
      splitmix64(&state);
      for (size_t i = 0; i < n; i++)
        blocs[i] = (uint8_t)(splitmix64(&state) % problem->k);
      align_fields(problem, blocs, fields);
      align_descend(problem, blocs, fields);
      int64_t energy = align_energy_from_fields(problem, blocs, fields);
      uint8_t *end = blocs + n; /* the descent's end, counted as a basin hit */
      memcpy(end, blocs, n);
      align_canonical(end, n);
      if (align_minima_add(&found[me], energy, end, 1, 0) != ORB_OK) failed = 1;
      int64_t improved = energy;
      improve(problem, blocs, fields, &improved, end, fields + kn, &state);
      if (improved < energy) { /* a lower minimum, reached by kicks: no basin hit */
        align_canonical(blocs, n);
        if (align_minima_add(&found[me], improved, blocs, 0, 0) != ORB_OK) failed = 1;
      }
    }
    if (failed) status = ORB_ENOMEM;
    for (int t = 0; t < thread_count && status == ORB_OK; t++)
      status = align_minima_merge(minima, &found[t]);
    align_minima_finish(minima);
    minima->total = minima->count;
  }
  if (found)
    for (int t = 0; t < thread_count; t++) align_minima_free(&found[t]);
  free(found);
  free(bytes);
  free(ints);
  return status;
}
