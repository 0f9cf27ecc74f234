/* Reading [build-system] build-backend. */
#include "scout/build_backend.h"

#include <stdlib.h>
#include <sys/stat.h>

#include "scout/toml.h"

static bool exists(const char *dir, const char *file)
{
	char *path = scout_asprintf("%s/%s", dir, file);
	struct stat st;
	bool yes = stat(path, &st) == 0 && S_ISREG(st.st_mode);

	free(path);
	return yes;
}

static scout_backend classify(const char *backend)
{
	if (scout_str_startswith(backend, "setuptools"))
		return SCOUT_BACKEND_SETUPTOOLS;
	if (scout_str_startswith(backend, "hatchling"))
		return SCOUT_BACKEND_HATCH;
	return SCOUT_BACKEND_OTHER;
}

scout_backend scout_build_backend_read(const char *dir, char **name)
{
	char *path = scout_asprintf("%s/pyproject.toml", dir);
	scout_toml t;
	scout_backend k = SCOUT_BACKEND_UNKNOWN;

	*name = NULL;
	if (scout_toml_load(&t, path) == 0) {
		const scout_toml_value *bb = scout_toml_get(&t, "build-system.build-backend");

		if (bb && bb->text) {
			*name = scout_strdup(bb->text);
			k = classify(bb->text);
		}
		scout_toml_free(&t);
	}
	free(path);
	if (k == SCOUT_BACKEND_UNKNOWN &&
	    (exists(dir, "pyproject.toml") || exists(dir, "setup.py") || exists(dir, "setup.cfg")))
		k = SCOUT_BACKEND_SETUPTOOLS; /* pip's default when nothing is named */
	return k;
}
