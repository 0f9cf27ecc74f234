/* The rank stage: which modules to compile first, in which groups. */
#ifndef SCOUT_PLAN_H
#define SCOUT_PLAN_H

#include "scout/classindex.h"

/* Share of the plan's estimated runtime the first phase aims to cover. */
#define SCOUT_PLAN_FIRST_PHASE 0.80
/* At most this many modules in the first phase. */
#define SCOUT_PLAN_FIRST_MAX 10

/* Builds scan->plan from the modules' verdicts, scores and hotness:
 * expected gain = hotness x score/100; blocked modules go to plan.blocked;
 * test modules are never planned. Modules whose classes subclass each other
 * across modules form groups (compiling the base without the subclass makes
 * importing the subclass fail). */
void scout_plan_build(scout_scan *scan, const scout_class_index *classes);

#endif
