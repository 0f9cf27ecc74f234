/* --format gitlab: a GitLab Code Quality report (the Code Climate issue
 * format GitLab reads from `artifacts:reports:codequality`): a JSON array with
 * one object per finding, in report order:
 *
 *   {"type": "issue", "check_name": <rule id>, "description": <message>,
 *    "content": {"body": "fix: <fix>"}, "categories": [...],
 *    "severity": ..., "fingerprint": ...,
 *    "location": {"path": <path>, "lines": {"begin": L, "end": E}}}
 *
 * severity on GitLab's scale (info, minor, major, critical, blocker):
 *   blocker -> critical     mypyc rejects the module (GitLab's own "blocker"
 *                           is left for problems that break the pipeline)
 *   non-native -> major     a class silently stays a slow Python class
 *   behaviour -> major      compiled code behaves differently
 *   slow -> minor           compiles, with little gain
 * categories (Code Climate's list): blocker Compatibility, non-native and
 * slow Performance, behaviour Bug Risk.
 *
 * fingerprint: the finding's fingerprint, as in the JSON report, baselines and
 * SARIF (see reporters/sarif.c): 16 hex digits of a SHA-1 over the rule id,
 * the path, the enclosing def/class and the normalised source line, with
 * "-2", "-3" for repeats in one module, so it is unique in the report and
 * stays the same when unrelated lines move (GitLab compares the merge
 * request's report with the target branch's by it). A finding with no
 * fingerprint yet gets the SHA-1 of rule id, path and message.
 *
 * Strings from the scanned repository pass scout_escape_utf8, then cJSON. */
#include "reporter.h"
#include "escape.h"
#include "scout/fingerprint.h"

#include <cjson/cJSON.h>
#include <stdlib.h>

/* Adds item to obj under key (to the array obj when key is NULL). Takes item
 * in every case: deleted when it could not be added. False on failure. */
static bool put(cJSON *obj, const char *key, cJSON *item)
{
	bool ok;

	if (!item)
		return false;
	ok = key ? cJSON_AddItemToObject(obj, key, item) : cJSON_AddItemToArray(obj, item);
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

static cJSON *finish(cJSON *obj, bool ok)
{
	if (ok)
		return obj;
	cJSON_Delete(obj);
	return NULL;
}

static const char *severity_of(scout_category c)
{
	static const char *const severities[SCOUT_CATEGORY_COUNT] = {
	    [SCOUT_BLOCKER] = "critical",
	    [SCOUT_NON_NATIVE] = "major",
	    [SCOUT_BEHAVIOUR] = "major",
	    [SCOUT_SLOW] = "minor",
	};

	return c < SCOUT_CATEGORY_COUNT ? severities[c] : "info";
}

static const char *code_climate_category(scout_category c)
{
	static const char *const categories[SCOUT_CATEGORY_COUNT] = {
	    [SCOUT_BLOCKER] = "Compatibility",
	    [SCOUT_NON_NATIVE] = "Performance",
	    [SCOUT_BEHAVIOUR] = "Bug Risk",
	    [SCOUT_SLOW] = "Performance",
	};

	return c < SCOUT_CATEGORY_COUNT ? categories[c] : "Compatibility";
}

static cJSON *location_json(const scout_module *m, const scout_finding *f)
{
	cJSON *o = cJSON_CreateObject(), *lines = cJSON_CreateObject();
	uint32_t begin = f->line ? f->line : 1;
	bool ok = o && lines;

	ok = put(lines, "begin", cJSON_CreateNumber(begin)) && ok;
	if (f->end_line >= begin)
		ok = put(lines, "end", cJSON_CreateNumber(f->end_line)) && ok;
	ok = put(o, "path", text(m->path)) && ok;
	ok = put(o, "lines", lines) && ok;
	return finish(o, ok);
}

static cJSON *issue_json(const scout_module *m, const scout_finding *f)
{
	char fallback[SCOUT_FINGERPRINT_LEN];
	const char *parts[] = {f->rule, m->path, f->message};
	cJSON *o = cJSON_CreateObject(), *categories = cJSON_CreateArray();
	bool ok = o && categories;

	if (!f->fingerprint[0])
		scout_fingerprint(fallback, parts, 3);
	ok = put(categories, NULL, text(code_climate_category(f->category))) && ok;
	ok = ok && put(o, "type", text("issue"));
	ok = ok && put(o, "check_name", text(f->rule));
	ok = ok && put(o, "description", text(f->message));
	if (f->fix && *f->fix) {
		scout_buf body = {0};
		cJSON *content = cJSON_CreateObject();

		scout_buf_puts(&body, "fix: ");
		scout_escape_utf8(&body, f->fix);
		ok = put(content, "body", cJSON_CreateString(body.data)) && ok;
		ok = put(o, "content", content) && ok;
		scout_buf_free(&body);
	}
	ok = put(o, "categories", categories) && ok;
	ok = ok && put(o, "severity", text(severity_of(f->category)));
	ok = ok && put(o, "fingerprint", text(f->fingerprint[0] ? f->fingerprint : fallback));
	ok = ok && put(o, "location", location_json(m, f));
	return finish(o, ok);
}

static int gitlab_write(FILE *out, const scout_scan *scan, const scout_report_opts *opts)
{
	cJSON *doc = cJSON_CreateArray();
	char *printed = NULL;
	bool ok = doc != NULL;
	int error = SCOUT_EIO;

	for (size_t i = 0; ok && i < scan->nmodules; i++)
		for (size_t j = 0; ok && j < scan->modules[i].nfindings; j++)
			ok = put(doc, NULL,
			         issue_json(&scan->modules[i], &scan->modules[i].findings[j]));
	if (!ok || !(printed = cJSON_Print(doc))) {
		scout_error_set("out of memory while building the GitLab Code Quality report");
		goto cleanup;
	}
	if (fputs(printed, out) == EOF || fputc('\n', out) == EOF || fflush(out) == EOF) {
		scout_error_set("could not write the GitLab Code Quality report");
		goto cleanup;
	}
	error = SCOUT_OK;
cleanup:
	cJSON_free(printed);
	cJSON_Delete(doc);
	return error;
}

const scout_reporter scout_reporter_gitlab = {
    .name = "gitlab",
    .write = gitlab_write,
};
