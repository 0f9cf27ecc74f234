/* Local variables: bound methods cached in locals, which mypyc calls
 * generically (performance_tips_and_tricks.rst). Locals mypy types None are
 * none_locals.c's. */
#include "common/defs.h"
#include "common/docs.h"
#include "registry.h"

#include <stdio.h>
#include <string.h>

/* A call of the identifier `*arg` as the callee. */
static bool visit_call_of(const scout_walk *w, TSNode n, const void *arg)
{
	const TSNode *name = arg;
	TSNode fn;

	if (ts_node_symbol(n) != w->sym->call)
		return false;
	fn = scout_nodes_field(n, w->sym->f_function);
	return !ts_node_is_null(fn) && ts_node_symbol(fn) == w->sym->identifier &&
	       scout_nodes_same_text(w, fn, *name) &&
	       ts_node_start_byte(n) > ts_node_start_byte(*name);
}

/* True when the head identifier of an attribute chain is bound at module
 * level (an import, a module-level def or variable): such callables are
 * module functions or classes, not cached bound methods. */
static bool module_bound_head(const scout_walk *w, TSNode obj)
{
	char buf[256];
	uint32_t len;
	const char *text;

	while (ts_node_symbol(obj) == w->sym->attribute)
		obj = scout_nodes_field(obj, w->sym->f_object);
	if (ts_node_is_null(obj) || ts_node_symbol(obj) != w->sym->identifier)
		return false;
	text = scout_node_text(obj, w->src, &len);
	if (!scout_names_qualify(w->names, obj, w->src, buf, sizeof(buf)))
		return true;
	return !(scout_str_startswith(buf, "builtins.") && strlen(buf) == 9 + len &&
	         memcmp(buf + 9, text, len) == 0);
}

static void check_callable_values(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode def = scout_defs_enclosing_function(w, 1), left, right, obj;
	uint32_t len;
	const char *text;
	char needle[128], message[400];

	if (ts_node_is_null(def))
		return;
	left = scout_nodes_field(node, w->sym->f_left);
	right = scout_nodes_field(node, w->sym->f_right);
	if (ts_node_is_null(left) || ts_node_symbol(left) != w->sym->identifier ||
	    ts_node_is_null(right) || ts_node_symbol(right) != w->sym->attribute ||
	    !ts_node_is_null(scout_nodes_field(node, w->sym->f_type)))
		return;
	obj = scout_nodes_field(right, w->sym->f_object);
	if (ts_node_is_null(obj) || module_bound_head(w, obj))
		return;
	text = scout_node_text(left, w->src, &len);
	if (len + 2 > sizeof(needle))
		return;
	memcpy(needle, text, len);
	needle[len] = '(';
	needle[len + 1] = '\0';
	if (!scout_nodes_contains(w, def, needle, len + 1) ||
	    !scout_defs_scan_body(w, def, UINT32_MAX, visit_call_of, &left))
		return;
	snprintf(message, sizeof(message),
	         "%.*s caches %.*s and is called later: compiled code calls it through the "
	         "generic Python protocol instead of a direct native call",
	         SCOUT_TEXT_ARG(left, w->src), SCOUT_TEXT_ARG(right, w->src));
	scout_walk_report(w, self, node, message, NULL);
}

static const scout_rule rule_callable_values = {
    .id = "callable-values",
    .category = SCOUT_SLOW,
    .title = "bound method cached in a local and called",
    .why = "mypyc calls methods of known types directly, but a bound method held in a "
           "variable is called through the generic Python protocol (`append = out.append` "
           "undoes a CPython-only trick); seen: a local assigned `obj.attr` (obj not an "
           "imported module) and then called in the same function",
    .bad = "def collect(n: int) -> list[int]:\n    out: list[int] = []\n    append = "
           "out.append\n    for i in range(n):\n        append(i)\n    return out\n",
    .good = "def collect(n: int) -> list[int]:\n    out: list[int] = []\n    for i in "
            "range(n):\n        out.append(i)\n    return out\n",
    .fix = "call the method on the object directly (obj.method(...))",
    .docs = SCOUT_DOCS_PERF,
    .on = "assignment",
    .enter = check_callable_values};

SCOUT_FAMILY(scout_family_functions_locals, &rule_callable_values);
