/*
 * record.c: the record model's predictions on a world's issue for the session
 * (orbit stance --record): the shipped parameters (the fit on the whole record)
 * or the world's own, then orb_record_predict_issue.
 */
#include <stdlib.h>

#include "orbit/session.h"

orb_status orb_record_stances_new(const orb_session *session, const orb_record *record,
                                  size_t issue, orb_date date, orb_record_stances **out,
                                  orb_diags *diags) {
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
  s->date = date != ORB_DATE_NONE ? date : w->issues[issue].date;
  int year = 0;
  orb_date_to_ymd(record->last, &year, NULL, NULL);
  s->fitted_before = year + 1;
  orb_status st = orb_record_model_read(w, &s->model, diags);
  if (st == ORB_OK)
    st = orb_record_predict_issue(record, &s->model, w, issue, s->date, &s->predictions, &s->count,
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
