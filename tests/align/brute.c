/*
 * brute.c: the brute-force reference of brute.h, and the tests' checked search.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brute.h"

orb_align_result *test_align_solve(const orb_landscape *landscape,
                                   const orb_align_options *options) {
  orb_diags diags;
  orb_diags_init(&diags);
  orb_align_result *r = NULL;
  orb_status status = orb_align_solve(landscape, options, &r, &diags);
  if (status != ORB_OK) orb_diags_print(&diags, stderr);
  orb_diags_free(&diags);
  assert_int_equal(status, ORB_OK);
  return r;
}

uint64_t brute_random(uint64_t *state) {
  *state ^= *state >> 12;
  *state ^= *state << 25;
  *state ^= *state >> 27;
  return *state * UINT64_C(2685821657736338717);
}

orb_landscape *brute_random_landscape(size_t n, int max_size, int range, double zeros,
                                      uint64_t *state) {
  orb_landscape *l = NULL;
  if (orb_landscape_new(n, &l) != ORB_OK) return NULL;
  for (size_t i = 0; i < n; i++)
    l->sizes[i] = 1 + (double)(brute_random(state) % (uint64_t)max_size);
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++) {
      double u = (double)(brute_random(state) >> 11) / 9007199254740992.0;
      int p = (int)(brute_random(state) % (uint64_t)(2 * range + 1)) - range;
      orb_landscape_set_propensity(l, i, j, u < zeros ? 0 : p);
    }
  return l;
}

/* 1 when blocs[0..n) is a restricted growth string with labels below k. */
static int is_canonical(const uint8_t *blocs, size_t n, unsigned k) {
  unsigned next = 0;
  for (size_t i = 0; i < n; i++) {
    if (blocs[i] >= k || blocs[i] > next) return 0;
    if (blocs[i] == next) next++;
  }
  return 1;
}

/* Relabels into a restricted growth string. */
static void canonical(uint8_t *blocs, size_t n) {
  uint8_t map[32];
  memset(map, 0xff, sizeof map);
  uint8_t next = 0;
  for (size_t i = 0; i < n; i++) {
    if (map[blocs[i]] == 0xff) map[blocs[i]] = next++;
    blocs[i] = map[blocs[i]];
  }
}

/* The best single move by full recomputation: returns 0 when none lowers E. Ties:
 * lowest actor, then the bloc with the lowest first member, empty blocs last. */
static int best_move(const orb_landscape *l, unsigned k, const uint8_t *blocs,
                     size_t *actor, unsigned *bloc) {
  size_t n = l->actor_count;
  double here = orb_landscape_energy(l, blocs), best = here;
  int found = 0;
  size_t first[32];
  for (unsigned b = 0; b < k; b++) {
    first[b] = n;
    for (size_t i = 0; i < n; i++)
      if (blocs[i] == b) {
        first[b] = i;
        break;
      }
  }
  uint8_t moved[32];
  for (size_t i = 0; i < n; i++)
    for (unsigned b = 0; b < k; b++) {
      if (b == blocs[i]) continue;
      memcpy(moved, blocs, n);
      moved[i] = (uint8_t)b;
      double e = orb_landscape_energy(l, moved);
      if (e < best || (found && e == best && i == *actor && first[b] < first[*bloc])) {
        best = e;
        *actor = i;
        *bloc = b;
        found = 1;
      }
    }
  return found;
}

/* Orders minima by energy then blocs. */
static int compare_minima(const void *a, const void *b) {
  const brute_minimum *x = a, *y = b;
  if (x->energy != y->energy) return x->energy < y->energy ? -1 : 1;
  return memcmp(x->blocs, y->blocs, sizeof x->blocs);
}

size_t brute_minima(const orb_landscape *l, unsigned k, brute_minimum **out) {
  size_t n = l->actor_count, count = 0, capacity = 16;
  brute_minimum *minima = malloc(capacity * sizeof *minima);
  uint64_t total = 1;
  for (size_t i = 0; i < n; i++) total *= k;
  uint8_t blocs[32], walk[32];
  /* First pass: minima. Second pass: basins. */
  for (int pass = 0; pass < 2; pass++)
    for (uint64_t x = 0; x < total; x++) {
      uint64_t rest = x;
      memset(blocs, 0, sizeof blocs);
      for (size_t i = 0; i < n; i++) {
        blocs[i] = (uint8_t)(rest % k);
        rest /= k;
      }
      if (!is_canonical(blocs, n, k)) continue;
      size_t actor;
      unsigned bloc;
      if (pass == 0) {
        if (best_move(l, k, blocs, &actor, &bloc)) continue;
        if (count == capacity) minima = realloc(minima, (capacity *= 2) * sizeof *minima);
        memset(&minima[count], 0, sizeof minima[count]);
        memcpy(minima[count].blocs, blocs, n);
        minima[count].energy = orb_landscape_energy(l, blocs);
        count++;
        continue;
      }
      memcpy(walk, blocs, sizeof walk);
      while (best_move(l, k, walk, &actor, &bloc)) walk[actor] = (uint8_t)bloc;
      canonical(walk, n);
      for (size_t m = 0; m < count; m++)
        if (memcmp(minima[m].blocs, walk, n) == 0) minima[m].basin++;
    }
  qsort(minima, count, sizeof *minima, compare_minima);
  *out = minima;
  return count;
}
