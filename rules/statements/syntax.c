/* Syntax mypyc cannot compile: except*, t-strings, Python 2 statements
 * (mypyc/irbuild/statement.py, expression.py; mypy's parser). */
#include "common/defs.h"
#include "common/docs.h"
#include "registry.h"

#include <stdio.h>
#include <string.h>

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
    .docs = SCOUT_DOCS_DIFF,
    .since = SCOUT_V(1, 0, 0),
    .on = "except_group_clause",
    .enter = check_except_star};

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
    .why = "mypyc reports \"Template strings are not supported by mypyc\"; the bundled grammar "
           "does not know t-strings either, and what it makes of the line (a syntax error, a "
           "Python 2 print) is not reported again",
    .bad = "greeting = t\"hello {name}\"\n",
    .good = "greeting = f\"hello {name}\"\n",
    .fix = "build the string with an f-string or str.format, or keep this module interpreted",
    .docs = SCOUT_DOCS_DIFF,
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

SCOUT_FAMILY(scout_family_statements_syntax, &rule_except_star, &rule_t_string, &rule_python2);
