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
 *   info                    a finding that does not hold: it assumes a module
 *                           the recommended build leaves interpreted
 * content.body: "if compiled with <paths>" for a finding that assumes modules
 * (docs/report-schema.md "assumes"), then "fix: <fix>", one per line.
 * categories (Code Climate's list): blocker Compatibility, non-native and
 * slow Performance, behaviour Bug Risk.
 *
 * A module of verdict unknown (the bundled grammar cannot parse it all, and
 * nothing blocks it) gets one more issue, after its findings: check_name
 * "grammar-gap", severity info, category Compatibility, at the line the
 * grammar fails on, fingerprinted over check name and path.
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
#include "assumes.h"
#include "cjson_util.h"
#include "paths.h"
#include "escape.h"
#include "scout/fingerprint.h"
#include "scout/syntax.h"

#include <stdio.h>

static const char *severity_of(const scout_finding *f)
{
	scout_category c = f->category;
	static const char *const severities[SCOUT_CATEGORY_COUNT] = {
	    [SCOUT_BLOCKER] = "critical", [SCOUT_NON_NATIVE] = "major", [SCOUT_BEHAVIOUR] = "major",
	    [SCOUT_SLOW] = "minor",       [SCOUT_INFO] = "info",
	};

	if (!scout_finding_holds(f))
		return "info";
	return c < SCOUT_CATEGORY_COUNT ? severities[c] : "info";
}

static const char *code_climate_category(scout_category c)
{
	static const char *const categories[SCOUT_CATEGORY_COUNT] = {
	    [SCOUT_BLOCKER] = "Compatibility", [SCOUT_NON_NATIVE] = "Performance",
	    [SCOUT_BEHAVIOUR] = "Bug Risk",    [SCOUT_SLOW] = "Performance",
	    [SCOUT_INFO] = "Compatibility",
	};

	return c < SCOUT_CATEGORY_COUNT ? categories[c] : "Compatibility";
}

static cJSON *location_json(const scout_scan *scan, const scout_module *m, const scout_finding *f)
{
	char *path = scout_report_repo_path(scan, m->path);
	cJSON *o = cJSON_CreateObject(), *lines = cJSON_CreateObject();
	uint32_t begin = f->line ? f->line : 1;
	bool ok = o && lines;

	ok = scout_cjson_put(lines, "begin", scout_cjson_number(begin)) && ok;
	if (f->end_line >= begin)
		ok = scout_cjson_put(lines, "end", scout_cjson_number(f->end_line)) && ok;
	ok = scout_cjson_put(o, "path", scout_cjson_text(path)) && ok;
	ok = scout_cjson_put(o, "lines", lines) && ok;
	free(path);
	return scout_cjson_finish(o, ok);
}

static cJSON *issue_json(const scout_scan *scan, const scout_module *m, const scout_finding *f)
{
	char fallback[SCOUT_FINGERPRINT_LEN];
	const char *parts[] = {f->rule, m->path, f->message};
	cJSON *o = cJSON_CreateObject(), *categories = cJSON_CreateArray();
	bool ok = o && categories;

	if (!f->fingerprint[0])
		scout_fingerprint(fallback, parts, 3);
	ok = scout_cjson_put(categories, NULL,
	                     scout_cjson_text(code_climate_category(f->category))) &&
	     ok;
	ok = ok && scout_cjson_put(o, "type", scout_cjson_text("issue"));
	ok = ok && scout_cjson_put(o, "check_name", scout_cjson_text(f->rule));
	ok = ok && scout_cjson_put(o, "description", scout_cjson_text(f->message));
	if ((f->fix && *f->fix) || f->nassumes) {
		scout_buf body = {0};
		cJSON *content = cJSON_CreateObject();

		scout_report_assumes(&body, f, scout_escape_utf8);
		if (f->fix && *f->fix) {
			scout_buf_puts(&body, f->nassumes ? "\nfix: " : "fix: ");
			scout_escape_utf8(&body, f->fix);
		}
		ok = scout_cjson_put(content, "body", scout_cjson_text_buf(&body)) && ok;
		ok = scout_cjson_put(o, "content", content) && ok;
	}
	ok = scout_cjson_put(o, "categories", categories) && ok;
	ok = ok && scout_cjson_put(o, "severity", scout_cjson_text(severity_of(f)));
	ok = ok && scout_cjson_put(o, "fingerprint",
	                           scout_cjson_text(f->fingerprint[0] ? f->fingerprint : fallback));
	ok = ok && scout_cjson_put(o, "location", location_json(scan, m, f));
	return scout_cjson_finish(o, ok);
}

static cJSON *unknown_issue_json(const scout_scan *scan, const scout_module *m)
{
	char *path = scout_report_repo_path(scan, m->path);
	char fingerprint[SCOUT_FINGERPRINT_LEN], message[200];
	const char *parts[] = {"grammar-gap", m->path};
	cJSON *o = cJSON_CreateObject(), *categories = cJSON_CreateArray();
	cJSON *location = cJSON_CreateObject(), *lines = cJSON_CreateObject();
	bool ok = o && categories && location && lines;

	scout_fingerprint(fingerprint, parts, 2);
	snprintf(message, sizeof(message),
	         "verdict unknown: the bundled grammar (%s) cannot parse line %u; it may be valid "
	         "newer Python",
	         SCOUT_PYTHON_GRAMMAR, (unsigned)m->grammar_gap_line);
	ok = scout_cjson_put(categories, NULL, scout_cjson_text("Compatibility")) && ok;
	ok = scout_cjson_put(lines, "begin", scout_cjson_number(m->grammar_gap_line)) && ok;
	ok = scout_cjson_put(location, "path", scout_cjson_text(path)) && ok;
	free(path);
	ok = scout_cjson_put(location, "lines", lines) && ok;
	ok = ok && scout_cjson_put(o, "type", scout_cjson_text("issue"));
	ok = ok && scout_cjson_put(o, "check_name", scout_cjson_text("grammar-gap"));
	ok = ok && scout_cjson_put(o, "description", scout_cjson_text(message));
	ok = scout_cjson_put(o, "categories", categories) && ok;
	ok = ok && scout_cjson_put(o, "severity", scout_cjson_text("info"));
	ok = ok && scout_cjson_put(o, "fingerprint", scout_cjson_text(fingerprint));
	ok = scout_cjson_put(o, "location", location) && ok;
	return scout_cjson_finish(o, ok);
}

/* The report: one issue per finding, in report order, and one per module of
 * verdict unknown after its findings. */
static cJSON *issues_json(const scout_scan *scan)
{
	cJSON *doc = cJSON_CreateArray();
	bool ok = doc != NULL;

	for (size_t i = 0; ok && i < scan->nmodules; i++) {
		for (size_t j = 0; ok && j < scan->modules[i].nfindings; j++)
			ok = scout_cjson_put(
			    doc, NULL,
			    issue_json(scan, &scan->modules[i], &scan->modules[i].findings[j]));
		if (ok && scan->modules[i].verdict == SCOUT_UNKNOWN)
			ok =
			    scout_cjson_put(doc, NULL, unknown_issue_json(scan, &scan->modules[i]));
	}
	return scout_cjson_finish(doc, ok);
}

static int gitlab_write(FILE *out, const scout_scan *scan, const scout_report_opts *opts)
{
	return scout_cjson_write(out, issues_json(scan), "the GitLab Code Quality report");
}

const scout_reporter scout_reporter_gitlab = {
    .name = "gitlab",
    .write = gitlab_write,
};
