/* The words for the plan's lists and reasons, shared by every report. */
#include "scout/plan.h"

static const char *const list_names[SCOUT_LIST_COUNT] = {"plan", "blocked", "not-worth-compiling",
                                                         "not-shipped"};

static const struct {
	const char *name, *text;
} whys[] = {
    [SCOUT_WHY_READY] = {"ready", "compiles as it stands"},
    [SCOUT_WHY_KEPT] = {"kept", "compiled today; its blockers hold only with a module it "
                                "leaves interpreted"},
    [SCOUT_WHY_BLOCKERS] = {"blockers", "mypyc rejects code in it"},
    [SCOUT_WHY_UNREAD] = {"unread", "part of it could not be parsed (verdict unknown)"},
    [SCOUT_WHY_TIED] = {"tied", "a class of it is subclassed in a blocked module"},
    [SCOUT_WHY_BREAKS] = {"breaks", "compiling it would break a module compiled today"},
    [SCOUT_WHY_EMPTY] = {"empty", "no code"},
    [SCOUT_WHY_REEXPORTS] = {"reexports", "only imports (re-exports)"},
    [SCOUT_WHY_TYPES] = {"types", "only type definitions (enums, records, protocols)"},
    [SCOUT_WHY_EXCEPTIONS] = {"exceptions", "only exception classes"},
    [SCOUT_WHY_DATA] = {"data", "only constants and data, run once at import"},
    [SCOUT_WHY_IMPORT_TIME] = {"import-time", "no code that runs after import"},
    [SCOUT_WHY_SCRIPT] = {"script", "an entry-point script (__main__.py)"},
    [SCOUT_WHY_COLD] = {"cold", "no time in the profile"},
    [SCOUT_WHY_UNTYPED] = {"untyped", "no annotations yet: compiled, it would run no faster"},
    [SCOUT_WHY_NOT_SHIPPED] = {"not-shipped", "not in the wheel"},
    [SCOUT_WHY_EXCLUDED] = {"excluded", "the build leaves it out on purpose"},
};

const char *scout_plan_list_name(scout_plan_list list)
{
	return list < SCOUT_LIST_COUNT ? list_names[list] : "?";
}

const char *scout_plan_why_text(scout_plan_why why)
{
	return why < sizeof(whys) / sizeof(whys[0]) ? whys[why].text : "?";
}

const char *scout_plan_why_name(scout_plan_why why)
{
	return why < sizeof(whys) / sizeof(whys[0]) ? whys[why].name : "?";
}
