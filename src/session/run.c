/*
 * run.c: a world end to end (orbit run): its state on a date, the stances on each
 * of its issues, the alignment landscape on the date, each bargaining issue, and
 * an ensemble of the world month by month (orb_simulation_new, orb_dyn_ensemble).
 */
#include <stdio.h>
#include <stdlib.h>

#include "session/session_internal.h"

orb_status orb_run_new(orb_session *session, orb_date date, orb_run **out,
                       orb_diags *diags) {
  const orb_simulation_request plain = {.from = ORB_DATE_NONE, .to = ORB_DATE_NONE};
  orb_simulation *simulation = NULL;
  orb_status st = orb_simulation_new(session, &plain, &simulation, diags);
  if (st != ORB_OK) return st;
  return orb_run_new_with(session, date, simulation, NULL, out, diags);
}

orb_status orb_run_new_with(orb_session *session, orb_date date, orb_simulation *simulation,
                            const orb_dyn_ensemble_options *ensemble, orb_run **out,
                            orb_diags *diags) {
  *out = NULL;
  const orb_world *w = session->world;
  if (date == ORB_DATE_NONE) date = orb_session_latest(session);
  orb_status status = orb_session_check_date(session, date, diags);
  if (status != ORB_OK) {
    orb_simulation_free(simulation);
    return status;
  }
  orb_run *run = calloc(1, sizeof *run);
  if (run) {
    run->world = w;
    run->stances = calloc(w->issue_count ? w->issue_count : 1, sizeof *run->stances);
    run->bargains = calloc(w->bargain_count ? w->bargain_count : 1, sizeof *run->bargains);
  }
  if (run) run->dynamics = simulation; /* owned by the run from here */
  else orb_simulation_free(simulation);
  if (!run || !run->stances || !run->bargains) {
    orb_run_free(run);
    return ORB_ENOMEM;
  }
  run->date = date;
  status = orb_state_new(session, date, &run->state, diags);
  for (size_t i = 0; status == ORB_OK && i < w->issue_count; i++)
    status = orb_stances_new(session, i, ORB_DATE_NONE, &run->stances[i], diags);
  orb_alignment_request align;
  orb_alignment_request_default(&align);
  if (status == ORB_OK) status = orb_alignment_new(session, date, &align, &run->alignment, diags);
  orb_bargaining_request bargain;
  orb_bargaining_request_default(&bargain);
  for (size_t i = 0; status == ORB_OK && i < w->bargain_count; i++) {
    orb_bargain_scenario *scenario = NULL;
    status = orb_session_bargain_scenario(session, w->bargains[i].id, &scenario, diags);
    if (status == ORB_OK) {
      char source[1024];
      snprintf(source, sizeof source, "%s, bargaining issue %s", w->path, w->bargains[i].id);
      status = orb_bargaining_new(&scenario, source, &bargain, &run->bargains[i], diags);
      if (status == ORB_OK) status = orb_bargaining_play(run->bargains[i], NULL, NULL, diags);
    }
  }
  /* an ensemble of the world month by month */
  const orb_dyn_ensemble_options defaults = {.runs = ORB_RUN_ENSEMBLE_RUNS,
                                             .seed = ORB_RUN_ENSEMBLE_SEED};
  if (!ensemble) ensemble = &defaults;
  run->seed = ensemble->seed;
  if (status == ORB_OK &&
      (status = orb_dyn_ensemble(run->dynamics->model, &run->dynamics->settings, ensemble,
                                 &run->ensemble, diags)) == ORB_EINVAL)
    status = ORB_EPARSE; /* the store's target refused (--runs 0 cannot reach here) */
  if (status != ORB_OK) {
    orb_run_free(run);
    return status;
  }
  *out = run;
  return ORB_OK;
}

void orb_run_free(orb_run *run) {
  if (!run) return;
  orb_state_free(run->state);
  for (size_t i = 0; run->stances && i < run->world->issue_count; i++)
    orb_stances_free(run->stances[i]);
  free(run->stances);
  orb_alignment_free(run->alignment);
  for (size_t i = 0; run->bargains && i < run->world->bargain_count; i++)
    orb_bargaining_free(run->bargains[i]);
  free(run->bargains);
  orb_dyn_summary_free(run->ensemble);
  orb_simulation_free(run->dynamics);
  free(run);
}
