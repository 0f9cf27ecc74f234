/* What the JSON report (json.c) shares with json-lines, whose records are
 * its findings. */
#ifndef SCOUT_JSON_H
#define SCOUT_JSON_H

#include "cjson_util.h"
#include "scout/result.h"

/* Adds f's fields to the object o as the JSON report writes a finding (rule,
 * category, line, column, end_line, end_column, message, fix, fingerprint,
 * and assumes and holds when it assumes modules; docs/report-schema.md). Strings are borrowed from
 * f when valid UTF-8: f must outlive o. False out of memory (o then holds some of them). */
bool scout_json_put_finding(cJSON *o, const scout_finding *f);

/* The module's place in the plan: {list, reason, message, waits_for?,
 * class?, unlocks?}. Strings borrowed from the scan. Needs the plan built. */
cJSON *scout_json_place(const scout_scan *scan, size_t module);

#endif
