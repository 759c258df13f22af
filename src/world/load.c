/*
 * load.c: reads a world file (YAML, docs/WORLD.md) with libfyaml, validates every
 * part of it, and builds an immutable orb_world in one arena.
 *
 * All problems are collected as FILE:LINE:COL diagnostics; when there is any, the
 * arena is freed and no world is returned. The loader never follows aliases (no
 * "billion laughs") and refuses files over INPUT_WORLD_MAX_BYTES. The file is read,
 * checked and parsed by the input layer (core/input_internal.h, core/yaml_kit.h).
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "orbit/world.h"
#include "core/input_internal.h"
#include "core/yaml_kit.h"
#include "world/arena.h"
#include "world/params_internal.h"
#include "world/sections.h"
#include "world/world_internal.h"
#include "world/timeline.h"

enum {
  ORB_ID_MAX = 32
};

typedef struct loader {
  yk_reader r;                /* file, diagnostics, error count, out of memory */
  world_arena *arena;
  orb_world *world;
  bool params_only;           /* read only the parameters (world_load_params_file) */
  const char **actor_ids;     /* scratch for did-you-mean, actor_count long */
  yk_node **actor_nodes;
} loader;

/* ---- errors and scalars (the YAML kit, core/yaml_kit.h) ------------------------- */

/* Records an error at node (printf format). */
static void fail(loader *L, const yk_node *node, const char *format, ...)
    __attribute__((format(printf, 3, 4)));
static void fail(loader *L, const yk_node *node, const char *format, ...) {
  va_list args;
  va_start(args, format);
  yk_verror(&L->r, node, format, args);
  va_end(args);
}

/* Arena allocation that remembers running out of memory. */
static void *alloc_array(loader *L, size_t count, size_t size) {
  void *memory = arena_array(L->arena, count ? count : 1, size);
  if (!memory) L->r.out_of_memory = true;
  return memory;
}

/* The value of key in mapping map, or NULL when absent. */
static yk_node *field(const yk_node *map, const char *key) { return yk_lookup(map, key); }

/* Reports keys of map that are not in allowed (NULL-terminated), with a hint. */
static void check_keys(loader *L, const yk_node *map, const char *what,
                       const char *const *allowed) {
  yk_check_keys(&L->r, map, what, allowed);
}

/* Checks node is a mapping; reports otherwise. */
static bool expect_mapping(loader *L, yk_node *node, const char *what) {
  if (node && yk_is_mapping(node)) return true;
  if (node) fail(L, node, "%s: expected a mapping, got %s", what, yk_kind_name(node));
  return false;
}

/* The items of an optional list (the value of key in what) as an arena array;
 * reports a node that is not a list. *count gets the number of items; NULL when
 * there are none. */
static yk_node **list_items(loader *L, yk_node *node, const char *what,
                            const char *key, size_t *count) {
  *count = 0;
  if (yk_is_null(node)) return NULL;
  if (!yk_is_sequence(node)) {
    fail(L, node, "%s: '%s' must be a list, got %s", what, key, yk_kind_name(node));
    return NULL;
  }
  size_t n = yk_count(node);
  yk_node **items = n ? alloc_array(L, n, sizeof *items) : NULL;
  if (!items) return NULL;
  for (size_t i = 0; i < n; i++) items[(*count)++] = yk_item(node, i);
  return items;
}

/* A non-empty string field copied into the arena; NULL (and an error when
 * required) if missing or not a scalar. */
static const char *get_string(loader *L, yk_node *map, const char *key,
                              const char *what, bool required) {
  size_t len = 0;
  const char *text = yk_string(&L->r, map, key, what, required, &len);
  if (!text) return NULL;
  char *copy = arena_strndup(L->arena, text, len);
  if (!copy) L->r.out_of_memory = true;
  return copy;
}

/* Parses node as a finite number into *value; reports and returns false if not. */
static bool node_number(loader *L, yk_node *node, const char *what,
                        const char *key, double *value) {
  return yk_number(&L->r, node, what, key, value);
}

/* A number field; false (and an error when required) if missing or invalid. */
static bool get_number(loader *L, yk_node *map, const char *key,
                       const char *what, bool required, double *value) {
  yk_node *node = field(map, key);
  if (!node) {
    if (required) fail(L, map, "%s: missing required key '%s'", what, key);
    return false;
  }
  return node_number(L, node, what, key, value);
}

/* A year field (an integer from 1000 to 2999); 0 when absent and optional. */
static int get_year(loader *L, yk_node *map, const char *what, bool required) {
  double value = 0;
  if (!get_number(L, map, "year", what, required, &value)) return 0;
  if (value != floor(value) || value < 1000 || value > 2999) {
    fail(L, field(map, "year"), "%s: 'year' must be a whole year from 1000 to 2999, got %g",
         what, value);
    return 0;
  }
  return (int)value;
}

/* A date field; ORB_DATE_NONE (and an error when required or malformed). */
static orb_date get_date(loader *L, yk_node *map, const char *key,
                         const char *what, bool required, orb_precision *precision) {
  return yk_date(&L->r, map, key, what, required, precision);
}

/* Checks that date lies inside the world's span. */
static void check_in_world(loader *L, yk_node *map, const char *key,
                           const char *what, orb_date date) {
  const orb_world *w = L->world;
  if (date == ORB_DATE_NONE || w->start == ORB_DATE_NONE || w->end == ORB_DATE_NONE)
    return;
  if (date < w->start || date > w->end) {
    char a[11], b[11], c[11];
    orb_date_format(date, ORB_PREC_DAY, a);
    orb_date_format(w->start, ORB_PREC_DAY, b);
    orb_date_format(w->end, ORB_PREC_DAY, c);
    fail(L, field(map, key), "%s: %s %s is outside the world (%s to %s)", what, key, a,
         b, c);
  }
}

/* Picks one of names[0..count) for a string field; -1 (and an error) if none. */
static int get_choice(loader *L, yk_node *map, const char *key, const char *what,
                      const char *const *names, size_t count, bool required) {
  const char *text = get_string(L, map, key, what, required);
  if (!text) return -1;
  for (size_t i = 0; i < count; i++)
    if (strcmp(text, names[i]) == 0) return (int)i;
  char hint[320];
  fail(L, field(map, key), "%s: unknown %s '%s'%s", what, key, text,
       input_hint(text, names, count, 1, hint, sizeof hint));
  return -1;
}

/* ---- provenance and figures --------------------------------------------------- */

/* Reads source: or assumption: (exactly one) of map and counts it. */
static void read_provenance(loader *L, yk_node *map, const char *what,
                            orb_provenance *provenance) {
  bool has_source = field(map, "source") != NULL;
  bool has_assumption = field(map, "assumption") != NULL;
  if (has_source && has_assumption) {
    fail(L, field(map, "assumption"),
         "%s has both source: and assumption:; give exactly one", what);
    return;
  }
  if (!has_source && !has_assumption) {
    fail(L, map, "%s has no source: (or assumption: with its reason)", what);
    return;
  }
  if (has_source) {
    provenance->source = get_string(L, map, "source", what, true);
    if (provenance->source) L->world->sourced_count++;
  } else {
    provenance->assumption = get_string(L, map, "assumption", what, true);
    if (provenance->assumption) L->world->assumption_count++;
  }
}

/* Reads a figure mapping (value, year, source/assumption, note) whose allowed keys
 * are `keys`; `year_required` for dated series. */
static void read_figure(loader *L, yk_node *node, const char *what,
                        const char *const *keys, bool year_required, orb_figure *fig) {
  if (!expect_mapping(L, node, what)) return;
  check_keys(L, node, what, keys);
  get_number(L, node, "value", what, true, &fig->value);
  fig->year = get_year(L, node, what, year_required);
  fig->note = get_string(L, node, "note", what, false);
  read_provenance(L, node, what, &fig->provenance);
}

/* ---- actors ------------------------------------------------------------------- */

/* ---- repeats and overlaps ------------------------------------------------------ */

/* A key to check for repeats: two numbers and a text (unused ones left 0/NULL),
 * and the index of the list item it came from. */
typedef struct dup_key {
  size_t a, b;
  const char *text;
  size_t index;
} dup_key;

static int compare_dup_keys(const void *x, const void *y) {
  const dup_key *p = x, *q = y;
  if (p->a != q->a) return p->a < q->a ? -1 : 1;
  if (p->b != q->b) return p->b < q->b ? -1 : 1;
  int order = strcmp(p->text ? p->text : "", q->text ? q->text : "");
  if (order) return order;
  return (p->index > q->index) - (p->index < q->index);
}

/* Writes what is wrong with a repeated key into buf. */
typedef void (*dup_describe)(const loader *L, const dup_key *key, char *buf, size_t size);

/* Sorts keys[0..count) (O(n log n)) and reports each key equal to an earlier one at
 * nodes[key.index], naming the line of the first. */
static void report_duplicates(loader *L, dup_key *keys, size_t count,
                              yk_node **nodes, dup_describe describe) {
  qsort(keys, count, sizeof *keys, compare_dup_keys);
  size_t first = 0;
  for (size_t i = 1; i < count; i++) {
    const dup_key *p = &keys[first], *q = &keys[i];
    if (p->a != q->a || p->b != q->b ||
        strcmp(p->text ? p->text : "", q->text ? q->text : "") != 0) {
      first = i;
      continue;
    }
    char message[256];
    describe(L, q, message, sizeof message);
    int line = (int)nodes[p->index]->line;
    fail(L, nodes[q->index], "%s (first at line %d)", message, line);
  }
}

/* A dated span of list item `index`, in a group (e.g. an actor) whose spans must
 * not overlap. */
typedef struct span_key {
  size_t group;
  orb_period period;
  size_t index;
} span_key;

static int compare_span_keys(const void *x, const void *y) {
  const span_key *p = x, *q = y;
  if (p->group != q->group) return p->group < q->group ? -1 : 1;
  if (p->period.start != q->period.start) return p->period.start < q->period.start ? -1 : 1;
  return (p->index > q->index) - (p->index < q->index);
}

/* Sorts spans and reports each that starts before an earlier one of its group ends
 * as "<what> N overlaps <what> M" at nodes[N-1]. */
static void report_overlaps(loader *L, span_key *spans, size_t count,
                            yk_node **nodes, const char *what, const char *owner) {
  qsort(spans, count, sizeof *spans, compare_span_keys);
  size_t open = 0; /* the span of the group that ends last so far */
  for (size_t i = 1; i < count; i++) {
    if (spans[i].group != spans[open].group) {
      open = i;
      continue;
    }
    orb_date end = spans[open].period.end;
    if (end == ORB_DATE_NONE || spans[i].period.start < end)
      fail(L, nodes[spans[i].index], "%s %zu of %s overlaps %s %zu", what,
           spans[i].index + 1, owner, what, spans[open].index + 1);
    if (end != ORB_DATE_NONE &&
        (spans[i].period.end == ORB_DATE_NONE || spans[i].period.end > end))
      open = i;
  }
}

static void describe_actor_id(const loader *L, const dup_key *key, char *buf, size_t size) {
  snprintf(buf, size, "duplicate actor id '%s'", key->text);
}

/* True when id is 1..32 bytes of letters, digits, '_', '-', '/', '.'. */
static bool valid_id(const char *id) {
  size_t len = strlen(id);
  if (len == 0 || len > ORB_ID_MAX) return false;
  for (size_t i = 0; i < len; i++) {
    char c = id[i];
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '/' || c == '.';
    if (!ok) return false;
  }
  return true;
}

static const char *const actor_kinds[] = {"state", "bloc", "organisation", "territory"};

/* Reads one actor attribute (a number or a text). */
static void read_attribute(loader *L, yk_node *node, const char *actor_id,
                           size_t index, orb_attribute *attribute) {
  static const char *const keys[] = {"name", "value", "text", "year", "source",
                                     "assumption", "note", NULL};
  char what[96];
  snprintf(what, sizeof what, "attribute %zu of actor '%s'", index + 1, actor_id);
  if (!expect_mapping(L, node, what)) return;
  check_keys(L, node, what, keys);
  attribute->name = get_string(L, node, "name", what, true);
  bool has_value = field(node, "value") != NULL, has_text = field(node, "text") != NULL;
  if (has_value == has_text) {
    fail(L, node, "%s needs exactly one of value: (a number) or text:", what);
  } else if (has_value) {
    get_number(L, node, "value", what, true, &attribute->figure.value);
  } else {
    attribute->text = get_string(L, node, "text", what, true);
  }
  attribute->figure.year = get_year(L, node, what, false);
  attribute->figure.note = get_string(L, node, "note", what, false);
  read_provenance(L, node, what, &attribute->figure.provenance);
}

/* True when text is a word the event coder can read: it has a letter or digit
 * and no '|', '#' or control character (docs/WORLD.md, `names`). */
static bool valid_phrase(const char *text) {
  bool word = false;
  for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
    if (*p < 0x20 || *p == 0x7f || *p == '|' || *p == '#') return false;
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
        *p >= 0x80)
      word = true;
  }
  return word;
}

/* Reads the phrases of key in map (a string or a list of strings) into an arena
 * array; *count gets their number. Reports anything else at its node. */
static const char **get_phrases(loader *L, yk_node *map, const char *key,
                                const char *what, size_t *count) {
  *count = 0;
  yk_node *node = field(map, key);
  if (yk_is_null(node)) return NULL;
  size_t n = yk_is_sequence(node) ? yk_count(node) : 1;
  if (!yk_is_sequence(node) && !yk_is_scalar(node)) {
    fail(L, node, "%s: '%s' must be a string or a list of strings, got %s", what, key,
         yk_kind_name(node));
    return NULL;
  }
  const char **out = alloc_array(L, n, sizeof *out);
  if (!out) return NULL;
  for (size_t i = 0; i < n; i++) {
    yk_node *item = yk_is_sequence(node) ? yk_item(node, i) : node;
    size_t len = 0;
    const char *text = yk_scalar(item, &len);
    if (!text || !len) {
      fail(L, item, "%s: '%s' must hold non-empty strings, got %s", what, key,
           text ? "an empty string" : yk_kind_name(item));
      continue;
    }
    char *copy = arena_strndup(L->arena, text, len);
    if (!copy) {
      L->r.out_of_memory = true;
      return NULL;
    }
    if (!valid_phrase(copy)) {
      char buf[64];
      fail(L, item, "%s: '%s' entry '%s' has no letter or digit, or holds '|', '#' or a "
                    "control character", what, key, yk_quote(item, buf));
      continue;
    }
    out[(*count)++] = copy;
  }
  return out;
}

/* True when role is an agent code of the event dictionaries: 3 capitals. */
static bool valid_role(const char *role) {
  if (strlen(role) != 3) return false;
  for (const char *p = role; *p; p++)
    if (*p < 'A' || *p > 'Z') return false;
  return true;
}

/* An optional role field ("GOV", "BUS"...); fallback when absent. */
static const char *get_role(loader *L, yk_node *map, const char *what,
                            const char *fallback) {
  const char *role = get_string(L, map, "role", what, false);
  if (!role) return fallback;
  if (!valid_role(role)) {
    fail(L, field(map, "role"), "%s: role '%s' must be an agent code of 3 capitals "
                                "(GOV, MIL, BUS, OPP, ELI...)", what, role);
    return fallback;
  }
  return role;
}

/* Appends the n phrases of more to the *count phrases of *list (arena). */
static void add_phrases(loader *L, const char ***list, size_t *count, const char **more,
                        size_t n) {
  if (!n) return;
  const char **joined = alloc_array(L, *count + n, sizeof *joined);
  if (!joined) return;
  if (*count) memcpy(joined, *list, *count * sizeof *joined);
  memcpy(joined + *count, more, n * sizeof *joined);
  *list = joined;
  *count += n;
}

/* Reads an actor's names: a mapping (aliases, adjectives, capital, provenance)
 * or a list of them, each with its own provenance; their phrases add up. The
 * actor's names_provenance is the first entry's. */
static void read_names(loader *L, yk_node *node, const char *actor_id, orb_actor *actor) {
  static const char *const keys[] = {"aliases", "adjectives", "capital", "source",
                                     "assumption", "note", NULL};
  if (!node) return;
  size_t count = 1;
  yk_node **items = &node;
  if (yk_is_sequence(node)) {
    char owner[96];
    snprintf(owner, sizeof owner, "actor '%s'", actor_id);
    items = list_items(L, node, owner, "names", &count);
  }
  for (size_t j = 0; j < count; j++) {
    char what[96];
    if (yk_is_sequence(node))
      snprintf(what, sizeof what, "names %zu of actor '%s'", j + 1, actor_id);
    else
      snprintf(what, sizeof what, "names of actor '%s'", actor_id);
    yk_node *item = items[j];
    if (!expect_mapping(L, item, what)) continue;
    check_keys(L, item, what, keys);
    const char **p;
    size_t n;
    p = get_phrases(L, item, "aliases", what, &n);
    add_phrases(L, &actor->aliases, &actor->alias_count, p, n);
    p = get_phrases(L, item, "adjectives", what, &n);
    add_phrases(L, &actor->adjectives, &actor->adjective_count, p, n);
    p = get_phrases(L, item, "capital", what, &n);
    add_phrases(L, &actor->capitals, &actor->capital_count, p, n);
    get_string(L, item, "note", what, false);
    orb_provenance provenance = {0};
    read_provenance(L, item, what, &provenance);
    if (j == 0) actor->names_provenance = provenance;
  }
}

/* Reads an actor's leaders: list; terms of one office must not overlap. */
static void read_leaders(loader *L, yk_node *list, const char *actor_id, orb_actor *actor) {
  static const char *const keys[] = {"name", "aliases", "office", "role", "from", "to",
                                     "source", "assumption", "note", NULL};
  char owner[96];
  snprintf(owner, sizeof owner, "actor '%s'", actor_id);
  size_t count;
  yk_node **items = list_items(L, list, owner, "leaders", &count);
  if (!count) return;
  actor->leaders = alloc_array(L, count, sizeof *actor->leaders);
  span_key *spans = alloc_array(L, count, sizeof *spans);
  dup_key *groups = alloc_array(L, count, sizeof *groups);
  if (!actor->leaders || !spans || !groups) return;
  actor->leader_count = count;
  for (size_t j = 0; j < count; j++) {
    orb_leader *leader = &actor->leaders[j];
    leader->from = leader->to = ORB_DATE_NONE;
    char what[128];
    snprintf(what, sizeof what, "leader %zu of actor '%s'", j + 1, actor_id);
    yk_node *node = items[j];
    if (!expect_mapping(L, node, what)) continue;
    check_keys(L, node, what, keys);
    leader->name = get_string(L, node, "name", what, true);
    if (leader->name && !valid_phrase(leader->name))
      fail(L, field(node, "name"), "%s: name '%s' has no letter or digit, or holds '|', "
                                   "'#' or a control character", what, leader->name);
    leader->aliases = get_phrases(L, node, "aliases", what, &leader->alias_count);
    leader->office = get_string(L, node, "office", what, true);
    leader->role = get_role(L, node, what, "GOV");
    leader->from = get_date(L, node, "from", what, true, NULL);
    leader->to = get_date(L, node, "to", what, false, NULL);
    if (leader->from != ORB_DATE_NONE && leader->to != ORB_DATE_NONE &&
        leader->to < leader->from)
      fail(L, field(node, "to"), "%s: 'to' is before 'from'", what);
    get_string(L, node, "note", what, false);
    read_provenance(L, node, what, &leader->provenance);
  }
  /* one group per office: its terms must not overlap (one person may hold two
   * offices at once: acting president and prime minister) */
  {
    size_t n = 0;
    for (size_t j = 0; j < count; j++) {
      const orb_leader *leader = &actor->leaders[j];
      const char *text = leader->office;
      if (text && leader->from != ORB_DATE_NONE &&
          (leader->to == ORB_DATE_NONE || leader->to >= leader->from))
        groups[n++] = (dup_key){0, 0, text, j};
    }
    qsort(groups, n, sizeof *groups, compare_dup_keys);
    size_t group = 0;
    for (size_t k = 0; k < n; k++) {
      if (k && strcmp(groups[k].text, groups[k - 1].text) != 0) group++;
      const orb_leader *leader = &actor->leaders[groups[k].index];
      /* a term's end is inclusive; the span is [from, to + 1) */
      orb_date end = leader->to == ORB_DATE_NONE ? ORB_DATE_NONE : leader->to + 1;
      spans[k] = (span_key){group, {leader->from, end}, groups[k].index};
    }
    char by[160];
    snprintf(by, sizeof by, "%s (same office)", owner);
    report_overlaps(L, spans, n, items, "leader", by);
  }
}

static size_t get_actor(loader *L, yk_node *map, const char *key,
                        const char *what, bool required);

/* Reads the owner: of actor index (an organisation's owning state, with the
 * role its names code): after all actors, so that the owner can be any. */
static void read_owner(loader *L, yk_node *actor_node, size_t index) {
  static const char *const keys[] = {"actor", "role", "source", "assumption", "note", NULL};
  yk_node *node = field(actor_node, "owner");
  if (!node) return;
  orb_actor *actor = &L->world->actors[index];
  char what[96];
  snprintf(what, sizeof what, "owner of actor '%s'", actor->id);
  if (!expect_mapping(L, node, what)) return;
  check_keys(L, node, what, keys);
  if (actor->kind != ORB_ACTOR_ORGANISATION) {
    fail(L, node, "%s: only an actor of kind organisation (a company, an agency) has an "
                  "owner", what);
    return;
  }
  size_t owner = get_actor(L, node, "actor", what, true);
  if (owner == index) {
    fail(L, field(node, "actor"), "%s: an actor cannot own itself", what);
    owner = ORB_NONE;
  }
  actor->owner.role = get_role(L, node, what, "BUS");
  get_string(L, node, "note", what, false);
  read_provenance(L, node, what, &actor->owner.provenance);
  actor->owner.actor = owner;
}

/* Reads the actors list and builds the sorted id index. */
static void read_actors(loader *L, yk_node *list) {
  static const char *const keys[] = {"id", "name", "kind", "attributes", "names",
                                     "leaders", "owner", NULL};
  orb_world *w = L->world;
  size_t count;
  yk_node **items = list_items(L, list, "the world file", "actors", &count);
  if (!list) fail(L, NULL, "missing required top-level key 'actors'");
  else if (count == 0 && yk_is_sequence(list))
    fail(L, list, "actors: the world needs at least one actor");
  w->actors = alloc_array(L, count, sizeof *w->actors);
  L->actor_ids = alloc_array(L, count, sizeof *L->actor_ids);
  L->actor_nodes = alloc_array(L, count, sizeof *L->actor_nodes);
  if (L->r.out_of_memory) return;
  w->actor_count = count;
  for (size_t i = 0; i < count; i++) {
    yk_node *node = items[i];
    orb_actor *actor = &w->actors[i];
    char what[64];
    snprintf(what, sizeof what, "actor %zu", i + 1);
    L->actor_nodes[i] = node;
    L->actor_ids[i] = "";
    actor->id = "";
    actor->owner.actor = ORB_NONE;
    if (!expect_mapping(L, node, what)) continue;
    check_keys(L, node, what, keys);
    const char *id = get_string(L, node, "id", what, true);
    if (id && !valid_id(id)) {
      fail(L, field(node, "id"),
           "%s: id '%s' must be 1 to %d letters, digits, '_', '-', '/' or '.'", what, id,
           ORB_ID_MAX);
      id = NULL;
    }
    if (id) actor->id = L->actor_ids[i] = id;
    actor->name = get_string(L, node, "name", what, true);
    int kind = get_choice(L, node, "kind", what, actor_kinds, 4, true);
    actor->kind = kind < 0 ? ORB_ACTOR_STATE : (orb_actor_kind)kind;
    yk_node *attributes = field(node, "attributes");
    size_t attribute_count;
    yk_node **attribute_items =
        list_items(L, attributes, what, "attributes", &attribute_count);
    actor->attributes = alloc_array(L, attribute_count, sizeof *actor->attributes);
    if (!actor->attributes) return;
    actor->attribute_count = attribute_count;
    for (size_t j = 0; j < attribute_count; j++)
      read_attribute(L, attribute_items[j], actor->id, j, &actor->attributes[j]);
    read_names(L, field(node, "names"), actor->id, actor);
    read_leaders(L, field(node, "leaders"), actor->id, actor);
  }
  dup_key *dups = alloc_array(L, count, sizeof *dups);
  size_t *order = alloc_array(L, count, sizeof *order);
  if (!dups || !order) return;
  for (size_t i = 0; i < count; i++) dups[i] = (dup_key){0, 0, w->actors[i].id, i};
  report_duplicates(L, dups, count, items, describe_actor_id);
  for (size_t i = 0; i < count; i++) order[i] = dups[i].index;
  w->actor_order = order;
  for (size_t i = 0; i < count; i++)
    if (yk_is_mapping(items[i])) read_owner(L, items[i], i);
  for (size_t i = 0; i < count; i++) { /* one level: the owner owns itself */
    size_t owner = w->actors[i].owner.actor;
    if (owner != ORB_NONE && w->actors[owner].owner.actor != ORB_NONE)
      fail(L, field(field(items[i], "owner"), "actor"),
           "owner of actor '%s': '%s' has an owner itself; name the owning state",
           w->actors[i].id, w->actors[owner].id);
  }
}

/* Resolves the actor id in field key of map; ORB_NONE (and an error) if unknown. */
static size_t get_actor(loader *L, yk_node *map, const char *key,
                        const char *what, bool required) {
  const char *id = get_string(L, map, key, what, required);
  if (!id) return ORB_NONE;
  size_t index = orb_world_actor(L->world, id);
  if (index != ORB_NONE) return index;
  char hint[320];
  input_hint(id, L->actor_ids, L->world->actor_count, 0, hint, sizeof hint);
  fail(L, field(map, key), "%s: unknown actor '%s'%s", what, id,
       hint[0] ? hint : " (not in actors:)");
  return ORB_NONE;
}

/* ---- ties --------------------------------------------------------------------- */

static int compare_figure_years(const void *a, const void *b) {
  const orb_figure *x = a, *y = b;
  return (x->year > y->year) - (x->year < y->year);
}

static void describe_year(const loader *L, const dup_key *key, char *buf, size_t size) {
  snprintf(buf, size, "value %zu of tie %zu: a second value for year %zu", key->index + 1,
           key->a, key->b);
}

static void describe_tie(const loader *L, const dup_key *key, char *buf, size_t size) {
  snprintf(buf, size, "tie %zu repeats %s -> %s (%s); put all years in one tie's values",
           key->index + 1, L->world->actors[key->a].id, L->world->actors[key->b].id,
           key->text);
}

/* Reads the ties list: endpoints, type, shares by year. */
static void read_ties(loader *L, yk_node *list) {
  static const char *const keys[] = {"from", "to", "type", "values", "ended", NULL};
  static const char *const value_keys[] = {"value", "year", "source", "assumption",
                                           "note", NULL};
  orb_world *w = L->world;
  const char *types[ORB_TIE_TYPE_COUNT];
  for (int t = 0; t < ORB_TIE_TYPE_COUNT; t++) types[t] = orb_tie_type_name((orb_tie_type)t);
  size_t count;
  yk_node **items = list_items(L, list, "the world file", "ties", &count);
  w->ties = alloc_array(L, count, sizeof *w->ties);
  dup_key *tie_keys = alloc_array(L, count, sizeof *tie_keys);
  size_t tie_key_count = 0;
  if (!w->ties || !tie_keys) return;
  w->tie_count = count;
  for (size_t i = 0; i < count; i++) {
    yk_node *node = items[i];
    orb_tie *tie = &w->ties[i];
    char what[64];
    snprintf(what, sizeof what, "tie %zu", i + 1);
    tie->type = ORB_TIE_TYPE_COUNT; /* none until read */
    tie->ended = ORB_DATE_NONE;
    if (!expect_mapping(L, node, what)) continue;
    check_keys(L, node, what, keys);
    tie->from = get_actor(L, node, "from", what, true);
    tie->to = get_actor(L, node, "to", what, true);
    if (tie->from != ORB_NONE && tie->from == tie->to)
      fail(L, field(node, "to"), "%s: an actor cannot depend on itself ('%s')", what,
           w->actors[tie->from].id);
    int type = get_choice(L, node, "type", what, types, ORB_TIE_TYPE_COUNT, true);
    if (type >= 0) tie->type = (orb_tie_type)type;
    tie->backdated = w->ties_backdated && type >= 0 && !orb_tie_type_get(tie->type)->dated;
    tie->ended = get_date(L, node, "ended", what, false, NULL);
    yk_node *values = field(node, "values");
    size_t value_count;
    yk_node **value_items = list_items(L, values, what, "values", &value_count);
    if (!values) fail(L, node, "%s: missing required key 'values'", what);
    else if (value_count == 0 && yk_is_sequence(values))
      fail(L, values, "%s: 'values' needs at least one figure", what);
    tie->values = alloc_array(L, value_count, sizeof *tie->values);
    dup_key *year_keys = alloc_array(L, value_count, sizeof *year_keys);
    if (!tie->values || !year_keys) return;
    tie->value_count = value_count;
    for (size_t j = 0; j < value_count; j++) {
      yk_node *value_node = value_items[j];
      char value_what[256];
      snprintf(value_what, sizeof value_what, "value %zu of %s", j + 1, what);
      orb_figure *fig = &tie->values[j];
      read_figure(L, value_node, value_what, value_keys, true, fig);
      if (fig->value < 0 || fig->value > 1)
        fail(L, field(value_node, "value"), "%s: a share must be in [0, 1], got %g",
             value_what, fig->value);
      if (year_keys) year_keys[j] = (dup_key){i + 1, (size_t)fig->year, NULL, j};
    }
    if (year_keys) report_duplicates(L, year_keys, value_count, value_items, describe_year);
    qsort(tie->values, value_count, sizeof *tie->values, compare_figure_years);
    if (tie->from != ORB_NONE && tie->to != ORB_NONE && type >= 0)
      tie_keys[tie_key_count++] = (dup_key){tie->from, tie->to, types[type], i};
  }
  report_duplicates(L, tie_keys, tie_key_count, items, describe_tie);
}

/* ---- institutions ------------------------------------------------------------- */

/* Reads a membership's suspensions and checks they lie inside its period. */
static void read_suspensions(loader *L, yk_node *node, const char *what,
                             orb_membership *member) {
  static const char *const keys[] = {"from", "to", NULL};
  yk_node *list = field(node, "suspended");
  size_t count;
  yk_node **items = list_items(L, list, what, "suspended", &count);
  member->suspensions = alloc_array(L, count, sizeof *member->suspensions);
  span_key *spans = alloc_array(L, count, sizeof *spans);
  size_t span_count = 0;
  if (!member->suspensions || !spans) return;
  member->suspension_count = count;
  for (size_t k = 0; k < count; k++) {
    yk_node *span = items[k];
    char span_what[256];
    snprintf(span_what, sizeof span_what, "suspension %zu of %s", k + 1, what);
    orb_period *period = &member->suspensions[k];
    period->start = period->end = ORB_DATE_NONE;
    if (!expect_mapping(L, span, span_what)) continue;
    check_keys(L, span, span_what, keys);
    period->start = get_date(L, span, "from", span_what, true, NULL);
    period->end = get_date(L, span, "to", span_what, false, NULL);
    if (period->start == ORB_DATE_NONE) continue;
    if (period->end != ORB_DATE_NONE && period->end <= period->start)
      fail(L, field(span, "to"), "%s ends before it starts", span_what);
    bool inside = period->start >= member->period.start &&
                  (member->period.end == ORB_DATE_NONE ||
                   (period->start < member->period.end &&
                    period->end != ORB_DATE_NONE && period->end <= member->period.end));
    if (member->period.start != ORB_DATE_NONE && !inside)
      fail(L, span, "%s lies outside the membership it suspends", span_what);
    spans[span_count++] = (span_key){0, *period, k};
  }
  report_overlaps(L, spans, span_count, items, "suspension", what);
}

/* Reads one institution: its actor, leader, commitment and memberships. */
static void read_institution(loader *L, yk_node *node, size_t index,
                             orb_institution *inst) {
  static const char *const keys[] = {"id", "leader", "commitment", "commitment_text",
                                     "members", "source", "assumption", NULL};
  static const char *const member_keys[] = {"actor", "role", "joined", "left",
                                            "suspended", "source", "assumption", NULL};
  static const char *const roles[] = {"member", "observer"};
  orb_world *w = L->world;
  char what[96];
  snprintf(what, sizeof what, "institution %zu", index + 1);
  inst->actor = inst->leader = ORB_NONE;
  if (!expect_mapping(L, node, what)) return;
  check_keys(L, node, what, keys);
  inst->actor = get_actor(L, node, "id", what, true);
  if (inst->actor != ORB_NONE) {
    const orb_actor *actor = &w->actors[inst->actor];
    snprintf(what, sizeof what, "institution '%s'", actor->id);
    if (actor->kind != ORB_ACTOR_ORGANISATION && actor->kind != ORB_ACTOR_BLOC)
      fail(L, field(node, "id"), "%s: its actor must be of kind organisation or bloc",
           what);
  }
  inst->leader = get_actor(L, node, "leader", what, false);
  const char *commitments[ORB_COMMITMENT_COUNT];
  for (int c = 0; c < ORB_COMMITMENT_COUNT; c++)
    commitments[c] = orb_commitment_name((orb_commitment)c);
  int commitment = get_choice(L, node, "commitment", what, commitments,
                              ORB_COMMITMENT_COUNT, true);
  inst->commitment = commitment >= 0 ? (orb_commitment)commitment : ORB_COMMITMENT_POLITICAL;
  inst->commitment_text = get_string(L, node, "commitment_text", what, false);
  read_provenance(L, node, what, &inst->provenance);
  yk_node *members = field(node, "members");
  size_t count;
  yk_node **items = list_items(L, members, what, "members", &count);
  if (!members) fail(L, node, "%s: missing required key 'members'", what);
  inst->members = alloc_array(L, count, sizeof *inst->members);
  span_key *spans = alloc_array(L, count, sizeof *spans);
  size_t span_count = 0;
  if (!inst->members || !spans) return;
  inst->member_count = count;
  for (size_t j = 0; j < count; j++) {
    yk_node *member_node = items[j];
    orb_membership *member = &inst->members[j];
    char member_what[200];
    snprintf(member_what, sizeof member_what, "membership %zu of %s", j + 1, what);
    member->actor = ORB_NONE;
    member->period.start = member->period.end = ORB_DATE_NONE;
    if (!expect_mapping(L, member_node, member_what)) continue;
    check_keys(L, member_node, member_what, member_keys);
    member->actor = get_actor(L, member_node, "actor", member_what, true);
    if (member->actor != ORB_NONE)
      snprintf(member_what, sizeof member_what, "membership of '%s' in %s",
               w->actors[member->actor].id, what);
    int role = field(member_node, "role")
                   ? get_choice(L, member_node, "role", member_what, roles, 2, true)
                   : 0;
    member->role = role == 1 ? ORB_ROLE_OBSERVER : ORB_ROLE_MEMBER;
    member->period.start = get_date(L, member_node, "joined", member_what, true, NULL);
    member->period.end = get_date(L, member_node, "left", member_what, false, NULL);
    if (member->period.start != ORB_DATE_NONE && member->period.end != ORB_DATE_NONE &&
        member->period.end <= member->period.start)
      fail(L, field(member_node, "left"), "%s ends before it starts", member_what);
    read_suspensions(L, member_node, member_what, member);
    read_provenance(L, member_node, member_what, &member->provenance);
    if (member->actor != ORB_NONE && member->period.start != ORB_DATE_NONE)
      spans[span_count++] = (span_key){member->actor, member->period, j};
  }
  report_overlaps(L, spans, span_count, items, "membership", what);
}

static void describe_institution(const loader *L, const dup_key *key, char *buf,
                                 size_t size) {
  snprintf(buf, size, "duplicate institution '%s'", L->world->actors[key->a].id);
}

/* Reads the institutions list; each institution's actor appears only once. */
static void read_institutions(loader *L, yk_node *list) {
  orb_world *w = L->world;
  size_t count;
  yk_node **items = list_items(L, list, "the world file", "institutions", &count);
  w->institutions = alloc_array(L, count, sizeof *w->institutions);
  dup_key *dups = alloc_array(L, count, sizeof *dups);
  size_t key_count = 0;
  if (!w->institutions || !dups) return;
  w->institution_count = count;
  for (size_t i = 0; i < count; i++) {
    read_institution(L, items[i], i, &w->institutions[i]);
    if (w->institutions[i].actor != ORB_NONE)
      dups[key_count++] = (dup_key){w->institutions[i].actor, 0, NULL, i};
  }
  report_duplicates(L, dups, key_count, items, describe_institution);
}

/* ---- issues ------------------------------------------------------------------- */

static const char *const stance_names[] = {"support", "silent", "condemn"};

static void describe_option(const loader *L, const dup_key *key, char *buf, size_t size) {
  snprintf(buf, size, "option %zu: duplicate option id '%s'", key->index + 1, key->text);
}

/* Reads an issue's options; at least one, ids unique. */
static void read_options(loader *L, yk_node *node, const char *what,
                         orb_issue *issue) {
  static const char *const keys[] = {"id", "stance", "label", NULL};
  yk_node *list = field(node, "options");
  size_t count;
  yk_node **items = list_items(L, list, what, "options", &count);
  if (count == 0)
    fail(L, list ? list : node, "%s has no options (needs a list of {id, stance})", what);
  issue->options = alloc_array(L, count, sizeof *issue->options);
  dup_key *dups = alloc_array(L, count, sizeof *dups);
  if (!issue->options || !dups) return;
  issue->option_count = count;
  for (size_t j = 0; j < count; j++) {
    yk_node *option_node = items[j];
    orb_option *option = &issue->options[j];
    char option_what[256];
    snprintf(option_what, sizeof option_what, "option %zu of %s", j + 1, what);
    option->id = "";
    if (!expect_mapping(L, option_node, option_what)) continue;
    check_keys(L, option_node, option_what, keys);
    const char *id = get_string(L, option_node, "id", option_what, true);
    if (id) option->id = id;
    int stance = get_choice(L, option_node, "stance", option_what, stance_names,
                            ORB_STANCE_COUNT, true);
    option->stance = stance < 0 ? ORB_STANCE_SILENT : (orb_stance)stance;
    option->label = get_string(L, option_node, "label", option_what, false);
    dups[j] = (dup_key){0, 0, option->id, j};
  }
  report_duplicates(L, dups, count, items, describe_option);
}

/* Reads an issue's attributes mapping (name: number). */
static void read_issue_attributes(loader *L, yk_node *node, const char *what,
                                  orb_issue *issue) {
  yk_node *map = field(node, "attributes");
  if (!map) return;
  if (!expect_mapping(L, map, what)) return;
  size_t count = yk_count(map);
  issue->attributes = alloc_array(L, count, sizeof *issue->attributes);
  if (!issue->attributes) return;
  for (size_t k = 0; k < count; k++) {
    yk_node *key = yk_key(map, k);
    size_t len = 0;
    const char *name = yk_scalar(key, &len);
    if (!name || len == 0) {
      fail(L, key, "%s: attribute names must be strings", what);
      continue;
    }
    orb_issue_attribute *attribute = &issue->attributes[issue->attribute_count];
    attribute->name = arena_strndup(L->arena, name, len);
    if (!attribute->name) L->r.out_of_memory = true;
    else if (node_number(L, yk_value(map, k), what, attribute->name, &attribute->value))
      issue->attribute_count++;
  }
}

static void describe_observed(const loader *L, const dup_key *key, char *buf,
                              size_t size) {
  snprintf(buf, size, "observed stance %zu: a second stance for '%s'", key->index + 1,
           L->world->actors[key->a].id);
}

/* Reads an issue's observed stances: known actor and option, one per actor. */
static void read_observed(loader *L, yk_node *node, const char *what,
                          orb_issue *issue) {
  static const char *const keys[] = {"actor", "option", "source", "assumption", NULL};
  yk_node *list = field(node, "observed");
  size_t count;
  yk_node **items = list_items(L, list, what, "observed", &count);
  issue->observed = alloc_array(L, count, sizeof *issue->observed);
  dup_key *dups = alloc_array(L, count, sizeof *dups);
  size_t key_count = 0;
  if (!issue->observed || !dups) return;
  issue->observed_count = count;
  for (size_t j = 0; j < count; j++) {
    yk_node *obs_node = items[j];
    orb_observed_stance *obs = &issue->observed[j];
    char obs_what[256];
    snprintf(obs_what, sizeof obs_what, "observed stance %zu of %s", j + 1, what);
    obs->actor = obs->option = ORB_NONE;
    if (!expect_mapping(L, obs_node, obs_what)) continue;
    check_keys(L, obs_node, obs_what, keys);
    obs->actor = get_actor(L, obs_node, "actor", obs_what, true);
    const char *option = get_string(L, obs_node, "option", obs_what, true);
    for (size_t k = 0; option && k < issue->option_count; k++)
      if (strcmp(issue->options[k].id, option) == 0) obs->option = k;
    if (option && obs->option == ORB_NONE && issue->option_count > 0)
      fail(L, field(obs_node, "option"), "%s: '%s' is not an option of the issue",
           obs_what, option);
    read_provenance(L, obs_node, obs_what, &obs->provenance);
    if (obs->actor != ORB_NONE) dups[key_count++] = (dup_key){obs->actor, 0, NULL, j};
  }
  report_duplicates(L, dups, key_count, items, describe_observed);
}

static void describe_issue(const loader *L, const dup_key *key, char *buf, size_t size) {
  snprintf(buf, size, "duplicate issue id '%s'", key->text);
}

/* Reads the issues list. */
static void read_issues(loader *L, yk_node *list) {
  static const char *const keys[] = {"id", "title", "date", "patron", "options",
                                     "attributes", "observed", "source", "assumption",
                                     NULL};
  orb_world *w = L->world;
  size_t count;
  yk_node **items = list_items(L, list, "the world file", "issues", &count);
  w->issues = alloc_array(L, count, sizeof *w->issues);
  dup_key *dups = alloc_array(L, count, sizeof *dups);
  if (!w->issues || !dups) return;
  w->issue_count = count;
  for (size_t i = 0; i < count; i++) {
    yk_node *node = items[i];
    orb_issue *issue = &w->issues[i];
    char what[96];
    snprintf(what, sizeof what, "issue %zu", i + 1);
    issue->id = "";
    issue->patron = ORB_NONE;
    if (!expect_mapping(L, node, what)) continue;
    check_keys(L, node, what, keys);
    const char *id = get_string(L, node, "id", what, true);
    if (id) {
      issue->id = id;
      snprintf(what, sizeof what, "issue '%s'", id);
    }
    issue->title = get_string(L, node, "title", what, true);
    issue->date = get_date(L, node, "date", what, true, NULL);
    check_in_world(L, node, "date", what, issue->date);
    issue->patron = get_actor(L, node, "patron", what, true);
    read_provenance(L, node, what, &issue->provenance);
    read_options(L, node, what, issue);
    read_issue_attributes(L, node, what, issue);
    read_observed(L, node, what, issue);
  }
  for (size_t i = 0; i < count; i++) dups[i] = (dup_key){0, 0, w->issues[i].id, i};
  report_duplicates(L, dups, count, items, describe_issue);
}

/* ---- events ------------------------------------------------------------------- */

/* True when text is 2 to 4 digits, the shape of a CAMEO code. */
static bool valid_cameo(const char *text) {
  size_t len = strlen(text);
  if (len < 2 || len > 4) return false;
  for (size_t i = 0; i < len; i++)
    if (text[i] < '0' || text[i] > '9') return false;
  return true;
}

/* Reads one event. */
static void read_event(loader *L, yk_node *node, size_t index, orb_event *event) {
  static const char *const keys[] = {"date", "actor", "target", "type", "cameo",
                                     "magnitude", "description", "source", "assumption",
                                     NULL};
  static const char *const magnitude_keys[] = {"value", "year", "source", "assumption",
                                               "note", NULL};
  char what[64];
  snprintf(what, sizeof what, "event %zu", index + 1);
  event->source = event->target = ORB_NONE;
  event->date = ORB_DATE_NONE;
  if (!expect_mapping(L, node, what)) return;
  check_keys(L, node, what, keys);
  event->date = get_date(L, node, "date", what, true, &event->precision);
  check_in_world(L, node, "date", what, event->date);
  event->source = get_actor(L, node, "actor", what, true);
  event->target = get_actor(L, node, "target", what, false);
  const char *type = get_string(L, node, "type", what, true);
  if (type && orb_event_type_find(type, &event->type) != ORB_OK) {
    const char *names[ORB_EV_TYPE_COUNT];
    for (int t = 0; t < ORB_EV_TYPE_COUNT; t++) names[t] = orb_event_type_name(t);
    char hint[320];
    input_hint(type, names, ORB_EV_TYPE_COUNT, 0, hint, sizeof hint);
    fail(L, field(node, "type"), "%s: unknown event type '%s'%s", what, type,
         hint[0] ? hint : " (see docs/WORLD.md)");
  }
  event->cameo = get_string(L, node, "cameo", what, false);
  if (event->cameo && !valid_cameo(event->cameo))
    fail(L, field(node, "cameo"), "%s: cameo must be a code of 2 to 4 digits, got '%s'",
         what, event->cameo);
  yk_node *magnitude = field(node, "magnitude");
  if (magnitude) {
    char magnitude_what[256];
    snprintf(magnitude_what, sizeof magnitude_what, "magnitude of %s", what);
    event->has_magnitude = 1;
    read_figure(L, magnitude, magnitude_what, magnitude_keys, false, &event->magnitude);
  }
  event->description = get_string(L, node, "description", what, true);
  read_provenance(L, node, what, &event->provenance);
}

/* Reads the events list and sorts it by date (stable). */
static void read_events(loader *L, yk_node *list) {
  orb_world *w = L->world;
  size_t count;
  yk_node **items = list_items(L, list, "the world file", "events", &count);
  w->events = alloc_array(L, count, sizeof *w->events);
  if (!w->events) return;
  for (size_t i = 0; i < count; i++) read_event(L, items[i], i, &w->events[i]);
  w->event_count = count;
  if (timeline_sort(w->events, count) != ORB_OK) L->r.out_of_memory = true;
}

/* ---- parameters --------------------------------------------------------------- */

static void describe_param(const loader *L, const dup_key *key, char *buf, size_t size) {
  snprintf(buf, size, "duplicate parameter '%s'", key->text);
}

/* Checks value (the default or an end of the range of a parameter, at node)
 * against the registered spec: inside the admissible range. Returns whether it
 * passes. */
static bool check_param_value(loader *L, yk_node *node, const char *what,
                              const char *key, const orb_param_spec *spec, double value) {
  if (value < spec->low || value > spec->high) {
    fail(L, node, "%s: %s %g is outside the admissible range [%g, %g] (%s)", what, key,
         value, spec->low, spec->high, spec->meaning);
    return false;
  }
  return true;
}

/* Reads the parameters list: each a registered parameter (src/world/params.c)
 * with a value it admits, default inside its range, a justification each. */
static void read_params(loader *L, yk_node *list) {
  static const char *const keys[] = {"name", "default", "range", "distribution",
                                     "justification", "fitted_by", NULL};
  orb_world *w = L->world;
  size_t count;
  yk_node **items = list_items(L, list, "the world file", "parameters", &count);
  w->params = alloc_array(L, count, sizeof *w->params);
  dup_key *dups = alloc_array(L, count, sizeof *dups);
  if (!w->params || !dups) return;
  w->param_count = count;
  for (size_t i = 0; i < count; i++) {
    yk_node *node = items[i];
    orb_param *param = &w->params[i];
    char what[96];
    snprintf(what, sizeof what, "parameter %zu", i + 1);
    param->name = "";
    if (!expect_mapping(L, node, what)) continue;
    check_keys(L, node, what, keys);
    const char *name = get_string(L, node, "name", what, true);
    if (name) {
      param->name = name;
      snprintf(what, sizeof what, "parameter '%s'", name);
    }
    bool has_default = get_number(L, node, "default", what, true, &param->value);
    param->low = param->high = param->value;
    const orb_param_spec *spec = name ? orb_param_spec_find(name) : NULL;
    if (name && !spec) {
      const char *hint = orb_param_spec_closest(name);
      fail(L, field(node, "name"), "%s: no model has this parameter%s%s%s (`orbit help "
           "parameters` lists them)", what, hint ? " (did you mean '" : "", hint ? hint : "",
           hint ? "'?)" : "");
    } else if (spec && has_default) {
      check_param_value(L, field(node, "default"), what, "default", spec, param->value);
    }
    yk_node *range = field(node, "range");
    if (range) {
      if (!yk_is_sequence(range) || yk_count(range) != 2) {
        fail(L, range, "%s: 'range' must be a list [low, high]", what);
      } else if (node_number(L, yk_item(range, 0), what, "range",
                             &param->low) &&
                 node_number(L, yk_item(range, 1), what, "range",
                             &param->high)) {
        if (param->low > param->high)
          fail(L, range, "%s: range [%g, %g] has low above high", what, param->low,
               param->high);
        else if (spec && (!check_param_value(L, yk_item(range, 0),
                                             what, "range end", spec, param->low) ||
                          !check_param_value(L, yk_item(range, 1),
                                             what, "range end", spec, param->high)))
          ; /* reported */
        else if (has_default && (param->value < param->low || param->value > param->high))
          fail(L, field(node, "default"), "%s: default %g is outside its range [%g, %g]",
               what, param->value, param->low, param->high);
      }
    }
    param->distribution = get_string(L, node, "distribution", what, false);
    if (!range && !param->distribution)
      fail(L, node, "%s needs a range: [low, high] or a distribution:", what);
    param->justification = get_string(L, node, "justification", what, true);
    param->fitted_by = get_string(L, node, "fitted_by", what, false);
  }
  for (size_t i = 0; i < count; i++) dups[i] = (dup_key){0, 0, w->params[i].name, i};
  report_duplicates(L, dups, count, items, describe_param);
}

/* ---- bargains ------------------------------------------------------------------ */

enum { BARGAIN_MIN_ACTORS = 3, BARGAIN_MAX_DIMENSIONS = 64 };

/* Reads key of map as a list of exactly `count` numbers in [0, 100] into values. */
static void read_scale_list(loader *L, yk_node *map, const char *key,
                            const char *what, size_t count, double *values) {
  size_t n;
  yk_node *list = field(map, key);
  yk_node **items = list_items(L, list, what, key, &n);
  if (!list) {
    fail(L, map, "%s: missing required key '%s'", what, key);
    return;
  }
  if (n != count && yk_is_sequence(list)) {
    fail(L, list, "%s: '%s' has %zu numbers for %zu dimensions", what, key, n, count);
    return;
  }
  for (size_t k = 0; k < n; k++)
    if (node_number(L, items[k], what, key, &values[k]) && (values[k] < 0 || values[k] > 100))
      fail(L, items[k], "%s: '%s' must be on the 0..100 scale, got %g", what, key,
           values[k]);
}

static void describe_stand(const loader *L, const dup_key *key, char *buf, size_t size) {
  snprintf(buf, size, "actor %zu: a second stand for '%s'", key->index + 1,
           L->world->actors[key->a].id);
}

/* Reads one actor's stand in bargain `issue`. */
static void read_stand(loader *L, yk_node *node, const orb_bargain_issue *issue,
                       size_t index, orb_bargain_stand *stand) {
  static const char *const keys[] = {"actor", "positions", "saliences", "capability",
                                     "source", "assumption", NULL};
  static const char *const capability_keys[] = {"value", "year", "source", "assumption",
                                                "note", NULL};
  char what[128];
  snprintf(what, sizeof what, "actor %zu of bargain '%s'", index + 1, issue->id);
  stand->actor = ORB_NONE;
  size_t dims = issue->dimension_count;
  stand->positions = alloc_array(L, dims, sizeof *stand->positions);
  stand->saliences = alloc_array(L, dims, sizeof *stand->saliences);
  if (!stand->positions || !stand->saliences) return;
  if (!expect_mapping(L, node, what)) return;
  check_keys(L, node, what, keys);
  stand->actor = get_actor(L, node, "actor", what, true);
  if (stand->actor != ORB_NONE)
    snprintf(what, sizeof what, "actor '%s' of bargain '%s'", L->world->actors[stand->actor].id,
             issue->id);
  read_scale_list(L, node, "positions", what, dims, stand->positions);
  read_scale_list(L, node, "saliences", what, dims, stand->saliences);
  double salience_sum = 0;
  for (size_t k = 0; k < dims; k++) salience_sum += stand->saliences[k];
  if (salience_sum > 100)
    fail(L, field(node, "saliences"), "%s: saliences sum to %g, over 100", what, salience_sum);
  else if (salience_sum <= 0 && field(node, "saliences"))
    fail(L, field(node, "saliences"), "%s: saliences sum to 0; at least one must be positive",
         what);
  yk_node *capability = field(node, "capability");
  if (capability) {
    char capability_what[160];
    snprintf(capability_what, sizeof capability_what, "capability of %s", what);
    stand->has_capability = 1;
    read_figure(L, capability, capability_what, capability_keys, false, &stand->capability);
    if (stand->capability.value <= 0)
      fail(L, capability, "%s must be positive, got %g", capability_what,
           stand->capability.value);
  } else if (stand->actor != ORB_NONE) {
    int year;
    orb_date_to_ymd(issue->date, &year, NULL, NULL);
    const orb_figure *figure =
        issue->capability_attribute
            ? orb_actor_attribute(L->world, stand->actor, issue->capability_attribute, year)
            : NULL;
    if (!figure || figure->value <= 0)
      fail(L, node, "%s has no capability: give capability: or a positive attribute '%s' "
           "of the actor", what,
           issue->capability_attribute ? issue->capability_attribute : "(named by the "
                                                                      "bargain's capability:)");
  }
  read_provenance(L, node, what, &stand->provenance);
}

/* Reads a bargain's dimensions: names and what their 0 and 100 mean. */
static void read_dimensions(loader *L, yk_node *node, const char *what,
                            orb_bargain_issue *issue) {
  static const char *const keys[] = {"id", "label", NULL};
  size_t count;
  yk_node *list = field(node, "dimensions");
  yk_node **items = list_items(L, list, what, "dimensions", &count);
  if (count == 0 || count > BARGAIN_MAX_DIMENSIONS) {
    fail(L, list ? list : node, "%s needs 1 to %d dimensions, has %zu", what,
         BARGAIN_MAX_DIMENSIONS, count);
    return;
  }
  issue->dimensions = alloc_array(L, count, sizeof *issue->dimensions);
  issue->dimension_labels = alloc_array(L, count, sizeof *issue->dimension_labels);
  if (!issue->dimensions || !issue->dimension_labels) return;
  issue->dimension_count = count;
  for (size_t k = 0; k < count; k++) {
    char dimension_what[160];
    snprintf(dimension_what, sizeof dimension_what, "dimension %zu of %s", k + 1, what);
    issue->dimensions[k] = issue->dimension_labels[k] = "";
    if (!expect_mapping(L, items[k], dimension_what)) continue;
    check_keys(L, items[k], dimension_what, keys);
    const char *id = get_string(L, items[k], "id", dimension_what, true);
    const char *label = get_string(L, items[k], "label", dimension_what, true);
    if (id) issue->dimensions[k] = id;
    if (label) issue->dimension_labels[k] = label;
  }
}

static void describe_bargain(const loader *L, const dup_key *key, char *buf, size_t size) {
  snprintf(buf, size, "duplicate bargain id '%s'", key->text);
}

/* Reads the bargains list: issues for the spatial bargaining model. */
static void read_bargains(loader *L, yk_node *list) {
  static const char *const keys[] = {"id", "title", "date", "dimensions", "capability",
                                     "actors", "source", "assumption", NULL};
  orb_world *w = L->world;
  size_t count;
  yk_node **items = list_items(L, list, "the world file", "bargains", &count);
  w->bargains = alloc_array(L, count, sizeof *w->bargains);
  dup_key *dups = alloc_array(L, count, sizeof *dups);
  if (!w->bargains || !dups) return;
  w->bargain_count = count;
  for (size_t i = 0; i < count; i++) {
    yk_node *node = items[i];
    orb_bargain_issue *issue = &w->bargains[i];
    char what[96];
    snprintf(what, sizeof what, "bargain %zu", i + 1);
    issue->id = "";
    dups[i] = (dup_key){0, 0, "", i};
    if (!expect_mapping(L, node, what)) continue;
    check_keys(L, node, what, keys);
    const char *id = get_string(L, node, "id", what, true);
    if (id) {
      issue->id = dups[i].text = id;
      snprintf(what, sizeof what, "bargain '%s'", id);
    }
    issue->title = get_string(L, node, "title", what, true);
    issue->date = get_date(L, node, "date", what, true, NULL);
    check_in_world(L, node, "date", what, issue->date);
    issue->capability_attribute = get_string(L, node, "capability", what, false);
    read_provenance(L, node, what, &issue->provenance);
    read_dimensions(L, node, what, issue);
    size_t stand_count;
    yk_node *actors = field(node, "actors");
    yk_node **stand_items = list_items(L, actors, what, "actors", &stand_count);
    if (stand_count < BARGAIN_MIN_ACTORS)
      fail(L, actors ? actors : node, "%s needs at least %d actors, has %zu", what,
           BARGAIN_MIN_ACTORS, stand_count);
    if (!issue->dimension_count) continue;
    issue->stands = alloc_array(L, stand_count, sizeof *issue->stands);
    dup_key *stand_dups = alloc_array(L, stand_count, sizeof *stand_dups);
    size_t stand_dup_count = 0;
    if (!issue->stands || !stand_dups) return;
    issue->stand_count = stand_count;
    for (size_t j = 0; j < stand_count; j++) {
      read_stand(L, stand_items[j], issue, j, &issue->stands[j]);
      if (issue->stands[j].actor != ORB_NONE)
        stand_dups[stand_dup_count++] = (dup_key){issue->stands[j].actor, 0, NULL, j};
    }
    report_duplicates(L, stand_dups, stand_dup_count, stand_items, describe_stand);
  }
  report_duplicates(L, dups, count, items, describe_bargain);
}

/* ---- coded events -------------------------------------------------------------- */

/* Reads `coded_events:`, file names of coded events (orbit code --json) to merge
 * into the timeline, resolved against the folder of the world file. */
static void read_coded_event_files(loader *L, yk_node *list) {
  orb_world *w = L->world;
  size_t count;
  yk_node **items = list_items(L, list, "the world file", "coded_events", &count);
  w->coded_event_files = alloc_array(L, count, sizeof *w->coded_event_files);
  if (!w->coded_event_files) return;
  const char *slash = strrchr(L->r.file, '/');
  size_t folder_len = slash ? (size_t)(slash - L->r.file) + 1 : 0;
  for (size_t i = 0; i < count; i++) {
    size_t len = 0;
    const char *name = yk_scalar(items[i], &len);
    if (!name || len == 0) {
      fail(L, items[i], "coded_events: item %zu must be a file name", i + 1);
      continue;
    }
    size_t prefix = name[0] == '/' ? 0 : folder_len;
    char *path = alloc_array(L, prefix + len + 1, 1);
    if (!path) return;
    memcpy(path, L->r.file, prefix);
    memcpy(path + prefix, name, len);
    w->coded_event_files[w->coded_event_file_count++] = path;
  }
}

/* ---- landscape ------------------------------------------------------------------ */

/* Checks a `landscape:` section (sizes and propensities given as they are, for
 * orbit align) with the alignment module's reader; the world only notes it has one. */
static void read_landscape(loader *L, yk_node *node) {
  if (!node) return;
  size_t before = L->r.errors;
  orb_status status = landscape_check_yaml_node(&L->r, node);
  if (status == ORB_ENOMEM) L->r.out_of_memory = true;
  else if (status == ORB_OK) L->world->has_landscape = 1;
  else if (L->r.errors == before) fail(L, node, "landscape: not a valid landscape");
}

/* ---- the document ------------------------------------------------------------- */

/* Reads only the parameters of root: a world file's (its other sections are
 * not read) or those of a file that holds nothing else. */
static void read_params_file(loader *L, yk_node *root) {
  static const char *const keys[] = {"parameters", NULL};
  if (!root || !yk_is_mapping(root)) {
    fail(L, root, "a parameters file must be a mapping with 'parameters:' (a world file "
         "or a file holding only that list)");
    return;
  }
  if (!field(root, "world")) check_keys(L, root, "a parameters file", keys);
  if (!field(root, "parameters"))
    fail(L, root, "no 'parameters:' list here to take parameters from");
  read_params(L, field(root, "parameters"));
}

/* Reads the world: header, then actors (which everything else refers to). */
static void read_world(loader *L, yk_node *root) {
  static const char *const keys[] = {"world", "actors", "ties", "institutions",
                                     "issues", "events", "coded_events", "bargains",
                                     "landscape", "parameters", NULL};
  static const char *const header_keys[] = {"name", "description", "start", "end",
                                            "ties_before_first_year", NULL};
  static const char *const tie_rules[] = {"absent", "earliest"};
  orb_world *w = L->world;
  w->start = w->end = ORB_DATE_NONE;
  if (L->params_only) {
    read_params_file(L, root);
    return;
  }
  if (!root || yk_is_null(root)) {
    fail(L, NULL, "empty world file: expected a mapping with 'world:' and 'actors:'");
    return;
  }
  if (!yk_is_mapping(root)) {
    fail(L, root, "a world file must be a mapping with 'world:' and 'actors:', got %s",
         yk_kind_name(root));
    return;
  }
  check_keys(L, root, "the world file", keys);
  yk_node *header = field(root, "world");
  if (!header) {
    fail(L, root, "missing required top-level key 'world' (name, start, end)");
  } else if (expect_mapping(L, header, "world")) {
    check_keys(L, header, "world", header_keys);
    w->name = get_string(L, header, "name", "world", true);
    w->description = get_string(L, header, "description", "world", false);
    w->start = get_date(L, header, "start", "world", true, NULL);
    w->end = get_date(L, header, "end", "world", true, NULL);
    if (w->start != ORB_DATE_NONE && w->end != ORB_DATE_NONE && w->end <= w->start)
      fail(L, field(header, "end"), "world: end must come after start");
    w->ties_backdated = get_choice(L, header, "ties_before_first_year", "world",
                                   tie_rules, 2, false) == 1;
  }
  read_actors(L, field(root, "actors"));
  if (L->r.out_of_memory || !w->actor_order) return;
  read_ties(L, field(root, "ties"));
  read_institutions(L, field(root, "institutions"));
  read_issues(L, field(root, "issues"));
  read_events(L, field(root, "events"));
  read_coded_event_files(L, field(root, "coded_events"));
  read_bargains(L, field(root, "bargains"));
  read_landscape(L, field(root, "landscape"));
  read_params(L, field(root, "parameters"));
}

/* Loads a world (or, with params_only, only its parameters) from a buffer. */
static orb_status load_buffer(const char *name, const char *data, size_t len,
                              bool params_only, orb_world **world_out, orb_diags *diags) {
  *world_out = NULL;
  if (len > INPUT_WORLD_MAX_BYTES) {
    char limit[32];
    input_format_size(INPUT_WORLD_MAX_BYTES, limit, sizeof limit);
    orb_diags_add(diags, name, 0, 0, "file is %zu bytes, over the %s limit for a world file",
                  len, limit);
    return ORB_ELIMIT;
  }
  orb_status status = input_utf8_text(name, data, len, diags);
  if (status != ORB_OK) return status;

  loader L = {.r = {.file = name, .diags = diags}, .params_only = params_only};
  yk_doc *doc = NULL;
  status = yk_parse(&L.r, data, len, &doc);
  if (status == ORB_OK) {
    L.arena = arena_new();
    L.world = L.arena ? arena_alloc(L.arena, sizeof(orb_world)) : NULL;
    if (!L.world) {
      status = ORB_ENOMEM;
    } else {
      L.world->arena = L.arena;
      L.world->path = arena_strndup(L.arena, name, strlen(name));
      read_world(&L, yk_doc_root(doc)); /* NULL root: empty file */
      if (L.r.out_of_memory) status = ORB_ENOMEM;
      else if (L.r.errors) status = ORB_EPARSE;
    }
  }
  yk_doc_free(doc);
  if (status != ORB_OK) {
    if (status == ORB_ENOMEM) orb_diags_add(diags, name, 0, 0, "out of memory");
    arena_free(L.arena);
    return status;
  }
  *world_out = L.world;
  return ORB_OK;
}

orb_status orb_world_load_buffer(const char *name, const char *data, size_t len,
                                 orb_world **world_out, orb_diags *diags) {
  return load_buffer(name, data, len, false, world_out, diags);
}

orb_status world_read_file(const char *path, char **data, size_t *len, orb_diags *diags) {
  return input_read_file(path, INPUT_WORLD_MAX_BYTES, "world file", data, len, diags);
}

/* Loads a world (or, with params_only, only its parameters) from the file at path. */
static orb_status load_file(const char *path, bool params_only, orb_world **world,
                            orb_diags *diags) {
  *world = NULL;
  char *data = NULL;
  size_t len = 0;
  orb_status status = world_read_file(path, &data, &len, diags);
  if (status == ORB_OK) status = load_buffer(path, data, len, params_only, world, diags);
  free(data);
  return status;
}

orb_status orb_world_load(const char *path, orb_world **world, orb_diags *diags) {
  return load_file(path, false, world, diags);
}

orb_status world_load_params_file(const char *path, orb_world **params, orb_diags *diags) {
  return load_file(path, true, params, diags);
}

void orb_world_free(orb_world *world) {
  while (world) {
    orb_world *base = world->base;
    arena_free(world->arena);
    world = base;
  }
}

void orb_world_adopt(orb_world *world, orb_world *base) {
  while (world->base) world = world->base;
  world->base = base;
}
