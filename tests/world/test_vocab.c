/*
 * test_vocab.c: the world's vocabulary and rules, used the same way by every
 * model: the vocabulary tables, the parameter registry and its checks at load,
 * the event-time rule (stance and align count a partly dated event alike), the
 * rule for a tie before its first recorded year (world query, stance features
 * and align derivation agree), and --params.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "common/testutil.h"
#include "orbit/orbit.h"

static orb_date ymd(int y, int m, int d) { return orb_date_from_ymd(y, m, d); }

/* Loads yaml expecting failure; returns the diagnostics (caller frees). */
static orb_diags load_fails(const char *name, const char *yaml) {
  orb_diags diags;
  orb_diags_init(&diags);
  orb_world *w = (orb_world *)1;
  assert_int_equal(orb_world_load_buffer(name, yaml, strlen(yaml), &w, &diags), ORB_EPARSE);
  assert_null(w);
  return diags;
}

/* Asserts that diags holds a message at line:column containing text. */
static void assert_diag(const orb_diags *diags, int line, int column, const char *text) {
  for (size_t i = 0; i < diags->count; i++)
    if (diags->items[i].line == line && diags->items[i].column == column &&
        strstr(diags->items[i].message, text))
      return;
  orb_diags_print(diags, stdout);
  fail_msg("no diagnostic at %d:%d with '%s'", line, column, text);
}

/* ---- the vocabulary tables --------------------------------------------------- */

/* Every name of every table round-trips, is listed in docs/WORLD.md, and the
 * properties the models read are those documented. */
static void test_vocabulary_tables(void **state) {
  (void)state;
  char *doc = test_read_file("docs/WORLD.md", NULL);
  assert_non_null(doc);
  char quoted[64];
  int security = 0;
  for (int t = 0; t < ORB_TIE_TYPE_COUNT; t++) {
    const orb_tie_type_info *info = orb_tie_type_get((orb_tie_type)t);
    orb_tie_type found;
    assert_int_equal(orb_tie_type_find(info->name, &found), ORB_OK);
    assert_int_equal(found, t);
    assert_true(info->meaning && info->meaning[0]);
    assert_int_equal(info->dated, info->security); /* the dated ones are the security ones */
    security += info->security;
    snprintf(quoted, sizeof quoted, "| `%s` |", info->name);
    assert_non_null(strstr(doc, quoted));
  }
  assert_int_equal(security, 3);
  assert_true(orb_tie_type_get(ORB_TIE_MILITARY_PRESENCE)->channel == ORB_CHANNEL_PRESENCE);
  assert_true(orb_tie_type_get(ORB_TIE_LANGUAGE)->channel == ORB_CHANNEL_SOCIAL);
  assert_true(orb_tie_type_get(ORB_TIE_TRANSIT)->channel == ORB_CHANNEL_ENERGY);
  assert_null(orb_tie_type_get(ORB_TIE_TYPE_COUNT));
  assert_string_equal(orb_tie_type_name(ORB_TIE_TYPE_COUNT), "unknown");

  int defence = 0;
  for (int c = 0; c < ORB_COMMITMENT_COUNT; c++) {
    const orb_commitment_info *info = orb_commitment_get((orb_commitment)c);
    orb_commitment found;
    assert_int_equal(orb_commitment_find(info->name, &found), ORB_OK);
    assert_int_equal(found, c);
    defence += info->defence;
    snprintf(quoted, sizeof quoted, "| `%s` |", info->name);
    assert_non_null(strstr(doc, quoted));
  }
  assert_int_equal(defence, 1);
  assert_true(orb_commitment_get(ORB_COMMITMENT_MUTUAL_DEFENCE)->defence);
  assert_int_equal(orb_commitment_get(ORB_COMMITMENT_POLITICAL_UNION)->bond, ORB_BOND_SECURITY);
  assert_int_equal(orb_commitment_get(ORB_COMMITMENT_CUSTOMS_UNION)->bond, ORB_BOND_ECONOMY);
  assert_int_equal(orb_commitment_get(ORB_COMMITMENT_POLITICAL)->bond, ORB_BOND_NONE);
  orb_commitment none;
  assert_int_equal(orb_commitment_find("mutual_defense", &none), ORB_ENOTFOUND);

  int tones[5] = {0};
  for (int e = 0; e < ORB_EV_TYPE_COUNT; e++) {
    const orb_event_type_info *info = orb_event_type_get((orb_event_type)e);
    assert_true(info->meaning && info->meaning[0]);
    tones[info->tone]++;
    snprintf(quoted, sizeof quoted, "`%s`", info->name);
    assert_non_null(strstr(doc, quoted));
  }
  assert_int_equal(tones[ORB_TONE_VIOLENT], 3);
  assert_int_equal(tones[ORB_TONE_COERCIVE], 2);
  assert_int_equal(tones[ORB_TONE_HOSTILE], 6);
  assert_int_equal(tones[ORB_TONE_COOPERATIVE], 5);
  assert_int_equal(tones[ORB_TONE_NEUTRAL], 6);
  free(doc);
}

/* `commitment: mutual_defense` (US spelling) is refused at its position with a
 * hint to the British spelling, as is an unknown tie type. */
static void test_misspelt_words_rejected(void **state) {
  (void)state;
  const char *yaml =
    "world: {name: T, start: 2000-01-01, end: 2030-12-31}\n"
    "actors:\n"
    "  - {id: AAA, name: A, kind: state}\n"
    "  - {id: BBB, name: B, kind: state}\n"
    "  - {id: PACT, name: Pact, kind: organisation}\n"
    "ties:\n"
    "  - {from: BBB, to: AAA, type: enrgy, values: [{value: 0.5, year: 2020, source: s}]}\n"
    "institutions:\n"
    "  - id: PACT\n"
    "    commitment: mutual_defense\n"
    "    source: s\n"
    "    members: [{actor: AAA, joined: 2000-01-01, source: s}]\n";
  orb_diags diags = load_fails("words.yaml", yaml);
  assert_int_equal(diags.count, 2);
  assert_diag(&diags, 7, 32, "unknown type 'enrgy' (did you mean 'energy'?)");
  assert_diag(&diags, 10, 17,
              "unknown commitment 'mutual_defense' (did you mean 'mutual_defence'?)");
  assert_string_equal(diags.items[0].file, "words.yaml");
  orb_diags_free(&diags);
  /* The command says the same, FILE:LINE:COL first. */
  char *path = test_write_temp(yaml);
  char args[256];
  snprintf(args, sizeof args, "world --check %s", path);
  char expected[256];
  snprintf(expected, sizeof expected,
           "%s:10:17: error: institution 'PACT': unknown commitment 'mutual_defense' "
           "(did you mean 'mutual_defence'?)", path);
  test_expect_orbit(args, 1, expected);
  remove(path);
  free(path);
}

/* ---- the parameter registry ---------------------------------------------------- */

static void test_registry_lookup(void **state) {
  (void)state;
  size_t count = orb_param_spec_count();
  assert_true(count >= 16 + 9 + 10);
  for (size_t i = 0; i < count; i++) {
    const orb_param_spec *spec = orb_param_spec_at(i);
    assert_true(spec->low <= spec->value && spec->value <= spec->high);
    assert_true(spec->meaning && spec->meaning[0]);
    if (!spec->family) assert_ptr_equal(orb_param_spec_find(spec->name), spec);
  }
  assert_null(orb_param_spec_at(count));
  const orb_param_spec *victim = orb_param_spec_find("stance_x_victim_names_patron");
  assert_non_null(victim);
  assert_string_equal(victim->name, "stance_x_victim_");
  assert_true(victim->family && victim->high == 0);
  assert_null(orb_param_spec_find("stance_x_victim_")); /* a family needs its suffix */
  assert_null(orb_param_spec_find("stance_w_economc"));
  assert_string_equal(orb_param_spec_closest("stance_w_economc"), "stance_w_economic");
  assert_string_equal(orb_param_spec_closest("align.alliance_weigth"), "align.alliance_weight");
  assert_true(orb_param_spec_find("align.size_exponent")->value == 0.5);
}

/* Misspelt stance_* and align.* parameters, a value outside the admissible range
 * and a value of the wrong type are refused at load with FILE:LINE:COL. */
static void test_parameters_checked_at_load(void **state) {
  (void)state;
  const char *yaml =
    "world: {name: T, start: 2000-01-01, end: 2030-12-31}\n"
    "actors:\n"
    "  - {id: AAA, name: A, kind: state}\n"
    "parameters:\n"
    "  - {name: stance_w_alliance, default: 2, range: [0, 100], justification: fine}\n"
    "  - {name: stance_half_lfe_years, default: 5, range: [1, 9], justification: typo}\n"
    "  - {name: align.hostile_event_wieght, default: 1, range: [0, 2], justification: typo}\n"
    "  - {name: align.size_exponent, default: 9, range: [0, 10], justification: too big}\n"
    "  - {name: stance_member_observer, default: [1], range: [0, 1], justification: a list}\n";
  orb_diags diags = load_fails("p.yaml", yaml);
  assert_diag(&diags, 6, 12, "(did you mean 'stance_half_life_years'?)");
  assert_diag(&diags, 7, 12, "(did you mean 'align.hostile_event_weight'?)");
  assert_diag(&diags, 8, 42, "default 9 is outside the admissible range [0, 4]");
  assert_diag(&diags, 8, 56, "range end 10 is outside the admissible range [0, 4]");
  assert_diag(&diags, 9, 46, "'default' must be a number, got a list");
  assert_int_equal(diags.count, 5);
  orb_diags_free(&diags);
}

/* Registered parameters reach the models: a world value, else the default. */
static void test_param_values(void **state) {
  (void)state;
  orb_world *w = test_load_world_text(
    "world: {name: T, start: 2000-01-01, end: 2030-12-31}\n"
    "actors: [{id: AAA, name: A, kind: state}]\n"
    "parameters:\n"
    "  - {name: align.baseline_repulsion, default: 0.3, range: [0, 1], justification: j}\n");
  assert_true(orb_world_param_value(w, "align.baseline_repulsion") == 0.3);
  assert_true(orb_world_param_value(w, "align.size_exponent") == 0.5);
  assert_true(isnan(orb_world_param_value(w, "no_such_parameter")));
  orb_world_free(w);
}

/* docs/WORLD.md holds exactly the table `orbit help parameters` prints. */
static void test_docs_list_the_registry(void **state) {
  (void)state;
  int code = -1;
  char *table = test_run_orbit("help parameters", TEST_STDOUT, &code);
  assert_int_equal(code, 0);
  char *doc = test_read_file("docs/WORLD.md", NULL);
  assert_non_null(doc);
  const char *begin_mark = "<!-- orbit help parameters: begin -->\n";
  char *begin = strstr(doc, begin_mark), *end = strstr(doc, "<!-- orbit help parameters: end -->");
  assert_non_null(begin);
  assert_non_null(end);
  begin += strlen(begin_mark);
  *end = '\0';
  if (strcmp(begin, table) != 0)
    fail_msg("docs/WORLD.md's registered parameters differ from `orbit help parameters`:\n%s",
             table);
  size_t rows = 0;
  for (const char *p = table; (p = strstr(p, "\n| `")); p++) rows++;
  assert_int_equal(rows, orb_param_spec_count());
  free(doc);
  free(table);
}

/* ---- the event-time rule, in stance and align alike ------------------------------ */

/* A patron AAA, a state BBB, and CCC; an attack dated only "2020" and a sanction
 * dated only "2021-03". */
static const char *const dated_world =
  "world: {name: T, start: 2000-01-01, end: 2030-12-31}\n"
  "actors:\n"
  "  - {id: AAA, name: A, kind: state}\n"
  "  - {id: BBB, name: B, kind: state}\n"
  "  - {id: CCC, name: C, kind: state}\n"
  "events:\n"
  "  - {date: \"2020\", actor: AAA, target: CCC, type: attack, description: a, source: s}\n"
  "  - {date: 2021-03, actor: AAA, target: BBB, type: sanction, description: b, source: s}\n";

/* The propensity of actors i and j (indices of the world) on date. */
static double propensity(const orb_world *w, orb_date date, size_t i, size_t j) {
  orb_diags diags;
  orb_diags_init(&diags);
  orb_landscape *l;
  assert_int_equal(orb_landscape_from_world(w, date, &l, &diags), ORB_OK);
  double p = l->propensities[i * l->actor_count + j];
  orb_landscape_free(l);
  orb_diags_free(&diags);
  return p;
}

/* The patron's coercion record 1 - exp(-sum) on date (stance model defaults). */
static double record_on(const orb_world *w, orb_date date) {
  orb_stance_model m;
  orb_diags diags;
  orb_diags_init(&diags);
  assert_int_equal(orb_stance_model_init(&m, w, &diags), ORB_OK);
  double record;
  orb_stance_patron_state(w, &m, 0, date, &record, NULL, NULL);
  orb_stance_model_free(&m);
  orb_diags_free(&diags);
  return record;
}

static void test_partly_dated_event_same_in_stance_and_align(void **state) {
  (void)state;
  orb_world *w = test_load_world_text(dated_world);
  assert_int_equal(orb_event_last_day(&w->events[0]), ymd(2020, 12, 31));
  assert_int_equal(orb_event_last_day(&w->events[1]), ymd(2021, 3, 31));
  const double half_align = 3 * 365.25, half_stance = 10 * 365.25;
  /* Mid-2020: the attack of "2020" is not known yet, by either model. */
  orb_date d = ymd(2020, 7, 1);
  assert_false(orb_event_known_before(&w->events[0], d));
  assert_true(propensity(w, d, 0, 2) == -0.1);
  assert_true(record_on(w, d) == 0.0);
  /* On its last day still not; the day after, both count it, aged from that day. */
  d = ymd(2020, 12, 31);
  assert_true(propensity(w, d, 0, 2) == -0.1);
  assert_true(record_on(w, d) == 0.0);
  d = ymd(2021, 1, 1);
  assert_float_equal(propensity(w, d, 0, 2), -0.1 - exp2(-1 / half_align), 1e-15);
  assert_float_equal(record_on(w, d), 1 - exp(-exp2(-1 / half_stance)), 1e-15);
  /* The sanction of "2021-03": not on 31 March, from 1 April. */
  d = ymd(2021, 3, 31);
  double attack_a = exp2(-90 / half_align), attack_s = exp2(-90 / half_stance);
  assert_true(propensity(w, d, 0, 1) == -0.1);
  assert_float_equal(record_on(w, d), 1 - exp(-attack_s), 1e-15);
  d = ymd(2021, 4, 1);
  attack_a = exp2(-91 / half_align);
  attack_s = exp2(-91 / half_stance);
  assert_float_equal(propensity(w, d, 0, 1), -0.1 - 0.5 * exp2(-1 / half_align), 1e-15);
  assert_float_equal(propensity(w, d, 0, 2), -0.1 - attack_a, 1e-15);
  assert_float_equal(record_on(w, d), 1 - exp(-(attack_s + 0.40 * exp2(-1 / half_stance))),
                     1e-15);
  orb_world_free(w);
}

/* ---- a tie before its first recorded year ------------------------------------------ */

/* BBB trades with the patron AAA from 2020, CCC has its security from AAA from 2020. */
static const char *const tie_world =
  "world: {name: T, start: 2000-01-01, end: 2030-12-31%s}\n"
  "actors:\n"
  "  - {id: AAA, name: A, kind: state}\n"
  "  - {id: BBB, name: B, kind: state}\n"
  "  - {id: CCC, name: C, kind: state}\n"
  "ties:\n"
  "  - {from: BBB, to: AAA, type: trade, values: [{value: 0.5, year: 2020, source: s}]}\n"
  "  - {from: CCC, to: AAA, type: security, values: [{value: 0.4, year: 2020, source: s}]}\n";

/* The stance feature term of actor toward the patron AAA on date. */
static double feature(const orb_world *w, size_t actor, orb_date date, orb_stance_term term) {
  orb_stance_model m;
  orb_diags diags;
  orb_diags_init(&diags);
  assert_int_equal(orb_stance_model_init(&m, w, &diags), ORB_OK);
  double x[ORB_TERM_COUNT];
  assert_int_equal(orb_stance_features(w, &m, actor, 0, date, x), ORB_OK);
  orb_stance_model_free(&m);
  orb_diags_free(&diags);
  return x[term];
}

/* Checks the world query, stance, align and `orbit world --date` on date, with
 * trade (BBB) and security (CCC) expected to hold or not. */
static void check_ties(const char *header, orb_date date, int trade, int security) {
  char yaml[1024];
  snprintf(yaml, sizeof yaml, tie_world, header);
  orb_world *w = test_load_world_text(yaml);
  const orb_figure *value;
  assert_int_equal(orb_tie_at(&w->ties[0], date, &value),
                   trade ? ORB_TIE_HOLDS : ORB_TIE_NOT_YET);
  assert_true(trade ? value->value == 0.5 : value == NULL);
  assert_int_equal(orb_tie_at(&w->ties[1], date, &value),
                   security ? ORB_TIE_HOLDS : ORB_TIE_NOT_YET);
  assert_true(feature(w, 1, date, ORB_TERM_ECONOMIC) == (trade ? 0.5 : 0.0));
  assert_true(feature(w, 2, date, ORB_TERM_MILITARY) == (security ? 0.4 : 0.0));
  assert_float_equal(propensity(w, date, 0, 1), -0.1 + (trade ? 0.5 : 0.0), 1e-15);
  assert_float_equal(propensity(w, date, 0, 2), -0.1 + (security ? 0.8 : 0.0), 1e-15);
  orb_world_free(w);
  char *path = test_write_temp(yaml);
  char args[256], day[11], expected[64];
  orb_date_format(date, ORB_PREC_DAY, day);
  snprintf(args, sizeof args, "world --world %s --date %s", path, day);
  snprintf(expected, sizeof expected, "Ties: 2, %d holding on %s", trade + security, day);
  test_expect_orbit(args, 0, expected);
  remove(path);
  free(path);
}

static void test_tie_before_first_year_same_everywhere(void **state) {
  (void)state;
  /* By default a tie does not exist before its first recorded year. */
  check_ties("", ymd(2019, 7, 1), 0, 0);
  check_ties("", ymd(2020, 1, 1), 1, 1);
  /* A world may say that structural shares hold back; a dated tie still starts
   * when first recorded. */
  check_ties(", ties_before_first_year: earliest", ymd(2019, 7, 1), 1, 0);
  check_ties(", ties_before_first_year: earliest", ymd(2020, 7, 1), 1, 1);
}

/* ---- --params ------------------------------------------------------------------------ */

/* A parameters-only file replaces the world's parameter of the same name. */
static void test_params_file(void **state) {
  (void)state;
  orb_world *world = test_load_world_text(
    "world: {name: T, start: 2000-01-01, end: 2030-12-31}\n"
    "actors: [{id: AAA, name: A, kind: state}, {id: BBB, name: B, kind: state}]\n"
    "parameters:\n"
    "  - {name: align.baseline_repulsion, default: 0.2, range: [0, 1], justification: j}\n"
    "  - {name: align.size_exponent, default: 1, range: [0, 2], justification: j}\n");
  char *path = test_write_temp(
    "# parameters only\n"
    "parameters:\n"
    "  - {name: align.baseline_repulsion, default: 0.3, range: [0, 1], justification: k}\n"
    "  - {name: stance_l2, default: 2, range: [0, 10], justification: k}\n");
  orb_diags diags;
  orb_diags_init(&diags);
  orb_world *with = NULL;
  assert_int_equal(orb_world_with_params(world, path, &with, &diags), ORB_OK);
  orb_world_adopt(with, world);
  assert_int_equal(with->param_count, 3);
  assert_string_equal(with->params[0].name, "align.baseline_repulsion");
  assert_true(with->params[0].value == 0.3);
  assert_string_equal(with->params[0].justification, "k");
  assert_true(orb_world_param_value(with, "align.size_exponent") == 1);
  assert_true(orb_world_param_value(with, "stance_l2") == 2);
  assert_true(propensity(with, ymd(2020, 1, 1), 0, 1) == -0.3);
  orb_world_free(with);
  remove(path);
  free(path);

  /* A misspelt parameter in the file, another section in a parameters-only file,
   * a missing file: refused, nothing made. */
  path = test_write_temp("parameters:\n  - {name: align.baseline_repulsoin, default: 0.3, "
                   "range: [0, 1], justification: k}\nactors: []\n");
  world = test_load_world_text("world: {name: T, start: 2000-01-01, end: 2030-12-31}\n"
                               "actors: [{id: AAA, name: A, kind: state}]\n");
  with = (orb_world *)1;
  assert_int_equal(orb_world_with_params(world, path, &with, &diags), ORB_EPARSE);
  assert_null(with);
  assert_diag(&diags, 2, 12, "(did you mean 'align.baseline_repulsion'?)");
  assert_diag(&diags, 3, 1, "unknown key 'actors'");
  orb_diags_free(&diags);
  orb_diags_init(&diags);
  assert_int_equal(orb_world_with_params(world, "/nonexistent/p.yaml", &with, &diags), ORB_EIO);
  assert_null(with);
  orb_world_free(world);
  orb_diags_free(&diags);
  char args[256];
  snprintf(args, sizeof args, "align --world tests/stance/worlds/mini.yaml --params %s", path);
  char expected[256];
  snprintf(expected, sizeof expected, "%s:2:12: error: parameter 'align.baseline_repulsoin'",
           path);
  test_expect_orbit(args, 1, expected);
  remove(path);
  free(path);
}

/* The parameters of another world: stance with a calibrated world's parameters
 * (--params) prints what the calibrated world itself prints. */
static void test_params_round_trip(void **state) {
  (void)state;
  char *mini = test_read_file("tests/stance/worlds/mini.yaml", NULL);
  assert_non_null(mini);
  char *path = test_write_temp(mini);
  free(mini);
  char args[512];
  int code = -1;
  snprintf(args, sizeof args, "calibrate --world %s --write %s", path, path);
  free(test_run_orbit(args, TEST_STDOUT, &code));
  assert_int_equal(code, 0);
  snprintf(args, sizeof args, "stance --world %s --issue I-2022 --json", path);
  char *calibrated = test_run_orbit(args, TEST_STDOUT, &code);
  assert_int_equal(code, 0);
  snprintf(args, sizeof args,
           "stance --world tests/stance/worlds/mini.yaml --params %s --issue I-2022 --json",
           path);
  char *brought = test_run_orbit(args, TEST_STDOUT, &code);
  assert_int_equal(code, 0);
  assert_string_equal(brought, calibrated);
  char *plain = test_run_orbit("stance --world tests/stance/worlds/mini.yaml --issue I-2022 "
                               "--json", TEST_STDOUT, &code);
  assert_true(strcmp(plain, calibrated) != 0); /* the parameters made the difference */
  free(plain);
  free(brought);
  free(calibrated);
  remove(path);
  free(path);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_vocabulary_tables),
    cmocka_unit_test(test_misspelt_words_rejected),
    cmocka_unit_test(test_registry_lookup),
    cmocka_unit_test(test_parameters_checked_at_load),
    cmocka_unit_test(test_param_values),
    cmocka_unit_test(test_docs_list_the_registry),
    cmocka_unit_test(test_partly_dated_event_same_in_stance_and_align),
    cmocka_unit_test(test_tie_before_first_year_same_everywhere),
    cmocka_unit_test(test_params_file),
    cmocka_unit_test(test_params_round_trip),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
