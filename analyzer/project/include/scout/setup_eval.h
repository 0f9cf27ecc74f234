/* What a setup.py passes to mypycify, read as the build would compute it
 * but without running anything: list literals, variables built with `+`,
 * `+=`, append and extend, glob.glob, os.listdir and os.walk over the
 * checkout, os.path joins, comprehensions with filters, and setup.py's own
 * functions. Branches that test the environment or the command line are
 * taken towards the mypycify call and reported as its condition; what
 * cannot be read is reported with its line and why, never guessed. */
#ifndef SCOUT_SETUP_EVAL_H
#define SCOUT_SETUP_EVAL_H

#include "scout/common.h"

typedef struct scout_setup_note {
	uint32_t line; /* 1-based */
	char *reason;  /* owned */
} scout_setup_note;

typedef struct scout_setup_list {
	uint32_t line; /* the first mypycify call (1-based); 0: none */
	char **paths;  /* owned; files and directories relative to the root, normalised */
	size_t npaths, paths_cap;
	char **excluded; /* owned; paths a filter or remove() left out of the list on purpose */
	size_t nexcluded, excluded_cap;
	char **mypy_args; /* owned; the list's "--" entries */
	size_t nmypy_args, mypy_args_cap;
	char *condition;          /* owned; when the build compiles (environment, flags), or NULL */
	scout_setup_note *unread; /* owned; what could not be read */
	size_t nunread, unread_cap;
} scout_setup_list;

/* Reads the setup.py at `rel` (relative to `root`, the checkout on disk,
 * which bounds every file the reading looks at) from its `len` bytes of
 * source into *out (free with scout_setup_list_free). */
void scout_setup_eval(scout_setup_list *out, const char *root, const char *rel, const char *src,
                      size_t len);
void scout_setup_list_free(scout_setup_list *l);

#endif
