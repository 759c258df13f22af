/*
 * cmd_align.c: `orbit align`, the stable splits of a landscape into blocs: from a
 * signed edge list, a YAML landscape, or a world on a date (or year by year).
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

const char cmd_align_help[] =
  "Usage: orbit align [--world FILE] [--date DATE] [--blocs K] [--json]\n"
  "       orbit align --signed FILE.csv [--blocs K] [--json]\n"
  "       orbit align --landscape FILE.yaml [--blocs K] [--json]\n"
  "       orbit align [--world FILE] --over 2008..2030 [--json]\n"
  "\n"
  "Finds every stable split of actors into blocs (landscape theory, Axelrod &\n"
  "Bennett 1993): the configurations where no single actor gains by changing\n"
  "bloc, with their energy, frustration and basin of attraction, and how often\n"
  "each actor sits in each bloc. The search is exhaustive while there are at most\n"
  "2^35 configurations with two blocs, 2^32 with more; beyond that --heuristic\n"
  "runs many-start local search.\n"
  "\n"
  "Input (one of):\n"
  "  --signed FILE      a signed edge list, CSV lines 'a,b,weight' (sign or weight)\n"
  "  --landscape FILE   a YAML landscape: actors, sizes, propensities or pairs\n"
  "  --world FILE       derive the landscape from a world (default: the built-in\n"
  "                     world) on --date (default: the world's end date)\n"
  "\n"
  "Options:\n"
  "  --date DATE        YYYY[-MM[-DD]], with a world\n"
  "  --over A..B        with a world: the landscape on 1 July of each year A..B\n"
  "  --params FILE      with a world: the align.* parameters of FILE (a world, or\n"
  "                     a file holding only `parameters:`) in place of the world's\n"
  "  --blocs K          at most K blocs, 2..16 (default 2, or the file's 'blocs')\n"
  "  --heuristic        allow many-start local search beyond the exhaustive limit\n"
  "  --restarts N       heuristic: random starts (default 1000*K + 20*n, fewer\n"
  "                     for large n; docs/MODEL.md)\n"
  "  --seed N           heuristic: random seed (default 1)\n"
  "  --threads N        threads (default: all); results do not depend on it\n"
  "  --basins           count basins even when it is slow (more than 2^27\n"
  "                     configurations); --no-basins skips them\n"
  "  --top N            show the N lowest minima (default 10; 0 for all)\n"
  "  --poles A,B,...    also show how often each actor sides with each of these\n"
  "                     actors (shares of basin weight in the same bloc)\n"
  "  --json             print JSON instead of tables\n"
  "  --help             show this help\n"
  "\n"
  "The model, the derivation rule and the file formats are in docs/MODEL.md,\n"
  "section 'Alignment landscapes'.\n";

enum {
  OPT_WORLD = 1, OPT_DATE, OPT_BLOCS, OPT_SIGNED, OPT_LANDSCAPE, OPT_HEURISTIC,
  OPT_THREADS, OPT_JSON, OPT_OVER, OPT_SEED, OPT_RESTARTS, OPT_BASINS, OPT_NO_BASINS,
  OPT_TOP, OPT_POLES, OPT_PARAMS
};

typedef struct align_args {
  const char *world_path, *signed_path, *landscape_path, *params_path;
  orb_date date;          /* ORB_DATE_NONE when not given */
  int over_from, over_to; /* years, 0 when not given */
  orb_format format;
  size_t top;
  orb_alignment_request request;
} align_args;

/* Parses "A..B" years. */
static orb_status parse_span(const char *text, int *from, int *to) {
  char tail;
  return sscanf(text, "%4d..%4d%c", from, to, &tail) == 2 && *from >= 1000 &&
                 *to <= 2999 && *from <= *to
             ? ORB_OK
             : ORB_EINVAL;
}

/* Parses the command line into args; returns CLI_OK or CLI_EUSAGE. */
static int parse_args(int argc, char **argv, align_args *args) {
  static const cli_option options[] = {
    {"world", OPT_WORLD, 1},         {"date", OPT_DATE, 1},
    {"params", OPT_PARAMS, 1},
    {"blocs", OPT_BLOCS, 1},         {"signed", OPT_SIGNED, 1},
    {"landscape", OPT_LANDSCAPE, 1}, {"heuristic", OPT_HEURISTIC, 0},
    {"threads", OPT_THREADS, 1},     {"json", OPT_JSON, 0},
    {"over", OPT_OVER, 1},           {"seed", OPT_SEED, 1},
    {"restarts", OPT_RESTARTS, 1},   {"basins", OPT_BASINS, 0},
    {"no-basins", OPT_NO_BASINS, 0}, {"top", OPT_TOP, 1},
    {"poles", OPT_POLES, 1},         {NULL, 0, 0}};
  memset(args, 0, sizeof *args);
  args->date = ORB_DATE_NONE;
  args->top = 10;
  orb_alignment_request_default(&args->request);
  orb_alignment_request *r = &args->request;
  const char *value;
  int id, given = 0, date_given = 0;
  unsigned long long n;
  cli_parser parser;
  cli_parser_init(&parser, "align", options, argc, argv);
  while ((id = cli_next(&parser, &value)) != CLI_END) {
    switch (id) {
    case OPT_WORLD: args->world_path = value; break;
    case OPT_PARAMS: args->params_path = value; break;
    case OPT_DATE:
      if (cli_parse_date("align", value, &args->date) != CLI_OK) return CLI_EUSAGE;
      date_given = 1;
      break;
    case OPT_SIGNED: args->signed_path = value; break;
    case OPT_LANDSCAPE: args->landscape_path = value; break;
    case OPT_HEURISTIC: r->method = ORB_ALIGN_HEURISTIC; break;
    case OPT_JSON:
      if (cli_set_format("align", &args->format, &given, ORB_FORMAT_JSON) != CLI_OK)
        return CLI_EUSAGE;
      break;
    case OPT_BASINS: r->basins = 1; break;
    case OPT_NO_BASINS: r->basins = 0; break;
    case OPT_POLES: r->poles = value; break;
    case OPT_BLOCS:
      if (cli_parse_count(value, 2, ORB_ALIGN_MAX_BLOCS, &n) != ORB_OK)
        return cli_usage_error("align", "--blocs expects 2 to %d, not '%s'",
                               ORB_ALIGN_MAX_BLOCS, value);
      r->blocs = (unsigned)n;
      break;
    case OPT_THREADS:
      if (cli_parse_count(value, 1, 1024, &n) != ORB_OK)
        return cli_usage_error("align", "--threads expects 1 to 1024, not '%s'", value);
      r->threads = (int)n;
      break;
    case OPT_SEED:
      if (orb_seed_parse(value, &r->seed) != ORB_OK)
        return cli_usage_error("align", "--seed expects a whole number from 0 to 2^64 - 1, "
                               "not '%s'", value);
      break;
    case OPT_RESTARTS:
      if (cli_parse_count(value, 1, UINT64_C(1) << 40, &n) != ORB_OK)
        return cli_usage_error("align", "--restarts expects a positive number, not '%s'",
                               value);
      r->restarts = n;
      break;
    case OPT_TOP:
      if (cli_parse_count(value, 0, SIZE_MAX, &n) != ORB_OK)
        return cli_usage_error("align", "--top expects a number, not '%s'", value);
      args->top = (size_t)n;
      break;
    case OPT_OVER:
      if (parse_span(value, &args->over_from, &args->over_to) != ORB_OK)
        return cli_usage_error("align", "--over expects years A..B (e.g. 2008..2030), "
                               "not '%s'", value);
      break;
    case CLI_OPERAND: return cli_usage_error("align", "unexpected argument '%s'", value);
    default: return CLI_EUSAGE;
    }
  }
  int inputs = !!args->signed_path + !!args->landscape_path +
               !!(args->world_path || date_given || args->over_from);
  if (inputs > 1)
    return cli_usage_error("align", "give one input: --signed, --landscape or a world");
  if (args->over_from && date_given)
    return cli_usage_error("align", "--over and --date exclude each other");
  return CLI_OK;
}

/* A landscape file given with --signed or --landscape, searched and printed. */
static int align_file(const align_args *args) {
  const char *path = args->signed_path ? args->signed_path : args->landscape_path;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_landscape *l = NULL;
  unsigned blocs = 0;
  orb_status status = args->signed_path
                          ? orb_landscape_read_signed(path, &l, &diags)
                          : orb_landscape_read_yaml(path, &l, &blocs, &diags);
  orb_alignment *a = NULL;
  int code = CLI_OK;
  if (status != ORB_OK) {
    code = cli_fail(&diags, CLI_EINPUT);
  } else {
    status = orb_alignment_new_landscape(&l, blocs, path, &args->request, &a, &diags);
    if (status != ORB_OK)
      code = cli_fail(&diags, status == ORB_ENOTFOUND ? CLI_EUSAGE : CLI_EINPUT);
    else
      code = cli_written("align", orb_report_alignment(stdout, a, args->format, args->top));
  }
  orb_alignment_free(a);
  orb_diags_free(&diags);
  return code;
}

int cmd_align(int argc, char **argv) {
  align_args args;
  int code = parse_args(argc, argv, &args);
  if (code != CLI_OK) return code;
  if (args.signed_path || args.landscape_path) return align_file(&args);

  orb_session *session = NULL;
  orb_session_options load = {.world_path = args.world_path,
                              .params_file = args.params_path};
  if (cli_load_session(&load, &session) != CLI_OK) return CLI_EINPUT;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status status = ORB_OK;
  if (args.over_from) {
    code = cli_check_date(session, orb_date_from_ymd(args.over_from, 7, 1));
    if (code == CLI_OK) code = cli_check_date(session, orb_date_from_ymd(args.over_to, 7, 1));
    orb_alignment_series *series = NULL;
    if (code == CLI_OK)
      status = orb_alignment_series_new(session, args.over_from, args.over_to,
                                        &args.request, &series, &diags);
    if (code != CLI_OK)
      ;
    else if (status != ORB_OK)
      code = cli_fail(&diags, status == ORB_ENOTFOUND ? CLI_EUSAGE : CLI_EINPUT);
    else
      code = cli_written("align", orb_report_alignment_series(stdout, series, args.format,
                                                              args.top));
    orb_alignment_series_free(series);
  } else {
    orb_alignment *a = NULL;
    code = cli_check_date(session, args.date);
    if (code == CLI_OK)
      status = orb_alignment_new(session, args.date, &args.request, &a, &diags);
    if (code != CLI_OK)
      ;
    else if (status != ORB_OK)
      code = cli_fail(&diags, status == ORB_ENOTFOUND ? CLI_EUSAGE : CLI_EINPUT);
    else
      code = cli_written("align", orb_report_alignment(stdout, a, args.format, args.top));
    orb_alignment_free(a);
  }
  orb_diags_free(&diags);
  orb_session_free(session);
  return code;
}
