/* Loops and unpacking: break/continue out of try/finally and with, range()
 * with a zero step, dict.items() targets that are not pairs, two starred
 * targets (mypyc/irbuild/statement.py, nonlocalcontrol.py, for_helpers.py). */
#include "common/defs.h"
#include "common/docs.h"
#include "registry.h"

#include <stdio.h>
#include <string.h>

/* --- break / continue inside try/finally and with ---------------------------- */

enum { EXIT_NONE, EXIT_TRY_FINALLY, EXIT_WITH };

static bool has_finally(const scout_walk *w, TSNode try_stmt)
{
	uint32_t count = scout_node_named_child_count(try_stmt);

	for (uint32_t i = count; i-- > 0;)
		if (ts_node_symbol(scout_node_named_child(try_stmt, i)) == w->sym->finally_clause)
			return true;
	return false;
}

/* For a break/continue that is a child of the current block: the innermost
 * try/finally (entered outside its finally clause) or with statement
 * between it and the loop it leaves, or EXIT_NONE. */
static int loop_exit_kind(const scout_walk *w, TSNode stmt, TSNode *wrapper)
{
	TSNode from = stmt;
	int kind = EXIT_NONE;

	for (uint32_t up = 0; up < w->depth; up++) {
		TSNode a = scout_walk_ancestor(w, up);
		TSSymbol t = scout_walk_ancestor_symbol(w, up);

		if (t == w->sym->for_statement || t == w->sym->while_statement) {
			if (ts_node_eq(scout_node_field(a, w->sym->f_body), from))
				return kind; /* the loop this statement leaves */
		} else if (t == w->sym->try_statement) {
			if (kind == EXIT_NONE && ts_node_symbol(from) != w->sym->finally_clause &&
			    has_finally(w, a)) {
				kind = EXIT_TRY_FINALLY;
				*wrapper = a;
			}
		} else if (t == w->sym->with_statement) {
			if (kind == EXIT_NONE) {
				kind = EXIT_WITH;
				*wrapper = a;
			}
		} else if (t == w->sym->function_definition || t == w->sym->class_definition ||
		           t == w->sym->lambda || t == w->sym->module) {
			return EXIT_NONE; /* no loop: a SyntaxError, not ours */
		}
		from = a;
	}
	return EXIT_NONE;
}

static void check_loop_exits(scout_walk *w, TSNode block, const scout_rule *self, int want)
{
	uint32_t count = scout_node_named_child_count(block);
	char message[320];

	for (uint32_t i = 0; i < count; i++) {
		TSNode stmt = scout_node_named_child(block, i), wrapper = SCOUT_NULL_NODE;
		TSSymbol t = ts_node_symbol(stmt);
		const char *word;
		uint32_t line, column;

		if (t != w->sym->break_statement && t != w->sym->continue_statement)
			continue;
		if (loop_exit_kind(w, stmt, &wrapper) != want)
			continue;
		word = t == w->sym->break_statement ? "break" : "continue";
		scout_walk_node_start(w, wrapper, &line, &column);
		if (want == EXIT_WITH)
			snprintf(message, sizeof(message),
			         "`%s` leaves the loop from inside the with statement of line %u: "
			         "mypyc compiles `with` as try/finally and reports \"%s inside "
			         "try/finally block is unimplemented\"",
			         word, line, word);
		else
			snprintf(
			    message, sizeof(message),
			    "`%s` leaves the loop from inside the try/finally of line %u: mypyc "
			    "reports \"%s inside try/finally block is unimplemented\"",
			    word, line, word);
		scout_walk_report(w, self, stmt, message, NULL);
	}
}

static void check_break_in_try_finally(scout_walk *w, TSNode node, const scout_rule *self)
{
	check_loop_exits(w, node, self, EXIT_TRY_FINALLY);
}

static const scout_rule rule_break_continue_in_try_finally = {
    .id = "break-continue-in-try-finally",
    .category = SCOUT_BLOCKER,
    .title = "break/continue that leaves a loop from inside try/finally",
    .why = "mypyc reports \"break inside try/finally block is unimplemented\" (or continue); "
           "inside the finally clause itself, or for a loop inside the try, it is fine",
    .bad = "for item in items:\n    try:\n        if item.done:\n            break\n    "
           "finally:\n        log(item)\n",
    .good = "for item in items:\n    try:\n        done = item.done\n    finally:\n        "
            "log(item)\n    if done:\n        break\n",
    .fix = "set a flag inside the try and break or continue after the try statement",
    .docs = SCOUT_DOCS_DIFF,
    .on = "block",
    .enter = check_break_in_try_finally};

static void check_break_in_with(scout_walk *w, TSNode node, const scout_rule *self)
{
	check_loop_exits(w, node, self, EXIT_WITH);
}

static const scout_rule rule_break_continue_in_with = {
    .id = "break-continue-in-with",
    .category = SCOUT_BLOCKER,
    .title = "break/continue that leaves a loop from inside a with block",
    .why = "a with statement is compiled as try/finally, so mypyc reports \"break inside "
           "try/finally block is unimplemented\" (or continue); return is fine",
    .bad = "for i in range(n):\n    with lock:\n        if i == 3:\n            break\n",
    .good = "for i in range(n):\n    with lock:\n        stop = i == 3\n    if stop:\n      "
            "  break\n",
    .fix = "set a flag inside the with block and break or continue after it, or put the "
           "loop inside the with block",
    .docs = SCOUT_DOCS_DIFF,
    .on = "block",
    .enter = check_break_in_with};

/* --- for loops over range() and dict.items() --------------------------------- */

/* The for statement or comprehension clause iterating over `call`, or null. */
static TSNode loop_over(const scout_walk *w, TSNode call)
{
	TSNode parent = scout_walk_ancestor(w, 1);
	TSSymbol t = ts_node_symbol(parent);

	if (ts_node_is_null(parent) || (t != w->sym->for_statement && t != w->sym->for_in_clause))
		return SCOUT_NULL_NODE;
	return ts_node_eq(scout_node_field(parent, w->sym->f_right), call) ? parent
	                                                                   : SCOUT_NULL_NODE;
}

/* The arguments of a call when all are positional (no keywords, splats),
 * else false. */
static bool positional_args(const scout_walk *w, TSNode call, TSNode *out, uint32_t cap,
                            uint32_t *n)
{
	TSNode args = scout_node_field(call, w->sym->f_arguments);
	uint32_t count = ts_node_is_null(args) ? 0 : scout_node_named_child_count(args);

	*n = 0;
	if (ts_node_is_null(args) || ts_node_symbol(args) != w->sym->argument_list)
		return false;
	for (uint32_t i = 0; i < count; i++) {
		TSNode a = scout_node_named_child(args, i);
		TSSymbol t = ts_node_symbol(a);

		if (t == w->sym->comment)
			continue;
		if (t == w->sym->keyword_argument || scout_nodes_is(a, w->sym->list_splat) ||
		    scout_nodes_is(a, w->sym->dictionary_splat) || *n == cap)
			return false;
		out[(*n)++] = a;
	}
	return true;
}

/* An int literal (or its negation) whose value is zero. */
static bool is_zero_literal(const scout_walk *w, TSNode n)
{
	uint32_t len, i = 0;
	const char *text;

	if (scout_nodes_is(n, w->sym->unary_operator) && scout_node_child_count(n) == 2 &&
	    scout_node_text_is(scout_node_child(n, 0), w->src, "-"))
		n = scout_node_named_child(n, 0);
	if (ts_node_symbol(n) != w->sym->integer)
		return false;
	text = scout_node_text(n, w->src, &len);
	if (len > 2 && text[0] == '0' && strchr("xXoObB", text[1]))
		i = 2;
	for (; i < len; i++)
		if (text[i] != '0' && text[i] != '_')
			return false;
	return true;
}

static const char *const range[] = {"builtins.range", NULL};

static const char *const *const range_callees[] = {range, NULL};

static void check_range_step_zero(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode args[3];
	uint32_t n;

	if (ts_node_is_null(loop_over(w, node)) ||
	    !scout_walk_is(w, scout_node_field(node, w->sym->f_function), range) ||
	    !positional_args(w, node, args, 3, &n) || n != 3 || !is_zero_literal(w, args[2]))
		return;
	scout_walk_report(w, self, args[2],
	                  "range() with a literal step of 0 in a for loop: mypyc reports "
	                  "\"range() step can't be zero\"",
	                  NULL);
}

static const scout_rule rule_range_step_zero = {
    .id = "range-step-zero",
    .category = SCOUT_BLOCKER,
    .title = "for loop over range() with a literal step of 0",
    .why = "mypyc reports \"range() step can't be zero\"",
    .bad = "for i in range(0, 10, 0):\n    print(i)\n",
    .good = "for i in range(0, 10, 1):\n    print(i)\n",
    .fix = "use a non-zero step",
    .docs = SCOUT_DOCS_DIFF,
    .on = "call",
    .enter = check_range_step_zero,
    .callees = range_callees};

static bool is_target_sequence(const scout_walk *w, TSNode n)
{
	return scout_nodes_is(n, w->sym->pattern_list) ||
	       ts_node_symbol(n) == w->sym->tuple_pattern ||
	       scout_nodes_is(n, w->sym->list_pattern);
}

/* Filter only (the check compares the attribute itself): a call of
 * `<anything>.items`. */
static const char *const items_methods[] = {"dict.items", NULL};

static const char *const *const items_callees[] = {items_methods, NULL};

static void check_dict_items_pair(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode loop = loop_over(w, node), fn = scout_node_field(node, w->sym->f_function), left,
	       attr;
	TSNode args[1];
	uint32_t n, targets = 0, count;
	char message[256];

	if (ts_node_is_null(loop) || ts_node_symbol(fn) != w->sym->attribute)
		return;
	attr = scout_node_field(fn, w->sym->f_attribute);
	if (!scout_node_text_is(attr, w->src, "items") || !positional_args(w, node, args, 1, &n) ||
	    n != 0)
		return;
	left = scout_node_field(loop, w->sym->f_left);
	if (!is_target_sequence(w, left))
		return;
	count = scout_node_named_child_count(left);
	for (uint32_t i = 0; i < count; i++)
		targets += ts_node_symbol(scout_node_named_child(left, i)) != w->sym->comment;
	if (targets == 2)
		return;
	snprintf(message, sizeof(message),
	         "%u loop target%s for the key/value pairs of %.*s: mypy reports \"Need more "
	         "than 2 values to unpack\" (mypyc: \"Expected a pair for dict item iteration\")",
	         targets, targets == 1 ? "" : "s", SCOUT_TEXT_ARG(node, w->src));
	scout_walk_report(w, self, left, message, NULL);
}

static const scout_rule rule_dict_items_not_pair = {
    .id = "dict-items-not-pair",
    .category = SCOUT_BLOCKER,
    .title = "for loop over .items() unpacking into other than two targets",
    .why = "mypy reports \"Need more than 2 values to unpack\"  [misc] first; mypyc's own "
           "message is \"Expected a pair for dict item iteration\", so hiding mypy's error (a "
           "`# type: ignore`, `# mypy: ignore-errors`) does not help: mypyc 1.0.1 then stops "
           "with its own",
    .bad = "for key, value, extra in d.items():\n    print(key, value, extra)\n",
    .good = "for key, (value, extra) in d.items():\n    print(key, value, extra)\n",
    .fix = "unpack into exactly two targets (`for key, value in d.items()`) and unpack the "
           "value separately",
    .docs = SCOUT_DOCS_DIFF,
    .since = SCOUT_V(0, 780, 0),
    .on = "call",
    .enter = check_dict_items_pair,
    .callees = items_callees};

/* --- *a, *b = ... ------------------------------------------------------------ */

static void check_two_starred(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode parent = scout_walk_ancestor(w, 1);
	uint32_t earlier = 0;

	if (ts_node_is_null(parent) || !is_target_sequence(w, parent))
		return;
	for (TSNode p = scout_node_prev_named_sibling(node); !ts_node_is_null(p);
	     p = scout_node_prev_named_sibling(p))
		earlier += ts_node_symbol(p) == w->sym->list_splat_pattern;
	if (earlier != 1)
		return; /* report once, at the second starred target */
	scout_walk_report(w, self, node,
	                  "two starred targets in one assignment: mypy reports \"Two starred "
	                  "expressions in assignment\" (a SyntaxError in Python too)",
	                  NULL);
}

static const scout_rule rule_two_starred_assign = {
    .id = "two-starred-assign",
    .category = SCOUT_BLOCKER,
    .title = "two starred targets in one assignment",
    .why = "mypy reports \"Two starred expressions in assignment\"  [misc] (a SyntaxError in "
           "CPython too; tree-sitter accepts it); with mypy's error hidden by a `# type: "
           "ignore`, mypyc 1.0.1 crashes on the assignment",
    .bad = "*head, *tail = values\n",
    .good = "head, *tail = values\n",
    .fix = "keep at most one starred target per assignment",
    .docs = SCOUT_DOCS_DIFF,
    .on = "list_splat_pattern",
    .enter = check_two_starred};

SCOUT_FAMILY(scout_family_statements_loops, &rule_break_continue_in_try_finally,
             &rule_break_continue_in_with, &rule_range_step_zero, &rule_dict_items_not_pair,
             &rule_two_starred_assign);
