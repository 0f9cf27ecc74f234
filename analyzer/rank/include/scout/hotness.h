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
 * time the profile spends in shipped modules. Each profile file is placed by
 * path (README "Profiles": the module's own path, an installed copy under
 * site-packages, another checkout, a relative path), never by a bare file
 * name; a file matching several modules equally is a tie, reported and not
 * credited. scan->profile gets the four shares (shipped, not shipped,
 * ambiguous, outside) and the ties; hotness_source becomes "profile:<name>".
 * Module paths are taken relative to scan->root when it is a directory, else
 * to the current directory. */
void scout_hotness_profile(scout_scan *scan, const scout_profile *p, const char *name);

#endif
