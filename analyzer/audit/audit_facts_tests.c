/* Checklist items "test-compiled" (does the suite run against the installed
 * wheel, where the compiled modules are, rather than the source tree that
 * shadows them) and "mypyc-tests" (which tests already mark mypyc-specific
 * behaviour: markers, skips, xfails and compiled checks that mention mypyc). */
#include "audit_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_FILES_NAMED 10

/* Adds lines of f holding `needle` (case-insensitive), not comments. */
static size_t grep(scout_audit_check *c, const facts_file *f, const char *needle)
{
	size_t pos = 0, hits = 0;
	facts_line l = {0};

	while (scout_audit_facts_next_line(f, &pos, &l))
		if (scout_audit_facts_line_has_ci(&l, needle) &&
		    !scout_audit_facts_line_is_comment(&l)) {
			scout_audit_facts_ref_line(c, f, &l);
			hits++;
		}
	return hits;
}

static void sentence(scout_buf *b, const char *text)
{
	scout_buf_printf(b, "%s%s", b->len ? " " : "", text);
}

/* The pytest options that import the installed package: importlib mode, or
 * --pyargs. */
static void pytest_options(scout_audit_check *c, const facts_ctx *ctx, scout_buf *found)
{
	const facts_file *files[] = {&ctx->pyproject, &ctx->pytest_ini, &ctx->setup_cfg,
	                             &ctx->tox_ini};

	for (size_t i = 0; i < 4; i++) {
		size_t hits =
		    grep(c, files[i], "import-mode=importlib") + grep(c, files[i], "--pyargs");

		if (hits)
			scout_buf_printf(found,
			                 "%s%s runs pytest with --import-mode=importlib or "
			                 "--pyargs, so tests import the installed package.",
			                 found->len ? " " : "", files[i]->rel);
	}
}

static void src_layout(scout_audit_check *c, const facts_ctx *ctx, scout_buf *found)
{
	for (size_t i = 0; i < ctx->scan->nmodules; i++) {
		const scout_module *m = &ctx->scan->modules[i];
		char *p =
		    scout_module_is_test(m) ? NULL : scout_audit_facts_project_path(ctx, m->path);
		bool src = p && scout_str_startswith(p, "src/");

		free(p);
		if (src) {
			scout_audit_facts_ref(c, "src", 0, "packages under src/", 19);
			sentence(found, "The packages live under src/, so the source tree cannot "
			                "shadow the installed package.");
			return;
		}
	}
}

/* Returns whether cibuildwheel tests the wheels it builds. */
static bool runners(scout_audit_check *c, const facts_ctx *ctx, scout_buf *found)
{
	bool cibw = false;
	uint32_t line;
	size_t pos = 0;
	facts_line l = {0};

	while (scout_audit_facts_next_line(&ctx->tox_ini, &pos, &l))
		if (scout_audit_facts_line_has(&l, "[testenv")) {
			scout_audit_facts_ref_line(c, &ctx->tox_ini, &l);
			sentence(found, "tox.ini has test environments; tox installs the package "
			                "into each (unless usedevelop or skip_install is set).");
			break;
		}
	if (grep(c, &ctx->noxfile, "install(\".\"") + grep(c, &ctx->noxfile, "install('.'"))
		sentence(found, "noxfile.py installs the package into its sessions.");
	if (scout_audit_facts_toml_section(ctx, "tool.cibuildwheel.test-command", &line)) {
		scout_audit_facts_ref_at(c, &ctx->pyproject, line);
		sentence(found,
		         "cibuildwheel tests each built wheel (pyproject.toml test-command).");
		cibw = true;
	}
	for (size_t i = 0; i < ctx->nci; i++)
		if (grep(c, &ctx->ci[i], "CIBW_TEST_COMMAND") +
		    grep(c, &ctx->ci[i], "test-command")) {
			scout_buf_printf(found, "%s%s sets a cibuildwheel test command.",
			                 found->len ? " " : "", ctx->ci[i].rel);
			cibw = true;
		}
	return cibw;
}

/* True when name is dotted ASCII identifiers: safe as is inside the
 * snippets' Python, shell and YAML. */
static bool is_module_path(const char *name)
{
	bool start = true;

	for (const char *p = name; *p; p++) {
		bool alpha = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_';

		if (*p == '.' && !start)
			start = true;
		else if (alpha || (!start && *p >= '0' && *p <= '9'))
			start = false;
		else
			return false;
	}
	return !start;
}

/* The first phase 1 module the snippets can import, or NULL; *skipped tells
 * whether one was passed over because its name is no module path. */
static const char *probe_module(const facts_ctx *ctx, bool *skipped)
{
	*skipped = false;
	for (size_t i = 0; i < ctx->scan->plan.ncompile; i++) {
		const scout_plan_item *it = &ctx->scan->plan.compile[i];
		const char *name;

		if (!it->first_phase || it->module >= ctx->scan->nmodules ||
		    ctx->scan->modules[it->module].is_package)
			continue;
		name = ctx->scan->modules[it->module].module;
		if (name && is_module_path(name))
			return name;
		*skipped = true;
	}
	return NULL;
}

static const char skipped_note[] =
    "# (modules whose names are not Python identifiers are left out)\n";

/* The matrix runs the project's own switch on and off (ctx->sw). */
static char *matrix_snippet(const facts_ctx *ctx)
{
	bool skipped;
	const char *var = ctx->sw.var, *probe = probe_module(ctx, &skipped);
	scout_buf b = {0};

	scout_buf_printf(&b,
	                 "# .github/workflows/test.yml: the suite against the installed package,\n"
	                 "# compiled and interpreted\n"
	                 "jobs:\n"
	                 "  test:\n"
	                 "    runs-on: ubuntu-latest\n"
	                 "    strategy:\n"
	                 "      matrix:\n"
	                 "        compiled: [\"%s\", \"%s\"]\n"
	                 "    steps:\n"
	                 "      - uses: actions/checkout@v4\n"
	                 "      - uses: actions/setup-python@v5\n"
	                 "        with:\n"
	                 "          python-version: \"3.12\"\n"
	                 "      - run: pip install . pytest  # a real install, not -e\n"
	                 "        env:\n"
	                 "          %s: ${{ matrix.compiled }}\n",
	                 ctx->sw.on, ctx->sw.off, var);
	if (probe)
		scout_buf_printf(&b,
		                 "      - run: python -c \"import %s as m; print(m.__file__)\"  "
		                 "# .so when compiled\n",
		                 probe);
	else if (skipped)
		scout_buf_printf(&b, "      %s", skipped_note);
	scout_buf_puts(&b, "      - run: pytest --import-mode=importlib -p no:cacheprovider\n");
	return scout_buf_detach(&b);
}

void scout_audit_facts_test_compiled(scout_audit *a, const facts_ctx *ctx)
{
	scout_audit_check *c =
	    scout_audit_facts_check(a, "test-compiled", "Testing the compiled build");
	scout_buf found = {0};
	int wheel = scout_audit_facts_wheel_tests(c, ctx, &found);

	pytest_options(c, ctx, &found);
	src_layout(c, ctx, &found);
	if (runners(c, ctx, &found) && ctx->scan->ncompile_origins && wheel < 2) {
		sentence(&found,
		         "The project compiles today, so cibuildwheel installs each compiled "
		         "wheel and runs that command against it.");
		wheel = 2;
	}
	c->status = wheel == 2 ? SCOUT_CHECK_OK : found.len ? SCOUT_CHECK_INFO : SCOUT_CHECK_WARN;
	if (!found.len)
		scout_buf_puts(&found,
		               "Nothing shows the tests running against an installed "
		               "package: no CI job that installs a built wheel and runs the "
		               "tests, no src/ layout, no --import-mode=importlib or "
		               "--pyargs in the pytest configuration, no tox or nox "
		               "install, no cibuildwheel test command.");
	if (wheel == 2) { /* the compiled build is tested: nothing to add */
		scout_audit_facts_refs_finish(c);
		c->found = scout_buf_detach(&found);
		return;
	}
	c->advice = scout_strdup(
	    "Run the suite against the installed compiled wheel, not the source tree: with the "
	    "package's .py files next to the tests, Python imports them instead of the compiled "
	    "modules and the run proves nothing. Use a src/ layout or pytest "
	    "--import-mode=importlib, install with pip install . (not -e), and run CI both "
	    "compiled and interpreted.");
	scout_audit_facts_snippet(c, matrix_snippet(ctx), "yaml", ".github/workflows/test.yml");
	scout_audit_facts_refs_finish(c);
	c->found = scout_buf_detach(&found);
}

static char *conftest_snippet(const facts_ctx *ctx)
{
	bool skipped;
	const char *probe = probe_module(ctx, &skipped);

	return scout_asprintf(
	    "# conftest.py\n%s"
	    "import pytest\n\n"
	    "import %s as _probe\n\n"
	    "COMPILED = not _probe.__file__.endswith(\".py\")\n\n\n"
	    "def pytest_configure(config):\n"
	    "    config.addinivalue_line(\n"
	    "        \"markers\", \"mypyc_incompatible: differs when compiled with mypyc\"\n"
	    "    )\n\n\n"
	    "def pytest_collection_modifyitems(config, items):\n"
	    "    if not COMPILED:\n"
	    "        return\n"
	    "    skip = pytest.mark.skip(reason=\"differs when compiled with mypyc\")\n"
	    "    for item in items:\n"
	    "        if \"mypyc_incompatible\" in item.keywords:\n"
	    "            item.add_marker(skip)\n\n"
	    "# in a test module:\n"
	    "# @pytest.mark.skipif(COMPILED, reason=\"mypyc: patches a module function\")\n",
	    skipped && !probe ? skipped_note : "", probe ? probe : "your_package.hot_module");
}

/* --- mypyc-tests ---------------------------------------------------------- */

/* `word` in the line, case-insensitive, not inside a longer name: no letter
 * or digit before it ("benchmark"), no '_' after it ("skip_cgen"). An '_'
 * before it is fine ("IS_COMPILED"). */
static bool has_word(const facts_line *l, const char *word)
{
	size_t n = strlen(word);

	for (size_t i = 0; n <= l->len && i <= l->len - n; i++)
		if (strncasecmp(l->text + i, word, n) == 0 &&
		    (i == 0 || !isalnum((unsigned char)l->text[i - 1])) &&
		    (i + n == l->len || l->text[i + n] != '_'))
			return true;
	return false;
}

/* A line that mentions mypyc together with a pytest mark, a skip or xfail,
 * unittest's skipIf / skipUnless, or a compiled check. */
static bool marks_mypyc(const facts_line *l)
{
	static const char *const words[] = {"mark", "skip", "xfail", "compiled"};

	if (!scout_audit_facts_line_has_ci(l, "mypyc"))
		return false;
	for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++)
		if (has_word(l, words[i]))
			return true;
	return false;
}

static size_t scan_test_file(scout_audit_check *c, const facts_file *f)
{
	size_t pos = 0, hits = 0;
	facts_line l = {0};

	while (scout_audit_facts_next_line(f, &pos, &l))
		if (marks_mypyc(&l)) {
			scout_audit_facts_ref_line(c, f, &l);
			hits++;
		}
	return hits;
}

/* Lines mentioning mypyc inside [pytest] / [tool:pytest] of an ini file. */
static size_t scan_ini(scout_audit_check *c, const facts_file *f)
{
	size_t pos = 0, hits = 0;
	facts_line l = {0};
	bool in_pytest = false;

	while (scout_audit_facts_next_line(f, &pos, &l)) {
		if (l.len && l.text[0] == '[')
			in_pytest = scout_audit_facts_line_has(&l, "[pytest]") ||
			            scout_audit_facts_line_has(&l, "[tool:pytest]");
		else if (in_pytest && scout_audit_facts_line_has_ci(&l, "mypyc") &&
		         !scout_audit_facts_line_is_comment(&l)) {
			scout_audit_facts_ref_line(c, f, &l);
			hits++;
		}
	}
	return hits;
}

static size_t scan_config(scout_audit_check *c, const facts_ctx *ctx, scout_buf *files,
                          size_t *nfiles)
{
	const facts_file *ini[] = {&ctx->pytest_ini, &ctx->setup_cfg, &ctx->tox_ini};
	size_t total = 0, hits = 0;

	for (size_t i = 0; i < ctx->toml.len; i++) {
		const scout_toml_value *v = &ctx->toml.values[i];

		if (strcmp(v->key, "tool.pytest.ini_options.markers") == 0 &&
		    strstr(v->text, "mypyc")) {
			scout_audit_facts_ref_at(c, &ctx->pyproject, v->line);
			hits++;
		}
	}
	if (hits) {
		scout_buf_printf(files, "%s", ctx->pyproject.rel);
		++*nfiles;
	}
	total += hits;
	for (size_t i = 0; i < 3; i++)
		if ((hits = scan_ini(c, ini[i]))) {
			scout_buf_printf(files, "%s%s", files->len ? ", " : "", ini[i]->rel);
			++*nfiles;
			total += hits;
		}
	return total;
}

void scout_audit_facts_mypyc_tests(scout_audit *a, const facts_ctx *ctx)
{
	scout_audit_check *c =
	    scout_audit_facts_check(a, "mypyc-tests", "Tests that mark mypyc behaviour");
	scout_buf found = {0}, files = {0};
	size_t nfiles = 0, ntests = 0, dropped;
	size_t total = scan_config(c, ctx, &files, &nfiles);

	for (size_t i = 0; i < ctx->scan->nmodules; i++) {
		const scout_module *m = &ctx->scan->modules[i];
		char *rel =
		    scout_module_is_test(m) ? scout_audit_facts_project_path(ctx, m->path) : NULL;
		facts_file f;
		size_t hits;

		if (!rel)
			continue;
		ntests++;
		scout_audit_facts_read(&f, ctx->dir, rel);
		free(rel);
		if ((hits = scan_test_file(c, &f)) && nfiles++ < MAX_FILES_NAMED)
			scout_buf_printf(&files, "%s%s", files.len ? ", " : "", f.rel);
		total += hits;
		scout_audit_facts_file_free(&f);
	}
	dropped = scout_audit_facts_refs_finish(c);
	if (total) {
		c->status = SCOUT_CHECK_INFO;
		scout_buf_printf(
		    &found, "%zu line%s in %zu file%s mark mypyc-specific behaviour: %s", total,
		    total == 1 ? "" : "s", nfiles, nfiles == 1 ? "" : "s", files.data);
		if (nfiles > MAX_FILES_NAMED)
			scout_buf_printf(&found, " and %zu more files", nfiles - MAX_FILES_NAMED);
		scout_buf_puts(&found, ".");
		if (dropped)
			scout_buf_printf(&found,
			                 " The first %d are listed; %zu more are not shown.",
			                 FACTS_MAX_REFS, dropped);
	} else {
		c->status = SCOUT_CHECK_WARN;
		scout_buf_printf(&found,
		                 "None yet: no pytest marker, skip, xfail or compiled check "
		                 "mentions mypyc in the %zu test module%s or the pytest "
		                 "configuration.",
		                 ntests, ntests == 1 ? "" : "s");
		c->advice = scout_strdup(
		    "Mark the tests whose behaviour differs when compiled (monkey-patching module "
		    "functions, introspection, subclassing native classes) so a compiled run skips "
		    "or expects them, and register the marker so it is documented.");
		scout_audit_facts_snippet(c, conftest_snippet(ctx), "python", "conftest.py");
	}
	scout_buf_free(&files);
	c->found = scout_buf_detach(&found);
}
