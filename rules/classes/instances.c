/* Native instances: what code does with an instance that a native class
 * does not support -- its __dict__ and vars(), weak references, pickle and
 * copy, methods replaced with setattr. An instance is recognised only where
 * the module shows its class: `self` in a method, a parameter annotated
 * with a class of the module, or a direct construction `Cls(...)`. */
#include "common/defs.h"
#include "common/typing_names.h"
#include "common/docs.h"
#include "classes/classes.h"
#include "registry.h"

#include <stdio.h>
#include <string.h>

#define MAX_PARAMS 64

static const char *const vars_names[] = {"builtins.vars", NULL};

static const char *const setattr_names[] = {"builtins.setattr", NULL};

static const char *const weakref_call_names[] = {"weakref.ref", "weakref.proxy", "weakref.finalize",
                                                 NULL};

static const char *const weak_container_names[] = {"weakref.WeakSet", "weakref.WeakValueDictionary",
                                                   "weakref.WeakKeyDictionary", NULL};

static const char *const pickle_names[] = {"pickle.dumps", "pickle.dump", NULL};

static const char *const copy_names[] = {"copy.copy", "copy.deepcopy", NULL};

static const char *const *const setattr_callees[] = {setattr_names, NULL};

static const char *const *const vars_callees[] = {vars_names, NULL};

static const char *const *const weakref_callees[] = {weakref_call_names, NULL};

static const char *const *const pickle_callees[] = {pickle_names, copy_names, NULL};

/* The first parameter's name of a plain method (not static, not class). */
static TSNode self_param(const scout_walk *w, TSNode def)
{
	TSNode p[1];

	if (scout_defs_is_staticmethod(w, def) ||
	    scout_class_has_decorator(w, def, scout_classmethod_names) ||
	    scout_defs_params_of(w, def, p, 1) != 1)
		return SCOUT_NULL_NODE;
	return scout_defs_param_name(w, p[0]);
}

/* The parameter of def named like `name`, or null. */
static TSNode param_named(const scout_walk *w, TSNode def, TSNode name)
{
	TSNode p[MAX_PARAMS];
	uint32_t n = scout_defs_params_of(w, def, p, MAX_PARAMS);

	for (uint32_t i = 0; i < n; i++)
		if (scout_nodes_same_text(w, scout_defs_param_name(w, p[i]), name))
			return p[i];
	return SCOUT_NULL_NODE;
}

/* The same-module class of which `expr` is (most likely) an instance:
 * `self` in a plain method, a parameter annotated with the class, or a
 * direct construction `Cls(...)`. Null when unknown. */
static TSNode instance_class(const scout_walk *w, TSNode expr)
{
	TSNode def, p;

	if (ts_node_is_null(expr))
		return SCOUT_NULL_NODE;
	if (ts_node_symbol(expr) == w->sym->call)
		return scout_module_class_of(w, scout_nodes_field(expr, w->sym->f_function));
	if (ts_node_symbol(expr) != w->sym->identifier)
		return SCOUT_NULL_NODE;
	def = scout_defs_enclosing_function(w, 1);
	if (ts_node_is_null(def))
		return SCOUT_NULL_NODE;
	if (!ts_node_is_null(scout_defs_method_class(w, def))) {
		p = self_param(w, def);
		if (!ts_node_is_null(p) && scout_nodes_same_text(w, p, expr))
			return scout_defs_method_class(w, def);
	}
	p = param_named(w, def, expr);
	if (ts_node_is_null(p))
		return SCOUT_NULL_NODE;
	p = scout_defs_param_type(w, p);
	if (!ts_node_is_null(p) && ts_node_symbol(p) == w->sym->string &&
	    scout_node_named_child_count(p) == 3 &&
	    ts_node_symbol(scout_node_named_child(p, 1)) == w->sym->string_content) {
		uint32_t len;
		const char *text = scout_node_text(scout_node_named_child(p, 1), w->src, &len);

		return scout_module_class(w, text, len); /* "C" */
	}
	return scout_module_class_of(w, p);
}

/* The n-th positional argument of a call, or null. */
static TSNode positional(const scout_walk *w, TSNode call, uint32_t k)
{
	TSNode args = scout_nodes_field(call, w->sym->f_arguments);
	uint32_t count = ts_node_is_null(args) ? 0 : scout_node_named_child_count(args), seen = 0;

	for (uint32_t i = 0; i < count; i++) {
		TSNode a = scout_node_named_child(args, i);
		TSSymbol t = ts_node_symbol(a);

		if (t == w->sym->keyword_argument || t == w->sym->comment)
			continue;
		if (t == w->sym->list_splat || t == w->sym->dictionary_splat)
			return SCOUT_NULL_NODE;
		if (seen++ == k)
			return a;
	}
	return SCOUT_NULL_NODE;
}

/* The method `name` of cls or its same-module bases (depth first); the
 * class defining it in *owner. *unknown is set when a base outside the
 * module was passed (it may define the method). */
static TSNode find_method(const scout_walk *w, TSNode cls, const char *name, TSNode *owner,
                          bool *unknown)
{
	TSNode todo[SCOUT_DEFS_MAX_CHAIN];
	size_t ntodo = 0, visited = 0;
	size_t len = strlen(name);

	*unknown = false;
	todo[ntodo++] = cls;
	while (ntodo && visited++ < SCOUT_DEFS_MAX_CHAIN) {
		TSNode c = todo[--ntodo], bases[SCOUT_DEFS_MAX_BASES],
		       m = scout_defs_body_method(w, c, name, (uint32_t)len);
		uint32_t n;

		if (!ts_node_is_null(m)) {
			*owner = c;
			return m;
		}
		n = scout_class_bases(w, c, bases, SCOUT_DEFS_MAX_BASES);
		for (uint32_t i = 0; i < n; i++)
			if (ts_node_is_null(scout_module_class_of(w, bases[i])) &&
			    !scout_walk_is(w, scout_base_name(w, bases[i]), scout_object_names))
				*unknown = true;
		scout_defs_push_bases(w, c, todo, &ntodo);
	}
	return SCOUT_NULL_NODE;
}

/* --- native instances: __dict__, weakref, pickle/copy ------------------------ */

/* A native class whose whole hierarchy is in this module (bases: classes
 * of the module, object, Generic[...]/Protocol): a Python or builtin base
 * (Exception, a library class) gives instances a __dict__ and weakref slot
 * of its own, and a bad builtin base is blocked by builtin-base first. */
static bool instance_native(const scout_walk *w, TSNode cls)
{
	static const char *const erased[] = {"typing.Generic", "typing.Protocol",
	                                     "typing_extensions.Protocol", NULL};
	TSNode todo[SCOUT_DEFS_MAX_CHAIN];
	size_t ntodo = 0, visited = 0;

	if (!scout_defs_is_native(w, cls))
		return false;
	todo[ntodo++] = cls;
	while (ntodo && visited++ < SCOUT_DEFS_MAX_CHAIN) {
		TSNode c = todo[--ntodo], bases[SCOUT_DEFS_MAX_BASES];
		uint32_t n = scout_class_bases(w, c, bases, SCOUT_DEFS_MAX_BASES);

		for (uint32_t i = 0; i < n; i++) {
			TSNode local = scout_module_class_of(w, bases[i]);
			TSNode name = scout_base_name(w, bases[i]);

			if (!ts_node_is_null(local)) {
				if (!scout_defs_is_native(w, local))
					return false;
				if (ntodo < SCOUT_DEFS_MAX_CHAIN)
					todo[ntodo++] = local;
			} else if (!scout_walk_is(w, name, scout_object_names) &&
			           !scout_walk_is(w, name, erased))
				return false;
		}
	}
	return true;
}

static void report_instance(scout_walk *w, const scout_rule *self, TSNode at, TSNode cls,
                            const char *what, const char *effect)
{
	char message[400];

	snprintf(message, sizeof(message), "%.*s %s native class %.*s: %s",
	         SCOUT_TEXT_ARG(at, w->src), what, SCOUT_TEXT_ARG(scout_defs_name(w, cls), w->src),
	         effect);
	scout_walk_report(w, self, at, message, NULL);
}

static void check_instance_dict_attr(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode cls;

	if (w->in_type ||
	    !scout_node_text_is(scout_nodes_field(node, w->sym->f_attribute), w->src, "__dict__"))
		return;
	cls = instance_class(w, scout_nodes_field(node, w->sym->f_object));
	if (!instance_native(w, cls))
		return;
	report_instance(w, self, node, cls, "reads the __dict__ of an instance of",
	                "compiled instances have no __dict__ (AttributeError)");
}

/* A string literal without interpolation. */
static bool is_plain_string(const scout_walk *w, TSNode n)
{
	uint32_t count;

	if (ts_node_is_null(n) || ts_node_symbol(n) != w->sym->string)
		return false;
	count = scout_node_named_child_count(n);
	for (uint32_t i = 0; i < count; i++)
		if (ts_node_symbol(scout_node_named_child(n, i)) == w->sym->interpolation)
			return false;
	return true;
}

static void check_instance_dict_call(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode fn = scout_nodes_field(node, w->sym->f_function), cls;

	if (!scout_walk_is(w, fn, vars_names))
		return;
	cls = instance_class(w, positional(w, node, 0));
	if (instance_native(w, cls) && ts_node_is_null(positional(w, node, 1)))
		report_instance(w, self, node, cls, "is called on an instance of",
		                "compiled instances have no __dict__ (TypeError)");
}

/* True when the subtree of `n` (a few levels) names a same-module native
 * class; the class in *cls. Iterative, bounded. */
static bool names_native_class(const scout_walk *w, TSNode n, TSNode *cls)
{
	TSNode todo[32];
	size_t ntodo = 0, visited = 0;

	todo[ntodo++] = n;
	while (ntodo && visited++ < 64) {
		TSNode c = todo[--ntodo];
		uint32_t count;

		if (ts_node_symbol(c) == w->sym->identifier) {
			TSNode k = scout_module_class_of(w, c);

			if (scout_defs_is_native(w, k)) {
				*cls = k;
				return true;
			}
			continue;
		}
		count = scout_node_named_child_count(c);
		for (uint32_t i = 0; i < count && ntodo < 32; i++)
			todo[ntodo++] = scout_node_named_child(c, i);
	}
	return false;
}

static void check_weakref_call(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode fn = scout_nodes_field(node, w->sym->f_function), cls;

	if (!scout_walk_is(w, fn, weakref_call_names))
		return;
	cls = instance_class(w, positional(w, node, 0));
	if (instance_native(w, cls))
		report_instance(w, self, node, cls, "takes a weak reference to an instance of",
		                "compiled instances do not support weak references (TypeError: "
		                "cannot create weak reference)");
}

/* WeakSet[C], WeakValueDictionary[str, C] ... in annotations and calls. */
static void check_weak_container(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode head, cls = SCOUT_NULL_NODE;
	uint32_t count = scout_node_named_child_count(node);
	bool found = false;

	if (count < 2)
		return;
	head = ts_node_symbol(node) == w->sym->subscript ? scout_nodes_field(node, w->sym->f_value)
	                                                 : scout_node_named_child(node, 0);
	if (!scout_walk_is(w, head, weak_container_names))
		return;
	for (uint32_t i = 0; i < count && !found; i++) {
		TSNode arg = scout_node_named_child(node, i);

		if (!ts_node_eq(arg, head))
			found = names_native_class(w, arg, &cls);
	}
	if (!found)
		return;
	report_instance(w, self, node, cls, "holds weak references to instances of",
	                "compiled instances do not support weak references (TypeError)");
}

/* The first required parameter of cls's __init__ (same-module chain), or
 * null when there is none or it cannot be seen. */
static TSNode required_init_param(const scout_walk *w, TSNode cls)
{
	TSNode owner, p[MAX_PARAMS], init;
	bool unknown;
	uint32_t n;

	init = find_method(w, cls, "__init__", &owner, &unknown);
	if (ts_node_is_null(init))
		return SCOUT_NULL_NODE;
	n = scout_defs_params_of(w, init, p, MAX_PARAMS);
	for (uint32_t i = 1; i < n; i++) {
		TSSymbol t = ts_node_symbol(p[i]);

		if (t == w->sym->identifier || t == w->sym->typed_parameter)
			return scout_defs_param_name(w, p[i]);
	}
	return SCOUT_NULL_NODE;
}

static bool defines_any(const scout_walk *w, TSNode cls, const char *const *names)
{
	for (size_t i = 0; names[i]; i++) {
		TSNode owner;
		bool unknown;

		if (!ts_node_is_null(find_method(w, cls, names[i], &owner, &unknown)) || unknown)
			return true;
	}
	return false;
}

static void check_pickle_copy(scout_walk *w, TSNode node, const scout_rule *self)
{
	static const char *const reduce[] = {"__reduce__",        "__reduce_ex__", "__getnewargs__",
	                                     "__getnewargs_ex__", "__getstate__",  NULL};
	static const char *const copiers[] = {"__copy__", "__deepcopy__", NULL};
	TSNode fn = scout_nodes_field(node, w->sym->f_function), cls, param, v;
	bool pickling = scout_walk_is(w, fn, pickle_names);
	char effect[256];

	if (!pickling && !scout_walk_is(w, fn, copy_names))
		return;
	cls = instance_class(w, positional(w, node, 0));
	if (!instance_native(w, cls))
		return;
	v = scout_mypyc_attr_value(w, cls, "serializable");
	if (!ts_node_is_null(v) && scout_node_text_is(v, w->src, "True"))
		return;
	v = scout_mypyc_attr_value(w, cls, "allow_interpreted_subclasses");
	if (!ts_node_is_null(v) && scout_node_text_is(v, w->src, "True"))
		return;
	if (defines_any(w, cls, reduce) || (!pickling && defines_any(w, cls, copiers)))
		return;
	param = required_init_param(w, cls);
	if (ts_node_is_null(param))
		return;
	snprintf(effect, sizeof(effect),
	         "its __init__ needs %.*s, and compiled instances are rebuilt by calling it "
	         "without arguments (TypeError)",
	         SCOUT_TEXT_ARG(param, w->src));
	report_instance(w, self, node, cls,
	                pickling ? "pickles an instance of" : "copies an instance of", effect);
}

static const scout_rule rule_pickle_copy_native = {
    .id = "pickle-copy-native",
    .category = SCOUT_BEHAVIOUR,
    .title = "pickle or copy of a native instance whose __init__ needs arguments",
    .why = "compiled instances are rebuilt by calling __init__ without arguments: \"TypeError: "
           "__init__() missing required argument\"; classes with "
           "@mypyc_attr(serializable=True), __reduce__/__getstate__ (or __copy__ for copy) "
           "are skipped; instances seen as for native-instance-no-dict",
    .bad = "import copy\n\n\nclass C:\n    def __init__(self, n: int) -> None:\n        self.n "
           "= n\n\n    def clone(self) -> \"C\":\n        return copy.copy(self)\n",
    .good = "class C:\n    def __init__(self, n: int) -> None:\n        self.n = n\n\n    def "
            "clone(self) -> \"C\":\n        return C(self.n)\n",
    .fix = "decorate the class with @mypyc_attr(serializable=True), or copy explicitly",
    .docs = SCOUT_DOCS_DIFF,
    .on = "call",
    .enter = check_pickle_copy,
    .callees = pickle_callees};

/* --- runtime patching --------------------------------------------------------- */

static void check_setattr_method(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode fn = scout_nodes_field(node, w->sym->f_function), cls, name, content, method;
	uint32_t len;
	const char *text;
	char message[400];

	if (!scout_walk_is(w, fn, setattr_names) || ts_node_is_null(positional(w, node, 2)))
		return;
	cls = scout_module_class_of(w, positional(w, node, 0));
	name = positional(w, node, 1);
	if (!scout_defs_is_native(w, cls) || !is_plain_string(w, name) ||
	    scout_node_named_child_count(name) != 3)
		return;
	content = scout_node_named_child(name, 1);
	if (ts_node_symbol(content) != w->sym->string_content)
		return;
	text = scout_node_text(content, w->src, &len);
	method = scout_defs_body_method(w, cls, text, len);
	if (ts_node_is_null(method))
		return;
	snprintf(message, sizeof(message),
	         "%.*s replaces method %.*s of native class %.*s at run time: compiled callers "
	         "keep calling the original",
	         SCOUT_TEXT_ARG(fn, w->src), SCOUT_TEXT_ARG(content, w->src),
	         SCOUT_TEXT_ARG(scout_defs_name(w, cls), w->src));
	scout_walk_report(w, self, node, message, NULL);
}

const scout_rule scout_rule_monkeypatch_method = {
    .id = "monkeypatch-method",
    .category = SCOUT_BEHAVIOUR,
    .title = "method of a native class replaced at run time",
    .why = "native classes are not immutable at run time, but compiled callers dispatch to "
           "the original method; seen: setattr(Cls, \"method\", ...) on a class of the same "
           "module, and `Cls.method = ...` / patch.object(Cls, \"method\") on a class "
           "imported from another module of the project (the whole project taken as "
           "compiled)",
    .bad = "class C:\n    def m(self) -> int:\n        return 1\n\n\ndef fake(self: C) -> "
           "int:\n    return 2\n\n\nsetattr(C, \"m\", fake)\n",
    .good = "class C:\n    def __init__(self, m: int = 1) -> None:\n        self.value = m\n\n"
            "    def m(self) -> int:\n        return self.value\n",
    .fix = "inject the behaviour (a parameter or strategy object) instead of patching the "
           "class, or keep the class interpreted",
    .docs = SCOUT_DOCS_NATIVE,
    .on = "call",
    .enter = check_setattr_method,
    .callees = setattr_callees};

static void check_instance_dict(scout_walk *w, TSNode node, const scout_rule *self)
{
	if (ts_node_symbol(node) == w->sym->call)
		check_instance_dict_call(w, node, self);
	else
		check_instance_dict_attr(w, node, self);
}

static const scout_rule rule_native_instance_no_dict = {
    .id = "native-instance-no-dict",
    .category = SCOUT_BEHAVIOUR,
    .title = "instance __dict__ or vars() of a native instance",
    .why = "native instances have a fixed attribute set and no __dict__: `self.__dict__` "
           "raises AttributeError and vars(obj) TypeError; instances seen: self in a method, "
           "parameters annotated with a class of the module, direct constructions, of "
           "classes whose bases are all in the module (a Python base brings a __dict__). "
           "setattr(obj, name, v) with a computed name is not flagged: it works for the "
           "attributes the class (or a subclass) declares",
    .bad = "class C:\n    def __init__(self) -> None:\n        self.x = 0\n\n    def dump(self) "
           "-> dict:\n        return vars(self)\n",
    .good = "class C:\n    def __init__(self) -> None:\n        self.x = 0\n\n    def dump(self) "
            "-> dict:\n        return {\"x\": self.x}\n",
    .fix = "read and write declared attributes explicitly, or make the class non-native",
    .docs = SCOUT_DOCS_NATIVE,
    .on = "attribute,call",
    .enter = check_instance_dict,
    .callees = vars_callees};

static void check_weakref(scout_walk *w, TSNode node, const scout_rule *self)
{
	if (ts_node_symbol(node) == w->sym->call)
		check_weakref_call(w, node, self);
	else
		check_weak_container(w, node, self);
}

static const scout_rule rule_weakref_native = {
    .id = "weakref-native",
    .category = SCOUT_BEHAVIOUR,
    .title = "weak reference to a native instance",
    .why = "compiled instances have no weakref slot: \"TypeError: cannot create weak "
           "reference to 'C' object\"; seen: weakref.ref/proxy/finalize of self, annotated "
           "parameters and constructions, and WeakSet/WeakValueDictionary/WeakKeyDictionary "
           "typed with a native class of the module",
    .bad = "import weakref\n\n\nclass Node:\n    def handle(self) -> \"weakref.ref[Node]\":\n"
           "        return weakref.ref(self)\n",
    .good = "class Node:\n    def handle(self) -> \"Node\":\n        return self\n",
    .fix = "keep strong references (or ids in a dict), or make the class non-native",
    .docs = "https://github.com/mypyc/mypyc/issues/1102",
    .on = "call,subscript,generic_type",
    .enter = check_weakref,
    .callees = weakref_callees};

SCOUT_FAMILY(scout_family_classes_instances, &rule_pickle_copy_native,
             &scout_rule_monkeypatch_method, &rule_native_instance_no_dict, &rule_weakref_native);
