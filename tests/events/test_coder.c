/*
 * test_coder.c: the event coder on small texts with known answers: negation and
 * modality, metonymy, leaders by date, boilerplate and repeats, dates, sentence
 * splitting, bad input, chunked input, user dictionaries, dates that look
 * forward, a world's actors (orb_dict_add_world).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "events/evtest.h"

static orb_dict *dict; /* built-in dictionaries, shared by the tests */

static int setup(void **state) {
  (void)state;
  dict = evt_dict(NULL);
  return 0;
}

static int teardown(void **state) {
  (void)state;
  orb_dict_free(dict);
  return 0;
}

/* Asserts that text (dated date) codes an event source -root-> target of the
 * given model type ("" for none), and returns its index. */
static void expect_event(const char *text, const char *date, const char *source,
                         const char *root, const char *target, const char *type) {
  evt_list list = evt_code_text(dict, text, date);
  long i = evt_find(&list, source, root, target);
  if (i < 0) {
    fprintf(stderr, "no %s %s %s in: %s\n", source, root, target, text);
    for (size_t k = 0; k < list.count; k++)
      fprintf(stderr, "  got %s %s %s (%s)\n", list.items[k].source, list.items[k].cameo,
              list.items[k].target, list.items[k].rule);
  }
  assert_true(i >= 0);
  const char *got = list.items[i].type >= 0 ? orb_event_type_name(list.items[i].type) : "";
  assert_string_equal(got, type);
  evt_list_free(&list);
}

/* Asserts that text codes no event with this source and root ("" any root). */
static void expect_none(const char *text, const char *date, const char *source,
                        const char *root) {
  evt_list list = evt_code_text(dict, text, date);
  long i = evt_find(&list, source, root, "*");
  if (i >= 0)
    fprintf(stderr, "unexpected %s %s %s (%s) in: %s\n", list.items[i].source,
            list.items[i].cameo, list.items[i].target, list.items[i].rule, text);
  assert_true(i < 0);
  evt_list_free(&list);
}

static void test_negation_and_modality(void **state) {
  (void)state;
  expect_none("Armenia asked for help but Moscow is reluctant to intervene directly.",
              "2022-09-14", "RUS", "");
  expect_none("Russia did not deploy troops to Kazakhstan.", "2022-09-14", "RUS", "15");
  expect_event("Russia deployed troops to Kazakhstan.", "2022-01-06", "RUS", "15", "KAZ",
               "troop_deployment");
  expect_event("Kazakhstan refused to recognize Crimea.", "2022-09-14", "KAZ", "12",
               "CRIMEA", "refuse_recognise");
  expect_event("Kazakhstan recognized Crimea.", "2022-09-14", "KAZ", "05", "CRIMEA",
               "recognise");
  expect_event("Lukashenko did not come to Russia's defense.", "2024-08-20", "BLR", "12",
               "RUS", "aid_refused");
  expect_event("Armenian Prime Minister Nikol Pashinyan threatens to leave the CSTO.",
               "2022-10-10", "ARM", "13", "CSTO", "threaten");
  expect_none("Russia may attack Georgia.", "2022-09-14", "RUS", "19");
  expect_event("Russia attacked Georgia.", "2008-08-08", "RUS", "19", "GEO", "attack");
  expect_event("Georgia was attacked by Russia.", "2008-08-08", "RUS", "19", "GEO",
               "attack");
}

static void test_metonymy(void **state) {
  (void)state;
  evt_list list = evt_code_text(dict, "Moscow condemned Kyiv.", "2022-09-14");
  assert_int_equal(list.count, 1);
  assert_string_equal(list.items[0].source, "RUS");
  assert_string_equal(list.items[0].source_role, "GOV");
  assert_string_equal(list.items[0].target, "UKR");
  assert_string_equal(list.items[0].cameo, "111");
  evt_list_free(&list);
  expect_event("The Kremlin criticized Washington.", "2022-09-14", "RUS", "11", "USA",
               "condemn");
  expect_event("Beijing criticized Brussels.", "2022-09-14", "CHN", "11", "EU", "condemn");
  expect_event("Russian forces shelled Kharkiv.", "2022-09-14", "RUS", "19", "UKR",
               "attack");
}

/* The role the first event of text gives its source. */
static void expect_role(const char *text, const char *date, const char *source,
                        const char *role) {
  evt_list list = evt_code_text(dict, text, date);
  assert_true(list.count >= 1);
  assert_string_equal(list.items[0].source, source);
  assert_string_equal(list.items[0].source_role, role);
  evt_list_free(&list);
}

static void test_leaders_by_date(void **state) {
  (void)state;
  expect_role("Nazarbayev criticized Moscow.", "2015-05-01", "KAZ", "GOV");
  expect_role("Nazarbayev criticized Moscow.", "2023-05-01", "KAZ", "ELI");
  expect_role("Tokayev criticized Moscow.", "2022-06-17", "KAZ", "GOV");
  expect_role("Pashinyan criticized the Kremlin.", "2023-09-01", "ARM", "GOV");
  expect_role("Pashinyan criticized the Kremlin.", "2016-09-01", "ARM", "OPP");
  expect_role("Lukashenko criticized Ukraine.", "2023-01-01", "BLR", "GOV");
  expect_role("Japarov criticized Tajikistan.", "2022-09-16", "KGZ", "GOV");
  expect_role("Mirziyoyev criticized Russia.", "2024-08-09", "UZB", "GOV");
  expect_role("Serdar Berdimuhamedow criticized Russia.", "2023-01-01", "TKM", "GOV");
  expect_role("Gurbanguly Berdimuhamedow criticized Russia.", "2023-01-01", "TKM", "ELI");
  expect_role("Zelensky criticized Moscow.", "2022-03-01", "UKR", "GOV");
  expect_role("Aliyev criticized Armenia.", "2022-09-14", "AZE", "GOV");
  expect_role("Xi criticized Washington.", "2022-09-14", "CHN", "GOV");
  expect_role("Erdogan criticized Russia.", "2022-09-14", "TUR", "GOV");
  expect_role("The army of Ukraine shelled Russia.", "2024-08-06", "UKR", "MIL");
}

static void test_boilerplate_and_repeats(void **state) {
  (void)state;
  const char *text =
      "Login\n"
      "Main menu\n"
      "Comments are closed.\n"
      "The views expressed in this article say that Russia attacked Georgia.\n"
      "Russia attacked Georgia on Monday.\n"
      "\n"
      "Russia attacked Georgia on Monday.\n"
      "Armenia criticized Azerbaijan.\n";
  evt_list list = {0};
  orb_coder_stats stats;
  assert_int_equal(evt_code(dict, "page", text, strlen(text), ORB_DATE_NONE, 0, &list, NULL,
                            &stats),
                   ORB_OK);
  assert_int_equal(stats.paragraphs, 7);
  assert_int_equal(stats.boilerplate, 4);
  assert_int_equal(stats.duplicates, 1);
  assert_int_equal(stats.sentences, 2);
  assert_int_equal(list.count, 2);
  assert_string_equal(list.items[0].source, "RUS");
  assert_string_equal(list.items[1].source, "ARM");
  evt_list_free(&list);
  /* a "Date:" line starts a new article: the repeat is coded again */
  const char *two = "\xef\xbb\xbf" "Date: 2022-09-14\nRussia attacked Georgia.\n"
                    "Date: 2022-09-15\nRussia attacked Georgia.\n";
  assert_int_equal(evt_code(dict, "two", two, strlen(two), ORB_DATE_NONE, 0, &list, NULL,
                            &stats),
                   ORB_OK);
  assert_int_equal(list.count, 2);
  char day[11];
  orb_date_format(list.items[1].date, ORB_PREC_DAY, day);
  assert_string_equal(day, "2022-09-15");
  evt_list_free(&list);
}

/* Asserts the date and date source of the first event of text. */
static void expect_date(const char *text, const char *article, const char *date,
                        orb_date_source source) {
  evt_list list = evt_code_text(dict, text, article);
  assert_true(list.count >= 1);
  char got[11] = "";
  if (list.items[0].date != ORB_DATE_NONE)
    orb_date_format(list.items[0].date, list.items[0].precision, got);
  assert_string_equal(got, date);
  assert_int_equal(list.items[0].date_source, source);
  evt_list_free(&list);
}

static void test_dates(void **state) {
  (void)state;
  /* 2022-09-14 was a Wednesday */
  expect_date("Russia attacked Georgia on Monday.", "2022-09-14", "2022-09-12",
              ORB_DATE_FROM_TEXT);
  expect_date("Clashes erupted Wednesday morning at the Kyrgyzstan-Tajikistan border.",
              "2022-09-14", "2022-09-14", ORB_DATE_FROM_TEXT);
  expect_date("On Friday, Xi and Putin will attend a summit of the SCO.", "2022-09-14",
              "2022-09-16", ORB_DATE_FROM_TEXT);
  expect_date("Russia attacked Georgia last week.", "2022-09-14", "2022-09-07",
              ORB_DATE_FROM_TEXT);
  expect_date("In January this year, Russia deployed troops to Kazakhstan.", "2022-09-14",
              "2022-01", ORB_DATE_FROM_TEXT);
  expect_date("In November, Russia deployed troops to Kazakhstan.", "2022-09-14",
              "2021-11", ORB_DATE_FROM_TEXT);
  expect_date("Ukraine attacked Russia on August 6.", "2024-08-26", "2024-08-06",
              ORB_DATE_FROM_TEXT);
  expect_date("Ukraine attacked Russia on 6 August 2024.", "2025-01-01", "2024-08-06",
              ORB_DATE_FROM_TEXT);
  expect_date("Russia attacked Georgia in 2008.", "2022-09-14", "2008", ORB_DATE_FROM_TEXT);
  expect_date("Russia attacked Georgia.", "2022-09-14", "2022-09-14", ORB_DATE_FROM_ARTICLE);
  expect_date("Russia attacked Georgia.", "", "", ORB_DATE_UNKNOWN);
  expect_date("Russia attacked Georgia in 2008.", "", "2008", ORB_DATE_FROM_TEXT);
}

/* Dates that look forward: a bound ("from", "until") takes the nearest such
 * day, a sentence about the future the next one (issue 12, class "dates"). */
static void test_dates_forward(void **state) {
  (void)state;
  /* late December: "from 1 January" is the coming January */
  expect_date("Russia deployed troops to Kazakhstan from 1 January.", "2022-12-28",
              "2023-01-01", ORB_DATE_FROM_TEXT);
  expect_date("Russia deployed troops to Kazakhstan from January 1.", "2022-12-28",
              "2023-01-01", ORB_DATE_FROM_TEXT);
  /* "until 30 November" in early December is the November just past */
  expect_date("Russia deployed troops to Kazakhstan until 30 November.", "2022-12-05",
              "2022-11-30", ORB_DATE_FROM_TEXT);
  /* and in late October the coming one (not 2021-11-30) */
  expect_date("Russia deployed troops to Kazakhstan until 30 November.", "2022-10-20",
              "2022-11-30", ORB_DATE_FROM_TEXT);
  /* a month alone after a bound */
  expect_date("Russia deployed troops to Kazakhstan from January.", "2022-12-20",
              "2023-01", ORB_DATE_FROM_TEXT);
  /* a report without a bound still looks back */
  expect_date("Russia deployed troops to Kazakhstan on 1 January.", "2022-12-28",
              "2022-01-01", ORB_DATE_FROM_TEXT);
  /* "will": the next such day, month or weekday */
  expect_date("Russia will deploy troops to Kazakhstan on 3 March.", "2022-12-28",
              "2023-03-03", ORB_DATE_FROM_TEXT);
  expect_date("Russia will deploy troops to Kazakhstan on 28 December.", "2022-12-28",
              "2022-12-28", ORB_DATE_FROM_TEXT);
  /* 2022-09-14 was a Wednesday */
  expect_date("Russia will deploy troops to Kazakhstan on Tuesday.", "2022-09-14",
              "2022-09-20", ORB_DATE_FROM_TEXT);
  expect_date("Russia deployed troops to Kazakhstan on Tuesday.", "2022-09-14",
              "2022-09-13", ORB_DATE_FROM_TEXT);
  expect_date("Russia deploys troops to Kazakhstan next Tuesday.", "2022-09-14",
              "2022-09-20", ORB_DATE_FROM_TEXT);
  expect_date("Russia deploys troops to Kazakhstan tomorrow.", "2022-09-14",
              "2022-09-15", ORB_DATE_FROM_TEXT);
  expect_date("Russia will deploy troops to Kazakhstan next week.", "2022-09-14",
              "2022-09-21", ORB_DATE_FROM_TEXT);
  expect_date("Russia will deploy troops to Kazakhstan next month.", "2022-12-14",
              "2023-01", ORB_DATE_FROM_TEXT);
  expect_date("Russia will deploy troops to Kazakhstan next year.", "2022-12-14",
              "2023", ORB_DATE_FROM_TEXT);
  expect_date("Russia deployed troops to Kazakhstan last month.", "2023-01-14",
              "2022-12", ORB_DATE_FROM_TEXT);
  expect_date("In March next year, Russia will deploy troops to Kazakhstan.", "2022-09-14",
              "2023-03", ORB_DATE_FROM_TEXT);
}

static void test_sentence_splitting(void **state) {
  (void)state;
  const char *text = "Mr. Putin met officials in Minsk on Jan. 5 with Gen. Ivanov. "
                     "The U.S. Army said nothing. Kazakhstan condemned Russia. "
                     "“Armenia criticized Azerbaijan.” Georgia criticized Russia!\n";
  evt_list list = {0};
  orb_coder_stats stats;
  assert_int_equal(evt_code(dict, "split", text, strlen(text), ORB_DATE_NONE, 0, &list,
                            NULL, &stats),
                   ORB_OK);
  assert_int_equal(stats.sentences, 5);
  long k = evt_find(&list, "KAZ", "11", "RUS");
  assert_true(k >= 0);
  assert_int_equal(list.items[k].start, (uint64_t)(strstr(text, "Kazakhstan") - text));
  assert_int_equal(list.items[k].end, (uint64_t)(strstr(text, " “Armenia") - text));
  k = evt_find(&list, "ARM", "11", "AZE");
  assert_true(k >= 0);
  assert_int_equal(list.items[k].start, (uint64_t)(strstr(text, "“Armenia") - text));
  assert_true(evt_find(&list, "GEO", "11", "RUS") >= 0);
  evt_list_free(&list);
}

/* Codes text and asserts that it fails with one message naming the position. */
static void expect_bad_text(const char *text, size_t len, size_t chunk, const char *where,
                            const char *what) {
  evt_list list = {0};
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status st = evt_code(dict, "bad.txt", text, len, ORB_DATE_NONE, chunk, &list, &diags,
                           NULL);
  assert_int_equal(st, ORB_EPARSE);
  assert_int_equal(diags.count, 1);
  char pos[64];
  snprintf(pos, sizeof pos, "%s:%d:%d", diags.items[0].file, diags.items[0].line,
           diags.items[0].column);
  assert_string_equal(pos, where);
  if (!strstr(diags.items[0].message, what)) fprintf(stderr, "%s\n", diags.items[0].message);
  assert_non_null(strstr(diags.items[0].message, what));
  orb_diags_free(&diags);
  evt_list_free(&list);
}

static void test_bad_input(void **state) {
  (void)state;
  const char latin1[] = "Russia attacked\nGeorgia \xe9t\xe9.\n";
  expect_bad_text(latin1, sizeof latin1 - 1, 0, "bad.txt:2:9", "at byte 24");
  expect_bad_text(latin1, sizeof latin1 - 1, 1, "bad.txt:2:9", "at byte 24");
  const char binary[] = "ELF\x7f\x01\x02\x00\x00garbage";
  expect_bad_text(binary, sizeof binary - 1, 0, "bad.txt:1:7", "NUL byte");
  const char cut[] = "Russia attacked Georgia \xe2\x80";
  expect_bad_text(cut, sizeof cut - 1, 3, "bad.txt:1:25", "truncated UTF-8");
  const char overlong[] = "ab\xc0\xaf";
  expect_bad_text(overlong, sizeof overlong - 1, 0, "bad.txt:1:3", "invalid byte 0xc0");
  const char surrogate[] = "ab\xed\xa0\x80";
  expect_bad_text(surrogate, sizeof surrogate - 1, 0, "bad.txt:1:3", "invalid UTF-8");
}

static void test_empty_input(void **state) {
  (void)state;
  evt_list list = {0};
  orb_coder_stats stats;
  assert_int_equal(evt_code(dict, "empty", "", 0, ORB_DATE_NONE, 0, &list, NULL, &stats),
                   ORB_OK);
  assert_int_equal(list.count, 0);
  assert_int_equal(stats.sentences, 0);
  assert_int_equal(stats.bytes, 0);
  const char *blank = "\n\n   \n\t\n";
  assert_int_equal(evt_code(dict, "blank", blank, strlen(blank), ORB_DATE_NONE, 0, &list,
                            NULL, &stats),
                   ORB_OK);
  assert_int_equal(list.count, 0);
  assert_int_equal(stats.paragraphs, 0);
}

/* Property: the events do not depend on how the input is cut into chunks. */
static void test_chunking(void **state) {
  (void)state;
  const char *text =
      "Date: 2022-09-14\n"
      "Armenia has appealed for military support from the CSTO, but Moscow is "
      "reluctant to intervene. Azerbaijan shelled a number of towns in Armenia.\r\n"
      "Separately, clashes erupted Wednesday morning at the Kyrgyzstan-Tajikistan "
      "border. Chinese President Xi Jinping arrived in Kazakhstan on Wednesday.\n"
      "Ukraine’s incursion into the Kursk region of Russia on August 6 shocked Moscow.";
  size_t len = strlen(text);
  evt_list whole = {0};
  assert_int_equal(evt_code(dict, "t", text, len, ORB_DATE_NONE, 0, &whole, NULL, NULL),
                   ORB_OK);
  assert_true(whole.count >= 5);
  static const size_t chunks[] = {1, 2, 3, 7, 64};
  for (size_t c = 0; c < sizeof chunks / sizeof chunks[0]; c++) {
    evt_list part = {0};
    assert_int_equal(evt_code(dict, "t", text, len, ORB_DATE_NONE, chunks[c], &part, NULL,
                              NULL),
                     ORB_OK);
    assert_int_equal(part.count, whole.count);
    for (size_t i = 0; i < whole.count; i++) {
      assert_string_equal(part.items[i].source, whole.items[i].source);
      assert_string_equal(part.items[i].target, whole.items[i].target);
      assert_string_equal(part.items[i].cameo, whole.items[i].cameo);
      assert_int_equal(part.items[i].start, whole.items[i].start);
      assert_int_equal(part.items[i].end, whole.items[i].end);
      assert_int_equal(part.items[i].date, whole.items[i].date);
    }
    evt_list_free(&part);
  }
  evt_list_free(&whole);
}

static void test_long_line(void **state) {
  (void)state;
  /* a 600 KB line without newline is coded in bounded parts, cut between
   * sentences; the sentences differ so that no part repeats another */
  size_t cap = 700000, len = 0, count = 0, last_start = 0;
  char *text = malloc(cap);
  assert_non_null(text);
  while (len < 600000) {
    last_start = len;
    len += (size_t)snprintf(text + len, cap - len, "Russia attacked Georgia near village %zu. ",
                            count);
    count++;
  }
  evt_list list = {0};
  orb_coder_stats stats;
  assert_int_equal(evt_code(dict, "long", text, len, ORB_DATE_NONE, 4096, &list, NULL,
                            &stats),
                   ORB_OK);
  assert_int_equal(stats.sentences, count);
  assert_int_equal(list.count, count);
  assert_int_equal(list.items[count - 1].start, (uint64_t)last_start);
  evt_list_free(&list);
  free(text);
}

static void test_coreference(void **state) {
  (void)state;
  expect_event("Armenia criticized the CSTO. Later Armenia suspended its participation in "
               "the bloc.",
               "2024-02-23", "ARM", "16", "CSTO", "suspend_membership");
  expect_event("Armenia and Azerbaijan met in Moscow. The two sides clashed again at "
               "the border.",
               "2022-09-14", "ARM", "19", "AZE", "border_clash");
}

/* Loads a dictionary buffer and returns its status and diagnostics. */
static orb_status load_buffer(orb_dict *d, const char *text, orb_diags *diags) {
  return orb_dict_add_buffer(d, "user.dict", text, strlen(text), diags);
}

/* A dictionary of only the entries of text, which must load; the caller frees
 * it. */
static orb_dict *dict_of(const char *text) {
  orb_dict *d = NULL;
  assert_int_equal(orb_dict_new(&d), ORB_OK);
  orb_diags diags;
  orb_diags_init(&diags);
  assert_int_equal(load_buffer(d, text, &diags), ORB_OK);
  orb_diags_free(&diags);
  return d;
}

static void test_dictionary_errors(void **state) {
  (void)state;
  orb_dict *d = NULL;
  assert_int_equal(orb_dict_new(&d), ORB_OK);
  orb_diags diags;
  orb_diags_init(&diags);
  const char *bad = "actor | gondor\n"
                    "actr | gondor | GON\n"
                    "verb | G | besieged | 1x9\n"
                    "verb | G | besieged | 190 | type=siege\n"
                    "actor | gondor | GON | | 2020-13-01..\n"
                    "# a comment\n"
                    "coref | the realm | kingdom\n"
                    "actor | a | HOB++BRE\n" /* actor ids joined by "+" */
                    "actor | b | +HOB\n"
                    "actor | c | HOB+\n"
                    "actor | d | HOB+bre\n"
                    "coref | the siege | act 19 21\n" /* roots run from 01 to 20 */
                    "coref | the raid | act 18x\n"
                    "coref | the court | org high court\n"; /* one word the name holds */
  assert_int_equal(load_buffer(d, bad, &diags), ORB_EPARSE);
  assert_int_equal(diags.count, 13);
  static const int lines[] = {1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14};
  for (size_t i = 0; i < diags.count; i++) {
    assert_string_equal(diags.items[i].file, "user.dict");
    assert_int_equal(diags.items[i].line, lines[i]);
  }
  assert_non_null(strstr(diags.items[1].message, "did you mean 'actor'"));
  assert_non_null(strstr(diags.items[2].message, "bad CAMEO code '1x9'"));
  assert_non_null(strstr(diags.items[3].message, "unknown event type 'siege'"));
  assert_non_null(strstr(diags.items[5].message,
                         "unknown coreference 'kingdom' (expected org, org WORD, state, pair, "
                         "group, person, act or home)"));
  for (size_t i = 6; i < 10; i++)
    assert_non_null(strstr(diags.items[i].message, "several joined by +"));
  assert_non_null(strstr(diags.items[10].message, "bad CAMEO root in 'act 19 21'"));
  assert_non_null(strstr(diags.items[11].message, "bad CAMEO root in 'act 18x'"));
  assert_non_null(strstr(diags.items[12].message,
                         "bad word in 'org high court' (expected org followed by one word)"));
  assert_int_equal(orb_dict_entry_count(d), 0); /* nothing of a bad file is kept */
  orb_diags_free(&diags);
  assert_int_equal(orb_dict_add_file(d, "/nonexistent/x.dict", &diags), ORB_EIO);
  assert_int_equal(diags.count, 1);
  orb_diags_free(&diags);
  orb_dict_free(d);
}

/* Paired codes: "back=" gives the target's event toward the source, not for a
 * negated verb; a bad code is refused with its line. */
static void test_paired_codes(void **state) {
  (void)state;
  orb_dict *d = NULL;
  assert_int_equal(orb_dict_new(&d), ORB_OK);
  orb_diags diags;
  orb_diags_init(&diags);
  const char *user = "actor | gondor | GON\n"
                     "actor | mordor | MOR\n"
                     "negation | did not\n"
                     "verb | MY_VISIT | visited | 042 | back=043\n"
                     "verb | MY_VISIT | visit | 042 | back=043\n";
  assert_int_equal(load_buffer(d, user, &diags), ORB_OK);
  evt_list list = evt_code_text(d, "Gondor visited Mordor.\nGondor did not visit Mordor.\n",
                                "2024-01-01");
  assert_int_equal(list.count, 2);
  assert_true(evt_find(&list, "GON", "04", "MOR") == 0);
  assert_true(evt_find(&list, "MOR", "04", "GON") == 1);
  assert_string_equal(list.items[1].cameo, "043");
  evt_list_free(&list);
  orb_dict_free(d);
  assert_int_equal(orb_dict_new(&d), ORB_OK);
  assert_int_equal(load_buffer(d, "verb | MY_VISIT | visited | 042 | back=4x\n", &diags),
                   ORB_EPARSE);
  assert_int_equal(diags.count, 1);
  assert_non_null(strstr(diags.items[0].message, "bad CAMEO code '4x' in back="));
  orb_diags_free(&diags);
  orb_dict_free(d);
}

/* A rule with only a code back codes the target's act alone ("received ...
 * from X": X's act); "coref | ... | act" names the latest act's author. */
static void test_back_only_and_act(void **state) {
  (void)state;
  orb_dict *d = NULL;
  assert_int_equal(orb_dict_new(&d), ORB_OK);
  orb_diags diags;
  orb_diags_init(&diags);
  const char *user = "actor | gondor | GON\n"
                     "actor | mordor | MOR\n"
                     "verb | MY_GET | received | ---\n"
                     "object | MY_GET | swords | --- | back=072\n"
                     "verb | MY_BURN | burned | 190\n"
                     "verb | MY_BLAME | condemned | 111\n"
                     "coref | the raid | act\n";
  assert_int_equal(load_buffer(d, user, &diags), ORB_OK);
  evt_list list = evt_code_text(d, "Gondor received swords from Mordor.\n", "2024-01-01");
  assert_int_equal(list.count, 1);
  assert_true(evt_find(&list, "MOR", "07", "GON") == 0);
  assert_string_equal(list.items[0].cameo, "072");
  evt_list_free(&list);
  list = evt_code_text(d, "Mordor burned a village.\nGondor condemned the raid.\n",
                       "2024-01-01");
  assert_int_equal(list.count, 0); /* no event before: "the raid" names no one */
  evt_list_free(&list);
  list = evt_code_text(d, "Mordor burned Gondor.\nGondor condemned the raid.\n", "2024-01-01");
  assert_int_equal(list.count, 2);
  assert_true(evt_find(&list, "GON", "11", "MOR") == 1);
  evt_list_free(&list);
  orb_diags_free(&diags);
  orb_dict_free(d);
}

/* Verb patterns: "^" stands for one to three words, determiners and numbers of
 * the text are skipped, a longer pattern wins. */
static void test_pattern_gaps(void **state) {
  (void)state;
  orb_dict *d = NULL;
  assert_int_equal(orb_dict_new(&d), ORB_OK);
  orb_diags diags;
  orb_diags_init(&diags);
  const char *user = "actor | gondor | GON\n"
                     "actor | rohan | ROH\n"
                     "verb | MY_WARN | warned | 130\n"
                     "object | MY_WARN | their ^ about | 131\n"
                     "object | MY_WARN | on resolution | 057\n"
                     "determiner | a\n";
  assert_int_equal(load_buffer(d, user, &diags), ORB_OK);
  static const struct { const char *text, *code; } cases[] = {
    {"Gondor warned their people about Rohan.", "131"},
    {"Gondor warned their old allies about Rohan.", "131"},
    {"Gondor warned their four old loyal allies about Rohan.", "130"}, /* too long */
    {"Gondor warned about Rohan.", "130"},
    {"Gondor warned on a resolution with Rohan.", "057"},
    {"Gondor warned on 2 resolution with Rohan.", "057"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    evt_list list = evt_code_text(d, cases[i].text, "2024-01-01");
    assert_int_equal(list.count, 1);
    if (strcmp(list.items[0].cameo, cases[i].code) != 0)
      fail_msg("%s: got %s, expected %s", cases[i].text, list.items[0].cameo, cases[i].code);
    evt_list_free(&list);
  }
  orb_diags_free(&diags);
  orb_dict_free(d);
}

/* PETRARCH's markers in verb patterns: "+" names the target and "$" the
 * source wherever they stand after the verb; "$" alone makes the actor
 * before the verb the target; "+ *" makes it the target and needs a "$"; a
 * pattern whose marker finds no actor does not match. */
static void test_pattern_markers(void **state) {
  (void)state;
  orb_dict *d = NULL;
  assert_int_equal(orb_dict_new(&d), ORB_OK);
  orb_diags diags;
  orb_diags_init(&diags);
  const char *user = "actor | gondor | GON\n"
                     "actor | rohan | ROH\n"
                     "actor | mordor | MOR\n"
                     "agent | army | MIL\n"
                     "determiner | the\n"
                     "determiner | a\n"
                     "passive | was\n"
                     "verb | MY_WARN | warned | 130\n"
                     "object | MY_WARN | their ^ about + | 131\n"
                     "verb | MY_FREE | freed | 080\n"
                     "object | MY_FREE | + * from $ | 081\n"
                     "object | MY_FREE | + * by ^ | 082\n"
                     "verb | MY_GET | received | 030\n"
                     "object | MY_GET | money $ | 071\n"
                     "verb | MY_HEAR | heard | 010\n"
                     "object | MY_HEAR | from $ about + | 112\n"
                     "object | MY_HEAR | of + through $ | 113\n"
                     "object | MY_HEAR | $ * rumours about + | 114\n";
  assert_int_equal(load_buffer(d, user, &diags), ORB_OK);
  static const struct { const char *text, *source, *code, *target; } cases[] = {
    {"Gondor warned their people about Rohan.", "GON", "131", "ROH"},
    {"Gondor warned their old allies about the army of Mordor.", "GON", "131", "MOR"},
    {"Rohan was freed from Mordor.", "MOR", "081", "ROH"},      /* "+ * ... $" */
    {"Rohan received money from Gondor.", "GON", "071", "ROH"}, /* "$" alone */
    {"Gondor heard from Rohan about Mordor.", "ROH", "112", "MOR"},
    {"Gondor heard of Mordor through Rohan.", "ROH", "113", "MOR"},
    {"Gondor heard rumours about Mordor.", "GON", "114", "MOR"}, /* "$ *": as without */
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    evt_list list = evt_code_text(d, cases[i].text, "2024-01-01");
    if (list.count != 1 || strcmp(list.items[0].source, cases[i].source) != 0 ||
        strcmp(list.items[0].cameo, cases[i].code) != 0 ||
        strcmp(list.items[0].target, cases[i].target) != 0)
      fail_msg("%s: got %zu events, the first %s %s %s; expected %s %s %s", cases[i].text,
               list.count, list.count ? list.items[0].source : "-",
               list.count ? list.items[0].cameo : "-", list.count ? list.items[0].target : "-",
               cases[i].source, cases[i].code, cases[i].target);
    evt_list_free(&list);
  }
  /* a marker with no actor at its place: the pattern does not match, and the
   * verb alone has no target */
  evt_list list = evt_code_text(d, "Gondor warned their people about a storm.", "2024-01-01");
  assert_int_equal(list.count, 0);
  evt_list_free(&list);
  /* "+ *" without "$": the subject is the target, there is no source */
  list = evt_code_text(d, "Rohan was freed by force.", "2024-01-01");
  assert_int_equal(list.count, 0);
  evt_list_free(&list);
  orb_diags_free(&diags);
  orb_dict_free(d);
}

/* Bad markers in a pattern: each reported at its line and column, the file
 * refused as a whole. */
static void test_pattern_marker_errors(void **state) {
  (void)state;
  orb_dict *d = NULL;
  assert_int_equal(orb_dict_new(&d), ORB_OK);
  orb_diags diags;
  orb_diags_init(&diags);
  const char *bad = "verb | G | warned | 130\n"
                    "object | G | + about + | 131\n"
                    "object | G | $ * from $ | 131\n"
                    "object | G | about * + | 131\n"
                    "object | G | about +them | 131\n"
                    "object | G | % with + | 131\n"
                    "object | G | + * | 131\n"
                    "object | G | $ about + | 131\n" /* good: "$" and "+" once each */
                    "verb | G | warned + | 130\n";
  assert_int_equal(load_buffer(d, bad, &diags), ORB_EPARSE);
  assert_int_equal(diags.count, 7);
  static const struct { int line, col; const char *message; } want[] = {
    {2, 22, "'+' twice in a pattern (expected one target)"},
    {3, 23, "'$' twice in a pattern (expected one source)"},
    {4, 20, "'*' (the verb) only right after a leading '+' or '$'"},
    {5, 20, "'+' glued to a word (expected it as a word of its own)"},
    {6, 14, "'%' (TABARI's compound marker) is not supported"},
    {7, 1, "pattern '+ *' has nothing after the verb"},
    {9, 19, "'+' in a verb phrase (expected it in an object pattern)"},
  };
  for (size_t i = 0; i < diags.count; i++) {
    assert_string_equal(diags.items[i].file, "user.dict");
    assert_int_equal(diags.items[i].line, want[i].line);
    assert_int_equal(diags.items[i].column, want[i].col);
    if (!strstr(diags.items[i].message, want[i].message))
      fail_msg("line %d: '%s' lacks '%s'", want[i].line, diags.items[i].message,
               want[i].message);
  }
  assert_int_equal(orb_dict_entry_count(d), 0);
  orb_diags_free(&diags);
  orb_dict_free(d);
}

/* PETRARCH's rule for dated roles: the first entry in file order whose span
 * holds the date (spans inclusive at both ends), else the entry without a
 * span (the default), else no actor at all: a name outside every role with
 * no default codes nothing (before, the nearest span was taken). */
static void test_dated_roles(void **state) {
  (void)state;
  orb_dict *d = dict_of("actor | gondor | GON\n"
                        "actor | gamgee | HOB | CIV | ..2008-01-19\n"
                        "actor | gamgee | HOB | MIL | 2008-01-20..2012-11-08\n"
                        "actor | gamgee | HOB | GOV | 2012-11-09..2013-01-19\n"
                        "actor | smeagol | HOB | GOV | 1995-06-01..1999-08-15\n"
                        "actor | smeagol | HOB | REB | 1999-08-17..\n"
                        "actor | smeagol | HOB\n"
                        "actor | nazg | MOR | ELI | 1958-01-01..2000-01-01\n"
                        "actor | nazg | MOR | GOV | 1990-04-24..\n"
                        "verb | MY_BLAME | criticised | 111\n");
  static const struct { const char *text, *date, *role; } cases[] = {
    {"Gamgee criticised Gondor.", "2008-01-19", "CIV"},
    {"Gamgee criticised Gondor.", "2008-01-20", "MIL"},
    {"Gamgee criticised Gondor.", "2012-11-08", "MIL"},
    {"Gamgee criticised Gondor.", "2012-11-09", "GOV"},
    {"Gamgee criticised Gondor.", "2013-01-19", "GOV"},
    {"Gamgee criticised Gondor.", "2013-01-20", NULL}, /* outside every role: none */
    {"Smeagol criticised Gondor.", "1995-05-31", ""},  /* the default */
    {"Smeagol criticised Gondor.", "1995-06-01", "GOV"},
    {"Smeagol criticised Gondor.", "1999-08-15", "GOV"},
    {"Smeagol criticised Gondor.", "1999-08-16", ""},  /* the gap: the default */
    {"Smeagol criticised Gondor.", "1999-08-17", "REB"},
    {"Nazg criticised Gondor.", "1995-01-01", "ELI"},  /* overlap: the first in order */
    {"Nazg criticised Gondor.", "2000-01-02", "GOV"},
    {"Nazg criticised Gondor.", "1950-01-01", NULL},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    evt_list list = evt_code_text(d, cases[i].text, cases[i].date);
    if (!cases[i].role) {
      if (list.count) fail_msg("%s on %s: an event, expected none", cases[i].text, cases[i].date);
    } else if (list.count != 1 || strcmp(list.items[0].source_role, cases[i].role) != 0) {
      fail_msg("%s on %s: %zu events, role '%s', expected '%s'", cases[i].text, cases[i].date,
               list.count, list.count ? list.items[0].source_role : "-", cases[i].role);
    }
    evt_list_free(&list);
  }
  orb_dict_free(d);
}

static void test_user_dictionary(void **state) {
  (void)state;
  orb_dict *d = evt_dict(NULL);
  orb_diags diags;
  orb_diags_init(&diags);
  const char *user = "actor | gondor | GON\n"
                     "verb | MY_SIEGE | besieged | 192 | type=attack\n"
                     "actor | moscow | RUS | MIL\n"; /* replaces the built-in entry */
  assert_int_equal(load_buffer(d, user, &diags), ORB_OK);
  assert_int_equal(diags.count, 0);
  evt_list list = evt_code_text(d, "Gondor besieged Moscow.", "2022-09-14");
  assert_int_equal(list.count, 1);
  assert_string_equal(list.items[0].source, "GON");
  assert_string_equal(list.items[0].cameo, "192");
  assert_string_equal(list.items[0].target, "RUS");
  assert_string_equal(list.items[0].target_role, "MIL");
  assert_string_equal(list.items[0].rule, "user.dict:2");
  evt_list_free(&list);
  orb_dict_free(d);
}

/* orb_dict_add_world: a world's actors under the world's ids; the codes the
 * dictionaries gave the same names become the world's (one code per
 * organisation); dated or role entries ("armenia | USR | ARM | ..1990") are
 * left alone; a bad id is refused with nothing added. */
static void test_world_actors(void **state) {
  (void)state;
  static const char yaml[] =
      "world: {name: Test, description: invented, start: 1980-01-01, end: 2030-12-31}\n"
      "actors:\n"
      "  - id: RUR\n    name: Ruritania\n    kind: state\n    attributes:\n"
      "      - {name: adjective, text: Ruritanian, year: 2024, assumption: invented}\n"
      "      - {name: alias, text: \"the Duchy | of # Strelsau\", year: 2024, assumption: x}\n"
      "  - {id: ARM, name: Armenia, kind: state}\n"
      "  - {id: EUROPE, name: European Union, kind: bloc}\n"
      "  - {id: LFC, name: League of Free Cities, kind: organisation}\n";
  orb_world *world = NULL;
  orb_diags diags;
  orb_diags_init(&diags);
  assert_int_equal(orb_world_load_buffer("test.yaml", yaml, sizeof yaml - 1, &world, &diags),
                   ORB_OK);
  orb_dict *d = evt_dict(NULL);
  /* before: Phoenix's Catherine Ashton (IGOEUREEC) is the built-in EU (orbit.dict:
   * "same | IGOEUREEC | EU") */
  evt_list list = evt_code_text(d, "Catherine Ashton criticised Russia.", "2012-01-01");
  assert_true(evt_find(&list, "EU", "11", "RUS") >= 0);
  evt_list_free(&list);
  size_t before = orb_dict_entry_count(d);
  assert_int_equal(orb_dict_add_world(d, world, "test.yaml", &diags), ORB_OK);
  assert_int_equal(diags.count, 0);
  assert_true(orb_dict_entry_count(d) > before);
  list = evt_code_text(d, "Ruritanian troops attacked Armenia.", "2024-01-01");
  assert_true(evt_find(&list, "RUR", "19", "ARM") >= 0);
  assert_string_equal(list.items[0].source_role, "MIL");
  evt_list_free(&list);
  list = evt_code_text(d, "The Duchy of Strelsau criticised Armenia.", "2024-01-01");
  assert_true(evt_find(&list, "RUR", "11", "ARM") >= 0);
  evt_list_free(&list);
  list = evt_code_text(d, "The League of Free Cities criticised the LFC.", "2024-01-01");
  assert_int_equal(list.count, 0); /* acts on itself: no target */
  evt_list_free(&list);
  list = evt_code_text(d, "LFC criticised Ruritania.", "2024-01-01");
  assert_true(evt_find(&list, "LFC", "11", "RUR") >= 0);
  evt_list_free(&list);
  /* one code for the EU: every phrase of EU and IGOEUREEC is EUROPE now */
  static const char *const eu[] = {"Catherine Ashton criticised Russia.",
                                   "The European Union criticised Russia.",
                                   "The EU criticised Russia.", "Brussels criticised Russia."};
  for (size_t i = 0; i < sizeof eu / sizeof *eu; i++) {
    list = evt_code_text(d, eu[i], "2012-01-01");
    assert_true(evt_find(&list, "EUROPE", "11", "RUS") >= 0);
    assert_true(evt_find(&list, "EU", "", "*") < 0);
    assert_true(evt_find(&list, "IGOEUREEC", "", "*") < 0);
    evt_list_free(&list);
  }
  /* a dated entry of the same name is no alias: "armenia | USR | ARM |
   * ..1990-08-23" leaves the Soviet Union its code */
  list = evt_code_text(d, "The Soviet Union attacked Ruritania.", "1985-01-01");
  assert_true(evt_find(&list, "USR", "19", "RUR") >= 0);
  evt_list_free(&list);
  list = evt_code_text(d, "The USSR attacked Armenia.", "2024-01-01");
  assert_true(evt_find(&list, "USR", "19", "ARM") >= 0);
  evt_list_free(&list);
  orb_dict_free(d);
  orb_world_free(world);
  /* an id that cannot be a code */
  static const char lower[] =
      "world: {name: Test, description: invented, start: 2000-01-01, end: 2030-12-31}\n"
      "actors:\n  - {id: ru-r, name: Ruritania, kind: state}\n";
  assert_int_equal(orb_world_load_buffer("lower.yaml", lower, sizeof lower - 1, &world, &diags),
                   ORB_OK);
  d = evt_dict(NULL);
  before = orb_dict_entry_count(d);
  assert_int_equal(orb_dict_add_world(d, world, "lower.yaml", &diags), ORB_EPARSE);
  assert_int_equal(diags.count, 1);
  assert_string_equal(diags.items[0].file, "lower.yaml");
  assert_non_null(strstr(diags.items[0].message, "actor 'ru-r' cannot be coded"));
  assert_int_equal(orb_dict_entry_count(d), before);
  assert_int_equal(orb_dict_add_world(d, NULL, "x", &diags), ORB_EINVAL);
  orb_dict_free(d);
  orb_world_free(world);
  orb_diags_free(&diags);
}

/* An actor entry whose id joins several with "+" names each of them, as one
 * group ("the Baltic states"); malformed joins: test_dictionary_errors. */
static void test_group_actors(void **state) {
  (void)state;
  orb_dict *d = dict_of("actor | the shire folk | HOB+BRE\n"
                        "actor | gondor | GON\n"
                        "verb | MY_BLAME | criticised | 111\n"
                        "verb | MY_MEET | met | 040\n");
  evt_list got = evt_code_text(d, "The Shire folk criticised Gondor.", "2024-01-01");
  assert_int_equal(got.count, 2);
  assert_string_equal(got.items[0].source, "HOB");
  assert_string_equal(got.items[1].source, "BRE");
  for (size_t i = 0; i < 2; i++) {
    assert_string_equal(got.items[i].cameo, "111");
    assert_string_equal(got.items[i].target, "GON");
  }
  evt_list_free(&got);
  got = evt_code_text(d, "Gondor met the Shire folk.", "2024-01-01");
  assert_int_equal(got.count, 2);
  assert_string_equal(got.items[0].target, "HOB");
  assert_string_equal(got.items[1].target, "BRE");
  evt_list_free(&got);
  orb_dict_free(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_negation_and_modality),
    cmocka_unit_test(test_metonymy),
    cmocka_unit_test(test_leaders_by_date),
    cmocka_unit_test(test_boilerplate_and_repeats),
    cmocka_unit_test(test_dates),
    cmocka_unit_test(test_dates_forward),
    cmocka_unit_test(test_world_actors),
    cmocka_unit_test(test_sentence_splitting),
    cmocka_unit_test(test_bad_input),
    cmocka_unit_test(test_empty_input),
    cmocka_unit_test(test_chunking),
    cmocka_unit_test(test_long_line),
    cmocka_unit_test(test_coreference),
    cmocka_unit_test(test_dictionary_errors),
    cmocka_unit_test(test_user_dictionary),
    cmocka_unit_test(test_paired_codes),
      cmocka_unit_test(test_back_only_and_act),
    cmocka_unit_test(test_pattern_gaps),
    cmocka_unit_test(test_pattern_markers),
    cmocka_unit_test(test_pattern_marker_errors),
    cmocka_unit_test(test_dated_roles),
    cmocka_unit_test(test_group_actors),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
