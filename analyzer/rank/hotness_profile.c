/* Hotness from a run-time profile: each module's share of the self time that
 * the profile attributes to the scanned project. Profile frames name files by
 * absolute path (or relative to where the program ran); they are matched to
 * scanned modules by the longest run of trailing path components. */
#include "scout/hotness.h"

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

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

static const scout_scan *sort_scan; /* qsort has no context argument */

static int compare_base_names(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	int c =
	    strcmp(base_name(sort_scan->modules[a].path), base_name(sort_scan->modules[b].path));

	if (c)
		return c;
	return a < b ? -1 : a > b;
}

/* Module indexes sorted by file name, then index: only modules whose file
 * name equals a profile file's can match it (owned by caller, free()). */
static size_t *modules_by_base_name(const scout_scan *scan)
{
	size_t *order = scout_calloc(scan->nmodules ? scan->nmodules : 1, sizeof(*order));

	for (size_t i = 0; i < scan->nmodules; i++)
		order[i] = i;
	sort_scan = scan;
	if (scan->nmodules)
		qsort(order, scan->nmodules, sizeof(*order), compare_base_names);
	sort_scan = NULL;
	return order;
}

/* The module a profile file is, or SCOUT_NO_MODULE: the best suffix match,
 * unique, covering at least the file name. */
static size_t match_module(const scout_scan *scan, const size_t *order, const char *file)
{
	const char *want = base_name(file);
	size_t best = SCOUT_NO_MODULE, best_n = 0, lo = 0, hi = scan->nmodules;
	bool tie = false;

	while (lo < hi) { /* the first module whose file name is >= want */
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(base_name(scan->modules[order[mid]].path), want) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t k = lo;
	     k < scan->nmodules && strcmp(base_name(scan->modules[order[k]].path), want) == 0;
	     k++) {
		size_t i = order[k], n = common_suffix(scan->modules[i].path, file);

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
	size_t *order = modules_by_base_name(scan);
	double project = 0.0;

	for (size_t e = 0; e < p->len; e++) {
		size_t m = match_module(scan, order, p->entries[e].file);

		if (m == SCOUT_NO_MODULE || !scan->modules[m].shipped)
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
	free(order);
}
