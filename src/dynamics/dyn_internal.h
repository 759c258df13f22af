/*
 * dyn_internal.h: what the files of the dynamics module share (private): the
 * parameter indices, the compiled model, the histogram accumulator and the store.
 */
#ifndef ORB_DYN_INTERNAL_H
#define ORB_DYN_INTERNAL_H

#include <math.h>
#include <stdint.h>

#include "orbit/dynamics.h"

/* n, or 1 when n is 0 (allocation sizes). */
static inline size_t dyn_nz(size_t n) { return n ? n : 1; }

/* The namespace of the model's parameters in the registry ("dyn.war_tiedown");
 * --set and orb_dyn_param_find accept the names with or without it. */
#define DYN_PARAM_PREFIX "dyn."

/* Parameter indices, in the order of the table in params.c. */
enum dyn_param {
  P_CRED_MEAN, P_CRED_STRENGTH, P_CRED_HALF_LIFE, P_W_AGGRESSION, P_W_LEADER,
  P_WAR_SMOOTH, P_WAR_TIEDOWN, P_WAR_PERSIST, P_CAP_ELASTICITY, P_CAP_MISSING,
  P_W_ECON, P_W_SEC, P_W_INST, P_W_SOC, P_DRIFT_RATE, P_GRAVITY, P_REDEPLOY,
  P_ALIGN_HALF_LIFE, P_AUTONOMY, P_IMP_COOP, P_IMP_CONFLICT, P_IMP_DISTANCE,
  P_ASSIMILATE, P_ALIGN_LEVEL_VAR, P_ALIGN_SLOPE, P_EXIT_PRIOR_RATE, P_EXIT_PRIOR_YEARS, P_EXIT_ALIGN,
  P_EXIT_CRED, P_EXIT_OWN_TESTS, P_ALIGN_COMMON, P_ALIGN_VOTE_NOISE, P_ALIGN_VOTE_VAR,
  P_ALIGN_LEVEL_PRIOR_VAR, DYN_PARAM_COUNT
};

/* Months after a test in which an answer counts (a structural rule of how tests
 * are recognised, docs/MODEL.md; not drawn). */
#define DYN_TEST_WINDOW_MONTHS 1

/* Kinds of test, each with its weight parameter (requests weigh 1). */
enum dyn_test_kind { TEST_REQUEST, TEST_AGGRESSION, TEST_LEADER };

typedef struct dyn_test {
  uint32_t month;
  uint32_t slot;     /* credibility slot */
  uint32_t kind;     /* enum dyn_test_kind */
  float honoured;    /* share of the test honoured, in [0, 1] */
  uint32_t actor;    /* the member tested (the requester, the attacked member), or
                        UINT32_MAX (the leader attacked) */
} dyn_test;

/* Alignment impulse classes and security shocks, per month. */
enum dyn_action_kind { ACT_COOP, ACT_CONFLICT, ACT_DISTANCE, ACT_DEPLOY, ACT_WITHDRAW };

typedef struct dyn_action {
  uint32_t month;
  uint32_t pair;
  uint32_t kind;     /* enum dyn_action_kind */
} dyn_action;

/* A revealed alignment assimilated in a month, the number of votes it averages
 * (0: unknown, weighed as a full year of roll calls and taken as exact by the
 * anchor) and the variance of one of its votes' stance values (NAN unknown:
 * dyn.align_vote_var). */
typedef struct dyn_obs {
  uint32_t month;
  uint32_t pair;
  float value;
  float votes;
  float vote_var;
} dyn_obs;

/* An exit series: member state, institution, the pair with its leader, and the
 * institution's own record up to each month (exits and suspensions, member-years)
 * for its base rate (docs/MODEL.md, "Exit hazard"). */
typedef struct dyn_exit {
  uint32_t pair;
  uint32_t institution; /* index in the world's institutions */
  int32_t slot;      /* credibility slot of the institution or its leader, -1 none */
  uint8_t *at_risk;  /* [month] 1 while a member (or suspended) */
  float *exits;      /* [month] the institution's exits and suspensions up to the month */
  float *years;      /* [month] its members' member-years up to the month */
} dyn_exit;

struct orb_dyn_model {
  size_t months;
  orb_date *dates;          /* [month], first of each month */
  int first_year;           /* year of month 0 */
  int first_month;          /* month of month 0 in its year, 0..11 */
  size_t poles;             /* P */
  size_t *pole_actor;       /* [P] */
  double *logcap;           /* [P * months]: log of the persisted capability, NAN if none */
  double *logmass;          /* [P * months]: log of the persisted economic mass, -inf if none */
  int conflict_years;       /* years of conflict data from first_year */
  float *conflict;          /* [P * conflict_years], NAN after the record */
  int32_t *pole_slot;       /* [P]: credibility slot of the pole's main alliance, -1 */

  size_t slots;             /* credibility slots (mutual-defence institutions) */
  size_t *slot_institution; /* [slots] institution index */

  size_t pairs;             /* (state, pole) pairs, grouped by state */
  uint32_t *pair_state;     /* [pairs] actor index */
  uint32_t *pair_pole;      /* [pairs] pole index 0..P-1 */
  int32_t *pair_slot;       /* [pairs] credibility slot for its security ties, -1 */
  size_t states;
  uint32_t *state_first;    /* [states + 1]: pairs of state k are first[k]..first[k+1] */
  uint32_t *state_drift;    /* [states]: first month of drift (after last observation) */
  size_t drift_from;        /* the earliest of them */
  uint8_t *pair_has_exit;   /* [pairs]: 1 when an exit series uses the pair */
  float *econ, *sec, *soc, *inst; /* [pairs * months] base channel values */

  dyn_test *tests; size_t test_count;
  char **test_text;
  dyn_action *actions; size_t action_count;
  dyn_obs *obs; size_t obs_count;
  dyn_exit *exits; size_t exit_count;

  size_t series;            /* capacity P, credibility slots, leverage pairs,
                               alignment pairs, exits */
  char **series_name;
};

/* Series offsets. */
static inline size_t dyn_series_capacity(const struct orb_dyn_model *m) { (void)m; return 0; }
static inline size_t dyn_series_credibility(const struct orb_dyn_model *m) { return m->poles; }
static inline size_t dyn_series_leverage(const struct orb_dyn_model *m) { return m->poles + m->slots; }
static inline size_t dyn_series_alignment(const struct orb_dyn_model *m) {
  return m->poles + m->slots + m->pairs;
}
static inline size_t dyn_series_exit(const struct orb_dyn_model *m) {
  return m->poles + m->slots + 2 * m->pairs;
}

/* ---- alignment (docs/MODEL.md, "Alignment"): one rule for the run (model.c) and
 * the fit of its rates (validate.c) ------------------------------------------------ */

/* A pair's anchor: a local-level (Kalman) filter of its revealed alignments less
 * the pole's common level (level, with its variance var), the structural index
 * in the months they were observed, filtered with the same gains (index), the
 * month of the last observation (month) and whether there was one (weight 1,
 * 0 before the first). */
typedef struct dyn_anchor {
  double level, index, weight, var, month;
} dyn_anchor;

/* The votes of a year of roll calls: the record's alignment of a year needs at
 * least this many (ORB_DYN_RECORD_MIN_VOTES), and an observation of this many
 * votes or more weighs fully, so every year of the record weighs alike and the
 * fitted rates are those of yearly observations (docs/MODEL.md, "Alignment"). */
#define DYN_ALIGN_YEAR_VOTES ((double)ORB_DYN_RECORD_MIN_VOTES)

/* The weight of a revealed alignment that averages `votes` votes, relative to a
 * year of roll calls: the Kalman gain n / (n + n0) of n votes with noise ratio
 * n0 (dyn.align_vote_noise) over that of DYN_ALIGN_YEAR_VOTES, at most 1; 1 for
 * an unknown count (votes <= 0) or n0 = 0. */
static inline double dyn_align_vote_weight(double votes, double noise) {
  if (!(votes > 0) || !(noise > 0)) return 1.0;
  const double r = votes / (votes + noise) * (DYN_ALIGN_YEAR_VOTES + noise) / DYN_ALIGN_YEAR_VOTES;
  return r < 1 ? r : 1.0;
}

/* The pole's common level after one December's revealed alignments toward it:
 * their weighted mean (weights sum to wsum, weighted values to wxsum) the first
 * time (common NAN), then the level moved by sum of w (O - common) / count, count
 * the pairs observed that month. NAN stays NAN without an observation. */
static inline double dyn_align_common(double common, double wsum, double wxsum, double count) {
  if (!(count > 0) || !(wsum > 0)) return common;
  if (isnan(common)) return wxsum / wsum;
  return common + (wxsum - common * wsum) / count;
}

/* The structural index of a pair: its pole's share of the leverage on the state,
 * lev / (sum of the state's leverages + autonomy). */
static inline double dyn_align_index(double lev, double lev_sum, double autonomy) {
  return lev / (lev_sum + autonomy);
}

/* The target of a pair's alignment: the common term (dyn.align_common times the
 * pole's common level, 0 before it has one) plus its anchor level, moved by slope
 * times the change of the structural index since the anchor's observations, in
 * [0, 1]; the index itself while the pair has no revealed alignment. */
static inline double dyn_align_target(const dyn_anchor *a, double index, double slope,
                                      double common) {
  if (a->weight <= 0) return index;
  const double t = common + a->level + slope * (index - a->index);
  return t < 0 ? 0 : t > 1 ? 1 : t;
}

/* One month of alignment: a share rate of the gap to the target closed, plus
 * the month's impulses, in [0, 1]. */
static inline double dyn_align_step(double align, double target, double rate, double impulse) {
  const double a = align + rate * (target - align) + impulse;
  return a < 0 ? 0 : a > 1 ? 1 : a;
}

/* The sampling variance of a revealed alignment: the variance of one vote's
 * stance value (vote_var, or dyn.align_vote_var `mean_var` when unknown: NAN)
 * over the votes it averages; 0 (exact) for an unknown count (votes <= 0). */
static inline double dyn_align_obs_var(double votes, double vote_var, double mean_var) {
  if (!(votes > 0)) return 0.0;
  const double s2 = isnan(vote_var) ? mean_var : vote_var;
  return s2 / votes;
}

/* A revealed alignment observed in month `month` (in December, with the pair's
 * structural index of that month and the common term after this December's
 * update), of weight w (dyn_align_vote_weight) and sampling variance obs_var
 * (dyn_align_obs_var): the anchor's level, a local-level filter of observed -
 * common, starts at the first observation from its prior, prior_mean - common
 * (prior_mean: the pole's common level, the alignment of its average state) with
 * variance prior_var (dyn.align_level_prior_var), and later first grows its
 * variance by level_var per year since the last observation; then it takes the
 * observation with the Kalman gain var / (var + obs_var) (1 when both are 0); the
 * index is filtered with the same gain (from the month's index at the first).
 * Returns the alignment moved by assimilate * w toward its new target (the
 * filter's estimate: dyn_align_target with slope). */
static inline double dyn_align_observe(double align, dyn_anchor *a, double observed,
                                       double common, double index, double slope,
                                       double assimilate, double level_var, double obs_var,
                                       double w, double month, double prior_mean,
                                       double prior_var) {
  if (a->weight <= 0)
    a->level = prior_mean - common, a->index = index, a->var = prior_var, a->weight = 1;
  else
    a->var += level_var * (month - a->month) / 12;
  const double total = a->var + obs_var;
  const double k = total > 0 ? a->var / total : 1.0;
  a->level += k * (observed - common - a->level);
  a->index += k * (index - a->index);
  a->var *= 1 - k;
  a->month = month;
  const double u = assimilate * w;
  return align + (u < 1 ? u : 1.0) * (dyn_align_target(a, index, slope, common) - align);
}

/* The alignment impulse of an event class (ACT_COOP, ACT_CONFLICT, ACT_DISTANCE)
 * with parameters prm; 0 for the security shocks. */
static inline double dyn_align_impulse(const double *prm, uint32_t kind) {
  return kind == ACT_COOP ? prm[P_IMP_COOP]
         : kind == ACT_CONFLICT ? -prm[P_IMP_CONFLICT]
         : kind == ACT_DISTANCE ? -prm[P_IMP_DISTANCE] : 0.0;
}

/* The variance of one vote's stance value (1 agree, 1/2 silent, 0 oppose) in a
 * tally, around its mean (n - 1 in the denominator); with floor, at least 0.25 /
 * n (one vote off by a half); NAN for fewer than 2 votes (record.c). */
double dyn_tally_vote_var(const orb_record_tally *t, int floor);

/* Conflict years derived from the `attack` events of in (inputs.c), into
 * conflict[actor * year_count + y]. */
void dyn_fill_conflict(const orb_world *world, const orb_dyn_inputs *in, double *conflict);

/* ---- runs in lanes (model.c; docs/MODEL.md, "Speed of the ensemble: runs in lanes") */

/* Runs computed together, one per vector lane: eight, one AVX-512 register of
 * doubles, two of AVX2 (fewer lanes left more of the time to the work that is the
 * same for every lane: 8 ran 1.3 times faster than 4 per run). */
#define DYN_LANES 8

/* DYN_LANES runs of m at once, run l with parameters prm[l] into out[l] (as
 * orb_dyn_run: out[l][series * months + month], the caller's); only the first
 * `lanes` (1..DYN_LANES) are written, the others compute on prm[l] (give them any
 * valid parameters, e.g. prm[0]). Each lane's values are those of orb_dyn_run
 * with its parameters, bit for bit. */
void dyn_run_lanes(const orb_dyn_model *m, const double *const *prm, float *const *out,
                   size_t lanes);

/* ---- store (store.c) -------------------------------------------------------------- */

typedef struct dyn_store dyn_store;

/* Opens a new store for target through orb_output (orbit/output.h): a target
 * that exists and is not an orbit simulation store is refused (ORB_EINVAL); the
 * store is written into the facility's temporary file beside the target. */
orb_status dyn_store_open(const char *target, const orb_dyn_model *model,
                          const orb_dyn_settings *settings,
                          const orb_dyn_ensemble_options *options, dyn_store **store,
                          orb_diags *diags);
/* Bytes of the JSON object of one run's parameters (dyn_store_params_json). */
size_t dyn_store_json_size(size_t param_count);
/* Writes one run's parameters params[param_count] as the JSON object of the
 * `run` table (keyed by registry name) into json[dyn_store_json_size]; called by
 * the threads that run the batch, so the store's serial part only inserts. */
void dyn_store_params_json(const double *params, size_t param_count, char *json);
/* Writes runs first..first+count-1 (their parameters as JSON objects, json[r *
 * dyn_store_json_size(param count)]) and the kept series among them in one
 * transaction. */
orb_status dyn_store_runs(dyn_store *store, size_t first, size_t count, const char *json,
                          const float *kept_values, size_t kept_first, size_t kept_count,
                          orb_diags *diags);
/* Writes the quantiles, closes, and commits the output (renamed over the target). */
orb_status dyn_store_finish(dyn_store *store, const orb_dyn_summary *summary,
                            orb_diags *diags);
/* Closes and deletes the temporary file (after a failure). NULL allowed. */
void dyn_store_abandon(dyn_store *store);

#endif
