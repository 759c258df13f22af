/*
 * timeline.h: private helpers of the world module for event timelines.
 */
#ifndef ORB_WORLD_TIMELINE_H
#define ORB_WORLD_TIMELINE_H

#include "orbit/world.h"

/* Sorts events[0..count) by date, stably (events of one date keep their order).
 * Returns ORB_ENOMEM, leaving events as they were, if scratch memory is lacking. */
orb_status timeline_sort(orb_event *events, size_t count);

#endif
