// cmark-gfm's `cmark_parser_finish` adds the special characters of the parser's inline
// extensions to a process-wide table before parsing inlines and removes them afterwards
// (blocks.c, through the exported `cmark_manage_extensions_special_characters`). Two parsers
// finishing at once race: one clears `~` while the other still parses strikethrough.
//
// sitegen attaches the same extensions to every parser, so the table only ever needs one
// state. This definition interposes the library's (the call goes through the PLT): the first
// call sets the characters through the real function, and every later add or remove is a no-op.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include <stddef.h>

#include "cmark_threading.h"

typedef struct cmark_parser cmark_parser;
typedef void (*manage_fn)(cmark_parser *, int);

static atomic_int pinned = 0;

void cmark_manage_extensions_special_characters(cmark_parser *parser, int add) {
  if (atomic_load_explicit(&pinned, memory_order_acquire)) return;
  manage_fn real = (manage_fn)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
  if (real == NULL) return;
  if (!add) {
    real(parser, add);
    return;
  }
  real(parser, 1);
  atomic_store_explicit(&pinned, 1, memory_order_release);
}

int sitegen_cmark_special_characters_pinned(void) {
  return atomic_load_explicit(&pinned, memory_order_acquire);
}
