/* The import graph: every module's imports resolved to project modules. */
#ifndef SCOUT_IMPORT_GRAPH_H
#define SCOUT_IMPORT_GRAPH_H

#include "scout/modindex.h"

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

#endif
