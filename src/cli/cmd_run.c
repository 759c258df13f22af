/*
 * cmd_run.c: `orbit run`, a world end to end: coded events merged into its
 * timeline, its state on a date, the stances on each of its issues, the
 * alignment landscape, and each bargaining issue. Each section is the subcommand
 * of the same name, run on the same world.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

const char cmd_run_help[] =
  "Usage: orbit run [--world FILE] [--events FILE]... [--date DATE]\n"
  "\n"
  "Runs a world end to end (the built-in post-Soviet world when no FILE is given):\n"
  "  1. merges coded events (--events, and the world's coded_events:) into its\n"
  "     timeline, duplicates of events it holds merged away;\n"
  "  2. its state on DATE: institutions and ties (orbit world --date);\n"
  "  3. the stances on each of its issues, with the factors behind them\n"
  "     (orbit stance --issue);\n"
  "  4. the alignment landscape on DATE (orbit align --date);\n"
  "  5. each bargaining issue (orbit bargain --issue).\n"
  "\n"
  "From articles to a simulation in two commands:\n"
  "  orbit code article.txt --date 2024-08-10 --json > events.jsonl\n"
  "  orbit run --events events.jsonl\n"
  "\n"
  "Options:\n"
  "  --world FILE    the world file\n"
  "  --events FILE   coded events, the JSON Lines of `orbit code --json`; repeatable\n"
  "  --date DATE     the date of sections 2 and 4 (default: the latest event's)\n"
  "  --params FILE   the parameters of FILE (a world, or a file holding only\n"
  "                  `parameters:`) in place of the world's of the same name\n"
  "  --help          show this help\n"
  "\n"
  "For machine-readable output, run the sections' commands with --json.\n";

enum { RUN_MAX_EVENT_FILES = 64 };

/* Runs one section under a heading: `orbit NAME [--world W] OPTION VALUE`. */
static int run_section(const char *heading, int (*command)(int, char **), char *name,
                       char *world_path, char *option, char *value) {
  char *args[6];
  int count = 0;
  args[count++] = name;
  if (world_path) {
    args[count++] = "--world";
    args[count++] = world_path;
  }
  args[count++] = option;
  args[count++] = value;
  printf("\n======== %s ========\n\n", heading);
  fflush(stdout);
  optind = 0; /* glibc: start the next getopt_long scan afresh */
  int status = command(count, args);
  fflush(stdout);
  return status;
}

int cmd_run(int argc, char **argv) {
  static const struct option options[] = {
    {"world", required_argument, NULL, 'w'}, {"events", required_argument, NULL, 'e'},
    {"date", required_argument, NULL, 'd'},  {"params", required_argument, NULL, 'P'},
    {NULL, 0, NULL, 0}};
  char *world_path = NULL, *date_text = NULL;
  static char *event_files[RUN_MAX_EVENT_FILES];
  size_t event_file_count = 0;
  orb_date date = ORB_DATE_NONE;
  int option;
  opterr = 0;
  while ((option = getopt_long(argc, argv, ":", options, NULL)) != -1) {
    switch (option) {
    case 'w': world_path = optarg; break;
    case 'P': cli_set_params_file(optarg); break;
    case 'e':
      if (event_file_count == RUN_MAX_EVENT_FILES)
        return cli_usage_error("run", "at most %d --events files", RUN_MAX_EVENT_FILES);
      event_files[event_file_count++] = optarg;
      break;
    case 'd':
      if (cli_parse_date(optarg, &date) != CLI_OK) return CLI_EUSAGE;
      date_text = optarg;
      break;
    case ':': return cli_usage_error("run", "option '%s' needs a value", argv[optind - 1]);
    default: return cli_usage_error("run", "unknown option '%s'", argv[optind - 1]);
    }
  }
  if (optind < argc) return cli_usage_error("run", "unexpected argument '%s'", argv[optind]);
  cli_add_event_files(event_files, event_file_count);

  orb_world *world = cli_load_world(world_path);
  if (!world) return CLI_EINPUT;
  char latest[11];
  if (!date_text) {
    date = world->event_count ? world->events[world->event_count - 1].date : world->end;
    orb_date_format(date, ORB_PREC_DAY, latest);
    date_text = latest;
  } else if (date < world->start || date > world->end) {
    fprintf(stderr, "orbit run: date %s is outside the world\n", date_text);
    orb_world_free(world);
    return CLI_EUSAGE;
  }
  printf("orbit run: %s, %zu events in the timeline, as of %s\n", world->path,
         world->event_count, date_text);

  int status = CLI_OK;
  char heading[160];
  snprintf(heading, sizeof heading, "The world on %s", date_text);
  status |= run_section(heading, cmd_world, "world", world_path, "--date", date_text);
  for (size_t i = 0; i < world->issue_count; i++) {
    const orb_issue *issue = &world->issues[i];
    snprintf(heading, sizeof heading, "Stances on %s: %s", issue->id, issue->title);
    status |= run_section(heading, cmd_stance, "stance", world_path, "--issue",
                          (char *)issue->id);
  }
  snprintf(heading, sizeof heading, "Alignment landscape on %s", date_text);
  status |= run_section(heading, cmd_align, "align", world_path, "--date", date_text);
  for (size_t i = 0; i < world->bargain_count; i++) {
    const orb_bargain_issue *bargain = &world->bargains[i];
    snprintf(heading, sizeof heading, "Bargain %s: %s", bargain->id, bargain->title);
    status |= run_section(heading, cmd_bargain, "bargain", world_path, "--issue",
                          (char *)bargain->id);
  }
  orb_world_free(world);
  return status ? CLI_EINPUT : CLI_OK;
}
