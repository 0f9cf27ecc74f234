/* Inheritance groups: modules that must be compiled together. */
#include "plan_internal.h"

#include <stdlib.h>

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
void plan_groups_build(plan_groups *g, const scout_scan *scan, const scout_class_index *ix)
{
	size_t n = scan->nmodules;

	*g = (plan_groups){.parent = scout_calloc(n ? n : 1, sizeof(*g->parent))};
	for (size_t i = 0; i < n; i++)
		g->parent[i] = i;
	for (size_t b = 0; b < n; b++) {
		const scout_module *m = &scan->modules[b];

		if (!m->shipped)
			continue;
		for (size_t c = 0; c < m->nclasses; c++)
			for (uint32_t k = 0; k < m->classes[c].nbases; k++) {
				scout_class_ref r;
				const scout_class_info *base;
				plan_tie tie;

				if (!scout_class_index_resolve(ix, b, m->classes[c].bases[k], &r) ||
				    r.module == b || !scan->modules[r.module].shipped)
					continue;
				base = scout_class_index_info(ix, r);
				if (base->kind != 0 || base->allow_interpreted)
					continue;
				join(g->parent, r.module, b);
				tie = (plan_tie){r.module, b, base->name};
				SCOUT_PUSH(g->ties, g->nties, g->ties_cap, tie);
			}
	}
}

size_t plan_groups_root(const plan_groups *g, size_t module)
{
	return find(g->parent, module);
}

void plan_groups_free(plan_groups *g)
{
	free(g->parent);
	free(g->ties);
	*g = (plan_groups){0};
}
