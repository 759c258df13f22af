/*
 * derive.c: a landscape derived from a world on a date (docs/MODEL.md, "Alignment
 * landscapes", the derivation rule). Ties and shared memberships pull actors
 * together (members are also pulled toward an institution that is itself an
 * actor, such as the EU), hostile events push them apart, cooperative events pull,
 * and a small
 * baseline repulsion separates actors with nothing binding them. The weights are
 * model parameters: the table below holds their defaults and reasons, and a world
 * file's `parameters` entry of the same name overrides one.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "align/align_internal.h"
#include "world/params_internal.h"

/* The derivation's parameters (all assumptions; the world may override them). */
enum {
  P_ECONOMIC, P_SECURITY, P_SOCIAL, P_ALLIANCE, P_INSTITUTION, P_HOSTILE,
  P_COOPERATIVE, P_HALF_LIFE, P_BASELINE, P_SIZE_EXPONENT, P_COUNT
};
static const orb_param_spec derive_params[P_COUNT] = {
  {"align.economic_tie_weight", 1.0, 0, 100, 0,
   "unit of the scale: a full (share 1) economic dependence adds 1 to p_ij"},
  {"align.security_tie_weight", 2.0, 0, 100, 0,
   "assumption: security dependence (bases, arms, guarantees) binds twice as much "
   "as trade, as the seeds put security first in a small state's calculus"},
  {"align.social_tie_weight", 0.5, 0, 100, 0,
   "assumption: diaspora and language ties bind half as much as trade"},
  {"align.alliance_weight", 1.0, 0, 100, 0,
   "assumption: shared membership of a mutual-defence institution equals a full "
   "economic dependence"},
  {"align.institution_weight", 0.5, 0, 100, 0,
   "assumption: any other shared membership (economic or political union, "
   "security cooperation) counts half an alliance"},
  {"align.hostile_event_weight", 1.0, 0, 100, 0,
   "assumption: one attack, clash or annexation cancels a full economic tie"},
  {"align.cooperative_event_weight", 0.25, 0, 100, 0,
   "assumption: a cooperative event pulls a quarter as much as a hostile one pushes"},
  {"align.event_half_life_years", 3.0, 0.01, 1000, 0,
   "assumption: an event's weight halves every 3 years"},
  {"align.baseline_repulsion", 0.1, 0, 100, 0,
   "assumption: actors with no tie, membership or event between them lean apart "
   "slightly, so that unrelated actors are not forced into one bloc"},
  {"align.size_exponent", 0.5, 0, 4, 0,
   "assumption: size is GDP (trillion US$) to this power; GDPs span four orders of "
   "magnitude, and the square root keeps the great powers from deciding every "
   "pair's weight alone"},
};

/* The alignment model's entry in the parameter registry (src/world/params.c). */
const param_table align_param_table = {"align", derive_params, P_COUNT,
                                       sizeof derive_params[0]};

/* The world's values of the parameters (else the defaults) into p[P_COUNT]. */
static void read_params(const orb_world *world, double p[P_COUNT]) {
  for (int i = 0; i < P_COUNT; i++) p[i] = orb_world_param_value(world, derive_params[i].name);
}

/* Weight of a tie type per unit share, by its channel: economic, security or
 * social. A military_presence tie counts 0: the world codes hosted bases and
 * occupations (Crimea) alike, so its sign is unknown. */
static double tie_weight(const double p[P_COUNT], orb_tie_type type) {
  switch (orb_tie_type_get(type)->channel) {
  case ORB_CHANNEL_PRESENCE: return 0;
  case ORB_CHANNEL_ARMS: case ORB_CHANNEL_SECURITY: return p[P_SECURITY];
  case ORB_CHANNEL_SOCIAL: return p[P_SOCIAL];
  default: return p[P_ECONOMIC]; /* trade, energy, finance */
  }
}

/* Signed weight of an event type by its tone, in units of
 * align.hostile_event_weight (negative pushes apart) or
 * align.cooperative_event_weight (positive pulls together). */
static double event_weight(const double p[P_COUNT], orb_event_type type) {
  switch (orb_event_type_get(type)->tone) {
  case ORB_TONE_VIOLENT: return -p[P_HOSTILE];
  case ORB_TONE_COERCIVE: return -0.5 * p[P_HOSTILE];
  case ORB_TONE_HOSTILE: return -0.25 * p[P_HOSTILE];
  case ORB_TONE_COOPERATIVE: return p[P_COOPERATIVE];
  default: return 0; /* statements, meetings, deployments, abstentions: no sign of their own */
  }
}

/* The landscape actor standing for world actor a: itself when it is a state or a
 * bloc, the leader of an institution, else ORB_NONE. */
static size_t stand_in(const orb_world *world, const size_t *landscape_index, size_t a) {
  if (a == ORB_NONE) return ORB_NONE;
  if (landscape_index[a] != ORB_NONE) return landscape_index[a];
  for (size_t i = 0; i < world->institution_count; i++)
    if (world->institutions[i].actor == a && world->institutions[i].leader != ORB_NONE)
      return landscape_index[world->institutions[i].leader];
  return ORB_NONE;
}

orb_status orb_landscape_from_world(const orb_world *world, orb_date date,
                                    orb_landscape **out, orb_diags *diags) {
  *out = NULL;
  size_t *index = malloc((world->actor_count ? world->actor_count : 1) * sizeof *index);
  if (!index) return ORB_ENOMEM;
  size_t n = 0;
  for (size_t a = 0; a < world->actor_count; a++) {
    orb_actor_kind kind = world->actors[a].kind;
    index[a] = kind == ORB_ACTOR_STATE || kind == ORB_ACTOR_BLOC ? n++ : ORB_NONE;
  }
  orb_landscape *l = NULL;
  orb_status status = n ? orb_landscape_new(n, &l) : ORB_EINVAL;
  if (!n) orb_diags_add(diags, world->path, 0, 0, "no states or blocs to align");
  else if (status == ORB_ELIMIT)
    orb_diags_add(diags, world->path, 0, 0,
                  "%zu states and blocs to align; alignment landscapes hold at most %d "
                  "actors (their propensities take actors^2 doubles)",
                  n, ORB_ALIGN_MAX_ACTORS);
  else if (status != ORB_OK)
    orb_diags_add(diags, world->path, 0, 0, "cannot build the landscape of %zu actors: %s",
                  n, orb_status_str(status));
  int year;
  orb_date_to_ymd(date, &year, NULL, NULL);
  double p[P_COUNT];
  read_params(world, p);
  double smallest = INFINITY;
  for (size_t a = 0; status == ORB_OK && a < world->actor_count; a++) {
    if (index[a] == ORB_NONE) continue;
    status = orb_landscape_set_name(l, index[a], world->actors[a].id);
    const orb_figure *f = orb_actor_attribute(world, a, "capability", year);
    double size = f ? f->value : NAN;
    if (!f && (f = orb_actor_attribute(world, a, "gdp_usd", year)))
      size = pow(f->value / 1e12, p[P_SIZE_EXPONENT]);
    l->sizes[index[a]] = size;
    if (size > 0 && size < smallest) smallest = size;
  }
  /* Actors without a size get the smallest size found (assumption: an actor the
   * world gives no figure for is taken to be as small as the smallest one). */
  for (size_t i = 0; status == ORB_OK && i < n; i++)
    if (isnan(l->sizes[i])) l->sizes[i] = isfinite(smallest) ? smallest : 1.0;
  if (status == ORB_OK) {
    double baseline = p[P_BASELINE];
    for (size_t i = 0; i < n; i++)
      for (size_t j = i + 1; j < n; j++) orb_landscape_set_propensity(l, i, j, -baseline);
    for (size_t t = 0; t < world->tie_count; t++) {
      const orb_tie *tie = &world->ties[t];
      const orb_figure *value;
      size_t a = stand_in(world, index, tie->from), b = stand_in(world, index, tie->to);
      if (a == ORB_NONE || b == ORB_NONE || a == b) continue;
      if (orb_tie_at(tie, date, &value) != ORB_TIE_HOLDS || !value) continue;
      orb_landscape_set_propensity(l, a, b, l->propensities[a * n + b] +
                                                tie_weight(p, tie->type) * value->value);
    }
    for (size_t s = 0; s < world->institution_count; s++) {
      const orb_institution *inst = &world->institutions[s];
      double weight = orb_commitment_get(inst->commitment)->defence ? p[P_ALLIANCE]
                                                                    : p[P_INSTITUTION];
      for (size_t a = 0; a < world->actor_count; a++) {
        if (index[a] == ORB_NONE || orb_membership_at(world, s, a, date) != ORB_MEMBER)
          continue;
        size_t self = index[inst->actor]; /* a bloc such as the EU is an actor too */
        if (self != ORB_NONE && self != index[a])
          orb_landscape_set_propensity(l, index[a], self,
                                       l->propensities[index[a] * n + self] + weight);
        for (size_t b = a + 1; b < world->actor_count; b++) {
          if (index[b] == ORB_NONE || orb_membership_at(world, s, b, date) != ORB_MEMBER)
            continue;
          size_t i = index[a], j = index[b];
          orb_landscape_set_propensity(l, i, j, l->propensities[i * n + j] + weight);
        }
      }
    }
    double half_life_days = p[P_HALF_LIFE] * 365.25;
    for (size_t e = 0; e < world->event_count; e++) {
      const orb_event *ev = &world->events[e];
      if (ev->date >= date) break; /* sorted by date: none later is known before it */
      if (!orb_event_known_before(ev, date)) continue;
      size_t a = stand_in(world, index, ev->source), b = stand_in(world, index, ev->target);
      double weight = event_weight(p, ev->type);
      if (a == ORB_NONE || b == ORB_NONE || a == b || weight == 0) continue;
      weight *= exp2(-(double)(date - orb_event_last_day(ev)) / half_life_days);
      orb_landscape_set_propensity(l, a, b, l->propensities[a * n + b] + weight);
    }
    status = orb_landscape_check(l, world->path, diags);
  }
  free(index);
  if (status != ORB_OK) {
    orb_landscape_free(l);
    return status;
  }
  *out = l;
  return ORB_OK;
}
