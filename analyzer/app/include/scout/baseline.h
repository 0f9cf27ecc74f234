/* Baselines: record today's findings by fingerprint, then hide exactly those
 * in later scans, so only new findings show and gate. */
#ifndef SCOUT_BASELINE_H
#define SCOUT_BASELINE_H

#include "scout/result.h"

/* Writes every finding of the scan to `path` as JSON. Returns 0 or SCOUT_EIO. */
int scout_baseline_write(const scout_scan *scan, const char *path);

/* Removes from the scan the findings whose fingerprints `path` records and
 * sets *hidden to how many. Verdicts, scores and the plan are unchanged (they
 * describe the code, not what is shown). Returns 0, or SCOUT_ERROR when the
 * file cannot be read or is not a baseline (message in scout_error_last()). */
int scout_baseline_apply(scout_scan *scan, const char *path, size_t *hidden);

#endif
