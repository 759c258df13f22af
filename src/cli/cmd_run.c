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
  "  --help          show this help\n"
  "\n"
  "For machine-readable output, run the sections' commands with --json.\n";

enum { RUN_MAX_EVENT_FILES = 64, RUN_MAX_ARGS = 8 };

/* Runs one section: a subcommand with its arguments, under a heading. */
static int run_section(const char *heading, int (*command)(int, char **), char **args,
                       int count) {
  printf("\n======== %s ========\n\n", heading);
  fflush(stdout);
  optind = 0; /* glibc: start the next getopt_long scan afresh */
  int status = command(count, args);
  fflush(stdout);
  return status;
}

/* Appends --world FILE to args when a world was named. */
static int add_world(char **args, int count, char *world_path) {
  if (!world_path) return count;
  args[count++] = "--world";
  args[count++] = world_path;
  return count;
}

int cmd_run(int argc, char **argv) {
  static const struct option options[] = {
    {"world", required_argument, NULL, 'w'}, {"events", required_argument, NULL, 'e'},
    {"date", required_argument, NULL, 'd'},  {NULL, 0, NULL, 0}};
  char *world_path = NULL, *date_text = NULL;
  static char *event_files[RUN_MAX_EVENT_FILES];
  size_t event_file_count = 0;
  orb_date date = ORB_DATE_NONE;
  int option;
  opterr = 0;
  while ((option = getopt_long(argc, argv, ":", options, NULL)) != -1) {
    switch (option) {
    case 'w': world_path = optarg; break;
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

  char *args[RUN_MAX_ARGS];
  int status = CLI_OK, count;
  char heading[160];

  count = 0;
  args[count++] = "world";
  count = add_world(args, count, world_path);
  args[count++] = "--date";
  args[count++] = date_text;
  snprintf(heading, sizeof heading, "The world on %s", date_text);
  status |= run_section(heading, cmd_world, args, count);

  for (size_t i = 0; i < world->issue_count; i++) {
    count = 0;
    args[count++] = "stance";
    count = add_world(args, count, world_path);
    args[count++] = "--issue";
    args[count++] = (char *)world->issues[i].id;
    snprintf(heading, sizeof heading, "Stances on %s: %s", world->issues[i].id,
             world->issues[i].title);
    status |= run_section(heading, cmd_stance, args, count);
  }

  count = 0;
  args[count++] = "align";
  count = add_world(args, count, world_path);
  args[count++] = "--date";
  args[count++] = date_text;
  snprintf(heading, sizeof heading, "Alignment landscape on %s", date_text);
  status |= run_section(heading, cmd_align, args, count);

  for (size_t i = 0; i < world->bargain_count; i++) {
    count = 0;
    args[count++] = "bargain";
    count = add_world(args, count, world_path);
    args[count++] = "--issue";
    args[count++] = (char *)world->bargains[i].id;
    snprintf(heading, sizeof heading, "Bargain %s: %s", world->bargains[i].id,
             world->bargains[i].title);
    status |= run_section(heading, cmd_bargain, args, count);
  }
  orb_world_free(world);
  return status ? CLI_EINPUT : CLI_OK;
}
