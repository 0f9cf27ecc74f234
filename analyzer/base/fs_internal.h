/* Between the file reader (fs.c) and the mounted trees (fs_mount.c). */
#ifndef SCOUT_FS_INTERNAL_H
#define SCOUT_FS_INTERNAL_H

#include "scout/fs.h"

/* When `path` lies inside a mounted tree, returns true and either opens the
 * blob there (*fd: a memory file holding its bytes, *size) or sets *fd to
 * -1, *kind and reason (a refusal as scout_fs_open words it). Returns false
 * when no mount holds path (the caller reads the disk). */
bool scout_fs_mount_open(const char *path, size_t max, int *fd, uint64_t *size,
                         scout_fs_refusal *kind, char *reason, size_t cap);

#endif
