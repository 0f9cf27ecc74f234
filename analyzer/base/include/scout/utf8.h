/* UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing
 * above U+10FFFF), shared by the source and TOML readers. */
#ifndef SCOUT_UTF8_H
#define SCOUT_UTF8_H

#include <stddef.h>

/* Length of the valid UTF-8 sequence at s (of n bytes, n > 0), or 0 when
 * it is invalid or cut short. */
size_t scout_utf8_sequence(const unsigned char *s, size_t n);

/* Offset of the first byte of data that does not start a valid sequence,
 * or len when all of it is valid UTF-8. */
size_t scout_utf8_invalid_at(const char *data, size_t len);

#endif
