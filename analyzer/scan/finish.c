/* After every module is analysed and before reporting: the link stage
 * (checks that need the whole project: the mypy configuration, the class
 * index across modules; then which cross-module findings hold in the build
 * the verdicts assume), then the rank stage (hotness, the
 * compile plan and its risks), then the advisories. */
#include "scout/scan.h"

#include <stdlib.h>
#include <string.h>

#include "project_rules.h"
#include "registry.h"
#include "scout/assumed_build.h"
#include "scout/compile_set.h"
#include "scout/fs.h"
#include "scout/hotness.h"
#include "scout/mypy_config.h"
#include "scout/plan.h"
#include "scout/scope.h"

/* Lists the type-checker-only rules that apply, once for the whole scan. */
static void add_advisories(scout_scan *scan, const scout_rule_config *config)
{
	size_t n;
	const scout_rule *const *rules = scout_rules_all(&n);

	if (scan->nmodules == 0)
		return;
	for (size_t i = 0; i < n; i++) {
		scout_advisory a = {rules[i]->id, rules[i]->category, rules[i]->title};

		if (rules[i]->advisory && scout_rule_active(rules[i], i, config))
			SCOUT_PUSH(scan->advisories, scan->nadvisories, scan->advisories_cap, a);
	}
}

static bool has_diag(const scout_scan *scan, const char *path)
{
	for (size_t i = 0; i < scan->ndiags; i++)
		if (strcmp(scan->diags[i].path, path) == 0)
			return true;
	return false;
}

/* The project files (configuration, requirements) that readers refused since
 * the settings were read: a FIFO, a device, a file over the size limit. Each
 * is a diagnostic, unless the file is a module with one already. */
static void add_refusals(scout_scan *scan, const char *project_dir)
{
	scout_fs_refused *refused;
	size_t n = scout_fs_refusals_take(&refused), dir_len = strlen(project_dir);
	bool added = false;

	for (size_t i = 0; i < n; i++) {
		const char *path = refused[i].path;
		scout_diag_kind kind = refused[i].kind == SCOUT_FS_NOT_REGULAR ? SCOUT_DIAG_SKIPPED
		                       : refused[i].kind == SCOUT_FS_TOO_LARGE
		                           ? SCOUT_DIAG_TOO_LARGE
		                           : SCOUT_DIAG_UNREADABLE;
		char *message;

		if (strncmp(path, project_dir, dir_len) == 0 && path[dir_len] == '/')
			path += dir_len + 1;
		if (has_diag(scan, path))
			continue;
		message = scout_asprintf("not read: %s", refused[i].reason);
		scout_scan_add_diag(scan, path, kind, 0, message);
		free(message);
		added = true;
	}
	scout_fs_refused_free(refused, n);
	if (added)
		qsort(scan->diags, scan->ndiags, sizeof(*scan->diags), scout_diag_compare);
}

static void finish_modules(scout_scan *scan)
{
	for (size_t i = 0; i < scan->nmodules; i++)
		scout_module_finish(&scan->modules[i], scan->coverage_threshold);
}

void scout_scan_finish(scout_scan *scan, const char *project_dir, const scout_scope_opts *scope,
                       const scout_rule_config *config, const scout_profile *profile,
                       const char *profile_name)
{
	scout_mypy_config cfg;
	scout_class_index classes;

	scout_scope_read(scan, project_dir, scope);
	scout_compile_set_read(scan, project_dir);
	scout_scope_ship_compiled(scan);
	scout_mypy_config_read(&cfg, project_dir);
	scout_rules_check_mypy_config(scan, &cfg, config);
	scout_mypy_config_free(&cfg);
	scout_class_index_build(&classes, scan);
	scout_rules_check_class_index(scan, &classes, config);
	scout_assumed_build_apply(scan);
	finish_modules(scan);

	if (profile)
		scout_hotness_profile(scan, profile, profile_name);
	else
		scout_hotness_static(scan, &classes.modules);
	scout_plan_build(scan, &classes);
	scout_rules_check_plan_risks(scan, &classes, config);
	finish_modules(scan);
	scout_class_index_free(&classes);
	add_advisories(scan, config);
	add_refusals(scan, project_dir);
}
