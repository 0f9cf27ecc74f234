/* The verify command's reports: the text report and the JSON report's
 * `verification` section (docs/report-schema.md). */
#ifndef SCOUT_VERIFY_REPORT_H
#define SCOUT_VERIFY_REPORT_H

#include <stdio.h>

#include "cjson_util.h"
#include "scout/verify.h"

/* Writes the text report of `v` (over `scan`) to out. Returns 0 or SCOUT_EIO. */
int scout_verify_text_write(FILE *out, const scout_scan *scan, const scout_verification *v);

/* Writes `v` as GitHub Actions workflow commands: an ::error on the line of
 * each module mypyc refused, a ::warning per false blocker, a closing
 * ::notice. Returns 0 or SCOUT_EIO. */
int scout_verify_github_write(FILE *out, const scout_scan *scan, const scout_verification *v);

/* The `verification` object (new, owned by caller), or NULL out of memory. */
cJSON *scout_json_verification(const scout_scan *scan, const scout_verification *v);

/* Adds the verification to a SARIF run (sarif.c): a result per module
 * mypyc refused, per environment failure, per failed import and per
 * attributed test failure, a warning per false blocker, with their
 * reportingDescriptors in tool.driver.rules, and run.properties
 * "mypyc-scout/verification" (compiler, date, status, agreement). Returns
 * false out of memory. */
bool scout_sarif_verification(cJSON *run, const scout_scan *scan, const scout_verification *v);

/* "compiled", "failed" or "not-tried": what happened to a module of the set. */
const char *scout_verify_real_name(const scout_verify_module *m);

#endif
