/*
 * arena.c: a bump allocator over a chain of blocks.
 */
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "world/arena.h"

enum { ARENA_BLOCK_SIZE = 64 * 1024 };

typedef struct arena_block {
  struct arena_block *next;
  size_t used;
  size_t size;
  alignas(max_align_t) unsigned char data[];
} arena_block;

struct world_arena {
  arena_block *head;
};

world_arena *arena_new(void) { return calloc(1, sizeof(world_arena)); }

void arena_free(world_arena *arena) {
  if (!arena) return;
  arena_block *block = arena->head;
  while (block) {
    arena_block *next = block->next;
    free(block);
    block = next;
  }
  free(arena);
}

void *arena_alloc(world_arena *arena, size_t size) {
  const size_t align = alignof(max_align_t);
  size = (size + align - 1) & ~(align - 1);
  if (size == 0) size = align;
  arena_block *block = arena->head;
  if (!block || block->size - block->used < size) {
    size_t block_size = size > ARENA_BLOCK_SIZE ? size : ARENA_BLOCK_SIZE;
    if (block_size > SIZE_MAX - sizeof(arena_block)) return NULL;
    block = malloc(sizeof(arena_block) + block_size);
    if (!block) return NULL;
    block->used = 0;
    block->size = block_size;
    block->next = arena->head;
    arena->head = block;
  }
  void *memory = block->data + block->used;
  block->used += size;
  memset(memory, 0, size);
  return memory;
}

void *arena_array(world_arena *arena, size_t count, size_t size) {
  if (size && count > SIZE_MAX / size) return NULL;
  return arena_alloc(arena, count * size);
}

char *arena_strndup(world_arena *arena, const char *text, size_t len) {
  if (len == SIZE_MAX) return NULL;
  char *copy = arena_alloc(arena, len + 1);
  if (!copy) return NULL;
  memcpy(copy, text, len);
  copy[len] = '\0';
  return copy;
}
