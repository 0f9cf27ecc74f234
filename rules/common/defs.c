/* Questions about definitions that the rules share (common/defs.h). */
#include "common/defs.h"
#include "common/typing_names.h"
#include "scout/type_comment.h"

#include <stdio.h>
#include <string.h>

/* How many nodes a function body scan looks at, at most, and keeps pending. */
#define MAX_SCAN   20000
#define SCAN_STACK 256

TSNode scout_defs_undecorate(const scout_walk *w, TSNode node)
{
	if (ts_node_symbol(node) == w->sym->decorated_definition)
		return scout_node_field(node, w->sym->f_definition);
	return node;
}

TSNode scout_defs_decorator_callee(const scout_walk *w, TSNode decorator)
{
	TSNode e = scout_node_named_child_count(decorator) ? scout_node_named_child(decorator, 0)
	                                                   : SCOUT_NULL_NODE;

	if (scout_nodes_is(e, w->sym->call))
		return scout_node_field(e, w->sym->f_function);
	return e;
}

TSNode scout_defs_decorator(const scout_walk *w, TSNode def, const char *const *names)
{
	TSNode deco = scout_decorated_parent(w, def);
	uint32_t count = ts_node_is_null(deco) ? 0 : scout_node_named_child_count(deco);

	for (uint32_t i = 0; i < count; i++) {
		TSNode d = scout_node_named_child(deco, i);

		if (ts_node_symbol(d) == w->sym->decorator &&
		    scout_walk_is(w, scout_defs_decorator_callee(w, d), names))
			return d;
	}
	return SCOUT_NULL_NODE;
}

bool scout_defs_is_staticmethod(const scout_walk *w, TSNode def)
{
	return scout_class_has_decorator(w, def, scout_staticmethod_names);
}

TSNode scout_defs_method_class(const scout_walk *w, TSNode def)
{
	TSNode parent = scout_node_parent(def), grand;

	if (scout_nodes_is(parent, w->sym->decorated_definition))
		parent = scout_node_parent(parent);
	if (!scout_nodes_is(parent, w->sym->block))
		return SCOUT_NULL_NODE;
	grand = scout_node_parent(parent);
	return scout_nodes_is(grand, w->sym->class_definition) ? grand : SCOUT_NULL_NODE;
}

TSNode scout_defs_owner_class(const scout_walk *w)
{
	uint32_t up = 1;
	TSNode n = scout_walk_ancestor(w, up);

	if (scout_nodes_is(n, w->sym->decorated_definition))
		n = scout_walk_ancestor(w, ++up);
	if (!scout_nodes_is(n, w->sym->block))
		return SCOUT_NULL_NODE;
	n = scout_walk_ancestor(w, up + 1);
	return scout_nodes_is(n, w->sym->class_definition) ? n : SCOUT_NULL_NODE;
}

TSNode scout_defs_enclosing_function(const scout_walk *w, uint32_t from)
{
	TSSymbol t;
	TSNode scope = scout_walk_enclosing_scope(w, from, &t);

	return t == w->sym->function_definition ? scope : SCOUT_NULL_NODE;
}

TSNode scout_defs_body_method(const scout_walk *w, TSNode cls, const char *name, uint32_t len)
{
	TSNode body = scout_nodes_field(cls, w->sym->f_body);
	uint32_t count = ts_node_is_null(body) ? 0 : scout_node_named_child_count(body);

	for (uint32_t i = 0; i < count; i++) {
		TSNode d = scout_defs_undecorate(w, scout_node_named_child(body, i));

		if (scout_nodes_is(d, w->sym->function_definition) &&
		    scout_nodes_text_eq(scout_defs_name(w, d), w->src, name, len))
			return d;
	}
	return SCOUT_NULL_NODE;
}

void scout_defs_push_bases(const scout_walk *w, TSNode cls, TSNode *todo, size_t *ntodo)
{
	TSNode bases[SCOUT_DEFS_MAX_BASES];
	uint32_t n = scout_class_bases(w, cls, bases, SCOUT_DEFS_MAX_BASES);

	for (uint32_t i = n; i-- > 0;) {
		TSNode b = scout_module_class_of(w, bases[i]);

		if (!ts_node_is_null(b) && *ntodo < SCOUT_DEFS_MAX_CHAIN)
			todo[(*ntodo)++] = b;
	}
}

TSNode scout_defs_param_name(const scout_walk *w, TSNode p)
{
	TSSymbol t = ts_node_symbol(p);

	if (t == w->sym->identifier)
		return p;
	if (t == w->sym->typed_parameter)
		return scout_node_named_child_count(p) &&
		               ts_node_symbol(scout_node_named_child(p, 0)) == w->sym->identifier
		           ? scout_node_named_child(p, 0)
		           : SCOUT_NULL_NODE;
	if (t == w->sym->default_parameter || t == w->sym->typed_default_parameter)
		return scout_nodes_field(p, w->sym->f_name);
	return SCOUT_NULL_NODE;
}

uint32_t scout_defs_params_of(const scout_walk *w, TSNode def, TSNode *out, uint32_t cap)
{
	TSNode params = scout_nodes_field(def, w->sym->f_parameters);
	uint32_t count = ts_node_is_null(params) ? 0 : scout_node_named_child_count(params), n = 0;

	for (uint32_t i = 0; i < count && n < cap; i++) {
		TSNode p = scout_node_named_child(params, i);

		if (!ts_node_is_null(scout_defs_param_name(w, p)))
			out[n++] = p;
	}
	return n;
}

TSNode scout_defs_param_type(const scout_walk *w, TSNode p)
{
	TSNode t = scout_nodes_field(p, w->sym->f_type);

	if (scout_nodes_is(t, w->sym->type) && scout_node_named_child_count(t))
		t = scout_node_named_child(t, 0);
	return t;
}

TSNode scout_defs_assignment(const scout_walk *w, TSNode stmt)
{
	TSNode e;

	if (ts_node_symbol(stmt) != w->sym->expression_statement ||
	    !scout_node_named_child_count(stmt))
		return SCOUT_NULL_NODE;
	e = scout_node_named_child(stmt, 0);
	return ts_node_symbol(e) == w->sym->assignment ? e : SCOUT_NULL_NODE;
}

TSNode scout_defs_annotation_head(const scout_walk *w, TSNode assignment)
{
	TSNode type = scout_node_field(assignment, w->sym->f_type), e;

	if (ts_node_is_null(type) || !scout_node_named_child_count(type))
		return SCOUT_NULL_NODE;
	e = scout_node_named_child(type, 0);
	if (ts_node_symbol(e) == w->sym->subscript)
		return scout_node_field(e, w->sym->f_value);
	if (ts_node_symbol(e) == w->sym->generic_type)
		return scout_node_named_child(e, 0);
	return e;
}

bool scout_defs_annotation_is(const scout_walk *w, TSNode assignment, const char *const *names)
{
	TSNode head = scout_defs_annotation_head(w, assignment);

	return !ts_node_is_null(head) && scout_walk_is(w, head, names);
}

TSNode scout_defs_base_at(const scout_walk *w, TSNode class_def, uint32_t *i)
{
	const scout_symbols *s = w->sym;
	TSNode args = scout_node_field(class_def, s->f_superclasses);
	uint32_t count = ts_node_is_null(args) ? 0 : scout_node_named_child_count(args);

	while (*i < count) {
		TSNode b = scout_node_named_child(args, (*i)++);

		if (ts_node_symbol(b) != s->keyword_argument && ts_node_symbol(b) != s->comment)
			return b;
	}
	return SCOUT_NULL_NODE;
}

void scout_defs_report_class(scout_walk *w, const scout_rule *self, TSNode at, TSNode class_def,
                             const char *fmt)
{
	char message[256];
	const char *name;
	int n = scout_nodes_clip(scout_node_field(class_def, w->sym->f_name), w->src, &name);

	snprintf(message, sizeof(message), fmt, n, name);
	scout_walk_report(w, self, at, message, NULL);
}

bool scout_defs_opens_scope(const scout_walk *w, TSSymbol t)
{
	return t == w->sym->function_definition || t == w->sym->class_definition ||
	       t == w->sym->lambda || t == w->sym->list_comprehension ||
	       t == w->sym->set_comprehension || t == w->sym->dictionary_comprehension ||
	       t == w->sym->generator_expression;
}

bool scout_defs_holds_statements(const scout_walk *w, TSSymbol t)
{
	const scout_symbols *s = w->sym;

	return t == s->module || t == s->block || t == s->if_statement || t == s->elif_clause ||
	       t == s->else_clause || t == s->for_statement || t == s->while_statement ||
	       t == s->try_statement || t == s->except_clause || t == s->except_group_clause ||
	       t == s->finally_clause || t == s->with_statement || t == s->function_definition ||
	       t == s->class_definition || t == s->decorated_definition ||
	       t == s->match_statement || t == s->case_clause;
}

bool scout_defs_scan_body(const scout_walk *w, TSNode def, uint32_t limit, scout_defs_visit visit,
                          const void *arg)
{
	TSNode todo[SCAN_STACK];
	size_t ntodo = 0, visited = 0;
	TSNode body = scout_nodes_field(def, w->sym->f_body);

	if (ts_node_is_null(body))
		return false;
	todo[ntodo++] = body;
	while (ntodo && visited++ < MAX_SCAN) {
		TSNode n = todo[--ntodo];
		TSSymbol t = ts_node_symbol(n);
		uint32_t count;

		if (ts_node_start_byte(n) >= limit)
			continue;
		if (visit(w, n, arg))
			return true;
		if (t == w->sym->function_definition || t == w->sym->class_definition ||
		    t == w->sym->lambda)
			continue;
		count = scout_node_named_child_count(n);
		for (uint32_t i = count; i-- > 0 && ntodo < SCAN_STACK;)
			todo[ntodo++] = scout_node_named_child(n, i);
	}
	return false;
}

/* --- function type comments ------------------------------------------------- */

/* What this file memoises in the walk (scout/walk.h). */
static const scout_memo_tag memo_type_colon = {"the module's source: whether it holds \"type:\""};

/* Whether the module's source holds "type:" anywhere: without it no def
 * has a function type comment. Worked out once per module. */
static bool source_has_type_colon(const scout_walk *w)
{
	uint32_t v;

	if (!scout_walk_memo_get_key(w, w->src, 0, &memo_type_colon, &v)) {
		v = scout_mem_contains(w->src, w->len, "type:", 5);
		scout_walk_memo_put_key(w, w->src, 0, &memo_type_colon, v);
	}
	return v;
}

TSNode scout_defs_type_comment(const scout_walk *w, TSNode def)
{
	if (!source_has_type_colon(w))
		return SCOUT_NULL_NODE;
	return scout_type_comment_of(w, def);
}

bool scout_defs_unannotated(const scout_walk *w, TSNode def)
{
	const scout_symbols *s = w->sym;
	TSNode params = scout_node_field(def, s->f_parameters);
	uint32_t n = ts_node_is_null(params) ? 0 : scout_node_named_child_count(params);

	if (!ts_node_is_null(scout_node_field(def, s->f_return_type)))
		return false;
	for (uint32_t i = 0; i < n; i++) {
		TSNode p = scout_node_named_child(params, i);

		if (scout_nodes_is(p, s->typed_parameter) ||
		    scout_nodes_is(p, s->typed_default_parameter))
			return false;
	}
	return ts_node_is_null(scout_defs_type_comment(w, def));
}

bool scout_defs_at_module_level(const scout_walk *w, TSNode cls)
{
	TSNode parent = scout_node_parent(cls);

	if (scout_nodes_is(parent, w->sym->decorated_definition))
		parent = scout_node_parent(parent);
	return scout_nodes_is(parent, w->sym->module);
}
