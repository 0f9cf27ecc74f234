/* One place for every escaping rule of every output format.
 *
 * Every format escapes the same way: walk the input one code point at a time
 * (ill-formed UTF-8 becomes U+FFFD), and let the format's `emit` function
 * decide how each code point is written. A new format (SARIF, GitHub
 * workflow commands, XML, HTML, Markdown) is one emit function and one public
 * wrapper in its own section below. */
#include "escape.h"

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

static void emit_utf8(scout_buf *b, uint32_t cp, const char *bytes, size_t len)
{
	scout_buf_put(b, bytes, len);
}

void scout_escape_utf8(scout_buf *b, const char *s)
{
	escape_each(b, s, emit_utf8);
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
