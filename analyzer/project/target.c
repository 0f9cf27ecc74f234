/* The target Python of a scan (see scout/target.h). */
#include "scout/target.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scout/fs.h"
#include "scout/python_spec.h"
#include "scout/toml.h"

/* "3.8" (or "3.10.2"): true with major and minor set. */
static bool parse_version(const char *text, int *major, int *minor)
{
	char *end;
	long a, b;

	if (!text || !isdigit((unsigned char)text[0]))
		return false;
	a = strtol(text, &end, 10);
	if (*end != '.' || !isdigit((unsigned char)end[1]))
		return false;
	b = strtol(end + 1, &end, 10);
	if (a < 2 || a > 9 || b < 0 || b > 99)
		return false;
	*major = (int)a;
	*minor = (int)b;
	return true;
}

/* The lower bound of a specifier, when it has one in CPython 3. */
static bool lower_bound(const char *spec, int *minor)
{
	scout_python_range r = scout_python_spec_parse(spec);

	if (!r.parsed || r.lo < 0)
		return false;
	*minor = r.lo;
	return true;
}

static bool from_pyproject(const char *dir, int *minor, char **source)
{
	static const char *const keys[][2] = {
	    {"project.requires-python", "pyproject.toml [project] requires-python"},
	    {"tool.poetry.dependencies.python", "pyproject.toml [tool.poetry.dependencies] python"},
	};
	char *path = scout_asprintf("%s/pyproject.toml", dir);
	scout_toml t;
	bool found = false;

	if (scout_toml_load(&t, path) == 0) {
		for (size_t i = 0; !found && i < sizeof(keys) / sizeof(*keys); i++) {
			const scout_toml_value *v = scout_toml_get(&t, keys[i][0]);

			if (v && v->type == SCOUT_TOML_STRING && lower_bound(v->text, minor)) {
				*source = scout_asprintf("%s %s", keys[i][1], v->text);
				found = true;
			}
		}
		scout_toml_free(&t);
	}
	free(path);
	return found;
}

/* `python_requires = >=3.8` in setup.cfg, `python_requires=">=3.8"` in
 * setup.py: the first such key whose value reads as a specifier. */
static bool from_lines(const char *dir, const char *file, int *minor, char **source)
{
	char *path = scout_asprintf("%s/%s", dir, file), *data = NULL;
	const char *key;
	size_t len = 0;
	bool found = false;

	if (scout_fs_read(&data, &len, path, SCOUT_FS_CONFIG_MAX_BYTES, SCOUT_FS_REPORT, NULL) ==
	    0) {
		for (key = strstr(data, "python_requires"); key && !found;
		     key = strstr(key + 15, "python_requires")) {
			const char *p = key + 15;
			char spec[128];
			size_t n;

			while (*p == ' ' || *p == '\t' || *p == '=' || *p == ':' || *p == '"' ||
			       *p == '\'')
				p++;
			n = strcspn(p, "\"'\n#");
			if (n == 0 || n >= sizeof(spec))
				continue;
			memcpy(spec, p, n);
			spec[n] = '\0';
			if (lower_bound(spec, minor)) {
				*source = scout_asprintf("%s python_requires %s", file, spec);
				found = true;
			}
		}
		free(data);
	}
	free(path);
	return found;
}

void scout_target_find(scout_target *out, char **source, const char *dir,
                       const scout_mypy_config *cfg, uint32_t mypyc_version)
{
	int minor;

	memset(out, 0, sizeof(*out));
	out->platform = cfg->platform ? cfg->platform : SCOUT_TARGET_DEFAULT_PLATFORM;
	out->always_true = (const char *const *)cfg->always_true;
	out->always_false = (const char *const *)cfg->always_false;
	if (parse_version(cfg->python_version, &out->major, &out->minor)) {
		*source = scout_asprintf(
		    "%s %s python_version", cfg->file ? cfg->file : "mypy config",
		    cfg->file && scout_str_endswith(cfg->file, ".toml") ? "[tool.mypy]" : "[mypy]");
		return;
	}
	out->major = 3;
	if (from_pyproject(dir, &minor, source) || from_lines(dir, "setup.cfg", &minor, source) ||
	    from_lines(dir, "setup.py", &minor, source)) {
		out->minor = minor;
		return;
	}
	out->minor = scout_python_min_minor_for_mypyc(mypyc_version);
	*source = scout_strdup("default: the oldest Python the evaluated mypyc runs on");
}
