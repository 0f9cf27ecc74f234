/* Which mypyc a repository builds with, read from its own files (never run):
 * the default for --mypyc-version. */
#ifndef SCOUT_PIN_H
#define SCOUT_PIN_H

#include "scout/common.h"

/* Looks in `dir` for, in order: a mypy requirement in pyproject.toml's
 * `[build-system] requires`, hatch-mypyc's
 * `dependencies`, then requirement files (*requirements*.txt). An exact pin
 * (==X.Y[.Z]) gives that version; a lower bound (>=, ~=) gives the bound.
 * Sets *version (SCOUT_V) and *why (owned by caller, free with free(): e.g.
 * "pyproject.toml [build-system] requires: mypy==1.13.0"). Returns 0, or
 * SCOUT_ENOTFOUND when nothing pins it. */
int scout_pin_find(const char *dir, uint32_t *version, char **why);

/* Parses one requirement string; true when it is mypy with a usable pin. */
bool scout_pin_requirement(const char *req, uint32_t *version);

#endif
