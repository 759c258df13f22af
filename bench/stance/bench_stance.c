/*
 * bench_stance.c: stance evaluations per second (one actor's probabilities and
 * explanation on one issue) on the built-in world and on a generated world of
 * 200 actors, three ways, measured in the same run:
 *   naive   features recomputed from scratch for every evaluation
 *           (orb_stance_features scans every tie, event and membership);
 *   sweep   features of all actors in one pass per issue (orb_stance_features_all),
 *           then one evaluation per actor;
 *   cached  features computed once, evaluations only (what an ensemble over
 *           parameters pays per draw).
 * Every way must give the same scores (checked); ratios are against naive.
 *
 * Usage: bench_stance [WORLD]   (default: the built-in world)
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../common/textbuf.h"
#include "orbit/orbit.h"

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static uint64_t rng = 0x243F6A8885A308D3u;
static uint32_t next(void) {
  rng = rng * 6364136223846793005u + 1442695040888963407u;
  return (uint32_t)(rng >> 33);
}

/* A fixed pseudo-random world of n actors: a patron P000, three poles, states
 * with 4 to 8 ties each, the patron's alliance and union, a rival alliance, 150
 * events, and one issue on 2022-03-02. Returns malloc'ed YAML. */
static char *generate_world(int n) {
  static const char *const types[] = {"trade", "exports", "imports", "gas", "oil_transit",
                                      "remittances", "migration", "arms", "security",
                                      "military_presence", "diaspora", "language"};
  static const char *const events[] = {"attack", "annex", "threaten", "sanction",
                                       "border_clash", "meeting", "troop_deployment"};
  textbuf b = textbuf_new();
  textbuf_put(&b, "world: {name: Generated, description: bench world, start: 1990-01-01, "
          "end: 2030-12-31}\nactors:\n");
  for (int i = 0; i < n; i++) textbuf_put(&b, "  - {id: P%03d, name: State %d, kind: state}\n", i, i);
  textbuf_put(&b, "  - {id: ALLIANCE, name: Alliance, kind: organisation}\n"
          "  - {id: UNION, name: Union, kind: organisation}\n"
          "  - {id: RIVAL, name: Rival alliance, kind: organisation}\nties:\n");
  for (int i = 4; i < n; i++) {
    int count = 4 + (int)(next() % 5), used[3 * 12] = {0};
    for (int k = 0; k < count; k++) {
      int to = (int)(next() % 3) == 0 ? 1 + (int)(next() % 3) : 0;
      int type = (int)(next() % 12);
      int slot = (to ? 12 * (to - 1) : 0) + type;
      if (to && slot >= 36) continue;
      if (used[slot]) continue;
      used[slot] = 1;
      textbuf_put(&b, "  - {from: P%03d, to: P%03d, type: %s, values: [{value: %.2f, year: %d, "
              "assumption: bench}]}\n", i, to, types[type], (double)(next() % 100) / 100.0,
          2000 + (int)(next() % 24));
    }
  }
  textbuf_put(&b, "institutions:\n");
  static const char *const inst[][2] = {{"ALLIANCE", "mutual_defence"},
                                        {"UNION", "political_union"},
                                        {"RIVAL", "mutual_defence"}};
  for (int j = 0; j < 3; j++) {
    textbuf_put(&b, "  - id: %s\n    leader: P%03d\n    commitment: %s\n    assumption: bench\n"
            "    members:\n      - {actor: P%03d, joined: 1995-01-01, assumption: bench}\n",
        inst[j][0], j == 2 ? 1 : 0, inst[j][1], j == 2 ? 1 : 0);
    for (int i = 4; i < n; i++)
      if (next() % 4 == 0)
        textbuf_put(&b, "      - {actor: P%03d, joined: %d-01-01, assumption: bench}\n", i,
            1995 + (int)(next() % 25));
  }
  textbuf_put(&b, "events:\n");
  for (int e = 0; e < 150; e++)
    textbuf_put(&b, "  - {date: %d-%02d-%02d, actor: P000, target: P%03d, type: %s, description: e, "
            "assumption: bench}\n", 1995 + (int)(next() % 27), 1 + (int)(next() % 12),
        1 + (int)(next() % 28), 1 + (int)(next() % (uint32_t)(n - 1)), events[next() % 7]);
  textbuf_put(&b, "issues:\n  - id: Q\n    title: generated\n    date: 2022-03-02\n    patron: P000\n"
          "    assumption: bench\n    attributes: {condemns_territorial_conquest: 1}\n"
          "    options:\n      - {id: y, stance: condemn}\n      - {id: n, stance: support}\n"
          "      - {id: a, stance: silent}\n");
  return b.data;
}

/* The states other than the patron of issue. */
static size_t subjects(const orb_world *w, const orb_issue *issue, size_t *out) {
  size_t count = 0;
  for (size_t a = 0; a < w->actor_count; a++)
    if (a != issue->patron && w->actors[a].kind == ORB_ACTOR_STATE) out[count++] = a;
  return count;
}

/* Runs the three ways on every issue of w; prints evaluations per second. */
static void bench_world(const char *label, const orb_world *w) {
  orb_stance_model m;
  orb_diags diags;
  orb_diags_init(&diags);
  if (orb_stance_model_init(&m, w, &diags) != ORB_OK) {
    orb_diags_print(&diags, stderr);
    exit(1);
  }
  orb_diags_free(&diags);
  size_t n = w->actor_count;
  size_t *who = malloc(n * sizeof *who);
  double *x = malloc(n * ORB_TERM_COUNT * sizeof *x);
  double rates[3] = {0}, checks[3] = {0};
  size_t evaluations_per_sweep = 0;
  for (size_t i = 0; i < w->issue_count; i++)
    evaluations_per_sweep += subjects(w, &w->issues[i], who);
  for (int way = 0; way < 3; way++) {
    /* cached: features of every issue computed once, before the clock. */
    double *cache = malloc(w->issue_count * n * ORB_TERM_COUNT * sizeof *cache);
    for (size_t i = 0; way == 2 && i < w->issue_count; i++)
      orb_stance_features_all(w, &m, w->issues[i].patron, w->issues[i].date,
                              cache + i * n * ORB_TERM_COUNT);
    size_t sweeps = 0;
    double start = now(), elapsed = 0.0, check = 0.0;
    while (elapsed < 0.5) {
      check = 0.0;
      for (size_t i = 0; i < w->issue_count; i++) {
        const orb_issue *issue = &w->issues[i];
        size_t count = subjects(w, issue, who);
        if (way == 1) orb_stance_features_all(w, &m, issue->patron, issue->date, x);
        for (size_t k = 0; k < count; k++) {
          double features[ORB_TERM_COUNT];
          const double *row = features;
          if (way == 0) orb_stance_features(w, &m, who[k], issue->patron, issue->date, features);
          else if (way == 1) row = x + who[k] * ORB_TERM_COUNT;
          else row = cache + (i * n + who[k]) * ORB_TERM_COUNT;
          orb_stance_prediction p;
          orb_stance_explain(&m, issue, row, &p);
          check += p.score + p.prob[ORB_STANCE_SUPPORT];
        }
      }
      sweeps++;
      elapsed = now() - start;
    }
    rates[way] = (double)(sweeps * evaluations_per_sweep) / elapsed;
    checks[way] = check;
    free(cache);
  }
  if (checks[0] != checks[1] || checks[0] != checks[2]) {
    fprintf(stderr, "bench_stance: the three ways disagree (%.17g %.17g %.17g)\n", checks[0],
            checks[1], checks[2]);
    exit(1);
  }
  printf("%s: %zu actors, %zu ties, %zu events, %zu issues, %zu evaluations per sweep\n",
         label, w->actor_count, w->tie_count, w->event_count, w->issue_count,
         evaluations_per_sweep);
  static const char *const names[] = {"naive (features from scratch)",
                                      "sweep (all features in one pass)",
                                      "cached (features computed once)"};
  for (int way = 0; way < 3; way++)
    printf("  %-34s %14.0f evaluations/s  %8.1fx naive\n", names[way], rates[way],
           rates[way] / rates[0]);
  free(who);
  free(x);
  orb_stance_model_free(&m);
}

int main(int argc, char **argv) {
  const char *path = argc > 1 ? argv[1] : orb_world_default_path();
  orb_diags diags;
  orb_diags_init(&diags);
  orb_world *w = NULL;
  if (orb_world_load(path, &w, &diags) != ORB_OK) {
    orb_diags_print(&diags, stderr);
    fprintf(stderr, "bench_stance: cannot load %s\n", path);
    return 1;
  }
  bench_world(path, w);
  orb_world_free(w);
  char *yaml = generate_world(200);
  if (orb_world_load_buffer("generated-200.yaml", yaml, strlen(yaml), &w, &diags) != ORB_OK) {
    orb_diags_print(&diags, stderr);
    return 1;
  }
  free(yaml);
  bench_world("generated world", w);
  orb_world_free(w);
  orb_diags_free(&diags);
  return 0;
}
