/* Discovery inside a git work tree: libgit2 lists the tracked files (from the
 * index) and the untracked files that .gitignore does not ignore. */
#include "discover_internal.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <git2.h>

/* One directory listed by git. */
typedef struct git_listing {
	scout_discover_ctx *ctx;
	const char *rel; /* borrowed; report prefix, "" for the root */
	const char *fs;  /* borrowed; the scanned directory, "" for "." */
	char *sub;       /* owned; its path in the work tree: "" or ending in '/' */
	char *clean_dir; /* owned; the last untracked file's directory found not skipped */
} git_listing;

/* path with a '/' at the end (owned by caller, free with free()). */
static char *with_slash(const char *path)
{
	return scout_str_endswith(path, "/") ? scout_strdup(path) : scout_asprintf("%s/", path);
}

/* Sets w->sub to the scanned directory's path inside the work tree.
 * Returns 0, or -1 when it is not inside (core.worktree elsewhere). */
static int find_sub(git_listing *w, git_repository *repo)
{
	char *dir = realpath(w->fs[0] ? w->fs : ".", NULL);
	char *top = realpath(git_repository_workdir(repo), NULL);
	char *dir_slash = NULL, *top_slash = NULL;
	int error = -1;

	if (!dir || !top)
		goto cleanup;
	dir_slash = with_slash(dir);
	top_slash = with_slash(top);
	if (!scout_str_startswith(dir_slash, top_slash))
		goto cleanup;
	w->sub = scout_strdup(dir_slash + strlen(top_slash));
	error = 0;
cleanup:
	free(dir);
	free(top);
	free(dir_slash);
	free(top_slash);
	return error;
}

/* True when the scanned directory itself is ignored: git would list nothing
 * in it, but the user named it, so the filesystem walk lists it. */
static bool sub_ignored(const git_listing *w, git_repository *repo)
{
	size_t n = strlen(w->sub);
	char *path;
	int ignored = 0;

	if (n == 0)
		return false;
	path = scout_strndup(w->sub, n - 1);
	if (git_ignore_path_is_ignored(&ignored, repo, path) < 0)
		ignored = 0;
	free(path);
	return ignored == 1;
}

/* True when an untracked file at `below` (relative to the scanned directory)
 * sits in a directory the filesystem walk would skip (a virtualenv someone
 * forgot to ignore, __pycache__, build...). Tracked files are never skipped. */
static bool untracked_skipped(git_listing *w, const char *below)
{
	const char *slash = strrchr(below, '/');
	size_t dir_len = slash ? (size_t)(slash - below) : 0, start = 0;
	bool skipped = false;

	if (!slash)
		return false;
	if (w->clean_dir && strlen(w->clean_dir) == dir_len &&
	    memcmp(w->clean_dir, below, dir_len) == 0)
		return false;
	for (size_t i = 0; i <= dir_len && !skipped; i++) {
		char *prefix, *fs;

		if (below[i] != '/')
			continue;
		prefix = scout_strndup(below, i);
		fs = scout_discover_join(w->fs, prefix);
		skipped = scout_discover_skip_dir(prefix + start, fs);
		free(prefix);
		free(fs);
		start = i + 1;
	}
	if (!skipped) {
		free(w->clean_dir);
		w->clean_dir = scout_strndup(below, dir_len);
	}
	return skipped;
}

/* Lists the work-tree path `path` (under w->sub) when it names a Python file
 * that neither --exclude nor, for untracked files, the skip-list drops.
 * Returns the file listed (borrowed until the list grows), or NULL. */
static scout_file *add_candidate(git_listing *w, const char *path, bool untracked)
{
	const char *below = path + strlen(w->sub);
	const char *base = strrchr(below, '/');
	size_t before = w->ctx->out->len;
	char *rel, *fs;

	if (!scout_discover_is_python(base ? base + 1 : below))
		return NULL;
	rel = scout_discover_join(w->rel, below);
	if (!scout_discover_ctx_excluded(w->ctx, rel) &&
	    !(untracked && untracked_skipped(w, below))) {
		fs = scout_discover_join(w->fs, below);
		scout_discover_file(w->ctx, rel, fs);
		free(fs);
	}
	free(rel);
	return w->ctx->out->len > before ? &w->ctx->out->files[w->ctx->out->len - 1] : NULL;
}

/* Sets f->oid and f->size from the index entry when its stat data (size,
 * inode, mtime and ctime to the nanosecond) still describes the file on disk,
 * without reading the file. A racily clean entry (modified no earlier than
 * the second the index was written, so an edit in that second may not show
 * in the stat data) stays unknown, and so does any mismatch: the scan then
 * hashes the bytes. */
static void known_content(scout_file *f, const git_index_entry *e, const struct stat *index_st)
{
	struct stat st;

	if (!index_st || lstat(f->fs, &st) < 0 || !S_ISREG(st.st_mode))
		return;
	if ((uint32_t)st.st_size != e->file_size || (uint32_t)st.st_ino != e->ino ||
	    st.st_mtim.tv_sec != e->mtime.seconds || st.st_mtim.tv_nsec != e->mtime.nanoseconds ||
	    st.st_ctim.tv_sec != e->ctime.seconds || st.st_ctim.tv_nsec != e->ctime.nanoseconds)
		return;
	if ((int64_t)e->mtime.seconds >= (int64_t)index_st->st_mtim.tv_sec)
		return;
	git_oid_tostr(f->oid, sizeof(f->oid), &e->id);
	f->size = (uint64_t)st.st_size;
}

/* Tracked files: the index, without symlinks and submodules. Files deleted
 * from disk are dropped by scout_discover_file. */
static int list_index(git_listing *w, git_repository *repo)
{
	git_index *index = NULL;
	const char *index_path;
	struct stat index_st;
	bool have_stamp;

	if (git_repository_index(&index, repo) < 0)
		return -1;
	index_path = git_index_path(index);
	have_stamp = index_path && stat(index_path, &index_st) == 0;
	for (size_t i = 0, n = git_index_entrycount(index); i < n; i++) {
		const git_index_entry *e = git_index_get_byindex(index, i);
		uint32_t type = e ? e->mode & 0170000 : 0;

		if (!e || type == GIT_FILEMODE_LINK || type == GIT_FILEMODE_COMMIT)
			continue;
		if (scout_str_startswith(e->path, w->sub)) {
			scout_file *f = add_candidate(w, e->path, false);

			if (f)
				known_content(f, e, have_stamp ? &index_st : NULL);
		}
	}
	git_index_free(index);
	return 0;
}

/* Untracked files not ignored, recursing into untracked directories. */
static int list_untracked(git_listing *w, git_repository *repo)
{
	git_status_options so;
	git_status_list *list = NULL;
	char *spec = NULL;
	size_t sub_len = strlen(w->sub);

	if (git_status_options_init(&so, GIT_STATUS_OPTIONS_VERSION) < 0)
		return -1;
	so.show = GIT_STATUS_SHOW_WORKDIR_ONLY;
	so.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
	           GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
	if (sub_len > 0 && !strpbrk(w->sub, "*?[\\")) { /* a pathspec narrows the walk */
		spec = scout_strndup(w->sub, sub_len - 1);
		so.pathspec.strings = &spec;
		so.pathspec.count = 1;
	}
	if (git_status_list_new(&list, repo, &so) < 0) {
		free(spec);
		return -1;
	}
	for (size_t i = 0, n = git_status_list_entrycount(list); i < n; i++) {
		const git_status_entry *e = git_status_byindex(list, i);

		if (!e || !(e->status & GIT_STATUS_WT_NEW) || !e->index_to_workdir)
			continue;
		if (scout_str_startswith(e->index_to_workdir->new_file.path, w->sub))
			add_candidate(w, e->index_to_workdir->new_file.path, true);
	}
	git_status_list_free(list);
	free(spec);
	return 0;
}

/* Drops the files listed after the first `keep` (a failed git listing). */
static void truncate_files(scout_file_list *list, size_t keep)
{
	while (list->len > keep) {
		scout_file *f = &list->files[--list->len];

		free(f->rel);
		free(f->fs);
		free(f->module);
	}
}

/* A repository git could open but not list: say why the filesystem walk
 * (which does not honour .gitignore) was used instead. */
static void git_failed(git_listing *w)
{
	const git_error *e = git_error_last();
	char *message = scout_asprintf("git could not list this directory (%s); listed by a "
	                               "filesystem walk instead",
	                               e && e->message ? e->message : "unknown error");

	scout_scan_add_diag(w->ctx->scan, w->rel[0] ? w->rel : ".", SCOUT_DIAG_SKIPPED, 0, message);
	free(message);
}

int scout_discover_git(scout_discover_ctx *ctx, const char *rel, const char *fs)
{
	git_listing w = {.ctx = ctx, .rel = rel, .fs = fs};
	git_repository *repo = NULL;
	size_t keep = ctx->out->len;
	int error = 1, open_error;

	open_error = git_repository_open_ext(&repo, fs[0] ? fs : ".", 0, NULL);
	if (open_error < 0) {
		if (open_error != GIT_ENOTFOUND)
			git_failed(&w);
		goto cleanup;
	}
	if (git_repository_is_bare(repo) || !git_repository_workdir(repo))
		goto cleanup;
	if (find_sub(&w, repo) < 0 || sub_ignored(&w, repo))
		goto cleanup;
	if (list_index(&w, repo) < 0 || list_untracked(&w, repo) < 0) {
		git_failed(&w);
		truncate_files(ctx->out, keep);
		goto cleanup;
	}
	error = 0;
cleanup:
	git_repository_free(repo);
	free(w.sub);
	free(w.clean_dir);
	return error;
}
