/* hatchling's wheel: [tool.hatch.build.targets.wheel] (else
 * [tool.hatch.build]) only-include, packages, include and exclude, matched
 * as gitignore patterns; without any of the first three, hatchling's
 * default: the package or module named after the project, at the root, in
 * src/, or one directory down. */
#include <stdlib.h>
#include <string.h>

#include "scope_internal.h"
#include "scout/pathglob.h"

#define TARGET "tool.hatch.build.targets.wheel."
#define BUILD  "tool.hatch.build."

/* The option from the wheel target, else from the build table. */
static const char *option(const scope_ctx *c, const char *name, scope_list *out)
{
	char *key = scout_asprintf(TARGET "%s", name);
	const char *from = "[tool.hatch.build.targets.wheel]";

	if (!scope_toml_strings(c->pyproject, key, out)) {
		free(key);
		key = scout_asprintf(BUILD "%s", name);
		from = scope_toml_strings(c->pyproject, key, out) ? "[tool.hatch.build]" : NULL;
	}
	free(key);
	return from;
}

/* hatchling's normalize_file_name_component: runs of characters other
 * than letters, digits, '_' and '.' become '_'. */
static char *file_name(const char *name)
{
	scout_buf b = {0};
	bool run = false;

	for (const char *p = name; *p; p++) {
		bool keep = *p == '.' || *p == '_' || (*p >= 'a' && *p <= 'z') ||
		            (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		            (unsigned char)*p >= 0x80;

		if (keep || !run)
			scout_buf_putc(&b, keep ? *p : '_');
		run = !keep;
	}
	return scout_buf_detach(&b);
}

/* The default selection for a project named `name`, or NULL. */
static char *default_package(const scope_ctx *c, const char *name, bool *module)
{
	char *p = scout_asprintf("%s/__init__.py", name), *src = scout_asprintf("src/%s", name);
	char *found = NULL, *py = scout_asprintf("%s.py", name);

	*module = false;
	if (scope_exists(c, p, false))
		found = scout_strdup(name);
	else if (scope_exists(c, (free(p), p = scout_asprintf("%s/__init__.py", src)), false))
		found = scout_strdup(src);
	else if (scope_exists(c, py, false))
		found = scout_strdup(py), *module = true;
	free(p);
	free(src);
	free(py);
	return found;
}

/* One directory down: <dir>/<name>/__init__.py for exactly one <dir>. */
static char *namespace_package(const scope_ctx *c, const char *name)
{
	char *found = NULL;
	size_t hits = 0;

	for (size_t i = 0; i < c->scan->nmodules; i++) {
		const char *p = c->scan->modules[i].path, *slash = strchr(p, '/');
		char *want;

		if (!slash)
			continue;
		want = scout_asprintf("%.*s/%s/__init__.py", (int)(slash - p), p, name);
		if (strcmp(p, want) == 0 && hits++ == 0)
			found = scout_strndup(p, (size_t)(slash - p));
		free(want);
	}
	if (hits != 1) {
		free(found);
		return NULL;
	}
	return found;
}

static bool default_selection(scope_ctx *c, scope_list *packages, scope_list *only)
{
	const char *raw = scope_toml_string(c->pyproject, "project.name");
	char *name = raw ? file_name(raw) : NULL, *found = NULL;
	bool module = false;

	if (!name) {
		scope_set(&c->why, scout_strdup("hatch: no [project] name to find the package by"));
		return false;
	}
	if (!(found = default_package(c, name, &module))) {
		for (char *p = name; *p; p++)
			*p = *p == '-' || *p == '.' ? '_' : (*p >= 'A' && *p <= 'Z') ? *p + 32 : *p;
		found = default_package(c, name, &module);
	}
	if (!found && (found = namespace_package(c, name)))
		module = false;
	if (found) {
		scope_list_add(module ? only : packages, found);
		scope_set(&c->source,
		          scout_asprintf("hatch default: %s, named after the project", found));
	} else {
		scope_set(&c->why,
		          scout_asprintf("hatch finds no package or module named %s", name));
	}
	free(found);
	free(name);
	return found != NULL;
}

/* Whether path is one of the paths or beneath it (only-include, and
 * packages, which hatchling matches as "/PATH/"). */
static bool under_any(const scope_list *paths, const char *path)
{
	for (size_t i = 0; i < paths->n; i++) {
		char *d = scope_norm(paths->v[i]);
		bool hit = scope_under(path, d);

		free(d);
		if (hit)
			return true;
	}
	return false;
}

static bool selected(const scope_list *only, const scope_list *include, const scope_list *packages,
                     const char *path)
{
	if (only->n)
		return under_any(only, path);
	if (!include->n && !packages->n)
		return true;
	return scout_gitignore_any((const char *const *)include->v, include->n, path) ||
	       under_any(packages, path);
}

bool scope_hatch(scope_ctx *c)
{
	scope_list only = {0}, include = {0}, packages = {0}, exclude = {0};
	const char *from_only = option(c, "only-include", &only);
	const char *from_pkg = option(c, "packages", &packages);
	const char *from_inc = option(c, "include", &include);
	bool decided = true;

	option(c, "exclude", &exclude);
	if (from_only || from_pkg || from_inc)
		scope_set(&c->source, scout_asprintf("hatch: %s %s",
		                                     from_only  ? from_only
		                                     : from_pkg ? from_pkg
		                                                : from_inc,
		                                     from_only  ? "only-include"
		                                     : from_pkg ? "packages"
		                                                : "include"));
	else
		decided = default_selection(c, &packages, &only);
	for (size_t i = 0; decided && i < c->scan->nmodules; i++) {
		scout_module *m = &c->scan->modules[i];

		m->shipped =
		    selected(&only, &include, &packages, m->path) &&
		    !scout_gitignore_any((const char *const *)exclude.v, exclude.n, m->path);
	}
	scope_list_free(&only);
	scope_list_free(&include);
	scope_list_free(&packages);
	scope_list_free(&exclude);
	return decided;
}
