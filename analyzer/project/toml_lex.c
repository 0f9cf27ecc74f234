/* A forward scan of a TOML document's strings (see toml_lex.h). Strings are
 * the only place TOML has quotes, and comments end at a line's end, so one
 * pass finds them. */
#include "toml_lex.h"

#include <stdbool.h>
#include <string.h>

#include "scout/common.h"

typedef struct scanner {
	const char *s;
	size_t len, i, copied; /* s[copied..i) not yet copied to fixed */
	uint32_t line;
	scout_buf fixed;
	bool changed;
} scanner;

/* At a backslash in a multi-line basic string: when blanks then a newline
 * follow, drops the blanks (copying what came before). */
static void line_ending_backslash(scanner *sc)
{
	size_t j = sc->i + 1;

	while (j < sc->len && (sc->s[j] == ' ' || sc->s[j] == '\t'))
		j++;
	if (j == sc->i + 1 || j >= sc->len || (sc->s[j] != '\n' && sc->s[j] != '\r'))
		return;
	scout_buf_put(&sc->fixed, sc->s + sc->copied, sc->i + 1 - sc->copied);
	sc->copied = j;
	sc->changed = true;
	sc->i = j - 1;
}

/* The string opening at sc->i (quote q); leaves sc->i on its last byte.
 * Returns false when it does not end. */
static bool string(scanner *sc, char q)
{
	const char *s = sc->s;
	bool basic = q == '"';
	bool multi = sc->i + 2 < sc->len && s[sc->i + 1] == q && s[sc->i + 2] == q;

	for (sc->i += multi ? 3 : 1; sc->i < sc->len; sc->i++) {
		if (basic && s[sc->i] == '\\' && sc->i + 1 < sc->len) {
			if (multi)
				line_ending_backslash(sc);
			sc->line += s[++sc->i] == '\n';
			continue;
		}
		if (s[sc->i] == q &&
		    (!multi || (sc->i + 2 < sc->len && s[sc->i + 1] == q && s[sc->i + 2] == q)))
			break;
		if (s[sc->i] == '\n' && !multi)
			return false;
		sc->line += s[sc->i] == '\n';
	}
	if (sc->i >= sc->len)
		return false;
	if (multi) /* up to two more quotes belong to the string */
		for (sc->i += 2; sc->i + 1 < sc->len && s[sc->i + 1] == q;)
			sc->i++;
	return true;
}

void toml_lex_scan(toml_lex *out, const char *s, size_t len)
{
	scanner sc = {.s = s, .len = len, .line = 1};

	memset(out, 0, sizeof(*out));
	for (; sc.i < len; sc.i++) {
		char c = s[sc.i];
		uint32_t start = sc.line;

		if (c == '\n')
			sc.line++;
		else if (c == '#')
			while (sc.i + 1 < len && s[sc.i + 1] != '\n')
				sc.i++;
		else if ((c == '"' || c == '\'') && !string(&sc, c) && !out->unterminated)
			out->unterminated = start;
	}
	if (sc.changed) {
		scout_buf_put(&sc.fixed, s + sc.copied, len - sc.copied);
		out->fixed_len = sc.fixed.len;
		out->fixed = scout_buf_detach(&sc.fixed);
	}
}
