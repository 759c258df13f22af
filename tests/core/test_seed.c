/*
 * test_seed.c: the one seed parser, and `align` and `bargain` taking or refusing
 * the same seeds (issue 9, defect 12: a seed above 2^64 was clamped by align and
 * refused by bargain).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "common/testutil.h"
#include "orbit/core.h"

static void test_parse(void **state) {
  (void)state;
  uint64_t seed = 7;
  assert_int_equal(orb_seed_parse("0", &seed), ORB_OK);
  assert_true(seed == 0);
  assert_int_equal(orb_seed_parse("18446744073709551615", &seed), ORB_OK);
  assert_true(seed == UINT64_MAX);
  static const char *const bad[] = {"18446744073709551616", "99999999999999999999999", "-1",
                                    "+1", " 1", "1 ", "", "0x10", "1e3", "12a"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    seed = 7;
    assert_int_equal(orb_seed_parse(bad[i], &seed), ORB_EINVAL);
    assert_true(seed == 7);
  }
  assert_int_equal(orb_seed_parse(NULL, &seed), ORB_EINVAL);
}

static void test_commands_agree(void **state) {
  (void)state;
  test_expect_orbit("align --heuristic --seed 18446744073709551616", 2,
                    "orbit align: --seed expects a whole number from 0 to 2^64 - 1, not "
                    "'18446744073709551616'");
  test_expect_orbit("bargain data/bargain/dummyData_3Dim.csv --seed 18446744073709551616", 2,
                    "orbit bargain: --seed expects a whole number from 0 to 2^64 - 1, not "
                    "'18446744073709551616'");
  test_expect_orbit("align --heuristic --seed 18446744073709551615", 0, "Local minima");
  test_expect_orbit("bargain data/bargain/dummyData_3Dim.csv --seed 18446744073709551615", 0,
                    "Seed:     18446744073709551615");
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_parse),
                                     cmocka_unit_test(test_commands_agree)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
