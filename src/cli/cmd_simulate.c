/*
 * cmd_simulate.c: `orbit simulate`, an ensemble of month-by-month runs of a world
 * (docs/MODEL.md, "Influence over time"): a summary of what the seeds care about
 * (the patron's leverage, the alliance's credibility, the rival's rise, exit
 * risks) with medians and 5-95% bands, JSON, or series as CSV / JSON Lines;
 * counterfactuals by --without-event, --add-event and --set; a SQLite store.
 */
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
  "       orbit simulate --stances [--issue ID] [--json] [options of an ensemble]\n"
  "       orbit simulate --list-events | --list-params | --list-tests | --list-series\n"
  "\n"
  "Simulates the world month by month, many times, each run drawing every uncertain\n"
  "parameter from its range: the capacity of each pole (its capability less what its\n"
  "wars tie down), the credibility of each alliance (updated when a commitment is\n"
  "tested), the leverage of each pole over each state, alignments and each member's\n"
  "hazard of leaving its institutions. Prints medians with 5-95% bands.\n"
  "\n"
  "Options:\n"
  CLI_ENSEMBLE_HELP
  "  --series NAME        print a series (or 'all') month by month: quantiles, or with\n"
  "                       --per-run each kept run; CSV by default, --json for JSON Lines\n"
  "                       (orbit series NAME is the same)\n"
  "  --per-run            with --series: one row per kept run and month (needs --keep)\n"
  "  --validate           score the model against the record: its yearly agreement\n"
  "                       with Russia 1995-2019, and forecasts of the next 3 years from\n"
  "                       each year 2000-2016 (rates and variant fitted on the years\n"
  "                       up to it)\n"
  "                       against persistence and the last 3 years' mean (MAE, RMSE)\n"
  "  --json               print the summary (or the series) as JSON\n"
  "  --stances           the stances on the world's issues at their months, from the\n"
  "                       stance model learned from the record with the simulated\n"
  "                       alignment in place of the record's (--issue ID: one issue;\n"
  "                       --csv: series stance:STATE:ISSUE:STANCE month by month)\n"
  "  --list-events        the world's events with their ids\n"
  "  --list-params        the parameters: default, range, justification\n"
  "  --list-tests         the tests of commitments the model recognises in the events\n"
  "  --list-series        the names of the series\n"
  "\n"
  "Exit status: 0 ok; 1 bad input (the world, out of memory); 2 bad usage (an\n"
  "unknown option, parameter, event or series, months outside the world, impossible\n"
  "bounds); 3 the store or the output cannot be written (a store target that is\n"
  "not an orbit simulation store is refused: 1).\n";

typedef struct sim_args {
  cli_ensemble ens;
  const char **series;
  size_t series_count;
  int json, csv, per_run, list_events, list_params, list_tests, list_series, validate, stances;
  const char *issue;
} sim_args;

static void free_args(sim_args *a) {
  cli_ensemble_free(&a->ens);
  free(a->series);
}

enum {
  OPT_SERIES = 1, OPT_JSON, OPT_CSV, OPT_PER_RUN, OPT_LIST_EVENTS, OPT_LIST_PARAMS,
  OPT_LIST_TESTS, OPT_LIST_SERIES, OPT_VALIDATE, OPT_STANCES, OPT_ISSUE
};

/* Adds a series name to the list; 0 when out of memory. */
static int push_series(sim_args *a, const char *name) {
  const char **grown = realloc(a->series, (a->series_count + 1) * sizeof *grown);
  if (!grown) return 0;
  grown[a->series_count++] = name;
  a->series = grown;
  return 1;
}

/* The options of `orbit simulate` (and of `orbit series`, whose operands name
 * series). */
static int parse_args(const char *command, int series_operands, int argc, char **argv,
                      sim_args *a) {
  static const cli_option options[] = {
      CLI_ENSEMBLE_OPTIONS, {"series", OPT_SERIES, 1},
      {"json", OPT_JSON, 0}, {"csv", OPT_CSV, 0}, {"per-run", OPT_PER_RUN, 0},
      {"list-events", OPT_LIST_EVENTS, 0}, {"list-params", OPT_LIST_PARAMS, 0},
      {"list-tests", OPT_LIST_TESTS, 0}, {"list-series", OPT_LIST_SERIES, 0},
      {"validate", OPT_VALIDATE, 0}, {"stances", OPT_STANCES, 0}, {"issue", OPT_ISSUE, 1},
      {NULL, 0, 0}};
  cli_parser parser;
  const char *value;
  int id;
  cli_parser_init(&parser, command, options, argc, argv);
  while ((id = cli_next(&parser, &value)) != CLI_END) {
    int ok = cli_ensemble_take(&a->ens, id, value);
    if (ok) {
      if (ok < 0) return cli_usage_error(command, "out of memory");
      continue;
    }
    ok = 1;
    switch (id) {
    case OPT_SERIES: ok = push_series(a, value); break;
    case OPT_JSON: a->json = 1; break;
    case OPT_CSV: a->csv = 1; break;
    case OPT_PER_RUN: a->per_run = 1; break;
    case OPT_LIST_EVENTS: a->list_events = 1; break;
    case OPT_LIST_PARAMS: a->list_params = 1; break;
    case OPT_LIST_TESTS: a->list_tests = 1; break;
    case OPT_LIST_SERIES: a->list_series = 1; break;
    case OPT_VALIDATE: a->validate = 1; break;
    case OPT_STANCES: a->stances = 1; break;
    case OPT_ISSUE: a->issue = value; break;
    case CLI_OPERAND:
      if (series_operands) {
        ok = push_series(a, value);
        break;
      }
      return cli_usage_error(command, "unexpected argument '%s'", value);
    default: return CLI_EUSAGE;
    }
    if (!ok) return cli_usage_error(command, "out of memory");
  }
  if (series_operands && !a->series_count)
    return cli_usage_error(command, "name a series (or 'all'); the names: orbit simulate --list-series");
  if (a->json && a->csv) return cli_usage_error(command, "--json and --csv exclude each other");
  if ((a->csv || a->per_run) && !a->series_count && !(a->stances && !a->per_run))
    return cli_usage_error(command, "--csv and --per-run print series: name them with --series");
  if (a->validate && a->ens.request.no_record)
    return cli_usage_error(command, "--validate compares with the record: drop --no-record");
  if (a->issue && !a->stances)
    return cli_usage_error(command, "--issue chooses the issue of --stances");
  if (a->stances && (a->series_count || a->validate))
    return cli_usage_error(command, "--stances excludes --series and --validate");
  if (a->stances && a->ens.request.no_record)
    return cli_usage_error(command, "--stances uses the stance model learned from the record: "
                                    "drop --no-record");
  if (a->per_run && !a->ens.keep_text)
    return cli_usage_error(command, "--per-run needs --keep N");
  return CLI_OK;
}

/* The series named in names[count] ('all': every one) as chosen[series count]
 * flags; CLI_OK, or CLI_EUSAGE after naming an unknown series with a
 * did-you-mean. The caller frees *out. Shared with orbit compare. */
int cli_choose_series(const char *command, const orb_dyn_model *m, const char *const *names,
                      size_t n, unsigned char **out) {
  size_t count = orb_dyn_series_count(m);
  unsigned char *chosen = *out = calloc(count ? count : 1, 1);
  if (!chosen) return cli_usage_error(command, "out of memory");
  for (size_t i = 0; i < n; i++) {
    if (strcmp(names[i], "all") == 0) {
      memset(chosen, 1, count);
      continue;
    }
    size_t k = orb_dyn_series_find(m, names[i]);
    if (k == ORB_NONE) {
      const char **all = malloc((count ? count : 1) * sizeof *all);
      const char *hint = NULL;
      if (all) {
        for (size_t j = 0; j < count; j++) all[j] = orb_dyn_series_name(m, j);
        hint = orb_closest_word(names[i], all, count);
      }
      fprintf(stderr, "orbit %s: no series '%s'%s%s%s (see orbit simulate --list-series)\n",
              command, names[i], hint ? " (did you mean '" : "", hint ? hint : "",
              hint ? "'?)" : "");
      free(all);
      free(chosen);
      *out = NULL;
      return CLI_EUSAGE;
    }
    chosen[k] = 1;
  }
  return CLI_OK;
}

/* --series: the chosen series (or 'all') month by month, through the writer. */
static int print_series(const char *command, const orb_dyn_model *m, const orb_dyn_summary *s,
                        const sim_args *a) {
  unsigned char *chosen = NULL;
  if (cli_choose_series(command, m, a->series, a->series_count, &chosen) != CLI_OK)
    return CLI_EUSAGE;
  int code = cli_written(command, orb_report_simulation_series(
                                         stdout, m, s, chosen, a->per_run,
                                         a->json ? ORB_FORMAT_JSON : ORB_FORMAT_CSV));
  free(chosen);
  return code;
}

/* --stances: the stances on the world's issues (or --issue's) with the simulated
 * alignment; issues whose patron has no record country or whose month is not
 * simulated are skipped unless named. Sets *st when the library fails. */
static int print_stances(const char *command, const orb_simulation *sim,
                         const orb_dyn_summary *summary, const sim_args *a, orb_status *st,
                         orb_diags *diags) {
  const orb_world *w = sim->world;
  size_t only = ORB_NONE;
  if (a->issue && (only = orb_world_issue(w, a->issue)) == ORB_NONE) {
    fprintf(stderr, "orbit %s: no issue '%s' in the world (orbit world lists them)\n", command,
            a->issue);
    return CLI_EUSAGE;
  }
  orb_sim_stances **all = calloc(w->issue_count ? w->issue_count : 1, sizeof *all);
  if (!all) return cli_usage_error(command, "out of memory");
  size_t n = 0;
  int rc = -1;
  for (size_t i = 0; i < w->issue_count && rc < 0; i++) {
    if (only != ORB_NONE && i != only) continue;
    orb_diags quiet;
    orb_diags_init(&quiet);
    orb_status s = orb_simulation_stances(sim, summary, i, &all[n], only == ORB_NONE ? &quiet : diags);
    orb_diags_free(&quiet);
    if (s == ORB_OK)
      n++;
    else if (s != ORB_EINVAL || only != ORB_NONE) { /* all issues: the ones it cannot do are skipped */
      *st = s;
      break;
    }
  }
  if (*st == ORB_OK)
    rc = cli_written(command, orb_report_sim_stances(stdout, w, (const orb_sim_stances *const *)all,
                                                     n, a->json  ? ORB_FORMAT_JSON
                                                        : a->csv ? ORB_FORMAT_CSV
                                                                 : ORB_FORMAT_TEXT));
  for (size_t i = 0; i < n; i++) orb_sim_stances_free(all[i]);
  free(all);
  return rc;
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

/* orbit simulate, and orbit series (series_operands: its operands name series). */
static int simulate(const char *command, int series_operands, int argc, char **argv) {
  sim_args a = {0};
  int rc = parse_args(command, series_operands, argc, argv, &a);
  if (rc == CLI_OK) rc = cli_ensemble_finish(command, &a.ens, 1000, argc, argv);
  orb_session *session = NULL;
  if (rc == CLI_OK) rc = cli_ensemble_load(&a.ens, &session);
  if (rc != CLI_OK) {
    free_args(&a);
    return rc;
  }
  orb_diags diags;
  orb_diags_init(&diags);
  orb_simulation *sim = NULL;
  orb_dyn_summary *summary = NULL;
  orb_dyn_validation *validation = NULL;
  orb_status st = orb_simulation_new(session, &a.ens.request, &sim, &diags);
  rc = -1; /* not yet decided: the status decides */
  if (st != ORB_OK) goto done;
  if (a.validate) {
    if ((st = orb_dyn_validate(sim->world, sim->record, &sim->settings, NULL, &validation,
                               &diags)) != ORB_OK)
      goto done;
    rc = cli_written(command, orb_report_dyn_validation(
                                  stdout, validation, a.json ? ORB_FORMAT_JSON : ORB_FORMAT_TEXT));
    goto done;
  }
  if (a.list_events || a.list_params || a.list_tests || a.list_series) {
    if (a.list_events)
      for (size_t k = 0; k < sim->inputs->event_count; k++) printf("%s\n", sim->inputs->events[k].id);
    if (a.list_params) list_params(&sim->settings);
    size_t n;
    const char *const *texts = orb_dyn_tests(sim->model, &n);
    if (a.list_tests)
      for (size_t k = 0; k < n; k++) printf("%s\n", texts[k]);
    if (a.list_series)
      for (size_t k = 0; k < orb_dyn_series_count(sim->model); k++)
        printf("%s\n", orb_dyn_series_name(sim->model, k));
    rc = cli_written(command, fflush(stdout) == 0 ? ORB_OK : ORB_EIO);
    goto done;
  }
  if ((st = orb_dyn_ensemble(sim->model, &sim->settings, &a.ens.options, &summary, &diags)) !=
      ORB_OK) {
    if (st == ORB_EINVAL) st = ORB_EPARSE; /* a refused store target: bad input, as for bargain */
    goto done;
  }
  if (a.stances)
    rc = print_stances(command, sim, summary, &a, &st, &diags);
  else if (a.series_count)
    rc = print_series(command, sim->model, summary, &a);
  else
    rc = cli_written(command, orb_report_simulation(stdout, sim->world, sim->model, summary,
                                                    a.ens.options.seed,
                                                    a.json ? ORB_FORMAT_JSON : ORB_FORMAT_TEXT));
done:;
  int code = cli_ensemble_code(command, st, &diags); /* prints the diagnostics */
  if (rc < 0) rc = code;
  orb_diags_free(&diags);
  orb_dyn_summary_free(summary);
  orb_dyn_validation_free(validation);
  orb_simulation_free(sim);
  orb_session_free(session);
  free_args(&a);
  return rc;
}

int cmd_simulate(int argc, char **argv) { return simulate("simulate", 0, argc, argv); }

const char cmd_series_help[] =
  "Usage: orbit series NAME|all ... [--per-run --keep N] [--csv | --json] [OPTIONS]\n"
  "\n"
  "Exports series of an ensemble of the month-by-month model, ready for pandas or R:\n"
  "per series and month the ensemble's quantiles (series,month,q05,q50,q95), or with\n"
  "--per-run one row per kept run and month (series,run,month,value); CSV by\n"
  "default, --json for JSON Lines. The same as orbit simulate --series NAME ...;\n"
  "it takes every option of orbit simulate (orbit help simulate). Names: orbit\n"
  "simulate --list-series (capacity:P, credibility:I, leverage:P:S, alignment:S:P,\n"
  "exit:S:I).\n"
  "\n"
  "  orbit series credibility:CSTO leverage:RUS:ARM > bands.csv\n"
  "  orbit series all --runs 200 --keep 200 --per-run --json > runs.jsonl\n"
  "\n"
  "Exit status: as orbit simulate.\n";

int cmd_series(int argc, char **argv) { return simulate("series", 1, argc, argv); }
