#ifndef SITEGEN_CMARK_ARENA_H
#define SITEGEN_CMARK_ARENA_H

#include <stddef.h>

/// The layout of cmark-gfm's `cmark_mem`: calloc, realloc and free.
typedef struct sitegen_cmark_mem {
  void *(*calloc)(size_t, size_t);
  void *(*realloc)(void *, size_t);
  void (*free)(void *);
} sitegen_cmark_mem;

/// An allocator for cmark-gfm that takes memory from the calling thread's arena; its `free`
/// does nothing. Everything allocated through it stays valid until the outermost
/// `sitegen_cmark_arena_end` on this thread.
sitegen_cmark_mem *sitegen_cmark_arena(void);

/// Opens a document on the calling thread (documents may nest).
void sitegen_cmark_arena_begin(void);

/// Closes a document; when none is left open on this thread, releases everything allocated
/// through `sitegen_cmark_arena` at once.
void sitegen_cmark_arena_end(void);

/// The bytes of arena blocks the calling thread holds (up to eight 256 KB blocks between
/// documents).
size_t sitegen_cmark_arena_bytes_held(void);

/// Frees every block the calling thread holds, unless a document is open; returns how many.
/// Runs by itself when a thread that took blocks exits.
size_t sitegen_cmark_arena_release_thread(void);

/// How many blocks exiting threads have freed so far (all threads).
size_t sitegen_cmark_arena_blocks_freed_at_exit(void);

/// How many blocks the calling thread has taken from malloc so far.
size_t sitegen_cmark_arena_blocks_made(void);

#endif
