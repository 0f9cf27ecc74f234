/* Rules that need the whole project (the link stage), not one module walk. */
#ifndef SCOUT_PROJECT_RULES_H
#define SCOUT_PROJECT_RULES_H

#include "rule.h"
#include "scout/mypy_config.h"

/* Adds the findings of the mypy-configuration rules to every module. */
void scout_rules_check_mypy_config(scout_scan *scan, const scout_mypy_config *cfg,
				   const scout_rule_config *config);

#endif
