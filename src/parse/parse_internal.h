/*
 * parse_internal.h: the syntactic layer's private structures, shared by its files.
 *
 * Every classifier is an averaged perceptron (Collins 2002) over hashed
 * features: a feature is a 32-bit hash (never 0) of a template number and the
 * values it combines; its weights are one row of nclass numbers. A table maps
 * a feature to its row by open addressing (linear probing, power-of-two
 * capacity, at most half full); a feature without a row weighs nothing.
 *
 * Two forms of one table:
 * - training: float weights with the sums and time stamps of the averaging
 *   (Daume's lazy update), rows created on the first update;
 * - inference: int16 weights quantised with one scale per table (a score is an
 *   int32 sum, so the argmax needs no scale), read-only and shared.
 */
#ifndef ORB_PARSE_INTERNAL_H
#define ORB_PARSE_INTERNAL_H

#include <stdint.h>

#include "orbit/parse.h"

/* Classes of the transition classifier (arc-eager, Nivre 2003). */
enum { PA_SHIFT, PA_REDUCE, PA_LEFT, PA_RIGHT, PA_NACTIONS };

#define PA_MAX_LABELS 64   /* relation sets are 64-bit masks */
#define PA_MAX_FEATS 96    /* features of one decision, every classifier */

/* ---- the perceptron tables (perceptron.c) ------------------------------------- */

/* A slot of a table: a feature and its row, side by side (one cache line). */
typedef struct ap_slot {
  uint32_t key;        /* feature hash, 0 empty */
  uint32_t row;        /* row index */
} ap_slot;

typedef struct ap_table {
  uint32_t nclass;
  size_t cap;          /* slots, a power of two */
  size_t count;        /* rows in use */
  ap_slot *slots;
  /* inference form */
  int16_t *q;          /* count * nclass */
  /* training form (NULL when loaded) */
  float *w;            /* count * nclass, current weights */
  double *tot;         /* sums of weights over time */
  int64_t *stamp;      /* time of the last change */
  size_t rows_cap;
} ap_table;

/* Empties t for nclass classes (training form). ORB_ENOMEM on failure. */
orb_status ap_init(ap_table *t, uint32_t nclass);
void ap_free(ap_table *t);

/* The row of key, or -1 (read only; either form). */
int64_t ap_find(const ap_table *t, uint32_t key);

/* Adds the weights of feats[0..n) to scores[nclass] (training form, floats). */
void ap_score_f(const ap_table *t, const uint32_t *feats, size_t n, float *scores);

/* The same in the inference form (int32 sums of quantised weights). */
void ap_score_q(const ap_table *t, const uint32_t *feats, size_t n, int32_t *scores);

/* Perceptron update at time now: +1 to class truth, -1 to class guess, for each
 * feature (rows created as needed). ORB_ENOMEM on failure. */
orb_status ap_update(ap_table *t, const uint32_t *feats, size_t n, int truth,
                     int guess, int64_t now);

/* Replaces the weights by their averages over time [0, now), quantises them to
 * int16 (weights below prune times the largest become 0; rows all 0 are
 * dropped) and turns t into the inference form. */
orb_status ap_finish(ap_table *t, int64_t now, float prune);

/* Inserts key with row index r (inference form, while loading); 0 on success,
 * -1 if the key is 0 or already there. t->cap must exceed twice the keys. */
int ap_insert_loaded(ap_table *t, uint32_t key, uint32_t r);

/* ---- hashing of features ------------------------------------------------------ */

/* FNV-1a 64 of the normalised word (lower case; digits folded to shapes). */
uint64_t pa_word_hash(const char *word, size_t len);

/* A 64-bit mix of three values (splitmix64 finaliser). */
static inline uint64_t pa_mix(uint64_t x) {
  x ^= x >> 30; x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27; x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

/* The feature of template t over values a, b, c: a non-zero 32-bit hash. */
static inline uint32_t pa_feat(uint32_t t, uint64_t a, uint64_t b, uint64_t c) {
  uint64_t h = pa_mix(a + 0x9e3779b97f4a7c15ULL * (t + 1));
  h = pa_mix(h ^ (b + 0x632be59bd9b4e019ULL));
  h = pa_mix(h ^ (c + 0x85ebca6b27d4eb4fULL));
  uint32_t k = (uint32_t)(h ^ (h >> 32));
  return k ? k : 1;
}

/* ---- the tag dictionary (tagger.c) ---------------------------------------------- */

/* Words the tagger does not weigh (Honnibal 2013): frequent in training
 * (PA_DICT_MIN_COUNT times or more) with one tag at least PA_DICT_MIN_SHARE of
 * the time. Open addressing on the word hash (key 0: empty), at most half
 * full. */
#define PA_DICT_MIN_COUNT 20
#define PA_DICT_MIN_SHARE 0.97

typedef struct pa_tagdict {
  uint64_t *keys;
  uint8_t *tags;
  size_t cap, count;
} pa_tagdict;

/* Empties d with room for count words; ORB_ENOMEM on failure. */
orb_status pa_tagdict_init(pa_tagdict *d, size_t count);
void pa_tagdict_free(pa_tagdict *d);

/* Adds word hash w with its tag; -1 if w is 0, already there or d is full. */
int pa_tagdict_insert(pa_tagdict *d, uint64_t w, uint8_t tag);

/* The tag of word hash w, or -1. */
int pa_tagdict_find(const pa_tagdict *d, uint64_t w);

/* ---- the model ------------------------------------------------------------------ */

struct orb_parse_model {
  ap_table tagger;     /* nclass ORB_UPOS_COUNT */
  pa_tagdict tagdict;  /* words tagged without the tagger */
  ap_table parser;     /* nclass PA_NACTIONS */
  ap_table labeller;   /* nclass label_count */
  size_t label_count;
  char *labels[PA_MAX_LABELS];
  int punct_label;     /* "punct", or -1 */
  int root_label;      /* "root", or -1 */
  int dep_label;       /* "dep" (a word left without head), or root_label */
  int has_parser;      /* parser and labeller loaded (or trained) */
};

/* Per-word features of a sentence, computed once (tagger.c). */
typedef struct pa_word {
  uint64_t w;          /* normalised word hash */
  uint64_t suf3, suf2, pre1, suf4, pre3;
  uint32_t shape;      /* capitalisation and digits classes */
} pa_word;

/* Fills words[0..n) from the texts. */
void pa_words(const char *const *texts, const size_t *lens, size_t n, pa_word *words);

/* The tagger's features of word i given the two previous tags (tagger.c);
 * returns their count. */
size_t pa_tagger_feats(const pa_word *words, size_t n, size_t i, int prev,
                       int prev2, uint32_t *feats);

/* The tags of a sentence: the dictionary's, else the tagger's (inference form). */
void pa_tag_words(const ap_table *t, const pa_tagdict *d, const pa_word *words, size_t n,
                  uint8_t *upos);

/* ---- the transition system (parser.c) -------------------------------------------- */

/* A parser state over n words, 1-based; 0 is the root. */
typedef struct pa_state {
  int n;
  int *stack;          /* n+1 */
  int depth;
  int next;            /* first word of the buffer (n+1: empty) */
  int *head;           /* n+1; -1 none */
  int *label;          /* n+1 */
  int *lc1, *lc2, *rc1, *rc2; /* leftmost, second leftmost, rightmost... children, 0 none */
  int *lval, *rval;    /* numbers of left and right children */
  uint64_t *lset, *rset; /* relations of left and right children */
  int root_children;
} pa_state;

/* Scratch of a state for n words, in one block of ints carved by pa_state_init. */
#define PA_STATE_INTS(n) (10 * ((size_t)(n) + 2))

void pa_state_init(pa_state *s, int n, int *ints, uint64_t *sets);
int pa_valid(const pa_state *s, int action);
int pa_done(const pa_state *s);
/* Applies action; returns the dependent of a new arc (0 if none). */
int pa_apply(pa_state *s, int action);
/* Sets the label of the arc into dependent d. */
void pa_set_label(pa_state *s, int d, int label);
/* Attaches the words left without head at the end (to the root word). */
void pa_finish(pa_state *s, int dep_label, int root_label);

size_t pa_parser_feats(const pa_state *s, const pa_word *words, const uint8_t *upos,
                       uint32_t *feats);
size_t pa_label_feats(const pa_state *s, const pa_word *words, const uint8_t *upos,
                      int h, int d, uint32_t *feats);

/* Cost of action under the arc-eager dynamic oracle (Goldberg & Nivre 2012):
 * the number of gold arcs it makes unreachable. gold[1..n] are gold heads. */
int pa_cost(const pa_state *s, const int *gold, int action);

#endif
