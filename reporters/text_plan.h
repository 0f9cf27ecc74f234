/* The plan section of the text report. */
#ifndef SCOUT_TEXT_PLAN_H
#define SCOUT_TEXT_PLAN_H

#include "scout/result.h"

/* Appends the "Compile first" section (nothing before the rank stage ran). */
void scout_text_write_plan(scout_buf *b, const scout_scan *scan);

#endif
