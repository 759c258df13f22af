/*
 * record.c: the record model's predictions on a world's issue for the session
 * (orbit stance --record): the fit on the years before the issue, then
 * orb_record_predict_issue.
 */
#include <stdlib.h>

#include "orbit/session.h"

orb_status orb_record_stances_new(const orb_session *session, const orb_record *record,
                                  size_t issue, orb_record_stances **out, orb_diags *diags) {
  *out = NULL;
  const orb_world *w = orb_session_world(session);
  if (issue >= w->issue_count) {
    orb_diags_add(diags, w->path, 0, 0, "no issue %zu in the world", issue);
    return ORB_EINVAL;
  }
  orb_record_stances *s = calloc(1, sizeof *s);
  if (!s) return ORB_ENOMEM;
  s->world = w;
  s->issue = issue;
  orb_date date = w->issues[issue].date;
  orb_date before = date <= record->last ? date : ORB_DATE_NONE;
  int year = 0;
  orb_date_to_ymd(before != ORB_DATE_NONE ? before : record->last, &year, NULL, NULL);
  s->fitted_before = before != ORB_DATE_NONE ? year : year + 1;
  orb_record_model_init(&s->model);
  orb_status st = orb_record_fit_before(record, &s->model, before, diags);
  if (st == ORB_OK)
    st = orb_record_predict_issue(record, &s->model, w, issue, &s->predictions, &s->count,
                                  diags);
  if (st) {
    orb_record_stances_free(s);
    return st;
  }
  *out = s;
  return ORB_OK;
}

void orb_record_stances_free(orb_record_stances *s) {
  if (!s) return;
  free(s->predictions);
  free(s);
}
