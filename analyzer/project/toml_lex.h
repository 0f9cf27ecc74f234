/* A forward scan of a TOML document's bytes, strings and comments, for what
 * the tree-sitter-toml grammar gets wrong or does not say. Internal to
 * analyzer/project (toml.c). */
#ifndef SCOUT_PROJECT_TOML_LEX_H
#define SCOUT_PROJECT_TOML_LEX_H

#include <stdbool.h>
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
	/* The first lexical error TOML 1.0 (and Python's tomllib) refuses that
	 * the grammar lets through or reports only as a syntax error: bytes that
	 * are not UTF-8, a byte order mark, a control character (U+0000 to
	 * U+001F but tab and line feed, U+007F) anywhere, a carriage return not
	 * followed by a line feed, an escape that is not TOML's in a basic
	 * string (\u and \U must name a Unicode scalar value). Owned, NULL when
	 * none. `error_at` is the line where the fault begins, `error_line` the
	 * line tomllib names (the next one for a backslash before a newline). */
	char *error;
	uint32_t error_at, error_line;
	/* the error is about the bytes themselves (not UTF-8, a byte order
	 * mark): the document cannot be read at all */
	bool encoding;
} toml_lex;

/* Scans s (len bytes, not NUL-terminated); *out is owned by the caller,
 * free with toml_lex_free. */
void toml_lex_scan(toml_lex *out, const char *s, size_t len);
void toml_lex_free(toml_lex *lex);

#endif
