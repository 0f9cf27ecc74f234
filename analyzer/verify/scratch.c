/* The scratch copy: a new directory (mkdtemp, or --keep-build's), the
 * project's files copied into it, removed afterwards. Never writes under the
 * project directory. */
#include "scratch.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scout/discover.h"
#include "scout/fs.h"

/* mkdir -p of the directories above `path` (absolute, under c->to). */
static int make_parents(char *path)
{
	for (char *p = strchr(path + 1, '/'); p; p = strchr(p + 1, '/')) {
		*p = '\0';
		if (mkdir(path, 0755) < 0 && errno != EEXIST) {
			int e = errno;

			scout_error_set("cannot create '%s': %s", path, strerror(e));
			*p = '/';
			return SCOUT_EIO;
		}
		*p = '/';
	}
	return 0;
}

int scratch_write_file(scratch_copy *c, const char *rel, const char *data, size_t len,
                       bool executable, bool link)
{
	char *to = scout_asprintf("%s/%s", c->to, rel), *target = NULL;
	int fd = -1, error = SCOUT_EIO;

	if (make_parents(to) < 0)
		goto cleanup;
	if (link) {
		target = scout_strndup(data, len);
		if (symlink(target, to) < 0)
			goto failed;
	} else {
		fd = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, executable ? 0755 : 0644);
		if (fd < 0 || scout_fs_write_all(fd, data, len) < 0 || close(fd) < 0) {
			fd = -1;
			goto failed;
		}
		fd = -1;
	}
	c->files++;
	error = 0;
	goto cleanup;
failed:
	scout_error_set("cannot write '%s': %s", to, strerror(errno));
	if (fd >= 0)
		close(fd);
cleanup:
	free(target);
	free(to);
	return error;
}

/* The bytes of the regular file `from` (opened without following a symlink,
 * never a FIFO or device) into *data. */
static int read_regular(char **data, size_t *len, const char *from)
{
	int fd = open(from, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	scout_buf b = {0};
	struct stat st;
	char chunk[65536];
	ssize_t n;

	if (fd < 0 || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			close(fd);
			scout_buf_free(&b);
			return -1;
		}
		scout_buf_put(&b, chunk, (size_t)n);
	}
	close(fd);
	*len = b.len;
	*data = b.data ? scout_buf_detach(&b) : scout_strdup("");
	return (st.st_mode & S_IXUSR) ? 1 : 0;
}

int scratch_copy_file(scratch_copy *c, const char *rel)
{
	char *from = scout_asprintf("%s/%s", c->from, rel), *data = NULL;
	struct stat st;
	size_t len = 0;
	int error = 0, x;

	if (lstat(from, &st) < 0) {
		free(from); /* listed but gone: nothing to copy */
		return 0;
	}
	if (S_ISLNK(st.st_mode)) {
		char target[4096];
		ssize_t n = readlink(from, target, sizeof(target));

		if (n > 0 && (size_t)n < sizeof(target))
			error = scratch_write_file(c, rel, target, (size_t)n, false, true);
	} else if (S_ISREG(st.st_mode)) {
		if ((x = read_regular(&data, &len, from)) < 0) {
			scout_error_set("cannot read '%s': %s", from, strerror(errno));
			error = SCOUT_EIO;
		} else {
			error = scratch_write_file(c, rel, data, len, x == 1, false);
		}
	}
	free(data);
	free(from);
	return error;
}

/* ---- outside git: a walk that skips what discovery skips ------------------- */

static int walk(scratch_copy *c, const char *rel)
{
	char *fs = rel[0] ? scout_asprintf("%s/%s", c->from, rel) : scout_strdup(c->from);
	DIR *d = opendir(fs);
	struct dirent *e;
	int error = 0;

	if (!d) {
		free(fs);
		return 0; /* unreadable: discovery reports it; the copy lacks it */
	}
	while (!error && (e = readdir(d))) {
		char *child, *child_fs;
		struct stat st;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		child = rel[0] ? scout_asprintf("%s/%s", rel, e->d_name) : scout_strdup(e->d_name);
		child_fs = scout_asprintf("%s/%s", fs, e->d_name);
		if (lstat(child_fs, &st) == 0 && S_ISDIR(st.st_mode)) {
			if (!scout_discover_skip_dir(e->d_name, child_fs))
				error = walk(c, child);
		} else {
			error = scratch_copy_file(c, child);
		}
		free(child);
		free(child_fs);
	}
	closedir(d);
	free(fs);
	return error;
}

/* ---- the directory --------------------------------------------------------- */

static int make_dir(char **out, const char *parent, const char *keep)
{
	const char *tmp = parent ? parent : getenv("TMPDIR");
	DIR *d;

	if (keep) {
		if (mkdir(keep, 0755) < 0 && errno != EEXIST) {
			scout_error_set("--keep-build: cannot create '%s': %s", keep,
			                strerror(errno));
			return SCOUT_EIO;
		}
		if ((d = opendir(keep))) {
			struct dirent *e;
			size_t n = 0;

			while ((e = readdir(d)))
				n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
			closedir(d);
			if (n > 0) {
				scout_error_set("--keep-build: '%s' is not empty", keep);
				return SCOUT_EIO;
			}
		}
		*out = realpath(keep, NULL);
		return *out ? 0 : SCOUT_EIO;
	}
	*out = scout_asprintf("%s/mypyc-scout-verify-XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
	if (!mkdtemp(*out)) {
		scout_error_set("cannot make a scratch directory in '%s': %s (set TMPDIR)",
		                tmp && tmp[0] ? tmp : "/tmp", strerror(errno));
		free(*out);
		*out = NULL;
		return SCOUT_EIO;
	}
	return 0;
}

int scout_scratch_make(char **out, size_t *files, const char *dir, const char *rev,
                       const char *parent, const char *keep)
{
	scratch_copy c = {.from = dir};
	char *to = NULL;
	int error;

	*out = NULL;
	*files = 0;
	if ((error = make_dir(&to, parent, keep)) < 0)
		return error;
	c.to = to;
	if (rev)
		error = scratch_from_rev(&c, rev);
	else if ((error = scratch_from_git(&c)) == 1)
		error = walk(&c, "");
	if (error < 0) {
		char *reason = scout_strdup(scout_error_last());

		scout_scratch_remove(to);
		free(to);
		scout_error_set("%s", reason);
		free(reason);
		return error;
	}
	*out = to;
	*files = c.files;
	return 0;
}

/* ---- removing it ------------------------------------------------------------ */

static int remove_tree(const char *path)
{
	struct stat st;
	DIR *d;
	struct dirent *e;
	int error = 0;

	if (lstat(path, &st) < 0)
		return errno == ENOENT ? 0 : SCOUT_EIO;
	if (!S_ISDIR(st.st_mode))
		return unlink(path) == 0 ? 0 : SCOUT_EIO;
	chmod(path, 0700); /* a build may leave read-only directories */
	if ((d = opendir(path))) {
		while ((e = readdir(d))) {
			char *child;

			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			child = scout_asprintf("%s/%s", path, e->d_name);
			error |= remove_tree(child);
			free(child);
		}
		closedir(d);
	}
	return rmdir(path) == 0 && error == 0 ? 0 : SCOUT_EIO;
}

int scout_scratch_remove(const char *path)
{
	if (!path || remove_tree(path) == 0)
		return 0;
	scout_error_set("could not remove all of the scratch directory '%s'", path);
	return SCOUT_EIO;
}
