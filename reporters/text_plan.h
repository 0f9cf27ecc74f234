/* The plan section of the text report. */
#ifndef SCOUT_TEXT_PLAN_H
#define SCOUT_TEXT_PLAN_H

#include "scout/result.h"

/* Appends the "Compile first" section (nothing before the rank stage ran). */
void scout_text_write_plan(scout_buf *b, const scout_scan *scan);

/* The paste-ready list of `modules` (indexes into scan->modules) for the
 * project's build: setuptools' mypycify([...]), hatch-mypyc's include, or
 * both when the backend does not say. */
void scout_text_write_snippet(scout_buf *b, const scout_scan *scan, const size_t *modules,
                              size_t n);

#endif
