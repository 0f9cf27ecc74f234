/* Hotness from a run-time profile: each module's share of the self time that
 * the profile attributes to the scanned project. Profile frames name files by
 * absolute path (or relative to where the program ran); they are matched to
 * scanned modules by the longest run of trailing path components. */
#include "scout/link.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* How many trailing '/'-separated components of a and b agree (whole
 * components only). */
static size_t common_suffix(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), n = 0;

	while (la > 0 && lb > 0) {
		size_t ca = la, cb = lb;

		while (ca > 0 && a[ca - 1] != '/')
			ca--;
		while (cb > 0 && b[cb - 1] != '/')
			cb--;
		if (la - ca != lb - cb || memcmp(a + ca, b + cb, la - ca) != 0)
			break;
		n++;
		la = ca ? ca - 1 : 0;
		lb = cb ? cb - 1 : 0;
		if (ca == 0 || cb == 0)
			break;
	}
	return n;
}

/* The module a profile file is, or SCOUT_NO_MODULE: the best suffix match,
 * unique, covering at least the file name. */
static size_t match_module(const scout_scan *scan, const char *file)
{
	size_t best = SCOUT_NO_MODULE, best_n = 0;
	bool tie = false;

	for (size_t i = 0; i < scan->nmodules; i++) {
		size_t n = common_suffix(scan->modules[i].path, file);

		if (n > best_n) {
			best = i, best_n = n, tie = false;
		} else if (n == best_n && n > 0) {
			tie = true;
		}
	}
	return tie ? SCOUT_NO_MODULE : best;
}

void scout_hotness_profile(scout_scan *scan, const scout_profile *p, const char *name)
{
	double *self = scout_calloc(scan->nmodules ? scan->nmodules : 1, sizeof(*self));
	double project = 0.0;

	for (size_t e = 0; e < p->len; e++) {
		size_t m = match_module(scan, p->entries[e].file);

		if (m == SCOUT_NO_MODULE || scout_module_is_test(&scan->modules[m]))
			continue;
		self[m] += p->entries[e].self;
		project += p->entries[e].self;
	}
	for (size_t i = 0; i < scan->nmodules; i++) {
		scan->modules[i].hotness = project > 0 ? round(self[i] / project * 1e6) / 1e6 : 0.0;
		scan->modules[i].has_hotness = true;
	}
	scan->profile_outside = p->total > 0 ? round((1.0 - project / p->total) * 1e4) / 1e4 : 0.0;
	free(scan->hotness_source);
	scan->hotness_source = scout_asprintf("profile:%s", name);
	free(self);
}
