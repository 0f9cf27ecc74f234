/* Replays the inputs the fuzzers once crashed on (fixtures/fuzz/<harness>/
 * <name>, see fixtures/fuzz/README.md) through the harnesses' own entry
 * points, built here without libFuzzer, so every fixed crash stays fixed in
 * the ordinary (and the sanitizer) suite. Each entry point traps on a broken
 * invariant; here it must also return only the codes its reader documents.
 * Empty and one-byte inputs are replayed for every harness as well. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "util.h"
#include "scout/common.h"
#include "tests/fuzz/fuzz.h"

#include "tests/fuzz/fuzz_module.c"
#include "tests/fuzz/fuzz_nest.c"
#include "tests/fuzz/fuzz_profile.c"
#include "tests/fuzz/fuzz_toml.c"

#define FUZZ_DIR "fixtures/fuzz"

typedef struct harness {
	const char *name; /* fixtures/fuzz/<name>/, and fuzz_<name> in tests/fuzz */
	int (*entry)(const uint8_t *data, size_t size);
	int allowed[4]; /* return codes besides 0 */
} harness;

static const harness harnesses[] = {
    {"module", scout_fuzz_module, {SCOUT_EIO, SCOUT_ERROR}},
    {"nest", scout_fuzz_nest, {SCOUT_EIO, SCOUT_ERROR}},
    {"toml", scout_fuzz_toml, {SCOUT_ERROR, SCOUT_EUSAGE, SCOUT_ENOTFOUND}},
    {"profile", scout_fuzz_profile, {SCOUT_ERROR}},
    {"pstats", scout_fuzz_pstats, {SCOUT_ERROR}},
    {"speedscope", scout_fuzz_speedscope, {SCOUT_ERROR}},
    {"folded", scout_fuzz_folded, {SCOUT_ERROR}},
};

#define NHARNESSES (sizeof(harnesses) / sizeof(*harnesses))

static bool expected(const harness *h, int rc)
{
	if (rc == 0)
		return true;
	for (size_t i = 0; i < sizeof(h->allowed) / sizeof(*h->allowed); i++)
		if (h->allowed[i] != 0 && h->allowed[i] == rc)
			return true;
	return false;
}

static const harness *find_harness(const char *name)
{
	for (size_t i = 0; i < NHARNESSES; i++)
		if (strcmp(harnesses[i].name, name) == 0)
			return &harnesses[i];
	return NULL;
}

static void replay(const harness *h, const char *label, const uint8_t *data, size_t len)
{
	int rc;

	printf("replay %s/%s (%zu bytes)\n", h->name, label, len);
	fflush(stdout); /* a trap below names its input */
	rc = h->entry(data, len);
	if (!expected(h, rc))
		fprintf(stderr, "%s/%s: unexpected return %d\n", h->name, label, rc);
	CHECK(expected(h, rc));
}

/* Replays every regular file of fixtures/fuzz/<h>/; returns how many. */
static size_t replay_dir(const harness *h)
{
	char *dir = scout_asprintf("%s/%s", FUZZ_DIR, h->name);
	DIR *d = opendir(dir);
	struct dirent *ent;
	size_t count = 0;

	while (d && (ent = readdir(d))) {
		char *path = scout_asprintf("%s/%s", dir, ent->d_name);
		struct stat st;
		uint8_t *data;
		size_t len;

		if (ent->d_name[0] != '.' && stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			data = (uint8_t *)util_slurp(path, &len);
			CHECK(data != NULL);
			if (data)
				replay(h, ent->d_name, data, len);
			free(data);
			count++;
		}
		free(path);
	}
	if (d)
		closedir(d);
	free(dir);
	return count;
}

/* Every directory under fixtures/fuzz/ names a harness: a misspelt one would
 * never be replayed. */
static void test_layout(void)
{
	DIR *d = opendir(FUZZ_DIR);
	struct dirent *ent;

	CHECK(d != NULL);
	while (d && (ent = readdir(d))) {
		char *path = scout_asprintf("%s/%s", FUZZ_DIR, ent->d_name);
		struct stat st;

		if (ent->d_name[0] != '.' && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			if (!find_harness(ent->d_name))
				fprintf(stderr, "%s: no harness of that name\n", path);
			CHECK(find_harness(ent->d_name) != NULL);
		}
		free(path);
	}
	if (d)
		closedir(d);
}

static void test_fixtures(void)
{
	size_t total = 0;

	for (size_t i = 0; i < NHARNESSES; i++)
		total += replay_dir(&harnesses[i]);
	/* the crashes found so far: module/def-star-param-no-colon.py,
	 * pstats/marshal-null-top-level */
	CHECK(total >= 2);
}

/* Edge inputs for every harness, fixture or not. */
static void test_edges(void)
{
	static const uint8_t bytes[] = {0x00, 0x7b, 0xfb, 0xff, '\n', '0'};

	for (size_t i = 0; i < NHARNESSES; i++) {
		replay(&harnesses[i], "(empty)", (const uint8_t *)"", 0);
		for (size_t b = 0; b < sizeof(bytes); b++)
			replay(&harnesses[i], "(one byte)", &bytes[b], 1);
	}
}

/* The two crashes, asserted beyond "does not crash": the module still parses
 * (with a syntax error), the marshal NULL is refused. */
static void test_known(void)
{
	static const char src[] = "def p(*s)";

	CHECK_INT(scout_fuzz_module((const uint8_t *)src, sizeof(src) - 1), 0);
	CHECK_INT(scout_fuzz_pstats((const uint8_t *)"0", 1), SCOUT_ERROR);
	CHECK_INT(scout_fuzz_profile((const uint8_t *)"0", 1), SCOUT_ERROR);
}

int main(void)
{
	test_layout();
	test_fixtures();
	test_edges();
	test_known();
	return check_report("test_fuzz_regressions");
}
