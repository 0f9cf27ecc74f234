/* --diff BASE: show only what a change introduces. */
#ifndef SCOUT_DIFF_H
#define SCOUT_DIFF_H

#include "scout/cli.h"
#include "scout/result.h"
#include "scout/walk.h"

/* Keeps only the findings on lines added or changed since the merge base of
 * BASE (cli->diff_base) and HEAD (committed, staged and work-tree changes;
 * new files count whole), plus every finding of a module whose verdict is
 * worse than at the merge base. `root` is the scanned directory (scan paths
 * are relative to it). Scores, verdicts and the plan still describe the whole
 * repository.
 *
 * Each side is judged by its own configuration: the work tree by the scan's,
 * the merge base by a whole scan of it as `--rev <merge base>` scans it (that
 * commit's pyproject.toml, mypy configuration, mypyc pin, target Python,
 * scope and compile set, and the project stage's cross-module findings;
 * flags on the command line stand over both sides; its cache entries are
 * shared with the work tree's by blob id). So a change of configuration
 * alone neither hides a module that got worse under the new one nor makes
 * one look worse because its old version is judged by rules it was not
 * written for, and a cross-module finding on an untouched line is not new.
 * When the merge base does not scan that way (its configuration does not
 * resolve, its project root differs), a warning says so and its changed
 * modules are analysed one by one with `rules` (the work tree's) on `jobs`
 * threads. Sets *hidden. Returns 0, or SCOUT_ERROR (message in
 * scout_error_last()) when root is not in a git work tree or BASE does not
 * resolve. */
int scout_diff_apply(scout_scan *scan, const scout_cli *cli, const char *root,
                     const scout_rule_config *rules, unsigned jobs, size_t *hidden);

#endif
