/* Discovery: which Python files a scan covers, and their module names. */
#ifndef SCOUT_DISCOVER_H
#define SCOUT_DISCOVER_H

#include "scout/result.h"

typedef struct scout_file {
	char *rel;    /* owned; path in reports: relative to the root, '/'-separated */
	char *fs;     /* owned; path to open on disk */
	char *module; /* owned; dotted module name */
	char *blob;   /* owned; hex id of the git blob to read (--rev), else NULL */
	/* The work tree file's content as git knows it without reading it: the
	 * index entry's blob id when the entry's stat data matches the file on
	 * disk and the entry is not racily clean, else "". size is the file's
	 * size on disk then. */
	char oid[41];
	uint64_t size;
} scout_file;

typedef struct scout_file_list {
	scout_file *files; /* owned, sorted by rel */
	size_t len, cap;
} scout_file_list;

typedef struct scout_discover_opts {
	const char *const *paths; /* as given on the command line; none means "." */
	size_t npaths;
	const char *const *excludes; /* gitignore patterns, see scout_discover_excluded */
	size_t nexcludes;
	const char *rev; /* --rev: list the tree of this commit instead of the disk */
	/* The project root (scout_discover_project_root): paths are reported
	 * relative to it. NULL: the one directory given, else the current one. */
	const char *root;
	/* Borrowed; NULL, or nexcludes counters (zeroed by the caller): how many
	 * paths each pattern matched, for "matches nothing" warnings. */
	size_t *exclude_hits;
} scout_discover_opts;

/* Lists the files to scan into *out (free with scout_file_list_free). Sets
 * scan->root and scan->source. Per-path problems (unreadable directories,
 * symlinks not followed) become diagnostics in scan. Returns 0, or
 * SCOUT_ENOTFOUND / SCOUT_ERROR (message in scout_error_last()) when a path
 * given on the command line cannot be scanned at all. */
int scout_discover(scout_file_list *out, scout_scan *scan, const scout_discover_opts *opts);
void scout_file_list_free(scout_file_list *list);

/* The project root that owns the paths given (none means "."), found as
 * mypy and ruff find their configuration: from the directory holding them (a
 * file's parent; the deepest common directory of several) up through its
 * parents to the nearest one with pyproject.toml, setup.py, setup.cfg,
 * mypy.ini or .mypy.ini, stopping after a work tree's top (.git, .hg) and at
 * "/". Returned as a path from the current directory: "." for it, relative
 * below or above it, else absolute. NULL when no such directory is found.
 * Owned by caller, free with free(). */
char *scout_discover_project_root(const char *const *paths, size_t npaths);

/* path relative to the directory root ("" for root itself), both taken
 * lexically from the current directory; NULL when path is not inside root.
 * Owned by caller, free with free(). */
char *scout_discover_relative(const char *path, const char *root);

/* True when the '/'-separated relative path is excluded by the patterns,
 * read as a .gitignore is (scout_gitignore_any): "tests" and "tests/" at any
 * depth, "/tests" and "pkg/tests" from the root, "**" across directories,
 * "*" within one, a matching directory excludes what it holds, the last
 * matching pattern decides and "!" re-includes. */
bool scout_discover_excluded(const char *rel, const char *const *globs, size_t nglobs);

/* The dotted module name of the Python file at fs_path (existing on disk):
 * the chain of parent directories holding __init__.py gives the package.
 * Owned by caller, free with free(). */
char *scout_discover_module_name(const char *fs_path);

/* True for a directory the walk never enters (and verify's scratch copy
 * skips): .git, __pycache__, build, dist,
 * .tox, .nox, node_modules, *.egg-info, or a virtualenv (fs holds pyvenv.cfg). */
bool scout_discover_skip_dir(const char *name, const char *fs);

#endif
