/* Section 2 of the audit page: what the project compiles today, then the
 * scan's plan list by list with the plan's own reasons: phase 1 (the plan's
 * first phase), phase 2 (the rest of the plan, with what to check, linked to
 * section 3), blocked (what blocks each and what fixing it unlocks), not
 * worth compiling; and the paste-ready mypycify list and hatch-mypyc
 * configuration for phase 1. */
#include "html.h"

#include "escape.h"
#include "scout/plan.h"

static const char *const current_heads[] = {"module", ".hotness", "verdict", "in the plan"};
static const char *const phase1_heads[] = {".#", "module", ".hotness", ".score", "note"};
static const char *const phase2_heads[] = {"module", ".hotness", ".score", "to check"};
static const char *const blocked_heads[] = {"module", ".hotness", ".unlocks", "what blocks it"};
static const char *const skip_heads[] = {"module", ".hotness", "verdict", "why not"};
static const char *const excluded_heads[] = {"module", ".hotness", "excluded in"};

static const scout_module *module_at(const scout_scan *scan, size_t i)
{
	static const scout_module none = {.path = "?", .module = "?"};

	return i < scan->nmodules ? &scan->modules[i] : &none;
}

static const scout_plan_place *place_at(const scout_scan *scan, size_t i)
{
	static const scout_plan_place none = {SCOUT_LIST_NOT_SHIPPED, SCOUT_WHY_NOT_SHIPPED,
	                                      (size_t)-1, NULL, 0.0};

	return i < scan->nmodules && scan->plan.places ? &scan->plan.places[i] : &none;
}

static void write_origins(scout_buf *b, const scout_scan *scan)
{
	scout_buf_puts(b, "<ul>\n");
	for (size_t i = 0; i < scan->ncompile_origins; i++) {
		const scout_compile_origin *o = &scan->compile_origins[i];

		scout_buf_puts(b, "<li><code>");
		scout_escape_html(b, o->file);
		scout_buf_puts(b, "</code> (");
		scout_escape_html(b, o->backend);
		if (o->condition) {
			scout_buf_puts(b, ", when <code>");
			scout_escape_html(b, o->condition);
			scout_buf_puts(b, "</code>");
		}
		scout_buf_printf(b, "): %zu module%s</li>\n", o->nmodules,
		                 o->nmodules == 1 ? "" : "s");
	}
	for (size_t i = 0; i < scan->ncompile_unread; i++) {
		const scout_compile_unread *u = &scan->compile_unread[i];

		scout_buf_puts(b, "<li>not read: <code>");
		scout_escape_html(b, u->file);
		if (u->line)
			scout_buf_printf(b, ":%u", (unsigned)u->line);
		scout_buf_puts(b, "</code> &mdash; ");
		scout_escape_html(b, u->reason);
		scout_buf_puts(b, " (its modules are missing from this list)</li>\n");
	}
	scout_buf_puts(b, "</ul>\n");
}

static bool in_phase1(const scout_audit *a, size_t module)
{
	for (size_t i = 0; i < a->nphase1; i++)
		if (a->phase1[i].module == module)
			return true;
	return false;
}

static void write_place(scout_buf *b, const scout_scan *scan, const scout_audit *a, size_t module)
{
	const scout_plan_place *p = place_at(scan, module);

	if (p->list == SCOUT_LIST_PLAN)
		scout_buf_puts(b, in_phase1(a, module) ? "kept: phase 1" : "kept: phase 2");
	else
		scout_buf_printf(b, "%s: %s", scout_plan_list_name((scout_plan_list)p->list),
		                 scout_plan_why_text((scout_plan_why)p->why));
	if (p->why == SCOUT_WHY_KEPT && p->tied_to != (size_t)-1) {
		scout_buf_puts(b, "; its blockers hold only if ");
		scout_audit_html_module(b, scan, p->tied_to);
		scout_buf_puts(b, " is compiled too");
	}
}

static void write_current(scout_buf *b, const scout_scan *scan, const scout_audit *a)
{
	scout_buf_puts(b, "<h3>Compiled today</h3>\n");
	if (!scan->compile_source) {
		scout_buf_puts(b, "<p>Nothing: no build file (setup.py mypycify, pyproject.toml "
		                  "hatch-mypyc) configures mypyc.</p>\n");
		return;
	}
	scout_buf_printf(b, "<p>%zu module%s, read from the build files (never run):</p>\n",
	                 a->ncurrent, a->ncurrent == 1 ? "" : "s");
	write_origins(b, scan);
	if (a->ncurrent == 0)
		return;
	if (a->ncurrent > SCOUT_AUDIT_HTML_FOLD)
		scout_buf_printf(b, "<details><summary>All %zu modules</summary>\n", a->ncurrent);
	scout_audit_html_table(b, current_heads, 4);
	for (size_t i = 0; i < a->ncurrent; i++) {
		const scout_module *m = module_at(scan, a->current[i].module);

		scout_buf_puts(b, "<tr><td>");
		scout_audit_html_module(b, scan, a->current[i].module);
		scout_buf_printf(b,
		                 "</td><td class=\"num\">%.1f%%</td><td><span class=\"dot v%d\">"
		                 "</span>%s</td><td>",
		                 100.0 * m->hotness, (int)m->verdict % SCOUT_VERDICT_COUNT,
		                 scout_verdict_name(m->verdict));
		write_place(b, scan, a, a->current[i].module);
		scout_buf_puts(b, "</td></tr>\n");
	}
	scout_audit_html_table_end(b);
	if (a->ncurrent > SCOUT_AUDIT_HTML_FOLD)
		scout_buf_puts(b, "</details>\n");
}

static void write_phase1(scout_buf *b, const scout_scan *scan, const scout_audit *a)
{
	scout_buf_printf(
	    b,
	    "<h3>Phase 1: compile first</h3>\n<p>%zu module%s covering <strong>%.1f%%</strong> of "
	    "estimated runtime: what compiles today and is not blocked, then the modules with the "
	    "highest expected gain (hotness &times; score), whole inheritance groups, until %d%% "
	    "of the planned runtime or %d more modules.</p>\n",
	    a->nphase1, a->nphase1 == 1 ? "" : "s", 100.0 * scan->plan.covered,
	    (int)(SCOUT_PLAN_FIRST_PHASE * 100.0), SCOUT_PLAN_FIRST_MAX);
	if (a->nphase1 == 0) {
		scout_buf_puts(b, "<p>Nothing is ready to compile yet.</p>\n");
		return;
	}
	scout_audit_html_table(b, phase1_heads, 5);
	for (size_t i = 0; i < a->nphase1; i++) {
		const scout_module *m = module_at(scan, a->phase1[i].module);

		scout_buf_printf(b, "<tr><td class=\"num\">%zu</td><td>", i + 1);
		scout_audit_html_module(b, scan, a->phase1[i].module);
		scout_buf_printf(b,
		                 "</td><td class=\"num\">%.1f%%</td><td class=\"num\">%d</td>"
		                 "<td>%s</td></tr>\n",
		                 100.0 * m->hotness, m->score,
		                 m->compiled_now ? "compiled today" : "");
	}
	scout_audit_html_table_end(b);
}

/* Annotation work as a fix, linked to section 4. */
static void write_annotate(scout_buf *b, const scout_module *m)
{
	uint32_t missing = m->ann.slots - m->ann.annotated_slots;

	scout_buf_printf(b, "<li><a href=\"#annotations\">annotate</a> %u slot%s</li>", missing,
	                 missing == 1 ? "" : "s");
}

static void write_fixes(scout_buf *b, const scout_module *m, const scout_audit_module *am,
                        bool with_annotations)
{
	bool annotate = with_annotations && m->ann.slots > m->ann.annotated_slots;

	if (am->nfixes == 0 && !annotate) {
		scout_buf_puts(b, "<span class=\"muted\">nothing</span>");
		return;
	}
	scout_buf_puts(b, "<ul class=\"fixes\">");
	for (size_t i = 0; i < am->nfixes; i++) {
		const scout_audit_fix *f = &am->fixes[i];

		scout_buf_puts(b, "<li><a href=\"#rule-");
		scout_escape_html(b, f->rule);
		scout_buf_puts(b, "\"><code>");
		scout_escape_html(b, f->rule);
		scout_buf_printf(b,
		                 "</code></a> <span class=\"badge c%d\">%s</span> &times;%u</li>",
		                 (int)f->category % SCOUT_CATEGORY_COUNT,
		                 scout_category_name(f->category), (unsigned)f->count);
	}
	if (annotate)
		write_annotate(b, m);
	scout_buf_puts(b, "</ul>");
}

static void write_phase2(scout_buf *b, const scout_scan *scan, const scout_audit *a)
{
	scout_buf_puts(b, "<h3>Phase 2: the rest of the plan</h3>\n");
	if (a->nphase2 == 0) {
		scout_buf_puts(b, "<p>The first phase is the whole plan.</p>\n");
		return;
	}
	scout_buf_printf(b,
	                 "<p>%zu module%s that compile as they stand, after phase 1; they add "
	                 "<strong>%.1f%%</strong> of estimated runtime. To check: findings that "
	                 "change behaviour or make classes non-native, and annotations for "
	                 "speed.</p>\n",
	                 a->nphase2, a->nphase2 == 1 ? "" : "s", 100.0 * a->phase2_covered);
	if (a->nphase2 > SCOUT_AUDIT_HTML_FOLD)
		scout_buf_printf(b, "<details><summary>All %zu modules</summary>\n", a->nphase2);
	scout_audit_html_table(b, phase2_heads, 4);
	for (size_t i = 0; i < a->nphase2; i++) {
		const scout_module *m = module_at(scan, a->phase2[i].module);

		scout_buf_puts(b, "<tr><td>");
		scout_audit_html_module(b, scan, a->phase2[i].module);
		scout_buf_printf(b,
		                 "</td><td class=\"num\">%.1f%%</td><td class=\"num\">%d</td><td>",
		                 100.0 * m->hotness, m->score);
		write_fixes(b, m, &a->phase2[i], true);
		scout_buf_puts(b, "</td></tr>\n");
	}
	scout_audit_html_table_end(b);
	if (a->nphase2 > SCOUT_AUDIT_HTML_FOLD)
		scout_buf_puts(b, "</details>\n");
}

static void write_blocker(scout_buf *b, const scout_scan *scan, const scout_audit_module *am)
{
	const scout_plan_place *p = place_at(scan, am->module);

	switch (p->why) {
	case SCOUT_WHY_TIED:
		scout_buf_puts(b, "waits for ");
		scout_audit_html_module(b, scan, p->tied_to);
		scout_buf_puts(b, ", which subclasses its class <code>");
		scout_escape_html(b, p->tied_by ? p->tied_by : "?");
		scout_buf_puts(b, "</code>: compile both after the fix");
		break;
	case SCOUT_WHY_BREAKS:
		scout_buf_puts(b, "compiling it makes the blockers of ");
		scout_audit_html_module(b, scan, p->tied_to);
		scout_buf_puts(b,
		               " (compiled today) hold: keep it interpreted, or fix those first");
		break;
	case SCOUT_WHY_UNREAD:
		scout_buf_printf(b, "the grammar cannot read line %u (verdict unknown)",
		                 (unsigned)module_at(scan, am->module)->grammar_gap_line);
		break;
	default:
		write_fixes(b, module_at(scan, am->module), am, false);
	}
}

static void write_blocked(scout_buf *b, const scout_scan *scan, const scout_audit *a)
{
	scout_buf_puts(b, "<h3>Blocked: fix first</h3>\n");
	if (a->nblocked == 0) {
		scout_buf_puts(b, "<p>Nothing is blocked.</p>\n");
		return;
	}
	scout_buf_printf(b,
	                 "<p>%zu module%s, in the plan's order: what fixing each unlocks (its own "
	                 "share of the runtime and that of the modules waiting for it) first. "
	                 "Fixing them unlocks <strong>%.1f%%</strong> of estimated runtime.</p>\n",
	                 a->nblocked, a->nblocked == 1 ? "" : "s", 100.0 * a->unlocks);
	if (a->nblocked > SCOUT_AUDIT_HTML_FOLD)
		scout_buf_printf(b, "<details><summary>All %zu modules</summary>\n", a->nblocked);
	scout_audit_html_table(b, blocked_heads, 4);
	for (size_t i = 0; i < a->nblocked; i++) {
		const scout_plan_place *p = place_at(scan, a->blocked[i].module);
		bool own = p->why == SCOUT_WHY_BLOCKERS || p->why == SCOUT_WHY_UNREAD;

		scout_buf_puts(b, "<tr><td>");
		scout_audit_html_module(b, scan, a->blocked[i].module);
		scout_buf_printf(b, "</td><td class=\"num\">%.1f%%</td><td class=\"num\">",
		                 100.0 * module_at(scan, a->blocked[i].module)->hotness);
		if (own)
			scout_buf_printf(b, "%.1f%%", 100.0 * p->unlocks);
		scout_buf_puts(b, "</td><td>");
		write_blocker(b, scan, &a->blocked[i]);
		scout_buf_puts(b, "</td></tr>\n");
	}
	scout_audit_html_table_end(b);
	if (a->nblocked > SCOUT_AUDIT_HTML_FOLD)
		scout_buf_puts(b, "</details>\n");
}

static void write_skip(scout_buf *b, const scout_scan *scan, const scout_audit *a)
{
	scout_buf_printf(b,
	                 "<h3>Not worth compiling</h3>\n<p>%zu module%s: compiled, nothing in "
	                 "them would run faster (the plan's reason for each).</p>\n",
	                 a->nskip, a->nskip == 1 ? "" : "s");
	if (a->nskip > 0) {
		if (a->nskip > SCOUT_AUDIT_HTML_FOLD)
			scout_buf_printf(b, "<details><summary>All %zu modules</summary>\n",
			                 a->nskip);
		scout_audit_html_table(b, skip_heads, 4);
		for (size_t i = 0; i < a->nskip; i++) {
			const scout_module *m = module_at(scan, a->skip[i].module);

			scout_buf_puts(b, "<tr><td>");
			scout_audit_html_module(b, scan, a->skip[i].module);
			scout_buf_printf(
			    b,
			    "</td><td class=\"num\">%.1f%%</td><td><span class=\"dot v%d\"></span>"
			    "%s</td><td>%s</td></tr>\n",
			    100.0 * m->hotness, (int)m->verdict % SCOUT_VERDICT_COUNT,
			    scout_verdict_name(m->verdict), scout_audit_skip_text(&a->skip[i]));
		}
		scout_audit_html_table_end(b);
		if (a->nskip > SCOUT_AUDIT_HTML_FOLD)
			scout_buf_puts(b, "</details>\n");
	}
}

static void write_not_shipped(scout_buf *b, const scout_scan *scan, const scout_audit *a)
{
	if (!a->not_shipped)
		return;
	scout_buf_printf(b, "<p class=\"muted\">%zu more module%s not shipped (scope: ",
	                 a->not_shipped, a->not_shipped == 1 ? " is" : "s are");
	scout_escape_html(b, scan->scope_source ? scan->scope_source : "?");
	scout_buf_puts(b, ") and never planned.</p>\n");
}

static void write_excluded(scout_buf *b, const scout_scan *scan, const scout_audit *a)
{
	if (a->nexcluded == 0)
		return;
	scout_buf_printf(b,
	                 "<h3>Left out by the build</h3>\n<p>%zu module%s the build leaves out "
	                 "on purpose; the plan never proposes them.</p>\n",
	                 a->nexcluded, a->nexcluded == 1 ? "" : "s");
	if (a->nexcluded > SCOUT_AUDIT_HTML_FOLD)
		scout_buf_printf(b, "<details><summary>All %zu modules</summary>\n", a->nexcluded);
	scout_audit_html_table(b, excluded_heads, 3);
	for (size_t i = 0; i < a->nexcluded; i++) {
		const scout_module *m = module_at(scan, a->excluded[i].module);
		const scout_compile_origin *o = scout_scan_excluded_by(scan, m);

		scout_buf_puts(b, "<tr><td>");
		scout_audit_html_module(b, scan, a->excluded[i].module);
		scout_buf_printf(b, "</td><td class=\"num\">%.1f%%</td><td>", 100.0 * m->hotness);
		if (o) {
			scout_buf_puts(b, "<code>");
			scout_escape_html(b, o->file);
			scout_buf_puts(b, "</code> (");
			scout_escape_html(b, o->backend);
			scout_buf_putc(b, ')');
		}
		scout_buf_puts(b, "</td></tr>\n");
	}
	scout_audit_html_table_end(b);
	if (a->nexcluded > SCOUT_AUDIT_HTML_FOLD)
		scout_buf_puts(b, "</details>\n");
}

/* s as the inside of a double-quoted TOML basic string, then as HTML text. */
static void quoted(scout_buf *b, const char *s)
{
	scout_buf q = {0};

	scout_escape_string_literal(&q, s, true);
	scout_escape_html(b, q.data);
	scout_buf_free(&q);
}

static void write_paths(scout_buf *b, const scout_scan *scan, const scout_audit *a,
                        const char *indent)
{
	for (size_t i = 0; i < a->nphase1; i++) {
		scout_buf_printf(b, "%s&quot;", indent);
		quoted(b, module_at(scan, a->phase1[i].module)->path);
		scout_buf_puts(b, "&quot;,\n");
	}
}

static void write_snippets(scout_buf *b, const scout_scan *scan, const scout_audit *a)
{
	if (a->nphase1 == 0)
		return;
	scout_buf_printf(b,
	                 "<h3>Paste-ready configuration for phase 1</h3>\n<p>The phase 1 list%s."
	                 "</p>\n",
	                 scan->compile_source ? ", to replace the one the build compiles today"
	                                      : "");
	if (a->snippet_setuptools) {
		scout_buf text = {0};

		scout_buf_puts(b, "<p>setuptools, in <code>setup.py</code>:</p>\n<pre><code "
		                  "class=\"language-python\">");
		scout_audit_setup_snippet_head(&text, a);
		scout_escape_html(b, text.data);
		write_paths(b, scan, a, "        ");
		text.len = 0;
		scout_audit_setup_snippet_tail(&text, a);
		scout_escape_html(b, text.data);
		scout_buf_puts(b, "</code></pre>\n");
		scout_buf_free(&text);
	}
	if (a->snippet_hatch) {
		scout_buf_puts(
		    b, "<p>hatchling with the hatch-mypyc build hook, in "
		       "<code>pyproject.toml</code>:</p>\n<pre><code "
		       "class=\"language-toml\">[tool.hatch.build.targets.wheel.hooks.mypyc]\n"
		       "dependencies = [&quot;hatch-mypyc&quot;]\ninclude = [\n");
		write_paths(b, scan, a, "    ");
		scout_buf_puts(b, "]\n</code></pre>\n");
	}
}

void scout_audit_html_plan(scout_buf *b, const scout_scan *scan, const scout_audit *a)
{
	write_current(b, scan, a);
	write_phase1(b, scan, a);
	write_phase2(b, scan, a);
	write_blocked(b, scan, a);
	write_skip(b, scan, a);
	write_excluded(b, scan, a);
	write_not_shipped(b, scan, a);
	write_snippets(b, scan, a);
}
