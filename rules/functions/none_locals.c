/* Locals first assigned None (a partial type: mypy/checker.py), read
 * before any other assignment gives them a type, in the order mypy checks
 * the body; mypyc reports "Local variable "x" has inferred type None; add
 * an annotation" (mypyc/irbuild/expression.py). A read inside a loop that
 * assigns the local after it has the loop rule: mypy before 1.15 does not
 * check the body again once the partial type is resolved (python/mypy#5423,
 * fixed by #18180). inferred-none-local also reports the reads of variables
 * narrowed to None (none_narrowing.c). What both know of a function:
 * none_facts.h. */
#include "common/docs.h"
#include "functions/none_facts.h"
#include "registry.h"

#include <stdio.h>

static bool scan_node(const scout_walk *w, TSNode n, scout_none_visit visit, void *arg)
{
	uint32_t at, end;

	return scout_tix_subtree(n, &at, &end) && scout_none_scan_range(w, at, end, visit, arg);
}

/* True when a loop of def holds both the read and `bind` so that mypy checks
 * the read again after bind on a second pass: the read in the loop's body
 * (or a while loop's condition), bind anywhere in the loop but its else. */
static bool loop_holds_both(const scout_walk *w, TSNode def, TSNode read, TSNode bind)
{
	const scout_symbols *s = w->sym;
	TSNode child = read;

	for (TSNode n = scout_node_parent(read); !ts_node_is_null(n) && !ts_node_eq(n, def);
	     child = n, n = scout_node_parent(n)) {
		TSNode other;

		if (!scout_nodes_is(n, s->for_statement) && !scout_nodes_is(n, s->while_statement))
			continue;
		if (!ts_node_eq(child, scout_node_field(n, s->f_body)) &&
		    !(scout_nodes_is(n, s->while_statement) &&
		      ts_node_eq(child, scout_node_field(n, s->f_condition))))
			continue;
		other = scout_node_field(n, s->f_alternative);
		if (ts_node_start_byte(bind) >= ts_node_start_byte(n) &&
		    ts_node_end_byte(bind) <= ts_node_end_byte(n) &&
		    (ts_node_is_null(other) ||
		     ts_node_start_byte(bind) < ts_node_start_byte(other)))
			return true;
	}
	return false;
}

/* The search of a partial local's reads before its first other binding:
 * the first outside any loop that holds that binding. */
typedef struct partial_search {
	const scout_none_name *f;
	TSNode def;
	TSNode found;
} partial_search;

static bool find_plain_read(const scout_walk *w, TSNode id, scout_none_role r, void *arg)
{
	partial_search *ps = arg;

	if (ts_node_start_byte(id) >= ts_node_start_byte(ps->f->first_bind))
		return true;
	if (r != SCOUT_NONE_READ || !scout_none_same_name(w, ps->f, id) ||
	    ts_node_start_byte(id) <= ts_node_start_byte(ps->f->first))
		return false;
	if (loop_holds_both(w, ps->def, id, ps->f->first_bind))
		return false;
	ps->found = id;
	return true;
}

/* The main rule's findings about a partial local: never bound otherwise
 * (reported at the `x = None`, as before), or read before being bound
 * otherwise outside a loop that binds it. */
static void report_partial(scout_walk *w, const scout_rule *self, TSNode def, scout_none_name *f,
                           TSNode body)
{
	char message[400];
	partial_search ps = {f, def, SCOUT_NULL_NODE};
	char how[120];
	uint32_t line, column;

	if (ts_node_is_null(f->first_bind)) {
		snprintf(message, sizeof(message),
		         "local %.*s is only ever assigned None and then read: mypyc reports "
		         "\"Local variable \"%.*s\" has inferred type None; add an annotation\"",
		         SCOUT_TEXT_ARG(f->first, w->src), SCOUT_TEXT_ARG(f->first, w->src));
		f->reported = true;
		scout_walk_report(w, self, f->first, message, NULL);
		return;
	}
	scan_node(w, body, find_plain_read, &ps);
	if (ts_node_is_null(ps.found))
		return;
	scout_walk_node_start(w, f->first_bind, &line, &column);
	snprintf(how, sizeof(how),
	         "before its assignment on line %u, while mypy still types it None", line);
	scout_none_report(w, self, f, ps.found, how, scout_none_fix_annotate);
}

typedef void partial_fn(scout_walk *w, const scout_rule *self, TSNode def, scout_none_name *f,
                        TSNode body);

/* Calls `fn` on each partial local of `def` read early and not yet reported;
 * returns the function's None facts (NULL: none collected). */
static scout_none_facts *each_partial_local(scout_walk *w, TSNode def, const scout_rule *self,
                                            partial_fn *fn)
{
	scout_none_facts *ff = scout_none_collect(w, def);
	TSNode body = scout_node_field(def, w->sym->f_body);

	for (size_t k = 0; ff && k < ff->n; k++) {
		scout_none_name *f = &ff->names[k];

		if (f->kind == SCOUT_NONE_LOCAL && f->partial && !f->reported &&
		    !ts_node_is_null(f->early_read))
			fn(w, self, def, f, body);
	}
	return ff;
}

static void check_inferred_none_local(scout_walk *w, TSNode node, const scout_rule *self)
{
	scout_none_facts *ff = each_partial_local(w, node, self, report_partial);

	if (ff)
		scout_none_check_narrowing(w, self, ff, SCOUT_NONE_LOCALS);
}

static const scout_rule rule_inferred_none_local = {
    .id = "inferred-none-local",
    .category = SCOUT_BLOCKER,
    .title = "local variable read where mypy types it None",
    .why = "mypyc reports \"Local variable \"{name}\" has inferred type None; add an "
           "annotation\" when it reads an unannotated local whose type mypy recorded as None "
           "there: a local first assigned None and read before any other assignment, or a "
           "local narrowed to None (`if x is None: return x`, the branches after `if x is not "
           "None: return ...`, `assert x is None`, `x = None`), also in a function without "
           "annotations, whose locals are Any and narrow to None all the same",
    .bad = "def f(d: dict[str, int]) -> Optional[int]:\n    x = d.get(\"a\")\n    if x is None:\n"
           "        return x\n    return x + 1\n",
    .good = "def f(d: dict[str, int]) -> Optional[int]:\n    x = d.get(\"a\")\n    if x is None:\n"
            "        return None\n    return x + 1\n",
    .fix = "annotate the variable (`x: Optional[int] = None`), or write None where it is "
           "known to be None",
    .docs = SCOUT_DOCS_TYPES,
    .on = "function_definition",
    .enter = check_inferred_none_local};

/* The loop rule: a partial local whose only reads before its first other
 * binding are in a loop that holds that binding. */
static void report_in_loop(scout_walk *w, const scout_rule *self, TSNode def, scout_none_name *f,
                           TSNode body)
{
	partial_search ps = {f, def, SCOUT_NULL_NODE};
	char how[120];
	uint32_t line, column;

	if (ts_node_is_null(f->first_bind))
		return;
	scan_node(w, body, find_plain_read, &ps);
	if (!ts_node_is_null(ps.found))
		return; /* the main rule's */
	scout_walk_node_start(w, f->first_bind, &line, &column);
	snprintf(how, sizeof(how),
	         "in a loop before the loop assigns it on line %u, while mypy still types it None",
	         line);
	scout_none_report(w, self, f, f->early_read, how, scout_none_fix_annotate);
}

static void check_inferred_none_in_loop(scout_walk *w, TSNode node, const scout_rule *self)
{
	each_partial_local(w, node, self, report_in_loop);
}

static const scout_rule rule_inferred_none_in_loop = {
    .id = "inferred-none-in-loop",
    .category = SCOUT_BLOCKER,
    .title = "local first assigned None, read in a loop before the loop assigns it",
    .why = "mypy before 1.15 checks a loop body once when a variable's type is still the "
           "partial None of `x = None` (python/mypy#5423, fixed by #18180): a read before the "
           "loop's own assignment keeps the type None and mypyc reports \"Local variable "
           "\"{name}\" has inferred type None; add an annotation\"",
    .bad = "def first(xs: list[int]) -> int:\n    found = None\n    for x in xs:\n"
           "        if found is None:\n            found = x\n    return found or 0\n",
    .good = "def first(xs: list[int]) -> int:\n    found: Optional[int] = None\n"
            "    for x in xs:\n        if found is None:\n            found = x\n"
            "    return found or 0\n",
    .fix = "annotate the variable where it is first assigned (`found: Optional[int] = None`)",
    .docs = SCOUT_DOCS_TYPES,
    .until = SCOUT_V(1, 15, 0),
    .on = "function_definition",
    .enter = check_inferred_none_in_loop};

SCOUT_FAMILY(scout_family_functions_none_locals, &rule_inferred_none_local,
             &rule_inferred_none_in_loop);
