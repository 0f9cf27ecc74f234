/* The profile readers' internals, shared by profile.c (detection, merging by
 * file) and one reader per format (profile_pstats.c, profile_speedscope.c,
 * profile_folded.c). Not part of the public API. */
#ifndef SCOUT_PROFILE_INTERNAL_H
#define SCOUT_PROFILE_INTERNAL_H

#include "scout/profile.h"

/* Collects self time by file into a profile: a hash index over its entries. */
typedef struct scout_profile_builder {
	scout_profile *out; /* borrowed; receives the entries and the total */
	size_t *slots;      /* owned; open addressing: entry index + 1, 0 when empty */
	size_t nslots;      /* a power of two, or 0 */
} scout_profile_builder;

void scout_profile_builder_init(scout_profile_builder *b, scout_profile *out);
/* Adds `self` to the total and, when the frame names a file (`file` not NULL, `len`
 * > 0, no NUL byte), to that file's entry, created (the name copied) on first use. */
void scout_profile_builder_add(scout_profile_builder *b, const char *file, size_t len, double self);
/* Sorts the entries by file (bytewise) and frees the index. */
void scout_profile_builder_finish(scout_profile_builder *b);
/* Frees the index only (on error paths; the profile is freed by the caller). */
void scout_profile_builder_free(scout_profile_builder *b);

/* The readers, called by scout_profile_parse once the format is known. Each fills
 * *out (already empty) and returns 0, or SCOUT_ERROR with the reason set, leaving
 * partial entries for the caller to free. */
int scout_profile_read_pstats(scout_profile *out, const unsigned char *data, size_t len);
int scout_profile_read_speedscope(scout_profile *out, const char *data, size_t len);
int scout_profile_read_folded(scout_profile *out, const char *data, size_t len);

#endif
