/* The [tool.mypyc-scout] table: select, ignore, exclude, fail-on,
 * min-coverage, profile, mypyc-version, scope and per-path-ignores. */
#include "scout/config.h"

#include <stdlib.h>
#include <string.h>

#include "scout/toml.h"

#define TABLE    "tool.mypyc-scout."
#define PER_PATH "per-path-ignores."

static int bad_value(const char *file, const scout_toml_value *v, const char *want)
{
	scout_error_set("%s:%u: [tool.mypyc-scout] %s must be %s", file, v->line,
	                v->key + strlen(TABLE), want);
	return SCOUT_EUSAGE;
}

/* A string, or one item of a list of strings, appended to a list. */
static int add_string(char ***list, size_t *n, size_t *cap, const char *file,
                      const scout_toml_value *v)
{
	if (v->type != SCOUT_TOML_STRING)
		return bad_value(file, v, "a string or a list of strings");
	SCOUT_PUSH(*list, *n, *cap, scout_strdup(v->text));
	return 0;
}

static int set_string(char **field, const char *file, const scout_toml_value *v)
{
	if (v->type != SCOUT_TOML_STRING || v->index >= 0)
		return bad_value(file, v, "a string");
	free(*field);
	*field = scout_strdup(v->text);
	return 0;
}

static int set_percent(double *field, const char *file, const scout_toml_value *v)
{
	double d;

	if (scout_toml_number(v, &d) < 0 ||
	    !(d >= 0 && d <= 100)) /* nan and inf are TOML floats: refused too */
		return bad_value(file, v, "a number from 0 to 100");
	*field = d;
	return 0;
}

/* per-path-ignores."glob" = ["rule", ...]: one entry per glob, ids joined. */
static int add_path_ignore(scout_config *cfg, const char *file, const scout_toml_value *v)
{
	const char *glob = v->key + strlen(TABLE) + strlen(PER_PATH);
	scout_path_ignore *last =
	    cfg->npath_ignores ? &cfg->path_ignores[cfg->npath_ignores - 1] : NULL;
	scout_path_ignore e;

	if (v->type != SCOUT_TOML_STRING)
		return bad_value(file, v, "a list of rule ids or categories");
	if (last && strcmp(last->glob, glob) == 0) {
		char *joined = scout_asprintf("%s,%s", last->ids, v->text);

		free(last->ids);
		last->ids = joined;
		return 0;
	}
	e.glob = scout_strdup(glob);
	e.ids = scout_strdup(v->text);
	SCOUT_PUSH(cfg->path_ignores, cfg->npath_ignores, cfg->path_ignores_cap, e);
	return 0;
}

static int apply(scout_config *cfg, const char *file, const scout_toml_value *v)
{
	const char *key = v->key + strlen(TABLE);

	if (strcmp(key, "select") == 0)
		return add_string(&cfg->select, &cfg->nselect, &cfg->select_cap, file, v);
	if (strcmp(key, "ignore") == 0)
		return add_string(&cfg->ignore, &cfg->nignore, &cfg->ignore_cap, file, v);
	if (strcmp(key, "exclude") == 0)
		return add_string(&cfg->exclude, &cfg->nexclude, &cfg->exclude_cap, file, v);
	if (strcmp(key, "fail-on") == 0)
		return set_string(&cfg->fail_on, file, v);
	if (strcmp(key, "profile") == 0)
		return set_string(&cfg->profile, file, v);
	if (strcmp(key, "mypyc-version") == 0)
		return set_string(&cfg->mypyc_version, file, v);
	if (strcmp(key, "scope") == 0)
		return set_string(&cfg->scope, file, v);
	if (strcmp(key, "min-coverage") == 0)
		return set_percent(&cfg->min_coverage, file, v);
	if (scout_str_startswith(key, PER_PATH))
		return add_path_ignore(cfg, file, v);
	scout_error_set(
	    "%s:%u: unknown key '%.*s' in [tool.mypyc-scout] (known: select, ignore, "
	    "exclude, fail-on, min-coverage, profile, mypyc-version, scope, per-path-ignores)",
	    file, v->line, (int)strcspn(key, "."), key);
	return SCOUT_EUSAGE;
}

int scout_config_read(scout_config *out, const char *dir)
{
	char *path = scout_asprintf("%s/pyproject.toml", dir);
	scout_toml t;
	int error = 0;

	memset(out, 0, sizeof(*out));
	out->min_coverage = -1;
	if (scout_toml_load(&t, path) < 0) {
		free(path);
		return 0;
	}
	free(path);
	if (t.error_line) { /* what parsed may miss settings: refused as a bad value is */
		scout_error_set("pyproject.toml:%u: %s", t.error_line, t.error);
		scout_toml_free(&t);
		return SCOUT_EUSAGE;
	}
	for (size_t i = 0; i < t.len && !error; i++) {
		if (!scout_str_startswith(t.values[i].key, TABLE))
			continue;
		if (!out->file)
			out->file = scout_strdup("pyproject.toml");
		error = apply(out, "pyproject.toml", &t.values[i]);
	}
	scout_toml_free(&t);
	return error;
}

static void free_list(char **list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

void scout_config_free(scout_config *cfg)
{
	free(cfg->file);
	free_list(cfg->select, cfg->nselect);
	free_list(cfg->ignore, cfg->nignore);
	free_list(cfg->exclude, cfg->nexclude);
	free(cfg->fail_on);
	free(cfg->profile);
	free(cfg->mypyc_version);
	free(cfg->scope);
	for (size_t i = 0; i < cfg->npath_ignores; i++) {
		free(cfg->path_ignores[i].glob);
		free(cfg->path_ignores[i].ids);
	}
	free(cfg->path_ignores);
	memset(cfg, 0, sizeof(*cfg));
}
