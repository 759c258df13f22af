/*
 * cmd_stance.c: `orbit stance`, the stance model's predictions for every state on
 * an issue, with probabilities, the observed stance, and the factors that drove
 * each (docs/MODEL.md, "Stances"); as a table, JSON or CSV.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

const char cmd_stance_help[] =
  "Usage: orbit stance [--world FILE] --issue ID [--date DATE] [--model record|world]\n"
  "                    [--record] [--json | --csv]\n"
  "\n"
  "Predicts every state's stance on an issue of the world: the probabilities of\n"
  "supporting the issue's patron, staying silent (abstaining or staying away) and\n"
  "condemning it, the predicted stance, the stance observed if the world records\n"
  "one, and the factors behind the score with their signed contributions (they\n"
  "add up to the score; positive pulls toward the patron).\n"
  "\n"
  "By default the model is the one learned from the UN General Assembly record\n"
  "(its shipped parameters, data/record/stance-params.yaml, or the world's own\n"
  "record_* parameters) for the states that are UN members, when the issue's\n"
  "patron is one; otherwise the world's own stance model, fitted on the stances\n"
  "the world records.\n"
  "\n"
  "Options:\n"
  "  --world FILE   the world file (default: the built-in post-Soviet world)\n"
  "  --issue ID     the issue, e.g. ES-11/1 (required)\n"
  "  --date DATE    compute the features as of DATE instead of the issue's date\n"
CLI_PARAMS_HELP
  "  --top N        factors shown per actor in the table (default 3, 0 for all)\n"
  "  --model M      record: the model learned from the UN record (an error when\n"
  "                 the issue's patron is no UN member); world: the world's own\n"
  "                 model (stance_* parameters)\n"
  "  --record       both, the world's model first (text; --json and --csv: the\n"
  "                 record model); the record model's factors' pulls add up to\n"
  "                 s_support - s_condemn\n"
  "  --json         print JSON: probabilities, every factor and term\n"
  "  --csv          print CSV: one row per actor, one column per factor\n"
  "  --help         show this help\n"
  "\n"
  "The world's model takes the world's stance_* parameters (fitted by 'orbit\n"
  "calibrate'), or the documented untuned defaults when it has none. Both models\n"
  "are described in docs/MODEL.md. Exit status: see 'orbit help'.\n";

enum { OPT_WORLD = 1, OPT_ISSUE, OPT_DATE, OPT_TOP, OPT_JSON, OPT_CSV, OPT_PARAMS, OPT_RECORD,
       OPT_MODEL };

/* Which models `orbit stance` shows. */
enum { MODEL_DEFAULT = 0, MODEL_RECORD, MODEL_WORLD, MODEL_BOTH };

int cmd_stance(int argc, char **argv) {
  static const cli_option options[] = {
    {"world", OPT_WORLD, 1}, {"issue", OPT_ISSUE, 1}, {"date", OPT_DATE, 1},
    {"top", OPT_TOP, 1},     {"json", OPT_JSON, 0},   {"csv", OPT_CSV, 0},
    {"params", OPT_PARAMS, 1}, {"record", OPT_RECORD, 0}, {"model", OPT_MODEL, 1},
    {NULL, 0, 0}};
  const char *world_path = NULL, *issue_id = NULL, *params = NULL, *value;
  orb_date date = ORB_DATE_NONE;
  orb_format format = ORB_FORMAT_TEXT;
  int given = 0, top = 3, id, model = MODEL_DEFAULT;
  unsigned long long number;
  cli_parser parser;
  cli_parser_init(&parser, "stance", options, argc, argv);
  while ((id = cli_next(&parser, &value)) != CLI_END) {
    switch (id) {
    case OPT_WORLD: world_path = value; break;
    case OPT_PARAMS: params = value; break;
    case OPT_RECORD: model = MODEL_BOTH; break;
    case OPT_MODEL:
      if (strcmp(value, "record") == 0) model = MODEL_RECORD;
      else if (strcmp(value, "world") == 0) model = MODEL_WORLD;
      else return cli_usage_error("stance", "--model expects 'record' or 'world', not '%s'", value);
      break;
    case OPT_ISSUE: issue_id = value; break;
    case OPT_DATE:
      if (cli_parse_date("stance", value, &date) != CLI_OK) return CLI_EUSAGE;
      break;
    case OPT_TOP:
      if (cli_parse_count(value, 0, ORB_FACTOR_COUNT, &number) != ORB_OK)
        return cli_usage_error("stance", "--top expects a number from 0 to %d, not '%s'",
                               ORB_FACTOR_COUNT, value);
      top = (int)number;
      break;
    case OPT_JSON:
    case OPT_CSV:
      if (cli_set_format("stance", &format, &given,
                         id == OPT_JSON ? ORB_FORMAT_JSON : ORB_FORMAT_CSV) != CLI_OK)
        return CLI_EUSAGE;
      break;
    case CLI_OPERAND: return cli_usage_error("stance", "unexpected argument '%s'", value);
    default: return CLI_EUSAGE;
    }
  }
  if (!issue_id) return cli_usage_error("stance", "--issue ID is required");

  orb_session *session = NULL;
  orb_session_options load = {.world_path = world_path, .params_file = params};
  if (cli_load_session(&load, &session) != CLI_OK) return CLI_EINPUT;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_stances *stances = NULL;
  orb_record *rec = NULL;
  orb_record_stances *rs = NULL;
  size_t issue;
  int code = cli_check_date(session, date);
  if (code != CLI_OK)
    ;
  else if (orb_session_issue(session, issue_id, &issue, &diags) != ORB_OK)
    code = cli_fail(&diags, CLI_EUSAGE);
  if (code == CLI_OK && model == MODEL_DEFAULT) {
    /* the record model when the patron is a UN member and the record and its
     * parameters load; else the world's, silently */
    const orb_world *w = orb_session_world(session);
    orb_diags quiet;
    orb_diags_init(&quiet);
    model = MODEL_WORLD;
    if (orb_record_load(NULL, &rec, &quiet) == ORB_OK &&
        orb_record_find_country(rec, w->actors[w->issues[issue].patron].id) != ORB_NONE &&
        orb_record_stances_new(session, rec, issue, date, &rs, &quiet) == ORB_OK) {
      if (rs->count) { /* some other state of the world is a UN member */
        model = MODEL_RECORD;
      } else {
        orb_record_stances_free(rs);
        rs = NULL;
      }
    }
    orb_diags_free(&quiet);
  }
  if (code == CLI_OK && model != MODEL_RECORD &&
      orb_stances_new(session, issue, date, &stances, &diags) != ORB_OK)
    code = cli_fail(&diags, CLI_EINPUT);
  if (code == CLI_OK && (model == MODEL_WORLD || (model == MODEL_BOTH && format == ORB_FORMAT_TEXT)))
    code = cli_written("stance", orb_report_stances(stdout, stances, format, top));
  if (code == CLI_OK && (model == MODEL_RECORD || model == MODEL_BOTH)) {
    if (!rs && ((!rec && orb_record_load(NULL, &rec, &diags) != ORB_OK) ||
                orb_record_stances_new(session, rec, issue, date, &rs, &diags) != ORB_OK)) {
      code = cli_fail(&diags, CLI_EINPUT);
    } else {
      if (model == MODEL_BOTH && format == ORB_FORMAT_TEXT) putchar('\n');
      code = cli_written("stance", orb_report_record_stances(stdout, rs, format));
    }
  }
  orb_record_stances_free(rs);
  orb_record_free(rec);
  orb_stances_free(stances);
  orb_diags_free(&diags);
  orb_session_free(session);
  return code;
}
