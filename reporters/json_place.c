/* The JSON report's per-module `plan`: the list the plan put the module in
 * and why (docs/report-schema.md). */
#include <math.h>

#include "json.h"
#include "scout/plan.h"

cJSON *scout_json_place(const scout_scan *scan, size_t i)
{
	const scout_plan_place *p = &scan->plan.places[i];
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	ok = ok && scout_cjson_put(o, "list", scout_cjson_text_ref(scout_plan_list_name(p->list)));
	ok = ok && scout_cjson_put(o, "reason", scout_cjson_text_ref(scout_plan_why_name(p->why)));
	ok = ok && scout_cjson_put(o, "message", scout_cjson_text_ref(scout_plan_why_text(p->why)));
	if (p->tied_to != (size_t)-1)
		ok = ok && scout_cjson_put(o,
		                           p->why == SCOUT_WHY_TIED   ? "waits_for"
		                           : p->why == SCOUT_WHY_KEPT ? "broken_by"
		                                                      : "breaks",
		                           scout_cjson_text_ref(scan->modules[p->tied_to].path));
	if (p->tied_by)
		ok = ok && scout_cjson_put(o, "class", scout_cjson_text_ref(p->tied_by));
	if (p->why == SCOUT_WHY_BLOCKERS || p->why == SCOUT_WHY_UNREAD)
		ok = ok && scout_cjson_put(o, "unlocks",
		                           scout_cjson_number(round(p->unlocks * 1e4) / 1e4));
	return scout_cjson_finish(o, ok);
}
