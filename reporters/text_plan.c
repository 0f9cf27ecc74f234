/* The text report's "Compile first" section: the first phase of the plan with
 * the share of estimated runtime it covers, the paste-ready mypycify list,
 * and the hot blocked modules with the rules that block them. */
#include "text_plan.h"

#include <string.h>

#include "assumes.h"
#include "escape.h"

#define MAX_BLOCKED_SHOWN 10

static void write_blocked(scout_buf *b, const scout_scan *scan)
{
	size_t shown =
	    scan->plan.nblocked < MAX_BLOCKED_SHOWN ? scan->plan.nblocked : MAX_BLOCKED_SHOWN;

	if (shown == 0)
		return;
	scout_buf_puts(b, "\nBlocked (fix to unblock; hottest first):\n");
	for (size_t i = 0; i < shown; i++) {
		const scout_module *m = &scan->modules[scan->plan.blocked[i]];
		const char *last = NULL;

		scout_buf_puts(b, "  ");
		scout_escape_terminal(b, m->path);
		scout_buf_printf(b, "  hotness %.3f:", m->hotness);
		for (size_t j = 0; j < m->nfindings; j++) {
			const scout_finding *f = &m->findings[j];

			if (!scout_report_blocks(f) || (last && strcmp(last, f->rule) == 0))
				continue;
			scout_buf_printf(b, " %s", f->rule);
			last = f->rule;
		}
		scout_buf_putc(b, '\n');
	}
	if (scan->plan.nblocked > shown)
		scout_buf_printf(b, "  ... and %zu more (see the findings below)\n",
		                 scan->plan.nblocked - shown);
}

/* The first phase's paths, one per line, each as `indent"path",`. */
static void write_paths(scout_buf *b, const scout_scan *scan, const char *indent)
{
	for (size_t i = 0; i < scan->plan.ncompile; i++) {
		if (!scan->plan.compile[i].first_phase)
			continue;
		scout_buf_printf(b, "%s\"", indent);
		scout_escape_terminal(b, scan->modules[scan->plan.compile[i].module].path);
		scout_buf_puts(b, "\",\n");
	}
}

static void write_mypycify(scout_buf *b, const scout_scan *scan)
{
	scout_buf_puts(b, "\n  # setup.py (setuptools)\n  ext_modules=mypycify([\n");
	write_paths(b, scan, "      ");
	scout_buf_puts(b, "  ])\n\n  # pyproject.toml (hatchling with hatch-mypyc)\n"
	                  "  [tool.hatch.build.targets.wheel.hooks.mypyc]\n  include = [\n");
	write_paths(b, scan, "      ");
	scout_buf_puts(b, "  ]\n");
}

static bool first_phase(const scout_scan *scan, size_t module)
{
	for (size_t i = 0; i < scan->plan.ncompile; i++)
		if (scan->plan.compile[i].module == module)
			return scan->plan.compile[i].first_phase;
	return false;
}

/* One line listing the modules that pass `keep`, or nothing. */
static void write_list(scout_buf *b, const scout_scan *scan, const char *label,
                       bool (*keep)(const scout_scan *, size_t))
{
	bool any = false;

	for (size_t i = 0; i < scan->nmodules; i++) {
		if (!keep(scan, i))
			continue;
		scout_buf_puts(b, any ? ", " : label);
		scout_escape_terminal(b, scan->modules[i].path);
		any = true;
	}
	if (any)
		scout_buf_putc(b, '\n');
}

static bool now_blocked(const scout_scan *scan, size_t i)
{
	return scan->modules[i].compiled_now && scan->modules[i].verdict == SCOUT_BLOCKED;
}

static bool now_risky(const scout_scan *scan, size_t i)
{
	return scan->modules[i].compiled_now && scan->modules[i].verdict == SCOUT_NEEDS_CHANGES;
}

static bool hot_left_out(const scout_scan *scan, size_t i)
{
	return !scan->modules[i].compiled_now && first_phase(scan, i);
}

/* The project's own mypyc configuration against the plan. */
static void write_current(scout_buf *b, const scout_scan *scan)
{
	size_t n = 0;

	if (!scan->compile_source)
		return;
	for (size_t i = 0; i < scan->nmodules; i++)
		n += scan->modules[i].compiled_now;
	scout_buf_printf(b, "\nCompiled today (%s): %zu module%s\n", scan->compile_source, n,
	                 n == 1 ? "" : "s");
	write_list(b, scan, "  blocked: ", now_blocked);
	write_list(b, scan, "  needs changes: ", now_risky);
	write_list(b, scan, "  hot and ready, not compiled yet: ", hot_left_out);
}

void scout_text_write_plan(scout_buf *b, const scout_scan *scan)
{
	size_t first = 0;

	if (!scan->plan.built)
		return;
	for (size_t i = 0; i < scan->plan.ncompile; i++)
		first += scan->plan.compile[i].first_phase;
	scout_buf_printf(b, "\nCompile first (hotness: %s; covers %.1f%% of estimated runtime):\n",
	                 scan->hotness_source ? scan->hotness_source : "static",
	                 100.0 * scan->plan.covered);
	if (first == 0)
		scout_buf_puts(b, "  nothing is ready to compile yet\n");
	for (size_t i = 0, rank = 1; i < scan->plan.ncompile; i++) {
		const scout_plan_item *it = &scan->plan.compile[i];
		const scout_module *m = &scan->modules[it->module];

		if (!it->first_phase)
			continue;
		scout_buf_printf(b, "  %2zu. ", rank++);
		scout_escape_terminal(b, m->path);
		scout_buf_printf(b, "  hotness %.3f  score %d  group %d\n", m->hotness, m->score,
		                 it->group);
	}
	if (scan->plan.ncompile > first)
		scout_buf_printf(b, "  then %zu more ready module%s (JSON plan.compile, phase 2)\n",
		                 scan->plan.ncompile - first,
		                 scan->plan.ncompile - first == 1 ? "" : "s");
	if (first)
		write_mypycify(b, scan);
	write_current(b, scan);
	write_blocked(b, scan);
}
