/* The end of the text report: what was scanned and for which mypyc, the
 * counts, what to do next, and why the run exits as it does. */
#ifndef SCOUT_TEXT_SUMMARY_H
#define SCOUT_TEXT_SUMMARY_H

#include "reporter.h"

/* The counts: of the modules that ship (the scope), their verdicts and
 * annotation coverage, the findings listed and those left out (and the flag
 * that lists them), the mypyc and Python assumed with why, and the
 * hotness source when it is a profile. Under --diff, only what the change
 * adds: its findings and the modules whose verdict got worse. */
void scout_text_write_counts(scout_buf *b, const scout_scan *scan, const scout_report_opts *opts);

/* "next:": the blockers to fix, the modules to compile first (at most 5)
 * and what to unblock after (at most 3), from the plan; nothing under
 * --diff or before the rank stage ran. */
void scout_text_write_next(scout_buf *b, const scout_scan *scan, const scout_report_opts *opts);

/* "exit 1: <the gate's reason>" or "exit 0: ..." with the --fail-on level. */
void scout_text_write_exit(scout_buf *b, const scout_report_opts *opts);

#endif
