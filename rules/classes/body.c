/* Class bodies: the statements mypyc accepts in a class body and where a
 * class may be defined at all (mypyc/irbuild/classdef.py
 * transform_class_def). */
#include "common/defs.h"
#include "common/docs.h"
#include "registry.h"

#include <stdio.h>

/* --- class body statements ------------------------------------------------ */

static const char *statement_label(const scout_walk *w, TSNode stmt)
{
	const scout_symbols *s = w->sym;
	const struct {
		TSSymbol type;
		const char *label;
	} labels[] = {
	    {s->if_statement, "an if statement"},
	    {s->for_statement, "a for loop"},
	    {s->while_statement, "a while loop"},
	    {s->try_statement, "a try statement"},
	    {s->with_statement, "a with statement"},
	    {s->match_statement, "a match statement"},
	    {s->import_statement, "an import"},
	    {s->import_from_statement, "an import"},
	    {s->future_import_statement, "an import"},
	    {s->delete_statement, "a del statement"},
	    {s->global_statement, "a global statement"},
	    {s->nonlocal_statement, "a nonlocal statement"},
	    {s->raise_statement, "a raise statement"},
	    {s->assert_statement, "an assert statement"},
	    {s->type_alias_statement, "a type alias statement"},
	    {s->class_definition, "a nested class"},
	    {s->decorated_definition, "a nested class"},
	};
	TSSymbol type = ts_node_symbol(stmt);

	if (type == s->expression_statement) {
		TSNode e = scout_node_named_child(stmt, 0);

		if (scout_node_named_child_count(stmt) == 1 &&
		    ts_node_symbol(e) == s->augmented_assignment)
			return "an augmented assignment";
		return "an expression statement";
	}
	for (size_t i = 0; i < sizeof(labels) / sizeof(*labels); i++)
		if (type == labels[i].type)
			return labels[i].label;
	return "this statement";
}

/* Whether mypyc's transform_class_def accepts `stmt` in a class body (the
 * assignment shapes it rejects have rules of their own). */
static bool body_statement_ok(const scout_walk *w, TSNode stmt, uint32_t version)
{
	const scout_symbols *s = w->sym;
	TSSymbol t = ts_node_symbol(stmt);

	if (t == s->function_definition || t == s->pass_statement || t == s->comment)
		return true;
	if (t == s->decorated_definition)
		return ts_node_symbol(scout_defs_undecorate(w, stmt)) == s->function_definition;
	if (t == s->expression_statement && scout_node_named_child_count(stmt) == 1) {
		TSNode e = scout_node_named_child(stmt, 0);
		TSSymbol et = ts_node_symbol(e);

		if (et == s->assignment || et == s->string || et == s->concatenated_string)
			return true;
		if (et == s->ellipsis) /* accepted since 1.14.0 (PR 17923) */
			return version >= SCOUT_V(1, 14, 0);
	}
	return false;
}

static void check_body_statements(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode body = scout_node_field(node, w->sym->f_body), name = scout_defs_name(w, node);
	uint32_t count = ts_node_is_null(body) ? 0 : scout_node_named_child_count(body);
	uint32_t version = scout_walk_mypyc_version(w);
	char message[256];

	for (uint32_t i = 0; i < count; i++) {
		TSNode stmt = scout_node_named_child(body, i);

		if (body_statement_ok(w, stmt, version))
			continue;
		if (ts_node_symbol(stmt) == w->sym->expression_statement &&
		    ts_node_symbol(scout_node_named_child(stmt, 0)) == w->sym->ellipsis)
			snprintf(
			    message, sizeof(message),
			    "`...` in the body of class %.*s is accepted only since mypyc "
			    "1.14; older mypyc reports \"Unsupported statement in class body\"",
			    SCOUT_TEXT_ARG(name, w->src));
		else
			snprintf(message, sizeof(message),
			         "%s in the body of class %.*s is not supported: mypyc reports "
			         "\"Unsupported statement in class body\"",
			         statement_label(w, stmt), SCOUT_TEXT_ARG(name, w->src));
		scout_walk_report(w, self, stmt, message, NULL);
	}
}

static const scout_rule rule_class_body_unsupported_stmt = {
    .id = "class-body-unsupported-stmt",
    .category = SCOUT_BLOCKER,
    .title = "statement other than def, pass, docstring or assignment in a class body",
    .why = "mypyc compiles a class body as a fixed list of attributes and methods and "
           "reports \"Unsupported statement in class body\" for if/for/while/try/with, "
           "imports, calls, augmented assignments, del, nested classes (and `...` before "
           "1.14)",
    .bad = "class Foo:\n    if TYPE_CHECKING:\n        def hint(self) -> int: ...\n",
    .good = "class Foo:\n    def hint(self) -> int: ...\n",
    .fix = "move the statement out of the class body (to module level or into a method)",
    .docs = SCOUT_DOCS_NATIVE,
    .on = "class_definition",
    .enter = check_body_statements};

static void check_chained_assign(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode body = scout_node_field(node, w->sym->f_body), name = scout_defs_name(w, node);
	uint32_t count = ts_node_is_null(body) ? 0 : scout_node_named_child_count(body);
	char message[256];

	for (uint32_t i = 0; i < count; i++) {
		TSNode a = scout_defs_assignment(w, scout_node_named_child(body, i)), right;

		if (ts_node_is_null(a))
			continue;
		right = scout_node_field(a, w->sym->f_right);
		if (ts_node_is_null(right) || ts_node_symbol(right) != w->sym->assignment)
			continue;
		snprintf(message, sizeof(message),
		         "chained assignment in the body of class %.*s: mypyc reports \"Multiple "
		         "assignment in class bodies not supported\"",
		         SCOUT_TEXT_ARG(name, w->src));
		scout_walk_report(w, self, a, message, NULL);
	}
}

static const scout_rule rule_class_body_chained_assign = {
    .id = "class-body-chained-assign",
    .category = SCOUT_BLOCKER,
    .title = "chained assignment in a class body",
    .why = "mypyc reports \"Multiple assignment in class bodies not supported\"",
    .bad = "class Foo:\n    c = d = 50\n",
    .good = "class Foo:\n    c = 50\n    d = 50\n",
    .fix = "assign each name on its own line",
    .docs = SCOUT_DOCS_NATIVE,
    .on = "class_definition",
    .enter = check_chained_assign};

static void check_non_name_target(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode body = scout_node_field(node, w->sym->f_body), name = scout_defs_name(w, node);
	uint32_t count = ts_node_is_null(body) ? 0 : scout_node_named_child_count(body);
	char message[256];

	for (uint32_t i = 0; i < count; i++) {
		TSNode a = scout_defs_assignment(w, scout_node_named_child(body, i)), left, right;

		if (ts_node_is_null(a))
			continue;
		left = scout_node_field(a, w->sym->f_left);
		right = scout_node_field(a, w->sym->f_right);
		if (!ts_node_is_null(right) && ts_node_symbol(right) == w->sym->assignment)
			continue; /* chained: class-body-chained-assign */
		if (ts_node_is_null(left) || ts_node_symbol(left) == w->sym->identifier)
			continue;
		snprintf(message, sizeof(message),
		         "assignment to `%.*s` in the body of class %.*s: mypyc supports only "
		         "assignment to plain names in class bodies",
		         SCOUT_TEXT_ARG(left, w->src), SCOUT_TEXT_ARG(name, w->src));
		scout_walk_report(w, self, left, message, NULL);
	}
}

static const scout_rule rule_class_body_non_name_target = {
    .id = "class-body-non-name-target",
    .category = SCOUT_BLOCKER,
    .title = "class-body assignment to something other than a plain name",
    .why = "mypyc reports \"Only assignment to variables is supported in class bodies\" "
           "for tuple unpacking, subscripts and attributes",
    .bad = "class Foo:\n    a, b = (10, 20)\n",
    .good = "class Foo:\n    a = 10\n    b = 20\n",
    .fix = "assign each plain name on its own line",
    .docs = SCOUT_DOCS_NATIVE,
    .on = "class_definition",
    .enter = check_non_name_target};

/* --- nested classes --------------------------------------------------------- */

/* What mypy (not the run time) knows of an if condition: 1 always true, 0
 * always false, -1 unknown. TYPE_CHECKING and MYPY are true for mypy;
 * sys.version_info against (3, N <= 8) is decided for every Python mypyc
 * supports. */
static int condition_value(const scout_walk *w, TSNode cond)
{
	static const char *const version_info[] = {"sys.version_info", NULL};
	TSSymbol t = ts_node_symbol(cond);

	if (t == w->sym->identifier)
		return scout_node_text_is(cond, w->src, "TYPE_CHECKING") ||
		               scout_node_text_is(cond, w->src, "MYPY")
		           ? 1
		           : -1;
	if (t == w->sym->attribute) {
		TSNode attr = scout_node_field(cond, w->sym->f_attribute);

		return scout_node_text_is(attr, w->src, "TYPE_CHECKING") ? 1 : -1;
	}
	if (t == w->sym->not_operator && scout_node_named_child_count(cond)) {
		int v = condition_value(w, scout_node_named_child(cond, 0));

		return v < 0 ? -1 : !v;
	}
	if (t == w->sym->comparison_operator && scout_node_child_count(cond) == 3 &&
	    scout_walk_is(w, scout_node_named_child(cond, 0), version_info)) {
		TSNode tuple = scout_node_named_child(cond, 1);
		TSSymbol op = ts_node_symbol(scout_node_child(cond, 1));
		TSNode major, minor;

		if (ts_node_symbol(tuple) != w->sym->tuple ||
		    scout_node_named_child_count(tuple) < 2)
			return -1;
		major = scout_node_named_child(tuple, 0);
		minor = scout_node_named_child(tuple, 1);
		if (!scout_node_text_is(major, w->src, "3") ||
		    ts_node_symbol(minor) != w->sym->integer ||
		    ts_node_end_byte(minor) - ts_node_start_byte(minor) != 1)
			return -1; /* only (3, 0..9) */
		if (w->src[ts_node_start_byte(minor)] > '8')
			return -1;
		if (op == w->sym->op_ge || op == w->sym->op_gt)
			return 1;
		if (op == w->sym->op_lt || op == w->sym->op_le)
			return 0;
	}
	return -1;
}

/* True when the branch `node` (a block, elif_clause or else_clause whose
 * parent is `parent`) is one mypy skips as unreachable. */
static bool branch_unreachable(const scout_walk *w, TSNode node, TSNode parent)
{
	TSSymbol t = ts_node_symbol(node), pt = ts_node_symbol(parent);

	if (t == w->sym->block && (pt == w->sym->if_statement || pt == w->sym->elif_clause))
		return condition_value(w, scout_node_field(parent, w->sym->f_condition)) == 0;
	if ((t == w->sym->elif_clause || t == w->sym->else_clause) && pt == w->sym->if_statement) {
		uint32_t count = scout_node_named_child_count(parent);

		if (condition_value(w, scout_node_field(parent, w->sym->f_condition)) == 1)
			return true;
		for (uint32_t i = 0; i < count; i++) {
			TSNode c = scout_node_named_child(parent, i);

			if (ts_node_eq(c, node))
				break;
			if (ts_node_symbol(c) == w->sym->elif_clause &&
			    condition_value(w, scout_node_field(c, w->sym->f_condition)) == 1)
				return true;
		}
	}
	return false;
}

static void check_nested_class(scout_walk *w, TSNode node, const scout_rule *self)
{
	uint32_t up = 1;
	TSNode parent = scout_walk_ancestor(w, 1), function = SCOUT_NULL_NODE,
	       name = scout_defs_name(w, node);
	char message[256];

	if (ts_node_is_null(parent))
		return;
	if (ts_node_symbol(parent) == w->sym->decorated_definition)
		parent = scout_walk_ancestor(w, ++up);
	if (ts_node_is_null(parent) || ts_node_symbol(parent) == w->sym->module)
		return;
	if (ts_node_symbol(parent) == w->sym->block &&
	    scout_walk_ancestor_symbol(w, up + 1) == w->sym->class_definition)
		return; /* directly in a class body: class-body-unsupported-stmt */
	for (uint32_t i = up; i + 1 < w->depth; i++) {
		TSNode a = scout_walk_ancestor(w, i);

		if (branch_unreachable(w, a, scout_walk_ancestor(w, i + 1)))
			return;
		if (ts_node_is_null(function) && ts_node_symbol(a) == w->sym->function_definition)
			function = a;
	}
	if (!ts_node_is_null(function))
		snprintf(message, sizeof(message),
		         "class %.*s is defined inside function %.*s: mypyc compiles only "
		         "module-level classes (\"Nested class definitions not supported\"; a "
		         "crash before 1.15)",
		         SCOUT_TEXT_ARG(name, w->src),
		         SCOUT_TEXT_ARG(scout_defs_name(w, function), w->src));
	else
		snprintf(message, sizeof(message),
		         "class %.*s is defined inside a module-level block: mypyc compiles only "
		         "top-level classes (\"Nested class definitions not supported\"; a crash "
		         "before 1.15)",
		         SCOUT_TEXT_ARG(name, w->src));
	scout_walk_report(w, self, node, message, NULL);
}

static const scout_rule rule_nested_class = {
    .id = "nested-class",
    .category = SCOUT_BLOCKER,
    .title = "class defined inside a function or a module-level block",
    .why = "mypyc compiles only top-level classes: it reports \"Nested class definitions "
           "not supported\" since 1.15 and crashed (KeyError: <TypeInfo ...>) before; "
           "classes in branches mypy deems unreachable are skipped",
    .bad = "def outer() -> object:\n    class Inner:\n        pass\n    return Inner\n",
    .good = "class Inner:\n    pass\n\n\ndef outer() -> object:\n    return Inner\n",
    .fix = "move the class to module level",
    .docs = SCOUT_DOCS_DIFF,
    .on = "class_definition",
    .enter = check_nested_class};

SCOUT_FAMILY(scout_family_classes_body, &rule_class_body_unsupported_stmt,
             &rule_class_body_chained_assign, &rule_class_body_non_name_target, &rule_nested_class);
