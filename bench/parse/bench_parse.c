/*
 * bench_parse.c: accuracy and speed of the syntactic layer (orbit/parse.h) on
 * the test set of UD English EWT, beside baselines measured in the same run:
 *
 * - tagging: each word's most frequent tag in the training file (unknown
 *   words: PROPN if capitalised, else NOUN);
 * - parsing: every word attached to the word before it (the first to the root);
 * - speed: the tagger alone against tagger + parser, on 1 and 2 threads, in
 *   sentences and words per second, and the most-frequent-tag lookup.
 *
 * Usage: bench_parse [SECONDS]   (time per speed figure, default 2)
 * Needs the treebank (../shared/data/ud-english-ewt); says so and stops without.
 */
#include <ctype.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "orbit/parse.h"

#define EWT ORB_BENCH_SHARED_DIR "/data/ud-english-ewt/"

/* Seconds on a monotonic clock. */
static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* ---- the most-frequent-tag baseline ----------------------------------------------- */

typedef struct lex_slot { const char *word; size_t len; int counts[ORB_UPOS_COUNT]; int best; } lex_slot;
typedef struct lexicon { lex_slot *slots; size_t cap; } lexicon;

/* FNV-1a 64 of the lower-cased word. */
static uint64_t lower_hash(const char *s, size_t len) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (size_t i = 0; i < len; i++) h = (h ^ (uint8_t)tolower((unsigned char)s[i])) * 0x100000001b3ULL;
  return h;
}

/* Whether a and b are equal ignoring case. */
static int same_lower(const char *a, const char *b, size_t len) {
  for (size_t i = 0; i < len; i++)
    if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i])) return 0;
  return 1;
}

/* The slot of a word (lower case), or an empty one where it would go. */
static lex_slot *lex_find(const lexicon *lx, const char *w, size_t len) {
  size_t mask = lx->cap - 1;
  for (size_t i = lower_hash(w, len) & mask;; i = (i + 1) & mask) {
    lex_slot *s = &lx->slots[i];
    if (!s->word || (s->len == len && same_lower(s->word, w, len))) return s;
  }
}

/* Counts the tags of every word of tb (the lexicon owns its slots; words point into tb). */
static int lex_build(lexicon *lx, const orb_parse_treebank *tb) {
  lx->cap = 1;
  while (lx->cap < 4 * tb->words) lx->cap *= 2;
  if (!(lx->slots = calloc(lx->cap, sizeof *lx->slots))) return -1;
  for (size_t i = 0; i < tb->words; i++) {
    lex_slot *s = lex_find(lx, tb->form[i], tb->form_len[i]);
    s->word = tb->form[i];
    s->len = tb->form_len[i];
    s->counts[tb->upos[i]]++;
  }
  for (size_t i = 0; i < lx->cap; i++)
    for (int c = 0; c < ORB_UPOS_COUNT; c++)
      if (lx->slots[i].counts[c] > lx->slots[i].counts[lx->slots[i].best]) lx->slots[i].best = c;
  return 0;
}

/* The most frequent tag of a word, PROPN or NOUN when unknown. */
static int lex_tag(const lexicon *lx, const char *w, size_t len) {
  const lex_slot *s = lex_find(lx, w, len);
  if (s->word) return s->best;
  return isupper((unsigned char)w[0]) ? ORB_UPOS_PROPN : ORB_UPOS_NOUN;
}

/* ---- speed ----------------------------------------------------------------------------- */

enum { RUN_LEXICON, RUN_TAGGER, RUN_PARSER };

/* Runs one kind of work over every sentence of tb, as many passes as fit in
 * seconds, on threads threads; returns sentences per second, *wps words. */
static double speed(const orb_parse_model *m, const lexicon *lx, const orb_parse_treebank *tb,
                    int kind, int threads, double seconds, double *wps) {
  size_t sentences = 0, words = 0;
  long sink = 0;
  double t0 = now();
  do {
#pragma omp parallel for num_threads(threads) schedule(dynamic, 64) reduction(+ : sink)
    for (size_t s = 0; s < tb->sentences; s++) {
      size_t a = tb->sent_start[s], n = tb->sent_start[s + 1] - a;
      if (n > ORB_PARSE_MAX_WORDS) continue;
      const char *const *w = (const char *const *)tb->form + a;
      const size_t *l = tb->form_len + a;
      uint8_t tags[ORB_PARSE_MAX_WORDS], labels[ORB_PARSE_MAX_WORDS];
      int heads[ORB_PARSE_MAX_WORDS];
      if (kind == RUN_LEXICON) {
        for (size_t i = 0; i < n; i++) sink += lex_tag(lx, w[i], l[i]);
        continue;
      }
      orb_tagger_tag(m, w, l, n, tags);
      sink += tags[0];
      if (kind == RUN_PARSER) {
        orb_parse_tree(m, w, l, n, tags, heads, labels);
        sink += heads[0];
      }
    }
    sentences += tb->sentences;
    words += tb->words;
  } while (now() - t0 < seconds);
  double dt = now() - t0;
  if (sink == 42) fputc(' ', stderr); /* keeps the work */
  *wps = (double)words / dt;
  return (double)sentences / dt;
}

int main(int argc, char **argv) {
  double seconds = argc > 1 ? atof(argv[1]) : 2.0;
  if (!(seconds > 0)) seconds = 2.0;
  struct stat st;
  if (stat(EWT "en_ewt-ud-test.conllu.gz", &st) != 0) {
    printf("bench_parse: the EWT treebank (../shared/data/ud-english-ewt) is absent; nothing to measure\n");
    return 0;
  }
  orb_diags d;
  orb_diags_init(&d);
  orb_parse_model *m = NULL;
  orb_parse_treebank *train = NULL, *test = NULL;
  double t0 = now();
  if (orb_parse_model_load_default(ORB_PARSE_ALL, &m, &d)) goto fail;
  double load = now() - t0;
  if (orb_parse_treebank_load(EWT "en_ewt-ud-train.conllu.gz", &train, &d) ||
      orb_parse_treebank_load(EWT "en_ewt-ud-test.conllu.gz", &test, &d))
    goto fail;
  lexicon lx;
  if (lex_build(&lx, train)) goto fail;

  /* accuracy */
  orb_parse_scores sc;
  orb_parse_evaluate(m, test, &sc);
  size_t base_tag = 0, base_head = 0;
  for (size_t s = 0; s < test->sentences; s++) {
    size_t a = test->sent_start[s], n = test->sent_start[s + 1] - a;
    for (size_t i = 0; i < n; i++) {
      base_tag += lex_tag(&lx, test->form[a + i], test->form_len[a + i]) == test->upos[a + i];
      base_head += test->head[a + i] == (int)i; /* word i+1 attached to word i */
    }
  }
  double w = (double)test->words;
  printf("UD English EWT test set: %zu sentences, %zu words (gold tokenisation, predicted tags)\n",
         test->sentences, test->words);
  printf("  UPOS accuracy   %.4f   baseline (most frequent tag of the word) %.4f\n",
         sc.upos_correct / w, base_tag / w);
  printf("  UAS             %.4f   baseline (attach to the previous word)    %.4f\n",
         sc.uas_correct / w, base_head / w);
  printf("  LAS             %.4f   (universal relations: %.4f)\n", sc.las_correct / w,
         sc.las_universal / w);
  printf("model loaded in %.3f s\n\n", load);

  /* speed */
  printf("speed over the test set (%.1f s a figure)      sentences/s      words/s\n", seconds);
  double wps, base_wps, tag_wps;
  double base = speed(m, &lx, test, RUN_LEXICON, 1, seconds, &base_wps);
  printf("  most-frequent-tag lookup, 1 thread      %12.0f %12.0f\n", base, base_wps);
  double tag1 = speed(m, &lx, test, RUN_TAGGER, 1, seconds, &tag_wps);
  printf("  tagger, 1 thread                        %12.0f %12.0f\n", tag1, tag_wps);
  double tag2 = speed(m, &lx, test, RUN_TAGGER, 2, seconds, &wps);
  printf("  tagger, 2 threads                       %12.0f %12.0f\n", tag2, wps);
  double par1 = speed(m, &lx, test, RUN_PARSER, 1, seconds, &wps);
  printf("  tagger + parser, 1 thread               %12.0f %12.0f\n", par1, wps);
  double par2 = speed(m, &lx, test, RUN_PARSER, 2, seconds, &wps);
  printf("  tagger + parser, 2 threads              %12.0f %12.0f\n", par2, wps);
  printf("ratios: tagger / lookup %.3f; tagger+parser / tagger %.3f (1 thread); "
         "2 threads / 1 thread %.2f (tagger+parser)\n", tag1 / base, par1 / tag1, par2 / par1);

  free(lx.slots);
  orb_parse_treebank_free(train);
  orb_parse_treebank_free(test);
  orb_parse_model_free(m);
  orb_diags_free(&d);
  return 0;
fail:
  orb_diags_print(&d, stderr);
  orb_diags_free(&d);
  return 1;
}
