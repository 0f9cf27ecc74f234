/* The modules a project compiles with mypyc today, read from its packaging
 * files without running them: `mypycify([...])` in setup.py (list literals
 * and simple variables) and hatch-mypyc's include/exclude in pyproject.toml. */
#ifndef SCOUT_COMPILE_SET_H
#define SCOUT_COMPILE_SET_H

#include "scout/result.h"

/* Marks scan->modules[i].compiled_now and sets scan->compile_source ("setup.py
 * mypycify", "pyproject.toml hatch-mypyc") when `dir` configures mypyc. */
void scout_compile_set_read(scout_scan *scan, const char *dir);

#endif
