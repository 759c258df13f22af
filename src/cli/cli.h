/*
 * cli.h: the orbit command's subcommands and the helpers they share.
 * Each subcommand lives in its own cmd_<name>.c and is listed in main.c.
 * Exit codes: 0 success, 1 bad input (world, data, text), 2 bad usage.
 */
#ifndef ORB_CLI_H
#define ORB_CLI_H

#include "orbit/orbit.h"

enum { CLI_OK = 0, CLI_EINPUT = 1, CLI_EUSAGE = 2 };

/* A subcommand: its name, a one-line summary, its entry point, and its help. */
typedef struct cli_command {
  const char *name;
  const char *summary;
  int (*run)(int argc, char **argv);
  const char *help;
} cli_command;

/* The table of subcommands (main.c), NULL-name terminated. */
extern const cli_command cli_commands[];

/* Loads the world at path (the built-in world when path is NULL), printing any
 * diagnostics to stderr, and merges into its timeline the coded events of the
 * files its `coded_events:` names and of those given to cli_add_event_files.
 * Returns the world (caller frees) or NULL. */
orb_world *cli_load_world(const char *path);

/* Files of coded events (orbit code --json) that cli_load_world merges into every
 * world it loads from now on; the array must outlive the command. */
void cli_add_event_files(char *const *files, size_t count);

/* Parses a --date argument, printing a usage error when it is not YYYY[-MM[-DD]]. */
int cli_parse_date(const char *text, orb_date *date);

/* Prints "orbit NAME: message" to stderr and returns CLI_EUSAGE. */
int cli_usage_error(const char *command, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

/* Prints the help of a subcommand to out. */
void cli_print_help(const cli_command *command, FILE *out);

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
/* Loads the stance model of a world (cmd_stance.c), printing diagnostics; 0 on failure. */
int cli_load_stance_model(const orb_world *world, orb_stance_model *model);
int cmd_simulate(int argc, char **argv);
extern const char cmd_simulate_help[];
int cmd_align(int argc, char **argv);
extern const char cmd_align_help[];

#endif
