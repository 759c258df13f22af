/*
 * cmd_code.c: `orbit code`, coding news text into events (docs/EVENTS.md).
 */
#include <cjson/cJSON.h>
#include <getopt.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

const char cmd_code_help[] =
  "Usage: orbit code FILE... [--date D] [--json] [--dict FILE]... [--no-default-dict]\n"
  "                  [--threads N]\n"
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
  "  --threads N        code up to N files at once (default 1); the output is the\n"
  "                     same, in file order, for any N\n"
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

/* Codes files[0..count) with one coder per file, `threads` files at a time, each
 * into a temporary file (tmpfile: unnamed, gone at exit) that is then copied to
 * stdout in file order, so the output does not depend on threads. Stops after
 * the first file that fails, as the sequential loop does. */
static int code_parallel(const orb_dict *dict, char **files, int count, orb_date date,
                         int json, int threads) {
  FILE **outs = calloc((size_t)threads, sizeof *outs);
  int *codes = calloc((size_t)threads, sizeof *codes);
  int status = outs && codes ? CLI_OK : CLI_EINPUT;
  for (int start = 0; status == CLI_OK && start < count; start += threads) {
    const int size = count - start < threads ? count - start : threads;
#pragma omp parallel for num_threads(size) schedule(dynamic, 1)
    for (int i = 0; i < size; i++) {
      orb_coder *coder = NULL;
      outs[i] = tmpfile();
      codes[i] = CLI_EINPUT;
      if (outs[i] && orb_coder_new(dict, &coder) == ORB_OK) {
        code_out out = {outs[i], json};
        codes[i] = code_input(coder, files[start + i], date, &out);
      }
      if (!outs[i]) fprintf(stderr, "orbit code: cannot create a temporary file\n");
      orb_coder_free(coder);
    }
    for (int i = 0; i < size; i++) {
      if (status == CLI_OK && outs[i]) {
        char buf[1 << 16];
        size_t n;
        rewind(outs[i]);
        while ((n = fread(buf, 1, sizeof buf, outs[i])) > 0) fwrite(buf, 1, n, stdout);
        if (ferror(outs[i])) codes[i] = CLI_EINPUT;
      }
      if (status == CLI_OK) status = codes[i];
      if (outs[i]) fclose(outs[i]);
      outs[i] = NULL;
    }
  }
  free(outs);
  free(codes);
  return status;
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

int cmd_code(int argc, char **argv) {
  static const struct option options[] = {
    {"date", required_argument, NULL, 'd'}, {"json", no_argument, NULL, 'j'},
    {"dict", required_argument, NULL, 'D'}, {"no-default-dict", no_argument, NULL, 'N'},
    {"threads", required_argument, NULL, 't'}, {NULL, 0, NULL, 0}};
  orb_date date = ORB_DATE_NONE;
  int json = 0, defaults = 1, option, threads = 1;
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
    case 't': {
      char *end;
      long n = strtol(optarg, &end, 10);
      if (*end || end == optarg || n < 1 || n > 1024) {
        free(extra);
        return cli_usage_error("code", "--threads needs a number from 1 to 1024");
      }
      threads = (int)n;
      break;
    }
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
  orb_coder *coder = NULL;
  if (orb_coder_new(dict, &coder) != ORB_OK) {
    orb_dict_free(dict);
    return CLI_EINPUT;
  }
  code_out out = {stdout, json};
  if (!json)
    fputs("doc,date,date_source,source,source_role,cameo,target,target_role,type,"
          "start,end,rule,sentence\n", stdout);
  int files = argc - optind, parallel = threads > 1 && files > 1;
  for (int i = optind; i < argc; i++) parallel &= strcmp(argv[i], "-") != 0; /* stdin: in turn */
  if (parallel)
    status = code_parallel(dict, argv + optind, files, date, json,
                           threads < files ? threads : files);
  for (int i = optind; !parallel && i < argc && status == CLI_OK; i++)
    status = code_input(coder, argv[i], date, &out);
  orb_coder_free(coder);
  orb_dict_free(dict);
  if (fflush(stdout) != 0 && status == CLI_OK) {
    perror("orbit code: stdout");
    status = CLI_EINPUT;
  }
  return status;
}
