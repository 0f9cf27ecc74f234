/* Shared by the packaging readers behind scout_scope_read: each decides
 * which scanned modules its build backend puts into the wheel. Paths are
 * relative to the project directory, '/'-separated, as module paths are. */
#ifndef SCOUT_SCOPE_INTERNAL_H
#define SCOUT_SCOPE_INTERNAL_H

#include "scout/result.h"
#include "scout/toml.h"

typedef struct scope_list {
	char **v; /* owned strings */
	size_t n, cap;
} scope_list;

typedef struct scope_ctx {
	scout_scan *scan;
	const char *dir;             /* the project directory */
	const scout_toml *pyproject; /* its pyproject.toml; empty when absent */
	char *source;                /* owned; how the reader that decided found the scope */
	char *why;                   /* owned; why a reader could not decide, for the fallback */
} scope_ctx;

/* ---- scope_paths.c -------------------------------------------------- */
void scope_list_add(scope_list *l, const char *s);
void scope_list_free(scope_list *l);
/* `path` without "./", empty or "." segments and trailing '/' ("" for the
 * project directory itself). Owned by caller. */
char *scope_norm(const char *path);
/* Whether `path` is `dir` or beneath it (dir "" holds everything). */
bool scope_under(const char *path, const char *dir);
/* `path` relative to `dir`, borrowed from path; call only when scope_under. */
const char *scope_rel(const char *path, const char *dir);
/* Whether dir/rel exists on disk, as a directory (want_dir) or a file. */
bool scope_exists(const scope_ctx *c, const char *rel, bool want_dir);
/* Marks shipped: every module beneath `dir`; the modules directly in `dir`;
 * the module at `path`. Each returns how many it marked. */
size_t scope_mark_tree(scope_ctx *c, const char *dir);
size_t scope_mark_flat(scope_ctx *c, const char *dir);
size_t scope_mark_file(scope_ctx *c, const char *path);
/* A Python identifier (ASCII letters, digits, '_'; non-ASCII taken as letters). */
bool scope_identifier(const char *s, size_t len);
/* The strings at `key` of pyproject.toml, appended to out; false when absent. */
bool scope_toml_strings(const scout_toml *t, const char *key, scope_list *out);
/* The text of `key` when it is a string, else NULL. Borrowed. */
const char *scope_toml_string(const scout_toml *t, const char *key);
/* Whether some key of t starts with `prefix`. */
bool scope_toml_has(const scout_toml *t, const char *prefix);
void scope_set(char **field, char *text); /* frees the old, takes text */

/* ---- readers: true when the backend's rules decided the scope ---------- */
bool scope_setuptools(scope_ctx *c);
bool scope_hatch(scope_ctx *c);
bool scope_flit(scope_ctx *c);
bool scope_poetry(scope_ctx *c);
bool scope_pdm(scope_ctx *c);
/* Whether the top of `path` is a directory or script setuptools' flat
 * layout never ships (docs/, tests/, scripts/, setup.py, conftest.py, ...). */
bool scope_flat_reserved(const char *path);
/* Without a decision: every module outside tests and the directories and
 * scripts setuptools' flat layout never ships. */
void scope_fallback(scope_ctx *c);

#endif
