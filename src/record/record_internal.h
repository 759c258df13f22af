/*
 * record_internal.h: what the record module's files share privately.
 */
#ifndef ORB_RECORD_INTERNAL_H
#define ORB_RECORD_INTERNAL_H

#include "orbit/record.h"

/* Interned normalised titles: an open-addressing hash set of strings, each given
 * the index of its first insertion. */
typedef struct record_titles {
  char **keys;      /* owned strings, by slot */
  size_t *ids;      /* by slot */
  size_t slots;     /* a power of two */
  size_t count;
} record_titles;

void record_titles_init(record_titles *titles);
void record_titles_free(record_titles *titles);
/* The index of key (a new one when unseen). ORB_ENOMEM. */
orb_status record_titles_intern(record_titles *titles, const char *key, size_t *id);

/* Loads a record from the texts of its five files (countries, rollcalls,
 * capabilities, alliances, conflicts: data[i], len[i] bytes), as orb_record_load
 * does from files (the fuzzer's entry). */
orb_status record_load_buffers(const char *const data[5], const size_t len[5],
                               orb_record **record, orb_diags *diags);

/* The one-dimensional ideal-point baseline (ideal.c). */
typedef struct record_ideal {
  double *theta;            /* per country */
  unsigned char *has_theta; /* per country: cast at least 10 votes in the window */
  double *beta, *alpha;     /* per roll call of the window */
  size_t *title_rc;         /* per title: its latest roll call in the window, or ORB_NONE */
  double link[20][3];       /* P(no, abstain, yes) by bin of the fitted value */
} record_ideal;

/* Fits the baseline on the roll calls of the five years before year `before`. */
orb_status record_ideal_fit(const orb_record *record, int before, record_ideal *model);
void record_ideal_free(record_ideal *model);
/* Its stance probabilities of actor toward patron on roll call rc; 0 when it has
 * none (no roll call with the same title in the window, or no ideal point). */
int record_ideal_predict(const orb_record *record, const record_ideal *model, size_t rc,
                         size_t actor, size_t patron, double prob[ORB_STANCE_COUNT]);

/* Words of a title that make its stem (docs/MODEL.md: chosen as the length whose
 * same-stem copy is right most often on the years 1992-2009). */
#define RECORD_STEM_WORDS 6
/* Cuts a normalised title key (orb_record_title_key) in place after its first
 * RECORD_STEM_WORDS words: the roll call's stem. */
void record_stem_key(const char *key, char *out);

/* The features of countries[0..n) toward patron on date (x: n rows of
 * ORB_RT_COUNT, caller-owned), as orb_record_features_at gives them one by one, from
 * one pass over the record before date with every country in the state (their
 * peers need the others' votes). ORB_EINVAL for a bad index, ORB_ENOMEM. */
orb_status record_features_many(const orb_record *rec, const orb_record_model *model,
                                const size_t *countries, size_t n, size_t patron,
                                orb_date date, unsigned attrs, size_t title, size_t stem,
                                size_t near, float near_sim, orb_vote patron_vote, float *x);
/* The title, stem and nearest earlier title (with its similarity) of an issue's
 * text voted on `date` (ORB_NONE where there is none). */
orb_status record_issue_text(const orb_record *rec, const char *text, orb_date date,
                             size_t *title, size_t *stem, size_t *near, float *sim);

/* Sets the row-th scalar of the parameter table (orb_record_params order) of m. */
void record_model_set_scalar(orb_record_model *m, size_t row, double value);

/* The nearest earlier title of every title (near.c): near[t] (ORB_NONE when no
 * earlier title shares a word) and its Jaccard similarity sim[t] of word sets;
 * arrays of rec->title_count, caller-owned. */
orb_status record_near_build(const orb_record *rec, size_t *near, float *sim);
/* The nearest title to a text among the titles first voted before `before`. */
orb_status record_near_text(const orb_record *rec, const char *text, orb_date before,
                            size_t *near, float *sim);

/* The text a roll call's title is read from: its description, except where the
 * description is an agenda listing ("A/71/251 34 - ..."), as in sessions 71-73,
 * whose title is in the short title. */
const char *record_title_text(const orb_record_rollcall *rc);

/* The decision offset of silence (model.c): confusions [grid][observed][predicted]
 * of out-of-sample predictions for each bias of the grid 0, 0.05, ..., 2. */
#define RECORD_SILENCE_GRID 41
#define RECORD_SILENCE_MAX 2.0
typedef struct record_silence_conf {
  size_t n[RECORD_SILENCE_GRID][ORB_STANCE_COUNT][ORB_STANCE_COUNT];
} record_silence_conf;
/* The bias of grid point g. */
double record_silence_bias(int g);
/* Adds to conf the model's decisions on the fitting rows of `year`, for each bias. */
void record_silence_tally(const orb_record_model *model, const orb_record_rows *rows, int year,
                          record_silence_conf *conf);
/* The bias with the largest macro-F1 in conf (the smallest on ties). */
double record_silence_choose(const record_silence_conf *conf);

#endif
