/* Module-level names: `global` rebinding, and Final names compiled code
 * binds early; Final locals older mypyc cannot read. */
#include "common/defs.h"
#include "common/typing_names.h"
#include "common/docs.h"
#include "registry.h"

#include <stdio.h>

static void check_global(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode def = scout_defs_enclosing_function(w, 1);
	uint32_t start, end;
	char message[320];
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
    .docs = SCOUT_DOCS_DIFF,
    .on = "global_statement",
    .enter = check_global};

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
	         "Final %.*s is inlined into compiled code (good for speed): patching the "
	         "name at run time does not reach the compiled functions that read it",
	         n, name);
	scout_walk_report(w, self, left, message, NULL);
}

static const scout_rule rule_final_early_binding = {
    .id = "final-early-binding",
    .category = SCOUT_INFO,
    .title = "Final constant inlined into compiled code",
    .why = "mypyc inlines Final values, which is why its documentation recommends Final for "
           "constants; the one difference is that rebinding the name at run time (a test's "
           "monkeypatch, which mypy rejects anyway) does not reach compiled code",
    .bad = "LIMIT: Final = 10\n",
    .good = "LIMIT: Final = 10  # keep Final; patch the function that reads it, not LIMIT\n",
    .fix = "nothing to change: keep Final; where a test must vary the value, patch the "
           "function that reads it or pass the value as a parameter",
    .docs = "https://mypyc.readthedocs.io/en/latest/differences_from_python.html#final-values",
    .on = "assignment",
    .enter = check_final_binding};

/* ---- Final locals ------------------------------------------------------------ */

/* How deep is_constant looks into an expression. */
#define MAX_CONSTANT_DEPTH 16

/* True when the identifier id names a parameter of def, or a name def
 * assigns before `before` (a byte offset): a value known only at run time. */
static bool bound_in_function(const scout_walk *w, TSNode def, TSNode id, uint32_t before)
{
	TSNode params[32];
	uint32_t n = scout_defs_params_of(w, def, params, 32), at, end;

	for (uint32_t i = 0; i < n; i++)
		if (scout_nodes_same_text(w, scout_defs_param_name(w, params[i]), id))
			return true;
	if (!scout_tix_subtree(scout_node_field(def, w->sym->f_body), &at, &end))
		return false;
	for (; at < end && ts_node_start_byte(w->tix->nodes[at].node) < before; at++) {
		const scout_tix_node *e = &w->tix->nodes[at];
		TSNode parent = w->tix->nodes[e->parent].node;

		if (e->symbol == w->sym->identifier && scout_nodes_same_text(w, e->node, id) &&
		    (ts_node_symbol(parent) == w->sym->assignment ||
		     ts_node_symbol(parent) == w->sym->for_statement ||
		     ts_node_symbol(parent) == w->sym->pattern_list) &&
		    !ts_node_eq(scout_node_field(parent, w->sym->f_right), e->node))
			return true;
	}
	return false;
}

/* True when mypy folds the value into a constant it keeps with the Final
 * (mypy/constant_fold.py): numbers, plain strings, booleans, and operators
 * on them; a name counts unless def binds it (a module constant may fold). */
static bool is_constant(const scout_walk *w, TSNode def, TSNode v, uint32_t before, int depth)
{
	const scout_symbols *s = w->sym;
	TSSymbol t = ts_node_is_null(v) ? 0 : ts_node_symbol(v);

	if (!t || depth > MAX_CONSTANT_DEPTH)
		return false;
	if (t == s->integer || t == s->float_ || t == s->true_ || t == s->false_)
		return true;
	if (t == s->string || t == s->concatenated_string)
		return scout_nodes_str_literal(w, v);
	if (t == s->identifier)
		return !bound_in_function(w, def, v, before);
	if (t == s->parenthesized_expression || t == s->unary_operator)
		return scout_node_named_child_count(v) == 1 &&
		       is_constant(w, def, scout_node_named_child(v, 0), before, depth + 1);
	if (t == s->binary_operator)
		return is_constant(w, def, scout_node_field(v, s->f_left), before, depth + 1) &&
		       is_constant(w, def, scout_node_field(v, s->f_right), before, depth + 1);
	return false;
}

/* True when the identifier id (its parent given) is read, not bound or
 * named as an attribute or keyword. */
static bool is_read(const scout_walk *w, TSNode id, TSNode parent)
{
	const scout_symbols *s = w->sym;
	TSSymbol pt = ts_node_symbol(parent);

	if (pt == s->attribute)
		return !ts_node_eq(scout_node_field(parent, s->f_attribute), id);
	if (pt == s->keyword_argument || pt == s->function_definition ||
	    pt == s->class_definition || pt == s->default_parameter ||
	    pt == s->typed_default_parameter)
		return !ts_node_eq(scout_node_field(parent, s->f_name), id);
	if (pt == s->assignment || pt == s->augmented_assignment || pt == s->for_statement)
		return !ts_node_eq(scout_node_field(parent, s->f_left), id);
	return pt != s->parameters && pt != s->typed_parameter && pt != s->global_statement &&
	       pt != s->nonlocal_statement;
}

/* The first read of the name `id` spells in def after byte `from`
 * (nested functions included: they read the same variable), or null. */
static TSNode first_read(const scout_walk *w, TSNode def, TSNode id, uint32_t from)
{
	uint32_t at, end;

	if (!scout_tix_subtree(def, &at, &end))
		return SCOUT_NULL_NODE;
	for (; at < end; at++) {
		const scout_tix_node *e = &w->tix->nodes[at];

		if (e->symbol == w->sym->identifier && ts_node_start_byte(e->node) >= from &&
		    scout_nodes_same_text(w, e->node, id) &&
		    is_read(w, e->node, w->tix->nodes[e->parent].node))
			return e->node;
	}
	return SCOUT_NULL_NODE;
}

static void check_final_local(scout_walk *w, TSNode node, const scout_rule *self)
{
	const scout_symbols *s = w->sym;
	TSNode def = scout_defs_enclosing_function(w, 1), left, right, head, read;
	uint32_t line, column;
	bool bare;
	char message[400];

	if (ts_node_is_null(def) || scout_walk_ancestor_symbol(w, 1) != s->expression_statement)
		return;
	left = scout_node_field(node, s->f_left);
	right = scout_node_field(node, s->f_right);
	if (!scout_nodes_is(left, s->identifier) || ts_node_is_null(right) ||
	    !scout_defs_annotation_is(w, node, scout_final_names) || scout_defs_unannotated(w, def))
		return;
	head = scout_defs_annotation_head(w, node);
	bare = ts_node_eq(head, scout_node_named_child(scout_node_field(node, s->f_type), 0));
	if (!bare && is_constant(w, def, right, ts_node_start_byte(node), 0))
		return;
	read = first_read(w, def, left, ts_node_end_byte(node));
	if (ts_node_is_null(read))
		return;
	scout_walk_node_start(w, read, &line, &column);
	snprintf(message, sizeof(message),
	         "Final local %.*s is read on line %u, but mypy keeps no value for it (%s): "
	         "mypyc before 1.10 loads it as a module-level final and stops with an "
	         "AssertionError (load_final_static)",
	         SCOUT_TEXT_ARG(left, w->src), line,
	         bare ? "Final without a type" : "its value is no constant");
	scout_walk_report(w, self, left, message, NULL);
}

static const scout_rule rule_final_local = {
    .id = "final-local",
    .category = SCOUT_BLOCKER,
    .title = "Final local variable whose value mypy does not keep, read later (before 1.10)",
    .why = "mypy keeps the value of a Final local only when it is declared with a type and "
           "its value folds to a constant (`x: Final[int] = 3`); mypyc before 1.10 reads any "
           "other Final local as a module-level final and stops with an AssertionError "
           "(mypyc/irbuild/builder.py, load_final_static; fixed by python/mypy#15719)",
    .bad = "def f() -> int:\n    limit: Final = 10\n    return limit\n",
    .good = "def f() -> int:\n    limit: Final[int] = 10\n    return limit\n",
    .fix = "declare it with its type and a constant value (`x: Final[int] = 10`), or drop Final "
           "from the local",
    .docs = "https://mypyc.readthedocs.io/en/latest/differences_from_python.html#final-values",
    .until = SCOUT_V(1, 10, 0),
    .on = "assignment",
    .enter = check_final_local};

SCOUT_FAMILY(scout_family_statements_globals, &rule_non_final_globals, &rule_final_early_binding,
             &rule_final_local);
