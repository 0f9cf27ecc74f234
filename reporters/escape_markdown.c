/* Escaping for the Markdown audit: prose, table cells, code spans, raw HTML,
 * fenced code and string literals inside snippets. Prose goes through
 * scout_escape_markdown_inline (reporters/escape.c); the rest are the few
 * contexts where that function alone is not enough:
 * - GitHub splits table rows on `|` before it parses inlines, so an unescaped
 *   `|` inside a code span would still end the cell: every `|` in a cell gets
 *   a backslash of its own, which the table parser takes away again.
 * - <details>/<summary> lines are raw HTML, where Markdown backslash escapes
 *   do not apply: text there is written with entities. */
#include "markdown.h"

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

/* Length of the run of c at p. */
static size_t run_of(const char *p, char c)
{
	size_t n = 0;

	while (p[n] == c)
		n++;
	return n;
}

static bool is_mention_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '.';
}

/* At p (just after an '@' in escaped text): the name GitHub would take for a
 * mention (letters, digits, - . and escaped _), unescaped into b; returns the
 * escaped bytes it spans, 0 when there is no name. */
static size_t mention_name(scout_buf *b, const char *p)
{
	size_t i = 0, end = 0, keep;

	scout_buf_put(b, "", 0); /* b->data is set */
	keep = b->len;
	while (is_mention_char(p[i]) || (p[i] == '\\' && p[i + 1] == '_')) {
		i += p[i] == '\\' ? 2 : 1;
		scout_buf_putc(b, p[i - 1]);
		if (p[i - 1] != '.') {
			end = i;
			keep = b->len;
		}
	}
	b->len = keep; /* a sentence's full stop is not part of the name */
	b->data[keep] = '\0';
	return end;
}

/* Escaped inline text (scout_escape_markdown_inline's output) with every
 * would-be @mention outside code spans turned into a code span, so a pasted
 * audit does not notify whoever is called like a decorator (@contextmanager). */
static void put_without_mentions(scout_buf *b, const char *s)
{
	for (const char *p = s; *p;) {
		size_t n;

		if (*p == '\\' && p[1]) { /* an escaped character */
			scout_buf_put(b, p, 2);
			p += 2;
		} else if (*p == '`') { /* a code span, kept whole */
			const char *end;

			n = run_of(p, '`');
			for (end = p + n; *end && !(*end == '`' && run_of(end, '`') == n);)
				end += *end == '`' ? run_of(end, '`') : 1;
			end += *end ? n : 0;
			scout_buf_put(b, p, (size_t)(end - p));
			p = end;
		} else if (*p == '@' && (p == s || !is_mention_char(p[-1]))) {
			scout_buf name = {0};

			n = mention_name(&name, p + 1);
			if (n) {
				scout_buf_puts(b, "`@");
				scout_buf_puts(b, name.data);
				scout_buf_putc(b, '`');
			} else {
				scout_buf_putc(b, '@');
			}
			scout_buf_free(&name);
			p += 1 + n;
		} else {
			scout_buf_putc(b, *p++);
		}
	}
}

void scout_md_text(scout_buf *b, const char *s)
{
	scout_buf tmp = {0};

	scout_escape_markdown_inline(&tmp, s);
	put_without_mentions(b, tmp.data);
	scout_buf_free(&tmp);
}

void scout_md_cell(scout_buf *b, const char *s)
{
	scout_buf tmp = {0};

	scout_md_text(&tmp, s);
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
