/* Shared libgit2 helpers. */
#include "scout/gitutil.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

char *scout_git_prefix(git_repository *repo, const char *root)
{
	char real[PATH_MAX], top[PATH_MAX];
	const char *workdir = git_repository_workdir(repo);
	size_t n;

	if (!workdir || !realpath(root, real) || !realpath(workdir, top))
		return scout_strdup("");
	n = strlen(top);
	if (strncmp(real, top, n) != 0 || real[n] != '/')
		return scout_strdup("");
	return scout_asprintf("%s/", real + n + 1);
}

int scout_git_error(const char *what)
{
	const git_error *e = git_error_last();

	return scout_error_set("%s: %s", what, e && e->message ? e->message : "git failed");
}
