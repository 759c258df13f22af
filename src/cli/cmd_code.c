/*
 * cmd_code.c: `orbit code`, coding news text into events (docs/EVENTS.md), written
 * by the events module's writer (orb_coded_event_write).
 */
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

const char cmd_code_help[] =
  "Usage: orbit code FILE... [--date D] [--json] [--dict FILE]... [--no-default-dict]\n"
  "                  [--world W | --no-world] [--threads N] [--parse tagger|full|none]\n"
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
  "  --world W          add the actors of world file W (docs/WORLD.md): their\n"
  "                     names, adjectives and capitals, leaders on the dates of\n"
  "                     their terms, companies as their owners, coded with the\n"
  "                     world's ids (before the --dict files); default: the\n"
  "                     built-in world (or ORBIT_WORLD) unless --no-default-dict\n"
  "  --no-world         add no world's actors\n"
  "  --threads N        code up to N files at once (default 1); the output is the\n"
  "                     same, in file order, for any N\n"
  "  --parse MODE       the syntactic layer (data/parse): 'full' (default) tags\n"
  "                     and parses sentences to tell verbs from nouns ('peacekeeping\n"
  "                     forces'), turn passives around and keep places ('in\n"
  "                     Uzbekistan') from being targets; 'tagger' only tags them\n"
  "                     (about 85 MB less memory, 0.3 s less to start); 'none' (or\n"
  "                     --no-parse) neither\n"
  "\n"
  "Columns: doc, date, date_source (text, article or none), source,\n"
  "source_role, cameo, target, target_role, type, start, end (byte offsets of\n"
  "the sentence), rule (dictionary FILE:LINE), sentence.\n"
  "Files are checked to be UTF-8 text before any is coded; bad input is named\n"
  "with FILE:LINE:COL and the byte offset, and exits 1 (see 'orbit help').\n"
  "Environment: ORBIT_EVENTS_DIR, folder of the built-in dictionaries.\n";

/* What the sink writes to, and the first failure of a write. */
typedef struct code_out {
  FILE *out;
  orb_format format;
  orb_status status;
} code_out;

/* Writes one event; a failed write stops the coder. */
static int print_event(const orb_coded_event *ev, void *user) {
  code_out *o = user;
  o->status = orb_coded_event_write(o->out, ev, o->format);
  return o->status != ORB_OK;
}

/* Codes one input (path, or stdin for "-"). Returns an exit code. */
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
  char buf[1 << 16];
  size_t n;
  while (!st && (n = fread(buf, 1, sizeof buf, in)) > 0)
    st = orb_coder_feed(coder, buf, n, print_event, out, &diags);
  if (!st && ferror(in)) {
    orb_diags_add(&diags, path, 0, 0, "read error");
    st = ORB_EIO;
  }
  if (!st) st = orb_coder_finish(coder, print_event, out, &diags);
  if (!is_stdin) fclose(in);
  int code = CLI_OK;
  if (out->status != ORB_OK) {
    code = cli_written("code", out->status);
  } else if (st) {
    orb_diags_print(&diags, stderr);
    if (!diags.count) fprintf(stderr, "orbit code: %s: %s\n", path, orb_status_str(st));
    code = CLI_EINPUT;
  }
  orb_diags_free(&diags);
  return code;
}

/* Loads the dictionaries; NULL (after printing why) on failure. */
static orb_dict *load_dicts(int defaults, const char *world_path, const char **extra,
                            int extra_count) {
  orb_dict *dict = NULL;
  orb_world *world = NULL;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status st = orb_dict_new(&dict);
  if (!st && defaults) st = orb_dict_add_default(dict, &diags);
  if (!st && world_path) {
    st = orb_world_load(world_path, &world, &diags);
    if (st) {
      orb_diags_print(&diags, stderr);
      fprintf(stderr, "orbit code: world '%s' not loaded (%s)\n", world_path,
              orb_status_str(st));
      orb_diags_free(&diags);
      orb_dict_free(dict);
      return NULL;
    }
    st = orb_dict_add_world(dict, world, world_path, &diags);
    orb_world_free(world);
  }
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

/* Codes inputs[0..count) with one coder per file, `threads` files at a time, each
 * into a temporary file (tmpfile: unnamed, gone at exit) that is then copied to
 * stdout in file order, so the output does not depend on threads. Stops after
 * the first file that fails, as the sequential loop does. */
static int code_parallel(const orb_dict *dict, const orb_parse_model *model,
                         const char **inputs, int count, orb_date date, orb_format format,
                         int threads) {
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
        orb_coder_set_parser(coder, model);
        code_out out = {outs[i], format, ORB_OK};
        codes[i] = code_input(coder, inputs[start + i], date, &out);
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

enum { OPT_DATE = 1, OPT_JSON, OPT_DICT, OPT_NO_DEFAULT_DICT, OPT_THREADS, OPT_NO_PARSE,
       OPT_WORLD, OPT_NO_WORLD, OPT_PARSE };

int cmd_code(int argc, char **argv) {
  static const cli_option options[] = {
    {"date", OPT_DATE, 1}, {"json", OPT_JSON, 0}, {"dict", OPT_DICT, 1},
    {"no-default-dict", OPT_NO_DEFAULT_DICT, 0}, {"threads", OPT_THREADS, 1},
    {"no-parse", OPT_NO_PARSE, 0}, {"world", OPT_WORLD, 1}, {"no-world", OPT_NO_WORLD, 0},
    {"parse", OPT_PARSE, 1}, {NULL, 0, 0}};
  orb_date date = ORB_DATE_NONE;
  orb_format format = ORB_FORMAT_CSV;
  int defaults = 1, id, extra_count = 0, input_count = 0, threads = 1, parse = 2, no_world = 0;
  unsigned long long number;
  const char *value, *world_path = NULL;
  /* at most argc values of each kind */
  const char **extra = calloc((size_t)argc + 1, sizeof *extra);
  const char **inputs = calloc((size_t)argc + 1, sizeof *inputs);
  int code = extra && inputs ? CLI_OK : CLI_EINPUT;
  cli_parser parser;
  cli_parser_init(&parser, "code", options, argc, argv);
  while (code == CLI_OK && (id = cli_next(&parser, &value)) != CLI_END) {
    switch (id) {
    case OPT_DATE: code = cli_parse_date("code", value, &date); break;
    case OPT_JSON: format = ORB_FORMAT_JSON; break;
    case OPT_DICT: extra[extra_count++] = value; break;
    case OPT_NO_DEFAULT_DICT: defaults = 0; break;
    case OPT_NO_PARSE: parse = 0; break;
    case OPT_PARSE:
      if (strcmp(value, "none") == 0) parse = 0;
      else if (strcmp(value, "tagger") == 0) parse = 1;
      else if (strcmp(value, "full") == 0) parse = 2;
      else code = cli_usage_error("code", "--parse expects tagger, full or none, not '%s'", value);
      break;
    case OPT_WORLD:
      if (world_path) code = cli_usage_error("code", "--world may be given once");
      world_path = value;
      break;
    case OPT_NO_WORLD: no_world = 1; break;
    case OPT_THREADS:
      if (cli_parse_count(value, 1, 1024, &number) != ORB_OK)
        code = cli_usage_error("code", "--threads expects a number from 1 to 1024, not '%s'",
                               value);
      threads = (int)number;
      break;
    case CLI_OPERAND: inputs[input_count++] = value; break;
    default: code = CLI_EUSAGE; break;
    }
  }
  if (code == CLI_OK && !input_count)
    code = cli_usage_error("code", "give at least one FILE (or - for standard input)");
  if (code == CLI_OK && !defaults && !extra_count)
    code = cli_usage_error("code", "--no-default-dict needs at least one --dict");
  if (code == CLI_OK && no_world && world_path)
    code = cli_usage_error("code", "--world and --no-world exclude each other");
  /* the built-in world's names, leaders and companies join the built-in dictionaries */
  if (code == CLI_OK && !world_path && !no_world && defaults)
    world_path = orb_world_default_path();
  /* every file is checked before anything is written */
  int bad = 0;
  for (int i = 0; code == CLI_OK && i < input_count; i++) {
    if (strcmp(inputs[i], "-") == 0) continue;
    orb_diags diags;
    orb_diags_init(&diags);
    if (orb_text_check_file(inputs[i], &diags) != ORB_OK) {
      orb_diags_print(&diags, stderr);
      bad = 1;
    }
    orb_diags_free(&diags);
  }
  if (bad) code = CLI_EINPUT;
  orb_dict *dict = code == CLI_OK ? load_dicts(defaults, world_path, extra, extra_count) : NULL;
  orb_parse_model *model = NULL;
  if (code == CLI_OK && dict && parse)
    model = cli_load_parser("code", NULL, parse == 2 ? ORB_PARSE_ALL : ORB_PARSE_TAGGER,
                            "; --parse none codes without it");
  if (code == CLI_OK && (!dict || (parse && !model))) code = CLI_EINPUT;
  orb_coder *coder = NULL;
  if (code == CLI_OK && orb_coder_new(dict, &coder) != ORB_OK) code = CLI_EINPUT;
  if (code == CLI_OK) orb_coder_set_parser(coder, model);
  code_out out = {stdout, format, ORB_OK};
  if (code == CLI_OK) code = cli_written("code", orb_coded_event_write_header(stdout, format));
  int parallel = threads > 1 && input_count > 1;
  for (int i = 0; i < input_count; i++) parallel &= strcmp(inputs[i], "-") != 0; /* stdin: in turn */
  if (code == CLI_OK && parallel)
    code = code_parallel(dict, model, inputs, input_count, date, format,
                         threads < input_count ? threads : input_count);
  for (int i = 0; !parallel && i < input_count && code == CLI_OK; i++)
    code = code_input(coder, inputs[i], date, &out);
  orb_coder_free(coder);
  orb_parse_model_free(model);
  orb_dict_free(dict);
  free(extra);
  free(inputs);
  return code;
}
