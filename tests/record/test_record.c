/*
 * test_record.c: the shipped record (data/record) and the stance model learned
 * from it (docs/MODEL.md, "The record" and "Stances learned from the record"):
 * exact counts and votes, the stance mapping, agreement tallies, titles, strict
 * rejection of malformed files, contributions adding up exactly, the two feature
 * paths agreeing, a fit on the record explaining a world with China as the
 * patron, and `orbit votes`.
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

#include <cjson/cJSON.h>

#include "common/testutil.h"
#include "orbit/orbit.h"
#include "record/record_internal.h"

static orb_record *shipped;

static int setup(void **state) {
  (void)state;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status st = orb_record_load("data/record", &shipped, &diags);
  orb_diags_print(&diags, stdout);
  orb_diags_free(&diags);
  return st == ORB_OK ? 0 : -1;
}

static int teardown(void **state) {
  (void)state;
  orb_record_free(shipped);
  return 0;
}

static size_t country(const char *iso3) {
  size_t c = orb_record_find_country(shipped, iso3);
  assert_true(c != ORB_NONE);
  return c;
}

static size_t rollcall(int rcid) {
  for (size_t i = 0; i < shipped->rollcall_count; i++)
    if (shipped->rollcalls[i].rcid == rcid) return i;
  fail_msg("no roll call %d", rcid);
  return ORB_NONE;
}

static void test_shipped_counts(void **state) {
  (void)state;
  const orb_record *r = shipped;
  assert_int_equal(r->country_count, 198);
  assert_int_equal(r->rollcall_count, 6203);
  assert_int_equal(r->capability_count, 11647);
  assert_int_equal(r->alliance_count, 12336);
  assert_int_equal(r->conflict_count, 5652);
  char a[11], b[11];
  orb_date_format(r->first, ORB_PREC_DAY, a);
  orb_date_format(r->last, ORB_PREC_DAY, b);
  assert_string_equal(a, "1946-01-01");
  assert_string_equal(b, "2020-01-14");
  size_t votes = 0;
  for (size_t i = 0; i < r->rollcall_count * r->country_count; i++)
    votes += r->votes[i] >= ORB_VOTE_YES;
  assert_int_equal(votes, 870107); /* the source's rows but Zanzibar's two */
  assert_string_equal(r->countries[country("RUS")].iso2, "RU");
  assert_int_equal(r->countries[country("DEU")].cow[0], 255);
  assert_int_equal(r->countries[country("DEU")].cow[1], 260);
}

/* 68/262 (rcid 5309): the votes the built-in world records. */
static void test_votes_68_262(void **state) {
  (void)state;
  size_t rc = rollcall(5309);
  const orb_record_rollcall *r = &shipped->rollcalls[rc];
  assert_string_equal(r->unres, "R/68/262");
  assert_int_equal(orb_record_vote(shipped, rc, country("UKR")), ORB_VOTE_YES);
  assert_int_equal(orb_record_vote(shipped, rc, country("RUS")), ORB_VOTE_NO);
  assert_int_equal(orb_record_vote(shipped, rc, country("BLR")), ORB_VOTE_NO);
  assert_int_equal(orb_record_vote(shipped, rc, country("KAZ")), ORB_VOTE_ABSTAIN);
  assert_int_equal(orb_record_vote(shipped, rc, country("LAO")), ORB_VOTE_ABSENT);
  assert_int_equal(orb_record_vote(shipped, rc, country("YUG")), ORB_VOTE_NONMEMBER);
  assert_int_equal(orb_record_vote(shipped, rc, country("SRB")), ORB_VOTE_ABSENT);
  assert_int_equal(orb_record_vote(shipped, rc, country("DEU")), ORB_VOTE_YES);
  assert_int_equal(orb_record_vote(shipped, rc, country("NAM")), ORB_VOTE_ABSTAIN);
  size_t rus = country("RUS");
  orb_stance s;
  assert_true(orb_record_stance(shipped, rc, country("BLR"), rus, &s));
  assert_int_equal(s, ORB_STANCE_SUPPORT);
  assert_true(orb_record_stance(shipped, rc, country("UKR"), rus, &s));
  assert_int_equal(s, ORB_STANCE_CONDEMN);
  assert_true(orb_record_stance(shipped, rc, country("KAZ"), rus, &s));
  assert_int_equal(s, ORB_STANCE_SILENT);
  assert_true(orb_record_stance(shipped, rc, country("LAO"), rus, &s));
  assert_int_equal(s, ORB_STANCE_SILENT);
  /* no observation: a non-member; a patron that abstained (China) */
  assert_false(orb_record_stance(shipped, rc, country("YUG"), rus, &s));
  assert_false(orb_record_stance(shipped, rc, country("UKR"), country("CHN"), &s));
  /* stances relative to a patron that voted yes */
  assert_true(orb_record_stance(shipped, rc, country("RUS"), country("UKR"), &s));
  assert_int_equal(s, ORB_STANCE_CONDEMN);
  unsigned attrs = orb_record_rollcall_attrs(shipped, rc, rus);
  assert_true(attrs & (1u << ORB_ATTR_TERRITORIAL));
  assert_false(attrs & (1u << ORB_ATTR_NAMES_PATRON));
  assert_true(orb_record_rollcall_attrs(shipped, rc, country("UKR")) &
              (1u << ORB_ATTR_NAMES_PATRON));
}

static void test_agreement_exact(void **state) {
  (void)state;
  orb_record_tally years[1];
  memset(years, 0, sizeof years);
  orb_record_tally t = orb_record_agreement(shipped, country("BLR"), country("RUS"),
                                            orb_date_from_ymd(2014, 1, 1),
                                            orb_date_from_ymd(2015, 1, 1), years, NULL);
  assert_int_equal(t.total, 61);
  assert_int_equal(t.n[ORB_STANCE_SUPPORT], 51);
  assert_int_equal(t.n[ORB_STANCE_SILENT], 5);
  assert_int_equal(t.n[ORB_STANCE_CONDEMN], 5);
  assert_int_equal(years[0].total, 61);
  orb_record_tally topics[ORB_TOPIC_COUNT + 1];
  memset(topics, 0, sizeof topics);
  orb_record_agreement(shipped, country("KAZ"), country("RUS"), orb_date_from_ymd(2010, 1, 1),
                       orb_date_from_ymd(2020, 1, 1), NULL, topics);
  assert_int_equal(topics[ORB_TOPIC_NU].total, 138);
  assert_int_equal(topics[ORB_TOPIC_NU].n[ORB_STANCE_SUPPORT], 59);
  assert_int_equal(topics[ORB_TOPIC_NU].n[ORB_STANCE_CONDEMN], 78);
}

static void test_titles(void **state) {
  (void)state;
  char key[64];
  orb_record_title_key("Oil slick on Lebanese shores : resolution / adopted by the GA", key,
                       sizeof key);
  assert_string_equal(key, "oil slick on lebanese shores");
  orb_record_title_key("  The  SYRIAN Golan!", key, sizeof key);
  assert_string_equal(key, "the syrian golan");
  orb_record_title_key("abcdefghij", key, 5);
  assert_string_equal(key, "abcd");
  /* the Syrian Golan: from the description (2015), the short title (2016, whose
   * description is an agenda listing) and both (2019) */
  size_t t = orb_record_find_title(shipped, "The Syrian Golan");
  assert_true(t != ORB_NONE);
  int years = 0;
  for (size_t i = 0; i < shipped->rollcall_count; i++) {
    int y;
    orb_date_to_ymd(shipped->rollcalls[i].date, &y, NULL, NULL);
    if (shipped->rollcalls[i].title == t && (y == 2015 || y == 2016 || y == 2019)) years |= 1 << (y - 2015);
  }
  assert_int_equal(years, 1 | 2 | 16);
  assert_true(orb_record_find_title(shipped, "no such title at all") == ORB_NONE);
}

/* ---- malformed files ----------------------------------------------------------------- */

static const char *const tiny[5][2] = {
  {"countries.tsv", "# orbit-record countries 1\niso3\tiso2\tcow\tname\n"
                    "AAA\tAA\t1\tAlpha\nBBB\tBB\t2,3\tBeta\nCCC\tCC\t4\tGamma\nend\t3\n"},
  {"rollcalls.tsv",
   "# orbit-record rollcalls 1\nrcid\tsession\tdate\timportant\tamend\tpara\tunres\ttopics"
   "\tshort\tdescr\tvotes\n"
   "1\t1\t2000-01-01\t0\t0\t-\tR/1/1\thr\tFirst\tFirst text : resolution\tyna\n"
   "2\t1\t2000-01-02\t1\t0\t0\tR/1/2\tdi,nu\tSecond\tSecond text\tyy.\n"
   "3\t2\t2001-01-01\t-\t-\t-\tR/2/1\t-\tFirst\tFirst text\tny-\nend\t3\n"},
  {"capabilities.tsv", "# orbit-record capabilities 1\niso3\tyear\tmilex\tmilper\tirst\tpec\t"
                       "tpop\tupop\tcinc\nAAA\t2000\t1\t2\t3\t4\t5\t6\t0.5\n"
                       "BBB\t2000\t-\t-\t-\t-\t-\t-\t0.25\nend\t2\n"},
  {"alliances.tsv", "# orbit-record alliances 1\nfrom\tto\tfirst\tlast\tdefense\toffense\t"
                    "neutral\tnonagg\tconsul\nAAA\tBBB\t1990\t2010\t1\t0\t0\t0\t1\nend\t1\n"},
  {"conflicts.tsv", "# orbit-record conflicts 1\nconflict\tyear\tside_a\tside_a_2nd\tside_b"
                    "\tside_b_2nd\tincompatibility\tintensity\ttype\n"
                    "7\t1999\tAAA\t-\tBBB,CCC\t-\tterritory\t2\tinterstate\nend\t1\n"}};

/* Writes the tiny record into a new folder (dir[64]), with file `which` replaced by
 * `text` (len bytes) when text is not NULL. */
static void write_tiny(char *dir, int which, const char *text, size_t len) {
  strcpy(dir, "/tmp/orbit-record-test-XXXXXX");
  assert_non_null(mkdtemp(dir));
  for (int i = 0; i < 5; i++) {
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, tiny[i][0]);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    if (i == which && text) fwrite(text, 1, len, f);
    else fputs(tiny[i][1], f);
    fclose(f);
  }
}

static void remove_tiny(const char *dir) {
  for (int i = 0; i < 5; i++) {
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, tiny[i][0]);
    unlink(path);
  }
  rmdir(dir);
}

static void test_tiny_loads(void **state) {
  (void)state;
  char dir[64];
  write_tiny(dir, -1, NULL, 0);
  orb_diags diags;
  orb_diags_init(&diags);
  orb_record *r = NULL;
  assert_int_equal(orb_record_load(dir, &r, &diags), ORB_OK);
  assert_int_equal(r->country_count, 3);
  assert_int_equal(r->rollcall_count, 3);
  assert_int_equal(r->countries[1].cow[1], 3);
  assert_int_equal(orb_record_vote(r, 0, 2), ORB_VOTE_ABSTAIN);
  assert_int_equal(orb_record_vote(r, 1, 2), ORB_VOTE_ABSENT);
  assert_int_equal(orb_record_vote(r, 2, 2), ORB_VOTE_NONMEMBER);
  assert_int_equal(r->rollcalls[1].topics, (1u << ORB_TOPIC_DI) | (1u << ORB_TOPIC_NU));
  assert_int_equal(r->rollcalls[0].para, -1);
  assert_int_equal(r->rollcalls[0].title, r->rollcalls[2].title); /* "first text" */
  assert_int_equal(r->title_count, 2);
  assert_true(isnan(r->capabilities[1].milex));
  assert_int_equal(r->alliances[0].obligations, ORB_ATOP_DEFENSE | ORB_ATOP_CONSUL);
  assert_int_equal(r->conflicts[0].side_count[2], 2);
  assert_int_equal(r->conflict_sides[r->conflicts[0].side_start[2] + 1], 2);
  orb_record_free(r);
  orb_diags_free(&diags);
  remove_tiny(dir);
}

/* Loading the tiny record with file `which` replaced by text (len bytes, its
 * length when 0) fails with status and a diagnostic that contains expected. */
static void expect_bad(int which, const char *text, size_t len, orb_status status,
                       const char *expected) {
  char dir[64];
  if (!len) len = strlen(text);
  write_tiny(dir, which, text, len);
  orb_diags diags;
  orb_diags_init(&diags);
  orb_record *r = (orb_record *)1;
  orb_status st = orb_record_load(dir, &r, &diags);
  if (st != status || diags.count == 0) orb_diags_print(&diags, stdout);
  assert_int_equal(st, status);
  assert_null(r);
  assert_true(diags.count > 0);
  char line[512];
  snprintf(line, sizeof line, "%s:%d:%d: %s", diags.items[0].file, diags.items[0].line,
           diags.items[0].column, diags.items[0].message);
  if (!strstr(line, expected)) fail_msg("expected '%s' in '%s'", expected, line);
  orb_diags_free(&diags);
  remove_tiny(dir);
}

static void test_bad_files(void **state) {
  (void)state;
  const char *rc = tiny[1][1];
  char buf[1024];
  /* truncated inside the last line */
  size_t n = strlen(rc) - 3;
  expect_bad(1, rc, n, ORB_EPARSE, "rollcalls.tsv:6:1: the file ends inside a line");
  /* the closing line missing */
  n = (size_t)(strstr(rc, "end\t3") - rc);
  expect_bad(1, rc, n, ORB_EPARSE, "rollcalls.tsv:6:1: the file ends without its closing");
  /* the wrong count */
  snprintf(buf, sizeof buf, "%.*send\t4\n", (int)n, rc);
  expect_bad(1, buf, strlen(buf), ORB_EPARSE, "expected 'end<TAB>3'");
  /* text after the end */
  snprintf(buf, sizeof buf, "%sx\n", rc);
  expect_bad(1, buf, strlen(buf), ORB_EPARSE, "rollcalls.tsv:7:1: text after the closing");
  /* a bad vote character, the wrong number of them */
  snprintf(buf, sizeof buf, "%s", rc);
  *strstr(buf, "yy.") = 'q';
  expect_bad(1, buf, strlen(buf), ORB_EPARSE, "expected a vote character");
  snprintf(buf, sizeof buf, "%s", rc);
  memcpy(strstr(buf, "yy.\n"), "y.\n\n", 4);
  expect_bad(1, buf, strlen(buf), ORB_EPARSE, "expected 3 vote characters");
  /* a bad date, roll calls out of order, a bad topic, a bad flag */
  snprintf(buf, sizeof buf, "%s", rc);
  memcpy(strstr(buf, "2000-01-02"), "2000-02-30", 10);
  expect_bad(1, buf, strlen(buf), ORB_EPARSE, "rollcalls.tsv:4:");
  snprintf(buf, sizeof buf, "%s", rc);
  memcpy(strstr(buf, "2001-01-01"), "1999-01-01", 10);
  expect_bad(1, buf, strlen(buf), ORB_EPARSE, "date order");
  snprintf(buf, sizeof buf, "%s", rc);
  memcpy(strstr(buf, "di,nu"), "di,xx", 5);
  expect_bad(1, buf, strlen(buf), ORB_EPARSE, "expected topic codes");
  snprintf(buf, sizeof buf, "%s", rc);
  memcpy(strstr(buf, "\t1\t0\t0\t"), "\t7\t0\t0\t", 7);
  expect_bad(1, buf, strlen(buf), ORB_EPARSE, "expected 1, 0 or '-'");
  /* a wrong magic line, a wrong header, a NUL byte */
  expect_bad(0, "# orbit-record nations 1\n", 0, ORB_EPARSE, "countries.tsv:1:1: expected the first line");
  expect_bad(0, "# orbit-record countries 1\niso3\tname\nend\t0\n", 0, ORB_EPARSE,
             "countries.tsv:2:1: expected the column header");
  expect_bad(0, "# orbit-record countries 1\n\0", 28, ORB_EPARSE, "binary data");
  /* an unknown country, countries out of order, too many fields */
  expect_bad(3, "# orbit-record alliances 1\nfrom\tto\tfirst\tlast\tdefense\toffense\tneutral\t"
                "nonagg\tconsul\nAAA\tZZZ\t1990\t2010\t1\t0\t0\t0\t1\nend\t1\n", 0,
             ORB_EPARSE, "alliances.tsv:3:5: expected an ISO alpha-3 code of countries.tsv");
  expect_bad(0, "# orbit-record countries 1\niso3\tiso2\tcow\tname\nBBB\tBB\t1\tB\nAAA\tAA\t2\tA\nend\t2\n",
             0, ORB_EPARSE, "strictly increasing");
  expect_bad(2, "# orbit-record capabilities 1\niso3\tyear\tmilex\tmilper\tirst\tpec\ttpop\tupop\tcinc\n"
                "AAA\t2000\t1\t2\t3\t4\t5\t6\t-0.5\nend\t1\n", 0,
             ORB_EPARSE, "expected a number >= 0");
  /* a missing file */
  char dir[64];
  write_tiny(dir, -1, NULL, 0);
  char path[128];
  snprintf(path, sizeof path, "%s/conflicts.tsv", dir);
  unlink(path);
  orb_diags diags;
  orb_diags_init(&diags);
  orb_record *r = NULL;
  assert_int_equal(orb_record_load(dir, &r, &diags), ORB_EIO);
  assert_non_null(strstr(diags.items[0].message, "cannot open"));
  orb_diags_free(&diags);
  remove_tiny(dir);
}

/* ---- the model ---------------------------------------------------------------------- */

static void test_contributions_add_up(void **state) {
  (void)state;
  orb_record_model m;
  orb_record_model_init(&m);
  float x[ORB_RT_COUNT];
  double score[2], prob[3], contrib[2][ORB_RT_COUNT];
  for (int t = 0; t < ORB_RT_COUNT; t++) x[t] = (float)((t * 7 % 11) / 10.0);
  for (int k = 0; k < 2; k++)
    for (int t = 0; t < ORB_RT_COUNT; t++) m.w[k][t] = sin(1.0 + t + 40 * k) * 1.7;
  orb_record_predict(&m, x, score, prob, contrib);
  for (int k = 0; k < 2; k++) {
    double factor[ORB_RF_COUNT] = {0};
    for (int t = 0; t < ORB_RT_COUNT; t++) {
      assert_true(contrib[k][t] == m.w[k][t] * x[t]);
      factor[orb_record_term_factor((orb_record_term)t)] += contrib[k][t];
    }
    double sum = 0;
    for (int f = 0; f < ORB_RF_COUNT; f++) sum += factor[f];
    assert_true(sum == score[k]); /* exactly */
  }
  assert_true(fabs((prob[0] + prob[1] + prob[2]) - (1.0)) < 1e-12);
  /* every stance can be reached */
  for (int target = 0; target < 3; target++) {
    orb_record_model_init(&m);
    for (int t = 0; t < ORB_RT_COUNT; t++) x[t] = 0;
    x[ORB_RT_INTERCEPT] = 1;
    if (target == ORB_STANCE_SUPPORT) m.w[0][ORB_RT_INTERCEPT] = 20;
    if (target == ORB_STANCE_CONDEMN) m.w[1][ORB_RT_INTERCEPT] = 20;
    if (target == ORB_STANCE_SILENT) m.w[0][ORB_RT_INTERCEPT] = m.w[1][ORB_RT_INTERCEPT] = -20;
    orb_record_predict(&m, x, score, prob, NULL);
    assert_true(prob[target] > 0.999);
  }
  /* huge scores do not overflow */
  m.w[0][ORB_RT_INTERCEPT] = 1e6;
  orb_record_predict(&m, x, score, prob, NULL);
  assert_true(fabs((prob[ORB_STANCE_SUPPORT]) - (1.0)) < 1e-12);
  assert_false(isnan(prob[ORB_STANCE_SILENT]));
}

static void test_params_table(void **state) {
  (void)state;
  orb_record_model m;
  orb_record_model_init(&m);
  size_t n = orb_record_param_count();
  orb_record_param *rows = calloc(n, sizeof *rows);
  assert_int_equal(orb_record_params(&m, rows), n);
  for (size_t i = 0; i < n; i++) {
    assert_int_equal(strncmp(rows[i].name, "record_", 7), 0);
    assert_true(strlen(rows[i].meaning) > 10);
    for (size_t j = 0; j < i; j++) assert_string_not_equal(rows[i].name, rows[j].name);
  }
  assert_string_equal(rows[0].name, "record_l2");
  assert_string_equal(rows[8].name, "record_silent_bias");
  assert_string_equal(rows[9].name, "record_w_support_title_new");
  free(rows);
}

/* The model's parameters are in the world's registry: every row of its table is
 * registered with the model's default, and a world is checked against them. */
static void test_params_registered(void **state) {
  (void)state;
  orb_record_model m;
  orb_record_model_init(&m);
  size_t n = orb_record_param_count();
  assert_int_equal(n, 9 + 2 * ORB_RT_COUNT);
  orb_record_param *rows = calloc(n, sizeof *rows);
  orb_record_params(&m, rows);
  for (size_t i = 0; i < n; i++) {
    const orb_param_spec *spec = orb_param_spec_find(rows[i].name);
    assert_non_null(spec);
    assert_string_equal(spec->name, rows[i].name);
    assert_false(spec->family);
    assert_true(spec->value == rows[i].value);
    assert_true(spec->low <= spec->value && spec->value <= spec->high);
    assert_string_equal(spec->meaning, rows[i].meaning);
  }
  free(rows);
  const orb_param_spec *bias = orb_param_spec_find("record_silent_bias");
  assert_non_null(bias);
  assert_true(bias->value == 0 && bias->low == -5 && bias->high == 5);
  assert_non_null(orb_param_spec_find("record_w_condemn_procedural"));
  assert_null(orb_param_spec_find("record_w_support_nonesuch"));
  assert_true(m.title_decay == 0.5 && m.attr_half_life == 4.0 && m.major_cinc == 0.02);
  static const char head[] =
    "world: {name: t, start: 2000-01-01, end: 2030-12-31}\n"
    "actors:\n  - {id: AAA, name: A, kind: state}\n"
    "parameters:\n  - {name: %s, default: %s, range: [%s, %s], justification: test}\n";
  char yaml[512];
  snprintf(yaml, sizeof yaml, head, "record_title_decay", "0.6", "0.5", "0.7");
  orb_world *w = test_load_world_text(yaml);
  orb_world_free(w);
  /* out of the registered range [0, 1] */
  snprintf(yaml, sizeof yaml, head, "record_title_decay", "2", "0", "3");
  orb_diags diags;
  orb_diags_init(&diags);
  orb_world *bad = NULL;
  assert_int_not_equal(orb_world_load_buffer("w.yaml", yaml, strlen(yaml), &bad, &diags), ORB_OK);
  assert_null(bad);
  assert_true(diags.count > 0);
  assert_non_null(strstr(diags.items[0].message, "record_title_decay"));
  orb_diags_free(&diags);
}

/* The decision offset of silence: the decision, the tallies, the choice on a grid. */
static void test_silence_offset(void **state) {
  (void)state;
  orb_record_model m;
  orb_record_model_init(&m);
  double prob[3] = {0.40, 0.35, 0.25};
  assert_int_equal(orb_record_decide(&m, prob), ORB_STANCE_SUPPORT);
  m.silent_bias = 0.13; /* e^0.13 * 0.35 = 0.3986 < 0.40 */
  assert_int_equal(orb_record_decide(&m, prob), ORB_STANCE_SUPPORT);
  m.silent_bias = 0.14; /* 0.4026 > 0.40 */
  assert_int_equal(orb_record_decide(&m, prob), ORB_STANCE_SILENT);
  double tie[3] = {0.3, 0.3, 0.4};
  m.silent_bias = 0;
  assert_int_equal(orb_record_decide(&m, tie), ORB_STANCE_CONDEMN);
  orb_record_tallies t;
  memset(&t, 0, sizeof t);
  orb_record_tallies_add_decided(&t, ORB_STANCE_SUPPORT, prob, ORB_STANCE_SILENT);
  assert_int_equal(t.n, 1);
  assert_int_equal(t.confusion[ORB_STANCE_SUPPORT][ORB_STANCE_SILENT], 1);
  assert_true(fabs(t.brier - (0.36 + 0.1225 + 0.0625)) < 1e-12);
  assert_true(fabs(t.log_loss - (-log(0.40))) < 1e-12);
  /* 8 support rows with P = (.5, .4, .1), 4 silent rows with (.46, .44, .1), 2
   * condemn rows with (.1, .2, .7), each class marked by one term: a silent row
   * turns silent from a bias of ln(.46/.44) = 0.0445, a support row from
   * ln(.5/.4) = 0.223; so the grid's 0.05 ... 0.20 get every row right */
  static const double p[3][3] = {{.5, .4, .1}, {.46, .44, .1}, {.1, .2, .7}};
  orb_record_model_init(&m);
  for (int k = 0; k < 3; k++) {
    m.w[0][ORB_RT_TITLE_LAST_AGREE + k] = log(p[k][0] / p[k][1]);
    m.w[1][ORB_RT_TITLE_LAST_AGREE + k] = log(p[k][2] / p[k][1]);
  }
  float x[14 * ORB_RT_COUNT];
  uint8_t stance[14], train[14];
  int16_t year[14];
  memset(x, 0, sizeof x);
  for (int i = 0; i < 14; i++) {
    int k = i < 8 ? 0 : i < 12 ? 1 : 2;
    stance[i] = (uint8_t)k;
    train[i] = 1;
    year[i] = 2001;
    x[i * ORB_RT_COUNT + ORB_RT_TITLE_LAST_AGREE + k] = 1;
  }
  orb_record_rows rows;
  memset(&rows, 0, sizeof rows);
  rows.count = 14;
  rows.x = x;
  rows.stance = stance;
  rows.train = train;
  rows.year = year;
  record_silence_conf conf;
  memset(&conf, 0, sizeof conf);
  record_silence_tally(&m, &rows, 2001, &conf);
  record_silence_tally(&m, &rows, 2002, &conf); /* no row of 2002: adds nothing */
  assert_int_equal(conf.n[0][ORB_STANCE_SILENT][ORB_STANCE_SUPPORT], 4);
  assert_int_equal(conf.n[1][ORB_STANCE_SILENT][ORB_STANCE_SILENT], 4);
  assert_int_equal(conf.n[4][ORB_STANCE_SUPPORT][ORB_STANCE_SUPPORT], 8);
  assert_int_equal(conf.n[5][ORB_STANCE_SUPPORT][ORB_STANCE_SILENT], 8);
  assert_int_equal(conf.n[4][ORB_STANCE_CONDEMN][ORB_STANCE_CONDEMN], 2);
  assert_int_equal(conf.n[40][ORB_STANCE_CONDEMN][ORB_STANCE_SILENT], 2); /* e^2 * .2 > .7 */
  assert_true(record_silence_choose(&conf) == record_silence_bias(1));
  assert_true(fabs(record_silence_bias(1) - 0.05) < 1e-15);
  assert_true(record_silence_bias(RECORD_SILENCE_GRID - 1) == 2.0);
}

/* The features of one pair on a date equal those of the same roll call in the rows. */
static void test_feature_paths_agree(void **state) {
  (void)state;
  orb_record_model m;
  orb_record_model_init(&m);
  size_t rus = country("RUS");
  orb_record_rows_spec spec = {&rus, 1, 3000, 1, 2014, 2014, NULL};
  orb_record_rows rows;
  assert_int_equal(orb_record_rows_build(shipped, &m, &spec, &rows), ORB_OK);
  size_t rc = rollcall(5309), checked = 0;
  for (size_t i = 0; i < rows.count; i++) {
    if (rows.rc[i] != rc) continue;
    float x[ORB_RT_COUNT];
    assert_int_equal(orb_record_features_at(shipped, &m, rows.actor[i], rus,
                                            shipped->rollcalls[rc].date,
                                            orb_record_rollcall_attrs(shipped, rc, rus),
                                            shipped->rollcalls[rc].title,
                                            shipped->rollcalls[rc].stem, ORB_VOTE_NO, x),
                     ORB_OK);
    assert_memory_equal(x, rows.x + i * ORB_RT_COUNT, sizeof x);
    if (++checked == 12) break;
  }
  assert_int_equal(checked, 12);
  orb_record_rows_free(&rows);
}

/* A world with China as the patron, explained with parameters fitted on the record
 * before its date, the same code as for Russia. */
static void test_china_world(void **state) {
  (void)state;
  orb_world *w = test_load_world("tests/record/worlds/china.yaml");
  orb_diags diags;
  orb_diags_init(&diags);
  orb_record_model m;
  orb_record_model_init(&m);
  assert_int_equal(orb_record_fit_before(shipped, &m, w->issues[0].date, &diags), ORB_OK);
  assert_true(m.rows > 200000);
  orb_record_prediction *p = NULL;
  size_t count = 0;
  assert_int_equal(orb_record_predict_issue(shipped, &m, w, 0, ORB_DATE_NONE, &p, &count, &diags), ORB_OK);
  assert_int_equal(count, 12); /* every state but China; not ASEAN */
  size_t right = 0, right_argmax = 0;
  double support[16] = {0};
  for (size_t i = 0; i < count; i++) {
    double s0 = 0, s1 = 0;
    for (int f = 0; f < ORB_RF_COUNT; f++) {
      s0 += p[i].factor[0][f];
      s1 += p[i].factor[1][f];
    }
    assert_true(s0 == p[i].score[0] && s1 == p[i].score[1]);
    assert_true(fabs((p[i].prob[0] + p[i].prob[1] + p[i].prob[2]) - (1.0)) < 1e-12);
    assert_true(p[i].observed != ORB_NONE);
    right += w->issues[0].options[p[i].observed].stance == p[i].predicted;
    int best = 0;
    for (int k = 1; k < 3; k++)
      if (p[i].prob[k] > p[i].prob[best]) best = k;
    right_argmax += w->issues[0].options[p[i].observed].stance == (orb_stance)best;
    support[p[i].actor] = p[i].prob[ORB_STANCE_SUPPORT];
  }
  size_t khm = orb_world_actor(w, "KHM"), jpn = orb_world_actor(w, "JPN"),
         kor = orb_world_actor(w, "KOR"), vnm = orb_world_actor(w, "VNM");
  /* Cambodia and Vietnam, which voted with China, are likelier to than Japan and
   * South Korea, which did not; revealed alignment pulls them apart */
  assert_true(support[khm] > 2 * support[jpn] && support[khm] > 2 * support[kor]);
  assert_true(support[vnm] > 2 * support[jpn]);
  for (size_t i = 0; i < count; i++) {
    if (p[i].actor == khm) {
      /* support even with the decision offset of silence (fitted before 2019:
       * 0.3, e^0.3 * 0.236 < 0.596) */
      assert_int_equal(p[i].predicted, ORB_STANCE_SUPPORT);
      assert_true(p[i].factor[0][ORB_RF_RECORD] - p[i].factor[1][ORB_RF_RECORD] > 0.5);
    }
    if (p[i].actor == kor) {
      assert_int_equal(p[i].predicted, ORB_STANCE_CONDEMN);
      assert_true(p[i].factor[0][ORB_RF_RECORD] - p[i].factor[1][ORB_RF_RECORD] < -0.5);
    }
  }
  assert_true(fabs(m.silent_bias - 0.3) < 1e-12);
  /* of 12 (a third, 4, by chance); the most probable stance is right once more
   * (Laos: 0.406 support, 0.381 silent) */
  assert_int_equal(right, 10);
  assert_int_equal(right_argmax, 11);
  free(p);
  /* a world whose patron is no UN member */
  orb_world *bad = test_load_world_text(
      "world: {name: t, start: 2000-01-01, end: 2030-12-31}\n"
      "actors:\n  - {id: XXA, name: A, kind: state}\n  - {id: CHN, name: China, kind: state}\n"
      "issues:\n  - id: I\n    title: T\n    date: 2010-01-01\n    patron: XXA\n"
      "    assumption: test\n    options: [{id: 'yes', stance: condemn}]\n");
  assert_int_equal(orb_record_predict_issue(shipped, &m, bad, 0, ORB_DATE_NONE, &p, &count, &diags),
                   ORB_EINVAL);
  assert_non_null(strstr(diags.items[diags.count - 1].message, "no UN member"));
  orb_world_free(bad);
  orb_diags_free(&diags);
  orb_world_free(w);
}

/* ---- orbit votes --------------------------------------------------------------------- */

/* orbit stance --record: the record model's explained predictions through the
 * session and the report; the library's result for a bad issue. */
static void test_stance_record(void **state) {
  (void)state;
  int code;
  char *out = test_run_orbit("stance --issue ES-11/1 --record --json", TEST_STDOUT, &code);
  assert_int_equal(code, 0);
  cJSON *root = cJSON_Parse(out);
  assert_non_null(root);
  assert_string_equal(cJSON_GetObjectItem(root, "model")->valuestring, "record");
  assert_int_equal(cJSON_GetObjectItem(root, "fitted_before")->valueint, 2021);
  /* the shipped parameters (data/record/stance-params.yaml) */
  assert_true(fabs(cJSON_GetObjectItem(root, "silent_bias")->valuedouble - 0.5) < 1e-12);
  cJSON *preds = cJSON_GetObjectItem(root, "predictions");
  assert_int_equal(cJSON_GetArraySize(preds), 21); /* the UN members but Russia */
  size_t right = 0, observed = 0;
  for (int i = 0; i < cJSON_GetArraySize(preds); i++) {
    cJSON *p = cJSON_GetArrayItem(preds, i);
    const char *actor = cJSON_GetObjectItem(p, "actor")->valuestring;
    const char *predicted = cJSON_GetObjectItem(p, "predicted")->valuestring;
    cJSON *obs = cJSON_GetObjectItem(p, "observed");
    if (!cJSON_IsNull(obs)) {
      observed++;
      right += strcmp(cJSON_GetObjectItem(obs, "stance")->valuestring, predicted) == 0;
    }
    /* the terms add up to their factor, the factors to the score */
    cJSON *score = cJSON_GetObjectItem(p, "score"), *factors = cJSON_GetObjectItem(p, "factors");
    assert_int_equal(cJSON_GetArraySize(factors), ORB_RF_COUNT);
    for (int k = 0; k < 2; k++) {
      const char *side = k ? "condemn" : "support";
      double total = 0;
      int terms = 0;
      for (int f = 0; f < ORB_RF_COUNT; f++) {
        cJSON *fo = cJSON_GetArrayItem(factors, f), *tl = cJSON_GetObjectItem(fo, "terms");
        double sum = 0;
        for (int t = 0; t < cJSON_GetArraySize(tl); t++, terms++)
          sum += cJSON_GetObjectItem(cJSON_GetArrayItem(tl, t), side)->valuedouble;
        assert_true(fabs(sum - cJSON_GetObjectItem(fo, side)->valuedouble) < 1e-12);
        total += cJSON_GetObjectItem(fo, side)->valuedouble;
      }
      assert_int_equal(terms, ORB_RT_COUNT);
      assert_true(fabs(total - cJSON_GetObjectItem(score, side)->valuedouble) < 1e-12);
    }
    if (strcmp(actor, "BLR") == 0) {
      cJSON *prob = cJSON_GetObjectItem(p, "probabilities");
      assert_true(fabs(cJSON_GetObjectItem(prob, "support")->valuedouble - 0.062) < 0.0005);
      assert_true(fabs(cJSON_GetObjectItem(prob, "condemn")->valuedouble - 0.531) < 0.0005);
      assert_string_equal(predicted, "silent");
    }
    if (strcmp(actor, "ARM") == 0 || strcmp(actor, "TKM") == 0)
      assert_string_equal(predicted, "silent");
  }
  assert_int_equal(observed, 20);
  assert_int_equal(right, 13);
  cJSON_Delete(root);
  free(out);
  /* the record model is the default where the patron is a UN member; --model world
   * and a world of no UN member give the world's own model */
  test_expect_orbit("stance --issue ES-11/1", 0, "Record model: ES-11/1 (2022-03-02), patron RUS");
  test_expect_orbit("stance --issue ES-11/1", 0, "\nBLR      0.062   0.407   0.531  silent");
  test_expect_orbit("stance --issue ES-11/1 --csv", 0, "\nBLR,");
  test_expect_orbit("stance --issue ES-11/1 --date 2019-06-01", 0,
                    "Record model: ES-11/1 (2019-06-01)");
  test_expect_orbit("stance --issue ES-11/1 --model world", 0, "Issue ES-11/1:");
  test_expect_orbit("stance --world tests/stance/worlds/mini.yaml --issue I-2022", 0,
                    "Issue I-2022:");
  test_expect_orbit("stance --world tests/stance/worlds/mini.yaml --issue I-2022 --model record",
                    1, "is no UN member");
  test_expect_orbit("stance --issue ES-11/1 --model best", 2, "--model expects 'record' or 'world'");
  char *plain = test_run_orbit("stance --issue ES-11/1", TEST_STDOUT, &code);
  assert_int_equal(code, 0);
  assert_null(strstr(plain, "Issue ES-11/1:")); /* the record model alone */
  free(plain);
  /* a world's own record_* parameter takes the shipped one's place */
  char *params = test_write_temp("parameters:\n  - name: record_silent_bias\n    default: 3\n"
                                 "    range: [-5, 5]\n    justification: test\n");
  char args[512];
  snprintf(args, sizeof args, "stance --issue ES-11/1 --params %s --json", params);
  out = test_run_orbit(args, TEST_STDOUT, &code);
  assert_int_equal(code, 0);
  root = cJSON_Parse(out);
  assert_true(cJSON_GetObjectItem(root, "silent_bias")->valuedouble == 3);
  cJSON_Delete(root);
  free(out);
  unlink(params);
  free(params);
  /* both tables */
  test_expect_orbit("stance --issue KURSK-2024 --record", 0, "right: 7 of 7 observed");
  test_expect_orbit("stance --issue KURSK-2024 --record", 0, "Record model: KURSK-2024");
  /* the library: an issue out of range */
  orb_session *session = NULL;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_session_options load = {.world_path = "tests/record/worlds/china.yaml"};
  assert_int_equal(orb_session_load(&load, &session, &diags), ORB_OK);
  orb_record_stances *rs = (orb_record_stances *)1;
  assert_int_equal(orb_record_stances_new(session, shipped, 5, ORB_DATE_NONE, &rs, &diags), ORB_EINVAL);
  assert_null(rs);
  assert_non_null(strstr(diags.items[diags.count - 1].message, "no issue 5"));
  orb_session_free(session);
  orb_diags_free(&diags);
}

/* The shipped parameters are the fit on the whole record: a fresh fit (the same
 * command's) matches them, --write-params writes the same numbers, a world's own
 * parameter takes the place of the shipped one, and a missing file is a clear error. */
static void test_shipped_params(void **state) {
  (void)state;
  orb_world *w = test_load_world("tests/record/worlds/china.yaml");
  orb_diags diags;
  orb_diags_init(&diags);
  orb_record_model read, fresh;
  assert_int_equal(orb_record_model_read(w, &read, &diags), ORB_OK);
  orb_record_model_init(&fresh);
  assert_int_equal(orb_record_fit_before(shipped, &fresh, ORB_DATE_NONE, &diags), ORB_OK);
  assert_true(fabs(read.silent_bias - fresh.silent_bias) < 1e-12);
  for (int k = 0; k < 2; k++)
    for (int t = 0; t < ORB_RT_COUNT; t++)
      assert_true(fabs(read.w[k][t] - fresh.w[k][t]) < 1e-6 * (1 + fabs(fresh.w[k][t])));
  /* written and read back: the same numbers, exactly */
  char *path = test_write_temp("");
  assert_int_equal(orb_record_model_write(path, &fresh, "test", &diags), ORB_OK);
  orb_world *with = NULL;
  assert_int_equal(orb_world_with_params(w, path, &with, &diags), ORB_OK);
  for (int t = 0; t < ORB_RT_COUNT; t++) {
    char name[96];
    snprintf(name, sizeof name, "record_w_condemn_%s", orb_record_term_name((orb_record_term)t));
    assert_true(orb_world_param_value(with, name) == fresh.w[1][t]);
  }
  /* a world's own entry wins over the shipped one */
  orb_record_model over;
  orb_world *own = NULL;
  char *one = test_write_temp("parameters:\n  - name: record_silent_bias\n    default: 1.5\n"
                              "    range: [-5, 5]\n    justification: test\n");
  assert_int_equal(orb_world_with_params(w, one, &own, &diags), ORB_OK);
  assert_int_equal(orb_record_model_read(own, &over, &diags), ORB_OK);
  assert_true(over.silent_bias == 1.5 && over.w[0][3] == read.w[0][3]);
  /* a foreign file is not overwritten */
  assert_int_equal(orb_record_model_write("tests/record/worlds/china.yaml", &fresh, NULL, &diags),
                   ORB_EINVAL);
  /* no parameter file */
  setenv("ORBIT_RECORD_DIR", "/nonexistent-orbit-dir", 1);
  assert_int_not_equal(orb_record_model_read(w, &over, &diags), ORB_OK);
  assert_non_null(strstr(diags.items[diags.count - 1].message, "--write-params"));
  unsetenv("ORBIT_RECORD_DIR");
  unlink(path);
  unlink(one);
  free(path);
  free(one);
  orb_world_free(own);
  orb_world_free(with);
  orb_world_free(w);
  orb_diags_free(&diags);
}

static void test_votes_cli(void **state) {
  (void)state;
  test_expect_orbit("votes --with RUS --actor BLR --from 2014 --to 2014", 0,
                    "BLR    2014          61      51       5       5     0.836");
  test_expect_orbit("votes --with RUS --actor KAZ --by topic --from 2010 --to 2019 --csv", 0,
                    "KAZ,RUS,nu,138,59,1,78,0.4275");
  test_expect_orbit("votes --with RUS --actor XYZ", 1, "unknown actor 'XYZ'");
  test_expect_orbit("votes --with CSTO", 1, "'CSTO' of");
  test_expect_orbit("votes --with CSTO", 1, "is no UN member");
  test_expect_orbit("votes --with RUS --from 2020-02-01", 1, "outside the record (1946-01-01 .. 2020-01-14)");
  test_expect_orbit("votes --with RUS --from 1945", 1, "outside the record");
  test_expect_orbit("votes --with RUS --by month", 2, "--by expects 'year' or 'topic'");
  test_expect_orbit("votes", 2, "--with ID is required");
  test_expect_orbit("votes --with RUS --csv --json", 2, "exclude each other");
  test_expect_orbit("votes --world tests/record/worlds/china.yaml --with CHN --from 2019 --to 2019", 0,
                    "KHM    2019");
  /* a world none of whose actors is a UN member */
  char *none = test_write_temp("world: {name: t, start: 2000-01-01, end: 2030-12-31}\n"
                               "actors:\n  - {id: XXA, name: A, kind: state}\n"
                               "  - {id: XXB, name: B, kind: state}\n");
  char args[512];
  snprintf(args, sizeof args, "votes --world %s --with RUS", none);
  test_expect_orbit(args, 1, "is a UN member in the record (states are matched by ISO alpha-3 id)");
  snprintf(args, sizeof args, "votes --world %s --with XXA", none);
  test_expect_orbit(args, 1, "actor 'XXA' of");
  unlink(none);
  free(none);
  test_expect_orbit("votes --with RUS --from 2019 --to 2018", 1, "outside the record (1946-01-01 .. 2020-01-14) or out of order");
  int code;
  char *out = test_run_orbit("votes --with RUS --actor UKR,GEO --from 2019 --json", TEST_STDOUT, &code);
  assert_int_equal(code, 0);
  cJSON *root = cJSON_Parse(out);
  assert_non_null(root);
  cJSON *rows = cJSON_GetObjectItem(root, "rows");
  assert_int_equal(cJSON_GetArraySize(rows), 6); /* 2019, 2020, all; for each */
  cJSON *first = cJSON_GetArrayItem(rows, 0);
  assert_string_equal(cJSON_GetObjectItem(first, "actor")->valuestring, "UKR");
  double n = cJSON_GetObjectItem(first, "roll_calls")->valuedouble;
  double sum = cJSON_GetObjectItem(first, "agree")->valuedouble +
               cJSON_GetObjectItem(first, "silent")->valuedouble +
               cJSON_GetObjectItem(first, "oppose")->valuedouble;
  assert_true(n > 50 && n == sum);
  cJSON_Delete(root);
  free(out);
}

/* Blocs from behaviour: the record puts Georgia and Moldova with the West, and the
 * blocs agree better with the next year's votes than those of the ties alone. */
static void test_align_record(void **state) {
  (void)state;
  int code;
  char *out = test_run_orbit("align --record --date 2019-01-01", TEST_STDOUT, &code);
  assert_int_equal(code, 0);
  const char *both = strstr(out, "ties + record:");
  assert_non_null(both);
  const char *b2 = strstr(both, "bloc 2:");
  assert_non_null(b2);
  char line[256];
  snprintf(line, sizeof line, "%.*s", (int)strcspn(b2, "\n"), b2);
  assert_non_null(strstr(line, " GEO"));
  assert_non_null(strstr(line, " MDA"));
  assert_non_null(strstr(line, " USA"));
  assert_null(strstr(line, " BLR"));
  double acc[3];
  const char *p = out;
  for (int i = 0; i < 3; i++) {
    p = strstr(p, "median) ");
    assert_non_null(p);
    p += 8;
    acc[i] = atof(p);
  }
  assert_true(acc[1] > acc[0] && acc[2] > acc[0]); /* record and both beat the ties */
  free(out);
  /* the agreement of a pair, exactly */
  size_t n;
  double a = orb_record_vote_agreement(shipped, country("BLR"), country("RUS"),
                                       orb_date_from_ymd(2014, 1, 1),
                                       orb_date_from_ymd(2015, 1, 1), &n);
  assert_int_equal(n, 73); /* both voted on 73 roll calls of 2014, the same way on 56 */
  assert_true(a == 56.0 / 73.0);
  test_expect_orbit("align --record --years 0", 2, "--years expects a number");
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_shipped_counts),
    cmocka_unit_test(test_votes_68_262),
    cmocka_unit_test(test_agreement_exact),
    cmocka_unit_test(test_titles),
    cmocka_unit_test(test_tiny_loads),
    cmocka_unit_test(test_bad_files),
    cmocka_unit_test(test_contributions_add_up),
    cmocka_unit_test(test_params_table),
    cmocka_unit_test(test_silence_offset),
    cmocka_unit_test(test_params_registered),
    cmocka_unit_test(test_feature_paths_agree),
    cmocka_unit_test(test_china_world),
    cmocka_unit_test(test_stance_record),
    cmocka_unit_test(test_shipped_params),
    cmocka_unit_test(test_votes_cli),
    cmocka_unit_test(test_align_record),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
