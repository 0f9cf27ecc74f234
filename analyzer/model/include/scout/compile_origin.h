/* Where the current compile set was read: one entry per build file that
 * configures mypyc, and what in them could not be read. Plain data. */
#ifndef SCOUT_COMPILE_ORIGIN_H
#define SCOUT_COMPILE_ORIGIN_H

#include "scout/common.h"

/* One build file that compiles modules with mypyc. */
typedef struct scout_compile_origin {
	char *file;      /* owned; the build file, relative to the scan root */
	char *backend;   /* owned; "mypycify" (setup.py) or "hatch-mypyc" (pyproject.toml) */
	char *condition; /* owned; when the build compiles ("MYPY_USE_MYPYC=1"), or NULL */
	char **modules;  /* owned; the module paths it compiles, sorted */
	size_t nmodules, modules_cap;
	char **mypy_args; /* owned; flags it passes to mypy ("--config-file=x.ini") */
	size_t nmypy_args, mypy_args_cap;
} scout_compile_origin;

/* Something in a build file the reader could not read: the modules it adds
 * are missing from the compile set. */
typedef struct scout_compile_unread {
	char *file;    /* owned; relative to the scan root */
	uint32_t line; /* 1-based; 0 when not about a line */
	char *reason;  /* owned */
} scout_compile_unread;

/* Frees what the entries own (not the arrays themselves). */
void scout_compile_origin_clear(scout_compile_origin *o);
void scout_compile_unread_clear(scout_compile_unread *u);

#endif
