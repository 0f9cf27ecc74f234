/* The token estimate (see scout/tokens.h). */
#include "scout/tokens.h"

#include <stdbool.h>

static bool is_word(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c >= 0x80;
}

static bool is_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

size_t scout_tokens_estimate(const char *data, size_t len, size_t stop)
{
	const unsigned char *s = (const unsigned char *)data;
	size_t n = 0;
	bool in_word = false;

	for (size_t i = 0; i < len && n < stop; i++) {
		if (is_word(s[i])) {
			n += !in_word;
			in_word = true;
			continue;
		}
		in_word = false;
		n += !is_blank(s[i]);
	}
	return n < stop ? n : stop;
}
