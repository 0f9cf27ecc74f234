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

/* What one job does, by line (0: not seen). */
typedef struct job {
	const facts_file *f;
	char *name; /* owned */
	uint32_t build, compiled, remove, install, test;
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

static void step(job *j, const facts_line *l, const facts_switch *sw)
{
	if (!j->build && any_word(l, build_words, sizeof(build_words) / sizeof(*build_words)))
		j->build = l->no;
	if (!j->compiled && sw->var && sets_switch(l, sw))
		j->compiled = l->no;
	if (!j->remove && j->build &&
	    (scout_audit_facts_line_has(l, "rm -r") || scout_audit_facts_line_has(l, "rmtree")))
		j->remove = l->no;
	if (!j->install &&
	    ((scout_audit_facts_line_has(l, "install") &&
	      (scout_audit_facts_line_has(l, ".whl") || scout_audit_facts_line_has(l, "dist/") ||
	       scout_audit_facts_line_has(l, "./dist") ||
	       scout_audit_facts_line_has(l, "wheelhouse"))) ||
	     installs_project(l)))
		j->install = l->no;
	if (!j->test && j->install &&
	    any_word(l, test_words, sizeof(test_words) / sizeof(*test_words)))
		j->test = l->no;
}

/* A wheel installed and the tests run after it; a compiled build counts
 * more than one that may be pure. */
static int job_score(const job *j)
{
	if (!j->install || !j->test)
		return 0;
	return 1 + (j->build != 0) + 2 * (j->compiled != 0) + (j->remove != 0);
}

static void keep_best(job *best, job *j)
{
	if (job_score(j) > job_score(best)) {
		free(best->name);
		*best = *j;
	} else {
		free(j->name);
	}
	memset(j, 0, sizeof(*j));
}

static void read_jobs(job *best, const facts_file *f, const facts_switch *sw)
{
	bool workflow = scout_str_startswith(f->rel, ".github/workflows/"), in_jobs = false;
	size_t pos = 0;
	facts_line l = {0};
	job j = {.f = f};

	while (scout_audit_facts_next_line(f, &pos, &l)) {
		char *name;

		if (scout_audit_facts_line_is_comment(&l))
			continue;
		if ((name = job_start(&l, workflow, &in_jobs))) {
			keep_best(best, &j);
			j.f = f;
			j.name = name;
			continue;
		}
		step(&j, &l, sw);
	}
	keep_best(best, &j);
}

static void say(scout_audit_check *c, const job *j, const facts_switch *sw, scout_buf *found)
{
	scout_buf_printf(found, "%s%s", found->len ? " " : "", j->f->rel);
	if (j->name)
		scout_buf_printf(found, " (%s)", j->name);
	scout_buf_puts(found, j->build ? " builds a wheel" : " installs the package");
	if (j->compiled && j->build)
		scout_buf_printf(found, " with %s=%s", sw->var, sw->on);
	if (j->remove)
		scout_buf_puts(found, ", removes the source tree");
	if (j->build)
		scout_buf_puts(found, ", installs the wheel");
	else if (j->compiled)
		scout_buf_printf(found, " with %s=%s", sw->var, sw->on);
	scout_buf_puts(found, " and runs the tests against it");
	scout_buf_puts(found, j->compiled ? ": the compiled modules are what is tested."
	                                  : ", so they import the installed package.");
	scout_audit_facts_ref_at(c, j->f, j->build);
	scout_audit_facts_ref_at(c, j->f, j->compiled);
	scout_audit_facts_ref_at(c, j->f, j->remove);
	scout_audit_facts_ref_at(c, j->f, j->install);
	scout_audit_facts_ref_at(c, j->f, j->test);
}

int scout_audit_facts_wheel_tests(scout_audit_check *c, const facts_ctx *ctx, scout_buf *found)
{
	const facts_file *extra[] = {&ctx->tox_ini, &ctx->noxfile};
	job best = {0};
	int score;

	for (size_t i = 0; i < ctx->nci; i++)
		read_jobs(&best, &ctx->ci[i], &ctx->sw);
	for (size_t i = 0; i < 2; i++)
		if (extra[i]->data)
			read_jobs(&best, extra[i], &ctx->sw);
	score = job_score(&best);
	if (score)
		say(c, &best, &ctx->sw, found);
	free(best.name);
	return !score ? 0 : best.compiled ? 2 : 1;
}
