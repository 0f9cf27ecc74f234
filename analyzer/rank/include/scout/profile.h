/* Reading a run-time profile into self time per source file: cProfile/pstats
 * files (marshal), py-spy speedscope JSON and collapsed ("folded") stacks. The
 * format is detected from the content; no Python runs. */
#ifndef SCOUT_PROFILE_H
#define SCOUT_PROFILE_H

#include "scout/common.h"

typedef struct scout_profile_entry {
	char *file;  /* owned; the frame's file path as the profile gives it */
	double self; /* self time (seconds for pstats, samples/weight otherwise) */
} scout_profile_entry;

typedef struct scout_profile {
	scout_profile_entry *entries; /* owned; one per distinct file, sorted by file */
	size_t len, cap;
	double total;       /* sum of self over all frames, including those without a file */
	const char *format; /* static: "pstats", "speedscope", "folded" */
} scout_profile;

/* Parses a profile from memory; the format is detected from the content. Returns 0,
 * or SCOUT_ERROR with a one-line reason in scout_error_last() ("truncated pstats data at
 * byte N", "not a profile: ..."). Never crashes on any input.
 *
 * *out is overwritten (owned by caller, free with scout_profile_free; empty on error).
 * There is one entry for every distinct file that any frame names, even when its self
 * time is 0 (it only ever calls); frames without a file (pstats built-ins "~", an empty
 * or missing speedscope file, folded frames with no recognisable file) count only in
 * `total`. Speedscope times in seconds, milliseconds, microseconds or nanoseconds are
 * converted to seconds; other units (none, bytes) are kept as they are. */
int scout_profile_parse(scout_profile *out, const char *data, size_t len);
/* Reads the regular file at `path` (scout_fs_read, at most 256 MiB: never a
 * pipe, FIFO or device, which could block), then parses it; errors name the path.
 * Returns 0, SCOUT_ENOTFOUND, SCOUT_EIO or SCOUT_ERROR. */
int scout_profile_load(scout_profile *out, const char *path);
/* Frees what *p owns and empties it; NULL is a no-op. */
void scout_profile_free(scout_profile *p);

#endif
