/* Inline suppressions: `# mypyc-scout: ignore[rule-id, ...]` (or a bare
 * `# mypyc-scout: ignore`) hides the findings that start on that line. */
#ifndef SCOUT_SUPPRESS_H
#define SCOUT_SUPPRESS_H

#include "scout/walk.h"

/* Records the suppression a comment node carries, if any. */
void scout_suppress_collect(scout_walk *w, TSNode comment);
/* Drops the suppressed findings from w->module and frees the list. */
void scout_suppress_apply(scout_walk *w);

#endif
