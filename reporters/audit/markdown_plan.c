/* The Markdown audit's plan (section 2: phase 1, phase 2 with its fixes, the
 * modules not worth compiling, paste-ready mypycify and hatch-mypyc snippets)
 * and packaging checklist (section 5). Both are cut only at the plan level,
 * the last one the renderer shrinks. */
#include "markdown.h"

#include <stdlib.h>

static size_t min_size(size_t a, size_t b)
{
	return a < b ? a : b;
}

/* A module cell: its path as a code span. */
static void module_cell(scout_md_ctx *c, size_t module)
{
	scout_buf_puts(c->b, "| ");
	scout_escape_markdown_code(c->b, scout_md_path(c, module), true);
	scout_buf_puts(c->b, " | ");
}

static const scout_module *module_at(const scout_md_ctx *c, size_t module)
{
	static const scout_module none;

	return module < c->scan->nmodules ? &c->scan->modules[module] : &none;
}

static void write_phase1(scout_md_ctx *c)
{
	const scout_audit *a = c->a;
	size_t shown = min_size(a->nphase1, c->lim.plan);

	scout_buf_puts(c->b, "### Phase 1: hot, and mypyc compiles them today\n\n");
	if (a->nphase1 == 0) {
		scout_buf_puts(c->b, "Nothing is both hot and ready to compile yet.\n\n");
		return;
	}
	scout_buf_puts(c->b, "Covers ");
	scout_md_percent(c->b, c->scan->plan.covered);
	scout_buf_puts(c->b, " of the estimated runtime.\n\n| module | hotness | score | lines |\n"
	                     "| --- | ---: | ---: | ---: |\n");
	for (size_t i = 0; i < shown; i++) {
		const scout_module *m = module_at(c, a->phase1[i].module);

		module_cell(c, a->phase1[i].module);
		scout_md_percent(c->b, m->hotness);
		scout_buf_printf(c->b, " | %d | %u |\n", m->score, (unsigned)m->lines);
	}
	if (shown < a->nphase1)
		scout_md_more(c->b, a->nphase1 - shown, false);
	scout_buf_putc(c->b, '\n');
}

static void write_fixes(scout_md_ctx *c, const scout_module *m, const scout_audit_module *am)
{
	uint32_t missing = m->ann.slots - m->ann.annotated_slots;

	for (size_t j = 0; j < am->nfixes; j++) {
		const scout_audit_fix *f = &am->fixes[j];

		scout_buf_puts(c->b, j ? ", " : "");
		scout_escape_markdown_code(c->b, f->rule ? f->rule : "?", true);
		scout_buf_printf(c->b, " \xC3\x97%u", (unsigned)f->count);
		if (f->category == SCOUT_BLOCKER)
			scout_buf_puts(c->b, " (blocker)");
	}
	if (missing) /* section 4 */
		scout_buf_printf(c->b, "%sannotate %u slot%s", am->nfixes ? ", " : "",
		                 (unsigned)missing, missing == 1 ? "" : "s");
	else if (am->nfixes == 0)
		scout_buf_puts(c->b, "none: compile after phase 1");
}

static void write_phase2(scout_md_ctx *c)
{
	const scout_audit *a = c->a;
	size_t shown = min_size(a->nphase2, c->lim.plan);

	scout_buf_puts(c->b, "### Phase 2: hot, compile after these fixes\n\n");
	if (a->nphase2 == 0) {
		scout_buf_puts(c->b, "No hot module waits for fixes.\n\n");
		return;
	}
	scout_buf_puts(c->b, "Adds ");
	scout_md_percent(c->b, a->phase2_covered);
	scout_buf_puts(c->b, " of the estimated runtime once fixed (rule and how many findings; "
	                     "section 3 says how to fix each).\n\n| module | hotness | verdict | "
	                     "fixes |\n| --- | ---: | --- | --- |\n");
	for (size_t i = 0; i < shown; i++) {
		const scout_module *m = module_at(c, a->phase2[i].module);

		module_cell(c, a->phase2[i].module);
		scout_md_percent(c->b, m->hotness);
		scout_buf_printf(c->b, " | %s | ", scout_verdict_name(m->verdict));
		write_fixes(c, m, &a->phase2[i]);
		scout_buf_puts(c->b, " |\n");
	}
	if (shown < a->nphase2)
		scout_md_more(c->b, a->nphase2 - shown, false);
	scout_buf_putc(c->b, '\n');
}

static void write_skip(scout_md_ctx *c)
{
	const scout_audit *a = c->a;
	size_t shown = min_size(a->nskip, c->lim.plan);

	scout_buf_puts(c->b, "### Not worth it\n\n");
	if (a->nskip == 0) {
		scout_buf_puts(c->b,
		               "Every module is worth compiling in one phase or the other.\n\n");
		return;
	}
	scout_buf_puts(c->b, "| module | hotness | why not |\n| --- | ---: | --- |\n");
	for (size_t i = 0; i < shown; i++) {
		module_cell(c, a->skip[i].module);
		scout_md_percent(c->b, module_at(c, a->skip[i].module)->hotness);
		scout_buf_printf(c->b, " | %s |\n", scout_audit_skip_text(&a->skip[i]));
	}
	if (shown < a->nskip)
		scout_md_more(c->b, a->nskip - shown, false);
	scout_buf_putc(c->b, '\n');
}

/* Phase 1's paths as string literals, one per line, cut at the plan level
 * with a comment saying how many were left out. */
static void write_paths(scout_md_ctx *c, scout_buf *s, bool toml)
{
	size_t shown = min_size(c->a->nphase1, c->lim.plan);

	for (size_t i = 0; i < shown; i++) {
		scout_buf_puts(s, toml ? "    \"" : "        \"");
		scout_escape_string_literal(s, scout_md_path(c, c->a->phase1[i].module), toml);
		scout_buf_puts(s, "\",\n");
	}
	if (shown < c->a->nphase1)
		scout_buf_printf(s, "%s# \xE2\x80\xA6 and %zu more (see `mypyc-scout scan`)\n",
		                 toml ? "    " : "        ", c->a->nphase1 - shown);
}

static void write_snippets(scout_md_ctx *c)
{
	scout_buf s = {0};

	if (c->a->nphase1 == 0)
		return;
	scout_buf_puts(&s, "from mypyc.build import mypycify\nfrom setuptools import setup\n\n"
	                   "setup(\n    ext_modules=mypycify([\n");
	write_paths(c, &s, false);
	scout_buf_puts(&s, "    ]),\n)\n");
	scout_buf_puts(c->b, "### Paste-ready\n\nsetuptools, in `setup.py`:\n\n");
	scout_escape_markdown_fence(c->b, "python", s.data);
	s.len = 0;
	scout_buf_puts(&s, "[build-system]\nrequires = [\"hatchling\", \"hatch-mypyc\"]\n"
	                   "build-backend = \"hatchling.build\"\n\n"
	                   "[tool.hatch.build.targets.wheel.hooks.mypyc]\n"
	                   "dependencies = [\"hatch-mypyc\"]\ninclude = [\n");
	write_paths(c, &s, true);
	scout_buf_puts(&s, "]\n");
	scout_buf_puts(c->b, "\nhatchling with hatch-mypyc, in `pyproject.toml`:\n\n");
	scout_escape_markdown_fence(c->b, "toml", s.data);
	scout_buf_putc(c->b, '\n');
	scout_buf_free(&s);
}

void scout_md_plan(scout_md_ctx *c)
{
	scout_buf_puts(c->b, "## 2. The plan in phases\n\n");
	write_phase1(c);
	write_phase2(c);
	write_skip(c);
	write_snippets(c);
}

/* ---- 5. packaging checklist ------------------------------------------------- */

static const char *status_mark(scout_check_status s)
{
	switch (s) {
	case SCOUT_CHECK_OK:
		return "\xE2\x9C\x85"; /* ✅ */
	case SCOUT_CHECK_TODO:
		return "\xE2\x9D\x8C"; /* ❌ */
	case SCOUT_CHECK_WARN:
		return "\xE2\x9A\xA0\xEF\xB8\x8F"; /* ⚠️ */
	default:
		return "\xE2\x84\xB9\xEF\xB8\x8F"; /* ℹ️ */
	}
}

static void write_refs(scout_md_ctx *c, const scout_audit_check *k)
{
	size_t shown = min_size(k->nrefs, c->lim.plan);

	if (k->nrefs == 0)
		return;
	scout_buf_puts(c->b, "Evidence:\n\n");
	for (size_t i = 0; i < shown; i++) {
		const scout_audit_ref *r = &k->refs[i];

		scout_buf_puts(c->b, "- ");
		if (r->line) {
			char *where =
			    scout_asprintf("%s:%u", r->path ? r->path : "?", (unsigned)r->line);

			scout_escape_markdown_code(c->b, where, false);
			free(where);
		} else {
			scout_escape_markdown_code(c->b, r->path ? r->path : "?", false);
		}
		if (r->text && r->text[0]) {
			scout_buf_puts(c->b, " ");
			scout_escape_markdown_code(c->b, r->text, false);
		}
		scout_buf_putc(c->b, '\n');
	}
	if (shown < k->nrefs)
		scout_md_more(c->b, k->nrefs - shown, true);
	scout_buf_putc(c->b, '\n');
}

static void write_check(scout_md_ctx *c, const scout_audit_check *k)
{
	scout_buf_printf(c->b, "### %s ", status_mark(k->status));
	scout_escape_markdown_text(c->b, k->title ? k->title : k->id);
	scout_buf_printf(c->b, " (%s)\n\n", scout_check_status_name(k->status));
	if (k->found && k->found[0]) {
		scout_buf_puts(c->b, "**Found:** ");
		scout_escape_markdown_text(c->b, k->found);
		scout_buf_puts(c->b, "\n\n");
	}
	if (k->advice && k->advice[0]) {
		scout_buf_puts(c->b, "**Do:** ");
		scout_escape_markdown_text(c->b, k->advice);
		scout_buf_puts(c->b, "\n\n");
	}
	if (k->snippet && k->snippet[0]) {
		if (k->snippet_file) {
			scout_buf_puts(c->b, "In ");
			scout_escape_markdown_code(c->b, k->snippet_file, false);
			scout_buf_puts(c->b, ":\n\n");
		}
		scout_escape_markdown_fence(c->b, k->snippet_lang, k->snippet);
		scout_buf_putc(c->b, '\n');
	}
	write_refs(c, k);
}

void scout_md_checklist(scout_md_ctx *c)
{
	scout_buf_puts(c->b, "## 5. Packaging checklist\n\n");
	if (c->a->nchecks == 0) {
		scout_buf_puts(c->b, "No packaging facts were gathered.\n\n");
		return;
	}
	scout_buf_puts(c->b, "From the repository's own files, never executed.\n\n");
	for (size_t i = 0; i < c->a->nchecks; i++)
		write_check(c, &c->a->checks[i]);
}
