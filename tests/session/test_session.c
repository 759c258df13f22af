/*
 * test_session.c: the session (a world loaded once with its coded events and its
 * landscape section, one date rule, lookups) and the report writers: a C caller
 * printing a result gets the bytes the orbit command prints.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/testutil.h"
#include "orbit/orbit.h"

/* AddressSanitizer aborts on an impossible allocation instead of failing it. */
#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

/* A small world naming the coded events file `events` (relative to /tmp) and
 * holding a landscape section. */
static char *small_world(const char *events) {
  char text[2048];
  snprintf(text, sizeof text,
           "world: {name: T, start: 1991-12-26, end: 2030-12-31}\n"
           "coded_events: [%s]\n"
           "actors:\n"
           "  - {id: RUS, name: Russia, kind: state}\n"
           "  - {id: UKR, name: Ukraine, kind: state}\n"
           "  - {id: KAZ, name: Kazakhstan, kind: state}\n"
           "issues: []\n"
           "events:\n"
           "  - {date: 2022-02-24, actor: RUS, target: UKR, type: attack, description: d, "
           "source: s}\n"
           "landscape:\n"
           "  blocs: 3\n"
           "  actors: [RUS, UKR, KAZ]\n"
           "  pairs: [[RUS, UKR, -1], [RUS, KAZ, 1]]\n",
           strrchr(events, '/') + 1);
  return test_write_temp(text);
}

/* What a stream written by a writer holds (caller frees). */
static char *contents(FILE *file) {
  fflush(file);
  long size = ftell(file);
  char *text = malloc((size_t)size + 1);
  rewind(file);
  assert_int_equal(fread(text, 1, (size_t)size, file), (size_t)size);
  text[size] = '\0';
  return text;
}

/* coded_events: are merged by the library, so a library caller gets the timeline
 * the command gets; the landscape section is kept; the date rule and lookups. */
static void test_session_loads_once_with_events(void **state) {
  char *events = test_write_temp(test_coded_events);
  char *world_path = small_world(events);
  orb_diags diags;
  orb_diags_init(&diags);
  orb_session *s = NULL;
  orb_session_options options = {.world_path = world_path};
  assert_int_equal(orb_session_load(&options, &s, &diags), ORB_OK);
  const orb_world *w = orb_session_world(s);
  assert_int_equal(w->event_count, 2); /* one new, one duplicate merged away */
  size_t count;
  const orb_session_merge *merges = orb_session_merges(s, &count);
  assert_int_equal(count, 1);
  assert_string_equal(merges[0].file, events);
  assert_int_equal(merges[0].stats.added, 1);
  assert_int_equal(merges[0].stats.duplicates, 1);
  assert_int_equal(orb_session_latest(s), orb_date_from_ymd(2024, 8, 20));

  unsigned blocs = 0;
  const orb_landscape *l = orb_session_landscape(s, &blocs);
  assert_non_null(l);
  assert_int_equal(l->actor_count, 3);
  assert_int_equal(blocs, 3);
  orb_alignment_request request;
  orb_alignment_request_default(&request);
  orb_alignment *a = NULL;
  assert_int_equal(orb_alignment_new(s, ORB_DATE_NONE, &request, &a, &diags), ORB_OK);
  assert_int_equal(a->result->blocs, 3); /* the section's blocs */
  assert_true(a->result->minima[0].energy == -1);
  orb_alignment_free(a);

  /* one date rule */
  assert_int_equal(orb_session_check_date(s, orb_date_from_ymd(2000, 1, 1), &diags), ORB_OK);
  assert_int_equal(diags.count, 0);
  assert_int_equal(orb_session_check_date(s, orb_date_from_ymd(1000, 1, 1), &diags),
                   ORB_EINVAL);
  assert_int_equal(diags.count, 1);
  assert_string_equal(diags.items[0].message,
                      "date 1000-01-01 is outside the world's span, 1991-12-26 to 2030-12-31");
  orb_state *st = NULL;
  assert_int_equal(orb_state_new(s, orb_date_from_ymd(2031, 1, 1), &st, &diags), ORB_EINVAL);
  assert_null(st);
  orb_alignment_series *series = NULL;
  assert_int_equal(orb_alignment_series_new(s, 1000, 2000, &request, &series, &diags),
                   ORB_EINVAL);
  assert_null(series);
  size_t index = 7;
  assert_int_equal(orb_session_issue(s, "X", &index, &diags), ORB_ENOTFOUND);
  assert_int_equal(index, ORB_NONE);
  assert_string_equal(diags.items[diags.count - 1].message,
                      "unknown issue 'X'; the world has no issues");
  orb_session_free(s);

  /* extra files come after the world's own: the same events again are duplicates */
  const char *extra[] = {events};
  options.event_files = extra;
  options.event_file_count = 1;
  assert_int_equal(orb_session_load(&options, &s, &diags), ORB_OK);
  merges = orb_session_merges(s, &count);
  assert_int_equal(count, 2);
  assert_int_equal(merges[1].stats.added, 0);
  assert_int_equal(merges[1].stats.duplicates, 2);
  assert_int_equal(orb_session_world(s)->event_count, 2);
  orb_session_free(s);

  /* a malformed events file: nothing is loaded, the file is named */
  char *bad = test_write_temp("not json\n");
  extra[0] = bad;
  orb_diags_free(&diags);
  assert_int_equal(orb_session_load(&options, &s, &diags), ORB_EPARSE);
  assert_null(s);
  assert_true(diags.count >= 1);
  assert_string_equal(diags.items[diags.count - 1].file, bad);
  remove(bad);
  free(bad);
  orb_diags_free(&diags);
  remove(world_path);
  free(world_path);
  remove(events);
  free(events);
}

/* A missing world: ORB_EIO, and the file named. */
static void test_session_missing_world(void **state) {
  orb_diags diags;
  orb_diags_init(&diags);
  orb_session *s = NULL;
  orb_session_options options = {.world_path = "/nonexistent/w.yaml"};
  assert_int_equal(orb_session_load(&options, &s, &diags), ORB_EIO);
  assert_null(s);
  assert_string_equal(diags.items[0].file, "/nonexistent/w.yaml");
  orb_diags_free(&diags);
}

/* The writers print what the command prints, byte for byte. */
static void expect_same(const char *args, const char *printed) {
  int code;
  char *out = test_run_orbit(args, TEST_STDOUT, &code);
  assert_int_equal(code, 0);
  if (strcmp(out, printed) != 0) fail_msg("orbit %s differs from the library's report", args);
  free(out);
}

static void test_reports_equal_command(void **state) {
  orb_diags diags;
  orb_diags_init(&diags);
  orb_session *s = NULL;
  assert_int_equal(orb_session_load(NULL, &s, &diags), ORB_OK);
  const orb_world *w = orb_session_world(s);
  char args[256];

  size_t issue;
  assert_int_equal(orb_session_issue(s, "ES-11/1", &issue, &diags), ORB_OK);
  orb_stances *stances = NULL;
  assert_int_equal(orb_stances_new(s, issue, ORB_DATE_NONE, &stances, &diags), ORB_OK);
  static const orb_format formats[] = {ORB_FORMAT_TEXT, ORB_FORMAT_JSON, ORB_FORMAT_CSV};
  static const char *const flags[] = {"", " --json", " --csv"};
  for (int f = 0; f < 3; f++) {
    FILE *file = tmpfile();
    assert_int_equal(orb_report_stances(file, stances, formats[f], 3), ORB_OK);
    char *text = contents(file);
    snprintf(args, sizeof args, "stance --issue ES-11/1 --model world%s", flags[f]);
    expect_same(args, text);
    free(text);
    fclose(file);
  }
  orb_stances_free(stances);

  orb_state *st = NULL;
  assert_int_equal(orb_state_new(s, orb_date_from_ymd(2024, 6, 1), &st, &diags), ORB_OK);
  FILE *file = tmpfile();
  assert_int_equal(orb_report_state(file, st, ORB_FORMAT_JSON), ORB_OK);
  char *text = contents(file);
  expect_same("world --json --date 2024-06-01", text);
  free(text);
  fclose(file);
  file = tmpfile();
  assert_int_equal(orb_report_state(file, st, ORB_FORMAT_CSV), ORB_EINVAL);
  assert_int_equal(ftell(file), 0); /* nothing written */
  fclose(file);
  orb_state_free(st);

  orb_run *run = NULL;
  assert_int_equal(orb_run_new(s, ORB_DATE_NONE, &run, &diags), ORB_OK);
  assert_int_equal(run->date, w->events[w->event_count - 1].date);
  file = tmpfile();
  assert_int_equal(orb_report_run(file, run, ORB_FORMAT_TEXT), ORB_OK);
  text = contents(file);
  expect_same("run", text);
  free(text);
  fclose(file);

  /* a stream that cannot be written: ORB_EIO */
  FILE *full = fopen("/dev/full", "w");
  if (full) {
    setvbuf(full, NULL, _IONBF, 0);
    assert_int_equal(orb_report_run(full, run, ORB_FORMAT_TEXT), ORB_EIO);
    fclose(full);
  }
  orb_run_free(run);
  assert_int_equal(diags.count, 0);
  orb_session_free(s);
  orb_diags_free(&diags);
}

/* The runs a bargaining's play handed to its sink. */
typedef struct seen_runs {
  size_t count;
  double outcome[8][8];
  int holders_ok;
} seen_runs;

/* orb_bargaining_sink: records each run's outcome and checks that every actor
 * holds exactly one of the distinct final positions. */
static orb_status see_run(void *user, const orb_bargaining *b, uint64_t run,
                          const orb_bargain_result *r) {
  seen_runs *seen = user;
  (void)b;
  assert_int_equal(run, seen->count);
  for (size_t k = 0; k < r->dim_count && k < 8; k++) seen->outcome[seen->count][k] = r->outcome_mean[k];
  int ok = 1;
  for (size_t i = 0; i < r->actor_count; i++) {
    int held = 0;
    for (size_t u = 0; u < r->unique_count; u++) held += orb_bargain_holds(r, u, i);
    ok &= held == 1;
  }
  for (size_t u = 0; u < r->unique_count; u++) ok &= orb_bargain_holds(r, u, r->unique_actor[u]);
  seen->holders_ok = run == 0 ? ok : seen->holders_ok && ok;
  seen->count++;
  return ORB_OK;
}

/* Bargaining: KTAB's default seed, ensemble statistics, position holders. */
static void test_bargaining(void **state) {
  orb_diags diags;
  orb_diags_init(&diags);
  orb_bargain_scenario *scenario = NULL;
  assert_int_equal(orb_bargain_read("data/bargain/dummyData_3Dim.csv", &scenario, &diags),
                   ORB_OK);
  orb_bargaining_request request;
  orb_bargaining_request_default(&request);
  request.runs = 4;
  orb_bargaining *b = NULL;
  assert_int_equal(orb_bargaining_new(&scenario, "d.csv", &request, &b, &diags), ORB_OK);
  assert_null(scenario); /* taken over */
  assert_true(b->seed == ORB_BARGAIN_DEFAULT_SEED);
  assert_true(b->seed == UINT64_C(15455440707583219804)); /* as the help says */
  assert_int_equal(b->options.transitions, ORB_TRANSITION_STOCHASTIC);
  seen_runs seen = {0};
  assert_int_equal(orb_bargaining_play(b, see_run, &seen, &diags), ORB_OK);
  assert_int_equal(seen.count, 4);
  assert_null(b->single); /* an ensemble keeps no run */
  assert_true(b->summary.runs == 4);
  for (size_t k = 0; k < b->summary.dim_count; k++) {
    double sum = 0, lo = 1e300, hi = -1e300;
    for (size_t r = 0; r < seen.count; r++) {
      double x = seen.outcome[r][k];
      sum += x;
      lo = x < lo ? x : lo;
      hi = x > hi ? x : hi;
    }
    assert_true(fabs(b->summary.mean[k] - sum / 4) < 1e-12);
    assert_true(b->summary.min[k] == lo && b->summary.max[k] == hi);
    assert_true(orb_bargain_summary_sd(&b->summary, k) >= 0);
  }
  assert_true(seen.holders_ok);
  orb_bargaining_free(b);

  /* several runs with Deterministic transitions asked for: refused */
  assert_int_equal(orb_bargain_read("data/bargain/dummyData_3Dim.csv", &scenario, &diags),
                   ORB_OK);
  request.option_values[ORB_BOPT_TRANSITIONS] = "Deterministic";
  assert_int_equal(orb_bargaining_new(&scenario, "d.csv", &request, &b, &diags), ORB_EINVAL);
  assert_null(b);
  assert_null(scenario);
  assert_string_equal(diags.items[diags.count - 1].message,
                      "4 runs need Stochastic transitions");
  orb_diags_free(&diags);
}

/* A diagnostic that cannot be recorded is counted and printed, not lost silently. */
static void test_diags_remember_lost(void **state) {
  orb_diags diags;
  orb_diags_init(&diags);
  assert_int_equal(orb_diags_add(&diags, "f", 1, 2, "kept"), ORB_OK);
  diags.lost = 2; /* as orb_diags_add leaves it after two failed allocations */
  FILE *file = tmpfile();
  orb_diags_print(&diags, file);
  char *text = contents(file);
  assert_string_equal(text, "f:1:2: error: kept\n"
                            "orbit: out of memory while recording diagnostics (2 lost)\n");
  free(text);
  fclose(file);
  orb_diags_free(&diags);
  assert_int_equal(diags.lost, 0);
#ifndef UNDER_ASAN
  /* a list that cannot grow: the message is counted as lost */
  diags.count = diags.capacity = SIZE_MAX / (4 * sizeof(orb_diag));
  assert_int_equal(orb_diags_add(&diags, "f", 1, 1, "lost"), ORB_ENOMEM);
  assert_int_equal(diags.lost, 1);
  diags.count = diags.capacity = 0;
  orb_diags_free(&diags);
#endif
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_session_loads_once_with_events),
    cmocka_unit_test(test_session_missing_world),
    cmocka_unit_test(test_reports_equal_command),
    cmocka_unit_test(test_bargaining),
    cmocka_unit_test(test_diags_remember_lost),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
