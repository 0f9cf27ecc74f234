/* __new__: object.__new__(...) and super().__new__(...) in the __new__ of
 * classes mypyc cannot build that way, and the argument count it supports
 * (mypyc/irbuild/expression.py, specialize.py). */
#include "common/defs.h"
#include "common/typing_names.h"
#include "common/docs.h"
#include "methods/methods.h"
#include "registry.h"
#include "scout/stdlib.h"

#include <stdio.h>
#include <string.h>

static const char *const super_names[] = {"builtins.super", NULL};

/* --- classes with Python bases ------------------------------------------------ */

/* True when cls (native) has a class outside the compilation unit in its
 * MRO that the module itself shows: a builtin other than object, a class
 * imported from the standard library, or a same-module non-native class.
 * Bases imported from other modules may be project classes: not decided.
 * False for classes with a builtin base outside mypyc's allow-list (those
 * are blocked by builtin-base first). The offending base in *base. */
bool scout_methods_inherits_python(const scout_walk *w, TSNode cls, TSNode *base)
{
	TSNode todo[SCOUT_DEFS_MAX_CHAIN];
	size_t ntodo = 0, visited = 0;

	todo[ntodo++] = cls;
	while (ntodo && visited++ < SCOUT_DEFS_MAX_CHAIN) {
		TSNode c = todo[--ntodo], bases[SCOUT_DEFS_MAX_BASES];
		uint32_t n = scout_class_bases(w, c, bases, SCOUT_DEFS_MAX_BASES);

		for (uint32_t i = 0; i < n; i++) {
			TSNode local = scout_module_class_of(w, bases[i]), name;
			char buf[256];

			/* builtin-base reports these, and mypyc stops before it
			 * would build the class's methods */
			if (scout_base_is_bad_builtin(w, bases[i]))
				return false;

			if (!ts_node_is_null(local)) {
				if (!scout_defs_is_native(w, local)) {
					*base = bases[i];
					return true;
				}
				if (ntodo < SCOUT_DEFS_MAX_CHAIN)
					todo[ntodo++] = local;
				continue;
			}
			name = scout_base_name(w, bases[i]);
			if (ts_node_symbol(bases[i]) == w->sym->subscript ||
			    !scout_names_qualify(w->names, name, w->src, buf, sizeof(buf)) ||
			    strcmp(buf, "builtins.object") == 0)
				continue;
			if (scout_str_startswith(buf, "builtins.") ||
			    (scout_stdlib_has(buf, strlen(buf)) &&
			     !scout_str_startswith(buf, "typing.") &&
			     !scout_str_startswith(buf, "typing_extensions.") &&
			     !scout_str_startswith(buf, "abc.ABCMeta"))) {
				*base = bases[i];
				return true;
			}
		}
	}
	return false;
}

/* object.__new__(...) or super().__new__(...). */
static bool is_object_new(const scout_walk *w, TSNode call)
{
	TSNode fn = scout_nodes_field(call, w->sym->f_function), obj;

	if (ts_node_is_null(fn) || ts_node_symbol(fn) != w->sym->attribute ||
	    !scout_node_text_is(scout_nodes_field(fn, w->sym->f_attribute), w->src, "__new__"))
		return false;
	obj = scout_nodes_field(fn, w->sym->f_object);
	return scout_walk_is(w, obj, scout_object_names) ||
	       (ts_node_symbol(obj) == w->sym->call &&
	        scout_walk_is(w, scout_nodes_field(obj, w->sym->f_function), super_names));
}

/* The class of the __new__ the call is in, or null. */
static TSNode new_method_class(const scout_walk *w, TSNode call)
{
	TSNode def;

	if (!is_object_new(w, call))
		return SCOUT_NULL_NODE;
	def = scout_defs_enclosing_function(w, 1);
	if (ts_node_is_null(def) || !scout_node_text_is(scout_defs_name(w, def), w->src, "__new__"))
		return SCOUT_NULL_NODE;
	return scout_defs_method_class(w, def);
}

static void check_object_new_nonnative(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode cls = new_method_class(w, node);
	char message[320];

	if (ts_node_is_null(cls) || scout_class_kind_of(w, cls) == SCOUT_CLASS_NATIVE)
		return;
	snprintf(message, sizeof(message),
	         "%.*s in __new__ of %.*s, which is not a native class: mypyc reports "
	         "\"\"object.__new__()\" not supported for non-extension classes\"",
	         SCOUT_TEXT_ARG(scout_nodes_field(node, w->sym->f_function), w->src),
	         SCOUT_TEXT_ARG(scout_defs_name(w, cls), w->src));
	scout_walk_report(w, self, node, message, NULL);
}

static const scout_rule rule_object_new_nonnative = {
    .id = "object-new-nonnative",
    .category = SCOUT_BLOCKER,
    .title = "object.__new__ / super().__new__ in __new__ of a non-native class",
    .why = "mypyc reports \"\"object.__new__()\" not supported for non-extension classes\" "
           "(1.18.1+); nativeness is decided from this module (decorators, metaclass, Enum "
           "and record bases), so a metaclass inherited from another module is missed",
    .bad = "from enum import Enum\n\n\nclass Color(Enum):\n    def __new__(cls, value: int) "
           "-> \"Color\":\n        obj = object.__new__(cls)\n        obj._value_ = value\n"
           "        return obj\n",
    .good = "from enum import Enum\n\n\nclass Color(Enum):\n    RED = 1\n",
    .fix = "drop the custom __new__, or keep this class in an interpreted module",
    .docs = SCOUT_DOCS_NATIVE,
    .since = SCOUT_V(1, 18, 1),
    .on = "call",
    .enter = check_object_new_nonnative,
    .callees = scout_new_callees};

static void check_object_new_python_base(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode cls = new_method_class(w, node), base;
	char message[320];

	if (!scout_defs_is_native(w, cls) || !scout_methods_inherits_python(w, cls, &base))
		return;
	snprintf(message, sizeof(message),
	         "%.*s in __new__ of native class %.*s, which inherits from Python class %.*s: "
	         "mypyc reports \"\"object.__new__()\" not supported for classes inheriting from "
	         "non-native classes\"",
	         SCOUT_TEXT_ARG(scout_nodes_field(node, w->sym->f_function), w->src),
	         SCOUT_TEXT_ARG(scout_defs_name(w, cls), w->src), SCOUT_TEXT_ARG(base, w->src));
	scout_walk_report(w, self, node, message, NULL);
}

static const scout_rule rule_object_new_python_base = {
    .id = "object-new-python-base",
    .category = SCOUT_BLOCKER,
    .title = "object.__new__ / super().__new__ in a native class with a Python base",
    .why = "mypyc reports \"\"object.__new__()\" not supported for classes inheriting from "
           "non-native classes\" (1.18.1+); Python bases seen: builtins other than object, "
           "standard-library classes, non-native classes of this module (bases imported "
           "from other modules are not judged)",
    .bad = "class Error(Exception):\n    def __new__(cls) -> \"Error\":\n        return "
           "super().__new__(cls)\n",
    .good = "class Error(Exception):\n    def __init__(self) -> None:\n        "
            "super().__init__()\n",
    .fix = "build instances in __init__ or a factory classmethod instead of __new__",
    .docs = SCOUT_DOCS_NATIVE,
    .since = SCOUT_V(1, 18, 1),
    .on = "call",
    .enter = check_object_new_python_base,
    .callees = scout_new_callees};

/* --- object.__new__(...) argument count --------------------------------------- */

static void check_object_new_argcount(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode fn = scout_node_field(node, w->sym->f_function), obj, def, cls, args;
	uint32_t count, n = 0;
	char message[256];

	if (ts_node_symbol(fn) != w->sym->attribute ||
	    !scout_node_text_is(scout_node_field(fn, w->sym->f_attribute), w->src, "__new__"))
		return;
	obj = scout_node_field(fn, w->sym->f_object);
	if (!(scout_walk_is(w, obj, scout_object_names) ||
	      (ts_node_symbol(obj) == w->sym->call &&
	       scout_node_text_is(scout_node_field(obj, w->sym->f_function), w->src, "super"))))
		return;
	def = scout_defs_enclosing_function(w, 1);
	if (ts_node_is_null(def) || !scout_node_text_is(scout_defs_name(w, def), w->src, "__new__"))
		return;
	cls = scout_defs_method_class(w, def);
	if (ts_node_is_null(cls) || scout_class_kind_of(w, cls) != SCOUT_CLASS_NATIVE)
		return;
	args = scout_node_field(node, w->sym->f_arguments);
	count = ts_node_is_null(args) ? 0 : scout_node_named_child_count(args);
	for (uint32_t i = 0; i < count; i++)
		n += ts_node_symbol(scout_node_named_child(args, i)) != w->sym->comment;
	if (n == 1)
		return;
	snprintf(message, sizeof(message),
	         "%.*s(...) with %u arguments in __new__: mypyc reports \"\"object.__new__()\" "
	         "supported only with 1 argument, got %u\"",
	         SCOUT_TEXT_ARG(fn, w->src), n, n);
	scout_walk_report(w, self, node, message, NULL);
}

static const scout_rule rule_object_new_argcount = {
    .id = "object-new-argcount",
    .category = SCOUT_BLOCKER,
    .title = "object.__new__/super().__new__ in __new__ with other than one argument",
    .why = "mypyc reports \"\"object.__new__()\" supported only with 1 argument, got {N}\"",
    .bad = "class C:\n    def __new__(cls, *args: int) -> \"C\":\n        return "
           "super().__new__(cls, *args)\n",
    .good = "class C:\n    def __new__(cls, *args: int) -> \"C\":\n        return "
            "super().__new__(cls)\n",
    .fix = "call object.__new__(cls) / super().__new__(cls) with cls only",
    .docs = SCOUT_DOCS_NATIVE,
    .since = SCOUT_V(1, 19, 0),
    .on = "call",
    .enter = check_object_new_argcount,
    .callees = scout_new_callees};

SCOUT_FAMILY(scout_family_methods_new, &rule_object_new_nonnative, &rule_object_new_python_base,
             &rule_object_new_argcount);
