/* The audit's three charts as inline SVG (see svg.h). Coordinates are
 * in a fixed viewBox, printed with "%.1f"; the stylesheet scales the chart to
 * the page width and colours it for light and dark schemes. */
#include "svg.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"

#define WIDTH 480.0

/* ---- shared pieces ---------------------------------------------------------- */

/* Opens a chart: <svg> with its accessible name and description. */
static void svg_open(scout_buf *b, const char *id, double height, const char *title,
                     const char *desc)
{
	scout_buf_printf(b,
	                 "<svg class=\"chart\" id=\"%s\" role=\"img\" viewBox=\"0 0 %.1f %.1f\" "
	                 "aria-labelledby=\"%s-title %s-desc\">\n<title id=\"%s-title\">",
	                 id, WIDTH, height, id, id, id);
	scout_escape_html(b, title);
	scout_buf_printf(b, "</title>\n<desc id=\"%s-desc\">", id);
	scout_escape_html(b, desc);
	scout_buf_puts(b, "</desc>\n");
}

static void line(scout_buf *b, const char *cls, double x1, double y1, double x2, double y2)
{
	scout_buf_printf(b,
	                 "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
	                 cls, x1, y1, x2, y2);
}

/* Plain text at (x, y); anchor is "start", "middle" or "end". */
static void text(scout_buf *b, double x, double y, const char *anchor, const char *s)
{
	scout_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", x, y, anchor);
	scout_escape_html(b, s);
	scout_buf_puts(b, "</text>\n");
}

/* A legend entry: a swatch of class `cls` and its label, at (x, y). */
static void legend(scout_buf *b, double x, double y, const char *cls, const char *label)
{
	scout_buf_printf(b,
	                 "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" "
	                 "rx=\"2\"/>\n",
	                 cls, x, y - 9.0);
	text(b, x + 14.0, y, "start", label);
}

/* The smallest of 1, 2, 5, 10, 20, 50... that splits [0, max] into at most 5
 * steps. */
static size_t nice_step(size_t max)
{
	for (size_t step = 1;; step *= 10) {
		if (max <= 5 * step)
			return step;
		if (max <= 10 * step)
			return 2 * step;
		if (max <= 25 * step)
			return 5 * step;
	}
}

/* ---- modules by hotness against readiness -------------------------------- */

#define SC_LEFT   56.0
#define SC_RIGHT  16.0
#define SC_TOP    40.0
#define SC_PLOT_H 260.0
#define SC_HEIGHT (SC_TOP + SC_PLOT_H + 48.0)

/* The hotness axis ends at the first of these at or above every non-test
 * module's hotness; ticks at 0, 5%, 20%, 50% and 100% of it sit at nearly
 * even steps on the square-root scale. */
static const double axis_ends[] = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0};
static const double axis_ticks[] = {0.0, 0.05, 0.2, 0.5, 1.0};

static double hotness_axis(const scout_scan *scan, size_t *count)
{
	double max = 0.0;

	*count = 0;
	for (size_t i = 0; i < scan->nmodules; i++) {
		if (!scan->modules[i].shipped)
			continue;
		(*count)++;
		max = fmax(max, scan->modules[i].hotness);
	}
	for (size_t i = 0; i < sizeof(axis_ends) / sizeof(axis_ends[0]); i++)
		if (max <= axis_ends[i])
			return axis_ends[i];
	return max;
}

static void scatter_axes(scout_buf *b, double xmax)
{
	double plot_w = WIDTH - SC_LEFT - SC_RIGHT, bottom = SC_TOP + SC_PLOT_H;
	char label[32];

	for (int score = 0; score <= 100; score += 25) {
		double y = bottom - SC_PLOT_H * score / 100.0;

		line(b, score ? "grid" : "axis", SC_LEFT, y, WIDTH - SC_RIGHT, y);
		snprintf(label, sizeof(label), "%d", score);
		text(b, SC_LEFT - 6.0, y + 4.0, "end", label);
	}
	for (size_t t = 0; t < sizeof(axis_ticks) / sizeof(axis_ticks[0]); t++) {
		double x = SC_LEFT + plot_w * sqrt(axis_ticks[t]);

		line(b, t ? "grid" : "axis", x, SC_TOP, x, bottom);
		snprintf(label, sizeof(label), "%g%%", round(1e5 * xmax * axis_ticks[t]) / 1e3);
		text(b, x, bottom + 16.0,
		     t == 0                ? "start"
		     : axis_ticks[t] < 1.0 ? "middle"
		                           : "end",
		     label);
	}
	text(b, SC_LEFT + plot_w / 2.0, bottom + 38.0, "middle",
	     "hotness: share of estimated runtime (square-root scale)");
	scout_buf_printf(b,
	                 "<text x=\"14.0\" y=\"%.1f\" text-anchor=\"middle\" "
	                 "transform=\"rotate(-90 14.0 %.1f)\">readiness score</text>\n",
	                 SC_TOP + SC_PLOT_H / 2.0, SC_TOP + SC_PLOT_H / 2.0);
}

/* The shipped modules hottest first, then by path: the numbering of the
 * labelled dots and the key (owned by caller; *n gets the count). */
static const scout_scan *rank_scan;

static int hotter(const void *pa, const void *pb)
{
	const scout_module *a = &rank_scan->modules[*(const size_t *)pa];
	const scout_module *b = &rank_scan->modules[*(const size_t *)pb];

	if (a->hotness != b->hotness)
		return a->hotness > b->hotness ? -1 : 1;
	return strcmp(a->path, b->path);
}

static size_t *hot_order(const scout_scan *scan, size_t *n)
{
	size_t *v = scout_calloc(scan->nmodules ? scan->nmodules : 1, sizeof(*v));

	*n = 0;
	for (size_t i = 0; i < scan->nmodules; i++)
		if (scan->modules[i].shipped)
			v[(*n)++] = i;
	rank_scan = scan;
	if (*n > 1)
		qsort(v, *n, sizeof(*v), hotter);
	rank_scan = NULL;
	return v;
}

/* The label number of module i (1-based), 0 when it has none. */
static size_t label_of(const size_t *order, size_t n, size_t i)
{
	for (size_t k = 0; k < n && k < SCOUT_AUDIT_SVG_LABELS; k++)
		if (order[k] == i)
			return k + 1;
	return 0;
}

static void scatter_dot(scout_buf *b, const scout_module *m, double xmax, size_t label)
{
	double plot_w = WIDTH - SC_LEFT - SC_RIGHT;
	double x = SC_LEFT + plot_w * sqrt(fmin(fmax(m->hotness, 0.0), xmax) / xmax);
	int score = m->score < 0 ? 0 : m->score > 100 ? 100 : m->score;
	double y = SC_TOP + SC_PLOT_H * (100 - score) / 100.0;

	scout_buf_printf(b, "<circle class=\"v%d\" cx=\"%.1f\" cy=\"%.1f\" r=\"5\"><title>",
	                 (int)m->verdict % SCOUT_VERDICT_COUNT, x, y);
	scout_escape_html(b, m->path);
	scout_buf_printf(b, ": %s, hotness %.1f%%, score %d</title></circle>\n",
	                 scout_verdict_name(m->verdict), 100.0 * m->hotness, m->score);
	if (label) /* right of the dot, or left of it near the right edge */
		scout_buf_printf(b,
		                 "<text class=\"dot-label\" x=\"%.1f\" y=\"%.1f\" "
		                 "text-anchor=\"%s\">%zu</text>\n",
		                 x > WIDTH - SC_RIGHT - 24.0 ? x - 7.0 : x + 7.0, y - 5.0,
		                 x > WIDTH - SC_RIGHT - 24.0 ? "end" : "start", label);
}

void scout_audit_svg_scatter_key(scout_buf *b, const scout_scan *scan)
{
	size_t n, *order = hot_order(scan, &n);

	if (n) {
		scout_buf_puts(b, "<ol class=\"chart-key\">\n");
		for (size_t k = 0; k < n && k < SCOUT_AUDIT_SVG_LABELS; k++) {
			const scout_module *m = &scan->modules[order[k]];

			scout_buf_puts(b, "<li><code>");
			scout_escape_html(b, m->path);
			scout_buf_printf(b, "</code> %s, hotness %.1f%%, score %d</li>\n",
			                 scout_verdict_name(m->verdict), 100.0 * m->hotness,
			                 m->score);
		}
		scout_buf_puts(b, "</ol>\n");
	}
	free(order);
}

void scout_audit_svg_scatter(scout_buf *b, const scout_scan *scan)
{
	size_t count, n, *order;
	static const double legend_x[SCOUT_VERDICT_COUNT] = {8.0, 76.0, 214.0, 334.0, 404.0};
	scout_summary s;
	double xmax = hotness_axis(scan, &count);
	char desc[160];

	snprintf(desc, sizeof(desc),
	         "%zu shipped modules; hot and ready modules sit at the top right; the %d "
	         "hottest are numbered (see the key)",
	         count, SCOUT_AUDIT_SVG_LABELS);
	svg_open(b, "chart-modules", SC_HEIGHT, "Modules by hotness and readiness", desc);
	scout_scan_summarise(scan, &s);
	for (int v = 0; v < SCOUT_VERDICT_COUNT; v++) {
		char cls[16];

		if (v == SCOUT_UNKNOWN && !s.verdicts[v])
			continue; /* listed only when some module has it */
		snprintf(cls, sizeof(cls), "v%d", v);
		legend(b, legend_x[v], 16.0, cls, scout_verdict_name((scout_verdict)v));
	}
	scatter_axes(b, xmax);
	order = hot_order(scan, &n);
	scout_buf_puts(b, "<g class=\"dots\">\n");
	for (size_t i = 0; i < scan->nmodules; i++)
		if (scan->modules[i].shipped)
			scatter_dot(b, &scan->modules[i], xmax, label_of(order, n, i));
	scout_buf_puts(b, "</g>\n</svg>\n");
	free(order);
}

/* ---- annotation coverage histogram ---------------------------------------- */

#define HI_LEFT   48.0
#define HI_TOP    24.0
#define HI_PLOT_H 200.0
#define HI_HEIGHT (HI_TOP + HI_PLOT_H + 48.0)

static void histogram_axes(scout_buf *b, size_t ymax, size_t step)
{
	double bottom = HI_TOP + HI_PLOT_H;
	char label[32];

	for (size_t v = 0; v <= ymax; v += step) {
		double y = bottom - HI_PLOT_H * (double)v / (double)ymax;

		line(b, v ? "grid" : "axis", HI_LEFT, y, WIDTH - 8.0, y);
		snprintf(label, sizeof(label), "%zu", v);
		text(b, HI_LEFT - 6.0, y + 4.0, "end", label);
	}
	text(b, HI_LEFT + (WIDTH - 8.0 - HI_LEFT) / 2.0, bottom + 38.0, "middle",
	     "annotation coverage of the module (%)");
	scout_buf_printf(b,
	                 "<text x=\"14.0\" y=\"%.1f\" text-anchor=\"middle\" "
	                 "transform=\"rotate(-90 14.0 %.1f)\">modules</text>\n",
	                 HI_TOP + HI_PLOT_H / 2.0, HI_TOP + HI_PLOT_H / 2.0);
}

void scout_audit_svg_coverage(scout_buf *b, const scout_audit *a)
{
	size_t max = 0, total = 0, step, ymax;
	double slot = (WIDTH - 8.0 - HI_LEFT) / SCOUT_AUDIT_BINS, bottom = HI_TOP + HI_PLOT_H;
	char desc[160], label[32];

	for (size_t i = 0; i < SCOUT_AUDIT_BINS; i++) {
		max = a->coverage_bins[i] > max ? a->coverage_bins[i] : max;
		total += a->coverage_bins[i];
	}
	step = nice_step(max ? max : 1);
	ymax = step * ((max + step - 1) / step);
	ymax = ymax ? ymax : step;
	snprintf(desc, sizeof(desc),
	         "%zu shipped modules in ten bins of annotation coverage, 0-10%% to "
	         "90-100%%",
	         total);
	svg_open(b, "chart-coverage", HI_HEIGHT, "Annotation coverage", desc);
	histogram_axes(b, ymax, step);
	for (size_t i = 0; i < SCOUT_AUDIT_BINS; i++) {
		double h = HI_PLOT_H * (double)a->coverage_bins[i] / (double)ymax;
		double x = HI_LEFT + slot * (double)i;

		scout_buf_printf(b,
		                 "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
		                 "height=\"%.1f\"><title>%zu-%zu%%: %zu modules</title></rect>\n",
		                 x + 3.0, bottom - h, slot - 6.0, h, i * 10, i * 10 + 10,
		                 a->coverage_bins[i]);
		snprintf(label, sizeof(label), "%zu", a->coverage_bins[i]);
		if (a->coverage_bins[i])
			text(b, x + slot / 2.0, bottom - h - 4.0, "middle", label);
		snprintf(label, sizeof(label), "%zu", i * 10);
		text(b, x, bottom + 16.0, i ? "middle" : "start", label);
	}
	text(b, WIDTH - 8.0, bottom + 16.0, "end", "100");
	scout_buf_puts(b, "</svg>\n");
}

/* ---- findings by rule -------------------------------------------------------- */

#define RU_TOP   36.0
#define RU_ROW   34.0
#define RU_LEFT  8.0
#define RU_RIGHT 56.0

static void rule_row(scout_buf *b, const scout_audit_rule *r, size_t max, double y)
{
	double w = (WIDTH - RU_LEFT - RU_RIGHT) * (double)r->nlocs / (double)max;

	scout_buf_puts(b, "<a href=\"#rule-");
	scout_escape_html(b, r->rule);
	scout_buf_puts(b, "\">");
	text(b, RU_LEFT, y + 12.0, "start", r->rule);
	scout_buf_printf(b,
	                 "<rect class=\"c%d\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"12\" "
	                 "rx=\"2\"><title>",
	                 (int)r->category % SCOUT_CATEGORY_COUNT, RU_LEFT, y + 17.0, fmax(w, 1.0));
	scout_escape_html(b, r->rule);
	scout_buf_printf(b, ": %zu findings in %zu modules</title></rect>\n", r->nlocs,
	                 r->nmodules);
	scout_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"start\">%zu</text></a>\n",
	                 RU_LEFT + fmax(w, 1.0) + 6.0, y + 27.0, r->nlocs);
}

void scout_audit_svg_rules(scout_buf *b, const scout_audit *a)
{
	size_t n = a->nrules < SCOUT_AUDIT_SVG_RULES ? a->nrules : SCOUT_AUDIT_SVG_RULES, max = 1;
	double x = RU_LEFT;
	char desc[160];

	if (n == 0) {
		scout_buf_puts(b, "<p>No findings to chart.</p>\n");
		return;
	}
	for (size_t i = 0; i < n; i++)
		max = a->rules[i].nlocs > max ? a->rules[i].nlocs : max;
	snprintf(desc, sizeof(desc), "the first %zu rules of %zu, blockers first, as bars", n,
	         a->nrules);
	svg_open(b, "chart-rules", RU_TOP + RU_ROW * (double)n + 8.0, "Findings by rule", desc);
	for (int c = 0; c < SCOUT_CATEGORY_COUNT; c++) {
		char cls[16];

		snprintf(cls, sizeof(cls), "c%d", c);
		legend(b, x, 16.0, cls, scout_category_name((scout_category)c));
		x += 100.0;
	}
	for (size_t i = 0; i < n; i++)
		rule_row(b, &a->rules[i], max, RU_TOP + RU_ROW * (double)i);
	scout_buf_puts(b, "</svg>\n");
}
