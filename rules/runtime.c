/* Rule family: runtime. */
#include "rule.h"

static const scout_rule rules[] = {
};

SCOUT_FAMILY(scout_family_runtime, rules);
