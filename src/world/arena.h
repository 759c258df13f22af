/*
 * arena.h: a bump allocator that owns everything a world holds; freed at once.
 */
#ifndef ORB_WORLD_ARENA_H
#define ORB_WORLD_ARENA_H

#include <stddef.h>

typedef struct world_arena world_arena;

/* A new empty arena, or NULL when out of memory. */
world_arena *arena_new(void);

/* Frees the arena and every block it handed out; NULL is allowed. */
void arena_free(world_arena *arena);

/* size bytes, zeroed, aligned for any type; NULL when out of memory. The memory
 * belongs to the arena. */
void *arena_alloc(world_arena *arena, size_t size);

/* count elements of size bytes each, zeroed; NULL on overflow or out of memory. */
void *arena_array(world_arena *arena, size_t count, size_t size);

/* A copy of len bytes of text, NUL-terminated, owned by the arena. */
char *arena_strndup(world_arena *arena, const char *text, size_t len);

#endif
