/*
 * alignment.c: the writers of alignment landscapes (orbit align): the lowest
 * minima with their blocs, energies and basins, the bloc frequencies, the sides
 * taken with poles; year by year for a series. Text or JSON.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_internal.h"

/* Prints "bloc b: names" lines of a minimum. */
static void print_blocs(FILE *out, const orb_alignment *a, size_t m, const char *indent) {
  const orb_landscape *l = a->landscape;
  const orb_align_result *r = a->result;
  unsigned used = orb_alignment_blocs_used(a, m);
  for (unsigned b = 0; b < used; b++) {
    fprintf(out, "%sbloc %u:", indent, b + 1);
    for (size_t i = 0; i < r->actor_count; i++)
      if (r->minima[m].blocs[i] == b) fprintf(out, " %s", l->actors[i]);
    fputc('\n', out);
  }
}

/* Prints, for each actor, the share of basin weight it spends in each pole's bloc. */
static void print_poles(FILE *out, const orb_alignment *a, size_t width) {
  const orb_landscape *l = a->landscape;
  const orb_align_result *r = a->result;
  const size_t *poles = a->poles;
  int pole_count = (int)a->pole_count;
  fprintf(out, "\nWith each pole (share of %s in the same bloc):\n",
         r->basins ? "basin weight" : "minima");
  fprintf(out, "  %-*s", (int)width, "actor");
  for (int p = 0; p < pole_count; p++) fprintf(out, "  %8.8s", l->actors[poles[p]]);
  fputc('\n', out);
  for (size_t i = 0; i < r->actor_count; i++) {
    fprintf(out, "  %-*s", (int)width, l->actors[i]);
    for (int p = 0; p < pole_count; p++)
      fprintf(out, "  %8.3f", orb_align_together(r, i, poles[p]));
    fputc('\n', out);
  }
}

/* The readable report of one landscape. */
orb_status report_alignment_text(FILE *out, const orb_alignment *a, size_t top) {
  const orb_landscape *l = a->landscape;
  const orb_align_result *r = a->result;
  const char *source = a->source;
  int pole_count = (int)a->pole_count;
  fprintf(out, "Landscape: %s, %zu actors, at most %u blocs\n", source, r->actor_count, r->blocs);
  if (r->exhaustive)
    fprintf(out, "Search: exhaustive over %llu configurations (the global minimum is proven)\n",
           (unsigned long long)r->configurations);
  else
    fprintf(out, "Search: heuristic, %llu random starts (steepest descent, then iterated "
           "local search); %s; lower bound %.10g\n",
           (unsigned long long)r->configurations,
           r->proven_optimal ? "proven optimal (best = lower bound)" : "best found, not proven",
           r->lower_bound);
  if (r->resolution > 0)
    fprintf(out, "Weights are real numbers: the search rounds them to multiples of %.3g\n",
           r->resolution);
  fprintf(out, "Local minima: %llu%s\n\n", (unsigned long long)r->minima_total,
         r->minimum_count < r->minima_total ? " (the lowest are kept)" : "");
  size_t shown = top && top < r->minimum_count ? top : r->minimum_count;
  for (size_t m = 0; m < shown; m++) {
    fprintf(out, "#%-3zu energy %.10g  frustration %.10g", m + 1, r->minima[m].energy,
           orb_landscape_frustration(l, r->minima[m].blocs));
    double share = orb_alignment_basin_share(a, m);
    if (share >= 0) fprintf(out, "  basin %.2f%%", 100 * share);
    fprintf(out, "%s\n", m == 0 ? (r->proven_optimal ? "  global minimum" : "  best found") : "");
    print_blocs(out, a, m, "     ");
  }
  if (shown < r->minimum_count)
    fprintf(out, "... %zu more (--top 0 shows all)\n", r->minimum_count - shown);
  size_t width = 5;
  for (size_t i = 0; i < r->actor_count; i++)
    if (strlen(l->actors[i]) > width) width = strlen(l->actors[i]);
  fprintf(out, "\nBloc frequencies across minima (%s; bloc b is the b-th by its first actor):\n",
         r->basins ? "weighted by basin" : "each minimum counts once");
  fprintf(out, "  %-*s", (int)width, "actor");
  for (unsigned b = 0; b < r->blocs; b++) fprintf(out, "  bloc %-2u", b + 1);
  fputc('\n', out);
  for (size_t i = 0; i < r->actor_count; i++) {
    fprintf(out, "  %-*s", (int)width, l->actors[i]);
    for (unsigned b = 0; b < r->blocs; b++) fprintf(out, "  %7.3f", r->frequency[i * r->blocs + b]);
    fputc('\n', out);
  }
  if (pole_count > 0) print_poles(out, a, width);
  return report_done(out);
}

/* The JSON form of one landscape's result. */
cJSON *report_alignment_json(const orb_alignment *a, size_t top) {
  const orb_landscape *l = a->landscape;
  const orb_align_result *r = a->result;
  const size_t *poles = a->poles;
  int pole_count = (int)a->pole_count;
  cJSON *root = cJSON_CreateObject();
  cJSON *actors = cJSON_AddArrayToObject(root, "actors");
  for (size_t i = 0; i < r->actor_count; i++)
    cJSON_AddItemToArray(actors, cJSON_CreateString(l->actors[i]));
  cJSON_AddNumberToObject(root, "blocs", r->blocs);
  cJSON_AddBoolToObject(root, "exhaustive", r->exhaustive);
  cJSON_AddBoolToObject(root, "proven_optimal", r->proven_optimal);
  cJSON_AddNumberToObject(root, "lower_bound", r->lower_bound);
  cJSON_AddNumberToObject(root, "configurations", (double)r->configurations);
  cJSON_AddNumberToObject(root, "minima_total", (double)r->minima_total);
  cJSON_AddNumberToObject(root, "resolution", r->resolution);
  cJSON_AddBoolToObject(root, "basins", r->basins);
  cJSON *minima = cJSON_AddArrayToObject(root, "minima");
  size_t shown = top && top < r->minimum_count ? top : r->minimum_count;
  for (size_t m = 0; m < shown; m++) {
    cJSON *item = cJSON_CreateObject();
    cJSON_AddNumberToObject(item, "energy", r->minima[m].energy);
    cJSON_AddNumberToObject(item, "frustration",
                            orb_landscape_frustration(l, r->minima[m].blocs));
    if (r->basins) {
      cJSON_AddNumberToObject(item, "basin", (double)r->minima[m].basin);
      cJSON_AddNumberToObject(item, "basin_share", orb_alignment_basin_share(a, m));
    }
    cJSON *blocs = cJSON_AddArrayToObject(item, "blocs");
    unsigned used = orb_alignment_blocs_used(a, m);
    for (unsigned b = 0; b < used; b++) {
      cJSON *members = cJSON_CreateArray();
      for (size_t i = 0; i < r->actor_count; i++)
        if (r->minima[m].blocs[i] == b)
          cJSON_AddItemToArray(members, cJSON_CreateString(l->actors[i]));
      cJSON_AddItemToArray(blocs, members);
    }
    cJSON_AddItemToArray(minima, item);
  }
  cJSON *frequency = cJSON_AddObjectToObject(root, "frequency");
  for (size_t i = 0; i < r->actor_count; i++)
    cJSON_AddItemToObject(frequency, l->actors[i],
                          cJSON_CreateDoubleArray(r->frequency + i * r->blocs,
                                                  (int)r->blocs));
  if (pole_count > 0) {
    cJSON *with = cJSON_AddObjectToObject(root, "with");
    for (size_t i = 0; i < r->actor_count; i++) {
      cJSON *shares = cJSON_AddObjectToObject(with, l->actors[i]);
      for (int p = 0; p < pole_count; p++)
        cJSON_AddNumberToObject(shares, l->actors[poles[p]],
                                orb_align_together(r, i, poles[p]));
    }
  }
  return root;
}

orb_status orb_report_alignment(FILE *out, const orb_alignment *alignment,
                                orb_format format, size_t top) {
  switch (format) {
  case ORB_FORMAT_TEXT: return report_alignment_text(out, alignment, top);
  case ORB_FORMAT_JSON: return report_json(out, report_alignment_json(alignment, top), 1);
  default: return ORB_EINVAL;
  }
}

/* One year of a series as text: the global minimum, the sides taken with each pole,
 * and who changed bloc since the year before (previous, NULL for the first). */
static void print_year(FILE *out, const orb_alignment *a, const orb_alignment *previous) {
  const orb_landscape *l = a->landscape;
  const orb_align_result *r = a->result;
  fprintf(out, "\n%d: %llu minima; global minimum energy %.6g", a->year,
          (unsigned long long)r->minima_total, r->minima[0].energy);
  double share = orb_alignment_basin_share(a, 0);
  if (share >= 0) fprintf(out, ", basin %.1f%%", 100 * share);
  fputc('\n', out);
  print_blocs(out, a, 0, "      ");
  for (size_t p = 0; p < a->pole_count; p++) {
    fprintf(out, "      with %s:", l->actors[a->poles[p]]);
    for (size_t i = 0; i < r->actor_count; i++)
      if (i != a->poles[p])
        fprintf(out, " %s %.2f", l->actors[i], orb_align_together(r, i, a->poles[p]));
    fputc('\n', out);
  }
  if (previous) {
    fprintf(out, "      changed bloc since %d:", a->year - 1);
    int any = 0;
    const uint8_t *before = previous->result->minima[0].blocs;
    size_t shared = previous->result->actor_count < r->actor_count
                        ? previous->result->actor_count
                        : r->actor_count;
    for (size_t i = 0; i < r->actor_count; i++)
      if (i >= shared || before[i] != r->minima[0].blocs[i]) {
        fprintf(out, " %s", l->actors[i]);
        any = 1;
      }
    fprintf(out, "%s\n", any ? "" : " none");
  }
}

orb_status orb_report_alignment_series(FILE *out, const orb_alignment_series *series,
                                       orb_format format, size_t top) {
  if (format == ORB_FORMAT_TEXT) {
    fprintf(out, "Global minimum of the landscape on 1 July of each year (%s):\n",
            series->world->path);
    for (size_t y = 0; y < series->count; y++)
      print_year(out, series->years[y], y ? series->years[y - 1] : NULL);
    return report_done(out);
  }
  if (format != ORB_FORMAT_JSON) return ORB_EINVAL;
  cJSON *root = cJSON_CreateObject();
  cJSON_AddStringToObject(root, "world", series->world->path);
  cJSON *years = cJSON_AddArrayToObject(root, "years");
  for (size_t y = 0; years && y < series->count; y++) {
    cJSON *item = report_alignment_json(series->years[y], top);
    cJSON_AddNumberToObject(item, "year", series->years[y]->year);
    cJSON_AddItemToArray(years, item);
  }
  return report_json(out, root, 1);
}
