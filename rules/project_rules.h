/* Rules that need the whole project (the link stage), not one module walk. */
#ifndef SCOUT_PROJECT_RULES_H
#define SCOUT_PROJECT_RULES_H

#include "rule.h"
#include "scout/classindex.h"
#include "scout/mypy_config.h"

/* Records the facts of a module-level class for the project class index
 * (called by the walk on every class_definition). */
void scout_class_index_collect(scout_walk *w, TSNode class_def);

/* Records `X.attr` reads and writes where X is imported from outside the
 * standard library, for the link stage (called by the walk on every
 * attribute node). */
void scout_class_index_collect_attr(scout_walk *w, TSNode attribute);

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
