/* Method signatures: overloads without an implementation, and overrides
 * that change a native int argument or add a default to one
 * (mypyc/irbuild/prepare.py, classdef.py; mypyc's override checks). */
#include "common/defs.h"
#include "common/docs.h"
#include "types/native_ints.h"
#include "registry.h"

#include <stdio.h>
#include <string.h>

static const char *const overload_names[] = {"typing.overload", "typing_extensions.overload", NULL};

static void check_overload_without_impl(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode body = scout_node_field(node, w->sym->f_body);
	uint32_t count = ts_node_is_null(body) ? 0 : scout_node_named_child_count(body);
	char message[256];

	for (uint32_t i = 0; i < count; i++) {
		TSNode stmt = scout_node_named_child(body, i), def = scout_defs_undecorate(w, stmt),
		       name;
		bool seen_before = false, has_impl = false;

		if (ts_node_symbol(stmt) != w->sym->decorated_definition ||
		    ts_node_symbol(def) != w->sym->function_definition ||
		    !scout_class_has_decorator(w, def, overload_names))
			continue;
		name = scout_defs_name(w, def);
		for (uint32_t j = 0; j < count && !seen_before && !has_impl; j++) {
			TSNode other = scout_defs_undecorate(w, scout_node_named_child(body, j));

			if (j == i || ts_node_symbol(other) != w->sym->function_definition ||
			    !scout_nodes_same_text(w, scout_defs_name(w, other), name))
				continue;
			if (!scout_class_has_decorator(w, other, overload_names))
				has_impl = j > i;
			else if (j < i)
				seen_before = true;
		}
		if (seen_before || has_impl)
			continue;
		snprintf(
		    message, sizeof(message),
		    "overloaded method %.*s of class %.*s has no implementation: mypyc reports "
		    "\"Overloads without implementation are not supported\"",
		    SCOUT_TEXT_ARG(name, w->src), SCOUT_TEXT_ARG(scout_defs_name(w, node), w->src));
		scout_walk_report(w, self, stmt, message, NULL);
	}
}

static const scout_rule rule_overload_without_impl = {
    .id = "overload-without-impl",
    .category = SCOUT_BLOCKER,
    .title = "@overload methods without an implementation",
    .why = "mypyc reports \"Overloads without implementation are not supported\" since "
           "1.16 and crashed (AssertionError) before, also in Protocols and abstract classes",
    .bad = "from typing import Protocol, overload\n\n\nclass P(Protocol):\n    @overload\n    "
           "def f(self, x: int) -> int: ...\n    @overload\n    def f(self, x: str) -> str: "
           "...\n",
    .good = "from typing import Protocol, Union, overload\n\n\nclass P(Protocol):\n    "
            "@overload\n    def f(self, x: int) -> int: ...\n    @overload\n    def f(self, "
            "x: str) -> str: ...\n    def f(self, x: Union[int, str]) -> Union[int, str]: "
            "...\n",
    .fix = "add the implementation after the @overload variants",
    .docs = SCOUT_DOCS_NATIVE,
    .on = "class_definition",
    .enter = check_overload_without_impl};

#define MAX_PARAMS 64

/* --- native int overrides ------------------------------------------------------ */

static void check_override_native_int(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode cls = scout_defs_method_class(w, node), name = scout_defs_name(w, node),
	       todo[SCOUT_DEFS_MAX_CHAIN];
	TSNode mine[MAX_PARAMS], theirs[MAX_PARAMS], base = SCOUT_NULL_NODE,
	                                             owner = SCOUT_NULL_NODE;
	size_t ntodo = 0, visited = 0;
	uint32_t nmine, ntheirs, len, skip;
	const char *text;
	char message[400];

	if (!scout_defs_is_native(w, cls) || ts_node_is_null(name))
		return;
	if (scout_node_text_is(name, w->src, "__init__") ||
	    scout_node_text_is(name, w->src, "__new__"))
		return;
	text = scout_node_text(name, w->src, &len);
	scout_defs_push_bases(w, cls, todo, &ntodo);
	while (ntodo && visited++ < SCOUT_DEFS_MAX_CHAIN && ts_node_is_null(base)) {
		TSNode c = todo[--ntodo];

		if (!scout_defs_is_native(w, c))
			continue;
		base = scout_defs_body_method(w, c, text, len);
		owner = c;
		if (ts_node_is_null(base))
			scout_defs_push_bases(w, c, todo, &ntodo);
	}
	if (ts_node_is_null(base))
		return;
	skip = scout_defs_is_staticmethod(w, node) ? 0 : 1;
	nmine = scout_defs_params_of(w, node, mine, MAX_PARAMS);
	ntheirs = scout_defs_params_of(w, base, theirs, MAX_PARAMS);
	for (uint32_t i = skip; i < nmine && i < ntheirs; i++) {
		TSNode tm = scout_defs_param_type(w, mine[i]),
		       tt = scout_defs_param_type(w, theirs[i]);
		const char *nm, *nt;

		if (ts_node_is_null(tm) || ts_node_is_null(tt))
			continue;
		nm = scout_native_int_of(w, tm);
		nt = scout_native_int_of(w, tt);
		if ((!nm && !nt) || (nm && nt && strcmp(nm, nt) == 0))
			continue;
		snprintf(message, sizeof(message),
		         "argument %.*s of %.*s is %.*s but %.*s.%.*s has %.*s: mypyc reports "
		         "\"Incompatible argument type \\\"%.*s\\\" (base class has type "
		         "\\\"%.*s\\\")\"",
		         SCOUT_TEXT_ARG(scout_defs_param_name(w, mine[i]), w->src),
		         SCOUT_TEXT_ARG(name, w->src), SCOUT_TEXT_ARG(tm, w->src),
		         SCOUT_TEXT_ARG(scout_defs_name(w, owner), w->src),
		         SCOUT_TEXT_ARG(name, w->src), SCOUT_TEXT_ARG(tt, w->src),
		         SCOUT_TEXT_ARG(tm, w->src), SCOUT_TEXT_ARG(tt, w->src));
		scout_walk_report(w, self, tm, message, NULL);
	}
}

static const scout_rule rule_override_native_int_type = {
    .id = "override-native-int-type",
    .category = SCOUT_BLOCKER,
    .title = "method override changes an argument to or from a native int type",
    .why = "mypyc reports \"Incompatible argument type \"{sub}\" (base class has type "
           "\"{base}\")\"; bases of the same module only, arguments compared by position",
    .bad = "from mypy_extensions import i64\n\n\nclass A:\n    def f(self, x: i64) -> None:\n"
           "        pass\n\n\nclass B(A):\n    def f(self, x: int) -> None:\n        pass\n",
    .good = "from mypy_extensions import i64\n\n\nclass A:\n    def f(self, x: i64) -> "
            "None:\n        pass\n\n\nclass B(A):\n    def f(self, x: i64) -> None:\n"
            "        pass\n",
    .fix = "give the override's argument exactly the base method's native int type",
    .docs = SCOUT_DOCS_TYPES,
    .since = SCOUT_V(0, 990, 0),
    .on = "function_definition",
    .enter = check_override_native_int};

static const scout_rule rule_override_native_int_default = {
    .id = "override-native-int-default",
    .category = SCOUT_BLOCKER,
    .title = "method override adds a default to a native int (or float) argument",
    .why = "mypyc reports \"An argument with type \\\"{type}\\\" cannot be given a default "
           "value in a method override\"",
    .bad = "class A:\n    def f(self, x: i64) -> None: ...\n\nclass B(A):\n    def f(self, "
           "x: i64 = 0) -> None: ...\n",
    .good = "class A:\n    def f(self, x: i64 = 0) -> None: ...\n\nclass B(A):\n    def "
            "f(self, x: i64 = 0) -> None: ...\n",
    .fix = "give the base method's argument the same default, or drop it from the override",
    .docs = SCOUT_DOCS_TYPES,
    .since = SCOUT_V(0, 990, 0),
    .advisory = true};

SCOUT_FAMILY(scout_family_methods_signatures, &rule_overload_without_impl,
             &rule_override_native_int_type, &rule_override_native_int_default);
