/*
 * orbit/dynamics.h: a world simulated month by month (docs/MODEL.md, "Influence
 * over time"): each pole's capacity, each institution's credibility, each pole's
 * leverage over each state, ties that drift, alignments, and each member's exit
 * hazard; one run, ensembles that draw every uncertain parameter per run,
 * counterfactuals (events removed or added, parameters set) and a SQLite store of
 * the ensemble's quantiles.
 *
 * Flow: orb_dyn_inputs_from_world (or a filler of the record) -> counterfactual
 * edits of the inputs -> orb_dyn_model_new (compiled, read-only, shared by every
 * run and thread) -> orb_dyn_run or orb_dyn_ensemble.
 */
#ifndef ORBIT_DYNAMICS_H
#define ORBIT_DYNAMICS_H

#include "orbit/core.h"
#include "orbit/record.h"
#include "orbit/world.h"

#ifdef __cplusplus
extern "C" {
#endif

ORB_BEGIN_API

/* ---- parameters ---------------------------------------------------------------- */

/* How an ensemble draws a parameter: fixed at its value, uniform on [low, high],
 * or triangular on [low, high] with its mode at the value. */
typedef enum orb_dyn_dist { ORB_DYN_FIXED, ORB_DYN_UNIFORM, ORB_DYN_TRIANGULAR } orb_dyn_dist;

/* One row of the model's parameter table (static storage). It starts with the
 * row the world's parameter registry lists (name, default, admissible range,
 * meaning), so world files may set these parameters (docs/WORLD.md). */
typedef struct orb_dyn_param_info {
  orb_param_spec spec;      /* name, default value, admissible [low, high], meaning */
  double low, high;         /* range drawn in ensembles (== the default when fixed) */
  orb_dyn_dist dist;
  const char *unit;
  const char *source;       /* a publication or data set, or NULL ... */
  const char *assumption;   /* ... or why it is assumed */
} orb_dyn_param_info;

/* The parameter table; *count gets its length. Static storage. */
const orb_dyn_param_info *orb_dyn_params(size_t *count);

/* Index of the parameter with this name ("dyn.war_tiedown", or "war_tiedown"
 * without the registry's "dyn." namespace), or ORB_NONE. */
size_t orb_dyn_param_find(const char *name);

/* The parameters of a simulation: value and how an ensemble draws each, starting
 * from the table. Plain arrays of orb_dyn_params()'s length, owned by the struct. */
typedef struct orb_dyn_settings {
  size_t count;
  double *value, *low, *high;
  orb_dyn_dist *dist;
} orb_dyn_settings;

/* Fills settings with the table's defaults; ORB_ENOMEM. Free with orb_dyn_settings_free. */
orb_status orb_dyn_settings_init(orb_dyn_settings *settings);
void orb_dyn_settings_free(orb_dyn_settings *settings);

/* Applies "NAME=VALUE" (the parameter is fixed at VALUE) or "NAME=LOW..HIGH"
 * (drawn uniformly on [LOW, HIGH]). Unknown names (with a did-you-mean hint),
 * values that are not finite numbers, LOW > HIGH and bounds outside the
 * parameter's admissible range give ORB_EINVAL and a diagnostic. */
orb_status orb_dyn_settings_set(orb_dyn_settings *settings, const char *assignment,
                                orb_diags *diags);

/* Takes the value and range of every parameter of the table that the world's
 * `parameters:` block also names (a world can carry its own rates): fixed when
 * its range is a point, uniform when its distribution starts with "uniform",
 * triangular otherwise. ORB_EINVAL (with a diagnostic naming the world) when a
 * value lies outside the parameter's admissible bounds. */
orb_status orb_dyn_settings_from_world(orb_dyn_settings *settings, const orb_world *world,
                                       orb_diags *diags);

/* The parameters of run number `run` of the ensemble with this seed, into
 * params[settings->count]: each uncertain parameter drawn from its own
 * counter-based stream of (seed, run), so any run can be replayed alone. */
void orb_dyn_draw(const orb_dyn_settings *settings, uint64_t seed, uint64_t run,
                  double *params);

/* ---- inputs ---------------------------------------------------------------------- */

/* An event as the simulation sees it: indices into the world's actors. */
typedef struct orb_dyn_event {
  char id[112];             /* DATE/ACTOR/TYPE[/TARGET][#n], unique in the inputs */
  orb_date date;
  orb_precision precision;  /* it counts in the month of its last possible day
                               (orb_event_last_day): a year-only date in December */
  size_t source, target;    /* target ORB_NONE for an internal event */
  orb_event_type type;
  double magnitude;         /* NAN when the event has none */
} orb_dyn_event;

/* Everything the simulation reads besides the world's structure (actors, ties,
 * institutions). Series are per actor and year, year index y = year - first_year,
 * NAN where unknown; a yearly value holds until the next known one and before
 * the first (persistence). orb_dyn_inputs_from_world fills them from the world;
 * the record (COW capabilities, UCDP conflicts, revealed alignments) can later
 * fill or overwrite the same arrays. Owned by the struct. */
typedef struct orb_dyn_inputs {
  size_t actor_count;
  int first_year, year_count;
  double *capability;  /* [actor * year_count + y]: military spending, US$ (COW milex later) */
  double *mass;        /* [actor * year_count + y]: economic mass, GDP US$ */
  double *conflict;    /* [actor * year_count + y]: war intensity, 0 none, 1 a war-year */
  int conflict_from_events; /* 1: conflict is derived from the events (the world's
                          fill), so the model derives it again after edits */
  size_t pole_count;
  size_t *poles;       /* actor indices of the poles */
  double *alignment;   /* [(actor * pole_count + k) * year_count + y]: revealed
                          alignment of actor with pole k in [0, 1] */
  double *alignment_votes; /* same cells: the number of votes (roll calls, issue
                          stances) each alignment averages; 0 unknown (weighed as a
                          year of roll calls); NULL all unknown */
  double *alignment_var; /* same cells: the variance of one of those votes' stance
                          values (1, 1/2, 0) around the alignment, from the roll
                          calls' tallies; NAN unknown (dyn.align_vote_var); NULL
                          all unknown */
  orb_dyn_event *events; /* sorted by date (stable) */
  size_t event_count, event_capacity;
  int structure_to;    /* 0, or the last year whose structure the model may know:
                          ties' values of later years and their ends after it are
                          unknown (the last known value persists), memberships
                          hold as at the end of that year (orb_dyn_inputs_truncate) */
} orb_dyn_inputs;

/* Fills *inputs from the world for years first_year..last_year (docs/MODEL.md
 * says which attribute, event and issue feeds which series). Caller frees with
 * orb_dyn_inputs_free. ORB_ENOMEM, or ORB_EINVAL for an empty year range. */
orb_status orb_dyn_inputs_from_world(const orb_world *world, int first_year,
                                     int last_year, orb_dyn_inputs **inputs,
                                     orb_diags *diags);
void orb_dyn_inputs_free(orb_dyn_inputs *inputs);

/* The yearly input series, for orb_dyn_inputs_set. */
typedef enum orb_dyn_input {
  ORB_DYN_CAPABILITY, /* e.g. COW military expenditure */
  ORB_DYN_MASS,       /* e.g. GDP */
  ORB_DYN_CONFLICT,   /* e.g. UCDP: 0 none, 1 a war-year (intensity level 2), 0.5 minor */
  ORB_DYN_ALIGNMENT   /* revealed alignment of actor with pole, in [0, 1] */
} orb_dyn_input;

/* Sets one yearly value of an input series (how the record fills the inputs):
 * actor and pole are actor indices (pole only for ORB_DYN_ALIGNMENT, and must be
 * one of inputs->poles); NAN clears the value. Setting a conflict value stops
 * the model from deriving conflicts from the events. ORB_EINVAL for a year
 * outside the inputs, an unknown actor or pole, or a value out of range. */
orb_status orb_dyn_inputs_set(orb_dyn_inputs *inputs, orb_dyn_input series, size_t actor,
                              size_t pole, int year, double value);

/* Which series orb_dyn_inputs_from_record fills (bits). */
enum {
  ORB_DYN_RECORD_CAPABILITY = 1, /* COW military expenditure (thousands of US$ x 1000) */
  ORB_DYN_RECORD_CONFLICT = 2,   /* UCDP conflict-years: intensity 2 -> 1, 1 -> 0.5; a
                                    secondary party's half shared with its side's */
  ORB_DYN_RECORD_ALIGNMENT = 4,  /* agreement with each pole in the UN roll calls */
  ORB_DYN_RECORD_ALL = 7
};

/* Fills (overwrites) the series chosen by `what` from the record for the
 * world's actors that are record countries (by ISO alpha-3 id), for the years
 * of the inputs up to last_year (docs/MODEL.md, "Inputs from the record"):
 * capability from COW where it has a figure; conflict of every actor in every
 * year the UCDP file covers (0 without a conflict-year, NAN after it: the
 * future is the model's); revealed alignment of each state with each pole that
 * is a UN member, (agree + silent / 2) / roll calls, for years with at least
 * ORB_DYN_RECORD_MIN_VOTES roll calls (replacing the world's stances of such a
 * year). The world's own capability figures win (COW is spliced onto the
 * world's scale); values the record lacks keep the world's. ORB_EINVAL with a diagnostic when the inputs are not the world's. */
#define ORB_DYN_RECORD_MIN_VOTES 10
orb_status orb_dyn_inputs_from_record(orb_dyn_inputs *inputs, const orb_world *world,
                                      const orb_record *record, unsigned what, int last_year,
                                      orb_diags *diags);

/* Cuts the inputs at the end of year last_year: every yearly value of a later
 * year becomes unknown (NAN: the last known one persists), the events dated
 * after that year are removed, and the world's structure is cut there too
 * (structure_to: ties and memberships as known at the end of last_year), so a
 * run knows only the past (forecasts). */
void orb_dyn_inputs_truncate(orb_dyn_inputs *inputs, int last_year);

/* Removes the event with this id; ORB_ENOTFOUND (with a did-you-mean hint). */
orb_status orb_dyn_remove_event(orb_dyn_inputs *inputs, const char *id, orb_diags *diags);

/* Adds an event written "DATE,ACTOR,TYPE[,TARGET[,MAGNITUDE]]", e.g.
 * "2022-09-14,CSTO,troop_deployment,ARM"; ORB_EINVAL with a diagnostic naming
 * what is wrong (date outside the world, unknown actor or type). */
orb_status orb_dyn_add_event(orb_dyn_inputs *inputs, const orb_world *world,
                             const char *spec, orb_diags *diags);

/* ---- the model ------------------------------------------------------------------- */

/* A world and its inputs compiled for months from..to (read-only, thread-safe). */
typedef struct orb_dyn_model orb_dyn_model;

/* Compiles; from and to are months inside the world's span (else ORB_EINVAL with
 * a diagnostic). The model copies what it needs: world and inputs may be freed
 * afterwards. Free with orb_dyn_model_free. */
orb_status orb_dyn_model_new(const orb_world *world, const orb_dyn_inputs *inputs,
                             orb_date from, orb_date to, orb_dyn_model **model,
                             orb_diags *diags);
void orb_dyn_model_free(orb_dyn_model *model);

size_t orb_dyn_month_count(const orb_dyn_model *model);
orb_date orb_dyn_month_date(const orb_dyn_model *model, size_t month);
/* Series: "capacity:RUS", "credibility:CSTO", "leverage:RUS:ARM",
 * "alignment:ARM:RUS", "exit:ARM:CSTO" (docs/MODEL.md). */
size_t orb_dyn_series_count(const orb_dyn_model *model);
const char *orb_dyn_series_name(const orb_dyn_model *model, size_t series);
/* Index of a series by name, or ORB_NONE. */
size_t orb_dyn_series_find(const orb_dyn_model *model, const char *name);
/* The tests of commitments the model recognised: *count gets how many; each is
 * described as "DATE INSTITUTION kind honoured-share" into text (static per model). */
const char *const *orb_dyn_tests(const orb_dyn_model *model, size_t *count);

/* One run with parameters params[] (orb_dyn_settings order): writes every
 * series' monthly values into out[series * months + month]. No allocation. */
void orb_dyn_run(const orb_dyn_model *model, const double *params, float *out);

/* ---- ensembles ------------------------------------------------------------------- */

typedef struct orb_dyn_ensemble_options {
  size_t runs;              /* >= 1 */
  uint64_t seed;
  int threads;              /* 0: OpenMP's default */
  const char *store;        /* SQLite file to write, or NULL */
  size_t keep;              /* keep the full series of runs 0..keep-1 */
  const char *description;  /* stored with the runs (e.g. the counterfactual) */
  void (*progress)(size_t done, size_t total, void *context); /* or NULL */
  void *context;
} orb_dyn_ensemble_options;

/* What an ensemble leaves in memory: per series and month the 5%, 50% and 95%
 * quantiles, and the kept runs' full series. Owned by the struct. */
typedef struct orb_dyn_summary {
  size_t runs, series_count, month_count;
  float *quantiles;         /* [(series * months + month) * 3 + q], q = 5%, 50%, 95% */
  size_t kept;
  float *kept_values;       /* [(run * series + series) * months + month] */
} orb_dyn_summary;

/* Runs the ensemble (results identical byte for byte for any thread count);
 * quantiles are streamed through fixed histograms, so memory does not grow with
 * runs. With options->store, writes the store (docs/MODEL.md, "The run store"),
 * refusing a target that exists and is not an orbit store. Caller frees *summary
 * with orb_dyn_summary_free. */
orb_status orb_dyn_ensemble(const orb_dyn_model *model, const orb_dyn_settings *settings,
                            const orb_dyn_ensemble_options *options,
                            orb_dyn_summary **summary, orb_diags *diags);
void orb_dyn_summary_free(orb_dyn_summary *summary);

/* ---- fitting the alignment's rates (docs/MODEL.md, "Alignment") ------------------ */

/* One state-pole pair's history for orb_dyn_fit_alignment, month by month from
 * January of the data's first year. */
typedef struct orb_dyn_fit_series {
  const float *index;       /* [12 * years]: the pair's structural index (leverage share) */
  const float *impulse;     /* [12 * years]: the alignment impulses of its events, or NULL */
  const double *observed;   /* [years]: revealed alignment, NAN unknown (assimilated in December) */
  const double *votes;      /* [years]: votes each observation averages (0 unknown), or NULL */
  const double *vote_var;   /* [years]: the variance of one of those votes' stance
                               values (NAN unknown), or NULL (all unknown) */
} orb_dyn_fit_series;

/* What the fit knows: years first_year..first_year+years-1 and nothing after. */
typedef struct orb_dyn_fit_data {
  int first_year, years;
  size_t series_count;
  const orb_dyn_fit_series *series;
  int origin_from;          /* forecasts from December of each year u >= origin_from ... */
  int horizon;              /* ... of years u+1..u+horizon within the data */
  double vote_noise;        /* dyn.align_vote_noise (0: every observation weighs fully) */
  double vote_var;          /* dyn.align_vote_var: a vote's variance when unknown */
  double common;            /* dyn.align_common: the weight of the pole's common level */
  double assimilate;        /* dyn.assimilate_weight: the share of the way the alignment
                               moves to the anchor's estimate at a year's observation */
  double half_life_months;  /* dyn.align_half_life_months (> 0) */
  double level_prior_var;   /* dyn.align_level_prior_var: the prior variance of a pair's
                               level relative to the common level at its first observation */
} orb_dyn_fit_data;

/* The rates of the alignment equation that forecast best within the data, and
 * the scores of those forecasts. */
typedef struct orb_dyn_alignment_fit {
  double level_var;         /* dyn.align_level_var */
  double slope;             /* dyn.align_slope */
  size_t n;                 /* forecasts scored (pair, origin, horizon) */
  double mae, rmse;
} orb_dyn_alignment_fit;

/* Fits the alignment's rates by a grid search (docs/MODEL.md lists the grid) that
 * minimises the absolute error of the yearly mean alignment forecast from every
 * origin u of the data (observed in u, no observation or impulse after u, the
 * structural index as the data gives it) against the revealed alignment of the
 * years u+1..u+horizon, with the data's weight of the common level, share of
 * assimilation and half-life (not fitted: with the alignment moved to the
 * anchor's estimate at each year, the record does not identify them); the first
 * grid point wins ties. Every forecast is
 * made from a December with what was known then and scored on later years of
 * the data only. ORB_EINVAL with a diagnostic when no forecast can be scored. */
orb_status orb_dyn_fit_alignment(const orb_dyn_fit_data *data, orb_dyn_alignment_fit *fit,
                                 orb_diags *diags);

/* A counterfactual against its baseline with common random numbers: run j of
 * both takes the draws of the stream (seed, j), so a parameter both draw has the
 * same value in both, and the difference is computed run by run. Each summary
 * holds per series and month the 5%, 50% and 95% quantiles over the runs: of the
 * baseline, of the counterfactual, and of the per-run difference
 * (counterfactual - baseline). Owned by the struct. */
typedef struct orb_dyn_comparison {
  orb_dyn_summary *baseline, *counterfactual, *difference;
} orb_dyn_comparison;

/* Runs the pair of ensembles (identical byte for byte for any thread count).
 * The two models must have the same months and series (ORB_EINVAL with a
 * diagnostic otherwise: a counterfactual that adds a pair or an institution);
 * options->store must be NULL (ORB_EINVAL). Caller frees *comparison with
 * orb_dyn_comparison_free. */
orb_status orb_dyn_compare(const orb_dyn_model *baseline, const orb_dyn_settings *baseline_settings,
                           const orb_dyn_model *counterfactual,
                           const orb_dyn_settings *counterfactual_settings,
                           const orb_dyn_ensemble_options *options,
                           orb_dyn_comparison **comparison, orb_diags *diags);
void orb_dyn_comparison_free(orb_dyn_comparison *comparison);

/* ---- validation against the record ----------------------------------------------- */

/* What orb_dyn_validate checks; zero fields take the defaults shown. */
typedef struct orb_dyn_validation_options {
  const char *pole;          /* "RUS": the pole whose agreement is modelled */
  int fit_from, fit_to;      /* 1995, 2019: years of the fit to the record */
  int origin_from, origin_to;/* 2000, 2016: forecast origins t */
  int horizon;               /* 3: years forecast after each origin */
  int data_to;               /* 0: all; else the last year of the record and the world
                                read at all (a check that forecasts never read later) */
} orb_dyn_validation_options;

/* Scores of one set of forecasts: the model's, persistence's ("next years as
 * year t") and the mean of the last three years' (t-2..t, those observed).
 * origin is the year t, or 0 for a row pooled over origins; horizon is h (1..H),
 * or 0 for a row pooled over horizons. */
typedef struct orb_dyn_validation_row {
  int origin, horizon;
  size_t n;                  /* (state, year) pairs scored */
  double model_mae, model_rmse, persist_mae, persist_rmse, mean3_mae, mean3_rmse;
  double model_closer;       /* share of the pairs where the model's forecast is closer
                                to the observed agreement than persistence's (a tie
                                counts half) */
} orb_dyn_validation_row;

/* The fit of the yearly mean of alignment:S:POLE to the observed agreement over
 * the fit years: [0] with capability and conflict from the record but no roll
 * call assimilated (the structure alone), [1] assimilating the roll calls of
 * every year in its December as orbit simulate does. */
typedef struct orb_dyn_validation {
  char pole[32];
  int fit_from, fit_to, origin_from, origin_to, horizon;
  size_t state_count;        /* states with an alignment series toward the pole */
  size_t fit_n[2];
  double fit_mae[2], fit_rmse[2], fit_corr[2];
  size_t row_count;          /* one row per origin (horizon 0), then one per horizon
                                pooled over origins, then the pool of all (0, 0) */
  orb_dyn_validation_row *rows;
  orb_dyn_alignment_fit *origin_fits; /* [origins]: the rates fitted on years <= t */
  orb_dyn_alignment_fit full_fit;     /* the rates fitted on years <= fit_to (the
                                         shipped defaults come from it) */
  double vote_noise;         /* the noise ratio n0 of the roll calls of years <= fit_to
                                (dyn.align_vote_noise comes from it; NAN none) */
  double vote_var;           /* the mean variance of a roll call's stance value around
                                its state-year mean, years <= fit_to
                                (dyn.align_vote_var comes from it; NAN none) */
  double level_prior_var;    /* the cross-sectional variance of the states' agreement
                                around the year's mean less its sampling part, years
                                <= fit_to (dyn.align_level_prior_var comes from it;
                                NAN none) */
  char (*states)[16];        /* [state_count]: ids of the states */
  double *forecasts;         /* [((t - origin_from) * state_count + state) * horizon + h-1]:
                                the model's yearly agreement, NAN when none */
} orb_dyn_validation;

/* Validates the model of world against the record (docs/MODEL.md, "Validation
 * against the record"): per forecast origin t, a run at the settings' central
 * values whose inputs are cut at the end of t (the record, the world's events,
 * ties and memberships: orb_dyn_inputs_truncate), the alignment's rates fitted
 * on its years up to t (orb_dyn_fit_alignment), and the run again with them.
 * *out is new (free with orb_dyn_validation_free). ORB_EINVAL with a diagnostic
 * for a pole that is not a UN member pole of the world, years outside the world
 * or the record, or data_to before the last origin. */
orb_status orb_dyn_validate(const orb_world *world, const orb_record *record,
                            const orb_dyn_settings *settings,
                            const orb_dyn_validation_options *options,
                            orb_dyn_validation **out, orb_diags *diags);
void orb_dyn_validation_free(orb_dyn_validation *validation);

ORB_END_API

#ifdef __cplusplus
}
#endif
#endif
