/* Paths in reports: the scan keeps them relative to the project root; CI
 * systems (GitHub, GitLab, code scanning) want them relative to the top of
 * the repository, and a person at a terminal relative to where they stand. */
#ifndef SCOUT_REPORT_PATHS_H
#define SCOUT_REPORT_PATHS_H

#include "scout/result.h"

/* path (from the project root) from the top of the git work tree holding it:
 * scan->repo_prefix + path. Owned by caller, free with free(). */
char *scout_report_repo_path(const scout_scan *scan, const char *path);

/* path (from the project root) as a person at the terminal finds it: from
 * the working directory ("pkg/core.py" there, "core.py" inside pkg/,
 * "../setup.py" below the root), terminal-escaped into b. */
void scout_report_local_path(scout_buf *b, const scout_scan *scan, const char *path);

#endif
