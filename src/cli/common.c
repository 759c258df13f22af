/*
 * common.c: helpers shared by the orbit subcommands.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "orbit/events.h"

/* Files of coded events that every world loaded by the command gets (orbit run
 * --events), beside those its own `coded_events:` names. */
static char *const *extra_event_files;
static size_t extra_event_file_count;
static int merges_reported; /* print what each merge added once per command */
static const char *params_file; /* --params */

void cli_set_params_file(const char *path) { params_file = path; }

void cli_add_event_files(char *const *files, size_t count) {
  extra_event_files = files;
  extra_event_file_count = count;
}

/* Merges the coded events of file into *world (which the result then owns),
 * printing what was added; NULL (world freed) when the file is bad. */
static orb_world *merge_event_file(orb_world *world, const char *file) {
  orb_world *merged = NULL;
  orb_merge_stats stats = {0};
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status status = orb_world_merge_events_file(world, file, &merged, &stats, &diags);
  if (status != ORB_OK) {
    orb_diags_print(&diags, stderr);
    fprintf(stderr, "orbit: %s: coded events not merged (%s)\n", file, orb_status_str(status));
    orb_diags_free(&diags);
    orb_world_free(world);
    return NULL;
  }
  orb_diags_free(&diags);
  orb_world_adopt(merged, world);
  if (!merges_reported)
    fprintf(stderr,
          "orbit: %s: %zu coded events added to the timeline, %zu duplicates of held "
          "events merged; skipped %zu with an actor not in the world, %zu untyped, "
          "%zu undated, %zu outside the world's span\n",
          file, stats.added, stats.duplicates, stats.unknown_actor, stats.untyped,
          stats.undated, stats.outside);
  return merged;
}

orb_world *cli_load_world(const char *path) {
  if (!path) path = orb_world_default_path();
  orb_world *world = NULL;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status status = orb_world_load(path, &world, &diags);
  if (status != ORB_OK) {
    orb_diags_print(&diags, stderr);
    fprintf(stderr, "orbit: %s: %zu error%s, world not loaded\n", path,
            diags.count, diags.count == 1 ? "" : "s");
  }
  orb_diags_free(&diags);
  size_t own = world ? world->coded_event_file_count : 0;
  const char *const *own_files = world ? world->coded_event_files : NULL;
  for (size_t i = 0; world && i < own; i++) world = merge_event_file(world, own_files[i]);
  for (size_t i = 0; world && i < extra_event_file_count; i++)
    world = merge_event_file(world, extra_event_files[i]);
  if (world) merges_reported = 1;
  if (world && params_file) {
    orb_world *with = NULL;
    orb_diags_init(&diags);
    status = orb_world_with_params(world, params_file, &with, &diags);
    orb_diags_print(&diags, stderr);
    orb_diags_free(&diags);
    if (status != ORB_OK) {
      fprintf(stderr, "orbit: %s: parameters not loaded\n", params_file);
      orb_world_free(world);
      return NULL;
    }
    orb_world_adopt(with, world);
    world = with;
  }
  return world;
}

int cli_parse_date(const char *text, orb_date *date) {
  if (orb_date_parse(text, strlen(text), date, NULL) != ORB_OK) {
    fprintf(stderr, "orbit: invalid date '%s' (expected YYYY, YYYY-MM or YYYY-MM-DD)\n",
            text);
    return CLI_EUSAGE;
  }
  return CLI_OK;
}

int cli_usage_error(const char *command, const char *format, ...) {
  va_list args;
  va_start(args, format);
  fprintf(stderr, "orbit %s: ", command);
  vfprintf(stderr, format, args);
  fprintf(stderr, "; see 'orbit help %s'\n", command);
  va_end(args);
  return CLI_EUSAGE;
}

void cli_print_help(const cli_command *command, FILE *out) {
  fputs(command->help, out);
}
