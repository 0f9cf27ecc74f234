/* mypyc-scout: the commands. Arguments come from cli.c, the work from scan.c,
 * the output from the reporters. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scout/cli.h"
#include "scout/pin.h"
#include "scout/scan.h"
#include "reporter.h"
#include "rules_doc.h"
#include "select.h"

#define EXIT_USAGE 2

static int usage_error(const char *message)
{
	fprintf(stderr, "mypyc-scout: error: %s\n", message);
	return EXIT_USAGE;
}

static unsigned default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? (unsigned)n : 1;
}

static bool want_color(FILE *out)
{
	const char *no_color = getenv("NO_COLOR");

	return out == stdout && isatty(STDOUT_FILENO) && !(no_color && no_color[0]);
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

/* The directory whose packaging files may pin mypyc: the one directory
 * scanned, else the current directory. */
static const char *project_dir(const scout_cli *cli)
{
	struct stat st;

	if (cli->npaths == 1 && stat(cli->paths[0], &st) == 0 && S_ISDIR(st.st_mode))
		return cli->paths[0];
	return ".";
}

/* Rule selection and the target mypyc version: the flag, else the version
 * the repository pins, else the newest the catalog knows. *source is owned by
 * the caller. */
static int configure_rules(scout_rule_config *config, bool **enabled, char **source,
			   const scout_cli *cli)
{
	if (scout_rules_select(enabled, cli->select, cli->nselect, cli->ignore, cli->nignore) <
	    0)
		return usage_error(scout_error_last());
	config->enabled = *enabled;
	config->mypyc_version = SCOUT_MYPYC_CURRENT;
	if (cli->mypyc_version) {
		if (scout_mypyc_version_parse(cli->mypyc_version, &config->mypyc_version) < 0) {
			free(*enabled);
			*enabled = NULL;
			return usage_error(scout_error_last());
		}
		*source = scout_strdup("--mypyc-version");
	} else if (scout_pin_find(project_dir(cli), &config->mypyc_version, source) < 0) {
		config->mypyc_version = SCOUT_MYPYC_CURRENT;
		*source = scout_strdup("default: the newest mypyc the rule catalog describes");
	}
	return 0;
}

static int cmd_scan(const scout_cli *cli)
{
	const scout_reporter *reporter = scout_reporter_find(cli->format ? cli->format : "text");
	scout_scan_opts opts = {0};
	scout_report_opts ropts = {0};
	scout_scan scan;
	bool *enabled = NULL;
	char *version_source = NULL;
	FILE *out;
	int rc;

	if (!reporter) {
		fprintf(stderr, "mypyc-scout: error: unknown format '%s' (choose from %s)\n",
		        cli->format, scout_reporter_names());
		return EXIT_USAGE;
	}
	opts.discover.paths = cli->paths;
	opts.discover.npaths = cli->npaths;
	opts.discover.excludes = cli->excludes;
	opts.discover.nexcludes = cli->nexcludes;
	opts.jobs = cli->jobs ? cli->jobs : default_jobs();
	opts.progress = isatty(STDERR_FILENO);
	opts.coverage_threshold = 0.80;
	opts.project_dir = project_dir(cli);
	if ((rc = configure_rules(&opts.rules, &enabled, &version_source, cli)) != 0)
		return rc;
	rc = scout_scan_run(&scan, &opts);
	scan.mypyc_version = opts.rules.mypyc_version;
	scan.mypyc_version_source = version_source;
	free(enabled);
	if (rc < 0) {
		rc = usage_error(scout_error_last());
		scout_scan_free(&scan);
		return rc;
	}
	if (!(out = open_output(cli->output))) {
		fprintf(stderr, "mypyc-scout: error: cannot write '%s'\n", cli->output);
		scout_scan_free(&scan);
		return EXIT_USAGE;
	}
	ropts.color = want_color(out);
	reporter->write(out, &scan, &ropts);
	rc = close_output(out, cli->output);
	scout_scan_free(&scan);
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

	if (scout_cli_parse(&cli, argc, argv) < 0) {
		rc = usage_error(scout_error_last());
		scout_cli_free(&cli);
		return rc;
	}
	switch (cli.command) {
	case SCOUT_CMD_VERSION:
		printf("mypyc-scout %s\n", SCOUT_VERSION);
		rc = 0;
		break;
	case SCOUT_CMD_HELP:
		fputs(scout_cli_usage(), stdout);
		rc = 0;
		break;
	case SCOUT_CMD_RULES:
		rc = cmd_rules(&cli);
		break;
	case SCOUT_CMD_SCAN:
	default:
		rc = cmd_scan(&cli);
		break;
	}
	scout_cli_free(&cli);
	return rc;
}
