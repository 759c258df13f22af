/*
 * stances.c: the writers of the stance model's predictions on an issue (orbit
 * stance): a table with each actor's top factors, JSON with every term, CSV.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_internal.h"

/* The factors of a prediction by decreasing |contribution| (stable on ties). */
static void factor_order(const orb_stance_prediction *p, int order[ORB_FACTOR_COUNT]) {
  for (int f = 0; f < ORB_FACTOR_COUNT; f++) order[f] = f;
  for (int i = 1; i < ORB_FACTOR_COUNT; i++)
    for (int k = i; k > 0 && fabs(p->factor[order[k]]) > fabs(p->factor[order[k - 1]]); k--) {
      int swap = order[k];
      order[k] = order[k - 1];
      order[k - 1] = swap;
    }
}

/* The observed option of a prediction as "stance (option)", or "-". */
static const char *observed_text(const orb_issue *issue, const orb_stance_prediction *p,
                                 char *buf, size_t size) {
  if (p->observed == ORB_NONE) return "-";
  const orb_option *o = &issue->options[p->observed];
  snprintf(buf, size, "%s (%s)", orb_stance_name(o->stance), o->id);
  return buf;
}

/* Prints the readable table: one row per actor with its top factors. */
static void print_table(FILE *out, const orb_stances *st, int top) {
  const orb_world *w = st->world;
  const orb_issue *issue = &w->issues[st->issue];
  const orb_stance_prediction *preds = st->predictions;
  size_t count = st->count;
  orb_date date = st->date;
  char a[11], b[11], obs[96];
  orb_date_format(issue->date, ORB_PREC_DAY, a);
  orb_date_format(date, ORB_PREC_DAY, b);
  fprintf(out, "Issue %s: %s (%s), patron %s; features as of %s\n", issue->id, issue->title, a,
         w->actors[issue->patron].id, b);
  double record = st->patron_record, capacity = st->patron_capacity;
  size_t wars = st->patron_wars;
  fprintf(out, "Patron: coercion record %.2f (1 - exp(-decayed severity of its coercive events)), "
         "free capacity %.2f (at war with %zu)\n", record, capacity, wars);
  fprintf(out, "Parameters: %s\n\n", st->fitted
                                   ? "fitted (see fitted_by in the world's parameters)"
                                   : "untuned defaults (run 'orbit calibrate')");
  fprintf(out, "%-6s %7s %7s %7s  %-9s %-20s %7s  %s\n", "actor", "support", "silent", "condemn",
         "predicted", "observed", "score", "factors (contribution to the score)");
  for (size_t i = 0; i < count; i++) {
    const orb_stance_prediction *p = &preds[i];
    fprintf(out, "%-6s %7.3f %7.3f %7.3f  %-9s %-20s %+7.3f ", w->actors[p->actor].id,
           p->prob[ORB_STANCE_SUPPORT], p->prob[ORB_STANCE_SILENT],
           p->prob[ORB_STANCE_CONDEMN], orb_stance_name(p->predicted),
           observed_text(issue, p, obs, sizeof obs), p->score);
    int order[ORB_FACTOR_COUNT], shown = 0;
    factor_order(p, order);
    for (int k = 0; k < ORB_FACTOR_COUNT && (top == 0 || shown < top); k++) {
      if (fabs(p->factor[order[k]]) < 0.005) continue; /* would print as +0.00 */
      fprintf(out, "%s %s %+.2f", shown++ ? "," : " ", orb_stance_factor_name((orb_stance_factor)order[k]),
             p->factor[order[k]]);
    }
    fputc('\n', out);
  }
}

/* Prints one CSV row per actor, one column per factor. */
static void print_csv(FILE *out, const orb_stances *st) {
  const orb_world *w = st->world;
  const orb_issue *issue = &w->issues[st->issue];
  const orb_stance_prediction *preds = st->predictions;
  size_t count = st->count;
  fprintf(out, "actor,p_support,p_silent,p_condemn,predicted,observed_option,observed_stance,score");
  for (int f = 0; f < ORB_FACTOR_COUNT; f++)
    fprintf(out, ",%s", orb_stance_factor_name((orb_stance_factor)f));
  fputc('\n', out);
  for (size_t i = 0; i < count; i++) {
    const orb_stance_prediction *p = &preds[i];
    const orb_option *o = p->observed == ORB_NONE ? NULL : &issue->options[p->observed];
    fprintf(out, "%s,%.6f,%.6f,%.6f,%s,%s,%s,%.6f", w->actors[p->actor].id,
           p->prob[ORB_STANCE_SUPPORT], p->prob[ORB_STANCE_SILENT],
           p->prob[ORB_STANCE_CONDEMN], orb_stance_name(p->predicted), o ? o->id : "",
           o ? orb_stance_name(o->stance) : "", p->score);
    for (int f = 0; f < ORB_FACTOR_COUNT; f++) fprintf(out, ",%.6f", p->factor[f]);
    fputc('\n', out);
  }
}

/* Builds the JSON document; NULL when out of memory. */
static cJSON *build_json(const orb_stances *st) {
  const orb_world *w = st->world;
  const orb_issue *issue = &w->issues[st->issue];
  const orb_stance_prediction *preds = st->predictions;
  size_t count = st->count;
  orb_date date = st->date;
  char a[11], b[11];
  orb_date_format(issue->date, ORB_PREC_DAY, a);
  orb_date_format(date, ORB_PREC_DAY, b);
  cJSON *root = cJSON_CreateObject();
  cJSON_AddStringToObject(root, "issue", issue->id);
  cJSON_AddStringToObject(root, "title", issue->title);
  cJSON_AddStringToObject(root, "date", a);
  cJSON_AddStringToObject(root, "as_of", b);
  cJSON_AddStringToObject(root, "patron", w->actors[issue->patron].id);
  cJSON_AddStringToObject(root, "parameters", st->fitted ? "fitted" : "defaults");
  double record = st->patron_record, capacity = st->patron_capacity;
  size_t wars = st->patron_wars;
  cJSON *patron = cJSON_AddObjectToObject(root, "patron_state");
  cJSON_AddNumberToObject(patron, "coercion_record", record);
  cJSON_AddNumberToObject(patron, "free_capacity", capacity);
  cJSON_AddNumberToObject(patron, "wars", (double)wars);
  cJSON *list = cJSON_AddArrayToObject(root, "predictions");
  for (size_t i = 0; i < count && list; i++) {
    const orb_stance_prediction *p = &preds[i];
    cJSON *item = cJSON_CreateObject();
    cJSON_AddItemToArray(list, item);
    cJSON_AddStringToObject(item, "actor", w->actors[p->actor].id);
    cJSON_AddStringToObject(item, "name", w->actors[p->actor].name);
    report_stance_json(item, issue, p->prob, p->predicted, p->observed);
    cJSON_AddNumberToObject(item, "score", p->score);
    cJSON *factors = cJSON_AddArrayToObject(item, "factors");
    int order[ORB_FACTOR_COUNT];
    factor_order(p, order);
    for (int k = 0; k < ORB_FACTOR_COUNT; k++) {
      cJSON *f = cJSON_CreateObject();
      cJSON_AddItemToArray(factors, f);
      cJSON_AddStringToObject(f, "factor", orb_stance_factor_name((orb_stance_factor)order[k]));
      cJSON_AddNumberToObject(f, "contribution", p->factor[order[k]]);
    }
    cJSON *terms = cJSON_AddArrayToObject(item, "terms");
    for (int t = 0; t < ORB_TERM_COUNT; t++) {
      cJSON *term = cJSON_CreateObject();
      cJSON_AddItemToArray(terms, term);
      cJSON_AddStringToObject(term, "term", orb_stance_term_name((orb_stance_term)t));
      cJSON_AddStringToObject(term, "factor",
                              orb_stance_factor_name(orb_stance_term_factor((orb_stance_term)t)));
      cJSON_AddNumberToObject(term, "value", p->x[t]);
      cJSON_AddNumberToObject(term, "weight", p->weight[t]);
      cJSON_AddNumberToObject(term, "contribution", p->contribution[t]);
    }
  }
  return root;
}

orb_status orb_report_stances(FILE *out, const orb_stances *stances, orb_format format,
                              int top) {
  switch (format) {
  case ORB_FORMAT_TEXT:
    print_table(out, stances, top);
    return report_done(out);
  case ORB_FORMAT_CSV:
    print_csv(out, stances);
    return report_done(out);
  case ORB_FORMAT_JSON: return report_json(out, build_json(stances), 1);
  default: return ORB_EINVAL;
  }
}

void report_stance_json(cJSON *item, const orb_issue *issue,
                        const double prob[ORB_STANCE_COUNT], orb_stance predicted,
                        size_t observed) {
  cJSON *probs = cJSON_AddObjectToObject(item, "probabilities");
  for (int s = 0; s < ORB_STANCE_COUNT; s++)
    cJSON_AddNumberToObject(probs, orb_stance_name((orb_stance)s), prob[s]);
  cJSON_AddStringToObject(item, "predicted", orb_stance_name(predicted));
  if (observed == ORB_NONE) {
    cJSON_AddNullToObject(item, "observed");
    return;
  }
  cJSON *obs = cJSON_AddObjectToObject(item, "observed");
  cJSON_AddStringToObject(obs, "option", issue->options[observed].id);
  cJSON_AddStringToObject(obs, "stance", orb_stance_name(issue->options[observed].stance));
}
