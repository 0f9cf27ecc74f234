/* setuptools' package finders and its automatic discovery, as
 * setuptools/discovery.py decides them, over the scanned modules (and the
 * project directory's listing where the decision depends on directories
 * that hold no Python file). */
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "scout/fs.h"
#include "scope_setuptools.h"

/* PackageFinder.ALWAYS_EXCLUDE */
static const char *const always_exclude[] = {"ez_setup", "*__pycache__"};

/* FlatLayoutPackageFinder._EXCLUDE: each name and its subpackages. */
static const char *const flat_packages_exclude[] = {
    "ci",         "bin",          "debian",        "doc",       "docs",       "documentation",
    "manpages",   "news",         "newsfragments", "changelog", "test",       "tests",
    "unit_test",  "unit_tests",   "example",       "examples",  "scripts",    "tools",
    "util",       "utils",        "python",        "build",     "dist",       "venv",
    "env",        "requirements", "tasks",         "fabfile",   "site_scons", "benchmark",
    "benchmarks", "exercise",     "exercises",     "htmlcov",   "[._]*",
};

/* FlatLayoutModuleFinder.DEFAULT_EXCLUDE */
static const char *const flat_modules_exclude[] = {
    "setup",     "conftest", "test",      "tests",      "example",  "examples",  "build",
    "toxfile",   "noxfile",  "pavement",  "dodo",       "tasks",    "fabfile",   "[Ss][Cc]onstruct",
    "conanfile", "manage",   "benchmark", "benchmarks", "exercise", "exercises", "[._]*",
};

#define COUNT(a) (sizeof(a) / sizeof(*(a)))

static bool any_match(const char *const *pats, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (fnmatch(pats[i], name, 0) == 0)
			return true;
	return false;
}

/* A dotted package name the flat layout reserves: NAME or NAME.* for each
 * reserved NAME ("docs", "docs.x"; "[._]*" holds dots itself). */
static bool flat_reserved(const char *name)
{
	size_t top = strcspn(name, ".");
	char *first = scout_strndup(name, top);
	bool hit = any_match(flat_packages_exclude, COUNT(flat_packages_exclude), first);

	free(first);
	return hit || any_match(flat_packages_exclude, COUNT(flat_packages_exclude), name);
}

bool scope_flat_reserved(const char *path)
{
	const char *slash = strchr(path, '/');
	size_t n = slash ? (size_t)(slash - path) : strlen(path) - 3;
	char *top = scout_strndup(path, n);
	bool hit = slash ? flat_reserved(top)
	                 : any_match(flat_modules_exclude, COUNT(flat_modules_exclude), top);

	free(top);
	return hit;
}

/* Whether each directory from `where` down to `dir` is one the finder
 * descends into and calls a package. */
static bool looks_like_packages(const scope_ctx *c, scope_finder finder, const char *where,
                                const char *dir)
{
	for (const char *p = dir;;) {
		size_t n = strcspn(p, "/");
		bool first = p == dir;

		if (memchr(p, '.', n))
			return false;
		if (finder == SCOPE_FIND_PACKAGES) {
			char *init = scout_asprintf("%s%s%.*s/__init__.py", where,
			                            *where ? "/" : "", (int)(p - dir + n), dir);
			bool ok = scope_exists(c, init, false);

			free(init);
			if (!ok)
				return false;
		} else if (finder == SCOPE_FIND_FLAT &&
		           !(scope_identifier(p, n) ||
		             (first && n > 6 && memcmp(p + n - 6, "-stubs", 6) == 0))) {
			return false;
		}
		if (!p[n])
			return true;
		p += n + 1;
	}
}

static bool package_selected(scope_finder finder, const char *name, const scope_list *include,
                             const scope_list *exclude)
{
	if (any_match(always_exclude, COUNT(always_exclude), name))
		return false;
	if (exclude->n ? any_match((const char *const *)exclude->v, exclude->n, name)
	               : finder == SCOPE_FIND_FLAT && flat_reserved(name))
		return false;
	return !include->n || any_match((const char *const *)include->v, include->n, name);
}

size_t scope_find_mark(scope_ctx *c, scope_finder finder, const char *where,
                       const scope_list *include, const scope_list *exclude)
{
	char *w = scope_norm(where);
	size_t marked = 0;

	for (size_t i = 0; i < c->scan->nmodules; i++) {
		scout_module *m = &c->scan->modules[i];
		const char *rel, *slash;
		char *dir;

		if (m->shipped || !scope_under(m->path, w))
			continue;
		rel = scope_rel(m->path, w);
		if (!(slash = strrchr(rel, '/')))
			continue; /* a module beside the packages, not in one */
		dir = scout_strndup(rel, (size_t)(slash - rel));
		if (looks_like_packages(c, finder, w, dir)) {
			for (char *d = dir; *d; d++)
				*d = *d == '/' ? '.' : *d;
			if (package_selected(finder, dir, include, exclude)) {
				m->shipped = true;
				marked++;
			}
		}
		free(dir);
	}
	free(w);
	return marked;
}

/* The package_dir entries other than "": each maps a package to its
 * directory, and everything beneath it (as namespace packages) ships. */
static bool explicit_layout(scope_ctx *c, const scope_spec *s)
{
	scope_list all = {0}, none = {0};
	bool any = false;

	for (size_t i = 0; i < s->dir_names.n; i++) {
		char *d;

		if (!s->dir_names.v[i][0])
			continue;
		any = true;
		d = scope_norm(s->dir_paths.v[i]);
		scope_mark_flat(c, d);
		scope_find_mark(c, SCOPE_FIND_PEP420, d, &all, &none);
		free(d);
	}
	if (any)
		scope_set(
		    &c->source,
		    scout_asprintf("setuptools automatic discovery: the package_dir layout (%s)",
		                   s->package_dir_from));
	return any;
}

static bool src_layout(scope_ctx *c, const scope_spec *s)
{
	const char *src = "src";
	scope_list all = {0}, none = {0};
	char *d;

	for (size_t i = 0; i < s->dir_names.n; i++)
		if (!s->dir_names.v[i][0])
			src = s->dir_paths.v[i];
	d = scope_norm(src);
	if (!scope_exists(c, *d ? d : ".", true)) {
		free(d);
		return false;
	}
	scope_find_mark(c, SCOPE_FIND_PEP420, d, &all, &none);
	for (size_t i = 0; i < c->scan->nmodules; i++) {
		const char *p = c->scan->modules[i].path, *rel = scope_rel(p, d);

		if (scope_under(p, d) && !strchr(rel, '/') &&
		    scope_identifier(rel, strlen(rel) - 3))
			scope_mark_file(c, p);
	}
	scope_set(&c->source,
	          scout_asprintf("setuptools automatic discovery: src layout (%s/)", *d ? d : "."));
	free(d);
	return true;
}

/* The top-level directories the flat layout takes for packages (stubs
 * left out), from the listing: a directory without Python files counts. */
static void flat_top_level(const scope_ctx *c, scope_list *out)
{
	char **names;
	size_t count;

	scout_fs_list(c->dir, &names, &count); /* sorted */
	for (size_t i = 0; i < count; i++) {
		const char *name = names[i];

		if (!strchr(name, '.') && scope_identifier(name, strlen(name)) &&
		    !any_match(always_exclude, COUNT(always_exclude), name) &&
		    !flat_reserved(name) && scope_exists(c, name, true))
			scope_list_add(out, name);
		free(names[i]);
	}
	free(names);
}

/* Several top-level packages or modules: setuptools refuses to build. */
static bool refuse(scope_ctx *c, const char *kind, const scope_list *found)
{
	scout_buf b = {0};

	for (size_t i = 0; i < found->n; i++)
		scout_buf_printf(&b, "%s%s", i ? ", " : "", found->v[i]);
	scope_set(&c->why,
	          scout_asprintf("setuptools' automatic discovery stops the build: several "
	                         "top-level %s in a flat layout (%s)",
	                         kind, b.data ? b.data : ""));
	scout_buf_free(&b);
	return false;
}

static bool flat_modules(scope_ctx *c)
{
	scope_list found = {0};
	bool ok;

	for (size_t i = 0; i < c->scan->nmodules; i++) {
		const char *p = c->scan->modules[i].path;
		size_t n = strlen(p) - 3;
		char *stem = scout_strndup(p, n);

		if (!strchr(p, '/') && scope_identifier(stem, n) &&
		    !any_match(flat_modules_exclude, COUNT(flat_modules_exclude), stem))
			scope_list_add(&found, p);
		free(stem);
	}
	if ((ok = found.n <= 1)) {
		if (found.n)
			scope_mark_file(c, found.v[0]);
		scope_set(&c->source,
		          scout_asprintf("setuptools automatic discovery: flat layout, %s",
		                         found.n ? found.v[0] : "nothing to ship"));
	} else {
		refuse(c, "modules", &found);
	}
	scope_list_free(&found);
	return ok;
}

static bool flat_layout(scope_ctx *c)
{
	scope_list top = {0}, all = {0}, reserved = {0};
	bool ok = true;

	flat_top_level(c, &top);
	if (top.n > 1)
		ok = refuse(c, "packages", &top);
	else if (top.n == 1) {
		scope_find_mark(c, SCOPE_FIND_FLAT, "", &all, &reserved);
		scope_set(&c->source,
		          scout_asprintf("setuptools automatic discovery: flat layout, package %s/",
		                         top.v[0]));
	} else
		ok = flat_modules(c);
	scope_list_free(&top);
	return ok;
}

bool scope_discover(scope_ctx *c, const scope_spec *s)
{
	return explicit_layout(c, s) || src_layout(c, s) || flat_layout(c);
}
