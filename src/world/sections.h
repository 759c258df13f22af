/*
 * sections.h: sections of a world file that a model owns and checks for the
 * world loader, declared here so that the world module needs no model header.
 * Each is defined in its model's module.
 */
#ifndef ORB_WORLD_SECTIONS_H
#define ORB_WORLD_SECTIONS_H

#include "core/yaml_kit.h"
#include "orbit/core.h"

/* Checks the `landscape:` mapping at node (sizes and propensities given as they
 * are, docs/WORLD.md) as orb_landscape_read_yaml would, keeping nothing, with r's
 * file name, diagnostics and error cap (the YAML kit, core/yaml_kit.h). Returns
 * ORB_OK, or a status with FILE:LINE:COL messages reported through r. Defined in
 * src/align/read.c. */
orb_status landscape_check_yaml_node(yk_reader *r, const yk_node *node);

#endif
