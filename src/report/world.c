/*
 * world.c: the writers of a world's state, as a whole or as of a date (orbit
 * world), as text or JSON, and the line of a valid world (orbit world --check).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_internal.h"

/* Formats a day date into buf (static-size), "" for ORB_DATE_NONE. */
static const char *day(orb_date date, char buf[11]) {
  if (date == ORB_DATE_NONE) return "";
  orb_date_format(date, ORB_PREC_DAY, buf);
  return buf;
}

/* Counts ties per tie type into counts (indexed by orb_tie_type); with a date,
 * counts only those that hold then. */
static void count_ties(const orb_state *st, size_t *counts) {
  const orb_world *w = st->world;
  for (size_t i = 0; i < w->tie_count; i++)
    if (st->date == ORB_DATE_NONE || st->tie_state[i] == ORB_TIE_HOLDS)
      counts[w->ties[i].type]++;
}

/* Prints one institution's memberships, whole or as of date. */
static void print_institution(FILE *out, const orb_state *st,
                              const orb_institution *inst) {
  const orb_world *w = st->world;
  orb_date date = st->date;
  char a[11], b[11];
  const orb_actor *self = &w->actors[inst->actor];
  fprintf(out, "  %-12s %s; %s%s%s\n", self->id, self->name,
          orb_commitment_name(inst->commitment),
         inst->leader != ORB_NONE ? ", led by " : "",
         inst->leader != ORB_NONE ? w->actors[inst->leader].id : "");
  if (date != ORB_DATE_NONE) {
    static const char *const labels[] = {"", "members", "suspended", "observers"};
    size_t index = (size_t)(inst - w->institutions);
    for (int status = ORB_MEMBER; status <= ORB_OBSERVER; status++) {
      int printed = 0;
      for (size_t i = 0; i < w->actor_count; i++) {
        if ((int)st->membership[index * w->actor_count + i] != status) continue;
        if (!printed++) fprintf(out, "      %s:", labels[status]);
        fprintf(out, " %s", w->actors[i].id);
      }
      if (printed) fputc('\n', out);
    }
    return;
  }
  for (size_t i = 0; i < inst->member_count; i++) {
    const orb_membership *m = &inst->members[i];
    fprintf(out, "      %-6s %s%s to %s", w->actors[m->actor].id,
           m->role == ORB_ROLE_OBSERVER ? "observer " : "", day(m->period.start, a),
           m->period.end == ORB_DATE_NONE ? "now" : day(m->period.end, b));
    for (size_t k = 0; k < m->suspension_count; k++)
      fprintf(out, "; suspended %s to %s", day(m->suspensions[k].start, a),
             m->suspensions[k].end == ORB_DATE_NONE ? "now" : day(m->suspensions[k].end, b));
    fputc('\n', out);
  }
}

/* Prints the readable summary. */
static void print_summary(FILE *out, const orb_state *st) {
  const orb_world *w = st->world;
  orb_date date = st->date;
  char a[11], b[11];
  fprintf(out, "World: %s\nFile:  %s\nSpan:  %s to %s\n", w->name, w->path, day(w->start, a),
         day(w->end, b));
  if (date != ORB_DATE_NONE) fprintf(out, "As of: %s\n", day(date, a));

  size_t kinds[4] = {0};
  for (size_t i = 0; i < w->actor_count; i++) kinds[w->actors[i].kind]++;
  fprintf(out, "\nActors: %zu (%zu states, %zu blocs, %zu organisations, %zu territories)\n",
         w->actor_count, kinds[0], kinds[1], kinds[2], kinds[3]);
  for (int k = 0; k < 4; k++) {
    if (!kinds[k]) continue;
    fprintf(out, "  %-13s", orb_actor_kind_name((orb_actor_kind)k));
    for (size_t i = 0; i < w->actor_count; i++)
      if ((int)w->actors[i].kind == k) fprintf(out, " %s", w->actors[i].id);
    fputc('\n', out);
  }

  size_t membership_count = 0;
  for (size_t i = 0; i < w->institution_count; i++)
    membership_count += w->institutions[i].member_count;
  fprintf(out, "\nInstitutions: %zu, %zu dated memberships%s\n", w->institution_count,
         membership_count, date != ORB_DATE_NONE ? " (status as of the date)" : "");
  for (size_t i = 0; i < w->institution_count; i++)
    print_institution(out, st, &w->institutions[i]);

  size_t counts[ORB_TIE_TYPE_COUNT] = {0};
  count_ties(st, counts);
  size_t shown = 0;
  for (size_t t = 0; t < ORB_TIE_TYPE_COUNT; t++) shown += counts[t];
  fprintf(out, "\nTies: %zu", w->tie_count);
  if (date != ORB_DATE_NONE) fprintf(out, ", %zu holding on %s", shown, day(date, a));
  fputc('\n', out);
  for (size_t t = 0; t < ORB_TIE_TYPE_COUNT; t++) {
    if (!counts[t]) continue;
    fprintf(out, "  %-18s %3zu", orb_tie_type_name((orb_tie_type)t), counts[t]);
    if (date != ORB_DATE_NONE) {
      fprintf(out, " ");
      for (size_t i = 0; i < w->tie_count; i++) {
        const orb_figure *value = st->tie_value[i];
        if (w->ties[i].type != (orb_tie_type)t || st->tie_state[i] != ORB_TIE_HOLDS)
          continue;
        fprintf(out, " %s>%s %.2f", w->actors[w->ties[i].from].id, w->actors[w->ties[i].to].id,
               value->value);
      }
    }
    fputc('\n', out);
  }

  fprintf(out, "\nEvents: %zu", w->event_count);
  if (w->event_count) {
    int first, last;
    orb_date_to_ymd(w->events[0].date, &first, NULL, NULL);
    orb_date_to_ymd(w->events[w->event_count - 1].date, &last, NULL, NULL);
    fprintf(out, ", %d to %d\n", first, last);
    for (size_t i = 0; i < w->event_count;) {
      int year;
      orb_date_to_ymd(w->events[i].date, &year, NULL, NULL);
      size_t n = 0;
      for (; i < w->event_count; i++, n++) {
        int y;
        orb_date_to_ymd(w->events[i].date, &y, NULL, NULL);
        if (y != year) break;
      }
      fprintf(out, "  %d %3zu ", year, n);
      for (size_t k = 0; k < n && k < 40; k++) fprintf(out, "#");
      fputc('\n', out);
    }
  } else {
    fputc('\n', out);
  }
  if (date != ORB_DATE_NONE) {
    fprintf(out, "  %zu of them on or before %s\n", st->events_by_date, day(date, a));
  }

  fprintf(out, "\nIssues: %zu\n", w->issue_count);
  for (size_t i = 0; i < w->issue_count; i++) {
    const orb_issue *issue = &w->issues[i];
    fprintf(out, "  %-14s %s  %s (patron %s, %zu options, %zu observed stances)\n", issue->id,
           day(issue->date, a), issue->title, w->actors[issue->patron].id,
           issue->option_count, issue->observed_count);
  }
  fprintf(out, "\nParameters: %zu\n", w->param_count);
  for (size_t i = 0; i < w->param_count; i++)
    fprintf(out, "  %-28s %g in [%g, %g]%s\n", w->params[i].name, w->params[i].value,
           w->params[i].low, w->params[i].high, w->params[i].fitted_by ? " (fitted)" : "");

  size_t total = w->sourced_count + w->assumption_count;
  fprintf(out, "\nProvenance: %zu figures and facts, %zu sourced (%.1f%%), %zu assumptions "
         "(%.1f%%), 0 without either\n",
         total, w->sourced_count, total ? 100.0 * w->sourced_count / total : 0.0,
         w->assumption_count, total ? 100.0 * w->assumption_count / total : 0.0);
}

/* Adds a date string (or null) under key. */
static void add_date(cJSON *object, const char *key, orb_date date) {
  char buf[11];
  if (date == ORB_DATE_NONE) cJSON_AddNullToObject(object, key);
  else cJSON_AddStringToObject(object, key, day(date, buf));
}

/* Builds the JSON summary; the caller deletes it. */
static cJSON *summary_json(const orb_state *st) {
  const orb_world *w = st->world;
  orb_date date = st->date;
  cJSON *root = cJSON_CreateObject();
  cJSON_AddStringToObject(root, "name", w->name);
  cJSON_AddStringToObject(root, "path", w->path);
  add_date(root, "start", w->start);
  add_date(root, "end", w->end);
  add_date(root, "date", date);

  cJSON *actors = cJSON_AddArrayToObject(root, "actors");
  for (size_t i = 0; i < w->actor_count; i++) {
    cJSON *actor = cJSON_CreateObject();
    cJSON_AddStringToObject(actor, "id", w->actors[i].id);
    cJSON_AddStringToObject(actor, "name", w->actors[i].name);
    cJSON_AddStringToObject(actor, "kind", orb_actor_kind_name(w->actors[i].kind));
    cJSON_AddNumberToObject(actor, "attributes", (double)w->actors[i].attribute_count);
    cJSON_AddItemToArray(actors, actor);
  }

  cJSON *institutions = cJSON_AddArrayToObject(root, "institutions");
  for (size_t i = 0; i < w->institution_count; i++) {
    const orb_institution *inst = &w->institutions[i];
    cJSON *object = cJSON_CreateObject();
    cJSON_AddStringToObject(object, "id", w->actors[inst->actor].id);
    if (inst->leader != ORB_NONE)
      cJSON_AddStringToObject(object, "leader", w->actors[inst->leader].id);
    else
      cJSON_AddNullToObject(object, "leader");
    cJSON_AddStringToObject(object, "commitment", orb_commitment_name(inst->commitment));
    cJSON *members = cJSON_AddArrayToObject(object, "memberships");
    for (size_t j = 0; j < inst->member_count; j++) {
      const orb_membership *m = &inst->members[j];
      cJSON *member = cJSON_CreateObject();
      cJSON_AddStringToObject(member, "actor", w->actors[m->actor].id);
      cJSON_AddStringToObject(member, "role",
                              m->role == ORB_ROLE_OBSERVER ? "observer" : "member");
      add_date(member, "joined", m->period.start);
      add_date(member, "left", m->period.end);
      cJSON *suspensions = cJSON_AddArrayToObject(member, "suspended");
      for (size_t k = 0; k < m->suspension_count; k++) {
        cJSON *span = cJSON_CreateObject();
        add_date(span, "from", m->suspensions[k].start);
        add_date(span, "to", m->suspensions[k].end);
        cJSON_AddItemToArray(suspensions, span);
      }
      cJSON_AddItemToArray(members, member);
    }
    if (date != ORB_DATE_NONE) {
      cJSON *status = cJSON_AddObjectToObject(object, "status");
      for (size_t a = 0; a < w->actor_count; a++) {
        orb_member_status s = st->membership[i * w->actor_count + a];
        if (s != ORB_NOT_MEMBER)
          cJSON_AddStringToObject(status, w->actors[a].id, orb_member_status_name(s));
      }
    }
    cJSON_AddItemToArray(institutions, object);
  }

  cJSON *ties = cJSON_AddArrayToObject(root, "ties");
  for (size_t i = 0; i < w->tie_count; i++) {
    const orb_tie *tie = &w->ties[i];
    cJSON *object = cJSON_CreateObject();
    cJSON_AddStringToObject(object, "from", w->actors[tie->from].id);
    cJSON_AddStringToObject(object, "to", w->actors[tie->to].id);
    cJSON_AddStringToObject(object, "type", orb_tie_type_name(tie->type));
    cJSON *values = cJSON_AddArrayToObject(object, "values");
    for (size_t k = 0; k < tie->value_count; k++) {
      cJSON *value = cJSON_CreateObject();
      cJSON_AddNumberToObject(value, "year", tie->values[k].year);
      cJSON_AddNumberToObject(value, "value", tie->values[k].value);
      cJSON_AddItemToArray(values, value);
    }
    if (date != ORB_DATE_NONE) {
      const orb_figure *value = st->tie_value[i];
      orb_tie_state state = st->tie_state[i];
      cJSON_AddStringToObject(object, "state", orb_tie_state_name(state));
      if (state == ORB_TIE_HOLDS) cJSON_AddNumberToObject(object, "value", value->value);
    }
    cJSON_AddItemToArray(ties, object);
  }

  cJSON *per_year = cJSON_AddObjectToObject(root, "events_per_year");
  for (size_t i = 0; i < w->event_count; i++) {
    int year;
    char key[8];
    orb_date_to_ymd(w->events[i].date, &year, NULL, NULL);
    snprintf(key, sizeof key, "%d", year);
    cJSON *count = cJSON_GetObjectItemCaseSensitive(per_year, key);
    if (count) cJSON_SetNumberValue(count, count->valuedouble + 1);
    else cJSON_AddNumberToObject(per_year, key, 1);
  }
  cJSON_AddNumberToObject(root, "event_count", (double)w->event_count);

  cJSON *issues = cJSON_AddArrayToObject(root, "issues");
  for (size_t i = 0; i < w->issue_count; i++) {
    cJSON *object = cJSON_CreateObject();
    cJSON_AddStringToObject(object, "id", w->issues[i].id);
    cJSON_AddStringToObject(object, "title", w->issues[i].title);
    add_date(object, "date", w->issues[i].date);
    cJSON_AddNumberToObject(object, "observed", (double)w->issues[i].observed_count);
    cJSON_AddItemToArray(issues, object);
  }
  cJSON_AddNumberToObject(root, "parameters", (double)w->param_count);
  cJSON *provenance = cJSON_AddObjectToObject(root, "provenance");
  cJSON_AddNumberToObject(provenance, "sourced", (double)w->sourced_count);
  cJSON_AddNumberToObject(provenance, "assumptions", (double)w->assumption_count);
  cJSON_AddNumberToObject(provenance, "neither", 0);
  return root;
}

orb_status orb_report_state(FILE *out, const orb_state *state, orb_format format) {
  switch (format) {
  case ORB_FORMAT_TEXT:
    print_summary(out, state);
    return report_done(out);
  case ORB_FORMAT_JSON: return report_json(out, summary_json(state), 1);
  default: return ORB_EINVAL;
  }
}

orb_status orb_report_check(FILE *out, const orb_world *world) {
  fprintf(out, "%s: ok (%zu actors, %zu ties, %zu institutions, %zu issues, %zu events, "
          "%zu sourced, %zu assumptions)\n",
          world->path, world->actor_count, world->tie_count, world->institution_count,
          world->issue_count, world->event_count, world->sourced_count,
          world->assumption_count);
  return report_done(out);
}
