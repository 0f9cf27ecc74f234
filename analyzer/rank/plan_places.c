/* Where each module goes: every module in one of the plan's lists, with the
 * reason (scout_plan_place). */
#include <stdlib.h>
#include <string.h>

#include "plan_internal.h"

#define NONE ((size_t)-1)

static bool is_blocked(const scout_module *m)
{
	return m->verdict == SCOUT_BLOCKED || m->verdict == SCOUT_UNKNOWN;
}

static scout_plan_place place(scout_plan_list list, scout_plan_why why)
{
	return (scout_plan_place){list, why, NONE, NULL, 0.0};
}

static int compare_path(const void *key, const void *elem)
{
	return strcmp(key, ((const scout_module *)elem)->path);
}

static size_t module_at(const scout_scan *scan, const char *path)
{
	const scout_module *m =
	    bsearch(path, scan->modules, scan->nmodules, sizeof(*scan->modules), compare_path);

	return m ? (size_t)(m - scan->modules) : NONE;
}

/* The first module not compiled today that a blocker of m (compiled
 * today) assumes: compiling it would make that blocker hold, so the build
 * the verdicts assume leaves it out (scout/assumed_build.h). Else NONE. */
static size_t breaker_of(const scout_scan *scan, const scout_module *m)
{
	for (size_t i = 0; m->compiled_now && i < m->nfindings; i++) {
		const scout_finding *f = &m->findings[i];

		for (uint32_t k = 0; f->category == SCOUT_BLOCKER && k < f->nassumes; k++) {
			size_t j = module_at(scan, f->assumes[k]);

			if (j != NONE && !scan->modules[j].compiled_now)
				return j;
		}
	}
	return NONE;
}

/* Why a shipped module that nothing blocks goes to the plan or is not
 * worth compiling. */
static scout_plan_why worth(const scout_scan *scan, const scout_class_index *ix, size_t i)
{
	const scout_module *m = &scan->modules[i];
	scout_plan_why idle = plan_idle_reason(scan, ix, i);

	if (idle != SCOUT_WHY_READY)
		return idle;
	if (m->score == 0)
		return SCOUT_WHY_UNTYPED;
	if (m->has_hotness && m->hotness <= 0.0)
		return scan->hotness_source && strncmp(scan->hotness_source, "profile", 7) == 0
		           ? SCOUT_WHY_COLD
		           : SCOUT_WHY_IMPORT_TIME;
	return SCOUT_WHY_READY;
}

static bool subclassed_elsewhere(const plan_groups *g, size_t module)
{
	for (size_t t = 0; t < g->nties; t++)
		if (g->ties[t].base == module)
			return true;
	return false;
}

/* A blocked module: blocked, unless it is not worth compiling and no
 * class of it is subclassed elsewhere (then only that). */
static scout_plan_place place_blocked(const scout_scan *scan, const scout_class_index *ix,
                                      const plan_groups *g, size_t i)
{
	const scout_module *m = &scan->modules[i];
	scout_plan_why why = plan_idle_reason(scan, ix, i); /* a blocked score is 0 */

	if (why != SCOUT_WHY_READY && !subclassed_elsewhere(g, i))
		return place(SCOUT_LIST_IDLE, why);
	return place(SCOUT_LIST_BLOCKED,
	             m->verdict == SCOUT_BLOCKED ? SCOUT_WHY_BLOCKERS : SCOUT_WHY_UNREAD);
}

/* Not shipped, blocked, worth it or not; what is compiled today stays in
 * the plan; when a blocker of it assumes a module it does not compile
 * today, it is "kept" and that module "breaks" it. */
static void place_alone(scout_scan *scan, const scout_class_index *ix, const plan_groups *g)
{
	for (size_t i = 0; i < scan->nmodules; i++) {
		const scout_module *m = &scan->modules[i];
		size_t breaker = breaker_of(scan, m);
		scout_plan_why why;

		if (!m->shipped)
			scan->plan.places[i] = place(SCOUT_LIST_NOT_SHIPPED, SCOUT_WHY_NOT_SHIPPED);
		else if (m->excluded_by && !m->compiled_now)
			scan->plan.places[i] = place(SCOUT_LIST_IDLE, SCOUT_WHY_EXCLUDED);
		else if (is_blocked(m))
			scan->plan.places[i] = place_blocked(scan, ix, g, i);
		else if (breaker != NONE) {
			scan->plan.places[i] = place(SCOUT_LIST_PLAN, SCOUT_WHY_KEPT);
			scan->plan.places[i].tied_to = breaker;
		} else {
			why = m->compiled_now ? SCOUT_WHY_READY : worth(scan, ix, i);
			scan->plan.places[i] =
			    place(why == SCOUT_WHY_READY ? SCOUT_LIST_PLAN : SCOUT_LIST_IDLE, why);
		}
	}
}

static void place_breakers(scout_scan *scan)
{
	for (size_t i = 0; i < scan->nmodules; i++) {
		const scout_module *m = &scan->modules[i];
		size_t j = m->shipped ? breaker_of(scan, m) : NONE;

		if (j == NONE || scan->plan.places[j].list == SCOUT_LIST_NOT_SHIPPED)
			continue;
		scan->plan.places[j] = place(SCOUT_LIST_BLOCKED, SCOUT_WHY_BREAKS);
		scan->plan.places[j].tied_to = i;
	}
}

/* Compiling a base class's module without its subclass's module makes
 * creating instances of the subclass fail (unless the class allows interpreted
 * subclasses, which the ties leave out): a planned base waits for a blocked
 * subclass module, and a subclass module not worth compiling on its own is
 * compiled with its base. Repeated until nothing moves. */
static void place_ties(scout_scan *scan, const plan_groups *g)
{
	for (bool moved = true; moved;) {
		moved = false;
		for (size_t t = 0; t < g->nties; t++) {
			scout_plan_place *base = &scan->plan.places[g->ties[t].base];
			scout_plan_place *sub = &scan->plan.places[g->ties[t].sub];

			if (base->list != SCOUT_LIST_PLAN ||
			    scan->modules[g->ties[t].base].compiled_now)
				continue;
			if (sub->list == SCOUT_LIST_BLOCKED) {
				*base = place(SCOUT_LIST_BLOCKED, SCOUT_WHY_TIED);
				base->tied_to = g->ties[t].sub;
				base->tied_by = g->ties[t].cls;
				moved = true;
			} else if (sub->list == SCOUT_LIST_IDLE) {
				*sub = place(SCOUT_LIST_PLAN, SCOUT_WHY_READY);
				moved = true;
			}
		}
	}
}

/* What fixing a blocked module unlocks: its own share of the runtime and
 * that of the modules waiting for it, directly or through others. */
static void sum_unlocks(scout_scan *scan)
{
	for (size_t i = 0; i < scan->nmodules; i++) {
		size_t at = i;

		for (size_t hops = 0; hops < scan->nmodules; hops++) {
			const scout_plan_place *p = &scan->plan.places[at];

			if (p->list != SCOUT_LIST_BLOCKED)
				break;
			if (p->why != SCOUT_WHY_TIED) {
				if (p->why != SCOUT_WHY_BREAKS)
					scan->plan.places[at].unlocks += scan->modules[i].hotness;
				break;
			}
			at = p->tied_to;
		}
	}
}

void plan_place(scout_scan *scan, const scout_class_index *ix, const plan_groups *g)
{
	place_alone(scan, ix, g);
	place_breakers(scan);
	place_ties(scan, g);
	sum_unlocks(scan);
}
