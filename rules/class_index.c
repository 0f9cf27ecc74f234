/* Collects each module-level class's facts during the walk, for the project
 * class index that the link stage checks across modules. */
#include "project_rules.h"

#include <stdlib.h>
#include <string.h>

#include "native.h"

#define MAX_BASES 16

static bool is_module_level(const scout_walk *w)
{
	TSNode parent = scout_walk_ancestor(w, 1);

	if (!ts_node_is_null(parent) && ts_node_symbol(parent) == w->sym->decorated_definition)
		parent = scout_walk_ancestor(w, 2);
	return !ts_node_is_null(parent) && ts_node_symbol(parent) == w->sym->module;
}

static char *qualified_base(const scout_walk *w, TSNode base)
{
	char buf[512];

	if (!scout_names_qualify(w->names, scout_base_name(w, base), w->src, buf, sizeof(buf)))
		return scout_strdup("");
	return scout_strdup(buf);
}

static bool allows_interpreted(const scout_walk *w, TSNode class_def)
{
	TSNode v = scout_mypyc_attr_value(w, class_def, "allow_interpreted_subclasses");

	return !ts_node_is_null(v) && scout_node_text_is(v, w->src, "True");
}

void scout_class_index_collect(scout_walk *w, TSNode class_def)
{
	TSNode name = ts_node_child_by_field_id(class_def, w->sym->f_name);
	TSNode bases[MAX_BASES];
	uint32_t n, len;
	scout_class_info c = {0};
	const char *text;

	if (ts_node_is_null(name) || !is_module_level(w))
		return;
	text = scout_node_text(name, w->src, &len);
	c.name = scout_strndup(text, len);
	scout_walk_node_start(w, name, &c.line, &c.column);
	scout_walk_node_end(w, name, &c.end_line, &c.end_column);
	n = scout_class_bases(w, class_def, bases, MAX_BASES);
	c.bases = scout_calloc(n ? n : 1, sizeof(*c.bases));
	for (uint32_t i = 0; i < n; i++) {
		c.bases[c.nbases++] = qualified_base(w, bases[i]);
		if (!c.bad_builtin && scout_qualified_is_bad_builtin(c.bases[i]))
			c.bad_builtin = scout_strdup(c.bases[i]);
	}
	c.kind = (uint8_t)scout_class_kind_of(w, class_def);
	c.trait = scout_class_is_trait(w, class_def);
	c.allow_interpreted = allows_interpreted(w, class_def);
	SCOUT_PUSH(w->module->classes, w->module->nclasses, w->module->classes_cap, c);
}
