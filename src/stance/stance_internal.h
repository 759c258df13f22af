/*
 * stance_internal.h: what the stance module's files share privately: the
 * parameter table (docs/MODEL.md) and effective weights on an issue.
 */
#ifndef ORB_STANCE_INTERNAL_H
#define ORB_STANCE_INTERNAL_H

#include "orbit/stance.h"

/* One row of the parameter table, as written to a world file. */
typedef struct stance_param_row {
  char name[96];
  double value;
  double low, high;
  int fitted;                /* produced by calibration (gets fitted_by) */
  const char *justification; /* static text */
} stance_param_row;

/* The rows for every parameter of model, in table order: scalars then
 * interactions. Returns the count; rows must hold stance_param_count(model). */
size_t stance_param_rows(const orb_stance_model *model, stance_param_row *rows);
size_t stance_param_count(const orb_stance_model *model);

/* A tie's value on date: the value orb_tie_at() says holds (the world's one
 * rule for ties), 0 when the tie does not exist yet or has ended. */
double stance_tie_value(const orb_tie *tie, orb_date date);

/* The logistic function 1 / (1 + e^-u), without overflow. */
double stance_logistic(double u);

/* The value of the issue attribute name, 0 when the issue does not carry it. */
double stance_issue_attribute(const orb_issue *issue, const char *name);

/* Effective weights omega_t of model on issue (docs/MODEL.md). */
void stance_effective_weights(const orb_stance_model *model, const orb_issue *issue,
                              double weight[ORB_TERM_COUNT]);

/* The world text source with the stance_* items of its top-level parameters list
 * replaced by model's (write.c; see orb_stance_write_params). Returns a malloc'ed
 * string the caller frees, or NULL when out of memory. */
char *stance_params_rewrite(const char *source, const orb_stance_model *model,
                            const unsigned char *fitted_interaction, const char *fitted_by);

#endif
