/*
 * query.c: lookups on a loaded world: ids, memberships and ties at a date,
 * attributes by year, and where the built-in world lives.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/input_internal.h"
#include "orbit/world.h"

size_t orb_world_actor(const orb_world *world, const char *id) {
  size_t low = 0, high = world->actor_count;
  while (low < high) {
    size_t mid = low + (high - low) / 2;
    int order = strcmp(world->actors[world->actor_order[mid]].id, id);
    if (order == 0) return world->actor_order[mid];
    if (order < 0) low = mid + 1;
    else high = mid;
  }
  return ORB_NONE;
}

size_t orb_world_institution(const orb_world *world, const char *id) {
  size_t actor = orb_world_actor(world, id);
  for (size_t i = 0; actor != ORB_NONE && i < world->institution_count; i++)
    if (world->institutions[i].actor == actor) return i;
  return ORB_NONE;
}

size_t orb_world_issue(const orb_world *world, const char *id) {
  for (size_t i = 0; i < world->issue_count; i++)
    if (strcmp(world->issues[i].id, id) == 0) return i;
  return ORB_NONE;
}

size_t orb_world_bargain(const orb_world *world, const char *id) {
  for (size_t i = 0; i < world->bargain_count; i++)
    if (strcmp(world->bargains[i].id, id) == 0) return i;
  return ORB_NONE;
}

size_t orb_world_param(const orb_world *world, const char *name) {
  for (size_t i = 0; i < world->param_count; i++)
    if (strcmp(world->params[i].name, name) == 0) return i;
  return ORB_NONE;
}

double orb_world_param_value(const orb_world *world, const char *name) {
  size_t index = orb_world_param(world, name);
  if (index != ORB_NONE) return world->params[index].value;
  const orb_param_spec *spec = orb_param_spec_find(name);
  return spec ? spec->value : NAN;
}

/* True when date lies in [period.start, period.end). */
static int in_period(orb_period period, orb_date date) {
  return date >= period.start && (period.end == ORB_DATE_NONE || date < period.end);
}

orb_member_status orb_membership_at(const orb_world *world, size_t institution,
                                    size_t actor, orb_date date) {
  const orb_institution *inst = &world->institutions[institution];
  for (size_t i = 0; i < inst->member_count; i++) {
    const orb_membership *m = &inst->members[i];
    if (m->actor != actor || !in_period(m->period, date)) continue;
    for (size_t k = 0; k < m->suspension_count; k++)
      if (in_period(m->suspensions[k], date)) return ORB_MEMBER_SUSPENDED;
    return m->role == ORB_ROLE_OBSERVER ? ORB_OBSERVER : ORB_MEMBER;
  }
  return ORB_NOT_MEMBER;
}

orb_tie_state orb_tie_at(const orb_tie *tie, orb_date date, const orb_figure **value) {
  if (value) *value = NULL;
  if (tie->ended != ORB_DATE_NONE && date >= tie->ended) return ORB_TIE_ENDED;
  int year;
  orb_date_to_ymd(date, &year, NULL, NULL);
  const orb_figure *latest = NULL;
  for (size_t i = 0; i < tie->value_count && tie->values[i].year <= year; i++)
    latest = &tie->values[i];
  if (!latest && tie->backdated && tie->value_count) latest = &tie->values[0];
  if (!latest) return ORB_TIE_NOT_YET;
  if (value) *value = latest;
  return ORB_TIE_HOLDS;
}

const orb_figure *orb_actor_attribute(const orb_world *world, size_t actor,
                                      const char *name, int year) {
  const orb_actor *a = &world->actors[actor];
  const orb_figure *best = NULL, *earliest = NULL;
  for (size_t i = 0; i < a->attribute_count; i++) {
    const orb_attribute *attr = &a->attributes[i];
    if (attr->text || !attr->name || strcmp(attr->name, name) != 0) continue;
    const orb_figure *fig = &attr->figure;
    if (fig->year <= year && (!best || fig->year > best->year)) best = fig;
    if (!earliest || fig->year < earliest->year) earliest = fig;
  }
  return best ? best : earliest;
}

const char *orb_world_default_path(void) {
  return input_data_path(0, "ORBIT_WORLD", "worlds/postsoviet.yaml");
}
