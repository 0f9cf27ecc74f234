/* Dunder methods of native classes: those without a slot in compiled
 * classes (so instances ignore them), those mypyc rejects in some classes,
 * and names it reserves (mypyc/codegen/emitclass.py, irbuild/classdef.py). */
#include "common/defs.h"
#include "common/typing_names.h"
#include "common/docs.h"
#include "methods/methods.h"
#include "registry.h"

#include <stdio.h>
#include <string.h>

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
    .docs = SCOUT_DOCS_DIFF,
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
    .docs = SCOUT_DOCS_DIFF,
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
    .docs = SCOUT_DOCS_DIFF,
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
    .docs = SCOUT_DOCS_DIFF,
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
    .docs = SCOUT_DOCS_DIFF,
    .until = SCOUT_V(1, 1, 1),
    .on = "function_definition",
    .enter = check_pow};

/* True when class_def or a base class may override __setattr__: defined in
 * the class or a same-module base, or a base from another module (unknown). */
static bool may_have_setattr(const scout_walk *w, TSNode class_def)
{
	const scout_symbols *s = w->sym;
	TSNode todo[SCOUT_DEFS_MAX_CHAIN];
	size_t ntodo = 0, seen = 0;

	todo[ntodo++] = class_def;
	while (ntodo && seen < SCOUT_DEFS_MAX_CHAIN) {
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
				if (ntodo < SCOUT_DEFS_MAX_CHAIN)
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
    .docs = SCOUT_DOCS_NATIVE,
    .since = SCOUT_V(1, 19, 0),
    .on = "function_definition",
    .enter = check_delattr_without_setattr};

static void check_getattr_setattr(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode name = scout_defs_name(w, node), cls, v, base;
	char message[400];

	if (!scout_node_text_is(name, w->src, "__getattr__") &&
	    !scout_node_text_is(name, w->src, "__setattr__"))
		return;
	cls = scout_defs_method_class(w, node);
	if (!scout_defs_is_native(w, cls))
		return;
	v = scout_mypyc_attr_value(w, cls, "allow_interpreted_subclasses");
	if (!ts_node_is_null(v) && scout_node_text_is(v, w->src, "True"))
		snprintf(
		    message, sizeof(message),
		    "%.*s in class %.*s: mypyc reports \"\\\"%.*s\\\" not supported in class "
		    "\\\"%.*s\\\" because it allows interpreted subclasses\"",
		    SCOUT_TEXT_ARG(name, w->src), SCOUT_TEXT_ARG(scout_defs_name(w, cls), w->src),
		    SCOUT_TEXT_ARG(name, w->src), SCOUT_TEXT_ARG(scout_defs_name(w, cls), w->src));
	else if (scout_methods_inherits_python(w, cls, &base))
		snprintf(message, sizeof(message),
		         "%.*s in class %.*s, which inherits from Python class %.*s: mypyc reports "
		         "\"\\\"%.*s\\\" not supported in class \\\"%.*s\\\" because it inherits "
		         "from a non-native class\"",
		         SCOUT_TEXT_ARG(name, w->src),
		         SCOUT_TEXT_ARG(scout_defs_name(w, cls), w->src),
		         SCOUT_TEXT_ARG(base, w->src), SCOUT_TEXT_ARG(name, w->src),
		         SCOUT_TEXT_ARG(scout_defs_name(w, cls), w->src));
	else
		return;
	scout_walk_report(w, self, name, message, NULL);
}

static const scout_rule rule_getattr_setattr_restricted = {
    .id = "getattr-setattr-restricted",
    .category = SCOUT_BLOCKER,
    .title = "__getattr__/__setattr__ in a native class with interpreted subclasses or a "
             "Python base",
    .why = "mypyc reports \"\"__getattr__\" not supported in class ... because it allows "
           "interpreted subclasses\" / \"... because it inherits from a non-native class\" "
           "(1.19+); Python bases are judged as for object-new-python-base",
    .bad = "from mypy_extensions import mypyc_attr\n\n\n"
           "@mypyc_attr(allow_interpreted_subclasses=True)\nclass C:\n    def "
           "__getattr__(self, name: str) -> int:\n        return 1\n",
    .good = "class C:\n    def __getattr__(self, name: str) -> int:\n        return 1\n",
    .fix = "drop allow_interpreted_subclasses or the Python base, or replace the dunder "
           "with an explicit lookup method",
    .docs = SCOUT_DOCS_NATIVE,
    .since = SCOUT_V(1, 19, 0),
    .on = "function_definition",
    .enter = check_getattr_setattr};

/* --- native __get__ returning an unboxed value ---------------------------------- */

static void check_dunder_get_return(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode ret = scout_node_field(node, w->sym->f_return_type), cls, t;
	char message[256];

	if (ts_node_is_null(ret) ||
	    !scout_node_text_is(scout_defs_name(w, node), w->src, "__get__"))
		return;
	cls = scout_defs_method_class(w, node);
	if (ts_node_is_null(cls) || scout_class_kind_of(w, cls) != SCOUT_CLASS_NATIVE)
		return;
	t = ts_node_symbol(ret) == w->sym->type ? scout_node_named_child(ret, 0) : ret;
	if (!scout_walk_is(w, t, scout_value_type_names))
		return;
	snprintf(message, sizeof(message),
	         "__get__ of native class %.*s returns %.*s unboxed: the generated descriptor "
	         "wrapper does not box it, and the C compiler rejects the module",
	         SCOUT_TEXT_ARG(scout_defs_name(w, cls), w->src), SCOUT_TEXT_ARG(t, w->src));
	scout_walk_report(w, self, ret, message, NULL);
}

static const scout_rule rule_dunder_get_unboxed_return = {
    .id = "dunder-get-unboxed-return",
    .category = SCOUT_BLOCKER,
    .title = "native __get__ returning int, float, bool or a native int",
    .why = "the generated tp_descr_get wrapper returns the unboxed C value as PyObject*, so "
           "gcc fails (\"returning 'CPyTagged' ... from a function with return type "
           "'PyObject *'\")",
    .bad = "class Desc:\n    def __get__(self, obj: Any, owner: Any) -> int:\n        return "
           "1\n",
    .good = "class Desc:\n    def __get__(self, obj: Any, owner: Any) -> object:\n        "
            "return 1\n",
    .fix = "annotate __get__ to return object (or a boxed type such as Optional[int])",
    .docs = SCOUT_DOCS_NATIVE,
    .on = "function_definition",
    .enter = check_dunder_get_return};

/* --- native __bool__ not returning bool --------------------------------------- */

/* mypyc/codegen/emitwrapper.py, generate_bool_wrapper: the nb_bool slot of a
 * native class asserts "Only bool return supported for __bool__"; an
 * unannotated __bool__ returns object. */
static void check_dunder_bool_return(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode ret = scout_node_field(node, w->sym->f_return_type), cls, name;
	char message[256];

	name = native_method_named(w, node, (const char *const[]){"__bool__", NULL}, &cls);
	if (ts_node_is_null(name))
		return;
	if (!ts_node_is_null(ret) && ts_node_symbol(ret) == w->sym->type)
		ret = scout_node_named_child(ret, 0);
	if (!ts_node_is_null(ret) && (scout_node_text_is(ret, w->src, "bool") ||
	                              scout_node_text_is(ret, w->src, "builtins.bool") ||
	                              scout_node_text_is(ret, w->src, "\"bool\"") ||
	                              scout_node_text_is(ret, w->src, "'bool'")))
		return;
	snprintf(message, sizeof(message),
	         "__bool__ of native class %.*s %s: mypyc crashes generating its slot "
	         "(\"AssertionError: Only bool return supported for __bool__\")",
	         SCOUT_TEXT_ARG(scout_defs_name(w, cls), w->src),
	         ts_node_is_null(ret) ? "has no return annotation"
	                              : "is not annotated to return bool");
	scout_walk_report(w, self, name, message, "annotate it `-> bool`");
}

static const scout_rule rule_dunder_bool_not_bool = {
    .id = "dunder-bool-not-bool",
    .category = SCOUT_BLOCKER,
    .title = "native __bool__ without a `-> bool` annotation",
    .why = "the nb_bool wrapper of a native class supports only a bool return: mypyc stops "
           "with \"AssertionError: Only bool return supported for __bool__\" when __bool__ is "
           "unannotated (object) or returns another type",
    .bad = "class Box:\n    def __bool__(self):\n        return True\n",
    .good = "class Box:\n    def __bool__(self) -> bool:\n        return True\n",
    .fix = "annotate __bool__ `(self) -> bool`",
    .docs = SCOUT_DOCS_NATIVE,
    .on = "function_definition",
    .enter = check_dunder_bool_return};

/* --- names mypyc reserves ---------------------------------------------------- */

static void check_reserved_method_name(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode cls;
	char message[256];

	if (!scout_node_text_is(scout_defs_name(w, node), w->src, "__mypyc_generator_helper__"))
		return;
	cls = scout_defs_owner_class(w);
	if (ts_node_is_null(cls))
		return;
	snprintf(message, sizeof(message),
	         "method __mypyc_generator_helper__ of class %.*s uses a name mypyc reserves for "
	         "itself",
	         SCOUT_TEXT_ARG(scout_defs_name(w, cls), w->src));
	scout_walk_report(w, self, scout_defs_name(w, node), message, NULL);
}

static const scout_rule rule_reserved_method_name = {
    .id = "reserved-method-name",
    .category = SCOUT_BLOCKER,
    .title = "method named __mypyc_generator_helper__",
    .why = "mypyc reports \"Method name \\\"__mypyc_generator_helper__\\\" is reserved for "
           "mypyc internal use\" (since 1.18.1)",
    .bad = "class C:\n    def __mypyc_generator_helper__(self) -> None:\n        pass\n",
    .good = "class C:\n    def generator_helper(self) -> None:\n        pass\n",
    .fix = "rename the method",
    .docs = SCOUT_DOCS_NATIVE,
    .since = SCOUT_V(1, 18, 1),
    .on = "function_definition",
    .enter = check_reserved_method_name};

SCOUT_FAMILY(scout_family_methods_dunders, &rule_native_data_descriptor,
             &rule_dunder_index_getattribute, &rule_dunder_getattr_setattr_delattr,
             &rule_dunder_del, &rule_dunder_new, &rule_dunder_pow_divmod,
             &rule_delattr_without_setattr, &rule_getattr_setattr_restricted,
             &rule_dunder_get_unboxed_return, &rule_reserved_method_name,
             &rule_dunder_bool_not_bool);
