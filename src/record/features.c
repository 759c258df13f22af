/*
 * features.c: the record's stance observations and their features
 * (docs/MODEL.md, "Stances learned from the record"). One pass over the roll calls
 * in date order keeps, for every actor and patron, a revealed-alignment state
 * (exponentially weighted stance shares by title, by text attribute, by the
 * direction of the patron's vote; the actor's absence and abstention rates) and
 * the structural factors of the year from the peace-science series. The features
 * of a roll call are read before any vote of its date enters the state.
 */
#include <ctype.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "orbit/record.h"
#include "record/record_internal.h"
#include "world/params_internal.h"

/* ---- names -------------------------------------------------------------------------- */

/* The names of the attributes and of the terms, once: X(name) for each, in enum
 * order (orb_record_attr, then orb_record_term up to ORB_RT_ATTR0). */
#define RECORD_ATTRS(X)                                                              \
  X(human_rights) X(territorial_integrity) X(names_patron) X(sanctions) X(peace_terms) \
  X(nuclear) X(disarmament) X(development) X(colonialism) X(middle_east) X(procedural)
#define RECORD_TERMS(X)                                                                  \
  X(title_new) X(title_last_agree) X(title_last_silent) X(title_last_oppose) X(title_agree) \
  X(title_silent) X(title_oppose) X(repeat_agree) X(repeat_silent) X(repeat_oppose)         \
  X(title_all_silent) X(title_all_oppose) X(silent_x_silent) X(attr_agree) X(attr_silent)   \
  X(attr_oppose) X(dir_agree) X(dir_silent) X(dir_oppose) X(absent_rate) X(abstain_rate)    \
  X(absent_last_day) X(absent_session) X(title_absent) X(session_x_title_absent)            \
  X(repeat_absent) X(peer_silent) X(peer_oppose) X(absent_recent) X(repeat_x_attr_silent) X(last_agree_x_dir_silent) X(title_stale) X(absent_x_divided) X(abstain_x_divided) X(stem_last_agree) X(stem_last_silent) X(stem_last_oppose) X(near_agree) X(near_silent) X(near_oppose) X(ally_defense) X(ally_other) X(capability) X(patron_war) X(victim)      \
  X(rival_ally) X(intercept) X(patron_no)
#define NAME_STRING(n) #n,

static const char *const attr_names[] = {RECORD_ATTRS(NAME_STRING)};
_Static_assert(sizeof attr_names / sizeof attr_names[0] == ORB_ATTR_COUNT, "one name each");

const char *orb_record_attr_name(orb_record_attr attr) {
  return (unsigned)attr < ORB_ATTR_COUNT ? attr_names[attr] : "?";
}

static const char *const term_names[] = {RECORD_TERMS(NAME_STRING)};
_Static_assert(sizeof term_names / sizeof term_names[0] == ORB_RT_ATTR0, "one name each");

const char *orb_record_term_name(orb_record_term term) {
  if ((unsigned)term < ORB_RT_ATTR0) return term_names[term];
  if ((unsigned)term < ORB_RT_COUNT) return attr_names[term - ORB_RT_ATTR0];
  return "?";
}

const char *orb_record_factor_name(orb_record_factor factor) {
  static const char *const names[ORB_RF_COUNT] = {
    "revealed alignment", "security dependence", "fear of retaliation", "sovereignty",
    "alternatives", "the issue"};
  return (unsigned)factor < ORB_RF_COUNT ? names[factor] : "?";
}

orb_record_factor orb_record_term_factor(orb_record_term term) {
  if (term <= ORB_RT_NEAR_OPPOSE) return ORB_RF_RECORD;
  if (term <= ORB_RT_ALLY_OTHER) return ORB_RF_SECURITY;
  if (term <= ORB_RT_PATRON_WAR) return ORB_RF_RETALIATION;
  if (term == ORB_RT_VICTIM) return ORB_RF_SOVEREIGNTY;
  if (term == ORB_RT_RIVAL_ALLY) return ORB_RF_ALTERNATIVES;
  return ORB_RF_ISSUE;
}

/* ---- text attributes ------------------------------------------------------------------ */

/* Case-insensitive substring test (ASCII). */
static int has_word(const char *text, const char *word) {
  size_t n = strlen(word);
  for (const char *p = text; *p; p++) {
    size_t i = 0;
    while (i < n && p[i] && tolower((unsigned char)p[i]) == word[i]) i++;
    if (i == n) return 1;
  }
  return 0;
}

static int has_any(const char *text, const char *const *words) {
  for (; *words; words++)
    if (has_word(text, *words)) return 1;
  return 0;
}

/* Other names a text may call a state by (lower case), beyond its record name. */
static const struct { const char *iso3; const char *names[4]; } aliases[] = {
  {"RUS", {"russian federation", "soviet", "ussr", NULL}},
  {"USA", {"united states", NULL}},
  {"GBR", {"united kingdom", "british", NULL}},
  {"CHN", {"chinese", "people's republic of china", NULL}},
  {"PRK", {"democratic people's republic of korea", NULL}},
  {"IRN", {"iranian", "islamic republic of iran", NULL}},
  {"SYR", {"syrian", NULL}},
  {"MMR", {"myanmar", NULL}},
};

unsigned orb_record_text_attrs(const orb_record *record, const char *text, unsigned topics,
                               size_t patron) {
  static const char *const hr[] = {"human rights", NULL};
  static const char *const territorial[] = {"territorial integrity", "occupied", "occupation",
                                            "sovereignty", "annex", "aggression", NULL};
  static const char *const sanctions[] = {"sanction", "embargo", "coercive", "blockade",
                                          "unilateral economic", "punish", NULL};
  static const char *const peace[] = {"peace", "cease-fire", "ceasefire", "settlement",
                                      "armistice", NULL};
  static const char *const nuclear[] = {"nuclear", NULL};
  static const char *const disarm[] = {"disarmament", "weapons", NULL};
  static const char *const dev[] = {"development", "economic", NULL};
  static const char *const colonial[] = {"colonial", "self-determination", "trust territor",
                                         NULL};
  static const char *const me[] = {"palestin", "israel", "middle east", "golan", "jerusalem",
                                   NULL};
  unsigned a = 0;
  if ((topics & (1u << ORB_TOPIC_HR)) || has_any(text, hr)) a |= 1u << ORB_ATTR_HUMAN_RIGHTS;
  if (has_any(text, territorial)) a |= 1u << ORB_ATTR_TERRITORIAL;
  if (has_any(text, sanctions)) a |= 1u << ORB_ATTR_SANCTIONS;
  if (has_any(text, peace)) a |= 1u << ORB_ATTR_PEACE;
  if ((topics & (1u << ORB_TOPIC_NU)) || has_any(text, nuclear)) a |= 1u << ORB_ATTR_NUCLEAR;
  if ((topics & (1u << ORB_TOPIC_DI)) || has_any(text, disarm)) a |= 1u << ORB_ATTR_DISARMAMENT;
  if ((topics & (1u << ORB_TOPIC_EC)) || has_any(text, dev)) a |= 1u << ORB_ATTR_DEVELOPMENT;
  if ((topics & (1u << ORB_TOPIC_CO)) || has_any(text, colonial)) a |= 1u << ORB_ATTR_COLONIALISM;
  if ((topics & (1u << ORB_TOPIC_ME)) || has_any(text, me)) a |= 1u << ORB_ATTR_MIDDLE_EAST;
  if (patron != ORB_NONE && patron < record->country_count) {
    const orb_record_country *c = &record->countries[patron];
    char name[64];
    size_t n = 0;
    for (const char *p = c->name; *p && n + 1 < sizeof name; p++)
      name[n++] = (char)tolower((unsigned char)*p);
    name[n] = '\0';
    int named = has_word(text, name);
    for (size_t i = 0; !named && i < sizeof aliases / sizeof aliases[0]; i++)
      if (strcmp(aliases[i].iso3, c->iso3) == 0) named = has_any(text, aliases[i].names);
    if (named) a |= 1u << ORB_ATTR_NAMES_PATRON;
  }
  return a;
}

unsigned orb_record_rollcall_attrs(const orb_record *record, size_t rc, size_t patron) {
  const orb_record_rollcall *r = &record->rollcalls[rc];
  size_t n = strlen(r->short_title) + strlen(r->descr) + 2;
  char stack[512];
  char *text = n <= sizeof stack ? stack : malloc(n);
  if (!text) return 0;
  snprintf(text, n, "%s %s", r->short_title, r->descr);
  unsigned a = orb_record_text_attrs(record, text, r->topics, patron);
  if (r->amend == 1 || r->para == 1) a |= 1u << ORB_ATTR_PROCEDURAL;
  if (text != stack) free(text);
  return a;
}

size_t orb_record_find_title(const orb_record *record, const char *text) {
  char key[256], other[256];
  orb_record_title_key(text, key, sizeof key);
  if (!key[0]) return ORB_NONE;
  for (size_t rc = 0; rc < record->rollcall_count; rc++) {
    orb_record_title_key(record_title_text(&record->rollcalls[rc]), other, sizeof other);
    if (strcmp(key, other) == 0) return record->rollcalls[rc].title;
  }
  return ORB_NONE;
}

size_t orb_record_find_stem(const orb_record *record, const char *text) {
  char key[256], other[256];
  orb_record_title_key(text, key, sizeof key);
  record_stem_key(key, key);
  if (!key[0]) return ORB_NONE;
  for (size_t rc = 0; rc < record->rollcall_count; rc++) {
    orb_record_title_key(record_title_text(&record->rollcalls[rc]), other, sizeof other);
    record_stem_key(other, other);
    if (strcmp(key, other) == 0) return record->rollcalls[rc].stem;
  }
  return ORB_NONE;
}

/* ---- the model's defaults and parameter table --------------------------------------- */

#define WEIGHT_BOUND 100.0 /* range written for the fitted weights */

/* A row of the record model's parameter table: the registered spec and where the
 * model keeps the value (the scalars); the two weight families last. */
typedef struct record_param_row {
  orb_param_spec spec;
  size_t offset; /* of the double in orb_record_model; unused for families */
} record_param_row;

#define RECORD_SCALARS 9
static const record_param_row record_rows[] = {
  {{"record_l2", 1.0, 0, 1e6, 0, "L2 penalty of the fit (not fitted)"},
   offsetof(orb_record_model, l2)},
  {{"record_title_decay", 0.5, 0, 1, 0,
    "weight kept per later same-title roll call in the title shares (not fitted)"},
   offsetof(orb_record_model, title_decay)},
  {{"record_attr_decay", 0.9, 0, 1, 0,
    "weight kept per later roll call with the attribute (not fitted)"},
   offsetof(orb_record_model, attr_decay)},
  {{"record_attr_half_life", 4.0, 0.01, 1000, 0,
    "half-life in years of an attribute's shares when no roll call renews them (not fitted)",
},
   offsetof(orb_record_model, attr_half_life)},
  {{"record_dir_decay", 0.97, 0, 1, 0,
    "weight kept per later roll call with the patron voting the same way (not fitted)"},
   offsetof(orb_record_model, dir_decay)},
  {{"record_rate_decay", 0.97, 0, 1, 0,
    "weight kept per later roll call in the absence and abstention rates (not fitted)"},
   offsetof(orb_record_model, rate_decay)},
  {{"record_war_half_life", 5.0, 0.01, 1000, 0,
    "half-life in years of a conflict-year in patron_war and victim (not fitted)"},
   offsetof(orb_record_model, war_half_life)},
  {{"record_major_cinc", 0.02, 0, 1, 0,
    "CINC from which an ally counts as a major power in rival_ally (not fitted)"},
   offsetof(orb_record_model, major_cinc)},
  {{"record_silent_bias", 0, -5, 5, 0,
    "decision offset of silence: predict the largest of P(support), e^b P(silent), "
    "P(condemn) (chosen by inner validation)"},
   offsetof(orb_record_model, silent_bias)},
/* the weights: one row per term, support then condemn */
#define SUPPORT_ROW(n)                                                               \
  {{"record_w_support_" #n, 0, -WEIGHT_BOUND, WEIGHT_BOUND, 0,                      \
    "fitted: weight of the term " #n " in the score of supporting vs silence"}, 0},
#define CONDEMN_ROW(n)                                                               \
  {{"record_w_condemn_" #n, 0, -WEIGHT_BOUND, WEIGHT_BOUND, 0,                      \
    "fitted: weight of the term " #n " in the score of condemning vs silence"}, 0},
  RECORD_TERMS(SUPPORT_ROW) RECORD_ATTRS(SUPPORT_ROW)
  RECORD_TERMS(CONDEMN_ROW) RECORD_ATTRS(CONDEMN_ROW)
};
_Static_assert(sizeof record_rows / sizeof record_rows[0] == RECORD_SCALARS + 2 * ORB_RT_COUNT,
               "the scalars, then one weight per term and stance");

/* The record model's entry in the parameter registry (src/world/params.c). */
const param_table record_param_table = {"record", record_rows,
                                        sizeof record_rows / sizeof record_rows[0],
                                        sizeof record_rows[0]};

void orb_record_model_init(orb_record_model *m) {
  memset(m, 0, sizeof *m);
  for (size_t i = 0; i < RECORD_SCALARS; i++)
    *(double *)((char *)m + record_rows[i].offset) = record_rows[i].spec.value;
}

void record_model_set_scalar(orb_record_model *m, size_t row, double value) {
  if (row < RECORD_SCALARS) *(double *)((char *)m + record_rows[row].offset) = value;
}

size_t orb_record_param_count(void) {
  return RECORD_SCALARS + 2 * ORB_RT_COUNT;
}

size_t orb_record_params(const orb_record_model *m, orb_record_param *rows) {
  size_t n = 0;
  for (; n < orb_record_param_count(); n++) {
    const record_param_row *row = &record_rows[n];
    snprintf(rows[n].name, sizeof rows[n].name, "%s", row->spec.name);
    rows[n].value = n < RECORD_SCALARS
                      ? *(const double *)((const char *)m + row->offset)
                      : m->w[(n - RECORD_SCALARS) / ORB_RT_COUNT][(n - RECORD_SCALARS) % ORB_RT_COUNT];
    rows[n].meaning = row->spec.meaning;
  }
  return n;
}

/* ---- the state ------------------------------------------------------------------------ */

/* Exponentially weighted shares of the three stances. */
typedef struct ew3 {
  float m[3];
  float w;
} ew3;

static void ew_add(ew3 *e, double decay, int stance) {
  for (int k = 0; k < 3; k++) e->m[k] = (float)(decay * e->m[k]);
  e->w = (float)(decay * e->w + 1.0);
  e->m[stance] += 1.0f;
}

/* The weight left after the time from `then` to `now` (attribute half-life). */
static double age_factor(const orb_record_model *m, orb_date then, orb_date now) {
  if (now <= then) return 1.0;
  return exp2(-(double)(now - then) / (365.25 * m->attr_half_life));
}

/* Per title, actor and patron. */
typedef struct title_state {
  ew3 ew;
  int8_t last; /* -1 none */
  int8_t own;  /* the actor's own last vote on the title (orb_vote), 0 none */
  float absent, votes; /* EW (title_decay) absences and roll calls of the title as a member */
} title_state;

#define ATTR_BUCKETS (ORB_ATTR_COUNT + 1) /* the last: no attribute */
#define TOPIC_BUCKETS ORB_TOPIC_COUNT
#define ATTR_PRIOR 3.0f
#define RECORD_PEERS 8     /* peers per actor */
#define PEER_YEARS 3       /* years of votes the peers are chosen on */
#define PEER_MIN_VOTES 20  /* common votes a peer needs */ /* roll calls' weight of the prior in the attribute shares */

/* The state of na actors toward np patrons. */
typedef struct rstate {
  const orb_record *rec;
  const orb_record_model *model;
  const size_t *actors, *patrons;
  size_t na, np;
  title_state **title;   /* per title: na * np entries, allocated on first use */
  float *title_all;      /* [title][np][3]: shares of every member's stances on the
                            title's last roll call (3 zeros: never voted) */
  ew3 *attr;             /* [2][ATTR_BUCKETS][na][np]: by the patron's vote yes, no */
  orb_date *attr_date;   /* same shape: date of the last update */
  ew3 *dir;              /* [2][na][np] */
  float *rate;           /* [na][3]: absent, abstain, weight */
  float *day;            /* [na][4]: absences and votes of the current date, share absent
                            on the last date, unused */
  float *session;        /* [na][2]: absences and roll calls of the current session */
  int session_no;
  orb_date now;          /* the date features are read for */
  int8_t *topic_last;    /* [TOPIC_BUCKETS][na][np] */
  int32_t *topic_stamp;  /* [TOPIC_BUCKETS][na][np] */
  int8_t *any_last;      /* [na][np] */
  /* structural features of the current year, [na][np][6] */
  int year;
  float *structural;
  float *war;            /* per patron */
  size_t *peers;         /* [na][RECORD_PEERS]: actor indices of its peers (ORB_NONE) */
  float *recent;         /* [na][2]: EW absences share by date, weight */
  orb_date *title_date;  /* [title]: date of its last roll call (0: none) */
  int8_t **stem;         /* per stem: na * np last stances (-1 none), then na * np own last
                            votes (orb_vote, 0 none); allocated on first use */
  float *stem_all;       /* [stem][np][3]: as title_all */
} rstate;

static void rstate_free(rstate *s) {
  if (s->title)
    for (size_t t = 0; t < s->rec->title_count; t++) free(s->title[t]);
  free(s->title);
  free(s->title_all);
  free(s->attr);
  free(s->attr_date);
  free(s->dir);
  free(s->rate);
  free(s->day);
  free(s->session);
  free(s->topic_last);
  free(s->topic_stamp);
  free(s->any_last);
  free(s->structural);
  free(s->war);
  free(s->peers);
  free(s->recent);
  free(s->title_date);
  if (s->stem)
    for (size_t t = 0; t < s->rec->stem_count; t++) free(s->stem[t]);
  free(s->stem);
  free(s->stem_all);
  memset(s, 0, sizeof *s);
}

static orb_status rstate_init(rstate *s, const orb_record *rec, const orb_record_model *model,
                              const size_t *actors, size_t na, const size_t *patrons,
                              size_t np) {
  memset(s, 0, sizeof *s);
  s->rec = rec;
  s->model = model;
  s->actors = actors;
  s->patrons = patrons;
  s->na = na;
  s->np = np;
  s->year = -1;
  size_t pairs = na * np;
  s->title = calloc(rec->title_count ? rec->title_count : 1, sizeof *s->title);
  s->attr = calloc(2 * ATTR_BUCKETS * pairs, sizeof *s->attr);
  s->attr_date = calloc(2 * ATTR_BUCKETS * pairs, sizeof *s->attr_date);
  s->title_all = calloc((rec->title_count ? rec->title_count : 1) * np * 3, sizeof *s->title_all);
  s->dir = calloc(2 * pairs, sizeof *s->dir);
  s->rate = calloc(na * 3, sizeof *s->rate);
  s->day = calloc(na * 4, sizeof *s->day);
  s->session = calloc(na * 2, sizeof *s->session);
  s->topic_last = malloc(TOPIC_BUCKETS * pairs);
  s->topic_stamp = calloc(TOPIC_BUCKETS * pairs, sizeof *s->topic_stamp);
  s->any_last = malloc(pairs);
  s->structural = calloc(pairs * 6, sizeof *s->structural);
  s->war = calloc(np, sizeof *s->war);
  s->peers = malloc(na * RECORD_PEERS * sizeof *s->peers);
  s->recent = calloc(na * 2, sizeof *s->recent);
  s->title_date = calloc(rec->title_count ? rec->title_count : 1, sizeof *s->title_date);
  s->stem = calloc(rec->stem_count ? rec->stem_count : 1, sizeof *s->stem);
  s->stem_all = calloc((rec->stem_count ? rec->stem_count : 1) * np * 3, sizeof *s->stem_all);
  if (!s->stem_all || !s->stem || !s->title_date || !s->peers || !s->recent ||!s->title || !s->title_all || !s->attr || !s->attr_date || !s->dir || !s->rate || !s->day || !s->session || !s->topic_last || !s->topic_stamp ||
      !s->any_last || !s->structural || !s->war) {
    rstate_free(s);
    return ORB_ENOMEM;
  }
  memset(s->topic_last, -1, TOPIC_BUCKETS * pairs);
  memset(s->any_last, -1, pairs);
  for (size_t i = 0; i < na * RECORD_PEERS; i++) s->peers[i] = ORB_NONE;
  return ORB_OK;
}

/* The latest capability row of country with year <= year (NULL if none). */
static const orb_record_capability *capability_at(const orb_record *rec, size_t country,
                                                  int year) {
  size_t lo = 0, hi = rec->capability_count;
  while (lo < hi) { /* first row with (country, year) > (country, year) */
    size_t mid = (lo + hi) / 2;
    const orb_record_capability *c = &rec->capabilities[mid];
    if (c->country < country || (c->country == country && c->year <= year)) lo = mid + 1;
    else hi = mid;
  }
  if (lo == 0) return NULL;
  const orb_record_capability *c = &rec->capabilities[lo - 1];
  return c->country == country && !isnan(c->cinc) ? c : NULL;
}

static double cinc_at(const orb_record *rec, size_t country, int year) {
  const orb_record_capability *c = capability_at(rec, country, year);
  return c ? c->cinc : NAN;
}

/* Obligations (ORB_ATOP_* bits) between a and b, either direction, in year. */
static unsigned obligations(const orb_record *rec, size_t a, size_t b, int year) {
  unsigned bits = 0;
  /* alliances are sorted by from (country order), then to */
  size_t lo = 0, hi = rec->alliance_count;
  for (int dir = 0; dir < 2; dir++) {
    size_t from = dir ? b : a, to = dir ? a : b;
    lo = 0;
    hi = rec->alliance_count;
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (rec->alliances[mid].from < from) lo = mid + 1;
      else hi = mid;
    }
    for (size_t i = lo; i < rec->alliance_count && rec->alliances[i].from == from; i++) {
      const orb_record_alliance *al = &rec->alliances[i];
      if (al->to == to && al->first <= year && year <= al->last) bits |= al->obligations;
    }
  }
  return bits;
}

/* Does conflict c have x on side s (0 A, 1 A secondary, 2 B, 3 B secondary)? */
static int on_side(const orb_record *rec, const orb_record_conflict *c, int s, size_t x) {
  for (size_t i = 0; i < c->side_count[s]; i++)
    if (rec->conflict_sides[c->side_start[s] + i] == x) return 1;
  return 0;
}

/* Each actor's peers for `year`: the RECORD_PEERS other actors whose votes (yes,
 * no, abstain) were most often identical to its own on the roll calls of the
 * PEER_YEARS years before (at least PEER_MIN_VOTES common votes). */
static orb_status rstate_peers(rstate *s, int year) {
  const orb_record *rec = s->rec;
  size_t na = s->na;
  if (na < 2) return ORB_OK;
  int last;
  orb_date_to_ymd(rec->last, &last, NULL, NULL);
  if (year > last + 1) year = last + 1; /* after the record: its last years */
  uint32_t *same = calloc(na * na, sizeof *same), *both = calloc(na * na, sizeof *both);
  size_t *idx = malloc(na * sizeof *idx);
  unsigned char *vote = malloc(na);
  if (!same || !both || !idx || !vote) {
    free(same); free(both); free(idx); free(vote);
    return ORB_ENOMEM;
  }
  for (size_t rc = 0; rc < rec->rollcall_count; rc++) {
    int y;
    orb_date_to_ymd(rec->rollcalls[rc].date, &y, NULL, NULL);
    if (y < year - PEER_YEARS) continue;
    if (y >= year) break;
    size_t n = 0;
    for (size_t ai = 0; ai < na; ai++) {
      orb_vote v = orb_record_vote(rec, rc, s->actors[ai]);
      if (v == ORB_VOTE_YES || v == ORB_VOTE_NO || v == ORB_VOTE_ABSTAIN) {
        idx[n] = ai;
        vote[n++] = (unsigned char)v;
      }
    }
    for (size_t i = 0; i < n; i++)
      for (size_t j = i + 1; j < n; j++) {
        size_t a = idx[i], b = idx[j];
        both[a * na + b]++;
        same[a * na + b] += vote[i] == vote[j];
      }
  }
  for (size_t a = 0; a < na; a++) {
    size_t *pe = &s->peers[a * RECORD_PEERS];
    double best[RECORD_PEERS];
    for (int k = 0; k < RECORD_PEERS; k++) {
      pe[k] = ORB_NONE;
      best[k] = -1;
    }
    for (size_t b = 0; b < na; b++) {
      if (b == a) continue;
      size_t lo = a < b ? a : b, hi = a < b ? b : a;
      uint32_t nb = both[lo * na + hi];
      if (nb < PEER_MIN_VOTES) continue;
      double sh = (double)same[lo * na + hi] / nb;
      if (sh <= best[RECORD_PEERS - 1]) continue;
      int k = RECORD_PEERS - 1;
      while (k > 0 && best[k - 1] < sh) {
        best[k] = best[k - 1];
        pe[k] = pe[k - 1];
        k--;
      }
      best[k] = sh;
      pe[k] = b;
    }
  }
  free(same); free(both); free(idx); free(vote);
  return ORB_OK;
}

/* The structural features of every pair for the year of a roll call: the series of
 * the year before (the last year a series has, when it ends earlier). */
static orb_status rstate_year(rstate *s, int year) {
  if (year == s->year) return ORB_OK;
  s->year = year;
  orb_status st = rstate_peers(s, year);
  if (st) return st;
  const orb_record *rec = s->rec;
  const orb_record_model *m = s->model;
  int y = year - 1;
  int atop_year = y > 2018 ? 2018 : y;
  double lambda = log(2.0) / m->war_half_life;
  for (size_t k = 0; k < s->np; k++) {
    size_t p = s->patrons[k];
    double q = 0;
    for (size_t i = 0; i < rec->conflict_count && rec->conflicts[i].year <= y; i++) {
      const orb_record_conflict *c = &rec->conflicts[i];
      if (on_side(rec, c, 0, p) || on_side(rec, c, 2, p))
        q += 0.5 * c->intensity * exp(-lambda * (y - c->year));
    }
    s->war[k] = (float)(1.0 - exp(-q));
  }
  for (size_t ai = 0; ai < s->na; ai++) {
    size_t a = s->actors[ai];
    double ca = cinc_at(rec, a, y);
    for (size_t k = 0; k < s->np; k++) {
      size_t p = s->patrons[k];
      float *f = &s->structural[(ai * s->np + k) * 6];
      memset(f, 0, 6 * sizeof *f);
      if (a == p) continue;
      unsigned ob = obligations(rec, a, p, atop_year);
      f[0] = (ob & ORB_ATOP_DEFENSE) ? 1.0f : 0.0f;
      f[1] = (ob & ~(unsigned)ORB_ATOP_DEFENSE) ? 1.0f : 0.0f;
      double cp = cinc_at(rec, p, y);
      f[2] = (!isnan(ca) && !isnan(cp) && ca + cp > 0) ? (float)(cp / (ca + cp)) : 0.5f;
      f[3] = s->war[k];
      double q = 0;
      for (size_t i = 0; i < rec->conflict_count && rec->conflicts[i].year <= y; i++) {
        const orb_record_conflict *c = &rec->conflicts[i];
        int a_side = on_side(rec, c, 0, a) || on_side(rec, c, 1, a) ? 1
                     : on_side(rec, c, 2, a) || on_side(rec, c, 3, a) ? 2 : 0;
        if (!a_side) continue;
        int p_side = on_side(rec, c, 0, p) || on_side(rec, c, 1, p) ? 1
                     : on_side(rec, c, 2, p) || on_side(rec, c, 3, p) ? 2 : 0;
        if (p_side && p_side != a_side) q += 0.5 * c->intensity * exp(-lambda * (y - c->year));
      }
      f[4] = (float)(1.0 - exp(-q));
      /* a defence pact with another major power that has none with the patron */
      float rival = 0;
      for (size_t i = 0; i < rec->alliance_count && !rival; i++) {
        const orb_record_alliance *al = &rec->alliances[i];
        if (al->from != a || !(al->obligations & ORB_ATOP_DEFENSE) || al->to == p ||
            al->first > atop_year || al->last < atop_year)
          continue;
        double cm = cinc_at(rec, al->to, y);
        if (!isnan(cm) && cm >= m->major_cinc && !obligations(rec, al->to, p, atop_year))
          rival = 1;
      }
      f[5] = rival;
    }
  }
  return ORB_OK;
}

/* Shares of an EW state, or `fallback` when it is empty. */
static void shares(const ew3 *e, const float *fallback, float out[3]) {
  if (e->w > 0) {
    for (int k = 0; k < 3; k++) out[k] = e->m[k] / e->w;
  } else {
    for (int k = 0; k < 3; k++) out[k] = fallback[k];
  }
}

/* Features of actor ai toward patron k on a roll call with attributes attrs, title
 * (ORB_NONE: none), the patron's vote pv (ORB_VOTE_YES or ORB_VOTE_NO; else unknown). */
static void rstate_features(const rstate *s, size_t ai, size_t k, unsigned attrs, size_t title,
                            size_t stem, size_t near, float near_sim, orb_vote pv, float *x) {
  size_t pair = ai * s->np + k, pairs = s->na * s->np;
  memset(x, 0, ORB_RT_COUNT * sizeof *x);
  static const float third[3] = {1.0f / 3, 1.0f / 3, 1.0f / 3};
  float dir[3];
  if (pv == ORB_VOTE_YES || pv == ORB_VOTE_NO) {
    shares(&s->dir[(pv == ORB_VOTE_NO) * pairs + pair], third, dir);
  } else {
    ew3 both = s->dir[pair];
    const ew3 *other = &s->dir[pairs + pair];
    for (int j = 0; j < 3; j++) both.m[j] += other->m[j];
    both.w += other->w;
    shares(&both, third, dir);
  }
  x[ORB_RT_DIR_AGREE] = dir[0];
  x[ORB_RT_DIR_SILENT] = dir[1];
  x[ORB_RT_DIR_OPPOSE] = dir[2];
  const title_state *ts = (title != ORB_NONE && s->title[title]) ? &s->title[title][pair] : NULL;
  if (ts && ts->own && (pv == ORB_VOTE_YES || pv == ORB_VOTE_NO)) {
    /* the stance the actor's own last vote on the title would be now */
    int own = ts->own;
    int rep = own == (int)pv ? 0 : (own == ORB_VOTE_YES || own == ORB_VOTE_NO) ? 2 : 1;
    x[ORB_RT_REPEAT_AGREE + rep] = 1;
  }
  if (ts && ts->last >= 0) {
    x[ORB_RT_TITLE_LAST_AGREE + ts->last] = 1;
    float sh[3];
    shares(&ts->ew, third, sh);
    x[ORB_RT_TITLE_AGREE] = sh[0];
    x[ORB_RT_TITLE_SILENT] = sh[1];
    x[ORB_RT_TITLE_OPPOSE] = sh[2];
  } else {
    x[ORB_RT_TITLE_NEW] = 1;
    int last = stem != ORB_NONE && s->stem[stem] ? s->stem[stem][pair] : -1;
    if (last >= 0) x[ORB_RT_STEM_LAST_AGREE + last] = 1;
    const title_state *nt = near != ORB_NONE && s->title[near] ? &s->title[near][pair] : NULL;
    if (nt && nt->last >= 0) x[ORB_RT_NEAR_AGREE + nt->last] = near_sim;

  }
  float acc[3] = {0, 0, 0};
  int used = 0;
  for (int b = 0; b < ATTR_BUCKETS; b++) {
    int in = b < ORB_ATTR_COUNT ? (attrs >> b) & 1u : attrs == 0;
    if (!in) continue;
    ew3 e = {{0, 0, 0}, 0};
    for (int no = 0; no < 2; no++) {
      if ((pv == ORB_VOTE_YES && no) || (pv == ORB_VOTE_NO && !no)) continue;
      size_t i = ((size_t)no * ATTR_BUCKETS + (size_t)b) * pairs + pair;
      const ew3 *part = &s->attr[i];
      float age = (float)age_factor(s->model, s->attr_date[i], s->now);
      for (int j = 0; j < 3; j++) e.m[j] += age * part->m[j];
      e.w += age * part->w;
    }
    if (e.w <= 0) continue;
    /* shrunk toward the direction's shares with the weight of ATTR_PRIOR roll calls */
    for (int j = 0; j < 3; j++) acc[j] += (e.m[j] + ATTR_PRIOR * dir[j]) / (e.w + ATTR_PRIOR);
    used++;
  }
  for (int j = 0; j < 3; j++) x[ORB_RT_ATTR_AGREE + j] = used ? acc[j] / (float)used : dir[j];
  if (title != ORB_NONE) {
    const float *all = &s->title_all[(title * s->np + k) * 3];
    x[ORB_RT_TITLE_ALL_SILENT] = all[1];
    x[ORB_RT_TITLE_ALL_OPPOSE] = all[2];
  }
  x[ORB_RT_SILENT_X_SILENT] = x[ORB_RT_TITLE_ALL_SILENT] * x[ORB_RT_ATTR_SILENT];
  const float *r = &s->rate[ai * 3];
  x[ORB_RT_ABSENT_RATE] = r[2] > 0 ? r[0] / r[2] : 0;
  x[ORB_RT_ABSTAIN_RATE] = r[2] > 0 ? r[1] / r[2] : 0;
  x[ORB_RT_ABSENT_LAST_DAY] = s->day[ai * 4 + 2];
  x[ORB_RT_ABSENT_SESSION] = s->session[ai * 2 + 1] > 0 ? s->session[ai * 2] / s->session[ai * 2 + 1] : 0;
  x[ORB_RT_TITLE_ABSENT] = ts && ts->votes > 0 ? ts->absent / ts->votes : 0;
  x[ORB_RT_SESSION_X_TITLE_ABSENT] = x[ORB_RT_ABSENT_SESSION] * x[ORB_RT_TITLE_ABSENT];
  x[ORB_RT_REPEAT_ABSENT] = ts && ts->own == ORB_VOTE_ABSENT;
  if (title != ORB_NONE && s->title[title]) {
    int n = 0, sil = 0, opp = 0;
    for (int j = 0; j < RECORD_PEERS; j++) {
      size_t b = s->peers[ai * RECORD_PEERS + j];
      if (b == ORB_NONE || s->actors[b] == s->patrons[k]) continue;
      int last = s->title[title][b * s->np + k].last;
      if (last < 0) continue;
      n++;
      sil += last == ORB_STANCE_SILENT;
      opp += last == ORB_STANCE_CONDEMN;
    }
    if (n) {
      x[ORB_RT_PEER_SILENT] = (float)sil / (float)n;
      x[ORB_RT_PEER_OPPOSE] = (float)opp / (float)n;
    }
  }
  x[ORB_RT_REPEAT_X_ATTR_SILENT] = x[ORB_RT_REPEAT_SILENT] * x[ORB_RT_ATTR_SILENT];
  x[ORB_RT_LAST_AGREE_X_DIR_SILENT] = x[ORB_RT_TITLE_LAST_AGREE] * x[ORB_RT_DIR_SILENT];
  if (title != ORB_NONE && s->title_date[title])
    x[ORB_RT_TITLE_STALE] = (float)(1.0 - exp2(-(double)(s->now - s->title_date[title]) / 365.25 + 1.0));
  if (x[ORB_RT_TITLE_STALE] < 0) x[ORB_RT_TITLE_STALE] = 0;
  x[ORB_RT_ABSENT_X_DIVIDED] = x[ORB_RT_ABSENT_RATE] * (x[ORB_RT_TITLE_ALL_SILENT] + x[ORB_RT_TITLE_ALL_OPPOSE]);
  x[ORB_RT_ABSTAIN_X_DIVIDED] = x[ORB_RT_ABSTAIN_RATE] * (x[ORB_RT_TITLE_ALL_SILENT] + x[ORB_RT_TITLE_ALL_OPPOSE]);
  x[ORB_RT_ABSENT_RECENT] = s->recent[ai * 2 + 1] > 0 ? s->recent[ai * 2] / s->recent[ai * 2 + 1] : 0;
  const float *f = &s->structural[pair * 6];
  x[ORB_RT_ALLY_DEFENSE] = f[0];
  x[ORB_RT_ALLY_OTHER] = f[1];
  x[ORB_RT_CAPABILITY] = f[2];
  x[ORB_RT_PATRON_WAR] = f[3];
  x[ORB_RT_VICTIM] = f[4];
  x[ORB_RT_RIVAL_ALLY] = f[5];
  x[ORB_RT_INTERCEPT] = 1;
  x[ORB_RT_PATRON_NO] = pv == ORB_VOTE_NO ? 1.0f : 0.0f;
  for (int b = 0; b < ORB_ATTR_COUNT; b++)
    if ((attrs >> b) & 1u) x[ORB_RT_ATTR0 + b] = 1;
}

/* The baselines' stances for actor ai toward patron k on roll call rc. */
static void rstate_copies(const rstate *s, size_t ai, size_t k, size_t rc, uint8_t *title_copy,
                          uint8_t *topic_copy) {
  size_t pair = ai * s->np + k, pairs = s->na * s->np;
  const orb_record_rollcall *r = &s->rec->rollcalls[rc];
  int best = -1;
  int32_t stamp = -1;
  for (int t = 0; t < TOPIC_BUCKETS; t++) {
    if (!(r->topics & (1u << t))) continue;
    size_t i = (size_t)t * pairs + pair;
    if (s->topic_last[i] >= 0 && s->topic_stamp[i] > stamp) {
      stamp = s->topic_stamp[i];
      best = s->topic_last[i];
    }
  }
  if (best < 0) best = s->any_last[pair] >= 0 ? s->any_last[pair] : ORB_STANCE_SUPPORT;
  *topic_copy = (uint8_t)best;
  const title_state *ts = s->title[r->title] ? &s->title[r->title][pair] : NULL;
  *title_copy = (ts && ts->last >= 0) ? (uint8_t)ts->last : (uint8_t)best;
}

/* Enters the votes of roll call rc into the state. attrs[k]: its attributes for patron k. */
static orb_status rstate_update(rstate *s, size_t rc, const unsigned *attrs) {
  const orb_record *rec = s->rec;
  const orb_record_model *m = s->model;
  const orb_record_rollcall *r = &rec->rollcalls[rc];
  size_t pairs = s->na * s->np;
  if (!s->stem[r->stem]) {
    s->stem[r->stem] = malloc(2 * pairs);
    if (!s->stem[r->stem]) return ORB_ENOMEM;
    memset(s->stem[r->stem], -1, pairs);
    memset(s->stem[r->stem] + pairs, 0, pairs);
  }
  if (!s->title[r->title]) {
    s->title[r->title] = malloc(pairs * sizeof **s->title);
    if (!s->title[r->title]) return ORB_ENOMEM;
    for (size_t i = 0; i < pairs; i++) {
      memset(&s->title[r->title][i], 0, sizeof **s->title);
      s->title[r->title][i].last = -1;
    }
  }
  for (size_t k = 0; k < s->np; k++) {
    size_t n[3] = {0, 0, 0}, total = 0;
    for (size_t c = 0; c < rec->country_count; c++) {
      orb_stance st;
      if (c == s->patrons[k] || !orb_record_stance(rec, rc, c, s->patrons[k], &st)) continue;
      n[st]++;
      total++;
    }
    if (!total) continue;
    float *all = &s->title_all[(r->title * s->np + k) * 3];
    float *sall = &s->stem_all[(r->stem * s->np + k) * 3];
    for (int j = 0; j < 3; j++) sall[j] = all[j] = (float)n[j] / (float)total;
  }
  s->title_date[r->title] = r->date;
  if (r->session != s->session_no) {
    s->session_no = r->session;
    memset(s->session, 0, s->na * 2 * sizeof *s->session);
  }
  for (size_t ai = 0; ai < s->na; ai++) {
    size_t a = s->actors[ai];
    orb_vote v = orb_record_vote(rec, rc, a);
    if (v == ORB_VOTE_NONMEMBER) continue;
    s->day[ai * 4] += v == ORB_VOTE_ABSENT;
    s->day[ai * 4 + 1] += 1;
    s->session[ai * 2] += v == ORB_VOTE_ABSENT;
    s->session[ai * 2 + 1] += 1;
    float *rt = &s->rate[ai * 3];
    rt[0] = (float)(m->rate_decay * rt[0] + (v == ORB_VOTE_ABSENT));
    rt[1] = (float)(m->rate_decay * rt[1] + (v == ORB_VOTE_ABSTAIN));
    rt[2] = (float)(m->rate_decay * rt[2] + 1);
    for (size_t k = 0; k < s->np; k++) {
      title_state *ts = &s->title[r->title][ai * s->np + k];
      ts->own = (int8_t)v;
      s->stem[r->stem][pairs + ai * s->np + k] = (int8_t)v;
      ts->absent = (float)(m->title_decay * ts->absent + (v == ORB_VOTE_ABSENT));
      ts->votes = (float)(m->title_decay * ts->votes + 1);
    }
    for (size_t k = 0; k < s->np; k++) {
      orb_stance st;
      if (s->patrons[k] == a || !orb_record_stance(rec, rc, a, s->patrons[k], &st)) continue;
      size_t pair = ai * s->np + k;
      title_state *ts = &s->title[r->title][pair];
      ew_add(&ts->ew, m->title_decay, (int)st);
      ts->last = (int8_t)st;
      s->stem[r->stem][pair] = (int8_t)st;
      int no = orb_record_vote(rec, rc, s->patrons[k]) == ORB_VOTE_NO;
      for (int b = 0; b < ATTR_BUCKETS; b++) {
        int in = b < ORB_ATTR_COUNT ? (attrs[k] >> b) & 1u : attrs[k] == 0;
        if (!in) continue;
        size_t i = ((size_t)no * ATTR_BUCKETS + (size_t)b) * pairs + pair;
        float age = (float)age_factor(m, s->attr_date[i], r->date);
        for (int j = 0; j < 3; j++) s->attr[i].m[j] *= age;
        s->attr[i].w *= age;
        ew_add(&s->attr[i], m->attr_decay, (int)st);
        s->attr_date[i] = r->date;
      }
      ew_add(&s->dir[(size_t)no * pairs + pair], m->dir_decay, (int)st);
      for (int t = 0; t < TOPIC_BUCKETS; t++)
        if (r->topics & (1u << t)) {
          s->topic_last[(size_t)t * pairs + pair] = (int8_t)st;
          s->topic_stamp[(size_t)t * pairs + pair] = (int32_t)rc;
        }
      s->any_last[pair] = (int8_t)st;
    }
  }
  return ORB_OK;
}

/* Closes a date: its share of absences becomes each actor's last day's. */
static void rstate_end_day(rstate *s) {
  for (size_t ai = 0; ai < s->na; ai++) {
    float *d = &s->day[ai * 4];
    if (d[1] > 0) {
      d[2] = d[0] / d[1];
      float *r = &s->recent[ai * 2];
      r[0] = 0.7f * r[0] + d[2];
      r[1] = 0.7f * r[1] + 1.0f;
    }
    d[0] = d[1] = 0;
  }
}

/* ---- rows ----------------------------------------------------------------------------- */

void orb_record_rows_free(orb_record_rows *rows) {
  free(rows->x);
  free(rows->rc);
  free(rows->actor);
  free(rows->patron);
  free(rows->stance);
  free(rows->year);
  free(rows->copy_title);
  free(rows->copy_topic);
  free(rows->train);
  memset(rows, 0, sizeof *rows);
}

/* Makes room for one more row. */
static orb_status rows_reserve(orb_record_rows *rows, size_t *cap) {
  if (rows->count < *cap) return ORB_OK;
  size_t n = *cap ? *cap * 2 : 65536;
  float *x = realloc(rows->x, n * ORB_RT_COUNT * sizeof *x);
  if (x) rows->x = x;
  uint32_t *rc = realloc(rows->rc, n * sizeof *rc);
  if (rc) rows->rc = rc;
  uint16_t *a = realloc(rows->actor, n * sizeof *a);
  if (a) rows->actor = a;
  uint16_t *p = realloc(rows->patron, n * sizeof *p);
  if (p) rows->patron = p;
  uint8_t *st = realloc(rows->stance, n);
  if (st) rows->stance = st;
  int16_t *y = realloc(rows->year, n * sizeof *y);
  if (y) rows->year = y;
  uint8_t *ct = realloc(rows->copy_title, n);
  if (ct) rows->copy_title = ct;
  uint8_t *cp = realloc(rows->copy_topic, n);
  if (cp) rows->copy_topic = cp;
  uint8_t *tr = realloc(rows->train, n);
  if (tr) rows->train = tr;
  if (!x || !rc || !a || !p || !st || !y || !ct || !cp || !tr) return ORB_ENOMEM;
  *cap = n;
  return ORB_OK;
}

static uint32_t mix(uint32_t h) {
  h ^= h >> 16;
  h *= 0x7feb352dU;
  h ^= h >> 15;
  h *= 0x846ca68bU;
  h ^= h >> 16;
  return h;
}

orb_status orb_record_rows_build(const orb_record *rec, const orb_record_model *model,
                                 const orb_record_rows_spec *spec, orb_record_rows *rows) {
  memset(rows, 0, sizeof *rows);
  size_t na = rec->country_count, np = spec->patron_count;
  size_t *actors = malloc(na * sizeof *actors);
  unsigned *attrs = malloc((np ? np : 1) * sizeof *attrs);
  if (!actors || !attrs) {
    free(actors);
    free(attrs);
    return ORB_ENOMEM;
  }
  for (size_t a = 0; a < na; a++) actors[a] = a;
  rstate s;
  orb_status st = rstate_init(&s, rec, model, actors, na, spec->patrons, np);
  size_t *near = malloc((rec->title_count + 1) * sizeof *near);
  float *near_sim = malloc((rec->title_count + 1) * sizeof *near_sim);
  if (st == ORB_OK) st = near && near_sim ? record_near_build(rec, near, near_sim) : ORB_ENOMEM;
  size_t cap = 0;
  for (size_t rc = 0; st == ORB_OK && rc < rec->rollcall_count;) {
    size_t end = rc;
    while (end < rec->rollcall_count && rec->rollcalls[end].date == rec->rollcalls[rc].date) end++;
    int year;
    orb_date_to_ymd(rec->rollcalls[rc].date, &year, NULL, NULL);
    int eval = year >= spec->eval_from && year <= spec->eval_to;
    int train = year >= spec->train_from;
    if ((eval || train) && st == ORB_OK) st = rstate_year(&s, year);
    for (size_t j = rc; st == ORB_OK && j < end && (eval || train); j++) {
      for (size_t k = 0; k < np; k++) {
        size_t p = spec->patrons[k];
        orb_vote pv = orb_record_vote(rec, j, p);
        if (pv != ORB_VOTE_YES && pv != ORB_VOTE_NO) continue;
        unsigned at = orb_record_rollcall_attrs(rec, j, p);
        for (size_t a = 0; a < na; a++) {
          orb_stance stance;
          if (a == p || !orb_record_stance(rec, j, a, p, &stance)) continue;
          int in_sample = train && spec->train_sample &&
                          mix((uint32_t)(j * 7919u + a * 131u + k)) % spec->train_sample == 0;
          int in_eval = eval && (!spec->eval_actor || spec->eval_actor[a]);
          if (!in_sample && !in_eval) continue;
          if ((st = rows_reserve(rows, &cap)) != ORB_OK) break;
          size_t i = rows->count++;
          s.now = rec->rollcalls[j].date;
          size_t t = rec->rollcalls[j].title;
          rstate_features(&s, a, k, at, t, rec->rollcalls[j].stem, near[t], near_sim[t], pv, rows->x + i * ORB_RT_COUNT);
          rstate_copies(&s, a, k, j, &rows->copy_title[i], &rows->copy_topic[i]);
          rows->rc[i] = (uint32_t)j;
          rows->actor[i] = (uint16_t)a;
          rows->patron[i] = (uint16_t)p;
          rows->stance[i] = (uint8_t)stance;
          rows->year[i] = (int16_t)year;
          rows->train[i] = (uint8_t)in_sample;
        }
      }
    }
    for (size_t j = rc; st == ORB_OK && j < end; j++) {
      for (size_t k = 0; k < np; k++) attrs[k] = orb_record_rollcall_attrs(rec, j, spec->patrons[k]);
      st = rstate_update(&s, j, attrs);
    }
    rstate_end_day(&s);
    rc = end;
  }
  rstate_free(&s);
  free(actors);
  free(attrs);
  free(near);
  free(near_sim);
  if (st) orb_record_rows_free(rows);
  return st;
}

orb_status record_features_many(const orb_record *rec, const orb_record_model *model,
                                const size_t *countries, size_t n, size_t patron,
                                orb_date date, unsigned attrs, size_t title, size_t stem,
                                size_t near, float near_sim, orb_vote patron_vote, float *x) {
  if (patron >= rec->country_count) return ORB_EINVAL;
  for (size_t i = 0; i < n; i++)
    if (countries[i] >= rec->country_count || countries[i] == patron) return ORB_EINVAL;
  size_t na = rec->country_count;
  size_t *actors = malloc(na * sizeof *actors);
  if (!actors) return ORB_ENOMEM;
  for (size_t a = 0; a < na; a++) actors[a] = a;
  rstate s;
  orb_status st = rstate_init(&s, rec, model, actors, na, &patron, 1);
  if (st) {
    free(actors);
    return st;
  }
  int year;
  for (size_t rc = 0; st == ORB_OK && rc < rec->rollcall_count && rec->rollcalls[rc].date < date;
       rc++) {
    unsigned at = orb_record_rollcall_attrs(rec, rc, patron);
    st = rstate_update(&s, rc, &at);
    if (rc + 1 == rec->rollcall_count || rec->rollcalls[rc + 1].date != rec->rollcalls[rc].date)
      rstate_end_day(&s);
  }
  if (st == ORB_OK) {
    orb_date_to_ymd(date, &year, NULL, NULL);
    st = rstate_year(&s, year);
    s.now = date;
    for (size_t i = 0; st == ORB_OK && i < n; i++)
      rstate_features(&s, countries[i], 0, attrs, title, stem, near, near_sim, patron_vote,
                      x + i * ORB_RT_COUNT);
  }
  rstate_free(&s);
  free(actors);
  return st;
}

orb_status orb_record_features_at(const orb_record *rec, const orb_record_model *model,
                                  size_t actor, size_t patron, orb_date date, unsigned attrs,
                                  size_t title, size_t stem, orb_vote patron_vote,
                                  float x[ORB_RT_COUNT]) {
  size_t near = ORB_NONE;
  float sim = 0;
  if (title != ORB_NONE && title < rec->title_count) {
    size_t *all = malloc(rec->title_count * sizeof *all);
    float *sims = malloc(rec->title_count * sizeof *sims);
    orb_status st = all && sims ? record_near_build(rec, all, sims) : ORB_ENOMEM;
    if (st == ORB_OK) {
      near = all[title];
      sim = sims[title];
    }
    free(all);
    free(sims);
    if (st) return st;
  }
  return record_features_many(rec, model, &actor, 1, patron, date, attrs, title, stem, near,
                              sim, patron_vote, x);
}

orb_status record_issue_text(const orb_record *rec, const char *text, orb_date date,
                             size_t *title, size_t *stem, size_t *near, float *sim) {
  *title = orb_record_find_title(rec, text);
  *stem = orb_record_find_stem(rec, text);
  *near = ORB_NONE;
  *sim = 0;
  if (*title == ORB_NONE) return record_near_text(rec, text, date, near, sim);
  size_t *all = malloc(rec->title_count * sizeof *all);
  float *sims = malloc(rec->title_count * sizeof *sims);
  orb_status st = all && sims ? record_near_build(rec, all, sims) : ORB_ENOMEM;
  if (st == ORB_OK) {
    *near = all[*title];
    *sim = sims[*title];
  }
  free(all);
  free(sims);
  return st;
}

orb_status orb_record_features_text(const orb_record *rec, const orb_record_model *model,
                                    size_t actor, size_t patron, orb_date date, unsigned attrs,
                                    const char *text, orb_vote patron_vote,
                                    float x[ORB_RT_COUNT]) {
  size_t title, stem, near;
  float sim;
  orb_status st = record_issue_text(rec, text, date, &title, &stem, &near, &sim);
  if (st) return st;
  return record_features_many(rec, model, &actor, 1, patron, date, attrs, title, stem, near,
                              sim, patron_vote, x);
}
