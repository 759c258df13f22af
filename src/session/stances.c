/*
 * stances.c: the stance model's predictions on an issue, and its calibration,
 * run on a session.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session/session_internal.h"

int orb_stance_params_fitted(const orb_world *world) {
  for (size_t i = 0; i < world->param_count; i++)
    if (strncmp(world->params[i].name, "stance_", 7) == 0 && world->params[i].fitted_by)
      return 1;
  return 0;
}

orb_status orb_stances_new(orb_session *session, size_t issue, orb_date date,
                           orb_stances **out, orb_diags *diags) {
  *out = NULL;
  const orb_world *w = session->world;
  if (issue >= w->issue_count) {
    orb_diags_add(diags, w->path, 0, 0, "no issue number %zu", issue);
    return ORB_EINVAL;
  }
  if (date == ORB_DATE_NONE) date = w->issues[issue].date;
  orb_status status = orb_session_check_date(session, date, diags);
  const orb_stance_model *model = NULL;
  if (status == ORB_OK) status = orb_session_stance_model(session, &model, diags);
  if (status != ORB_OK) return status;
  orb_stances *s = calloc(1, sizeof *s);
  if (!s) return ORB_ENOMEM;
  s->world = w;
  s->model = model;
  s->issue = issue;
  s->date = date;
  s->fitted = orb_stance_params_fitted(w);
  orb_stance_patron_state(w, model, w->issues[issue].patron, date, &s->patron_record,
                          &s->patron_capacity, &s->patron_wars);
  status = orb_stance_predict(w, model, issue, date, &s->predictions, &s->count);
  if (status != ORB_OK) {
    orb_diags_add(diags, w->path, 0, 0, "no stance predictions (%s)", orb_status_str(status));
    orb_stances_free(s);
    return status;
  }
  *out = s;
  return ORB_OK;
}

void orb_stances_free(orb_stances *stances) {
  if (!stances) return;
  free(stances->predictions);
  free(stances);
}

/* The last path component of path. */
static const char *base_name(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}

/* The issues that gave observations, as "A, B" (malloc'ed), or NULL. */
static char *issue_list(const orb_world *w, const orb_stance_calibration *c) {
  size_t size = 1, used = 0;
  for (size_t q = 0; q < w->issue_count; q++) size += strlen(w->issues[q].id) + 2;
  char *buf = malloc(size);
  if (!buf) return NULL;
  buf[0] = '\0';
  for (size_t q = 0; q < w->issue_count; q++) {
    int has = 0;
    for (size_t i = 0; i < c->observation_count && !has; i++) has = c->heldout[i].issue == q;
    if (has)
      used += (size_t)snprintf(buf + used, size - used, "%s%s", used ? ", " : "",
                               w->issues[q].id);
  }
  return buf;
}

/* The sentence stored as fitted_by beside the fitted parameters (malloc'ed). */
static char *fitted_by_sentence(const orb_world *w, const orb_stance_calibration *c,
                                const char *issues) {
  static const char format[] =
      "orbit calibrate --world %s: penalised ordered-logit maximum likelihood "
      "(lambda %g by leave-one-country-out log-loss) on the %zu observed stances "
      "of issues %s; nested leave-one-country-out accuracy %.3f, log-loss %.4f "
      "(majority class %.3f, %.4f; closest ally %.3f, %.4f)";
  int len = snprintf(NULL, 0, format, base_name(w->path), c->model.l2, c->observation_count,
                     issues, c->model_cv.accuracy, c->model_cv.log_loss,
                     c->majority_cv.accuracy, c->majority_cv.log_loss, c->ally_cv.accuracy,
                     c->ally_cv.log_loss);
  char *text = len >= 0 ? malloc((size_t)len + 1) : NULL;
  if (text)
    snprintf(text, (size_t)len + 1, format, base_name(w->path), c->model.l2,
             c->observation_count, issues, c->model_cv.accuracy, c->model_cv.log_loss,
             c->majority_cv.accuracy, c->majority_cv.log_loss, c->ally_cv.accuracy,
             c->ally_cv.log_loss);
  return text;
}

orb_status orb_calibration_new(orb_session *session, orb_calibration **out,
                               orb_diags *diags) {
  *out = NULL;
  const orb_stance_model *start = NULL;
  orb_status status = orb_session_stance_model(session, &start, diags);
  if (status != ORB_OK) return status;
  orb_calibration *c = calloc(1, sizeof *c);
  if (!c) return ORB_ENOMEM;
  c->world = session->world;
  status = orb_stance_calibrate(session->world, start, &c->fit, diags);
  if (status != ORB_OK) {
    orb_diags_add(diags, session->world->path, 0, 0, "no calibration (%s)",
                  orb_status_str(status));
    free(c);
    return status;
  }
  c->issues = issue_list(session->world, &c->fit);
  c->fitted_by = c->issues ? fitted_by_sentence(session->world, &c->fit, c->issues) : NULL;
  if (!c->fitted_by) {
    orb_calibration_free(c);
    return ORB_ENOMEM;
  }
  *out = c;
  return ORB_OK;
}

void orb_calibration_free(orb_calibration *c) {
  if (!c) return;
  orb_stance_calibration_free(&c->fit);
  free(c->issues);
  free(c->fitted_by);
  free(c);
}
