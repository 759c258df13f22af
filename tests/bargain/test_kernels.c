/*
 * test_kernels.c: the voting and election kernels of the bargaining model
 * against values worked out by hand from KTAB's formulas (docs/MODEL.md).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "bargain/pce.h"

#define NEAR(a, b) assert_true(fabs((a) - (b)) < 1e-12)

static void test_votes(void **state) {
  (void)state;
  /* weight 2, utilities 0.7 against 0.4: difference 0.3 */
  NEAR(bargain_vote(ORB_VOTE_PROP, 2, 0.7, 0.4), 0.6);
  NEAR(bargain_vote(ORB_VOTE_BINARY, 2, 0.7, 0.4), 2);
  NEAR(bargain_vote(ORB_VOTE_BINARY, 2, 0.4, 0.7), -2);
  NEAR(bargain_vote(ORB_VOTE_BINARY, 2, 0.5 + 0x1p-30, 0.5), 2 * (0x1p-30 / 1e-8));
  NEAR(bargain_vote(ORB_VOTE_PROPBIN, 2, 0.7, 0.4), 2 * (0.8 * 0.3 + 0.2));
  NEAR(bargain_vote(ORB_VOTE_PROPCBC, 2, 0.7, 0.4), 2 * (0.5 * 0.3 + 0.5 * 0.027));
  NEAR(bargain_vote(ORB_VOTE_CUBIC, 2, 0.7, 0.4), 2 * 0.027);
  NEAR(bargain_vote(ORB_VOTE_ASYMPROSP, 2, 0.7, 0.4), 0.4);
  NEAR(bargain_vote(ORB_VOTE_ASYMPROSP, 2, 0.4, 0.7), -0.6);
  assert_true(bargain_vote(ORB_VOTE_ASYMPROSP, 2, 0.4, 0.4) == 0.0);
}

static void test_utility_and_risk(void **state) {
  (void)state;
  NEAR(bargain_util(0.25, 0), 0.75);
  NEAR(bargain_util(0.25, 1), 0.75 * 1.25);   /* 1 - d^2 */
  NEAR(bargain_util(0.25, -1), 0.75 * 0.75);  /* (1 - d)^2 */
  NEAR(bargain_util(1.5, 0.5), -0.5 * 1.5);   /* past 1: (1 - d)(1 + R) */
  NEAR(bargain_perceived_risk(ORB_RISK_ADJUST_ONE_THIRD, 0.3, -0.6), 0.0);
  NEAR(bargain_perceived_risk(ORB_RISK_ADJUST_TWO_THIRDS, 0.3, -0.6), -0.3);
  NEAR(bargain_perceived_risk(ORB_RISK_ADJUST_HALF, 0.3, -0.6), -0.15);
  NEAR(bargain_perceived_risk(ORB_RISK_ADJUST_FULL, 0.3, -0.6), -0.6);
  NEAR(bargain_perceived_risk(ORB_RISK_ADJUST_NONE, 0.3, -0.6), 0.3);
  const double p[3] = {0.2, 0.3, 0.5};
  double r[3];
  bargain_risk_from_prob(ORB_RISK_RANGE_MID, p, 3, r);
  NEAR(r[0], -0.5);
  NEAR(r[1], 0.0);
  NEAR(r[2], 1.0);
  bargain_risk_from_prob(ORB_RISK_RANGE_MIN, p, 3, r);
  NEAR(r[0], 0.0);
  NEAR(r[1], 1.0 / 3);
  NEAR(r[2], 1.0);
  bargain_risk_from_prob(ORB_RISK_RANGE_MAX, p, 3, r);
  NEAR(r[0], -1.0);
  NEAR(r[1], -1.0 / 3);
  NEAR(r[2], 1.0);
  const double flat[3] = {1.0 / 3, 1.0 / 3, 1.0 / 3};
  bargain_risk_from_prob(ORB_RISK_RANGE_MID, flat, 3, r);
  assert_true(r[0] == 0 && r[1] == 0 && r[2] == 0);
}

static void test_victory(void **state) {
  (void)state;
  double p1, p2;
  bargain_victory_pair(ORB_VICTORY_LINEAR, 3, 1, &p1, &p2);
  NEAR(p1, 0.75);
  NEAR(p2, 0.25);
  bargain_victory_pair(ORB_VICTORY_SQUARE, 3, 1, &p1, &p2);
  NEAR(p1, 0.9);
  bargain_victory_pair(ORB_VICTORY_QUARTIC, 3, 1, &p1, &p2);
  NEAR(p1, 81.0 / 82);
  bargain_victory_pair(ORB_VICTORY_OCTIC, 3, 1, &p1, &p2);
  NEAR(p1, 6561.0 / 6562);
  bargain_victory_pair(ORB_VICTORY_BINARY, 1.2, 1, &p1, &p2);
  NEAR(p1, 1 / (1 + 1e-6));
  bargain_victory_pair(ORB_VICTORY_BINARY, 1, 1.2, &p1, &p2);
  NEAR(p2, 1 / (1 + 1e-6));
  bargain_victory_pair(ORB_VICTORY_BINARY, 1.05, 1, &p1, &p2);
  NEAR(p1, ((1.05 / 2.05) * 2.1 - 1) / 0.1);
  NEAR(p1 + p2, 1);
}

/* Two voters, two options: voter 0 (weight 3) prefers option 0 by 0.5, voter 1
 * (weight 1) prefers option 1 by 0.5; so C(0,1) = 1.5 + 1e-8, C(1,0) = 0.5 + 1e-8. */
static void test_election_two_options(void **state) {
  (void)state;
  const double w[2] = {3, 1};
  const double util[4] = {0.9, 0.4, 0.2, 0.7};
  double scratch[64], p[2];
  assert_true(bargain_election_scratch(2) <= 64);
  const double v = (1.5 + 1e-8) / (2 + 2e-8);
  orb_bargain_options o;
  orb_bargain_options_default(&o);
  /* Conditional: P(0) = V01 * 1/2 / (V01/2 + V10/2) = V01 */
  assert_int_equal(bargain_election(&o, ORB_VOTE_PROP, 2, w, util, 2, 2, p, scratch), ORB_OK);
  NEAR(p[0], v);
  NEAR(p[1], 1 - v);
  /* MarkovUniform: the fixed point of P0 = (P0 + V01)/2 is V01 (to its 1e-6 tolerance) */
  o.pce = ORB_PCE_MARKOV_UNIFORM;
  assert_int_equal(bargain_election(&o, ORB_VOTE_PROP, 2, w, util, 2, 2, p, scratch), ORB_OK);
  assert_true(fabs(p[0] - v) < 2e-6);
  NEAR(p[0] + p[1], 1);
  /* MarkovIncentive: a proper distribution leaning to the stronger option */
  o.pce = ORB_PCE_MARKOV_INCENTIVE;
  assert_int_equal(bargain_election(&o, ORB_VOTE_PROP, 2, w, util, 2, 2, p, scratch), ORB_OK);
  NEAR(p[0] + p[1], 1);
  assert_true(p[0] > 0.5 && p[0] < 1);
  /* Square victory law sharpens the conditional result */
  o.pce = ORB_PCE_CONDITIONAL;
  o.victory = ORB_VICTORY_SQUARE;
  assert_int_equal(bargain_election(&o, ORB_VOTE_PROP, 2, w, util, 2, 2, p, scratch), ORB_OK);
  assert_true(fabs(p[0] - 0.9) < 1e-7);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_votes),
      cmocka_unit_test(test_utility_and_risk),
      cmocka_unit_test(test_victory),
      cmocka_unit_test(test_election_two_options),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
