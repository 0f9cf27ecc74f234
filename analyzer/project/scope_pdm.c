/* pdm-backend: [tool.pdm.build] includes (globs; a matched directory ships
 * whole), else every top-level package of package-dir ("src" when it
 * exists), else its top-level modules; minus excludes and source-includes
 * (default "tests"), which stay out of wheels. */
#include <stdlib.h>
#include <string.h>

#include "scope_internal.h"
#include "scout/pathglob.h"

#define BUILD "tool.pdm.build."

/* The top-level packages of `dir`: directories holding __init__.py. */
static size_t mark_top_packages(scope_ctx *c, const char *dir)
{
	size_t found = 0;

	for (size_t i = 0; i < c->scan->nmodules; i++) {
		const char *p = c->scan->modules[i].path, *rel = scope_rel(p, dir), *slash;
		char *pkg;

		if (!scope_under(p, dir) || !(slash = strchr(rel, '/')) ||
		    strcmp(slash, "/__init__.py") != 0)
			continue;
		pkg = scout_strndup(p, (size_t)(slash - p));
		scope_mark_tree(c, pkg);
		free(pkg);
		found++;
	}
	return found;
}

static void defaults(scope_ctx *c)
{
	const char *given = scope_toml_string(c->pyproject, BUILD "package-dir");
	char *dir = scope_norm(given ? given : scope_exists(c, "src", true) ? "src" : ".");

	if (mark_top_packages(c, dir))
		scope_set(&c->source, scout_asprintf("pdm default: the top-level packages of %s/",
		                                     *dir ? dir : "."));
	else {
		scope_mark_flat(c, dir);
		scope_set(&c->source,
		          scout_asprintf("pdm default: the modules in %s/", *dir ? dir : "."));
	}
	free(dir);
}

static void unmark(scope_ctx *c, const scope_list *globs)
{
	for (size_t i = 0; i < c->scan->nmodules; i++)
		for (size_t k = 0; k < globs->n; k++)
			if (scout_glob_path(globs->v[k], c->scan->modules[i].path, true))
				c->scan->modules[i].shipped = false;
}

bool scope_pdm(scope_ctx *c)
{
	scope_list includes = {0}, excludes = {0};

	if (scope_toml_strings(c->pyproject, BUILD "includes", &includes) && includes.n) {
		for (size_t i = 0; i < c->scan->nmodules; i++)
			for (size_t k = 0; k < includes.n; k++)
				if (scout_glob_path(includes.v[k], c->scan->modules[i].path, true))
					c->scan->modules[i].shipped = true;
		scope_set(&c->source, scout_strdup("pdm: [tool.pdm.build] includes"));
	} else {
		defaults(c);
	}
	scope_toml_strings(c->pyproject, BUILD "excludes", &excludes);
	if (!scope_toml_strings(c->pyproject, BUILD "source-includes", &excludes))
		scope_list_add(&excludes, "tests");
	unmark(c, &excludes);
	scope_list_free(&includes);
	scope_list_free(&excludes);
	return true;
}
