/* flit_core: one module or package, [tool.flit.module] name (else the
 * older [tool.flit.metadata] module, else the project name with '-' as
 * '_'), found at the root or in src/; a package ships whole. */
#include <stdlib.h>
#include <string.h>

#include "scope_internal.h"

static char *module_name(const scope_ctx *c, const char **from)
{
	const char *name = scope_toml_string(c->pyproject, "tool.flit.module.name");
	char *copy;

	*from = "[tool.flit.module] name";
	if (!name && (name = scope_toml_string(c->pyproject, "tool.flit.metadata.module")))
		*from = "[tool.flit.metadata] module";
	if (!name && (name = scope_toml_string(c->pyproject, "project.name")))
		*from = "the project name";
	if (!name)
		return NULL;
	copy = scout_strdup(name);
	for (char *p = copy; *p; p++) /* the project name's '-' is '_'; a dotted name nests */
		*p = *p == '-' ? '_' : *p == '.' ? '/' : *p;
	return copy;
}

bool scope_flit(scope_ctx *c)
{
	static const char *const bases[] = {"", "src/"};
	const char *from;
	char *name = module_name(c, &from);
	size_t found = 0;

	if (!name) {
		scope_set(&c->why, scout_strdup("flit: no module name and no [project] name"));
		return false;
	}
	for (size_t b = 0; b < 2; b++) {
		char *dir = scout_asprintf("%s%s", bases[b], name),
		     *py = scout_asprintf("%s.py", dir);

		if (scope_exists(c, dir, true) && ++found)
			scope_mark_tree(c, dir);
		if (scope_exists(c, py, false) && ++found)
			scope_mark_file(c, py);
		if (found && !c->source)
			scope_set(&c->source,
			          scout_asprintf("flit: %s%s (%s)", dir,
			                         scope_exists(c, dir, true) ? "/" : ".py", from));
		free(dir);
		free(py);
	}
	if (found != 1) { /* flit stops; the caller clears the marks */
		scope_set(&c->source, NULL);
		scope_set(&c->why, scout_asprintf("flit finds %s module or package %s",
		                                  found ? "more than one" : "no", name));
	}
	free(name);
	return found == 1;
}
