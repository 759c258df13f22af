/*
 * calibration.c: the writers of a stance-model calibration (orbit calibrate): the
 * penalty grid, the fitted parameters, the cross-validated scores beside the
 * baselines and every held-out prediction, as text or JSON.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_internal.h"

/* The last path component of path. */
static const char *base_name(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}

/* Prints " support/silent/condemn" probabilities. */
static void print_probs(FILE *out, const double prob[ORB_STANCE_COUNT]) {
  fprintf(out, " %5.3f/%5.3f/%5.3f", prob[ORB_STANCE_SUPPORT], prob[ORB_STANCE_SILENT],
         prob[ORB_STANCE_CONDEMN]);
}

/* Prints the readable report: data, lambda grid, parameters, scores, held-out rows. */
static void print_report(FILE *out, const orb_calibration *cal) {
  const orb_world *w = cal->world;
  const orb_stance_calibration *c = &cal->fit;
  const char *issues = cal->issues;
  const orb_stance_model *m = &c->model;
  fprintf(out, "Stance model calibration on %s (%s)\n", w->name, base_name(w->path));
  fprintf(out, "Data: %zu observed stances of %zu actors on %zu issues (%s); the patrons' own "
         "stances excluded\n\n", c->observation_count, c->country_count, c->issue_count, issues);
  fprintf(out, "L2 penalty by leave-one-country-out log-loss:\n  %-8s %s\n", "lambda", "log-loss");
  size_t grid_count;
  const double *grid = orb_stance_l2_grid(&grid_count);
  for (size_t g = 0; g < grid_count; g++)
    fprintf(out, "  %-8g %.6f%s\n", grid[g], c->grid_log_loss[g], grid[g] == m->l2 ? "  <- chosen" : "");
  fprintf(out, "\nFitted parameters (penalised maximum likelihood, %d Newton iterations):\n",
         c->iterations);
  for (int t = 0; t < ORB_TERM_COUNT; t++)
    fprintf(out, "  stance_w_%-40s %+.6f\n", orb_stance_term_name((orb_stance_term)t), m->weight[t]);
  for (size_t k = 0; k < m->interaction_count; k++) {
    char name[128];
    snprintf(name, sizeof name, "%s_%s", orb_stance_term_name(m->interactions[k].term),
             m->interactions[k].attribute);
    fprintf(out, "  stance_x_%-40s %+.6f%s\n", name, m->interactions[k].weight,
           c->fitted_interaction[k] ? "" : "  (not fitted: the attribute does not vary)");
  }
  fprintf(out, "  %-49s %+.6f\n  %-49s %+.6f\n  %-49s %g\n", "stance_cut_condemn", m->cut_condemn,
         "stance_cut_support", m->cut_support, "stance_l2", m->l2);
  fprintf(out, "In-sample: accuracy %.3f, log-loss %.4f\n\n", c->train_accuracy, c->train_log_loss);
  fprintf(out, "Nested leave-one-country-out (%zu folds; lambda chosen inside each fold):\n",
         c->country_count);
  fprintf(out, "  %-16s %8s %9s\n", "predictor", "accuracy", "log-loss");
  fprintf(out, "  %-16s %8.3f %9.4f\n", "stance model", c->model_cv.accuracy, c->model_cv.log_loss);
  fprintf(out, "  %-16s %8.3f %9.4f\n", "majority class", c->majority_cv.accuracy,
         c->majority_cv.log_loss);
  fprintf(out, "  %-16s %8.3f %9.4f\n", "closest ally", c->ally_cv.accuracy, c->ally_cv.log_loss);
  fprintf(out, "\nHeld-out predictions (P support/silent/condemn):\n");
  fprintf(out, "  %-10s %-6s %-8s %-18s %-6s %-18s %-18s %s\n", "issue", "actor", "observed",
         "model", "lambda", "majority", "closest ally", "ally");
  for (size_t i = 0; i < c->observation_count; i++) {
    const orb_stance_heldout *h = &c->heldout[i];
    fprintf(out, "  %-10s %-6s %-8s", w->issues[h->issue].id, w->actors[h->actor].id,
           orb_stance_name(h->observed));
    print_probs(out, h->model);
    fprintf(out, " %-6g", h->l2);
    print_probs(out, h->majority);
    print_probs(out, h->ally);
    fprintf(out, " %s\n", h->ally_actor == ORB_NONE ? "-" : w->actors[h->ally_actor].id);
  }
}

/* Adds {accuracy, log_loss} named name to object. */
static void add_score(cJSON *object, const char *name, orb_stance_score score) {
  cJSON *item = cJSON_AddObjectToObject(object, name);
  cJSON_AddNumberToObject(item, "accuracy", score.accuracy);
  cJSON_AddNumberToObject(item, "log_loss", score.log_loss);
}

/* Adds the three probabilities named name to object. */
static void add_probs(cJSON *object, const char *name, const double prob[ORB_STANCE_COUNT]) {
  cJSON *item = cJSON_AddObjectToObject(object, name);
  for (int s = 0; s < ORB_STANCE_COUNT; s++)
    cJSON_AddNumberToObject(item, orb_stance_name((orb_stance)s), prob[s]);
}

/* The report as JSON; NULL when out of memory. */
static cJSON *build_json(const orb_calibration *cal) {
  const orb_world *w = cal->world;
  const orb_stance_calibration *c = &cal->fit;
  const orb_stance_model *m = &c->model;
  cJSON *root = cJSON_CreateObject();
  cJSON_AddStringToObject(root, "world", base_name(w->path));
  cJSON_AddNumberToObject(root, "observations", (double)c->observation_count);
  cJSON_AddNumberToObject(root, "countries", (double)c->country_count);
  cJSON *grid = cJSON_AddArrayToObject(root, "l2_grid");
  size_t grid_count;
  const double *values = orb_stance_l2_grid(&grid_count);
  for (size_t g = 0; g < grid_count; g++) {
    cJSON *item = cJSON_CreateObject();
    cJSON_AddItemToArray(grid, item);
    cJSON_AddNumberToObject(item, "l2", values[g]);
    cJSON_AddNumberToObject(item, "loco_log_loss", c->grid_log_loss[g]);
  }
  cJSON *params = cJSON_AddObjectToObject(root, "parameters");
  char name[160];
  for (int t = 0; t < ORB_TERM_COUNT; t++) {
    snprintf(name, sizeof name, "stance_w_%s", orb_stance_term_name((orb_stance_term)t));
    cJSON_AddNumberToObject(params, name, m->weight[t]);
  }
  for (size_t k = 0; k < m->interaction_count; k++) {
    snprintf(name, sizeof name, "stance_x_%s_%s", orb_stance_term_name(m->interactions[k].term),
             m->interactions[k].attribute);
    cJSON_AddNumberToObject(params, name, m->interactions[k].weight);
  }
  cJSON_AddNumberToObject(params, "stance_cut_condemn", m->cut_condemn);
  cJSON_AddNumberToObject(params, "stance_cut_support", m->cut_support);
  cJSON_AddNumberToObject(params, "stance_l2", m->l2);
  cJSON_AddNumberToObject(root, "iterations", c->iterations);
  cJSON *in_sample = cJSON_AddObjectToObject(root, "in_sample");
  cJSON_AddNumberToObject(in_sample, "accuracy", c->train_accuracy);
  cJSON_AddNumberToObject(in_sample, "log_loss", c->train_log_loss);
  cJSON *cv = cJSON_AddObjectToObject(root, "nested_loco");
  add_score(cv, "model", c->model_cv);
  add_score(cv, "majority_class", c->majority_cv);
  add_score(cv, "closest_ally", c->ally_cv);
  cJSON *held = cJSON_AddArrayToObject(root, "heldout");
  for (size_t i = 0; i < c->observation_count; i++) {
    const orb_stance_heldout *h = &c->heldout[i];
    cJSON *item = cJSON_CreateObject();
    cJSON_AddItemToArray(held, item);
    cJSON_AddStringToObject(item, "issue", w->issues[h->issue].id);
    cJSON_AddStringToObject(item, "actor", w->actors[h->actor].id);
    cJSON_AddStringToObject(item, "observed", orb_stance_name(h->observed));
    cJSON_AddNumberToObject(item, "l2", h->l2);
    add_probs(item, "model", h->model);
    add_probs(item, "majority_class", h->majority);
    add_probs(item, "closest_ally", h->ally);
    if (h->ally_actor == ORB_NONE) cJSON_AddNullToObject(item, "ally");
    else cJSON_AddStringToObject(item, "ally", w->actors[h->ally_actor].id);
  }
  return root;
}

orb_status orb_report_calibration(FILE *out, const orb_calibration *calibration,
                                  orb_format format) {
  switch (format) {
  case ORB_FORMAT_TEXT:
    print_report(out, calibration);
    return report_done(out);
  case ORB_FORMAT_JSON: return report_json(out, build_json(calibration), 1);
  default: return ORB_EINVAL;
  }
}
