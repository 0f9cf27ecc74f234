/* A TOML reader for pyproject.toml (tree-sitter-toml grammar): the document
 * flattened into key paths and scalar values. Never executes anything. */
#ifndef SCOUT_TOML_H
#define SCOUT_TOML_H

#include "scout/common.h"

typedef enum scout_toml_type {
	SCOUT_TOML_STRING,
	SCOUT_TOML_INTEGER,
	SCOUT_TOML_FLOAT,
	SCOUT_TOML_BOOL,
	SCOUT_TOML_DATETIME,
} scout_toml_type;

/* One scalar. Its key is the dotted path of tables and keys ("tool.mypy.
 * strict_optional"); a value inside an array has the array's key and its
 * index; a table of an array of tables gets "[N]" after its name
 * ("tool.x[0].y"). Keys are joined with '.', so a quoted key that holds a dot
 * is indistinguishable from two keys. */
typedef struct scout_toml_value {
	char *key; /* owned */
	int index; /* position in its array, -1 when not in an array */
	scout_toml_type type;
	char *text;    /* owned; the decoded string, or the literal text */
	uint32_t line; /* 1-based */
} scout_toml_value;

typedef struct scout_toml {
	scout_toml_value *values; /* owned, in document order */
	size_t len, cap;
	uint32_t error_line; /* the first error's line, 0 when none */
	char *error;         /* owned: what is wrong there ("invalid TOML: ..."), NULL
	                        when none: a syntax error; a key or table defined twice
	                        or extended against TOML 1.0's rules; bytes that are not
	                        UTF-8, a byte order mark, a control character or a bare
	                        carriage return; an escape TOML does not have; a date
	                        or time that does not exist (what Python's tomllib
	                        refuses, tests/toml/compare.py) */
} scout_toml;

/* Parses `len` bytes into *out (free with scout_toml_free). A document with
 * errors still yields the values that parsed (none when its bytes are not
 * UTF-8 or start with a byte order mark); error_line and error say where
 * the first error is and what it is. Returns 0, or SCOUT_ERROR when nothing
 * could be parsed. */
int scout_toml_parse(scout_toml *out, const char *data, size_t len);
/* Reads (scout_fs_read: a regular file of at most SCOUT_FS_CONFIG_MAX_BYTES;
 * a present file refused is noted for the scan's diagnostics) and parses a
 * file, its bytes as they are (no coding declaration, BOM or newline
 * conversion: a TOML error instead). Returns 0, SCOUT_ENOTFOUND (absent),
 * or SCOUT_ERROR. */
int scout_toml_load(scout_toml *out, const char *path);
void scout_toml_free(scout_toml *t);

/* The first value at `key` (any index), or NULL. Borrowed from t. */
const scout_toml_value *scout_toml_get(const scout_toml *t, const char *key);

/* The value of a TOML integer or float (TOML 1.0: underscores between
 * digits, 0x/0o/0b integers, inf and nan with a sign). Returns 0, or
 * SCOUT_ERROR when v is not a number. */
int scout_toml_number(const scout_toml_value *v, double *out);

#endif
