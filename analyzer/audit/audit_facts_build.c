/* Checklist item "build-backend": which backend builds the wheel, read from
 * pyproject.toml [build-system] and setup.py (never run), and whether it
 * compiles with mypyc today. */
#include "audit_internal.h"

#include <stdlib.h>
#include <string.h>

#include "scout/scope.h"

typedef enum backend {
	BACKEND_NONE = 0,
	BACKEND_SETUPTOOLS,
	BACKEND_HATCHLING,
	BACKEND_FLIT,
	BACKEND_POETRY,
	BACKEND_OTHER, /* known, but not a mypyc route */
	BACKEND_UNKNOWN,
} backend;

static const struct other_backend {
	const char *prefix, *name, *why;
} others[] = {
    {"pdm", "pdm-backend",
     "pdm-backend builds pure-Python wheels; compiling needs a pdm_build.py hook that calls "
     "mypycify through setuptools, which is possible but unusual. hatchling with hatch-mypyc "
     "or setuptools with mypycify are the well-trodden routes."},
    {"maturin", "maturin",
     "maturin builds Rust extensions (PyO3); it has no mypyc support. Compile the Python "
     "modules with a separate setuptools or hatchling package, or switch backends."},
    {"scikit_build_core", "scikit-build-core",
     "scikit-build-core builds CMake projects; mypyc emits C that setuptools normally "
     "compiles, so this needs a custom CMake step. Prefer setuptools with mypycify."},
    {"mesonpy", "meson-python",
     "meson-python builds Meson projects; mypyc has no Meson integration, so the generated C "
     "would need hand-written build rules. Prefer setuptools with mypycify."},
};

static backend classify(const char *bb, const struct other_backend **other)
{
	*other = NULL;
	if (scout_str_startswith(bb, "setuptools"))
		return BACKEND_SETUPTOOLS;
	if (scout_str_startswith(bb, "hatchling"))
		return BACKEND_HATCHLING;
	if (scout_str_startswith(bb, "flit"))
		return BACKEND_FLIT;
	if (scout_str_startswith(bb, "poetry"))
		return BACKEND_POETRY;
	for (size_t i = 0; i < sizeof(others) / sizeof(*others); i++)
		if (scout_str_startswith(bb, others[i].prefix)) {
			*other = &others[i];
			return BACKEND_OTHER;
		}
	return BACKEND_UNKNOWN;
}

/* --- setup.py ------------------------------------------------------------ */

void scout_audit_facts_read_setup_py(facts_ctx *ctx)
{
	size_t pos = 0;
	facts_line l = {0};

	if (!ctx->setup_py.data)
		return;
	scout_setup_py_parse(&ctx->setup, ctx->setup_py.data, ctx->setup_py.len);
	while (!ctx->env_line && scout_audit_facts_next_line(&ctx->setup_py, &pos, &l))
		if (!scout_audit_facts_line_is_comment(&l) &&
		    (scout_audit_facts_line_has(&l, "environ") ||
		     scout_audit_facts_line_has(&l, "getenv") ||
		     scout_audit_facts_line_has(&l, "sys.argv")))
			ctx->env_line = l.no;
}

/* --- snippets ------------------------------------------------------------- */

/* A paste-ready file that lists the phase 1 paths: head, one line a path at
 * `indent`, tail. */
typedef struct paths_snippet {
	const char *lang, *file, *head, *indent, *tail;
	const char *after_var; /* when set: the switch's name, then this, after head */
} paths_snippet;

static const paths_snippet setup_py_snippet = {
    .lang = "python",
    .file = "setup.py",
    .head = "# setup.py (metadata stays in pyproject.toml [project])\n"
            "import os\n\nfrom setuptools import setup\n\next_modules = []\n"
            "if os.environ.get(\"",
    .after_var = "\", \"1\") == \"1\":  # 0: the pure-Python wheel\n"
                 "    from mypyc.build import mypycify\n\n"
                 "    ext_modules = mypycify([\n",
    .indent = "        ",
    .tail = "    ])\n\nsetup(ext_modules=ext_modules)\n\n"
            "# pyproject.toml\n# [build-system]\n"
            "# requires = [\"setuptools\", \"mypy\"]  # pin the mypy you tested\n"
            "# build-backend = \"setuptools.build_meta\"\n",
};

static const paths_snippet hatch_snippet = {
    .lang = "toml",
    .file = "pyproject.toml",
    .head = "[build-system]\nrequires = [\"hatchling\", \"hatch-mypyc\"]\n"
            "build-backend = \"hatchling.build\"\n\n"
            "[tool.hatch.build.targets.wheel.hooks.mypyc]\n"
            "dependencies = [\"hatch-mypyc\"]  # add the mypy version you tested\n"
            "include = [\n",
    .indent = "    ",
    .tail = "]\n",
};

static const paths_snippet poetry_snippet = {
    .lang = "python",
    .file = "build.py",
    .head = "# build.py (run by poetry-core when building the wheel)\n"
            "from mypyc.build import mypycify\n\n\n"
            "def build(setup_kwargs):\n"
            "    setup_kwargs[\"ext_modules\"] = mypycify([\n",
    .indent = "        ",
    .tail = "    ])\n",
};

static void put_snippet(scout_audit_check *c, const facts_ctx *ctx, const paths_snippet *s)
{
	scout_buf b = {0};

	scout_buf_puts(&b, s->head);
	if (s->after_var) {
		scout_buf_puts(&b, ctx->sw.var);
		scout_buf_puts(&b, s->after_var);
	}
	scout_audit_facts_put_paths(&b, ctx, s->indent);
	scout_buf_puts(&b, s->tail);
	scout_audit_facts_snippet(c, scout_buf_detach(&b), s->lang, s->file);
}

/* What the check says where the backend alone decides it: the status, the
 * sentence added to what was found, the advice and the snippet (or none). */
typedef struct says {
	scout_check_status status;
	const char *found, *advice;
	const paths_snippet *snippet;
} says;

static const says fixed_says[] = {
    [BACKEND_FLIT] = {SCOUT_CHECK_TODO, " flit_core builds pure-Python wheels only.",
                      "flit cannot build extension modules, so it must be replaced. hatchling "
                      "reads the same [project] table; add the hatch-mypyc hook and remove any "
                      "[tool.flit] settings.",
                      &hatch_snippet},
    [BACKEND_POETRY] = {SCOUT_CHECK_TODO,
                        " poetry-core builds pure-Python wheels unless a build script is "
                        "configured.",
                        "Add a build script: in pyproject.toml set [tool.poetry.build] script = "
                        "\"build.py\" and generate-setup-file = true, and add \"setuptools\" and "
                        "mypy to [build-system] requires; build.py calls mypycify on the phase 1 "
                        "modules.",
                        &poetry_snippet},
    [BACKEND_UNKNOWN] = {SCOUT_CHECK_WARN, " This backend is not one the audit knows.",
                         "Check that it can build C extension modules from the code mypyc "
                         "generates; setuptools with mypycify and hatchling with hatch-mypyc are "
                         "the supported routes.",
                         NULL},
    [BACKEND_NONE] = {SCOUT_CHECK_TODO, "No packaging: no pyproject.toml, setup.py or setup.cfg.",
                      "Add a pyproject.toml with a [project] table and a backend that can build "
                      "extensions, e.g. hatchling with the hatch-mypyc hook.",
                      &hatch_snippet},
};

static const says hatch_without_hook = {
    SCOUT_CHECK_TODO,
    " No hatch-mypyc build hook is configured, so hatchling builds a pure-Python wheel.",
    "Add hatch-mypyc to [build-system] requires and configure its build hook with the phase 1 "
    "modules as include.",
    &hatch_snippet};

static void say(scout_audit_check *c, const facts_ctx *ctx, scout_buf *found, const says *s)
{
	c->status = s->status;
	scout_buf_puts(found, s->found);
	c->advice = scout_strdup(s->advice);
	if (s->snippet)
		put_snippet(c, ctx, s->snippet);
}

/* --- the check ------------------------------------------------------------ */

/* Whether some [build-system] requires entry contains `needle`; refs them. */
static bool requires_has(const facts_ctx *ctx, const char *needle)
{
	for (size_t i = 0; i < ctx->toml.len; i++)
		if (strcmp(ctx->toml.values[i].key, "build-system.requires") == 0 &&
		    strstr(ctx->toml.values[i].text, needle))
			return true;
	return false;
}

static void ref_requires(scout_audit_check *c, const facts_ctx *ctx)
{
	for (size_t i = 0; i < ctx->toml.len; i++) {
		const scout_toml_value *v = &ctx->toml.values[i];

		if (strcmp(v->key, "build-system.requires") == 0)
			scout_audit_facts_ref_at(c, &ctx->pyproject, v->line);
	}
}

static void setuptools(scout_audit_check *c, const facts_ctx *ctx, scout_buf *found)
{
	if (ctx->setup.mypycify_line) {
		c->status = SCOUT_CHECK_OK;
		scout_buf_printf(found, " setup.py calls mypycify at line %u",
		                 ctx->setup.mypycify_line);
		if (ctx->setup.nentries)
			scout_buf_printf(found, " with %zu listed path%s", ctx->setup.nentries,
			                 ctx->setup.nentries == 1 ? "" : "s");
		scout_buf_puts(found, ".");
		scout_audit_facts_ref_at(c, &ctx->setup_py, ctx->setup.mypycify_line);
		if (!requires_has(ctx, "mypy"))
			c->advice = scout_strdup(
			    "Add mypy (which ships mypyc) to [build-system] requires in "
			    "pyproject.toml, pinned to the version you tested, so every wheel "
			    "build uses the same compiler.");
		return;
	}
	c->status = SCOUT_CHECK_TODO;
	scout_buf_puts(found, ctx->setup_py.data ? " setup.py does not call mypycify."
	                                         : " There is no setup.py.");
	c->advice =
	    scout_strdup("Build the phase 1 modules as C extensions: pass "
	                 "ext_modules=mypycify([...]) to setup() in setup.py, and add mypy to "
	                 "[build-system] requires so the build environment has mypyc.");
	put_snippet(c, ctx, &setup_py_snippet);
}

static void hatchling(scout_audit_check *c, const facts_ctx *ctx, scout_buf *found)
{
	uint32_t line;

	if (ctx->hatch_hook) {
		c->status = SCOUT_CHECK_OK;
		if (scout_audit_facts_toml_section(
		        ctx, "tool.hatch.build.targets.wheel.hooks.mypyc", &line) ||
		    scout_audit_facts_toml_section(ctx, "tool.hatch.build.hooks.mypyc", &line)) {
			scout_buf_printf(found,
			                 " The hatch-mypyc build hook is configured "
			                 "(pyproject.toml line %u).",
			                 line);
			scout_audit_facts_ref_at(c, &ctx->pyproject, line);
		} else {
			scout_buf_puts(found, " hatch-mypyc is in [build-system] requires.");
		}
		return;
	}
	say(c, ctx, found, &hatch_without_hook);
}

static void by_backend(scout_audit_check *c, const facts_ctx *ctx, backend k,
                       const struct other_backend *other, scout_buf *found)
{
	switch (k) {
	case BACKEND_SETUPTOOLS:
		setuptools(c, ctx, found);
		break;
	case BACKEND_HATCHLING:
		hatchling(c, ctx, found);
		break;
	case BACKEND_OTHER:
		c->status = SCOUT_CHECK_WARN;
		scout_buf_printf(found, " That is %s.", other->name);
		c->advice = scout_strdup(other->why);
		break;
	case BACKEND_FLIT:
	case BACKEND_POETRY:
	case BACKEND_UNKNOWN:
	case BACKEND_NONE:
		say(c, ctx, found, &fixed_says[k]);
		break;
	}
}

/* Evidence for a build file that compiles: the mypycify call or the
 * hatch-mypyc hook's table when it is the root's, else the file. */
static void ref_origin(scout_audit_check *c, const facts_ctx *ctx, const scout_compile_origin *o)
{
	uint32_t line = 0;

	if (strcmp(o->file, "setup.py") == 0 && ctx->setup.mypycify_line)
		scout_audit_facts_ref_at(c, &ctx->setup_py, ctx->setup.mypycify_line);
	else if (strcmp(o->file, "pyproject.toml") == 0 &&
	         (scout_audit_facts_toml_section(ctx, "tool.hatch.build.targets.wheel.hooks.mypyc",
	                                         &line) ||
	          scout_audit_facts_toml_section(ctx, "tool.hatch.build.hooks.mypyc", &line)))
		scout_audit_facts_ref_at(c, &ctx->pyproject, line);
	else
		scout_audit_facts_ref(c, o->file, 0, o->backend, strlen(o->backend));
}

/* The compile-set reader's build files (scan->compile_origins): each one
 * that compiles, with its condition; a subdirectory's is a package of its
 * own. */
static void compiled_today(scout_audit_check *c, const facts_ctx *ctx, bool in_tree,
                           scout_buf *found)
{
	const scout_scan *scan = ctx->scan;
	size_t total = 0;

	for (size_t i = 0; i < scan->ncompile_origins; i++)
		total += scan->compile_origins[i].nmodules;
	c->status = total ? SCOUT_CHECK_OK : SCOUT_CHECK_WARN; /* names no scanned module */
	for (size_t i = 0; i < scan->ncompile_origins; i++) {
		const scout_compile_origin *o = &scan->compile_origins[i];
		const char *slash = strrchr(o->file, '/');

		scout_buf_printf(found, " %s compiles %zu module%s with mypyc today (%s", o->file,
		                 o->nmodules, o->nmodules == 1 ? "" : "s", o->backend);
		if (o->condition)
			scout_buf_printf(found, ", when %s", o->condition);
		scout_buf_puts(found, ")");
		if (slash)
			scout_buf_printf(found, ", a package of its own in %.*s/",
			                 (int)(slash - o->file), o->file);
		scout_buf_puts(found, ".");
		ref_origin(c, ctx, o);
	}
	for (size_t i = 0; i < scan->ncompile_unread; i++)
		scout_buf_printf(found, " Not read in %s: %s.", scan->compile_unread[i].file,
		                 scan->compile_unread[i].reason);
	if (scan->backend == SCOUT_BACKEND_OTHER) {
		scout_buf_printf(
		    found,
		    " %s itself builds the pure-Python wheel; the compiled wheels come "
		    "from the build file%s above.",
		    scan->backend_name ? scan->backend_name : "The build backend",
		    scan->ncompile_origins == 1 ? "" : "s");
		c->advice =
		    scout_strdup("Check that the step that builds the compiled wheels (with "
		                 "setuptools, not the backend pyproject.toml names) has mypy, "
		                 "pinned to the version you tested, in its build "
		                 "environment.");
	} else if (scan->backend == SCOUT_BACKEND_SETUPTOOLS && !in_tree &&
	           ctx->setup.mypycify_line && !requires_has(ctx, "mypy"))
		c->advice =
		    scout_strdup("Add mypy (which ships mypyc) to [build-system] requires in "
		                 "pyproject.toml, pinned to the version you tested, so every "
		                 "wheel build uses the same compiler.");
}

/* What the backend the scope reader found (scan->backend) says when
 * nothing compiles today. */
static void not_compiled(scout_audit_check *c, const facts_ctx *ctx, const char *bb,
                         scout_buf *found)
{
	const struct other_backend *other = NULL;
	backend k;

	switch ((scout_backend)ctx->scan->backend) {
	case SCOUT_BACKEND_SETUPTOOLS:
		k = BACKEND_SETUPTOOLS;
		break;
	case SCOUT_BACKEND_HATCH:
		k = BACKEND_HATCHLING;
		break;
	case SCOUT_BACKEND_OTHER:
		k = bb ? classify(bb, &other) : BACKEND_UNKNOWN;
		break;
	case SCOUT_BACKEND_UNKNOWN:
	default:
		k = ctx->pyproject.data || ctx->setup_py.data || ctx->setup_cfg.data
		        ? (bb ? classify(bb, &other) : BACKEND_SETUPTOOLS)
		        : BACKEND_NONE;
		break;
	}
	by_backend(c, ctx, k, other, found);
}

void scout_audit_facts_build_backend(scout_audit *a, facts_ctx *ctx)
{
	scout_audit_check *c = scout_audit_facts_check(a, "build-backend", "Build backend");
	const scout_toml_value *bb = scout_toml_get(&ctx->toml, "build-system.build-backend");
	const scout_toml_value *path = scout_toml_get(&ctx->toml, "build-system.backend-path");
	scout_buf found = {0};
	uint32_t line;

	ctx->hatch_hook =
	    requires_has(ctx, "hatch-mypyc") ||
	    scout_audit_facts_toml_section(ctx, "tool.hatch.build.targets.wheel.hooks.mypyc",
	                                   &line) ||
	    scout_audit_facts_toml_section(ctx, "tool.hatch.build.hooks.mypyc", &line);
	if (bb) {
		a->build_backend = scout_strdup(bb->text);
		scout_buf_printf(&found, "pyproject.toml sets build-backend = \"%s\" (line %u)",
		                 bb->text, bb->line);
		if (path && ctx->scan->backend == SCOUT_BACKEND_SETUPTOOLS)
			scout_buf_puts(&found, ", an in-tree backend (backend-path) configured as "
			                       "setuptools");
		scout_buf_puts(&found, ".");
		scout_audit_facts_ref_at(c, &ctx->pyproject, bb->line);
		if (path)
			scout_audit_facts_ref_at(c, &ctx->pyproject, path->line);
		ref_requires(c, ctx);
	} else if (ctx->pyproject.data || ctx->setup_py.data || ctx->setup_cfg.data) {
		scout_buf_puts(&found,
		               ctx->pyproject.data
		                   ? "pyproject.toml has no [build-system] build-backend, so "
		                     "pip builds with setuptools."
		                   : "No pyproject.toml: pip builds with setuptools.");
	}
	if (ctx->scan->ncompile_origins)
		compiled_today(c, ctx, path != NULL, &found);
	else
		not_compiled(c, ctx, bb ? bb->text : NULL, &found);
	scout_audit_facts_refs_finish(c);
	c->found = scout_buf_detach(&found);
	if (c->found[0] == ' ') /* no sentence about the backend came first */
		memmove(c->found, c->found + 1, strlen(c->found));
}
