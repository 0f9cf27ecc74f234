/* The Markdown job summary for CI (GITHUB_STEP_SUMMARY or --summary FILE). */
#ifndef SCOUT_SUMMARY_H
#define SCOUT_SUMMARY_H

#include <stdio.h>

#include "scout/result.h"

/* Appends the summary of `scan` (after --diff/--baseline filtering) to out:
 * verdict counts, the top of the compile plan, the blockers that hold (at
 * most 20, with a count of the rest), and the GitHub annotations of each type
 * with how many GitHub does not show. Returns 0 or SCOUT_EIO. */
int scout_summary_write(FILE *out, const scout_scan *scan);

#endif
