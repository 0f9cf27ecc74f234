/* The scope: which scanned modules go into the wheel, read from the
 * packaging configuration as the build backend decides it (setuptools,
 * hatchling, flit, poetry, pdm-backend; a fallback without one). Only shipped modules
 * are planned; the gate covers them, every module with --scope all, and
 * the files named on the command line (as ruff checks what it is given). */
#ifndef SCOUT_SCOPE_H
#define SCOUT_SCOPE_H

#include "scout/result.h"

/* The build backend that makes the wheel: what the plan's paste-ready
 * snippet is written for (scan->backend). */
typedef enum scout_backend {
	SCOUT_BACKEND_UNKNOWN = 0, /* no packaging files: both snippets */
	SCOUT_BACKEND_SETUPTOOLS,  /* setuptools (also a custom backend configured as it) */
	SCOUT_BACKEND_HATCH,       /* hatchling: the hatch-mypyc build hook */
	SCOUT_BACKEND_OTHER,       /* flit, poetry, pdm: no mypyc build hook of their own */
} scout_backend;

typedef struct scout_scope_opts {
	bool all;                 /* --scope all: the gate covers every module */
	const char *const *paths; /* the paths named on the command line (borrowed) */
	size_t npaths;
} scout_scope_opts;

/* Sets every module's shipped and gated, and scan->scope_source,
 * scope_all, backend and backend_name, from what `dir` (the project root) says about its packages.
 * Module paths are taken relative to `dir`. Never runs anything. */
void scout_scope_read(scout_scan *scan, const char *dir, const scout_scope_opts *opts);

/* After scout_compile_set_read: what the build compiles with mypyc ships as
 * an extension module whatever the packages list says (a setup.py that
 * passes ext_modules=mypycify([...]) and no packages), so it is shipped and
 * gated; tests stay out as in scout_scope_read. scan->scope_source says how
 * many it added. */
void scout_scope_ship_compiled(scout_scan *scan);

#endif
