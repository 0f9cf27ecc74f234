/* What setuptools is told about the wheel's packages, by one configuration
 * file or by all of them merged (setup.py over pyproject.toml over
 * setup.cfg, option by option), and the finders that resolve it. */
#ifndef SCOUT_SCOPE_SETUPTOOLS_H
#define SCOUT_SCOPE_SETUPTOOLS_H

#include "scope_internal.h"

typedef enum scope_finder {
	SCOPE_FIND_PACKAGES, /* find_packages: directories with __init__.py */
	SCOPE_FIND_PEP420,   /* find_namespace_packages: every directory */
	SCOPE_FIND_FLAT, /* automatic discovery's flat layout: identifiers, reserved names out */
} scope_finder;

typedef struct scope_spec {
	const char *packages_from; /* static; where `packages` was given, NULL: nowhere */
	bool find;                 /* packages = find(...) */
	scope_finder finder;
	const char *unreadable;      /* static; the keyword setup.py computes, NULL: none */
	scope_list packages;         /* the explicit list */
	scope_list where;            /* find's directories ("." when none given) */
	scope_list include;          /* find's include patterns ("*" when none given) */
	scope_list exclude;          /* find's exclude patterns */
	const char *py_modules_from; /* static */
	scope_list py_modules;
	const char *package_dir_from;    /* static */
	scope_list dir_names, dir_paths; /* package_dir, pairwise */
	bool ext_modules;                /* setup.py passes ext_modules */
} scope_spec;

void scope_spec_free(scope_spec *s);

/* The readers, each filling *out (zeroed first) from one file. */
void scope_setup_cfg_read(scope_spec *out, const char *dir);
void scope_setup_py_read(scope_spec *out, const char *dir);

/* Marks the modules of the packages the finder finds beneath `where`
 * (relative to the project) with the include/exclude patterns; returns how
 * many it marked. */
size_t scope_find_mark(scope_ctx *c, scope_finder finder, const char *where,
                       const scope_list *include, const scope_list *exclude);
/* setuptools' automatic discovery (no packages, no py_modules): the
 * package_dir layout, then src-layout, then flat-layout. False (c->why
 * says why) when setuptools would stop the build. */
bool scope_discover(scope_ctx *c, const scope_spec *s);

#endif
