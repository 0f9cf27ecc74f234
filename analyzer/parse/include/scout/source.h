/* Loading a module's bytes: size limits, binary and encoding checks, BOM. */
#ifndef SCOUT_SOURCE_H
#define SCOUT_SOURCE_H

#include "scout/result.h"

typedef struct scout_source {
	char *data; /* owned; valid UTF-8, BOM stripped, NUL-terminated */
	size_t len;
	size_t cap; /* the size of data's block when known (0 if not) */
} scout_source;

/* Why a file could not be loaded: becomes a diagnostic. */
typedef struct scout_load_error {
	scout_diag_kind kind;
	uint32_t line;
	char message[240];
} scout_load_error;

/* Largest file analysed; larger ones get a `too-large` diagnostic. */
#define SCOUT_SOURCE_MAX_BYTES ((size_t)64 * 1024 * 1024)

/* Reads the regular file `fs_path` into *out (free with scout_source_free).
 * Returns 0, or SCOUT_EIO with *err describing the per-file problem. */
int scout_source_load(scout_source *out, const char *fs_path, scout_load_error *err);
/* The same for a Python file of the project's own build (setup.py): read
 * from the mounted commit under --rev (SCOUT_FS_PROJECT). */
int scout_source_load_project(scout_source *out, const char *fs_path, scout_load_error *err);
/* Checks and copies `len` bytes (from a file or a git blob) into *out. */
int scout_source_from_bytes(scout_source *out, const char *bytes, size_t len,
                            scout_load_error *err);
/* Frees a source; this thread keeps the largest block freed for its next
 * load, until scout_source_thread_release. */
void scout_source_free(scout_source *src);
void scout_source_thread_release(void);

/* Counts lines as editors do: newline-terminated lines plus a final partial one. */
uint32_t scout_source_count_lines(const char *data, size_t len);

#endif
