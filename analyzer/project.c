/* The link stage: checks that need the whole project, after every module is
 * analysed and before reporting. */
#include "scout/project.h"

#include "project_rules.h"
#include "scout/mypy_config.h"

void scout_project_link(scout_scan *scan, const char *project_dir,
			const scout_rule_config *config)
{
	scout_mypy_config cfg;

	scout_mypy_config_read(&cfg, project_dir);
	scout_rules_check_mypy_config(scan, &cfg, config);
	scout_mypy_config_free(&cfg);
	for (size_t i = 0; i < scan->nmodules; i++)
		scout_module_finish(&scan->modules[i], scan->coverage_threshold);
}
