/* `mypyc-scout verify`: find the compiler, scan for its version, copy the
 * project to a scratch directory, compile the set there (analyzer/verify),
 * report, clean up. Exit status: 0, 1 when --fail-on is met, 2 for usage
 * and environment errors and interruptions. */
#include "verify_cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "reporter.h"
#include "scout/settings.h"
#include "scout/verify.h"
#include "verify_report.h"

#define EXIT_FAIL  1
#define EXIT_USAGE 2

/* Bytes of compiler output kept per compile: the first and last half. */
#define OUTPUT_CAP      ((size_t)1 << 20)
#define DEFAULT_TIMEOUT 1800

enum fail_on { FAIL_MISS, FAIL_FAILURE, FAIL_NONE };

enum format { FORMAT_TEXT, FORMAT_JSON, FORMAT_GITHUB, FORMAT_SARIF };

typedef struct verify_args {
	enum format format;
	enum fail_on fail_on;
	unsigned timeout;
} verify_args;

static int fail(const char *message)
{
	fprintf(stderr, "mypyc-scout: error: %s\n", message);
	return EXIT_USAGE;
}

static int parse_args(verify_args *a, const scout_cli *cli)
{
	const char *format = cli->format ? cli->format : "text";
	const char *fail_on = cli->fail_on ? cli->fail_on : "miss";
	char *end;
	long t;

	if (strcmp(format, "text") == 0)
		a->format = FORMAT_TEXT;
	else if (strcmp(format, "json") == 0)
		a->format = FORMAT_JSON;
	else if (strcmp(format, "github") == 0)
		a->format = FORMAT_GITHUB;
	else if (strcmp(format, "sarif") == 0)
		a->format = FORMAT_SARIF;
	else
		return scout_error_set("verify formats are text, json, github and sarif, not '%s'",
		                       format);
	if (strcmp(fail_on, "miss") == 0)
		a->fail_on = FAIL_MISS;
	else if (strcmp(fail_on, "failure") == 0)
		a->fail_on = FAIL_FAILURE;
	else if (strcmp(fail_on, "none") == 0)
		a->fail_on = FAIL_NONE;
	else
		return scout_error_set("verify --fail-on takes miss, failure or none, not '%s'",
		                       fail_on);
	a->timeout = DEFAULT_TIMEOUT;
	if (cli->timeout) {
		t = strtol(cli->timeout, &end, 10);
		if (*end || end == cli->timeout || t < 1 || t > 86400)
			return scout_error_set("--timeout takes seconds from 1 to 86400, not '%s'",
			                       cli->timeout);
		a->timeout = (unsigned)t;
	}
	if (cli->paths.count > 1)
		return scout_error_set("verify takes one project directory");
	if (cli->test) {
		char **words;
		size_t n;

		if (scout_compiler_words(&words, &n, cli->test) < 0)
			return scout_error_set("--test: no command, or an unclosed quote in '%s'",
			                       cli->test);
		scout_compiler_words_free(words);
	}
	return 0;
}

/* The scan, evaluated for the compiler's version. */
static int scan_for(scout_settings *settings, scout_scan *scan, const scout_cli *given,
                    const scout_compiler *c)
{
	scout_cli cli = *given;
	struct stat st;

	cli.fail_on = NULL; /* verify's own values */
	cli.mypyc_version = c->version;
	if (cli.paths.count == 1 && (stat(cli.paths.items[0], &st) < 0 || !S_ISDIR(st.st_mode)))
		return scout_error_set("verify: '%s' is not a directory", cli.paths.items[0]);
	if (scout_settings_scan(settings, scan, &cli) < 0)
		return SCOUT_ERROR;
	free(scan->mypyc_version_source);
	scan->mypyc_version_source = scout_asprintf("the compiler: %s (%s)", c->banner, c->command);
	return 0;
}

static int write_report(const scout_cli *cli, const verify_args *a, const scout_scan *scan,
                        const scout_verification *v)
{
	FILE *out = cli->output ? fopen(cli->output, "w") : stdout;
	scout_report_opts ropts = {.verification = v};
	int error, failed;

	if (!out) {
		fprintf(stderr, "mypyc-scout: error: cannot write '%s'\n", cli->output);
		return EXIT_USAGE;
	}
	error = a->format == FORMAT_JSON     ? scout_reporter_json.write(out, scan, &ropts)
	        : a->format == FORMAT_GITHUB ? scout_verify_github_write(out, scan, v)
	        : a->format == FORMAT_SARIF  ? scout_reporter_sarif.write(out, scan, &ropts)
	                                     : scout_verify_text_write(out, scan, v);
	failed = error < 0 || ferror(out);
	failed |= out == stdout ? fflush(out) != 0 : fclose(out) != 0;
	if (failed) {
		fprintf(stderr, "mypyc-scout: error: could not write %s\n",
		        cli->output ? cli->output : "the report");
		return EXIT_USAGE;
	}
	return 0;
}

/* The exit status --fail-on gives (README "verify"). */
static int gate(const verify_args *a, const scout_verification *v)
{
	const char *why = NULL;

	if (a->fail_on == FAIL_NONE)
		return 0;
	if (v->counts[SCOUT_VOUT_MISSED] || v->counts[SCOUT_VOUT_FALSE])
		why = "the scan's prediction missed (see Predicted vs real)";
	else if (v->import_failures)
		why = "a compiled module does not import (--import)";
	else if (scout_verify_tests_regressed(&v->test))
		why = "the tests fail against the compiled build (--test)";
	else if (v->status == SCOUT_VERIFY_ENVIRONMENT)
		why = "the build environment failed (not a prediction miss: see the report)";
	else if (v->status == SCOUT_VERIFY_STOPPED)
		why = "the verification stopped before it was done";
	else if (v->status == SCOUT_VERIFY_NONE)
		why = "no module of the set compiles";
	else if (a->fail_on == FAIL_FAILURE && v->nverified < v->nmodules)
		why = "some modules of the set do not compile";
	if (!why)
		return 0;
	fprintf(stderr, "mypyc-scout: verify: %s\n", why);
	return EXIT_FAIL;
}

/* Compiles in the scratch copy, reports, removes the copy. */
static int verify_in(const scout_cli *cli, const verify_args *a, const scout_scan *scan,
                     const scout_compiler *c, const char *dir)
{
	scout_verification v = {0};
	scout_verify_opts o = {.compiler = c,
	                       .set = cli->set.items,
	                       .nset = cli->set.count,
	                       .timeout = a->timeout,
	                       .output_cap = OUTPUT_CAP,
	                       .progress = isatty(STDERR_FILENO)};
	int rc = 0, error;

	scout_verify_signals(true); /* from here Ctrl-C stops and cleans up */
	if ((error = scout_scratch_make(&v.scratch, &v.files_copied, dir, cli->rev, NULL,
	                                cli->keep_build)) < 0) {
		scout_verify_signals(false);
		scout_verification_free(&v);
		return fail(scout_error_last());
	}
	o.scratch = v.scratch;
	o.import = cli->import_modules;
	o.test = cli->test;
	v.kept = cli->keep_build != NULL;
	v.date = scout_verify_date();
	if ((error = scout_verify_plugins_confine(
	         &v, v.scratch, cli->allow_plugins || cli->import_modules || cli->test)) < 0)
		fprintf(stderr, "mypyc-scout: warning: %s\n", scout_error_last());
	v.compiler = scout_strdup(c->command);
	v.compiler_banner = scout_strdup(c->banner);
	v.version = scout_strdup(c->version);
	error = scout_verify_run(&v, scan, &o);
	if (!v.kept && scout_scratch_remove(v.scratch) < 0)
		fprintf(stderr, "mypyc-scout: warning: %s\n", scout_error_last());
	if (error < 0)
		rc = fail(scout_error_last());
	else if ((rc = write_report(cli, a, scan, &v)) == 0)
		rc = gate(a, &v);
	if (rc != EXIT_USAGE && scout_verify_interrupted())
		rc = fail("interrupted: the compiler was stopped and the scratch copy removed");
	scout_verify_signals(false);
	scout_verification_free(&v);
	return rc;
}

int scout_verify_command(const scout_cli *cli)
{
	verify_args a;
	scout_compiler c;
	scout_settings settings = {0};
	scout_scan scan = {0};
	int rc;

	if (parse_args(&a, cli) < 0)
		return fail(scout_error_last());
	if (scout_compiler_find(&c, cli->mypyc) < 0)
		return fail(scout_error_last());
	if (scan_for(&settings, &scan, cli, &c) < 0)
		rc = fail(scout_error_last());
	else
		rc = verify_in(cli, &a, &scan, &c, settings.scan.project_dir);
	scout_scan_free(&scan);
	scout_settings_free(&settings);
	scout_compiler_free(&c);
	return rc;
}
