/* Baseline files: {"schema_version": 1, "findings": [{"fingerprint", "rule",
 * "path", "line", "message"}]} — the line and message are for readers; only
 * the fingerprint is matched. */
#include "scout/baseline.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scout/source.h"

static cJSON *entry(const scout_module *m, const scout_finding *f)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "fingerprint", f->fingerprint);
	cJSON_AddStringToObject(o, "rule", f->rule);
	cJSON_AddStringToObject(o, "path", m->path);
	cJSON_AddNumberToObject(o, "line", f->line);
	cJSON_AddStringToObject(o, "message", f->message);
	return o;
}

int scout_baseline_write(const scout_scan *scan, const char *path)
{
	cJSON *doc = cJSON_CreateObject(), *list = cJSON_AddArrayToObject(doc, "findings");
	char *text;
	FILE *f;
	int error = 0;

	cJSON_AddNumberToObject(doc, "schema_version", 1);
	for (size_t i = 0; i < scan->nmodules; i++)
		for (size_t j = 0; j < scan->modules[i].nfindings; j++)
			cJSON_AddItemToArray(
			    list, entry(&scan->modules[i], &scan->modules[i].findings[j]));
	text = cJSON_Print(doc);
	cJSON_Delete(doc);
	if (!text || !(f = fopen(path, "w"))) {
		free(text);
		scout_error_set("cannot write the baseline '%s'", path);
		return SCOUT_EIO;
	}
	if (fputs(text, f) == EOF || fputc('\n', f) == EOF)
		error = SCOUT_EIO;
	if (fclose(f) != 0)
		error = SCOUT_EIO;
	free(text);
	if (error)
		scout_error_set("cannot write the baseline '%s'", path);
	return error;
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted fingerprints a baseline file records (owned strings). */
static int load(const char *path, char ***out, size_t *n)
{
	scout_source src;
	scout_load_error err;
	cJSON *doc, *list, *item;
	size_t cap = 0;

	*out = NULL;
	*n = 0;
	if (scout_source_load(&src, path, &err) < 0)
		return scout_error_set("cannot read the baseline '%s': %s", path, err.message);
	doc = cJSON_ParseWithLength(src.data, src.len);
	scout_source_free(&src);
	list = cJSON_GetObjectItemCaseSensitive(doc, "findings");
	if (!cJSON_IsArray(list)) {
		cJSON_Delete(doc);
		return scout_error_set("'%s' is not a mypyc-scout baseline (no \"findings\" list)",
		                       path);
	}
	cJSON_ArrayForEach(item, list)
	{
		const char *fp =
		    cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, "fingerprint"));

		if (fp)
			SCOUT_PUSH(*out, *n, cap, scout_strdup(fp));
	}
	cJSON_Delete(doc);
	if (*n)
		qsort(*out, *n, sizeof(**out), compare_strings);
	return 0;
}

int scout_baseline_apply(scout_scan *scan, const char *path, size_t *hidden)
{
	char **known;
	size_t n;

	*hidden = 0;
	if (load(path, &known, &n) < 0)
		return SCOUT_ERROR;
	for (size_t i = 0; i < scan->nmodules; i++) {
		scout_module *m = &scan->modules[i];
		size_t kept = 0;

		for (size_t j = 0; j < m->nfindings; j++) {
			const char *fp = m->findings[j].fingerprint;

			if (n && bsearch(&fp, known, n, sizeof(*known), compare_strings)) {
				scout_finding_clear(&m->findings[j]);
				(*hidden)++;
				continue;
			}
			m->findings[kept++] = m->findings[j];
		}
		m->nfindings = kept;
	}
	for (size_t i = 0; i < n; i++)
		free(known[i]);
	free(known);
	return 0;
}
