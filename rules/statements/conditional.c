/* Rule family: statements -- control flow, loops, assignments and
 * module-level structure that mypyc cannot compile or compiles with
 * different behaviour (mypyc/irbuild/statement.py, nonlocalcontrol.py,
 * for_helpers.py, builder.py add_function; mypy's reachability). */
#include "common/defs.h"
#include "registry.h"

#include <stdio.h>
#include <string.h>

/* How many statements of one scope the duplicate search keeps pending. */
#define SCAN_STACK 256

/* The root of the tree (the module node). */
static TSNode module_root(const scout_walk *w)
{
	return w->depth ? w->stack[0] : SCOUT_NULL_NODE;
}

/* --- what mypy knows of a condition ------------------------------------------ */

/* Values of infer_condition_value (mypy/reachability.py) as far as syntax
 * can tell. */
enum {
	COND_RUNTIME = -1, /* decided when the code runs */
	COND_FALSE = 0,    /* mypy: always false (branch skipped as unreachable) */
	COND_TRUE = 1,     /* mypy: always true */
	COND_STATIC = 2,   /* mypy decides it for the target platform/version we do not know */
};

/* True when the module binds `name` at top level as `name = False` (the old
 * `MYPY = False` convention: False at run time, true for mypy). */
static bool module_assigns_false(const scout_walk *w, const char *name)
{
	TSNode root = module_root(w);
	uint32_t count = ts_node_is_null(root) ? 0 : scout_node_named_child_count(root);

	for (uint32_t i = 0; i < count; i++) {
		TSNode a = scout_defs_assignment(w, scout_node_named_child(root, i)), left, right;

		if (ts_node_is_null(a))
			continue;
		left = scout_node_field(a, w->sym->f_left);
		right = scout_node_field(a, w->sym->f_right);
		if (!ts_node_is_null(right) && ts_node_symbol(right) == w->sym->false_ &&
		    ts_node_symbol(left) == w->sym->identifier &&
		    scout_node_text_is(left, w->src, name))
			return true;
	}
	return false;
}

/* `TYPE_CHECKING` (typing / typing_extensions, resolved through the
 * module's imports) or a module-level `MYPY = False` / `TYPE_CHECKING =
 * False` flag: true for mypy, false at run time. */
static bool is_type_checking(const scout_walk *w, TSNode cond)
{
	static const char *const names[] = {"typing.TYPE_CHECKING",
	                                    "typing_extensions.TYPE_CHECKING", NULL};

	if (ts_node_symbol(cond) == w->sym->identifier &&
	    (scout_node_text_is(cond, w->src, "MYPY") ||
	     scout_node_text_is(cond, w->src, "TYPE_CHECKING"))) {
		uint32_t len;
		const char *text = scout_node_text(cond, w->src, &len);
		char buf[16];

		if (scout_walk_is(w, cond, names))
			return true;
		snprintf(buf, sizeof(buf), "%.*s", (int)len, text);
		return module_assigns_false(w, buf);
	}
	return ts_node_symbol(cond) == w->sym->attribute && scout_walk_is(w, cond, names);
}

static TSNode unparenthesize(const scout_walk *w, TSNode n)
{
	while (scout_nodes_is(n, w->sym->parenthesized_expression) &&
	       scout_node_named_child_count(n) == 1)
		n = scout_node_named_child(n, 0);
	return n;
}

/* sys.version_info or sys.version_info[...] */
static bool is_version_info(const scout_walk *w, TSNode n)
{
	static const char *const version_info[] = {"sys.version_info", NULL};

	if (ts_node_symbol(n) == w->sym->subscript)
		n = scout_node_field(n, w->sym->f_value);
	return !ts_node_is_null(n) && scout_walk_is(w, n, version_info);
}

static bool is_platform(const scout_walk *w, TSNode n)
{
	static const char *const platform[] = {"sys.platform", NULL};

	return scout_walk_is(w, n, platform);
}

static int condition_value(const scout_walk *w, TSNode cond);

static int combine(bool conjunction, int a, int b)
{
	if (conjunction) {
		if (a == COND_FALSE || b == COND_FALSE)
			return COND_FALSE;
		if (a == COND_TRUE && b == COND_TRUE)
			return COND_TRUE;
	} else {
		if (a == COND_TRUE || b == COND_TRUE)
			return COND_TRUE;
		if (a == COND_FALSE && b == COND_FALSE)
			return COND_FALSE;
	}
	return a == COND_RUNTIME || b == COND_RUNTIME ? COND_RUNTIME : COND_STATIC;
}

/* `sys.version_info >= (3, N)` with N <= 8 holds on every Python mypyc
 * supports; other version and platform tests are static but unknown here. */
static int version_comparison(const scout_walk *w, TSNode cond)
{
	TSNode left = scout_node_named_child(cond, 0), tuple = scout_node_named_child(cond, 1);
	TSSymbol op = ts_node_symbol(scout_node_child(cond, 1));
	TSNode major, minor;

	if (!is_version_info(w, left))
		return COND_RUNTIME;
	if (ts_node_symbol(left) != w->sym->attribute || !scout_nodes_is(tuple, w->sym->tuple) ||
	    scout_node_named_child_count(tuple) < 2)
		return COND_STATIC;
	major = scout_node_named_child(tuple, 0);
	minor = scout_node_named_child(tuple, 1);
	if (!scout_node_text_is(major, w->src, "3") || ts_node_symbol(minor) != w->sym->integer ||
	    ts_node_end_byte(minor) - ts_node_start_byte(minor) != 1 ||
	    w->src[ts_node_start_byte(minor)] > '8')
		return COND_STATIC;
	if (op == w->sym->op_ge || op == w->sym->op_gt)
		return COND_TRUE;
	if (op == w->sym->op_lt || op == w->sym->op_le)
		return COND_FALSE;
	return COND_STATIC;
}

/* What mypy (not the run time) knows of an if/elif condition. */
static int condition_value(const scout_walk *w, TSNode cond)
{
	cond = unparenthesize(w, cond);
	if (ts_node_is_null(cond))
		return COND_RUNTIME;
	if (is_type_checking(w, cond))
		return COND_TRUE;
	if (scout_nodes_is(cond, w->sym->not_operator) && scout_node_named_child_count(cond)) {
		int v = condition_value(w, scout_node_named_child(cond, 0));

		return v == COND_TRUE ? COND_FALSE : v == COND_FALSE ? COND_TRUE : v;
	}
	if (scout_nodes_is(cond, w->sym->boolean_operator) && scout_node_child_count(cond) == 3) {
		bool conjunction = ts_node_symbol(scout_node_child(cond, 1)) == w->sym->op_and;

		return combine(conjunction, condition_value(w, scout_node_named_child(cond, 0)),
		               condition_value(w, scout_node_named_child(cond, 1)));
	}
	if (scout_nodes_is(cond, w->sym->comparison_operator) &&
	    scout_node_child_count(cond) == 3) {
		if (is_platform(w, scout_node_named_child(cond, 0)))
			return COND_STATIC;
		return version_comparison(w, cond);
	}
	if (ts_node_symbol(cond) == w->sym->call) {
		TSNode fn =
		    scout_node_field(cond, w->sym->f_function); /* sys.platform.startswith(...) */

		if (ts_node_symbol(fn) == w->sym->attribute &&
		    is_platform(w, scout_node_field(fn, w->sym->f_object)))
			return COND_STATIC;
	}
	return COND_RUNTIME;
}

/* How mypy reaches `child`, a direct child of `parent`: COND_FALSE when it
 * skips the branch as unreachable, COND_STATIC when the branch depends on
 * the target platform or version, COND_TRUE for TYPE_CHECKING-only code
 * (reachable for mypy, skipped at run time), else COND_RUNTIME. */
static int branch_reach(const scout_walk *w, TSNode child, TSNode parent)
{
	TSSymbol t = ts_node_symbol(child), pt = ts_node_symbol(parent);
	int reach = COND_RUNTIME;

	if (t == w->sym->block && (pt == w->sym->if_statement || pt == w->sym->elif_clause)) {
		int v = condition_value(w, scout_node_field(parent, w->sym->f_condition));

		if (v == COND_FALSE || v == COND_STATIC)
			return v;
		if (v == COND_TRUE &&
		    is_type_checking(
		        w, unparenthesize(w, scout_node_field(parent, w->sym->f_condition))))
			return COND_TRUE;
		return COND_RUNTIME;
	}
	if ((t == w->sym->elif_clause || t == w->sym->else_clause) && pt == w->sym->if_statement) {
		uint32_t count = scout_node_named_child_count(parent);
		int v = condition_value(w, scout_node_field(parent, w->sym->f_condition));

		if (v == COND_TRUE)
			return COND_FALSE;
		if (v == COND_STATIC)
			reach = COND_STATIC;
		for (uint32_t i = 0; i < count; i++) {
			TSNode c = scout_node_named_child(parent, i);

			if (ts_node_eq(c, child))
				break;
			if (ts_node_symbol(c) != w->sym->elif_clause)
				continue;
			v = condition_value(w, scout_node_field(c, w->sym->f_condition));
			if (v == COND_TRUE)
				return COND_FALSE;
			if (v == COND_STATIC)
				reach = COND_STATIC;
		}
	}
	return reach;
}

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
    .docs = "https://mypyc.readthedocs.io/en/latest/differences_from_python.html",
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
    .docs = "https://mypyc.readthedocs.io/en/latest/differences_from_python.html",
    .on = "block",
    .enter = check_break_in_with};

/* --- except* ---------------------------------------------------------------- */

static void check_except_star(scout_walk *w, TSNode node, const scout_rule *self)
{
	/* One finding per try statement, at its first except* clause. */
	for (TSNode p = scout_node_prev_named_sibling(node); !ts_node_is_null(p);
	     p = scout_node_prev_named_sibling(p))
		if (ts_node_symbol(p) == w->sym->except_group_clause)
			return;
	scout_walk_report(w, self, node,
	                  "except* (exception groups) cannot be compiled: mypyc reports "
	                  "\"Exception groups and except* cannot be compiled yet\"",
	                  NULL);
}

static const scout_rule rule_except_star = {
    .id = "except-star",
    .category = SCOUT_BLOCKER,
    .title = "try/except* (exception groups)",
    .why = "mypyc reports \"Exception groups and except* cannot be compiled yet\"",
    .bad = "try:\n    run()\nexcept* ValueError:\n    pass\n",
    .good = "try:\n    run()\nexcept ValueError:\n    pass\n",
    .fix = "catch the exceptions without except*, or keep this module interpreted",
    .docs = "https://mypyc.readthedocs.io/en/latest/differences_from_python.html",
    .since = SCOUT_V(1, 0, 0),
    .on = "except_group_clause",
    .enter = check_except_star};

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
    .docs = "https://mypyc.readthedocs.io/en/latest/differences_from_python.html",
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
    .why = "mypy reports \"Need more than 2 values to unpack\" first; mypyc's own message is "
           "\"Expected a pair for dict item iteration\"",
    .bad = "for key, value, extra in d.items():\n    print(key, value, extra)\n",
    .good = "for key, (value, extra) in d.items():\n    print(key, value, extra)\n",
    .fix = "unpack into exactly two targets (`for key, value in d.items()`) and unpack the "
           "value separately",
    .docs = "https://mypyc.readthedocs.io/en/latest/differences_from_python.html",
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
    .why = "mypy reports \"Two starred expressions in assignment\" (a SyntaxError in CPython "
           "too; tree-sitter accepts it)",
    .bad = "*head, *tail = values\n",
    .good = "head, *tail = values\n",
    .fix = "keep at most one starred target per assignment",
    .docs = "https://mypyc.readthedocs.io/en/latest/differences_from_python.html",
    .on = "list_splat_pattern",
    .enter = check_two_starred};

/* --- t-strings --------------------------------------------------------------- */

static bool ident_byte(unsigned char c)
{
	return c == '_' || c >= 0x80 || (c >= '0' && c <= '9') ||
	       ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* tree-sitter-python 0.23 does not know the t prefix: `t"..."` parses as an
 * identifier `t` (inside an ERROR) glued to a string. */
static void check_t_string(scout_walk *w, TSNode node, const scout_rule *self)
{
	uint32_t start = ts_node_start_byte(node), i = start;
	bool t = false;

	while (i > 0 && start - i < 2 && w->src[i - 1] && strchr("tTrR", w->src[i - 1])) {
		t |= (w->src[i - 1] | 0x20) == 't';
		i--;
	}
	if (!t || (i > 0 && ident_byte((unsigned char)w->src[i - 1])))
		return;
	/* The string's own prefix (r, b, f, u) would make it some other error. */
	if (!strchr("'\"`rR", w->src[start]))
		return;
	{
		TSNode report = node;
		TSNode prev = scout_node_prev_sibling(node);

		if (!ts_node_is_null(prev) && ts_node_end_byte(prev) == start)
			report = prev;
		scout_walk_report(w, self, report,
		                  "t-string (template string literal): mypyc reports \"Template "
		                  "strings are not supported by mypyc\"",
		                  NULL);
	}
}

static const scout_rule rule_t_string = {
    .id = "t-string",
    .category = SCOUT_BLOCKER,
    .title = "template string literal t\"...\" (Python 3.14)",
    .why = "mypyc reports \"Template strings are not supported by mypyc\"; the grammar does "
           "not know t-strings either, so a syntax-error finding may accompany this one",
    .bad = "greeting = t\"hello {name}\"\n",
    .good = "greeting = f\"hello {name}\"\n",
    .fix = "build the string with an f-string or str.format, or keep this module interpreted",
    .docs = "https://mypyc.readthedocs.io/en/latest/differences_from_python.html",
    .since = SCOUT_V(1, 20, 0),
    .on = "string",
    .enter = check_t_string};

/* --- Python 2 ---------------------------------------------------------------- */

/* The Python 2 construct `stmt` is, or NULL. Only statements whose Python 2
 * form tree-sitter accepts without an ERROR node (so the syntax-error rule
 * stays silent). */
static const char *python2_construct(const scout_walk *w, TSNode stmt, TSSymbol t)
{
	if (t == w->sym->print_statement)
		return "print statement";
	if (t == w->sym->exec_statement)
		return "exec statement";
	if (t == w->sym->raise_statement) {
		TSNode value = scout_node_named_child(stmt, 0);

		if (!ts_node_is_null(value) && ts_node_symbol(value) == w->sym->expression_list)
			return "`raise E, value` statement";
	}
	if (t == w->sym->except_clause) {
		uint32_t count = scout_node_child_count(stmt);

		for (uint32_t i = 0; i < count; i++) {
			TSNode c = scout_node_child(stmt, i);

			if (!ts_node_is_named(c) && scout_node_text_is(c, w->src, ","))
				return "`except E, name:` clause";
		}
	}
	return NULL;
}

/* One finding per module, at its first Python 2 statement: the scan over
 * statements (not expressions) runs over the tree index, in document order. */
static void check_python2(scout_walk *w, TSNode node, const scout_rule *self)
{
	const scout_tix *tix = w->tix;
	uint32_t at, end, more = 0;
	TSNode first = SCOUT_NULL_NODE;
	const char *what = NULL;
	char message[320];

	if (!scout_tix_subtree(node, &at, &end))
		return;
	while (at < end) {
		const scout_tix_node *e = &tix->nodes[at];
		const char *kind = e->is_named ? python2_construct(w, e->node, e->symbol) : NULL;

		if (kind) {
			if (!what) {
				what = kind;
				first = e->node;
			} else {
				more++;
			}
		}
		at = e->is_named && scout_defs_holds_statements(w, e->symbol) ? at + 1 : e->end;
	}
	if (!what)
		return;
	if (more)
		snprintf(message, sizeof(message),
		         "%s: this module is Python 2 code (%u more Python 2 statements follow), "
		         "and mypy parses Python 3 only, so mypyc compiles nothing",
		         what, more);
	else
		snprintf(message, sizeof(message),
		         "%s: this is Python 2 code, and mypy parses Python 3 only, so mypyc "
		         "compiles nothing",
		         what);
	scout_walk_report(w, self, first, message, NULL);
}

static const scout_rule rule_python2 = {
    .id = "python2",
    .category = SCOUT_BLOCKER,
    .title = "Python 2 code (print/exec statements, `except E, e`, `raise E, msg`)",
    .why = "mypyc compiles Python 3 only (\"Python 2 not supported\"); tree-sitter parses "
           "these Python 2 statements without a syntax error, so this rule reports them "
           "once per module where the syntax-error rule stays silent",
    .bad = "print \"hello\"\n",
    .good = "print(\"hello\")\n",
    .fix = "port the module to Python 3 (e.g. with pyupgrade or 2to3) before compiling it",
    .docs = "https://mypyc.readthedocs.io/en/latest/getting_started.html",
    .on = "module",
    .enter = check_python2};

/* --- if TYPE_CHECKING: ... else: ... ----------------------------------------- */

static const char unreachable_effect[] =
    "runs but mypy deems it unreachable: mypyc compiles it as `raise "
    "RuntimeError(\"Reached allegedly unreachable code!\")`";

static void check_type_checking_else(scout_walk *w, TSNode node, const scout_rule *self)
{
	uint32_t count = scout_node_named_child_count(node);
	TSNode clause = node; /* the if itself, then each elif_clause in turn */
	char message[320];

	for (uint32_t i = 0;;) {
		TSNode cond = unparenthesize(w, scout_node_field(clause, w->sym->f_condition)),
		       next = SCOUT_NULL_NODE;

		for (; i < count; i++) {
			TSNode c = scout_node_named_child(node, i);
			TSSymbol t = ts_node_symbol(c);

			if ((t == w->sym->elif_clause || t == w->sym->else_clause) &&
			    !ts_node_eq(c, clause)) {
				next = c;
				i++;
				break;
			}
		}
		if (scout_nodes_is(cond, w->sym->not_operator) &&
		    scout_node_named_child_count(cond) &&
		    is_type_checking(w, unparenthesize(w, scout_node_named_child(cond, 0)))) {
			TSNode body = scout_node_field(clause, w->sym->f_consequence);

			snprintf(message, sizeof(message), "the body of `%.*s` %s",
			         SCOUT_TEXT_ARG(cond, w->src), unreachable_effect);
			scout_walk_report(w, self, ts_node_eq(clause, node) ? body : clause,
			                  message, NULL);
			return;
		}
		if (is_type_checking(w, cond)) {
			if (ts_node_is_null(next))
				return;
			snprintf(message, sizeof(message), "this %s after `%.*s` %s",
			         ts_node_symbol(next) == w->sym->else_clause ? "else branch"
			                                                     : "elif",
			         SCOUT_TEXT_ARG(cond, w->src), unreachable_effect);
			scout_walk_report(w, self, next, message, NULL);
			return;
		}
		if (ts_node_is_null(next) || ts_node_symbol(next) != w->sym->elif_clause)
			return;
		clause = next;
	}
}

static const scout_rule rule_type_checking_else_branch = {
    .id = "type-checking-else-branch",
    .category = SCOUT_BEHAVIOUR,
    .title = "else branch of `if TYPE_CHECKING:` (or `if not TYPE_CHECKING:` body)",
    .why = "mypy treats the branch as unreachable and mypyc compiles it as `raise "
           "RuntimeError(\"Reached allegedly unreachable code!\")`, so importing the module "
           "fails (mypyc/mypyc#1159)",
    .bad = "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    X = 1\nelse:\n    X = "
           "2\n",
    .good = "from typing import TYPE_CHECKING\n\nX = 2\nif TYPE_CHECKING:\n    from mod "
            "import Thing\n",
    .fix = "move the run-time code out of the else branch (make it unconditional); keep only "
           "type-checking imports under `if TYPE_CHECKING:`",
    .docs = "https://github.com/mypyc/mypyc/issues/1159",
    .on = "if_statement",
    .enter = check_type_checking_else};

/* --- conditional and duplicate function definitions ------------------------- */

/* The scope of the current node: the nearest function_definition,
 * class_definition or module above it, with the worst reachability of the
 * branches on the way (COND_FALSE/COND_STATIC win over COND_TRUE, over
 * COND_RUNTIME) and whether a branch depends on a run-time condition. */
typedef struct scope_path {
	TSNode scope;
	int reach;        /* COND_FALSE, COND_STATIC, COND_TRUE or COND_RUNTIME (always) */
	bool conditional; /* a run-time if/while/except/try-else lies in between */
} scope_path;

static int worse(int a, int b)
{
	static const int rank[] = {/* RUNTIME */ 0, /* FALSE */ 3, /* TRUE */ 1, /* STATIC */ 2};

	return rank[a + 1] >= rank[b + 1] ? a : b;
}

/* Whether `child` of `parent` runs only sometimes at run time. */
static bool runtime_conditional(const scout_walk *w, TSNode child, TSNode parent, int reach)
{
	TSSymbol pt = ts_node_symbol(parent), t = ts_node_symbol(child);

	if (pt == w->sym->if_statement || pt == w->sym->elif_clause)
		return reach == COND_RUNTIME || reach == COND_TRUE;
	if (pt == w->sym->while_statement)
		return t == w->sym->block;
	if (pt == w->sym->try_statement)
		return t == w->sym->except_clause || t == w->sym->except_group_clause ||
		       t == w->sym->else_clause;
	return false;
}

static scope_path path_to_scope(const scout_walk *w, uint32_t from_up)
{
	scope_path p = {SCOUT_NULL_NODE, COND_RUNTIME, false};
	TSNode child = scout_walk_ancestor(w, from_up);

	for (uint32_t up = from_up + 1; up < w->depth; up++) {
		TSNode a = scout_walk_ancestor(w, up);
		TSSymbol t = scout_walk_ancestor_symbol(w, up);
		int r = branch_reach(w, child, a);

		p.reach = worse(p.reach, r);
		if (runtime_conditional(w, child, a, r))
			p.conditional = true;
		if (t == w->sym->function_definition || t == w->sym->class_definition ||
		    t == w->sym->module) {
			p.scope = a;
			return p;
		}
		child = a;
	}
	return p;
}

/* How many module-level bindings (imports, defs) the module has for the
 * name of `name_node`. */
static size_t module_bindings(const scout_walk *w, TSNode name_node)
{
	uint32_t len;
	const char *text = scout_node_text(name_node, w->src, &len);
	size_t n = 0;

	for (size_t i = 0; i < w->names->len; i++) {
		const char *local = w->names->entries[i].local;

		n += strlen(local) == len && memcmp(local, text, len) == 0;
	}
	return n;
}

/* The first undecorated def named like `def` in `scope` (not in nested
 * scopes or branches mypy skips) that starts before `def`, or null. */
static TSNode earlier_definition(const scout_walk *w, TSNode scope, TSNode def)
{
	TSNode name = scout_defs_name(w, def);
	TSNode todo[SCAN_STACK];
	size_t ntodo = 0;
	uint32_t len, def_start = ts_node_start_byte(def);
	const char *text = scout_node_text(name, w->src, &len);
	TSNode body = ts_node_symbol(scope) == w->sym->module
	                  ? scope
	                  : scout_node_field(scope, w->sym->f_body);

	if (ts_node_is_null(body))
		return SCOUT_NULL_NODE;
	todo[ntodo++] = body;
	while (ntodo) {
		TSNode node = todo[--ntodo];
		uint32_t count = scout_node_named_child_count(node);

		/* reverse order: popped in document order */
		for (uint32_t i = count; i-- > 0;) {
			TSNode c = scout_node_named_child(node, i);
			TSSymbol t = ts_node_symbol(c);
			int r;

			if (ts_node_start_byte(c) >= def_start)
				continue;
			if (t == w->sym->function_definition) {
				uint32_t clen;
				const char *ctext =
				    scout_node_text(scout_defs_name(w, c), w->src, &clen);

				if (clen == len && memcmp(ctext, text, len) == 0 &&
				    ntodo < SCAN_STACK)
					todo[ntodo++] = c; /* a match: decided when popped */
				continue;
			}
			if (t == w->sym->class_definition || t == w->sym->decorated_definition ||
			    !scout_defs_holds_statements(w, t))
				continue;
			r = branch_reach(w, c, node);
			if (r == COND_FALSE || r == COND_STATIC)
				continue;
			if (ntodo < SCAN_STACK)
				todo[ntodo++] = c;
		}
		if (ts_node_symbol(node) == w->sym->function_definition && !ts_node_eq(node, scope))
			return node;
	}
	return SCOUT_NULL_NODE;
}

static void check_duplicate_definition(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode parent = scout_walk_ancestor(w, 1), name = scout_defs_name(w, node), first;
	scope_path p;
	char message[320];
	uint32_t line, column;

	if (ts_node_is_null(parent) || ts_node_symbol(parent) == w->sym->decorated_definition ||
	    ts_node_is_null(name))
		return; /* decorated functions are built another way (transform_decorator) */
	/* Repeated `def _` compiled silently before 1.7.0 (PR 16309). */
	if (scout_walk_mypyc_version(w) < SCOUT_V(1, 7, 0) && scout_node_text_is(name, w->src, "_"))
		return;
	p = path_to_scope(w, 0);
	/* Only module-level functions share one namespace in mypyc: nested ones
	 * get uniquely named callable classes, methods are built per class. */
	if (ts_node_is_null(p.scope) || ts_node_symbol(p.scope) != w->sym->module ||
	    p.reach == COND_FALSE || p.reach == COND_STATIC || module_bindings(w, name) < 2)
		return;
	first = earlier_definition(w, p.scope, node);
	if (ts_node_is_null(first))
		return;
	scout_walk_node_start(w, first, &line, &column);
	snprintf(message, sizeof(message),
	         "function %.*s is defined again (first definition at line %u): mypyc reports "
	         "\"Duplicate definition of \"%.*s\" not supported by mypyc\"",
	         SCOUT_TEXT_ARG(name, w->src), line, SCOUT_TEXT_ARG(name, w->src));
	scout_walk_report(w, self, node, message, NULL);
}

static const scout_rule rule_duplicate_definition = {
    .id = "duplicate-definition",
    .category = SCOUT_BLOCKER,
    .title = "the same function defined twice in one scope",
    .why = "mypyc reports \"Duplicate definition of \"{name}\" not supported by mypyc\" "
           "(since 1.7; older mypyc produced C that gcc rejects: redefinition of CPyDef_...); "
           "branches mypy skips (TYPE_CHECKING else, sys.version_info, sys.platform) do not "
           "count",
    .bad = "if fast:\n    def load() -> int:\n        return 0\nelse:\n    def load() -> "
           "int:\n        return 1\n",
    .good = "def _load_fast() -> int:\n    return 0\n\ndef _load_slow() -> int:\n    return "
            "1\n\nload = _load_fast if fast else _load_slow\n",
    .fix = "give each variant its own name and bind the chosen one to the public name",
    .docs = "https://mypyc.readthedocs.io/en/latest/differences_from_python.html",
    .on = "function_definition",
    .enter = check_duplicate_definition};

static void check_conditional_def(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode parent = scout_walk_ancestor(w, 1), name = scout_defs_name(w, node);
	scope_path p;
	char message[320];

	if (ts_node_is_null(parent) || ts_node_symbol(parent) == w->sym->decorated_definition ||
	    ts_node_symbol(parent) == w->sym->module || ts_node_is_null(name))
		return;
	p = path_to_scope(w, 0);
	if (ts_node_is_null(p.scope) || ts_node_symbol(p.scope) != w->sym->module ||
	    !p.conditional || p.reach == COND_FALSE || p.reach == COND_STATIC)
		return;
	if (module_bindings(w, name) > 1)
		return; /* bound on every path anyway, or a duplicate-definition */
	snprintf(message, sizeof(message),
	         "function %.*s is defined only on some paths, but the compiled module always "
	         "binds it: mypyc exports module-level functions unconditionally",
	         SCOUT_TEXT_ARG(name, w->src));
	scout_walk_report(w, self, node, message, NULL);
}

static const scout_rule rule_conditional_def_always_bound = {
    .id = "conditional-def-always-bound",
    .category = SCOUT_BEHAVIOUR,
    .title = "module-level def that runs only on some paths",
    .why = "mypyc exports module-level functions through the module's method table, so a "
           "def guarded by a run-time condition exists even when the condition is false",
    .bad = "if HAVE_FAST:\n    def speedup() -> int:\n        return 1\n",
    .good = "def speedup() -> int:\n    if not HAVE_FAST:\n        raise "
            "NotImplementedError\n    return 1\n",
    .fix = "define the function unconditionally and test the condition inside it (or bind "
           "alternatives to a variable)",
    .docs = "https://mypyc.readthedocs.io/en/latest/differences_from_python.html",
    .on = "function_definition",
    .enter = check_conditional_def};

/* --- try: import x / except ImportError: x = None ---------------------------- */

/* True when an import statement directly in `body` binds `name`. */
static bool body_imports(const scout_walk *w, TSNode body, TSNode name)
{
	uint32_t count = scout_node_named_child_count(body), nlen;
	const char *ntext = scout_node_text(name, w->src, &nlen);

	for (uint32_t i = 0; i < count; i++) {
		TSNode stmt = scout_node_named_child(body, i);
		TSSymbol t = ts_node_symbol(stmt);
		uint32_t n = scout_node_named_child_count(stmt);
		TSNode module = t == w->sym->import_from_statement
		                    ? scout_node_field(stmt, w->sym->f_module_name)
		                    : SCOUT_NULL_NODE;

		if (t != w->sym->import_statement && t != w->sym->import_from_statement)
			continue;
		for (uint32_t j = 0; j < n; j++) {
			TSNode c = scout_node_named_child(stmt, j), bound;
			uint32_t len;
			const char *text;

			if (!ts_node_is_null(module) && ts_node_eq(c, module))
				continue;
			if (ts_node_symbol(c) == w->sym->aliased_import)
				bound = scout_node_field(c, w->sym->f_alias);
			else if (ts_node_symbol(c) == w->sym->dotted_name)
				bound = scout_node_named_child(c, 0); /* import a.b binds a */
			else
				continue;
			if (ts_node_is_null(bound))
				continue;
			if (t == w->sym->import_from_statement &&
			    ts_node_symbol(c) == w->sym->dotted_name)
				bound =
				    scout_node_named_child(c, scout_node_named_child_count(c) - 1);
			text = scout_node_text(bound, w->src, &len);
			if (len == nlen && memcmp(text, ntext, len) == 0)
				return true;
		}
	}
	return false;
}

static void check_try_import_fallback(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode try_stmt = scout_walk_ancestor(w, 1), body, handler;
	uint32_t count;
	char message[320];

	/* Any handler: ImportError is the idiom, but mypy rejects the rebinding
	 * whatever the exception caught. */
	if (ts_node_symbol(try_stmt) != w->sym->try_statement)
		return;
	body = scout_node_field(try_stmt, w->sym->f_body);
	handler = scout_node_named_child(node, scout_node_named_child_count(node) - 1);
	if (ts_node_is_null(body) || ts_node_symbol(handler) != w->sym->block)
		return;
	count = scout_node_named_child_count(handler);
	for (uint32_t i = 0; i < count; i++) {
		TSNode stmt = scout_node_named_child(handler, i), def = stmt, a, left, right;

		if (ts_node_symbol(def) == w->sym->decorated_definition)
			def = scout_node_field(def, w->sym->f_definition);
		if (ts_node_symbol(def) == w->sym->function_definition) {
			TSNode name = scout_defs_name(w, def);

			if (ts_node_is_null(name) || !body_imports(w, body, name))
				continue;
			snprintf(message, sizeof(message),
			         "fallback def %.*s rebinds the imported name: mypy reports \"Name "
			         "\"%.*s\" already defined (possibly by an import)\" or \"All "
			         "conditional function variants must have identical signatures\", "
			         "which stops mypyc",
			         SCOUT_TEXT_ARG(name, w->src), SCOUT_TEXT_ARG(name, w->src));
			scout_walk_report(
			    w, self, stmt, message,
			    "give the fallback exactly the imported signature, or import "
			    "under another name and bind one of the two to a new name");
			continue;
		}
		a = scout_defs_assignment(w, stmt);
		if (ts_node_is_null(a))
			continue;
		left = scout_node_field(a, w->sym->f_left);
		right = scout_node_field(a, w->sym->f_right);
		if (ts_node_symbol(left) != w->sym->identifier || ts_node_is_null(right) ||
		    ts_node_symbol(right) != w->sym->none ||
		    !ts_node_is_null(scout_node_field(a, w->sym->f_type)) ||
		    !body_imports(w, body, left))
			continue;
		snprintf(
		    message, sizeof(message),
		    "`%.*s = None` rebinds the imported name %.*s: mypy reports \"Incompatible "
		    "types in assignment (expression has type \"None\", ...)\", which stops "
		    "mypyc",
		    SCOUT_TEXT_ARG(left, w->src), SCOUT_TEXT_ARG(left, w->src));
		scout_walk_report(w, self, a, message, NULL);
	}
}

static const scout_rule rule_try_import_fallback = {
    .id = "try-import-fallback",
    .category = SCOUT_BLOCKER,
    .title = "optional import with a None or def fallback",
    .why = "mypy rejects `try: import x / except ImportError: x = None` (\"Incompatible types "
           "in assignment\") and fallback defs of an imported name (\"Name already defined "
           "(possibly by an import)\", or \"All conditional function variants must have "
           "identical signatures\")",
    .bad = "try:\n    import yaml\nexcept ImportError:\n    yaml = None\n",
    .good = "try:\n    import yaml\n    HAVE_YAML = True\nexcept ImportError:\n    "
            "HAVE_YAML = False\n",
    .fix = "record availability in a flag (`HAVE_YAML = False`) instead of rebinding the "
           "imported name",
    .docs = "https://mypy.readthedocs.io/en/stable/common_issues.html",
    .on = "except_clause",
    .enter = check_try_import_fallback};

/* --- if __name__ == "__main__" is in functions.c (run-as-script) ------------- */

SCOUT_FAMILY(scout_family_statements, &rule_break_continue_in_try_finally,
             &rule_break_continue_in_with, &rule_except_star, &rule_range_step_zero,
             &rule_dict_items_not_pair, &rule_two_starred_assign, &rule_t_string, &rule_python2,
             &rule_type_checking_else_branch, &rule_conditional_def_always_bound,
             &rule_duplicate_definition, &rule_try_import_fallback);
