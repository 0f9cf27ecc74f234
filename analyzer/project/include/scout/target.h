/* The Python version and platform mypy analyses a project for, as mypyc
 * would run it: the mypy configuration's python_version and platform, else
 * the lower bound of the project's requires-python, else the oldest CPython
 * the evaluated mypyc runs on; Linux unless configured. */
#ifndef SCOUT_TARGET_H
#define SCOUT_TARGET_H

#include "scout/mypy_config.h"
#include "scout/reach.h"

/* Fills *out from the mypy configuration `cfg` (borrowed: the target points
 * into it, so it must outlive the target) and the project files in `dir`;
 * *source (owned) says where the version came from, e.g. "mypy.ini
 * python_version" or "pyproject.toml [project] requires-python >=3.8". */
void scout_target_find(scout_target *out, char **source, const char *dir,
                       const scout_mypy_config *cfg, uint32_t mypyc_version);

#endif
