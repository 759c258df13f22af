/*
 * test_world_dict.c: a world's names, capitals, leaders with dated terms and
 * owned organisations reaching the event coder (orb_dict_add_world, `orbit
 * code --world`), one code per organisation (`same` entries), and dates that
 * look forward (src/events/when.c), with exact resolved dates.
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

/* An invented world holding every new key. */
static const char world_yaml[] =
    "world: {name: Test, description: invented, start: 1980-01-01, end: 2030-12-31}\n"
    "actors:\n"
    "  - id: RUR\n"
    "    name: Ruritania\n"
    "    kind: state\n"
    "    names:\n"
    "      - aliases: [the Duchy of Strelsau]\n"
    "        adjectives: [Ruritanian, Ruritanians]\n"
    "        capital: Strelsau\n"
    "        source: \"Anthony Hope, The Prisoner of Zenda (1894)\"\n"
    "      - {capital: [Zenda Castle], assumption: the royal seat as metonym}\n"
    "    leaders:\n"
    "      - {name: Rudolf Rassendyll, aliases: [Rassendyll], office: king,\n"
    "         from: 2010-01-01, to: 2015-12-31, assumption: invented}\n"
    "      - {name: Michael Elphberg, aliases: [Elphberg], office: king,\n"
    "         from: 2016-01-01, assumption: invented}\n"
    "      - {name: Rudolf Rassendyll, aliases: [Rassendyll], office: regent,\n"
    "         from: 2018-01-01, role: MIL, assumption: invented}\n"
    "  - {id: ARM, name: Armenia, kind: state}\n"
    "  - id: ZOIL\n"
    "    name: Zenda Oil\n"
    "    kind: organisation\n"
    "    names: {aliases: [Zendoil], assumption: invented}\n"
    "    owner: {actor: RUR, assumption: invented}\n"
    "    leaders:\n"
    "      - {name: Fritz von Tarlenheim, aliases: [Tarlenheim], office: chief executive,\n"
    "         from: 2001-01-01, assumption: invented}\n"
    "  - id: ZPOL\n"
    "    name: Zenda Police\n"
    "    kind: organisation\n"
    "    owner: {actor: RUR, role: COP, assumption: invented}\n"
    "  - id: LFC\n"
    "    name: League of Free Cities\n"
    "    kind: organisation\n"
    "    names: {capital: Hentzau, assumption: invented}\n";

static orb_dict *world_dict_of(const char *yaml) {
  orb_world *world = NULL;
  orb_diags diags;
  orb_diags_init(&diags);
  assert_int_equal(orb_world_load_buffer("test.yaml", yaml, strlen(yaml), &world, &diags),
                   ORB_OK);
  orb_dict *d = evt_dict(NULL);
  assert_int_equal(orb_dict_add_world(d, world, "test.yaml", &diags), ORB_OK);
  assert_int_equal(diags.count, 0);
  orb_diags_free(&diags);
  orb_world_free(world);
  return d;
}

/* Asserts that text dated date codes exactly one event source/role -root->
 * target. */
static void expect_one(const orb_dict *d, const char *text, const char *date,
                       const char *source, const char *role, const char *root,
                       const char *target) {
  evt_list list = evt_code_text(d, text, date);
  if (list.count != 1) fprintf(stderr, "'%s' on %s: %zu events\n", text, date, list.count);
  assert_int_equal(list.count, 1);
  const evt_event *e = &list.items[0];
  if (strcmp(e->source, source) || strcmp(e->source_role, role) ||
      strncmp(e->cameo, root, 2) || strcmp(e->target, target))
    fprintf(stderr, "'%s' on %s: %s %s %s %s\n", text, date, e->source, e->source_role,
            e->cameo, e->target);
  assert_string_equal(list.items[0].source, source);
  assert_string_equal(list.items[0].source_role, role);
  assert_int_equal(strncmp(list.items[0].cameo, root, 2), 0);
  assert_string_equal(list.items[0].target, target);
  evt_list_free(&list);
}

/* Asserts that text (dated date) codes no event at all. */
static void expect_no_event(const orb_dict *d, const char *text, const char *date) {
  evt_list list = evt_code_text(d, text, date);
  if (list.count)
    fprintf(stderr, "'%s' on %s: %zu events, the first %s %s %s %s\n", text, date, list.count,
            list.items[0].source, list.items[0].source_role, list.items[0].cameo,
            list.items[0].target);
  assert_int_equal(list.count, 0);
  evt_list_free(&list);
}

/* The loaded world keeps every new key as written. */
static void test_world_keys(void **state) {
  (void)state;
  orb_world *world = test_load_world_text(world_yaml);
  assert_non_null(world);
  const orb_actor *rur = &world->actors[orb_world_actor(world, "RUR")];
  assert_int_equal(rur->alias_count, 1);
  assert_string_equal(rur->aliases[0], "the Duchy of Strelsau");
  assert_int_equal(rur->adjective_count, 2);
  assert_string_equal(rur->adjectives[1], "Ruritanians");
  assert_int_equal(rur->capital_count, 2); /* a string, then a list, add up */
  assert_string_equal(rur->capitals[0], "Strelsau");
  assert_string_equal(rur->capitals[1], "Zenda Castle");
  assert_string_equal(rur->names_provenance.source, "Anthony Hope, The Prisoner of Zenda (1894)");
  assert_int_equal(rur->leader_count, 3);
  assert_string_equal(rur->leaders[0].name, "Rudolf Rassendyll");
  assert_string_equal(rur->leaders[0].role, "GOV");
  assert_string_equal(rur->leaders[2].role, "MIL");
  assert_string_equal(rur->leaders[0].office, "king");
  char buf[11];
  orb_date_format(rur->leaders[0].to, ORB_PREC_DAY, buf);
  assert_string_equal(buf, "2015-12-31");
  assert_int_equal(rur->leaders[1].to, ORB_DATE_NONE);
  assert_int_equal(rur->owner.actor, ORB_NONE);
  const orb_actor *zoil = &world->actors[orb_world_actor(world, "ZOIL")];
  assert_int_equal(zoil->owner.actor, orb_world_actor(world, "RUR"));
  assert_string_equal(zoil->owner.role, "BUS");
  assert_string_equal(world->actors[orb_world_actor(world, "ZPOL")].owner.role, "COP");
  orb_world_free(world);
}

/* Leaders by the article's date, capitals as metonyms, adjectives, owners. */
static void test_world_names_code(void **state) {
  (void)state;
  orb_dict *d = world_dict_of(world_yaml);
  /* in his term a leader is his state's government */
  expect_one(d, "Rassendyll criticised Armenia.", "2012-05-01", "RUR", "GOV", "11", "ARM");
  expect_one(d, "Rudolf Rassendyll criticised Armenia.", "2015-12-31", "RUR", "GOV", "11",
             "ARM");
  /* the first and last days of a term are in it (terms are inclusive) */
  expect_one(d, "Rassendyll criticised Armenia.", "2010-01-01", "RUR", "GOV", "11", "ARM");
  /* outside every term, with nothing in the dictionaries for the name, he
   * names no actor (PETRARCH's null code): no event, the day before his
   * first term, the day after it, between his offices */
  expect_no_event(d, "Rassendyll criticised Armenia.", "2009-12-31");
  expect_no_event(d, "Rassendyll criticised Armenia.", "2016-01-01");
  expect_no_event(d, "Rassendyll criticised Armenia.", "2017-12-31");
  expect_no_event(d, "Rassendyll criticised Armenia.", "2005-01-01");
  /* a second office with its own role, from its first day */
  expect_one(d, "Rassendyll criticised Armenia.", "2018-01-01", "RUR", "MIL", "11", "ARM");
  expect_one(d, "Rassendyll criticised Armenia.", "2019-01-01", "RUR", "MIL", "11", "ARM");
  /* his successor from the first day of the term, and not before it */
  expect_one(d, "Elphberg criticised Armenia.", "2016-01-01", "RUR", "GOV", "11", "ARM");
  expect_no_event(d, "Elphberg criticised Armenia.", "2015-12-31");
  /* capitals as metonyms are the government; an organisation's seat has no role */
  expect_one(d, "Strelsau criticised Armenia.", "2012-05-01", "RUR", "GOV", "11", "ARM");
  expect_one(d, "Zenda Castle criticised Armenia.", "2012-05-01", "RUR", "GOV", "11", "ARM");
  expect_one(d, "Hentzau criticised Armenia.", "2012-05-01", "LFC", "", "11", "ARM");
  /* adjectives and aliases name the state; the agent noun gives the role */
  expect_one(d, "Ruritanian troops attacked Armenia.", "2012-05-01", "RUR", "MIL", "19",
             "ARM");
  expect_one(d, "The Duchy of Strelsau criticised Armenia.", "2012-05-01", "RUR", "", "11",
             "ARM");
  /* an owned organisation codes its owner with the owner's role, its chief too */
  expect_one(d, "Zenda Oil criticised Armenia.", "2012-05-01", "RUR", "BUS", "11", "ARM");
  expect_one(d, "Zendoil criticised Armenia.", "2012-05-01", "RUR", "BUS", "11", "ARM");
  expect_one(d, "Tarlenheim criticised Armenia.", "2012-05-01", "RUR", "BUS", "11", "ARM");
  expect_one(d, "Zenda Police arrested Armenia's consul.", "2012-05-01", "RUR", "COP", "17",
             "ARM");
  orb_dict_free(d);
}

/* The built-in world: Putin by date, Moscow, Russian, Gazprom; one code for the
 * EU with or without the world. */
static void test_builtin_world(void **state) {
  (void)state;
  orb_dict *plain = evt_dict(NULL);
  orb_dict *d = evt_dict_world(ORB_TEST_SOURCE_DIR "/worlds/postsoviet.yaml", NULL);
  expect_one(d, "Putin criticised Ukraine.", "2023-05-01", "RUS", "GOV", "11", "UKR");
  expect_one(d, "Putin criticised Ukraine.", "2010-05-01", "RUS", "GOV", "11", "UKR");
  /* outside the world's terms a leader's name codes what the dictionaries
   * say of it (orbit.dict: "putin | RUS | ELI | ..1999-08-08", "yanukovych |
   * UKR | ELI | 2014-02-23.."), at the exact edges of the world's term */
  expect_one(d, "Putin criticised Ukraine.", "1995-05-01", "RUS", "ELI", "11", "UKR");
  expect_one(d, "Yanukovych criticised Russia.", "2014-02-22", "UKR", "GOV", "11", "RUS");
  expect_one(d, "Yanukovych criticised Russia.", "2014-02-23", "UKR", "ELI", "11", "RUS");
  expect_one(d, "Yanukovych criticised Russia.", "2016-05-01", "UKR", "ELI", "11", "RUS");
  expect_one(d, "Yanukovych criticised Russia.", "2010-02-25", "UKR", "GOV", "11", "RUS");
  expect_one(d, "Moscow criticised Kyiv.", "2023-05-01", "RUS", "GOV", "11", "UKR");
  expect_one(d, "Russian troops attacked Ukraine.", "2023-05-01", "RUS", "MIL", "19", "UKR");
  expect_one(d, "Gazprom accused Moldova of theft.", "2023-05-01", "RUS", "BUS", "11", "MDA");
  expect_one(d, "Japarov criticised Tajikistan.", "2022-09-15", "KGZ", "GOV", "11", "TJK");
  expect_one(d, "Tokayev criticised Russia.", "2022-09-15", "KAZ", "GOV", "11", "RUS");
  static const char *const eu[] = {"The EU imposed sanctions on Russia.",
                                   "The European Union imposed sanctions on Russia.",
                                   "EU imposed sanctions on Russia.",
                                   "Catherine Ashton criticised Russia."};
  for (size_t i = 0; i < sizeof eu / sizeof *eu; i++) {
    expect_one(plain, eu[i], "2012-05-01", "EU", "", eu[i][0] == 'C' ? "11" : "16", "RUS");
    expect_one(d, eu[i], "2012-05-01", "EU", eu[i][0] == 'C' ? "GOV" : "",
               eu[i][0] == 'C' ? "11" : "16", "RUS");
  }
  /* NATO's Phoenix code is orbit's too */
  expect_one(plain, "Alessandro Minuto Rizzo criticised Russia.", "2005-05-01", "NATO", "",
             "11", "RUS");
  orb_dict_free(d);
  orb_dict_free(plain);
}

/* Asserts that dictionary text, added to d as file name, is refused with one
 * error per line, in order, at column 1, whose messages hold messages[0..n). */
static void expect_refused(orb_dict *d, const char *name, const char *text,
                           const char *const *messages, size_t n) {
  orb_diags diags;
  orb_diags_init(&diags);
  assert_int_equal(orb_dict_add_buffer(d, name, text, strlen(text), &diags), ORB_EPARSE);
  assert_int_equal(diags.count, n);
  for (size_t i = 0; i < n; i++) {
    assert_string_equal(diags.items[i].file, name);
    assert_int_equal(diags.items[i].line, (int)i + 1);
    assert_int_equal(diags.items[i].column, 1);
    if (!strstr(diags.items[i].message, messages[i]))
      fprintf(stderr, "%s:%zu: '%s' lacks '%s'\n", name, i + 1, diags.items[i].message,
              messages[i]);
    assert_non_null(strstr(diags.items[i].message, messages[i]));
  }
  orb_diags_free(&diags);
}

/* Adds dictionary text to d as file name, which must load. */
static void load_good(orb_dict *d, const char *name, const char *text) {
  orb_diags diags;
  orb_diags_init(&diags);
  assert_int_equal(orb_dict_add_buffer(d, name, text, strlen(text), &diags), ORB_OK);
  orb_diags_free(&diags);
}

/* same | ID | ID2: checked like any entry. */
static void test_same_entries(void **state) {
  (void)state;
  orb_dict *d = evt_dict(NULL);
  static const char *const refused[] = {"expected same | ID | ID2", "bad actor id 'eu'",
                                        "same id on both sides", "bad actor id 'X Y'"};
  expect_refused(d, "same.dict",
                 "same | EU\n"
                 "same | eu | EU\n"
                 "same | EU | EU\n"
                 "same | EU | X Y\n",
                 refused, 4);
  /* a later file renames what earlier files coded */
  load_good(d, "same.dict", "same | RUS | MUSCOVY\n");
  expect_one(d, "Moscow criticised Ukraine.", "2023-05-01", "MUSCOVY", "GOV", "11", "UKR");
  orb_dict_free(d);
}

/* part | TERRITORY | STATE: checked like "same"; an occupation of the part is
 * coded against the state, once, and other acts keep the territory. And
 * judgement | WORD and female | WORD, checked like the other word classes, and the verb
 * options. */
static void test_part_entries(void **state) {
  (void)state;
  orb_dict *d = evt_dict(NULL);
  static const char *const part[] = {"expected part | ID | STATE", "bad actor id 'crimea'",
                                     "same id on both sides"};
  expect_refused(d, "part.dict",
                 "part | CRIMEA\n"
                 "part | crimea | UKR\n"
                 "part | UKR | UKR\n",
                 part, 3);
  expect_one(d, "Russia annexed Crimea in 2014.", "2014-03-18", "RUS", "", "192", "UKR");
  expect_one(d, "Russia annexed Crimea and Sevastopol.", "2014-03-18", "RUS", "", "192", "UKR");
  expect_one(d, "Russia praised Crimea.", "2014-03-18", "RUS", "", "051", "CRIMEA");
  /* a later file wins: Crimea made a part of Russia */
  load_good(d, "part.dict", "part | CRIMEA | RUS\n");
  expect_one(d, "Turkey annexed Crimea in 2014.", "2014-03-18", "TUR", "", "192", "RUS");
  /* a verb option the reader does not know is named with those it knows */
  static const char *const option[] = {
      "unknown option 'replies' (expected type=, neg=, back=, solo, noun, reply or joint)"};
  expect_refused(d, "option.dict", "verb | ORBIT_X | would answer | 130 | replies\n", option, 1);
  /* judgement | WORD: one word */
  static const char *const judge[] = {"'null and void' is not one word", "expected KIND | WORD"};
  expect_refused(d, "judge.dict", "judgement | null and void\njudgement\n", judge, 2);
  /* female | WORD: one word, like the other classes; a name of a word added is a woman's */
  static const char *const female[] = {"'Ann Marie' is not one word", "expected KIND | WORD"};
  expect_refused(d, "female.dict", "female | Ann Marie\nfemale | a | b\n", female, 2);
  orb_dict_free(d);
}

/* Every new key refused with FILE:LINE:COL and what was expected. */
static void test_world_errors(void **state) {
  (void)state;
  static const char yaml[] =
      "world: {name: Test, description: invented, start: 1980-01-01, end: 2030-12-31}\n"
      "actors:\n"
      "  - id: RUR\n"                                                          /* 3 */
      "    name: Ruritania\n"
      "    kind: state\n"
      "    names:\n"
      "      aliases: {a: b}\n"                                                /* 7 */
      "      adjectives: [Ruritanian, \"\", [x], \"|#\"]\n"                    /* 8 */
      "      capitol: Strelsau\n"                                              /* 9 */
      "      source: x\n"
      "    leaders:\n"
      "      - {name: Rudolf, office: king, from: 2010-01-01, to: 2015-12-31, assumption: x}\n"
      "      - {name: Michael, office: king, from: 2014-01-01, assumption: x}\n" /* 13 */
      "      - {name: X, office: king, from: 2020-13-01, role: gov, assumption: x}\n" /* 14 */
      "      - {name: Y, office: prince, from: 2024-01-01, to: 2023-01-01}\n"  /* 15 */
      "      - just a string\n"                                                /* 16 */
      "      - {name: Z, from: 2001, assumption: x}\n"                          /* 17 */
      "    owner: {actor: ARM, source: x}\n"                                   /* 18 */
      "  - id: ZOIL\n"
      "    name: Zenda Oil\n"
      "    kind: organisation\n"
      "    owner: {actor: RURX, source: x}\n"                                  /* 22 */
      "  - id: ZOIL2\n"
      "    name: Zenda Oil 2\n"
      "    kind: organisation\n"
      "    owner: {actor: ZOIL2, role: 12, source: x}\n"                       /* 26 */
      "  - {id: ARM, name: Armenia, kind: state, leaders: 5}\n"                 /* 27 */
      "  - id: SUB\n"
      "    name: Sub Oil\n"
      "    kind: organisation\n"
      "    owner: {actor: ZOIL3, source: x}\n"                                 /* 31 */
      "  - {id: ZOIL3, name: Z3, kind: organisation, owner: {actor: RUR, source: x}}\n";
  struct { int line, col; const char *text; } want[] = {
      {9, 7, "unknown key 'capitol' in names of actor 'RUR' (did you mean 'capital'?)"},
      {7, 17, "'aliases' must be a string or a list of strings, got a mapping"},
      {8, 32, "'adjectives' must hold non-empty strings, got an empty string"},
      {8, 37, "'adjectives' must hold non-empty strings, got a list"},
      {8, 41, "entry '|#' has no letter or digit, or holds '|', '#' or a control character"},
      {14, 57, "leader 3 of actor 'RUR': role 'gov' must be an agent code of 3 capitals"},
      {14, 39, "leader 3 of actor 'RUR': 'from' must be a date"},
      {15, 57, "leader 4 of actor 'RUR': 'to' is before 'from'"},
      {15, 10, "leader 4 of actor 'RUR' has no source:"},
      {16, 9, "leader 5 of actor 'RUR': expected a mapping"},
      {17, 10, "leader 6 of actor 'RUR': missing required key 'office'"},
      {13, 10, "leader 2 of actor 'RUR' (same office) overlaps leader 1"},
      {27, 52, "actor 'ARM': 'leaders' must be a list, got a scalar"},
      {18, 13, "only an actor of kind organisation (a company, an agency) has an owner"},
      {22, 20, "owner of actor 'ZOIL': unknown actor 'RURX' (did you mean 'RUR'?)"},
      {26, 20, "owner of actor 'ZOIL2': an actor cannot own itself"},
      {26, 33, "role '12' must be an agent code"},
      {31, 20, "owner of actor 'SUB': 'ZOIL3' has an owner itself"},
  };
  orb_world *world = NULL;
  orb_diags diags;
  orb_diags_init(&diags);
  assert_int_equal(orb_world_load_buffer("bad.yaml", yaml, sizeof yaml - 1, &world, &diags),
                   ORB_EPARSE);
  assert_null(world);
  size_t n = sizeof want / sizeof *want;
  assert_int_equal(diags.count, n);
  for (size_t i = 0; i < n; i++) {
    int found = 0;
    for (size_t k = 0; k < diags.count && !found; k++)
      found = diags.items[k].line == want[i].line && diags.items[k].column == want[i].col &&
              strstr(diags.items[k].message, want[i].text) != NULL &&
              strcmp(diags.items[k].file, "bad.yaml") == 0;
    if (!found) fprintf(stderr, "missing %d:%d %s\n", want[i].line, want[i].col, want[i].text);
    assert_true(found);
  }
  orb_diags_free(&diags);
}

/* orbit code --world with a bad world: FILE:LINE:COL, exit 1, nothing coded. */
static void test_cli_world(void **state) {
  (void)state;
  char *bad = test_write_temp(
      "world: {name: T, description: d, start: 2000-01-01, end: 2030-12-31}\n"
      "actors:\n"
      "  - id: RUR\n"
      "    name: Ruritania\n"
      "    kind: state\n"
      "    leaders:\n"
      "      - {name: R, office: king, from: 2010-02-30, assumption: x}\n");
  char *text = test_write_temp("Ruritania criticised Armenia.\n");
  char args[1024];
  snprintf(args, sizeof args, "code %s --world %s --date 2012-01-01", text, bad);
  int code = -1;
  char *out = test_run_orbit(args, TEST_STDOUT, &code);
  assert_int_equal(code, 1);
  assert_string_equal(out, "");
  free(out);
  char *err = test_run_orbit(args, TEST_STDERR, &code);
  char where[600];
  snprintf(where, sizeof where, "%s:7:39: error: leader 1 of actor 'RUR': 'from' must be a date",
           bad);
  assert_non_null(strstr(err, where));
  free(err);
  /* the good world codes through the command */
  char *good = test_write_temp(world_yaml);
  char *news = test_write_temp("Date: 2012-05-01\nRassendyll criticised Armenia.\n"
                               "Date: 2017-05-01\nRassendyll criticised Armenia.\n");
  snprintf(args, sizeof args, "code %s --world %s", news, good);
  out = test_run_orbit(args, TEST_STDOUT, &code);
  assert_int_equal(code, 0);
  assert_non_null(strstr(out, "2012-05-01,article,RUR,GOV,111,ARM"));
  assert_null(strstr(out, "2017-05-01")); /* outside his terms: no actor, no event */
  free(out);
  remove(bad);
  remove(text);
  remove(good);
  remove(news);
  free(bad);
  free(text);
  free(good);
  free(news);
}

/* Codes text dated article with the built-in dictionaries and checks the date
 * of its first event and where that date came from. */
static void expect_first_date(const orb_dict *d, const char *text, const char *article,
                              const char *date, orb_date_source source) {
  evt_list list = evt_code_text(d, text, article);
  if (!list.count) fprintf(stderr, "'%s' (%s): no event\n", text, article);
  assert_true(list.count >= 1);
  char got[11] = "";
  if (list.items[0].date != ORB_DATE_NONE)
    orb_date_format(list.items[0].date, list.items[0].precision, got);
  if (strcmp(got, date) != 0) fprintf(stderr, "'%s' (%s): %s\n", text, article, got);
  assert_string_equal(got, date);
  assert_int_equal(list.items[0].date_source, source);
  evt_list_free(&list);
}

/* The first event of text takes date from a phrase of the sentence. */
static void expect_date(const orb_dict *d, const char *text, const char *article,
                        const char *date) {
  expect_first_date(d, text, article, date, ORB_DATE_FROM_TEXT);
}

/* The first event of text takes the article date: no phrase dates the act. */
static void expect_article_date(const orb_dict *d, const char *text, const char *article) {
  expect_first_date(d, text, article, article, ORB_DATE_FROM_ARTICLE);
}

/* A deadline and a thing's own date date no act; a time noun's date does. */
static void test_dates_of_things(void **state) {
  (void)state;
  orb_dict *d = evt_dict(NULL);
  expect_article_date(d, "Georgia called on Russia to honour the ceasefire agreement of August "
                         "2008.", "2023-10-05");
  expect_article_date(d, "Russia expelled two Georgian diplomats before July 11.",
                      "2014-06-03");
  expect_date(d, "Georgia attacked South Ossetia on the night of August 7.", "2008-08-10",
              "2008-08-07");
  expect_date(d, "Russia will withdraw its troops from Armenia by the end of March.",
              "2022-12-10", "2023-03");
  orb_dict_free(d);
}

static void test_dates_ahead(void **state) {
  (void)state;
  orb_dict *d = evt_dict(NULL);
  /* a start after a bound in a late-December article is the coming January */
  expect_date(d, "Russia will deploy troops to Belarus from January 1.", "2008-12-30",
              "2009-01-01");
  expect_date(d, "Russia will deploy troops to Belarus from 1 January.", "2008-12-30",
              "2009-01-01");
  /* the act's date wins over the report's in reported speech about the future */
  expect_date(d, "Moscow said on Saturday it would deploy troops to Belarus from "
                 "January 1.", "2024-12-28", "2025-01-01");
  expect_date(d, "Putin said on Saturday that Russia would deploy troops to Belarus by "
                 "July 1.", "2023-03-25", "2023-07-01");
  /* a report of the past keeps the date of the report (2022-03-14: a Monday) */
  expect_date(d, "Russia deployed troops to Belarus on Thursday, from January 1.",
              "2009-01-01", "2009-01-01");
  expect_date(d, "Russia banned grain exports to Kazakhstan on Monday until June 30.",
              "2022-03-14", "2022-03-14");
  /* until: the nearest such day, before or after */
  expect_date(d, "Russia banned grain exports to Kazakhstan until 30 November.", "2022-10-20",
              "2022-11-30");
  /* the end of the year, of the month, of next year, of 2024, of March */
  expect_date(d, "Russia will withdraw its troops from Armenia by the end of the year.",
              "2022-05-10", "2022-12");
  expect_date(d, "Russia will withdraw its troops from Armenia by the end of this month.",
              "2022-05-10", "2022-05");
  expect_date(d, "Russia will withdraw its troops from Armenia by the end of next year.",
              "2022-05-10", "2023-12");
  expect_date(d, "Russia will withdraw its troops from Armenia by the end of 2024.",
              "2022-05-10", "2024-12");
  expect_date(d, "Russia will withdraw its troops from Armenia by the end of March.",
              "2022-12-10", "2023-03");
  /* next month, this month, this year; in two weeks, within 10 days, in three months */
  expect_date(d, "Russia will deploy troops to Belarus next month.", "2023-06-21", "2023-07");
  expect_date(d, "Russia will deploy troops to Belarus next month.", "2023-12-21", "2024-01");
  expect_date(d, "Russia deployed troops to Belarus this month.", "2023-07-21", "2023-07");
  expect_date(d, "Russia will deploy troops to Belarus later this year.", "2023-06-21",
              "2023");
  expect_date(d, "Russia will deploy troops to Belarus in two weeks.", "2022-01-20",
              "2022-02-03");
  expect_date(d, "Russia will deploy troops to Belarus within 10 days.", "2022-12-25",
              "2023-01-04");
  expect_date(d, "Russia will deploy troops to Belarus in three months.", "2022-11-20",
              "2023-02");
  /* starting, effective */
  expect_date(d, "Russia will ban grain exports to Kazakhstan starting February.",
              "2022-12-20", "2023-02");
  expect_date(d, "Moscow said on Monday it would ban grain exports to Kazakhstan effective "
                 "March 15.", "2022-03-14", "2022-03-15");
  orb_dict_free(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_world_keys),
    cmocka_unit_test(test_world_names_code),
    cmocka_unit_test(test_builtin_world),
    cmocka_unit_test(test_same_entries),
    cmocka_unit_test(test_part_entries),
    cmocka_unit_test(test_world_errors),
    cmocka_unit_test(test_cli_world),
    cmocka_unit_test(test_dates_ahead), cmocka_unit_test(test_dates_of_things),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
