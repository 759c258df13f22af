/*
 * simulation.c: the writers of an ensemble of the month-by-month model (orbit
 * simulate): a summary of what a reader of the seeds cares about (credibility,
 * capacity, each pole's leverage, exit hazards) at a few months, as text or JSON;
 * and series month by month, as quantiles or kept runs, as CSV or JSON Lines.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
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

/* Adds to parent the object name = {"q05", "median", "q95"} of the band q (5%,
 * median, 95%); cJSON's failures are caught when the tree is printed. */
static void add_band(cJSON *parent, const char *name, const float *q) {
  cJSON *band = cJSON_AddObjectToObject(parent, name);
  cJSON_AddNumberToObject(band, "q05", q[0]);
  cJSON_AddNumberToObject(band, "median", q[1]);
  cJSON_AddNumberToObject(band, "q95", q[2]);
}

/* The first and last months of m as YYYY-MM into a and b (the caller's). */
static void month_span(const orb_dyn_model *m, char a[11], char b[11]) {
  orb_date_format(orb_dyn_month_date(m, 0), ORB_PREC_MONTH, a);
  orb_date_format(orb_dyn_month_date(m, orb_dyn_month_count(m) - 1), ORB_PREC_MONTH, b);
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

/* The state of a series "leverage:POLE:STATE", or NULL for another series. */
static const char *leverage_state(const char *name) {
  return strncmp(name, "leverage:", 9) == 0 ? strrchr(name, ':') + 1 : NULL;
}

/* Fills share[k], for every series k, with the share of the pole of leverage
 * series k in the poles' leverage over its state at month i: its median over the
 * sum of the medians of every pole's leverage over that state (0 when none has
 * any, and for other series). share[orb_dyn_series_count(m)] is the caller's. */
static void leverage_shares(const orb_dyn_model *m, const orb_dyn_summary *s, size_t i,
                            float *share) {
  const size_t n = orb_dyn_series_count(m);
  for (size_t k = 0; k < n; k++) {
    const char *state = leverage_state(orb_dyn_series_name(m, k));
    share[k] = 0;
    if (!state) continue;
    float total = 0;
    for (size_t j = 0; j < n; j++) {
      const char *other = leverage_state(orb_dyn_series_name(m, j));
      if (other && strcmp(other, state) == 0) total += cell(s, j, i)[1];
    }
    if (total > 0) share[k] = cell(s, k, i)[1] / total;
  }
}

/* The story in a few lines: from the end of 2021 to the end of 2024 (when both
 * are simulated), each alliance's credibility, over how many states each pole's
 * leverage and its share of the poles' leverage fell or rose (and where most),
 * and whose exit hazard rose most; the changes of the medians. */
static void story(FILE *out, const orb_dyn_model *m, const orb_dyn_summary *s) {
  const size_t a = month_index(m, 2021, 12), b = month_index(m, 2024, 12);
  if (a == ORB_NONE || b == ORB_NONE) return;
  const size_t n = orb_dyn_series_count(m);
  float *share = malloc(2 * n * sizeof *share); /* at a, then at b; NULL: no share lines */
  if (share) leverage_shares(m, s, a, share), leverage_shares(m, s, b, share + n);
  fprintf(out, "\nFrom 2021-12 to 2024-12 (the medians of the runs):\n");
  for (size_t k = 0; k < n; k++) {
    const char *name = orb_dyn_series_name(m, k);
    if (strncmp(name, "credibility:", 12) != 0) continue;
    float x = cell(s, k, a)[1], y = cell(s, k, b)[1];
    fprintf(out, "  credibility of %s: %.3f -> %.3f (%+.3f)\n", name + 12, x, y, y - x);
  }
  for (size_t p = 0; p < n; p++) { /* poles: their capacity series */
    const char *pole = orb_dyn_series_name(m, p);
    if (strncmp(pole, "capacity:", 9) != 0) continue;
    char prefix[64];
    int plen = snprintf(prefix, sizeof prefix, "leverage:%s:", pole + 9);
    size_t states = 0, fell = 0, rose = 0, most_fell = ORB_NONE, most_rose = ORB_NONE;
    float fall = 0, rise = 0;
    for (size_t k = 0; k < n; k++) {
      if (strncmp(orb_dyn_series_name(m, k), prefix, (size_t)plen) != 0) continue;
      float d = cell(s, k, b)[1] - cell(s, k, a)[1];
      states++;
      if (d <= -5e-4f) fell++;
      if (d >= 5e-4f) rose++;
      if (d < fall) fall = d, most_fell = k;
      if (d > rise) rise = d, most_rose = k;
    }
    if (!states) continue;
    fprintf(out, "  leverage of %s: fell over %zu of %zu states, rose over %zu", pole + 9, fell,
            states, rose);
    if (most_fell != ORB_NONE && fell)
      fprintf(out, "; fell most over %s (%.3f -> %.3f)", orb_dyn_series_name(m, most_fell) + plen,
              cell(s, most_fell, a)[1], cell(s, most_fell, b)[1]);
    if (most_rose != ORB_NONE && rose)
      fprintf(out, "; rose most over %s (%.3f -> %.3f)", orb_dyn_series_name(m, most_rose) + plen,
              cell(s, most_rose, a)[1], cell(s, most_rose, b)[1]);
    fprintf(out, "\n");
    /* its share of the poles' leverage, where another pole has some too */
    if (!share) continue;
    size_t shared = 0, lost = 0, gained = 0, most_lost = ORB_NONE, most_gained = ORB_NONE;
    float loss = 0, gain = 0;
    for (size_t k = 0; k < n; k++) {
      if (strncmp(orb_dyn_series_name(m, k), prefix, (size_t)plen) != 0) continue;
      float x = share[k], y = share[n + k];
      if ((x >= 1 || x <= 0) && (y >= 1 || y <= 0)) continue; /* no rival at either date */
      shared++;
      if (y - x <= -5e-4f) lost++;
      if (y - x >= 5e-4f) gained++;
      if (y - x < loss) loss = y - x, most_lost = k;
      if (y - x > gain) gain = y - x, most_gained = k;
    }
    if (!shared) continue;
    fprintf(out, "  share of %s in the poles' leverage: fell over %zu of %zu states, rose over %zu",
            pole + 9, lost, shared, gained);
    if (most_lost != ORB_NONE && lost)
      fprintf(out, "; fell most over %s (%.3f -> %.3f)", orb_dyn_series_name(m, most_lost) + plen,
              share[most_lost], share[n + most_lost]);
    if (most_gained != ORB_NONE && gained)
      fprintf(out, "; rose most over %s (%.3f -> %.3f)", orb_dyn_series_name(m, most_gained) + plen,
              share[most_gained], share[n + most_gained]);
    fprintf(out, "\n");
  }
  for (size_t k = 0; k < n; k++) {
    const char *name = orb_dyn_series_name(m, k);
    if (strncmp(name, "credibility:", 12) != 0) continue;
    size_t members = 0, rose = 0, most = ORB_NONE;
    float rise = 0;
    for (size_t e = 0; e < n; e++) {
      const char *en = orb_dyn_series_name(m, e), *colon = strrchr(en, ':');
      if (strncmp(en, "exit:", 5) != 0 || strcmp(colon + 1, name + 12) != 0) continue;
      if (cell(s, e, a)[1] <= 0 || cell(s, e, b)[1] <= 0) continue; /* a member at both */
      float d = cell(s, e, b)[1] - cell(s, e, a)[1];
      members++;
      if (d >= 5e-4f) rose++;
      if (d > rise) rise = d, most = e;
    }
    if (!members) continue;
    fprintf(out, "  yearly hazard of leaving %s: rose for %zu of %zu members", name + 12, rose,
            members);
    if (most != ORB_NONE) {
      const char *en = orb_dyn_series_name(m, most), *colon = strrchr(en, ':');
      fprintf(out, ", most for %.*s (%.3f -> %.3f)", (int)(colon - en - 5), en + 5,
              cell(s, most, a)[1], cell(s, most, b)[1]);
    }
    fprintf(out, "\n");
  }
  free(share);
}

void report_simulation_text(FILE *out, const orb_world *w, const orb_dyn_model *m,
                            const orb_dyn_summary *s, uint64_t seed) {
  size_t at[4];
  char label[4][11];
  size_t n = checkpoints(m, at, label);
  char a[11], b[11];
  month_span(m, a, b);
  fprintf(out, "%s: %zu runs, %s to %s monthly, seed %llu; median [5%%-95%%] of the runs\n",
         w->name, s->runs, a, b, (unsigned long long)seed);
  story(out, m, s);
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
  fprintf(out, "\nAll series: orbit simulate --list-series; month by month: orbit series NAME;\n"
               "the model: docs/MODEL.md.\n");
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
      add_band(one, label[c], cell(s, k, at[c]));
    }
  }
  return report_json(out, root, 0);
}

orb_status orb_report_simulation(FILE *out, const orb_world *world, const orb_dyn_model *model,
                                 const orb_dyn_summary *summary, uint64_t seed,
                                 orb_format format) {
  if (format == ORB_FORMAT_JSON) return summary_json(out, world, model, summary, seed);
  if (format != ORB_FORMAT_TEXT) return ORB_EINVAL;
  report_simulation_text(out, world, model, summary, seed);
  return report_done(out);
}

/* The chosen series month by month: per run the kept values of s[0], or per month
 * the quantiles of each of the n summaries, their columns prefixed by
 * prefix[i] ("" for one summary: q05,q50,q95). */
static orb_status series_rows(FILE *out, const orb_dyn_model *m, const orb_dyn_summary *const *s,
                              const char *const *prefix, size_t n, const unsigned char *chosen,
                              int per_run, orb_format format) {
  if (format != ORB_FORMAT_CSV && format != ORB_FORMAT_JSON) return ORB_EINVAL;
  const int json = format == ORB_FORMAT_JSON;
  const size_t count = orb_dyn_series_count(m), M = orb_dyn_month_count(m);
  static const char *const qname[3] = {"q05", "q50", "q95"};
  if (!json) {
    if (per_run)
      fputs("series,run,month,value", out);
    else {
      fputs("series,month", out);
      for (size_t i = 0; i < n; i++)
        for (int q = 0; q < 3; q++) fprintf(out, ",%s%s", prefix[i], qname[q]);
    }
    fputc('\n', out);
  }
  for (size_t k = 0; k < count; k++) {
    if (!chosen[k]) continue;
    const char *name = orb_dyn_series_name(m, k);
    for (size_t r = 0; r < (per_run ? s[0]->kept : 1); r++)
      for (size_t t = 0; t < M; t++) {
        char date[11];
        orb_date_format(orb_dyn_month_date(m, t), ORB_PREC_MONTH, date);
        if (per_run) {
          float v = s[0]->kept_values[(r * count + k) * M + t];
          if (json)
            fprintf(out, "{\"series\":\"%s\",\"run\":%zu,\"month\":\"%s\",\"value\":%.6g}\n",
                    name, r, date, v);
          else
            fprintf(out, "%s,%zu,%s,%.6g\n", name, r, date, v);
          continue;
        }
        fprintf(out, json ? "{\"series\":\"%s\",\"month\":\"%s\"" : "%s,%s", name, date);
        for (size_t i = 0; i < n; i++) {
          const float *q = cell(s[i], k, t);
          for (int j = 0; j < 3; j++) {
            if (json) fprintf(out, ",\"%s%s\":", prefix[i], qname[j]);
            fprintf(out, json ? "%.6g" : ",%.6g", q[j]);
          }
        }
        fputs(json ? "}\n" : "\n", out);
      }
  }
  return report_done(out);
}

orb_status orb_report_simulation_series(FILE *out, const orb_dyn_model *m,
                                        const orb_dyn_summary *s, const unsigned char *chosen,
                                        int per_run, orb_format format) {
  static const char *const none[1] = {""};
  return series_rows(out, m, &s, none, 1, chosen, per_run, format);
}

/* ---- a counterfactual against its baseline (orbit compare) ------------------------ */

static const char *const side_name[3] = {"baseline", "counterfactual", "difference"};

/* The three summaries of a comparison, in side_name's order. */
static void sides(const orb_dyn_comparison *c, const orb_dyn_summary *s[3]) {
  s[0] = c->baseline, s[1] = c->counterfactual, s[2] = c->difference;
}

/* Whether the difference of series k is not zero at one of the months at[]. */
static int changed(const orb_dyn_summary *d, size_t k, const size_t *at, size_t n) {
  for (size_t c = 0; c < n; c++) {
    const float *q = cell(d, k, at[c]);
    if (fabsf(q[0]) >= 5e-4f || fabsf(q[2]) >= 5e-4f) return 1;
  }
  return 0;
}

static void comparison_text(FILE *out, const orb_world *w, const orb_dyn_model *m,
                            const orb_dyn_comparison *cmp, uint64_t seed, const char *what) {
  const orb_dyn_summary *s[3];
  sides(cmp, s);
  size_t at[4];
  char label[4][11];
  size_t n = checkpoints(m, at, label);
  char a[11], b[11];
  month_span(m, a, b);
  fprintf(out, "%s: %zu runs of the baseline and of the counterfactual, %s to %s monthly, "
               "seed %llu\n", w->name, s[0]->runs, a, b, (unsigned long long)seed);
  fprintf(out, "counterfactual: %s\n", what && *what ? what : "(none: the baseline again)");
  fprintf(out, "Both take the same draws run by run (common random numbers); the difference "
               "is\ncounterfactual - baseline, run by run; median [5%%-95%%] of the runs.\n");
  static const char *const kinds[] = {"credibility:", "capacity:", "leverage:", "exit:"};
  size_t shown = 0, others = 0;
  for (size_t k = 0; k < orb_dyn_series_count(m); k++) { /* the other kinds (alignments) */
    int key = 0;
    for (size_t kind = 0; kind < 4; kind++)
      key |= strncmp(orb_dyn_series_name(m, k), kinds[kind], strlen(kinds[kind])) == 0;
    others += !key && changed(s[2], k, at, n);
  }
  for (size_t kind = 0; kind < 4; kind++) /* the shown kinds, in this order */
    for (size_t k = 0; k < orb_dyn_series_count(m); k++) {
      const char *name = orb_dyn_series_name(m, k);
      if (strncmp(name, kinds[kind], strlen(kinds[kind])) != 0 || !changed(s[2], k, at, n))
        continue;
      fprintf(out, "\n%-18s", name);
      for (size_t c = 0; c < n; c++) fprintf(out, "  %-22s", label[c]);
      fprintf(out, "\n");
      for (int side = 0; side < 3; side++) {
        fprintf(out, "  %-16s", side_name[side]);
        for (size_t c = 0; c < n; c++) {
          const float *q = cell(s[side], k, at[c]);
          if (side < 2)
            fprintf(out, "  %5.3f  [%5.3f, %5.3f] ", q[1], q[0], q[2]);
          else
            fprintf(out, "  %+6.3f [%+.3f,%+.3f]", q[1], q[0], q[2]);
        }
        fprintf(out, "\n");
      }
      shown++;
    }
  if (!shown) fprintf(out, "\nNo credibility, capacity, leverage or exit series changes.\n");
  fprintf(out, "\n%zu series shown change; %zu other series change (alignments); month by "
               "month: orbit compare ... --series NAME.\n", shown, others);
}

static orb_status comparison_json(FILE *out, const orb_world *w, const orb_dyn_model *m,
                                  const orb_dyn_comparison *cmp, uint64_t seed, const char *what) {
  const orb_dyn_summary *s[3];
  sides(cmp, s);
  size_t at[4];
  char label[4][11];
  size_t n = checkpoints(m, at, label);
  cJSON *root = cJSON_CreateObject();
  cJSON_AddStringToObject(root, "world", w->name);
  cJSON_AddNumberToObject(root, "runs", (double)s[0]->runs);
  cJSON_AddNumberToObject(root, "seed", (double)seed);
  cJSON_AddStringToObject(root, "counterfactual", what ? what : "");
  cJSON *series = cJSON_AddObjectToObject(root, "series");
  for (size_t k = 0; k < orb_dyn_series_count(m); k++) {
    cJSON *one = cJSON_AddObjectToObject(series, orb_dyn_series_name(m, k));
    for (int side = 0; side < 3; side++) {
      cJSON *part = cJSON_AddObjectToObject(one, side_name[side]);
      for (size_t c = 0; c < n; c++) {
        add_band(part, label[c], cell(s[side], k, at[c]));
      }
    }
  }
  return report_json(out, root, 0);
}

orb_status orb_report_comparison(FILE *out, const orb_world *world, const orb_dyn_model *model,
                                 const orb_dyn_comparison *comparison, uint64_t seed,
                                 const char *counterfactual, orb_format format) {
  if (format == ORB_FORMAT_JSON)
    return comparison_json(out, world, model, comparison, seed, counterfactual);
  if (format != ORB_FORMAT_TEXT) return ORB_EINVAL;
  comparison_text(out, world, model, comparison, seed, counterfactual);
  return report_done(out);
}

orb_status orb_report_comparison_series(FILE *out, const orb_dyn_model *model,
                                        const orb_dyn_comparison *comparison,
                                        const unsigned char *chosen, orb_format format) {
  static const char *const prefix[3] = {"baseline_", "counterfactual_", "difference_"};
  const orb_dyn_summary *s[3];
  sides(comparison, s);
  return series_rows(out, model, s, prefix, 3, chosen, 0, format);
}

/* ---- stances with the simulated alignment ------------------------------------------ */

static void sim_stances_text(FILE *out, const orb_world *w, const orb_sim_stances *r) {
  const orb_issue *is = &w->issues[r->issue];
  char date[11], month[11];
  orb_date_format(is->date, ORB_PREC_DAY, date);
  orb_date_format(r->month, ORB_PREC_MONTH, month);
  fprintf(out, "Stances on %s (%s), patron %s, with the simulated alignment of %s\n", is->id,
          date, w->actors[is->patron].id, month);
  fprintf(out, "%s\n", is->title ? is->title : "");
  fprintf(out, "  %-6s %-21s %6s   %-22s %-22s %-9s %-9s %s\n", "state", "alignment [5%-95%]",
          "record", "P support/silent/cond", "P(support) 5%..95%", "predicted", "observed",
          "why (pull toward support)");
  for (size_t i = 0; i < r->count; i++) {
    const orb_sim_stance *s = &r->items[i];
    char why[256];
    orb_record_prediction_explain(&s->at, 3, why, sizeof why);
    const char *observed = s->at.observed == ORB_NONE ? "-"
                         : is->options[s->at.observed].stance < ORB_STANCE_COUNT
                             ? orb_stance_name(is->options[s->at.observed].stance) : "-";
    fprintf(out, "  %-6s %5.3f [%5.3f-%5.3f]  %6.3f   %5.3f %5.3f %5.3f      %5.3f..%5.3f           "
                 "%-9s %-9s %s\n",
            w->actors[s->actor].id, s->alignment[1], s->alignment[0], s->alignment[2],
            s->record_alignment, s->at.prob[ORB_STANCE_SUPPORT], s->at.prob[ORB_STANCE_SILENT],
            s->at.prob[ORB_STANCE_CONDEMN], s->support[0], s->support[1],
            orb_stance_name(s->at.predicted), observed, why);
  }
  fprintf(out, "  (record: the revealed alignment the record model uses, agree / (agree + "
               "oppose) of the state's past votes;\n   the simulated median replaces it, the "
               "share of silence kept)\n");
}

static cJSON *probabilities(const double prob[ORB_STANCE_COUNT]) {
  cJSON *o = cJSON_CreateObject();
  for (int k = 0; k < ORB_STANCE_COUNT; k++)
    cJSON_AddNumberToObject(o, orb_stance_name((orb_stance)k), prob[k]);
  return o;
}

static cJSON *sim_stances_json(const orb_world *w, const orb_sim_stances *r) {
  const orb_issue *is = &w->issues[r->issue];
  cJSON *o = cJSON_CreateObject(), *states = cJSON_CreateArray();
  char month[11];
  orb_date_format(r->month, ORB_PREC_MONTH, month);
  cJSON_AddStringToObject(o, "issue", is->id);
  cJSON_AddStringToObject(o, "month", month);
  cJSON_AddStringToObject(o, "patron", w->actors[is->patron].id);
  cJSON_AddItemToObject(o, "states", states);
  for (size_t i = 0; i < r->count; i++) {
    const orb_sim_stance *s = &r->items[i];
    cJSON *e = cJSON_CreateObject();
    cJSON_AddItemToArray(states, e);
    cJSON_AddStringToObject(e, "state", w->actors[s->actor].id);
    add_band(e, "alignment", s->alignment);
    cJSON_AddNumberToObject(e, "record_alignment", s->record_alignment);
    cJSON_AddItemToObject(e, "probabilities", probabilities(s->at.prob));
    cJSON_AddItemToObject(e, "record_probabilities", probabilities(s->record.prob));
    cJSON_AddNumberToObject(e, "support_q05", s->support[0]);
    cJSON_AddNumberToObject(e, "support_q95", s->support[1]);
    cJSON_AddStringToObject(e, "predicted", orb_stance_name(s->at.predicted));
    cJSON *f = cJSON_AddObjectToObject(e, "pull");
    for (int k = 0; k < ORB_RF_COUNT; k++)
      cJSON_AddNumberToObject(f, orb_record_factor_name((orb_record_factor)k),
                              s->at.factor[0][k] - s->at.factor[1][k]);
  }
  return o;
}

orb_status orb_report_sim_stances(FILE *out, const orb_world *world,
                                  const orb_sim_stances *const *stances, size_t count,
                                  orb_format format) {
  if (format == ORB_FORMAT_JSON) {
    cJSON *root = cJSON_CreateArray();
    for (size_t i = 0; i < count; i++) cJSON_AddItemToArray(root, sim_stances_json(world, stances[i]));
    return report_json(out, root, 0);
  }
  if (format == ORB_FORMAT_CSV) { /* the series stance:STATE:ISSUE:STANCE month by month */
    fputs("series,month,value\n", out);
    for (size_t i = 0; i < count; i++) {
      const orb_sim_stances *r = stances[i];
      const char *issue = world->issues[r->issue].id;
      for (size_t k = 0; k < r->count; k++)
        for (int j = 0; j < ORB_STANCE_COUNT; j++)
          for (size_t t = 0; t < r->months; t++) {
            char date[11];
            int y, m;
            orb_date_to_ymd(r->first, &y, &m, NULL);
            int n = y * 12 + (m - 1) + (int)t;
            orb_date_format(orb_date_from_ymd(n / 12, n % 12 + 1, 1), ORB_PREC_MONTH, date);
            fprintf(out, "stance:%s:%s:%s,%s,%.6g\n", world->actors[r->items[k].actor].id, issue,
                    orb_stance_name((orb_stance)j), date, r->monthly[(k * r->months + t) * 3 + (size_t)j]);
          }
    }
    return report_done(out);
  }
  if (format != ORB_FORMAT_TEXT) return ORB_EINVAL;
  for (size_t i = 0; i < count; i++) {
    if (i) fputc('\n', out);
    sim_stances_text(out, world, stances[i]);
  }
  return report_done(out);
}

/* ---- progress ------------------------------------------------------------------------ */

/* Writes d seconds as "12.3 s", "4 min 05 s" or "2 h 03 min" into text[16]. */
static void duration(double d, char text[16]) {
  if (!(d >= 0)) d = 0;
  if (d < 100)
    snprintf(text, 16, "%.1f s", d);
  else if (d < 6000)
    snprintf(text, 16, "%d min %02d s", (int)(d / 60), (int)d % 60);
  else if (d < 3.6e7)
    snprintf(text, 16, "%d h %02d min", (int)(d / 3600), (int)(d / 60) % 60);
  else
    snprintf(text, 16, "> 10000 h");
}

orb_status orb_report_progress(FILE *out, size_t done, size_t total, double seconds) {
  enum { WIDTH = 30 };
  double share = total ? (double)done / (double)total : 1;
  if (share > 1) share = 1;
  int filled = (int)(WIDTH * share);
  double rate = seconds > 0 ? (double)done / seconds : 0;
  char left[16];
  duration(rate > 0 ? (double)(total - (done < total ? done : total)) / rate : 0, left);
  fprintf(out, "\r[%.*s%*s] %zu/%zu runs, %.0f runs/s, %s left ", filled,
          "##############################", WIDTH - filled, "", done, total, rate, left);
  if (done >= total) fputc('\n', out);
  fflush(out);
  return ferror(out) ? ORB_EIO : ORB_OK;
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
  fprintf(out, "\nAlignment rates fitted on the years up to %d (the shipped defaults): "
          "level variance %g, slope %g (%zu forecasts, MAE %.3f, RMSE %.3f)\n",
          v->fit_to, f->level_var, f->slope, f->n, f->mae, f->rmse);
  fprintf(out, "Noise ratio of the roll calls up to %d (the shipped align_vote_noise): %.0f votes; "
          "variance of a vote's stance value (the shipped align_vote_var): %.3f\n",
          v->fit_to, v->vote_noise, v->vote_var);
  fprintf(out, "Cross-sectional variance of the states' levels relative to the common level up to "
          "%d, less sampling noise (the shipped align_level_prior_var): %.4f\n",
          v->fit_to, v->level_prior_var);
  fprintf(out, "\nForecasts of the next %d years from each origin t (record, events, ties and "
          "memberships up to t; rates fitted on years up to t)\n", v->horizon);
  fprintf(out, "  %-10s %5s %10s %10s %12s %12s %10s %10s %7s  %s\n", "origin", "n",
          "model MAE", "model RMSE", "persist MAE", "persist RMSE", "mean3 MAE", "mean3 RMSE",
          "closer",
          "fitted level variance/slope");
  for (size_t k = 0; k < v->row_count; k++) {
    const orb_dyn_validation_row *r = &v->rows[k];
    char label[32];
    if (r->origin)
      snprintf(label, sizeof label, "%d", r->origin);
    else if (r->horizon)
      snprintf(label, sizeof label, "t+%d", r->horizon);
    else
      snprintf(label, sizeof label, "all");
    fprintf(out, "  %-10s %5zu %10.4f %10.4f %12.4f %12.4f %10.4f %10.4f %7.3f", label, r->n,
            r->model_mae, r->model_rmse, r->persist_mae, r->persist_rmse, r->mean3_mae,
            r->mean3_rmse, r->model_closer);
    if (r->origin) {
      const orb_dyn_alignment_fit *g = &v->origin_fits[r->origin - v->origin_from];
      fprintf(out, "  %g/%g", g->level_var, g->slope);
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
  cJSON_AddNumberToObject(o, "level_var", f->level_var);
  cJSON_AddNumberToObject(o, "slope", f->slope);
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
  cJSON_AddItemToObject(root, "vote_var", json_number(v->vote_var));
  cJSON_AddItemToObject(root, "level_prior_var", json_number(v->level_prior_var));
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
    cJSON_AddItemToObject(o, "model_closer", json_number(r->model_closer));
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
