/* Which modules ship: the build backend named in pyproject.toml
 * [build-system] (else the one whose configuration is present, else
 * setuptools, pip's default) reads its configuration; a fallback when no
 * packaging file exists or the backend could not decide. */
#include "scout/scope.h"

#include <stdlib.h>
#include <string.h>

#include "scope_internal.h"

typedef bool (*reader_fn)(scope_ctx *c);

static const struct backend {
	const char *module; /* build-backend's leading module */
	const char *table;  /* its configuration in pyproject.toml */
	reader_fn read;
} backends[] = {
    {"setuptools", "tool.setuptools.", scope_setuptools},
    {"hatchling", "tool.hatch.build", scope_hatch},
    {"poetry", "tool.poetry.", scope_poetry},
    {"flit", "tool.flit.", scope_flit},
    {"pdm", "tool.pdm.build", scope_pdm},
};
#define NBACKENDS (sizeof(backends) / sizeof(*backends))

static bool file_exists(const scope_ctx *c, const char *name)
{
	return scope_exists(c, name, false);
}

/* The reader that decides, or NULL (c->why says why). */
static reader_fn choose(scope_ctx *c)
{
	const char *bb = scope_toml_string(c->pyproject, "build-system.build-backend");

	for (size_t i = 0; bb && i < NBACKENDS; i++)
		if (scout_str_startswith(bb, backends[i].module))
			return backends[i].read;
	for (size_t i = 0; i < NBACKENDS; i++) /* a custom backend: the configuration present */
		if (scope_toml_has(c->pyproject, backends[i].table))
			return backends[i].read;
	if (c->pyproject->len || file_exists(c, "setup.py") || file_exists(c, "setup.cfg"))
		return scope_setuptools;
	scope_set(&c->why, scout_strdup("no packaging configuration"));
	return NULL;
}

/* The backend the plan's snippet is written for (scout_backend). */
static void set_backend(scout_scan *scan, scope_ctx *c, reader_fn read)
{
	const char *bb = scope_toml_string(c->pyproject, "build-system.build-backend");

	scan->backend = read == scope_setuptools ? SCOUT_BACKEND_SETUPTOOLS
	                : read == scope_hatch    ? SCOUT_BACKEND_HATCH
	                : read                   ? SCOUT_BACKEND_OTHER
	                                         : SCOUT_BACKEND_UNKNOWN;
	free(scan->backend_name);
	scan->backend_name = bb ? scout_strdup(bb) : NULL;
}

void scope_fallback(scope_ctx *c)
{
	for (size_t i = 0; i < c->scan->nmodules; i++) {
		scout_module *m = &c->scan->modules[i];

		m->shipped = !scout_module_is_test(m) && !scope_flat_reserved(m->path);
	}
	scope_set(&c->source, scout_asprintf("%s; fallback: every module outside tests, docs, "
	                                     "examples, scripts, benchmarks and tools",
	                                     c->why ? c->why : "no packaging configuration"));
}

/* Whether a path named on the command line is this module's file (both
 * compared without "." segments and doubled or trailing slashes). */
static bool named(const scout_scope_opts *o, const char *path)
{
	bool hit = false;

	for (size_t i = 0; o && i < o->npaths && !hit; i++) {
		char *given = scope_norm(o->paths[i]), *mine = scope_norm(path);

		hit = (o->paths[i][0] == '/') == (path[0] == '/') && strcmp(given, mine) == 0;
		free(given);
		free(mine);
	}
	return hit;
}

/* Test code the wheel holds (mypy ships mypy/test) is never planned nor
 * gated by default: left out of the scope, and the source says so. */
static void leave_out_tests(scope_ctx *c)
{
	size_t n = 0;

	for (size_t i = 0; i < c->scan->nmodules; i++) {
		scout_module *m = &c->scan->modules[i];

		if (m->shipped && scout_module_is_test(m)) {
			m->shipped = false;
			n++;
		}
	}
	if (n)
		scope_set(&c->source, scout_asprintf("%s; %zu test module%s in the wheel left out",
		                                     c->source, n, n == 1 ? "" : "s"));
}

void scout_scope_read(scout_scan *scan, const char *dir, const scout_scope_opts *opts)
{
	char *path = scout_asprintf("%s/pyproject.toml", dir);
	scout_toml t;
	scope_ctx c = {.scan = scan, .dir = dir, .pyproject = &t};
	reader_fn read;

	if (scout_toml_load(&t, path) < 0)
		memset(&t, 0, sizeof(t));
	free(path);
	for (size_t i = 0; i < scan->nmodules; i++)
		scan->modules[i].shipped = false;
	read = choose(&c);
	set_backend(scan, &c, read);
	if (!read || !read(&c)) {
		for (size_t i = 0; i < scan->nmodules; i++)
			scan->modules[i].shipped = false;
		scope_fallback(&c);
	}
	leave_out_tests(&c);
	scan->scope_all = opts && opts->all;
	for (size_t i = 0; i < scan->nmodules; i++) {
		scout_module *m = &scan->modules[i];

		m->gated = m->shipped || scan->scope_all || named(opts, m->path);
	}
	free(scan->scope_source);
	scan->scope_source = c.source;
	free(c.why);
	scout_toml_free(&t);
}

void scout_scope_ship_compiled(scout_scan *scan)
{
	size_t n = 0;
	char *source;

	for (size_t i = 0; i < scan->nmodules; i++) {
		scout_module *m = &scan->modules[i];

		if (!m->compiled_now || m->shipped || scout_module_is_test(m))
			continue;
		m->shipped = m->gated = true;
		n++;
	}
	if (!n)
		return;
	source = scout_asprintf("%s; %zu module%s compiled with mypyc ship%s as extensions",
	                        scan->scope_source ? scan->scope_source : "", n, n == 1 ? "" : "s",
	                        n == 1 ? "s" : "");
	free(scan->scope_source);
	scan->scope_source = source;
}
