/* Hotness: which modules probably run most, from the code alone (static)
 * or from a profile. */
#ifndef SCOUT_HOTNESS_H
#define SCOUT_HOTNESS_H

#include "scout/modindex.h"
#include "scout/profile.h"

/* Sets every module's hotness from the static estimate (README "Hotness",
 * bench/hotness/README.md): fn_work × ln(2 + call sites in the other
 * modules, tests included, outside `raise` statements, whose callee
 * resolves to the module through ix),
 * normalised to sum 1 over the shipped modules; modules not shipped get 0,
 * and so do modules with no statement in a function body. */
void scout_hotness_static(scout_scan *scan, const scout_modindex *ix);

/* Sets every module's hotness from a profile instead: its share of the self
 * time the profile attributes to the project's (non-test) modules, frames
 * matched to modules by trailing path components. scan->profile_outside gets
 * the share of self time outside the project; hotness_source becomes
 * "profile:<name>". */
void scout_hotness_profile(scout_scan *scan, const scout_profile *p, const char *name);

#endif
