/* Shared pieces of the heuristic rule family (heuristics.c,
 * heuristics_instances.c, heuristics_values.c) and the stdlib table
 * (stdlib_modules.c). */
#ifndef SCOUT_HEURISTICS_H
#define SCOUT_HEURISTICS_H

#include "native.h"

/* True when the top-level package of the dotted name `name` (len bytes)
 * is a module of Python 3.11's standard library (sys.stdlib_module_names). */
bool scout_stdlib_has(const char *name, size_t len);

/* Checks of heuristics_instances.c, listed in heuristics.c's table. */
void scout_heuristics_instance_dict(scout_walk *w, TSNode node, const scout_rule *self);
void scout_heuristics_weakref(scout_walk *w, TSNode node, const scout_rule *self);
void scout_heuristics_pickle_copy(scout_walk *w, TSNode node, const scout_rule *self);
void scout_heuristics_setattr_method(scout_walk *w, TSNode node, const scout_rule *self);

/* Checks of heuristics_values.c, listed in heuristics.c's table. */
void scout_heuristics_float_int_assign(scout_walk *w, TSNode node, const scout_rule *self);
void scout_heuristics_native_int_range(scout_walk *w, TSNode node, const scout_rule *self);
void scout_heuristics_callable_values(scout_walk *w, TSNode node, const scout_rule *self);

/* The native int type ("i64", "i32", "i16", "u8") an annotation names
 * through mypy_extensions, or NULL. */
const char *scout_native_int_of(const scout_walk *w, TSNode annotation);

#endif
