/* Part of checklist item "test-compiled": a CI job that builds a wheel,
 * installs it and runs the tests against it, read from the CI files,
 * tox.ini and noxfile.py as text (never run). lagom's workflow, for one:
 * builds with LAGOM_COMPILE=1, removes the source tree, installs the wheel
 * and runs pytest. Jobs are told apart by indentation (a GitHub workflow's
 * keys under jobs:, a GitLab job at the top level, a tox section, a nox
 * session). */
#include "audit_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* A line of a file (no 0: not seen). */
typedef struct at {
	const facts_file *f;
	uint32_t no;
} at;

/* What one job does, by line; a CI step's `make T` and `nox -s NAME` are
 * followed into the Makefile and noxfile.py (audit_facts_follow.c). */
typedef struct job {
	const facts_file *f;
	char *name;     /* owned */
	scout_buf via;  /* the make targets and nox sessions followed */
	char *test_via; /* owned; the one whose lines ran the tests, or NULL */
	at build, compiled, maybe, remove, install, test;
	bool inplace;   /* built in place (build_ext --inplace), not installed */
	bool pending;   /* an install( call whose first argument is on the next line */
	bool elsewhere; /* clones another project (downstream tests) */
	const facts_switch *sw;
	const facts_ctx *ctx;
} job;

static const char *const build_words[] = {"-m build",    "pip wheel", "build --wheel",
                                          "bdist_wheel", "uv build",  "pipx run build"};
static const char *const test_words[] = {"pytest", "unittest", "make test"};

/* A real install of the project (not -e): pip install ., nox's install("."). */
static bool installs_project(const facts_line *l)
{
	static const char *const words[] = {"install(\".\"", "install('.'", "pip install . ",
	                                    "pip install .[", "pip install .\""};

	for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++)
		if (scout_audit_facts_line_has(l, words[i]))
			return true;
	return l->len >= 13 && memcmp(l->text + l->len - 13, "pip install .", 13) == 0;
}

static bool any_word(const facts_line *l, const char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (scout_audit_facts_line_has(l, words[i]))
			return true;
	return false;
}

static size_t indent_of(const facts_line *l)
{
	size_t i = 0;

	while (i < l->len && (l->text[i] == ' ' || l->text[i] == '\t'))
		i++;
	return i;
}

/* `var` in the line as a whole name, followed (after ':', '=', quotes or
 * spaces) by the value `on`. */
static bool sets_switch(const facts_line *l, const facts_switch *sw)
{
	size_t n = strlen(sw->var), on = strlen(sw->on);

	for (size_t i = 0; n && on && i + n <= l->len; i++) {
		size_t j = i + n;

		if (memcmp(l->text + i, sw->var, n) != 0 ||
		    (i > 0 && (isalnum((unsigned char)l->text[i - 1]) || l->text[i - 1] == '_')))
			continue;
		while (j < l->len && strchr(":= \"'", l->text[j]))
			j++;
		if (j + on <= l->len && memcmp(l->text + j, sw->on, on) == 0)
			return true;
	}
	return false;
}

/* A key that opens a job: "  name:" under jobs: in a workflow, "name:" at
 * the top of a GitLab file, "[testenv...]" in tox.ini, "def " in a noxfile. */
static char *job_start(const facts_line *l, bool workflow, bool *in_jobs)
{
	size_t ind = indent_of(l), end = l->len;

	while (end > ind && (l->text[end - 1] == ' ' || l->text[end - 1] == '\r'))
		end--;
	if (end == ind)
		return NULL;
	if (l->text[ind] == '[')
		return scout_strndup(l->text + ind, end - ind);
	if (ind == 0 && l->len > 4 && memcmp(l->text, "def ", 4) == 0) {
		size_t n = 4;

		while (n < end && l->text[n] != '(')
			n++;
		return scout_strndup(l->text + 4, n - 4);
	}
	if (l->text[end - 1] != ':')
		return NULL;
	if (workflow) {
		if (ind == 0)
			*in_jobs = end == 5 && memcmp(l->text, "jobs:", 5) == 0;
		return *in_jobs && ind == 2 ? scout_strndup(l->text + 2, end - 3) : NULL;
	}
	return ind == 0 ? scout_strndup(l->text, end - 1) : NULL;
}

static bool has(const facts_line *l, const char *w)
{
	return scout_audit_facts_line_has(l, w);
}

static void mark(at *a, const facts_file *f, const facts_line *l)
{
	if (!a->no)
		*a = (at){f, l->no};
}

/* The first argument on its own line: `    ".",` after `install(`. */
static bool dot_argument(const facts_line *l)
{
	size_t i = indent_of(l);

	return i + 2 < l->len && (l->text[i] == '"' || l->text[i] == '\'') &&
	       l->text[i + 1] == '.' && l->text[i + 2] == l->text[i];
}

static void step(job *j, const facts_file *f, const facts_line *l)
{
	if (any_word(l, build_words, sizeof(build_words) / sizeof(*build_words)))
		mark(&j->build, f, l);
	if (j->sw->var && sets_switch(l, j->sw))
		mark(has(l, " if ") ? &j->maybe : &j->compiled, f, l);
	if (j->build.no && (has(l, "rm -r") || has(l, "rmtree")))
		mark(&j->remove, f, l);
	if (has(l, "git clone"))
		j->elsewhere = true;
	if (!j->install.no && has(l, "build_ext") && has(l, "--inplace")) {
		mark(&j->install, f, l);
		j->inplace = true;
	}
	if ((has(l, "install") &&
	     (has(l, ".whl") || has(l, "dist/") || has(l, "./dist") || has(l, "wheelhouse"))) ||
	    installs_project(l) || (j->pending && dot_argument(l)))
		mark(&j->install, f, l);
	j->pending = l->len > 8 && memcmp(l->text + l->len - 8, "install(", 8) == 0;
	if (j->install.no && any_word(l, test_words, sizeof(test_words) / sizeof(*test_words)))
		mark(&j->test, f, l);
}

static void visit(void *arg, const facts_file *f, const facts_line *l)
{
	step(arg, f, l);
}

/* A switch set only under a condition ("1" if use_mypyc else "0") counts
 * when the job or the session it runs is named for mypyc. */
static void settle(job *j)
{
	bool named =
	    (j->name && (strstr(j->name, "mypyc") || strstr(j->name, "compiled"))) ||
	    (j->via.data && (strstr(j->via.data, "mypyc") || strstr(j->via.data, "compiled")));

	if (!j->compiled.no && j->maybe.no && named)
		j->compiled = j->maybe;
	if (j->inplace && !j->compiled.no && !j->sw->own)
		j->compiled = j->install; /* the build compiles whenever it runs */
}

/* A wheel installed and the tests run after it; a compiled build counts
 * more than one that may be pure. */
static int job_score(const job *j)
{
	if (!j->install.no || !j->test.no || j->elsewhere)
		return 0;
	return 1 + (j->build.no != 0) + 2 * (j->compiled.no != 0) + (j->remove.no != 0);
}

static void job_free(job *j)
{
	free(j->name);
	free(j->test_via);
	scout_buf_free(&j->via);
}

static void keep_best(job *best, job *j)
{
	settle(j);
	if (job_score(j) > job_score(best)) {
		job_free(best);
		*best = *j;
	} else {
		job_free(j);
	}
	memset(j, 0, sizeof(*j));
}

/* Follows one CI line; names what it ran when the tests ran there. */
static void follow_line(job *j, const facts_line *l)
{
	size_t from = j->via.len;
	bool tested = j->test.no != 0;

	scout_audit_facts_follow(j->ctx, l, visit, j, &j->via);
	if (!tested && j->test.no && j->via.len > from && !j->test_via)
		j->test_via = scout_strdup(j->via.data + from + (from ? 2 : 0));
}

static void read_jobs(job *best, const facts_file *f, const facts_ctx *ctx, bool ci)
{
	bool workflow = scout_str_startswith(f->rel, ".github/workflows/"), in_jobs = false;
	size_t pos = 0;
	facts_line l = {0};
	job j = {.f = f, .sw = &ctx->sw, .ctx = ctx};

	while (scout_audit_facts_next_line(f, &pos, &l)) {
		char *name;

		if (scout_audit_facts_line_is_comment(&l))
			continue;
		if ((name = job_start(&l, workflow, &in_jobs))) {
			keep_best(best, &j);
			j = (job){.f = f, .name = name, .sw = &ctx->sw, .ctx = ctx};
			continue;
		}
		step(&j, f, &l);
		if (ci)
			follow_line(&j, &l);
	}
	keep_best(best, &j);
}

static void ref(scout_audit_check *c, at a)
{
	if (a.no)
		scout_audit_facts_ref_at(c, a.f, a.no);
}

static void say(scout_audit_check *c, const job *j, const facts_switch *sw, scout_buf *found)
{
	scout_buf_printf(found, "%s%s", found->len ? " " : "", j->f->rel);
	if (j->name)
		scout_buf_printf(found, " (%s)", j->name);
	if (j->test_via)
		scout_buf_printf(found, " runs %s, which", j->test_via);
	if (j->inplace)
		scout_buf_puts(found,
		               " builds the extension modules in place (build_ext --inplace)");
	else
		scout_buf_puts(found, j->build.no ? " builds a wheel" : " installs the package");
	if (j->compiled.no && (j->build.no || j->inplace) && sw->own)
		scout_buf_printf(found, " with %s=%s", sw->var, sw->on);
	if (j->remove.no)
		scout_buf_puts(found, ", removes the source tree");
	if (j->build.no && !j->inplace)
		scout_buf_puts(found, ", installs the wheel");
	else if (j->compiled.no && !j->inplace)
		scout_buf_printf(found, " with %s=%s", sw->var, sw->on);
	scout_buf_puts(found, " and runs the tests against it");
	scout_buf_puts(found, j->compiled.no ? ": the compiled modules are what is tested."
	                      : j->inplace   ? "."
	                                     : ", so they import the installed package.");
	ref(c, j->build);
	ref(c, j->compiled);
	ref(c, j->remove);
	ref(c, j->install);
	ref(c, j->test);
}

int scout_audit_facts_wheel_tests(scout_audit_check *c, const facts_ctx *ctx, scout_buf *found)
{
	const facts_file *extra[] = {&ctx->tox_ini, &ctx->noxfile};
	job best = {0};
	int score;

	for (size_t i = 0; i < ctx->nci; i++)
		read_jobs(&best, &ctx->ci[i], ctx, true);
	for (size_t i = 0; i < 2; i++)
		if (extra[i]->data)
			read_jobs(&best, extra[i], ctx, false);
	score = job_score(&best);
	if (score)
		say(c, &best, &ctx->sw, found);
	job_free(&best);
	return !score ? 0 : best.compiled.no ? 2 : 1;
}
