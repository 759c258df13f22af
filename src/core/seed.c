/*
 * seed.c: the public faces of the input layer's one number parser (input.c):
 * whole numbers (seeds, counts) and decimal numbers given on a command line.
 */
#include <string.h>

#include "core/input_internal.h"
#include "orbit/core.h"

orb_status orb_seed_parse(const char *text, uint64_t *seed) {
  if (!text) return ORB_EINVAL;
  uint64_t value;
  if (input_uint64(text, strlen(text), &value) != INPUT_NUMBER_OK) return ORB_EINVAL;
  *seed = value;
  return ORB_OK;
}

orb_status orb_number_parse(const char *text, double *value) {
  if (!text) return ORB_EINVAL;
  double v;
  if (input_number(text, strlen(text), &v) != INPUT_NUMBER_OK) return ORB_EINVAL;
  *value = v;
  return ORB_OK;
}
