/* Discovery's internals, shared by the filesystem walk (discover.c) and the
 * git listing (discover_git.c). Not part of the public API. */
#ifndef SCOUT_DISCOVER_INTERNAL_H
#define SCOUT_DISCOVER_INTERNAL_H

#include "scout/discover.h"

/* One discovery run: where files and diagnostics go, and the --exclude globs. */
typedef struct scout_discover_ctx {
	scout_file_list *out;
	scout_scan *scan;
	const char *const *excludes; /* borrowed from the options */
	size_t nexcludes;
	bool used_git;        /* some directory was listed by git */
	size_t *exclude_hits; /* borrowed from the options; NULL: not counted */
	/* owned; the real path of the directory being discovered: a symlink to
	 * a file outside it is not followed. NULL: none is checked. */
	char *top;
} scout_discover_ctx;

/* scout_discover_excluded with the run's patterns, counting in
 * exclude_hits each pattern that matches `rel`. */
bool scout_discover_ctx_excluded(scout_discover_ctx *ctx, const char *rel);

/* `dir` + "/" + `name`, or `name` alone when dir is "" (owned by caller,
 * free with free()). */
char *scout_discover_join(const char *dir, const char *name);

/* True for a file name discovery scans: "*.py" (not "*.pyi", not ".py"). */
bool scout_discover_is_python(const char *name);

/* Lists the file at `fs` as `rel` when it is a regular file or a symlink to
 * one within ctx->top (the strings are copied). A dangling symlink is listed
 * too (the loader reports it); a symlink to a file outside the tree, like
 * another non-regular file, gets a `skipped` diagnostic (as a directory
 * symlink does); a directory or a path that no longer exists is dropped. */
void scout_discover_file(scout_discover_ctx *ctx, const char *rel, const char *fs);

/* Lists the Python files git sees under the directory `fs` (tracked files
 * still on disk, untracked files not ignored), reported as `rel` + "/" + the
 * path below fs. Returns 0 when git listed them, 1 when fs is not inside a
 * git work tree (or git cannot list it), so the caller walks the filesystem. */
int scout_discover_git(scout_discover_ctx *ctx, const char *rel, const char *fs);

/* --rev: lists the Python files of `rev`'s tree under the directory `root`
 * (blobs read from the object database, no checkout), only those within the
 * `paths` given (files or directories of the commit, on disk or not; none:
 * all of root); sets scan->root and scan->source ("rev:<commit>"). Returns
 * 0, SCOUT_ENOTFOUND when a path given is not in the commit, or SCOUT_ERROR
 * with the reason. */
int scout_discover_rev(scout_discover_ctx *ctx, const char *root, const char *const *paths,
                       size_t npaths, const char *rev);

#endif
