/*
 * cmd_world.c: `orbit world`, a readable or JSON summary of a world file, as a
 * whole or as of a date, and `--check` to validate one.
 */
#include <stdio.h>

#include "cli/cli.h"

const char cmd_world_help[] =
  "Usage: orbit world [FILE] [--date YYYY-MM-DD] [--json]\n"
  "       orbit world --check FILE\n"
  "\n"
  "Summarises a world file (the built-in post-Soviet world when FILE is omitted):\n"
  "actors, institutions with their dated memberships, ties per type, events per\n"
  "year, issues, and how many figures are sourced or marked as assumptions.\n"
  "\n"
  "Options:\n"
  "  --world FILE   the world file (same as the FILE argument)\n"
  "  --date DATE    show the world as of DATE: who is in which institution\n"
  "                 (member, suspended, observer) and which ties hold\n"
  "  --json         print the summary as JSON\n"
  "  --check        only validate FILE; print 'ok' or every error\n"
  "  --help         show this help\n"
  "\n"
  "The file format is documented in docs/WORLD.md.\n";

enum { OPT_WORLD = 1, OPT_DATE, OPT_JSON, OPT_CHECK };

int cmd_world(int argc, char **argv) {
  static const cli_option options[] = {{"world", OPT_WORLD, 1}, {"date", OPT_DATE, 1},
                                       {"json", OPT_JSON, 0},   {"check", OPT_CHECK, 0},
                                       {NULL, 0, 0}};
  const char *path = NULL, *value;
  orb_date date = ORB_DATE_NONE;
  orb_format format = ORB_FORMAT_TEXT;
  int check = 0, given = 0, id;
  cli_parser parser;
  cli_parser_init(&parser, "world", options, argc, argv);
  while ((id = cli_next(&parser, &value)) != CLI_END) {
    switch (id) {
    case OPT_WORLD:
    case CLI_OPERAND:
      if (path) return cli_usage_error("world", "give the world once, as FILE or --world");
      path = value;
      break;
    case OPT_DATE:
      if (cli_parse_date("world", value, &date) != CLI_OK) return CLI_EUSAGE;
      break;
    case OPT_JSON:
      if (cli_set_format("world", &format, &given, ORB_FORMAT_JSON) != CLI_OK)
        return CLI_EUSAGE;
      break;
    case OPT_CHECK: check = 1; break;
    default: return CLI_EUSAGE;
    }
  }
  if (check && !path) return cli_usage_error("world", "--check needs a FILE");

  orb_session *session = NULL;
  if (cli_load_session(&(orb_session_options){.world_path = path}, &session) != CLI_OK) return CLI_EINPUT;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_state *state = NULL;
  int code = cli_check_date(session, date);
  if (code != CLI_OK)
    ;
  else if (check)
    code = cli_written("world", orb_report_check(stdout, orb_session_world(session)));
  else if (orb_state_new(session, date, &state, &diags) != ORB_OK)
    code = cli_fail(&diags, CLI_EINPUT);
  else
    code = cli_written("world", orb_report_state(stdout, state, format));
  orb_state_free(state);
  orb_diags_free(&diags);
  orb_session_free(session);
  return code;
}
