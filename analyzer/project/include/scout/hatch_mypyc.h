/* hatch-mypyc's build hook as it reads pyproject.toml (hatch_mypyc/plugin.py,
 * v0.16): it compiles every .py file the wheel holds that its `include`
 * patterns match (all when there is none) and its `exclude` patterns do
 * not, both git wildmatch patterns against the path from the project root;
 * `mypy-args` go to mypy before the files. */
#ifndef SCOUT_HATCH_MYPYC_H
#define SCOUT_HATCH_MYPYC_H

#include "scout/toml.h"

typedef struct scout_hatch_mypyc {
	bool configured;     /* pyproject.toml has the hook's table */
	const char *section; /* static; the table it was read from */
	char **include;      /* owned; patterns */
	size_t ninclude, include_cap;
	char **exclude; /* owned; patterns */
	size_t nexclude, exclude_cap;
	char **mypy_args; /* owned */
	size_t nmypy_args, mypy_args_cap;
	bool enable_by_default; /* hatchling's `enable-by-default` (true when absent) */
	/* The wheel target's own file selection, which bounds what the hook
	 * sees (hatch's `only-include` and `packages`, else [tool.hatch.build]'s;
	 * and its `exclude` patterns): */
	char **wheel_only; /* owned; paths (directories or files) */
	size_t nwheel_only, wheel_only_cap;
	char **wheel_exclude; /* owned; patterns */
	size_t nwheel_exclude, wheel_exclude_cap;
} scout_hatch_mypyc;

/* Reads the hook's table from a parsed pyproject.toml: the wheel target's
 * (`tool.hatch.build.targets.wheel.hooks.mypyc`), else the global one
 * (`tool.hatch.build.hooks.mypyc`), as hatchling lets the first replace the
 * second. Free *out with scout_hatch_mypyc_free. */
void scout_hatch_mypyc_read(scout_hatch_mypyc *out, const scout_toml *t);

/* True when the hook compiles `path` (relative to the pyproject.toml's
 * directory), given that the wheel holds it (the module ships): the wheel
 * target's only-include/packages and exclude are applied here too, since
 * the hook compiles exactly the files the wheel builder hands it. */
bool scout_hatch_mypyc_compiles(const scout_hatch_mypyc *h, const char *path);

/* True when the hook's own `exclude` is what keeps the module at `path`
 * (in the wheel, within `include`) from being compiled. */
bool scout_hatch_mypyc_excludes(const scout_hatch_mypyc *h, const char *path);

/* When the hook runs at all: NULL when by default, else the environment
 * that enables it (static). */
const char *scout_hatch_mypyc_condition(const scout_hatch_mypyc *h);

void scout_hatch_mypyc_free(scout_hatch_mypyc *h);

#endif
