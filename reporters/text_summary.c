/* The text report's summary (text_summary.h). */
#include "text_summary.h"

#include "assumes.h"
#include "escape.h"
#include "scout/walk.h"
#include "text_findings.h"
#include "text_plan_lists.h"
#include "text_util.h"

#define MAX_FIRST   5 /* modules of the first phase named under "next" */
#define MAX_UNBLOCK 3 /* blocked modules named under "next" */

/* ---- counts -------------------------------------------------------------- */

typedef struct tally {
	size_t shipped, verdicts[SCOUT_VERDICT_COUNT];
	scout_annotations ann;
	size_t listed[SCOUT_CATEGORY_COUNT]; /* findings the listing shows */
	size_t left[SCOUT_CATEGORY_COUNT]; /* counting findings of covered modules it leaves out */
	size_t unmet, outside, outside_modules, worse;
} tally;

static void count_module(tally *t, const scout_module *m, const scout_text_opts *o)
{
	bool any_outside = false;

	if (m->shipped) {
		t->shipped++;
		t->verdicts[m->verdict]++;
		scout_annotations_add(&t->ann, &m->ann);
	}
	t->worse += m->got_worse;
	for (size_t j = 0; j < m->nfindings; j++) {
		const scout_finding *f = &m->findings[j];

		if (scout_text_listed(m, f, o))
			t->listed[f->category]++;
		else if (!m->gated)
			t->outside++, any_outside = true;
		else if (!scout_finding_holds(f))
			t->unmet++;
		else
			t->left[f->category]++;
	}
	t->outside_modules += any_outside;
}

static void write_scope(scout_buf *b, const scout_scan *scan, const tally *t)
{
	size_t named = 0;

	for (size_t i = 0; i < scan->nmodules; i++)
		named += scan->modules[i].gated && !scan->modules[i].shipped;
	if (!scan->scope_source) {
		scout_buf_printf(b, "%zu modules", scan->nmodules);
		return;
	}
	scout_buf_printf(b, "%zu of %zu modules ship (", t->shipped, scan->nmodules);
	scout_escape_terminal(b, scan->scope_source);
	scout_buf_puts(b, "); the counts are of those");
	if (scan->scope_all)
		scout_buf_puts(b, "; --fail-on covers every module (--scope all)");
	else if (named)
		scout_buf_printf(b, "; --fail-on also covers the %zu file%s named", named,
		                 scout_text_plural(named));
}

static void write_verdicts(scout_buf *b, const tally *t, const scout_report_opts *opts)
{
	size_t judged = 0;

	for (int v = 0; v < SCOUT_VERDICT_COUNT; v++)
		judged += t->verdicts[v];
	if (!judged) { /* no coverage to claim either */
		scout_buf_puts(b, "\nverdicts: none, no module to judge");
		return;
	}
	scout_buf_puts(b, "\nverdicts:");
	for (int v = 0; v < SCOUT_VERDICT_COUNT; v++) {
		if (v == SCOUT_UNKNOWN && !t->verdicts[v])
			continue; /* named only when some module is */
		scout_buf_printf(b, "%s %zu ", v ? "," : "", t->verdicts[v]);
		scout_text_put_colored(b, opts, scout_text_verdict_color(v), scout_verdict_name(v));
	}
	scout_buf_printf(b, "; annotation coverage %.1f%%",
	                 100.0 * scout_annotations_coverage(&t->ann));
}

/* ", 3 blocker, 1 slow": the nonzero counts of `n`; false when all are 0. */
static bool write_categories(scout_buf *b, const size_t n[SCOUT_CATEGORY_COUNT],
                             const scout_report_opts *opts)
{
	bool any = false;

	for (int c = 0; c < SCOUT_CATEGORY_COUNT; c++) {
		if (!n[c])
			continue;
		scout_buf_printf(b, "%s %zu ", any ? "," : "", n[c]);
		scout_text_put_colored(b, opts, scout_text_category_color(c),
		                       scout_category_name(c));
		any = true;
	}
	return any;
}

static void write_findings_line(scout_buf *b, const tally *t, const scout_report_opts *opts)
{
	scout_buf_puts(b, "\nfindings:");
	if (write_categories(b, t->listed, opts))
		scout_buf_puts(b, opts->text.statistics ? " (counted above)"
		                  : opts->text.show_all ? " (listed above)"
		                                        : " (above, a line per rule and file)");
	else
		scout_buf_puts(b, " none listed");
	if (!opts->text.show_all) {
		bool left = false;

		for (int c = 0; c < SCOUT_CATEGORY_COUNT; c++)
			left |= t->left[c] > 0;
		if (left) {
			scout_buf_puts(b, "; not listed:");
			write_categories(b, t->left, opts);
			scout_buf_puts(
			    b, " (--show-all lists them, --statistics counts them by rule)");
		}
	}
	if (t->unmet || t->outside) {
		scout_buf_puts(b, "\nnot counted:");
		if (t->outside)
			scout_buf_printf(b, " %zu finding%s in %zu module%s that do not ship%s",
			                 t->outside, scout_text_plural(t->outside),
			                 t->outside_modules, scout_text_plural(t->outside_modules),
			                 t->unmet ? ";" : "");
		if (t->unmet)
			scout_buf_printf(
			    b,
			    " %zu that hold only if a module the plan leaves interpreted "
			    "is compiled",
			    t->unmet);
		scout_buf_puts(b, " (--show-all lists them)");
	}
}

static void write_target(scout_buf *b, const scout_scan *scan)
{
	char version[32];

	if (!scan->mypyc_version && !scan->python_major)
		return;
	scout_version_format(scan->mypyc_version, version, sizeof(version));
	scout_buf_printf(b, "\nassumed: mypyc %s (", version);
	scout_escape_terminal(b, scan->mypyc_version_source ? scan->mypyc_version_source
	                                                    : "the newest the catalog knows");
	scout_buf_puts(b, ")");
	if (scan->python_major) {
		scout_buf_printf(b, ", Python %d.%d on ", scan->python_major, scan->python_minor);
		scout_escape_terminal(b, scan->python_platform ? scan->python_platform : "");
		scout_buf_puts(b, " (");
		scout_escape_terminal(b, scan->python_source ? scan->python_source : "");
		scout_buf_puts(b, ")");
	}
}

static void write_worse(scout_buf *b, const scout_scan *scan, const scout_report_opts *opts)
{
	for (size_t i = 0; i < scan->nmodules; i++) {
		const scout_module *m = &scan->modules[i];

		if (!m->got_worse)
			continue;
		scout_buf_puts(b, "\n  ");
		scout_escape_terminal(b, m->path);
		scout_buf_printf(b, "  %s -> ",
		                 m->was < SCOUT_VERDICT_COUNT ? scout_verdict_name(m->was) : "new");
		scout_text_put_colored(b, opts, scout_text_verdict_color(m->verdict),
		                       scout_verdict_name(m->verdict));
	}
}

static void write_diff_counts(scout_buf *b, const scout_scan *scan, const tally *t,
                              const scout_report_opts *opts)
{
	scout_buf_puts(b, "--diff ");
	scout_escape_terminal(b, opts->diff_base);
	scout_buf_puts(b, ": what the change adds (verdicts and the plan are of the whole "
	                  "tree: run without --diff for them)");
	write_findings_line(b, t, opts);
	if (t->worse) {
		scout_buf_printf(b, "\nverdicts that got worse: %zu", t->worse);
		write_worse(b, scan, opts);
	} else {
		scout_buf_puts(b, "\nverdicts that got worse: none");
	}
}

void scout_text_write_counts(scout_buf *b, const scout_scan *scan, const scout_report_opts *opts)
{
	tally t = {0};

	for (size_t i = 0; i < scan->nmodules; i++)
		count_module(&t, &scan->modules[i], &opts->text);
	scout_buf_puts(b, "\nmypyc-scout " SCOUT_VERSION " \xE2\x80\x94 ");
	scout_escape_terminal(b, scan->root);
	scout_buf_puts(b, "\n");
	if (opts->diff_base) {
		write_diff_counts(b, scan, &t, opts);
	} else {
		write_scope(b, scan, &t);
		write_verdicts(b, &t, opts);
		write_findings_line(b, &t, opts);
	}
	write_target(b, scan);
	if (scan->nadvisories && !opts->text.show_advisories)
		scout_buf_printf(b,
		                 "\nnot checked here: %zu rule%s that need a type checker or a run "
		                 "(--show-advisories)",
		                 scan->nadvisories, scout_text_plural(scan->nadvisories));
	scout_buf_putc(b, '\n');
}

/* ---- next ---------------------------------------------------------------- */

static size_t listed_blockers(const scout_scan *scan, const scout_report_opts *opts)
{
	size_t n = 0;

	for (size_t i = 0; i < scan->nmodules; i++)
		for (size_t j = 0; j < scan->modules[i].nfindings; j++)
			n += scan->modules[i].findings[j].category == SCOUT_BLOCKER &&
			     scout_report_blocks(&scan->modules[i].findings[j]) &&
			     scout_text_listed(&scan->modules[i], &scan->modules[i].findings[j],
			                       &opts->text);
	return n;
}

/* Behaviour and non-native findings that hold in the first phase's modules. */
static size_t first_phase_risks(const scout_scan *scan)
{
	size_t n = 0;

	for (size_t i = 0; i < scan->plan.ncompile; i++) {
		const scout_module *m = &scan->modules[scan->plan.compile[i].module];

		for (size_t j = 0; scan->plan.compile[i].first_phase && j < m->nfindings; j++)
			n += (m->findings[j].category == SCOUT_NON_NATIVE ||
			      m->findings[j].category == SCOUT_BEHAVIOUR) &&
			     scout_finding_holds(&m->findings[j]);
	}
	return n;
}

static void write_first(scout_buf *b, const scout_scan *scan)
{
	size_t first = 0, shown = 0, risks = first_phase_risks(scan);

	for (size_t i = 0; i < scan->plan.ncompile; i++)
		first += scan->plan.compile[i].first_phase;
	if (first == 0) {
		scout_buf_puts(b, "  nothing is ready to compile yet\n");
		return;
	}
	scout_buf_printf(b, "  compile first (%zu module%s, %.1f%% of the estimated runtime):\n",
	                 first, scout_text_plural(first), 100.0 * scan->plan.covered);
	for (size_t i = 0; i < scan->plan.ncompile && shown < MAX_FIRST; i++) {
		const scout_plan_item *it = &scan->plan.compile[i];

		if (!it->first_phase)
			continue;
		scout_buf_puts(b, "    ");
		scout_escape_terminal(b, scan->modules[it->module].path);
		scout_buf_printf(b, "  %.1f%%%s\n", 100.0 * scan->modules[it->module].hotness,
		                 it->kept ? "  (compiled today)" : "");
		shown++;
	}
	if (first > shown)
		scout_buf_printf(b, "    and %zu more\n", first - shown);
	if (risks)
		scout_buf_printf(
		    b,
		    "  review the %zu behaviour and non-native finding%s in them before "
		    "shipping them compiled\n",
		    risks, scout_text_plural(risks));
}

static void write_unblock(scout_buf *b, const scout_scan *scan)
{
	size_t shown = scan->plan.nblocked < MAX_UNBLOCK ? scan->plan.nblocked : MAX_UNBLOCK;

	if (shown == 0)
		return;
	scout_buf_puts(b, "  then unblock (what fixing each makes compilable):\n");
	for (size_t k = 0; k < shown; k++) {
		scout_buf_puts(b, "    ");
		scout_escape_terminal(b, scan->modules[scan->plan.blocked[k]].path);
		scout_text_write_blocked_why(b, scan, scan->plan.blocked[k]);
	}
	if (scan->plan.nblocked > shown)
		scout_buf_printf(b, "    and %zu more\n", scan->plan.nblocked - shown);
}

void scout_text_write_next(scout_buf *b, const scout_scan *scan, const scout_report_opts *opts)
{
	size_t blockers = listed_blockers(scan, opts);

	if (opts->diff_base || !scan->plan.built || scan->nmodules == 0)
		return;
	scout_buf_puts(b, "next:\n");
	if (blockers == 1)
		scout_buf_puts(b, "  fix the blocker listed above (--show-fixes says how; "
		                  "'mypyc-scout rules ID' explains a rule)\n");
	else if (blockers)
		scout_buf_printf(b,
		                 "  fix the %zu blockers, listed first above (--show-fixes says "
		                 "how; 'mypyc-scout rules ID' explains a rule)\n",
		                 blockers);
	write_first(b, scan);
	write_unblock(b, scan);
	if (!opts->text.show_plan)
		scout_buf_puts(b, "  --show-plan prints the whole plan and the module list for the "
		                  "build\n");
}

/* ---- exit ---------------------------------------------------------------- */

void scout_text_write_exit(scout_buf *b, const scout_report_opts *opts)
{
	if (opts->exit_reason) {
		scout_buf_puts(b, "exit 1: ");
		scout_escape_terminal(b, opts->exit_reason);
		scout_buf_putc(b, '\n');
	} else if (opts->fail_on < 0)
		scout_buf_puts(b, "exit 0: --fail-on none\n");
	else
		scout_buf_printf(b,
		                 "exit 0: no finding at or above --fail-on %s in the modules it "
		                 "covers\n",
		                 scout_category_name((scout_category)opts->fail_on));
}
