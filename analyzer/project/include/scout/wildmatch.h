/* Git's wildmatch patterns as hatch and hatch-mypyc read them (pathspec's
 * GitWildMatchPattern): against a '/'-separated path relative to the
 * project root. */
#ifndef SCOUT_WILDMATCH_H
#define SCOUT_WILDMATCH_H

#include "scout/common.h"

/* True when the pattern matches `path`: a leading or inner '/' anchors it
 * at the root, else it matches at any depth; a pattern that names a
 * directory matches every path below it; a trailing '/' matches only
 * below; `*` and `?` stay within a component, `**` spans any depth. A
 * leading '!' is read as part of the pattern (see scout_wildmatch_spec). */
bool scout_wildmatch(const char *pattern, const char *path);

/* A list of patterns as a .gitignore reads it: the last pattern that
 * matches decides, and a '!' pattern un-matches; blank and '#' lines are
 * skipped. */
bool scout_wildmatch_spec(const char *const *patterns, size_t n, const char *path);

#endif
