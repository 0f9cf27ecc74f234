/* mypyc-scout: the commands. Arguments come from cli.c, the work from scan.c,
 * the output from the reporters. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include <git2.h>

#include "scout/cli.h"
#include "scout/audit.h"
#include "audit_verification.h"
#include "scout/baseline.h"
#include "scout/diff.h"
#include "scout/settings.h"
#include "scout/tsutil.h"
#include "escape.h"
#include "reporter.h"
#include "rules_doc.h"
#include "summary.h"
#include "verify_cmd.h"

#define EXIT_FINDINGS 1
#define EXIT_USAGE    2

/* One line on stderr: `prefix` and `text` escaped for a terminal as the text
 * report is (a path from the repository may hold a newline and `::error`). */
static void say(const char *prefix, const char *text)
{
	scout_buf b = {0};

	scout_escape_terminal(&b, text);
	fprintf(stderr, "mypyc-scout: %s%s\n", prefix, b.data ? b.data : "");
	free(b.data);
}

static int usage_error(const char *message)
{
	say("error: ", message);
	return EXIT_USAGE;
}

static FILE *open_output(const char *path)
{
	return path ? fopen(path, "w") : stdout;
}

static int close_output(FILE *out, const char *path)
{
	int failed = ferror(out);

	if (out != stdout)
		failed |= fclose(out) != 0;
	else
		failed |= fflush(out) != 0;
	if (failed) {
		fprintf(stderr, "mypyc-scout: error: could not write %s\n",
		        path ? path : "the report");
		return EXIT_USAGE;
	}
	return 0;
}

/* Settings from the flags and the config, then the whole scan, which records
 * the mypyc version it was evaluated for. Returns 0 or EXIT_USAGE; free both
 * either way. */
static int resolve_and_scan(scout_settings *settings, scout_scan *scan, const scout_cli *cli)
{
	if (scout_settings_scan(settings, scan, cli) < 0)
		return usage_error(scout_error_last());
	scout_settings_warn(settings, scan, stderr);
	return 0;
}

/* --write-baseline, then --baseline and --diff hide findings (never the
 * verdicts or the plan). */
static int filter_findings(scout_scan *scan, const scout_cli *cli, const scout_settings *s)
{
	size_t hidden = 0;

	if (cli->write_baseline && scout_baseline_write(scan, cli->write_baseline) < 0)
		return usage_error(scout_error_last());
	if (cli->baseline && scout_baseline_apply(scan, cli->baseline, &hidden) < 0)
		return usage_error(scout_error_last());
	if (cli->diff_base && scout_diff_apply(scan, cli, s->scan.project_dir, &s->scan.rules,
	                                       s->scan.jobs, &hidden) < 0)
		return usage_error(scout_error_last());
	return 0;
}

/* --summary FILE, else $GITHUB_STEP_SUMMARY: appended, as GitHub expects. */
static int write_summary(const scout_scan *scan, const scout_cli *cli)
{
	const char *path = cli->summary ? cli->summary : getenv("GITHUB_STEP_SUMMARY");
	FILE *f;
	int error;

	if (!path || !path[0])
		return 0;
	if (!(f = fopen(path, "a"))) {
		fprintf(stderr, "mypyc-scout: error: cannot write the summary '%s'\n", path);
		return EXIT_USAGE;
	}
	error = scout_summary_write(f, scan);
	if (fclose(f) != 0 || error < 0) {
		fprintf(stderr, "mypyc-scout: error: cannot write the summary '%s'\n", path);
		return EXIT_USAGE;
	}
	return 0;
}

/* The text report's flags, --diff and --fail-on, for the reporter. */
static void set_text_opts(scout_report_opts *o, const scout_cli *cli, const scout_settings *s)
{
	o->text = (scout_text_opts){
	    .show_fixes = cli->show_fixes,
	    .show_all = cli->show_all,
	    .show_modules = cli->show_modules,
	    .show_plan = cli->show_plan,
	    .show_advisories = cli->show_advisories,
	    .statistics = cli->statistics,
	    .quiet = cli->quiet,
	};
	o->diff_base = cli->diff_base;
	o->fail_on = s->fail_on;
}

/* True when the text report on a terminal already ended with the exit
 * reason, which stderr would only repeat on the same screen. */
static bool said_on_terminal(const scout_reporter *reporter, const scout_cli *cli)
{
	return reporter == &scout_reporter_text && !cli->output && isatty(STDOUT_FILENO) &&
	       isatty(STDERR_FILENO);
}

static int cmd_scan(const scout_cli *cli)
{
	const scout_reporter *reporter = scout_reporter_find(cli->format ? cli->format : "text");
	scout_settings settings;
	scout_report_opts ropts = {0};
	scout_scan scan = {0};
	char reason[512];
	FILE *out = NULL;
	bool gate;
	int rc = 0;

	if (!reporter) {
		fprintf(stderr, "mypyc-scout: error: unknown format '%s' (choose from %s)\n",
		        cli->format, scout_reporter_names());
		return EXIT_USAGE;
	}
	if ((rc = resolve_and_scan(&settings, &scan, cli)) != 0)
		goto cleanup;
	if ((rc = filter_findings(&scan, cli, &settings)) != 0)
		goto cleanup;
	if (!(out = open_output(cli->output))) {
		fprintf(stderr, "mypyc-scout: error: cannot write '%s'\n", cli->output);
		rc = EXIT_USAGE;
		goto cleanup;
	}
	ropts.color = scout_settings_color(&settings, out == stdout && isatty(STDOUT_FILENO));
	set_text_opts(&ropts, cli, &settings);
	gate = scout_settings_gate(&settings, &scan, reason, sizeof(reason));
	ropts.exit_reason = gate ? reason : NULL;
	reporter->write(out, &scan, &ropts);
	if ((rc = write_summary(&scan, cli)) != 0) {
		close_output(out, cli->output);
		goto cleanup;
	}
	/* Writing a baseline records the findings; it succeeds without gating. */
	if ((rc = close_output(out, cli->output)) == 0 && !cli->write_baseline && gate) {
		if (!said_on_terminal(reporter, cli))
			say("", reason);
		rc = EXIT_FINDINGS;
	}
cleanup:
	scout_scan_free(&scan);
	scout_settings_free(&settings);
	return rc;
}

/* `audit`: the whole scan (cli.c's table gives audit no --diff or baseline:
 * an audit is of everything), then one document. Findings never change the
 * exit status. */
static int cmd_audit(const scout_cli *cli)
{
	const scout_reporter *reporter =
	    scout_reporter_find_for(SCOUT_REPORT_AUDIT, cli->format ? cli->format : "html");
	scout_settings settings;
	scout_scan scan = {0};
	scout_audit audit = {0};
	scout_report_opts ropts = {.audit = &audit};
	FILE *out = NULL;
	int rc = 0, error;

	if (!reporter) {
		fprintf(stderr, "mypyc-scout: error: unknown audit format '%s' (choose from %s)\n",
		        cli->format, scout_reporter_names_for(SCOUT_REPORT_AUDIT));
		return EXIT_USAGE;
	}
	if ((rc = resolve_and_scan(&settings, &scan, cli)) != 0)
		goto cleanup;
	scout_audit_build(&audit, &scan, settings.scan.project_dir, cli->timestamp);
	if (cli->verification &&
	    scout_audit_verification_read(&audit.verified, cli->verification) < 0) {
		fprintf(stderr, "mypyc-scout: error: %s\n", scout_error_last());
		rc = EXIT_USAGE;
		goto cleanup;
	}
	if (!(out = open_output(cli->output))) {
		fprintf(stderr, "mypyc-scout: error: cannot write '%s'\n", cli->output);
		rc = EXIT_USAGE;
		goto cleanup;
	}
	error = reporter->write(out, &scan, &ropts);
	rc = close_output(out, cli->output);
	if (error < 0 && rc == 0) {
		fprintf(stderr, "mypyc-scout: error: the audit could not be written\n");
		rc = EXIT_USAGE;
	}
cleanup:
	scout_audit_free(&audit);
	scout_scan_free(&scan);
	scout_settings_free(&settings);
	return rc;
}

static int cmd_rules(const scout_cli *cli)
{
	const char *format = cli->format ? cli->format : "text";
	FILE *out;
	int rc;

	if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0 &&
	    !(strcmp(format, "markdown") == 0 && !cli->rule_id)) {
		fprintf(stderr,
		        "mypyc-scout: error: 'rules' formats are text, json and (for the list) "
		        "markdown, not '%s'\n",
		        format);
		return EXIT_USAGE;
	}
	if (!(out = open_output(cli->output))) {
		fprintf(stderr, "mypyc-scout: error: cannot write '%s'\n", cli->output);
		return EXIT_USAGE;
	}
	if (strcmp(format, "markdown") == 0) {
		scout_rules_doc_markdown(out);
		return close_output(out, cli->output);
	}
	rc = scout_rules_doc_write(out, cli->rule_id, strcmp(format, "json") == 0);
	if (rc < 0) {
		fprintf(stderr, "mypyc-scout: error: %s\n", scout_error_last());
		if (out != stdout)
			fclose(out);
		return EXIT_USAGE;
	}
	return close_output(out, cli->output);
}

int main(int argc, char **argv)
{
	scout_cli cli;
	int rc;

	/* Once for the process: libgit2 reads the TLS certificates on every
	 * first init, and the stages would otherwise each pay for it. */
	git_libgit2_init();
	scout_ts_use_our_allocator();
	cJSON_InitHooks(&(cJSON_Hooks){scout_malloc, free}); /* out of memory: exit 2 */
	if (scout_cli_parse(&cli, argc, argv) < 0) {
		rc = usage_error(scout_error_last());
		scout_cli_free(&cli);
		git_libgit2_shutdown();
		return rc;
	}
	switch (cli.command) {
	case SCOUT_CMD_VERSION:
		printf("mypyc-scout %s\n", SCOUT_VERSION);
		rc = close_output(stdout, NULL);
		break;
	case SCOUT_CMD_HELP:
		rc = scout_cli_help_write(stdout, cli.topic) < 0 ? usage_error(scout_error_last())
		                                                 : close_output(stdout, NULL);
		break;
	case SCOUT_CMD_RULES:
		rc = cmd_rules(&cli);
		break;
	case SCOUT_CMD_AUDIT:
		rc = cmd_audit(&cli);
		break;
	case SCOUT_CMD_VERIFY:
		rc = scout_verify_command(&cli);
		break;
	case SCOUT_CMD_SCAN:
	default:
		rc = cmd_scan(&cli);
		break;
	}
	scout_cli_free(&cli);
	git_libgit2_shutdown();
	return rc;
}
