/*
 * read.c: the two landscape file formats: a signed edge list (CSV "a,b,w") and a
 * YAML landscape (actors, sizes, a propensity matrix or a list of pairs). Every
 * problem is reported as FILE:LINE:COL and nothing is returned on error.
 */
#include <errno.h>
#include <libfyaml.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align/align_internal.h"
#include "world/sections.h"

/* Files larger than this are refused (a landscape of 4096 actors is far smaller). */
#define READ_MAX_BYTES (256u << 20)
/* Longest actor name accepted. */
#define NAME_MAX_BYTES 64
/* Errors listed before a reader gives up on a file. */
#define MAX_ERRORS 20

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

/* Parses exactly len bytes as a finite number. */
static int parse_number(const char *text, size_t len, double *value) {
  char buf[64];
  if (len == 0 || len >= sizeof buf) return 0;
  memcpy(buf, text, len);
  buf[len] = '\0';
  char *end;
  errno = 0;
  *value = strtod(buf, &end);
  return end == buf + len && errno != ERANGE && isfinite(*value);
}

/* Checks that data is UTF-8 text without NUL bytes; reports the first bad byte's
 * line and column. Returns 1 when it is. */
static int check_text(const char *name, const char *data, size_t len, const char *kind,
                      orb_diags *diags) {
  int line = 1, column = 1;
  for (size_t i = 0; i < len; column++) {
    unsigned char c = (unsigned char)data[i];
    size_t extra = c < 0x80 ? 0 : (c & 0xe0) == 0xc0 ? 1 : (c & 0xf0) == 0xe0 ? 2
                 : (c & 0xf8) == 0xf0 ? 3 : 4;
    int bad = c == 0 || extra == 4 || c == 0xc0 || c == 0xc1 || i + extra >= len;
    for (size_t k = 1; !bad && k <= extra; k++)
      bad = ((unsigned char)data[i + k] & 0xc0) != 0x80;
    if (bad && c == 0)
      orb_diags_add(diags, name, line, column, "binary data (a NUL byte); expected %s text",
                    kind);
    else if (bad)
      orb_diags_add(diags, name, line, column,
                    "invalid UTF-8 (byte 0x%02x); expected %s text", c, kind);
    if (bad) return 0;
    if (c == '\n') {
      line++;
      column = 0;
    }
    i += extra + 1;
  }
  return 1;
}

/* Reads a whole file into a new NUL-terminated buffer. ORB_EIO with a diagnostic. */
static orb_status read_file(const char *path, char **data, size_t *len,
                            orb_diags *diags) {
  *data = NULL;
  FILE *f = fopen(path, "rb");
  if (!f) {
    orb_diags_add(diags, path, 0, 0, "cannot open: %s", strerror(errno));
    return ORB_EIO;
  }
  size_t capacity = 1 << 16, used = 0;
  char *buf = malloc(capacity);
  while (buf) {
    used += fread(buf + used, 1, capacity - used, f);
    if (used < capacity || capacity > READ_MAX_BYTES) break;
    char *bigger = realloc(buf, capacity * 2);
    if (!bigger) {
      free(buf);
      buf = NULL;
      break;
    }
    buf = bigger;
    capacity *= 2;
  }
  int failed = ferror(f);
  fclose(f);
  if (!buf) return ORB_ENOMEM;
  if (failed || used > READ_MAX_BYTES) {
    orb_diags_add(diags, path, 0, 0, failed ? "read error" : "file larger than 256 MiB");
    free(buf);
    return ORB_EIO;
  }
  buf[used < capacity ? used : capacity - 1] = '\0';
  *data = buf;
  *len = used;
  return ORB_OK;
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
  if (!check_text(name, data, len, "CSV", diags)) return ORB_EPARSE;
  while (p < end && status == ORB_OK && diags->count - before < MAX_ERRORS) {
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
    orb_diags_add(diags, name, line, 0, "no edges; expected lines 'a,b,weight'");
  if (status == ORB_OK && diags->count == before) {
    qsort(edges, edge_count, sizeof *edges, compare_edges);
    for (size_t e = 1; e < edge_count && diags->count - before < MAX_ERRORS; e++)
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
  orb_status status = read_file(path, &data, &len, diags);
  if (status != ORB_OK) return status;
  status = orb_landscape_read_signed_buffer(path, data, len, landscape, diags);
  free(data);
  return status;
}

/* ---- YAML landscapes --------------------------------------------------------- */

/* Reading state of one YAML file. */
typedef struct yaml_reader {
  const char *name;
  orb_diags *diags;
  size_t errors_before;
} yaml_reader;

/* Line and column (1-based) of a node: its own token for a scalar, else those of
 * its first item or key; 0 when unknown. */
static void node_mark(struct fy_node *node, int *line, int *column) {
  *line = *column = 0;
  while (node) {
    if (fy_node_is_scalar(node)) {
      struct fy_token *token = fy_node_get_scalar_token(node);
      const struct fy_mark *mark = token ? fy_token_start_mark(token) : NULL;
      if (mark) {
        *line = mark->line + 1;
        *column = mark->column + 1;
      }
      return;
    }
    void *iter = NULL;
    if (fy_node_is_sequence(node)) {
      node = fy_node_sequence_iterate(node, &iter);
    } else if (fy_node_is_mapping(node)) {
      struct fy_node_pair *pair = fy_node_mapping_iterate(node, &iter);
      node = pair ? fy_node_pair_key(pair) : NULL;
    } else {
      return;
    }
  }
}

/* Adds "message" at node's position. Always returns 0 (for `return yaml_error()`). */
static int yaml_error(yaml_reader *r, struct fy_node *node, const char *format, ...)
    __attribute__((format(printf, 3, 4)));
static int yaml_error(yaml_reader *r, struct fy_node *node, const char *format, ...) {
  char message[256];
  va_list args;
  va_start(args, format);
  vsnprintf(message, sizeof message, format, args);
  va_end(args);
  int line, column;
  node_mark(node, &line, &column);
  orb_diags_add(r->diags, r->name, line, column, "%s", message);
  return 0;
}

/* Reads node as a finite number; reports what was expected otherwise. */
static int yaml_number(yaml_reader *r, struct fy_node *node, const char *what,
                       double *value) {
  size_t len = 0;
  const char *text = node && fy_node_is_scalar(node) ? fy_node_get_scalar(node, &len) : NULL;
  if (!text || !parse_number(text, len, value))
    return yaml_error(r, node, "%s: expected a finite number", what);
  return 1;
}

/* Reads node as a sequence; reports otherwise. */
static int yaml_sequence(yaml_reader *r, struct fy_node *node, const char *what) {
  if (!node || !fy_node_is_sequence(node))
    return yaml_error(r, node, "%s: expected a list", what);
  return 1;
}

/* Index of the actor a scalar node names, reporting an unknown name with a hint. */
static size_t yaml_actor(yaml_reader *r, struct fy_node *node, const name_table *names) {
  size_t len = 0;
  const char *text = node && fy_node_is_scalar(node) ? fy_node_get_scalar(node, &len) : NULL;
  if (!text) {
    yaml_error(r, node, "expected an actor name");
    return ORB_NONE;
  }
  size_t index = names_find(names, text, len);
  if (index == ORB_NONE) {
    char word[NAME_MAX_BYTES + 1];
    size_t n = len > NAME_MAX_BYTES ? NAME_MAX_BYTES : len;
    memcpy(word, text, n);
    word[n] = '\0';
    const char *hint = orb_closest_word(word, (const char *const *)names->names,
                                        names->count);
    yaml_error(r, node, "unknown actor '%s'%s%s%s; expected one listed in 'actors'",
               word, hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
  }
  return index;
}

/* Reads `actors` into names. */
static int yaml_actors(yaml_reader *r, struct fy_node *node, name_table *names,
                       orb_status *status) {
  if (!yaml_sequence(r, node, "actors")) return 0;
  if (fy_node_sequence_item_count(node) == 0) return yaml_error(r, node, "actors: expected at least one actor");
  void *iter = NULL;
  struct fy_node *item;
  while ((item = fy_node_sequence_iterate(node, &iter))) {
    size_t len = 0;
    const char *text = fy_node_is_scalar(item) ? fy_node_get_scalar(item, &len) : NULL;
    const char *problem = text ? bad_name(text, len) : "not a name";
    if (problem) {
      yaml_error(r, item, "actors: expected an actor name, found %s", problem);
      continue;
    }
    if (names_find(names, text, len) != ORB_NONE) {
      yaml_error(r, item, "actors: '%.*s' is listed twice", (int)len, text);
      continue;
    }
    size_t index;
    *status = names_intern(names, text, len, &index);
    if (*status == ORB_ELIMIT) {
      *status = ORB_OK;
      return yaml_error(r, item, "actors: more than %d actors", ORB_ALIGN_MAX_ACTORS);
    }
    if (*status != ORB_OK) return 0;
  }
  return 1;
}

/* Reads one size from node into *size: a finite number > 0. */
static void yaml_size(yaml_reader *r, struct fy_node *node, const char *actor,
                      double *size) {
  double value;
  if (!yaml_number(r, node, "sizes", &value)) return;
  if (value <= 0)
    yaml_error(r, node, "sizes: size of '%s' is %g; expected a number > 0", actor, value);
  else
    *size = value;
}

/* Reads `sizes`: a list in actor order, or a mapping from actor name to size. */
static void yaml_sizes(yaml_reader *r, struct fy_node *node, const name_table *names,
                       orb_landscape *l) {
  void *iter = NULL;
  if (fy_node_is_mapping(node)) {
    struct fy_node_pair *pair;
    while ((pair = fy_node_mapping_iterate(node, &iter))) {
      size_t i = yaml_actor(r, fy_node_pair_key(pair), names);
      if (i != ORB_NONE) yaml_size(r, fy_node_pair_value(pair), l->actors[i], &l->sizes[i]);
    }
  } else if (yaml_sequence(r, node, "sizes")) {
    if ((size_t)fy_node_sequence_item_count(node) != l->actor_count) {
      yaml_error(r, node, "sizes: expected %zu sizes (one per actor), found %d",
                 l->actor_count, fy_node_sequence_item_count(node));
      return;
    }
    struct fy_node *item;
    for (size_t i = 0; (item = fy_node_sequence_iterate(node, &iter)); i++)
      yaml_size(r, item, l->actors[i], &l->sizes[i]);
  }
}

/* 1 when node is absent or a YAML null (~, null, or empty). */
static int yaml_is_null(struct fy_node *node) {
  if (!node) return 1;
  if (!fy_node_is_scalar(node)) return 0;
  size_t len = 0;
  const char *text = fy_node_get_scalar(node, &len);
  return !text || len == 0 || (len == 1 && text[0] == '~') ||
         (len == 4 && (memcmp(text, "null", 4) == 0 || memcmp(text, "Null", 4) == 0 ||
                       memcmp(text, "NULL", 4) == 0));
}

/* Reads `propensities` as a full matrix (rows in actor order), checking symmetry
 * and a zero (or null) diagonal entry by entry. */
static void yaml_matrix(yaml_reader *r, struct fy_node *node, orb_landscape *l) {
  size_t n = l->actor_count;
  if (!yaml_sequence(r, node, "propensities")) return;
  if ((size_t)fy_node_sequence_item_count(node) != n) {
    yaml_error(r, node, "propensities: expected %zu rows (one per actor), found %d", n,
               fy_node_sequence_item_count(node));
    return;
  }
  struct fy_node **cells = calloc(n * n, sizeof *cells);
  if (!cells) return;
  size_t errors_before = r->diags->count;
  void *rows = NULL;
  struct fy_node *row;
  int shape_ok = 1;
  for (size_t i = 0; (row = fy_node_sequence_iterate(node, &rows)); i++) {
    if (!yaml_sequence(r, row, "propensities row") ||
        (size_t)fy_node_sequence_item_count(row) != n) {
      if (fy_node_is_sequence(row))
        yaml_error(r, row, "propensities: row %zu ('%s') has %d entries; expected %zu",
                   i + 1, l->actors[i], fy_node_sequence_item_count(row), n);
      shape_ok = 0;
      continue;
    }
    void *iter = NULL;
    struct fy_node *cell;
    for (size_t j = 0; (cell = fy_node_sequence_iterate(row, &iter)); j++) {
      cells[i * n + j] = cell;
      if (i == j && yaml_is_null(cell)) continue;
      double value;
      if (yaml_number(r, cell, "propensities", &value)) l->propensities[i * n + j] = value;
    }
  }
  /* Symmetry is checked only when every entry was read (no cascading errors). */
  shape_ok = shape_ok && r->diags->count == errors_before;
  for (size_t i = 0; shape_ok && i < n; i++) {
    if (l->propensities[i * n + i] != 0)
      yaml_error(r, cells[i * n + i],
                 "propensities: diagonal entry of '%s' is %g; expected 0 or ~",
                 l->actors[i], l->propensities[i * n + i]);
    for (size_t j = i + 1; j < n; j++)
      if (l->propensities[i * n + j] != l->propensities[j * n + i])
        yaml_error(r, cells[j * n + i],
                   "propensities: not symmetric: p('%s','%s') = %g here but "
                   "p('%s','%s') = %g",
                   l->actors[j], l->actors[i], l->propensities[j * n + i], l->actors[i],
                   l->actors[j], l->propensities[i * n + j]);
  }
  free(cells);
}

/* Reads `pairs`: a list of [a, b, p] triples; pairs not listed have p = 0. */
static void yaml_pairs(yaml_reader *r, struct fy_node *node, const name_table *names,
                       orb_landscape *l) {
  if (!yaml_sequence(r, node, "pairs")) return;
  size_t n = l->actor_count;
  unsigned char *given = calloc(n * n, 1);
  if (!given) return;
  void *iter = NULL;
  struct fy_node *item;
  while ((item = fy_node_sequence_iterate(node, &iter))) {
    if (!fy_node_is_sequence(item) || fy_node_sequence_item_count(item) != 3) {
      yaml_error(r, item, "pairs: expected [actor, actor, propensity]");
      continue;
    }
    struct fy_node *na = fy_node_sequence_get_by_index(item, 0);
    struct fy_node *nb = fy_node_sequence_get_by_index(item, 1);
    size_t a = yaml_actor(r, na, names), b = yaml_actor(r, nb, names);
    double value;
    if (!yaml_number(r, fy_node_sequence_get_by_index(item, 2), "pairs", &value) ||
        a == ORB_NONE || b == ORB_NONE)
      continue;
    if (a == b)
      yaml_error(r, nb, "pairs: '%s' paired with itself; expected two actors",
                 l->actors[a]);
    else if (given[a * n + b])
      yaml_error(r, na, "pairs: '%s'-'%s' is given twice", l->actors[a], l->actors[b]);
    else {
      given[a * n + b] = given[b * n + a] = 1;
      orb_landscape_set_propensity(l, a, b, value);
    }
  }
  free(given);
}

/* Reads the landscape mapping `root`. */
static orb_status yaml_landscape(yaml_reader *r, struct fy_node *root,
                                 orb_landscape **out, unsigned *blocs) {
  static const char *const keys[] = {"name", "source", "actors", "sizes",
                                     "propensities", "pairs", "blocs"};
  const size_t key_count = sizeof keys / sizeof keys[0];
  struct fy_node *values[7] = {0};
  void *iter = NULL;
  struct fy_node_pair *pair;
  while ((pair = fy_node_mapping_iterate(root, &iter))) {
    struct fy_node *key = fy_node_pair_key(pair);
    const char *text = key && fy_node_is_scalar(key) ? fy_node_get_scalar0(key) : NULL;
    size_t k = 0;
    while (text && k < key_count && strcmp(text, keys[k]) != 0) k++;
    if (!text || k == key_count) {
      const char *hint = text ? orb_closest_word(text, keys, key_count) : NULL;
      yaml_error(r, key, "unknown key '%s'%s%s%s; expected one of name, source, actors, "
                 "sizes, propensities, pairs, blocs",
                 text ? text : "?", hint ? " (did you mean '" : "", hint ? hint : "",
                 hint ? "'?)" : "");
      continue;
    }
    values[k] = fy_node_pair_value(pair);
  }
  if (!values[2]) return yaml_error(r, root, "missing 'actors' (a list of names)"), ORB_EPARSE;
  if (!values[4] == !values[5])
    return yaml_error(r, root, "expected exactly one of 'propensities' (a matrix) and "
                      "'pairs' (a list of [a, b, p])"),
           ORB_EPARSE;
  if (values[6]) {
    double k;
    if (yaml_number(r, values[6], "blocs", &k)) {
      if (k < 2 || k > ORB_ALIGN_MAX_BLOCS || k != floor(k))
        yaml_error(r, values[6], "blocs: expected a whole number from 2 to %d",
                   ORB_ALIGN_MAX_BLOCS);
      else if (blocs)
        *blocs = (unsigned)k;
    }
  }
  name_table names = {0};
  orb_status status = ORB_OK;
  orb_landscape *l = NULL;
  if (yaml_actors(r, values[2], &names, &status) && status == ORB_OK) {
    status = orb_landscape_new(names.count, &l);
    for (size_t i = 0; status == ORB_OK && i < names.count; i++)
      status = orb_landscape_set_name(l, i, names.names[i]);
  }
  if (l && status == ORB_OK) {
    if (values[3]) yaml_sizes(r, values[3], &names, l);
    if (values[4]) yaml_matrix(r, values[4], l);
    else yaml_pairs(r, values[5], &names, l);
  }
  names_free(&names);
  if (status == ORB_OK && r->diags->count != r->errors_before) status = ORB_EPARSE;
  if (status != ORB_OK) {
    orb_landscape_free(l);
    return status;
  }
  *out = l;
  return ORB_OK;
}

/* Reads the landscape mapping at node (keys name, source, actors, sizes,
 * propensities or pairs, blocs) for a file named name. On success *landscape is
 * the caller's; otherwise NULL, with FILE:LINE:COL messages appended to diags.
 * *blocs (may be NULL) gets the file's blocs, 0 if none. */
static orb_status landscape_read_yaml_node(const char *name, struct fy_node *node,
                                           orb_landscape **landscape, unsigned *blocs,
                                           orb_diags *diags) {
  *landscape = NULL;
  if (blocs) *blocs = 0;
  yaml_reader r = {name, diags, diags->count};
  if (!node || !fy_node_is_mapping(node)) {
    yaml_error(&r, node, "expected a mapping with 'actors' and 'propensities'");
    return ORB_EPARSE;
  }
  return yaml_landscape(&r, node, landscape, blocs);
}

orb_status landscape_check_yaml_node(const char *name, struct fy_node *node,
                                     orb_diags *diags) {
  orb_landscape *landscape = NULL;
  orb_status status = landscape_read_yaml_node(name, node, &landscape, NULL, diags);
  orb_landscape_free(landscape);
  return status;
}

orb_status orb_landscape_read_yaml_buffer(const char *name, const char *data,
                                          size_t len, orb_landscape **landscape,
                                          unsigned *blocs, orb_diags *diags) {
  *landscape = NULL;
  if (blocs) *blocs = 0;
  yaml_reader r = {name, diags, diags->count};
  if (!check_text(name, data, len, "YAML", diags)) return ORB_EPARSE;
  struct fy_diag_cfg diag_cfg;
  fy_diag_cfg_default(&diag_cfg);
  diag_cfg.fp = NULL;
  struct fy_diag *fy_diags = fy_diag_create(&diag_cfg);
  if (!fy_diags) return ORB_ENOMEM;
  fy_diag_set_collect_errors(fy_diags, true);
  struct fy_parse_cfg cfg = {NULL, FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2, NULL, fy_diags};
  struct fy_document *doc = fy_document_build_from_string(&cfg, data, len);
  orb_status status = ORB_OK;
  if (!doc) {
    void *iter = NULL;
    struct fy_diag_error *e;
    while ((e = fy_diag_errors_iterate(fy_diags, &iter)))
      orb_diags_add(diags, name, e->line, e->column, "YAML: %s", e->msg); /* 1-based */
    if (diags->count == r.errors_before)
      orb_diags_add(diags, name, 0, 0, "not a YAML document");
    status = ORB_EPARSE;
  } else {
    struct fy_node *root = fy_document_root(doc);
    if (root && fy_node_is_mapping(root)) {
      struct fy_node *section = fy_node_mapping_lookup_value_by_simple_key(root, "landscape", FY_NT);
      if (section) root = section;
    }
    status = landscape_read_yaml_node(name, root, landscape, blocs, diags);
    fy_document_destroy(doc);
  }
  fy_diag_destroy(fy_diags);
  return status;
}

orb_status orb_landscape_read_yaml(const char *path, orb_landscape **landscape,
                                   unsigned *blocs, orb_diags *diags) {
  char *data;
  size_t len;
  *landscape = NULL;
  if (blocs) *blocs = 0;
  orb_status status = read_file(path, &data, &len, diags);
  if (status != ORB_OK) return status;
  status = orb_landscape_read_yaml_buffer(path, data, len, landscape, blocs, diags);
  free(data);
  return status;
}
