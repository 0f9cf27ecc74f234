/* Section 2 of the audit page: the plan in phases. Phase 1 (hot and ready
 * now), phase 2 (hot, with the fixes each module needs, linked to section 3),
 * the modules not worth compiling with the reason, and the paste-ready
 * mypycify list and hatch-mypyc configuration for phase 1. */
#include "html.h"

#include "escape.h"

static const char *const phase1_heads[] = {".#", "module", ".hotness", ".score"};
static const char *const phase2_heads[] = {"module", ".hotness", ".score", "fixes"};
static const char *const skip_heads[] = {"module", ".hotness", "verdict", "reason"};

static const scout_module *module_at(const scout_scan *scan, size_t i)
{
	static const scout_module none = {.path = "?", .module = "?"};

	return i < scan->nmodules ? &scan->modules[i] : &none;
}

static void write_phase1(scout_buf *b, const scout_scan *scan, const scout_audit *a)
{
	scout_buf_printf(
	    b,
	    "<h3>Phase 1: hot, and mypyc compiles them today</h3>\n<p>%zu module%s covering "
	    "<strong>%.1f%%</strong> of estimated runtime.</p>\n",
	    a->nphase1, a->nphase1 == 1 ? "" : "s", 100.0 * scan->plan.covered);
	if (a->nphase1 == 0) {
		scout_buf_puts(b, "<p>Nothing is ready to compile yet.</p>\n");
		return;
	}
	scout_audit_html_table(b, phase1_heads, 4);
	for (size_t i = 0; i < a->nphase1; i++) {
		const scout_module *m = module_at(scan, a->phase1[i].module);

		scout_buf_printf(b, "<tr><td class=\"num\">%zu</td><td>", i + 1);
		scout_audit_html_module(b, scan, a->phase1[i].module);
		scout_buf_printf(b,
		                 "</td><td class=\"num\">%.3f</td><td class=\"num\">%d</td></tr>\n",
		                 m->hotness, m->score);
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

static void write_fixes(scout_buf *b, const scout_module *m, const scout_audit_module *am)
{
	bool annotate = m->ann.slots > m->ann.annotated_slots;

	if (am->nfixes == 0 && !annotate) {
		scout_buf_puts(b, "<span class=\"muted\">none: compile after phase 1</span>");
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
	scout_buf_puts(b, "<h3>Phase 2: hot, needs fixes first</h3>\n");
	if (a->nphase2 == 0) {
		scout_buf_puts(b, "<p>No hot module is waiting for fixes.</p>\n");
		return;
	}
	scout_buf_printf(b,
	                 "<p>%zu module%s; fixed and compiled, they would add "
	                 "<strong>%.1f%%</strong> of estimated runtime.</p>\n",
	                 a->nphase2, a->nphase2 == 1 ? "" : "s", 100.0 * a->phase2_covered);
	scout_audit_html_table(b, phase2_heads, 4);
	for (size_t i = 0; i < a->nphase2; i++) {
		const scout_module *m = module_at(scan, a->phase2[i].module);

		scout_buf_puts(b, "<tr><td>");
		scout_audit_html_module(b, scan, a->phase2[i].module);
		scout_buf_printf(b, "</td><td class=\"num\">%.3f</td><td class=\"num\">%d</td><td>",
		                 m->hotness, m->score);
		write_fixes(b, &scan->modules[a->phase2[i].module], &a->phase2[i]);
		scout_buf_puts(b, "</td></tr>\n");
	}
	scout_audit_html_table_end(b);
}

static void write_skip(scout_buf *b, const scout_scan *scan, const scout_audit *a)
{
	scout_buf_printf(b,
	                 "<h3>Not worth compiling</h3>\n<p>%zu module%s: cold, or dynamic by "
	                 "design.</p>\n",
	                 a->nskip, a->nskip == 1 ? "" : "s");
	if (a->nskip == 0)
		return;
	if (a->nskip > SCOUT_AUDIT_HTML_FOLD)
		scout_buf_printf(b, "<details><summary>All %zu modules</summary>\n", a->nskip);
	scout_audit_html_table(b, skip_heads, 4);
	for (size_t i = 0; i < a->nskip; i++) {
		const scout_module *m = module_at(scan, a->skip[i].module);

		scout_buf_puts(b, "<tr><td>");
		scout_audit_html_module(b, scan, a->skip[i].module);
		scout_buf_printf(
		    b,
		    "</td><td class=\"num\">%.3f</td><td><span class=\"dot v%d\"></span>"
		    "%s</td><td>%s</td></tr>\n",
		    m->hotness, (int)m->verdict % SCOUT_VERDICT_COUNT,
		    scout_verdict_name(m->verdict), scout_audit_skip_text(&a->skip[i]));
	}
	scout_audit_html_table_end(b);
	if (a->nskip > SCOUT_AUDIT_HTML_FOLD)
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
	scout_buf_puts(b, "<h3>Paste-ready configuration for phase 1</h3>\n<p>setuptools, in "
	                  "<code>setup.py</code>:</p>\n<pre><code class=\"language-python\">"
	                  "from mypyc.build import mypycify\n\nsetup(\n"
	                  "    ext_modules=mypycify([\n");
	write_paths(b, scan, a, "        ");
	scout_buf_puts(b, "    ]),\n)\n</code></pre>\n<p>hatchling with the hatch-mypyc build "
	                  "hook, in <code>pyproject.toml</code>:</p>\n<pre><code "
	                  "class=\"language-toml\">[tool.hatch.build.targets.wheel.hooks.mypyc]\n"
	                  "dependencies = [&quot;hatch-mypyc&quot;]\ninclude = [\n");
	write_paths(b, scan, a, "    ");
	scout_buf_puts(b, "]\n</code></pre>\n");
}

void scout_audit_html_plan(scout_buf *b, const scout_scan *scan, const scout_audit *a)
{
	write_phase1(b, scan, a);
	write_phase2(b, scan, a);
	write_skip(b, scan, a);
	write_snippets(b, scan, a);
}
