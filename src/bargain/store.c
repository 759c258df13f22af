/*
 * store.c: writes bargaining runs to an SQLite database (one transaction, under
 * a temporary name renamed into place when complete, so no half-written file is
 * ever left at path). Tables: scenario, actor, dimension, input, run, position,
 * probability, outcome (docs/MODEL.md, "Bargaining").
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "orbit/bargain.h"

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

/* Writes everything into the open database db. */
static int write_all(sqlite3 *db, const orb_bargain_scenario *s,
                     const orb_bargain_options *o, uint64_t seed,
                     orb_bargain_result *const *results, size_t count) {
  static const char *const inserts[] = {
      "INSERT INTO scenario VALUES(?1,?2,?3,?4,?5,?6)",
      "INSERT INTO actor VALUES(?1,?2,?3,?4)",
      "INSERT INTO dimension VALUES(?1,?2)",
      "INSERT INTO input VALUES(?1,?2,?3,?4)",
      "INSERT INTO run VALUES(?1,?2)",
      "INSERT INTO position VALUES(?1,?2,?3,?4,?5)",
      "INSERT INTO probability VALUES(?1,?2,?3,?4)",
      "INSERT INTO outcome VALUES(?1,?2,?3,?4)"};
  enum { SCEN, ACTOR, DIM, INPUT, RUN, POS, PROB, OUT, NSTMT };
  sqlite3_stmt *st[NSTMT] = {0};
  int rc = sqlite3_exec(db, schema, NULL, NULL, NULL);
  for (int k = 0; rc == SQLITE_OK && k < NSTMT; k++)
    rc = sqlite3_prepare_v2(db, inserts[k], -1, &st[k], NULL);
  const size_t n = s->actor_count, m = s->dim_count;
  char opts[512], seed_text[32];
  options_text(o, opts, sizeof opts);
  snprintf(seed_text, sizeof seed_text, "%llu", (unsigned long long)seed);
  if (rc == SQLITE_OK)
    rc = insert(st[SCEN], "ttiitt", s->name, s->description, n, m, seed_text, opts);
  for (size_t i = 0; rc == SQLITE_OK && i < n; i++) {
    rc = insert(st[ACTOR], "ittd", i, s->actor_names[i], s->actor_descs[i],
                s->capability[i]);
    for (size_t k = 0; rc == SQLITE_OK && k < m; k++)
      rc = insert(st[INPUT], "iidd", i, k, s->position[i * m + k], s->salience[i * m + k]);
  }
  for (size_t k = 0; rc == SQLITE_OK && k < m; k++)
    rc = insert(st[DIM], "it", k, s->dim_names[k]);
  for (size_t r = 0; rc == SQLITE_OK && r < count; r++) {
    const orb_bargain_result *res = results[r];
    rc = insert(st[RUN], "ii", r, res->state_count);
    for (size_t t = 0; rc == SQLITE_OK && t < res->state_count; t++)
      for (size_t i = 0; rc == SQLITE_OK && i < n; i++) {
        for (size_t k = 0; rc == SQLITE_OK && k < m; k++)
          rc = insert(st[POS], "iiiid", r, t, i, k, res->positions[(t * n + i) * m + k]);
        const int known = o->turn_probabilities || t + 1 == res->state_count;
        if (rc == SQLITE_OK && known)
          rc = insert(st[PROB], "iiid", r, t, i, res->probabilities[t * n + i]);
      }
    for (size_t k = 0; rc == SQLITE_OK && k < m; k++)
      rc = insert(st[OUT], "iidd", r, k, res->outcome_mean[k], res->outcome_mode[k]);
  }
  for (int k = 0; k < NSTMT; k++) sqlite3_finalize(st[k]);
  return rc;
}

orb_status orb_bargain_store(const char *path, const orb_bargain_scenario *scenario,
                             const orb_bargain_options *options, uint64_t seed,
                             orb_bargain_result *const *results, size_t count,
                             orb_diags *diags) {
  size_t len = strlen(path) + 16;
  char *temp = malloc(len);
  if (!temp) return ORB_ENOMEM;
  snprintf(temp, len, "%s.partial", path);
  remove(temp);
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2(temp, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_exec(db, "PRAGMA journal_mode=OFF;BEGIN", NULL, NULL, NULL);
  if (rc == SQLITE_OK) rc = write_all(db, scenario, options, seed, results, count);
  if (rc == SQLITE_OK) rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    orb_diags_add(diags, path, 0, 0, "cannot write the store: %s",
                  db ? sqlite3_errmsg(db) : "out of memory");
  if (sqlite3_close(db) != SQLITE_OK && rc == SQLITE_OK) rc = SQLITE_ERROR;
  if (rc == SQLITE_OK && rename(temp, path) != 0) {
    orb_diags_add(diags, path, 0, 0, "cannot move the finished store into place");
    rc = SQLITE_ERROR;
  }
  if (rc != SQLITE_OK) remove(temp);
  free(temp);
  return rc == SQLITE_OK ? ORB_OK : ORB_EIO;
}
