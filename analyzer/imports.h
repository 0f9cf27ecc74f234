/* What the link stage needs from each module for the import graph and the
 * static hotness estimate: imports, calls into imported names, loops. */
#ifndef SCOUT_IMPORTS_H
#define SCOUT_IMPORTS_H

#include "scout/walk.h"

/* Called by the walk on entering every node. */
void scout_imports_enter(scout_walk *w, TSNode node);
/* Sorts and merges the call counts once the walk is done. */
void scout_imports_finish(scout_module *m);

#endif
