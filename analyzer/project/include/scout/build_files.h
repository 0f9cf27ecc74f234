/* The directories of a checkout whose setup.py or pyproject.toml may build
 * a wheel with mypyc: the root, and every directory up to three levels
 * down that holds scanned modules (a sub-project such as sqlglot's
 * sqlglotc/), but none under tests, fixtures, examples, docs, build
 * outputs or hidden directories. */
#ifndef SCOUT_BUILD_FILES_H
#define SCOUT_BUILD_FILES_H

#include "scout/result.h"

/* *dirs: owned by caller (free each and the array), relative to the root,
 * "" for the root itself, which comes first; the rest sorted. */
void scout_build_dirs(const scout_scan *scan, char ***dirs, size_t *n);

#endif
