/*
 * coder.c: coding a stream of text into events (docs/MODEL.md, "Coding events
 * from text"; docs/EVENTS.md for the output).
 *
 * The stream is cut into lines (paragraphs); a line is skipped as boilerplate
 * when it has fewer than EV_MIN_WORDS words and no final stop, or starts with a
 * boilerplate phrase, and as a repeat when the same line was seen earlier in
 * the article. A kept
 * line is tokenised, split into sentences, and each sentence is matched against
 * the dictionary trie (longest match at each token, left to right). Then every
 * verb match becomes at most one event per source/target pair:
 * - its code is the verb rule's, or that of a pattern of its group found in the
 *   EV_OBJECT_WINDOW tokens after it;
 * - a negation marker just before the verb (or "neither"/"no" just after) turns
 *   the event into its negated form or drops it; a hypothesis marker drops it; a
 *   threat marker turns it into a threat (CAMEO 13);
 * - the source is the nearest actor before the verb that is not the object of a
 *   preposition; the target the first other actor after it, before the next
 *   verb; passives ("was attacked by X") swap them. docs/MODEL.md lists the
 *   finer rules (relative clauses, shared subjects, noun events, pairs).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "events/lexicon.h"

#define EV_MIN_WORDS 4           /* shorter lines without a stop are menus, bylines */
#define EV_PARAGRAPH_MAX (256u << 10) /* a longer line is cut and coded in parts */
#define EV_OBJECT_WINDOW 8       /* tokens after a verb searched for its pattern */
#define EV_MARKER_WINDOW 4       /* tokens before a verb searched for markers */
#define EV_SEEN_SLOTS 8192       /* memory of repeated lines, per article */
#define EV_MAX_EVENTS 64         /* events kept per sentence */
#define EV_GROUP_MAX 8           /* states remembered of a group named together */
#define EV_NAMES_MAX 16          /* surnames remembered in an article */
#define EV_NAME_BYTES 24         /* the longest surname remembered, with its NUL */
#define EV_MAX_PRONOUNS 64       /* pronouns resolved per sentence */
#define EV_COREF_OWNER 2         /* is_coref of "its" before a place ("its territory") */
#define EV_CARET_WORDS 3         /* words a "^" of a verb pattern stands for */
#define EV_PATTERN_TOKENS 16     /* tokens a verb pattern may span */
#define EV_MARKER_REACH 4        /* a pattern's "+" or "$" names an actor starting
                                    within this many tokens ("about the Prince of X") */

enum { IT_ACTOR, IT_AGENT, IT_VERB, IT_MARKER, IT_NOUN /* a verb read as a noun */ };

/* A dictionary match in a sentence: tokens [first, last). */
typedef struct ev_item {
  uint8_t kind;
  uint32_t first, last;
  uint32_t node;
} ev_item;

/* An actor named in a sentence. */
typedef struct ev_mention {
  uint32_t first, last;  /* tokens */
  int32_t id, role;      /* string offsets */
  uint32_t group;        /* mentions joined by ',' 'and' ')' share a group */
  uint8_t is_org;
  uint8_t is_person;     /* a person (an entry with a term), or "he" for one */
  uint8_t is_coref;      /* stands for an actor named earlier (EV_COREF_OWNER: "its" of a
                            place, "its territory") */
} ev_mention;

#define EV_ORGS_MAX 4       /* organisations remembered with their names' words */
#define EV_ORG_WORDS 8      /* words of a name remembered */

/* The latest actors named in the article, for coreference. */
typedef struct ev_recent {
  struct {                /* the latest organisations named, [0] the latest */
    int32_t id, role;
    uint32_t words[EV_ORG_WORDS]; /* vocabulary ids of its name's words, 0 after */
  } orgs[EV_ORGS_MAX];
  uint8_t org_count;
  int32_t pair[2];        /* latest two states named together ("A and B") */
  int32_t group[EV_GROUP_MAX]; /* latest states named together, in order */
  uint8_t group_count;    /* 0 if none */
  int32_t named[EV_GROUP_MAX]; /* latest distinct states named, [0] the latest */
  uint16_t hits[EV_GROUP_MAX];  /* how often each was named in the article */
  uint8_t named_count;
  int32_t bound_org, bound_org_role; /* named in apposition: "this alliance, the CSTO" */
  int32_t person, person_role;       /* latest person named */
  int32_t other_person, other_role;  /* the one named before them, -1 if none */
  uint8_t person_woman, other_woman; /* whether each is a woman (a name of the class female) */
  int32_t woman, woman_role;         /* the latest woman named, -1 if none ("she", "her") */
  int32_t woman_before, woman_before_role; /* the one named before her, -1 if none */
  int32_t subject, subject_role;     /* source of the latest sentence's first event */
  int32_t prior, prior_role;         /* the subject before, another actor, -1 if none */
  uint8_t prior_is_org;
  int32_t lead, lead_role;           /* source of the article's first event, -1 if none */
  uint8_t lead_is_org;
  int32_t event_pair[2];             /* its source and target, -1 if none */
  uint8_t event_reaction;            /* that event criticises or rejects (CAMEO 11, 12) */
  uint8_t subject_is_org;
  int32_t cosubject[3];              /* others of its group who did the same act */
  uint8_t cosubject_count;
  int32_t home;                      /* the state of the article's dateline, -1 */
  struct {                           /* the source of the latest event of each CAMEO root */
    int32_t id, role;
    uint8_t is_org;
    uint32_t at;                     /* its sentence (sentences counts), 0 if none */
  } by_root[21];
  uint32_t sentences;                /* sentences of the article coded so far */
  struct {                           /* "Naftali Bennett" named with a title: "Bennett" */
    char word[EV_NAME_BYTES];
    int32_t id, role;
  } names[EV_NAMES_MAX];
  uint8_t name_count, name_next;     /* names held; the slot the next one takes */
} ev_recent;

struct orb_coder {
  const orb_dict *dict;
  char *name;
  orb_date article;
  input_utf8 utf8;
  char *pending;            /* an unfinished line */
  size_t pending_len, pending_cap;
  uint64_t offset;          /* input offset of the next byte to be cut into lines */
  ev_tokens tokens;
  const char *text;         /* the line being coded */
  ev_item *items; size_t item_count, item_cap;
  ev_mention *mentions; size_t mention_count, mention_cap;
  int32_t *item_at;         /* per token: the item covering it, -1 */
  size_t item_at_cap;
  uint64_t *seen;           /* hashes of lines seen in this article */
  size_t seen_count;
  ev_recent recent;
  orb_coder_stats stats;
  int stopped;              /* the sink asked to stop */
  const orb_parse_model *parser; /* the syntactic layer, or NULL */
  uint8_t upos[ORB_PARSE_MAX_WORDS]; /* tags of tokens [tagged_s, tagged_s + tagged_n) */
  size_t tagged_s, tagged_n;
  int tree;                 /* the model has its parser: sentences are parsed */
  int parsed;               /* heads and labels hold the tagged sentence's tree */
  int heads[ORB_PARSE_MAX_WORDS];      /* 1-based within the tagged tokens, 0 root */
  uint8_t labels[ORB_PARSE_MAX_WORDS];
  ev_tree_labels lab;
  size_t last_verb;         /* index of the sentence's last verb item, SIZE_MAX if none */
  size_t first_accusation;  /* index of its first verb of CAMEO root 11, SIZE_MAX if none */
  size_t accusation_of;     /* token of the first "of" after it, SIZE_MAX if none */
  int reported_act;         /* that verb is a saying of another's hostile act */
  size_t first_denial;      /* token of its first "deny", "denied"..., SIZE_MAX if none */
  size_t last_condition;    /* token of its last "if" or "unless", SIZE_MAX if none */
  size_t first_speech;      /* token of its first verb of speech, SIZE_MAX if none */
  int modality_read;        /* last_condition and first_speech hold this sentence's */
  uint32_t tok_caret;       /* the id of "^" in the dictionaries' patterns, 0 if none */
  ev_mention implied;       /* the latest act's author, target of a criticism naming none */
  ev_mention implied_more[3]; /* and those who did the act with it */
  size_t dateline_end;      /* token after the line's dateline ("MOSCOW, July 21 (wire)"), 0 */
};

/* ---- lifetime ------------------------------------------------------------------- */

orb_status orb_coder_new(const orb_dict *dict, orb_coder **out) {
  *out = NULL;
  orb_coder *c = calloc(1, sizeof *c);
  if (!c) return ORB_ENOMEM;
  c->dict = dict;
  c->tok_caret = ev_vocab_find(dict, "^", 1, ev_hash("^", 1));
  c->seen = calloc(EV_SEEN_SLOTS, sizeof *c->seen);
  if (!c->seen) {
    free(c);
    return ORB_ENOMEM;
  }
  orb_status st = orb_coder_begin(c, "-", ORB_DATE_NONE);
  if (st) {
    orb_coder_free(c);
    return st;
  }
  *out = c;
  return ORB_OK;
}

void orb_coder_free(orb_coder *c) {
  if (!c) return;
  free(c->name);
  free(c->pending);
  free(c->tokens.items);
  free(c->items);
  free(c->mentions);
  free(c->item_at);
  free(c->seen);
  free(c);
}

/* Forgets the lines seen so far (a new article). */
static void forget_seen(orb_coder *c) {
  memset(c->seen, 0, EV_SEEN_SLOTS * sizeof *c->seen);
  c->seen_count = 0;
  c->recent = (ev_recent){.pair = {-1, -1},
                          .event_pair = {-1, -1},
                          .bound_org = -1, .bound_org_role = -1, .person = -1,
                          .person_role = -1, .other_person = -1, .other_role = -1,
                          .woman = -1, .woman_role = -1, .woman_before = -1,
                          .woman_before_role = -1,
                          .subject = -1, .subject_role = 0, .prior = -1, .prior_role = 0,
                          .lead = -1, .home = -1};
}

orb_status orb_coder_begin(orb_coder *c, const char *name, orb_date article) {
  size_t n = strlen(name);
  char *copy = malloc(n + 1);
  if (!copy) return ORB_ENOMEM;
  memcpy(copy, name, n + 1);
  free(c->name);
  c->name = copy;
  c->article = article;
  c->pending_len = 0;
  c->offset = 0;
  c->stopped = 0;
  input_utf8_init(&c->utf8);
  forget_seen(c);
  return ORB_OK;
}

void orb_coder_stats_get(const orb_coder *c, orb_coder_stats *stats) { *stats = c->stats; }

void orb_coder_set_parser(orb_coder *c, const orb_parse_model *model) {
  c->parser = model;
  ev_tree_labels_init(&c->lab, model);
  c->tree = c->lab.agent >= 0 && c->lab.obl >= 0 && c->lab.kase >= 0;
}

/* ---- matching ------------------------------------------------------------------- */

/* Grows an array to hold count + 1 items of size bytes; 0 on out of memory. */
static int grow(void **items, size_t *cap, size_t count, size_t size) {
  if (count < *cap) return 1;
  size_t n = *cap ? *cap * 2 : 64;
  void *p = realloc(*items, n * size);
  if (!p) return 0;
  *items = p;
  *cap = n;
  return 1;
}

/* Whether token t reads word (ASCII, any case). */
static int tok_is(const orb_coder *c, size_t t, const char *word) {
  const ev_token *tok = &c->tokens.items[t];
  size_t len = tok->end - tok->start;
  return strlen(word) == len && strncasecmp(c->text + tok->start, word, len) == 0;
}

/* Whether a node means anything on its own (reached from the root). */
static int node_has_meaning(const ev_node *n) {
  return n->actor >= 0 || n->agent >= 0 || n->verb >= 0 || n->marker;
}

/* Whether token t reads one of words[0..n). */
static int tok_in(const orb_coder *c, size_t t, const char *const *words, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (tok_is(c, t, words[i])) return 1;
  return 0;
}

/* The CAMEO root (1-20) of code, 0 when it has none ("" for "---"). */
static int code_root(const char *code) {
  return isdigit((unsigned char)code[0]) && isdigit((unsigned char)code[1])
             ? (code[0] - '0') * 10 + (code[1] - '0') : 0;
}

/* Whether verb item it judges what follows: a criticism or rejection
 * (CAMEO 11, 12) or a verb of naming ("called the strike a terrorist attack"). */
static int judging_verb(const orb_coder *c, const ev_item *it) {
  static const char *const naming[] = {"called", "calling", "calls", "described", "describing",
                                       "branded", "branding", "termed", "labelled", "labeled"};
  if (it->kind != IT_VERB) return 0;
  int32_t v = c->dict->nodes[it->node].verb;
  int root = v >= 0 ? code_root(c->dict->rules[v].code) : 0;
  return root == 11 || root == 12 ||
         tok_in(c, it->first, naming, sizeof naming / sizeof *naming);
}

/* Whether token t is a word of any of the dictionaries' word classes in
 * flags (EV_VF_DET, EV_VF_PREP...). */
static int tok_flag(const orb_coder *c, size_t t, uint8_t flags) {
  uint32_t id = c->tokens.items[t].id;
  return id && (c->dict->vocab_flags[id] & flags);
}

/* The token after a quantity and a determiner of the dictionaries at t
 * inside a phrase ("most of its", "all the", "their"), or t when there is
 * none. */
static size_t past_quantity(const orb_coder *c, size_t t, size_t e) {
  static const char *const many[] = {"all", "most", "some", "many", "much", "several", "part"};
  size_t u = t;
  if (u < e && tok_in(c, u, many, sizeof many / sizeof *many)) {
    u++;
    if (u < e && tok_is(c, u, "of")) u++;
  }
  return u < e && tok_flag(c, u, EV_VF_DET) ? u + 1 : u;
}

/* Whether the act noun phrase of tokens [i, j) (sentence end e) names an act
 * judged and no more: right after a verb that judges it, its author not named
 * ("condemned the shelling of its villages by Azerbaijan", "called the attack
 * an escalation by Belarus": a "by" before the clause ends). */
static int act_judged(const orb_coder *c, size_t i, size_t j, size_t e) {
  if (!c->item_count || c->items[c->item_count - 1].last != i ||
      !judging_verb(c, &c->items[c->item_count - 1]))
    return 0;
  if (j < e && tok_is(c, j, "of")) return 0;
  for (size_t t = j; t < e && !(c->tokens.items[t].flags & EV_TF_PUNCT); t++)
    if (tok_is(c, t, "by")) return 0;
  return 1;
}

/* The latest organisation named in the article whose name holds the word of
 * vocabulary id word ("court"), as an index of c->recent.orgs, or -1. */
static int named_org(const orb_coder *c, uint32_t word) {
  for (int o = 0; o < c->recent.org_count; o++)
    for (size_t w = 0; w < EV_ORG_WORDS; w++)
      if (c->recent.orgs[o].words[w] == word) return o;
  return -1;
}

/* Whether token t is a double quote, straight or curly. */
static int tok_quote(const orb_coder *c, size_t t) {
  const ev_token *tok = &c->tokens.items[t];
  const unsigned char *p = (const unsigned char *)c->text + tok->start;
  return (tok->flags & EV_TF_PUNCT) &&
         (p[0] == '"' || (tok->end - tok->start == 3 && p[0] == 0xE2 && p[1] == 0x80 &&
                          (p[2] == 0x9C || p[2] == 0x9D)));
}

/* Matches tokens [s, e) against the trie, longest match first, left to right. */
static orb_status match_sentence(orb_coder *c, size_t s, size_t e) {
  const orb_dict *d = c->dict;
  const ev_token *tok = c->tokens.items;
  c->item_count = 0;
  for (size_t i = s; i < e;) {
    uint32_t node = 0, best = 0;
    size_t best_end = i;
    for (size_t j = i; j < e; j++) {
      if (j > i && node && tok_quote(c, j))
        continue; /* "the Donetsk and Luhansk "people's republics"": the name goes on */
      uint32_t next = tok[j].id ? ev_trie_child(d, node, tok[j].id) : 0;
      size_t k = next || j == i ? j : past_quantity(c, j, e);
      if (k > j && k < e && tok[k].id && (next = ev_trie_child(d, node, tok[k].id)))
        j = k; /* "lifted most of its sanctions" reads "lifted sanctions" */
      node = next;
      if (!node) break;
      if (node_has_meaning(&d->nodes[node])) {
        best = node;
        best_end = j + 1;
      }
    }
    if (!best) {
      i++;
      continue;
    }
    const ev_node *n = &d->nodes[best];
    uint8_t kind;
    int after_actor = c->item_count && c->items[c->item_count - 1].kind == IT_ACTOR &&
                      (c->items[c->item_count - 1].last == i ||
                       (c->items[c->item_count - 1].last + 1 == i &&
                        tok[i - 1].id == d->tok_paren_close)); /* "(CSTO) forces" */
    if (n->actor >= 0) kind = IT_ACTOR;
    else if (n->marker == EV_MK_COREF_ORG && n->org_word) {
      /* "the court" after the International Criminal Court, not the agent;
       * not "the Council of Europe" (a name) nor a court none was named of */
      if ((best_end < e && tok_is(c, best_end, "of")) || named_org(c, n->org_word) < 0) {
        i++;
        continue;
      }
      kind = IT_MARKER;
    } else if (n->agent >= 0 && (n->verb < 0 || after_actor)) kind = IT_AGENT;
    else if (n->marker == EV_MK_HYPOTHESIS && best_end == i + 1 && ev_month_of(c->text, &tok[i])) {
      i++; /* "In May": the month, as dates read it */
      continue;
    } else if (n->marker == EV_MK_COREF_ACT && n->act_roots &&
               !act_judged(c, i, best_end, e)) {
      i++; /* "The shelling of Armenian towns": the act itself, not one judged */
      continue;
    } else if (n->marker) kind = IT_MARKER;
    else if (n->verb >= 0) kind = IT_VERB;
    else kind = IT_AGENT;
    if (!grow((void **)&c->items, &c->item_cap, c->item_count, sizeof *c->items))
      return ORB_ENOMEM;
    c->items[c->item_count++] =
        (ev_item){.kind = kind, .first = (uint32_t)i, .last = (uint32_t)best_end, .node = best};
    i = best_end;
  }
  return ORB_OK;
}

/* The actor entry of a phrase on date, by PETRARCH's rule for dated roles
 * (docs/EVENTS.md, "Dated roles: a date outside every role"): the first
 * entry, in file order, whose span holds the date; else the first one
 * without a span (the phrase's default code); else none, NULL: outside every
 * role a name without a default codes no actor. With no date known: the
 * default, else the first entry. */
static const ev_actor_entry *entry_on(const orb_dict *d, int32_t head, orb_date date) {
  const ev_actor_entry *open = NULL;
  for (int32_t k = head; k >= 0; k = d->actors[k].next) {
    const ev_actor_entry *e = &d->actors[k];
    if (e->from == ORB_DATE_NONE && e->to == ORB_DATE_NONE) {
      if (!open) open = e;
      continue;
    }
    if (date != ORB_DATE_NONE && (e->from == ORB_DATE_NONE || date >= e->from) &&
        (e->to == ORB_DATE_NONE || date <= e->to))
      return e;
  }
  if (open) return open;
  return date == ORB_DATE_NONE ? &d->actors[head] : NULL;
}

/* Whether an actor id names a state (three capitals, not an organisation). */
static int is_state_id(const char *id) {
  return strlen(id) == 3 && id[0] >= 'A' && id[0] <= 'Z';
}

/* Appends a mention; returns 0 on out of memory. */
static int add_mention(orb_coder *c, uint32_t first, uint32_t last, int32_t id,
                       int32_t role, uint8_t is_org) {
  if (!grow((void **)&c->mentions, &c->mention_cap, c->mention_count, sizeof *c->mentions))
    return 0;
  c->mentions[c->mention_count++] = (ev_mention){
      .first = first, .last = last, .id = id, .role = role,
      .group = (uint32_t)c->mention_count, .is_org = is_org};
  return 1;
}

static size_t group_start(const orb_coder *c, size_t m);

/* The two states named most often in the article, the later first where
 * as often: *a the second, *b the first; -1 where fewer are named. */
static void main_pair(const orb_coder *c, int32_t *a, int32_t *b) {
  size_t first = SIZE_MAX, second = SIZE_MAX;
  for (size_t i = 0; i < c->recent.named_count; i++)
    if (first == SIZE_MAX || c->recent.hits[i] > c->recent.hits[first]) {
      second = first;
      first = i;
    } else if (second == SIZE_MAX || c->recent.hits[i] > c->recent.hits[second]) {
      second = i;
    }
  *b = first == SIZE_MAX ? -1 : c->recent.named[first];
  *a = second == SIZE_MAX ? -1 : c->recent.named[second];
}

/* The i-th latest distinct state named in the article (0 the latest), or -1. */
static int32_t latest_state(const orb_coder *c, size_t i) {
  return i < c->recent.named_count ? c->recent.named[i] : -1;
}
static const char *item_code(const orb_coder *c, const ev_item *it, size_t e);

/* Makes state id (with role) the latest woman named, the one before her the
 * woman before. */
static void name_woman(orb_coder *c, int32_t id, int32_t role) {
  if (c->recent.woman >= 0 && c->recent.woman != id) {
    c->recent.woman_before = c->recent.woman;
    c->recent.woman_before_role = c->recent.woman_role;
  }
  c->recent.woman = id;
  c->recent.woman_role = role;
}

/* Makes state id (with role) the latest person named, the one before it the
 * other ("he" names the first, "him" after the first the other); woman: the
 * person is a woman, whom "she" and "her" name from here on. */
static void name_person(orb_coder *c, int32_t id, int32_t role, int woman) {
  if (c->recent.person >= 0 && c->recent.person != id) {
    c->recent.other_person = c->recent.person;
    c->recent.other_role = c->recent.person_role;
    c->recent.other_woman = c->recent.person_woman;
  }
  c->recent.person = id;
  c->recent.person_role = role;
  c->recent.person_woman = (uint8_t)(woman != 0);
  if (woman) name_woman(c, id, role);
}

/* Whether a token among [first, last) is of the word class female: a woman's
 * name ("Maia Sandu", "Kallas") or "she" and "her". */
static int female_words(const orb_coder *c, size_t first, size_t last) {
  for (size_t t = first; t < last; t++)
    if (c->tokens.items[t].id && (c->dict->vocab_flags[c->tokens.items[t].id] & EV_VF_FEMALE))
      return 1;
  return 0;
}

/* Remembers mention index for coreference: the latest organisation and states
 * as they are named, and the latest pair of states named together. */
static void remember(orb_coder *c, size_t index, int grouped) {
  const ev_mention *m = &c->mentions[index];
  if (m->is_coref) return;
  if (grouped) {
    if (index > 0 && c->mentions[index - 1].group == m->group && !m->is_org &&
        !c->mentions[index - 1].is_org && c->mentions[index - 1].id != m->id) {
      c->recent.pair[0] = c->mentions[index - 1].id;
      c->recent.pair[1] = m->id;
    }
    /* the last of a group of two or more distinct states: the latest group */
    if (index + 1 < c->mention_count && c->mentions[index + 1].group == m->group) return;
    int32_t ids[EV_GROUP_MAX];
    size_t n = 0;
    for (size_t a = group_start(c, index); a <= index; a++) {
      const ev_mention *g = &c->mentions[a];
      int known = g->is_coref || g->is_org || !is_state_id(ev_string(c->dict, g->id));
      for (size_t j = 0; j < n && !known; j++) known = ids[j] == g->id;
      if (!known && n < EV_GROUP_MAX) ids[n++] = g->id;
    }
    if (n >= 2) {
      memcpy(c->recent.group, ids, n * sizeof *ids);
      c->recent.group_count = (uint8_t)n;
    }
    return;
  }
  if (m->is_org) {
    ev_recent *r = &c->recent; /* moved to the front of the latest organisations */
    if (r->org_count < EV_ORGS_MAX) r->org_count++;
    memmove(r->orgs + 1, r->orgs, (size_t)(r->org_count - 1) * sizeof *r->orgs);
    memset(&r->orgs[0], 0, sizeof r->orgs[0]);
    r->orgs[0].id = m->id;
    r->orgs[0].role = m->role;
    /* its name's words, and the two before "of" ("the Parliamentary Assembly
     * of the Council of Europe": "the assembly" is that council's) */
    uint32_t from = m->first;
    if (from > 0 && tok_is(c, from - 1, "the")) from--;
    from = from > 2 && tok_is(c, from - 1, "of") ? from - 3 : m->first;
    for (uint32_t t = from, w = 0; t < m->last && w < EV_ORG_WORDS; t++)
      r->orgs[0].words[w++] = c->tokens.items[t].id;
  } else if (is_state_id(ev_string(c->dict, m->id))) {
    size_t j = 0; /* moved to the front of the latest named */
    while (j < c->recent.named_count && c->recent.named[j] != m->id) j++;
    uint16_t hits = j < c->recent.named_count ? c->recent.hits[j] : 0;
    if (j == c->recent.named_count && j < EV_GROUP_MAX) c->recent.named_count++;
    if (j == EV_GROUP_MAX) j--;
    memmove(c->recent.named + 1, c->recent.named, j * sizeof *c->recent.named);
    memmove(c->recent.hits + 1, c->recent.hits, j * sizeof *c->recent.hits);
    c->recent.named[0] = m->id;
    c->recent.hits[0] = hits < UINT16_MAX ? hits + 1 : hits;
  }
}

/* If the coreference item k is followed by ", ORGANISATION" ("This alliance, the
 * CSTO"), binds the phrase to that organisation for the rest of the article
 * and returns 1. */
static int bind_apposition(orb_coder *c, size_t k) {
  const orb_dict *d = c->dict;
  const ev_token *tok = c->tokens.items;
  if (k + 1 >= c->item_count || c->items[k + 1].kind != IT_ACTOR) return 0;
  uint32_t t = c->items[k].last;
  if (t >= c->items[k + 1].first || tok[t].id != d->tok_comma) return 0;
  for (t++; t < c->items[k + 1].first; t++)
    if (!tok_flag(c, t, EV_VF_DET)) return 0;
  const ev_actor_entry *e = &d->actors[d->nodes[c->items[k + 1].node].actor];
  if (!e->is_org) return 0;
  c->recent.bound_org = e->id;
  c->recent.bound_org_role = e->role;
  return 1;
}

/* Whether tokens [from, to) read "of" and determiners: "the president of the
 * Republic", where the agent before them belongs to the actor after them. */
static int agent_of(const orb_coder *c, uint32_t from, uint32_t to) {
  const orb_dict *d = c->dict;
  if (from >= to || c->tokens.items[from].id != d->tok_of) return 0;
  for (uint32_t t = from + 1; t < to; t++) {
    uint32_t id = c->tokens.items[t].id;
    if (!id || !(d->vocab_flags[id] & EV_VF_DET)) return 0;
  }
  return 1;
}

/* Whether token t lies inside a dictionary item of the sentence. */
static int word_item(const orb_coder *c, uint32_t t) { return c->item_at[t] >= 0; }


/* Whether an actor item of tokens [first, t) is part of a place name: a
 * capitalised Sea, Strait, Gulf... follows ("the South China Sea") or comes
 * before with "of" ("the Sea of Japan", "the Gulf of Finland"); or a name of
 * several words written in lower case before "of" is a common phrase ("the
 * west bank of the Dnipro"). */
static int place_name_after(const orb_coder *c, size_t first, size_t t, size_t e) {
  static const char *const places[] = {"sea", "ocean", "strait", "straits", "gulf", "bay",
                                       "river", "peninsula", "mountains", "lake", "canal"};
  const size_t n = sizeof places / sizeof *places;
  if (t < e && c->text[c->tokens.items[t].start] >= 'A' &&
      c->text[c->tokens.items[t].start] <= 'Z' && tok_in(c, t, places, n))
    return 1;
  if (t < e && t >= first + 2 && c->tokens.items[t].id == c->dict->tok_of) {
    size_t u = first;
    while (u < t && c->text[c->tokens.items[u].start] >= 'a' &&
           c->text[c->tokens.items[u].start] <= 'z')
      u++;
    if (u == t) return 1;
  }
  return first >= 2 && c->tokens.items[first - 1].id == c->dict->tok_of &&
         c->text[c->tokens.items[first - 2].start] >= 'A' &&
         c->text[c->tokens.items[first - 2].start] <= 'Z' && tok_in(c, first - 2, places, n);
}

static int auxiliary(const orb_coder *c, size_t t);

/* Whether a verb item starts at token t, after at most one word that starts
 * no item, two auxiliaries and two markers ("It also accused", "it did not
 * attack", "we have effectively frozen"). */
static int verb_follows(const orb_coder *c, size_t t, size_t e) {
  for (size_t u = t, words = 0, markers = 0, aux = 0; u < e && words < 2 && markers < 3;) {
    int32_t k = c->item_at[u];
    if (k >= 0 && c->items[k].kind == IT_VERB && c->items[k].first == u) return 1;
    if (k >= 0 && c->items[k].kind != IT_MARKER) return 0;
    if (k >= 0) { /* a marker: skipped whole */
      u = c->items[k].last;
      markers++;
      continue;
    }
    if (c->tokens.items[u].flags & EV_TF_PUNCT) return 0;
    if (aux < 2 && auxiliary(c, u)) {
      aux++;
      u++;
      continue;
    }
    words++;
    u++;
  }
  return 0;
}

/* Inserts a mention standing for actor id at tokens [first, last), keeping
 * the mentions in order; 0 on out of memory. */
static int insert_coref(orb_coder *c, uint32_t first, uint32_t last, int32_t id, int32_t role,
                        uint8_t is_org) {
  if (!add_mention(c, first, last, id, role, is_org)) return 0;
  ev_mention m = c->mentions[c->mention_count - 1];
  m.is_coref = 1;
  m.group = 0x40000000u + first; /* a group of its own */
  size_t i = c->mention_count - 1;
  for (; i > 0 && c->mentions[i - 1].first > first; i--) c->mentions[i] = c->mentions[i - 1];
  c->mentions[i] = m;
  return 1;
}

/* Whether the word at token t (after "its"), or the one after it when t is
 * an adjective-like word ("its southern border"), names what a state holds
 * and others violate or strike: its territory, airspace, border, citizens,
 * embassy. */
static int owned_place(const orb_coder *c, size_t t, size_t e) {
  static const char *const held[] = {
      "territory",   "territories", "airspace", "border",    "borders",  "frontier",
      "soil",        "sovereignty", "waters",   "positions", "villages", "towns",
      "cities",      "capital",     "citizens", "nationals", "embassy",  "consulate",
      "diplomats",   "infrastructure", "land",  "integrity", "interior", "officials",
      "guards",      "servicemen",  "peacekeepers", "security"};
  for (size_t u = t; u < e && u < t + 2; u++) {
    if (c->tokens.items[u].flags & EV_TF_PUNCT) return 0;
    if (tok_in(c, u, held, sizeof held / sizeof *held)) return 1;
    if (c->item_at[u] >= 0 && c->items[c->item_at[u]].kind != IT_NOUN) return 0;
  }
  return 0;
}

/* The first actor named (not a pronoun) in the clause of token t, among the
 * mentions [0, before) that start before it: the clause starts after the
 * last ";", clause marker ("but", "while") or comma before "and" between s
 * and t; NULL when none. */
static const ev_mention *clause_first_actor(const orb_coder *c, size_t s, size_t t,
                                            size_t before) {
  static const char *const joins[] = {"and", "but", "while", "whereas"};
  size_t from = s;
  for (size_t u = t; u > s; u--) {
    int32_t k = c->item_at[u - 1];
    if (tok_is(c, u - 1, ";") ||
        (k >= 0 && c->items[k].kind == IT_MARKER &&
         c->dict->nodes[c->items[k].node].marker == EV_MK_CLAUSE) ||
        (tok_is(c, u - 1, ",") && u < t && tok_in(c, u, joins, sizeof joins / sizeof *joins))) {
      from = u;
      break;
    }
  }
  for (size_t m = 0; m < before; m++)
    if (c->mentions[m].first >= from && !c->mentions[m].is_coref) return &c->mentions[m];
  return NULL;
}

static int compound(const orb_coder *c, const ev_mention *prev, const ev_mention *cur,
                    size_t s, size_t end);

/* Pronouns over the sentence's tokens [s, e) (docs/MODEL.md, "Coding events
 * from text", coreference): "we" or "I" inside quotes is the speaker, the
 * first actor named outside them; "it" as the subject of a verb is the
 * first actor named before it in the sentence ("Russia said it would"), else
 * the subject of the latest sentence, else the latest organisation or state;
 * "its neighbour" is the latest state other than the owner of "its" (the
 * actor named last before it in the sentence, else what "it" names); "it" or
 * "them" after "accusing", "blamed" and the like is the actor named last
 * before it in the sentence (for "them" with the list it ends), when not the
 * sentence's first. Returns 1 on out of memory. */
static int pronoun_mentions(orb_coder *c, size_t s, size_t e) {
  const ev_recent *r = &c->recent;
  int quoted = 0, any_quote = 0;
  int32_t speaker = -1, speaker_role = -1;
  uint8_t speaker_org = 0;
  for (size_t t = s; t < e; t++) any_quote |= tok_quote(c, t);
  if (any_quote) {
    size_t m = 0;
    for (size_t t = s; t < e && speaker < 0; t++) {
      if (tok_quote(c, t)) quoted = !quoted;
      while (m < c->mention_count && c->mentions[m].first < t) m++;
      if (!quoted && m < c->mention_count && c->mentions[m].first == t &&
          !c->mentions[m].is_coref) {
        speaker = c->mentions[m].id;
        speaker_role = c->mentions[m].role;
        speaker_org = c->mentions[m].is_org;
      }
    }
  }
  int32_t it = r->subject >= 0 ? r->subject : r->org_count ? r->orgs[0].id : latest_state(c, 0);
  int32_t it_role = r->subject >= 0 ? r->subject_role : 0;
  uint8_t it_org = r->subject >= 0 ? r->subject_is_org : r->org_count > 0;
  ev_mention first = {.first = UINT32_MAX}; /* the first actor named in the sentence */
  for (size_t m = 0; m < c->mention_count && first.first == UINT32_MAX; m++)
    if (!c->mentions[m].is_coref) first = c->mentions[m];
  static const char *const charging[] = {"accusing", "accused", "accuses", "blaming",
                                         "blamed", "blames", "charging", "charged"};
  quoted = 0;
  size_t before = 0, added = 0; /* mentions before token t; pronouns added (bounded) */
  for (size_t t = s; t < e && added < EV_MAX_PRONOUNS; t++) {
    while (before < c->mention_count && c->mentions[before].first < t) before++;
    size_t count = c->mention_count;
    if (tok_quote(c, t)) quoted = !quoted;
    if (word_item(c, (uint32_t)t)) continue;
    if (quoted && speaker >= 0 && (tok_is(c, t, "we") || tok_is(c, t, "i")) &&
        verb_follows(c, t + 1, e)) {
      if (!insert_coref(c, (uint32_t)t, (uint32_t)t + 1, speaker, speaker_role, speaker_org))
        return 1;
    } else if (!quoted && before > 0 && t > s && (tok_is(c, t, "them") || tok_is(c, t, "it")) &&
               tok_in(c, t - 1, charging, sizeof charging / sizeof *charging) &&
               c->mentions[before - 1].id != first.id) {
      /* "expelled diplomats from Germany, Poland and Sweden, accusing them
       * of": the actor named last before it in the sentence (for "them" with
       * the list it ends), when that is not the sentence's first actor */
      size_t from = before - 1;
      while (tok_is(c, t, "them") && from > 0 &&
             compound(c, &c->mentions[from - 1], &c->mentions[from], s, e))
        from--;
      for (size_t m = from; m < before; m++) {
        const ev_mention mn = c->mentions[m];
        if (!insert_coref(c, (uint32_t)t, (uint32_t)t + 1, mn.id, mn.role, mn.is_org)) return 1;
      }
    } else if (!quoted && tok_is(c, t, "it") && verb_follows(c, t + 1, e)) {
      /* "Russia said it would ...": the first actor of the sentence, else the
       * latest sentence's subject */
      if (first.first < t ? !insert_coref(c, (uint32_t)t, (uint32_t)t + 1, first.id, first.role,
                                          first.is_org)
                          : it >= 0 && !insert_coref(c, (uint32_t)t, (uint32_t)t + 1, it,
                                                     it_role, it_org))
        return 1;
    } else if (!quoted && t + 1 < e && tok_is(c, t, "its") && owned_place(c, t + 1, e)) {
      /* "Georgia said Russian jets had bombed its territory": what a state
       * holds and others violate is the first actor's named in the clause
       * before it, else what "it" names; after a verb that helps or holds
       * (CAMEO 01-09) the nearest actor's before that verb */
      const ev_mention *own = clause_first_actor(c, s, t, before);
      for (size_t u = t; u > s; u--) { /* the verb before it, if it helps or holds */
        int32_t kv = c->item_at[u - 1];
        if (c->tokens.items[u - 1].flags & EV_TF_PUNCT) break;
        if (kv < 0 || c->items[kv].kind != IT_VERB) continue;
        const char *vc = c->dict->rules[c->dict->nodes[c->items[kv].node].verb].code;
        if (vc[0] == '0' && before > 0 && !c->mentions[before - 1].is_coref &&
            c->mentions[before - 1].last <= c->items[kv].first)
          own = &c->mentions[before - 1]; /* "help Ukraine defend its cities" */
        break;
      }
      int32_t owner = own ? own->id : it;
      if (owner >= 0) {
        if (!insert_coref(c, (uint32_t)t, (uint32_t)t + 1, owner, own ? own->role : it_role,
                          own ? own->is_org : it_org))
          return 1;
        c->mentions[before].is_coref = EV_COREF_OWNER;
      }
    } else if (it >= 0 && t + 1 < e && tok_is(c, t, "its") &&
               (tok_is(c, t + 1, "neighbour") || tok_is(c, t + 1, "neighbor")) &&
               !(t + 2 < e && word_item(c, (uint32_t)t + 2))) {
      /* "its": the actor named last before it, else "it" */
      int32_t owner = before ? c->mentions[before - 1].id : it;
      int32_t other = latest_state(c, 0) != owner ? latest_state(c, 0) : latest_state(c, 1);
      if (other >= 0 && !insert_coref(c, (uint32_t)t, (uint32_t)t + 2, other, 0, 0)) return 1;
    }
    added += c->mention_count > count;
  }
  return 0;
}

static int adjective_like(const orb_coder *c, size_t t);
static int light_lead(const orb_coder *c, uint32_t t);

/* Whether mention m, after a comma, owns the noun phrase that ends its clause
 * ("with Abkhazia, Georgia's other breakaway region."), no list going on
 * after it: an apposition that names what came before, no actor of a list. */
static int possessive_apposition(const orb_coder *c, const ev_mention *m, size_t e) {
  const ev_token *tok = c->tokens.items;
  if (m->first == 0 || !tok_is(c, m->first - 1, ",") || m->last >= e ||
      tok[m->last].id != c->dict->tok_s)
    return 0;
  for (size_t t = m->last + 1, words = 0; t < e; t++, words++) {
    if (tok[t].flags & EV_TF_PUNCT)
      return words > 0 && !(t + 1 < e && (tok_is(c, t + 1, "and") || tok_is(c, t + 1, "or")));
    if (words == 4 || !adjective_like(c, t)) return 0;
  }
  return 1;
}

/* Whether mention m is the source of a trailing attribution: a comma before
 * its phrase (determiners and adjective-like words between) and a statement
 * verb (CAMEO root 01) right after it ("..., the Armenian defence ministry
 * said", "..., Ukrainian intelligence said"): the reporter, no target. */
static int attribution(const orb_coder *c, const ev_mention *m, size_t s, size_t e) {
  const orb_dict *d = c->dict;
  const ev_token *tok = c->tokens.items;
  size_t t = m->first, skipped = 0;
  while (t > s && tok[t - 1].id != d->tok_comma) {
    if (m->first - t >= 6) return 0; /* bounded: a phrase of a few words */
    uint32_t id = tok[--t].id;
    if (id && (d->vocab_flags[id] & EV_VF_DET)) continue;
    if (++skipped > 2 || !adjective_like(c, t)) return 0;
  }
  if (t == s) return 0;
  for (size_t u = m->last, words = 0; u < e && words <= 3 && u < m->last + 6; u++) {
    int32_t k = c->item_at[u];
    if (k >= 0 && c->items[k].kind == IT_VERB) {
      static const char *const report[] = {"said", "says", "reported", "reports", "told",
                                           "added", "announced", "stated", "claimed"};
      const char *code = d->rules[d->nodes[c->items[k].node].verb].code;
      return (code[0] == '0' && code[1] == '1') ||
             tok_in(c, c->items[k].first, report, sizeof report / sizeof *report);
    }
    if (k >= 0 && c->items[k].kind != IT_AGENT && c->items[k].kind != IT_NOUN) return 0;
    if (tok[u].flags & EV_TF_PUNCT) return 0;
    words += k < 0 || c->items[k].kind == IT_NOUN;
  }
  return 0;
}

/* Month names and their abbreviations, as datelines write them. */
static const char *const months[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december"};

/* Prepositions of place or of a route ("in Uzbekistan", "over Armenia"). */
static const char *const place_preps[] = {"in", "at", "near", "inside", "through", "via",
                                          "across", "over"};

/* Whether actor item it is the place of a wire dateline: the first words of
 * the line, written in capitals, followed by a comma and a month ("MOSCOW,
 * July 21 (wire) -") or by a parenthesis ("TBILISI (AP) -"). The place the
 * story was filed from is no party to it. */
static int dateline(const orb_coder *c, const ev_item *it) {
  const ev_token *tok = c->tokens.items;
  if (it->first != 0 || it->last + 1 >= c->tokens.count) return 0;
  size_t letters = 0;
  for (uint32_t t = it->first; t < it->last; t++)
    for (uint32_t b = tok[t].start; b < tok[t].end; b++) {
      char ch = c->text[b];
      if (ch >= 'a' && ch <= 'z') return 0;
      letters += ch >= 'A' && ch <= 'Z';
    }
  if (letters < 3) return 0;
  if (tok_is(c, it->last, "(")) return 1;
  return tok_is(c, it->last, ",") &&
         tok_in(c, it->last + 1, months, sizeof months / sizeof *months);
}

/* The token after a wire dateline opening the line's tokens [0, e): words in
 * capitals (three letters at least), a comma, at most five words (a country:
 * "YALTA, Ukraine,"), a month and a day, then "(wire)" and a dash if they
 * follow; 0 when the line opens with none. */
static size_t dateline_span(const orb_coder *c, size_t e) {
  const ev_token *tok = c->tokens.items;
  size_t t = 0, letters = 0;
  for (; t < e && t < 6 && !tok_is(c, t, ","); t++)
    for (uint32_t b = tok[t].start; b < tok[t].end; b++) {
      char ch = c->text[b];
      if (ch >= 'a' && ch <= 'z') return 0;
      letters += ch >= 'A' && ch <= 'Z';
    }
  if (letters < 3 || t >= e || t == 0) return 0;
  size_t month = t + 1;
  while (month < e && month < t + 7 && !tok_in(c, month, months, sizeof months / sizeof *months))
    month++;
  if (!(month + 1 < e && month < t + 7 && (tok[month + 1].flags & EV_TF_DIGITS))) return 0;
  size_t end = month + 2;
  if (end < e && tok_is(c, end, "(")) {
    size_t close = end;
    while (close < e && close < end + 6 && !tok_is(c, close, ")")) close++;
    if (close < e && tok_is(c, close, ")")) end = close + 1;
  }
  if (end < e && (tok[end].flags & EV_TF_PUNCT) && !tok_is(c, end, ",")) end++; /* "-" */
  return end;
}

/* Whether actor item it is a single word of two or three letters written in
 * lower case ("toward us") or in mixed case right after a capitalised word
 * ("Kim Jong Un"): the short names of the dictionaries are acronyms (UN, EU,
 * US), written in capitals. */
static int mixed_case_acronym(const orb_coder *c, const ev_item *it) {
  const ev_token *tok = c->tokens.items;
  if (it->last != it->first + 1) return 0;
  size_t len = tok[it->first].end - tok[it->first].start;
  if (len < 2 || len > 3) return 0;
  const char *w = c->text + tok[it->first].start;
  int lower = 0;
  for (size_t i = 0; i < len; i++) lower |= w[i] >= 'a' && w[i] <= 'z';
  if (w[0] >= 'a' && w[0] <= 'z') return 1; /* "towards us": a word, not the US */
  if (it->first == 0) return 0;
  char prev = c->text[tok[it->first - 1].start];
  return lower && w[0] >= 'A' && w[0] <= 'Z' && prev >= 'A' && prev <= 'Z' &&
         !(tok[it->first - 1].flags & EV_TF_PUNCT);
}

/* Whether token t is a word that starts with a capital letter. */
static int capitalised(const orb_coder *c, size_t t) {
  const ev_token *tok = &c->tokens.items[t];
  return !(tok->flags & (EV_TF_PUNCT | EV_TF_DIGITS)) && c->text[tok->start] >= 'A' &&
         c->text[tok->start] <= 'Z';
}

/* Whether every word of item it starts with a capital letter: a name
 * ("Antonio Guterres"), not a common phrase ("the alliance"). */
static int name_item(const orb_coder *c, const ev_item *it) {
  for (uint32_t t = it->first; t < it->last; t++)
    if (!capitalised(c, t)) return 0;
  return 1;
}

/* Whether token t may be part of a person's name after a title: a capitalised
 * word of letters that starts no dictionary item ("President Boris Yeltsin"). */
static int name_word(const orb_coder *c, size_t t) {
  return capitalised(c, t) && !word_item(c, (uint32_t)t);
}

static int new_clause_subject(const orb_coder *c, const ev_mention *m, size_t e);
static int gerund(const orb_coder *c, size_t t);

/* Whether token t is a capitalised word that an actor item of the
 * dictionaries names on no day of date ("Biden" in 2014, before his term):
 * free to be a surname the article remembers. */
static int undated_name(const orb_coder *c, size_t t, orb_date date) {
  int32_t k = c->item_at[t];
  return k >= 0 && c->items[k].kind == IT_ACTOR && capitalised(c, t) &&
         !entry_on(c->dict, c->dict->nodes[c->items[k].node].actor, date);
}

/* The slot of the article's surnames that token t reads, or -1. */
static int name_index(const orb_coder *c, size_t t) {
  const ev_token *tok = &c->tokens.items[t];
  size_t n = tok->end - tok->start;
  for (size_t i = 0; i < c->recent.name_count; i++)
    if (strlen(c->recent.names[i].word) == n &&
        !memcmp(c->recent.names[i].word, c->text + tok->start, n))
      return (int)i;
  return -1;
}

/* Remembers the surname at token t (the last word of a name after a title:
 * "Israeli Prime Minister Naftali Bennett") as actor id with role for the
 * rest of the article; the oldest gives way when EV_NAMES_MAX are held. */
static void remember_name(orb_coder *c, size_t t, int32_t id, int32_t role) {
  const ev_token *tok = &c->tokens.items[t];
  size_t n = tok->end - tok->start;
  if (n < 3 || n >= EV_NAME_BYTES) return;
  ev_recent *r = &c->recent;
  int slot = name_index(c, t); /* named again, perhaps with another title */
  if (slot < 0) {
    slot = r->name_next;
    memcpy(r->names[slot].word, c->text + tok->start, n);
    r->names[slot].word[n] = '\0';
    r->name_next = (uint8_t)((slot + 1) % EV_NAMES_MAX);
    if (r->name_count < EV_NAMES_MAX) r->name_count++;
  }
  r->names[slot].id = id;
  r->names[slot].role = role;
}

/* The token after the name of up to three capitalised words that follows a
 * title ending at token t (before token end), remembered as actor id with
 * role ("Russian President Boris Yeltsin", then "Yeltsin") and named the
 * latest person; t when none follows. A name the dictionaries hold for other
 * dates counts as words. */
static uint32_t held_name(orb_coder *c, uint32_t t, size_t end, orb_date date, int32_t id,
                          int32_t role) {
  uint32_t last = t;
  while (last - t < 3 && last < end && (name_word(c, last) || undated_name(c, last, date)))
    last++;
  if (last > t) { /* a person: "he" or "she" may name them from here on */
    remember_name(c, last - 1, id, role);
    name_person(c, id, role, female_words(c, t, last));
  }
  return last;
}

/* Adds a mention for each capitalised word of tokens [s, e) outside every
 * mention and item that is a surname remembered in the article ("Bennett
 * thanked Putin" after "Israeli Prime Minister Naftali Bennett"), or that is
 * an actor's name alone outside its dated terms ("Biden said" in 2014 after
 * "U.S. Vice President Joe Biden"); 1 on out of memory. */
static int named_again(orb_coder *c, size_t s, size_t e, orb_date date) {
  if (!c->recent.name_count) return 0;
  size_t m = 0; /* the first mention that does not end before t */
  for (size_t t = s; t < e; t++) {
    while (m < c->mention_count && c->mentions[m].last <= t) m++;
    if (m < c->mention_count && c->mentions[m].first <= t) continue;
    int i = name_word(c, t) || undated_name(c, t, date) ? name_index(c, t) : -1;
    if (i < 0) continue;
    if (!insert_coref(c, (uint32_t)t, (uint32_t)t + 1, c->recent.names[i].id,
                      c->recent.names[i].role, 0))
      return 1;
    c->mentions[m].is_coref = 0; /* inserted at m, before those after t: a name, as good */
    c->mentions[m].is_person = 1; /* as the full one */
    if (female_words(c, t, t + 1)) /* "Sandu said": "she" names her */
      name_woman(c, c->recent.names[i].id, c->recent.names[i].role);
  }
  return 0;
}

/* Records the state of a dateline's actor phrase (dictionary actor head) on
 * date as the article's home, when it is a state. */
static void home_state(orb_coder *c, int32_t head, orb_date date) {
  const ev_actor_entry *e = entry_on(c->dict, head, date);
  if (e && !e->is_org && is_state_id(ev_string(c->dict, e->id))) c->recent.home = e->id;
}

/* The token after the name that follows agent item k when it is a
 * capitalised title alone ("Interior Minister Mariusz Kaminski": no actor
 * before it in its sentence [s, end), no known name after it, one to three
 * capitalised words no dictionary holds), else the item's first token. */
static size_t titled_name(const orb_coder *c, size_t k, size_t s, size_t end) {
  const ev_item *it = &c->items[k];
  const ev_token *tok = c->tokens.items;
  char first = c->text[tok[it->first].start];
  if (first < 'A' || first > 'Z') return it->first;
  if (it->first > s) {
    int32_t before = c->item_at[it->first - 1];
    if ((before >= 0 && c->items[before].kind != IT_VERB) ||
        tok[it->first - 1].id == c->dict->tok_s || tok_is(c, it->first - 1, "of"))
      return it->first; /* "Russian Foreign Minister", "Russia's defence minister" */
  }
  size_t last = it->last;
  while (last < end && last < it->last + 3 && name_word(c, last)) last++;
  int32_t after = last < end ? c->item_at[last] : -1;
  if (last == it->last || (after >= 0 && c->items[after].kind == IT_ACTOR))
    return it->first; /* "Prime Minister Dmitry Medvedev": a name known */
  return last;
}

/* Whether an actor id is named in the sentence from token s up to token t
 * (the speaker of what follows: "Moscow called the deployment ..."). */
static int named_before(const orb_coder *c, size_t s, size_t t, int32_t id) {
  for (size_t m = 0; m < c->mention_count; m++)
    if (c->mentions[m].first >= s && c->mentions[m].first < t && c->mentions[m].id == id)
      return 1;
  return 0;
}

/* Verbs that attribute words to a speaker and are no act of it. */
static const char *const attributing[] = {"said", "says", "added", "stated", "reported",
                                          "confirmed"};

/* Whether the state of the article's dateline is among the latest states
 * its text names (the dateline itself is no mention). */
static int home_named(const orb_coder *c) {
  for (size_t j = 0; c->recent.home >= 0 && j < c->recent.named_count; j++)
    if (c->recent.named[j] == c->recent.home) return 1;
  return 0;
}

/* Turns actor items, agents attached to them and coreferences into mentions. */
static orb_status find_mentions(orb_coder *c, orb_date date, size_t s, size_t end) {
  const orb_dict *d = c->dict;
  const ev_token *tok = c->tokens.items;
  c->mention_count = 0;
  c->dateline_end = s == 0 ? dateline_span(c, end) : 0;
  size_t scanned = 0; /* mentions looked at for a state named in the sentence */
  int named = 0;
  /* the latest two states named before this sentence: "Germany and Poland
   * asked both sides" are not both sides (the pair as the object of a verb) */
  const int32_t prior_state[2] = {latest_state(c, 0), latest_state(c, 1)};
  for (size_t k = 0; k < c->item_count; k++) {
    const ev_item *it = &c->items[k];
    const ev_node *n = &d->nodes[it->node];
    if (it->kind == IT_ACTOR && place_name_after(c, it->first, it->last, end)) continue;
    if (it->kind == IT_ACTOR && it->last < end &&
        ev_hyphen_modifier(c->text, tok, it->last) &&
        !(c->item_at[it->last] >= 0 && c->items[c->item_at[it->last]].kind == IT_ACTOR))
      continue; /* "the Russia-led CSTO", "US-backed": a modifier, not an actor */
    if (it->kind == IT_ACTOR && it->last > it->first + 1 && it->last < end &&
        ev_hyphen_modifier(c->text, tok, it->last - 1) && c->item_at[it->last] >= 0 &&
        c->items[c->item_at[it->last]].kind == IT_ACTOR)
      continue; /* "the Russian-backed Donetsk People's Republic": the dictionaries' own
                   compound ("russian-backed") before another actor, a modifier too */
    if (it->kind == IT_ACTOR && ev_hyphen_stance(c->text, tok, it->first))
      continue; /* "pro-Russian separatists", "anti-Western": a stance, not an actor */
    if (it->kind == IT_ACTOR && mixed_case_acronym(c, it))
      continue; /* "Kim Jong Un": "Un" is no UN */
    if (it->kind == IT_ACTOR && it->first < c->dateline_end) {
      home_state(c, n->actor, date);
      continue; /* "YALTA, Ukraine, Sept 19 (wire) -": where the story was filed */
    }
    if (it->kind == IT_ACTOR && dateline(c, it)) { /* "MOSCOW, July 21 (wire) -" */
      home_state(c, n->actor, date);
      size_t t = it->last, stop = t + 10 < end ? t + 10 : end;
      while (t < stop && !tok_is(c, t, ")")) t++;
      c->dateline_end = t < stop ? t + 1 : it->last;
      continue;
    }
    if (it->kind == IT_ACTOR) {
      const ev_actor_entry *e = entry_on(d, n->actor, date);
      if (!e) continue; /* a name outside every dated role: no actor (PETRARCH's null code) */
      if (strcmp(ev_string(d, e->id), "MED") == 0)
        continue; /* a news outlet of no state ("AFP reported") reports; it is no party */
      uint32_t first = it->first, last = it->last;
      int32_t role = e->role;
      /* an agent just before ("President Tokayev", "the army of Russia") or
       * after ("Russian forces", "Russia's army") lends its role when the entry
       * has none */
      if (k > 0 && c->items[k - 1].kind == IT_AGENT &&
          (c->items[k - 1].last == first || agent_of(c, c->items[k - 1].last, first)) &&
          !(c->mention_count > 0 && c->mentions[c->mention_count - 1].last ==
                                        c->items[k - 1].last)) { /* not "Russian embassy in" */
        if (!role) role = d->nodes[c->items[k - 1].node].agent;
        first = c->items[k - 1].first;
      }
      if (k + 1 < c->item_count && c->items[k + 1].kind == IT_AGENT) {
        uint32_t gap = c->items[k + 1].first - last;
        int portfolio = gap >= 1 && gap <= 2; /* "Russian Economy Minister": a title's
                                                 capitalised portfolio between */
        for (uint32_t t = last; portfolio && t < c->items[k + 1].first; t++)
          portfolio = c->item_at[t] < 0 && c->text[tok[t].start] >= 'A' &&
                      c->text[tok[t].start] <= 'Z';
        if (gap == 0 || portfolio ||
            (gap == 1 && (tok[last].id == d->tok_s || tok[last].id == d->tok_paren_close))) {
          if (!role) role = d->nodes[c->items[k + 1].node].agent;
          last = c->items[k + 1].last;
          /* a title is followed by the name of its holder ("Russian President
           * Boris Yeltsin"): the name belongs to the mention, so that "and his
           * counterpart" after it joins it */
          last = held_name(c, last, end, date, e->id, role);
        }
      } else if (e->role && e->from == ORB_DATE_NONE && e->to == ORB_DATE_NONE) {
        last = held_name(c, last, end, date, e->id, role); /* "U.S. Vice President Joe Biden":
                                                              the dictionaries' own title */
      }
      const char *ids = ev_string(d, e->id), *plus = strchr(ids, '+');
      if (!plus) {
        if (!add_mention(c, first, last, e->id, role, e->is_org)) return ORB_ENOMEM;
        remember(c, c->mention_count - 1, 0);
      }
      for (const char *p = ids; plus && *p; p += *p == '+') { /* "the Baltic states": each */
        size_t len = strcspn(p, "+");
        int32_t part = ev_string_find(d, p, len); /* interned with the entry */
        int grouped = p != ids && c->mention_count > 0 &&
                      c->mentions[c->mention_count - 1].first == first;
        p += len;
        if (part < 0) continue;
        if (!add_mention(c, first, last, part, role, e->is_org)) return ORB_ENOMEM;
        if (grouped)
          c->mentions[c->mention_count - 1].group = c->mentions[c->mention_count - 2].group;
        remember(c, c->mention_count - 1, 0);
      }
      if ((e->role || (e->is_org && name_item(c, it))) &&
          (e->from != ORB_DATE_NONE || e->to != ORB_DATE_NONE)) {
        /* a person (an office with a term, or an organisation's head by name): "he"
         * may name them from here on, and their surname alone ("Naftali Bennett",
         * then "Bennett") */
        name_person(c, e->id, role, female_words(c, first, last));
        if (it->last > it->first + 1) remember_name(c, it->last - 1, e->id, role);
        c->mentions[c->mention_count - 1].is_person = 1;
      }
    } else if (it->kind == IT_AGENT && c->recent.home >= 0) {
      size_t last = titled_name(c, k, s, end);
      if (last == it->first) continue;
      /* "Interior Minister Mariusz Kaminski" in a story filed from Warsaw: a
       * title and a name no dictionary knows, an official of the dateline's
       * state */
      int32_t role = n->agent;
      if (!add_mention(c, it->first, (uint32_t)last, c->recent.home, role, 0))
        return ORB_ENOMEM;
      remember(c, c->mention_count - 1, 0);
      remember_name(c, last - 1, c->recent.home, role);
      name_person(c, c->recent.home, role, female_words(c, it->first, last));
      c->mentions[c->mention_count - 1].is_person = 1;
    } else if (it->kind == IT_MARKER) {
      ev_marker mk = (ev_marker)n->marker;
      size_t before = c->mention_count;
      if (mk == EV_MK_COREF_ORG && bind_apposition(c, k)) {
        continue; /* "This alliance, the CSTO, ...": the CSTO itself follows */
      } else if (mk == EV_MK_COREF_ORG && n->org_word) {
        /* "the court": the latest organisation whose name holds "court" */
        int o = named_org(c, n->org_word);
        if (o < 0) continue;
        if (!add_mention(c, it->first, it->last, c->recent.orgs[o].id, c->recent.orgs[o].role, 1))
          return ORB_ENOMEM;
      } else if (mk == EV_MK_COREF_ORG && (c->recent.bound_org >= 0 || c->recent.org_count)) {
        int bound = c->recent.bound_org >= 0;
        if (!add_mention(c, it->first, it->last,
                         bound ? c->recent.bound_org : c->recent.orgs[0].id,
                         bound ? c->recent.bound_org_role : c->recent.orgs[0].role, 1))
          return ORB_ENOMEM;
      } else if (mk == EV_MK_COREF_ACT && n->act_roots) {
        /* "Georgia condemned the veto", "called the strike a terrorist attack":
         * the author of the latest act of the kind named, after a verb that
         * judges it (not "launched the attack", the act itself) */
        const ev_recent *r = &c->recent;
        int root = -1;
        for (int q = 1; q <= 20; q++)
          if ((n->act_roots >> q & 1u) && r->by_root[q].at &&
              (root < 0 || r->by_root[q].at > r->by_root[root].at))
            root = q;
        if (root < 0 || !judging_verb(c, &c->items[k - 1]) ||
            named_before(c, s, it->first, r->by_root[root].id))
          continue; /* act_judged let the phrase be a marker; the tagger may since have
                       read the verb as a noun; not the judge's own act */
        if (!add_mention(c, it->first, it->last, r->by_root[root].id, r->by_root[root].role,
                         r->by_root[root].is_org))
          return ORB_ENOMEM;
      } else if (mk == EV_MK_COREF_ACT && c->recent.subject >= 0 && k > 0 &&
                 c->items[k - 1].kind == IT_VERB &&
                 !(it->last < end && (tok_is(c, it->last, "of") || tok_is(c, it->last, "by")))) {
        /* (not "the decision of the Biden administration": its author is named)
         * "Georgia condemned the move": the one who made it, the source of
         * the latest sentence's first event, with those of its group who did
         * the same ("Estonia, Latvia and Lithuania imposed ..."); when that
         * one speaks here ("Moscow has called the deployment a threat" after
         * a sentence on Russia), the subject before it */
        const ev_recent *r = &c->recent;
        int32_t id = r->subject, role = r->subject_role;
        uint8_t org = r->subject_is_org;
        if (r->prior >= 0 && named_before(c, s, it->first, r->subject)) {
          id = r->prior, role = r->prior_role, org = r->prior_is_org;
        } else if (r->lead >= 0 && r->lead != r->subject &&
                   !named_before(c, s, it->first, r->lead)) {
          /* the author of the article's news, when the latest subject is
           * another and the news's author does not speak here ("Germany sent
           * tanks ... Poland had asked ... Russia called the decision
           * dangerous") */
          id = r->lead, role = r->lead_role, org = r->lead_is_org;
        }
        if (!add_mention(c, it->first, it->last, id, role, org)) return ORB_ENOMEM;
        for (size_t j = 0; j < (id == r->subject ? r->cosubject_count : 0); j++) {
          if (!add_mention(c, it->first, it->last, c->recent.cosubject[j], 0, 0))
            return ORB_ENOMEM;
          c->mentions[c->mention_count - 1].group = c->mentions[c->mention_count - 2].group;
        }
      } else if (mk == EV_MK_COREF_PERSON && c->recent.person >= 0) {
        /* "Lukashenko also congratulated him": not the subject just named;
         * "Modi met Putin and urged him": the person named after the subject */
        int32_t id = c->recent.person, role = c->recent.person_role;
        static const char *const object_form[] = {"him", "her"};
        int she = female_words(c, it->first, it->last);
        /* the person the sentence opens with: its first actor, a person or
         * an office, with only capitalised words and determiners before it */
        const ev_mention *first_person = NULL;
        size_t open = c->dateline_end > s && c->dateline_end < it->first ? c->dateline_end : s;
        for (size_t m = 0; m < c->mention_count && !first_person; m++) {
          const ev_mention *mn = &c->mentions[m];
          if (mn->first < open || mn->is_coref) continue;
          if (mn->first >= it->first || mn->first > open + 4 || !(mn->is_person || mn->role))
            break;
          int opens = 1;
          for (size_t t = open; t < mn->first && opens; t++)
            opens = tok_flag(c, t, EV_VF_DET) || capitalised(c, t);
          if (opens) first_person = mn;
          break;
        }
        if (first_person && (tok_is(c, it->first, "he") || tok_is(c, it->first, "she")) &&
            (female_words(c, first_person->first, first_person->last)
                 ? she : !(she && c->recent.woman >= 0))) {
          /* "Polish Foreign Minister Radoslaw Sikorski told Sergei Lavrov that he
           * condemned": a subject pronoun names the person its sentence opens with */
          id = first_person->id;
          role = first_person->role;
        } else if (she && c->recent.woman >= 0) {
          /* "Putin congratulated Sandu ... Zelensky was among the first to
           * congratulate her": the latest woman named; for "her" after a verb,
           * not one named as a subject in its sentence ("Von der Leyen and
           * Zelensky were among the first to congratulate her": the one before) */
          id = c->recent.woman;
          role = c->recent.woman_role;
          int subject_here = 0;
          for (size_t m = 0; m < c->mention_count && tok_is(c, it->first, "her"); m++) {
            const ev_mention *mn = &c->mentions[m];
            if (mn->first < s || mn->first >= it->first || mn->is_coref || mn->id != id)
              continue;
            int32_t kb = mn->first > s ? c->item_at[mn->first - 1] : -1;
            subject_here |= !(kb >= 0 && c->items[kb].kind == IT_VERB);
          }
          if (subject_here && c->recent.woman_before >= 0) {
            id = c->recent.woman_before;
            role = c->recent.woman_before_role;
          }
        } else if (!she && c->recent.person_woman && c->recent.other_person >= 0 &&
                   !c->recent.other_woman) {
          id = c->recent.other_person; /* "he" after a woman: the man before her */
          role = c->recent.other_role;
        } else if (tok_in(c, it->first, object_form, sizeof object_form / sizeof *object_form)) {
          /* the subject of its own verb is not "him": the actor right before
           * that verb ("Trump asked him", "Lukashenko also congratulated him") */
          uint32_t verb_at = it->first;
          while (verb_at > s && light_lead(c, verb_at - 1)) verb_at--;
          int32_t kv = verb_at > s ? c->item_at[verb_at - 1] : -1;
          if (kv >= 0 && c->items[kv].kind == IT_VERB) verb_at = c->items[kv].first;
          while (verb_at > s && light_lead(c, verb_at - 1)) verb_at--;
          int32_t own_subject = -1;
          for (size_t m = 0; m < c->mention_count; m++)
            if (c->mentions[m].last == verb_at && c->mentions[m].first >= s)
              own_subject = c->mentions[m].id;
          const ev_mention *object = NULL, *in_sentence = NULL;
          for (size_t m = 0; m < c->mention_count; m++) {
            const ev_mention *mn = &c->mentions[m];
            if (mn->first < s || mn->first >= it->first || !mn->is_person) continue;
            if (mn->id == id) in_sentence = mn; /* "He praised him": not he */
            if (mn->is_coref) continue;
            uint32_t g = c->mentions[group_start(c, m)].first;
            int32_t kb = g > s ? c->item_at[g - 1] : -1;
            if (kb >= 0 && c->items[kb].kind == IT_VERB && mn->id != own_subject)
              object = mn; /* "Modi met Putin and urged him": the object of a verb before */
          }
          if (object) {
            id = object->id;
            role = object->role;
          } else if (in_sentence && c->recent.other_person >= 0) {
            id = c->recent.other_person;
            role = c->recent.other_role;
          }
        }
        if (!add_mention(c, it->first, it->last, id, role, 0)) return ORB_ENOMEM;
        c->mentions[c->mention_count - 1].is_person = 1;
      } else if (mk == EV_MK_COREF_STATE && latest_state(c, 0) >= 0) {
        /* the latest state named in this sentence, else the subject of the
         * latest sentence if a state, else the latest state */
        for (; scanned < c->mention_count; scanned++)
          named |= !c->mentions[scanned].is_coref && !c->mentions[scanned].is_org;
        int32_t id = !named && c->recent.subject >= 0 && !c->recent.subject_is_org &&
                             is_state_id(ev_string(d, c->recent.subject))
                         ? c->recent.subject : latest_state(c, 0);
        if (!add_mention(c, it->first, it->last, id, 0, 0)) return ORB_ENOMEM;
      } else if (mk == EV_MK_COREF_PAIR &&
                 (latest_state(c, 1) >= 0 || c->recent.event_pair[0] >= 0)) {
        /* the object of a verb right before ("asked both sides") */
        int after_verb = k > 0 && c->items[k - 1].kind == IT_VERB;
        for (uint32_t t = after_verb ? c->items[k - 1].last : it->first; t < it->first; t++)
          after_verb &= tok_flag(c, t, EV_VF_DET);
        int32_t in_sentence[3] = {-1, -1, -1}; /* distinct states named in the sentence before it */
        int32_t persons[3] = {-1, -1, -1};     /* and those of the persons named there */
        size_t states = 0, people = 0;
        for (size_t m = 0; m < c->mention_count; m++) {
          int32_t id = c->mentions[m].id;
          if (c->mentions[m].first >= it->first || !is_state_id(ev_string(d, id))) continue;
          int known = 0;
          for (size_t j = 0; j < states; j++) known |= in_sentence[j] == id;
          if (!known && states < 3) in_sentence[states++] = id;
          known = !c->mentions[m].is_person || c->mentions[m].is_coref;
          for (size_t j = 0; j < people; j++) known |= persons[j] == id;
          if (!known && people < 3) persons[people++] = id;
        }
        if (states > 2 && people == 2 && !after_verb) {
          /* "Putin told Erdogan ... once the West met its obligations, and the two
           * leaders agreed": the two leaders named, not every state */
          in_sentence[0] = persons[0];
          in_sentence[1] = persons[1];
          states = 2;
        }
        int pair = c->recent.pair[0] >= 0;
        int32_t a = -1, b = -1;
        if (states == 2 && !after_verb) {
          /* "Putin awarded Modi ..., and the two leaders agreed": a subject (after a verb,
           * "asked both sides", the pair named before) */
          a = in_sentence[0];
          b = in_sentence[1];
        } else if (!pair && states < 2 && c->recent.event_pair[0] >= 0) {
          a = c->recent.event_pair[0]; /* "Erdogan met Putin ... the two presidents" */
          b = c->recent.event_pair[1];
        } else if (pair) { /* the latest two named together */
          a = c->recent.pair[0];
          b = c->recent.pair[1];
        } else if (prior_state[1] >= 0 && after_verb) { /* the two named before the sentence */
          a = prior_state[1];
          b = prior_state[0];
        } else if (states >= 2) { /* the latest two, named in this sentence */
          a = latest_state(c, 1);
          b = latest_state(c, 0);
        } else { /* none named together, fewer than two here: the article's main two */
          main_pair(c, &a, &b);
        }
        if (a < 0 || b < 0) continue;
        if (!add_mention(c, it->first, it->last, a, 0, 0) ||
            !add_mention(c, it->first, it->last, b, 0, 0))
          return ORB_ENOMEM;
        c->mentions[c->mention_count - 1].group = c->mentions[c->mention_count - 2].group;
      } else if (mk == EV_MK_COREF_HOME && home_named(c) &&
                 !(it->last < end && (tok_is(c, it->last, "of") ||
                                      tok_in(c, it->last, attributing,
                                             sizeof attributing / sizeof *attributing)))) {
        /* "The foreign ministry summoned Britain's ambassador" in a story filed
         * from Moscow on Russia: the dateline's state, when the story names it
         * (not in one filed from The Hague on Russia; not "the ministry of ...";
         * not the speaker of "..., the ministry said", whose words have their
         * own subject) */
        if (!add_mention(c, it->first, it->last, c->recent.home, 0, 0)) return ORB_ENOMEM;
      } else if (mk == EV_MK_COREF_GROUP &&
                 (c->recent.group_count >= 2 || c->recent.named_count >= 2) &&
                 !(it->last < end && tok_is(c, it->last, "of"))) {
        /* "the three countries signed": the latest states named together, or
         * when they are not three the latest three named (not "the presidents
         * of Russia, Ukraine and Belarus", named right after) */
        size_t count = c->recent.group_count;
        const int32_t *ids = c->recent.group;
        static const char *const numbers[] = {"two", "three", "four", "five", "six"};
        for (size_t w = 0; w < sizeof numbers / sizeof *numbers; w++)
          if (tok_is(c, it->first + 1, numbers[w]) && w + 2 != count &&
              w + 2 <= c->recent.named_count) {
            count = w + 2;
            ids = c->recent.named;
          }
        if (count < 2) continue;
        for (size_t j = 0; j < count; j++) {
          int32_t id = ids[ids == c->recent.named ? count - 1 - j : j]; /* in the order named */
          if (!add_mention(c, it->first, it->last, id, 0, 0)) return ORB_ENOMEM;
          if (j) c->mentions[c->mention_count - 1].group = c->mentions[c->mention_count - 2].group;
        }
      }
      for (size_t m = before; m < c->mention_count; m++) c->mentions[m].is_coref = 1;
    }
  }
  if (named_again(c, s, end, date)) return ORB_ENOMEM;
  if (pronoun_mentions(c, s, end)) return ORB_ENOMEM;
  /* an actor named twice in a row is one mention: "Kyrgyz President Almazbek
   * Atambayev" (the title's and the name's entries), also with one lower-case
   * word between that is no preposition or conjunction ("his Kyrgyz
   * counterpart Almazbek Atambayev") */
  static const char *const links[] = {"and", "or", "to", "with", "against", "by", "from",
                                      "of", "in", "on", "at", "than", "as", "for", "over",
                                      "into", "after", "before", "near", "between", "says",
                                      "said", "told", "the", "a", "an"};
  size_t kept = 0;
  for (size_t m = 0; m < c->mention_count; m++) {
    ev_mention *cur = &c->mentions[m];
    size_t gap = kept ? c->mentions[kept - 1].last : 0;
    int one_word = kept && gap + 1 == cur->first && !(tok[gap].flags & EV_TF_PUNCT) &&
                   c->text[tok[gap].start] >= 'a' && c->text[tok[gap].start] <= 'z' &&
                   !word_item(c, gap) && !tok_in(c, gap, links, sizeof links / sizeof *links);
    /* "Presidents Vladimir Putin of Russia, Hassan Rouhani of Iran ...": a
     * person and the state that is theirs */
    int of_own = kept && gap + 1 == cur->first && tok_is(c, gap, "of") && !cur->is_org;
    /* "Ukraine's Naftogaz", "Russia's Putin": a state's own company or person */
    int owned = kept && gap + 1 == cur->first && tok[gap].id == d->tok_s;
    if (kept && !cur->is_coref && !c->mentions[kept - 1].is_coref &&
        (c->mentions[kept - 1].last >= cur->first || one_word || of_own || owned) &&
        c->mentions[kept - 1].id == cur->id) {
      if (cur->last > c->mentions[kept - 1].last) c->mentions[kept - 1].last = cur->last;
      if (!c->mentions[kept - 1].role) c->mentions[kept - 1].role = cur->role;
      continue;
    }
    c->mentions[kept++] = *cur;
  }
  c->mention_count = kept;
  /* an owner before another actor of its own noun phrase is no actor of the
   * sentence: "Ukraine's rebel-held Donetsk and Luhansk regions", "Armenia's
   * ally Russia" ("'s", then up to three words that start no verb) */
  kept = 0;
  for (size_t m = 0; m < c->mention_count; m++) {
    const ev_mention *cur = &c->mentions[m];
    if (m + 1 < c->mention_count && !cur->is_coref && !c->mentions[m + 1].is_coref &&
        cur->id != c->mentions[m + 1].id && cur->last < end && tok[cur->last].id == d->tok_s &&
        c->mentions[m + 1].first > cur->last && c->mentions[m + 1].first <= cur->last + 4) {
      int own = 1;
      for (uint32_t t = cur->last + 1; own && t < c->mentions[m + 1].first; t++)
        own = adjective_like(c, t) &&
              !(tok_flag(c, t, EV_VF_PREP) && c->tokens.items[t].id != d->tok_of); /* not
                                     "Russia's aggression against Ukraine"; "Georgia's
                                     breakaway regions of Abkhazia and" still its own */
      /* but land fought over or annexed is its owner's: "annexed Ukraine's
       * Crimean peninsula" (a verb of CAMEO root 19 right before) */
      int32_t before = cur->first > s ? c->item_at[cur->first - 1] : -1;
      if (before >= 0 && c->items[before].kind == IT_VERB) {
        const char *code = item_code(c, &c->items[before], end);
        own &= !(code[0] == '1' && code[1] == '9');
      }
      if (own) continue;
    }
    c->mentions[kept++] = *cur;
  }
  c->mention_count = kept;
  /* groups joined; the parts of one entry ("the separatist Donetsk and Luhansk
   * regions") stay in the group their first part joins */
  uint32_t was = c->mention_count ? c->mentions[0].group : 0; /* m - 1's before */
  for (size_t m = 1; m < c->mention_count; m++) {
    uint32_t own = c->mentions[m].group;
    if ((c->mentions[m].first == c->mentions[m - 1].first && own == was) ||
        compound(c, &c->mentions[m - 1], &c->mentions[m], s, end))
      c->mentions[m].group = c->mentions[m - 1].group;
    was = own;
  }
  for (size_t m = 0; m < c->mention_count; m++) remember(c, m, 1);
  return ORB_OK;
}

/* Whether mention cur continues the compound of mention prev in the sentence
 * [s, end): only ',', "and", ')' and determiners between them (and up to two
 * unknown words after the conjunction, "Arnor and the evil awful Gondor"),
 * no relative pronoun, and cur no attribution, apposition or subject of a
 * clause of its own (also after an opening participle's phrase: "Speaking at
 * the monument to the Warsaw Uprising, Trump called"). Such mentions share a
 * group ("Germany, Poland and Sweden"). */
static int compound(const orb_coder *c, const ev_mention *prev, const ev_mention *cur,
                    size_t s, size_t end) {
  const orb_dict *d = c->dict;
  const ev_token *tok = c->tokens.items;
  int joined = cur->first >= prev->last, conj = 0, words = 0;
  for (uint32_t t = prev->last; joined && t < cur->first; t++) {
    uint32_t id = tok[t].id;
    if (id && (d->vocab_flags[id] & EV_VF_RELATIVE))
      return 0; /* "Rahmon, whose country borders Afghanistan" */
    conj |= id == d->tok_comma || id == d->tok_and;
    if (conj && t + 1 < cur->first && ev_hyphen_modifier(c->text, tok, t + 1) && ++words <= 2) {
      t++;
      continue; /* "Ukraine and the Russian-backed separatists" */
    }
    if (conj && !(tok[t].flags & (EV_TF_PUNCT | EV_TF_DIGITS)) && id != d->tok_and &&
        (!id || !d->vocab_flags[id]) && !word_item(c, t) && ++words <= 2)
      continue; /* "Arnor and the evil awful Gondor" */
    joined = id == d->tok_comma || id == d->tok_and || id == d->tok_paren_close ||
             (id && (d->vocab_flags[id] & EV_VF_DET));
  }
  /* not "..., Ukrainian intelligence said", nor "urged the Kremlin to cut ties
   * with Tallinn, and Foreign Minister Lavrov called ..." (a clause of its
   * own after an object) */
  int object_before = 0;
  for (size_t k = 0; k < c->item_count && c->items[k].first < prev->first && !object_before; k++)
    object_before = c->items[k].kind == IT_VERB && c->items[k].first >= s;
  size_t open = c->dateline_end > s ? c->dateline_end : s; /* "Speaking at ..., Trump" */
  return joined && cur->first > prev->last && !attribution(c, cur, s, end) &&
         !(open < prev->first && gerund(c, open) && tok_is(c, cur->first - 1, ",") &&
           verb_follows(c, cur->last, end)) &&
         !(object_before && new_clause_subject(c, cur, end)) &&
         !possessive_apposition(c, cur, end);
}

/* ---- events --------------------------------------------------------------------- */

/* The model type of a code by the longest matching "type" prefix, or -1. */
static int type_of_code(const orb_dict *d, const char *code) {
  int best = -1;
  size_t best_len = 0;
  for (size_t i = 0; i < d->type_count; i++) {
    size_t n = strlen(d->types[i].prefix);
    if (n > best_len && strncmp(code, d->types[i].prefix, n) == 0) {
      best = d->types[i].type;
      best_len = n;
    }
  }
  return best;
}

/* The CAMEO code of a threat to do what code describes. */
static const char *threat_code(const char *code) {
  int root = code_root(code);
  if (root == 16) return "1313"; /* threaten to reduce or break relations */
  if (root == 17) return "137";  /* threaten with repression */
  if (root >= 15) return "138";  /* threaten with military force */
  return "130";
}

/* The CAMEO code of an intent to do what code describes (CAMEO 03's
 * subcodes: meet 036, diplomatic cooperation 032, material 031, aid 033,
 * yield 035), "13" for an act of pressure or force (roots 16-20: a threat),
 * the code itself for roots 01-03, NULL for the others (not asserted: "ready
 * to send troops" may be help or a threat). */
static const char *intent_code(const char *code) {
  static const char *const by_root[] = {NULL,   NULL,   NULL,   NULL,   "036", "032", "031",
                                        "033",  "035",  NULL,   NULL,   NULL,  NULL,  NULL,
                                        NULL,   NULL,   "13",   "13",   "13",  "13",  "13"};
  int root = code_root(code);
  if (root >= 1 && root <= 3) return code;
  if (!strcmp(code, "061")) return "0311";
  if (!strcmp(code, "062")) return "0312";
  return root >= 1 && root <= 20 ? by_root[root] : NULL;
}

/* Whether token t may be an adjective between a determiner and its noun: a
 * word that starts no dictionary item, or an agent ("military support"). */
static int adjective_like(const orb_coder *c, size_t t) {
  int32_t k = c->item_at[t];
  if (c->tokens.items[t].flags & (EV_TF_PUNCT | EV_TF_DIGITS)) return 0;
  if (k < 0) return 1;
  const ev_item *it = &c->items[k];
  return it->kind == IT_AGENT || it->kind == IT_NOUN ||
         (it->kind == IT_MARKER && c->dict->nodes[it->node].marker == EV_MK_IGNORE);
}

/* Whether token t names a day or a month ("Thursday", "today", "June"): with the
 * preposition before it, an adverbial that says nothing of the next word
 * ("The United States on Thursday fired"). */
static int day_word(const orb_coder *c, size_t t) {
  static const char *const days[] = {"monday",  "tuesday",  "wednesday", "thursday", "friday",
                                     "saturday", "sunday",  "today",     "yesterday", "tonight",
                                     "january", "february", "march",    "april",    "may",
                                     "june",    "july",     "august",   "september", "october",
                                     "november", "december"};
  return tok_in(c, t, days, sizeof days / sizeof *days);
}

/* Whether token t names a day, a month or a span of time ("Monday",
 * "evening", "week", "later"): the noun of a phrase of time. */
static int time_word(const orb_coder *c, size_t t) {
  static const char *const times[] = {"morning", "afternoon", "evening", "night", "week",
                                      "weekend", "month", "year", "later", "then"};
  return day_word(c, t) || tok_in(c, t, times, sizeof times / sizeof *times);
}

/* Whether token t ends in "-ing" (a gerund or a participle: "massing",
 * "importing"). */
static int gerund(const orb_coder *c, size_t t) {
  const ev_token *tok = &c->tokens.items[t];
  return tok->end - tok->start > 3 && memcmp(c->text + tok->end - 3, "ing", 3) == 0;
}

/* Whether a verb item reads as a noun: right after a determiner, a preposition
 * other than "to" or a possessive "'s", with at most two adjective-like words
 * between ("its territorial dispute", "for military support"). */
static int reads_as_noun(const orb_coder *c, const ev_item *it, size_t s) {
  const orb_dict *d = c->dict;
  const ev_token *tok = c->tokens.items;
  static const char *const documents[] = {"law", "decree", "bill", "order", "resolution"};
  static const char *const subjects[] = {"it", "he", "she", "they", "we", "i"};
  size_t skipped = 0;
  const ev_token *last = &tok[it->last - 1];
  if (it->first > s && tok_flag(c, it->first - 1, EV_VF_PASSIVE) && it->last == it->first + 1 &&
      c->text[last->end - 1] == 's')
    return 1; /* "being allies", "are talks": a plural noun after a form of "be" (not
                 "was imposing sanctions", a phrase) */
  int day = 0;
  for (size_t t = it->first; t > s;) {
    uint32_t id = tok[--t].id;
    if (skipped == 0 && !day && day_word(c, t)) { /* "on Thursday fired" */
      if (t > s && tok_flag(c, t - 1, EV_VF_PREP)) t--;
      day = 1;
      continue;
    }
    if (day && !(id && (d->vocab_flags[id] & (EV_VF_DET | EV_VF_PREP))) && id != d->tok_s)
      return 0; /* "signed a decree on Saturday imposing": no adjective before a day */
    if (id == d->tok_s) return 1;
    if (id == d->tok_to) return 0;
    if (id == d->tok_and && skipped == 0 && c->tagged_n && it->first >= c->tagged_s &&
        it->first < c->tagged_s + c->tagged_n &&
        c->upos[it->first - c->tagged_s] == ORB_UPOS_VERB)
      return 0; /* "condemned ... on Thursday and promised aid": a second verb */
    if (id && (d->vocab_flags[id] & (EV_VF_DET | EV_VF_PREP)))
      return !(skipped == 1 && gerund(c, it->first) &&
               tok_in(c, it->first - 1, documents, sizeof documents / sizeof *documents));
    /* but "a law ending the treaty", "a decree suspending": what a document
       does, its signer's act */
    if (tok_in(c, t, subjects, sizeof subjects / sizeof *subjects) && t > s &&
        (tok_is(c, t - 1, "that") || (c->tokens.items[t - 1].flags & EV_TF_PUNCT) ||
         day_word(c, t - 1) ||
         (c->item_at[t - 1] >= 0 && c->items[c->item_at[t - 1]].kind == IT_VERB)))
      return 0; /* "said that it would meet", "and on Monday it accused": a verb after
                   its subject pronoun (not "the oil it needs", a noun's relative clause) */
    if (++skipped > 2 || !adjective_like(c, t)) return 0;
  }
  return 0;
}

/* Whether token t is a past form that is no noun: a word of five letters
 * or more ending in "ed", or a strong verb's past ("withdrew", "fought"), so
 * that a tag NOUN on it after its subject is the tagger's slip ("Russian
 * troops withdrew from Georgia"). */
static int past_form(const orb_coder *c, size_t t) {
  static const char *const strong[] = {
      "withdrew", "overthrew", "threw", "flew",    "drew",   "struck", "fought",
      "sought",   "brought",   "took",  "overtook", "undertook", "began", "broke",
      "drove",    "gave",      "forbade", "froze", "stole",  "swore",  "tore",
      "wrote",    "spoke",     "chose", "rose",    "fled",   "sank",   "went"};
  const ev_token *tok = &c->tokens.items[t];
  size_t n = tok->end - tok->start;
  return (n >= 5 && c->text[tok->end - 2] == 'e' && c->text[tok->end - 1] == 'd') ||
         tok_in(c, t, strong, sizeof strong / sizeof *strong);
}

/* Whether a verb item is no verb by its form or its tags: the second half
 * of a hyphenated modifier ("Russia-led"), a one-word verb between a
 * determiner or an adjective and a noun ("the disputed sections"), or a word
 * the tagger reads as a noun, an adjective or an adverb ("forces",
 * "pressure", "decrees", "back"). */
static int not_a_verb(const orb_coder *c, const ev_item *it) {
  if (ev_hyphen_modifier(c->text, c->tokens.items, it->first)) return 1;
  size_t t = it->first;
  static const char *const pronouns[] = {"both", "all", "each", "either", "neither"};
  if (it->last == t + 1 && t > c->tagged_s && t + 1 < c->tagged_s + c->tagged_n &&
      c->upos[t - c->tagged_s] == ORB_UPOS_VERB &&
      (c->upos[t - 1 - c->tagged_s] == ORB_UPOS_ADJ ||
       (c->upos[t - 1 - c->tagged_s] == ORB_UPOS_DET &&
        !tok_in(c, t - 1, pronouns, sizeof pronouns / sizeof *pronouns))) &&
      c->upos[t + 1 - c->tagged_s] == ORB_UPOS_NOUN)
    return 1; /* "two other disputed sections", "the proposed deal": a participle
                 between a determiner or an adjective and its noun */
  if (gerund(c, t))
    return 0; /* a gerund ("massing troops"): the tag is not to be trusted; "the
                 meeting" is the shallow rule's */
  if (!c->tagged_n || t < c->tagged_s || t >= c->tagged_s + c->tagged_n) return 0;
  uint8_t upos = c->upos[t - c->tagged_s];
  int32_t before = t > c->tagged_s ? c->item_at[t - 1] : -1;
  if (upos == ORB_UPOS_NOUN && past_form(c, t) && before >= 0 &&
      (c->items[before].kind == IT_ACTOR || c->items[before].kind == IT_AGENT))
    return 0; /* "Russian troops withdrew": a past form after its subject */
  if (upos != ORB_UPOS_ADV) return ev_tagged_nominal(upos);
  int32_t k = t > c->tagged_s ? c->item_at[t - 1] : -1; /* "pull troops back", not "the two */
  return !(k >= 0 && (c->items[k].kind == IT_ACTOR || c->items[k].kind == IT_AGENT));
} /* countries back opposite sides" */

/* Whether a verb item that the shallow rule reads as a noun is the verb of its
 * clause after all: the tagger reads its first word as a verb, and it follows
 * an agent, an actor or a verb read as a noun ("Armenia's president
 * criticised", "its forces attacked"), where no noun modifier stands. */
static int tagged_verb(const orb_coder *c, const ev_item *it) {
  size_t t = it->first;
  if (!c->tagged_n || t <= c->tagged_s || t >= c->tagged_s + c->tagged_n ||
      !(c->upos[t - c->tagged_s] == ORB_UPOS_VERB ||
        (c->upos[t - c->tagged_s] == ORB_UPOS_NOUN && past_form(c, t))))
    return 0;
  int32_t k = c->item_at[t - 1];
  if (k < 0 && c->tokens.items[t - 1].id == c->dict->tok_by && gerund(c, t))
    return 1; /* "responded by cutting supplies": a gerund, the verb of its clause */
  size_t u = t - 1; /* past up to two auxiliaries: "its forces had shelled" */
  for (int aux = 0; aux < 2 && u > c->tagged_s && auxiliary(c, u); aux++) u--;
  k = c->item_at[u];
  return k >= 0 && (c->items[k].kind == IT_AGENT || c->items[k].kind == IT_ACTOR ||
                    c->items[k].kind == IT_NOUN); /* "its forces shelled" */
}

/* Whether mention m is the object of a preposition (skipping determiners and
 * up to two adjective-like words: "in eastern Ukraine"). */
static int after_preposition(const orb_coder *c, const ev_mention *m, size_t s) {
  const orb_dict *d = c->dict;
  const ev_token *tok = c->tokens.items;
  size_t skipped = 0;
  for (size_t t = m->first; t > s;) {
    uint32_t id = tok[--t].id;
    if (id && (d->vocab_flags[id] & EV_VF_DET)) continue;
    if (id && (d->vocab_flags[id] & EV_VF_PREP)) return 1;
    if (++skipped > 2 || !adjective_like(c, t) || time_word(c, t))
      return 0; /* "late in the evening Putin signed": the phrase's noun is a time */
  }
  return 0;
}

/* Whether mention m follows a preposition of place ("in", "at") right
 * after a noun phrase holding an actor: "the Russian embassy in London",
 * "Ukraine's ambassador in Berlin" (at most three words between). */
static int placed_after_actor(const orb_coder *c, const ev_mention *m) {
  size_t i = (size_t)(m - c->mentions); /* mentions are in token order */
  if (i == 0 || m->first < 2) return 0;
  uint32_t p = m->first - 1;
  while (p > 0 && tok_flag(c, p, EV_VF_DET))
    p--;
  static const char *const envoy[] = {"ambassador", "envoy", "mission", "representative",
                                      "delegation", "embassy", "delegate"};
  if (!tok_in(c, p, place_preps, sizeof place_preps / sizeof *place_preps) &&
      !(tok_is(c, p, "to") && p > 0 && tok_in(c, p - 1, envoy, sizeof envoy / sizeof *envoy)))
    return 0; /* "Russia's ambassador to the United Nations": Russia's */
  const ev_mention *before = &c->mentions[i - 1];
  if (before->last > p + 1 || before->last + 3 < p) return 0; /* "embassy in": an agent's */
  for (uint32_t u = before->last; u < p; u++) {
    int32_t k = c->item_at[u];
    if (((c->tokens.items[u].flags & EV_TF_PUNCT) && c->tokens.items[u].id != c->dict->tok_s) ||
        (k >= 0 && c->items[k].kind == IT_VERB))
      return 0;
  }
  return 1;
}

/* Index of the first mention of group g. */
static size_t group_start(const orb_coder *c, size_t m) {
  while (m > 0 && c->mentions[m - 1].group == c->mentions[m].group) m--;
  return m;
}

/* Index past the last mention of the group of mention m. */
static size_t group_end(const orb_coder *c, size_t m) {
  size_t g = c->mentions[m].group;
  while (m < c->mention_count && c->mentions[m].group == g) m++;
  return m;
}

/* Whether mention m's group names one actor only: m alone, or m in
 * apposition with the same actor ("Iran's foreign minister, Abbas
 * Araghchi"). */
static int one_actor(const orb_coder *c, size_t m) {
  for (size_t a = group_start(c, m); a < group_end(c, m); a++)
    if (c->mentions[a].id != c->mentions[m].id) return 0;
  return 1;
}

/* A pending event of a sentence. */
typedef struct ev_pending {
  const ev_mention *source, *target;
  int32_t target_id;    /* the target's id, or the state a territory is part of (192) */
  char code[6];
  int type;
  const ev_rule *rule;
} ev_pending;

/* State for coding one sentence. */
typedef struct ev_sentence {
  size_t s, e;                /* tokens */
  orb_date date;
  orb_precision precision;
  orb_date_source date_source;
  const char *text;           /* the paragraph */
  uint64_t offset;            /* of the paragraph in the input */
  size_t text_start, text_end;
  ev_pending events[EV_MAX_EVENTS];
  size_t event_count;
  char back[6];               /* the verb being coded: its target's event back, or "" */
  struct {
    const ev_mention *source, *target;
    const ev_rule *rule;
  } tried[EV_MAX_EVENTS];     /* the pairs it queued, or found queued */
  size_t tried_count;
} ev_sentence;

/* Whether a CAMEO code is a reaction to another act: a statement (01), a
 * criticism (11) or a rejection (12). */
static int reaction_code(const char *code) {
  return (code[0] == '0' && code[1] == '1') ||
         (code[0] == '1' && (code[1] == '1' || code[1] == '2'));
}

/* The source of the latest act queued in the sentence (not a reaction) by an
 * actor other than id, or NULL: what a reaction in the sentence answers. */
static const ev_mention *latest_act_source(const ev_sentence *sn, int32_t id) {
  for (size_t i = sn->event_count; i-- > 0;)
    if (sn->events[i].source->id != id && !reaction_code(sn->events[i].code))
      return sn->events[i].source;
  return NULL;
}

/* Whether ", and" or ", but" (also ", while" when with_while is set) stands
 * right before mention m, determiners between, not before token s. */
static int after_comma_conj(const orb_coder *c, const ev_mention *m, size_t s, int with_while) {
  static const char *const conj[] = {"and", "but", "while"};
  size_t t = m->first;
  while (t > s && tok_flag(c, t - 1, EV_VF_DET))
    t--;
  /* "..., and late in the evening Putin signed", "..., and on Monday it accused": a
   * phrase of time of up to five words between */
  size_t u = t;
  int time = 0;
  for (size_t words = 0; u > s && words < 5 && !tok_in(c, u - 1, conj, with_while ? 3 : 2) &&
                         c->item_at[u - 1] < 0 &&
                         !(c->tokens.items[u - 1].flags & EV_TF_PUNCT);
       words++, u--)
    time |= time_word(c, u - 1);
  if (time) t = u;
  return t >= s + 2 && tok_in(c, t - 1, conj, with_while ? 3 : 2) && tok_is(c, t - 2, ",");
}

/* Whether mention m follows a noun set off by a comma that it reacts to
 * (", a step the Kremlin called hostile", ", a move that Kyiv condemned"):
 * one to four words after the comma (a determiner of m's own not counted),
 * none of them a verb, an actor or a mark. */
static int after_apposition(const orb_coder *c, const ev_mention *m, size_t s) {
  size_t t = m->first;
  if (t > s && tok_flag(c, t - 1, EV_VF_DET))
    t--; /* "the" of "the Kremlin" */
  for (size_t words = 0; t > s + 1 && words < 4; words++, t--) {
    if (tok_is(c, t - 1, ",")) return words > 0;
    int32_t k = c->item_at[t - 1];
    if ((k >= 0 && (c->items[k].kind == IT_VERB || c->items[k].kind == IT_ACTOR)) ||
        (c->tokens.items[t - 1].flags & EV_TF_PUNCT))
      return 0;
  }
  return 0;
}

/* When critic opens a coordinated clause (", and Armenia denounced the move")
 * or follows an apposition (after_apposition: ", a move that Armenia
 * condemned"), the subject of the sentence's first clause, whose act no dictionary knew
 * ("Azerbaijan set up a checkpoint on Sunday"): the sentence's first actor,
 * alone, with only determiners before it, a word the tagger reads as a verb
 * right after it and no event of its own coded; or NULL. */
static const ev_mention *first_clause_subject(const orb_coder *c, const ev_sentence *sn,
                                              const ev_mention *critic) {
  size_t s = c->dateline_end > sn->s && c->dateline_end < critic->first ? c->dateline_end
                                                                        : sn->s;
  if (!after_comma_conj(c, critic, s, 1) && !after_apposition(c, critic, s)) return NULL;
  for (size_t m = 0; m < c->mention_count; m++) {
    const ev_mention *mn = &c->mentions[m];
    if (mn->first < s) continue;
    if (mn->first >= critic->first || mn->id == critic->id || mn->is_coref ||
        group_end(c, m) != m + 1 || group_start(c, m) != m)
      return NULL;
    for (size_t u = s; u < mn->first; u++)
      if (!tok_flag(c, u, EV_VF_DET))
        return NULL;
    for (size_t i = 0; i < sn->event_count; i++)
      if (sn->events[i].source->id == mn->id) return NULL; /* its act was coded: "the
                                                               United States condemned
                                                               the step, and ..." */
    size_t v = mn->last;
    return v < sn->e && v >= c->tagged_s && v < c->tagged_s + c->tagged_n &&
                   c->upos[v - c->tagged_s] == ORB_UPOS_VERB
               ? mn : NULL;
  }
  return NULL;
}

/* Queues an event unless one of the same pair and CAMEO root is already
 * queued for the sentence ("refused to sign": the refusal once). */
static void queue(ev_sentence *sn, const ev_mention *src, const ev_mention *tgt,
                  const char *code, int type, const ev_rule *rule) {
  if (tgt && tgt->id == src->id) return;
  if (tgt && sn->tried_count < EV_MAX_EVENTS) { /* for the event back, queued or not */
    sn->tried[sn->tried_count].source = src;
    sn->tried[sn->tried_count].target = tgt;
    sn->tried[sn->tried_count++].rule = rule;
  }
  for (size_t i = 0; i < sn->event_count; i++) {
    const ev_pending *p = &sn->events[i];
    if (p->source->id == src->id && p->target_id == (tgt ? tgt->id : -1) &&
        strncmp(p->code, code, 2) == 0)
      return;
  }
  if (sn->event_count == EV_MAX_EVENTS) return;
  ev_pending *p = &sn->events[sn->event_count++];
  p->source = src;
  p->target = tgt;
  p->target_id = tgt ? tgt->id : -1;
  snprintf(p->code, sizeof p->code, "%s", code);
  p->type = type;
  p->rule = rule;
}

/* Whether mentions a and b are parts of one dictionary entry ("the Baltic
 * states": EST, LVA and LTU over the same words). */
static int one_entry(const ev_mention *a, const ev_mention *b) {
  return a->first == b->first && a->last == b->last;
}

/* Queues the events of every (source, target) pair of two mention groups. */
static void queue_pairs(const orb_coder *c, ev_sentence *sn, size_t src, size_t tgt,
                        int has_target, const char *code, int type, const ev_rule *rule) {
  for (size_t a = group_start(c, src); a < group_end(c, src); a++) {
    if (!has_target) {
      queue(sn, &c->mentions[a], NULL, code, type, rule);
      continue;
    }
    for (size_t b = group_start(c, tgt); b < group_end(c, tgt); b++)
      queue(sn, &c->mentions[a], &c->mentions[b], code, type, rule);
  }
}

/* The actors a verb pattern names with PETRARCH's markers ("+" the target,
 * "$" the source): mention indices, SIZE_MAX where the pattern has none. */
typedef struct ev_binding {
  size_t target, source;
} ev_binding;

/* Whether mention m names the body whose meeting is the venue: "on the
 * sidelines of the UN General Assembly", "at a summit of the CSTO", "at an
 * SCO summit" (a preposition of place or time before, a meeting's noun before
 * "of" or right after the mention; a mention right after another one is part
 * of its name). */
static int venue_of(const orb_coder *c, const ev_mention *m, size_t s, size_t e);

static int venue(const orb_coder *c, const ev_mention *m, size_t s, size_t e) {
  size_t i = (size_t)(m - c->mentions); /* mentions are in token order */
  for (size_t n = i; n-- > 0 && i - n <= 2;) /* "the UN" "General Assembly" */
    if (c->mentions[n].last == m->first && c->mentions[n].first < m->first)
      return venue_of(c, &c->mentions[n], s, e);
  return venue_of(c, m, s, e);
}

/* 1 if a mention is the topic of a consultation (CAMEO 04, or 036 "for
 * talks") coded by verb item it rather than a party to it; group_first is
 * the first mention of its group: "discussed
 * Afghanistan and trade", "talks on Syria", "met about Karabakh". */
static int topic(const orb_coder *c, const ev_item *it, const char *code, size_t group_first) {
  if (!(code[0] == '0' && (code[1] == '4' || !strcmp(code, "036")))) return 0;
  uint32_t t = c->mentions[group_first].first; /* "on Syria and Libya": the group's word */
  while (t > it->last && tok_flag(c, t - 1, EV_VF_DET))
    t--;
  static const char *const about[] = {"on", "about", "over", "regarding", "concerning"};
  if (t > it->last && tok_in(c, t - 1, about, sizeof about / sizeof *about)) return 1;
  static const char *const discuss[] = {"discuss", "discussed", "discusses", "discussing"};
  if (!tok_in(c, it->first, discuss, sizeof discuss / sizeof *discuss)) return 0;
  /* "discussed Syria", "discussed a plan to let Ukraine ship grain", "discussed
   * how to keep relations with Washington": whom one discusses with follows
   * "with", not a noun of ties */
  static const char *const ties[] = {"relations", "ties", "cooperation", "trade", "talks"};
  return !(t > it->last && tok_is(c, t - 1, "with") &&
           !(t - 1 > it->last && tok_in(c, t - 2, ties, sizeof ties / sizeof *ties)));
}

/* venue() for mention m alone. */
static int venue_of(const orb_coder *c, const ev_mention *m, size_t s, size_t e) {
  static const char *const meeting[] = {"sidelines", "summit",   "summits",  "meeting",
                                        "session",   "forum",    "conference", "congress",
                                        "assembly",  "talks"};
  static const char *const at[] = {"at", "on", "during", "ahead", "before", "after"};
  size_t t = m->first;
  while (t > s && m->first - t < 3 && tok_flag(c, t - 1, EV_VF_DET))
    t--;
  if (t >= s + 2 && tok_is(c, t - 1, "of") && tok_in(c, t - 2, meeting, 10)) {
    for (size_t u = t - 2; u > s && u + 7 > t; u--) /* "on the sidelines of a summit of" */
      if (tok_in(c, u - 1, at, 6)) return 1;
    return 0;
  }
  size_t after = c->mentions[group_end(c, (size_t)(m - c->mentions)) - 1].last;
  if (after + 1 < e && c->item_at[after] < 0 && !(c->tokens.items[after].flags & EV_TF_PUNCT))
    after += !tok_in(c, after, meeting, 10); /* "the UN climate talks" */
  if (!(after < e && tok_in(c, after, meeting, 10))) return 0;
  return (t > s && tok_in(c, t - 1, at, 6)) || /* "ahead of an EU summit" */
         (t > s + 1 && tok_is(c, t - 1, "of") && tok_is(c, t - 2, "ahead"));
}

/* The mention that a marker of a pattern matches at token j: the first one
 * that starts within EV_MARKER_REACH tokens, with no punctuation or verb
 * before it ("warned their people about the Prince of X", "money from X"),
 * or SIZE_MAX. */
static size_t marker_mention(const orb_coder *c, size_t j, size_t e) {
  size_t best = SIZE_MAX;
  for (size_t m = 0; m < c->mention_count; m++) {
    uint32_t f = c->mentions[m].first;
    if (f >= j && f < j + EV_MARKER_REACH && f < e &&
        (best == SIZE_MAX || f < c->mentions[best].first) && !venue(c, &c->mentions[m], 0, e))
      best = m;
  }
  if (best == SIZE_MAX) return SIZE_MAX;
  for (size_t t = j; t < c->mentions[best].first; t++)
    if ((c->tokens.items[t].flags & EV_TF_PUNCT) ||
        (c->item_at[t] >= 0 && c->items[c->item_at[t]].kind == IT_VERB))
      return SIZE_MAX;
  return best;
}

/* The pattern (object rule index) of the longest match of the pattern trie
 * from node against tokens [j, e), or -1. Inside a pattern, determiners and
 * numbers of the text are skipped ("acted on a resolution" matches "on
 * resolution"), a "^" of the pattern (PETRARCH's noun phrase) stands for
 * one to EV_CARET_WORDS words ("warned their people about"), and a marker
 * "+" or "$" for an actor (marker_mention), which *b records for the match
 * returned. At most EV_PATTERN_TOKENS tokens are looked at. */
static int32_t pattern_match(const orb_coder *c, uint32_t node, uint32_t root, size_t j,
                             size_t e, size_t budget, ev_binding *b) {
  const orb_dict *d = c->dict;
  const ev_token *tok = c->tokens.items;
  int32_t here = d->nodes[node].object;
  if (j >= e || !budget) return here;
  uint32_t id = tok[j].id;
  uint32_t next = id ? ev_trie_child(d, node, id) : 0;
  int32_t found = -1;
  ev_binding got = *b;
  if (next) {
    found = pattern_match(c, next, root, j + 1, e, budget - 1, &got);
  } else if (node != root &&
             ((tok[j].flags & EV_TF_DIGITS) || (id && (d->vocab_flags[id] & EV_VF_DET)))) {
    found = pattern_match(c, node, root, j + 1, e, budget - 1, &got);
  }
  for (int k = 0; found < 0 && k < 2; k++) { /* "+" then "$" */
    uint32_t marked = ev_trie_child(d, node, k ? EV_TOK_SOURCE : EV_TOK_TARGET);
    size_t m = marked ? marker_mention(c, j, e) : SIZE_MAX;
    if (m == SIZE_MAX) continue;
    got = *b;
    *(k ? &got.source : &got.target) = m;
    size_t used = c->mentions[m].last - j;
    found = pattern_match(c, marked, root, c->mentions[m].last, e,
                          budget > used ? budget - used : 0, &got);
  }
  uint32_t caret = c->tok_caret ? ev_trie_child(d, node, c->tok_caret) : 0;
  for (size_t skip = 1; found < 0 && caret && skip <= EV_CARET_WORDS && j + skip <= e &&
                        !(tok[j + skip - 1].flags & EV_TF_PUNCT);
       skip++) {
    got = *b;
    found = pattern_match(c, caret, root, j + skip, e, budget > skip ? budget - skip : 0, &got);
  }
  if (found >= 0) *b = got;
  return found >= 0 ? found : here;
}

/* Finds the pattern of group for the verb item it, or NULL; *b gets the
 * actors its markers name. */
static const ev_rule *find_pattern(const orb_coder *c, const ev_item *it, int32_t group,
                                   size_t e, ev_binding *b) {
  const orb_dict *d = c->dict;
  *b = (ev_binding){SIZE_MAX, SIZE_MAX};
  uint32_t root = ev_trie_child(d, 0, EV_TOK_GROUP | (uint32_t)group);
  if (!root) return NULL;
  size_t stop = it->last + EV_OBJECT_WINDOW < e ? it->last + EV_OBJECT_WINDOW : e;
  for (size_t p = it->last; p < stop; p++) {
    if (c->item_at[p] >= 0 && c->items[c->item_at[p]].kind == IT_VERB) break;
    int32_t found = pattern_match(c, root, root, p, e, EV_PATTERN_TOKENS, b);
    if (found >= 0) return &d->rules[found];
    *b = (ev_binding){SIZE_MAX, SIZE_MAX};
    if (tok_is(c, p, "that") && p > it->last)
      break; /* "said on Thursday that plans for a base were": a clause of its own */
  }
  return NULL;
}

/* The token after item it, past an adverbial of a day ("pledged on Monday
 * to respect"): the item's end, or two tokens more. */
static size_t past_day(const orb_coder *c, const ev_item *it, size_t e) {
  size_t u = it->last;
  if (u + 2 < e && tok_flag(c, u, EV_VF_PREP) &&
      day_word(c, u + 1))
    u += 2;
  return u;
}

/* The first pattern of group that starts at a token of [from, to) outside
 * verb items and ends by to, or NULL; its markers are not read. */
static const ev_rule *pattern_between(const orb_coder *c, int32_t group, size_t from,
                                      size_t to) {
  const orb_dict *d = c->dict;
  uint32_t root = ev_trie_child(d, 0, EV_TOK_GROUP | (uint32_t)group);
  if (!root) return NULL;
  for (size_t p = from; p < to; p++) {
    if (c->item_at[p] >= 0 && c->items[c->item_at[p]].kind == IT_VERB) continue;
    ev_binding b = {SIZE_MAX, SIZE_MAX};
    int32_t found = pattern_match(c, root, root, p, to, EV_PATTERN_TOKENS, &b);
    if (found >= 0) return &d->rules[found];
  }
  return NULL;
}

/* The pattern of group for a passive verb item it found in the words of its
 * subject before it ("Imports of dairy products were banned": the object of
 * the act moved before the verb), at most EV_OBJECT_WINDOW tokens back from
 * the verb and not before token from; NULL if none. */
static const ev_rule *find_pattern_before(const orb_coder *c, const ev_item *it, int32_t group,
                                          size_t from) {
  size_t p = it->first > from + EV_OBJECT_WINDOW ? it->first - EV_OBJECT_WINDOW : from;
  return pattern_between(c, group, p, it->first);
}

/* Whether tokens from and to are next to each other but for markers and at
 * most one adverb-like word ("Lukashenko did not come", "Moscow quickly sent"). */
static int adjacent(const orb_coder *c, uint32_t from, uint32_t to) {
  const orb_dict *d = c->dict;
  size_t words = 0;
  for (uint32_t t = from; t < to; t++) {
    int32_t k = c->item_at[t];
    if (k >= 0 && c->items[k].kind == IT_MARKER) continue;
    uint32_t id = c->tokens.items[t].id;
    if (++words > 1 || !adjective_like(c, t) || id == d->tok_and || id == d->tok_s ||
        (id && (d->vocab_flags[id] & (EV_VF_PREP | EV_VF_DET))))
      return 0;
  }
  return 1;
}

/* Whether tokens [from, to) read "responded by" (answered, retaliated,
 * reacted): the act after them is the subject's, before them ("Ukraine
 * expelled two Russian diplomats, and Moscow responded by ordering ..."). */
static int responded_by(const orb_coder *c, uint32_t from, uint32_t to) {
  static const char *const responded[] = {"responded", "answered", "retaliated", "reacted"};
  return to == from + 2 && tok_in(c, from, responded, sizeof responded / sizeof *responded) &&
         c->tokens.items[from + 1].id == c->dict->tok_by;
}

/* The pattern of group for verb item it found in the four words before the
 * "that" or "which" its subject list follows ("a declaration that Aliyev and
 * Xi signed", "the deal which Russia and China signed"): the object moved
 * before the verb, when the first pattern there codes cooperation (CAMEO
 * 03-06: a deal signed or reached, not "the base that Moscow set up"); NULL
 * if none. */
static const ev_rule *fronted_object(const orb_coder *c, const ev_item *it, int32_t group,
                                     size_t s) {
  size_t subject = SIZE_MAX;
  for (size_t m = 0; m < c->mention_count; m++)
    if (adjacent(c, c->mentions[m].last, it->first) && c->mentions[m].last <= it->first)
      subject = group_start(c, m);
  if (subject == SIZE_MAX) return NULL;
  uint32_t that = c->mentions[subject].first;
  while (that > s && !tok_is(c, that - 1, "that") && tok_flag(c, that - 1, EV_VF_DET))
    that--; /* "that the two" */
  if (that <= s + 1 || !(tok_is(c, that - 1, "that") || tok_is(c, that - 1, "which"))) return NULL;
  that--;
  const ev_rule *rule = pattern_between(c, group, that > s + 4 ? that - 4 : s, that);
  return rule && code_root(rule->code) >= 3 && code_root(rule->code) <= 6 ? rule : NULL;
}

/* Whether the tokens from the clause start to token t hold no dictionary item
 * but agents ("The ambassadors of Arnor", "Human rights activists in Arnor"),
 * or also nouns when nouns is set (the subject of a passive: "Imports of
 * Lithuanian dairy products were banned by Russia"): an actor there, even
 * after a preposition, belongs to the subject. */
static int in_first_phrase(const orb_coder *c, uint32_t t, uint32_t clause_start,
                           int nouns) {
  for (uint32_t u = clause_start; u < t; u++) {
    int32_t k = c->item_at[u];
    if ((k >= 0 && c->items[k].kind != IT_AGENT && !(nouns && c->items[k].kind == IT_NOUN)) ||
        (c->tokens.items[u].flags & EV_TF_PUNCT))
      return 0;
  }
  return 1;
}

/* The start of a relative clause between commas just before token verb
 * ("Tokayev, to whose rescue Russia had flown, stated"), or verb if none. */
static uint32_t relative_clause(const orb_coder *c, uint32_t verb, uint32_t clause_start) {
  const orb_dict *d = c->dict;
  const ev_token *tok = c->tokens.items;
  uint32_t t = verb;
  while (t > clause_start && c->item_at[t - 1] >= 0 &&
         c->items[c->item_at[t - 1]].kind == IT_MARKER)
    t--; /* "..., did not come" */
  if (t == clause_start || tok[t - 1].id != d->tok_comma) return verb;
  int is_relative = 0;
  for (uint32_t u = t - 1; u-- > clause_start;) {
    uint32_t id = tok[u].id;
    if (id == d->tok_comma) return is_relative ? u : verb;
    is_relative |= id && (d->vocab_flags[id] & EV_VF_RELATIVE);
  }
  return verb;
}

/* The subject of verb item it when that is a relative pronoun right before
 * it ("Russia, which recognised Abkhazia", "the region, which fought a war",
 * "the separatists, who have since ..."; auxiliaries, adverbs and markers
 * between): the mention that ends right before the pronoun (its antecedent),
 * EV_NO_ACTOR when the antecedent is no actor, SIZE_MAX when the verb's
 * subject is no relative pronoun. */
#define EV_NO_ACTOR (SIZE_MAX - 1)
static size_t antecedent(const orb_coder *c, uint32_t pronoun, uint32_t clause_start);
static size_t relative_subject(const orb_coder *c, const ev_item *it, uint32_t clause_start) {
  const ev_token *tok = c->tokens.items;
  uint32_t t = it->first;
  for (int skipped = 0; t > clause_start && skipped < 3; skipped++) {
    int32_t k = c->item_at[t - 1];
    if ((tok[t - 1].flags & (EV_TF_PUNCT | EV_TF_DIGITS)) ||
        (k >= 0 && c->items[k].kind != IT_MARKER) ||
        !(auxiliary(c, t - 1) || tok_is(c, t - 1, "since") ||
          (k >= 0 && c->items[k].kind == IT_MARKER) ||
          (t - 1 >= c->tagged_s && t - 1 < c->tagged_s + c->tagged_n &&
           c->upos[t - 1 - c->tagged_s] == ORB_UPOS_ADV)))
      break;
    t--;
  }
  if (t <= clause_start + 1 || !(tok_is(c, t - 1, "which") || tok_is(c, t - 1, "who")))
    return SIZE_MAX;
  return antecedent(c, t - 1, clause_start);
}

/* Whether verb item it stands in a relative clause opened by a preposition
 * and "which" ("the election, in which the former prime minister defeated
 * the incumbent") with no actor between the pronoun and the verb: its
 * subject is a noun of the clause that is no actor, so no actor outside
 * the clause did it. */
static int prepositional_relative(const orb_coder *c, const ev_item *it, uint32_t clause_start) {
  for (uint32_t t = it->first, words = 0; t > clause_start + 1 && words < 10; t--, words++) {
    int32_t k = c->item_at[t - 1];
    if (k >= 0 && c->items[k].kind == IT_ACTOR) return 0;
    if (c->tokens.items[t - 1].flags & EV_TF_PUNCT) return 0;
    if (tok_is(c, t - 1, "which") || tok_is(c, t - 1, "whom"))
      return tok_flag(c, t - 2, EV_VF_PREP);
  }
  return 0;
}

/* The object of verb item it when that is a relative pronoun before its
 * subject, mention subject ("Poland and Lithuania, which it accuses of
 * stirring up the protests"): the antecedent, as relative_subject gives it. */
static size_t relative_object(const orb_coder *c, const ev_mention *subject,
                              uint32_t clause_start) {
  uint32_t t = subject->first;
  if (t <= clause_start + 1 || !(tok_is(c, t - 1, "which") || tok_is(c, t - 1, "whom")))
    return SIZE_MAX;
  return antecedent(c, t - 1, clause_start);
}

/* The mention that ends right before the relative pronoun at token pronoun, or
 * before a comma there, or before up to two words of its own ("12 Russian
 * military intelligence officers, who"); EV_NO_ACTOR if none. */
static size_t antecedent(const orb_coder *c, uint32_t pronoun, uint32_t clause_start) {
  const ev_token *tok = c->tokens.items;
  uint32_t before = pronoun;
  if (before > clause_start && tok_is(c, before - 1, ",")) before--;
  for (int words = 0; words <= 2 && before > clause_start; words++) {
    for (size_t m = 0; m < c->mention_count; m++)
      if (c->mentions[m].last == before && !c->mentions[m].is_coref) return m;
    uint32_t w = before - 1;
    if ((tok[w].flags & (EV_TF_PUNCT | EV_TF_DIGITS)) || c->item_at[w] >= 0 ||
        !(c->text[tok[w].start] >= 'a' && c->text[tok[w].start] <= 'z') ||
        (tok[w].id && c->dict->vocab_flags[tok[w].id]))
      break;
    before = w;
  }
  return EV_NO_ACTOR;
}

/* The first token among [from, to) that opens a relative clause, or to:
 * "who", "which", "whose" or "where", or "that" as a pronoun ("the agreement
 * that allowed", "signed a treaty on Saturday that recognises"; not "said
 * that", nor after a verb of saying, "said on Monday that"): tagged PRON, or
 * without tags after a word that starts no item. */
static uint32_t first_relative(const orb_coder *c, uint32_t from, uint32_t to, int saying) {
  const ev_token *tok = c->tokens.items;
  for (uint32_t u = from; u < to; u++) {
    uint32_t id = tok[u].id;
    if (id && (c->dict->vocab_flags[id] & EV_VF_RELATIVE)) return u;
    if (!(u > from && tok_is(c, u, "that")) || (saying && time_word(c, u - 1)))
      continue; /* "said on Monday that", "warned last week that" */
    if (u >= c->tagged_s && u < c->tagged_s + c->tagged_n) { /* the tagger tells */
      if (c->upos[u - c->tagged_s] == ORB_UPOS_PRON) return u;
      /* "signed a document that the OSCE had not endorsed" (tagged as a
       * conjunction after a noun) */
      if (!saying && u - 1 >= c->tagged_s && c->upos[u - 1 - c->tagged_s] == ORB_UPOS_NOUN)
        return u;
    } else if (c->item_at[u - 1] < 0 && !(tok[u - 1].flags & EV_TF_PUNCT) &&
               !auxiliary(c, u - 1)) {
      return u;
    }
  }
  return to;
}

/* Token t moved before a measure of the noun at t ("more than five hours
 * of", "a fresh round of", "several days of"), not before from; t itself when
 * no measure ends there. */
static uint32_t before_measure(const orb_coder *c, uint32_t t, uint32_t from) {
  static const char *const measure[] = {"hours", "days", "weeks", "months", "years",
                                        "minutes", "round", "rounds", "series"};
  static const char *const amount[] = {"more", "than", "about", "nearly", "almost", "some",
                                       "several", "two", "three", "four", "five", "six",
                                       "seven", "eight", "nine", "ten", "new", "first",
                                       "second", "third", "another", "fresh", "further"};
  if (!(t > from + 1 && tok_is(c, t - 1, "of") &&
        tok_in(c, t - 2, measure, sizeof measure / sizeof *measure)))
    return t;
  t -= 2;
  for (size_t words = 0; t > from && words < 4; words++, t--) {
    uint32_t id = c->tokens.items[t - 1].id;
    if (!(id && (c->dict->vocab_flags[id] & EV_VF_DET)) &&
        !(c->tokens.items[t - 1].flags & EV_TF_DIGITS) &&
        !tok_in(c, t - 1, amount, sizeof amount / sizeof *amount))
      break;
  }
  return t;
}

/* Whether token t may stand between a light verb and its subject: an
 * auxiliary, or an adverb (tagged ADV, or one of a few without tags). */
static int light_lead(const orb_coder *c, uint32_t t) {
  static const char *const adverb[] = {"also", "later", "then", "again", "already",
                                       "earlier", "first", "separately", "briefly"};
  if (auxiliary(c, t) || tok_in(c, t, adverb, sizeof adverb / sizeof *adverb)) return 1;
  return t >= c->tagged_s && t < c->tagged_s + c->tagged_n &&
         c->upos[t - c->tagged_s] == ORB_UPOS_ADV;
}

/* The start of the words that lead a noun event to its owner, or it->first:
 * a light verb ("paid a visit to") or an adverbial set off by a comma
 * ("Niyazov, on a visit to ...", "..., during his first visit to"), then
 * determiners and up to two adjective-like words. */
static uint32_t noun_lead(const orb_coder *c, const ev_item *it, uint32_t clause_start) {
  static const char *const light[] = {
      "paid",     "pays",      "paying",   "made",    "makes",   "making",  "held",
      "holds",    "holding",   "launched", "launches", "launching", "began", "begun",
      "started",  "starts",    "completed", "completes", "completing", "staged",
      "stages",   "staging",   "conducted", "conducts", "carried",
      /* sanctions and bans carried over ("prolonged its economic sanctions against") */
      "imposed", "imposes", "imposing", "impose", "extended", "extends", "extending", "extend",
      "prolonged", "prolongs", "prolonging", "prolong", "renewed", "renews", "renewing", "renew",
      "tightened", "tightens", "tightening", "tighten", "widened", "widens", "widen",
      "expanded", "expands", "expand", "broadened", "broaden", "kept", "keeps", "keeping", "keep",
      "maintained", "maintains", "maintaining", "maintain", "reimposed", "reimpose", "adopted",
      "adopts", "adopting", "adopt", "introduced", "introduces", "introduce", "slapped", "slap",
      "approved", "approves", "approve", "announced", "announces", "announce"};
  /* talks hosted with a guest ("Putin hosted talks with Erdogan"): the host's
   * meeting (not "hosted talks between A and B", theirs) */
  static const char *const host[] = {"hosted", "hosts", "hosting", "host"};
  static const char *const adverbial[] = {"on", "during"};
  const orb_dict *d = c->dict;
  const ev_token *tok = c->tokens.items;
  uint32_t t = it->first;
  for (size_t words = 0; t > clause_start && words < 3; words++) {
    uint32_t id = tok[t - 1].id;
    if (!(id && (d->vocab_flags[id] & EV_VF_DET)) &&
        !(adjective_like(c, t - 1) && !(id && (d->vocab_flags[id] & EV_VF_PREP))))
      break;
    t--;
  }
  t = before_measure(c, t, clause_start); /* "held more than five hours of talks with" */
  if (t > clause_start + 1 && tok_is(c, t - 1, "out") && tok_is(c, t - 2, "carried"))
    return t - 2; /* "carried out a prisoner exchange" */
  if (t > clause_start && (tok_in(c, t - 1, light, sizeof light / sizeof *light) ||
                           (tok_in(c, t - 1, host, sizeof host / sizeof *host) &&
                            tok_is(c, it->last - 1, "with")))) {
    t--; /* "paid a visit to", "held talks with" */
    for (int skipped = 0; t > clause_start && skipped < 3; skipped++, t--)
      if (!light_lead(c, t - 1)) break; /* "also held talks", "had earlier held" */
    return t;
  }
  if (t == it->first) return it->first;
  if (t > clause_start + 1 && tok_in(c, t - 1, adverbial, sizeof adverbial / sizeof *adverbial) &&
      tok_is(c, t - 2, ","))
    return t - 2;
  return it->first;
}

/* Whether mention mn is the object of the preposition that ends verb item
 * it's phrase ("arrived in Georgia", determiners between): the phrase's
 * object, its target, not a place. */
static int phrase_object(const orb_coder *c, const ev_item *it, const ev_mention *mn) {
  const orb_dict *d = c->dict;
  const ev_token *tok = c->tokens.items;
  uint32_t id = tok[it->last - 1].id;
  if (!(id && (d->vocab_flags[id] & EV_VF_PREP)) || mn->first < it->last) return 0;
  for (uint32_t t = it->last; t < mn->first; t++)
    if (!tok_flag(c, t, EV_VF_DET)) return 0;
  return 1;
}

/* Whether mention mn follows "with" (determiners between): "agreed with
 * Azerbaijan", a party to the act rather than what it concerns. */
static int after_with(const orb_coder *c, const ev_mention *mn, uint32_t s) {
  uint32_t t = mn->first;
  while (t > s && tok_flag(c, t - 1, EV_VF_DET)) t--;
  return t > s && tok_is(c, t - 1, "with");
}

/* Whether an infinitive of purpose ("to" and a word tagged a verb) stands
 * between tokens from and to, after at least one word ("reached a deal on
 * Wednesday to end"), not right after the verb ("agreed to build"), or a
 * clause with "that" ("agreed on Friday that Ukraine would hand"). */
static int purpose_between(const orb_coder *c, uint32_t from, uint32_t to) {
  for (uint32_t t = from; t < to; t++)
    if (tok_is(c, t, "that")) return 1;
  for (uint32_t t = from + 1; t + 1 < to; t++)
    if (c->tokens.items[t].id == c->dict->tok_to && t + 1 >= c->tagged_s &&
        t + 1 < c->tagged_s + c->tagged_n && c->upos[t + 1 - c->tagged_s] == ORB_UPOS_VERB)
      return 1;
  return 0;
}

/* Whether verb item it is a noun event in a prepositional phrase ("during a
 * brief private visit to X", "after talks between"): an adverbial of the
 * clause before it, which it does not end. */
static int adverbial_noun(const orb_coder *c, const ev_item *it, uint32_t clause_start) {
  const orb_dict *d = c->dict;
  if (!(d->rules[d->nodes[it->node].verb].flags & EV_RF_NOUN)) return 0;
  static const char *const also[] = {"during", "after", "before"};
  const ev_token *tok = c->tokens.items;
  for (uint32_t t = it->first, words = 0; t > clause_start && words < 4; words++) {
    uint32_t id = tok[--t].id;
    if ((id && (d->vocab_flags[id] & EV_VF_PREP)) || tok_in(c, t, also, sizeof also / sizeof *also))
      return 1;
    if (!(id && (d->vocab_flags[id] & EV_VF_DET)) && !adjective_like(c, t)) return 0;
  }
  return 0;
}

/* The owner of a noun event: an actor just before it, possessive or adjective
 * ("Ukraine's bold incursion", "Russian threats"), or before the words that
 * lead to it (noun_lead: "Niyazov, on a visit to"), or SIZE_MAX. */
static size_t noun_owner(const orb_coder *c, const ev_item *it, uint32_t clause_start) {
  const ev_token *tok = c->tokens.items;
  uint32_t lead = noun_lead(c, it, clause_start);
  if (lead < it->first && lead > clause_start + 1 &&
      (tok_is(c, lead - 1, "who") || tok_is(c, lead - 1, "which"))) {
    size_t m = antecedent(c, lead - 1, clause_start); /* "Aliyev, who held talks with" */
    if (m != EV_NO_ACTOR) return m;
  }
  uint32_t relative = lead < it->first ? relative_clause(c, lead, clause_start) : lead;
  if (relative < lead) { /* "Putin, who travelled to the port, held talks with" */
    size_t m = antecedent(c, relative + 1, clause_start);
    if (m != EV_NO_ACTOR) return m;
  }
  for (size_t m = c->mention_count; m-- > 0;) {
    const ev_mention *mn = &c->mentions[m];
    if (mn->last > it->first) continue;
    if (mn->first < clause_start) break;
    if (lead < it->first && mn->last == lead) return m;
    uint32_t t = mn->last;
    if (t < it->first && tok[t].id == c->dict->tok_s) t++;
    size_t skipped = 0;
    static const char *const since[] = {"since", "until", "after", "before", "during"};
    for (; t < it->first; t++) {
      if (++skipped > 3) return SIZE_MAX;
      if (!adjective_like(c, t) && tok[t].id != c->dict->tok_and) return SIZE_MAX;
      if (tok_flag(c, t, EV_VF_PREP) ||
          tok_in(c, t, since, sizeof since / sizeof *since))
        return SIZE_MAX; /* "a visit to Russia since the invasion": not Russia's */
    }
    return m;
  }
  return SIZE_MAX;
}

/* ---- the dependency tree (a model with its parser) ------------------------------ */

/* Word index of token t in the tree (0-based), or -1 when there is none. */
static int tree_word(const orb_coder *c, size_t t) {
  return c->parsed && t >= c->tagged_s && t < c->tagged_s + c->tagged_n
             ? (int)(t - c->tagged_s) : -1;
}

/* The word of mention m whose head lies outside it, or -1. */
static int mention_head(const orb_coder *c, const ev_mention *m) {
  int lo = tree_word(c, m->first), hi = tree_word(c, m->last - 1);
  if (lo < 0 || hi < 0) return -1;
  for (int w = lo; w <= hi; w++) {
    int h = c->heads[w] - 1;
    if (h < lo || h > hi) return w;
  }
  return -1;
}

/* The mention that is the subject of the verb that verb item it is joined to
 * by "and" in the tree ("Gazprom cut its deliveries as the contract ran out,
 * and demanded that ..."), or SIZE_MAX. */
static size_t tree_shared_subject(const orb_coder *c, const ev_item *it) {
  int v = tree_word(c, it->first);
  if (v < 0 || c->lab.conj < 0 || c->labels[v] != c->lab.conj || c->heads[v] <= 0)
    return SIZE_MAX;
  int h = c->heads[v] - 1;
  for (int j = 0; j < (int)c->tagged_n; j++) {
    if (c->heads[j] - 1 != h || (c->labels[j] != c->lab.nsubj && c->labels[j] != c->lab.nsubj_pass))
      continue;
    for (size_t m = 0; m < c->mention_count; m++)
      if (!c->mentions[m].is_coref && mention_head(c, &c->mentions[m]) == j) return m;
    return SIZE_MAX; /* a subject that is no actor */
  }
  return SIZE_MAX;
}

/* Whether word w has a "case" child that is one of words[0..n). */
static int has_case(const orb_coder *c, int w, const char *const *words, size_t n) {
  for (int j = 0; j < (int)c->tagged_n; j++)
    if (c->heads[j] - 1 == w && c->labels[j] == c->lab.kase &&
        tok_in(c, c->tagged_s + (size_t)j, words, n))
      return 1;
  return 0;
}

/* Whether mention m is the agent of a passive verb at word v: it (or the noun
 * it modifies, "by Russian forces") hangs from v as obl:agent, or as obl with
 * "by" when v has a passive auxiliary. */
static int tree_agent(const orb_coder *c, const ev_mention *m, int v) {
  static const char *const by[] = {"by"};
  int x = mention_head(c, m);
  for (int step = 0; x >= 0 && step < 3; step++) {
    int h = c->heads[x] - 1;
    if (h == v) {
      if (!(c->labels[x] == c->lab.agent || c->labels[x] == c->lab.obl) ||
          !has_case(c, x, by, 1)) /* not "fired on" */
        return 0;
      int active = 0; /* "Armenia criticised the move by Azerbaijan": a subject of its
                         own and no aux:pass, the "by" phrase misattached */
      for (int j = 0; j < (int)c->tagged_n; j++)
        if (c->heads[j] - 1 == v) {
          if (c->labels[j] == c->lab.aux_pass) return 1;
          active |= c->labels[j] == c->lab.nsubj;
        }
      return c->labels[x] == c->lab.agent && !active;
    }
    x = h;
  }
  return 0;
}

/* Whether mention m hangs below a word of item it in the tree (at most four
 * steps up from its head), or the tree does not say: "the deployment of
 * weapons in Belarus alarmed Poland" has Belarus below "deployment", Poland
 * not. */
static int tree_under(const orb_coder *c, const ev_mention *m, const ev_item *it) {
  int x = mention_head(c, m), lo = tree_word(c, it->first), hi = tree_word(c, it->last - 1);
  if (x < 0 || lo < 0 || hi < 0) return 1;
  for (int step = 0; x >= 0 && step < 4; step++) {
    x = c->heads[x] - 1;
    if (x >= lo && x <= hi) return 1;
  }
  return 0;
}

/* Whether mention m names a place: an obl or nmod introduced by in, at, near
 * or a preposition of a route ("a ceasefire in Uzbekistan", "positions near
 * Abkhazia", "trade through Abkhazia"), or an adjective of such a place ("in
 * the Kazakh port city"). */
static int tree_place(const orb_coder *c, const ev_mention *m) {
  static const char *const from[] = {"from", "out"};
  if (m->is_org) return 0; /* "observer status in the EAEU": a member's place is no venue */
  int w = mention_head(c, m);
  if (w >= 0 && c->labels[w] == c->lab.amod && c->heads[w] > 0) w = c->heads[w] - 1;
  if (w < 0 || (c->labels[w] != c->lab.obl && c->labels[w] != c->lab.nmod) ||
      !has_case(c, w, place_preps, sizeof place_preps / sizeof *place_preps))
    return 0;
  /* a place left is the target: "troops from a base in Tajikistan" */
  int h = c->heads[w] - 1;
  return !(c->labels[w] == c->lab.nmod && h >= 0 && has_case(c, h, from, 2));
}

/* Whether one of mentions [g, ge) names actor id ("Iran, Turkmenistan and
 * Azerbaijan signed a deal to deliver gas to Azerbaijan": a party again). */
static int in_group(const orb_coder *c, size_t g, size_t ge, int32_t id) {
  for (size_t a = g; a < ge; a++)
    if (c->mentions[a].id == id) return 1;
  return 0;
}

/* Whether mention m only qualifies a noun that is no actor: an adjectival
 * modifier in the tree, or, unparsed, a word right after it in its sentence
 * (ending at token e) that starts no dictionary item ("Turkmen gas", "the
 * Turkish port of Ceyhan"). */
static int noun_modifier(const orb_coder *c, const ev_mention *m, size_t e) {
  if (m->is_org || m->is_coref) return 0;
  int w = mention_head(c, m);
  if (w >= 0) return c->labels[w] == c->lab.amod;
  size_t t = m->last;
  return t < e && c->item_at[t] < 0 &&
         !(c->tokens.items[t].flags & (EV_TF_PUNCT | EV_TF_DIGITS)) &&
         !tok_is(c, t, "and") && !tok_is(c, t, "or");
}

/* Whether verb item it names a feeling, which is its subject's and no passive
 * ("were disappointed by the decision": they criticise it). */
static int feeling_verb(const orb_coder *c, const ev_item *it) {
  static const char *const feelings[] = {"disappointed", "dismayed", "concerned", "alarmed",
                                         "worried", "outraged", "angered", "troubled",
                                         "saddened", "shocked", "appalled", "frustrated"};
  return tok_in(c, it->first, feelings, sizeof feelings / sizeof *feelings);
}

/* Whether verb item it is passive: "was" (or another form of "be") just
 * before it, or an aux:pass child in the tree ("was heavily criticised"); no
 * feeling is. */
static int passive_verb(const orb_coder *c, const ev_item *it, size_t s) {
  if (feeling_verb(c, it)) return 0;
  int v = tree_word(c, it->first);
  if (v < 0) { /* no tree: a form of "be" just before a word not in "-ing" */
    return it->first > s && tok_flag(c, it->first - 1, EV_VF_PASSIVE) &&
           !gerund(c, it->first);
  }
  for (int j = 0; j < (int)c->tagged_n; j++)
    if (c->heads[j] - 1 == v && c->labels[j] == c->lab.aux_pass) return 1;
  return 0;
}

/* Whether tokens [from, to) say that a pair acts on itself: "their", "each
 * other", "one another" ("A and B postponed their meeting"); "their" not
 * past a relative clause's opening (a word of the dictionaries' `relative`
 * class or "that": "a victory that brought occupation to their countries"). */
static int reciprocal(const orb_coder *c, uint32_t from, uint32_t to) {
  int related = 0;
  for (uint32_t t = from; t < to; t++)
    if (tok_flag(c, t, EV_VF_RELATIVE) || tok_is(c, t, "that")) related = 1;
    else if ((tok_is(c, t, "their") && !related) ||
        (t + 1 < to && ((tok_is(c, t, "each") && tok_is(c, t + 1, "other")) ||
                        (tok_is(c, t, "one") && tok_is(c, t + 1, "another")))))
      return 1;
  return 0;
}

/* The token of the preposition of place ("in", "at", ...) right before
 * mention m, only determiners between, or SIZE_MAX (none, or m names an
 * organisation). */
static size_t place_prep(const orb_coder *c, const ev_mention *m) {
  static const char *const town[] = {"city", "town", "port", "capital", "village", "region",
                                     "province", "resort"};
  size_t t = m->first;
  if (m->is_org) return SIZE_MAX;
  while (t > 0 && tok_flag(c, t - 1, EV_VF_DET))
    t--;
  if (t >= 3 && c->tokens.items[t - 1].id == c->dict->tok_of &&
      tok_in(c, t - 2, town, sizeof town / sizeof *town)) {
    /* "in the Japanese city of Hiroshima", "at the Black Sea resort of Sochi" */
    t -= 2;
    for (size_t words = 0; t > 0 && words < 4 && !tok_flag(c, t - 1, EV_VF_DET); words++, t--)
      if (c->tokens.items[t - 1].flags & EV_TF_PUNCT) return SIZE_MAX;
    while (t > 0 && tok_flag(c, t - 1, EV_VF_DET))
      t--;
  }
  return t > 0 && tok_in(c, t - 1, place_preps, sizeof place_preps / sizeof *place_preps)
             ? t - 1 : SIZE_MAX;
}

/* Whether mention m is where a gathering named right before its preposition
 * takes place ("the hearing in Hamburg", "a summit in Minsk"): its venue. */
static int gathering_place(const orb_coder *c, const ev_mention *m) {
  static const char *const gathering[] = {"hearing", "hearings", "summit", "conference",
                                          "session", "trial", "ceremony", "meeting",
                                          "talks", "parade", "forum", "congress", "games"};
  size_t prep = place_prep(c, m);
  return prep != SIZE_MAX && prep > 0 &&
         tok_in(c, prep - 1, gathering, sizeof gathering / sizeof *gathering);
}

/* Whether mention m follows "in", "at", "near", "inside" or a preposition of
 * a route ("through", "via", "across"), and determiners: a place, without
 * the tree. */
static int shallow_place(const orb_coder *c, const ev_mention *m) {
  return place_prep(c, m) != SIZE_MAX;
}

/* Whether verb item k is the complement of an accusation before it in the
 * sentence ("accused Azerbaijan of shelling", "accused Kyiv of staging a
 * drone attack"): an earlier verb of CAMEO root 11 and an "of" after that
 * verb and before this one. */
static int accused_of(const orb_coder *c, size_t k, size_t s) {
  const ev_item *it = &c->items[k];
  if (!(it->first > s && c->first_accusation < k && c->accusation_of < it->first)) return 0;
  if (c->dict->rules[c->dict->nodes[it->node].verb].flags & EV_RF_REPLY)
    return 0; /* "accused Ukraine of the attack and said it reserved the right to
                 retaliate": a reply is the accuser's own, no act accused of */
  /* a new clause ends the complement ("accused Y of X, while Z blamed W"):
   * a comma or semicolon before "while", "whereas" or "but", looked for in
   * the last 48 tokens before the verb */
  static const char *const breaks[] = {"while", "whereas", "but"};
  size_t from = it->first > c->accusation_of + 48 ? it->first - 48 : c->accusation_of;
  for (size_t u = from + 1; u < it->first; u++)
    if ((c->tokens.items[u - 1].flags & EV_TF_PUNCT) &&
        (tok_is(c, u - 1, ",") || tok_is(c, u - 1, ";")) &&
        tok_in(c, u, breaks, sizeof breaks / sizeof *breaks))
      return 0;
  return 1;
}

/* The first form of "deny" among tokens [s, e) (what follows it is denied,
 * not reported), or SIZE_MAX. */
static size_t first_denial(const orb_coder *c, size_t s, size_t e) {
  static const char *const deny[] = {"deny", "denied", "denies", "denying"};
  for (size_t u = s; u < e; u++)
    if (tok_in(c, u, deny, sizeof deny / sizeof *deny)) return u;
  return SIZE_MAX;
}

/* Where token t, a form of "deny" or "reject", closes ", a charge (that)
 * Moscow denies", ", an accusation Turkey and Azerbaijan both rejected": the
 * token after the charge's noun (and its "that"), where the deniers stand; 0
 * if it does not. What is denied is the accusation just coded in the
 * sentence. */
static size_t charge_denied(const orb_coder *c, size_t t, size_t s) {
  static const char *const deny[] = {"deny",     "denies",    "denied",  "reject",
                                     "rejects",  "rejected",  "dismiss", "dismisses",
                                     "dismissed", "disputes", "disputed"};
  static const char *const charge[] = {"charge",      "charges", "accusation",
                                       "accusations", "claim",   "claims",
                                       "allegation",  "allegations"};
  if (!tok_in(c, t, deny, sizeof deny / sizeof *deny)) return 0;
  for (size_t u = t, words = 0; u > s + 1 && words < 7; u--, words++) {
    if (c->tokens.items[u - 1].flags & EV_TF_PUNCT) return 0;
    if (!tok_in(c, u - 1, charge, sizeof charge / sizeof *charge)) continue;
    size_t b = u - 1;
    if (b > s && (tok_is(c, b - 1, "a") || tok_is(c, b - 1, "an") || tok_is(c, b - 1, "the")))
      b--;
    if (b == s || !tok_is(c, b - 1, ",")) return 0;
    return tok_is(c, u, "that") || tok_is(c, u, "which") ? u + 1 : u;
  }
  return 0;
}

/* code_charges_denied's one denial: deniers from token from to token t. */
static void code_charge_denied(const orb_coder *c, ev_sentence *sn, size_t t, size_t from,
                               const ev_rule *rule) {
  static const char denial[] = "016";
  int type = type_of_code(c->dict, denial);
  size_t n = sn->event_count, m = 0;
  while (m < c->mention_count && !(c->mentions[m].first >= from && c->mentions[m].last <= t))
    m++;
  int accused = 0; /* the deniers named are among the accused ("a charge he denies") */
  for (size_t i = 0; i < n && m < c->mention_count; i++)
    accused |= code_root(sn->events[i].code) == 11 && sn->events[i].target_id == c->mentions[m].id;
  for (size_t i = 0; i < n; i++) { /* each accusation's author, by each denier */
    const ev_pending *p = &sn->events[i];
    if (code_root(p->code) != 11 || !p->target) continue;
    if (m == c->mention_count || (accused && c->mentions[m].is_coref)) {
      queue(sn, p->target, p->source, denial, type, rule); /* "a charge both reject" */
      continue;
    }
    for (size_t a = group_start(c, m); a < group_end(c, m); a++)
      queue(sn, &c->mentions[a], p->source, denial, type, rule);
  }
}

/* Codes each ", a charge X denies" of the sentence (charge_denied): X's
 * denial (CAMEO 016) toward the authors of the sentence's accusations
 * (CAMEO 11); where no actor is named ("a charge both governments reject"),
 * those accused deny it. The rule cited is the denial's word's. */
static void code_charges_denied(const orb_coder *c, ev_sentence *sn) {
  const orb_dict *d = c->dict;
  for (size_t k = 0; k < c->item_count; k++) { /* a verb item, or one read as a noun */
    const ev_item *it = &c->items[k];
    if (it->kind != IT_VERB && it->kind != IT_NOUN) continue;
    size_t from = charge_denied(c, it->first, sn->s);
    if (from) code_charge_denied(c, sn, it->first, from, &d->rules[d->nodes[it->node].verb]);
  }
}

/* Whether verb item it, after a denial, is the denier's own reaction joined
 * by "and" or "but" ("denied firing at Ganja and in turn accused Azerbaijani
 * forces of shelling"): a statement, criticism or rejection (CAMEO 01, 11,
 * 12) with "and"/"but" a few words before it, so not denied. */
static int denial_answered(const orb_coder *c, const ev_item *it, size_t s) {
  const char *code = item_code(c, it, c->tokens.count);
  if (!((code[0] == '0' && code[1] == '1') ||
        (code[0] == '1' && (code[1] == '1' || code[1] == '2'))))
    return 0;
  for (size_t u = it->first, words = 0; u > s && words < 8; u--, words++) {
    if (tok_is(c, u - 1, "and") || tok_is(c, u - 1, "but")) return u - 1 > c->first_denial;
    int32_t k = c->item_at[u - 1];
    if (!adjective_like(c, u - 1) && !(k >= 0 && c->items[k].kind == IT_ACTOR) &&
        !(k >= 0 && c->items[k].kind == IT_MARKER) &&
        !(k >= 0 && c->items[k].kind == IT_VERB && not_a_verb(c, &c->items[k])))
      return 0; /* but "in turn", "also", a subject of its own ("and its military
                   intelligence service called") */
  }
  return 0;
}

/* Whether token t is an auxiliary ("is", "has", "will"...). */
static int auxiliary(const orb_coder *c, size_t t) {
  static const char *const aux[] = {"is", "are", "was", "were", "has", "have", "had", "will",
                                    "would", "could", "can", "may", "might", "should", "must"};
  return tok_in(c, t, aux, sizeof aux / sizeof *aux);
}

/* Whether mention target stands right after verb item k, only a day, "that"
 * and determiners between ("said on Friday that the"), or after up to five
 * words of an addressee or a setting and "that" ("told reporters that",
 * "told the council that", "said in a statement that"; no punctuation, no
 * verb): the subject of what k reports. */
static int reported_subject(const orb_coder *c, size_t k, size_t target) {
  if (target == SIZE_MAX) return 0;
  uint32_t first = c->mentions[group_start(c, target)].first;
  size_t from = past_day(c, &c->items[k], first); /* "said on Friday that" */
  int plain = first <= from + 4;
  for (size_t t = from; t < first && plain; t++) {
    uint32_t id = c->tokens.items[t].id;
    plain = tok_is(c, t, "that") || (id && (c->dict->vocab_flags[id] & EV_VF_DET));
  }
  if (plain) return 1;
  uint32_t t = first; /* "that" is a determiner too */
  while (t > from && tok_flag(c, t - 1, EV_VF_DET) && !tok_is(c, t - 1, "that"))
    t--;
  if (t <= from + 1 || t > from + 6 || !tok_is(c, t - 1, "that")) return 0;
  for (size_t u = from; u + 1 < t; u++) {
    int32_t ku = c->item_at[u];
    if ((c->tokens.items[u].flags & EV_TF_PUNCT) || tok_is(c, u, "that") ||
        (ku >= 0 && c->items[ku].kind == IT_VERB &&
         !(c->dict->rules[c->dict->nodes[c->items[ku].node].verb].flags & EV_RF_NOUN)))
      return 0; /* a noun event may be the setting: "said in a statement that" */
  }
  return 1;
}

/* Whether the statement verb item k (CAMEO root 01) reports another act: a
 * dictionary verb follows it in the sentence, or its target is the
 * subject of a reported clause ("said Azerbaijan is massing troops"): only
 * "that" and determiners before the target, a verb or an auxiliary after its
 * group. */
static int reports(const orb_coder *c, size_t k, size_t target, size_t e) {
  if (c->last_verb != SIZE_MAX && c->last_verb > k) return 1;
  if (!reported_subject(c, k, target)) return 0;
  uint32_t after = c->mentions[group_end(c, target) - 1].last;
  return after < e && (auxiliary(c, after) || verb_follows(c, after, e));
}

/* Words of a wrong done to an agreement, a border or a law ("violated",
 * "breached", "crossed"), or of guilt ("was responsible for", "was behind"):
 * reported by another actor, they are his accusation (CAMEO 112), not an act
 * of their subject's. */
static int wrong_word(const orb_coder *c, size_t t) {
  static const char *const wrong[] = {"violate",  "violated",  "violates",    "violating",
                                      "breach",   "breached",  "breaches",    "breaching",
                                      "broke",    "broken",    "breaking",    "flouted",
                                      "flouting", "crossed",   "responsible", "behind"};
  return tok_in(c, t, wrong, sizeof wrong / sizeof *wrong);
}

/* The token of the wrong word that the subject mention target of a report
 * did ("said Russia had violated the treaty", "said Azerbaijani soldiers had
 * repeatedly crossed the border"): at most three words (auxiliaries,
 * adverbs, a noun such as "soldiers") after its group; SIZE_MAX if none. */
static size_t reported_wrong(const orb_coder *c, size_t target, size_t e) {
  if (target == SIZE_MAX) return SIZE_MAX;
  uint32_t after = c->mentions[group_end(c, target) - 1].last;
  for (size_t u = after; u < e && u < after + 4; u++) {
    if (wrong_word(c, u)) { /* not "broke away", "broke no law" */
      static const char *const away[] = {"free", "away", "off", "out", "down", "ground", "no"};
      return u + 1 < e && tok_in(c, u + 1, away, sizeof away / sizeof *away) ? SIZE_MAX : u;
    }
    if (tok_is(c, u, "not") || tok_is(c, u, "never")) break; /* "had not violated" */
    if (c->tokens.items[u].flags & EV_TF_PUNCT) break;
    int32_t k = c->item_at[u];
    if (k >= 0 && c->items[k].kind == IT_ACTOR) break;
  }
  return SIZE_MAX;
}

/* Whether a punctuation token lies in tokens [from, to). */
static int past_punct(const orb_coder *c, size_t from, size_t to) {
  for (size_t t = from; t < to; t++)
    if (c->tokens.items[t].flags & EV_TF_PUNCT) return 1;
  return 0;
}

/* The token before the hostile act that the subject mention target of a
 * report did ("said Ukrainian drones had attacked ships", "said Russia had
 * once again attacked ports"; "said the North had sent munitions to
 * Russia" is not one): a verb item of CAMEO root 13 or 15 to 20 at most
 * four words (auxiliaries of the past or present, adverbs) after its group,
 * with no actor after it before the next punctuation (an act with its
 * target stays the act: "said Russia had shelled Kharkiv"); SIZE_MAX if
 * none, or if a modal ("would", "could") or "not" makes it no fact. */
static size_t reported_hostile(const orb_coder *c, size_t target, size_t e) {
  static const char *const modal[] = {"would", "will", "could", "can", "may", "might",
                                      "should", "must", "not", "never", "to"};
  if (target == SIZE_MAX) return SIZE_MAX;
  uint32_t after = c->mentions[group_end(c, target) - 1].last;
  for (size_t u = after; u < e && u < after + 4; u++) {
    if (c->tokens.items[u].flags & EV_TF_PUNCT) break;
    if (tok_in(c, u, modal, sizeof modal / sizeof *modal)) break;
    int32_t k = c->item_at[u];
    if (k < 0) continue;
    if (c->items[k].kind == IT_VERB) {
      int root = code_root(item_code(c, &c->items[k], e));
      if (!(root == 13 || (root >= 15 && root <= 20))) return SIZE_MAX;
      for (size_t m = 0; m < c->mention_count; m++) /* "said Russia had shelled Kharkiv":
                                                        the act, which has its target */
        if (c->mentions[m].first >= c->items[k].last && c->mentions[m].first < e &&
            !past_punct(c, c->items[k].last, c->mentions[m].first))
          return SIZE_MAX;
      return u - 1;
    }
    if (c->items[k].kind == IT_ACTOR) break;
  }
  return SIZE_MAX;
}

/* Whether token t is a bare verb of saying ("said", "told"). */
static int bare_saying(const orb_coder *c, size_t t) {
  static const char *const saying[] = {"said", "says", "say", "saying", "told", "tells",
                                       "spoke", "speaks", "stated", "added"};
  return tok_in(c, t, saying, sizeof saying / sizeof *saying);
}

/* Whether statement verb item k reports a judgement of a thing ("said the
 * vote was an imitation", "said the sanctions were based on false claims",
 * "said the meeting undermined the balance", "said that Russia's decision
 * was unjust"): "that" and a determiner or a possessive after it (past a
 * day), or an actor's possessive, then, before the clause ends, a word of
 * the dictionaries' judgement class not right after "not" or "no". */
static int reported_judgement(const orb_coder *c, size_t k, size_t e) {
  static const char *const thing[] = {"the", "this", "these", "those", "its", "their", "his",
                                      "her"};
  static const char *const ends[] = {";", "but", "while", "whereas", "although"};
  static const char *const denied[] = {"not", "no", "never"};
  size_t u = past_day(c, &c->items[k], e);
  if (u < e && tok_is(c, u, "that")) u++;
  int owner = 0; /* "that Russia's decision ...": the owner's thing */
  for (size_t m = 0; m < c->mention_count && !owner && u < e; m++)
    owner = c->mentions[m].first == u && c->mentions[m].last < e &&
            c->tokens.items[c->mentions[m].last].id == c->dict->tok_s;
  if (!(u < e && (owner || tok_in(c, u, thing, sizeof thing / sizeof *thing)))) return 0;
  for (size_t t = u + 1; t < e && t < u + 24; t++) {
    if (tok_in(c, t, ends, sizeof ends / sizeof *ends)) return 0;
    uint32_t id = c->tokens.items[t].id;
    if (id && (c->dict->vocab_flags[id] & EV_VF_JUDGE) &&
        !tok_in(c, t - 1, denied, sizeof denied / sizeof *denied) &&
        !tok_in(c, t - 2, denied, sizeof denied / sizeof *denied))
      return 1;
  }
  return 0;
}

/* Whether token t is a form of "call". */
static int call_form(const orb_coder *c, size_t t) {
  static const char *const call[] = {"call", "calls", "called", "calling"};
  return tok_in(c, t, call, sizeof call / sizeof *call);
}

/* Whether verb item it, a form of "call", names what follows a wrong by a
 * word of the judgement class ("called the decision deeply unfortunate",
 * "called Moscow's decision regrettable"): within eight words, before a
 * comma or the clause's end; not "called on", "called for", "called off". */
static int named_judgement(const orb_coder *c, const ev_item *it, size_t e) {
  static const char *const not_naming[] = {"on", "for", "off", "in", "up", "to", "upon"};
  if (!call_form(c, it->first) || it->last >= e ||
      tok_in(c, it->last, not_naming, sizeof not_naming / sizeof *not_naming))
    return 0;
  for (size_t t = it->last; t < e && t < it->last + 8; t++) {
    if (tok_is(c, t, ",") || tok_is(c, t, ";") || c->tokens.items[t].id == c->dict->tok_to)
      return 0;
    uint32_t id = c->tokens.items[t].id;
    if (id && (c->dict->vocab_flags[id] & EV_VF_JUDGE)) return 1;
  }
  return 0;
}

/* Whether verb item it, a form of "call", names a thing in a relative
 * clause opened by "what" or "which" at most four words before it ("what he
 * called Putin's war machine", "which Tbilisi called"). */
static int naming_call(const orb_coder *c, const ev_item *it, size_t s) {
  static const char *const what[] = {"what", "which"};
  if (!call_form(c, it->first)) return 0;
  for (size_t t = it->first, words = 0; t > s && words < 4; t--, words++)
    if (tok_in(c, t - 1, what, sizeof what / sizeof *what)) return 1;
  return 0;
}

/* Whether the reported subject mention target is followed by "should",
 * "must" or "ought to" and then a verb of the dictionaries ("said Russian
 * troops should leave"): an obligation the speaker lays on it. */
static int reported_obligation(const orb_coder *c, size_t target, size_t e) {
  static const char *const modal[] = {"should", "must", "ought"};
  uint32_t after = c->mentions[group_end(c, target) - 1].last;
  return after < e && tok_in(c, after, modal, sizeof modal / sizeof *modal) &&
         verb_follows(c, after + 1, e);
}

/* Whether token t is a verb of a decision taken ("decided", "voted"): what
 * it decides to do, when that codes an act, is the act. */
static int decision_word(const orb_coder *c, size_t t) {
  static const char *const decide[] = {"decided", "decides", "decide", "voted", "votes",
                                       "vote"};
  return tok_in(c, t, decide, sizeof decide / sizeof *decide);
}

/* Whether verb item decision is a decision taken ("decided", "voted") and
 * verb item act, what it decides to do, an act of pressure (CAMEO root 10 or
 * more): then the act is coded, not the decision (docs/MODEL.md rule 191). */
static int decided_pressure(const orb_coder *c, const ev_item *decision, const ev_item *act,
                            size_t e) {
  return decision_word(c, decision->first) && code_root(item_code(c, act, e)) >= 10;
}

/* Whether token t is a verb of speech or intent ("said", "warned", "agreed"). */
static int speech_word(const orb_coder *c, size_t t) {
  static const char *const speech[] = {"said", "says", "say", "told", "announced", "stated",
                                       "added", "reported", "confirmed", "promised",
                                       "pledged", "vowed", "warned", "decided", "agreed",
                                       "indicated", "signalled", "signaled", "insisted",
                                       "declared", "stressed", "claimed", "believes",
                                       "believed", "expects", "hoped", "suggested"};
  return tok_in(c, t, speech, sizeof speech / sizeof *speech);
}

/* Whether verb item it is a gerund after a verb of stopping ("have stopped
 * importing", "halted deliveries" is the CANCEL patterns'): the act ends. */
static int ceased(const orb_coder *c, const ev_item *it, size_t s) {
  static const char *const stop[] = {"stop", "stops", "stopped", "stopping", "halt",
                                     "halts", "halted", "cease", "ceases", "ceased",
                                     "suspend", "suspends", "suspended", "end", "ends",
                                     "ended", "quit", "quits"};
  return it->first > s && gerund(c, it->first) &&
         tok_in(c, it->first - 1, stop, sizeof stop / sizeof *stop);
}

/* The code of an act that ends ("stopped importing gas"): cooperation ends
 * in reduced relations (CAMEO 16: negotiations 164, aid 162, trade 163),
 * fighting in de-escalation (087); "" when no such code fits. */
static const char *ceased_code(const char *code) {
  int root = code_root(code);
  if (root == 4) return "164";
  if (root == 7) return "162";
  if (root == 6 && code[2] == '1') return "163";
  if (root >= 3 && root <= 8) return "160";
  if (root >= 17) return "087";
  return "";
}

/* Sets c->first_speech to the first token of the sentence's tokens [s, e)
 * that is a verb of speech or intent or starts a statement verb of the
 * dictionaries (CAMEO root 01), and c->last_condition to its last "if" or
 * "unless" (SIZE_MAX: none). At most one pass per sentence, and only for a
 * sentence with "would", "will" or "shall" before a verb, so that the
 * modality rules stay linear and cost nothing elsewhere. */
static void speech_and_condition(orb_coder *c, size_t s, size_t e) {
  static const char *const cond[] = {"if", "unless"};
  if (c->modality_read) return;
  c->modality_read = 1;
  size_t first = SIZE_MAX;
  c->last_condition = SIZE_MAX;
  for (size_t u = s; u < e; u++) {
    if (tok_in(c, u, cond, 2)) c->last_condition = u;
    if (first != SIZE_MAX) continue;
    int32_t k = c->item_at[u];
    const char *code = k >= 0 && c->items[k].kind == IT_VERB
                           ? c->dict->rules[c->dict->nodes[c->items[k].node].verb].code : "";
    if ((code[0] == '0' && code[1] == '1') ||
        speech_word(c, u))
      first = u;
  }
  c->first_speech = first;
}

/* Whether one of words[0..n) stands in the three tokens before token v (and
 * not before token s): "will", "would", "shall" before a verb. */
static int word_before(const orb_coder *c, size_t v, size_t s, const char *const *words,
                       size_t n) {
  for (size_t u = v; u > s && u + 3 >= v;)
    if (tok_in(c, --u, words, n)) return 1;
  return 0;
}

static const char *const future_words[] = {"will", "would", "shall"};

/* Whether a conditional clause ("if", "unless") follows token t in the
 * sentence and "will", "would" or "shall" stands in the three tokens before
 * token v: "X will halt supplies if no contract is signed" is a threat. */
static int conditional_future(orb_coder *c, size_t v, size_t t, size_t s, size_t e) {
  if (!word_before(c, v, s, future_words, 3)) return 0;
  speech_and_condition(c, s, e);
  return c->last_condition != SIZE_MAX && c->last_condition >= t;
}

/* Whether "would" stands in the three tokens before token v and no verb of
 * speech precedes it in the sentence: "Russia would attack" is a
 * hypothesis, "Russia said it would attack" a report of an intent. */
static int unreported_would(orb_coder *c, size_t v, size_t s, size_t e) {
  static const char *const would[] = {"would"};
  if (!word_before(c, v, s, would, 1)) return 0;
  speech_and_condition(c, s, e);
  return !(c->first_speech < v);
}

/* Whether verb item k follows "will", "would" or "shall" (in the three tokens
 * before it) after an earlier verb of threat (CAMEO root 13) in the sentence:
 * "X warned that Y would face consequences" codes the warning, not what it
 * foretells. */
static int after_threat(const orb_coder *c, size_t k, size_t s) {
  if (!word_before(c, c->items[k].first, s, future_words, 3)) return 0;
  for (size_t m = 0; m < k; m++) {
    if (c->items[m].kind != IT_VERB) continue;
    const char *code = c->dict->rules[c->dict->nodes[c->items[m].node].verb].code;
    if (code[0] == '1' && code[1] == '3') return 1;
  }
  return 0;
}

/* The code verb item it gives by one of its patterns, else by itself ("" for
 * none); points into the dictionary. */
static const char *item_code(const orb_coder *c, const ev_item *it, size_t e) {
  const ev_rule *verb = &c->dict->rules[c->dict->nodes[it->node].verb];
  ev_binding unused;
  const ev_rule *pattern = find_pattern(c, it, verb->group, e, &unused);
  return pattern ? pattern->code : verb->code;
}

/* Whether verb item it codes an event by itself or by one of its patterns. */
static int codes_something(const orb_coder *c, const ev_item *it, size_t e) {
  return item_code(c, it, e)[0] != 0;
}

/* Whether verb item k is what an earlier appeal or demand (CAMEO 02, 10) of
 * the clause asks an actor named between them to do: after "to" ("urged
 * Serbia to recognise", "asked Russia to help guard") or in a "that" clause
 * right after it ("demanded that Russia release"). The verbs between must be
 * infinitives after "to". */
static int asked_for(const orb_coder *c, size_t k, uint32_t clause_start, size_t e) {
  const ev_token *tok = c->tokens.items;
  const ev_item *it = &c->items[k];
  if (it->first <= clause_start) return 0;
  int infinitive = tok[it->first - 1].id == c->dict->tok_to ||
                   (k > 0 && c->items[k - 1].kind == IT_VERB && c->items[k - 1].last == it->first);
  int after_actor = 0; /* "that Russia release" */
  for (size_t n = 0; n < c->mention_count && !after_actor; n++)
    after_actor = c->mentions[n].last == it->first;
  if (!infinitive && !after_actor) return 0;
  for (size_t m = k; m-- > 0 && c->items[m].last > clause_start;) {
    const ev_item *pm = &c->items[m];
    if (pm->kind != IT_VERB) continue;
    const char *code = item_code(c, pm, e);
    if (!code[0]) continue;
    if ((code[0] == '0' && code[1] == '2') || (code[0] == '1' && code[1] == '0')) {
      int opens = after_actor && tok_is(c, pm->last, "that");
      for (uint32_t u = pm->last; infinitive && u < it->first && !opens; u++)
        opens = tok[u].id == c->dict->tok_to;
      for (size_t n = 0; opens && n < c->mention_count; n++)
        if (c->mentions[n].first >= pm->last && c->mentions[n].last <= it->first) return 1;
      return 0;
    }
    if (!(pm->first > clause_start && tok[pm->first - 1].id == c->dict->tok_to)) return 0;
  }
  return 0;
}

/* Whether mention m follows "by" and at most two determiners ("by the
 * FSB"). */
static int after_by(const orb_coder *c, const ev_mention *m, size_t s) {
  const orb_dict *d = c->dict;
  size_t t = m->first;
  for (int dets = 0; t > s && dets < 2 && tok_flag(c, t - 1, EV_VF_DET);
       dets++)
    t--;
  return t > s && c->tokens.items[t - 1].id == d->tok_by;
}

/* Whether mention m opens a coordinated clause as its subject: ", and" or
 * ", but" just before it (determiners between) and a verb right after it or
 * after the list it opens ("would impose sanctions, and Ukraine's foreign
 * minister called ...", "..., and Russia and Armenia signed"). */
static int new_clause_subject(const orb_coder *c, const ev_mention *m, size_t e) {
  if (!after_comma_conj(c, m, 0, 0)) return 0;
  /* "..., and Russia and Armenia signed": the verb after the subject's list */
  size_t last = m->last;
  for (size_t n = (size_t)(m - c->mentions) + 1;
       n < c->mention_count && c->mentions[n].first == last + 1 &&
       (tok_is(c, last, "and") || tok_is(c, last, ","));
       n++)
    last = c->mentions[n].last;
  return verb_follows(c, last, e);
}

/* Whether mention m lies in a phrase of "word" (one of words[0..n)): that
 * word at most five tokens before it, with no verb, actor or punctuation
 * between ("from its base in Tajikistan"). */
static int in_phrase_of(const orb_coder *c, const ev_mention *m, const char *const *words,
                        size_t n) {
  for (size_t t = m->first; t > 0 && m->first - t < 5;) {
    t--;
    if (tok_in(c, t, words, n)) return 1;
    int32_t k = c->item_at[t];
    if ((c->tokens.items[t].flags & EV_TF_PUNCT) ||
        (k >= 0 && (c->items[k].kind == IT_VERB || c->items[k].kind == IT_ACTOR)))
      return 0;
  }
  return 0;
}

/* For a show of force (CAMEO 15), the destination over the origin: when the
 * target lies in a "from" phrase and a later actor of the clause in a "to",
 * "into" or "towards" phrase, the later one ("moved troops from its base in
 * Tajikistan to Ukraine": Ukraine). Returns the target to use. */
static size_t destination(const orb_coder *c, size_t target, uint32_t clause_end) {
  static const char *const from[] = {"from"};
  static const char *const to[] = {"to", "into", "towards", "toward"};
  if (!in_phrase_of(c, &c->mentions[target], from, 1)) return target;
  for (size_t m = target + 1; m < c->mention_count && c->mentions[m].first < clause_end; m++)
    if (in_phrase_of(c, &c->mentions[m], to, 4)) return m;
  return target;
}

/* Sets *source and *target (mention indices) from a pattern's markers
 * (docs/EVENTS.md, "Source and target markers"), given the actor before the
 * verb (*source as found) and the agent of a passive (by, or SIZE_MAX):
 * "+" names the target and "$" the source; with "$" alone, the actor before
 * the verb (a passive's agent if any) becomes the target; with "+ *" it is
 * the target and "$" names the source. Returns 0 when no source is left. */
static int pin_actors(const orb_coder *c, const ev_rule *rule, const ev_binding *b,
                      size_t by, size_t *source, size_t *target) {
  size_t subject = by != SIZE_MAX ? by : *source;
  if (rule->flags & EV_RF_SUBJECT_TARGET) {
    *target = b->target != SIZE_MAX ? b->target : *source;
    *source = b->source;
  } else if (b->source != SIZE_MAX) {
    *target = b->target != SIZE_MAX ? b->target : subject;
    *source = b->source;
  } else {
    *target = b->target;
    *source = subject;
  }
  if (*source == SIZE_MAX) return 0;
  if (*target != SIZE_MAX && c->mentions[*target].group == c->mentions[*source].group)
    *target = SIZE_MAX; /* one actor on both sides: the source's act alone */
  return 1;
}

/* A mention at token at of actor id that the sentence does not name (a
 * target implied by the article), a group of its own. */
static ev_mention implied_at(uint32_t at, int32_t id, int32_t role, uint8_t is_org) {
  return (ev_mention){.first = at, .last = at, .id = id, .role = role, .group = 0x7fffffffu,
                      .is_org = is_org, .is_coref = 1};
}

/* Sets c->implied to the author of the latest act, for a reaction by the
 * actor critic at token at that names no one: the source of the latest
 * sentence's first event, or the subject before it when that is the critic
 * itself ("Moscow called the deployment a threat" after recalling Moscow's own
 * annexation). Returns 0 when there is none. */
static int latest_author(orb_coder *c, int32_t critic, uint32_t at) {
  const ev_recent *r = &c->recent;
  if (r->subject < 0) return 0;
  int own = r->subject == critic;
  if (own && r->prior < 0) return 0;
  c->implied = implied_at(at, own ? r->prior : r->subject,
                          own ? r->prior_role : r->subject_role,
                          own ? r->prior_is_org : r->subject_is_org);
  return 1;
}

/* The target of the first criticism or rejection (CAMEO 11, 12) that actor id
 * makes in the sentence so far, or NULL. */
static const ev_mention *accused_in_sentence(const ev_sentence *sn, int32_t id) {
  for (size_t i = 0; i < sn->event_count; i++) {
    const ev_pending *p = &sn->events[i];
    int root = code_root(p->code);
    if (p->source->id == id && p->target && (root == 11 || root == 12)) return p->target;
  }
  return NULL;
}

/* Codes verb item k of the sentence into queued events (code_verb adds the
 * events back). */
/* Whether the words before token t (determiners, adjective-like words, "for",
 * at most four) follow a verb that appeals, offers or demands (CAMEO 02, 03,
 * 10, by its pattern if one fires): a noun event there is what is asked for
 * or offered, not an act reported ("called for talks with", "demanded the
 * withdrawal of"). A criticism's noun event is still coded ("condemned
 * Russia's recognition of Abkhazia"). */
static int reacted_to(const orb_coder *c, uint32_t t, uint32_t clause_start) {
  const orb_dict *d = c->dict;
  for (int words = 0; t > clause_start && words < 8; words++) {
    int32_t k = c->item_at[t - 1];
    if (k >= 0 && c->items[k].kind == IT_VERB) {
      const char *code = item_code(c, &c->items[k], c->tokens.count);
      return (code[0] == '0' && (code[1] == '2' || code[1] == '3')) ||
             (code[0] == '1' && code[1] == '0');
    }
    uint32_t id = c->tokens.items[t - 1].id;
    if (tok_is(c, t - 1, "and") || tok_is(c, t - 1, "or")) {
      /* "called for a ceasefire and for talks between A and B": the "for"
       * of the first object, no verb between */
      uint32_t u = t - 1;
      while (u > clause_start && u + 10 > t && !tok_is(c, u - 1, "for") &&
             !(c->item_at[u - 1] >= 0 && c->items[c->item_at[u - 1]].kind == IT_VERB &&
               !not_a_verb(c, &c->items[c->item_at[u - 1]])))
        u--;
      if (u > clause_start && tok_is(c, u - 1, "for")) {
        t = u;
        continue;
      }
      return 0;
    }
    if (!(id && (d->vocab_flags[id] & EV_VF_DET)) && !tok_is(c, t - 1, "for") &&
        !adjective_like(c, t - 1))
      return 0;
    t--;
  }
  return 0;
}

/* The agent of the noun event that ends the clause of reaction item it right
 * after it (determiners and adjective-like words between): the actor after
 * "by" within its phrase ("condemned the shelling of its villages by X",
 * "rejected the demand by Moscow"), or SIZE_MAX. */
static size_t reacted_agent(const orb_coder *c, const ev_item *it, uint32_t clause_end,
                            size_t e) {
  const orb_dict *d = c->dict;
  int32_t k = clause_end < e ? c->item_at[clause_end] : -1;
  if (k < 0 || c->items[k].kind != IT_VERB ||
      !(d->rules[d->nodes[c->items[k].node].verb].flags & EV_RF_NOUN))
    return SIZE_MAX;
  for (uint32_t t = it->last; t < clause_end; t++)
    if (!tok_flag(c, t, EV_VF_DET) &&
        !adjective_like(c, t))
      return SIZE_MAX;
  uint32_t end = c->items[k].last;
  for (size_t m = 0; m < c->mention_count; m++) {
    const ev_mention *mn = &c->mentions[m];
    if (mn->first < end) continue;
    if (mn->first > end + 6) break;
    for (uint32_t t = end; t < mn->first; t++)
      if ((c->tokens.items[t].flags & EV_TF_PUNCT) ||
          (c->item_at[t] >= 0 && c->items[c->item_at[t]].kind == IT_VERB))
        return SIZE_MAX;
    if (after_by(c, mn, end)) return m;
  }
  return SIZE_MAX;
}

/* Whether noun event item it lies in what an appeal or a demand (CAMEO 02,
 * 10) earlier in its clause asks someone to do: a "to" between that verb and
 * the noun ("called on Georgia to keep in line with the bloc's sanctions"). */
static int asked_to(const orb_coder *c, const ev_item *it, uint32_t clause_start) {
  int to_seen = 0;
  for (uint32_t t = it->first; t-- > clause_start;) {
    if (c->tokens.items[t].id == c->dict->tok_to) to_seen = 1;
    int32_t k = c->item_at[t];
    if (k < 0 || c->items[k].kind != IT_VERB || c->items[k].first != t) continue;
    const char *code = item_code(c, &c->items[k], c->tokens.count);
    if (!code[0]) continue;
    return to_seen && ((code[0] == '0' && code[1] == '2') || (code[0] == '1' && code[1] == '0'));
  }
  return 0;
}

/* Whether verb item it is asserted as done: no modal, "to" or "not" in the
 * three words before it, no "if", "unless", "until", "once" or "as soon as"
 * before it in its clause (tokens from s, back to a comma). */
static int asserted(const orb_coder *c, const ev_item *it, size_t s) {
  static const char *const modal[] = {"must", "should", "would", "will", "could", "can",
                                      "may", "might", "to", "not"};
  static const char *const condition[] = {"if", "unless", "until", "once", "soon", "whether"};
  if (word_before(c, it->first, s, modal, sizeof modal / sizeof *modal)) return 0;
  for (size_t t = it->first; t > s && !tok_is(c, t - 1, ","); t--)
    if (tok_in(c, t - 1, condition, sizeof condition / sizeof *condition)) return 0;
  return 1;
}

/* Whether a retreat (verb item it) moves troops: "troops", "forces",
 * "soldiers", "out" or "back" in it or in the four words after it ("pulled
 * its troops out of", not "withdraw a report"). */
static int troops_moved(const orb_coder *c, const ev_item *it, size_t e) {
  static const char *const moved[] = {"troops", "forces", "soldiers", "units", "out", "back",
                                      "retreated", "retreat"};
  for (size_t t = it->first; t < e && t < (size_t)it->last + 4; t++)
    if (tok_in(c, t, moved, sizeof moved / sizeof *moved)) return 1;
  return 0;
}

/* The other party of a treaty that verb item it leaves or suspends ("was
 * suspending its participation in the INF treaty, a day after the United
 * States ...", "in New START, the treaty limiting the arsenals of Russia and
 * the United States"): a treaty's noun within ten words after the verb, then
 * the first actor after the verb in sentence [.., e) that is not source and
 * no place; SIZE_MAX if none. */
static size_t treaty_partner(const orb_coder *c, const ev_item *it, int32_t source, size_t e) {
  static const char *const treaty[] = {"treaty", "pact", "accord", "agreement", "deal",
                                       "convention"};
  int named = 0;
  for (size_t t = it->last; t < e && t < (size_t)it->last + 10 && !named; t++)
    named = tok_in(c, t, treaty, sizeof treaty / sizeof *treaty);
  if (!named) return SIZE_MAX;
  for (size_t m = 0; m < c->mention_count; m++) {
    const ev_mention *mn = &c->mentions[m];
    if (mn->first < it->last || mn->first >= e || mn->id == source) continue;
    if (tree_place(c, mn) || shallow_place(c, mn)) continue;
    return m;
  }
  return SIZE_MAX;
}

/* The token of the preposition among words[0..n) that leads the noun at
 * token t ("after several hours of talks", "during a brief meeting"): a
 * measure and up to three determiners or adjectives between, not before
 * token s; SIZE_MAX when there is none. */
static size_t noun_preposition(const orb_coder *c, size_t t, size_t s, const char *const *words,
                               size_t n) {
  uint32_t u = before_measure(c, (uint32_t)t, (uint32_t)s);
  for (int skipped = 0; u > s && skipped < 3 && c->tokens.items[u - 1].id &&
                        !tok_in(c, u - 1, words, n) &&
                        (tok_flag(c, u - 1, EV_VF_DET) || adjective_like(c, u - 1));
       skipped++)
    u--;
  return u > s && tok_in(c, u - 1, words, n) ? u - 1 : SIZE_MAX;
}

/* Whether noun event it follows "out of", "away from" or a withdrawal's
 * "from" (determiners, adjectives and a measure between): talks left,
 * "pulled out of talks with", "walked away from the talks", "withdrew from
 * talks with"; not "returned from talks with". */
static int talks_left(const orb_coder *c, const ev_item *it, size_t s) {
  static const char *const from[] = {"from", "of"};
  static const char *const leaving[] = {"out", "away", "withdrew", "withdraws", "withdraw",
                                        "withdrawing", "withdrawn", "withdrawal"};
  size_t prep = noun_preposition(c, it->first, s, from, sizeof from / sizeof *from);
  return prep != SIZE_MAX && prep > s &&
         tok_in(c, prep - 1, leaving, sizeof leaving / sizeof *leaving) &&
         (tok_is(c, prep, "from") || tok_is(c, prep - 1, "out"));
}

/* The owner of a meeting named by a noun in an adverbial ("After talks with
 * X, Y agreed", "Y agreed ... after talks with X"): the first actor after the
 * comma that ends a phrase opening the sentence (tokens [s, e), its dateline
 * skipped; a participle may lead the phrase); else, for "talks with", the
 * subject of a verb right before the phrase ("..., Hollande said on Friday
 * after hosting talks with"); else the sentence's first actor before it that
 * is no place; SIZE_MAX when the noun is no meeting (CAMEO 040, or a call,
 * 041; not a visit, which PETRARCH's suite leaves to the sentence's verb) or
 * not in such a phrase. */
static size_t meeting_owner(const orb_coder *c, const ev_item *it, size_t s, size_t e) {
  static const char *const when[] = {"after", "during", "following", "at",
                                     "in",    "before", "amid",      "for"};
  const orb_dict *d = c->dict;
  const ev_rule *verb = &d->rules[d->nodes[it->node].verb];
  if (strcmp(verb->code, "040") != 0 && strcmp(verb->code, "041") != 0) return SIZE_MAX;
  if (c->dateline_end > s && c->dateline_end <= it->first) s = c->dateline_end;
  uint32_t lead = noun_lead(c, it, (uint32_t)s); /* "after hosting talks with" */
  size_t prep = noun_preposition(c, lead < it->first && gerund(c, lead) ? lead : it->first, s,
                                 when, sizeof when / sizeof *when);
  if (prep == SIZE_MAX) return SIZE_MAX; /* "after several hours of talks" */
  uint32_t t = (uint32_t)prep + 1;
  /* a phrase opening the sentence, also after an opening participle ("Speaking in
   * Budapest after talks with Orban, Putin ...") */
  if (prep == s || (gerund(c, s) && !past_punct(c, s, prep))) { /* the actor after its comma */
    uint32_t comma = it->last;
    while (comma < e && comma < it->last + 16 && !tok_is(c, comma, ",")) comma++;
    for (size_t m = 0; comma < e && comma < it->last + 16 && m < c->mention_count; m++)
      if (c->mentions[m].first > comma && c->mentions[m].first < e) return m;
    return SIZE_MAX;
  }
  for (size_t m = c->mention_count; m-- > 0 && tok_is(c, it->last - 1, "with");) {
    /* "talks with": the subject of the verb before it ("..., Hollande said on Friday
     * after hosting talks with"), not "talks between", which name their parties */
    const ev_mention *mn = &c->mentions[m];
    if (mn->first < s || mn->last >= t || mn->is_coref || tree_place(c, mn) ||
        shallow_place(c, mn))
      continue;
    int subject = 0; /* a verb (no noun event) between it and the phrase */
    for (uint32_t u = mn->last; u < prep && u < mn->last + 4 && !subject; u++) {
      if (c->tokens.items[u].flags & EV_TF_PUNCT) break; /* ", but kept open" */
      int32_t k = c->item_at[u];
      subject = k >= 0 && c->items[k].kind == IT_VERB &&
                !(d->rules[d->nodes[c->items[k].node].verb].flags & EV_RF_NOUN);
    }
    if (subject) return group_start(c, m);
    break;
  }
  for (size_t m = 0; m < c->mention_count; m++) /* the sentence's first actor */
    if (c->mentions[m].first >= s && c->mentions[m].last < t && !c->mentions[m].is_coref &&
        !tree_place(c, &c->mentions[m]) && !shallow_place(c, &c->mentions[m]))
      return m;
  return SIZE_MAX;
}

/* Whether source may be the author of verb item it when it follows
 * "resolution(s)" ("a resolution condemning Russia"): the actor right
 * before the word (its body: "a U.N. resolution"), or the subject of a
 * verb that adopts or puts forward the text ("adopted a resolution
 * condemning"); not one who voted on it or abstained. Any other verb: 1. */
static int resolution_author(const orb_coder *c, const ev_item *it, const ev_mention *source) {
  static const char *const adopting[] = {"adopted", "adopts", "adopt", "passed", "passes",
                                         "approved", "approves", "drafted", "tabled",
                                         "proposed", "submitted", "sponsored", "introduced"};
  if (it->first == 0 ||
      !(tok_is(c, it->first - 1, "resolution") || tok_is(c, it->first - 1, "resolutions")))
    return 1;
  if (source->last + 1 >= it->first) return 1; /* "a U.N. resolution condemning" */
  for (uint32_t u = source->last; u + 1 < it->first; u++)
    if (tok_in(c, u, adopting, sizeof adopting / sizeof *adopting)) return 1;
  return 0;
}

static void code_verb_events(orb_coder *c, ev_sentence *sn, size_t k) {
  const orb_dict *d = c->dict;
  const ev_token *tok = c->tokens.items;
  const ev_item *it = &c->items[k];
  const ev_rule *verb = &d->rules[d->nodes[it->node].verb];
  ev_binding bound;
  const ev_rule *rule = find_pattern(c, it, verb->group, sn->e, &bound);
  const ev_rule *fronted = !rule && !verb->code[0] && !verb->back_code[0]
                              ? fronted_object(c, it, verb->group, sn->s) : NULL;
  if (fronted) rule = fronted; /* "a declaration that A and B signed" */
  if (!rule) rule = verb;
  if (!rule->code[0] && !rule->back_code[0] && !strcmp(verb->code, "041") &&
      named_judgement(c, it, sn->e))
    rule = verb; /* "called Russia's policy a mistake": a judgement (below), though the
                    pattern "a" names only ("a step both sides called a first step") */
  /* a rule with only a code back (PETRARCH's "[:072]": "received tanks
   * from X") codes the target's act toward the source alone */
  int reversed = !rule->code[0] && rule->back_code[0];
  if (!rule->code[0] && !reversed) return;
  if (accused_of(c, k, sn->s)) return; /* "accused Y of shelling Z": the accusation only */
  if (rule == verb && strcmp(rule->code, "050") == 0 && it->last + 1 < sn->e &&
      c->tokens.items[it->last].id == d->tok_to && k + 1 < c->item_count &&
      c->items[k + 1].kind == IT_VERB && c->items[k + 1].first <= it->last + 2 &&
      codes_something(c, &c->items[k + 1], sn->e))
    return; /* "agreed to send troops": the act agreed to is the news */
  if (rule == verb && strcmp(rule->code, "030") == 0) {
    size_t u = past_day(c, it, sn->e); /* "decided on Monday to" */
    if (u + 1 < sn->e && c->tokens.items[u].id == d->tok_to && k + 1 < c->item_count &&
        c->items[k + 1].kind == IT_VERB && c->items[k + 1].first <= u + 2 &&
        decided_pressure(c, it, &c->items[k + 1], sn->e))
      return; /* "decided to impose sanctions", "voted to expel": the act of pressure
                 decided ("voted to enlarge its mission" stays the decision, 03) */
  }
  int agreed_to = 0; /* "agreed (on Friday) to work on ...": an intent (not "agree that",
                        which PETRARCH's 2.02 suite codes 05) */
  if (rule == verb && strcmp(rule->code, "050") == 0) {
    size_t u = past_day(c, it, sn->e); /* "agreed on Friday to" */
    if (u + 1 < sn->e && tok[u].id == d->tok_to && c->item_at[u + 1] < 0 &&
        !(tok[u + 1].flags & (EV_TF_PUNCT | EV_TF_DIGITS)) &&
        !tok_flag(c, u + 1, EV_VF_DET | EV_VF_PREP))
      agreed_to = 1;
  }
  if (charge_denied(c, it->first, sn->s))
    return; /* "accused Minsk of ..., a charge Minsk denies": code_charges_denied's */
  if (c->first_denial < it->first && !denial_answered(c, it, sn->s))
    return; /* "X denied that its forces shelled Y" */
  if (it->first > sn->s && tok_is(c, it->first - 1, "still") &&
      tok[it->first].end > tok[it->first].start &&
      (c->text[tok[it->first].end - 1] | 0x20) == 's' &&
      !(tok[it->first].end - tok[it->first].start > 1 &&
        (c->text[tok[it->first].end - 2] | 0x20) == 's'))
    return; /* "Russia, which still occupies a fifth of Georgia": a state of things */
  static const char *const unrealised[] = {"power", "right", "ability", "authority", "plan",
                                           "plans", "intention", "attempt", "attempts", "bid",
                                           "readiness", "willingness", "efforts", "effort",
                                           "option", "chance", "way", "freedom",
                                           "applied", "applies", "apply", "applying",
                                           "application", "applications", "aspirations",
                                           "ambitions", "desire", "request"};
  if (it->first >= sn->s + 2 && tok[it->first - 1].id == d->tok_to &&
      tok_in(c, it->first - 2, unrealised, sizeof unrealised / sizeof *unrealised))
    return; /* "limits the president's power to lift sanctions": a power, not its use;
               "applied to join the EU", "an application to join NATO": the application
               (02), not the accession */
  if (it->first >= sn->s + 3 && tok[it->first - 1].id == d->tok_to) {
    /* "a deal for Gazprom to supply gas", "a treaty committing Russia and
     * Uzbekistan to help each other": what a deal is for or binds its
     * parties to, not done; the actors before "to" follow "for" or a verb
     * that codes nothing */
    for (size_t m = 0; m < c->mention_count; m++) {
      if (c->mentions[m].last + 1 != it->first) continue;
      uint32_t b = c->mentions[group_start(c, m)].first;
      int32_t kb = b > sn->s ? c->item_at[b - 1] : -1;
      if (b > sn->s &&
          (tok_is(c, b - 1, "for") ||
           (kb >= 0 && c->items[kb].kind == IT_VERB && !codes_something(c, &c->items[kb], sn->e))))
        return;
    }
  }
  char code[6];
  memcpy(code, reversed ? rule->back_code : rule->code, sizeof code);
  int type = rule->type >= 0 ? rule->type : verb->type >= 0 ? verb->type : type_of_code(d, code);
  if (agreed_to) { /* CAMEO 03: "agree to ... or otherwise indicate willingness" */
    snprintf(code, sizeof code, "030");
    type = type_of_code(d, code);
  }
  if (c->first_accusation == k && bare_saying(c, it->first)) {
    snprintf(code, sizeof code, "112"); /* "Turkey said the jet had violated its airspace" */
    type = type_of_code(d, code);
  }
  int said_judged = !strcmp(code, "010") && bare_saying(c, it->first) &&
                    reported_judgement(c, k, sn->e);
  int judged = said_judged ||
               (!strcmp(verb->code, "041") && named_judgement(c, it, sn->e)); /* whatever
                  pattern fired ("called the expulsion blasphemous": not "call for expulsion") */
  if (!judged && naming_call(c, it, sn->s))
    return; /* "on what Moscow called the first joint patrol": a name, no act */
  if (judged) { /* "said the vote was an imitation": a criticism (CAMEO 111) */
    snprintf(code, sizeof code, "111");
    type = type_of_code(d, code);
  }
  if (ceased(c, it, sn->s)) { /* "stopped importing Russian gas" */
    const char *end = ceased_code(code);
    if (!end[0]) return;
    snprintf(code, sizeof code, "%s", end);
    type = type_of_code(d, code);
  }
  uint8_t flags = rule->flags | verb->flags;

  /* markers just before the verb, and "neither"/"no" just after it */
  int negated = 0, hypothesis = 0, threat = 0, intending = 0;
  int refusal = 0; /* the negation is a refusal: "refused to", "declined to" */
  static const char *const refuse_words[] = {"refused", "refuses", "refuse", "refusing",
                                             "declined", "declines", "decline", "declining"};
  int crossed = 0; /* an actor between: "if Russia invaded" (a hypothesis only) */
  for (size_t m = k; m-- > 0;) {
    const ev_item *mk = &c->items[m];
    if (mk->last + EV_MARKER_WINDOW <= it->first) break;
    if (mk->kind == IT_ACTOR) {
      crossed = 1;
      continue;
    }
    if (mk->kind != IT_MARKER) break;
    ev_marker what = (ev_marker)d->nodes[mk->node].marker;
    if (what == EV_MK_CLAUSE) break;
    negated |= what == EV_MK_NEGATION && !crossed;
    refusal |= what == EV_MK_NEGATION && !crossed &&
               tok_in(c, mk->first, refuse_words, sizeof refuse_words / sizeof *refuse_words);
    hypothesis |= what == EV_MK_HYPOTHESIS;
    threat |= what == EV_MK_THREAT && !crossed;
    intending |= what == EV_MK_INTENT && !crossed;
  }
  if (k + 1 < c->item_count && c->items[k + 1].kind == IT_MARKER &&
      c->items[k + 1].first == it->last &&
      d->nodes[c->items[k + 1].node].marker == EV_MK_NEGATION)
    negated = 1;
  if (k > 0 && c->items[k - 1].kind == IT_VERB && it->first > sn->s &&
      tok[it->first - 1].id == d->tok_to &&
      past_day(c, &c->items[k - 1], sn->e) + 1 == it->first &&
      tok_in(c, c->items[k - 1].first, refuse_words, sizeof refuse_words / sizeof *refuse_words))
    negated = refusal = 1; /* "refused on Monday to recognise", "declined in June to" */
  if (hypothesis && !threat) return;
  int root0 = code_root(code);
  if (!negated && root0 >= 11 && root0 != 13 &&
      conditional_future(c, it->first, it->last, sn->s, sn->e))
    threat = 1; /* "Gazprom will halt deliveries if no contract is signed" */
  if (!threat && unreported_would(c, it->first, sn->s, sn->e))
    return; /* "Russia would attack": not asserted */
  if (root0 != 13 && after_threat(c, k, sn->s))
    return; /* "warned that Kiev would face tougher controls": the threat's content */
  if (negated) {
    const char *neg_code = rule->neg_code[0] ? rule->neg_code : verb->neg_code;
    int neg_type = rule->neg_code[0] ? rule->neg_type : verb->neg_type;
    if (!neg_code[0]) {
      neg_code = NULL;
      for (size_t g = 0; g < d->negation_count; g++)
        if (d->negations[g].type == type) {
          neg_code = d->negations[g].code;
          neg_type = d->negations[g].new_type;
        }
    }
    if (refusal && !(neg_code && neg_code[0] == '1' && neg_code[1] == '2')) {
      neg_code = "120"; /* "refused to hand over": CAMEO 12, reject, whatever was refused */
      neg_type = type_of_code(d, neg_code);
    }
    if (!neg_code) return; /* a negated event with no negated form: nothing */
    snprintf(code, sizeof code, "%s", neg_code);
    type = neg_type;
  }
  if (intending && !negated && !threat) {
    /* "was ready to give financial aid": the intent to do it (03), or a threat
     * for an act of force ("ready to impose further sanctions") */
    const char *meant = intent_code(code);
    if (!meant) return;
    if (meant[0] == '1') {
      threat = 1;
    } else if (meant != code) {
      snprintf(code, sizeof code, "%s", meant);
      type = type_of_code(d, code);
    }
  }
  if (threat) {
    snprintf(code, sizeof code, "%s", threat_code(code));
    type = ORB_EV_THREATEN;
  }
  if (!negated && !threat && !intending && !reversed) /* "arrived in X": X hosts the visit */
    memcpy(sn->back, rule->back_code, sizeof sn->back);
  static const char *const spoke[] = {"spoke",  "spoken",     "speak", "speaks", "talked",
                                      "phoned", "telephoned", "held",  "had",    "holds",
                                      "has"};
  if (!negated && !threat && !reversed && !sn->back[0] && !strcmp(code, "041") &&
      (call_form(c, it->first) || tok_in(c, it->first, spoke, sizeof spoke / sizeof *spoke)))
    snprintf(sn->back, sizeof sn->back, "041"); /* a call is a conversation of both */

  /* passive: "was attacked by X"; but no feeling */
  int feeling = feeling_verb(c, it);
  int passive = it->first > sn->s && !feeling && tok_flag(c, it->first - 1, EV_VF_PASSIVE);
  /* "were fired on and seized by X": a participle joined by "and" to one
   * after a form of "be" a few words before, passive when "by" follows */
  int joined = 0;
  if (!passive && it->first >= sn->s + 3 && tok_is(c, it->first - 1, "and"))
    for (size_t u = it->first - 2; u > sn->s && u + 6 > it->first && !joined; u--) {
      if (tok[u].flags & EV_TF_PUNCT) break;
      joined = tok_flag(c, u - 1, EV_VF_PASSIVE);
    }
  /* "an exchange mediated by the UAE", "talks hosted by Turkey": a participle
   * right after a noun and right before "by" is a passive of its own */
  int reduced = !passive && !joined && it->first > sn->s && it->last < sn->e &&
                tok[it->last].id == d->tok_by &&
                (c->item_at[it->first - 1] < 0 ||
                 c->items[c->item_at[it->first - 1]].kind != IT_MARKER ||
                 d->nodes[c->items[c->item_at[it->first - 1]].node].marker >= EV_MK_COREF_ORG) &&
                (!(tok[it->first - 1].flags & (EV_TF_PUNCT | EV_TF_DIGITS)) ||
                 tok_is(c, it->first - 1, ",")) && /* "talks between A and B, mediated by" */
                !auxiliary(c, it->first - 1) && !gerund(c, it->first);
  size_t by_mention = SIZE_MAX;
  if ((passive || joined || reduced) && !feeling) {
    for (size_t m = 0; m < c->mention_count; m++) {
      const ev_mention *mn = &c->mentions[m];
      if (mn->first >= it->last && mn->first <= it->last + 3 && mn->first > 0 &&
          after_by(c, mn, sn->s)) { /* "by X", "by the X" */
        by_mention = m;
        passive = 1;
        break;
      }
    }
  }
  if (passive && by_mention == SIZE_MAX) {
    /* "were fired on and seized by X": the agent of a participle joined by
     * "and" a few words after */
    size_t and_at = SIZE_MAX;
    for (size_t u = it->last; u < sn->e && u <= it->last + 2 && and_at == SIZE_MAX; u++)
      if (tok_is(c, u, "and")) and_at = u;
    for (size_t m = 0; m < c->mention_count && and_at != SIZE_MAX; m++) {
      const ev_mention *mn = &c->mentions[m];
      if (mn->first > and_at + 1 && mn->first <= and_at + 4 &&
          tok[mn->first - 1].id == d->tok_by) {
        by_mention = m;
        break;
      }
    }
  }

  int verb_word = tree_word(c, it->first);
  if (by_mention == SIZE_MAX && verb_word >= 0 && !feeling) {
    /* "Georgia has been repeatedly attacked by Russian forces" */
    for (size_t m = 0; m < c->mention_count && by_mention == SIZE_MAX; m++)
      if (c->mentions[m].first >= it->last && tree_agent(c, &c->mentions[m], verb_word)) {
        by_mention = m;
        passive = 1;
      }
  }
  if (passive && by_mention != SIZE_MAX && rule == verb && !negated && !threat) {
    /* "Imports of Lithuanian dairy products were banned by Russia": the
     * pattern of the act in its subject */
    const ev_rule *before = find_pattern_before(c, it, verb->group, sn->s);
    if (before && before->code[0]) {
      memcpy(code, before->code, sizeof code);
      type = before->type >= 0 ? before->type : type_of_code(d, code);
      rule = before;
    }
  }

  /* the limits of the clause: the nearest clause marker before, next verb after */
  uint32_t clause_start = (uint32_t)sn->s, clause_end = (uint32_t)sn->e;
  if (c->dateline_end > clause_start && c->dateline_end <= it->first)
    clause_start = (uint32_t)c->dateline_end; /* the story starts after its dateline */
  for (size_t m = k; m-- > 0;)
    if (c->items[m].kind == IT_MARKER &&
        d->nodes[c->items[m].node].marker == EV_MK_CLAUSE) {
      clause_start = c->items[m].last;
      break;
    }
  int intent = rule->code[0] == '0' && rule->code[1] == '3';
  for (size_t m = k + 1; m < c->item_count; m++)
    if (intent && m == k + 1 && c->items[m].kind == IT_VERB &&
        c->items[m].first == past_day(c, it, sn->e) + 1 &&
        tok[c->items[m].first - 1].id == d->tok_to)
      continue; /* "offered to mediate between A and B": the intent's objects */
    else if ((c->items[m].kind == IT_VERB && d->rules[d->nodes[c->items[m].node].verb].code[0] &&
              !adverbial_noun(c, &c->items[m], clause_start) &&
              !(tok_is(c, it->last, "what") &&
                naming_call(c, &c->items[m], it->last))) || /* "condemned what they called
                                                               Russia's policy" */
        (c->items[m].kind == IT_MARKER && d->nodes[c->items[m].node].marker == EV_MK_CLAUSE)) {
      clause_end = c->items[m].first;
      break;
    }

  /* a participle after a comma opens a clause of its own ("failed to agree on
   * a price, leaving Poland and Lithuania short of gas"): what follows it is
   * not this verb's object */
  static const char *const not_clause[] = {"including", "according", "excluding", "following",
                                          "regarding", "concerning", "during", "notwithstanding"};
  for (uint32_t t = it->last + 1; t + 1 < clause_end; t++)
    if (tok_is(c, t, ",") && gerund(c, t + 1) &&
        !tok_in(c, t + 1, not_clause, sizeof not_clause / sizeof *not_clause) &&
        (c->item_at[t + 1] < 0 || c->items[c->item_at[t + 1]].kind == IT_VERB)) {
      clause_end = t; /* also a participle the dictionaries lack (", clearing the way") */
      break;
    }

  /* the actors after an earlier verb of the clause are its objects, not our
   * subject, unless that verb introduces speech ("said Azerbaijan decided") or
   * the actor stands right before our verb ("..., with both sides accusing") */
  uint32_t prev_verb_end = 0;
  int prev_intent = 0; /* it is an intent (03) right before "to": "pledged to expand" */
  /* a participle after a comma ("X will expel Y, the ministry said, accusing
   * Z"): a statement between is an attribution, the act before it the one
   * whose objects are no subject */
  int participle = it->first > sn->s && tok_is(c, it->first - 1, ",") && gerund(c, it->first);
  for (size_t m = k; m-- > 0 && c->items[m].last > clause_start;) {
    if (c->items[m].kind != IT_VERB) continue;
    const ev_rule *prev = &d->rules[d->nodes[c->items[m].node].verb];
    if (prev->flags & EV_RF_NOUN) continue; /* a noun event has no objects */
    if (!item_code(c, &c->items[m], sn->e)[0]) continue; /* "to help guard": no act */
    if (participle && prev->code[0] == '0' && prev->code[1] == '1') continue;
    if (prev->code[0] && !(prev->code[0] == '0' && prev->code[1] == '1'))
      prev_verb_end = c->items[m].last;
    const char *said = past_day(c, &c->items[m], sn->e) + 1 == it->first
                           ? item_code(c, &c->items[m], sn->e) : "";
    prev_intent = said[0] == '0' && said[1] == '3' &&
                  !decided_pressure(c, &c->items[m], it, sn->e); /* rule 191 */
    break;
  }
  if (prev_intent && tok[it->first - 1].id == d->tok_to)
    return; /* "pledged to expand cooperation": the intent (03) is the event */
  if (asked_for(c, k, clause_start, sn->e))
    return; /* "urged Serbia to recognise Kosovo": asked for, not done */
  uint32_t relative = relative_clause(c, it->first, clause_start);
  size_t source = (verb->flags & EV_RF_NOUN) ? noun_owner(c, it, clause_start) : SIZE_MAX;
  if ((verb->flags & EV_RF_NOUN) &&
      (reacted_to(c, source != SIZE_MAX ? c->mentions[source].first : it->first, clause_start) ||
       asked_to(c, it, clause_start)))
    return; /* "called for talks between A and B", "demanded the withdrawal of", "called on
               Georgia to keep in line with the bloc's sanctions" */
  if ((verb->flags & EV_RF_NOUN) && talks_left(c, it, clause_start))
    return; /* "pulling out of talks with the Netherlands": no meeting (the leaving is
               the verb's own) */
  if (source == SIZE_MAX && (verb->flags & EV_RF_NOUN))
    source = meeting_owner(c, it, sn->s, sn->e); /* "after talks with X, Y ..." */
  size_t target = SIZE_MAX;
  int source_alone = 0;
  if (!(verb->flags & EV_RF_NOUN)) {
    size_t antecedent = relative_subject(c, it, clause_start);
    if (antecedent == EV_NO_ACTOR) return; /* "the region, which fought": not ours to say */
    if (prepositional_relative(c, it, clause_start))
      return; /* "the election, in which the former prime minister defeated ..." */
    if (antecedent != SIZE_MAX) {
      source = antecedent;
      source_alone = 1;
    }
  }
  /* ", where clashes have killed": the subject is inside the relative clause
   * of place or time, never before it */
  uint32_t where = clause_start;
  for (uint32_t t = it->first; t > clause_start + 1 && where == clause_start; t--)
    if ((tok_is(c, t - 1, "where") || tok_is(c, t - 1, "when")) && tok_is(c, t - 2, ","))
      where = t - 1;
  /* a noun event without an owner has no subject: "the invasion" */
  for (size_t m = c->mention_count; source == SIZE_MAX && !(verb->flags & EV_RF_NOUN) && m-- > 0;) {
    const ev_mention *mn = &c->mentions[m];
    if (mn->last > it->first || mn->first < where) continue;
    if (mn->first >= relative && mn->last <= it->first) continue; /* ", who ..., " */
    if (prev_verb_end && mn->first >= prev_verb_end && !adjacent(c, mn->last, it->first) &&
        !responded_by(c, mn->last, it->first) && !attribution(c, mn, sn->s, sn->e) &&
        !new_clause_subject(c, mn, sn->e))
      continue; /* an object of the earlier verb, not the speaker of ", X said" nor the
                   subject of ", and Moscow responded by ordering" or ", and Putin signed
                   a decree recognising" */
    size_t head = group_start(c, m);
    if (!fronted && after_preposition(c, &c->mentions[head], clause_start) &&
        !in_first_phrase(c, c->mentions[head].first, clause_start,
                         passive && by_mention != SIZE_MAX)) {
      if (!adjacent(c, mn->last, it->first) || placed_after_actor(c, &c->mentions[head])) {
        m = head;
        continue; /* "The Russian embassy in London called": the embassy's, not London */
      }
      /* "with both sides accusing": the actor right before the verb is its
       * subject, but not the rest of its group ("between A and B and C sending") */
      source_alone = !mn->is_coref;
    }
    source = m;
  }
  if (source == SIZE_MAX && !(verb->flags & EV_RF_NOUN))
    source = tree_shared_subject(c, it); /* "X cut ... as ..., and demanded" */
  size_t first_after = SIZE_MAX, place = SIZE_MAX;
  int joint_pair = source != SIZE_MAX && !source_alone && code_root(code) >= 3 &&
                   code_root(code) <= 6 && group_end(c, source) == group_start(c, source) + 2;
  uint32_t opens_relative = first_relative(
      c, it->last, clause_end, (code[0] == '0' && code[1] == '1') || speech_word(c, it->first));
  for (size_t m = 0; m < c->mention_count; m++) {
    const ev_mention *mn = &c->mentions[m];
    if (mn->first < it->last || mn->first >= clause_end) continue;
    if (attribution(c, mn, sn->s, sn->e)) continue; /* "..., Ukrainian intelligence said" */
    if (new_clause_subject(c, mn, sn->e)) break; /* "..., and Ukraine's minister called" */
    if (mn->first > opens_relative)
      break; /* "brokered the deal that allowed Ukraine to ship grain" */
    if ((verb->flags & EV_RF_NOUN) && mn->first > it->last + 3 && !tree_under(c, mn, it))
      continue; /* a noun event's target lies in its own phrase (the tree says so
                   but for the next few words: "threats against X arouse") */
    if (first_after == SIZE_MAX) first_after = m;
    if (source != SIZE_MAX && mn->id == c->mentions[source].id) {
      /* "Russia's parliament urged the Kremlin to sever relations with
       * Tallinn": an act on the source itself, its direct object (only
       * determiners between), is no event, and no later actor takes its place */
      int direct = m == first_after;
      for (uint32_t t = it->last; direct && t < mn->first; t++)
        direct = tok_flag(c, t, EV_VF_DET);
      if (direct && !(verb->flags & EV_RF_NOUN) && mn->is_coref != EV_COREF_OWNER) return;
      continue; /* interned; "its border": the source's own */
    }
    if (source == SIZE_MAX && mn->group == c->mentions[first_after].group) continue;
    if (place != SIZE_MAX && mn->group == c->mentions[place].group) continue;
    if (((code[0] == '0' && (code[1] == '4' || code[1] == '5')) ||
         (code[0] == '1' && code[1] == '1')) &&
        venue(c, mn, sn->s, sn->e))
      continue; /* "met on the sidelines of the UN General Assembly": not whom; "signed
                   at a summit of the CIS": not with whom; "called the move pressure
                   ahead of an EU summit": not whom it criticises */
    if ((verb->flags & EV_RF_NOUN) && source != SIZE_MAX && after_by(c, mn, sn->s))
      continue; /* "talks between A and B hosted by C": C hosts, no party */
    if (topic(c, it, code, group_start(c, m)))
      continue; /* "discussed Syria", "talks on Karabakh": what about, not with whom */
    size_t prep = place_prep(c, mn);
    if (code_root(code) == 4 && prep != SIZE_MAX && prep >= it->last)
      continue; /* "gather in Washington", unparsed: the meeting's venue (not "arrived in
                   Moscow", whose "in" is the verb's) */
    if (code_root(code) != 4 && gathering_place(c, mn))
      continue; /* "stayed away from the hearing in Hamburg": its venue, no party */
    if (place == SIZE_MAX && tree_place(c, mn) && !phrase_object(c, it, mn)) {
      place = m; /* the target only if no other actor follows */
      continue;
    }
    if (mn->last < clause_end &&
        (tok_is(c, mn->last, "resolution") || tok_is(c, mn->last, "resolutions")))
      continue; /* "vetoed a U.N. Security Council resolution": the council's text,
                   no party to the act */
    if (joint_pair && purpose_between(c, it->last, mn->first))
      break; /* "A and B reached a deal to end their dispute over a pipeline from
                C": a joint act of the two on each other, C is the purpose's */
    target = m;
    break;
  }
  if (target == SIZE_MAX && code_root(code) != 4)
    target = place; /* not "NATO leaders gather in Washington": a meeting's place is
                       its venue, not a party (the host is named: "hosted by") */
  if (target == SIZE_MAX && (code_root(code) == 11 || code_root(code) == 12) && !negated)
    target = reacted_agent(c, it, clause_end, sn->e); /* "condemned the shelling by X" */
  if (said_judged && target != SIZE_MAX && !reported_subject(c, k, target)) {
    /* of the thing judged, its agent ("held under interference by Russia"),
     * else the author of the latest act; not whoever the judgement names
     * ("without Kyiv's consent") */
    size_t agent = SIZE_MAX;
    for (size_t m = target; m < c->mention_count && agent == SIZE_MAX; m++)
      if (c->mentions[m].first < clause_end && after_by(c, &c->mentions[m], sn->s)) agent = m;
    target = agent;
  }
  if (target == SIZE_MAX && source != SIZE_MAX && !(verb->flags & EV_RF_NOUN)) {
    size_t object = relative_object(c, &c->mentions[source], clause_start);
    if (object != SIZE_MAX && object != EV_NO_ACTOR &&
        c->mentions[object].id != c->mentions[source].id)
      target = object; /* "..., which it accuses"; not "sanctions on Russia, which Moscow
                          condemned" (the act, not the state) */
  }
  if (target != SIZE_MAX && code[0] == '1' && code[1] == '5')
    target = destination(c, target, clause_end);
  if (source == SIZE_MAX && (verb->flags & EV_RF_NOUN)) {
    /* "the shelling of X by Y": Y did it to X */
    for (size_t m = first_after; m < c->mention_count && by_mention == SIZE_MAX; m++)
      if (c->mentions[m].first < clause_end && after_by(c, &c->mentions[m], sn->s))
        by_mention = m;
    if (by_mention != SIZE_MAX) {
      source = by_mention;
      target = c->mentions[first_after].group != c->mentions[by_mention].group ? first_after
                                                                             : SIZE_MAX;
      /* "a visit by X to Y", "the shelling by X of Y": the next actor after
       * the agent's group, when the agent comes first */
      for (size_t m = group_end(c, by_mention); target == SIZE_MAX && m < c->mention_count &&
                                                c->mentions[m].first < clause_end;
           m++)
        if (!attribution(c, &c->mentions[m], sn->s, sn->e) &&
            c->mentions[m].id != c->mentions[by_mention].id)
          target = m;
      passive = 0;
      by_mention = SIZE_MAX;
    }
  }
  if (target != SIZE_MAX && (target == place || shallow_place(c, &c->mentions[target])) &&
      source != SIZE_MAX &&
      (group_end(c, source) == group_start(c, source) + 2 ||
       (code[0] == '0' && code[1] == '5' && group_end(c, source) > group_start(c, source) + 2)))
    target = SIZE_MAX; /* "A and B agreed to a ceasefire at talks in C": A and B; "A, B and
                          C signed a convention in the Kazakh port": the three */
  else if (target != SIZE_MAX && target == place && code[0] == '0' && code[1] == '5' &&
           !passive)
    return; /* "backs a corridor across southern Armenia": support of a thing there */
  int pinned = bound.target != SIZE_MAX || bound.source != SIZE_MAX ||
               (rule->flags & EV_RF_SUBJECT_TARGET);
  if (source != SIZE_MAX && !resolution_author(c, it, &c->mentions[source]))
    return; /* "India abstained in the vote on the resolution condemning Russia" */
  if (passive && !pinned && code_root(code) == 1 &&
      (source == SIZE_MAX || c->mentions[source].first >= it->last))
    return; /* "The measures were announced in a joint statement by A, B and C": a
               statement in the passive, what was said its subject, no actor undergoes it */
  if (pinned && !pin_actors(c, rule, &bound, passive ? by_mention : SIZE_MAX, &source,
                            &target))
    return; /* "+ * ..." without a "$": no source */
  if (pinned) {
    /* the pattern said who is who: no passive turns them round */
  } else if (passive && by_mention != SIZE_MAX) {
    target = reduced && source != SIZE_MAX && (shallow_place(c, &c->mentions[source]) ||
                                               tree_place(c, &c->mentions[source]))
                 ? SIZE_MAX : source; /* "talks in Berlin mediated by the EU": not Berlin */
    source = by_mention;
  } else if (passive_verb(c, it, sn->s) && source != SIZE_MAX && target != SIZE_MAX &&
             (target == place || shallow_place(c, &c->mentions[target]))) {
    return; /* "a Russian helicopter was shot down over Armenia": by whom, not said */
  } else if (passive_verb(c, it, sn->s) && source != SIZE_MAX && target != SIZE_MAX) {
    /* a passive without its agent: the subject underwent it, the actor named
     * after the verb did it ("Georgia was criticised over its dispute with
     * Russia", "was admitted to NATO") */
    size_t t = target;
    target = source;
    source = t;
  }
  static const char *const welcome[] = {"welcomed", "welcomes", "welcome", "welcoming",
                                        "praised",  "praises",  "hailed",  "hails",
                                        "applauded"};
  int reaction = (code[0] == '1' && (code[1] == '1' || code[1] == '2')) || /* criticise, reject */
                 (!strncmp(code, "051", 3) &&
                  tok_in(c, it->first, welcome, sizeof welcome / sizeof *welcome)); /* "welcomed
                                                                         the step" */
  if (target == SIZE_MAX && source != SIZE_MAX && reaction && !negated && !threat &&
      !(flags & EV_RF_SOLO) &&
      (it->last >= sn->e || tok_is(c, it->last, "as") ||
       (tok[it->last].flags & EV_TF_PUNCT))) {
    /* "a verdict Kiev denounced as a show trial", "a visit that EU leaders
     * criticised", "..., which Moscow rejected.": a reaction with its object
     * before it reacts to the act just coded in the sentence, so to its
     * author */
    const ev_mention *author = latest_act_source(sn, c->mentions[source].id);
    if (!author) author = first_clause_subject(c, sn, &c->mentions[source]); /* "X closed
                                    the road, a move that Armenia condemned" */
    if (author) {
      queue(sn, &c->mentions[source], author, code, type, rule);
      return;
    }
  }
  if (target == SIZE_MAX && source != SIZE_MAX && (flags & EV_RF_REPLY) && !negated) {
    /* "Moscow said it would respond": toward the one it accused in the
     * sentence ("accused Ukraine ... and said Russia reserved the right to
     * retaliate"), else the author of the latest act */
    const ev_mention *accused = accused_in_sentence(sn, c->mentions[source].id);
    if (accused)
      queue(sn, &c->mentions[source], accused, code, type, rule);
    else if (latest_author(c, c->mentions[source].id, it->last))
      queue(sn, &c->mentions[source], &c->implied, code, type, rule);
    return;
  }
  int criticism = reaction && ((it->last < sn->e &&
                               (tok_is(c, it->last, "the") || tok_is(c, it->last, "this") ||
                                tok_is(c, it->last, "these"))) ||
                              judged);
  int denied_that = 0; /* "denied (once more) that Kyiv had attacked Moscow": what is denied,
                          no target */
  if (strcmp(code, "016") == 0) {
    uint32_t u = it->last;
    while (u < sn->e && u < it->last + 2 && c->item_at[u] < 0 && !tok_is(c, u, "that") &&
           !(tok[u].flags & EV_TF_PUNCT))
      u++;
    denied_that = u < sn->e && tok_is(c, u, "that");
    if (denied_that) target = SIZE_MAX;
  }
  if (rule == verb && strcmp(code, "016") == 0 && target != SIZE_MAX &&
      !adjacent(c, it->last, c->mentions[target].first))
    return; /* "denied visas to Georgian officials": no denial of Georgia's */
  static const char *const denied[] = {"that", "the", "any", "having", "its", "their",
                                       "reports", "claims", "accusations", "allegations",
                                       "charges", "involvement", "responsibility"};
  int denial = strcmp(code, "016") == 0 && it->last < sn->e &&
               (tok_in(c, it->last, denied, sizeof denied / sizeof *denied) ||
                gerund(c, it->last) || denied_that); /* "denied firing at Ganja" */
  if (target == SIZE_MAX && source != SIZE_MAX && (criticism || denial) && !negated &&
      !(flags & EV_RF_SOLO) && one_actor(c, source)) {
    /* "X were banned by Russia, and Lithuania's minister called the move
     * pressure": the act just reported in the sentence, so its author */
    const ev_mention *author = latest_act_source(sn, c->mentions[source].id);
    if (!author && criticism) author = first_clause_subject(c, sn, &c->mentions[source]);
    if (author) {
      queue(sn, &c->mentions[source], author, code, type, rule);
      return;
    }
  }
  if (target == SIZE_MAX && source != SIZE_MAX && (criticism || denial) &&
      !negated && !(flags & EV_RF_SOLO) && one_actor(c, source) &&
      latest_author(c, c->mentions[source].id, it->last)) {
    /* "Kyiv called the decree an attack on its sovereignty", "Lavrov called the
     * removal blasphemous": a criticism of a definite thing ("the", "this")
     * that names no actor criticises the thing just reported, so its author,
     * the source of the latest sentence's first event (as "the move" does);
     * "Moscow denied that ...", "denied the charge": a denial that names no
     * actor answers the latest sentence's act, so its author; when that is
     * the critic itself, the author of the act before ("Moscow has called
     * the deployment a threat" after Moscow's own annexation was recalled) */
    int own_act = c->recent.subject == c->mentions[source].id;
    /* after a criticism of Y, "said the bridge ... violated" is Y's too */
    int chained = said_judged && !own_act && c->recent.event_reaction &&
                  c->recent.event_pair[0] == c->recent.subject &&
                  c->recent.event_pair[1] != c->mentions[source].id;
    if (chained) {
      c->implied.id = c->recent.event_pair[1];
      c->implied.role = 0;
      c->implied.is_org = 0;
    }
    queue(sn, &c->mentions[source], &c->implied, code, type, rule);
    for (size_t j = 0; j < c->recent.cosubject_count && !own_act && !chained; j++) {
      c->implied_more[j] = c->implied;
      c->implied_more[j].id = c->recent.cosubject[j];
      c->implied_more[j].role = 0;
      c->implied_more[j].is_org = 0;
      queue(sn, &c->mentions[source], &c->implied_more[j], code, type, rule);
    }
    return;
  }
  if (code[0] == '0' && code[1] == '1' && (!code[2] || code[2] == '0') &&
      reports(c, k, target, sn->e)) {
    /* "A says B is massing troops": B's act is the news, not A's words; but
     * "A said B should leave", "must withdraw": A's demand on B (CAMEO 10) */
    if (source != SIZE_MAX && target != SIZE_MAX && !negated &&
        reported_obligation(c, target, sn->e)) {
      static const char demand[] = "100";
      queue_pairs(c, sn, source, target, 1, demand, type_of_code(d, demand), rule);
    }
    return;
  }
  if (!strcmp(code, "010") && bare_saying(c, it->first))
    return; /* "Erdogan said Sweden was a haven": a bare "X said" is no event */
  if (source == SIZE_MAX && (flags & EV_RF_SOLO)) {
    /* "They abstained at the UNGA (Armenia, ...)": the first states after */
    for (size_t m = first_after; m < c->mention_count && source == SIZE_MAX; m++)
      if (c->mentions[m].first < clause_end && !c->mentions[m].is_org) source = m;
    if (source == SIZE_MAX) return;
    target = SIZE_MAX;
  } else if (source == SIZE_MAX) {
    /* a noun event or a passive without its agent: "clashes erupted at the X-Y
     * border", "the withdrawal of Russian troops from Armenia" */
    if (first_after == SIZE_MAX || !((verb->flags & EV_RF_NOUN) || passive)) return;
    static const char *const in[] = {"in", "inside", "near"};
    uint32_t before = c->mentions[first_after].first;
    while (before > it->last && tok_flag(c, before - 1, EV_VF_DET))
      before--;
    if ((verb->flags & EV_RF_NOUN) && before > it->last &&
        tok_in(c, before - 1, in, sizeof in / sizeof *in))
      return; /* "plotting attacks in Crimea": where, not who */
    source = first_after;
  }
  if (reversed) { /* "Ukraine received tanks from Denmark": Denmark gave them */
    if (source == SIZE_MAX || target == SIZE_MAX) return;
    for (size_t a = group_start(c, target); a < group_end(c, target); a++)
      for (size_t b = source_alone ? source : group_start(c, source);
           b < (source_alone ? source + 1 : group_end(c, source)); b++)
        queue(sn, &c->mentions[a], &c->mentions[b], code, type, rule);
    return;
  }
  int root = code_root(code);
  if (target != SIZE_MAX && !source_alone && root >= 3 && root <= 6) {
    /* "Russia and Armenia signed a protocol extending the lease of the
     * Russian base": a joint act whose "target" is one of its own parties is
     * an act of the parties on each other */
    for (size_t a = group_start(c, source); a < group_end(c, source); a++)
      if (c->mentions[a].id == c->mentions[target].id &&
          group_end(c, source) - group_start(c, source) >= 2) {
        target = SIZE_MAX;
        break;
      }
  }
  static const char *const host[] = {"host", "hosts", "hosted", "hosting"};
  if (target == SIZE_MAX && source != SIZE_MAX &&
      (!strcmp(code, "045") ||
       (!strcmp(code, "043") && tok_in(c, it->first, host, sizeof host / sizeof *host)))) {
    /* "Germany and France mediated talks between Russia and Ukraine", "Putin
     * hosted talks between A and B": the mediators or hosts act toward the
     * parties, never toward each other; "X signed a deal after talks mediated
     * by Y": toward the actor before them */
    size_t parties = SIZE_MAX;
    for (size_t m = group_end(c, source); m < c->mention_count && parties == SIZE_MAX; m++)
      if (c->mentions[m].first > it->last && c->mentions[m].first < sn->e &&
          tok_is(c, c->mentions[m].first - 1, "between"))
        parties = m;
    size_t from = c->dateline_end > sn->s && c->dateline_end <= it->first ? c->dateline_end
                                                                           : sn->s;
    for (size_t m = group_start(c, source); parties == SIZE_MAX && m-- > 0;)
      if (c->mentions[m].first >= from &&
          !tree_place(c, &c->mentions[m]) && !shallow_place(c, &c->mentions[m]))
        parties = m;
    if (parties != SIZE_MAX) {
      queue_pairs(c, sn, source, parties, 1, code, type, rule);
    } else if (c->recent.event_pair[0] >= 0 && c->recent.event_pair[1] >= 0) {
      /* "The meeting, hosted by Turkey, lasted an hour": the latest pair's */
      c->implied = implied_at(it->last, c->recent.event_pair[0], 0, 0);
      c->implied_more[0] = implied_at(it->last, c->recent.event_pair[1], 0, 0);
      for (size_t a = group_start(c, source); a < group_end(c, source); a++) {
        queue(sn, &c->mentions[a], &c->implied, code, type, rule);
        queue(sn, &c->mentions[a], &c->implied_more[0], code, type, rule);
      }
    }
    return;
  }
  if (target == SIZE_MAX && source != SIZE_MAX && code[0] == '1' && code[1] == '6' &&
      !negated && !threat) {
    size_t partner = treaty_partner(c, it, c->mentions[source].id, sn->e);
    if (partner != SIZE_MAX) target = partner;
  }
  if (target == SIZE_MAX && source != SIZE_MAX && !negated && !threat &&
      !(verb->flags & EV_RF_NOUN) && group_end(c, source) == group_start(c, source) + 1 &&
      ((!strcmp(code, "0874") && troops_moved(c, it, sn->e)) || !strncmp(code, "192", 3)) &&
      asserted(c, it, sn->s)) {
    /* "Ukraine pulled its troops out of Avdiivka", "its forces took control of
     * the town": a retreat from the foe, land taken from it; the foe is the
     * other of the two states the article names most (verbs only: "the Kursk
     * incursion" names no act of this story) */
    int32_t a, b, id = c->mentions[source].id;
    main_pair(c, &a, &b);
    int32_t foe = id == a ? b : id == b ? a : -1;
    if (foe >= 0) {
      c->implied = implied_at(it->last, foe, 0, 0);
      queue(sn, &c->mentions[source], &c->implied, code, type, rule);
      return;
    }
  }
  if (target == SIZE_MAX && !(flags & EV_RF_SOLO) && !source_alone) {
    /* "Armenia and Azerbaijan clashed", "the two sides accused each other": one
     * on the other, for cooperation, meetings and fights or a coreferent pair;
     * a group of more right before the verb, with no actor after it in its
     * clause but places and venues ("Russia, Belarus and Kazakhstan signed a
     * treaty at a CIS summit in Yalta") pairwise; a
     * de-escalation (087x: a ceasefire, troops pulled back) by two is mutual too */
    size_t g = group_start(c, source), ge = group_end(c, source);
    static const char *const swap[] = {"exchanged", "exchange", "exchanges", "swapped",
                                       "swap", "swaps"};
    int visit = !strcmp(code, "042") || !strcmp(code, "043"); /* "A and B attended": not each
                                                                  other's guests */
    static const char *const they[] = {"they", "them", "their"};
    static const char *const listing[] = {"them", "including", "among"};
    int before = !(c->mentions[g].first > it->first &&
                   tok_in(c, c->mentions[g].first - 1, listing,
                          sizeof listing / sizeof *listing)); /* not "are expected at the
                                                                  parade, among them A and B" */
    int mutual = (before && ((root >= 3 && root <= 6 && !visit) || root >= 18 ||
                             !strncmp(code, "087", 3) ||
                             (c->mentions[g].is_coref && /* "the two sides", not "they" */
                              !tok_in(c, c->mentions[g].first, they,
                                      sizeof they / sizeof *they)))) ||
                 reciprocal(c, it->last, clause_end) ||
                 !strcmp(rule->back_code, code) || /* "exchanged prisoners": each the other's */
                 tok_in(c, it->first, swap, sizeof swap / sizeof *swap);
    int alone = 1; /* no actor after the verb in its clause but places and venues */
    for (size_t m = ge; m < c->mention_count && alone; m++) {
      const ev_mention *mn = &c->mentions[m];
      if (mn->first < it->last) continue;
      if (mn->first >= clause_end || mn->first > opens_relative) break;
      alone = tree_place(c, mn) || shallow_place(c, mn) || venue(c, mn, sn->s, sn->e) ||
              in_group(c, g, ge, mn->id) || noun_modifier(c, mn, sn->e);
    }
    if (mutual && (ge == g + 2 ||
                   (ge > g + 2 && alone && adjacent(c, c->mentions[ge - 1].last, it->first))))
      for (size_t a = g; a < ge; a++)
        for (size_t b = g; b < ge; b++)
          if (a != b && !(one_entry(&c->mentions[a], &c->mentions[b]) &&
                          !one_entry(&c->mentions[g], &c->mentions[ge - 1])))
            queue(sn, &c->mentions[a], &c->mentions[b], code, type, rule);
    return; /* but the parts of one entry in a larger group do not act on each other
               ("Ukraine and the separatist Donetsk and Luhansk regions exchanged") */
  }
  if ((rule->flags & EV_RF_JOINT) && group_end(c, source) == group_start(c, source) + 1 &&
      !(target != SIZE_MAX && after_with(c, &c->mentions[target], sn->s)))
    return; /* "Armenia agreed to return four villages to Azerbaijan": one party's
               consent names the act agreed to, no agreement with whom it concerns */
  if (source_alone) {
    if (target == SIZE_MAX) {
      if (flags & EV_RF_SOLO) queue(sn, &c->mentions[source], NULL, code, type, rule);
      return;
    }
    for (size_t b = group_start(c, target); b < group_end(c, target); b++)
      queue(sn, &c->mentions[source], &c->mentions[b], code, type, rule);
    return;
  }
  if (target == SIZE_MAX) {
    queue_pairs(c, sn, source, 0, 0, code, type, rule);
    return;
  }
  queue_pairs(c, sn, source, target, 1, code, type, rule);
}

/* Whether verb item it's clause holds talks as an adverbial without their
 * parties ("signed the accord after talks in Sochi", "told Putin, in talks at
 * the Kremlin, that", "After two days of talks, A and B agreed"): a
 * preposition of time or place, up to three determiners, adjectives or a
 * measure, and a meeting's noun followed by no "with", "between" or "of";
 * within the clause (no ";", relative pronoun or quote between). */
static int adverbial_talks(const orb_coder *c, const ev_item *it, size_t s, size_t e) {
  static const char *const when[] = {"after", "during", "following", "in", "at"};
  static const char *const talks[] = {"talks", "meeting", "negotiations", "consultations"};
  static const char *const parties[] = {"with", "between", "of"};
  for (size_t t = s; t < e && t < it->last + 16; t++) {
    if (t >= it->last && (tok_is(c, t, ";") || tok_is(c, t, "which") || tok_is(c, t, "who") ||
                          tok_is(c, t, "\"")))
      return 0;
    if (t >= it->first && t < it->last) continue;
    if (!tok_in(c, t, talks, sizeof talks / sizeof *talks) ||
        (t + 1 < e && tok_in(c, t + 1, parties, sizeof parties / sizeof *parties)))
      continue;
    size_t prep = noun_preposition(c, t, s, when, sizeof when / sizeof *when);
    if (prep != SIZE_MAX && (t >= it->last || prep == s))
      return 1; /* after the verb, or a phrase that opens the sentence */
  }
  return 0;
}

/* Codes verb item k: its events, then for a verb with a code back ("arrived
 * in X": X hosts the visit) the event of each target toward its source, then
 * the talks that led to them (adverbial_talks): a meeting (CAMEO 040) of the
 * parties of a joint act with each other, and of the source of a
 * cooperative act (roots 01-08) with its target, both ways. */
static void code_verb(orb_coder *c, ev_sentence *sn, size_t k) {
  sn->back[0] = '\0';
  sn->tried_count = 0;
  code_verb_events(c, sn, k);
  const ev_item *it = &c->items[k];
  if (sn->tried_count && adverbial_talks(c, it, sn->s, sn->e)) {
    static const char meet[] = "040";
    const ev_rule *rule = sn->tried[0].rule;
    int type = type_of_code(c->dict, meet);
    for (size_t i = 0, n = sn->tried_count; i < n; i++) {
      const ev_mention *a = sn->tried[i].source, *b = sn->tried[i].target;
      size_t m = 0; /* a's index; an implied actor has none */
      while (m < c->mention_count && &c->mentions[m] != a) m++;
      size_t size = m < c->mention_count ? group_end(c, m) - group_start(c, m) : 0;
      int joint = size == 2;
      const char *code = sn->tried[i].rule->code;
      for (size_t j = 0; j < sn->event_count; j++)
        if (sn->events[j].source == a && sn->events[j].target == b) code = sn->events[j].code;
      int root = code_root(code);
      if (joint && !a->is_coref) { /* "A and B signed ... after talks": each with the other */
        for (size_t o = group_start(c, m); o < group_end(c, m); o++)
          if (o != m && !c->mentions[o].is_coref) queue(sn, a, &c->mentions[o], meet, type, rule);
      } else if (size == 1 && b && !a->is_coref && !b->is_coref && root >= 1 && root <= 8) {
        queue(sn, a, b, meet, type, rule); /* "A signed ... with B after talks" */
        queue(sn, b, a, meet, type, rule);
      }
    }
  }
  if (!sn->back[0]) return;
  int type = type_of_code(c->dict, sn->back);
  /* each pair the verb coded, also one already queued by another verb ("arrived in
   * Kyrgyzstan for talks with Japarov": the talks back) */
  for (size_t i = 0, n = sn->tried_count; i < n; i++)
    queue(sn, sn->tried[i].target, sn->tried[i].source, sn->back, type, sn->tried[i].rule);
}

/* Codes a protest given as the reason of a sanction ("recalled its
 * ambassador in protest at the visit", "shut a border crossing in protest
 * at"): for each event of root 16 or code 191 in a
 * sentence that says "in protest", a criticism (CAMEO 111) of the same
 * target by the same source. */
static void protest_reason(const orb_coder *c, ev_sentence *sn) {
  int protest = 0;
  for (size_t t = sn->s; t + 1 < sn->e && !protest; t++)
    protest = tok_is(c, t, "in") && tok_is(c, t + 1, "protest");
  if (!protest) return;
  static const char criticise[] = "111";
  int type = type_of_code(c->dict, criticise);
  for (size_t i = 0, n = sn->event_count; i < n; i++)
    if (sn->events[i].target && (code_root(sn->events[i].code) == 16 ||
                                 !strncmp(sn->events[i].code, "191", 3)))
      queue(sn, sn->events[i].source, sn->events[i].target, criticise, type, sn->events[i].rule);
}

/* Codes each occupation (CAMEO 192) of a territory that is part of a state
 * against the state ("Russia annexed Crimea": against Ukraine), once. */
static void occupied_whole(const orb_dict *d, ev_sentence *sn) {
  size_t kept = 0;
  for (size_t i = 0; i < sn->event_count; i++) {
    ev_pending *p = &sn->events[i];
    if (p->target && strncmp(p->code, "192", 3) == 0)
      for (size_t j = d->part_count; j-- > 0;) /* a later file's entry wins */
        if (d->parts[j].part == p->target_id) {
          p->target_id = d->parts[j].whole;
          break;
        }
    int twice = 0;
    for (size_t j = 0; j < kept && !twice; j++)
      twice = sn->events[j].source->id == p->source->id &&
              sn->events[j].target_id == p->target_id &&
              strncmp(sn->events[j].code, p->code, 2) == 0;
    if (!twice) sn->events[kept++] = *p;
  }
  sn->event_count = kept;
}

/* Sends the queued events of a sentence; returns 0 if the sink asked to stop. */
static int emit(orb_coder *c, ev_sentence *sn, orb_event_sink sink, void *user) {
  const orb_dict *d = c->dict;
  for (size_t i = 0; i < sn->event_count; i++) {
    const ev_pending *p = &sn->events[i];
    orb_coded_event ev = {
      .doc = c->name,
      .date = sn->date,
      .precision = sn->precision,
      .date_source = sn->date_source,
      .source = ev_string(d, p->source->id),
      .source_role = ev_string(d, p->source->role),
      .target = p->target ? ev_string(d, p->target_id) : "",
      .target_role = p->target ? ev_string(d, p->target->role) : "",
      .type = p->type,
      .sentence = sn->text + sn->text_start,
      .sentence_len = sn->text_end - sn->text_start,
      .start = sn->offset + sn->text_start,
      .end = sn->offset + sn->text_end,
      .rule = ev_string(d, p->rule->name),
    };
    snprintf(ev.cameo, sizeof ev.cameo, "%s", p->code);
    if (p->code[0] == '1' && p->code[1] == '3' && c->article != ORB_DATE_NONE &&
        sn->date != ORB_DATE_NONE && (sn->date > c->article || sn->precision != ORB_PREC_DAY)) {
      /* a threat is made when spoken, not on the date it names ("will halt
       * supplies from January 1 if ...", "would face controls if it signed
       * a pact in November") */
      ev.date = c->article;
      ev.precision = ORB_PREC_DAY;
      ev.date_source = ORB_DATE_FROM_ARTICLE;
    }
    c->stats.events++;
    if (sink && sink(&ev, user)) return 0;
  }
  return 1;
}

/* Codes tokens [s, e) of the paragraph text as one sentence. */
static orb_status code_sentence(orb_coder *c, const char *text, size_t len,
                                uint64_t offset, size_t s, size_t e,
                                orb_event_sink sink, void *user) {
  const ev_token *tok = c->tokens.items;
  ev_sentence sn = {.s = s, .e = e, .text = text, .offset = offset};
  c->stats.sentences++;
  sn.text_start = tok[s].start;
  sn.text_end = e < c->tokens.count ? tok[e].start : len;
  while (sn.text_end > sn.text_start &&
         (text[sn.text_end - 1] == ' ' || text[sn.text_end - 1] == '\t' ||
          text[sn.text_end - 1] == '\r'))
    sn.text_end--;
  if (ev_sentence_date(text, tok + s, e - s, c->article, &sn.date, &sn.precision)) {
    sn.date_source = ORB_DATE_FROM_TEXT;
  } else if (c->article != ORB_DATE_NONE) {
    sn.date = c->article;
    sn.precision = ORB_PREC_DAY;
    sn.date_source = ORB_DATE_FROM_ARTICLE;
  } else {
    sn.date = ORB_DATE_NONE;
    sn.precision = ORB_PREC_DAY;
    sn.date_source = ORB_DATE_UNKNOWN;
  }
  orb_status st = match_sentence(c, s, e);
  if (st) return st;
  for (size_t t = s; t < e; t++) c->item_at[t] = -1;
  for (size_t k = 0; k < c->item_count; k++)
    for (uint32_t t = c->items[k].first; t < c->items[k].last; t++) c->item_at[t] = (int32_t)k;
  st = find_mentions(c, sn.date, s, e);
  if (st) return st;
  int verbs = 0;
  for (size_t k = 0; k < c->item_count; k++) verbs += c->items[k].kind == IT_VERB;
  c->tagged_n = 0; /* sentences with an actor and a verb are tagged */
  c->parsed = 0;
  int tagged = c->parser && verbs && c->mention_count
                   ? ev_tag_tokens(c->parser, text, tok + s, e - s, c->upos, NULL, NULL)
                   : 0;
  if (tagged) {
    c->tagged_s = s;
    c->tagged_n = e - s;
  }
  for (size_t k = 0; k < c->item_count; k++) { /* verbs used as nouns code nothing */
    ev_item *it = &c->items[k];
    if (it->kind == IT_VERB && !(c->dict->rules[c->dict->nodes[it->node].verb].flags & EV_RF_NOUN) &&
        ((reads_as_noun(c, it, s) && !tagged_verb(c, it)) || not_a_verb(c, it)))
      it->kind = IT_NOUN;
  }
  c->last_verb = c->first_accusation = SIZE_MAX;
  c->first_denial = verbs ? first_denial(c, s, e) : SIZE_MAX;
  c->modality_read = 0; /* speech_and_condition reads the sentence when needed */
  for (size_t k = 0; k < c->item_count; k++) {
    if (c->items[k].kind != IT_VERB) continue;
    const char *code = c->dict->rules[c->dict->nodes[c->items[k].node].verb].code;
    if (c->first_accusation == SIZE_MAX && code[0] == '1' && code[1] == '1')
      c->first_accusation = k;
    c->last_verb = k;
  }
  c->accusation_of = SIZE_MAX;
  c->reported_act = 0;
  if (c->first_accusation != SIZE_MAX) /* "accused Y of", "charged that" */
    for (size_t u = c->items[c->first_accusation].last; u < e; u++)
      if (c->tokens.items[u].id == c->dict->tok_of ||
          (u == c->items[c->first_accusation].last && tok_is(c, u, "that"))) {
        c->accusation_of = u;
        break;
      }
  for (size_t k = 0; k < c->item_count && c->first_accusation == SIZE_MAX; k++) {
    /* "said Russia was behind the attack": an accusation too, of what follows */
    if (c->items[k].kind != IT_VERB || !bare_saying(c, c->items[k].first)) continue;
    size_t m = 0;
    while (m < c->mention_count && c->mentions[m].first < c->items[k].last) m++;
    if (m < c->mention_count && !reported_subject(c, k, m) &&
        group_end(c, m) < c->mention_count)
      m = group_end(c, m); /* "told Orban that Ukraine": the addressee's group first */
    int subject = m < c->mention_count && reported_subject(c, k, m);
    size_t wrong = subject ? reported_wrong(c, m, e) : SIZE_MAX;
    if (subject && wrong == SIZE_MAX) {
      size_t act = reported_hostile(c, m, e);
      if (act != SIZE_MAX) {
        c->first_accusation = k; /* a hostile act reported is its reporter's accusation */
        c->accusation_of = act;
        c->reported_act = 1;
        break;
      }
    }
    if (wrong != SIZE_MAX) { /* the wrong word itself is what is accused */
      c->first_accusation = k;
      c->accusation_of = wrong - 1;
    }
  }
  /* parsed only when a verb is left once the tags have told the nouns */
  if (tagged && c->tree && c->last_verb != SIZE_MAX)
    c->parsed = ev_parse_tokens(c->parser, text, tok + s, e - s, c->upos, c->heads, c->labels);
  for (size_t k = 0; k < c->item_count; k++) {
    if (c->items[k].kind != IT_VERB) continue;
    size_t before = sn.event_count;
    code_verb(c, &sn, k);
    if (k == c->first_accusation && c->reported_act && sn.event_count == before)
      c->first_accusation = c->accusation_of = SIZE_MAX; /* "Russia said its forces had
        struck": no accusation of its own side, so the act itself */
  }
  occupied_whole(c->dict, &sn);
  protest_reason(c, &sn);
  code_charges_denied(c, &sn);
  c->recent.sentences++;
  for (size_t i = sn.event_count; i-- > 0;) { /* the first event of each root counts */
    int root = code_root(sn.events[i].code);
    if (root < 1 || root > 20) continue;
    c->recent.by_root[root].id = sn.events[i].source->id;
    c->recent.by_root[root].role = sn.events[i].source->role;
    c->recent.by_root[root].is_org = sn.events[i].source->is_org;
    c->recent.by_root[root].at = c->recent.sentences;
  }
  if (sn.event_count) { /* the subject "it" may name in the next sentence */
    if (sn.events[0].target && sn.events[0].target->id != sn.events[0].source->id) {
      c->recent.event_pair[0] = sn.events[0].source->id; /* "the two presidents" next */
      c->recent.event_pair[1] = sn.events[0].target->id;
      c->recent.event_reaction = reaction_code(sn.events[0].code);
    }
    if (c->recent.subject >= 0 && c->recent.subject != sn.events[0].source->id) {
      c->recent.prior = c->recent.subject;
      c->recent.prior_role = c->recent.subject_role;
      c->recent.prior_is_org = c->recent.subject_is_org;
    }
    c->recent.subject = sn.events[0].source->id;
    if (c->recent.lead < 0) {
      c->recent.lead = sn.events[0].source->id;
      c->recent.lead_role = sn.events[0].source->role;
      c->recent.lead_is_org = sn.events[0].source->is_org;
    }
    if (sn.events[0].source->is_person) { /* "he" next names the subject, not an object */
      name_person(c, sn.events[0].source->id, sn.events[0].source->role,
                  female_words(c, sn.events[0].source->first, sn.events[0].source->last));
    }
    c->recent.subject_role = sn.events[0].source->role;
    c->recent.subject_is_org = sn.events[0].source->is_org;
    c->recent.cosubject_count = 0;
    for (size_t i = 1; i < sn.event_count && c->recent.cosubject_count < 3; i++) {
      const ev_pending *p = &sn.events[i];
      int known = p->source->id == sn.events[0].source->id;
      for (size_t j = 0; j < c->recent.cosubject_count && !known; j++)
        known = c->recent.cosubject[j] == p->source->id;
      if (!known && p->source->group == sn.events[0].source->group &&
          strcmp(p->code, sn.events[0].code) == 0)
        c->recent.cosubject[c->recent.cosubject_count++] = p->source->id;
    }
  }
  if (!emit(c, &sn, sink, user)) c->stopped = 1;
  return ORB_OK;
}

/* Whether a line was seen before in this article (and remembers it if not). */
static int seen_before(orb_coder *c, const char *line, size_t len) {
  uint64_t h = ev_hash(line, len);
  size_t mask = EV_SEEN_SLOTS - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    if (c->seen[i] == h) return 1;
    if (!c->seen[i]) {
      if (c->seen_count >= EV_SEEN_SLOTS / 2) { /* bounded: forget and start over */
        memset(c->seen, 0, EV_SEEN_SLOTS * sizeof *c->seen);
        c->seen_count = 0;
        i = h & mask;
      }
      c->seen[i] = h;
      c->seen_count++;
      return 0;
    }
  }
}

/* Codes one line (paragraph) of the input at offset. */
static orb_status code_line(orb_coder *c, const char *line, size_t len, uint64_t offset,
                            orb_event_sink sink, void *user) {
  size_t a = 0, b = len;
  if (len >= 3 && memcmp(line, "\xef\xbb\xbf", 3) == 0) a = 3; /* a byte-order mark */
  while (a < b && (line[a] == ' ' || line[a] == '\t' || line[a] == '\r')) a++;
  while (b > a && (line[b - 1] == ' ' || line[b - 1] == '\t' || line[b - 1] == '\r')) b--;
  if (a == b) return ORB_OK;
  c->stats.paragraphs++;
  orb_date header;
  if (ev_date_header(line + a, b - a, &header)) {
    c->article = header;
    forget_seen(c);
    return ORB_OK;
  }
  if (seen_before(c, line + a, b - a)) {
    c->stats.duplicates++;
    return ORB_OK;
  }
  orb_status st = ev_tokenize_const(c->dict, line, len, &c->tokens);
  if (st) return st;
  const ev_token *tok = c->tokens.items;
  size_t words = 0;
  for (size_t t = 0; t < c->tokens.count; t++) words += !(tok[t].flags & EV_TF_PUNCT);
  /* short lines without a full stop are menus, bylines, headings */
  size_t last = b;
  while (last > a && strchr("\"')]", line[last - 1])) last--;
  int stop = last > a && strchr(".!?", line[last - 1]);
  int boiler = words < EV_MIN_WORDS && !stop;
  if (!boiler) { /* a boilerplate phrase at the start of the line */
    uint32_t node = 0;
    for (size_t t = 0; t < c->tokens.count && tok[t].id && !boiler; t++) {
      node = ev_trie_child(c->dict, node, tok[t].id);
      if (!node) break;
      boiler = c->dict->nodes[node].marker == EV_MK_BOILERPLATE;
    }
  }
  if (boiler) {
    c->stats.boilerplate++;
    return ORB_OK;
  }
  c->text = line;
  if (c->tokens.count > c->item_at_cap) {
    int32_t *at = realloc(c->item_at, c->tokens.count * sizeof *at);
    if (!at) return ORB_ENOMEM;
    c->item_at = at;
    c->item_at_cap = c->tokens.count;
  }
  size_t s = 0;
  for (size_t t = 0; t < c->tokens.count && !c->stopped; t++) {
    if (!(tok[t].flags & EV_TF_SENT_END)) continue;
    st = code_sentence(c, line, len, offset, s, t + 1, sink, user);
    if (st) return st;
    tok = c->tokens.items;
    s = t + 1;
  }
  return ORB_OK;
}

/* Appends bytes to the pending line. */
static orb_status pend(orb_coder *c, const char *data, size_t len) {
  if (c->pending_len + len > c->pending_cap) {
    size_t cap = c->pending_cap ? c->pending_cap : 4096;
    while (cap < c->pending_len + len) cap *= 2;
    char *p = realloc(c->pending, cap);
    if (!p) return ORB_ENOMEM;
    c->pending = p;
    c->pending_cap = cap;
  }
  memcpy(c->pending + c->pending_len, data, len);
  c->pending_len += len;
  return ORB_OK;
}

/* Where to cut an endless line of len bytes: after the last ". " (or "! ", "? ")
 * in its second half, else after its last space there, else at len. */
static size_t cut_point(const char *line, size_t len) {
  for (size_t i = len - 1; i > len / 2; i--)
    if (line[i] == ' ' && strchr(".!?", line[i - 1])) return i + 1;
  for (size_t i = len; i > len / 2; i--)
    if (line[i - 1] == ' ') return i;
  return len;
}

orb_status orb_coder_feed(orb_coder *c, const char *data, size_t len,
                          orb_event_sink sink, void *user, orb_diags *diags) {
  if (c->stopped) return ORB_EINVAL;
  orb_status st = input_utf8_check(&c->utf8, c->name, data, len, diags);
  if (st) return st;
  c->stats.bytes += len;
  size_t pos = 0;
  while (pos < len && !c->stopped) {
    const char *nl = memchr(data + pos, '\n', len - pos);
    size_t n = nl ? (size_t)(nl - (data + pos)) : len - pos;
    if (!nl || c->pending_len) {
      st = pend(c, data + pos, n);
      if (st) return st;
    }
    if (nl) {
      if (c->pending_len) {
        st = code_line(c, c->pending, c->pending_len, c->offset, sink, user);
        c->offset += c->pending_len + 1;
        c->pending_len = 0;
      } else {
        st = code_line(c, data + pos, n, c->offset, sink, user);
        c->offset += n + 1;
      }
      if (st) return st;
    }
    while (!nl && c->pending_len >= EV_PARAGRAPH_MAX) {
      /* an endless line: code what we have, cut at the last space */
      size_t cut = cut_point(c->pending, EV_PARAGRAPH_MAX);
      st = code_line(c, c->pending, cut, c->offset, sink, user);
      if (st) return st;
      memmove(c->pending, c->pending + cut, c->pending_len - cut);
      c->pending_len -= cut;
      c->offset += cut;
    }
    pos += n + (nl != NULL);
  }
  return c->stopped ? ORB_EINVAL : ORB_OK;
}

orb_status orb_coder_finish(orb_coder *c, orb_event_sink sink, void *user,
                            orb_diags *diags) {
  if (c->stopped) return ORB_EINVAL;
  orb_status st = input_utf8_end(&c->utf8, c->name, diags);
  if (st) return st;
  if (c->pending_len) {
    st = code_line(c, c->pending, c->pending_len, c->offset, sink, user);
    c->offset += c->pending_len;
    c->pending_len = 0;
  }
  if (st) return st;
  return c->stopped ? ORB_EINVAL : ORB_OK;
}
