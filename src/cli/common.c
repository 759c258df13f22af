/*
 * common.c: helpers shared by the orbit subcommands.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

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
