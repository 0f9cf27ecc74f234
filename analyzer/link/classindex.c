/* The project class index (see scout/classindex.h). */
#include "scout/classindex.h"

#include <stdlib.h>
#include <string.h>

typedef scout_class_ref class_ref;
typedef scout_class_index class_index;
typedef scout_class_entry entry;

static int compare_entries(const void *a, const void *b)
{
	return strcmp(((const entry *)a)->name, ((const entry *)b)->name);
}

static const entry *lookup(const entry *v, size_t n, const char *name)
{
	entry key = {.name = name};

	return n ? bsearch(&key, v, n, sizeof(*v), compare_entries) : NULL;
}

void scout_class_index_build(class_index *ix, const scout_scan *scan)
{
	size_t total = 0, k = 0;

	memset(ix, 0, sizeof(*ix));
	ix->scan = scan;
	for (size_t m = 0; m < scan->nmodules; m++)
		total += scan->modules[m].nclasses;
	ix->classes = scout_calloc(total ? total : 1, sizeof(*ix->classes));
	ix->owned = scout_calloc(total ? total : 1, sizeof(*ix->owned));
	scout_modindex_build(&ix->modules, scan);
	for (size_t m = 0; m < scan->nmodules; m++) {
		const scout_module *mod = &scan->modules[m];

		for (size_t c = 0; c < mod->nclasses; c++) {
			ix->owned[k] = scout_asprintf("%s.%s", mod->module, mod->classes[c].name);
			ix->classes[k] = (entry){ix->owned[k], {m, c}};
			k++;
		}
	}
	ix->nclasses = ix->nowned = k;
	if (k)
		qsort(ix->classes, k, sizeof(*ix->classes), compare_entries);
}

void scout_class_index_free(class_index *ix)
{
	for (size_t i = 0; i < ix->nowned; i++)
		free(ix->owned[i]);
	free(ix->owned);
	free(ix->classes);
	scout_modindex_free(&ix->modules);
}

/* The project class an absolute qualified name denotes, following
 * re-exports (`from pkg.mod import Base` in pkg/__init__.py). */
static bool resolve(const class_index *ix, const char *qualified, class_ref *out)
{
	char *name;
	const entry *e;

	scout_modindex_follow(&ix->modules, qualified, &name);
	e = lookup(ix->classes, ix->nclasses, name);
	if (e)
		*out = e->ref;
	free(name);
	return e != NULL;
}

bool scout_class_index_resolve(const class_index *ix, size_t module, const char *base,
                               class_ref *out)
{
	char *abs;
	bool found;

	if (!base[0] || scout_str_startswith(base, "builtins."))
		return false;
	abs = scout_modindex_absolute(&ix->scan->modules[module], base);
	found = resolve(ix, abs, out);
	free(abs);
	return found;
}

const scout_class_info *scout_class_index_info(const class_index *ix, class_ref r)
{
	return &ix->scan->modules[r.module].classes[r.cls];
}
