/* --format github: GitHub Actions workflow commands, one line per finding,
 * which the runner turns into annotations on the pull request:
 *
 *   ::error title=<rule>: <rule title>,file=<path>,line=L,endLine=E,col=C,endColumn=F::<message>
 *
 * `::error` for blockers, `::warning` for non-native and behaviour,
 * `::notice` for slow and info and for a finding that does not hold (it
 * assumes a module the recommended build leaves interpreted;
 * docs/report-schema.md "assumes"). GitHub shows 10 annotations of each type
 * per step and drops the rest silently (github_kind.h), so the report stops
 * at 10 of each, in report order, and ends with a plain line (no command)
 * that says how many of each it left out; the job summary counts them all.
 * The
 * properties come in the order @actions/core's toCommandProperties gives them
 * (title, file, line, endLine, col, endColumn), and a property whose value is
 * empty or 0 is left out as its `if (val)` does, so a line here is byte for
 * byte what `core.error(data, {title, file, startLine, endLine, startColumn,
 * endColumn})` prints (tests/cli/ci_formats.sh checks that against the real
 * package). col and endColumn are sent only for a finding on one line, as
 * @actions/core documents. The data is the message, then "\nif compiled with
 * <paths>" when the finding assumes modules, then "\nfix: <fix>" when the
 * finding has a fix (GitHub shows multi-line annotation messages).
 *
 * Diagnostics (files that could not be read or parsed) follow as
 * `::warning title=mypyc-scout: <kind>,file=<path>[,line=L]::<message>`,
 * within the same cap of warnings.
 *
 * Data goes through scout_escape_github_data and property values through
 * scout_escape_github_property (reporters/escape.c), both on valid UTF-8. */
#include "reporter.h"

#include <stdlib.h>

#include "assumes.h"
#include "output.h"
#include "paths.h"
#include "escape.h"
#include "github_kind.h"
#include "scout/ruleinfo.h"

/* Appends `,key=value` (or ` key=value` for the first property). */
static void put_property(scout_buf *b, bool *first, const char *key, const char *value)
{
	if (!value || !*value)
		return;
	scout_buf_puts(b, *first ? " " : ",");
	*first = false;
	scout_buf_puts(b, key);
	scout_buf_putc(b, '=');
	scout_escape_github_property(b, value);
}

static void put_number(scout_buf *b, bool *first, const char *key, uint32_t value)
{
	char text[16];

	if (!value)
		return;
	snprintf(text, sizeof(text), "%u", (unsigned)value);
	put_property(b, first, key, text);
}

/* Appends "<rule>: <title>" to `title`, or the rule id alone for a rule
 * outside the catalog. */
static void rule_title(scout_buf *title, const char *rule)
{
	const scout_rule_info *info = scout_rule_info_find(rule);

	scout_buf_puts(title, rule ? rule : "");
	if (info && info->title && *info->title) {
		scout_buf_puts(title, ": ");
		scout_buf_puts(title, info->title);
	}
}

static void write_finding(scout_buf *b, const scout_scan *scan, const scout_module *m,
                          const scout_finding *f)
{
	char *file = scout_report_repo_path(scan, m->path);
	bool first = true, one_line = f->end_line == f->line;
	scout_buf title = {0};

	rule_title(&title, f->rule);
	scout_buf_puts(b, "::");
	scout_buf_puts(b, scout_github_kind_name(scout_github_kind_of(f)));
	put_property(b, &first, "title", title.data);
	put_property(b, &first, "file", file);
	put_number(b, &first, "line", f->line);
	put_number(b, &first, "endLine", f->end_line >= f->line ? f->end_line : 0);
	put_number(b, &first, "col", one_line ? f->column : 0);
	put_number(b, &first, "endColumn", one_line ? f->end_column : 0);
	scout_buf_puts(b, "::");
	scout_escape_github_data(b, f->message);
	if (f->nassumes) {
		scout_escape_github_data(b, "\n");
		scout_report_assumes(b, f, scout_escape_github_data);
	}
	if (f->fix && *f->fix) {
		scout_escape_github_data(b, "\nfix: ");
		scout_escape_github_data(b, f->fix);
	}
	scout_buf_putc(b, '\n');
	scout_buf_free(&title);
	free(file);
}

static void write_diagnostic(scout_buf *b, const scout_scan *scan, const scout_diagnostic *d)
{
	char *file = scout_report_repo_path(scan, d->path);
	bool first = true;
	scout_buf title = {0};

	scout_buf_printf(&title, "mypyc-scout: %s", scout_diag_kind_name(d->kind));
	scout_buf_puts(b, "::warning");
	put_property(b, &first, "title", title.data);
	put_property(b, &first, "file", file);
	put_number(b, &first, "line", d->line);
	scout_buf_puts(b, "::");
	scout_escape_github_data(b, d->message);
	scout_buf_putc(b, '\n');
	scout_buf_free(&title);
	free(file);
}

/* "mypyc-scout: annotated 10 of 62 errors, 3 of 3 warnings, ...": what the
 * cap left out, when it left out anything. */
static void write_left_out(scout_buf *b, const size_t total[SCOUT_GITHUB_KIND_COUNT],
                           const size_t shown[SCOUT_GITHUB_KIND_COUNT])
{
	bool any = false;

	for (int k = 0; k < SCOUT_GITHUB_KIND_COUNT; k++)
		any |= total[k] > shown[k];
	if (!any)
		return;
	scout_buf_puts(b, "mypyc-scout: annotated");
	for (int k = 0; k < SCOUT_GITHUB_KIND_COUNT; k++)
		scout_buf_printf(b, "%s %zu of %zu %s%s", k ? "," : "", shown[k], total[k],
		                 scout_github_kind_name(k), total[k] == 1 ? "" : "s");
	scout_buf_printf(b,
	                 " (GitHub shows %d of each per step); the job summary counts them "
	                 "all, --format text lists them\n",
	                 SCOUT_GITHUB_PER_KIND);
}

static int github_write(FILE *out, const scout_scan *scan, const scout_report_opts *opts)
{
	size_t total[SCOUT_GITHUB_KIND_COUNT], shown[SCOUT_GITHUB_KIND_COUNT] = {0};
	scout_buf b = {0};

	scout_github_count(scan, total);
	scout_buf_put(&b, "", 0);
	for (size_t i = 0; i < scan->nmodules; i++)
		for (size_t j = 0; j < scan->modules[i].nfindings; j++) {
			const scout_finding *f = &scan->modules[i].findings[j];
			scout_github_kind k = scout_github_kind_of(f);

			if (shown[k] < SCOUT_GITHUB_PER_KIND) {
				write_finding(&b, scan, &scan->modules[i], f);
				shown[k]++;
			}
		}
	for (size_t i = 0; i < scan->ndiags; i++)
		if (shown[SCOUT_GITHUB_WARNING] < SCOUT_GITHUB_PER_KIND) {
			write_diagnostic(&b, scan, &scan->diags[i]);
			shown[SCOUT_GITHUB_WARNING]++;
		}
	write_left_out(&b, total, shown);
	return scout_output_write(out, &b, "the GitHub annotations");
}

const scout_reporter scout_reporter_github = {
    .name = "github",
    .write = github_write,
};
