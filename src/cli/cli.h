/*
 * cli.h: the orbit command's subcommands and the helpers they share. The command
 * only parses options, calls the library (orbit/session.h) and prints through its
 * writers (orbit/report.h). Each subcommand lives in its own cmd_<name>.c and is
 * listed in main.c.
 *
 * One exit-code table for every command (README, man page, `orbit help`):
 */
#ifndef ORB_CLI_H
#define ORB_CLI_H

#include <time.h>

#include "orbit/orbit.h"

enum {
  CLI_OK = 0,     /* success */
  CLI_EINPUT = 1, /* bad input: a file missing, unreadable or malformed, or a model
                     that cannot run on it */
  CLI_EUSAGE = 2, /* bad usage: an unknown option, a malformed value, or an argument
                     the world does not have (a date outside it, an unknown id) */
  CLI_EOUTPUT = 3 /* the output cannot be written */
};

/* A subcommand: its name, a one-line summary, its entry point, and its help. */
typedef struct cli_command {
  const char *name;
  const char *summary;
  int (*run)(int argc, char **argv);
  const char *help;
} cli_command;

/* The table of subcommands (main.c), NULL-name terminated. */
extern const cli_command cli_commands[];

/* ---- options: the one parser of every subcommand ----------------------------- */

/* An option "--name" (or "--name=value"), with the id cli_next returns for it. */
typedef struct cli_option {
  const char *name; /* without the dashes; NULL ends a table */
  int id;           /* > 0 */
  int takes_value;  /* 1: the next argument (or =value) is its value */
} cli_option;

/* The state of a scan of argv[1..argc) (argv[0] names the subcommand). */
typedef struct cli_parser {
  const char *command;
  const cli_option *options;
  int argc;
  char **argv;
  int next;          /* index of the next argument */
  int operands_only; /* after "--" */
} cli_parser;

/* What cli_next returns besides an option's id. */
enum { CLI_END = 0, CLI_OPERAND = -1, CLI_BAD = -2 };

void cli_parser_init(cli_parser *parser, const char *command, const cli_option *options,
                     int argc, char **argv);

/* The next argument: an option's id (its value, if it takes one, in *value),
 * CLI_OPERAND (the operand in *value; "-" is one), CLI_END, or CLI_BAD after
 * printing a usage error (unknown option, with a did-you-mean; missing value; a
 * value given to an option that takes none). Options and operands may mix. */
int cli_next(cli_parser *parser, const char **value);

/* Sets *format to format; a second, different output format (--json --csv) is a
 * usage error. Returns CLI_OK or CLI_EUSAGE. */
int cli_set_format(const char *command, orb_format *current, int *given, orb_format format);

/* Parses a whole decimal number in [low, high] (no sign, no spaces). ORB_OK, or
 * ORB_EINVAL. */
orb_status cli_parse_count(const char *text, unsigned long long low,
                           unsigned long long high, unsigned long long *value);

/* Parses a --date value: YYYY, YYYY-MM or YYYY-MM-DD. CLI_OK, or CLI_EUSAGE after
 * printing why. */
int cli_parse_date(const char *command, const char *text, orb_date *date);

/* Prints "orbit COMMAND: message; see 'orbit help COMMAND'" and returns CLI_EUSAGE. */
int cli_usage_error(const char *command, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

/* ---- calling and printing -------------------------------------------------------- */

/* Loads a session (orb_session_load), printing its diagnostics and what each merge
 * of coded events added. CLI_OK with *session set, or CLI_EINPUT. */
int cli_load_session(const orb_session_options *options, orb_session **session);

/* Loads a session of the world at world_path (NULL: the built-in one) and the
 * shipped record, printing why not. CLI_OK with both set (the caller frees them),
 * or CLI_EINPUT with both NULL. */
int cli_load_with_record(const char *world_path, orb_session **session, orb_record **record);

/* Loads the parser model at path (NULL: the built-in one) with the parts asked
 * for, printing why not as "orbit COMMAND: parser model not loaded (...)HINT".
 * NULL on failure; the caller frees the model. */
orb_parse_model *cli_load_parser(const char *command, const char *path,
                                 orb_parse_parts parts, const char *hint);

/* The help text of --params, shared by the commands that take it. */
#define CLI_PARAMS_HELP \
  "  --params FILE  the parameters of FILE (a world, or a file holding only\n" \
  "                 `parameters:`) in place of the world's of the same name\n"

/* The one rule for an as-of date (orb_session_check_date): CLI_OK for
 * ORB_DATE_NONE or a date within the world, else CLI_EUSAGE after printing why. */
int cli_check_date(const orb_session *session, orb_date date);

/* Prints diags to stderr and returns code (for a call that failed). */
int cli_fail(const orb_diags *diags, int code);

/* The exit code of a writer's status: CLI_OK, CLI_EOUTPUT (ORB_EIO: main says
 * why), or CLI_EINPUT after printing "orbit COMMAND: out of memory". */
int cli_written(const char *command, orb_status status);

/* Prints the help of a subcommand to out. */
void cli_print_help(const cli_command *command, FILE *out);

/* ---- the options of the month-by-month model (ensemble.c) ---------------------- */

/* Option ids of the shared ensemble options (above every command's own ids). */
enum {
  CLI_ENS_WORLD = 1000, CLI_ENS_PARAMS, CLI_ENS_FROM, CLI_ENS_TO, CLI_ENS_RUNS, CLI_ENS_SEED,
  CLI_ENS_THREADS, CLI_ENS_SET, CLI_ENS_WITHOUT, CLI_ENS_ADD, CLI_ENS_STORE, CLI_ENS_KEEP,
  CLI_ENS_NO_RECORD
};

/* The rows of the shared options, for a command's option table. */
#define CLI_ENSEMBLE_OPTIONS                                                                   \
  {"world", CLI_ENS_WORLD, 1}, {"params", CLI_ENS_PARAMS, 1}, {"from", CLI_ENS_FROM, 1},       \
  {"to", CLI_ENS_TO, 1}, {"runs", CLI_ENS_RUNS, 1}, {"seed", CLI_ENS_SEED, 1},                 \
  {"threads", CLI_ENS_THREADS, 1}, {"set", CLI_ENS_SET, 1},                                    \
  {"without-event", CLI_ENS_WITHOUT, 1}, {"add-event", CLI_ENS_ADD, 1},                        \
  {"store", CLI_ENS_STORE, 1}, {"keep", CLI_ENS_KEEP, 1}, {"no-record", CLI_ENS_NO_RECORD, 0}

/* Their help. */
#define CLI_ENSEMBLE_HELP                                                                      \
  "  --world FILE         the world file (default: the built-in post-Soviet world)\n"          \
  "  --from, --to         first and last month (default 1992-01 .. 2030-12, within the world)\n" \
  "  --runs N             runs in the ensemble (default 1000)\n"                               \
  "  --seed S             seed of the random streams (default 1)\n"                            \
  "  --threads T          threads (default: all); results do not depend on it\n"               \
  "  --set NAME=VALUE     fix a parameter; NAME=LOW..HIGH draws it uniformly (the\n"           \
  "                       world's parameters: block may set them too; --set wins)\n"           \
  "  --without-event ID   remove an event (ids: orbit simulate --list-events)\n"               \
  "  --add-event SPEC     add an event DATE,ACTOR,TYPE[,TARGET[,MAGNITUDE]]\n"                 \
  "  --store FILE         write the runs and quantiles to an SQLite store\n"                   \
  "  --keep N             keep the full series of the first N runs (store, --per-run)\n"       \
  "  --no-record          use the world alone: no COW capabilities, UCDP conflicts or\n"       \
  "                       roll-call agreement from the shipped record\n"                       \
  CLI_PARAMS_HELP

/* What the shared options gave, and what they become. */
typedef struct cli_ensemble {
  const char *world_path, *params_path;
  const char *from_text, *to_text, *runs_text, *seed_text, *threads_text, *keep_text;
  const char **sets, **without, **adds; /* owned lists of argv's strings */
  orb_simulation_request request;       /* after cli_ensemble_finish */
  orb_dyn_ensemble_options options;     /* after cli_ensemble_finish */
  char description[512];                /* the command line, stored with the runs */
  struct timespec start;                /* of the progress bar */
} cli_ensemble;

/* Takes option id (and its value) when it is a shared one: 1 taken, 0 not a
 * shared option, -1 out of memory. */
int cli_ensemble_take(cli_ensemble *ensemble, int id, const char *value);

/* Parses the values taken into ensemble->request and ->options (default runs
 * `runs`; the progress bar on stderr when it is a terminal). CLI_OK, or
 * CLI_EUSAGE after printing why. */
int cli_ensemble_finish(const char *command, cli_ensemble *ensemble, size_t runs, int argc,
                        char **argv);

/* Loads the session of --world and --params (cli_load_session). */
int cli_ensemble_load(const cli_ensemble *ensemble, orb_session **session);

/* Prints diags and returns the exit code of status: an argument the world does
 * not have (unknown parameter, event or series, months outside it, impossible
 * bounds) is bad usage (2), a store that cannot be written output (3), the rest
 * input (1). */
int cli_ensemble_code(const char *command, orb_status status, const orb_diags *diags);

void cli_ensemble_free(cli_ensemble *ensemble);

/* The series named in names[n] ('all': every one) as flags chosen[series count]
 * (*chosen, freed by the caller); CLI_OK, or CLI_EUSAGE after naming an unknown
 * series with a did-you-mean (cmd_simulate.c). */
int cli_choose_series(const char *command, const orb_dyn_model *model, const char *const *names,
                      size_t n, unsigned char **chosen);

/* Subcommands. */
int cmd_world(int argc, char **argv);
extern const char cmd_world_help[];
int cmd_run(int argc, char **argv);
extern const char cmd_run_help[];
int cmd_bargain(int argc, char **argv);
extern const char cmd_bargain_help[];
int cmd_code(int argc, char **argv);
extern const char cmd_code_help[];
int cmd_stance(int argc, char **argv);
extern const char cmd_stance_help[];
int cmd_calibrate(int argc, char **argv);
extern const char cmd_calibrate_help[];
int cmd_simulate(int argc, char **argv);
extern const char cmd_simulate_help[];
int cmd_align(int argc, char **argv);
extern const char cmd_align_help[];
int cmd_parse(int argc, char **argv);
extern const char cmd_parse_help[];
/* orbit calibrate --record and orbit align --record (cmd_record.c). */
int cli_calibrate_record(int argc, char **argv);
int cli_align_record(int argc, char **argv);
int cmd_compare(int argc, char **argv);
extern const char cmd_compare_help[];
int cmd_series(int argc, char **argv);
extern const char cmd_series_help[];
int cmd_votes(int argc, char **argv);
extern const char cmd_votes_help[];

#endif
