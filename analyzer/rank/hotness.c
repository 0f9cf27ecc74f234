/* Static hotness: which modules probably run most, from the code alone. */
#include "scout/hotness.h"

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
			char *abs = scout_modindex_absolute(m, m->calls[j].target);
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
		active[i] = scan->modules[i].shipped;
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
