/*
 * bench_align.c: speed of the exhaustive two-bloc search. Prints, for n = 24, 28,
 * 32 and 36 actors on 1 and 2 threads, the wall time and configurations per second
 * of orb_align_solve() (minima only), the cost of also counting basins at n = 24,
 * the three-bloc search at n = 18, and the ratio against a naive enumerator measured in the same run (every
 * configuration's energy and stability recomputed from the definition, O(n^2)).
 *
 * Two-bloc times are the best of three runs (one run at n = 36), since the machine
 * may be shared.
 *
 * Usage: bench_align [MAX_N]   (default 36; e.g. 32 to skip the 36-actor runs)
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "orbit/align.h"

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* A fixed pseudo-random landscape: sizes 1..10, integer propensities -5..5. */
static orb_landscape *make_landscape(size_t n) {
  orb_landscape *l;
  if (orb_landscape_new(n, &l) != ORB_OK) exit(1);
  uint64_t x = 0x9E3779B97F4A7C15u ^ n;
  for (size_t i = 0; i < n; i++) {
    x = x * 6364136223846793005u + 1442695040888963407u;
    l->sizes[i] = 1 + (double)((x >> 33) % 10);
  }
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++) {
      x = x * 6364136223846793005u + 1442695040888963407u;
      orb_landscape_set_propensity(l, i, j, (double)((x >> 33) % 11) - 5.0);
    }
  return l;
}

/* The baseline: all 2^(n-1) configurations, each energy and each of its n
 * neighbours' energies recomputed in full. Returns configurations per second. */
static double naive_rate(size_t n, size_t *minima) {
  orb_landscape *l = make_landscape(n);
  double *w = malloc(n * n * sizeof *w);
  for (size_t i = 0; i < n * n; i++)
    w[i] = l->sizes[i / n] * l->sizes[i % n] * l->propensities[i];
  uint64_t count = UINT64_C(1) << (n - 1);
  *minima = 0;
  double start = now();
  for (uint64_t c = 0; c < count; c++) {
    uint64_t code = c << 1;
    double energy = 0;
    for (size_t i = 0; i < n; i++)
      for (size_t j = i + 1; j < n; j++)
        if (((code >> i) ^ (code >> j)) & 1) energy += w[i * n + j];
    int stable = 1;
    for (size_t a = 0; a < n && stable; a++) {
      uint64_t moved = code ^ (UINT64_C(1) << a);
      double e = 0;
      for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
          if (((moved >> i) ^ (moved >> j)) & 1) e += w[i * n + j];
      if (e < energy) stable = 0;
    }
    *minima += (size_t)stable;
  }
  double rate = (double)count / (now() - start);
  free(w);
  orb_landscape_free(l);
  return rate;
}

/* Solves the n-actor landscape for k blocs; returns wall seconds and the number of
 * minima. */
static double timed_solve_k(size_t n, unsigned k, int threads, int basins,
                            size_t *minima) {
  orb_landscape *l = make_landscape(n);
  orb_align_options options;
  orb_align_options_default(&options);
  options.blocs = k;
  options.threads = threads;
  options.basins = basins;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_align_result *r;
  double start = now();
  if (orb_align_solve(l, &options, &r, &diags) != ORB_OK) {
    orb_diags_print(&diags, stderr);
    exit(1);
  }
  double seconds = now() - start;
  *minima = r->minimum_count;
  orb_align_result_free(r);
  orb_diags_free(&diags);
  orb_landscape_free(l);
  return seconds;
}

/* Two blocs. */
static double timed_solve(size_t n, int threads, int basins, size_t *minima) {
  return timed_solve_k(n, 2, threads, basins, minima);
}

int main(int argc, char **argv) {
  size_t max_n = argc > 1 ? (size_t)atoi(argv[1]) : 36;
  size_t base_n = 20, base_minima;
  double base = naive_rate(base_n, &base_minima);
  size_t check_minima;
  timed_solve(base_n, 1, 0, &check_minima);
  printf("baseline: naive full recompute, n=%zu, 1 thread: %.3g configurations/s "
         "(%zu minima; fast search finds %zu)\n",
         base_n, base, base_minima, check_minima);
  printf("%-4s %-8s %-12s %-16s %-10s %s\n", "n", "threads", "best_wall_s", "configs_per_s",
         "minima", "speedup_vs_baseline");
  for (size_t n = 24; n <= max_n && n <= 36; n += 4)
    for (int threads = 1; threads <= 2; threads++) {
      size_t minima;
      double seconds = timed_solve(n, threads, 0, &minima);
      /* The machine may be shared: the best of three runs (one at n = 36). */
      for (int repeat = 1; repeat < (n < 36 ? 3 : 1); repeat++) {
        double again = timed_solve(n, threads, 0, &minima);
        if (again < seconds) seconds = again;
      }
      double rate = (double)(UINT64_C(1) << (n - 1)) / seconds;
      printf("%-4zu %-8d %-12.3f %-16.3g %-10zu %.0fx\n", n, threads, seconds, rate,
             minima, rate / base);
      fflush(stdout);
    }
  for (int threads = 1; threads <= 2; threads++) {
    size_t minima;
    double seconds = timed_solve(24, threads, 1, &minima);
    printf("basins n=24, %d thread%s: %.3f s (%.3g configurations/s, %.0fx baseline)\n",
           threads, threads == 1 ? "" : "s", seconds,
           (double)(UINT64_C(1) << 23) / seconds,
           (double)(UINT64_C(1) << 23) / seconds / base);
  }
  for (int threads = 1; threads <= 2; threads++) {
    size_t minima;
    double seconds = timed_solve_k(18, 3, threads, 0, &minima);
    double count = (double)orb_align_configuration_count(18, 3);
    printf("three blocs n=18 (%.3g configurations), %d thread%s: %.3f s (%.3g "
           "configurations/s)\n",
           count, threads, threads == 1 ? "" : "s", seconds, count / seconds);
  }
  return 0;
}
