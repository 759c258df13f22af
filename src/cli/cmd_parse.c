/*
 * cmd_parse.c: `orbit parse`, English text to part-of-speech tags and
 * dependency trees in CoNLL-U; also trains and scores parser models
 * (docs/EVENTS.md, "Syntactic layer").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

const char cmd_parse_help[] =
  "Usage: orbit parse [FILE...] [--model M]\n"
  "       orbit parse --eval TREEBANK [--model M]\n"
  "       orbit parse --train TREEBANK --output M [--tagger-epochs N]\n"
  "                   [--parser-epochs N] [--seed S] [--prune P]\n"
  "\n"
  "Tokenises English text (UTF-8, one paragraph a line; '-' or no FILE reads\n"
  "standard input), splits it into sentences, tags each word with its universal\n"
  "part of speech and parses each sentence into a dependency tree; prints\n"
  "CoNLL-U (ID, FORM, UPOS, HEAD, DEPREL; SpaceAfter=No in MISC).\n"
  "\n"
  "Options:\n"
  "  --model M          the model file (default: data/parse/en_ewt.model)\n"
  "  --eval TREEBANK    score the model on a CoNLL-U file (plain or .gz), with\n"
  "                     its tokenisation and predicted tags: UPOS, UAS, LAS\n"
  "  --train TREEBANK   train a model on a CoNLL-U file (deterministic)\n"
  "  --output M         where --train writes the model\n"
  "  --tagger-epochs N, --parser-epochs N, --seed S   training options\n"
  "                     (defaults 8, 15, 20141)\n"
  "  --prune P          drop weights below P times the largest (default 0.001)\n"
  "\n"
  "Bad input (not UTF-8 text, a malformed treebank, a bad model file) is named\n"
  "with FILE:LINE:COL and exits 1.\n"
  "Environment: ORBIT_PARSE_MODEL, the model to use when --model is not given.\n";

#define PARSE_TOKENS_MAX (1u << 20) /* tokens of one input line */

/* Loads a treebank, printing why not. */
static orb_parse_treebank *load_treebank(const char *path) {
  orb_parse_treebank *tb = NULL;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status st = orb_parse_treebank_load(path, &tb, &diags);
  if (st) {
    orb_diags_print(&diags, stderr);
    fprintf(stderr, "orbit parse: treebank not read (%s)\n", orb_status_str(st));
  }
  orb_diags_free(&diags);
  return tb;
}

/* Prints one sentence: tokens t[0..n) of line, numbered from *sent_id. */
static void print_sentence(const orb_parse_model *m, const char *line, size_t line_len,
                           const orb_parse_token *t, size_t n, long *sent_id) {
  const char *words[ORB_PARSE_MAX_WORDS];
  size_t lens[ORB_PARSE_MAX_WORDS];
  uint8_t upos[ORB_PARSE_MAX_WORDS], labels[ORB_PARSE_MAX_WORDS];
  int heads[ORB_PARSE_MAX_WORDS];
  for (size_t i = 0; i < n; i++) words[i] = line + t[i].start, lens[i] = t[i].len;
  orb_tagger_tag(m, words, lens, n, upos);
  orb_parse_tree(m, words, lens, n, upos, heads, labels);
  size_t a = t[0].start, b = t[n - 1].start + t[n - 1].len;
  printf("# sent_id = %ld\n# text = %.*s\n", ++*sent_id, (int)(b - a), line + a);
  for (size_t i = 0; i < n; i++) {
    size_t end = t[i].start + t[i].len;
    int joined = i + 1 < n ? t[i + 1].start == end : end < line_len && line[end] != ' ' &&
                                                         line[end] != '\t' && line[end] != '\n';
    printf("%zu\t%.*s\t_\t%s\t_\t_\t%d\t%s\t_\t%s\n", i + 1, (int)lens[i], words[i],
           orb_parse_upos_name(upos[i]), heads[i], orb_parse_label_name(m, labels[i]),
           joined ? "SpaceAfter=No" : "_");
  }
  putchar('\n');
}

/* Parses every sentence of one line (sentences longer than the parser's
 * limit are cut into parts). Returns ORB_ELIMIT, printing nothing, for a line
 * of more than PARSE_TOKENS_MAX tokens. */
static orb_status parse_line(const orb_parse_model *m, const char *line, size_t len,
                             orb_parse_token *tokens, long *sent_id) {
  size_t count = 0;
  if (orb_parse_tokenize(line, len, tokens, PARSE_TOKENS_MAX, &count) != ORB_OK)
    return ORB_ELIMIT;
  size_t start = 0;
  for (size_t i = 0; i < count; i++) {
    if (!tokens[i].sentence_end && i + 1 - start < ORB_PARSE_MAX_WORDS) continue;
    print_sentence(m, line, len, tokens + start, i + 1 - start, sent_id);
    start = i + 1;
  }
  return ORB_OK;
}

/* Parses one input (path, or stdin for "-"). Returns a CLI exit code. */
static int parse_input(const orb_parse_model *m, const char *path, orb_parse_token *tokens,
                       long *sent_id) {
  int is_stdin = strcmp(path, "-") == 0;
  FILE *in = is_stdin ? stdin : fopen(path, "rb");
  if (!in) {
    perror(path);
    return CLI_EINPUT;
  }
  char *line = NULL;
  size_t cap = 0;
  ssize_t len;
  long number = 0;
  int bad = 0;
  while (!bad && (len = getline(&line, &cap, in)) > 0) {
    number++;
    while (len && (line[len - 1] == '\n' || line[len - 1] == '\r')) len--;
    if (len && parse_line(m, line, (size_t)len, tokens, sent_id) != ORB_OK) {
      fprintf(stderr, "%s:%ld:1: error: more than %u tokens on one line (expected "
              "paragraphs of text)\n", path, number, PARSE_TOKENS_MAX);
      free(line);
      if (!is_stdin) fclose(in);
      return CLI_EINPUT;
    }
  }
  bad = ferror(in);
  free(line);
  if (!is_stdin) fclose(in);
  if (bad) fprintf(stderr, "orbit parse: %s: read error\n", path);
  return bad ? CLI_EINPUT : CLI_OK;
}

/* `orbit parse FILE...`: checks every file, then prints CoNLL-U. */
static int run_text(const char *model_path, char **files, int count) {
  int status = CLI_OK;
  for (int i = 0; i < count; i++) {
    if (strcmp(files[i], "-") == 0) continue;
    orb_diags diags;
    orb_diags_init(&diags);
    if (orb_text_check_file(files[i], &diags) != ORB_OK) {
      orb_diags_print(&diags, stderr);
      status = CLI_EINPUT;
    }
    orb_diags_free(&diags);
  }
  if (status) return status;
  orb_parse_model *m = cli_load_parser("parse", model_path, ORB_PARSE_ALL, "");
  orb_parse_token *tokens = malloc(PARSE_TOKENS_MAX * sizeof *tokens);
  if (!m || !tokens) {
    orb_parse_model_free(m);
    free(tokens);
    return CLI_EINPUT;
  }
  long sent_id = 0;
  char *stdin_only[] = {"-"};
  if (!count) files = stdin_only, count = 1;
  for (int i = 0; i < count && !status; i++) status = parse_input(m, files[i], tokens, &sent_id);
  free(tokens);
  orb_parse_model_free(m);
  if (fflush(stdout) != 0 && !status) {
    perror("orbit parse: stdout");
    status = CLI_EINPUT;
  }
  return status;
}

/* `orbit parse --eval TREEBANK`. */
static int run_eval(const char *model_path, const char *path) {
  orb_parse_model *m = cli_load_parser("parse", model_path, ORB_PARSE_ALL, "");
  orb_parse_treebank *tb = m ? load_treebank(path) : NULL;
  if (!tb) {
    orb_parse_model_free(m);
    return CLI_EINPUT;
  }
  orb_parse_scores sc;
  orb_status st = orb_parse_evaluate(m, tb, &sc);
  if (!st) {
    double w = sc.words ? (double)sc.words : 1;
    printf("sentences %zu\nwords %zu\nUPOS %.4f\nUAS %.4f\nLAS %.4f\nLAS (universal relations) %.4f\n",
           sc.sentences, sc.words, sc.upos_correct / w, sc.uas_correct / w,
           sc.las_correct / w, sc.las_universal / w);
  }
  orb_parse_treebank_free(tb);
  orb_parse_model_free(m);
  return st ? CLI_EINPUT : CLI_OK;
}

/* `orbit parse --train TREEBANK --output M`. */
static int run_train(const char *path, const char *output, const orb_parse_train_options *o) {
  orb_parse_treebank *tb = load_treebank(path);
  if (!tb) return CLI_EINPUT;
  orb_parse_model *m = NULL;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status st = orb_parse_train(tb, o, &m, &diags);
  if (!st) st = orb_parse_model_save(m, output, &diags);
  if (st) {
    orb_diags_print(&diags, stderr);
    fprintf(stderr, "orbit parse: training failed (%s)\n", orb_status_str(st));
  }
  orb_diags_free(&diags);
  orb_parse_model_free(m);
  orb_parse_treebank_free(tb);
  return st ? CLI_EINPUT : CLI_OK;
}

/* What the parsed command line asks for: train, evaluate or parse text. */
static int run_parse(const char *model, const char *eval, const char *train,
                     const char *output, const orb_parse_train_options *to, char **files,
                     int file_count) {
  if (train && eval) return cli_usage_error("parse", "give --train or --eval, not both");
  if (train) {
    if (!output) return cli_usage_error("parse", "--train needs --output M");
    if (file_count) return cli_usage_error("parse", "--train takes no FILE");
    return run_train(train, output, to);
  }
  if (output) return cli_usage_error("parse", "--output goes with --train");
  if (eval) {
    if (file_count) return cli_usage_error("parse", "--eval takes no FILE");
    return run_eval(model, eval);
  }
  return run_text(model, files, file_count);
}

enum { OPT_MODEL = 1, OPT_EVAL, OPT_TRAIN, OPT_OUTPUT, OPT_TAGGER_EPOCHS, OPT_PARSER_EPOCHS,
       OPT_SEED, OPT_PRUNE };

int cmd_parse(int argc, char **argv) {
  static const cli_option options[] = {
    {"model", OPT_MODEL, 1},   {"eval", OPT_EVAL, 1},
    {"train", OPT_TRAIN, 1},   {"output", OPT_OUTPUT, 1},
    {"tagger-epochs", OPT_TAGGER_EPOCHS, 1}, {"parser-epochs", OPT_PARSER_EPOCHS, 1},
    {"seed", OPT_SEED, 1},     {"prune", OPT_PRUNE, 1},
    {NULL, 0, 0}};
  const char *model = NULL, *eval = NULL, *train = NULL, *output = NULL, *value;
  orb_parse_train_options to;
  orb_parse_train_defaults(&to);
  to.log = stderr;
  /* at most argc operands */
  char **files = calloc((size_t)argc + 1, sizeof *files);
  if (!files) return CLI_EINPUT;
  int id, file_count = 0, code = CLI_OK;
  unsigned long long n;
  double p;
  cli_parser parser;
  cli_parser_init(&parser, "parse", options, argc, argv);
  while (code == CLI_OK && (id = cli_next(&parser, &value)) != CLI_END) {
    switch (id) {
    case OPT_MODEL: model = value; break;
    case OPT_EVAL: eval = value; break;
    case OPT_TRAIN: train = value; break;
    case OPT_OUTPUT: output = value; break;
    case OPT_TAGGER_EPOCHS:
    case OPT_PARSER_EPOCHS:
    case OPT_SEED:
      if (cli_parse_count(value, 0, id == OPT_SEED ? 0x7fffffffULL : 100, &n) != ORB_OK) {
        code = cli_usage_error("parse", "--%s needs a number from 0 to %s (got '%s')",
                               id == OPT_SEED ? "seed"
                               : id == OPT_TAGGER_EPOCHS ? "tagger-epochs"
                                                         : "parser-epochs",
                               id == OPT_SEED ? "2147483647" : "100", value);
        break;
      }
      if (id == OPT_TAGGER_EPOCHS) to.tagger_epochs = (int)n;
      else if (id == OPT_PARSER_EPOCHS) to.parser_epochs = (int)n;
      else to.seed = (uint64_t)n;
      break;
    case OPT_PRUNE:
      if (orb_number_parse(value, &p) != ORB_OK || !(p >= 0 && p < 1))
        code = cli_usage_error("parse", "--prune needs a number in [0, 1) (got '%s')", value);
      else to.prune = (float)p;
      break;
    case CLI_OPERAND: files[file_count++] = (char *)value; break;
    default: code = CLI_EUSAGE; break;
    }
  }
  if (code == CLI_OK) code = run_parse(model, eval, train, output, &to, files, file_count);
  free(files);
  return code;
}
