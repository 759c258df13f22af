/*
 * world_dict.c: a world's actors as dictionary entries (docs/EVENTS.md, "Actors
 * from a world"), so that the coder knows the actors of any region.
 *
 * Each actor of the world gives its name, its `names:` (aliases, adjectives,
 * capitals; docs/WORLD.md) and its text attributes `adjective` and `alias` as
 * actor phrases coding its id, a capital with role GOV; an organisation or
 * bloc also its id as a phrase ("CSTO") and the `org` mark. An organisation
 * with an `owner:` (a company, an agency) codes its owner with the owner's role
 * ("Gazprom": RUS BUS). A leader's name and aliases code the actor (or its
 * owner) with the leader's role during each term and, outside every term,
 * what the dictionaries already said of the name (else no actor). Before the
 * names of a state, bloc or organisation are added, the ids that the
 * dictionaries already give them (now or before a later file replaced them:
 * Phoenix's IGOEUREEC for "European Union") are renamed to the world's id in
 * every entry, so one organisation or state comes out under one code; but not
 * the id of a larger body the name begins with (the UN's IGOUNO, which
 * Phoenix also gives "UN General Assembly", stays the UN's). The
 * entries are written as a dictionary text and added with
 * orb_dict_add_buffer(), like any file.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "events/lexicon.h"
#include "orbit/world.h"

/* Whether s can be an actor id of the dictionaries (capitals, digits, _). */
static int wd_valid_id(const char *s) {
  if (!*s) return 0;
  for (; *s; s++)
    if (!isupper((unsigned char)*s) && !isdigit((unsigned char)*s) && *s != '_') return 0;
  return 1;
}

/* A growing text: the generated dictionary. */
typedef struct wd_text {
  char *data;
  size_t len, cap;
  int failed;
} wd_text;

/* Appends n bytes of s; remembers an out-of-memory failure. */
static void wd_append(wd_text *t, const char *s, size_t n) {
  if (t->failed) return;
  if (t->len + n + 1 > t->cap) {
    size_t cap = t->cap ? t->cap * 2 : 4096;
    while (cap < t->len + n + 1) cap *= 2;
    char *grown = realloc(t->data, cap);
    if (!grown) {
      t->failed = 1;
      return;
    }
    t->data = grown;
    t->cap = cap;
  }
  memcpy(t->data + t->len, s, n);
  t->len += n;
  t->data[t->len] = '\0';
}

/* Appends a string. */
static void wd_puts(wd_text *t, const char *s) { wd_append(t, s, strlen(s)); }

/* Appends "actor | PHRASE | ID | ROLE | SPAN | org\n" (role, span NULL or "" for
 * none), the phrase cleaned of '|', '#' and control characters. */
static void wd_entry(wd_text *t, const char *phrase, const char *id, const char *role,
                     const char *span, int org) {
  wd_puts(t, "actor | ");
  for (const char *p = phrase; *p; p++) {
    char c = *p == '|' || *p == '#' || (unsigned char)*p < 0x20 ? ' ' : *p;
    wd_append(t, &c, 1);
  }
  wd_puts(t, " | ");
  wd_puts(t, id);
  wd_puts(t, " | ");
  wd_puts(t, role ? role : "");
  wd_puts(t, " | ");
  wd_puts(t, span ? span : "");
  wd_puts(t, org ? " | org\n" : "\n");
}


/* Whether phrase has a letter or digit: one the tokeniser gives a word. */
static int wd_has_word(const char *phrase) {
  for (; *phrase; phrase++)
    if (isalnum((unsigned char)*phrase) || (unsigned char)*phrase >= 0x80) return 1;
  return 0;
}

/* The trie node of phrase, 0 if the dictionaries lack it. tokens is scratch. */
static uint32_t wd_phrase_node(const orb_dict *dict, const char *phrase, ev_tokens *tokens) {
  if (ev_tokenize_const(dict, phrase, strlen(phrase), tokens) != ORB_OK || !tokens->count)
    return 0;
  uint32_t node = 0;
  for (size_t i = 0; i < tokens->count && (i == 0 || node); i++)
    node = tokens->items[i].id ? ev_trie_child(dict, node, tokens->items[i].id) : 0;
  return node;
}

/* The ids of the larger bodies an actor's phrases begin with: those that the
 * dictionaries give a proper beginning of the phrase ("United Nations" of
 * "United Nations General Assembly", "UN" of "UN General Assembly"). */
typedef struct wd_larger {
  int32_t ids[16];
  size_t count;
} wd_larger;

/* Adds to larger the ids given to the proper beginnings of phrase. tokens is
 * scratch. */
static void wd_larger_add(const orb_dict *dict, const char *phrase, ev_tokens *tokens,
                          wd_larger *larger) {
  if (ev_tokenize_const(dict, phrase, strlen(phrase), tokens) != ORB_OK) return;
  uint32_t node = 0;
  for (size_t i = 0; i + 1 < tokens->count; i++) {
    node = tokens->items[i].id ? ev_trie_child(dict, node, tokens->items[i].id) : 0;
    if (!node) return;
    for (int32_t e = dict->nodes[node].actor; e >= 0 && larger->count < 16;
         e = dict->actors[e].next)
      larger->ids[larger->count++] = dict->actors[e].id;
  }
}

/* Renames, in every actor entry, the ids that the list starting at head gives
 * without a role or a span (not "armenia | USR | ARM | ..1990-08-23") and
 * other than to, the ids of world actors and the larger bodies the actor is
 * part of (the UN of the UN General Assembly), to to. */
static void wd_rename_list(orb_dict *dict, const orb_world *world, const wd_larger *larger,
                           int32_t head, int32_t to) {
  for (int32_t e = head; e >= 0; e = dict->actors[e].next) {
    const ev_actor_entry *entry = &dict->actors[e];
    int32_t from = entry->id;
    int part_of = 0;
    for (size_t k = 0; k < larger->count; k++) part_of |= larger->ids[k] == from;
    if (from == to || part_of || entry->role > 0 || entry->from != ORB_DATE_NONE ||
        entry->to != ORB_DATE_NONE || orb_world_actor(world, ev_string(dict, from)) != ORB_NONE)
      continue;
    for (size_t k = 0; k < dict->actor_count; k++)
      if (dict->actors[k].id == from) dict->actors[k].id = to;
  }
}

/* Whether the list starting at head already codes id for a phrase. */
static int wd_list_has(const orb_dict *dict, int32_t head, int32_t id) {
  for (int32_t e = head; e >= 0; e = dict->actors[e].next)
    if (dict->actors[e].id == id) return 1;
  return 0;
}

/* Adds one phrase of actor a (id interned as id_off): renames the ids the
 * dictionaries give it (states, organisations and blocs only), then writes its
 * line (with role, NULL for none) unless the phrase already codes the id. An
 * organisation with an owner codes the owner with the owner's role instead,
 * renaming nothing. */
static orb_status wd_phrase(orb_dict *dict, const orb_world *world, const orb_actor *a,
                            const wd_larger *larger, int32_t id_off, const char *phrase,
                            const char *role, ev_tokens *tokens, wd_text *t) {
  if (!wd_has_word(phrase)) return ORB_OK;
  if (a->owner.actor != ORB_NONE) {
    wd_entry(t, phrase, world->actors[a->owner.actor].id, a->owner.role, NULL, 0);
    return ORB_OK;
  }
  int org = a->kind == ORB_ACTOR_ORGANISATION || a->kind == ORB_ACTOR_BLOC;
  uint32_t node = wd_phrase_node(dict, phrase, tokens);
  if (node) {
    ev_node *n = &dict->nodes[node];
    if (a->kind != ORB_ACTOR_TERRITORY) {
      wd_rename_list(dict, world, larger, n->actor, id_off);
      wd_rename_list(dict, world, larger, n->replaced, id_off);
    }
    if (!role && wd_list_has(dict, n->actor, id_off)) return ORB_OK;
  }
  wd_entry(t, phrase, a->id, role, NULL, org);
  return ORB_OK;
}

/* Writes "FROM..TO" of a term into buf (either side empty when open). */
static void wd_span(const orb_leader *l, char buf[32]) {
  char from[11] = "", to[11] = "";
  if (l->from != ORB_DATE_NONE) orb_date_format(l->from, ORB_PREC_DAY, from);
  if (l->to != ORB_DATE_NONE) orb_date_format(l->to, ORB_PREC_DAY, to);
  snprintf(buf, 32, "%s..%s", from, to);
}

/* A phrase of a leader: the name or an alias, and whose it is. */
typedef struct wd_named {
  const char *phrase;
  size_t leader;
} wd_named;

static int wd_compare_named(const void *x, const void *y) {
  const wd_named *p = x, *q = y;
  int order = strcasecmp(p->phrase, q->phrase);
  if (order) return order;
  return (p->leader > q->leader) - (p->leader < q->leader);
}

/* Writes "actor | phrase | ..." copies of the entries that the dictionaries
 * already give phrase (in their order, with their roles, spans and marks):
 * what a leader's name codes outside the leader's terms. tokens is scratch. */
static void wd_earlier(const orb_dict *dict, const char *phrase, ev_tokens *tokens,
                       wd_text *t) {
  uint32_t node = wd_phrase_node(dict, phrase, tokens);
  if (!node) return;
  for (int32_t k = dict->nodes[node].actor; k >= 0; k = dict->actors[k].next) {
    const ev_actor_entry *e = &dict->actors[k];
    char from[11] = "", to[11] = "", span[32] = "";
    if (e->from != ORB_DATE_NONE) orb_date_format(e->from, ORB_PREC_DAY, from);
    if (e->to != ORB_DATE_NONE) orb_date_format(e->to, ORB_PREC_DAY, to);
    if (*from || *to) snprintf(span, sizeof span, "%s..%s", from, to);
    wd_entry(t, phrase, ev_string(dict, e->id), ev_string(dict, e->role), span, e->is_org);
  }
}

/* Writes the entries of a's leaders: for each phrase (name or alias, compared
 * without case), one entry per term of every leader named so, with the
 * leader's role, then copies of the entries the dictionaries already give
 * the phrase. Outside every term the phrase thus codes what the dictionaries
 * say (orbit.dict: "yanukovych | UKR | ELI | 2014-02-23..") by PETRARCH's
 * rule for dated roles, and no actor where they say nothing: a world's leader
 * is neither its government nor its elite outside the terms the world gives
 * (docs/EVENTS.md, "Dated roles: a date outside every role"). The code is a's
 * id, or its owner's with the owner's role. Sorting the phrases keeps this
 * O(n log n) in the number of names. ORB_ENOMEM when out of memory. */
static orb_status wd_leaders(const orb_dict *dict, const orb_world *world, const orb_actor *a,
                             ev_tokens *tokens, wd_text *t) {
  size_t n = 0;
  for (size_t j = 0; j < a->leader_count; j++) n += 1 + a->leaders[j].alias_count;
  if (!n) return ORB_OK;
  wd_named *named = malloc(n * sizeof *named);
  if (!named) return ORB_ENOMEM;
  n = 0;
  for (size_t j = 0; j < a->leader_count; j++) {
    const orb_leader *l = &a->leaders[j];
    named[n++] = (wd_named){l->name, j};
    for (size_t i = 0; i < l->alias_count; i++) named[n++] = (wd_named){l->aliases[i], j};
  }
  qsort(named, n, sizeof *named, wd_compare_named);
  int owned = a->owner.actor != ORB_NONE;
  const char *id = owned ? world->actors[a->owner.actor].id : a->id;
  for (size_t k = 0; k < n; k++) {
    const orb_leader *l = &a->leaders[named[k].leader];
    int repeat = k > 0 && named[k - 1].leader == named[k].leader &&
                 strcasecmp(named[k - 1].phrase, named[k].phrase) == 0;
    if (!repeat) { /* a leader's phrase given twice writes one term */
      char span[32];
      wd_span(l, span);
      wd_entry(t, named[k].phrase, id, owned ? a->owner.role : l->role, span, 0);
    }
    if (k + 1 == n || strcasecmp(named[k + 1].phrase, named[k].phrase) != 0)
      wd_earlier(dict, named[k].phrase, tokens, t);
  }
  free(named);
  return ORB_OK;
}

orb_status orb_dict_add_world(orb_dict *dict, const orb_world *world, const char *name,
                              orb_diags *diags) {
  if (!dict || !world) return ORB_EINVAL;
  if (!name) name = "world";
  orb_status st = ORB_OK;
  for (size_t i = 0; i < world->actor_count; i++)
    if (!wd_valid_id(world->actors[i].id)) {
      orb_diags_add(diags, name, 0, 0,
                    "actor '%s' cannot be coded: an event code is capitals, digits and _ "
                    "(rename the actor in the world)", world->actors[i].id);
      st = ORB_EPARSE;
    }
  if (st) return st;
  wd_text t = {0};
  ev_tokens tokens = {0};
  wd_append(&t, "# actors of the world\n", 22);
  for (size_t i = 0; i < world->actor_count && !t.failed && !st; i++) {
    const orb_actor *a = &world->actors[i];
    int32_t id_off = ev_string_intern(dict, a->id, strlen(a->id));
    if (id_off < 0) {
      st = ORB_ENOMEM;
      break;
    }
    wd_larger larger = {.count = 0};
    if (a->name) wd_larger_add(dict, a->name, &tokens, &larger);
    for (size_t k = 0; k < a->alias_count; k++)
      wd_larger_add(dict, a->aliases[k], &tokens, &larger);
    const wd_larger *lg = &larger;
    st = wd_phrase(dict, world, a, lg, id_off, a->name ? a->name : "", NULL, &tokens, &t);
    for (size_t k = 0; k < a->attribute_count && !st; k++) {
      const orb_attribute *at = &a->attributes[k];
      if (at->text && (strcmp(at->name, "adjective") == 0 || strcmp(at->name, "alias") == 0))
        st = wd_phrase(dict, world, a, lg, id_off, at->text, NULL, &tokens, &t);
    }
    for (size_t k = 0; k < a->alias_count && !st; k++)
      st = wd_phrase(dict, world, a, lg, id_off, a->aliases[k], NULL, &tokens, &t);
    for (size_t k = 0; k < a->adjective_count && !st; k++)
      st = wd_phrase(dict, world, a, lg, id_off, a->adjectives[k], NULL, &tokens, &t);
    int org = a->kind == ORB_ACTOR_ORGANISATION || a->kind == ORB_ACTOR_BLOC;
    for (size_t k = 0; k < a->capital_count && !st; k++)
      st = wd_phrase(dict, world, a, lg, id_off, a->capitals[k], org ? NULL : "GOV", &tokens,
                     &t);
    int letters = 1;
    for (const char *p = a->id; *p; p++) letters &= isupper((unsigned char)*p) != 0;
    if (!st && org && letters && strlen(a->id) >= 2)
      st = wd_phrase(dict, world, a, lg, id_off, a->id, NULL, &tokens, &t);
    if (!st) st = wd_leaders(dict, world, a, &tokens, &t);
  }
  free(tokens.items);
  if (!st && t.failed) st = ORB_ENOMEM;
  if (!st) st = orb_dict_add_buffer(dict, name, t.data, t.len, diags);
  free(t.data);
  return st;
}
