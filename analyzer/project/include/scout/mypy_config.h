/* The mypy configuration mypyc would run with, read as mypy finds it:
 * mypy.ini, .mypy.ini, pyproject.toml ([tool.mypy]), setup.cfg ([mypy]) — the
 * first that applies. Only the global options mypyc itself checks and those
 * that decide what mypy deems reachable. */
#ifndef SCOUT_MYPY_CONFIG_H
#define SCOUT_MYPY_CONFIG_H

#include "scout/common.h"

typedef struct scout_mypy_config {
	char *file;                     /* owned; the file used, NULL when none */
	uint32_t strict_optional_false; /* line of strict_optional = False, or 0 */
	uint32_t strict_bytes_false;    /* line of strict_bytes = False, or 0 */
	char *python_version;           /* owned; "3.8" as written, or NULL */
	char *platform;                 /* owned; sys.platform mypy assumes, or NULL */
	char **always_true;             /* owned; NULL-terminated, or NULL */
	char **always_false;            /* owned; NULL-terminated, or NULL */
} scout_mypy_config;

/* Reads the configuration found in `dir` into *out (free with
 * scout_mypy_config_free). Returns 0, also when no file is found. */
int scout_mypy_config_read(scout_mypy_config *out, const char *dir);
void scout_mypy_config_free(scout_mypy_config *cfg);

#endif
