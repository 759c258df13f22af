/*
 * cmd_bargain.c: `orbit bargain`, plays a bargaining scenario (KTAB's CSV or XML
 * format, or a world's bargaining issue) with KTAB's Spatial Model of Politics and
 * prints every actor's position per turn, the final position probabilities and
 * the outcome.
 */
#include <stdio.h>

#include "cli/cli.h"

const char cmd_bargain_help[] =
  "Usage: orbit bargain FILE [--json|--csv] [--seed S] [--runs N] [--threads N]\n"
  "                     [--store DB] [model options]\n"
  "       orbit bargain --issue ID [--world F] [the same options]\n"
  "\n"
  "Plays a bargaining scenario with KTAB's Spatial Model of Politics: actors with a\n"
  "capability, a position and a salience on each policy dimension challenge each\n"
  "other and settle on compromises, turn by turn, until positions stop moving.\n"
  "FILE is a KTAB scenario, CSV or XML (examples in data/bargain/). Prints each\n"
  "actor's position at every turn, the probability of each final position, and\n"
  "per dimension the probability-weighted outcome and the most probable position.\n"
  "With --issue, the scenario is the bargaining issue ID of a world file\n"
  "(`bargains:` in docs/WORLD.md; e.g. EAEU-grain-2022 in the built-in world).\n"
  "\n"
  "Options:\n"
  "  --json            print everything as JSON\n"
  "  --csv             print run,turn,actor,dimension,position,probability rows\n"
  "  --seed S          seed of the stochastic runs (default: the file's <prngSeed>,\n"
  "                    else 15455440707583219804)\n"
  "  --runs N          play N stochastic runs in parallel and summarise the\n"
  "                    distribution of outcomes (implies --transitions Stochastic)\n"
  "  --threads N       OpenMP threads (results do not depend on it). Default: one\n"
  "                    per run up to the processors (or OMP_NUM_THREADS) for\n"
  "                    --runs N, and one thread for a single run of fewer than\n"
  "                    250 actors, where threads only wait at barriers\n"
  "  --store DB        also write every run's history to the SQLite file DB\n"
  "  --turn-probs      compute the position probabilities of every turn, not\n"
  "                    only the last\n"
  "  --max-turns N     stop after N turns at most (default 100)\n"
  "  --capability ATTR take each actor's capability from the world's numeric\n"
  "                    attribute ATTR (e.g. gdp_usd) of the actor whose id is the\n"
  "                    actor's name in FILE (with its source in the world)\n"
  "  --issue ID        play the world's bargaining issue ID instead of a FILE\n"
  "  --world F         the world for --issue and --capability (default: the\n"
  "                    built-in world)\n"
  "  --year Y          latest value of a year up to Y (default: the latest)\n"
  "  --help            show this help\n"
  "\n"
  "Model options (KTAB's names; the defaults are KTAB's; an XML file's\n"
  "<ModelParameters> override the defaults, and these override both):\n"
  "  --victory    Linear|Square|Quartic|Octic|Binary        (Linear)\n"
  "  --voting     Binary|PropBin|Prop|PropCbc|Cubic|ASymProsp (Prop)\n"
  "  --pce        Conditional|MarkovIncentive|MarkovUniform  (Conditional)\n"
  "  --transitions Deterministic|Stochastic                  (Deterministic)\n"
  "  --risk-range Min|Mid|Max                                (Mid)\n"
  "  --risk-adjust None|OneThird|Half|TwoThirds|Full         (OneThird)\n"
  "  --commit     NoCommit|SemiCommit|FullCommit             (SemiCommit)\n"
  "  --interp     S1P1|S2P2|S2PMax                           (S2P2)\n"
  "  --bargain-model InitOnlyInterp|InitRcvrInterp|PWCompInterp (InitOnlyInterp)\n"
  "\n"
  "The model and its equations are in docs/MODEL.md, section Bargaining.\n";

#define MAX_RUNS 1000000

enum {
  OPT_JSON = 1, OPT_CSV, OPT_SEED, OPT_RUNS, OPT_THREADS, OPT_STORE, OPT_TURN_PROBS,
  OPT_MAX_TURNS, OPT_CAPABILITY, OPT_WORLD, OPT_ISSUE, OPT_YEAR,
  OPT_MODEL = 1000 /* + orb_bargain_option */
};

/* Long options; model options map to orb_bargain_option by id - OPT_MODEL. */
static const cli_option options[] = {
  {"json", OPT_JSON, 0},
  {"csv", OPT_CSV, 0},
  {"seed", OPT_SEED, 1},
  {"runs", OPT_RUNS, 1},
  {"threads", OPT_THREADS, 1},
  {"store", OPT_STORE, 1},
  {"turn-probs", OPT_TURN_PROBS, 0},
  {"max-turns", OPT_MAX_TURNS, 1},
  {"capability", OPT_CAPABILITY, 1},
  {"world", OPT_WORLD, 1},
  {"issue", OPT_ISSUE, 1},
  {"year", OPT_YEAR, 1},
  {"victory", OPT_MODEL + ORB_BOPT_VICTORY, 1},
  {"voting", OPT_MODEL + ORB_BOPT_VOTING, 1},
  {"pce", OPT_MODEL + ORB_BOPT_PCE, 1},
  {"transitions", OPT_MODEL + ORB_BOPT_TRANSITIONS, 1},
  {"risk-range", OPT_MODEL + ORB_BOPT_RISK_RANGE, 1},
  {"risk-adjust", OPT_MODEL + ORB_BOPT_RISK_ADJUST, 1},
  {"commit", OPT_MODEL + ORB_BOPT_COMMIT, 1},
  {"interp", OPT_MODEL + ORB_BOPT_INTERP, 1},
  {"bargain-model", OPT_MODEL + ORB_BOPT_MODEL, 1},
  {NULL, 0, 0}};

/* What the command line asks for. */
typedef struct bargain_args {
  orb_format format;
  const char *file, *capability, *world_path, *issue;
  int year;
  orb_bargaining_request request;
} bargain_args;

/* Parses the command line into args; returns CLI_OK or CLI_EUSAGE. */
static int parse_args(int argc, char **argv, bargain_args *a) {
  *a = (bargain_args){.format = ORB_FORMAT_TEXT, .year = 9999};
  orb_bargaining_request_default(&a->request);
  orb_bargaining_request *r = &a->request;
  const char *value;
  int id, given = 0, operands = 0;
  unsigned long long n;
  cli_parser parser;
  cli_parser_init(&parser, "bargain", options, argc, argv);
  while ((id = cli_next(&parser, &value)) != CLI_END) {
    switch (id) {
    case OPT_JSON:
    case OPT_CSV:
      if (cli_set_format("bargain", &a->format, &given,
                         id == OPT_JSON ? ORB_FORMAT_JSON : ORB_FORMAT_CSV) != CLI_OK)
        return CLI_EUSAGE;
      break;
    case OPT_SEED:
      if (orb_seed_parse(value, &r->seed) != ORB_OK)
        return cli_usage_error("bargain", "--seed expects a whole number from 0 to "
                               "2^64 - 1, not '%s'", value);
      r->has_seed = 1;
      break;
    case OPT_RUNS:
      if (cli_parse_count(value, 1, MAX_RUNS, &n) != ORB_OK)
        return cli_usage_error("bargain", "--runs needs a number from 1 to %d", MAX_RUNS);
      r->runs = (size_t)n;
      break;
    case OPT_THREADS:
      if (cli_parse_count(value, 1, 1024, &n) != ORB_OK)
        return cli_usage_error("bargain", "--threads needs a number from 1 to 1024");
      r->threads = (int)n;
      break;
    case OPT_STORE: r->store = value; break;
    case OPT_CAPABILITY: a->capability = value; break;
    case OPT_WORLD: a->world_path = value; break;
    case OPT_ISSUE: a->issue = value; break;
    case OPT_YEAR:
      if (cli_parse_count(value, 1000, 2999, &n) != ORB_OK)
        return cli_usage_error("bargain", "--year needs a year from 1000 to 2999");
      a->year = (int)n;
      break;
    case OPT_TURN_PROBS: r->turn_probabilities = 1; break;
    case OPT_MAX_TURNS:
      if (cli_parse_count(value, 1, 100000, &n) != ORB_OK)
        return cli_usage_error("bargain", "--max-turns needs a number from 1 to 100000");
      r->max_turns = (unsigned)n;
      break;
    case CLI_OPERAND:
      a->file = value;
      operands++;
      break;
    case CLI_BAD: return CLI_EUSAGE;
    default: { /* a model option: checked here, applied over the file's */
      orb_bargain_option k = (orb_bargain_option)(id - OPT_MODEL);
      orb_bargain_options probe;
      orb_bargain_options_default(&probe);
      if (orb_bargain_options_set(&probe, k, value) != ORB_OK)
        return cli_usage_error("bargain", "unknown %s '%s'", orb_bargain_option_key(k), value);
      r->option_values[k] = value;
      break;
    }
    }
  }
  if (a->world_path && !a->capability && !a->issue)
    return cli_usage_error("bargain", "--world is used with --issue ID or --capability ATTR");
  if (a->issue && operands)
    return cli_usage_error("bargain", "give a scenario FILE or --issue ID, not both");
  if (!a->issue && operands != 1)
    return cli_usage_error("bargain", operands ? "expected one scenario FILE"
                                               : "missing the scenario FILE");
  if (r->runs > 1 && r->option_values[ORB_BOPT_TRANSITIONS]) {
    orb_bargain_options probe;
    orb_bargain_options_default(&probe);
    orb_bargain_options_set(&probe, ORB_BOPT_TRANSITIONS, r->option_values[ORB_BOPT_TRANSITIONS]);
    if (probe.transitions != ORB_TRANSITION_STOCHASTIC)
      return cli_usage_error("bargain", "--runs %zu needs Stochastic transitions", r->runs);
  }
  return CLI_OK;
}

int cmd_bargain(int argc, char **argv) {
  bargain_args a;
  int code = parse_args(argc, argv, &a);
  if (code != CLI_OK) return code;
  orb_session *session = NULL;
  if ((a.issue || a.capability) &&
      cli_load_session(&(orb_session_options){.world_path = a.world_path}, &session) != CLI_OK)
    return CLI_EINPUT;

  char issue_label[512];
  if (a.issue)
    snprintf(issue_label, sizeof issue_label, "%s, bargaining issue %s",
             orb_session_world(session)->path, a.issue);
  const char *source = a.issue ? issue_label : a.file;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_bargain_scenario *s = NULL;
  orb_bargaining *b = NULL;
  orb_status status;
  if (a.issue) {
    status = orb_session_bargain_scenario(session, a.issue, &s, &diags);
    if (status != ORB_OK)
      code = cli_fail(&diags, status == ORB_ENOTFOUND ? CLI_EUSAGE : CLI_EINPUT);
  } else if (orb_bargain_read(a.file, &s, &diags) != ORB_OK) {
    orb_diags_print(&diags, stderr);
    fprintf(stderr, "orbit bargain: %s: scenario not loaded\n", a.file);
    code = CLI_EINPUT;
  }
  if (code == CLI_OK && a.capability &&
      orb_bargain_capabilities_from_world(s, orb_session_world(session), a.capability, a.year,
                                          source, &diags) != ORB_OK)
    code = cli_fail(&diags, CLI_EINPUT);
  if (code == CLI_OK && orb_bargaining_new(&s, source, &a.request, &b, &diags) != ORB_OK)
    code = cli_fail(&diags, CLI_EINPUT);
  if (code == CLI_OK) {
    size_t reported = diags.count;
    orb_status played = orb_report_bargaining_play(stdout, b, a.format, &diags);
    if (played == ORB_EIO && diags.count == reported) /* stdout failed */
      code = cli_written("bargain", played);
    else if (played != ORB_OK)
      code = cli_fail(&diags, played == ORB_EIO ? CLI_EOUTPUT : CLI_EINPUT);
  }
  orb_bargaining_free(b);
  orb_bargain_scenario_free(s);
  orb_diags_free(&diags);
  orb_session_free(session);
  return code;
}
