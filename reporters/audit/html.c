/* The audit as one self-contained HTML5 page: head and inline stylesheet,
 * header with a table of contents, the summary (section 1), the sections
 * written by html_*.c, the charts (svg.c) and the footer. No
 * script, no external asset; every string from the scan is HTML-escaped. */
#include "report.h"

#include <string.h>

#include "html.h"
#include "verified.h"
#include "svg.h"
#include "assumes.h"
#include "escape.h"
#include "output.h"
#include "reporter.h"

static const char *const sections[][2] = {
    {"summary", "Summary"},
    {"plan", "Plan in phases"},
    {"findings", "Findings by rule"},
    {"annotations", "Annotation work"},
    {"packaging", "Packaging checklist"},
    {"risks", "Compatibility risks"},
    {"charts", "Charts"},
};

/* ---- shared writers (html.h) ---------------------------------------------- */

void scout_audit_html_href(scout_buf *b, const char *path)
{
	scout_buf uri = {0};

	scout_escape_uri_path(&uri, path);
	scout_escape_html(b, uri.data);
	scout_buf_free(&uri);
}

void scout_audit_html_module(scout_buf *b, const scout_scan *scan, size_t module)
{
	const char *path = module < scan->nmodules ? scan->modules[module].path : "?";

	scout_buf_puts(b, "<a class=\"path\" href=\"");
	scout_audit_html_href(b, path);
	scout_buf_puts(b, "\"><code>");
	scout_escape_html(b, path);
	scout_buf_puts(b, "</code></a>");
}

static void write_loc(scout_buf *b, const scout_scan *scan, const scout_audit_loc *l,
                      const char *rule_fix)
{
	const char *path = l->module < scan->nmodules ? scan->modules[l->module].path : "?";

	scout_buf_puts(b, "<li><a class=\"path\" href=\"");
	scout_audit_html_href(b, path);
	if (l->line)
		scout_buf_printf(b, "#L%u", (unsigned)l->line);
	scout_buf_puts(b, "\"><code>");
	scout_escape_html(b, path);
	if (l->line)
		scout_buf_printf(b, ":%u", (unsigned)l->line);
	scout_buf_puts(b, "</code></a>");
	if (l->label && *l->label) {
		scout_buf_puts(b, " ");
		scout_escape_html(b, l->label);
	}
	if (l->finding && l->finding->nassumes) {
		scout_buf_puts(b, " <span class=\"assumes\">(");
		scout_report_assumes(b, l->finding, scout_escape_html);
		scout_buf_puts(b, ")</span>");
	}
	if (l->fix && *l->fix && (!rule_fix || strcmp(l->fix, rule_fix) != 0)) {
		scout_buf_puts(b, " <span class=\"fix\">Fix: ");
		scout_escape_html(b, l->fix);
		scout_buf_puts(b, "</span>");
	}
	scout_buf_puts(b, "</li>\n");
}

void scout_audit_html_locs(scout_buf *b, const scout_scan *scan, const scout_audit_loc *locs,
                           size_t n, const char *rule_fix)
{
	bool fold = n > SCOUT_AUDIT_HTML_FOLD;

	if (n == 0) {
		scout_buf_puts(b, "<p class=\"muted\">No locations in this project.</p>\n");
		return;
	}
	if (fold)
		scout_buf_printf(b, "<details><summary>All %zu locations</summary>\n", n);
	scout_buf_puts(b, "<ul class=\"locs\">\n");
	for (size_t i = 0; i < n; i++)
		write_loc(b, scan, &locs[i], rule_fix);
	scout_buf_puts(b, "</ul>\n");
	if (fold)
		scout_buf_puts(b, "</details>\n");
}

void scout_audit_html_table(scout_buf *b, const char *const *heads, size_t n)
{
	scout_buf_puts(b, "<div class=\"table-wrap\"><table>\n<thead><tr>");
	for (size_t i = 0; i < n; i++) {
		bool num = heads[i][0] == '.';

		scout_buf_printf(b, "<th%s>%s</th>", num ? " class=\"num\"" : "", heads[i] + num);
	}
	scout_buf_puts(b, "</tr></thead>\n<tbody>\n");
}

void scout_audit_html_table_end(scout_buf *b)
{
	scout_buf_puts(b, "</tbody>\n</table></div>\n");
}

/* ---- the page ---------------------------------------------------------------- */

static void write_head(scout_buf *b, const scout_audit *a)
{
	const char *name = a->project_name ? a->project_name : "project";

	scout_buf_puts(b, "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	                  "<meta name=\"viewport\" content=\"width=device-width, "
	                  "initial-scale=1\">\n<meta http-equiv=\"Content-Security-Policy\" "
	                  "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
	                  "<title>mypyc audit: ");
	scout_escape_html(b, name);
	scout_buf_printf(b, "</title>\n<style>\n%s</style>\n</head>\n<body>\n",
	                 scout_audit_html_css);
	scout_buf_puts(b, "<header class=\"top\">\n<p class=\"kicker\">mypyc pre-migration "
	                  "audit</p>\n<h1>");
	scout_escape_html(b, name);
	scout_buf_puts(b, "</h1>\n<nav class=\"toc\" aria-label=\"Contents\"><ol>\n");
	for (size_t i = 0; i < sizeof(sections) / sizeof(sections[0]); i++)
		scout_buf_printf(b, "<li><a href=\"#%s\">%s</a></li>\n", sections[i][0],
		                 sections[i][1]);
	scout_buf_puts(b, "</ol></nav>\n</header>\n<main>\n");
}

static void section_open(scout_buf *b, size_t i)
{
	scout_buf_printf(b, "<section id=\"%s\">\n<h2>%zu. %s</h2>\n", sections[i][0], i + 1,
	                 sections[i][1]);
}

/* Closes the section before i and opens section i. */
static void section_close(scout_buf *b, size_t i)
{
	scout_buf_puts(b, "</section>\n");
	section_open(b, i);
}

static void card(scout_buf *b, const char *value, const char *label)
{
	scout_buf_printf(b, "<div class=\"card\"><div class=\"n\">%s</div><div>%s</div></div>\n",
	                 value, label);
}

static void write_verdicts(scout_buf *b, const scout_summary *s)
{
	scout_buf_puts(b, "<ul class=\"verdicts\">\n");
	for (int v = 0; v < SCOUT_VERDICT_COUNT; v++)
		if (v != SCOUT_UNKNOWN || s->verdicts[v]) /* unknown: only when some module is */
			scout_buf_printf(
			    b, "<li><span class=\"dot v%d\"></span>%s <strong>%zu</strong></li>\n",
			    v, scout_verdict_name((scout_verdict)v), s->verdicts[v]);
	scout_buf_puts(b, "</ul>\n");
}

/* The files the scan could not read (a FIFO, a device, too large), first 10. */
static void write_not_read(scout_buf *b, const scout_scan *scan)
{
	size_t shown = 0, more = 0;

	for (size_t i = 0; i < scan->ndiags; i++) {
		const scout_diagnostic *d = &scan->diags[i];

		if (d->kind != SCOUT_DIAG_SKIPPED && d->kind != SCOUT_DIAG_TOO_LARGE &&
		    d->kind != SCOUT_DIAG_UNREADABLE)
			continue;
		if (shown == 10) {
			more++;
			continue;
		}
		scout_buf_puts(b, shown++ ? "; <code>" : "<p class=\"muted\">Not read: <code>");
		scout_escape_html(b, d->path);
		scout_buf_puts(b, "</code>: ");
		scout_escape_html(b, d->message);
	}
	if (more)
		scout_buf_printf(b, "; and %zu more", more);
	if (shown)
		scout_buf_puts(b, ".</p>\n");
}

static void write_summary(scout_buf *b, const scout_scan *scan, const scout_audit *a)
{
	const scout_summary *s = &a->totals;
	char value[64];

	section_open(b, 0);
	if (scan->compile_source) {
		scout_buf_printf(
		    b, "<p class=\"verdict\"><strong>Compiled today:</strong> %zu module%s (",
		    a->ncurrent, a->ncurrent == 1 ? "" : "s");
		scout_escape_html(b, scan->compile_source);
		scout_buf_puts(b, "); see <a href=\"#plan\">the plan</a>.</p>\n");
	}
	scout_buf_puts(b, "<div class=\"cards\">\n");
	snprintf(value, sizeof(value), "%zu", s->modules);
	card(b, value, "shipped modules");
	snprintf(value, sizeof(value), "%llu", (unsigned long long)s->lines);
	card(b, value, "lines");
	snprintf(value, sizeof(value), "%.1f%%", 100.0 * scout_annotations_coverage(&s->ann));
	card(b, value, "annotation coverage");
	snprintf(value, sizeof(value), "%.1f%%", 100.0 * scan->plan.covered);
	card(b, value, "of estimated runtime in phase 1");
	scout_buf_puts(b, "</div>\n");
	scout_buf_puts(b, "<p class=\"muted\">Every count in this audit is of the shipped modules: "
	                  "what goes into the wheel, the modules the plan can compile");
	if (a->not_shipped)
		scout_buf_printf(b, " (%zu more that do not ship, such as tests, are left out)",
		                 a->not_shipped);
	scout_buf_puts(b, ".</p>\n");
	write_verdicts(b, s);
	if (a->verdict) {
		scout_buf_puts(b, "<p class=\"verdict\">");
		scout_escape_html(b, a->verdict);
		scout_buf_puts(b, "</p>\n");
	}
	scout_buf_puts(b, "<p class=\"muted\">Hotness from ");
	scout_escape_html(b, scan->hotness_source ? scan->hotness_source : "static");
	scout_buf_puts(b, " analysis; nothing in the project was run.</p>\n");
	write_not_read(b, scan);
	scout_buf_puts(b, "</section>\n");
}

static void write_charts(scout_buf *b, const scout_scan *scan, const scout_audit *a)
{
	section_open(b, 6);
	scout_buf_puts(b, "<figure>\n");
	scout_audit_svg_scatter(b, scan);
	scout_audit_svg_scatter_key(b, scan);
	scout_buf_puts(b, "<figcaption>Shipped modules by hotness and readiness score; the hottest "
	                  "are labelled, hover any dot for its path.</figcaption>\n</figure>\n"
	                  "<figure>\n");
	scout_audit_svg_coverage(b, a);
	scout_buf_puts(b, "<figcaption>Annotation coverage of the shipped modules.</figcaption>\n"
	                  "</figure>\n<figure>\n");
	scout_audit_svg_rules(b, a);
	scout_buf_puts(b, "<figcaption>Findings by rule (blockers first, then by severity and "
	                  "count); a bar links to its "
	                  "rule.</figcaption>\n</figure>\n</section>\n");
}

static void write_footer(scout_buf *b, const scout_audit *a)
{
	scout_buf_puts(b, "</main>\n<footer>\n<p>generated by mypyc-scout " SCOUT_VERSION);
	if (a->generated_at) {
		scout_buf_puts(b, " at <time>");
		scout_escape_html(b, a->generated_at);
		scout_buf_puts(b, "</time>");
	}
	scout_buf_puts(b, "</p>\n</footer>\n</body>\n</html>\n");
}

int scout_audit_write_html(FILE *out, const scout_scan *scan, const scout_audit *a)
{
	scout_buf b = {0};

	write_head(&b, a);
	write_summary(&b, scan, a);
	section_open(&b, 1);
	scout_audit_html_plan(&b, scan, a);
	scout_audit_html_verified(&b, a);
	section_close(&b, 2);
	scout_audit_html_findings(&b, scan, a);
	section_close(&b, 3);
	scout_audit_html_work(&b, scan, a);
	section_close(&b, 4);
	scout_audit_html_checks(&b, a);
	section_close(&b, 5);
	scout_audit_html_risks(&b, scan, a);
	scout_buf_puts(&b, "</section>\n");
	write_charts(&b, scan, a);
	write_footer(&b, a);
	return scout_output_write(out, &b, "the HTML audit");
}

static int html_write(FILE *out, const scout_scan *scan, const scout_report_opts *opts)
{
	return scout_audit_write_html(out, scan, opts->audit);
}

const scout_reporter scout_reporter_html = {
    .name = "html",
    .write = html_write,
};
