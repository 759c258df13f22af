/*
 * test_exact.c: the exhaustive searches against the brute-force reference on many
 * random landscapes (minima, energies and basins exactly), and the properties
 * every answer must have: balance, relabelling, bloc swapping, thread counts.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "align/align_internal.h"
#include "brute.h"

/* Solves with k blocs and the given threads; fails the test on error. */
static orb_align_result *solve(const orb_landscape *l, unsigned k, int threads) {
  orb_align_options options;
  orb_align_options_default(&options);
  options.blocs = k;
  options.threads = threads;
  return test_align_solve(l, &options);
}

/* Asserts that a result holds exactly the brute-force minima and basins. */
static void assert_matches_brute(const orb_landscape *l, unsigned k,
                                 const orb_align_result *r) {
  brute_minimum *expected;
  size_t count = brute_minima(l, k, &expected);
  size_t n = l->actor_count;
  assert_int_equal(r->minimum_count, count);
  assert_int_equal(r->minima_total, count);
  uint64_t basin_sum = 0;
  for (size_t m = 0; m < count; m++) {
    assert_memory_equal(r->minima[m].blocs, expected[m].blocs, n);
    assert_true(r->minima[m].energy == expected[m].energy);
    assert_int_equal(r->minima[m].basin, expected[m].basin);
    basin_sum += expected[m].basin;
  }
  assert_int_equal(r->basin_total, basin_sum);
  assert_int_equal(r->configurations, orb_align_configuration_count(n, k));
  /* Frequencies: basin-weighted share of each actor in each bloc. */
  for (size_t i = 0; i < n; i++)
    for (unsigned b = 0; b < k; b++) {
      double share = 0;
      for (size_t m = 0; m < count; m++)
        if (expected[m].blocs[i] == b) share += (double)expected[m].basin;
      assert_float_equal(r->frequency[i * k + b], share / (double)basin_sum, 1e-12);
    }
  free(expected);
}

/* Two blocs, n = 2..13: the Gray-code search equals brute force exactly. */
static void test_two_blocs_equal_brute_force(void **state) {
  (void)state;
  uint64_t rng = 42;
  for (int trial = 0; trial < 144; trial++) {
    size_t n = 2 + (size_t)trial % 12;
    double zeros = (trial % 3) * 0.3; /* many zeros make ties and plateaus */
    orb_landscape *l = brute_random_landscape(n, 1 + trial % 4, 3, zeros, &rng);
    orb_align_result *r = solve(l, 2, 1 + trial % 3);
    assert_true(r->exhaustive && r->proven_optimal && r->basins);
    assert_true(r->resolution == 0);
    assert_matches_brute(l, 2, r);
    orb_align_result_free(r);
    orb_landscape_free(l);
  }
}

/* Two blocs at n = 16, the size the issue names. */
static void test_two_blocs_sixteen_actors(void **state) {
  (void)state;
  uint64_t rng = 7;
  for (int trial = 0; trial < 1; trial++) {
    orb_landscape *l = brute_random_landscape(16, 3, 2, 0.2, &rng);
    orb_align_result *r = solve(l, 2, 2);
    assert_matches_brute(l, 2, r);
    orb_align_result_free(r);
    orb_landscape_free(l);
  }
}

/* Three and four blocs: the restricted-growth search equals brute force. */
static void test_k_blocs_equal_brute_force(void **state) {
  (void)state;
  uint64_t rng = 99;
  for (int trial = 0; trial < 84; trial++) {
    unsigned k = 3 + trial % 2;
    size_t n = 2 + (size_t)trial % (k == 3 ? 8 : 6);
    orb_landscape *l = brute_random_landscape(n, 3, 3, (trial % 3) * 0.3, &rng);
    orb_align_result *r = solve(l, k, 1 + trial % 2);
    assert_matches_brute(l, k, r);
    orb_align_result_free(r);
    orb_landscape_free(l);
  }
}

/* For two blocs the k-bloc search and the Gray-code search agree exactly. */
static void test_k_search_equals_gray_search(void **state) {
  (void)state;
  uint64_t rng = 5;
  for (int trial = 0; trial < 20; trial++) {
    orb_landscape *l = brute_random_landscape(10 + (size_t)trial % 8, 4, 3,
                                              (trial % 2) * 0.4, &rng);
    align_problem p;
    assert_int_equal(align_problem_init(&p, l, 2), ORB_OK);
    align_minima gray, rgs;
    align_minima_init(&gray, p.n, 1000);
    align_minima_init(&rgs, p.n, 1000);
    assert_int_equal(align_exact2(&p, 2, 1, &gray), ORB_OK);
    assert_int_equal(align_exactk(&p, 2, 1, &rgs), ORB_OK);
    assert_int_equal(gray.count, rgs.count);
    for (size_t m = 0; m < gray.count; m++) {
      align_record *a = align_minima_at(&gray, m), *b = align_minima_at(&rgs, m);
      assert_int_equal(a->energy, b->energy);
      assert_int_equal(a->basin, b->basin);
      assert_memory_equal(a->blocs, b->blocs, p.n);
    }
    align_minima_free(&gray);
    align_minima_free(&rgs);
    align_problem_free(&p);
    orb_landscape_free(l);
  }
}

/* A structurally balanced signed network: the planted split has zero frustration
 * (energy = sum of the negative weights) and is the unique global minimum. */
static void test_balanced_network_has_zero_frustration(void **state) {
  (void)state;
  uint64_t rng = 11;
  for (int trial = 0; trial < 10; trial++) {
    size_t n = 12 + (size_t)trial;
    orb_landscape *l;
    assert_int_equal(orb_landscape_new(n, &l), ORB_OK);
    uint8_t planted[32];
    for (size_t i = 0; i < n; i++) planted[i] = i == 0 ? 0 : brute_random(&rng) & 1;
    double negative_sum = 0;
    for (size_t i = 0; i < n; i++)
      for (size_t j = i + 1; j < n; j++) {
        double sign = planted[i] == planted[j] ? 1 : -1;
        orb_landscape_set_propensity(l, i, j, sign);
        if (sign < 0) negative_sum += sign;
      }
    orb_align_result *r = solve(l, 2, 2);
    assert_true(r->minima[0].energy == negative_sum);
    assert_memory_equal(r->minima[0].blocs, planted, n);
    assert_true(r->minimum_count < 2 || r->minima[1].energy > negative_sum);
    orb_align_result_free(r);
    orb_landscape_free(l);
  }
}

/* Relabelling the actors permutes the answer: each minimum maps to the permuted
 * minimum with the same energy, and, where no two moves tie (real weights), the
 * same basin (steepest descent breaks ties by actor order, so with ties basins
 * may differ). Swapping bloc labels keeps every energy. */
static void test_relabelling_and_bloc_swap(void **state) {
  (void)state;
  uint64_t rng = 3;
  for (int trial = 0; trial < 20; trial++) {
    size_t n = 6 + (size_t)trial % 10;
    unsigned k = 2 + trial % 2;
    if (k == 3 && n > 11) n = 11;
    int tie_free = trial % 2;
    orb_landscape *l = brute_random_landscape(n, 4, 3, 0.2, &rng);
    if (tie_free)
      for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
          orb_landscape_set_propensity(
              l, i, j, ((double)(brute_random(&rng) % 20001) - 10000.0) / 7777.0);
    orb_landscape *permuted;
    assert_int_equal(orb_landscape_new(n, &permuted), ORB_OK);
    size_t order[32];
    for (size_t i = 0; i < n; i++) order[i] = i;
    for (size_t i = n; i-- > 1;) {
      size_t j = (size_t)(brute_random(&rng) % (i + 1)), t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    for (size_t i = 0; i < n; i++) {
      permuted->sizes[i] = l->sizes[order[i]];
      for (size_t j = 0; j < n; j++)
        permuted->propensities[i * n + j] = l->propensities[order[i] * n + order[j]];
    }
    orb_align_result *a = solve(l, k, 1), *b = solve(permuted, k, 2);
    assert_int_equal(a->minimum_count, b->minimum_count);
    for (size_t m = 0; m < a->minimum_count; m++) {
      uint8_t mapped[32];
      for (size_t i = 0; i < n; i++) mapped[i] = a->minima[m].blocs[order[i]];
      align_canonical(mapped, n);
      size_t found = a->minimum_count;
      for (size_t x = 0; x < b->minimum_count; x++)
        if (memcmp(b->minima[x].blocs, mapped, n) == 0) found = x;
      assert_true(found < b->minimum_count);
      assert_float_equal(b->minima[found].energy, a->minima[m].energy,
                         1e-9 * (1 + fabs(a->minima[m].energy)));
      if (tie_free) assert_int_equal(b->minima[found].basin, a->minima[m].basin);
      /* Bloc swap: label b -> (b + 1) mod k leaves the energy unchanged. */
      uint8_t swapped[32];
      for (size_t i = 0; i < n; i++) swapped[i] = (uint8_t)((a->minima[m].blocs[i] + 1) % k);
      assert_float_equal(orb_landscape_energy(l, swapped), a->minima[m].energy,
                         1e-9 * (1 + fabs(a->minima[m].energy)));
    }
    orb_align_result_free(a);
    orb_align_result_free(b);
    orb_landscape_free(l);
    orb_landscape_free(permuted);
  }
}

/* The same answer, byte for byte, with 1, 2, 3 and 4 threads. */
static void test_thread_count_does_not_change_results(void **state) {
  (void)state;
  uint64_t rng = 17;
  orb_landscape *l = brute_random_landscape(19, 5, 4, 0.1, &rng);
  orb_align_result *one = solve(l, 2, 1);
  for (int threads = 2; threads <= 4; threads++) {
    orb_align_result *r = solve(l, 2, threads);
    assert_int_equal(r->minimum_count, one->minimum_count);
    for (size_t m = 0; m < r->minimum_count; m++) {
      assert_memory_equal(r->minima[m].blocs, one->minima[m].blocs, 19);
      assert_int_equal(r->minima[m].basin, one->minima[m].basin);
    }
    orb_align_result_free(r);
  }
  orb_align_result_free(one);
  orb_landscape_free(l);
}

/* Real-valued weights go through the integer quantisation; with no near-ties the
 * minima are those of the brute force and energies agree to the resolution. */
static void test_real_weights(void **state) {
  (void)state;
  uint64_t rng = 23;
  for (int trial = 0; trial < 20; trial++) {
    size_t n = 4 + (size_t)trial % 9;
    orb_landscape *l;
    assert_int_equal(orb_landscape_new(n, &l), ORB_OK);
    for (size_t i = 0; i < n; i++)
      l->sizes[i] = 0.5 + (double)(brute_random(&rng) % 1000) / 250.0;
    for (size_t i = 0; i < n; i++)
      for (size_t j = i + 1; j < n; j++)
        orb_landscape_set_propensity(
            l, i, j, ((double)(brute_random(&rng) % 20001) - 10000.0) / 7777.0);
    orb_align_result *r = solve(l, 2, 2);
    assert_true(r->resolution > 0 && r->resolution < 1e-6);
    brute_minimum *expected;
    size_t count = brute_minima(l, 2, &expected);
    assert_int_equal(r->minimum_count, count);
    for (size_t m = 0; m < count; m++) {
      assert_memory_equal(r->minima[m].blocs, expected[m].blocs, n);
      assert_int_equal(r->minima[m].basin, expected[m].basin);
    }
    free(expected);
    orb_align_result_free(r);
    orb_landscape_free(l);
  }
}

/* The generic, AVX2 and AVX-512 kernels (as far as this processor has them) give
 * the same minima and basins. */
static void test_instruction_sets_agree(void **state) {
  (void)state;
  uint64_t rng = 29;
  orb_landscape *l = brute_random_landscape(20, 5, 4, 0.2, &rng);
  const char *isas[] = {"generic", "avx2", "avx512"};
  orb_align_result *results[3];
  for (int i = 0; i < 3; i++) {
    setenv("ORBIT_ALIGN_ISA", isas[i], 1);
    results[i] = solve(l, 2, 2);
  }
  unsetenv("ORBIT_ALIGN_ISA");
  for (int i = 1; i < 3; i++) {
    assert_int_equal(results[i]->minimum_count, results[0]->minimum_count);
    for (size_t m = 0; m < results[0]->minimum_count; m++) {
      assert_memory_equal(results[i]->minima[m].blocs, results[0]->minima[m].blocs, 20);
      assert_int_equal(results[i]->minima[m].basin, results[0]->minima[m].basin);
    }
  }
  for (int i = 0; i < 3; i++) orb_align_result_free(results[i]);
  orb_landscape_free(l);
}

/* All propensities zero: every configuration is a (degenerate) minimum, its own
 * basin. Only the max_minima lowest are kept, and the total is still counted. */
static void test_minima_cap(void **state) {
  (void)state;
  orb_landscape *l;
  assert_int_equal(orb_landscape_new(12, &l), ORB_OK);
  for (unsigned k = 2; k <= 3; k++) {
    orb_align_options options;
    orb_align_options_default(&options);
    options.blocs = k;
    options.max_minima = 100;
    orb_diags diags;
    orb_diags_init(&diags);
    orb_align_result *r;
    assert_int_equal(orb_align_solve(l, &options, &r, &diags), ORB_OK);
    assert_int_equal(r->minimum_count, 100);
    assert_int_equal(r->minima_total, orb_align_configuration_count(12, k));
    assert_int_equal(r->basin_total, orb_align_configuration_count(12, k));
    for (size_t m = 0; m < 100; m++) {
      assert_true(r->minima[m].energy == 0);
      assert_int_equal(r->minima[m].basin, 1);
      if (m) assert_true(memcmp(r->minima[m - 1].blocs, r->minima[m].blocs, 12) < 0);
    }
    orb_align_result_free(r);
    orb_diags_free(&diags);
  }
  orb_landscape_free(l);
}

/* One actor: one configuration, energy 0. Bad options are refused. */
static void test_single_actor_and_bad_options(void **state) {
  (void)state;
  orb_landscape *l;
  assert_int_equal(orb_landscape_new(1, &l), ORB_OK);
  orb_align_result *r = solve(l, 2, 1);
  assert_int_equal(r->minimum_count, 1);
  assert_true(r->minima[0].energy == 0);
  assert_int_equal(r->minima[0].basin, 1);
  orb_align_result_free(r);
  orb_align_options options;
  orb_align_options_default(&options);
  options.blocs = 1;
  orb_diags diags;
  orb_diags_init(&diags);
  assert_int_equal(orb_align_solve(l, &options, &r, &diags), ORB_EINVAL);
  assert_null(r);
  assert_int_equal(diags.count, 1);
  orb_diags_free(&diags);
  orb_landscape_free(l);
}

/* Configuration counts: sums of Stirling numbers of the second kind. */
static void test_configuration_count(void **state) {
  (void)state;
  assert_int_equal(orb_align_configuration_count(16, 2), 32768);
  assert_int_equal(orb_align_configuration_count(5, 3), 1 + 15 + 25);
  assert_int_equal(orb_align_configuration_count(4, 4), 15); /* Bell number B4 */
  assert_int_equal(orb_align_configuration_count(10, 16), 115975); /* B10 */
  assert_int_equal(orb_align_configuration_count(36, 2), UINT64_C(1) << 35);
  assert_int_equal(orb_align_configuration_count(200, 16), UINT64_MAX);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_two_blocs_equal_brute_force),
      cmocka_unit_test(test_two_blocs_sixteen_actors),
      cmocka_unit_test(test_k_blocs_equal_brute_force),
      cmocka_unit_test(test_k_search_equals_gray_search),
      cmocka_unit_test(test_balanced_network_has_zero_frustration),
      cmocka_unit_test(test_relabelling_and_bloc_swap),
      cmocka_unit_test(test_thread_count_does_not_change_results),
      cmocka_unit_test(test_real_weights),
      cmocka_unit_test(test_instruction_sets_agree),
      cmocka_unit_test(test_minima_cap),
      cmocka_unit_test(test_single_actor_and_bad_options),
      cmocka_unit_test(test_configuration_count),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
