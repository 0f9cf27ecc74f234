/* The scratch copy's internals, shared by the filesystem copy (scratch.c)
 * and the git exports (scratch_git.c). */
#ifndef SCOUT_VERIFY_SCRATCH_H
#define SCOUT_VERIFY_SCRATCH_H

#include "scout/verify.h"

typedef struct scratch_copy {
	const char *from; /* the project directory */
	const char *to;   /* the scratch directory */
	size_t files;     /* copied so far */
} scratch_copy;

/* Copies the project file `rel` (a regular file or symlink; anything else is
 * skipped) to the same place under c->to, making its directories. Returns 0
 * or SCOUT_EIO with the reason. */
int scratch_copy_file(scratch_copy *c, const char *rel);

/* Writes `len` bytes as the file `rel` under c->to (mode 0755 when
 * `executable`, a symlink to `data` when `link`). Returns 0 or SCOUT_EIO. */
int scratch_write_file(scratch_copy *c, const char *rel, const char *data, size_t len,
                       bool executable, bool link);

/* Inside a git work tree: copies the tracked and the untracked-not-ignored
 * files under c->from. Returns 0, 1 when c->from is not in a work tree, or
 * an error. */
int scratch_from_git(scratch_copy *c);

/* Writes the tree of `rev` under c->from's place in the repository. Returns
 * 0 or SCOUT_ERROR. */
int scratch_from_rev(scratch_copy *c, const char *rev);

#endif
