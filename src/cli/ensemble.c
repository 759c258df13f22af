/*
 * ensemble.c: the options every command that runs the month-by-month model
 * shares (orbit simulate, run, compare, series): one table, one parser of their
 * values into an orb_simulation_request and orb_dyn_ensemble_options, one
 * progress bar, one exit-code rule.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

/* Appends item to a list that grows; 0 when out of memory. */
static int push(const char ***list, size_t *count, const char *item) {
  const char **grown = realloc(*list, (*count + 1) * sizeof *grown);
  if (!grown) return 0;
  grown[(*count)++] = item;
  *list = grown;
  return 1;
}

int cli_ensemble_take(cli_ensemble *e, int id, const char *value) {
  switch (id) {
  case CLI_ENS_WORLD: e->world_path = value; return 1;
  case CLI_ENS_PARAMS: e->params_path = value; return 1;
  case CLI_ENS_FROM: e->from_text = value; return 1;
  case CLI_ENS_TO: e->to_text = value; return 1;
  case CLI_ENS_RUNS: e->runs_text = value; return 1;
  case CLI_ENS_SEED: e->seed_text = value; return 1;
  case CLI_ENS_THREADS: e->threads_text = value; return 1;
  case CLI_ENS_STORE: e->options.store = value; return 1;
  case CLI_ENS_KEEP: e->keep_text = value; return 1;
  case CLI_ENS_NO_RECORD: e->request.no_record = 1; return 1;
  case CLI_ENS_SET: return push(&e->sets, &e->request.set_count, value) ? 1 : -1;
  case CLI_ENS_WITHOUT: return push(&e->without, &e->request.without_count, value) ? 1 : -1;
  case CLI_ENS_ADD: return push(&e->adds, &e->request.add_count, value) ? 1 : -1;
  default: return 0;
  }
}

/* Parses a whole number of an option in [min, max]. */
static int count(const char *command, const char *opt, const char *text, unsigned long long min,
                 unsigned long long max, unsigned long long *out) {
  if (!text || cli_parse_count(text, min, max, out) == ORB_OK) return CLI_OK;
  return cli_usage_error(command, "%s: expected a whole number from %llu to %llu, got '%s'", opt,
                         min, max, text);
}

/* Parses a month "YYYY-MM" (or YYYY, YYYY-MM-DD) into the first day of its month. */
static int month(const char *command, const char *text, orb_date *out) {
  if (!text) return CLI_OK;
  orb_date d;
  if (cli_parse_date(command, text, &d) != CLI_OK) return CLI_EUSAGE;
  int y, m;
  orb_date_to_ymd(d, &y, &m, NULL);
  *out = orb_date_from_ymd(y, m, 1);
  return CLI_OK;
}

/* The progress bar (orb_report_progress) of an ensemble; context: a cli_ensemble. */
static void progress(size_t done, size_t total, void *context) {
  const cli_ensemble *e = context;
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  double s = (double)(t.tv_sec - e->start.tv_sec) + 1e-9 * (double)(t.tv_nsec - e->start.tv_nsec);
  (void)orb_report_progress(stderr, done, total, s);
}

int cli_ensemble_finish(const char *command, cli_ensemble *e, size_t runs, int argc,
                        char **argv) {
  unsigned long long n = runs, threads = 0, keep = 0;
  uint64_t seed = 1;
  e->request.from = e->request.to = ORB_DATE_NONE;
  e->request.sets = e->sets;
  e->request.without = e->without;
  e->request.adds = e->adds;
  int rc = count(command, "--runs", e->runs_text, 1, 100000000000ULL, &n);
  if (rc == CLI_OK && e->seed_text && orb_seed_parse(e->seed_text, &seed) != ORB_OK)
    rc = cli_usage_error(command, "--seed expects a whole number from 0 to 2^64 - 1, not '%s'",
                         e->seed_text);
  if (rc == CLI_OK) rc = count(command, "--threads", e->threads_text, 1, 1024, &threads);
  if (rc == CLI_OK) rc = count(command, "--keep", e->keep_text, 0, 100000, &keep);
  if (rc == CLI_OK) rc = month(command, e->from_text, &e->request.from);
  if (rc == CLI_OK) rc = month(command, e->to_text, &e->request.to);
  if (rc != CLI_OK) return rc;
  size_t len = (size_t)snprintf(e->description, sizeof e->description, "orbit %s", command);
  for (int i = 1; i < argc && len < sizeof e->description; i++)
    len += (size_t)snprintf(e->description + len, sizeof e->description - len, " %s", argv[i]);
  clock_gettime(CLOCK_MONOTONIC, &e->start);
  e->options.runs = (size_t)n;
  e->options.seed = seed;
  e->options.threads = (int)threads;
  e->options.keep = (size_t)keep;
  e->options.description = e->description;
  e->options.progress = isatty(2) ? progress : NULL; /* quiet unless stderr is a terminal */
  e->options.context = e;
  return CLI_OK;
}

int cli_ensemble_load(const cli_ensemble *e, orb_session **session) {
  orb_session_options load = {.world_path = e->world_path, .params_file = e->params_path};
  return cli_load_session(&load, session);
}

int cli_ensemble_code(const char *command, orb_status status, const orb_diags *diags) {
  for (size_t k = 0; k < diags->count; k++)
    fprintf(stderr, "orbit %s: %s%s%s\n", command, diags->items[k].file ? diags->items[k].file : "",
            diags->items[k].file ? ": " : "", diags->items[k].message);
  if (status == ORB_OK) return CLI_OK;
  if (status == ORB_ENOMEM && !diags->count) fprintf(stderr, "orbit %s: out of memory\n", command);
  return status == ORB_EINVAL || status == ORB_ENOTFOUND || status == ORB_ELIMIT ? CLI_EUSAGE
       : status == ORB_EIO ? CLI_EOUTPUT : CLI_EINPUT;
}

void cli_ensemble_free(cli_ensemble *e) {
  free(e->sets);
  free(e->without);
  free(e->adds);
}
