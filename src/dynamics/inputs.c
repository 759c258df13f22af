/*
 * inputs.c: the simulation's input series filled from a world (capability, mass,
 * conflict, revealed alignment, events), event ids, and the counterfactual edits
 * of the event list (docs/MODEL.md, "Influence over time: inputs").
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dynamics/dyn_internal.h"

/* Gives every event an id DATE/ACTOR/TYPE[/TARGET], with #2, #3... on repeats. */
static void name_event(const orb_world *w, orb_dyn_inputs *in, size_t k) {
  orb_dyn_event *e = &in->events[k];
  char date[11], base[96]; /* 10 + 3 separators + two 32-byte ids + a type name */
  orb_date_format(e->date, e->precision ? e->precision : ORB_PREC_DAY, date);
  snprintf(base, sizeof base, "%s/%s/%s%s%s", date, w->actors[e->source].id,
           orb_event_type_name(e->type), e->target != ORB_NONE ? "/" : "",
           e->target != ORB_NONE ? w->actors[e->target].id : "");
  int n = 1;
  for (size_t j = 0; j < in->event_count; j++)
    if (j != k && strncmp(in->events[j].id, base, strlen(base)) == 0 &&
        (in->events[j].id[strlen(base)] == '\0' || in->events[j].id[strlen(base)] == '#'))
      n++;
  int len = n == 1 ? snprintf(e->id, sizeof e->id, "%s", base)
                   : snprintf(e->id, sizeof e->id, "%s#%d", base, n);
  (void)len; /* sizeof e->id holds the longest base and its number */
}

/* Appends an event (id assigned), keeping the list sorted by date (stable). */
static orb_status push_event(const orb_world *w, orb_dyn_inputs *in, const orb_dyn_event *e) {
  if (in->event_count == in->event_capacity) {
    size_t cap = in->event_capacity ? 2 * in->event_capacity : 64;
    orb_dyn_event *grown = realloc(in->events, cap * sizeof *grown);
    if (!grown) return ORB_ENOMEM;
    in->events = grown;
    in->event_capacity = cap;
  }
  size_t at = in->event_count;
  while (at > 0 && in->events[at - 1].date > e->date) at--;
  memmove(in->events + at + 1, in->events + at, (in->event_count - at) * sizeof *e);
  in->events[at] = *e;
  in->event_count++;
  in->events[at].id[0] = '\0';
  name_event(w, in, at);
  return ORB_OK;
}

/* Series value slot of actor a in year y (NULL outside the range). */
static double *cell(const orb_dyn_inputs *in, double *series, size_t a, int year) {
  int y = year - in->first_year;
  if (y < 0 || y >= in->year_count) return NULL;
  return &series[a * (size_t)in->year_count + (size_t)y];
}

/* Poles: the leaders of institutions, and actors (states or blocs) that at least
 * two states depend on through ties (a tie to an institution counts for its
 * leader, or for the institution itself when it is a bloc without a leader). */
static orb_status find_poles(const orb_world *w, orb_dyn_inputs *in) {
  size_t n = w->actor_count;
  size_t *leader_of = malloc(n * sizeof *leader_of);
  unsigned char *pole = calloc(n, 1);
  size_t *dependants = calloc(n, sizeof *dependants);
  unsigned char *seen = calloc(dyn_nz(n * n), 1);
  if (!leader_of || !pole || !dependants || !seen) {
    free(leader_of), free(pole), free(dependants), free(seen);
    return ORB_ENOMEM;
  }
  for (size_t a = 0; a < n; a++) leader_of[a] = a;
  for (size_t i = 0; i < w->institution_count; i++) {
    const orb_institution *inst = &w->institutions[i];
    /* a bloc without a leader acts as one pole itself (the EU) */
    leader_of[inst->actor] = inst->leader != ORB_NONE ? inst->leader
                           : w->actors[inst->actor].kind == ORB_ACTOR_BLOC ? inst->actor
                                                                           : ORB_NONE;
    if (inst->leader != ORB_NONE) pole[inst->leader] = 1;
  }
  for (size_t t = 0; t < w->tie_count; t++) {
    const orb_tie *tie = &w->ties[t];
    size_t to = leader_of[tie->to];
    if (to == ORB_NONE || w->actors[tie->from].kind != ORB_ACTOR_STATE) continue;
    if (w->actors[to].kind != ORB_ACTOR_STATE && w->actors[to].kind != ORB_ACTOR_BLOC) continue;
    if (!seen[tie->from * n + to]) {
      seen[tie->from * n + to] = 1;
      if (++dependants[to] >= 2) pole[to] = 1;
    }
  }
  in->pole_count = 0;
  for (size_t a = 0; a < n; a++) in->pole_count += pole[a];
  in->poles = malloc(dyn_nz(in->pole_count) * sizeof *in->poles);
  if (in->poles) {
    size_t k = 0;
    for (size_t a = 0; a < n; a++)
      if (pole[a]) in->poles[k++] = a;
  }
  free(leader_of), free(pole), free(dependants), free(seen);
  return in->poles ? ORB_OK : ORB_ENOMEM;
}

/* Capability: military_spending_usd of the year, else military_spending_pct_gdp
 * times gdp_usd of the same year; mass: gdp_usd. Only years the world gives. */
static void fill_capability(const orb_world *w, orb_dyn_inputs *in) {
  for (size_t a = 0; a < w->actor_count; a++) {
    const orb_actor *act = &w->actors[a];
    for (size_t k = 0; k < act->attribute_count; k++) {
      const orb_attribute *at = &act->attributes[k];
      if (at->text || !at->figure.year) continue;
      double *c;
      if (strcmp(at->name, "gdp_usd") == 0 && (c = cell(in, in->mass, a, at->figure.year)))
        *c = at->figure.value;
    }
    for (size_t k = 0; k < act->attribute_count; k++) {
      const orb_attribute *at = &act->attributes[k];
      if (at->text || !at->figure.year) continue;
      double *c = cell(in, in->capability, a, at->figure.year);
      if (!c) continue;
      if (strcmp(at->name, "military_spending_usd") == 0) {
        *c = at->figure.value;
      } else if (strcmp(at->name, "military_spending_pct_gdp") == 0 && isnan(*c)) {
        const orb_figure *gdp = orb_actor_attribute(w, a, "gdp_usd", at->figure.year);
        if (gdp) *c = gdp->value * at->figure.value / 100.0;
      }
    }
  }
}

/* Conflict: 1 in each year with an `attack` between two states (either side),
 * and in the years between two such years of the same pair at most two years
 * apart (the war went on between its recorded acts); 0 in the other years up
 * to the last event's year, NAN after it (the future is the model's). */
void dyn_fill_conflict(const orb_world *w, const orb_dyn_inputs *in, double *conflict) {
  int last = in->first_year - 1;
  for (size_t e = 0; e < in->event_count; e++) {
    int y;
    orb_date_to_ymd(in->events[e].date, &y, NULL, NULL);
    if (y > last) last = y;
  }
  for (size_t a = 0; a < in->actor_count; a++)
    for (int y = 0; y < in->year_count; y++)
      conflict[a * (size_t)in->year_count + (size_t)y] =
          in->first_year + y <= last ? 0.0 : NAN;
  for (size_t i = 0; i < in->event_count; i++) {
    const orb_dyn_event *e = &in->events[i];
    if (e->type != ORB_EV_ATTACK || e->target == ORB_NONE) continue;
    if (w->actors[e->source].kind != ORB_ACTOR_STATE ||
        w->actors[e->target].kind != ORB_ACTOR_STATE) continue;
    int y0;
    orb_date_to_ymd(e->date, &y0, NULL, NULL);
    int y1 = y0;
    for (size_t j = i + 1; j < in->event_count; j++) { /* the same war, later */
      const orb_dyn_event *f = &in->events[j];
      int y;
      orb_date_to_ymd(f->date, &y, NULL, NULL);
      if (f->type == ORB_EV_ATTACK && y - y1 <= 2 &&
          ((f->source == e->source && f->target == e->target) ||
           (f->source == e->target && f->target == e->source)))
        y1 = y;
    }
    for (int y = y0; y <= y1; y++) {
      double *c;
      if ((c = cell(in, conflict, e->source, y))) *c = 1.0;
      if ((c = cell(in, conflict, e->target, y))) *c = 1.0;
    }
  }
}

/* Revealed alignment: the observed stances on the world's issues whose patron is
 * a pole (support 1, silent 0.5, condemn 0), averaged per actor, pole and year,
 * with the number of stances averaged (alignment_votes). */
static orb_status fill_alignment(const orb_world *w, orb_dyn_inputs *in) {
  size_t cells = in->actor_count * in->pole_count * (size_t)in->year_count;
  double *count = calloc(dyn_nz(cells), sizeof *count);
  if (!count) return ORB_ENOMEM;
  for (size_t c = 0; c < cells; c++) in->alignment[c] = 0.0;
  for (size_t i = 0; i < w->issue_count; i++) {
    const orb_issue *is = &w->issues[i];
    size_t k = 0;
    while (k < in->pole_count && in->poles[k] != is->patron) k++;
    int y;
    orb_date_to_ymd(is->date, &y, NULL, NULL);
    if (k == in->pole_count || y < in->first_year || y >= in->first_year + in->year_count)
      continue;
    for (size_t o = 0; o < is->observed_count; o++) {
      const orb_observed_stance *ob = &is->observed[o];
      orb_stance st = is->options[ob->option].stance;
      size_t c = (ob->actor * in->pole_count + k) * (size_t)in->year_count +
                 (size_t)(y - in->first_year);
      in->alignment[c] += st == ORB_STANCE_SUPPORT ? 1.0 : st == ORB_STANCE_SILENT ? 0.5 : 0.0;
      count[c] += 1;
    }
  }
  for (size_t c = 0; c < cells; c++) {
    in->alignment[c] = count[c] > 0 ? in->alignment[c] / count[c] : NAN;
    in->alignment_votes[c] = count[c];
    in->alignment_var[c] = NAN; /* a few stances: dyn.align_vote_var */
  }
  free(count);
  return ORB_OK;
}

orb_status orb_dyn_inputs_from_world(const orb_world *w, int first_year, int last_year,
                                     orb_dyn_inputs **out, orb_diags *diags) {
  *out = NULL;
  if (last_year < first_year || last_year - first_year > 1000) {
    orb_diags_add(diags, w->path, 0, 0, "empty or too long year range %d..%d",
                  first_year, last_year);
    return ORB_EINVAL;
  }
  orb_dyn_inputs *in = calloc(1, sizeof *in);
  if (!in) return ORB_ENOMEM;
  in->actor_count = w->actor_count;
  in->first_year = first_year;
  in->year_count = last_year - first_year + 1;
  size_t cells = w->actor_count * (size_t)in->year_count;
  in->capability = malloc(dyn_nz(cells) * sizeof(double));
  in->mass = malloc(dyn_nz(cells) * sizeof(double));
  in->conflict = malloc(dyn_nz(cells) * sizeof(double));
  orb_status st = in->capability && in->mass && in->conflict ? ORB_OK : ORB_ENOMEM;
  for (size_t c = 0; st == ORB_OK && c < cells; c++) in->capability[c] = in->mass[c] = NAN;
  for (size_t e = 0; st == ORB_OK && e < w->event_count; e++) {
    const orb_event *ev = &w->events[e];
    orb_dyn_event d = {.date = ev->date, .precision = ev->precision, .source = ev->source,
                       .target = ev->target,
                       .type = ev->type,
                       .magnitude = ev->has_magnitude ? ev->magnitude.value : NAN};
    st = push_event(w, in, &d);
  }
  if (st == ORB_OK) st = find_poles(w, in);
  if (st == ORB_OK) {
    in->alignment = malloc(dyn_nz(cells * in->pole_count) * sizeof(double));
    in->alignment_votes = calloc(dyn_nz(cells * in->pole_count), sizeof(double));
    in->alignment_var = malloc(dyn_nz(cells * in->pole_count) * sizeof(double));
    if (!in->alignment || !in->alignment_votes || !in->alignment_var) st = ORB_ENOMEM;
  }
  if (st == ORB_OK) {
    fill_capability(w, in);
    dyn_fill_conflict(w, in, in->conflict);
    in->conflict_from_events = 1;
    st = fill_alignment(w, in);
  }
  if (st != ORB_OK) {
    orb_dyn_inputs_free(in);
    return st;
  }
  *out = in;
  return ORB_OK;
}

void orb_dyn_inputs_free(orb_dyn_inputs *in) {
  if (!in) return;
  free(in->capability);
  free(in->mass);
  free(in->conflict);
  free(in->poles);
  free(in->alignment);
  free(in->alignment_votes);
  free(in->alignment_var);
  free(in->events);
  free(in);
}

orb_status orb_dyn_remove_event(orb_dyn_inputs *in, const char *id, orb_diags *diags) {
  for (size_t k = 0; k < in->event_count; k++)
    if (strcmp(in->events[k].id, id) == 0) {
      memmove(in->events + k, in->events + k + 1,
              (in->event_count - k - 1) * sizeof *in->events);
      in->event_count--;
      return ORB_OK;
    }
  const char **ids = malloc(dyn_nz(in->event_count) * sizeof *ids);
  const char *hint = NULL;
  if (ids) {
    for (size_t k = 0; k < in->event_count; k++) ids[k] = in->events[k].id;
    hint = orb_closest_word(id, ids, in->event_count);
  }
  orb_diags_add(diags, "--without-event", 0, 0,
                "no event '%s' in the world%s%s%s (ids are DATE/ACTOR/TYPE[/TARGET]; "
                "'orbit simulate --list-events' lists them)",
                id, hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
  free(ids);
  return ORB_ENOTFOUND;
}

/* The actor with this id, or ORB_NONE after a diagnostic. */
static size_t spec_actor(const orb_world *w, const char *id, const char *spec,
                         orb_diags *diags) {
  size_t a = orb_world_actor(w, id);
  if (a == ORB_NONE)
    orb_diags_add(diags, "--add-event", 0, 0, "unknown actor '%s' in '%s'", id, spec);
  return a;
}

orb_status orb_dyn_add_event(orb_dyn_inputs *in, const orb_world *w, const char *spec,
                             orb_diags *diags) {
  char buf[256];
  char *field[6] = {0};
  int n = 0;
  if (strlen(spec) >= sizeof buf) {
    orb_diags_add(diags, "--add-event", 0, 0, "event specification too long");
    return ORB_EINVAL;
  }
  strcpy(buf, spec);
  for (char *p = buf, *f = buf;; p++)
    if (*p == ',' || *p == '\0') {
      int end = *p == '\0';
      *p = '\0';
      if (n < 6) field[n] = f;
      n++;
      f = p + 1;
      if (end) break;
    }
  if (n < 3 || n > 5) {
    orb_diags_add(diags, "--add-event", 0, 0,
                  "expected DATE,ACTOR,TYPE[,TARGET[,MAGNITUDE]], got '%s'", spec);
    return ORB_EINVAL;
  }
  orb_dyn_event e = {.target = ORB_NONE, .magnitude = NAN};
  if (orb_date_parse(field[0], strlen(field[0]), &e.date, &e.precision) != ORB_OK) {
    orb_diags_add(diags, "--add-event", 0, 0, "'%s' is not a date YYYY[-MM[-DD]]", field[0]);
    return ORB_EINVAL;
  }
  if (e.date < w->start || e.date > w->end) {
    char a[11], b[11];
    orb_date_format(w->start, ORB_PREC_DAY, a);
    orb_date_format(w->end, ORB_PREC_DAY, b);
    orb_diags_add(diags, "--add-event", 0, 0, "date %s outside the world (%s to %s)",
                  field[0], a, b);
    return ORB_EINVAL;
  }
  if ((e.source = spec_actor(w, field[1], spec, diags)) == ORB_NONE) return ORB_EINVAL;
  if (orb_event_type_find(field[2], &e.type) != ORB_OK) {
    orb_diags_add(diags, "--add-event", 0, 0, "unknown event type '%s' (docs/WORLD.md lists them)",
                  field[2]);
    return ORB_EINVAL;
  }
  if (n >= 4 && field[3][0] &&
      (e.target = spec_actor(w, field[3], spec, diags)) == ORB_NONE)
    return ORB_EINVAL;
  if (n == 5) {
    char *stop;
    e.magnitude = strtod(field[4], &stop);
    if (*stop || stop == field[4] || !isfinite(e.magnitude)) {
      orb_diags_add(diags, "--add-event", 0, 0, "magnitude '%s' is not a finite number",
                    field[4]);
      return ORB_EINVAL;
    }
  }
  return push_event(w, in, &e);
}

orb_status orb_dyn_inputs_set(orb_dyn_inputs *in, orb_dyn_input series, size_t actor,
                              size_t pole, int year, double value) {
  if (actor >= in->actor_count || year < in->first_year ||
      year >= in->first_year + in->year_count || isinf(value))
    return ORB_EINVAL;
  const size_t y = (size_t)(year - in->first_year), Y = (size_t)in->year_count;
  switch (series) {
  case ORB_DYN_CAPABILITY:
  case ORB_DYN_MASS:
    if (value < 0) return ORB_EINVAL;
    (series == ORB_DYN_CAPABILITY ? in->capability : in->mass)[actor * Y + y] = value;
    return ORB_OK;
  case ORB_DYN_CONFLICT:
    if (value < 0) return ORB_EINVAL;
    in->conflict[actor * Y + y] = value;
    in->conflict_from_events = 0;
    return ORB_OK;
  case ORB_DYN_ALIGNMENT:
    for (size_t k = 0; k < in->pole_count; k++)
      if (in->poles[k] == pole) {
        if (value < 0 || value > 1) return ORB_EINVAL;
        in->alignment[(actor * in->pole_count + k) * Y + y] = value;
        if (in->alignment_votes) in->alignment_votes[(actor * in->pole_count + k) * Y + y] = 0;
        if (in->alignment_var) in->alignment_var[(actor * in->pole_count + k) * Y + y] = NAN;
        return ORB_OK;
      }
    return ORB_EINVAL;
  }
  return ORB_EINVAL;
}
