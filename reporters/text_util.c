/* The text report's shared helpers (text_util.h). */
#include "text_util.h"

#define COLOR_RED    "\x1b[31m"
#define COLOR_GREEN  "\x1b[32m"
#define COLOR_YELLOW "\x1b[33m"
#define COLOR_CYAN   "\x1b[36m"
#define COLOR_GREY   "\x1b[90m"
#define COLOR_RESET  "\x1b[0m"

const char *scout_text_verdict_color(scout_verdict v)
{
	static const char *const colors[SCOUT_VERDICT_COUNT] = {
	    [SCOUT_READY] = COLOR_GREEN,          [SCOUT_NEEDS_ANNOTATIONS] = COLOR_CYAN,
	    [SCOUT_NEEDS_CHANGES] = COLOR_YELLOW, [SCOUT_BLOCKED] = COLOR_RED,
	    [SCOUT_UNKNOWN] = COLOR_GREY,
	};

	return v < SCOUT_VERDICT_COUNT ? colors[v] : COLOR_RESET;
}

const char *scout_text_category_color(scout_category c)
{
	static const char *const colors[SCOUT_CATEGORY_COUNT] = {
	    [SCOUT_BLOCKER] = COLOR_RED,      [SCOUT_NON_NATIVE] = COLOR_YELLOW,
	    [SCOUT_BEHAVIOUR] = COLOR_YELLOW, [SCOUT_SLOW] = COLOR_CYAN,
	    [SCOUT_INFO] = COLOR_GREY,
	};

	return c < SCOUT_CATEGORY_COUNT ? colors[c] : COLOR_RESET;
}

void scout_text_put_colored(scout_buf *b, const scout_report_opts *opts, const char *color,
                            const char *s)
{
	if (opts->color)
		scout_buf_puts(b, color);
	scout_buf_puts(b, s);
	if (opts->color)
		scout_buf_puts(b, COLOR_RESET);
}

size_t scout_text_width(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

size_t scout_text_tail_offset(const char *s, size_t len, size_t n)
{
	size_t i = len;

	while (i > 0 && n > 0) {
		i--;
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n--;
	}
	return i;
}

static void pad(scout_buf *b, size_t n)
{
	while (n-- > 0)
		scout_buf_putc(b, ' ');
}

void scout_text_put_left(scout_buf *b, const char *s, size_t width)
{
	size_t n = scout_text_width(s);

	scout_buf_puts(b, s);
	pad(b, width > n ? width - n : 0);
}

void scout_text_put_right(scout_buf *b, const char *s, size_t width)
{
	size_t n = scout_text_width(s);

	pad(b, width > n ? width - n : 0);
	scout_buf_puts(b, s);
}

const char *scout_text_plural(size_t n)
{
	return n == 1 ? "" : "s";
}
