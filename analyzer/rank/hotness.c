/* Static hotness: which modules probably run most, from the code alone
 * (README "Hotness", measured in bench/hotness/). Python spends its time
 * inside function bodies, in loops, in the functions the rest of the code
 * calls; a module whose code only runs at import costs nothing after it. */
#include "scout/hotness.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Call sites in other modules (tests included) whose callee resolves to a
 * name of module `to`, re-exports followed. */
static void incoming_calls(double *calls, const scout_scan *scan, const scout_modindex *ix)
{
	for (size_t i = 0; i < scan->nmodules; i++) {
		const scout_module *m = &scan->modules[i];

		for (size_t j = 0; j < m->ncalls; j++) {
			char *abs = scout_modindex_absolute(m, m->calls[j].target);
			size_t to = scout_modindex_locate(ix, abs);

			if (to != SCOUT_NO_MODULE && to != i)
				calls[to] += m->calls[j].count;
			free(abs);
		}
	}
}

static double rounded(double v)
{
	return round(v * 1e6) / 1e6;
}

void scout_hotness_static(scout_scan *scan, const scout_modindex *ix)
{
	size_t n = scan->nmodules;
	double *calls = scout_calloc(n ? n : 1, sizeof(*calls));
	double *hot = scout_calloc(n ? n : 1, sizeof(*hot));
	double sum = 0.0;

	incoming_calls(calls, scan, ix);
	for (size_t i = 0; i < n; i++) {
		const scout_module *m = &scan->modules[i];

		hot[i] = m->shipped ? (double)m->fn_work * log(2.0 + calls[i]) : 0.0;
		sum += hot[i];
	}
	for (size_t i = 0; i < n; i++) {
		scan->modules[i].hotness = sum > 0.0 ? rounded(hot[i] / sum) : 0.0;
		scan->modules[i].has_hotness = true;
	}
	free(calls);
	free(hot);
}
