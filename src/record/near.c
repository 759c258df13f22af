/*
 * near.c: the nearest earlier title of a roll call's title (docs/MODEL.md,
 * "near_*" terms): the title, first voted on an earlier date, whose set of words
 * (stop words and numbers left out) has the largest Jaccard similarity with its
 * own. Only titles of earlier dates are compared, so a forecast made the day
 * before the vote could compute it.
 */
#include <stdlib.h>
#include <string.h>

#include "orbit/record.h"
#include "record/record_internal.h"

/* Words that say nothing of a text's subject. */
static int stop_word(const char *w, size_t n) {
  static const char *const words[] = {"the", "of", "and", "on", "in", "to", "a", "an", "for",
                                      "by", "with", "at", "its", "from", "as", "or", "be",
                                      "that", "this", "is", "all", "other", NULL};
  for (const char *const *s = words; *s; s++)
    if (strlen(*s) == n && memcmp(*s, w, n) == 0) return 1;
  for (size_t i = 0; i < n; i++)
    if (w[i] < '0' || w[i] > '9') return 0;
  return 1; /* a number */
}

/* qsort order of size_t values, ascending. */
static int cmp_size(const void *a, const void *b) {
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  return x < y ? -1 : x > y;
}

/* The sorted distinct word ids of a title key into *ids (*n of them, malloc'ed). */
static orb_status key_words(record_titles *dict, const char *key, size_t **ids, size_t *n) {
  size_t cap = 8, count = 0;
  size_t *v = malloc(cap * sizeof *v);
  if (!v) return ORB_ENOMEM;
  char word[256];
  for (const char *p = key; *p;) {
    while (*p == ' ') p++;
    const char *s = p;
    while (*p && *p != ' ') p++;
    size_t len = (size_t)(p - s);
    if (!len || stop_word(s, len) || len >= sizeof word) continue;
    memcpy(word, s, len);
    word[len] = '\0';
    if (count == cap) {
      size_t *g = realloc(v, 2 * cap * sizeof *v);
      if (!g) {
        free(v);
        return ORB_ENOMEM;
      }
      v = g;
      cap *= 2;
    }
    if (record_titles_intern(dict, word, &v[count]) != ORB_OK) {
      free(v);
      return ORB_ENOMEM;
    }
    count++;
  }
  qsort(v, count, sizeof *v, cmp_size);
  size_t u = 0;
  for (size_t i = 0; i < count; i++)
    if (!u || v[u - 1] != v[i]) v[u++] = v[i];
  *ids = v;
  *n = u;
  return ORB_OK;
}

/* Jaccard similarity of two sorted id sets. */
static double jaccard(const size_t *a, size_t na, const size_t *b, size_t nb) {
  if (!na || !nb) return 0;
  size_t i = 0, j = 0, both = 0;
  while (i < na && j < nb) {
    if (a[i] == b[j]) {
      both++;
      i++;
      j++;
    } else if (a[i] < b[j]) {
      i++;
    } else {
      j++;
    }
  }
  return (double)both / (double)(na + nb - both);
}

/* Words of every title (by its first roll call) and first dates. */
/* The content words of every distinct title: ids[t][0..n[t]) are word ids (in
 * dict) of title t, sorted; first[t] is the date of its first roll call. */
typedef struct title_words {
  record_titles dict;
  size_t **ids, *n;
  orb_date *first;
} title_words;

/* Frees what words_build allocated in tw (titles: the record's title count). */
static void words_free(title_words *tw, size_t titles) {
  if (tw->ids)
    for (size_t t = 0; t < titles; t++) free(tw->ids[t]);
  free(tw->ids);
  free(tw->n);
  free(tw->first);
  record_titles_free(&tw->dict);
}

/* Fills tw (owned by the caller, freed with words_free even on failure) with
 * the words of each title of rec; ORB_ENOMEM. */
static orb_status words_build(const orb_record *rec, title_words *tw) {
  memset(tw, 0, sizeof *tw);
  record_titles_init(&tw->dict);
  size_t nt = rec->title_count ? rec->title_count : 1;
  tw->ids = calloc(nt, sizeof *tw->ids);
  tw->n = calloc(nt, sizeof *tw->n);
  tw->first = calloc(nt, sizeof *tw->first);
  if (!tw->ids || !tw->n || !tw->first) return ORB_ENOMEM;
  char key[256];
  for (size_t rc = 0; rc < rec->rollcall_count; rc++) {
    size_t t = rec->rollcalls[rc].title;
    if (tw->ids[t]) continue;
    tw->first[t] = rec->rollcalls[rc].date;
    orb_record_title_key(record_title_text(&rec->rollcalls[rc]), key, sizeof key);
    orb_status st = key_words(&tw->dict, key, &tw->ids[t], &tw->n[t]);
    if (st) return st;
  }
  return ORB_OK;
}

/* The nearest title to words (ids, n) among those first voted before `before`. */
static void nearest(const title_words *tw, size_t titles, const size_t *ids, size_t n,
                    orb_date before, size_t self, size_t *near, float *sim) {
  double best = 0;
  *near = ORB_NONE;
  for (size_t u = 0; u < titles; u++) {
    if (u == self || !tw->ids[u] || tw->first[u] >= before) continue;
    double s = jaccard(ids, n, tw->ids[u], tw->n[u]);
    if (s > best) {
      best = s;
      *near = u;
    }
  }
  *sim = (float)best;
}

orb_status record_near_build(const orb_record *rec, size_t *near, float *sim) {
  title_words tw;
  orb_status st = words_build(rec, &tw);
  if (st == ORB_OK)
    for (size_t t = 0; t < rec->title_count; t++)
      nearest(&tw, rec->title_count, tw.ids[t], tw.n[t], tw.first[t], t, &near[t], &sim[t]);
  words_free(&tw, rec->title_count);
  return st;
}

orb_status record_near_text(const orb_record *rec, const char *text, orb_date before,
                            size_t *near, float *sim) {
  *near = ORB_NONE;
  *sim = 0;
  title_words tw;
  orb_status st = words_build(rec, &tw);
  size_t *ids = NULL, n = 0;
  char key[256];
  orb_record_title_key(text, key, sizeof key);
  if (st == ORB_OK) st = key_words(&tw.dict, key, &ids, &n);
  if (st == ORB_OK) nearest(&tw, rec->title_count, ids, n, before, ORB_NONE, near, sim);
  free(ids);
  words_free(&tw, rec->title_count);
  return st;
}
