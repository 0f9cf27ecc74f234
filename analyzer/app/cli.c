/* The command line from one table: parsing `mypyc-scout COMMAND [OPTIONS]
 * [ARGS]` and every --help text. A long option takes its value as
 * `--opt VALUE` or `--opt=VALUE`, a short one as `-j VALUE` or `-jVALUE`. */
#include "scout/cli.h"

#include "scout/suggest.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define SCAN      SCOUT_CLI_FOR(SCOUT_CMD_SCAN)
#define AUDIT     SCOUT_CLI_FOR(SCOUT_CMD_AUDIT)
#define RULES     SCOUT_CLI_FOR(SCOUT_CMD_RULES)
#define VERIFY    SCOUT_CLI_FOR(SCOUT_CMD_VERIFY)
#define AT(field) offsetof(scout_cli, field)

/* In the order --help lists them. */
static const scout_cli_option options[] = {
    {.name = "--format",
     .short_name = 'f',
     .metavar = "FORMAT",
     .commands = SCAN,
     .kind = SCOUT_CLI_STRING,
     .offset = AT(format),
     .help = "report format: text (default), json, json-lines, sarif, github, gitlab, junit",
     .choices = "text json json-lines sarif github gitlab junit"},
    {.name = "--format",
     .short_name = 'f',
     .metavar = "FORMAT",
     .commands = AUDIT,
     .kind = SCOUT_CLI_STRING,
     .offset = AT(format),
     .help = "html (default) or markdown",
     .choices = "html markdown"},
    {.name = "--format",
     .short_name = 'f',
     .metavar = "FORMAT",
     .commands = RULES,
     .kind = SCOUT_CLI_STRING,
     .offset = AT(format),
     .help = "text (default) or json; markdown for the list of every rule",
     .choices = "text json markdown"},
    {.name = "--output",
     .short_name = 'o',
     .metavar = "FILE",
     .commands = SCOUT_CLI_EVERY,
     .kind = SCOUT_CLI_STRING,
     .offset = AT(output),
     .help = "write to FILE instead of stdout"},
    {.name = "--timestamp",
     .commands = AUDIT,
     .kind = SCOUT_CLI_FLAG,
     .offset = AT(timestamp),
     .help = "state when the audit was made (off: output is byte-identical across runs)"},
    {.name = "--verification",
     .metavar = "FILE",
     .commands = AUDIT,
     .kind = SCOUT_CLI_STRING,
     .offset = AT(verification),
     .help = "add a \"Verified with mypyc X.Y on DATE\" section from FILE, the JSON report of "
             "'mypyc-scout verify --format json'"},
    {.name = "--jobs",
     .short_name = 'j',
     .metavar = "N",
     .commands = SCAN | AUDIT,
     .kind = SCOUT_CLI_NUMBER,
     .offset = AT(jobs),
     .help = "worker threads (default: number of cores)"},
    {.name = "--exclude",
     .metavar = "GLOB",
     .commands = SCAN | AUDIT,
     .kind = SCOUT_CLI_LIST,
     .offset = AT(excludes),
     .help = "skip paths matching GLOB, a .gitignore pattern (repeatable): 'tests' or 'tests/' "
             "at any depth, '/tests' or 'src/tests' from the scanned directory, '**/gen/*.py'; "
             "warns when a pattern matches nothing"},
    {.name = "--select",
     .metavar = "RULES",
     .commands = SCAN | AUDIT,
     .kind = SCOUT_CLI_LIST,
     .offset = AT(select),
     .help = "only these rule ids or categories (comma-separated, repeatable): blocker, "
             "non-native, behaviour (or behavior), slow"},
    {.name = "--ignore",
     .metavar = "RULES",
     .commands = SCAN | AUDIT,
     .kind = SCOUT_CLI_LIST,
     .offset = AT(ignore),
     .help = "never these rule ids or categories (comma-separated, repeatable)"},
    {.name = "--mypyc-version",
     .metavar = "X.Y",
     .commands = SCAN | AUDIT,
     .kind = SCOUT_CLI_STRING,
     .offset = AT(mypyc_version),
     .help = "evaluate for that mypyc, one the rule catalog describes (default: the version "
             "the project pins, else the newest the catalog knows)"},
    {.name = "--fail-on",
     .metavar = "LEVEL",
     .commands = SCAN,
     .kind = SCOUT_CLI_STRING,
     .offset = AT(fail_on),
     .help = "exit 1 on findings at or above LEVEL: blocker (default), non-native, behaviour, "
             "slow, none",
     .choices = "blocker non-native behaviour slow none"},
    {.name = "--scope",
     .metavar = "SCOPE",
     .commands = SCAN,
     .kind = SCOUT_CLI_STRING,
     .offset = AT(scope),
     .help = "what --fail-on covers: shipped (default: the modules the wheel holds, and files "
             "named here) or all",
     .choices = "shipped all"},
    {.name = "--min-coverage",
     .metavar = "PCT",
     .commands = SCAN,
     .kind = SCOUT_CLI_STRING,
     .offset = AT(min_coverage),
     .help = "exit 1 when a planned module's annotation coverage is below PCT"},
    {.name = "--diff",
     .metavar = "BASE",
     .commands = SCAN,
     .kind = SCOUT_CLI_STRING,
     .offset = AT(diff_base),
     .help = "report only findings on lines changed since the merge base of BASE and HEAD (and "
             "modules that got worse); scores and the plan still cover everything"},
    {.name = "--summary",
     .metavar = "FILE",
     .commands = SCAN,
     .kind = SCOUT_CLI_STRING,
     .offset = AT(summary),
     .help = "append a Markdown job summary (default with GITHUB_STEP_SUMMARY set: that file)"},
    {.name = "--profile",
     .metavar = "FILE",
     .commands = SCAN | AUDIT,
     .kind = SCOUT_CLI_STRING,
     .offset = AT(profile),
     .help = "hotness from a profile: cProfile/pstats (.prof), py-spy speedscope JSON or "
             "collapsed stacks"},
    {.name = "--rev",
     .metavar = "REV",
     .commands = SCAN | AUDIT,
     .kind = SCOUT_CLI_STRING,
     .offset = AT(rev),
     .help = "scan the tree of commit REV from the object database, without checking it out"},
    {.name = "--write-baseline",
     .metavar = "FILE",
     .commands = SCAN,
     .kind = SCOUT_CLI_STRING,
     .offset = AT(write_baseline),
     .help = "record the current findings"},
    {.name = "--baseline",
     .metavar = "FILE",
     .commands = SCAN,
     .kind = SCOUT_CLI_STRING,
     .offset = AT(baseline),
     .help = "hide the findings FILE records"},
    {.name = "--report-unused-ignores",
     .commands = SCAN | AUDIT,
     .kind = SCOUT_CLI_FLAG,
     .offset = AT(report_unused_ignores),
     .help = "report `# mypyc-scout: ignore` comments that hide nothing"},
    {.name = "--cache-dir",
     .metavar = "DIR",
     .commands = SCAN | AUDIT,
     .kind = SCOUT_CLI_STRING,
     .offset = AT(cache_dir),
     .help = "keep per-file results there (default: $XDG_CACHE_HOME/mypyc-scout, else "
             "~/.cache/mypyc-scout)"},
    {.name = "--no-cache",
     .commands = SCAN | AUDIT,
     .kind = SCOUT_CLI_FLAG,
     .offset = AT(no_cache),
     .help = "neither read nor write the result cache"},
    {.name = "--color",
     .metavar = "WHEN",
     .commands = SCAN,
     .kind = SCOUT_CLI_STRING,
     .offset = AT(color),
     .help = "colour the text report: auto (default: on a terminal, unless NO_COLOR is set or "
             "TERM=dumb; FORCE_COLOR forces it), always or never",
     .choices = "auto always never"},
    /* verify: its own options, then the scan's it takes too (same names,
       own rows, so the scan's rows stay as they are) */
    {.name = "--mypyc",
     .metavar = "CMD",
     .commands = VERIFY,
     .kind = SCOUT_CLI_STRING,
     .offset = AT(mypyc),
     .help = "the compiler, split like a shell word list (e.g. \"python3 -m mypyc\"); default: "
             "mypyc on PATH. Its version decides which rules apply"},
    {.name = "--set",
     .metavar = "WHAT",
     .commands = VERIFY,
     .kind = SCOUT_CLI_LIST,
     .offset = AT(set),
     .help = "what to compile: plan (the plan's first phase), current (compiled today), ready "
             "(every module the plan lists) or modules by dotted name or path (comma-separated, "
             "repeatable); default: current and plan"},
    {.name = "--timeout",
     .metavar = "SECONDS",
     .commands = VERIFY,
     .kind = SCOUT_CLI_STRING,
     .offset = AT(timeout),
     .help = "stop a compile after SECONDS (default 1800), killing the compiler's process group"},
    {.name = "--keep-build",
     .metavar = "DIR",
     .commands = VERIFY,
     .kind = SCOUT_CLI_STRING,
     .offset = AT(keep_build),
     .help = "make the scratch copy in DIR (new or empty) and keep it, with what mypyc built"},
    {.name = "--allow-plugins",
     .commands = VERIFY,
     .kind = SCOUT_CLI_FLAG,
     .offset = AT(allow_plugins),
     .help = "keep the project's own mypy plugins (a .py path or a module of the project in "
             "`plugins = ...`): mypy imports them, so this runs project code. Installed plugins "
             "are always kept"},
    {.name = "--import",
     .commands = VERIFY,
     .kind = SCOUT_CLI_FLAG,
     .offset = AT(import_modules),
     .help = "RUNS PROJECT CODE: import each compiled module in its own Python process in the "
             "scratch copy, checking that the extension loads (implies --allow-plugins)"},
    {.name = "--test",
     .metavar = "CMD",
     .commands = VERIFY,
     .kind = SCOUT_CLI_STRING,
     .offset = AT(test),
     .help = "RUNS PROJECT CODE: run CMD (split like --mypyc, e.g. \"python3 -m pytest -x -q\") "
             "in the scratch copy against the compiled build, and tie its failures to compiled "
             "modules (implies --allow-plugins)"},
    {.name = "--format",
     .short_name = 'f',
     .metavar = "FORMAT",
     .commands = VERIFY,
     .kind = SCOUT_CLI_STRING,
     .offset = AT(format),
     .help = "text (default), json (the scan's report with a `verification` section), "
             "github (an ::error on each line mypyc refused) or sarif (mypyc's failures as "
             "results on their lines)"},
    {.name = "--fail-on",
     .metavar = "WHAT",
     .commands = VERIFY,
     .kind = SCOUT_CLI_STRING,
     .offset = AT(fail_on),
     .help = "exit 1 on: miss (default: a missed or false blocker, or a verification that "
             "stopped or compiled nothing), failure (also any module of the set that did not "
             "compile), none"},
    {.name = "--rev",
     .metavar = "REV",
     .commands = VERIFY,
     .kind = SCOUT_CLI_STRING,
     .offset = AT(rev),
     .help = "scan and compile the tree of commit REV (exported from the object database)"},
    {.name = "--exclude",
     .metavar = "GLOB",
     .commands = VERIFY,
     .kind = SCOUT_CLI_LIST,
     .offset = AT(excludes),
     .help = "leave paths matching GLOB out of the scan (repeatable)"},
    {.name = "--jobs",
     .short_name = 'j',
     .metavar = "N",
     .commands = VERIFY,
     .kind = SCOUT_CLI_NUMBER,
     .offset = AT(jobs),
     .help = "worker threads of the scan (default: number of cores)"},
    {.name = "--no-cache",
     .commands = VERIFY,
     .kind = SCOUT_CLI_FLAG,
     .offset = AT(no_cache),
     .help = "neither read nor write the scan's result cache"},
    /* What the text report shows (reporters/text.c). */
    {.name = "--show-fixes",
     .commands = SCAN,
     .kind = SCOUT_CLI_FLAG,
     .offset = AT(show_fixes),
     .help = "text: print each finding's fix under it"},
    {.name = "--show-all",
     .commands = SCAN,
     .kind = SCOUT_CLI_FLAG,
     .offset = AT(show_all),
     .help = "text: list every finding, slow and info ones, those in modules that do not ship "
             "and those that do not count (default: blocker, non-native and behaviour findings "
             "that count, in the modules --fail-on covers)"},
    {.name = "--show-modules",
     .commands = SCAN,
     .kind = SCOUT_CLI_FLAG,
     .offset = AT(show_modules),
     .help = "text: print the table of modules with their verdicts first"},
    {.name = "--show-plan",
     .commands = SCAN,
     .kind = SCOUT_CLI_FLAG,
     .offset = AT(show_plan),
     .help = "text: print the whole plan first, with the module list for the build backend"},
    {.name = "--show-advisories",
     .commands = SCAN,
     .kind = SCOUT_CLI_FLAG,
     .offset = AT(show_advisories),
     .help = "text: list the rules that need a type checker or a run, which the scan cannot "
             "check"},
    {.name = "--statistics",
     .commands = SCAN,
     .kind = SCOUT_CLI_FLAG,
     .offset = AT(statistics),
     .help = "text: count the findings per rule instead of listing them"},
    {.name = "--quiet",
     .short_name = 'q',
     .commands = SCAN,
     .kind = SCOUT_CLI_FLAG,
     .offset = AT(quiet),
     .help = "text: print only the findings and the exit reason"},
    {.name = "--help",
     .short_name = 'h',
     .commands = SCOUT_CLI_EVERY,
     .kind = SCOUT_CLI_HELP,
     .help = "print this help and exit"},
    {.name = "--version",
     .short_name = 'V',
     .commands = SCOUT_CLI_EVERY,
     .kind = SCOUT_CLI_VERSION,
     .help = "print the version and exit"},
};
#define NOPTIONS (sizeof(options) / sizeof(options[0]))
_Static_assert(NOPTIONS <= 64, "the parser records the options given in a uint64_t");

/* The commands, in the order the overview lists them. */
typedef scout_cli_command command_doc;

#define TAGLINE                                                                                    \
	"Tells which Python modules mypyc can compile, what stops the rest,\n"                     \
	"and which to compile first. Never imports or runs the scanned code.\n"
#define SETTINGS_NOTE "Settings also come from [tool.mypyc-scout] in pyproject.toml; flags win.\n"

static const command_doc commands[] = {
    {.name = "scan",
     .id = SCOUT_CMD_SCAN,
     .args = "[PATH...]",
     .brief = "which modules mypyc can compile, what stops the rest, the plan",
     .about = TAGLINE,
     .config = true,
     .exits = "Exit status: 0 clean, 1 findings at or above --fail-on (or coverage\n"
              "below --min-coverage), 2 usage or fatal error.\n"},
    {.name = "audit",
     .id = SCOUT_CMD_AUDIT,
     .args = "[PATH]",
     .brief = "the pre-migration report, as HTML or Markdown",
     .about = "Writes one document for a team deciding whether and how to move to mypyc,\n"
              "from the same scan: the plan in phases, findings by rule, annotation work,\n"
              "the packaging checklist and compatibility risks.\n",
     .config = true,
     .exits = "Exit status: 0 whatever the audit finds, 2 usage or fatal error.\n"},
    {.name = "rules",
     .id = SCOUT_CMD_RULES,
     .args = "[RULE-ID | CATEGORY]",
     .brief = "document every rule, the one named, or a category's",
     .about = "Documents every rule, the one named, or those of one category (blocker,\n"
              "non-native, behaviour, slow): what it catches, why mypyc cares, and the\n"
              "fix. The list marks advisory rules (they need a type checker, and are\n"
              "listed once per scan instead of reported per line).\n",
     .exits = "Exit status: 0, or 2 for an unknown rule id or a usage error.\n"},
    {.name = "verify",
     .id = SCOUT_CMD_VERIFY,
     .args = "[PATH]",
     .brief = "compile the plan with the real mypyc in a scratch copy",
     .about = "Scans as 'scan' does, then compiles the set (default: what is compiled today\n"
              "and the plan) with your mypyc, in a scratch copy of the project, as one\n"
              "invocation; takes out the modules that fail (and their inheritance groups)\n"
              "until a set compiles: the verified plan. Reports per module what the scan\n"
              "predicted next to what mypyc did. mypyc type-checks and generates C; no\n"
              "module of the project is imported or run, and the project's own mypy\n"
              "plugins are left out, unless --allow-plugins, --import or --test: those\n"
              "run the project's code.\n",
     .config = true,
     .exits = "Exit status: 0 verified as --fail-on asks, 1 --fail-on met (default: a\n"
              "prediction miss, or no set verified), 2 usage error, no compiler, no\n"
              "scratch directory, or interrupted.\n"},
    {.name = "help",
     .id = SCOUT_CMD_HELP,
     .args = "[COMMAND]",
     .brief = "this help, or a command's (as COMMAND --help)"},
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

void scout_cli_options(const scout_cli_option **out, size_t *count)
{
	*out = options;
	*count = NOPTIONS;
}

void scout_cli_commands(const scout_cli_command **out, size_t *count)
{
	*out = commands;
	*count = NCOMMANDS;
}

static const command_doc *command_find(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static const command_doc *command_doc_of(scout_command id)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (commands[i].id == id)
			return &commands[i];
	return NULL;
}

const char *scout_cli_command_name(scout_command command)
{
	const command_doc *doc = command_doc_of(command);

	return doc ? doc->name : NULL;
}

/* --- parsing ------------------------------------------------------------- */

typedef struct parser {
	scout_cli *cli;
	int argc;
	char **argv;
	int i;             /* the argument being parsed */
	bool have_command; /* the first non-option argument came */
	bool have_topic;   /* `help COMMAND` named its command */
	uint64_t given;    /* bit i: options[i] was given */
} parser;

/* parse_option's result for --help and --version: stop, successfully. */
#define STOP 1

/* The row spelled `arg` ("--jobs", "--jobs=4", "-j"), or NULL. */
static const scout_cli_option *option_find(const char *arg)
{
	for (size_t i = 0; i < NOPTIONS; i++) {
		const scout_cli_option *o = &options[i];
		size_t n = strlen(o->name);

		if (o->short_name && arg[1] == o->short_name && (arg[2] == '\0' || o->metavar))
			return o; /* "-j" or, for an option with a value, "-j4" */
		if (strncmp(arg, o->name, n) == 0 &&
		    (arg[n] == '\0' || (arg[n] == '=' && o->metavar)))
			return o;
	}
	return NULL;
}

/* The value of the option at argv[p->i]: inline after '=' or the next arg. */
static int option_value(const char **out, parser *p, const scout_cli_option *o)
{
	const char *arg = p->argv[p->i];
	bool is_long = arg[1] == '-';
	size_t n = strlen(o->name);

	if (is_long && arg[n] == '=') {
		*out = arg + n + 1;
		return 0;
	}
	if (!is_long && arg[2] != '\0') {
		*out = arg + 2;
		return 0;
	}
	if (p->i + 1 >= p->argc) {
		scout_error_set("option %s needs a value", is_long ? o->name : arg);
		return SCOUT_EUSAGE;
	}
	*out = p->argv[++p->i];
	return 0;
}

static int parse_number(unsigned *out, const char *value, const char *name)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(value, &end, 10);
	if (errno || *end || end == value || n < 1 || n > 1024) {
		scout_error_set("%s takes a number from 1 to 1024, not '%s'", name, value);
		return SCOUT_EUSAGE;
	}
	*out = (unsigned)n;
	return 0;
}

/* Puts `value` where row `o` says. Returns 0, STOP or SCOUT_EUSAGE. */
static int option_apply(scout_cli *cli, const scout_cli_option *o, const char *value)
{
	char *field = (char *)cli + o->offset;
	scout_cli_list *list = (scout_cli_list *)field;

	switch (o->kind) {
	case SCOUT_CLI_FLAG:
		*(bool *)field = true;
		return 0;
	case SCOUT_CLI_STRING:
		*(const char **)field = value;
		return 0;
	case SCOUT_CLI_LIST:
		SCOUT_PUSH(list->items, list->count, list->cap, value);
		return 0;
	case SCOUT_CLI_NUMBER:
		return parse_number((unsigned *)field, value, o->name);
	case SCOUT_CLI_HELP:
		if (cli->command != SCOUT_CMD_HELP)
			cli->topic = cli->command;
		cli->command = SCOUT_CMD_HELP;
		return STOP;
	case SCOUT_CLI_VERSION:
		cli->command = SCOUT_CMD_VERSION;
		return STOP;
	}
	return 0;
}

/* The option nearest to the unknown `arg` ("--exlcude=x"), or NULL. */
static const char *option_suggest(const char *arg)
{
	const char *names[NOPTIONS];

	for (size_t i = 0; i < NOPTIONS; i++)
		names[i] = options[i].name;
	return arg[1] == '-' ? scout_suggest(arg, strcspn(arg, "="), names, NOPTIONS) : NULL;
}

/* The command nearest to the unknown `arg`, or NULL. */
static const char *command_suggest(const char *arg)
{
	const char *names[NCOMMANDS];

	for (size_t i = 0; i < NCOMMANDS; i++)
		names[i] = commands[i].name;
	return scout_suggest(arg, strlen(arg), names, NCOMMANDS);
}

/* "unknown option '--exlcude' (did you mean '--exclude'?)", or with "try
 * 'mypyc-scout --help'" when nothing is near. */
static int unknown(const char *what, const char *arg, const char *near)
{
	if (near)
		scout_error_set("unknown %s '%s' (did you mean '%s'?)", what, arg, near);
	else
		scout_error_set("unknown %s '%s' (try 'mypyc-scout --help')", what, arg);
	return SCOUT_EUSAGE;
}

/* `mypyc-scout --help scan`: the help of the command named after it. */
static void help_topic_ahead(parser *p)
{
	for (int i = p->i + 1; i < p->argc; i++) {
		const command_doc *doc;

		if (p->argv[i][0] == '-')
			continue;
		if ((doc = command_find(p->argv[i])))
			p->cli->topic = doc->id;
		return;
	}
}

static int parse_option(parser *p)
{
	const char *arg = p->argv[p->i], *value = NULL;
	const scout_cli_option *o = option_find(arg);
	int error;

	if (!o && strchr(arg, '=')) {
		char *name = scout_strndup(arg, strcspn(arg, "="));
		const scout_cli_option *flag = option_find(name);

		free(name);
		if (flag) {
			scout_error_set("option %s takes no value", flag->name);
			return SCOUT_EUSAGE;
		}
	}
	if (!o)
		return unknown("option", arg, option_suggest(arg));
	if (o->metavar && (error = option_value(&value, p, o)) < 0)
		return error;
	p->given |= UINT64_C(1) << (o - options);
	if (o->kind == SCOUT_CLI_HELP && !p->have_command)
		help_topic_ahead(p);
	return option_apply(p->cli, o, value);
}

static int parse_command(parser *p, const char *arg)
{
	const command_doc *doc = command_find(arg);

	if (!doc)
		return unknown("command", arg, command_suggest(arg));
	p->cli->command = doc->id;
	p->have_command = true;
	return 0;
}

/* `help COMMAND`: whose help. */
static int parse_topic(parser *p, const char *arg)
{
	const command_doc *doc = command_find(arg);

	if (p->have_topic) {
		scout_error_set("'help' takes at most one command");
		return SCOUT_EUSAGE;
	}
	if (!doc)
		return unknown("command", arg, command_suggest(arg));
	p->cli->topic = doc->id;
	p->have_topic = true;
	return 0;
}

static int parse_argument(parser *p, const char *arg)
{
	scout_cli *cli = p->cli;

	if (cli->command == SCOUT_CMD_HELP)
		return parse_topic(p, arg);
	if (cli->command == SCOUT_CMD_RULES) {
		if (cli->rule_id) {
			scout_error_set("'rules' takes at most one rule id");
			return SCOUT_EUSAGE;
		}
		cli->rule_id = arg;
		return 0;
	}
	SCOUT_PUSH(cli->paths.items, cli->paths.count, cli->paths.cap, arg);
	return 0;
}

/* The commands of every row named `name`. */
static unsigned commands_taking(const char *name)
{
	unsigned mask = 0;

	for (size_t i = 0; i < NOPTIONS; i++)
		if (strcmp(options[i].name, name) == 0)
			mask |= options[i].commands;
	return mask;
}

/* "scan", "scan and audit", "scan, audit and rules" for a mask. */
static void commands_phrase(char *buf, size_t cap, unsigned mask)
{
	size_t len = 0, left = 0;

	for (size_t i = 0; i < NCOMMANDS; i++)
		left += (mask & SCOUT_CLI_FOR(commands[i].id)) != 0;
	buf[0] = '\0';
	for (size_t i = 0; i < NCOMMANDS && len < cap; i++) {
		if (!(mask & SCOUT_CLI_FOR(commands[i].id)))
			continue;
		left--;
		len += (size_t)snprintf(buf + len, cap - len, "%s%s", commands[i].name,
		                        left > 1    ? ", "
		                        : left == 1 ? " and "
		                                    : "");
	}
}

/* Every option given is one the command takes. */
static int check_given(const parser *p)
{
	scout_command command = p->cli->command;
	char takers[64];

	for (size_t i = 0; i < NOPTIONS; i++) {
		unsigned mask = commands_taking(options[i].name);

		if (!(p->given & (UINT64_C(1) << i)) || (mask & SCOUT_CLI_FOR(command)))
			continue;
		commands_phrase(takers, sizeof(takers), mask);
		scout_error_set("option %s is for %s, not %s (try 'mypyc-scout %s --help')",
		                options[i].name, takers, scout_cli_command_name(command),
		                scout_cli_command_name(command));
		return SCOUT_EUSAGE;
	}
	return 0;
}

static int parse_all(parser *p)
{
	bool only_args = false;
	int error = 0;

	for (p->i = 1; p->i < p->argc && !error; p->i++) {
		const char *arg = p->argv[p->i];

		if (!only_args && strcmp(arg, "--") == 0)
			only_args = true;
		else if (!only_args && arg[0] == '-' && arg[1] != '\0')
			error = parse_option(p);
		else if (!p->have_command)
			error = parse_command(p, arg);
		else
			error = parse_argument(p, arg);
	}
	return error;
}

int scout_cli_parse(scout_cli *out, int argc, char **argv)
{
	parser p = {.cli = out, .argc = argc, .argv = argv};
	int error;

	memset(out, 0, sizeof(*out));
	out->command = SCOUT_CMD_HELP;
	out->topic = SCOUT_CMD_HELP;
	if ((error = parse_all(&p)) != 0)
		return error == STOP ? 0 : error;
	if (!p.have_command && argc > 1) {
		scout_error_set("missing command: scan, audit or rules (try 'mypyc-scout --help')");
		return SCOUT_EUSAGE;
	}
	return out->command == SCOUT_CMD_HELP ? 0 : check_given(&p);
}

void scout_cli_free(scout_cli *cli)
{
	free(cli->paths.items);
	free(cli->excludes.items);
	free(cli->select.items);
	free(cli->ignore.items);
	free(cli->set.items);
	memset(cli, 0, sizeof(*cli));
}

/* --- help ---------------------------------------------------------------- */

#define HELP_WIDTH 79

/* Writes `text` from column `col`, where the cursor is, wrapped at HELP_WIDTH
 * with the lines after the first indented to `col`. */
static void write_wrapped(FILE *out, const char *text, int col)
{
	int at = col;

	for (const char *p = text; *p; p += strspn(p, " ")) {
		int n = (int)strcspn(p, " ");

		if (at > col && at + 1 + n > HELP_WIDTH) {
			fprintf(out, "\n%*s", col, "");
			at = col;
		} else if (at > col) {
			fputc(' ', out);
			at++;
		}
		fwrite(p, 1, (size_t)n, out);
		at += n;
		p += n;
	}
	fputc('\n', out);
}

/* "-j, --jobs N" or "    --format FORMAT" into buf; returns its length. */
static int option_label(char *buf, size_t cap, const scout_cli_option *o)
{
	const char *sep = o->metavar ? " " : "", *metavar = o->metavar ? o->metavar : "";

	if (o->short_name)
		return snprintf(buf, cap, "-%c, %s%s%s", o->short_name, o->name, sep, metavar);
	return snprintf(buf, cap, "    %s%s%s", o->name, sep, metavar);
}

/* Whether --help lists row `o` for the commands in `mask`: when it takes all
 * of them (`all`), else any. */
static bool row_listed(const scout_cli_option *o, unsigned mask, bool all)
{
	return all ? (o->commands & mask) == mask : (o->commands & mask) != 0;
}

static void write_options(FILE *out, unsigned mask, bool all)
{
	char label[64];
	int width = 0;

	for (size_t i = 0; i < NOPTIONS; i++)
		if (row_listed(&options[i], mask, all)) {
			int n = option_label(label, sizeof(label), &options[i]);
			width = n > width ? n : width;
		}
	for (size_t i = 0; i < NOPTIONS; i++) {
		if (!row_listed(&options[i], mask, all))
			continue;
		option_label(label, sizeof(label), &options[i]);
		fprintf(out, "  %-*s  ", width, label);
		write_wrapped(out, options[i].help, width + 4);
	}
}

static void write_overview(FILE *out)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(out, "%s mypyc-scout %s%s %s\n", i == 0 ? "usage:" : "      ",
		        commands[i].name, commands[i].about ? " [OPTIONS]" : "", commands[i].args);
	fprintf(out, "       mypyc-scout --version | --help\n\n" TAGLINE "\ncommands:\n");
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(out, "  %-6s  %s\n", commands[i].name, commands[i].brief);
	fputs("\noptions of every command:\n", out);
	write_options(out, SCOUT_CLI_EVERY, true);
	fputs("\n'mypyc-scout COMMAND --help' lists the options of COMMAND.\n", out);
	fputs(SETTINGS_NOTE, out);
	fputs("\nExit status: 0 clean, 1 scan findings at or above --fail-on (or coverage\n"
	      "below --min-coverage), 2 usage or fatal error.\n",
	      out);
}

static void write_command(FILE *out, const command_doc *doc)
{
	fprintf(out, "usage: mypyc-scout %s [OPTIONS] %s\n\n%s\noptions:\n", doc->name, doc->args,
	        doc->about);
	write_options(out, SCOUT_CLI_FOR(doc->id), false);
	fprintf(out, "\n%s%s%s", doc->config ? SETTINGS_NOTE : "", doc->config ? "\n" : "",
	        doc->exits);
}

int scout_cli_help_write(FILE *out, scout_command topic)
{
	const command_doc *doc = command_doc_of(topic);

	if (doc && doc->about)
		write_command(out, doc);
	else
		write_overview(out);
	if (ferror(out)) {
		scout_error_set("could not write the help");
		return SCOUT_EIO;
	}
	return 0;
}
