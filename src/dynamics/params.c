/*
 * params.c: the dynamics model's parameter table (the one place every parameter
 * is defined: default, range drawn in ensembles, admissible bounds, why), the
 * settings built from it (--set), and the per-run draws from a counter-based
 * stream of (seed, run) (docs/MODEL.md, "Influence over time").
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bargain/rng.h"
#include "dynamics/dyn_internal.h"
#include "world/params_internal.h"

#define TRI ORB_DYN_TRIANGULAR
#define UNI ORB_DYN_UNIFORM
#define FIX ORB_DYN_FIXED

/* Order must match enum dyn_param in dyn_internal.h. */
static const orb_dyn_param_info table[] = {
  {{"dyn.cred_prior_mean", 0.75, 0.01, 0.99, 0,
    "prior share of alliance commitments honoured when tested"},
   0.6, 0.85, TRI, "share",
   "Leeds, Long & Mitchell 2000, Reevaluating alliance reliability, J. Conflict Resolution 44(5): 74.5% of commitments honoured; the lower end allows for later re-codings that find less",
   NULL},
  {{"dyn.cred_prior_strength", 4, 0.1, 100, 0,
    "weight of the prior, in tests"},
   2, 10, TRI, "tests",
   NULL,
   "a prior worth a few tests lets one or two ignored requests move credibility visibly, as the seeds describe after 2022"},
  {{"dyn.cred_half_life_months", 120, 1, 1200, 0,
    "how long a tested commitment weighs before credibility returns toward the prior"},
   60, 240, TRI, "months",
   NULL,
   "seed 004 (2024) still cites the CSTO's 2010 refusal to Kyrgyzstan: memory of a test lasts about a decade"},
  {{"dyn.test_weight_aggression", 0.5, 0, 10, 0,
    "weight of an attack on a member that no request for help follows"},
   0.25, 1, TRI, "tests",
   NULL,
   "an attack without a request invokes the commitment less clearly than a request"},
  {{"dyn.test_weight_leader", 0.5, 0, 10, 0,
    "weight of an attack on the leader, split over how the other members respond"},
   0.25, 1, TRI, "tests",
   NULL,
   "allies' silence when the leader is attacked (Kursk 2024) tests the commitment less directly than a refused request"},
  {{"dyn.war_smoothing_months", 12, 1, 120, 0,
    "time constant with which a war's burden builds up and fades"},
   6, 24, TRI, "months",
   NULL,
   "mobilisation and redeployment take months, not days"},
  {{"dyn.war_tiedown", 0.7, 0, 5, 0,
    "share of capability tied down: 1 - exp(-war_tiedown * burden)"},
   0.35, 1.4, TRI, "1/intensity",
   NULL,
   "one full war-year ties down about half of a patron's free capability (0.7 -> 50%); the world records troops pulled from Tajikistan and Kyrgyzstan (2022) and Armenia (2024, seed 004) for the war"},
  {{"dyn.war_persistence_years", 2, 0, 40, 0,
    "years a war recorded in the last year of the record is assumed to go on"},
   0, 6, UNI, "years",
   NULL,
   "the record ends while the war in Ukraine continues; its end is unknown"},
  {{"dyn.capacity_elasticity", 0.5, 0.05, 2, 0,
    "exponent on a pole's free capability relative to the strongest pole"},
   0.25, 1, TRI, "",
   NULL,
   "diminishing returns of military spending for influence in one region"},
  {{"dyn.capacity_missing", 0.3, 0, 1, 0,
    "relative capacity of a pole without a capability figure"},
   0.1, 0.6, TRI, "share",
   NULL,
   "the built-in world has no military spending for the EU as an actor"},
  {{"dyn.weight_economic", 0.4, 0, 1, 0,
    "weight of economic dependence (trade, energy, remittances, migration, transit)"},
   0.25, 0.55, TRI, "",
   "Pardee Center FBIC index (Moyer et al. 2021): bilateral influence as bandwidth times dependence, economic and security dependence weighed alike; remaining weight split by assumption",
   NULL},
  {{"dyn.weight_security", 0.3, 0, 1, 0,
    "weight of security dependence (military presence, arms, security ties), times credibility"},
   0.15, 0.45, TRI, "",
   "Pardee Center FBIC index (Moyer et al. 2021)",
   NULL},
  {{"dyn.weight_institution", 0.2, 0, 1, 0,
    "weight of membership in the pole's institutions"},
   0.1, 0.3, TRI, "",
   NULL,
   "membership binds beyond ties; a suspended member counts half"},
  {{"dyn.weight_social", 0.1, 0, 1, 0,
    "weight of language and diaspora ties"},
   0.05, 0.2, TRI, "",
   NULL,
   "soft ties matter less than material ones for leverage"},
  {{"dyn.tie_drift_rate", 0.03, 0, 1, 0,
    "yearly rate at which economic ties move toward their gravity share after the last observation"},
   0.01, 0.06, TRI, "1/year",
   "Head, Mayer & Ries 2010, The erosion of colonial trade linkages after independence, J. Int. Econ. 81(1): about 65% of trade with the former metropole lost over four decades (~2.6%/year)",
   NULL},
  {{"dyn.gravity_elasticity", 1.0, 0, 3, 0,
    "elasticity of a partner's trade share to its economic mass"},
   0.7, 1.1, TRI, "",
   "Head & Mayer 2014, Gravity equations, Handbook of Int. Econ. 4: GDP elasticities near 1",
   NULL},
  {{"dyn.redeploy_cut", 0.3, 0, 1, 0,
    "share of a pole's security presence in a state lost per troop withdrawal (its size is not used)"},
   0.1, 0.5, TRI, "share",
   NULL,
   "the built-in world records 1,500 of the 201st base's up to 7,000 troops (about 0.2) and 'hundreds' from Kant and Armenia taken away; 0.3 allows for the ~600 more announced"},
  {{"dyn.align_half_life_months", 24, 1, 600, 0,
    "half-life of the gap between a state's alignment and its target (anchor level moved by the structural index): how long an event's impulse lasts"},
   12, 60, TRI, "months",
   NULL,
   "two years; the roll calls do not identify it (the alignment takes the anchor's estimate at each year of votes, and the fitted slope is 0, so its target does not move between them); range by assumption"},
  {{"dyn.align_autonomy", 0.1, 0, 10, 0,
    "leverage a state keeps for itself in the alignment target"},
   0.05, 0.3, TRI, "",
   NULL,
   "states hedge: no pole's leverage share is converted into full alignment"},
  {{"dyn.impulse_cooperation", 0.02, 0, 1, 0,
    "alignment gained per cooperative event between a state and a pole"},
   0.01, 0.05, TRI, "alignment",
   NULL,
   "one agreement or visit moves alignment by a few hundredths"},
  {{"dyn.impulse_conflict", 0.05, 0, 1, 0,
    "alignment lost per hostile event (condemnation, sanction, attack, protest)"},
   0.02, 0.1, TRI, "alignment",
   NULL,
   "hostile acts weigh more than cooperative ones (negativity bias in event data)"},
  {{"dyn.impulse_distance", 0.03, 0, 1, 0,
    "alignment lost per act of distancing (abstaining, refused help, suspending or leaving)"},
   0.01, 0.06, TRI, "alignment",
   NULL,
   "silence and exit are weaker than hostility, stronger than routine cooperation"},
  {{"dyn.assimilate_weight", 1, 0, 1, 0,
    "share of the way a state's alignment moves to its anchor's new estimate (the filter's) at a revealed alignment of a year of roll calls (times the observation's weight for fewer votes)"},
   0.75, 1, TRI, "",
   NULL,
   "1: after a year of roll calls the alignment is the filter's estimate of the state's level (a local-level Kalman filter); the range lets ensembles keep some of the model's own state"},
  {{"dyn.align_level_var", 0.001, 0, 1, 0,
    "yearly variance of the changes of a state's level relative to the pole's common level (the anchor's local-level filter: its variance grows by this per year, and a revealed alignment of sampling variance V enters with gain var/(var + V))"},
   0.0005, 0.002, TRI, "per year",
   "fitted on the shipped UN roll calls 1992-2019 (orbit simulate --validate: 3-year forecasts of the agreement of 14 post-Soviet states with Russia from every December 1993-2018, least absolute error over a grid); range half to double",
   NULL},
  {{"dyn.align_slope", 0, 0, 5, 0,
    "revealed alignment gained per unit of the structural index (leverage share) above its level at the anchor's observations"},
   0, 0.5, TRI, "alignment",
   "fitted with align_level_var (same fit): 0, the record gives the leverage share no weight beyond the anchor; the range lets ensembles carry the theory's sign",
   NULL},
  {{"dyn.exit_prior_rate", 0.01, 0, 1, 0,
    "prior mean of an institution's yearly rate of exits and suspensions per member (Gamma prior of the base rate: exit_prior_rate x exit_prior_years exits in exit_prior_years member-years)"},
   0.005, 0.02, TRI, "1/year",
   NULL,
   "one exit or suspension per 100 member-years (a member stays about a century on average): an alliance that nobody has left keeps a low base rate, and one exit in a few dozen member-years moves it; range half to double"},
  {{"dyn.exit_prior_years", 50, 0, 100000, 0,
    "weight of the prior base rate, in member-years: an institution's own exits and member-years are added to exit_prior_rate x exit_prior_years exits in exit_prior_years member-years"},
   25, 100, TRI, "member-years",
   NULL,
   "a prior worth a few members over a decade: an institution's own record outweighs it after some decades of membership; range half to double"},
  {{"dyn.exit_beta_alignment", 2, 0, 10, 0,
    "log-hazard per unit of (fellow members' mean alignment with the leader - the member's) x 2"},
   1, 3, TRI, "",
   NULL,
   "a member whose alignment lies 0.5 below its fellow members' mean is e^2 ~ 7 times as likely to leave as a typical one"},
  {{"dyn.exit_beta_credibility", 2, 0, 10, 0,
    "log-hazard per relative shortfall of credibility below the prior mean"},
   1, 3, TRI, "",
   NULL,
   "a commitment worth nothing multiplies the hazard by e^2 ~ 7"},
  {{"dyn.exit_own_tests", 1, 0, 10, 0,
    "weight of a member's own tests (its requests for help and the aggressions on it, honoured or not) added to the institution's credibility in its exit hazard"},
   0.5, 2, TRI, "tests",
   NULL,
   "a member learns what the commitment is worth to it from its own requests at least as much as from the others' (own tests count twice at 1); range by assumption"},
  {{"dyn.align_common", 1, 0, 1, 0,
    "weight of the pole's common level (the weighted mean of its states' revealed alignments) in the alignment target; the anchor then holds each state's level relative to it"},
   1, 1, FIX, "",
   NULL,
   "1: the patron's own agenda moves every state's agreement with it at once, and those shifts last (the post-Soviet states' mean agreement with Russia fell from 0.85 in 2011 to 0.67 in 2016 and stayed); fixed in ensembles"},
  {{"dyn.align_vote_noise", 145, 0, 10000, 0,
    "votes whose noise equals the uncertainty of a pair's level (n0): a revealed alignment of n votes weighs n/(n + n0) relative to a year of 10 roll calls (the record's least), at most 1"},
   72, 290, TRI, "votes",
   "the shipped UN roll calls 1992-2019 (orbit simulate --validate): variance of a stance around its state-year mean over the variance of the yearly level's changes beyond sampling noise; range half to double",
   NULL},
  {{"dyn.align_vote_var", 0.1, 0, 0.25, 0,
    "variance of one vote's stance value (1 agree, 1/2 silent, 0 oppose) when the observation does not give it (the world's stances): a revealed alignment of n such votes has sampling variance align_vote_var / n"},
   0.1, 0.1, FIX, "",
   "the shipped UN roll calls 1992-2019 (orbit simulate --validate): the mean variance of a roll call's stance value around its state-year mean",
   NULL},
  {{"dyn.align_level_prior_var", 0.0063, 0, 1, 0,
    "prior variance of a state's level relative to the pole's common level before its first revealed alignment (the anchor starts at the common level, the average state's, and the first revealed alignment of sampling variance V enters with gain V0/(V0 + V))"},
   0.003, 0.0125, TRI, "",
   "the shipped UN roll calls 1992-2019 (orbit simulate --validate): the cross-sectional variance of the post-Soviet states' yearly agreement with Russia around the year's mean, less its sampling part (a standard proper Kalman initialisation: Harvey 1989, Durbin & Koopman 2012); range half to double",
   NULL},
};

_Static_assert(sizeof table / sizeof *table == DYN_PARAM_COUNT,
               "one table row per enum dyn_param");

/* The table as the world's parameter registry lists it (src/world/params.c). */
const param_table dynamics_param_table = {"dynamics", table, DYN_PARAM_COUNT, sizeof table[0]};

const orb_dyn_param_info *orb_dyn_params(size_t *count) {
  if (count) *count = DYN_PARAM_COUNT;
  return table;
}

size_t orb_dyn_param_find(const char *name) {
  for (size_t k = 0; k < DYN_PARAM_COUNT; k++)
    if (strcmp(table[k].spec.name, name) == 0 ||
        strcmp(table[k].spec.name + strlen(DYN_PARAM_PREFIX), name) == 0)
      return k;
  return ORB_NONE;
}

orb_status orb_dyn_settings_init(orb_dyn_settings *s) {
  memset(s, 0, sizeof *s);
  s->value = malloc(DYN_PARAM_COUNT * sizeof *s->value);
  s->low = malloc(DYN_PARAM_COUNT * sizeof *s->low);
  s->high = malloc(DYN_PARAM_COUNT * sizeof *s->high);
  s->dist = malloc(DYN_PARAM_COUNT * sizeof *s->dist);
  if (!s->value || !s->low || !s->high || !s->dist) {
    orb_dyn_settings_free(s);
    return ORB_ENOMEM;
  }
  s->count = DYN_PARAM_COUNT;
  for (size_t k = 0; k < DYN_PARAM_COUNT; k++) {
    s->value[k] = table[k].spec.value;
    s->low[k] = table[k].low;
    s->high[k] = table[k].high;
    s->dist[k] = table[k].dist;
  }
  return ORB_OK;
}

void orb_dyn_settings_free(orb_dyn_settings *s) {
  if (!s) return;
  free(s->value);
  free(s->low);
  free(s->high);
  free(s->dist);
  memset(s, 0, sizeof *s);
}

/* Parses a whole finite number from [text, end); 0 on failure. */
static int parse_number(const char *text, const char *end, double *out) {
  char buf[64];
  size_t len = (size_t)(end - text);
  if (len == 0 || len >= sizeof buf) return 0;
  memcpy(buf, text, len);
  buf[len] = '\0';
  char *stop = NULL;
  errno = 0;
  double v = strtod(buf, &stop);
  if (stop != buf + len || errno || !isfinite(v)) return 0;
  *out = v;
  return 1;
}

orb_status orb_dyn_settings_set(orb_dyn_settings *s, const char *assignment,
                                orb_diags *diags) {
  const char *eq = strchr(assignment, '=');
  if (!eq || eq == assignment)
    return orb_diags_add(diags, "--set", 0, 0,
                         "expected NAME=VALUE or NAME=LOW..HIGH, got '%s'", assignment),
           ORB_EINVAL;
  char name[64];
  size_t len = (size_t)(eq - assignment);
  if (len >= sizeof name) len = sizeof name - 1;
  memcpy(name, assignment, len);
  name[len] = '\0';
  size_t k = orb_dyn_param_find(name);
  if (k == ORB_NONE) {
    const char *names[DYN_PARAM_COUNT];
    for (size_t i = 0; i < DYN_PARAM_COUNT; i++) /* hints without the namespace */
      names[i] = table[i].spec.name + strlen(DYN_PARAM_PREFIX);
    const char *hint = orb_closest_word(name, names, DYN_PARAM_COUNT);
    orb_diags_add(diags, "--set", 0, 0, "unknown parameter '%s'%s%s%s", name,
                  hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
    return ORB_EINVAL;
  }
  const char *text = eq + 1, *end = text + strlen(text);
  const char *dots = strstr(text, "..");
  double lo, hi;
  if (dots) {
    if (!parse_number(text, dots, &lo) || !parse_number(dots + 2, end, &hi))
      return orb_diags_add(diags, "--set", 0, 0,
                           "%s: expected LOW..HIGH with finite numbers, got '%s'", name, text),
             ORB_EINVAL;
  } else {
    if (!parse_number(text, end, &lo))
      return orb_diags_add(diags, "--set", 0, 0,
                           "%s: expected a finite number, got '%s'", name, text),
             ORB_EINVAL;
    hi = lo;
  }
  if (lo > hi)
    return orb_diags_add(diags, "--set", 0, 0,
                         "%s: impossible bounds %g..%g (low above high)", name, lo, hi),
           ORB_EINVAL;
  if (lo < table[k].spec.low || hi > table[k].spec.high)
    return orb_diags_add(diags, "--set", 0, 0, "%s: %s outside the admissible range [%g, %g]",
                         name, text, table[k].spec.low, table[k].spec.high),
           ORB_EINVAL;
  s->low[k] = lo;
  s->high[k] = hi;
  s->value[k] = dots ? 0.5 * (lo + hi) : lo;
  s->dist[k] = lo == hi ? ORB_DYN_FIXED : ORB_DYN_UNIFORM;
  return ORB_OK;
}

void orb_dyn_draw(const orb_dyn_settings *s, uint64_t seed, uint64_t run, double *params) {
  bargain_rng rng;
  bargain_rng_seed(&rng, seed ^ 0x6479u /* "dy": not the bargain streams */, run);
  for (size_t k = 0; k < s->count; k++) {
    /* one draw per parameter whatever its distribution, so changing one
     * parameter's distribution leaves the others' draws as they were */
    const double u = bargain_rng_uniform(&rng);
    const double lo = s->low[k], hi = s->high[k], mode = s->value[k];
    if (s->dist[k] == ORB_DYN_FIXED || hi <= lo) {
      params[k] = mode;
    } else if (s->dist[k] == ORB_DYN_UNIFORM) {
      params[k] = lo + u * (hi - lo);
    } else { /* triangular, inverse CDF */
      const double c = (mode - lo) / (hi - lo);
      params[k] = u < c ? lo + sqrt(u * (hi - lo) * (mode - lo))
                        : hi - sqrt((1 - u) * (hi - lo) * (hi - mode));
    }
  }
}

orb_status orb_dyn_settings_from_world(orb_dyn_settings *s, const orb_world *w,
                                       orb_diags *diags) {
  orb_status st = ORB_OK;
  for (size_t k = 0; k < DYN_PARAM_COUNT; k++) {
    size_t i = orb_world_param(w, table[k].spec.name);
    if (i == ORB_NONE) continue;
    const orb_param *p = &w->params[i];
    if (!(p->low <= p->value && p->value <= p->high) || p->low < table[k].spec.low ||
        p->high > table[k].spec.high) {
      orb_diags_add(diags, w->path, 0, 0, "parameter %s: %g in [%g, %g] is outside the "
                    "admissible range [%g, %g]", table[k].spec.name, p->value, p->low, p->high,
                    table[k].spec.low, table[k].spec.high);
      st = ORB_EINVAL;
      continue;
    }
    s->value[k] = p->value;
    s->low[k] = p->low;
    s->high[k] = p->high;
    s->dist[k] = p->low == p->high ? ORB_DYN_FIXED
                 : p->distribution && strncmp(p->distribution, "uniform", 7) == 0
                     ? ORB_DYN_UNIFORM
                     : ORB_DYN_TRIANGULAR;
  }
  return st;
}
