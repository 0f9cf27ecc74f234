/* The text report's module table (--show-modules). */
#ifndef SCOUT_TEXT_TABLE_H
#define SCOUT_TEXT_TABLE_H

#include "reporter.h"

/* Appends one row per module (path, lines, coverage, typed defs, verdict),
 * paths wider than 60 code points keeping their tail after "…"; "no Python
 * modules found" for none. */
void scout_text_write_table(scout_buf *b, const scout_scan *scan, const scout_report_opts *opts);

#endif
