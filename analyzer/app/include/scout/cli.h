/* Command-line arguments, parsed into plain options (no work done here). One
 * table of options gives the parsing and every --help text. */
#ifndef SCOUT_CLI_H
#define SCOUT_CLI_H

#include <stdio.h>

#include "scout/common.h"

typedef enum scout_command {
	SCOUT_CMD_SCAN,
	SCOUT_CMD_RULES,
	SCOUT_CMD_AUDIT,
	SCOUT_CMD_HELP,
	SCOUT_CMD_VERSION,
	SCOUT_CMD_VERIFY,
} scout_command;

/* Arguments given more than once, in order: an owned array of borrowed argv
 * strings. */
typedef struct scout_cli_list {
	const char **items;
	size_t count, cap;
} scout_cli_list;

typedef struct scout_cli {
	scout_command command;
	scout_command topic;        /* under SCOUT_CMD_HELP: whose help (HELP: the overview) */
	scout_cli_list paths;       /* `scan PATH...`, `audit PATH` */
	scout_cli_list excludes;    /* --exclude GLOB */
	const char *format;         /* NULL: the command's default */
	const char *output;         /* NULL: stdout */
	unsigned jobs;              /* 0: number of cores */
	const char *rule_id;        /* `rules ID` */
	const char *mypyc_version;  /* --mypyc-version X.Y[.Z], NULL: not given */
	scout_cli_list select;      /* --select RULES, each a comma-separated list */
	scout_cli_list ignore;      /* --ignore RULES, likewise */
	const char *fail_on;        /* --fail-on LEVEL */
	const char *scope;          /* --scope shipped|all */
	const char *min_coverage;   /* --min-coverage PCT */
	const char *baseline;       /* --baseline FILE */
	const char *write_baseline; /* --write-baseline FILE */
	const char *diff_base;      /* --diff BASE */
	bool report_unused_ignores; /* --report-unused-ignores */
	const char *rev;            /* --rev REV */
	const char *profile;        /* --profile FILE */
	const char *summary;        /* --summary FILE */
	const char *cache_dir;      /* --cache-dir DIR, NULL: $XDG_CACHE_HOME/mypyc-scout */
	bool no_cache;              /* --no-cache */
	bool timestamp;             /* audit --timestamp */
	const char *color;          /* --color auto|always|never, NULL: auto */
	const char *mypyc;          /* verify --mypyc CMD */
	scout_cli_list set;         /* verify --set WHAT (repeatable) */
	const char *timeout;        /* verify --timeout SECONDS */
	const char *keep_build;     /* verify --keep-build DIR */
	bool allow_plugins;         /* verify --allow-plugins */
	bool import_modules;        /* verify --import */
	const char *test;           /* verify --test CMD */
	const char *verification;   /* audit --verification FILE */
	/* What the text report shows (scout_text_opts in reporters/reporter.h). */
	bool show_fixes, show_all, show_modules, show_plan, show_advisories, statistics, quiet;
} scout_cli;

/* Where an option's value goes in scout_cli. */
typedef enum scout_cli_kind {
	SCOUT_CLI_FLAG,    /* sets the bool at `offset` */
	SCOUT_CLI_STRING,  /* the const char * at `offset`; the last one given wins */
	SCOUT_CLI_LIST,    /* appends to the scout_cli_list at `offset` (repeatable) */
	SCOUT_CLI_NUMBER,  /* the unsigned at `offset`, from 1 to 1024 */
	SCOUT_CLI_HELP,    /* stops parsing: the help of the command given so far */
	SCOUT_CLI_VERSION, /* stops parsing: the version */
} scout_cli_kind;

/* The commands an option applies to, as a mask. */
#define SCOUT_CLI_FOR(command) (1u << (command))
#define SCOUT_CLI_EVERY                                                                            \
	(SCOUT_CLI_FOR(SCOUT_CMD_SCAN) | SCOUT_CLI_FOR(SCOUT_CMD_AUDIT) |                          \
	 SCOUT_CLI_FOR(SCOUT_CMD_RULES) | SCOUT_CLI_FOR(SCOUT_CMD_VERIFY))

/* One row of the option table. An option worded differently for different
 * commands has one row per wording: same name, short name, metavar, kind and
 * offset; disjoint `commands`. */
typedef struct scout_cli_option {
	const char *name;    /* "--jobs" */
	char short_name;     /* 'j' for "-j", or 0 */
	const char *metavar; /* "N"; NULL: the option takes no value */
	unsigned commands;   /* SCOUT_CLI_FOR mask of the commands that take it */
	scout_cli_kind kind; /* what to do with the value */
	size_t offset;       /* offsetof(scout_cli, field), for FLAG to NUMBER */
	const char *help;    /* one line of prose, wrapped when printed */
	const char *choices; /* the values it takes, blank-separated, for shell
	                        completion; NULL: any (FILE and DIR: paths) */
} scout_cli_option;

/* One command's row: its name and the texts of its help. */
typedef struct scout_cli_command {
	const char *name;
	scout_command id;
	const char *args;  /* after the name and [OPTIONS] in the usage line */
	const char *brief; /* its line in the overview */
	const char *about; /* its help, under the usage line; NULL for `help` */
	bool config;       /* [tool.mypyc-scout] applies to it */
	const char *exits; /* its exit statuses, after the options */
} scout_cli_command;

/* Parses argv into *out (free with scout_cli_free). Returns 0, or SCOUT_EUSAGE
 * with a one-line message in scout_error_last(): an unknown command or option,
 * a missing or bad value, an option the command does not take. */
int scout_cli_parse(scout_cli *out, int argc, char **argv);
void scout_cli_free(scout_cli *cli);

/* The option table in *out (static), its length in *count. */
void scout_cli_options(const scout_cli_option **out, size_t *count);

/* The command table in *out (static, in overview order), its length in *count. */
void scout_cli_commands(const scout_cli_command **out, size_t *count);

/* The name of `command` ("scan"; static), or NULL for SCOUT_CMD_VERSION. */
const char *scout_cli_command_name(scout_command command);

/* Writes the help of `topic` to `out`: for scan, audit and rules, its usage
 * line and its options only; for SCOUT_CMD_HELP, the overview. Returns 0, or
 * SCOUT_EIO when `out` reports an error. */
int scout_cli_help_write(FILE *out, scout_command topic);

/* From the same tables (cli_docs.c): the man page (roff, section 1), and
 * the bash or zsh completion script (`shell` "bash" or "zsh"). Return 0,
 * SCOUT_EUSAGE for another shell, or SCOUT_EIO when `out` reports an error. */
int scout_cli_man_write(FILE *out);
int scout_cli_completion_write(FILE *out, const char *shell);

#endif
