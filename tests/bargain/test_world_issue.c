/*
 * test_world_issue.c: bargaining issues in world files. A world's bargain becomes
 * the same scenario as the equivalent KTAB CSV and plays to the same bits; the
 * built-in world's EAEU grain dispute plays from `orbit bargain --issue`.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "common/testutil.h"
#include "orbit/orbit.h"
#include "orbit/bargain.h"

static const char world_text[] =
  "world: {name: T, start: 1991-12-26, end: 2030-12-31}\n"
  "actors:\n"
  "  - {id: RUS, name: Russia, kind: state, attributes: [{name: gdp_usd, value: 2266, year: 2022, source: s}]}\n"
  "  - {id: KAZ, name: Kazakhstan, kind: state, attributes: [{name: gdp_usd, value: 225, year: 2022, source: s}]}\n"
  "  - {id: KGZ, name: Kyrgyzstan, kind: state}\n"
  "  - {id: ARM, name: Armenia, kind: state, attributes: [{name: gdp_usd, value: 19, year: 2021, source: s}]}\n"
  "bargains:\n"
  "  - id: grain\n"
  "    title: Grain quotas\n"
  "    date: 2022-05-20\n"
  "    source: s\n"
  "    capability: gdp_usd\n"
  "    dimensions: [{id: quota, label: q}, {id: duty, label: d}]\n"
  "    actors:\n"
  "      - {actor: RUS, positions: [100, 80], saliences: [60, 20], assumption: a}\n"
  "      - {actor: KAZ, positions: [30, 10], saliences: [50, 30], assumption: a}\n"
  "      - {actor: KGZ, positions: [10, 40], saliences: [40, 40], capability: {value: 12, assumption: a}, assumption: a}\n"
  "      - {actor: ARM, positions: [20, 50], saliences: [10, 20], assumption: a}\n";

/* The same scenario in KTAB's CSV format. */
static const char csv_text[] =
  "grain,Grain quotas,4,2\n"
  "Actor,Description,Power,Pos1,Sal1,Pos2,Sal2\n"
  "RUS,Russia,2266,100,60,80,20\n"
  "KAZ,Kazakhstan,225,30,50,10,30\n"
  "KGZ,Kyrgyzstan,12,10,40,40,40\n"
  "ARM,Armenia,19,20,10,50,20\n";

static void test_world_bargain_equals_csv(void **state) {
  orb_world *world = NULL;
  orb_diags diags;
  orb_diags_init(&diags);
  assert_int_equal(orb_world_load_buffer("w.yaml", world_text, strlen(world_text), &world,
                                         &diags), ORB_OK);
  orb_bargain_scenario *from_world = NULL, *from_csv = NULL, *missing = NULL;
  assert_int_equal(orb_bargain_scenario_from_world(world, 0, &from_world), ORB_OK);
  assert_int_equal(orb_bargain_scenario_from_world(world, 1, &missing), ORB_EINVAL);
  assert_null(missing);
  assert_int_equal(orb_bargain_read_csv_buffer("g.csv", csv_text, strlen(csv_text), &from_csv,
                                               &diags), ORB_OK);
  orb_diags_print(&diags, stdout);
  assert_int_equal(from_world->actor_count, 4);
  assert_int_equal(from_world->dim_count, 2);
  assert_string_equal(from_world->actor_names[2], "KGZ");
  assert_string_equal(from_world->actor_descs[2], "Kyrgyzstan");
  assert_string_equal(from_world->dim_names[1], "duty");
  assert_true(from_world->capability[2] == 12);   /* given in the stand */
  assert_true(from_world->capability[3] == 19);   /* the 2021 attribute, latest <= 2022 */
  assert_memory_equal(from_world->capability, from_csv->capability, 4 * sizeof(double));
  assert_memory_equal(from_world->position, from_csv->position, 8 * sizeof(double));
  assert_memory_equal(from_world->salience, from_csv->salience, 8 * sizeof(double));
  assert_int_equal(orb_bargain_scenario_check(from_world, "w.yaml", &diags), ORB_OK);

  orb_bargain_options options;
  orb_bargain_options_default(&options);
  orb_bargain_result *a = NULL, *b = NULL;
  assert_int_equal(orb_bargain_run(from_world, &options, 1, 0, &a), ORB_OK);
  assert_int_equal(orb_bargain_run(from_csv, &options, 1, 0, &b), ORB_OK);
  assert_int_equal(a->state_count, b->state_count);
  assert_true(a->state_count >= 2);
  assert_memory_equal(a->positions, b->positions,
                      a->state_count * a->actor_count * a->dim_count * sizeof(double));
  assert_memory_equal(a->outcome_mean, b->outcome_mean, 2 * sizeof(double));
  orb_bargain_result_free(a);
  orb_bargain_result_free(b);
  orb_bargain_scenario_free(from_world);
  orb_bargain_scenario_free(from_csv);
  orb_world_free(world);
  orb_diags_free(&diags);
}

static void test_builtin_bargain_command(void **state) {
  int code;
  char *out = test_run_orbit("bargain --issue EAEU-grain-2022 --json", TEST_STDOUT, &code);
  assert_int_equal(code, 0);
  assert_non_null(strstr(out, "\"EAEU-grain-2022\""));
  assert_non_null(strstr(out, "\"KAZ\""));
  free(out);
  out = test_run_orbit("bargain --issue EAEU-grain-202", TEST_BOTH, &code);
  assert_int_equal(code, 2); /* an id the world lacks is bad usage */
  assert_non_null(strstr(out, "unknown bargaining issue 'EAEU-grain-202' (did you mean "
                              "'EAEU-grain-2022'?); its bargaining issues: EAEU-grain-2022"));
  free(out);
  out = test_run_orbit("bargain --issue EAEU-grain-2022 data/bargain/SOE-Pol-Comp.csv",
                       TEST_BOTH, &code);
  assert_int_equal(code, 2);
  free(out);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_world_bargain_equals_csv),
    cmocka_unit_test(test_builtin_bargain_command),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
