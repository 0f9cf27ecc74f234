/* A sorted view of the modules by dotted name. */
#include "scout/modindex.h"

#include <stdlib.h>
#include <string.h>

static const scout_scan *sort_scan; /* qsort has no context argument */

static int compare_by_name(const void *a, const void *b)
{
	const scout_module *ma = &sort_scan->modules[*(const size_t *)a];
	const scout_module *mb = &sort_scan->modules[*(const size_t *)b];
	int c = strcmp(ma->module ? ma->module : "", mb->module ? mb->module : "");

	if (c)
		return c;
	return strcmp(ma->path, mb->path);
}

void scout_modindex_build(scout_modindex *ix, const scout_scan *scan)
{
	ix->scan = scan;
	ix->len = scan->nmodules;
	ix->order = scout_calloc(ix->len ? ix->len : 1, sizeof(*ix->order));
	for (size_t i = 0; i < ix->len; i++)
		ix->order[i] = i;
	/* Sorting runs once per scan, on the calling thread. */
	sort_scan = scan;
	if (ix->len)
		qsort(ix->order, ix->len, sizeof(*ix->order), compare_by_name);
	sort_scan = NULL;
}

void scout_modindex_free(scout_modindex *ix)
{
	free(ix->order);
	memset(ix, 0, sizeof(*ix));
}

static size_t find_n(const scout_modindex *ix, const char *dotted, size_t n)
{
	size_t lo = 0, hi = ix->len;

	while (lo < hi) { /* first entry whose name >= dotted[0..n) */
		size_t mid = lo + (hi - lo) / 2;
		const char *name = ix->scan->modules[ix->order[mid]].module;
		int c = strncmp(name ? name : "", dotted, n);

		if (c < 0 || (c == 0 && name && strlen(name) < n))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < ix->len) {
		const char *name = ix->scan->modules[ix->order[lo]].module;

		if (name && strlen(name) == n && strncmp(name, dotted, n) == 0)
			return ix->order[lo];
	}
	return SCOUT_NO_MODULE;
}

size_t scout_modindex_find(const scout_modindex *ix, const char *dotted)
{
	return find_n(ix, dotted, strlen(dotted));
}

size_t scout_modindex_find_prefix(const scout_modindex *ix, const char *dotted)
{
	size_t n = strlen(dotted);

	for (;;) {
		size_t found = find_n(ix, dotted, n);

		if (found != SCOUT_NO_MODULE)
			return found;
		while (n > 0 && dotted[n - 1] != '.')
			n--;
		if (n == 0)
			return SCOUT_NO_MODULE;
		n--; /* drop the dot */
	}
}

char *scout_modindex_absolute(const scout_module *m, const char *target)
{
	return scout_import_absolute(m->module, m->is_package, target);
}

static const char *import_binding(const scout_module *m, const char *local, size_t len)
{
	size_t mlen = strlen(m->module ? m->module : "");

	for (size_t i = m->nbindings; i-- > 0;) {
		const scout_binding *b = &m->bindings[i];

		if (strlen(b->local) != len || memcmp(b->local, local, len) != 0)
			continue;
		/* a definition of the module itself ends the search */
		if (strncmp(b->target, m->module ? m->module : "", mlen) == 0 &&
		    b->target[mlen] == '.' && !strchr(b->target + mlen + 1, '.'))
			return NULL;
		return b->target;
	}
	return NULL;
}

size_t scout_modindex_locate(const scout_modindex *ix, const char *dotted)
{
	char *name = scout_strdup(dotted);
	size_t found = SCOUT_NO_MODULE;

	for (int hop = 0; hop < 8; hop++) {
		size_t m = scout_modindex_find_prefix(ix, name);
		const scout_module *mod;
		const char *rest, *target;
		char *next;

		found = m;
		if (m == SCOUT_NO_MODULE)
			break;
		mod = &ix->scan->modules[m];
		rest = name + strlen(mod->module);
		if (*rest != '.')
			break;
		rest++;
		target = import_binding(mod, rest, strcspn(rest, "."));
		if (!target)
			break;
		{
			char *abs = scout_modindex_absolute(mod, target);

			next = scout_asprintf("%s%s", abs, rest + strcspn(rest, "."));
			free(abs);
		}
		free(name);
		name = next;
	}
	free(name);
	return found;
}
