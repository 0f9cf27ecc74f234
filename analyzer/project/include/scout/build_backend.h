/* Which build backend makes the project's wheel: what the plan's
 * paste-ready snippet is written for. */
#ifndef SCOUT_BUILD_BACKEND_H
#define SCOUT_BUILD_BACKEND_H

#include "scout/common.h"

typedef enum scout_backend {
	SCOUT_BACKEND_UNKNOWN = 0, /* no packaging files: both snippets */
	SCOUT_BACKEND_SETUPTOOLS,  /* setuptools: mypycify() in setup.py */
	SCOUT_BACKEND_HATCH,       /* hatchling: the hatch-mypyc build hook */
	SCOUT_BACKEND_OTHER,       /* a backend that cannot build mypyc extensions */
} scout_backend;

/* The backend `dir`'s pyproject.toml names in [build-system] build-backend;
 * without one, setuptools when pyproject.toml, setup.py or setup.cfg exists.
 * *name gets the backend as written (owned; NULL when none is named). */
scout_backend scout_build_backend_read(const char *dir, char **name);

#endif
