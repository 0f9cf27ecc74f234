/* The mypy configuration mypyc would run with, read as mypy finds it:
 * mypy.ini, .mypy.ini, pyproject.toml ([tool.mypy]), setup.cfg ([mypy]) — the
 * first that applies. Only the global options mypyc itself checks, those
 * that decide what mypy deems reachable, and the options that hide mypy
 * errors in a module (ignore_errors, disable_error_code), globally and per
 * module. */
#ifndef SCOUT_MYPY_CONFIG_H
#define SCOUT_MYPY_CONFIG_H

#include "scout/common.h"

/* A boolean option as a section sets it, or not. */
typedef enum { SCOUT_MYPY_UNSET, SCOUT_MYPY_FALSE, SCOUT_MYPY_TRUE } scout_mypy_flag;

/* The options that hide mypy errors, of [mypy] or of one module pattern of
 * a [mypy-PATTERN,...] section or a [[tool.mypy.overrides]] table. */
typedef struct scout_mypy_section {
	char *pattern;       /* owned; "pkg.mod", "pkg.*", "pkg.*.mod"; NULL for [mypy] */
	int ignore_errors;   /* -1 unset, else 0 or 1 */
	char *disable_codes; /* owned; comma-separated error codes, or NULL */
	/* check_untyped_defs: mypy then checks the bodies of functions without
	 * annotations, and has no annotation-unchecked note to give. */
	scout_mypy_flag check_untyped;
	scout_mypy_flag strict; /* read for [mypy] only, where mypy reads it */
} scout_mypy_section;

typedef struct scout_mypy_config {
	char *file;                     /* owned; the file used, NULL when none */
	uint32_t strict_optional_false; /* line of strict_optional = False, or 0 */
	uint32_t strict_bytes_false;    /* line of strict_bytes = False, or 0 */
	char *python_version;           /* owned; "3.8" as written, or NULL */
	char *platform;                 /* owned; sys.platform mypy assumes, or NULL */
	char **always_true;             /* owned; NULL-terminated, or NULL */
	char **always_false;            /* owned; NULL-terminated, or NULL */
	scout_mypy_section global;      /* [mypy] / [tool.mypy] */
	scout_mypy_section *sections;   /* owned; per-module patterns, in file order */
	size_t nsections, sections_cap;
} scout_mypy_config;

/* Reads the configuration found in `dir` into *out (free with
 * scout_mypy_config_free). Returns 0, also when no file is found. */
int scout_mypy_config_read(scout_mypy_config *out, const char *dir);
void scout_mypy_config_free(scout_mypy_config *cfg);

/* Whether mypy ignores the errors of `module` (a dotted name) under this
 * configuration; appends to `disabled` the error codes disabled there
 * (comma-separated), and annotation-unchecked where check_untyped_defs
 * (set, or implied by strict) leaves mypy no note of that code to give. Sections apply as mypy's
 * Options.clone_for_module applies them: [mypy], then the `pkg.*` patterns matching the module from
 * the least specific, then the patterns with a `*` inside in file order,
 * then the module's own section; the last ignore_errors set wins, disabled
 * codes add up. */
bool scout_mypy_config_module(const scout_mypy_config *cfg, const char *module,
                              scout_buf *disabled);

/* Appends the per-module options to `b`, for identities of results that
 * depend on them. */
void scout_mypy_config_put_ignores(const scout_mypy_config *cfg, scout_buf *b);

/* For the readers: a new section for `pattern` (len bytes; copied, '/' read
 * as '.'), or the existing one of that pattern with its options cleared (a
 * later section of one pattern replaces them, as in mypy's dict of
 * sections); NULL for a pattern mypy rejects. Borrowed from cfg until the
 * next call. */
scout_mypy_section *scout_mypy_config_section(scout_mypy_config *cfg, const char *pattern,
                                              size_t len);
/* Frees the sections and clears [mypy]'s options. */
void scout_mypy_config_clear_sections(scout_mypy_config *cfg);

#endif
