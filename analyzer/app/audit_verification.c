/* `audit --verification FILE`: the JSON report of `verify --format json`
 * read back into the audit's "Verified with mypyc X.Y on DATE" section.
 * Only the `verification` section is read; a file without one is refused. */
#include "audit_verification.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "scout/source.h"

static char *text_of(const cJSON *o, const char *key)
{
	const char *s = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, key));

	return s ? scout_strdup(s) : NULL;
}

static size_t count_of(const cJSON *o, const char *key)
{
	const cJSON *n = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsNumber(n) && n->valuedouble > 0 ? (size_t)n->valuedouble : 0;
}

static void read_modules(scout_audit_verified *v, const cJSON *modules)
{
	const cJSON *m;
	size_t cap = 0;

	cJSON_ArrayForEach(m, modules)
	{
		const cJSON *error = cJSON_GetObjectItemCaseSensitive(m, "error");
		char *outcome = text_of(m, "outcome");
		scout_audit_verified_row row;

		if (!outcome || strcmp(outcome, "confirmed") == 0) {
			free(outcome);
			continue;
		}
		row.path = text_of(m, "path");
		row.outcome = outcome;
		row.message = cJSON_IsObject(error) ? text_of(error, "message") : NULL;
		if (!row.path)
			row.path = scout_strdup("?");
		SCOUT_PUSH(v->rows, v->nrows, cap, row);
	}
}

static void read_verified(scout_audit_verified *v, const cJSON *list)
{
	const cJSON *p;
	size_t cap = 0, n = 0;

	cJSON_ArrayForEach(p, list)
	{
		if (cJSON_IsString(p))
			SCOUT_PUSH(v->verified, n, cap, scout_strdup(p->valuestring));
	}
	v->nverified = n;
}

static void read_test(scout_audit_verified *v, const cJSON *test)
{
	const cJSON *exit_status = cJSON_GetObjectItemCaseSensitive(test, "exit_status");

	if (!cJSON_IsObject(test))
		return;
	v->test_command = text_of(test, "command");
	v->test_exit = cJSON_IsNumber(exit_status) ? exit_status->valueint : -1;
	v->test_failures =
	    (size_t)cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(test, "failures"));
}

int scout_audit_verification_read(scout_audit_verified **out, const char *path)
{
	scout_source src;
	scout_load_error err;
	cJSON *doc, *ver, *counts, *agreement, *compiler;
	scout_audit_verified *v;

	*out = NULL;
	if (scout_source_load(&src, path, &err) < 0)
		return scout_error_set("--verification: cannot read '%s': %s", path, err.message);
	doc = cJSON_ParseWithLength(src.data, src.len);
	scout_source_free(&src);
	ver = cJSON_GetObjectItemCaseSensitive(doc, "verification");
	compiler = cJSON_GetObjectItemCaseSensitive(ver, "compiler");
	if (!cJSON_IsObject(ver) ||
	    !cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(compiler, "version"))) {
		cJSON_Delete(doc);
		return scout_error_set(
		    "--verification: '%s' is not the JSON report of 'mypyc-scout "
		    "verify --format json' (no \"verification\" section)",
		    path);
	}
	v = scout_calloc(1, sizeof(*v));
	v->version = text_of(compiler, "version");
	v->date = text_of(ver, "date");
	v->status = text_of(ver, "status");
	v->set = text_of(ver, "set");
	v->stop_reason = text_of(ver, "stop_reason");
	counts = cJSON_GetObjectItemCaseSensitive(ver, "counts");
	v->confirmed = count_of(counts, "confirmed");
	v->missed = count_of(counts, "missed-blocker");
	v->false_blockers = count_of(counts, "false-blocker");
	v->environment = count_of(counts, "environment");
	v->nmodules = (size_t)cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(ver, "modules"));
	agreement = cJSON_GetObjectItemCaseSensitive(ver, "agreement");
	v->agreement = cJSON_IsNumber(agreement) ? agreement->valuedouble : -1;
	v->imported = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(ver, "imported"));
	v->import_failures = count_of(ver, "import_failures");
	read_verified(v, cJSON_GetObjectItemCaseSensitive(ver, "verified"));
	read_modules(v, cJSON_GetObjectItemCaseSensitive(ver, "modules"));
	read_test(v, cJSON_GetObjectItemCaseSensitive(ver, "test"));
	if (!v->date)
		v->date = scout_strdup("an unrecorded date");
	if (!v->status)
		v->status = scout_strdup("?");
	cJSON_Delete(doc);
	*out = v;
	return 0;
}
