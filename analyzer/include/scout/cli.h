/* Command-line arguments, parsed into plain options (no work done here). */
#ifndef SCOUT_CLI_H
#define SCOUT_CLI_H

#include "scout/common.h"

typedef enum scout_command {
	SCOUT_CMD_SCAN,
	SCOUT_CMD_RULES,
	SCOUT_CMD_AUDIT,
	SCOUT_CMD_HELP,
	SCOUT_CMD_VERSION,
} scout_command;

/* Arguments given more than once, in order: an owned array of borrowed argv
 * strings. */
typedef struct scout_cli_list {
	const char **items;
	size_t count, cap;
} scout_cli_list;

typedef struct scout_cli {
	scout_command command;
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
} scout_cli;

/* Parses argv into *out (free with scout_cli_free). Returns 0, or SCOUT_EUSAGE
 * with a one-line message in scout_error_last(). */
int scout_cli_parse(scout_cli *out, int argc, char **argv);
void scout_cli_free(scout_cli *cli);

/* The --help text. Static. */
const char *scout_cli_usage(void);

#endif
