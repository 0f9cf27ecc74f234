/* Argument parsing only: `mypyc-scout COMMAND [OPTIONS] [ARGS]`. Options take
 * their value as `--opt VALUE` or `--opt=VALUE`. */
#include "scout/cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

const char *scout_cli_usage(void)
{
	return "usage: mypyc-scout scan [OPTIONS] [PATH...]\n"
	       "       mypyc-scout audit [OPTIONS] [PATH] --format html|markdown --output FILE\n"
	       "       mypyc-scout rules [--format text|json] [RULE-ID]\n"
	       "       mypyc-scout --version | --help\n"
	       "\n"
	       "Tells which Python modules mypyc can compile, what stops the rest,\n"
	       "and which to compile first. Never imports or runs the scanned code.\n"
	       "\n"
	       "scan options:\n"
	       "  --format FORMAT   report format: text (default), json, json-lines,\n"
	       "                    sarif, github, gitlab, junit\n"
	       "  --output FILE     write the report to FILE instead of stdout\n"
	       "  --jobs N          worker threads (default: number of cores)\n"
	       "  --exclude GLOB    skip paths matching GLOB (repeatable); matched\n"
	       "                    against the path, its directories and components\n"
	       "  --select RULES    only these rule ids or categories (comma-separated,\n"
	       "                    repeatable): blocker, non-native, behaviour, slow\n"
	       "  --ignore RULES    never these rule ids or categories\n"
	       "  --mypyc-version X.Y  evaluate for that mypyc (default: the version\n"
	       "                    the project pins, else the newest the catalog knows)\n"
	       "  --fail-on LEVEL   exit 1 on findings at or above LEVEL: blocker\n"
	       "                    (default), non-native, behaviour, slow, none\n"
	       "  --min-coverage PCT  exit 1 when a planned module's annotation\n"
	       "                    coverage is below PCT\n"
	       "  --diff BASE       report only findings on lines changed since the\n"
	       "                    merge base of BASE and HEAD (and modules that got\n"
	       "                    worse); scores and the plan still cover everything\n"
	       "  --summary FILE    append a Markdown job summary (default with\n"
	       "                    GITHUB_STEP_SUMMARY set: that file)\n"
	       "  --profile FILE    hotness from a profile: cProfile/pstats (.prof),\n"
	       "                    py-spy speedscope JSON or collapsed stacks\n"
	       "  --rev REV         scan the tree of commit REV from the object\n"
	       "                    database, without checking it out\n"
	       "  --write-baseline FILE  record the current findings\n"
	       "  --baseline FILE   hide the findings FILE records\n"
	       "  --report-unused-ignores  report `# mypyc-scout: ignore` comments that\n"
	       "                    hide nothing\n"
	       "  --cache-dir DIR   keep per-file results there (default:\n"
	       "                    $XDG_CACHE_HOME/mypyc-scout, else ~/.cache/mypyc-scout)\n"
	       "  --no-cache        neither read nor write the result cache\n"
	       "\n"
	       "audit options (and the scan options that choose what is scanned):\n"
	       "  --format FORMAT   html (default) or markdown\n"
	       "  --output FILE     write the audit to FILE instead of stdout\n"
	       "  --timestamp       state when the audit was made (off: output is\n"
	       "                    byte-identical across runs)\n"
	       "  --version         print the version and exit\n"
	       "  --help            print this help and exit\n"
	       "\n"
	       "Settings also come from [tool.mypyc-scout] in pyproject.toml; flags win.\n"
	       "\n"
	       "Exit status: 0 clean, 1 findings at or above --fail-on (or coverage\n"
	       "below --min-coverage), 2 usage or fatal error.\n";
}

/* The value of option `name` at argv[*i]: inline after '=' or the next arg. */
static int option_value(const char **out, int argc, char **argv, int *i, const char *name)
{
	const char *arg = argv[*i];
	size_t n = strlen(name);

	if (arg[n] == '=') {
		*out = arg + n + 1;
		return 0;
	}
	if (*i + 1 >= argc) {
		scout_error_set("option %s needs a value", name);
		return SCOUT_EUSAGE;
	}
	*out = argv[++*i];
	return 0;
}

static bool is_option(const char *arg, const char *name)
{
	size_t n = strlen(name);

	return strncmp(arg, name, n) == 0 && (arg[n] == '\0' || arg[n] == '=');
}

static int parse_jobs(unsigned *out, const char *value)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(value, &end, 10);
	if (errno || *end || end == value || n < 1 || n > 1024) {
		scout_error_set("--jobs takes a number from 1 to 1024, not '%s'", value);
		return SCOUT_EUSAGE;
	}
	*out = (unsigned)n;
	return 0;
}

static int parse_command(scout_cli *out, const char *arg)
{
	if (strcmp(arg, "scan") == 0)
		out->command = SCOUT_CMD_SCAN;
	else if (strcmp(arg, "rules") == 0)
		out->command = SCOUT_CMD_RULES;
	else if (strcmp(arg, "audit") == 0)
		out->command = SCOUT_CMD_AUDIT;
	else if (strcmp(arg, "help") == 0)
		out->command = SCOUT_CMD_HELP;
	else {
		scout_error_set("unknown command '%s' (try 'mypyc-scout --help')", arg);
		return SCOUT_EUSAGE;
	}
	return 0;
}

static int parse_option(scout_cli *out, int argc, char **argv, int *i)
{
	const char *arg = argv[*i], *value;
	int error = 0;

	if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0)
		out->command = SCOUT_CMD_HELP;
	else if (strcmp(arg, "--version") == 0 || strcmp(arg, "-V") == 0)
		out->command = SCOUT_CMD_VERSION;
	else if (is_option(arg, "--format")) {
		if (!(error = option_value(&value, argc, argv, i, "--format")))
			out->format = value;
	} else if (is_option(arg, "--output")) {
		if (!(error = option_value(&value, argc, argv, i, "--output")))
			out->output = value;
	} else if (is_option(arg, "--jobs")) {
		if (!(error = option_value(&value, argc, argv, i, "--jobs")))
			error = parse_jobs(&out->jobs, value);
	} else if (strcmp(arg, "-j") == 0) {
		if (!(error = option_value(&value, argc, argv, i, "-j")))
			error = parse_jobs(&out->jobs, value);
	} else if (is_option(arg, "--mypyc-version")) {
		if (!(error = option_value(&value, argc, argv, i, "--mypyc-version")))
			out->mypyc_version = value;
	} else if (is_option(arg, "--select")) {
		if (!(error = option_value(&value, argc, argv, i, "--select")))
			SCOUT_PUSH(out->select.items, out->select.count, out->select.cap, value);
	} else if (is_option(arg, "--ignore")) {
		if (!(error = option_value(&value, argc, argv, i, "--ignore")))
			SCOUT_PUSH(out->ignore.items, out->ignore.count, out->ignore.cap, value);
	} else if (is_option(arg, "--fail-on")) {
		if (!(error = option_value(&value, argc, argv, i, "--fail-on")))
			out->fail_on = value;
	} else if (is_option(arg, "--min-coverage")) {
		if (!(error = option_value(&value, argc, argv, i, "--min-coverage")))
			out->min_coverage = value;
	} else if (is_option(arg, "--baseline")) {
		if (!(error = option_value(&value, argc, argv, i, "--baseline")))
			out->baseline = value;
	} else if (is_option(arg, "--write-baseline")) {
		if (!(error = option_value(&value, argc, argv, i, "--write-baseline")))
			out->write_baseline = value;
	} else if (is_option(arg, "--diff")) {
		if (!(error = option_value(&value, argc, argv, i, "--diff")))
			out->diff_base = value;
	} else if (is_option(arg, "--summary")) {
		if (!(error = option_value(&value, argc, argv, i, "--summary")))
			out->summary = value;
	} else if (is_option(arg, "--profile")) {
		if (!(error = option_value(&value, argc, argv, i, "--profile")))
			out->profile = value;
	} else if (is_option(arg, "--rev")) {
		if (!(error = option_value(&value, argc, argv, i, "--rev")))
			out->rev = value;
	} else if (strcmp(arg, "--report-unused-ignores") == 0) {
		out->report_unused_ignores = true;
	} else if (is_option(arg, "--cache-dir")) {
		if (!(error = option_value(&value, argc, argv, i, "--cache-dir")))
			out->cache_dir = value;
	} else if (strcmp(arg, "--no-cache") == 0) {
		out->no_cache = true;
	} else if (strcmp(arg, "--timestamp") == 0) {
		out->timestamp = true;
	} else if (is_option(arg, "--exclude")) {
		if (!(error = option_value(&value, argc, argv, i, "--exclude")))
			SCOUT_PUSH(out->excludes.items, out->excludes.count, out->excludes.cap,
			           value);
	} else {
		scout_error_set("unknown option '%s' (try 'mypyc-scout --help')", arg);
		error = SCOUT_EUSAGE;
	}
	return error < 0 ? SCOUT_EUSAGE : 0;
}

static int parse_argument(scout_cli *out, const char *arg)
{
	if (out->command == SCOUT_CMD_RULES) {
		if (out->rule_id) {
			scout_error_set("'rules' takes at most one rule id");
			return SCOUT_EUSAGE;
		}
		out->rule_id = arg;
		return 0;
	}
	SCOUT_PUSH(out->paths.items, out->paths.count, out->paths.cap, arg);
	return 0;
}

int scout_cli_parse(scout_cli *out, int argc, char **argv)
{
	bool have_command = false, only_args = false;
	int error = 0;

	memset(out, 0, sizeof(*out));
	out->command = SCOUT_CMD_HELP;
	for (int i = 1; i < argc && !error; i++) {
		const char *arg = argv[i];

		if (!only_args && strcmp(arg, "--") == 0)
			only_args = true;
		else if (!only_args && arg[0] == '-' && arg[1] != '\0')
			error = parse_option(out, argc, argv, &i);
		else if (!have_command) {
			error = parse_command(out, arg);
			have_command = true;
		} else
			error = parse_argument(out, arg);
		if (out->command == SCOUT_CMD_HELP || out->command == SCOUT_CMD_VERSION)
			if (!error && (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0 ||
			               strcmp(arg, "--version") == 0 || strcmp(arg, "-V") == 0))
				return 0;
	}
	if (!error && !have_command && out->command != SCOUT_CMD_VERSION) {
		if (argc > 1) {
			scout_error_set(
			    "missing command: scan, audit or rules (try 'mypyc-scout --help')");
			error = SCOUT_EUSAGE;
		}
	}
	return error;
}

void scout_cli_free(scout_cli *cli)
{
	free(cli->paths.items);
	free(cli->excludes.items);
	free(cli->select.items);
	free(cli->ignore.items);
	memset(cli, 0, sizeof(*cli));
}
