/*
 * store.c: the run store of an ensemble, an SQLite database (schema in
 * docs/MODEL.md, "The run store"): meta, param, series, month, run, quantile and
 * value (the kept runs' series). Written through orb_output (orbit/output.h): a
 * temporary file beside the target, one transaction per batch of whole runs,
 * renamed over the target only when complete; a target that exists and is not
 * an orbit simulation store is refused.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "core/output_internal.h"
#include "dynamics/dyn_internal.h"
#include "orbit/output.h"

#define STORE_FORMAT "orbit-dynamics-store"
#define STORE_VERSION "1"

static const char schema[] =
    "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
    "CREATE TABLE param(param INTEGER PRIMARY KEY, name TEXT UNIQUE, value REAL,"
    " low REAL, high REAL, distribution TEXT);"
    "CREATE TABLE series(series INTEGER PRIMARY KEY, name TEXT UNIQUE);"
    "CREATE TABLE month(month INTEGER PRIMARY KEY, date TEXT);"
    "CREATE TABLE run(run INTEGER PRIMARY KEY, seed INTEGER, params TEXT);"
    "CREATE TABLE quantile(series INTEGER, month INTEGER, q05 REAL, q50 REAL, q95 REAL,"
    " PRIMARY KEY(series, month)) WITHOUT ROWID;"
    "CREATE TABLE value(run INTEGER, series INTEGER, month INTEGER, value REAL,"
    " PRIMARY KEY(run, series, month)) WITHOUT ROWID;";

struct dyn_store {
  sqlite3 *db;
  orb_output *output;       /* the temporary file and the target */
  char *target;             /* for messages */
  const orb_dyn_model *model;
  uint64_t seed;
  size_t params;
  sqlite3_stmt *run, *value;
};

static const char store_what[] = "an orbit simulation store";

/* orb_output_recognise: an SQLite file whose meta table says it is ours. */
static int is_store(const char *path, void *arg) {
  (void)arg;
  sqlite3 *db = NULL;
  int ok = 0;
  if (output_sqlite_open(path, &db)) {
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key='format'", -1, &st, NULL) ==
            SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
      const unsigned char *v = sqlite3_column_text(st, 0);
      ok = v && strcmp((const char *)v, STORE_FORMAT) == 0;
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return ok;
}

static int exec(sqlite3 *db, const char *sql) {
  return sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK;
}

static const char *dist_name(orb_dyn_dist d) {
  return d == ORB_DYN_FIXED ? "fixed" : d == ORB_DYN_UNIFORM ? "uniform" : "triangular";
}

orb_status dyn_store_open(const char *target, const orb_dyn_model *model,
                          const orb_dyn_settings *settings,
                          const orb_dyn_ensemble_options *opt, dyn_store **out,
                          orb_diags *diags) {
  *out = NULL;
  dyn_store *s = calloc(1, sizeof *s);
  if (!s || !(s->target = strdup(target))) {
    free(s);
    return ORB_ENOMEM;
  }
  orb_status status = orb_output_begin(target, store_what, is_store, NULL, &s->output, diags);
  if (status != ORB_OK) {
    free(s->target);
    free(s);
    return status;
  }
  s->model = model;
  s->seed = opt->seed;
  s->params = settings->count;
  int ok = sqlite3_open_v2(orb_output_temp_path(s->output), &s->db, SQLITE_OPEN_READWRITE,
                           NULL) == SQLITE_OK;
  ok = ok && exec(s->db, schema) && exec(s->db, "BEGIN");
  sqlite3_stmt *st = NULL;
  char text[64];
  ok = ok && sqlite3_prepare_v2(s->db, "INSERT INTO meta VALUES(?1, ?2)", -1, &st, NULL) == SQLITE_OK;
  const char *meta[][2] = {{"format", STORE_FORMAT}, {"version", STORE_VERSION},
                           {"description", opt->description ? opt->description : ""}};
  for (size_t k = 0; ok && k < sizeof meta / sizeof *meta; k++) {
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, meta[k][0], -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, meta[k][1], -1, SQLITE_STATIC);
    ok = sqlite3_step(st) == SQLITE_DONE;
  }
  const char *numbers[] = {"seed", "runs", "months", "first_month"};
  for (size_t k = 0; ok && k < 4; k++) {
    if (k == 0) snprintf(text, sizeof text, "%llu", (unsigned long long)opt->seed);
    if (k == 1) snprintf(text, sizeof text, "%zu", opt->runs);
    if (k == 2) snprintf(text, sizeof text, "%zu", model->months);
    if (k == 3) orb_date_format(model->dates[0], ORB_PREC_MONTH, text);
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, numbers[k], -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, text, -1, SQLITE_TRANSIENT);
    ok = sqlite3_step(st) == SQLITE_DONE;
  }
  sqlite3_finalize(st);
  st = NULL;
  const orb_dyn_param_info *info = orb_dyn_params(NULL);
  ok = ok && sqlite3_prepare_v2(s->db, "INSERT INTO param VALUES(?1,?2,?3,?4,?5,?6)", -1, &st,
                                NULL) == SQLITE_OK;
  for (size_t k = 0; ok && k < settings->count; k++) {
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, (sqlite3_int64)k);
    sqlite3_bind_text(st, 2, info[k].spec.name, -1, SQLITE_STATIC);
    sqlite3_bind_double(st, 3, settings->value[k]);
    sqlite3_bind_double(st, 4, settings->low[k]);
    sqlite3_bind_double(st, 5, settings->high[k]);
    sqlite3_bind_text(st, 6, dist_name(settings->dist[k]), -1, SQLITE_STATIC);
    ok = sqlite3_step(st) == SQLITE_DONE;
  }
  sqlite3_finalize(st);
  st = NULL;
  ok = ok && sqlite3_prepare_v2(s->db, "INSERT INTO series VALUES(?1,?2)", -1, &st, NULL) == SQLITE_OK;
  for (size_t k = 0; ok && k < model->series; k++) {
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, (sqlite3_int64)k);
    sqlite3_bind_text(st, 2, model->series_name[k], -1, SQLITE_STATIC);
    ok = sqlite3_step(st) == SQLITE_DONE;
  }
  sqlite3_finalize(st);
  st = NULL;
  ok = ok && sqlite3_prepare_v2(s->db, "INSERT INTO month VALUES(?1,?2)", -1, &st, NULL) == SQLITE_OK;
  for (size_t k = 0; ok && k < model->months; k++) {
    orb_date_format(model->dates[k], ORB_PREC_MONTH, text);
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, (sqlite3_int64)k);
    sqlite3_bind_text(st, 2, text, -1, SQLITE_TRANSIENT);
    ok = sqlite3_step(st) == SQLITE_DONE;
  }
  sqlite3_finalize(st);
  ok = ok && exec(s->db, "COMMIT");
  ok = ok && sqlite3_prepare_v2(s->db, "INSERT INTO run VALUES(?1,?2,?3)", -1, &s->run, NULL) == SQLITE_OK;
  ok = ok && sqlite3_prepare_v2(s->db, "INSERT INTO value VALUES(?1,?2,?3,?4)", -1, &s->value,
                                NULL) == SQLITE_OK;
  if (!ok) {
    orb_diags_add(diags, target, 0, 0, "cannot write the store: %s",
                  s->db ? sqlite3_errmsg(s->db) : "out of memory");
    dyn_store_abandon(s);
    return ORB_EIO;
  }
  *out = s;
  return ORB_OK;
}

size_t dyn_store_json_size(size_t param_count) { return param_count * 64 + 16; }

void dyn_store_params_json(const double *params, size_t param_count, char *json) {
  const orb_dyn_param_info *info = orb_dyn_params(NULL);
  const size_t cap = dyn_store_json_size(param_count);
  size_t len = 0;
  json[len++] = '{';
  for (size_t k = 0; k < param_count; k++)
    len += (size_t)snprintf(json + len, cap - len, "%s\"%s\":%.17g", k ? "," : "",
                            info[k].spec.name, params[k]);
  snprintf(json + len, cap - len, "}");
}

orb_status dyn_store_runs(dyn_store *s, size_t first, size_t count, const char *json,
                          const float *kept, size_t kept_first, size_t kept_count,
                          orb_diags *diags) {
  const size_t M = s->model->months, cells = s->model->series * M;
  const size_t cap = dyn_store_json_size(s->params);
  int ok = exec(s->db, "BEGIN");
  for (size_t r = 0; ok && r < count; r++) {
    sqlite3_reset(s->run);
    sqlite3_bind_int64(s->run, 1, (sqlite3_int64)(first + r));
    sqlite3_bind_int64(s->run, 2, (sqlite3_int64)s->seed);
    sqlite3_bind_text(s->run, 3, json + r * cap, -1, SQLITE_STATIC);
    ok = sqlite3_step(s->run) == SQLITE_DONE;
  }
  for (size_t r = 0; ok && r < kept_count; r++)
    for (size_t c = 0; ok && c < cells; c++) {
      sqlite3_reset(s->value);
      sqlite3_bind_int64(s->value, 1, (sqlite3_int64)(kept_first + r));
      sqlite3_bind_int64(s->value, 2, (sqlite3_int64)(c / M));
      sqlite3_bind_int64(s->value, 3, (sqlite3_int64)(c % M));
      sqlite3_bind_double(s->value, 4, kept[r * cells + c]);
      ok = sqlite3_step(s->value) == SQLITE_DONE;
    }
  ok = ok && exec(s->db, "COMMIT");
  if (!ok) {
    orb_diags_add(diags, s->target, 0, 0, "cannot write the store: %s", sqlite3_errmsg(s->db));
    return ORB_EIO;
  }
  return ORB_OK;
}

orb_status dyn_store_finish(dyn_store *s, const orb_dyn_summary *sum, orb_diags *diags) {
  sqlite3_stmt *st = NULL;
  const size_t M = sum->month_count, cells = sum->series_count * M;
  int ok = exec(s->db, "BEGIN") &&
           sqlite3_prepare_v2(s->db, "INSERT INTO quantile VALUES(?1,?2,?3,?4,?5)", -1, &st,
                              NULL) == SQLITE_OK;
  for (size_t c = 0; ok && c < cells; c++) {
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, (sqlite3_int64)(c / M));
    sqlite3_bind_int64(st, 2, (sqlite3_int64)(c % M));
    for (int q = 0; q < 3; q++) sqlite3_bind_double(st, 3 + q, sum->quantiles[c * 3 + (size_t)q]);
    ok = sqlite3_step(st) == SQLITE_DONE;
  }
  sqlite3_finalize(st);
  ok = ok && exec(s->db, "COMMIT");
  sqlite3_finalize(s->run);
  sqlite3_finalize(s->value);
  s->run = s->value = NULL;
  if (!ok) orb_diags_add(diags, s->target, 0, 0, "cannot write the store: %s", sqlite3_errmsg(s->db));
  if (sqlite3_close(s->db) != SQLITE_OK) ok = 0;
  s->db = NULL;
  orb_status status = ORB_EIO;
  if (ok) {
    status = orb_output_commit(s->output, diags); /* renames it over the target */
    s->output = NULL;
  }
  dyn_store_abandon(s);
  return status;
}

void dyn_store_abandon(dyn_store *s) {
  if (!s) return;
  sqlite3_finalize(s->run);
  sqlite3_finalize(s->value);
  sqlite3_close(s->db);
  orb_output_abort(s->output); /* removes the temporary file; the target is untouched */
  free(s->target);
  free(s);
}
