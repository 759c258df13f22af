/*
 * pce.h: the voting and election kernels of the bargaining model (private):
 * votes, victory probabilities, coalitions and the probabilistic Condorcet
 * election variants, written to give KTAB's results bit for bit (same
 * operations in the same order; docs/MODEL.md, "Bargaining").
 */
#ifndef ORB_BARGAIN_PCE_H
#define ORB_BARGAIN_PCE_H

#include <stddef.h>

#include "orbit/bargain.h"

/* Minimum coalition strength of an option (KTAB Model::coalitions). */
#define BARGAIN_MIN_COALITION 1e-8

/* The vote of an actor of weight w between two options it values u1 and u2
 * (KTAB Model::vote); positive favours the first. */
static inline double bargain_vote(orb_bargain_voting rule, double w, double u1,
                                  double u2) {
  const double du = u1 - u2;
  switch (rule) {
  case ORB_VOTE_BINARY: {
    double bin = du / 1e-8;
    bin = (bin > +1) ? +1 : bin;
    bin = (bin < -1) ? -1 : bin;
    return w * bin;
  }
  case ORB_VOTE_PROPBIN: {
    const double mix = 0.2;
    double bin = du / 1e-8;
    bin = (bin > +1) ? +1 : bin;
    bin = (bin < -1) ? -1 : bin;
    return w * ((1 - mix) * du + mix * bin);
  }
  case ORB_VOTE_PROP:
    return w * du;
  case ORB_VOTE_PROPCBC: {
    const double mix = 0.5;
    return w * ((1 - mix) * du + mix * (du * du * du));
  }
  case ORB_VOTE_CUBIC:
    return w * (du * du * du);
  case ORB_VOTE_ASYMPROSP:
    if (du < 0.0) return w * du;
    if (0.0 < du) return (2.0 * w * du) / 3.0;
    return 0.0;
  }
  return 0.0;
}

/* Utility of normalised distance d to an actor of risk attitude r (KTAB bsUtil). */
static inline double bargain_util(double d, double r) {
  /* (1-d)(1+dr) for d <= 1, (1-d)(1+r) past it (round-off); a select, not a
     branch, so that loops over actors vectorise */
  const double dr_inside = d * r;
  const double dr = (d <= 1) ? dr_inside : r;
  return (1 - d) * (1 + dr);
}

/* h's perception of i's risk attitude from their own rh and ri (KTAB estNRA). */
static inline double bargain_perceived_risk(orb_bargain_risk_adjust adjust, double rh,
                                            double ri) {
  switch (adjust) {
  case ORB_RISK_ADJUST_FULL: return ri;
  case ORB_RISK_ADJUST_TWO_THIRDS: return (rh + (2.0 * ri)) / 3.0;
  case ORB_RISK_ADJUST_HALF: return (rh + ri) / 2;
  case ORB_RISK_ADJUST_ONE_THIRD: return ((2.0 * rh) + ri) / 3.0;
  case ORB_RISK_ADJUST_NONE: return rh;
  }
  return rh;
}

/* Probabilities (*p1, *p2) that coalitions of strength s1 and s2 win (KTAB vProb). */
void bargain_victory_pair(orb_bargain_victory model, double s1, double s2, double *p1,
                          double *p2);

/* Scratch doubles bargain_election needs for count options. */
size_t bargain_election_scratch(size_t count);

/* The outcome distribution p[count] of an election over count options that
 * voters value as util[voter * util_stride + option], with weights w[voters]:
 * coalitions (KTAB Model::coalitions), victory probabilities and the PCE model
 * (KTAB Model::scalarPCE). scratch holds bargain_election_scratch(count)
 * doubles. Returns ORB_ELIMIT if a Markov PCE does not converge. */
orb_status bargain_election(const orb_bargain_options *o, orb_bargain_voting rule,
                            size_t voters, const double *w, const double *util,
                            size_t util_stride, size_t count, double *p,
                            double *scratch);

/* Risk attitudes r[count] from win probabilities p[count] (KTAB bigRfromProb). */
void bargain_risk_from_prob(orb_bargain_risk_range range, const double *p, size_t count,
                            double *r);

#endif
