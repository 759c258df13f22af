/*
 * train.c: trains the tagger, the parser and the labeller on a treebank, and
 * scores a model on one.
 *
 * The tagger learns first (greedy, its own previous guesses as features). The
 * parser then learns on the tags the trained tagger gives the training
 * sentences, so that it sees tags as noisy as at run time. Each parser step
 * updates toward the best-scoring transition of least cost under the dynamic
 * oracle (Goldberg & Nivre 2012); from the second pass on the parser follows
 * its own prediction with probability `explore`, so it learns to recover from
 * its mistakes. The labeller learns on every arc whose head is right.
 * Every pass visits the sentences in an order drawn from one seeded generator:
 * the same treebank and options give the same model, byte for byte.
 */
#include <stdlib.h>
#include <string.h>

#include "parse/parse_internal.h"

void orb_parse_train_defaults(orb_parse_train_options *o) {
  o->tagger_epochs = 8;
  o->parser_epochs = 15;
  o->seed = 20141;
  o->explore = 0.9;
  o->prune = 1e-3f;
  o->log = NULL;
}

/* xorshift64*: the one random stream of a training run. */
static uint64_t next_random(uint64_t *s) {
  *s ^= *s >> 12;
  *s ^= *s << 25;
  *s ^= *s >> 27;
  return *s * 0x2545f4914f6cdd1dULL;
}

/* Fisher-Yates shuffle of order[0..n) with the run's generator. */
static void shuffle(size_t *order, size_t n, uint64_t *rng) {
  for (size_t i = n; i > 1; i--) {
    size_t j = (size_t)(next_random(rng) % i), t = order[i - 1];
    order[i - 1] = order[j];
    order[j] = t;
  }
}

/* Words of sentence s of tb as text pointers and lengths; returns its length. */
static size_t sentence_words(const orb_parse_treebank *tb, size_t s, const char **texts,
                             size_t *lens) {
  size_t a = tb->sent_start[s], n = tb->sent_start[s + 1] - a;
  if (n > ORB_PARSE_MAX_WORDS) return n;
  for (size_t i = 0; i < n; i++) texts[i] = tb->form[a + i], lens[i] = tb->form_len[a + i];
  return n;
}

/* Scratch of one sentence for training and scoring. */
typedef struct scratch {
  const char *texts[ORB_PARSE_MAX_WORDS];
  size_t lens[ORB_PARSE_MAX_WORDS];
  pa_word words[ORB_PARSE_MAX_WORDS];
  int ints[PA_STATE_INTS(ORB_PARSE_MAX_WORDS)];
  uint64_t sets[2 * (ORB_PARSE_MAX_WORDS + 2)];
  int gold[ORB_PARSE_MAX_WORDS + 2];
  uint32_t feats[PA_MAX_FEATS];
} scratch;

/* One pass of the tagger over the treebank, leaving out the sentences s with
 * s % folds == fold (none when folds is 0); words of the dictionary d take its
 * tag and teach nothing; *now counts decisions. */
static orb_status tagger_pass(ap_table *t, const pa_tagdict *d, const orb_parse_treebank *tb,
                              const size_t *order, size_t fold, size_t folds, scratch *x,
                              int64_t *now, size_t *correct) {
  for (size_t o = 0; o < tb->sentences; o++) {
    size_t s = order[o];
    if (folds && s % folds == fold) continue;
    size_t n = sentence_words(tb, s, x->texts, x->lens);
    if (n > ORB_PARSE_MAX_WORDS) continue;
    const uint8_t *gold = tb->upos + tb->sent_start[s];
    pa_words(x->texts, x->lens, n, x->words);
    int prev = -1, prev2 = -2;
    for (size_t i = 0; i < n; i++) {
      int known = pa_tagdict_find(d, x->words[i].w);
      if (known >= 0) {
        *correct += known == gold[i];
        prev2 = prev;
        prev = known;
        continue;
      }
      size_t k = pa_tagger_feats(x->words, n, i, prev, prev2, x->feats);
      float sc[ORB_UPOS_COUNT] = {0};
      ap_score_f(t, x->feats, k, sc);
      int guess = 0;
      for (int c = 1; c < ORB_UPOS_COUNT; c++) if (sc[c] > sc[guess]) guess = c;
      *correct += guess == gold[i];
      if (ap_update(t, x->feats, k, gold[i], guess, (*now)++)) return ORB_ENOMEM;
      prev2 = prev;
      prev = guess;
    }
  }
  return ORB_OK;
}

/* Labels the new arc h -> d during training, learning from it if h is right. */
static orb_status train_label(orb_parse_model *m, pa_state *s, scratch *x,
                              const uint8_t *tags, const int *gold_label, int h, int d,
                              int64_t now) {
  if (h == 0) {
    pa_set_label(s, d, m->root_label);
    return ORB_OK;
  }
  size_t k = pa_label_feats(s, x->words, tags, h, d, x->feats);
  float sc[PA_MAX_LABELS] = {0};
  ap_score_f(&m->labeller, x->feats, k, sc);
  int guess = -1;
  for (int c = 0; c < (int)m->label_count; c++)
    if (c != m->root_label && (guess < 0 || sc[c] > sc[guess])) guess = c;
  if (x->gold[d] == h && gold_label[d - 1] != m->root_label &&
      ap_update(&m->labeller, x->feats, k, gold_label[d - 1], guess, now))
    return ORB_ENOMEM;
  pa_set_label(s, d, guess);
  return ORB_OK;
}

/* One pass of the parser and labeller; explore is 0 on the first pass. */
static orb_status parser_pass(orb_parse_model *m, const orb_parse_treebank *tb,
                              const uint8_t *tags_all, const size_t *order, scratch *x,
                              double explore, uint64_t *rng, int64_t *now, size_t *arcs) {
  for (size_t o = 0; o < tb->sentences; o++) {
    size_t s = order[o], n = sentence_words(tb, s, x->texts, x->lens);
    if (n > ORB_PARSE_MAX_WORDS || n == 0) continue;
    size_t a = tb->sent_start[s];
    const uint8_t *tags = tags_all + a;
    pa_words(x->texts, x->lens, n, x->words);
    x->gold[0] = -1;
    for (size_t i = 0; i < n; i++) x->gold[i + 1] = tb->head[a + i];
    pa_state st;
    pa_state_init(&st, (int)n, x->ints, x->sets);
    while (!pa_done(&st)) {
      size_t k = pa_parser_feats(&st, x->words, tags, x->feats);
      float sc[PA_NACTIONS] = {0};
      ap_score_f(&m->parser, x->feats, k, sc);
      int cost[PA_NACTIONS], pred = -1, best = -1, least = 1 << 30;
      for (int c = 0; c < PA_NACTIONS; c++) {
        cost[c] = pa_valid(&st, c) ? pa_cost(&st, x->gold, c) : -1;
        if (cost[c] < 0) continue;
        if (pred < 0 || sc[c] > sc[pred]) pred = c;
        if (cost[c] < least) least = cost[c];
      }
      for (int c = 0; c < PA_NACTIONS; c++)
        if (cost[c] == least && (best < 0 || sc[c] > sc[best])) best = c;
      if (cost[pred] > least && ap_update(&m->parser, x->feats, k, best, pred, *now))
        return ORB_ENOMEM;
      int follow = explore > 0 && (double)(next_random(rng) >> 11) / 9007199254740992.0 < explore;
      int d = pa_apply(&st, follow ? pred : best);
      (*now)++;
      if (d && train_label(m, &st, x, tags, tb->label + a, st.head[d], d, *now))
        return ORB_ENOMEM;
    }
    pa_finish(&st, m->dep_label, m->root_label);
    for (size_t i = 1; i <= n; i++) *arcs += st.head[i] == x->gold[i];
  }
  return ORB_OK;
}

/* Copies the relation names of tb into m. */
static orb_status take_labels(orb_parse_model *m, const orb_parse_treebank *tb,
                              orb_diags *diags) {
  m->root_label = m->punct_label = m->dep_label = -1;
  for (size_t i = 0; i < tb->label_count; i++) {
    if (strlen(tb->labels[i]) > 255 || !(m->labels[i] = strdup(tb->labels[i])))
      return ORB_ENOMEM;
    m->label_count = i + 1;
    if (strcmp(m->labels[i], "root") == 0) m->root_label = (int)i;
    if (strcmp(m->labels[i], "punct") == 0) m->punct_label = (int)i;
    if (strcmp(m->labels[i], "dep") == 0) m->dep_label = (int)i;
  }
  if (m->root_label < 0 || m->label_count < 2) {
    orb_diags_add(diags, "treebank", 0, 0, "no 'root' relation: cannot train a parser");
    return ORB_EPARSE;
  }
  if (m->dep_label < 0) m->dep_label = m->root_label == 0 ? 1 : 0;
  return ORB_OK;
}

/* Trains a tagger into t on the sentences outside fold (all when folds is 0)
 * and, when folds is not 0, tags the sentences of the fold into tags. */
static orb_status train_tagger(ap_table *t, const pa_tagdict *d, const orb_parse_treebank *tb,
                               const orb_parse_train_options *o, size_t fold, size_t folds,
                               size_t *order, uint64_t *rng, uint8_t *tags, scratch *x) {
  int64_t now = 0;
  orb_status st = ap_init(t, ORB_UPOS_COUNT);
  for (int e = 0; e < o->tagger_epochs && !st; e++) {
    size_t correct = 0;
    shuffle(order, tb->sentences, rng);
    st = tagger_pass(t, d, tb, order, fold, folds, x, &now, &correct);
    if (o->log && !folds) fprintf(o->log, "tagger pass %d: %.4f of tags right\n", e + 1,
                                  (double)correct / (double)tb->words);
  }
  if (st || (st = ap_finish(t, now, o->prune)) || !folds) return st;
  for (size_t s = fold; s < tb->sentences; s += folds) {
    size_t n = sentence_words(tb, s, x->texts, x->lens);
    if (n > ORB_PARSE_MAX_WORDS) continue;
    pa_words(x->texts, x->lens, n, x->words);
    pa_tag_words(t, d, x->words, n, tags + tb->sent_start[s]);
  }
  return ORB_OK;
}

/* Per-word tag counts of the dictionary's construction. */
typedef struct word_count {
  uint64_t w;
  uint32_t n[ORB_UPOS_COUNT];
} word_count;

/* Builds the tag dictionary d of tb: the words met at least PA_DICT_MIN_COUNT
 * times with one tag at least PA_DICT_MIN_SHARE of the time, in the order of
 * a counting table sized by tb alone (so the same on every run). */
static orb_status build_tagdict(pa_tagdict *d, const orb_parse_treebank *tb) {
  size_t cap = 16, mask, kept = 0;
  while (cap < 2 * tb->words + 2) cap *= 2;
  mask = cap - 1;
  word_count *counts = calloc(cap, sizeof *counts);
  if (!counts) return ORB_ENOMEM;
  for (size_t i = 0; i < tb->words; i++) {
    uint64_t w = pa_word_hash(tb->form[i], tb->form_len[i]);
    size_t j = (size_t)w & mask;
    while (counts[j].w && counts[j].w != w) j = (j + 1) & mask;
    counts[j].w = w;
    counts[j].n[tb->upos[i]]++;
  }
  int *best = malloc(cap * sizeof *best);
  if (!best) {
    free(counts);
    return ORB_ENOMEM;
  }
  for (size_t j = 0; j < cap; j++) {
    uint32_t total = 0, top = 0;
    best[j] = -1;
    for (int c = 0; c < ORB_UPOS_COUNT; c++) {
      total += counts[j].n[c];
      if (counts[j].n[c] > top) top = counts[j].n[c], best[j] = c;
    }
    if (!counts[j].w || total < PA_DICT_MIN_COUNT || top < PA_DICT_MIN_SHARE * total) best[j] = -1;
    kept += best[j] >= 0;
  }
  orb_status st = pa_tagdict_init(d, kept);
  for (size_t j = 0; !st && j < cap; j++)
    if (best[j] >= 0 && pa_tagdict_insert(d, counts[j].w, (uint8_t)best[j])) st = ORB_ENOMEM;
  free(best);
  free(counts);
  return st;
}

/* Trains every part of m; on failure m is left for the caller to free. The
 * parser learns on jackknifed tags: each fold of the treebank tagged by a
 * tagger trained on the other folds (TRAIN_FOLDS of them). */
#define TRAIN_FOLDS 4
static orb_status train_all(orb_parse_model *m, const orb_parse_treebank *tb,
                            const orb_parse_train_options *o, size_t *order,
                            uint8_t *tags, scratch *x) {
  uint64_t rng = o->seed ? o->seed : 1;
  orb_status st = build_tagdict(&m->tagdict, tb);
  if (!st && o->log)
    fprintf(o->log, "tag dictionary: %zu frequent unambiguous words\n", m->tagdict.count);
  for (size_t i = 0; i < tb->sentences; i++) order[i] = i;
  for (size_t f = 0; f < TRAIN_FOLDS && !st; f++) {
    ap_table t;
    st = train_tagger(&t, &m->tagdict, tb, o, f, TRAIN_FOLDS, order, &rng, tags, x);
    ap_free(&t);
  }
  ap_free(&m->tagger);
  if (!st) st = train_tagger(&m->tagger, &m->tagdict, tb, o, 0, 0, order, &rng, tags, x);
  if (st) return st;
  int64_t now = 0;
  for (int e = 0; e < o->parser_epochs && !st; e++) {
    size_t arcs = 0;
    shuffle(order, tb->sentences, &rng);
    st = parser_pass(m, tb, tags, order, x, e ? o->explore : 0, &rng, &now, &arcs);
    if (o->log) fprintf(o->log, "parser pass %d: %.4f of heads right\n", e + 1,
                        (double)arcs / (double)tb->words);
  }
  if (!st) st = ap_finish(&m->parser, now, o->prune);
  if (!st) st = ap_finish(&m->labeller, now, o->prune);
  if (!st && o->log)
    fprintf(o->log, "features kept: tagger %zu, parser %zu, labeller %zu\n",
            m->tagger.count, m->parser.count, m->labeller.count);
  return st;
}

orb_status orb_parse_train(const orb_parse_treebank *tb, const orb_parse_train_options *o,
                           orb_parse_model **out, orb_diags *diags) {
  *out = NULL;
  orb_parse_model *m = calloc(1, sizeof *m);
  if (!m) return ORB_ENOMEM;
  orb_status st = take_labels(m, tb, diags);
  if (!st && (ap_init(&m->tagger, ORB_UPOS_COUNT) || ap_init(&m->parser, PA_NACTIONS) ||
              ap_init(&m->labeller, (uint32_t)m->label_count)))
    st = ORB_ENOMEM;
  size_t *order = malloc((tb->sentences + 1) * sizeof *order);
  uint8_t *tags = malloc(tb->words + 1);
  scratch *x = malloc(sizeof *x);
  if (!st && (!order || !tags || !x)) st = ORB_ENOMEM;
  if (!st) st = train_all(m, tb, o, order, tags, x);
  m->has_parser = !st;
  free(order);
  free(tags);
  free(x);
  if (st) {
    orb_parse_model_free(m);
    return st;
  }
  *out = m;
  return ORB_OK;
}

/* The universal part of a relation: its length up to ':'. */
static size_t universal_len(const char *name) {
  const char *c = strchr(name, ':');
  return c ? (size_t)(c - name) : strlen(name);
}

orb_status orb_parse_evaluate(const orb_parse_model *m, const orb_parse_treebank *tb,
                              orb_parse_scores *sc) {
  memset(sc, 0, sizeof *sc);
  if (!m->has_parser) return ORB_EINVAL;
  scratch *x = malloc(sizeof *x);
  if (!x) return ORB_ENOMEM;
  uint8_t tags[ORB_PARSE_MAX_WORDS], labels[ORB_PARSE_MAX_WORDS];
  int heads[ORB_PARSE_MAX_WORDS];
  for (size_t s = 0; s < tb->sentences; s++) {
    size_t a = tb->sent_start[s], n = sentence_words(tb, s, x->texts, x->lens);
    sc->sentences++;
    sc->words += n;
    if (n > ORB_PARSE_MAX_WORDS) continue;
    orb_tagger_tag(m, x->texts, x->lens, n, tags);
    orb_parse_tree(m, x->texts, x->lens, n, tags, heads, labels);
    for (size_t i = 0; i < n; i++) {
      sc->upos_correct += tags[i] == tb->upos[a + i];
      if (heads[i] != tb->head[a + i]) continue;
      sc->uas_correct++;
      const char *want = tb->labels[tb->label[a + i]], *got = m->labels[labels[i]];
      sc->las_correct += strcmp(want, got) == 0;
      size_t lw = universal_len(want), lg = universal_len(got);
      sc->las_universal += lw == lg && memcmp(want, got, lw) == 0;
    }
  }
  free(x);
  return ORB_OK;
}
