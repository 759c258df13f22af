/*
 * test_world.c: dates, the world loader on the documented example, every class of
 * bad input against golden messages, robustness to truncated and corrupted files,
 * date queries, and the orbit world command.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "common/testutil.h"
#include "orbit/orbit.h"

/* The complete YAML example of docs/WORLD.md (caller frees). */
static char *docs_example(size_t *len) {
  char *doc = test_read_file("docs/WORLD.md", NULL);
  assert_non_null(doc);
  char *start = strstr(doc, "## A complete example");
  assert_non_null(start);
  start = strstr(start, "```yaml\n");
  assert_non_null(start);
  start += 8;
  char *end = strstr(start, "```");
  assert_non_null(end);
  *len = (size_t)(end - start);
  char *yaml = malloc(*len + 1);
  memcpy(yaml, start, *len);
  yaml[*len] = '\0';
  free(doc);
  return yaml;
}

static void test_dates_round_trip(void **state) {
  orb_date first = orb_date_from_ymd(1900, 1, 1), last = orb_date_from_ymd(2100, 12, 31);
  assert_int_equal(orb_date_from_ymd(1970, 1, 1), 0);
  assert_int_equal(orb_date_from_ymd(2000, 3, 1), 11017);
  for (orb_date d = first; d <= last; d++) {
    char buf[11];
    orb_date_format(d, ORB_PREC_DAY, buf);
    orb_date parsed;
    orb_precision precision;
    assert_int_equal(orb_date_parse(buf, 10, &parsed, &precision), ORB_OK);
    assert_int_equal(parsed, d);
    assert_int_equal(precision, ORB_PREC_DAY);
  }
  static const char *const bad[] = {"2023-02-29", "2022-13-01", "2022-00-10", "22-01-01",
                                    "2022-1-01",  "2022/01/01", "0999",       "abcd",
                                    "2022-04-31", ""};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    orb_date d;
    assert_int_equal(orb_date_parse(bad[i], strlen(bad[i]), &d, NULL), ORB_EINVAL);
  }
  orb_date d;
  orb_precision precision;
  assert_int_equal(orb_date_parse("2024-02-29", 10, &d, NULL), ORB_OK);
  assert_int_equal(orb_date_parse("2009-08", 7, &d, &precision), ORB_OK);
  assert_int_equal(d, orb_date_from_ymd(2009, 8, 1));
  assert_int_equal(precision, ORB_PREC_MONTH);
  char buf[11];
  orb_date_format(d, precision, buf);
  assert_string_equal(buf, "2009-08");
}

static void test_docs_example_loads(void **state) {
  size_t len;
  char *yaml = docs_example(&len);
  orb_world *w = test_load_world_text(yaml);
  assert_string_equal(w->name, "Example");
  assert_int_equal(w->actor_count, 4);
  assert_int_equal(w->tie_count, 1);
  assert_int_equal(w->institution_count, 1);
  assert_int_equal(w->issue_count, 1);
  assert_int_equal(w->event_count, 1);
  assert_int_equal(w->param_count, 1);
  assert_int_equal(w->sourced_count, 10);
  assert_int_equal(w->assumption_count, 7);
  size_t kaz = orb_world_actor(w, "KAZ"), rus = orb_world_actor(w, "RUS");
  assert_int_equal(kaz, 1);
  assert_int_equal(orb_world_actor(w, "CSTO"), 3);
  assert_int_equal(w->bargain_count, 1);
  const orb_bargain_issue *bargain = &w->bargains[orb_world_bargain(w, "grain-quotas")];
  assert_int_equal(bargain->dimension_count, 1);
  assert_string_equal(bargain->dimensions[0], "quota");
  assert_int_equal(bargain->stand_count, 3);
  assert_int_equal(bargain->stands[1].actor, kaz);
  assert_true(bargain->stands[1].positions[0] == 20 && bargain->stands[1].saliences[0] == 70);
  assert_true(bargain->stands[2].has_capability && bargain->stands[2].capability.value == 5);
  assert_int_equal(orb_world_bargain(w, "nothing"), ORB_NONE);
  assert_int_equal(orb_world_actor(w, "XXX"), ORB_NONE);
  const orb_tie *tie = &w->ties[0];
  assert_int_equal(tie->from, kaz);
  assert_int_equal(tie->to, rus);
  assert_int_equal(tie->type, ORB_TIE_OIL_TRANSIT);
  assert_string_equal(orb_tie_type_name(tie->type), "oil_transit");
  assert_true(tie->values[0].value == 0.80);
  assert_non_null(tie->values[0].note);
  size_t csto = orb_world_institution(w, "CSTO");
  assert_int_equal(csto, 0);
  assert_int_equal(w->institutions[0].leader, rus);
  assert_int_equal(w->institutions[0].commitment, ORB_COMMITMENT_MUTUAL_DEFENCE);
  assert_true(orb_commitment_get(w->institutions[0].commitment)->defence);
  const orb_issue *issue = &w->issues[orb_world_issue(w, "ES-11/1")];
  assert_int_equal(issue->option_count, 4);
  assert_int_equal(issue->options[2].stance, ORB_STANCE_SILENT);
  assert_int_equal(issue->observed[0].actor, kaz);
  assert_string_equal(issue->options[issue->observed[0].option].id, "abstain");
  assert_int_equal(issue->attribute_count, 1);
  assert_true(issue->attributes[0].value == 1.0);
  assert_int_equal(w->events[0].type, ORB_EV_TROOP_DEPLOYMENT);
  assert_true(w->events[0].has_magnitude && w->events[0].magnitude.value == 2030);
  const orb_attribute *regime = &w->actors[rus].attributes[1];
  assert_string_equal(regime->text, "authoritarian");
  assert_non_null(regime->figure.provenance.assumption);
  const orb_figure *population = orb_actor_attribute(w, rus, "population", 2024);
  assert_non_null(population);
  assert_true(population->value == 143826130);
  assert_null(orb_actor_attribute(w, rus, "gdp_usd", 2024));
  assert_int_equal(orb_world_param(w, "align.baseline_repulsion"), 0);
  orb_world_free(w);
  free(yaml);
}

/* Every tests/world/bad/NAME.yaml fails with exactly the messages and exit code in
 * NAME.expected, through both the library and the command. */
static void test_bad_inputs_golden(void **state) {
  DIR *dir = opendir("tests/world/bad");
  assert_non_null(dir);
  struct dirent *entry;
  int cases = 0;
  while ((entry = readdir(dir))) {
    size_t n = strlen(entry->d_name);
    if (n < 6 || strcmp(entry->d_name + n - 5, ".yaml") != 0) continue;
    char path[512], expected_path[512], args[600];
    snprintf(path, sizeof path, "tests/world/bad/%s", entry->d_name);
    snprintf(expected_path, sizeof expected_path, "tests/world/bad/%.*s.expected",
             (int)(n - 5), entry->d_name);
    char *expected = test_read_file(expected_path, NULL);
    if (!expected) fail_msg("missing golden file %s", expected_path);

    orb_world *world = (orb_world *)1;
    orb_diags diags;
    orb_diags_init(&diags);
    orb_status status = orb_world_load(path, &world, &diags);
    assert_int_equal(status, ORB_EPARSE);
    assert_null(world);
    size_t expected_errors = 0;
    for (const char *p = expected; (p = strstr(p, ": error: ")); p++) expected_errors++;
    if (diags.count != expected_errors)
      fail_msg("%s: %zu diagnostics, golden has %zu", path, diags.count, expected_errors);
    orb_diags_free(&diags);

    int code;
    snprintf(args, sizeof args, "world --check '%s'", path);
    char *output = test_run_orbit(args, TEST_STDERR, &code);
    if (strcmp(output, expected) != 0)
      fail_msg("%s: messages differ\n--- got\n%s--- expected\n%s", path, output, expected);
    assert_int_equal(code, 1);
    free(output);
    free(expected);
    cases++;
  }
  closedir(dir);
  assert_true(cases >= 18);
}

/* Truncating the example at every byte and corrupting bytes never crashes, and a
 * failed load always says why and returns no world. */
static void test_corrupted_inputs(void **state) {
  size_t len;
  char *yaml = docs_example(&len);
  char *copy = malloc(len + 1);
  uint32_t random = 12345;
  for (size_t cut = 0; cut <= len; cut++) {
    for (int variant = 0; variant < 2; variant++) {
      memcpy(copy, yaml, len);
      size_t size = cut;
      if (variant) { /* flip one byte, full length */
        random = random * 1103515245u + 12345u;
        copy[cut % len] = (char)(random >> 16);
        size = len;
      }
      orb_world *world = NULL;
      orb_diags diags;
      orb_diags_init(&diags);
      orb_status status = orb_world_load_buffer("cut.yaml", copy, size, &world, &diags);
      if (status == ORB_OK) {
        assert_non_null(world);
        assert_int_equal(diags.count, 0);
      } else {
        assert_null(world);
        assert_true(diags.count > 0);
      }
      orb_world_free(world);
      orb_diags_free(&diags);
    }
  }
  free(copy);
  free(yaml);
}

/* A file over the size limit is refused with a clear message, without parsing. */
static void test_huge_input(void **state) {
  char path[] = "/tmp/orbit-huge-XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  FILE *file = fdopen(fd, "w");
  static char line[1024];
  memset(line, '#', sizeof line - 1);
  line[sizeof line - 2] = '\n';
  for (int i = 0; i < 65 * 1024; i++) fputs(line, file); /* 65 MiB of comments */
  fclose(file);
  orb_world *world = NULL;
  orb_diags diags;
  orb_diags_init(&diags);
  assert_int_equal(orb_world_load(path, &world, &diags), ORB_ELIMIT);
  assert_null(world);
  assert_int_equal(diags.count, 1);
  /* the real size, not the size of a buffer */
  assert_string_equal(diags.items[0].message,
                      "file is 68090880 bytes, over the 64 MiB limit for a world file");
  orb_diags_free(&diags);
  remove(path);
}

static const char timeline_world[] =
  "world: {name: T, start: 1991-12-26, end: 2030-12-31}\n"
  "actors:\n"
  "  - {id: RUS, name: Russia, kind: state}\n"
  "  - {id: ARM, name: Armenia, kind: state}\n"
  "  - {id: UZB, name: Uzbekistan, kind: state}\n"
  "  - {id: CSTO, name: CSTO, kind: organisation}\n"
  "ties:\n"
  "  - from: ARM\n"
  "    to: RUS\n"
  "    type: gas\n"
  "    ended: 2029-01-01\n"
  "    values:\n"
  "      - {value: 0.8, year: 2021, source: s}\n"
  "      - {value: 0.7, year: 2015, source: s}\n"
  "institutions:\n"
  "  - id: CSTO\n"
  "    commitment: mutual_defence\n"
  "    source: s\n"
  "    members:\n"
  "      - {actor: ARM, joined: 1994-04-20, suspended: [{from: 2024-02-22}], source: s}\n"
  "      - {actor: UZB, joined: 1994-04-20, left: 1999-04-02, source: s}\n"
  "      - {actor: UZB, joined: 2006-08-16, left: 2012-12-19, source: s}\n"
  "events:\n"
  "  - {date: 2024-02, actor: ARM, target: CSTO, type: suspend_membership, description: b, source: s}\n"
  "  - {date: 2010-06-12, actor: RUS, type: aid_refused, description: a, source: s}\n";

static orb_date ymd(int y, int m, int d) { return orb_date_from_ymd(y, m, d); }

static void test_membership_and_ties_at_dates(void **state) {
  orb_world *w = test_load_world_text(timeline_world);
  size_t arm = orb_world_actor(w, "ARM"), uzb = orb_world_actor(w, "UZB");
  assert_int_equal(orb_membership_at(w, 0, arm, ymd(1994, 4, 19)), ORB_NOT_MEMBER);
  assert_int_equal(orb_membership_at(w, 0, arm, ymd(1994, 4, 20)), ORB_MEMBER);
  assert_int_equal(orb_membership_at(w, 0, arm, ymd(2024, 2, 21)), ORB_MEMBER);
  assert_int_equal(orb_membership_at(w, 0, arm, ymd(2024, 6, 1)), ORB_MEMBER_SUSPENDED);
  assert_int_equal(orb_membership_at(w, 0, uzb, ymd(1998, 1, 1)), ORB_MEMBER);
  assert_int_equal(orb_membership_at(w, 0, uzb, ymd(2003, 1, 1)), ORB_NOT_MEMBER);
  assert_int_equal(orb_membership_at(w, 0, uzb, ymd(2010, 1, 1)), ORB_MEMBER);
  assert_int_equal(orb_membership_at(w, 0, uzb, ymd(2012, 12, 19)), ORB_NOT_MEMBER);
  assert_int_equal(orb_membership_at(w, 0, uzb, ymd(2024, 6, 1)), ORB_NOT_MEMBER);

  const orb_tie *gas = &w->ties[0];
  assert_int_equal(gas->values[0].year, 2015); /* sorted by year */
  const orb_figure *value;
  assert_int_equal(orb_tie_at(gas, ymd(2014, 6, 1), &value), ORB_TIE_NOT_YET);
  assert_null(value); /* before its first recorded year a tie does not exist */
  assert_int_equal(orb_tie_at(gas, ymd(2018, 6, 1), &value), ORB_TIE_HOLDS);
  assert_true(value->value == 0.7);
  assert_int_equal(orb_tie_at(gas, ymd(2024, 6, 1), &value), ORB_TIE_HOLDS);
  assert_true(value->value == 0.8);
  assert_int_equal(orb_tie_at(gas, ymd(2029, 1, 1), &value), ORB_TIE_ENDED);
  assert_null(value);

  assert_int_equal(w->events[0].type, ORB_EV_AID_REFUSED); /* sorted by date */
  assert_int_equal(w->events[1].precision, ORB_PREC_MONTH);
  assert_int_equal(w->events[0].target, ORB_NONE);
  orb_world_free(w);
}

static void test_vocabularies(void **state) {
  for (int t = 0; t < ORB_EV_TYPE_COUNT; t++) {
    orb_event_type found;
    assert_int_equal(orb_event_type_find(orb_event_type_name(t), &found), ORB_OK);
    assert_int_equal(found, t);
    int root = orb_event_type_cameo_root(t);
    assert_true(root >= 1 && root <= 20);
  }
  orb_event_type found;
  assert_int_equal(orb_event_type_find("invade", &found), ORB_ENOTFOUND);
  const char *const types[] = {"trade", "energy", "remittances", "transit", "security",
                               "arms", "diaspora"};
  for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
    orb_tie_type type;
    assert_int_equal(orb_tie_type_find(types[i], &type), ORB_OK);
    assert_string_equal(orb_tie_type_name(type), types[i]);
  }
  const char *const words[] = {"events", "ties", "actors"};
  assert_string_equal(orb_closest_word("evnts", words, 3), "events");
  assert_null(orb_closest_word("zzzzzzzz", words, 3));
}

/* The built-in world meets the foundation issue's figures. */
static void test_builtin_world(void **state) {
  orb_world *w = NULL;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status status = orb_world_load("worlds/postsoviet.yaml", &w, &diags);
  orb_diags_print(&diags, stdout);
  orb_diags_free(&diags);
  assert_int_equal(status, ORB_OK);
  assert_true(w->actor_count >= 21);
  assert_true(w->institution_count >= 9);
  assert_true(w->tie_count >= 100);
  assert_true(w->event_count >= 50);
  assert_true(w->sourced_count > 0);
  static const char *const states[] = {"RUS", "BLR", "UKR", "MDA", "GEO", "ARM", "AZE",
                                       "KAZ", "KGZ", "TJK", "TKM", "UZB", "EST", "LVA",
                                       "LTU", "CHN", "TUR", "IRN", "IND", "USA", "EU"};
  for (size_t i = 0; i < sizeof states / sizeof states[0]; i++)
    if (orb_world_actor(w, states[i]) == ORB_NONE) fail_msg("no actor %s", states[i]);
  static const char *const institutions[] = {"CSTO", "EAEU", "CIS", "SCO", "NATO",
                                             "EU", "OTS", "GUAM", "UNION_STATE"};
  for (size_t i = 0; i < 9; i++)
    if (orb_world_institution(w, institutions[i]) == ORB_NONE)
      fail_msg("no institution %s", institutions[i]);
  size_t csto = orb_world_institution(w, "CSTO");
  orb_date june = ymd(2024, 6, 1);
  assert_int_equal(orb_membership_at(w, csto, orb_world_actor(w, "ARM"), june),
                   ORB_MEMBER_SUSPENDED);
  assert_int_equal(orb_membership_at(w, csto, orb_world_actor(w, "UZB"), june),
                   ORB_NOT_MEMBER);
  assert_int_equal(orb_membership_at(w, csto, orb_world_actor(w, "KAZ"), june), ORB_MEMBER);
  size_t es11 = orb_world_issue(w, "ES-11/1");
  assert_int_not_equal(es11, ORB_NONE);
  assert_true(w->issues[es11].observed_count >= 21);
  assert_int_not_equal(orb_world_issue(w, "68/262"), ORB_NONE);
  size_t kursk = orb_world_issue(w, "KURSK-2024");
  assert_int_not_equal(kursk, ORB_NONE);
  assert_int_equal(w->issues[kursk].observed_count, 7);
  for (size_t i = 0; i < 7; i++) {
    const orb_issue *issue = &w->issues[kursk];
    assert_int_equal(issue->options[issue->observed[i].option].stance, ORB_STANCE_SILENT);
    assert_non_null(strstr(issue->observed[i].provenance.source, "seed 00"));
  }
  assert_true(w->param_count >= 13);
  assert_non_null(w->params[orb_world_param(w, "stance_w_alliance")].fitted_by);
  int first_year, last_year;
  orb_date_to_ymd(w->events[0].date, &first_year, NULL, NULL);
  orb_date_to_ymd(w->events[w->event_count - 1].date, &last_year, NULL, NULL);
  assert_true(first_year <= 1992 && last_year >= 2024);
  orb_world_free(w);
}

static void test_command(void **state) {
  int code;
  char *out = test_run_orbit("world --date 2024-06-01", TEST_STDOUT, &code);
  assert_int_equal(code, 0);
  /* The CSTO block runs until the next line indented by exactly two spaces. */
  char *csto = strstr(out, "\n  CSTO ");
  assert_non_null(csto);
  char *block_end = csto + 1;
  while ((block_end = strchr(block_end + 1, '\n')) && strncmp(block_end, "\n   ", 4) == 0) {}
  if (block_end) *block_end = '\0';
  assert_non_null(strstr(csto, "suspended: ARM"));
  char *members = strstr(csto, "members: ");
  assert_non_null(members);
  *strchr(members, '\n') = '\0';
  assert_null(strstr(members, "UZB"));
  assert_null(strstr(members, "ARM"));
  assert_non_null(strstr(members, "KAZ"));
  free(out);
  out = test_run_orbit("world", TEST_STDOUT, &code);
  assert_int_equal(code, 0);
  assert_non_null(strstr(out, "0 without either"));
  free(out);

  out = test_run_orbit("world --json --date 2024-06-01", TEST_STDOUT, &code);
  assert_int_equal(code, 0);
  cJSON *root = cJSON_Parse(out);
  assert_non_null(root);
  cJSON *institutions = cJSON_GetObjectItem(root, "institutions");
  cJSON *inst;
  int checked = 0;
  cJSON_ArrayForEach(inst, institutions) {
    if (strcmp(cJSON_GetObjectItem(inst, "id")->valuestring, "CSTO") != 0) continue;
    cJSON *status = cJSON_GetObjectItem(inst, "status");
    assert_string_equal(cJSON_GetObjectItem(status, "ARM")->valuestring, "suspended");
    assert_null(cJSON_GetObjectItem(status, "UZB"));
    checked = 1;
  }
  assert_true(checked);
  assert_true(cJSON_GetArraySize(cJSON_GetObjectItem(root, "actors")) >= 21);
  cJSON_Delete(root);
  free(out);

  test_expect_orbit("world --check worlds/postsoviet.yaml", 0, ": ok (");
  test_expect_orbit("world --date 2024-13-01", 2, "invalid date '2024-13-01'");
  test_expect_orbit("world --date 1900-01-01", 2, "outside the world");
  test_expect_orbit("wrold", 2, "did you mean 'world'?");
  test_expect_orbit("world --bogus", 2, "unknown option '--bogus'");
  test_expect_orbit("world /nonexistent/w.yaml", 1,
                    "/nonexistent/w.yaml: error: cannot open the world file");
  test_expect_orbit("--version", 0, "orbit 0.");
  test_expect_orbit("help world", 0, "Usage: orbit world");
}

/* A world file's landscape: section is checked on load and used by orbit align. */
static void test_world_landscape(void **state) {
  static const char text[] =
    "world: {name: T, start: 1991-12-26, end: 2030-12-31}\n"
    "actors:\n"
    "  - {id: RUS, name: Russia, kind: state}\n"
    "landscape:\n"
    "  name: toy\n"
    "  actors: [X, Y, Z, W]\n"
    "  sizes: [1, 2.5, 4, 1]\n"
    "  propensities:\n"
    "    - [~, 1, -2, 0.5]\n"
    "    - [1, ~, 0.5, -1]\n"
    "    - [-2, 0.5, ~, 1]\n"
    "    - [0.5, -1, 1, ~]\n";
  char path[] = "/tmp/orbit-landscape-XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  assert_int_equal(write(fd, text, sizeof text - 1), (ssize_t)(sizeof text - 1));
  close(fd);
  orb_world *w = test_load_world_text(text);
  assert_true(w->has_landscape);
  orb_world_free(w);

  char args[256];
  int code;
  snprintf(args, sizeof args, "align --world %s --json", path);
  char *from_world = test_run_orbit(args, TEST_STDOUT, &code);
  assert_int_equal(code, 0);
  snprintf(args, sizeof args, "align --landscape %s --json", path);
  char *from_file = test_run_orbit(args, TEST_STDOUT, &code);
  assert_int_equal(code, 0);
  assert_string_equal(from_world, from_file);
  assert_non_null(strstr(from_world, "\"W\""));
  free(from_world);
  free(from_file);
  remove(path);

  /* an asymmetric matrix is reported at its place, and nothing loads */
  char bad[sizeof text];
  memcpy(bad, text, sizeof text);
  char *cell = strstr(bad, "[1, ~, 0.5, -1]");
  cell[1] = '3'; /* Y-X = 3 but X-Y = 1 */
  orb_world *world = NULL;
  orb_diags diags;
  orb_diags_init(&diags);
  assert_int_equal(orb_world_load_buffer("bad.yaml", bad, strlen(bad), &world, &diags),
                   ORB_EPARSE);
  assert_null(world);
  assert_true(diags.count >= 1);
  assert_string_equal(diags.items[0].file, "bad.yaml");
  assert_int_equal(diags.items[0].line, 10);
  orb_diags_free(&diags);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_dates_round_trip),
    cmocka_unit_test(test_docs_example_loads),
    cmocka_unit_test(test_bad_inputs_golden),
    cmocka_unit_test(test_corrupted_inputs),
    cmocka_unit_test(test_huge_input),
    cmocka_unit_test(test_membership_and_ties_at_dates),
    cmocka_unit_test(test_vocabularies),
    cmocka_unit_test(test_builtin_world),
    cmocka_unit_test(test_command),
    cmocka_unit_test(test_world_landscape),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
