/* How every format words a finding that assumes other modules compiled in
 * the same build (scout_finding.assumes; docs/report-schema.md). */
#ifndef SCOUT_REPORT_ASSUMES_H
#define SCOUT_REPORT_ASSUMES_H

#include "scout/result.h"

/* Appends to b, for a finding that assumes modules, "if compiled with a.py"
 * ("a.py and b.py", "a.py, b.py and c.py"), and when the finding does not
 * hold "; not counted: that module stays interpreted (not compiled now, and
 * blocked on its own or test code)" ("one of them stays" for several; see
 * scout/assumed_build.h). The paths pass `escape`, the format's
 * escape function; the rest is plain ASCII. Nothing for a finding that
 * assumes nothing. */
void scout_report_assumes(scout_buf *b, const scout_finding *f,
                          void (*escape)(scout_buf *b, const char *s));

/* True when f is a blocker that holds: the formats that fail on blockers
 * (github's errors, junit's failures, the gate) count only these. */
bool scout_report_blocks(const scout_finding *f);

#endif
