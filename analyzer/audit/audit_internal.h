/* Private to the audit's packaging checklist (audit_facts*.c): the repository
 * files it reads (never runs), line iteration over them, and the helpers that
 * fill one checklist item. */
#ifndef SCOUT_AUDIT_INTERNAL_H
#define SCOUT_AUDIT_INTERNAL_H

#include "scout/audit.h"
#include "scout/setup_py.h"
#include "scout/toml.h"

/* Files larger than this are taken to be absent. */
#define FACTS_MAX_BYTES ((size_t)1024 * 1024)
/* Evidence kept per checklist item; the rest is counted in its text. */
#define FACTS_MAX_REFS 50

/* One repository file, read whole. */
typedef struct facts_file {
	char *rel;  /* owned; relative to the project directory, '/'-separated */
	char *data; /* owned; NUL-terminated UTF-8; NULL when absent */
	size_t len;
} facts_file;

/* One line of a file: not NUL-terminated. */
typedef struct facts_line {
	const char *text;
	size_t len;
	uint32_t no; /* 1-based */
} facts_line;

/* The environment variable that turns the compiled build on, and its
 * values (audit_facts_switch.c). */
typedef struct facts_switch {
	char *var;      /* owned; "LAGOM_COMPILE" */
	char *on, *off; /* owned; the values that compile ("1") and that do not ("0") */
	bool own;       /* read from the project's build files, not made up */
} facts_switch;

/* What the checks share: the files read once, and setup.py's facts. */
typedef struct facts_ctx {
	const scout_scan *scan;
	const char *dir;
	facts_file pyproject, setup_py, setup_cfg, tox_ini, pytest_ini, noxfile, makefile;
	scout_toml toml; /* pyproject.toml parsed; empty when absent */
	facts_file *ci;  /* owned; CI configuration files, by rel */
	size_t nci, ci_cap;
	scout_setup_py setup; /* setup.py's mypycify calls; all zero when absent */
	uint32_t env_line;    /* setup.py's first os.environ / getenv / sys.argv; 0: none */
	bool hatch_hook;      /* hatch-mypyc configured (hook table or requires) */
	facts_switch sw;      /* the compiled build's environment switch */
} facts_ctx;

/* The project's own switch when a build file's condition names one, else
 * hatch's, else NAME_USE_MYPYC from `project` (the project's name). */
void scout_audit_facts_switch(facts_switch *sw, const scout_scan *scan, const char *project);
void scout_audit_facts_switch_free(facts_switch *sw);

/* Reads dir/rel when it is a regular file (not a symlink) of at most
 * FACTS_MAX_BYTES holding text; otherwise f stays absent (data NULL).
 * Under --rev it is the commit's file (a project file: scout/fs.h).
 * f->rel is always set (owned). */
void scout_audit_facts_read(facts_file *f, const char *dir, const char *rel);
void scout_audit_facts_file_free(facts_file *f);

/* Steps through f's lines: start with *pos = 0; false at the end. */
bool scout_audit_facts_next_line(const facts_file *f, size_t *pos, facts_line *line);
/* Substring tests within one line (exact, and ASCII case-insensitive). */
bool scout_audit_facts_line_has(const facts_line *l, const char *needle);
bool scout_audit_facts_line_has_ci(const facts_line *l, const char *needle);
/* True when the line, trimmed, is empty or starts with '#' (or ';'). */
bool scout_audit_facts_line_is_comment(const facts_line *l);

/* What a CI line runs in another file (audit_facts_follow.c): `make T`
 * into the Makefile, `nox -s NAME` into noxfile.py; visit(arg, file, line)
 * for each line reached, in the order it runs; "make target T" or "nox
 * session NAME" appended to via (", "-separated). */
typedef void (*facts_visit)(void *arg, const facts_file *f, const facts_line *l);
void scout_audit_facts_follow(const facts_ctx *ctx, const facts_line *l, facts_visit visit,
                              void *arg, scout_buf *via);

/* A project-relative path for a module path of the scan (owned by caller),
 * or NULL when the scan root does not lie inside the project directory. */
char *scout_audit_facts_project_path(const facts_ctx *ctx, const char *module_path);
/* Frees n owned strings and their array. */
void scout_audit_facts_strs_free(char **s, size_t n);
/* The phase 1 list as `indent"path",\n` lines, or a placeholder line. */
void scout_audit_facts_put_paths(scout_buf *b, const facts_ctx *ctx, const char *indent);

/* Appends a new checklist item (status INFO, no text) and returns it. */
scout_audit_check *scout_audit_facts_check(scout_audit *a, const char *id, const char *title);
/* Adds evidence: the line's text trimmed to at most 200 bytes. */
void scout_audit_facts_ref(scout_audit_check *c, const char *path, uint32_t line, const char *text,
                           size_t len);
void scout_audit_facts_ref_line(scout_audit_check *c, const facts_file *f, const facts_line *l);
/* Adds f's line `no` (nothing when f has no such line). */
void scout_audit_facts_ref_at(scout_audit_check *c, const facts_file *f, uint32_t no);
/* Sorts refs by (path, line), drops duplicates, keeps FACTS_MAX_REFS;
 * returns how many were dropped over the cap. */
size_t scout_audit_facts_refs_finish(scout_audit_check *c);
/* Sets the snippet (takes ownership of text). */
void scout_audit_facts_snippet(scout_audit_check *c, char *text, const char *lang,
                               const char *file);

/* The setup.py facts in ctx (never run). */
void scout_audit_facts_read_setup_py(facts_ctx *ctx);
/* Whether pyproject.toml has a key under `prefix` ("tool.cibuildwheel") or a
 * table header naming it; *line gets the first line, 0 when none. */
bool scout_audit_facts_toml_section(const facts_ctx *ctx, const char *prefix, uint32_t *line);

/* For "test-compiled" (audit_facts_wheeltest.c): the CI job (or tox/nox
 * section) that installs a built wheel and runs the tests after it, said in
 * `found` with its lines as evidence. 0: none; 1: a wheel, maybe pure; 2:
 * built with the compiled build's switch on. */
int scout_audit_facts_wheel_tests(scout_audit_check *c, const facts_ctx *ctx, scout_buf *found);

/* The six checks, in order. */
void scout_audit_facts_build_backend(scout_audit *a, facts_ctx *ctx);
void scout_audit_facts_cibuildwheel(scout_audit *a, const facts_ctx *ctx);
void scout_audit_facts_fallback_wheel(scout_audit *a, const facts_ctx *ctx);
void scout_audit_facts_requires_python(scout_audit *a, const facts_ctx *ctx);
void scout_audit_facts_test_compiled(scout_audit *a, const facts_ctx *ctx);
void scout_audit_facts_mypyc_tests(scout_audit *a, const facts_ctx *ctx);

#endif
