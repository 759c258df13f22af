/*
 * world.c: the record's stance model on a world's issues: attributes from the
 * issue, features from the record strictly before the issue's date, explained
 * predictions for every state of the world that is a UN member.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "orbit/record.h"
#include "record/record_internal.h"

orb_status orb_record_rows_standard(const orb_record *rec, const orb_record_model *model,
                                    int eval_from, int eval_to, orb_record_rows *rows,
                                    orb_diags *diags) {
  size_t patrons[3] = {orb_record_find_country(rec, "RUS"), orb_record_find_country(rec, "USA"),
                       orb_record_find_country(rec, "CHN")};
  memset(rows, 0, sizeof *rows);
  for (int k = 0; k < 3; k++)
    if (patrons[k] == ORB_NONE) {
      orb_diags_add(diags, NULL, 0, 0, "the record lacks Russia, the United States or China");
      return ORB_EINVAL;
    }
  orb_record_rows_spec spec = {patrons, 3, 1992, 4, eval_from, eval_to, NULL};
  return orb_record_rows_build(rec, model, &spec, rows);
}

orb_status orb_record_fit_before(const orb_record *rec, orb_record_model *model,
                                 orb_date before, orb_diags *diags) {
  orb_record_rows rows;
  orb_status st = orb_record_rows_standard(rec, model, 1, 0, &rows, diags);
  if (st) return st;
  int year = 0;
  if (before != ORB_DATE_NONE) orb_date_to_ymd(before, &year, NULL, NULL);
  st = orb_record_fit_tuned(model, &rows, year, diags);
  orb_record_rows_free(&rows);
  return st;
}

unsigned orb_record_issue_attrs(const orb_record *rec, const orb_world *w, size_t issue,
                                size_t patron_country) {
  const orb_issue *is = &w->issues[issue];
  unsigned a = orb_record_text_attrs(rec, is->title ? is->title : "", 0, patron_country);
  for (size_t i = 0; i < is->attribute_count; i++)
    for (int k = 0; k < ORB_ATTR_COUNT; k++)
      if (strcmp(is->attributes[i].name, orb_record_attr_name((orb_record_attr)k)) == 0) {
        if (is->attributes[i].value >= 0.5) a |= 1u << k;
        else a &= ~(1u << k);
      }
  return a;
}

/* The patron's own vote on the issue, from its observed option ("yes"/"no"). */
static orb_vote patron_vote(const orb_issue *is) {
  for (size_t i = 0; i < is->observed_count; i++) {
    if (is->observed[i].actor != is->patron) continue;
    const char *id = is->options[is->observed[i].option].id;
    if (strcmp(id, "yes") == 0) return ORB_VOTE_YES;
    if (strcmp(id, "no") == 0) return ORB_VOTE_NO;
  }
  return ORB_VOTE_ABSENT;
}

orb_status orb_record_predict_issue(const orb_record *rec, const orb_record_model *model,
                                    const orb_world *w, size_t issue, orb_date date,
                                    orb_record_prediction **out, size_t *count,
                                    orb_diags *diags) {
  *out = NULL;
  *count = 0;
  if (issue >= w->issue_count) return ORB_EINVAL;
  const orb_issue *is = &w->issues[issue];
  size_t patron = orb_record_find_country(rec, w->actors[is->patron].id);
  if (patron == ORB_NONE) {
    orb_diags_add(diags, w->path, 0, 0,
                  "issue %s: its patron %s is no UN member in the record (states are matched "
                  "by ISO alpha-3 id)", is->id, w->actors[is->patron].id);
    return ORB_EINVAL;
  }
  size_t *map = malloc((w->actor_count + 1) * sizeof *map);
  orb_record_prediction *preds = calloc(w->actor_count + 1, sizeof *preds);
  if (!map || !preds) {
    free(map);
    free(preds);
    return ORB_ENOMEM;
  }
  orb_record_map_world(rec, w, map);
  unsigned attrs = orb_record_issue_attrs(rec, w, issue, patron);
  const char *text = is->title ? is->title : "";
  orb_date at = date != ORB_DATE_NONE ? date : is->date;
  size_t title, stem, near;
  float sim;
  orb_status tst = record_issue_text(rec, text, at, &title, &stem, &near, &sim);
  orb_vote pv = patron_vote(is);
  size_t n = 0;
  size_t *countries = malloc((w->actor_count + 1) * sizeof *countries);
  float *x = malloc((w->actor_count + 1) * ORB_RT_COUNT * sizeof *x);
  orb_status st = tst ? tst : countries && x ? ORB_OK : ORB_ENOMEM;
  for (size_t a = 0; a < w->actor_count && st == ORB_OK; a++) {
    if (map[a] == ORB_NONE || a == is->patron || map[a] == patron) continue;
    preds[n].actor = a;
    countries[n++] = map[a];
  }
  if (st == ORB_OK)
    st = record_features_many(rec, model, countries, n, patron, at, attrs, title, stem, near,
                              sim, pv, x);
  for (size_t i = 0; i < n && st == ORB_OK; i++) {
    orb_record_prediction *p = &preds[i];
    size_t a = p->actor;
    p->country = countries[i];
    memcpy(p->x, x + i * ORB_RT_COUNT, sizeof p->x);
    orb_record_predict(model, p->x, p->score, p->prob, p->contrib);
    for (int k = 0; k < 2; k++)
      for (int t = 0; t < ORB_RT_COUNT; t++)
        p->factor[k][orb_record_term_factor((orb_record_term)t)] += p->contrib[k][t];
    p->predicted = orb_record_decide(model, p->prob);
    p->observed = ORB_NONE;
    for (size_t j = 0; j < is->observed_count; j++)
      if (is->observed[j].actor == a) p->observed = is->observed[j].option;
  }
  free(map);
  free(countries);
  free(x);
  if (st) {
    free(preds);
    return st;
  }
  *out = preds;
  *count = n;
  return ORB_OK;
}

void orb_record_prediction_explain(const orb_record_prediction *p, int top, char *buf,
                                   size_t size) {
  int order[ORB_RF_COUNT];
  double pull[ORB_RF_COUNT];
  for (int f = 0; f < ORB_RF_COUNT; f++) {
    order[f] = f;
    pull[f] = p->factor[0][f] - p->factor[1][f];
  }
  for (int i = 1; i < ORB_RF_COUNT; i++)
    for (int k = i; k > 0 && fabs(pull[order[k]]) > fabs(pull[order[k - 1]]); k--) {
      int s = order[k];
      order[k] = order[k - 1];
      order[k - 1] = s;
    }
  if (top <= 0 || top > ORB_RF_COUNT) top = ORB_RF_COUNT;
  size_t n = 0;
  if (size) buf[0] = '\0';
  for (int i = 0; i < top && n < size; i++)
    n += (size_t)snprintf(buf + n, size - n, "%s%s %+.2f", i ? ", " : "",
                          orb_record_factor_name((orb_record_factor)order[i]), pull[order[i]]);
}
