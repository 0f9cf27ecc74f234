/* Output formats: each is a small vtable over the finished scan result (and,
 * for the audit's formats, the audit built from it), listed in registry.c with
 * the command that writes it. Reporters never re-parse or re-walk sources. */
#ifndef SCOUT_REPORTER_H
#define SCOUT_REPORTER_H

#include <stdio.h>
#include "scout/audit.h"
#include "scout/result.h"
#include "scout/verify.h"

/* The command whose --format chooses among a set of formats. */
typedef enum scout_report_command {
	SCOUT_REPORT_SCAN,  /* `scan --format`: the findings, scores and plan */
	SCOUT_REPORT_AUDIT, /* `audit --format`: the whole-project audit */
	SCOUT_REPORT_COMMAND_COUNT
} scout_report_command;

/* What the text report shows besides its default: the findings that count,
 * then a short summary (reporters/text.c). */
typedef struct scout_text_opts {
	bool show_fixes;      /* --show-fixes: each finding's fix under it */
	bool show_all;        /* --show-all: slow and info findings, modules that do not ship,
	                         findings that do not hold */
	bool show_modules;    /* --show-modules: the module table */
	bool show_plan;       /* --show-plan: the whole plan, with the build snippet */
	bool show_advisories; /* --show-advisories: the rules checked nowhere here */
	bool statistics;      /* --statistics: counts per rule instead of the findings */
	bool quiet;           /* -q: the findings and the exit reason only */
} scout_text_opts;

typedef struct scout_report_opts {
	bool color;               /* ANSI colour (text only): a TTY and no NO_COLOR */
	const scout_audit *audit; /* the audit of the scan: set for audit formats */
	/* `verify`: what the real compiler did (json adds a `verification`
	 * section), else NULL */
	const scout_verification *verification;
	scout_text_opts text;    /* text only */
	const char *diff_base;   /* --diff BASE: the findings are what the change adds */
	int fail_on;             /* --fail-on: the category it fails at, -1 for none */
	const char *exit_reason; /* why the scan exits 1 (the gate), or NULL for exit 0 */
} scout_report_opts;

typedef struct scout_reporter {
	const char *name; /* the --format value */
	/* Writes the whole report for `scan` to `out`. Returns 0 or SCOUT_EIO. */
	int (*write)(FILE *out, const scout_scan *scan, const scout_report_opts *opts);
} scout_reporter;

/* A row of the format table: which command writes the format, and another
 * --format value that names it (NULL for none). */
typedef struct scout_report_format {
	scout_report_command command;
	const scout_reporter *reporter;
	const char *alias;
} scout_report_format;

/* The built-in formats, one per reporters/<name>.c (the audit's in
 * reporters/audit/), listed in registry.c. */
extern const scout_reporter scout_reporter_text;
extern const scout_reporter scout_reporter_json;
extern const scout_reporter scout_reporter_jsonlines;
extern const scout_reporter scout_reporter_sarif;
extern const scout_reporter scout_reporter_github;
extern const scout_reporter scout_reporter_gitlab;
extern const scout_reporter scout_reporter_junit;
extern const scout_reporter scout_reporter_html;
extern const scout_reporter scout_reporter_markdown;

/* Every output format, as the table in registry.c lists them (the scan's in
 * --help's order, then the audit's), with *count set to their number. For
 * tests and docs that must cover each format: a new row shows up there
 * without their edit. Borrowed, static. */
const scout_report_format *scout_reporters_formats(size_t *count);

/* The reporter `command` uses for a --format name or alias, or NULL.
 * Borrowed, static. */
const scout_reporter *scout_reporter_find_for(scout_report_command command, const char *name);
/* The `scan --format` reporter: scout_reporter_find_for(SCOUT_REPORT_SCAN, name). */
const scout_reporter *scout_reporter_find(const char *name);
/* The names of `command`'s formats joined with ", " (aliases left out), for
 * --help and messages. Static. */
const char *scout_reporter_names_for(scout_report_command command);
/* The scan formats' names: scout_reporter_names_for(SCOUT_REPORT_SCAN). */
const char *scout_reporter_names(void);

#endif
