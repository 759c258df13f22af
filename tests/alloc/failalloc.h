/*
 * failalloc.h: an allocator that fails on request, for the allocation-failure
 * harness. The library's objects are linked with --wrap for each allocation
 * function, so every allocation orbit makes itself passes through here (those made
 * inside libfyaml, SQLite or libxml2 do not; cJSON's do once failalloc_install_cjson
 * has run).
 */
#ifndef ORB_FAILALLOC_H
#define ORB_FAILALLOC_H

#include <stddef.h>

/* Arms the allocator: the nth allocation from now fails (and every later one when
 * sticky is set); n = 0 disarms it. Resets the count. */
void failalloc_arm(size_t n, int sticky);

/* Allocations made since the last failalloc_arm. */
size_t failalloc_count(void);

/* True when an allocation has failed since the last failalloc_arm. */
int failalloc_failed(void);

/* Routes cJSON's allocations through the failing allocator. */
void failalloc_install_cjson(void);

#endif
