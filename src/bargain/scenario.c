/*
 * scenario.c: bargaining options (KTAB's names and defaults) and scenarios:
 * allocation, release and validation.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/input_internal.h"
#include "orbit/bargain.h"

static const char *const victory_names[] = {"Linear", "Square", "Quartic", "Octic",
                                            "Binary", NULL};
static const char *const voting_names[] = {"Binary",  "PropBin", "Prop", "PropCbc",
                                           "Cubic",   "ASymProsp", NULL};
static const char *const pce_names[] = {"Conditional", "MarkovIncentive", "MarkovUniform",
                                        NULL};
static const char *const transition_names[] = {"Deterministic", "Stochastic", NULL};
static const char *const range_names[] = {"Min", "Mid", "Max", NULL};
static const char *const adjust_names[] = {"None", "OneThird", "Half", "TwoThirds",
                                           "Full", NULL};
static const char *const commit_names[] = {"NoCommit", "SemiCommit", "FullCommit", NULL};
static const char *const interp_names[] = {"S1P1", "S2P2", "S2PMax", NULL};
static const char *const model_names[] = {"InitOnlyInterp", "InitRcvrInterp",
                                          "PWCompInterp", NULL};

static const char *const option_keys[ORB_BOPT_COUNT] = {
    "VictoryProbModel", "VotingRule", "PCEModel",     "StateTransitions", "BigRRange",
    "BigRAdjust",       "ThirdPartyCommit", "InterVecBrgn", "BargnModel"};

static const char *const *const option_values[ORB_BOPT_COUNT] = {
    victory_names, voting_names, pce_names,    transition_names, range_names,
    adjust_names,  commit_names, interp_names, model_names};

void orb_bargain_options_default(orb_bargain_options *o) {
  o->victory = ORB_VICTORY_LINEAR;
  o->voting = ORB_VOTE_PROP;
  o->pce = ORB_PCE_CONDITIONAL;
  o->transitions = ORB_TRANSITION_DETERMINISTIC;
  o->risk_range = ORB_RISK_RANGE_MID;
  o->risk_adjust = ORB_RISK_ADJUST_ONE_THIRD;
  o->commit = ORB_COMMIT_SEMI;
  o->interp = ORB_INTERP_S2P2;
  o->model = ORB_BARGAIN_INIT_ONLY;
  o->max_turns = 100;
  o->turn_probabilities = 0;
}

const char *orb_bargain_option_key(orb_bargain_option option) {
  return option < ORB_BOPT_COUNT ? option_keys[option] : NULL;
}

const char *const *orb_bargain_option_values(orb_bargain_option option) {
  return option < ORB_BOPT_COUNT ? option_values[option] : NULL;
}

orb_status orb_bargain_options_set(orb_bargain_options *o, orb_bargain_option option,
                                   const char *value) {
  if (option >= ORB_BOPT_COUNT || !value) return ORB_EINVAL;
  int found = -1;
  for (int i = 0; option_values[option][i]; i++)
    if (strcasecmp(option_values[option][i], value) == 0) found = i;
  if (found < 0) return ORB_EINVAL;
  switch (option) {
  case ORB_BOPT_VICTORY: o->victory = (orb_bargain_victory)found; break;
  case ORB_BOPT_VOTING: o->voting = (orb_bargain_voting)found; break;
  case ORB_BOPT_PCE: o->pce = (orb_bargain_pce)found; break;
  case ORB_BOPT_TRANSITIONS: o->transitions = (orb_bargain_transition)found; break;
  case ORB_BOPT_RISK_RANGE: o->risk_range = (orb_bargain_risk_range)found; break;
  case ORB_BOPT_RISK_ADJUST: o->risk_adjust = (orb_bargain_risk_adjust)found; break;
  case ORB_BOPT_COMMIT: o->commit = (orb_bargain_commit)found; break;
  case ORB_BOPT_INTERP: o->interp = (orb_bargain_interp)found; break;
  case ORB_BOPT_MODEL: o->model = (orb_bargain_model)found; break;
  case ORB_BOPT_COUNT: return ORB_EINVAL;
  }
  return ORB_OK;
}

const char *orb_bargain_options_get(const orb_bargain_options *o,
                                    orb_bargain_option option) {
  int value = -1;
  switch (option) {
  case ORB_BOPT_VICTORY: value = (int)o->victory; break;
  case ORB_BOPT_VOTING: value = (int)o->voting; break;
  case ORB_BOPT_PCE: value = (int)o->pce; break;
  case ORB_BOPT_TRANSITIONS: value = (int)o->transitions; break;
  case ORB_BOPT_RISK_RANGE: value = (int)o->risk_range; break;
  case ORB_BOPT_RISK_ADJUST: value = (int)o->risk_adjust; break;
  case ORB_BOPT_COMMIT: value = (int)o->commit; break;
  case ORB_BOPT_INTERP: value = (int)o->interp; break;
  case ORB_BOPT_MODEL: value = (int)o->model; break;
  case ORB_BOPT_COUNT: return NULL;
  }
  const char *const *names = option_values[option];
  for (int i = 0; names[i]; i++)
    if (i == value) return names[i];
  return NULL;
}

/* A malloc'ed empty string. */
static char *empty_string(void) { return calloc(1, 1); }

orb_status orb_bargain_scenario_new(size_t actors, size_t dims,
                                    orb_bargain_scenario **scenario) {
  *scenario = NULL;
  if (actors < 1 || actors > ORB_BARGAIN_MAX_ACTORS || dims < 1 ||
      dims > ORB_BARGAIN_MAX_DIMS)
    return ORB_EINVAL;
  orb_bargain_scenario *s = calloc(1, sizeof *s);
  if (!s) return ORB_ENOMEM;
  s->actor_count = actors;
  s->dim_count = dims;
  orb_bargain_options_default(&s->options);
  s->name = empty_string();
  s->description = empty_string();
  s->actor_names = calloc(actors, sizeof(char *));
  s->actor_descs = calloc(actors, sizeof(char *));
  s->dim_names = calloc(dims, sizeof(char *));
  s->capability = calloc(actors, sizeof(double));
  s->position = calloc(actors * dims, sizeof(double));
  s->salience = calloc(actors * dims, sizeof(double));
  int ok = s->name && s->description && s->actor_names && s->actor_descs &&
           s->dim_names && s->capability && s->position && s->salience;
  for (size_t i = 0; ok && i < actors; i++) {
    s->actor_names[i] = empty_string();
    s->actor_descs[i] = empty_string();
    ok = s->actor_names[i] && s->actor_descs[i];
  }
  for (size_t k = 0; ok && k < dims; k++) ok = (s->dim_names[k] = empty_string()) != NULL;
  if (!ok) {
    orb_bargain_scenario_free(s);
    return ORB_ENOMEM;
  }
  *scenario = s;
  return ORB_OK;
}

void orb_bargain_scenario_free(orb_bargain_scenario *s) {
  if (!s) return;
  for (size_t i = 0; s->actor_names && i < s->actor_count; i++) free(s->actor_names[i]);
  for (size_t i = 0; s->actor_descs && i < s->actor_count; i++) free(s->actor_descs[i]);
  for (size_t k = 0; s->dim_names && k < s->dim_count; k++) free(s->dim_names[k]);
  free(s->actor_names);
  free(s->actor_descs);
  free(s->dim_names);
  free(s->name);
  free(s->description);
  free(s->capability);
  free(s->position);
  free(s->salience);
  free(s->accommodation);
  free(s);
}

orb_status orb_bargain_scenario_check(const orb_bargain_scenario *s, const char *file,
                                      orb_diags *diags) {
  size_t before = diags->count;
  const size_t n = s->actor_count, m = s->dim_count;
  if (n < ORB_BARGAIN_MIN_ACTORS)
    orb_diags_add(diags, file, 0, 0, "%zu actors; a bargain needs at least %d", n,
                  ORB_BARGAIN_MIN_ACTORS);
  for (size_t i = 0; i < n; i++) {
    const char *who = s->actor_names[i];
    const double c = s->capability[i];
    if (!(c > 0) || !(c <= 1e15))
      orb_diags_add(diags, file, 0, 0,
                    "actor %s: capability %g (expected more than 0, at most 1e15)", who, c);
    double total = 0.0;
    for (size_t k = 0; k < m; k++) {
      const double x = s->position[i * m + k], w = s->salience[i * m + k];
      if (!(x >= 0 && x <= 100))
        orb_diags_add(diags, file, 0, 0, "actor %s: position %g on %s (expected 0..100)",
                      who, x, s->dim_names[k]);
      if (!(w >= 0 && w <= 100))
        orb_diags_add(diags, file, 0, 0, "actor %s: salience %g on %s (expected 0..100)",
                      who, w, s->dim_names[k]);
      total += w;
    }
    if (!(total > 0) || total > 100)
      orb_diags_add(diags, file, 0, 0,
                    "actor %s: saliences sum to %g (expected more than 0, at most 100)",
                    who, total);
    if (s->accommodation) {
      double row = 0.0;
      for (size_t j = 0; j < n; j++) {
        const double a = s->accommodation[i * n + j];
        if (!(a >= 0 && a <= 1))
          orb_diags_add(diags, file, 0, 0, "actor %s: ideal adjustment %g (expected 0..1)",
                        who, a);
        row += a;
      }
      if (row > 1 + 1e-10)
        orb_diags_add(diags, file, 0, 0,
                      "actor %s: ideal adjustments sum to %g (expected at most 1)", who, row);
    }
  }
  return diags->count == before ? ORB_OK : ORB_EINVAL;
}

orb_status orb_bargain_read(const char *path, orb_bargain_scenario **scenario,
                            orb_diags *diags) {
  *scenario = NULL;
  char *data;
  size_t len;
  orb_status status =
      input_read_file(path, INPUT_SCENARIO_MAX_BYTES, "scenario file", &data, &len, diags);
  if (status != ORB_OK) return status;
  /* read once (a pipe cannot be read twice), then told apart by the first
   * character after a byte-order mark and blanks: '<' is XML */
  size_t i = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
    i++;
  if (i < len && data[i] == '<')
    status = orb_bargain_read_xml_buffer(path, data, len, scenario, diags);
  else
    status = orb_bargain_read_csv_buffer(path, data, len, scenario, diags);
  free(data);
  return status;
}

orb_status orb_bargain_capabilities_from_world(orb_bargain_scenario *scenario,
                                               const orb_world *world,
                                               const char *attribute, int year,
                                               const char *file, orb_diags *diags) {
  const size_t n = scenario->actor_count, before = diags->count;
  double *found = malloc(n * sizeof(double));
  if (!found) return ORB_ENOMEM;
  for (size_t i = 0; i < n; i++) {
    const char *name = scenario->actor_names[i];
    size_t actor = orb_world_actor(world, name);
    if (actor == ORB_NONE) {
      orb_diags_add(diags, file, 0, 0, "actor '%s' is not an actor id of the world %s", name,
                    world->path);
      continue;
    }
    const orb_figure *figure = orb_actor_attribute(world, actor, attribute, year);
    if (figure && figure->year > year) { /* only later figures: none for that year */
      orb_diags_add(diags, file, 0, 0, "%s has no '%s' for %d or earlier in the world %s "
                    "(its earliest is for %d)", name, attribute, year, world->path,
                    figure->year);
      continue;
    }
    if (!figure || !(figure->value > 0)) {
      orb_diags_add(diags, file, 0, 0, "%s has no positive '%s' in the world %s", name,
                    attribute, world->path);
      continue;
    }
    found[i] = figure->value;
  }
  if (diags->count == before) memcpy(scenario->capability, found, n * sizeof(double));
  free(found);
  return diags->count == before ? ORB_OK : ORB_EINVAL;
}

/* Replaces *slot (an owned string) with a copy of text; false when out of memory. */
static int replace_string(char **slot, const char *text) {
  char *copy = strdup(text ? text : "");
  if (!copy) return 0;
  free(*slot);
  *slot = copy;
  return 1;
}

orb_status orb_bargain_scenario_from_world(const orb_world *world, size_t bargain,
                                           orb_bargain_scenario **scenario) {
  *scenario = NULL;
  if (bargain >= world->bargain_count) return ORB_EINVAL;
  const orb_bargain_issue *issue = &world->bargains[bargain];
  orb_bargain_scenario *s = NULL;
  orb_status status = orb_bargain_scenario_new(issue->stand_count, issue->dimension_count, &s);
  if (status != ORB_OK) return status;
  int year;
  orb_date_to_ymd(issue->date, &year, NULL, NULL);
  int ok = replace_string(&s->name, issue->id) && replace_string(&s->description, issue->title);
  for (size_t k = 0; ok && k < issue->dimension_count; k++)
    ok = replace_string(&s->dim_names[k], issue->dimensions[k]);
  for (size_t i = 0; ok && i < issue->stand_count; i++) {
    const orb_bargain_stand *stand = &issue->stands[i];
    const orb_actor *actor = &world->actors[stand->actor];
    ok = replace_string(&s->actor_names[i], actor->id) &&
         replace_string(&s->actor_descs[i], actor->name);
    /* the loader guarantees a positive capability, given or from the attribute */
    const orb_figure *capability =
        stand->has_capability
            ? &stand->capability
            : orb_actor_attribute(world, stand->actor, issue->capability_attribute, year);
    s->capability[i] = capability->value;
    for (size_t k = 0; k < issue->dimension_count; k++) {
      s->position[i * issue->dimension_count + k] = stand->positions[k];
      s->salience[i * issue->dimension_count + k] = stand->saliences[k];
    }
  }
  if (!ok) {
    orb_bargain_scenario_free(s);
    return ORB_ENOMEM;
  }
  *scenario = s;
  return ORB_OK;
}
