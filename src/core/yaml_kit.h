/*
 * yaml_kit.h: the one YAML helper kit every YAML reader of the library uses
 * (world files, landscapes; private to the library).
 *
 * yk_parse reads a YAML text with libfyaml's event parser into a compact tree of
 * its own (24 bytes a node, the text of longer scalars copied once, at most 256
 * levels deep), so that a file
 * costs a small multiple of its size in memory (libfyaml's document tree costs 40
 * to 150 times the file). Aliases are kept as alias nodes and never expanded; a
 * duplicate key in a mapping and a second document in the file are errors.
 *
 * A yk_reader collects FILE:LINE:COL messages with one cap (INPUT_MAX_ERRORS) and
 * gives the checks every reader needs: unknown keys with did-you-mean, strict
 * numbers (a quoted "2" is not a number), dates, strings.
 */
#ifndef ORB_CORE_YAML_KIT_H
#define ORB_CORE_YAML_KIT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "orbit/core.h"

typedef enum yk_kind { YK_SCALAR, YK_SEQUENCE, YK_MAPPING, YK_ALIAS } yk_kind;

/* One node of the tree (24 bytes). Owned by its yk_doc. The children of a
 * collection are one array: a sequence's items, or a mapping's key, value, key,
 * value, ... A scalar of up to 7 bytes keeps its text in the node. */
typedef struct yk_node {
  uint8_t kind;     /* yk_kind */
  uint8_t plain;    /* a scalar written plain (not quoted, not a block scalar) */
  uint32_t line;    /* 1-based; a collection has its first scalar's position */
  uint32_t column;  /* 1-based */
  uint32_t count;   /* scalar: text length; sequence: items; mapping: pairs */
  union {
    const char *text;       /* scalar or alias of 8 bytes or more */
    char small[8];          /* scalar or alias of up to 7 bytes, NUL-terminated */
    struct yk_node *items;  /* collection: its children */
  } u;
} yk_node;

/* A parsed file: its tree and the memory that holds it. */
typedef struct yk_doc yk_doc;

/* Where messages go, and how many were reported. */
typedef struct yk_reader {
  const char *file;
  orb_diags *diags;
  size_t errors;      /* errors reported through this reader (counted past the cap) */
  bool out_of_memory; /* an allocation failed */
} yk_reader;

/* Parses data[0..len) (UTF-8 checked by the caller) into *doc (the caller frees it
 * with yk_doc_free, also on failure). Syntax errors, duplicate keys and a second
 * document are reported through r: ORB_EPARSE; ORB_ENOMEM. An empty stream gives a
 * document whose root is NULL. */
orb_status yk_parse(yk_reader *r, const char *data, size_t len, yk_doc **doc);

/* The root node, or NULL for an empty file. */
yk_node *yk_doc_root(const yk_doc *doc);

/* Frees the document and every node of it; NULL is allowed. */
void yk_doc_free(yk_doc *doc);

/* ---- the tree ------------------------------------------------------------------ */

static inline bool yk_is_mapping(const yk_node *n) { return n && n->kind == YK_MAPPING; }
static inline bool yk_is_sequence(const yk_node *n) { return n && n->kind == YK_SEQUENCE; }
static inline bool yk_is_scalar(const yk_node *n) { return n && n->kind == YK_SCALAR; }
static inline bool yk_is_alias(const yk_node *n) { return n && n->kind == YK_ALIAS; }

/* Items of a sequence or pairs of a mapping (0 for a scalar or NULL). */
static inline size_t yk_count(const yk_node *n) {
  return n && (n->kind == YK_MAPPING || n->kind == YK_SEQUENCE) ? n->count : 0;
}

/* Item i of a sequence, or NULL. */
static inline yk_node *yk_item(const yk_node *seq, size_t i) {
  return seq && seq->kind == YK_SEQUENCE && i < seq->count ? &seq->u.items[i] : NULL;
}

/* Key and value of pair i of a mapping, or NULL. */
static inline yk_node *yk_key(const yk_node *map, size_t i) {
  return map && map->kind == YK_MAPPING && i < map->count ? &map->u.items[2 * i] : NULL;
}
static inline yk_node *yk_value(const yk_node *map, size_t i) {
  return map && map->kind == YK_MAPPING && i < map->count ? &map->u.items[2 * i + 1] : NULL;
}

/* The text of a scalar (NUL-terminated, *len bytes; len may be NULL), or NULL for
 * anything else. */
const char *yk_scalar(const yk_node *n, size_t *len);

/* True for an absent node or a plain null scalar (~, null, Null, NULL, empty). */
bool yk_is_null(const yk_node *n);

/* The value of key in mapping map, or NULL. */
yk_node *yk_lookup(const yk_node *map, const char *key);

/* "a mapping", "a list", "a scalar" or "an alias", for messages. */
const char *yk_kind_name(const yk_node *n);

/* Copies a scalar's text (cut at 60 bytes) into buf for messages, or the node's
 * kind when it is not a scalar. */
const char *yk_quote(const yk_node *n, char buf[64]);

/* ---- messages and checks --------------------------------------------------------- */

/* Reports an error at node (its line and column; the file's when node is NULL).
 * After INPUT_MAX_ERRORS messages one "too many errors" line ends the list; later
 * errors are only counted. */
void yk_error(yk_reader *r, const yk_node *node, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

/* yk_error with a va_list, for readers that wrap it. */
void yk_verror(yk_reader *r, const yk_node *node, const char *format, va_list args)
    __attribute__((format(printf, 3, 0)));

/* Reports every key of map that is not in allowed (NULL-terminated) as "unknown key
 * 'k' in WHAT" with a did-you-mean hint (or the list of allowed keys). */
void yk_check_keys(yk_reader *r, const yk_node *map, const char *what,
                   const char *const *allowed);

/* Reads node as a finite decimal number written plain (a quoted "2" is a string);
 * reports "WHAT: 'KEY' must be a number, got ..." (KEY may be NULL) and returns
 * false otherwise. */
bool yk_number(yk_reader *r, const yk_node *node, const char *what, const char *key,
               double *value);

/* The non-empty scalar text of map's key (*len bytes), or NULL: reported when
 * required and missing, or when not a string or empty. */
const char *yk_string(yk_reader *r, const yk_node *map, const char *key, const char *what,
                      bool required, size_t *len);

/* The date in map's key ("YYYY", "YYYY-MM" or "YYYY-MM-DD"), or ORB_DATE_NONE:
 * reported when required and missing, or malformed. precision may be NULL. */
orb_date yk_date(yk_reader *r, const yk_node *map, const char *key, const char *what,
                 bool required, orb_precision *precision);

#endif
