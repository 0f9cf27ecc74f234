/* The text report's plan: the modules to compile (first phase, with the
 * paste-ready list for the project's build backend), what is compiled
 * today and what the plan keeps or drops of it, the blocked modules with
 * what fixing them unlocks, and the modules not worth compiling or not
 * shipped, each with its reason. Every module is in one list. */
#include "text_plan.h"

#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "scout/scope.h"
#include "scout/plan.h"
#include "text_plan_lists.h"

/* ---- the plan ------------------------------------------------------------ */

static size_t group_members(const scout_scan *scan, int group)
{
	size_t n = 0;

	for (size_t i = 0; i < scan->plan.ncompile; i++)
		n += scan->plan.compile[i].group == group;
	return n;
}

static bool any_shared_group(const scout_scan *scan)
{
	for (size_t i = 1; i < scan->plan.ncompile; i++)
		if (scan->plan.compile[i].group == scan->plan.compile[i - 1].group)
			return true;
	return false;
}

static void write_item(scout_buf *b, const scout_scan *scan, const scout_plan_item *it, size_t rank)
{
	const scout_module *m = &scan->modules[it->module];

	scout_buf_printf(b, "  %2zu. ", rank);
	scout_escape_terminal(b, m->path);
	scout_buf_printf(b, "  runtime %.1f%%  score %d", 100.0 * m->hotness, m->score);
	if (group_members(scan, it->group) > 1)
		scout_buf_printf(b, "  group %d", it->group);
	if (it->kept)
		scout_buf_puts(b, "  (compiled today)");
	if (scan->plan.places[it->module].why == SCOUT_WHY_KEPT) {
		scout_buf_puts(b, "\n      its blockers hold only if ");
		scout_escape_terminal(b, scan->modules[scan->plan.places[it->module].tied_to].path);
		scout_buf_puts(b, " is compiled too: keep that one interpreted");
	}
	scout_buf_putc(b, '\n');
}

static void write_first_phase(scout_buf *b, const scout_scan *scan, size_t first)
{
	scout_buf_printf(b, "\nCompile first (hotness: %s; covers %.1f%% of estimated runtime):\n",
	                 scan->hotness_source ? scan->hotness_source : "static",
	                 100.0 * scan->plan.covered);
	if (first == 0) {
		scout_buf_puts(b, "  nothing is ready to compile yet\n");
		return;
	}
	scout_buf_puts(b, "  runtime: share of the estimated runtime; score: readiness, 0-100");
	scout_buf_puts(b, any_shared_group(scan) ? ";\n  group: modules compiled together, since a "
	                                           "class in one subclasses a class in another\n"
	                                         : "\n");
	for (size_t i = 0, rank = 1; i < scan->plan.ncompile; i++)
		if (scan->plan.compile[i].first_phase)
			write_item(b, scan, &scan->plan.compile[i], rank++);
}

/* ---- the paste-ready list ------------------------------------------------ */

/* path (from the project root) from the directory of the build file `file`
 * (from the project root too), as the build reads it: "pkg/a.py" from
 * "setup.py", "../pkg/a.py" from "sub/setup.py". */
static void put_from_build_dir(scout_buf *b, const char *file, const char *path)
{
	const char *slash = strrchr(file, '/');
	size_t dir = slash ? (size_t)(slash - file) : 0, shared = 0;

	for (size_t i = 0; i < dir && file[i] == path[i]; i++)
		if (file[i] == '/')
			shared = i + 1;
	if (dir && strncmp(file, path, dir) == 0 && path[dir] == '/')
		shared = dir + 1;
	for (size_t i = shared; i < dir; i++) /* one "../" a directory left */
		if (i == shared || file[i - 1] == '/')
			scout_buf_puts(b, "../");
	scout_buf_puts(b, path + shared);
}

/* toml: escaped for a TOML basic string (no \\x there), else for Python. */
static void write_paths(scout_buf *b, const scout_scan *scan, const char *file,
                        const size_t *modules, size_t n, bool toml)
{
	for (size_t i = 0; i < n; i++) {
		scout_buf path = {0};

		put_from_build_dir(&path, file, scan->modules[modules[i]].path);
		scout_buf_puts(b, "      \"");
		scout_escape_string_literal(b, path.data, toml);
		scout_buf_puts(b, "\",\n");
		scout_buf_free(&path);
	}
}

/* The build file of today's compile set for that backend ("mypycify" or
 * "hatch-mypyc"), else the one at the root. */
static const char *build_file(const scout_scan *scan, const char *backend, const char *fallback)
{
	for (size_t i = 0; i < scan->ncompile_origins; i++)
		if (strcmp(scan->compile_origins[i].backend, backend) == 0)
			return scan->compile_origins[i].file;
	return fallback;
}

static void write_setuptools(scout_buf *b, const scout_scan *scan, const size_t *modules, size_t n)
{
	const char *file = build_file(scan, "mypycify", "setup.py");

	scout_buf_puts(b, "\n  # ");
	scout_escape_terminal(b, file);
	scout_buf_puts(b, " (setuptools)\n  ext_modules=mypycify([\n");
	write_paths(b, scan, file, modules, n, false);
	scout_buf_puts(b, "  ])\n");
}

static void write_hatch(scout_buf *b, const scout_scan *scan, const size_t *modules, size_t n)
{
	const char *file = build_file(scan, "hatch-mypyc", "pyproject.toml");

	scout_buf_puts(b, "\n  # ");
	scout_escape_terminal(b, file);
	scout_buf_puts(b, " (hatchling with hatch-mypyc)\n"
	                  "  [tool.hatch.build.targets.wheel.hooks.mypyc]\n  include = [\n");
	write_paths(b, scan, file, modules, n, true);
	scout_buf_puts(b, "  ]\n");
}

/* The build the snippet is for: the one that compiles today, else the
 * project's build backend; both when neither says. */
static scout_backend snippet_backend(const scout_scan *scan)
{
	if (scan->ncompile_origins)
		return strcmp(scan->compile_origins[0].backend, "mypycify") == 0
		           ? SCOUT_BACKEND_SETUPTOOLS
		           : SCOUT_BACKEND_HATCH;
	return (scout_backend)scan->backend;
}

void scout_text_write_snippet(scout_buf *b, const scout_scan *scan, const size_t *modules, size_t n)
{
	scout_backend k = snippet_backend(scan);

	if (k == SCOUT_BACKEND_OTHER) {
		scout_buf_puts(b, "\n  The build backend (");
		scout_escape_terminal(b, scan->backend_name ? scan->backend_name : "?");
		scout_buf_puts(b,
		               ") cannot build mypyc extensions: with setuptools or hatchling,\n");
	}
	if (k != SCOUT_BACKEND_HATCH)
		write_setuptools(b, scan, modules, n);
	if (k != SCOUT_BACKEND_SETUPTOOLS)
		write_hatch(b, scan, modules, n);
}

void scout_text_write_plan(scout_buf *b, const scout_scan *scan)
{
	size_t first = 0;

	if (!scan->plan.built)
		return;
	for (size_t i = 0; i < scan->plan.ncompile; i++)
		first += scan->plan.compile[i].first_phase;
	write_first_phase(b, scan, first);
	if (scan->plan.ncompile > first)
		scout_buf_printf(b, "  then %zu more ready module%s (JSON plan.compile, phase 2)\n",
		                 scan->plan.ncompile - first,
		                 scan->plan.ncompile - first == 1 ? "" : "s");
	if (first) {
		size_t *modules = scout_malloc(first * sizeof(*modules)), n = 0;

		for (size_t i = 0; i < scan->plan.ncompile; i++)
			if (scan->plan.compile[i].first_phase)
				modules[n++] = scan->plan.compile[i].module;
		scout_text_write_snippet(b, scan, modules, n);
		free(modules);
	}
	scout_text_write_plan_current(b, scan);
	scout_text_write_plan_blocked(b, scan);
	scout_text_write_plan_idle(b, scan);
}
