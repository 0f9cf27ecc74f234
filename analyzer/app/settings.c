/* Command line over [tool.mypyc-scout] over defaults; the exit gate. */
#include "scout/settings.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scout/cache.h"
#include "scout/fs.h"
#include "scout/pin.h"
#include "scout/suggest.h"
#include "scout/target.h"
#include "select.h"

static unsigned default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? (unsigned)n : 1;
}

/* The directory whose packaging files and config apply: the project root
 * that owns the paths scanned (scout_discover_project_root; for --rev, in
 * the commit), which discovery then reports paths from (*found); without one
 * the one directory scanned, else the current directory (for --rev, the
 * repository's top). Owned. */
static char *project_dir(const scout_cli *cli, const char *rev_top, bool *found)
{
	char *root =
	    scout_discover_project_root((const char *const *)cli->paths.items, cli->paths.count);

	*found = root != NULL;
	if (root)
		return root;
	if (cli->paths.count == 1 &&
	    scout_fs_kind_of(cli->paths.items[0], true) == SCOUT_FS_KIND_DIR)
		return scout_strdup(cli->paths.items[0]);
	return scout_strdup(rev_top ? rev_top : ".");
}

static int parse_fail_on(int *out, const char *text)
{
	if (strcmp(text, "none") == 0) {
		*out = -1;
		return 0;
	}
	static const char *const levels[] = {"blocker", "non-native", "behaviour", "slow", "none"};
	scout_category c;
	const char *near;

	if (scout_category_parse(text, strlen(text), &c)) {
		*out = (int)c;
		return 0;
	}
	near = scout_suggest(text, strlen(text), levels, sizeof(levels) / sizeof(*levels));
	scout_error_set(
	    "--fail-on takes blocker, non-native, behaviour, slow or none, not '%s'%s%s%s", text,
	    near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
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

/* --color WHEN: -1 auto, 0 never, 1 always. */
static int parse_color(int *out, const char *when)
{
	*out = !when || strcmp(when, "auto") == 0 ? -1 : strcmp(when, "always") == 0 ? 1 : 0;
	if (!when || *out != 0 || strcmp(when, "never") == 0)
		return 0;
	scout_error_set("--color takes auto, always or never, not '%s'", when);
	return SCOUT_EUSAGE;
}

static bool env_set(const char *name)
{
	const char *v = getenv(name);

	return v && v[0];
}

bool scout_settings_color(const scout_settings *s, bool tty)
{
	const char *term = getenv("TERM");

	if (s->color >= 0)
		return s->color;
	if (env_set("NO_COLOR"))
		return false;
	if (env_set("FORCE_COLOR"))
		return true;
	return tty && !(term && strcmp(term, "dumb") == 0);
}

void scout_settings_warn(const scout_settings *s, const scout_scan *scan, FILE *err)
{
	const scout_discover_opts *d = &s->scan.discover;
	bool from_cli = d->excludes != (const char *const *)s->config.exclude;

	for (size_t i = 0; i < d->nexcludes; i++)
		if (!s->exclude_hits[i])
			fprintf(
			    err, "mypyc-scout: warning: %s '%s' matches no file the scan covers\n",
			    from_cli ? "--exclude" : "[tool.mypyc-scout] exclude", d->excludes[i]);
	if (scan->nmodules == 0)
		fprintf(err, "mypyc-scout: warning: no Python files found in %s\n",
		        d->npaths == 1 ? d->paths[0]
		        : d->npaths    ? "the paths given"
		                       : ".");
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
		if (*v > SCOUT_MYPYC_CURRENT)
			fprintf(
			    stderr,
			    "mypyc-scout: warning: mypyc %s is newer than the rule catalog: its "
			    "rules are evaluated as they stand in the newest it describes\n",
			    given);
	} else if (scout_pin_find(dir, v, &s->version_source) < 0) {
		*v = SCOUT_MYPYC_CURRENT;
		s->version_source =
		    scout_strdup("default: the newest mypyc the rule catalog describes");
	}
	return 0;
}

/* Every id of the config's per-path-ignores names a rule or a category. */
static int check_path_ignores(const scout_config *c)
{
	for (size_t i = 0; i < c->npath_ignores; i++)
		for (const char *list = c->path_ignores[i].ids; *list;) {
			size_t len = strcspn(list, ",");
			char *copy = scout_strndup(list, len), *id = scout_str_trim(copy);
			const char *near = scout_rules_suggest(id, strlen(id));
			scout_category cat;
			bool known = !id[0] || scout_rules_find(id) ||
			             scout_category_parse(id, strlen(id), &cat);

			if (!known)
				scout_error_set(
				    "%s: [tool.mypyc-scout] per-path-ignores \"%s\" names an "
				    "unknown rule '%s'%s%s%s",
				    c->file ? c->file : "pyproject.toml", c->path_ignores[i].glob,
				    id, near ? " (did you mean '" : "", near ? near : "",
				    near ? "'?)" : "");
			free(copy);
			if (!known)
				return SCOUT_EUSAGE;
			list += len + (list[len] == ',');
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
	if (check_path_ignores(c) < 0)
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
	scout_scan_opts *o = &out->scan;
	const char *dir;
	bool found;
	int error;

	memset(out, 0, sizeof(*out));
	if (cli->rev && scout_fs_mount_rev(cli->paths.count ? cli->paths.items[0] : ".", cli->rev,
	                                   &out->rev_top) < 0)
		return SCOUT_EUSAGE;
	dir = out->project_dir = project_dir(cli, out->rev_top, &found);
	out->min_coverage = -1;
	if ((error = scout_config_read(&out->config, dir)) < 0)
		return error;
	o->discover.rev = cli->rev;
	o->discover.paths = cli->paths.items;
	o->discover.npaths = cli->paths.count;
	o->discover.root = found || cli->rev ? dir : NULL;
	o->discover.excludes =
	    cli->excludes.count ? cli->excludes.items : (const char *const *)out->config.exclude;
	o->discover.nexcludes = cli->excludes.count ? cli->excludes.count : out->config.nexclude;
	out->exclude_hits = scout_calloc(o->discover.nexcludes + 1, sizeof(*out->exclude_hits));
	o->discover.exclude_hits = out->exclude_hits;
	if ((error = parse_color(&out->color, cli->color)) < 0)
		return error;
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

int scout_settings_scan(scout_settings *settings, scout_scan *scan, const scout_cli *cli)
{
	int rc = scout_settings_resolve(settings, cli);

	if (rc < 0 || (rc = scout_scan_run(scan, &settings->scan)) < 0)
		return rc;
	scan->mypyc_version = settings->scan.rules.mypyc_version;
	scan->mypyc_version_source = settings->version_source;
	settings->version_source = NULL;
	scan->python_major = settings->scan.rules.target.major;
	scan->python_minor = settings->scan.rules.target.minor;
	scan->python_platform = scout_strdup(settings->scan.rules.target.platform);
	scan->python_source = settings->target_source;
	settings->target_source = NULL;
	return 0;
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
	free(s->project_dir);
	free(s->exclude_hits);
	if (s->rev_top)
		scout_fs_unmount();
	free(s->rev_top);
	memset(s, 0, sizeof(*s));
}

/* How many modules --min-coverage names before "and N more". */
#define COVERAGE_NAMED 5

/* --min-coverage: every planned module below it, the first few by name. */
static bool coverage_gate(const scout_settings *s, const scout_scan *scan, char *reason, size_t cap)
{
	scout_buf names = {0};
	size_t below = 0;

	for (size_t i = 0; s->min_coverage >= 0 && i < scan->plan.ncompile; i++) {
		const scout_module *m = &scan->modules[scan->plan.compile[i].module];
		double pct = 100.0 * scout_annotations_coverage(&m->ann);

		if (pct >= s->min_coverage || below++ >= COVERAGE_NAMED)
			continue;
		char *local = scout_scan_local_path(scan, m->path);

		scout_buf_printf(&names, "%s%s (%.1f%%)", below > 1 ? ", " : "", local, pct);
		free(local);
	}
	if (below > COVERAGE_NAMED)
		scout_buf_printf(&names, " and %zu more", below - COVERAGE_NAMED);
	if (below)
		snprintf(reason, cap, "%zu planned module%s below --min-coverage %g%%: %s", below,
		         below == 1 ? " is" : "s are", s->min_coverage, names.data);
	scout_buf_free(&names);
	return below > 0;
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
		char *local = scout_scan_local_path(scan, first);

		snprintf(reason, cap, "%zu finding%s at or above --fail-on %s (first in %s)", count,
		         count == 1 ? "" : "s", scout_category_name((scout_category)s->fail_on),
		         local);
		free(local);
		return true;
	}
	return coverage_gate(s, scan, reason, cap);
}
