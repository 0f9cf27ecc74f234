/* Rule family: performance. Constructs that compile but behave differently
 * at run time (behaviour), and constructs that compile with little speed-up
 * (slow). Slow findings are hints: one finding per construct, at the place a
 * reader would change (a def's name, the decorator, the splat).
 *
 * Several checks run on `identifier`: a rule has one node type, and names
 * are what they look for (`getattr`, `inspect.signature`, `RecursionError`,
 * the first name of a callee or of a lambda). They reject most identifiers
 * after one length or parent test, and only look at ancestors. */
#include "common/defs.h"
#include "common/typing_names.h"
#include "registry.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define DIFFERENCES "https://mypyc.readthedocs.io/en/latest/differences_from_python.html"
#define PERF        "https://mypyc.readthedocs.io/en/latest/performance_tips_and_tricks.html"
#define ANNOTATIONS "https://mypyc.readthedocs.io/en/latest/using_type_annotations.html"
#define NATIVE      "https://mypyc.readthedocs.io/en/latest/native_classes.html"

#define MSG 320

static bool is_word_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* True when `word` occurs as a whole word in text. */
static bool has_word(const char *text, size_t len, const char *word)
{
	size_t n = strlen(word);

	for (size_t i = 0; i + n <= len; i++)
		if (memcmp(text + i, word, n) == 0 && (i == 0 || !is_word_char(text[i - 1])) &&
		    (i + n == len || !is_word_char(text[i + n])))
			return true;
	return false;
}

/* ------------------------------------------------------------------ 79 */

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
	char message[MSG];
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
    .docs = DIFFERENCES,
    .on = "call",
    .enter = check_cast,
    .callees = cast_callees};

/* ------------------------------------------------------------------ 81 */

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
		char message[MSG];
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
    .docs = DIFFERENCES,
    .on = "comparison_operator",
    .enter = check_identity};

/* ------------------------------------------------------------------ 82 */

/* Consumers mypyc specialises for a generator argument (specialize.py). */
static const char *const consume_one[] = {"builtins.list", "builtins.set", "builtins.any",
                                          "builtins.all", NULL};
static const char *const consume_two[] = {"builtins.sum", "builtins.next", NULL};
static const char *const consume_any[] = {
    "builtins.tuple", "builtins.frozenset", "builtins.dict",           "builtins.min",
    "builtins.max",   "builtins.sorted",    "collections.OrderedDict", NULL,
};

static bool is_consumer(const scout_walk *w, TSNode call, uint32_t nargs)
{
	const scout_symbols *s = w->sym;
	TSNode callee = scout_node_field(call, s->f_function);

	if (scout_nodes_is(callee, s->attribute)) {
		/* str.join, list.extend, dict.update, set.update: the receiver's type
		 * needs a type checker; any such method counts (no false alarms). */
		TSNode attr = scout_node_field(callee, s->f_attribute);

		if (scout_node_text_is(attr, w->src, "join") ||
		    scout_node_text_is(attr, w->src, "extend") ||
		    scout_node_text_is(attr, w->src, "update"))
			return true;
	}
	if (scout_walk_is(w, callee, consume_any))
		return true;
	if (nargs <= 2 && scout_walk_is(w, callee, consume_two))
		return true;
	return nargs == 1 && scout_walk_is(w, callee, consume_one);
}

static void check_genexp(scout_walk *w, TSNode node, const scout_rule *self)
{
	const scout_symbols *s = w->sym;
	TSNode parent = scout_walk_ancestor(w, 1), call = SCOUT_NULL_NODE;
	char message[MSG];

	if (scout_nodes_is(parent, w->sym->list_splat) ||
	    scout_nodes_is(parent, w->sym->dictionary_splat))
		return; /* f(*(g for g in x)): CPython consumes it eagerly too */
	if (scout_nodes_is(parent, s->call)) {
		call = parent;
		if (is_consumer(w, call, 1))
			return;
	} else if (scout_nodes_is(parent, s->argument_list)) {
		call = scout_walk_ancestor(w, 2);
		if (ts_node_eq(scout_nodes_argument_at(w, parent, 0), node) &&
		    is_consumer(w, call, scout_nodes_argument_count(w, parent)))
			return;
	}
	if (!ts_node_is_null(call)) {
		const char *text;
		int n = scout_nodes_clip_line(scout_node_field(call, s->f_function), w->src, &text);

		snprintf(message, sizeof(message),
		         "generator expression passed to %.*s() is built as a whole list first "
		         "(mypyc: \"Treating generator comprehension as list\"): every item is "
		         "computed before the call sees one",
		         n, text);
	} else {
		snprintf(message, sizeof(message),
		         "generator expression is built as a whole list first (mypyc: \"Treating "
		         "generator comprehension as list\"): every item is computed at once, "
		         "not on demand");
	}
	scout_walk_report(w, self, node, message, NULL);
}

static const scout_rule rule_generator_expression_eager = {
    .id = "generator-expression-eager",
    .category = SCOUT_BEHAVIOUR,
    .title = "generator expression built eagerly as a list",
    .why = "outside list(), tuple(), set(), any(), all(), sum(), next(), min(), max(), "
           "sorted(), dict(), frozenset(), str.join and the like, mypyc builds a "
           "generator expression as a list (since 1.0.0 it warns \"Treating generator "
           "comprehension as list\")",
    .bad = "def make(xs: list[int]) -> Iterator[int]:\n    return (f(x) for x in xs)\n",
    .good = "def make(xs: list[int]) -> Iterator[int]:\n    for x in xs:\n        yield "
            "f(x)\n",
    .fix = "write a generator function (yield) where items must be produced lazily, or "
           "pass the generator straight to a consumer such as list() or any()",
    .docs = DIFFERENCES,
    .on = "generator_expression",
    .enter = check_genexp};

/* ------------------------------------------------------------------ 94 */

static const char *const inspect_words[] = {
    "signature",  "ismethod",       "isfunction",      "getfullargspec",
    "getargspec", "get_type_hints", "__annotations__", NULL,
};
static const char *const inspect_names[] = {
    "inspect.signature",
    "inspect.ismethod",
    "inspect.isfunction",
    "inspect.getfullargspec",
    "inspect.getargspec",
    "typing.get_type_hints",
    "typing_extensions.get_type_hints",
    NULL,
};

static void check_introspection(scout_walk *w, TSNode node, const scout_rule *self)
{
	const char *word = scout_nodes_word_of(w, node, inspect_words);
	TSNode parent, call;
	char message[MSG];
	const char *text;
	int n;

	if (!word)
		return;
	parent = scout_walk_ancestor(w, 1);
	if (strcmp(word, "__annotations__") == 0) {
		if (!scout_nodes_is(parent, w->sym->attribute) ||
		    ts_node_end_byte(parent) != ts_node_end_byte(node))
			return;
		n = scout_nodes_clip_line(parent, w->src, &text);
		snprintf(message, sizeof(message),
		         "%.*s differs on compiled classes and functions: mypyc keeps no "
		         "annotations at run time (empty or missing)",
		         n, text);
		scout_walk_report(w, self, parent, message, NULL);
		return;
	}
	call = scout_nodes_call_to(w, node, inspect_names);
	if (ts_node_is_null(call))
		return;
	n = scout_nodes_clip_line(scout_node_field(call, w->sym->f_function), w->src, &text);
	snprintf(message, sizeof(message),
	         "%.*s() sees compiled functions as builtins: signatures, argument specs and "
	         "ismethod/isfunction answers differ from CPython",
	         n, text);
	scout_walk_report(w, self, call, message, NULL);
}

static const scout_rule rule_inspect_introspection = {
    .id = "inspect-introspection",
    .category = SCOUT_BEHAVIOUR,
    .title = "introspection of compiled functions and classes",
    .why = "compiled functions are builtins: inspect.signature fails or loses defaults, "
           "inspect.ismethod/isfunction answer False, and __annotations__ is empty",
    .bad = "import inspect\n\nparams = inspect.signature(handler).parameters\n",
    .good = "PARAMS = (\"request\", \"timeout\")  # declared, not introspected\n",
    .fix = "declare what the code needs (a table, a Protocol) instead of introspecting "
           "compiled functions, or keep the introspected code interpreted",
    .docs = DIFFERENCES,
    .on = "identifier",
    .enter = check_introspection,
    .words = inspect_words};

/* ------------------------------------------------------------------ 97 */

static const char *const recursion_words[] = {"RecursionError", "setrecursionlimit", NULL};
static const char *const recursion_error[] = {"builtins.RecursionError", NULL};
static const char *const setrecursionlimit[] = {"sys.setrecursionlimit", NULL};

/* True when the current identifier is (part of) the exception list of an
 * `except` clause, not its body. */
static bool in_except_value(const scout_walk *w)
{
	const scout_symbols *s = w->sym;

	for (uint32_t up = 1; up <= 4; up++) {
		TSNode a = scout_walk_ancestor(w, up);

		if (scout_nodes_is(a, s->except_clause))
			return true;
		if (!scout_nodes_is(a, w->sym->tuple) && !scout_nodes_is(a, w->sym->as_pattern) &&
		    !scout_nodes_is(a, w->sym->parenthesized_expression))
			return false;
	}
	return false;
}

static void check_recursion(scout_walk *w, TSNode node, const scout_rule *self)
{
	const char *word = scout_nodes_word_of(w, node, recursion_words);
	TSNode call;

	if (!word)
		return;
	if (strcmp(word, "RecursionError") == 0) {
		if (in_except_value(w) && scout_walk_is(w, node, recursion_error))
			scout_walk_report(
			    w, self, node,
			    "except RecursionError never fires for compiled code: mypyc "
			    "does not check recursion depth, so deep recursion crashes "
			    "the process",
			    NULL);
		return;
	}
	call = scout_nodes_call_to(w, node, setrecursionlimit);
	if (!ts_node_is_null(call))
		scout_walk_report(
		    w, self, call,
		    "sys.setrecursionlimit() does not guard compiled functions: mypyc "
		    "does not check recursion depth, so deep recursion crashes the "
		    "process",
		    NULL);
}

static const scout_rule rule_stack_overflow = {
    .id = "stack-overflow",
    .category = SCOUT_BEHAVIOUR,
    .title = "relying on RecursionError or the recursion limit",
    .why = "compiled functions do not check recursion depth: deep recursion crashes the "
           "process (segfault) instead of raising RecursionError",
    .bad = "try:\n    walk(tree)\nexcept RecursionError:\n    fallback(tree)\n",
    .good = "walk_iteratively(tree)\n",
    .fix = "bound the recursion depth yourself or make the algorithm iterative",
    .docs = DIFFERENCES,
    .on = "identifier",
    .enter = check_recursion,
    .words = recursion_words};

/* ------------------------------------------------------------------ 101, 102 */

/* A def inside a class body (through compound statements only), and the
 * decorated_definition directly around it; as annotations.c decides. */
static bool is_method(const scout_walk *w, TSNode *decorated)
{
	const scout_symbols *s = w->sym;

	*decorated = SCOUT_NULL_NODE;
	for (uint32_t up = 1; up < w->depth; up++) {
		TSNode a = scout_walk_ancestor(w, up);
		TSSymbol t = scout_walk_ancestor_symbol(w, up);

		if (t == s->class_definition)
			return true;
		if (t == s->decorated_definition) {
			if (up == 1)
				*decorated = a;
			continue;
		}
		if (t == s->block || t == s->if_statement || t == s->elif_clause ||
		    t == s->else_clause || t == s->try_statement || t == s->except_clause ||
		    t == s->except_group_clause || t == s->finally_clause ||
		    t == s->with_statement || t == s->for_statement || t == s->while_statement)
			continue;
		return false;
	}
	return false;
}

static bool has_bare_decorator(const scout_walk *w, TSNode decorated, const char *name)
{
	uint32_t n = ts_node_is_null(decorated) ? 0 : scout_node_named_child_count(decorated);

	for (uint32_t i = 0; i < n; i++) {
		TSNode d = scout_node_named_child(decorated, i);
		TSNode e = scout_nodes_is(d, w->sym->decorator) ? scout_node_named_child(d, 0)
		                                                : SCOUT_NULL_NODE;

		if (scout_nodes_is(e, w->sym->identifier) && scout_node_text_is(e, w->src, name))
			return true;
	}
	return false;
}

/* True when the comment text is a function type comment `# type: (...) -> R`. */
static bool is_function_type_comment(const char *p, const char *end)
{
	if (p >= end || *p != '#')
		return false;
	for (p++; p < end && (*p == ' ' || *p == '\t'); p++)
		;
	if (end - p < 5 || memcmp(p, "type:", 5) != 0)
		return false;
	for (p += 5; p < end && (*p == ' ' || *p == '\t'); p++)
		;
	if (p >= end || *p != '(')
		return false;
	for (; p + 1 < end; p++)
		if (p[0] == '-' && p[1] == '>')
			return true;
	return false;
}

/* Whether the module's source holds "type:" anywhere: without it no def
 * has a function type comment. Worked out once per module. */
static bool source_has_type_colon(const scout_walk *w)
{
	uint32_t v;

	if (!scout_walk_memo_get_key(w, w->src, 0, SCOUT_MEMO_TYPE_COLON, &v)) {
		v = scout_mem_contains(w->src, w->len, "type:", 5);
		scout_walk_memo_put_key(w, w->src, 0, SCOUT_MEMO_TYPE_COLON, v);
	}
	return v;
}

/* The function type comment of a def (after the parameters, before the
 * first statement of the body), or null. */
static TSNode function_type_comment(const scout_walk *w, TSNode def)
{
	const scout_symbols *s = w->sym;
	TSNode params, body, scopes[2];
	uint32_t after;

	if (!source_has_type_colon(w))
		return SCOUT_NULL_NODE;
	params = scout_node_field(def, s->f_parameters);
	body = scout_node_field(def, s->f_body);
	after = ts_node_end_byte(params);
	scopes[0] = def;
	scopes[1] = body;
	for (int k = 0; k < 2; k++) {
		uint32_t n = ts_node_is_null(scopes[k]) ? 0 : scout_node_child_count(scopes[k]);

		for (uint32_t i = 0; i < n; i++) {
			TSNode c = scout_node_child(scopes[k], i);
			uint32_t len;
			const char *text;

			if (ts_node_start_byte(c) < after)
				continue;
			if (!scout_nodes_is(c, s->comment)) {
				if (k == 1 || scout_nodes_is(c, s->block))
					break;
				continue;
			}
			text = scout_node_text(c, w->src, &len);
			if (is_function_type_comment(text, text + len))
				return c;
		}
	}
	return SCOUT_NULL_NODE;
}

static bool is_separator(const scout_walk *w, TSNode p)
{
	const scout_symbols *s = w->sym;

	return scout_nodes_is(p, s->keyword_separator) ||
	       scout_nodes_is(p, s->positional_separator) || scout_nodes_is(p, s->comment);
}

/* True when the def has no annotation in the slots annotations.c counts
 * (the first parameter of a non-static method is not one), and no function
 * type comment: the coverage counter's "untyped def". */
static bool is_untyped_def(const scout_walk *w, TSNode def)
{
	const scout_symbols *s = w->sym;
	TSNode params = scout_node_field(def, s->f_parameters);
	TSNode decorated;
	bool skip_first =
	    is_method(w, &decorated) && !has_bare_decorator(w, decorated, "staticmethod");
	uint32_t n = ts_node_is_null(params) ? 0 : scout_node_named_child_count(params);
	bool first = true;

	if (!ts_node_is_null(scout_node_field(def, s->f_return_type)))
		return false;
	for (uint32_t i = 0; i < n; i++) {
		TSNode p = scout_node_named_child(params, i);

		if (is_separator(w, p))
			continue;
		if (first && skip_first && !scout_nodes_is(p, s->list_splat_pattern) &&
		    !scout_nodes_is(p, s->dictionary_splat_pattern)) {
			first = false;
			continue;
		}
		first = false;
		if (scout_nodes_is(p, s->typed_parameter) ||
		    scout_nodes_is(p, s->typed_default_parameter))
			return false;
	}
	return ts_node_is_null(function_type_comment(w, def));
}

static void check_untyped(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode name = scout_node_field(node, w->sym->f_name);
	char message[MSG];
	const char *text;
	int n;

	if (ts_node_is_null(name) || !is_untyped_def(w, node))
		return;
	n = scout_nodes_clip_line(name, w->src, &text);
	snprintf(message, sizeof(message),
	         "function %.*s has no annotations: mypy does not check its body and mypyc "
	         "compiles every value in it as a generic object",
	         n, text);
	scout_walk_report(w, self, name, message, NULL);
}

static const scout_rule rule_untyped_function = {
    .id = "untyped-function",
    .category = SCOUT_SLOW,
    .title = "function without annotations",
    .why = "mypy does not check an unannotated function, and mypyc compiles every value "
           "in it as Any, with generic operations",
    .bad = "def add(x, y):\n    return x + y\n",
    .good = "def add(x: int, y: int) -> int:\n    return x + y\n",
    .fix = "annotate the parameters and the return type",
    .docs = ANNOTATIONS,
    .on = "function_definition",
    .enter = check_untyped};

/* The first explicit Any inside an annotation (a `type` node), or null.
 * Iterative: annotations can nest deeply. */
static TSNode find_any(const scout_walk *w, TSNode type)
{
	const scout_symbols *s = w->sym;
	const scout_tix *tix = w->tix;
	uint32_t at, end;

	scout_tix_subtree(type, &at, &end);
	while (at < end) {
		const scout_tix_node *e = &tix->nodes[at];

		if (e->symbol == s->identifier || e->symbol == s->attribute) {
			if (scout_walk_is(w, e->node, scout_any_names))
				return e->node;
			at = e->end;
			continue;
		}
		if (e->symbol == s->string_content) {
			uint32_t len;
			const char *text = scout_node_text(e->node, w->src, &len);

			if (has_word(text, len, "Any"))
				return e->node;
		}
		at++;
	}
	return SCOUT_NULL_NODE;
}

static void check_any(scout_walk *w, TSNode node, const scout_rule *self)
{
	const scout_symbols *s = w->sym;
	TSNode params = scout_node_field(node, s->f_parameters);
	TSNode name = scout_node_field(node, s->f_name);
	TSNode found = SCOUT_NULL_NODE, comment;
	uint32_t n = ts_node_is_null(params) ? 0 : scout_node_named_child_count(params);
	char message[MSG];
	const char *text;
	int len;

	for (uint32_t i = 0; i < n && ts_node_is_null(found); i++) {
		TSNode p = scout_node_named_child(params, i);
		TSNode type = scout_node_field(p, s->f_type);

		if ((scout_nodes_is(p, s->typed_parameter) ||
		     scout_nodes_is(p, s->typed_default_parameter)) &&
		    !ts_node_is_null(type))
			found = find_any(w, type);
	}
	if (ts_node_is_null(found)) {
		TSNode ret = scout_node_field(node, s->f_return_type);

		if (!ts_node_is_null(ret))
			found = find_any(w, ret);
	}
	if (ts_node_is_null(found) && !ts_node_is_null(comment = function_type_comment(w, node))) {
		uint32_t clen;
		const char *ctext = scout_node_text(comment, w->src, &clen);

		if (has_word(ctext, clen, "Any"))
			found = comment;
	}
	if (ts_node_is_null(found) || ts_node_is_null(name))
		return;
	len = scout_nodes_clip_line(name, w->src, &text);
	snprintf(message, sizeof(message),
	         "function %.*s has Any in its signature: mypyc erases those values to plain "
	         "objects and uses generic operations on them",
	         len, text);
	scout_walk_report(w, self, found, message, NULL);
}

static const scout_rule rule_any_typed = {
    .id = "any-typed",
    .category = SCOUT_SLOW,
    .title = "Any in a function signature",
    .why = "values typed Any are erased to plain objects; every operation on them is a "
           "generic Python operation",
    .bad = "from typing import Any\n\ndef scale(x: Any) -> Any:\n    return x * 2\n",
    .good = "def scale(x: float) -> float:\n    return x * 2\n",
    .fix = "replace Any with the concrete type (or a Protocol / TypeVar)",
    .docs = ANNOTATIONS,
    .on = "function_definition",
    .enter = check_any};

/* ------------------------------------------------------------------ 104 */

static const char *const optional_names[] = {"typing.Optional", "typing_extensions.Optional", NULL};
static const char *const union_names[] = {"typing.Union", "typing_extensions.Union", NULL};

static TSNode unwrap_type(const scout_walk *w, TSNode n)
{
	while (scout_nodes_is(n, w->sym->type) && scout_node_named_child_count(n) == 1)
		n = scout_node_named_child(n, 0);
	return n;
}

static bool is_value_type(const scout_walk *w, TSNode n)
{
	n = unwrap_type(w, n);
	return (scout_nodes_is(n, w->sym->identifier) || scout_nodes_is(n, w->sym->attribute)) &&
	       scout_walk_is(w, n, scout_value_type_names);
}

static bool is_none(const scout_walk *w, TSNode n)
{
	return scout_nodes_is(unwrap_type(w, n), w->sym->none);
}

/* True for `X | None`, `Optional[X]`, `Union[X, None]` (either order) with
 * X a value type (int, float, bool, native ints). */
static bool is_optional_value(const scout_walk *w, TSNode t)
{
	const scout_symbols *s = w->sym;
	TSNode head = SCOUT_NULL_NODE, items[3];
	uint32_t nitems = 0;

	t = unwrap_type(w, t);
	if (scout_nodes_is(t, w->sym->binary_operator)) {
		TSNode op = scout_node_field(t, s->f_operator);
		TSNode l = scout_node_field(t, s->f_left);
		TSNode r = scout_node_field(t, s->f_right);

		if (!scout_nodes_is(op, s->op_pipe))
			return false;
		return (is_value_type(w, l) && is_none(w, r)) ||
		       (is_none(w, l) && is_value_type(w, r));
	}
	if (scout_nodes_is(t, w->sym->generic_type) && scout_node_named_child_count(t) == 2) {
		TSNode params = scout_node_named_child(t, 1);
		uint32_t n = scout_node_named_child_count(params);

		head = scout_node_named_child(t, 0);
		for (uint32_t i = 0; i < n && nitems < 3; i++)
			items[nitems++] = scout_node_named_child(params, i);
	} else if (scout_nodes_is(t, s->subscript)) {
		uint32_t n = scout_node_named_child_count(t);

		head = scout_node_field(t, s->f_value);
		for (uint32_t i = 1; i < n && nitems < 3; i++)
			items[nitems++] = scout_node_named_child(t, i);
	} else {
		return false;
	}
	if (nitems == 1 && scout_walk_is(w, head, optional_names))
		return is_value_type(w, items[0]);
	if (nitems == 2 && scout_walk_is(w, head, union_names))
		return (is_value_type(w, items[0]) && is_none(w, items[1])) ||
		       (is_none(w, items[0]) && is_value_type(w, items[1]));
	return false;
}

static void check_union_boxing(scout_walk *w, TSNode node, const scout_rule *self)
{
	const scout_symbols *s = w->sym;
	TSNode parent = scout_walk_ancestor(w, 1);
	char message[MSG];
	const char *text;
	int n;

	if (scout_nodes_is(parent, s->assignment)) {
		/* module globals are boxed anyway; locals and attributes are not */
		bool scoped = false;

		for (uint32_t up = 2; up < w->depth && !scoped; up++) {
			TSNode a = scout_walk_ancestor(w, up);

			scoped = scout_nodes_is(a, s->function_definition) ||
			         scout_nodes_is(a, s->class_definition);
		}
		if (!scoped)
			return;
	} else if (!scout_nodes_is(parent, s->typed_parameter) &&
	           !scout_nodes_is(parent, s->typed_default_parameter) &&
	           !scout_nodes_is(parent, s->function_definition)) {
		return;
	}
	if (!is_optional_value(w, node))
		return;
	n = scout_nodes_clip_line(node, w->src, &text);
	snprintf(message, sizeof(message),
	         "%.*s is boxed: mypyc keeps optional ints, floats and bools as Python objects, "
	         "not native values",
	         n, text);
	scout_walk_report(w, self, node, message, NULL);
}

static const scout_rule rule_union_boxing = {
    .id = "union-boxing",
    .category = SCOUT_SLOW,
    .title = "optional int, float or bool (boxed)",
    .why = "unions are always boxed: an Optional[int] is a Python object, not a native int",
    .bad = "def first(xs: list[int]) -> Optional[int]:\n    return xs[0] if xs else None\n",
    .good = "def first(xs: list[int]) -> int:\n    return xs[0] if xs else -1\n",
    .fix = "use a sentinel value of the same type (or split the None case out) on hot paths",
    .docs = ANNOTATIONS,
    .on = "type",
    .enter = check_union_boxing};

/* ------------------------------------------------------------------ 105 */

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
	char message[MSG];
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
		char message[MSG];
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
    .docs = PERF,
    .on = "identifier",
    .enter = check_star_args};

/* ------------------------------------------------------------------ 106 */

/* A def nested in a function (reported at its name), or a lambda. */
static void check_nested(scout_walk *w, TSNode node, const scout_rule *self)
{
	const scout_symbols *s = w->sym;
	TSNode name;
	char message[MSG];
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
    .docs = PERF,
    .on = "function_definition,lambda",
    .enter = check_nested};

/* ------------------------------------------------------------------ 107 */

/* True when the module already has a finding of `self` at `n`'s start. */
static bool reported_at(const scout_walk *w, const scout_rule *self, TSNode n)
{
	uint32_t line, column;

	scout_walk_node_start(w, n, &line, &column);
	for (size_t i = w->module->nfindings; i-- > 0;) {
		const scout_finding *f = &w->module->findings[i];

		if (f->rule == self->id && f->line == line && f->column == column)
			return true;
	}
	return false;
}

static void check_generator(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode def = scout_defs_enclosing_function(w, 1), name;
	char message[MSG];
	const char *text;
	int n;

	if (ts_node_is_null(def) || scout_defs_is_async(w, def)) /* async generators: a blocker */
		return;
	name = scout_node_field(def, w->sym->f_name);
	if (ts_node_is_null(name) || reported_at(w, self, name))
		return;
	n = scout_nodes_clip_line(name, w->src, &text);
	snprintf(message, sizeof(message),
	         "function %.*s is a generator: mypyc compiles it to a generator object whose "
	         "every step is a call, slower than building and returning a list",
	         n, text);
	scout_walk_report(w, self, name, message, NULL);
}

static const scout_rule rule_generator_functions = {
    .id = "generator-functions",
    .category = SCOUT_SLOW,
    .title = "generator function",
    .why = "generators compile to generator objects; each step is a call and they are "
           "relatively slow",
    .bad = "def squares(n: int) -> Iterator[int]:\n    for i in range(n):\n        yield i "
           "* i\n",
    .good = "def squares(n: int) -> list[int]:\n    return [i * i for i in range(n)]\n",
    .fix = "return a list where the items are all used anyway",
    .docs = PERF,
    .on = "yield",
    .enter = check_generator};

/* ------------------------------------------------------------------ 108 */

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
		char message[MSG];
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
    .docs = PERF,
    .on = "decorated_definition",
    .enter = check_decorated};

/* ------------------------------------------------------------------ 110 */

static void check_global(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode def = scout_defs_enclosing_function(w, 1);
	uint32_t start, end;
	char message[MSG];
	const char *text;
	int n;

	if (ts_node_is_null(def) || scout_node_named_child_count(node) == 0)
		return; /* `global` at module level changes nothing */
	start = ts_node_start_byte(scout_node_named_child(node, 0));
	end = ts_node_end_byte(node);
	text = w->src + start;
	n = (int)(end - start > 60 ? 60 : end - start);
	for (int i = 0; i < n; i++)
		if (text[i] == '\n' || text[i] == '\r' || text[i] == '\\')
			n = i;
	while (n > 0 && ((unsigned char)text[n] & 0xc0) == 0x80 && (uint32_t)n < end - start)
		n--;
	snprintf(message, sizeof(message),
	         "`global %.*s` rebinds a module variable: compiled code reads and writes it "
	         "through the module dictionary, never as a native value",
	         n, text);
	scout_walk_report(w, self, node, message, NULL);
}

static const scout_rule rule_non_final_globals = {
    .id = "non-final-globals",
    .category = SCOUT_SLOW,
    .title = "module variable rebound with `global`",
    .why = "module variables that are not Final live in the module dictionary; a function "
           "that rebinds one with `global` reads and writes it by dictionary lookups",
    .bad = "counter = 0\n\ndef inc() -> None:\n    global counter\n    counter += 1\n",
    .good = "class Counter:\n    def __init__(self) -> None:\n        self.value = 0\n\n    "
            "def inc(self) -> None:\n        self.value += 1\n",
    .fix = "keep the state in an object (a native class instance) or pass it around, and "
           "mark true constants Final",
    .docs = DIFFERENCES,
    .on = "global_statement",
    .enter = check_global};

/* ------------------------------------------------------------------ 112 */

static const char *const dynamic_words[] = {"getattr", "setattr", "hasattr", "delattr",  "eval",
                                            "exec",    "locals",  "vars",    "__dict__", NULL};
static const char *const attr_functions[] = {"builtins.getattr", "builtins.setattr",
                                             "builtins.hasattr", "builtins.delattr", NULL};
static const char *const dynamic_functions[] = {"builtins.eval", "builtins.exec", "builtins.locals",
                                                "builtins.vars", NULL};

static bool is_plain_string(const scout_walk *w, TSNode n)
{
	uint32_t count;

	if (!scout_nodes_is(n, w->sym->string))
		return scout_nodes_is(n, w->sym->concatenated_string);
	count = scout_node_named_child_count(n);
	for (uint32_t i = 0; i < count; i++)
		if (scout_nodes_is(scout_node_named_child(n, i), w->sym->interpolation))
			return false;
	return true;
}

static void check_dynamic(scout_walk *w, TSNode node, const scout_rule *self)
{
	const char *word = scout_nodes_word_of(w, node, dynamic_words);
	TSNode call;
	char message[MSG];

	if (!word)
		return;
	if (strcmp(word, "__dict__") == 0) {
		TSNode parent = scout_walk_ancestor(w, 1);
		const char *text;
		int n;

		if (!scout_nodes_is(parent, w->sym->attribute) ||
		    ts_node_end_byte(parent) != ts_node_end_byte(node))
			return;
		n = scout_nodes_clip_line(parent, w->src, &text);
		snprintf(message, sizeof(message),
		         "%.*s works on the instance dictionary: native classes have none, and "
		         "mypyc uses generic operations on it",
		         n, text);
		scout_walk_report(w, self, parent, message, NULL);
		return;
	}
	if (!ts_node_is_null(call = scout_nodes_call_to(w, node, attr_functions))) {
		TSNode args = scout_node_field(call, w->sym->f_arguments);
		TSNode attr_name = scout_nodes_is(args, w->sym->argument_list)
		                       ? scout_nodes_argument_at(w, args, 1)
		                       : SCOUT_NULL_NODE;

		if (ts_node_is_null(attr_name) || is_plain_string(w, attr_name))
			return;
		snprintf(message, sizeof(message),
		         "%s() with a computed attribute name: mypyc looks the attribute up "
		         "dynamically instead of using a native attribute access",
		         word);
	} else if (!ts_node_is_null(call = scout_nodes_call_to(w, node, dynamic_functions))) {
		snprintf(message, sizeof(message),
		         "%s() works on namespaces compiled code does not keep: mypyc runs it as a "
		         "generic Python call, without native speed",
		         word);
	} else {
		return;
	}
	scout_walk_report(w, self, call, message, NULL);
}

static const scout_rule rule_dynamic_features = {
    .id = "dynamic-features",
    .category = SCOUT_SLOW,
    .title = "dynamic attribute access, eval/exec, locals()/vars(), __dict__",
    .why = "getattr/setattr/hasattr/delattr with computed names, eval/exec, locals(), "
           "vars() and __dict__ bypass native attributes and run as generic Python",
    .bad = "def get(o: Config, name: str) -> object:\n    return getattr(o, name)\n",
    .good = "def get_timeout(o: Config) -> int:\n    return o.timeout\n",
    .fix = "access attributes by name in code, or use a dict for data keyed at run time",
    .docs = PERF,
    .on = "identifier",
    .enter = check_dynamic,
    .words = dynamic_words};

/* ------------------------------------------------------------------ 114 */

static const char *const dataclass_names[] = {"dataclasses.dataclass", "attr.s", "attr.attrs",
                                              NULL};

static void check_dataclass(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode decorated = scout_decorated_parent(w, node);
	uint32_t count = ts_node_is_null(decorated) ? 0 : scout_node_named_child_count(decorated);

	for (uint32_t i = 0; i < count; i++) {
		TSNode d = scout_node_named_child(decorated, i);
		char message[MSG];
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
    .docs = NATIVE,
    .on = "class_definition",
    .enter = check_dataclass};

/* ------------------------------------------------------------------ table */

SCOUT_FAMILY(scout_family_performance, &rule_runtime_type_checks, &rule_value_type_identity,
             &rule_generator_expression_eager, &rule_inspect_introspection, &rule_stack_overflow,
             &rule_untyped_function, &rule_any_typed, &rule_union_boxing, &rule_star_args,
             &rule_nested_functions_lambdas, &rule_generator_functions,
             &rule_decorated_function_calls, &rule_non_final_globals, &rule_dynamic_features,
             &rule_dataclass_attrs_partial);
