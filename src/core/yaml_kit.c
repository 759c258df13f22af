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

enum { YK_BLOCK_BYTES = 1 << 20 };

typedef struct yk_block {
  struct yk_block *next;
  size_t used, size;
  _Alignas(8) unsigned char data[];
} yk_block;

struct yk_doc {
  yk_block *blocks;
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

/* An open collection while parsing. */
typedef struct frame {
  yk_node *node;
  yk_node *tail; /* last child so far */
  yk_node *key;  /* the key this collection is the value of, or NULL */
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
  for (size_t i = b->depth; i-- > 0 && b->stack[i].node->line == 0;) {
    b->stack[i].node->line = node->line;
    b->stack[i].node->column = node->column;
  }
}

/* A new node of kind, attached to the open collection; NULL when out of memory.
 * *key gets the key it is the value of (NULL when none). */
static yk_node *new_node(builder *b, yk_kind kind, yk_node **key) {
  yk_node *n = doc_alloc(b->doc, sizeof *n, 8);
  if (!n) return NULL;
  memset(n, 0, sizeof *n);
  n->kind = (uint8_t)kind;
  *key = NULL;
  if (!b->depth) {
    b->doc->root = n;
    return n;
  }
  frame *f = &b->stack[b->depth - 1];
  if (f->node->kind == YK_MAPPING && f->node->count % 2 == 1) *key = f->tail;
  if (f->tail) f->tail->next = n;
  else f->node->u.first = n;
  f->tail = n;
  f->node->count++;
  return n;
}

/* Sets node's position from a token's start mark, if it has one. */
static void set_mark(yk_node *n, struct fy_token *token) {
  const struct fy_mark *mark = token ? fy_token_start_mark(token) : NULL;
  if (mark) {
    n->line = (uint32_t)mark->line + 1;
    n->column = (uint32_t)mark->column + 1;
  }
}

/* Copies a token's text into the document. */
static const char *copy_text(builder *b, struct fy_token *token, uint32_t *count) {
  size_t len = 0;
  const char *text = token ? fy_token_get_text(token, &len) : NULL;
  if (!text) len = 0;
  if (len > UINT32_MAX - 1) return NULL;
  char *copy = doc_alloc(b->doc, len + 1, 1);
  if (!copy) return NULL;
  if (len) memcpy(copy, text, len);
  copy[len] = '\0';
  *count = (uint32_t)len;
  return copy;
}

/* Orders scalar key nodes by text, then by position. */
static int compare_keys(const void *x, const void *y) {
  const yk_node *a = *(const yk_node *const *)x, *c = *(const yk_node *const *)y;
  int order = strcmp(a->u.text, c->u.text);
  if (order) return order;
  return (a->line > c->line) - (a->line < c->line);
}

/* Reports keys given twice in a finished mapping. */
static void check_duplicates(builder *b, yk_node *map) {
  size_t n = map->count, k = 0;
  if (n < 2) return;
  yk_node **keys = malloc(n * sizeof *keys);
  if (!keys) {
    b->r->out_of_memory = true;
    return;
  }
  for (yk_node *key = map->u.first; key; key = key->next->next)
    if (key->kind == YK_SCALAR) keys[k++] = key;
  qsort(keys, k, sizeof *keys, compare_keys);
  for (size_t i = 1; i < k; i++)
    if (strcmp(keys[i]->u.text, keys[i - 1]->u.text) == 0)
      yk_error(b->r, keys[i], "duplicate key '%.60s' (first at line %u)", keys[i]->u.text,
               (unsigned)keys[i - 1]->line);
  free(keys);
}

/* Handles one parser event; false when the parse must stop. */
static bool on_event(builder *b, struct fy_event *e, int *documents) {
  yk_node *n, *key;
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
    n = new_node(b, scalar ? YK_SCALAR : YK_ALIAS, &key);
    if (!n || !(n->u.text = copy_text(b, token, &n->count))) return !(b->r->out_of_memory = true);
    enum fy_scalar_style style = scalar && token ? fy_token_scalar_style(token) : FYSS_PLAIN;
    n->plain = style == FYSS_PLAIN;
    set_mark(n, token);
    /* libfyaml marks a quoted scalar after its opening quote: point at the quote */
    if ((style == FYSS_SINGLE_QUOTED || style == FYSS_DOUBLE_QUOTED) && n->column > 1)
      n->column--;
    if (!n->line && key) { /* an empty value: the position of its key */
      n->line = key->line;
      n->column = key->column;
    }
    if (n->line) mark_ancestors(b, n);
    return true;
  }
  case FYET_SEQUENCE_START:
  case FYET_MAPPING_START: {
    bool mapping = e->type == FYET_MAPPING_START;
    n = new_node(b, mapping ? YK_MAPPING : YK_SEQUENCE, &key);
    if (!n) return !(b->r->out_of_memory = true);
    if (b->depth == b->cap) {
      size_t cap = b->cap ? 2 * b->cap : 64;
      frame *grown = realloc(b->stack, cap * sizeof *grown);
      if (!grown) return !(b->r->out_of_memory = true);
      b->stack = grown;
      b->cap = cap;
    }
    b->stack[b->depth++] = (frame){n, NULL, key};
    return true;
  }
  case FYET_SEQUENCE_END:
  case FYET_MAPPING_END: {
    if (!b->depth) return true;
    frame *f = &b->stack[--b->depth];
    n = f->node;
    if (!n->line) { /* empty: the position of its key, else of its own token */
      if (f->key) {
        n->line = f->key->line;
        n->column = f->key->column;
      } else {
        set_mark(n, fy_event_get_token(e));
      }
      if (n->line) mark_ancestors(b, n);
    }
    if (n->kind == YK_MAPPING) {
      n->count /= 2;
      check_duplicates(b, n);
    }
    return true;
  }
  default:
    return true;
  }
}

orb_status yk_parse(yk_reader *r, const char *data, size_t len, yk_doc **out) {
  *out = calloc(1, sizeof **out);
  if (!*out) {
    r->out_of_memory = true;
    return ORB_ENOMEM;
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
  free(b.stack);
  if (parser) fy_parser_destroy(parser);
  fy_diag_destroy(diag);
  if (r->out_of_memory) return ORB_ENOMEM;
  return r->errors != before ? ORB_EPARSE : ORB_OK;
}

/* ---- the tree ------------------------------------------------------------------------- */

const char *yk_scalar(const yk_node *n, size_t *len) {
  if (!n || n->kind != YK_SCALAR) return NULL;
  if (len) *len = n->count;
  return n->u.text;
}

bool yk_is_null(const yk_node *n) {
  if (!n) return true;
  if (n->kind != YK_SCALAR || !n->plain) return false;
  const char *t = n->u.text;
  return n->count == 0 || strcmp(t, "~") == 0 || strcmp(t, "null") == 0 ||
         strcmp(t, "Null") == 0 || strcmp(t, "NULL") == 0;
}

yk_node *yk_lookup(const yk_node *map, const char *key) {
  if (!yk_is_mapping(map)) return NULL;
  for (yk_node *k = map->u.first; k; k = k->next->next)
    if (k->kind == YK_SCALAR && strcmp(k->u.text, key) == 0) return k->next;
  return NULL;
}

yk_node *yk_item(const yk_node *seq, size_t i) {
  yk_node *n = yk_is_sequence(seq) ? seq->u.first : NULL;
  while (n && i--) n = n->next;
  return n;
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
  for (yk_node *key = yk_first(map); key; key = yk_next_key(key)) {
    size_t len = 0;
    const char *text = yk_scalar(key, &len);
    if (!text) {
      yk_error(r, key, "%s: keys must be plain strings", what);
      continue;
    }
    bool known = false;
    for (size_t i = 0; i < allowed_count && !known; i++) known = strcmp(allowed[i], text) == 0;
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
