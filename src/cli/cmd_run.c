/*
 * cmd_run.c: `orbit run`, a world end to end: coded events merged into its
 * timeline, its state on a date, the stances on each of its issues, the
 * alignment landscape, and each bargaining issue, all computed by one library
 * call (orb_run_new) and printed by one writer (orb_report_run).
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"

const char cmd_run_help[] =
  "Usage: orbit run [--world FILE] [--events FILE]... [--date DATE] [--from YYYY-MM]\n"
  "                 [--to YYYY-MM] [--runs N] [--seed S] [--threads T] [--set NAME=VALUE ...]\n"
  "                 [--without-event ID ...] [--add-event SPEC ...] [--store FILE]\n"
  "\n"
  "Runs a world end to end (the built-in post-Soviet world when no FILE is given):\n"
  "  1. merges coded events (--events, and the world's coded_events:) into its\n"
  "     timeline, duplicates of events it holds merged away;\n"
  "  2. its state on DATE: institutions and ties (orbit world --date);\n"
  "  3. the stances on each of its issues, with the factors behind them\n"
  "     (orbit stance --issue);\n"
  "  4. the alignment landscape on DATE (orbit align --date);\n"
  "  5. each bargaining issue (orbit bargain --issue);\n"
  "  6. an ensemble of the world month by month with the shipped record (orbit\n"
  "     simulate): the credibility of each alliance, the free capacity of each pole,\n"
  "     its leverage over each state and each member's hazard of leaving, median\n"
  "     and 5-95% band at the end of 2021, 2022, 2024 and in the last month.\n"
  "\n"
  "From articles to a simulation in two commands:\n"
  "  orbit code article.txt --date 2024-08-10 --json > events.jsonl\n"
  "  orbit run --events events.jsonl\n"
  "\n"
  "Options:\n"
  "  --events FILE        coded events, the JSON Lines of `orbit code --json`; repeatable\n"
  "  --date DATE          the date of sections 2 and 4 (default: the latest event's)\n"
  "  --help               show this help\n"
  "The options of the ensemble (section 6), as orbit simulate's (--world and --params\n"
  "hold for every section):\n"
  CLI_ENSEMBLE_HELP
  "\n"
  "For machine-readable output, run the sections' commands with --json.\n";

enum { OPT_EVENTS = 1, OPT_DATE };

int cmd_run(int argc, char **argv) {
  static const cli_option options[] = {
    CLI_ENSEMBLE_OPTIONS, {"events", OPT_EVENTS, 1}, {"date", OPT_DATE, 1}, {NULL, 0, 0}};
  const char *value;
  const char **event_files = calloc((size_t)argc + 1, sizeof *event_files);
  size_t event_file_count = 0;
  orb_date date = ORB_DATE_NONE;
  cli_ensemble e = {0};
  int id, code = event_files ? CLI_OK : CLI_EINPUT;
  cli_parser parser;
  cli_parser_init(&parser, "run", options, argc, argv);
  while (code == CLI_OK && (id = cli_next(&parser, &value)) != CLI_END) {
    int taken = cli_ensemble_take(&e, id, value);
    if (taken < 0) code = cli_usage_error("run", "out of memory");
    if (taken) continue;
    switch (id) {
    case OPT_EVENTS: event_files[event_file_count++] = value; break;
    case OPT_DATE: code = cli_parse_date("run", value, &date); break;
    case CLI_OPERAND: code = cli_usage_error("run", "unexpected argument '%s'", value); break;
    default: code = CLI_EUSAGE; break;
    }
  }
  if (code == CLI_OK) code = cli_ensemble_finish("run", &e, ORB_RUN_ENSEMBLE_RUNS, argc, argv);
  orb_session *session = NULL;
  if (code == CLI_OK) {
    orb_session_options load = {e.world_path, (const char *const *)event_files,
                                event_file_count, e.params_path};
    code = cli_load_session(&load, &session);
  }
  if (code == CLI_OK) code = cli_check_date(session, date);
  orb_diags diags;
  orb_diags_init(&diags);
  orb_run *run = NULL;
  orb_simulation *sim = NULL;
  if (code == CLI_OK) /* the ensemble's arguments first: an unknown parameter is bad usage */
    code = cli_ensemble_code("run", orb_simulation_new(session, &e.request, &sim, &diags), &diags);
  orb_diags_free(&diags); /* printed */
  orb_diags_init(&diags);
  orb_status st = ORB_OK;
  if (code == CLI_OK && (st = orb_run_new_with(session, date, sim, &e.options, &run, &diags)) != ORB_OK)
    code = cli_fail(&diags, st == ORB_EIO ? CLI_EOUTPUT : CLI_EINPUT);
  if (code == CLI_OK) code = cli_written("run", orb_report_run(stdout, run, ORB_FORMAT_TEXT));
  orb_run_free(run);
  orb_diags_free(&diags);
  orb_session_free(session);
  cli_ensemble_free(&e);
  free(event_files);
  return code;
}
