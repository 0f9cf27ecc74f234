/* What the text report's parts share: colours and column padding. */
#ifndef SCOUT_TEXT_UTIL_H
#define SCOUT_TEXT_UTIL_H

#include "reporter.h"

#define SCOUT_TEXT_ELLIPSIS "\xE2\x80\xA6"

/* The ANSI colour of a verdict or a category (static). */
const char *scout_text_verdict_color(scout_verdict v);
const char *scout_text_category_color(scout_category c);

/* Appends our own (trusted) text s, wrapped in `color` when colour is on. */
void scout_text_put_colored(scout_buf *b, const scout_report_opts *opts, const char *color,
                            const char *s);

/* Code points in s (valid UTF-8): its display width, ignoring wide glyphs. */
size_t scout_text_width(const char *s);
/* Byte offset in s (valid UTF-8, len bytes) where its last n code points begin. */
size_t scout_text_tail_offset(const char *s, size_t len, size_t n);
/* s, then spaces up to `width` code points; spaces, then s. */
void scout_text_put_left(scout_buf *b, const char *s, size_t width);
void scout_text_put_right(scout_buf *b, const char *s, size_t width);

/* "s" when n is not 1, for plurals. */
const char *scout_text_plural(size_t n);

#endif
