/*
 * read.h: helpers shared by the scenario readers (private).
 */
#ifndef ORB_BARGAIN_READ_H
#define ORB_BARGAIN_READ_H

#include <stddef.h>

#include "orbit/bargain.h"

/* Reads the whole file at path (at most max_bytes) into a malloc'ed, NUL-terminated
 * buffer *data of *len bytes; reports FILE: problems to diags. */
orb_status bargain_read_file(const char *path, size_t max_bytes, char **data,
                             size_t *len, orb_diags *diags);

#endif
