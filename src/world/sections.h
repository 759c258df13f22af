/*
 * sections.h: sections of a world file that a model owns and checks for the
 * world loader, declared here so that the world module needs no model header.
 * Each is defined in its model's module.
 */
#ifndef ORB_WORLD_SECTIONS_H
#define ORB_WORLD_SECTIONS_H

#include <libfyaml.h>

#include "orbit/core.h"

/* Checks the `landscape:` mapping at node (sizes and propensities given as they
 * are, docs/WORLD.md) as orb_landscape_read_yaml would for a file named name,
 * keeping nothing. Returns ORB_OK, or a status with FILE:LINE:COL messages
 * appended to diags. Defined in src/align/read.c. */
orb_status landscape_check_yaml_node(const char *name, struct fy_node *node,
                                     orb_diags *diags);

#endif
