/* Hotness: which modules probably run most, from the code alone (static)
 * or from a profile. */
#ifndef SCOUT_HOTNESS_H
#define SCOUT_HOTNESS_H

#include "scout/import_graph.h"
#include "scout/profile.h"

/* Sets every module's hotness from the static estimate (README "Hotness"):
 * 0.5 × import centrality (PageRank over runtime imports) + 0.3 × share of
 * calls from other modules + 0.2 × share of loop density; test modules get
 * 0; the values sum to 1 over the other modules. */
void scout_hotness_static(scout_scan *scan, const scout_modindex *ix, const scout_import_graph *g);

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
