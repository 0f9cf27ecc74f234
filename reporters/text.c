/* --format text: the human report for a terminal.
 *
 *   mypyc-scout 0.1.0 — <root>
 *   summary lines (modules, lines, coverage, verdicts, findings)
 *   a table of modules (path, lines, coverage, typed/defs, verdict)
 *   findings as `path:line:col: category rule-id message`, then
 *     "    if compiled with ..." for one that assumes other modules, and
 *     "    fix: ..."
 *   diagnostics as `path[:line]: kind: message`
 *
 * Every string from the scanned repository goes through
 * scout_escape_terminal, so a hostile name cannot move the cursor or recolour
 * the screen; ANSI colour is written only when opts->color is set. The whole
 * report is built in memory and written once. No timestamps: same scan, same
 * bytes. */
#include "reporter.h"
#include "output.h"
#include "text_plan.h"
#include "escape.h"
#include "assumes.h"
#include "scout/walk.h"

#include <stdlib.h>
#include <string.h>

#define PATH_MAX_WIDTH 60 /* code points; longer paths keep their tail */
#define ELLIPSIS       "\xE2\x80\xA6"

#define COLOR_RED    "\x1b[31m"
#define COLOR_GREEN  "\x1b[32m"
#define COLOR_YELLOW "\x1b[33m"
#define COLOR_CYAN   "\x1b[36m"
#define COLOR_GREY   "\x1b[90m"
#define COLOR_RESET  "\x1b[0m"

/* ---- text helpers ------------------------------------------------------ */

static const char *verdict_color(scout_verdict v)
{
	static const char *const colors[SCOUT_VERDICT_COUNT] = {
	    [SCOUT_READY] = COLOR_GREEN,          [SCOUT_NEEDS_ANNOTATIONS] = COLOR_CYAN,
	    [SCOUT_NEEDS_CHANGES] = COLOR_YELLOW, [SCOUT_BLOCKED] = COLOR_RED,
	    [SCOUT_UNKNOWN] = COLOR_GREY,
	};

	return v < SCOUT_VERDICT_COUNT ? colors[v] : COLOR_RESET;
}

static const char *category_color(scout_category c)
{
	static const char *const colors[SCOUT_CATEGORY_COUNT] = {
	    [SCOUT_BLOCKER] = COLOR_RED,
	    [SCOUT_NON_NATIVE] = COLOR_YELLOW,
	    [SCOUT_BEHAVIOUR] = COLOR_YELLOW,
	    [SCOUT_SLOW] = COLOR_CYAN,
	};

	return c < SCOUT_CATEGORY_COUNT ? colors[c] : COLOR_RESET;
}

/* Appends our own (trusted) text s, wrapped in `color` when colour is on. */
static void put_colored(scout_buf *b, const scout_report_opts *opts, const char *color,
                        const char *s)
{
	if (opts->color)
		scout_buf_puts(b, color);
	scout_buf_puts(b, s);
	if (opts->color)
		scout_buf_puts(b, COLOR_RESET);
}

/* Code points in s (valid UTF-8): its display width, ignoring wide glyphs. */
static size_t code_points(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Byte offset in s (valid UTF-8, len bytes) where its last n code points begin. */
static size_t tail_offset(const char *s, size_t len, size_t n)
{
	size_t i = len;

	while (i > 0 && n > 0) {
		i--;
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n--;
	}
	return i;
}

static void pad(scout_buf *b, size_t n)
{
	while (n-- > 0)
		scout_buf_putc(b, ' ');
}

static void put_left(scout_buf *b, const char *s, size_t width)
{
	size_t n = code_points(s);

	scout_buf_puts(b, s);
	pad(b, width > n ? width - n : 0);
}

static void put_right(scout_buf *b, const char *s, size_t width)
{
	size_t n = code_points(s);

	pad(b, width > n ? width - n : 0);
	scout_buf_puts(b, s);
}

static size_t max_size(size_t a, size_t b)
{
	return a > b ? a : b;
}

/* ---- header and summary ------------------------------------------------ */

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

/* "scope: S of N modules ship (how)", and what else --fail-on covers. */
static void write_scope(scout_buf *b, const scout_scan *scan)
{
	size_t shipped = 0, named = 0;

	if (!scan->scope_source)
		return;
	for (size_t i = 0; i < scan->nmodules; i++) {
		shipped += scan->modules[i].shipped;
		named += scan->modules[i].gated && !scan->modules[i].shipped;
	}
	scout_buf_printf(b, "\nscope: %zu of %zu modules ship (", shipped, scan->nmodules);
	scout_escape_terminal(b, scan->scope_source);
	scout_buf_puts(b, ")");
	if (scan->scope_all)
		scout_buf_puts(b, "; --fail-on covers every module (--scope all)");
	else if (named)
		scout_buf_printf(b, "; --fail-on also covers the %zu file%s named", named,
		                 named == 1 ? "" : "s");
}

static void write_header(scout_buf *b, const scout_scan *scan)
{
	scout_buf_puts(b, "mypyc-scout " SCOUT_VERSION " \xE2\x80\x94 ");
	scout_escape_terminal(b, scan->root);
	scout_buf_puts(b, "\nsource: ");
	scout_escape_terminal(b, scan->source);
	scout_buf_puts(b, ", hotness: ");
	scout_escape_terminal(b, scan->hotness_source ? scan->hotness_source : "static");
	if (scan->hotness_source && scout_str_startswith(scan->hotness_source, "profile:"))
		write_profile_placement(b, &scan->profile);
	if (scan->python_major) {
		char version[32];

		scout_version_format(scan->mypyc_version, version, sizeof(version));
		scout_buf_printf(b, "\ntarget: mypyc %s, Python %d.%d on ", version,
		                 scan->python_major, scan->python_minor);
		scout_escape_terminal(b, scan->python_platform ? scan->python_platform : "");
		scout_buf_puts(b, " (");
		scout_escape_terminal(b, scan->python_source ? scan->python_source : "");
		scout_buf_puts(b, ")");
	}
	write_scope(b, scan);
	scout_buf_puts(b, "\n\n");
}

static void write_summary(scout_buf *b, const scout_scan *scan, const scout_report_opts *opts)
{
	scout_summary sum;

	scout_scan_summarise(scan, &sum);
	scout_buf_printf(b, "%zu modules, %llu lines, annotation coverage %.1f%%\n", sum.modules,
	                 (unsigned long long)sum.lines,
	                 100.0 * scout_annotations_coverage(&sum.ann));
	scout_buf_puts(b, "verdicts:");
	for (int v = 0; v < SCOUT_VERDICT_COUNT; v++) {
		if (v == SCOUT_UNKNOWN && !sum.verdicts[v])
			continue; /* named only when some module is */
		scout_buf_printf(b, "%s %zu ", v ? "," : "", sum.verdicts[v]);
		put_colored(b, opts, verdict_color(v), scout_verdict_name(v));
	}
	scout_buf_puts(b, "\nfindings:");
	for (int c = 0; c < SCOUT_CATEGORY_COUNT; c++) {
		scout_buf_printf(b, "%s %zu ", c ? "," : "", sum.findings[c]);
		put_colored(b, opts, category_color(c), scout_category_name(c));
	}
	scout_buf_puts(b, "\n");
}

/* ---- the module table -------------------------------------------------- */

typedef struct row {
	char *path; /* terminal-escaped, owned */
	char lines[24], coverage[16], typed[32];
	scout_verdict verdict;
} row;

typedef struct widths {
	size_t path, lines, coverage, typed;
} widths;

/* One row per module, in scan order (sorted by path). Owned by caller, free
 * with rows_free. Fills *w with the column widths of headers and cells. */
static row *rows_build(const scout_scan *scan, widths *w)
{
	row *rows = scout_calloc(scan->nmodules, sizeof(*rows));

	*w = (widths){strlen("path"), strlen("lines"), strlen("coverage"), strlen("typed defs")};
	for (size_t i = 0; i < scan->nmodules; i++) {
		const scout_module *m = &scan->modules[i];
		row *r = &rows[i];
		scout_buf path = {0};

		scout_escape_terminal(&path, m->path);
		r->path = scout_buf_detach(&path);
		snprintf(r->lines, sizeof(r->lines), "%u", (unsigned)m->lines);
		snprintf(r->coverage, sizeof(r->coverage), "%.1f%%",
		         100.0 * scout_annotations_coverage(&m->ann));
		snprintf(r->typed, sizeof(r->typed), "%u/%u", (unsigned)m->ann.typed_defs,
		         (unsigned)m->ann.defs);
		r->verdict = m->verdict;
		w->path = max_size(w->path, code_points(r->path));
		w->lines = max_size(w->lines, strlen(r->lines));
		w->coverage = max_size(w->coverage, strlen(r->coverage));
		w->typed = max_size(w->typed, strlen(r->typed));
	}
	if (w->path > PATH_MAX_WIDTH)
		w->path = PATH_MAX_WIDTH;
	return rows;
}

static void rows_free(row *rows, size_t n)
{
	for (size_t i = 0; rows && i < n; i++)
		free(rows[i].path);
	free(rows);
}

/* The path cell: paths wider than the column keep their tail after "…". */
static void put_path_cell(scout_buf *b, const char *path, size_t width)
{
	size_t len = strlen(path);

	if (code_points(path) <= width) {
		put_left(b, path, width);
		return;
	}
	scout_buf_puts(b, ELLIPSIS);
	scout_buf_puts(b, path + tail_offset(path, len, width - 1));
}

static void write_row(scout_buf *b, const row *r, const widths *w, const scout_report_opts *opts)
{
	put_path_cell(b, r->path, w->path);
	scout_buf_puts(b, "  ");
	put_right(b, r->lines, w->lines);
	scout_buf_puts(b, "  ");
	put_right(b, r->coverage, w->coverage);
	scout_buf_puts(b, "  ");
	put_right(b, r->typed, w->typed);
	scout_buf_puts(b, "  ");
	put_colored(b, opts, verdict_color(r->verdict), scout_verdict_name(r->verdict));
	scout_buf_puts(b, "\n");
}

static void write_table(scout_buf *b, const scout_scan *scan, const scout_report_opts *opts)
{
	widths w;
	row *rows;

	if (scan->nmodules == 0) {
		scout_buf_puts(b, "\nno Python modules found\n");
		return;
	}
	rows = rows_build(scan, &w);
	scout_buf_puts(b, "\n");
	put_left(b, "path", w.path);
	scout_buf_puts(b, "  ");
	put_right(b, "lines", w.lines);
	scout_buf_puts(b, "  ");
	put_right(b, "coverage", w.coverage);
	scout_buf_puts(b, "  ");
	put_right(b, "typed defs", w.typed);
	scout_buf_puts(b, "  verdict\n");
	for (size_t i = 0; i < scan->nmodules; i++)
		write_row(b, &rows[i], &w, opts);
	rows_free(rows, scan->nmodules);
}

/* ---- findings and diagnostics ------------------------------------------ */

static void write_finding(scout_buf *b, const scout_module *m, const scout_finding *f,
                          const scout_report_opts *opts)
{
	scout_escape_terminal(b, m->path);
	scout_buf_printf(b, ":%u:%u: ", (unsigned)f->line, (unsigned)f->column);
	put_colored(b, opts, category_color(f->category), scout_category_name(f->category));
	scout_buf_puts(b, " ");
	scout_escape_terminal(b, f->rule);
	scout_buf_puts(b, " ");
	scout_escape_terminal(b, f->message);
	scout_buf_puts(b, "\n");
	if (f->nassumes) {
		scout_buf_puts(b, "    ");
		scout_report_assumes(b, f, scout_escape_terminal);
		scout_buf_puts(b, "\n");
	}
	if (f->fix && *f->fix) {
		scout_buf_puts(b, "    fix: ");
		scout_escape_terminal(b, f->fix);
		scout_buf_puts(b, "\n");
	}
}

static void write_findings(scout_buf *b, const scout_scan *scan, const scout_report_opts *opts)
{
	bool any = false;

	for (size_t i = 0; i < scan->nmodules; i++) {
		const scout_module *m = &scan->modules[i];

		for (size_t j = 0; j < m->nfindings; j++) {
			if (!any)
				scout_buf_puts(b, "\n");
			any = true;
			write_finding(b, m, &m->findings[j], opts);
		}
	}
}

static void write_diagnostics(scout_buf *b, const scout_scan *scan)
{
	for (size_t i = 0; i < scan->ndiags; i++) {
		const scout_diagnostic *d = &scan->diags[i];

		scout_buf_puts(b, i == 0 ? "\n" : "");
		scout_escape_terminal(b, d->path);
		if (d->line)
			scout_buf_printf(b, ":%u", (unsigned)d->line);
		scout_buf_printf(b, ": %s: ", scout_diag_kind_name(d->kind));
		scout_escape_terminal(b, d->message);
		scout_buf_puts(b, "\n");
	}
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

/* ---- the reporter ------------------------------------------------------ */

static int text_write(FILE *out, const scout_scan *scan, const scout_report_opts *opts)
{
	static const scout_report_opts no_opts = {.color = false};
	scout_buf b = {0};

	if (!opts)
		opts = &no_opts;
	write_header(&b, scan);
	write_summary(&b, scan, opts);
	write_table(&b, scan, opts);
	scout_text_write_plan(&b, scan);
	write_findings(&b, scan, opts);
	write_diagnostics(&b, scan);
	write_advisories(&b, scan);
	return scout_output_write(out, &b, "the text report");
}

const scout_reporter scout_reporter_text = {
    .name = "text",
    .write = text_write,
};
