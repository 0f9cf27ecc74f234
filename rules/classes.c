/* Rule family: classes. */
#include "rule.h"

static const scout_rule rules[] = {
};

SCOUT_FAMILY(scout_family_classes, rules);
