/*
 * lexicon.h: the event coder's private structures, shared by its files.
 *
 * A dictionary is a vocabulary (normalised word -> token id) and one trie over
 * token ids (the compiled automaton): every phrase of every entry is a path from
 * the root; a node carries what the phrase means (actor entries, an agent role,
 * a verb rule, a marker). Verb patterns ("object" entries) hang below a pseudo
 * token of their verb group, so one trie serves all lookups.
 */
#ifndef ORB_EVENTS_LEXICON_H
#define ORB_EVENTS_LEXICON_H

#include <stdint.h>

#include "core/input_internal.h"
#include "orbit/events.h"
#include "orbit/parse.h"

/* ---- vocabulary and trie (vocab.c) ---------------------------------------------- */

#define EV_TOK_UNKNOWN 0u          /* a word found in no dictionary */
#define EV_TOK_GROUP 0x80000000u   /* pseudo token: EV_TOK_GROUP | verb group */
#define EV_WORD_MAX 64             /* longer words are cut for lookup */
#define EV_TOK_TARGET 0x7FFFFFFEu  /* pseudo token of a pattern: "+", the target */
#define EV_TOK_SOURCE 0x7FFFFFFDu  /* pseudo token of a pattern: "$", the source */

/* Vocabulary flags (per token id). */
enum {
  EV_VF_ABBREV = 1,  /* "mr", "gen", "jan": a following '.' ends no sentence */
  EV_VF_PREP = 2,    /* a preposition: an actor after it is no subject */
  EV_VF_DET = 4,     /* "the", "a", "its": skipped when looking for one */
  EV_VF_PASSIVE = 8, /* "was", "were", "been": before a verb, a passive */
  EV_VF_RELATIVE = 16, /* "who", "whose", "which": opens a relative clause */
  EV_VF_JUDGE = 32,  /* "mistake", "illegal": judges what it describes a wrong */
  EV_VF_FEMALE = 64  /* "maia", "sandu": a woman's name, for "she" and "her" */
};

typedef struct ev_vocab_slot {
  uint64_t hash;
  uint32_t id;     /* 0: empty slot */
} ev_vocab_slot;

typedef struct ev_edge {
  uint64_t key;    /* (parent << 32) | token; 0 = empty (the root is never a child) */
  uint32_t child;
} ev_edge;

/* What a marker phrase means. */
typedef enum ev_marker {
  EV_MK_NONE = 0,
  EV_MK_NEGATION,    /* "not", "refused to", "reluctant to" */
  EV_MK_HYPOTHESIS,  /* "may", "could", "if": the event is not asserted */
  EV_MK_THREAT,      /* "threatens to": the event becomes a threat of it */
  EV_MK_CLAUSE,      /* "but", ";": subject search stops here */
  EV_MK_BOILERPLATE, /* a line starting with it is skipped */
  EV_MK_COREF_ORG,   /* "the alliance": the latest organisation named */
  EV_MK_COREF_STATE, /* "the country": the latest state named */
  EV_MK_COREF_PAIR,  /* "the two sides": the latest two states named */
  EV_MK_COREF_PERSON, /* "he": the latest person (an entry with a term) named */
  EV_MK_COREF_ACT,   /* "the move": the source of the article's latest event */
  EV_MK_COREF_GROUP, /* "the three countries": the latest states named together */
  EV_MK_COREF_HOME,  /* "the foreign ministry": the state of the article's dateline */
  EV_MK_IGNORE,      /* "former Soviet": a phrase that means nothing here */
  EV_MK_INTENT       /* "ready to": the event becomes an intent to do it (CAMEO 03) */
} ev_marker;

typedef struct ev_node {
  int32_t actor;   /* head of a list of ev_actor_entry, -1 */
  int32_t replaced; /* the list a later file replaced, -1 (orb_dict_add_world) */
  int32_t agent;   /* string offset of the role, -1 */
  int32_t verb;    /* index of an ev_rule, -1 */
  int32_t object;  /* index of an ev_rule, -1 (nodes below group tokens) */
  int16_t marker;  /* ev_marker */
  int16_t actor_file; /* file that defined the actor entries */
  int16_t agent_file, verb_file, object_file, marker_file;
  union {
    uint32_t act_roots; /* EV_MK_COREF_ACT: bit r for each CAMEO root r of the act
                           ("the strike": 18, 19, 20), 0 for any */
    uint32_t org_word;  /* EV_MK_COREF_ORG: the word the organisation's name holds
                           ("the court": "court"), 0 for any organisation */
  };
} ev_node;

typedef struct ev_actor_entry {
  int32_t id;      /* string offset of the actor id */
  int32_t role;    /* string offset of the role ("" if none) */
  orb_date from;   /* ORB_DATE_NONE: open */
  orb_date to;     /* inclusive; ORB_DATE_NONE: open */
  int32_t next;    /* next entry for the same phrase, -1 */
  uint8_t is_org;  /* an organisation (coreference of "the alliance") */
} ev_actor_entry;

/* Rule flags. */
enum {
  EV_RF_SOLO = 1,   /* the event needs no target ("remained silent") */
  EV_RF_NOUN = 2,   /* a noun ("the invasion"): may follow a determiner */
  EV_RF_SUBJECT_TARGET = 4, /* a pattern "+ * ...": the actor before the verb is the target */
  EV_RF_REPLY = 8,  /* answers the latest act: with no target, its author is the target */
  EV_RF_JOINT = 16  /* an act of two or more together, or of one "with" another ("agreed") */
};

typedef struct ev_rule {
  int32_t group;       /* verb group index */
  char code[6];        /* CAMEO code, "" for none ("---") */
  int8_t type;         /* orb_event_type or -1: from the code */
  char neg_code[6];    /* what the negated rule codes, "" to drop it */
  int8_t neg_type;
  char back_code[6];   /* the target's event toward the source ("back="), "" if none */
  uint8_t flags;
  int32_t name;        /* string offset of "FILE:LINE" */
} ev_rule;

/* Default model type of codes starting with prefix ("type" entries). */
typedef struct ev_type_prefix {
  char prefix[6];
  int8_t type;
} ev_type_prefix;

/* Negated form of a model type ("negate" entries): e.g. aid_given -> 122 aid_refused. */
typedef struct ev_negation {
  int8_t type;
  char code[6];
  int8_t new_type;
} ev_negation;

/* A territory that is part of a state ("part" entries): its annexation or
 * occupation (CAMEO 192) is coded against the state. */
typedef struct ev_part {
  int32_t part, whole; /* interned actor ids */
} ev_part;

struct orb_dict {
  /* vocabulary */
  ev_vocab_slot *vocab;     /* open addressing, power of two */
  size_t vocab_cap;
  uint32_t vocab_count;     /* ids 1..vocab_count */
  uint8_t *vocab_flags;     /* per id (index 0 unused) */
  size_t vocab_flags_cap;

  /* trie */
  ev_edge *edges;           /* open addressing, power of two */
  size_t edge_cap, edge_count;
  ev_node *nodes;           /* node 0 is the root */
  size_t node_count, node_cap;
  uint32_t *root_child;     /* per token id: child of the root, 0 if none */
  size_t root_child_cap;

  ev_actor_entry *actors; size_t actor_count, actor_cap;
  ev_rule *rules;         size_t rule_count, rule_cap;
  ev_type_prefix *types;  size_t type_count, type_cap;
  ev_negation *negations; size_t negation_count, negation_cap;
  ev_part *parts;         size_t part_count, part_cap;

  /* strings (actor ids, roles, group names): one growing pool, NUL separated;
   * actor ids and roles are interned, so equal ids have equal offsets */
  char *strings; size_t strings_len, strings_cap;
  ev_vocab_slot *interned; size_t interned_cap, interned_count; /* id = offset + 1 */
  int32_t *groups; size_t group_count, group_cap; /* string offsets of names */
  size_t last_group;     /* lines come grouped: the group looked up last */
  int16_t file_count;    /* files added so far: entries of later files win */
  size_t entry_count;

  /* ids of tokens the coder tests for, added at creation */
  uint32_t tok_by, tok_of, tok_and, tok_comma, tok_s, tok_paren_close, tok_to;
};

/* Hash of a normalised word (FNV-1a 64). */
uint64_t ev_hash(const char *word, size_t len);

/* Id of a normalised word, EV_TOK_UNKNOWN if absent. */
uint32_t ev_vocab_find(const orb_dict *dict, const char *word, size_t len,
                       uint64_t hash);

/* Id of a normalised word, added if absent; 0 on out of memory. */
uint32_t ev_vocab_add(orb_dict *dict, const char *word, size_t len);

/* Child of node for token, 0 if none. */
uint32_t ev_trie_child(const orb_dict *dict, uint32_t node, uint32_t token);

/* Child of node for token, created if absent; 0 on out of memory. */
uint32_t ev_trie_add(orb_dict *dict, uint32_t node, uint32_t token);

/* Sets up empty tables, the trie root and the empty string at offset 0. */
orb_status ev_vocab_init(orb_dict *dict);

/* Frees the vocabulary and trie arrays (the rest is freed by orb_dict_free). */
void ev_vocab_free(orb_dict *dict);

/* Copies s into the string pool; returns its offset or -1 on out of memory. */
int32_t ev_string_add(orb_dict *dict, const char *s, size_t len);

/* The offset of an interned copy of s (the same offset for equal strings), or
 * -1 on out of memory. */
int32_t ev_string_intern(orb_dict *dict, const char *s, size_t len);

/* The offset of the interned string s[0..len), or -1 if it was never interned. */
int32_t ev_string_find(const orb_dict *dict, const char *s, size_t len);

/* The string at offset off of the pool. */
static inline const char *ev_string(const orb_dict *dict, int32_t off) {
  return dict->strings + off;
}

/* ---- text (text.c) --------------------------------------------------------------- */

/* Token flags. */
enum {
  EV_TF_SENT_END = 1,  /* a sentence ends after this token */
  EV_TF_DIGITS = 2,    /* the token is all ASCII digits */
  EV_TF_PUNCT = 4      /* a punctuation token (, ; : ( ) " --) */
};

typedef struct ev_token {
  uint32_t id;
  uint32_t start, end; /* byte offsets in the paragraph */
  uint8_t flags;
} ev_token;

/* Growing token array. */
typedef struct ev_tokens {
  ev_token *items;
  size_t count, cap;
} ev_tokens;

/* Tokenises text[0..len) (one paragraph) into out (cleared first), normalising
 * words (ASCII lower case, curly quotes, "'s" and "n't" split off) and marking
 * sentence ends. With add set, unknown words are added to the vocabulary (for
 * dictionary phrases); otherwise they get EV_TOK_UNKNOWN. Returns ORB_ENOMEM or
 * ORB_OK. */
orb_status ev_tokenize(orb_dict *dict, const char *text, size_t len, int add,
                       ev_tokens *out);

/* Same as ev_tokenize without adding words: for a read-only dictionary. */
orb_status ev_tokenize_const(const orb_dict *dict, const char *text, size_t len,
                             ev_tokens *out);

/* The UTF-8 check is the input layer's (core/input_internal.h). */

/* ---- syntax (syntax.c) ------------------------------------------------------------ */

/* Tags tokens tok[0..n) of text into upos[n] with model and, when heads is
 * not NULL and the model has its parser, parses them into heads[n] (1-based,
 * 0 the root) and labels[n]. Returns 2 (tagged and parsed), 1 (tagged), or 0
 * when the sentence is empty or longer than ORB_PARSE_MAX_WORDS. */
int ev_tag_tokens(const orb_parse_model *model, const char *text, const ev_token *tok,
                  size_t n, uint8_t *upos, int *heads, uint8_t *labels);

/* Parses tokens tok[0..n) of text, tagged upos[n] by ev_tag_tokens, into
 * heads[n] and labels[n] with model (which must have its parser). Returns 1
 * when parsed, 0 otherwise. */
int ev_parse_tokens(const orb_parse_model *model, const char *text, const ev_token *tok,
                    size_t n, const uint8_t *upos, int *heads, uint8_t *labels);

/* The relations of a model that the coder's tree rules read (-1: absent). */
typedef struct ev_tree_labels {
  int agent, obl, nmod, kase, aux_pass, amod, conj, nsubj, nsubj_pass;
} ev_tree_labels;

/* Looks the relations up in model (NULL: all -1). */
void ev_tree_labels_init(ev_tree_labels *labels, const orb_parse_model *model);

/* Whether token t is the second half of a hyphenated modifier written without
 * spaces ("Russia-led", "US-backed", "U.S.-made"): then it is no verb of the
 * sentence. */
int ev_hyphen_modifier(const char *text, const ev_token *tok, size_t t);

/* Whether token t follows "pro-" or "anti-" written without spaces
 * ("pro-Russian separatists", "anti-Western"): then it names no actor. */
int ev_hyphen_stance(const char *text, const ev_token *tok, size_t t);

/* Whether a tag marks a word that is no verb: a noun or an adjective. */
int ev_tagged_nominal(uint8_t upos);

/* ---- dates (when.c) --------------------------------------------------------------- */

/* The date a sentence speaks of: scans tokens[0..count) of text for date phrases
 * ("on Wednesday", "in January this year", "last week", "on August 6", "in
 * 2010") and resolves them against article (ORB_DATE_NONE if unknown). Returns 1
 * and sets *date, *precision if one was found, else 0. */
int ev_sentence_date(const char *text, const ev_token *tokens, size_t count,
                     orb_date article, orb_date *date, orb_precision *precision);

/* The month (1..12) token t of text names, or 0; "may" only when capitalised
 * ("In May", not "Russia may expel"). */
int ev_month_of(const char *text, const ev_token *t);

/* Parses "Date: YYYY-MM-DD" (any case, leading spaces) heading a line. */
int ev_date_header(const char *line, size_t len, orb_date *date);

#endif
