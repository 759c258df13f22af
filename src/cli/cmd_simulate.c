/*
 * cmd_simulate.c: `orbit simulate`, an ensemble of month-by-month runs of a world
 * (docs/MODEL.md, "Influence over time"): a summary of what the seeds care about
 * (the patron's leverage, the alliance's credibility, the rival's rise, exit
 * risks) with medians and 5-95% bands, JSON, or series as CSV / JSON Lines;
 * counterfactuals by --without-event, --add-event and --set; a SQLite store.
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"

const char cmd_simulate_help[] =
  "Usage: orbit simulate [--world FILE] [--from YYYY-MM] [--to YYYY-MM] [--runs N]\n"
  "                      [--seed S] [--threads T] [--set NAME=VALUE|NAME=LOW..HIGH ...]\n"
  "                      [--without-event ID ...] [--add-event DATE,ACTOR,TYPE[,TARGET] ...]\n"
  "                      [--store FILE] [--keep N] [--json] [--no-record]\n"
  "                      [--series NAME|all ... [--per-run] [--csv | --json]]\n"
  "       orbit simulate --validate [--json] [--world FILE] [--set NAME=VALUE ...]\n"
  "       orbit simulate --list-events | --list-params | --list-tests | --list-series\n"
  "\n"
  "Simulates the world month by month, many times, each run drawing every uncertain\n"
  "parameter from its range: the capacity of each pole (its capability less what its\n"
  "wars tie down), the credibility of each alliance (updated when a commitment is\n"
  "tested), the leverage of each pole over each state, alignments and each member's\n"
  "hazard of leaving its institutions. Prints medians with 5-95% bands.\n"
  "\n"
  "Options:\n"
  "  --world FILE         the world file (default: the built-in post-Soviet world)\n"
  "  --from, --to         first and last month (default 1992-01 .. 2030-12, within the world)\n"
  "  --runs N             runs in the ensemble (default 1000)\n"
  "  --seed S             seed of the random streams (default 1)\n"
  "  --threads T          threads (default: all); results do not depend on it\n"
  "  --set NAME=VALUE     fix a parameter; NAME=LOW..HIGH draws it uniformly (the\n"
  "                       world's parameters: block may set them too; --set wins)\n"
  "  --without-event ID   remove an event (ids: --list-events)\n"
  "  --add-event SPEC     add an event DATE,ACTOR,TYPE[,TARGET[,MAGNITUDE]]\n"
  "  --store FILE         write the runs and quantiles to an SQLite store\n"
  "  --keep N             keep the full series of the first N runs (store, --per-run)\n"
  "  --series NAME        print a series (or 'all') month by month: quantiles, or with\n"
  "                       --per-run each kept run; CSV by default, --json for JSON Lines\n"
  "  --no-record          use the world alone: no COW capabilities, UCDP conflicts or\n"
  "                       roll-call agreement from the shipped record\n"
  "  --validate           score the model against the record: its yearly agreement\n"
  "                       with Russia 1995-2019, and forecasts of the next 3 years from\n"
  "                       each year 2000-2016 (rates and variant fitted on the years\n"
  "                       up to it)\n"
  "                       against persistence and the last 3 years' mean (MAE, RMSE)\n"
  "  --json               print the summary (or the series) as JSON\n"
  "  --list-events        the world's events with their ids\n"
  "  --list-params        the parameters: default, range, justification\n"
  "  --list-tests         the tests of commitments the model recognises in the events\n"
  "  --list-series        the names of the series\n"
  CLI_PARAMS_HELP
  "\n"
  "Exit status: 0 ok; 1 bad input (the world, out of memory); 2 bad usage (an\n"
  "unknown option, parameter, event or series, months outside the world, impossible\n"
  "bounds); 3 the store or the output cannot be written (a store target that is\n"
  "not an orbit simulation store is refused: 1).\n";

typedef struct sim_args {
  const char *params_path;
  const char *world_path, *from_text, *to_text, *store, *runs_text, *seed_text,
      *threads_text, *keep_text;
  const char **sets, **without, **adds, **series;
  size_t set_count, without_count, add_count, series_count;
  int json, csv, per_run, list_events, list_params, list_tests, list_series, no_record,
      validate;
} sim_args;

static int push(const char ***list, size_t *count, const char *item) {
  const char **grown = realloc(*list, (*count + 1) * sizeof *grown);
  if (!grown) return 0;
  grown[(*count)++] = item;
  *list = grown;
  return 1;
}

static void free_args(sim_args *a) {
  free(a->sets);
  free(a->without);
  free(a->adds);
  free(a->series);
}

enum {
  OPT_WORLD = 1, OPT_FROM, OPT_TO, OPT_RUNS, OPT_SEED, OPT_THREADS, OPT_SET, OPT_WITHOUT,
  OPT_ADD, OPT_STORE, OPT_KEEP, OPT_SERIES, OPT_JSON, OPT_CSV, OPT_PER_RUN, OPT_LIST_EVENTS,
  OPT_LIST_PARAMS, OPT_LIST_TESTS, OPT_LIST_SERIES, OPT_PARAMS, OPT_NO_RECORD, OPT_VALIDATE
};

static int parse_args(int argc, char **argv, sim_args *a) {
  static const cli_option options[] = {
      {"world", OPT_WORLD, 1}, {"from", OPT_FROM, 1}, {"to", OPT_TO, 1},
      {"runs", OPT_RUNS, 1}, {"seed", OPT_SEED, 1}, {"threads", OPT_THREADS, 1},
      {"set", OPT_SET, 1}, {"without-event", OPT_WITHOUT, 1}, {"add-event", OPT_ADD, 1},
      {"store", OPT_STORE, 1}, {"keep", OPT_KEEP, 1}, {"series", OPT_SERIES, 1},
      {"json", OPT_JSON, 0}, {"csv", OPT_CSV, 0}, {"per-run", OPT_PER_RUN, 0},
      {"list-events", OPT_LIST_EVENTS, 0}, {"list-params", OPT_LIST_PARAMS, 0},
      {"list-tests", OPT_LIST_TESTS, 0}, {"list-series", OPT_LIST_SERIES, 0},
      {"params", OPT_PARAMS, 1}, {"no-record", OPT_NO_RECORD, 0},
      {"validate", OPT_VALIDATE, 0}, {NULL, 0, 0}};
  cli_parser parser;
  const char *value;
  int id;
  cli_parser_init(&parser, "simulate", options, argc, argv);
  while ((id = cli_next(&parser, &value)) != CLI_END) {
    int ok = 1;
    switch (id) {
    case OPT_WORLD: a->world_path = value; break;
    case OPT_PARAMS: a->params_path = value; break;
    case OPT_FROM: a->from_text = value; break;
    case OPT_TO: a->to_text = value; break;
    case OPT_RUNS: a->runs_text = value; break;
    case OPT_SEED: a->seed_text = value; break;
    case OPT_THREADS: a->threads_text = value; break;
    case OPT_SET: ok = push(&a->sets, &a->set_count, value); break;
    case OPT_WITHOUT: ok = push(&a->without, &a->without_count, value); break;
    case OPT_ADD: ok = push(&a->adds, &a->add_count, value); break;
    case OPT_STORE: a->store = value; break;
    case OPT_KEEP: a->keep_text = value; break;
    case OPT_SERIES: ok = push(&a->series, &a->series_count, value); break;
    case OPT_JSON: a->json = 1; break;
    case OPT_CSV: a->csv = 1; break;
    case OPT_PER_RUN: a->per_run = 1; break;
    case OPT_LIST_EVENTS: a->list_events = 1; break;
    case OPT_LIST_PARAMS: a->list_params = 1; break;
    case OPT_LIST_TESTS: a->list_tests = 1; break;
    case OPT_LIST_SERIES: a->list_series = 1; break;
    case OPT_NO_RECORD: a->no_record = 1; break;
    case OPT_VALIDATE: a->validate = 1; break;
    case CLI_OPERAND: return cli_usage_error("simulate", "unexpected argument '%s'", value);
    default: return CLI_EUSAGE;
    }
    if (!ok) return cli_usage_error("simulate", "out of memory");
  }
  if (a->json && a->csv) return cli_usage_error("simulate", "--json and --csv exclude each other");
  if ((a->csv || a->per_run) && !a->series_count)
    return cli_usage_error("simulate", "--csv and --per-run print series: name them with --series");
  if (a->validate && a->no_record)
    return cli_usage_error("simulate", "--validate compares with the record: drop --no-record");
  if (a->per_run && !a->keep_text)
    return cli_usage_error("simulate", "--per-run needs --keep N");
  return CLI_OK;
}

/* Parses a whole unsigned number in [min, max]. */
static int parse_count(const char *opt, const char *text, unsigned long long min,
                       unsigned long long max, unsigned long long *out) {
  if (cli_parse_count(text, min, max, out) == ORB_OK) return CLI_OK;
  return cli_usage_error("simulate", "%s: expected a whole number from %llu to %llu, got '%s'",
                         opt, min, max, text);
}

/* Parses a month "YYYY-MM" (or YYYY, YYYY-MM-DD) into the first day of its month. */
static int parse_month(const char *text, orb_date *out) {
  orb_date d;
  if (cli_parse_date("simulate", text, &d) != CLI_OK) return CLI_EUSAGE;
  int y, m;
  orb_date_to_ymd(d, &y, &m, NULL);
  *out = orb_date_from_ymd(y, m, 1);
  return CLI_OK;
}

/* ---- progress ---------------------------------------------------------------- */

typedef struct progress_ctx {
  struct timespec start;
} progress_ctx;

static double seconds_since(const struct timespec *t0) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)(t.tv_sec - t0->tv_sec) + 1e-9 * (double)(t.tv_nsec - t0->tv_nsec);
}

static void progress(size_t done, size_t total, void *context) {
  progress_ctx *p = context;
  double s = seconds_since(&p->start), rate = s > 0 ? (double)done / s : 0;
  int width = 30, filled = (int)((double)width * (double)done / (double)total);
  fprintf(stderr, "\r[%.*s%*s] %zu/%zu runs, %.0f runs/s, %.1f s left ", filled,
          "##############################", width - filled, "", done, total, rate,
          rate > 0 ? (double)(total - done) / rate : 0.0);
  if (done == total) fputc('\n', stderr);
  fflush(stderr);
}

/* --series: the chosen series (or 'all') month by month, through the writer. */
static int print_series(const orb_dyn_model *m, const orb_dyn_summary *s, const sim_args *a) {
  size_t count = orb_dyn_series_count(m);
  unsigned char *chosen = calloc(count ? count : 1, 1);
  if (!chosen) return CLI_EINPUT;
  for (size_t i = 0; i < a->series_count; i++) {
    if (strcmp(a->series[i], "all") == 0) {
      memset(chosen, 1, count);
      continue;
    }
    size_t k = orb_dyn_series_find(m, a->series[i]);
    if (k == ORB_NONE) {
      const char **names = malloc((count ? count : 1) * sizeof *names);
      const char *hint = NULL;
      if (names) {
        for (size_t j = 0; j < count; j++) names[j] = orb_dyn_series_name(m, j);
        hint = orb_closest_word(a->series[i], names, count);
      }
      fprintf(stderr, "orbit simulate: no series '%s'%s%s%s (see --list-series)\n", a->series[i],
              hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
      free(names);
      free(chosen);
      return CLI_EUSAGE;
    }
    chosen[k] = 1;
  }
  int code = cli_written("simulate", orb_report_simulation_series(
                                         stdout, m, s, chosen, a->per_run,
                                         a->json ? ORB_FORMAT_JSON : ORB_FORMAT_CSV));
  free(chosen);
  return code;
}

static void list_params(const orb_dyn_settings *s) {
  size_t n;
  const orb_dyn_param_info *info = orb_dyn_params(&n);
  static const char *const dists[] = {"fixed", "uniform", "triangular"};
  for (size_t k = 0; k < n; k++)
    printf("%-24s %-8g %-10s [%g, %g]  %s (%s%s)\n", info[k].spec.name, s->value[k], dists[s->dist[k]],
           s->low[k], s->high[k], info[k].spec.meaning,
           info[k].source ? "source: " : "assumption: ",
           info[k].source ? info[k].source : info[k].assumption);
}

/* ---- the command -------------------------------------------------------------- */

int cmd_simulate(int argc, char **argv) {
  sim_args a = {0};
  int rc = parse_args(argc, argv, &a);
  unsigned long long runs = 1000, seed = 1, threads = 0, keep = 0;
  if (rc == CLI_OK && a.runs_text) rc = parse_count("--runs", a.runs_text, 1, 100000000ull, &runs);
  if (rc == CLI_OK && a.seed_text) {
    uint64_t parsed = 0;
    if (orb_seed_parse(a.seed_text, &parsed) != ORB_OK)
      rc = cli_usage_error("simulate", "--seed expects a whole number from 0 to 2^64 - 1, "
                           "not '%s'", a.seed_text);
    else
      seed = parsed;
  }
  if (rc == CLI_OK && a.threads_text) rc = parse_count("--threads", a.threads_text, 1, 1024, &threads);
  if (rc == CLI_OK && a.keep_text) rc = parse_count("--keep", a.keep_text, 0, 100000, &keep);
  orb_date from = orb_date_from_ymd(1992, 1, 1), to = orb_date_from_ymd(2030, 12, 1);
  if (rc == CLI_OK && a.from_text) rc = parse_month(a.from_text, &from);
  if (rc == CLI_OK && a.to_text) rc = parse_month(a.to_text, &to);
  if (rc != CLI_OK) {
    free_args(&a);
    return rc;
  }
  orb_session *session = NULL;
  orb_session_options load = {.world_path = a.world_path, .params_file = a.params_path};
  if (cli_load_session(&load, &session) != CLI_OK) {
    free_args(&a);
    return CLI_EINPUT;
  }
  const orb_world *world = orb_session_world(session);
  /* defaults inside the world when not given */
  int y, m;
  orb_date_to_ymd(world->start, &y, &m, NULL);
  if (!a.from_text && from < orb_date_from_ymd(y, m, 1)) from = orb_date_from_ymd(y, m, 1);
  orb_date_to_ymd(world->end, &y, &m, NULL);
  if (!a.to_text && to > orb_date_from_ymd(y, m, 1)) to = orb_date_from_ymd(y, m, 1);
  orb_diags diags;
  orb_diags_init(&diags);
  orb_dyn_settings settings = {0};
  orb_dyn_inputs *inputs = NULL;
  orb_dyn_model *model = NULL;
  orb_dyn_summary *summary = NULL;
  orb_record *record = NULL;
  orb_dyn_validation *validation = NULL;
  orb_status st;
  rc = CLI_EINPUT; /* the world's own parameters out of range, or out of memory */
  if (orb_dyn_settings_init(&settings) != ORB_OK) goto done;
  if (orb_dyn_settings_from_world(&settings, world, &diags) != ORB_OK) goto done;
  for (size_t i = 0; i < a.set_count; i++)
    if ((st = orb_dyn_settings_set(&settings, a.sets[i], &diags)) != ORB_OK) goto failed;
  int fy, ty;
  orb_date_to_ymd(from, &fy, NULL, NULL);
  orb_date_to_ymd(to, &ty, NULL, NULL);
  if ((st = orb_dyn_inputs_from_world(world, fy < ty ? fy : ty, fy < ty ? ty : fy, &inputs,
                                       &diags)) != ORB_OK)
    goto failed;
  if (!a.no_record) { /* the shipped record feeds the inputs (docs/MODEL.md) */
    if (orb_record_load(NULL, &record, &diags) != ORB_OK) goto done;
    if ((st = orb_dyn_inputs_from_record(inputs, world, record, ORB_DYN_RECORD_ALL, ty,
                                         &diags)) != ORB_OK)
      goto failed;
  }
  if (a.validate) {
    if ((st = orb_dyn_validate(world, record, &settings, NULL, &validation, &diags)) != ORB_OK)
      goto failed;
    rc = cli_written("simulate", orb_report_dyn_validation(
                                     stdout, validation, a.json ? ORB_FORMAT_JSON : ORB_FORMAT_TEXT));
    goto done;
  }
  if (a.list_events) {
    for (size_t k = 0; k < inputs->event_count; k++) printf("%s\n", inputs->events[k].id);
    rc = CLI_OK;
    goto done;
  }
  if (a.list_params) {
    list_params(&settings);
    rc = CLI_OK;
    goto done;
  }
  for (size_t i = 0; i < a.without_count; i++)
    if ((st = orb_dyn_remove_event(inputs, a.without[i], &diags)) != ORB_OK) goto failed;
  for (size_t i = 0; i < a.add_count; i++)
    if ((st = orb_dyn_add_event(inputs, world, a.adds[i], &diags)) != ORB_OK) goto failed;
  if ((st = orb_dyn_model_new(world, inputs, from, to, &model, &diags)) != ORB_OK) goto failed;
  if (a.list_tests || a.list_series) {
    size_t n;
    const char *const *texts = orb_dyn_tests(model, &n);
    if (a.list_tests)
      for (size_t k = 0; k < n; k++) printf("%s\n", texts[k]);
    if (a.list_series)
      for (size_t k = 0; k < orb_dyn_series_count(model); k++)
        printf("%s\n", orb_dyn_series_name(model, k));
    rc = CLI_OK;
    goto done;
  }
  char description[512];
  size_t len = (size_t)snprintf(description, sizeof description, "orbit simulate");
  for (int i = 1; i < argc && len < sizeof description; i++)
    len += (size_t)snprintf(description + len, sizeof description - len, " %s", argv[i]);
  progress_ctx pc;
  clock_gettime(CLOCK_MONOTONIC, &pc.start);
  orb_dyn_ensemble_options opt = {.runs = (size_t)runs, .seed = seed, .threads = (int)threads,
                                  .store = a.store, .keep = (size_t)keep,
                                  .description = description,
                                  .progress = isatty(2) ? progress : NULL, .context = &pc};
  if ((st = orb_dyn_ensemble(model, &settings, &opt, &summary, &diags)) != ORB_OK) {
    if (st == ORB_EINVAL) st = ORB_EPARSE; /* a refused store target: bad input, as for bargain */
    goto failed;
  }
  if (a.series_count)
    rc = print_series(model, summary, &a);
  else
    rc = cli_written("simulate", orb_report_simulation(stdout, world, model, summary, seed,
                                                       a.json ? ORB_FORMAT_JSON : ORB_FORMAT_TEXT));
  goto done;
failed: /* the project's exit-code table: an argument the world does not have (an
         * unknown id or parameter, months outside it, impossible bounds) is bad
         * usage; a store that cannot be written is output; the rest is input */
  rc = st == ORB_EINVAL || st == ORB_ENOTFOUND || st == ORB_ELIMIT ? CLI_EUSAGE
     : st == ORB_EIO ? CLI_EOUTPUT : CLI_EINPUT;
done:
  if (diags.count) {
    for (size_t k = 0; k < diags.count; k++)
      fprintf(stderr, "orbit simulate: %s%s%s\n", diags.items[k].file ? diags.items[k].file : "",
              diags.items[k].file ? ": " : "", diags.items[k].message);
  }
  orb_diags_free(&diags);
  orb_dyn_summary_free(summary);
  orb_dyn_validation_free(validation);
  orb_record_free(record);
  orb_dyn_model_free(model);
  orb_dyn_inputs_free(inputs);
  orb_dyn_settings_free(&settings);
  orb_session_free(session);
  free_args(&a);
  return rc;
}
