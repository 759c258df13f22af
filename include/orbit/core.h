/*
 * orbit/core.h: status codes, dates and diagnostics shared by every orbit module.
 *
 * The conventions of the whole API (one set, as igraph's igraph_error.h states its
 * own):
 *
 * Errors. Every function that can fail returns an orb_status: ORB_OK (0) or one of
 * the codes below, nothing else (no booleans, no -1, no counts mixed with
 * statuses). What went wrong, for a person, goes to an orb_diags the caller passes
 * in: one FILE:LINE:COL message per problem (line and column 0 when unknown).
 * Functions that cannot fail return their value (a name, an index, ORB_NONE).
 * An argument that does not fit the input (a date outside the world, an unknown
 * issue or actor) is ORB_EINVAL or ORB_ENOTFOUND; input that is malformed is
 * ORB_EPARSE; a file that cannot be read or written is ORB_EIO; a size limit is
 * ORB_ELIMIT. A diagnostic that cannot be recorded for lack of memory is not lost
 * silently: the list counts it and orb_diags_print says so.
 *
 * Ownership. Objects come in pairs: orb_X_new or orb_X_load (or an analysis such
 * as orb_stances_new) hands the caller a new object through its last pointer
 * argument, and orb_X_free releases it (NULL is allowed). The caller owns what is
 * returned that way unless the comment says it points into another object (then
 * it lives as long as that object). On failure the out pointer is set to NULL and
 * nothing is left allocated. A few plain structs the caller declares itself
 * (orb_diags, orb_stance_model) are filled by orb_X_init and emptied by orb_X_free.
 *
 * Output. Writers take a FILE * and return ORB_EIO when the stream reports an
 * error; they never close it.
 *
 * The orbit command maps these onto one table of exit codes for every command:
 * 0 success, 1 bad input (a file missing, unreadable or malformed, or a model that
 * cannot run on it), 2 bad usage (an unknown option, a malformed value, or an
 * argument that does not fit the world: a date outside it, an unknown issue or
 * actor), 3 the output cannot be written.
 */
#ifndef ORBIT_CORE_H
#define ORBIT_CORE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Only what lies between ORB_BEGIN_API and ORB_END_API is exported from liborbit:
 * the library is built with hidden visibility (-fvisibility=hidden), and every
 * public header marks its declarations with these two macros. */
#if defined(__GNUC__) || defined(__clang__)
#define ORB_BEGIN_API _Pragma("GCC visibility push(default)")
#define ORB_END_API _Pragma("GCC visibility pop")
#else
#define ORB_BEGIN_API
#define ORB_END_API
#endif

ORB_BEGIN_API

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

/* The last day a partial date may mean: the date itself, or the last day of its
 * month or year when only those are known. */
orb_date orb_date_last_day(orb_date date, orb_precision precision);

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
  size_t lost; /* messages that could not be recorded for lack of memory */
} orb_diags;

void orb_diags_init(orb_diags *diags);
void orb_diags_free(orb_diags *diags);

/* Appends a printf-formatted message. Returns ORB_ENOMEM if it could not, and
 * counts the message in diags->lost. */
orb_status orb_diags_add(orb_diags *diags, const char *file, int line, int column,
                         const char *format, ...)
    __attribute__((format(printf, 5, 6)));

/* Prints each diagnostic as "FILE:LINE:COL: error: message\n" to out, then, when
 * some could not be recorded, "orbit: out of memory while recording diagnostics
 * (N lost)". */
void orb_diags_print(const orb_diags *diags, FILE *out);

/* Output formats of the writers (orbit/report.h, orb_coded_event_write). */
typedef enum orb_format {
  ORB_FORMAT_TEXT = 0, /* readable tables */
  ORB_FORMAT_JSON,     /* one JSON document (JSON Lines for coded events) */
  ORB_FORMAT_CSV       /* rows with a header */
} orb_format;

/* The Levenshtein-closest of candidates[0..count) to word, or NULL if none is
 * within a third of the word's length (at least 2 edits). For did-you-mean hints. */
const char *orb_closest_word(const char *word, const char *const *candidates,
                             size_t count);

/* ---- seeds ------------------------------------------------------------------- */

/* Parses a random seed: decimal digits only (no sign, no spaces), 0 to 2^64 - 1.
 * Every command reads --seed with it, so a seed is taken or refused alike
 * everywhere. ORB_OK, or ORB_EINVAL (nothing stored) for anything else. */
orb_status orb_seed_parse(const char *text, uint64_t *seed);

/* Parses a decimal number given as text (an option's value): an optional sign,
 * digits, a fraction, an exponent; no hex, inf, nan, blanks or trailing bytes.
 * The same parser reads every number of every input file. ORB_OK, or ORB_EINVAL
 * (nothing stored). */
orb_status orb_number_parse(const char *text, double *value);

ORB_END_API

#ifdef __cplusplus
}
#endif
#endif
