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

typedef struct orb_actor {
  const char *id;
  const char *name;
  orb_actor_kind kind;
  orb_attribute *attributes; /* several entries per name allowed, one per year */
  size_t attribute_count;
} orb_actor;

/* A directed dependence of actor `from` on actor `to`, e.g. KAZ on RUS for trade;
 * values are shares in [0,1], sorted by year, at most one per year. */
typedef struct orb_tie {
  size_t from;
  size_t to;
  const char *type; /* one of orb_tie_types() */
  orb_figure *values;
  size_t value_count;
  orb_date ended;   /* the tie stopped holding on this date, or ORB_DATE_NONE */
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
  const char *commitment;   /* kind: mutual_defence, economic_union, ... */
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

  size_t sourced_count;     /* figures and facts that name a source */
  size_t assumption_count;  /* those marked as assumptions instead */

  const size_t *actor_order; /* private: actor indices sorted by id */
  struct orb_world *base;   /* private: a world this one points into and owns */
  struct orb_arena *arena;  /* private: owns everything above */
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

/* Hands base to world: a world derived from base (orb_world_merge_events_file)
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
  ORB_TIE_HOLDS,       /* a value for this or an earlier year exists */
  ORB_TIE_NOT_YET,     /* all values are from later years */
  ORB_TIE_ENDED        /* the tie ended on or before the date */
} orb_tie_state;

/* State of a tie on date; *value (may be NULL) gets the latest value of a year
 * not after the date's year, or the earliest value when the state is NOT_YET,
 * or NULL when the state is ENDED. */
orb_tie_state orb_tie_at(const orb_tie *tie, orb_date date,
                         const orb_figure **value);

/* The tie types accepted in world files, NULL-terminated. */
const char *const *orb_tie_types(void);

/* The latest numeric attribute `name` of actor with year <= year (or the
 * earliest if all are later); NULL if the actor has none. */
const orb_figure *orb_actor_attribute(const orb_world *world, size_t actor,
                                      const char *name, int year);

#ifdef __cplusplus
}
#endif
#endif
