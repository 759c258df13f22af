/*
 * cmd_record.c: `orbit calibrate --record`, the short version of the record
 * model's validation (docs/MODEL.md, "Stances learned from the record"): the
 * rolling-origin scores of the model and the baselines, pooled, and the world's
 * own issues predicted with parameters fitted only on the years before each.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

const char cmd_calibrate_record_help[] =
  "Usage: orbit calibrate --record [--world FILE] [--from YEAR] [--to YEAR]\n"
  "       orbit calibrate --record --write-params FILE\n"
  "\n"
  "Validates the stance model learned from the UN General Assembly record by\n"
  "rolling origin: for each year t from --from to --to (default 2000 to 2019) it\n"
  "is fitted on every roll call before t and predicts every stance of year t;\n"
  "printed pooled over those years and over 2010-2019, for the post-Soviet states\n"
  "toward Russia and every UN member toward Russia, the United States and China,\n"
  "beside the baselines on the same rows (accuracy, macro-F1, Brier, log-loss).\n"
  "Then each issue of the world whose patron is a UN member, predicted with\n"
  "parameters fitted on the years before its date, beside what was observed.\n"
  "The long version, per year: the bench_record program (bench/record).\n"
  "\n"
  "With --write-params FILE it instead fits the model on the whole record (to\n"
  "January 2020, the decision offset of silence chosen on its last three years)\n"
  "and writes its parameters to FILE, as a `parameters:` list that --params and a\n"
  "world's parameters: read; the shipped data/record/stance-params.yaml is made so.\n";

/* Prints the pooled table of a validation for years [y0, y1]. */
static void print_pool(const orb_record_validation *v, int y0, int y1) {
  if (y0 < v->from) y0 = v->from;
  if (y1 > v->to) y1 = v->to;
  if (y0 > y1) return;
  printf("\nPooled %d-%d\n", y0, y1);
  printf("%-42s %-18s %7s %6s %6s %6s %7s\n", "rows", "predictor", "n", "acc", "mF1", "Brier",
         "logloss");
  for (size_t g = 0; g < ORB_RECORD_GROUPS; g++)
    for (int p = 0; p < ORB_PRED_COUNT; p++) {
      orb_record_tallies t = orb_record_validation_pool(v, g, p, y0, y1);
      orb_record_scores s = orb_record_tallies_scores(&t);
      printf("%-42s %-18s %7zu %6.3f %6.3f %6.4f %7.4f\n", p ? "" : v->groups[g].name,
             orb_record_predictor_name(p), s.n, s.accuracy, s.macro_f1, s.brier, s.log_loss);
    }
}

/* The weights of the last year's fit, by term (the parameter table). */
static void print_weights(const orb_record_model *m, int year) {
  printf("\nWeights fitted on the years before %d (%zu rows, %d Newton steps); constants:",
         year, m->rows, m->iterations);
  size_t n = orb_record_param_count();
  orb_record_param *rows = calloc(n, sizeof *rows);
  if (!rows) return;
  orb_record_params(m, rows);
  for (size_t i = 0; i < n; i++)
    if (strncmp(rows[i].name, "record_w_", 9) != 0) printf(" %s %g", rows[i].name + 7, rows[i].value);
  printf("\n%-22s %-22s %9s %9s\n", "term", "factor", "support", "condemn");
  for (int t = 0; t < ORB_RT_COUNT; t++)
    printf("%-22s %-22s %+9.3f %+9.3f\n", orb_record_term_name((orb_record_term)t),
           orb_record_factor_name(orb_record_term_factor((orb_record_term)t)), m->w[0][t],
           m->w[1][t]);
  free(rows);
}

/* Predicts the world's issues with fits before each date. Returns 0 on failure. */
static int print_issues(const orb_record *rec, const orb_world *w) {
  int ok = 1, fitted_year = -1;
  orb_record_rows rows;
  memset(&rows, 0, sizeof rows);
  orb_record_model model;
  orb_record_model_init(&model);
  for (size_t i = 0; i < w->issue_count; i++) {
    const orb_issue *is = &w->issues[i];
    if (orb_record_find_country(rec, w->actors[is->patron].id) == ORB_NONE) continue;
    orb_diags diags;
    orb_diags_init(&diags);
    orb_record_prediction *preds = NULL;
    size_t count = 0;
    orb_date before = is->date <= rec->last ? is->date : ORB_DATE_NONE;
    int year = 0;
    if (before != ORB_DATE_NONE) orb_date_to_ymd(before, &year, NULL, NULL);
    orb_status st = ORB_OK;
    if (!rows.count) st = orb_record_rows_standard(rec, &model, 1, 0, &rows, &diags);
    if (st == ORB_OK && year != fitted_year) {
      st = orb_record_fit_tuned(&model, &rows, year, &diags);
      fitted_year = year;
    }
    if (st != ORB_OK ||
        orb_record_predict_issue(rec, &model, w, i, ORB_DATE_NONE, &preds, &count, &diags) != ORB_OK) {
      orb_diags_print(&diags, stderr);
      orb_diags_free(&diags);
      ok = 0;
      continue;
    }
    orb_diags_free(&diags);
    char date[11];
    orb_date_format(is->date, ORB_PREC_DAY, date);
    size_t right = 0, observed = 0;
    printf("\nIssue %s: %s (%s), patron %s; fitted on the roll calls before %d (%zu rows)\n",
           is->id, is->title, date, w->actors[is->patron].id,
           before == ORB_DATE_NONE ? 2020 : year, model.rows);
    printf("%-6s %7s %7s %7s  %-9s %-20s %s\n", "actor", "support", "silent", "condemn",
           "predicted", "observed", "largest pulls toward support (s_support - s_condemn)");
    for (size_t k = 0; k < count; k++) {
      const orb_record_prediction *p = &preds[k];
      char obs[64] = "-", why[160];
      if (p->observed != ORB_NONE) {
        const orb_option *o = &is->options[p->observed];
        snprintf(obs, sizeof obs, "%s (%s)", orb_stance_name(o->stance), o->id);
        observed++;
        right += o->stance == p->predicted;
      }
      orb_record_prediction_explain(p, 3, why, sizeof why);
      printf("%-6s %7.3f %7.3f %7.3f  %-9s %-20s %s\n", w->actors[p->actor].id,
             p->prob[ORB_STANCE_SUPPORT], p->prob[ORB_STANCE_SILENT],
             p->prob[ORB_STANCE_CONDEMN], orb_stance_name(p->predicted), obs, why);
    }
    if (observed) printf("right: %zu of %zu observed\n", right, observed);
    free(preds);
  }
  orb_record_rows_free(&rows);
  return ok;
}

/* Parses a --from or --to year of the record's validation: CLI_OK or CLI_EUSAGE. */
static int parse_year(const char *option, const char *value, int *year) {
  unsigned long long y;
  if (cli_parse_count(value, 1950, 2019, &y) != ORB_OK)
    return cli_usage_error("calibrate", "--%s expects a year from 1950 to 2019, not '%s'",
                           option, value);
  *year = (int)y;
  return CLI_OK;
}

enum { OPT_WORLD = 1, OPT_FROM, OPT_TO, OPT_RECORD, OPT_DATE, OPT_YEARS, OPT_WEIGHT,
       OPT_WRITE_PARAMS };

/* orbit calibrate --record --write-params FILE: the fit on the whole record. */
static int write_params(const char *path) {
  orb_record *rec = NULL;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_record_model m;
  orb_record_model_init(&m);
  int rc = CLI_EINPUT;
  if (orb_record_load(NULL, &rec, &diags) != ORB_OK ||
      orb_record_fit_before(rec, &m, ORB_DATE_NONE, &diags) != ORB_OK) {
    orb_diags_print(&diags, stderr);
  } else {
    char by[256];
    snprintf(by, sizeof by,
             "orbit calibrate --record --write-params: penalised maximum likelihood on %zu "
             "stances toward RUS, USA, CHN 1992-2020 (one in four), silence offset by inner "
             "validation on 2017-2019", m.rows);
    if (orb_record_model_write(path, &m, by, &diags) != ORB_OK) {
      orb_diags_print(&diags, stderr);
      rc = CLI_EOUTPUT;
    } else {
      printf("Wrote the record model's %zu parameters (fitted on %zu rows, silence offset "
             "%g) to %s\n", orb_record_param_count(), m.rows, m.silent_bias, path);
      rc = CLI_OK;
    }
  }
  orb_record_free(rec);
  orb_diags_free(&diags);
  return rc;
}

int cli_calibrate_record(int argc, char **argv) {
  static const cli_option options[] = {
    {"world", OPT_WORLD, 1}, {"from", OPT_FROM, 1}, {"to", OPT_TO, 1},
    {"record", OPT_RECORD, 0}, {"write-params", OPT_WRITE_PARAMS, 1}, {NULL, 0, 0}};
  const char *world_path = NULL, *write_path = NULL, *value;
  int from = 2000, to = 2019, id;
  cli_parser parser;
  cli_parser_init(&parser, "calibrate", options, argc, argv);
  while ((id = cli_next(&parser, &value)) != CLI_END) {
    switch (id) {
    case OPT_WORLD: world_path = value; break;
    case OPT_RECORD: break;
    case OPT_WRITE_PARAMS: write_path = value; break;
    case OPT_FROM:
    case OPT_TO:
      if (parse_year(id == OPT_FROM ? "from" : "to", value, id == OPT_FROM ? &from : &to) !=
          CLI_OK)
        return CLI_EUSAGE;
      break;
    case CLI_OPERAND: return cli_usage_error("calibrate", "unexpected argument '%s'", value);
    default: return CLI_EUSAGE;
    }
  }
  if (from > to) return cli_usage_error("calibrate", "--from %d is after --to %d", from, to);
  if (write_path) return write_params(write_path);
  orb_session *session = NULL;
  orb_record *rec = NULL;
  if (cli_load_with_record(world_path, &session, &rec) != CLI_OK) return CLI_EINPUT;
  const orb_world *world = orb_session_world(session);
  orb_diags diags;
  orb_diags_init(&diags);
  orb_record_validation v;
  memset(&v, 0, sizeof v);
  int rc = CLI_EINPUT;
  if (orb_record_validate(rec, from, to, &v, &diags) != ORB_OK) {
    orb_diags_print(&diags, stderr);
    goto done;
  }
  printf("Stance model learned from the UN General Assembly record: rolling origin, fitted on\n"
         "every roll call before year t (one in four rows from 1992 on, patrons Russia, the\n"
         "United States and China), every stance of year t predicted, t = %d..%d.\n", from, to);
  printf("%zu rows; %d fits in %.1f s\n", v.rows, to - from + 1, v.fit_seconds);
  print_pool(&v, from, to);
  if (from < 2010 && to >= 2010) print_pool(&v, 2010, 2019);
  print_weights(&v.model, to);
  rc = print_issues(rec, world) ? CLI_OK : CLI_EINPUT;
done:
  orb_record_validation_free(&v);
  orb_record_free(rec);
  orb_diags_free(&diags);
  orb_session_free(session);
  return rc;
}


/* One way of deriving the landscape: its best two-bloc split and how it agrees
 * with the record of the following year. Returns 0 on failure. */
static int align_one(const orb_record *rec, const char *label, const orb_landscape *l,
                     orb_date date) {
  orb_align_options opt;
  orb_align_options_default(&opt);
  opt.basins = 0;
  orb_align_result *res = NULL;
  orb_diags diags;
  orb_diags_init(&diags);
  if (orb_align_solve(l, &opt, &res, &diags) != ORB_OK || !res->minimum_count) {
    orb_diags_print(&diags, stderr);
    orb_diags_free(&diags);
    orb_align_result_free(res);
    return 0;
  }
  orb_diags_free(&diags);
  const uint8_t *blocs = res->minima[0].blocs;
  printf("\n%s: lowest energy %.3f\n", label, res->minima[0].energy);
  for (int b = 0; b < 2; b++) {
    printf("  bloc %d:", b + 1);
    for (size_t i = 0; i < l->actor_count; i++)
      if (blocs[i] == b) printf(" %s", l->actors[i]);
    printf("\n");
  }
  orb_date from = date, to = date + 366;
  if (to > rec->last + 1) {
    printf("  the year after the date is beyond the record (it ends on 2020-01-14)\n");
  } else {
    orb_record_bloc_fit fit = orb_record_blocs_fit(rec, l, blocs, from, to);
    printf("  the following year's votes (%zu pairs of UN members): agreement within blocs "
           "%.3f, between %.3f; pairs placed as their agreement (same bloc = at least the "
           "median) %.3f\n", fit.pairs, fit.within, fit.between, fit.pair_accuracy);
  }
  orb_align_result_free(res);
  return 1;
}

int cli_align_record(int argc, char **argv) {
  static const cli_option options[] = {
    {"world", OPT_WORLD, 1}, {"date", OPT_DATE, 1}, {"years", OPT_YEARS, 1},
    {"weight", OPT_WEIGHT, 1}, {"record", OPT_RECORD, 0}, {NULL, 0, 0}};
  const char *world_path = NULL, *value;
  orb_date date = orb_date_from_ymd(2019, 1, 1);
  double years = 3, weight = 4, v;
  int id;
  cli_parser parser;
  cli_parser_init(&parser, "align", options, argc, argv);
  while ((id = cli_next(&parser, &value)) != CLI_END) {
    switch (id) {
    case OPT_WORLD: world_path = value; break;
    case OPT_RECORD: break;
    case OPT_DATE:
      if (cli_parse_date("align", value, &date) != CLI_OK) return CLI_EUSAGE;
      break;
    case OPT_YEARS:
    case OPT_WEIGHT:
      if (orb_number_parse(value, &v) != ORB_OK || !(v > 0 && v <= 100))
        return cli_usage_error("align", "--%s expects a number in (0, 100], not '%s'",
                               id == OPT_YEARS ? "years" : "weight", value);
      if (id == OPT_YEARS) years = v;
      else weight = v;
      break;
    case CLI_OPERAND: return cli_usage_error("align", "unexpected argument '%s'", value);
    default: return CLI_EUSAGE;
    }
  }
  orb_session *session = NULL;
  orb_record *rec = NULL;
  if (cli_load_with_record(world_path, &session, &rec) != CLI_OK) return CLI_EINPUT;
  const orb_world *world = orb_session_world(session);
  orb_diags diags;
  orb_diags_init(&diags);
  orb_landscape *ties = NULL, *record = NULL, *both = NULL;
  int rc = CLI_EINPUT;
  size_t pairs = 0;
  if (orb_landscape_from_world(world, date, &ties, &diags) != ORB_OK ||
      orb_landscape_from_world(world, date, &record, &diags) != ORB_OK ||
      orb_landscape_from_world(world, date, &both, &diags) != ORB_OK) {
    orb_diags_print(&diags, stderr);
    goto done;
  }
  for (size_t i = 0; i < record->actor_count; i++)
    for (size_t j = i + 1; j < record->actor_count; j++) orb_landscape_set_propensity(record, i, j, 0);
  if (orb_record_landscape_add(rec, record, date, years, weight, &pairs, &diags) != ORB_OK ||
      orb_record_landscape_add(rec, both, date, years, weight, NULL, &diags) != ORB_OK) {
    orb_diags_print(&diags, stderr);
    goto done;
  }
  char d[11];
  orb_date_format(date, ORB_PREC_DAY, d);
  printf("Alignment landscapes of %s on %s, two blocs: from the world's ties, from the UN\n"
         "record (propensity %g x (vote agreement over the %g years before - its mean over\n"
         "the %zu pairs of UN members)), and both; each scored on the following year's votes.\n",
         world->name ? world->name : world->path, d, weight, years, pairs);
  if (!pairs) printf("(no pair of the world's actors is a pair of UN members with votes then)\n");
  if (align_one(rec, "ties", ties, date) && align_one(rec, "record", record, date) &&
      align_one(rec, "ties + record", both, date))
    rc = CLI_OK;
done:
  orb_landscape_free(ties);
  orb_landscape_free(record);
  orb_landscape_free(both);
  orb_record_free(rec);
  orb_diags_free(&diags);
  orb_session_free(session);
  return rc;
}
