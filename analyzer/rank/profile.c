/* Profiles: format detection, merging self time by file, loading from disk. */
#include "profile_internal.h"

#include "scout/fs.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROFILE_MAX_BYTES ((size_t)256 << 20)

void scout_profile_builder_init(scout_profile_builder *b, scout_profile *out)
{
	b->out = out;
	b->slots = NULL;
	b->nslots = 0;
}

static uint64_t hash_bytes(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ULL; /* FNV-1a */

	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static void builder_rehash(scout_profile_builder *b, size_t nslots)
{
	free(b->slots);
	b->slots = scout_calloc(nslots, sizeof(*b->slots));
	b->nslots = nslots;
	for (size_t i = 0; i < b->out->len; i++) {
		const char *file = b->out->entries[i].file;
		size_t at = (size_t)hash_bytes(file, strlen(file)) & (nslots - 1);

		while (b->slots[at])
			at = (at + 1) & (nslots - 1);
		b->slots[at] = i + 1;
	}
}

void scout_profile_builder_add(scout_profile_builder *b, const char *file, size_t len, double self)
{
	scout_profile *p = b->out;
	scout_profile_entry entry;
	size_t at;

	p->total += self;
	if (!file || len == 0 || memchr(file, '\0', len))
		return;
	if ((p->len + 1) * 2 > b->nslots)
		builder_rehash(b, b->nslots ? b->nslots * 2 : 64);
	at = (size_t)hash_bytes(file, len) & (b->nslots - 1);
	while (b->slots[at]) {
		scout_profile_entry *e = &p->entries[b->slots[at] - 1];

		if (strncmp(e->file, file, len) == 0 && e->file[len] == '\0') {
			e->self += self;
			return;
		}
		at = (at + 1) & (b->nslots - 1);
	}
	entry.file = scout_strndup(file, len);
	entry.self = self;
	SCOUT_PUSH(p->entries, p->len, p->cap, entry);
	b->slots[at] = p->len;
}

static int compare_entries(const void *a, const void *b)
{
	return strcmp(((const scout_profile_entry *)a)->file,
	              ((const scout_profile_entry *)b)->file);
}

void scout_profile_builder_finish(scout_profile_builder *b)
{
	if (b->out->len > 1)
		qsort(b->out->entries, b->out->len, sizeof(*b->out->entries), compare_entries);
	scout_profile_builder_free(b);
}

void scout_profile_builder_free(scout_profile_builder *b)
{
	free(b->slots);
	b->slots = NULL;
	b->nslots = 0;
}

void scout_profile_free(scout_profile *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->len; i++)
		free(p->entries[i].file);
	free(p->entries);
	memset(p, 0, sizeof(*p));
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A marshal dict starts with '{' (0x7b) or '{' | FLAG_REF (0xfb), then a key's
 * type code; a JSON object's '{' is followed by whitespace, '"' or '}', none of
 * which is a marshal type code. */
static bool looks_like_marshal(const unsigned char *s, size_t len)
{
	if (s[0] == 0xfb)
		return true;
	return s[0] == '{' && len > 1 && !is_space((char)s[1]) && s[1] != '"' && s[1] != '}';
}

int scout_profile_parse(scout_profile *out, const char *data, size_t len)
{
	size_t start = 0;
	int error;

	memset(out, 0, sizeof(*out));
	if (!data)
		len = 0;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3; /* a UTF-8 BOM before JSON or text */
		len -= 3;
	}
	while (start < len && is_space(data[start]))
		start++;
	if (start == len)
		return scout_error_set("not a profile: empty input");
	if (looks_like_marshal((const unsigned char *)data, len)) {
		out->format = "pstats";
		error = scout_profile_read_pstats(out, (const unsigned char *)data, len);
	} else if (data[start] == '{') {
		out->format = "speedscope";
		error = scout_profile_read_speedscope(out, data, len);
	} else {
		out->format = "folded";
		error = scout_profile_read_folded(out, data, len);
	}
	if (error == 0 && !isfinite(out->total))
		error = scout_error_set("%s: the self times add up past the largest number (%g)",
		                        out->format, out->total);
	if (error < 0)
		scout_profile_free(out);
	return error;
}

int scout_profile_load(scout_profile *out, const char *path)
{
	char *data = NULL, *reason = NULL;
	scout_fs_refusal why;
	size_t len = 0;
	int error;

	memset(out, 0, sizeof(*out));
	if ((error = scout_fs_read(&data, &len, path, PROFILE_MAX_BYTES, 0, &why)) < 0) {
		scout_error_set("%s: cannot read the profile: %s%s", path, scout_error_last(),
		                why == SCOUT_FS_NOT_REGULAR ? " (write it to a file first)" : "");
		goto cleanup;
	}
	if ((error = scout_profile_parse(out, data, len)) < 0) {
		reason = scout_strdup(scout_error_last());
		scout_error_set("%s: %s", path, reason);
	}
cleanup:
	free(reason);
	free(data);
	return error;
}
