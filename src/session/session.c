/*
 * session.c: a world loaded once with its coded events and its landscape section,
 * the one rule for as-of dates, and lookups of issues by id.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session/session_internal.h"
#include "world/world_internal.h"

/* Merges the coded events of file into s->world (which then owns the old world),
 * recording what was added. */
static orb_status merge_file(orb_session *s, const char *file, orb_diags *diags) {
  orb_session_merge *grown = realloc(s->merges, (s->merge_count + 1) * sizeof *grown);
  if (!grown) return ORB_ENOMEM;
  s->merges = grown;
  char **names = realloc(s->merge_names, (s->merge_count + 1) * sizeof *names);
  if (!names) return ORB_ENOMEM;
  s->merge_names = names;
  char *name = strdup(file);
  if (!name) return ORB_ENOMEM;
  orb_world *merged = NULL;
  orb_merge_stats stats = {0};
  orb_status status = orb_world_merge_events_file(s->world, file, &merged, &stats, diags);
  if (status != ORB_OK) {
    orb_diags_add(diags, file, 0, 0, "coded events not merged (%s)", orb_status_str(status));
    free(name);
    return status;
  }
  orb_world_adopt(merged, s->world);
  s->world = merged;
  s->merge_names[s->merge_count] = name;
  s->merges[s->merge_count++] = (orb_session_merge){name, stats};
  return ORB_OK;
}

orb_status orb_session_load(const orb_session_options *options, orb_session **out,
                            orb_diags *diags) {
  *out = NULL;
  const char *path = options && options->world_path ? options->world_path
                                                    : orb_world_default_path();
  orb_session *s = calloc(1, sizeof *s);
  if (!s) return ORB_ENOMEM;
  char *data = NULL;
  size_t len = 0;
  orb_status status = world_read_file(path, &data, &len, diags);
  if (status == ORB_OK) status = orb_world_load_buffer(path, data, len, &s->world, diags);
  if (status == ORB_OK && s->world->has_landscape)
    status = orb_landscape_read_yaml_buffer(path, data, len, &s->landscape,
                                            &s->landscape_blocs, diags);
  free(data);
  /* the world's own coded_events: first, then the caller's files */
  size_t own = s->world ? s->world->coded_event_file_count : 0;
  for (size_t i = 0; status == ORB_OK && i < own; i++)
    status = merge_file(s, s->world->coded_event_files[i], diags);
  for (size_t i = 0; status == ORB_OK && options && i < options->event_file_count; i++)
    status = merge_file(s, options->event_files[i], diags);
  if (status == ORB_OK && options && options->params_file) {
    orb_world *with = NULL;
    status = orb_world_with_params(s->world, options->params_file, &with, diags);
    if (status == ORB_OK) {
      orb_world_adopt(with, s->world);
      s->world = with;
    }
  }
  if (status != ORB_OK) {
    orb_session_free(s);
    return status;
  }
  *out = s;
  return ORB_OK;
}

void orb_session_free(orb_session *s) {
  if (!s) return;
  for (size_t i = 0; i < s->merge_count; i++) free(s->merge_names[i]);
  free(s->merge_names);
  free(s->merges);
  if (s->has_model) orb_stance_model_free(&s->model);
  orb_landscape_free(s->landscape);
  orb_world_free(s->world);
  free(s);
}

const orb_world *orb_session_world(const orb_session *s) { return s->world; }

const orb_landscape *orb_session_landscape(const orb_session *s, unsigned *blocs) {
  if (blocs) *blocs = s->landscape ? s->landscape_blocs : 0;
  return s->landscape;
}

const orb_session_merge *orb_session_merges(const orb_session *s, size_t *count) {
  *count = s->merge_count;
  return s->merges;
}

orb_date orb_session_latest(const orb_session *s) {
  const orb_world *w = s->world;
  return w->event_count ? w->events[w->event_count - 1].date : w->end;
}

orb_status orb_session_check_date(const orb_session *s, orb_date date, orb_diags *diags) {
  const orb_world *w = s->world;
  if (date != ORB_DATE_NONE && date >= w->start && date <= w->end) return ORB_OK;
  char a[11] = "?", b[11], c[11];
  if (date != ORB_DATE_NONE) orb_date_format(date, ORB_PREC_DAY, a);
  orb_date_format(w->start, ORB_PREC_DAY, b);
  orb_date_format(w->end, ORB_PREC_DAY, c);
  orb_diags_add(diags, w->path, 0, 0, "date %s is outside the world's span, %s to %s", a, b,
                c);
  return ORB_EINVAL;
}

orb_status session_unknown_id(const orb_world *world, const char *what, const char *id,
                              const char *const *ids, size_t count, orb_diags *diags) {
  const char *hint = orb_closest_word(id, ids, count);
  size_t size = 1;
  for (size_t i = 0; i < count; i++) size += strlen(ids[i]) + 2;
  char *list = malloc(size);
  if (list) {
    size_t used = 0;
    list[0] = '\0';
    for (size_t i = 0; i < count; i++)
      used += (size_t)snprintf(list + used, size - used, "%s%s", i ? ", " : "", ids[i]);
  }
  orb_diags_add(diags, world->path, 0, 0, "unknown %s '%s'%s%s%s; %s %ss%s%s", what, id,
                hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "",
                count ? "its" : "the world has no", what, count && list ? ": " : "",
                count && list ? list : "");
  free(list);
  return ORB_ENOTFOUND;
}

orb_status orb_session_issue(const orb_session *s, const char *id, size_t *index,
                             orb_diags *diags) {
  const orb_world *w = s->world;
  *index = orb_world_issue(w, id);
  if (*index != ORB_NONE) return ORB_OK;
  const char **ids = malloc((w->issue_count ? w->issue_count : 1) * sizeof *ids);
  if (!ids) return ORB_ENOMEM;
  for (size_t i = 0; i < w->issue_count; i++) ids[i] = w->issues[i].id;
  orb_status status = session_unknown_id(w, "issue", id, ids, w->issue_count, diags);
  free(ids);
  return status;
}

orb_status orb_session_bargain(const orb_session *s, const char *id, size_t *index,
                               orb_diags *diags) {
  const orb_world *w = s->world;
  *index = orb_world_bargain(w, id);
  if (*index != ORB_NONE) return ORB_OK;
  const char **ids = malloc((w->bargain_count ? w->bargain_count : 1) * sizeof *ids);
  if (!ids) return ORB_ENOMEM;
  for (size_t i = 0; i < w->bargain_count; i++) ids[i] = w->bargains[i].id;
  orb_status status =
      session_unknown_id(w, "bargaining issue", id, ids, w->bargain_count, diags);
  free(ids);
  return status;
}

orb_status orb_session_stance_model(orb_session *s, const orb_stance_model **model,
                                    orb_diags *diags) {
  *model = NULL;
  if (!s->has_model) {
    orb_status status = orb_stance_model_init(&s->model, s->world, diags);
    if (status != ORB_OK) {
      orb_diags_add(diags, s->world->path, 0, 0, "invalid stance parameters");
      return status;
    }
    s->has_model = 1;
  }
  *model = &s->model;
  return ORB_OK;
}
