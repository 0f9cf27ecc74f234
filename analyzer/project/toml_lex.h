/* A forward scan of a TOML document's strings and comments, for what the
 * tree-sitter-toml grammar gets wrong or does not say. Internal to
 * analyzer/project (toml.c). */
#ifndef SCOUT_PROJECT_TOML_LEX_H
#define SCOUT_PROJECT_TOML_LEX_H

#include <stddef.h>
#include <stdint.h>

typedef struct toml_lex {
	/* the line of the first string that does not end (a basic or literal
	 * string at its line's end, a multi-line one at the document's), or 0 */
	uint32_t unterminated;
	/* owned, NULL when the document needs no change: the document with the
	 * blanks between a line-ending backslash and its newline in multi-line
	 * basic strings removed (TOML trims them; the grammar fails on them).
	 * Lines stay where they were. */
	char *fixed;
	size_t fixed_len;
} toml_lex;

void toml_lex_scan(toml_lex *out, const char *s, size_t len);

#endif
