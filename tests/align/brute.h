/*
 * brute.h: a plain brute-force reference for the alignment searches, used only by
 * the tests (with their checked search, test_align_solve): every configuration, every energy and every move recomputed from the
 * definition, nothing incremental.
 */
#ifndef ORB_TEST_ALIGN_BRUTE_H
#define ORB_TEST_ALIGN_BRUTE_H

#include <stdint.h>

#include "orbit/align.h"

/* One local minimum found by brute force. */
typedef struct brute_minimum {
  uint8_t blocs[32];
  double energy;
  uint64_t basin;
} brute_minimum;

/* All local minima of the landscape for k blocs (n <= 16), sorted by energy then
 * blocs, with exact basins under steepest descent. Returns the number found; the
 * caller frees *minima. */
size_t brute_minima(const orb_landscape *landscape, unsigned k, brute_minimum **minima);

/* A random landscape of n actors: sizes 1..max_size, propensities integers in
 * [-range, range], a share `zeros` (0..1) of them zero. */
orb_landscape *brute_random_landscape(size_t n, int max_size, int range, double zeros,
                                      uint64_t *state);

/* orb_align_solve with these options, failing the test (cmocka) on an error;
 * the caller frees the result. */
orb_align_result *test_align_solve(const orb_landscape *landscape,
                                   const orb_align_options *options);

/* Next number of a xorshift64* stream. */
uint64_t brute_random(uint64_t *state);

#endif
