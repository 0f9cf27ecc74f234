/* The text plan's lists beside the modules to compile. */
#ifndef SCOUT_TEXT_PLAN_LISTS_H
#define SCOUT_TEXT_PLAN_LISTS_H

#include "scout/result.h"

/* "Compiled today": what the project compiles now, what the plan keeps and
 * what it does not, and why. Nothing when no compile set was read. */
void scout_text_write_plan_current(scout_buf *b, const scout_scan *scan);
/* "Blocked": what fixing each module unlocks, its blocker rules, and the
 * modules a class ties to a blocked one with the way out. */
void scout_text_write_plan_blocked(scout_buf *b, const scout_scan *scan);
/* What follows a blocked module's path there (modules[i], in the blocked
 * list): "  unlocks 4.7%: rule-a (2), rule-b" or why it waits, and a
 * newline. */
void scout_text_write_blocked_why(scout_buf *b, const scout_scan *scan, size_t i);
/* "Not worth compiling" with each reason, what the build leaves out on
 * purpose (and where), and the count not shipped. */
void scout_text_write_plan_idle(scout_buf *b, const scout_scan *scan);

#endif
