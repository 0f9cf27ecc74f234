/* Rules that need the whole project (the link stage), not one module walk. */
#ifndef SCOUT_PROJECT_RULES_H
#define SCOUT_PROJECT_RULES_H

#include "registry.h"
#include "scout/classindex.h"
#include "scout/mypy_config.h"

/* Checks class relationships that cross modules (bases defined in another
 * module of the project): the whole scanned project is taken as one
 * compilation unit. Findings go to the subclass's module. */
void scout_rules_check_class_index(scout_scan *scan, const scout_class_index *classes,
                                   const scout_rule_config *config);

/* Risks of the compile plan for code that stays interpreted: native classes
 * of planned modules subclassed by unplanned code (interpreted-subclass). */
void scout_rules_check_plan_risks(scout_scan *scan, const scout_class_index *classes,
                                  const scout_rule_config *config);

/* Adds the findings of the mypy-configuration rules to every module. */
void scout_rules_check_mypy_config(scout_scan *scan, const scout_mypy_config *cfg,
                                   const scout_rule_config *config);

#endif
