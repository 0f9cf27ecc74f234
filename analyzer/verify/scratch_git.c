/* The scratch copy from git: the work tree's tracked files and the untracked
 * files .gitignore does not ignore (libgit2), or the tree of --rev read from
 * the object database. */
#include "scratch.h"

#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "scout/discover.h"
#include "scout/gitutil.h"

/* True when an untracked file at `below` (relative to c->from) sits in a
 * directory discovery skips (a virtualenv nobody ignored, build/...). */
static bool skipped_dir(const scratch_copy *c, const char *below)
{
	bool skipped = false;

	for (const char *p = strchr(below, '/'); p && !skipped; p = strchr(p + 1, '/')) {
		char *prefix = scout_strndup(below, (size_t)(p - below));
		const char *name = strrchr(prefix, '/');
		char *fs = scout_asprintf("%s/%s", c->from, prefix);

		skipped = scout_discover_skip_dir(name ? name + 1 : prefix, fs);
		free(prefix);
		free(fs);
	}
	return skipped;
}

static int copy_index(scratch_copy *c, git_repository *repo, const char *sub)
{
	git_index *index = NULL;
	int error = 0;

	if (git_repository_index(&index, repo) < 0)
		return scout_git_error("reading git's index");
	for (size_t i = 0, n = git_index_entrycount(index); i < n && !error; i++) {
		const git_index_entry *e = git_index_get_byindex(index, i);

		if (e && (e->mode & 0170000) != GIT_FILEMODE_COMMIT &&
		    scout_str_startswith(e->path, sub))
			error = scratch_copy_file(c, e->path + strlen(sub));
	}
	git_index_free(index);
	return error;
}

static int copy_untracked(scratch_copy *c, git_repository *repo, const char *sub)
{
	git_status_options so;
	git_status_list *list = NULL;
	int error = 0;

	if (git_status_options_init(&so, GIT_STATUS_OPTIONS_VERSION) < 0)
		return scout_git_error("listing untracked files");
	so.show = GIT_STATUS_SHOW_WORKDIR_ONLY;
	so.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
	           GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
	if (git_status_list_new(&list, repo, &so) < 0)
		return scout_git_error("listing untracked files");
	for (size_t i = 0, n = git_status_list_entrycount(list); i < n && !error; i++) {
		const git_status_entry *e = git_status_byindex(list, i);
		const char *path;

		if (!e || !(e->status & GIT_STATUS_WT_NEW) || !e->index_to_workdir)
			continue;
		path = e->index_to_workdir->new_file.path;
		if (scout_str_startswith(path, sub) && !skipped_dir(c, path + strlen(sub)))
			error = scratch_copy_file(c, path + strlen(sub));
	}
	git_status_list_free(list);
	return error;
}

int scratch_from_git(scratch_copy *c)
{
	git_repository *repo = NULL;
	char *sub = NULL;
	int error = 1;

	if (git_repository_open_ext(&repo, c->from, 0, NULL) < 0)
		return 1;
	if (git_repository_is_bare(repo) || !git_repository_workdir(repo))
		goto cleanup;
	sub = scout_git_prefix(repo, c->from);
	if (!sub)
		goto cleanup;
	if ((error = copy_index(c, repo, sub)) == 0)
		error = copy_untracked(c, repo, sub);
cleanup:
	free(sub);
	git_repository_free(repo);
	return error;
}

/* ---- --rev ---------------------------------------------------------------- */

typedef struct rev_copy {
	scratch_copy *c;
	git_repository *repo;
	const char *prefix; /* c->from inside the repository: "" or ending in '/' */
	int error;
} rev_copy;

static int write_blob(const char *root, const git_tree_entry *entry, void *payload)
{
	rev_copy *rc = payload;
	git_filemode_t mode = git_tree_entry_filemode(entry);
	git_blob *blob = NULL;
	char *path;

	if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB)
		return 0;
	path = scout_asprintf("%s%s", root, git_tree_entry_name(entry));
	if (scout_str_startswith(path, rc->prefix) &&
	    git_blob_lookup(&blob, rc->repo, git_tree_entry_id(entry)) == 0)
		rc->error = scratch_write_file(
		    rc->c, path + strlen(rc->prefix), git_blob_rawcontent(blob),
		    (size_t)git_blob_rawsize(blob), mode == GIT_FILEMODE_BLOB_EXECUTABLE,
		    mode == GIT_FILEMODE_LINK);
	git_blob_free(blob);
	free(path);
	return rc->error < 0 ? -1 : 0;
}

int scratch_from_rev(scratch_copy *c, const char *rev)
{
	git_repository *repo = NULL;
	git_object *obj = NULL;
	git_tree *tree = NULL;
	rev_copy rc = {.c = c};
	char *prefix = NULL;
	int error = SCOUT_ERROR;

	if (git_repository_open_ext(&repo, c->from, 0, NULL) < 0) {
		scout_error_set("--rev: '%s' is not in a git repository", c->from);
		goto cleanup;
	}
	if (git_revparse_single(&obj, repo, rev) < 0 ||
	    git_object_peel((git_object **)&tree, obj, GIT_OBJECT_TREE) < 0) {
		scout_git_error(rev);
		goto cleanup;
	}
	prefix = git_repository_is_bare(repo) ? scout_strdup("") : scout_git_prefix(repo, c->from);
	rc.repo = repo;
	rc.prefix = prefix ? prefix : "";
	if (git_tree_walk(tree, GIT_TREEWALK_PRE, write_blob, &rc) < 0) {
		if (rc.error == 0)
			scout_git_error("--rev: reading the tree");
		goto cleanup;
	}
	error = 0;
cleanup:
	free(prefix);
	git_tree_free(tree);
	git_object_free(obj);
	git_repository_free(repo);
	return error;
}
