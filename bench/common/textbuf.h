/*
 * textbuf.h: a growing text buffer for benchmarks that generate their inputs.
 */
#ifndef ORB_BENCH_TEXTBUF_H
#define ORB_BENCH_TEXTBUF_H

#include <stddef.h>

typedef struct textbuf {
  char *data; /* NUL-terminated, owned by the buffer; free() it */
  size_t len, cap;
} textbuf;

/* An empty buffer (exits when out of memory). */
textbuf textbuf_new(void);

/* Appends printf-formatted text (exits when out of memory). */
void textbuf_put(textbuf *t, const char *format, ...) __attribute__((format(printf, 2, 3)));

#endif
