/* Statements that leave a block (return, raise, break, continue) where
 * mypyc's IR builder still has something to add to the block they ended:
 * it asserts "Can't add to finished block" (mypyc/irbuild/ll_builder.py).
 *
 * - Code after such a statement in the same block: mypyc before 1.7
 *   compiled it into the ended block (python/mypy#16311 skips it). `pass`,
 *   string statements (docstrings) and global/nonlocal add nothing.
 * - A finally clause that ends with one: after the clause's body mypyc adds
 *   the code that re-raises or resumes what the try was doing, to the block
 *   the jump ended (still so in 1.18). */
#include "common/defs.h"
#include "common/docs.h"
#include "registry.h"

#include <stdio.h>

/* True for return, raise, break and continue statements. */
static bool is_jump(const scout_walk *w, TSNode n)
{
	const scout_symbols *s = w->sym;
	TSSymbol t = ts_node_is_null(n) ? 0 : ts_node_symbol(n);

	return t && (t == s->return_statement || t == s->raise_statement ||
	             t == s->break_statement || t == s->continue_statement);
}

/* True for the statements that give mypyc nothing to compile: pass,
 * comments, a string on its own (a docstring), global and nonlocal. */
static bool adds_nothing(const scout_walk *w, TSNode stmt)
{
	const scout_symbols *s = w->sym;
	TSSymbol t = ts_node_symbol(stmt);

	if (t == s->pass_statement || t == s->comment || t == s->global_statement ||
	    t == s->nonlocal_statement)
		return true;
	return t == s->expression_statement && scout_node_named_child_count(stmt) == 1 &&
	       (scout_nodes_is(scout_node_named_child(stmt, 0), s->string) ||
	        scout_nodes_is(scout_node_named_child(stmt, 0), s->concatenated_string));
}

/* A short name of a jump statement for messages. */
static const char *jump_name(const scout_walk *w, TSNode jump)
{
	const scout_symbols *s = w->sym;
	TSSymbol t = ts_node_symbol(jump);

	return t == s->return_statement  ? "return"
	       : t == s->raise_statement ? "raise"
	       : t == s->break_statement ? "break"
	                                 : "continue";
}

static void check_unreachable_statement(scout_walk *w, TSNode node, const scout_rule *self)
{
	uint32_t n = scout_node_named_child_count(node);
	TSNode jump = SCOUT_NULL_NODE;
	char message[240];
	uint32_t line, column;

	if (ts_node_symbol(node) == w->sym->block &&
	    scout_nodes_is(scout_node_parent(node), w->sym->class_definition))
		return; /* a class body is not compiled as a function */
	if (ts_node_has_error(node))
		return; /* the grammar could not read it: what follows a jump is unknown */
	for (uint32_t i = 0; i < n; i++) {
		TSNode stmt = scout_node_named_child(node, i);

		if (ts_node_is_null(jump)) {
			if (is_jump(w, stmt))
				jump = stmt;
			continue;
		}
		if (adds_nothing(w, stmt))
			continue;
		scout_walk_node_start(w, jump, &line, &column);
		snprintf(
		    message, sizeof(message),
		    "code after the %s on line %u cannot run: mypyc before 1.7 compiles it into "
		    "the block the %s ended and stops with \"Can't add to finished block\"",
		    jump_name(w, jump), line, jump_name(w, jump));
		scout_walk_report(w, self, stmt, message, NULL);
		return;
	}
}

static const scout_rule rule_unreachable_statement = {
    .id = "unreachable-statement",
    .category = SCOUT_BLOCKER,
    .title = "code after return, raise, break or continue in the same block (before 1.7)",
    .why = "mypyc before 1.7 compiles the statements after a return, raise, break or continue "
           "into the block that statement ended and stops with \"AssertionError: Can't add to "
           "finished block\" (python/mypy#16311 skips them)",
    .bad = "def f() -> int:\n    return 1\n\n    def helper() -> int:\n        return 2\n",
    .good = "def f() -> int:\n    def helper() -> int:\n        return 2\n\n    return 1\n",
    .fix = "delete the code that cannot run, or move it before the return",
    .docs = SCOUT_DOCS_DIFF,
    .until = SCOUT_V(1, 7, 0),
    .on = "block,module",
    .enter = check_unreachable_statement};

static void check_finally_jump(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode body = SCOUT_NULL_NODE, last = SCOUT_NULL_NODE;
	uint32_t n = scout_node_named_child_count(node);
	char message[240];

	for (uint32_t i = 0; i < n && ts_node_is_null(body); i++)
		if (scout_nodes_is(scout_node_named_child(node, i), w->sym->block))
			body = scout_node_named_child(node, i);
	n = ts_node_is_null(body) ? 0 : scout_node_named_child_count(body);
	while (n > 0 && scout_nodes_is(scout_node_named_child(body, n - 1), w->sym->comment))
		n--;
	if (n > 0)
		last = scout_node_named_child(body, n - 1);
	if (!is_jump(w, last))
		return;
	snprintf(
	    message, sizeof(message),
	    "the finally clause ends with %s: mypyc adds the code that finishes the try to the "
	    "block the %s ended and stops with \"Can't add to finished block\"",
	    jump_name(w, last), jump_name(w, last));
	scout_walk_report(w, self, last, message, NULL);
}

static const scout_rule rule_finally_jump = {
    .id = "finally-jump",
    .category = SCOUT_BLOCKER,
    .title = "finally clause that ends with return, raise, break or continue",
    .why = "after a finally clause mypyc adds the code that re-raises the pending exception "
           "or resumes the return; when the clause itself ends with a return, raise, break or "
           "continue, that block is already closed and mypyc stops with \"AssertionError: "
           "Can't add to finished block\" (mypyc/irbuild/statement.py)",
    .bad = "def f() -> int:\n    try:\n        work()\n    finally:\n        return 1\n",
    .good = "def f() -> int:\n    try:\n        work()\n    finally:\n        cleanup()\n"
            "    return 1\n",
    .fix = "move the return (or raise) after the try statement; a return in finally also "
           "swallows exceptions",
    .docs = SCOUT_DOCS_DIFF,
    .on = "finally_clause",
    .enter = check_finally_jump};

SCOUT_FAMILY(scout_family_statements_jumps, &rule_unreachable_statement, &rule_finally_jump);
