/*
 * orbit/session.h: the pipeline as one object, and every analysis orbit runs on it.
 *
 * A session loads a world file once (opening it once), with its coded events (the
 * files its `coded_events:` names, then those the caller adds) merged into its
 * timeline, and keeps what the loaders parsed: the world, the `landscape:` section
 * when the file has one, and the stance model built from its parameters. Every
 * analysis takes the session and returns a result struct of its own, freed with its
 * own _free function; orbit/report.h prints each result as text, JSON or CSV. The
 * orbit command, a C caller and any binding thus compute and print the same things.
 *
 * Ownership follows orbit/core.h: orb_X_new/orb_X_load hand the caller a new
 * object, orb_X_free releases it. Results point into the session (its world) and
 * must be freed before it.
 */
#ifndef ORBIT_SESSION_H
#define ORBIT_SESSION_H

#include "orbit/align.h"
#include "orbit/bargain.h"
#include "orbit/dynamics.h"
#include "orbit/core.h"
#include "orbit/events.h"
#include "orbit/record.h"
#include "orbit/stance.h"
#include "orbit/world.h"

#ifdef __cplusplus
extern "C" {
#endif

ORB_BEGIN_API

/* ---- the session -------------------------------------------------------------- */

typedef struct orb_session orb_session;

/* What a session loads. */
typedef struct orb_session_options {
  const char *world_path;          /* NULL: orb_world_default_path() */
  const char *const *event_files;  /* coded events (orbit code --json) merged after
                                      the world's own coded_events: */
  size_t event_file_count;
  const char *params_file;         /* NULL, or a world or a file holding only
                                      `parameters:` whose parameters replace the
                                      world's of the same name (--params) */
} orb_session_options;

/* What merging one file of coded events did. */
typedef struct orb_session_merge {
  const char *file;      /* points into the session */
  orb_merge_stats stats;
} orb_session_merge;

/* Loads the world file (opened once), its landscape: section if any, and merges
 * the coded events. On failure *session is NULL, diags says why, and the status is
 * that of the step that failed (ORB_EIO, ORB_EPARSE, ORB_ENOMEM). */
orb_status orb_session_load(const orb_session_options *options, orb_session **session,
                            orb_diags *diags);

/* Frees a session; NULL is allowed. */
void orb_session_free(orb_session *session);

/* The world, with the merged timeline; points into the session. */
const orb_world *orb_session_world(const orb_session *session);

/* The world file's landscape: section (NULL when it has none); *blocs (may be NULL)
 * gets the number of blocs it suggests, or 0. Points into the session. */
const orb_landscape *orb_session_landscape(const orb_session *session, unsigned *blocs);

/* The merges done, in order; *count gets their number. Points into the session. */
const orb_session_merge *orb_session_merges(const orb_session *session, size_t *count);

/* The session's default as-of date: the latest event's date, else the world's end. */
orb_date orb_session_latest(const orb_session *session);

/* The one rule for an as-of date: it must lie within the world's span [start, end].
 * ORB_EINVAL with "date D is outside the world's span, A to B" otherwise. */
orb_status orb_session_check_date(const orb_session *session, orb_date date,
                                  orb_diags *diags);

/* The index of the issue (or bargaining issue) with this id. ORB_ENOTFOUND with a
 * message naming the closest id and the world's ids otherwise. */
orb_status orb_session_issue(const orb_session *session, const char *id, size_t *index,
                             orb_diags *diags);
orb_status orb_session_bargain(const orb_session *session, const char *id, size_t *index,
                               orb_diags *diags);

/* The stance model of the world's stance_* parameters (built on the first call and
 * kept); points into the session. ORB_EINVAL with diagnostics for bad parameters. */
orb_status orb_session_stance_model(orb_session *session, const orb_stance_model **model,
                                    orb_diags *diags);

/* ---- the world on a date ------------------------------------------------------- */

/* The world as a whole, or as of a date: who is in which institution, which ties
 * hold, how many events happened by then. */
typedef struct orb_state {
  const orb_world *world;        /* points into the session */
  orb_date date;                 /* ORB_DATE_NONE: the whole world */
  orb_member_status *membership; /* [institution * actor_count + actor] as of date;
                                    NULL without a date */
  orb_tie_state *tie_state;      /* [tie] as of date; NULL without a date */
  const orb_figure **tie_value;  /* [tie]: the value holding then, or NULL */
  size_t ties_holding;           /* ties that hold on date (all ties without one) */
  size_t events_by_date;         /* events on or before date (all without one) */
} orb_state;

/* The state of the session's world on date (ORB_DATE_NONE: as a whole). ORB_EINVAL
 * for a date outside the world (orb_session_check_date), ORB_ENOMEM. */
orb_status orb_state_new(const orb_session *session, orb_date date, orb_state **state,
                         orb_diags *diags);
void orb_state_free(orb_state *state);

/* Static names of the enumerations a state prints ("organisation", "suspended",
 * "not yet"). */
const char *orb_actor_kind_name(orb_actor_kind kind);
const char *orb_member_status_name(orb_member_status status);
const char *orb_tie_state_name(orb_tie_state state);

/* ---- stances -------------------------------------------------------------------- */

/* The stance model's predictions on one issue, with the patron's state. */
typedef struct orb_stances {
  const orb_world *world;             /* points into the session */
  const orb_stance_model *model;      /* points into the session */
  size_t issue;                       /* index in world->issues */
  orb_date date;                      /* the features' date */
  int fitted;                         /* 1: the stance parameters say fitted_by */
  double patron_record;               /* orb_stance_patron_state on date */
  double patron_capacity;
  size_t patron_wars;
  orb_stance_prediction *predictions; /* every state but the patron, world order */
  size_t count;
} orb_stances;

/* Predicts every state's stance on issue (an index of world->issues) as of date
 * (ORB_DATE_NONE: the issue's date). ORB_EINVAL for an issue out of range or a date
 * outside the world, or bad stance parameters (diagnostics say which). */
orb_status orb_stances_new(orb_session *session, size_t issue, orb_date date,
                           orb_stances **stances, orb_diags *diags);
void orb_stances_free(orb_stances *stances);

/* The record model's predictions on one issue (docs/MODEL.md, "Stances learned
 * from the record"): the shipped parameters (fitted on the whole record, to
 * January 2020; orb_record_model_read), each replaced by the world's own
 * `parameters:` entry when it has one, for every state of the world that is a
 * UN member. */
typedef struct orb_record_stances {
  const orb_world *world;              /* points into the session */
  size_t issue;                        /* index in world->issues */
  orb_date date;                       /* the features are of the record before it */
  int fitted_before;                   /* the fit's rows are of the years before this */
  orb_record_model model;              /* the fitted model */
  orb_record_prediction *predictions;  /* every UN member but the patron, world order */
  size_t count;
} orb_record_stances;

/* Reads the parameters and predicts (no fit), from the record before date
 * (ORB_DATE_NONE: the issue's date). ORB_EINVAL for an issue out of
 * range or a patron that is no UN member, ORB_EIO/ORB_EPARSE for a missing or
 * bad parameter file (diagnostics say which). */
orb_status orb_record_stances_new(const orb_session *session, const orb_record *record,
                                  size_t issue, orb_date date, orb_record_stances **stances,
                                  orb_diags *diags);
void orb_record_stances_free(orb_record_stances *stances);

/* Whether the world's stance_* parameters say they were fitted (fitted_by). */
int orb_stance_params_fitted(const orb_world *world);

/* ---- calibration ---------------------------------------------------------------- */

/* orb_stance_calibrate on the session's world, with what the report prints. */
typedef struct orb_calibration {
  const orb_world *world;         /* points into the session */
  orb_stance_calibration fit;
  char *issues;                   /* "A, B": the issues that gave observations */
  char *fitted_by;                /* the sentence stored beside fitted parameters */
} orb_calibration;

/* Calibrates the stance model from the world's parameters. ORB_EINVAL (diagnostics
 * say why) when there are too few observations or bad parameters, ORB_ENOMEM. */
orb_status orb_calibration_new(orb_session *session, orb_calibration **calibration,
                               orb_diags *diags);
void orb_calibration_free(orb_calibration *calibration);

/* ---- alignment landscapes ------------------------------------------------------- */

/* Most poles an alignment reports actors' sides with. */
#define ORB_ALIGNMENT_MAX_POLES 16

/* How to search a landscape, beside orb_align_options. */
typedef struct orb_alignment_request {
  unsigned blocs;           /* 0: the landscape file's suggestion, else 2 */
  orb_align_method method;
  int threads;              /* 0: OpenMP's default */
  int basins;               /* -1: counted up to 2^27 configurations; 0 off; 1 on */
  uint64_t seed;            /* heuristic: random seed (1) */
  uint64_t restarts;        /* heuristic: random starts (0: the default rule) */
  const char *poles;        /* comma-separated actor names, or NULL */
} orb_alignment_request;

/* Fills the defaults listed above. */
void orb_alignment_request_default(orb_alignment_request *request);

/* One landscape searched, with the poles resolved. */
typedef struct orb_alignment {
  char *source;                           /* the file or world it came from */
  int year;                               /* of a series, else 0 */
  orb_landscape *landscape;               /* owned */
  orb_align_result *result;               /* owned */
  size_t poles[ORB_ALIGNMENT_MAX_POLES];  /* actor indices of the landscape */
  size_t pole_count;
} orb_alignment;

/* The landscape of the session's world on date, searched. With ORB_DATE_NONE, the
 * world file's landscape: section when it has one, else the landscape derived on
 * the world's end. ORB_EINVAL for a date outside the world, ORB_ENOTFOUND for a
 * pole the landscape lacks, ORB_ELIMIT when the search is too large. */
orb_status orb_alignment_new(const orb_session *session, orb_date date,
                             const orb_alignment_request *request,
                             orb_alignment **alignment, orb_diags *diags);

/* The same for a landscape read from a file: *landscape is taken over (set to NULL,
 * freed with the alignment, or at once on failure); blocs is the file's suggestion
 * (0 for none); source names it in reports. */
orb_status orb_alignment_new_landscape(orb_landscape **landscape, unsigned blocs,
                                       const char *source,
                                       const orb_alignment_request *request,
                                       orb_alignment **alignment, orb_diags *diags);
void orb_alignment_free(orb_alignment *alignment);

/* Share of a minimum's basin, or -1 when basins were not counted. */
double orb_alignment_basin_share(const orb_alignment *alignment, size_t minimum);

/* Number of blocs a minimum uses. */
unsigned orb_alignment_blocs_used(const orb_alignment *alignment, size_t minimum);

/* The landscape derived on 1 July of each year from..to, year by year. */
typedef struct orb_alignment_series {
  const orb_world *world;   /* points into the session */
  int from, to;
  orb_alignment **years;    /* to - from + 1, owned */
  size_t count;
} orb_alignment_series;

/* Searches the landscape of each year; ORB_EINVAL when 1 July of from or of to lies
 * outside the world (orb_session_check_date), else as orb_alignment_new. */
orb_status orb_alignment_series_new(const orb_session *session, int from, int to,
                                    const orb_alignment_request *request,
                                    orb_alignment_series **series, orb_diags *diags);
void orb_alignment_series_free(orb_alignment_series *series);

/* ---- bargaining ----------------------------------------------------------------- */

/* KTAB's default seed (kutils.h dSeed), used when neither caller nor file names one. */
#define ORB_BARGAIN_DEFAULT_SEED UINT64_C(0xD67CC16FE69C185C)

/* How to play a scenario. */
typedef struct orb_bargaining_request {
  const char *option_values[ORB_BOPT_COUNT]; /* KTAB names overriding the file's
                                                options (NULL: not given) */
  int has_seed;             /* 0: the file's seed, else ORB_BARGAIN_DEFAULT_SEED */
  uint64_t seed;
  size_t runs;              /* >= 1; more than one implies Stochastic transitions */
  int turn_probabilities;   /* every turn's probabilities, not only the last */
  unsigned max_turns;       /* 0: the model's default */
  int threads;              /* OpenMP threads, 0: orb_bargain_default_threads */
  const char *store;        /* NULL, or the SQLite run store to write (orbit/bargain.h,
                               orb_bargain_store_open): runs are added as they finish */
} orb_bargaining_request;

/* Fills the defaults: one run, nothing overridden. */
void orb_bargaining_request_default(orb_bargaining_request *request);

/* A scenario played once or as an ensemble. Runs are streamed: each goes to the
 * store, the running summary and the caller's sink as it finishes, and is then
 * freed, so memory does not grow with the number of runs. */
typedef struct orb_bargaining {
  orb_bargain_scenario *scenario; /* owned */
  char *source;                   /* the file, or "WORLD, bargaining issue ID" */
  orb_bargain_options options;    /* as played */
  uint64_t seed;
  size_t run_count;               /* runs asked for */
  int threads;                    /* threads the runs are spread over */
  const char *store;              /* the request's store path, or NULL */
  orb_bargain_summary summary;    /* over the runs played so far */
  orb_bargain_result *single;     /* the run of a single-run bargaining, once played */
} orb_bargaining;

/* The scenario of the session world's bargaining issue `id`. ORB_ENOTFOUND (with
 * a did-you-mean message) when the world has none of that id. */
orb_status orb_session_bargain_scenario(const orb_session *session, const char *id,
                                        orb_bargain_scenario **scenario,
                                        orb_diags *diags);

/* Prepares *scenario (taken over as in orb_alignment_new_landscape) to be played
 * under request: the options as played, the seed, the threads; nothing is played
 * yet (orb_bargaining_play). ORB_EINVAL for an invalid scenario, an unknown option
 * value, or several runs with Deterministic transitions asked for; ORB_ENOMEM. */
orb_status orb_bargaining_new(orb_bargain_scenario **scenario, const char *source,
                              const orb_bargaining_request *request,
                              orb_bargaining **bargaining, orb_diags *diags);

/* What the caller does with each finished run, in run order (NULL: nothing): the
 * result points into the bargaining and is freed after the call. A status other
 * than ORB_OK stops the play. */
typedef orb_status (*orb_bargaining_sink)(void *user, const orb_bargaining *bargaining,
                                          uint64_t run, const orb_bargain_result *result);

/* Plays every run: each is added to the store (when the request names one), to
 * b->summary, kept as b->single when it is the only one, and handed to sink. The
 * store is committed (renamed over its path) when every run is in, and left
 * untouched on any failure. ORB_ELIMIT when a Markov PCE does not converge;
 * ORB_EIO when the store cannot be written; the sink's status; ORB_ENOMEM. */
orb_status orb_bargaining_play(orb_bargaining *bargaining, orb_bargaining_sink sink,
                               void *user, orb_diags *diags);
void orb_bargaining_free(orb_bargaining *bargaining);

/* Whether actor's final position in result is the one held by its unique position u
 * (within 0.1 on the 0..100 scale): the holders of a final position. */
int orb_bargain_holds(const orb_bargain_result *result, size_t unique, size_t actor);

/* ---- a world month by month -------------------------------------------------------- */

/* What a simulation of the session's world month by month takes (orbit simulate,
 * run, compare, series): the months, the inputs, and the counterfactual edits. */
typedef struct orb_simulation_request {
  orb_date from, to;          /* first and last month; ORB_DATE_NONE: 1992-01 and
                                 2030-12, moved inside the world's span */
  int no_record;              /* 1: the world alone, without the shipped record */
  const char *const *sets;    /* "NAME=VALUE" or "NAME=LOW..HIGH" (orb_dyn_settings_set) */
  size_t set_count;
  const char *const *without; /* ids of events to remove (orb_dyn_remove_event) */
  size_t without_count;
  const char *const *adds;    /* events to add, "DATE,ACTOR,TYPE[,TARGET[,MAGNITUDE]]" */
  size_t add_count;
} orb_simulation_request;

/* A simulation ready to run: hand model and &settings to orb_dyn_ensemble or
 * orb_dyn_compare. Everything is owned by the struct except world. */
typedef struct orb_simulation {
  const orb_world *world;     /* the session's */
  orb_record *record;         /* the shipped record, or NULL (no_record) */
  orb_dyn_settings settings;  /* the world's parameters, then the request's sets */
  orb_dyn_inputs *inputs;     /* the world's and the record's, edited */
  orb_dyn_model *model;       /* compiled from them */
} orb_simulation;

/* Builds a simulation of the session's world: settings, inputs (with the record
 * unless no_record), the counterfactual edits, the compiled model. ORB_EINVAL or
 * ORB_ENOTFOUND with a diagnostic for an argument the world does not have (an
 * unknown parameter or event, impossible bounds, months outside the world);
 * ORB_EPARSE when the world's own parameters are out of range or the record
 * cannot be loaded; ORB_ENOMEM. Free with orb_simulation_free. */
orb_status orb_simulation_new(const orb_session *session, const orb_simulation_request *request,
                              orb_simulation **simulation, orb_diags *diags);
void orb_simulation_free(orb_simulation *simulation);

/* One state's stance on an issue with the simulated alignment toward its patron. */
typedef struct orb_sim_stance {
  size_t actor;                  /* world actor */
  float alignment[3];            /* alignment:STATE:PATRON at the issue's month, 5%,
                                    50% and 95% of the ensemble's runs */
  double record_alignment;       /* the record's own: agree / (agree + oppose) of
                                    its direction shares (the feature replaced) */
  orb_record_prediction record;  /* the record model as it is (orbit stance --record) */
  orb_record_prediction at;      /* with the median simulated alignment: features,
                                    contributions, factor sums, probabilities */
  double support[2];             /* P(support) at the 5% and at the 95% alignment */
} orb_sim_stance;

/* The stances on one issue: every state with a record country and an alignment
 * series toward the issue's patron. Owned by the struct. */
typedef struct orb_sim_stances {
  size_t issue;                  /* index in the world's issues */
  orb_date month;                /* the issue's month */
  orb_record_model model;        /* fitted on the record before the issue's year */
  size_t count;
  orb_sim_stance *items;
  size_t months;                 /* the simulation's months, from first */
  orb_date first;
  float *monthly;                /* [(item * months + month) * 3 + stance]: the
                                    probabilities were the issue put in that month,
                                    with its median alignment, the other features
                                    as at the issue's date (series
                                    stance:STATE:ISSUE:support|silent|condemn) */
} orb_sim_stances;

/* The stances on issue at its month (docs/MODEL.md, "Stances with the simulated
 * alignment"): the record's stance model fitted on the years before the issue's
 * (orb_record_fit_before), its revealed-alignment direction features set from
 * the ensemble's alignment (summary: an ensemble of sim->model). ORB_EINVAL with
 * a diagnostic without the record, for an issue whose month is not simulated or
 * whose patron is no UN member; ORB_ENOMEM. Free with orb_sim_stances_free. */
orb_status orb_simulation_stances(const orb_simulation *simulation,
                                  const orb_dyn_summary *summary, size_t issue,
                                  orb_sim_stances **stances, orb_diags *diags);
void orb_sim_stances_free(orb_sim_stances *stances);

/* ---- a world end to end ----------------------------------------------------------- */

/* What `orbit run` prints: the state on a date, the stances on every issue, the
 * alignment landscape on the date, and every bargaining issue. */
typedef struct orb_run {
  const orb_world *world;          /* points into the session */
  orb_date date;
  orb_state *state;                /* owned, like everything below */
  orb_stances **stances;           /* world->issue_count */
  orb_alignment *alignment;
  orb_bargaining **bargains;       /* world->bargain_count */
  orb_simulation *dynamics;        /* the world month by month, with the record's inputs */
  orb_dyn_summary *ensemble;       /* an ensemble of it */
  uint64_t seed;                   /* the ensemble's seed */
} orb_run;

/* The ensemble of orbit run without options (the defaults of orbit simulate). */
#define ORB_RUN_ENSEMBLE_RUNS 1000
#define ORB_RUN_ENSEMBLE_SEED 1

/* Runs every analysis on the session as of date (ORB_DATE_NONE: the latest
 * event's), and an ensemble of the month-by-month model over the world's span
 * with the shipped record's inputs (docs/MODEL.md, "Influence over time"). ORB_EINVAL for a date outside the world; else the first analysis that
 * fails gives its status. */
orb_status orb_run_new(orb_session *session, orb_date date, orb_run **run,
                       orb_diags *diags);
/* The same with the world month by month built by the caller (orbit run --runs,
 * --set, --without-event...: orb_simulation_new, whose argument errors the caller
 * sees before any analysis runs) and the ensemble's options (NULL:
 * ORB_RUN_ENSEMBLE_RUNS runs, seed ORB_RUN_ENSEMBLE_SEED). The run owns
 * simulation from the call on, also when it fails (freed). The ensemble's
 * failures: ORB_EIO for a store that cannot be written, ORB_EPARSE for a store
 * target refused (not an orbit store). */
orb_status orb_run_new_with(orb_session *session, orb_date date, orb_simulation *simulation,
                            const orb_dyn_ensemble_options *ensemble, orb_run **run,
                            orb_diags *diags);
void orb_run_free(orb_run *run);

ORB_END_API

#ifdef __cplusplus
}
#endif
#endif
