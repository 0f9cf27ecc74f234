/* `[tool.mypyc-scout]` in pyproject.toml: the project's defaults for the scan
 * flags. Command-line flags win over it. */
#ifndef SCOUT_CONFIG_H
#define SCOUT_CONFIG_H

#include "scout/common.h"

typedef struct scout_path_ignore {
	char *glob; /* owned; matched like --exclude */
	char *ids;  /* owned; comma-separated rule ids or categories */
} scout_path_ignore;

typedef struct scout_config {
	char *file; /* owned; "pyproject.toml" when it has the table, else NULL */
	char **select, **ignore, **exclude; /* owned lists of owned strings */
	size_t nselect, nignore, nexclude, select_cap, ignore_cap, exclude_cap;
	char *fail_on, *profile, *mypyc_version, *scope; /* owned or NULL */
	double min_coverage;                             /* percent; < 0 when not set */
	scout_path_ignore *path_ignores;
	size_t npath_ignores, path_ignores_cap;
} scout_config;

/* Reads `dir`/pyproject.toml's [tool.mypyc-scout] table into *out (free with
 * scout_config_free). Returns 0 (also when there is no such table), or
 * SCOUT_EUSAGE with a one-line message naming the unknown key or the bad
 * value and its line. */
int scout_config_read(scout_config *out, const char *dir);
void scout_config_free(scout_config *cfg);

#endif
