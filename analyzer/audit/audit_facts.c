/* The audit's packaging checklist (issue 6, section 5): reads pyproject.toml,
 * setup.py, setup.cfg, pytest/tox/nox configuration, CI workflow files and
 * the scan's test modules from the project directory, never running any of
 * them, and fills six checklist items in a fixed order. The checks live in
 * audit_facts_build.c, audit_facts_ci.c, audit_facts_python.c and
 * audit_facts_tests.c. */
#include "audit_internal.h"

#include <stdlib.h>
#include <string.h>

#include "scout/fs.h"

const char *scout_check_status_name(scout_check_status s)
{
	switch (s) {
	case SCOUT_CHECK_OK:
		return "ok";
	case SCOUT_CHECK_TODO:
		return "todo";
	case SCOUT_CHECK_WARN:
		return "warn";
	case SCOUT_CHECK_INFO:
		return "info";
	}
	return "info";
}

/* True when dir/rel is a real directory (a symlink is not followed); under
 * --rev, a directory of the commit (scout/fs.h). */
static bool real_dir(const char *dir, const char *rel)
{
	char *path = scout_asprintf("%s/%s", dir, rel);
	bool ok = scout_fs_kind_of(path, false) == SCOUT_FS_KIND_DIR;

	free(path);
	return ok;
}

static void add_ci(facts_ctx *ctx, const char *rel)
{
	facts_file f;

	scout_audit_facts_read(&f, ctx->dir, rel);
	if (f.data)
		SCOUT_PUSH(ctx->ci, ctx->nci, ctx->ci_cap, f);
	else
		scout_audit_facts_file_free(&f);
}

/* The .yml and .yaml files in .github/workflows, by name (scout_fs_list
 * sorts them). */
static void read_workflows(facts_ctx *ctx)
{
	char *path, **names = NULL;
	size_t n = 0;

	if (!real_dir(ctx->dir, ".github") || !real_dir(ctx->dir, ".github/workflows"))
		return;
	path = scout_asprintf("%s/.github/workflows", ctx->dir);
	scout_fs_list(path, &names, &n);
	free(path);
	for (size_t i = 0; i < n; i++)
		if (scout_str_endswith(names[i], ".yml") || scout_str_endswith(names[i], ".yaml")) {
			char *rel = scout_asprintf(".github/workflows/%s", names[i]);

			add_ci(ctx, rel);
			free(rel);
		}
	scout_audit_facts_strs_free(names, n);
}

static void read_ci(facts_ctx *ctx)
{
	static const char *const top[] = {".gitlab-ci.yml", ".travis.yml", "appveyor.yml",
	                                  "azure-pipelines.yml"};

	read_workflows(ctx);
	if (real_dir(ctx->dir, ".circleci"))
		add_ci(ctx, ".circleci/config.yml");
	for (size_t i = 0; i < sizeof(top) / sizeof(*top); i++)
		add_ci(ctx, top[i]);
}

static void ctx_load(facts_ctx *ctx, const scout_scan *scan, const char *dir)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->scan = scan;
	ctx->dir = dir;
	scout_audit_facts_read(&ctx->pyproject, dir, "pyproject.toml");
	scout_audit_facts_read(&ctx->setup_py, dir, "setup.py");
	scout_audit_facts_read(&ctx->setup_cfg, dir, "setup.cfg");
	scout_audit_facts_read(&ctx->tox_ini, dir, "tox.ini");
	scout_audit_facts_read(&ctx->pytest_ini, dir, "pytest.ini");
	scout_audit_facts_read(&ctx->noxfile, dir, "noxfile.py");
	scout_audit_facts_read(&ctx->makefile, dir, "Makefile");
	if (ctx->pyproject.data &&
	    scout_toml_parse(&ctx->toml, ctx->pyproject.data, ctx->pyproject.len) < 0)
		memset(&ctx->toml, 0, sizeof(ctx->toml));
	read_ci(ctx);
	scout_audit_facts_read_setup_py(ctx);
}

static void ctx_free(facts_ctx *ctx)
{
	scout_audit_facts_file_free(&ctx->pyproject);
	scout_audit_facts_file_free(&ctx->setup_py);
	scout_audit_facts_file_free(&ctx->setup_cfg);
	scout_audit_facts_file_free(&ctx->tox_ini);
	scout_audit_facts_file_free(&ctx->pytest_ini);
	scout_audit_facts_file_free(&ctx->noxfile);
	scout_audit_facts_file_free(&ctx->makefile);
	scout_toml_free(&ctx->toml);
	for (size_t i = 0; i < ctx->nci; i++)
		scout_audit_facts_file_free(&ctx->ci[i]);
	free(ctx->ci);
	scout_setup_py_free(&ctx->setup);
	scout_audit_facts_switch_free(&ctx->sw);
}

/* A table header line ("[tool.x]", "[[tool.x.y]]") naming prefix or below. */
static bool header_names(const facts_line *l, const char *prefix)
{
	size_t i = 0, n = strlen(prefix);

	while (i < l->len && (l->text[i] == ' ' || l->text[i] == '\t'))
		i++;
	if (i == l->len || l->text[i] != '[')
		return false;
	while (i < l->len && (l->text[i] == '[' || l->text[i] == ' '))
		i++;
	return l->len - i >= n && memcmp(l->text + i, prefix, n) == 0 && i + n < l->len &&
	       (l->text[i + n] == ']' || l->text[i + n] == '.' || l->text[i + n] == ' ');
}

bool scout_audit_facts_toml_section(const facts_ctx *ctx, const char *prefix, uint32_t *line)
{
	size_t n = strlen(prefix), pos = 0;
	facts_line l = {0};

	*line = 0;
	for (size_t i = 0; i < ctx->toml.len; i++) {
		const char *k = ctx->toml.values[i].key;

		if (strncmp(k, prefix, n) == 0 && (k[n] == '.' || k[n] == '[' || k[n] == '\0') &&
		    (!*line || ctx->toml.values[i].line < *line))
			*line = ctx->toml.values[i].line;
	}
	while (scout_audit_facts_next_line(&ctx->pyproject, &pos, &l))
		if (header_names(&l, prefix) && (!*line || l.no < *line)) {
			*line = l.no;
			break;
		}
	return *line != 0;
}

void scout_audit_packaging(scout_audit *a, const scout_scan *scan, const char *project_dir)
{
	facts_ctx ctx;

	ctx_load(&ctx, scan, project_dir ? project_dir : ".");
	scout_audit_facts_switch(&ctx.sw, scan, a->project_name);
	if (ctx.sw.own && a->snippet_setuptools) {
		a->snippet_switch = scout_strdup(ctx.sw.var);
		a->snippet_switch_on = scout_strdup(ctx.sw.on);
	}
	scout_audit_facts_build_backend(a, &ctx);
	scout_audit_facts_cibuildwheel(a, &ctx);
	scout_audit_facts_fallback_wheel(a, &ctx);
	scout_audit_facts_requires_python(a, &ctx);
	scout_audit_facts_test_compiled(a, &ctx);
	scout_audit_facts_mypyc_tests(a, &ctx);
	for (size_t i = 0; i < a->nchecks; i++)
		if (a->checks[i].nrefs > 1)
			scout_audit_facts_refs_finish(&a->checks[i]);
	ctx_free(&ctx);
}

void scout_audit_setup_snippet_head(scout_buf *b, const scout_audit *a)
{
	if (!a->snippet_switch) {
		scout_buf_puts(b,
		               "from mypyc.build import mypycify\nfrom setuptools import setup\n\n"
		               "setup(\n    ext_modules=mypycify([\n");
		return;
	}
	scout_buf_printf(b,
	                 "import os\n\nfrom setuptools import setup\n\n"
	                 "# the project's own switch, as its setup.py has it\n"
	                 "if os.environ.get(\"%s\") == \"%s\":\n"
	                 "    from mypyc.build import mypycify\n\n"
	                 "    ext_modules = mypycify([\n",
	                 a->snippet_switch, a->snippet_switch_on);
}

void scout_audit_setup_snippet_tail(scout_buf *b, const scout_audit *a)
{
	scout_buf_puts(b, a->snippet_switch ? "    ])\nelse:\n    ext_modules = []\n\n"
	                                      "setup(ext_modules=ext_modules)\n"
	                                    : "    ]),\n)\n");
}
