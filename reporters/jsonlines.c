/* --format json-lines: one JSON object per finding, one per line, in report
 * order (path, line, column, rule), for piping into jq, grep or a database:
 *
 *   {"path":..,"module":..,"rule":..,"category":..,"line":..,"column":..,
 *    "end_line":..,"end_column":..,"message":..,"fix":..,"fingerprint":..
 *    [,"assumes":[..],"holds":..]}
 *
 * The fields mean what they mean in the JSON report's findings
 * (docs/report-schema.md), written by the same code (scout_json_put_finding),
 * plus the module's path and name. Nothing else is written: no header, no
 * summary, no diagnostics; an empty scan is empty output. Strings pass
 * scout_escape_utf8, then cJSON, which writes newlines and other controls
 * inside strings as escapes, so a record stays one line. */
#include "reporter.h"
#include "json.h"
#include "output.h"

/* The record of one finding (owned by caller), or NULL out of memory. */
static cJSON *record(const scout_module *m, const scout_finding *f)
{
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	ok = ok && scout_cjson_put(o, "path", scout_cjson_text_ref(m->path));
	ok = ok && scout_cjson_put(o, "module", scout_cjson_text_ref(m->module));
	ok = ok && scout_json_put_finding(o, f);
	return scout_cjson_finish(o, ok);
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
	if (error) {
		scout_buf_free(&b);
		return SCOUT_EIO;
	}
	return scout_output_write(out, &b, "the JSON lines");
}

const scout_reporter scout_reporter_jsonlines = {
    .name = "json-lines",
    .write = jsonlines_write,
};
