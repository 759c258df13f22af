/*
 * vocab.c: the event coder's vocabulary (normalised word -> token id) and the
 * trie over token ids that all dictionary phrases compile into. Both are open
 * addressing hash tables that grow by doubling; lookups never allocate.
 */
#include <stdlib.h>
#include <string.h>

#include "events/lexicon.h"

uint64_t ev_hash(const char *word, size_t len) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < len; i++) {
    h ^= (unsigned char)word[i];
    h *= 1099511628211ull;
  }
  return h | 1; /* never 0, so that a zero slot means empty */
}

/* Mixes a trie key into a table index. */
static uint64_t edge_hash(uint64_t key) {
  key ^= key >> 33;
  key *= 0xff51afd7ed558ccdull;
  key ^= key >> 33;
  return key;
}

uint32_t ev_vocab_find(const orb_dict *dict, const char *word, size_t len,
                       uint64_t hash) {
  (void)word;
  (void)len;
  if (!dict->vocab_cap) return EV_TOK_UNKNOWN;
  size_t mask = dict->vocab_cap - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const ev_vocab_slot *slot = &dict->vocab[i];
    if (!slot->id) return EV_TOK_UNKNOWN;
    if (slot->hash == hash) return slot->id;
  }
}

/* Doubles the vocabulary table; returns 0 on out of memory. */
static int vocab_grow(orb_dict *dict) {
  size_t cap = dict->vocab_cap ? dict->vocab_cap * 2 : 4096;
  ev_vocab_slot *slots = calloc(cap, sizeof *slots);
  if (!slots) return 0;
  for (size_t i = 0; i < dict->vocab_cap; i++) {
    ev_vocab_slot s = dict->vocab[i];
    if (!s.id) continue;
    size_t j = s.hash & (cap - 1);
    while (slots[j].id) j = (j + 1) & (cap - 1);
    slots[j] = s;
  }
  free(dict->vocab);
  dict->vocab = slots;
  dict->vocab_cap = cap;
  return 1;
}

/* Words are identified by their 64-bit hash alone: with tens of thousands of
 * words the chance of a collision is about 1e-10. */
uint32_t ev_vocab_add(orb_dict *dict, const char *word, size_t len) {
  uint64_t hash = ev_hash(word, len);
  uint32_t id = ev_vocab_find(dict, word, len, hash);
  if (id) return id;
  if ((dict->vocab_count + 1) * 2 >= dict->vocab_cap && !vocab_grow(dict)) return 0;
  if (dict->vocab_count + 2 > dict->vocab_flags_cap) {
    size_t cap = dict->vocab_flags_cap ? dict->vocab_flags_cap * 2 : 4096;
    uint8_t *flags = realloc(dict->vocab_flags, cap);
    if (!flags) return 0;
    memset(flags + dict->vocab_flags_cap, 0, cap - dict->vocab_flags_cap);
    dict->vocab_flags = flags;
    dict->vocab_flags_cap = cap;
  }
  id = ++dict->vocab_count;
  size_t mask = dict->vocab_cap - 1;
  size_t i = hash & mask;
  while (dict->vocab[i].id) i = (i + 1) & mask;
  dict->vocab[i].hash = hash;
  dict->vocab[i].id = id;
  return id;
}

uint32_t ev_trie_child(const orb_dict *dict, uint32_t node, uint32_t token) {
  if (node == 0 && token < dict->root_child_cap) return dict->root_child[token];
  if (!dict->edge_cap) return 0;
  uint64_t key = ((uint64_t)node << 32) | token;
  size_t mask = dict->edge_cap - 1;
  for (size_t i = edge_hash(key) & mask;; i = (i + 1) & mask) {
    const ev_edge *e = &dict->edges[i];
    if (!e->key) return 0;
    if (e->key == key) return e->child;
  }
}

/* Doubles the edge table; returns 0 on out of memory. */
static int edges_grow(orb_dict *dict) {
  size_t cap = dict->edge_cap ? dict->edge_cap * 2 : 8192;
  ev_edge *edges = calloc(cap, sizeof *edges);
  if (!edges) return 0;
  for (size_t i = 0; i < dict->edge_cap; i++) {
    ev_edge e = dict->edges[i];
    if (!e.key) continue;
    size_t j = edge_hash(e.key) & (cap - 1);
    while (edges[j].key) j = (j + 1) & (cap - 1);
    edges[j] = e;
  }
  free(dict->edges);
  dict->edges = edges;
  dict->edge_cap = cap;
  return 1;
}

/* Appends a fresh node; returns its index or 0 on out of memory. */
static uint32_t node_new(orb_dict *dict) {
  if (dict->node_count == dict->node_cap) {
    size_t cap = dict->node_cap ? dict->node_cap * 2 : 8192;
    ev_node *nodes = realloc(dict->nodes, cap * sizeof *nodes);
    if (!nodes) return 0;
    dict->nodes = nodes;
    dict->node_cap = cap;
  }
  ev_node *n = &dict->nodes[dict->node_count];
  *n = (ev_node){.actor = -1, .replaced = -1, .agent = -1, .verb = -1, .object = -1};
  return (uint32_t)dict->node_count++;
}

uint32_t ev_trie_add(orb_dict *dict, uint32_t node, uint32_t token) {
  uint32_t child = ev_trie_child(dict, node, token);
  if (child) return child;
  if (node == 0 && token < EV_TOK_GROUP) {
    if (token >= dict->root_child_cap) {
      size_t cap = dict->root_child_cap ? dict->root_child_cap : 4096;
      while (cap <= token) cap *= 2;
      uint32_t *rc = realloc(dict->root_child, cap * sizeof *rc);
      if (!rc) return 0;
      memset(rc + dict->root_child_cap, 0, (cap - dict->root_child_cap) * sizeof *rc);
      dict->root_child = rc;
      dict->root_child_cap = cap;
    }
    child = node_new(dict);
    if (child) dict->root_child[token] = child;
    return child;
  }
  if ((dict->edge_count + 1) * 2 >= dict->edge_cap && !edges_grow(dict)) return 0;
  child = node_new(dict);
  if (!child) return 0;
  uint64_t key = ((uint64_t)node << 32) | token;
  size_t mask = dict->edge_cap - 1;
  size_t i = edge_hash(key) & mask;
  while (dict->edges[i].key) i = (i + 1) & mask;
  dict->edges[i].key = key;
  dict->edges[i].child = child;
  dict->edge_count++;
  return child;
}

int32_t ev_string_add(orb_dict *dict, const char *s, size_t len) {
  if (dict->strings_len + len + 1 > dict->strings_cap) {
    size_t cap = dict->strings_cap ? dict->strings_cap * 2 : 65536;
    while (cap < dict->strings_len + len + 1) cap *= 2;
    char *pool = realloc(dict->strings, cap);
    if (!pool) return -1;
    dict->strings = pool;
    dict->strings_cap = cap;
  }
  int32_t off = (int32_t)dict->strings_len;
  memcpy(dict->strings + off, s, len);
  dict->strings[off + len] = '\0';
  dict->strings_len += len + 1;
  return off;
}

/* The slot of hash in the interned table (non-empty): the string's, or the
 * empty one where it would go. */
static size_t interned_slot(const orb_dict *dict, uint64_t hash) {
  size_t mask = dict->interned_cap - 1, i = hash & mask;
  while (dict->interned[i].id && dict->interned[i].hash != hash) i = (i + 1) & mask;
  return i;
}

int32_t ev_string_intern(orb_dict *dict, const char *s, size_t len) {
  uint64_t hash = ev_hash(s, len);
  if ((dict->interned_count + 1) * 2 >= dict->interned_cap) {
    size_t cap = dict->interned_cap ? dict->interned_cap * 2 : 1024;
    ev_vocab_slot *slots = calloc(cap, sizeof *slots);
    if (!slots) return -1;
    for (size_t i = 0; i < dict->interned_cap; i++) {
      ev_vocab_slot e = dict->interned[i];
      if (!e.id) continue;
      size_t j = e.hash & (cap - 1);
      while (slots[j].id) j = (j + 1) & (cap - 1);
      slots[j] = e;
    }
    free(dict->interned);
    dict->interned = slots;
    dict->interned_cap = cap;
  }
  size_t i = interned_slot(dict, hash);
  if (dict->interned[i].id) return (int32_t)(dict->interned[i].id - 1);
  int32_t off = ev_string_add(dict, s, len);
  if (off < 0) return -1;
  dict->interned[i].hash = hash;
  dict->interned[i].id = (uint32_t)off + 1;
  dict->interned_count++;
  return off;
}

int32_t ev_string_find(const orb_dict *dict, const char *s, size_t len) {
  if (!dict->interned_cap) return -1;
  size_t i = interned_slot(dict, ev_hash(s, len));
  return dict->interned[i].id ? (int32_t)(dict->interned[i].id - 1) : -1;
}

orb_status ev_vocab_init(orb_dict *dict) {
  if (!vocab_grow(dict) || !edges_grow(dict)) return ORB_ENOMEM;
  if (node_new(dict) != 0) return ORB_ENOMEM; /* the root is node 0 */
  if (dict->node_count != 1 || ev_string_add(dict, "", 0) != 0) return ORB_ENOMEM;
  return ORB_OK;
}

void ev_vocab_free(orb_dict *dict) {
  free(dict->vocab);
  free(dict->vocab_flags);
  free(dict->edges);
  free(dict->nodes);
  free(dict->root_child);
  free(dict->strings);
  free(dict->interned);
}
