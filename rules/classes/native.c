/* Native or not: the class decorators, metaclasses and bases that make
 * mypyc build a regular Python class (mypyc/irbuild/util.py
 * is_extension_class), and what stays interpreted in a native one. The
 * decision itself is scout_class_kind_of (scout/class_kind.h); these rules
 * say why. */
#include "common/defs.h"
#include "common/typing_names.h"
#include "common/docs.h"
#include "registry.h"

#include <stdio.h>
#include <string.h>

static const char *const allowed_decorators[] = {
    "mypy_extensions.trait", "dataclasses.dataclass", "attr.s", "attr.attrs", NULL,
};

static const char *const final_decorators[] = {"typing.final", "typing_extensions.final", NULL};

static const char *const allowed_metaclasses[] = {"abc.ABCMeta", "typing.TypingMeta",
                                                  "typing.GenericMeta", NULL};

static const char *const runtime_checkable_names[] = {"typing.runtime_checkable",
                                                      "typing_extensions.runtime_checkable", NULL};

static const char *const protocol_names[] = {"typing.Protocol", "typing_extensions.Protocol", NULL};

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
		if (ts_node_symbol(expr) == s->call &&
		    scout_walk_is(w, callee, scout_mypyc_attr_names))
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
    .docs = SCOUT_DOCS_NATIVE,
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
    .docs = SCOUT_DOCS_NATIVE,
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
    .docs = SCOUT_DOCS_DIFF,
    .on = "class_definition",
    .enter = check_runtime_checkable};

static const char *const dataclass_names[] = {"dataclasses.dataclass", "attr.s", "attr.attrs",
                                              NULL};

static void check_dataclass(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode decorated = scout_decorated_parent(w, node);
	uint32_t count = ts_node_is_null(decorated) ? 0 : scout_node_named_child_count(decorated);

	for (uint32_t i = 0; i < count; i++) {
		TSNode d = scout_node_named_child(decorated, i);
		char message[320];
		const char *text, *name;
		int n, nlen;

		if (!scout_nodes_is(d, w->sym->decorator) ||
		    !scout_walk_is(w, scout_defs_decorator_callee(w, d), dataclass_names))
			continue;
		if (scout_class_kind_of(w, node) != SCOUT_CLASS_NATIVE)
			return; /* a non-native class has its own finding */
		n = scout_nodes_clip_line(scout_defs_decorator_callee(w, d), w->src, &text);
		nlen = scout_nodes_clip_line(scout_node_field(node, w->sym->f_name), w->src, &name);
		snprintf(message, sizeof(message),
		         "@%.*s class %.*s is native, but the methods the decorator generates "
		         "(__init__, __eq__, __repr__, ...) stay interpreted Python",
		         n, text, nlen, name);
		scout_walk_report(w, self, d, message, NULL);
		return;
	}
}

static const scout_rule rule_dataclass_attrs_partial = {
    .id = "dataclass-attrs-partial",
    .category = SCOUT_SLOW,
    .title = "dataclass / attrs class only partly compiled",
    .why = "@dataclass and @attr.s classes are native, but the methods the decorator "
           "generates at import time stay interpreted",
    .bad = "from dataclasses import dataclass\n\n@dataclass\nclass P:\n    x: int\n",
    .good = "class P:\n    def __init__(self, x: int) -> None:\n        self.x = x\n",
    .fix = "write __init__ (and __eq__ if needed) by hand on hot classes",
    .docs = SCOUT_DOCS_NATIVE,
    .on = "class_definition",
    .enter = check_dataclass};

static const scout_rule rule_python_classes_usage = {
    .id = "python-classes-usage",
    .category = SCOUT_SLOW,
    .title = "non-native classes and dicts used as records are slow in compiled code",
    .why = "attribute access on Python classes and dict-based records goes through generic "
           "operations; the non-native classes themselves are reported by the non-native "
           "rules, and telling a record dict from a data dict needs types, so this is an "
           "advisory",
    .bad = "def point(x: int, y: int) -> dict:\n    return {\"x\": x, \"y\": y}\n",
    .good = "class Point:\n    def __init__(self, x: int, y: int) -> None:\n        self.x = x\n"
            "        self.y = y\n",
    .fix = "model records as native classes (plain classes or dataclasses)",
    .docs = SCOUT_DOCS_PERF,
    .advisory = true};

/* --- reading a member of an Enum whose first base is not enum.Enum ------------ */

static const char *const enum_family[] = {"enum.Enum", "enum.IntEnum", "enum.StrEnum",
                                          "enum.Flag", "enum.IntFlag", "enum.ReprEnum",
                                          NULL};
static const char *const plain_enum[] = {"enum.Enum", NULL};

/* Whether mypyc marks the members of Enum class `cls` final statics (mypyc/
 * irbuild/classdef.py add_non_ext_class_attr): before 1.14 only when the
 * first base is enum.Enum itself; from 1.14 (PR 18178) when it is any Enum
 * class; from 1.15 (PR 18426) the last base is looked at, as Python
 * requires the Enum there. */
static bool members_declared(const scout_walk *w, TSNode cls)
{
	TSNode bases[SCOUT_DEFS_MAX_BASES], local;
	uint32_t n = scout_class_bases(w, cls, bases, SCOUT_DEFS_MAX_BASES);

	if (n == 0)
		return true;
	if (scout_walk_mypyc_version(w) < SCOUT_V(1, 14, 0))
		return scout_walk_is(w, bases[0], plain_enum);
	if (scout_walk_is(w, bases[0], enum_family))
		return true;
	local = scout_module_class_of(w, bases[0]);
	return !ts_node_is_null(local) &&
	       scout_class_kind_of(w, local) == SCOUT_CLASS_NONNATIVE_ENUM;
}

/* Whether the body of class `cls` assigns `name` (len bytes) at its top
 * level: an Enum member (names with a leading underscore are not). */
static bool assigns_member(const scout_walk *w, TSNode cls, const char *name, uint32_t len)
{
	TSNode body = scout_node_field(cls, w->sym->f_body);
	uint32_t count = ts_node_is_null(body) ? 0 : scout_node_named_child_count(body);

	if (len == 0 || name[0] == '_')
		return false;
	for (uint32_t i = 0; i < count; i++) {
		TSNode a = scout_defs_assignment(w, scout_node_named_child(body, i)), left;
		uint32_t l;
		const char *t;

		if (ts_node_is_null(a) || ts_node_is_null(scout_node_field(a, w->sym->f_right)))
			continue;
		left = scout_node_field(a, w->sym->f_left);
		if (ts_node_is_null(left) || ts_node_symbol(left) != w->sym->identifier)
			continue;
		t = scout_node_text(left, w->src, &l);
		if (l == len && memcmp(t, name, len) == 0)
			return true;
	}
	return false;
}

static void check_enum_member_undeclared(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode object = scout_node_field(node, w->sym->f_object),
	       attr = scout_node_field(node, w->sym->f_attribute), parent, cls;
	const char *name;
	uint32_t len;
	char message[400];

	if (ts_node_is_null(object) || ts_node_is_null(attr) ||
	    ts_node_symbol(object) != w->sym->identifier)
		return;
	parent = scout_walk_ancestor(w, 1);
	if (!ts_node_is_null(parent) &&
	    (ts_node_symbol(parent) == w->sym->assignment ||
	     ts_node_symbol(parent) == w->sym->augmented_assignment) &&
	    ts_node_eq(scout_node_field(parent, w->sym->f_left), node))
		return; /* a store, not a read */
	cls = scout_module_class_of(w, object);
	if (ts_node_is_null(cls) || scout_class_kind_of(w, cls) != SCOUT_CLASS_NONNATIVE_ENUM)
		return;
	name = scout_node_text(attr, w->src, &len);
	if (!assigns_member(w, cls, name, len) || members_declared(w, cls))
		return;
	snprintf(message, sizeof(message),
	         "%.*s.%.*s reads a member of an Enum whose first base is not enum.Enum "
	         "(before 1.14) or not an Enum (1.14): mypyc emits C that gcc rejects "
	         "(\"CPyStatic_%.*s___%.*s undeclared\")",
	         SCOUT_TEXT_ARG(object, w->src), (int)len, name, SCOUT_TEXT_ARG(object, w->src),
	         (int)len, name);
	scout_walk_report(w, self, node, message, NULL);
}

static const scout_rule rule_enum_member_undeclared = {
    .id = "enum-member-static-undeclared",
    .category = SCOUT_BLOCKER,
    .title = "member read of an Enum subclassing another Enum (or IntEnum, or a str mixin)",
    .why = "mypyc treats Enum members as final statics, but declared them only for classes "
           "whose first base is enum.Enum itself (before 1.14, PR 18178) or an Enum class "
           "(1.14, PR 18426 looks at the last base): reading `Color.RED` of `class "
           "Color(Base)`, `class Level(IntEnum)` or `class Code(str, Enum)` then fails in "
           "gcc (\"CPyStatic_Color___RED undeclared\")",
    .bad = "from enum import Enum\n\nclass Base(Enum):\n    pass\n\nclass Color(Base):\n    "
           "RED = 1\n\ndef red() -> Color:\n    return Color.RED\n",
    .good = "from enum import Enum\n\nclass Color(Enum):\n    RED = 1\n\ndef red() -> "
            "Color:\n    return Color.RED\n",
    .fix = "derive the Enum from enum.Enum directly (or upgrade to mypyc 1.15), or read the "
           "member by value (`Color(1)`) or by name (`Color[\"RED\"]`)",
    .docs = SCOUT_DOCS_DIFF,
    .until = SCOUT_V(1, 15, 0),
    .on = "attribute",
    .enter = check_enum_member_undeclared};

SCOUT_FAMILY(scout_family_classes_native, &rule_class_decorator_nonnative,
             &rule_metaclass_nonnative, &rule_enum_nonnative, &rule_typeddict_namedtuple_nonnative,
             &rule_native_class_false, &rule_runtime_checkable_protocol,
             &rule_dataclass_attrs_partial, &rule_python_classes_usage,
             &rule_enum_member_undeclared);
