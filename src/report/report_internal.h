/*
 * report_internal.h: helpers shared by the writers of the report module.
 */
#ifndef ORB_REPORT_INTERNAL_H
#define ORB_REPORT_INTERNAL_H

#include <cjson/cJSON.h>
#include <stdio.h>

#include "orbit/report.h"

/* Writes root (then deletes it) to out, indented (cJSON_Print) or on one line, and
 * a newline. ORB_ENOMEM when root is NULL or could not be printed; else as
 * report_done. */
orb_status report_json(FILE *out, cJSON *root, int formatted);

/* The summary of an ensemble (orbit simulate, and the last section of orbit run):
 * credibility, capacity, each pole's leverage over each state, exit hazards. */
void report_simulation_text(FILE *out, const orb_world *world, const orb_dyn_model *model,
                            const orb_dyn_summary *summary, uint64_t seed);

/* ORB_EIO when out has seen a write error, else ORB_OK. */
orb_status report_done(FILE *out);

/* The writers of one alignment, for the series and the run. */
orb_status report_alignment_text(FILE *out, const orb_alignment *a, size_t top);
cJSON *report_alignment_json(const orb_alignment *a, size_t top);

/* Adds to item a stance prediction's "probabilities" (one per stance),
 * "predicted", and "observed" (the issue's option and its stance, or null when
 * observed is ORB_NONE): the fields both stance models write alike. */
void report_stance_json(cJSON *item, const orb_issue *issue,
                        const double prob[ORB_STANCE_COUNT], orb_stance predicted,
                        size_t observed);

#endif
