/* The Markdown audit's plan (section 2): what the project compiles today,
 * then the scan's plan list by list (phase 1, the rest of the plan as phase
 * 2, blocked, not worth compiling, not shipped) with the plan's own reasons,
 * and paste-ready mypycify and hatch-mypyc snippets; and the packaging
 * checklist (section 5). Both are cut only at the plan level, the last one
 * the renderer shrinks. */
#include "markdown.h"

#include <stdlib.h>

#include "scout/plan.h"

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

static const scout_plan_place *place_at(const scout_md_ctx *c, size_t module)
{
	static const scout_plan_place none = {SCOUT_LIST_NOT_SHIPPED, SCOUT_WHY_NOT_SHIPPED,
	                                      (size_t)-1, NULL, 0.0};

	return module < c->scan->nmodules && c->scan->plan.places ? &c->scan->plan.places[module]
	                                                          : &none;
}

/* ---- compiled today ---------------------------------------------------------- */

static void write_origins(scout_md_ctx *c)
{
	for (size_t i = 0; i < c->scan->ncompile_origins; i++) {
		const scout_compile_origin *o = &c->scan->compile_origins[i];

		scout_buf_puts(c->b, "- ");
		scout_escape_markdown_code(c->b, o->file, false);
		scout_buf_puts(c->b, " (");
		scout_escape_markdown_text(c->b, o->backend);
		if (o->condition) {
			scout_buf_puts(c->b, ", when ");
			scout_escape_markdown_code(c->b, o->condition, false);
		}
		scout_buf_printf(c->b, "): %zu module%s\n", o->nmodules,
		                 o->nmodules == 1 ? "" : "s");
	}
	for (size_t i = 0; i < c->scan->ncompile_unread; i++) {
		const scout_compile_unread *u = &c->scan->compile_unread[i];
		char *where = u->line ? scout_asprintf("%s:%u", u->file, (unsigned)u->line)
		                      : scout_strdup(u->file);

		scout_buf_puts(c->b, "- not read: ");
		scout_escape_markdown_code(c->b, where, false);
		scout_buf_puts(c->b, " \xE2\x80\x94 ");
		scout_escape_markdown_text(c->b, u->reason);
		scout_buf_puts(c->b, " (its modules are missing from this list)\n");
		free(where);
	}
	scout_buf_putc(c->b, '\n');
}

/* Where the plan puts a module, in words: "phase 1", "blocked: ...". */
static void write_place(scout_md_ctx *c, size_t module)
{
	const scout_plan_place *p = place_at(c, module);
	bool first = false;

	for (size_t i = 0; i < c->a->nphase1; i++)
		first |= c->a->phase1[i].module == module;
	if (p->list == SCOUT_LIST_PLAN)
		scout_buf_puts(c->b, first ? "kept: phase 1" : "kept: phase 2");
	else
		scout_buf_printf(c->b, "%s: %s", scout_plan_list_name((scout_plan_list)p->list),
		                 scout_plan_why_text((scout_plan_why)p->why));
	if (p->why == SCOUT_WHY_KEPT && p->tied_to != (size_t)-1) {
		scout_buf_puts(c->b, "; its blockers hold only if ");
		scout_escape_markdown_code(c->b, scout_md_path(c, p->tied_to), true);
		scout_buf_puts(c->b, " is compiled too");
	}
}

static void write_current(scout_md_ctx *c)
{
	const scout_audit *a = c->a;
	size_t shown = min_size(a->ncurrent, c->lim.plan);

	scout_buf_puts(c->b, "### Compiled today\n\n");
	if (!c->scan->compile_source) {
		scout_buf_puts(c->b, "Nothing: no build file (setup.py mypycify, pyproject.toml "
		                     "hatch-mypyc) configures mypyc.\n\n");
		return;
	}
	scout_buf_printf(c->b, "%zu module%s, read from the build files (never run):\n\n",
	                 a->ncurrent, a->ncurrent == 1 ? "" : "s");
	write_origins(c);
	if (a->ncurrent == 0)
		return;
	scout_buf_puts(c->b, "| module | hotness | verdict | in the plan |\n"
	                     "| --- | ---: | --- | --- |\n");
	for (size_t i = 0; i < shown; i++) {
		const scout_module *m = module_at(c, a->current[i].module);

		module_cell(c, a->current[i].module);
		scout_md_percent(c->b, m->hotness);
		scout_buf_printf(c->b, " | %s | ", scout_verdict_name(m->verdict));
		write_place(c, a->current[i].module);
		scout_buf_puts(c->b, " |\n");
	}
	if (shown < a->ncurrent)
		scout_md_more(c->b, a->ncurrent - shown, false);
	scout_buf_putc(c->b, '\n');
}

/* ---- the plan's lists --------------------------------------------------------- */

static void write_phase1(scout_md_ctx *c)
{
	const scout_audit *a = c->a;
	size_t shown = min_size(a->nphase1, c->lim.plan);

	scout_buf_puts(c->b, "### Phase 1: compile first\n\n");
	if (a->nphase1 == 0) {
		scout_buf_puts(c->b, "Nothing is ready to compile yet.\n\n");
		return;
	}
	scout_buf_printf(c->b,
	                 "The plan's first phase: what compiles today and is not blocked, then "
	                 "the modules with the highest expected gain (hotness \xC3\x97 score), "
	                 "whole inheritance groups, until %d%% of the planned runtime or %d more "
	                 "modules. Covers ",
	                 (int)(SCOUT_PLAN_FIRST_PHASE * 100.0), SCOUT_PLAN_FIRST_MAX);
	scout_md_percent(c->b, c->scan->plan.covered);
	scout_buf_puts(c->b, " of the estimated runtime.\n\n| module | hotness | score | lines | "
	                     "note |\n| --- | ---: | ---: | ---: | --- |\n");
	for (size_t i = 0; i < shown; i++) {
		const scout_module *m = module_at(c, a->phase1[i].module);

		module_cell(c, a->phase1[i].module);
		scout_md_percent(c->b, m->hotness);
		scout_buf_printf(c->b, " | %d | %u | %s |\n", m->score, (unsigned)m->lines,
		                 m->compiled_now ? "compiled today" : "");
	}
	if (shown < a->nphase1)
		scout_md_more(c->b, a->nphase1 - shown, false);
	scout_buf_putc(c->b, '\n');
}

static void write_fixes(scout_md_ctx *c, const scout_module *m, const scout_audit_module *am,
                        bool annotate)
{
	uint32_t missing = annotate ? m->ann.slots - m->ann.annotated_slots : 0;

	for (size_t j = 0; j < am->nfixes; j++) {
		const scout_audit_fix *f = &am->fixes[j];

		scout_buf_puts(c->b, j ? ", " : "");
		scout_escape_markdown_code(c->b, f->rule ? f->rule : "?", true);
		scout_buf_printf(c->b, " \xC3\x97%u (%s)", (unsigned)f->count,
		                 scout_category_name(f->category));
	}
	if (missing) /* section 4 */
		scout_buf_printf(c->b, "%sannotate %u slot%s", am->nfixes ? ", " : "",
		                 (unsigned)missing, missing == 1 ? "" : "s");
	else if (am->nfixes == 0)
		scout_buf_puts(c->b, "nothing");
}

static void write_phase2(scout_md_ctx *c)
{
	const scout_audit *a = c->a;
	size_t shown = min_size(a->nphase2, c->lim.plan);

	scout_buf_puts(c->b, "### Phase 2: the rest of the plan\n\n");
	if (a->nphase2 == 0) {
		scout_buf_puts(c->b, "The first phase is the whole plan.\n\n");
		return;
	}
	scout_buf_puts(c->b, "Compile as they stand, after phase 1; they add ");
	scout_md_percent(c->b, a->phase2_covered);
	scout_buf_puts(c->b, " of the estimated runtime. What to check: findings that change "
	                     "behaviour or make classes non-native (rule and how many; section 3 "
	                     "says how to fix each), and annotations for speed.\n\n"
	                     "| module | hotness | score | verdict | to check |\n"
	                     "| --- | ---: | ---: | --- | --- |\n");
	for (size_t i = 0; i < shown; i++) {
		const scout_module *m = module_at(c, a->phase2[i].module);

		module_cell(c, a->phase2[i].module);
		scout_md_percent(c->b, m->hotness);
		scout_buf_printf(c->b, " | %d | %s | ", m->score, scout_verdict_name(m->verdict));
		write_fixes(c, m, &a->phase2[i], true);
		scout_buf_puts(c->b, " |\n");
	}
	if (shown < a->nphase2)
		scout_md_more(c->b, a->nphase2 - shown, false);
	scout_buf_putc(c->b, '\n');
}

/* What blocks a module, as the plan says it. */
static void write_blocker(scout_md_ctx *c, const scout_audit_module *am)
{
	const scout_plan_place *p = place_at(c, am->module);
	const scout_module *m = module_at(c, am->module);

	switch (p->why) {
	case SCOUT_WHY_TIED:
		scout_buf_puts(c->b, "waits for ");
		scout_escape_markdown_code(c->b, scout_md_path(c, p->tied_to), true);
		scout_buf_puts(c->b, ", which subclasses its class ");
		scout_escape_markdown_code(c->b, p->tied_by ? p->tied_by : "?", true);
		scout_buf_puts(c->b, ": compile both after the fix");
		break;
	case SCOUT_WHY_BREAKS:
		scout_buf_puts(c->b, "compiling it makes the blockers of ");
		scout_escape_markdown_code(c->b, scout_md_path(c, p->tied_to), true);
		scout_buf_puts(c->b,
		               " (compiled today) hold: keep it interpreted, or fix those first");
		break;
	case SCOUT_WHY_UNREAD:
		scout_buf_printf(c->b, "the grammar cannot read line %u (verdict unknown)",
		                 (unsigned)m->grammar_gap_line);
		break;
	default:
		write_fixes(c, m, am, false);
	}
}

static void write_blocked(scout_md_ctx *c)
{
	const scout_audit *a = c->a;
	size_t shown = min_size(a->nblocked, c->lim.plan);

	scout_buf_puts(c->b, "### Blocked: fix first\n\n");
	if (a->nblocked == 0) {
		scout_buf_puts(c->b, "Nothing is blocked.\n\n");
		return;
	}
	scout_buf_puts(c->b, "In the plan's order: what fixing each unlocks (its own share of the "
	                     "runtime and that of the modules waiting for it) first. Fixing them "
	                     "unlocks ");
	scout_md_percent(c->b, a->unlocks);
	scout_buf_puts(c->b, " of the estimated runtime.\n\n| module | hotness | unlocks | what "
	                     "blocks it |\n| --- | ---: | ---: | --- |\n");
	for (size_t i = 0; i < shown; i++) {
		const scout_plan_place *p = place_at(c, a->blocked[i].module);
		bool own = p->why == SCOUT_WHY_BLOCKERS || p->why == SCOUT_WHY_UNREAD;

		module_cell(c, a->blocked[i].module);
		scout_md_percent(c->b, module_at(c, a->blocked[i].module)->hotness);
		scout_buf_puts(c->b, " | ");
		if (own)
			scout_md_percent(c->b, p->unlocks);
		scout_buf_puts(c->b, " | ");
		write_blocker(c, &a->blocked[i]);
		scout_buf_puts(c->b, " |\n");
	}
	if (shown < a->nblocked)
		scout_md_more(c->b, a->nblocked - shown, false);
	scout_buf_putc(c->b, '\n');
}

static void write_skip(scout_md_ctx *c)
{
	const scout_audit *a = c->a;
	size_t shown = min_size(a->nskip, c->lim.plan);

	scout_buf_puts(c->b, "### Not worth compiling\n\n");
	if (a->nskip == 0) {
		scout_buf_puts(c->b, a->nexcluded
		                         ? "Every shipped module is planned, blocked or left "
		                           "out by the build (below).\n\n"
		                         : "Every shipped module is planned or blocked.\n\n");
		return;
	}
	scout_buf_puts(c->b, "Compiled, nothing in them would run faster (the plan's reason for "
	                     "each).\n\n| module | hotness | why not |\n| --- | ---: | --- |\n");
	for (size_t i = 0; i < shown; i++) {
		const scout_module *m = module_at(c, a->skip[i].module);
		uint32_t missing = m->ann.slots - m->ann.annotated_slots;

		module_cell(c, a->skip[i].module);
		scout_md_percent(c->b, m->hotness);
		scout_buf_printf(c->b, " | %s", scout_audit_skip_text(&a->skip[i]));
		if (a->skip[i].why == SCOUT_WHY_UNTYPED && missing)
			scout_buf_printf(c->b, " (annotate %u slot%s)", (unsigned)missing,
			                 missing == 1 ? "" : "s");
		scout_buf_puts(c->b, " |\n");
	}
	if (shown < a->nskip)
		scout_md_more(c->b, a->nskip - shown, false);
	scout_buf_putc(c->b, '\n');
}

static void write_not_shipped(scout_md_ctx *c)
{
	const scout_audit *a = c->a;

	if (!a->not_shipped)
		return;
	scout_buf_printf(c->b, "%zu more module%s %s not shipped (scope: ", a->not_shipped,
	                 a->not_shipped == 1 ? "" : "s", a->not_shipped == 1 ? "is" : "are");
	scout_escape_markdown_text(c->b, c->scan->scope_source ? c->scan->scope_source : "?");
	scout_buf_puts(c->b, ") and never planned.\n\n");
}

static void write_excluded(scout_md_ctx *c)
{
	const scout_audit *a = c->a;
	size_t shown = min_size(a->nexcluded, c->lim.plan);

	if (a->nexcluded == 0)
		return;
	scout_buf_puts(c->b, "### Left out by the build\n\nThe build leaves these out on "
	                     "purpose; the plan never proposes them.\n\n| module | hotness | "
	                     "excluded in |\n| --- | ---: | --- |\n");
	for (size_t i = 0; i < shown; i++) {
		const scout_module *m = module_at(c, a->excluded[i].module);
		const scout_compile_origin *o = scout_scan_excluded_by(c->scan, m);

		module_cell(c, a->excluded[i].module);
		scout_md_percent(c->b, m->hotness);
		scout_buf_puts(c->b, " | ");
		if (o) {
			scout_escape_markdown_text(c->b, o->file);
			scout_buf_puts(c->b, " (");
			scout_escape_markdown_text(c->b, o->backend);
			scout_buf_putc(c->b, ')');
		}
		scout_buf_puts(c->b, " |\n");
	}
	if (shown < a->nexcluded)
		scout_md_more(c->b, a->nexcluded - shown, false);
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
	scout_buf_puts(c->b, "### Paste-ready\n\nThe phase 1 list");
	scout_buf_puts(c->b, c->scan->compile_source ? ", to replace the one the build compiles "
	                                               "today"
	                                             : "");
	scout_buf_puts(c->b, ".\n\n");
	if (c->a->snippet_setuptools) {
		scout_audit_setup_snippet_head(&s, c->a);
		write_paths(c, &s, false);
		scout_audit_setup_snippet_tail(&s, c->a);
		scout_buf_puts(c->b, "setuptools, in `setup.py`:\n\n");
		scout_escape_markdown_fence(c->b, "python", s.data);
		scout_buf_putc(c->b, '\n');
		s.len = 0;
	}
	if (c->a->snippet_hatch) {
		scout_buf_puts(&s, "[build-system]\nrequires = [\"hatchling\", \"hatch-mypyc\"]\n"
		                   "build-backend = \"hatchling.build\"\n\n"
		                   "[tool.hatch.build.targets.wheel.hooks.mypyc]\n"
		                   "dependencies = [\"hatch-mypyc\"]\ninclude = [\n");
		write_paths(c, &s, true);
		scout_buf_puts(&s, "]\n");
		scout_buf_puts(c->b, "hatchling with hatch-mypyc, in `pyproject.toml`:\n\n");
		scout_escape_markdown_fence(c->b, "toml", s.data);
		scout_buf_putc(c->b, '\n');
	}
	scout_buf_free(&s);
}

void scout_md_plan(scout_md_ctx *c)
{
	scout_buf_puts(c->b, "## 2. The plan in phases\n\n");
	write_current(c);
	write_phase1(c);
	write_phase2(c);
	write_blocked(c);
	write_skip(c);
	write_excluded(c);
	write_not_shipped(c);
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
