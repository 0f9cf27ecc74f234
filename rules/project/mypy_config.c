/* Rule family: the mypy configuration mypyc runs with. These are project
 * findings: mypyc refuses to compile anything, so every module gets one. */
#include "project_rules.h"

#include <stdio.h>

static const scout_rule rule_no_strict_optional = {
    .id = "no-strict-optional",
    .category = SCOUT_BLOCKER,
    .title = "mypy configuration disables strict optional checking",
    .why = "mypyc reports \"Disabling strict optional checking not supported\" and "
           "compiles nothing",
    .bad = "# mypy.ini\n[mypy]\nstrict_optional = False\n",
    .good = "# mypy.ini\n[mypy]\nstrict_optional = True\n",
    .fix = "remove strict_optional = False (fix the Optional errors mypy then reports), or "
           "give mypyc its own config without it",
    .docs = "https://mypyc.readthedocs.io/en/latest/getting_started.html"};

static const scout_rule rule_no_strict_bytes = {
    .id = "no-strict-bytes",
    .category = SCOUT_BLOCKER,
    .title = "mypy configuration disables strict bytes",
    .why = "mypyc reports \"Option --strict-bytes cannot be disabled when using mypyc\"",
    .bad = "# mypy.ini\n[mypy]\nstrict_bytes = False\n",
    .good = "# mypy.ini\n[mypy]\n",
    .fix = "remove strict_bytes = False and pass bytes(...) where bytearray or memoryview "
           "reach a bytes parameter",
    .docs = "https://mypyc.readthedocs.io/en/latest/getting_started.html",
    .since = SCOUT_V(1, 20, 0)};

SCOUT_FAMILY(scout_family_project_mypy_config, &rule_no_strict_optional, &rule_no_strict_bytes);

static void report_everywhere(scout_scan *scan, const scout_rule *rule,
                              const scout_rule_config *config, const char *message)
{
	for (size_t i = 0; i < scan->nmodules; i++)
		scout_rules_report(&scan->modules[i], rule, config, 1, 1, 1, 1, message);
}

void scout_rules_check_mypy_config(scout_scan *scan, const scout_mypy_config *cfg,
                                   const scout_rule_config *config)
{
	char message[512];

	if (!cfg->file)
		return;
	if (cfg->strict_optional_false) {
		snprintf(message, sizeof(message),
		         "%s:%u sets strict_optional = False: mypyc refuses to compile with it",
		         cfg->file, cfg->strict_optional_false);
		report_everywhere(scan, &rule_no_strict_optional, config, message);
	}
	if (cfg->strict_bytes_false) {
		snprintf(message, sizeof(message),
		         "%s:%u sets strict_bytes = False: mypyc refuses to compile with it",
		         cfg->file, cfg->strict_bytes_false);
		report_everywhere(scan, &rule_no_strict_bytes, config, message);
	}
}
