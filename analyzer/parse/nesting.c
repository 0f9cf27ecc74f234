/* Bracket depth outside strings and comments, in one pass over the bytes
 * that stops only at the few that matter. */
#include "scout/nesting.h"

#include <string.h>

enum { PLAIN, COMMENT, QUOTE, OPEN, CLOSE };

static const unsigned char kind[256] = {
    ['#'] = COMMENT, ['"'] = QUOTE, ['\''] = QUOTE, ['('] = OPEN,  ['['] = OPEN,
    ['{'] = OPEN,    [')'] = CLOSE, [']'] = CLOSE,  ['}'] = CLOSE,
};

/* Past the string that starts at p: a single-quoted one ends at its quote
 * or before the end of its line, a triple-quoted one after its closing
 * triple. */
static const char *skip_string(const char *p, const char *end, bool escapes)
{
	char q = *p;
	bool triple = end - p >= 3 && p[1] == q && p[2] == q;

	for (p += triple ? 3 : 1; p < end; p++) {
		if (*p == '\\' && escapes && p + 1 < end)
			p++;
		else if (*p == '\n' && !triple)
			return p;
		else if (*p == q && (!triple || (end - p >= 3 && p[1] == q && p[2] == q)))
			return p + (triple ? 3 : 1);
	}
	return end;
}

static uint32_t line_at(const char *data, const char *p)
{
	uint32_t line = 1;

	for (const char *nl = data; (nl = memchr(nl, '\n', (size_t)(p - nl))); nl++)
		line++;
	return line;
}

bool scout_nesting_exceeds(uint32_t *line, const char *data, size_t len,
                           scout_nesting_syntax syntax, uint32_t limit)
{
	const char *p = data, *end = data + len, *nl;
	uint32_t depth = 0;

	*line = 0;
	while (p < end) {
		switch (kind[(unsigned char)*p]) {
		case PLAIN: /* most bytes: skipped in a tight loop */
			while (++p < end && !kind[(unsigned char)*p])
				;
			break;
		case COMMENT:
			nl = memchr(p, '\n', (size_t)(end - p));
			p = nl ? nl : end;
			break;
		case QUOTE:
			p = skip_string(p, end, !(syntax == SCOUT_NESTING_TOML && *p == '\''));
			break;
		case OPEN:
			if (depth == limit) {
				*line = line_at(data, p);
				return true;
			}
			depth++;
			p++;
			break;
		default: /* CLOSE */
			depth -= depth > 0;
			p++;
		}
	}
	return false;
}
