/*
 * test_read.c: KTAB's CSV and XML scenario formats: what is read, and the exact
 * FILE:LINE:COL message for each kind of bad input.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "orbit/orbit.h"

/* Reads CSV text and returns the diagnostics as "LINE:COL: message\n" lines. */
static char *csv_errors(const char *text, orb_status expect) {
  orb_diags diags;
  orb_diags_init(&diags);
  orb_bargain_scenario *s = (orb_bargain_scenario *)1;
  orb_status status = orb_bargain_read_csv_buffer("in.csv", text, strlen(text), &s, &diags);
  assert_int_equal(status, expect);
  if (status != ORB_OK) assert_null(s);
  orb_bargain_scenario_free(s);
  static char out[4096];
  out[0] = '\0';
  for (size_t i = 0; i < diags.count; i++) {
    assert_string_equal(diags.items[i].file, "in.csv");
    size_t len = strlen(out);
    snprintf(out + len, sizeof out - len, "%d:%d: %s\n", diags.items[i].line,
             diags.items[i].column, diags.items[i].message);
  }
  orb_diags_free(&diags);
  return out;
}

static const char good_csv[] =
    "Test, \"A test\", 3, 2,\n"
    "Actor,Description,Power,Pos A,Sal A,Pos B,Sal B,\n"
    "A1, First, 10, 20, 30, 40, 50,\n"
    "A2, , 20.5, 0, 100, 100, 0\r\n"
    "\n"
    "\"A3\", Third, 1e2, 50, 10, 50, 10,\n";

static void test_csv_good(void **state) {
  (void)state;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_bargain_scenario *s;
  assert_int_equal(orb_bargain_read_csv_buffer("in.csv", good_csv, strlen(good_csv), &s,
                                               &diags),
                   ORB_OK);
  assert_int_equal(diags.count, 0);
  assert_string_equal(s->name, "Test");
  assert_string_equal(s->description, "A test");
  assert_int_equal(s->actor_count, 3);
  assert_int_equal(s->dim_count, 2);
  assert_string_equal(s->dim_names[0], "Pos A");
  assert_string_equal(s->dim_names[1], "Pos B");
  assert_string_equal(s->actor_names[2], "A3");
  assert_string_equal(s->actor_descs[1], "");
  assert_true(s->capability[1] == 20.5);
  assert_true(s->capability[2] == 100);
  const double pos[] = {20, 40, 0, 100, 50, 50}, sal[] = {30, 50, 100, 0, 10, 10};
  assert_memory_equal(s->position, pos, sizeof pos);
  assert_memory_equal(s->salience, sal, sizeof sal);
  assert_null(s->accommodation);
  assert_int_equal(s->has_options, 0);
  assert_int_equal(orb_bargain_scenario_check(s, "in.csv", &diags), ORB_OK);
  orb_bargain_scenario_free(s);
  orb_diags_free(&diags);
}

static void test_csv_salience_over_100(void **state) {
  (void)state;
  assert_string_equal(csv_errors("T,D,3,2\nActor,Desc,Power,P1,S1,P2,S2\n"
                                 "A,a,1,10,60,10,50\nB,b,1,10,10,10,10\nC,c,1,1,1,1,1\n",
                                 ORB_EPARSE),
                      "3:10: saliences of actor 'A' sum to 110, over 100\n");
}

static void test_csv_too_few_actors(void **state) {
  (void)state;
  assert_string_equal(csv_errors("T,D,2,1\nActor,Desc,Power,P1,S1\nA,a,1,10,60\nB,b,1,1,1\n",
                                 ORB_EPARSE),
                      "1:5: 2 actors (expected a whole number from 3 to 1000)\n");
}

static void test_csv_non_numeric(void **state) {
  (void)state;
  assert_string_equal(
      csv_errors("T,D,3,1\nActor,Desc,Power,Position,Salience\nA,a,1,10,60\n"
                 "B,b,1,ten,10\nC,c,x1,1,1\n",
                 ORB_EPARSE),
      "4:7: 'ten' is not a number (expected position on 'Position', 0..100)\n"
      "5:5: 'x1' is not a number (expected the actor's capability)\n");
  assert_string_equal(csv_errors("T,D,three,1\n", ORB_EPARSE),
                      "1:5: 'three' is not a number (expected actors)\n");
  assert_string_equal(
      csv_errors("T,D,3,1\nActor,Desc,Power,P,S\nA,a,1,10,nan\nB,b,1,1,1\nC,c,1,1,1\n",
                 ORB_EPARSE),
      "3:10: 'nan' is not a number (expected salience on 'P', 0..100)\n");
}

static void test_csv_dimension_mismatch(void **state) {
  (void)state;
  assert_string_equal(
      csv_errors("T,D,3,2\nActor,Desc,Power,P1,S1\nA,a,1,1,1,1,1\n", ORB_EPARSE),
      "2:1: header has 2 position/salience columns but line 1 declares 2 dimensions "
      "(expected 4 columns)\n");
  assert_string_equal(
      csv_errors("T,D,3,1\nActor,Desc,Power,P1,S1\nA,a,1,1,1,1,1\nB,b,1,1,1\nC,c,1,1,1\n",
                 ORB_EPARSE),
      "3:1: actor row has 7 cells, expected 5 (actor, description, capability, then "
      "position and salience for 1 dimension)\n");
}

static void test_csv_rows(void **state) {
  (void)state;
  assert_string_equal(csv_errors("T,D,3,1\nActor,Desc,Power,P1,S1\nA,a,1,1,1\nB,b,1,1,1\n",
                                 ORB_EPARSE),
                      "4:1: found 2 actor rows, but line 1 declares 3 actors\n");
  assert_string_equal(
      csv_errors("T,D,3,1\nActor,Desc,Power,P1,S1\nA,a,1,1,1\nB,b,1,1,1\nC,c,1,1,1\n"
                 "D,d,1,1,1\n",
                 ORB_EPARSE),
      "6:1: more actor rows than the 3 declared on line 1\n");
  assert_string_equal(
      csv_errors("T,D,3,1\nActor,Desc,Power,P1,S1\nA,a,0,101,0\nB,b,1,1,1\nC,c,1,1,1\n",
                 ORB_EPARSE),
      "3:5: capability 0 (expected more than 0)\n"
      "3:7: position 101 (expected 0..100)\n"
      "3:11: saliences of actor 'A' sum to 0 (an actor must care about the issue)\n");
  assert_string_equal(csv_errors("", ORB_EPARSE),
                      "0:0: empty file (expected KTAB's CSV scenario)\n");
  assert_string_equal(csv_errors("\x01\x02\xff\xfe", ORB_EPARSE),
                      "1:3: invalid byte 0xff at byte 2 (expected UTF-8 text)\n");
  assert_string_equal(csv_errors("\x01\x02\n", ORB_EPARSE),
                      "1:1: first line has 1 cells, expected 4 (name, description, "
                      "number of actors, number of dimensions)\n");
  /* A NUL byte inside a cell, and a name that is not UTF-8, are errors: neither
   * cuts the name nor reaches JSON output. */
  {
    static const char nul[] = "T,D,2,1\nActor,Desc,Power,P1,S1\nA\0B,a,1,1,1\nC,c,1,1,1\n";
    orb_diags diags;
    orb_diags_init(&diags);
    orb_bargain_scenario *s = (orb_bargain_scenario *)1;
    assert_int_equal(orb_bargain_read_csv_buffer("in.csv", nul, sizeof nul - 1, &s, &diags),
                     ORB_EPARSE);
    assert_null(s);
    assert_int_equal(diags.count, 1);
    assert_int_equal(diags.items[0].line, 3);
    assert_int_equal(diags.items[0].column, 2);
    assert_string_equal(diags.items[0].message, "NUL byte (binary data) at byte 32 (expected UTF-8 text)");
    orb_diags_free(&diags);
  }
  assert_string_equal(csv_errors("T,D,3,1\nActor,Desc,Power,P1,S1\nA\xc3(,a,1,1,1\n", ORB_EPARSE),
                      "3:2: truncated UTF-8 sequence at byte 32 (expected UTF-8 text)\n");
  assert_string_equal(csv_errors("T,D,3,1\nActor,Desc,Power,P1,S1\nA\x1b[31m,a,1,1,1\n"
                                 "B,b,1,1,1\nC,c,1,1,1\n", ORB_EPARSE),
                      "3:1: a control character in the actor name (expected printable text)\n");
  assert_string_equal(csv_errors("T,D,3,1\nActor,Desc,Power,P1,S1\nA,a,0x1p4,1,1\n"
                                 "B,b,1,1,1\nC,c,1,1,1\n", ORB_EPARSE),
                      "3:5: '0x1p4' is not a number (expected the actor's capability)\n");
}

/* A KTAB XML scenario with the given actors block and extra elements. */
static char *xml_doc(const char *params, const char *actors, const char *extra) {
  static char doc[8192];
  snprintf(doc, sizeof doc,
           "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<Scenario>\n"
           "  <name>X</name>\n"
           "  <desc>An XML test</desc>\n"
           "  <prngSeed>0123</prngSeed>\n"
           "%s"
           "  <Dimensions><dName>D1</dName><dName>D2</dName></Dimensions>\n"
           "  <Actors>\n%s  </Actors>\n%s"
           "</Scenario>\n",
           params, actors, extra);
  return doc;
}

#define ACTOR(name, cap, p1, p2, s1, s2)                                                 \
  "    <Actor><name>" name "</name><description>d</description><capability>" cap      \
  "</capability>\n      <Position><dCoord>" p1 "</dCoord><dCoord>" p2                    \
  "</dCoord></Position>\n      <Salience><dSal>" s1 "</dSal><dSal>" s2                   \
  "</dSal></Salience></Actor>\n"

static const char three_actors[] = ACTOR("A", "10", "10", "20", "30", "40")
    ACTOR("B", "20", "50", "60", "50", "50") ACTOR("C", "5", "90", "0", "10", "80");

/* Reads XML text; returns the diagnostics as "LINE: message\n" lines. */
static char *xml_errors(const char *text, orb_status expect,
                        orb_bargain_scenario **keep) {
  orb_diags diags;
  orb_diags_init(&diags);
  orb_bargain_scenario *s = NULL;
  orb_status status = orb_bargain_read_xml_buffer("in.xml", text, strlen(text), &s, &diags);
  if (status != expect) orb_diags_print(&diags, stderr);
  assert_int_equal(status, expect);
  static char out[4096];
  out[0] = '\0';
  for (size_t i = 0; i < diags.count; i++) {
    size_t len = strlen(out);
    snprintf(out + len, sizeof out - len, "%d: %s\n", diags.items[i].line,
             diags.items[i].message);
  }
  orb_diags_free(&diags);
  if (keep) *keep = s;
  else orb_bargain_scenario_free(s);
  return out;
}

static void test_xml_good(void **state) {
  (void)state;
  orb_bargain_scenario *s;
  const char *params = "  <ModelParameters><VictoryProbModel>Square</VictoryProbModel>"
                       "<VotingRule>Cubic</VotingRule><PCEModel>MarkovUniform</PCEModel>"
                       "<StateTransitions>Stochastic</StateTransitions>"
                       "<BigRAdjust>Full</BigRAdjust><BigRRange>Max</BigRRange>"
                       "<ThirdPartyCommit>NoCommit</ThirdPartyCommit>"
                       "<InterVecBrgn>S1P1</InterVecBrgn><BargnModel>PWCompInterp</BargnModel>"
                       "</ModelParameters>\n";
  const char *adjust = "  <IdealAdjustment><iaPair><adjustingIdeal>B</adjustingIdeal>"
                       "<referencePos>A</referencePos><adjust>0.25</adjust></iaPair>"
                       "<iaPair><adjustingIdeal>B</adjustingIdeal><referencePos>B"
                       "</referencePos><adjust>0.75</adjust></iaPair></IdealAdjustment>\n";
  assert_string_equal(xml_errors(xml_doc(params, three_actors, adjust), ORB_OK, &s), "");
  assert_string_equal(s->name, "X");
  assert_true(s->has_seed && s->seed == 123);
  assert_true(s->has_options);
  const char *expect[ORB_BOPT_COUNT] = {"Square", "Cubic", "MarkovUniform", "Stochastic",
                                        "Max", "Full", "NoCommit", "S1P1", "PWCompInterp"};
  for (int k = 0; k < ORB_BOPT_COUNT; k++)
    assert_string_equal(orb_bargain_options_get(&s->options, (orb_bargain_option)k),
                        expect[k]);
  assert_true(s->position[2 * 2 + 0] == 90 && s->salience[2 * 2 + 1] == 80);
  const double accom[9] = {1, 0, 0, 0.25, 0.75, 0, 0, 0, 1};
  assert_memory_equal(s->accommodation, accom, sizeof accom);
  orb_bargain_scenario_free(s);
}

static void test_xml_errors(void **state) {
  (void)state;
  /* B's adjustments sum over 1 */
  const char *over = "  <IdealAdjustment><iaPair><adjustingIdeal>B</adjustingIdeal>"
                     "<referencePos>A</referencePos><adjust>0.25</adjust></iaPair>\n"
                     "  <iaPair><adjustingIdeal>Z</adjustingIdeal><referencePos>A"
                     "</referencePos><adjust>2</adjust></iaPair></IdealAdjustment>\n";
  assert_string_equal(xml_errors(xml_doc("", three_actors, over), ORB_EPARSE, NULL),
                      "19: unknown actor 'Z' in <adjustingIdeal>\n"
                      "18: ideal adjustments of actor 'B' sum to 1.25 (expected at most 1)\n");
  assert_string_equal(
      xml_errors(xml_doc("", ACTOR("A", "10", "", "20", "30", "40")
                                 ACTOR("B", "x", "50", "60", "50", "60")
                                     ACTOR("C", "5", "90", "0", "10", "80"),
                         ""),
                 ORB_EPARSE, NULL),
      "9: empty <dCoord> (expected a position 0..100)\n"
      "11: <capability> holds 'x', not a number (expected a capability above 0)\n"
      "13: saliences of actor 'B' sum to 110, over 100\n");
  assert_string_equal(xml_errors(xml_doc("", ACTOR("A", "10", "10", "20", "30", "40")
                                                 ACTOR("B", "20", "50", "60", "50", "50"),
                                         ""),
                                 ORB_EPARSE, NULL),
                      "7: 2 <Actor> (a bargain needs 3 to 1000 actors)\n");
  assert_string_equal(
      xml_errors(xml_doc("  <ModelParameters><VotingRule>Majority</VotingRule>"
                         "</ModelParameters>\n",
                         three_actors, ""),
                 ORB_EPARSE, NULL),
      "6: <ModelParameters> lacks its <VictoryProbModel> element\n"
      "6: unknown VotingRule 'Majority' (expected Binary, PropBin, Prop, PropCbc, Cubic, "
      "ASymProsp)\n"
      "6: <ModelParameters> lacks its <PCEModel> element\n"
      "6: <ModelParameters> lacks its <StateTransitions> element\n"
      "6: <ModelParameters> lacks its <BigRRange> element\n"
      "6: <ModelParameters> lacks its <BigRAdjust> element\n"
      "6: <ModelParameters> lacks its <ThirdPartyCommit> element\n"
      "6: <ModelParameters> lacks its <InterVecBrgn> element\n"
      "6: <ModelParameters> lacks its <BargnModel> element\n");
  char *doc = xml_doc("", three_actors, "");
  char *dim = strstr(doc, "<dName>D2</dName>");
  memcpy(dim, "<dName>D2</dNam>", 16);
  assert_string_equal(xml_errors(doc, ORB_EPARSE, NULL),
                      "6: Opening and ending tag mismatch: dName line 6 and dNam\n");
  assert_string_equal(xml_errors("<Other/>", ORB_EPARSE, NULL),
                      "1: root element is not <Scenario> (expected KTAB's XML scenario)\n");
  /* a dimension count that does not match the <dName> list */
  const char *two = "    <Actor><name>A</name><capability>1</capability><Position>"
                    "<dCoord>1</dCoord></Position><Salience><dSal>1</dSal><dSal>2</dSal>"
                    "</Salience></Actor>\n";
  char actors[2048];
  snprintf(actors, sizeof actors, "%s%s", two, three_actors);
  char *out = xml_errors(xml_doc("", actors, ""), ORB_EPARSE, NULL);
  assert_string_equal(out, "8: actor 'A' has 1 <dCoord>, expected 2 (one per <dName>)\n");
}

static void test_read_by_content(void **state) {
  (void)state;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_bargain_scenario *s;
  char path[1024];
  snprintf(path, sizeof path, "%s/data/bargain/dummyData_3Dim.xml", ORB_TEST_SOURCE_DIR);
  assert_int_equal(orb_bargain_read(path, &s, &diags), ORB_OK);
  assert_int_equal(s->actor_count, 7);
  assert_true(s->capability[0] == 102.543);
  orb_bargain_scenario_free(s);
  assert_int_equal(orb_bargain_read("/nonexistent/x.csv", &s, &diags), ORB_EIO);
  assert_null(s);
  assert_int_equal(diags.count, 1);
  assert_string_equal(diags.items[0].message, "cannot open the scenario file: No such file or directory");
  orb_diags_free(&diags);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_csv_good),
      cmocka_unit_test(test_csv_salience_over_100),
      cmocka_unit_test(test_csv_too_few_actors),
      cmocka_unit_test(test_csv_non_numeric),
      cmocka_unit_test(test_csv_dimension_mismatch),
      cmocka_unit_test(test_csv_rows),
      cmocka_unit_test(test_xml_good),
      cmocka_unit_test(test_xml_errors),
      cmocka_unit_test(test_read_by_content),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
