/*
 * evtest.h: helpers shared by the event coder's tests: coding a buffer into a
 * list of copied events, and scoring coded events against expected ones.
 */
#ifndef ORB_EVTEST_H
#define ORB_EVTEST_H

#include "orbit/orbit.h"

/* A coded event copied out of the sink call. */
typedef struct evt_event {
  char doc[128];
  orb_date date;
  orb_precision precision;
  orb_date_source date_source;
  char source[24], source_role[16], target[24], target_role[16];
  char cameo[8];
  int type;
  uint64_t start, end;
  char rule[64];
} evt_event;

/* A growing list of events (free with evt_list_free). */
typedef struct evt_list {
  evt_event *items;
  size_t count, cap;
} evt_list;

void evt_list_free(evt_list *list);

/* The built-in dictionaries plus the files of extra (NULL-terminated; NULL for
 * none); fails the test when they do not load. The caller frees the result. */
orb_dict *evt_dict(const char *const *extra);

/* The same with the actors of a world file added (orb_dict_add_world) between
 * the built-in dictionaries and extra, as `orbit code --world` does; NULL for
 * none. */
orb_dict *evt_dict_world(const char *world_path, const char *const *extra);

/* The syntactic layer evt_code gives its coders from now on (NULL: none, the
 * default); the model must outlive those calls. */
void evt_set_parser(const orb_parse_model *model);

/* The built-in parser model, loaded once and kept for the life of the test
 * program; fails the test when it does not load. */
const orb_parse_model *evt_parser(void);

/* The same with the parser (about 60 MB): the coder's tree rules apply. */
const orb_parse_model *evt_parser_full(void);

/* Codes text[0..len) named name with article date date in chunks of chunk bytes
 * (0: all at once), appending events to out. Returns the coder's status; diags
 * (may be NULL) gets its messages; stats (may be NULL) its counters. */
orb_status evt_code(const orb_dict *dict, const char *name, const char *text, size_t len,
                    orb_date date, size_t chunk, evt_list *out, orb_diags *diags,
                    orb_coder_stats *stats);

/* Codes a NUL-terminated text with the given date ("" for none) in one go. */
evt_list evt_code_text(const orb_dict *dict, const char *text, const char *date);

/* Index of the first event with this source, CAMEO root (2 digits or "" for any)
 * and target ("*" for any), or -1. */
long evt_find(const evt_list *list, const char *source, const char *root,
              const char *target);

/* Codes text (one article of this date) without the syntactic layer (layer 0),
 * with the tagger (1) or with the tagger and the parser (2), and writes its
 * events into out[size] as "SOURCE ROOT TARGET;..." (CAMEO root: two digits). */
void evt_events_of(const orb_dict *dict, const char *text, const char *date, int layer,
                   char *out, size_t size);

/* Splits line in place at '|' into at most max fields, each trimmed of blanks
 * and of a trailing '\r' or '\n' (the caller owns line; the fields point into
 * it); returns the count. */
size_t evt_fields(char *line, char **out, size_t max);

/* Checks one line of a probe: its three fields (DATE | TEXT | EXPECTED), the
 * dictionaries with the built-in world, whether the line is a known miss
 * ("!"); returns 1 when the line codes right (and prints it when it is
 * wrong, or a known miss now right). */
typedef int (*evt_probe_check)(const orb_dict *dict, char **fields, int known_miss,
                               void *user);

/* The counts of a probe. */
typedef struct evt_probe_counts {
  size_t lines, right, known, wrong; /* wrong: right lines marked "!" or wrong unmarked */
} evt_probe_counts;

/* Runs check over every line of the probe file at path (lines starting "#"
 * and empty ones skipped), coded with the built-in dictionaries, the built-in
 * world and the tagger and parser, as `orbit code` does. */
evt_probe_counts evt_probe(const char *path, evt_probe_check check, void *user);

#endif
