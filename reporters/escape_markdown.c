/* Markdown escaping (escape.h), for every format that writes Markdown: SARIF's
 * help.markdown, the job summary, the Markdown audit and the README's rule
 * table. Prose goes through scout_escape_markdown_inline; the rest are the few
 * contexts where that function alone is not enough:
 * - GitHub splits table rows on `|` before it parses inlines, so an unescaped
 *   `|` inside a code span would still end the cell: every `|` in a cell gets
 *   a backslash of its own, which the table parser takes away again.
 * - Where GitHub renders Markdown as a comment, an @name notifies that user:
 *   the audit's prose writes such names as code spans.
 * Raw HTML inside Markdown (<details>/<summary>) takes scout_escape_xml, where
 * backslash escapes do not apply. */
#include "escape.h"

#include <stdlib.h>
#include <string.h>

/* ---- one line of prose ---------------------------------------------------- */

/* Length of the run of c at p. */
static size_t run_of(const char *p, char c)
{
	size_t n = 0;

	while (p[n] == c)
		n++;
	return n;
}

/* C0 controls and DEL: written as spaces, so the text stays on its line. */
static bool is_markdown_blank(unsigned char c)
{
	return c < 0x20 || c == 0x7F;
}

/* The run of exactly n backticks at or after s that closes a code span, or
 * NULL when there is none. */
static const char *code_span_end(const char *s, size_t n)
{
	for (const char *p = strchr(s, '`'); p; p = strchr(p, '`')) {
		size_t run = run_of(p, '`');

		if (run == n)
			return p;
		p += run;
	}
	return NULL;
}

void scout_escape_markdown_inline(scout_buf *b, const char *s)
{
	char *valid = scout_escape_utf8_dup(s);
	const char *p = valid;

	scout_buf_put(b, "", 0);
	while (*p) {
		unsigned char c = (unsigned char)*p;

		if (c == '`') {
			size_t n = run_of(p, '`');
			const char *end = code_span_end(p + n, n);

			if (!end) { /* no closing run: literal backticks */
				for (size_t i = 0; i < n; i++)
					scout_buf_puts(b, "\\`");
				p += n;
				continue;
			}
			for (const char *q = p; q < end + n; q++)
				scout_buf_putc(b, is_markdown_blank((unsigned char)*q) ? ' ' : *q);
			p = end + n;
			continue;
		}
		if (strchr("\\*_[]<>|~&#!", c))
			scout_buf_putc(b, '\\');
		scout_buf_putc(b, is_markdown_blank(c) ? ' ' : (char)c);
		p++;
	}
	free(valid);
}

/* ---- mentions, table cells, code spans and blocks -------------------------- */

void scout_escape_markdown_pipes(scout_buf *b, const char *s)
{
	scout_buf_put(b, "", 0);
	for (const char *p = s ? s : ""; *p; p++) {
		if (*p == '\n' || *p == '\r') {
			scout_buf_putc(b, ' ');
			continue;
		}
		if (*p == '|')
			scout_buf_putc(b, '\\');
		scout_buf_putc(b, *p);
	}
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
			end = code_span_end(p + n, n);
			end = end ? end + n : p + strlen(p);
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

void scout_escape_markdown_text(scout_buf *b, const char *s)
{
	scout_buf tmp = {0};

	scout_escape_markdown_inline(&tmp, s);
	put_without_mentions(b, tmp.data);
	scout_buf_free(&tmp);
}

void scout_escape_markdown_cell(scout_buf *b, const char *s)
{
	scout_buf tmp = {0};

	scout_escape_markdown_text(&tmp, s);
	scout_escape_markdown_pipes(b, tmp.data);
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

void scout_escape_markdown_code(scout_buf *b, const char *s, bool cell)
{
	char *text = scout_escape_utf8_dup(s);
	size_t n, len;
	bool pad;

	for (char *p = text; *p; p++)
		if (is_markdown_blank((unsigned char)*p))
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
		scout_escape_markdown_pipes(b, text);
	else
		scout_buf_puts(b, text);
	if (pad)
		scout_buf_putc(b, ' ');
	put_backticks(b, n);
	free(text);
}

void scout_escape_markdown_fence(scout_buf *b, const char *lang, const char *text)
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
