/*
 * landscape_yaml.h: the YAML landscape reader on an already parsed node, for the
 * world loader, which checks a world file's `landscape:` section with it.
 */
#ifndef ORB_ALIGN_LANDSCAPE_YAML_H
#define ORB_ALIGN_LANDSCAPE_YAML_H

#include <libfyaml.h>

#include "orbit/align.h"

/* Reads the landscape mapping at node (keys name, source, actors, sizes,
 * propensities or pairs, blocs), as orb_landscape_read_yaml does for a file named
 * name. On success *landscape is the caller's; otherwise NULL, with FILE:LINE:COL
 * messages appended to diags. *blocs (may be NULL) gets the file's blocs, 0 if none. */
orb_status orb_landscape_read_yaml_node(const char *name, struct fy_node *node,
                                        orb_landscape **landscape, unsigned *blocs,
                                        orb_diags *diags);

#endif
