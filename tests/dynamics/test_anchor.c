/*
 * test_anchor.c: the alignment anchor's local-level filter (dyn_align_observe,
 * docs/MODEL.md, "Alignment"): its proper prior at the first revealed alignment.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>

#include "dynamics/dyn_internal.h"

/* The first revealed alignment of a pair: the level relative to the common term
 * starts at prior_mean - common (0 when the common term is the pole's common
 * level) with variance V0, and the observation enters with the gain V0 / (V0 +
 * obs_var), exactly; the variance left is (1 - gain) V0. */
static void test_first_gain(void **state) {
  (void)state;
  /* binary fractions: gain 1/2, level 0.125, variance 1/32, all exact */
  dyn_anchor a = {0, 0, 0, 0, 0};
  double align = dyn_align_observe(0.9, &a, 0.75, 0.5, 0.3, 0, 1, 0.001, 0.0625, 1, 11,
                                   0.5, 0.0625);
  assert_true(a.level == 0.125 && a.var == 0.03125 && a.weight == 1 && a.month == 11);
  assert_true(a.index == 0.3);
  assert_true(align == 0.625); /* assimilate 1, weight 1: the target common + level */
  /* the shipped prior variance and three world stances of variance 0.1 each */
  const double v0 = 0.0063, obs_var = dyn_align_obs_var(3, NAN, 0.1);
  const double k = v0 / (v0 + obs_var);
  a = (dyn_anchor){0, 0, 0, 0, 0};
  dyn_align_observe(0.5, &a, 0.2, 0.6, 0.4, 0, 1, 0.001, obs_var, 1, 11, 0.6, v0);
  assert_true(a.level == k * (0.2 - 0.6));
  assert_true(fabs(k - 0.15896) < 1e-5); /* one vote-year of three stances moves it little */
  assert_true(a.var == v0 * (1 - k));
  /* a value of unknown count (variance 0) is exact whatever the prior */
  a = (dyn_anchor){0, 0, 0, 0, 0};
  dyn_align_observe(0.5, &a, 0.2, 0.6, 0.4, 0, 1, 0.001, 0, 1, 11, 0.6, v0);
  assert_true(a.level == 0.2 - 0.6 && a.var == 0);
  /* a common term below the common level (dyn.align_common < 1): the prior is the
   * common level itself, the average state's */
  a = (dyn_anchor){0, 0, 0, 0, 0};
  dyn_align_observe(0.5, &a, 0.5, 0.25, 0.4, 0, 1, 0.001, 0.0625, 1, 11, 0.5, 0.0625);
  assert_true(a.level == 0.25); /* prior 0.25, observed - common 0.25 */
  /* the second observation: the variance grows by level_var per year first */
  a = (dyn_anchor){0, 0, 0, 0, 0};
  dyn_align_observe(0.5, &a, 0.75, 0.5, 0.3, 0, 1, 0.001, 0.0625, 1, 11, 0.5, 0.0625);
  const double var = 0.03125 + 0.001 * 2, k2 = var / (var + 0.0625);
  dyn_align_observe(0.5, &a, 0.5, 0.5, 0.3, 0, 1, 0.001, 0.0625, 1, 35, 0.5, 0.0625);
  assert_true(fabs(a.level - (0.125 - k2 * 0.125)) < 1e-15);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_first_gain)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
