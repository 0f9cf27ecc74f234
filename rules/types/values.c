/* Values: what compiled code does differently with the values it unboxes
 * or checks -- casts checked at run time, identity of ints, floats and
 * tuples, bools stored as ints, bytes strictness (differences_from_python.rst,
 * using_type_annotations.rst). */
#include "common/defs.h"
#include "common/docs.h"
#include "registry.h"

#include <stdio.h>

static const char *const cast_names[] = {"typing.cast", "typing_extensions.cast", NULL};

static const char *const *const cast_callees[] = {cast_names, NULL};

static const char *const unchecked_types[] = {"typing.Any", "typing_extensions.Any",
                                              "builtins.object", NULL};

static void check_cast(scout_walk *w, TSNode node, const scout_rule *self)
{
	const scout_symbols *s = w->sym;
	TSNode callee = scout_node_field(node, s->f_function);
	TSNode args = scout_node_field(node, s->f_arguments);
	TSNode type;
	char message[320];
	const char *text;
	int n;

	if (!scout_nodes_is(args, s->argument_list) || !scout_walk_is(w, callee, cast_names))
		return;
	type = scout_nodes_argument_at(w, args, 0);
	if (ts_node_is_null(type) || scout_nodes_is(type, s->keyword_argument) ||
	    scout_walk_is(w, type, unchecked_types))
		return;
	n = scout_nodes_clip_line(type, w->src, &text);
	snprintf(message, sizeof(message),
	         "cast(%.*s, ...) is checked at run time in compiled code: a value of another "
	         "type raises TypeError instead of passing through",
	         n, text);
	scout_walk_report(w, self, node, message, NULL);
}

static const scout_rule rule_runtime_type_checks = {
    .id = "runtime-type-checks",
    .category = SCOUT_BEHAVIOUR,
    .title = "cast() is checked at run time",
    .why = "compiled code checks values against their declared types; a cast() that lies "
           "raises TypeError (e.g. \"str object expected; got int\") where CPython passes "
           "the value through",
    .bad = "from typing import cast\n\ndef f(x: object) -> str:\n    return cast(str, x)\n",
    .good = "def f(x: object) -> str:\n    if not isinstance(x, str):\n        raise "
            "TypeError(x)\n    return x\n",
    .fix = "make the cast true (check with isinstance first), or cast to object/Any",
    .docs = SCOUT_DOCS_DIFF,
    .on = "call",
    .enter = check_cast,
    .callees = cast_callees};

static bool is_value_literal(const scout_walk *w, TSNode n)
{
	const scout_symbols *s = w->sym;

	if (scout_nodes_is(n, s->unary_operator))
		n = scout_node_field(n, s->f_argument);
	return scout_nodes_is(n, s->integer) || scout_nodes_is(n, w->sym->float_) ||
	       scout_nodes_is(n, w->sym->tuple);
}

static void check_identity(scout_walk *w, TSNode node, const scout_rule *self)
{
	uint32_t count = scout_node_child_count(node);
	TSNode prev = SCOUT_NULL_NODE;

	for (uint32_t i = 0; i < count; i++) {
		TSNode c = scout_node_child(node, i);
		TSSymbol t = ts_node_symbol(c);
		const char *op = t == w->sym->op_is ? "is" : "is not";
		TSNode next;
		char message[320];
		const char *text;
		int n;

		if (ts_node_is_named(c)) {
			prev = c;
			continue;
		}
		if (t != w->sym->op_is && t != w->sym->op_is_not)
			continue;
		next = i + 1 < count ? scout_node_child(node, i + 1) : SCOUT_NULL_NODE;
		if (is_value_literal(w, next))
			prev = next;
		else if (!is_value_literal(w, prev))
			continue;
		n = scout_nodes_clip_line(prev, w->src, &text);
		snprintf(
		    message, sizeof(message),
		    "`%s` compares identity with %.*s: mypyc unboxes ints, floats and tuples, so "
		    "identity is not preserved",
		    op, n, text);
		scout_walk_report(w, self, node, message, NULL);
		return;
	}
}

static const scout_rule rule_value_type_identity = {
    .id = "value-type-identity",
    .category = SCOUT_BEHAVIOUR,
    .title = "`is` with an int, float or tuple",
    .why = "mypyc stores ints, floats and fixed-length tuples unboxed, so object identity "
           "is not preserved",
    .bad = "def is_origin(p: tuple[int, int]) -> bool:\n    return p is (0, 0)\n",
    .good = "def is_origin(p: tuple[int, int]) -> bool:\n    return p == (0, 0)\n",
    .fix = "compare values with == / != instead of is / is not",
    .docs = SCOUT_DOCS_DIFF,
    .on = "comparison_operator",
    .enter = check_identity};

static const scout_rule rule_int_bool_coercion = {
    .id = "int-bool-coercion",
    .category = SCOUT_BEHAVIOUR,
    .title = "bool values stored in int-typed slots become plain ints",
    .why = "native int slots hold the value, not the bool object: first_int([True]) returns 1",
    .bad = "def first(xs: list[int]) -> int:\n    return xs[0]\n\nfirst([True])  # 1 "
           "compiled\n",
    .good = "def first(xs: list[bool]) -> bool:\n    return xs[0]\n",
    .fix = "annotate values that may be bool as bool (or int | bool)",
    .docs = SCOUT_DOCS_DIFF,
    .advisory = true};

static const scout_rule rule_strict_bytes_implicit = {
    .id = "strict-bytes-implicit",
    .category = SCOUT_BLOCKER,
    .title = "bytearray or memoryview passed where bytes is annotated",
    .why = "mypyc forces --strict-bytes, so mypy reports e.g. 'Argument 1 to \"f\" has "
           "incompatible type \"bytearray\"; expected \"bytes\"  [arg-type]'",
    .bad = "def f(b: bytes) -> int:\n    return len(b)\n\nf(bytearray(b\"x\"))\n",
    .good = "def f(b: bytes) -> int:\n    return len(b)\n\nf(bytes(bytearray(b\"x\")))\n",
    .fix = "annotate the parameter bytes | bytearray | memoryview, or convert with bytes()",
    .docs = SCOUT_DOCS_TYPES,
    .since = SCOUT_V(1, 20, 0),
    .advisory = true};

SCOUT_FAMILY(scout_family_types_values, &rule_runtime_type_checks, &rule_value_type_identity,
             &rule_int_bool_coercion, &rule_strict_bytes_implicit);
