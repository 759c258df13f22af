/*
 * simulation.c: the session's world month by month (docs/MODEL.md, "Influence
 * over time"): the one place that turns a request (months, the record or not,
 * parameters set, events removed or added) into a compiled model, for every
 * command that runs the model (orbit simulate, run, compare, series).
 */
#include <stdlib.h>

#include "session/session_internal.h"

/* The months of the request: its own, or 1992-01 and 2030-12 moved inside the
 * world's span (a month given outside the world is refused by the model). */
static void months(const orb_world *w, const orb_simulation_request *r, orb_date *from,
                   orb_date *to) {
  int y, m;
  *from = r->from, *to = r->to;
  orb_date_to_ymd(w->start, &y, &m, NULL);
  orb_date start = orb_date_from_ymd(y, m, 1);
  orb_date_to_ymd(w->end, &y, &m, NULL);
  orb_date end = orb_date_from_ymd(y, m, 1);
  if (*from == ORB_DATE_NONE) {
    *from = orb_date_from_ymd(1992, 1, 1);
    if (*from < start) *from = start;
  }
  if (*to == ORB_DATE_NONE) {
    *to = orb_date_from_ymd(2030, 12, 1);
    if (*to > end) *to = end;
  }
}

/* A failure that is the input's (the world's parameters, the record), not an
 * argument's: ORB_EPARSE in place of the argument statuses. */
static orb_status input_fault(orb_status st) {
  return st == ORB_EINVAL || st == ORB_ENOTFOUND ? ORB_EPARSE : st;
}

orb_status orb_simulation_new(const orb_session *session, const orb_simulation_request *r,
                              orb_simulation **out, orb_diags *diags) {
  *out = NULL;
  orb_simulation *s = calloc(1, sizeof *s);
  if (!s) return ORB_ENOMEM;
  const orb_world *w = session->world;
  s->world = w;
  orb_date from, to;
  months(w, r, &from, &to);
  int fy, ty;
  orb_date_to_ymd(from, &fy, NULL, NULL);
  orb_date_to_ymd(to, &ty, NULL, NULL);
  orb_status st = orb_dyn_settings_init(&s->settings);
  if (st == ORB_OK) st = input_fault(orb_dyn_settings_from_world(&s->settings, w, diags));
  for (size_t i = 0; st == ORB_OK && i < r->set_count; i++)
    st = orb_dyn_settings_set(&s->settings, r->sets[i], diags);
  if (st == ORB_OK)
    st = orb_dyn_inputs_from_world(w, fy < ty ? fy : ty, fy < ty ? ty : fy, &s->inputs, diags);
  if (st == ORB_OK && !r->no_record) { /* the shipped record feeds the inputs */
    st = input_fault(orb_record_load(NULL, &s->record, diags));
    if (st == ORB_OK)
      st = orb_dyn_inputs_from_record(s->inputs, w, s->record, ORB_DYN_RECORD_ALL, ty, diags);
  }
  for (size_t i = 0; st == ORB_OK && i < r->without_count; i++)
    st = orb_dyn_remove_event(s->inputs, r->without[i], diags);
  for (size_t i = 0; st == ORB_OK && i < r->add_count; i++)
    st = orb_dyn_add_event(s->inputs, w, r->adds[i], diags);
  if (st == ORB_OK) st = orb_dyn_model_new(w, s->inputs, from, to, &s->model, diags);
  if (st != ORB_OK) {
    orb_simulation_free(s);
    return st;
  }
  *out = s;
  return ORB_OK;
}

void orb_simulation_free(orb_simulation *s) {
  if (!s) return;
  orb_dyn_model_free(s->model);
  orb_dyn_inputs_free(s->inputs);
  orb_record_free(s->record);
  orb_dyn_settings_free(&s->settings);
  free(s);
}
