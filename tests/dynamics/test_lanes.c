/*
 * test_lanes.c: the speed-ups of the run are exact (docs/MODEL.md, "Speed of the
 * ensemble"): the vectorising exp against the C library's, and runs computed
 * together in the lanes of dyn_run_lanes against orb_dyn_run one at a time.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dynamics/dyn_internal.h"
#include "dynamics/exp_internal.h"
#include "orbit/orbit.h"

/* Units in the last place between a and b (finite doubles of one sign). */
static double ulps(double a, double b) {
  int64_t ia, ib;
  memcpy(&ia, &a, sizeof ia);
  memcpy(&ib, &b, sizeof ib);
  return fabs((double)(ia - ib));
}

/* dyn_exp is within one ulp of exp over the range, exact at 0, and its edges
 * and NAN behave as documented. */
static void test_exp(void **state) {
  (void)state;
  double worst = 0;
  size_t off = 0;
  for (int i = -200000; i <= 200000; i++) { /* [-50, 50], steps not a fraction of ln 2 */
    const double x = i * 2.5e-4 + 1e-7 * (i % 7);
    const double u = ulps(dyn_exp(x), exp(x));
    if (u > worst) worst = u;
    off += u > 0;
  }
  for (int i = 0; i <= 1000; i++) { /* the whole range */
    const double x = -708.0 + i * (1417.0 / 1000);
    const double u = ulps(dyn_exp(x), exp(x));
    if (u > worst) worst = u;
  }
  assert_true(worst <= 1);
  assert_true(off < 400001 / 10); /* most are the correctly rounded value */
  assert_true(dyn_exp(0.0) == 1.0);
  assert_true(isnan(dyn_exp(NAN)));
  assert_true(dyn_exp(-INFINITY) == dyn_exp(-708.0) && dyn_exp(-1000.0) > 0);
  assert_true(isfinite(dyn_exp(INFINITY)) && dyn_exp(INFINITY) == dyn_exp(709.0));
}

/* Runs in lanes: DYN_LANES runs with different parameters in one call give each the
 * bytes of orb_dyn_run with its parameters; a call with fewer lanes writes only
 * those. */
static void test_lanes(void **state) {
  (void)state;
  orb_diags d;
  orb_diags_init(&d);
  orb_world *w = NULL;
  orb_dyn_inputs *in = NULL;
  orb_dyn_model *m = NULL;
  assert_int_equal(orb_world_load(orb_world_default_path(), &w, &d), ORB_OK);
  assert_int_equal(orb_dyn_inputs_from_world(w, 1992, 2030, &in, &d), ORB_OK);
  assert_int_equal(orb_dyn_model_new(w, in, orb_date_from_ymd(1992, 1, 1),
                                     orb_date_from_ymd(2030, 12, 1), &m, &d),
                   ORB_OK);
  orb_dyn_settings s;
  assert_int_equal(orb_dyn_settings_init(&s), ORB_OK);
  const size_t cells = orb_dyn_series_count(m) * orb_dyn_month_count(m);
  assert_true(orb_dyn_month_count(m) == 468 && cells > 1000);
  double prm[DYN_LANES][64];
  const double *p[DYN_LANES];
  float *lane[DYN_LANES], *one = malloc(cells * sizeof *one);
  assert_non_null(one);
  for (size_t l = 0; l < DYN_LANES; l++) {
    orb_dyn_draw(&s, 3, 10 + l, prm[l]);
    p[l] = prm[l];
    lane[l] = malloc(cells * sizeof *lane[l]);
    assert_non_null(lane[l]);
    memset(lane[l], 0xA5, cells * sizeof *lane[l]);
  }
  assert_true(prm[0][P_CRED_MEAN] != prm[1][P_CRED_MEAN]); /* the lanes differ */
  dyn_run_lanes(m, p, lane, DYN_LANES);
  for (size_t l = 0; l < DYN_LANES; l++) {
    orb_dyn_run(m, prm[l], one);
    assert_memory_equal(one, lane[l], cells * sizeof *one);
  }
  /* two lanes written; the others compute on lane 0's parameters and leave their
   * buffers alone */
  const double *p2[DYN_LANES];
  for (size_t l = 0; l < DYN_LANES; l++) {
    memset(lane[l], 0xA5, cells * sizeof *lane[l]);
    p2[l] = prm[2];
  }
  p2[1] = prm[3];
  dyn_run_lanes(m, p2, lane, 2);
  orb_dyn_run(m, prm[3], one);
  assert_memory_equal(one, lane[1], cells * sizeof *one);
  for (size_t c = 0; c < cells; c++) {
    uint32_t bits;
    memcpy(&bits, &lane[DYN_LANES - 1][c], sizeof bits);
    assert_int_equal(bits, 0xA5A5A5A5u);
  }
  for (size_t l = 0; l < DYN_LANES; l++) free(lane[l]);
  free(one);
  orb_dyn_settings_free(&s);
  orb_dyn_model_free(m);
  orb_dyn_inputs_free(in);
  orb_world_free(w);
  orb_diags_free(&d);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_exp), cmocka_unit_test(test_lanes)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
