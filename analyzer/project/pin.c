/* Reading the pinned mypy/mypyc version from pyproject.toml and requirement
 * files. */
#include "scout/pin.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scout/fs.h"
#include "scout/toml.h"
#include "scout/walk.h"

static bool parse_version(const char *p, uint32_t *out)
{
	unsigned major = 0, minor = 0, patch = 0;
	int n = sscanf(p, "%u.%u.%u", &major, &minor, &patch);

	if (n < 2 || minor > 999 || patch > 999)
		return false;
	*out = SCOUT_V(major, minor, patch);
	return true;
}

bool scout_pin_requirement(const char *req, uint32_t *version)
{
	const char *p = req;

	while (*p == ' ' || *p == '\t')
		p++;
	if (strncasecmp(p, "mypy", 4) != 0)
		return false;
	p += 4;
	if (isalnum((unsigned char)*p) || *p == '-' || *p == '_' || *p == '.')
		return false; /* mypy-extensions, mypy_boto3, ... */
	while (*p == ' ')
		p++;
	if (*p == '[') { /* extras: mypy[mypyc] */
		p = strchr(p, ']');
		if (!p)
			return false;
		p++;
	}
	/* The first ==, ~= or >= clause; < alone says nothing usable. */
	for (; *p && *p != ';' && *p != '#'; p++) {
		if ((p[0] == '=' && p[1] == '=') || (p[0] == '~' && p[1] == '=') ||
		    (p[0] == '>' && p[1] == '=')) {
			p += 2;
			while (*p == ' ' || *p == '=')
				p++;
			return parse_version(p, version);
		}
	}
	return false;
}

static char *describe(const char *where, const char *req)
{
	return scout_asprintf("%s: %s", where, req);
}

static bool from_toml_list(const scout_toml *t, const char *key, const char *where,
                           uint32_t *version, char **why)
{
	for (size_t i = 0; i < t->len; i++) {
		const scout_toml_value *v = &t->values[i];

		if (v->type == SCOUT_TOML_STRING && strcmp(v->key, key) == 0 &&
		    scout_pin_requirement(v->text, version)) {
			*why = describe(where, v->text);
			return true;
		}
	}
	return false;
}

static bool from_pyproject(const char *dir, uint32_t *version, char **why)
{
	char *path = scout_asprintf("%s/pyproject.toml", dir);
	scout_toml t;
	bool found;

	if (scout_toml_load(&t, path) < 0) {
		free(path);
		return false;
	}
	free(path);
	found = from_toml_list(&t, "build-system.requires",
	                       "pyproject.toml [build-system] requires", version, why);
	found =
	    found || from_toml_list(&t, "tool.hatch.build.targets.wheel.hooks.mypyc.dependencies",
	                            "pyproject.toml hatch-mypyc dependencies", version, why);
	found = found || from_toml_list(&t, "tool.hatch.build.hooks.mypyc.dependencies",
	                                "pyproject.toml hatch-mypyc dependencies", version, why);
	scout_toml_free(&t);
	return found;
}

static bool from_requirements_file(const char *dir, const char *name, uint32_t *version, char **why)
{
	char *path = scout_asprintf("%s/%s", dir, name), *data = NULL, *line, *end, *next;
	size_t len;
	bool found = false;

	if (scout_fs_read(&data, &len, path, SCOUT_FS_CONFIG_MAX_BYTES, SCOUT_FS_REPORT, NULL) <
	    0) {
		free(path);
		return false;
	}
	free(path);
	end = data + len;
	for (line = data; !found && line < end; line = next) {
		char *nl = memchr(line, '\n', (size_t)(end - line));

		next = nl ? nl + 1 : end;
		if (nl)
			*nl = '\0';
		line[strcspn(line, "\r")] = '\0';
		if (scout_pin_requirement(line, version)) {
			*why = describe(name, line);
			found = true;
		}
	}
	free(data);
	return found;
}

static bool from_requirements(const char *dir, uint32_t *version, char **why)
{
	char **names;
	size_t n;
	bool found = false;

	scout_fs_list(dir, &names, &n);
	for (size_t i = 0; i < n; i++) {
		if (strstr(names[i], "requirements") && scout_str_endswith(names[i], ".txt"))
			found = found || from_requirements_file(dir, names[i], version, why);
		free(names[i]);
	}
	free(names);
	return found;
}

int scout_pin_find(const char *dir, uint32_t *version, char **why)
{
	*why = NULL;
	if (from_pyproject(dir, version, why) || from_requirements(dir, version, why))
		return 0;
	return SCOUT_ENOTFOUND;
}
