/*
 * diag.c: a list of diagnostics (FILE:LINE:COL: message) that owns its strings.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "orbit/core.h"

void orb_diags_init(orb_diags *diags) {
  diags->items = NULL;
  diags->count = 0;
  diags->capacity = 0;
  diags->lost = 0;
}

void orb_diags_free(orb_diags *diags) {
  for (size_t i = 0; i < diags->count; i++) {
    free(diags->items[i].file);
    free(diags->items[i].message);
  }
  free(diags->items);
  orb_diags_init(diags);
}

orb_status orb_diags_add(orb_diags *diags, const char *file, int line, int column,
                         const char *format, ...) {
  if (diags->count == diags->capacity) {
    size_t capacity = diags->capacity ? diags->capacity * 2 : 8;
    orb_diag *items = realloc(diags->items, capacity * sizeof *items);
    if (!items) {
      diags->lost++;
      return ORB_ENOMEM;
    }
    diags->items = items;
    diags->capacity = capacity;
  }
  va_list args;
  va_start(args, format);
  va_list copy;
  va_copy(copy, args);
  int len = vsnprintf(NULL, 0, format, copy);
  va_end(copy);
  char *message = len >= 0 ? malloc((size_t)len + 1) : NULL;
  if (message) vsnprintf(message, (size_t)len + 1, format, args);
  va_end(args);
  char *file_copy = strdup(file ? file : "<input>");
  if (!message || !file_copy) {
    free(message);
    free(file_copy);
    diags->lost++;
    return ORB_ENOMEM;
  }
  diags->items[diags->count++] = (orb_diag){file_copy, line, column, message};
  return ORB_OK;
}

void orb_diags_print(const orb_diags *diags, FILE *out) {
  for (size_t i = 0; i < diags->count; i++) {
    const orb_diag *d = &diags->items[i];
    if (d->line > 0)
      fprintf(out, "%s:%d:%d: error: %s\n", d->file, d->line, d->column, d->message);
    else
      fprintf(out, "%s: error: %s\n", d->file, d->message);
  }
  if (diags->lost)
    fprintf(out, "orbit: out of memory while recording diagnostics (%zu lost)\n",
            diags->lost);
}
