/*
 * exactk.c: the exhaustive search for k blocs. Configurations are restricted
 * growth strings (actor 0 in bloc 0, each actor in a bloc already used or the
 * next new one), so every partition into at most k blocs is visited once.
 * A depth-first walk keeps the bloc fields F[b][i] = sum of w_ij over the actors
 * j placed in bloc b, adding or removing one row per step. The walk is cut into
 * tasks at a fixed depth (one per prefix), independent of the thread count.
 */
#include <stdlib.h>
#include <string.h>
#include <omp.h>

#include "align/align_internal.h"

/* A prefix of the first `depth` actors: their blocs and the number of blocs used. */
typedef struct rgs_task {
  uint8_t blocs[24];
  unsigned used;
} rgs_task;

/* State of one walk. */
typedef struct rgs_walk {
  const align_problem *problem;
  uint8_t *blocs;       /* n */
  int32_t *fields;      /* k * n */
  uint8_t *end;         /* n: descent scratch */
  int32_t *end_fields;  /* k * n: descent scratch */
  align_minima *minima; /* first pass: where minima go */
  align_record *const *sorted;       /* basin pass: kept minima sorted by blocs */
  size_t kept;
  uint64_t *basin;      /* basin pass: kept + 1 counters */
  int failed;
} rgs_walk;

/* Orders pointers to records by their blocs. */
static int compare_blocs(const void *a, const void *b) {
  const align_record *ra = *(const align_record *const *)a;
  const align_record *rb = *(const align_record *const *)b;
  return memcmp(ra->blocs, rb->blocs, ra->n);
}

/* Index (in the sorted array) of the kept minimum with these blocs, or kept. */
static size_t find_blocs(const rgs_walk *walk, const uint8_t *blocs) {
  size_t low = 0, high = walk->kept, n = walk->problem->n;
  while (low < high) {
    size_t mid = low + (high - low) / 2;
    if (memcmp(walk->sorted[mid]->blocs, blocs, n) < 0) low = mid + 1;
    else high = mid;
  }
  return low < walk->kept && memcmp(walk->sorted[low]->blocs, blocs, n) == 0 ? low
                                                                              : walk->kept;
}

/* A complete configuration: record it if stable, or count where it descends. */
static void rgs_leaf(rgs_walk *walk) {
  const align_problem *p = walk->problem;
  if (!walk->basin) {
    if (!align_is_stable(p, walk->blocs, walk->fields)) return;
    int64_t energy = align_energy_from_fields(p, walk->blocs, walk->fields);
    if (align_minima_add(walk->minima, energy, walk->blocs, 0, 1) != ORB_OK)
      walk->failed = 1;
    return;
  }
  memcpy(walk->end, walk->blocs, p->n);
  memcpy(walk->end_fields, walk->fields, (size_t)p->k * p->n * sizeof *walk->fields);
  align_descend(p, walk->end, walk->end_fields);
  align_canonical(walk->end, p->n);
  walk->basin[find_blocs(walk, walk->end)]++;
}

/* 1 when the configuration with the last actor in bloc `last_bloc` is stable,
 * from the fields of the other actors (F without the last actor's row, which is
 * added on the fly). The last actor is tested first: only its best blocs pass. */
static int last_stable(const align_problem *p, const uint8_t *blocs, const int32_t *fields,
                       unsigned last_bloc) {
  size_t n = p->n, last = n - 1;
  const int32_t *w = p->w + last * p->stride;
  int32_t own = fields[(size_t)last_bloc * n + last];
  for (unsigned c = 0; c < p->k; c++)
    if (fields[(size_t)c * n + last] > own) return 0;
  for (size_t i = 0; i < last; i++) {
    int32_t mine = fields[(size_t)blocs[i] * n + i] + (blocs[i] == last_bloc ? w[i] : 0);
    for (unsigned c = 0; c < p->k; c++)
      if (fields[(size_t)c * n + i] + (c == last_bloc ? w[i] : 0) > mine) return 0;
  }
  return 1;
}

/* Places actor `depth` in every admissible bloc, recursing to the leaves. In the
 * minima pass the last actor's blocs are tested without changing the fields. */
static void rgs_walk_from(rgs_walk *walk, size_t depth, unsigned used) {
  const align_problem *p = walk->problem;
  if (depth == p->n) {
    rgs_leaf(walk);
    return;
  }
  if (depth == p->n - 1 && !walk->basin) {
    unsigned limit = used < p->k ? used + 1 : p->k;
    for (unsigned b = 0; b < limit; b++) {
      walk->blocs[depth] = (uint8_t)b;
      if (!last_stable(p, walk->blocs, walk->fields, b)) continue;
      int32_t *row = walk->fields + (size_t)b * p->n; /* rare: a stable leaf */
      const int32_t *w = p->w + depth * p->stride;
      for (size_t i = 0; i < p->n; i++) row[i] += w[i];
      rgs_leaf(walk);
      for (size_t i = 0; i < p->n; i++) row[i] -= w[i];
    }
    return;
  }
  unsigned limit = used < p->k ? used + 1 : p->k;
  const int32_t *w = p->w + depth * p->stride;
  for (unsigned b = 0; b < limit; b++) {
    int32_t *row = walk->fields + (size_t)b * p->n;
    for (size_t i = 0; i < p->n; i++) row[i] += w[i];
    walk->blocs[depth] = (uint8_t)b;
    rgs_walk_from(walk, depth + 1, b == used ? used + 1 : used);
    for (size_t i = 0; i < p->n; i++) row[i] -= w[i];
  }
}

/* Lists every restricted growth prefix of `depth` actors into tasks (NULL: count
 * only); returns how many there are. */
static size_t list_prefixes(unsigned k, size_t depth, rgs_task *tasks) {
  size_t count = 0;
  rgs_task current = {{0}, 1};
  /* Odometer over prefixes in lexicographic order; actor 0 is always in bloc 0. */
  for (;;) {
    if (tasks) tasks[count] = current;
    count++;
    size_t i = depth;
    for (;;) {
      if (i <= 1) return count;
      i--;
      unsigned max_before = 0;
      for (size_t a = 0; a < i; a++)
        if (current.blocs[a] > max_before) max_before = current.blocs[a];
      unsigned limit = max_before + 1 < k ? max_before + 1 : k - 1;
      if (current.blocs[i] < limit) {
        current.blocs[i]++;
        for (size_t a = i + 1; a < depth; a++) current.blocs[a] = 0;
        unsigned used = 0;
        for (size_t a = 0; a < depth; a++)
          if (current.blocs[a] + 1u > used) used = current.blocs[a] + 1u;
        current.used = used;
        break;
      }
    }
  }
}

/* Runs the walk from every prefix task, over threads. */
static orb_status walk_all(const align_problem *p, int thread_count, size_t depth,
                           const rgs_task *tasks, size_t task_count, rgs_walk *walks) {
  size_t kn = (size_t)p->k * p->n;
#pragma omp parallel for schedule(dynamic, 1) num_threads(thread_count)
  for (size_t t = 0; t < task_count; t++) {
    rgs_walk *walk = &walks[omp_get_thread_num()];
    memset(walk->fields, 0, kn * sizeof *walk->fields);
    memcpy(walk->blocs, tasks[t].blocs, depth);
    for (size_t a = 0; a < depth; a++) {
      int32_t *row = walk->fields + (size_t)tasks[t].blocs[a] * p->n;
      const int32_t *w = p->w + a * p->stride;
      for (size_t i = 0; i < p->n; i++) row[i] += w[i];
    }
    rgs_walk_from(walk, depth, tasks[t].used);
  }
  for (int t = 0; t < thread_count; t++)
    if (walks[t].failed) return ORB_ENOMEM;
  return ORB_OK;
}

orb_status align_exactk(const align_problem *problem, int threads, int basins,
                        align_minima *minima) {
  size_t n = problem->n, kn = (size_t)problem->k * n;
  size_t depth = n < 8 ? n : 8;
  size_t task_count = list_prefixes(problem->k, depth, NULL);
  int thread_count = threads > 0 ? threads : omp_get_max_threads();
  rgs_task *tasks = malloc(task_count * sizeof *tasks);
  rgs_walk *walks = calloc((size_t)thread_count, sizeof *walks);
  align_minima *found = calloc((size_t)thread_count, sizeof *found);
  /* Per-thread scratch in whole cache lines, so that threads never share one. */
  size_t byte_slice = (2 * n + 63) / 64 * 64, int_slice = (2 * kn + 15) / 16 * 16;
  uint8_t *bytes = aligned_alloc(64, (size_t)thread_count * byte_slice);
  int32_t *ints = aligned_alloc(64, (size_t)thread_count * int_slice * sizeof *ints);
  orb_status status = tasks && walks && found && bytes && ints ? ORB_OK : ORB_ENOMEM;
  align_record **sorted = NULL;
  uint64_t *counts = NULL;
  if (status == ORB_OK) {
    list_prefixes(problem->k, depth, tasks);
    for (int t = 0; t < thread_count; t++) {
      align_minima_init(&found[t], n, minima->keep);
      uint8_t *my_bytes = bytes + (size_t)t * byte_slice;
      int32_t *my_ints = ints + (size_t)t * int_slice;
      walks[t] = (rgs_walk){problem, my_bytes, my_ints, my_bytes + n, my_ints + kn,
                            &found[t], NULL, 0, NULL, 0};
    }
    status = walk_all(problem, thread_count, depth, tasks, task_count, walks);
    for (int t = 0; t < thread_count && status == ORB_OK; t++)
      status = align_minima_merge(minima, &found[t]);
    align_minima_finish(minima);
  }
  if (status == ORB_OK && basins) {
    size_t kept = minima->count;
    sorted = malloc((kept ? kept : 1) * sizeof *sorted);
    size_t slice = (kept + 1 + 7) / 8 * 8; /* each thread's counters in whole lines */
    counts = aligned_alloc(64, (size_t)thread_count * slice * sizeof *counts);
    if (!sorted || !counts) status = ORB_ENOMEM;
    if (status == ORB_OK) {
      memset(counts, 0, (size_t)thread_count * slice * sizeof *counts);
      for (size_t m = 0; m < kept; m++) sorted[m] = align_minima_at(minima, m);
      qsort(sorted, kept, sizeof *sorted, compare_blocs);
      for (int t = 0; t < thread_count; t++) {
        walks[t].sorted = sorted;
        walks[t].kept = kept;
        walks[t].basin = counts + (size_t)t * slice;
      }
      status = walk_all(problem, thread_count, depth, tasks, task_count, walks);
      for (int t = 0; t < thread_count && status == ORB_OK; t++)
        for (size_t m = 0; m < kept; m++)
          sorted[m]->basin += counts[(size_t)t * slice + m];
    }
  }
  if (found)
    for (int t = 0; t < thread_count; t++) align_minima_free(&found[t]);
  free(tasks);
  free(walks);
  free(found);
  free(bytes);
  free(ints);
  free(sorted);
  free(counts);
  return status;
}
