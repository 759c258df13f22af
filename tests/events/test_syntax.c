/*
 * test_syntax.c: the event coder with the syntactic layer (orb_coder_set_parser):
 * dictionary verbs the tagger reads as nouns code nothing, true verbs still
 * code (also where the shallow rule reads a noun: "Armenia's president
 * criticised"), and hyphenated modifiers ("Russia-led") are never verbs. Each case is
 * coded without and with the tagger, with exact expected events; the tree
 * rules (passives, places) with the tagger and with the parser.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "common/testutil.h"
#include "events/evtest.h"

static void test_nouns_are_not_verbs(void **state) {
  (void)state;
  orb_dict *dict = evt_dict(NULL);
  static const struct { const char *text, *without, *with; } cases[] = {
    /* nouns the dictionaries also hold as verbs */
    {"Moscow increased pressure on Armenia.", "RUS 17 ARM;", "RUS 10 ARM;"},
    {"Russian pressure on Armenia grew.", "RUS 17 ARM;", ""},
    {"Armenian decrees angered Russia.", "ARM 10 RUS;", ""},
    {"Putin signed decrees on Ukraine.", "RUS 10 UKR;", ""},
    {"Russia cut gas supplies to Ukraine.", "RUS 06 UKR;", "RUS 16 UKR;"},
    /* verbs stay verbs */
    {"Russia supplies Armenia with gas.", "RUS 06 ARM;", "RUS 06 ARM;"},
    {"Kazakh forces attacked Kyrgyzstan.", "KAZ 19 KGZ;", "KAZ 19 KGZ;"},
    {"Armenia was attacked by Azerbaijan.", "AZE 19 ARM;", "AZE 19 ARM;"},
    /* a gerund keeps its verb reading whatever its tag */
    {"With Russian forces keeping the peace and the Kremlin massing troops on the border "
     "with Ukraine, Putin seemed strong.", "RUS 15 UKR;", "RUS 15 UKR;"},
    /* a verb the shallow rule reads as a noun, after "'s" and an agent */
    {"Armenia's president criticised Russia.", "", "ARM 11 RUS;"},
    /* a hyphenated modifier is no verb, and its actor no source */
    {"The Russia-led CSTO sent troops to Kazakhstan.", "CSTO 15 KAZ;", "CSTO 15 KAZ;"},
  };
  char got[512];
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    evt_events_of(dict, cases[i].text, "2024-01-01", 0, got, sizeof got);
    if (strcmp(got, cases[i].without) != 0)
      fail_msg("%s\n without tagger: got '%s', expected '%s'", cases[i].text, got,
               cases[i].without);
    evt_events_of(dict, cases[i].text, "2024-01-01", 1, got, sizeof got);
    if (strcmp(got, cases[i].with) != 0)
      fail_msg("%s\n with tagger: got '%s', expected '%s'", cases[i].text, got, cases[i].with);
  }
  orb_dict_free(dict);
}

/* A user dictionary verb after a hyphen: "X-backed" never codes. */
static void test_hyphen_modifier(void **state) {
  (void)state;
  static const char *const none[] = {NULL};
  orb_dict *dict = evt_dict(none);
  orb_diags d;
  orb_diags_init(&d);
  static const char extra[] = "verb | MY_BACK | backed | 181\n";
  assert_int_equal(orb_dict_add_buffer(dict, "mine.dict", extra, strlen(extra), &d), ORB_OK);
  orb_diags_free(&d);
  char got[256];
  evt_events_of(dict, "The US-backed government of Ukraine met Poland.", "2024-01-01", 0, got,
                sizeof got);
  assert_null(strstr(got, " 18 ")); /* "backed" is a modifier here */
  evt_events_of(dict, "Russia backed Belarus.", "2024-01-01", 0, got, sizeof got);
  assert_string_equal(got, "RUS 18 BLR;");
  orb_dict_free(dict);
}

/* orbit code tags by default; --no-parse (--parse none) codes as before;
 * --parse full parses too; a bad model or mode is named. */
/* With the parser's tree: passives whose agent the shallow rule misses are
 * turned around, and an actor named as a place ("in Uzbekistan") is the
 * target only when no other actor is (issue 12, "passives", "locations"). */
static void test_tree_rules(void **state) {
  (void)state;
  orb_dict *dict = evt_dict(NULL);
  static const struct { const char *text, *tagger, *tree; } cases[] = {
    /* passives: an adverb or "has been" between, an agent noun after "by" */
    {"Georgia has been repeatedly attacked by Russia.", "RUS 19 GEO;", "RUS 19 GEO;"},
    {"Armenia was reportedly criticised by Russia.", "RUS 11 ARM;", "RUS 11 ARM;"},
    {"Armenia was attacked by Azerbaijan.", "AZE 19 ARM;", "AZE 19 ARM;"},
    /* places */
    {"Russia attacked Georgian positions near Abkhazia.", "RUS 19 GEO;", "RUS 19 GEO;"},
    {"Armenia signed an agreement in Kazakhstan with Azerbaijan.", "ARM 05 KAZ;",
     "ARM 05 AZE;"},
    /* a place alone stays the target; a place left too */
    {"Russia deployed troops in Kazakhstan.", "RUS 15 KAZ;", "RUS 15 KAZ;"},
    {"Moscow redeployed troops from a base in Tajikistan to Ukraine.", "RUS 08 TJK;",
     "RUS 08 TJK;"},
  };
  char got[512];
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    evt_events_of(dict, cases[i].text, "2024-01-01", 1, got, sizeof got);
    if (strcmp(got, cases[i].tagger)) fprintf(stderr, "tagger: %s -> %s\n", cases[i].text, got);
    assert_string_equal(got, cases[i].tagger);
    evt_events_of(dict, cases[i].text, "2024-01-01", 2, got, sizeof got);
    if (strcmp(got, cases[i].tree)) fprintf(stderr, "tree: %s -> %s\n", cases[i].text, got);
    assert_string_equal(got, cases[i].tree);
  }
  orb_dict_free(dict);
}

/* Runs `orbit code ARGS PATH` and returns its standard output (freed by the
 * caller), its exit status in *code. */
static char *code_file(const char *args, const char *path, int *code) {
  char cmd[1024];
  snprintf(cmd, sizeof cmd, "code %s%s%s", args, *args ? " " : "", path);
  return test_run_orbit(cmd, TEST_STDOUT, code);
}

/* The same, expecting exit status code and text in the output. */
static void expect_code_file(const char *args, const char *path, int code, const char *text) {
  char cmd[1024];
  snprintf(cmd, sizeof cmd, "code %s%s%s", args, *args ? " " : "", path);
  test_expect_orbit(cmd, code, text);
}

static void test_cli(void **state) {
  (void)state;
  /* a file of its own: tests of other builds may run at the same time */
  char *path = test_write_temp("Russian pressure on Armenia grew.\n"
                               "Georgia has been repeatedly attacked by Russia.\n");
  int code;
  char *out = code_file("", path, &code);
  assert_int_equal(code, 0); /* the default: tagger and parser */
  assert_null(strstr(out, "ARM"));
  assert_non_null(strstr(out, ",RUS,,190,GEO,"));
  free(out);
  out = code_file("--parse tagger", path, &code);
  assert_int_equal(code, 0);
  assert_null(strstr(out, "ARM"));
  assert_non_null(strstr(out, ",RUS,,190,GEO,")); /* "adverb participle by X": passive */
  free(out);
  out = code_file("--no-parse", path, &code);
  assert_int_equal(code, 0);
  assert_non_null(strstr(out, "RUS,,170,ARM"));
  free(out);
  out = code_file("--parse none", path, &code);
  assert_int_equal(code, 0);
  assert_non_null(strstr(out, "RUS,,170,ARM"));
  free(out);
  out = code_file("--parse full", path, &code);
  assert_int_equal(code, 0);
  assert_null(strstr(out, "ARM"));
  assert_non_null(strstr(out, ",RUS,,190,GEO,"));
  assert_null(strstr(out, ",GEO,,190,RUS,"));
  free(out);
  expect_code_file("--parse tree", path, 2, "--parse expects tagger, full or none, not 'tree'");
  setenv("ORBIT_PARSE_MODEL", path, 1); /* not a model */
  expect_code_file("", path, 1, "not a valid parser model: bad magic");
  expect_code_file("--no-parse", path, 0, "RUS,,170,ARM");
  expect_code_file("--parse full", path, 1, "not a valid parser model: bad magic");
  unsetenv("ORBIT_PARSE_MODEL");
  remove(path);
  free(path);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_nouns_are_not_verbs),
    cmocka_unit_test(test_cli),
    cmocka_unit_test(test_hyphen_modifier),
    cmocka_unit_test(test_tree_rules),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
