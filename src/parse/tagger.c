/*
 * tagger.c: the part-of-speech tagger, a greedy left-to-right averaged
 * perceptron with the features of Honnibal's "A good part-of-speech tagger in
 * about 200 lines of Python" (2013): the word, its affixes and shape, the two
 * words on each side and the two previous predicted tags.
 */
#include <stdlib.h>
#include <string.h>

#include "parse/parse_internal.h"

static const char *const upos_names[ORB_UPOS_COUNT] = {
  "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
  "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

const char *orb_parse_upos_name(int upos) {
  return upos >= 0 && upos < ORB_UPOS_COUNT ? upos_names[upos] : "_";
}

int orb_parse_upos_from_name(const char *name, size_t len) {
  for (int i = 0; i < ORB_UPOS_COUNT; i++)
    if (strlen(upos_names[i]) == len && memcmp(upos_names[i], name, len) == 0) return i;
  return -1;
}

#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

/* FNV-1a 64 of len bytes. */
static uint64_t fnv(const char *s, size_t len) {
  uint64_t h = FNV_OFFSET;
  for (size_t i = 0; i < len; i++) h = (h ^ (uint8_t)s[i]) * FNV_PRIME;
  return h;
}

/* ASCII lower case. */
static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c; }

uint64_t pa_word_hash(const char *word, size_t len) {
  size_t digits = 0, numeric = 0;
  for (size_t i = 0; i < len; i++) {
    char c = word[i];
    digits += c >= '0' && c <= '9';
    numeric += (c >= '0' && c <= '9') || c == ',' || c == '.' || c == '/' || c == ':';
  }
  if (digits && numeric == len) {
    const char *shape = digits == 4 && len == 4 ? "!YEAR" : "!DIGITS";
    return fnv(shape, strlen(shape));
  }
  uint64_t h = FNV_OFFSET;
  for (size_t i = 0; i < len; i++) h = (h ^ (uint8_t)lower(word[i])) * FNV_PRIME;
  return h;
}

/* Hash of the last k bytes (lower case) of a word, tagged with k. */
static uint64_t affix(const char *w, size_t len, size_t k, int suffix) {
  size_t m = len < k ? len : k;
  const char *p = suffix ? w + len - m : w;
  uint64_t h = FNV_OFFSET ^ (k * 31 + (size_t)suffix);
  for (size_t i = 0; i < m; i++) h = (h ^ (uint8_t)lower(p[i])) * FNV_PRIME;
  return h;
}

/* Shape classes: capitalised, all capitals, digits, other symbols, one letter. */
static uint32_t shape(const char *w, size_t len) {
  uint32_t s = 0;
  int upper = 0, alpha = 0;
  for (size_t i = 0; i < len; i++) {
    char c = w[i];
    if (c >= 'A' && c <= 'Z') upper++, alpha++;
    else if (c >= 'a' && c <= 'z') alpha++;
    else if (c >= '0' && c <= '9') s |= 4;
    else if ((unsigned char)c < 0x80) s |= 8;
  }
  if (len && w[0] >= 'A' && w[0] <= 'Z') s |= 1;
  if (upper > 1 && upper == alpha) s |= 2;
  if (len == 1) s |= 16;
  return s;
}

void pa_words(const char *const *texts, const size_t *lens, size_t n, pa_word *words) {
  for (size_t i = 0; i < n; i++) {
    const char *t = texts[i];
    size_t len = lens[i];
    words[i].w = pa_word_hash(t, len);
    words[i].suf3 = affix(t, len, 3, 1);
    words[i].suf2 = affix(t, len, 2, 1);
    words[i].pre1 = affix(t, len, 1, 0);
    words[i].suf4 = affix(t, len, 4, 1);
    words[i].pre3 = affix(t, len, 3, 0);
    words[i].shape = shape(t, len);
  }
}

/* Word hash of position i, or a boundary marker. */
static uint64_t word_at(const pa_word *words, size_t n, long i) {
  if (i < 0) return 0x5354415254ULL + (uint64_t)(-i);  /* "START" */
  if ((size_t)i >= n) return 0x454e44ULL + (uint64_t)i - n; /* "END" */
  return words[i].w;
}

/* Suffix hash of position i, or a boundary marker. */
static uint64_t suf_at(const pa_word *words, size_t n, long i) {
  if (i < 0 || (size_t)i >= n) return 0x4e4f4e45ULL;
  return words[i].suf3;
}

size_t pa_tagger_feats(const pa_word *words, size_t n, size_t i, int prev,
                       int prev2, uint32_t *f) {
  const pa_word *x = &words[i];
  long j = (long)i;
  uint64_t p1 = (uint64_t)(prev + 1), p2 = (uint64_t)(prev2 + 1);
  size_t k = 0;
  f[k++] = pa_feat(0, 0, 0, 0);
  f[k++] = pa_feat(1, x->w, 0, 0);
  f[k++] = pa_feat(2, x->suf3, 0, 0);
  f[k++] = pa_feat(3, x->pre1, 0, 0);
  f[k++] = pa_feat(4, p1, 0, 0);
  f[k++] = pa_feat(5, p2, 0, 0);
  f[k++] = pa_feat(6, p1, p2, 0);
  f[k++] = pa_feat(7, p1, x->w, 0);
  f[k++] = pa_feat(8, word_at(words, n, j - 1), 0, 0);
  f[k++] = pa_feat(9, suf_at(words, n, j - 1), 0, 0);
  f[k++] = pa_feat(10, word_at(words, n, j - 2), 0, 0);
  f[k++] = pa_feat(11, word_at(words, n, j + 1), 0, 0);
  f[k++] = pa_feat(12, suf_at(words, n, j + 1), 0, 0);
  f[k++] = pa_feat(13, word_at(words, n, j + 2), 0, 0);
  f[k++] = pa_feat(14, x->suf2, 0, 0);
  f[k++] = pa_feat(15, x->shape, 0, 0);
  f[k++] = pa_feat(16, x->shape, p1, 0);
  f[k++] = pa_feat(17, x->shape, i == 0, 0);
  f[k++] = pa_feat(18, word_at(words, n, j - 1), x->w, 0);
  f[k++] = pa_feat(19, x->w, word_at(words, n, j + 1), 0);
  f[k++] = pa_feat(20, x->suf3, p1, 0);
  f[k++] = pa_feat(21, x->suf4, 0, 0);
  f[k++] = pa_feat(22, x->pre3, 0, 0);
  f[k++] = pa_feat(23, (size_t)j + 1 < n ? words[j + 1].shape : 99, x->shape, 0);
  return k;
}

orb_status pa_tagdict_init(pa_tagdict *d, size_t count) {
  d->cap = 16;
  while (d->cap < 2 * count + 2) d->cap *= 2;
  d->count = 0;
  d->keys = calloc(d->cap, sizeof *d->keys);
  d->tags = malloc(d->cap);
  return d->keys && d->tags ? ORB_OK : ORB_ENOMEM;
}

void pa_tagdict_free(pa_tagdict *d) {
  free(d->keys);
  free(d->tags);
  memset(d, 0, sizeof *d);
}

int pa_tagdict_insert(pa_tagdict *d, uint64_t w, uint8_t tag) {
  if (!w || 2 * (d->count + 1) > d->cap) return -1;
  size_t mask = d->cap - 1, i = (size_t)w & mask;
  for (; d->keys[i]; i = (i + 1) & mask)
    if (d->keys[i] == w) return -1;
  d->keys[i] = w;
  d->tags[i] = tag;
  d->count++;
  return 0;
}

int pa_tagdict_find(const pa_tagdict *d, uint64_t w) {
  if (!d->cap) return -1;
  size_t mask = d->cap - 1;
  for (size_t i = (size_t)w & mask; d->keys[i]; i = (i + 1) & mask)
    if (d->keys[i] == w) return d->tags[i];
  return -1;
}

void pa_tag_words(const ap_table *t, const pa_tagdict *d, const pa_word *words, size_t n,
                  uint8_t *upos) {
  int prev = -1, prev2 = -2;
  uint32_t feats[PA_MAX_FEATS];
  for (size_t i = 0; i < n; i++) {
    int best = pa_tagdict_find(d, words[i].w);
    if (best < 0) {
      size_t k = pa_tagger_feats(words, n, i, prev, prev2, feats);
      int32_t s[ORB_UPOS_COUNT] = {0};
      ap_score_q(t, feats, k, s);
      best = 0;
      for (int c = 1; c < ORB_UPOS_COUNT; c++) if (s[c] > s[best]) best = c;
    }
    upos[i] = (uint8_t)best;
    prev2 = prev;
    prev = best;
  }
}

orb_status orb_tagger_tag(const orb_parse_model *model, const char *const *words,
                          const size_t *lens, size_t n, uint8_t *upos) {
  if (n > ORB_PARSE_MAX_WORDS) return ORB_ELIMIT;
  pa_word w[ORB_PARSE_MAX_WORDS];
  pa_words(words, lens, n, w);
  pa_tag_words(&model->tagger, &model->tagdict, w, n, upos);
  return ORB_OK;
}
