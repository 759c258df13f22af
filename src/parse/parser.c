/*
 * parser.c: the greedy arc-eager dependency parser (Nivre 2003): a stack, a
 * buffer and four transitions (SHIFT, REDUCE, LEFT-ARC, RIGHT-ARC) chosen by an
 * averaged perceptron over the feature templates of Zhang & Nivre (2011); an
 * arc is labelled as soon as it is made by a second perceptron (the labeller),
 * so later features see the relations. The dynamic oracle of Goldberg & Nivre
 * (2012) gives each transition's cost for training (train.c).
 *
 * Invariants: word 0 (the root) is always at the bottom of the stack; the root
 * takes one child; a word on the stack above another was read after it.
 */
#include <string.h>

#include "parse/parse_internal.h"

/* ---- the transition system ------------------------------------------------------ */

void pa_state_init(pa_state *s, int n, int *ints, uint64_t *sets) {
  size_t m = (size_t)n + 2;
  s->n = n;
  s->stack = ints;
  s->head = ints + m;
  s->label = ints + 2 * m;
  s->lc1 = ints + 3 * m;
  s->lc2 = ints + 4 * m;
  s->rc1 = ints + 5 * m;
  s->rc2 = ints + 6 * m;
  s->lval = ints + 7 * m;
  s->rval = ints + 8 * m;
  memset(ints + 3 * m, 0, 6 * m * sizeof *ints);
  for (size_t i = 0; i < m; i++) s->head[i] = s->label[i] = -1;
  s->lset = sets;
  s->rset = sets + m;
  memset(sets, 0, 2 * m * sizeof *sets);
  s->stack[0] = 0;
  s->depth = 1;
  s->next = 1;
  s->root_children = 0;
}

int pa_done(const pa_state *s) { return s->next > s->n; }

int pa_valid(const pa_state *s, int action) {
  int s0 = s->stack[s->depth - 1], buffer = s->next <= s->n;
  switch (action) {
  case PA_SHIFT: return buffer;
  case PA_REDUCE: return s0 != 0 && s->head[s0] >= 0;
  case PA_LEFT: return buffer && s0 != 0 && s->head[s0] < 0;
  case PA_RIGHT: return buffer && (s0 != 0 || s->root_children == 0);
  default: return 0;
  }
}

/* Records the arc h -> d (children lists and valencies). */
static void add_arc(pa_state *s, int h, int d) {
  s->head[d] = h;
  if (h == 0) s->root_children++;
  if (d < h) {
    s->lval[h]++;
    if (!s->lc1[h] || d < s->lc1[h]) s->lc2[h] = s->lc1[h], s->lc1[h] = d;
    else if (!s->lc2[h] || d < s->lc2[h]) s->lc2[h] = d;
  } else {
    s->rval[h]++;
    if (d > s->rc1[h]) s->rc2[h] = s->rc1[h], s->rc1[h] = d;
    else if (d > s->rc2[h]) s->rc2[h] = d;
  }
}

int pa_apply(pa_state *s, int action) {
  int d = 0;
  switch (action) {
  case PA_SHIFT: s->stack[s->depth++] = s->next++; break;
  case PA_REDUCE: s->depth--; break;
  case PA_LEFT:
    d = s->stack[--s->depth];
    add_arc(s, s->next, d);
    break;
  case PA_RIGHT:
    d = s->next;
    add_arc(s, s->stack[s->depth - 1], d);
    s->stack[s->depth++] = s->next++;
    break;
  default: break;
  }
  return d;
}

void pa_set_label(pa_state *s, int d, int label) {
  int h = s->head[d];
  s->label[d] = label;
  if (label < 0 || h < 0) return;
  if (d < h) s->lset[h] |= 1ULL << label;
  else s->rset[h] |= 1ULL << label;
}

void pa_finish(pa_state *s, int dep_label, int root_label) {
  int root = 0;
  for (int i = 1; i <= s->n && !root; i++) if (s->head[i] == 0) root = i;
  for (int i = 1; i <= s->n; i++) {
    if (s->head[i] >= 0) continue;
    if (!root) {
      root = i;
      add_arc(s, 0, i);
      pa_set_label(s, i, root_label);
    } else {
      add_arc(s, root, i);
      pa_set_label(s, i, dep_label);
    }
  }
}

/* ---- the dynamic oracle ---------------------------------------------------------- */

int pa_cost(const pa_state *s, const int *gold, int action) {
  int s0 = s->stack[s->depth - 1], b = s->next, n = s->n, c = 0;
  switch (action) {
  case PA_LEFT:   /* s0 takes head b: its other head and buffer children are lost */
    for (int k = b; k <= n; k++) c += (gold[s0] == k && k != b) + (gold[k] == s0);
    return c;
  case PA_RIGHT:  /* b takes head s0: another head, and its stack children, are lost */
    if (gold[b] != s0) {
      int reachable = gold[b] > b;
      for (int i = 0; i < s->depth && !reachable; i++) reachable = s->stack[i] == gold[b];
      c += reachable;
      if (s0 == 0) c++; /* the root's one child is taken */
    }
    for (int i = 1; i < s->depth; i++) {
      int k = s->stack[i];
      c += gold[k] == b && s->head[k] < 0;
    }
    return c;
  case PA_REDUCE: /* s0 leaves: its children in the buffer are lost */
    for (int k = b; k <= n; k++) c += gold[k] == s0;
    return c;
  case PA_SHIFT:  /* b goes on the stack: its head or children on the stack are lost */
    for (int i = 0; i < s->depth; i++) {
      int k = s->stack[i];
      c += gold[b] == k;
      c += k > 0 && gold[k] == b && s->head[k] < 0;
    }
    return c;
  default: return 0;
  }
}

/* ---- features ---------------------------------------------------------------------- */

#define NONE_W 0x4e4f4e45ULL /* "NONE" */
#define ROOT_W 0x524f4f54ULL /* "ROOT" */

/* Word, tag and relation of word x for features, with markers for none (-1) and the root (0). */
static uint64_t W(const pa_word *w, int x) { return x < 0 ? NONE_W : x == 0 ? ROOT_W : w[x - 1].w; }
static uint64_t P(const uint8_t *p, int x) { return x < 0 ? 30 : x == 0 ? 31 : p[x - 1]; }
static uint64_t L(const pa_state *s, int x) { return x <= 0 ? 99 : (uint64_t)(s->label[x] + 1); }

/* -1 for "no child" (0 in the children arrays). */
static int child(int c) { return c ? c : -1; }

/* Distances 0-4 as they are, 5-9 and 10+ as two buckets. */
static uint64_t dist_bucket(int d) {
  if (d < 0) d = -d;
  return d < 5 ? (uint64_t)d : d < 10 ? 5 : 6;
}

size_t pa_parser_feats(const pa_state *s, const pa_word *w, const uint8_t *p,
                       uint32_t *f) {
  int n = s->n;
  int s0 = s->stack[s->depth - 1];
  int s1 = s->depth > 1 ? s->stack[s->depth - 2] : -1;
  int n0 = s->next <= n ? s->next : -1;
  int n1 = n0 > 0 && n0 + 1 <= n ? n0 + 1 : -1;
  int n2 = n1 > 0 && n1 + 1 <= n ? n1 + 1 : -1;
  int s0h = s0 > 0 && s->head[s0] >= 0 ? s->head[s0] : -1;
  int s0h2 = s0h > 0 && s->head[s0h] >= 0 ? s->head[s0h] : -1;
  int s0l = child(s->lc1[s0]), s0l2 = child(s->lc2[s0]);
  int s0r = child(s->rc1[s0]), s0r2 = child(s->rc2[s0]);
  int n0l = n0 > 0 ? child(s->lc1[n0]) : -1, n0l2 = n0 > 0 ? child(s->lc2[n0]) : -1;
  uint64_t s0w = W(w, s0), s0p = P(p, s0), n0w = W(w, n0), n0p = P(p, n0);
  uint64_t n1w = W(w, n1), n1p = P(p, n1), n2w = W(w, n2), n2p = P(p, n2);
  uint64_t s0wp = s0w * 64 + s0p, n0wp = n0w * 64 + n0p;
  uint64_t d = n0 > 0 ? dist_bucket(n0 - s0) : 0;
  uint64_t s0vl = (uint64_t)s->lval[s0], s0vr = (uint64_t)s->rval[s0];
  uint64_t n0vl = n0 > 0 ? (uint64_t)s->lval[n0] : 0;
  uint64_t s0sl = s->lset[s0], s0sr = s->rset[s0], n0sl = n0 > 0 ? s->lset[n0] : 0;
  uint64_t has_head = s0 > 0 && s->head[s0] >= 0;
  size_t k = 0;
  uint32_t t = 0;
  f[k++] = pa_feat(t++, 0, 0, 0);
  /* single words */
  f[k++] = pa_feat(t++, s0wp, 0, 0);
  f[k++] = pa_feat(t++, s0w, 0, 0);
  f[k++] = pa_feat(t++, s0p, has_head, 0);
  f[k++] = pa_feat(t++, n0wp, 0, 0);
  f[k++] = pa_feat(t++, n0w, 0, 0);
  f[k++] = pa_feat(t++, n0p, 0, 0);
  f[k++] = pa_feat(t++, n1w, n1p, 0);
  f[k++] = pa_feat(t++, n1w, 0, 0);
  f[k++] = pa_feat(t++, n1p, 0, 0);
  f[k++] = pa_feat(t++, n2w, n2p, 0);
  f[k++] = pa_feat(t++, n2w, 0, 0);
  f[k++] = pa_feat(t++, n2p, 0, 0);
  /* pairs */
  f[k++] = pa_feat(t++, s0wp, n0wp, 0);
  f[k++] = pa_feat(t++, s0wp, n0w, 0);
  f[k++] = pa_feat(t++, s0w, n0wp, 0);
  f[k++] = pa_feat(t++, s0wp, n0p, 0);
  f[k++] = pa_feat(t++, s0p, n0wp, 0);
  f[k++] = pa_feat(t++, s0w, n0w, 0);
  f[k++] = pa_feat(t++, s0p, n0p, has_head);
  f[k++] = pa_feat(t++, n0p, n1p, 0);
  /* triples of tags */
  f[k++] = pa_feat(t++, n0p, n1p, n2p);
  f[k++] = pa_feat(t++, s0p, n0p, n1p);
  f[k++] = pa_feat(t++, P(p, s0h), s0p, n0p);
  f[k++] = pa_feat(t++, s0p, P(p, s0l), n0p);
  f[k++] = pa_feat(t++, s0p, P(p, s0r), n0p);
  f[k++] = pa_feat(t++, s0p, n0p, P(p, n0l));
  /* distance */
  f[k++] = pa_feat(t++, s0w, d, 0);
  f[k++] = pa_feat(t++, s0p, d, 0);
  f[k++] = pa_feat(t++, n0w, d, 0);
  f[k++] = pa_feat(t++, n0p, d, 0);
  f[k++] = pa_feat(t++, s0w, n0w, d);
  f[k++] = pa_feat(t++, s0p, n0p, d);
  /* valency */
  f[k++] = pa_feat(t++, s0w, s0vr, 0);
  f[k++] = pa_feat(t++, s0p, s0vr, 0);
  f[k++] = pa_feat(t++, s0w, s0vl, 0);
  f[k++] = pa_feat(t++, s0p, s0vl, 0);
  f[k++] = pa_feat(t++, n0w, n0vl, 0);
  f[k++] = pa_feat(t++, n0p, n0vl, 0);
  /* second-order unigrams */
  f[k++] = pa_feat(t++, W(w, s0h), 0, 0);
  f[k++] = pa_feat(t++, P(p, s0h), 0, 0);
  f[k++] = pa_feat(t++, L(s, s0), 0, 0);
  f[k++] = pa_feat(t++, W(w, s0l), 0, 0);
  f[k++] = pa_feat(t++, P(p, s0l), 0, 0);
  f[k++] = pa_feat(t++, L(s, s0l), 0, 0);
  f[k++] = pa_feat(t++, W(w, s0r), 0, 0);
  f[k++] = pa_feat(t++, P(p, s0r), 0, 0);
  f[k++] = pa_feat(t++, L(s, s0r), 0, 0);
  f[k++] = pa_feat(t++, W(w, n0l), 0, 0);
  f[k++] = pa_feat(t++, P(p, n0l), 0, 0);
  f[k++] = pa_feat(t++, L(s, n0l), 0, 0);
  /* third order */
  f[k++] = pa_feat(t++, W(w, s0h2), 0, 0);
  f[k++] = pa_feat(t++, P(p, s0h2), 0, 0);
  f[k++] = pa_feat(t++, L(s, s0h), 0, 0);
  f[k++] = pa_feat(t++, W(w, s0l2), 0, 0);
  f[k++] = pa_feat(t++, P(p, s0l2), 0, 0);
  f[k++] = pa_feat(t++, L(s, s0l2), 0, 0);
  f[k++] = pa_feat(t++, W(w, s0r2), 0, 0);
  f[k++] = pa_feat(t++, P(p, s0r2), 0, 0);
  f[k++] = pa_feat(t++, L(s, s0r2), 0, 0);
  f[k++] = pa_feat(t++, W(w, n0l2), 0, 0);
  f[k++] = pa_feat(t++, P(p, n0l2), 0, 0);
  f[k++] = pa_feat(t++, L(s, n0l2), 0, 0);
  f[k++] = pa_feat(t++, s0p, P(p, s0l), P(p, s0l2));
  f[k++] = pa_feat(t++, s0p, P(p, s0r), P(p, s0r2));
  f[k++] = pa_feat(t++, s0p, P(p, s0h), P(p, s0h2));
  f[k++] = pa_feat(t++, n0p, P(p, n0l), P(p, n0l2));
  /* relation sets */
  f[k++] = pa_feat(t++, s0w, s0sr, 0);
  f[k++] = pa_feat(t++, s0p, s0sr, 0);
  f[k++] = pa_feat(t++, s0w, s0sl, 0);
  f[k++] = pa_feat(t++, s0p, s0sl, 0);
  f[k++] = pa_feat(t++, n0w, n0sl, 0);
  f[k++] = pa_feat(t++, n0p, n0sl, 0);
  /* the second word of the stack (arc-eager keeps words there) */
  f[k++] = pa_feat(t++, P(p, s1), s0p, n0p);
  f[k++] = pa_feat(t++, W(w, s1), s0p, 0);
  f[k++] = pa_feat(t++, s0p, n0p, n0 > 0 && n0 == n);
  return k;
}

size_t pa_label_feats(const pa_state *s, const pa_word *w, const uint8_t *p,
                      int h, int d, uint32_t *f) {
  int n = s->n;
  uint64_t dir = d < h, hw = W(w, h), hp = P(p, h), dw = W(w, d), dp = P(p, d);
  uint64_t hh = h > 0 && s->head[h] >= 0 ? P(p, s->head[h]) : 32;
  uint64_t dist = dist_bucket(h - d), set = dir ? s->lset[h] : s->rset[h];
  int dm = d - 1 >= 1 ? d - 1 : -1, dn = d + 1 <= n ? d + 1 : -1;
  int hm = h - 1 >= 1 ? h - 1 : -1, hn = h > 0 && h + 1 <= n ? h + 1 : -1;
  uint64_t dsuf = w[d - 1].suf3, hsuf = h > 0 ? w[h - 1].suf3 : 0;
  size_t k = 0;
  uint32_t t = 200;
  f[k++] = pa_feat(t++, dir, 0, 0);
  f[k++] = pa_feat(t++, hw, dir, 0);
  f[k++] = pa_feat(t++, hp, dir, 0);
  f[k++] = pa_feat(t++, dw, dir, 0);
  f[k++] = pa_feat(t++, dp, dir, 0);
  f[k++] = pa_feat(t++, hp, dp, dir);
  f[k++] = pa_feat(t++, hw * 64 + dp, dir, 0);
  f[k++] = pa_feat(t++, hp * 64 + dw, dir, 0);
  f[k++] = pa_feat(t++, hw, dw, dir);
  f[k++] = pa_feat(t++, hp * 64 + dp, dist, dir);
  f[k++] = pa_feat(t++, dsuf, hp, dir);
  f[k++] = pa_feat(t++, hp * 64 + dp, P(p, dm), dir);
  f[k++] = pa_feat(t++, hp * 64 + dp, P(p, dn), dir);
  f[k++] = pa_feat(t++, hp * 64 + dp, P(p, hm), dir);
  f[k++] = pa_feat(t++, hp * 64 + dp, P(p, hn), dir);
  f[k++] = pa_feat(t++, hh * 64 + hp, dp, dir);
  f[k++] = pa_feat(t++, hp * 64 + dp, set, dir);
  f[k++] = pa_feat(t++, dp, L(s, child(s->lc1[d])), P(p, child(s->lc1[d])));
  f[k++] = pa_feat(t++, dp, P(p, child(s->rc1[d])), 0);
  f[k++] = pa_feat(t++, dp, s->lset[d], 0);
  f[k++] = pa_feat(t++, dp * 2 + dir, W(w, dn), 0);
  f[k++] = pa_feat(t++, dp * 2 + dir, W(w, dm), 0);
  f[k++] = pa_feat(t++, hsuf, dp, dir);
  f[k++] = pa_feat(t++, hw, dw * 64 + dp, dir);
  f[k++] = pa_feat(t++, dw, P(p, dm), P(p, dn));
  f[k++] = pa_feat(t++, hp, dw, W(w, dm));
  return k;
}

/* ---- parsing with a loaded model ---------------------------------------------------- */

/* The best relation for the arc h -> d among those allowed: the root relation
 * for the root's child, any other for the rest. */
static int best_label(const orb_parse_model *m, const pa_state *s, const pa_word *w,
                      const uint8_t *p, int h, int d) {
  if (h == 0) return m->root_label;
  uint32_t feats[PA_MAX_FEATS];
  int32_t sc[PA_MAX_LABELS] = {0};
  size_t k = pa_label_feats(s, w, p, h, d, feats);
  ap_score_q(&m->labeller, feats, k, sc);
  int best = -1;
  for (int c = 0; c < (int)m->label_count; c++)
    if (c != m->root_label && (best < 0 || sc[c] > sc[best])) best = c;
  return best;
}

orb_status orb_parse_tree(const orb_parse_model *m, const char *const *words,
                          const size_t *lens, size_t n, const uint8_t *upos,
                          int *heads, uint8_t *labels) {
  if (n > ORB_PARSE_MAX_WORDS) return ORB_ELIMIT;
  if (!m->has_parser) return ORB_EINVAL;
  if (n == 0) return ORB_OK;
  pa_word w[ORB_PARSE_MAX_WORDS];
  int ints[PA_STATE_INTS(ORB_PARSE_MAX_WORDS)];
  uint64_t sets[2 * (ORB_PARSE_MAX_WORDS + 2)];
  uint32_t feats[PA_MAX_FEATS];
  pa_words(words, lens, n, w);
  pa_state s;
  pa_state_init(&s, (int)n, ints, sets);
  while (!pa_done(&s)) {
    size_t k = pa_parser_feats(&s, w, upos, feats);
    int32_t sc[PA_NACTIONS] = {0};
    ap_score_q(&m->parser, feats, k, sc);
    int best = PA_SHIFT;
    for (int a = 0; a < PA_NACTIONS; a++)
      if (pa_valid(&s, a) && (!pa_valid(&s, best) || sc[a] > sc[best])) best = a;
    int d = pa_apply(&s, best);
    if (d) pa_set_label(&s, d, best_label(m, &s, w, upos, s.head[d], d));
  }
  pa_finish(&s, m->dep_label, m->root_label);
  for (size_t i = 0; i < n; i++) {
    heads[i] = s.head[i + 1];
    labels[i] = (uint8_t)(s.label[i + 1] < 0 ? 0 : s.label[i + 1]);
  }
  return ORB_OK;
}
