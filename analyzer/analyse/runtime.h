/* What runs when a module's code is called, for the static hotness
 * estimate (scout/hotness.h): the statements inside function bodies, each
 * weighted by the loops around it in its def. */
#ifndef SCOUT_RUNTIME_H
#define SCOUT_RUNTIME_H

#include "scout/walk.h"

/* True for the node types scout_runtime_enter and scout_runtime_leave look
 * at: defs, for/while loops and statements. */
bool scout_runtime_on(const scout_symbols *s, TSSymbol t);
/* Called by the walk on entering a node of such a type: adds the
 * statement's weight to w->module->fn_work when it is inside a def. */
void scout_runtime_enter(scout_walk *w, TSSymbol t);
/* Called by the walk on leaving a node of such a type. */
void scout_runtime_leave(scout_walk *w, TSSymbol t);

#endif
