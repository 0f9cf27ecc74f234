/* cJSON building blocks for every format that writes JSON: json, json-lines,
 * sarif, gitlab and the rule documentation (`rules --format json`).
 *
 * The builders return a new item owned by the caller, or NULL out of memory.
 * scout_cjson_put takes its item in every case, so a chain of
 * `ok = ok && scout_cjson_put(o, "key", builder(...));` leaks nothing when a
 * step fails, and scout_cjson_finish turns the chain's result into the
 * object or NULL. Strings pass scout_escape_utf8 here; cJSON escapes quotes,
 * backslashes and controls when it prints. */
#ifndef SCOUT_CJSON_UTIL_H
#define SCOUT_CJSON_UTIL_H

#include <stdio.h>
#include <cjson/cJSON.h>

#include "scout/common.h"

/* Adds item to obj under key (appends it to the array obj when key is NULL).
 * Takes item in every case: cJSON takes it only on success, so it is deleted
 * on failure. False when item is NULL or could not be added. key is not
 * copied: a literal or a name from a static table. */
bool scout_cjson_put(cJSON *obj, const char *key, cJSON *item);

/* A JSON string of s made valid UTF-8 (NULL is ""), copied. */
cJSON *scout_cjson_text(const char *s);
/* As scout_cjson_text, but borrowing s when it is already valid UTF-8: for
 * the scan's own strings, which outlive the document. */
cJSON *scout_cjson_text_ref(const char *s);
/* A JSON string of b's text (copied as it is: escape it into b first);
 * frees b. */
cJSON *scout_cjson_text_buf(scout_buf *b);

/* A number, printed to the bytes cJSON_CreateNumber would print (integers
 * with "%d", others with "%1.15g"): round a ratio before passing it. */
cJSON *scout_cjson_number(double value);

/* obj when ok, else deletes obj and returns NULL. */
cJSON *scout_cjson_finish(cJSON *obj, bool ok);

/* Prints doc (indented, as cJSON_Print) and a newline to out, flushes, and
 * deletes doc. A NULL doc is an out-of-memory failure. Returns 0, or
 * SCOUT_EIO with "out of memory while building <what>" or "could not write
 * <what>" in scout_error_last(). */
int scout_cjson_write(FILE *out, cJSON *doc, const char *what);

#endif
