/* The JSON report's `verification` section: the compiler, every compile
 * with what it said, the verified set, and per module predicted against
 * real (docs/report-schema.md, "verification"). */
#include "verify_report.h"

#include <math.h>

static double round2(double value)
{
	return round(value * 100.0) / 100.0;
}

const char *scout_verify_real_name(const scout_verify_module *m)
{
	return m->compiled ? "compiled" : m->err_round != SIZE_MAX ? "failed" : "not-tried";
}

static cJSON *path_or_null(const scout_scan *scan, size_t module)
{
	return module == SIZE_MAX ? cJSON_CreateNull()
	                          : scout_cjson_text_ref(scan->modules[module].path);
}

static cJSON *paths_json(const scout_scan *scan, const size_t *modules, size_t n)
{
	cJSON *a = cJSON_CreateArray();
	bool ok = a != NULL;

	for (size_t i = 0; ok && i < n; i++)
		ok = scout_cjson_put(a, NULL, scout_cjson_text_ref(scan->modules[modules[i]].path));
	return scout_cjson_finish(a, ok);
}

static cJSON *error_json(const scout_scan *scan, const scout_verify_error *e)
{
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	ok = ok && scout_cjson_put(o, "kind", scout_cjson_text(scout_verify_kind_name(e->kind)));
	ok = ok &&
	     scout_cjson_put(o, "path", e->path ? scout_cjson_text(e->path) : cJSON_CreateNull());
	ok = ok && scout_cjson_put(o, "module",
	                           e->module == SIZE_MAX
	                               ? cJSON_CreateNull()
	                               : scout_cjson_text_ref(scan->modules[e->module].module));
	ok = ok && scout_cjson_put(o, "line", scout_cjson_number(e->line));
	ok = ok && scout_cjson_put(o, "message", scout_cjson_text(e->message));
	ok = ok &&
	     scout_cjson_put(o, "code", e->code ? scout_cjson_text(e->code) : cJSON_CreateNull());
	return scout_cjson_finish(o, ok);
}

static cJSON *strings_json(char *const *items, size_t n)
{
	cJSON *a = cJSON_CreateArray();
	bool ok = a != NULL;

	for (size_t i = 0; ok && i < n; i++)
		ok = scout_cjson_put(a, NULL, scout_cjson_text(items[i]));
	return scout_cjson_finish(a, ok);
}

static cJSON *errors_json(const scout_scan *scan, const scout_verify_round *r)
{
	cJSON *a = cJSON_CreateArray();
	bool ok = a != NULL;

	for (size_t i = 0; ok && i < r->nerrors; i++)
		ok = scout_cjson_put(a, NULL, error_json(scan, &r->errors[i]));
	return scout_cjson_finish(a, ok);
}

static cJSON *round_json(const scout_scan *scan, const scout_verify_round *r)
{
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	ok = ok && scout_cjson_put(o, "modules", paths_json(scan, r->modules, r->nmodules));
	ok = ok && scout_cjson_put(o, "ok", cJSON_CreateBool(r->ok));
	ok = ok && scout_cjson_put(o, "exit_status", scout_cjson_number(r->exit_status));
	ok = ok && scout_cjson_put(o, "signal", scout_cjson_number(r->signal));
	ok = ok && scout_cjson_put(o, "timed_out", cJSON_CreateBool(r->timed_out));
	ok = ok && scout_cjson_put(o, "interrupted", cJSON_CreateBool(r->interrupted));
	ok = ok && scout_cjson_put(o, "seconds", scout_cjson_number(round2(r->seconds)));
	ok = ok && scout_cjson_put(o, "output_bytes", scout_cjson_number((double)r->output_bytes));
	ok =
	    ok && scout_cjson_put(o, "dropped_bytes", scout_cjson_number((double)r->dropped_bytes));
	ok = ok && scout_cjson_put(o, "errors", errors_json(scan, r));
	ok = ok && scout_cjson_put(o, "unparsed", strings_json(r->unparsed, r->nunparsed));
	ok = ok && scout_cjson_put(o, "unparsed_dropped",
	                           scout_cjson_number((double)r->unparsed_dropped));
	ok = ok && scout_cjson_put(o, "removed", paths_json(scan, r->removed, r->nremoved));
	return scout_cjson_finish(o, ok);
}

/* The behaviour findings of a module that failed at run time: [{rule, line}]. */
static cJSON *warned_json(const scout_module *mod)
{
	cJSON *a = cJSON_CreateArray();
	bool ok = a != NULL;

	for (size_t k = 0; ok && k < mod->nfindings; k++) {
		const scout_finding *f = &mod->findings[k];
		cJSON *o;

		if (!scout_verify_warns(f))
			continue;
		o = cJSON_CreateObject();
		ok = o && scout_cjson_put(o, "rule", scout_cjson_text(f->rule));
		ok = ok && scout_cjson_put(o, "line", scout_cjson_number(f->line));
		ok = scout_cjson_put(a, NULL, scout_cjson_finish(o, ok));
	}
	return scout_cjson_finish(a, ok);
}

static cJSON *module_json(const scout_scan *scan, const scout_verification *v,
                          const scout_verify_module *m)
{
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;
	const scout_verify_error *e =
	    m->err_round != SIZE_MAX ? &v->rounds[m->err_round].errors[m->err_index] : NULL;

	ok = ok && scout_cjson_put(o, "path", scout_cjson_text_ref(scan->modules[m->module].path));
	ok = ok &&
	     scout_cjson_put(o, "module", scout_cjson_text_ref(scan->modules[m->module].module));
	ok = ok && scout_cjson_put(o, "predicted",
	                           scout_cjson_text(m->predicted_ready ? "ready" : "blocked"));
	ok = ok && scout_cjson_put(o, "real", scout_cjson_text(scout_verify_real_name(m)));
	ok = ok &&
	     scout_cjson_put(o, "outcome", scout_cjson_text(scout_verify_outcome_name(m->outcome)));
	ok = ok && scout_cjson_put(o, "error", e ? error_json(scan, e) : cJSON_CreateNull());
	ok = ok &&
	     scout_cjson_put(o, "rule", m->rule ? scout_cjson_text(m->rule) : cJSON_CreateNull());
	if (m->rule)
		ok = ok && scout_cjson_put(o, "rule_applies", cJSON_CreateBool(m->rule_active));
	ok = ok && scout_cjson_put(o, "tied_to", path_or_null(scan, m->tied_to));
	if (v->imported) {
		ok = ok && scout_cjson_put(o, "import",
		                           scout_cjson_text(scout_verify_import_name(m->imported)));
		ok = ok && scout_cjson_put(o, "import_error",
		                           m->import_error ? scout_cjson_text(m->import_error)
		                                           : cJSON_CreateNull());
	}
	if (v->test.ran)
		ok = ok && scout_cjson_put(o, "test_failures",
		                           scout_cjson_number((double)m->test_failures));
	if (v->imported || v->test.ran)
		ok = ok && scout_cjson_put(o, "warned",
		                           scout_verify_failed_at_runtime(m)
		                               ? warned_json(&scan->modules[m->module])
		                               : cJSON_CreateNull());
	return scout_cjson_finish(o, ok);
}

static cJSON *counts_json(const scout_verification *v)
{
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	for (int k = 0; ok && k < SCOUT_VOUT_COUNT; k++)
		ok = scout_cjson_put(o, scout_verify_outcome_name((scout_verify_outcome)k),
		                     scout_cjson_number((double)v->counts[k]));
	return scout_cjson_finish(o, ok);
}

static cJSON *compiler_json(const scout_verification *v)
{
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	ok = ok && scout_cjson_put(o, "command", scout_cjson_text(v->compiler));
	ok = ok && scout_cjson_put(o, "version", scout_cjson_text(v->version));
	ok = ok && scout_cjson_put(o, "banner", scout_cjson_text(v->compiler_banner));
	return scout_cjson_finish(o, ok);
}

static cJSON *modules_json(const scout_scan *scan, const scout_verification *v)
{
	cJSON *a = cJSON_CreateArray();
	bool ok = a != NULL;

	for (size_t i = 0; ok && i < v->nmodules; i++)
		ok = scout_cjson_put(a, NULL, module_json(scan, v, &v->modules[i]));
	return scout_cjson_finish(a, ok);
}

static cJSON *rounds_json(const scout_scan *scan, const scout_verification *v)
{
	cJSON *a = cJSON_CreateArray();
	bool ok = a != NULL;

	for (size_t i = 0; ok && i < v->nrounds; i++)
		ok = scout_cjson_put(a, NULL, round_json(scan, &v->rounds[i]));
	return scout_cjson_finish(a, ok);
}

static cJSON *plugins_json(const scout_verification *v)
{
	cJSON *a = cJSON_CreateArray();
	bool ok = a != NULL;

	for (size_t i = 0; ok && i < v->nplugins; i++) {
		cJSON *o = cJSON_CreateObject();
		bool pok = o != NULL;

		pok = pok && scout_cjson_put(o, "name", scout_cjson_text(v->plugins[i].name));
		pok = pok && scout_cjson_put(o, "local", cJSON_CreateBool(v->plugins[i].local));
		pok = pok && scout_cjson_put(o, "kept", cJSON_CreateBool(v->plugins[i].kept));
		ok = scout_cjson_put(a, NULL, scout_cjson_finish(o, pok));
	}
	return scout_cjson_finish(a, ok);
}

static cJSON *failure_json(const scout_scan *scan, const scout_verify_test_failure *f)
{
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	ok = ok && scout_cjson_put(o, "path", scout_cjson_text_ref(scan->modules[f->module].path));
	ok = ok &&
	     scout_cjson_put(o, "module", scout_cjson_text_ref(scan->modules[f->module].module));
	ok = ok && scout_cjson_put(o, "line", scout_cjson_number(f->line));
	ok = ok && scout_cjson_put(o, "message", scout_cjson_text(f->message));
	ok = ok && scout_cjson_put(o, "interpreted_too", cJSON_CreateBool(f->interpreted_too));
	return scout_cjson_finish(o, ok);
}

/* The interpreted run before the compile, or null when it did not run. */
static cJSON *baseline_json(const scout_verify_test *t)
{
	cJSON *o;
	bool ok;

	if (!t->baseline_ran)
		return cJSON_CreateNull();
	o = cJSON_CreateObject();
	ok = o != NULL;
	ok = ok && scout_cjson_put(o, "exit_status", scout_cjson_number(t->baseline_exit));
	ok = ok && scout_cjson_put(o, "timed_out", cJSON_CreateBool(t->baseline_timed_out));
	ok = ok && scout_cjson_put(o, "seconds", scout_cjson_number(round2(t->baseline_seconds)));
	ok = ok && scout_cjson_put(o, "exceptions", strings_json(t->baseline, t->nbaseline));
	return scout_cjson_finish(o, ok);
}

static cJSON *test_json(const scout_scan *scan, const scout_verification *v)
{
	const scout_verify_test *t = &v->test;
	cJSON *o, *failures;
	bool ok;

	if (!t->ran)
		return cJSON_CreateNull();
	o = cJSON_CreateObject();
	failures = cJSON_CreateArray();
	ok = o && failures;
	for (size_t i = 0; ok && i < t->nfailures; i++)
		ok = scout_cjson_put(failures, NULL, failure_json(scan, &t->failures[i]));
	ok = ok && scout_cjson_put(o, "command", scout_cjson_text(t->command));
	ok = ok && scout_cjson_put(o, "exit_status", scout_cjson_number(t->exit_status));
	ok = ok && scout_cjson_put(o, "timed_out", cJSON_CreateBool(t->timed_out));
	ok = ok && scout_cjson_put(o, "seconds", scout_cjson_number(round2(t->seconds)));
	ok = ok && scout_cjson_put(o, "failures", failures);
	ok = ok && scout_cjson_put(o, "unattributed", scout_cjson_number((double)t->unattributed));
	ok = ok && scout_cjson_put(o, "new_failures", scout_cjson_number((double)t->new_failures));
	ok = ok &&
	     scout_cjson_put(o, "regressed", cJSON_CreateBool(scout_verify_tests_regressed(t)));
	ok = ok && scout_cjson_put(o, "baseline", baseline_json(t));
	ok = ok && scout_cjson_put(o, "tail", strings_json(t->tail, t->ntail));
	return scout_cjson_finish(o, ok);
}

cJSON *scout_json_verification(const scout_scan *scan, const scout_verification *v)
{
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	ok = ok && scout_cjson_put(o, "schema_version", scout_cjson_number(SCOUT_VERIFY_SCHEMA));
	ok = ok && scout_cjson_put(o, "compiler", compiler_json(v));
	ok = ok && scout_cjson_put(o, "date", scout_cjson_text(v->date ? v->date : ""));
	ok = ok && scout_cjson_put(o, "set", scout_cjson_text(v->set));
	ok = ok && scout_cjson_put(o, "mypy_config",
	                           v->config ? scout_cjson_text(v->config) : cJSON_CreateNull());
	ok = ok && scout_cjson_put(o, "plugins", plugins_json(v));
	ok = ok && scout_cjson_put(o, "plugins_allowed", cJSON_CreateBool(v->plugins_allowed));
	ok = ok && scout_cjson_put(o, "python",
	                           v->python ? scout_cjson_text(v->python) : cJSON_CreateNull());
	ok = ok && scout_cjson_put(o, "imported", cJSON_CreateBool(v->imported));
	ok = ok &&
	     scout_cjson_put(o, "import_failures", scout_cjson_number((double)v->import_failures));
	ok = ok && scout_cjson_put(o, "test", test_json(scan, v));
	ok = ok && scout_cjson_put(o, "runtime_failures",
	                           scout_cjson_number((double)v->runtime_failures));
	ok = ok &&
	     scout_cjson_put(o, "runtime_warned", scout_cjson_number((double)v->runtime_warned));
	ok = ok &&
	     scout_cjson_put(o, "status", scout_cjson_text(scout_verify_status_name(v->status)));
	ok = ok && scout_cjson_put(o, "stop_reason",
	                           v->stop_reason ? scout_cjson_text(v->stop_reason)
	                                          : cJSON_CreateNull());
	ok = ok && scout_cjson_put(o, "timeout", scout_cjson_number(v->timeout));
	ok = ok && scout_cjson_put(o, "seconds", scout_cjson_number(round2(v->seconds)));
	ok = ok && scout_cjson_put(o, "files_copied", scout_cjson_number((double)v->files_copied));
	ok = ok && scout_cjson_put(o, "kept",
	                           v->kept ? scout_cjson_text(v->scratch) : cJSON_CreateNull());
	ok = ok && scout_cjson_put(o, "verified", paths_json(scan, v->verified, v->nverified));
	ok = ok && scout_cjson_put(o, "modules", modules_json(scan, v));
	ok = ok && scout_cjson_put(o, "counts", counts_json(v));
	ok = ok && scout_cjson_put(o, "agreement",
	                           v->agreement < 0
	                               ? cJSON_CreateNull()
	                               : scout_cjson_number(round(v->agreement * 10000) / 10000));
	ok = ok && scout_cjson_put(o, "rounds", rounds_json(scan, v));
	return scout_cjson_finish(o, ok);
}
