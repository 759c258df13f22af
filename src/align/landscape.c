/*
 * landscape.c: the landscape object (actors, sizes, propensities), its checks and
 * energy, and its conversion into the integer problem the searches run on.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align/align_internal.h"

orb_status orb_landscape_new(size_t actor_count, orb_landscape **landscape) {
  *landscape = NULL;
  if (actor_count == 0 || actor_count > ORB_ALIGN_MAX_ACTORS) return ORB_ELIMIT;
  orb_landscape *l = calloc(1, sizeof *l);
  if (!l) return ORB_ENOMEM;
  l->actor_count = actor_count;
  l->actors = calloc(actor_count, sizeof *l->actors);
  l->sizes = malloc(actor_count * sizeof *l->sizes);
  l->propensities = calloc(actor_count * actor_count, sizeof *l->propensities);
  if (!l->actors || !l->sizes || !l->propensities) {
    orb_landscape_free(l);
    return ORB_ENOMEM;
  }
  for (size_t i = 0; i < actor_count; i++) {
    char name[24];
    snprintf(name, sizeof name, "%zu", i + 1);
    l->sizes[i] = 1.0;
    if (orb_landscape_set_name(l, i, name) != ORB_OK) {
      orb_landscape_free(l);
      return ORB_ENOMEM;
    }
  }
  *landscape = l;
  return ORB_OK;
}

void orb_landscape_free(orb_landscape *landscape) {
  if (!landscape) return;
  if (landscape->actors)
    for (size_t i = 0; i < landscape->actor_count; i++) free(landscape->actors[i]);
  free(landscape->actors);
  free(landscape->sizes);
  free(landscape->propensities);
  free(landscape);
}

orb_status orb_landscape_set_name(orb_landscape *landscape, size_t actor,
                                  const char *name) {
  if (actor >= landscape->actor_count) return ORB_EINVAL;
  size_t len = strlen(name) + 1;
  char *copy = malloc(len);
  if (!copy) return ORB_ENOMEM;
  memcpy(copy, name, len);
  free(landscape->actors[actor]);
  landscape->actors[actor] = copy;
  return ORB_OK;
}

void orb_landscape_set_propensity(orb_landscape *landscape, size_t i, size_t j,
                                  double propensity) {
  size_t n = landscape->actor_count;
  landscape->propensities[i * n + j] = propensity;
  landscape->propensities[j * n + i] = propensity;
}

/* Compares two actor names through pointers to indices (for the uniqueness check). */
static int compare_names(const void *a, const void *b, const orb_landscape *l) {
  return strcmp(l->actors[*(const size_t *)a], l->actors[*(const size_t *)b]);
}

/* Sorts indices by name with a merge sort (qsort takes no context pointer). */
static void sort_by_name(size_t *index, size_t *scratch, size_t count,
                         const orb_landscape *l) {
  if (count < 2) return;
  size_t half = count / 2;
  sort_by_name(index, scratch, half, l);
  sort_by_name(index + half, scratch, count - half, l);
  size_t a = 0, b = half, out = 0;
  while (a < half && b < count)
    scratch[out++] = compare_names(&index[b], &index[a], l) < 0 ? index[b++] : index[a++];
  while (a < half) scratch[out++] = index[a++];
  while (b < count) scratch[out++] = index[b++];
  memcpy(index, scratch, count * sizeof *index);
}

orb_status orb_landscape_check(const orb_landscape *landscape, const char *file,
                               orb_diags *diags) {
  size_t n = landscape->actor_count;
  size_t before = diags->count;
  if (n == 0 || n > ORB_ALIGN_MAX_ACTORS) {
    orb_diags_add(diags, file, 0, 0, "expected 1 to %d actors, found %zu",
                  ORB_ALIGN_MAX_ACTORS, n);
    return ORB_EINVAL;
  }
  for (size_t i = 0; i < n; i++) {
    if (!landscape->actors[i] || !landscape->actors[i][0])
      orb_diags_add(diags, file, 0, 0, "actor %zu has an empty name", i + 1);
    double s = landscape->sizes[i];
    if (!isfinite(s) || s <= 0)
      orb_diags_add(diags, file, 0, 0,
                    "size of actor '%s' is %g; expected a finite number > 0",
                    landscape->actors[i] ? landscape->actors[i] : "?", s);
  }
  for (size_t i = 0; i < n && diags->count - before < 20; i++) {
    const char *a = landscape->actors[i] ? landscape->actors[i] : "?";
    if (landscape->propensities[i * n + i] != 0)
      orb_diags_add(diags, file, 0, 0,
                    "propensity of '%s' with itself is %g; expected 0", a,
                    landscape->propensities[i * n + i]);
    for (size_t j = i + 1; j < n; j++) {
      double pij = landscape->propensities[i * n + j];
      double pji = landscape->propensities[j * n + i];
      const char *b = landscape->actors[j] ? landscape->actors[j] : "?";
      if (!isfinite(pij) || !isfinite(pji))
        orb_diags_add(diags, file, 0, 0,
                      "propensity between '%s' and '%s' is not finite", a, b);
      else if (!isfinite(landscape->sizes[i] * landscape->sizes[j] * pij))
        orb_diags_add(diags, file, 0, 0,
                      "weight s*s*p between '%s' and '%s' overflows a double", a, b);
      else if (pij != pji)
        orb_diags_add(diags, file, 0, 0,
                      "propensities are not symmetric: p('%s','%s') = %g but "
                      "p('%s','%s') = %g",
                      a, b, pij, b, a, pji);
    }
  }
  if (diags->count == before) { /* every energy is a sum of weights: it must stay finite */
    double total = 0;
    for (size_t i = 0; i < n && isfinite(total); i++)
      for (size_t j = i + 1; j < n; j++)
        total += fabs(landscape->sizes[i] * landscape->sizes[j] *
                      landscape->propensities[i * n + j]);
    if (!isfinite(total))
      orb_diags_add(diags, file, 0, 0,
                    "the weights s*s*p sum to more than a double holds (an energy would "
                    "be infinite); scale the sizes or propensities down");
  }
  if (diags->count == before) {
    size_t *index = malloc(2 * n * sizeof *index);
    if (!index) return ORB_ENOMEM;
    for (size_t i = 0; i < n; i++) index[i] = i;
    sort_by_name(index, index + n, n, landscape);
    for (size_t i = 1; i < n; i++)
      if (strcmp(landscape->actors[index[i]], landscape->actors[index[i - 1]]) == 0)
        orb_diags_add(diags, file, 0, 0, "actor name '%s' is used twice",
                      landscape->actors[index[i]]);
    free(index);
  }
  return diags->count == before ? ORB_OK : ORB_EINVAL;
}

double orb_landscape_energy(const orb_landscape *landscape, const uint8_t *blocs) {
  size_t n = landscape->actor_count;
  double energy = 0;
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++)
      if (blocs[i] != blocs[j])
        energy += landscape->sizes[i] * landscape->sizes[j] *
                  landscape->propensities[i * n + j];
  return energy;
}

double orb_landscape_frustration(const orb_landscape *landscape, const uint8_t *blocs) {
  size_t n = landscape->actor_count;
  double frustration = 0;
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++) {
      double w = landscape->sizes[i] * landscape->sizes[j] *
                 landscape->propensities[i * n + j];
      if ((w > 0 && blocs[i] != blocs[j]) || (w < 0 && blocs[i] == blocs[j]))
        frustration += fabs(w);
    }
  return frustration;
}

/* The largest power of two `scale` with scale * max_row <= 2^29 (1 when the
 * weights are integers that already fit, so integer inputs stay exact). */
static double choose_scale(const double *weights, size_t n, int *exact) {
  double max_row = 0;
  int integral = 1;
  for (size_t i = 0; i < n; i++) {
    double row = 0;
    for (size_t j = 0; j < n; j++) {
      double w = weights[i * n + j];
      row += fabs(w);
      if (w != nearbyint(w)) integral = 0;
    }
    if (row > max_row) max_row = row;
  }
  const double limit = 536870912.0; /* 2^29 */
  *exact = integral && max_row <= limit;
  if (max_row == 0 || *exact) return 1.0;
  int exponent;
  frexp(max_row, &exponent); /* max_row = f * 2^exponent, f in [.5, 1) */
  /* 2^(29 - exponent) * max_row < 2^29; capped so that the scale stays finite. */
  return ldexp(1.0, 29 - exponent < 1000 ? 29 - exponent : 1000);
}

orb_status align_problem_init(align_problem *problem, const orb_landscape *landscape,
                              unsigned k) {
  size_t n = landscape->actor_count;
  memset(problem, 0, sizeof *problem);
  problem->n = n;
  problem->k = k;
  problem->landscape = landscape;
  problem->stride = (n + ALIGN_LANES - 1) / ALIGN_LANES * ALIGN_LANES;
  double *weights = malloc(n * n * sizeof *weights);
  size_t bytes = n * problem->stride * sizeof(int32_t);
  bytes = (bytes + 63) / 64 * 64;
  problem->w = aligned_alloc(64, bytes);
  if (!weights || !problem->w) {
    free(weights);
    align_problem_free(problem);
    return ORB_ENOMEM;
  }
  memset(problem->w, 0, bytes);
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++)
      weights[i * n + j] = landscape->sizes[i] * landscape->sizes[j] *
                           landscape->propensities[i * n + j];
  problem->scale = choose_scale(weights, n, &problem->integral);
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++) {
      int32_t w = (int32_t)nearbyint(weights[i * n + j] * problem->scale);
      problem->w[i * problem->stride + j] = w;
      if (j > i) problem->pair_sum += w;
    }
  free(weights);
  return ORB_OK;
}

void align_problem_free(align_problem *problem) {
  free(problem->w);
  problem->w = NULL;
}

void align_canonical(uint8_t *blocs, size_t n) {
  uint8_t map[256];
  memset(map, 0xff, sizeof map);
  uint8_t next = 0;
  for (size_t i = 0; i < n; i++) {
    if (map[blocs[i]] == 0xff) map[blocs[i]] = next++;
    blocs[i] = map[blocs[i]];
  }
}

uint64_t orb_align_configuration_count(size_t actor_count, unsigned blocs) {
  /* S(m, j) row by row, saturating; j <= blocs <= ORB_ALIGN_MAX_BLOCS. */
  if (blocs > ORB_ALIGN_MAX_BLOCS) blocs = ORB_ALIGN_MAX_BLOCS;
  uint64_t row[ORB_ALIGN_MAX_BLOCS + 1] = {1};
  for (size_t m = 1; m <= actor_count; m++) {
    for (unsigned j = blocs; j >= 1; j--) {
      uint64_t a = row[j], b = row[j - 1];
      uint64_t product = a > UINT64_MAX / j ? UINT64_MAX : a * j;
      row[j] = product > UINT64_MAX - b ? UINT64_MAX : product + b;
    }
    row[0] = 0;
  }
  uint64_t total = 0;
  for (unsigned j = 1; j <= blocs; j++)
    total = row[j] > UINT64_MAX - total ? UINT64_MAX : total + row[j];
  return total;
}
