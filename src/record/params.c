/*
 * params.c: the record model's shipped parameters (data/record/stance-params.yaml,
 * docs/MODEL.md "The shipped parameters"): written by
 * `orbit calibrate --record --write-params FILE` from the fit on the whole record,
 * read by the commands that use the model, with a world's own `parameters:`
 * entries of the same names taking their place.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "orbit/output.h"
#include "orbit/record.h"
#include "record/record_internal.h"

#define PARAMS_FILE "stance-params.yaml"
#define PARAMS_HEADER "# orbit record stance parameters"

void orb_record_params_path(char *buf, size_t size) {
  snprintf(buf, size, "%s/" PARAMS_FILE, orb_record_default_dir());
}

/* Sets parameter `name` of m to value (the table's order: scalars, then weights). */
static void model_set(orb_record_model *m, size_t row, double value) {
  size_t scalars = orb_record_param_count() - 2 * ORB_RT_COUNT;
  if (row >= scalars) {
    size_t i = row - scalars;
    m->w[i / ORB_RT_COUNT][i % ORB_RT_COUNT] = value;
  } else {
    record_model_set_scalar(m, row, value);
  }
}

orb_status orb_record_model_read(const orb_world *world, orb_record_model *m,
                                 orb_diags *diags) {
  orb_record_model_init(m);
  char path[4200];
  orb_record_params_path(path, sizeof path);
  orb_world *shipped = NULL;
  orb_status st = orb_world_with_params(world, path, &shipped, diags);
  if (st) {
    orb_diags_add(diags, path, 0, 0,
                  "cannot read the record model's parameters (regenerate them with "
                  "'orbit calibrate --record --write-params %s')", path);
    return st;
  }
  size_t n = orb_record_param_count();
  orb_record_param *rows = calloc(n, sizeof *rows);
  if (!rows) {
    orb_world_free(shipped);
    return ORB_ENOMEM;
  }
  orb_record_params(m, rows);
  size_t given = 0;
  for (size_t i = 0; i < n; i++) {
    /* the world's own entry first, then the shipped file's */
    size_t k = orb_world_param(world, rows[i].name);
    const orb_world *from = k != ORB_NONE ? world : shipped;
    if (k == ORB_NONE) k = orb_world_param(shipped, rows[i].name);
    if (k == ORB_NONE) continue;
    model_set(m, i, from->params[k].value);
    given++;
  }
  free(rows);
  orb_world_free(shipped);
  if (given < n) {
    orb_diags_add(diags, path, 0, 0,
                  "the record model's parameters are incomplete (%zu of %zu); regenerate them "
                  "with 'orbit calibrate --record --write-params %s'", given, n, path);
    return ORB_EPARSE;
  }
  m->rows = 1; /* trained */
  return ORB_OK;
}

/* Accepts replacing a file this writer made. */
static int is_params_file(const char *path, void *arg) {
  (void)arg;
  FILE *f = fopen(path, "rb");
  if (!f) return 0;
  char head[sizeof PARAMS_HEADER];
  size_t n = fread(head, 1, sizeof head - 1, f);
  fclose(f);
  head[n] = '\0';
  return strcmp(head, PARAMS_HEADER) == 0;
}

/* Appends s to the growing text *t (*len, *cap); 0 when out of memory. */
static int add(char **t, size_t *len, size_t *cap, const char *s) {
  size_t n = strlen(s);
  if (*len + n + 1 > *cap) {
    size_t c = (*cap ? *cap * 2 : 8192) + n;
    char *g = realloc(*t, c);
    if (!g) return 0;
    *t = g;
    *cap = c;
  }
  memcpy(*t + *len, s, n + 1);
  *len += n;
  return 1;
}

orb_status orb_record_model_write(const char *path, const orb_record_model *m,
                                  const char *fitted_by, orb_diags *diags) {
  size_t n = orb_record_param_count();
  orb_record_param *rows = calloc(n, sizeof *rows);
  if (!rows) return ORB_ENOMEM;
  orb_record_params(m, rows);
  char *t = NULL, line[1024];
  size_t len = 0, cap = 0;
  int ok = add(&t, &len, &cap,
               PARAMS_HEADER " (docs/MODEL.md, \"The shipped parameters\"),\n"
               "# written by: orbit calibrate --record --write-params FILE\n"
               "parameters:\n");
  for (size_t i = 0; ok && i < n; i++) {
    const orb_param_spec *spec = orb_param_spec_find(rows[i].name);
    snprintf(line, sizeof line, "  - name: %s\n    default: %.17g\n    range: [%.17g, %.17g]\n",
             rows[i].name, rows[i].value, spec ? spec->low : rows[i].value,
             spec ? spec->high : rows[i].value);
    ok = add(&t, &len, &cap, line);
    snprintf(line, sizeof line, "    justification: \"%s\"\n", rows[i].meaning);
    ok = ok && add(&t, &len, &cap, line);
    if (ok && fitted_by && (strncmp(rows[i].name, "record_w_", 9) == 0 ||
                            strcmp(rows[i].name, "record_silent_bias") == 0)) {
      snprintf(line, sizeof line, "    fitted_by: \"%s\"\n", fitted_by);
      ok = add(&t, &len, &cap, line);
    }
  }
  free(rows);
  orb_status st = ok ? orb_output_file(path, "the record model's parameter file", is_params_file,
                                       NULL, t, len, diags)
                     : ORB_ENOMEM;
  free(t);
  return st;
}
