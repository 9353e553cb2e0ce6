#ifndef SITEGEN_CMARK_THREADING_H
#define SITEGEN_CMARK_THREADING_H

/// Whether cmark-gfm's table of special inline characters is pinned: set once for the GFM
/// extensions and never cleared again, so `cmark_parser_finish` may run on several threads.
/// False until the first document has been parsed, and false for good if the interposition
/// below did not take effect (then callers must keep parsing under a lock).
int sitegen_cmark_special_characters_pinned(void);

#endif
