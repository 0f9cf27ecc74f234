/* A commit's tree standing in for a directory of the project (--rev): the
 * project readers' view of their files (scout/fs.h). */
#define _GNU_SOURCE /* memfd_create */
#include "fs_internal.h"

#include <dirent.h>
#include <git2.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scout/gitutil.h"
#include "scout/path.h"

typedef struct mount {
	char *dir; /* owned; absolute, lexically normal: the commit's top */
	git_repository *repo;
	git_tree *tree; /* the commit's whole tree */
	struct mount *below;
} mount;

/* libgit2 handles are not shared between threads: every use holds this. */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static mount *top;

/* The repository holding `path`, from its nearest existing parent (else the
 * current directory). */
static int open_repo(git_repository **repo, const char *path)
{
	char *at = scout_path_absolute(path);
	struct stat st;
	int error;

	while (at && strcmp(at, "/") != 0 && stat(at, &st) < 0) {
		char *slash = strrchr(at, '/');

		slash[slash == at] = '\0';
	}
	error = git_repository_open_ext(repo, at && stat(at, &st) == 0 ? at : ".", 0, NULL);
	free(at);
	return error;
}

/* The directory a commit's top stands for: the work tree's top, or a bare
 * repository's own directory (without the '/' libgit2 ends it with). */
static char *repo_top(git_repository *repo)
{
	const char *dir =
	    git_repository_is_bare(repo) ? git_repository_path(repo) : git_repository_workdir(repo);
	char *out = scout_strdup(dir);
	size_t n = strlen(out);

	if (n > 1 && out[n - 1] == '/')
		out[n - 1] = '\0';
	return out;
}

int scout_fs_mount_rev(const char *path, const char *rev, char **top_dir)
{
	mount *m = scout_calloc(1, sizeof(*m));
	git_object *obj = NULL;
	char *dir;

	git_libgit2_init();
	if (open_repo(&m->repo, path) < 0) {
		scout_error_set("--rev: '%s' is not in a git repository", path);
		goto fail;
	}
	if (git_revparse_single(&obj, m->repo, rev) < 0 ||
	    git_object_peel((git_object **)&m->tree, obj, GIT_OBJECT_TREE) < 0) {
		scout_git_error(rev);
		goto fail;
	}
	git_object_free(obj);
	dir = repo_top(m->repo);
	m->dir = scout_path_absolute(dir);
	free(dir);
	if (top_dir)
		*top_dir = scout_strdup(m->dir);
	pthread_mutex_lock(&lock);
	m->below = top;
	top = m;
	pthread_mutex_unlock(&lock);
	return 0;
fail:
	git_object_free(obj);
	git_repository_free(m->repo);
	free(m);
	git_libgit2_shutdown();
	return SCOUT_ERROR;
}

bool scout_fs_mount_top(const char *dir)
{
	char *abs = scout_path_absolute(dir);
	bool is_top = false;

	pthread_mutex_lock(&lock);
	for (const mount *m = top; abs && m && !is_top; m = m->below)
		is_top = strcmp(abs, m->dir) == 0;
	pthread_mutex_unlock(&lock);
	free(abs);
	return is_top;
}

void scout_fs_unmount(void)
{
	mount *m;

	pthread_mutex_lock(&lock);
	if ((m = top))
		top = m->below;
	pthread_mutex_unlock(&lock);
	if (!m)
		return;
	git_tree_free(m->tree);
	git_repository_free(m->repo);
	free(m->dir);
	free(m);
	git_libgit2_shutdown();
}

/* The path of `path` in the newest mount's commit ("" for its top, owned),
 * or NULL when no mount holds it. Call with the lock held. */
static char *in_commit(const char *path)
{
	char *abs, *out = NULL;
	const char *rest;

	if (!top || !(abs = scout_path_absolute(path)))
		return NULL;
	if (scout_path_inside(abs, top->dir, &rest))
		out = scout_strdup(rest);
	free(abs);
	return out;
}

/* The entry at `at` in the mounted commit (owned, NULL when absent) and
 * its kind. "" is the top, a directory with no entry. */
static scout_fs_kind entry_at(const char *at, git_tree_entry **entry)
{
	*entry = NULL;
	if (!at[0])
		return SCOUT_FS_KIND_DIR;
	if (git_tree_entry_bypath(entry, top->tree, at) < 0)
		return SCOUT_FS_KIND_ABSENT;
	switch (git_tree_entry_filemode(*entry)) {
	case GIT_FILEMODE_BLOB:
	case GIT_FILEMODE_BLOB_EXECUTABLE:
		return SCOUT_FS_KIND_FILE;
	case GIT_FILEMODE_TREE:
		return SCOUT_FS_KIND_DIR;
	default:
		return SCOUT_FS_KIND_OTHER;
	}
}

static const char *other_kind(const git_tree_entry *e)
{
	return e && git_tree_entry_filemode(e) == GIT_FILEMODE_LINK
	           ? "a symbolic link in the commit"
	           : "a submodule";
}

/* A memory file holding len bytes of data, at offset 0; -1 on failure. */
static int memory_file(const void *data, size_t len)
{
	int fd = memfd_create("mypyc-scout-rev", MFD_CLOEXEC);

	if (fd < 0)
		return -1;
	if (scout_fs_write_all(fd, data, len) < 0 || lseek(fd, 0, SEEK_SET) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Opens the blob of `entry` within max bytes (see scout_fs_mount_open). */
static void open_blob(const git_tree_entry *entry, size_t max, int *fd, uint64_t *size,
                      scout_fs_refusal *kind, char *reason, size_t cap)
{
	git_blob *blob = NULL;
	git_object_size_t len;

	if (git_blob_lookup(&blob, top->repo, git_tree_entry_id(entry)) < 0) {
		*kind = SCOUT_FS_UNREADABLE;
		snprintf(reason, cap, "cannot read the commit's blob");
	} else if ((len = git_blob_rawsize(blob)) > max) {
		*kind = SCOUT_FS_TOO_LARGE;
		snprintf(reason, cap, "file is %llu bytes, over the %zu-byte limit",
		         (unsigned long long)len, max);
	} else if ((*fd = memory_file(git_blob_rawcontent(blob), (size_t)len)) < 0) {
		*kind = SCOUT_FS_UNREADABLE;
		snprintf(reason, cap, "cannot hold the commit's blob in memory");
	} else {
		*size = (uint64_t)len;
	}
	git_blob_free(blob);
}

bool scout_fs_mount_open(const char *path, size_t max, int *fd, uint64_t *size,
                         scout_fs_refusal *kind, char *reason, size_t cap)
{
	git_tree_entry *entry = NULL;
	char *at;

	pthread_mutex_lock(&lock);
	if (!(at = in_commit(path))) {
		pthread_mutex_unlock(&lock);
		return false;
	}
	*fd = -1;
	switch (entry_at(at, &entry)) {
	case SCOUT_FS_KIND_ABSENT:
		*kind = SCOUT_FS_ABSENT;
		snprintf(reason, cap, "cannot open: not in the commit");
		break;
	case SCOUT_FS_KIND_FILE:
		open_blob(entry, max, fd, size, kind, reason, cap);
		break;
	case SCOUT_FS_KIND_DIR:
		*kind = SCOUT_FS_NOT_REGULAR;
		snprintf(reason, cap, "not a regular file (a directory)");
		break;
	default:
		*kind = SCOUT_FS_NOT_REGULAR;
		snprintf(reason, cap, "not a regular file (%s)", other_kind(entry));
		break;
	}
	git_tree_entry_free(entry);
	pthread_mutex_unlock(&lock);
	free(at);
	return true;
}

scout_fs_kind scout_fs_kind_of(const char *path, bool follow)
{
	git_tree_entry *entry = NULL;
	scout_fs_kind kind;
	struct stat st;
	char *at;

	pthread_mutex_lock(&lock);
	if ((at = in_commit(path))) {
		kind = entry_at(at, &entry);
		git_tree_entry_free(entry);
		pthread_mutex_unlock(&lock);
		free(at);
		return kind;
	}
	pthread_mutex_unlock(&lock);
	if ((follow ? stat(path, &st) : lstat(path, &st)) < 0)
		return SCOUT_FS_KIND_ABSENT;
	return S_ISREG(st.st_mode)   ? SCOUT_FS_KIND_FILE
	       : S_ISDIR(st.st_mode) ? SCOUT_FS_KIND_DIR
	                             : SCOUT_FS_KIND_OTHER;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of the mounted commit's directory `at`; false when it is none. */
static bool list_commit(const char *at, char ***names, size_t *n, size_t *cap)
{
	git_tree_entry *entry = NULL;
	git_tree *tree = NULL;
	bool ok;

	if (!at[0]) {
		tree = top->tree;
	} else if (entry_at(at, &entry) != SCOUT_FS_KIND_DIR ||
	           git_tree_lookup(&tree, top->repo, git_tree_entry_id(entry)) < 0) {
		git_tree_entry_free(entry);
		return false;
	}
	for (size_t i = 0, count = git_tree_entrycount(tree); i < count; i++)
		SCOUT_PUSH(*names, *n, *cap,
		           scout_strdup(git_tree_entry_name(git_tree_entry_byindex(tree, i))));
	ok = true;
	if (tree != top->tree)
		git_tree_free(tree);
	git_tree_entry_free(entry);
	return ok;
}

static bool list_disk(const char *dir, char ***names, size_t *n, size_t *cap)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return false;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			SCOUT_PUSH(*names, *n, *cap, scout_strdup(e->d_name));
	closedir(d);
	return true;
}

bool scout_fs_list(const char *dir, char ***names, size_t *n)
{
	size_t cap = 0;
	bool ok;
	char *at;

	*names = NULL;
	*n = 0;
	pthread_mutex_lock(&lock);
	if ((at = in_commit(dir))) {
		ok = list_commit(at, names, n, &cap);
		pthread_mutex_unlock(&lock);
		free(at);
	} else {
		pthread_mutex_unlock(&lock);
		ok = list_disk(dir, names, n, &cap);
	}
	if (*n > 1)
		qsort(*names, *n, sizeof(**names), by_name);
	return ok;
}
