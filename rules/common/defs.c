/* Node helpers the heuristic rule files share (declared in heuristics.h). */
#include "heuristics.h"

#include <string.h>

/* How far same-module base chains are followed (survives cycles). */
#define MAX_CHAIN 32
#define MAX_BASES 16

static const char *const staticmethod_names[] = {"builtins.staticmethod", NULL};

TSNode scout_hx_null_node(void)
{
	TSNode n = {{0}, 0, 0};

	return n;
}

TSNode scout_hx_field(TSNode n, TSFieldId id)
{
	return ts_node_is_null(n) ? n : scout_node_field(n, id);
}

uint32_t scout_hx_text_len(TSNode n)
{
	uint32_t len;

	if (ts_node_is_null(n))
		return 0;
	len = ts_node_end_byte(n) - ts_node_start_byte(n);
	return len > 60 ? 60 : len;
}

bool scout_hx_same_text(const scout_walk *w, TSNode a, TSNode b)
{
	uint32_t la, lb;
	const char *ta = scout_node_text(a, w->src, &la), *tb = scout_node_text(b, w->src, &lb);

	return la == lb && memcmp(ta, tb, la) == 0;
}

TSNode scout_hx_name_of(const scout_walk *w, TSNode def)
{
	return scout_hx_field(def, w->sym->f_name);
}

/* The class whose body holds `def` directly (also when decorated). */
TSNode scout_hx_method_class(const scout_walk *w, TSNode def)
{
	TSNode parent = scout_node_parent(def), grand;

	if (!ts_node_is_null(parent) && ts_node_symbol(parent) == w->sym->decorated_definition)
		parent = scout_node_parent(parent);
	if (ts_node_is_null(parent) || ts_node_symbol(parent) != w->sym->block)
		return scout_hx_null_node();
	grand = scout_node_parent(parent);
	return !ts_node_is_null(grand) && ts_node_symbol(grand) == w->sym->class_definition
	           ? grand
	           : scout_hx_null_node();
}

/* The nearest function_definition above the current node (ancestor `from`
 * upward), or null when a class body or lambda comes first. */
TSNode scout_hx_enclosing_function(const scout_walk *w, uint32_t from)
{
	for (uint32_t up = from; up < w->depth; up++) {
		TSNode a = scout_walk_ancestor(w, up);
		TSSymbol t = scout_walk_ancestor_symbol(w, up);

		if (t == w->sym->function_definition)
			return a;
		if (t == w->sym->class_definition || t == w->sym->lambda)
			return scout_hx_null_node();
	}
	return scout_hx_null_node();
}

bool scout_hx_is_native(const scout_walk *w, TSNode cls)
{
	return !ts_node_is_null(cls) && scout_class_kind_of(w, cls) == SCOUT_CLASS_NATIVE;
}

/* The name node of a parameter (plain, typed, defaulted), or null for
 * splats and separators. */
TSNode scout_hx_param_name(const scout_walk *w, TSNode p)
{
	TSSymbol t = ts_node_symbol(p);

	if (t == w->sym->identifier)
		return p;
	if (t == w->sym->typed_parameter)
		return scout_node_named_child_count(p) &&
		               ts_node_symbol(scout_node_named_child(p, 0)) == w->sym->identifier
		           ? scout_node_named_child(p, 0)
		           : scout_hx_null_node();
	if (t == w->sym->default_parameter || t == w->sym->typed_default_parameter)
		return scout_hx_field(p, w->sym->f_name);
	return scout_hx_null_node();
}

/* The positional-or-keyword parameters of def, in order (no splats). */
uint32_t scout_hx_params_of(const scout_walk *w, TSNode def, TSNode *out, uint32_t cap)
{
	TSNode params = scout_hx_field(def, w->sym->f_parameters);
	uint32_t count = ts_node_is_null(params) ? 0 : scout_node_named_child_count(params), n = 0;

	for (uint32_t i = 0; i < count && n < cap; i++) {
		TSNode p = scout_node_named_child(params, i);

		if (!ts_node_is_null(scout_hx_param_name(w, p)))
			out[n++] = p;
	}
	return n;
}

bool scout_hx_is_staticmethod(const scout_walk *w, TSNode def)
{
	return scout_class_has_decorator(w, def, staticmethod_names);
}

/* The annotation expression of a parameter, or null. */
TSNode scout_hx_param_type(const scout_walk *w, TSNode p)
{
	TSNode t = scout_hx_field(p, w->sym->f_type);

	if (!ts_node_is_null(t) && ts_node_symbol(t) == w->sym->type &&
	    scout_node_named_child_count(t))
		t = scout_node_named_child(t, 0);
	return t;
}

/* The method `name` (NUL-terminated) defined in the body of cls, or null. */
TSNode scout_hx_body_method(const scout_walk *w, TSNode cls, const char *name, uint32_t len)
{
	TSNode body = scout_hx_field(cls, w->sym->f_body);
	uint32_t count = ts_node_is_null(body) ? 0 : scout_node_named_child_count(body);

	for (uint32_t i = 0; i < count; i++) {
		TSNode d = scout_node_named_child(body, i);
		uint32_t l;
		const char *t;

		if (ts_node_symbol(d) == w->sym->decorated_definition)
			d = scout_hx_field(d, w->sym->f_definition);
		if (ts_node_is_null(d) || ts_node_symbol(d) != w->sym->function_definition)
			continue;
		t = scout_node_text(scout_hx_name_of(w, d), w->src, &l);
		if (l == len && memcmp(t, name, len) == 0)
			return d;
	}
	return scout_hx_null_node();
}

/* Pushes the same-module classes among cls's bases. */
void scout_hx_push_bases(const scout_walk *w, TSNode cls, TSNode *todo, size_t *ntodo)
{
	TSNode bases[MAX_BASES];
	uint32_t n = scout_class_bases(w, cls, bases, MAX_BASES);

	for (uint32_t i = n; i-- > 0;) {
		TSNode b = scout_module_class_of(w, bases[i]);

		if (!ts_node_is_null(b) && *ntodo < MAX_CHAIN)
			todo[(*ntodo)++] = b;
	}
}
