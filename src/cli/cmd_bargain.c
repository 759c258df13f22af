/*
 * cmd_bargain.c: `orbit bargain`, plays a bargaining scenario (KTAB's CSV or XML
 * format) with KTAB's Spatial Model of Politics and prints every actor's
 * position per turn, the final position probabilities and the outcome.
 */
#include <cjson/cJSON.h>
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

const char cmd_bargain_help[] =
  "Usage: orbit bargain FILE [--json|--csv] [--seed S] [--runs N] [--threads N]\n"
  "                     [--store DB] [model options]\n"
  "       orbit bargain --issue ID [--world F] [the same options]\n"
  "\n"
  "Plays a bargaining scenario with KTAB's Spatial Model of Politics: actors with a\n"
  "capability, a position and a salience on each policy dimension challenge each\n"
  "other and settle on compromises, turn by turn, until positions stop moving.\n"
  "FILE is a KTAB scenario, CSV or XML (examples in data/bargain/). Prints each\n"
  "actor's position at every turn, the probability of each final position, and\n"
  "per dimension the probability-weighted outcome and the most probable position.\n"
  "With --issue, the scenario is the bargaining issue ID of a world file\n"
  "(`bargains:` in docs/WORLD.md; e.g. EAEU-grain-2022 in the built-in world).\n"
  "\n"
  "Options:\n"
  "  --json            print everything as JSON\n"
  "  --csv             print run,turn,actor,dimension,position,probability rows\n"
  "  --seed S          seed of the stochastic runs (default: the file's <prngSeed>,\n"
  "                    else 15455440707583219804)\n"
  "  --runs N          play N stochastic runs in parallel and summarise the\n"
  "                    distribution of outcomes (implies --transitions Stochastic)\n"
  "  --threads N       OpenMP threads (results do not depend on it). Default: one\n"
  "                    per run up to the processors (or OMP_NUM_THREADS) for\n"
  "                    --runs N, and one thread for a single run of fewer than\n"
  "                    250 actors, where threads only wait at barriers\n"
  "  --store DB        also write every run's history to the SQLite file DB\n"
  "  --turn-probs      compute the position probabilities of every turn, not\n"
  "                    only the last\n"
  "  --max-turns N     stop after N turns at most (default 100)\n"
  "  --capability ATTR take each actor's capability from the world's numeric\n"
  "                    attribute ATTR (e.g. gdp_usd) of the actor whose id is the\n"
  "                    actor's name in FILE (with its source in the world)\n"
  "  --issue ID        play the world's bargaining issue ID instead of a FILE\n"
  "  --world F         the world for --issue and --capability (default: the\n"
  "                    built-in world)\n"
  "  --year Y          latest value of a year up to Y (default: the latest)\n"
  "  --help            show this help\n"
  "\n"
  "Model options (KTAB's names; the defaults are KTAB's; an XML file's\n"
  "<ModelParameters> override the defaults, and these override both):\n"
  "  --victory    Linear|Square|Quartic|Octic|Binary        (Linear)\n"
  "  --voting     Binary|PropBin|Prop|PropCbc|Cubic|ASymProsp (Prop)\n"
  "  --pce        Conditional|MarkovIncentive|MarkovUniform  (Conditional)\n"
  "  --transitions Deterministic|Stochastic                  (Deterministic)\n"
  "  --risk-range Min|Mid|Max                                (Mid)\n"
  "  --risk-adjust None|OneThird|Half|TwoThirds|Full         (OneThird)\n"
  "  --commit     NoCommit|SemiCommit|FullCommit             (SemiCommit)\n"
  "  --interp     S1P1|S2P2|S2PMax                           (S2P2)\n"
  "  --bargain-model InitOnlyInterp|InitRcvrInterp|PWCompInterp (InitOnlyInterp)\n"
  "\n"
  "The model and its equations are in docs/MODEL.md, section Bargaining.\n";

/* KTAB's default seed (kutils.h dSeed). */
#define DEFAULT_SEED 0xD67CC16FE69C185Cull
#define MAX_RUNS 1000000

enum { OUT_TEXT, OUT_JSON, OUT_CSV };

/* Long options; model options map to orb_bargain_option by val - 1000. */
static const struct option long_options[] = {
  {"json", no_argument, NULL, 'j'},
  {"csv", no_argument, NULL, 'c'},
  {"seed", required_argument, NULL, 's'},
  {"runs", required_argument, NULL, 'r'},
  {"threads", required_argument, NULL, 't'},
  {"store", required_argument, NULL, 'S'},
  {"turn-probs", no_argument, NULL, 'p'},
  {"max-turns", required_argument, NULL, 'm'},
  {"capability", required_argument, NULL, 'C'},
  {"world", required_argument, NULL, 'w'},
  {"issue", required_argument, NULL, 'i'},
  {"year", required_argument, NULL, 'y'},
  {"victory", required_argument, NULL, 1000 + ORB_BOPT_VICTORY},
  {"voting", required_argument, NULL, 1000 + ORB_BOPT_VOTING},
  {"pce", required_argument, NULL, 1000 + ORB_BOPT_PCE},
  {"transitions", required_argument, NULL, 1000 + ORB_BOPT_TRANSITIONS},
  {"risk-range", required_argument, NULL, 1000 + ORB_BOPT_RISK_RANGE},
  {"risk-adjust", required_argument, NULL, 1000 + ORB_BOPT_RISK_ADJUST},
  {"commit", required_argument, NULL, 1000 + ORB_BOPT_COMMIT},
  {"interp", required_argument, NULL, 1000 + ORB_BOPT_INTERP},
  {"bargain-model", required_argument, NULL, 1000 + ORB_BOPT_MODEL},
  {NULL, 0, NULL, 0}};

/* Parses a whole unsigned number in [low, high]; 0 on failure. */
static int parse_count(const char *text, unsigned long long low, unsigned long long high,
                       unsigned long long *value) {
  char *stop;
  errno = 0;
  if (!*text || *text == '-') return 0;
  unsigned long long v = strtoull(text, &stop, 10);
  if (*stop || errno == ERANGE || v < low || v > high) return 0;
  *value = v;
  return 1;
}

/* Prints the run's history and outcome as text. */
static void print_text_run(const orb_bargain_scenario *s, const orb_bargain_result *r,
                           int all_probs) {
  const size_t n = r->actor_count, m = r->dim_count;
  printf("\nPositions by turn (%zu turns):\n", r->state_count - 1);
  for (size_t i = 0; i < n; i++)
    for (size_t k = 0; k < m; k++) {
      printf("  %-12s %-14s", s->actor_names[i], s->dim_names[k]);
      for (size_t t = 0; t < r->state_count; t++)
        printf(" %5.1f", r->positions[(t * n + i) * m + k]);
      printf("\n");
    }
  if (all_probs) {
    printf("\nProbability of each actor's position by turn:\n");
    for (size_t i = 0; i < n; i++) {
      printf("  %-12s", s->actor_names[i]);
      for (size_t t = 0; t < r->state_count; t++)
        printf(" %.4f", r->probabilities[t * n + i]);
      printf("\n");
    }
  }
  const size_t last = r->state_count - 1;
  printf("\nFinal positions and their probabilities:\n");
  for (size_t u = 0; u < r->unique_count; u++) {
    const size_t a = r->unique_actor[u];
    printf("  %.4f ", r->unique_prob[u]);
    for (size_t k = 0; k < m; k++) printf(" %6.2f", r->positions[(last * n + a) * m + k]);
    printf("   held by");
    for (size_t i = 0; i < n; i++) {
      double d2 = 0;
      for (size_t k = 0; k < m; k++) {
        double d = r->positions[(last * n + i) * m + k] - r->positions[(last * n + a) * m + k];
        d2 += d * d;
      }
      if (sqrt(d2) < 0.1) printf(" %s", s->actor_names[i]);
    }
    printf("\n");
  }
  printf("\nOutcome by dimension:      weighted  most probable\n");
  for (size_t k = 0; k < m; k++)
    printf("  %-24s %7.2f  %7.2f\n", s->dim_names[k], r->outcome_mean[k],
           r->outcome_mode[k]);
}

/* Prints one run of an ensemble as a text line (the header before run 0). */
static void print_text_ensemble_run(const orb_bargain_result *r, uint64_t run) {
  if (run == 0) printf("\nRuns:\n");
  printf("  %4llu  %3zu turns ", (unsigned long long)run, r->state_count - 1);
  for (size_t k = 0; k < r->dim_count; k++) printf(" %6.2f", r->outcome_mean[k]);
  printf("\n");
}

/* Prints the distribution of outcomes over runs as text. */
static void print_text_summary(const orb_bargain_scenario *s, const orb_bargain_summary *sum) {
  printf("\nOutcome over %llu runs (probability-weighted final position):\n",
         (unsigned long long)sum->runs);
  printf("  %-24s %8s %8s %8s %8s %8s %8s %8s\n", "dimension", "mean", "sd", "min", "p5",
         "median", "p95", "max");
  for (size_t k = 0; k < sum->dim_count; k++)
    printf("  %-24s %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f\n", s->dim_names[k],
           sum->mean[k], orb_bargain_summary_sd(sum, k), sum->min[k],
           orb_bargain_summary_quantile(sum, k, 0), orb_bargain_summary_quantile(sum, k, 1),
           orb_bargain_summary_quantile(sum, k, 2), sum->max[k]);
  printf("  mean number of turns: %.2f\n", sum->turns_mean);
}

/* An array of count doubles as JSON. */
static cJSON *numbers(const double *values, size_t count, size_t stride) {
  cJSON *array = cJSON_CreateArray();
  for (size_t i = 0; i < count; i++)
    cJSON_AddItemToArray(array, cJSON_CreateNumber(values[i * stride]));
  return array;
}

/* One run as JSON. */
static cJSON *run_json(const orb_bargain_result *r, int all_probs) {
  const size_t n = r->actor_count, m = r->dim_count, last = r->state_count - 1;
  cJSON *run = cJSON_CreateObject();
  cJSON_AddNumberToObject(run, "turns", (double)last);
  cJSON *positions = cJSON_AddArrayToObject(run, "positions");
  for (size_t t = 0; t < r->state_count; t++) {
    cJSON *state = cJSON_CreateArray();
    for (size_t i = 0; i < n; i++)
      cJSON_AddItemToArray(state, numbers(r->positions + (t * n + i) * m, m, 1));
    cJSON_AddItemToArray(positions, state);
  }
  if (all_probs) {
    cJSON *probs = cJSON_AddArrayToObject(run, "probabilities");
    for (size_t t = 0; t < r->state_count; t++)
      cJSON_AddItemToArray(probs, numbers(r->probabilities + t * n, n, 1));
  }
  cJSON_AddItemToObject(run, "final_probabilities", numbers(r->probabilities + last * n, n, 1));
  cJSON *unique = cJSON_AddArrayToObject(run, "final_positions");
  for (size_t u = 0; u < r->unique_count; u++) {
    cJSON *item = cJSON_CreateObject();
    cJSON_AddNumberToObject(item, "actor", (double)r->unique_actor[u]);
    cJSON_AddItemToObject(item, "position",
                          numbers(r->positions + (last * n + r->unique_actor[u]) * m, m, 1));
    cJSON_AddNumberToObject(item, "probability", r->unique_prob[u]);
    cJSON_AddItemToArray(unique, item);
  }
  cJSON *outcome = cJSON_AddObjectToObject(run, "outcome");
  cJSON_AddItemToObject(outcome, "weighted", numbers(r->outcome_mean, m, 1));
  cJSON_AddItemToObject(outcome, "most_probable", numbers(r->outcome_mode, m, 1));
  return run;
}

/* Prints the JSON document's opening: everything but the runs, then `"runs":[`.
 * The runs follow one by one (print_json_run) and print_json_tail closes it. */
static int print_json_head(const orb_bargain_scenario *s, const orb_bargain_options *o,
                           uint64_t seed) {
  cJSON *root = cJSON_CreateObject();
  cJSON_AddStringToObject(root, "scenario", s->name);
  cJSON_AddStringToObject(root, "description", s->description);
  cJSON *actors = cJSON_AddArrayToObject(root, "actors");
  for (size_t i = 0; i < s->actor_count; i++) {
    cJSON *a = cJSON_CreateObject();
    cJSON_AddStringToObject(a, "name", s->actor_names[i]);
    cJSON_AddNumberToObject(a, "capability", s->capability[i]);
    cJSON_AddItemToArray(actors, a);
  }
  cJSON_AddItemToObject(root, "dimensions",
                        cJSON_CreateStringArray((const char *const *)s->dim_names,
                                                (int)s->dim_count));
  cJSON *opts = cJSON_AddObjectToObject(root, "options");
  for (int k = 0; k < ORB_BOPT_COUNT; k++)
    cJSON_AddStringToObject(opts, orb_bargain_option_key((orb_bargain_option)k),
                            orb_bargain_options_get(o, (orb_bargain_option)k));
  char seed_text[32];
  snprintf(seed_text, sizeof seed_text, "%llu", (unsigned long long)seed);
  cJSON_AddStringToObject(root, "seed", seed_text);
  char *text = cJSON_PrintUnformatted(root);
  cJSON_Delete(root);
  if (!text) return CLI_EINPUT;
  text[strlen(text) - 1] = '\0'; /* the closing brace comes after the runs */
  printf("%s,\"runs\":[", text);
  free(text);
  return CLI_OK;
}

/* Prints one run of the JSON document's "runs" array. */
static orb_status print_json_run(const orb_bargain_result *r, uint64_t run, int all_probs) {
  cJSON *item = run_json(r, all_probs);
  char *text = item ? cJSON_PrintUnformatted(item) : NULL;
  cJSON_Delete(item);
  if (!text) return ORB_ENOMEM;
  printf("%s%s", run ? "," : "", text);
  free(text);
  return ORB_OK;
}

/* Prints every position of one run as CSV rows (the header before run 0). */
static void print_csv_run(const orb_bargain_scenario *s, const orb_bargain_options *o,
                          const orb_bargain_result *res, uint64_t run) {
  if (run == 0) printf("run,turn,actor,dimension,position,probability\n");
  const size_t n = res->actor_count, m = res->dim_count;
  for (size_t t = 0; t < res->state_count; t++)
    for (size_t i = 0; i < n; i++)
      for (size_t k = 0; k < m; k++) {
        printf("%llu,%zu,\"%s\",\"%s\",%.4f,", (unsigned long long)run, t,
               s->actor_names[i], s->dim_names[k], res->positions[(t * n + i) * m + k]);
        if (o->turn_probabilities || t + 1 == res->state_count)
          printf("%.4f", res->probabilities[t * n + i]);
        printf("\n");
      }
}

/* What the command does with each finished run (bargain_take, the ensemble's
 * sink): store it, summarise it, print it; nothing is kept but a single run. */
typedef struct bargain_out {
  const orb_bargain_scenario *s;
  const orb_bargain_options *o;
  int format;
  unsigned long long runs;
  orb_bargain_store *store;    /* NULL without --store */
  orb_bargain_summary summary; /* over the runs so far */
  orb_bargain_result *single;  /* the run of a single-run text report */
  orb_diags *diags;
} bargain_out;

/* orb_bargain_sink of the command. */
static orb_status bargain_take(void *arg, uint64_t run, orb_bargain_result **result) {
  bargain_out *b = arg;
  const orb_bargain_result *r = *result;
  orb_status status = ORB_OK;
  if (b->store) status = orb_bargain_store_add(b->store, run, r, b->diags);
  if (status != ORB_OK) return status;
  orb_bargain_summary_add(&b->summary, r);
  if (b->format == OUT_JSON) return print_json_run(r, run, b->o->turn_probabilities);
  if (b->format == OUT_CSV) print_csv_run(b->s, b->o, r, run);
  else if (b->runs == 1) {
    b->single = *result;
    *result = NULL;
  } else print_text_ensemble_run(r, run);
  return ORB_OK;
}

/* Builds the scenario of the world's bargaining issue `id`, printing why not. */
static orb_status scenario_from_world(const char *world_path, const char *id,
                                      orb_bargain_scenario **scenario) {
  orb_world *world = cli_load_world(world_path);
  if (!world) return ORB_EPARSE;
  size_t index = orb_world_bargain(world, id);
  orb_status status = ORB_ENOTFOUND;
  if (index == ORB_NONE) {
    const char *ids[64];
    size_t count = 0;
    for (size_t i = 0; i < world->bargain_count && count < 64; i++)
      ids[count++] = world->bargains[i].id;
    const char *hint = orb_closest_word(id, ids, count);
    fprintf(stderr, "orbit bargain: %s has no bargaining issue '%s'", world->path, id);
    if (hint) fprintf(stderr, " (did you mean '%s'?)", hint);
    fprintf(stderr, "; it has %zu%s", world->bargain_count, world->bargain_count ? ":" : "");
    for (size_t i = 0; i < world->bargain_count; i++)
      fprintf(stderr, " %s", world->bargains[i].id);
    fprintf(stderr, "\n");
  } else {
    status = orb_bargain_scenario_from_world(world, index, scenario);
    if (status != ORB_OK) fprintf(stderr, "orbit bargain: %s\n", orb_status_str(status));
  }
  orb_world_free(world);
  return status;
}

int cmd_bargain(int argc, char **argv) {
  int format = OUT_TEXT, have_seed = 0, turn_probs = 0;
  unsigned long long seed = DEFAULT_SEED, runs = 1, threads = 0, max_turns = 0;
  const char *store = NULL, *capability = NULL, *world_path = NULL, *issue = NULL;
  unsigned long long year = 9999;
  const char *model_values[ORB_BOPT_COUNT] = {0};
  int opt;
  optind = 1;
  opterr = 0;
  while ((opt = getopt_long(argc, argv, "", long_options, NULL)) != -1) {
    switch (opt) {
    case 'j': format = OUT_JSON; break;
    case 'c': format = OUT_CSV; break;
    case 's': {
      uint64_t parsed;
      if (orb_seed_parse(optarg, &parsed) != ORB_OK)
        return cli_usage_error("bargain", "--seed expects a whole number from 0 to "
                               "2^64 - 1, not '%s'", optarg);
      seed = parsed;
      have_seed = 1;
      break;
    }
    case 'r':
      if (!parse_count(optarg, 1, MAX_RUNS, &runs))
        return cli_usage_error("bargain", "--runs needs a number from 1 to %d", MAX_RUNS);
      break;
    case 't':
      if (!parse_count(optarg, 1, 1024, &threads))
        return cli_usage_error("bargain", "--threads needs a number from 1 to 1024");
      break;
    case 'S': store = optarg; break;
    case 'C': capability = optarg; break;
    case 'w': world_path = optarg; break;
    case 'i': issue = optarg; break;
    case 'y':
      if (!parse_count(optarg, 1000, 2999, &year))
        return cli_usage_error("bargain", "--year needs a year from 1000 to 2999");
      break;
    case 'p': turn_probs = 1; break;
    case 'm':
      if (!parse_count(optarg, 1, 100000, &max_turns))
        return cli_usage_error("bargain", "--max-turns needs a number from 1 to 100000");
      break;
    case '?':
      return cli_usage_error("bargain", "unknown or incomplete option '%s'",
                             argv[optind - 1]);
    default:
      if (opt >= 1000 && opt < 1000 + ORB_BOPT_COUNT) model_values[opt - 1000] = optarg;
      break;
    }
  }
  if (world_path && !capability && !issue)
    return cli_usage_error("bargain", "--world is used with --issue ID or --capability ATTR");
  if (issue && optind != argc)
    return cli_usage_error("bargain", "give a scenario FILE or --issue ID, not both");
  if (!issue && optind != argc - 1)
    return cli_usage_error("bargain", optind >= argc ? "missing the scenario FILE"
                                                     : "expected one scenario FILE");
  orb_bargain_options probe;
  orb_bargain_options_default(&probe);
  for (int k = 0; k < ORB_BOPT_COUNT; k++)
    if (model_values[k] &&
        orb_bargain_options_set(&probe, (orb_bargain_option)k, model_values[k]) != ORB_OK)
      return cli_usage_error("bargain", "unknown %s '%s'",
                             orb_bargain_option_key((orb_bargain_option)k), model_values[k]);

  char issue_label[512];
  snprintf(issue_label, sizeof issue_label, "%s, bargaining issue %s",
           world_path ? world_path : orb_world_default_path(), issue ? issue : "");
  const char *path = issue ? issue_label : argv[optind];
  orb_diags diags;
  orb_diags_init(&diags);
  orb_bargain_scenario *s = NULL;
  orb_status status = issue ? scenario_from_world(world_path, issue, &s)
                            : orb_bargain_read(path, &s, &diags);
  if (issue && status != ORB_OK) {
    orb_diags_free(&diags);
    return CLI_EINPUT;
  }
  if (status != ORB_OK) {
    orb_diags_print(&diags, stderr);
    fprintf(stderr, "orbit bargain: %s: scenario not loaded\n", path);
    orb_diags_free(&diags);
    return CLI_EINPUT;
  }
  if (capability) {
    orb_world *world = cli_load_world(world_path);
    status = world ? orb_bargain_capabilities_from_world(s, world, capability, (int)year,
                                                         path, &diags)
                   : ORB_EINVAL;
    orb_world_free(world);
  }
  if (status == ORB_OK) status = orb_bargain_scenario_check(s, path, &diags);
  if (status != ORB_OK) {
    orb_diags_print(&diags, stderr);
    orb_diags_free(&diags);
    orb_bargain_scenario_free(s);
    return CLI_EINPUT;
  }
  orb_bargain_options o;
  orb_bargain_options_default(&o);
  if (s->has_options) o = s->options;
  for (int k = 0; k < ORB_BOPT_COUNT; k++)
    if (model_values[k]) orb_bargain_options_set(&o, (orb_bargain_option)k, model_values[k]);
  if (runs > 1) {
    if (model_values[ORB_BOPT_TRANSITIONS] && o.transitions != ORB_TRANSITION_STOCHASTIC) {
      orb_bargain_scenario_free(s);
      return cli_usage_error("bargain", "--runs %llu needs Stochastic transitions", runs);
    }
    o.transitions = ORB_TRANSITION_STOCHASTIC;
  }
  o.turn_probabilities = turn_probs;
  if (max_turns) o.max_turns = (unsigned)max_turns;
  if (!have_seed && s->has_seed) seed = s->seed;
  const int used = threads ? (int)threads : orb_bargain_default_threads(s, (size_t)runs);
  omp_set_num_threads(used);

  bargain_out out = {s, &o, format, runs, NULL, {0}, NULL, &diags};
  status = orb_bargain_summary_init(&out.summary, s->dim_count);
  if (status == ORB_OK && store)
    status = orb_bargain_store_open(store, s, &o, seed, &out.store, &diags);
  int rc = status == ORB_OK ? CLI_OK : CLI_EINPUT;
  if (rc != CLI_OK) {
    orb_diags_print(&diags, stderr);
    if (status == ORB_ENOMEM) fprintf(stderr, "orbit bargain: out of memory\n");
  } else if (format == OUT_JSON) {
    rc = print_json_head(s, &o, seed);
  } else if (format == OUT_TEXT) {
    printf("Scenario: %s (%s)\nFile:     %s\nActors:   %zu, dimensions: %zu\n", s->name,
           s->description, path, s->actor_count, s->dim_count);
    printf("Options: ");
    for (int k = 0; k < ORB_BOPT_COUNT; k++)
      printf(" %s=%s", orb_bargain_option_key((orb_bargain_option)k),
             orb_bargain_options_get(&o, (orb_bargain_option)k));
    printf("\nSeed:     %llu\n", seed);
  }
  if (rc == CLI_OK) {
    size_t reported = diags.count;
    status = orb_bargain_ensemble_stream(s, &o, seed, (size_t)runs, used, bargain_take, &out);
    if (status != ORB_OK) {
      orb_diags_print(&diags, stderr);
      if (diags.count == reported)
        fprintf(stderr, "orbit bargain: %s: %s\n", path,
                status == ORB_ELIMIT ? "a Markov PCE did not converge in 1000 iterations"
                                     : orb_status_str(status));
      rc = CLI_EINPUT;
    }
  }
  if (rc == CLI_OK && format == OUT_JSON) printf("]}\n");
  if (rc == CLI_OK && format == OUT_TEXT) {
    if (out.single) print_text_run(s, out.single, o.turn_probabilities);
    else print_text_summary(s, &out.summary);
  }
  if (out.store) {
    if (rc == CLI_OK && orb_bargain_store_commit(out.store, &diags) != ORB_OK) {
      orb_diags_print(&diags, stderr);
      rc = CLI_EINPUT;
    } else if (rc != CLI_OK) {
      orb_bargain_store_abort(out.store);
    }
  }
  orb_bargain_result_free(out.single);
  orb_bargain_summary_free(&out.summary);
  orb_diags_free(&diags);
  orb_bargain_scenario_free(s);
  return rc;
}
