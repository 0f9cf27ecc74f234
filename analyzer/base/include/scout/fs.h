/* Reading a whole file from the scanned tree without trusting it: only a
 * regular file, up to a size limit, read exactly as fstat saw it. */
#ifndef SCOUT_FS_H
#define SCOUT_FS_H

#include "scout/common.h"

/* Refuse a symbolic link (the last component of the path). */
#define SCOUT_FS_NOFOLLOW 1u

/* Reads the regular file at `path` into *data (NUL-terminated; owned by
 * caller, free with free()) and *len. Returns 0, or SCOUT_EIO with *data
 * NULL and no message set when the file cannot be opened, is not a regular
 * file (never blocking on a FIFO), is over `max` bytes, or changed size
 * while it was read. `flags`: 0 or SCOUT_FS_NOFOLLOW. */
int scout_fs_read(char **data, size_t *len, const char *path, size_t max, unsigned flags);

#endif
