/* Finding fingerprints that survive unrelated edits: rule, path, the
 * enclosing def/class, and the finding's source line with blanks folded —
 * not its line number. Used by baselines and by the CI formats. */
#ifndef SCOUT_FINGERPRINT_H
#define SCOUT_FINGERPRINT_H

#include "scout/result.h"

/* 16 hex digits of the SHA-1 (libgit2's object hash) of the parts, each
 * followed by a NUL. Writes a NUL-terminated string into out. */
void scout_fingerprint(char out[SCOUT_FINGERPRINT_LEN], const char *const *parts, size_t n);

/* Fills the fingerprint of every finding of m that has none (link-stage
 * findings: from rule, path and the message without its numbers), then makes
 * equal fingerprints in one module unique with a "-2", "-3" suffix in order. */
void scout_fingerprint_finish(scout_module *m);

#endif
