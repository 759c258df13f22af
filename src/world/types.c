/*
 * types.c: the controlled vocabularies of world files: event types (with their
 * CAMEO root codes) and tie types.
 */
#include <string.h>

#include "orbit/world.h"

typedef struct event_type_info {
  const char *name;
  int cameo_root; /* CAMEO 2.0 root code, 1..20 */
} event_type_info;

/* Indexed by orb_event_type; CAMEO roots from CAMEO 2.0 (Schrodt 2012). */
static const event_type_info event_types[ORB_EV_TYPE_COUNT] = {
  [ORB_EV_STATEMENT] = {"statement", 1},
  [ORB_EV_MEETING] = {"meeting", 4},
  [ORB_EV_REQUEST_AID] = {"request_aid", 2},
  [ORB_EV_AID_GIVEN] = {"aid_given", 7},
  [ORB_EV_AID_REFUSED] = {"aid_refused", 12},
  [ORB_EV_TROOP_DEPLOYMENT] = {"troop_deployment", 15},
  [ORB_EV_TROOP_WITHDRAWAL] = {"troop_withdrawal", 8},
  [ORB_EV_ATTACK] = {"attack", 19},
  [ORB_EV_BORDER_CLASH] = {"border_clash", 19},
  [ORB_EV_CONDEMN] = {"condemn", 11},
  [ORB_EV_ABSTAIN] = {"abstain", 12},
  [ORB_EV_RECOGNISE] = {"recognise", 5},
  [ORB_EV_REFUSE_RECOGNISE] = {"refuse_recognise", 12},
  [ORB_EV_SIGN_AGREEMENT] = {"sign_agreement", 5},
  [ORB_EV_SANCTION] = {"sanction", 16},
  [ORB_EV_THREATEN] = {"threaten", 13},
  [ORB_EV_SUSPEND_MEMBERSHIP] = {"suspend_membership", 16},
  [ORB_EV_LEAVE_INSTITUTION] = {"leave_institution", 16},
  [ORB_EV_JOIN_INSTITUTION] = {"join_institution", 5},
  [ORB_EV_ANNEX] = {"annex", 20},
  [ORB_EV_PROTEST] = {"protest", 14},
  [ORB_EV_COOPERATE] = {"cooperate", 6},
};

const char *orb_event_type_name(orb_event_type type) {
  return (unsigned)type < ORB_EV_TYPE_COUNT ? event_types[type].name : "unknown";
}

int orb_event_type_cameo_root(orb_event_type type) {
  return (unsigned)type < ORB_EV_TYPE_COUNT ? event_types[type].cameo_root : 0;
}

orb_status orb_event_type_find(const char *name, orb_event_type *type) {
  for (int i = 0; i < ORB_EV_TYPE_COUNT; i++)
    if (strcmp(event_types[i].name, name) == 0) {
      *type = (orb_event_type)i;
      return ORB_OK;
    }
  return ORB_ENOTFOUND;
}

static const char *const tie_types[] = {
  "trade", "exports", "imports", "energy", "gas", "oil_transit", "remittances",
  "migration", "credit", "investment", "transit", "security", "military_presence",
  "arms", "diaspora", "language", NULL
};

const char *const *orb_tie_types(void) { return tie_types; }
