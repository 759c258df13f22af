/*
 * cmd_calibrate.c: `orbit calibrate`, fits the stance model to the observed
 * stances of a world (docs/MODEL.md, "Calibration"), prints the fitted
 * parameters, the nested leave-one-country-out scores beside the two baselines
 * and every held-out prediction, and with --write stores the parameters in a
 * world file.
 */
#include <cjson/cJSON.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

const char cmd_calibrate_help[] =
  "Usage: orbit calibrate [--world FILE] [--write FILE] [--json]\n"
  "\n"
  "Fits the stance model by penalised maximum likelihood (an ordered logit with\n"
  "sign constraints and an L2 penalty chosen by leave-one-country-out log-loss) to\n"
  "every observed stance the world records, the patrons' own excepted. Prints the\n"
  "fitted parameters, then the nested leave-one-country-out accuracy and log-loss\n"
  "of the model beside two baselines measured on the same folds (the majority\n"
  "class; the stance of the country's closest ally), and each held-out prediction.\n"
  "The run is deterministic: the same world gives the same bytes.\n"
  "\n"
  "Options:\n"
  "  --world FILE   the world file (default: the built-in post-Soviet world)\n"
  "  --write FILE   store the fitted stance_* parameters, with fitted_by, in the\n"
  "                 world file FILE (often the same file), replacing those there;\n"
  "                 FILE is left untouched if the result would not load\n"
  "  --json         print the same as JSON\n"
  "  --record       validate instead the stance model learned from the UN record\n"
  "                 (orbit calibrate --record [--world FILE] [--from Y] [--to Y])\n"
  "  --help         show this help\n"
  "\n"
  "The procedure is documented in docs/MODEL.md. Exit status: 0 ok, 1 bad input\n"
  "(invalid world, too few observed stances), 2 bad usage.\n";

/* The last path component of path. */
static const char *base_name(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}

/* The issues that gave observations, as "A, B" into buf. */
static void issue_list(const orb_world *w, const orb_stance_calibration *c, char *buf,
                       size_t size) {
  size_t used = 0;
  buf[0] = '\0';
  for (size_t q = 0; q < w->issue_count; q++) {
    int has = 0;
    for (size_t i = 0; i < c->observation_count && !has; i++) has = c->heldout[i].issue == q;
    if (!has) continue;
    int n = snprintf(buf + used, size - used, "%s%s", used ? ", " : "", w->issues[q].id);
    if (n < 0 || (size_t)n >= size - used) break;
    used += (size_t)n;
  }
}

/* Prints " support/silent/condemn" probabilities. */
static void print_probs(const double prob[ORB_STANCE_COUNT]) {
  printf(" %5.3f/%5.3f/%5.3f", prob[ORB_STANCE_SUPPORT], prob[ORB_STANCE_SILENT],
         prob[ORB_STANCE_CONDEMN]);
}

/* Prints the readable report: data, lambda grid, parameters, scores, held-out rows. */
static void print_report(const orb_world *w, const orb_stance_calibration *c,
                         const char *issues) {
  const orb_stance_model *m = &c->model;
  printf("Stance model calibration on %s (%s)\n", w->name, base_name(w->path));
  printf("Data: %zu observed stances of %zu actors on %zu issues (%s); the patrons' own "
         "stances excluded\n\n", c->observation_count, c->country_count, c->issue_count, issues);
  printf("L2 penalty by leave-one-country-out log-loss:\n  %-8s %s\n", "lambda", "log-loss");
  size_t grid_count;
  const double *grid = orb_stance_l2_grid(&grid_count);
  for (size_t g = 0; g < grid_count; g++)
    printf("  %-8g %.6f%s\n", grid[g], c->grid_log_loss[g], grid[g] == m->l2 ? "  <- chosen" : "");
  printf("\nFitted parameters (penalised maximum likelihood, %d Newton iterations):\n",
         c->iterations);
  for (int t = 0; t < ORB_TERM_COUNT; t++)
    printf("  stance_w_%-40s %+.6f\n", orb_stance_term_name((orb_stance_term)t), m->weight[t]);
  for (size_t k = 0; k < m->interaction_count; k++) {
    char name[128];
    snprintf(name, sizeof name, "%s_%s", orb_stance_term_name(m->interactions[k].term),
             m->interactions[k].attribute);
    printf("  stance_x_%-40s %+.6f%s\n", name, m->interactions[k].weight,
           c->fitted_interaction[k] ? "" : "  (not fitted: the attribute does not vary)");
  }
  printf("  %-49s %+.6f\n  %-49s %+.6f\n  %-49s %g\n", "stance_cut_condemn", m->cut_condemn,
         "stance_cut_support", m->cut_support, "stance_l2", m->l2);
  printf("In-sample: accuracy %.3f, log-loss %.4f\n\n", c->train_accuracy, c->train_log_loss);
  printf("Nested leave-one-country-out (%zu folds; lambda chosen inside each fold):\n",
         c->country_count);
  printf("  %-16s %8s %9s\n", "predictor", "accuracy", "log-loss");
  printf("  %-16s %8.3f %9.4f\n", "stance model", c->model_cv.accuracy, c->model_cv.log_loss);
  printf("  %-16s %8.3f %9.4f\n", "majority class", c->majority_cv.accuracy,
         c->majority_cv.log_loss);
  printf("  %-16s %8.3f %9.4f\n", "closest ally", c->ally_cv.accuracy, c->ally_cv.log_loss);
  printf("\nHeld-out predictions (P support/silent/condemn):\n");
  printf("  %-10s %-6s %-8s %-18s %-6s %-18s %-18s %s\n", "issue", "actor", "observed",
         "model", "lambda", "majority", "closest ally", "ally");
  for (size_t i = 0; i < c->observation_count; i++) {
    const orb_stance_heldout *h = &c->heldout[i];
    printf("  %-10s %-6s %-8s", w->issues[h->issue].id, w->actors[h->actor].id,
           orb_stance_name(h->observed));
    print_probs(h->model);
    printf(" %-6g", h->l2);
    print_probs(h->majority);
    print_probs(h->ally);
    printf(" %s\n", h->ally_actor == ORB_NONE ? "-" : w->actors[h->ally_actor].id);
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

/* Prints the report as JSON; 0 when out of memory. */
static int print_json(const orb_world *w, const orb_stance_calibration *c) {
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
  char *text = cJSON_Print(root);
  cJSON_Delete(root);
  if (!text) return 0;
  printf("%s\n", text);
  free(text);
  return 1;
}

int cmd_calibrate(int argc, char **argv) {
  static const struct option options[] = {{"world", required_argument, NULL, 'w'},
                                          {"write", required_argument, NULL, 'o'},
                                          {"json", no_argument, NULL, 'j'},
                                          {NULL, 0, NULL, 0}};
  const char *world_path = NULL, *write_path = NULL;
  int opt, json = 0;
  for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
    if (strcmp(argv[i], "--record") == 0) return cli_calibrate_record(argc, argv);
  optind = 1;
  while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
    switch (opt) {
      case 'w': world_path = optarg; break;
      case 'o': write_path = optarg; break;
      case 'j': json = 1; break;
      default: return cli_usage_error("calibrate", "unknown option");
    }
  }
  if (optind < argc)
    return cli_usage_error("calibrate", "unexpected argument '%s'", argv[optind]);
  orb_world *world = cli_load_world(world_path);
  if (!world) return CLI_EINPUT;
  orb_stance_model start;
  if (!cli_load_stance_model(world, &start)) {
    orb_world_free(world);
    return CLI_EINPUT;
  }
  orb_stance_calibration result;
  orb_diags diags;
  orb_diags_init(&diags);
  orb_status status = orb_stance_calibrate(world, &start, &result, &diags);
  int rc = CLI_EINPUT;
  if (status != ORB_OK) {
    orb_diags_print(&diags, stderr);
    fprintf(stderr, "orbit calibrate: %s: no calibration (%s)\n", world->path,
            orb_status_str(status));
  } else {
    char issues[512], fitted_by[1024];
    issue_list(world, &result, issues, sizeof issues);
    rc = CLI_OK;
    if (!json) {
      print_report(world, &result, issues);
    } else if (!print_json(world, &result)) {
      fprintf(stderr, "orbit calibrate: out of memory\n");
      rc = CLI_EINPUT;
    }
    if (write_path) {
      snprintf(fitted_by, sizeof fitted_by,
               "orbit calibrate --world %s: penalised ordered-logit maximum likelihood "
               "(lambda %g by leave-one-country-out log-loss) on the %zu observed stances "
               "of issues %s; nested leave-one-country-out accuracy %.3f, log-loss %.4f "
               "(majority class %.3f, %.4f; closest ally %.3f, %.4f)",
               base_name(world->path), result.model.l2, result.observation_count, issues,
               result.model_cv.accuracy, result.model_cv.log_loss, result.majority_cv.accuracy,
               result.majority_cv.log_loss, result.ally_cv.accuracy, result.ally_cv.log_loss);
      status = orb_stance_write_params(write_path, &result.model, result.fitted_interaction,
                                       fitted_by, &diags);
      if (status != ORB_OK) {
        orb_diags_print(&diags, stderr);
        fprintf(stderr, "orbit calibrate: parameters not written to %s\n", write_path);
        rc = CLI_EINPUT;
      } else {
        fprintf(json ? stderr : stdout, "%sWrote the fitted stance parameters to %s\n",
                json ? "" : "\n", write_path);
      }
    }
    orb_stance_calibration_free(&result);
  }
  orb_diags_free(&diags);
  orb_stance_model_free(&start);
  orb_world_free(world);
  return rc;
}
