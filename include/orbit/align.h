/*
 * orbit/align.h: alignment landscapes (Axelrod & Bennett 1993), the frustration of
 * signed networks, and the search for every stable split of actors into blocs.
 *
 * A landscape holds n actors with sizes s_i > 0 and a symmetric propensity matrix
 * p_ij (zero diagonal). A configuration puts every actor in one of k blocs; its
 * energy is E = sum over pairs i<j of s_i s_j p_ij d_ij, d_ij = 1 when i and j are
 * in different blocs. Stable configurations are local minima: no single actor can
 * move to another bloc and lower E. docs/MODEL.md, "Alignment landscapes", gives
 * the equations, the search and the rule that derives a landscape from a world.
 *
 * Configurations are reported in canonical form (a restricted growth string): actor
 * 0 is in bloc 0 and bloc b+1 is opened by the lowest actor outside blocs 0..b, so
 * relabelling the blocs never counts one split twice.
 */
#ifndef ORBIT_ALIGN_H
#define ORBIT_ALIGN_H

#include "orbit/core.h"
#include "orbit/world.h"

#ifdef __cplusplus
extern "C" {
#endif

ORB_BEGIN_API

/* Exhaustive search is allowed up to this many configurations: 2^35 for two blocs
 * (the Gray-code search, 36 actors, well under a minute on two cores) and 2^32 for
 * more (the plain enumeration is ten times slower per configuration: three blocs of
 * 21 actors); beyond it the search needs the heuristic. */
#define ORB_ALIGN_EXACT_MAX_CONFIGS (UINT64_C(1) << 35)
#define ORB_ALIGN_EXACT_MAX_CONFIGS_K (UINT64_C(1) << 32)
/* Most blocs and actors a landscape can be searched with. */
#define ORB_ALIGN_MAX_BLOCS 16
#define ORB_ALIGN_MAX_ACTORS 4096

/* Actors, sizes and pairwise propensities. Owns all its memory. */
typedef struct orb_landscape {
  size_t actor_count;
  char **actors;        /* actor_count names */
  double *sizes;        /* actor_count sizes, > 0 */
  double *propensities; /* actor_count^2, row-major, symmetric, zero diagonal */
} orb_landscape;

/* A new landscape of n actors named "1".."n", sizes 1, propensities 0.
 * Caller frees with orb_landscape_free(). */
orb_status orb_landscape_new(size_t actor_count, orb_landscape **landscape);

/* Frees a landscape; NULL is allowed. */
void orb_landscape_free(orb_landscape *landscape);

/* Renames actor i (the name is copied). */
orb_status orb_landscape_set_name(orb_landscape *landscape, size_t actor,
                                  const char *name);

/* Sets p_ij and p_ji. */
void orb_landscape_set_propensity(orb_landscape *landscape, size_t i, size_t j,
                                  double propensity);

/* Checks sizes (finite, > 0), propensities (finite, symmetric, zero diagonal),
 * names (non-empty, unique) and the actor count (1..ORB_ALIGN_MAX_ACTORS).
 * Every problem is added to diags under the name `file`; ORB_EINVAL if any. */
orb_status orb_landscape_check(const orb_landscape *landscape, const char *file,
                               orb_diags *diags);

/* Reads a signed edge list: CSV lines "a,b,w" (w a sign or any finite weight,
 * an optional header line, '#' comments). Actors are numbered in order of first
 * appearance, sizes are 1, p_ab = w. Self-loops, duplicate pairs, non-finite or
 * missing weights are reported as FILE:LINE:COL errors (ORB_EPARSE); ORB_EIO when
 * the file cannot be read. On success the caller frees *landscape. */
orb_status orb_landscape_read_signed(const char *path, orb_landscape **landscape,
                                     orb_diags *diags);
orb_status orb_landscape_read_signed_buffer(const char *name, const char *data,
                                            size_t len, orb_landscape **landscape,
                                            orb_diags *diags);

/* Reads a YAML landscape file (docs/MODEL.md gives the format): `actors` (list of
 * names), optional `sizes` (list, default 1), and `propensities`, either a full
 * matrix (list of rows) or a list of [a, b, p] triples; optional `name`, `source`
 * and `blocs` (the number of blocs the author suggests; *blocs gets it, or 0; the
 * pointer may be NULL). Errors as orb_landscape_read_signed(). */
orb_status orb_landscape_read_yaml(const char *path, orb_landscape **landscape,
                                   unsigned *blocs, orb_diags *diags);
orb_status orb_landscape_read_yaml_buffer(const char *name, const char *data,
                                          size_t len, orb_landscape **landscape,
                                          unsigned *blocs, orb_diags *diags);

/* Derives a landscape from a world on a date by the rule of docs/MODEL.md (ties
 * and shared memberships pull together, hostile events push apart; sizes are the
 * `capability` attribute). Actors are the world's states and blocs. Problems (no
 * actors, a non-finite attribute) are added to diags; the caller frees *landscape. */
orb_status orb_landscape_from_world(const orb_world *world, orb_date date,
                                    orb_landscape **landscape, orb_diags *diags);

/* Energy of a configuration: blocs[i] is actor i's bloc (any labels). */
double orb_landscape_energy(const orb_landscape *landscape, const uint8_t *blocs);

/* Frustration of a configuration: the sum of |s_i s_j p_ij| over the pairs it
 * violates (a positive pair apart, a negative pair together); it equals the energy
 * minus the sum of the negative weights, and is 0 for a balanced split. */
double orb_landscape_frustration(const orb_landscape *landscape, const uint8_t *blocs);

/* How to search. */
typedef enum orb_align_method {
  ORB_ALIGN_AUTO = 0,  /* exhaustive when feasible, else an error (ORB_ELIMIT) */
  ORB_ALIGN_EXACT,     /* exhaustive, error when beyond ORB_ALIGN_EXACT_MAX_CONFIGS */
  ORB_ALIGN_HEURISTIC  /* exhaustive when feasible, else many-start local search */
} orb_align_method;

typedef struct orb_align_options {
  unsigned blocs;       /* k >= 2 blocs at most (some may stay empty); default 2 */
  orb_align_method method;
  int threads;          /* OpenMP threads; 0 = OpenMP's default */
  int basins;           /* 1: count every configuration's basin (exhaustive only) */
  size_t max_minima;    /* keep at most this many minima, the lowest; default 1e5
                           (fewer for large n: at most 32 MiB of them) */
  uint64_t seed;        /* heuristic: random seed */
  uint64_t restarts;    /* heuristic: random starts; 0 = 1000 k + 20 n, at most
                           2e10 / (n^2 k) (the work of a start grows as n^2 k),
                           at least 100 */
} orb_align_options;

/* Fills defaults: 2 blocs, AUTO, default threads, basins on, 100000 minima. */
void orb_align_options_default(orb_align_options *options);

/* One local minimum. */
typedef struct orb_align_minimum {
  uint8_t *blocs;    /* actor_count canonical bloc labels (points into the result) */
  double energy;     /* E in the landscape's units */
  uint64_t basin;    /* configurations (or random starts) whose steepest descent
                        ends here; 0 when basins were not computed */
} orb_align_minimum;

typedef struct orb_align_result {
  size_t actor_count;
  unsigned blocs;           /* k */
  int exhaustive;           /* 1: every configuration was examined */
  int proven_optimal;       /* 1: minima[0] is a global minimum */
  double lower_bound;       /* a lower bound on E (the optimum when proven) */
  int basins;               /* 1: basins counted (exactly when exhaustive, else
                               hits among the random starts) */
  uint64_t configurations;  /* configurations examined or random starts made */
  uint64_t basin_total;     /* sum of all basins (the denominator of shares) */
  uint64_t minima_total;    /* local minima found, possibly more than kept */
  double resolution;        /* energy quantum 1/c of the integer search (0 for
                               integer weights, searched exactly); energies closer
                               than n(n-1)/4 quanta may be ordered otherwise than
                               in exact arithmetic */
  orb_align_minimum *minima; /* minimum_count, by energy then configuration */
  size_t minimum_count;
  double *frequency;        /* actor_count * blocs: share of basin weight (or of
                               minima when basins is 0) placing actor i in bloc b */
  uint8_t *storage;         /* private: the minima's bloc labels */
} orb_align_result;

/* Searches the landscape. On success *result is new (caller frees with
 * orb_align_result_free()). ORB_ELIMIT with a diagnostic when the exhaustive
 * search is too large and the method does not allow the heuristic; ORB_EINVAL
 * for a landscape that fails orb_landscape_check() or bad options. */
orb_status orb_align_solve(const orb_landscape *landscape,
                           const orb_align_options *options,
                           orb_align_result **result, orb_diags *diags);

/* Frees a result; NULL is allowed. */
void orb_align_result_free(orb_align_result *result);

/* Share of the kept minima, weighted by basin (or each counting once when basins
 * were not counted), that put actors i and j in the same bloc: how often i sides
 * with a pole j, whatever the blocs' labels. 1 when i == j. */
double orb_align_together(const orb_align_result *result, size_t i, size_t j);

/* Number of configurations of n actors into at most k blocs up to relabelling
 * (sum of Stirling numbers S(n, j), j <= k), saturating at UINT64_MAX. */
uint64_t orb_align_configuration_count(size_t actor_count, unsigned blocs);

ORB_END_API

#ifdef __cplusplus
}
#endif
#endif
