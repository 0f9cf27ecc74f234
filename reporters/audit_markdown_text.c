/* Escaping for the Markdown audit: prose, table cells, code spans, raw HTML,
 * fenced code and string literals inside snippets. Prose goes through
 * scout_escape_markdown_inline (reporters/escape.c); the rest are the few
 * contexts where that function alone is not enough:
 * - GitHub splits table rows on `|` before it parses inlines, so an unescaped
 *   `|` inside a code span would still end the cell: every `|` in a cell gets
 *   a backslash of its own, which the table parser takes away again.
 * - <details>/<summary> lines are raw HTML, where Markdown backslash escapes
 *   do not apply: text there is written with entities. */
#include "audit_markdown.h"

#include <stdlib.h>
#include <string.h>

#include "escape.h"

/* Appends s to b with one backslash put before every `|`. GitHub (cmark-gfm's
 * table_cell, and markdown-it alike) never ends a cell at a `|` that directly
 * follows a backslash, and removes exactly that backslash before it parses
 * the cell's inlines: so the cell shows what s shows outside a table, code
 * spans included. */
static void put_cell_pipes(scout_buf *b, const char *s)
{
	for (const char *p = s; *p; p++) {
		if (*p == '|')
			scout_buf_putc(b, '\\');
		scout_buf_putc(b, *p);
	}
}

void scout_md_text(scout_buf *b, const char *s)
{
	scout_escape_markdown_inline(b, s);
}

void scout_md_cell(scout_buf *b, const char *s)
{
	scout_buf tmp = {0};

	scout_escape_markdown_inline(&tmp, s);
	put_cell_pipes(b, tmp.data);
	scout_buf_free(&tmp);
}

/* The longest run of backticks in s. */
static size_t longest_backticks(const char *s)
{
	size_t best = 0, run = 0;

	for (; *s; s++) {
		run = *s == '`' ? run + 1 : 0;
		if (run > best)
			best = run;
	}
	return best;
}

static void put_backticks(scout_buf *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		scout_buf_putc(b, '`');
}

void scout_md_code(scout_buf *b, const char *s, bool cell)
{
	char *text = scout_escape_utf8_dup(s);
	size_t n, len;
	bool pad;

	for (char *p = text; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7F)
			*p = ' '; /* a code span stays on its line */
	len = strlen(text);
	n = longest_backticks(text) + 1;
	/* CommonMark strips one space from each end when both have one, and a
	 * backtick next to the fence would lengthen it: pad such content. */
	pad = len == 0 || text[0] == '`' || text[len - 1] == '`' || text[0] == ' ' ||
	      text[len - 1] == ' ';
	put_backticks(b, n);
	if (pad)
		scout_buf_putc(b, ' ');
	if (cell)
		put_cell_pipes(b, text);
	else
		scout_buf_puts(b, text);
	if (pad)
		scout_buf_putc(b, ' ');
	put_backticks(b, n);
	free(text);
}

void scout_md_html(scout_buf *b, const char *s)
{
	scout_escape_xml(b, s);
}

void scout_md_fence(scout_buf *b, const char *lang, const char *text)
{
	char *valid = scout_escape_utf8_dup(text);
	size_t n = longest_backticks(valid) + 1, len = strlen(valid);

	if (n < 3)
		n = 3;
	put_backticks(b, n);
	scout_buf_puts(b, lang ? lang : "");
	scout_buf_putc(b, '\n');
	scout_buf_puts(b, valid);
	if (len == 0 || valid[len - 1] != '\n')
		scout_buf_putc(b, '\n');
	put_backticks(b, n);
	scout_buf_putc(b, '\n');
	free(valid);
}

void scout_md_quoted(scout_buf *b, const char *s, bool toml)
{
	char *valid = scout_escape_utf8_dup(s);

	for (const unsigned char *p = (const unsigned char *)valid; *p; p++) {
		if (*p == '\\' || *p == '"')
			scout_buf_printf(b, "\\%c", *p);
		else if (*p < 0x20 || *p == 0x7F)
			scout_buf_printf(b, toml ? "\\u%04X" : "\\x%02x", (unsigned)*p);
		else
			scout_buf_putc(b, (char)*p);
	}
	free(valid);
}

void scout_md_more(scout_buf *b, size_t n, bool item)
{
	scout_buf_puts(b, item ? "- " : "\n");
	scout_buf_printf(
	    b, "\xE2\x80\xA6 and %zu more (see the HTML audit or `mypyc-scout scan`)\n", n);
}
