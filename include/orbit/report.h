/*
 * orbit/report.h: the writers of every result of orbit/session.h, as readable
 * text, JSON or CSV. The orbit command prints through them, so a C caller (or a
 * binding, or an HTML report built on the JSON) gets the same bytes.
 *
 * Each writer writes one result to out and returns ORB_OK; ORB_EINVAL (writing
 * nothing) for a format the result has no form in; ORB_ENOMEM when a JSON document
 * could not be built; ORB_EIO when out reports a write error. out is not closed.
 */
#ifndef ORBIT_REPORT_H
#define ORBIT_REPORT_H

#include <stdio.h>

#include "orbit/core.h"
#include "orbit/dynamics.h"
#include "orbit/session.h"

#ifdef __cplusplus
extern "C" {
#endif

ORB_BEGIN_API

/* The world as a whole or as of a date: text or JSON. */
orb_status orb_report_state(FILE *out, const orb_state *state, orb_format format);

/* One line saying a world file is valid, with its counts (orbit world --check). */
orb_status orb_report_check(FILE *out, const orb_world *world);

/* Stances on an issue: text (with the top factors of each actor; 0 for all), JSON
 * or CSV. */
orb_status orb_report_stances(FILE *out, const orb_stances *stances, orb_format format,
                              int top);

/* The record model's predictions on an issue (orbit stance --record): a table
 * with each actor's three largest factors, JSON with every factor and term (their
 * support and condemn contributions add up to the scores), or CSV with each
 * factor's pull toward support (s_support - s_condemn). */
orb_status orb_report_record_stances(FILE *out, const orb_record_stances *stances,
                                     orb_format format);

/* A calibration: text or JSON. */
orb_status orb_report_calibration(FILE *out, const orb_calibration *calibration,
                                  orb_format format);

/* A landscape's minima (the top lowest; 0 for all) and bloc frequencies: text or
 * JSON. */
orb_status orb_report_alignment(FILE *out, const orb_alignment *alignment,
                                orb_format format, size_t top);

/* The landscapes of a series year by year: text (the global minimum of each year
 * and who changed bloc) or JSON (each year's alignment, top minima each). */
orb_status orb_report_alignment_series(FILE *out, const orb_alignment_series *series,
                                       orb_format format, size_t top);

/* A bargaining is written as it is played, in three parts, so that no run is
 * held: orb_report_bargaining_begin before orb_bargaining_play (the scenario, the
 * options, the seed; JSON opens its document, CSV writes its header),
 * orb_report_bargaining_run from the play's sink for each run (text: one line per
 * run of an ensemble; JSON: the run; CSV: every position of the run), and
 * orb_report_bargaining_end after it (text: one run's turns and final positions,
 * or the ensemble's outcome summary; JSON closes the document). */
orb_status orb_report_bargaining_begin(FILE *out, const orb_bargaining *bargaining,
                                       orb_format format);
orb_status orb_report_bargaining_run(FILE *out, const orb_bargaining *bargaining,
                                     uint64_t run, const orb_bargain_result *result,
                                     orb_format format);
orb_status orb_report_bargaining_end(FILE *out, const orb_bargaining *bargaining,
                                     orb_format format);

/* Plays a bargaining and writes it: begin, orb_bargaining_play with the run writer
 * as its sink, end. The play's status, or the writers'. */
orb_status orb_report_bargaining_play(FILE *out, orb_bargaining *bargaining,
                                      orb_format format, orb_diags *diags);

/* A world end to end (orbit run): text, one section per analysis. */
orb_status orb_report_run(FILE *out, const orb_run *run, orb_format format);

/* An ensemble of the month-by-month model (orbit simulate): text (credibility,
 * capacity, each pole's leverage over each state and the exit hazards of alliance
 * members, median and 5-95% band at the end of 2021, 2022 and 2024 and in the
 * last month) or JSON (every series at those months). */
orb_status orb_report_simulation(FILE *out, const orb_world *world, const orb_dyn_model *model,
                                 const orb_dyn_summary *summary, uint64_t seed,
                                 orb_format format);

/* The series chosen[series] != 0 month by month: the ensemble's quantiles, or
 * with per_run each kept run's values; CSV or JSON Lines (ORB_FORMAT_JSON). */
orb_status orb_report_simulation_series(FILE *out, const orb_dyn_model *model,
                                        const orb_dyn_summary *summary,
                                        const unsigned char *chosen, int per_run,
                                        orb_format format);

/* A counterfactual against its baseline (orbit compare): text (every credibility,
 * capacity, leverage and exit series whose per-run difference is not zero at the
 * summary's months: baseline, counterfactual and difference, median and 5-95%
 * band) or JSON (every series: the three at those months). counterfactual
 * describes the edits (the command line), or NULL. */
orb_status orb_report_comparison(FILE *out, const orb_world *world, const orb_dyn_model *model,
                                 const orb_dyn_comparison *comparison, uint64_t seed,
                                 const char *counterfactual, orb_format format);

/* The series chosen[series] != 0 month by month, baseline, counterfactual and
 * difference quantiles side by side; CSV or JSON Lines. */
orb_status orb_report_comparison_series(FILE *out, const orb_dyn_model *model,
                                        const orb_dyn_comparison *comparison,
                                        const unsigned char *chosen, orb_format format);

/* Stances on issues with the simulated alignment (orbit simulate --stances): per
 * issue and state the alignment band, the record's own alignment, the stance
 * probabilities at the median, P(support) at the band's ends, the predicted and
 * the observed stance and the three largest pulls by factor; JSON (an array,
 * one object per issue); or CSV: the series stance:STATE:ISSUE:STANCE month by
 * month (series,month,value). */
orb_status orb_report_sim_stances(FILE *out, const orb_world *world,
                                  const orb_sim_stances *const *stances, size_t count,
                                  orb_format format);

/* One line of a progress bar: "\r[####      ] DONE/TOTAL runs, R runs/s, T left "
 * (30 marks; T as "12.3 s", "4 min 05 s" or "2 h 03 min"), a newline when done
 * reaches total; flushed. ORB_EIO when out reports an error. */
orb_status orb_report_progress(FILE *out, size_t done, size_t total, double seconds);

/* The validation of the month-by-month model against the record (orbit simulate
 * --validate): text (the fit, then one line per forecast origin, per horizon and
 * pooled: n, MAE and RMSE of the model and of persistence) or JSON. */
orb_status orb_report_dyn_validation(FILE *out, const orb_dyn_validation *validation,
                                     orb_format format);

ORB_END_API

#ifdef __cplusplus
}
#endif
#endif
