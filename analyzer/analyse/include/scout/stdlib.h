/* The standard library's top-level modules, as a table. */
#ifndef SCOUT_STDLIB_H
#define SCOUT_STDLIB_H

#include <stdbool.h>
#include <stddef.h>

/* True when the top-level package of the dotted name `name` (len bytes)
 * is a module of Python 3.11's standard library (sys.stdlib_module_names). */
bool scout_stdlib_has(const char *name, size_t len);

#endif
