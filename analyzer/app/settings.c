/* Command line over [tool.mypyc-scout] over defaults; the exit gate. */
#include "scout/settings.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scout/cache.h"
#include "scout/pin.h"
#include "scout/target.h"
#include "select.h"

static unsigned default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? (unsigned)n : 1;
}

/* The directory whose packaging files and config apply: the one directory
 * scanned, else the current directory. */
static const char *project_dir(const scout_cli *cli)
{
	struct stat st;

	if (cli->paths.count == 1 && stat(cli->paths.items[0], &st) == 0 && S_ISDIR(st.st_mode))
		return cli->paths.items[0];
	return ".";
}

static int parse_fail_on(int *out, const char *text)
{
	if (strcmp(text, "none") == 0) {
		*out = -1;
		return 0;
	}
	for (int c = 0; c < SCOUT_CATEGORY_COUNT; c++)
		if (strcmp(text, scout_category_name((scout_category)c)) == 0) {
			*out = c;
			return 0;
		}
	scout_error_set("--fail-on takes blocker, non-native, behaviour, slow or none, not '%s'",
	                text);
	return SCOUT_EUSAGE;
}

/* --scope, else the config's: "shipped" (default) or "all". */
static int parse_scope(bool *all, const char *text, bool from_config)
{
	*all = text && strcmp(text, "all") == 0;
	if (!text || *all || strcmp(text, "shipped") == 0)
		return 0;
	scout_error_set("%s takes shipped or all, not '%s'",
	                from_config ? "[tool.mypyc-scout] scope" : "--scope", text);
	return SCOUT_EUSAGE;
}

static int parse_percent(double *out, const char *text)
{
	char *end;
	double d;

	errno = 0;
	d = strtod(text, &end);
	if (errno || end == text || *end || !(d >= 0 && d <= 100)) { /* NaN fails too */
		scout_error_set("--min-coverage takes a percentage from 0 to 100, not '%s'", text);
		return SCOUT_EUSAGE;
	}
	*out = d;
	return 0;
}

/* --mypyc-version, else the config's, else the project's pin, else the
 * newest the catalog knows. */
static int resolve_version(scout_settings *s, const scout_cli *cli, const char *dir)
{
	const char *given = cli->mypyc_version ? cli->mypyc_version : s->config.mypyc_version;
	uint32_t *v = &s->scan.rules.mypyc_version;

	if (given) {
		if (scout_mypyc_version_parse(given, v) < 0)
			return SCOUT_EUSAGE;
		s->version_source = scout_strdup(
		    cli->mypyc_version ? "--mypyc-version"
		                       : "pyproject.toml [tool.mypyc-scout] mypyc-version");
	} else if (scout_pin_find(dir, v, &s->version_source) < 0) {
		*v = SCOUT_MYPYC_CURRENT;
		s->version_source =
		    scout_strdup("default: the newest mypyc the rule catalog describes");
	}
	return 0;
}

static int resolve_rules(scout_settings *s, const scout_cli *cli)
{
	const scout_config *c = &s->config;
	bool cli_select = cli->select.count > 0, cli_ignore = cli->ignore.count > 0;

	if (scout_rules_select(&s->enabled,
	                       cli_select ? cli->select.items : (const char *const *)c->select,
	                       cli_select ? cli->select.count : c->nselect,
	                       cli_ignore ? cli->ignore.items : (const char *const *)c->ignore,
	                       cli_ignore ? cli->ignore.count : c->nignore) < 0)
		return SCOUT_EUSAGE;
	s->scan.rules.enabled = s->enabled;
	s->scan.rules.report_unused_ignores = cli->report_unused_ignores;
	s->scan.rules.path_ignores = c->path_ignores;
	s->scan.rules.npath_ignores = c->npath_ignores;
	return 0;
}

/* --profile, else the config's `profile` (relative to the project). */
static int load_profile(scout_settings *s, const scout_cli *cli)
{
	const char *path = cli->profile ? cli->profile : s->config.profile;
	char *joined = NULL;
	const char *name;
	int error;

	if (!path)
		return 0;
	if (!cli->profile && path[0] != '/')
		path = joined = scout_asprintf("%s/%s", s->scan.project_dir, path);
	error = scout_profile_load(&s->profile, path);
	free(joined);
	if (error < 0) {
		char *reason = scout_strdup(scout_error_last());

		scout_error_set("--profile: %s", reason);
		free(reason);
		return SCOUT_EUSAGE;
	}
	name = strrchr(cli->profile ? cli->profile : s->config.profile, '/');
	s->scan.profile = &s->profile;
	s->scan.profile_name = name ? name + 1 : (cli->profile ? cli->profile : s->config.profile);
	return 0;
}

int scout_settings_resolve(scout_settings *out, const scout_cli *cli)
{
	const char *dir = project_dir(cli);
	scout_scan_opts *o = &out->scan;
	int error;

	memset(out, 0, sizeof(*out));
	out->min_coverage = -1;
	if ((error = scout_config_read(&out->config, dir)) < 0)
		return error;
	o->discover.rev = cli->rev;
	o->discover.paths = cli->paths.items;
	o->discover.npaths = cli->paths.count;
	o->discover.excludes =
	    cli->excludes.count ? cli->excludes.items : (const char *const *)out->config.exclude;
	o->discover.nexcludes = cli->excludes.count ? cli->excludes.count : out->config.nexclude;
	o->jobs = cli->jobs ? cli->jobs : default_jobs();
	o->progress = isatty(STDERR_FILENO);
	o->coverage_threshold = 0.80;
	o->project_dir = dir;
	scout_mypy_config_read(&out->mypy, dir);
	o->rules.mypy = &out->mypy;
	if ((error = resolve_rules(out, cli)) < 0 || (error = resolve_version(out, cli, dir)) < 0)
		return error;
	scout_target_find(&o->rules.target, &out->target_source, dir, &out->mypy,
	                  o->rules.mypyc_version);
	if ((error = parse_fail_on(&out->fail_on, cli->fail_on          ? cli->fail_on
	                                          : out->config.fail_on ? out->config.fail_on
	                                                                : "blocker")) < 0)
		return error;
	if ((error = parse_scope(&o->scope_all, cli->scope ? cli->scope : out->config.scope,
	                         !cli->scope)) < 0)
		return error;
	if (!cli->no_cache && cli->cache_dir && !cli->cache_dir[0])
		return scout_error_set("--cache-dir is empty (use --no-cache for no cache)");
	if (!cli->no_cache)
		out->cache_dir =
		    cli->cache_dir ? scout_strdup(cli->cache_dir) : scout_cache_default_dir();
	o->cache_dir = out->cache_dir;
	if (cli->min_coverage)
		error = parse_percent(&out->min_coverage, cli->min_coverage);
	else
		out->min_coverage = out->config.min_coverage;
	return error < 0 ? error : load_profile(out, cli);
}

void scout_settings_free(scout_settings *s)
{
	scout_profile_free(&s->profile);
	scout_config_free(&s->config);
	scout_mypy_config_free(&s->mypy);
	free(s->enabled);
	free(s->version_source);
	free(s->target_source);
	free(s->cache_dir);
	memset(s, 0, sizeof(*s));
}

bool scout_settings_gate(const scout_settings *s, const scout_scan *scan, char *reason, size_t cap)
{
	size_t count = 0;
	const char *first = NULL;

	for (size_t i = 0; s->fail_on >= 0 && i < scan->nmodules; i++)
		for (size_t j = 0; scan->modules[i].gated && j < scan->modules[i].nfindings; j++)
			if ((int)scan->modules[i].findings[j].category <= s->fail_on &&
			    scout_finding_holds(&scan->modules[i].findings[j]) && count++ == 0)
				first = scan->modules[i].path;
	if (count) {
		snprintf(reason, cap, "%zu finding%s at or above --fail-on %s (first in %s)", count,
		         count == 1 ? "" : "s", scout_category_name((scout_category)s->fail_on),
		         first);
		return true;
	}
	for (size_t i = 0; s->min_coverage >= 0 && i < scan->plan.ncompile; i++) {
		const scout_module *m = &scan->modules[scan->plan.compile[i].module];
		double pct = 100.0 * scout_annotations_coverage(&m->ann);

		if (pct < s->min_coverage) {
			snprintf(reason, cap,
			         "planned module %s has %.1f%% annotation coverage, below "
			         "--min-coverage %g",
			         m->path, pct, s->min_coverage);
			return true;
		}
	}
	return false;
}
