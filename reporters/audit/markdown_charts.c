/* The Markdown audit's charts (section 7). GitHub does not render inline SVG
 * in Markdown, so the HTML audit's three charts become compact tables with
 * text bars: the coverage histogram, findings by rule and the hottest
 * modules against their readiness. */
#include "markdown.h"

#include <stdlib.h>
#include <string.h>

#define TOP     15 /* rows of the top-N tables */
#define BAR_MAX 30 /* blocks of the longest bar */

static size_t min_size(size_t a, size_t b)
{
	return a < b ? a : b;
}

/* n scaled against max to at most BAR_MAX blocks; a non-zero n gets one. */
static size_t bar_len(size_t n, size_t max)
{
	size_t len;

	if (n == 0 || max == 0)
		return 0;
	len = (n * BAR_MAX + max / 2) / max;
	return len ? len : 1;
}

static void write_histogram(scout_md_ctx *c)
{
	size_t max = 0;

	for (size_t i = 0; i < SCOUT_AUDIT_BINS; i++)
		if (c->a->coverage_bins[i] > max)
			max = c->a->coverage_bins[i];
	scout_buf_puts(c->b, "### Annotation coverage (shipped modules)\n\n"
	                     "| coverage | modules | |\n| --- | ---: | --- |\n");
	for (size_t i = 0; i < SCOUT_AUDIT_BINS; i++) {
		size_t n = c->a->coverage_bins[i];

		scout_buf_printf(c->b, "| %zu\xE2\x80\x93%zu%% | %zu | ", i * 10, (i + 1) * 10, n);
		scout_md_bar(c->b, bar_len(n, max));
		scout_buf_puts(c->b, " |\n");
	}
	scout_buf_putc(c->b, '\n');
}

static void write_rules(scout_md_ctx *c)
{
	const scout_audit *a = c->a;
	size_t shown = min_size(min_size(a->nrules, TOP), c->lim.rows);
	size_t max = a->nrules ? a->rules[0].nlocs : 0;

	if (a->nrules == 0)
		return;
	for (size_t i = 0; i < a->nrules; i++)
		if (a->rules[i].nlocs > max)
			max = a->rules[i].nlocs;
	scout_buf_printf(c->b,
	                 "### Findings by rule (top %zu)\n\n| rule | category | findings | "
	                 "modules | |\n| --- | --- | ---: | ---: | --- |\n",
	                 min_size(a->nrules, TOP));
	for (size_t i = 0; i < shown; i++) {
		const scout_audit_rule *r = &a->rules[i];

		scout_buf_puts(c->b, "| ");
		scout_escape_markdown_code(c->b, r->rule ? r->rule : "?", true);
		scout_buf_printf(c->b, " | %s | %zu | %zu | ", scout_category_name(r->category),
		                 r->nlocs, r->nmodules);
		scout_md_bar(c->b, bar_len(r->nlocs, max));
		scout_buf_puts(c->b, " |\n");
	}
	if (shown < min_size(a->nrules, TOP))
		scout_md_more(c->b, min_size(a->nrules, TOP) - shown, false);
	scout_buf_putc(c->b, '\n');
}

typedef struct hot_entry {
	double hotness;
	const char *path;
	size_t index;
} hot_entry;

/* Hottest first, then by path, then by index: a total order. */
static int hotter(const void *x, const void *y)
{
	const hot_entry *a = x, *b = y;
	int by_path;

	if (a->hotness != b->hotness)
		return a->hotness > b->hotness ? -1 : 1;
	by_path = strcmp(a->path ? a->path : "", b->path ? b->path : "");
	if (by_path)
		return by_path;
	return a->index < b->index ? -1 : a->index > b->index;
}

static void write_hottest(scout_md_ctx *c)
{
	size_t n = 0, top, shown;
	hot_entry *e;

	if (c->scan->nmodules == 0)
		return;
	e = scout_calloc(c->scan->nmodules, sizeof(*e));
	for (size_t i = 0; i < c->scan->nmodules; i++)
		if (c->scan->modules[i].shipped)
			e[n++] =
			    (hot_entry){c->scan->modules[i].hotness, c->scan->modules[i].path, i};
	top = min_size(n, TOP);
	shown = min_size(top, c->lim.rows);
	if (n == 0) {
		free(e);
		return;
	}
	qsort(e, n, sizeof(*e), hotter);
	scout_buf_printf(c->b,
	                 "### Hotness against readiness (%zu hottest shipped modules)\n\n"
	                 "| module | hotness | score | verdict |\n| --- | ---: | ---: | --- |\n",
	                 top);
	for (size_t i = 0; i < shown; i++) {
		const scout_module *m = &c->scan->modules[e[i].index];

		scout_buf_puts(c->b, "| ");
		scout_escape_markdown_code(c->b, m->path, true);
		scout_buf_puts(c->b, " | ");
		scout_md_percent(c->b, m->hotness);
		scout_buf_printf(c->b, " | %d | %s |\n", m->score, scout_verdict_name(m->verdict));
	}
	if (shown < top)
		scout_md_more(c->b, top - shown, false);
	scout_buf_putc(c->b, '\n');
	free(e);
}

void scout_md_charts(scout_md_ctx *c)
{
	scout_buf_puts(c->b,
	               "## 7. Charts\n\nThe HTML audit draws these; here they are tables.\n\n");
	write_histogram(c);
	write_rules(c);
	write_hottest(c);
}
