/* Where build files may stand: the root and the module directories near it. */
#include "scout/build_files.h"

#include <stdlib.h>
#include <string.h>

#define BUILD_DIR_DEPTH 3

static const char *const skipped[] = {
    "tests",     "test",      "testing",      "fixtures",      "fixture", "testdata",
    "test_data", "test-data", "examples",     "example",       "docs",    "doc",
    "build",     "dist",      "node_modules", "site-packages", "venv",    "__pycache__",
};

static bool skipped_component(const char *c, size_t n)
{
	if (n && c[0] == '.')
		return true;
	for (size_t i = 0; i < sizeof(skipped) / sizeof(*skipped); i++)
		if (strlen(skipped[i]) == n && memcmp(skipped[i], c, n) == 0)
			return true;
	return false;
}

static void add_unique(char ***dirs, size_t *n, size_t *cap, const char *d, size_t len)
{
	for (size_t i = 0; i < *n; i++)
		if (strlen((*dirs)[i]) == len && memcmp((*dirs)[i], d, len) == 0)
			return;
	SCOUT_PUSH(*dirs, *n, *cap, scout_strndup(d, len));
}

static int by_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void scout_build_dirs(const scout_scan *scan, char ***dirs, size_t *n)
{
	size_t cap = 0;

	*dirs = NULL;
	*n = 0;
	add_unique(dirs, n, &cap, "", 0);
	for (size_t i = 0; i < scan->nmodules; i++) {
		const char *p = scan->modules[i].path, *slash = p;
		int depth = 0;

		/* each ancestor directory, until one is skipped */
		while ((slash = strchr(slash, '/')) != NULL && depth < BUILD_DIR_DEPTH) {
			const char *start = p;
			size_t len = (size_t)(slash - p);

			for (const char *q = p; q < slash; q++)
				if (*q == '/')
					start = q + 1;
			if (skipped_component(start, (size_t)(slash - start)))
				break;
			add_unique(dirs, n, &cap, p, len);
			slash++;
			depth++;
		}
	}
	if (*n > 1)
		qsort(*dirs + 1, *n - 1, sizeof(**dirs), by_str);
}
