/* Rule family: heuristics -- catalog entries a syntax tree can only guess
 * at: object.__new__ and __getattr__ in classes with Python bases, native
 * int overrides (this file); native instances handed to weakref, pickle or
 * copy, their __dict__, methods patched with setattr (heuristics_instances.c);
 * float and native int values and cached callables (heuristics_values.c). Each check looks only at
 * what the module itself shows (same-module classes, parameter annotations, `self`) and says in
 * `why` where it can be wrong; what needs a type checker or the installed environment is an
 * advisory. */
#include "heuristics.h"

#include <stdio.h>
#include <string.h>

/* How far same-module base chains are followed (survives cycles). */
#define MAX_CHAIN  32
#define MAX_BASES  16
#define MAX_PARAMS 64

#define DOCS_NATIVE "https://mypyc.readthedocs.io/en/latest/native_classes.html"
#define DOCS_DIFF   "https://mypyc.readthedocs.io/en/latest/differences_from_python.html"
#define DOCS_PERF   "https://mypyc.readthedocs.io/en/latest/performance_tips_and_tricks.html"

static const char *const super_names[] = {"builtins.super", NULL};

/* --- classes with Python bases ------------------------------------------------ */

/* True when cls (native) has a class outside the compilation unit in its
 * MRO that the module itself shows: a builtin other than object, a class
 * imported from the standard library, or a same-module non-native class.
 * Bases imported from other modules may be project classes: not decided.
 * False for classes with a builtin base outside mypyc's allow-list (those
 * are blocked by builtin-base first). The offending base in *base. */
static bool inherits_python(const scout_walk *w, TSNode cls, TSNode *base)
{
	TSNode todo[MAX_CHAIN];
	size_t ntodo = 0, visited = 0;

	todo[ntodo++] = cls;
	while (ntodo && visited++ < MAX_CHAIN) {
		TSNode c = todo[--ntodo], bases[MAX_BASES];
		uint32_t n = scout_class_bases(w, c, bases, MAX_BASES);

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
				if (ntodo < MAX_CHAIN)
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
    .docs = DOCS_NATIVE,
    .since = SCOUT_V(1, 18, 1),
    .on = "call",
    .enter = check_object_new_nonnative,
    .callees = scout_new_callees};

static void check_object_new_python_base(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode cls = new_method_class(w, node), base;
	char message[320];

	if (!scout_defs_is_native(w, cls) || !inherits_python(w, cls, &base))
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
    .docs = DOCS_NATIVE,
    .since = SCOUT_V(1, 18, 1),
    .on = "call",
    .enter = check_object_new_python_base,
    .callees = scout_new_callees};

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
	else if (inherits_python(w, cls, &base))
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
    .docs = DOCS_NATIVE,
    .since = SCOUT_V(1, 19, 0),
    .on = "function_definition",
    .enter = check_getattr_setattr};

/* --- native int overrides ------------------------------------------------------ */

static void check_override_native_int(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode cls = scout_defs_method_class(w, node), name = scout_defs_name(w, node),
	       todo[MAX_CHAIN];
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
	while (ntodo && visited++ < MAX_CHAIN && ts_node_is_null(base)) {
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
    .docs = "https://mypyc.readthedocs.io/en/latest/using_type_annotations.html",
    .since = SCOUT_V(0, 990, 0),
    .on = "function_definition",
    .enter = check_override_native_int};

/* --- the table ------------------------------------------------------------------ */

static const scout_rule rule_missing_import_stubs = {
    .id = "missing-import-stubs",
    .category = SCOUT_BLOCKER,
    .title = "imports of packages without type information must be resolved for mypy",
    .why = "mypy reports \"Cannot find implementation or library stub for module named "
           "...\" (or \"missing library stubs or py.typed marker\") and mypyc stops; "
           "whether a package ships types depends on the installed environment (py.typed, "
           "stub packages, mypy_path, per-module ignore_missing_imports), which a syntax "
           "scan cannot see: a scan that flagged every import outside the standard library, "
           "the project and a list of typed packages also flagged sibling modules missing "
           "from the scanned set (as in the oracle case metaclass-nonnative), so this is an "
           "advisory",
    .bad = "import untyped_vendor_lib\n",
    .good = "import untyped_vendor_lib  # type: ignore[import]\n",
    .fix = "run mypy with mypyc's configuration; install stub packages, or set "
           "ignore_missing_imports for the modules that have none",
    .docs = DOCS_DIFF,
    .advisory = true};

static const scout_rule rule_cross_unit_calls = {
    .id = "cross-unit-calls",
    .category = SCOUT_SLOW,
    .title = "calls into code outside the compilation unit use the generic calling "
             "convention",
    .why = "calls to functions and classes of modules compiled separately, or not at all "
           "(the standard library, third-party packages), go through Python's vectorcall; "
           "nearly every module makes such calls, so this is an advisory: the plan's groups "
           "say which modules to compile together",
    .bad = "from other_pkg import helper\n\n\ndef hot(n: int) -> int:\n    return sum(helper(i) "
           "for i in range(n))\n",
    .good = "def helper(i: int) -> int:\n    return i * 2\n\n\ndef hot(n: int) -> int:\n    "
            "return sum(helper(i) for i in range(n))\n",
    .fix = "compile hot callers and callees in one mypyc invocation (one group)",
    .docs = "https://mypyc.readthedocs.io/en/latest/compilation_units.html",
    .advisory = true};

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
    .docs = DOCS_PERF,
    .advisory = true};

SCOUT_FAMILY(scout_family_heuristics, &rule_object_new_nonnative, &rule_object_new_python_base,
             &rule_getattr_setattr_restricted, &rule_override_native_int_type,
             &rule_missing_import_stubs, &rule_cross_unit_calls, &rule_python_classes_usage);
