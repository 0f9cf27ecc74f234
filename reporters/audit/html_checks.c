/* Section 5 of the audit page: the packaging checklist. Each check with a
 * status badge, what the repository says, the advice, a ready snippet and the
 * evidence (path:line with the line as written). */
#include "html.h"

#include <stdlib.h>
#include <string.h>

#include "escape.h"

static void write_refs(scout_buf *b, const scout_audit_check *c)
{
	if (c->nrefs == 0)
		return;
	scout_buf_puts(b, "<ul class=\"refs\">\n");
	for (size_t i = 0; i < c->nrefs; i++) {
		const scout_audit_ref *r = &c->refs[i];

		scout_buf_puts(b, "<li><code>");
		scout_escape_html(b, r->path);
		if (r->line)
			scout_buf_printf(b, ":%u", (unsigned)r->line);
		scout_buf_puts(b, "</code>");
		if (r->text && *r->text) {
			scout_buf_puts(b, " <code class=\"evidence\">");
			scout_escape_html(b, r->text);
			scout_buf_puts(b, "</code>");
		}
		scout_buf_puts(b, "</li>\n");
	}
	scout_buf_puts(b, "</ul>\n");
}

/* How many newlines end s: a <pre> shows each as an empty line. */
static size_t trailing_newlines(const char *s)
{
	size_t n = strlen(s), k = 0;

	while (k < n && (s[n - 1 - k] == '\n' || s[n - 1 - k] == '\r'))
		k++;
	return k;
}

static void write_snippet(scout_buf *b, const scout_audit_check *c)
{
	char *trimmed;

	if (!c->snippet)
		return;
	if (c->snippet_file) {
		scout_buf_puts(b, "<p class=\"muted\">In <code>");
		scout_escape_html(b, c->snippet_file);
		scout_buf_puts(b, "</code>:</p>\n");
	}
	scout_buf_puts(b, "<pre><code");
	if (c->snippet_lang) {
		scout_buf_puts(b, " class=\"language-");
		scout_escape_html(b, c->snippet_lang);
		scout_buf_puts(b, "\"");
	}
	scout_buf_puts(b, ">");
	trimmed = scout_strndup(c->snippet, strlen(c->snippet) - trailing_newlines(c->snippet));
	scout_escape_html(b, trimmed);
	free(trimmed);
	scout_buf_puts(b, "</code></pre>\n");
}

static void write_check(scout_buf *b, const scout_audit_check *c)
{
	const char *status = scout_check_status_name(c->status);

	scout_buf_printf(b, "<article class=\"check\">\n<h3><span class=\"badge s-%s\">%s</span> ",
	                 status, status);
	scout_escape_html(b, c->title ? c->title : c->id);
	scout_buf_puts(b, "</h3>\n");
	if (c->found) {
		scout_buf_puts(b, "<p>");
		scout_escape_html(b, c->found);
		scout_buf_puts(b, "</p>\n");
	}
	if (c->advice) {
		scout_buf_puts(b, "<p><strong>Advice:</strong> ");
		scout_escape_html(b, c->advice);
		scout_buf_puts(b, "</p>\n");
	}
	write_snippet(b, c);
	write_refs(b, c);
	scout_buf_puts(b, "</article>\n");
}

void scout_audit_html_checks(scout_buf *b, const scout_audit *a)
{
	scout_buf_puts(b, "<p>Read from the repository's own files; nothing was executed.");
	if (a->build_backend) {
		scout_buf_puts(b, " Build backend: <code>");
		scout_escape_html(b, a->build_backend);
		scout_buf_puts(b, "</code>.");
	}
	scout_buf_puts(b, "</p>\n");
	for (size_t i = 0; i < a->nchecks; i++)
		write_check(b, &a->checks[i]);
}
