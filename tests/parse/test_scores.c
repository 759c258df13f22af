/*
 * test_scores.c: the shipped parser model scored on the test set of UD English
 * EWT (../shared/data/ud-english-ewt), gold tokenisation and predicted tags:
 * UPOS accuracy, UAS and LAS must stay above floors set just under the figures
 * measured when the model was trained (docs/EVENTS.md, "Syntactic layer").
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "common/testutil.h"
#include "orbit/parse.h"

#define UPOS_FLOOR 0.946
#define UAS_FLOOR 0.835
#define LAS_FLOOR 0.797

static void test_ewt_test_set(void **state) {
  (void)state;
  if (!test_have_shared("parser scores on UD English EWT")) return;
  orb_parse_model *m = NULL;
  orb_parse_treebank *tb = NULL;
  orb_diags d;
  orb_diags_init(&d);
  assert_int_equal(orb_parse_model_load_default(ORB_PARSE_ALL, &m, &d), ORB_OK);
  orb_status st = orb_parse_treebank_load(
      ORB_TEST_SHARED_DIR "/data/ud-english-ewt/en_ewt-ud-test.conllu.gz", &tb, &d);
  orb_diags_print(&d, stderr);
  assert_int_equal(st, ORB_OK);
  orb_parse_scores sc;
  assert_int_equal(orb_parse_evaluate(m, tb, &sc), ORB_OK);
  assert_int_equal(sc.sentences, 2077);
  double w = (double)sc.words;
  double upos = sc.upos_correct / w, uas = sc.uas_correct / w, las = sc.las_correct / w;
  printf("EWT test: %zu sentences, %zu words: UPOS %.4f UAS %.4f LAS %.4f (universal %.4f)\n",
         sc.sentences, sc.words, upos, uas, las, sc.las_universal / w);
  assert_true(upos >= UPOS_FLOOR);
  assert_true(uas >= UAS_FLOOR);
  assert_true(las >= LAS_FLOOR);
  orb_parse_treebank_free(tb);
  orb_parse_model_free(m);
  orb_diags_free(&d);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_ewt_test_set)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
