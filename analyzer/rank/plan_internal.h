/* What the plan's files share: inheritance groups and where each module
 * goes. */
#ifndef SCOUT_PLAN_INTERNAL_H
#define SCOUT_PLAN_INTERNAL_H

#include "scout/plan.h"

/* A native class of module `base` subclassed in module `sub`: compiling one
 * without the other breaks the import of `sub` (scout_plan_groups). */
typedef struct plan_tie {
	size_t base, sub;
	const char *cls; /* borrowed: the base class's name */
} plan_tie;

typedef struct plan_groups {
	size_t *parent; /* owned; union-find over module indexes */
	plan_tie *ties; /* owned; every tie, in module order */
	size_t nties, ties_cap;
} plan_groups;

/* Joins the shipped modules that inheritance ties together. */
void plan_groups_build(plan_groups *g, const scout_scan *scan, const scout_class_index *ix);
size_t plan_groups_root(const plan_groups *g, size_t module);
void plan_groups_free(plan_groups *g);

/* Why a shipped module with no blocker is not worth compiling, or
 * SCOUT_WHY_READY when it is. */
scout_plan_why plan_idle_reason(const scout_scan *scan, const scout_class_index *ix, size_t module);

/* Puts every module in one list with the reason (scan->plan.places, which
 * the caller allocated): not shipped, blocked, not worth compiling, plan. */
void plan_place(scout_scan *scan, const scout_class_index *ix, const plan_groups *g);

#endif
