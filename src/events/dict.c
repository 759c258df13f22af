/*
 * dict.c: reading event dictionary files (docs/EVENTS.md) into the compiled
 * trie of lexicon.h.
 *
 * A file is read twice: a first pass checks every line and reports all
 * problems; only a file without problems is added by the second pass, so a bad
 * file leaves the dictionary as it was.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/input_internal.h"
#include "events/lexicon.h"

#define MAX_FIELDS 8

/* One line split into trimmed fields (pointers into a writable copy). */
typedef struct line_fields {
  char *field[MAX_FIELDS];
  size_t count;
} line_fields;

/* Where a line comes from, for messages and rule names. */
typedef struct line_ctx {
  orb_dict *dict;
  const char *name;   /* the file name as given */
  const char *base;   /* its base name, for rule names */
  int line;
  const char *text;   /* the current line (its fields point into it), for columns */
  int apply;          /* 0: check only; 1: add the entry */
  int16_t file;       /* precedence of the file */
  orb_diags *diags;
  ev_tokens tokens;
} line_ctx;

static const char *const kinds[] = {
  "actor", "agent", "verb", "object", "negation", "hypothesis", "threat", "clause",
  "boilerplate", "coref", "type", "negate", "abbreviation", "preposition",
  "determiner", "passive", "ignore", "relative", "same", "part", "judgement", "intent",
  "female"
};
#define KIND_COUNT (sizeof kinds / sizeof kinds[0])

/* Reports a problem of the current line; returns ORB_EPARSE. */
static orb_status bad(line_ctx *ctx, const char *format, const char *arg) {
  orb_diags_add(ctx->diags, ctx->name, ctx->line, 1, format, arg);
  return ORB_EPARSE;
}

/* Reports a problem at byte at of the current line (column counted from 1);
 * returns ORB_EPARSE. */
static orb_status bad_at(line_ctx *ctx, const char *at, const char *format, const char *arg) {
  orb_diags_add(ctx->diags, ctx->name, ctx->line, (int)(at - ctx->text) + 1, format, arg);
  return ORB_EPARSE;
}

/* Trims spaces at both ends in place. */
static char *trim(char *s) {
  while (*s == ' ' || *s == '\t') s++;
  size_t n = strlen(s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) s[--n] = '\0';
  return s;
}

/* Splits a line at '|' into fields. */
static void split(char *line, line_fields *out) {
  out->count = 0;
  char *p = line;
  for (;;) {
    char *bar = strchr(p, '|');
    if (bar) *bar = '\0';
    if (out->count < MAX_FIELDS) out->field[out->count++] = trim(p);
    if (!bar) break;
    p = bar + 1;
  }
}

/* Checks a CAMEO code ("---" or 2 to 4 digits) and copies it ("" for "---"). */
static int parse_code(const char *text, char out[6]) {
  if (strcmp(text, "---") == 0) {
    out[0] = '\0';
    return 1;
  }
  size_t n = strlen(text);
  if (n < 2 || n > 4) return 0;
  for (size_t i = 0; i < n; i++)
    if (!isdigit((unsigned char)text[i])) return 0;
  memcpy(out, text, n + 1);
  return 1;
}

/* Parses a model event type name into *type. */
static int parse_type(const char *text, int8_t *type) {
  orb_event_type t;
  if (orb_event_type_find(text, &t) != ORB_OK) return 0;
  *type = (int8_t)t;
  return 1;
}

/* Parses "FROM..TO" (either side may be empty) into two dates. */
static int parse_span(const char *text, orb_date *from, orb_date *to) {
  *from = *to = ORB_DATE_NONE;
  if (!*text) return 1;
  const char *dots = strstr(text, "..");
  if (!dots) return 0;
  size_t left = (size_t)(dots - text), right = strlen(dots + 2);
  if (left && orb_date_parse(text, left, from, NULL) != ORB_OK) return 0;
  if (right && orb_date_parse(dots + 2, right, to, NULL) != ORB_OK) return 0;
  return 1;
}

/* Tokenises a phrase and walks (creating when applying) its path from node;
 * *end gets the last node. Checks that the phrase has at least one word. */
static orb_status phrase_path(line_ctx *ctx, const char *phrase, uint32_t node,
                              uint32_t *end) {
  orb_dict *dict = ctx->dict;
  if (!*phrase) return bad(ctx, "empty phrase%s", "");
  orb_status st = ev_tokenize(dict, phrase, strlen(phrase), ctx->apply, &ctx->tokens);
  if (st) return st;
  if (!ctx->tokens.count) return bad(ctx, "phrase '%s' has no words", phrase);
  if (!ctx->apply) return ORB_OK;
  for (size_t i = 0; i < ctx->tokens.count; i++) {
    node = ev_trie_add(dict, node, ctx->tokens.items[i].id);
    if (!node) return ORB_ENOMEM;
  }
  *end = node;
  return ORB_OK;
}

/* Walks (creating when applying) the path of the words phrase[0..len) from
 * *node, if it has any; ORB_ENOMEM on out of memory. */
static orb_status words_path(line_ctx *ctx, const char *phrase, size_t len, uint32_t *node) {
  orb_status st = ev_tokenize(ctx->dict, phrase, len, ctx->apply, &ctx->tokens);
  for (size_t i = 0; !st && ctx->apply && i < ctx->tokens.count; i++) {
    *node = ev_trie_add(ctx->dict, *node, ctx->tokens.items[i].id);
    if (!*node) st = ORB_ENOMEM;
  }
  return st;
}

/* The phrase of an object entry (a verb pattern) with PETRARCH's markers
 * (docs/EVENTS.md, "Source and target markers"): a word "+" stands for the
 * target and "$" for the source, each an actor named at that place of the
 * pattern (a pseudo token EV_TOK_TARGET or EV_TOK_SOURCE of the trie); a
 * leading "+ *" says that the actor before the verb is the target
 * (EV_RF_SUBJECT_TARGET in *flags), "$ *" that it is the source (as
 * without). Each marker may appear once; "*" only after a leading marker;
 * "%" (TABARI's compound marker) and a marker glued to a word are refused.
 * Every problem is reported at its column. Walks (creating when applying)
 * the path from start; *end gets the last node. */
static orb_status pattern_path(line_ctx *ctx, const char *phrase, uint32_t start, uint32_t *end,
                               uint8_t *flags) {
  if (!*phrase) return bad(ctx, "empty phrase%s", "");
  const char *seen[2] = {NULL, NULL}; /* where "+" and "$" were found */
  const char *lead = NULL;  /* a leading marker that "*" must follow at once */
  const char *star = NULL, *run = NULL;
  uint32_t node = start;
  int elements = 0;         /* pattern elements after the verb */
  for (const char *p = phrase;;) {
    while (*p == ' ' || *p == '\t') p++;
    const char *w = p;
    while (*p && *p != ' ' && *p != '\t') p++;
    size_t n = (size_t)(p - w);
    int marker = n == 1 && (*w == '+' || *w == '$');
    if (run && (!n || marker || (n == 1 && *w == '*'))) { /* the words before */
      orb_status st = words_path(ctx, run, (size_t)(w - run), &node);
      if (st) return st;
      elements += ctx->tokens.count > 0;
      run = NULL;
    }
    if (!n) break;
    if (lead && !(n == 1 && *w == '*')) lead = NULL;
    if (marker) {
      int k = *w == '$';
      if (seen[k])
        return bad_at(ctx, w, k ? "'$' twice in a pattern (expected one source)%s"
                                : "'+' twice in a pattern (expected one target)%s", "");
      seen[k] = w;
      const char *next = p;
      while (*next == ' ' || *next == '\t') next++;
      if (w == phrase && next[0] == '*' && (!next[1] || next[1] == ' ' || next[1] == '\t')) {
        lead = w; /* "+ *": the actor before the verb */
        continue;
      }
      if (ctx->apply) {
        node = ev_trie_add(ctx->dict, node, k ? EV_TOK_SOURCE : EV_TOK_TARGET);
        if (!node) return ORB_ENOMEM;
      }
      elements++;
      continue;
    }
    if (n == 1 && *w == '*') {
      if (!lead)
        return bad_at(ctx, w, "'*' (the verb) only right after a leading '+' or '$' "
                              "(expected '+ * WORDS' or '$ * WORDS')%s", "");
      if (*lead == '+') *flags |= EV_RF_SUBJECT_TARGET;
      star = w;
      lead = NULL;
      continue;
    }
    for (const char *q = w; q < p; q++)
      if (*q == '%' || *q == '+' || *q == '$' || *q == '*') {
        char what[2] = {*q, '\0'};
        return bad_at(ctx, q,
                      *q == '%' ? "'%s' (TABARI's compound marker) is not supported "
                                  "(expected '+' for the target, '$' for the source)"
                                : "'%s' glued to a word (expected it as a word of its own)",
                      what);
      }
    if (!run) run = w;
  }
  if (!elements)
    return bad(ctx, star ? "pattern '%s' has nothing after the verb (expected words or a marker)"
                         : "phrase '%s' has no words", phrase);
  *end = node;
  return ORB_OK;
}

/* Reports a marker "+", "$" or "*" standing as a word of a verb phrase, where
 * the tokeniser would drop it silently: markers belong in object patterns.
 * Returns 1 if one was reported. */
static int verb_markers(line_ctx *ctx, const char *phrase) {
  for (const char *p = phrase; *p; p++) {
    int alone = (p == phrase || p[-1] == ' ' || p[-1] == '\t') &&
                (!p[1] || p[1] == ' ' || p[1] == '\t');
    if (alone && (*p == '+' || *p == '$' || *p == '*')) {
      char what[2] = {*p, '\0'};
      bad_at(ctx, p, "'%s' in a verb phrase (expected it in an object pattern)", what);
      return 1;
    }
  }
  return 0;
}

/* The index of verb group name, added if new; -1 on out of memory. */
static int32_t group_index(orb_dict *dict, const char *name) {
  size_t last = dict->last_group;
  if (last < dict->group_count && strcmp(ev_string(dict, dict->groups[last]), name) == 0)
    return (int32_t)last;
  for (size_t i = 0; i < dict->group_count; i++)
    if (strcmp(ev_string(dict, dict->groups[i]), name) == 0)
      return (int32_t)(dict->last_group = i);
  if (dict->group_count == dict->group_cap) {
    size_t cap = dict->group_cap ? dict->group_cap * 2 : 256;
    int32_t *groups = realloc(dict->groups, cap * sizeof *groups);
    if (!groups) return -1;
    dict->groups = groups;
    dict->group_cap = cap;
  }
  int32_t off = ev_string_add(dict, name, strlen(name));
  if (off < 0) return -1;
  dict->groups[dict->group_count] = off;
  dict->last_group = dict->group_count;
  return (int32_t)dict->group_count++;
}

/* Grows an array of items of size size to hold one more; 0 on out of memory. */
static int reserve(void **items, size_t *cap, size_t count, size_t size) {
  if (count < *cap) return 1;
  size_t n = *cap ? *cap * 2 : 1024;
  void *p = realloc(*items, n * size);
  if (!p) return 0;
  *items = p;
  *cap = n;
  return 1;
}

/* verb | GROUP | PHRASE | CODE | OPTIONS and object | GROUP | PHRASE | CODE | OPTIONS */
static orb_status parse_rule(line_ctx *ctx, line_fields *f, int is_object) {
  if (f->count < 4 || f->count > 5)
    return bad(ctx, "expected %s | GROUP | PHRASE | CODE [| OPTIONS]",
               is_object ? "object" : "verb");
  ev_rule rule = {.type = -1, .neg_type = -1};
  if (!*f->field[1]) return bad(ctx, "empty verb group%s", "");
  if (!parse_code(f->field[3], rule.code))
    return bad(ctx, "bad CAMEO code '%s' (expected 2 to 4 digits or ---)", f->field[3]);
  char *options = f->count == 5 ? f->field[4] : (char *)"";
  char *save = NULL;
  for (char *opt = strtok_r(options, " \t", &save); opt;
       opt = strtok_r(NULL, " \t", &save)) {
    if (strncmp(opt, "type=", 5) == 0) {
      if (!parse_type(opt + 5, &rule.type))
        return bad(ctx, "unknown event type '%s'", opt + 5);
    } else if (strncmp(opt, "neg=", 4) == 0) {
      char *colon = strchr(opt + 4, ':');
      if (!colon) return bad(ctx, "expected neg=CODE:TYPE, got '%s'", opt);
      *colon = '\0';
      if (!parse_code(opt + 4, rule.neg_code) || !rule.neg_code[0])
        return bad(ctx, "bad CAMEO code '%s' in neg=", opt + 4);
      if (!parse_type(colon + 1, &rule.neg_type))
        return bad(ctx, "unknown event type '%s'", colon + 1);
    } else if (strncmp(opt, "back=", 5) == 0) {
      if (!parse_code(opt + 5, rule.back_code) || !rule.back_code[0])
        return bad(ctx, "bad CAMEO code '%s' in back=", opt + 5);
    } else if (strcmp(opt, "solo") == 0) {
      rule.flags |= EV_RF_SOLO;
    } else if (strcmp(opt, "noun") == 0) {
      rule.flags |= EV_RF_NOUN;
    } else if (strcmp(opt, "reply") == 0) {
      rule.flags |= EV_RF_REPLY;
    } else if (strcmp(opt, "joint") == 0) {
      rule.flags |= EV_RF_JOINT;
    } else {
      return bad(ctx,
                 "unknown option '%s' (expected type=, neg=, back=, solo, noun, reply or joint)",
                 opt);
    }
  }
  orb_dict *dict = ctx->dict;
  uint32_t start = 0, node = 0;
  if (ctx->apply) {
    rule.group = group_index(dict, f->field[1]);
    if (rule.group < 0) return ORB_ENOMEM;
    if (is_object) {
      start = ev_trie_add(dict, 0, EV_TOK_GROUP | (uint32_t)rule.group);
      if (!start) return ORB_ENOMEM;
    }
  }
  orb_status st = is_object ? pattern_path(ctx, f->field[2], start, &node, &rule.flags)
                  : verb_markers(ctx, f->field[2]) ? ORB_EPARSE
                                                   : phrase_path(ctx, f->field[2], start, &node);
  if (st || !ctx->apply) return st;
  ev_node *n = &dict->nodes[node];
  int32_t *slot = is_object ? &n->object : &n->verb;
  int16_t *file = is_object ? &n->object_file : &n->verb_file;
  if (*slot >= 0 && *file == ctx->file) return ORB_OK; /* first one in a file wins */
  char name[300];
  snprintf(name, sizeof name, "%s:%d", ctx->base, ctx->line);
  rule.name = ev_string_add(dict, name, strlen(name));
  if (rule.name < 0 ||
      !reserve((void **)&dict->rules, &dict->rule_cap, dict->rule_count, sizeof rule))
    return ORB_ENOMEM;
  dict->rules[dict->rule_count] = rule;
  n = &dict->nodes[node];
  *(is_object ? &n->object : &n->verb) = (int32_t)dict->rule_count++;
  *(is_object ? &n->object_file : &n->verb_file) = ctx->file;
  dict->entry_count++;
  return ORB_OK;
}

/* actor | PHRASE | ID [| ROLE [| FROM..TO [| org]]]; ID may join several with
 * "+" ("the Baltic states": EST+LVA+LTU), each interned too */
static orb_status parse_actor(line_ctx *ctx, line_fields *f) {
  if (f->count < 3 || f->count > 6)
    return bad(ctx, "expected actor | PHRASE | ID [| ROLE [| FROM..TO [| org]]]%s", "");
  const char *id = f->field[2];
  if (!*id) return bad(ctx, "empty actor id%s", "");
  for (const char *p = id; *p; p++)
    if ((!isupper((unsigned char)*p) && !isdigit((unsigned char)*p) && *p != '_' &&
         *p != '+') ||
        (*p == '+' && (p == id || p[-1] == '+' || !p[1])))
      return bad(ctx, "bad actor id '%s' (expected capitals, digits, _; several joined by +)",
                 id);
  ev_actor_entry e = {.from = ORB_DATE_NONE, .to = ORB_DATE_NONE, .next = -1}; /* no span */
  if (f->count > 4 && !parse_span(f->field[4], &e.from, &e.to))
    return bad(ctx, "bad date span '%s' (expected YYYY-MM-DD..YYYY-MM-DD, "
                    "either side may be empty)", f->field[4]);
  if (f->count > 5) {
    if (strcmp(f->field[5], "org") != 0 && *f->field[5])
      return bad(ctx, "unknown actor flag '%s' (expected org)", f->field[5]);
    e.is_org = 1;
  }
  if (strncmp(id, "IGO", 3) == 0) e.is_org = 1;
  uint32_t node = 0;
  orb_status st = phrase_path(ctx, f->field[1], 0, &node);
  if (st || !ctx->apply) return st;
  orb_dict *dict = ctx->dict;
  const char *role = f->count > 3 ? f->field[3] : "";
  e.id = ev_string_intern(dict, id, strlen(id));
  e.role = *role ? ev_string_intern(dict, role, strlen(role)) : 0;
  for (const char *p = strchr(id, '+') ? id : ""; *p; p += *p == '+') { /* each part */
    size_t n = strcspn(p, "+");
    if (ev_string_intern(dict, p, n) < 0) return ORB_ENOMEM;
    p += n;
  }
  if (e.id < 0 || e.role < 0 ||
      !reserve((void **)&dict->actors, &dict->actor_cap, dict->actor_count, sizeof e))
    return ORB_ENOMEM;
  ev_node *n = &dict->nodes[node];
  if (n->actor >= 0 && n->actor_file != ctx->file) { /* replaced */
    n->replaced = n->actor;
    n->actor = -1;
  }
  /* append at the end so that entries keep their file order */
  int32_t index = (int32_t)dict->actor_count++;
  dict->actors[index] = e;
  if (n->actor < 0) {
    n->actor = index;
  } else {
    int32_t last = n->actor;
    while (dict->actors[last].next >= 0) last = dict->actors[last].next;
    dict->actors[last].next = index;
  }
  n->actor_file = ctx->file;
  dict->entry_count++;
  return ORB_OK;
}

/* same | ID | ID2: the actor entries loaded so far that code ID code ID2 from now
 * on ("same | IGOEUREEC | EU": one code per organisation). With part set,
 * part | ID | ID2: territory ID is part of state ID2 ("part | CRIMEA | UKR":
 * its annexation is coded against Ukraine). */
static orb_status parse_same(line_ctx *ctx, line_fields *f, int part) {
  if (f->count != 3)
    return bad(ctx, part ? "expected part | ID | STATE%s" : "expected same | ID | ID2%s", "");
  for (size_t k = 1; k < 3; k++) {
    const char *id = f->field[k];
    if (!*id) return bad(ctx, "empty actor id%s", "");
    for (const char *p = id; *p; p++)
      if (!isupper((unsigned char)*p) && !isdigit((unsigned char)*p) && *p != '_')
        return bad(ctx, "bad actor id '%s' (expected capitals, digits, _)", id);
  }
  if (strcmp(f->field[1], f->field[2]) == 0)
    return bad(ctx, "'%s' is the same id on both sides", f->field[1]);
  if (!ctx->apply) return ORB_OK;
  orb_dict *dict = ctx->dict;
  int32_t from = ev_string_intern(dict, f->field[1], strlen(f->field[1]));
  int32_t to = ev_string_intern(dict, f->field[2], strlen(f->field[2]));
  if (from < 0 || to < 0) return ORB_ENOMEM;
  if (part) {
    if (!reserve((void **)&dict->parts, &dict->part_cap, dict->part_count, sizeof *dict->parts))
      return ORB_ENOMEM;
    dict->parts[dict->part_count++] = (ev_part){.part = from, .whole = to};
    dict->entry_count++;
    return ORB_OK;
  }
  int org = strncmp(f->field[2], "IGO", 3) == 0;
  for (size_t k = 0; k < dict->actor_count; k++)
    if (dict->actors[k].id == from) {
      dict->actors[k].id = to;
      org |= dict->actors[k].is_org;
    }
  /* an organisation stays one: "the alliance" may name it under either id */
  for (size_t k = 0; org && k < dict->actor_count; k++)
    if (dict->actors[k].id == to) dict->actors[k].is_org = 1;
  dict->entry_count++;
  return ORB_OK;
}

/* agent | PHRASE | ROLE */
static orb_status parse_agent(line_ctx *ctx, line_fields *f) {
  if (f->count != 3 || !*f->field[2]) return bad(ctx, "expected agent | PHRASE | ROLE%s", "");
  uint32_t node = 0;
  orb_status st = phrase_path(ctx, f->field[1], 0, &node);
  if (st || !ctx->apply) return st;
  ev_node *n = &ctx->dict->nodes[node];
  if (n->agent >= 0 && n->agent_file == ctx->file) return ORB_OK;
  int32_t role = ev_string_intern(ctx->dict, f->field[2], strlen(f->field[2]));
  if (role < 0) return ORB_ENOMEM;
  n = &ctx->dict->nodes[node];
  n->agent = role;
  n->agent_file = ctx->file;
  ctx->dict->entry_count++;
  return ORB_OK;
}

/* negation/hypothesis/threat/intent/clause/boilerplate/ignore | PHRASE,
 * coref | PHRASE | WHAT */
static orb_status parse_marker(line_ctx *ctx, line_fields *f, ev_marker marker) {
  uint32_t roots = 0, word = 0; /* "act 18 19 20"'s roots; "org court"'s word */
  if (marker == EV_MK_COREF_ORG) {
    if (f->count != 3)
      return bad(ctx, "expected coref | PHRASE | org (with a word), state, pair, group, person, "
                      "act (with roots) or home%s", "");
    if (strcmp(f->field[2], "state") == 0) marker = EV_MK_COREF_STATE;
    else if (strcmp(f->field[2], "act") == 0) marker = EV_MK_COREF_ACT;
    else if (strncmp(f->field[2], "act ", 4) == 0) {
      /* "act 18 19 20": the act of one of these CAMEO roots */
      marker = EV_MK_COREF_ACT;
      const char *r = f->field[2] + 4;
      while (*r) {
        char *stop;
        long root = strtol(r, &stop, 10);
        if (stop == r || root < 1 || root > 20 || (*stop && *stop != ' '))
          return bad(ctx, "bad CAMEO root in '%s' (expected act followed by roots 01 to 20)",
                     f->field[2]);
        roots |= 1u << root;
        r = stop;
        while (*r == ' ') r++;
      }
    }
    else if (strcmp(f->field[2], "person") == 0) marker = EV_MK_COREF_PERSON;
    else if (strcmp(f->field[2], "pair") == 0) marker = EV_MK_COREF_PAIR;
    else if (strcmp(f->field[2], "group") == 0) marker = EV_MK_COREF_GROUP;
    else if (strcmp(f->field[2], "home") == 0) marker = EV_MK_COREF_HOME;
    else if (strncmp(f->field[2], "org ", 4) == 0) {
      /* "org court": the latest organisation whose name holds the word */
      const char *w = f->field[2] + 4;
      while (*w == ' ') w++;
      size_t len = strlen(w);
      if (!len || strchr(w, ' '))
        return bad(ctx, "bad word in '%s' (expected org followed by one word)", f->field[2]);
      if (ctx->apply && !(word = ev_vocab_add(ctx->dict, w, len))) return ORB_ENOMEM;
    } else if (strcmp(f->field[2], "org") != 0)
      return bad(ctx,
                 "unknown coreference '%s' (expected org, org WORD, state, pair, group, "
                 "person, act or home)",
                 f->field[2]);
  } else if (f->count != 2) {
    return bad(ctx, "expected KIND | PHRASE%s", "");
  }
  uint32_t node = 0;
  orb_status st = phrase_path(ctx, f->field[1], 0, &node);
  if (st || !ctx->apply) return st;
  ev_node *n = &ctx->dict->nodes[node];
  if (n->marker && n->marker_file == ctx->file) return ORB_OK;
  n->marker = (int16_t)marker;
  n->marker_file = ctx->file;
  if (marker == EV_MK_COREF_ORG) n->org_word = word;
  else n->act_roots = roots;
  ctx->dict->entry_count++;
  return ORB_OK;
}

/* type | CODE-PREFIX | TYPE and negate | TYPE | CODE | TYPE */
static orb_status parse_type_entry(line_ctx *ctx, line_fields *f, int negate) {
  orb_dict *dict = ctx->dict;
  if (!negate) {
    ev_type_prefix t;
    if (f->count != 3) return bad(ctx, "expected type | CODE-PREFIX | TYPE%s", "");
    if (!parse_code(f->field[1], t.prefix) || !t.prefix[0])
      return bad(ctx, "bad CAMEO code prefix '%s'", f->field[1]);
    if (!parse_type(f->field[2], &t.type))
      return bad(ctx, "unknown event type '%s'", f->field[2]);
    if (!ctx->apply) return ORB_OK;
    if (!reserve((void **)&dict->types, &dict->type_cap, dict->type_count, sizeof t))
      return ORB_ENOMEM;
    dict->types[dict->type_count++] = t;
  } else {
    ev_negation g;
    if (f->count != 4) return bad(ctx, "expected negate | TYPE | CODE | TYPE%s", "");
    if (!parse_type(f->field[1], &g.type))
      return bad(ctx, "unknown event type '%s'", f->field[1]);
    if (!parse_code(f->field[2], g.code) || !g.code[0])
      return bad(ctx, "bad CAMEO code '%s'", f->field[2]);
    if (!parse_type(f->field[3], &g.new_type))
      return bad(ctx, "unknown event type '%s'", f->field[3]);
    if (!ctx->apply) return ORB_OK;
    if (!reserve((void **)&dict->negations, &dict->negation_cap, dict->negation_count,
                 sizeof g))
      return ORB_ENOMEM;
    dict->negations[dict->negation_count++] = g;
  }
  dict->entry_count++;
  return ORB_OK;
}

/* abbreviation/preposition/determiner/passive/relative/judgement/female | WORD:
 * a word class. */
static orb_status parse_word_class(line_ctx *ctx, line_fields *f, uint8_t flag) {
  if (f->count != 2) return bad(ctx, "expected KIND | WORD%s", "");
  orb_status st = ev_tokenize(ctx->dict, f->field[1], strlen(f->field[1]), ctx->apply,
                              &ctx->tokens);
  if (st) return st;
  if (ctx->tokens.count != 1) return bad(ctx, "'%s' is not one word", f->field[1]);
  if (ctx->apply) ctx->dict->vocab_flags[ctx->tokens.items[0].id] |= flag;
  return ORB_OK;
}

/* Checks (apply 0) or adds (apply 1) one line. */
static orb_status parse_line(line_ctx *ctx, char *line) {
  char *hash = line;
  while ((hash = strchr(hash, '#')) != NULL) { /* a comment: '#' at start or after space */
    if (hash == line || hash[-1] == ' ' || hash[-1] == '\t') {
      *hash = '\0';
      break;
    }
    hash++;
  }
  if (!*trim(line)) return ORB_OK;
  line_fields f;
  split(line, &f);
  size_t k = 0;
  while (k < KIND_COUNT && strcmp(kinds[k], f.field[0]) != 0) k++;
  switch (k) {
  case 0: return parse_actor(ctx, &f);
  case 1: return parse_agent(ctx, &f);
  case 2: return parse_rule(ctx, &f, 0);
  case 3: return parse_rule(ctx, &f, 1);
  case 4: return parse_marker(ctx, &f, EV_MK_NEGATION);
  case 5: return parse_marker(ctx, &f, EV_MK_HYPOTHESIS);
  case 6: return parse_marker(ctx, &f, EV_MK_THREAT);
  case 7: return parse_marker(ctx, &f, EV_MK_CLAUSE);
  case 8: return parse_marker(ctx, &f, EV_MK_BOILERPLATE);
  case 9: return parse_marker(ctx, &f, EV_MK_COREF_ORG);
  case 10: return parse_type_entry(ctx, &f, 0);
  case 11: return parse_type_entry(ctx, &f, 1);
  case 12: return parse_word_class(ctx, &f, EV_VF_ABBREV);
  case 13: return parse_word_class(ctx, &f, EV_VF_PREP);
  case 14: return parse_word_class(ctx, &f, EV_VF_DET);
  case 15: return parse_word_class(ctx, &f, EV_VF_PASSIVE);
  case 16: return parse_marker(ctx, &f, EV_MK_IGNORE);
  case 17: return parse_word_class(ctx, &f, EV_VF_RELATIVE);
  case 18: return parse_same(ctx, &f, 0);
  case 19: return parse_same(ctx, &f, 1);
  case 20: return parse_word_class(ctx, &f, EV_VF_JUDGE);
  case 21: return parse_marker(ctx, &f, EV_MK_INTENT);
  case 22: return parse_word_class(ctx, &f, EV_VF_FEMALE);
  default: {
    char hint[320];
    orb_diags_add(ctx->diags, ctx->name, ctx->line, 1, "unknown entry kind '%s'%s",
                  f.field[0], input_hint(f.field[0], kinds, KIND_COUNT, 0, hint, sizeof hint));
    return ORB_EPARSE;
  }
  }
}

/* Runs parse_line over every line of data (copied line by line). */
static orb_status run_pass(line_ctx *ctx, const char *data, size_t len) {
  orb_status result = ORB_OK;
  char *line = NULL;
  size_t cap = 0, before = ctx->diags->count;
  ctx->line = 0;
  for (size_t pos = 0; pos < len;) {
    if (ctx->diags->count - before >= INPUT_MAX_ERRORS) { /* one cap for every reader */
      orb_diags_add(ctx->diags, ctx->name, ctx->line, 1,
                    "too many errors (%d); stopping the list here", INPUT_MAX_ERRORS);
      break;
    }
    const char *nl = memchr(data + pos, '\n', len - pos);
    size_t n = nl ? (size_t)(nl - (data + pos)) : len - pos;
    ctx->line++;
    if (n + 1 > cap) {
      cap = n + 1 > 256 ? n + 1 : 256;
      char *grown = realloc(line, cap);
      if (!grown) {
        free(line);
        return ORB_ENOMEM;
      }
      line = grown;
    }
    memcpy(line, data + pos, n);
    line[n] = '\0';
    pos += n + 1;
    if (memchr(line, '\0', n)) {
      orb_diags_add(ctx->diags, ctx->name, ctx->line, 1, "NUL byte in dictionary");
      result = ORB_EPARSE;
      continue;
    }
    ctx->text = line;
    orb_status st = parse_line(ctx, line);
    if (st == ORB_ENOMEM) {
      free(line);
      return st;
    }
    if (st) result = st;
  }
  free(line);
  return result;
}

orb_status orb_dict_add_buffer(orb_dict *dict, const char *name, const char *data,
                               size_t len, orb_diags *diags) {
  orb_status st = input_utf8_text(name, data, len, diags);
  if (st) return st;
  const char *slash = strrchr(name, '/');
  line_ctx ctx = {.dict = dict, .name = name, .base = slash ? slash + 1 : name,
                  .diags = diags, .file = (int16_t)(dict->file_count + 1)};
  st = run_pass(&ctx, data, len);
  if (!st) {
    ctx.apply = 1;
    dict->file_count++;
    st = run_pass(&ctx, data, len);
  }
  free(ctx.tokens.items);
  return st;
}

orb_status orb_dict_add_file(orb_dict *dict, const char *path, orb_diags *diags) {
  char *data = NULL;
  size_t len = 0;
  orb_status st = input_read_file(path, INPUT_DICT_MAX_BYTES, "dictionary", &data, &len, diags);
  if (st == ORB_OK) st = orb_dict_add_buffer(dict, path, data, len, diags);
  free(data);
  return st;
}

/* The built-in dictionary files, in the order they are added. */
static const char *const default_files[] = {
  "phoenix.actors.dict", "phoenix.milnonstate.dict", "phoenix.agents.dict", "cameo.verbs.dict",
  "precision.dict", "orbit.dict"
};

const char *orb_dict_default_dir(void) {
  return input_data_path(1, "ORBIT_EVENTS_DIR", "data/events");
}

orb_status orb_dict_add_default(orb_dict *dict, orb_diags *diags) {
  const char *dir = orb_dict_default_dir();
  for (size_t i = 0; i < sizeof default_files / sizeof default_files[0]; i++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, default_files[i]);
    orb_status st = orb_dict_add_file(dict, path, diags);
    if (st) return st;
  }
  return ORB_OK;
}

/* Adds the tokens the coder tests for, so that they have ids. */
static orb_status add_core_tokens(orb_dict *d) {
  struct { uint32_t *id; const char *word; } core[] = {
    {&d->tok_by, "by"}, {&d->tok_of, "of"}, {&d->tok_and, "and"},
    {&d->tok_comma, ","}, {&d->tok_s, "'s"},
    {&d->tok_paren_close, ")"}, {&d->tok_to, "to"},
  };
  for (size_t i = 0; i < sizeof core / sizeof core[0]; i++) {
    *core[i].id = ev_vocab_add(d, core[i].word, strlen(core[i].word));
    if (!*core[i].id) return ORB_ENOMEM;
  }
  return ORB_OK;
}

orb_status orb_dict_new(orb_dict **out) {
  *out = NULL;
  orb_dict *dict = calloc(1, sizeof *dict);
  if (!dict) return ORB_ENOMEM;
  orb_status st = ev_vocab_init(dict);
  if (!st) st = add_core_tokens(dict);
  if (st) {
    orb_dict_free(dict);
    return st;
  }
  *out = dict;
  return ORB_OK;
}

void orb_dict_free(orb_dict *dict) {
  if (!dict) return;
  ev_vocab_free(dict);
  free(dict->actors);
  free(dict->rules);
  free(dict->types);
  free(dict->negations);
  free(dict->parts);
  free(dict->groups);
  free(dict);
}

size_t orb_dict_entry_count(const orb_dict *dict) { return dict->entry_count; }
