/*
 * model.c: the dynamics model compiled from a world and its inputs (poles,
 * state-pole pairs, monthly channel values, commitment tests, event actions), and
 * one run month by month (docs/MODEL.md, "Influence over time").
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dynamics/dyn_internal.h"
#include "dynamics/exp_internal.h"

/* ---- compiling ------------------------------------------------------------------ */

enum { CH_ECON, CH_SEC, CH_SOC, CH_NONE };

/* The channel of the model a tie type feeds, from the world's tie vocabulary:
 * trade, energy and finance are economic; arms, security and presence are
 * security; diaspora and language are social. */
static int tie_channel(orb_tie_type type) {
  const orb_tie_type_info *info = orb_tie_type_get(type);
  if (!info) return CH_NONE;
  switch (info->channel) {
  case ORB_CHANNEL_TRADE: case ORB_CHANNEL_ENERGY: case ORB_CHANNEL_FINANCE:
    return CH_ECON;
  case ORB_CHANNEL_ARMS: case ORB_CHANNEL_SECURITY: case ORB_CHANNEL_PRESENCE:
    return CH_SEC;
  case ORB_CHANNEL_SOCIAL:
    return CH_SOC;
  default:
    return CH_NONE;
  }
}

/* Month index of a date relative to the model's first month (may be negative). */
static long month_of(const orb_dyn_model *m, orb_date date) {
  int y, mo;
  orb_date_to_ymd(date, &y, &mo, NULL);
  return (long)(y - m->first_year) * 12 + (mo - 1) - m->first_month;
}

/* The month an event counts in: that of its last possible day (the project's one
 * event-time rule, orb_event_last_day), so a year-only date counts in December. */
static long event_month(const orb_dyn_model *m, const orb_dyn_event *e) {
  orb_event ev = {.date = e->date, .precision = e->precision};
  return month_of(m, orb_event_last_day(&ev));
}

/* A yearly input series with persistence: the latest known value of a year not
 * after year, else the earliest known; NAN when none is known. */
static double persisted(const orb_dyn_inputs *in, const double *series, size_t actor, int year) {
  const double *row = series + actor * (size_t)in->year_count;
  int y = year - in->first_year;
  if (y >= in->year_count) y = in->year_count - 1;
  for (int k = y; k >= 0; k--) if (!isnan(row[k])) return row[k];
  for (int k = y < 0 ? 0 : y + 1; k < in->year_count; k++) if (!isnan(row[k])) return row[k];
  return NAN;
}

void orb_dyn_model_free(orb_dyn_model *m) {
  if (!m) return;
  free(m->dates);
  free(m->pole_actor);
  free(m->logcap);
  free(m->logmass);
  free(m->pair_has_exit);
  free(m->conflict);
  free(m->pole_slot);
  free(m->slot_institution);
  free(m->pair_state);
  free(m->pair_pole);
  free(m->pair_slot);
  free(m->state_first);
  free(m->state_drift);
  free(m->econ);
  free(m->sec);
  free(m->soc);
  free(m->inst);
  free(m->tests);
  for (size_t k = 0; m->test_text && k < m->test_count; k++) free(m->test_text[k]);
  free(m->test_text);
  free(m->actions);
  free(m->obs);
  for (size_t k = 0; m->exits && k < m->exit_count; k++) {
    free(m->exits[k].at_risk);
    free(m->exits[k].exits);
    free(m->exits[k].years);
  }
  free(m->exits);
  for (size_t k = 0; m->series_name && k < m->series; k++) free(m->series_name[k]);
  free(m->series_name);
  free(m);
}

/* Growth helpers for the compile-time lists. */
static int grow(void **items, size_t *cap, size_t count, size_t size) {
  if (count < *cap) return 1;
  size_t n = *cap ? 2 * *cap : 32;
  void *p = realloc(*items, n * size);
  if (!p) return 0;
  *items = p;
  *cap = n;
  return 1;
}

typedef struct compile_ctx {
  const orb_world *w;
  const orb_dyn_inputs *in;
  orb_dyn_model *m;
  int *pole_of;      /* [actor]: pole index of the actor or of its institution's leader, -1 */
  int32_t *pair_of;  /* [actor * P + pole]: pair index, -1 */
  size_t action_cap, test_cap, obs_cap;
} compile_ctx;

static int add_action(compile_ctx *c, long month, int32_t pair, int kind) {
  orb_dyn_model *m = c->m;
  if (pair < 0 || month < 0 || month >= (long)m->months) return 1;
  if (!grow((void **)&m->actions, &c->action_cap, m->action_count, sizeof *m->actions)) return 0;
  m->actions[m->action_count++] = (dyn_action){(uint32_t)month, (uint32_t)pair, (uint32_t)kind};
  return 1;
}

/* The pair of (state a, the pole of actor b), or -1. */
static int32_t pair_with(const compile_ctx *c, size_t a, size_t b) {
  if (a == ORB_NONE || b == ORB_NONE || c->pole_of[b] < 0) return -1;
  return c->pair_of[a * c->m->poles + (size_t)c->pole_of[b]];
}

/* 1 when the pole (itself or an institution it leads) answers state s with help
 * (aid given, troops deployed) in the test window after month: the rule by which
 * a request is honoured (docs/MODEL.md, "Credibility"). */
static int pole_answered(const compile_ctx *c, int pole, size_t s, long month) {
  for (size_t j = 0; j < c->in->event_count; j++) {
    const orb_dyn_event *f = &c->in->events[j];
    long fm = event_month(c->m, f);
    if (fm < month || fm > month + DYN_TEST_WINDOW_MONTHS || f->target != s ||
        f->source == ORB_NONE || c->pole_of[f->source] != pole)
      continue;
    if (f->type == ORB_EV_AID_GIVEN || f->type == ORB_EV_TROOP_DEPLOYMENT) return 1;
  }
  return 0;
}

/* Events to alignment impulses and security shocks (docs/MODEL.md, "Alignment",
 * lists the classes). A state's alignment is its own conduct: its acts toward the
 * pole (or the pole's institution) count in every class; the pole's acts toward
 * it count when they are joint (meetings, agreements, cooperation), help (aid,
 * troops deployed) or force (attack, border clash, annexation); the pole's words
 * and pressure (condemning, protesting, sanctioning, threatening, refusing aid,
 * suspending the state) are its own stance and no impulse on the state's. A
 * state's request for help is an impulse by its outcome: honoured, the answer's
 * help is the cooperation; ignored, the requester distances itself. */
static int compile_actions(compile_ctx *c) {
  for (size_t i = 0; i < c->in->event_count; i++) {
    const orb_dyn_event *e = &c->in->events[i];
    if (e->target == ORB_NONE) continue;
    long month = event_month(c->m, e);
    int32_t pole_to_state = pair_with(c, e->target, e->source); /* source is the pole side */
    int32_t state_to_pole = pair_with(c, e->source, e->target);
    const int by_pole = pole_to_state >= 0;
    int32_t pair = by_pole ? pole_to_state : state_to_pole;
    int kind = -1;
    switch (e->type) {
    case ORB_EV_MEETING: case ORB_EV_COOPERATE: case ORB_EV_SIGN_AGREEMENT:
    case ORB_EV_AID_GIVEN: case ORB_EV_JOIN_INSTITUTION:
      kind = ACT_COOP; break;
    case ORB_EV_ATTACK: case ORB_EV_BORDER_CLASH: case ORB_EV_ANNEX:
      kind = ACT_CONFLICT; break;
    case ORB_EV_CONDEMN: case ORB_EV_PROTEST: case ORB_EV_SANCTION: case ORB_EV_THREATEN:
    case ORB_EV_REFUSE_RECOGNISE:
      if (!by_pole) kind = ACT_CONFLICT;
      break;
    case ORB_EV_ABSTAIN: case ORB_EV_AID_REFUSED: case ORB_EV_SUSPEND_MEMBERSHIP:
    case ORB_EV_LEAVE_INSTITUTION:
      if (!by_pole) kind = ACT_DISTANCE;
      break;
    case ORB_EV_REQUEST_AID:
      if (!by_pole && state_to_pole >= 0 &&
          !pole_answered(c, c->pole_of[e->target], e->source, month))
        kind = ACT_DISTANCE;
      break;
    case ORB_EV_TROOP_DEPLOYMENT:
      if (by_pole) {
        if (!add_action(c, month, pole_to_state, ACT_DEPLOY)) return 0;
        kind = ACT_COOP;
      }
      break;
    case ORB_EV_TROOP_WITHDRAWAL:
      if (by_pole && !add_action(c, month, pole_to_state, ACT_WITHDRAW)) return 0;
      break;
    default:
      break;
    }
    if (kind >= 0 && !add_action(c, month, pair, kind)) return 0;
  }
  return 1;
}

/* The date as far as the inputs know the world's structure: clamped to the end
 * of in->structure_to when the inputs are cut (orb_dyn_inputs_truncate). */
static orb_date structure_date(const orb_dyn_inputs *in, orb_date date) {
  if (!in->structure_to) return date;
  orb_date end = orb_date_from_ymd(in->structure_to, 12, 31);
  return date > end ? end : date;
}

/* The tie as known when the inputs are cut: values of later years and an end
 * after the cut unknown (a shallow copy; its values point into the world's). */
static orb_tie tie_known(const orb_dyn_inputs *in, const orb_tie *tie) {
  orb_tie t = *tie;
  if (!in->structure_to) return t;
  while (t.value_count && t.values[t.value_count - 1].year > in->structure_to) t.value_count--;
  if (t.ended != ORB_DATE_NONE && t.ended > structure_date(in, t.ended)) t.ended = ORB_DATE_NONE;
  return t;
}

/* Status weight of an actor in an institution on a date (member or suspended). */
static int at_risk(const orb_world *w, size_t inst, size_t actor, orb_date date) {
  orb_member_status s = orb_membership_at(w, inst, actor, date);
  return s == ORB_MEMBER || s == ORB_MEMBER_SUSPENDED;
}

static int is_member(const orb_world *w, size_t inst, size_t actor, orb_date date) {
  return orb_membership_at(w, inst, actor, date) == ORB_MEMBER;
}

/* Adds a test of slot's commitment in month (kind, share honoured, the member
 * tested or ORB_NONE) with its text for --list-tests; 0 when out of memory. */
static int add_test(compile_ctx *c, long month, size_t slot, int kind, double honoured,
                    size_t member, const orb_dyn_event *e) {
  orb_dyn_model *m = c->m;
  if (month < 0 || month >= (long)m->months) return 1;
  size_t old_cap = c->test_cap;
  if (!grow((void **)&m->tests, &c->test_cap, m->test_count, sizeof *m->tests)) return 0;
  if (c->test_cap != old_cap) {
    char **t = realloc(m->test_text, c->test_cap * sizeof *t);
    if (!t) return 0;
    m->test_text = t;
  }
  static const char *const kinds[] = {"request", "aggression", "leader attacked"};
  char text[200];
  snprintf(text, sizeof text, "%s %s: %s, %.0f%% honoured",
           c->w->actors[c->w->institutions[m->slot_institution[slot]].actor].id, e->id,
           kinds[kind], 100.0 * honoured);
  m->test_text[m->test_count] = strdup(text);
  if (!m->test_text[m->test_count]) return 0;
  m->tests[m->test_count++] = (dyn_test){(uint32_t)month, (uint32_t)slot, (uint32_t)kind,
                                         (float)honoured,
                                         member == ORB_NONE ? UINT32_MAX : (uint32_t)member};
  return 1;
}

/* Tests of mutual-defence commitments (docs/MODEL.md, "Credibility"). */
static int compile_tests(compile_ctx *c) {
  const orb_world *w = c->w;
  const orb_dyn_inputs *in = c->in;
  for (size_t slot = 0; slot < c->m->slots; slot++) {
    size_t ii = c->m->slot_institution[slot];
    const orb_institution *inst = &w->institutions[ii];
    for (size_t i = 0; i < in->event_count; i++) {
      const orb_dyn_event *e = &in->events[i];
      long month = event_month(c->m, e);
      if (e->type == ORB_EV_REQUEST_AID && e->target != ORB_NONE &&
          (e->target == inst->actor || e->target == inst->leader) &&
          e->source != inst->leader && at_risk(w, ii, e->source, e->date)) {
        if (!add_test(c, month, slot, TEST_REQUEST,
                      pole_answered(c, c->pole_of[inst->actor], e->source, month),
                      e->source, e))
          return 0;
      } else if ((e->type == ORB_EV_ATTACK || e->type == ORB_EV_BORDER_CLASH) &&
                 e->target != ORB_NONE && is_member(w, ii, e->target, e->date) &&
                 !at_risk(w, ii, e->source, e->date)) {
        if (e->target != inst->leader) {
          int requested = 0; /* a request in the window is the test instead */
          for (size_t j = 0; j < in->event_count && !requested; j++) {
            const orb_dyn_event *f = &in->events[j];
            long fm = event_month(c->m, f);
            requested = f->type == ORB_EV_REQUEST_AID && f->source == e->target &&
                        (f->target == inst->actor || f->target == inst->leader) &&
                        fm >= month && fm <= month + DYN_TEST_WINDOW_MONTHS;
          }
          if (!requested &&
              !add_test(c, month, slot, TEST_AGGRESSION,
                        pole_answered(c, c->pole_of[inst->actor], e->target, month),
                        e->target, e))
            return 0;
        } else { /* the leader attacked: do the other members stand by it? */
          double stood = 0, failed = 0;
          for (size_t j = 0; j < in->event_count; j++) {
            const orb_dyn_event *f = &in->events[j];
            long fm = event_month(c->m, f);
            if (fm < month || fm > month + DYN_TEST_WINDOW_MONTHS || f->target != inst->leader ||
                f->source == inst->leader || !is_member(w, ii, f->source, f->date))
              continue;
            if (f->type == ORB_EV_AID_GIVEN || f->type == ORB_EV_TROOP_DEPLOYMENT ||
                f->type == ORB_EV_COOPERATE)
              stood++;
            else if (f->type == ORB_EV_ABSTAIN || f->type == ORB_EV_CONDEMN ||
                     f->type == ORB_EV_REFUSE_RECOGNISE || f->type == ORB_EV_PROTEST ||
                     f->type == ORB_EV_SANCTION || f->type == ORB_EV_AID_REFUSED)
              failed++;
          }
          double share = stood + failed > 0 ? stood / (stood + failed) : 0.0;
          if (!add_test(c, month, slot, TEST_LEADER, share, ORB_NONE, e)) return 0;
        }
      }
    }
  }
  return 1;
}

/* Channel values of every pair and month from the ties and memberships; 0 when
 * out of memory. */
static int compile_channels(compile_ctx *c) {
  const orb_world *w = c->w;
  orb_dyn_model *m = c->m;
  size_t M = m->months;
  float *sum[3] = {m->econ, m->sec, m->soc};
  float *cnt = calloc(dyn_nz(3 * m->pairs * M), sizeof *cnt);
  int *last_econ = calloc(dyn_nz(m->states), sizeof *last_econ);
  if (!cnt || !last_econ) {
    free(cnt);
    free(last_econ);
    return 0;
  }
  for (size_t t = 0; t < w->tie_count; t++) {
    const orb_tie known = tie_known(c->in, &w->ties[t]), *tie = &known;
    int ch = tie_channel(tie->type);
    int32_t pair = pair_with(c, tie->from, tie->to);
    if (ch == CH_NONE || pair < 0) continue;
    for (size_t k = 0; k < M; k++) {
      const orb_figure *v = NULL;
      orb_tie_state s = orb_tie_at(tie, m->dates[k], &v);
      sum[ch][k * m->pairs + (size_t)pair] += s == ORB_TIE_ENDED || !v ? 0.0f : (float)v->value;
      cnt[(size_t)ch * m->pairs * M + k * m->pairs + (size_t)pair] += 1;
    }
    if (ch == CH_ECON)
      for (size_t s = 0; s < m->states; s++)
        if ((uint32_t)pair >= m->state_first[s] && (uint32_t)pair < m->state_first[s + 1])
          for (size_t v = 0; v < tie->value_count; v++)
            if (tie->values[v].year > last_econ[s]) last_econ[s] = tie->values[v].year;
  }
  for (int ch = 0; ch < 3; ch++)
    for (size_t k = 0; k < m->pairs * M; k++)
      if (cnt[(size_t)ch * m->pairs * M + k] > 0) sum[ch][k] /= cnt[(size_t)ch * m->pairs * M + k];
  for (size_t s = 0; s < m->states; s++) {
    long start = last_econ[s]
                     ? (long)(last_econ[s] + 1 - m->first_year) * 12 - m->first_month
                     : (long)M;
    m->state_drift[s] = (uint32_t)(start < 0 ? 0 : start > (long)M ? (long)M : start);
  }
  /* institutions: the share of the pole's institutions the state belongs to */
  for (size_t p = 0; p < m->poles; p++) {
    size_t led = 0;
    for (size_t i = 0; i < w->institution_count; i++)
      led += c->pole_of[w->institutions[i].actor] == (int)p;
    if (!led) continue;
    for (size_t pair = 0; pair < m->pairs; pair++) {
      if (m->pair_pole[pair] != p) continue;
      for (size_t i = 0; i < w->institution_count; i++) {
        if (c->pole_of[w->institutions[i].actor] != (int)p) continue;
        for (size_t k = 0; k < M; k++) {
          orb_member_status st = orb_membership_at(w, i, m->pair_state[pair],
                                                   structure_date(c->in, m->dates[k]));
          float v = st == ORB_MEMBER ? 1.0f : st == ORB_MEMBER_SUSPENDED ? 0.5f
                  : st == ORB_OBSERVER ? 0.25f : 0.0f;
          m->inst[k * m->pairs + pair] += v / (float)led;
        }
      }
    }
  }
  free(cnt);
  free(last_econ);
  return 1;
}

/* Sorts items (each starting with a uint32_t month) by month, stably (insertion
 * sort: the lists are short and nearly sorted), moving texts[] (may be NULL) along. */
static void sort_by_month(void *items, size_t count, size_t size, char **texts) {
  unsigned char *base = items, tmp[64];
  for (size_t i = 1; i < count; i++) {
    uint32_t month;
    memcpy(&month, base + i * size, sizeof month);
    memcpy(tmp, base + i * size, size);
    char *text = texts ? texts[i] : NULL;
    size_t j = i;
    for (; j > 0; j--) {
      uint32_t prev;
      memcpy(&prev, base + (j - 1) * size, sizeof prev);
      if (prev <= month) break;
      memcpy(base + j * size, base + (j - 1) * size, size);
      if (texts) texts[j] = texts[j - 1];
    }
    memcpy(base + j * size, tmp, size);
    if (texts) texts[j] = text;
  }
}

/* The record of institution inst up to each month of the model (exits[M],
 * years[M], caller-allocated): exits and suspensions (a member that is no longer a
 * full member the next month) and member-years of full membership, from the
 * world's first month, as far as the inputs know the world's structure; the
 * leader is not counted (docs/MODEL.md, "Exit hazard"). */
static void institution_record(const compile_ctx *c, size_t inst, float *exits, float *years) {
  const orb_world *w = c->w;
  const orb_dyn_model *m = c->m;
  const orb_institution *in = &w->institutions[inst];
  int sy, sm;
  orb_date_to_ymd(w->start, &sy, &sm, NULL);
  const long first = (long)sy * 12 + (sm - 1), model_first = (long)m->first_year * 12 + m->first_month;
  double n = 0, t = 0;
  orb_date prev = ORB_DATE_NONE; /* the month before, once there is one */
  for (long mm = first < model_first ? first : model_first; mm < model_first + (long)m->months;
       mm++) {
    const orb_date d = structure_date(c->in, orb_date_from_ymd((int)(mm / 12), (int)(mm % 12) + 1, 1));
    for (size_t q = 0; q < in->member_count; q++) {
      const size_t s = in->members[q].actor;
      int dup = 0;
      for (size_t qq = 0; qq < q; qq++) dup |= in->members[qq].actor == s;
      if (dup || s == in->leader) continue; /* the leader is not at risk */
      if (is_member(w, inst, s, d)) t += 1.0 / 12;
      else if (prev != ORB_DATE_NONE) n += is_member(w, inst, s, prev);
    }
    prev = d;
    if (mm >= model_first) exits[mm - model_first] = (float)n, years[mm - model_first] = (float)t;
  }
}

static int set_name(orb_dyn_model *m, size_t k, const char *a, const char *b, const char *c2) {
  char buf[128];
  snprintf(buf, sizeof buf, "%s:%s%s%s", a, b, c2 ? ":" : "", c2 ? c2 : "");
  m->series_name[k] = strdup(buf);
  return m->series_name[k] != NULL;
}

orb_status orb_dyn_model_new(const orb_world *w, const orb_dyn_inputs *in, orb_date from,
                             orb_date to, orb_dyn_model **out, orb_diags *diags) {
  *out = NULL;
  int fy, fm, ty, tm, sy, sm, ey, em;
  orb_date_to_ymd(from, &fy, &fm, NULL);
  orb_date_to_ymd(to, &ty, &tm, NULL);
  orb_date_to_ymd(w->start, &sy, &sm, NULL);
  orb_date_to_ymd(w->end, &ey, &em, NULL);
  char a[11], b[11];
  orb_date_format(w->start, ORB_PREC_MONTH, a);
  orb_date_format(w->end, ORB_PREC_MONTH, b);
  if (fy * 12 + fm < sy * 12 + sm || ty * 12 + tm > ey * 12 + em) {
    orb_diags_add(diags, w->path, 0, 0, "months %04d-%02d to %04d-%02d: outside the world, "
                  "which describes %s to %s", fy, fm, ty, tm, a, b);
    return ORB_EINVAL;
  }
  if (ty * 12 + tm < fy * 12 + fm) {
    orb_diags_add(diags, w->path, 0, 0, "the first month %04d-%02d is after the last %04d-%02d",
                  fy, fm, ty, tm);
    return ORB_EINVAL;
  }
  if (in->actor_count != w->actor_count) {
    orb_diags_add(diags, w->path, 0, 0, "inputs are for another world");
    return ORB_EINVAL;
  }
  orb_dyn_model *m = calloc(1, sizeof *m);
  compile_ctx c = {.w = w, .in = in, .m = m};
  if (!m) return ORB_ENOMEM;
  const size_t n = w->actor_count, P = in->pole_count;
  m->months = (size_t)((ty * 12 + tm) - (fy * 12 + fm) + 1);
  m->first_year = fy;
  const size_t M = m->months;
  m->first_month = fm - 1;
  m->dates = malloc(M * sizeof *m->dates);
  m->poles = P;
  m->pole_actor = malloc(dyn_nz(P) * sizeof *m->pole_actor);
  m->pole_slot = malloc(dyn_nz(P) * sizeof *m->pole_slot);
  m->logcap = malloc(dyn_nz(P * M) * sizeof *m->logcap);
  m->logmass = malloc(dyn_nz(P * M) * sizeof *m->logmass);
  c.pole_of = malloc(dyn_nz(n) * sizeof *c.pole_of);
  c.pair_of = malloc(dyn_nz(n * P) * sizeof *c.pair_of);
  m->slot_institution = malloc(dyn_nz(w->institution_count) *
                               sizeof *m->slot_institution);
  orb_status st = ORB_ENOMEM;
  if (!m->dates || !m->pole_actor || !m->pole_slot || !m->logcap || !m->logmass ||
      !c.pole_of || !c.pair_of || !m->slot_institution)
    goto fail;
  for (size_t k = 0; k < M; k++) {
    int mm = fm - 1 + (int)k;
    m->dates[k] = orb_date_from_ymd(fy + mm / 12, mm % 12 + 1, 1);
  }
  memcpy(m->pole_actor, in->poles, P * sizeof *m->pole_actor);
  for (size_t a2 = 0; a2 < n; a2++) c.pole_of[a2] = -1;
  for (size_t p = 0; p < P; p++) c.pole_of[in->poles[p]] = (int)p;
  for (size_t i = 0; i < w->institution_count; i++) {
    const orb_institution *inst = &w->institutions[i];
    if (inst->leader != ORB_NONE && c.pole_of[inst->leader] >= 0)
      c.pole_of[inst->actor] = c.pole_of[inst->leader];
  }
  /* credibility slots: mutual-defence institutions led by a pole */
  for (size_t p = 0; p < P; p++) m->pole_slot[p] = -1;
  for (size_t i = 0; i < w->institution_count; i++) {
    const orb_institution *inst = &w->institutions[i];
    const orb_commitment_info *commitment = orb_commitment_get(inst->commitment);
    if (!commitment || !commitment->defence || inst->leader == ORB_NONE ||
        c.pole_of[inst->leader] < 0)
      continue;
    if (m->pole_slot[c.pole_of[inst->leader]] < 0)
      m->pole_slot[c.pole_of[inst->leader]] = (int32_t)m->slots;
    m->slot_institution[m->slots++] = i;
  }
  /* pairs: a state (not a pole) with a tie to a pole or a membership of its institution */
  unsigned char *linked = calloc(dyn_nz(n * P), 1);
  if (!linked) goto fail;
  for (size_t t = 0; t < w->tie_count; t++) {
    const orb_tie *tie = &w->ties[t];
    if (tie_channel(tie->type) != CH_NONE && c.pole_of[tie->to] >= 0)
      linked[tie->from * P + (size_t)c.pole_of[tie->to]] = 1;
  }
  for (size_t i = 0; i < w->institution_count; i++) {
    const orb_institution *inst = &w->institutions[i];
    if (c.pole_of[inst->actor] < 0) continue;
    for (size_t k = 0; k < inst->member_count; k++)
      linked[inst->members[k].actor * P + (size_t)c.pole_of[inst->actor]] = 1;
  }
  for (size_t a2 = 0; a2 < n * P; a2++) c.pair_of[a2] = -1;
  size_t pairs = 0, states = 0;
  for (size_t s = 0; s < n; s++) {
    if (w->actors[s].kind != ORB_ACTOR_STATE || c.pole_of[s] >= 0) continue;
    int any = 0;
    for (size_t p = 0; p < P; p++)
      if (linked[s * P + p]) c.pair_of[s * P + p] = (int32_t)pairs++, any = 1;
    states += any;
  }
  free(linked);
  m->pairs = pairs;
  m->states = states;
  m->pair_state = malloc(dyn_nz(pairs) * sizeof *m->pair_state);
  m->pair_pole = malloc(dyn_nz(pairs) * sizeof *m->pair_pole);
  m->pair_slot = malloc(dyn_nz(pairs) * sizeof *m->pair_slot);
  m->state_first = malloc((states + 1) * sizeof *m->state_first);
  m->state_drift = malloc(dyn_nz(states) * sizeof *m->state_drift);
  m->econ = calloc(dyn_nz(pairs * M), sizeof *m->econ);
  m->sec = calloc(dyn_nz(pairs * M), sizeof *m->sec);
  m->soc = calloc(dyn_nz(pairs * M), sizeof *m->soc);
  m->inst = calloc(dyn_nz(pairs * M), sizeof *m->inst);
  if (!m->pair_state || !m->pair_pole || !m->pair_slot || !m->state_first ||
      !m->state_drift || !m->econ || !m->sec || !m->soc || !m->inst)
    goto fail;
  states = 0;
  for (size_t s = 0; s < n; s++) {
    int first = 1;
    for (size_t p = 0; p < P; p++) {
      int32_t k = c.pair_of[s * P + p];
      if (k < 0) continue;
      if (first) m->state_first[states++] = (uint32_t)k, first = 0;
      m->pair_state[k] = (uint32_t)s;
      m->pair_pole[k] = (uint32_t)p;
      m->pair_slot[k] = m->pole_slot[p];
      for (size_t sl = 0; sl < m->slots; sl++) { /* the alliance the state belongs to */
        size_t ii = m->slot_institution[sl];
        if (c.pole_of[w->institutions[ii].actor] != (int)p) continue;
        for (size_t q = 0; q < w->institutions[ii].member_count; q++)
          if (w->institutions[ii].members[q].actor == s) m->pair_slot[k] = (int32_t)sl;
      }
    }
  }
  m->state_first[states] = (uint32_t)pairs;
  if (!compile_channels(&c)) goto fail;
  /* capability and mass of each pole per month; conflict per year */
  for (size_t p = 0; p < P; p++)
    for (size_t k = 0; k < M; k++) {
      int y;
      orb_date_to_ymd(m->dates[k], &y, NULL, NULL);
      double cap = persisted(in, in->capability, in->poles[p], y);
      double mass = persisted(in, in->mass, in->poles[p], y);
      m->logcap[p * M + k] = cap > 0 ? log(cap) : NAN;
      m->logmass[p * M + k] = mass > 0 ? log(mass) : -INFINITY; /* exp(eta * -inf) = 0 */
    }
  m->conflict_years = ty - fy + 1;
  m->conflict = malloc(dyn_nz(P * (size_t)m->conflict_years) * sizeof *m->conflict);
  double *conflict = in->conflict;
  double *derived = NULL;
  if (in->conflict_from_events) {
    derived = malloc(dyn_nz(n * (size_t)in->year_count) * sizeof *derived);
    if (!derived) goto fail;
    dyn_fill_conflict(w, in, derived);
    conflict = derived;
  }
  if (!m->conflict) {
    free(derived);
    goto fail;
  }
  for (size_t p = 0; p < P; p++)
    for (int y = 0; y < m->conflict_years; y++) {
      int yi = fy + y - in->first_year;
      m->conflict[p * (size_t)m->conflict_years + (size_t)y] =
          yi >= 0 && yi < in->year_count
              ? (float)conflict[in->poles[p] * (size_t)in->year_count + (size_t)yi]
              : (yi < 0 ? 0.0f : NAN);
    }
  free(derived);
  if (!compile_tests(&c) || !compile_actions(&c)) goto fail;
  sort_by_month(m->tests, m->test_count, sizeof *m->tests, m->test_text);
  sort_by_month(m->actions, m->action_count, sizeof *m->actions, NULL);
  /* revealed alignments, assimilated in December of their year */
  for (size_t k = 0; k < pairs; k++)
    for (int y = 0; y < in->year_count; y++) {
      double v = in->alignment[(m->pair_state[k] * P + m->pair_pole[k]) * (size_t)in->year_count +
                               (size_t)y];
      long month = (long)(in->first_year + y - fy) * 12 + 11 - (fm - 1);
      if (isnan(v) || month < 0 || month >= (long)M) continue;
      if (!grow((void **)&m->obs, &c.obs_cap, m->obs_count, sizeof *m->obs)) goto fail;
      const size_t cell = (m->pair_state[k] * P + m->pair_pole[k]) * (size_t)in->year_count +
                          (size_t)y;
      const double nv = in->alignment_votes ? in->alignment_votes[cell] : 0;
      const double vv = in->alignment_var ? in->alignment_var[cell] : NAN;
      m->obs[m->obs_count++] = (dyn_obs){(uint32_t)month, (uint32_t)k, (float)v, (float)nv,
                                         (float)vv};
    }
  sort_by_month(m->obs, m->obs_count, sizeof *m->obs, NULL);
  /* exits: members of institutions led by a pole */
  size_t exit_cap = 0;
  for (size_t i = 0; i < w->institution_count; i++) {
    const orb_institution *inst = &w->institutions[i];
    if (c.pole_of[inst->actor] < 0) continue;
    int p = c.pole_of[inst->actor];
    int32_t slot = m->pole_slot[p];
    for (size_t sl = 0; sl < m->slots; sl++) if (m->slot_institution[sl] == i) slot = (int32_t)sl;
    const size_t first_exit = m->exit_count; /* the institution's first exit series */
    for (size_t q = 0; q < inst->member_count; q++) {
      size_t s = inst->members[q].actor;
      int32_t pair = c.pair_of[s * P + (size_t)p];
      if (pair < 0 || inst->members[q].role != ORB_ROLE_MEMBER) continue;
      int dup = 0;
      for (size_t qq = 0; qq < q; qq++) dup |= inst->members[qq].actor == s;
      if (dup) continue;
      if (!grow((void **)&m->exits, &exit_cap, m->exit_count, sizeof *m->exits)) goto fail;
      dyn_exit *x = &m->exits[m->exit_count];
      x->pair = (uint32_t)pair;
      x->institution = (uint32_t)i;
      x->slot = slot;
      x->at_risk = malloc(M);
      x->exits = malloc(M * sizeof *x->exits);
      x->years = malloc(M * sizeof *x->years);
      m->exit_count++;
      if (!x->at_risk || !x->exits || !x->years) goto fail;
      if (first_exit < m->exit_count - 1) { /* the institution's record, once */
        memcpy(x->exits, m->exits[first_exit].exits, M * sizeof *x->exits);
        memcpy(x->years, m->exits[first_exit].years, M * sizeof *x->years);
      } else {
        institution_record(&c, i, x->exits, x->years);
      }
      for (size_t k = 0; k < M; k++)
        x->at_risk[k] = (uint8_t)at_risk(w, i, s, structure_date(in, m->dates[k]));
    }
  }
  m->pair_has_exit = calloc(dyn_nz(pairs), 1);
  if (!m->pair_has_exit) goto fail;
  for (size_t e = 0; e < m->exit_count; e++) m->pair_has_exit[m->exits[e].pair] = 1;
  m->drift_from = M;
  for (size_t st2 = 0; st2 < m->states; st2++)
    if (m->state_drift[st2] < m->drift_from) m->drift_from = m->state_drift[st2];
  /* series names */
  m->series = P + m->slots + 2 * pairs + m->exit_count;
  m->series_name = calloc(m->series, sizeof *m->series_name);
  if (!m->series_name) goto fail;
  size_t k = 0;
  for (size_t p = 0; p < P; p++)
    if (!set_name(m, k++, "capacity", w->actors[m->pole_actor[p]].id, NULL)) goto fail;
  for (size_t sl = 0; sl < m->slots; sl++)
    if (!set_name(m, k++, "credibility",
                  w->actors[w->institutions[m->slot_institution[sl]].actor].id, NULL)) goto fail;
  for (size_t q = 0; q < pairs; q++)
    if (!set_name(m, k++, "leverage", w->actors[m->pole_actor[m->pair_pole[q]]].id,
                  w->actors[m->pair_state[q]].id)) goto fail;
  for (size_t q = 0; q < pairs; q++)
    if (!set_name(m, k++, "alignment", w->actors[m->pair_state[q]].id,
                  w->actors[m->pole_actor[m->pair_pole[q]]].id)) goto fail;
  /* exit names: member state and institution of each exit */
  for (size_t e = 0; e < m->exit_count; e++) {
    const dyn_exit *x = &m->exits[e];
    const orb_institution *inst = &w->institutions[x->institution];
    if (!set_name(m, k++, "exit", w->actors[m->pair_state[x->pair]].id,
                  w->actors[inst->actor].id)) goto fail;
  }
  free(c.pole_of);
  free(c.pair_of);
  *out = m;
  return ORB_OK;
fail:
  free(c.pole_of);
  free(c.pair_of);
  orb_dyn_model_free(m);
  return st;
}

size_t orb_dyn_month_count(const orb_dyn_model *m) { return m->months; }
orb_date orb_dyn_month_date(const orb_dyn_model *m, size_t k) { return m->dates[k]; }
size_t orb_dyn_series_count(const orb_dyn_model *m) { return m->series; }
const char *orb_dyn_series_name(const orb_dyn_model *m, size_t k) { return m->series_name[k]; }

size_t orb_dyn_series_find(const orb_dyn_model *m, const char *name) {
  for (size_t k = 0; k < m->series; k++)
    if (strcmp(m->series_name[k], name) == 0) return k;
  return ORB_NONE;
}

const char *const *orb_dyn_tests(const orb_dyn_model *m, size_t *count) {
  *count = m->test_count;
  return (const char *const *)m->test_text;
}

/* ---- one run ---------------------------------------------------------------------- */

/* A run's state, for W runs at once (DYN_LANES in an ensemble, 1 for orb_dyn_run):
 * every value is a row of lanes, x[i * W + lane], so each statement of the month
 * is a loop over the lanes that the compiler turns into vector instructions
 * (docs/MODEL.md, "Speed of the ensemble: runs in lanes"). Small; it lives on the
 * stack up to RUN_STACK doubles (64 KiB: the built-in world's eight lanes need
 * 4,224) and on the heap beyond (rare: worlds with hundreds of actors). */
enum { RUN_STACK = 8192 };
typedef struct run_state {
  double *a, *b, *cred;        /* [slots] */
  double *burden, *rel, *gravity; /* [poles]; gravity: economic mass^eta */
  double *econ, *z, *align, *impulse, *lev; /* [pairs] */
  double *index;               /* [pairs]: structural index of the month */
  double *level, *anchor_index, *weight, *anchor_var, *anchor_month; /* [pairs]: the anchor
                                                                       (dyn_anchor) */
  double *own_a, *own_b;       /* [exits]: a member's own tests of its institution */
  double *own_any;             /* [exits], not lanes: 1 once the member had a test */
  double *common, *obs_w, *obs_wx, *obs_n; /* [poles]: common level, a month's sums */
  double *memo; /* [2 poles] pairs (argument, exp of it): the last exp of each */
} run_state;

/* Doubles of a run_state of m, per lane. */
static size_t run_state_size(const orb_dyn_model *m) {
  return 3 * m->slots + 11 * m->poles + 11 * m->pairs + 3 * m->exit_count; /* memo: 4 P */
}
/* The run_state of W lanes laid out in mem[W * run_state_size(m)] (the caller's). */
static run_state run_state_at(const orb_dyn_model *m, double *mem, size_t W) {
  const size_t S = m->slots, P = m->poles, Q = m->pairs, E = m->exit_count;
  run_state r;
  double *next = mem;
  double **rows[] = {&r.a, &r.b, &r.cred};
  for (size_t i = 0; i < 3; i++) *rows[i] = next, next += S * W;
  double **poles[] = {&r.burden, &r.rel, &r.gravity, &r.common, &r.obs_w, &r.obs_wx, &r.obs_n};
  for (size_t i = 0; i < 7; i++) *poles[i] = next, next += P * W;
  double **pairs[] = {&r.econ, &r.z, &r.align, &r.impulse, &r.lev, &r.index, &r.level,
                      &r.anchor_index, &r.weight, &r.anchor_var, &r.anchor_month};
  for (size_t i = 0; i < 11; i++) *pairs[i] = next, next += Q * W;
  r.own_a = next, r.own_b = next + E * W, r.own_any = next + 2 * E * W, next += 3 * E * W;
  r.memo = next; /* 4 P W: capacity's exp memos, then gravity's */
  return r;
}

/* exp(x), from the memo pair m (the last argument, its exp) when x equals the last
 * argument (exp is a function: the same bits), else computed and remembered there.
 * A slowly converging state often repeats its argument from month to month. */
static inline double memo_exp(double x, double *m) {
  if (x == m[0]) return m[1];
  m[0] = x;
  return m[1] = exp(x);
}

/* Stores a row of lanes x[W] as floats at out[l][at], lanes l < `lanes`
 * (converted together; the stores unrolled for the usual full row). */
static inline void store_lanes(float *const *out, size_t lanes, size_t at, const double *x,
                               size_t W) {
  float f[DYN_LANES];
  for (size_t l = 0; l < W; l++) f[l] = (float)x[l];
  if (lanes == W)
    for (size_t l = 0; l < W; l++) out[l][at] = f[l];
  else
    for (size_t l = 0; l < lanes; l++) out[l][at] = f[l];
}

/* The parameters of the lanes' runs, each a row of lanes (the run's constants). */
typedef struct run_params {
  double mu[DYN_LANES], a0[DYN_LANES], b0[DYN_LANES], forget[DYN_LANES], wsmooth[DYN_LANES];
  double theta[DYN_LANES], gamma[DYN_LANES], missing[DYN_LANES];
  double we[DYN_LANES], ws[DYN_LANES], wi[DYN_LANES], wl[DYN_LANES];
  double drift[DYN_LANES], eta[DYN_LANES], cut[DYN_LANES], align_rate[DYN_LANES];
  double autonomy[DYN_LANES], slope[DYN_LANES], common_w[DYN_LANES], noise[DYN_LANES];
  double test_weight[3][DYN_LANES], own_w[DYN_LANES], persist[DYN_LANES];
  double beta_a[DYN_LANES], beta_k[DYN_LANES], prior_t[DYN_LANES], prior_n[DYN_LANES];
  double prior_rate[DYN_LANES];
} run_params;

/* The constants of lanes l < W from their parameters prm[l] (registry order). */
static void run_params_set(run_params *c, const double *const *prm, size_t W) {
  for (size_t l = 0; l < W; l++) {
    const double *p = prm[l];
    const double mu = p[P_CRED_MEAN], n0 = p[P_CRED_STRENGTH];
    c->mu[l] = mu, c->a0[l] = n0 * mu, c->b0[l] = n0 * (1 - mu);
    c->forget[l] = exp2(-1.0 / p[P_CRED_HALF_LIFE]);
    c->wsmooth[l] = 1 - exp(-1.0 / p[P_WAR_SMOOTH]);
    c->theta[l] = p[P_WAR_TIEDOWN], c->gamma[l] = p[P_CAP_ELASTICITY];
    c->missing[l] = p[P_CAP_MISSING];
    const double wsum = p[P_W_ECON] + p[P_W_SEC] + p[P_W_INST] + p[P_W_SOC];
    c->we[l] = p[P_W_ECON] / wsum, c->ws[l] = p[P_W_SEC] / wsum;
    c->wi[l] = p[P_W_INST] / wsum, c->wl[l] = p[P_W_SOC] / wsum;
    c->drift[l] = p[P_DRIFT_RATE] / 12.0, c->eta[l] = p[P_GRAVITY], c->cut[l] = p[P_REDEPLOY];
    c->align_rate[l] = 1 - exp2(-1.0 / p[P_ALIGN_HALF_LIFE]);
    c->autonomy[l] = p[P_AUTONOMY], c->slope[l] = p[P_ALIGN_SLOPE];
    c->common_w[l] = p[P_ALIGN_COMMON], c->noise[l] = p[P_ALIGN_VOTE_NOISE];
    c->test_weight[TEST_REQUEST][l] = 1.0;
    c->test_weight[TEST_AGGRESSION][l] = p[P_W_AGGRESSION];
    c->test_weight[TEST_LEADER][l] = p[P_W_LEADER];
    c->own_w[l] = p[P_EXIT_OWN_TESTS];
    c->persist[l] = floor(p[P_WAR_PERSIST] + 0.5);
    c->beta_a[l] = p[P_EXIT_ALIGN], c->beta_k[l] = p[P_EXIT_CRED];
    c->prior_t[l] = p[P_EXIT_PRIOR_YEARS], c->prior_n[l] = p[P_EXIT_PRIOR_RATE] * c->prior_t[l];
    c->prior_rate[l] = p[P_EXIT_PRIOR_RATE];
  }
}

/* The exit hazards of month k (docs/MODEL.md, "Exit hazard") of every lane into
 * its out[lane] (lanes < `lanes`), exits of one institution after another: each
 * member's against the mean alignment of its fellow members at risk on the same
 * scale (with an anchor or without), the institution's base rate from its own
 * record and a prior, and the credibility of its commitment with the member's own
 * tests added (a + own_a / (a + own_a + b + own_b), once it had one). Inlined into dyn_run_lanes, so
 * that it is compiled for the same vector width. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline void exit_hazards(const orb_dyn_model *m, const run_params *c, const run_state *r,
                                size_t k, float *const *out, size_t lanes, size_t W) {
  const size_t M = m->months, off = dyn_series_exit(m) * M;
  for (size_t e0 = 0, e1; e0 < m->exit_count; e0 = e1) {
    double sum0[DYN_LANES] = {0}, sum1[DYN_LANES] = {0};
    double cnt0[DYN_LANES] = {0}, cnt1[DYN_LANES] = {0};
    for (e1 = e0; e1 < m->exit_count && m->exits[e1].institution == m->exits[e0].institution; e1++)
      if (m->exits[e1].at_risk[k]) {
        const size_t q = m->exits[e1].pair;
        #pragma omp simd
        for (size_t l = 0; l < W; l++) {
          const double a = r->align[q * W + l], one = r->weight[q * W + l] > 0;
          sum1[l] += one ? a : 0.0, cnt1[l] += one;
          sum0[l] += one ? 0.0 : a, cnt0[l] += 1 - one;
        }
      }
    /* the institution's record (one copy for all its exits) and base rate */
    const dyn_exit *x0 = &m->exits[e0];
    double h0[DYN_LANES], cred_term[DYN_LANES]; /* and the credibility term of its members */
    #pragma omp simd
    for (size_t l = 0; l < W; l++) {
      const double t = c->prior_t[l] + x0->years[k];
      h0[l] = t > 0 ? (c->prior_n[l] + x0->exits[k]) / t : c->prior_rate[l];
      const double kappa = x0->slot >= 0 ? r->cred[x0->slot * W + l] : c->mu[l];
      cred_term[l] = c->beta_k[l] * (c->mu[l] - kappa) / c->mu[l];
    }
    for (size_t e = e0; e < e1; e++) {
      const dyn_exit *x = &m->exits[e];
      if (!x->at_risk[k]) {
        for (size_t l = 0; l < lanes; l++) out[l][off + e * M + k] = 0.0f;
        continue;
      }
      const size_t q = x->pair;
      double h[DYN_LANES], kterm[DYN_LANES];
      if (r->own_any[e] != 0) { /* the member's own tests (x->slot >= 0) */
        #pragma omp simd
        for (size_t l = 0; l < W; l++) {
          const double ca = r->a[x->slot * W + l] + r->own_a[e * W + l];
          const double cb = r->b[x->slot * W + l] + r->own_b[e * W + l];
          kterm[l] = c->beta_k[l] * (c->mu[l] - ca / (ca + cb)) / c->mu[l];
        }
      } else {
        for (size_t l = 0; l < W; l++) kterm[l] = cred_term[l];
      }
      #pragma omp simd
      for (size_t l = 0; l < W; l++) { /* branch-free, so that it vectorises */
        const double a = r->align[q * W + l], one = r->weight[q * W + l] > 0;
        const double cnt = one ? cnt1[l] : cnt0[l], sum = one ? sum1[l] : sum0[l];
        /* the fellows' mean without the member, or the member itself when alone */
        const double center = (cnt > 1 ? sum - a : a) / (cnt > 1 ? cnt - 1 : 1.0);
        h[l] = h0[l] * dyn_exp(2 * c->beta_a[l] * (center - a) + kterm[l]);
      }
      store_lanes(out, lanes, off + e * M + k, h, W);
    }
  }
}

/* W runs at once (W <= DYN_LANES, a constant where it is inlined: dyn_run_lanes
 * with DYN_LANES, orb_dyn_run with 1), as dyn_run_lanes (dyn_internal.h): prm[l]
 * for every l < W, out[l] for l < lanes. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline void run_lanes(const orb_dyn_model *m, const double *const *prm,
                             float *const *out, size_t lanes, size_t W) {
  const size_t M = m->months, P = m->poles, S = m->slots, Q = m->pairs, E = m->exit_count;
  double stack[RUN_STACK];
  const size_t need = W * run_state_size(m);
  double *heap = need > RUN_STACK ? malloc(need * sizeof *heap) : NULL;
  if (need > RUN_STACK && !heap) { /* out of memory: runs of NANs, never a crash */
    for (size_t l = 0; l < lanes; l++)
      for (size_t k = 0; k < m->series * M; k++) out[l][k] = NAN;
    return;
  }
  run_state r = run_state_at(m, heap ? heap : stack, W);
  run_params c;
  run_params_set(&c, prm, W);
  /* both memos (capacity's, then gravity's: 4 P W) match nothing at first */
  for (size_t i = 0; i < 4 * P * W; i += 2) r.memo[i] = NAN;
  double *cap_memo = r.memo;
  double gravity[64 * DYN_LANES];
  for (size_t s = 0; s < S; s++)
    #pragma omp simd
    for (size_t l = 0; l < W; l++) r.a[s * W + l] = c.a0[l], r.b[s * W + l] = c.b0[l];
  for (size_t i = 0; i < E * W; i++) r.own_a[i] = r.own_b[i] = r.own_any[i] = 0;
  for (size_t p = 0; p < P; p++) {
    const float c0 = m->conflict[p * (size_t)m->conflict_years];
    #pragma omp simd
    for (size_t l = 0; l < W; l++) {
      r.burden[p * W + l] = isnan(c0) ? 0 : c0;
      r.common[p * W + l] = NAN;
    }
  }
  for (size_t q = 0; q < Q; q++)
    #pragma omp simd
    for (size_t l = 0; l < W; l++) {
      const size_t i = q * W + l;
      r.econ[i] = m->econ[q], r.z[i] = 1, r.align[i] = 0;
      r.level[i] = r.anchor_index[i] = r.weight[i] = r.anchor_var[i] = r.anchor_month[i] = 0;
    }
  size_t ti = 0, ai = 0, oi = 0;
  const size_t cap_off = dyn_series_capacity(m) * M, cred_off = dyn_series_credibility(m) * M;
  const size_t lev_off = dyn_series_leverage(m) * M, align_off = dyn_series_alignment(m) * M;
  for (size_t k = 0; k < M; k++) {
    const int y = (int)((k + (size_t)m->first_month) / 12); /* years since the first */
    /* credibility: forgetting toward the prior, then this month's tests */
    for (size_t s = 0; s < S; s++)
      #pragma omp simd
      for (size_t l = 0; l < W; l++) {
        r.a[s * W + l] = c.a0[l] + c.forget[l] * (r.a[s * W + l] - c.a0[l]);
        r.b[s * W + l] = c.b0[l] + c.forget[l] * (r.b[s * W + l] - c.b0[l]);
      }
    for (size_t e = 0; e < E; e++)
      #pragma omp simd
      for (size_t l = 0; l < W; l++)
        r.own_a[e * W + l] *= c.forget[l], r.own_b[e * W + l] *= c.forget[l];
    for (; ti < m->test_count && m->tests[ti].month == k; ti++) {
      const dyn_test *t = &m->tests[ti];
      #pragma omp simd
      for (size_t l = 0; l < W; l++) {
        r.a[t->slot * W + l] += c.test_weight[t->kind][l] * t->honoured;
        r.b[t->slot * W + l] += c.test_weight[t->kind][l] * (1 - t->honoured);
      }
      for (size_t e = 0; e < E; e++) /* the member's own test weighs again for it */
        if (m->exits[e].slot == (int32_t)t->slot && m->pair_state[m->exits[e].pair] == t->actor) {
          r.own_any[e] = 1;
          #pragma omp simd
          for (size_t l = 0; l < W; l++) {
            r.own_a[e * W + l] += c.own_w[l] * c.test_weight[t->kind][l] * t->honoured;
            r.own_b[e * W + l] += c.own_w[l] * c.test_weight[t->kind][l] * (1 - t->honoured);
          }
        }
    }
    for (size_t s = 0; s < S; s++) {
      #pragma omp simd
      for (size_t l = 0; l < W; l++)
        r.cred[s * W + l] = r.a[s * W + l] / (r.a[s * W + l] + r.b[s * W + l]);
      store_lanes(out, lanes, cred_off + s * M + k, &r.cred[s * W], W);
    }
    /* capacity: the burden of wars smoothed; free capability relative to the strongest */
    double best[DYN_LANES];
    #pragma omp simd
    for (size_t l = 0; l < W; l++) best[l] = -INFINITY;
    for (size_t p = 0; p < P; p++) {
      const float cy = m->conflict[p * (size_t)m->conflict_years + (size_t)y];
      float cl[DYN_LANES];
      #pragma omp simd
      for (size_t l = 0; l < W; l++) cl[l] = cy;
      if (isnan(cy)) { /* after the record: the last recorded year goes on for a while */
        int last = y;
        while (last > 0 && isnan(m->conflict[p * (size_t)m->conflict_years + (size_t)last])) last--;
        const float lc = m->conflict[p * (size_t)m->conflict_years + (size_t)last];
        #pragma omp simd
        for (size_t l = 0; l < W; l++) cl[l] = (!isnan(lc) && y - last <= c.persist[l]) ? lc : 0.0f;
      }
      #pragma omp simd
      for (size_t l = 0; l < W; l++) {
        double *burden = &r.burden[p * W + l];
        *burden += c.wsmooth[l] * (cl[l] - *burden);
        /* log of the free capability: log capability - theta * burden */
        const double logfree = m->logcap[p * M + k] - c.theta[l] * *burden;
        r.rel[p * W + l] = logfree;
        best[l] = logfree > best[l] ? logfree : best[l]; /* false for NAN */
      }
    }
    for (size_t p = 0; p < P; p++) {
      for (size_t l = 0; l < W; l++) {
        double *rel = &r.rel[p * W + l];
        *rel = isnan(*rel) || best[l] == -INFINITY
                   ? c.missing[l] * memo_exp(-c.theta[l] * r.burden[p * W + l],
                                             cap_memo + 2 * (p * W + l))
                   : memo_exp(c.gamma[l] * (*rel - best[l]), cap_memo + 2 * (p * W + l));
      }
      store_lanes(out, lanes, cap_off + p * M + k, &r.rel[p * W], W);
    }
    /* economic mass^eta of each pole, for the drift of ties */
    if (k >= m->drift_from)
      for (size_t p = 0; p < P; p++)
        for (size_t l = 0; l < W; l++)
          r.gravity[p * W + l] = memo_exp(c.eta[l] * m->logmass[p * M + k],
                                          r.memo + 2 * P * W + 2 * (p * W + l));
    /* events: security shocks and alignment impulses */
    for (size_t i = 0; i < Q * W; i++) r.impulse[i] = 0;
    for (; ai < m->action_count && m->actions[ai].month == k; ai++) {
      const dyn_action *act = &m->actions[ai];
      for (size_t l = 0; l < W; l++) {
        const size_t i = act->pair * W + l;
        if (act->kind == ACT_DEPLOY) r.z[i] /= (1 - c.cut[l]);
        else if (act->kind == ACT_WITHDRAW) r.z[i] *= (1 - c.cut[l]);
        else r.impulse[i] += dyn_align_impulse(prm[l], act->kind);
      }
    }
    /* ties, leverage and alignment, state by state */
    for (size_t st = 0; st < m->states; st++) {
      const size_t q0 = m->state_first[st], q1 = m->state_first[st + 1];
      if (k >= m->state_drift[st] && q1 - q0 <= 64) { /* drift toward gravity shares */
        double total[DYN_LANES] = {0}, norm[DYN_LANES] = {0}, share[DYN_LANES];
        for (size_t q = q0; q < q1; q++)
          #pragma omp simd
          for (size_t l = 0; l < W; l++) {
            const double g = r.econ[q * W + l] > 0 ? r.gravity[m->pair_pole[q] * W + l] : 0;
            gravity[(q - q0) * W + l] = g;
            total[l] += r.econ[q * W + l];
            norm[l] += g;
          }
        #pragma omp simd
        for (size_t l = 0; l < W; l++) share[l] = norm[l] > 0 ? total[l] / norm[l] : 0;
        for (size_t q = q0; q < q1; q++)
          #pragma omp simd
          for (size_t l = 0; l < W; l++) {
            double *econ = &r.econ[q * W + l];
            *econ = norm[l] > 0 ? *econ + c.drift[l] * (share[l] * gravity[(q - q0) * W + l] - *econ)
                                : *econ;
          }
      } else {
        for (size_t q = q0; q < q1; q++)
          #pragma omp simd
          for (size_t l = 0; l < W; l++) r.econ[q * W + l] = m->econ[k * Q + q];
      }
      double sum[DYN_LANES] = {0};
      for (size_t q = q0; q < q1; q++) {
        const int32_t slot = m->pair_slot[q];
        const size_t pole = m->pair_pole[q];
        #pragma omp simd
        for (size_t l = 0; l < W; l++) {
          const double kappa = slot >= 0 ? r.cred[(size_t)slot * W + l] : c.mu[l];
          double sec = m->sec[k * Q + q] * r.z[q * W + l];
          sec = sec > 1 ? 1 : sec;
          const double dep = c.we[l] * r.econ[q * W + l] + c.ws[l] * kappa * sec +
                             c.wi[l] * m->inst[k * Q + q] + c.wl[l] * m->soc[k * Q + q];
          r.lev[q * W + l] = r.rel[pole * W + l] * dep;
          sum[l] += r.lev[q * W + l];
        }
        store_lanes(out, lanes, lev_off + q * M + k, &r.lev[q * W], W);
      }
      for (size_t q = q0; q < q1; q++) /* the state's sum, for now */
        #pragma omp simd
        for (size_t l = 0; l < W; l++) r.index[q * W + l] = sum[l];
    }
    /* alignment of every pair (month 0 starts at the target) */
    for (size_t q = 0; q < Q; q++) {
      const size_t pole = m->pair_pole[q];
      #pragma omp simd
      for (size_t l = 0; l < W; l++) {
        const size_t i = q * W + l;
        const double rate = k ? c.align_rate[l] : 1.0;
        r.index[i] = dyn_align_index(r.lev[i], r.index[i], c.autonomy[l]);
        const double g = r.common[pole * W + l];
        const dyn_anchor anchor = {r.level[i], r.anchor_index[i], r.weight[i], r.anchor_var[i],
                                   r.anchor_month[i]};
        r.align[i] = dyn_align_step(
            r.align[i], dyn_align_target(&anchor, r.index[i], c.slope[l],
                                         isnan(g) ? 0.0 : c.common_w[l] * g),
            rate, r.impulse[i]);
      }
    }
    /* revealed alignments: first the poles' common levels, then each pair */
    size_t o1 = oi;
    while (o1 < m->obs_count && m->obs[o1].month == k) o1++;
    if (o1 > oi) {
      for (size_t i = 0; i < P * W; i++) r.obs_w[i] = r.obs_wx[i] = r.obs_n[i] = 0;
      for (size_t o = oi; o < o1; o++) {
        const size_t p = m->pair_pole[m->obs[o].pair];
        for (size_t l = 0; l < W; l++) {
          const double w = dyn_align_vote_weight(m->obs[o].votes, c.noise[l]);
          r.obs_w[p * W + l] += w, r.obs_wx[p * W + l] += w * m->obs[o].value;
          r.obs_n[p * W + l] += 1;
        }
      }
      for (size_t i = 0; i < P * W; i++)
        r.common[i] = dyn_align_common(r.common[i], r.obs_w[i], r.obs_wx[i], r.obs_n[i]);
    }
    for (; oi < o1; oi++) {
      const uint32_t q = m->obs[oi].pair;
      for (size_t l = 0; l < W; l++) {
        const size_t i = q * W + l;
        const double g = r.common[m->pair_pole[q] * W + l];
        dyn_anchor anchor = {r.level[i], r.anchor_index[i], r.weight[i], r.anchor_var[i],
                             r.anchor_month[i]};
        r.align[i] = dyn_align_observe(
            r.align[i], &anchor, m->obs[oi].value, isnan(g) ? 0.0 : c.common_w[l] * g, r.index[i],
            c.slope[l], prm[l][P_ASSIMILATE], prm[l][P_ALIGN_LEVEL_VAR],
            dyn_align_obs_var(m->obs[oi].votes, m->obs[oi].vote_var, prm[l][P_ALIGN_VOTE_VAR]),
            dyn_align_vote_weight(m->obs[oi].votes, c.noise[l]), (double)k, isnan(g) ? 0.0 : g,
            prm[l][P_ALIGN_LEVEL_PRIOR_VAR]);
        r.level[i] = anchor.level, r.anchor_index[i] = anchor.index, r.weight[i] = anchor.weight;
        r.anchor_var[i] = anchor.var, r.anchor_month[i] = anchor.month;
      }
    }
    for (size_t q = 0; q < Q; q++)
      store_lanes(out, lanes, align_off + q * M + k, &r.align[q * W], W);
    exit_hazards(m, &c, &r, k, out, lanes, W);
  }
  free(heap);
}

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("avx512f", "avx2", "default"))) /* 8, 4 or 2 doubles an
                                                                 instruction: the same results */
#endif
void dyn_run_lanes(const orb_dyn_model *m, const double *const *prm, float *const *out,
                   size_t lanes) {
  run_lanes(m, prm, out, lanes, DYN_LANES);
}

/* One lane: the same statements as the ensemble's runs, so the same bits. */
void orb_dyn_run(const orb_dyn_model *m, const double *prm, float *out) {
  const double *prms[DYN_LANES];
  float *outs[DYN_LANES];
  for (size_t l = 0; l < DYN_LANES; l++) prms[l] = prm, outs[l] = out;
  run_lanes(m, prms, outs, 1, 1);
}
