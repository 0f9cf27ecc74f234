/* PEP 263 coding declarations, found the way CPython's tokenizer finds them
 * (Parser/tokenizer.c: check_coding_spec, get_coding_spec, get_normal_name).
 * Internal to analyzer/parse (source.c). */
#ifndef SCOUT_PARSE_CODING_H
#define SCOUT_PARSE_CODING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct coding_decl {
	uint32_t line;   /* 1 or 2; 0 when the file declares nothing */
	char name[64];   /* as written, truncated to 63 bytes */
	char normal[64]; /* CPython's name for messages: "utf-8", "iso-8859-1" or name */
	bool utf8;       /* a name Python's codecs read as UTF-8 */
	bool latin1;     /* a name Python's codecs read as Latin-1 */
} coding_decl;

/* The declaration in the first two lines of data (BOM already stripped): a
 * comment-only line matching coding[:=]\s*([-\w.]+); the second line counts
 * only when the first holds no code. */
void coding_find(coding_decl *out, const char *data, size_t len);

#endif
