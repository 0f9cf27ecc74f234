/* The audit's "Verified with mypyc X.Y on DATE" section (`audit
 * --verification FILE`), in Markdown and HTML: one paragraph from what
 * `verify` found, then a table of the modules that were not simply
 * confirmed (at most VERIFIED_ROWS). Written after the plan. */
#include "verified.h"

#include "escape.h"
#include "html.h"

#define VERIFIED_ROWS 50

typedef void (*escape_fn)(scout_buf *b, const char *s);

static void summary(scout_buf *b, const scout_audit_verified *v, escape_fn esc)
{
	scout_buf_printf(b, "The real compiler compiled %zu of the %zu modules of the set (",
	                 v->nverified, v->nmodules);
	esc(b, v->set ? v->set : "?");
	scout_buf_puts(b, "; status ");
	esc(b, v->status);
	scout_buf_puts(b, ").");
	if (v->agreement >= 0)
		scout_buf_printf(b,
		                 " The scan's prediction held for %.1f%% of the modules it could "
		                 "check: %zu confirmed, %zu missed blocker%s, %zu false blocker%s.",
		                 100.0 * v->agreement, v->confirmed, v->missed,
		                 v->missed == 1 ? "" : "s", v->false_blockers,
		                 v->false_blockers == 1 ? "" : "s");
	if (v->environment)
		scout_buf_printf(
		    b, " %zu module%s failed on the build environment, not on their code.",
		    v->environment, v->environment == 1 ? "" : "s");
	if (v->stop_reason) {
		scout_buf_puts(b, " It stopped: ");
		esc(b, v->stop_reason);
		scout_buf_putc(b, '.');
	}
	if (v->imported)
		scout_buf_printf(b, " Importing each compiled module: %zu failed.",
		                 v->import_failures);
	if (v->test_command) {
		scout_buf_puts(b, " The tests (");
		esc(b, v->test_command);
		scout_buf_printf(b, ") against the compiled build %s",
		                 v->test_exit == 0 ? "passed." : "failed");
		if (v->test_exit != 0)
			scout_buf_printf(b, " (%zu failure%s tied to compiled modules).",
			                 v->test_failures, v->test_failures == 1 ? "" : "s");
	}
}

void scout_md_verified(scout_md_ctx *c)
{
	const scout_audit_verified *v = c->a->verified;
	scout_buf *b = c->b;

	if (!v)
		return;
	scout_buf_puts(b, "\n### Verified with mypyc ");
	scout_escape_markdown_text(b, v->version);
	scout_buf_puts(b, " on ");
	scout_escape_markdown_text(b, v->date);
	scout_buf_puts(b, "\n\n");
	summary(b, v, scout_escape_markdown_text);
	scout_buf_puts(b, "\n\n");
	if (!v->nrows)
		return;
	scout_buf_puts(b, "| module | outcome | mypyc said |\n|---|---|---|\n");
	for (size_t i = 0; i < v->nrows && i < VERIFIED_ROWS; i++) {
		scout_buf_puts(b, "| ");
		scout_escape_markdown_code(b, v->rows[i].path, true);
		scout_buf_puts(b, " | ");
		scout_escape_markdown_cell(b, v->rows[i].outcome);
		scout_buf_puts(b, " | ");
		scout_escape_markdown_cell(b, v->rows[i].message ? v->rows[i].message : "");
		scout_buf_puts(b, " |\n");
	}
	if (v->nrows > VERIFIED_ROWS)
		scout_md_more(b, v->nrows - VERIFIED_ROWS, false);
	scout_buf_putc(b, '\n');
}

void scout_audit_html_verified(scout_buf *b, const scout_audit *a)
{
	static const char *const heads[] = {"module", "outcome", "mypyc said"};
	const scout_audit_verified *v = a->verified;

	if (!v)
		return;
	scout_buf_puts(b, "<h3 id=\"verified\">Verified with mypyc ");
	scout_escape_html(b, v->version);
	scout_buf_puts(b, " on ");
	scout_escape_html(b, v->date);
	scout_buf_puts(b, "</h3>\n<p>");
	summary(b, v, scout_escape_html);
	scout_buf_puts(b, "</p>\n");
	if (!v->nrows)
		return;
	scout_audit_html_table(b, heads, 3);
	for (size_t i = 0; i < v->nrows && i < VERIFIED_ROWS; i++) {
		scout_buf_puts(b, "<tr><td><code>");
		scout_escape_html(b, v->rows[i].path);
		scout_buf_puts(b, "</code></td><td>");
		scout_escape_html(b, v->rows[i].outcome);
		scout_buf_puts(b, "</td><td>");
		scout_escape_html(b, v->rows[i].message ? v->rows[i].message : "");
		scout_buf_puts(b, "</td></tr>\n");
	}
	scout_audit_html_table_end(b);
	if (v->nrows > VERIFIED_ROWS)
		scout_buf_printf(
		    b,
		    "<p class=\"muted\">… and %zu more (the verify JSON report has them "
		    "all).</p>\n",
		    v->nrows - VERIFIED_ROWS);
}
