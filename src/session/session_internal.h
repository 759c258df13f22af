/*
 * session_internal.h: the session's fields, shared by the analyses of the session
 * module; not part of the public API.
 */
#ifndef ORB_SESSION_INTERNAL_H
#define ORB_SESSION_INTERNAL_H

#include "orbit/session.h"

struct orb_session {
  orb_world *world;            /* with the merged timeline; owns its bases */
  orb_landscape *landscape;    /* the world file's landscape: section, or NULL */
  unsigned landscape_blocs;
  orb_session_merge *merges;   /* merge_count; their file names are merge_names */
  char **merge_names;          /* merge_count, owned */
  size_t merge_count;
  int has_model;               /* model built (orb_session_stance_model) */
  orb_stance_model model;
};

/* Adds "unknown WHAT 'id' (did you mean 'X'?); its WHATs: A, B" (or "; the world
 * has no WHATs") to diags under the world's file; returns ORB_ENOTFOUND. */
orb_status session_unknown_id(const orb_world *world, const char *what, const char *id,
                              const char *const *ids, size_t count, orb_diags *diags);

#endif
