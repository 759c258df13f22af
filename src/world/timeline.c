/*
 * timeline.c: event timelines kept in date order.
 */
#include <stdlib.h>
#include <string.h>

#include "world/timeline.h"

/* An event's place in the sorted timeline: by date, then by its old position. */
typedef struct event_order {
  orb_date date;
  size_t index;
} event_order;

static int compare_event_order(const void *a, const void *b) {
  const event_order *x = a, *y = b;
  if (x->date != y->date) return x->date < y->date ? -1 : 1;
  return (x->index > y->index) - (x->index < y->index);
}

orb_status timeline_sort(orb_event *events, size_t count) {
  if (count < 2) return ORB_OK;
  event_order *order = malloc(count * sizeof *order);
  orb_event *sorted = malloc(count * sizeof *sorted);
  if (!order || !sorted) {
    free(order);
    free(sorted);
    return ORB_ENOMEM;
  }
  for (size_t i = 0; i < count; i++) order[i] = (event_order){events[i].date, i};
  qsort(order, count, sizeof *order, compare_event_order);
  for (size_t i = 0; i < count; i++) sorted[i] = events[order[i].index];
  memcpy(events, sorted, count * sizeof *events);
  free(order);
  free(sorted);
  return ORB_OK;
}
