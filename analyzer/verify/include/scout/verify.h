/* The verify stage: the plan of a finished scan compiled by the real mypyc in
 * a scratch copy of the project, set beside what the scan predicted. It runs
 * the user's compiler (which type-checks and generates C; it never imports
 * the project's modules) and nothing else of the project. */
#ifndef SCOUT_VERIFY_H
#define SCOUT_VERIFY_H

#include "scout/result.h"

/* The version of the `verification` section of the JSON report (2: the
 * environment kind and outcome, plugins, date, import and test runs). */
#define SCOUT_VERIFY_SCHEMA 2

/* --- the compiler --------------------------------------------------------- */

typedef struct scout_compiler {
	char **argv;    /* owned, NULL-terminated: the command's words */
	size_t argc;    /* words in argv */
	char *command;  /* owned; as given (--mypyc) or the path found on PATH */
	char *banner;   /* owned; its `--version` line, "mypy 1.0.1 (compiled: yes)" */
	char *version;  /* owned; "1.0.1" */
	uint32_t vcode; /* SCOUT_V of version */
} scout_compiler;

/* Finds the compiler: `command` split like a shell word list ("python3 -m
 * mypyc"; quotes and backslashes as sh reads them, no expansion), else
 * `mypyc` on PATH; runs it with --version (at most 60 s) and reads the
 * version. Returns 0 with *out filled (free with scout_compiler_free), or
 * SCOUT_ENOTFOUND / SCOUT_ERROR with the reason in scout_error_last(). */
int scout_compiler_find(scout_compiler *out, const char *command);
void scout_compiler_free(scout_compiler *c);

/* Splits `text` into words as sh does (blanks separate; '...' literal;
 * "..." with \" \\ \$ \` escapes; \x outside quotes), without expansion.
 * Returns 0 with *argv (owned, NULL-terminated, free with
 * scout_compiler_words_free) and *argc, or SCOUT_EUSAGE for an unclosed quote
 * or no word at all. */
int scout_compiler_words(char ***argv, size_t *argc, const char *text);
void scout_compiler_words_free(char **argv);

/* --- the scratch copy ----------------------------------------------------- */

/* Copies the project at `dir` into a new directory made by mkdtemp under
 * `parent` (NULL: $TMPDIR, else /tmp), or into `keep` when given (created;
 * it must not exist or be empty): inside a git work tree the tracked files
 * and the untracked files not ignored (libgit2), or with `rev` the tree of
 * that commit; outside git every regular file but those in the directories
 * discovery skips. Never writes under `dir`. Returns 0 with *out (owned, free
 * with free()) and *files (how many copied), or SCOUT_EIO / SCOUT_ERROR with
 * the reason; on error nothing is left behind. */
int scout_scratch_make(char **out, size_t *files, const char *dir, const char *rev,
                       const char *parent, const char *keep);
/* Removes the directory tree at `path` (never following symlinks). Returns 0
 * or SCOUT_EIO. */
int scout_scratch_remove(const char *path);

/* --- what the compiler said ------------------------------------------------ */

typedef enum scout_verify_kind {
	SCOUT_VERR_MYPY,  /* a mypy type error: `path:line: error: msg  [code]` */
	SCOUT_VERR_MYPYC, /* mypyc refused the code: an error without a code */
	SCOUT_VERR_C,     /* the C compiler failed on the generated C */
	SCOUT_VERR_CRASH, /* the compiler crashed: a traceback, INTERNAL ERROR */
	SCOUT_VERR_ENV,   /* the build environment failed, no module's fault: setuptools
	                     rejects the packaging metadata, a package or header is missing,
	                     no C compiler */
	SCOUT_VERR_COUNT
} scout_verify_kind;

/* "mypy", "mypyc", "c-compiler", "crash", "environment". */
const char *scout_verify_kind_name(scout_verify_kind kind);

typedef struct scout_verify_error {
	uint8_t kind;  /* scout_verify_kind */
	char *path;    /* owned; as the compiler named it, relative to the project, or NULL */
	size_t module; /* index into scan->modules, or SIZE_MAX when not a module */
	uint32_t line; /* 1-based, 0 when not given */
	char *message; /* owned; without path, line and code */
	char *code;    /* owned; mypy's error code, or NULL */
} scout_verify_error;

/* One compile of one set. */
typedef struct scout_verify_round {
	size_t *modules; /* owned; indexes into scan->modules, in the order given */
	size_t nmodules;
	int exit_status;            /* the compiler's; -1 when it did not exit by itself */
	int signal;                 /* the signal that ended it, or 0 */
	bool timed_out;             /* killed at --timeout */
	bool interrupted;           /* killed on SIGINT/SIGTERM */
	bool ok;                    /* exit 0 and no error */
	double seconds;             /* wall time */
	scout_verify_error *errors; /* owned; in output order */
	size_t nerrors, errors_cap;
	char **unparsed; /* owned; lines of a failed compile no pattern read, verbatim */
	size_t nunparsed, unparsed_cap;
	size_t unparsed_dropped; /* such lines past the cap on them */
	uint64_t output_bytes;   /* everything the compiler printed */
	uint64_t dropped_bytes;  /* cut from the middle of it by the capture cap */
	size_t *removed;         /* owned; modules taken out after this round */
	size_t nremoved, removed_cap;
} scout_verify_round;

/* What happened to one module of the set, next to what the scan said. */
typedef enum scout_verify_outcome {
	SCOUT_VOUT_CONFIRMED,  /* predicted compilable and compiled, or predicted blocked and
	                          mypyc refused it */
	SCOUT_VOUT_MISSED,     /* predicted compilable, mypyc refused it: a prediction miss */
	SCOUT_VOUT_FALSE,      /* predicted blocked, it compiled */
	SCOUT_VOUT_TYPE_FIXES, /* mypy type errors: fix the annotations (not a miss) */
	SCOUT_VOUT_TIED,       /* taken out with a failing module of its group, not tried alone */
	SCOUT_VOUT_UNKNOWN,    /* the compile stopped before it was known (timeout, unreadable
	                          failure, errors outside the set) */
	SCOUT_VOUT_ENV,        /* failed on the build environment only (a package its imports
	                          need is not installed where mypyc runs): not a miss */
	SCOUT_VOUT_COUNT
} scout_verify_outcome;

/* "confirmed", "missed-blocker", "false-blocker", "needs-type-fixes",
 * "tied", "unknown", "environment". */
const char *scout_verify_outcome_name(scout_verify_outcome o);

typedef struct scout_verify_module {
	size_t module;        /* index into scan->modules */
	bool predicted_ready; /* the scan: no blocker holds, not in the blocked list */
	bool compiled;        /* in the verified set */
	uint8_t outcome;      /* scout_verify_outcome */
	size_t err_round;     /* its first error: rounds[err_round].errors[err_index]; */
	size_t err_index;     /* err_round SIZE_MAX for none */
	const char *rule;     /* MISSED: the rule whose documented message matches
	                         mypyc's (static), or NULL */
	bool rule_active;     /* that rule applies to this mypyc version */
	size_t tied_to;       /* TIED: the failing module it went out with, else SIZE_MAX */
	uint8_t imported;     /* --import: scout_verify_import */
	char *import_error;   /* owned; --import: the exception's last line, or NULL */
	size_t test_failures; /* --test: failures the traceback attributes to it */
	size_t warned;        /* failed at run time (below): the scan's behaviour
	                         findings that hold in it */
} scout_verify_module;

/* --import, per compiled module. */
typedef enum scout_verify_import {
	SCOUT_VIMP_NOT_RUN,    /* no --import, or not compiled */
	SCOUT_VIMP_OK,         /* imported, from the compiled extension */
	SCOUT_VIMP_FAILED,     /* the import raised (import_error says what) */
	SCOUT_VIMP_NOT_NATIVE, /* imported, but from the .py file, not the extension */
} scout_verify_import;

/* "not-run", "ok", "failed", "not-native". */
const char *scout_verify_import_name(scout_verify_import i);

/* A compiled module that failed at run time: its import raised, or --test
 * failures were tied to it. */
static inline bool scout_verify_failed_at_runtime(const scout_verify_module *m)
{
	return m->imported == SCOUT_VIMP_FAILED || m->test_failures > 0;
}

/* A finding of the scan that foretold a run-time difference: a behaviour
 * finding that holds. */
static inline bool scout_verify_warns(const scout_finding *f)
{
	return f->category == SCOUT_BEHAVIOUR && !f->unmet;
}

/* A mypy plugin named in the project's mypy configuration. */
typedef struct scout_verify_plugin {
	char *name; /* owned; as written ("pkg.plugin", "plugins/check.py:entry") */
	bool local; /* the project's own code (a .py path, or a module of the project) */
	bool kept;  /* left in the scratch copy's configuration */
} scout_verify_plugin;

/* One attributed failure of the --test run. */
typedef struct scout_verify_test_failure {
	size_t module;        /* index into scan->modules (a compiled one) */
	uint32_t line;        /* 0 when the traceback gave none */
	char *message;        /* owned; the exception line, or the line naming the module */
	bool interpreted_too; /* the interpreted baseline raised the same line */
} scout_verify_test_failure;

/* The --test run against the compiled build. */
typedef struct scout_verify_test {
	char *command; /* owned; as given */
	bool ran;
	int exit_status; /* -1 when a signal ended it */
	bool timed_out;
	double seconds;
	scout_verify_test_failure *failures; /* owned */
	size_t nfailures, failures_cap;
	size_t unattributed; /* exception lines no compiled module could be tied to */
	size_t new_failures; /* exception lines the interpreted baseline did not raise */
	char **tail;         /* owned; the output's last lines when it failed */
	size_t ntail;
	/* The same command run interpreted first (the baseline). */
	bool baseline_ran;
	int baseline_exit;
	bool baseline_timed_out;
	double baseline_seconds;
	char **baseline; /* owned; its exception lines */
	size_t nbaseline, baseline_cap;
} scout_verify_test;

/* Whether the tests fail because of the compiled build: they fail, and the
 * interpreted baseline (when it ran) passed, or did not time out when they
 * did, or did not raise every exception line they raise. */
static inline bool scout_verify_tests_regressed(const scout_verify_test *t)
{
	if (!t->ran || (t->exit_status == 0 && !t->timed_out))
		return false;
	if (!t->baseline_ran || (t->timed_out && !t->baseline_timed_out))
		return true;
	return (t->baseline_exit == 0 && !t->baseline_timed_out) || t->new_failures > 0;
}

typedef enum scout_verify_status {
	SCOUT_VERIFY_ALL,         /* the whole set compiled */
	SCOUT_VERIFY_PART,        /* a smaller set compiled */
	SCOUT_VERIFY_NONE,        /* nothing left that compiles */
	SCOUT_VERIFY_STOPPED,     /* stopped: timeout, interrupted, or a failure that names no
	                             module of the set (reason in stop_reason) */
	SCOUT_VERIFY_EMPTY,       /* the set to compile was empty */
	SCOUT_VERIFY_ENVIRONMENT, /* stopped by the build environment, no module's fault
	                             (stop_reason says what to fix) */
} scout_verify_status;

/* "verified", "partial", "none", "stopped", "empty", "environment". */
const char *scout_verify_status_name(scout_verify_status s);

typedef struct scout_verification {
	char *compiler;        /* owned; the command */
	char *compiler_banner; /* owned */
	char *version;         /* owned; "1.0.1" */
	char *set;             /* owned; what --set asked for ("default", "plan", a list) */
	char *scratch;         /* owned; the scratch directory (kept only with --keep-build) */
	bool kept;             /* --keep-build: scratch left in place */
	size_t files_copied;
	unsigned timeout;           /* seconds per compile */
	scout_verify_round *rounds; /* owned */
	size_t nrounds, rounds_cap;
	scout_verify_module *modules; /* owned; the set asked for, in scan order */
	size_t nmodules, modules_cap;
	size_t *verified; /* owned; the set that compiled (scan order), empty unless ALL/PART */
	size_t nverified;
	uint8_t status;    /* scout_verify_status */
	char *stop_reason; /* owned; STOPPED: why, else NULL */
	size_t counts[SCOUT_VOUT_COUNT];
	double agreement;             /* confirmed / (confirmed + missed + false); -1 when none */
	double seconds;               /* all compiles */
	char *date;                   /* owned; "2026-12-06" (UTC; SOURCE_DATE_EPOCH wins) */
	char *config;                 /* owned; the mypy configuration file mypyc reads, or NULL */
	scout_verify_plugin *plugins; /* owned; its `plugins`, in order */
	size_t nplugins;
	bool plugins_allowed; /* --allow-plugins (or --import/--test): local ones kept */
	char *python;         /* owned; the interpreter of --import/--test, or NULL */
	bool imported;        /* --import ran */
	size_t import_failures;
	/* --import/--test: compiled modules that failed at run time, and how many
	 * of them the scan warned of (a behaviour finding in the module) */
	size_t runtime_failures, runtime_warned;
	scout_verify_test test; /* --test */
} scout_verification;

void scout_verification_free(scout_verification *v);

/* --- running it ----------------------------------------------------------- */

typedef struct scout_verify_opts {
	const scout_compiler *compiler;
	const char *scratch;    /* the scratch copy: the compiler's working directory */
	const char *const *set; /* --set words: "plan", "current", "ready", or module
	                           names/paths; none: current + plan */
	size_t nset;
	unsigned timeout;  /* seconds per compile; 0: none */
	size_t output_cap; /* bytes of output kept per compile (head + tail) */
	bool progress;     /* a progress line on stderr (a TTY) */
	bool import;       /* --import: import each compiled module (runs project code) */
	const char *test;  /* --test CMD: run it against the build (runs project code) */
} scout_verify_opts;

/* Resolves the set (SCOUT_EUSAGE for a name that is no module of the scan),
 * then compiles it in opts->scratch, taking out failing modules and their
 * groups until a set compiles or nothing is left, into *out (free with
 * scout_verification_free; filled on every return but SCOUT_EUSAGE). Returns
 * 0, SCOUT_EUSAGE, or SCOUT_ERROR when the compiler could not be started.
 * SIGINT and SIGTERM during a compile kill the compiler's process group; the
 * status is then STOPPED and scout_verify_interrupted() is true. */
int scout_verify_run(scout_verification *out, const scout_scan *scan,
                     const scout_verify_opts *opts);

/* True once SIGINT or SIGTERM arrived while caught (during
 * scout_verify_run, or between scout_verify_signals(true) and (false)). */
bool scout_verify_interrupted(void);
/* true: from now on SIGINT/SIGTERM only set the flag above, so that the
 * caller can clean up (the scratch copy); false: as before. */
void scout_verify_signals(bool catch);

/* Reads the mypy configuration mypy would read in `scratch` (mypy.ini,
 * .mypy.ini, pyproject.toml with [tool.mypy], setup.cfg with [mypy]) and,
 * unless `allow`, rewrites its `plugins` so that only installed plugins stay:
 * a plugin given as a .py path, or as a module whose top package is in the
 * copy (at its root or under `src/`), is the project's own code, which mypy
 * would import. Fills v->config, v->plugins, v->plugins_allowed. Returns 0 or
 * SCOUT_EIO. */
int scout_verify_plugins_confine(scout_verification *v, const char *scratch, bool allow);

/* Today, "2026-12-06" (UTC; SOURCE_DATE_EPOCH, a number of seconds, wins),
 * owned. */
char *scout_verify_date(void);

/* The Python that runs the compiled build: `X` of "X -m mypyc", else the
 * interpreter of argv[0]'s #! line, else "python3" (owned). */
char *scout_verify_python(const scout_compiler *c);

/* The rule whose documented mypyc message `message` matches (static), or
 * NULL. */
const char *scout_verify_rule_for(const char *message, uint32_t version, bool *active);

#endif
