/*
 * store.c: writes bargaining runs to an SQLite database as they finish (one
 * transaction in a temporary file of orb_output, renamed over the target when
 * complete, so no half-written store is ever left at path and memory does not
 * grow with the number of runs). Tables: scenario, actor, dimension, input, run,
 * position, probability, outcome (docs/MODEL.md, "Bargaining"). An existing file
 * is replaced only when it is an SQLite database holding these tables.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "core/output_internal.h"
#include "orbit/bargain.h"
#include "orbit/output.h"

static const char schema[] =
    "CREATE TABLE scenario(name TEXT, description TEXT, actors INTEGER, "
    "dimensions INTEGER, seed TEXT, options TEXT);"
    "CREATE TABLE actor(actor INTEGER PRIMARY KEY, name TEXT, description TEXT, "
    "capability REAL);"
    "CREATE TABLE dimension(dimension INTEGER PRIMARY KEY, name TEXT);"
    "CREATE TABLE input(actor INTEGER, dimension INTEGER, position REAL, salience REAL,"
    " PRIMARY KEY(actor, dimension));"
    "CREATE TABLE run(run INTEGER PRIMARY KEY, states INTEGER);"
    "CREATE TABLE position(run INTEGER, turn INTEGER, actor INTEGER, dimension INTEGER,"
    " value REAL, PRIMARY KEY(run, turn, actor, dimension)) WITHOUT ROWID;"
    "CREATE TABLE probability(run INTEGER, turn INTEGER, actor INTEGER, value REAL,"
    " PRIMARY KEY(run, turn, actor)) WITHOUT ROWID;"
    "CREATE TABLE outcome(run INTEGER, dimension INTEGER, mean REAL, mode REAL,"
    " PRIMARY KEY(run, dimension)) WITHOUT ROWID;";

/* The tables a file must hold to be taken for a store (and so replaced). */
static const char store_tables[] =
    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
    "('scenario','actor','dimension','input','run','position','probability','outcome')";
#define STORE_TABLE_COUNT 8

/* What a store is, in messages. */
static const char store_what[] = "an orbit store (an SQLite database of orbit's tables)";

/* Binds doubles/ints given as a printf-like type string ("iid": int, int, double)
 * and steps the statement once. */
static int insert(sqlite3_stmt *st, const char *types, ...) {
  va_list args;
  va_start(args, types);
  sqlite3_reset(st);
  for (int i = 0; types[i]; i++) {
    if (types[i] == 'i')
      sqlite3_bind_int64(st, i + 1, (sqlite3_int64)va_arg(args, size_t));
    else if (types[i] == 'd')
      sqlite3_bind_double(st, i + 1, va_arg(args, double));
    else
      sqlite3_bind_text(st, i + 1, va_arg(args, const char *), -1, SQLITE_TRANSIENT);
  }
  va_end(args);
  return sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
}

/* The options as "Key=Value;..." into buf. */
static void options_text(const orb_bargain_options *o, char *buf, size_t size) {
  buf[0] = '\0';
  for (int k = 0; k < ORB_BOPT_COUNT; k++) {
    size_t len = strlen(buf);
    snprintf(buf + len, size - len, "%s%s=%s", k ? ";" : "",
             orb_bargain_option_key((orb_bargain_option)k),
             orb_bargain_options_get(o, (orb_bargain_option)k));
  }
}

/* The statements of a store, in the order of `inserts`. */
enum { SCEN, ACTOR, DIM, INPUT, RUN, POS, PROB, OUT, NSTMT };

struct orb_bargain_store {
  orb_output *output;         /* the temporary file and the target */
  sqlite3 *db;                /* open on the temporary file */
  sqlite3_stmt *st[NSTMT];
  size_t actor_count, dim_count;
  int turn_probabilities;
  char *path;                 /* for messages */
};

/* orb_output_recognise for a store: the SQLite header and orbit's tables. */
static int is_store(const char *path, void *arg) {
  (void)arg;
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  int tables = 0;
  if (output_sqlite_open(path, &db) &&
      sqlite3_prepare_v2(db, store_tables, -1, &st, NULL) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW)
    tables = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return tables == STORE_TABLE_COUNT;
}

/* Appends "cannot write the store: REASON" with SQLite's message and, for an
 * I/O error, the system's reason (a full disk); returns ORB_EIO. */
static orb_status store_error(orb_bargain_store *b, orb_diags *diags) {
  const char *reason = b->db ? sqlite3_errmsg(b->db) : "out of memory";
  int err = b->db ? sqlite3_system_errno(b->db) : 0;
  if (err)
    orb_diags_add(diags, b->path, 0, 0, "cannot write the store: %s (%s); %s is unchanged",
                  reason, strerror(err), b->path);
  else
    orb_diags_add(diags, b->path, 0, 0, "cannot write the store: %s; %s is unchanged",
                  reason, b->path);
  return ORB_EIO;
}

/* Closes the database and frees b; the output is left to the caller. */
static int store_close(orb_bargain_store *b) {
  for (int k = 0; k < NSTMT; k++) sqlite3_finalize(b->st[k]);
  int rc = sqlite3_close(b->db);
  b->db = NULL;
  return rc;
}

/* Writes the scenario's rows (scenario, actor, input, dimension). */
static int write_scenario(orb_bargain_store *b, const orb_bargain_scenario *s,
                          const orb_bargain_options *o, uint64_t seed) {
  const size_t n = s->actor_count, m = s->dim_count;
  char opts[512], seed_text[32];
  options_text(o, opts, sizeof opts);
  snprintf(seed_text, sizeof seed_text, "%llu", (unsigned long long)seed);
  int rc = insert(b->st[SCEN], "ttiitt", s->name, s->description, n, m, seed_text, opts);
  for (size_t i = 0; rc == SQLITE_OK && i < n; i++) {
    rc = insert(b->st[ACTOR], "ittd", i, s->actor_names[i], s->actor_descs[i],
                s->capability[i]);
    for (size_t k = 0; rc == SQLITE_OK && k < m; k++)
      rc = insert(b->st[INPUT], "iidd", i, k, s->position[i * m + k],
                  s->salience[i * m + k]);
  }
  for (size_t k = 0; rc == SQLITE_OK && k < m; k++)
    rc = insert(b->st[DIM], "it", k, s->dim_names[k]);
  return rc;
}

orb_status orb_bargain_store_open(const char *path, const orb_bargain_scenario *scenario,
                                  const orb_bargain_options *options, uint64_t seed,
                                  orb_bargain_store **store, orb_diags *diags) {
  static const char *const inserts[] = {
      "INSERT INTO scenario VALUES(?1,?2,?3,?4,?5,?6)",
      "INSERT INTO actor VALUES(?1,?2,?3,?4)",
      "INSERT INTO dimension VALUES(?1,?2)",
      "INSERT INTO input VALUES(?1,?2,?3,?4)",
      "INSERT INTO run VALUES(?1,?2)",
      "INSERT INTO position VALUES(?1,?2,?3,?4,?5)",
      "INSERT INTO probability VALUES(?1,?2,?3,?4)",
      "INSERT INTO outcome VALUES(?1,?2,?3,?4)"};
  *store = NULL;
  orb_bargain_store *b = calloc(1, sizeof *b);
  if (!b || !(b->path = strdup(path))) {
    free(b);
    return ORB_ENOMEM;
  }
  b->actor_count = scenario->actor_count;
  b->dim_count = scenario->dim_count;
  b->turn_probabilities = options->turn_probabilities;
  orb_status status = orb_output_begin(path, store_what, is_store, NULL, &b->output, diags);
  if (status != ORB_OK) {
    free(b->path);
    free(b);
    return status;
  }
  int rc = sqlite3_open_v2(orb_output_temp_path(b->output), &b->db,
                           SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(b->db, "PRAGMA journal_mode=OFF;PRAGMA synchronous=OFF;BEGIN", NULL,
                      NULL, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_exec(b->db, schema, NULL, NULL, NULL);
  for (int k = 0; rc == SQLITE_OK && k < NSTMT; k++)
    rc = sqlite3_prepare_v2(b->db, inserts[k], -1, &b->st[k], NULL);
  if (rc == SQLITE_OK) rc = write_scenario(b, scenario, options, seed);
  if (rc != SQLITE_OK) {
    status = store_error(b, diags);
    orb_bargain_store_abort(b);
    return status;
  }
  *store = b;
  return ORB_OK;
}

orb_status orb_bargain_store_add(orb_bargain_store *b, uint64_t run,
                                 const orb_bargain_result *res, orb_diags *diags) {
  const size_t n = b->actor_count, m = b->dim_count;
  if (res->actor_count != n || res->dim_count != m) {
    orb_diags_add(diags, b->path, 0, 0, "a run of %zu actors and %zu dimensions does not "
                  "belong in a store of %zu and %zu", res->actor_count, res->dim_count, n, m);
    return ORB_EINVAL;
  }
  sqlite3_stmt *const *st = b->st;
  const size_t r = (size_t)run;
  int rc = insert(st[RUN], "ii", r, res->state_count);
  for (size_t t = 0; rc == SQLITE_OK && t < res->state_count; t++)
    for (size_t i = 0; rc == SQLITE_OK && i < n; i++) {
      for (size_t k = 0; rc == SQLITE_OK && k < m; k++)
        rc = insert(st[POS], "iiiid", r, t, i, k, res->positions[(t * n + i) * m + k]);
      const int known = b->turn_probabilities || t + 1 == res->state_count;
      if (rc == SQLITE_OK && known)
        rc = insert(st[PROB], "iiid", r, t, i, res->probabilities[t * n + i]);
    }
  for (size_t k = 0; rc == SQLITE_OK && k < m; k++)
    rc = insert(st[OUT], "iidd", r, k, res->outcome_mean[k], res->outcome_mode[k]);
  return rc == SQLITE_OK ? ORB_OK : store_error(b, diags);
}

orb_status orb_bargain_store_commit(orb_bargain_store *b, orb_diags *diags) {
  int rc = sqlite3_exec(b->db, "COMMIT", NULL, NULL, NULL);
  orb_status status = rc == SQLITE_OK ? ORB_OK : store_error(b, diags);
  if (store_close(b) != SQLITE_OK && status == ORB_OK) {
    orb_diags_add(diags, b->path, 0, 0, "cannot close the store; %s is unchanged", b->path);
    status = ORB_EIO;
  }
  if (status == ORB_OK) {
    status = orb_output_commit(b->output, diags);
  } else {
    orb_output_abort(b->output);
  }
  free(b->path);
  free(b);
  return status;
}

void orb_bargain_store_abort(orb_bargain_store *b) {
  if (!b) return;
  store_close(b);
  orb_output_abort(b->output);
  free(b->path);
  free(b);
}

orb_status orb_bargain_store_write(const char *path, const orb_bargain_scenario *scenario,
                                   const orb_bargain_options *options, uint64_t seed,
                                   orb_bargain_result *const *results, size_t count,
                                   orb_diags *diags) {
  orb_bargain_store *b = NULL;
  orb_status status = orb_bargain_store_open(path, scenario, options, seed, &b, diags);
  for (size_t r = 0; status == ORB_OK && r < count; r++)
    status = orb_bargain_store_add(b, r, results[r], diags);
  if (status == ORB_OK) return orb_bargain_store_commit(b, diags);
  orb_bargain_store_abort(b);
  return status;
}
