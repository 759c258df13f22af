/*
 * params.c: the parameter registry: every model's parameter table, listed once
 * (params_internal.h), looked up by name for the loader's checks, the models'
 * defaults and `orbit help parameters`; and a world with the parameters of
 * another file (--params).
 */
#include <stdlib.h>
#include <string.h>

#include "world/arena.h"
#include "world/params_internal.h"

/* Every model's table, in the order they are listed to users. */
static const param_table *const tables[] = {&stance_param_table, &align_param_table,
                                            &dynamics_param_table, &record_param_table};
#define TABLE_COUNT (sizeof tables / sizeof tables[0])

size_t orb_param_spec_count(void) {
  size_t count = 0;
  for (size_t t = 0; t < TABLE_COUNT; t++) count += tables[t]->count;
  return count;
}

const orb_param_spec *orb_param_spec_at(size_t i) {
  for (size_t t = 0; t < TABLE_COUNT; t++) {
    if (i < tables[t]->count)
      return (const orb_param_spec *)((const char *)tables[t]->rows + i * tables[t]->stride);
    i -= tables[t]->count;
  }
  return NULL;
}

const orb_param_spec *orb_param_spec_find(const char *name) {
  size_t count = orb_param_spec_count();
  for (size_t i = 0; i < count; i++) {
    const orb_param_spec *spec = orb_param_spec_at(i);
    size_t len = strlen(spec->name);
    if (spec->family ? strncmp(name, spec->name, len) == 0 && name[len]
                     : strcmp(name, spec->name) == 0)
      return spec;
  }
  return NULL;
}

const char *orb_param_spec_closest(const char *name) {
  enum { MAX_SPECS = 256 };
  const char *names[MAX_SPECS];
  size_t count = orb_param_spec_count();
  if (count > MAX_SPECS) count = MAX_SPECS;
  for (size_t i = 0; i < count; i++) names[i] = orb_param_spec_at(i)->name;
  return orb_closest_word(name, names, count);
}

orb_status orb_world_with_params(const orb_world *world, const char *path,
                                 orb_world **out, orb_diags *diags) {
  *out = NULL;
  orb_world *file = NULL;
  orb_status status = world_load_params_file(path, &file, diags);
  if (status != ORB_OK) return status;
  world_arena *arena = arena_new();
  orb_world *w = arena ? arena_alloc(arena, sizeof *w) : NULL;
  orb_param *params = w ? arena_array(arena, world->param_count + file->param_count,
                                          sizeof *params) : NULL;
  if (!w || (!params && world->param_count + file->param_count)) {
    arena_free(arena);
    orb_world_free(file);
    orb_diags_add(diags, path, 0, 0, "out of memory");
    return ORB_ENOMEM;
  }
  /* The world's parameters, each replaced by the file's of the same name; then
   * the file's others, in file order. */
  size_t count = 0;
  for (size_t i = 0; i < world->param_count; i++) {
    size_t k = orb_world_param(file, world->params[i].name);
    params[count++] = k == ORB_NONE ? world->params[i] : file->params[k];
  }
  for (size_t k = 0; k < file->param_count; k++)
    if (orb_world_param(world, file->params[k].name) == ORB_NONE)
      params[count++] = file->params[k];
  *w = *world;
  w->params = params;
  w->param_count = count;
  w->arena = arena;
  w->base = file; /* owns the file's strings; world itself is not owned */
  *out = w;
  return ORB_OK;
}
