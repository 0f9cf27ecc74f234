/* cJSON building blocks shared by the JSON-producing formats (cjson_util.h). */
#include "cjson_util.h"

#include <limits.h>
#include <stdlib.h>

#include "escape.h"

bool scout_cjson_put(cJSON *obj, const char *key, cJSON *item)
{
	bool ok;

	if (!item)
		return false;
	ok = key ? cJSON_AddItemToObjectCS(obj, key, item) : cJSON_AddItemToArray(obj, item);
	if (!ok)
		cJSON_Delete(item);
	return ok;
}

cJSON *scout_cjson_text(const char *s)
{
	char *valid;
	cJSON *item;

	if (scout_utf8_is_valid(s))
		return cJSON_CreateString(s ? s : "");
	valid = scout_escape_utf8_dup(s);
	item = cJSON_CreateString(valid);
	free(valid);
	return item;
}

cJSON *scout_cjson_text_ref(const char *s)
{
	return s && scout_utf8_is_valid(s) ? cJSON_CreateStringReference(s) : scout_cjson_text(s);
}

cJSON *scout_cjson_text_buf(scout_buf *b)
{
	cJSON *item = cJSON_CreateString(b->data ? b->data : "");

	scout_buf_free(b);
	return item;
}

/* cJSON prints a number equal to its int value with "%d" and others with
 * "%1.15g" (or "%1.17g"). The integers, most of a report's numbers, are
 * written here to the same bytes without printf and added raw. */
cJSON *scout_cjson_number(double value)
{
	char digits[16], *p = digits + sizeof(digits);
	long long v;

	if (!(value >= INT_MIN && value <= INT_MAX) || value != (double)(int)value)
		return cJSON_CreateNumber(value);
	v = (int)value;
	*--p = '\0';
	for (long long u = v < 0 ? -v : v; p == digits + sizeof(digits) - 1 || u; u /= 10)
		*--p = (char)('0' + u % 10);
	if (v < 0)
		*--p = '-';
	return cJSON_CreateRaw(p);
}

cJSON *scout_cjson_finish(cJSON *obj, bool ok)
{
	if (ok)
		return obj;
	cJSON_Delete(obj);
	return NULL;
}

int scout_cjson_write(FILE *out, cJSON *doc, const char *what)
{
	char *printed = NULL;
	int error = SCOUT_EIO;

	if (!doc || !(printed = cJSON_Print(doc))) {
		scout_error_set("out of memory while building %s", what);
		goto cleanup;
	}
	if (fputs(printed, out) == EOF || fputc('\n', out) == EOF || fflush(out) == EOF) {
		scout_error_set("could not write %s", what);
		goto cleanup;
	}
	error = SCOUT_OK;
cleanup:
	cJSON_free(printed);
	cJSON_Delete(doc);
	return error;
}
