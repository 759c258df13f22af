/*
 * model.c: the stance model's parameters (the documented default table, read
 * from a world's stance_* parameters), and scoring: effective weights,
 * contributions that add up to the score, ordered-logit probabilities, and
 * predictions for every state on an issue.
 */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stance/stance_internal.h"
#include "world/params_internal.h"

static const char *const term_names[ORB_TERM_COUNT] = {
  "economic", "integration", "alliance", "military", "threat", "lever", "victim", "rival_bloc",
  "alternatives"};
static const orb_stance_factor term_factors[ORB_TERM_COUNT] = {
  ORB_FACTOR_ECONOMIC,    ORB_FACTOR_ECONOMIC,    ORB_FACTOR_SECURITY,    ORB_FACTOR_SECURITY,
  ORB_FACTOR_RETALIATION, ORB_FACTOR_RETALIATION, ORB_FACTOR_SOVEREIGNTY,
  ORB_FACTOR_SOVEREIGNTY, ORB_FACTOR_ALTERNATIVES};
static const int term_signs[ORB_TERM_COUNT] = {+1, +1, +1, +1, +1, +1, -1, -1, -1};
static const char *const factor_names[ORB_FACTOR_COUNT] = {
  "economic dependence", "security dependence", "fear of retaliation",
  "sovereignty", "alternatives"};
static const char *const stance_names[ORB_STANCE_COUNT] = {"support", "silent", "condemn"};

const char *orb_stance_term_name(orb_stance_term term) { return term_names[term]; }
const char *orb_stance_factor_name(orb_stance_factor factor) { return factor_names[factor]; }
orb_stance_factor orb_stance_term_factor(orb_stance_term term) { return term_factors[term]; }
int orb_stance_term_sign(orb_stance_term term) { return term_signs[term]; }
const char *orb_stance_name(orb_stance stance) { return stance_names[stance]; }

/* ---- the parameter table (docs/MODEL.md) ---------------------------------------- */

#define BOUND 100.0 /* range written for fitted weights and cut-points */

/* A row of the stance model's parameter table: the registered spec, where the
 * model keeps the value, and whether calibration fits it. */
typedef struct param_spec {
  orb_param_spec spec;
  size_t offset; /* of the double in orb_stance_model; unused for families */
  int fitted;
} param_spec;

/* The scalars first; then the interaction families (stance_x_<term>_<issue
 * attribute>, docs/MODEL.md), one per term, in term order, with the sign of
 * their term. */
#define PARAM_COUNT 16 /* the scalars */
static const param_spec stance_rows[] = {
  {{"stance_w_economic", 1, 0, BOUND, 0,
    "weight of market dependence on the patron (>= 0: dependence never lowers support)"},
   offsetof(orb_stance_model, weight) + ORB_TERM_ECONOMIC * sizeof(double), 1},
  {{"stance_w_integration", 1, 0, BOUND, 0,
    "weight of membership of the patron's economic union (>= 0)"},
   offsetof(orb_stance_model, weight) + ORB_TERM_INTEGRATION * sizeof(double), 1},
  {{"stance_w_alliance", 1, 0, BOUND, 0,
    "weight of membership of the patron's alliance or union (>= 0)"},
   offsetof(orb_stance_model, weight) + ORB_TERM_ALLIANCE * sizeof(double), 1},
  {{"stance_w_military", 1, 0, BOUND, 0,
    "weight of arms, security ties and allied bases (>= 0)"},
   offsetof(orb_stance_model, weight) + ORB_TERM_MILITARY * sizeof(double), 1},
  {{"stance_w_threat", 1, 0, BOUND, 0,
    "weight of the patron's coercion record times its free capacity (>= 0)"},
   offsetof(orb_stance_model, weight) + ORB_TERM_THREAT * sizeof(double), 1},
  {{"stance_w_lever", 1, 0, BOUND, 0,
    "weight of the minorities lever (>= 0)"},
   offsetof(orb_stance_model, weight) + ORB_TERM_LEVER * sizeof(double), 1},
  {{"stance_w_victim", -1, -BOUND, 0, 0,
    "weight of coercion suffered from the patron and hostile bases (<= 0)"},
   offsetof(orb_stance_model, weight) + ORB_TERM_VICTIM * sizeof(double), 1},
  {{"stance_w_rival_bloc", -1, -BOUND, 0, 0,
    "weight of membership of a rival alliance or union (<= 0)"},
   offsetof(orb_stance_model, weight) + ORB_TERM_RIVAL_BLOC * sizeof(double), 1},
  {{"stance_w_alternatives", -1, -BOUND, 0, 0,
    "weight of the strongest dependence on another actor (<= 0)"},
   offsetof(orb_stance_model, weight) + ORB_TERM_ALTERNATIVES * sizeof(double), 1},
  {{"stance_cut_condemn", -1, -BOUND, BOUND, 0,
    "ordered-logit cut-point between condemn and silent"},
   offsetof(orb_stance_model, cut_condemn), 1},
  {{"stance_cut_support", 1, -BOUND, BOUND, 0,
    "ordered-logit cut-point between silent and support"},
   offsetof(orb_stance_model, cut_support), 1},
  {{"stance_l2", 1, 0, BOUND, 0,
    "L2 penalty the weights were fitted with, chosen by leave-one-country-out log-loss"},
   offsetof(orb_stance_model, l2), 1},
  {{"stance_half_life_years", 10, 0.5, 50, 0,
    "half-life of the coercion record: seed 000 (2024) still cites Georgia 2008 as 'a stark reminder'"},
   offsetof(orb_stance_model, half_life_years), 0},
  {{"stance_war_window_days", 365, 0, 3650, 0,
    "a war with no later attack event is taken to be over after a year (assumption)"},
   offsetof(orb_stance_model, war_window_days), 0},
  {{"stance_member_suspended", 0.5, 0, 1, 0,
    "a suspended member is formally in and in practice out (Armenia's CSTO freeze)"},
   offsetof(orb_stance_model, member_suspended), 0},
  {{"stance_member_observer", 0.25, 0, 1, 0,
    "an observer is associated without obligations (assumption)"},
   offsetof(orb_stance_model, member_observer), 0},
  {{"stance_x_economic_", 0, 0, BOUND, 1,
    "interaction of the economic term with an issue attribute, same sign as the term"},
   0, 1},
  {{"stance_x_integration_", 0, 0, BOUND, 1,
    "interaction of the integration term with an issue attribute, same sign as the term"},
   0, 1},
  {{"stance_x_alliance_", 0, 0, BOUND, 1,
    "interaction of the alliance term with an issue attribute, same sign as the term"},
   0, 1},
  {{"stance_x_military_", 0, 0, BOUND, 1,
    "interaction of the military term with an issue attribute, same sign as the term"},
   0, 1},
  {{"stance_x_threat_", 0, 0, BOUND, 1,
    "interaction of the threat term with an issue attribute, same sign as the term"},
   0, 1},
  {{"stance_x_lever_", 0, 0, BOUND, 1,
    "interaction of the lever term with an issue attribute, same sign as the term"},
   0, 1},
  {{"stance_x_victim_", 0, -BOUND, 0, 1,
    "interaction of the victim term with an issue attribute, same sign as the term"},
   0, 1},
  {{"stance_x_rival_bloc_", 0, -BOUND, 0, 1,
    "interaction of the rival_bloc term with an issue attribute, same sign as the term"},
   0, 1},
  {{"stance_x_alternatives_", 0, -BOUND, 0, 1,
    "interaction of the alternatives term with an issue attribute, same sign as the term"},
   0, 1},
};
_Static_assert(sizeof stance_rows / sizeof stance_rows[0] == PARAM_COUNT + ORB_TERM_COUNT,
               "one interaction family per term");

/* The stance model's entry in the parameter registry (src/world/params.c). */
const param_table stance_param_table = {"stance", stance_rows,
                                        sizeof stance_rows / sizeof stance_rows[0],
                                        sizeof stance_rows[0]};

static const char interaction_justification[] =
  "interaction of a term with an issue attribute, same sign as the term";

/* The interactions every model has (docs/MODEL.md). */
static const struct {
  orb_stance_term term;
  const char *attribute;
} default_interactions[] = {{ORB_TERM_VICTIM, "condemns_territorial_conquest"}};

/* The double of model that spec describes. */
static double *param_slot(orb_stance_model *model, const param_spec *spec) {
  return (double *)((char *)model + spec->offset);
}

/* The value of that double. */
static double param_value(const orb_stance_model *model, const param_spec *spec) {
  return *(const double *)((const char *)model + spec->offset);
}

size_t stance_param_count(const orb_stance_model *model) {
  return PARAM_COUNT + model->interaction_count;
}

size_t stance_param_rows(const orb_stance_model *model, stance_param_row *rows) {
  for (size_t i = 0; i < PARAM_COUNT; i++) {
    const param_spec *spec = &stance_rows[i];
    stance_param_row *row = &rows[i];
    snprintf(row->name, sizeof row->name, "%s", spec->spec.name);
    row->value = param_value(model, spec);
    row->low = spec->spec.low;
    row->high = spec->spec.high;
    row->fitted = spec->fitted;
    row->justification = spec->spec.meaning;
  }
  for (size_t k = 0; k < model->interaction_count; k++) {
    const orb_stance_interaction *in = &model->interactions[k];
    const orb_param_spec *family = &stance_rows[PARAM_COUNT + in->term].spec;
    stance_param_row *row = &rows[PARAM_COUNT + k];
    snprintf(row->name, sizeof row->name, "%s%s", family->name, in->attribute);
    row->value = in->weight;
    row->low = family->low;
    row->high = family->high;
    row->fitted = 1;
    row->justification = interaction_justification;
  }
  return PARAM_COUNT + model->interaction_count;
}

/* Sets (or adds) the interaction of term with attribute. */
static orb_status set_interaction(orb_stance_model *model, orb_stance_term term,
                                  const char *attribute, double weight) {
  for (size_t k = 0; k < model->interaction_count; k++) {
    orb_stance_interaction *in = &model->interactions[k];
    if (in->term == term && strcmp(in->attribute, attribute) == 0) {
      in->weight = weight;
      return ORB_OK;
    }
  }
  orb_stance_interaction *grown =
    realloc(model->interactions, (model->interaction_count + 1) * sizeof *grown);
  if (!grown) return ORB_ENOMEM;
  model->interactions = grown;
  char *copy = malloc(strlen(attribute) + 1);
  if (!copy) return ORB_ENOMEM;
  strcpy(copy, attribute);
  grown[model->interaction_count++] = (orb_stance_interaction){term, copy, weight};
  return ORB_OK;
}

/* Reads one stance_* parameter of the world into model. The loader has checked
 * it against the registry (name, range, sign), so it is one of the table's. */
static orb_status read_param(orb_stance_model *model, const orb_param *param) {
  for (size_t i = 0; i < PARAM_COUNT + ORB_TERM_COUNT; i++) {
    const param_spec *spec = &stance_rows[i];
    if (!spec->spec.family) {
      if (strcmp(spec->spec.name, param->name) != 0) continue;
      *param_slot(model, spec) = param->value;
      return ORB_OK;
    }
    size_t len = strlen(spec->spec.name);
    if (strncmp(spec->spec.name, param->name, len) == 0 && param->name[len])
      return set_interaction(model, (orb_stance_term)(i - PARAM_COUNT), param->name + len,
                             param->value);
  }
  return ORB_OK; /* not the stance model's */
}

orb_status orb_stance_model_init(orb_stance_model *model, const orb_world *world,
                                 orb_diags *diags) {
  memset(model, 0, sizeof *model);
  for (size_t i = 0; i < PARAM_COUNT; i++)
    *param_slot(model, &stance_rows[i]) = stance_rows[i].spec.value;
  orb_status status = ORB_OK;
  for (size_t k = 0; k < sizeof default_interactions / sizeof default_interactions[0]; k++)
    if (status == ORB_OK)
      status = set_interaction(model, default_interactions[k].term,
                               default_interactions[k].attribute, 0.0);
  for (size_t i = 0; world && status != ORB_ENOMEM && i < world->param_count; i++) {
    const orb_param *param = &world->params[i];
    orb_status read = read_param(model, param);
    if (read != ORB_OK) status = read;
  }
  if (status == ORB_OK && !(model->cut_condemn < model->cut_support)) {
    orb_diags_add(diags, world ? world->path : "(defaults)", 0, 0,
                  "parameters stance_cut_condemn (%g) and stance_cut_support (%g): the "
                  "first must be below the second", model->cut_condemn, model->cut_support);
    status = ORB_EINVAL;
  }
  if (status != ORB_OK) orb_stance_model_free(model);
  return status;
}

void orb_stance_model_free(orb_stance_model *model) {
  for (size_t k = 0; k < model->interaction_count; k++) free(model->interactions[k].attribute);
  free(model->interactions);
  model->interactions = NULL;
  model->interaction_count = 0;
}

orb_status orb_stance_model_copy(orb_stance_model *dst, const orb_stance_model *src) {
  *dst = *src;
  dst->interactions = NULL;
  dst->interaction_count = 0;
  for (size_t k = 0; k < src->interaction_count; k++) {
    const orb_stance_interaction *in = &src->interactions[k];
    if (set_interaction(dst, in->term, in->attribute, in->weight) != ORB_OK) {
      orb_stance_model_free(dst);
      return ORB_ENOMEM;
    }
  }
  return ORB_OK;
}

/* ---- scoring ------------------------------------------------------------------- */

double stance_issue_attribute(const orb_issue *issue, const char *name) {
  for (size_t i = 0; issue && i < issue->attribute_count; i++)
    if (strcmp(issue->attributes[i].name, name) == 0) return issue->attributes[i].value;
  return 0.0;
}

void stance_effective_weights(const orb_stance_model *model, const orb_issue *issue,
                              double weight[ORB_TERM_COUNT]) {
  for (int t = 0; t < ORB_TERM_COUNT; t++) weight[t] = model->weight[t];
  for (size_t k = 0; k < model->interaction_count; k++) {
    const orb_stance_interaction *in = &model->interactions[k];
    weight[in->term] += in->weight * stance_issue_attribute(issue, in->attribute);
  }
  for (int t = 0; t < ORB_TERM_COUNT; t++)
    weight[t] = term_signs[t] * fmax(0.0, term_signs[t] * weight[t]);
}

double stance_logistic(double u) {
  if (u >= 0) return 1.0 / (1.0 + exp(-u));
  double e = exp(u);
  return e / (1.0 + e);
}

void orb_stance_probabilities(const orb_stance_model *model, double score,
                              double prob[ORB_STANCE_COUNT]) {
  double k1 = model->cut_condemn, k2 = model->cut_support;
  prob[ORB_STANCE_CONDEMN] = stance_logistic(k1 - score);
  prob[ORB_STANCE_SUPPORT] = stance_logistic(score - k2);
  prob[ORB_STANCE_SILENT] =
    stance_logistic(k2 - score) * stance_logistic(score - k1) * -expm1(k1 - k2);
}

void orb_stance_explain(const orb_stance_model *model, const orb_issue *issue,
                        const double x[ORB_TERM_COUNT], orb_stance_prediction *out) {
  stance_effective_weights(model, issue, out->weight);
  out->score = 0.0;
  for (int f = 0; f < ORB_FACTOR_COUNT; f++) out->factor[f] = 0.0;
  for (int t = 0; t < ORB_TERM_COUNT; t++) {
    out->x[t] = x[t];
    /* + 0.0 turns the -0 of a negative weight times 0 into 0 (no "-0" in reports) */
    out->contribution[t] = out->weight[t] * x[t] + 0.0;
    out->score += out->contribution[t];
    out->factor[term_factors[t]] += out->contribution[t];
  }
  orb_stance_probabilities(model, out->score, out->prob);
  out->predicted = ORB_STANCE_SUPPORT;
  for (int s = 1; s < ORB_STANCE_COUNT; s++)
    if (out->prob[s] > out->prob[out->predicted]) out->predicted = (orb_stance)s;
}

orb_status orb_stance_predict(const orb_world *world, const orb_stance_model *model,
                              size_t issue_index, orb_date date,
                              orb_stance_prediction **predictions, size_t *count) {
  *predictions = NULL;
  *count = 0;
  if (issue_index >= world->issue_count) return ORB_EINVAL;
  const orb_issue *issue = &world->issues[issue_index];
  if (date == ORB_DATE_NONE) date = issue->date;
  if (date < world->start || date > world->end) return ORB_EINVAL;
  size_t n = world->actor_count;
  double *x = malloc((n ? n : 1) * ORB_TERM_COUNT * sizeof *x);
  orb_stance_prediction *out = malloc((n ? n : 1) * sizeof *out);
  if (!x || !out || orb_stance_features_all(world, model, issue->patron, date, x) != ORB_OK) {
    free(x);
    free(out);
    return ORB_ENOMEM;
  }
  size_t used = 0;
  for (size_t a = 0; a < n; a++) {
    if (a == issue->patron || world->actors[a].kind != ORB_ACTOR_STATE) continue;
    orb_stance_prediction *p = &out[used++];
    orb_stance_explain(model, issue, x + a * ORB_TERM_COUNT, p);
    p->actor = a;
    p->observed = ORB_NONE;
    for (size_t k = 0; k < issue->observed_count; k++)
      if (issue->observed[k].actor == a) p->observed = issue->observed[k].option;
  }
  free(x);
  *predictions = out;
  *count = used;
  return ORB_OK;
}
