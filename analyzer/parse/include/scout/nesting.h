/* How deeply brackets nest in a source text, found before parsing: the
 * grammars' parsers crash on tens of thousands of open brackets, and
 * CPython itself refuses more than 200 (its tokenizer's MAXLEVEL). */
#ifndef SCOUT_NESTING_H
#define SCOUT_NESTING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* CPython's limit: the 201st nested bracket is "too many nested
 * parentheses". */
#define SCOUT_PYTHON_MAX_NESTING 200
/* Ours for TOML, which sets none: far above any real configuration. */
#define SCOUT_TOML_MAX_NESTING 256

/* How strings look, so that brackets inside them do not count. */
typedef enum scout_nesting_syntax {
	SCOUT_NESTING_PYTHON, /* '…' "…" and triple-quoted; backslash escapes in all */
	SCOUT_NESTING_TOML,   /* the same, but '…' and '''…''' are literal (no escapes) */
} scout_nesting_syntax;

/* True when an opening bracket ( [ { outside strings and comments would
 * nest deeper than `limit`; *line (1-based) is then that bracket's line. */
bool scout_nesting_exceeds(uint32_t *line, const char *data, size_t len,
                           scout_nesting_syntax syntax, uint32_t limit);

#endif
