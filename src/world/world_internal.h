/*
 * world_internal.h: helpers of the world module used by other parts of the
 * library (the session), not part of the public API.
 */
#ifndef ORB_WORLD_INTERNAL_H
#define ORB_WORLD_INTERNAL_H

#include "orbit/core.h"

/* Reads the world file at path into *data (malloc'ed, the caller frees) and *len,
 * opening it once. At most one byte over the world size limit is read, so that
 * orb_world_load_buffer reports the size. ORB_EIO (with a diagnostic naming the
 * file) when it cannot be opened or read, ORB_ENOMEM. */
orb_status world_read_file(const char *path, char **data, size_t *len, orb_diags *diags);

#endif
