/* Native ints and floats: int values stored in float slots, and int
 * literals out of a native int type's range. Types are taken only from what
 * the function shows: literals, annotations of its parameters and locals,
 * and the class body of `self` (using_type_annotations.rst). */
#include "common/defs.h"
#include "common/docs.h"
#include "types/native_ints.h"
#include "registry.h"

#include <stdio.h>
#include <string.h>

#define MAX_PARAMS 64

static const char *const float_names[] = {"builtins.float", NULL};

static const char *const int_names[] = {"builtins.int", NULL};

static const char *const int_returning[] = {"builtins.len", "builtins.int", "builtins.ord", NULL};

/* The expression of a `type` node (or the node itself). */
static TSNode type_expr(const scout_walk *w, TSNode t)
{
	if (!ts_node_is_null(t) && ts_node_symbol(t) == w->sym->type &&
	    scout_node_named_child_count(t))
		return scout_node_named_child(t, 0);
	return t;
}

const char *scout_native_int_of(const scout_walk *w, TSNode annotation)
{
	static const char *const names[][2] = {{"mypy_extensions.i64", "i64"},
	                                       {"mypy_extensions.i32", "i32"},
	                                       {"mypy_extensions.i16", "i16"},
	                                       {"mypy_extensions.u8", "u8"}};
	char buf[128];
	TSNode e = type_expr(w, annotation);

	if (ts_node_is_null(e) || !scout_names_qualify(w->names, e, w->src, buf, sizeof(buf)))
		return NULL;
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (strcmp(buf, names[i][0]) == 0)
			return names[i][1];
	return NULL;
}

/* The annotation of def's parameter named like `name`, or null. */
static TSNode param_annotation(const scout_walk *w, TSNode def, TSNode name)
{
	TSNode params = scout_nodes_field(def, w->sym->f_parameters);
	uint32_t count = ts_node_is_null(params) ? 0 : scout_node_named_child_count(params);

	for (uint32_t i = 0; i < count && i < MAX_PARAMS; i++) {
		TSNode p = scout_node_named_child(params, i), n = scout_defs_param_name(w, p);

		if (!ts_node_is_null(n) && scout_nodes_same_text(w, n, name))
			return type_expr(w, scout_nodes_field(p, w->sym->f_type));
	}
	return SCOUT_NULL_NODE;
}

/* --- float-int-assign ---------------------------------------------------------- */

static bool annotation_is_float(const scout_walk *w, TSNode t)
{
	t = type_expr(w, t);
	return !ts_node_is_null(t) && scout_walk_is(w, t, float_names);
}

/* An annotated declaration `name: float` in the body (before the limit). */
static bool visit_float_decl(const scout_walk *w, TSNode n, const void *arg)
{
	const TSNode *name = arg;

	return ts_node_symbol(n) == w->sym->assignment &&
	       scout_nodes_same_text(w, scout_nodes_field(n, w->sym->f_left), *name) &&
	       annotation_is_float(w, scout_nodes_field(n, w->sym->f_type));
}

/* True when `value` certainly has type int: an int literal (also negated),
 * len()/int()/ord(), or a parameter of def annotated int. */
static bool is_int_value(const scout_walk *w, TSNode def, TSNode value)
{
	TSSymbol t;

	if (ts_node_is_null(value))
		return false;
	t = ts_node_symbol(value);
	if (t == w->sym->integer)
		return true;
	if (scout_nodes_is(value, w->sym->unary_operator) &&
	    scout_node_named_child_count(value) == 1 &&
	    ts_node_symbol(scout_node_named_child(value, 0)) == w->sym->integer)
		return !scout_nodes_contains(w, value, "~", 1);
	if (t == w->sym->call)
		return scout_walk_is(w, scout_nodes_field(value, w->sym->f_function),
		                     int_returning);
	if (t == w->sym->identifier) {
		TSNode a = param_annotation(w, def, value);

		return !ts_node_is_null(a) && scout_walk_is(w, a, int_names);
	}
	return false;
}

/* The class-body annotation `attr: float` of a native class. */
static bool class_declares_float(const scout_walk *w, TSNode cls, TSNode attr)
{
	TSNode body = scout_nodes_field(cls, w->sym->f_body);
	uint32_t count = ts_node_is_null(body) ? 0 : scout_node_named_child_count(body);

	for (uint32_t i = 0; i < count; i++) {
		TSNode s = scout_node_named_child(body, i), a;

		if (ts_node_symbol(s) != w->sym->expression_statement ||
		    !scout_node_named_child_count(s))
			continue;
		a = scout_node_named_child(s, 0);
		if (ts_node_symbol(a) == w->sym->assignment &&
		    scout_nodes_same_text(w, scout_nodes_field(a, w->sym->f_left), attr) &&
		    annotation_is_float(w, scout_nodes_field(a, w->sym->f_type)))
			return true;
	}
	return false;
}

/* `self.attr` in a plain method of a native class: the class, else null. */
static TSNode self_attribute_class(const scout_walk *w, TSNode def, TSNode left)
{
	TSNode obj = scout_nodes_field(left, w->sym->f_object), params, first, cls;

	if (ts_node_is_null(obj) || ts_node_symbol(obj) != w->sym->identifier)
		return SCOUT_NULL_NODE;
	params = scout_nodes_field(def, w->sym->f_parameters);
	if (ts_node_is_null(params) || !scout_node_named_child_count(params))
		return SCOUT_NULL_NODE;
	first = scout_defs_param_name(w, scout_node_named_child(params, 0));
	cls = scout_defs_method_class(w, def);
	if (ts_node_is_null(first) || ts_node_is_null(cls) ||
	    !scout_nodes_same_text(w, first, obj) ||
	    scout_class_kind_of(w, cls) != SCOUT_CLASS_NATIVE)
		return SCOUT_NULL_NODE;
	return cls;
}

static void check_float_int_assign(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode def = scout_defs_enclosing_function(w, 1), left, right, type, cls;
	bool declared = false;
	char message[400];

	if (ts_node_is_null(def))
		return;
	left = scout_nodes_field(node, w->sym->f_left);
	right = scout_nodes_field(node, w->sym->f_right);
	type = scout_nodes_field(node, w->sym->f_type);
	if (ts_node_is_null(left) || !is_int_value(w, def, right))
		return;
	if (ts_node_symbol(left) == w->sym->attribute) {
		cls = self_attribute_class(w, def, left);
		if (ts_node_is_null(cls))
			return;
		declared =
		    ts_node_is_null(type)
		        ? class_declares_float(w, cls, scout_nodes_field(left, w->sym->f_attribute))
		        : annotation_is_float(w, type);
	} else if (ts_node_symbol(left) == w->sym->identifier) {
		if (!ts_node_is_null(type))
			declared = annotation_is_float(w, type);
		else
			declared = annotation_is_float(w, param_annotation(w, def, left)) ||
			           (scout_nodes_contains(w, def, "float", 5) &&
			            scout_defs_scan_body(w, def, ts_node_start_byte(node),
			                                 visit_float_decl, &left));
	}
	if (!declared)
		return;
	snprintf(message, sizeof(message),
	         "%.*s is declared float but is assigned the int %.*s: mypyc reports "
	         "\"Incompatible value representations in assignment (expression has type "
	         "\\\"int\\\", variable has type \\\"float\\\")\"",
	         SCOUT_TEXT_ARG(left, w->src), SCOUT_TEXT_ARG(right, w->src));
	scout_walk_report(w, self, node, message, NULL);
}

static const scout_rule rule_float_int_assign = {
    .id = "float-int-assign",
    .category = SCOUT_BLOCKER,
    .title = "int value assigned to a float variable or attribute in a function",
    .why = "mypyc reports \"Incompatible value representations in assignment (expression "
           "has type \"int\", variable has type \"float\")\" (1.2+); seen: int literals and "
           "int-annotated parameters assigned to locals, parameters and self attributes "
           "annotated float in the same function or class; other int-typed values need "
           "types",
    .bad = "def f(n: int) -> float:\n    x: float = 0\n    x = n\n    return x\n",
    .good = "def f(n: int) -> float:\n    x: float = 0.0\n    x = float(n)\n    return x\n",
    .fix = "write a float literal (0.0) or convert with float(...)",
    .docs = SCOUT_DOCS_TYPES,
    .since = SCOUT_V(1, 2, 0),
    .on = "assignment",
    .enter = check_float_int_assign};

/* --- native-int-out-of-range ---------------------------------------------------- */

/* The value of an int literal; false when it does not fit 64 bits. */
static bool literal_value(const char *text, uint32_t len, unsigned long long *out)
{
	unsigned long long v = 0;
	unsigned base = 10;
	uint32_t i = 0;

	if (len > 2 && text[0] == '0') {
		char c = (char)(text[1] | 0x20);

		base = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 10;
		if (base != 10)
			i = 2;
	}
	for (; i < len; i++) {
		char c = text[i];
		unsigned d;

		if (c == '_')
			continue;
		if (c >= '0' && c <= '9')
			d = (unsigned)(c - '0');
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			d = (unsigned)((c | 0x20) - 'a' + 10);
		else
			return false; /* 1j, 1e3: not an int */
		if (d >= base || v > (~0ULL - d) / base)
			return false;
		v = v * base + d;
	}
	*out = v;
	return true;
}

static bool in_range(const char *type, bool negative, bool fits, unsigned long long v)
{
	unsigned long long max_pos, max_neg;

	if (!fits)
		return false;
	if (strcmp(type, "u8") == 0)
		return !negative ? v <= 255 : v == 0;
	if (strcmp(type, "i16") == 0)
		max_pos = 32767ULL;
	else if (strcmp(type, "i32") == 0)
		max_pos = 2147483647ULL;
	else
		max_pos = 9223372036854775807ULL;
	max_neg = max_pos + 1;
	return negative ? v <= max_neg : v <= max_pos;
}

/* The native int type the literal expression `expr` is converted to, from
 * its context, or NULL. */
static const char *literal_context(const scout_walk *w, TSNode expr, uint32_t up)
{
	TSNode parent = scout_walk_ancestor(w, up), def;

	if (ts_node_is_null(parent))
		return NULL;
	if (ts_node_symbol(parent) == w->sym->assignment &&
	    ts_node_eq(scout_nodes_field(parent, w->sym->f_right), expr)) {
		TSNode type = scout_nodes_field(parent, w->sym->f_type),
		       left = scout_nodes_field(parent, w->sym->f_left);

		if (!ts_node_is_null(type))
			return scout_native_int_of(w, type);
		def = scout_defs_enclosing_function(w, up + 1);
		if (ts_node_is_null(def) || ts_node_is_null(left) ||
		    ts_node_symbol(left) != w->sym->identifier)
			return NULL;
		return scout_native_int_of(w, param_annotation(w, def, left));
	}
	if (ts_node_symbol(parent) == w->sym->typed_default_parameter &&
	    ts_node_eq(scout_nodes_field(parent, w->sym->f_value), expr))
		return scout_native_int_of(w, scout_nodes_field(parent, w->sym->f_type));
	if (ts_node_symbol(parent) == w->sym->return_statement) {
		def = scout_defs_enclosing_function(w, up + 1);
		return ts_node_is_null(def)
		           ? NULL
		           : scout_native_int_of(w, scout_nodes_field(def, w->sym->f_return_type));
	}
	if (scout_nodes_is(parent, w->sym->binary_operator)) {
		TSNode l = scout_nodes_field(parent, w->sym->f_left),
		       r = scout_nodes_field(parent, w->sym->f_right);
		TSNode other = ts_node_eq(l, expr) ? r : l;

		def = scout_defs_enclosing_function(w, up + 1);
		if (ts_node_is_null(def) || ts_node_is_null(other) ||
		    ts_node_symbol(other) != w->sym->identifier)
			return NULL;
		return scout_native_int_of(w, param_annotation(w, def, other));
	}
	return NULL;
}

static void check_native_int_range(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode parent = scout_walk_ancestor(w, 1), expr = node;
	uint32_t up = 1, len;
	bool negative = false, fits;
	unsigned long long v = 0;
	const char *type, *text;
	char message[320];

	if (w->in_type)
		return;
	if (scout_nodes_is(parent, w->sym->unary_operator)) {
		uint32_t l;
		const char *op = scout_node_text(parent, w->src, &l);

		if (l == 0 || (op[0] != '-' && op[0] != '+'))
			return;
		negative = op[0] == '-';
		expr = parent;
		up = 2;
	}
	type = literal_context(w, expr, up);
	if (!type)
		return;
	text = scout_node_text(node, w->src, &len);
	fits = literal_value(text, len, &v);
	if (!fits && (len == 0 || text[len - 1] == 'j' || text[len - 1] == 'J'))
		return;
	if (in_range(type, negative, fits, v))
		return;
	snprintf(message, sizeof(message),
	         "%.*s does not fit %s: mypyc reports \"Value %.*s is out of range for "
	         "\\\"%s\\\"\"",
	         SCOUT_TEXT_ARG(expr, w->src), type, SCOUT_TEXT_ARG(expr, w->src), type);
	scout_walk_report(w, self, expr, message, NULL);
}

static const scout_rule rule_native_int_out_of_range = {
    .id = "native-int-out-of-range",
    .category = SCOUT_BLOCKER,
    .title = "int literal out of range for a native int type",
    .why = "mypyc reports \"Value {value} is out of range for \"{type}\"\" (1.5+); seen: "
           "literals assigned to names, parameters or defaults annotated i64/i32/i16/u8 "
           "(from mypy_extensions), returned from functions annotated so, or combined with "
           "such a parameter; computed values need types",
    .bad = "from mypy_extensions import u8\n\n\ndef f() -> u8:\n    x: u8 = 256\n    "
           "return x\n",
    .good = "from mypy_extensions import u8\n\n\ndef f() -> u8:\n    x: u8 = 255\n    "
            "return x\n",
    .fix = "use a wider native int type (or int), or a value inside the type's range",
    .docs = SCOUT_DOCS_TYPES,
    .since = SCOUT_V(1, 5, 0),
    .on = "integer",
    .enter = check_native_int_range};

SCOUT_FAMILY(scout_family_types_native_ints, &rule_float_int_assign, &rule_native_int_out_of_range);
