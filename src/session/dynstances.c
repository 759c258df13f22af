/*
 * dynstances.c: stances on a world's issues with the simulated alignment
 * (docs/MODEL.md, "Stances with the simulated alignment"): the stance model
 * learned from the record (orbit/record.h), whose revealed alignment toward the
 * patron (the direction shares of a state's past votes) is replaced by the
 * alignment the month-by-month ensemble gives at the issue's month. Public APIs
 * only: orb_record_predict_issue, orb_record_predict, the ensemble's summary.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session/session_internal.h"

/* The direction shares d (agree, silent, oppose) with the decided votes split
 * by alignment a: the silent share kept, agree = (1 - silent) a, oppose =
 * (1 - silent) (1 - a), so agree / (agree + oppose) = a. */
static void shares_at(const float d[3], double a, float out[3]) {
  double silent = d[1];
  if (!(a >= 0)) a = 0; /* NAN too */
  if (a > 1) a = 1;
  out[0] = (float)((1 - silent) * a);
  out[1] = (float)silent;
  out[2] = (float)((1 - silent) * (1 - a));
}

/* Scores prediction p again with its direction features set for alignment a. */
static void predict_at(const orb_record_model *model, orb_record_prediction *p, const float d[3],
                       double a) {
  shares_at(d, a, &p->x[ORB_RT_DIR_AGREE]);
  orb_record_predict(model, p->x, p->score, p->prob, p->contrib);
  memset(p->factor, 0, sizeof p->factor);
  for (int k = 0; k < 2; k++)
    for (int t = 0; t < ORB_RT_COUNT; t++)
      p->factor[k][orb_record_term_factor((orb_record_term)t)] += p->contrib[k][t];
  p->predicted = orb_record_decide(model, p->prob);
}

orb_status orb_simulation_stances(const orb_simulation *sim, const orb_dyn_summary *summary,
                                  size_t issue, orb_sim_stances **out, orb_diags *diags) {
  *out = NULL;
  const orb_world *w = sim->world;
  if (issue >= w->issue_count) return ORB_EINVAL;
  const orb_issue *is = &w->issues[issue];
  if (!sim->record) {
    orb_diags_add(diags, "--no-record", 0, 0, "stances need the stance model learned from the "
                  "record: drop --no-record");
    return ORB_EINVAL;
  }
  int y, m;
  orb_date_to_ymd(is->date, &y, &m, NULL);
  const orb_date month = orb_date_from_ymd(y, m, 1);
  size_t k = ORB_NONE;
  for (size_t t = 0; t < orb_dyn_month_count(sim->model); t++)
    if (orb_dyn_month_date(sim->model, t) == month) k = t;
  if (k == ORB_NONE) {
    orb_diags_add(diags, w->path, 0, 0, "issue %s: its month %04d-%02d is outside the "
                  "simulated months", is->id, y, m);
    return ORB_EINVAL;
  }
  orb_sim_stances *r = calloc(1, sizeof *r);
  if (!r) return ORB_ENOMEM;
  r->issue = issue;
  r->month = month;
  orb_record_model_init(&r->model);
  orb_record_prediction *preds = NULL;
  size_t count = 0;
  orb_status st = orb_record_fit_before(sim->record, &r->model, is->date, diags);
  if (st == ORB_OK)
    st = orb_record_predict_issue(sim->record, &r->model, w, issue, ORB_DATE_NONE, &preds, &count,
                                  diags);
  const size_t M = summary->month_count;
  if (st == ORB_OK && (!(r->items = calloc(count ? count : 1, sizeof *r->items)) ||
                       !(r->monthly = malloc((count ? count : 1) * M * 3 * sizeof *r->monthly))))
    st = ORB_ENOMEM;
  r->months = M;
  r->first = orb_dyn_month_date(sim->model, 0);
  for (size_t i = 0; st == ORB_OK && i < count; i++) {
    char name[160];
    snprintf(name, sizeof name, "alignment:%s:%s", w->actors[preds[i].actor].id,
             w->actors[is->patron].id);
    size_t series = orb_dyn_series_find(sim->model, name);
    if (series == ORB_NONE) continue; /* no pair with the patron: no simulated alignment */
    orb_sim_stance *s = &r->items[r->count++];
    const float *q = summary->quantiles + (series * M + k) * 3;
    float d[3];
    memcpy(d, &preds[i].x[ORB_RT_DIR_AGREE], sizeof d);
    s->actor = preds[i].actor;
    memcpy(s->alignment, q, sizeof s->alignment);
    s->record_alignment = d[0] + d[2] > 0 ? d[0] / (d[0] + d[2]) : 0.5;
    s->record = preds[i];
    s->at = preds[i];
    for (int b = 0; b < 2; b++) {
      predict_at(&r->model, &s->at, d, q[b ? 2 : 0]);
      s->support[b] = s->at.prob[ORB_STANCE_SUPPORT];
    }
    /* the issue put to a vote in every month, with that month's median alignment */
    float *row = r->monthly + (r->count - 1) * M * 3;
    for (size_t t = 0; t < M; t++) {
      predict_at(&r->model, &s->at, d, summary->quantiles[(series * M + t) * 3 + 1]);
      for (int j = 0; j < 3; j++) row[t * 3 + (size_t)j] = (float)s->at.prob[j];
    }
    predict_at(&r->model, &s->at, d, q[1]);
  }
  free(preds);
  if (st != ORB_OK) {
    orb_sim_stances_free(r);
    return st;
  }
  *out = r;
  return ORB_OK;
}

void orb_sim_stances_free(orb_sim_stances *stances) {
  if (!stances) return;
  free(stances->items);
  free(stances->monthly);
  free(stances);
}
