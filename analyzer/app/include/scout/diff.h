/* --diff BASE: show only what a change introduces. */
#ifndef SCOUT_DIFF_H
#define SCOUT_DIFF_H

#include "scout/result.h"
#include "scout/walk.h"

/* Keeps only the findings on lines added or changed since the merge base of
 * BASE and HEAD (committed, staged and work-tree changes; new files count
 * whole), plus every finding of a module whose verdict is worse than at the
 * merge base. `root` is the scanned directory (scan paths are relative to
 * it). Scores, verdicts and the plan still describe the whole repository.
 * The base versions of the changed modules are analysed on `jobs` threads.
 * Sets *hidden. Returns 0, or SCOUT_ERROR (message in scout_error_last()) when
 * root is not in a git work tree or BASE does not resolve. */
int scout_diff_apply(scout_scan *scan, const char *root, const char *base,
                     const scout_rule_config *rules, unsigned jobs, size_t *hidden);

#endif
