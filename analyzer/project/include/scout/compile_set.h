/* The modules a project compiles with mypyc today, read from its build
 * files without running them: setup.py's mypycify calls (scout/setup_eval.h)
 * and pyproject.toml's hatch-mypyc hook (scout/hatch_mypyc.h), at the root
 * and in the sub-projects scout/build_files.h finds. */
#ifndef SCOUT_COMPILE_SET_H
#define SCOUT_COMPILE_SET_H

#include "scout/result.h"

/* Sets scan->modules[i].compiled_now, scan->compile_origins (one per build
 * file that configures mypyc, with the modules it compiles), what in them
 * could not be read (scan->compile_unread), and scan->compile_source
 * ("setup.py mypycify", "pyproject.toml hatch-mypyc", several joined by
 * ", "; NULL when no build file configures mypyc). Paths are relative to
 * `dir`, the scan's root. Needs `shipped` (scout_scope_read). */
void scout_compile_set_read(scout_scan *scan, const char *dir);

#endif
