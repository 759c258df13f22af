/*
 * read.c: reading a scenario file into memory for the parsers.
 */
#include <stdlib.h>
#include <string.h>

#include "bargain/read.h"

orb_status bargain_read_file(const char *path, size_t max_bytes, char **data,
                             size_t *len, orb_diags *diags) {
  *data = NULL;
  *len = 0;
  FILE *f = fopen(path, "rb");
  if (!f) {
    orb_diags_add(diags, path, 0, 0, "cannot open the scenario file");
    return ORB_EIO;
  }
  size_t cap = 1 << 16, used = 0;
  char *buf = malloc(cap + 1);
  while (buf) {
    size_t got = fread(buf + used, 1, cap - used, f);
    used += got;
    if (used < cap) break;
    if (cap >= max_bytes) {
      orb_diags_add(diags, path, 0, 0, "file larger than %zu bytes", max_bytes);
      free(buf);
      fclose(f);
      return ORB_ELIMIT;
    }
    cap *= 2;
    char *grown = realloc(buf, cap + 1);
    if (!grown) free(buf);
    buf = grown;
  }
  int failed = ferror(f);
  fclose(f);
  if (!buf) return ORB_ENOMEM;
  if (failed) {
    free(buf);
    orb_diags_add(diags, path, 0, 0, "read error");
    return ORB_EIO;
  }
  buf[used] = '\0';
  *data = buf;
  *len = used;
  return ORB_OK;
}
