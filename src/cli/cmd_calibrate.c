/*
 * cmd_calibrate.c: `orbit calibrate`, fits the stance model to the observed
 * stances of a world (docs/MODEL.md, "Calibration"), prints the fitted
 * parameters, the nested leave-one-country-out scores beside the two baselines
 * and every held-out prediction, and with --write stores the parameters in a
 * world file.
 */
#include <stdio.h>

#include "cli/cli.h"

const char cmd_calibrate_help[] =
  "Usage: orbit calibrate [--world FILE] [--write FILE] [--json]\n"
  "\n"
  "Fits the stance model by penalised maximum likelihood (an ordered logit with\n"
  "sign constraints and an L2 penalty chosen by leave-one-country-out log-loss) to\n"
  "every observed stance the world records, the patrons' own excepted. Prints the\n"
  "fitted parameters, then the nested leave-one-country-out accuracy and log-loss\n"
  "of the model beside two baselines measured on the same folds (the majority\n"
  "class; the stance of the country's closest ally), and each held-out prediction.\n"
  "The run is deterministic: the same world gives the same bytes.\n"
  "\n"
  "Options:\n"
  "  --world FILE   the world file (default: the built-in post-Soviet world)\n"
CLI_PARAMS_HELP
  "  --write FILE   store the fitted stance_* parameters, with fitted_by, in the\n"
  "                 world file FILE (often the same file), replacing those there;\n"
  "                 FILE is left untouched if the result would not load\n"
  "  --json         print the same as JSON\n"
  "  --help         show this help\n"
  "\n"
  "The procedure is documented in docs/MODEL.md. Exit status: see 'orbit help'\n"
  "(too few observed stances are bad input).\n";

enum { OPT_WORLD = 1, OPT_WRITE, OPT_JSON, OPT_PARAMS };

int cmd_calibrate(int argc, char **argv) {
  static const cli_option options[] = {
    {"world", OPT_WORLD, 1}, {"write", OPT_WRITE, 1}, {"json", OPT_JSON, 0},
    {"params", OPT_PARAMS, 1}, {NULL, 0, 0}};
  const char *world_path = NULL, *write_path = NULL, *params = NULL, *value;
  orb_format format = ORB_FORMAT_TEXT;
  int given = 0, id;
  cli_parser parser;
  cli_parser_init(&parser, "calibrate", options, argc, argv);
  while ((id = cli_next(&parser, &value)) != CLI_END) {
    switch (id) {
    case OPT_WORLD: world_path = value; break;
    case OPT_PARAMS: params = value; break;
    case OPT_WRITE: write_path = value; break;
    case OPT_JSON:
      if (cli_set_format("calibrate", &format, &given, ORB_FORMAT_JSON) != CLI_OK)
        return CLI_EUSAGE;
      break;
    case CLI_OPERAND: return cli_usage_error("calibrate", "unexpected argument '%s'", value);
    default: return CLI_EUSAGE;
    }
  }
  orb_session *session = NULL;
  orb_session_options load = {.world_path = world_path, .params_file = params};
  if (cli_load_session(&load, &session) != CLI_OK) return CLI_EINPUT;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_calibration *c = NULL;
  int code = CLI_OK;
  if (orb_calibration_new(session, &c, &diags) != ORB_OK)
    code = cli_fail(&diags, CLI_EINPUT);
  else
    code = cli_written("calibrate", orb_report_calibration(stdout, c, format));
  if (code == CLI_OK && write_path) {
    const orb_stance_calibration *fit = &c->fit;
    if (orb_stance_write_params(write_path, &fit->model, fit->fitted_interaction,
                                c->fitted_by, &diags) != ORB_OK) {
      orb_diags_print(&diags, stderr);
      fprintf(stderr, "orbit calibrate: parameters not written to %s\n", write_path);
      code = CLI_EINPUT; /* FILE must be a readable world file */
    } else {
      fprintf(format == ORB_FORMAT_JSON ? stderr : stdout,
              "%sWrote the fitted stance parameters to %s\n",
              format == ORB_FORMAT_JSON ? "" : "\n", write_path);
    }
  }
  orb_calibration_free(c);
  orb_diags_free(&diags);
  orb_session_free(session);
  return code;
}
