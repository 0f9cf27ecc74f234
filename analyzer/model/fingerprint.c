/* Stable finding fingerprints (see scout/fingerprint.h). */
#include "scout/fingerprint.h"

#include <ctype.h>
#include <git2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void scout_fingerprint(char out[SCOUT_FINGERPRINT_LEN], const char *const *parts, size_t n)
{
	char stack[512], *data = stack;
	size_t len = 0, need = 0;
	git_oid oid;

	for (size_t i = 0; i < n; i++)
		need += strlen(parts[i] ? parts[i] : "") + 1;
	if (need > sizeof(stack))
		data = scout_malloc(need);
	for (size_t i = 0; i < n; i++) {
		const char *part = parts[i] ? parts[i] : "";
		size_t k = strlen(part) + 1;

		memcpy(data + len, part, k);
		len += k;
	}
	if (git_odb_hash(&oid, data, len, GIT_OBJECT_BLOB) < 0) {
		out[0] = '\0';
	} else {
		git_oid_nfmt(out, 16, &oid);
		out[16] = '\0';
	}
	if (data != stack)
		free(data);
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

typedef struct occurrence_key {
	const char *fingerprint;
	size_t index;
} occurrence_key;

/* Ordered by fingerprint, then by position. */
static int by_fingerprint(const void *pa, const void *pb)
{
	const occurrence_key *a = pa, *b = pb;
	int c = strncmp(a->fingerprint, b->fingerprint, 16);

	return c ? c : (a->index > b->index) - (a->index < b->index);
}

/* The second and later findings with one fingerprint get "-2", "-3"...
 * in the order they were found: sorted, so linearithmic in the findings. */
static void number_occurrences(scout_module *m)
{
	occurrence_key *keys = scout_malloc((m->nfindings ? m->nfindings : 1) * sizeof(*keys));
	size_t occurrence = 1;

	for (size_t i = 0; i < m->nfindings; i++)
		keys[i] = (occurrence_key){m->findings[i].fingerprint, i};
	qsort(keys, m->nfindings, sizeof(*keys), by_fingerprint);
	for (size_t k = 1; k < m->nfindings; k++) {
		scout_finding *f = &m->findings[keys[k].index];
		char suffix[24];

		occurrence = strncmp(keys[k - 1].fingerprint, keys[k].fingerprint, 16) == 0
		                 ? occurrence + 1
		                 : 1;
		if (occurrence == 1)
			continue;
		snprintf(suffix, sizeof(suffix), "-%zu", occurrence);
		if (strlen(suffix) < SCOUT_FINGERPRINT_LEN - 16)
			memcpy(f->fingerprint + 16, suffix, strlen(suffix) + 1);
	}
	free(keys);
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
	number_occurrences(m);
}
