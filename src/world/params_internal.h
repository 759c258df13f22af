/*
 * params_internal.h: how a model registers its parameters with the registry of
 * src/world/params.c. A model defines one param_table naming its specs (each an
 * orb_param_spec, possibly the first member of a larger row of the model's own:
 * stride gives the row size); the registry lists every model's table.
 */
#ifndef ORB_WORLD_PARAMS_INTERNAL_H
#define ORB_WORLD_PARAMS_INTERNAL_H

#include "orbit/world.h"

typedef struct param_table {
  const char *model;  /* "stance", "align", ... */
  const void *rows;   /* the first row; each row starts with an orb_param_spec */
  size_t count;       /* rows */
  size_t stride;      /* bytes from one row to the next */
} param_table;

/* The tables of the models (defined in src/stance/model.c, src/align/derive.c,
 * src/dynamics/params.c). */
extern const param_table stance_param_table;
extern const param_table align_param_table;
extern const param_table dynamics_param_table;
extern const param_table record_param_table; /* src/record/features.c */

/* Reads the `parameters:` list of the file at path (load.c): a world file, whose
 * other sections are not read, or a file that holds only `parameters:`. Each
 * entry is checked as in a world. On success *params is a world holding only
 * path and parameters, freed with orb_world_free(); else NULL, diags says why. */
orb_status world_load_params_file(const char *path, orb_world **params, orb_diags *diags);

#endif
