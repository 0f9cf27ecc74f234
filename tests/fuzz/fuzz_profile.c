/* Fuzz entry points for the profile readers: any bytes give a profile or an
 * error, never a crash, a leak or undefined behaviour. scout_fuzz_profile goes
 * through format detection (scout_profile_parse); the others call one reader
 * each, so every reader sees every input. Seeds: fixtures/profiles/. */
#include <string.h>

#include "analyzer/rank/profile_internal.h"
#include "tests/fuzz/fuzz.h"

/* Entries sorted by file and distinct, each with a name; an error leaves the
 * profile empty once freed. */
static void check_profile(scout_profile *p, int error)
{
	SCOUT_FUZZ_CHECK(error == 0 || error == SCOUT_ERROR);
	if (error == 0) {
		for (size_t i = 0; i < p->len; i++) {
			SCOUT_FUZZ_CHECK(p->entries[i].file && p->entries[i].file[0]);
			if (i > 0)
				SCOUT_FUZZ_CHECK(
				    strcmp(p->entries[i - 1].file, p->entries[i].file) < 0);
		}
	}
	scout_profile_free(p);
	SCOUT_FUZZ_CHECK(p->len == 0 && p->entries == NULL);
}

int scout_fuzz_profile(const uint8_t *data, size_t size)
{
	scout_profile p;
	int error = scout_profile_parse(&p, (const char *)data, size);

	if (error < 0)
		SCOUT_FUZZ_CHECK(p.len == 0 && p.entries == NULL);
	else
		SCOUT_FUZZ_CHECK(p.format != NULL);
	check_profile(&p, error);
	return error;
}

int scout_fuzz_pstats(const uint8_t *data, size_t size)
{
	scout_profile p = {0};
	int error = scout_profile_read_pstats(&p, data, size);

	check_profile(&p, error);
	return error;
}

int scout_fuzz_speedscope(const uint8_t *data, size_t size)
{
	scout_profile p = {0};
	int error = scout_profile_read_speedscope(&p, (const char *)data, size);

	check_profile(&p, error);
	return error;
}

int scout_fuzz_folded(const uint8_t *data, size_t size)
{
	scout_profile p = {0};
	int error = scout_profile_read_folded(&p, (const char *)data, size);

	check_profile(&p, error);
	return error;
}
