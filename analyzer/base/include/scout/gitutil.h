/* Small libgit2 helpers shared by discovery, --rev and --diff. */
#ifndef SCOUT_GITUTIL_H
#define SCOUT_GITUTIL_H

#include <git2.h>

#include "scout/common.h"

/* The directory `root` as a path inside repo's work tree: "" for its top,
 * else "sub/dir/" (owned by caller, free with free()). */
char *scout_git_prefix(git_repository *repo, const char *root);

/* Sets this thread's error message from libgit2's last error, prefixed with
 * `what`. Returns SCOUT_ERROR. */
int scout_git_error(const char *what);

#endif
