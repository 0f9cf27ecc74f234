/* The project class index: every module-level class by qualified name, and
 * base names resolved to the classes they denote across modules, through
 * imports and re-exports. Built in the link stage. */
#ifndef SCOUT_CLASSINDEX_H
#define SCOUT_CLASSINDEX_H

#include "scout/modindex.h"

typedef struct scout_class_ref {
	size_t module, cls; /* indexes into scan->modules and that module's classes */
} scout_class_ref;

typedef struct scout_class_entry {
	const char *name; /* borrowed from owned: "pkg.mod.Class" */
	scout_class_ref ref;
} scout_class_entry;

typedef struct scout_class_index {
	const scout_scan *scan;
	scout_class_entry *classes; /* owned, sorted by name */
	size_t nclasses;
	scout_modindex modules;
	char **owned; /* qualified class names */
	size_t nowned;
} scout_class_index;

void scout_class_index_build(scout_class_index *ix, const scout_scan *scan);
void scout_class_index_free(scout_class_index *ix);

/* The project class that `base` (a qualified base name as module `module`
 * records it, possibly relative) denotes. False for builtins and names
 * outside the project. */
bool scout_class_index_resolve(const scout_class_index *ix, size_t module, const char *base,
                               scout_class_ref *out);

/* The facts of a resolved class. Borrowed from the scan. */
const scout_class_info *scout_class_index_info(const scout_class_index *ix, scout_class_ref r);

#endif
