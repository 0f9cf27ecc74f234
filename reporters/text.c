/* --format text: the human report for a terminal, in the manner of ruff.
 *
 *   [--show-modules] a table of modules (path, lines, coverage, typed defs,
 *                    verdict)
 *   [--show-plan]    the whole plan (text_plan.c)
 *   the findings that count, blockers first, one line each:
 *     `path:line:col: rule-id message` ("    fix: ..." with --show-fixes),
 *     or with --statistics their counts per rule; then the diagnostics
 *     `path[:line]: kind: message`
 *   [--show-advisories] the rules checked nowhere here
 *   a short summary (text_summary.c): what ships and the counts of it, what
 *     is left out of the listing and the flag that lists it, the mypyc and
 *     Python assumed and why, "next:" from the plan, and the exit reason
 *
 * -q keeps the findings and the exit reason. Under --diff the findings are
 * what the change adds, and the summary says which verdicts got worse
 * instead of the whole tree's counts and plan.
 *
 * Every string from the scanned repository goes through
 * scout_escape_terminal, so a hostile name cannot move the cursor or recolour
 * the screen; ANSI colour is written only when opts->color is set. The whole
 * report is built in memory and written once. No timestamps: same scan, same
 * bytes. */
#include "reporter.h"
#include "output.h"
#include "text_findings.h"
#include "text_plan.h"
#include "text_summary.h"
#include "text_table.h"
#include "escape.h"
#include "scout/walk.h"

/* Where the profiled time went; the files it could not place (up to 5). */
static void write_profile_placement(scout_buf *b, const scout_profile_placement *p)
{
	scout_buf_printf(b,
	                 " (of the profiled time: %.1f%% in shipped modules, %.1f%% in project "
	                 "files that do not ship, %.1f%% not placed (ambiguous), %.1f%% outside "
	                 "the project)",
	                 100.0 * p->shipped, 100.0 * p->not_shipped, 100.0 * p->ambiguous,
	                 100.0 * p->outside);
	for (size_t i = 0; i < p->nties && i < 5; i++) {
		scout_buf_printf(b, "\nprofile: %.1f%% in ", 100.0 * p->ties[i].share);
		scout_escape_terminal(b, p->ties[i].file);
		scout_buf_puts(b, " not placed: it matches");
		for (size_t k = 0; k < p->ties[i].nmodules; k++) {
			scout_buf_puts(b, k == 0                         ? " "
			                  : k + 1 == p->ties[i].nmodules ? " and "
			                                                 : ", ");
			scout_escape_terminal(b, p->ties[i].modules[k]);
		}
		scout_buf_puts(b, " equally");
	}
	if (p->nties > 5)
		scout_buf_printf(b,
		                 "\nprofile: %zu more files not placed (--format json lists them)",
		                 p->nties - 5);
}

/* The type-checker-only rules, once, so nobody takes "ready" for "compiles". */
static void write_advisories(scout_buf *b, const scout_scan *scan)
{
	if (scan->nadvisories == 0)
		return;
	scout_buf_puts(b, "\nNot checked here (needs a type checker or a run; see "
	                  "'mypyc-scout rules ID'):\n");
	for (size_t i = 0; i < scan->nadvisories; i++)
		scout_buf_printf(b, "  %s (%s): %s\n", scan->advisories[i].rule,
		                 scout_category_name(scan->advisories[i].category),
		                 scan->advisories[i].title);
}

/* "hotness: profile:<file> (of the profiled time: ...)", with a profile. */
static void write_hotness(scout_buf *b, const scout_scan *scan)
{
	if (!scan->hotness_source || !scout_str_startswith(scan->hotness_source, "profile:"))
		return;
	scout_buf_puts(b, "hotness: ");
	scout_escape_terminal(b, scan->hotness_source);
	write_profile_placement(b, &scan->profile);
	scout_buf_putc(b, '\n');
}

/* ---- the reporter ------------------------------------------------------ */

static void write_listing(scout_buf *b, const scout_scan *scan, const scout_report_opts *opts)
{
	if (opts->text.statistics)
		scout_text_write_statistics(b, scan, opts);
	else
		scout_text_write_findings(b, scan, opts);
}

static int text_write(FILE *out, const scout_scan *scan, const scout_report_opts *opts)
{
	static const scout_report_opts no_opts = {.color = false};
	scout_buf b = {0};

	if (!opts)
		opts = &no_opts;
	scout_buf_put(&b, "", 0);
	if (opts->text.quiet) {
		write_listing(&b, scan, opts);
		scout_text_write_exit(&b, opts);
		return scout_output_write(out, &b, "the text report");
	}
	if (opts->text.show_modules)
		scout_text_write_table(&b, scan, opts);
	if (opts->text.show_plan)
		scout_text_write_plan(&b, scan);
	if (opts->text.show_modules || opts->text.show_plan)
		scout_buf_putc(&b, '\n');
	write_listing(&b, scan, opts);
	if (opts->text.show_advisories)
		write_advisories(&b, scan);
	scout_text_write_counts(&b, scan, opts);
	write_hotness(&b, scan);
	scout_text_write_next(&b, scan, opts);
	scout_text_write_exit(&b, opts);
	return scout_output_write(out, &b, "the text report");
}

const scout_reporter scout_reporter_text = {
    .name = "text",
    .write = text_write,
};
