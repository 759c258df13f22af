/*
 * main.c: the orbit command, a thin layer over the library. Dispatches to the
 * subcommand named by the first argument; see `orbit help`.
 */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

const cli_command cli_commands[] = {
  {"run", "run a world end to end: events, state, stances, alignments, bargains, an ensemble", cmd_run, cmd_run_help},
  {"world", "summarise, check or export a world file", cmd_world, cmd_world_help},
  {"code", "code news text into dated political events", cmd_code, cmd_code_help},
  {"stance", "predict stances on an issue, with the factors behind them", cmd_stance, cmd_stance_help},
  {"calibrate", "fit the stance model to observed stances, with cross-validated scores", cmd_calibrate, cmd_calibrate_help},
  {"align", "find the stable splits of actors into blocs (landscape theory)", cmd_align, cmd_align_help},
  {"votes", "agreement with a state in the UN General Assembly record, by year or topic", cmd_votes, cmd_votes_help},
  {"simulate", "simulate a world month by month: ensembles, counterfactuals, a run store", cmd_simulate, cmd_simulate_help},
  {"compare", "a counterfactual against the baseline, run by run with the same draws", cmd_compare, cmd_compare_help},
  {"series", "export series of an ensemble as CSV or JSON Lines, per quantile or per run", cmd_series, cmd_series_help},
  {"bargain", "play a bargaining issue with KTAB's spatial model of politics", cmd_bargain, cmd_bargain_help},
  {"parse", "tag and parse English text into dependency trees (CoNLL-U)", cmd_parse, cmd_parse_help},
  {NULL, NULL, NULL, NULL}
};

static const char main_help[] =
  "Usage: orbit COMMAND [OPTIONS]\n"
  "\n"
  "orbit models spheres of influence: how states align between patrons, what\n"
  "they say or keep silent about, and how a patron's hold erodes over time.\n"
  "With no --world, commands use the built-in post-Soviet world.\n"
  "\n"
  "Commands:\n";

static const char main_help_tail[] =
  "\n"
  "  help [COMMAND]   show help for a command\n"
  "  help parameters  the model parameters a world file may set (a Markdown table)\n"
  "\n"
  "Options: --help, --version.\n"
  "Exit status, the same for every command:\n"
  "  0  success\n"
  "  1  bad input: a file missing, unreadable or malformed (each problem named\n"
  "     with FILE:LINE:COL), or a model that cannot run on it\n"
  "  2  bad usage: an unknown option, a malformed value, or an argument the world\n"
  "     does not have (a date outside it, an unknown issue or actor)\n"
  "  3  the output cannot be written (a full disk, > /dev/full)\n"
  "Environment: ORBIT_WORLD, path of the world to use when none is given.\n";

static void print_main_help(FILE *out) {
  fputs(main_help, out);
  for (const cli_command *c = cli_commands; c->name; c++)
    fprintf(out, "  %-16s %s\n", c->name, c->summary);
  fputs(main_help_tail, out);
}

static const cli_command *find_command(const char *name) {
  for (const cli_command *c = cli_commands; c->name; c++)
    if (strcmp(c->name, name) == 0) return c;
  return NULL;
}

static int unknown_command(const char *name) {
  const char *names[32];
  size_t count = 0;
  for (const cli_command *c = cli_commands; c->name && count < 32; c++)
    names[count++] = c->name;
  const char *hint = orb_closest_word(name, names, count);
  fprintf(stderr, "orbit: unknown command '%s'", name);
  if (hint) fprintf(stderr, " (did you mean '%s'?)", hint);
  fprintf(stderr, "; see 'orbit --help'\n");
  return CLI_EUSAGE;
}

/* Prints the parameter registry as the Markdown table docs/WORLD.md holds. */
static void print_parameters(FILE *out) {
  fputs("| name | default | admissible | meaning |\n| --- | --- | --- | --- |\n", out);
  for (size_t i = 0; i < orb_param_spec_count(); i++) {
    const orb_param_spec *spec = orb_param_spec_at(i);
    fprintf(out, "| `%s%s` | %.15g | [%.15g, %.15g] | %s |\n", spec->name,
            spec->family ? "<attribute>" : "", spec->value, spec->low, spec->high,
            spec->meaning);
  }
}

/* `orbit help [COMMAND | parameters]`. */
static int run_help(int argc, char **argv) {
  if (argc < 2) {
    print_main_help(stdout);
    return CLI_OK;
  }
  if (strcmp(argv[1], "parameters") == 0) {
    print_parameters(stdout);
    return CLI_OK;
  }
  const cli_command *c = find_command(argv[1]);
  if (!c) return unknown_command(argv[1]);
  cli_print_help(c, stdout);
  return CLI_OK;
}

/* On SIGINT, SIGTERM, SIGHUP or SIGPIPE: removes the temporary files being
 * written (the targets are untouched), then dies of the signal as it would have. */
static void on_fatal_signal(int sig) {
  orb_output_remove_temporaries();
  signal(sig, SIG_DFL);
  raise(sig);
}

/* Removes the temporary files of outputs being written when the command is
 * interrupted (SIGINT, SIGTERM, SIGHUP) or its reader goes away (SIGPIPE). */
static void install_signal_handlers(void) {
  static const int fatal[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
  for (size_t i = 0; i < sizeof fatal / sizeof *fatal; i++) {
    struct sigaction action = {0};
    action.sa_handler = on_fatal_signal;
    sigemptyset(&action.sa_mask);
    sigaction(fatal[i], &action, NULL);
  }
}

/* Flushes and closes stdout: a command whose output could not all be written
 * (a full disk, /dev/full) exits CLI_EOUTPUT with a message, unless it failed for
 * another reason first. */
static int finish(int code) {
  orb_diags diags;
  orb_diags_init(&diags);
  if (orb_output_close_stream(stdout, "standard output", &diags) != ORB_OK) {
    fprintf(stderr, "orbit: %s\n",
            diags.count ? diags.items[0].message : "cannot write standard output");
    if (code == CLI_OK) code = CLI_EOUTPUT;
  }
  orb_diags_free(&diags);
  return code;
}

/* Runs the command named by argv[1]; returns its exit status. */
static int dispatch(int argc, char **argv) {
  if (argc < 2) {
    print_main_help(stderr);
    return CLI_EUSAGE;
  }
  const char *name = argv[1];
  if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
    print_main_help(stdout);
    return finish(CLI_OK);
  }
  if (strcmp(name, "--version") == 0) {
    printf("orbit %s\n", orb_version());
    return finish(CLI_OK);
  }
  if (strcmp(name, "help") == 0) return finish(run_help(argc - 1, argv + 1));
  const cli_command *c = find_command(name);
  if (!c) return unknown_command(name);
  for (int i = 2; i < argc; i++) {
    if (strcmp(argv[i], "--") == 0) break;
    if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
      cli_print_help(c, stdout);
      return finish(CLI_OK);
    }
  }
  return finish(c->run(argc - 1, argv + 1));
}

int main(int argc, char **argv) {
  install_signal_handlers();
  return dispatch(argc, argv);
}
