/*
 * minima.c: the list of local minima a search collects, kept sorted by energy and
 * trimmed to the lowest ones, and the steepest descent every search shares.
 */
#include <stdlib.h>
#include <string.h>

#include "align/align_internal.h"

/* Most bytes of minima one list keeps (it may grow to twice this before trimming). */
#define MINIMA_MAX_BYTES (32u << 20)

void align_minima_init(align_minima *minima, size_t n, size_t keep) {
  memset(minima, 0, sizeof *minima);
  minima->n = n;
  size_t size = sizeof(align_record) + n;
  minima->record_size = (size + 7) / 8 * 8;
  size_t fit = MINIMA_MAX_BYTES / minima->record_size;
  minima->keep = keep < fit ? keep : fit;
  if (minima->keep == 0) minima->keep = 1;
}

void align_minima_free(align_minima *minima) {
  free(minima->records);
  minima->records = NULL;
  minima->count = minima->capacity = 0;
}

align_record *align_minima_at(const align_minima *minima, size_t i) {
  return (align_record *)(minima->records + i * minima->record_size);
}

/* Orders records by energy, then by their canonical blocs. */
static int compare_records(const void *a, const void *b) {
  const align_record *ra = a, *rb = b;
  if (ra->energy != rb->energy) return ra->energy < rb->energy ? -1 : 1;
  return memcmp(ra->blocs, rb->blocs, ra->n);
}

void align_minima_finish(align_minima *minima) {
  if (minima->count == 0) return;
  qsort(minima->records, minima->count, minima->record_size, compare_records);
  size_t out = 0;
  for (size_t i = 0; i < minima->count; i++) {
    align_record *r = align_minima_at(minima, i);
    if (out > 0) {
      align_record *last = align_minima_at(minima, out - 1);
      if (compare_records(last, r) == 0) {
        last->basin += r->basin;
        continue;
      }
    }
    if (out >= minima->keep) break;
    if (out != i) memcpy(align_minima_at(minima, out), r, minima->record_size);
    out++;
  }
  minima->count = out;
}

orb_status align_minima_add(align_minima *minima, int64_t energy, const uint8_t *blocs,
                            uint64_t basin, int fresh) {
  if (minima->count == minima->capacity) {
    if (minima->capacity >= 2 * minima->keep) {
      align_minima_finish(minima);
    } else {
      size_t capacity = minima->capacity ? minima->capacity * 2 : 16;
      unsigned char *records = realloc(minima->records, capacity * minima->record_size);
      if (!records) return ORB_ENOMEM;
      minima->records = records;
      minima->capacity = capacity;
    }
  }
  align_record *r = align_minima_at(minima, minima->count++);
  memset(r, 0, minima->record_size);
  r->energy = energy;
  r->basin = basin;
  r->n = (uint32_t)minima->n;
  memcpy(r->blocs, blocs, minima->n);
  if (fresh) minima->total++;
  return ORB_OK;
}

orb_status align_minima_merge(align_minima *minima, const align_minima *from) {
  for (size_t i = 0; i < from->count; i++) {
    const align_record *r = align_minima_at(from, i);
    orb_status status = align_minima_add(minima, r->energy, r->blocs, r->basin, 0);
    if (status != ORB_OK) return status;
  }
  minima->total += from->total;
  return ORB_OK;
}

void align_fields(const align_problem *problem, const uint8_t *blocs, int32_t *fields) {
  size_t n = problem->n;
  memset(fields, 0, (size_t)problem->k * n * sizeof *fields);
  for (size_t j = 0; j < n; j++) {
    int32_t *row = fields + (size_t)blocs[j] * n;
    const int32_t *w = problem->w + j * problem->stride;
    for (size_t i = 0; i < n; i++) row[i] += w[i];
  }
}

int64_t align_energy_from_fields(const align_problem *problem, const uint8_t *blocs,
                                 const int32_t *fields) {
  int64_t same_twice = 0;
  for (size_t i = 0; i < problem->n; i++)
    same_twice += fields[(size_t)blocs[i] * problem->n + i];
  return problem->pair_sum - same_twice / 2;
}

int align_is_stable(const align_problem *problem, const uint8_t *blocs,
                    const int32_t *fields) {
  size_t n = problem->n;
  for (size_t i = 0; i < n; i++) {
    int32_t own = fields[(size_t)blocs[i] * n + i];
    for (unsigned b = 0; b < problem->k; b++)
      if (fields[(size_t)b * n + i] > own) return 0;
  }
  return 1;
}

void align_descend(const align_problem *problem, uint8_t *blocs, int32_t *fields) {
  size_t n = problem->n;
  unsigned k = problem->k;
  for (;;) {
    /* first[b]: lowest member of bloc b, n when empty (empty blocs come last). */
    size_t first[ORB_ALIGN_MAX_BLOCS];
    for (unsigned b = 0; b < k; b++) first[b] = n;
    for (size_t i = n; i-- > 0;) first[blocs[i]] = i;
    int32_t best_gain = 0; /* F_target - F_own, the fall in energy */
    size_t best_actor = n;
    unsigned best_bloc = 0;
    for (size_t i = 0; i < n; i++) {
      int32_t own = fields[(size_t)blocs[i] * n + i];
      for (unsigned b = 0; b < k; b++) {
        if (b == blocs[i]) continue;
        int32_t gain = fields[(size_t)b * n + i] - own;
        if (gain <= 0 || gain < best_gain) continue;
        if (gain == best_gain && (i != best_actor || first[b] >= first[best_bloc]))
          continue;
        best_gain = gain;
        best_actor = i;
        best_bloc = b;
      }
    }
    if (best_actor == n) return;
    const int32_t *w = problem->w + best_actor * problem->stride;
    int32_t *from = fields + (size_t)blocs[best_actor] * n;
    int32_t *to = fields + (size_t)best_bloc * n;
    for (size_t i = 0; i < n; i++) {
      from[i] -= w[i];
      to[i] += w[i];
    }
    blocs[best_actor] = (uint8_t)best_bloc;
  }
}
