/*
 * test_run.c: `orbit run`, the world end to end, and coded events merged into a
 * world's timeline from --events and from a world file's coded_events:.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/testutil.h"
#include "orbit/orbit.h"

static void test_run_sections(void **state) {
  int code;
  char *out = test_run_orbit("run", TEST_STDOUT, &code);
  assert_int_equal(code, 0);
  orb_world *world = NULL;
  orb_diags diags;
  orb_diags_init(&diags);
  assert_int_equal(orb_world_load("worlds/postsoviet.yaml", &world, &diags), ORB_OK);
  char heading[256];
  for (size_t i = 0; i < world->issue_count; i++) {
    snprintf(heading, sizeof heading, "======== Stances on %s: ", world->issues[i].id);
    assert_non_null(strstr(out, heading));
  }
  for (size_t i = 0; i < world->bargain_count; i++) {
    snprintf(heading, sizeof heading, "======== Bargain %s: ", world->bargains[i].id);
    assert_non_null(strstr(out, heading));
  }
  char latest[11];
  orb_date_format(world->events[world->event_count - 1].date, ORB_PREC_DAY, latest);
  snprintf(heading, sizeof heading, "======== Alignment landscape on %s ========", latest);
  assert_non_null(strstr(out, heading));
  snprintf(heading, sizeof heading, "%zu events in the timeline, as of %s",
           world->event_count, latest);
  assert_non_null(strstr(out, heading));
  assert_non_null(strstr(out, "suspended: ARM"));
  /* the ensemble section (orbit simulate's summary): the CSTO's credibility,
   * Russia's and China's leverage over each state, the members' exit hazards,
   * before and after 2022; members that left (UZB) are left out */
  const char *dyn = strstr(out, "======== Influence over time");
  assert_non_null(dyn);
  assert_non_null(strstr(dyn, "Post-Soviet space: 1000 runs, 1992-01 to 2030-12 monthly, seed 1"));
  assert_non_null(strstr(dyn, "2021-12               2022-12               2024-12"));
  assert_non_null(strstr(dyn, "\n  CSTO                0.671 [0.578-0.751]  0.580 [0.502-0.659]"));
  const char *rus = strstr(dyn, "Leverage of RUS over each state");
  const char *chn = strstr(dyn, "Leverage of CHN over each state");
  const char *exits = strstr(dyn, "Hazard of leaving the CSTO");
  assert_true(rus && chn && exits && rus < chn && chn < exits);
  assert_non_null(strstr(rus, "\n  ARM                 0.138 [0.067-0.228]"));
  assert_non_null(strstr(chn, "\n  KGZ                 0.116 [0.086-0.150]"));
  /* each institution's own base rate and members against their fellows: Armenia's
   * hazard rises most, NATO's members (no exits in the world) stay below 1% a year */
  assert_non_null(strstr(exits, "\n  ARM                 0.023 [0.021-0.028]  0.045 [0.035-0.065]  "
                                "0.066 [0.049-0.101]"));
  const char *nato = strstr(exits, "Hazard of leaving the NATO");
  assert_non_null(nato);
  assert_non_null(strstr(nato, "\n  TUR                 0.008 [0.004-0.013]"));
  assert_non_null(strstr(nato, "\n  EST                 0.004 [0.002-0.007]"));
  assert_null(strstr(exits, "\n  UZB "));
  /* the story in a few lines, before the tables */
  const char *story = strstr(dyn, "From 2021-12 to 2024-12 (the medians of the runs):\n"
                                  "  credibility of CSTO: 0.671 -> 0.551 (-0.119)\n");
  assert_true(story && story < rus);
  assert_non_null(strstr(story, "\n  leverage of RUS: fell over 11 of 14 states"));
  /* China's share of the poles' leverage rises where its leverage alone does not */
  assert_non_null(strstr(story, "\n  share of CHN in the poles' leverage: fell over 3 of 12 states, "
                                "rose over 9; fell most over BLR (0.429 -> 0.343); rose most over "
                                "AZE (0.254 -> 0.379)\n"));
  assert_non_null(strstr(story, "\n  yearly hazard of leaving CSTO: rose for 5 of 5 members, "
                                "most for ARM (0.023 -> 0.066)\n"));
  orb_world_free(world);
  orb_diags_free(&diags);
  free(out);

  out = test_run_orbit("run --date 2031-01-01", TEST_BOTH, &code);
  assert_int_equal(code, 2);
  free(out);
  out = test_run_orbit("run --bogus", TEST_BOTH, &code);
  assert_int_equal(code, 2);
  free(out);
}

static void test_run_with_events(void **state) {
  char *events = test_write_temp(test_coded_events);
  char args[512];
  int code;
  snprintf(args, sizeof args, "run --events %s --date 2024-08-21", events);
  char *out = test_run_orbit(args, TEST_BOTH, &code);
  assert_int_equal(code, 0);
  assert_non_null(strstr(out, "1 coded events added to the timeline, 1 duplicates of "
                              "held events merged"));
  assert_non_null(strstr(out, "101 events in the timeline, as of 2024-08-21"));
  /* the merge is reported once, not once per section */
  const char *first = strstr(out, "coded events added");
  assert_null(strstr(first + 1, "coded events added"));
  free(out);

  /* a malformed line is named with its file and line, and nothing runs */
  char *bad = test_write_temp("{\"date\": 12\nnot json\n");
  snprintf(args, sizeof args, "run --events %s", bad);
  out = test_run_orbit(args, TEST_BOTH, &code);
  assert_int_equal(code, 1);
  char where[300];
  snprintf(where, sizeof where, "%s:1", bad);
  assert_non_null(strstr(out, where));
  assert_null(strstr(out, "========"));
  free(out);
  remove(bad);
  free(bad);
  remove(events);
  free(events);
}

/* A world file's coded_events: are merged by every command, relative to the file. */
static void test_world_coded_events(void **state) {
  char *events = test_write_temp(test_coded_events);
  char world_text[2048];
  snprintf(world_text, sizeof world_text,
           "world: {name: T, start: 1991-12-26, end: 2030-12-31}\n"
           "coded_events: [%s]\n"
           "actors:\n"
           "  - {id: RUS, name: Russia, kind: state}\n"
           "  - {id: UKR, name: Ukraine, kind: state}\n"
           "  - {id: KAZ, name: Kazakhstan, kind: state}\n"
           "events:\n"
           "  - {date: 2022-02-24, actor: RUS, target: UKR, type: attack, description: d, "
           "source: s}\n",
           strrchr(events, '/') + 1); /* relative to the world file, both in /tmp */
  char *world_path = test_write_temp(world_text);
  orb_world *world = NULL;
  orb_diags diags;
  orb_diags_init(&diags);
  assert_int_equal(orb_world_load(world_path, &world, &diags), ORB_OK);
  assert_int_equal(world->coded_event_file_count, 1);
  assert_string_equal(world->coded_event_files[0], events);
  orb_world_free(world);
  orb_diags_free(&diags);

  char args[512];
  int code;
  snprintf(args, sizeof args, "world --json %s", world_path);
  char *out = test_run_orbit(args, TEST_BOTH, &code);
  assert_int_equal(code, 0);
  assert_non_null(strstr(out, "1 coded events added to the timeline, 1 duplicates"));
  assert_non_null(strstr(out, "\"event_count\":\t2"));
  free(out);
  remove(world_path);
  free(world_path);
  remove(events);
  free(events);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_run_sections),
    cmocka_unit_test(test_run_with_events),
    cmocka_unit_test(test_world_coded_events),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
