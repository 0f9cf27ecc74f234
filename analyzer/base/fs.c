/* Opening and reading files of the scanned tree without trusting them, and
 * the log of the project files refused. */
#include "fs_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *kind_of(mode_t mode)
{
	if (S_ISDIR(mode))
		return "a directory";
	if (S_ISFIFO(mode))
		return "a FIFO";
	if (S_ISCHR(mode))
		return "a character device";
	if (S_ISBLK(mode))
		return "a block device";
	if (S_ISSOCK(mode))
		return "a socket";
	if (S_ISLNK(mode))
		return "a symbolic link";
	return "not a file";
}

/* Sets *why and this thread's error to `reason`; notes it in the log when
 * asked. Returns the error code for it. */
static int refuse(scout_fs_refusal *why, scout_fs_refusal kind, const char *path, unsigned flags,
                  const char *reason)
{
	if (why)
		*why = kind;
	scout_error_set("%s", reason);
	if ((flags & SCOUT_FS_REPORT) && kind != SCOUT_FS_ABSENT)
		scout_fs_refusal_note(path, kind, reason);
	return kind == SCOUT_FS_ABSENT ? SCOUT_ENOTFOUND : SCOUT_EIO;
}

static int refuse_errno(scout_fs_refusal *why, const char *path, unsigned flags, const char *what,
                        int error)
{
	char reason[160];
	bool absent = error == ENOENT || error == ENOTDIR;

	snprintf(reason, sizeof(reason), "%s: %s", what, strerror(error));
	return refuse(why, absent ? SCOUT_FS_ABSENT : SCOUT_FS_UNREADABLE, path, flags, reason);
}

static int refuse_stat(scout_fs_refusal *why, const char *path, unsigned flags,
                       const struct stat *st, size_t max)
{
	char reason[160];

	if (!S_ISREG(st->st_mode)) {
		snprintf(reason, sizeof(reason), "not a regular file (%s)", kind_of(st->st_mode));
		return refuse(why, SCOUT_FS_NOT_REGULAR, path, flags, reason);
	}
	if (max % ((size_t)1 << 20) == 0)
		snprintf(reason, sizeof(reason), "file is %lld bytes, over the %zu MiB limit",
		         (long long)st->st_size, max >> 20);
	else
		snprintf(reason, sizeof(reason), "file is %lld bytes, over the %zu-byte limit",
		         (long long)st->st_size, max);
	return refuse(why, SCOUT_FS_TOO_LARGE, path, flags, reason);
}

static bool acceptable(const struct stat *st, size_t max)
{
	return S_ISREG(st->st_mode) && st->st_size >= 0 && (uint64_t)st->st_size <= max;
}

int scout_fs_open(int *fd, uint64_t *size, const char *path, size_t max, unsigned flags,
                  scout_fs_refusal *why)
{
	bool nofollow = flags & SCOUT_FS_NOFOLLOW;
	struct stat before, st;
	int error;

	*fd = -1;
	*size = 0;
	if (why)
		*why = SCOUT_FS_READ;
	if (flags & (SCOUT_FS_REPORT | SCOUT_FS_PROJECT)) {
		scout_fs_refusal kind;
		char reason[160];

		if (scout_fs_mount_open(path, max, fd, size, &kind, reason, sizeof(reason)))
			return *fd >= 0 ? 0 : refuse(why, kind, path, flags, reason);
	}
	if ((nofollow ? lstat(path, &before) : stat(path, &before)) < 0)
		return refuse_errno(why, path, flags, "cannot open", errno);
	if (!acceptable(&before, max))
		return refuse_stat(why, path, flags, &before, max);
	*fd =
	    open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | (nofollow ? O_NOFOLLOW : 0));
	if (*fd < 0)
		return refuse_errno(why, path, flags, "cannot open", errno);
	if (fstat(*fd, &st) < 0) {
		error = refuse_errno(why, path, flags, "cannot stat", errno);
	} else if (st.st_dev != before.st_dev || st.st_ino != before.st_ino) {
		error = refuse(why, SCOUT_FS_CHANGED, path, flags, "replaced while it was opened");
	} else if (!acceptable(&st, max)) {
		error = refuse_stat(why, path, flags, &st, max);
	} else {
		*size = (uint64_t)st.st_size;
		return 0;
	}
	close(*fd);
	*fd = -1;
	return error;
}

/* Reads up to `size` + 1 bytes, so that a file that grew since fstat is seen;
 * returns how many were read, or -errno. */
static ssize_t read_upto(int fd, char *buf, size_t size)
{
	size_t n = 0;

	while (n <= size) {
		ssize_t got = read(fd, buf + n, size + 1 - n);

		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return -errno;
		if (got == 0)
			break;
		n += (size_t)got;
	}
	return (ssize_t)n;
}

int scout_fs_read(char **data, size_t *len, const char *path, size_t max, unsigned flags,
                  scout_fs_refusal *why)
{
	char *buf = NULL;
	uint64_t size;
	ssize_t got;
	int fd, error;

	*data = NULL;
	*len = 0;
	if ((error = scout_fs_open(&fd, &size, path, max, flags, why)) < 0)
		return error;
	buf = scout_malloc((size_t)size + 2);
	got = read_upto(fd, buf, (size_t)size);
	close(fd);
	if (got < 0) {
		free(buf);
		return refuse_errno(why, path, flags, "cannot read", (int)-got);
	}
	if ((size_t)got != size) {
		free(buf);
		return refuse(why, SCOUT_FS_CHANGED, path, flags, "changed while it was read");
	}
	buf[size] = '\0';
	*data = buf;
	*len = (size_t)size;
	return 0;
}

/* ---- the refusal log ----------------------------------------------------- */

static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static scout_fs_refused *log_items;
static size_t log_len, log_cap;

void scout_fs_refusal_note(const char *path, scout_fs_refusal kind, const char *reason)
{
	scout_fs_refused r = {scout_strdup(path), kind, scout_strdup(reason)};

	pthread_mutex_lock(&log_lock);
	SCOUT_PUSH(log_items, log_len, log_cap, r);
	pthread_mutex_unlock(&log_lock);
}

static int compare_refused(const void *pa, const void *pb)
{
	const scout_fs_refused *a = pa, *b = pb;
	int c = strcmp(a->path, b->path);

	return c ? c : strcmp(a->reason, b->reason);
}

size_t scout_fs_refusals_take(scout_fs_refused **out)
{
	scout_fs_refused *items;
	size_t n, kept = 0;

	pthread_mutex_lock(&log_lock);
	items = log_items;
	n = log_len;
	log_items = NULL;
	log_len = log_cap = 0;
	pthread_mutex_unlock(&log_lock);
	if (n > 1)
		qsort(items, n, sizeof(*items), compare_refused);
	for (size_t i = 0; i < n; i++) {
		if (kept > 0 && strcmp(items[i].path, items[kept - 1].path) == 0) {
			free(items[i].path);
			free(items[i].reason);
		} else {
			items[kept++] = items[i];
		}
	}
	*out = items;
	return kept;
}

void scout_fs_refused_free(scout_fs_refused *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(list[i].path);
		free(list[i].reason);
	}
	free(list);
}

int scout_fs_write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}
