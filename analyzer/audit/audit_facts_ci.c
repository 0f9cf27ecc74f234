/* Checklist items "cibuildwheel" (is there a wheel matrix: pyproject
 * [tool.cibuildwheel] or a CI file that runs it) and "fallback-wheel" (a
 * pure-Python wheel for platforms without a compiled one). */
#include "audit_internal.h"

#include <stdlib.h>
#include <string.h>

static const char workflow_snippet[] =
    "# .github/workflows/wheels.yml\n"
    "name: wheels\n"
    "on:\n"
    "  push:\n"
    "    tags: [\"v*\"]\n"
    "  pull_request:\n"
    "  workflow_dispatch:\n"
    "\n"
    "jobs:\n"
    "  wheels:\n"
    "    name: wheels on ${{ matrix.os }}\n"
    "    runs-on: ${{ matrix.os }}\n"
    "    strategy:\n"
    "      fail-fast: false\n"
    "      matrix:\n"
    "        os: [ubuntu-latest, ubuntu-24.04-arm, windows-latest, macos-13, macos-14]\n"
    "    steps:\n"
    "      - uses: actions/checkout@v4\n"
    "      - uses: pypa/cibuildwheel@v2.23\n"
    "        env:\n"
    "          CIBW_SKIP: \"pp* *-musllinux_i686\"  # mypyc targets CPython only\n"
    "      - uses: actions/upload-artifact@v4\n"
    "        with:\n"
    "          name: wheels-${{ matrix.os }}\n"
    "          path: ./wheelhouse/*.whl\n"
    "\n"
    "  sdist:\n"
    "    runs-on: ubuntu-latest\n"
    "    steps:\n"
    "      - uses: actions/checkout@v4\n"
    "      - run: pipx run build --sdist\n"
    "      - uses: actions/upload-artifact@v4\n"
    "        with:\n"
    "          name: sdist\n"
    "          path: dist/*.tar.gz\n";

static const char hatch_fallback_snippet[] =
    "[tool.hatch.build.targets.wheel.hooks.mypyc]\n"
    "enable-by-default = false  # a plain build gives the pure-Python py3-none-any wheel\n"
    "\n"
    "[tool.cibuildwheel.environment]\n"
    "HATCH_BUILD_HOOKS_ENABLE = \"1\"  # cibuildwheel builds the compiled wheels\n";

/* A pure-wheel job beside the cibuildwheel one, with the project's switch. */
static char *setup_fallback_snippet(const facts_switch *sw)
{
	scout_buf b = {0};

	if (!sw->own)
		scout_buf_printf(
		    &b,
		    "# a job next to the cibuildwheel one; setup.py skips mypycify when\n"
		    "# %s is \"%s\":\n"
		    "#   if os.environ.get(\"%s\", \"%s\") == \"%s\":\n"
		    "#       ext_modules = mypycify([...])\n",
		    sw->var, sw->off, sw->var, sw->on, sw->on);
	else
		scout_buf_printf(&b,
		                 "# a job next to the cibuildwheel one; setup.py compiles only "
		                 "when %s is \"%s\"\n",
		                 sw->var, sw->on);
	scout_buf_printf(&b,
	                 "  pure-wheel:\n"
	                 "    runs-on: ubuntu-latest\n"
	                 "    steps:\n"
	                 "      - uses: actions/checkout@v4\n"
	                 "      - run: pipx run build --wheel\n"
	                 "        env:\n"
	                 "          %s: \"%s\"  # gives a py3-none-any wheel\n"
	                 "      - uses: actions/upload-artifact@v4\n"
	                 "        with:\n"
	                 "          name: pure-wheel\n"
	                 "          path: dist/*.whl\n",
	                 sw->var, sw->off);
	return scout_buf_detach(&b);
}

/* Adds every non-comment line of f holding one of `needles`; counts them. */
static size_t grep_file(scout_audit_check *c, const facts_file *f, const char *const *needles,
                        size_t n, bool fold)
{
	size_t pos = 0, hits = 0;
	facts_line l = {0};

	while (scout_audit_facts_next_line(f, &pos, &l)) {
		bool hit = false;

		for (size_t i = 0; i < n && !hit; i++)
			hit = fold ? scout_audit_facts_line_has_ci(&l, needles[i])
			           : scout_audit_facts_line_has(&l, needles[i]);
		if (hit && !scout_audit_facts_line_is_comment(&l)) {
			scout_audit_facts_ref_line(c, f, &l);
			hits++;
		}
	}
	return hits;
}

/* Greps the CI files, noxfile.py and tox.ini; names the files that hit. */
static size_t grep_ci(scout_audit_check *c, const facts_ctx *ctx, const char *const *needles,
                      size_t n, scout_buf *files)
{
	const facts_file *extra[] = {&ctx->noxfile, &ctx->tox_ini};
	size_t total = 0;

	for (size_t i = 0; i < ctx->nci + 2; i++) {
		const facts_file *f = i < ctx->nci ? &ctx->ci[i] : extra[i - ctx->nci];
		size_t hits = grep_file(c, f, needles, n, true);

		if (hits)
			scout_buf_printf(files, "%s%s", total ? ", " : "", f->rel);
		total += hits;
	}
	return total;
}

/* The CI files looked at, comma-separated (owned by caller). */
static char *ci_names(const facts_ctx *ctx)
{
	scout_buf b = {0};

	for (size_t i = 0; i < ctx->nci; i++)
		scout_buf_printf(&b, "%s%s", i ? ", " : "", ctx->ci[i].rel);
	return scout_buf_detach(&b);
}

void scout_audit_facts_cibuildwheel(scout_audit *a, const facts_ctx *ctx)
{
	static const char *const needles[] = {"cibuildwheel"};
	scout_audit_check *c =
	    scout_audit_facts_check(a, "cibuildwheel", "Wheels for every platform");
	scout_buf found = {0}, files = {0};
	uint32_t line;
	bool section = scout_audit_facts_toml_section(ctx, "tool.cibuildwheel", &line);
	size_t hits = grep_ci(c, ctx, needles, 1, &files);

	if (section) {
		scout_audit_facts_ref_at(c, &ctx->pyproject, line);
		scout_buf_printf(&found, "pyproject.toml has [tool.cibuildwheel] (line %u).", line);
	}
	if (hits)
		scout_buf_printf(&found, "%scibuildwheel runs in %s.", section ? " " : "",
		                 files.data);
	if (section || hits) {
		c->status = SCOUT_CHECK_OK;
	} else {
		char *names = ci_names(ctx);

		c->status = SCOUT_CHECK_TODO;
		if (ctx->nci)
			scout_buf_printf(&found,
			                 "No [tool.cibuildwheel] in pyproject.toml, and no CI file "
			                 "runs cibuildwheel (looked at %s).",
			                 names);
		else
			scout_buf_puts(&found, "No [tool.cibuildwheel] in pyproject.toml and no CI "
			                       "configuration (.github/workflows, .gitlab-ci.yml, "
			                       ".circleci, azure-pipelines.yml) was found.");
		free(names);
		c->advice = scout_strdup(
		    "A mypyc wheel is specific to one CPython version and platform, so build them "
		    "with cibuildwheel on Linux, macOS and Windows, plus the sdist. Have it test "
		    "each wheel: [tool.cibuildwheel] test-requires = \"pytest\" and test-command = "
		    "\"pytest {project}/tests\" in pyproject.toml.");
		scout_audit_facts_snippet(c, scout_strdup(workflow_snippet), "yaml",
		                          ".github/workflows/wheels.yml");
	}
	scout_buf_free(&files);
	scout_audit_facts_refs_finish(c);
	c->found = scout_buf_detach(&found);
}

/* hatch-mypyc's enable-by-default = false; its line or 0. */
static uint32_t hatch_off_by_default(const facts_ctx *ctx)
{
	for (size_t i = 0; i < ctx->toml.len; i++) {
		const scout_toml_value *v = &ctx->toml.values[i];

		if ((strcmp(v->key,
		            "tool.hatch.build.targets.wheel.hooks.mypyc.enable-by-default") == 0 ||
		     strcmp(v->key, "tool.hatch.build.hooks.mypyc.enable-by-default") == 0) &&
		    strcmp(v->text, "false") == 0)
			return v->line;
	}
	return 0;
}

/* Whether the advice is hatch-mypyc's: hatchling, flit (to be replaced by
 * hatchling) or no packaging at all. */
static bool hatch_like(const scout_audit *a, const facts_ctx *ctx)
{
	if (!a->build_backend)
		return !ctx->pyproject.data && !ctx->setup_py.data && !ctx->setup_cfg.data;
	return scout_str_startswith(a->build_backend, "hatchling") ||
	       scout_str_startswith(a->build_backend, "flit");
}

/* The compile-set reader's build files that leave a pure build possible:
 * one that compiles only under a condition, or one in a package of its own
 * (the main wheel stays pure Python). */
static bool origins_say(scout_audit_check *c, const facts_ctx *ctx, scout_buf *found)
{
	bool any = false;

	for (size_t i = 0; i < ctx->scan->ncompile_origins; i++) {
		const scout_compile_origin *o = &ctx->scan->compile_origins[i];
		const char *slash = strrchr(o->file, '/');

		if (slash)
			scout_buf_printf(
			    found,
			    "%sThe compiled modules ship in a package of their own (%s), so "
			    "the main wheel stays pure Python.",
			    found->len ? " " : "", o->file);
		else if (o->condition)
			scout_buf_printf(
			    found,
			    "%s%s compiles only when %s, so a build without it gives the "
			    "pure-Python wheel.",
			    found->len ? " " : "", o->file, o->condition);
		else
			continue;
		if (strcmp(o->file, "setup.py") == 0) {
			scout_audit_facts_ref_at(c, &ctx->setup_py, ctx->setup.guard_line);
			scout_audit_facts_ref_at(c, &ctx->setup_py, ctx->env_line);
		}
		any = true;
	}
	return any;
}

void scout_audit_facts_fallback_wheel(scout_audit *a, const facts_ctx *ctx)
{
	static const char *const needles[] = {"py3-none-any", "HATCH_BUILD_HOOKS_ENABLE",
	                                      "HATCH_BUILD_NO_HOOKS"};
	scout_audit_check *c =
	    scout_audit_facts_check(a, "fallback-wheel", "Pure-Python fallback wheel");
	scout_buf found = {0}, files = {0};
	uint32_t off = hatch_off_by_default(ctx);
	bool setup_cond = ctx->setup.mypycify_line && ctx->setup.guard_line && ctx->env_line;
	size_t hits = grep_ci(c, ctx, needles, 3, &files);
	size_t pyhits = grep_file(c, &ctx->pyproject, needles, 3, false);

	if (origins_say(c, ctx, &found))
		setup_cond = false; /* the compile-set reader said it better */
	if (setup_cond) {
		scout_buf_printf(
		    &found,
		    "setup.py calls mypycify under a condition (line %u) and reads the "
		    "environment or command line (line %u), so a pure build is possible.",
		    ctx->setup.guard_line, ctx->env_line);
		scout_audit_facts_ref_at(c, &ctx->setup_py, ctx->setup.guard_line);
		scout_audit_facts_ref_at(c, &ctx->setup_py, ctx->env_line);
	}
	if (off) {
		scout_buf_printf(&found,
		                 "%sThe hatch-mypyc hook is off by default "
		                 "(enable-by-default = false, pyproject.toml line %u).",
		                 found.len ? " " : "", off);
		scout_audit_facts_ref_at(c, &ctx->pyproject, off);
	}
	if (hits || pyhits)
		scout_buf_printf(&found,
		                 "%sConfiguration that switches the compiled build by environment "
		                 "variable or builds a py3-none-any wheel: %s%s%s.",
		                 found.len ? " " : "", pyhits ? "pyproject.toml" : "",
		                 pyhits && hits ? ", " : "", hits ? files.data : "");
	if (found.len) {
		c->status = SCOUT_CHECK_OK;
	} else if (hatch_like(a, ctx)) {
		c->status = SCOUT_CHECK_TODO;
		scout_buf_puts(&found,
		               ctx->hatch_hook
		                   ? "The hatch-mypyc hook is on by default and no CI step "
		                     "turns it off, so every wheel is compiled."
		                   : "Nothing builds a pure-Python wheel beside a compiled one.");
		c->advice = scout_strdup(
		    "Publish a py3-none-any wheel beside the compiled ones so platforms without a "
		    "compiled wheel (other architectures, PyPy, new CPython releases) still "
		    "install "
		    "without a C compiler: make the hook opt-in and enable it in cibuildwheel.");
		scout_audit_facts_snippet(c, scout_strdup(hatch_fallback_snippet), "toml",
		                          "pyproject.toml");
	} else {
		c->status = SCOUT_CHECK_TODO;
		scout_buf_puts(&found,
		               ctx->setup.mypycify_line
		                   ? "setup.py calls mypycify unconditionally, and no CI step "
		                     "builds a py3-none-any wheel."
		                   : "Nothing builds a pure-Python wheel beside a compiled one.");
		c->advice = scout_strdup(
		    "Publish a py3-none-any wheel beside the compiled ones so platforms without a "
		    "compiled wheel (other architectures, PyPy, new CPython releases) still "
		    "install "
		    "without a C compiler: call mypycify only when an environment variable allows "
		    "it, and build the pure wheel with it off.");
		scout_audit_facts_snippet(c, setup_fallback_snippet(&ctx->sw), "yaml",
		                          ".github/workflows/wheels.yml");
	}
	scout_buf_free(&files);
	scout_audit_facts_refs_finish(c);
	c->found = scout_buf_detach(&found);
}
