/*
 * failalloc.c: the failing allocator of failalloc.h. The __wrap_ functions replace
 * the library's calls (GNU ld --wrap); the __real_ ones are the C library's (or the
 * sanitizer's).
 */
#include "failalloc.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t size);
void *__real_aligned_alloc(size_t align, size_t size);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t size);
void *__wrap_aligned_alloc(size_t align, size_t size);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);

static size_t fail_at, count;
static int sticky, failed;

void failalloc_arm(size_t n, int stick) {
  fail_at = n;
  sticky = stick;
  count = 0;
  failed = 0;
}

size_t failalloc_count(void) { return count; }
int failalloc_failed(void) { return failed; }

/* Counts one allocation; true when it must fail. */
static int should_fail(void) {
  count++;
  if (fail_at != 0 && (count == fail_at || (sticky && count > fail_at))) {
    failed = 1;
    return 1;
  }
  return 0;
}

void *__wrap_malloc(size_t size) { return should_fail() ? NULL : __real_malloc(size); }
void *__wrap_calloc(size_t n, size_t size) {
  return should_fail() ? NULL : __real_calloc(n, size);
}
void *__wrap_realloc(void *p, size_t size) {
  return should_fail() ? NULL : __real_realloc(p, size);
}
void *__wrap_aligned_alloc(size_t align, size_t size) {
  return should_fail() ? NULL : __real_aligned_alloc(align, size);
}
char *__wrap_strdup(const char *s) { return should_fail() ? NULL : __real_strdup(s); }
char *__wrap_strndup(const char *s, size_t n) {
  return should_fail() ? NULL : __real_strndup(s, n);
}

void failalloc_install_cjson(void) {
  cJSON_Hooks hooks = {__wrap_malloc, free};
  cJSON_InitHooks(&hooks);
}
