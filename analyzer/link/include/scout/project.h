/* The link stage: project-wide facts that need every module's result. */
#ifndef SCOUT_PROJECT_H
#define SCOUT_PROJECT_H

#include "scout/result.h"
#include "scout/profile.h"
#include "scout/walk.h"

/* Applies the project-wide checks to the analysed modules of `scan`: the mypy
 * configuration found in `project_dir`. Findings go to the modules; verdicts
 * and scores are recomputed after. */
void scout_project_link(scout_scan *scan, const char *project_dir, const scout_rule_config *config,
                        const scout_profile *profile, const char *profile_name);

#endif
