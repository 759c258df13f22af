/*
 * bargaining.c: the writers of a bargaining (orbit bargain): one run's positions
 * turn by turn with the final positions and their holders, or an ensemble's
 * outcome statistics, as text; everything as JSON; every position as CSV.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_internal.h"

/* Prints the run's history and outcome as text. */
static void print_text_run(FILE *out, const orb_bargain_scenario *s,
                           const orb_bargain_result *r, int all_probs) {
  const size_t n = r->actor_count, m = r->dim_count;
  fprintf(out, "\nPositions by turn (%zu turns):\n", r->state_count - 1);
  for (size_t i = 0; i < n; i++)
    for (size_t k = 0; k < m; k++) {
      fprintf(out, "  %-12s %-14s", s->actor_names[i], s->dim_names[k]);
      for (size_t t = 0; t < r->state_count; t++)
        fprintf(out, " %5.1f", r->positions[(t * n + i) * m + k]);
      fputc('\n', out);
    }
  if (all_probs) {
    fprintf(out, "\nProbability of each actor's position by turn:\n");
    for (size_t i = 0; i < n; i++) {
      fprintf(out, "  %-12s", s->actor_names[i]);
      for (size_t t = 0; t < r->state_count; t++)
        fprintf(out, " %.4f", r->probabilities[t * n + i]);
      fputc('\n', out);
    }
  }
  const size_t last = r->state_count - 1;
  fprintf(out, "\nFinal positions and their probabilities:\n");
  for (size_t u = 0; u < r->unique_count; u++) {
    const size_t a = r->unique_actor[u];
    fprintf(out, "  %.4f ", r->unique_prob[u]);
    for (size_t k = 0; k < m; k++) fprintf(out, " %6.2f", r->positions[(last * n + a) * m + k]);
    fprintf(out, "   held by");
    for (size_t i = 0; i < n; i++)
      if (orb_bargain_holds(r, u, i)) fprintf(out, " %s", s->actor_names[i]);
    fputc('\n', out);
  }
  fprintf(out, "\nOutcome by dimension:      weighted  most probable\n");
  for (size_t k = 0; k < m; k++)
    fprintf(out, "  %-24s %7.2f  %7.2f\n", s->dim_names[k], r->outcome_mean[k],
           r->outcome_mode[k]);
}

/* Prints the summary of an ensemble's outcomes as text. */
static void print_text_summary(FILE *out, const orb_bargaining *b) {
  const orb_bargain_scenario *s = b->scenario;
  const orb_bargain_summary *sum = &b->summary;
  fprintf(out, "\nOutcome over %llu runs (probability-weighted final position):\n",
          (unsigned long long)sum->runs);
  fprintf(out, "  %-24s %8s %8s %8s %8s %8s %8s %8s\n", "dimension", "mean", "sd", "min",
          "p5", "median", "p95", "max");
  for (size_t k = 0; k < sum->dim_count; k++)
    fprintf(out, "  %-24s %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f\n", s->dim_names[k],
            sum->mean[k], orb_bargain_summary_sd(sum, k), sum->min[k],
            orb_bargain_summary_quantile(sum, k, 0), orb_bargain_summary_quantile(sum, k, 1),
            orb_bargain_summary_quantile(sum, k, 2), sum->max[k]);
  fprintf(out, "  mean number of turns: %.2f\n", sum->turns_mean);
}

/* An array of count doubles as JSON. */
static cJSON *numbers(const double *values, size_t count, size_t stride) {
  cJSON *array = cJSON_CreateArray();
  for (size_t i = 0; i < count; i++)
    cJSON_AddItemToArray(array, cJSON_CreateNumber(values[i * stride]));
  return array;
}

/* One run as JSON. */
static cJSON *run_json(const orb_bargain_result *r, int all_probs) {
  const size_t n = r->actor_count, m = r->dim_count, last = r->state_count - 1;
  cJSON *run = cJSON_CreateObject();
  cJSON_AddNumberToObject(run, "turns", (double)last);
  cJSON *positions = cJSON_AddArrayToObject(run, "positions");
  for (size_t t = 0; t < r->state_count; t++) {
    cJSON *state = cJSON_CreateArray();
    for (size_t i = 0; i < n; i++)
      cJSON_AddItemToArray(state, numbers(r->positions + (t * n + i) * m, m, 1));
    cJSON_AddItemToArray(positions, state);
  }
  if (all_probs) {
    cJSON *probs = cJSON_AddArrayToObject(run, "probabilities");
    for (size_t t = 0; t < r->state_count; t++)
      cJSON_AddItemToArray(probs, numbers(r->probabilities + t * n, n, 1));
  }
  cJSON_AddItemToObject(run, "final_probabilities", numbers(r->probabilities + last * n, n, 1));
  cJSON *unique = cJSON_AddArrayToObject(run, "final_positions");
  for (size_t u = 0; u < r->unique_count; u++) {
    cJSON *item = cJSON_CreateObject();
    cJSON_AddNumberToObject(item, "actor", (double)r->unique_actor[u]);
    cJSON_AddItemToObject(item, "position",
                          numbers(r->positions + (last * n + r->unique_actor[u]) * m, m, 1));
    cJSON_AddNumberToObject(item, "probability", r->unique_prob[u]);
    cJSON_AddItemToArray(unique, item);
  }
  cJSON *outcome = cJSON_AddObjectToObject(run, "outcome");
  cJSON_AddItemToObject(outcome, "weighted", numbers(r->outcome_mean, m, 1));
  cJSON_AddItemToObject(outcome, "most_probable", numbers(r->outcome_mode, m, 1));
  return run;
}

/* The JSON document's opening: everything but the runs. NULL when out of memory. */
static cJSON *head_json(const orb_bargaining *b) {
  const orb_bargain_scenario *s = b->scenario;
  const orb_bargain_options *o = &b->options;
  cJSON *root = cJSON_CreateObject();
  cJSON_AddStringToObject(root, "scenario", s->name);
  cJSON_AddStringToObject(root, "description", s->description);
  cJSON *actors = cJSON_AddArrayToObject(root, "actors");
  for (size_t i = 0; i < s->actor_count; i++) {
    cJSON *a = cJSON_CreateObject();
    cJSON_AddStringToObject(a, "name", s->actor_names[i]);
    cJSON_AddNumberToObject(a, "capability", s->capability[i]);
    cJSON_AddItemToArray(actors, a);
  }
  cJSON_AddItemToObject(root, "dimensions",
                        cJSON_CreateStringArray((const char *const *)s->dim_names,
                                                (int)s->dim_count));
  cJSON *opts = cJSON_AddObjectToObject(root, "options");
  for (int k = 0; k < ORB_BOPT_COUNT; k++)
    cJSON_AddStringToObject(opts, orb_bargain_option_key((orb_bargain_option)k),
                            orb_bargain_options_get(o, (orb_bargain_option)k));
  char seed_text[32];
  snprintf(seed_text, sizeof seed_text, "%llu", (unsigned long long)b->seed);
  cJSON_AddStringToObject(root, "seed", seed_text);
  return root;
}

/* Writes item on one line (then deletes it), preceded by lead. */
static orb_status print_json_item(FILE *out, const char *lead, cJSON *item, int open) {
  char *text = item ? cJSON_PrintUnformatted(item) : NULL;
  cJSON_Delete(item);
  if (!text) return ORB_ENOMEM;
  if (open) text[strlen(text) - 1] = '\0'; /* the object stays open for the runs */
  fprintf(out, "%s%s", lead, text);
  cJSON_free(text);
  return report_done(out);
}

/* Prints every position of one run as CSV rows. */
static void print_csv_run(FILE *out, const orb_bargaining *b, uint64_t run,
                          const orb_bargain_result *res) {
  const orb_bargain_scenario *s = b->scenario;
  const size_t n = res->actor_count, m = res->dim_count;
  for (size_t t = 0; t < res->state_count; t++)
    for (size_t i = 0; i < n; i++)
      for (size_t k = 0; k < m; k++) {
        fprintf(out, "%llu,%zu,\"%s\",\"%s\",%.4f,", (unsigned long long)run, t,
                s->actor_names[i], s->dim_names[k], res->positions[(t * n + i) * m + k]);
        if (b->options.turn_probabilities || t + 1 == res->state_count)
          fprintf(out, "%.4f", res->probabilities[t * n + i]);
        fputc('\n', out);
      }
}

orb_status orb_report_bargaining_begin(FILE *out, const orb_bargaining *b,
                                       orb_format format) {
  const orb_bargain_scenario *s = b->scenario;
  switch (format) {
  case ORB_FORMAT_TEXT:
    fprintf(out, "Scenario: %s (%s)\nFile:     %s\nActors:   %zu, dimensions: %zu\n",
            s->name, s->description, b->source, s->actor_count, s->dim_count);
    fprintf(out, "Options: ");
    for (int k = 0; k < ORB_BOPT_COUNT; k++)
      fprintf(out, " %s=%s", orb_bargain_option_key((orb_bargain_option)k),
              orb_bargain_options_get(&b->options, (orb_bargain_option)k));
    fprintf(out, "\nSeed:     %llu\n", (unsigned long long)b->seed);
    if (b->run_count > 1) fprintf(out, "\nRuns:\n");
    return report_done(out);
  case ORB_FORMAT_CSV:
    fprintf(out, "run,turn,actor,dimension,position,probability\n");
    return report_done(out);
  case ORB_FORMAT_JSON: {
    orb_status status = print_json_item(out, "", head_json(b), 1);
    if (status == ORB_OK) fprintf(out, ",\"runs\":[");
    return status == ORB_OK ? report_done(out) : status;
  }
  default: return ORB_EINVAL;
  }
}

orb_status orb_report_bargaining_run(FILE *out, const orb_bargaining *b, uint64_t run,
                                     const orb_bargain_result *r, orb_format format) {
  switch (format) {
  case ORB_FORMAT_TEXT:
    if (b->run_count > 1) {
      fprintf(out, "  %4llu  %3zu turns ", (unsigned long long)run, r->state_count - 1);
      for (size_t k = 0; k < r->dim_count; k++) fprintf(out, " %6.2f", r->outcome_mean[k]);
      fputc('\n', out);
    }
    return report_done(out);
  case ORB_FORMAT_CSV: print_csv_run(out, b, run, r); return report_done(out);
  case ORB_FORMAT_JSON:
    return print_json_item(out, run ? "," : "", run_json(r, b->options.turn_probabilities), 0);
  default: return ORB_EINVAL;
  }
}

orb_status orb_report_bargaining_end(FILE *out, const orb_bargaining *b, orb_format format) {
  switch (format) {
  case ORB_FORMAT_TEXT:
    if (b->run_count == 1 && b->single)
      print_text_run(out, b->scenario, b->single, b->options.turn_probabilities);
    else if (b->summary.runs > 0)
      print_text_summary(out, b);
    return report_done(out);
  case ORB_FORMAT_CSV: return report_done(out);
  case ORB_FORMAT_JSON: fprintf(out, "]}\n"); return report_done(out);
  default: return ORB_EINVAL;
  }
}

/* orb_bargaining_sink writing each run to the stream of a report. */
typedef struct report_sink {
  FILE *out;
  orb_format format;
} report_sink;

static orb_status write_run(void *user, const orb_bargaining *b, uint64_t run,
                            const orb_bargain_result *result) {
  const report_sink *r = user;
  return orb_report_bargaining_run(r->out, b, run, result, r->format);
}

orb_status orb_report_bargaining_play(FILE *out, orb_bargaining *b, orb_format format,
                                      orb_diags *diags) {
  report_sink sink = {out, format};
  orb_status status = orb_report_bargaining_begin(out, b, format);
  if (status == ORB_OK) status = orb_bargaining_play(b, write_run, &sink, diags);
  if (status == ORB_OK) status = orb_report_bargaining_end(out, b, format);
  return status;
}
