/* Native int types, for the rules that compare annotations with them
 * (native_ints.c, methods/signatures.c). */
#ifndef SCOUT_RULES_NATIVE_INTS_H
#define SCOUT_RULES_NATIVE_INTS_H

#include "common/defs.h"

/* The native int type ("i64", "i32", "i16", "u8") an annotation names
 * through mypy_extensions, or NULL. */
const char *scout_native_int_of(const scout_walk *w, TSNode annotation);

#endif
