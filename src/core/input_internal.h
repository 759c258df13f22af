/*
 * input_internal.h: the one input layer every reader of the library uses (private
 * to the library; docs/ARCHITECTURE.md, "Input"):
 *
 *   - input_read_file: one file reader, one size limit per kind of input, one status
 *     (ORB_ELIMIT) for "too large"; regular files, pipes and FIFOs read once;
 *     directories and devices refused; every message names the file.
 *   - input_utf8_*: one strict streaming UTF-8 check (no overlong forms, no
 *     surrogates, nothing above U+10FFFF, no NUL byte).
 *   - input_number / input_uint64: one number parser, decimal only.
 *   - input_hint: one did-you-mean formatter.
 *   - input_data_path: one way to find the installed data (built-in world,
 *     dictionaries).
 *
 * The YAML helper kit over libfyaml is in core/yaml_kit.h.
 */
#ifndef ORB_CORE_INPUT_INTERNAL_H
#define ORB_CORE_INPUT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "orbit/core.h"

/* ---- size limits, one per kind of input ---------------------------------------- */

/* A world file: the built-in world is 0.2 MB; 64 MiB is hundreds of times any real
 * world and keeps the loader's peak memory (about 20 times the file) near 1 GiB. */
#define INPUT_WORLD_MAX_BYTES ((size_t)64 << 20)
/* A landscape (CSV edge list or YAML): a full propensity matrix of the largest
 * landscape align takes (4096 actors) is about 130 MB of YAML. */
#define INPUT_LANDSCAPE_MAX_BYTES ((size_t)256 << 20)
/* An event dictionary: the largest shipped one (phoenix.actors.dict) is 2.5 MB. */
#define INPUT_DICT_MAX_BYTES ((size_t)64 << 20)
/* A KTAB scenario (CSV or XML): 1000 actors on 64 dimensions is about 2 MB. */
#define INPUT_SCENARIO_MAX_BYTES ((size_t)64 << 20)
/* Coded events (JSON Lines of orbit code --json): a million events of 250 bytes. */
#define INPUT_EVENTS_MAX_BYTES ((size_t)256 << 20)
/* One line of coded events: a sentence and its fields are a few kilobytes. */
#define INPUT_EVENTS_LINE_MAX_BYTES ((size_t)1 << 20)

/* Diagnostics a reader lists for one file before it stops listing (one cap for
 * every reader: enough to fix a file in one pass, few enough to read). */
#define INPUT_MAX_ERRORS 100

/* ---- files ------------------------------------------------------------------------ */

/* Reads the whole file at path (a regular file, a pipe or a FIFO, read once) into
 * a malloc'ed buffer *data of *len bytes plus a NUL byte; the caller frees *data.
 * `what` names the kind of input in messages ("world file"). A directory or a
 * device is refused (ORB_EIO), so is a file over max_bytes (ORB_ELIMIT, with its
 * real size when the system knows it). On failure *data is NULL and a FILE:
 * message is in diags. */
orb_status input_read_file(const char *path, size_t max_bytes, const char *what,
                           char **data, size_t *len, orb_diags *diags);

/* Opens path for reading as input_read_file does (refusing a directory or a
 * device, with a FILE: message naming `what`): *fd is the caller's to close,
 * *size gets the size of a regular file, or -1 for a pipe or FIFO. ORB_EIO. */
orb_status input_open(const char *path, const char *what, int *fd, long long *size,
                      orb_diags *diags);

/* Formats a byte count as "64 MiB" (or "123 bytes") into buf. */
void input_format_size(size_t bytes, char *buf, size_t size);

/* ---- UTF-8 ------------------------------------------------------------------------ */

/* State of the streaming UTF-8 check: feed the text in pieces of any size. */
typedef struct input_utf8 {
  uint64_t offset;     /* bytes consumed */
  uint64_t line;       /* 1-based line of the next byte */
  uint64_t column;     /* 1-based column (characters) of the next byte */
  uint32_t need;       /* continuation bytes still expected */
  uint32_t min;        /* smallest code point the sequence may encode */
  uint32_t cp;         /* code point so far */
  uint64_t seq_offset; /* offset of the sequence's first byte */
  uint64_t seq_line, seq_column;
} input_utf8;

/* Starts a check at line 1, column 1. */
void input_utf8_init(input_utf8 *state);

/* Checks data[0..len): strict UTF-8 (no overlong form, no surrogate, nothing
 * above U+10FFFF) with no NUL byte. On bad input appends NAME:LINE:COL: message
 * to diags and returns ORB_EPARSE. */
orb_status input_utf8_check(input_utf8 *state, const char *name, const char *data,
                            size_t len, orb_diags *diags);

/* Checks that the stream ended on a character boundary (ORB_EPARSE if not). */
orb_status input_utf8_end(input_utf8 *state, const char *name, orb_diags *diags);

/* Checks a whole text in one call (init, check, end). */
orb_status input_utf8_text(const char *name, const char *data, size_t len,
                           orb_diags *diags);

/* 1 when text[0..len) is strict UTF-8 without NUL or other control characters
 * (below 0x20, or 0x7F): a name that may be printed and written to JSON. */
int input_utf8_name(const char *text, size_t len);

/* ---- numbers ---------------------------------------------------------------------- */

typedef enum input_number_status {
  INPUT_NUMBER_OK = 0,
  INPUT_NUMBER_SYNTAX, /* not a decimal number (hex, inf, nan, junk, empty) */
  INPUT_NUMBER_RANGE   /* a decimal number outside the range of a double */
} input_number_status;

/* Parses exactly text[0..len) as a decimal number: an optional sign, digits with
 * an optional fraction, an optional exponent ("-1.5e3", ".5"); no blanks, no hex
 * ("0x1p4"), no "inf" or "nan". The C locale's '.' is the decimal point whatever
 * the process locale. */
input_number_status input_number(const char *text, size_t len, double *value);

/* Parses exactly text[0..len) as a whole number from 0 to 2^64 - 1 (digits only). */
input_number_status input_uint64(const char *text, size_t len, uint64_t *value);

/* What is wrong with a number that input_number refused, for messages. */
const char *input_number_problem(input_number_status status);

/* ---- did-you-mean ------------------------------------------------------------------ */

/* Writes into buf a hint for an unknown word: " (did you mean 'x'?)" when one of
 * candidates[0..count) is close (orb_closest_word), else " (expected one of: a, b,
 * ...)" when with_list, else "". Returns buf. */
const char *input_hint(const char *word, const char *const *candidates, size_t count,
                       int with_list, char *buf, size_t size);

/* ---- installed data ------------------------------------------------------------------ */

/* The path of the installed data file `relative` (e.g. "worlds/postsoviet.yaml",
 * "data/events"): the environment variable env (may be NULL) when set and not
 * empty, else the source tree's copy when it is readable, else the installed one.
 * Returns a pointer to static storage that lives until the next call with the same
 * `slot` (0 to 3: one per kind of data, so callers may keep their result). */
const char *input_data_path(int slot, const char *env, const char *relative);

#endif
