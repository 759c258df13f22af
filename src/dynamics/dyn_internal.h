/*
 * dyn_internal.h: what the files of the dynamics module share (private): the
 * parameter indices, the compiled model, the histogram accumulator and the store.
 */
#ifndef ORB_DYN_INTERNAL_H
#define ORB_DYN_INTERNAL_H

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
  P_ASSIMILATE, P_EXIT_BASE, P_EXIT_ALIGN, P_EXIT_CRED,
  DYN_PARAM_COUNT
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
} dyn_test;

/* Alignment impulse classes and security shocks, per month. */
enum dyn_action_kind { ACT_COOP, ACT_CONFLICT, ACT_DISTANCE, ACT_DEPLOY, ACT_WITHDRAW };

typedef struct dyn_action {
  uint32_t month;
  uint32_t pair;
  uint32_t kind;     /* enum dyn_action_kind */
} dyn_action;

/* A revealed alignment assimilated in a month. */
typedef struct dyn_obs {
  uint32_t month;
  uint32_t pair;
  float value;
} dyn_obs;

/* An exit series: member state, institution, the pair with its leader. */
typedef struct dyn_exit {
  uint32_t pair;
  uint32_t institution; /* index in the world's institutions */
  int32_t slot;      /* credibility slot of the institution or its leader, -1 none */
  uint8_t *at_risk;  /* [month] 1 while a member (or suspended) */
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

/* Conflict years derived from the `attack` events of in (inputs.c), into
 * conflict[actor * year_count + y]. */
void dyn_fill_conflict(const orb_world *world, const orb_dyn_inputs *in, double *conflict);

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
