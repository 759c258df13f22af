/*
 * types.c: the controlled vocabularies of world files, each in one table with
 * its meaning and the properties the models read: tie types, institution
 * commitments, and event types (with their CAMEO root codes and tone). The
 * loader accepts exactly these names; the models classify by these properties,
 * never by comparing names. Also the event-time rule every model uses.
 */
#include <string.h>

#include "orbit/world.h"

/* ---- tie types ------------------------------------------------------------------ */

/* Indexed by orb_tie_type. */
static const orb_tie_type_info tie_types[ORB_TIE_TYPE_COUNT] = {
  [ORB_TIE_TRADE] = {"trade", ORB_CHANNEL_TRADE, 0, 0,
                     "share of the actor's trade (exports and imports) with the other"},
  [ORB_TIE_EXPORTS] = {"exports", ORB_CHANNEL_TRADE, 0, 0,
                       "share of the actor's exports that go to the other"},
  [ORB_TIE_IMPORTS] = {"imports", ORB_CHANNEL_TRADE, 0, 0,
                       "share of the actor's imports that come from the other"},
  [ORB_TIE_ENERGY] = {"energy", ORB_CHANNEL_ENERGY, 0, 0,
                      "share of the actor's energy supply that comes from the other"},
  [ORB_TIE_GAS] = {"gas", ORB_CHANNEL_ENERGY, 0, 0,
                   "share of the actor's gas that comes from the other"},
  [ORB_TIE_OIL_TRANSIT] = {"oil_transit", ORB_CHANNEL_ENERGY, 0, 0,
                           "share of the actor's oil exports that cross the other"},
  [ORB_TIE_REMITTANCES] = {"remittances", ORB_CHANNEL_FINANCE, 0, 0,
                           "share of the actor's remittances sent from the other"},
  [ORB_TIE_MIGRATION] = {"migration", ORB_CHANNEL_FINANCE, 0, 0,
                         "share of the actor's labour migrants who work in the other"},
  [ORB_TIE_CREDIT] = {"credit", ORB_CHANNEL_FINANCE, 0, 0,
                      "share of the actor's external debt owed to the other"},
  [ORB_TIE_INVESTMENT] = {"investment", ORB_CHANNEL_FINANCE, 0, 0,
                          "share of the foreign investment in the actor that is the other's"},
  [ORB_TIE_TRANSIT] = {"transit", ORB_CHANNEL_ENERGY, 0, 0,
                       "share of the actor's transit routes (goods, pipelines) through the other"},
  [ORB_TIE_SECURITY] = {"security", ORB_CHANNEL_SECURITY, 1, 1,
                        "the actor's security guaranteed or trained by the other"},
  [ORB_TIE_MILITARY_PRESENCE] = {"military_presence", ORB_CHANNEL_PRESENCE, 1, 1,
                                 "the other's troops or bases on the actor's soil (hosted "
                                 "or imposed)"},
  [ORB_TIE_ARMS] = {"arms", ORB_CHANNEL_ARMS, 1, 1,
                    "share of the actor's arms imports that come from the other"},
  [ORB_TIE_DIASPORA] = {"diaspora", ORB_CHANNEL_SOCIAL, 0, 0,
                        "share of the actor's population that belongs to the other's people"},
  [ORB_TIE_LANGUAGE] = {"language", ORB_CHANNEL_SOCIAL, 0, 0,
                        "share of the actor's population that speaks the other's language"},
};

const orb_tie_type_info *orb_tie_type_get(orb_tie_type type) {
  return (unsigned)type < ORB_TIE_TYPE_COUNT ? &tie_types[type] : NULL;
}

const char *orb_tie_type_name(orb_tie_type type) {
  return (unsigned)type < ORB_TIE_TYPE_COUNT ? tie_types[type].name : "unknown";
}

orb_status orb_tie_type_find(const char *name, orb_tie_type *type) {
  for (int i = 0; i < ORB_TIE_TYPE_COUNT; i++)
    if (strcmp(tie_types[i].name, name) == 0) {
      *type = (orb_tie_type)i;
      return ORB_OK;
    }
  return ORB_ENOTFOUND;
}

/* ---- commitments ------------------------------------------------------------------ */

/* Indexed by orb_commitment. British spelling, as everywhere in world files. */
static const orb_commitment_info commitments[ORB_COMMITMENT_COUNT] = {
  [ORB_COMMITMENT_MUTUAL_DEFENCE] = {"mutual_defence", ORB_BOND_SECURITY, 1,
                                     "an attack on one member is an attack on all "
                                     "(CSTO Article 4, NATO Article 5)"},
  [ORB_COMMITMENT_POLITICAL_UNION] = {"political_union", ORB_BOND_SECURITY, 0,
                                      "members pool sovereignty in common institutions "
                                      "(the EU, the Union State)"},
  [ORB_COMMITMENT_ECONOMIC_UNION] = {"economic_union", ORB_BOND_ECONOMY, 0,
                                     "a single market with common rules (the EAEU)"},
  [ORB_COMMITMENT_CUSTOMS_UNION] = {"customs_union", ORB_BOND_ECONOMY, 0,
                                    "a common external tariff"},
  [ORB_COMMITMENT_SECURITY_COOPERATION] = {"security_cooperation", ORB_BOND_NONE, 0,
                                           "joint exercises and consultations without a "
                                           "defence obligation (the SCO)"},
  [ORB_COMMITMENT_POLITICAL] = {"political", ORB_BOND_NONE, 0,
                                "consultation and cooperation without obligations "
                                "(the CIS, the OTS)"},
};

const orb_commitment_info *orb_commitment_get(orb_commitment commitment) {
  return (unsigned)commitment < ORB_COMMITMENT_COUNT ? &commitments[commitment] : NULL;
}

const char *orb_commitment_name(orb_commitment commitment) {
  return (unsigned)commitment < ORB_COMMITMENT_COUNT ? commitments[commitment].name
                                                     : "unknown";
}

orb_status orb_commitment_find(const char *name, orb_commitment *commitment) {
  for (int i = 0; i < ORB_COMMITMENT_COUNT; i++)
    if (strcmp(commitments[i].name, name) == 0) {
      *commitment = (orb_commitment)i;
      return ORB_OK;
    }
  return ORB_ENOTFOUND;
}

/* ---- event types ------------------------------------------------------------------ */

/* Indexed by orb_event_type; CAMEO roots from CAMEO 2.0 (Schrodt 2012). */
static const orb_event_type_info event_types[ORB_EV_TYPE_COUNT] = {
  [ORB_EV_STATEMENT] = {"statement", 1, ORB_TONE_NEUTRAL, "a public statement"},
  [ORB_EV_MEETING] = {"meeting", 4, ORB_TONE_NEUTRAL, "a visit, summit or talks"},
  [ORB_EV_REQUEST_AID] = {"request_aid", 2, ORB_TONE_NEUTRAL,
                          "a request for help (e.g. invoking an alliance)"},
  [ORB_EV_AID_GIVEN] = {"aid_given", 7, ORB_TONE_COOPERATIVE,
                        "economic, military or humanitarian aid provided"},
  [ORB_EV_AID_REFUSED] = {"aid_refused", 12, ORB_TONE_HOSTILE,
                          "a request for help turned down or ignored"},
  [ORB_EV_TROOP_DEPLOYMENT] = {"troop_deployment", 15, ORB_TONE_NEUTRAL,
                               "troops sent to the target (requested or imposed)"},
  [ORB_EV_TROOP_WITHDRAWAL] = {"troop_withdrawal", 8, ORB_TONE_NEUTRAL,
                               "troops pulled out of the target"},
  [ORB_EV_ATTACK] = {"attack", 19, ORB_TONE_VIOLENT, "armed attack or invasion"},
  [ORB_EV_BORDER_CLASH] = {"border_clash", 19, ORB_TONE_VIOLENT,
                           "armed clash on a border"},
  [ORB_EV_CONDEMN] = {"condemn", 11, ORB_TONE_HOSTILE, "public condemnation"},
  [ORB_EV_ABSTAIN] = {"abstain", 12, ORB_TONE_NEUTRAL,
                      "abstention or absence on a vote concerning the target"},
  [ORB_EV_RECOGNISE] = {"recognise", 5, ORB_TONE_COOPERATIVE,
                        "recognition of a state, territory or government"},
  [ORB_EV_REFUSE_RECOGNISE] = {"refuse_recognise", 12, ORB_TONE_HOSTILE,
                               "refusal to recognise what the target asks"},
  [ORB_EV_SIGN_AGREEMENT] = {"sign_agreement", 5, ORB_TONE_COOPERATIVE,
                             "a treaty or agreement signed"},
  [ORB_EV_SANCTION] = {"sanction", 16, ORB_TONE_COERCIVE,
                       "sanctions, embargoes, reduced relations"},
  [ORB_EV_THREATEN] = {"threaten", 13, ORB_TONE_COERCIVE, "a threat, explicit or veiled"},
  [ORB_EV_SUSPEND_MEMBERSHIP] = {"suspend_membership", 16, ORB_TONE_HOSTILE,
                                 "membership of an institution frozen"},
  [ORB_EV_LEAVE_INSTITUTION] = {"leave_institution", 16, ORB_TONE_HOSTILE,
                                "an institution left"},
  [ORB_EV_JOIN_INSTITUTION] = {"join_institution", 5, ORB_TONE_COOPERATIVE,
                               "an institution joined"},
  [ORB_EV_ANNEX] = {"annex", 20, ORB_TONE_VIOLENT, "territory annexed"},
  [ORB_EV_PROTEST] = {"protest", 14, ORB_TONE_HOSTILE, "a formal protest or demonstration"},
  [ORB_EV_COOPERATE] = {"cooperate", 6, ORB_TONE_COOPERATIVE,
                        "material or diplomatic cooperation"},
};

const orb_event_type_info *orb_event_type_get(orb_event_type type) {
  return (unsigned)type < ORB_EV_TYPE_COUNT ? &event_types[type] : NULL;
}

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

/* ---- event time --------------------------------------------------------------------- */

orb_date orb_event_last_day(const orb_event *event) {
  return orb_date_last_day(event->date, event->precision);
}

int orb_event_known_before(const orb_event *event, orb_date date) {
  return orb_event_last_day(event) < date;
}
