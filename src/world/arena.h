/*
 * arena.h: a bump allocator that owns everything a world holds; freed at once.
 */
#ifndef ORB_WORLD_ARENA_H
#define ORB_WORLD_ARENA_H

#include <stddef.h>

typedef struct orb_arena orb_arena;

/* A new empty arena, or NULL when out of memory. */
orb_arena *orb_arena_new(void);

/* Frees the arena and every block it handed out; NULL is allowed. */
void orb_arena_free(orb_arena *arena);

/* size bytes, zeroed, aligned for any type; NULL when out of memory. The memory
 * belongs to the arena. */
void *orb_arena_alloc(orb_arena *arena, size_t size);

/* count elements of size bytes each, zeroed; NULL on overflow or out of memory. */
void *orb_arena_array(orb_arena *arena, size_t count, size_t size);

/* A copy of len bytes of text, NUL-terminated, owned by the arena. */
char *orb_arena_strndup(orb_arena *arena, const char *text, size_t len);

#endif
