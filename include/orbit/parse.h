/*
 * orbit/parse.h: a fast syntactic layer for English: a tokeniser following the
 * conventions of Universal Dependencies, an averaged-perceptron part-of-speech
 * tagger (UPOS) and a greedy arc-eager dependency parser with labelled arcs (UD
 * relations), trained on UD English EWT (docs/EVENTS.md, "Syntactic layer").
 *
 * One object, orb_parse_model: the trained weights of the tagger, the parser
 * and the arc labeller. Immutable once loaded, so threads may share one model;
 * tagging and parsing allocate nothing (a sentence holds at most
 * ORB_PARSE_MAX_WORDS words).
 *
 * Words are 1-based in trees: heads[i] is the head of word i+1 (0: the root),
 * as in CoNLL-U.
 */
#ifndef ORBIT_PARSE_H
#define ORBIT_PARSE_H

#include "orbit/core.h"

#ifdef __cplusplus
extern "C" {
#endif

ORB_BEGIN_API

/* The longest sentence tagged or parsed in one call (the stack scratch of one
 * call is about 40 bytes a word). Longer sentences give ORB_ELIMIT. */
#define ORB_PARSE_MAX_WORDS 512

/* The 17 universal part-of-speech tags, in the order of the UD documentation. */
typedef enum orb_upos {
  ORB_UPOS_ADJ, ORB_UPOS_ADP, ORB_UPOS_ADV, ORB_UPOS_AUX, ORB_UPOS_CCONJ,
  ORB_UPOS_DET, ORB_UPOS_INTJ, ORB_UPOS_NOUN, ORB_UPOS_NUM, ORB_UPOS_PART,
  ORB_UPOS_PRON, ORB_UPOS_PROPN, ORB_UPOS_PUNCT, ORB_UPOS_SCONJ, ORB_UPOS_SYM,
  ORB_UPOS_VERB, ORB_UPOS_X, ORB_UPOS_COUNT
} orb_upos;

/* The name of a tag ("NOUN"), or "_" when out of range (static string). */
const char *orb_parse_upos_name(int upos);

/* The tag named name (exactly len bytes), or -1. */
int orb_parse_upos_from_name(const char *name, size_t len);

/* ---- tokens ------------------------------------------------------------------ */

/* A token: bytes [start, start+len) of the text it came from. */
typedef struct orb_parse_token {
  size_t start;
  size_t len;
  int sentence_end; /* 1 when a sentence ends after this token */
} orb_parse_token;

/* Splits len bytes of English text into tokens the way UD English EWT does:
 * at spaces; punctuation apart ("(", ",", quotes, a final "."), hyphens apart
 * ("Russia-led" is "Russia - led"), clitics apart ("Moscow's" is "Moscow 's",
 * "don't" is "do n't", "can't" is "ca n't"); abbreviations ("Mr.", "U.S."),
 * numbers ("1,000.5") and URLs kept whole. Marks sentence ends (".", "!", "?"
 * and closing quotes after them, before a word that does not start in lower
 * case). Writes at most cap tokens into tokens and their count into *count;
 * returns ORB_ELIMIT if there were more (the first cap are written). */
orb_status orb_parse_tokenize(const char *text, size_t len, orb_parse_token *tokens,
                              size_t cap, size_t *count);

/* ---- the model ----------------------------------------------------------------- */

typedef struct orb_parse_model orb_parse_model;

/* Which parts of a model to load: the tagger alone (what the event coder
 * needs: about 7 MB in memory), or the tagger, parser and labeller (about
 * 60 MB). */
typedef enum orb_parse_parts {
  ORB_PARSE_TAGGER = 1,
  ORB_PARSE_ALL = 3
} orb_parse_parts;

/* Loads the parts of a model file written by orb_parse_model_save. What is
 * loaded is validated as a whole (magic, version, sizes, CRC-32 checksums,
 * every count and key) before it is used; a bad file gets a "PATH: ..."
 * diagnostic saying what is wrong and ORB_EPARSE (ORB_EIO if it cannot be
 * read). The caller frees *model. */
orb_status orb_parse_model_load(const char *path, orb_parse_parts parts,
                                orb_parse_model **model, orb_diags *diags);

/* Loads the built-in model, orb_parse_default_model_path(). */
orb_status orb_parse_model_load_default(orb_parse_parts parts, orb_parse_model **model,
                                        orb_diags *diags);

/* The built-in model: $ORBIT_PARSE_MODEL if set, else data/parse/en_ewt.model
 * of the source tree or of the installed data. Points to static storage. */
const char *orb_parse_default_model_path(void);

/* Writes model to path (through a temporary file renamed into place, so a
 * failed write leaves no half-written file). */
orb_status orb_parse_model_save(const orb_parse_model *model, const char *path,
                                orb_diags *diags);

/* Frees a model; NULL is allowed. */
void orb_parse_model_free(orb_parse_model *model);

/* Number of dependency relations the model knows, and the name of one
 * ("nsubj", "obl:tmod"; "_" when out of range). Points into the model. */
size_t orb_parse_label_count(const orb_parse_model *model);
const char *orb_parse_label_name(const orb_parse_model *model, int label);

/* The relation named name, or -1. */
int orb_parse_label_from_name(const orb_parse_model *model, const char *name);

/* ---- tagging and parsing ------------------------------------------------------ */

/* Tags the n words words[i] (lens[i] bytes each) with UPOS tags into upos[n].
 * Greedy left to right; O(n). ORB_ELIMIT if n > ORB_PARSE_MAX_WORDS. */
orb_status orb_tagger_tag(const orb_parse_model *model, const char *const *words,
                          const size_t *lens, size_t n, uint8_t *upos);

/* Parses the n tagged words into a dependency tree: heads[i] (0 for the root,
 * else 1..n) and labels[i] (a relation index of the model) of word i+1. Exactly
 * one word has head 0; the tree is projective. O(n) transitions.
 * ORB_ELIMIT if n > ORB_PARSE_MAX_WORDS; ORB_EINVAL if the model was loaded
 * without its parser. */
orb_status orb_parse_tree(const orb_parse_model *model, const char *const *words,
                          const size_t *lens, size_t n, const uint8_t *upos,
                          int *heads, uint8_t *labels);

/* ---- treebanks, training and scores ------------------------------------------ */

/* A treebank read from a CoNLL-U file (plain or gzip): the syntactic words of
 * every sentence (multi-word token lines and empty nodes are skipped). Word w
 * of sentence s is index sent_start[s] + w of the flat arrays. */
typedef struct orb_parse_treebank {
  size_t sentences, words;
  size_t *sent_start;  /* sentences + 1 offsets */
  char **form;         /* words NUL-terminated forms */
  size_t *form_len;
  uint8_t *upos;       /* gold tags */
  int *head;           /* gold heads (0 root, 1-based within the sentence) */
  int *label;          /* gold relation: index into labels */
  char **labels;       /* the relations met, in order of first appearance */
  size_t label_count;
  char *text_;         /* storage */
} orb_parse_treebank;

/* Reads a CoNLL-U file; malformed lines are reported as PATH:LINE:COL and
 * ORB_EPARSE returned. The caller frees *tb with orb_parse_treebank_free. */
orb_status orb_parse_treebank_load(const char *path, orb_parse_treebank **tb,
                                   orb_diags *diags);
void orb_parse_treebank_free(orb_parse_treebank *tb);

/* Training options; orb_parse_train_defaults fills the documented defaults. */
typedef struct orb_parse_train_options {
  int tagger_epochs;   /* passes over the treebank for the tagger (8) */
  int parser_epochs;   /* passes for the parser and labeller (15) */
  uint64_t seed;       /* of the shuffles and the exploration (20141) */
  double explore;      /* probability of following a wrong prediction (0.9) */
  float prune;         /* drop weights below this share of the largest (1e-3) */
  FILE *log;           /* progress lines, or NULL */
} orb_parse_train_options;

void orb_parse_train_defaults(orb_parse_train_options *options);

/* Trains tagger, parser and labeller on tb (deterministic for fixed options).
 * The caller frees *model. */
orb_status orb_parse_train(const orb_parse_treebank *tb,
                           const orb_parse_train_options *options,
                           orb_parse_model **model, orb_diags *diags);

/* Scores on a treebank with gold tokenisation and predicted tags. */
typedef struct orb_parse_scores {
  size_t sentences, words;
  size_t upos_correct;  /* predicted tag equals the gold tag */
  size_t uas_correct;   /* predicted head equals the gold head */
  size_t las_correct;   /* ...and the relation too (with subtypes) */
  size_t las_universal; /* ...or its universal part (before ':') */
} orb_parse_scores;

/* Tags and parses every sentence of tb and counts agreements with its gold
 * annotation. Sentences longer than ORB_PARSE_MAX_WORDS count as all wrong.
 * ORB_EINVAL if the model was loaded without its parser. */
orb_status orb_parse_evaluate(const orb_parse_model *model, const orb_parse_treebank *tb,
                              orb_parse_scores *scores);

ORB_END_API

#ifdef __cplusplus
}
#endif
#endif
