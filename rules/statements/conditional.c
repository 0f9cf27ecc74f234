/* Conditional code: what mypy decides of an if condition (TYPE_CHECKING,
 * sys.version_info, sys.platform), branches it deems unreachable that run
 * anyway, and functions defined only on some paths or twice at module
 * level (mypy/reachability.py; mypyc/irbuild/builder.py add_function). */
#include "common/defs.h"
#include "common/docs.h"
#include "registry.h"

#include <stdio.h>
#include <string.h>

/* How many statements of one scope the duplicate search keeps pending. */
#define SCAN_STACK 256

/* --- what mypy knows of a condition ------------------------------------------ */

/* How mypy reaches a branch (scout/reach.h decides the conditions for the
 * target Python). */
enum {
	COND_RUNTIME = -1, /* decided when the code runs */
	COND_FALSE = 0,    /* mypy: never taken (skipped as unreachable) */
	COND_TRUE = 1,     /* taken for mypy, not at run time (TYPE_CHECKING) */
	COND_ALWAYS = 2,   /* always taken (a version or platform test that holds) */
};

static scout_truth condition_value(const scout_walk *w, TSNode cond)
{
	return scout_reach_condition(cond, w->src, w->config ? &w->config->target : NULL);
}

/* An elif or else clause of an if statement: never taken when mypy skips
 * its block; always when every earlier condition is always false; else when
 * the earlier conditions say so at run time (from the walk's one
 * evaluation of the if statement). */
static int clause_reach(const scout_walk *w, TSNode clause)
{
	TSNode block = ts_node_symbol(clause) == w->sym->elif_clause
	                   ? scout_node_field(clause, w->sym->f_consequence)
	                   : scout_node_field(clause, w->sym->f_body);
	unsigned reach = ts_node_is_null(block) ? 0 : scout_walk_block_reach(w, block);

	if (reach & SCOUT_REACH_DEAD)
		return COND_FALSE;
	return reach & SCOUT_REACH_AFTER_FALSE ? COND_ALWAYS : COND_RUNTIME;
}

/* How mypy reaches `child`, a direct child of `parent`: COND_FALSE when it
 * skips the branch as unreachable, COND_TRUE for TYPE_CHECKING-only code
 * (reachable for mypy, skipped at run time), COND_ALWAYS for a branch taken
 * whenever the code runs on the target Python, else COND_RUNTIME. */
static int branch_reach(const scout_walk *w, TSNode child, TSNode parent)
{
	TSSymbol t = ts_node_symbol(child), pt = ts_node_symbol(parent);
	scout_truth v;

	if (t == w->sym->block && (pt == w->sym->if_statement || pt == w->sym->elif_clause ||
	                           pt == w->sym->else_clause)) {
		if (scout_walk_block_reach(w, child) & SCOUT_REACH_DEAD)
			return COND_FALSE;
		if (pt == w->sym->else_clause)
			return COND_RUNTIME;
		v = condition_value(w, scout_node_field(parent, w->sym->f_condition));
		return v == SCOUT_TRUTH_MYPY_TRUE     ? COND_TRUE
		       : v == SCOUT_TRUTH_ALWAYS_TRUE ? COND_ALWAYS
		                                      : COND_RUNTIME;
	}
	if ((t == w->sym->elif_clause || t == w->sym->else_clause) && pt == w->sym->if_statement)
		return clause_reach(w, child);
	return COND_RUNTIME;
}

/* --- if TYPE_CHECKING: ... else: ... ----------------------------------------- */

/* The root of the tree (the module node). */
static TSNode module_root(const scout_walk *w)
{
	return w->depth ? w->stack[0] : SCOUT_NULL_NODE;
}

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
 * False` flag: false at run time (mypy takes any name so spelled as true,
 * whatever its value). */
static bool is_type_checking(const scout_walk *w, TSNode cond)
{
	static const char *const names[] = {"typing.TYPE_CHECKING",
	                                    "typing_extensions.TYPE_CHECKING", NULL};

	if (ts_node_is_null(cond))
		return false;
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

/* What `not x` negates (x without its parentheses), or a null node. */
static TSNode negated(const scout_walk *w, TSNode cond)
{
	cond = scout_reach_unwrap(cond);
	if (ts_node_is_null(cond) || ts_node_symbol(cond) != w->sym->not_operator)
		return SCOUT_NULL_NODE;
	return scout_reach_unwrap(scout_node_field(cond, w->sym->f_argument));
}

static const char unreachable_effect[] =
    "runs but mypy deems it unreachable: mypyc compiles it as `raise "
    "RuntimeError(\"Reached allegedly unreachable code!\")`";

static void check_type_checking_else(scout_walk *w, TSNode node, const scout_rule *self)
{
	uint32_t count = scout_node_named_child_count(node);
	TSNode clause = node; /* the if itself, then each elif_clause in turn */
	char message[320];

	for (uint32_t i = 0;;) {
		TSNode cond = scout_node_field(clause, w->sym->f_condition), next = SCOUT_NULL_NODE;

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
		scout_truth v = condition_value(w, cond);

		if (v == SCOUT_TRUTH_MYPY_FALSE && is_type_checking(w, negated(w, cond))) {
			TSNode body = scout_node_field(clause, w->sym->f_consequence);

			snprintf(message, sizeof(message), "the body of `%.*s` %s",
			         SCOUT_TEXT_ARG(cond, w->src), unreachable_effect);
			scout_walk_report(w, self, ts_node_eq(clause, node) ? body : clause,
			                  message, NULL);
			return;
		}
		if (v == SCOUT_TRUTH_MYPY_TRUE && is_type_checking(w, scout_reach_unwrap(cond))) {
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
 * branches on the way (COND_FALSE wins over COND_TRUE, over COND_RUNTIME
 * and COND_ALWAYS) and whether a branch depends on a run-time condition. */
typedef struct scope_path {
	TSNode scope;
	int reach;        /* COND_FALSE, COND_TRUE, COND_ALWAYS or COND_RUNTIME (always) */
	bool conditional; /* a run-time if/while/except/try-else lies in between */
} scope_path;

static int worse(int a, int b)
{
	static const int rank[] = {/* RUNTIME */ 0, /* FALSE */ 2, /* TRUE */ 1, /* ALWAYS */ 0};

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

	return scout_names_count(w->names, text, len);
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
			if (r == COND_FALSE)
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
	    p.reach == COND_FALSE || module_bindings(w, name) < 2)
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
    .docs = SCOUT_DOCS_DIFF,
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
	    !p.conditional || p.reach == COND_FALSE)
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
    .docs = SCOUT_DOCS_DIFF,
    .on = "function_definition",
    .enter = check_conditional_def};

SCOUT_FAMILY(scout_family_statements_conditional, &rule_type_checking_else_branch,
             &rule_duplicate_definition, &rule_conditional_def_always_bound);
