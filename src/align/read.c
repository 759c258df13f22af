/*
 * read.c: the two landscape file formats: a signed edge list (CSV "a,b,w") and a
 * YAML landscape (actors, sizes, a propensity matrix or a list of pairs). Every
 * problem is reported as FILE:LINE:COL and nothing is returned on error.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align/align_internal.h"
#include "core/input_internal.h"
#include "world/sections.h"

/* Longest actor name accepted. */
#define NAME_MAX_BYTES 64

/* ---- names: a small open-addressing table from name to actor index ---------- */

typedef struct name_table {
  char **names;      /* count names, owned */
  size_t count, capacity;
  size_t *slots;     /* slot_count entries: index + 1, 0 when empty */
  size_t slot_count;
} name_table;

/* Frees the table and the names it owns. */
static void names_free(name_table *t) {
  for (size_t i = 0; i < t->count; i++) free(t->names[i]);
  free(t->names);
  free(t->slots);
  memset(t, 0, sizeof *t);
}

/* FNV-1a hash of len bytes. */
static size_t hash_name(const char *name, size_t len) {
  uint64_t h = UINT64_C(1469598103934665603);
  for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)name[i]) * UINT64_C(1099511628211);
  return (size_t)h;
}

/* Slot of name (len bytes) in the table: where it is, or the empty slot for it. */
static size_t name_slot(const name_table *t, const char *name, size_t len) {
  size_t s = hash_name(name, len) & (t->slot_count - 1);
  while (t->slots[s]) {
    const char *other = t->names[t->slots[s] - 1];
    if (strlen(other) == len && memcmp(other, name, len) == 0) break;
    s = (s + 1) & (t->slot_count - 1);
  }
  return s;
}

/* Index of name, or ORB_NONE. */
static size_t names_find(const name_table *t, const char *name, size_t len) {
  if (!t->slot_count) return ORB_NONE;
  size_t s = name_slot(t, name, len);
  return t->slots[s] ? t->slots[s] - 1 : ORB_NONE;
}

/* Index of name, adding it when new. ORB_ENOMEM or ORB_ELIMIT (too many actors). */
static orb_status names_intern(name_table *t, const char *name, size_t len,
                               size_t *index) {
  size_t found = names_find(t, name, len);
  if (found != ORB_NONE) {
    *index = found;
    return ORB_OK;
  }
  if (t->count >= ORB_ALIGN_MAX_ACTORS) return ORB_ELIMIT;
  if (2 * (t->count + 1) > t->slot_count) {
    size_t slot_count = t->slot_count ? 2 * t->slot_count : 64;
    size_t *slots = calloc(slot_count, sizeof *slots);
    if (!slots) return ORB_ENOMEM;
    free(t->slots);
    t->slots = slots;
    t->slot_count = slot_count;
    for (size_t i = 0; i < t->count; i++)
      t->slots[name_slot(t, t->names[i], strlen(t->names[i]))] = i + 1;
  }
  if (t->count == t->capacity) {
    size_t capacity = t->capacity ? 2 * t->capacity : 16;
    char **names = realloc(t->names, capacity * sizeof *names);
    if (!names) return ORB_ENOMEM;
    t->names = names;
    t->capacity = capacity;
  }
  char *copy = malloc(len + 1);
  if (!copy) return ORB_ENOMEM;
  memcpy(copy, name, len);
  copy[len] = '\0';
  t->slots[name_slot(t, copy, len)] = t->count + 1;
  t->names[t->count] = copy;
  *index = t->count++;
  return ORB_OK;
}

/* Checks an actor name of len bytes; returns NULL or what is wrong with it. */
static const char *bad_name(const char *name, size_t len) {
  if (len == 0) return "an empty actor name";
  if (len > NAME_MAX_BYTES) return "an actor name longer than 64 bytes";
  for (size_t i = 0; i < len; i++)
    if ((unsigned char)name[i] < 0x20 || name[i] == 0x7f)
      return "a control character in an actor name";
  return NULL;
}

/* Parses exactly len bytes as a finite decimal number (the input layer's parser). */
static int parse_number(const char *text, size_t len, double *value) {
  return input_number(text, len, value) == INPUT_NUMBER_OK;
}

/* ---- signed edge lists --------------------------------------------------------- */

typedef struct signed_edge {
  size_t a, b; /* a < b */
  double weight;
  int line;
} signed_edge;

/* Orders edges by pair, then by line (so the first of duplicates comes first). */
static int compare_edges(const void *x, const void *y) {
  const signed_edge *e = x, *f = y;
  if (e->a != f->a) return e->a < f->a ? -1 : 1;
  if (e->b != f->b) return e->b < f->b ? -1 : 1;
  return (e->line > f->line) - (e->line < f->line);
}

/* One CSV field: [start, start+len) after trimming blanks and one pair of quotes. */
typedef struct csv_field {
  const char *start;
  size_t len;
  int column;
} csv_field;

/* Splits line [p, end) at commas into up to max fields; returns the field count. */
static size_t split_line(const char *p, const char *end, csv_field *fields, size_t max) {
  size_t count = 0;
  const char *line = p;
  for (;;) {
    const char *stop = p;
    while (stop < end && *stop != ',') stop++;
    const char *a = p, *b = stop;
    while (a < b && (*a == ' ' || *a == '\t')) a++;
    while (b > a && (b[-1] == ' ' || b[-1] == '\t')) b--;
    if (b - a >= 2 && *a == '"' && b[-1] == '"') {
      a++;
      b--;
    }
    if (count < max) fields[count] = (csv_field){a, (size_t)(b - a), (int)(a - line) + 1};
    count++;
    if (stop == end) return count;
    p = stop + 1;
  }
}

orb_status orb_landscape_read_signed_buffer(const char *name, const char *data,
                                            size_t len, orb_landscape **landscape,
                                            orb_diags *diags) {
  *landscape = NULL;
  size_t before = diags->count;
  name_table names = {0};
  signed_edge *edges = NULL;
  size_t edge_count = 0, edge_capacity = 0;
  orb_status status = ORB_OK;
  int line = 0, seen_data = 0;
  const char *p = data, *end = data + len;
  if (input_utf8_text(name, data, len, diags) != ORB_OK) return ORB_EPARSE;
  while (p < end && status == ORB_OK && diags->count - before < INPUT_MAX_ERRORS) {
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    const char *stop = eol ? eol : end;
    line++;
    const char *text_end = stop > p && stop[-1] == '\r' ? stop - 1 : stop;
    const char *first = p;
    p = eol ? eol + 1 : end;
    while (first < text_end && (*first == ' ' || *first == '\t')) first++;
    if (first == text_end || *first == '#') continue;
    csv_field f[3];
    size_t count = split_line(first, text_end, f, 3);
    if (count != 3) {
      orb_diags_add(diags, name, line, 1,
                    "expected 3 fields 'a,b,weight', found %zu", count);
      continue;
    }
    double weight;
    int numeric = parse_number(f[2].start, f[2].len, &weight);
    if (!seen_data++ && !numeric) continue; /* a header line */
    if (!numeric) {
      orb_diags_add(diags, name, line, f[2].column,
                    "expected a finite number (a sign or a weight), found '%.*s'",
                    (int)(f[2].len > 32 ? 32 : f[2].len), f[2].start);
      continue;
    }
    const char *problem = bad_name(f[0].start, f[0].len);
    int column = f[0].column;
    if (!problem) {
      problem = bad_name(f[1].start, f[1].len);
      column = f[1].column;
    }
    if (problem) {
      orb_diags_add(diags, name, line, column, "expected an actor name, found %s",
                    problem);
      continue;
    }
    if (f[0].len == f[1].len && memcmp(f[0].start, f[1].start, f[0].len) == 0) {
      orb_diags_add(diags, name, line, f[1].column,
                    "an edge from '%.*s' to itself; expected two different actors",
                    (int)f[0].len, f[0].start);
      continue;
    }
    size_t a, b;
    status = names_intern(&names, f[0].start, f[0].len, &a);
    if (status == ORB_OK) status = names_intern(&names, f[1].start, f[1].len, &b);
    if (status == ORB_ELIMIT) {
      orb_diags_add(diags, name, line, 1, "more than %d actors",
                    ORB_ALIGN_MAX_ACTORS);
      break;
    }
    if (status != ORB_OK) break;
    if (edge_count == edge_capacity) {
      size_t capacity = edge_capacity ? 2 * edge_capacity : 64;
      signed_edge *bigger = realloc(edges, capacity * sizeof *edges);
      if (!bigger) {
        status = ORB_ENOMEM;
        break;
      }
      edges = bigger;
      edge_capacity = capacity;
    }
    edges[edge_count++] = (signed_edge){a < b ? a : b, a < b ? b : a, weight, line};
  }
  if (status == ORB_OK && diags->count == before && edge_count == 0)
    orb_diags_add(diags, name, line, line ? 1 : 0, "no edges; expected lines 'a,b,weight'");
  if (status == ORB_OK && diags->count == before) {
    qsort(edges, edge_count, sizeof *edges, compare_edges);
    for (size_t e = 1; e < edge_count && diags->count - before < INPUT_MAX_ERRORS; e++)
      if (edges[e].a == edges[e - 1].a && edges[e].b == edges[e - 1].b)
        orb_diags_add(diags, name, edges[e].line, 1,
                      "duplicate edge '%s'-'%s' (first given on line %d)",
                      names.names[edges[e].a], names.names[edges[e].b], edges[e - 1].line);
  }
  if (status == ORB_OK && diags->count == before) {
    status = orb_landscape_new(names.count, landscape);
    for (size_t i = 0; status == ORB_OK && i < names.count; i++)
      status = orb_landscape_set_name(*landscape, i, names.names[i]);
    for (size_t e = 0; status == ORB_OK && e < edge_count; e++)
      orb_landscape_set_propensity(*landscape, edges[e].a, edges[e].b, edges[e].weight);
  }
  names_free(&names);
  free(edges);
  if (status == ORB_OK && diags->count != before) status = ORB_EPARSE;
  if (status != ORB_OK) {
    orb_landscape_free(*landscape);
    *landscape = NULL;
  }
  return status;
}

orb_status orb_landscape_read_signed(const char *path, orb_landscape **landscape,
                                     orb_diags *diags) {
  char *data;
  size_t len;
  *landscape = NULL;
  orb_status status = input_read_file(path, INPUT_LANDSCAPE_MAX_BYTES, "landscape file",
                                      &data, &len, diags);
  if (status != ORB_OK) return status;
  status = orb_landscape_read_signed_buffer(path, data, len, landscape, diags);
  free(data);
  return status;
}

/* ---- YAML landscapes (the YAML kit, core/yaml_kit.h) ------------------------------ */

/* Reads node as a finite number; reports what was expected otherwise. */
static int yaml_number(yk_reader *r, const yk_node *node, const char *what, double *value) {
  return yk_number(r, node, what, NULL, value);
}

/* Reads node as a sequence; reports otherwise. */
static int yaml_sequence(yk_reader *r, const yk_node *node, const char *what) {
  if (!yk_is_sequence(node)) {
    yk_error(r, node, "%s: expected a list, got %s", what, yk_kind_name(node));
    return 0;
  }
  return 1;
}

/* Index of the actor a scalar node names, reporting an unknown name with a hint. */
static size_t yaml_actor(yk_reader *r, const yk_node *node, const name_table *names) {
  size_t len = 0;
  const char *text = yk_scalar(node, &len);
  if (!text) {
    yk_error(r, node, "expected an actor name, got %s", yk_kind_name(node));
    return ORB_NONE;
  }
  size_t index = names_find(names, text, len);
  if (index == ORB_NONE) {
    char word[NAME_MAX_BYTES + 1], hint[320];
    size_t n = len > NAME_MAX_BYTES ? NAME_MAX_BYTES : len;
    memcpy(word, text, n);
    word[n] = '\0';
    yk_error(r, node, "unknown actor '%s'%s; expected one listed in 'actors'", word,
             input_hint(word, (const char *const *)names->names, names->count, 0, hint,
                        sizeof hint));
  }
  return index;
}

/* Reads `actors` into names. */
static int yaml_actors(yk_reader *r, const yk_node *node, name_table *names,
                       orb_status *status) {
  if (!yaml_sequence(r, node, "actors")) return 0;
  if (yk_count(node) == 0) {
    yk_error(r, node, "actors: expected at least one actor");
    return 0;
  }
  for (size_t k = 0; k < yk_count(node); k++) {
    const yk_node *item = yk_item(node, k);
    size_t len = 0;
    const char *text = yk_scalar(item, &len);
    const char *problem = text ? bad_name(text, len) : "not a name";
    if (problem) {
      yk_error(r, item, "actors: expected an actor name, found %s", problem);
      continue;
    }
    if (names_find(names, text, len) != ORB_NONE) {
      yk_error(r, item, "actors: '%.*s' is listed twice", (int)len, text);
      continue;
    }
    size_t index;
    *status = names_intern(names, text, len, &index);
    if (*status == ORB_ELIMIT) {
      *status = ORB_OK;
      yk_error(r, item, "actors: more than %d actors", ORB_ALIGN_MAX_ACTORS);
      return 0;
    }
    if (*status != ORB_OK) return 0;
  }
  return 1;
}

/* Reads one size from node into *size: a finite number > 0. */
static void yaml_size(yk_reader *r, const yk_node *node, const char *actor, double *size) {
  double value;
  if (!yaml_number(r, node, "sizes", &value)) return;
  if (value <= 0)
    yk_error(r, node, "sizes: size of '%s' is %g; expected a number > 0", actor, value);
  else
    *size = value;
}

/* Reads `sizes`: a list in actor order, or a mapping from actor name to size. */
static void yaml_sizes(yk_reader *r, const yk_node *node, const name_table *names,
                       orb_landscape *l) {
  if (yk_is_mapping(node)) {
    for (size_t k = 0; k < yk_count(node); k++) {
      size_t i = yaml_actor(r, yk_key(node, k), names);
      if (i != ORB_NONE) yaml_size(r, yk_value(node, k), l->actors[i], &l->sizes[i]);
    }
  } else if (yaml_sequence(r, node, "sizes")) {
    if (yk_count(node) != l->actor_count) {
      yk_error(r, node, "sizes: expected %zu sizes (one per actor), found %zu",
               l->actor_count, yk_count(node));
      return;
    }
    for (size_t i = 0; i < l->actor_count; i++)
      yaml_size(r, yk_item(node, i), l->actors[i], &l->sizes[i]);
  }
}

/* Reads `propensities` as a full matrix (rows in actor order), checking symmetry
 * and a zero (or null) diagonal entry by entry. */
static void yaml_matrix(yk_reader *r, const yk_node *node, orb_landscape *l) {
  size_t n = l->actor_count;
  if (!yaml_sequence(r, node, "propensities")) return;
  if (yk_count(node) != n) {
    yk_error(r, node, "propensities: expected %zu rows (one per actor), found %zu", n,
             yk_count(node));
    return;
  }
  size_t errors_before = r->errors;
  int shape_ok = 1;
  for (size_t i = 0; i < n; i++) {
    const yk_node *row = yk_item(node, i);
    if (!yaml_sequence(r, row, "propensities row") || yk_count(row) != n) {
      if (yk_is_sequence(row))
        yk_error(r, row, "propensities: row %zu ('%s') has %zu entries; expected %zu", i + 1,
                 l->actors[i], yk_count(row), n);
      shape_ok = 0;
      continue;
    }
    for (size_t j = 0; j < n; j++) {
      const yk_node *cell = yk_item(row, j);
      if (i == j && yk_is_null(cell)) continue;
      double value;
      if (yaml_number(r, cell, "propensities", &value)) l->propensities[i * n + j] = value;
    }
  }
  /* Symmetry is checked only when every entry was read (no cascading errors). */
  shape_ok = shape_ok && r->errors == errors_before;
  for (size_t i = 0; shape_ok && i < n; i++) {
    if (l->propensities[i * n + i] != 0)
      yk_error(r, yk_item(yk_item(node, i), i), "propensities: diagonal entry of '%s' is %g; expected 0 or ~",
               l->actors[i], l->propensities[i * n + i]);
    for (size_t j = i + 1; j < n; j++)
      if (l->propensities[i * n + j] != l->propensities[j * n + i])
        yk_error(r, yk_item(yk_item(node, j), i),
                 "propensities: not symmetric: p('%s','%s') = %g here but "
                 "p('%s','%s') = %g",
                 l->actors[j], l->actors[i], l->propensities[j * n + i], l->actors[i],
                 l->actors[j], l->propensities[i * n + j]);
  }
}

/* Reads `pairs`: a list of [a, b, p] triples; pairs not listed have p = 0. */
static void yaml_pairs(yk_reader *r, const yk_node *node, const name_table *names,
                       orb_landscape *l) {
  if (!yaml_sequence(r, node, "pairs")) return;
  size_t n = l->actor_count;
  unsigned char *given = calloc(n * n, 1);
  if (!given) {
    r->out_of_memory = true;
    return;
  }
  for (size_t k = 0; k < yk_count(node); k++) {
    const yk_node *item = yk_item(node, k);
    if (!yk_is_sequence(item) || yk_count(item) != 3) {
      yk_error(r, item, "pairs: expected [actor, actor, propensity]");
      continue;
    }
    const yk_node *na = yk_item(item, 0), *nb = yk_item(item, 1);
    size_t a = yaml_actor(r, na, names), b = yaml_actor(r, nb, names);
    double value;
    if (!yaml_number(r, yk_item(item, 2), "pairs", &value) || a == ORB_NONE || b == ORB_NONE)
      continue;
    if (a == b)
      yk_error(r, nb, "pairs: '%s' paired with itself; expected two actors", l->actors[a]);
    else if (given[a * n + b])
      yk_error(r, na, "pairs: '%s'-'%s' is given twice", l->actors[a], l->actors[b]);
    else {
      given[a * n + b] = given[b * n + a] = 1;
      orb_landscape_set_propensity(l, a, b, value);
    }
  }
  free(given);
}

/* Reads the landscape mapping at root (keys name, source, actors, sizes,
 * propensities or pairs, blocs) with r's file name, diagnostics and error cap. On
 * success *out is the caller's; otherwise NULL, with FILE:LINE:COL messages
 * reported through r. *blocs (may be NULL) gets the file's blocs, 0 if none. */
static orb_status landscape_read_yaml_node(yk_reader *r, const yk_node *root,
                                           orb_landscape **out, unsigned *blocs) {
  static const char *const keys[] = {"name", "source", "actors", "sizes",
                                     "propensities", "pairs", "blocs", NULL};
  *out = NULL;
  if (blocs) *blocs = 0;
  if (!yk_is_mapping(root)) {
    yk_error(r, root, "expected a mapping with 'actors' and 'propensities', got %s",
             yk_kind_name(root));
    return ORB_EPARSE;
  }
  size_t errors_before = r->errors;
  yk_check_keys(r, root, "the landscape", keys);
  const yk_node *actors = yk_lookup(root, "actors"), *sizes = yk_lookup(root, "sizes");
  const yk_node *matrix = yk_lookup(root, "propensities"), *pairs = yk_lookup(root, "pairs");
  const yk_node *bloc_node = yk_lookup(root, "blocs");
  if (!actors) {
    yk_error(r, root, "missing 'actors' (a list of names)");
    return ORB_EPARSE;
  }
  if (!matrix == !pairs) {
    yk_error(r, root, "expected exactly one of 'propensities' (a matrix) and "
             "'pairs' (a list of [a, b, p])");
    return ORB_EPARSE;
  }
  if (bloc_node) {
    double k;
    if (yaml_number(r, bloc_node, "blocs", &k)) {
      if (k < 2 || k > ORB_ALIGN_MAX_BLOCS || k != floor(k))
        yk_error(r, bloc_node, "blocs: expected a whole number from 2 to %d",
                 ORB_ALIGN_MAX_BLOCS);
      else if (blocs)
        *blocs = (unsigned)k;
    }
  }
  name_table names = {0};
  orb_status status = ORB_OK;
  orb_landscape *l = NULL;
  if (yaml_actors(r, actors, &names, &status) && status == ORB_OK) {
    status = orb_landscape_new(names.count, &l);
    for (size_t i = 0; status == ORB_OK && i < names.count; i++)
      status = orb_landscape_set_name(l, i, names.names[i]);
  }
  if (l && status == ORB_OK) {
    if (sizes) yaml_sizes(r, sizes, &names, l);
    if (matrix) yaml_matrix(r, matrix, l);
    else yaml_pairs(r, pairs, &names, l);
  }
  names_free(&names);
  if (r->out_of_memory) status = ORB_ENOMEM;
  if (status == ORB_OK && r->errors != errors_before) status = ORB_EPARSE;
  if (status != ORB_OK) {
    orb_landscape_free(l);
    return status;
  }
  *out = l;
  return ORB_OK;
}

orb_status landscape_check_yaml_node(yk_reader *r, const yk_node *node) {
  orb_landscape *landscape = NULL;
  orb_status status = landscape_read_yaml_node(r, node, &landscape, NULL);
  orb_landscape_free(landscape);
  return status;
}

orb_status orb_landscape_read_yaml_buffer(const char *name, const char *data,
                                          size_t len, orb_landscape **landscape,
                                          unsigned *blocs, orb_diags *diags) {
  *landscape = NULL;
  if (blocs) *blocs = 0;
  if (input_utf8_text(name, data, len, diags) != ORB_OK) return ORB_EPARSE;
  yk_reader r = {.file = name, .diags = diags};
  yk_doc *doc = NULL;
  orb_status status = yk_parse(&r, data, len, &doc);
  if (status == ORB_OK) {
    yk_node *root = yk_doc_root(doc);
    yk_node *section = yk_lookup(root, "landscape");
    status = landscape_read_yaml_node(&r, section ? section : root, landscape, blocs);
  }
  yk_doc_free(doc);
  return status;
}

orb_status orb_landscape_read_yaml(const char *path, orb_landscape **landscape,
                                   unsigned *blocs, orb_diags *diags) {
  char *data;
  size_t len;
  *landscape = NULL;
  if (blocs) *blocs = 0;
  orb_status status = input_read_file(path, INPUT_LANDSCAPE_MAX_BYTES, "landscape file",
                                      &data, &len, diags);
  if (status != ORB_OK) return status;
  status = orb_landscape_read_yaml_buffer(path, data, len, landscape, blocs, diags);
  free(data);
  return status;
}
