/* Running the compiler: one child process in its own process group, output
 * captured with a cap, killed on timeout or on SIGINT/SIGTERM. */
#ifndef SCOUT_VERIFY_CHILD_H
#define SCOUT_VERIFY_CHILD_H

#include "scout/common.h"

typedef struct child_opts {
	char *const *argv;    /* the command, NULL-terminated; argv[0] looked up on PATH */
	const char *cwd;      /* its working directory, or NULL */
	unsigned timeout;     /* seconds; 0: none */
	size_t cap;           /* bytes of output kept: the first cap/2 and the last cap/2 */
	const char *progress; /* with a TTY: the progress line's text ("compiling 5 modules") */
} child_opts;

typedef struct child_result {
	char *output; /* owned; stdout and stderr interleaved, NUL-terminated; when
	                 over the cap, head + a marker line + tail */
	size_t len;
	uint64_t total;   /* bytes printed */
	uint64_t dropped; /* bytes cut from the middle */
	int exit_status;  /* -1 when ended by a signal */
	int signal;       /* the signal that ended it, or 0 */
	bool timed_out;
	bool interrupted; /* SIGINT/SIGTERM reached us while it ran */
	double seconds;
} child_result;

/* Runs opts->argv to its end, or kills its process group (SIGTERM, then
 * SIGKILL after 2 s) at the timeout or on SIGINT/SIGTERM. Returns 0 with *out
 * filled (free with child_result_free), or SCOUT_ERROR when it could not be
 * started (no such program: SCOUT_ENOTFOUND). */
int child_run(child_result *out, const child_opts *opts);
void child_result_free(child_result *r);

/* True once SIGINT/SIGTERM arrived while they were caught. */
bool child_interrupted(void);

/* From here on SIGINT and SIGTERM only set the flag child_interrupted()
 * reads (child_run catches them while it runs); nested calls count. */
void child_signals_catch(void);
void child_signals_restore(void);

#endif
