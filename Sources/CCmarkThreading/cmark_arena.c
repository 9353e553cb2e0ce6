// A per-thread bump allocator for cmark-gfm. Parsing a page makes thousands of small
// `calloc`s (nodes, inline delimiters, literals), and cmark frees each of them again one by
// one; on several threads that traffic was a fifth of a build's CPU in glibc's allocator.
// Here every allocation of one document comes from the calling thread's blocks, `free` does
// nothing, and `sitegen_cmark_arena_end` drops the whole document at once.
//
// The functions in `cmark_mem` take no context, so the arena is the calling thread's: a
// document must be parsed, used and ended on one thread.
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmark_arena.h"

enum { BLOCK_BYTES = 256 * 1024, HEADER = 16, KEPT_BLOCKS = 8 };

typedef struct arena_block {
  struct arena_block *next;
  size_t capacity;
  size_t used;
  size_t padding;  // keeps the data 16-byte aligned
} arena_block;

static _Thread_local arena_block *current = NULL;
// Standard blocks kept from earlier documents, reused before asking malloc for more: a block is
// above glibc's mmap threshold, so each new one was a fresh mapping faulted in page by page.
static _Thread_local arena_block *spare = NULL;
static _Thread_local char *last = NULL;  // the newest allocation, which can grow in place
static _Thread_local int depth = 0;       // documents open on this thread
static _Thread_local size_t blocks_made = 0;
static _Thread_local int exit_hook_set = 0;

// Blocks a thread still holds are freed when it exits (a pthread key's destructor runs before
// the thread's storage goes), so threads that come and go (serve's rebuilds) leak nothing.
static pthread_key_t exit_key;
static pthread_once_t exit_key_once = PTHREAD_ONCE_INIT;
static atomic_size_t blocks_freed_at_exit = 0;

static void release_at_exit(void *unused) {
  (void)unused;
  blocks_freed_at_exit += sitegen_cmark_arena_release_thread();
}

static void make_exit_key(void) { pthread_key_create(&exit_key, release_at_exit); }

static void ensure_exit_hook(void) {
  if (exit_hook_set) return;
  pthread_once(&exit_key_once, make_exit_key);
  pthread_setspecific(exit_key, (void *)1);
  exit_hook_set = 1;
}

static void *out_of_memory(void) {
  fputs("sitegen: out of memory in the Markdown parser\n", stderr);
  abort();
}

static size_t rounded(size_t size) { return (size + 15) & ~(size_t)15; }

static void *arena_allocate(size_t size) {
  if (size > SIZE_MAX - 2 * HEADER) return out_of_memory();
  size_t need = HEADER + rounded(size);
  if (current == NULL || current->capacity - current->used < need) {
    size_t capacity = need > BLOCK_BYTES ? need : BLOCK_BYTES;
    arena_block *block = NULL;
    if (capacity == BLOCK_BYTES && spare != NULL) {
      block = spare;
      spare = spare->next;
    } else {
      block = malloc(sizeof(arena_block) + capacity);
      if (block == NULL) return out_of_memory();
      blocks_made += 1;
      ensure_exit_hook();
    }
    block->next = current;
    block->capacity = capacity;
    block->used = 0;
    current = block;
  }
  char *start = (char *)(current + 1) + current->used;
  *(size_t *)start = size;
  current->used += need;
  last = start + HEADER;
  return last;
}

static void *arena_calloc(size_t count, size_t size) {
  if (size != 0 && count > SIZE_MAX / size) return out_of_memory();
  void *pointer = arena_allocate(count * size);
  memset(pointer, 0, count * size);
  return pointer;
}

static void *arena_realloc(void *pointer, size_t size) {
  if (pointer == NULL) return arena_allocate(size);
  size_t old = *(size_t *)((char *)pointer - HEADER);
  if ((char *)pointer == last && size <= SIZE_MAX - 2 * HEADER) {
    size_t used = current->used - rounded(old) + rounded(size);
    if (used <= current->capacity) {
      current->used = used;
      *(size_t *)((char *)pointer - HEADER) = size;
      return pointer;
    }
  }
  void *moved = arena_allocate(size);
  memcpy(moved, pointer, old < size ? old : size);
  return moved;
}

static void arena_free(void *pointer) { (void)pointer; }

static sitegen_cmark_mem arena_memory = {arena_calloc, arena_realloc, arena_free};

sitegen_cmark_mem *sitegen_cmark_arena(void) { return &arena_memory; }

void sitegen_cmark_arena_begin(void) { depth += 1; }

void sitegen_cmark_arena_end(void) {
  depth -= 1;
  if (depth > 0) return;
  depth = 0;
  // Keeps up to KEPT_BLOCKS standard blocks for the next documents (one current, the rest
  // spare); larger ones go back to malloc.
  size_t kept = 0;
  for (arena_block *block = spare; block != NULL; block = block->next) kept += 1;
  arena_block *first = NULL;
  while (current != NULL) {
    arena_block *next = current->next;
    if (current->capacity == BLOCK_BYTES && first == NULL) {
      first = current;
      first->next = NULL;
      first->used = 0;
    } else if (current->capacity == BLOCK_BYTES && kept + 1 < KEPT_BLOCKS) {
      current->used = 0;
      current->next = spare;
      spare = current;
      kept += 1;
    } else {
      free(current);
    }
    current = next;
  }
  current = first;
  last = NULL;
}

size_t sitegen_cmark_arena_bytes_held(void) {
  size_t total = 0;
  for (arena_block *block = current; block != NULL; block = block->next) {
    total += block->capacity;
  }
  for (arena_block *block = spare; block != NULL; block = block->next) {
    total += block->capacity;
  }
  return total;
}

size_t sitegen_cmark_arena_blocks_made(void) { return blocks_made; }

size_t sitegen_cmark_arena_release_thread(void) {
  if (depth > 0) return 0;
  size_t freed = 0;
  arena_block *lists[2] = {current, spare};
  for (int list = 0; list < 2; list++) {
    arena_block *block = lists[list];
    while (block != NULL) {
      arena_block *next = block->next;
      free(block);
      freed += 1;
      block = next;
    }
  }
  current = NULL;
  spare = NULL;
  last = NULL;
  return freed;
}

size_t sitegen_cmark_arena_blocks_freed_at_exit(void) { return blocks_freed_at_exit; }
