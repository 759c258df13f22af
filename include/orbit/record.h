/*
 * orbit/record.h: the behavioural record that ships with orbit (data/record/):
 * every UN General Assembly roll call 1946 .. 2020-01-14 with every member's vote,
 * and the peace-science series the models use (COW capabilities, ATOP alliance
 * obligations, UCDP armed conflict-years). docs/MODEL.md, section "The record".
 *
 * Countries are ISO 3166-1 alpha-3 codes, like the ids of states in world files,
 * so a world's actors map to UN members by id.
 */
#ifndef ORBIT_RECORD_H
#define ORBIT_RECORD_H

#include "orbit/align.h"
#include "orbit/world.h"

#ifdef __cplusplus
extern "C" {
#endif

ORB_BEGIN_API

/* One country's vote on one roll call. */
typedef enum orb_vote {
  ORB_VOTE_NONMEMBER = 0, /* not a UN member that session (cast no vote in it) */
  ORB_VOTE_ABSENT = 1,    /* a member that session, no vote on this roll call */
  ORB_VOTE_YES = 2,
  ORB_VOTE_NO = 3,
  ORB_VOTE_ABSTAIN = 4
} orb_vote;

/* "non-member", "absent", "yes", "no", "abstain"; static strings. */
const char *orb_vote_name(orb_vote vote);

/* The source's topic codes, as bits of orb_record_rollcall.topics. */
typedef enum orb_record_topic {
  ORB_TOPIC_ME = 0, /* Palestinian conflict */
  ORB_TOPIC_NU,     /* nuclear weapons */
  ORB_TOPIC_DI,     /* arms control and disarmament */
  ORB_TOPIC_HR,     /* human rights */
  ORB_TOPIC_CO,     /* colonialism */
  ORB_TOPIC_EC,     /* economic development */
  ORB_TOPIC_COUNT
} orb_record_topic;

/* "me", "nu", ... (code) and "Palestinian conflict", ... (name); static strings. */
const char *orb_record_topic_code(orb_record_topic topic);
const char *orb_record_topic_name(orb_record_topic topic);
/* The topic of a code ("hr"), or ORB_TOPIC_COUNT when there is none. */
orb_record_topic orb_record_topic_find(const char *code);

typedef struct orb_record_country {
  char iso3[4];
  char iso2[3];
  int cow[2];          /* COW codes tried in order (0 = none) */
  const char *name;    /* points into the record */
} orb_record_country;

typedef struct orb_record_rollcall {
  int rcid;
  int session;
  orb_date date;
  signed char important, amend, para; /* 1, 0, or -1 when the source says NA */
  unsigned topics;                    /* bits 1 << orb_record_topic */
  const char *unres;                  /* resolution symbol; points into the record */
  const char *short_title;
  const char *descr;
  size_t title;                       /* index of its normalised title (same text, same index) */
  size_t stem;                        /* index of its title's first six words */
} orb_record_rollcall;

typedef struct orb_record_capability {
  size_t country;
  int year;
  /* NaN when the source has no figure. */
  double milex, milper, irst, pec, tpop, upop, cinc;
} orb_record_capability;

/* ATOP obligation bits. */
enum {
  ORB_ATOP_DEFENSE = 1, ORB_ATOP_OFFENSE = 2, ORB_ATOP_NEUTRAL = 4,
  ORB_ATOP_NONAGG = 8, ORB_ATOP_CONSUL = 16
};

typedef struct orb_record_alliance {
  size_t from, to;        /* country indices: obligations of from toward to */
  int first, last;        /* years, inclusive */
  unsigned obligations;   /* ORB_ATOP_* bits */
} orb_record_alliance;

/* A UCDP conflict-year. Sides are country index lists in record->conflict_sides. */
typedef struct orb_record_conflict {
  int id;
  int year;
  int intensity;              /* 1: 25-999 battle deaths that year; 2: 1,000+ */
  size_t side_start[4];       /* side A, A secondary, B, B secondary */
  size_t side_count[4];
  const char *incompatibility;
  const char *type;
} orb_record_conflict;

typedef struct orb_record {
  orb_record_country *countries;       size_t country_count;
  orb_record_rollcall *rollcalls;      size_t rollcall_count; /* by date, then rcid */
  unsigned char *votes;                /* rollcall_count rows of country_count orb_vote */
  size_t title_count, stem_count;
  orb_record_capability *capabilities; size_t capability_count; /* by country, year */
  orb_record_alliance *alliances;      size_t alliance_count;
  orb_record_conflict *conflicts;      size_t conflict_count;   /* by year */
  size_t *conflict_sides;
  orb_date first, last;                /* dates of the first and last roll calls */
  char **buffers;                      /* private: the files' text */
  size_t buffer_count;
} orb_record;

/* The folder of the shipped record: $ORBIT_RECORD_DIR, else the source tree's
 * data/record, else the installed one. Static or environment string. */
const char *orb_record_default_dir(void);

/* Loads the five files of dir (NULL: orb_record_default_dir()) with strict
 * validation: any malformed, truncated or inconsistent line is reported in diags
 * as FILE:LINE:COL and gives ORB_EPARSE (ORB_EIO when a file cannot be read).
 * *record is new (free with orb_record_free) only on ORB_OK. */
orb_status orb_record_load(const char *dir, orb_record **record, orb_diags *diags);
void orb_record_free(orb_record *record);

/* The index of the country with ISO alpha-3 code iso3, or ORB_NONE. */
size_t orb_record_find_country(const orb_record *record, const char *iso3);

/* The vote of country on roll call rc (indices). */
static inline orb_vote orb_record_vote(const orb_record *record, size_t rc, size_t country) {
  return (orb_vote)record->votes[rc * record->country_count + country];
}

/* The normalised title of a text (the description up to " : ", lower-case
 * letters and digits, runs of anything else one space), written into buf[size]. */
void orb_record_title_key(const char *text, char *buf, size_t size);

/* For every actor of world, its record country (ISO alpha-3 id), or ORB_NONE:
 * map[world->actor_count], caller-owned. Returns how many actors map. */
size_t orb_record_map_world(const orb_record *record, const orb_world *world, size_t *map);

/* ---- agreement ------------------------------------------------------------------ */

/* Stance of a country toward a patron on a roll call (docs/MODEL.md): support
 * (agree: the same yes or no as the patron), silent (abstain or absent), condemn
 * (oppose: the other of yes and no). Returns 0 when the roll call is no
 * observation: the patron abstained, was absent or not a member, or the country
 * was not a member. */
int orb_record_stance(const orb_record *record, size_t rc, size_t country, size_t patron,
                      orb_stance *stance);

/* Counts of stances of country toward patron, over a set of roll calls. */
typedef struct orb_record_tally {
  size_t n[ORB_STANCE_COUNT];
  size_t total;
} orb_record_tally;

/* Tallies of country toward patron on the roll calls with from <= date < to, per
 * year (years[to_year - from_year + 1], index year - year(from)) and per topic
 * (topics[ORB_TOPIC_COUNT + 1]: the last for roll calls with no topic); either
 * may be NULL. Returns the overall tally. */
orb_record_tally orb_record_agreement(const orb_record *record, size_t country, size_t patron,
                                      orb_date from, orb_date to, orb_record_tally *years,
                                      orb_record_tally *topics);


/* ---- the stance model learned from the record (docs/MODEL.md) --------------------- */

/* Text attributes of a roll call or a world issue (docs/MODEL.md, mapping table). */
typedef enum orb_record_attr {
  ORB_ATTR_HUMAN_RIGHTS = 0,
  ORB_ATTR_TERRITORIAL,   /* territorial integrity, occupation, sovereignty */
  ORB_ATTR_NAMES_PATRON,  /* the text names the patron */
  ORB_ATTR_SANCTIONS,     /* sanctions, embargoes, coercive measures, punishment */
  ORB_ATTR_PEACE,         /* peace terms, settlement, ceasefire */
  ORB_ATTR_NUCLEAR,
  ORB_ATTR_DISARMAMENT,
  ORB_ATTR_DEVELOPMENT,
  ORB_ATTR_COLONIALISM,   /* colonialism, self-determination */
  ORB_ATTR_MIDDLE_EAST,
  ORB_ATTR_PROCEDURAL,    /* a vote on an amendment or a paragraph */
  ORB_ATTR_COUNT
} orb_record_attr;

/* Attribute names as a world issue writes them ("human_rights"); static strings. */
const char *orb_record_attr_name(orb_record_attr attr);

/* The attributes of roll call rc with respect to patron (a country index):
 * bits 1 << orb_record_attr. */
unsigned orb_record_rollcall_attrs(const orb_record *record, size_t rc, size_t patron);

/* The attributes of a text (title or description) with topic bits, for a patron. */
unsigned orb_record_text_attrs(const orb_record *record, const char *text, unsigned topics,
                               size_t patron);

/* The terms of the model, in the order the scores sum them. */
typedef enum orb_record_term {
  /* revealed alignment (the record) */
  ORB_RT_TITLE_NEW = 0,   /* no earlier roll call with the same title */
  ORB_RT_TITLE_LAST_AGREE, ORB_RT_TITLE_LAST_SILENT, ORB_RT_TITLE_LAST_OPPOSE,
  ORB_RT_TITLE_AGREE, ORB_RT_TITLE_SILENT, ORB_RT_TITLE_OPPOSE,
  ORB_RT_REPEAT_AGREE, ORB_RT_REPEAT_SILENT, ORB_RT_REPEAT_OPPOSE,
  ORB_RT_TITLE_ALL_SILENT, ORB_RT_TITLE_ALL_OPPOSE, ORB_RT_SILENT_X_SILENT,
  ORB_RT_ATTR_AGREE, ORB_RT_ATTR_SILENT, ORB_RT_ATTR_OPPOSE,
  ORB_RT_DIR_AGREE, ORB_RT_DIR_SILENT, ORB_RT_DIR_OPPOSE,
  ORB_RT_ABSENT_RATE, ORB_RT_ABSTAIN_RATE,
  ORB_RT_ABSENT_LAST_DAY, ORB_RT_ABSENT_SESSION,
  ORB_RT_TITLE_ABSENT, ORB_RT_SESSION_X_TITLE_ABSENT, ORB_RT_REPEAT_ABSENT,
  ORB_RT_PEER_SILENT, ORB_RT_PEER_OPPOSE, /* the actor's peers' stances on the title's last roll call */
  ORB_RT_ABSENT_RECENT, /* EW share of absences by date */
  ORB_RT_REPEAT_X_ATTR_SILENT, ORB_RT_LAST_AGREE_X_DIR_SILENT, ORB_RT_TITLE_STALE, ORB_RT_ABSENT_X_DIVIDED, ORB_RT_ABSTAIN_X_DIVIDED,
  ORB_RT_STEM_LAST_AGREE, ORB_RT_STEM_LAST_SILENT, ORB_RT_STEM_LAST_OPPOSE, /* new title, known stem */
  ORB_RT_NEAR_AGREE, ORB_RT_NEAR_SILENT, ORB_RT_NEAR_OPPOSE, /* new title: the nearest earlier one */
  /* security dependence */
  ORB_RT_ALLY_DEFENSE, ORB_RT_ALLY_OTHER,
  /* fear of retaliation */
  ORB_RT_CAPABILITY, ORB_RT_PATRON_WAR,
  /* sovereignty */
  ORB_RT_VICTIM,
  /* alternatives */
  ORB_RT_RIVAL_ALLY,
  /* the issue */
  ORB_RT_INTERCEPT, ORB_RT_PATRON_NO,
  ORB_RT_ATTR0, /* ORB_ATTR_COUNT terms, one per attribute */
  ORB_RT_COUNT = ORB_RT_ATTR0 + ORB_ATTR_COUNT
} orb_record_term;

/* Groups of terms for explanations. */
typedef enum orb_record_factor {
  ORB_RF_RECORD = 0,     /* revealed alignment */
  ORB_RF_SECURITY,
  ORB_RF_RETALIATION,
  ORB_RF_SOVEREIGNTY,
  ORB_RF_ALTERNATIVES,
  ORB_RF_ISSUE,
  ORB_RF_COUNT
} orb_record_factor;

/* Term and factor names ("title_last_agree", "revealed alignment"); static. */
const char *orb_record_term_name(orb_record_term term);
const char *orb_record_factor_name(orb_record_factor factor);
orb_record_factor orb_record_term_factor(orb_record_term term);

/* The model: a multinomial logit with silence as the reference outcome. Score
 * s_support = sum_t w[0][t] x_t, s_condemn = sum_t w[1][t] x_t, s_silent = 0. */
typedef struct orb_record_model {
  double w[2][ORB_RT_COUNT];
  double l2;             /* penalty the weights were fitted with */
  double title_decay;    /* EW decay per earlier same-title roll call */
  double attr_decay;     /* per earlier roll call with the attribute */
  double attr_half_life; /* years: the attribute shares also fade with time */
  double dir_decay;      /* per earlier roll call with the patron voting the same way */
  double rate_decay;     /* per earlier roll call, for the absence and abstention rates */
  double war_half_life;  /* years, for the patron's wars and conflicts with it */
  double major_cinc;     /* CINC from which a state counts as a major power */
  double silent_bias;    /* decision offset of silence (log scale): the predicted stance
                            is the largest of P(support), e^b P(silent), P(condemn);
                            probabilities do not depend on it (orb_record_decide) */
  size_t rows;           /* rows it was fitted on (0: untrained defaults) */
  int iterations;
} orb_record_model;

/* Defaults (all weights 0: every stance 1/3). */
void orb_record_model_init(orb_record_model *model);

/* One row of the parameter table: name, value, meaning (static strings). */
typedef struct orb_record_param {
  char name[64];
  double value;
  const char *meaning;
} orb_record_param;
/* Fills rows (at least orb_record_param_count() entries) with every parameter. */
size_t orb_record_params(const orb_record_model *model, orb_record_param *rows);
size_t orb_record_param_count(void);

/* Observations: one per (roll call, actor, patron) with a stance, with features
 * computed from the record strictly before the roll call's date. */
typedef struct orb_record_rows {
  size_t count;
  float *x;                 /* count rows of ORB_RT_COUNT */
  uint32_t *rc;
  uint16_t *actor, *patron; /* country indices */
  uint8_t *stance;          /* orb_stance */
  int16_t *year;
  uint8_t *copy_title;      /* stance of the baselines: same title, else topic, else any */
  uint8_t *copy_topic;      /* same topic, else any */
  uint8_t *train;           /* 1 when the row is in the fitting sample */
} orb_record_rows;

/* Which rows to build. */
typedef struct orb_record_rows_spec {
  const size_t *patrons;    /* country indices */
  size_t patron_count;
  int train_from;           /* first year of fitting rows */
  unsigned train_sample;    /* keep 1 in train_sample fitting rows (deterministic hash) */
  int eval_from, eval_to;   /* years whose every row is kept */
  const unsigned char *eval_actor; /* per country: keep its rows of eval years (NULL: all) */
} orb_record_rows_spec;

orb_status orb_record_rows_build(const orb_record *record, const orb_record_model *model,
                                 const orb_record_rows_spec *spec, orb_record_rows *rows);
void orb_record_rows_free(orb_record_rows *rows);

/* Fits model's weights (penalised maximum likelihood, Newton) on the rows with
 * train set and year < before (every year when before is 0). Deterministic. */
orb_status orb_record_fit(orb_record_model *model, const orb_record_rows *rows, int before,
                          orb_diags *diags);

/* Scores and probabilities of features x (ORB_RT_COUNT). contrib (may be NULL)
 * gets each term's contribution to s_support [0] and s_condemn [1]. */
void orb_record_predict(const orb_record_model *model, const float *x, double score[2],
                        double prob[ORB_STANCE_COUNT], double contrib[2][ORB_RT_COUNT]);

/* The stance the model predicts from its probabilities: the largest of
 * P(support), exp(silent_bias) P(silent), P(condemn) (ties: the first). */
orb_stance orb_record_decide(const orb_record_model *model, const double prob[ORB_STANCE_COUNT]);

/* Chooses model->silent_bias by an inner validation on years before `before`:
 * for each of the ORB_RECORD_SILENCE_YEARS years y before it, the weights fitted on
 * the fitting rows before y predict the fitting rows of y; the bias on the grid
 * 0, 0.05, ..., 2 that gives the largest macro-F1 over those years is kept (the
 * smallest on ties). Leaves the weights fitted before `before` (every year when
 * before is 0, the offset then chosen on the last years). */
enum { ORB_RECORD_SILENCE_YEARS = 3 };
orb_status orb_record_fit_tuned(orb_record_model *model, const orb_record_rows *rows, int before,
                                orb_diags *diags);

/* The features of actor toward patron (country indices) on date for an issue with
 * attributes attrs, title index title and stem index stem (ORB_NONE: none;
 * orb_record_find_title, orb_record_find_stem) and the patron's vote
 * (ORB_VOTE_YES/NO, else unknown), from the record strictly before date (its end
 * when date is later). */
orb_status orb_record_features_at(const orb_record *record, const orb_record_model *model,
                                  size_t actor, size_t patron, orb_date date, unsigned attrs,
                                  size_t title, size_t stem, orb_vote patron_vote,
                                  float x[ORB_RT_COUNT]);
/* The same for an issue whose text (its title) may match no roll call: title,
 * stem and nearest earlier title are read from it. */
orb_status orb_record_features_text(const orb_record *record, const orb_record_model *model,
                                    size_t actor, size_t patron, orb_date date, unsigned attrs,
                                    const char *text, orb_vote patron_vote,
                                    float x[ORB_RT_COUNT]);

/* The title index of a text in the record (its normalised title), or ORB_NONE. */
size_t orb_record_find_title(const orb_record *record, const char *text);
/* The stem index of a text (its normalised title's first six words), or ORB_NONE. */
size_t orb_record_find_stem(const orb_record *record, const char *text);

/* The standard fitting rows (patrons Russia, the United States and China; one in
 * four rows from 1992 on), with every row of the years eval_from..eval_to kept
 * too (none when eval_from > eval_to). Free with orb_record_rows_free. */
orb_status orb_record_rows_standard(const orb_record *record, const orb_record_model *model,
                                    int eval_from, int eval_to, orb_record_rows *rows,
                                    orb_diags *diags);

/* Fits model on the standard fitting rows (patrons Russia, the United States and
 * China; one in four rows from 1992 on) of the years before year(before), or of
 * the whole record when before is ORB_DATE_NONE, with the decision offset of
 * silence chosen as orb_record_fit_tuned does. */
orb_status orb_record_fit_before(const orb_record *record, orb_record_model *model,
                                 orb_date before, orb_diags *diags);

/* ---- the shipped parameters (docs/MODEL.md, "The shipped parameters") ------------- */

/* The path of the shipped parameter file: orb_record_default_dir()
 * "/stance-params.yaml", written into buf[size]. */
void orb_record_params_path(char *buf, size_t size);

/* The model of the shipped parameter file, each parameter replaced by the world's
 * own `parameters:` entry of the same name when it has one (the session's world,
 * --params applied).
 * ORB_EIO/ORB_EPARSE (diags say which file and how to regenerate it) when the
 * file cannot be read or lacks a parameter. */
orb_status orb_record_model_read(const orb_world *world, orb_record_model *model,
                                 orb_diags *diags);

/* Writes model's parameters as a `parameters:` file (loadable by
 * orb_world_with_params and --params), through orb_output (a foreign file is
 * refused); fitted_by (may be NULL) is stored beside the fitted ones. */
orb_status orb_record_model_write(const char *path, const orb_record_model *model,
                                  const char *fitted_by, orb_diags *diags);

/* ---- a world's issues ------------------------------------------------------------- */

/* The attributes of a world issue toward its patron (patron_country: its record
 * country): an issue attribute named like an orb_record_attr sets it (value >= 0.5)
 * or clears it; the others are read from its title as for roll calls. */
unsigned orb_record_issue_attrs(const orb_record *record, const orb_world *world, size_t issue,
                                size_t patron_country);

/* One state's prediction on a world issue, with its explanation. */
typedef struct orb_record_prediction {
  size_t actor;                        /* world actor */
  size_t country;                      /* record country */
  float x[ORB_RT_COUNT];               /* features */
  double contrib[2][ORB_RT_COUNT];     /* contributions to s_support [0], s_condemn [1] */
  double factor[2][ORB_RF_COUNT];      /* their sums by factor */
  double score[2];                     /* s_support, s_condemn (sums of the contributions) */
  double prob[ORB_STANCE_COUNT];
  orb_stance predicted;
  size_t observed;                     /* observed option, or ORB_NONE */
} orb_record_prediction;

/* Predicts every state of world that is a UN member (by ISO alpha-3 id), other
 * than the patron, on issue with model, from the record strictly before date
 * (ORB_DATE_NONE: the issue's date). *out is a new array (caller frees) of *count entries. ORB_EINVAL
 * (with a message) when the issue's patron is no UN member. */
orb_status orb_record_predict_issue(const orb_record *record, const orb_record_model *model,
                                    const orb_world *world, size_t issue, orb_date date,
                                    orb_record_prediction **out, size_t *count,
                                    orb_diags *diags);

/* The `top` factors (0: all) of a prediction's pull toward support,
 * s_support - s_condemn split by factor, largest |pull| first, as text
 * ("revealed alignment +1.14, the issue -0.82, ...") in buf (size bytes,
 * truncated to fit). */
void orb_record_prediction_explain(const orb_record_prediction *p, int top, char *buf,
                                   size_t size);

/* ---- blocs from behaviour (docs/MODEL.md, "Blocs from the record") ------------------ */

/* Share of identical votes of countries a and b on the roll calls with
 * from <= date < to where both voted yes, no or abstain; *n (may be NULL) gets
 * their number (the share is 0 when there is none). */
double orb_record_vote_agreement(const orb_record *record, size_t a, size_t b, orb_date from,
                                 orb_date to, size_t *n);

/* Adds to landscape, whose actor names are ids of world actors (ISO alpha-3 for states), the record's
 * propensities weight * (a_ij - mean a) with a_ij the vote agreement of the
 * pair over the `years` before date (the record's last `years` when date is
 * later) for every pair of UN members with at least 20 common votes; the mean is
 * over those pairs. Returns the number of pairs given a propensity in *pairs. */
orb_status orb_record_landscape_add(const orb_record *record, orb_landscape *landscape,
                                    orb_date date, double years,
                                    double weight, size_t *pairs, orb_diags *diags);

/* How well a split into blocs (blocs[i] for landscape actor i) agrees with the
 * record over [from, to): mean vote agreement within and between blocs, and the
 * share of pairs whose being in the same bloc matches their agreement being at
 * least the median of the pairs (pairs of UN members with at least 20 common
 * votes). */
typedef struct orb_record_bloc_fit {
  size_t pairs;
  double within, between;
  double pair_accuracy;
} orb_record_bloc_fit;
orb_record_bloc_fit orb_record_blocs_fit(const orb_record *record,
                                         const orb_landscape *landscape, const uint8_t *blocs,
                                         orb_date from, orb_date to);

/* ---- validation --------------------------------------------------------------------- */

enum { ORB_PRED_MODEL = 0, ORB_PRED_TITLE, ORB_PRED_TOPIC, ORB_PRED_AGREE, ORB_PRED_MAJORITY,
       ORB_PRED_IDEAL, ORB_PRED_COUNT };
/* "stance model", "same-title copy", ...; static strings. */
const char *orb_record_predictor_name(int predictor);

typedef struct orb_record_scores {
  size_t n;
  double accuracy, macro_f1, brier, log_loss;
} orb_record_scores;

/* Running sums for scores. */
typedef struct orb_record_tallies {
  size_t n;
  size_t confusion[ORB_STANCE_COUNT][ORB_STANCE_COUNT]; /* [observed][predicted] */
  double brier, log_loss;
} orb_record_tallies;

/* Adds a prediction: the stance predicted is the most probable one. */
void orb_record_tallies_add(orb_record_tallies *t, orb_stance observed,
                            const double prob[ORB_STANCE_COUNT]);
/* The same with the predicted stance given (orb_record_decide). */
void orb_record_tallies_add_decided(orb_record_tallies *t, orb_stance observed,
                                    const double prob[ORB_STANCE_COUNT], orb_stance predicted);
orb_record_scores orb_record_tallies_scores(const orb_record_tallies *t);

/* A set of rows scored together: the stances of the actors in `actors` (NULL:
 * every UN member) toward one patron. */
typedef struct orb_record_group {
  const char *name;
  size_t patron;
  const unsigned char *actors; /* per country */
} orb_record_group;

/* Rolling-origin validation (docs/MODEL.md): for each year t in [from, to], the
 * model is fitted on the fitting rows of every year before t (starting from the
 * previous year's weights) and every row of year t in a group is predicted by the
 * model and the baselines. tallies[(g * years + (t - from)) * ORB_PRED_COUNT + p]
 * for group g, year t and predictor p (caller-owned, zeroed, groups * years *
 * ORB_PRED_COUNT entries). *model ends as the fit of the last year; *fit_seconds
 * (may be NULL) gets the total fitting time. */
orb_status orb_record_rolling(const orb_record *record, orb_record_model *model,
                              const orb_record_rows *rows, const orb_record_group *groups,
                              size_t group_count, int from, int to,
                              orb_record_tallies *tallies, double *fit_seconds,
                              orb_diags *diags);

/* The standard validation: patrons Russia, the United States and China; rows
 * fitted from 1992 on (one in four, a deterministic sample); groups: the
 * post-Soviet states toward Russia, then every UN member toward each patron. */
#define ORB_RECORD_GROUPS 4
typedef struct orb_record_validation {
  int from, to;                          /* years predicted */
  orb_record_group groups[ORB_RECORD_GROUPS];
  orb_record_tallies *tallies;           /* as orb_record_rolling; owned */
  orb_record_model model;                /* the fit of the last year */
  double build_seconds, fit_seconds, predict_seconds;
  size_t rows, scored;                   /* rows built; rows scored (first group per row) */
} orb_record_validation;

orb_status orb_record_validate(const orb_record *record, int from, int to,
                               orb_record_validation *result, orb_diags *diags);
void orb_record_validation_free(orb_record_validation *result);
/* Pooled tallies of group g, predictor p, over years [y0, y1]. */
orb_record_tallies orb_record_validation_pool(const orb_record_validation *v, size_t g, int p,
                                              int y0, int y1);

ORB_END_API

#ifdef __cplusplus
}
#endif
#endif
