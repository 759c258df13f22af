/*
 * test_cases.c: published cases (Gahuku-Gama frustration, Furnas's Syria 2016
 * landscape; read from ../shared, skipped when it is absent), the heuristic
 * against the exhaustive search, the derivation rule on a small world, and the
 * orbit align command's output and exit codes.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include <cmocka.h>

#include "align/align_internal.h"
#include "brute.h"
#include "common/testutil.h"

#define SHARED_ALIGN ORB_TEST_SHARED_DIR "/data/align/"


static orb_align_result *solve(const orb_landscape *l, unsigned k, orb_align_method method,
                               uint64_t restarts) {
  orb_align_options options;
  orb_align_options_default(&options);
  options.blocs = k;
  options.method = method;
  options.restarts = restarts;
  return test_align_solve(l, &options);
}

/* Index of an actor by name. */
static size_t actor(const orb_landscape *l, const char *name) {
  for (size_t i = 0; i < l->actor_count; i++)
    if (strcmp(l->actors[i], name) == 0) return i;
  fail_msg("no actor %s", name);
  return 0;
}

/* Gahuku-Gama (Read 1954): minimum frustration 7 with a unique optimal split. */
static void test_gahuku_gama(void **state) {
  (void)state;
  if (!test_have_shared("Gahuku-Gama signed network")) skip();
  orb_diags diags;
  orb_diags_init(&diags);
  orb_landscape *l;
  assert_int_equal(orb_landscape_read_signed(SHARED_ALIGN "signed_tribes_gama_edges.csv", &l,
                                             &diags),
                   ORB_OK);
  assert_int_equal(l->actor_count, 16);
  orb_align_result *r = solve(l, 2, ORB_ALIGN_AUTO, 0);
  assert_true(orb_landscape_frustration(l, r->minima[0].blocs) == 7);
  assert_true(r->minimum_count < 2 || r->minima[1].energy > r->minima[0].energy);
  /* The published split: the Gavev-Kotun-Nagad-Gama group against the rest. */
  const char *group[] = {"Gavev", "Kotun", "Nagad", "Gama"};
  for (size_t i = 0; i < l->actor_count; i++) {
    int in_group = 0;
    for (size_t g = 0; g < 4; g++) in_group |= strcmp(l->actors[i], group[g]) == 0;
    assert_int_equal(r->minima[0].blocs[i] == r->minima[0].blocs[actor(l, "Gavev")],
                     in_group);
  }
  /* Allowing the heuristic changes nothing while the exhaustive search is feasible. */
  orb_align_result *h = solve(l, 2, ORB_ALIGN_HEURISTIC, 0);
  assert_true(h->exhaustive);
  assert_true(h->minima[0].energy == r->minima[0].energy);
  orb_align_result_free(h);
  orb_align_result_free(r);
  orb_landscape_free(l);
  orb_diags_free(&diags);
}

/* Furnas's Syria 2016 landscape from his CSV files: p = score - 3, sizes multiply;
 * his energy sums the full matrix (each pair twice). */
static orb_landscape *furnas_landscape(int weak) {
  FILE *f = fopen(SHARED_ALIGN "furnas_syria2016_pairwise.csv", "r");
  FILE *g = fopen(SHARED_ALIGN "furnas_syria2016_actors.csv", "r");
  assert_non_null(f);
  assert_non_null(g);
  char line[512];
  orb_landscape *l;
  assert_int_equal(orb_landscape_new(11, &l), ORB_OK);
  assert_non_null(fgets(line, sizeof line, f)); /* header: the short names */
  char *save, *name = strtok_r(line, ",\n", &save);
  for (size_t i = 0; i < 11 && name; i++, name = strtok_r(NULL, ",\n", &save))
    assert_int_equal(orb_landscape_set_name(l, i, name), ORB_OK);
  for (size_t i = 0; i < 11; i++) {
    assert_non_null(fgets(line, sizeof line, f));
    char *p = strchr(line, ',') + 1;
    for (size_t j = 0; j < 11; j++) {
      char *end;
      double score = strtod(p, &end);
      if (i != j) l->propensities[i * 11 + j] = score - 3;
      p = strchr(end, ',') ? strchr(end, ',') + 1 : end;
    }
  }
  assert_non_null(fgets(line, sizeof line, g));
  for (size_t i = 0; i < 11; i++) {
    double strong, weak_size;
    assert_non_null(fgets(line, sizeof line, g));
    assert_int_equal(sscanf(strchr(line, ',') + 1, "%lf,%lf", &strong, &weak_size), 2);
    l->sizes[i] = weak ? weak_size : strong;
  }
  fclose(f);
  fclose(g);
  return l;
}

static void test_furnas_syria(void **state) {
  (void)state;
  if (!test_have_shared("Furnas Syria 2016 landscape")) skip();
  for (int weak = 0; weak <= 1; weak++) {
    orb_landscape *l = furnas_landscape(weak);
    orb_diags diags;
    orb_diags_init(&diags);
    assert_int_equal(orb_landscape_check(l, "furnas", &diags), ORB_OK);
    orb_align_result *r = solve(l, 2, ORB_ALIGN_AUTO, 0);
    assert_true(2 * r->minima[0].energy == (weak ? -65600 : -83200));
    if (!weak) assert_int_equal(r->minimum_count, 1); /* "the only local minimum" */
    const char *strong_side[] = {"Tur", "ISIS", "Nursa"}, *weak_side[] = {"ISIS", "Nursa"};
    const char **side = weak ? weak_side : strong_side;
    size_t side_count = weak ? 2 : 3;
    for (size_t i = 0; i < 11; i++) {
      int in_side = 0;
      for (size_t s = 0; s < side_count; s++) in_side |= strcmp(l->actors[i], side[s]) == 0;
      assert_int_equal(r->minima[0].blocs[i] == r->minima[0].blocs[actor(l, "ISIS")],
                       in_side);
      /* With one minimum, siding with ISIS is all or nothing. */
      if (!weak) assert_true(orb_align_together(r, i, actor(l, "ISIS")) == in_side);
    }
    orb_align_result_free(r);
    orb_landscape_free(l);
    orb_diags_free(&diags);
  }
}

/* The heuristic on random landscapes: never below the exhaustive optimum, its
 * lower bound never above it, and with enough starts it reaches the optimum. */
static void test_heuristic_against_exhaustive(void **state) {
  (void)state;
  uint64_t rng = 31;
  for (int trial = 0; trial < 21; trial++) {
    unsigned k = 2 + trial % 3;
    size_t n = k == 2 ? 14 : 8;
    orb_landscape *l = brute_random_landscape(n, 3, 3, 0.2, &rng);
    orb_align_result *exact = solve(l, k, ORB_ALIGN_AUTO, 0);
    align_problem p;
    assert_int_equal(align_problem_init(&p, l, k), ORB_OK);
    align_minima found;
    align_minima_init(&found, n, 1000);
    int64_t bound;
    assert_int_equal(align_heuristic(&p, 2, 7, 3000, &found, &bound), ORB_OK);
    int64_t best = align_minima_at(&found, 0)->energy;
    assert_true((double)best == exact->minima[0].energy);
    assert_true((double)bound <= exact->minima[0].energy);
    uint64_t hits = 0;
    for (size_t m = 0; m < found.count; m++) {
      const align_record *rec = align_minima_at(&found, m);
      hits += rec->basin;
      /* every minimum the heuristic reports is a true local minimum */
      size_t e = 0;
      while (e < exact->minimum_count && memcmp(exact->minima[e].blocs, rec->blocs, n)) e++;
      assert_true(e < exact->minimum_count);
    }
    assert_int_equal(hits, 3000);
    align_minima_free(&found);
    align_problem_free(&p);
    orb_align_result_free(exact);
    orb_landscape_free(l);
  }
}

/* A balanced network of 60 actors (beyond the exhaustive limit): the heuristic
 * finds the zero-frustration split and the lower bound proves it; the same seed
 * gives the same answer with 1 and 2 threads. */
static void test_heuristic_proves_balanced_optimum(void **state) {
  (void)state;
  size_t n = 60;
  orb_landscape *l;
  assert_int_equal(orb_landscape_new(n, &l), ORB_OK);
  uint64_t rng = 77;
  double negative = 0;
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++) {
      if (brute_random(&rng) % 3) continue; /* a sparse network */
      double sign = (i % 3 == 0) == (j % 3 == 0) ? 1 : -1;
      orb_landscape_set_propensity(l, i, j, sign);
      if (sign < 0) negative += sign;
    }
  orb_align_options options;
  orb_align_options_default(&options);
  orb_diags diags;
  orb_diags_init(&diags);
  orb_align_result *r = NULL;
  assert_int_equal(orb_align_solve(l, &options, &r, &diags), ORB_ELIMIT);
  assert_null(r);
  assert_int_equal(diags.count, 1);
  assert_non_null(strstr(diags.items[0].message, "--heuristic"));
  orb_diags_free(&diags);
  options.method = ORB_ALIGN_HEURISTIC;
  options.restarts = 600;
  orb_align_result *runs[2];
  for (int t = 0; t < 2; t++) {
    options.threads = t + 1;
    assert_int_equal(orb_align_solve(l, &options, &runs[t], &diags), ORB_OK);
    assert_false(runs[t]->exhaustive);
    assert_true(runs[t]->proven_optimal);
    assert_true(runs[t]->minima[0].energy == negative);
    assert_true(runs[t]->lower_bound == negative);
    assert_true(orb_landscape_frustration(l, runs[t]->minima[0].blocs) == 0);
  }
  assert_int_equal(runs[0]->minimum_count, runs[1]->minimum_count);
  for (size_t m = 0; m < runs[0]->minimum_count; m++) {
    assert_memory_equal(runs[0]->minima[m].blocs, runs[1]->minima[m].blocs, n);
    assert_int_equal(runs[0]->minima[m].basin, runs[1]->minima[m].basin);
  }
  orb_align_result_free(runs[0]);
  orb_align_result_free(runs[1]);
  orb_landscape_free(l);
  orb_diags_free(&diags);
}

/* The Correlates of War signed network of 1946-49 (64 states): the heuristic's
 * answer respects its bound, and "proven" means best = bound. */
static void test_heuristic_cow(void **state) {
  (void)state;
  if (!test_have_shared("Correlates of War signed networks")) skip();
  FILE *f = fopen(SHARED_ALIGN "signed_cow_doreian_mrvar_edges.csv", "r");
  assert_non_null(f);
  char line[256], *csv = calloc(1, 1 << 20);
  size_t used = 0;
  while (fgets(line, sizeof line, f))
    if (strncmp(line, "46-49,", 6) == 0) used += (size_t)sprintf(csv + used, "%s", line + 6);
  fclose(f);
  orb_diags diags;
  orb_diags_init(&diags);
  orb_landscape *l;
  assert_int_equal(orb_landscape_read_signed_buffer("cow", csv, used, &l, &diags), ORB_OK);
  assert_int_equal(l->actor_count, 64);
  orb_align_result *r = solve(l, 2, ORB_ALIGN_HEURISTIC, 2000);
  assert_false(r->exhaustive);
  assert_true(r->lower_bound <= r->minima[0].energy);
  assert_int_equal(r->proven_optimal, r->lower_bound == r->minima[0].energy);
  printf("CoW 1946-49: best frustration %g, lower bound on frustration %g, %s\n",
         orb_landscape_frustration(l, r->minima[0].blocs),
         orb_landscape_frustration(l, r->minima[0].blocs) - (r->minima[0].energy - r->lower_bound),
         r->proven_optimal ? "proven" : "not proven");
  orb_align_result_free(r);
  orb_landscape_free(l);
  orb_diags_free(&diags);
  free(csv);
}

/* The derivation rule on a four-actor world, checked entry by entry. */
static void test_derivation_rule(void **state) {
  (void)state;
  const char *yaml =
      "world: {name: Toy, description: four actors, start: 2000-01-01, end: 2030-12-31}\n"
      "actors:\n"
      "  - {id: AAA, name: A, kind: state, attributes: [{name: gdp_usd, value: 4e12, year: 2020, source: test}]}\n"
      "  - {id: BBB, name: B, kind: state, attributes: [{name: gdp_usd, value: 1e12, year: 2020, source: test}]}\n"
      "  - {id: CCC, name: C, kind: state}\n"
      "  - {id: EU, name: Union, kind: bloc}\n"
      "  - {id: PACT, name: Pact, kind: organisation}\n"
      "ties:\n"
      "  - {from: BBB, to: AAA, type: trade, values: [{value: 0.5, year: 2019, source: test}]}\n"
      "  - {from: BBB, to: AAA, type: arms, values: [{value: 0.25, year: 2019, source: test}]}\n"
      "  - {from: CCC, to: PACT, type: security, values: [{value: 0.5, year: 2019, source: test}]}\n"
      "institutions:\n"
      "  - id: PACT\n"
      "    leader: AAA\n"
      "    commitment: mutual_defence\n"
      "    source: test\n"
      "    members:\n"
      "      - {actor: AAA, joined: 2000-01-01, source: test}\n"
      "      - {actor: BBB, joined: 2000-01-01, source: test}\n"
      "  - id: EU\n"
      "    commitment: political_union\n"
      "    source: test\n"
      "    members:\n"
      "      - {actor: CCC, joined: 2000-01-01, source: test}\n"
      "events:\n"
      "  - {date: 2017-01-01, actor: AAA, target: CCC, type: attack, description: a, source: test}\n"
      "  - {date: 2020-01-01, actor: CCC, target: BBB, type: sanction, description: b, source: test}\n"
      "  - {date: 2021-01-01, actor: AAA, target: CCC, type: attack, description: later, source: test}\n";
  orb_diags diags;
  orb_diags_init(&diags);
  orb_world *world;
  orb_status status = orb_world_load_buffer("toy.yaml", yaml, strlen(yaml), &world, &diags);
  if (status != ORB_OK) orb_diags_print(&diags, stderr);
  assert_int_equal(status, ORB_OK);
  orb_landscape *l;
  orb_date date = orb_date_from_ymd(2020, 1, 1);
  assert_int_equal(orb_landscape_from_world(world, date, &l, &diags), ORB_OK);
  assert_int_equal(l->actor_count, 4); /* states and blocs; not the organisation */
  assert_string_equal(l->actors[3], "EU");
  /* sizes: sqrt(GDP in trillions); C and the EU have none: the smallest, 1 */
  assert_float_equal(l->sizes[0], 2.0, 1e-12);
  assert_float_equal(l->sizes[1], 1.0, 1e-12);
  assert_float_equal(l->sizes[2], 1.0, 1e-12);
  assert_float_equal(l->sizes[3], 1.0, 1e-12);
  double p_ab = -0.1 + 0.5 * 1.0 + 0.25 * 2.0 + 1.0;          /* trade, arms, alliance */
  double p_ac = -0.1 + 0.5 * 2.0 - 1.0 * exp2(-1095.0 / (3 * 365.25)); /* via PACT */
  double p_bc = -0.1; /* a sanction on the day itself is not known before it */
  double p_ceu = -0.1 + 0.5;                                   /* member of the EU bloc */
  assert_float_equal(l->propensities[0 * 4 + 1], p_ab, 1e-12);
  assert_float_equal(l->propensities[0 * 4 + 2], p_ac, 1e-12);
  assert_float_equal(l->propensities[1 * 4 + 2], p_bc, 1e-12);
  assert_float_equal(l->propensities[2 * 4 + 3], p_ceu, 1e-12);
  assert_float_equal(l->propensities[0 * 4 + 3], -0.1, 1e-12);
  for (size_t i = 0; i < 4; i++)
    for (size_t j = 0; j < 4; j++)
      assert_true(l->propensities[i * 4 + j] == l->propensities[j * 4 + i]);
  orb_landscape_free(l);
  orb_world_free(world);
  /* A world parameter of the same name overrides a default. */
  size_t len = strlen(yaml);
  const char *extra = "parameters:\n  - {name: align.baseline_repulsion, default: 0.3, "
                      "range: [0, 1], justification: test}\n";
  char *with_parameter = malloc(len + strlen(extra) + 1);
  memcpy(with_parameter, yaml, len);
  strcpy(with_parameter + len, extra);
  status = orb_world_load_buffer("toy2.yaml", with_parameter, strlen(with_parameter), &world,
                                 &diags);
  if (status != ORB_OK) orb_diags_print(&diags, stderr);
  assert_int_equal(status, ORB_OK);
  assert_int_equal(orb_landscape_from_world(world, date, &l, &diags), ORB_OK);
  assert_float_equal(l->propensities[0 * 4 + 3], -0.3, 1e-12);
  assert_float_equal(l->propensities[1 * 4 + 2], -0.3, 1e-12); /* sanction on the day */
  orb_landscape_free(l);
  orb_world_free(world);
  free(with_parameter);
  orb_diags_free(&diags);
}

/* Runs `orbit ARGS`, stdout and stderr into *out (caller frees); the exit status. */
static int run_orbit(const char *args, char **out) {
  int code;
  *out = test_run_orbit(args, TEST_BOTH, &code);
  return code;
}

/* Writes text to a temporary file; returns its path (static buffer per slot). */
static const char *temp_file(int slot, const char *suffix, const char *text) {
  static char paths[5][64];
  snprintf(paths[slot], sizeof paths[slot], "/tmp/orbit_align_test_%d_%d%s", (int)getpid(),
           slot, suffix);
  FILE *f = fopen(paths[slot], "w");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
  return paths[slot];
}

static void test_command(void **state) {
  (void)state;
  char args[512], *out;
  const char *csv = temp_file(0, ".csv", "a,b,1\nb,c,-1\na,c,-1\nc,d,1\n");
  snprintf(args, sizeof args, "align --signed %s --json", csv);
  assert_int_equal(run_orbit(args, &out), 0);
  cJSON *json = cJSON_Parse(out);
  assert_non_null(json);
  cJSON *minima = cJSON_GetObjectItem(json, "minima");
  assert_int_equal(cJSON_GetArraySize(minima), 1);
  cJSON *best = cJSON_GetArrayItem(minima, 0);
  assert_true(cJSON_GetObjectItem(best, "energy")->valuedouble == -2);
  assert_true(cJSON_GetObjectItem(best, "frustration")->valuedouble == 0);
  assert_true(cJSON_GetObjectItem(best, "basin_share")->valuedouble == 1);
  cJSON *blocs = cJSON_GetObjectItem(best, "blocs");
  assert_string_equal(cJSON_GetArrayItem(cJSON_GetArrayItem(blocs, 1), 0)->valuestring, "c");
  cJSON_Delete(json);
  free(out);

  snprintf(args, sizeof args, "align --signed %s --json --poles c,a", csv);
  assert_int_equal(run_orbit(args, &out), 0);
  json = cJSON_Parse(out);
  assert_non_null(json);
  cJSON *with = cJSON_GetObjectItem(json, "with");
  assert_true(cJSON_GetObjectItem(cJSON_GetObjectItem(with, "d"), "c")->valuedouble == 1);
  assert_true(cJSON_GetObjectItem(cJSON_GetObjectItem(with, "d"), "a")->valuedouble == 0);
  assert_true(cJSON_GetObjectItem(cJSON_GetObjectItem(with, "b"), "a")->valuedouble == 1);
  cJSON_Delete(json);
  free(out);
  snprintf(args, sizeof args, "align --signed %s --poles c,x", csv);
  assert_int_equal(run_orbit(args, &out), 2); /* an unknown actor is bad usage */
  assert_non_null(strstr(out, "--poles: unknown actor 'x'"));
  free(out);

  snprintf(args, sizeof args, "align --signed %s --blocs 3", csv);
  assert_int_equal(run_orbit(args, &out), 0);
  assert_non_null(strstr(out, "#1   energy -2  frustration 0  basin"));
  free(out);

  const char *bad = temp_file(1, ".yaml", "actors: [A, B]\npropensities: [[0, 1], [2, 0]]\n");
  snprintf(args, sizeof args, "align --landscape %s", bad);
  assert_int_equal(run_orbit(args, &out), 1);
  assert_non_null(strstr(out, ":2:25: error: propensities: not symmetric"));
  free(out);

  /* 40 actors: beyond the exhaustive limit without --heuristic. */
  static char big[1 << 15];
  big[0] = '\0';
  for (int i = 1; i < 40; i++) sprintf(big + strlen(big), "x%d,x%d,%d\n", i - 1, i, i % 2 ? 1 : -1);
  const char *chain = temp_file(2, ".csv", big);
  snprintf(args, sizeof args, "align --signed %s", chain);
  assert_int_equal(run_orbit(args, &out), 1);
  assert_non_null(strstr(out, "40 actors in at most 2 blocs"));
  assert_non_null(strstr(out, "use the heuristic (--heuristic)"));
  free(out);
  /* 22 actors in 3 blocs (1.8e10 configurations): past the k-bloc limit of 2^32,
   * though 22 actors in 2 blocs are searched exhaustively. */
  big[0] = '\0';
  for (int i = 1; i < 22; i++) sprintf(big + strlen(big), "x%d,x%d,%d\n", i - 1, i, i % 2 ? 1 : -1);
  const char *chain22 = temp_file(4, ".csv", big);
  snprintf(args, sizeof args, "align --signed %s --blocs 3", chain22);
  assert_int_equal(run_orbit(args, &out), 1);
  assert_non_null(strstr(out, "22 actors in at most 3 blocs"));
  assert_non_null(strstr(out, "the exhaustive limit of 2^32"));
  free(out);
  snprintf(args, sizeof args, "align --signed %s", chain22);
  assert_int_equal(run_orbit(args, &out), 0);
  assert_non_null(strstr(out, "exhaustive"));
  free(out);
  /* A complete balanced network of 40: the heuristic proves its optimum. */
  big[0] = '\0';
  for (int i = 0; i < 40; i++)
    for (int j = i + 1; j < 40; j++)
      sprintf(big + strlen(big), "x%d,x%d,%d\n", i, j, (i % 4 == 0) == (j % 4 == 0) ? 1 : -1);
  const char *balanced = temp_file(3, ".csv", big);
  snprintf(args, sizeof args, "align --signed %s --heuristic --restarts 200", balanced);
  assert_int_equal(run_orbit(args, &out), 0);
  assert_non_null(strstr(out, "proven optimal (best = lower bound); lower bound -300"));
  assert_non_null(strstr(out, "energy -300  frustration 0"));
  free(out);

  assert_int_equal(run_orbit("align --blocs 1", &out), 2);
  free(out);
  assert_int_equal(run_orbit("align --over 2030..2008", &out), 2);
  free(out);
  snprintf(args, sizeof args, "align --signed %s --landscape %s", csv, bad);
  assert_int_equal(run_orbit(args, &out), 2);
  free(out);
  assert_int_equal(run_orbit("align --signed /nonexistent.csv", &out), 1);
  assert_non_null(strstr(out, "/nonexistent.csv: error: cannot open the landscape file: No such file"));
  free(out);
  for (int slot = 0; slot < 5; slot++) {
    snprintf(args, sizeof args, "/tmp/orbit_align_test_%d_%d%s", (int)getpid(), slot,
             slot == 1 ? ".yaml" : ".csv");
    unlink(args);
  }
}

/* The built-in world, year by year: a result per year, the same with 1 thread. */
static void test_command_over_world(void **state) {
  (void)state;
  char *out, *again;
  assert_int_equal(run_orbit("align --over 2023..2024 --json --no-basins", &out), 0);
  cJSON *json = cJSON_Parse(out);
  assert_non_null(json);
  assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(json, "years")), 2);
  cJSON_Delete(json);
  assert_int_equal(run_orbit("align --over 2023..2024 --json --no-basins --threads 1", &again), 0);
  assert_string_equal(out, again);
  free(out);
  free(again);
}

/* A world of more states than a landscape holds: a clear message and exit 1 from
 * `align --world` and `run`, not a silent exit 1 (issue 9, defect 9). */
static void test_too_many_actors(void **state) {
  (void)state;
  char path[] = "/tmp/orbit-align-big-XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  FILE *f = fdopen(fd, "w");
  fprintf(f, "world:\n  name: big\n  start: 2000-01-01\n  end: 2030-12-31\nactors:\n");
  for (int i = 0; i < ORB_ALIGN_MAX_ACTORS + 4; i++)
    fprintf(f, "  - {id: A%d, name: Actor %d, kind: state}\n", i, i);
  fclose(f);
  char args[256], expected[256];
  snprintf(expected, sizeof expected,
           "%s: error: %d states and blocs to align; alignment landscapes hold at most %d "
           "actors", path, ORB_ALIGN_MAX_ACTORS + 4, ORB_ALIGN_MAX_ACTORS);
  snprintf(args, sizeof args, "align --world %s --date 2020", path);
  test_expect_orbit(args, 1, expected);
  snprintf(args, sizeof args, "run --world %s", path);
  test_expect_orbit(args, 1, expected);
  unlink(path);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_gahuku_gama),
      cmocka_unit_test(test_furnas_syria),
      cmocka_unit_test(test_heuristic_against_exhaustive),
      cmocka_unit_test(test_heuristic_proves_balanced_optimum),
      cmocka_unit_test(test_heuristic_cow),
      cmocka_unit_test(test_derivation_rule),
      cmocka_unit_test(test_command),
      cmocka_unit_test(test_command_over_world),
      cmocka_unit_test(test_too_many_actors),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
