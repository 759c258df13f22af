/*
 * landscape_yaml.h: the YAML landscape reader on an already parsed node, for the
 * world loader, which checks a world file's `landscape:` section with it.
 */
#ifndef ORB_ALIGN_LANDSCAPE_YAML_H
#define ORB_ALIGN_LANDSCAPE_YAML_H

#include "core/yaml_kit.h"
#include "orbit/align.h"

/* Reads the landscape mapping at node (keys name, source, actors, sizes,
 * propensities or pairs, blocs), as orb_landscape_read_yaml does for a file, with
 * r's file name, diagnostics and error cap. On success *landscape is the caller's;
 * otherwise NULL, with FILE:LINE:COL messages reported through r. *blocs (may be
 * NULL) gets the file's blocs, 0 if none. */
orb_status landscape_read_yaml_node(yk_reader *r, const yk_node *node,
                                    orb_landscape **landscape, unsigned *blocs);

#endif
