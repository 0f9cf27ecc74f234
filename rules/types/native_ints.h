/* Shared pieces of the heuristic rule family (heuristics.c,
 * heuristics_instances.c, heuristics_values.c). */
#ifndef SCOUT_HEURISTICS_H
#define SCOUT_HEURISTICS_H

#include "common/defs.h"
#include "common/typing_names.h"
#include "registry.h"
#include "scout/stdlib.h"

/* The native int type ("i64", "i32", "i16", "u8") an annotation names
 * through mypy_extensions, or NULL. */
const char *scout_native_int_of(const scout_walk *w, TSNode annotation);

#endif
