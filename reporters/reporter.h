/* Output formats: each is a small vtable over the finished scan result.
 * Reporters never re-parse or re-walk sources. */
#ifndef SCOUT_REPORTER_H
#define SCOUT_REPORTER_H

#include <stdio.h>
#include "scout/result.h"

typedef struct scout_report_opts {
	bool color; /* ANSI colour (text only): a TTY and no NO_COLOR */
} scout_report_opts;

typedef struct scout_reporter {
	const char *name; /* the --format value */
	/* Writes the whole report for `scan` to `out`. Returns 0 or SCOUT_EIO. */
	int (*write)(FILE *out, const scout_scan *scan, const scout_report_opts *opts);
} scout_reporter;

/* The built-in formats, one per reporters/<name>.c, listed in registry.c. */
extern const scout_reporter scout_reporter_text;
extern const scout_reporter scout_reporter_json;
extern const scout_reporter scout_reporter_jsonlines;
extern const scout_reporter scout_reporter_sarif;
extern const scout_reporter scout_reporter_github;
extern const scout_reporter scout_reporter_gitlab;
extern const scout_reporter scout_reporter_junit;

/* The reporter for a --format name, or NULL. Borrowed, static. */
const scout_reporter *scout_reporter_find(const char *name);
/* Comma-separated list of format names, for --help. Static. */
const char *scout_reporter_names(void);

#endif
