/*
 * state.c: the world as a whole or as of a date (who is in which institution,
 * which ties hold), and the names of the enumerations it prints.
 */
#include <stdlib.h>

#include "session/session_internal.h"

const char *orb_actor_kind_name(orb_actor_kind kind) {
  static const char *const names[] = {"state", "bloc", "organisation", "territory"};
  return (unsigned)kind < sizeof names / sizeof *names ? names[kind] : "?";
}

const char *orb_member_status_name(orb_member_status status) {
  static const char *const names[] = {"not a member", "member", "suspended", "observer"};
  return (unsigned)status < sizeof names / sizeof *names ? names[status] : "?";
}

const char *orb_tie_state_name(orb_tie_state state) {
  static const char *const names[] = {"holds", "not yet", "ended"};
  return (unsigned)state < sizeof names / sizeof *names ? names[state] : "?";
}

orb_status orb_state_new(const orb_session *session, orb_date date, orb_state **out,
                         orb_diags *diags) {
  *out = NULL;
  const orb_world *w = session->world;
  if (date != ORB_DATE_NONE) {
    orb_status status = orb_session_check_date(session, date, diags);
    if (status != ORB_OK) return status;
  }
  orb_state *state = calloc(1, sizeof *state);
  if (!state) return ORB_ENOMEM;
  state->world = w;
  state->date = date;
  state->ties_holding = w->tie_count;
  state->events_by_date = w->event_count;
  if (date == ORB_DATE_NONE) {
    *out = state;
    return ORB_OK;
  }
  size_t cells = w->institution_count * w->actor_count;
  state->membership = malloc((cells ? cells : 1) * sizeof *state->membership);
  state->tie_state = malloc((w->tie_count ? w->tie_count : 1) * sizeof *state->tie_state);
  state->tie_value = malloc((w->tie_count ? w->tie_count : 1) * sizeof *state->tie_value);
  if (!state->membership || !state->tie_state || !state->tie_value) {
    orb_state_free(state);
    return ORB_ENOMEM;
  }
  for (size_t i = 0; i < w->institution_count; i++)
    for (size_t a = 0; a < w->actor_count; a++)
      state->membership[i * w->actor_count + a] = orb_membership_at(w, i, a, date);
  state->ties_holding = 0;
  for (size_t t = 0; t < w->tie_count; t++) {
    state->tie_state[t] = orb_tie_at(&w->ties[t], date, &state->tie_value[t]);
    if (state->tie_state[t] == ORB_TIE_HOLDS) state->ties_holding++;
    else if (state->tie_state[t] == ORB_TIE_ENDED) state->tie_value[t] = NULL;
  }
  state->events_by_date = 0;
  while (state->events_by_date < w->event_count &&
         w->events[state->events_by_date].date <= date)
    state->events_by_date++;
  *out = state;
  return ORB_OK;
}

void orb_state_free(orb_state *state) {
  if (!state) return;
  free(state->membership);
  free(state->tie_state);
  free(state->tie_value);
  free(state);
}
