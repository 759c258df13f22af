/*
 * rng.h: the random stream of one stochastic bargaining run (private):
 * xoshiro256** seeded through splitmix64 from (seed, run index), so each run has
 * its own stream whatever thread plays it.
 */
#ifndef ORB_BARGAIN_RNG_H
#define ORB_BARGAIN_RNG_H

#include <stdint.h>

typedef struct bargain_rng {
  uint64_t s[4];
} bargain_rng;

/* One step of splitmix64 on *state, returning the mixed value. */
static inline uint64_t bargain_splitmix64(uint64_t *state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

/* Seeds rng with the stream of run number run under seed. */
static inline void bargain_rng_seed(bargain_rng *rng, uint64_t seed, uint64_t run) {
  uint64_t mix = seed;
  uint64_t key = bargain_splitmix64(&mix) ^ (run * 0xD1B54A32D192ED03ull);
  for (int i = 0; i < 4; i++) rng->s[i] = bargain_splitmix64(&key);
}

/* Next 64 random bits (xoshiro256**). */
static inline uint64_t bargain_rng_next(bargain_rng *rng) {
  uint64_t *s = rng->s;
  const uint64_t x = s[1] * 5;
  const uint64_t result = ((x << 7) | (x >> 57)) * 9;
  const uint64_t t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = (s[3] << 45) | (s[3] >> 19);
  return result;
}

/* A uniform double in [0, 1). */
static inline double bargain_rng_uniform(bargain_rng *rng) {
  return (double)(bargain_rng_next(rng) >> 11) * 0x1.0p-53;
}

#endif
