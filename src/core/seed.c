/*
 * seed.c: the one parser of random seeds (--seed of every command).
 */
#include "orbit/core.h"

orb_status orb_seed_parse(const char *text, uint64_t *seed) {
  uint64_t value = 0;
  if (!text || !*text) return ORB_EINVAL;
  for (const char *p = text; *p; p++) {
    if (*p < '0' || *p > '9') return ORB_EINVAL;
    unsigned digit = (unsigned)(*p - '0');
    if (value > (UINT64_MAX - digit) / 10) return ORB_EINVAL; /* above 2^64 - 1 */
    value = value * 10 + digit;
  }
  *seed = value;
  return ORB_OK;
}
