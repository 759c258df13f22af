/*
 * features.c: the stance model's features (docs/MODEL.md, "Stances"), computed
 * from a world at a date: dependence on the patron through ties and
 * institutions, the patron's coercion record and free capacity, sovereignty
 * threats, and ties to other poles. One actor at a time (orb_stance_features,
 * scanning the world) or all actors in one pass (orb_stance_features_all); both
 * go through the same folding functions in the same order, so they give the
 * same bits.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stance/stance_internal.h"

/* The channels of dependence the model reads (orb_tie_channel, from the world's
 * tie-type table); social ties feed the minorities lever. */
enum {
  CH_TRADE = ORB_CHANNEL_TRADE, CH_ENERGY = ORB_CHANNEL_ENERGY,
  CH_FINANCE = ORB_CHANNEL_FINANCE, CH_ARMS = ORB_CHANNEL_ARMS,
  CH_SECURITY = ORB_CHANNEL_SECURITY, CH_PRESENCE = ORB_CHANNEL_PRESENCE,
  CH_DIASPORA = ORB_CHANNEL_SOCIAL, CH_COUNT = ORB_CHANNEL_COUNT
};

double stance_tie_value(const orb_tie *tie, orb_date date) {
  const orb_figure *figure = NULL;
  return orb_tie_at(tie, date, &figure) == ORB_TIE_HOLDS ? figure->value : 0.0;
}

/* 1 - (1 - a)(1 - b): exposure through at least one of two channels. */
static double noisy_or(double a, double b) {
  return 1.0 - (1.0 - a) * (1.0 - b);
}

/* Membership weight mu of a status (docs/MODEL.md). */
static double membership_weight(const orb_stance_model *model, orb_member_status status) {
  switch (status) {
    case ORB_MEMBER: return 1.0;
    case ORB_MEMBER_SUSPENDED: return model->member_suspended;
    case ORB_OBSERVER: return model->member_observer;
    default: return 0.0;
  }
}

/* Severity g = -Goldstein/10 of a coercive event type (tone violent or coercive
 * in the world's table), by its CAMEO root; 0 for the others. */
static double coercion_severity(orb_event_type type) {
  const orb_event_type_info *info = orb_event_type_get(type);
  if (info->tone != ORB_TONE_VIOLENT && info->tone != ORB_TONE_COERCIVE) return 0.0;
  switch (info->cameo_root) {
    case 19: case 20: return 1.0;  /* fight, mass violence: -10 */
    case 13: return 0.44;          /* threaten: -4.4 */
    case 16: return 0.40;          /* reduce relations: -4.0 */
    default: return 0.0;
  }
}

/* The decayed weight of a coercive event of patron known before date, 0 for any
 * other event (not the patron's, internal, not coercive, or not before date). */
static double coercion_weight(const orb_stance_model *model, const orb_event *event,
                              size_t patron, orb_date date) {
  if (event->source != patron || event->target == ORB_NONE) return 0.0;
  double severity = coercion_severity(event->type);
  orb_date known = orb_event_last_day(event);
  if (severity == 0.0 || !orb_event_known_before(event, date)) return 0.0;
  double years = (double)(date - known) / 365.25;
  return severity * exp2(-years / model->half_life_years);
}

/* True for an attack by patron known within the war window before date. */
static int recent_attack(const orb_stance_model *model, const orb_event *event,
                         size_t patron, orb_date date) {
  orb_date known = orb_event_last_day(event);
  return event->source == patron && event->type == ORB_EV_ATTACK &&
         event->target != ORB_NONE && orb_event_known_before(event, date) &&
         (double)(date - known) <= model->war_window_days;
}

/* What holds for every actor: the patron's whole coercion record and its free
 * capacity K = 1 / (1 + number of distinct targets attacked in the war window). */
typedef struct patron_context {
  double coercion_total;
  double capacity;
  size_t wars;
} patron_context;

static void compute_patron_context(const orb_world *world, const orb_stance_model *model,
                                   size_t patron, orb_date date, patron_context *ctx) {
  ctx->coercion_total = 0.0;
  size_t wars = 0;
  for (size_t i = 0; i < world->event_count; i++) {
    const orb_event *e = &world->events[i];
    ctx->coercion_total += coercion_weight(model, e, patron, date);
    if (!recent_attack(model, e, patron, date)) continue;
    int seen = 0; /* count each target once */
    for (size_t k = 0; k < i && !seen; k++)
      seen = world->events[k].target == e->target &&
             recent_attack(model, &world->events[k], patron, date);
    if (!seen) wars++;
  }
  ctx->capacity = 1.0 / (1.0 + (double)wars);
  ctx->wars = wars;
}

void orb_stance_patron_state(const orb_world *world, const orb_stance_model *model,
                             size_t patron, orb_date date, double *record,
                             double *capacity, size_t *wars) {
  patron_context ctx;
  compute_patron_context(world, model, patron, date, &ctx);
  if (record) *record = 1.0 - exp(-ctx.coercion_total);
  if (capacity) *capacity = ctx.capacity;
  if (wars) *wars = ctx.wars;
}

/* An actor's ties, folded: the channels of its dependence on the patron, and its
 * strongest dependence on any other actor. */
typedef struct tie_partial {
  double patron[CH_COUNT];
  double alternatives;
} tie_partial;

/* True when b is the patron or an institution the patron leads: a tie to it is
 * dependence on the patron (Armenia's exports to the EAEU). */
static int patron_side(const orb_world *world, size_t patron, size_t b) {
  if (b == patron) return 1;
  for (size_t j = 0; j < world->institution_count; j++)
    if (world->institutions[j].actor == b && world->institutions[j].leader == patron) return 1;
  return 0;
}

/* The weight of remittances in actor's economy on date: its remittances_pct_gdp
 * attribute / 100 (latest year not after the date's, else earliest), clamped to
 * [0, 1]; 1 when the world does not give it. */
static double remittance_scale(const orb_world *world, size_t actor, orb_date date) {
  int year;
  orb_date_to_ymd(date, &year, NULL, NULL);
  const orb_figure *share = orb_actor_attribute(world, actor, "remittances_pct_gdp", year);
  if (!share) return 1.0;
  return fmin(1.0, fmax(0.0, share->value / 100.0));
}

/* Folds the ties listed in ties[0..count) (all from one actor, grouped by target
 * in index order) into *out. */
static void fold_ties(const orb_world *world, const size_t *ties, size_t count,
                      size_t patron, orb_date date, tie_partial *out) {
  memset(out, 0, sizeof *out);
  if (!count) return;
  double remittances = remittance_scale(world, world->ties[ties[0]].from, date);
  size_t i = 0;
  while (i < count) {
    size_t to = world->ties[ties[i]].to;
    double ch[CH_COUNT] = {0};
    for (; i < count && world->ties[ties[i]].to == to; i++) {
      const orb_tie *tie = &world->ties[ties[i]];
      orb_tie_channel c = orb_tie_type_get(tie->type)->channel;
      double v = stance_tie_value(tie, date);
      if (tie->type == ORB_TIE_REMITTANCES) v *= remittances;
      if (v > ch[c]) ch[c] = v;
    }
    if (patron_side(world, patron, to)) {
      for (int c = 0; c < CH_COUNT; c++) out->patron[c] = fmax(out->patron[c], ch[c]);
      continue;
    }
    double economic = noisy_or(noisy_or(ch[CH_TRADE], ch[CH_ENERGY]), ch[CH_FINANCE]);
    double security = fmax(fmax(ch[CH_ARMS], ch[CH_SECURITY]), ch[CH_PRESENCE]);
    double dependence = noisy_or(economic, security);
    if (dependence > out->alternatives) out->alternatives = dependence;
  }
}

/* Sorts tie indices by target, keeping index order within a target (stable). */
static void sort_by_target(const orb_world *world, size_t *ties, size_t count) {
  for (size_t i = 1; i < count; i++) {
    size_t tie = ties[i], k = i;
    while (k > 0 && world->ties[ties[k - 1]].to > world->ties[tie].to) {
      ties[k] = ties[k - 1];
      k--;
    }
    ties[k] = tie;
  }
}

/* An actor's memberships, folded: the patron's alliances and unions, its economic
 * unions, and rival blocs. */
typedef struct membership_partial {
  double alliance, integration, rival;
} membership_partial;

static void fold_memberships(const orb_world *world, const orb_stance_model *model,
                             size_t actor, size_t patron, orb_date date,
                             membership_partial *out) {
  memset(out, 0, sizeof *out);
  for (size_t j = 0; j < world->institution_count; j++) {
    const orb_institution *inst = &world->institutions[j];
    orb_bond binds = orb_commitment_get(inst->commitment)->bond;
    if (binds == ORB_BOND_NONE) continue;
    double mu = membership_weight(model, orb_membership_at(world, j, actor, date));
    if (mu == 0.0) continue;
    if (inst->leader == patron) {
      double *slot = binds == ORB_BOND_SECURITY ? &out->alliance : &out->integration;
      if (mu > *slot) *slot = mu;
    } else if (orb_membership_at(world, j, patron, date) == ORB_NOT_MEMBER) {
      if (mu > out->rival) out->rival = mu;
    }
  }
}

/* The features from the folded parts (docs/MODEL.md, feature table). */
static void finish_features(const tie_partial *ties, const membership_partial *m,
                            const patron_context *ctx, double coercion_self,
                            double x[ORB_TERM_COUNT]) {
  const double *p = ties->patron;
  int allied = m->alliance > 0.0;
  double presence = p[CH_PRESENCE];
  x[ORB_TERM_ECONOMIC] = noisy_or(noisy_or(p[CH_TRADE], p[CH_ENERGY]), p[CH_FINANCE]);
  x[ORB_TERM_INTEGRATION] = m->integration;
  x[ORB_TERM_ALLIANCE] = m->alliance;
  x[ORB_TERM_MILITARY] = noisy_or(noisy_or(p[CH_ARMS], p[CH_SECURITY]),
                                  allied ? presence : 0.0);
  double others = fmax(0.0, ctx->coercion_total - coercion_self);
  double threat = (1.0 - exp(-others)) * ctx->capacity;
  x[ORB_TERM_THREAT] = threat;
  x[ORB_TERM_LEVER] = p[CH_DIASPORA] * threat;
  x[ORB_TERM_VICTIM] = 1.0 - exp(-coercion_self) * (1.0 - (allied ? 0.0 : presence));
  x[ORB_TERM_RIVAL_BLOC] = m->rival;
  x[ORB_TERM_ALTERNATIVES] = ties->alternatives;
}

orb_status orb_stance_features(const orb_world *world, const orb_stance_model *model,
                               size_t actor, size_t patron, orb_date date,
                               double x[ORB_TERM_COUNT]) {
  patron_context ctx;
  compute_patron_context(world, model, patron, date, &ctx);
  double coercion_self = 0.0;
  for (size_t i = 0; i < world->event_count; i++)
    if (world->events[i].target == actor)
      coercion_self += coercion_weight(model, &world->events[i], patron, date);

  /* The actor's ties, grouped by target; a small stack buffer covers most actors. */
  size_t stack[64] = {0}, *ties = stack, count = 0, capacity = 64;
  for (size_t i = 0; i < world->tie_count; i++) {
    if (world->ties[i].from != actor) continue;
    if (count == capacity) {
      size_t *grown = malloc(2 * capacity * sizeof *grown);
      if (!grown) {
        if (ties != stack) free(ties);
        return ORB_ENOMEM;
      }
      memcpy(grown, ties, count * sizeof *ties);
      if (ties != stack) free(ties);
      ties = grown;
      capacity *= 2;
    }
    ties[count++] = i;
  }
  tie_partial tp;
  sort_by_target(world, ties, count);
  fold_ties(world, ties, count, patron, date, &tp);
  if (ties != stack) free(ties);

  membership_partial mp;
  fold_memberships(world, model, actor, patron, date, &mp);
  finish_features(&tp, &mp, &ctx, coercion_self, x);
  return ORB_OK;
}

orb_status orb_stance_features_all(const orb_world *world, const orb_stance_model *model,
                                   size_t patron, orb_date date, double *x) {
  size_t n = world->actor_count;
  size_t *start = calloc(n + 1, sizeof *start);
  size_t *order = malloc((world->tie_count ? world->tie_count : 1) * sizeof *order);
  double *coercion_self = calloc(n ? n : 1, sizeof *coercion_self);
  if (!start || !order || !coercion_self) {
    free(start);
    free(order);
    free(coercion_self);
    return ORB_ENOMEM;
  }
  /* Bucket the ties by source actor, in index order (a counting sort). */
  for (size_t i = 0; i < world->tie_count; i++) start[world->ties[i].from + 1]++;
  for (size_t a = 0; a < n; a++) start[a + 1] += start[a];
  for (size_t i = 0; i < world->tie_count; i++) order[start[world->ties[i].from]++] = i;
  for (size_t a = n; a > 0; a--) start[a] = start[a - 1];
  start[0] = 0;

  patron_context ctx;
  compute_patron_context(world, model, patron, date, &ctx);
  for (size_t i = 0; i < world->event_count; i++) {
    const orb_event *e = &world->events[i];
    if (e->target != ORB_NONE) coercion_self[e->target] += coercion_weight(model, e, patron, date);
  }
  for (size_t a = 0; a < n; a++) {
    tie_partial tp;
    membership_partial mp;
    sort_by_target(world, order + start[a], start[a + 1] - start[a]);
    fold_ties(world, order + start[a], start[a + 1] - start[a], patron, date, &tp);
    fold_memberships(world, model, a, patron, date, &mp);
    finish_features(&tp, &mp, &ctx, coercion_self[a], x + a * ORB_TERM_COUNT);
  }
  free(start);
  free(order);
  free(coercion_self);
  return ORB_OK;
}
