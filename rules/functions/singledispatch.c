/* functools.singledispatch: the decorator orders and nestings mypyc
 * rejects (mypyc/irbuild/prepare.py, function.py). */
#include "common/defs.h"
#include "common/docs.h"
#include "registry.h"

#include <stdio.h>

static bool has_function_ancestor(const scout_walk *w, uint32_t from)
{
	for (uint32_t up = from; up < w->depth; up++)
		if (scout_walk_ancestor_symbol(w, up) == w->sym->function_definition)
			return true;
	return false;
}

static const char *const singledispatch_names[] = {"functools.singledispatch", NULL};

/* True when `block` (a module or block) directly holds a decorated
 * singledispatch def named like `name`, before `before`. */
static bool holds_singledispatch(const scout_walk *w, TSNode block, TSNode name, TSNode before)
{
	uint32_t count = ts_node_is_null(block) ? 0 : scout_node_named_child_count(block);

	for (uint32_t i = 0; i < count; i++) {
		TSNode c = scout_node_named_child(block, i), def;

		if (ts_node_start_byte(c) >= ts_node_start_byte(before))
			break;
		if (ts_node_symbol(c) != w->sym->decorated_definition)
			continue;
		def = scout_node_field(c, w->sym->f_definition);
		if (ts_node_symbol(def) == w->sym->function_definition &&
		    scout_nodes_same_text(w, scout_defs_name(w, def), name) &&
		    scout_class_has_decorator(w, def, singledispatch_names))
			return true;
	}
	return false;
}

/* True when `decorator` is `@f.register` / `@f.register(T)` for a
 * singledispatch function f of this module (module level, or a sibling
 * definition in the same block). */
static bool is_register(const scout_walk *w, TSNode decorator, TSNode decorated)
{
	TSNode e = scout_defs_decorator_callee(w, decorator), obj;

	if (ts_node_symbol(e) != w->sym->attribute ||
	    !scout_node_text_is(scout_node_field(e, w->sym->f_attribute), w->src, "register"))
		return false;
	obj = scout_node_field(e, w->sym->f_object);
	if (ts_node_symbol(obj) != w->sym->identifier)
		return false;
	return holds_singledispatch(w, w->stack[0], obj, decorated) ||
	       holds_singledispatch(w, scout_node_parent(decorated), obj, decorated);
}

static void check_decorator_after_register(scout_walk *w, TSNode node, const scout_rule *self)
{
	uint32_t count = scout_node_named_child_count(node);
	TSNode last_other = SCOUT_NULL_NODE;
	char message[256];

	for (uint32_t i = 0; i < count; i++) {
		TSNode d = scout_node_named_child(node, i);

		if (ts_node_symbol(d) != w->sym->decorator)
			continue;
		if (!is_register(w, d, node)) {
			last_other = d;
			continue;
		}
		if (ts_node_is_null(last_other))
			continue;
		snprintf(message, sizeof(message),
		         "decorator %.*s is applied after %.*s: mypyc reports \"Calling decorator "
		         "after registering function not supported\"",
		         SCOUT_TEXT_ARG(last_other, w->src), SCOUT_TEXT_ARG(d, w->src));
		scout_walk_report(w, self, last_other, message, NULL);
		return;
	}
}

static const scout_rule rule_singledispatch_decorator_after_register = {
    .id = "singledispatch-decorator-after-register",
    .category = SCOUT_BLOCKER,
    .title = "decorator above @f.register on a singledispatch implementation",
    .why = "mypyc reports \"Calling decorator after registering function not supported\"",
    .bad = "@singledispatch\ndef show(arg: object) -> str:\n    return "
           "\"?\"\n\n@trace\n@show.register\ndef _(arg: int) -> str:\n    return \"int\"\n",
    .good = "@singledispatch\ndef show(arg: object) -> str:\n    return "
            "\"?\"\n\n@show.register\n@trace\ndef _(arg: int) -> str:\n    return \"int\"\n",
    .fix = "put @f.register outermost (above the other decorators)",
    .docs = SCOUT_DOCS_DIFF,
    .since = SCOUT_V(0, 920, 0),
    .on = "decorated_definition",
    .enter = check_decorator_after_register};

static void check_singledispatch_nested(scout_walk *w, TSNode node, const scout_rule *self)
{
	uint32_t count = scout_node_named_child_count(node);
	TSNode def = scout_node_field(node, w->sym->f_definition);
	char message[256];

	if (ts_node_symbol(def) != w->sym->function_definition || !has_function_ancestor(w, 1))
		return;
	for (uint32_t i = 0; i < count; i++) {
		TSNode d = scout_node_named_child(node, i);

		if (ts_node_symbol(d) != w->sym->decorator ||
		    !scout_walk_is(w, scout_defs_decorator_callee(w, d), singledispatch_names))
			continue;
		snprintf(
		    message, sizeof(message),
		    "singledispatch function %.*s is nested in another function: mypyc reports "
		    "\"Nested singledispatch functions not supported\"",
		    SCOUT_TEXT_ARG(scout_defs_name(w, def), w->src));
		scout_walk_report(w, self, d, message, NULL);
	}
}

static const scout_rule rule_singledispatch_nested = {
    .id = "singledispatch-nested",
    .category = SCOUT_BLOCKER,
    .title = "@singledispatch on a nested function",
    .why = "mypyc reports \"Nested singledispatch functions not supported\" (since 1.18.1; "
           "older mypyc crashed with KeyError)",
    .bad = "def outer() -> None:\n    @singledispatch\n    def inner(arg: object) -> None:\n  "
           "      pass\n",
    .good = "@singledispatch\ndef inner(arg: object) -> None:\n    pass\n\ndef outer() -> "
            "None:\n    inner(1)\n",
    .fix = "define the singledispatch function at module level",
    .docs = SCOUT_DOCS_DIFF,
    .on = "decorated_definition",
    .enter = check_singledispatch_nested};

static void check_register_nested(scout_walk *w, TSNode node, const scout_rule *self)
{
	uint32_t count = scout_node_named_child_count(node);
	char message[256];

	if (!has_function_ancestor(w, 1))
		return;
	for (uint32_t i = 0; i < count; i++) {
		TSNode d = scout_node_named_child(node, i);

		if (ts_node_symbol(d) != w->sym->decorator || !is_register(w, d, node))
			continue;
		snprintf(message, sizeof(message),
		         "%.*s registers a nested function: mypyc reports \"Registering nested "
		         "functions not supported\"",
		         SCOUT_TEXT_ARG(d, w->src));
		scout_walk_report(w, self, d, message, NULL);
	}
}

static const scout_rule rule_singledispatch_register_nested = {
    .id = "singledispatch-register-nested",
    .category = SCOUT_BLOCKER,
    .title = "@f.register on a nested function",
    .why = "mypyc reports \"Registering nested functions not supported\" (since 1.18.1; "
           "older mypyc crashed with KeyError)",
    .bad = "@singledispatch\ndef f(arg: object) -> str:\n    return \"object\"\n\ndef outer() "
           "-> None:\n    @f.register\n    def _(arg: int) -> str:\n        return \"int\"\n",
    .good = "@singledispatch\ndef f(arg: object) -> str:\n    return "
            "\"object\"\n\n@f.register\ndef _(arg: int) -> str:\n    return \"int\"\n",
    .fix = "register the implementation at module level",
    .docs = SCOUT_DOCS_DIFF,
    .on = "decorated_definition",
    .enter = check_register_nested};

SCOUT_FAMILY(scout_family_functions_singledispatch, &rule_singledispatch_decorator_after_register,
             &rule_singledispatch_nested, &rule_singledispatch_register_nested);
