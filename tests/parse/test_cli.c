/*
 * test_cli.c: `orbit parse`: text to CoNLL-U (compared with a golden file),
 * --eval on a small treebank, and bad input and usage with their exit codes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "common/testutil.h"

#define DIR ORB_TEST_SOURCE_DIR "/tests/parse/"

static void test_text_to_conllu(void **state) {
  (void)state;
  int code;
  char *out = test_run_orbit("parse " DIR "sentences.txt", TEST_STDOUT, &code);
  char *golden = test_read_file(DIR "sentences.conllu", NULL);
  assert_int_equal(code, 0);
  assert_non_null(golden);
  assert_string_equal(out, golden);
  free(out);
  /* standard input gives the same */
  out = test_run_orbit("parse - < " DIR "sentences.txt", TEST_STDOUT, &code);
  assert_int_equal(code, 0);
  assert_string_equal(out, golden);
  free(out);
  free(golden);
}

static void test_eval(void **state) {
  (void)state;
  test_expect_orbit("parse --eval " DIR "tiny.conllu", 0, "sentences 3\nwords 18\nUPOS ");
}

static void test_bad_input(void **state) {
  (void)state;
  test_expect_orbit("parse --model " DIR "tiny.conllu " DIR "sentences.txt", 1,
                    "tiny.conllu: error: not a valid parser model: bad magic");
  test_expect_orbit("parse --eval " DIR "bad/upos.conllu", 1,
                    "upos.conllu:1:1: error: unknown UPOS tag 'NOUNY'");
  test_expect_orbit("parse /nonexistent.txt", 1, "nonexistent.txt");
  test_expect_orbit("parse --train " DIR "tiny.conllu", 2, "--train needs --output");
  test_expect_orbit("parse --eval x --train y", 2, "not both");
  test_expect_orbit("parse --seed -3 --train x --output y", 2, "needs a number");
  test_expect_orbit("parse --prune 2 --train x --output y", 2, "--prune needs a number");
  test_expect_orbit("parse --bogus", 2, "unknown option '--bogus'");
  /* a line of more tokens than a line may hold */
  const char *huge = "/tmp/orbit_test_parse_huge.txt";
  FILE *f = fopen(huge, "w");
  assert_non_null(f);
  for (int i = 0; i < 1100000; i++) fputs("a ", f);
  fputc('\n', f);
  fclose(f);
  test_expect_orbit("parse /tmp/orbit_test_parse_huge.txt", 1,
                    "orbit_test_parse_huge.txt:1:1: error: more than 1048576 tokens on one line");
  remove(huge);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_text_to_conllu),
    cmocka_unit_test(test_eval),
    cmocka_unit_test(test_bad_input),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
