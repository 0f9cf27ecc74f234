/* The rank stage: which modules to compile first, in which groups, and why
 * every other module is left out. */
#ifndef SCOUT_PLAN_H
#define SCOUT_PLAN_H

#include "scout/classindex.h"

/* Share of the plan's estimated runtime the first phase aims to cover. */
#define SCOUT_PLAN_FIRST_PHASE 0.80
/* At most this many modules added in the first phase. */
#define SCOUT_PLAN_FIRST_MAX 10

/* Builds scan->plan from the modules' scope, verdicts, scores, hotness and
 * the current compile set, and puts every module in one list
 * (scan->plan.places): not shipped; blocked (its own blockers, an unread
 * part, or a class tying it to a blocked module); not worth compiling (no
 * code that runs after import, no annotations, no time in the profile); or
 * the plan. What is compiled today and not blocked is kept in the plan's
 * first phase. Modules whose classes subclass each other across modules
 * form groups, planned whole (compiling the base without the subclass makes
 * creating instances of the subclass fail). Expected gain = hotness x score/100. */
void scout_plan_build(scout_scan *scan, const scout_class_index *classes);

/* "plan", "blocked", "not-worth-compiling", "not-shipped". */
const char *scout_plan_list_name(scout_plan_list list);
/* A short reason, e.g. "only imports (re-exports)"; for SCOUT_WHY_TIED and
 * SCOUT_WHY_BLOCKERS the reporters add the details. */
const char *scout_plan_why_text(scout_plan_why why);
/* "ready", "blockers", ... : the reason's id in the JSON report. */
const char *scout_plan_why_name(scout_plan_why why);

#endif
