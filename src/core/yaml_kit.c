/*
 * yaml_kit.c: YAML text to a compact tree with libfyaml's event parser, and the
 * checks every YAML reader shares (core/yaml_kit.h).
 */
#include <libfyaml.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/input_internal.h"
#include "core/yaml_kit.h"

/* ---- memory: a chain of blocks, freed at once ------------------------------------ */

enum {
  YK_BLOCK_BYTES = 1 << 20,
  YK_MAX_DEPTH = 256 /* nesting beyond any real file; bounds the parser's stack */
};

typedef struct yk_block {
  struct yk_block *next;
  size_t used, size;
  _Alignas(8) unsigned char data[];
} yk_block;

struct yk_doc {
  yk_block *blocks;   /* nodes of the root, text of long scalars */
  yk_node **arrays;   /* the children arrays of the collections, malloc'ed */
  size_t array_count, array_cap;
  yk_node *root;
};

/* size bytes aligned to `align` (1 or 8) from the document's blocks; NULL when out
 * of memory. Not zeroed. */
static void *doc_alloc(yk_doc *doc, size_t size, size_t align) {
  yk_block *b = doc->blocks;
  size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;
  if (!b || at + size > b->size) {
    size_t bytes = size > YK_BLOCK_BYTES ? size : YK_BLOCK_BYTES;
    b = malloc(sizeof *b + bytes);
    if (!b) return NULL;
    b->next = doc->blocks;
    b->used = 0;
    b->size = bytes;
    doc->blocks = b;
    at = 0;
  }
  b->used = at + size;
  return b->data + at;
}

void yk_doc_free(yk_doc *doc) {
  if (!doc) return;
  for (size_t i = 0; i < doc->array_count; i++) free(doc->arrays[i]);
  free(doc->arrays);
  for (yk_block *b = doc->blocks, *next; b; b = next) {
    next = b->next;
    free(b);
  }
  free(doc);
}

yk_node *yk_doc_root(const yk_doc *doc) { return doc ? doc->root : NULL; }

/* ---- messages ---------------------------------------------------------------------- */

/* Reports at line/column (0 when unknown), counting against the cap. */
static void error_at(yk_reader *r, int line, int column, const char *format, va_list args) {
  r->errors++;
  if (r->errors > INPUT_MAX_ERRORS) return;
  char message[768];
  if (r->errors == INPUT_MAX_ERRORS)
    snprintf(message, sizeof message, "too many errors (%d); stopping the list here",
             INPUT_MAX_ERRORS);
  else
    vsnprintf(message, sizeof message, format, args);
  if (orb_diags_add(r->diags, r->file, line, column, "%s", message)) r->out_of_memory = true;
}

static void report_at(yk_reader *r, int line, int column, const char *format, ...)
    __attribute__((format(printf, 4, 5)));
static void report_at(yk_reader *r, int line, int column, const char *format, ...) {
  va_list args;
  va_start(args, format);
  error_at(r, line, column, format, args);
  va_end(args);
}

void yk_verror(yk_reader *r, const yk_node *node, const char *format, va_list args) {
  error_at(r, node ? (int)node->line : 0, node ? (int)node->column : 0, format, args);
}

void yk_error(yk_reader *r, const yk_node *node, const char *format, ...) {
  va_list args;
  va_start(args, format);
  error_at(r, node ? (int)node->line : 0, node ? (int)node->column : 0, format, args);
  va_end(args);
}

/* ---- parsing ------------------------------------------------------------------------- */

/* An open collection while parsing: its node and its children so far. */
typedef struct frame {
  yk_node node;
  yk_node *items;
  size_t used, cap;
  uint32_t key_line, key_column; /* the key it is the value of, 0 when none */
} frame;

typedef struct builder {
  yk_reader *r;
  yk_doc *doc;
  frame *stack;
  size_t depth, cap;
} builder;

static void ignore_diag_output(struct fy_diag *diag, void *user, const char *buf,
                               size_t len) {}

/* Gives the open collections that have no position yet (no scalar below them so
 * far) the position of node. */
static void mark_ancestors(builder *b, const yk_node *node) {
  for (size_t i = b->depth; i-- > 0 && b->stack[i].node.line == 0;) {
    b->stack[i].node.line = node->line;
    b->stack[i].node.column = node->column;
  }
}

/* The key the next child of the open collection is the value of, or NULL. */
static const yk_node *pending_key(const builder *b) {
  if (!b->depth) return NULL;
  const frame *f = &b->stack[b->depth - 1];
  return f->node.kind == YK_MAPPING && f->used % 2 == 1 ? &f->items[f->used - 1] : NULL;
}

/* Adds a finished node to the open collection, or makes it the root. */
static bool add_node(builder *b, const yk_node *n) {
  if (!b->depth) {
    yk_node *root = doc_alloc(b->doc, sizeof *root, 8);
    if (!root) return false;
    *root = *n;
    b->doc->root = root;
    return true;
  }
  frame *f = &b->stack[b->depth - 1];
  if (f->used == f->cap) {
    size_t cap = f->cap ? 2 * f->cap : 8;
    yk_node *grown = realloc(f->items, cap * sizeof *grown);
    if (!grown) return false;
    f->items = grown;
    f->cap = cap;
  }
  f->items[f->used++] = *n;
  return true;
}

/* Sets node's position from a token's start mark, if it has one. */
static void set_mark(yk_node *n, struct fy_token *token) {
  const struct fy_mark *mark = token ? fy_token_start_mark(token) : NULL;
  if (mark) {
    n->line = (uint32_t)mark->line + 1;
    n->column = (uint32_t)mark->column + 1;
  }
}

/* Sets a scalar's or alias's text from its token: in the node when short, else a
 * copy in the document. */
static bool set_text(builder *b, yk_node *n, struct fy_token *token) {
  size_t len = 0;
  const char *text = token ? fy_token_get_text(token, &len) : NULL;
  if (!text) len = 0;
  if (len > UINT32_MAX - 1) return false;
  n->count = (uint32_t)len;
  char *copy = len < sizeof n->u.small ? n->u.small : doc_alloc(b->doc, len + 1, 1);
  if (!copy) return false;
  if (len) memcpy(copy, text, len);
  copy[len] = '\0';
  if (copy != n->u.small) n->u.text = copy;
  return true;
}

/* Orders scalar key nodes by text, then by position. */
static int compare_keys(const void *x, const void *y) {
  const yk_node *a = *(const yk_node *const *)x, *c = *(const yk_node *const *)y;
  int order = strcmp(yk_scalar(a, NULL), yk_scalar(c, NULL));
  if (order) return order;
  return (a->line > c->line) - (a->line < c->line);
}

/* Reports keys given twice in a finished mapping. */
static void check_duplicates(builder *b, const yk_node *map) {
  size_t n = map->count, k = 0;
  if (n < 2) return;
  const yk_node **keys = malloc(n * sizeof *keys);
  if (!keys) {
    b->r->out_of_memory = true;
    return;
  }
  for (size_t i = 0; i < n; i++)
    if (map->u.items[2 * i].kind == YK_SCALAR) keys[k++] = &map->u.items[2 * i];
  qsort(keys, k, sizeof *keys, compare_keys);
  for (size_t i = 1; i < k; i++)
    if (strcmp(yk_scalar(keys[i], NULL), yk_scalar(keys[i - 1], NULL)) == 0)
      yk_error(b->r, keys[i], "duplicate key '%.60s' (first at line %u)",
               yk_scalar(keys[i], NULL), (unsigned)keys[i - 1]->line);
  free(keys);
}

/* Closes the open collection: its children become one array owned by the
 * document. */
static bool close_collection(builder *b, struct fy_event *e) {
  frame *f = &b->stack[--b->depth];
  yk_node n = f->node;
  if (b->doc->array_count == b->doc->array_cap) {
    size_t cap = b->doc->array_cap ? 2 * b->doc->array_cap : 64;
    yk_node **grown = realloc(b->doc->arrays, cap * sizeof *grown);
    if (!grown) { /* the popped frame's children are no longer freed with the stack */
      free(f->items);
      f->items = NULL;
      return false;
    }
    b->doc->arrays = grown;
    b->doc->array_cap = cap;
  }
  yk_node *items = f->items;
  if (f->used < f->cap) { /* give back the unused room */
    yk_node *shrunk = realloc(items, (f->used ? f->used : 1) * sizeof *items);
    if (shrunk) items = shrunk;
  }
  if (items) b->doc->arrays[b->doc->array_count++] = items;
  f->items = NULL;
  n.u.items = items;
  n.count = (uint32_t)(n.kind == YK_MAPPING ? f->used / 2 : f->used);
  if (!n.line) { /* empty: the position of its key, else of its own token */
    n.line = f->key_line;
    n.column = f->key_column;
    if (!n.line) set_mark(&n, fy_event_get_token(e));
    if (n.line) mark_ancestors(b, &n);
  }
  if (n.kind == YK_MAPPING) check_duplicates(b, &n);
  return add_node(b, &n);
}

/* Handles one parser event; false when the parse must stop. */
static bool on_event(builder *b, struct fy_event *e, int *documents) {
  switch (e->type) {
  case FYET_DOCUMENT_START:
    if (++*documents > 1) {
      struct fy_token *t = fy_event_get_token(e);
      const struct fy_mark *mark = t ? fy_token_start_mark(t) : NULL;
      report_at(b->r, mark ? mark->line + 1 : 0, mark ? mark->column + 1 : 0,
                "a second YAML document; a file holds one document (remove the '---' or "
                "split the file)");
      return false;
    }
    return true;
  case FYET_SCALAR:
  case FYET_ALIAS: {
    bool scalar = e->type == FYET_SCALAR;
    struct fy_token *token = scalar ? e->scalar.value : e->alias.anchor;
    yk_node n = {.kind = scalar ? YK_SCALAR : YK_ALIAS};
    enum fy_scalar_style style = scalar && token ? fy_token_scalar_style(token) : FYSS_PLAIN;
    n.plain = scalar && style == FYSS_PLAIN;
    if (!set_text(b, &n, token)) return !(b->r->out_of_memory = true);
    set_mark(&n, token);
    /* libfyaml marks a quoted scalar after its opening quote: point at the quote */
    if ((style == FYSS_SINGLE_QUOTED || style == FYSS_DOUBLE_QUOTED) && n.column > 1)
      n.column--;
    const yk_node *key = pending_key(b);
    if (!n.line && key) { /* an empty value: the position of its key */
      n.line = key->line;
      n.column = key->column;
    }
    if (n.line) mark_ancestors(b, &n);
    if (!add_node(b, &n)) return !(b->r->out_of_memory = true);
    return true;
  }
  case FYET_SEQUENCE_START:
  case FYET_MAPPING_START: {
    if (b->depth == YK_MAX_DEPTH) {
      struct fy_token *t = fy_event_get_token(e);
      const struct fy_mark *mark = t ? fy_token_start_mark(t) : NULL;
      report_at(b->r, mark ? mark->line + 1 : 0, mark ? mark->column + 1 : 0,
                "lists and mappings nested more than %d deep", YK_MAX_DEPTH);
      return false;
    }
    if (b->depth == b->cap) {
      size_t cap = b->cap ? 2 * b->cap : 64;
      frame *grown = realloc(b->stack, cap * sizeof *grown);
      if (!grown) return !(b->r->out_of_memory = true);
      b->stack = grown;
      b->cap = cap;
    }
    const yk_node *key = pending_key(b);
    frame f = {.node = {.kind = e->type == FYET_MAPPING_START ? YK_MAPPING : YK_SEQUENCE},
               .key_line = key ? key->line : 0, .key_column = key ? key->column : 0};
    b->stack[b->depth++] = f;
    return true;
  }
  case FYET_SEQUENCE_END:
  case FYET_MAPPING_END:
    if (b->depth && !close_collection(b, e)) return !(b->r->out_of_memory = true);
    return true;
  default:
    return true;
  }
}

/* Whether data[i], on the line that begins at start, begins a node, where a
 * quote opens a quoted scalar and '[' or '{' a flow collection: first on
 * the line after blanks, after ':' and a blank, after '-' or '?' and a blank
 * when that indicator begins a node itself, or inside a flow collection
 * (flow > 0) after '[', '{' or ','. A quote or a bracket inside a plain
 * scalar ("it's", "wa 'x", "wa ['x", "b - 'x") begins nothing. */
static bool starts_node(const char *data, size_t start, size_t i, int flow) {
  for (;;) {
    size_t j = i;
    while (j > start && (data[j - 1] == ' ' || data[j - 1] == '\t')) j--;
    if (j == start) return true;
    char before = data[j - 1];
    if (flow > 0 && (before == '[' || before == '{' || before == ',')) return true;
    if (j == i) return false; /* no blank between */
    if (before == ':') return true;
    if (before != '-' && before != '?') return false;
    i = j - 1; /* "- - 'x": the indicator must begin a node itself */
  }
}

/* The first tab between a ':' and a following '?', '-', ':' or block scalar
 * indicator ('|', '>': "irsz:\t> eslo" after an explicit key) on a line,
 * outside quoted scalars ("? b:\t- c"; a comment is read too, so that a '#'
 * taken wrongly for one hides nothing), as *line and *column (from 1);
 * 0 when there is none. libfyaml 0.7.12 (Debian 12) rejects such text but then
 * crashes freeing its parser when an explicit key ("?") came before, so it
 * never reaches libfyaml; YAML separates these with spaces. */
static int tab_before_indicator(const char *data, size_t len, int *line, int *column) {
  int ln = 1;
  for (size_t i = 0; i < len; ln++) {
    size_t start = i;
    char quote = 0;
    int flow = 0; /* depth of flow collections opened on this line */
    for (; i < len && data[i] != '\n'; i++) {
      char ch = data[i];
      if (quote) {
        bool escape = quote == '"' ? ch == '\\' : ch == '\'';
        if (escape && i + 1 < len && data[i + 1] != '\n' && (quote == '"' || data[i + 1] == '\''))
          i++; /* \x in "...", '' in '...' */
        else if (ch == quote) quote = 0;
        continue;
      }
      if ((ch == '"' || ch == '\'') && starts_node(data, start, i, flow)) quote = ch;
      else if ((ch == '[' || ch == '{') && (flow > 0 || starts_node(data, start, i, flow))) flow++;
      else if ((ch == ']' || ch == '}') && flow > 0) flow--;
      else if (ch == ':') {
        size_t j = i + 1, tab = 0;
        for (; j < len && (data[j] == ' ' || data[j] == '\t'); j++)
          if (data[j] == '\t' && !tab) tab = j + 1;
        if (tab && j < len && data[j] && strchr("?-:|>", data[j])) {
          *line = ln;
          *column = (int)(tab - start);
          return 1;
        }
      }
    }
    while (i < len && data[i] != '\n') i++;
    i++;
  }
  return 0;
}

orb_status yk_parse(yk_reader *r, const char *data, size_t len, yk_doc **out) {
  *out = calloc(1, sizeof **out);
  if (!*out) {
    r->out_of_memory = true;
    return ORB_ENOMEM;
  }
  int tab_line, tab_column;
  if (tab_before_indicator(data, len, &tab_line, &tab_column)) {
    report_at(r, tab_line, tab_column, "not valid YAML: a tab before an indicator ('?', '-', "
              "':', '|' or '>') after a ':'; use spaces");
    return r->out_of_memory ? ORB_ENOMEM : ORB_EPARSE;
  }
  struct fy_diag_cfg diag_cfg;
  fy_diag_cfg_default(&diag_cfg);
  diag_cfg.fp = NULL;
  diag_cfg.output_fn = ignore_diag_output;
  diag_cfg.colorize = false;
  struct fy_diag *diag = fy_diag_create(&diag_cfg);
  if (!diag) {
    r->out_of_memory = true;
    return ORB_ENOMEM;
  }
  fy_diag_set_collect_errors(diag, true);
  struct fy_parse_cfg cfg = {.flags = FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2, .diag = diag};
  struct fy_parser *parser = fy_parser_create(&cfg);
  builder b = {.r = r, .doc = *out};
  size_t before = r->errors;
  int documents = 0;
  bool failed = !parser || fy_parser_set_string(parser, data, len) != 0;
  if (failed) r->out_of_memory = true;
  struct fy_event *e;
  while (!failed && (e = fy_parser_parse(parser))) {
    bool go_on = on_event(&b, e, &documents);
    fy_parser_event_free(parser, e);
    if (!go_on) break;
  }
  bool syntax = parser && fy_parser_get_stream_error(parser);
  if (syntax) {
    void *iter = NULL;
    struct fy_diag_error *error;
    size_t reported = 0;
    while ((error = fy_diag_errors_iterate(diag, &iter)))
      if (error->type >= FYET_ERROR && reported++ < 1) /* later ones follow from it */
        report_at(r, error->line, error->column, "not valid YAML: %s", error->msg);
    if (!reported) report_at(r, 0, 0, "not valid YAML");
  }
  for (size_t i = 0; i < b.depth; i++) free(b.stack[i].items); /* a parse cut short */
  free(b.stack);
  if (parser) fy_parser_destroy(parser);
  fy_diag_destroy(diag);
  if (r->out_of_memory) return ORB_ENOMEM;
  return r->errors != before ? ORB_EPARSE : ORB_OK;
}

/* ---- the tree ------------------------------------------------------------------------- */

/* The text of a scalar or an alias. */
static const char *node_text(const yk_node *n) {
  return n->count < sizeof n->u.small ? n->u.small : n->u.text;
}

const char *yk_scalar(const yk_node *n, size_t *len) {
  if (!n || n->kind != YK_SCALAR) return NULL;
  if (len) *len = n->count;
  return node_text(n);
}

bool yk_is_null(const yk_node *n) {
  if (!n) return true;
  if (n->kind != YK_SCALAR || !n->plain) return false;
  const char *t = node_text(n);
  return n->count == 0 || strcmp(t, "~") == 0 || strcmp(t, "null") == 0 ||
         strcmp(t, "Null") == 0 || strcmp(t, "NULL") == 0;
}

yk_node *yk_lookup(const yk_node *map, const char *key) {
  for (size_t i = 0; i < yk_count(map); i++) {
    const char *text = yk_scalar(yk_key(map, i), NULL);
    if (text && strcmp(text, key) == 0) return yk_value(map, i);
  }
  return NULL;
}

const char *yk_kind_name(const yk_node *n) {
  if (!n) return "nothing";
  switch ((yk_kind)n->kind) {
  case YK_ALIAS: return "an alias";
  case YK_MAPPING: return "a mapping";
  case YK_SEQUENCE: return "a list";
  case YK_SCALAR: break;
  }
  return "a scalar";
}

const char *yk_quote(const yk_node *n, char buf[64]) {
  size_t len = 0;
  const char *text = yk_scalar(n, &len);
  if (!text) return yk_kind_name(n);
  if (len > 60) len = 60;
  memcpy(buf, text, len);
  buf[len] = '\0';
  return buf;
}

/* ---- checks ----------------------------------------------------------------------------- */

void yk_check_keys(yk_reader *r, const yk_node *map, const char *what,
                   const char *const *allowed) {
  size_t allowed_count = 0;
  while (allowed[allowed_count]) allowed_count++;
  for (size_t i = 0; i < yk_count(map); i++) {
    const yk_node *key = yk_key(map, i);
    size_t len = 0;
    const char *text = yk_scalar(key, &len);
    if (!text) {
      yk_error(r, key, "%s: keys must be plain strings", what);
      continue;
    }
    bool known = false;
    for (size_t k = 0; k < allowed_count && !known; k++) known = strcmp(allowed[k], text) == 0;
    if (known) continue;
    char name[64], hint[320];
    snprintf(name, sizeof name, "%.*s", (int)(len > 60 ? 60 : len), text);
    yk_error(r, key, "unknown key '%s' in %s%s", name, what,
             input_hint(name, allowed, allowed_count, 1, hint, sizeof hint));
  }
}

/* True for text a reader may take for infinity or not-a-number. */
static bool looks_infinite(const char *text) {
  if (*text == '+' || *text == '-') text++;
  char lower[16];
  size_t n = 0;
  for (; text[n] && n + 1 < sizeof lower; n++)
    lower[n] = (char)(text[n] >= 'A' && text[n] <= 'Z' ? text[n] + 32 : text[n]);
  lower[n] = '\0';
  return strcmp(lower, "inf") == 0 || strcmp(lower, "infinity") == 0 ||
         strcmp(lower, "nan") == 0;
}

bool yk_number(yk_reader *r, const yk_node *node, const char *what, const char *key,
               double *value) {
  char buf[64], label[160];
  if (key) snprintf(label, sizeof label, "%s: '%s'", what, key);
  else snprintf(label, sizeof label, "%s", what);
  size_t len = 0;
  const char *text = yk_scalar(node, &len);
  if (!text || !node->plain || len == 0) {
    if (text && !node->plain && len)
      yk_error(r, node, "%s must be a number, got the string \"%s\"", label, yk_quote(node, buf));
    else
      yk_error(r, node, "%s must be a number, got %s", label, yk_quote(node, buf));
    return false;
  }
  input_number_status status = input_number(text, len, value);
  if (status == INPUT_NUMBER_OK) return true;
  if (status == INPUT_NUMBER_RANGE || looks_infinite(text))
    yk_error(r, node, "%s must be a finite number, got '%s'", label, yk_quote(node, buf));
  else
    yk_error(r, node, "%s must be a number, got '%s'", label, yk_quote(node, buf));
  return false;
}

const char *yk_string(yk_reader *r, const yk_node *map, const char *key, const char *what,
                      bool required, size_t *len) {
  yk_node *node = yk_lookup(map, key);
  if (yk_is_null(node)) {
    if (required) yk_error(r, map, "%s: missing required key '%s'", what, key);
    return NULL;
  }
  const char *text = yk_scalar(node, len);
  if (!text) {
    yk_error(r, node, "%s: '%s' must be a string, got %s", what, key, yk_kind_name(node));
    return NULL;
  }
  if (*len == 0) {
    yk_error(r, node, "%s: '%s' must not be empty", what, key);
    return NULL;
  }
  return text;
}

orb_date yk_date(yk_reader *r, const yk_node *map, const char *key, const char *what,
                 bool required, orb_precision *precision) {
  yk_node *node = yk_lookup(map, key);
  if (yk_is_null(node)) {
    if (required) yk_error(r, map, "%s: missing required key '%s'", what, key);
    return ORB_DATE_NONE;
  }
  size_t len = 0;
  const char *text = yk_scalar(node, &len);
  orb_date date;
  if (!text || orb_date_parse(text, len, &date, precision) != ORB_OK) {
    char buf[64];
    yk_error(r, node, "%s: '%s' must be a date YYYY-MM-DD (or YYYY-MM, YYYY), got '%s'", what,
             key, yk_quote(node, buf));
    return ORB_DATE_NONE;
  }
  return date;
}
