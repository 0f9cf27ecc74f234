/* Rule family: runtime. Which classes mypyc builds as regular Python classes,
 * the @mypyc_attr(...) and __deletable__ declarations that steer native
 * classes, and module-level constructs whose run-time behaviour changes once
 * compiled (mypyc/irbuild/util.py, prepare.py, classdef.py). */
#include "linked_rules.h"
#include "common/defs.h"
#include "common/typing_names.h"
#include "registry.h"

#include <stdio.h>
#include <string.h>

/* How many same-module base classes are followed at most (survives cycles). */
#define MAX_BASES 32

static const char *const mypyc_attr_names[] = {"mypy_extensions.mypyc_attr", NULL};
static const char *const trait_names[] = {"mypy_extensions.trait", NULL};
static const char *const allowed_decorators[] = {
    "mypy_extensions.trait", "dataclasses.dataclass", "attr.s", "attr.attrs", NULL,
};
static const char *const final_decorators[] = {"typing.final", "typing_extensions.final", NULL};
static const char *const allowed_metaclasses[] = {"abc.ABCMeta", "typing.TypingMeta",
                                                  "typing.GenericMeta", NULL};
static const char *const runtime_checkable_names[] = {"typing.runtime_checkable",
                                                      "typing_extensions.runtime_checkable", NULL};
static const char *const protocol_names[] = {"typing.Protocol", "typing_extensions.Protocol", NULL};
static const char *const property_names[] = {"builtins.property", "functools.cached_property",
                                             NULL};
/* C-implemented (or C-backed) classes outside builtins that a native class
 * cannot safely subclass (prepare.py: "bad things will happen"). */
static const char *const c_types[] = {
    "collections.OrderedDict",
    "collections.defaultdict",
    "collections.deque",
    "collections.Counter",
    "typing.OrderedDict",
    "typing.DefaultDict",
    "typing.Deque",
    "typing.Counter",
    "array.array",
    "threading.Thread",
    "datetime.date",
    "datetime.datetime",
    "datetime.time",
    "datetime.timedelta",
    "decimal.Decimal",
    "io.StringIO",
    "io.BytesIO",
    "functools.partial",
    NULL,
};

/* The keyword argument `key=` of a class header, or null. */
static TSNode class_keyword(const scout_walk *w, TSNode class_def, const char *key)
{
	const scout_symbols *s = w->sym;
	TSNode args = scout_node_field(class_def, s->f_superclasses);
	uint32_t count = ts_node_is_null(args) ? 0 : scout_node_named_child_count(args);

	for (uint32_t i = 0; i < count; i++) {
		TSNode b = scout_node_named_child(args, i);

		if (ts_node_symbol(b) == s->keyword_argument &&
		    scout_node_text_is(scout_node_field(b, s->f_name), w->src, key))
			return b;
	}
	return SCOUT_NULL_NODE;
}

/* The first class decorator mypyc does not accept (util.py
 * is_implicit_extension_class), or null. */
static TSNode offending_decorator(const scout_walk *w, TSNode class_def)
{
	const scout_symbols *s = w->sym;
	TSNode deco = scout_decorated_parent(w, class_def);
	uint32_t count = ts_node_is_null(deco) ? 0 : scout_node_named_child_count(deco);

	for (uint32_t i = 0; i < count; i++) {
		TSNode d = scout_node_named_child(deco, i), callee, expr;

		if (ts_node_symbol(d) != s->decorator)
			continue;
		callee = scout_defs_decorator_callee(w, d);
		expr = scout_node_named_child(d, 0);
		if (scout_walk_is(w, callee, allowed_decorators))
			continue;
		if (ts_node_symbol(expr) == s->call && scout_walk_is(w, callee, mypyc_attr_names))
			continue;
		if (scout_walk_mypyc_version(w) >= SCOUT_V(1, 14, 0) &&
		    scout_walk_is(w, callee, final_decorators))
			continue;
		return d;
	}
	return SCOUT_NULL_NODE;
}

static void check_class_decorator(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode d;

	if (scout_class_kind_of(w, node) != SCOUT_CLASS_NONNATIVE_DECORATOR)
		return;
	d = offending_decorator(w, node);
	if (!ts_node_is_null(d))
		scout_defs_report_class(
		    w, self, d, node,
		    "this decorator makes class %.*s a regular Python class: mypyc "
		    "accepts only @trait, @mypyc_attr, @dataclass, @attr.s and @final");
}

static const scout_rule rule_class_decorator_nonnative = {
    .id = "class-decorator-nonnative",
    .category = SCOUT_NON_NATIVE,
    .title = "class decorator that makes the class a regular Python class",
    .why = "mypyc builds classes with decorators other than @trait, @mypyc_attr, @dataclass, "
           "@attr.s and @final (1.14+) as non-native classes",
    .bad = "@functools.total_ordering\nclass V:\n    pass\n",
    .good = "class V:\n    pass\n",
    .fix = "drop the decorator (write the methods it generates), or accept a non-native class",
    .docs = "https://mypyc.readthedocs.io/en/latest/native_classes.html#class-decorators",
    .on = "class_definition",
    .enter = check_class_decorator};

static void check_metaclass(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode kw = class_keyword(w, node, "metaclass");

	if (ts_node_is_null(kw) ||
	    scout_walk_is(w, scout_node_field(kw, w->sym->f_value), allowed_metaclasses))
		return;
	if (scout_class_kind_of(w, node) != SCOUT_CLASS_NONNATIVE_METACLASS)
		return;
	scout_defs_report_class(
	    w, self, kw, node,
	    "the metaclass makes class %.*s a regular Python class: mypyc compiles only "
	    "classes without a metaclass or with ABCMeta");
}

static const scout_rule rule_metaclass_nonnative = {
    .id = "metaclass-nonnative",
    .category = SCOUT_NON_NATIVE,
    .title = "explicit metaclass= that makes the class a regular Python class",
    .why = "mypyc builds classes with a metaclass other than ABCMeta, TypingMeta or "
           "GenericMeta as non-native classes (only an explicit metaclass= in this module is "
           "seen; one inherited from an imported base is not)",
    .bad = "class C(metaclass=Registry):\n    pass\n",
    .good = "class C(metaclass=ABCMeta):\n    pass\n",
    .fix = "drop the metaclass (e.g. register classes with a decorator-free function call), or "
           "accept a non-native class",
    .docs = "https://mypyc.readthedocs.io/en/latest/native_classes.html#metaclasses",
    .on = "class_definition",
    .enter = check_metaclass};

static void check_enum(scout_walk *w, TSNode node, const scout_rule *self)
{
	if (scout_class_kind_of(w, node) == SCOUT_CLASS_NONNATIVE_ENUM)
		scout_defs_report_class(
		    w, self, scout_node_field(node, w->sym->f_name), node,
		    "enum class %.*s is compiled as a regular Python class, so its "
		    "methods and attribute accesses stay interpreted");
}

static const scout_rule rule_enum_nonnative = {
    .id = "enum-nonnative",
    .category = SCOUT_NON_NATIVE,
    .title = "Enum subclass (always a regular Python class)",
    .why = "mypyc compiles Enum classes (EnumMeta metaclass) as non-native classes",
    .bad = "class Color(Enum):\n    RED = 1\n",
    .good = "RED: Final = 1\n",
    .fix = "keep the Enum if its API matters; for hot code use Final int constants",
    .docs = "https://mypyc.readthedocs.io/en/latest/native_classes.html",
    .since = SCOUT_V(1, 0, 0),
    .on = "class_definition",
    .enter = check_enum};

static void check_record(scout_walk *w, TSNode node, const scout_rule *self)
{
	if (scout_class_kind_of(w, node) == SCOUT_CLASS_NONNATIVE_RECORD)
		scout_defs_report_class(
		    w, self, scout_node_field(node, w->sym->f_name), node,
		    "TypedDict/NamedTuple class %.*s is compiled as a regular Python "
		    "class, not a native one");
}

static const scout_rule rule_typeddict_namedtuple_nonnative = {
    .id = "typeddict-namedtuple-nonnative",
    .category = SCOUT_NON_NATIVE,
    .title = "class-based TypedDict or NamedTuple (a regular Python class)",
    .why = "mypyc compiles class-based TypedDict and NamedTuple as non-native classes",
    .bad = "class P(NamedTuple):\n    x: int\n",
    .good = "@dataclass\nclass P:\n    x: int\n",
    .fix = "use a (frozen) @dataclass or a plain native class for hot records",
    .docs = "https://mypyc.readthedocs.io/en/latest/native_classes.html",
    .on = "class_definition",
    .enter = check_record};

static void check_native_false(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode v;

	if (scout_class_kind_of(w, node) != SCOUT_CLASS_NONNATIVE_EXPLICIT)
		return;
	v = scout_mypyc_attr_value(w, node, "native_class");
	if (!ts_node_is_null(v))
		scout_defs_report_class(
		    w, self, scout_node_parent(v), node,
		    "native_class=False makes class %.*s a regular Python class");
}

static const scout_rule rule_native_class_false = {
    .id = "native-class-false",
    .category = SCOUT_NON_NATIVE,
    .title = "@mypyc_attr(native_class=False)",
    .why = "the class is compiled as a regular Python class on request",
    .bad = "@mypyc_attr(native_class=False)\nclass C:\n    pass\n",
    .good = "class C:\n    pass\n",
    .fix = "remove native_class=False once the class can be native",
    .docs = "https://mypyc.readthedocs.io/en/latest/native_classes.html#defining-non-native-"
            "classes",
    .since = SCOUT_V(1, 16, 0),
    .on = "class_definition",
    .enter = check_native_false};

static void check_nonext_inherits_ext(scout_walk *w, TSNode node, const scout_rule *self)
{
	scout_class_kind kind = scout_class_kind_of(w, node);
	uint32_t i = 0;
	TSNode b;

	if (kind == SCOUT_CLASS_NATIVE || kind == SCOUT_CLASS_NONNATIVE_RECORD)
		return;
	while (!ts_node_is_null(b = scout_defs_base_at(w, node, &i))) {
		TSNode base = scout_module_class_of(w, b);

		if (!ts_node_is_null(base) && scout_defs_is_native(w, base)) {
			scout_defs_report_class(
			    w, self, b, node,
			    "non-native class %.*s inherits from a native class: mypyc "
			    "reports \"Non-extension classes may not inherit from "
			    "extension classes\"");
			return;
		}
	}
}

const scout_rule scout_rule_nonext_inherits_ext = {
    .id = "nonext-inherits-ext",
    .category = SCOUT_BLOCKER,
    .title = "non-native class inheriting from a native class of the module",
    .why = "mypyc reports \"Non-extension classes may not inherit from extension classes\"",
    .bad = "class Base:\n    pass\n\n@functools.total_ordering\nclass C(Base):\n    pass\n",
    .good = "class Base:\n    pass\n\nclass C(Base):\n    pass\n",
    .fix = "make the subclass native too, or make the base non-native as well",
    .docs = "https://mypyc.readthedocs.io/en/latest/native_classes.html",
    .on = "class_definition",
    .enter = check_nonext_inherits_ext};

static void check_nonext_property_setter(scout_walk *w, TSNode node, const scout_rule *self)
{
	const scout_symbols *s = w->sym;
	TSNode callee = scout_defs_decorator_callee(w, node), cls;

	if (ts_node_is_null(callee) || ts_node_symbol(callee) != s->attribute ||
	    !scout_node_text_is(scout_node_field(callee, s->f_attribute), w->src, "setter"))
		return;
	cls = scout_defs_owner_class(w);
	if (ts_node_is_null(cls) || scout_defs_is_native(w, cls))
		return;
	scout_defs_report_class(
	    w, self, node, cls,
	    "property setter in non-native class %.*s: mypyc reports \"Property setters "
	    "not supported in non-extension classes\"");
}

static const scout_rule rule_nonext_property_setter = {
    .id = "nonext-property-setter",
    .category = SCOUT_BLOCKER,
    .title = "property setter in a non-native class",
    .why = "mypyc reports \"Property setters not supported in non-extension classes\"",
    .bad = "@functools.total_ordering\nclass C:\n    @property\n    def x(self) -> int:\n"
           "        return 0\n\n    @x.setter\n    def x(self, v: int) -> None:\n        pass\n",
    .good = "class C:\n    @property\n    def x(self) -> int:\n        return 0\n\n"
            "    @x.setter\n    def x(self, v: int) -> None:\n        pass\n",
    .fix = "make the class native (drop the decorator or metaclass) or replace the setter with "
           "a set_x() method",
    .docs = "https://mypyc.readthedocs.io/en/latest/native_classes.html",
    .on = "decorator",
    .enter = check_nonext_property_setter};

static void check_runtime_checkable(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode d = scout_defs_decorator(w, node, runtime_checkable_names), b;
	uint32_t i = 0;

	if (ts_node_is_null(d))
		return;
	while (!ts_node_is_null(b = scout_defs_base_at(w, node, &i))) {
		if (ts_node_symbol(b) == w->sym->subscript)
			b = scout_node_field(b, w->sym->f_value);
		if (scout_walk_is(w, b, protocol_names)) {
			scout_defs_report_class(
			    w, self, d, node,
			    "@runtime_checkable Protocol %.*s is built without its Protocol "
			    "base, so importing the compiled module raises TypeError");
			return;
		}
	}
}

static const scout_rule rule_runtime_checkable_protocol = {
    .id = "runtime-checkable-protocol",
    .category = SCOUT_BEHAVIOUR,
    .title = "@runtime_checkable Protocol in a compiled module",
    .why = "the class is built without its Protocol base, so importing the module raises "
           "\"TypeError: @runtime_checkable can be only applied to protocol classes\"",
    .bad = "@runtime_checkable\nclass P(Protocol):\n    def f(self) -> int: ...\n",
    .good = "class P(Protocol):\n    def f(self) -> int: ...\n",
    .fix = "move the runtime-checkable Protocol to a module that is not compiled, or check "
           "with hasattr()",
    .docs = "https://mypyc.readthedocs.io/en/latest/differences_from_python.html",
    .on = "class_definition",
    .enter = check_runtime_checkable};

static void check_c_type_base(scout_walk *w, TSNode node, const scout_rule *self)
{
	uint32_t i = 0;
	TSNode b;

	while (!ts_node_is_null(b = scout_defs_base_at(w, node, &i))) {
		TSNode name = b;

		if (ts_node_symbol(name) == w->sym->subscript)
			name = scout_node_field(name, w->sym->f_value);
		if (!scout_walk_is(w, name, c_types))
			continue;
		if (!scout_defs_is_native(w, node))
			return;
		scout_defs_report_class(
		    w, self, b, node,
		    "native class %.*s inherits from a C-implemented class outside "
		    "builtins: it compiles but can crash or misbehave at run time");
		return;
	}
}

static const scout_rule rule_native_inherits_c_type = {
    .id = "native-inherits-c-type",
    .category = SCOUT_BEHAVIOUR,
    .title = "native class inheriting from a C-implemented class outside builtins",
    .why = "mypyc does not check such bases (prepare.py: \"bad things will happen\"); e.g. a "
           "native OrderedDict subclass segfaults",
    .bad = "class OD(collections.OrderedDict):\n    pass\n",
    .good = "class OD:\n    def __init__(self) -> None:\n        self.data: dict[str, int] "
            "= {}\n",
    .fix = "wrap the object in an attribute instead of inheriting, or make the class "
           "non-native with @mypyc_attr(native_class=False)",
    .docs = "https://mypyc.readthedocs.io/en/latest/native_classes.html#inheritance",
    .on = "class_definition",
    .enter = check_c_type_base};

/* ---- @mypyc_attr(...) ----------------------------------------------------- */

/* The @mypyc_attr(...) call of the current decorator node, or null. */
static TSNode decorator_mypyc_attr(const scout_walk *w, TSNode decorator)
{
	TSNode e = scout_node_named_child_count(decorator) ? scout_node_named_child(decorator, 0)
	                                                   : SCOUT_NULL_NODE;

	if (ts_node_is_null(e) || ts_node_symbol(e) != w->sym->call ||
	    !scout_walk_is(w, scout_node_field(e, w->sym->f_function), mypyc_attr_names))
		return SCOUT_NULL_NODE;
	return scout_node_field(e, w->sym->f_arguments);
}

static bool known_mypyc_attr(const scout_walk *w, const char *key, uint32_t len)
{
	static const char *const keys[] = {"native_class", "allow_interpreted_subclasses",
	                                   "serializable", "free_list_len", "acyclic"};
	/* acyclic is known since 2.0.0 (PR 21227). */
	size_t n = scout_walk_mypyc_version(w) >= SCOUT_V(2, 0, 0) ? 5 : 4;

	for (size_t i = 0; i < n; i++)
		if (strlen(keys[i]) == len && memcmp(keys[i], key, len) == 0)
			return true;
	return false;
}

static void check_mypyc_attr_key(scout_walk *w, TSNode node, const scout_rule *self)
{
	const scout_symbols *s = w->sym;
	TSNode args = decorator_mypyc_attr(w, node);
	uint32_t count = ts_node_is_null(args) ? 0 : scout_node_named_child_count(args);

	for (uint32_t i = 0; i < count; i++) {
		TSNode a = scout_node_named_child(args, i), key = a;
		const char *text;
		uint32_t len;
		char message[200];

		if (ts_node_symbol(a) == s->keyword_argument) {
			key = scout_node_field(a, s->f_name);
			text = scout_node_text(key, w->src, &len);
		} else if (!scout_nodes_str_content(w, a, &text, &len)) {
			continue;
		}
		if (known_mypyc_attr(w, text, len))
			continue;
		snprintf(message, sizeof(message),
		         "\"%.*s\" is not a supported \"mypyc_attr\" key, so mypyc rejects the "
		         "decorator",
		         len > 60 ? 60 : (int)len, text);
		scout_walk_report(w, self, key, message, NULL);
	}
}

static const scout_rule rule_mypyc_attr_bad_key = {
    .id = "mypyc-attr-bad-key",
    .category = SCOUT_BLOCKER,
    .title = "unknown @mypyc_attr key",
    .why = "mypyc reports \"\\\"{key}\\\" is not a supported \\\"mypyc_attr\\\"\"",
    .bad = "@mypyc_attr(allow_interpreted_subclass=True)\nclass C:\n    pass\n",
    .good = "@mypyc_attr(allow_interpreted_subclasses=True)\nclass C:\n    pass\n",
    .fix = "use one of native_class, allow_interpreted_subclasses, serializable, free_list_len, "
           "acyclic (2.0+)",
    .docs = "https://mypyc.readthedocs.io/en/latest/native_classes.html",
    .since = SCOUT_V(1, 19, 0),
    .on = "decorator",
    .enter = check_mypyc_attr_key};

static void check_mypyc_attr_positional(scout_walk *w, TSNode node, const scout_rule *self)
{
	const scout_symbols *s = w->sym;
	TSNode args = decorator_mypyc_attr(w, node);
	uint32_t count = ts_node_is_null(args) ? 0 : scout_node_named_child_count(args);

	for (uint32_t i = 0; i < count; i++) {
		TSNode a = scout_node_named_child(args, i);

		if (ts_node_symbol(a) == s->keyword_argument || ts_node_symbol(a) == s->comment ||
		    scout_nodes_str_literal(w, a))
			continue;
		scout_walk_report(w, self, a,
		                  "a positional mypyc_attr argument is not a string literal: mypyc "
		                  "reports \"All \\\"mypyc_attr\\\" positional arguments must be "
		                  "string literals.\"",
		                  NULL);
	}
}

static const scout_rule rule_mypyc_attr_positional_nonliteral = {
    .id = "mypyc-attr-positional-nonliteral",
    .category = SCOUT_BLOCKER,
    .title = "positional @mypyc_attr argument that is not a string literal",
    .why = "mypyc reports \"All \\\"mypyc_attr\\\" positional arguments must be string "
           "literals.\"",
    .bad = "KEY = \"serializable\"\n\n@mypyc_attr(KEY)\nclass C:\n    pass\n",
    .good = "@mypyc_attr(\"serializable\")\nclass C:\n    pass\n",
    .fix = "write the key as a string literal or as a keyword argument",
    .docs = "https://mypyc.readthedocs.io/en/latest/native_classes.html",
    .since = SCOUT_V(1, 19, 0),
    .on = "decorator",
    .enter = check_mypyc_attr_positional};

static void check_native_class_value(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode v = scout_mypyc_attr_value(w, node, "native_class");

	if (ts_node_is_null(v) || scout_node_text_is(v, w->src, "True") ||
	    scout_node_text_is(v, w->src, "False"))
		return;
	scout_walk_report(w, self, v,
	                  "native_class is not the literal True or False: mypyc reports "
	                  "\"native_class must be used with True or False only\"",
	                  NULL);
}

static const scout_rule rule_native_class_bad_value = {
    .id = "native-class-bad-value",
    .category = SCOUT_BLOCKER,
    .title = "native_class= given something other than True or False",
    .why = "mypyc reports \"native_class must be used with True or False only\"",
    .bad = "NATIVE = True\n\n@mypyc_attr(native_class=NATIVE)\nclass C:\n    pass\n",
    .good = "@mypyc_attr(native_class=True)\nclass C:\n    pass\n",
    .fix = "write native_class=True or native_class=False literally",
    .docs = "https://mypyc.readthedocs.io/en/latest/native_classes.html",
    .since = SCOUT_V(1, 16, 0),
    .on = "class_definition",
    .enter = check_native_class_value};

static void check_native_class_true(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode v = scout_mypyc_attr_value(w, node, "native_class");
	const char *why;
	char message[320];
	const char *name;
	int n;

	if (ts_node_is_null(v) || !scout_node_text_is(v, w->src, "True"))
		return;
	switch (scout_class_kind_of(w, node)) {
	case SCOUT_CLASS_NONNATIVE_DECORATOR:
		why = "it has a decorator other than the supported ones";
		break;
	case SCOUT_CLASS_NONNATIVE_RECORD:
		why = "TypedDict and NamedTuple classes can't be native";
		break;
	case SCOUT_CLASS_NONNATIVE_METACLASS:
	case SCOUT_CLASS_NONNATIVE_ENUM:
		why = "its metaclass is not ABCMeta, TypingMeta or GenericMeta";
		break;
	default:
		return;
	}
	n = scout_nodes_clip(scout_node_field(node, w->sym->f_name), w->src, &name);
	snprintf(message, sizeof(message),
	         "class %.*s is marked native_class=True but can't be native (%s), so mypyc "
	         "rejects it",
	         n, name, why);
	scout_walk_report(w, self, scout_node_parent(v), message, NULL);
}

static const scout_rule rule_native_class_true_impossible = {
    .id = "native-class-true-impossible",
    .category = SCOUT_BLOCKER,
    .title = "@mypyc_attr(native_class=True) on a class that cannot be native",
    .why = "mypyc reports \"Class is marked as native_class=True but it can't be a native "
           "class\"",
    .bad = "@mypyc_attr(native_class=True)\n@functools.total_ordering\nclass C:\n    pass\n",
    .good = "@mypyc_attr(native_class=True)\nclass C:\n    pass\n",
    .fix = "remove native_class=True, or remove what keeps the class from being native",
    .docs = "https://mypyc.readthedocs.io/en/latest/native_classes.html",
    .since = SCOUT_V(1, 16, 0),
    .on = "class_definition",
    .enter = check_native_class_true};

/* True when the mypyc_attr keyword `key` of `def` is the literal True. */
static bool attr_true(const scout_walk *w, TSNode def, const char *key)
{
	TSNode v = scout_mypyc_attr_value(w, def, key);

	return !ts_node_is_null(v) && scout_node_text_is(v, w->src, "True");
}

static void check_acyclic(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode v = scout_mypyc_attr_value(w, node, "acyclic"), b;
	TSNode tp = scout_node_field(node, w->sym->f_type_parameters);
	uint32_t i = 0;
	char message[240];

	if (ts_node_is_null(v) || !scout_node_text_is(v, w->src, "True"))
		return;
	if (!ts_node_is_null(tp)) {
		scout_walk_report(w, self, tp,
		                  "an acyclic=True class has type parameters, which mypyc does not "
		                  "allow",
		                  NULL);
		return;
	}
	while (!ts_node_is_null(b = scout_defs_base_at(w, node, &i))) {
		TSNode base = scout_module_class_of(w, b), name = b;
		const char *text;
		int n;

		if (ts_node_symbol(name) == w->sym->subscript)
			name = scout_node_field(name, w->sym->f_value);
		if (scout_node_text_is(name, w->src, "object") &&
		    ts_node_is_null(scout_module_class_of(w, name)))
			continue;
		/* Acyclic native classes and traits (prepare.py find_non_acyclic_base). */
		if (!ts_node_is_null(base) && scout_defs_is_native(w, base) &&
		    attr_true(w, base, "acyclic"))
			continue;
		n = scout_nodes_clip(name, w->src, &text);
		snprintf(message, sizeof(message),
		         "an acyclic=True class inherits from %.*s, which is not an acyclic native "
		         "class, so mypyc rejects it",
		         n, text);
		scout_walk_report(w, self, b, message, NULL);
	}
}

static const scout_rule rule_acyclic_nonacyclic_base = {
    .id = "acyclic-nonacyclic-base",
    .category = SCOUT_BLOCKER,
    .title = "@mypyc_attr(acyclic=True) on a class with a non-acyclic base",
    .why = "mypyc reports \"\\\"acyclic\\\" can't be used in a class that inherits from "
           "non-acyclic type ...\"",
    .bad = "class Base:\n    pass\n\n@mypyc_attr(acyclic=True)\nclass C(Base):\n    pass\n",
    .good = "@mypyc_attr(acyclic=True)\nclass Base:\n    pass\n\n"
            "@mypyc_attr(acyclic=True)\nclass C(Base):\n    pass\n",
    .fix = "mark every base class acyclic=True too, or drop acyclic=True",
    .docs = "https://mypyc.readthedocs.io/en/latest/native_classes.html",
    .since = SCOUT_V(2, 0, 0),
    .on = "class_definition",
    .enter = check_acyclic};

/* True when a base of class_def names a builtins class other than object. */
static bool has_builtin_base(const scout_walk *w, TSNode class_def)
{
	uint32_t i = 0;
	TSNode b;
	char buf[128];

	while (!ts_node_is_null(b = scout_defs_base_at(w, class_def, &i))) {
		if (ts_node_symbol(b) == w->sym->subscript)
			b = scout_node_field(b, w->sym->f_value);
		if (ts_node_is_null(b) || ts_node_symbol(b) != w->sym->identifier || !w->names ||
		    !scout_names_qualify(w->names, b, w->src, buf, sizeof(buf)))
			continue;
		if (strncmp(buf, "builtins.", 9) == 0 && strcmp(buf, "builtins.object") != 0 &&
		    ts_node_is_null(scout_module_class_of(w, b)))
			return true;
	}
	return false;
}

static void check_free_list_len(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode v = scout_mypyc_attr_value(w, node, "free_list_len");
	const char *why = NULL;
	char message[240];
	const char *text;
	int n;

	if (ts_node_is_null(v))
		return;
	if (!ts_node_is_null(scout_defs_decorator(w, node, trait_names)))
		why = "can't be used with traits";
	else if (attr_true(w, node, "allow_interpreted_subclasses"))
		why = "can't be used in a class that allows interpreted subclasses";
	else if (has_builtin_base(w, node))
		why = "can't be used in a class that inherits from a built-in type";
	if (why) {
		snprintf(message, sizeof(message), "free_list_len %s, so mypyc rejects it", why);
	} else if (!scout_node_text_is(v, w->src, "1")) {
		n = scout_nodes_clip(v, w->src, &text);
		snprintf(message, sizeof(message),
		         "free_list_len=%.*s is not supported (only 1 is), so mypyc rejects it", n,
		         text);
	} else {
		return;
	}
	scout_walk_report(w, self, scout_node_parent(v), message, NULL);
}

static const scout_rule rule_free_list_len_misuse = {
    .id = "free-list-len-misuse",
    .category = SCOUT_BLOCKER,
    .title = "@mypyc_attr(free_list_len=...) where mypyc does not allow it",
    .why = "mypyc reports \"\\\"free_list_len\\\" can't be used with traits\" (or in classes "
           "allowing interpreted subclasses, or with builtin bases) or \"Unsupported value for "
           "\\\"free_list_len\\\"\"",
    .bad = "@mypyc_attr(free_list_len=8)\nclass C:\n    pass\n",
    .good = "@mypyc_attr(free_list_len=1)\nclass C:\n    pass\n",
    .fix = "use free_list_len=1 on a plain native class only",
    .docs = "https://mypyc.readthedocs.io/en/latest/native_classes.html",
    .since = SCOUT_V(1, 19, 0),
    .on = "class_definition",
    .enter = check_free_list_len};

/* ---- __deletable__ --------------------------------------------------------- */

/* The `__deletable__ = ...` assignment in a class body, or null. */
static TSNode deletable_assignment(const scout_walk *w, TSNode class_def)
{
	const scout_symbols *s = w->sym;
	scout_children it = scout_children_of(scout_node_field(class_def, s->f_body));

	while (scout_children_next(&it)) {
		TSNode a = scout_defs_assignment(w, it.node);

		if (!ts_node_is_null(a) &&
		    scout_node_text_is(scout_node_field(a, s->f_left), w->src, "__deletable__") &&
		    !ts_node_is_null(scout_node_field(a, s->f_right))) {
			scout_children_close(&it);
			return a;
		}
	}
	return SCOUT_NULL_NODE;
}

/* The list or tuple display of a `__deletable__` assignment, or null. */
static TSNode deletable_items(const scout_walk *w, TSNode assignment)
{
	const scout_symbols *s = w->sym;
	TSNode v = scout_node_field(assignment, s->f_right);
	TSSymbol t = ts_node_symbol(v);

	if (t == s->list || t == s->tuple || t == s->expression_list)
		return v;
	return SCOUT_NULL_NODE;
}

enum { ATTR_DEFINED = 1, ATTR_PROPERTY = 2, ATTR_FINAL = 4, ATTR_METHOD = 8 };

/* An attribute name asked about, and what attr_facts found for it. */
typedef struct attr_query {
	const char *name;
	uint32_t len;
	unsigned facts;
	bool skip; /* while a def of this name is looked into */
} attr_query;

/* `self.name = ...` (and `name = ...` in a class body): an assignment's
 * facts for each query whose name `target` spells. */
static void assignment_facts(const scout_walk *w, TSNode a, TSNode target, attr_query *q, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		if (q[k].skip || !scout_nodes_text_eq(target, w->src, q[k].name, q[k].len))
			continue;
		q[k].facts |= ATTR_DEFINED;
		if (scout_defs_annotation_is(w, a, scout_final_names))
			q[k].facts |= ATTR_FINAL;
	}
}

/* The `self.name = ...` assignments anywhere in a method's body. */
static void method_facts(const scout_walk *w, TSNode def, attr_query *q, size_t n)
{
	const scout_symbols *s = w->sym;
	TSNode params = scout_node_field(def, s->f_parameters), self_param, mbody;
	const char *self_name;
	uint32_t self_len, at, end;
	const scout_tix *tix = w->tix;

	if (ts_node_is_null(params) || !scout_node_named_child_count(params))
		return;
	self_param = scout_node_named_child(params, 0);
	if (ts_node_symbol(self_param) != s->identifier)
		return;
	self_name = scout_node_text(self_param, w->src, &self_len);
	mbody = scout_node_field(def, s->f_body);
	if (ts_node_is_null(mbody))
		return;
	scout_tix_subtree(mbody, &at, &end);
	for (; at < end; at++) {
		TSNode node = tix->nodes[at].node, left;

		if (tix->nodes[at].symbol != s->assignment)
			continue;
		left = scout_node_field(node, s->f_left);
		if (ts_node_symbol(left) == s->attribute &&
		    scout_nodes_text_eq(scout_node_field(left, s->f_object), w->src, self_name,
		                        self_len))
			assignment_facts(w, node, scout_node_field(left, s->f_attribute), q, n);
	}
}

/* A def's facts: a method or property named like a query, or else (for
 * the other queries) the `self.name = ...` assignments in its body. */
static void def_facts(const scout_walk *w, TSNode def, attr_query *q, size_t n)
{
	TSNode name = scout_node_field(def, w->sym->f_name);
	size_t named = 0;

	for (size_t k = 0; k < n; k++) {
		q[k].skip = scout_nodes_text_eq(name, w->src, q[k].name, q[k].len);
		if (!q[k].skip)
			continue;
		named++;
		q[k].facts |= ts_node_is_null(scout_defs_decorator(w, def, property_names))
		                  ? ATTR_METHOD
		                  : ATTR_PROPERTY;
	}
	if (named < n)
		method_facts(w, def, q, n);
	for (size_t k = 0; k < n; k++)
		q[k].skip = false;
}

/* What class_def's own body says about each queried attribute: class-body
 * assignments, `self.name = ...` in its methods, defs and properties. One
 * pass for all the queries. */
static void attr_facts_many(const scout_walk *w, TSNode class_def, attr_query *q, size_t n)
{
	const scout_symbols *s = w->sym;
	scout_children it = scout_children_of(scout_node_field(class_def, s->f_body));

	while (scout_children_next(&it)) {
		TSNode a = scout_defs_assignment(w, it.node), def = it.node;

		if (!ts_node_is_null(a)) {
			assignment_facts(w, a, scout_node_field(a, s->f_left), q, n);
			continue;
		}
		if (ts_node_symbol(def) == s->decorated_definition)
			def = scout_node_field(def, s->f_definition);
		if (!ts_node_is_null(def) && ts_node_symbol(def) == s->function_definition)
			def_facts(w, def, q, n);
	}
}

static unsigned attr_facts(const scout_walk *w, TSNode class_def, const char *name, uint32_t len)
{
	attr_query q = {name, len, 0, false};

	attr_facts_many(w, class_def, &q, 1);
	return q.facts;
}

/* How many __deletable__ items get their facts from one shared pass. */
#define MAX_ITEMS 64

/* Memoises the facts of the first MAX_ITEMS string items of class_def's
 * __deletable__, found in one pass over the class. */
static void memo_items(const scout_walk *w, TSNode class_def)
{
	TSNode a = deletable_assignment(w, class_def), items, nodes[MAX_ITEMS];
	attr_query q[MAX_ITEMS];
	scout_children it;
	size_t n = 0;

	scout_walk_memo_put(w, class_def, SCOUT_MEMO_ATTR_DONE, 1);
	if (ts_node_is_null(a) || ts_node_is_null(items = deletable_items(w, a)))
		return;
	it = scout_children_of(items);
	while (n < MAX_ITEMS && scout_children_next(&it)) {
		if (!scout_nodes_str_content(w, it.node, &q[n].name, &q[n].len))
			continue;
		q[n].facts = 0;
		q[n].skip = false;
		nodes[n++] = it.node;
	}
	scout_children_close(&it);
	if (!n)
		return;
	attr_facts_many(w, class_def, q, n);
	for (size_t k = 0; k < n; k++)
		scout_walk_memo_put(w, nodes[k], SCOUT_MEMO_ATTR_FACTS, q[k].facts);
}

/* attr_facts of a __deletable__ item of class_def, memoised for the walk. */
static unsigned item_facts(const scout_walk *w, TSNode class_def, TSNode item, const char *name,
                           uint32_t len)
{
	uint32_t v;

	if (!scout_walk_memo_get(w, class_def, SCOUT_MEMO_ATTR_DONE, &v))
		memo_items(w, class_def);
	if (scout_walk_memo_get(w, item, SCOUT_MEMO_ATTR_FACTS, &v))
		return v;
	return attr_facts(w, class_def, name, len);
}

static void check_deletable_shape(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode a = deletable_assignment(w, node);

	if (ts_node_is_null(a) || !ts_node_is_null(deletable_items(w, a)))
		return;
	scout_walk_report(w, self, scout_node_field(a, w->sym->f_right),
	                  "__deletable__ is not a list or tuple display, which mypy rejects when "
	                  "compiling with mypyc",
	                  NULL);
}

static const scout_rule rule_deletable_not_literal_list = {
    .id = "deletable-not-literal-list",
    .category = SCOUT_BLOCKER,
    .title = "__deletable__ not given as a list or tuple display",
    .why = "mypy reports \"\\\"__deletable__\\\" must be initialized with a list or tuple "
           "expression\" when compiling with mypyc",
    .bad = "NAMES = [\"x\"]\n\nclass C:\n    x: int\n    __deletable__ = NAMES\n",
    .good = "class C:\n    x: int\n    __deletable__ = [\"x\"]\n",
    .fix = "write the names out as a list display in the class body",
    .docs = "https://mypyc.readthedocs.io/en/latest/native_classes.html#deleting-attributes",
    .on = "class_definition",
    .enter = check_deletable_shape};

/* What each_deletable calls for an item: its text when it is a string. */
typedef void (*item_fn)(scout_walk *w, TSNode class_def, TSNode item, const char *name,
                        uint32_t len, const scout_rule *self);

/* Calls `fn` for each item of a class's __deletable__ display: its string
 * items (strings true), or its other items, comments aside (strings false). */
static void each_deletable(scout_walk *w, TSNode class_def, const scout_rule *self, bool strings,
                           item_fn fn)
{
	TSNode a = deletable_assignment(w, class_def), items;
	scout_children it;

	if (ts_node_is_null(a) || ts_node_is_null(items = deletable_items(w, a)))
		return;
	it = scout_children_of(items);
	while (scout_children_next(&it)) {
		TSNode item = it.node;
		const char *t = NULL;
		uint32_t l = 0;

		if (strings ? scout_nodes_str_content(w, item, &t, &l)
		            : ts_node_symbol(item) != w->sym->comment &&
		                  !scout_nodes_str_content(w, item, &t, &l))
			fn(w, class_def, item, t, l, self);
	}
}

static void non_str_item(scout_walk *w, TSNode class_def, TSNode item, const char *name,
                         uint32_t len, const scout_rule *self)
{
	(void)class_def;
	(void)name;
	(void)len;
	scout_walk_report(w, self, item,
	                  "a __deletable__ item is not a string literal, which mypy rejects "
	                  "when compiling with mypyc",
	                  NULL);
}

static void check_deletable_item(scout_walk *w, TSNode node, const scout_rule *self)
{
	each_deletable(w, node, self, false, non_str_item);
}

static const scout_rule rule_deletable_item_not_str = {
    .id = "deletable-item-not-str",
    .category = SCOUT_BLOCKER,
    .title = "__deletable__ item that is not a string literal",
    .why = "mypy reports \"Invalid \\\"__deletable__\\\" item; string literal expected\"",
    .bad = "X = \"x\"\n\nclass C:\n    x: int\n    __deletable__ = [X]\n",
    .good = "class C:\n    x: int\n    __deletable__ = [\"x\"]\n",
    .fix = "write each attribute name as a string literal",
    .docs = "https://mypyc.readthedocs.io/en/latest/native_classes.html#deleting-attributes",
    .on = "class_definition",
    .enter = check_deletable_item};

static void undefined_item(scout_walk *w, TSNode class_def, TSNode item, const char *name,
                           uint32_t len, const scout_rule *self)
{
	unsigned facts = item_facts(w, class_def, item, name, len);
	char message[240];
	int n = len > 60 ? 60 : (int)len;

	if (facts & ATTR_PROPERTY)
		snprintf(message, sizeof(message),
		         "\"%.*s\" in __deletable__ is a property: mypyc reports \"Cannot make "
		         "property deletable\"",
		         n, name);
	else if (!(facts & ATTR_DEFINED))
		snprintf(message, sizeof(message),
		         "\"%.*s\" in __deletable__ is not an attribute defined in this class, so "
		         "mypyc rejects it",
		         n, name);
	else
		return;
	scout_walk_report(w, self, item, message, NULL);
}

static void check_deletable_undefined(scout_walk *w, TSNode node, const scout_rule *self)
{
	if (!ts_node_is_null(deletable_assignment(w, node)) && scout_defs_is_native(w, node))
		each_deletable(w, node, self, true, undefined_item);
}

static const scout_rule rule_deletable_undefined = {
    .id = "deletable-undefined",
    .category = SCOUT_BLOCKER,
    .title = "__deletable__ names something that is not an attribute of the class",
    .why = "mypyc reports \"Attribute \\\"{attr}\\\" not defined\" or \"Cannot make property "
           "\\\"{attr}\\\" deletable\"",
    .bad = "class C:\n    __deletable__ = [\"z\"]\n    x: int\n",
    .good = "class C:\n    __deletable__ = [\"x\"]\n    x: int\n",
    .fix = "list only attributes declared or assigned in this class itself",
    .docs = "https://mypyc.readthedocs.io/en/latest/native_classes.html#deleting-attributes",
    .on = "class_definition",
    .enter = check_deletable_undefined};

static void final_item(scout_walk *w, TSNode class_def, TSNode item, const char *name, uint32_t len,
                       const scout_rule *self)
{
	char message[200];

	if (!(item_facts(w, class_def, item, name, len) & ATTR_FINAL))
		return;
	snprintf(message, sizeof(message),
	         "Final attribute \"%.*s\" is listed in __deletable__: mypy reports \"Deletable "
	         "attribute cannot be final\"",
	         len > 60 ? 60 : (int)len, name);
	scout_walk_report(w, self, item, message, NULL);
}

static void check_deletable_final(scout_walk *w, TSNode node, const scout_rule *self)
{
	each_deletable(w, node, self, true, final_item);
}

static const scout_rule rule_deletable_final = {
    .id = "deletable-final",
    .category = SCOUT_BLOCKER,
    .title = "Final attribute listed in __deletable__",
    .why = "mypy reports \"Deletable attribute cannot be final\"",
    .bad = "class C:\n    x: Final = 1\n    __deletable__ = [\"x\"]\n",
    .good = "class C:\n    x: int = 1\n    __deletable__ = [\"x\"]\n",
    .fix = "drop Final from the attribute or remove it from __deletable__",
    .docs = "https://mypyc.readthedocs.io/en/latest/native_classes.html#deleting-attributes",
    .on = "class_definition",
    .enter = check_deletable_final};

/* True when `name` is listed in the __deletable__ of class_def. */
static bool lists_deletable(const scout_walk *w, TSNode class_def, TSNode attr)
{
	TSNode a = deletable_assignment(w, class_def), items;
	uint32_t count, len;
	const char *name = scout_node_text(attr, w->src, &len);

	if (ts_node_is_null(a))
		return false;
	if (ts_node_is_null(items = deletable_items(w, a)))
		return true; /* not a display: another rule; do not guess */
	count = scout_node_named_child_count(items);
	for (uint32_t i = 0; i < count; i++) {
		const char *t;
		uint32_t l;

		if (scout_nodes_str_content(w, scout_node_named_child(items, i), &t, &l) &&
		    l == len && memcmp(t, name, len) == 0)
			return true;
	}
	return false;
}

/* The same-module class that `obj` (an identifier) is an instance of in the
 * nearest enclosing function: its first parameter in a method, or a
 * parameter annotated with a class of this module. Null when unknown. */
static TSNode instance_class(const scout_walk *w, TSNode obj)
{
	const scout_symbols *s = w->sym;
	TSNode fn = SCOUT_NULL_NODE, params;
	uint32_t up, count;

	for (up = 1; up < w->depth; up++) {
		fn = scout_walk_ancestor(w, up);
		if (ts_node_symbol(fn) == s->function_definition ||
		    ts_node_symbol(fn) == s->class_definition)
			break;
	}
	if (up >= w->depth || ts_node_symbol(fn) != s->function_definition)
		return SCOUT_NULL_NODE;
	params = scout_node_field(fn, s->f_parameters);
	count = ts_node_is_null(params) ? 0 : scout_node_named_child_count(params);
	for (uint32_t i = 0; i < count; i++) {
		TSNode p = scout_node_named_child(params, i), name = p, type = SCOUT_NULL_NODE;

		if (ts_node_symbol(p) == s->typed_parameter) {
			name = scout_node_named_child(p, 0);
			type = scout_node_field(p, s->f_type);
		}
		if (ts_node_symbol(name) != s->identifier ||
		    !scout_nodes_text_eq(name, w->src, w->src + ts_node_start_byte(obj),
		                         ts_node_end_byte(obj) - ts_node_start_byte(obj)))
			continue;
		if (!ts_node_is_null(type)) {
			if (scout_node_named_child_count(type))
				type = scout_node_named_child(type, 0);
			return scout_module_class_of(w, type);
		}
		if (i == 0) {
			/* The first parameter of a method of a module-level class. */
			TSNode p1 = scout_walk_ancestor(w, up + 1), cls;
			uint32_t k = up + 1;

			if (ts_node_symbol(p1) == s->decorated_definition)
				p1 = scout_walk_ancestor(w, ++k);
			if (ts_node_symbol(p1) != s->block)
				return SCOUT_NULL_NODE;
			cls = scout_walk_ancestor(w, k + 1);
			if (ts_node_symbol(cls) != s->class_definition ||
			    !ts_node_is_null(scout_defs_decorator(w, fn, scout_staticmethod_names)))
				return SCOUT_NULL_NODE;
			return cls;
		}
		return SCOUT_NULL_NODE;
	}
	return SCOUT_NULL_NODE;
}

/* True when `attr` may be deleted on instances of class_def: listed in the
 * __deletable__ of the class or a same-module base, or unknown (a base from
 * another module, a property). */
static bool deletable_in_chain(const scout_walk *w, TSNode class_def, TSNode attr)
{
	TSNode todo[MAX_BASES];
	size_t ntodo = 0, seen = 0;
	uint32_t len;
	const char *name = scout_node_text(attr, w->src, &len);

	todo[ntodo++] = class_def;
	while (ntodo && seen < MAX_BASES) {
		TSNode c = todo[--ntodo], b;
		uint32_t i = 0;

		seen++;
		if (lists_deletable(w, c, attr) ||
		    attr_facts(w, c, name, len) & (ATTR_PROPERTY | ATTR_METHOD))
			return true;
		while (!ts_node_is_null(b = scout_defs_base_at(w, c, &i))) {
			TSNode base = scout_module_class_of(w, b), id = b;
			char buf[128];

			if (!ts_node_is_null(base)) {
				if (ntodo < MAX_BASES)
					todo[ntodo++] = base;
				continue;
			}
			if (ts_node_symbol(id) == w->sym->subscript)
				id = scout_node_field(id, w->sym->f_value);
			if (!w->names ||
			    !scout_names_qualify(w->names, id, w->src, buf, sizeof(buf)) ||
			    strncmp(buf, "builtins.", 9) != 0)
				return true; /* a base from elsewhere: unknown */
		}
	}
	return false;
}

static void check_del_attr(scout_walk *w, TSNode node, const scout_rule *self)
{
	const scout_symbols *s = w->sym;
	uint32_t count = scout_node_named_child_count(node);

	for (uint32_t i = 0; i < count; i++) {
		TSNode t = scout_node_named_child(node, i);
		uint32_t n = 1;

		if (ts_node_symbol(t) == s->expression_list) {
			n = scout_node_named_child_count(t);
		}
		for (uint32_t j = 0; j < n; j++) {
			TSNode target = n == 1 && ts_node_symbol(t) != s->expression_list
			                    ? t
			                    : scout_node_named_child(t, j);
			TSNode obj, attr, cls;
			char message[240];
			const char *name;
			int len;

			if (ts_node_symbol(target) != s->attribute)
				continue;
			obj = scout_node_field(target, s->f_object);
			attr = scout_node_field(target, s->f_attribute);
			if (ts_node_symbol(obj) != s->identifier)
				continue;
			cls = instance_class(w, obj);
			if (ts_node_is_null(cls) || !scout_defs_is_native(w, cls) ||
			    deletable_in_chain(w, cls, attr))
				continue;
			len = scout_nodes_clip(attr, w->src, &name);
			snprintf(
			    message, sizeof(message),
			    "attribute \"%.*s\" of a native class is not in its __deletable__: "
			    "mypyc reports \"\\\"%.*s\\\" cannot be deleted\"",
			    len, name, len, name);
			scout_walk_report(w, self, target, message, NULL);
		}
	}
}

static const scout_rule rule_del_nondeletable_attr = {
    .id = "del-nondeletable-attr",
    .category = SCOUT_BLOCKER,
    .title = "del of a native-class attribute not listed in __deletable__",
    .why = "mypyc reports \"\\\"{attr}\\\" cannot be deleted\"",
    .bad = "class C:\n    def __init__(self) -> None:\n        self.y = 1\n\n"
           "    def drop(self) -> None:\n        del self.y\n",
    .good = "class C:\n    __deletable__ = [\"y\"]\n\n    def __init__(self) -> None:\n"
            "        self.y = 1\n\n    def drop(self) -> None:\n        del self.y\n",
    .fix = "add the attribute to the class's __deletable__ list",
    .docs = "https://mypyc.readthedocs.io/en/latest/native_classes.html#deleting-attributes",
    .on = "delete_statement",
    .enter = check_del_attr};

/* ---- Final ----------------------------------------------------------------- */

static void check_final_binding(scout_walk *w, TSNode node, const scout_rule *self)
{
	const scout_symbols *s = w->sym;
	TSNode stmt = scout_walk_ancestor(w, 1), holder = scout_walk_ancestor(w, 2), left;
	char message[240];
	const char *name;
	int n;

	if (ts_node_is_null(stmt) || ts_node_symbol(stmt) != s->expression_statement ||
	    ts_node_is_null(holder))
		return;
	if (ts_node_symbol(holder) != s->module &&
	    !(ts_node_symbol(holder) == s->block &&
	      scout_walk_ancestor_symbol(w, 3) == s->class_definition))
		return;
	left = scout_node_field(node, s->f_left);
	if (ts_node_symbol(left) != s->identifier ||
	    ts_node_is_null(scout_node_field(node, s->f_right)) ||
	    !scout_defs_annotation_is(w, node, scout_final_names))
		return;
	n = scout_nodes_clip(left, w->src, &name);
	snprintf(message, sizeof(message),
	         "Final %.*s is inlined into compiled code, so rebinding it at run time (tests, "
	         "patching) has no effect there",
	         n, name);
	scout_walk_report(w, self, left, message, NULL);
}

static const scout_rule rule_final_early_binding = {
    .id = "final-early-binding",
    .category = SCOUT_BEHAVIOUR,
    .title = "Final constant inlined into compiled code",
    .why = "mypyc inlines Final values, so rebinding the name at run time (monkeypatching, "
           "tests) does not reach compiled code",
    .bad = "LIMIT: Final = 10\n",
    .good = "LIMIT = 10\n",
    .fix = "drop Final for values that tests or plugins rebind, or patch the callers instead",
    .docs = "https://mypyc.readthedocs.io/en/latest/differences_from_python.html#final-values",
    .on = "assignment",
    .enter = check_final_binding};

SCOUT_FAMILY(scout_family_runtime, &rule_nonext_property_setter, &scout_rule_nonext_inherits_ext,
             &rule_acyclic_nonacyclic_base, &rule_free_list_len_misuse, &rule_mypyc_attr_bad_key,
             &rule_mypyc_attr_positional_nonliteral, &rule_native_class_true_impossible,
             &rule_native_class_bad_value, &rule_deletable_undefined, &rule_del_nondeletable_attr,
             &rule_deletable_not_literal_list, &rule_deletable_item_not_str, &rule_deletable_final,
             &rule_class_decorator_nonnative, &rule_metaclass_nonnative, &rule_enum_nonnative,
             &rule_typeddict_namedtuple_nonnative, &rule_native_class_false,
             &rule_runtime_checkable_protocol, &rule_native_inherits_c_type,
             &rule_final_early_binding);
