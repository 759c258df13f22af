/*
 * run.c: the writer of a world end to end (orbit run): a header, then one section
 * per analysis, each printed by the writer of its result.
 */
#include <stdio.h>

#include "report/report_internal.h"

/* Prints a section heading. */
static void heading(FILE *out, const char *title) {
  fprintf(out, "\n======== %s ========\n\n", title);
}

orb_status orb_report_run(FILE *out, const orb_run *run, orb_format format) {
  if (format != ORB_FORMAT_TEXT) return ORB_EINVAL;
  const orb_world *w = run->world;
  char date[11], title[160];
  orb_date_format(run->date, ORB_PREC_DAY, date);
  fprintf(out, "orbit run: %s, %zu events in the timeline, as of %s\n", w->path,
          w->event_count, date);
  snprintf(title, sizeof title, "The world on %s", date);
  heading(out, title);
  orb_status status = orb_report_state(out, run->state, ORB_FORMAT_TEXT);
  for (size_t i = 0; status == ORB_OK && i < w->issue_count; i++) {
    snprintf(title, sizeof title, "Stances on %s: %s", w->issues[i].id, w->issues[i].title);
    heading(out, title);
    status = orb_report_stances(out, run->stances[i], ORB_FORMAT_TEXT, 3);
  }
  if (status == ORB_OK) {
    snprintf(title, sizeof title, "Alignment landscape on %s", date);
    heading(out, title);
    status = orb_report_alignment(out, run->alignment, ORB_FORMAT_TEXT, 10);
  }
  for (size_t i = 0; status == ORB_OK && i < w->bargain_count; i++) {
    snprintf(title, sizeof title, "Bargain %s: %s", w->bargains[i].id, w->bargains[i].title);
    heading(out, title);
    /* played by orb_run_new, one run: the report is its opening and its end */
    status = orb_report_bargaining_begin(out, run->bargains[i], ORB_FORMAT_TEXT);
    if (status == ORB_OK)
      status = orb_report_bargaining_end(out, run->bargains[i], ORB_FORMAT_TEXT);
  }
  if (status == ORB_OK && run->dynamics && run->ensemble) {
    heading(out, "Influence over time (the world month by month, with the record)");
    report_simulation_text(out, w, run->dynamics->model, run->ensemble, run->seed);
  }
  return status == ORB_OK ? report_done(out) : status;
}
