/* poetry-core: [tool.poetry] packages, each `include` (a glob, relative to
 * its `from` directory; a matched directory ships whole) unless its
 * `format` leaves the wheel out, minus [tool.poetry] exclude; without
 * packages, the package or module named after the project, at the root or
 * in src/. */
#include <stdlib.h>
#include <string.h>

#include "scope_internal.h"
#include "scout/pathglob.h"

#define PACKAGES "tool.poetry.packages."

/* The value of `field` in the index-th table of packages (an inline table
 * of the array, or a [[tool.poetry.packages]] table), or NULL. */
static const char *field(const scout_toml *t, int index, const char *field, bool *any)
{
	char *key = scout_asprintf(PACKAGES "%s", field);
	char *table = scout_asprintf("tool.poetry.packages[%d].%s", index, field);
	const char *found = NULL;

	for (size_t i = 0; i < t->len; i++)
		if ((t->values[i].index == index && strcmp(t->values[i].key, key) == 0) ||
		    strcmp(t->values[i].key, table) == 0) {
			found = t->values[i].text;
			*any = true;
			if (strcmp(t->values[i].text, "wheel") == 0)
				break; /* format = ["sdist", "wheel"] */
		}
	free(key);
	free(table);
	return found;
}

static void mark_package(scope_ctx *c, const char *from, const char *include)
{
	char *base = scope_norm(from ? from : ".");

	for (size_t i = 0; i < c->scan->nmodules; i++) {
		scout_module *m = &c->scan->modules[i];

		if (scope_under(m->path, base) &&
		    scout_glob_path(include, scope_rel(m->path, base), true))
			m->shipped = true;
	}
	free(base);
}

static bool declared(scope_ctx *c)
{
	bool any = false;

	for (int i = 0;; i++) {
		bool has_format = false, seen = false;
		const char *include = field(c->pyproject, i, "include", &seen);
		const char *from = field(c->pyproject, i, "from", &seen);
		const char *format = field(c->pyproject, i, "format", &has_format);

		if (!seen)
			break;
		any = true;
		if (include && (!has_format || strcmp(format, "wheel") == 0))
			mark_package(c, from, include);
	}
	return any;
}

static bool by_name(scope_ctx *c)
{
	const char *raw = scope_toml_string(c->pyproject, "tool.poetry.name");
	char *name;
	bool found = false;

	if (!raw)
		raw = scope_toml_string(c->pyproject, "project.name");
	if (!raw) {
		scope_set(&c->why, scout_strdup("poetry: no packages and no project name"));
		return false;
	}
	name = scout_strdup(raw);
	for (char *p = name; *p; p++) /* canonicalised, '-' as '_' */
		*p = *p == '-' || *p == '.' ? '_' : (*p >= 'A' && *p <= 'Z') ? *p + 32 : *p;
	for (int src = 0; src < 2 && !found; src++) {
		char *dir = scout_asprintf("%s%s", src ? "src/" : "", name);
		char *py = scout_asprintf("%s.py", dir);

		if ((found = scope_exists(c, dir, true)))
			scope_mark_tree(c, dir);
		else if ((found = scope_exists(c, py, false)))
			scope_mark_file(c, py);
		if (found)
			scope_set(&c->source,
			          scout_asprintf("poetry default: %s, named after the project",
			                         scope_exists(c, dir, true) ? dir : py));
		free(dir);
		free(py);
	}
	if (!found)
		scope_set(&c->why,
		          scout_asprintf("poetry finds no package or module named %s", name));
	free(name);
	return found;
}

bool scope_poetry(scope_ctx *c)
{
	scope_list exclude = {0};
	bool decided;

	if ((decided = declared(c)))
		scope_set(&c->source, scout_strdup("poetry: [tool.poetry] packages"));
	else
		decided = by_name(c);
	scope_toml_strings(c->pyproject, "tool.poetry.exclude", &exclude);
	for (size_t i = 0; decided && i < c->scan->nmodules; i++)
		for (size_t k = 0; k < exclude.n; k++)
			if (scout_glob_path(exclude.v[k], c->scan->modules[i].path, true))
				c->scan->modules[i].shipped = false;
	scope_list_free(&exclude);
	return decided;
}
