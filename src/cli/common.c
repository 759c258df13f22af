/*
 * common.c: what the orbit subcommands share: the one option parser, number and
 * date values, loading a session, and exit codes.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

void cli_parser_init(cli_parser *p, const char *command, const cli_option *options,
                     int argc, char **argv) {
  *p = (cli_parser){command, options, argc, argv, 1, 0};
}

/* Prints "unknown option" with the closest option name as a hint. */
static int unknown_option(const cli_parser *p, const char *arg, size_t len) {
  const char *names[64];
  size_t count = 0;
  for (const cli_option *o = p->options; o->name && count < 64; o++) names[count++] = o->name;
  char word[64];
  snprintf(word, sizeof word, "%.*s", (int)(len < 60 ? len : 60), arg + 2);
  const char *hint = arg[0] == '-' && arg[1] == '-' ? orb_closest_word(word, names, count)
                                                    : NULL;
  if (hint)
    return cli_usage_error(p->command, "unknown option '%.*s' (did you mean '--%s'?)",
                           (int)len, arg, hint);
  return cli_usage_error(p->command, "unknown option '%.*s'", (int)len, arg);
}

int cli_next(cli_parser *p, const char **value) {
  *value = NULL;
  if (p->next >= p->argc) return CLI_END;
  const char *arg = p->argv[p->next++];
  if (p->operands_only || arg[0] != '-' || strcmp(arg, "-") == 0) {
    *value = arg;
    return CLI_OPERAND;
  }
  if (strcmp(arg, "--") == 0) {
    p->operands_only = 1;
    return cli_next(p, value);
  }
  const char *equals = strchr(arg, '=');
  size_t len = equals ? (size_t)(equals - arg) : strlen(arg);
  const cli_option *option = NULL;
  for (const cli_option *o = p->options; arg[1] == '-' && o->name && !option; o++)
    if (strlen(o->name) == len - 2 && memcmp(o->name, arg + 2, len - 2) == 0) option = o;
  if (!option) {
    unknown_option(p, arg, len);
    return CLI_BAD;
  }
  if (!option->takes_value) {
    if (equals) {
      cli_usage_error(p->command, "option '--%s' takes no value", option->name);
      return CLI_BAD;
    }
    return option->id;
  }
  if (equals) {
    *value = equals + 1;
  } else if (p->next < p->argc) {
    *value = p->argv[p->next++];
  } else {
    cli_usage_error(p->command, "option '--%s' needs a value", option->name);
    return CLI_BAD;
  }
  return option->id;
}

int cli_set_format(const char *command, orb_format *current, int *given, orb_format format) {
  if (*given && *current != format)
    return cli_usage_error(command, "--json and --csv exclude each other");
  *current = format;
  *given = 1;
  return CLI_OK;
}

orb_status cli_parse_count(const char *text, unsigned long long low,
                           unsigned long long high, unsigned long long *value) {
  uint64_t v;
  if (orb_seed_parse(text, &v) != ORB_OK || v < low || v > high) return ORB_EINVAL;
  *value = v;
  return ORB_OK;
}

int cli_parse_date(const char *command, const char *text, orb_date *date) {
  if (orb_date_parse(text, strlen(text), date, NULL) != ORB_OK)
    return cli_usage_error(command,
                           "invalid date '%s' (expected YYYY, YYYY-MM or YYYY-MM-DD)", text);
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

int cli_load_session(const orb_session_options *options, orb_session **session) {
  const char *world_path = options->world_path;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status status = orb_session_load(options, session, &diags);
  orb_diags_print(&diags, stderr);
  if (status != ORB_OK)
    fprintf(stderr, "orbit: %s: %zu error%s, world not loaded\n",
            world_path ? world_path : orb_world_default_path(), diags.count,
            diags.count == 1 ? "" : "s");
  orb_diags_free(&diags);
  if (status != ORB_OK) return CLI_EINPUT;
  size_t count;
  const orb_session_merge *merges = orb_session_merges(*session, &count);
  for (size_t i = 0; i < count; i++)
    fprintf(stderr,
            "orbit: %s: %zu coded events added to the timeline, %zu duplicates of held "
            "events merged; skipped %zu with an actor not in the world, %zu untyped, "
            "%zu undated, %zu outside the world's span\n",
            merges[i].file, merges[i].stats.added, merges[i].stats.duplicates,
            merges[i].stats.unknown_actor, merges[i].stats.untyped, merges[i].stats.undated,
            merges[i].stats.outside);
  return CLI_OK;
}

int cli_check_date(const orb_session *session, orb_date date) {
  if (date == ORB_DATE_NONE) return CLI_OK;
  orb_diags diags;
  orb_diags_init(&diags);
  int code = orb_session_check_date(session, date, &diags) == ORB_OK
                 ? CLI_OK
                 : cli_fail(&diags, CLI_EUSAGE);
  orb_diags_free(&diags);
  return code;
}

int cli_fail(const orb_diags *diags, int code) {
  orb_diags_print(diags, stderr);
  return code;
}

int cli_written(const char *command, orb_status status) {
  if (status == ORB_OK) return CLI_OK;
  if (status == ORB_EIO) return CLI_EOUTPUT;
  fprintf(stderr, "orbit %s: %s\n", command, orb_status_str(status));
  return CLI_EINPUT;
}

void cli_print_help(const cli_command *command, FILE *out) {
  fputs(command->help, out);
}

orb_parse_model *cli_load_parser(const char *command, const char *path,
                                 orb_parse_parts parts, const char *hint) {
  orb_parse_model *model = NULL;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status st = path ? orb_parse_model_load(path, parts, &model, &diags)
                       : orb_parse_model_load_default(parts, &model, &diags);
  if (st) {
    orb_diags_print(&diags, stderr);
    fprintf(stderr, "orbit %s: parser model not loaded (%s)%s\n", command,
            orb_status_str(st), hint);
  }
  orb_diags_free(&diags);
  return model;
}

int cli_load_with_record(const char *world_path, orb_session **session, orb_record **record) {
  *record = NULL;
  if (cli_load_session(&(orb_session_options){.world_path = world_path}, session) != CLI_OK)
    return CLI_EINPUT;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status st = orb_record_load(NULL, record, &diags);
  orb_diags_print(&diags, stderr);
  orb_diags_free(&diags);
  if (st == ORB_OK) return CLI_OK;
  orb_session_free(*session);
  *session = NULL;
  return CLI_EINPUT;
}
