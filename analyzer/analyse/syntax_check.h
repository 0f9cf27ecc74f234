/* The syntax-error check, fed by the module walk (syntax_check.c). */
#ifndef SCOUT_SYNTAX_CHECK_H
#define SCOUT_SYNTAX_CHECK_H

#include "scout/walk.h"

/* True for the node types scout_syntax_check_enter looks at in a tree that
 * parsed without an error (integers, string starts, `<>`). */
bool scout_syntax_check_on(const scout_symbols *s, TSSymbol t);

/* Called on entering those nodes, and every ERROR and MISSING node: reports
 * the module's first certain syntax error as a syntax-error finding (and
 * sets w->has_error), and keeps in w->gap where the grammar first fails. */
void scout_syntax_check_enter(scout_walk *w, TSNode node, TSSymbol t);

#endif
