/* The audit as GitHub Markdown: seven sections, then a footer. The document
 * stays under SCOUT_AUDIT_MARKDOWN_MAX bytes (so under as many characters):
 * it is rendered with the long lists whole, and when it is too long, again
 * with the lists cut shorter, level by level (locations, then table rows, then
 * rules; the plan and the checklist evidence last). The same input always
 * picks the same level, so the output is deterministic. Also here: the
 * summary (section 1) and the pieces the sections share. */
#include "markdown.h"
#include "verified.h"

#include <stdlib.h>
#include <string.h>

#include "assumes.h"
#include "output.h"
#include "reporter.h"

#define FOLD_OVER 5 /* lists longer than this go inside <details> */

/* List levels, tried in order; the plan level is shrunk only once the lists
 * are as short as they get. */
static const scout_md_limits list_levels[] = {
    {SCOUT_MD_ALL, SCOUT_MD_ALL, SCOUT_MD_ALL, 0},
    {50, 100, SCOUT_MD_ALL, 0},
    {20, 50, SCOUT_MD_ALL, 0},
    {10, 30, SCOUT_MD_ALL, 0},
    {5, 15, SCOUT_MD_ALL, 0},
    {2, 10, 30, 0},
    {1, 5, 15, 0},
    {0, 3, 10, 0},
    {0, 0, 5, 0},
    {0, 0, 0, 0},
};
static const size_t plan_levels[] = {SCOUT_MD_ALL, 100, 50, 20, 10, 5, 0};

#define NLIST (sizeof(list_levels) / sizeof(list_levels[0]))
#define NPLAN (sizeof(plan_levels) / sizeof(plan_levels[0]))

/* ---- shared pieces ---------------------------------------------------------- */

const char *scout_md_path(const scout_md_ctx *c, size_t module)
{
	return module < c->scan->nmodules ? c->scan->modules[module].path : "?";
}

void scout_md_where(scout_md_ctx *c, size_t module, uint32_t line, bool cell)
{
	const char *path = scout_md_path(c, module);
	char *where = line ? scout_asprintf("%s:%u", path, (unsigned)line) : scout_strdup(path);

	scout_escape_markdown_code(c->b, where, cell);
	free(where);
}

void scout_md_locs(scout_md_ctx *c, const scout_audit_loc *locs, size_t n, const char *noun)
{
	size_t shown = n < c->lim.locs ? n : c->lim.locs;
	bool fold = n > FOLD_OVER;

	if (n == 0)
		return;
	if (fold) {
		scout_buf_printf(c->b, "<details><summary>%zu ", n);
		scout_escape_xml(c->b, noun); /* raw HTML: no backslash escapes */
		scout_buf_puts(c->b, "s</summary>\n\n");
	}
	for (size_t i = 0; i < shown; i++) {
		scout_buf_puts(c->b, "- ");
		scout_md_where(c, locs[i].module, locs[i].line, false);
		if (locs[i].label && locs[i].label[0]) {
			scout_buf_puts(c->b, " \xE2\x80\x94 ");
			scout_escape_markdown_text(c->b, locs[i].label);
		}
		if (locs[i].finding && locs[i].finding->nassumes) {
			scout_buf_puts(c->b, " (");
			scout_report_assumes(c->b, locs[i].finding, scout_escape_markdown_text);
			scout_buf_putc(c->b, ')');
		}
		scout_buf_putc(c->b, '\n');
	}
	if (shown < n)
		scout_md_more(c->b, n - shown, true);
	if (fold)
		scout_buf_puts(c->b, "\n</details>\n");
	scout_buf_putc(c->b, '\n');
}

void scout_md_more(scout_buf *b, size_t n, bool item)
{
	scout_buf_puts(b, item ? "- " : "\n");
	scout_buf_printf(
	    b, "\xE2\x80\xA6 and %zu more (see the HTML audit or `mypyc-scout scan`)\n", n);
}

void scout_md_percent(scout_buf *b, double share)
{
	scout_buf_printf(b, "%.1f%%", 100.0 * share);
}

void scout_md_bar(scout_buf *b, size_t n)
{
	for (size_t i = 0; i < n && i < 40; i++)
		scout_buf_puts(b, "\xE2\x96\x88"); /* U+2588 FULL BLOCK */
}

/* ---- 1. summary ------------------------------------------------------------- */

static void write_title(scout_md_ctx *c)
{
	scout_buf_puts(c->b, "# mypyc migration audit");
	if (c->a->project_name && c->a->project_name[0]) {
		scout_buf_puts(c->b, ": ");
		scout_escape_markdown_text(c->b, c->a->project_name);
	}
	scout_buf_puts(c->b, "\n\nWhether and how to compile this codebase with mypyc, read from "
	                     "its source and packaging files (nothing was executed). Hotness: ");
	scout_escape_markdown_code(
	    c->b, c->scan->hotness_source ? c->scan->hotness_source : "static", false);
	scout_buf_puts(c->b, ".\n\n");
}

static bool not_read(const scout_diagnostic *d)
{
	return d->kind == SCOUT_DIAG_SKIPPED || d->kind == SCOUT_DIAG_TOO_LARGE ||
	       d->kind == SCOUT_DIAG_UNREADABLE;
}

/* The files the scan could not read (a FIFO, a device, too large), first 10. */
static void write_not_read(scout_md_ctx *c)
{
	size_t shown = 0, more = 0;

	for (size_t i = 0; i < c->scan->ndiags; i++) {
		const scout_diagnostic *d = &c->scan->diags[i];

		if (!not_read(d))
			continue;
		if (shown == 10) {
			more++;
			continue;
		}
		scout_buf_puts(c->b, shown++ ? "; " : "**Not read.** ");
		scout_escape_markdown_code(c->b, d->path, false);
		scout_buf_puts(c->b, ": ");
		scout_escape_markdown_text(c->b, d->message);
	}
	if (more)
		scout_buf_printf(c->b, "; and %zu more", more);
	if (shown)
		scout_buf_puts(c->b, ".\n\n");
}

void scout_md_summary(scout_md_ctx *c)
{
	static const scout_verdict order[] = {SCOUT_READY, SCOUT_NEEDS_ANNOTATIONS,
	                                      SCOUT_NEEDS_CHANGES, SCOUT_BLOCKED, SCOUT_UNKNOWN};
	const scout_summary *s = &c->a->totals;

	scout_buf_puts(c->b, "## 1. Summary\n\n");
	if (c->scan->compile_source) {
		scout_buf_printf(c->b, "**Compiled today:** %zu module%s (", c->a->ncurrent,
		                 c->a->ncurrent == 1 ? "" : "s");
		scout_escape_markdown_text(c->b, c->scan->compile_source);
		scout_buf_puts(c->b, "); see section 2.\n\n");
	}
	scout_buf_puts(c->b, "Every count in this audit is of the shipped modules: what goes into "
	                     "the wheel, the modules the plan can compile");
	if (c->a->not_shipped)
		scout_buf_printf(c->b, " (%zu more that do not ship, such as tests, are left out)",
		                 c->a->not_shipped);
	scout_buf_puts(c->b, ".\n\n| shipped modules | lines | annotation coverage | "
	                     "runtime covered by phase 1 |\n| ---: | ---: | ---: | ---: |\n");
	scout_buf_printf(c->b, "| %zu | %llu | ", s->modules, (unsigned long long)s->lines);
	scout_md_percent(c->b, scout_annotations_coverage(&s->ann));
	scout_buf_puts(c->b, " | ");
	scout_md_percent(c->b, c->scan->plan.covered);
	scout_buf_puts(c->b, " |\n\n| verdict | modules |\n| --- | ---: |\n");
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		if (order[i] != SCOUT_UNKNOWN || s->verdicts[order[i]]) /* unknown: when some are */
			scout_buf_printf(c->b, "| %s | %zu |\n", scout_verdict_name(order[i]),
			                 s->verdicts[order[i]]);
	scout_buf_puts(c->b, "\n");
	if (c->a->verdict && c->a->verdict[0]) {
		scout_buf_puts(c->b, "**Verdict.** ");
		scout_escape_markdown_text(c->b, c->a->verdict);
		scout_buf_puts(c->b, "\n\n");
	}
	write_not_read(c);
}

/* ---- the document ----------------------------------------------------------- */

static void write_footer(scout_md_ctx *c)
{
	scout_buf_puts(c->b, "---\n\nGenerated by mypyc-scout " SCOUT_VERSION ".\n");
	if (c->a->generated_at) {
		scout_buf_puts(c->b, "\nGenerated at ");
		scout_escape_markdown_text(c->b, c->a->generated_at);
		scout_buf_puts(c->b, ".\n");
	}
}

/* The parts that keep their length whatever the list level (with the plan
 * level), or the parts the list level cuts; all in document order when both. */
enum { PART_FIXED = 1, PART_LISTS = 2, PART_ALL = 3 };

static void render(scout_buf *b, const scout_scan *scan, const scout_audit *a, scout_md_limits lim,
                   int parts)
{
	scout_md_ctx c = {.b = b, .scan = scan, .a = a, .lim = lim};

	if (parts & PART_FIXED) {
		write_title(&c);
		scout_md_summary(&c);
		scout_md_plan(&c);
		scout_md_verified(&c);
	}
	if (parts & PART_LISTS) {
		scout_md_findings(&c);
		scout_md_annotations(&c);
	}
	if (parts & PART_FIXED)
		scout_md_checklist(&c);
	if (parts & PART_LISTS) {
		scout_md_risks(&c);
		scout_md_charts(&c);
	}
	if (parts & PART_FIXED)
		write_footer(&c);
}

static size_t measure(const scout_scan *scan, const scout_audit *a, scout_md_limits lim, int parts)
{
	scout_buf b = {0};
	size_t len;

	render(&b, scan, a, lim, parts);
	len = b.len;
	scout_buf_free(&b);
	return len;
}

/* The first (plan, list) level pair whose document fits, measuring each part
 * once per level; the shortest pair when none does. */
static scout_md_limits pick_limits(const scout_scan *scan, const scout_audit *a)
{
	size_t lists[NLIST];
	scout_md_limits lim = list_levels[NLIST - 1];

	for (size_t l = 0; l < NLIST; l++)
		lists[l] = SCOUT_MD_ALL;
	for (size_t p = 0; p < NPLAN; p++) {
		scout_md_limits fixed = {0, 0, 0, plan_levels[p]};
		size_t head = measure(scan, a, fixed, PART_FIXED);

		for (size_t l = 0; l < NLIST; l++) {
			if (lists[l] == SCOUT_MD_ALL)
				lists[l] = measure(scan, a, list_levels[l], PART_LISTS);
			if (head + lists[l] < SCOUT_AUDIT_MARKDOWN_MAX) {
				lim = list_levels[l];
				lim.plan = plan_levels[p];
				return lim;
			}
		}
	}
	lim.plan = 0;
	return lim;
}

/* Last resort when even the shortest lists do not fit (a checklist of huge
 * paragraphs): cut at a line end, on a UTF-8 boundary, and say so. */
static void hard_cut(scout_buf *b)
{
	static const char note[] = "\n\xE2\x80\xA6 the rest was cut to stay under GitHub's size "
	                           "limit (see the HTML audit or `mypyc-scout scan`)\n";
	size_t keep = SCOUT_AUDIT_MARKDOWN_MAX - sizeof(note) - 1;

	while (keep > 0 && b->data[keep - 1] != '\n')
		keep--;
	b->len = keep;
	b->data[keep] = '\0';
	scout_buf_puts(b, note);
}

int scout_audit_write_markdown(FILE *out, const scout_scan *scan, const scout_audit *a)
{
	scout_buf b = {0};

	render(&b, scan, a, pick_limits(scan, a), PART_ALL);
	if (b.len >= SCOUT_AUDIT_MARKDOWN_MAX)
		hard_cut(&b);
	return scout_output_write(out, &b, "the Markdown audit");
}

static int markdown_write(FILE *out, const scout_scan *scan, const scout_report_opts *opts)
{
	return scout_audit_write_markdown(out, scan, opts->audit);
}

const scout_reporter scout_reporter_markdown = {
    .name = "markdown",
    .write = markdown_write,
};
