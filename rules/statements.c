/* Rule family: statements. */
#include "rule.h"

static const scout_rule rules[] = {
};

SCOUT_FAMILY(scout_family_statements, rules);
