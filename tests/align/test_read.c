/*
 * test_read.c: the landscape readers: signed edge lists (CSV) and YAML landscapes,
 * good files read exactly, and every class of bad input reported as FILE:LINE:COL
 * with the message the user sees, nothing returned.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "orbit/align.h"

/* Formats every diagnostic as "FILE:LINE:COL: message\n" into a new string. */
static char *diag_text(const orb_diags *diags) {
  size_t size = 1;
  for (size_t i = 0; i < diags->count; i++)
    size += strlen(diags->items[i].file) + strlen(diags->items[i].message) + 32;
  char *text = calloc(size, 1), *p = text;
  for (size_t i = 0; i < diags->count; i++)
    p += sprintf(p, "%s:%d:%d: %s\n", diags->items[i].file, diags->items[i].line,
                 diags->items[i].column, diags->items[i].message);
  return text;
}

/* Reads len bytes of CSV; asserts it fails with exactly the expected diagnostics. */
static void assert_csv_error_len(const char *csv, size_t len, const char *expected) {
  orb_diags diags;
  orb_diags_init(&diags);
  orb_landscape *l = (orb_landscape *)1;
  assert_int_equal(orb_landscape_read_signed_buffer("e.csv", csv, len, &l, &diags),
                   ORB_EPARSE);
  assert_null(l);
  char *text = diag_text(&diags);
  assert_string_equal(text, expected);
  free(text);
  orb_diags_free(&diags);
}

static void assert_csv_error(const char *csv, const char *expected) {
  assert_csv_error_len(csv, strlen(csv), expected);
}

/* Reads YAML text; asserts it fails with exactly the expected diagnostics. */
static void assert_yaml_error(const char *yaml, const char *expected) {
  orb_diags diags;
  orb_diags_init(&diags);
  orb_landscape *l = (orb_landscape *)1;
  assert_int_equal(orb_landscape_read_yaml_buffer("l.yaml", yaml, strlen(yaml), &l, NULL,
                                                  &diags),
                   ORB_EPARSE);
  assert_null(l);
  char *text = diag_text(&diags);
  assert_string_equal(text, expected);
  free(text);
  orb_diags_free(&diags);
}

static void test_csv_good(void **state) {
  (void)state;
  const char *csv = "# a comment\r\nnode_a,node_b,sign\r\nA, B ,1\n\"C\",A,-2.5\n\nB,C,0\n";
  orb_diags diags;
  orb_diags_init(&diags);
  orb_landscape *l;
  assert_int_equal(orb_landscape_read_signed_buffer("g.csv", csv, strlen(csv), &l, &diags),
                   ORB_OK);
  assert_int_equal(diags.count, 0);
  assert_int_equal(l->actor_count, 3);
  assert_string_equal(l->actors[0], "A");
  assert_string_equal(l->actors[1], "B");
  assert_string_equal(l->actors[2], "C");
  assert_true(l->propensities[0 * 3 + 1] == 1 && l->propensities[1 * 3 + 0] == 1);
  assert_true(l->propensities[0 * 3 + 2] == -2.5 && l->propensities[2 * 3 + 0] == -2.5);
  assert_true(l->propensities[1 * 3 + 2] == 0);
  for (size_t i = 0; i < 3; i++) assert_true(l->sizes[i] == 1);
  orb_landscape_free(l);
  orb_diags_free(&diags);
}

/* An edge list read with every edge reversed is the same landscape: the same
 * propensity for every pair of names. */
static void test_csv_edge_direction(void **state) {
  (void)state;
  const char *forward = "A,B,1\nB,C,-1\nA,C,-2\nC,D,3\n";
  const char *reverse = "B,A,1\nC,B,-1\nC,A,-2\nD,C,3\n";
  orb_diags diags;
  orb_diags_init(&diags);
  orb_landscape *a, *b;
  assert_int_equal(orb_landscape_read_signed_buffer("f", forward, strlen(forward), &a, &diags),
                   ORB_OK);
  assert_int_equal(orb_landscape_read_signed_buffer("r", reverse, strlen(reverse), &b, &diags),
                   ORB_OK);
  assert_int_equal(a->actor_count, b->actor_count);
  for (size_t i = 0; i < a->actor_count; i++)
    for (size_t j = 0; j < a->actor_count; j++) {
      size_t bi = 0, bj = 0;
      while (strcmp(b->actors[bi], a->actors[i])) bi++;
      while (strcmp(b->actors[bj], a->actors[j])) bj++;
      assert_true(a->propensities[i * a->actor_count + j] ==
                  b->propensities[bi * b->actor_count + bj]);
    }
  orb_landscape_free(a);
  orb_landscape_free(b);
  orb_diags_free(&diags);
}

static void test_csv_errors(void **state) {
  (void)state;
  assert_csv_error("a,b,1\nc,d\n", "e.csv:2:1: expected 3 fields 'a,b,weight', found 2\n");
  assert_csv_error("a,b,1\nc,d,x\n",
                   "e.csv:2:5: expected a finite number (a sign or a weight), found 'x'\n");
  assert_csv_error("a,b,1\nc,d,nan\nc,e,1e999\n",
                   "e.csv:2:5: expected a finite number (a sign or a weight), found 'nan'\n"
                   "e.csv:3:5: expected a finite number (a sign or a weight), found '1e999'\n");
  assert_csv_error("a,a,1\n",
                   "e.csv:1:3: an edge from 'a' to itself; expected two different actors\n");
  assert_csv_error("a,b,1\nb,c,1\nb,a,-1\n",
                   "e.csv:3:1: duplicate edge 'a'-'b' (first given on line 1)\n");
  assert_csv_error("a,,1\n", "e.csv:1:3: expected an actor name, found an empty actor name\n");
  assert_csv_error("", "e.csv:0:0: no edges; expected lines 'a,b,weight'\n");
  assert_csv_error("a,b,sign\n", "e.csv:1:1: no edges; expected lines 'a,b,weight'\n");
  assert_csv_error_len("a,b\0,1\n", 7,
                       "e.csv:1:4: NUL byte (binary data) at byte 3 (expected UTF-8 text)\n");
  assert_csv_error("a,b,1\nc,d\xe2\x82,1\n",
                   "e.csv:2:4: truncated UTF-8 sequence at byte 9 (expected UTF-8 text)\n");
}

static void test_yaml_matrix_and_pairs(void **state) {
  (void)state;
  const char *matrix = "landscape:\n"
                       "  name: toy\n"
                       "  blocs: 3\n"
                       "  actors: [X, Y, Z]\n"
                       "  sizes: [1, 2.5, 4]\n"
                       "  propensities:\n"
                       "    - [~, 1, -2]\n"
                       "    - [1, 0, 0.5]\n"
                       "    - [-2, 0.5, null]\n";
  const char *pairs = "actors: [X, Y, Z]\n"
                      "sizes: {Y: 2.5, Z: 4}\n"
                      "pairs:\n"
                      "  - [X, Y, 1]\n"
                      "  - [Z, X, -2]\n"
                      "  - [Y, Z, 0.5]\n";
  orb_landscape *a, *b;
  unsigned blocs_a, blocs_b;
  orb_diags diags;
  orb_diags_init(&diags);
  assert_int_equal(orb_landscape_read_yaml_buffer("m.yaml", matrix, strlen(matrix), &a,
                                                  &blocs_a, &diags),
                   ORB_OK);
  assert_int_equal(orb_landscape_read_yaml_buffer("p.yaml", pairs, strlen(pairs), &b,
                                                  &blocs_b, &diags),
                   ORB_OK);
  assert_int_equal(diags.count, 0);
  assert_int_equal(blocs_a, 3);
  assert_int_equal(blocs_b, 0);
  assert_int_equal(a->actor_count, 3);
  assert_int_equal(b->actor_count, 3);
  for (size_t i = 0; i < 3; i++) {
    assert_string_equal(a->actors[i], b->actors[i]);
    assert_true(a->sizes[i] == b->sizes[i]);
    for (size_t j = 0; j < 3; j++)
      assert_true(a->propensities[i * 3 + j] == b->propensities[i * 3 + j]);
  }
  assert_true(a->sizes[0] == 1 && a->sizes[1] == 2.5 && a->sizes[2] == 4);
  assert_true(a->propensities[0 * 3 + 2] == -2 && a->propensities[1 * 3 + 2] == 0.5);
  orb_landscape_free(a);
  orb_landscape_free(b);
  orb_diags_free(&diags);
}

static void test_yaml_errors(void **state) {
  (void)state;
  assert_yaml_error("actors: [A, B]\npropensities:\n  - [0, 1]\n  - [2, 0]\n",
                    "l.yaml:4:6: propensities: not symmetric: p('B','A') = 2 here but "
                    "p('A','B') = 1\n");
  assert_yaml_error("actors: [A, B]\npropensities:\n  - [0, .nan]\n  - [1, 0]\n",
                    "l.yaml:3:9: propensities must be a number, got '.nan'\n");
  assert_yaml_error("actors: [A, B]\nsizes: [1, 0]\npairs: [[A, B, 1]]\n",
                    "l.yaml:2:12: sizes: size of 'B' is 0; expected a number > 0\n");
  assert_yaml_error("actors: [A, B]\nsizes: [1, -3]\npairs: [[A, B, 1]]\n",
                    "l.yaml:2:12: sizes: size of 'B' is -3; expected a number > 0\n");
  assert_yaml_error("actors: [A, B]\nsize: [1, 2]\npairs: [[A, B, 1]]\n",
                    "l.yaml:2:1: unknown key 'size' in the landscape (did you mean "
                    "'sizes'?)\n");
  assert_yaml_error("actors: [Russia, China]\npairs: [[Russia, Chima, 1]]\n",
                    "l.yaml:2:18: unknown actor 'Chima' (did you mean 'China'?); expected "
                    "one listed in 'actors'\n");
  assert_yaml_error("actors: [A, B]\npropensities:\n  - [0, 1, 2]\n  - [1, 0]\n",
                    "l.yaml:3:6: propensities: row 1 ('A') has 3 entries; expected 2\n");
  assert_yaml_error("actors: [A, A]\npairs: []\n", "l.yaml:1:13: actors: 'A' is listed twice\n");
  assert_yaml_error("pairs: []\n", "l.yaml:1:1: missing 'actors' (a list of names)\n");
  assert_yaml_error("actors: [A, B]\n",
                    "l.yaml:1:1: expected exactly one of 'propensities' (a matrix) and "
                    "'pairs' (a list of [a, b, p])\n");
  assert_yaml_error("actors: [A, B]\npairs: [[A, A, 1], [A, B, 1], [B, A, 2]]\n",
                    "l.yaml:2:13: pairs: 'A' paired with itself; expected two actors\n"
                    "l.yaml:2:32: pairs: 'B'-'A' is given twice\n");
  assert_yaml_error("- just\n- a list\n",
                    "l.yaml:1:3: expected a mapping with 'actors' and 'propensities', got a list\n");
  assert_yaml_error("actors: [\"\xc3\xa9\", B\x96]\npairs: []\n",
                    "l.yaml:1:16: invalid byte 0x96 at byte 16 (expected UTF-8 text)\n");
  assert_yaml_error("actors: [A, B]\nblocs: 40\npairs: []\n",
                    "l.yaml:2:8: blocs: expected a whole number from 2 to 16\n");
  /* The input layer's rules, the same as for world files: a quoted "2" is a string,
   * numbers are decimal, one document per file, no key given twice. */
  assert_yaml_error("actors: [A, B]\nsizes: [\"2\", 1]\npairs: [[A, B, 1]]\n",
                    "l.yaml:2:9: sizes must be a number, got the string \"2\"\n");
  assert_yaml_error("actors: [A, B]\nsizes: [0x1p4, 1]\npairs: [[A, B, 1]]\n",
                    "l.yaml:2:9: sizes must be a number, got '0x1p4'\n");
  assert_yaml_error("actors: [A, B]\npairs: [[A, B, 1]]\n---\nactors: [C]\n",
                    "l.yaml:3:1: a second YAML document; a file holds one document (remove "
                    "the '---' or split the file)\n");
  assert_yaml_error("actors: [A, B]\nactors: [C, D]\npairs: [[A, B, 1]]\n",
                    "l.yaml:2:1: duplicate key 'actors' (first at line 1)\n");
  assert_csv_error("a,b,1\nc,d,0x1p4\n", "e.csv:2:5: expected a finite number (a sign or a weight), "
                   "found '0x1p4'\n");
}

/* Malformed YAML: the parser's own message, at its position, and nothing loaded. */
static void test_yaml_syntax_error(void **state) {
  (void)state;
  const char *text = "actors: [A, B\npairs: []\n";
  orb_diags diags;
  orb_diags_init(&diags);
  orb_landscape *l;
  assert_int_equal(orb_landscape_read_yaml_buffer("s.yaml", text, strlen(text), &l, NULL,
                                                  &diags),
                   ORB_EPARSE);
  assert_null(l);
  assert_true(diags.count >= 1);
  assert_string_equal(diags.items[0].file, "s.yaml");
  assert_true(diags.items[0].line >= 1);
  assert_non_null(strstr(diags.items[0].message, "not valid YAML: "));
  orb_diags_free(&diags);
}

/* A tab between a ':' and an indicator after an explicit key: refused with its
 * position before libfyaml 0.7.12 sees it (it would crash freeing its parser;
 * found by fuzz_align), quoted text left alone. */
static void test_yaml_tab_before_indicator(void **state) {
  (void)state;
  static const char *const bad[] = {"irs:\n? e:\n? o:\n? irsz:\t? eslo:\n? e",
                                    "?\n b:\t? c", "a:\n  ? b:\t- c\n",
                                    /* an apostrophe in a plain scalar opens no quote */
                                    "irs:\n? : val'e is not definedz:\t? eslo:\n?\x1f" "e",
                                    "irs:\n? : wa 'elisz:\t? ejl", /* nor one after a blank */
                                    "ir!:\n? : wa ['elis:\t?", /* nor a bracket in a scalar */
                                    "? b - 'c:\t? d", /* nor a quote after a '-' in it */
                                    /* an escaped quote does not close a quoted scalar */
                                    "? \"a\\\"\":\t? c",
                                    /* a block scalar's indicator too (found in CI) */
                                    "irs:\n? e:\n? o:\n? irsz:\t> eslo:\n? e",
                                    "? x\n: y:\t| z\n"};
  static const int line[] = {4, 2, 2, 2, 2, 2, 1, 1, 4, 2},
                   column[] = {8, 4, 7, 27, 15, 15, 10, 9, 8, 5};
  for (size_t i = 0; i < 10; i++) {
    orb_diags diags;
    orb_diags_init(&diags);
    orb_landscape *l;
    assert_int_equal(orb_landscape_read_yaml_buffer("t.yaml", bad[i], strlen(bad[i]), &l, NULL,
                                                    &diags),
                     ORB_EPARSE);
    assert_null(l);
    assert_int_equal(diags.count, 1);
    assert_int_equal(diags.items[0].line, line[i]);
    assert_int_equal(diags.items[0].column, column[i]);
    assert_string_equal(diags.items[0].message,
                        "not valid YAML: a tab before an indicator ('?', '-', ':', '|' or '>') "
                        "after a ':'; use spaces");
    orb_diags_free(&diags);
  }
  /* in quotes a tab is text: no such error */
  const char *quoted = "actors: [\"a:\t- b\", 'it''s:\t- c', \"d\\\":\t- e\"]\npairs: []\n";
  orb_diags diags;
  orb_diags_init(&diags);
  orb_landscape *l = NULL;
  orb_landscape_read_yaml_buffer("q.yaml", quoted, strlen(quoted), &l, NULL, &diags);
  for (size_t i = 0; i < diags.count; i++)
    assert_null(strstr(diags.items[i].message, "a tab before an indicator"));
  orb_landscape_free(l);
  orb_diags_free(&diags);
}

/* The checker catches what the API lets a caller build by hand. */
static void test_check(void **state) {
  (void)state;
  orb_landscape *l;
  assert_int_equal(orb_landscape_new(3, &l), ORB_OK);
  l->sizes[1] = -1;
  l->propensities[0 * 3 + 1] = 1; /* p(1,2) = 1 but p(2,1) = 0 */
  l->propensities[2 * 3 + 0] = 1.0 / 0.0;
  orb_diags diags;
  orb_diags_init(&diags);
  assert_int_equal(orb_landscape_check(l, "api", &diags), ORB_EINVAL);
  char *text = diag_text(&diags);
  assert_string_equal(text,
                      "api:0:0: size of actor '2' is -1; expected a finite number > 0\n"
                      "api:0:0: propensities are not symmetric: p('1','2') = 1 but "
                      "p('2','1') = 0\n"
                      "api:0:0: propensity between '1' and '3' is not finite\n");
  free(text);
  orb_diags_free(&diags);
  orb_landscape_free(l);
  /* Finite sizes and propensities whose product overflows. */
  assert_int_equal(orb_landscape_new(2, &l), ORB_OK);
  l->sizes[0] = l->sizes[1] = 1e200;
  orb_landscape_set_propensity(l, 0, 1, 1);
  orb_diags_init(&diags);
  assert_int_equal(orb_landscape_check(l, "api", &diags), ORB_EINVAL);
  assert_string_equal(diags.items[0].message,
                      "weight s*s*p between '1' and '2' overflows a double");
  orb_diags_free(&diags);
  orb_landscape_free(l);
}

/* Tiny and huge real weights keep a finite, exact-enough scale. */
static void test_extreme_weights(void **state) {
  (void)state;
  double values[] = {1e-300, 3e-12, 0.7, 1e9 + 0.5, 1e150};
  for (size_t v = 0; v < sizeof values / sizeof *values; v++) {
    orb_landscape *l;
    assert_int_equal(orb_landscape_new(4, &l), ORB_OK);
    orb_landscape_set_propensity(l, 0, 1, values[v]);
    orb_landscape_set_propensity(l, 1, 2, -values[v]);
    orb_landscape_set_propensity(l, 2, 3, 2 * values[v]);
    orb_landscape_set_propensity(l, 0, 3, -3 * values[v]);
    orb_align_options options;
    orb_align_options_default(&options);
    orb_diags diags;
    orb_diags_init(&diags);
    orb_align_result *r;
    assert_int_equal(orb_align_solve(l, &options, &r, &diags), ORB_OK);
    /* The optimum: 0 and 1 together, 2 and 3 with 1 apart... E = -4 * value. */
    assert_float_equal(r->minima[0].energy, -4 * values[v], 1e-9 * 4 * values[v]);
    orb_align_result_free(r);
    orb_diags_free(&diags);
    orb_landscape_free(l);
  }
}

/* Weights of +-1e308 whose sums overflow a double are refused with a message
 * (issue 9, defect 10: they made every energy infinite and every configuration a
 * minimum, with an integer overflow in the search); +-1e307 is still solved. */
static void test_overflowing_weights(void **state) {
  (void)state;
  const char csv[] = "a,b,1e308\nb,c,-1e308\na,c,1e308\nc,d,1\n";
  orb_diags diags;
  orb_diags_init(&diags);
  orb_landscape *l;
  assert_int_equal(orb_landscape_read_signed_buffer("w.csv", csv, strlen(csv), &l, &diags),
                   ORB_OK);
  orb_align_options options;
  orb_align_options_default(&options);
  orb_align_result *r = NULL;
  assert_int_equal(orb_align_solve(l, &options, &r, &diags), ORB_EINVAL);
  assert_null(r);
  assert_int_equal(diags.count, 1);
  assert_non_null(strstr(diags.items[0].message, "sum to more than a double holds"));
  orb_diags_free(&diags);
  orb_landscape_free(l);
  orb_diags_init(&diags);
  const char fits[] = "a,b,1e307\nb,c,-1e307\na,c,1e307\nc,d,1\n";
  assert_int_equal(orb_landscape_read_signed_buffer("w.csv", fits, strlen(fits), &l, &diags),
                   ORB_OK);
  assert_int_equal(orb_align_solve(l, &options, &r, &diags), ORB_OK);
  for (size_t m = 0; m < r->minimum_count; m++) assert_true(isfinite(r->minima[m].energy));
  assert_true(r->minimum_count < 8);
  orb_align_result_free(r);
  orb_diags_free(&diags);
  orb_landscape_free(l);
}

/* A missing file is an I/O error naming it. */
static void test_missing_file(void **state) {
  (void)state;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_landscape *l;
  assert_int_equal(orb_landscape_read_signed("/nonexistent/x.csv", &l, &diags), ORB_EIO);
  assert_int_equal(orb_landscape_read_yaml("/nonexistent/x.yaml", &l, NULL, &diags), ORB_EIO);
  assert_int_equal(diags.count, 2);
  assert_string_equal(diags.items[0].file, "/nonexistent/x.csv");
  orb_diags_free(&diags);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_csv_good),          cmocka_unit_test(test_csv_edge_direction),
      cmocka_unit_test(test_csv_errors),
      cmocka_unit_test(test_yaml_matrix_and_pairs), cmocka_unit_test(test_yaml_errors),
      cmocka_unit_test(test_yaml_syntax_error), cmocka_unit_test(test_yaml_tab_before_indicator),
      cmocka_unit_test(test_check),
      cmocka_unit_test(test_extreme_weights), cmocka_unit_test(test_missing_file),
      cmocka_unit_test(test_overflowing_weights),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
