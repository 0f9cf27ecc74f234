/* Stable finding fingerprints (see scout/fingerprint.h). */
#include "scout/fingerprint.h"

#include <ctype.h>
#include <git2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void scout_fingerprint(char out[SCOUT_FINGERPRINT_LEN], const char *const *parts, size_t n)
{
	scout_buf b = {0};
	git_oid oid;
	char hex[GIT_OID_HEXSZ + 1];

	for (size_t i = 0; i < n; i++)
		scout_buf_put(&b, parts[i] ? parts[i] : "", strlen(parts[i] ? parts[i] : "") + 1);
	if (git_odb_hash(&oid, b.data ? b.data : "", b.len, GIT_OBJECT_BLOB) < 0) {
		out[0] = '\0';
		scout_buf_free(&b);
		return;
	}
	git_oid_tostr(hex, sizeof(hex), &oid);
	snprintf(out, SCOUT_FINGERPRINT_LEN, "%.16s", hex);
	scout_buf_free(&b);
}

/* The message with digits dropped, so line numbers inside it do not matter. */
static char *without_digits(const char *s)
{
	char *out = scout_strdup(s), *o = out;

	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			*o++ = *s;
	*o = '\0';
	return out;
}

void scout_fingerprint_finish(scout_module *m)
{
	for (size_t i = 0; i < m->nfindings; i++) {
		scout_finding *f = &m->findings[i];

		if (!f->fingerprint[0]) {
			char *msg = without_digits(f->message);
			const char *parts[] = {f->rule, m->path, msg};

			scout_fingerprint(f->fingerprint, parts, 3);
			free(msg);
		}
		f->fingerprint[16] = '\0'; /* drop an earlier occurrence suffix */
	}
	for (size_t i = 0; i < m->nfindings; i++) {
		int occurrence = 1;

		for (size_t j = 0; j < i; j++)
			if (strncmp(m->findings[j].fingerprint, m->findings[i].fingerprint, 16) ==
			    0)
				occurrence++;
		if (occurrence > 1) {
			char suffix[16];

			snprintf(suffix, sizeof(suffix), "-%d", occurrence);
			if (strlen(suffix) < SCOUT_FINGERPRINT_LEN - 16)
				memcpy(m->findings[i].fingerprint + 16, suffix, strlen(suffix) + 1);
		}
	}
}
