/*
 * bench_dynamics.c: runs per second of the month-by-month model (docs/MODEL.md,
 * "Influence over time"): the built-in world 1992-01..2030-12 on 1 and 2 threads
 * with and without the SQLite store, against the arithmetic of the runs alone
 * (the runs in a loop, DYN_LANES at a time as the ensemble runs them, and
 * orb_dyn_run one at a time: the baselines measured in the same process); a generated
 * world of 200 actors; peak memory.
 *
 *   bench_dynamics [RUNS]        figures (default 20000 runs)
 *   bench_dynamics --peak RUNS   one ensemble with the store, then its peak RSS
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "../common/textbuf.h"
#include "dynamics/dyn_internal.h"
#include "orbit/orbit.h"

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* CPU seconds of the whole process (all threads): on a shared machine, runs per
 * CPU second estimate what one free core does. */
static double cpu(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}
static double last_cpu_rate; /* runs per CPU second of the last measurement */

static uint64_t rng = 0x9E3779B97F4A7C15u;
static uint32_t next(void) {
  rng = rng * 6364136223846793005u + 1442695040888963407u;
  return (uint32_t)(rng >> 33);
}

/* A fixed pseudo-random world of n states and three poles with capabilities,
 * each state tied to one to three poles, two alliances with members, requests for
 * help and attacks; returns malloc'ed YAML. */
static char *generate_world(int n) {
  static const char *const types[] = {"trade", "exports", "imports", "gas", "remittances",
                                      "migration", "military_presence", "language"};
  textbuf b = textbuf_new();
  textbuf_put(&b, "world: {name: Generated, description: bench world, start: 1990-01-01, "
                  "end: 2030-12-31}\nactors:\n");
  for (int i = 0; i < 3; i++)
    textbuf_put(&b, "  - {id: POLE%d, name: Pole %d, kind: state, attributes: [{name: "
                    "military_spending_usd, value: %g, year: 2020, assumption: bench}, {name: "
                    "gdp_usd, value: %g, year: 2020, assumption: bench}]}\n",
                i, i, (i + 1) * 1e8, (i + 2) * 1e9);
  for (int i = 0; i < n; i++) textbuf_put(&b, "  - {id: S%03d, name: State %d, kind: state}\n", i, i);
  textbuf_put(&b, "  - {id: PACT, name: Pact, kind: organisation}\n"
                  "  - {id: LEAGUE, name: League, kind: organisation}\nties:\n");
  for (int i = 0; i < n; i++) {
    int used[3][8] = {{0}};
    for (int k = 0; k < 3 + (int)(next() % 6); k++) {
      int to = (int)(next() % 3), type = (int)(next() % 8);
      if (used[to][type]++) continue;
      textbuf_put(&b, "  - {from: S%03d, to: POLE%d, type: %s, values: [{value: %.2f, year: %d, "
                      "assumption: bench}]}\n",
                  i, to, types[type], (double)(next() % 100) / 100.0, 2000 + (int)(next() % 24));
    }
  }
  textbuf_put(&b, "institutions:\n");
  for (int j = 0; j < 2; j++) {
    textbuf_put(&b, "  - id: %s\n    leader: POLE%d\n    commitment: mutual_defence\n"
                    "    assumption: bench\n    members:\n"
                    "      - {actor: POLE%d, joined: 1992-01-01, assumption: bench}\n",
                j ? "LEAGUE" : "PACT", j, j);
    for (int i = j; i < n; i += 3)
      textbuf_put(&b, "      - {actor: S%03d, joined: %d-01-01, assumption: bench}\n", i,
                  1992 + (int)(next() % 20));
  }
  textbuf_put(&b, "events:\n");
  for (int e = 0; e < 300; e++) {
    static const char *const ev[] = {"request_aid", "attack", "meeting", "sanction",
                                     "troop_withdrawal", "aid_given", "abstain"};
    int kind = (int)(next() % 7), s = (int)(next() % (uint32_t)n);
    int y = 1993 + (int)(next() % 31), mo = 1 + (int)(next() % 12);
    if (kind == 0)
      textbuf_put(&b, "  - {date: %d-%02d-01, actor: S%03d, target: PACT, type: request_aid, "
                      "description: e, assumption: bench}\n", y, mo, s);
    else
      textbuf_put(&b, "  - {date: %d-%02d-01, actor: POLE%d, target: S%03d, type: %s, "
                      "description: e, assumption: bench}\n",
                  y, mo, (int)(next() % 3), s, ev[kind]);
  }
  return b.data;
}

static orb_dyn_model *model_of(const orb_world *w) {
  orb_diags d;
  orb_diags_init(&d);
  orb_dyn_inputs *in = NULL;
  orb_dyn_model *m = NULL;
  if (orb_dyn_inputs_from_world(w, 1992, 2030, &in, &d) != ORB_OK ||
      orb_dyn_model_new(w, in, orb_date_from_ymd(1992, 1, 1), orb_date_from_ymd(2030, 12, 1),
                        &m, &d) != ORB_OK) {
    orb_diags_print(&d, stderr);
    exit(1);
  }
  orb_dyn_inputs_free(in);
  orb_diags_free(&d);
  return m;
}

/* Runs per second of an ensemble. */
static double ensemble_rate(const orb_dyn_model *m, size_t runs, int threads, const char *store) {
  orb_dyn_settings s;
  orb_dyn_settings_init(&s);
  orb_diags d;
  orb_diags_init(&d);
  orb_dyn_ensemble_options o = {.runs = runs, .seed = 1, .threads = threads, .store = store};
  orb_dyn_summary *sum = NULL;
  double t0 = now(), c0 = cpu();
  if (orb_dyn_ensemble(m, &s, &o, &sum, &d) != ORB_OK) {
    orb_diags_print(&d, stderr);
    exit(1);
  }
  double t = now() - t0;
  last_cpu_rate = (double)runs / (cpu() - c0);
  orb_dyn_summary_free(sum);
  orb_diags_free(&d);
  orb_dyn_settings_free(&s);
  if (store) remove(store);
  return (double)runs / t;
}

/* Pairs per second of a comparison (orbit compare) of m with itself. */
static double compare_rate(const orb_dyn_model *m, size_t runs, int threads) {
  orb_dyn_settings s;
  orb_dyn_settings_init(&s);
  orb_diags d;
  orb_diags_init(&d);
  orb_dyn_ensemble_options o = {.runs = runs, .seed = 1, .threads = threads};
  orb_dyn_comparison *c = NULL;
  double t0 = now(), c0 = cpu();
  if (orb_dyn_compare(m, &s, m, &s, &o, &c, &d) != ORB_OK) {
    orb_diags_print(&d, stderr);
    exit(1);
  }
  double t = now() - t0;
  last_cpu_rate = (double)runs / (cpu() - c0);
  orb_dyn_comparison_free(c);
  orb_diags_free(&d);
  orb_dyn_settings_free(&s);
  return (double)runs / t;
}

/* Runs per second of the arithmetic of the runs alone, one thread: DYN_LANES runs
 * at a time in dyn_run_lanes (as the ensemble runs them) when lanes, else
 * orb_dyn_run one run at a time. */
static double run_rate(const orb_dyn_model *m, size_t runs, int lanes) {
  orb_dyn_settings s;
  orb_dyn_settings_init(&s);
  size_t cells = orb_dyn_series_count(m) * orb_dyn_month_count(m);
  float *out = malloc(DYN_LANES * cells * sizeof *out);
  double prm[DYN_LANES][64], check = 0, t0 = now(), c0 = cpu();
  const size_t step = lanes ? DYN_LANES : 1;
  for (size_t r = 0; r < runs; r += step) {
    const double *p[DYN_LANES];
    float *o[DYN_LANES];
    for (size_t l = 0; l < DYN_LANES; l++) {
      orb_dyn_draw(&s, 1, r + (l < step ? l : 0), prm[l]);
      p[l] = prm[l], o[l] = out + l * cells;
    }
    if (lanes) dyn_run_lanes(m, p, o, DYN_LANES);
    else orb_dyn_run(m, prm[0], out);
    check += out[cells - 1];
  }
  double t = now() - t0;
  last_cpu_rate = (double)runs / (cpu() - c0);
  if (!isfinite(check)) printf("(non-finite output)\n");
  free(out);
  orb_dyn_settings_free(&s);
  return (double)runs / t;
}

static long peak_kib(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

int main(int argc, char **argv) {
  orb_diags d;
  orb_diags_init(&d);
  orb_world *w = NULL;
  if (orb_world_load(orb_world_default_path(), &w, &d) != ORB_OK) {
    orb_diags_print(&d, stderr);
    return 1;
  }
  orb_diags_free(&d);
  orb_dyn_model *m = model_of(w);
  const char *store = "bench_dynamics.db";
  if (argc == 3 && strcmp(argv[1], "--peak") == 0) {
    size_t runs = strtoull(argv[2], NULL, 10);
    double rate = ensemble_rate(m, runs, 0, store);
    printf("built-in world, %zu runs with the store, all threads: %.0f runs/s, peak RSS %ld KiB\n",
           runs, rate, peak_kib());
    orb_dyn_model_free(m);
    orb_world_free(w);
    return 0;
  }
  size_t runs = argc > 1 ? strtoull(argv[1], NULL, 10) : 20000;
  if (!runs) runs = 20000;
  size_t series = orb_dyn_series_count(m), months = orb_dyn_month_count(m);
  printf("built-in world: %zu series x %zu months = %zu values per run\n", series, months,
         series * months);
  printf("  (runs/s of wall time; in brackets runs per CPU second, what one free core does)\n");
  double single = run_rate(m, runs / 8, 0), single_cpu = last_cpu_rate;
  double arith = run_rate(m, runs / 4, 1), arith_cpu = last_cpu_rate;
  printf("  arithmetic of the runs alone, 1 thread, one run at a time (orb_dyn_run):"
         " %8.0f runs/s [%6.0f /CPU-s, %.0f us/run]\n", single, single_cpu, 1e6 / single_cpu);
  printf("  arithmetic of the runs alone, 1 thread, %d runs at a time (the ensemble's):"
         " %8.0f runs/s [%6.0f /CPU-s, %.0f us/run] (%.2fx one at a time)\n",
         DYN_LANES, arith, arith_cpu, 1e6 / arith_cpu, arith_cpu / single_cpu);
  double r1 = ensemble_rate(m, runs, 1, NULL), r1c = last_cpu_rate;
  double r2 = ensemble_rate(m, runs, 2, NULL), r2c = last_cpu_rate;
  printf("  ensemble, quantiles only,   1 thread : %8.0f runs/s [%6.0f /CPU-s, %.2f of the arithmetic]\n",
         r1, r1c, r1c / arith_cpu);
  printf("  ensemble, quantiles only,   2 threads: %8.0f runs/s [%6.0f /CPU-s] (%.2fx 1 thread)\n", r2,
         r2c, r2 / r1);
  double s1 = ensemble_rate(m, runs, 1, store), s1c = last_cpu_rate;
  double s2 = ensemble_rate(m, runs, 2, store), s2c = last_cpu_rate;
  printf("  ensemble with the store,    1 thread : %8.0f runs/s [%6.0f /CPU-s]\n", s1, s1c);
  printf("  ensemble with the store,    2 threads: %8.0f runs/s [%6.0f /CPU-s] (target 10000: %.2f of it;"
         " two free cores: ~%.0f)\n", s2, s2c, s2 / 10000.0, 2 * s2c);
  printf("  two free cores: the arithmetic alone allows ~%.0f runs/s; with the store ~%.0f per core"
         " from 1 thread, ~%.0f from 2 threads (%.2f of the arithmetic)\n",
         2 * arith_cpu, s1c, s2c, s2c / arith_cpu);
  double p2 = compare_rate(m, runs / 2, 2), p2c = last_cpu_rate;
  printf("  comparison (orbit compare: pairs of runs, same draws), 2 threads: %8.0f pairs/s "
         "[%6.0f /CPU-s]\n", p2, p2c);
  orb_dyn_model_free(m);
  orb_world_free(w);

  char *yaml = generate_world(197);
  orb_diags_init(&d);
  if (orb_world_load_buffer("generated", yaml, strlen(yaml), &w, &d) != ORB_OK) {
    orb_diags_print(&d, stderr);
    return 1;
  }
  free(yaml);
  orb_diags_free(&d);
  m = model_of(w);
  size_t gruns = runs / 10 ? runs / 10 : 1;
  printf("generated world, %zu actors: %zu series x %zu months\n", w->actor_count,
         orb_dyn_series_count(m), orb_dyn_month_count(m));
  run_rate(m, gruns / 4 ? gruns / 4 : 1, 1);
  double gac = last_cpu_rate;
  double g2 = ensemble_rate(m, gruns, 2, store), g2c = last_cpu_rate;
  printf("  arithmetic alone: %.0f runs/CPU-s; ensemble with the store, 2 threads: %.0f runs/s [%.0f /CPU-s]\n",
         gac, g2, g2c);
  printf("peak RSS of this process: %ld KiB (bench_dynamics --peak N for one ensemble of N runs)\n",
         peak_kib());
  orb_dyn_model_free(m);
  orb_world_free(w);
  return 0;
}
