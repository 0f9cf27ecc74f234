/* Rule family: class behaviour. Members of native classes that compile but
 * act differently from CPython (dunders without a slot, data descriptors,
 * cached_property, class-body defaults, Final attributes), and the dunder
 * combinations mypyc rejects (mypyc/codegen/emitclass.py, irbuild/classdef.py). */
#include "common/defs.h"
#include "common/typing_names.h"
#include "registry.h"

#include <stdio.h>
#include <string.h>

/* How many same-module base classes are followed at most (survives cycles). */
#define MAX_BASES 32
/* How many ClassVar names of one class body are remembered. */
#define MAX_CLASSVARS 64

static const char *const dataclass_names[] = {"dataclasses.dataclass", NULL};
static const char *const attrs_names[] = {"attr.s", "attr.attrs", NULL};
static const char *const cached_property_names[] = {"functools.cached_property", NULL};

/* ---- dunder methods ---------------------------------------------------------- */

/* The name node of the current function_definition when it is a method of a
 * native class and its name is one of `names`; *cls gets the class. */
static TSNode native_method_named(const scout_walk *w, TSNode def, const char *const *names,
                                  TSNode *cls)
{
	TSNode name = scout_node_field(def, w->sym->f_name);
	bool hit = false;

	for (size_t i = 0; names[i] && !hit; i++)
		hit = scout_node_text_is(name, w->src, names[i]);
	if (!hit)
		return SCOUT_NULL_NODE;
	*cls = scout_defs_owner_class(w);
	if (ts_node_is_null(*cls) || !scout_defs_is_native(w, *cls))
		return SCOUT_NULL_NODE;
	return name;
}

static void report_method(scout_walk *w, const scout_rule *self, TSNode name, TSNode cls,
                          const char *effect)
{
	char message[320];
	const char *m, *c;
	int nm = scout_nodes_clip(name, w->src, &m);
	int nc = scout_nodes_clip(scout_node_field(cls, w->sym->f_name), w->src, &c);

	snprintf(message, sizeof(message), "%.*s in native class %.*s %s", nm, m, nc, c, effect);
	scout_walk_report(w, self, name, message, NULL);
}

#define DUNDER_CHECK(fn, effect, ...)                                                              \
	static void fn(scout_walk *w, TSNode node, const scout_rule *self)                         \
	{                                                                                          \
		static const char *const names[] = {__VA_ARGS__, NULL};                            \
		TSNode cls, name = native_method_named(w, node, names, &cls);                      \
                                                                                                   \
		if (!ts_node_is_null(name))                                                        \
			report_method(w, self, name, cls, effect);                                 \
	}

DUNDER_CHECK(check_data_descriptor,
             "is not wired to a slot, so instances do not act as data descriptors", "__set__",
             "__delete__")

static const scout_rule rule_native_data_descriptor = {
    .id = "native-data-descriptor",
    .category = SCOUT_BEHAVIOUR,
    .title = "__set__/__delete__ in a native class",
    .why = "compiled classes have no tp_descr_set slot, so instances are not data descriptors",
    .bad = "class D:\n    def __set__(self, obj: object, value: int) -> None:\n        pass\n",
    .good = "@mypyc_attr(native_class=False)\nclass D:\n"
            "    def __set__(self, obj: object, value: int) -> None:\n        pass\n",
    .fix = "make the descriptor class non-native, or keep it in an interpreted module",
    .docs = "https://mypyc.readthedocs.io/en/latest/differences_from_python.html#descriptors",
    .on = "function_definition",
    .enter = check_data_descriptor};
DUNDER_CHECK(check_index_getattribute,
             "has no slot in compiled classes, so the operations that use it ignore it",
             "__index__", "__getattribute__")

static const scout_rule rule_dunder_index_getattribute = {
    .id = "dunder-index-getattribute",
    .category = SCOUT_BEHAVIOUR,
    .title = "__index__ or __getattribute__ in a native class",
    .why = "compiled classes do not wire these methods to slots, so indexing and attribute "
           "lookup ignore them",
    .bad = "class C:\n    def __index__(self) -> int:\n        return 1\n",
    .good = "class C:\n    def as_index(self) -> int:\n        return 1\n",
    .fix = "call an explicit method instead, or make the class non-native",
    .docs = "https://mypyc.readthedocs.io/en/latest/differences_from_python.html",
    .on = "function_definition",
    .enter = check_index_getattribute};
DUNDER_CHECK(check_getattr_family, "is ignored by compiled classes before mypyc 1.19",
             "__getattr__", "__setattr__", "__delattr__")

static const scout_rule rule_dunder_getattr_setattr_delattr = {
    .id = "dunder-getattr-setattr-delattr",
    .category = SCOUT_BEHAVIOUR,
    .title = "__getattr__/__setattr__/__delattr__ in a native class (before 1.19)",
    .why = "mypyc before 1.19 ignores these methods in compiled classes",
    .bad = "class C:\n    def __getattr__(self, name: str) -> int:\n        return 42\n",
    .good = "class C:\n    def lookup(self, name: str) -> int:\n        return 42\n",
    .fix = "upgrade to mypyc 1.19+, or make the class non-native",
    .docs = "https://mypyc.readthedocs.io/en/latest/differences_from_python.html",
    .until = SCOUT_V(1, 19, 0),
    .on = "function_definition",
    .enter = check_getattr_family};
DUNDER_CHECK(check_del, "is never called by mypyc before 1.16", "__del__")

static const scout_rule rule_dunder_del = {
    .id = "dunder-del",
    .category = SCOUT_BEHAVIOUR,
    .title = "__del__ in a native class (before 1.16)",
    .why = "mypyc before 1.16 never calls __del__ of compiled classes",
    .bad = "class C:\n    def __del__(self) -> None:\n        cleanup()\n",
    .good = "class C:\n    def close(self) -> None:\n        cleanup()\n",
    .fix = "upgrade to mypyc 1.16+, or release resources with an explicit close()",
    .docs = "https://mypyc.readthedocs.io/en/latest/differences_from_python.html",
    .until = SCOUT_V(1, 16, 0),
    .on = "function_definition",
    .enter = check_del};
DUNDER_CHECK(check_new, "is not called by mypyc before 1.18.1", "__new__")

static const scout_rule rule_dunder_new = {
    .id = "dunder-new",
    .category = SCOUT_BEHAVIOUR,
    .title = "__new__ in a native class (before 1.18.1)",
    .why = "mypyc before 1.18.1 does not call __new__ of compiled classes",
    .bad = "class C:\n    def __new__(cls) -> \"C\":\n        return object.__new__(cls)\n",
    .good = "class C:\n    @classmethod\n    def create(cls) -> \"C\":\n        return cls()\n",
    .fix = "upgrade to mypyc 1.18.1+, or use a factory function or classmethod",
    .docs = "https://mypyc.readthedocs.io/en/latest/differences_from_python.html",
    .until = SCOUT_V(1, 18, 1),
    .on = "function_definition",
    .enter = check_new};
DUNDER_CHECK(check_pow, "is not wired to the ** / divmod() slots before mypyc 1.1.1", "__pow__",
             "__rpow__", "__ipow__", "__divmod__", "__rdivmod__")

static const scout_rule rule_dunder_pow_divmod = {
    .id = "dunder-pow-divmod",
    .category = SCOUT_BEHAVIOUR,
    .title = "__pow__/__divmod__ family in a native class (before 1.1.1)",
    .why = "mypyc before 1.1.1 does not wire these methods to slots: ** and divmod() raise "
           "TypeError",
    .bad = "class C:\n    def __pow__(self, other: int) -> int:\n        return 99\n",
    .good = "class C:\n    def power(self, other: int) -> int:\n        return 99\n",
    .fix = "upgrade to mypyc 1.1.1+, or call an explicit method",
    .docs = "https://mypyc.readthedocs.io/en/latest/differences_from_python.html",
    .until = SCOUT_V(1, 1, 1),
    .on = "function_definition",
    .enter = check_pow};

/* True when class_def or a base class may override __setattr__: defined in
 * the class or a same-module base, or a base from another module (unknown). */
static bool may_have_setattr(const scout_walk *w, TSNode class_def)
{
	const scout_symbols *s = w->sym;
	TSNode todo[MAX_BASES];
	size_t ntodo = 0, seen = 0;

	todo[ntodo++] = class_def;
	while (ntodo && seen < MAX_BASES) {
		TSNode c = todo[--ntodo];
		TSNode args = scout_node_field(c, s->f_superclasses);
		uint32_t count = ts_node_is_null(args) ? 0 : scout_node_named_child_count(args);

		seen++;
		if (!ts_node_is_null(scout_defs_body_method(w, c, "__setattr__", 11)))
			return true;
		for (uint32_t i = 0; i < count; i++) {
			TSNode b = scout_node_named_child(args, i), base;
			char buf[128];

			if (ts_node_symbol(b) == s->keyword_argument ||
			    ts_node_symbol(b) == s->comment)
				continue;
			base = scout_module_class_of(w, b);
			if (!ts_node_is_null(base)) {
				if (ntodo < MAX_BASES)
					todo[ntodo++] = base;
				continue;
			}
			if (ts_node_symbol(b) == s->subscript)
				b = scout_node_field(b, s->f_value);
			if (!w->names ||
			    !scout_names_qualify(w->names, b, w->src, buf, sizeof(buf)) ||
			    strncmp(buf, "builtins.", 9) != 0)
				return true;
		}
	}
	return false;
}

static void check_delattr_without_setattr(scout_walk *w, TSNode node, const scout_rule *self)
{
	static const char *const names[] = {"__delattr__", NULL};
	TSNode cls, name = native_method_named(w, node, names, &cls);

	if (ts_node_is_null(name) || may_have_setattr(w, cls))
		return;
	report_method(w, self, name, cls,
	              "comes without __setattr__: mypyc reports \"\\\"__delattr__\\\" supported "
	              "only in classes that also override \\\"__setattr__\\\"...\"");
}

static const scout_rule rule_delattr_without_setattr = {
    .id = "delattr-without-setattr",
    .category = SCOUT_BLOCKER,
    .title = "__delattr__ without __setattr__ in a native class",
    .why = "mypyc reports \"\\\"__delattr__\\\" supported only in classes that also override "
           "\\\"__setattr__\\\", or inherit from a native class that overrides it.\"",
    .bad = "class C:\n    def __delattr__(self, name: str) -> None:\n        pass\n",
    .good = "class C:\n    def __setattr__(self, name: str, value: object) -> None:\n"
            "        pass\n\n    def __delattr__(self, name: str) -> None:\n        pass\n",
    .fix = "define __setattr__ in the class as well, or drop __delattr__",
    .docs = "https://mypyc.readthedocs.io/en/latest/native_classes.html",
    .since = SCOUT_V(1, 19, 0),
    .on = "function_definition",
    .enter = check_delattr_without_setattr};

static void check_cached_property(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode def = scout_walk_ancestor(w, 1), cls, name;
	const char *m, *c;
	char message[240];
	int nm, nc;

	if (!scout_walk_is(w, scout_defs_decorator_callee(w, node), cached_property_names) ||
	    ts_node_symbol(def) != w->sym->decorated_definition)
		return;
	def = scout_node_field(def, w->sym->f_definition);
	cls = scout_defs_owner_class(w);
	if (ts_node_is_null(def) || ts_node_is_null(cls) || !scout_defs_is_native(w, cls))
		return;
	name = scout_node_field(def, w->sym->f_name);
	nm = scout_nodes_clip(name, w->src, &m);
	nc = scout_nodes_clip(scout_node_field(cls, w->sym->f_name), w->src, &c);
	snprintf(message, sizeof(message),
	         "cached_property %.*s of native class %.*s is compiled as a plain property and "
	         "recomputed on every access",
	         nm, m, nc, c);
	scout_walk_report(w, self, node, message, NULL);
}

static const scout_rule rule_cached_property = {
    .id = "cached-property",
    .category = SCOUT_BEHAVIOUR,
    .title = "functools.cached_property in a native class",
    .why = "mypyc compiles cached_property as a plain property: the value is recomputed on "
           "every access",
    .bad = "class C:\n    @cached_property\n    def v(self) -> int:\n        return 1\n",
    .good = "class C:\n    def __init__(self) -> None:\n        self._v: int | None = None\n\n"
            "    @property\n    def v(self) -> int:\n        if self._v is None:\n"
            "            self._v = 1\n        return self._v\n",
    .fix = "cache explicitly in an Optional attribute behind a @property",
    .docs = "https://mypyc.readthedocs.io/en/latest/differences_from_python.html",
    .on = "decorator",
    .enter = check_cached_property};

/* ---- class-body assignments -------------------------------------------------- */

/* The names of module-level `NAME: Final = ...` constants include `name`. */
static bool module_final(const scout_walk *w, TSNode name)
{
	const scout_symbols *s = w->sym;
	TSNode root = w->depth ? w->stack[0] : SCOUT_NULL_NODE;
	uint32_t count = ts_node_is_null(root) ? 0 : scout_node_named_child_count(root), len;
	const char *text = scout_node_text(name, w->src, &len);

	for (uint32_t i = 0; i < count; i++) {
		TSNode a = scout_defs_assignment(w, scout_node_named_child(root, i));

		if (!ts_node_is_null(a) &&
		    scout_nodes_text_eq(scout_node_field(a, s->f_left), w->src, text, len) &&
		    scout_defs_annotation_is(w, a, scout_final_names))
			return true;
	}
	return false;
}

/* mypyc's is_constant (irbuild/util.py): literals, -number, tuples of
 * constants, True/False/None and Final names. Iterative over tuples. */
static bool is_constant(const scout_walk *w, TSNode value)
{
	const scout_symbols *s = w->sym;
	TSNode stack[32];
	size_t n = 0;

	stack[n++] = value;
	while (n) {
		TSNode v = stack[--n];
		TSSymbol t = ts_node_symbol(v);

		if (t == s->integer || t == s->float_ || t == s->true_ || t == s->false_ ||
		    t == s->none)
			continue;
		if (t == s->string || t == s->concatenated_string) {
			TSTreeCursor c = ts_tree_cursor_new(v);
			bool interpolated = false;

			/* f-strings are not constants. */
			if (ts_tree_cursor_goto_first_child(&c)) {
				do {
					TSNode k = ts_tree_cursor_current_node(&c);

					if (ts_node_symbol(k) == s->interpolation ||
					    (ts_node_symbol(k) == s->string &&
					     scout_node_named_child_count(k) > 2 &&
					     ts_node_symbol(scout_node_named_child(k, 1)) ==
					         s->interpolation))
						interpolated = true;
				} while (ts_tree_cursor_goto_next_sibling(&c));
			}
			ts_tree_cursor_delete(&c);
			if (interpolated)
				return false;
			continue;
		}
		if (t == s->unary_operator) {
			TSNode op = scout_node_child(v, 0);
			TSSymbol at = ts_node_symbol(scout_node_field(v, s->f_argument));

			if (ts_node_symbol(op) == s->op_minus &&
			    (at == s->integer || at == s->float_))
				continue;
			return false;
		}
		if (t == s->parenthesized_expression && scout_node_named_child_count(v) == 1) {
			stack[n++] = scout_node_named_child(v, 0);
			continue;
		}
		if (t == s->tuple || t == s->expression_list) {
			uint32_t count = scout_node_named_child_count(v);

			for (uint32_t i = 0; i < count; i++) {
				TSNode k = scout_node_named_child(v, i);

				if (ts_node_symbol(k) == s->comment)
					continue;
				if (n == sizeof(stack) / sizeof(*stack))
					return false;
				stack[n++] = k;
			}
			continue;
		}
		if (t == s->identifier && module_final(w, v))
			continue;
		return false;
	}
	return true;
}

static void check_class_default(scout_walk *w, TSNode node, const scout_rule *self)
{
	const scout_symbols *s = w->sym;
	TSNode body = scout_node_field(node, s->f_body);
	uint32_t count = ts_node_is_null(body) ? 0 : scout_node_named_child_count(body);
	bool record_like = false, checked = false;

	for (uint32_t i = 0; i < count; i++) {
		TSNode a = scout_defs_assignment(w, scout_node_named_child(body, i)), left, right;
		const char *name;
		char message[240];
		int n;

		if (ts_node_is_null(a))
			continue;
		left = scout_node_field(a, s->f_left);
		right = scout_node_field(a, s->f_right);
		if (ts_node_is_null(right) || ts_node_symbol(left) != s->identifier ||
		    ts_node_symbol(right) == s->assignment)
			continue;
		n = scout_nodes_clip(left, w->src, &name);
		if (n > 4 && name[0] == '_' && name[1] == '_' && name[n - 1] == '_' &&
		    name[n - 2] == '_')
			continue; /* __slots__, __deletable__, __match_args__ ... */
		if (scout_defs_annotation_is(w, a, scout_classvar_names) ||
		    scout_defs_annotation_is(w, a, scout_final_names) || is_constant(w, right))
			continue;
		/* A plain (dotted) name gives the same object for every instance:
		 * mypyc still warns, but nothing behaves differently. */
		if (ts_node_symbol(right) == s->identifier || ts_node_symbol(right) == s->attribute)
			continue;
		if (!checked) {
			if (!scout_defs_is_native(w, node))
				return;
			/* @dataclass / @attr.s handle annotated field defaults themselves. */
			record_like =
			    !ts_node_is_null(scout_defs_decorator(w, node, dataclass_names)) ||
			    !ts_node_is_null(scout_defs_decorator(w, node, attrs_names));
			checked = true;
		}
		if (record_like && !ts_node_is_null(scout_node_field(a, s->f_type)))
			continue;
		snprintf(message, sizeof(message),
		         "class-body default of %.*s is not a constant: mypyc warns \"Unsupported "
		         "default attribute value\" and evaluates it per instance",
		         n, name);
		scout_walk_report(w, self, right, message, NULL);
	}
}

static const scout_rule rule_class_default_per_instance = {
    .id = "class-default-per-instance",
    .category = SCOUT_BEHAVIOUR,
    .title = "non-constant class-body default in a native class",
    .why = "mypyc warns \"Unsupported default attribute value\": the value is evaluated for "
           "each instance instead of once (and descriptors stop acting as descriptors)",
    .bad = "class C:\n    items: list[int] = []\n",
    .good = "class C:\n    def __init__(self) -> None:\n        self.items: list[int] = []\n",
    .fix = "assign the default in __init__, or mark a shared value ClassVar",
    .docs = "https://mypyc.readthedocs.io/en/latest/native_classes.html",
    .on = "class_definition",
    .enter = check_class_default};

static void check_dataclass_classvar(scout_walk *w, TSNode node, const scout_rule *self)
{
	const scout_symbols *s = w->sym;
	TSNode body = scout_node_field(node, s->f_body);
	uint32_t count = ts_node_is_null(body) ? 0 : scout_node_named_child_count(body);
	bool checked = false;

	for (uint32_t i = 0; i < count; i++) {
		TSNode a = scout_defs_assignment(w, scout_node_named_child(body, i)), left;
		const char *name;
		char message[240];
		int n;

		if (ts_node_is_null(a) || !scout_defs_annotation_is(w, a, scout_classvar_names))
			continue;
		if (!checked) {
			if (ts_node_is_null(scout_defs_decorator(w, node, dataclass_names)) ||
			    !scout_defs_is_native(w, node))
				return;
			checked = true;
		}
		left = scout_node_field(a, s->f_left);
		n = scout_nodes_clip(left, w->src, &name);
		snprintf(message, sizeof(message),
		         "ClassVar %.*s of a native dataclass is treated as a field: instances "
		         "raise AttributeError (read-only attribute)",
		         n, name);
		scout_walk_report(w, self, left, message, NULL);
	}
}

static const scout_rule rule_dataclass_classvar = {
    .id = "dataclass-classvar",
    .category = SCOUT_BEHAVIOUR,
    .title = "ClassVar in a native @dataclass",
    .why = "mypyc treats the ClassVar as a field: instances raise \"AttributeError: ... "
           "attribute '...' is read-only\" (mypyc/mypyc#740)",
    .bad = "@dataclass\nclass C:\n    x: int\n    count: ClassVar[int] = 0\n",
    .good = "COUNT = 0\n\n@dataclass\nclass C:\n    x: int\n",
    .fix = "move the class-level value to a module-level variable",
    .docs = "https://github.com/mypyc/mypyc/issues/740",
    .on = "class_definition",
    .enter = check_dataclass_classvar};

/* Reports the identifier n when it reads one of the ClassVars seen so far
 * by bare name (not as an attribute, not as a keyword). */
static void report_classvar_read(scout_walk *w, const scout_rule *self, const scout_tix_node *e,
                                 const TSNode *vars, size_t nvars)
{
	const scout_symbols *s = w->sym;
	TSNode n = e->node, parent = w->tix->nodes[e->parent].node;
	uint32_t len;
	const char *text = scout_node_text(n, w->src, &len);
	char message[240];

	if ((ts_node_symbol(parent) == s->attribute &&
	     !ts_node_eq(scout_node_field(parent, s->f_object), n)) ||
	    (ts_node_symbol(parent) == s->keyword_argument &&
	     ts_node_eq(scout_node_field(parent, s->f_name), n)))
		return;
	for (size_t i = 0; i < nvars; i++)
		if (scout_nodes_text_eq(vars[i], w->src, text, len)) {
			snprintf(message, sizeof(message),
			         "class body reads ClassVar %.*s by bare name: the compiled class "
			         "raises KeyError at import",
			         len > 80 ? 80 : (int)len, text);
			scout_walk_report(w, self, n, message, NULL);
			return;
		}
}

/* Reports the identifiers in `value` (not inside lambdas) that read one of
 * the ClassVars seen so far. */
static void report_classvar_reads(scout_walk *w, const scout_rule *self, TSNode value,
                                  const TSNode *vars, size_t nvars)
{
	const scout_tix *tix = w->tix;
	uint32_t at, end;

	if (!scout_tix_subtree(value, &at, &end))
		return;
	while (at < end) {
		const scout_tix_node *e = &tix->nodes[at];

		if (e->symbol == w->sym->lambda) {
			at = e->end;
			continue;
		}
		if (e->symbol == w->sym->identifier)
			report_classvar_read(w, self, e, vars, nvars);
		at++;
	}
}

static void check_classvar_self_reference(scout_walk *w, TSNode node, const scout_rule *self)
{
	const scout_symbols *s = w->sym;
	TSNode body = scout_node_field(node, s->f_body);
	uint32_t count = ts_node_is_null(body) ? 0 : scout_node_named_child_count(body);
	TSNode vars[MAX_CLASSVARS];
	size_t nvars = 0;

	for (uint32_t i = 0; i < count; i++) {
		TSNode a = scout_defs_assignment(w, scout_node_named_child(body, i)), left, right;

		if (ts_node_is_null(a))
			continue;
		left = scout_node_field(a, s->f_left);
		right = scout_node_field(a, s->f_right);
		/* Native and non-native classes alike (mypyc 1.0.1 oracle). */
		if (nvars && !ts_node_is_null(right))
			report_classvar_reads(w, self, right, vars, nvars);
		if (ts_node_symbol(left) == s->identifier && nvars < MAX_CLASSVARS &&
		    scout_defs_annotation_is(w, a, scout_classvar_names))
			vars[nvars++] = left;
	}
}

static const scout_rule rule_classvar_self_reference_in_body = {
    .id = "classvar-self-reference-in-body",
    .category = SCOUT_BEHAVIOUR,
    .title = "class body reading an earlier ClassVar by bare name",
    .why = "the compiled class body looks the name up in the wrong namespace: importing the "
           "module raises KeyError (mypyc/mypyc#862, fixed in 1.20.0)",
    .bad = "class A:\n    a: ClassVar[int] = 1\n    b: ClassVar[int] = a\n",
    .good = "A_DEFAULT: Final = 1\n\nclass A:\n    a: ClassVar[int] = A_DEFAULT\n"
            "    b: ClassVar[int] = A_DEFAULT\n",
    .fix = "compute the value from a module-level constant instead of the earlier ClassVar",
    .docs = "https://github.com/mypyc/mypyc/issues/862",
    .until = SCOUT_V(1, 20, 0),
    .on = "class_definition",
    .enter = check_classvar_self_reference};

/* ---- Final instance attributes ---------------------------------------------- */

static void check_final_instance_attr(scout_walk *w, TSNode node, const scout_rule *self)
{
	const scout_symbols *s = w->sym;
	TSNode left = scout_node_field(node, s->f_left), obj, fn = SCOUT_NULL_NODE, params;
	TSNode cls = SCOUT_NULL_NODE;
	uint32_t up;
	char message[240];
	const char *name;
	int n;

	if (ts_node_symbol(left) != s->attribute ||
	    !scout_defs_annotation_is(w, node, scout_final_names))
		return;
	obj = scout_node_field(left, s->f_object);
	if (ts_node_symbol(obj) != s->identifier)
		return;
	for (up = 1; up < w->depth; up++) {
		fn = scout_walk_ancestor(w, up);
		if (ts_node_symbol(fn) == s->function_definition)
			break;
	}
	if (up >= w->depth)
		return;
	/* The function must be a method: its parent chain is block < class. */
	{
		TSNode p = scout_walk_ancestor(w, up + 1);
		uint32_t k = up + 1;

		if (ts_node_symbol(p) == s->decorated_definition)
			p = scout_walk_ancestor(w, ++k);
		if (ts_node_is_null(p) || ts_node_symbol(p) != s->block)
			return;
		cls = scout_walk_ancestor(w, k + 1);
	}
	if (ts_node_is_null(cls) || ts_node_symbol(cls) != s->class_definition)
		return;
	params = scout_node_field(fn, s->f_parameters);
	if (ts_node_is_null(params) || !scout_node_named_child_count(params) ||
	    !scout_nodes_text_eq(scout_node_named_child(params, 0), w->src,
	                         w->src + ts_node_start_byte(obj),
	                         ts_node_end_byte(obj) - ts_node_start_byte(obj)) ||
	    !scout_defs_is_native(w, cls))
		return;
	n = scout_nodes_clip(scout_node_field(left, s->f_attribute), w->src, &name);
	snprintf(message, sizeof(message),
	         "Final instance attribute %.*s is read-only at run time in compiled code: "
	         "assigning it later raises AttributeError",
	         n, name);
	scout_walk_report(w, self, left, message, NULL);
}

static const scout_rule rule_final_instance_attr_readonly = {
    .id = "final-instance-attr-readonly",
    .category = SCOUT_BEHAVIOUR,
    .title = "Final instance attribute (read-only at run time)",
    .why = "since mypyc 2.3 a `self.x: Final` attribute of a native class cannot be assigned "
           "again from any code",
    .bad = "class C:\n    def __init__(self) -> None:\n        self.x: Final = 1\n",
    .good = "class C:\n    def __init__(self) -> None:\n        self.x = 1\n",
    .fix = "drop Final if tests or other code reassign the attribute",
    .docs = "https://mypyc.readthedocs.io/en/latest/native_classes.html",
    .since = SCOUT_V(2, 3, 0),
    .on = "assignment",
    .enter = check_final_instance_attr};

SCOUT_FAMILY(scout_family_class_behaviour, &rule_delattr_without_setattr,
             &rule_classvar_self_reference_in_body, &rule_dataclass_classvar,
             &rule_final_instance_attr_readonly, &rule_class_default_per_instance,
             &rule_native_data_descriptor, &rule_cached_property, &rule_dunder_index_getattribute,
             &rule_dunder_getattr_setattr_delattr, &rule_dunder_del, &rule_dunder_new,
             &rule_dunder_pow_divmod);
