/* Glob patterns over '/'-separated relative paths, as packaging tools match
 * them: Python's glob ('**' spans directories) and gitignore's rules (what
 * hatch's include/exclude use, through the pathspec library). */
#ifndef SCOUT_PATHGLOB_H
#define SCOUT_PATHGLOB_H

#include "scout/common.h"

/* True when `path` matches `pattern` segment by segment: '*', '?' and
 * '[...]' stay within a segment, a "**" segment spans any number of them.
 * With `or_parent`, a directory above `path` that matches is enough (a
 * matched package directory holds the file). */
bool scout_glob_path(const char *pattern, const char *path, bool or_parent);

/* One gitignore pattern against a file's path: "/x" and "a/b" are anchored
 * at the root, "x" matches at any depth, "x/" only directories; a matching
 * directory matches everything beneath it; "x/ **" (no blank) matches what is inside
 * x, not x. Blank and '#' lines match
 * nothing; a leading '!' is left to scout_gitignore_any. */
bool scout_gitignore_match(const char *pattern, const char *path);

/* A list of gitignore patterns: the last that matches decides, and a
 * pattern starting with '!' re-includes what it matches. */
bool scout_gitignore_any(const char *const *patterns, size_t n, const char *path);

#endif
