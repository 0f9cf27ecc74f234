/* The two steps that run the project's code, only when asked: --import
 * imports each compiled module in its own Python process in the scratch
 * copy (and checks that the extension, not the .py file, was imported);
 * --test runs the user's test command there against the compiled build and
 * ties each failure to a compiled module where the traceback allows: a frame
 * in a compiled module (mypyc-compiled code adds its own frames), a compiled
 * module named in the exception, or mypyc's "interpreted classes cannot
 * inherit from compiled" raised in a module whose class subclasses a class
 * of a compiled module. */
#include "verify_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "child.h"
#include "scout/classindex.h"

#define TAIL_LINES 30

const char *scout_verify_import_name(scout_verify_import i)
{
	static const char *const names[] = {"not-run", "ok", "failed", "not-native"};

	return i <= SCOUT_VIMP_NOT_NATIVE ? names[i] : "?";
}

char *scout_verify_python(const scout_compiler *c)
{
	char line[512] = "";
	FILE *f;
	char *p, *end;

	if (c->argc >= 3 && strcmp(c->argv[1], "-m") == 0 && strcmp(c->argv[2], "mypyc") == 0)
		return scout_strdup(c->argv[0]);
	if (strchr(c->argv[0], '/') && (f = fopen(c->argv[0], "r"))) {
		if (!fgets(line, sizeof(line), f))
			line[0] = '\0';
		fclose(f);
	}
	if (strncmp(line, "#!", 2) != 0)
		return scout_strdup("python3");
	p = line + 2;
	while (*p == ' ')
		p++;
	end = p + strcspn(p, " \t\r\n");
	if (end - p >= 4 && memcmp(end - 4, "/env", 4) == 0) { /* #!/usr/bin/env python3 */
		p = end + strspn(end, " \t");
		end = p + strcspn(p, " \t\r\n");
	}
	return end > p ? scout_strndup(p, (size_t)(end - p)) : scout_strdup("python3");
}

/* ---- the environment of both: the copy's source roots first ------------- */

/* The directory module i's import starts from ("src" for src/pkg/mod.py as
 * pkg.mod; "" at the root). Owned. */
static char *source_root(const scout_module *m)
{
	size_t plen = strlen(m->path), parts = 1;

	for (const char *d = m->module; *d; d++)
		parts += *d == '.';
	if (plen > 12 && strcmp(m->path + plen - 12, "/__init__.py") == 0)
		parts++;
	for (size_t k = plen; k-- > 0;)
		if (m->path[k] == '/' && --parts == 0)
			return scout_strndup(m->path, k);
	return scout_strdup("");
}

/* PYTHONPATH: the copy's roots of the modules of the set, the copy itself,
 * then what was set. Returns the old value (owned, or NULL). */
static char *set_pythonpath(const scout_verification *v, const scout_scan *scan,
                            const char *scratch)
{
	const char *old = getenv("PYTHONPATH");
	scout_buf b = {0};
	char *saved = old ? scout_strdup(old) : NULL;

	for (size_t i = 0; i < v->nmodules; i++) {
		char *root = source_root(&scan->modules[v->modules[i].module]);
		char *entry = scout_asprintf("%s%s%s", scratch, root[0] ? "/" : "", root);

		if (!b.data || !strstr(b.data, entry))
			scout_buf_printf(&b, "%s:", entry);
		free(entry);
		free(root);
	}
	scout_buf_puts(&b, scratch);
	if (old && old[0])
		scout_buf_printf(&b, ":%s", old);
	setenv("PYTHONPATH", b.data, 1);
	scout_buf_free(&b);
	return saved;
}

static void restore_pythonpath(char *saved)
{
	if (saved)
		setenv("PYTHONPATH", saved, 1);
	else
		unsetenv("PYTHONPATH");
	free(saved);
}

/* The last non-blank line of `text` (owned). */
static char *last_line(const char *text)
{
	const char *end = text + strlen(text), *start;

	while (end > text && isspace((unsigned char)end[-1]))
		end--;
	start = end;
	while (start > text && start[-1] != '\n')
		start--;
	return end > start ? scout_strndup(start, (size_t)(end - start))
	                   : scout_strdup("(no output)");
}

/* ---- --import -------------------------------------------------------------- */

static const char import_script[] = "import importlib, sys\n"
                                    "m = importlib.import_module(sys.argv[1])\n"
                                    "f = getattr(m, '__file__', None) or ''\n"
                                    "if not f.endswith(('.so', '.pyd')):\n"
                                    "    print('imported from ' + f)\n"
                                    "    sys.exit(3)\n";

static void import_one(scout_verification *v, scout_verify_module *vm, const scout_scan *scan,
                       const scout_verify_opts *o, char *const *python, size_t npython)
{
	char **argv = scout_calloc(npython + 4, sizeof(*argv));
	child_opts co = {.argv = argv, .cwd = o->scratch, .timeout = o->timeout, .cap = 65536};
	child_result r;

	memcpy(argv, python, npython * sizeof(*argv));
	argv[npython] = "-c";
	argv[npython + 1] = (char *)import_script;
	argv[npython + 2] = scan->modules[vm->module].module;
	if (child_run(&r, &co) < 0) {
		vm->imported = SCOUT_VIMP_FAILED;
		vm->import_error = scout_strdup(scout_error_last());
	} else {
		vm->imported = r.exit_status == 0   ? SCOUT_VIMP_OK
		               : r.exit_status == 3 ? SCOUT_VIMP_NOT_NATIVE
		                                    : SCOUT_VIMP_FAILED;
		if (vm->imported != SCOUT_VIMP_OK)
			vm->import_error =
			    r.timed_out ? scout_strdup("timed out") : last_line(r.output);
		child_result_free(&r);
	}
	v->import_failures += vm->imported != SCOUT_VIMP_OK;
	free(argv);
}

/* ---- --test: tying failures to compiled modules --------------------------- */

typedef struct attrib {
	scout_verification *v;
	const scout_scan *scan;
	const char *scratch;
	scout_class_index classes;
	size_t frame_module; /* the innermost compiled frame of the traceback, or SIZE_MAX */
	uint32_t frame_line;
	size_t last_module; /* the innermost frame in any module of the scan */
	bool in_traceback;
	bool baseline; /* the interpreted run: exception lines are kept, not tied */
} attrib;

static bool compiled(const scout_verification *v, size_t module)
{
	for (size_t i = 0; i < v->nverified; i++)
		if (v->verified[i] == module)
			return true;
	return false;
}

/* A path the test output names, made relative to the copy: the module, or
 * SIZE_MAX. */
static size_t module_at(const attrib *a, const char *path, size_t n)
{
	size_t slen = strlen(a->scratch), m;
	char *rel;

	if (n > slen && memcmp(path, a->scratch, slen) == 0 && path[slen] == '/') {
		path += slen + 1;
		n -= slen + 1;
	}
	rel = scout_strndup(path, n);
	m = verify_module_by_path(a->scan, rel);
	free(rel);
	return m;
}

/* `  File "PATH", line N, in f` (Python) or `PATH:N: in f` (pytest). */
static void read_frame(attrib *a, const char *s, size_t n)
{
	const char *p = s, *end = s + n, *path, *path_end;
	uint32_t line = 0;
	size_t m;

	while (p < end && isspace((unsigned char)*p))
		p++;
	if (end - p > 6 && memcmp(p, "File \"", 6) == 0) {
		path = p + 6;
		if (!(path_end = memchr(path, '"', (size_t)(end - path))) || end - path_end < 8 ||
		    memcmp(path_end, "\", line ", 8) != 0)
			return;
		p = path_end + 8;
	} else {
		path = p;
		path_end = memchr(p, ':', (size_t)(end - p));
		if (!path_end || path_end - path < 4 || memcmp(path_end - 3, ".py", 3) != 0 ||
		    path_end + 1 >= end || !isdigit((unsigned char)path_end[1]))
			return;
		p = path_end + 1;
	}
	while (p < end && isdigit((unsigned char)*p))
		line = line * 10 + (uint32_t)(*p++ - '0');
	if ((m = module_at(a, path, (size_t)(path_end - path))) == SIZE_MAX)
		return;
	a->last_module = m;
	if (compiled(a->v, m)) {
		a->frame_module = m;
		a->frame_line = line;
	}
}

/* A compiled module named in `msg` ("type 'pkg.mod.C' ..."): the longest
 * dotted name of one. */
static size_t named_in(const attrib *a, const char *msg, size_t n)
{
	size_t best = SIZE_MAX, best_len = 0;

	for (size_t i = 0; i < a->v->nverified; i++) {
		const char *name = a->scan->modules[a->v->verified[i]].module;
		size_t len = strlen(name);

		for (const char *p = msg; p + len <= msg + n; p++)
			if (memcmp(p, name, len) == 0 &&
			    (p == msg || !isalnum((unsigned char)p[-1])) &&
			    (p + len == msg + n || p[len] == '.' || p[len] == '\'' ||
			     p[len] == '"') &&
			    len > best_len) {
				best = a->v->verified[i];
				best_len = len;
			}
	}
	return best;
}

/* mypyc's refusal of an interpreted subclass, raised in module `m`: the
 * compiled module whose class one of m's classes subclasses. */
static size_t native_base_of(const attrib *a, size_t m, uint32_t *line)
{
	const scout_module *mod = &a->scan->modules[m];

	for (size_t c = 0; c < mod->nclasses; c++)
		for (uint32_t b = 0; b < mod->classes[c].nbases; b++) {
			scout_class_ref ref;

			if (scout_class_index_resolve(&a->classes, m, mod->classes[c].bases[b],
			                              &ref) &&
			    compiled(a->v, ref.module)) {
				*line = scout_class_index_info(&a->classes, ref)->line;
				return ref.module;
			}
		}
	return SIZE_MAX;
}

/* Whether the interpreted run raised the same exception line. */
static bool raised_interpreted(const scout_verify_test *t, const char *msg, size_t n)
{
	for (size_t i = 0; i < t->nbaseline; i++)
		if (strlen(t->baseline[i]) == n && memcmp(t->baseline[i], msg, n) == 0)
			return true;
	return false;
}

static void add_failure(attrib *a, size_t module, uint32_t line, const char *msg, size_t n)
{
	scout_verify_test *t = &a->v->test;
	scout_verify_test_failure f = {.module = module,
	                               .line = line,
	                               .message = scout_strndup(msg, n),
	                               .interpreted_too = raised_interpreted(t, msg, n)};

	SCOUT_PUSH(t->failures, t->nfailures, t->failures_cap, f);
	for (size_t i = 0; i < a->v->nmodules && !f.interpreted_too; i++)
		if (a->v->modules[i].module == module)
			a->v->modules[i].test_failures++;
}

/* Drops pytest's `E   ` before an exception line. */
static void drop_pytest_prefix(const char **s, size_t *n)
{
	if (*n > 4 && memcmp(*s, "E   ", 4) == 0) {
		*s += 4;
		*n -= 4;
		while (*n && **s == ' ')
			(*s)++, (*n)--;
	}
}

/* Ties the exception line s (n bytes) of the compiled run to a compiled
 * module: the innermost compiled frame, a module the message names, or the
 * native base of an interpreted subclass; else it counts as unattributed. */
static void tie_exception(attrib *a, const char *s, size_t n)
{
	size_t m = a->frame_module;
	uint32_t line = a->frame_line;

	a->v->test.new_failures += !raised_interpreted(&a->v->test, s, n);
	if (m == SIZE_MAX && (m = named_in(a, s, n)) != SIZE_MAX)
		line = 0;
	if (m == SIZE_MAX && a->last_module != SIZE_MAX &&
	    scout_mem_contains(s, n, "interpreted classes cannot inherit from compiled", 48))
		m = native_base_of(a, a->last_module, &line);
	if (m != SIZE_MAX)
		add_failure(a, m, line, s, n);
	else
		a->v->test.unattributed++;
}

/* The exception that ends a traceback (`TypeError: ...`, pytest's `E   ...`):
 * kept as the baseline's, or tied to a compiled module. */
static void read_exception(attrib *a, const char *s, size_t n)
{
	scout_verify_test *t = &a->v->test;

	drop_pytest_prefix(&s, &n);
	if (a->baseline)
		SCOUT_PUSH(t->baseline, t->nbaseline, t->baseline_cap, scout_strndup(s, n));
	else
		tie_exception(a, s, n);
	a->frame_module = a->last_module = SIZE_MAX;
	a->in_traceback = false;
}

/* An exception line: `Name: message` or `Name` with Name a dotted
 * identifier ending in Error, Exception, Failure or Exit, or pytest's `E `. */
static bool exception_line(const char *s, size_t n)
{
	size_t k = 0;

	if (n > 4 && memcmp(s, "E   ", 4) == 0)
		return true;
	while (k < n && (isalnum((unsigned char)s[k]) || s[k] == '_' || s[k] == '.'))
		k++;
	if (k == 0 || (k < n && s[k] != ':'))
		return false;
	return (k >= 5 && memcmp(s + k - 5, "Error", 5) == 0) ||
	       (k >= 9 && memcmp(s + k - 9, "Exception", 9) == 0) ||
	       (k >= 7 && memcmp(s + k - 7, "Failure", 7) == 0);
}

static void attribute(attrib *a, const char *output)
{
	for (const char *p = output; *p;) {
		size_t n = strcspn(p, "\n");

		if (n >= 9 && memcmp(p, "Traceback", 9) == 0) {
			a->in_traceback = true;
			a->frame_module = a->last_module = SIZE_MAX;
		} else if (n && (isspace((unsigned char)p[0]) || memchr(p, ':', n))) {
			if (exception_line(p, n) && (a->in_traceback || p[0] == 'E'))
				read_exception(a, p, n);
			else
				read_frame(a, p, n);
		}
		p += n + (p[n] == '\n');
	}
}

static void keep_tail(scout_verify_test *t, const char *output)
{
	const char *start = output + strlen(output);
	size_t lines = 0;

	while (start > output && lines <= TAIL_LINES)
		lines += *--start == '\n';
	if (*start == '\n')
		start++;
	t->tail = scout_calloc(TAIL_LINES + 1, sizeof(*t->tail));
	for (const char *p = start; *p && t->ntail < TAIL_LINES;) {
		size_t n = strcspn(p, "\n");

		t->tail[t->ntail++] = scout_strndup(p, n);
		p += n + (p[n] == '\n');
	}
}

/* --test on the scratch copy before anything is compiled: what fails
 * interpreted is not blamed on mypyc. */
int verify_baseline(scout_verification *v, const scout_scan *scan, const scout_verify_opts *o)
{
	scout_verify_test *t = &v->test;
	char **argv, *saved;
	size_t argc;
	child_result r;
	child_opts co = {.cwd = o->scratch, .timeout = o->timeout, .cap = (size_t)4 << 20};
	attrib a = {.v = v, .scan = scan, .scratch = o->scratch, .baseline = true};
	int error;

	if (!o->test || scout_compiler_words(&argv, &argc, o->test) < 0)
		return 0; /* the compiled run reports the bad command */
	saved = set_pythonpath(v, scan, o->scratch);
	co.argv = argv;
	co.progress = o->progress ? "running the tests interpreted (the baseline)" : NULL;
	error = child_run(&r, &co);
	scout_compiler_words_free(argv);
	restore_pythonpath(saved);
	if (error < 0)
		return 0;
	t->baseline_ran = true;
	t->baseline_exit = r.exit_status;
	t->baseline_timed_out = r.timed_out;
	t->baseline_seconds = r.seconds;
	a.frame_module = a.last_module = SIZE_MAX;
	attribute(&a, r.output); /* keeps its exception lines */
	child_result_free(&r);
	return 0;
}

static int run_test(scout_verification *v, const scout_scan *scan, const scout_verify_opts *o)
{
	scout_verify_test *t = &v->test;
	char **argv;
	size_t argc;
	child_result r;
	child_opts co = {.cwd = o->scratch, .timeout = o->timeout, .cap = (size_t)4 << 20};
	attrib a = {.v = v, .scan = scan, .scratch = o->scratch};
	int error;

	t->command = scout_strdup(o->test);
	if ((error = scout_compiler_words(&argv, &argc, o->test)) < 0)
		return scout_error_set("--test: no command, or an unclosed quote in '%s'", o->test);
	co.argv = argv;
	co.progress = o->progress ? "running the tests against the compiled build" : NULL;
	error = child_run(&r, &co);
	scout_compiler_words_free(argv);
	if (error < 0)
		return scout_error_set("--test: cannot run '%s': %s", o->test, scout_error_last());
	t->ran = true;
	t->exit_status = r.exit_status;
	t->timed_out = r.timed_out;
	t->seconds = r.seconds;
	scout_class_index_build(&a.classes, scan);
	a.frame_module = a.last_module = SIZE_MAX;
	attribute(&a, r.output);
	scout_class_index_free(&a.classes);
	if (r.exit_status != 0)
		keep_tail(t, r.output);
	child_result_free(&r);
	return 0;
}

/* Per module that failed at run time, the scan's behaviour findings in it:
 * whether the scan warned of what the run met. */
static void count_warned(scout_verification *v, const scout_scan *scan)
{
	for (size_t i = 0; i < v->nmodules; i++) {
		scout_verify_module *vm = &v->modules[i];
		const scout_module *m = &scan->modules[vm->module];

		if (!scout_verify_failed_at_runtime(vm))
			continue;
		v->runtime_failures++;
		for (size_t k = 0; k < m->nfindings; k++)
			vm->warned += scout_verify_warns(&m->findings[k]);
		v->runtime_warned += vm->warned > 0;
	}
}

int verify_runtime(scout_verification *v, const scout_scan *scan, const scout_verify_opts *o)
{
	char **python = NULL, *saved;
	size_t npython = 0;
	int error = 0;

	if (!o->import && !o->test)
		return 0;
	saved = set_pythonpath(v, scan, o->scratch);
	v->python = scout_verify_python(o->compiler);
	if (o->import) {
		if ((error = scout_compiler_words(&python, &npython, v->python)) == 0) {
			v->imported = true;
			for (size_t i = 0; i < v->nmodules && !child_interrupted(); i++)
				if (v->modules[i].compiled)
					import_one(v, &v->modules[i], scan, o, python, npython);
			scout_compiler_words_free(python);
		}
	}
	if (error == 0 && o->test && !child_interrupted())
		error = run_test(v, scan, o);
	restore_pythonpath(saved);
	count_warned(v, scan);
	return error;
}
