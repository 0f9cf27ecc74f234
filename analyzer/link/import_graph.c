/* The import graph: every module's imports resolved to project modules
 * (the link stage's edges, which static hotness ranks). */
#include "scout/import_graph.h"

#include <stdlib.h>
#include <string.h>

static size_t resolve_import(const scout_modindex *ix, const scout_module *m,
                             const scout_import *imp)
{
	char *abs = scout_modindex_absolute(m, imp->module);
	size_t found = SCOUT_NO_MODULE;

	if (imp->name) { /* from M import N: a submodule, or a name defined somewhere */
		char *sub = scout_asprintf("%s%s%s", abs, abs[0] ? "." : "", imp->name);

		found = scout_modindex_locate(ix, sub);
		free(sub);
	}
	if (found == SCOUT_NO_MODULE && abs[0])
		found = scout_modindex_find_prefix(ix, abs);
	free(abs);
	return found;
}

static int compare_edges(const void *pa, const void *pb)
{
	const scout_edge *a = pa, *b = pb;

	if (a->from != b->from)
		return a->from < b->from ? -1 : 1;
	if (a->to != b->to)
		return a->to < b->to ? -1 : 1;
	return (int)b->runtime - (int)a->runtime; /* runtime first: kept on merge */
}

void scout_import_graph_build(scout_import_graph *g, const scout_scan *scan,
                              const scout_modindex *ix)
{
	size_t kept = 0;

	memset(g, 0, sizeof(*g));
	for (size_t i = 0; i < scan->nmodules; i++) {
		const scout_module *m = &scan->modules[i];

		for (size_t j = 0; j < m->nimports; j++) {
			size_t to = resolve_import(ix, m, &m->imports[j]);
			scout_edge e = {i, to, !m->imports[j].type_checking};

			if (to != SCOUT_NO_MODULE && to != i)
				SCOUT_PUSH(g->edges, g->len, g->cap, e);
		}
	}
	if (g->len)
		qsort(g->edges, g->len, sizeof(*g->edges), compare_edges);
	for (size_t i = 0; i < g->len; i++)
		if (!kept || g->edges[kept - 1].from != g->edges[i].from ||
		    g->edges[kept - 1].to != g->edges[i].to)
			g->edges[kept++] = g->edges[i];
	g->len = kept;
}

void scout_import_graph_free(scout_import_graph *g)
{
	free(g->edges);
	memset(g, 0, sizeof(*g));
}
