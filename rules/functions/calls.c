/* Calls: what makes a call go through the generic Python protocol instead
 * of a native call -- *args and **kwargs, decorators mypyc does not compile
 * away, nested functions and lambdas, callees outside the compilation unit
 * (performance_tips_and_tricks.rst). Slow findings are hints: one per
 * construct, at the place a reader would change. */
#include "common/defs.h"
#include "common/docs.h"
#include "registry.h"

#include <stdio.h>

static bool is_splat_parameter(const scout_walk *w, TSNode p)
{
	const scout_symbols *s = w->sym;

	if (scout_nodes_is(p, s->typed_parameter) && scout_node_named_child_count(p) > 0)
		p = scout_node_named_child(p, 0);
	return scout_nodes_is(p, s->list_splat_pattern) ||
	       scout_nodes_is(p, s->dictionary_splat_pattern);
}

/* The first *x / **x argument of a call, or null. */
static TSNode first_splat_argument(const scout_walk *w, TSNode call)
{
	const scout_symbols *s = w->sym;
	uint32_t at = scout_tix_find(scout_node_field(call, s->f_arguments));
	const scout_tix_node *args = at == SCOUT_TIX_NONE ? NULL : &w->tix->nodes[at];

	if (!args || args->symbol != s->argument_list)
		return SCOUT_NULL_NODE;
	for (uint32_t i = 0; i < args->nnamed; i++) {
		const scout_tix_node *a = &w->tix->nodes[w->tix->named[args->named + i]];

		if (a->symbol == s->list_splat || a->symbol == s->dictionary_splat)
			return a->node;
	}
	return SCOUT_NULL_NODE;
}

/* `def f(*args, **kwargs)`: once per def, at its first splat parameter,
 * reached through the parameter's name. */
static void check_splat_parameter(scout_walk *w, TSNode node, const scout_rule *self)
{
	const scout_symbols *s = w->sym;
	TSNode param = scout_walk_ancestor(w, 1), params = scout_walk_ancestor(w, 2), def;
	uint32_t n, up = 2;
	char message[320];
	const char *text;
	int len;

	if (scout_nodes_is(params, s->typed_parameter)) {
		param = params;
		params = scout_walk_ancestor(w, ++up);
	}
	if (!scout_nodes_is(params, s->parameters))
		return;
	n = scout_node_named_child_count(params);
	for (uint32_t i = 0; i < n; i++) {
		TSNode p = scout_node_named_child(params, i);

		if (ts_node_eq(p, param))
			break;
		if (is_splat_parameter(w, p))
			return; /* reported at the earlier one */
	}
	def = scout_walk_ancestor(w, up + 1);
	len = scout_nodes_clip_line(scout_node_field(def, s->f_name), w->src, &text);
	snprintf(message, sizeof(message),
	         "function %.*s takes *args/**kwargs: every call packs a tuple or dict, and "
	         "mypyc cannot use its fast native calling convention",
	         len, text);
	scout_walk_report(w, self, param, message, NULL);
}

/* `f(*xs)`, `obj.m(**kw)`: once per call, at its first splat argument,
 * reached through the first name of the callee (`f`, `obj`, `super`). */
static void check_splat_call(scout_walk *w, const scout_rule *self, uint32_t start)
{
	const scout_symbols *s = w->sym;

	for (uint32_t up = 1; up < w->depth; up++) {
		TSNode a = scout_walk_ancestor(w, up);
		TSSymbol t = scout_walk_ancestor_symbol(w, up);
		TSNode splat;
		char message[320];
		const char *text;
		int n;

		if (ts_node_start_byte(a) != start ||
		    (t != s->attribute && t != s->subscript && t != s->call))
			return;
		if (t != s->call || ts_node_is_null(splat = first_splat_argument(w, a)))
			continue;
		n = scout_nodes_clip_line(scout_node_field(a, s->f_function), w->src, &text);
		snprintf(message, sizeof(message),
		         "call to %.*s unpacks arguments with * or **: it goes through a generic "
		         "Python call instead of a native one",
		         n, text);
		scout_walk_report(w, self, splat, message, NULL);
	}
}

static void check_star_args(scout_walk *w, TSNode node, const scout_rule *self)
{
	const scout_symbols *s = w->sym;
	TSSymbol pt = scout_walk_ancestor_symbol(w, 1);

	if (pt == s->list_splat_pattern || pt == s->dictionary_splat_pattern)
		check_splat_parameter(w, node, self);
	else if ((pt == s->attribute || pt == s->subscript || pt == s->call) &&
	         ts_node_start_byte(scout_walk_ancestor(w, 1)) == ts_node_start_byte(node))
		check_splat_call(w, self, ts_node_start_byte(node));
}

static const scout_rule rule_star_args = {
    .id = "star-args",
    .category = SCOUT_SLOW,
    .title = "*args/**kwargs parameters and * / ** calls",
    .why = "functions taking *args/**kwargs and calls unpacking with * or ** go through "
           "generic Python calls instead of native ones",
    .bad = "def total(*values: int) -> int:\n    return sum(values)\n",
    .good = "def total(values: list[int]) -> int:\n    return sum(values)\n",
    .fix = "pass explicit parameters or one list/tuple argument",
    .docs = SCOUT_DOCS_PERF,
    .on = "identifier",
    .enter = check_star_args};

/* A def nested in a function (reported at its name), or a lambda. */
static void check_nested(scout_walk *w, TSNode node, const scout_rule *self)
{
	const scout_symbols *s = w->sym;
	TSNode name;
	char message[320];
	const char *text;
	int n;

	if (scout_nodes_is(node, s->lambda)) {
		scout_walk_report(w, self, node,
		                  "lambda is compiled as a callable object: calls through it are "
		                  "generic Python calls, not native ones",
		                  NULL);
		return;
	}
	name = scout_node_field(node, s->f_name);
	if (ts_node_is_null(name) || ts_node_is_null(scout_defs_enclosing_function(w, 1)))
		return;
	n = scout_nodes_clip_line(name, w->src, &text);
	snprintf(message, sizeof(message),
	         "function %.*s is nested in another function: mypyc compiles it as a "
	         "callable object with a closure environment, and calls to it are not "
	         "native",
	         n, text);
	scout_walk_report(w, self, name, message, NULL);
}

static const scout_rule rule_nested_functions_lambdas = {
    .id = "nested-functions-lambdas",
    .category = SCOUT_SLOW,
    .title = "nested function or lambda",
    .why = "nested functions and lambdas become callable objects with closure "
           "environments; calls through them are not native",
    .bad = "def make(n: int) -> Callable[[int], int]:\n    def add(x: int) -> int:\n        "
           "return x + n\n    return add\n",
    .good = "def add(x: int, n: int) -> int:\n    return x + n\n",
    .fix = "move the function to module level (or make it a method) and pass what it "
           "captured as arguments",
    .docs = SCOUT_DOCS_PERF,
    .on = "function_definition,lambda",
    .enter = check_nested};

/* Decorators mypy removes or mypyc compiles itself (semanal.py
 * visit_decorator, prebuildvisitor.py): the def stays a native function. */
static const char *const native_decorators[] = {
    "builtins.property",
    "builtins.staticmethod",
    "builtins.classmethod",
    "abc.abstractmethod",
    "abc.abstractproperty",
    "functools.cached_property",
    "functools.singledispatch",
    "enum.property",
    "types.DynamicClassAttribute",
    "types.coroutine",
    "asyncio.coroutine",
    "asyncio.coroutines.coroutine",
    "typing.overload",
    "typing_extensions.overload",
    "typing.override",
    "typing_extensions.override",
    "typing.final",
    "typing_extensions.final",
    "typing.no_type_check",
    "typing.type_check_only",
    "typing_extensions.type_check_only",
    NULL,
};

static bool is_native_decorator(const scout_walk *w, TSNode decorator)
{
	const scout_symbols *s = w->sym;
	TSNode callee = scout_defs_decorator_callee(w, decorator);

	if (scout_nodes_is(callee, s->attribute)) {
		/* @x.setter (a property setter), @x.deleter (its own rule),
		 * @f.register (singledispatch implementations). */
		TSNode attr = scout_node_field(callee, s->f_attribute);

		if (scout_node_text_is(attr, w->src, "setter") ||
		    scout_node_text_is(attr, w->src, "deleter") ||
		    scout_node_text_is(attr, w->src, "register"))
			return true;
	}
	return scout_walk_is(w, callee, native_decorators);
}

static void check_decorated(scout_walk *w, TSNode node, const scout_rule *self)
{
	const scout_symbols *s = w->sym;
	TSNode def = scout_node_field(node, s->f_definition);
	uint32_t count = scout_node_named_child_count(node);

	if (!scout_nodes_is(def, s->function_definition))
		return;
	for (uint32_t i = 0; i < count; i++) {
		TSNode d = scout_node_named_child(node, i);
		char message[320];
		const char *text, *name;
		int n, nlen;

		if (!scout_nodes_is(d, s->decorator) || is_native_decorator(w, d))
			continue;
		n = scout_nodes_clip_line(scout_defs_decorator_callee(w, d), w->src, &text);
		nlen = scout_nodes_clip_line(scout_node_field(def, s->f_name), w->src, &name);
		snprintf(message, sizeof(message),
		         "calls to %.*s go through the @%.*s wrapper: compiled callers cannot call "
		         "it natively",
		         nlen, name, n, text);
		scout_walk_report(w, self, d, message, NULL);
		return;
	}
}

static const scout_rule rule_decorated_function_calls = {
    .id = "decorated-function-calls",
    .category = SCOUT_SLOW,
    .title = "function with a decorator that wraps it",
    .why = "a decorator other than property, staticmethod, classmethod, overload and the "
           "like replaces the function by a Python object; calls through it are generic",
    .bad = "@functools.lru_cache(maxsize=None)\ndef fib(n: int) -> int:\n    return n if n "
           "< 2 else fib(n - 1) + fib(n - 2)\n",
    .good = "def fib(n: int) -> int:\n    a, b = 0, 1\n    for _ in range(n):\n        a, b "
            "= b, a + b\n    return a\n",
    .fix = "call the undecorated function on hot paths, or drop the decorator",
    .docs = SCOUT_DOCS_PERF,
    .on = "decorated_definition",
    .enter = check_decorated};

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

SCOUT_FAMILY(scout_family_functions_calls, &rule_star_args, &rule_nested_functions_lambdas,
             &rule_decorated_function_calls, &rule_cross_unit_calls);
