/* --format json-lines: one JSON object per finding, one per line, in report
 * order (path, line, column, rule), for piping into jq, grep or a database:
 *
 *   {"path":..,"module":..,"rule":..,"category":..,"line":..,"column":..,
 *    "end_line":..,"end_column":..,"message":..,"fix":..,"fingerprint":..}
 *
 * The fields mean what they mean in the JSON report's findings
 * (REPORT-SCHEMA.md), plus the module's path and name. Nothing else is
 * written: no header, no summary, no diagnostics; an empty scan is empty
 * output. Strings pass scout_escape_utf8, then cJSON, which writes newlines
 * and other controls inside strings as escapes, so a record stays one line. */
#include "reporter.h"
#include "escape.h"

#include <cjson/cJSON.h>
#include <stdlib.h>

static bool put(cJSON *obj, const char *key, cJSON *item)
{
	bool ok;

	if (!item)
		return false;
	ok = cJSON_AddItemToObject(obj, key, item);
	if (!ok)
		cJSON_Delete(item);
	return ok;
}

/* A JSON string of s made valid UTF-8 (NULL is ""). Owned by caller. */
static cJSON *text(const char *s)
{
	char *valid = scout_escape_utf8_dup(s);
	cJSON *item = cJSON_CreateString(valid);

	free(valid);
	return item;
}

static cJSON *number(uint32_t value)
{
	return cJSON_CreateNumber(value);
}

/* The record of one finding (owned by caller), or NULL out of memory. */
static cJSON *record(const scout_module *m, const scout_finding *f)
{
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	ok = ok && put(o, "path", text(m->path));
	ok = ok && put(o, "module", text(m->module));
	ok = ok && put(o, "rule", text(f->rule));
	ok = ok && put(o, "category", text(scout_category_name(f->category)));
	ok = ok && put(o, "line", number(f->line));
	ok = ok && put(o, "column", number(f->column));
	ok = ok && put(o, "end_line", number(f->end_line));
	ok = ok && put(o, "end_column", number(f->end_column));
	ok = ok && put(o, "message", text(f->message));
	ok = ok && put(o, "fix", text(f->fix));
	ok = ok && put(o, "fingerprint", text(f->fingerprint));
	if (ok)
		return o;
	cJSON_Delete(o);
	return NULL;
}

static int jsonlines_write(FILE *out, const scout_scan *scan, const scout_report_opts *opts)
{
	scout_buf b = {0};
	int error = SCOUT_OK;

	scout_buf_put(&b, "", 0);
	for (size_t i = 0; !error && i < scan->nmodules; i++) {
		const scout_module *m = &scan->modules[i];

		for (size_t j = 0; !error && j < m->nfindings; j++) {
			cJSON *o = record(m, &m->findings[j]);
			char *line = o ? cJSON_PrintUnformatted(o) : NULL;

			if (line) {
				scout_buf_puts(&b, line);
				scout_buf_putc(&b, '\n');
			} else {
				error = scout_error_set("out of memory while building a JSON line");
			}
			cJSON_free(line);
			cJSON_Delete(o);
		}
	}
	if (!error && (fwrite(b.data, 1, b.len, out) != b.len || fflush(out) == EOF))
		error = scout_error_set("could not write the JSON lines");
	scout_buf_free(&b);
	return error ? SCOUT_EIO : SCOUT_OK;
}

const scout_reporter scout_reporter_jsonlines = {
    .name = "json-lines",
    .write = jsonlines_write,
};
