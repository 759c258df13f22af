/*
 * exp_internal.h: an exponential that vectorises (private to the dynamics
 * module; docs/MODEL.md, "Speed of the ensemble: runs in lanes"). The C library's
 * exp is a call that stops a loop from vectorising; this one is straight-line
 * arithmetic on doubles and their bits, so a loop of them runs two, four or eight
 * lanes at a time.
 */
#ifndef ORB_DYN_EXP_INTERNAL_H
#define ORB_DYN_EXP_INTERNAL_H

#include <stdint.h>
#include <string.h>

/* exp(x) within one unit in the last place for x in [-708, 709] (the reduction and
 * the rational approximation of fdlibm's e_exp.c: x = k ln2 + r, |r| <= ln2/2,
 * exp(r) = 1 + r + r c / (2 - c)); x is clamped to that range first (exp(-708)
 * is 3e-308 where the C library gives 0 for x < -745), NAN gives NAN. Owns no
 * memory. */
static inline double dyn_exp(double x) {
  x = x < -708.0 ? -708.0 : x; /* NAN compares false: stays NAN */
  x = x > 709.0 ? 709.0 : x;
  const double shift = 0x1.8p52; /* adding it rounds to an integer in the low bits */
  double kd = x * 0x1.71547652b82fep0 + shift; /* x / ln 2 */
  uint64_t ki;
  memcpy(&ki, &kd, sizeof ki);
  kd -= shift;
  const double ln2_hi = 6.93147180369123816490e-01, ln2_lo = 1.90821492927058770002e-10;
  const double hi = x - kd * ln2_hi, lo = kd * ln2_lo, r = hi - lo, t = r * r;
  const double c = r - t * (1.66666666666666019037e-01 +
                            t * (-2.77777777770155933842e-03 +
                                 t * (6.61375632143793436117e-05 +
                                      t * (-1.65339022054652515390e-06 +
                                           t * 4.13813679705723846039e-08))));
  double y = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
  uint64_t bits;
  memcpy(&bits, &y, sizeof bits);
  bits += ki << 52; /* times 2^k: k in the exponent field (k fits: |x| <= 709) */
  memcpy(&y, &bits, sizeof y);
  return x == x ? y : x; /* a NAN's payload bits must not turn it into a number */
}

#endif
