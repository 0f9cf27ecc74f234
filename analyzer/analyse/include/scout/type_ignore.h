/* A `# type: ignore` comment as CPython's tokenizer and mypy read it. */
#ifndef SCOUT_TYPE_IGNORE_H
#define SCOUT_TYPE_IGNORE_H

#include "scout/common.h"

/* The codes of the comment (text starts with '#'): 1 with *codes NULL for
 * a bare ignore, 1 with *codes (owned by caller, free with free()) the
 * comma-separated codes of `ignore[...]`, 0 when the comment is no type
 * ignore or its tag is invalid (mypy then hides nothing). */
int scout_type_ignore_parse(const char *text, size_t len, char **codes);

#endif
