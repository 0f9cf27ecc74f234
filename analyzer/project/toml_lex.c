/* A forward scan of a TOML document (see toml_lex.h). Strings are the only
 * place TOML has quotes, and comments end at a line's end, so one pass
 * finds them; each byte is checked on the way, in or out of them. */
#include "toml_lex.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "scout/common.h"
#include "scout/utf8.h"

typedef struct scanner {
	const char *s;
	size_t len, i, copied; /* s[copied..i) not yet copied to fixed */
	uint32_t line;
	scout_buf fixed;
	bool changed;
	toml_lex *out;
} scanner;

typedef enum string_end {
	STRING_ENDS,
	STRING_OPEN, /* runs to its line's end (one-line) or the document's */
	STRING_BAD,  /* holds a lexical error (reported; not also as open) */
} string_end;

static void fail(toml_lex *out, uint32_t at, uint32_t line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Records the first lexical error. */
static void fail(toml_lex *out, uint32_t at, uint32_t line, const char *fmt, ...)
{
	va_list ap;

	if (out->error)
		return;
	va_start(ap, fmt);
	out->error = scout_vasprintf(fmt, ap);
	va_end(ap);
	out->error_at = at;
	out->error_line = line;
}

/* Bytes that are not UTF-8, or a byte order mark: tomllib decodes the
 * document as UTF-8 (no BOM) before it reads a character. */
static bool bad_encoding(toml_lex *out, const char *s, size_t len)
{
	size_t bad = scout_utf8_invalid_at(s, len);
	uint32_t line = 1;

	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		fail(out, 1, 1,
		     "the document starts with a UTF-8 byte order mark (TOML parsers such as "
		     "Python's tomllib refuse it)");
	} else if (bad < len) {
		for (size_t i = 0; i < bad; i++)
			line += s[i] == '\n';
		fail(out, line, line, "not UTF-8 (byte 0x%02x at offset %zu)",
		     (unsigned char)s[bad], bad);
	} else {
		return false;
	}
	out->encoding = true;
	return true;
}

/* Checks the byte at sc->i, in `where`: TOML allows no control character
 * but tab and line feed, and a carriage return only before a line feed.
 * Returns true when it recorded an error. */
static bool check_byte(scanner *sc, const char *where)
{
	const char *s = sc->s;
	unsigned char c = (unsigned char)s[sc->i];

	if (c == '\r' && (sc->i + 1 == sc->len || s[sc->i + 1] != '\n')) {
		fail(sc->out, sc->line, sc->line,
		     "a carriage return not followed by a line feed %s", where);
		return true;
	}
	if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
		fail(sc->out, sc->line, sc->line,
		     "control character U+%04X %s (TOML allows none but tab)", c, where);
		return true;
	}
	return false;
}

/* At a backslash in a multi-line basic string followed by blanks then the
 * newline at `nl`: drops the blanks (copying what came before) and leaves
 * sc->i before the newline. */
static void line_ending_backslash(scanner *sc, size_t nl)
{
	if (nl == sc->i + 1)
		return;
	scout_buf_put(&sc->fixed, sc->s + sc->copied, sc->i + 1 - sc->copied);
	sc->copied = nl;
	sc->changed = true;
	sc->i = nl - 1;
}

static unsigned hex_value(char c)
{
	return c <= '9' ? (unsigned)(c - '0') : (unsigned)(tolower((unsigned char)c) - 'a' + 10);
}

/* \u or \U (at sc->i + 1) and its n hex digits: a Unicode scalar value.
 * Skips the escape; returns false when it recorded an error. */
static bool unicode_escape(scanner *sc, size_t n)
{
	const char *digits = sc->s + sc->i + 2;
	char u = sc->s[sc->i + 1];
	uint32_t cp = 0;
	size_t d = 0;

	for (; d < n && sc->i + 2 + d < sc->len && isxdigit((unsigned char)digits[d]); d++)
		cp = cp * 16 + hex_value(digits[d]);
	if (d < n) {
		fail(sc->out, sc->line, sc->line, "invalid escape: \\%c takes %zu hex digits", u,
		     n);
		return false;
	}
	sc->i += 1 + n;
	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
		fail(
		    sc->out, sc->line, sc->line,
		    "escape \\%c%.*s is not a Unicode scalar value (a surrogate or above U+10FFFF)",
		    u, (int)n, digits);
		return false;
	}
	return true;
}

/* The escape at sc->i (a backslash) in a basic string: TOML's \b \t \n \f
 * \r \" \\ \uXXXX \UXXXXXXXX, and in a multi-line string a backslash that
 * ends its line (blanks may follow it). Leaves sc->i on its last byte (on
 * the backslash when it is not an escape); returns false when it recorded
 * an error. */
static bool escape(scanner *sc, bool multi)
{
	const char *s = sc->s;
	size_t j = sc->i + 1, k = j;
	uint32_t line;
	bool crlf;
	char c;

	if (j >= sc->len) /* the string does not end */
		return true;
	c = s[j];
	if (c && strchr("btnfr\"\\", c)) {
		sc->i = j;
		return true;
	}
	if (c == 'u' || c == 'U')
		return unicode_escape(sc, c == 'u' ? 4 : 8);
	while (multi && k < sc->len && (s[k] == ' ' || s[k] == '\t'))
		k++;
	crlf = k + 1 < sc->len && s[k] == '\r' && s[k + 1] == '\n';
	if (multi && k == sc->len) { /* blanks to the end: the string does not end */
		sc->i = k - 1;
		return true;
	}
	if (multi && (s[k] == '\n' || crlf)) {
		line_ending_backslash(sc, k);
		return true;
	}
	if (multi && k > j) {
		fail(sc->out, sc->line, sc->line,
		     "a backslash followed by blanks must end its line (a line-ending backslash)");
		return false;
	}
	crlf = j + 1 < sc->len && c == '\r' && s[j + 1] == '\n';
	/* tomllib names the line after the two characters of the escape */
	line = sc->line + (c == '\n' || crlf);
	if (c > ' ' && c < 0x7f)
		fail(sc->out, sc->line, line, "invalid escape '\\%c'", c);
	else
		fail(sc->out, sc->line, line, "invalid escape: a backslash %s",
		     c == '\n' || crlf ? "at a line's end (only multi-line strings continue lines)"
		     : c == ' '        ? "before a space"
		     : c == '\t'       ? "before a tab"
		                       : "before a character that has no escape");
	return false;
}

/* The string opening at sc->i (quote q); leaves sc->i on its last byte, or
 * before the newline that ends an open one-line string. */
static string_end string(scanner *sc, char q)
{
	const char *s = sc->s;
	bool basic = q == '"', bad = false;
	bool multi = sc->i + 2 < sc->len && s[sc->i + 1] == q && s[sc->i + 2] == q;
	const char *where =
	    basic ? (multi ? "in a multi-line basic string" : "in a basic string")
	          : (multi ? "in a multi-line literal string" : "in a literal string");

	for (sc->i += multi ? 3 : 1; sc->i < sc->len; sc->i++) {
		char c = s[sc->i];

		if (basic && c == '\\') {
			bad |= !escape(sc, multi);
			continue;
		}
		if (c == q &&
		    (!multi || (sc->i + 2 < sc->len && s[sc->i + 1] == q && s[sc->i + 2] == q)))
			break;
		if (c == '\n' && !multi) {
			sc->i--;
			return bad ? STRING_BAD : STRING_OPEN;
		}
		bad |= check_byte(sc, where);
		sc->line += c == '\n';
	}
	if (sc->i >= sc->len)
		return bad ? STRING_BAD : STRING_OPEN;
	if (multi) { /* up to two more quotes belong to the string */
		sc->i += 2;
		for (int more = 0; more < 2 && sc->i + 1 < sc->len && s[sc->i + 1] == q; more++)
			sc->i++;
		if (sc->i + 1 < sc->len && s[sc->i + 1] == q)
			fail(sc->out, sc->line, sc->line,
			     "a multi-line string ends with three quotes and at most two more (it "
			     "may end in two quotes of its own)");
	}
	return bad ? STRING_BAD : STRING_ENDS;
}

/* The comment opening at sc->i: to its line's end. */
static void comment(scanner *sc)
{
	while (sc->i + 1 < sc->len && sc->s[sc->i + 1] != '\n') {
		sc->i++;
		check_byte(sc, "in a comment");
	}
}

void toml_lex_scan(toml_lex *out, const char *s, size_t len)
{
	scanner sc = {.s = s, .len = len, .line = 1, .out = out};

	memset(out, 0, sizeof(*out));
	if (bad_encoding(out, s, len))
		return;
	for (; sc.i < len; sc.i++) {
		char c = s[sc.i];
		uint32_t start = sc.line;

		if (c == '\n')
			sc.line++;
		else if (c == '#')
			comment(&sc);
		else if (c != '"' && c != '\'')
			check_byte(&sc, "outside strings and comments");
		else if (string(&sc, c) == STRING_OPEN && !out->unterminated)
			out->unterminated = start;
	}
	if (sc.changed) {
		scout_buf_put(&sc.fixed, s + sc.copied, len - sc.copied);
		out->fixed_len = sc.fixed.len;
		out->fixed = scout_buf_detach(&sc.fixed);
	}
}

void toml_lex_free(toml_lex *lex)
{
	free(lex->fixed);
	free(lex->error);
	memset(lex, 0, sizeof(*lex));
}
