/* The compile plan: rank by expected gain, group modules tied by
 * inheritance, pick the first phase. */
#include "scout/plan.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- groups: union-find over inheritance edges --------------------------- */

static size_t find(size_t *parent, size_t i)
{
	while (parent[i] != i) {
		parent[i] = parent[parent[i]];
		i = parent[i];
	}
	return i;
}

static void join(size_t *parent, size_t a, size_t b)
{
	a = find(parent, a);
	b = find(parent, b);
	if (a != b)
		parent[a > b ? a : b] = a < b ? a : b; /* smallest index is the root */
}

/* A native class of module A subclassed in module B ties A and B together,
 * unless the class allows interpreted subclasses. */
static void group_by_inheritance(size_t *parent, const scout_scan *scan,
                                 const scout_class_index *ix, const bool *plannable)
{
	for (size_t b = 0; b < scan->nmodules; b++) {
		const scout_module *m = &scan->modules[b];

		if (!plannable[b])
			continue;
		for (size_t c = 0; c < m->nclasses; c++)
			for (uint32_t k = 0; k < m->classes[c].nbases; k++) {
				scout_class_ref r;
				const scout_class_info *base;

				if (!scout_class_index_resolve(ix, b, m->classes[c].bases[k], &r) ||
				    r.module == b || !plannable[r.module])
					continue;
				base = scout_class_index_info(ix, r);
				if (base->kind == 0 && !base->allow_interpreted)
					join(parent, r.module, b);
			}
	}
}

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

static const scout_scan *sort_scan;

static int compare_hotness(const void *pa, const void *pb)
{
	const scout_module *a = &sort_scan->modules[*(const size_t *)pa];
	const scout_module *b = &sort_scan->modules[*(const size_t *)pb];

	if (a->hotness != b->hotness)
		return a->hotness > b->hotness ? -1 : 1;
	return strcmp(a->path, b->path);
}

static double gain_of(const scout_module *m)
{
	return round(m->hotness * (m->score / 100.0) * 1e6) / 1e6;
}

/* Keeps a group only when all its members can compile: otherwise its ready
 * members stay out too, since the blocked one (or the one of unknown
 * verdict, which is never planned) would stay interpreted. */
static void drop_broken_groups(ranked *r, size_t *n, const scout_scan *scan, size_t *parent)
{
	bool *broken = scout_calloc(scan->nmodules ? scan->nmodules : 1, sizeof(*broken));
	size_t kept = 0;

	for (size_t j = 0; j < scan->nmodules; j++)
		if (scan->modules[j].verdict == SCOUT_BLOCKED ||
		    scan->modules[j].verdict == SCOUT_UNKNOWN)
			broken[find(parent, j)] = true;
	for (size_t i = 0; i < *n; i++)
		if (!broken[r[i].root])
			r[kept++] = r[i];
	*n = kept;
	free(broken);
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

static void order_plan(scout_scan *scan, size_t *parent, const bool *plannable)
{
	size_t n = 0;
	ranked *r = scout_calloc(scan->nmodules ? scan->nmodules : 1, sizeof(*r));
	double total = 0.0, covered = 0.0;
	int group = 0;

	for (size_t i = 0; i < scan->nmodules; i++) {
		const scout_module *m = &scan->modules[i];

		if (plannable[i] && m->verdict != SCOUT_BLOCKED && m->verdict != SCOUT_UNKNOWN &&
		    gain_of(m) > 0.0)
			r[n++] = (ranked){i, find(parent, i), gain_of(m), 0.0};
	}
	drop_broken_groups(r, &n, scan, parent);
	sum_group_gains(r, n, scan->nmodules);
	if (n)
		qsort(r, n, sizeof(*r), compare_ranked);
	for (size_t i = 0; i < n; i++)
		total += scan->modules[r[i].module].hotness;
	for (size_t i = 0; i < n; i++) {
		scout_plan_item item = {r[i].module, 0, r[i].gain, false};
		bool new_group = i == 0 || r[i].root != r[i - 1].root;

		group += new_group;
		item.group = group;
		/* whole groups only, until the target share or the size cap */
		item.first_phase =
		    (new_group
		         ? covered < SCOUT_PLAN_FIRST_PHASE * total && i < SCOUT_PLAN_FIRST_MAX
		         : scan->plan.ncompile &&
		               scan->plan.compile[scan->plan.ncompile - 1].first_phase);
		if (item.first_phase)
			covered += scan->modules[r[i].module].hotness;
		SCOUT_PUSH(scan->plan.compile, scan->plan.ncompile, scan->plan.compile_cap, item);
	}
	scan->plan.covered = round(covered * 1e4) / 1e4;
	free(r);
}

void scout_plan_build(scout_scan *scan, const scout_class_index *classes)
{
	size_t n = scan->nmodules;
	size_t *parent = scout_calloc(n ? n : 1, sizeof(*parent));
	bool *plannable = scout_calloc(n ? n : 1, sizeof(*plannable));

	for (size_t i = 0; i < n; i++) {
		parent[i] = i;
		plannable[i] = scan->modules[i].shipped;
		if (plannable[i] && scan->modules[i].verdict == SCOUT_BLOCKED)
			SCOUT_PUSH(scan->plan.blocked, scan->plan.nblocked, scan->plan.blocked_cap,
			           i);
	}
	scan->plan.built = true;
	group_by_inheritance(parent, scan, classes, plannable);
	order_plan(scan, parent, plannable);
	sort_scan = scan;
	if (scan->plan.nblocked)
		qsort(scan->plan.blocked, scan->plan.nblocked, sizeof(*scan->plan.blocked),
		      compare_hotness);
	sort_scan = NULL;
	free(parent);
	free(plannable);
}
