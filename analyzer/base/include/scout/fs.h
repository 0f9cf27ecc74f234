/* The one way to read a file of the scanned tree (sources, configuration,
 * requirements, profiles, cache entries): only a regular file, up to a size
 * limit, opened so that it cannot block (a FIFO, a device, /dev/stdin or a
 * symlink to /dev/zero is refused before a byte is read). */
#ifndef SCOUT_FS_H
#define SCOUT_FS_H

#include "scout/common.h"

/* Refuse a symbolic link (the last component of the path). */
#define SCOUT_FS_NOFOLLOW 1u
/* A file of the project (configuration, requirements, setup.py): when it is
 * present but refused, note it in the refusal log (scout_fs_refusals_take)
 * so that the scan reports it as a diagnostic; under a mounted tree
 * (scout_fs_mount_rev) it is read from that tree. */
#define SCOUT_FS_REPORT 2u

/* A file of the project that the scan deals with itself when refused
 * (setup.py): read from a mounted tree as SCOUT_FS_REPORT is, unlogged. */
#define SCOUT_FS_PROJECT 4u

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

/* Writes all len bytes of data to fd, going on after EINTR and short
 * writes. Returns 0, or -1 with errno set. */
int scout_fs_write_all(int fd, const char *data, size_t len);

/* Notes a refused file in the log (as SCOUT_FS_REPORT does); copies both
 * strings. Thread-safe. */
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

/* ---- the project's files, from the disk or from a commit ----------------
 * --rev scans a commit, and everything the scan reads from the project (its
 * configuration, pins, packaging files, setup.py, package directories) must
 * come from that commit too. While a commit's tree is mounted at a directory,
 * every read of a project file (SCOUT_FS_REPORT, SCOUT_FS_PROJECT) and every scout_fs_kind_of /
 * scout_fs_list of a path inside that directory (taken lexically, as typed:
 * scout/path.h) sees the commit's tree instead of the disk. Other paths, and
 * reads without SCOUT_FS_REPORT (sources, cache entries, a --baseline or
 * --profile named on the command line), always see the disk. */

/* Mounts the tree of `rev` (any revision git understands) at the top of the
 * repository holding `path` (the work tree's top, or a bare repository's
 * directory); `path` need not exist on disk (its nearest existing parent,
 * else the current directory, finds the repository). Sets *top (owned by
 * caller, NULL allowed) to that directory. Mounts nest: the newest one is
 * used until scout_fs_unmount. Returns 0, or SCOUT_ERROR with
 * scout_error_last() set ("--rev: 'x' is not in a git repository", an
 * unknown revision). */
int scout_fs_mount_rev(const char *path, const char *rev, char **top);
/* Ends the newest mount (none: nothing happens). */
void scout_fs_unmount(void);
/* True when `dir` is the top of a mounted tree (nothing above it belongs to
 * the commit). */
bool scout_fs_mount_top(const char *dir);

typedef enum scout_fs_kind {
	SCOUT_FS_KIND_ABSENT = 0,
	SCOUT_FS_KIND_FILE, /* a regular file (a blob in a commit) */
	SCOUT_FS_KIND_DIR,
	SCOUT_FS_KIND_OTHER, /* a device, FIFO, socket; a symlink or submodule in a commit */
} scout_fs_kind;

/* What is at `path` in the project: through symlinks on disk when
 * `follow`, else the symlink itself is OTHER. A commit's symlinks are never
 * followed. */
scout_fs_kind scout_fs_kind_of(const char *path, bool follow);

/* The names in the directory `dir` ("." and ".." left out), sorted with
 * strcmp, into *names (owned by caller: free each and the array) and *n.
 * Returns false (and no names) when it cannot be listed. */
bool scout_fs_list(const char *dir, char ***names, size_t *n);

#endif
