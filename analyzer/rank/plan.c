/* The compile plan: every module in one list (plan_places.c), then the
 * planned ones ranked by expected gain with inheritance groups kept whole,
 * the first phase picked, and the blocked ones ordered by what their fix
 * unlocks. */
#include "scout/plan.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plan_internal.h"

/* ---- ordering ------------------------------------------------------------ */

typedef struct ranked {
	size_t module, root;
	double gain, group_gain;
} ranked;

static int compare_ranked(const void *pa, const void *pb)
{
	const ranked *a = pa, *b = pb;

	if (a->group_gain != b->group_gain)
		return a->group_gain > b->group_gain ? -1 : 1;
	if (a->root != b->root)
		return a->root < b->root ? -1 : 1;
	if (a->gain != b->gain)
		return a->gain > b->gain ? -1 : 1;
	return a->module < b->module ? -1 : a->module > b->module;
}

static double gain_of(const scout_module *m)
{
	return round(m->hotness * (m->score / 100.0) * 1e6) / 1e6;
}

/* Each item's group gain: the gains of its group's items, summed in item
 * order (one accumulator per union-find root). */
static void sum_group_gains(ranked *r, size_t n, size_t nmodules)
{
	double *sum = scout_calloc(nmodules ? nmodules : 1, sizeof(*sum));

	for (size_t j = 0; j < n; j++)
		sum[r[j].root] += r[j].gain;
	for (size_t i = 0; i < n; i++)
		r[i].group_gain = sum[r[i].root];
	free(sum);
}

/* Whole groups only: a group compiled today is in the first phase, the
 * others until the target share or the size cap. */
static void pick_first_phase(scout_scan *scan, const ranked *r, size_t n, const bool *kept_group)
{
	double total = 0.0, covered = 0.0;
	size_t added = 0;
	int group = 0;

	for (size_t i = 0; i < n; i++)
		total += scan->modules[r[i].module].hotness;
	for (size_t i = 0; i < n; i++) {
		const scout_module *m = &scan->modules[r[i].module];
		scout_plan_item item = {r[i].module, 0, r[i].gain, false, m->compiled_now};
		bool new_group = i == 0 || r[i].root != r[i - 1].root;

		group += new_group;
		item.group = group;
		if (new_group)
			item.first_phase =
			    kept_group[r[i].root] || (covered < SCOUT_PLAN_FIRST_PHASE * total &&
			                              added < SCOUT_PLAN_FIRST_MAX);
		else
			item.first_phase = scan->plan.compile[scan->plan.ncompile - 1].first_phase;
		if (item.first_phase) {
			covered += m->hotness;
			added += !item.kept;
		}
		SCOUT_PUSH(scan->plan.compile, scan->plan.ncompile, scan->plan.compile_cap, item);
	}
	scan->plan.covered = round(covered * 1e4) / 1e4;
}

static void order_plan(scout_scan *scan, const plan_groups *g)
{
	size_t n = 0, nm = scan->nmodules;
	ranked *r = scout_calloc(nm ? nm : 1, sizeof(*r));
	bool *kept_group = scout_calloc(nm ? nm : 1, sizeof(*kept_group));

	for (size_t i = 0; i < nm; i++) {
		if (scan->plan.places[i].list != SCOUT_LIST_PLAN)
			continue;
		r[n++] = (ranked){i, plan_groups_root(g, i), gain_of(&scan->modules[i]), 0.0};
		kept_group[plan_groups_root(g, i)] |= scan->modules[i].compiled_now;
	}
	sum_group_gains(r, n, nm);
	if (n)
		qsort(r, n, sizeof(*r), compare_ranked);
	pick_first_phase(scan, r, n, kept_group);
	free(kept_group);
	free(r);
}

/* ---- the blocked list ---------------------------------------------------- */

static const scout_scan *sort_scan;

/* What the fix unlocks first, then hotness, then path. */
static int compare_blocked(const void *pa, const void *pb)
{
	size_t ia = *(const size_t *)pa, ib = *(const size_t *)pb;
	const scout_plan_place *a = &sort_scan->plan.places[ia], *b = &sort_scan->plan.places[ib];
	const scout_module *ma = &sort_scan->modules[ia], *mb = &sort_scan->modules[ib];
	bool own_a = a->why == SCOUT_WHY_BLOCKERS || a->why == SCOUT_WHY_UNREAD;
	bool own_b = b->why == SCOUT_WHY_BLOCKERS || b->why == SCOUT_WHY_UNREAD;
	double ua = own_a ? a->unlocks : ma->hotness, ub = own_b ? b->unlocks : mb->hotness;

	if (own_a != own_b) /* its own blockers first; then what waits for them */
		return own_a ? -1 : 1;
	if (ua != ub)
		return ua > ub ? -1 : 1;
	return strcmp(ma->path, mb->path);
}

static void list_blocked(scout_scan *scan)
{
	for (size_t i = 0; i < scan->nmodules; i++) {
		scout_plan_place *p = &scan->plan.places[i];

		if (p->list != SCOUT_LIST_BLOCKED)
			continue;
		p->unlocks = round(p->unlocks * 1e6) / 1e6;
		SCOUT_PUSH(scan->plan.blocked, scan->plan.nblocked, scan->plan.blocked_cap, i);
	}
	sort_scan = scan;
	if (scan->plan.nblocked)
		qsort(scan->plan.blocked, scan->plan.nblocked, sizeof(*scan->plan.blocked),
		      compare_blocked);
	sort_scan = NULL;
}

void scout_plan_build(scout_scan *scan, const scout_class_index *classes)
{
	plan_groups g;

	plan_groups_build(&g, scan, classes);
	scan->plan.places =
	    scout_calloc(scan->nmodules ? scan->nmodules : 1, sizeof(*scan->plan.places));
	plan_place(scan, classes, &g);
	order_plan(scan, &g);
	list_blocked(scan);
	scan->plan.built = true;
	plan_groups_free(&g);
}
