/* The text plan's lists: compiled today, blocked, not worth compiling, not
 * shipped. */
#include "text_plan_lists.h"

#include <stdlib.h>
#include <string.h>

#include "assumes.h"
#include "escape.h"
#include "scout/plan.h"
#include "text_compile_set.h"

#define MAX_SHOWN 10

/* ---- compiled today ------------------------------------------------------ */

static bool planned(const scout_scan *scan, size_t i)
{
	return scan->plan.places[i].list == SCOUT_LIST_PLAN;
}

static bool kept(const scout_scan *scan, size_t i)
{
	return scan->modules[i].compiled_now && planned(scan, i);
}

static bool not_kept(const scout_scan *scan, size_t i)
{
	return scan->modules[i].compiled_now && !planned(scan, i);
}

static bool kept_risky(const scout_scan *scan, size_t i)
{
	return kept(scan, i) && scan->modules[i].verdict == SCOUT_NEEDS_CHANGES;
}

/* One line listing the modules that pass `keep`, or nothing. */
static void write_list(scout_buf *b, const scout_scan *scan, const char *label,
                       bool (*keep)(const scout_scan *, size_t), bool with_list)
{
	bool any = false;

	for (size_t i = 0; i < scan->nmodules; i++) {
		if (!keep(scan, i))
			continue;
		scout_buf_puts(b, any ? ", " : label);
		scout_escape_terminal(b, scan->modules[i].path);
		if (with_list) /* say which list it went to */
			scout_buf_printf(b, " (%s)",
			                 scout_plan_list_name(scan->plan.places[i].list));
		any = true;
	}
	if (any)
		scout_buf_putc(b, '\n');
}

void scout_text_write_plan_current(scout_buf *b, const scout_scan *scan)
{
	size_t n = 0;

	if (!scan->compile_source)
		return;
	for (size_t i = 0; i < scan->nmodules; i++)
		n += scan->modules[i].compiled_now;
	scout_buf_printf(b, "\nCompiled today (%s): %zu module%s\n", scan->compile_source, n,
	                 n == 1 ? "" : "s");
	scout_text_write_compile_origins(b, scan);
	write_list(b, scan, "  kept in the plan: ", kept, false);
	write_list(b, scan, "  not kept, see below: ", not_kept, true);
	write_list(b, scan,
	           "  kept, with findings that change behaviour or cost speed: ", kept_risky,
	           false);
}

/* ---- blocked ------------------------------------------------------------- */

static int compare_strings(const void *pa, const void *pb)
{
	return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

/* " rule-a (2), rule-b": the blocker rules that hold, sorted, counted; when
 * --diff or --baseline hid them all, says so rather than nothing. */
static void write_rules(scout_buf *b, const scout_module *m)
{
	const char **ids = scout_calloc(m->nfindings ? m->nfindings : 1, sizeof(*ids));
	size_t n = 0;

	for (size_t i = 0; i < m->nfindings; i++)
		if (scout_report_blocks(&m->findings[i]))
			ids[n++] = m->findings[i].rule;
	if (n == 0)
		scout_buf_puts(b, " its blockers are not on the lines --diff or --baseline shows");
	qsort(ids, n, sizeof(*ids), compare_strings);
	for (size_t i = 0; i < n;) {
		size_t same = 1;

		while (i + same < n && strcmp(ids[i], ids[i + same]) == 0)
			same++;
		scout_buf_printf(b, "%s %s", i ? "," : "", ids[i]);
		if (same > 1)
			scout_buf_printf(b, " (%zu)", same);
		i += same;
	}
	free(ids);
}

static void write_tied(scout_buf *b, const scout_scan *scan, const scout_plan_place *p)
{
	scout_buf_puts(b, "  waits for ");
	scout_escape_terminal(b, scan->modules[p->tied_to].path);
	scout_buf_puts(b, ", which subclasses its class ");
	scout_escape_terminal(b, p->tied_by ? p->tied_by : "?");
	scout_buf_puts(
	    b, ": compiled alone, creating its instances fails;\n      compile both after the "
	       "fix, or decorate the class with "
	       "@mypyc_attr(allow_interpreted_subclasses=True)\n");
}

static void write_breaks(scout_buf *b, const scout_scan *scan, const scout_plan_place *p)
{
	scout_buf_puts(b, "  compiling it makes the blockers of ");
	scout_escape_terminal(b, scan->modules[p->tied_to].path);
	scout_buf_puts(b, " (compiled today) hold: keep it interpreted, or fix those first\n");
}

void scout_text_write_blocked_why(scout_buf *b, const scout_scan *scan, size_t i)
{
	const scout_module *m = &scan->modules[i];
	const scout_plan_place *p = &scan->plan.places[i];

	if (p->why == SCOUT_WHY_TIED || p->why == SCOUT_WHY_BREAKS) {
		(p->why == SCOUT_WHY_TIED ? write_tied : write_breaks)(b, scan, p);
		return;
	}
	scout_buf_printf(b, "  unlocks %.1f%%:", 100.0 * p->unlocks);
	if (p->why == SCOUT_WHY_UNREAD)
		scout_buf_printf(b, " the grammar cannot read line %u (verdict unknown)",
		                 m->grammar_gap_line);
	else
		write_rules(b, m);
	if (m->compiled_now)
		scout_buf_puts(b, "  (compiled today: check these findings)");
	scout_buf_putc(b, '\n');
}

static void write_blocked_one(scout_buf *b, const scout_scan *scan, size_t i)
{
	scout_buf_puts(b, "  ");
	scout_escape_terminal(b, scan->modules[i].path);
	scout_text_write_blocked_why(b, scan, i);
}

void scout_text_write_plan_blocked(scout_buf *b, const scout_scan *scan)
{
	size_t shown = scan->plan.nblocked < MAX_SHOWN ? scan->plan.nblocked : MAX_SHOWN;

	if (shown == 0)
		return;
	scout_buf_puts(b, "\nBlocked (what fixing each unlocks, of the estimated runtime):\n");
	for (size_t i = 0; i < shown; i++)
		write_blocked_one(b, scan, scan->plan.blocked[i]);
	if (scan->plan.nblocked > shown)
		scout_buf_printf(b, "  ... and %zu more (JSON plan.blocked)\n",
		                 scan->plan.nblocked - shown);
}

/* ---- not worth compiling, not shipped ------------------------------------ */

static bool is_excluded(const scout_scan *scan, size_t i)
{
	return scan->plan.places[i].why == SCOUT_WHY_EXCLUDED;
}

/* Shipped modules the plan leaves idle because nothing would run faster. */
static void write_idle(scout_buf *b, const scout_scan *scan)
{
	size_t count = 0, shown = 0;

	for (size_t i = 0; i < scan->nmodules; i++)
		count += scan->plan.places[i].list == SCOUT_LIST_IDLE && !is_excluded(scan, i);
	if (count)
		scout_buf_printf(b, "\nNot worth compiling (%zu; nothing would run faster):\n",
		                 count);
	for (size_t i = 0; i < scan->nmodules && shown < MAX_SHOWN; i++) {
		if (scan->plan.places[i].list != SCOUT_LIST_IDLE || is_excluded(scan, i))
			continue;
		scout_buf_puts(b, "  ");
		scout_escape_terminal(b, scan->modules[i].path);
		scout_buf_printf(b, "  %s\n", scout_plan_why_text(scan->plan.places[i].why));
		shown++;
	}
	if (count > shown)
		scout_buf_printf(b, "  ... and %zu more (JSON modules[].plan)\n", count - shown);
}

/* Shipped modules the build leaves out on purpose (hatch-mypyc's exclude, a
 * filter in setup.py): never proposed, whatever they would gain. */
static void write_excluded(scout_buf *b, const scout_scan *scan)
{
	size_t count = 0, shown = 0;

	for (size_t i = 0; i < scan->nmodules; i++)
		count += is_excluded(scan, i);
	if (count)
		scout_buf_printf(b, "\nLeft out by the build on purpose (%zu; never proposed):\n",
		                 count);
	for (size_t i = 0; i < scan->nmodules && shown < MAX_SHOWN; i++) {
		const scout_module *m = &scan->modules[i];
		const scout_compile_origin *o = scout_scan_excluded_by(scan, m);

		if (!is_excluded(scan, i))
			continue;
		scout_buf_puts(b, "  ");
		scout_escape_terminal(b, m->path);
		if (o) {
			scout_buf_puts(b, "  excluded in ");
			scout_escape_terminal(b, o->file);
			scout_buf_puts(b, " (");
			scout_escape_terminal(b, o->backend);
			scout_buf_putc(b, ')');
		}
		scout_buf_putc(b, '\n');
		shown++;
	}
	if (count > shown)
		scout_buf_printf(b, "  ... and %zu more (JSON modules[].plan)\n", count - shown);
}

void scout_text_write_plan_idle(scout_buf *b, const scout_scan *scan)
{
	size_t counts[SCOUT_LIST_COUNT] = {0};

	for (size_t i = 0; i < scan->nmodules; i++)
		counts[scan->plan.places[i].list]++;
	write_idle(b, scan);
	write_excluded(b, scan);
	if (counts[SCOUT_LIST_NOT_SHIPPED]) {
		scout_buf_printf(b, "\nNot shipped, never planned: %zu module%s (scope: ",
		                 counts[SCOUT_LIST_NOT_SHIPPED],
		                 counts[SCOUT_LIST_NOT_SHIPPED] == 1 ? "" : "s");
		scout_escape_terminal(b, scan->scope_source ? scan->scope_source : "?");
		scout_buf_puts(b, ")\n");
	}
}
