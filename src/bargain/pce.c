/*
 * pce.c: coalitions, victory probabilities and the probabilistic Condorcet
 * election (PCE) variants of the bargaining model, in KTAB's operation order.
 */
#include <math.h>

#include "bargain/pce.h"

/* Convergence tolerances and iteration cap of the Markov PCEs (KTAB kmodel.cpp). */
#define MARKOV_INCENTIVE_TOL 1e-8
#define MARKOV_UNIFORM_TOL 1e-6
#define MARKOV_MAX_ITER 1000

void bargain_victory_pair(orb_bargain_victory model, double s1, double s2, double *p1,
                          double *p2) {
  double x1 = s1, x2 = s2;
  switch (model) {
  case ORB_VICTORY_LINEAR:
    break;
  case ORB_VICTORY_SQUARE:
    x1 = s1 * s1;
    x2 = s2 * s2;
    break;
  case ORB_VICTORY_QUARTIC:
    x1 = s1 * s1 * s1 * s1;
    x2 = s2 * s2 * s2 * s2;
    break;
  case ORB_VICTORY_OCTIC: {
    double q1 = s1 * s1 * s1 * s1, q2 = s2 * s2 * s2 * s2;
    x1 = q1 * q1;
    x2 = q2 * q2;
    break;
  }
  case ORB_VICTORY_BINARY: {
    /* a 10% advantage either way is a sure win, linear in between */
    const double thresh = 1.10, min_x = 1e-6;
    if (s1 >= thresh * s2) {
      x1 = 1.0;
      x2 = min_x;
    } else if (s2 >= thresh * s1) {
      x1 = min_x;
      x2 = 1.0;
    } else {
      double r12 = s1 / (s1 + s2);
      double p12 = (r12 * (thresh + 1.0) - 1.0) / (thresh - 1.0);
      x1 = p12;
      x2 = 1 - p12;
    }
    break;
  }
  }
  *p1 = x1 / (x1 + x2);
  *p2 = x2 / (x1 + x2);
}

size_t bargain_election_scratch(size_t count) {
  return 4 * count * count + 2 * count;
}

/* pv[i*count+j] = P(option i beats j) from coalitions c (KTAB Model::vProb). */
static void victory_matrix(orb_bargain_victory model, const double *c, size_t count,
                           double *pv) {
  for (size_t i = 0; i < count; i++) {
    for (size_t j = 0; j < i; j++)
      bargain_victory_pair(model, c[i * count + j], c[j * count + i], &pv[i * count + j],
                           &pv[j * count + i]);
    pv[i * count + i] = 0.5;
  }
}

/* P(i) proportional to the chance that i beats every option (KTAB condPCE). */
static void conditional_pce(const double *pv, size_t count, double *p) {
  double total = 0.0;
  for (size_t i = 0; i < count; i++) {
    double pi = 1.0;
    for (size_t j = 0; j < count; j++) pi = pi * pv[i * count + j];
    p[i] = pi;
  }
  for (size_t i = 0; i < count; i++) total = total + p[i];
  for (size_t i = 0; i < count; i++) p[i] = p[i] / total;
}

/* Markov chain with uniform challenges, damped (KTAB markovUniformPCE). */
static orb_status markov_uniform_pce(const double *pv, size_t count, double *p,
                                     double *q) {
  for (size_t i = 0; i < count; i++) p[i] = 1.0 / (double)count;
  double change = 1.0;
  unsigned iter = 0;
  while (MARKOV_UNIFORM_TOL < change) {
    if (iter >= MARKOV_MAX_ITER) return ORB_ELIMIT;
    change = 0;
    for (size_t i = 0; i < count; i++) {
      double pi = 0.0;
      for (size_t j = 0; j < count; j++) pi = pi + pv[i * count + j] * (p[i] + p[j]);
      q[i] = pi / (double)count;
      double c = fabs(q[i] - p[i]);
      change = (c > change) ? c : change;
    }
    for (size_t i = 0; i < count; i++) p[i] = (p[i] + q[i]) / 2.0;
    iter++;
  }
  return ORB_OK;
}

/* Markov chain whose challenges follow the incentive C(i,j)V(i,j), damped
 * (KTAB markovIncentivePCE). scratch holds 2*count*count doubles. */
static orb_status markov_incentive_pce(const double *c, const double *pv, size_t count,
                                       double *p, double *q, double *scratch) {
  double *chlg = scratch, *ct = scratch + count * count;
  for (size_t i = 0; i < count; i++)
    for (size_t j = 0; j < count; j++) {
      double inctv = c[i * count + j] * pv[i * count + j];
      if (i == j) inctv = inctv + 1e-10;
      ct[i * count + j] = inctv; /* incentives, until ct is needed */
    }
  for (size_t i = 0; i < count; i++)
    for (size_t j = 0; j < count; j++) {
      double sum = 0.0;
      for (size_t k = 0; k < count; k++) sum = sum + ct[k * count + j];
      chlg[i * count + j] = ct[i * count + j] / sum;
    }
  for (size_t i = 0; i < count; i++) p[i] = 1.0 / (double)count;
  double change = 1.0;
  unsigned iter = 0;
  while (MARKOV_INCENTIVE_TOL < change) {
    if (iter >= MARKOV_MAX_ITER) return ORB_ELIMIT;
    for (size_t i = 0; i < count; i++)
      for (size_t j = 0; j < count; j++) ct[i * count + j] = p[i] * chlg[j * count + i];
    change = 0.0;
    for (size_t i = 0; i < count; i++) {
      double qi = 0.0;
      for (size_t j = 0; j < count; j++) {
        double cj = ct[i * count + j] + ct[j * count + i];
        qi = qi + pv[i * count + j] * cj;
      }
      q[i] = qi;
      double d = fabs(q[i] - p[i]);
      change = (d > change) ? d : change;
    }
    for (size_t i = 0; i < count; i++) p[i] = (p[i] + q[i]) / 2.0;
    iter++;
  }
  return ORB_OK;
}

/* Coalition strengths c(i,j) for j < i of row i and c(j,i) into the scratch row
 * back[j] (KTAB Model::coalitions): the loop over voters is outermost so that
 * the loop over j vectorises, while every sum still adds voters in order. rule
 * is a constant where the caller inlines it. */
static inline __attribute__((always_inline)) void
coalition_row(orb_bargain_voting rule, size_t voters, const double *w, const double *util,
              size_t util_stride, size_t i, double *row, double *back) {
  for (size_t j = 0; j < i; j++) {
    row[j] = BARGAIN_MIN_COALITION;
    back[j] = BARGAIN_MIN_COALITION;
  }
  for (size_t k = 0; k < voters; k++) {
    const double *uk = util + k * util_stride;
    const double wk = w[k], uki = uk[i];
    for (size_t j = 0; j < i; j++) {
      const double v = bargain_vote(rule, wk, uki, uk[j]);
      row[j] = row[j] + ((v > 0) ? v : 0.0); /* adding 0 leaves a sum unchanged */
      back[j] = back[j] + ((v < 0) ? -v : 0.0);
    }
  }
}

orb_status bargain_election(const orb_bargain_options *o, orb_bargain_voting rule,
                            size_t voters, const double *w, const double *util,
                            size_t util_stride, size_t count, double *p,
                            double *scratch) {
  double *c = scratch, *pv = scratch + count * count;
  double *rest = pv + count * count, *q = rest + 2 * count * count;
  /* coalition strengths: c(i,j) supports i over j; rows are independent, and
     row i of pv holds c(., i) until the victory probabilities replace it */
  const int big = (double)count * (double)count * (double)voters > 2e5;
#pragma omp parallel for schedule(dynamic, 4) if (big)
  for (size_t i = 0; i < count; i++) {
    double *row = c + i * count, *back = pv + i * count;
    if (rule == ORB_VOTE_PROP)
      coalition_row(ORB_VOTE_PROP, voters, w, util, util_stride, i, row, back);
    else
      coalition_row(rule, voters, w, util, util_stride, i, row, back);
    for (size_t j = 0; j < i; j++) c[j * count + i] = back[j];
    c[i * count + i] = BARGAIN_MIN_COALITION;
  }
  victory_matrix(o->victory, c, count, pv);
  switch (o->pce) {
  case ORB_PCE_CONDITIONAL:
    conditional_pce(pv, count, p);
    return ORB_OK;
  case ORB_PCE_MARKOV_INCENTIVE:
    return markov_incentive_pce(c, pv, count, p, q, rest);
  case ORB_PCE_MARKOV_UNIFORM:
    return markov_uniform_pce(pv, count, p, q);
  }
  return ORB_EINVAL;
}

void bargain_risk_from_prob(orb_bargain_risk_range range, const double *p, size_t count,
                            double *r) {
  double p_min = 1.0, p_max = 0.0;
  for (size_t i = 0; i < count; i++) {
    p_min = (p[i] < p_min) ? p[i] : p_min;
    p_max = (p[i] > p_max) ? p[i] : p_max;
  }
  for (size_t i = 0; i < count; i++) {
    if (!(p_max > p_min)) { /* all equally likely: KTAB divides 0 by 0 here */
      r[i] = 0.0;
      continue;
    }
    switch (range) {
    case ORB_RISK_RANGE_MIN:
      r[i] = (p[i] - p_min) / (p_max - p_min);
      break;
    case ORB_RISK_RANGE_MID:
      r[i] = (3 * p[i] - (p_max + 2 * p_min)) / (2 * (p_max - p_min));
      break;
    case ORB_RISK_RANGE_MAX:
      r[i] = (2 * p[i] - (p_max + p_min)) / (p_max - p_min);
      break;
    }
  }
}
