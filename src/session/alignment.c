/*
 * alignment.c: alignment landscapes searched for a session's world on a date, for a
 * landscape file, and year by year; the poles each actor sides with.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session/session_internal.h"

/* Configurations up to which basins are counted unless the request says. */
#define BASIN_AUTO_LIMIT (UINT64_C(1) << 27)

void orb_alignment_request_default(orb_alignment_request *request) {
  memset(request, 0, sizeof *request);
  request->method = ORB_ALIGN_AUTO;
  request->basins = -1;
  request->seed = 1;
}

/* Resolves the comma-separated pole names against the landscape's actors.
 * ORB_ENOTFOUND (with a did-you-mean message) for an unknown name, ORB_EINVAL for
 * more than ORB_ALIGNMENT_MAX_POLES. */
static orb_status resolve_poles(orb_alignment *a, const char *text, orb_diags *diags) {
  const orb_landscape *l = a->landscape;
  for (const char *p = text; p && *p;) {
    const char *comma = strchr(p, ',');
    size_t len = comma ? (size_t)(comma - p) : strlen(p);
    if (a->pole_count == ORB_ALIGNMENT_MAX_POLES) {
      orb_diags_add(diags, a->source, 0, 0, "--poles: at most %d poles",
                    ORB_ALIGNMENT_MAX_POLES);
      return ORB_EINVAL;
    }
    size_t found = ORB_NONE;
    for (size_t i = 0; i < l->actor_count && found == ORB_NONE; i++)
      if (strlen(l->actors[i]) == len && memcmp(l->actors[i], p, len) == 0) found = i;
    if (found == ORB_NONE) {
      char name[80];
      snprintf(name, sizeof name, "%.*s", (int)(len < 64 ? len : 64), p);
      const char *hint =
          orb_closest_word(name, (const char *const *)l->actors, l->actor_count);
      orb_diags_add(diags, a->source, 0, 0, "--poles: unknown actor '%s'%s%s%s", name,
                    hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
      return ORB_ENOTFOUND;
    }
    a->poles[a->pole_count++] = found;
    p = comma ? comma + 1 : NULL;
  }
  return ORB_OK;
}

orb_status orb_alignment_new_landscape(orb_landscape **landscape, unsigned blocs,
                                       const char *source,
                                       const orb_alignment_request *request,
                                       orb_alignment **out, orb_diags *diags) {
  *out = NULL;
  orb_alignment *a = calloc(1, sizeof *a);
  char *name = strdup(source ? source : "<landscape>");
  if (!a || !name) {
    free(a);
    free(name);
    orb_landscape_free(*landscape);
    *landscape = NULL;
    return ORB_ENOMEM;
  }
  a->source = name;
  a->landscape = *landscape;
  *landscape = NULL;
  orb_status status = resolve_poles(a, request->poles, diags);
  if (status == ORB_OK) {
    orb_align_options options;
    orb_align_options_default(&options);
    options.blocs = request->blocs ? request->blocs : blocs ? blocs : 2;
    options.method = request->method;
    options.threads = request->threads;
    options.seed = request->seed;
    options.restarts = request->restarts;
    options.basins = request->basins >= 0
                         ? request->basins
                         : orb_align_configuration_count(a->landscape->actor_count,
                                                         options.blocs) <= BASIN_AUTO_LIMIT;
    size_t before = diags->count;
    status = orb_align_solve(a->landscape, &options, &a->result, diags);
    if (status != ORB_OK && diags->count == before)
      orb_diags_add(diags, a->source, 0, 0, "%s", orb_status_str(status));
    if (status == ORB_ENOTFOUND) status = ORB_EINVAL; /* ENOTFOUND means a pole */
  }
  if (status != ORB_OK) {
    orb_alignment_free(a);
    return status;
  }
  *out = a;
  return ORB_OK;
}

/* The landscape the session's world gives on date (see orb_alignment_new). */
static orb_status world_landscape(const orb_session *s, orb_date date, orb_landscape **l,
                                  unsigned *blocs, orb_diags *diags) {
  *blocs = 0;
  if (date == ORB_DATE_NONE && s->landscape) {
    *blocs = s->landscape_blocs;
    orb_landscape *copy = NULL;
    const orb_landscape *from = s->landscape;
    orb_status status = orb_landscape_new(from->actor_count, &copy);
    for (size_t i = 0; status == ORB_OK && i < from->actor_count; i++)
      status = orb_landscape_set_name(copy, i, from->actors[i]);
    if (status != ORB_OK) {
      orb_landscape_free(copy);
      return status;
    }
    memcpy(copy->sizes, from->sizes, from->actor_count * sizeof *copy->sizes);
    memcpy(copy->propensities, from->propensities,
           from->actor_count * from->actor_count * sizeof *copy->propensities);
    *l = copy;
    return ORB_OK;
  }
  if (date == ORB_DATE_NONE) date = s->world->end;
  orb_status status = orb_session_check_date(s, date, diags);
  if (status == ORB_OK) status = orb_landscape_from_world(s->world, date, l, diags);
  return status;
}

orb_status orb_alignment_new(const orb_session *session, orb_date date,
                             const orb_alignment_request *request, orb_alignment **out,
                             orb_diags *diags) {
  *out = NULL;
  orb_landscape *l = NULL;
  unsigned blocs = 0;
  orb_status status = world_landscape(session, date, &l, &blocs, diags);
  if (status != ORB_OK) return status;
  return orb_alignment_new_landscape(&l, blocs, session->world->path, request, out, diags);
}

void orb_alignment_free(orb_alignment *a) {
  if (!a) return;
  orb_align_result_free(a->result);
  orb_landscape_free(a->landscape);
  free(a->source);
  free(a);
}

double orb_alignment_basin_share(const orb_alignment *a, size_t m) {
  const orb_align_result *r = a->result;
  return r->basins && r->basin_total ? (double)r->minima[m].basin / (double)r->basin_total
                                     : -1;
}

unsigned orb_alignment_blocs_used(const orb_alignment *a, size_t m) {
  const orb_align_result *r = a->result;
  unsigned used = 0;
  for (size_t i = 0; i < r->actor_count; i++)
    if (r->minima[m].blocs[i] + 1u > used) used = r->minima[m].blocs[i] + 1u;
  return used;
}

orb_status orb_alignment_series_new(const orb_session *session, int from, int to,
                                    const orb_alignment_request *request,
                                    orb_alignment_series **out, orb_diags *diags) {
  *out = NULL;
  if (from > to) {
    orb_diags_add(diags, session->world->path, 0, 0, "years %d..%d run backwards", from, to);
    return ORB_EINVAL;
  }
  orb_status status = orb_session_check_date(session, orb_date_from_ymd(from, 7, 1), diags);
  if (status == ORB_OK)
    status = orb_session_check_date(session, orb_date_from_ymd(to, 7, 1), diags);
  if (status != ORB_OK) return status;
  orb_alignment_series *s = calloc(1, sizeof *s);
  size_t count = (size_t)(to - from) + 1;
  if (s) s->years = calloc(count, sizeof *s->years);
  if (!s || !s->years) {
    free(s);
    return ORB_ENOMEM;
  }
  s->world = session->world;
  s->from = from;
  s->to = to;
  orb_alignment_request one = *request;
  one.blocs = request->blocs ? request->blocs : 2;
  for (int year = from; year <= to && status == ORB_OK; year++) {
    orb_alignment *a = NULL;
    status = orb_alignment_new(session, orb_date_from_ymd(year, 7, 1), &one, &a, diags);
    if (status == ORB_OK) {
      a->year = year;
      s->years[s->count++] = a;
    }
  }
  if (status != ORB_OK) {
    orb_alignment_series_free(s);
    return status;
  }
  *out = s;
  return ORB_OK;
}

void orb_alignment_series_free(orb_alignment_series *s) {
  if (!s) return;
  for (size_t i = 0; i < s->count; i++) orb_alignment_free(s->years[i]);
  free(s->years);
  free(s);
}
