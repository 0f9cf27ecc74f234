/* Static hotness: which modules probably run most, from the code alone. */
#include "scout/link.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define DAMPING      0.85
#define ITERATIONS   100
#define W_CENTRALITY 0.5
#define W_CALLS      0.3
#define W_LOOPS      0.2
/* Loop density is loops per line with this floor on lines, so a tiny module
 * with one loop does not outrank real work. */
#define MIN_LINES 20.0

static bool has_component(const char *path, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = path; (p = strstr(p, name)); p += n)
		if ((p == path || p[-1] == '/') && p[n] == '/')
			return true;
	return false;
}

bool scout_module_is_test(const scout_module *m)
{
	const char *base = strrchr(m->path, '/');

	base = base ? base + 1 : m->path;
	return has_component(m->path, "tests") || has_component(m->path, "test") ||
	       has_component(m->path, "testing") || scout_str_startswith(base, "test_") ||
	       scout_str_endswith(base, "_test.py") || strcmp(base, "conftest.py") == 0;
}

/* ---- the import graph -------------------------------------------------- */

static size_t resolve_import(const scout_modindex *ix, const scout_module *m,
                             const scout_import *imp)
{
	char *abs = scout_module_absolute(m, imp->module);
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

/* ---- the three signals --------------------------------------------------- */

/* PageRank over runtime import edges: a module's rank flows to the modules
 * it imports. Only modules with active[i] take part. */
static void centrality(double *rank, const bool *active, size_t n, const scout_import_graph *g)
{
	size_t *outdeg = scout_calloc(n ? n : 1, sizeof(*outdeg));
	double *next = scout_calloc(n ? n : 1, sizeof(*next));
	size_t nactive = 0;

	for (size_t i = 0; i < n; i++)
		nactive += active[i];
	for (size_t e = 0; e < g->len; e++)
		if (g->edges[e].runtime && active[g->edges[e].from] && active[g->edges[e].to])
			outdeg[g->edges[e].from]++;
	for (size_t i = 0; i < n; i++)
		rank[i] = active[i] ? 1.0 / (double)nactive : 0.0;
	for (int it = 0; it < ITERATIONS && nactive; it++) {
		double dangling = 0.0;

		for (size_t i = 0; i < n; i++)
			if (active[i] && outdeg[i] == 0)
				dangling += rank[i];
		for (size_t i = 0; i < n; i++)
			next[i] = active[i] ? (1.0 - DAMPING + DAMPING * dangling) / (double)nactive
			                    : 0.0;
		for (size_t e = 0; e < g->len; e++) {
			const scout_edge *ed = &g->edges[e];

			if (ed->runtime && active[ed->from] && active[ed->to])
				next[ed->to] += DAMPING * rank[ed->from] / (double)outdeg[ed->from];
		}
		memcpy(rank, next, n * sizeof(*rank));
	}
	free(outdeg);
	free(next);
}

/* Calls from other (non-test) modules into each module's names. */
static void incoming_calls(double *calls, const bool *active, const scout_scan *scan,
                           const scout_modindex *ix)
{
	for (size_t i = 0; i < scan->nmodules; i++) {
		const scout_module *m = &scan->modules[i];

		if (!active[i])
			continue;
		for (size_t j = 0; j < m->ncalls; j++) {
			char *abs = scout_module_absolute(m, m->calls[j].target);
			size_t to = scout_modindex_locate(ix, abs);

			if (to != SCOUT_NO_MODULE && to != i && active[to])
				calls[to] += m->calls[j].count;
			free(abs);
		}
	}
}

static void normalise(double *v, size_t n)
{
	double sum = 0.0;

	for (size_t i = 0; i < n; i++)
		sum += v[i];
	for (size_t i = 0; sum > 0.0 && i < n; i++)
		v[i] /= sum;
}

static double rounded(double v)
{
	return round(v * 1e6) / 1e6;
}

void scout_hotness_static(scout_scan *scan, const scout_modindex *ix, const scout_import_graph *g)
{
	size_t n = scan->nmodules;
	bool *active = scout_calloc(n ? n : 1, sizeof(*active));
	double *rank = scout_calloc(n ? n : 1, sizeof(*rank));
	double *calls = scout_calloc(n ? n : 1, sizeof(*calls));
	double *loops = scout_calloc(n ? n : 1, sizeof(*loops));
	double weights[3] = {W_CENTRALITY, W_CALLS, W_LOOPS}, wsum = 0.0;
	double sums[3] = {0};

	for (size_t i = 0; i < n; i++) {
		active[i] = !scout_module_is_test(&scan->modules[i]);
		loops[i] = active[i] ? scan->modules[i].loops /
		                           fmax((double)scan->modules[i].lines, MIN_LINES)
		                     : 0.0;
	}
	centrality(rank, active, n, g);
	incoming_calls(calls, active, scan, ix);
	normalise(rank, n);
	normalise(calls, n);
	normalise(loops, n);
	for (size_t i = 0; i < n; i++)
		sums[0] += rank[i], sums[1] += calls[i], sums[2] += loops[i];
	for (int k = 0; k < 3; k++) /* a signal with no data passes its weight on */
		wsum += sums[k] > 0.0 ? weights[k] : 0.0;
	for (size_t i = 0; i < n; i++) {
		double h = 0.0;

		if (wsum > 0.0)
			h = ((sums[0] > 0 ? W_CENTRALITY * rank[i] : 0) +
			     (sums[1] > 0 ? W_CALLS * calls[i] : 0) +
			     (sums[2] > 0 ? W_LOOPS * loops[i] : 0)) /
			    wsum;
		scan->modules[i].hotness = rounded(h);
		scan->modules[i].has_hotness = true;
	}
	free(active);
	free(rank);
	free(calls);
	free(loops);
}
