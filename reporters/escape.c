/* One place for every escaping rule of every output format.
 *
 * Every format escapes the same way: walk the input one code point at a time
 * (ill-formed UTF-8 becomes U+FFFD), and let the format's `emit` function
 * decide how each code point is written. A new format (SARIF, GitHub
 * workflow commands, XML, HTML) is one emit function and one public wrapper in
 * its own section below. Markdown, whose rules look at runs of characters
 * (code spans, mentions) rather than one code point, is in escape_markdown.c. */
#include "escape.h"

#include <stdlib.h>
#include <string.h>

#define REPLACEMENT_CHAR      0xFFFDu
#define REPLACEMENT_CHAR_UTF8 "\xEF\xBF\xBD"
#define ILL_FORMED            UINT32_MAX /* utf8_next's mark for bad input */

/* ---- UTF-8 decoding (shared by every format) ------------------------------ */

/* Decodes the code point at s (NUL-terminated) into *cp and returns the bytes
 * it spans. Ill-formed input (stray continuation bytes, overlongs, surrogates,
 * values above U+10FFFF, truncated sequences) gives ILL_FORMED and consumes the
 * maximal subpart, as Unicode 15 §3.9 and the WHATWG decoder do. Never reads
 * past the terminating NUL, which is not a continuation byte. */
static size_t utf8_next(const unsigned char *s, uint32_t *cp)
{
	unsigned char lo = 0x80, hi = 0xBF, c = s[0];
	uint32_t value;
	size_t need;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
		value = c & 0x1Fu;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		value = c & 0x0Fu;
		lo = c == 0xE0 ? 0xA0 : 0x80; /* no overlongs */
		hi = c == 0xED ? 0x9F : 0xBF; /* no surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		value = c & 0x07u;
		lo = c == 0xF0 ? 0x90 : 0x80; /* no overlongs */
		hi = c == 0xF4 ? 0x8F : 0xBF; /* nothing above U+10FFFF */
	} else {
		*cp = ILL_FORMED; /* 80-C1, F5-FF never start a sequence */
		return 1;
	}
	for (size_t i = 1; i <= need; i++) {
		if (s[i] < lo || s[i] > hi) {
			*cp = ILL_FORMED;
			return i;
		}
		value = (value << 6) | (s[i] & 0x3Fu);
		lo = 0x80;
		hi = 0xBF;
	}
	*cp = value;
	return need + 1;
}

/* Writes one code point for a format. `bytes`/`len` is its valid UTF-8
 * encoding (the replacement character's for ill-formed input), ready to copy
 * when the format keeps the character as it is. */
typedef void (*emit_fn)(scout_buf *b, uint32_t cp, const char *bytes, size_t len);

/* Appends s to b through `emit`, one code point at a time. s may be NULL
 * (treated as ""). b->data is never NULL afterwards. */
static void escape_each(scout_buf *b, const char *s, emit_fn emit)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");

	scout_buf_put(b, "", 0);
	while (*p) {
		uint32_t cp;
		size_t n = utf8_next(p, &cp);

		if (cp == ILL_FORMED)
			emit(b, REPLACEMENT_CHAR, REPLACEMENT_CHAR_UTF8, 3);
		else
			emit(b, cp, (const char *)p, n);
		p += n;
	}
}

/* ---- valid UTF-8 (JSON and the base of every other format) --------------- */

/* Valid runs go out whole: this is on every string of every JSON report. */
void scout_escape_utf8(scout_buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");

	scout_buf_put(b, "", 0);
	while (*p) {
		const unsigned char *run = p;
		uint32_t cp = 0;
		size_t n = 0;

		while (*p) {
			if (*p < 0x80) {
				p++;
				continue;
			}
			n = utf8_next(p, &cp);
			if (cp == ILL_FORMED)
				break;
			p += n;
		}
		scout_buf_put(b, (const char *)run, (size_t)(p - run));
		if (*p) { /* an ill-formed sequence of n bytes */
			scout_buf_put(b, REPLACEMENT_CHAR_UTF8, 3);
			p += n;
		}
	}
}

bool scout_utf8_is_valid(const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	const unsigned char *end = p + strlen((const char *)p);

	while (*p) {
		uint32_t cp = 0;
		size_t n;
		uint64_t word;

		if (end - p >= 8) { /* eight ASCII bytes at a time */
			memcpy(&word, p, 8);
			if (!(word & 0x8080808080808080ull)) {
				p += 8;
				continue;
			}
		}
		if (*p < 0x80) {
			p++;
			continue;
		}
		n = utf8_next(p, &cp);
		if (cp == ILL_FORMED)
			return false;
		p += n;
	}
	return true;
}

char *scout_escape_utf8_dup(const char *s)
{
	scout_buf b = {0};

	scout_escape_utf8(&b, s);
	return scout_buf_detach(&b);
}

/* ---- terminal (text reporter) --------------------------------------------- */

/* C0 controls (ESC, CR, LF, TAB included), DEL and C1 controls: anything a
 * terminal may act on instead of printing. */
static bool is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

static void emit_terminal(scout_buf *b, uint32_t cp, const char *bytes, size_t len)
{
	if (is_control(cp))
		scout_buf_printf(b, "\\x%02x", (unsigned)cp);
	else
		scout_buf_put(b, bytes, len);
}

void scout_escape_terminal(scout_buf *b, const char *s)
{
	escape_each(b, s, emit_terminal);
}

/* ---- GitHub Actions workflow commands (github reporter) ------------------ */

/* @actions/core's escapeData: % first (so our own escapes are not escaped
 * again), then CR and LF; the other controls but TAB (ESC would recolour the
 * log) as \xNN like the terminal's. */
static void emit_github_data(scout_buf *b, uint32_t cp, const char *bytes, size_t len)
{
	if (cp == '%')
		scout_buf_puts(b, "%25");
	else if (cp == '\r')
		scout_buf_puts(b, "%0D");
	else if (cp == '\n')
		scout_buf_puts(b, "%0A");
	else if (cp != '\t' && is_control(cp))
		scout_buf_printf(b, "\\x%02x", (unsigned)cp);
	else
		scout_buf_put(b, bytes, len);
}

/* @actions/core's escapeProperty: escapeData plus : and , (the separators of
 * `key=value,key=value::`). */
static void emit_github_property(scout_buf *b, uint32_t cp, const char *bytes, size_t len)
{
	if (cp == ':')
		scout_buf_puts(b, "%3A");
	else if (cp == ',')
		scout_buf_puts(b, "%2C");
	else
		emit_github_data(b, cp, bytes, len);
}

void scout_escape_github_data(scout_buf *b, const char *s)
{
	escape_each(b, s, emit_github_data);
}

void scout_escape_github_property(scout_buf *b, const char *s)
{
	escape_each(b, s, emit_github_property);
}

/* ---- URI references (sarif reporter) -------------------------------------- */

static bool is_uri_unreserved(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '.' || c == '_' || c == '~';
}

void scout_escape_uri_path(scout_buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)(s ? s : "");

	scout_buf_put(b, "", 0);
	for (; *p; p++) {
		char pct[3] = {'%', hex[*p >> 4], hex[*p & 0x0F]};

		if (is_uri_unreserved(*p) || *p == '/')
			scout_buf_putc(b, (char)*p);
		else
			scout_buf_put(b, pct, sizeof(pct));
	}
}

/* ---- XML 1.0 (junit reporter) ---------------------------------------------- */

/* XML 1.0 Char: TAB, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD, U+10000-U+10FFFF
 * (surrogates never get here: the decoder rejects them). */
/* & < > " ' as entities, shared by XML and HTML (which spell the apostrophe
 * differently). True when cp was one of them. */
static bool put_markup_entity(scout_buf *b, uint32_t cp, const char *apos)
{
	switch (cp) {
	case '&':
		scout_buf_puts(b, "&amp;");
		return true;
	case '<':
		scout_buf_puts(b, "&lt;");
		return true;
	case '>':
		scout_buf_puts(b, "&gt;");
		return true;
	case '"':
		scout_buf_puts(b, "&quot;");
		return true;
	case '\'':
		scout_buf_puts(b, apos);
		return true;
	}
	return false;
}

static bool is_xml_char(uint32_t cp)
{
	return cp == '\t' || cp == '\n' || cp == '\r' ||
	       (cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF);
}

static void emit_xml(scout_buf *b, uint32_t cp, const char *bytes, size_t len)
{
	if (put_markup_entity(b, cp, "&apos;"))
		return;
	switch (cp) {
	case '\t':
	case '\n':
	case '\r':
		scout_buf_printf(b, "&#%u;", (unsigned)cp);
		return;
	}
	if (is_xml_char(cp))
		scout_buf_put(b, bytes, len);
	else
		scout_buf_put(b, REPLACEMENT_CHAR_UTF8, 3);
}

void scout_escape_xml(scout_buf *b, const char *s)
{
	escape_each(b, s, emit_xml);
}

/* ---- HTML5 (the audit's HTML page) ---------------------------------------- */

/* What the HTML tokenizer reports as a parse error in the input stream: C0
 * controls other than TAB and LF (CR is normalised away, so it goes too), DEL,
 * C1 controls and the noncharacters. */
static bool is_html_bad(uint32_t cp)
{
	if (cp == '\t' || cp == '\n')
		return false;
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
		return true;
	return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFEu) == 0xFFFEu;
}

static void emit_html(scout_buf *b, uint32_t cp, const char *bytes, size_t len)
{
	if (put_markup_entity(b, cp, "&#39;"))
		return;
	if (is_html_bad(cp))
		scout_buf_put(b, REPLACEMENT_CHAR_UTF8, 3);
	else
		scout_buf_put(b, bytes, len);
}

void scout_escape_html(scout_buf *b, const char *s)
{
	escape_each(b, s, emit_html);
}

/* ---- string literals (the plan's paste-ready snippets) --------------------- */

void scout_escape_string_literal(scout_buf *b, const char *s, bool toml)
{
	char *valid = scout_escape_utf8_dup(s);

	scout_buf_put(b, "", 0);
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
