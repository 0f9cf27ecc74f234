/* Rule configuration from the command line: --select/--ignore lists and the
 * target mypyc version. */
#ifndef SCOUT_SELECT_H
#define SCOUT_SELECT_H

#include "registry.h"

/* Builds the per-rule enabled array (owned by caller, free with free()) from
 * comma-separated lists of rule ids or categories. With no select list every
 * rule is selected. Returns 0, or SCOUT_EUSAGE naming an unknown id. */
int scout_rules_select(bool **enabled, const char *const *select, size_t nselect,
                       const char *const *ignore, size_t nignore);

/* Parses "X.Y" or "X.Y.Z" into SCOUT_V(X, Y, Z): a version the rule catalog
 * describes, from the oldest `since` of any rule to SCOUT_MYPYC_CURRENT.
 * Returns 0, or SCOUT_EUSAGE naming the range. */
int scout_mypyc_version_parse(const char *text, uint32_t *out);

/* The rule id or category name nearest to the len bytes at `word` (a typo's
 * "did you mean"), or NULL (scout/suggest.h). Static. */
const char *scout_rules_suggest(const char *word, size_t len);

#endif
