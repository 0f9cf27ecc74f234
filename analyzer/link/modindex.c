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

static const scout_module *sort_module; /* the module whose bindings are sorted */

static int compare_locals(const void *a, const void *b)
{
	size_t ia = *(const size_t *)a, ib = *(const size_t *)b;
	int c = strcmp(sort_module->bindings[ia].local, sort_module->bindings[ib].local);

	return c ? c : ia < ib ? -1 : ia > ib;
}

static void index_locals(scout_modindex *ix, size_t mi)
{
	const scout_module *m = &ix->scan->modules[mi];
	size_t n = 0;

	ix->locals[mi] = scout_calloc(m->nbindings ? m->nbindings : 1, sizeof(size_t));
	for (size_t i = 0; i < m->nbindings; i++)
		if (m->bindings[i].kind != SCOUT_BIND_STAR &&
		    m->bindings[i].kind != SCOUT_BIND_EXPORT && m->bindings[i].local)
			ix->locals[mi][n++] = i;
	ix->nlocals[mi] = n;
	sort_module = m;
	if (n)
		qsort(ix->locals[mi], n, sizeof(size_t), compare_locals);
	sort_module = NULL;
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
	ix->locals = scout_calloc(ix->len ? ix->len : 1, sizeof(*ix->locals));
	ix->nlocals = scout_calloc(ix->len ? ix->len : 1, sizeof(*ix->nlocals));
	for (size_t i = 0; i < ix->len; i++)
		index_locals(ix, i);
}

void scout_modindex_free(scout_modindex *ix)
{
	for (size_t i = 0; ix->locals && i < ix->len; i++)
		free(ix->locals[i]);
	free(ix->locals);
	free(ix->nlocals);
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

/* local (len bytes) against the whole of name: strcmp's order. */
static int compare_local(const char *name, const char *local, size_t len)
{
	int c = strncmp(name, local, len);

	return c ? c : name[len] != '\0';
}

/* The binding mypy uses for `local` (len bytes) in module mi (the first one
 * of that name that is not a star import), or NULL. */
static const scout_binding *binding(const scout_modindex *ix, size_t mi, const char *local,
                                    size_t len)
{
	const scout_module *m = &ix->scan->modules[mi];
	const size_t *v = ix->locals[mi];
	size_t lo = 0, hi = ix->nlocals[mi];

	while (lo < hi) { /* the first entry whose name >= local */
		size_t mid = lo + (hi - lo) / 2;

		if (compare_local(m->bindings[v[mid]].local, local, len) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < ix->nlocals[mi] && compare_local(m->bindings[v[lo]].local, local, len) == 0)
		return &m->bindings[v[lo]];
	return NULL;
}

/* Module mi's `__all__` lists x (len bytes): in its own names, or, for
 * `from m import __all__`, in project module m's (mypy copies the list). */
static bool lists(const scout_modindex *ix, size_t mi, const char *x, size_t len, int depth)
{
	const scout_module *m = &ix->scan->modules[mi];
	const scout_binding *all = binding(ix, mi, "__all__", 7);

	if (all && all->kind == SCOUT_BIND_IMPORT && depth < 4) {
		size_t n = strlen(all->target), from;
		char *module;

		if (n > 8 && strcmp(all->target + n - 8, ".__all__") == 0) {
			module = scout_strndup(all->target, n - 8);
			from = scout_modindex_find(ix, module);
			free(module);
			if (from != SCOUT_NO_MODULE)
				return lists(ix, from, x, len, depth + 1);
		}
	}
	for (size_t i = 0; i < m->nbindings; i++)
		if (m->bindings[i].kind == SCOUT_BIND_EXPORT &&
		    compare_local(m->bindings[i].local, x, len) == 0)
			return true;
	return false;
}

/* Whether `from <module mi> import *` imports x (len bytes), as mypy's
 * visit_import_all decides: a name mi binds that its `__all__` lists when
 * it defines `__all__`, else one without a leading underscore. */
static bool star_exports(const scout_modindex *ix, size_t mi, const char *x, size_t len)
{
	if (!binding(ix, mi, x, len))
		return false;
	if (binding(ix, mi, "__all__", 7))
		return lists(ix, mi, x, len, 0);
	return x[0] != '_';
}

/* Where `x` (len bytes, not bound in m) comes from through m's star imports
 * of project modules that export it (star_exports): "<source>.x<tail>",
 * or NULL when none does. */
static char *from_star(const scout_modindex *ix, const scout_module *m, const char *x, size_t len,
                       const char *tail)
{
	if (len == 0)
		return NULL;
	for (size_t i = 0; i < m->nbindings; i++) {
		size_t src;

		if (m->bindings[i].kind != SCOUT_BIND_STAR)
			continue;
		src = scout_modindex_find(ix, m->bindings[i].target);
		if (src != SCOUT_NO_MODULE && star_exports(ix, src, x, len))
			return scout_asprintf("%s.%.*s%s", m->bindings[i].target, (int)len, x,
			                      tail);
	}
	return NULL;
}

/* One step of following `name`, whose longest module prefix is module mi:
 * the name its first component past the module is imported as, or NULL
 * when it is defined there (or not at all). */
static char *step(const scout_modindex *ix, size_t mi, const char *name)
{
	const scout_module *mod = &ix->scan->modules[mi];
	const char *rest = name + strlen(mod->module);
	const scout_binding *b;
	size_t n;

	if (*rest != '.')
		return NULL;
	rest++;
	n = strcspn(rest, ".");
	b = binding(ix, mi, rest, n);
	if (!b)
		return from_star(ix, mod, rest, n, rest + n);
	if (b->kind != SCOUT_BIND_IMPORT)
		return NULL;
	return scout_asprintf("%s%s", b->target, rest + n);
}

#define MAX_HOPS 16

size_t scout_modindex_follow(const scout_modindex *ix, const char *dotted, char **final)
{
	char *name = scout_strdup(dotted);
	size_t found = SCOUT_NO_MODULE;

	for (int hop = 0; hop < MAX_HOPS; hop++) {
		size_t m = scout_modindex_find_prefix(ix, name);
		char *next;

		found = m;
		if (m == SCOUT_NO_MODULE || !(next = step(ix, m, name)))
			break;
		free(name);
		name = next;
	}
	if (final)
		*final = name;
	else
		free(name);
	return found;
}

size_t scout_modindex_locate(const scout_modindex *ix, const char *dotted)
{
	return scout_modindex_follow(ix, dotted, NULL);
}
