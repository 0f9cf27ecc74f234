/* The link and rank stages' project-wide facts: the import graph, static
 * hotness and module roles. */
#ifndef SCOUT_LINK_H
#define SCOUT_LINK_H

#include "scout/modindex.h"
#include "scout/profile.h"

/* True for test code, which is never compiled and never hot: a path with a
 * `tests`/`test`/`testing` directory, or a test_*.py / *_test.py /
 * conftest.py file. */
bool scout_module_is_test(const scout_module *m);

/* One import edge between project modules. */
typedef struct scout_edge {
	size_t from, to; /* module indexes: `from` imports `to` */
	bool runtime;    /* false under `if TYPE_CHECKING:` */
} scout_edge;

typedef struct scout_import_graph {
	scout_edge *edges; /* owned, sorted by (from, to), unique */
	size_t len, cap;
} scout_import_graph;

/* Resolves every module's imports to project modules. */
void scout_import_graph_build(scout_import_graph *g, const scout_scan *scan,
                              const scout_modindex *ix);
void scout_import_graph_free(scout_import_graph *g);

/* Sets every module's hotness from the static estimate (README "Hotness"):
 * 0.5 × import centrality (PageRank over runtime imports) + 0.3 × share of
 * calls from other modules + 0.2 × share of loop density; test modules get
 * 0; the values sum to 1 over the other modules. */
void scout_hotness_static(scout_scan *scan, const scout_modindex *ix, const scout_import_graph *g);

/* Sets every module's hotness from a profile instead: its share of the self
 * time the profile attributes to the project's (non-test) modules, frames
 * matched to modules by trailing path components. scan->profile_outside gets
 * the share of self time outside the project; hotness_source becomes
 * "profile:<name>". */
void scout_hotness_profile(scout_scan *scan, const scout_profile *p, const char *name);

#endif
