/* A whole-file read that refuses anything but a stable regular file. */
#include "scout/fs.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* Reads up to `size` + 1 bytes, so that a file that grew since fstat is seen;
 * returns how many were read. */
static size_t read_upto(int fd, char *buf, size_t size)
{
	size_t n = 0;

	while (n <= size) {
		ssize_t got = read(fd, buf + n, size + 1 - n);

		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		n += (size_t)got;
	}
	return n;
}

int scout_fs_read(char **data, size_t *len, const char *path, size_t max, unsigned flags)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC |
	                        (flags & SCOUT_FS_NOFOLLOW ? O_NOFOLLOW : 0));
	struct stat st;
	char *buf = NULL;
	size_t size;
	int error = SCOUT_EIO;

	*data = NULL;
	*len = 0;
	if (fd < 0)
		return SCOUT_EIO;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || (size_t)st.st_size > max)
		goto cleanup;
	size = (size_t)st.st_size;
	buf = scout_malloc(size + 1);
	if (read_upto(fd, buf, size) != size)
		goto cleanup;
	buf[size] = '\0';
	*data = buf;
	*len = size;
	buf = NULL;
	error = 0;
cleanup:
	free(buf);
	close(fd);
	return error;
}
