/*
 * simulation.c: the writers of an ensemble of the month-by-month model (orbit
 * simulate): a summary of what a reader of the seeds cares about (credibility,
 * capacity, each pole's leverage, exit hazards) at a few months, as text or JSON;
 * and series month by month, as quantiles or kept runs, as CSV or JSON Lines.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/report_internal.h"

/* The month index of a date, or ORB_NONE outside the model. */
static size_t month_index(const orb_dyn_model *m, int year, int month) {
  orb_date d = orb_date_from_ymd(year, month, 1);
  size_t n = orb_dyn_month_count(m);
  for (size_t k = 0; k < n; k++)
    if (orb_dyn_month_date(m, k) == d) return k;
  return ORB_NONE;
}

static const float *cell(const orb_dyn_summary *s, size_t series, size_t month) {
  return s->quantiles + (series * s->month_count + month) * 3;
}

static void print_band(FILE *out, const float *q) {
  fprintf(out, "  %5.3f [%5.3f-%5.3f]", q[1], q[0], q[2]);
}

/* Checkpoints of the summary: before the invasion, after the ignored request,
 * after Armenia's freeze, and the last month (those inside the run). */
static size_t checkpoints(const orb_dyn_model *m, size_t *at, char label[4][11]) {
  static const int ym[][2] = {{2021, 12}, {2022, 12}, {2024, 12}};
  size_t n = 0;
  for (size_t k = 0; k < 3; k++) {
    size_t i = month_index(m, ym[k][0], ym[k][1]);
    if (i != ORB_NONE) at[n++] = i;
  }
  size_t last = orb_dyn_month_count(m) - 1;
  if (!n || at[n - 1] != last) at[n++] = last;
  for (size_t k = 0; k < n; k++) orb_date_format(orb_dyn_month_date(m, at[k]), ORB_PREC_MONTH, label[k]);
  return n;
}

/* Prints the rows of the series whose name starts with prefix, at the checkpoints. */
static void print_rows(FILE *out, const orb_dyn_model *m, const orb_dyn_summary *s, const char *prefix,
                       const size_t *at, size_t n, const char *title, char label[4][11]) {
  size_t plen = strlen(prefix);
  int header = 0;
  for (size_t k = 0; k < orb_dyn_series_count(m); k++) {
    const char *name = orb_dyn_series_name(m, k);
    if (strncmp(name, prefix, plen) != 0) continue;
    if (!header) {
      fprintf(out, "\n%s\n  %-18s", title, "");
      for (size_t c = 0; c < n; c++) fprintf(out, "  %-20s", label[c]);
      fprintf(out, "\n");
      header = 1;
    }
    fprintf(out, "  %-18s", name + plen);
    for (size_t c = 0; c < n; c++) print_band(out, cell(s, k, at[c]));
    fprintf(out, "\n");
  }
}

static void summary_text(FILE *out, const orb_world *w, const orb_dyn_model *m,
                         const orb_dyn_summary *s, uint64_t seed) {
  size_t at[4];
  char label[4][11];
  size_t n = checkpoints(m, at, label);
  char a[11], b[11];
  orb_date_format(orb_dyn_month_date(m, 0), ORB_PREC_MONTH, a);
  orb_date_format(orb_dyn_month_date(m, orb_dyn_month_count(m) - 1), ORB_PREC_MONTH, b);
  fprintf(out, "%s: %zu runs, %s to %s monthly, seed %llu; median [5%%-95%%] of the runs\n",
         w->name, s->runs, a, b, (unsigned long long)seed);
  print_rows(out, m, s, "credibility:", at, n, "Credibility of alliance commitments (share honoured)",
             label);
  print_rows(out, m, s, "capacity:", at, n, "Free capacity of each pole (relative to the strongest)",
             label);
  for (size_t p = 0; p < orb_dyn_series_count(m); p++) {
    const char *name = orb_dyn_series_name(m, p);
    if (strncmp(name, "capacity:", 9) != 0) continue;
    char prefix[64], title[128];
    snprintf(prefix, sizeof prefix, "leverage:%s:", name + 9);
    snprintf(title, sizeof title, "Leverage of %s over each state", name + 9);
    print_rows(out, m, s, prefix, at, n, title, label);
  }
  for (size_t k = 0; k < orb_dyn_series_count(m); k++) {
    const char *name = orb_dyn_series_name(m, k);
    if (strncmp(name, "credibility:", 12) != 0) continue;
    char title[128];
    snprintf(title, sizeof title, "Hazard of leaving the %s, per year (members and suspended members)",
             name + 12);
    /* rows exit:STATE:INST */
    int header = 0;
    for (size_t e = 0; e < orb_dyn_series_count(m); e++) {
      const char *en = orb_dyn_series_name(m, e);
      const char *colon = strrchr(en, ':');
      if (strncmp(en, "exit:", 5) != 0 || strcmp(colon + 1, name + 12) != 0) continue;
      int any = 0; /* members at none of the checkpoints are left out */
      for (size_t c = 0; c < n; c++) any |= cell(s, e, at[c])[2] > 0;
      if (!any) continue;
      if (!header) {
        fprintf(out, "\n%s\n  %-18s", title, "");
        for (size_t c = 0; c < n; c++) fprintf(out, "  %-20s", label[c]);
        fprintf(out, "\n");
        header = 1;
      }
      fprintf(out, "  %-18.*s", (int)(colon - en - 5), en + 5);
      for (size_t c = 0; c < n; c++) print_band(out, cell(s, e, at[c]));
      fprintf(out, "\n");
    }
  }
  fprintf(out, "\nAll series: --list-series; month by month: --series NAME; the model: docs/MODEL.md.\n");
}

void report_simulation_brief(FILE *out, const orb_world *w, const orb_dyn_model *m,
                             const orb_dyn_summary *s) {
  static const int ym[2][2] = {{2021, 12}, {2024, 12}};
  size_t at[2], last = orb_dyn_month_count(m) - 1;
  char label[2][11];
  for (int c = 0; c < 2; c++) {
    at[c] = month_index(m, ym[c][0], ym[c][1]);
    if (at[c] == ORB_NONE) at[c] = last;
    orb_date_format(orb_dyn_month_date(m, at[c]), ORB_PREC_MONTH, label[c]);
  }
  fprintf(out, "%zu runs, median [5%%-95%%]; more with orbit simulate\n", s->runs);
  for (size_t k = 0; k < orb_dyn_series_count(m); k++) {
    const char *name = orb_dyn_series_name(m, k);
    if (strncmp(name, "credibility:", 12) != 0) continue;
    size_t inst = orb_world_institution(w, name + 12);
    if (inst == ORB_NONE || w->institutions[inst].leader == ORB_NONE) continue;
    const char *leader = w->actors[w->institutions[inst].leader].id;
    fprintf(out, "\n%-44s  %-20s  %-20s\n", "", label[0], label[1]);
    fprintf(out, "%-44s", name);
    for (int c = 0; c < 2; c++) print_band(out, cell(s, k, at[c]));
    fprintf(out, "\n");
    for (size_t e = 0; e < orb_dyn_series_count(m); e++) {
      const char *en = orb_dyn_series_name(m, e);
      const char *colon = strrchr(en, ':');
      if (strncmp(en, "exit:", 5) != 0 || strcmp(colon + 1, name + 12) != 0) continue;
      if (cell(s, e, at[0])[2] <= 0 && cell(s, e, at[1])[2] <= 0) continue; /* not a member then */
      char state[64], series[160];
      snprintf(state, sizeof state, "%.*s", (int)(colon - en - 5), en + 5);
      snprintf(series, sizeof series, "leverage:%s:%s", leader, state);
      size_t lev = orb_dyn_series_find(m, series);
      if (lev != ORB_NONE) {
        fprintf(out, "%-44s", series);
        for (int c = 0; c < 2; c++) print_band(out, cell(s, lev, at[c]));
        fprintf(out, "\n");
      }
      fprintf(out, "%-44s", en);
      for (int c = 0; c < 2; c++) print_band(out, cell(s, e, at[c]));
      fprintf(out, "\n");
    }
  }
}

static orb_status summary_json(FILE *out, const orb_world *w, const orb_dyn_model *m,
                               const orb_dyn_summary *s, uint64_t seed) {
  size_t at[4];
  char label[4][11];
  size_t n = checkpoints(m, at, label);
  cJSON *root = cJSON_CreateObject();
  cJSON_AddStringToObject(root, "world", w->name);
  cJSON_AddNumberToObject(root, "runs", (double)s->runs);
  cJSON_AddNumberToObject(root, "seed", (double)seed);
  cJSON *series = cJSON_AddObjectToObject(root, "series");
  for (size_t k = 0; k < orb_dyn_series_count(m); k++) {
    cJSON *one = cJSON_AddObjectToObject(series, orb_dyn_series_name(m, k));
    for (size_t c = 0; c < n; c++) {
      const float *q = cell(s, k, at[c]);
      cJSON *band = cJSON_AddObjectToObject(one, label[c]);
      cJSON_AddNumberToObject(band, "q05", q[0]);
      cJSON_AddNumberToObject(band, "median", q[1]);
      cJSON_AddNumberToObject(band, "q95", q[2]);
    }
  }
  return report_json(out, root, 0);
}

orb_status orb_report_simulation(FILE *out, const orb_world *world, const orb_dyn_model *model,
                                 const orb_dyn_summary *summary, uint64_t seed,
                                 orb_format format) {
  if (format == ORB_FORMAT_JSON) return summary_json(out, world, model, summary, seed);
  if (format != ORB_FORMAT_TEXT) return ORB_EINVAL;
  summary_text(out, world, model, summary, seed);
  return report_done(out);
}

orb_status orb_report_simulation_series(FILE *out, const orb_dyn_model *m,
                                        const orb_dyn_summary *s, const unsigned char *chosen,
                                        int per_run, orb_format format) {
  if (format != ORB_FORMAT_CSV && format != ORB_FORMAT_JSON) return ORB_EINVAL;
  const int json = format == ORB_FORMAT_JSON;
  const size_t count = orb_dyn_series_count(m), M = orb_dyn_month_count(m);
  if (!json) fputs(per_run ? "series,run,month,value\n" : "series,month,q05,q50,q95\n", out);
  for (size_t k = 0; k < count; k++) {
    if (!chosen[k]) continue;
    const char *name = orb_dyn_series_name(m, k);
    for (size_t r = 0; r < (per_run ? s->kept : 1); r++)
      for (size_t t = 0; t < M; t++) {
        char date[11];
        orb_date_format(orb_dyn_month_date(m, t), ORB_PREC_MONTH, date);
        if (per_run) {
          float v = s->kept_values[(r * count + k) * M + t];
          if (json)
            fprintf(out, "{\"series\":\"%s\",\"run\":%zu,\"month\":\"%s\",\"value\":%.6g}\n",
                    name, r, date, v);
          else
            fprintf(out, "%s,%zu,%s,%.6g\n", name, r, date, v);
        } else {
          const float *q = cell(s, k, t);
          if (json)
            fprintf(out, "{\"series\":\"%s\",\"month\":\"%s\",\"q05\":%.6g,\"q50\":%.6g,"
                    "\"q95\":%.6g}\n", name, date, q[0], q[1], q[2]);
          else
            fprintf(out, "%s,%s,%.6g,%.6g,%.6g\n", name, date, q[0], q[1], q[2]);
        }
      }
  }
  return report_done(out);
}

/* ---- validation against the record -------------------------------------------- */

static void validation_text(FILE *out, const orb_dyn_validation *v) {
  static const char *const variant[2] = {"structure only (record capability, conflict)",
                                         "assimilating the roll calls each December"};
  fprintf(out, "Agreement with %s in the UN roll calls: the model against the record\n\n",
          v->pole);
  fprintf(out, "Fit %d-%d, %zu states, yearly mean of alignment:S:%s against observed agreement\n",
          v->fit_from, v->fit_to, v->state_count, v->pole);
  fprintf(out, "  %-46s %5s %7s %7s %7s\n", "model", "n", "MAE", "RMSE", "corr");
  for (int k = 0; k < 2; k++)
    fprintf(out, "  %-46s %5zu %7.3f %7.3f %7.3f\n", variant[k], v->fit_n[k], v->fit_mae[k],
            v->fit_rmse[k], v->fit_corr[k]);
  const orb_dyn_alignment_fit *f = &v->full_fit;
  fprintf(out, "\nAlignment rates fitted on the years up to %d (the shipped defaults): half-life "
          "%g months, anchor memory %g, slope %g, assimilation %g, common level %g (%zu "
          "forecasts, MAE %.3f, RMSE %.3f; inner validation RMSE %.4f without the common level, "
          "%.4f with it)\n", v->fit_to, f->half_life_months, f->anchor_memory, f->slope,
          f->assimilate, f->common, f->n, f->mae, f->rmse, f->inner_rmse[0], f->inner_rmse[1]);
  fprintf(out, "Noise ratio of the roll calls up to %d (the shipped align_vote_noise): %.0f votes\n",
          v->fit_to, v->vote_noise);
  fprintf(out, "\nForecasts of the next %d years from each origin t (record, events, ties and "
          "memberships up to t; rates fitted on years up to t)\n", v->horizon);
  fprintf(out, "  %-10s %5s %10s %10s %12s %12s %10s %10s  %s\n", "origin", "n", "model MAE",
          "model RMSE", "persist MAE", "persist RMSE", "mean3 MAE", "mean3 RMSE",
          "fitted half-life/memory/slope/assimilation/common (inner RMSE without/with)");
  for (size_t k = 0; k < v->row_count; k++) {
    const orb_dyn_validation_row *r = &v->rows[k];
    char label[32];
    if (r->origin)
      snprintf(label, sizeof label, "%d", r->origin);
    else if (r->horizon)
      snprintf(label, sizeof label, "t+%d", r->horizon);
    else
      snprintf(label, sizeof label, "all");
    fprintf(out, "  %-10s %5zu %10.3f %10.3f %12.3f %12.3f %10.3f %10.3f", label, r->n,
            r->model_mae, r->model_rmse, r->persist_mae, r->persist_rmse, r->mean3_mae,
            r->mean3_rmse);
    if (r->origin) {
      const orb_dyn_alignment_fit *g = &v->origin_fits[r->origin - v->origin_from];
      fprintf(out, "  %g/%g/%g/%g/%g (%.4f/%.4f)", g->half_life_months, g->anchor_memory,
              g->slope, g->assimilate, g->common, g->inner_rmse[0], g->inner_rmse[1]);
    }
    fputc('\n', out);
  }
}

/* A number, or null when it is not finite. */
static cJSON *json_number(double x) {
  return isfinite(x) ? cJSON_CreateNumber(x) : cJSON_CreateNull();
}

/* The fitted rates of the alignment as a JSON object (NULL when out of memory). */
static cJSON *fit_json(const orb_dyn_alignment_fit *f) {
  cJSON *o = cJSON_CreateObject();
  cJSON_AddNumberToObject(o, "half_life_months", f->half_life_months);
  cJSON_AddNumberToObject(o, "anchor_memory", f->anchor_memory);
  cJSON_AddNumberToObject(o, "slope", f->slope);
  cJSON_AddNumberToObject(o, "assimilate", f->assimilate);
  cJSON_AddNumberToObject(o, "common", f->common);
  cJSON_AddItemToObject(o, "inner_rmse_without_common", json_number(f->inner_rmse[0]));
  cJSON_AddItemToObject(o, "inner_rmse_with_common", json_number(f->inner_rmse[1]));
  cJSON_AddNumberToObject(o, "n", (double)f->n);
  cJSON_AddItemToObject(o, "mae", json_number(f->mae));
  cJSON_AddItemToObject(o, "rmse", json_number(f->rmse));
  return o;
}

static orb_status validation_json(FILE *out, const orb_dyn_validation *v) {
  cJSON *root = cJSON_CreateObject(), *fits = cJSON_CreateArray(), *rows = cJSON_CreateArray();
  if (!root || !fits || !rows) {
    cJSON_Delete(root), cJSON_Delete(fits), cJSON_Delete(rows);
    return ORB_ENOMEM;
  }
  cJSON_AddItemToObject(root, "fit", fits);
  cJSON_AddItemToObject(root, "forecasts", rows);
  cJSON_AddStringToObject(root, "pole", v->pole);
  cJSON_AddNumberToObject(root, "states", (double)v->state_count);
  cJSON_AddNumberToObject(root, "horizon", v->horizon);
  cJSON_AddItemToObject(root, "rates", fit_json(&v->full_fit));
  cJSON_AddItemToObject(root, "vote_noise", json_number(v->vote_noise));
  for (int k = 0; k < 2; k++) {
    cJSON *f = cJSON_CreateObject();
    cJSON_AddItemToArray(fits, f);
    cJSON_AddStringToObject(f, "variant", k ? "assimilated" : "structure");
    cJSON_AddNumberToObject(f, "from", v->fit_from);
    cJSON_AddNumberToObject(f, "to", v->fit_to);
    cJSON_AddNumberToObject(f, "n", (double)v->fit_n[k]);
    cJSON_AddItemToObject(f, "mae", json_number(v->fit_mae[k]));
    cJSON_AddItemToObject(f, "rmse", json_number(v->fit_rmse[k]));
    cJSON_AddItemToObject(f, "corr", json_number(v->fit_corr[k]));
  }
  for (size_t k = 0; k < v->row_count; k++) {
    const orb_dyn_validation_row *r = &v->rows[k];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToArray(rows, o);
    cJSON_AddItemToObject(o, "origin", r->origin ? cJSON_CreateNumber(r->origin) : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "horizon", r->horizon ? cJSON_CreateNumber(r->horizon) : cJSON_CreateNull());
    cJSON_AddNumberToObject(o, "n", (double)r->n);
    cJSON_AddItemToObject(o, "model_mae", json_number(r->model_mae));
    cJSON_AddItemToObject(o, "model_rmse", json_number(r->model_rmse));
    cJSON_AddItemToObject(o, "persistence_mae", json_number(r->persist_mae));
    cJSON_AddItemToObject(o, "persistence_rmse", json_number(r->persist_rmse));
    cJSON_AddItemToObject(o, "mean3_mae", json_number(r->mean3_mae));
    cJSON_AddItemToObject(o, "mean3_rmse", json_number(r->mean3_rmse));
    if (r->origin)
      cJSON_AddItemToObject(o, "rates", fit_json(&v->origin_fits[r->origin - v->origin_from]));
  }
  return report_json(out, root, 0);
}

orb_status orb_report_dyn_validation(FILE *out, const orb_dyn_validation *v, orb_format format) {
  if (format == ORB_FORMAT_JSON) return validation_json(out, v);
  if (format != ORB_FORMAT_TEXT) return ORB_EINVAL;
  validation_text(out, v);
  return report_done(out);
}
