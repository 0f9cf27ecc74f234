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

/* toml: escaped for a TOML basic string (no \\x there), else for Python. */
static void write_paths(scout_buf *b, const scout_scan *scan, bool toml)
{
	for (size_t i = 0; i < scan->plan.ncompile; i++) {
		if (!scan->plan.compile[i].first_phase)
			continue;
		scout_buf_puts(b, "      \"");
		scout_escape_string_literal(b, scan->modules[scan->plan.compile[i].module].path,
		                            toml);
		scout_buf_puts(b, "\",\n");
	}
}

static void write_setuptools(scout_buf *b, const scout_scan *scan)
{
	scout_buf_puts(b, "\n  # setup.py (setuptools)\n  ext_modules=mypycify([\n");
	write_paths(b, scan, false);
	scout_buf_puts(b, "  ])\n");
}

static void write_hatch(scout_buf *b, const scout_scan *scan)
{
	scout_buf_puts(b, "\n  # pyproject.toml (hatchling with hatch-mypyc)\n"
	                  "  [tool.hatch.build.targets.wheel.hooks.mypyc]\n  include = [\n");
	write_paths(b, scan, true);
	scout_buf_puts(b, "  ]\n");
}

/* The build the snippet is for: the one that compiles today, else the
 * project's build backend; both when neither says. */
static scout_backend snippet_backend(const scout_scan *scan)
{
	if (scan->compile_source && scout_str_startswith(scan->compile_source, "setup.py"))
		return SCOUT_BACKEND_SETUPTOOLS;
	if (scan->compile_source && strstr(scan->compile_source, "hatch"))
		return SCOUT_BACKEND_HATCH;
	return (scout_backend)scan->backend;
}

static void write_snippet(scout_buf *b, const scout_scan *scan)
{
	scout_backend k = snippet_backend(scan);

	if (k == SCOUT_BACKEND_OTHER) {
		scout_buf_puts(b, "\n  The build backend (");
		scout_escape_terminal(b, scan->backend_name ? scan->backend_name : "?");
		scout_buf_puts(b,
		               ") cannot build mypyc extensions: with setuptools or hatchling,\n");
	}
	if (k != SCOUT_BACKEND_HATCH)
		write_setuptools(b, scan);
	if (k != SCOUT_BACKEND_SETUPTOOLS)
		write_hatch(b, scan);
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
	if (first)
		write_snippet(b, scan);
	scout_text_write_plan_current(b, scan);
	scout_text_write_plan_blocked(b, scan);
	scout_text_write_plan_idle(b, scan);
}
