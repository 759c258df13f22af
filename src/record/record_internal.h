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

#endif
