/* The one way to read a file of the scanned tree (sources, configuration,
 * requirements, profiles, cache entries): only a regular file, up to a size
 * limit, opened so that it cannot block (a FIFO, a device, /dev/stdin or a
 * symlink to /dev/zero is refused before a byte is read). */
#ifndef SCOUT_FS_H
#define SCOUT_FS_H

#include "scout/common.h"

/* Refuse a symbolic link (the last component of the path). */
#define SCOUT_FS_NOFOLLOW 1u
/* A file of the project (configuration, requirements): when it is present
 * but refused, note it in the refusal log (scout_fs_refusals_take) so that
 * the scan reports it as a diagnostic. */
#define SCOUT_FS_REPORT 2u

/* The size limit for configuration and requirements files. */
#define SCOUT_FS_CONFIG_MAX_BYTES ((size_t)8 << 20)

/* Why a file was not read. */
typedef enum scout_fs_refusal {
	SCOUT_FS_READ = 0,    /* it was read */
	SCOUT_FS_ABSENT,      /* no such file (ENOENT, ENOTDIR) */
	SCOUT_FS_UNREADABLE,  /* open, stat or read failed otherwise */
	SCOUT_FS_NOT_REGULAR, /* a directory, FIFO, socket or device; with NOFOLLOW a symlink */
	SCOUT_FS_TOO_LARGE,   /* over the caller's limit */
	SCOUT_FS_CHANGED,     /* replaced or resized while it was opened or read */
} scout_fs_refusal;

/* Opens the regular file at `path` for reading: stat first, so that nothing
 * but a regular file is ever opened (opening a device can have effects), then
 * open(O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC) and fstat, which must
 * show the same file, still regular and at most `max` bytes. O_NONBLOCK stays
 * set: regular files ignore it, and the pseudo-files that look regular but
 * block (/proc/kmsg, tracing pipes) fail with EAGAIN instead of hanging.
 *
 * On success returns 0 with *fd (owned by caller, close()) and *size. Else
 * returns SCOUT_ENOTFOUND (absent) or SCOUT_EIO, *fd = -1, scout_error_last()
 * set to the reason without the path ("not a regular file (a FIFO)"), and
 * *why (when not NULL) set. `flags`: SCOUT_FS_NOFOLLOW, SCOUT_FS_REPORT. */
int scout_fs_open(int *fd, uint64_t *size, const char *path, size_t max, unsigned flags,
                  scout_fs_refusal *why);

/* Reads the regular file at `path` whole (scout_fs_open, then exactly the
 * size fstat gave) into *data (NUL-terminated; owned by caller, free with
 * free()) and *len. Returns as scout_fs_open, with *data NULL on error; a
 * file that grew or shrank while it was read is refused (SCOUT_FS_CHANGED). */
int scout_fs_read(char **data, size_t *len, const char *path, size_t max, unsigned flags,
                  scout_fs_refusal *why);

/* Notes a refused file in the log (as SCOUT_FS_REPORT does); copies both
 * strings. Thread-safe. */
/* Writes all len bytes of data to fd, going on after EINTR and short
 * writes. Returns 0, or -1 with errno set. */
int scout_fs_write_all(int fd, const char *data, size_t len);

void scout_fs_refusal_note(const char *path, scout_fs_refusal kind, const char *reason);

/* One entry of the refusal log. */
typedef struct scout_fs_refused {
	char *path; /* owned; as the reader opened it */
	scout_fs_refusal kind;
	char *reason; /* owned; "not a regular file (a FIFO)" */
} scout_fs_refused;

/* Takes the refusal log: the files readers refused with SCOUT_FS_REPORT since
 * the last call, sorted by path, one entry per path (its reasons sorted,
 * the first kept).
 * Returns how many; *out owned by caller, free with scout_fs_refused_free.
 * The readers of project files run before the scan result exists (settings)
 * and during its last stage; this log is how their refusals reach it. */
size_t scout_fs_refusals_take(scout_fs_refused **out);
void scout_fs_refused_free(scout_fs_refused *list, size_t n);

#endif
