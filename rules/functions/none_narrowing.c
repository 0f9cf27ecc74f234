/* Variables narrowed to None and then read. mypy narrows a variable to None
 * inside `if x is None:` (or an `and` holding it), in the branches after
 * `if x is not None:` (or an `or` holding it), after such an `if` whose body
 * always leaves, after `assert x is None`, and after `x = None` when x is
 * Optional; a read there has the type None, and mypyc reports "Local
 * variable "x" has inferred type None; add an annotation"
 * (mypyc/irbuild/expression.py) when x's Var is inferred: an unannotated
 * local always, a parameter without annotation before mypy 1.16
 * (python/mypy#18538 made every argument's Var explicit), an annotated one
 * before mypy 1.11 (python/mypy#17217). Locals are inferred-none-local's
 * (none_locals.c), parameters this file's rule.
 *
 * A test is skipped when x was bound before it in a way that may leave it
 * not None there (the test then guards dead code mypy does not look at):
 * any binding of a parameter, or any binding of a local but its first, that
 * runs on every path to the test (directly in a block around it, or in the
 * body of a `with` or of an `if x is None:` around such a place) -- unless x
 * is declared Any (a parameter without annotation, any variable of a
 * function without annotations), which assignments do not narrow. */
#include "common/docs.h"
#include "functions/none_facts.h"
#include "registry.h"

#include <stdio.h>

/* Names one condition narrows. */
#define MAX_NARROWED 8
/* How deep narrowed_names follows nested and/or/not and parentheses. */
#define MAX_CONDITION_DEPTH 32

static const char fix_narrowed[] =
    "where the parameter is known to be None write None instead of reading it, or read a copy "
    "declared with an annotation (`y: Optional[int] = x`)";
static const char fix_unannotated[] =
    "annotate the parameter (`x: Optional[int]`), or write None where it is known to be None";

/* Where a read is, for messages (followed by "on line N"). */
static const char in_is_none[] = "in the body of the `is None` test";
static const char after_is_not_none[] = "in a branch after the `is not None` test";
static const char after_leaving[] = "after the `is not None` branch that leaves";
static const char after_assert[] = "after `assert ... is None`";
static const char after_assignment[] = "after the assignment of None";

/* One narrowing pass over a function: where to report, and for which
 * variables. */
typedef struct narrowing {
	scout_walk *w;
	const scout_rule *self;
	scout_none_facts *ff;
	scout_none_which which;
} narrowing;

typedef struct narrowed {
	TSNode names[MAX_NARROWED];
	uint32_t n;
} narrowed;

/* Adds the names that `expr` narrows to None when it is true (when_true)
 * or false: `x is None` when true, `x is not None` when false, through
 * `and` (when true), `or` (when false), `not` and parentheses. */
static void narrowed_names(const scout_walk *w, TSNode expr, bool when_true, narrowed *out,
                           int depth)
{
	const scout_symbols *s = w->sym;
	TSSymbol t;

	if (ts_node_is_null(expr) || depth > MAX_CONDITION_DEPTH)
		return;
	t = ts_node_symbol(expr);
	if (t == s->parenthesized_expression && scout_node_named_child_count(expr) == 1) {
		narrowed_names(w, scout_node_named_child(expr, 0), when_true, out, depth + 1);
	} else if (t == s->not_operator) {
		narrowed_names(w, scout_node_field(expr, s->f_argument), !when_true, out,
		               depth + 1);
	} else if (t == s->boolean_operator) {
		bool is_and = scout_nodes_is(scout_node_field(expr, s->f_operator), s->op_and);

		if (is_and != when_true)
			return;
		narrowed_names(w, scout_node_field(expr, s->f_left), when_true, out, depth + 1);
		narrowed_names(w, scout_node_field(expr, s->f_right), when_true, out, depth + 1);
	} else if (t == s->comparison_operator && scout_node_child_count(expr) == 3) {
		TSNode left = scout_node_child(expr, 0), op = scout_node_child(expr, 1);

		if (scout_nodes_is(left, s->identifier) &&
		    scout_nodes_is(scout_node_child(expr, 2), s->none) &&
		    scout_nodes_is(op, when_true ? s->op_is : s->op_is_not) &&
		    out->n < MAX_NARROWED)
			out->names[out->n++] = left;
	}
}

/* True when cond, true, narrows the name `id` spells to None. */
static bool narrows(const scout_walk *w, TSNode cond, TSNode id)
{
	narrowed in = {.n = 0};

	narrowed_names(w, cond, true, &in, 0);
	for (uint32_t k = 0; k < in.n; k++)
		if (scout_nodes_same_text(w, in.names[k], id))
			return true;
	return false;
}

static bool contains(TSNode outer, TSNode inner)
{
	return ts_node_start_byte(inner) >= ts_node_start_byte(outer) &&
	       ts_node_end_byte(inner) <= ts_node_end_byte(outer);
}

/* True when the binding `id` runs on every path to `check`: it is a
 * statement of a block around check, or of the body of a `with` or of an
 * `if id is None:` that is. */
static bool binds_on_every_path(const scout_walk *w, TSNode def, TSNode id, TSNode check)
{
	const scout_symbols *s = w->sym;
	TSNode n = id;

	for (;;) {
		TSNode block = scout_node_parent(n), owner;

		while (!ts_node_is_null(block) && !scout_nodes_is(block, s->block)) {
			n = block;
			block = scout_node_parent(block);
		}
		if (ts_node_is_null(block) || !contains(def, block))
			return false;
		if (contains(block, check))
			return true;
		owner = scout_node_parent(block);
		if (scout_nodes_is(owner, s->with_statement) ||
		    ((scout_nodes_is(owner, s->if_statement) ||
		      scout_nodes_is(owner, s->elif_clause)) &&
		     ts_node_eq(scout_node_field(owner, s->f_consequence), block) &&
		     narrows(w, scout_node_field(owner, s->f_condition), id)))
			n = scout_nodes_is(owner, s->elif_clause) ? scout_node_parent(owner)
			                                          : owner;
		else
			return false;
	}
}

/* True when a binding of f before `check` (but a local's first) may leave
 * it not None there; true as well when f has more bindings than the facts
 * keep. */
static bool bound_before(const scout_walk *w, TSNode def, const scout_none_name *f, TSNode check)
{
	if (f->nbinds > SCOUT_NONE_MAX_BINDS)
		return true;
	for (uint32_t i = 0; i < f->nbinds; i++) {
		TSNode id = f->binds[i];

		if (ts_node_start_byte(id) >= ts_node_start_byte(check))
			break;
		if ((f->partial || !ts_node_eq(id, f->first)) &&
		    binds_on_every_path(w, def, id, check))
			return true;
	}
	return false;
}

/* True when f is a variable of this pass that mypy may narrow to None at
 * `check`: its type may hold None, a local is bound before, and (for a
 * test, `test`) no binding before leaves it maybe not None. */
static bool narrowable(const narrowing *nw, const scout_none_name *f, TSNode check, bool test)
{
	if (!f || f->reported || !f->admits_none)
		return false;
	if (nw->which == SCOUT_NONE_PARAMS
	        ? !(f->kind == SCOUT_NONE_PARAM &&
	            (!f->annotated || scout_walk_mypyc_version(nw->w) < SCOUT_V(1, 11, 0)))
	        : f->kind != SCOUT_NONE_LOCAL)
		return false;
	if (f->kind == SCOUT_NONE_LOCAL &&
	    (ts_node_is_null(f->first) ||
	     ts_node_start_byte(f->first) >= ts_node_start_byte(check)))
		return false;
	if (!test || f->any || ts_node_is_null(f->first_bind) ||
	    ts_node_start_byte(f->first_bind) >= ts_node_start_byte(check))
		return true;
	return !bound_before(nw->w, nw->ff->def, f, check);
}

/* The first read of a name in a region where it is None, up to a binding. */
typedef struct narrowed_search {
	const scout_none_name *f;
	TSNode found;
} narrowed_search;

static bool find_narrowed_read(const scout_walk *w, TSNode id, scout_none_role r, void *arg)
{
	narrowed_search *ns = arg;

	if (!scout_none_same_name(w, ns->f, id) || r == SCOUT_NONE_NOT_A_USE ||
	    r == SCOUT_NONE_ASSIGN_NONE)
		return false;
	if (r == SCOUT_NONE_READ)
		ns->found = id;
	return true;
}

/* Reports the first read of `name` in nodes [at, end) of the index, where
 * the statement `check` narrowed it to None (`where`: one of the texts
 * above; a test unless after_assignment). */
static void check_region(const narrowing *nw, TSNode name, TSNode check, uint32_t at, uint32_t end,
                         const char *where)
{
	scout_none_name *f = scout_none_find(nw->w, nw->ff, name);
	narrowed_search ns = {f, SCOUT_NULL_NODE};
	char how[120];
	uint32_t line, column;

	if (!narrowable(nw, f, check, where != after_assignment) ||
	    !scout_none_scan_range(nw->w, at, end, find_narrowed_read, &ns) ||
	    ts_node_is_null(ns.found))
		return;
	scout_walk_node_start(nw->w, check, &line, &column);
	snprintf(how, sizeof(how), "%s on line %u, where mypy narrowed it to None", where, line);
	scout_none_report(nw->w, nw->self, f, ns.found, how,
	                  f->kind != SCOUT_NONE_PARAM ? scout_none_fix_annotate
	                  : f->annotated              ? fix_narrowed
	                                              : fix_unannotated);
}

static void check_node_region(const narrowing *nw, TSNode name, TSNode check, TSNode region,
                              const char *where)
{
	uint32_t at, end;

	if (scout_tix_subtree(region, &at, &end))
		check_region(nw, name, check, at, end, where);
}

/* The statements after `stmt` in its block, as a range of the index. */
static bool rest_of_block(TSNode stmt, uint32_t *at, uint32_t *end)
{
	uint32_t s_at, s_end;

	if (!scout_tix_subtree(stmt, &s_at, &s_end) ||
	    !scout_tix_subtree(scout_node_parent(stmt), at, end))
		return false;
	*at = s_end;
	return *at < *end;
}

/* True when the block's last statement returns, raises, continues or
 * breaks. */
static bool always_leaves(const scout_walk *w, TSNode block)
{
	const scout_symbols *s = w->sym;
	uint32_t n = ts_node_is_null(block) ? 0 : scout_node_named_child_count(block);

	while (n > 0 && scout_nodes_is(scout_node_named_child(block, n - 1), s->comment))
		n--;
	if (n == 0)
		return false;
	block = scout_node_named_child(block, n - 1);
	return scout_nodes_is(block, s->return_statement) ||
	       scout_nodes_is(block, s->raise_statement) ||
	       scout_nodes_is(block, s->continue_statement) ||
	       scout_nodes_is(block, s->break_statement);
}

static void check_if(const narrowing *nw, TSNode stmt)
{
	const scout_walk *w = nw->w;
	const scout_symbols *s = w->sym;
	TSNode cond = scout_node_field(stmt, s->f_condition);
	narrowed in = {.n = 0}, after = {.n = 0};
	uint32_t count = scout_node_named_child_count(stmt), alternatives = 0, at, end;

	narrowed_names(w, cond, true, &in, 0);
	for (uint32_t k = 0; k < in.n; k++)
		check_node_region(nw, in.names[k], stmt, scout_node_field(stmt, s->f_consequence),
		                  in_is_none);
	narrowed_names(w, cond, false, &after, 0);
	for (uint32_t i = 0; i < count; i++) {
		TSNode alt = scout_node_named_child(stmt, i);
		bool elif = scout_nodes_is(alt, s->elif_clause);

		if (!elif && !scout_nodes_is(alt, s->else_clause))
			continue;
		alternatives++;
		for (uint32_t k = 0; k < after.n; k++)
			check_node_region(nw, after.names[k], stmt, alt, after_is_not_none);
		if (!elif)
			continue;
		cond = scout_node_field(alt, s->f_condition);
		in.n = 0;
		narrowed_names(w, cond, true, &in, 0);
		for (uint32_t k = 0; k < in.n; k++)
			check_node_region(nw, in.names[k], alt,
			                  scout_node_field(alt, s->f_consequence), in_is_none);
		narrowed_names(w, cond, false, &after, 0);
	}
	if (alternatives || !always_leaves(w, scout_node_field(stmt, s->f_consequence)) ||
	    !rest_of_block(stmt, &at, &end))
		return;
	after.n = 0;
	narrowed_names(w, scout_node_field(stmt, s->f_condition), false, &after, 0);
	for (uint32_t k = 0; k < after.n; k++)
		check_region(nw, after.names[k], stmt, at, end, after_leaving);
}

static void check_assert(const narrowing *nw, TSNode stmt)
{
	narrowed in = {.n = 0};
	uint32_t at, end;

	if (!scout_node_named_child_count(stmt) || !rest_of_block(stmt, &at, &end))
		return;
	narrowed_names(nw->w, scout_node_named_child(stmt, 0), true, &in, 0);
	for (uint32_t k = 0; k < in.n; k++)
		check_region(nw, in.names[k], stmt, at, end, after_assert);
}

/* `x = None` where x already has an Optional type: a parameter annotated
 * Optional, or a local first assigned None and bound otherwise since. */
static void check_none_assignment(const narrowing *nw, TSNode stmt)
{
	const scout_walk *w = nw->w;
	const scout_symbols *s = w->sym;
	TSNode a =
	    scout_node_named_child_count(stmt) ? scout_node_named_child(stmt, 0) : SCOUT_NULL_NODE;
	TSNode left = scout_nodes_field(a, s->f_left);
	scout_none_name *f;
	uint32_t at, end;

	if (!scout_nodes_is(a, s->assignment) || !scout_nodes_is(left, s->identifier) ||
	    scout_none_role_of(w, left, a) != SCOUT_NONE_ASSIGN_NONE ||
	    !(f = scout_none_find(w, nw->ff, left)) || f->reported)
		return;
	if (f->kind == SCOUT_NONE_PARAM
	        ? !(f->optional && nw->which == SCOUT_NONE_PARAMS &&
	            scout_walk_mypyc_version(w) < SCOUT_V(1, 11, 0))
	        : !(f->kind == SCOUT_NONE_LOCAL && f->partial && !ts_node_is_null(f->first_bind) &&
	            ts_node_start_byte(f->first_bind) < ts_node_start_byte(left) &&
	            nw->which == SCOUT_NONE_LOCALS))
		return;
	if (rest_of_block(stmt, &at, &end))
		check_region(nw, left, stmt, at, end, after_assignment);
}

void scout_none_check_narrowing(scout_walk *w, const scout_rule *self, scout_none_facts *ff,
                                scout_none_which which)
{
	const scout_symbols *s = w->sym;
	const scout_tix *tix = w->tix;
	narrowing nw = {w, self, ff, which};
	uint32_t at, end;
	bool any = false;

	for (size_t k = 0; k < ff->n && !any; k++)
		any = ff->names[k].admits_none && !ff->names[k].reported &&
		      ff->names[k].kind ==
		          (which == SCOUT_NONE_PARAMS ? SCOUT_NONE_PARAM : SCOUT_NONE_LOCAL);
	if (!any || !scout_tix_subtree(ff->body, &at, &end))
		return;
	for (at++; at < end;) {
		const scout_tix_node *e = &tix->nodes[at];
		TSSymbol t = e->symbol;

		if (!e->is_named || scout_none_skips(w, t)) {
			at = e->end;
			continue;
		}
		if (t == s->if_statement)
			check_if(&nw, e->node);
		else if (t == s->assert_statement)
			check_assert(&nw, e->node);
		else if (t == s->expression_statement)
			check_none_assignment(&nw, e->node);
		at++;
	}
}

static void check_narrowed_none_parameter(scout_walk *w, TSNode node, const scout_rule *self)
{
	scout_none_facts *ff = scout_none_collect(w, node);

	if (ff)
		scout_none_check_narrowing(w, self, ff, SCOUT_NONE_PARAMS);
}

static const scout_rule rule_narrowed_none_parameter = {
    .id = "narrowed-none-parameter",
    .category = SCOUT_BLOCKER,
    .title = "parameter read where mypy narrowed it to None (before mypy 1.16)",
    .why = "before mypy 1.16 the variable of a parameter without annotation counted as "
           "inferred (python/mypy#18538), and before mypy 1.11 that of an annotated one too "
           "(python/mypy#17217): a read of it where mypy narrowed it to None (`if x is None: "
           "return x`) makes mypyc report \"Local variable \"{name}\" has inferred type None; "
           "add an annotation\". In a function without annotations, too: x is Any there, and "
           "`x is None` narrows Any to None",
    .bad = "def f(x: Optional[int]) -> Optional[int]:\n    if x is None:\n        return x\n"
           "    return x + 1\n",
    .good = "def f(x: Optional[int]) -> Optional[int]:\n    if x is None:\n        return None\n"
            "    return x + 1\n",
    .fix = "write None where the parameter is known to be None (`return None`)",
    .docs = SCOUT_DOCS_TYPES,
    .until = SCOUT_V(1, 16, 0),
    .on = "function_definition",
    .enter = check_narrowed_none_parameter};

SCOUT_FAMILY(scout_family_functions_none_narrowing, &rule_narrowed_none_parameter);
