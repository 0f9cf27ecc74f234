/* plan.current.sources and plan.current.unread. */
#include "json_compile_set.h"

#include "cjson_util.h"

static cJSON *strings(char *const *items, size_t n)
{
	cJSON *a = cJSON_CreateArray();
	bool ok = a != NULL;

	for (size_t i = 0; ok && i < n; i++)
		ok = scout_cjson_put(a, NULL, scout_cjson_text(items[i]));
	return scout_cjson_finish(a, ok);
}

static cJSON *origin_json(const scout_compile_origin *o)
{
	cJSON *obj = cJSON_CreateObject();
	bool ok = obj != NULL;

	ok = ok && scout_cjson_put(obj, "file", scout_cjson_text(o->file));
	ok = ok && scout_cjson_put(obj, "backend", scout_cjson_text(o->backend));
	ok = ok &&
	     scout_cjson_put(obj, "condition",
	                     o->condition ? scout_cjson_text(o->condition) : cJSON_CreateNull());
	ok = ok && scout_cjson_put(obj, "mypy_args", strings(o->mypy_args, o->nmypy_args));
	ok = ok && scout_cjson_put(obj, "modules", strings(o->modules, o->nmodules));
	return scout_cjson_finish(obj, ok);
}

static cJSON *unread_json(const scout_compile_unread *u)
{
	cJSON *obj = cJSON_CreateObject();
	bool ok = obj != NULL;

	ok = ok && scout_cjson_put(obj, "file", scout_cjson_text(u->file));
	ok = ok && scout_cjson_put(obj, "line",
	                           u->line ? scout_cjson_number(u->line) : cJSON_CreateNull());
	ok = ok && scout_cjson_put(obj, "reason", scout_cjson_text(u->reason));
	return scout_cjson_finish(obj, ok);
}

bool scout_json_compile_origins(cJSON *current, const scout_scan *scan)
{
	cJSON *sources = cJSON_CreateArray(), *unread = cJSON_CreateArray();
	bool ok = sources && unread;

	for (size_t i = 0; ok && i < scan->ncompile_origins; i++)
		ok = scout_cjson_put(sources, NULL, origin_json(&scan->compile_origins[i]));
	for (size_t i = 0; ok && i < scan->ncompile_unread; i++)
		ok = scout_cjson_put(unread, NULL, unread_json(&scan->compile_unread[i]));
	if (!ok) {
		cJSON_Delete(sources);
		cJSON_Delete(unread);
		return false;
	}
	ok = scout_cjson_put(current, "sources", sources);
	return scout_cjson_put(current, "unread", unread) && ok;
}
