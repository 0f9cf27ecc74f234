/* What the files of methods/ share. */
#ifndef SCOUT_RULES_METHODS_H
#define SCOUT_RULES_METHODS_H

#include "common/defs.h"

/* True when cls (native) has a class outside the compilation unit in its
 * MRO that the module itself shows: a builtin other than object, a class
 * imported from the standard library, or a same-module non-native class.
 * Bases imported from other modules may be project classes: not decided.
 * False for classes with a builtin base outside mypyc's allow-list (those
 * are blocked by builtin-base first). The offending base in *base. (new.c) */
bool scout_methods_inherits_python(const scout_walk *w, TSNode cls, TSNode *base);

#endif
