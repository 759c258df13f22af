/*
 * textbuf.c: a growing text buffer for benchmarks that generate their inputs.
 */
#include "textbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

textbuf textbuf_new(void) {
  textbuf t = {malloc(1 << 16), 0, 1 << 16};
  if (!t.data) exit(1);
  t.data[0] = '\0';
  return t;
}

void textbuf_put(textbuf *t, const char *format, ...) {
  va_list args;
  for (;;) {
    va_start(args, format);
    int n = vsnprintf(t->data + t->len, t->cap - t->len, format, args);
    va_end(args);
    if (n < 0) exit(1);
    if ((size_t)n < t->cap - t->len) {
      t->len += (size_t)n;
      return;
    }
    t->cap = t->cap * 2 + (size_t)n + 1;
    t->data = realloc(t->data, t->cap);
    if (!t->data) exit(1);
  }
}
