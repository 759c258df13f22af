/*
 * test_parse.c: the syntactic layer without ../shared: the tokeniser (exact
 * tokens), the CoNLL-U reader (a small hand-written treebank, malformed files),
 * training (deterministic to the byte, a saved model predicts what the trained
 * one did), the model loader on damaged files, and the shipped model on fixed
 * sentences (exact heads and relations).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cmocka.h>

#include "common/testutil.h"
#include "orbit/parse.h"

#define TINY ORB_TEST_SOURCE_DIR "/tests/parse/tiny.conllu"

/* ---- tokens ---------------------------------------------------------------------- */

/* Tokenises text and joins the tokens with '|', marking sentence ends with '#'. */
static void tokens_of(const char *text, char *out, size_t size) {
  orb_parse_token t[128];
  size_t n = 0;
  assert_int_equal(orb_parse_tokenize(text, strlen(text), t, 128, &n), ORB_OK);
  out[0] = 0;
  for (size_t i = 0; i < n; i++) {
    size_t len = strlen(out);
    snprintf(out + len, size - len, "%s%.*s%s", i ? "|" : "", (int)t[i].len,
             text + t[i].start, t[i].sentence_end ? "#" : "");
  }
}

static void test_tokenize(void **state) {
  (void)state;
  char out[1024];
  tokens_of("Moscow's troops didn't leave.", out, sizeof out);
  assert_string_equal(out, "Moscow|'s|troops|did|n't|leave|.#");
  tokens_of("The Russia-led CSTO (the alliance) can't act, Mr. Pashinyan said.", out, sizeof out);
  assert_string_equal(out, "The|Russia|-|led|CSTO|(|the|alliance|)|ca|n't|act|,|Mr.|Pashinyan|said|.#");
  tokens_of("\"We froze it,\" he said. Then $1,000.5 went to the U.S. on 5 May!", out, sizeof out);
  assert_string_equal(out, "\"|We|froze|it|,|\"|he|said|.#|Then|$|1,000.5|went|to|the|U.S.|on|5|May|!#");
  tokens_of("They'll see http://example.org/a.html... or not?", out, sizeof out);
  assert_string_equal(out, "They|'ll|see|http://example.org/a.html|...|or|not|?#");
  tokens_of("the countries' leaders \xE2\x80\x9C" "agreed\xE2\x80\x9D \xE2\x80\x94 Kyiv\xE2\x80\x99s view",
            out, sizeof out);
  assert_string_equal(out, "the|countries|'|leaders|\xE2\x80\x9C|agreed|\xE2\x80\x9D|\xE2\x80\x94|Kyiv|"
                           "\xE2\x80\x99s|view#");
  tokens_of("It ended. and went on", out, sizeof out);
  assert_string_equal(out, "It|ended|.|and|went|on#");
  /* too many tokens: the first cap are written */
  orb_parse_token t[3];
  size_t n = 0;
  assert_int_equal(orb_parse_tokenize("a b c d e", 9, t, 3, &n), ORB_ELIMIT);
  assert_int_equal(n, 3);
  assert_int_equal(orb_parse_tokenize("", 0, t, 3, &n), ORB_OK);
  assert_int_equal(n, 0);
}

/* ---- treebanks --------------------------------------------------------------------- */

static void test_treebank(void **state) {
  (void)state;
  orb_parse_treebank *tb = NULL;
  orb_diags d;
  orb_diags_init(&d);
  assert_int_equal(orb_parse_treebank_load(TINY, &tb, &d), ORB_OK);
  assert_int_equal(tb->sentences, 3);
  assert_int_equal(tb->words, 18); /* the "3-4" token line is not a word */
  assert_string_equal(tb->form[6], "alliance");
  assert_int_equal(tb->upos[6], ORB_UPOS_NOUN);
  assert_int_equal(tb->head[6], 5);
  assert_string_equal(tb->labels[tb->label[6]], "nsubj");
  assert_string_equal(tb->labels[tb->label[2]], "nmod:poss");
  assert_int_equal(tb->sent_start[2], 11);
  orb_parse_treebank_free(tb);
  orb_diags_free(&d);

  static const struct { const char *file, *message; int line; } bad[] = {
    {"fields", "9 fields (expected 10", 1}, {"upos", "unknown UPOS tag 'NOUNY'", 1},
    {"head", "head 5 of word 1 is outside its sentence of 1 words", 2},
    {"id", "word id '2' (expected 1)", 1}, {"empty", "no sentence", 0},
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    char path[512];
    snprintf(path, sizeof path, ORB_TEST_SOURCE_DIR "/tests/parse/bad/%s.conllu", bad[i].file);
    orb_diags_init(&d);
    tb = NULL;
    assert_int_equal(orb_parse_treebank_load(path, &tb, &d), ORB_EPARSE);
    assert_null(tb);
    assert_int_equal(d.count, 1);
    assert_non_null(strstr(d.items[0].message, bad[i].message));
    assert_int_equal(d.items[0].line, bad[i].line);
    orb_diags_free(&d);
  }
  orb_diags_init(&d);
  assert_int_equal(orb_parse_treebank_load("/nonexistent/x.conllu", &tb, &d), ORB_EIO);
  orb_diags_free(&d);
}

/* ---- training and model files ------------------------------------------------------ */

/* Trains a model on the tiny treebank. */
static orb_parse_model *train_tiny(void) {
  orb_parse_treebank *tb = NULL;
  orb_parse_model *m = NULL;
  orb_diags d;
  orb_diags_init(&d);
  assert_int_equal(orb_parse_treebank_load(TINY, &tb, &d), ORB_OK);
  orb_parse_train_options o;
  orb_parse_train_defaults(&o);
  o.tagger_epochs = 4;
  o.parser_epochs = 6;
  o.prune = 0;
  assert_int_equal(orb_parse_train(tb, &o, &m, &d), ORB_OK);
  orb_parse_treebank_free(tb);
  orb_diags_free(&d);
  return m;
}

static char *temp_path(const char *name) {
  static char path[256];
  snprintf(path, sizeof path, "/tmp/orbit_test_parse_%ld_%s", (long)getpid(), name);
  return path;
}

static void save(const orb_parse_model *m, const char *path) {
  orb_diags d;
  orb_diags_init(&d);
  assert_int_equal(orb_parse_model_save(m, path, &d), ORB_OK);
  orb_diags_free(&d);
}

static void test_train_deterministic(void **state) {
  (void)state;
  orb_parse_model *a = train_tiny(), *b = train_tiny();
  char pa[256], pb[256];
  snprintf(pa, sizeof pa, "%s", temp_path("a.model"));
  snprintf(pb, sizeof pb, "%s", temp_path("b.model"));
  save(a, pa);
  save(b, pb);
  size_t la = 0, lb = 0;
  char *da = test_read_file(pa, &la), *db = test_read_file(pb, &lb);
  assert_non_null(da);
  assert_non_null(db);
  assert_int_equal(la, lb);
  assert_memory_equal(da, db, la);
  free(da);
  free(db);
  /* the loaded model scores what the trained one does on its training set */
  orb_parse_model *c = NULL;
  orb_parse_treebank *tb = NULL;
  orb_diags d;
  orb_diags_init(&d);
  assert_int_equal(orb_parse_model_load(pa, ORB_PARSE_ALL, &c, &d), ORB_OK);
  assert_int_equal(orb_parse_treebank_load(TINY, &tb, &d), ORB_OK);
  orb_parse_scores sa, sc;
  assert_int_equal(orb_parse_evaluate(a, tb, &sa), ORB_OK);
  assert_int_equal(orb_parse_evaluate(c, tb, &sc), ORB_OK);
  assert_memory_equal(&sa, &sc, sizeof sa);
  assert_int_equal(sa.words, 18);
  assert_int_equal(sa.upos_correct, 18); /* learnt by heart */
  /* the parser learns on jackknifed tags, from taggers of two sentences each
   * here: it learns the tiny treebank only in part */
  assert_true(sa.uas_correct >= 9);
  assert_int_equal(orb_parse_label_count(c), 10);
  assert_string_equal(orb_parse_label_name(c, orb_parse_label_from_name(c, "nmod:poss")), "nmod:poss");
  assert_string_equal(orb_parse_label_name(c, 99), "_");
  orb_parse_treebank_free(tb);
  orb_parse_model_free(a);
  orb_parse_model_free(b);
  orb_parse_model_free(c);
  orb_diags_free(&d);
  unlink(pa);
  unlink(pb);
}

/* Writes len bytes of data to path. */
static void write_bytes(const char *path, const void *data, size_t len) {
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(data, 1, len, f), len);
  fclose(f);
}

/* Expects loading path to fail with status and a message holding expected. */
static void expect_bad(const char *path, orb_status status, const char *expected) {
  orb_parse_model *m = NULL;
  orb_diags d;
  orb_diags_init(&d);
  assert_int_equal(orb_parse_model_load(path, ORB_PARSE_ALL, &m, &d), status);
  assert_null(m);
  assert_true(d.count >= 1);
  if (!strstr(d.items[0].message, expected))
    fail_msg("'%s' does not say '%s'", d.items[0].message, expected);
  assert_string_equal(d.items[0].file, path);
  orb_diags_free(&d);
}

static void put32(unsigned char *p, uint32_t v) {
  for (int i = 0; i < 4; i++) p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get64(const unsigned char *p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; i--) v = v << 8 | p[i];
  return v;
}

/* Rewrites the model file data (len bytes) to path with its first section's
 * bytes replaced by raw[0..rlen) (a valid header and checksum). */
static void repack(const char *path, const unsigned char *data, size_t len,
                   const unsigned char *raw, size_t rlen) {
  uLongf zlen = compressBound(rlen);
  size_t z1 = (size_t)get64(data + 24), z2 = (size_t)get64(data + 48);
  assert_int_equal(64 + z1 + z2, len);
  unsigned char *file = malloc(64 + zlen + z2);
  assert_non_null(file);
  assert_int_equal(compress2(file + 64, &zlen, raw, rlen, 9), Z_OK);
  memcpy(file, data, 64);
  put32(file + 16, (uint32_t)rlen);
  put32(file + 20, 0);
  put32(file + 24, (uint32_t)zlen);
  put32(file + 28, 0);
  put32(file + 32, (uint32_t)crc32(0L, raw, (uInt)rlen));
  memcpy(file + 64 + zlen, data + 64 + z1, z2);
  write_bytes(path, file, 64 + zlen + z2);
  free(file);
}

/* Expects loading path with parts to succeed. */
static orb_parse_model *expect_good(const char *path, orb_parse_parts parts) {
  orb_parse_model *m = NULL;
  orb_diags d;
  orb_diags_init(&d);
  orb_status st = orb_parse_model_load(path, parts, &m, &d);
  orb_diags_print(&d, stderr);
  orb_diags_free(&d);
  assert_int_equal(st, ORB_OK);
  return m;
}

static void test_loader_rejects_damage(void **state) {
  (void)state;
  orb_parse_model *m = train_tiny();
  char good[256], bad[256];
  snprintf(good, sizeof good, "%s", temp_path("good.model"));
  snprintf(bad, sizeof bad, "%s", temp_path("bad.model"));
  save(m, good);
  orb_parse_model_free(m);
  size_t len = 0;
  unsigned char *data = (unsigned char *)test_read_file(good, &len);
  assert_non_null(data);
  assert_true(len > 100);

  write_bytes(bad, data, 0);
  expect_bad(bad, ORB_EPARSE, "too short for a header (0 bytes");
  write_bytes(bad, data, 20);
  expect_bad(bad, ORB_EPARSE, "too short for a header (20 bytes");
  write_bytes(bad, data, len / 2);
  expect_bad(bad, ORB_EPARSE, "truncated or padded");
  write_bytes(bad, data, len - 1);
  expect_bad(bad, ORB_EPARSE, "truncated or padded");
  unsigned char *copy = malloc(len + 1);
  memcpy(copy, data, len);
  copy[len] = 0;
  write_bytes(bad, copy, len + 1);
  expect_bad(bad, ORB_EPARSE, "truncated or padded");
  copy[0] = 'X';
  write_bytes(bad, copy, len);
  expect_bad(bad, ORB_EPARSE, "bad magic (expected ORBPARSE)");
  memcpy(copy, data, len);
  copy[8] = 3;
  write_bytes(bad, copy, len);
  expect_bad(bad, ORB_EPARSE, "version 3 (this orbit reads version 2)");
  memcpy(copy, data, len);
  copy[32] ^= 1; /* the tagger's checksum */
  write_bytes(bad, copy, len);
  expect_bad(bad, ORB_EPARSE, "section 1: checksum mismatch");
  memcpy(copy, data, len);
  copy[56] ^= 1; /* the parser's checksum: the tagger alone still loads */
  write_bytes(bad, copy, len);
  expect_bad(bad, ORB_EPARSE, "section 2: checksum mismatch");
  orb_parse_model_free(expect_good(bad, ORB_PARSE_TAGGER));
  memcpy(copy, data, len);
  copy[len - 20] ^= 0x55; /* inside the parser's compressed stream */
  write_bytes(bad, copy, len);
  orb_parse_model *x = NULL;
  orb_diags d;
  orb_diags_init(&d);
  assert_int_equal(orb_parse_model_load(bad, ORB_PARSE_ALL, &x, &d), ORB_EPARSE);
  assert_non_null(strstr(d.items[0].message, "section 2: "));
  orb_diags_free(&d);
  free(copy);

  /* a first section with a valid checksum but wrong contents */
  size_t rlen = (size_t)get64(data + 16);
  unsigned char *raw = malloc(rlen + 8);
  uLongf out = rlen;
  assert_int_equal(uncompress(raw, &out, data + 64, (uLong)get64(data + 24)), Z_OK);
  assert_int_equal(out, rlen);
  repack(bad, data, len, raw, rlen); /* unchanged: loads */
  orb_parse_model_free(expect_good(bad, ORB_PARSE_ALL));
  put32(raw, 16);
  repack(bad, data, len, raw, rlen);
  expect_bad(bad, ORB_EPARSE, "not the 17 UPOS tags");
  put32(raw, 17);
  repack(bad, data, len, raw, rlen - 1);
  expect_bad(bad, ORB_EPARSE, "more than the file holds");
  memset(raw + rlen, 0, 8);
  repack(bad, data, len, raw, rlen + 8);
  expect_bad(bad, ORB_EPARSE, "bytes left after the tag dictionary");
  put32(raw + 4, 200);
  repack(bad, data, len, raw, rlen);
  expect_bad(bad, ORB_EPARSE, "number of relations");
  free(raw);
  free(data);

  expect_bad("/nonexistent/parse.model", ORB_EIO, "cannot read the parser model");
  expect_bad("/tmp", ORB_EIO, "not a regular file");
  /* the tagger alone tags, but neither parses, scores nor saves */
  m = expect_good(good, ORB_PARSE_TAGGER);
  const char *w[2] = {"Russia", "attacked"};
  size_t l[2] = {6, 8};
  uint8_t tags[2], labels[2];
  int heads[2];
  assert_int_equal(orb_tagger_tag(m, w, l, 2, tags), ORB_OK);
  assert_int_equal(orb_parse_tree(m, w, l, 2, tags, heads, labels), ORB_EINVAL);
  orb_diags_init(&d);
  assert_int_equal(orb_parse_model_save(m, bad, &d), ORB_EINVAL);
  orb_diags_free(&d);
  orb_parse_model_free(m);
  unlink(bad);
  unlink(good);
  /* a failed save leaves nothing behind */
  orb_diags_init(&d);
  m = train_tiny();
  assert_int_equal(orb_parse_model_save(m, "/nonexistent/dir/x.model", &d), ORB_EIO);
  assert_non_null(strstr(d.items[0].message, "cannot write the model"));
  orb_parse_model_free(m);
  orb_diags_free(&d);
}

/* ---- the shipped model on fixed sentences ------------------------------------------- */

/* Parses text with the built-in model into "form/UPOS/head/relation" items. */
static void parse_of(const orb_parse_model *m, const char *text, char *out, size_t size) {
  orb_parse_token t[128];
  size_t n = 0;
  assert_int_equal(orb_parse_tokenize(text, strlen(text), t, 128, &n), ORB_OK);
  const char *w[128];
  size_t l[128];
  uint8_t tags[128], labels[128];
  int heads[128];
  for (size_t i = 0; i < n; i++) w[i] = text + t[i].start, l[i] = t[i].len;
  assert_int_equal(orb_tagger_tag(m, w, l, n, tags), ORB_OK);
  assert_int_equal(orb_parse_tree(m, w, l, n, tags, heads, labels), ORB_OK);
  out[0] = 0;
  int roots = 0;
  for (size_t i = 0; i < n; i++) {
    size_t len = strlen(out);
    roots += heads[i] == 0;
    snprintf(out + len, size - len, "%s%.*s/%s/%d/%s", i ? " " : "", (int)l[i], w[i],
             orb_parse_upos_name(tags[i]), heads[i], orb_parse_label_name(m, labels[i]));
  }
  assert_int_equal(roots, 1);
}

static void test_golden(void **state) {
  (void)state;
  orb_parse_model *m = NULL;
  orb_diags d;
  orb_diags_init(&d);
  orb_status st = orb_parse_model_load_default(ORB_PARSE_ALL, &m, &d);
  orb_diags_print(&d, stderr);
  assert_int_equal(st, ORB_OK);
  orb_diags_free(&d);
  static const char *const cases[][2] = {
#include "golden.inc"
  };
  char out[4096];
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    parse_of(m, cases[i][0], out, sizeof out);
    if (strcmp(out, cases[i][1]) != 0)
      fail_msg("%s\n got      %s\n expected %s", cases[i][0], out, cases[i][1]);
  }
  /* limits */
  const char *w[ORB_PARSE_MAX_WORDS + 1];
  size_t l[ORB_PARSE_MAX_WORDS + 1];
  uint8_t tags[ORB_PARSE_MAX_WORDS + 1], labels[ORB_PARSE_MAX_WORDS + 1];
  int heads[ORB_PARSE_MAX_WORDS + 1];
  for (size_t i = 0; i <= ORB_PARSE_MAX_WORDS; i++) w[i] = "word", l[i] = 4;
  assert_int_equal(orb_tagger_tag(m, w, l, ORB_PARSE_MAX_WORDS + 1, tags), ORB_ELIMIT);
  assert_int_equal(orb_parse_tree(m, w, l, ORB_PARSE_MAX_WORDS + 1, tags, heads, labels),
                   ORB_ELIMIT);
  assert_int_equal(orb_tagger_tag(m, w, l, ORB_PARSE_MAX_WORDS, tags), ORB_OK);
  assert_int_equal(orb_parse_tree(m, w, l, ORB_PARSE_MAX_WORDS, tags, heads, labels), ORB_OK);
  int roots = 0;
  for (size_t i = 0; i < ORB_PARSE_MAX_WORDS; i++) {
    roots += heads[i] == 0;
    assert_true(heads[i] >= 0 && heads[i] <= ORB_PARSE_MAX_WORDS && heads[i] != (int)i + 1);
  }
  assert_int_equal(roots, 1);
  assert_int_equal(orb_parse_tree(m, w, l, 0, tags, heads, labels), ORB_OK);
  orb_parse_model_free(m);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_tokenize),
    cmocka_unit_test(test_treebank),
    cmocka_unit_test(test_train_deterministic),
    cmocka_unit_test(test_loader_rejects_damage),
    cmocka_unit_test(test_golden),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
