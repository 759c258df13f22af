/*
 * orbit/stance.h: the stance model, "the calculus of silence" (docs/MODEL.md,
 * section "Stances"). Given a world, an issue and a date, every state other than
 * the issue's patron gets probabilities of supporting the patron, staying silent
 * and condemning it, and an explanation: each factor's signed contribution to a
 * score that the contributions add up to exactly.
 *
 * The model's parameters come from the world's `parameters:` (names stance_*),
 * with the documented defaults for those absent. orb_stance_calibrate fits them by
 * penalised maximum likelihood on the observed stances the world records.
 */
#ifndef ORBIT_STANCE_H
#define ORBIT_STANCE_H

#include "orbit/world.h"

#ifdef __cplusplus
extern "C" {
#endif

ORB_BEGIN_API

/* The model's terms (features), in the order the score sums them. */
typedef enum orb_stance_term {
  ORB_TERM_ECONOMIC,     /* market dependence on the patron: trade, energy, money (+) */
  ORB_TERM_INTEGRATION,  /* membership of the patron's economic union (+) */
  ORB_TERM_ALLIANCE,     /* membership of the patron's alliance or union (+) */
  ORB_TERM_MILITARY,     /* arms, security ties, allied bases (+) */
  ORB_TERM_THREAT,       /* the patron's coercion record times its free capacity (+) */
  ORB_TERM_LEVER,        /* minorities lever: diaspora share times the threat (+) */
  ORB_TERM_VICTIM,       /* coercion suffered from the patron, hostile bases (-) */
  ORB_TERM_RIVAL_BLOC,   /* membership of a rival alliance or union (-) */
  ORB_TERM_ALTERNATIVES, /* strongest dependence on another actor (-) */
  ORB_TERM_COUNT
} orb_stance_term;

/* The factors of the seeds' calculus; each term belongs to one. */
typedef enum orb_stance_factor {
  ORB_FACTOR_ECONOMIC,
  ORB_FACTOR_SECURITY,
  ORB_FACTOR_RETALIATION,
  ORB_FACTOR_SOVEREIGNTY,
  ORB_FACTOR_ALTERNATIVES,
  ORB_FACTOR_COUNT
} orb_stance_factor;

/* Names as used in parameter names and output ("rival_bloc"); static strings. */
const char *orb_stance_term_name(orb_stance_term term);
/* Readable factor names ("economic dependence"); static strings. */
const char *orb_stance_factor_name(orb_stance_factor factor);
/* The factor a term belongs to. */
orb_stance_factor orb_stance_term_factor(orb_stance_term term);
/* The sign a term's effective weight is held to: +1 pulls toward support, -1 away. */
int orb_stance_term_sign(orb_stance_term term);
/* "support", "silent" or "condemn"; static strings. */
const char *orb_stance_name(orb_stance stance);

/* An interaction: weight of term `term` times the issue attribute `attribute`. */
typedef struct orb_stance_interaction {
  orb_stance_term term;
  char *attribute; /* owned by the model */
  double weight;
} orb_stance_interaction;

/* The model's parameters (docs/MODEL.md, parameter table). */
typedef struct orb_stance_model {
  double weight[ORB_TERM_COUNT];
  orb_stance_interaction *interactions; /* owned; interaction_count entries */
  size_t interaction_count;
  double cut_condemn, cut_support;      /* kappa_1 < kappa_2 */
  double l2;                            /* lambda the weights were fitted with */
  double half_life_years;               /* decay of the coercion record */
  double war_window_days;               /* how long an attack keeps the patron at war */
  double member_suspended;              /* membership weight when suspended */
  double member_observer;               /* membership weight as observer */
} orb_stance_model;

/* Fills *model with the defaults, then with every stance_* parameter of world
 * (world may be NULL for defaults only). An unknown stance_* name, an interaction
 * naming an unknown term, or cut-points out of order are appended to diags and
 * give ORB_EINVAL (model left empty). Free with orb_stance_model_free. */
orb_status orb_stance_model_init(orb_stance_model *model, const orb_world *world,
                                 orb_diags *diags);
/* Frees what a model owns; the struct itself is the caller's. */
void orb_stance_model_free(orb_stance_model *model);
/* Deep copy of src into *dst (dst freed by the caller). */
orb_status orb_stance_model_copy(orb_stance_model *dst, const orb_stance_model *src);

/* The features x[t] of actor with respect to patron on date (docs/MODEL.md),
 * computed from scratch by scanning the world. ORB_ENOMEM if scratch memory
 * could not be had. */
orb_status orb_stance_features(const orb_world *world, const orb_stance_model *model,
                               size_t actor, size_t patron, orb_date date,
                               double x[ORB_TERM_COUNT]);

/* What holds for every actor on date: the patron's coercion record against anyone,
 * 1 - exp(-Q) (*record), and its free capacity K (*capacity), with the number of
 * distinct targets it is at war with (*wars). Any pointer may be NULL. */
void orb_stance_patron_state(const orb_world *world, const orb_stance_model *model,
                             size_t patron, orb_date date, double *record,
                             double *capacity, size_t *wars);

/* Features of every actor at once (one pass over ties, memberships and events):
 * x is world->actor_count rows of ORB_TERM_COUNT, row-major, caller-owned. Gives
 * the same numbers as orb_stance_features, actor by actor. Returns ORB_ENOMEM if
 * scratch memory could not be had. */
orb_status orb_stance_features_all(const orb_world *world, const orb_stance_model *model,
                                   size_t patron, orb_date date, double *x);

/* One actor's prediction with its explanation. */
typedef struct orb_stance_prediction {
  size_t actor;
  double x[ORB_TERM_COUNT];            /* features */
  double weight[ORB_TERM_COUNT];       /* effective weights on this issue */
  double contribution[ORB_TERM_COUNT]; /* weight times feature */
  double factor[ORB_FACTOR_COUNT];     /* sums of their terms' contributions */
  double score;                        /* sum of the contributions */
  double prob[ORB_STANCE_COUNT];       /* indexed by orb_stance */
  orb_stance predicted;                /* most probable stance */
  size_t observed;                     /* observed option index, or ORB_NONE */
} orb_stance_prediction;

/* Probabilities of the three stances for a score (docs/MODEL.md). */
void orb_stance_probabilities(const orb_stance_model *model, double score,
                              double prob[ORB_STANCE_COUNT]);

/* Scores features x for issue (effective weights with the issue's attributes),
 * filling everything of *out except actor and observed. */
void orb_stance_explain(const orb_stance_model *model, const orb_issue *issue,
                        const double x[ORB_TERM_COUNT], orb_stance_prediction *out);

/* Predicts every state other than the issue's patron on date (the issue's date
 * when date is ORB_DATE_NONE), in world order. *predictions is a new array the
 * caller frees; *count its length. ORB_EINVAL when issue is not an index of
 * world->issues or the date lies outside the world's span; ORB_ENOMEM. */
orb_status orb_stance_predict(const orb_world *world, const orb_stance_model *model,
                              size_t issue, orb_date date,
                              orb_stance_prediction **predictions, size_t *count);

/* Scores of one way of predicting, on held-out countries. */
typedef struct orb_stance_score {
  double accuracy;  /* share predicted right */
  double log_loss;  /* mean -log P(observed) */
} orb_stance_score;

/* One held-out observation of the nested leave-one-country-out: what the model
 * and the two baselines gave it when its country was left out. */
typedef struct orb_stance_heldout {
  size_t issue, actor;
  orb_stance observed;
  double model[ORB_STANCE_COUNT];     /* indexed by orb_stance */
  double majority[ORB_STANCE_COUNT];
  double ally[ORB_STANCE_COUNT];
  size_t ally_actor;                  /* the closest ally, ORB_NONE if none */
  double l2;                          /* lambda chosen by the inner folds */
} orb_stance_heldout;

/* What orb_stance_calibrate produces. */
typedef struct orb_stance_calibration {
  orb_stance_model model;         /* fitted on all observations with the chosen l2 */
  size_t observation_count;       /* observed stances used */
  size_t country_count;           /* distinct actors (folds) */
  size_t issue_count;             /* issues that contributed observations */
  double *grid_log_loss;          /* LOCO log-loss per grid value (owned) */
  size_t grid_count;
  double train_log_loss;          /* mean log-loss of the final fit on its data */
  double train_accuracy;
  orb_stance_score model_cv;      /* nested leave-one-country-out */
  orb_stance_score majority_cv;   /* majority-class baseline, same folds */
  orb_stance_score ally_cv;       /* closest-ally baseline, same folds */
  orb_stance_heldout *heldout;    /* one per observation, in world order (owned) */
  unsigned char *fitted_interaction; /* per model interaction: 1 if fitted (owned) */
  int iterations;                 /* Newton iterations of the final fit */
} orb_stance_calibration;

/* The L2 grid searched by calibration (docs/MODEL.md); *count gets its length. */
const double *orb_stance_l2_grid(size_t *count);

/* Fits the model to every observed stance of the world (the patron's own
 * excepted), starting from `start` for the fixed constants and the weights of
 * interactions that cannot be fitted, and scores it by nested leave-one-country-out
 * beside the two baselines. Deterministic. ORB_EINVAL (with a message in diags)
 * when there are too few observations or a stance is never observed. Free the
 * result with orb_stance_calibration_free. */
orb_status orb_stance_calibrate(const orb_world *world, const orb_stance_model *start,
                                orb_stance_calibration *result, orb_diags *diags);
void orb_stance_calibration_free(orb_stance_calibration *result);

/* The closest ally of actor on issue (docs/MODEL.md, baselines): the actor with an
 * observed stance on the issue, other than actor, the issue's patron and those
 * excluded (exclude may be NULL; indexed by actor), with the highest positive
 * affinity; ORB_NONE if none has any. */
size_t orb_stance_closest_ally(const orb_world *world, size_t issue, size_t actor,
                               const unsigned char *exclude);

/* Writes the world file at path with its stance_* parameters replaced by those of
 * model, keeping every other byte. The fitted parameters (the weights, cut-points,
 * l2, and the interactions marked in fitted_interaction, all when it is NULL) get
 * `fitted_by: <fitted_by>` (none when fitted_by is NULL). Writes a
 * temporary file beside it, reloads it to check it is valid, then renames it over
 * path: on any failure path is untouched and diags says why. */
orb_status orb_stance_write_params(const char *path, const orb_stance_model *model,
                                   const unsigned char *fitted_interaction,
                                   const char *fitted_by, orb_diags *diags);

ORB_END_API

#ifdef __cplusplus
}
#endif
#endif
