/*
 * orbit/core.h: status codes, dates and diagnostics shared by every orbit module.
 *
 * Conventions of the whole API: functions return an orb_status (ORB_OK is 0);
 * objects come in _load/_new and _free pairs; a pointer handed back to the caller
 * is owned by the caller unless the comment says it points into another object.
 */
#ifndef ORBIT_CORE_H
#define ORBIT_CORE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Version of the library, "MAJOR.MINOR.PATCH". */
const char *orb_version(void);

typedef enum orb_status {
  ORB_OK = 0,
  ORB_ENOMEM,    /* out of memory */
  ORB_EIO,       /* a file could not be read or written */
  ORB_EPARSE,    /* input is malformed; details are in the diagnostics */
  ORB_EINVAL,    /* an argument is invalid (unknown id, out of range) */
  ORB_ENOTFOUND, /* a named thing does not exist */
  ORB_ELIMIT     /* a size limit was exceeded */
} orb_status;

/* A short English description of a status code (static string). */
const char *orb_status_str(orb_status status);

/* Index of "nothing" in arrays of actors, options, institutions. */
#define ORB_NONE ((size_t)-1)

/* ---- dates ------------------------------------------------------------------ */

/* A calendar date as days since 1970-01-01 (proleptic Gregorian). */
typedef int32_t orb_date;
#define ORB_DATE_NONE INT32_MIN

/* How much of a date was given: "2024", "2024-02" or "2024-02-22". */
typedef enum orb_precision {
  ORB_PREC_YEAR = 1,
  ORB_PREC_MONTH = 2,
  ORB_PREC_DAY = 3
} orb_precision;

/* The date of year, month (1-12), day (1-31); no validation. */
orb_date orb_date_from_ymd(int year, int month, int day);

/* Splits a date into year, month, day. Any out pointer may be NULL. */
void orb_date_to_ymd(orb_date date, int *year, int *month, int *day);

/* Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (years 1000-2999) of exactly len bytes.
 * A partial date becomes the first day of its month or year. Returns ORB_OK, or
 * ORB_EINVAL when text is not a real calendar date; precision may be NULL. */
orb_status orb_date_parse(const char *text, size_t len, orb_date *date,
                          orb_precision *precision);

/* Writes date as "YYYY-MM-DD" (or shorter, per precision) into buf[11]. */
void orb_date_format(orb_date date, orb_precision precision, char buf[11]);

/* ---- diagnostics ------------------------------------------------------------ */

/* One message about an input: FILE:LINE:COL: message (line/col 0 when unknown). */
typedef struct orb_diag {
  char *file;
  int line;
  int column;
  char *message;
} orb_diag;

/* A growing list of diagnostics; owns its strings. */
typedef struct orb_diags {
  orb_diag *items;
  size_t count;
  size_t capacity;
} orb_diags;

void orb_diags_init(orb_diags *diags);
void orb_diags_free(orb_diags *diags);

/* Appends a printf-formatted message. Returns ORB_ENOMEM if it could not. */
orb_status orb_diags_add(orb_diags *diags, const char *file, int line, int column,
                         const char *format, ...)
    __attribute__((format(printf, 5, 6)));

/* Prints each diagnostic as "FILE:LINE:COL: error: message\n" to out. */
void orb_diags_print(const orb_diags *diags, FILE *out);

/* The Levenshtein-closest of candidates[0..count) to word, or NULL if none is
 * within a third of the word's length (at least 2 edits). For did-you-mean hints. */
const char *orb_closest_word(const char *word, const char *const *candidates,
                             size_t count);

/* ---- seeds ------------------------------------------------------------------- */

/* Parses a random seed: decimal digits only (no sign, no spaces), 0 to 2^64 - 1.
 * Every command reads --seed with it, so a seed is taken or refused alike
 * everywhere. ORB_OK, or ORB_EINVAL (nothing stored) for anything else. */
orb_status orb_seed_parse(const char *text, uint64_t *seed);

#ifdef __cplusplus
}
#endif
#endif
