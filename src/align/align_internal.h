/*
 * align_internal.h: what the files of src/align share: the search problem with
 * integer weights, the list of minima, and the searches themselves.
 */
#ifndef ORB_ALIGN_INTERNAL_H
#define ORB_ALIGN_INTERNAL_H

#include <stdint.h>

#include "orbit/align.h"

/* Rows of integer weights are padded to a multiple of this many lanes (64 bytes). */
#define ALIGN_LANES 16

/* The landscape as the searches see it: w_ij = round(scale * s_i s_j p_ij) as
 * int32, so that every field (a row sum) fits in 2^29 and updates are exact. */
typedef struct align_problem {
  size_t n;
  unsigned k;
  size_t stride;      /* padded row length, a multiple of ALIGN_LANES */
  int32_t *w;         /* n * stride integer weights, zero padding, 64-byte aligned */
  double scale;       /* integer weight per unit of s_i s_j p_ij */
  int integral;       /* 1: the weights are integers, taken as they are */
  int64_t pair_sum;   /* sum over i<j of w_ij: E(X) = pair_sum - same-bloc sum */
  const orb_landscape *landscape;
} align_problem;

/* Builds the integer problem of a checked landscape for k blocs. ORB_ENOMEM. */
orb_status align_problem_init(align_problem *problem, const orb_landscape *landscape,
                              unsigned k);
void align_problem_free(align_problem *problem);

/* A growing list of minima: (integer energy, canonical blocs, basin count) records,
 * kept to the `keep` lowest by (energy, blocs) once sorted; `keep` is capped so that
 * a list holds at most 32 MiB of records (about 8000 minima of 4096 actors). */
typedef struct align_minima {
  size_t n;            /* actors per record */
  size_t record_size;
  size_t keep;
  size_t count, capacity;
  unsigned char *records;
  uint64_t total;      /* minima ever added, distinct */
} align_minima;

typedef struct align_record {
  int64_t energy;
  uint64_t basin;
  uint32_t n;
  uint8_t blocs[];
} align_record;

void align_minima_init(align_minima *minima, size_t n, size_t keep);
void align_minima_free(align_minima *minima);
/* The i-th record. */
align_record *align_minima_at(const align_minima *minima, size_t i);
/* Appends a minimum (blocs canonical). total counts it as distinct when `fresh`.
 * Sorts and trims when the list has grown to twice `keep`. ORB_ENOMEM. */
orb_status align_minima_add(align_minima *minima, int64_t energy, const uint8_t *blocs,
                            uint64_t basin, int fresh);
/* Appends every record of `from` (its total is added to ours). ORB_ENOMEM. */
orb_status align_minima_merge(align_minima *minima, const align_minima *from);
/* Sorts by (energy, blocs), merges equal configurations (summing basins) and keeps
 * the `keep` lowest. */
void align_minima_finish(align_minima *minima);

/* Relabels blocs[0..n) into canonical form (restricted growth string). */
void align_canonical(uint8_t *blocs, size_t n);

/* Exhaustive two-bloc search by Gray code (n <= 36): adds every local minimum to
 * `minima`, and when basins is set counts each configuration's steepest-descent
 * end into the minima's basins. ORB_ENOMEM. */
orb_status align_exact2(const align_problem *problem, int threads, int basins,
                        align_minima *minima);

/* Exhaustive k-bloc search over restricted growth strings (any k >= 2). */
orb_status align_exactk(const align_problem *problem, int threads, int basins,
                        align_minima *minima);

/* Many-start steepest descent (restarts random starts from seed); basins are the
 * hits of each minimum. Sets *lower_bound to a lower bound on the integer energy. */
orb_status align_heuristic(const align_problem *problem, int threads,
                           uint64_t seed, uint64_t restarts, align_minima *minima,
                           int64_t *lower_bound);

/* Steepest descent for k blocs from blocs[] (any labels, changed in place) with
 * fields F (k * n, F[b*n+i] = sum of w_ij over j in bloc b), updated in place.
 * Moves the actor and bloc that lower E most (ties: lowest actor, then the bloc
 * with the lowest first member, empty blocs last) until none lowers it. */
void align_descend(const align_problem *problem, uint8_t *blocs, int32_t *fields);

/* Fields F (k * n) of a configuration, from scratch. */
void align_fields(const align_problem *problem, const uint8_t *blocs, int32_t *fields);

/* Integer energy of a configuration from its fields. */
int64_t align_energy_from_fields(const align_problem *problem, const uint8_t *blocs,
                                 const int32_t *fields);

/* 1 when no single move lowers the energy. */
int align_is_stable(const align_problem *problem, const uint8_t *blocs,
                    const int32_t *fields);

#endif
