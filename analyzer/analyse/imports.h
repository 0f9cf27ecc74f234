/* What the link stage needs from each module for the resolver, the class
 * index and the static hotness estimate: imports and calls into imported
 * names. */
#ifndef SCOUT_IMPORTS_H
#define SCOUT_IMPORTS_H

#include "scout/walk.h"

/* Called by the walk on entering every node of a type scout_imports_on
 * accepts. */
void scout_imports_enter(scout_walk *w, TSNode node);
/* True for the node types scout_imports_enter looks at. */
bool scout_imports_on(const scout_symbols *s, TSSymbol t);
/* Sorts and merges the call counts once the walk is done. */
void scout_imports_finish(scout_module *m);

#endif
