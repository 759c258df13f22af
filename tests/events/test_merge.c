/*
 * test_merge.c: coded events merged into the built-in world's timeline, with
 * duplicates of held events merged away, and the output of `orbit code --json`
 * going into a world (articles to simulation).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "common/testutil.h"
#include "events/evtest.h"

static orb_world *world;

static int setup(void **state) {
  (void)state;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status st = orb_world_load(orb_world_default_path(), &world, &diags);
  orb_diags_print(&diags, stderr);
  orb_diags_free(&diags);
  return st == ORB_OK ? 0 : -1;
}

static int teardown(void **state) {
  (void)state;
  orb_world_free(world);
  return 0;
}

/* Index of the held event source -type-> target on date, or ORB_NONE. */
static size_t find(const orb_world *w, const char *source, const char *target,
                   const char *type, const char *date) {
  orb_date d;
  assert_int_equal(orb_date_parse(date, strlen(date), &d, NULL), ORB_OK);
  size_t s = orb_world_actor(w, source), t = *target ? orb_world_actor(w, target) : ORB_NONE;
  for (size_t i = 0; i < w->event_count; i++)
    if (w->events[i].source == s && w->events[i].target == t && w->events[i].date == d &&
        strcmp(orb_event_type_name(w->events[i].type), type) == 0)
      return i;
  return ORB_NONE;
}

static void test_merge_and_dedupe(void **state) {
  (void)state;
  assert_true(find(world, "UKR", "RUS", "attack", "2024-08-06") != ORB_NONE);
  char *path = test_write_temp(
      /* a day after the held Kursk incursion: a duplicate */
      "{\"doc\":\"a\",\"date\":\"2024-08-07\",\"source\":\"UKR\",\"target\":\"RUS\","
      "\"type\":\"attack\",\"cameo\":\"192\",\"sentence\":\"s1\",\"start\":0,\"end\":2,"
      "\"rule\":\"orbit.dict:1\"}\n"
      /* inside the held month-precision abstention of August 2024: a duplicate */
      "{\"date\":\"2024-08-20\",\"source\":\"KAZ\",\"target\":\"RUS\",\"type\":\"abstain\"}\n"
      /* new */
      "{\"doc\":\"b\",\"date\":\"2022-06-17\",\"source\":\"KAZ\",\"target\":\"RUS\","
      "\"type\":\"condemn\",\"cameo\":\"111\",\"sentence\":\"Tokayev criticised Moscow.\","
      "\"start\":10,\"end\":36,\"rule\":\"orbit.dict:640\"}\n"
      /* the same a day later in another article: a duplicate of the line above */
      "{\"date\":\"2022-06-18\",\"source\":\"KAZ\",\"target\":\"RUS\",\"type\":\"condemn\"}\n"
      /* new, without target */
      "{\"date\":\"2023-03-01\",\"source\":\"ARM\",\"target\":\"\",\"type\":\"abstain\"}\n"
      "\n"
      "{\"date\":\"2022-06-17\",\"source\":\"GON\",\"target\":\"RUS\",\"type\":\"attack\"}\n"
      "{\"date\":\"2022-06-17\",\"source\":\"KAZ\",\"target\":\"RUS\",\"type\":\"\"}\n"
      "{\"date\":\"\",\"source\":\"KAZ\",\"target\":\"RUS\",\"type\":\"attack\"}\n"
      "{\"date\":\"1990-01-01\",\"source\":\"KAZ\",\"target\":\"RUS\",\"type\":\"attack\"}\n");
  orb_world *merged = NULL;
  orb_merge_stats stats;
  orb_diags diags;
  orb_diags_init(&diags);
  assert_int_equal(orb_world_merge_events_file(world, path, &merged, &stats, &diags), ORB_OK);
  assert_int_equal(diags.count, 0);
  assert_int_equal(stats.read, 9);
  assert_int_equal(stats.added, 2);
  assert_int_equal(stats.duplicates, 3);
  assert_int_equal(stats.unknown_actor, 1);
  assert_int_equal(stats.untyped, 1);
  assert_int_equal(stats.undated, 1);
  assert_int_equal(stats.outside, 1);
  assert_int_equal(merged->event_count, world->event_count + 2);
  for (size_t i = 1; i < merged->event_count; i++)
    assert_true(merged->events[i - 1].date <= merged->events[i].date);
  size_t k = find(merged, "KAZ", "RUS", "condemn", "2022-06-17");
  assert_true(k != ORB_NONE);
  assert_string_equal(merged->events[k].cameo, "111");
  assert_string_equal(merged->events[k].description, "Tokayev criticised Moscow.");
  assert_string_equal(merged->events[k].provenance.source,
                      "orbit code: b, bytes 10-36 (orbit.dict:640)");
  assert_null(merged->events[k].provenance.assumption);
  assert_true(find(merged, "ARM", "", "abstain", "2023-03-01") != ORB_NONE);
  assert_true(find(world, "KAZ", "RUS", "condemn", "2022-06-17") == ORB_NONE);
  assert_int_equal(merged->actor_count, world->actor_count);
  orb_world_free(merged);
  unlink(path);
  free(path);
}

static void test_malformed(void **state) {
  (void)state;
  char *path = test_write_temp("{\"date\":\"2022-06-17\",\"source\":\"KAZ\",\"target\":\"RUS\","
                         "\"type\":\"condemn\"}\nnot json\n");
  orb_world *merged = (orb_world *)1;
  orb_merge_stats stats;
  orb_diags diags;
  orb_diags_init(&diags);
  assert_int_equal(orb_world_merge_events_file(world, path, &merged, &stats, &diags),
                   ORB_EPARSE);
  assert_null(merged);
  assert_int_equal(diags.count, 1);
  assert_int_equal(diags.items[0].line, 2);
  orb_diags_free(&diags);
  assert_int_equal(orb_world_merge_events_file(world, "/nonexistent.jsonl", &merged, &stats,
                                               &diags),
                   ORB_EIO);
  orb_diags_free(&diags);
  unlink(path);
  free(path);
}

/* From articles to a world: orbit code --json, then the merge. */
static void test_articles_to_world(void **state) {
  (void)state;
  char *article = test_write_temp(
      "Date: 2024-02-22\n"
      "Armenian Prime Minister Nikol Pashinyan said on Thursday that Armenia froze its "
      "participation in the CSTO.\n"
      "Kazakhstan condemned Russia's ban on grain exports on Wednesday.\n");
  char args[512];
  snprintf(args, sizeof args, "code --json '%s'", article);
  int code = -1;
  char *jsonl = test_run_orbit(args, TEST_STDOUT, &code);
  assert_int_equal(code, 0);
  char *events = test_write_temp(jsonl);
  orb_world *merged = NULL;
  orb_merge_stats stats;
  orb_diags diags;
  orb_diags_init(&diags);
  assert_int_equal(orb_world_merge_events_file(world, events, &merged, &stats, &diags),
                   ORB_OK);
  printf("articles to world: %zu coded, %zu added, %zu duplicates\n", stats.read,
         stats.added, stats.duplicates);
  assert_true(stats.read >= 2);
  assert_true(find(merged, "KAZ", "RUS", "condemn", "2024-02-21") != ORB_NONE);
  size_t n = 0; /* the freeze is coded, whether added or merged with a held event */
  for (size_t i = 0; i < merged->event_count; i++)
    n += merged->events[i].source == orb_world_actor(merged, "ARM") &&
         merged->events[i].type == ORB_EV_SUSPEND_MEMBERSHIP;
  assert_true(n >= 1);
  orb_world_free(merged);
  unlink(events);
  unlink(article);
  free(events);
  free(article);
  free(jsonl);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_merge_and_dedupe),
    cmocka_unit_test(test_malformed),
    cmocka_unit_test(test_articles_to_world),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
