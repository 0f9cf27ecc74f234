/* Annotations: functions without any, Any in signatures, optional value
 * types that stay boxed, and what only mypy can check (the type errors that
 * stop mypyc, erased types). Several checks follow the coverage counter's
 * definitions (analyzer/analyse/annotations.c). */
#include "common/defs.h"
#include "common/typing_names.h"
#include "common/docs.h"
#include "registry.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

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
	bool skip_first = scout_walk_def_is_method(w, &decorated) &&
	                  !has_bare_decorator(w, decorated, "staticmethod");
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
	return ts_node_is_null(scout_defs_type_comment(w, def));
}

static void check_untyped(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode name = scout_node_field(node, w->sym->f_name);
	char message[320];
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
    .docs = SCOUT_DOCS_TYPES,
    .on = "function_definition",
    .enter = check_untyped};

/* True when the statement holding the assignment being entered ends its
 * line with a variable type comment (`# type: int`, not `# type: ignore`),
 * which mypy reads as the assignment's annotation. From the tree index:
 * tree-sitter's parent and sibling calls climb from the root. */
static bool has_type_comment(const scout_walk *w)
{
	const scout_tix *tix = w->tix;
	const scout_tix_node *stmt, *up, *next;
	uint32_t len;
	const char *t, *end;

	if (w->depth < 2)
		return false;
	stmt = &tix->nodes[w->at[w->depth - 2]];
	if (stmt->symbol != w->sym->expression_statement || stmt->parent == SCOUT_TIX_NONE)
		return false;
	up = &tix->nodes[stmt->parent];
	if (stmt->pos + 1 >= up->nkids)
		return false;
	next = &tix->nodes[tix->kids[up->kids + stmt->pos + 1]];
	if (next->symbol != w->sym->comment ||
	    ts_node_start_point(next->node).row != ts_node_end_point(stmt->node).row)
		return false;
	t = scout_node_text(next->node, w->src, &len);
	end = t + len;
	for (t++; t < end && (*t == ' ' || *t == '\t'); t++)
		;
	if (end - t < 5 || memcmp(t, "type:", 5) != 0)
		return false;
	for (t += 5; t < end && (*t == ' ' || *t == '\t'); t++)
		;
	return !(end - t >= 6 && memcmp(t, "ignore", 6) == 0 &&
	         (end - t == 6 || !isalnum((unsigned char)t[6])));
}

static void check_annotation_unchecked(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode def, name;
	char message[400];
	const char *text;
	int n;

	if (ts_node_is_null(scout_node_field(node, w->sym->f_type)) && !has_type_comment(w))
		return;
	def = scout_defs_enclosing_function(w, 1);
	if (ts_node_is_null(def) || !scout_defs_unannotated(w, def)) /* mypy's is_dynamic() */
		return;
	name = scout_node_field(def, w->sym->f_name);
	n = ts_node_is_null(name) ? 0 : scout_nodes_clip_line(name, w->src, &text);
	snprintf(message, sizeof(message),
	         "annotated variable in %.*s, a function without annotations: mypy notes \"By "
	         "default the bodies of untyped functions are not checked, consider using "
	         "--check-untyped-defs  [annotation-unchecked]\", and mypyc stops on any message",
	         n, n ? text : "");
	scout_walk_report(w, self, node, message, NULL);
}

static const scout_rule rule_annotation_unchecked = {
    .id = "annotation-unchecked",
    .category = SCOUT_BLOCKER,
    .title = "annotated variable in a function without annotations",
    .why = "mypy does not check the body of a function without annotations, and notes an "
           "annotated variable there: \"By default the bodies of untyped functions are not "
           "checked, consider using --check-untyped-defs  [annotation-unchecked]\" (mypy "
           "0.990 on). mypyc stops when the type check prints any message, a note included "
           "(mypyc/build.py: `if result.errors: sys.exit(1)`)",
    .bad = "def total(values):\n    result: int = 0\n    for v in values:\n"
           "        result += v\n    return result\n",
    .good = "def total(values: list[int]) -> int:\n    result: int = 0\n    for v in values:\n"
            "        result += v\n    return result\n",
    .fix = "annotate the function (mypyc compiles it faster too), or set check_untyped_defs "
           "in the mypy configuration, or drop the variable's annotation",
    .docs = SCOUT_DOCS_TYPES,
    .since = SCOUT_V(0, 990, 0),
    .on = "assignment",
    .enter = check_annotation_unchecked,
    .mypy_codes = "annotation-unchecked"};

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
	char message[320];
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
	if (ts_node_is_null(found) &&
	    !ts_node_is_null(comment = scout_defs_type_comment(w, node))) {
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
    .docs = SCOUT_DOCS_TYPES,
    .on = "function_definition",
    .enter = check_any};

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
	char message[320];
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
    .docs = SCOUT_DOCS_TYPES,
    .on = "type",
    .enter = check_union_boxing};

static const scout_rule rule_mypy_type_error = {
    .id = "mypy-type-error",
    .category = SCOUT_BLOCKER,
    .title = "mypy must pass cleanly: run it with the same config first",
    .why = "mypyc type-checks the modules first and stops at any mypy error "
           "(mypyc/build.py: exit on result.errors)",
    .bad = "def f() -> str:\n    return 1\n",
    .good = "def f() -> str:\n    return \"1\"\n",
    .fix = "run mypy on the modules to compile, with the configuration mypyc will use, and "
           "fix every error",
    .docs = SCOUT_DOCS_DIFF,
    .advisory = true};

static const scout_rule rule_erased_types = {
    .id = "erased-types",
    .category = SCOUT_SLOW,
    .title = "erased types (Callable, TypeVar, Protocol, non-native classes) get no native "
             "operations",
    .why = "mypyc treats such values as generic objects",
    .bad = "def apply(f: Callable[[int], int], x: int) -> int:\n    return f(x)\n",
    .good = "def double(x: int) -> int:\n    return 2 * x\n",
    .fix = "in hot code, prefer concrete native classes and primitive types",
    .docs = SCOUT_DOCS_TYPES,
    .advisory = true};

SCOUT_FAMILY(scout_family_types_annotations, &rule_untyped_function, &rule_annotation_unchecked,
             &rule_any_typed, &rule_union_boxing, &rule_mypy_type_error, &rule_erased_types);
