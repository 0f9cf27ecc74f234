/* The text report's module table (text_table.h). */
#include "text_table.h"

#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "paths.h"
#include "text_util.h"

#define PATH_MAX_WIDTH 60 /* code points; longer paths keep their tail */

static size_t max_size(size_t a, size_t b)
{
	return a > b ? a : b;
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

		scout_report_local_path(&path, scan, m->path);
		r->path = scout_buf_detach(&path);
		snprintf(r->lines, sizeof(r->lines), "%u", (unsigned)m->lines);
		snprintf(r->coverage, sizeof(r->coverage), "%.1f%%",
		         100.0 * scout_annotations_coverage(&m->ann));
		snprintf(r->typed, sizeof(r->typed), "%u/%u", (unsigned)m->ann.typed_defs,
		         (unsigned)m->ann.defs);
		r->verdict = m->verdict;
		w->path = max_size(w->path, scout_text_width(r->path));
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

	if (scout_text_width(path) <= width) {
		scout_text_put_left(b, path, width);
		return;
	}
	scout_buf_puts(b, SCOUT_TEXT_ELLIPSIS);
	scout_buf_puts(b, path + scout_text_tail_offset(path, len, width - 1));
}

static void write_row(scout_buf *b, const row *r, const widths *w, const scout_report_opts *opts)
{
	put_path_cell(b, r->path, w->path);
	scout_buf_puts(b, "  ");
	scout_text_put_right(b, r->lines, w->lines);
	scout_buf_puts(b, "  ");
	scout_text_put_right(b, r->coverage, w->coverage);
	scout_buf_puts(b, "  ");
	scout_text_put_right(b, r->typed, w->typed);
	scout_buf_puts(b, "  ");
	scout_text_put_colored(b, opts, scout_text_verdict_color(r->verdict),
	                       scout_verdict_name(r->verdict));
	scout_buf_puts(b, "\n");
}

void scout_text_write_table(scout_buf *b, const scout_scan *scan, const scout_report_opts *opts)
{
	widths w;
	row *rows;

	if (scan->nmodules == 0) {
		scout_buf_puts(b, "\nno Python modules found\n");
		return;
	}
	rows = rows_build(scan, &w);
	scout_buf_puts(b, "\n");
	scout_text_put_left(b, "path", w.path);
	scout_buf_puts(b, "  ");
	scout_text_put_right(b, "lines", w.lines);
	scout_buf_puts(b, "  ");
	scout_text_put_right(b, "coverage", w.coverage);
	scout_buf_puts(b, "  ");
	scout_text_put_right(b, "typed defs", w.typed);
	scout_buf_puts(b, "  verdict\n");
	for (size_t i = 0; i < scan->nmodules; i++)
		write_row(b, &rows[i], &w, opts);
	rows_free(rows, scan->nmodules);
}
