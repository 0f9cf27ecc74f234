/* The scope: which scanned modules go into the wheel, read from the
 * packaging configuration as the build backend decides it (setuptools,
 * hatchling, flit, poetry, pdm-backend; a fallback without one). Only shipped modules
 * are planned; the gate covers them, every module with --scope all, and
 * the files named on the command line (as ruff checks what it is given). */
#ifndef SCOUT_SCOPE_H
#define SCOUT_SCOPE_H

#include "scout/result.h"

typedef struct scout_scope_opts {
	bool all;                 /* --scope all: the gate covers every module */
	const char *const *paths; /* the paths named on the command line (borrowed) */
	size_t npaths;
} scout_scope_opts;

/* Sets every module's shipped and gated, and scan->scope_source and
 * scope_all, from what `dir` (the project root) says about its packages.
 * Module paths are taken relative to `dir`. Never runs anything. */
void scout_scope_read(scout_scan *scan, const char *dir, const scout_scope_opts *opts);

#endif
