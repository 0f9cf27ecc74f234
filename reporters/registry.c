/* The table of output formats: adding a format is one line here plus its
 * reporters/<name>.c. */
#include "reporter.h"

#include <pthread.h>
#include <string.h>

/* One format per line (the order of --help), outside clang-format. */
// clang-format off
static const scout_reporter *const reporters[] = {
    &scout_reporter_text,
    &scout_reporter_json,
    &scout_reporter_jsonlines,
    &scout_reporter_sarif,
    &scout_reporter_github,
    &scout_reporter_gitlab,
    &scout_reporter_junit,
};
// clang-format on

#define NREPORTERS (sizeof(reporters) / sizeof(reporters[0]))

static char names[256];
static pthread_once_t names_once = PTHREAD_ONCE_INIT;

const scout_reporter *scout_reporter_find(const char *name)
{
	for (size_t i = 0; name && i < NREPORTERS; i++)
		if (strcmp(reporters[i]->name, name) == 0)
			return reporters[i];
	return NULL;
}

/* Joins the table's names with ", " into `names` (truncated if ever too long). */
static void build_names(void)
{
	size_t len = 0;

	for (size_t i = 0; i < NREPORTERS && len < sizeof(names); i++) {
		int n = snprintf(names + len, sizeof(names) - len, "%s%s", i ? ", " : "",
		                 reporters[i]->name);

		if (n < 0)
			break;
		len += (size_t)n;
	}
}

const char *scout_reporter_names(void)
{
	pthread_once(&names_once, build_names);
	return names;
}
