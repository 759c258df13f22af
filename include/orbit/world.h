/*
 * orbit/world.h: a world, everything loaded from one world file (docs/WORLD.md):
 * actors, ties, institutions, issues, events and model parameters.
 *
 * A loaded world is immutable and owns all its memory (one arena); the structs
 * below are read-only views into it, valid until orb_world_free(). Actors are
 * referred to by their index in world->actors everywhere; institutions are also
 * actors (kind organisation or bloc) and carry the index of that actor.
 */
#ifndef ORBIT_WORLD_H
#define ORBIT_WORLD_H

#include "orbit/core.h"

#ifdef __cplusplus
extern "C" {
#endif

ORB_BEGIN_API

/* Where a figure comes from: exactly one of source and assumption is non-NULL. */
typedef struct orb_provenance {
  const char *source;     /* a seed file by name or a dataset with its year */
  const char *assumption; /* why the figure was assumed, when no source has it */
} orb_provenance;

/* A sourced number for a year (year 0 when the figure has none). */
typedef struct orb_figure {
  double value;
  int year;
  const char *note; /* optional: which of conflicting values was used and why */
  orb_provenance provenance;
} orb_figure;

typedef enum orb_actor_kind {
  ORB_ACTOR_STATE,        /* id is ISO 3166-1 alpha-3 */
  ORB_ACTOR_BLOC,         /* e.g. the EU, acting as one pole */
  ORB_ACTOR_ORGANISATION, /* e.g. the CSTO, the CPC consortium */
  ORB_ACTOR_TERRITORY     /* a breakaway or disputed territory */
} orb_actor_kind;

/* A named attribute of an actor: a number (text NULL) or a text such as a regime. */
typedef struct orb_attribute {
  const char *name;
  const char *text;
  orb_figure figure; /* figure.value is 0 for text attributes */
} orb_attribute;

/* A leader of an actor with a dated term (docs/WORLD.md, `leaders`): the event
 * coder reads the name and aliases as the actor in office with role `role`
 * during [from, to], both inclusive (ORB_DATE_NONE: open). */
typedef struct orb_leader {
  const char *name;        /* "Vladimir Putin" */
  const char **aliases;    /* other ways news write the name ("Putin") */
  size_t alias_count;
  const char *office;      /* "president", "prime minister"...: terms of one office
                              never overlap */
  const char *role;        /* agent code in office, "GOV" unless given */
  orb_date from, to;
  orb_provenance provenance;
} orb_leader;

/* What owns an organisation or a company (docs/WORLD.md, `owner`): the coder
 * codes the organisation's names as the owner with this role. */
typedef struct orb_owner {
  size_t actor;            /* ORB_NONE when the actor has no owner */
  const char *role;        /* agent code, "BUS" unless given */
  orb_provenance provenance;
} orb_owner;

typedef struct orb_actor {
  const char *id;
  const char *name;
  orb_actor_kind kind;
  orb_attribute *attributes; /* several entries per name allowed, one per year */
  size_t attribute_count;
  /* how news name the actor (docs/WORLD.md, `names`), for the event coder */
  const char **aliases;      /* "Russian Federation" */
  size_t alias_count;
  const char **adjectives;   /* adjectives and demonyms: "Russian", "Russians" */
  size_t adjective_count;
  const char **capitals;     /* the seat of government as metonym: "Moscow", "the Kremlin" */
  size_t capital_count;
  orb_provenance names_provenance; /* both NULL when the actor has no names: */
  orb_leader *leaders;       /* in file order */
  size_t leader_count;
  orb_owner owner;
} orb_actor;

/* ---- the vocabulary of world files (one table each, in src/world/types.c) ---- */

/* Tie types: what a dependence is made of (docs/WORLD.md, `ties`). */
typedef enum orb_tie_type {
  ORB_TIE_TRADE, ORB_TIE_EXPORTS, ORB_TIE_IMPORTS, ORB_TIE_ENERGY, ORB_TIE_GAS,
  ORB_TIE_OIL_TRANSIT, ORB_TIE_REMITTANCES, ORB_TIE_MIGRATION, ORB_TIE_CREDIT,
  ORB_TIE_INVESTMENT, ORB_TIE_TRANSIT, ORB_TIE_SECURITY, ORB_TIE_MILITARY_PRESENCE,
  ORB_TIE_ARMS, ORB_TIE_DIASPORA, ORB_TIE_LANGUAGE,
  ORB_TIE_TYPE_COUNT
} orb_tie_type;

/* The channel a tie type belongs to, as the models read it. */
typedef enum orb_tie_channel {
  ORB_CHANNEL_TRADE,    /* trade, exports, imports */
  ORB_CHANNEL_ENERGY,   /* energy, gas, oil transit, transit routes */
  ORB_CHANNEL_FINANCE,  /* remittances, migration, credit, investment */
  ORB_CHANNEL_ARMS,     /* arms supplies */
  ORB_CHANNEL_SECURITY, /* security guarantees, training */
  ORB_CHANNEL_PRESENCE, /* foreign troops or bases on the actor's soil */
  ORB_CHANNEL_SOCIAL,   /* diaspora, language */
  ORB_CHANNEL_COUNT
} orb_tie_channel;

/* What a tie type means: its name in world files, its channel, whether it is a
 * security tie, whether it starts on a date (a base opens, an arms deal is
 * signed) rather than being a structural share that moves slowly, and one line
 * of meaning. */
typedef struct orb_tie_type_info {
  const char *name;
  orb_tie_channel channel;
  int security;   /* arms, security, military presence */
  int dated;      /* starts when first recorded, whatever the world says */
  const char *meaning;
} orb_tie_type_info;

/* The row of a tie type (NULL when out of range). */
const orb_tie_type_info *orb_tie_type_get(orb_tie_type type);
/* The name of a tie type as written in world files ("unknown" when out of range). */
const char *orb_tie_type_name(orb_tie_type type);
/* Looks a tie type up by name; ORB_ENOTFOUND if there is none. */
orb_status orb_tie_type_find(const char *name, orb_tie_type *type);

/* Institution commitments: what membership obliges (docs/WORLD.md, `institutions`). */
typedef enum orb_commitment {
  ORB_COMMITMENT_MUTUAL_DEFENCE, ORB_COMMITMENT_POLITICAL_UNION,
  ORB_COMMITMENT_ECONOMIC_UNION, ORB_COMMITMENT_CUSTOMS_UNION,
  ORB_COMMITMENT_SECURITY_COOPERATION, ORB_COMMITMENT_POLITICAL,
  ORB_COMMITMENT_COUNT
} orb_commitment;

/* How a commitment binds its members, as the models read it. */
typedef enum orb_bond {
  ORB_BOND_NONE,     /* consultation, cooperation: no obligation the models read */
  ORB_BOND_SECURITY, /* members' security is bound: an alliance or political union */
  ORB_BOND_ECONOMY   /* members' economies are bound: an economic or customs union */
} orb_bond;

typedef struct orb_commitment_info {
  const char *name;
  orb_bond bond;
  int defence;     /* a mutual-defence obligation (an alliance) */
  const char *meaning;
} orb_commitment_info;

const orb_commitment_info *orb_commitment_get(orb_commitment commitment);
const char *orb_commitment_name(orb_commitment commitment);
orb_status orb_commitment_find(const char *name, orb_commitment *commitment);

/* A directed dependence of actor `from` on actor `to`, e.g. KAZ on RUS for trade;
 * values are shares in [0,1], sorted by year, at most one per year. */
typedef struct orb_tie {
  size_t from;
  size_t to;
  orb_tie_type type;
  orb_figure *values;
  size_t value_count;
  orb_date ended;   /* the tie stopped holding on this date, or ORB_DATE_NONE */
  int backdated;    /* its earliest figure also holds for earlier years (world
                       key ties_before_first_year: earliest, and a type that is
                       not dated); see orb_tie_at() */
} orb_tie;

/* A span of time [start, end); end is ORB_DATE_NONE while it lasts. */
typedef struct orb_period {
  orb_date start;
  orb_date end;
} orb_period;

typedef enum orb_role { ORB_ROLE_MEMBER, ORB_ROLE_OBSERVER } orb_role;

typedef struct orb_membership {
  size_t actor;
  orb_role role;
  orb_period period;        /* joined .. left */
  orb_period *suspensions;  /* inside period, not overlapping */
  size_t suspension_count;
  orb_provenance provenance;
} orb_membership;

typedef struct orb_institution {
  size_t actor;             /* the institution as an actor */
  size_t leader;            /* leading actor, ORB_NONE if none */
  orb_commitment commitment; /* what membership obliges */
  const char *commitment_text; /* e.g. "Article 4: aggression against one ..." */
  orb_membership *members;  /* possibly several spans per actor, never overlapping */
  size_t member_count;
  orb_provenance provenance;
} orb_institution;

/* What an option of an issue means for the patron named by the issue. */
typedef enum orb_stance {
  ORB_STANCE_SUPPORT = 0,
  ORB_STANCE_SILENT = 1,
  ORB_STANCE_CONDEMN = 2
} orb_stance;
#define ORB_STANCE_COUNT 3

typedef struct orb_option {
  const char *id;   /* e.g. "yes", "abstain" */
  orb_stance stance;
  const char *label;
} orb_option;

typedef struct orb_observed_stance {
  size_t actor;
  size_t option;
  orb_provenance provenance;
} orb_observed_stance;

/* A numeric attribute describing an issue's text (never its outcome). */
typedef struct orb_issue_attribute {
  const char *name;
  double value;
} orb_issue_attribute;

typedef struct orb_issue {
  const char *id;
  const char *title;
  orb_date date;
  size_t patron;            /* the actor whose side "support" means */
  orb_option *options;
  size_t option_count;
  orb_issue_attribute *attributes;
  size_t attribute_count;
  orb_observed_stance *observed;
  size_t observed_count;
  orb_provenance provenance;
} orb_issue;

/* Model event types (docs/WORLD.md lists them with their CAMEO root codes). */
typedef enum orb_event_type {
  ORB_EV_STATEMENT, ORB_EV_MEETING, ORB_EV_REQUEST_AID, ORB_EV_AID_GIVEN,
  ORB_EV_AID_REFUSED, ORB_EV_TROOP_DEPLOYMENT, ORB_EV_TROOP_WITHDRAWAL,
  ORB_EV_ATTACK, ORB_EV_BORDER_CLASH, ORB_EV_CONDEMN, ORB_EV_ABSTAIN,
  ORB_EV_RECOGNISE, ORB_EV_REFUSE_RECOGNISE, ORB_EV_SIGN_AGREEMENT,
  ORB_EV_SANCTION, ORB_EV_THREATEN, ORB_EV_SUSPEND_MEMBERSHIP,
  ORB_EV_LEAVE_INSTITUTION, ORB_EV_JOIN_INSTITUTION, ORB_EV_ANNEX,
  ORB_EV_PROTEST, ORB_EV_COOPERATE,
  ORB_EV_TYPE_COUNT
} orb_event_type;

/* The tone of an event type between its source and target. */
typedef enum orb_event_tone {
  ORB_TONE_NEUTRAL,     /* statements, meetings, deployments, abstentions: no sign */
  ORB_TONE_COOPERATIVE, /* cooperation, aid, agreements, recognition, joining */
  ORB_TONE_HOSTILE,     /* verbal or diplomatic hostility: condemn, protest, refuse, leave */
  ORB_TONE_COERCIVE,    /* coercion short of force: threats, sanctions */
  ORB_TONE_VIOLENT      /* force: attacks, border clashes, annexation */
} orb_event_tone;

typedef struct orb_event_type_info {
  const char *name;
  int cameo_root;     /* CAMEO 2.0 root code, 1..20 */
  orb_event_tone tone;
  const char *meaning;
} orb_event_type_info;

/* The row of an event type (NULL when out of range). */
const orb_event_type_info *orb_event_type_get(orb_event_type type);
/* The name of an event type as written in world files ("troop_deployment"). */
const char *orb_event_type_name(orb_event_type type);
/* The CAMEO root code (1..20) an event type falls under. */
int orb_event_type_cameo_root(orb_event_type type);
/* Looks an event type up by name; ORB_ENOTFOUND if there is none. */
orb_status orb_event_type_find(const char *name, orb_event_type *type);

typedef struct orb_event {
  orb_date date;
  orb_precision precision;
  size_t source;            /* actor index */
  size_t target;            /* actor index, ORB_NONE for an internal event */
  orb_event_type type;
  const char *cameo;        /* optional CAMEO code, e.g. "0233" */
  int has_magnitude;
  orb_figure magnitude;     /* optional intensity, e.g. troops or deaths */
  const char *description;
  orb_provenance provenance;
} orb_event;

/* ---- event time (docs/MODEL.md: when an event counts) ---------------------- */

/* The last day an event's date may mean: the day itself, or the last day of its
 * month or year when that is all its date gives. */
orb_date orb_event_last_day(const orb_event *event);

/* Whether event is known to have happened strictly before date: its last
 * possible day (orb_event_last_day) is before date. Every model counts events
 * with this rule, and measures their age from orb_event_last_day. */
int orb_event_known_before(const orb_event *event, orb_date date);

/* ---- the parameter registry (src/world/params.c) ---------------------------
 * Every model registers its parameters in one table (name, default, admissible
 * range, one line of meaning); the loader checks each `parameters:` entry of a
 * world file against it, and `orbit help parameters` lists it. */

typedef struct orb_param_spec {
  const char *name;    /* e.g. "stance_w_economic"; for a family, its prefix */
  double value;        /* default when a world does not give it */
  double low, high;    /* admissible values */
  int family;          /* name is a prefix: name + "<issue attribute>" */
  const char *meaning; /* one line */
} orb_param_spec;

/* The number of registered parameters (families count once). */
size_t orb_param_spec_count(void);
/* The i-th registered parameter, in model order (stance, align, bargain...). */
const orb_param_spec *orb_param_spec_at(size_t i);
/* The registered parameter that name is, or belongs to (a family prefix
 * followed by a non-empty suffix); NULL when name is not registered. */
const orb_param_spec *orb_param_spec_find(const char *name);
/* The registered name closest to name (for did-you-mean), or NULL. */
const char *orb_param_spec_closest(const char *name);

/* A model parameter: default value, admissible range, and why. */
typedef struct orb_param {
  const char *name;
  double value;
  double low, high;         /* range; equal to value when fixed */
  const char *distribution; /* optional, e.g. "normal(0, 1)" */
  const char *justification;
  const char *fitted_by;    /* optional: the command and data that produced value */
} orb_param;

/* An actor's stand in a bargain: position and salience per dimension (0..100). */
typedef struct orb_bargain_stand {
  size_t actor;
  double *positions;        /* [dimension] */
  double *saliences;        /* [dimension], summing to at most 100 */
  int has_capability;       /* capability given here, else from the attribute */
  orb_figure capability;
  orb_provenance provenance;
} orb_bargain_stand;

/* A bargaining issue settled by the spatial model (docs/WORLD.md, `bargains`). */
typedef struct orb_bargain_issue {
  const char *id;
  const char *title;
  orb_date date;
  const char **dimensions;  /* names */
  const char **dimension_labels; /* what 0 and 100 mean, one per dimension */
  size_t dimension_count;
  const char *capability_attribute; /* actor attribute giving capabilities, or NULL */
  orb_bargain_stand *stands;
  size_t stand_count;
  orb_provenance provenance;
} orb_bargain_issue;

typedef struct orb_world {
  const char *path;         /* the file it was loaded from */
  const char *name;
  const char *description;
  orb_date start, end;      /* the span of time the world describes */

  orb_actor *actors;             size_t actor_count;
  orb_tie *ties;                 size_t tie_count;
  orb_institution *institutions; size_t institution_count;
  orb_issue *issues;             size_t issue_count;
  orb_event *events;             size_t event_count; /* sorted by date */
  orb_param *params;             size_t param_count;
  orb_bargain_issue *bargains;   size_t bargain_count;
  const char **coded_event_files; size_t coded_event_file_count; /* `coded_events:`,
                               resolved against the world file's folder */
  int has_landscape;        /* the file gives a landscape: (orb_landscape_read_yaml) */
  int ties_backdated;       /* world key ties_before_first_year: earliest */

  size_t sourced_count;     /* figures and facts that name a source */
  size_t assumption_count;  /* those marked as assumptions instead */

  const size_t *actor_order; /* private: actor indices sorted by id */
  struct orb_world *base;   /* private: a world this one points into and owns */
  struct world_arena *arena;  /* private: owns everything above */
} orb_world;

/* Loads and validates a world file. On success *world is a new world the caller
 * frees with orb_world_free(). On failure *world is NULL, every problem found is
 * appended to diags (FILE:LINE:COL: message), and ORB_EPARSE or ORB_EIO is
 * returned; nothing half-loaded is kept. */
orb_status orb_world_load(const char *path, orb_world **world, orb_diags *diags);

/* The same from a buffer of len bytes; name is used in diagnostics. */
orb_status orb_world_load_buffer(const char *name, const char *data, size_t len,
                                 orb_world **world, orb_diags *diags);

/* Frees a world and everything it owns; NULL is allowed. */
void orb_world_free(orb_world *world);

/* Hands base to world: a world derived from base (orb_world_merge_events_file,
 * orbit/events.h)
 * points into it, and after this call orb_world_free(world) frees base too. */
void orb_world_adopt(orb_world *world, orb_world *base);

/* The path of the built-in world: $ORBIT_WORLD if set, else the source tree's or
 * the installed worlds/postsoviet.yaml. Points to static storage. */
const char *orb_world_default_path(void);

/* Index of the actor with this id, or ORB_NONE. O(log n). */
size_t orb_world_actor(const orb_world *world, const char *id);

/* Index of the institution whose actor has this id, or ORB_NONE. */
size_t orb_world_institution(const orb_world *world, const char *id);

/* Index of the issue with this id, or ORB_NONE. */
size_t orb_world_issue(const orb_world *world, const char *id);

/* Index of the bargaining issue with this id, or ORB_NONE. */
size_t orb_world_bargain(const orb_world *world, const char *id);

/* Index of the parameter with this name, or ORB_NONE. */
size_t orb_world_param(const orb_world *world, const char *name);

/* The value of parameter name: the world's when it gives one, else the
 * registered default (orb_param_spec_find); NAN for an unregistered name. */
double orb_world_param_value(const orb_world *world, const char *name);

/* Reads the `parameters:` list of the file at path (a world file, whose other
 * sections are not read, or a file holding only `parameters:`), checks every
 * entry against the registry (FILE:LINE:COL), and makes *out, a world like
 * world whose parameters are world's with those of the file put in place of
 * the ones of the same name (and the others added). *out points into world,
 * which must outlive it unless handed over with orb_world_adopt(*out, world);
 * free it with orb_world_free(). On failure *out is NULL and diags says why. */
orb_status orb_world_with_params(const orb_world *world, const char *path,
                                 orb_world **out, orb_diags *diags);

typedef enum orb_member_status {
  ORB_NOT_MEMBER = 0,
  ORB_MEMBER,
  ORB_MEMBER_SUSPENDED,
  ORB_OBSERVER
} orb_member_status;

/* Status of actor in institution on date. */
orb_member_status orb_membership_at(const orb_world *world, size_t institution,
                                    size_t actor, orb_date date);

typedef enum orb_tie_state {
  ORB_TIE_HOLDS,       /* a value for this or an earlier year exists (or the tie
                          is backdated) */
  ORB_TIE_NOT_YET,     /* all values are from later years: the tie does not exist yet */
  ORB_TIE_ENDED        /* the tie ended on or before the date */
} orb_tie_state;

/* State of a tie on date, the one rule every model uses (docs/WORLD.md, `ties`):
 * a tie counts from its first recorded year; before it, it does not exist
 * (NOT_YET), unless it is backdated (the world says ties_before_first_year:
 * earliest and its type is not dated), when its earliest value holds (HOLDS).
 * *value (may be NULL) gets the value that holds: the latest of a year not after
 * the date's year, or the earliest for a backdated tie; NULL unless HOLDS. */
orb_tie_state orb_tie_at(const orb_tie *tie, orb_date date,
                         const orb_figure **value);

/* The latest numeric attribute `name` of actor with year <= year (or the
 * earliest if all are later); NULL if the actor has none. */
const orb_figure *orb_actor_attribute(const orb_world *world, size_t actor,
                                      const char *name, int year);

ORB_END_API

#ifdef __cplusplus
}
#endif
#endif
