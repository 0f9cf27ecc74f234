/* `verify --format sarif`: what the real mypyc did, in the scan's SARIF run.
 * Results (level error unless said):
 *   mypyc-verify/missed-blocker   predicted ready, mypyc refused it
 *   mypyc-verify/refused          predicted blocked, and mypyc refused it
 *   mypyc-verify/type-errors      mypy type errors stopped it (warning)
 *   mypyc-verify/environment      the build environment failed (note): a
 *                                 module's, or the build's (no location)
 *   mypyc-verify/false-blocker    predicted blocked, it compiled (warning)
 *   mypyc-verify/import           a compiled module does not import
 *   mypyc-verify/test-failure     a test failure tied to a compiled module
 *   mypyc-verify/stopped          the verification stopped (no location)
 * each on the module's line mypyc (or the traceback) named, with the
 * message and properties {outcome, mypycVersion}; run.properties
 * "mypyc-scout/verification": compiler, version, date, status, verified,
 * agreement. */
#include "verify_report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"

#define SRCROOT "%SRCROOT%"

typedef struct sink {
	cJSON *results, *rules;
	const scout_scan *scan;
	const scout_verification *v;
	bool ok;
} sink;

static const struct {
	const char *id, *text;
} descriptors[] = {
    {"mypyc-verify/missed-blocker", "mypyc refused a module the scan predicted ready"},
    {"mypyc-verify/refused", "mypyc refused a module, as the scan predicted"},
    {"mypyc-verify/type-errors", "mypy type errors stop mypyc on this module"},
    {"mypyc-verify/environment", "the build environment failed, no module's fault"},
    {"mypyc-verify/false-blocker", "predicted blocked, but mypyc compiled it"},
    {"mypyc-verify/import", "the compiled module does not import"},
    {"mypyc-verify/test-failure", "a test fails against the compiled module"},
    {"mypyc-verify/stopped", "the verification stopped before it was done"},
};

/* The descriptor's index in tool.driver.rules, adding it on first use. */
static int rule_index(sink *s, const char *id)
{
	int n = cJSON_GetArraySize(s->rules);
	cJSON *o;

	for (int i = 0; i < n; i++) {
		cJSON *r = cJSON_GetArrayItem(s->rules, i);

		if (strcmp(cJSON_GetObjectItem(r, "id")->valuestring, id) == 0)
			return i;
	}
	o = cJSON_CreateObject();
	s->ok = s->ok && scout_cjson_put(o, "id", scout_cjson_text(id));
	for (size_t k = 0; k < sizeof(descriptors) / sizeof(descriptors[0]); k++)
		if (strcmp(descriptors[k].id, id) == 0) {
			cJSON *d = cJSON_CreateObject();

			s->ok = s->ok &&
			        scout_cjson_put(d, "text", scout_cjson_text(descriptors[k].text));
			s->ok = s->ok && scout_cjson_put(o, "shortDescription", d);
		}
	s->ok = s->ok && scout_cjson_put(s->rules, NULL, o);
	return n;
}

static cJSON *location(const scout_scan *scan, const char *path, uint32_t line)
{
	cJSON *list = cJSON_CreateArray(), *loc = cJSON_CreateObject(),
	      *phys = cJSON_CreateObject(), *art = cJSON_CreateObject();
	scout_buf uri = {0};
	bool ok = list && loc && phys && art;

	scout_escape_uri_path(&uri, scan->repo_prefix ? scan->repo_prefix : "");
	scout_escape_uri_path(&uri, path);
	ok = ok && scout_cjson_put(art, "uri", scout_cjson_text_buf(&uri));
	ok = ok && scout_cjson_put(art, "uriBaseId", scout_cjson_text(SRCROOT));
	ok = ok && scout_cjson_put(phys, "artifactLocation", art);
	if (ok && line) {
		cJSON *reg = cJSON_CreateObject();

		ok = scout_cjson_put(reg, "startLine", scout_cjson_number(line));
		ok = scout_cjson_put(phys, "region", reg) && ok;
	}
	ok = ok && scout_cjson_put(loc, "physicalLocation", phys);
	ok = ok && scout_cjson_put(list, NULL, loc);
	scout_buf_free(&uri);
	return scout_cjson_finish(list, ok);
}

/* One result; `module` SIZE_MAX for none (no location). */
static void add(sink *s, const char *id, const char *level, size_t module, uint32_t line,
                const char *text, const char *outcome)
{
	cJSON *o = cJSON_CreateObject(), *msg = cJSON_CreateObject(), *props = cJSON_CreateObject();
	scout_buf b = {0};
	bool ok = o && msg && props;
	int index = rule_index(s, id);

	scout_escape_utf8(&b, text);
	ok = ok && scout_cjson_put(o, "ruleId", scout_cjson_text(id));
	ok = ok && scout_cjson_put(o, "ruleIndex", scout_cjson_number(index));
	ok = ok && scout_cjson_put(o, "level", scout_cjson_text(level));
	ok = ok && scout_cjson_put(msg, "text", scout_cjson_text_buf(&b));
	ok = ok && scout_cjson_put(o, "message", msg);
	if (module != SIZE_MAX)
		ok = ok && scout_cjson_put(o, "locations",
		                           location(s->scan, s->scan->modules[module].path, line));
	ok = ok && scout_cjson_put(props, "outcome", scout_cjson_text(outcome));
	ok = ok && scout_cjson_put(props, "mypycVersion", scout_cjson_text(s->v->version));
	ok = ok && scout_cjson_put(o, "properties", props);
	s->ok = s->ok && scout_cjson_put(s->results, NULL, scout_cjson_finish(o, ok));
	scout_buf_free(&b);
}

static void add_module(sink *s, const scout_verify_module *m)
{
	const scout_verification *v = s->v;
	const char *outcome = scout_verify_outcome_name(m->outcome);

	if (m->err_round != SIZE_MAX && m->outcome != SCOUT_VOUT_TIED) {
		const scout_verify_error *e = &v->rounds[m->err_round].errors[m->err_index];
		char *text = scout_asprintf("mypyc %s: %s error: %s%s%s", v->version,
		                            scout_verify_kind_name(e->kind), e->message,
		                            m->rule ? "\nrule that should have caught it: " : "",
		                            m->rule ? m->rule : "");

		add(s,
		    m->outcome == SCOUT_VOUT_MISSED       ? "mypyc-verify/missed-blocker"
		    : m->outcome == SCOUT_VOUT_TYPE_FIXES ? "mypyc-verify/type-errors"
		    : m->outcome == SCOUT_VOUT_ENV        ? "mypyc-verify/environment"
		                                          : "mypyc-verify/refused",
		    m->outcome == SCOUT_VOUT_TYPE_FIXES ? "warning"
		    : m->outcome == SCOUT_VOUT_ENV      ? "note"
		                                        : "error",
		    m->module, e->line, text, outcome);
		free(text);
	} else if (m->outcome == SCOUT_VOUT_FALSE) {
		add(s, "mypyc-verify/false-blocker", "warning", m->module, 0,
		    "predicted blocked, but mypyc compiled it", outcome);
	}
	if (m->imported == SCOUT_VIMP_FAILED || m->imported == SCOUT_VIMP_NOT_NATIVE) {
		char *text = scout_asprintf(
		    "compiled by mypyc %s, but importing it %s: %s", v->version,
		    m->imported == SCOUT_VIMP_FAILED ? "fails" : "loads the .py file",
		    m->import_error ? m->import_error : "?");

		add(s, "mypyc-verify/import", "error", m->module, 0, text, outcome);
		free(text);
	}
}

static cJSON *summary(const scout_verification *v)
{
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	ok = ok && scout_cjson_put(o, "compiler", scout_cjson_text(v->compiler));
	ok = ok && scout_cjson_put(o, "version", scout_cjson_text(v->version));
	ok = ok && scout_cjson_put(o, "date", scout_cjson_text(v->date ? v->date : ""));
	ok = ok &&
	     scout_cjson_put(o, "status", scout_cjson_text(scout_verify_status_name(v->status)));
	ok = ok && scout_cjson_put(o, "verified", scout_cjson_number((double)v->nverified));
	ok = ok && scout_cjson_put(o, "modules", scout_cjson_number((double)v->nmodules));
	ok = ok && scout_cjson_put(o, "agreement",
	                           v->agreement < 0
	                               ? cJSON_CreateNull()
	                               : scout_cjson_number(round(v->agreement * 10000) / 10000));
	return scout_cjson_finish(o, ok);
}

bool scout_sarif_verification(cJSON *run, const scout_scan *scan, const scout_verification *v)
{
	cJSON *driver = cJSON_GetObjectItem(cJSON_GetObjectItem(run, "tool"), "driver");
	cJSON *props = cJSON_CreateObject();
	sink s = {.results = cJSON_GetObjectItem(run, "results"),
	          .rules = cJSON_GetObjectItem(driver, "rules"),
	          .scan = scan,
	          .v = v,
	          .ok = props != NULL};

	if (!s.results || !s.rules)
		return false;
	for (size_t i = 0; i < v->nmodules; i++)
		add_module(&s, &v->modules[i]);
	if (v->status == SCOUT_VERIFY_ENVIRONMENT || v->status == SCOUT_VERIFY_STOPPED)
		add(&s,
		    v->status == SCOUT_VERIFY_ENVIRONMENT ? "mypyc-verify/environment"
		                                          : "mypyc-verify/stopped",
		    v->status == SCOUT_VERIFY_ENVIRONMENT ? "note" : "error", SIZE_MAX, 0,
		    v->stop_reason ? v->stop_reason : "stopped",
		    scout_verify_status_name(v->status));
	for (size_t i = 0; i < v->test.nfailures; i++) {
		const scout_verify_test_failure *f = &v->test.failures[i];
		char *text;

		if (f->interpreted_too) /* not the build's doing: the baseline raised it */
			continue;
		text = scout_asprintf("fails against the build compiled by mypyc %s (%s): %s",
		                      v->version, v->test.command, f->message);
		add(&s, "mypyc-verify/test-failure", "error", f->module, f->line, text,
		    "test-failure");
		free(text);
	}
	s.ok = s.ok && scout_cjson_put(props, "mypyc-scout/verification", summary(v));
	s.ok = s.ok && scout_cjson_put(run, "properties", props);
	return s.ok;
}
