/*
 * fuzz_parse.c: libFuzzer harness of the syntactic layer. The first byte
 * picks what the rest of the input is:
 * - 0 (mod 3): English text, tokenised, then every sentence tagged and parsed
 *   with the built-in model (loaded once); every tree must have one root and
 *   heads in range;
 * - 1: a CoNLL-U treebank file, read (and scored when it reads);
 * - 2: a model file, loaded (and used on a fixed sentence when it loads).
 * Every path must end with ORB_OK or a clean error, without leaks.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "orbit/orbit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static orb_parse_model *builtin; /* loaded on the first input, kept for the run */

/* Tags and parses n words; aborts on a malformed tree. */
static void analyse(const orb_parse_model *m, const char *const *w, const size_t *l, size_t n) {
  uint8_t tags[ORB_PARSE_MAX_WORDS], labels[ORB_PARSE_MAX_WORDS];
  int heads[ORB_PARSE_MAX_WORDS];
  if (orb_tagger_tag(m, w, l, n, tags) != ORB_OK) abort();
  if (orb_parse_tree(m, w, l, n, tags, heads, labels) != ORB_OK) abort();
  size_t roots = 0;
  for (size_t i = 0; i < n; i++) {
    if (heads[i] < 0 || heads[i] > (int)n || heads[i] == (int)i + 1) abort();
    if (labels[i] >= orb_parse_label_count(m)) abort();
    roots += heads[i] == 0;
  }
  if (n && roots != 1) abort();
}

static void text(const char *s, size_t len) {
  static orb_parse_token tokens[4096];
  size_t n = 0;
  orb_parse_tokenize(s, len, tokens, 4096, &n);
  const char *w[ORB_PARSE_MAX_WORDS];
  size_t l[ORB_PARSE_MAX_WORDS], count = 0;
  for (size_t i = 0; i < n; i++) {
    if (tokens[i].start + tokens[i].len > len || !tokens[i].len) abort();
    w[count] = s + tokens[i].start;
    l[count++] = tokens[i].len;
    if (tokens[i].sentence_end || count == ORB_PARSE_MAX_WORDS || i + 1 == n) {
      analyse(builtin, w, l, count);
      count = 0;
    }
  }
}

/* Writes data to a file of this process and returns its path. */
static const char *to_file(const uint8_t *data, size_t len) {
  static char path[64];
  snprintf(path, sizeof path, "/tmp/fuzz_parse_%ld", (long)getpid());
  FILE *f = fopen(path, "wb");
  if (!f) abort();
  fwrite(data, 1, len, f);
  fclose(f);
  return path;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  orb_diags diags;
  orb_diags_init(&diags);
  if (!builtin && orb_parse_model_load_default(ORB_PARSE_ALL, &builtin, &diags) != ORB_OK) abort();
  const char *rest = (const char *)data + 1;
  size_t len = size - 1;
  if (data[0] % 3 == 0) {
    text(rest, len);
  } else if (data[0] % 3 == 1) {
    orb_parse_treebank *tb = NULL;
    if (orb_parse_treebank_load(to_file(data + 1, len), &tb, &diags) == ORB_OK) {
      orb_parse_scores sc;
      if (orb_parse_evaluate(builtin, tb, &sc) != ORB_OK || sc.words != tb->words) abort();
    }
    orb_parse_treebank_free(tb);
  } else {
    orb_parse_model *m = NULL;
    if (orb_parse_model_load(to_file(data + 1, len), ORB_PARSE_ALL, &m, &diags) == ORB_OK) {
      const char *w[3] = {"Russia", "attacked", "Ukraine"};
      size_t l[3] = {6, 8, 7};
      analyse(m, w, l, 3);
    }
    orb_parse_model_free(m);
  }
  orb_diags_free(&diags);
  return 0;
}
