/* Rule family: classes -- what mypyc accepts in a class body and in a
 * class's bases (mypyc/irbuild/classdef.py transform_class_def,
 * prepare.py prepare_class_def). Attribute access through classes is in
 * class_attrs.c. */
#include "linked_rules.h"
#include "common/defs.h"
#include "registry.h"

#include <stdio.h>
#include <string.h>

#define DOCS "https://mypyc.readthedocs.io/en/latest/native_classes.html"

/* How far same-module base chains are followed (survives cycles). */
#define MAX_CHAIN 32
/* Bases of one class that are looked at. */
#define MAX_BASES 16

static const char *const overload_names[] = {"typing.overload", "typing_extensions.overload", NULL};
static const char *const property_names[] = {"builtins.property", NULL};

static uint32_t bases_of(const scout_walk *w, TSNode class_def, TSNode *out)
{
	return scout_class_bases(w, class_def, out, MAX_BASES);
}

/* True when `ancestor` is reachable from `cls` through same-module bases. */
/* A test of one base expression `base` (of a class in the chain) that names
 * the same-module class `cls` (or null); `arg` as find_base was given. */
typedef bool (*base_test)(const scout_walk *w, TSNode base, TSNode cls, TSNode arg);

/* The first base expression that `test` accepts, from cls up through its
 * same-module bases (each class's bases in order, depth first), or null. */
static TSNode find_base(const scout_walk *w, TSNode cls, base_test test, TSNode arg)
{
	TSNode todo[MAX_CHAIN];
	size_t ntodo = 0, visited = 0;

	todo[ntodo++] = cls;
	while (ntodo && visited++ < MAX_CHAIN) {
		TSNode c = todo[--ntodo], bases[MAX_BASES];
		uint32_t n = bases_of(w, c, bases);

		for (uint32_t i = 0; i < n; i++) {
			TSNode b = scout_module_class_of(w, bases[i]);

			if (test(w, bases[i], b, arg))
				return bases[i];
			if (!ts_node_is_null(b) && ntodo < MAX_CHAIN)
				todo[ntodo++] = b;
		}
	}
	return SCOUT_NULL_NODE;
}

static bool names_class(const scout_walk *w, TSNode base, TSNode cls, TSNode ancestor)
{
	(void)w;
	(void)base;
	return !ts_node_is_null(cls) && ts_node_eq(cls, ancestor);
}

/* True when `ancestor` is reachable from `cls` through same-module bases. */
static bool inherits_from(const scout_walk *w, TSNode cls, TSNode ancestor)
{
	return !ts_node_is_null(find_base(w, cls, names_class, ancestor));
}

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
    .docs = DOCS,
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
    .docs = DOCS,
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
    .docs = DOCS,
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
    .docs = "https://mypyc.readthedocs.io/en/latest/differences_from_python.html",
    .on = "class_definition",
    .enter = check_nested_class};

/* --- bases -------------------------------------------------------------------- */

static void check_multiple_inheritance(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode bases[MAX_BASES], classes[MAX_BASES], name = scout_defs_name(w, node);
	uint32_t n, nclasses = 0;
	char message[256];

	if (scout_class_kind_of(w, node) != SCOUT_CLASS_NATIVE || scout_class_is_trait(w, node))
		return;
	n = bases_of(w, node, bases);
	for (uint32_t i = 0; i < n; i++) {
		TSNode b = scout_module_class_of(w, bases[i]);

		if (ts_node_is_null(b) || scout_class_is_trait(w, b) ||
		    scout_class_kind_of(w, b) != SCOUT_CLASS_NATIVE)
			continue;
		for (uint32_t j = 0; j < nclasses; j++) {
			if (inherits_from(w, classes[j], b) || inherits_from(w, b, classes[j]))
				continue;
			snprintf(message, sizeof(message),
			         "class %.*s inherits from native classes %.*s and %.*s: mypyc "
			         "supports multiple inheritance only from traits",
			         SCOUT_TEXT_ARG(name, w->src),
			         SCOUT_TEXT_ARG(scout_defs_name(w, classes[j]), w->src),
			         SCOUT_TEXT_ARG(scout_defs_name(w, b), w->src));
			scout_walk_report(w, self, bases[i], message, NULL);
			return;
		}
		classes[nclasses++] = b;
	}
}

const scout_rule scout_rule_multiple_inheritance = {
    .id = "multiple-inheritance",
    .category = SCOUT_BLOCKER,
    .title = "native class with two native non-trait bases",
    .why = "mypyc reports \"Multiple inheritance is not supported (except for traits)\"; "
           "only bases that are native classes of the same module are seen (bases from "
           "other compiled modules are not checked yet)",
    .bad = "class A:\n    pass\n\n\nclass B:\n    pass\n\n\nclass C(A, B):\n    pass\n",
    .good = "from mypy_extensions import trait\n\n\nclass A:\n    pass\n\n\n@trait\nclass "
            "B:\n    pass\n\n\nclass C(A, B):\n    pass\n",
    .fix = "make all but one base a @trait, or use composition",
    .docs = DOCS,
    .on = "class_definition",
    .enter = check_multiple_inheritance};

static void check_trait_base_order(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode bases[MAX_BASES], first, name = scout_defs_name(w, node);
	uint32_t n;
	char message[256];

	if (scout_class_kind_of(w, node) != SCOUT_CLASS_NATIVE)
		return;
	n = bases_of(w, node, bases);
	if (n < 2)
		return;
	first = scout_module_class_of(w, bases[0]);
	if (ts_node_is_null(first) || !scout_class_is_trait(w, first))
		return;
	for (uint32_t i = 1; i < n; i++) {
		TSNode b = scout_module_class_of(w, bases[i]);

		if (ts_node_is_null(b) || scout_class_is_trait(w, b))
			continue;
		snprintf(message, sizeof(message),
		         "class %.*s lists trait %.*s before class %.*s: mypyc reports \"Non-trait "
		         "base must appear first in parent list\"",
		         SCOUT_TEXT_ARG(name, w->src),
		         SCOUT_TEXT_ARG(scout_defs_name(w, first), w->src),
		         SCOUT_TEXT_ARG(scout_defs_name(w, b), w->src));
		scout_walk_report(w, self, bases[i], message, NULL);
		return;
	}
}

const scout_rule scout_rule_trait_base_order = {
    .id = "trait-base-order",
    .category = SCOUT_BLOCKER,
    .title = "trait listed before a non-trait base",
    .why = "mypyc reports \"Non-trait base must appear first in parent list\" (1.0.1: "
           "\"Non-trait bases must appear first in parent list\"); same-module bases only",
    .bad = "from mypy_extensions import trait\n\n\nclass Concrete:\n    pass\n\n\n@trait\nclass "
           "T:\n    pass\n\n\nclass Bad(T, Concrete):\n    pass\n",
    .good = "from mypy_extensions import trait\n\n\nclass Concrete:\n    pass\n\n\n@trait\nclass "
            "T:\n    pass\n\n\nclass Good(Concrete, T):\n    pass\n",
    .fix = "list the non-trait base class first, then the traits",
    .docs = "https://mypyc.readthedocs.io/en/latest/using_type_annotations.html#trait-types",
    .on = "class_definition",
    .enter = check_trait_base_order};

static bool allows_interpreted_subclasses(const scout_walk *w, TSNode class_def)
{
	TSNode v = scout_mypyc_attr_value(w, class_def, "allow_interpreted_subclasses");

	return !ts_node_is_null(v) && scout_node_text_is(v, w->src, "True");
}

/* The first native class from `cls` up through same-module bases
 * (inclusive) that does not allow interpreted subclasses, or null. */
static TSNode blocks_interpreted(const scout_walk *w, TSNode cls)
{
	TSNode todo[MAX_CHAIN];
	size_t ntodo = 0, visited = 0;

	todo[ntodo++] = cls;
	while (ntodo && visited++ < MAX_CHAIN) {
		TSNode c = todo[--ntodo], bases[MAX_BASES];
		uint32_t n;

		if (scout_class_kind_of(w, c) == SCOUT_CLASS_NATIVE &&
		    !allows_interpreted_subclasses(w, c))
			return c;
		n = bases_of(w, c, bases);
		for (uint32_t i = n; i-- > 0;) {
			TSNode b = scout_module_class_of(w, bases[i]);

			if (!ts_node_is_null(b) && ntodo < MAX_CHAIN)
				todo[ntodo++] = b;
		}
	}
	return SCOUT_NULL_NODE;
}

static void check_interpreted_subclass_base(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode bases[MAX_BASES], name = scout_defs_name(w, node);
	uint32_t n;
	char message[256];

	if (!allows_interpreted_subclasses(w, node) ||
	    scout_class_kind_of(w, node) != SCOUT_CLASS_NATIVE)
		return;
	n = bases_of(w, node, bases);
	for (uint32_t i = 0; i < n; i++) {
		TSNode b = scout_module_class_of(w, bases[i]), blocker;

		if (ts_node_is_null(b) || ts_node_is_null(blocker = blocks_interpreted(w, b)))
			continue;
		snprintf(message, sizeof(message),
		         "class %.*s allows interpreted subclasses but its base %.*s does not: "
		         "mypyc reports \"Base class ... does not allow interpreted subclasses\"",
		         SCOUT_TEXT_ARG(name, w->src),
		         SCOUT_TEXT_ARG(scout_defs_name(w, blocker), w->src));
		scout_walk_report(w, self, bases[i], message, NULL);
	}
}

const scout_rule scout_rule_interpreted_subclass_base = {
    .id = "interpreted-subclass-base",
    .category = SCOUT_BLOCKER,
    .title = "allow_interpreted_subclasses on a class whose base does not allow them",
    .why = "mypyc reports \"Base class \\\"{name}\\\" does not allow interpreted "
           "subclasses\"; same-module bases only",
    .bad = "from mypy_extensions import mypyc_attr\n\n\nclass Base:\n    pass\n\n\n"
           "@mypyc_attr(allow_interpreted_subclasses=True)\nclass Derived(Base):\n    pass\n",
    .good = "from mypy_extensions import mypyc_attr\n\n\n"
            "@mypyc_attr(allow_interpreted_subclasses=True)\nclass Base:\n    pass\n\n\n"
            "@mypyc_attr(allow_interpreted_subclasses=True)\nclass Derived(Base):\n    pass\n",
    .fix = "add @mypyc_attr(allow_interpreted_subclasses=True) to the base class too",
    .docs = DOCS,
    .on = "class_definition",
    .enter = check_interpreted_subclass_base};

static bool is_bad_builtin(const scout_walk *w, TSNode base, TSNode cls, TSNode unused)
{
	(void)cls;
	(void)unused;
	return scout_base_is_bad_builtin(w, base);
}

/* The first base (through same-module classes, from `cls` up) that is a
 * builtin class mypyc cannot subclass natively, or null. */
static TSNode bad_builtin_in_chain(const scout_walk *w, TSNode cls)
{
	return find_base(w, cls, is_bad_builtin, SCOUT_NULL_NODE);
}

static void check_builtin_base(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode bases[MAX_BASES], name = scout_defs_name(w, node);
	uint32_t n;
	char message[256];

	if (scout_class_kind_of(w, node) != SCOUT_CLASS_NATIVE)
		return;
	n = bases_of(w, node, bases);
	for (uint32_t i = 0; i < n; i++) {
		TSNode b = scout_module_class_of(w, bases[i]), bad;

		if (scout_base_is_bad_builtin(w, bases[i])) {
			snprintf(message, sizeof(message),
			         "native class %.*s inherits from builtin %.*s: mypyc reports "
			         "\"Inheriting from most builtin types is unimplemented\"",
			         SCOUT_TEXT_ARG(name, w->src),
			         SCOUT_TEXT_ARG(scout_base_name(w, bases[i]), w->src));
		} else if (!ts_node_is_null(b) &&
		           !ts_node_is_null(bad = bad_builtin_in_chain(w, b))) {
			snprintf(message, sizeof(message),
			         "native class %.*s inherits from builtin %.*s through %.*s: mypyc "
			         "reports \"Inheriting from most builtin types is unimplemented\"",
			         SCOUT_TEXT_ARG(name, w->src),
			         SCOUT_TEXT_ARG(scout_base_name(w, bad), w->src),
			         SCOUT_TEXT_ARG(scout_defs_name(w, b), w->src));
		} else {
			continue;
		}
		scout_walk_report(w, self, bases[i], message, NULL);
		return;
	}
}

const scout_rule scout_rule_builtin_base = {
    .id = "builtin-base",
    .category = SCOUT_BLOCKER,
    .title = "native class inheriting from a builtin type",
    .why = "mypyc reports \"Inheriting from most builtin types is unimplemented\"; only "
           "object, BaseException, Exception, LookupError, IndexError, ValueError, Warning, "
           "UserWarning and dict may be in a native class's MRO, so KeyError fails although "
           "LookupError is allowed",
    .bad = "class MyError(KeyError):\n    pass\n",
    .good = "class MyError(LookupError):\n    pass\n",
    .fix = "derive from an allowed base or use composition; since mypyc 1.16 "
           "@mypyc_attr(native_class=False) keeps the class a regular Python class",
    .docs = DOCS,
    .on = "class_definition",
    .enter = check_builtin_base};

/* --- attributes and methods in a class body --------------------------------- */

static void check_reserved_method_name(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode cls;
	char message[256];

	if (!scout_node_text_is(scout_defs_name(w, node), w->src, "__mypyc_generator_helper__"))
		return;
	cls = scout_defs_owner_class(w);
	if (ts_node_is_null(cls))
		return;
	snprintf(message, sizeof(message),
	         "method __mypyc_generator_helper__ of class %.*s uses a name mypyc reserves for "
	         "itself",
	         SCOUT_TEXT_ARG(scout_defs_name(w, cls), w->src));
	scout_walk_report(w, self, scout_defs_name(w, node), message, NULL);
}

static const scout_rule rule_reserved_method_name = {
    .id = "reserved-method-name",
    .category = SCOUT_BLOCKER,
    .title = "method named __mypyc_generator_helper__",
    .why = "mypyc reports \"Method name \\\"__mypyc_generator_helper__\\\" is reserved for "
           "mypyc internal use\" (since 1.18.1)",
    .bad = "class C:\n    def __mypyc_generator_helper__(self) -> None:\n        pass\n",
    .good = "class C:\n    def generator_helper(self) -> None:\n        pass\n",
    .fix = "rename the method",
    .docs = DOCS,
    .since = SCOUT_V(1, 18, 1),
    .on = "function_definition",
    .enter = check_reserved_method_name};

/* For `@<x>.setter` / `@<x>.deleter`: the decorator, its kind ("setter"
 * or "deleter") in *kind and the property name in *prop; or null. */
static TSNode accessor_decorator(const scout_walk *w, TSNode decorated, const char **kind,
                                 TSNode *prop)
{
	uint32_t count = scout_node_named_child_count(decorated);

	for (uint32_t i = 0; i < count; i++) {
		TSNode d = scout_node_named_child(decorated, i), e, attr;

		if (ts_node_symbol(d) != w->sym->decorator || !scout_node_named_child_count(d))
			continue;
		e = scout_node_named_child(d, 0);
		if (ts_node_symbol(e) != w->sym->attribute)
			continue;
		attr = scout_node_field(e, w->sym->f_attribute);
		*prop = scout_node_field(e, w->sym->f_object);
		if (ts_node_is_null(*prop) || ts_node_symbol(*prop) != w->sym->identifier)
			continue;
		if (scout_node_text_is(attr, w->src, "setter"))
			*kind = "setter";
		else if (scout_node_text_is(attr, w->src, "deleter"))
			*kind = "deleter";
		else
			continue;
		return d;
	}
	return SCOUT_NULL_NODE;
}

/* True when an earlier statement of `body` (before index `end`) is an
 * @property getter named like `prop`. */
static bool has_property(const scout_walk *w, TSNode body, uint32_t end, TSNode prop)
{
	for (uint32_t i = 0; i < end; i++) {
		TSNode stmt = scout_node_named_child(body, i), def = scout_defs_undecorate(w, stmt);

		if (ts_node_symbol(stmt) == w->sym->decorated_definition &&
		    ts_node_symbol(def) == w->sym->function_definition &&
		    scout_nodes_same_text(w, scout_defs_name(w, def), prop) &&
		    scout_class_has_decorator(w, def, property_names))
			return true;
	}
	return false;
}

static void check_property_shape(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode body = scout_node_field(node, w->sym->f_body);
	uint32_t count = ts_node_is_null(body) ? 0 : scout_node_named_child_count(body);
	char message[256];

	for (uint32_t i = 0; i < count; i++) {
		TSNode stmt = scout_node_named_child(body, i), prop, d;
		const char *kind = NULL;
		uint32_t ndecorators = 0, nsetters = 0;

		if (ts_node_symbol(stmt) != w->sym->decorated_definition)
			continue;
		d = accessor_decorator(w, stmt, &kind, &prop);
		if (ts_node_is_null(d) || !has_property(w, body, i, prop))
			continue;
		for (uint32_t j = 0; j < scout_node_named_child_count(stmt); j++)
			ndecorators +=
			    ts_node_symbol(scout_node_named_child(stmt, j)) == w->sym->decorator;
		for (uint32_t j = 0; j < i; j++) { /* earlier setters of the same property */
			TSNode other = scout_node_named_child(body, j), p2;
			const char *k2 = NULL;

			if (ts_node_symbol(other) == w->sym->decorated_definition &&
			    !ts_node_is_null(accessor_decorator(w, other, &k2, &p2)) &&
			    scout_nodes_same_text(w, p2, prop))
				nsetters++;
		}
		if (strcmp(kind, "deleter") == 0)
			snprintf(
			    message, sizeof(message),
			    "property %.*s has a deleter: mypyc supports only a getter and one "
			    "setter (\"Unsupported property decorator semantics\")",
			    SCOUT_TEXT_ARG(prop, w->src));
		else if (ndecorators > 1)
			snprintf(message, sizeof(message),
			         "the setter of property %.*s has other decorators: mypyc reports "
			         "\"Unsupported property decorator semantics\"",
			         SCOUT_TEXT_ARG(prop, w->src));
		else if (nsetters > 0)
			snprintf(message, sizeof(message),
			         "property %.*s has more than one setter: mypyc reports "
			         "\"Unsupported property decorator semantics\"",
			         SCOUT_TEXT_ARG(prop, w->src));
		else
			continue;
		scout_walk_report(w, self, d, message, NULL);
	}
}

static const scout_rule rule_property_unsupported_shape = {
    .id = "property-unsupported-shape",
    .category = SCOUT_BLOCKER,
    .title = "property with a deleter, several setters, or a decorated setter",
    .why = "mypyc supports a property getter and at most one plain @x.setter; it reports "
           "\"Unsupported property decorator semantics\" (1.0.1 crashed with KeyError)",
    .bad = "class C:\n    @property\n    def x(self) -> int:\n        return 0\n\n    "
           "@x.deleter\n    def x(self) -> None:\n        pass\n",
    .good = "class C:\n    @property\n    def x(self) -> int:\n        return 0\n\n    "
            "def clear_x(self) -> None:\n        pass\n",
    .fix = "replace the deleter (or extra setter decorators) with a plain method",
    .docs = DOCS,
    .on = "class_definition",
    .enter = check_property_shape};

static void check_overload_without_impl(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode body = scout_node_field(node, w->sym->f_body);
	uint32_t count = ts_node_is_null(body) ? 0 : scout_node_named_child_count(body);
	char message[256];

	for (uint32_t i = 0; i < count; i++) {
		TSNode stmt = scout_node_named_child(body, i), def = scout_defs_undecorate(w, stmt),
		       name;
		bool seen_before = false, has_impl = false;

		if (ts_node_symbol(stmt) != w->sym->decorated_definition ||
		    ts_node_symbol(def) != w->sym->function_definition ||
		    !scout_class_has_decorator(w, def, overload_names))
			continue;
		name = scout_defs_name(w, def);
		for (uint32_t j = 0; j < count && !seen_before && !has_impl; j++) {
			TSNode other = scout_defs_undecorate(w, scout_node_named_child(body, j));

			if (j == i || ts_node_symbol(other) != w->sym->function_definition ||
			    !scout_nodes_same_text(w, scout_defs_name(w, other), name))
				continue;
			if (!scout_class_has_decorator(w, other, overload_names))
				has_impl = j > i;
			else if (j < i)
				seen_before = true;
		}
		if (seen_before || has_impl)
			continue;
		snprintf(
		    message, sizeof(message),
		    "overloaded method %.*s of class %.*s has no implementation: mypyc reports "
		    "\"Overloads without implementation are not supported\"",
		    SCOUT_TEXT_ARG(name, w->src), SCOUT_TEXT_ARG(scout_defs_name(w, node), w->src));
		scout_walk_report(w, self, stmt, message, NULL);
	}
}

static const scout_rule rule_overload_without_impl = {
    .id = "overload-without-impl",
    .category = SCOUT_BLOCKER,
    .title = "@overload methods without an implementation",
    .why = "mypyc reports \"Overloads without implementation are not supported\" since "
           "1.16 and crashed (AssertionError) before, also in Protocols and abstract classes",
    .bad = "from typing import Protocol, overload\n\n\nclass P(Protocol):\n    @overload\n    "
           "def f(self, x: int) -> int: ...\n    @overload\n    def f(self, x: str) -> str: "
           "...\n",
    .good = "from typing import Protocol, Union, overload\n\n\nclass P(Protocol):\n    "
            "@overload\n    def f(self, x: int) -> int: ...\n    @overload\n    def f(self, "
            "x: str) -> str: ...\n    def f(self, x: Union[int, str]) -> Union[int, str]: "
            "...\n",
    .fix = "add the implementation after the @overload variants",
    .docs = DOCS,
    .on = "class_definition",
    .enter = check_overload_without_impl};

SCOUT_FAMILY(scout_family_classes, &rule_class_body_unsupported_stmt,
             &rule_class_body_chained_assign, &rule_class_body_non_name_target, &rule_nested_class,
             &scout_rule_multiple_inheritance, &scout_rule_trait_base_order,
             &scout_rule_interpreted_subclass_base, &rule_reserved_method_name,
             &rule_property_unsupported_shape, &rule_overload_without_impl,
             &scout_rule_builtin_base);
