/* The first argument of classmethods and __new__: mypyc does not support
 * assigning to it (mypyc/irbuild/builder.py, statement.py). */
#include "common/defs.h"
#include "common/typing_names.h"
#include "common/docs.h"
#include "registry.h"

#include <stdio.h>

/* Nodes pending in one function-body scan (deeper nesting is skipped). */
#define SCAN_STACK 512

/* The first parameter's name node of `def`, or null. */
static TSNode first_parameter(const scout_walk *w, TSNode def)
{
	TSNode params = scout_node_field(def, w->sym->f_parameters);
	uint32_t count = ts_node_is_null(params) ? 0 : scout_node_named_child_count(params);

	for (uint32_t i = 0; i < count; i++) {
		TSNode p = scout_node_named_child(params, i);
		TSSymbol t = ts_node_symbol(p);

		if (t == w->sym->comment)
			continue;
		if (t == w->sym->identifier)
			return p;
		if (t == w->sym->typed_parameter) {
			TSNode id = scout_node_named_child(p, 0); /* or *args: the splat */

			return ts_node_symbol(id) == w->sym->identifier ? id : SCOUT_NULL_NODE;
		}
		if (t == w->sym->default_parameter || t == w->sym->typed_default_parameter)
			return scout_defs_name(w, p);
		return SCOUT_NULL_NODE; /* *args, /, * first: no cls */
	}
	return SCOUT_NULL_NODE;
}

static bool opens_scope(const scout_walk *w, TSNode n)
{
	return scout_defs_opens_scope(w, ts_node_symbol(n));
}

/* The node that binds names when `n` is an assignment target of some kind
 * (for mypyc's get_assignment_target): assignment left sides (all == true:
 * also augmented assignments, for/with/except/walrus targets). */
static bool binds(const scout_walk *w, TSNode parent, TSNode child, bool all)
{
	TSSymbol pt = ts_node_symbol(parent);

	if (pt == w->sym->assignment)
		return ts_node_eq(scout_node_field(parent, w->sym->f_left), child);
	if (!all)
		return false;
	if (pt == w->sym->augmented_assignment || pt == w->sym->for_statement)
		return ts_node_eq(scout_node_field(parent, w->sym->f_left), child);
	if (scout_nodes_is(parent, w->sym->named_expression))
		return ts_node_eq(scout_node_field(parent, w->sym->f_name), child);
	return scout_nodes_is(parent, w->sym->as_pattern_target);
}

/* Identifiers named like `name` inside the target `target` (through tuple
 * and list targets; starred ones too when `starred`). Reports each. */
static void report_target(scout_walk *w, TSNode target, TSNode name, bool starred,
                          const scout_rule *self, const char *message)
{
	TSNode todo[32];
	size_t ntodo = 0;

	todo[ntodo++] = target;
	while (ntodo) {
		TSNode n = todo[--ntodo];
		TSSymbol t = ts_node_symbol(n);
		uint32_t count;

		if (t == w->sym->identifier) {
			if (scout_nodes_same_text(w, n, name))
				scout_walk_report(w, self, n, message, NULL);
			continue;
		}
		if (t == w->sym->list_splat_pattern || scout_nodes_is(n, w->sym->list_splat)) {
			if (!starred)
				continue;
		} else if (!(scout_nodes_is(n, w->sym->pattern_list) ||
		             t == w->sym->tuple_pattern ||
		             scout_nodes_is(n, w->sym->list_pattern) ||
		             scout_nodes_is(n, w->sym->tuple) || scout_nodes_is(n, w->sym->list) ||
		             scout_nodes_is(n, w->sym->parenthesized_expression) ||
		             scout_nodes_is(n, w->sym->as_pattern_target))) {
			continue;
		}
		count = scout_node_named_child_count(n);
		for (uint32_t i = count; i-- > 0 && ntodo < 32;)
			todo[ntodo++] = scout_node_named_child(n, i);
	}
}

/* Scans the body of `def` (not nested scopes) for targets binding the name
 * of `param`. */
static void scan_param_assignments(scout_walk *w, TSNode def, TSNode param, bool all,
                                   const scout_rule *self, const char *message)
{
	TSNode body = scout_node_field(def, w->sym->f_body), todo[SCAN_STACK];
	size_t ntodo = 0;

	if (ts_node_is_null(body))
		return;
	todo[ntodo++] = body;
	while (ntodo) {
		TSNode n = todo[--ntodo];
		uint32_t count = scout_node_named_child_count(n);

		for (uint32_t i = count; i-- > 0;) {
			TSNode c = scout_node_named_child(n, i);

			if (binds(w, n, c, all)) {
				report_target(w, c, param, all, self, message);
				continue;
			}
			if (!opens_scope(w, c) && scout_node_named_child_count(c) &&
			    ntodo < SCAN_STACK)
				todo[ntodo++] = c;
		}
	}
}

static bool is_classmethod(const scout_walk *w, TSNode def)
{
	TSNode name = scout_defs_name(w, def);

	/* implicit classmethods (mypy/semanal.py prepare_method_signature) */
	if (scout_node_text_is(name, w->src, "__init_subclass__") ||
	    scout_node_text_is(name, w->src, "__class_getitem__"))
		return true;
	return scout_class_has_decorator(w, def, scout_classmethod_names);
}

static void check_classmethod_cls_assign(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode param;
	char message[256];

	if (ts_node_is_null(scout_defs_method_class(w, node)) || !is_classmethod(w, node))
		return;
	param = first_parameter(w, node);
	if (ts_node_is_null(param))
		return;
	snprintf(message, sizeof(message),
	         "assignment to %.*s, the first argument of classmethod %.*s: mypyc reports "
	         "\"Cannot assign to the first argument of classmethod\"",
	         SCOUT_TEXT_ARG(param, w->src), SCOUT_TEXT_ARG(scout_defs_name(w, node), w->src));
	scan_param_assignments(w, node, param, true, self, message);
}

static const scout_rule rule_classmethod_cls_assign = {
    .id = "classmethod-cls-assign",
    .category = SCOUT_BLOCKER,
    .title = "assignment to the cls argument of a classmethod",
    .why = "mypyc reports \"Cannot assign to the first argument of classmethod\"",
    .bad = "class C:\n    @classmethod\n    def make(cls) -> None:\n        cls = other_class()\n",
    .good = "class C:\n    @classmethod\n    def make(cls) -> None:\n        target = "
            "other_class()\n",
    .fix = "assign to a new local name instead of cls",
    .docs = SCOUT_DOCS_DIFF,
    .since = SCOUT_V(1, 2, 0),
    .on = "function_definition",
    .enter = check_classmethod_cls_assign};

static void check_new_cls_assign(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode cls = scout_defs_method_class(w, node), param;
	char message[256];

	if (ts_node_is_null(cls) ||
	    !scout_node_text_is(scout_defs_name(w, node), w->src, "__new__") ||
	    scout_class_kind_of(w, cls) != SCOUT_CLASS_NATIVE)
		return;
	param = first_parameter(w, node);
	if (ts_node_is_null(param))
		return;
	snprintf(message, sizeof(message),
	         "assignment to %.*s, the first argument of __new__: mypyc reports \"Assignment to "
	         "argument \"%.*s\" in \"__new__\" method unsupported\"",
	         SCOUT_TEXT_ARG(param, w->src), SCOUT_TEXT_ARG(param, w->src));
	scan_param_assignments(w, node, param, false, self, message);
}

static const scout_rule rule_new_cls_assign = {
    .id = "new-cls-assign",
    .category = SCOUT_BLOCKER,
    .title = "assignment to the cls argument of __new__",
    .why = "mypyc reports \"Assignment to argument \"cls\" in \"__new__\" method "
           "unsupported\" (it would break its lowering of object.__new__ calls)",
    .bad = "class C:\n    def __new__(cls) -> \"C\":\n        cls = C\n        return "
           "object.__new__(cls)\n",
    .good = "class C:\n    def __new__(cls) -> \"C\":\n        return object.__new__(cls)\n",
    .fix = "assign to a new local name instead of the first argument of __new__",
    .docs = SCOUT_DOCS_NATIVE,
    .since = SCOUT_V(1, 19, 0),
    .on = "function_definition",
    .enter = check_new_cls_assign};

SCOUT_FAMILY(scout_family_methods_first_argument, &rule_classmethod_cls_assign,
             &rule_new_cls_assign);
