/*
 * core.c: version, status strings and the did-you-mean helper.
 */
#include <stdlib.h>
#include <string.h>

#include "orbit/core.h"

const char *orb_version(void) { return ORB_VERSION_STRING; }

const char *orb_status_str(orb_status status) {
  switch (status) {
  case ORB_OK: return "success";
  case ORB_ENOMEM: return "out of memory";
  case ORB_EIO: return "input/output error";
  case ORB_EPARSE: return "malformed input";
  case ORB_EINVAL: return "invalid argument";
  case ORB_ENOTFOUND: return "not found";
  case ORB_ELIMIT: return "size limit exceeded";
  }
  return "unknown status";
}

/* Edit distance between a and b, capped: words longer than 63 bytes count as far. */
static size_t edit_distance(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  if (la > 63 || lb > 63) return (size_t)-1;
  size_t row[64];
  for (size_t j = 0; j <= lb; j++) row[j] = j;
  for (size_t i = 1; i <= la; i++) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= lb; j++) {
      size_t above = row[j];
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      size_t best = diagonal + cost;
      if (row[j] + 1 < best) best = row[j] + 1;
      if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
      row[j] = best;
      diagonal = above;
    }
  }
  return row[lb];
}

const char *orb_closest_word(const char *word, const char *const *candidates,
                             size_t count) {
  size_t limit = strlen(word) / 3;
  if (limit < 2) limit = 2;
  const char *best = NULL;
  size_t best_distance = limit + 1;
  for (size_t i = 0; i < count; i++) {
    size_t d = edit_distance(word, candidates[i]);
    if (d < best_distance) {
      best_distance = d;
      best = candidates[i];
    }
  }
  return best;
}
