/* Finding project modules by dotted name, and making relative import targets
 * absolute: shared by the resolver, the class index, hotness and the plan. */
#ifndef SCOUT_MODINDEX_H
#define SCOUT_MODINDEX_H

#include "scout/result.h"

#define SCOUT_NO_MODULE ((size_t)-1)

typedef struct scout_modindex {
	const scout_scan *scan;
	size_t *order; /* owned; module indexes sorted by dotted name */
	size_t len;
	size_t **locals; /* owned; per module, its non-star bindings' indexes by local
	                  * name, then index (a binary search, not a scan, per name) */
	size_t *nlocals;
} scout_modindex;

void scout_modindex_build(scout_modindex *ix, const scout_scan *scan);
void scout_modindex_free(scout_modindex *ix);

/* The module named exactly `dotted`, or SCOUT_NO_MODULE. When several files
 * share a name (scripts in different directories), the first by path. */
size_t scout_modindex_find(const scout_modindex *ix, const char *dotted);

/* The project module a dotted name lives in: the longest prefix of `dotted`
 * that names a project module, or SCOUT_NO_MODULE. */
size_t scout_modindex_find_prefix(const scout_modindex *ix, const char *dotted);

/* The project module where the absolute qualified name `dotted` is defined:
 * the module its longest module prefix names, following re-exports
 * (`from pkg.core import f` in pkg/__init__.py sends "pkg.f" to pkg.core).
 * SCOUT_NO_MODULE when it is not in the project. */
size_t scout_modindex_locate(const scout_modindex *ix, const char *dotted);

/* The same, and the name where the search ended into *final (owned by
 * caller): "pkg.compat.final" -> "typing.final" when pkg/compat.py does
 * `from typing import final`; a name defined in the project ends at its
 * definition. Follows imports and star imports of project modules, at most
 * 16 steps (a cycle ends there). */
size_t scout_modindex_follow(const scout_modindex *ix, const char *dotted, char **final);

/* `target` as written in module m ("pkg.mod", ".mod.X", "..", "."), made
 * absolute (owned by caller, free with free()). */
char *scout_modindex_absolute(const scout_module *m, const char *target);

#endif
