/*
 * orbit/bargain.h: multi-actor bargaining with KTAB's Spatial Model of Politics
 * (docs/MODEL.md, "Bargaining"). Actors with a capability, a position and a
 * salience on each policy dimension challenge each other and settle on
 * compromises turn by turn until positions stop moving.
 *
 * A scenario holds the inputs (read from KTAB's CSV or XML formats, or filled by
 * a world loader); orb_bargain_run() plays one run of it and returns a result
 * with every actor's position at every turn and the final outcome distribution.
 * Positions and saliences are on KTAB's 0..100 scale throughout the API.
 */
#ifndef ORBIT_BARGAIN_H
#define ORBIT_BARGAIN_H

#include "orbit/core.h"
#include "orbit/world.h"

#ifdef __cplusplus
extern "C" {
#endif

ORB_BEGIN_API

/* ---- model options (KTAB's names and defaults) ------------------------------ */

/* How an actor's utility difference becomes a vote (KTAB VotingRule). */
typedef enum orb_bargain_voting {
  ORB_VOTE_BINARY, ORB_VOTE_PROPBIN, ORB_VOTE_PROP, ORB_VOTE_PROPCBC,
  ORB_VOTE_CUBIC, ORB_VOTE_ASYMPROSP
} orb_bargain_voting;

/* How coalition strengths become a victory probability (KTAB VPModel). */
typedef enum orb_bargain_victory {
  ORB_VICTORY_LINEAR, ORB_VICTORY_SQUARE, ORB_VICTORY_QUARTIC,
  ORB_VICTORY_OCTIC, ORB_VICTORY_BINARY
} orb_bargain_victory;

/* Probabilistic Condorcet election over options (KTAB PCEModel). */
typedef enum orb_bargain_pce {
  ORB_PCE_CONDITIONAL, ORB_PCE_MARKOV_INCENTIVE, ORB_PCE_MARKOV_UNIFORM
} orb_bargain_pce;

/* Whether each actor takes its most probable bargain or draws one. */
typedef enum orb_bargain_transition {
  ORB_TRANSITION_DETERMINISTIC, ORB_TRANSITION_STOCHASTIC
} orb_bargain_transition;

/* Range of inferred risk attitudes: [0,1], [-1/2,1] or [-1,1] (KTAB BigRRange). */
typedef enum orb_bargain_risk_range {
  ORB_RISK_RANGE_MIN, ORB_RISK_RANGE_MID, ORB_RISK_RANGE_MAX
} orb_bargain_risk_range;

/* How much of another's risk attitude an actor perceives (KTAB BigRAdjust). */
typedef enum orb_bargain_risk_adjust {
  ORB_RISK_ADJUST_NONE, ORB_RISK_ADJUST_ONE_THIRD, ORB_RISK_ADJUST_HALF,
  ORB_RISK_ADJUST_TWO_THIRDS, ORB_RISK_ADJUST_FULL
} orb_bargain_risk_adjust;

/* How firmly third parties commit to a side (KTAB ThirdPartyCommit). */
typedef enum orb_bargain_commit {
  ORB_COMMIT_NO, ORB_COMMIT_SEMI, ORB_COMMIT_FULL
} orb_bargain_commit;

/* How a bargain interpolates between two positions (KTAB InterVecBrgn). */
typedef enum orb_bargain_interp {
  ORB_INTERP_S1P1, ORB_INTERP_S2P2, ORB_INTERP_S2PMAX
} orb_bargain_interp;

/* Whose interpolation is proposed (KTAB BargnModel). */
typedef enum orb_bargain_model {
  ORB_BARGAIN_INIT_ONLY, ORB_BARGAIN_INIT_RCVR, ORB_BARGAIN_PW_COMP
} orb_bargain_model;

/* The selectable options, in KTAB's XML order (<ModelParameters>). */
typedef enum orb_bargain_option {
  ORB_BOPT_VICTORY,     /* VictoryProbModel */
  ORB_BOPT_VOTING,      /* VotingRule */
  ORB_BOPT_PCE,         /* PCEModel */
  ORB_BOPT_TRANSITIONS, /* StateTransitions */
  ORB_BOPT_RISK_RANGE,  /* BigRRange */
  ORB_BOPT_RISK_ADJUST, /* BigRAdjust */
  ORB_BOPT_COMMIT,      /* ThirdPartyCommit */
  ORB_BOPT_INTERP,      /* InterVecBrgn */
  ORB_BOPT_MODEL,       /* BargnModel */
  ORB_BOPT_COUNT
} orb_bargain_option;

typedef struct orb_bargain_options {
  orb_bargain_victory victory;         /* Linear */
  orb_bargain_voting voting;           /* Prop */
  orb_bargain_pce pce;                 /* Conditional */
  orb_bargain_transition transitions;  /* Deterministic */
  orb_bargain_risk_range risk_range;   /* Mid */
  orb_bargain_risk_adjust risk_adjust; /* OneThird */
  orb_bargain_commit commit;           /* SemiCommit */
  orb_bargain_interp interp;           /* S2P2 */
  orb_bargain_model model;             /* InitOnlyInterp */
  unsigned max_turns;                  /* 100, KTAB's limit */
  int turn_probabilities;              /* also compute every turn's probabilities (0) */
} orb_bargain_options;

/* Fills o with KTAB's defaults (listed above). */
void orb_bargain_options_default(orb_bargain_options *o);

/* KTAB's XML element name of an option, e.g. "VotingRule". */
const char *orb_bargain_option_key(orb_bargain_option option);

/* The NULL-terminated value names of an option, in enum order ("Prop", ...). */
const char *const *orb_bargain_option_values(orb_bargain_option option);

/* Sets option to the value named (exact KTAB spelling, case-insensitive).
 * Returns ORB_EINVAL, leaving o unchanged, when the name is unknown. */
orb_status orb_bargain_options_set(orb_bargain_options *o, orb_bargain_option option,
                                   const char *value);

/* The name of option's current value in o (static string). */
const char *orb_bargain_options_get(const orb_bargain_options *o,
                                    orb_bargain_option option);

/* ---- scenarios ---------------------------------------------------------------- */

/* Limits on scenario size (KTAB allows 3..250 actors; memory grows as actors^2). */
#define ORB_BARGAIN_MIN_ACTORS 3
#define ORB_BARGAIN_MAX_ACTORS 1000
#define ORB_BARGAIN_MAX_DIMS 64

/* The inputs of a bargaining issue. Every pointer is malloc'ed and owned by the
 * scenario; a loader fills the arrays of a scenario from orb_bargain_scenario_new
 * and strdup's the names. Position and salience are actor-major:
 * [actor * dim_count + dim]. */
typedef struct orb_bargain_scenario {
  char *name;
  char *description;
  size_t actor_count;
  size_t dim_count;
  char **actor_names;      /* [actor] */
  char **actor_descs;      /* [actor], may hold empty strings */
  char **dim_names;        /* [dim] */
  double *capability;      /* [actor], > 0 and at most 1e15 */
  double *position;        /* [actor][dim], 0..100 */
  double *salience;        /* [actor][dim], 0..100, per actor sum in (0,100] */
  double *accommodation;   /* [actor][actor] ideal adjustment, NULL = identity */
  int has_seed;            /* the file named a seed (KTAB <prngSeed>) */
  uint64_t seed;
  int has_options;         /* the file set the options (KTAB <ModelParameters>) */
  orb_bargain_options options;
} orb_bargain_scenario;

/* A scenario of actors x dims with zeroed arrays and empty names, for a loader
 * to fill. Returns ORB_EINVAL for sizes outside the limits, ORB_ENOMEM. */
orb_status orb_bargain_scenario_new(size_t actors, size_t dims,
                                    orb_bargain_scenario **scenario);

/* Frees a scenario and everything it owns; NULL is allowed. */
void orb_bargain_scenario_free(orb_bargain_scenario *scenario);

/* Checks a filled scenario (capabilities > 0, positions and saliences in range,
 * saliences summing to (0,100], accommodation rows in [0,1] summing <= 1),
 * appending one message per problem to diags (file names the source). */
orb_status orb_bargain_scenario_check(const orb_bargain_scenario *scenario,
                                      const char *file, orb_diags *diags);

/* Reads KTAB's CSV scenario format (docs/MODEL.md). On failure *scenario is NULL
 * and diags holds FILE:LINE:COL messages; returns ORB_EPARSE or ORB_EIO. */
orb_status orb_bargain_read_csv(const char *path, orb_bargain_scenario **scenario,
                                orb_diags *diags);
orb_status orb_bargain_read_csv_buffer(const char *name, const char *data, size_t len,
                                       orb_bargain_scenario **scenario,
                                       orb_diags *diags);

/* Reads KTAB's XML scenario format (smpSchema.xsd), the same way. */
orb_status orb_bargain_read_xml(const char *path, orb_bargain_scenario **scenario,
                                orb_diags *diags);
orb_status orb_bargain_read_xml_buffer(const char *name, const char *data, size_t len,
                                       orb_bargain_scenario **scenario,
                                       orb_diags *diags);

/* Reads either format, telling them apart by the first character ('<' is XML). */
orb_status orb_bargain_read(const char *path, orb_bargain_scenario **scenario,
                            orb_diags *diags);

/* A scenario from the world's bargaining issue number `bargain` (world->bargains):
 * actors named by their world ids, capabilities as given or from the issue's
 * capability attribute as of its year. The caller frees it. ORB_EINVAL for an
 * index out of range, ORB_ENOMEM. */
orb_status orb_bargain_scenario_from_world(const orb_world *world, size_t bargain,
                                           orb_bargain_scenario **scenario);

/* Takes each actor's capability from a world: the numeric attribute `attribute`
 * (e.g. "gdp_usd", "military_spending_usd") of the world actor whose id is the
 * scenario actor's name, latest of a year <= year (orb_actor_attribute). Every
 * actor missing from the world, lacking the attribute, with figures only for years
 * after `year`, or with a value <= 0 is
 * reported (file names the scenario) and nothing is changed then (ORB_EINVAL). */
orb_status orb_bargain_capabilities_from_world(orb_bargain_scenario *scenario,
                                               const orb_world *world,
                                               const char *attribute, int year,
                                               const char *file, orb_diags *diags);

/* ---- runs ------------------------------------------------------------------- */

/* One run of a scenario. Positions are on the 0..100 scale. */
typedef struct orb_bargain_result {
  size_t actor_count, dim_count;
  size_t state_count;      /* initial state + one per turn */
  double *positions;       /* [state][actor][dim] */
  double *probabilities;   /* [state][actor]: chance the actor's position wins;
                              only the last state unless turn_probabilities */
  size_t unique_count;     /* distinct final positions */
  size_t *unique_actor;    /* [unique]: first actor holding each */
  double *unique_prob;     /* [unique]: its probability */
  double *outcome_mean;    /* [dim]: probability-weighted final position */
  double *outcome_mode;    /* [dim]: the most probable final position */
} orb_bargain_result;

/* Plays one run of scenario under options. Stochastic transitions draw from one
 * random stream derived from (seed, run); the result is the same for any number
 * of threads. On success *result is the caller's (orb_bargain_result_free).
 * Returns ORB_EINVAL for an invalid scenario, ORB_ENOMEM, or ORB_ELIMIT when a
 * Markov PCE does not converge. */
orb_status orb_bargain_run(const orb_bargain_scenario *scenario,
                           const orb_bargain_options *options, uint64_t seed,
                           uint64_t run, orb_bargain_result **result);

/* Plays runs 0..count-1 in parallel (OpenMP; one run uses the threads inside
 * its turns instead), each as orb_bargain_run(..., seed, run); results[count]
 * receives them (caller frees each and the array). */
orb_status orb_bargain_ensemble(const orb_bargain_scenario *scenario,
                                const orb_bargain_options *options, uint64_t seed,
                                size_t count, orb_bargain_result ***results);

/* Frees a result; NULL is allowed. */
void orb_bargain_result_free(orb_bargain_result *result);

/* Plays runs 0..count-1 like orb_bargain_ensemble, but hands each finished run
 * to sink(arg, run, &result) in run order, then frees it (unless the sink took
 * it by setting *result to NULL), so memory does not
 * grow with count: runs are played in parallel batches of at most `threads`
 * (0: omp_get_max_threads()) times ORB_BARGAIN_BATCH_PER_THREAD runs. The
 * threads used never exceed count. A sink returning other than ORB_OK stops
 * the ensemble with that status; the results are the same for any threads. */
typedef orb_status (*orb_bargain_sink)(void *arg, uint64_t run,
                                       orb_bargain_result **result);
#define ORB_BARGAIN_BATCH_PER_THREAD 4
orb_status orb_bargain_ensemble_stream(const orb_bargain_scenario *scenario,
                                       const orb_bargain_options *options, uint64_t seed,
                                       size_t count, int threads, orb_bargain_sink sink,
                                       void *arg);

/* The threads `orbit bargain` uses when none are asked for: one for a single
 * run of fewer than ORB_BARGAIN_PARALLEL_ACTORS actors (threads only wait at
 * barriers there), else the processors available, at most one per run. */
#define ORB_BARGAIN_PARALLEL_ACTORS 250
int orb_bargain_default_threads(const orb_bargain_scenario *scenario, size_t runs);

/* Running summaries of an ensemble, in bounded memory whatever the number of
 * runs: per dimension the mean, variance (Welford), minimum and maximum of each
 * run's probability-weighted outcome, its 5%, 50% and 95% quantiles (exact over
 * the first ORB_BARGAIN_EXACT_RUNS runs, kept; beyond, estimated by the P-square
 * algorithm of Jain and Chlamtac 1985, fed from the first run), and the mean
 * number of turns. Fill with orb_bargain_summary_add; caller frees. */
#define ORB_BARGAIN_QUANTILES 3 /* 0.05, 0.5, 0.95 */
#define ORB_BARGAIN_EXACT_RUNS 1000
typedef struct orb_bargain_quantile {
  double height[5];   /* marker heights */
  double position[5]; /* marker positions (1-based) */
  double desired[5];  /* desired positions */
} orb_bargain_quantile;

typedef struct orb_bargain_summary {
  size_t dim_count;
  uint64_t runs;
  double turns_mean;
  double *mean, *m2, *min, *max;      /* [dim] */
  double *first;                      /* [dim][ORB_BARGAIN_EXACT_RUNS]: the first runs */
  orb_bargain_quantile *quantile;     /* [dim][ORB_BARGAIN_QUANTILES] */
} orb_bargain_summary;

/* An empty summary of dim_count dimensions (ORB_ENOMEM). */
orb_status orb_bargain_summary_init(orb_bargain_summary *summary, size_t dim_count);
/* Adds one run's outcome. */
void orb_bargain_summary_add(orb_bargain_summary *summary, const orb_bargain_result *result);
/* The standard deviation over runs (population formula) of dim. */
double orb_bargain_summary_sd(const orb_bargain_summary *summary, size_t dim);
/* Quantile q (0: 5%, 1: 50%, 2: 95%) of dim: exact (linear between order
 * statistics) up to ORB_BARGAIN_EXACT_RUNS runs, else the P-square estimate. */
double orb_bargain_summary_quantile(const orb_bargain_summary *summary, size_t dim, int q);
void orb_bargain_summary_free(orb_bargain_summary *summary);

/* ---- the run store ------------------------------------------------------------ */

/* An SQLite store being written (opaque); runs are added as they finish. */
typedef struct orb_bargain_store orb_bargain_store;

/* Starts a store at path through orb_output (orbit/output.h): a temporary file
 * beside path receives scenario, options and seed now and the runs as they are
 * added; path is replaced only by orb_bargain_store_commit. An existing path
 * that is not an SQLite database of orbit's store tables (and not empty), a
 * device, a directory or a FIFO is refused; a symbolic link is written through;
 * a second writer of the same path is refused. Errors in diags name path. */
orb_status orb_bargain_store_open(const char *path, const orb_bargain_scenario *scenario,
                                  const orb_bargain_options *options, uint64_t seed,
                                  orb_bargain_store **store, orb_diags *diags);

/* Adds one run's history (positions and, where computed, probabilities, per
 * turn) and outcome. A failed write (a full disk) says why: ORB_EIO. */
orb_status orb_bargain_store_add(orb_bargain_store *store, uint64_t run,
                                 const orb_bargain_result *result, orb_diags *diags);

/* Commits, syncs and renames the store over its path, and frees store (also on
 * failure, leaving path untouched). */
orb_status orb_bargain_store_commit(orb_bargain_store *store, orb_diags *diags);

/* Drops the store, leaving path untouched; NULL is allowed. */
void orb_bargain_store_abort(orb_bargain_store *store);

/* Writes scenario, options and every run of results[count] to a store at path
 * (open, add each, commit). */
orb_status orb_bargain_store_write(const char *path, const orb_bargain_scenario *scenario,
                                   const orb_bargain_options *options, uint64_t seed,
                                   orb_bargain_result *const *results, size_t count,
                                   orb_diags *diags);

ORB_END_API

#ifdef __cplusplus
}
#endif
#endif
