/* The JSON of where the current compile set was read (plan.current.sources
 * and plan.current.unread, docs/report-schema.md). */
#ifndef SCOUT_JSON_COMPILE_SET_H
#define SCOUT_JSON_COMPILE_SET_H

#include <stdbool.h>

#include "cjson_util.h"
#include "scout/result.h"

/* Adds "sources" and "unread" to plan.current's object. Returns false on
 * allocation failure (what was added stays owned by `current`). */
bool scout_json_compile_origins(cJSON *current, const scout_scan *scan);

#endif
