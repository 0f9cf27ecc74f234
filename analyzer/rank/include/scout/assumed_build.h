/* The build the verdicts assume. A finding that crosses modules (a native
 * base class of another module, say) holds only when the modules it assumes
 * (scout_finding.assumes) are compiled in the same build; the verdict of a
 * module counts it only when they are in this build: the project's current
 * compile set (plan.current) plus every module that no finding of its own
 * blocks, less the modules a blocker of a module compiled today assumes
 * (compiling them would break what builds today). A finding's own assumptions never decide whether
 * its module is in the set, so the set is computed once, before the verdicts and the plan, and the
 * plan (a subset of it) cannot change it. docs/report-schema.md
 * ("assumes") says the same to readers of the report. */
#ifndef SCOUT_ASSUMED_BUILD_H
#define SCOUT_ASSUMED_BUILD_H

#include "scout/result.h"

/* Marks `unmet` every finding of the scan that assumes a module outside the
 * assumed build. Needs compiled_now set (scout_compile_set_read); run after
 * the link-stage rules and before scout_module_finish. */
void scout_assumed_build_apply(scout_scan *scan);

#endif
