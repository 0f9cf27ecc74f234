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
	const char *const *excludes; /* globs, see scout_discover_excluded */
	size_t nexcludes;
	const char *rev; /* --rev: list the tree of this commit instead of the disk */
} scout_discover_opts;

/* Lists the files to scan into *out (free with scout_file_list_free). Sets
 * scan->root and scan->source. Per-path problems (unreadable directories,
 * symlinks not followed) become diagnostics in scan. Returns 0, or
 * SCOUT_ENOTFOUND / SCOUT_ERROR (message in scout_error_last()) when a path
 * given on the command line cannot be scanned at all. */
int scout_discover(scout_file_list *out, scout_scan *scan, const scout_discover_opts *opts);
void scout_file_list_free(scout_file_list *list);

/* True when the '/'-separated relative path matches one of the globs: a glob
 * matches the whole path, any directory prefix of it, or any single component. */
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
