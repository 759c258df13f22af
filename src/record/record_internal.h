/*
 * record_internal.h: what the record module's files share privately.
 */
#ifndef ORB_RECORD_INTERNAL_H
#define ORB_RECORD_INTERNAL_H

#include "orbit/record.h"

/* Interned normalised titles: an open-addressing hash set of strings, each given
 * the index of its first insertion. */
typedef struct record_titles {
  char **keys;      /* owned strings, by slot */
  size_t *ids;      /* by slot */
  size_t slots;     /* a power of two */
  size_t count;
} record_titles;

void record_titles_init(record_titles *titles);
void record_titles_free(record_titles *titles);
/* The index of key (a new one when unseen). ORB_ENOMEM. */
orb_status record_titles_intern(record_titles *titles, const char *key, size_t *id);

/* The text a roll call's title is read from: its description, except where the
 * description is an agenda listing ("A/71/251 34 - ..."), as in sessions 71-73,
 * whose title is in the short title. */
const char *record_title_text(const orb_record_rollcall *rc);

#endif
