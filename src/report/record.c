/*
 * record.c: the writers of the record model's predictions on an issue (orbit
 * stance --record): a table with each actor's largest factors, JSON with every
 * factor and term (support and condemn contributions that add up to the
 * scores), CSV with one column per factor's pull toward support.
 */
#include <stdio.h>
#include <string.h>

#include "report/report_internal.h"

/* The observed option of a prediction as "stance (option)", or "-". */
static const char *observed_text(const orb_issue *issue, const orb_record_prediction *p,
                                 char *buf, size_t size) {
  if (p->observed == ORB_NONE) return "-";
  const orb_option *o = &issue->options[p->observed];
  snprintf(buf, size, "%s (%s)", orb_stance_name(o->stance), o->id);
  return buf;
}

static orb_status write_text(FILE *out, const orb_record_stances *rs) {
  const orb_world *w = rs->world;
  const orb_issue *issue = &w->issues[rs->issue];
  char date[11];
  orb_date_format(rs->date, ORB_PREC_DAY, date);
  fprintf(out,
          "Record model: %s (%s), patron %s; parameters fitted on the roll calls before %d "
          "(data/record/stance-params.yaml, or the world's own), silence offset %.2f\n",
          issue->id, date, w->actors[issue->patron].id, rs->fitted_before,
          rs->model.silent_bias);
  fprintf(out, "%-6s %7s %7s %7s  %-9s %-20s %s\n", "actor", "support", "silent", "condemn",
          "predicted", "observed", "largest pulls toward support (s_support - s_condemn)");
  size_t right = 0, observed = 0;
  for (size_t i = 0; i < rs->count; i++) {
    const orb_record_prediction *p = &rs->predictions[i];
    char obs[64], why[200];
    orb_record_prediction_explain(p, 3, why, sizeof why);
    fprintf(out, "%-6s %7.3f %7.3f %7.3f  %-9s %-20s %s\n", w->actors[p->actor].id,
            p->prob[ORB_STANCE_SUPPORT], p->prob[ORB_STANCE_SILENT],
            p->prob[ORB_STANCE_CONDEMN], orb_stance_name(p->predicted),
            observed_text(issue, p, obs, sizeof obs), why);
    if (p->observed != ORB_NONE) {
      observed++;
      right += issue->options[p->observed].stance == p->predicted;
    }
  }
  fprintf(out, "right: %zu of %zu observed\n", right, observed);
  return report_done(out);
}

/* Builds the JSON document; NULL when out of memory. */
static cJSON *build_json(const orb_record_stances *rs) {
  const orb_world *w = rs->world;
  const orb_issue *issue = &w->issues[rs->issue];
  char date[11];
  orb_date_format(rs->date, ORB_PREC_DAY, date);
  cJSON *root = cJSON_CreateObject();
  cJSON_AddStringToObject(root, "model", "record");
  cJSON_AddStringToObject(root, "issue", issue->id);
  cJSON_AddStringToObject(root, "date", date);
  cJSON_AddStringToObject(root, "patron", w->actors[issue->patron].id);
  cJSON_AddNumberToObject(root, "fitted_before", rs->fitted_before);
  cJSON_AddNumberToObject(root, "silent_bias", rs->model.silent_bias);
  cJSON *list = cJSON_AddArrayToObject(root, "predictions");
  for (size_t i = 0; i < rs->count && list; i++) {
    const orb_record_prediction *p = &rs->predictions[i];
    cJSON *item = cJSON_CreateObject();
    cJSON_AddItemToArray(list, item);
    cJSON_AddStringToObject(item, "actor", w->actors[p->actor].id);
    report_stance_json(item, issue, p->prob, p->predicted, p->observed);
    cJSON *score = cJSON_AddObjectToObject(item, "score");
    cJSON_AddNumberToObject(score, "support", p->score[0]);
    cJSON_AddNumberToObject(score, "condemn", p->score[1]);
    cJSON *factors = cJSON_AddArrayToObject(item, "factors");
    for (int f = 0; f < ORB_RF_COUNT; f++) {
      cJSON *fo = cJSON_CreateObject();
      cJSON_AddItemToArray(factors, fo);
      cJSON_AddStringToObject(fo, "factor", orb_record_factor_name((orb_record_factor)f));
      cJSON_AddNumberToObject(fo, "support", p->factor[0][f]);
      cJSON_AddNumberToObject(fo, "condemn", p->factor[1][f]);
      cJSON *terms = cJSON_AddArrayToObject(fo, "terms");
      for (int t = 0; t < ORB_RT_COUNT; t++) {
        if ((int)orb_record_term_factor((orb_record_term)t) != f) continue;
        cJSON *to = cJSON_CreateObject();
        cJSON_AddItemToArray(terms, to);
        cJSON_AddStringToObject(to, "term", orb_record_term_name((orb_record_term)t));
        cJSON_AddNumberToObject(to, "value", p->x[t]);
        cJSON_AddNumberToObject(to, "support", p->contrib[0][t]);
        cJSON_AddNumberToObject(to, "condemn", p->contrib[1][t]);
      }
    }
  }
  return root;
}

static orb_status write_csv(FILE *out, const orb_record_stances *rs) {
  const orb_world *w = rs->world;
  const orb_issue *issue = &w->issues[rs->issue];
  fputs("actor,support,silent,condemn,predicted,observed", out);
  for (int f = 0; f < ORB_RF_COUNT; f++)
    fprintf(out, ",%s", orb_record_factor_name((orb_record_factor)f));
  fputc('\n', out);
  for (size_t i = 0; i < rs->count; i++) {
    const orb_record_prediction *p = &rs->predictions[i];
    fprintf(out, "%s,%.6f,%.6f,%.6f,%s,%s", w->actors[p->actor].id, p->prob[0], p->prob[1],
            p->prob[2], orb_stance_name(p->predicted),
            p->observed == ORB_NONE ? "" : orb_stance_name(issue->options[p->observed].stance));
    for (int f = 0; f < ORB_RF_COUNT; f++) fprintf(out, ",%.6f", p->factor[0][f] - p->factor[1][f]);
    fputc('\n', out);
  }
  return report_done(out);
}

orb_status orb_report_record_stances(FILE *out, const orb_record_stances *rs, orb_format format) {
  switch (format) {
  case ORB_FORMAT_JSON: return report_json(out, build_json(rs), 1);
  case ORB_FORMAT_CSV: return write_csv(out, rs);
  default: return write_text(out, rs);
  }
}
