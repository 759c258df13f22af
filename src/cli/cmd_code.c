/*
 * cmd_code.c: `orbit code`, coding news text into events (docs/EVENTS.md).
 */
#include <cjson/cJSON.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

const char cmd_code_help[] =
  "Usage: orbit code FILE... [--date D] [--json] [--dict FILE]... [--no-default-dict]\n"
  "                  [--no-parse]\n"
  "\n"
  "Codes news text (UTF-8, one paragraph a line; '-' reads standard input) into\n"
  "dated political events: who did what to whom, as CAMEO codes and the model's\n"
  "event types. Boilerplate lines and lines repeated within an article are\n"
  "skipped. Prints one event a line, CSV with a header, or JSON Lines.\n"
  "\n"
  "Options:\n"
  "  --date D           article date (YYYY-MM-DD) that relative dates resolve\n"
  "                     against; a 'Date: YYYY-MM-DD' line in the text sets it too\n"
  "  --json             JSON Lines instead of CSV\n"
  "  --dict FILE        add a dictionary file (docs/EVENTS.md) after the built-in\n"
  "                     ones; its entries win; may be repeated\n"
  "  --no-default-dict  do not load the built-in dictionaries (data/events)\n"
  "  --no-parse         do not tag sentences (the syntactic layer, data/parse,\n"
  "                     tells verbs from nouns: 'peacekeeping forces')\n"
  "\n"
  "Columns: doc, date, date_source (text, article or none), source,\n"
  "source_role, cameo, target, target_role, type, start, end (byte offsets of\n"
  "the sentence), rule (dictionary FILE:LINE), sentence.\n"
  "Files are checked to be UTF-8 text before any is coded; bad input is named\n"
  "with FILE:LINE:COL and the byte offset, and exits 1.\n"
  "Environment: ORBIT_EVENTS_DIR, folder of the built-in dictionaries.\n";

/* What the sink writes to. */
typedef struct code_out {
  FILE *out;
  int json;
} code_out;

static const char *const date_sources[] = {"text", "article", "none"};

/* Writes text as a CSV field (quoted, quotes doubled). */
static void csv_field(FILE *out, const char *text, size_t len) {
  fputc('"', out);
  for (size_t i = 0; i < len; i++) {
    if (text[i] == '"') fputc('"', out);
    fputc(text[i] == '\n' || text[i] == '\r' ? ' ' : text[i], out);
  }
  fputc('"', out);
}

/* Prints one event as a CSV or JSON line. */
static int print_event(const orb_coded_event *ev, void *user) {
  code_out *o = user;
  char date[11] = "";
  if (ev->date != ORB_DATE_NONE) orb_date_format(ev->date, ev->precision, date);
  const char *type = ev->type >= 0 ? orb_event_type_name((orb_event_type)ev->type) : "";
  if (o->json) {
    cJSON *obj = cJSON_CreateObject();
    char *sentence = malloc(ev->sentence_len + 1);
    if (!obj || !sentence) {
      cJSON_Delete(obj);
      free(sentence);
      return 1;
    }
    memcpy(sentence, ev->sentence, ev->sentence_len);
    sentence[ev->sentence_len] = '\0';
    cJSON_AddStringToObject(obj, "doc", ev->doc);
    cJSON_AddStringToObject(obj, "date", date);
    cJSON_AddStringToObject(obj, "date_source", date_sources[ev->date_source]);
    cJSON_AddStringToObject(obj, "source", ev->source);
    cJSON_AddStringToObject(obj, "source_role", ev->source_role);
    cJSON_AddStringToObject(obj, "cameo", ev->cameo);
    cJSON_AddStringToObject(obj, "target", ev->target);
    cJSON_AddStringToObject(obj, "target_role", ev->target_role);
    cJSON_AddStringToObject(obj, "type", type);
    cJSON_AddNumberToObject(obj, "start", (double)ev->start);
    cJSON_AddNumberToObject(obj, "end", (double)ev->end);
    cJSON_AddStringToObject(obj, "rule", ev->rule);
    cJSON_AddStringToObject(obj, "sentence", sentence);
    char *line = cJSON_PrintUnformatted(obj);
    if (line) fprintf(o->out, "%s\n", line);
    cJSON_free(line);
    cJSON_Delete(obj);
    free(sentence);
    return line == NULL;
  }
  csv_field(o->out, ev->doc, strlen(ev->doc));
  fprintf(o->out, ",%s,%s,%s,%s,%s,%s,%s,%s,%llu,%llu,%s,", date,
          date_sources[ev->date_source], ev->source, ev->source_role, ev->cameo,
          ev->target, ev->target_role, type, (unsigned long long)ev->start,
          (unsigned long long)ev->end, ev->rule);
  csv_field(o->out, ev->sentence, ev->sentence_len);
  fputc('\n', o->out);
  return 0;
}

/* Codes one input (path, or stdin for "-"). Returns a CLI exit code. */
static int code_input(orb_coder *coder, const char *path, orb_date date, code_out *out) {
  int is_stdin = strcmp(path, "-") == 0;
  FILE *in = is_stdin ? stdin : fopen(path, "rb");
  if (!in) {
    perror(path);
    return CLI_EINPUT;
  }
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status st = orb_coder_begin(coder, is_stdin ? "-" : path, date);
  static char buf[1 << 16];
  size_t n;
  while (!st && (n = fread(buf, 1, sizeof buf, in)) > 0)
    st = orb_coder_feed(coder, buf, n, print_event, out, &diags);
  if (!st && ferror(in)) {
    orb_diags_add(&diags, path, 0, 0, "read error");
    st = ORB_EIO;
  }
  if (!st) st = orb_coder_finish(coder, print_event, out, &diags);
  if (!is_stdin) fclose(in);
  if (st) {
    orb_diags_print(&diags, stderr);
    if (!diags.count) fprintf(stderr, "orbit code: %s: %s\n", path, orb_status_str(st));
  }
  orb_diags_free(&diags);
  return st ? CLI_EINPUT : CLI_OK;
}

/* Loads the dictionaries; returns NULL (after printing why) on failure. */
static orb_dict *load_dicts(int defaults, const char **extra, int extra_count) {
  orb_dict *dict = NULL;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status st = orb_dict_new(&dict);
  if (!st && defaults) st = orb_dict_add_default(dict, &diags);
  for (int i = 0; !st && i < extra_count; i++) st = orb_dict_add_file(dict, extra[i], &diags);
  if (st) {
    orb_diags_print(&diags, stderr);
    fprintf(stderr, "orbit code: dictionaries not loaded (%s)\n", orb_status_str(st));
    orb_dict_free(dict);
    dict = NULL;
  }
  orb_diags_free(&diags);
  return dict;
}

/* Loads the built-in parser model; returns NULL (after printing why) on failure. */
static orb_parse_model *load_parser(void) {
  orb_parse_model *model = NULL;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status st = orb_parse_model_load_default(ORB_PARSE_TAGGER, &model, &diags);
  if (st) {
    orb_diags_print(&diags, stderr);
    fprintf(stderr, "orbit code: parser model not loaded (%s); --no-parse codes without it\n",
            orb_status_str(st));
  }
  orb_diags_free(&diags);
  return model;
}

int cmd_code(int argc, char **argv) {
  static const struct option options[] = {
    {"date", required_argument, NULL, 'd'}, {"json", no_argument, NULL, 'j'},
    {"dict", required_argument, NULL, 'D'}, {"no-default-dict", no_argument, NULL, 'N'},
    {"no-parse", no_argument, NULL, 'P'}, {NULL, 0, NULL, 0}};
  orb_date date = ORB_DATE_NONE;
  int json = 0, defaults = 1, parse = 1, option;
  const char **extra = calloc((size_t)argc + 1, sizeof *extra);
  int extra_count = 0;
  if (!extra) return CLI_EINPUT;
  opterr = 0;
  while ((option = getopt_long(argc, argv, ":", options, NULL)) != -1) {
    switch (option) {
    case 'd':
      if (cli_parse_date(optarg, &date) != CLI_OK) {
        free(extra);
        return CLI_EUSAGE;
      }
      break;
    case 'j': json = 1; break;
    case 'D': extra[extra_count++] = optarg; break;
    case 'N': defaults = 0; break;
    case 'P': parse = 0; break;
    case ':':
      free(extra);
      return cli_usage_error("code", "option '%s' needs a value", argv[optind - 1]);
    default:
      free(extra);
      return cli_usage_error("code", "unknown option '%s'", argv[optind - 1]);
    }
  }
  if (optind >= argc) {
    free(extra);
    return cli_usage_error("code", "give at least one FILE (or - for standard input)");
  }
  if (!defaults && !extra_count) {
    free(extra);
    return cli_usage_error("code", "--no-default-dict needs at least one --dict");
  }
  /* every file is checked before anything is written */
  int status = CLI_OK;
  for (int i = optind; i < argc; i++) {
    if (strcmp(argv[i], "-") == 0) continue;
    orb_diags diags;
    orb_diags_init(&diags);
    if (orb_text_check_file(argv[i], &diags) != ORB_OK) {
      orb_diags_print(&diags, stderr);
      status = CLI_EINPUT;
    }
    orb_diags_free(&diags);
  }
  orb_dict *dict = status == CLI_OK ? load_dicts(defaults, extra, extra_count) : NULL;
  free(extra);
  if (!dict) return CLI_EINPUT;
  orb_parse_model *model = NULL;
  if (parse && !(model = load_parser())) {
    orb_dict_free(dict);
    return CLI_EINPUT;
  }
  orb_coder *coder = NULL;
  if (orb_coder_new(dict, &coder) != ORB_OK) {
    orb_parse_model_free(model);
    orb_dict_free(dict);
    return CLI_EINPUT;
  }
  orb_coder_set_parser(coder, model);
  code_out out = {stdout, json};
  if (!json)
    fputs("doc,date,date_source,source,source_role,cameo,target,target_role,type,"
          "start,end,rule,sentence\n", stdout);
  for (int i = optind; i < argc && status == CLI_OK; i++)
    status = code_input(coder, argv[i], date, &out);
  orb_coder_free(coder);
  orb_parse_model_free(model);
  orb_dict_free(dict);
  if (fflush(stdout) != 0 && status == CLI_OK) {
    perror("orbit code: stdout");
    status = CLI_EINPUT;
  }
  return status;
}
