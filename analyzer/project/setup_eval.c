/* Statements and project functions of the setup.py reader, and the run from
 * the top of setup.py to each mypycify call. */
#include "scout/setup_eval.h"

#include <stdlib.h>
#include <string.h>

#include "scout/tsutil.h"
#include "setup_eval_internal.h"

static bool contains(TSNode outer, TSNode inner)
{
	return ts_node_start_byte(outer) <= ts_node_start_byte(inner) &&
	       ts_node_end_byte(inner) <= ts_node_end_byte(outer);
}

/* ---- what a branch the reader cannot decide would change --------------- */

static const char *const mutators[] = {"append", "extend", "insert", "remove"};

static void taint_call(pv_eval *ev, pv_scope *sc, TSNode call, pv why)
{
	TSNode fn = scout_node_field(call, ev->s->f_function), obj;
	pv *v;

	if (ts_node_symbol(fn) != ev->s->attribute)
		return;
	obj = scout_node_field(fn, ev->s->f_object);
	if (ts_node_symbol(obj) != ev->s->identifier)
		return;
	for (size_t i = 0; i < sizeof(mutators) / sizeof(*mutators); i++)
		if (scout_node_text_is(scout_node_field(fn, ev->s->f_attribute), ev->src,
		                       mutators[i]) &&
		    (v = pv_lookup(sc, pv_text(ev, obj))) != NULL && v->kind == PV_LIST)
			pv_list_push(ev, *v, why);
}

/* Every name `n` may bind or list it may grow becomes unknown for `why`. */
static void taint(pv_eval *ev, pv_scope *sc, TSNode n, pv why)
{
	TSTreeCursor c = ts_tree_cursor_new(n);
	bool descend = true;

	do {
		TSNode x = ts_tree_cursor_current_node(&c);
		TSSymbol t = ts_node_symbol(x);

		descend = t != ev->s->function_definition && t != ev->s->class_definition;
		if (t == ev->s->assignment || t == ev->s->augmented_assignment)
			pv_bind_target(ev, sc, scout_node_field(x, ev->s->f_left), why);
		else if (t == ev->s->for_statement)
			pv_bind_target(ev, sc, scout_node_field(x, ev->s->f_left), why);
		else if (t == ev->s->call)
			taint_call(ev, sc, x, why);
	} while (scout_ts_cursor_next(&c, descend));
	ts_tree_cursor_delete(&c);
}

static pv undecided(pv_eval *ev, TSNode st, pv cond)
{
	return pv_unknown(ev, st, "set under a condition the reader cannot decide (%s)",
	                  cond.kind == PV_UNKNOWN ? cond.s : "its value");
}

/* ---- statements ------------------------------------------------------------ */

static pv_flow stmt(pv_eval *ev, pv_scope *sc, TSNode st);

static void assign(pv_eval *ev, pv_scope *sc, TSNode a)
{
	TSNode right = scout_node_field(a, ev->s->f_right);
	pv v;

	if (ts_node_is_null(right))
		return; /* a bare annotation */
	if (ts_node_symbol(right) == ev->s->assignment) {
		assign(ev, sc, right);
		right = scout_node_field(right, ev->s->f_left);
	}
	v = pv_expr(ev, sc, right);
	pv_bind_target(ev, sc, scout_node_field(a, ev->s->f_left), v);
}

static void augment(pv_eval *ev, pv_scope *sc, TSNode a)
{
	TSNode left = scout_node_field(a, ev->s->f_left);
	TSNode op = scout_node_field(a, ev->s->f_operator);
	pv v, *cur;

	if (ts_node_symbol(left) != ev->s->identifier)
		return;
	v = pv_expr(ev, sc, scout_node_field(a, ev->s->f_right));
	cur = pv_lookup(sc, pv_text(ev, left));
	if (ts_node_is_null(op) || strcmp(ts_node_type(op), "+=") != 0 || !cur) {
		pv_bind(ev, sc, pv_text(ev, left), pv_unknown(ev, a, "an augmented assignment"));
		return;
	}
	if (cur->kind == PV_LIST && !cur->tuple) { /* += extends the list in place */
		pv_list_extend(ev, *cur, v, a, "+= of a non-list");
		return;
	}
	if (cur->kind == PV_STR && v.kind == PV_STR &&
	    strlen(cur->s) + strlen(v.s) <= PV_MAX_STRING)
		v = pv_str(pv_printf(ev, "%s%s", cur->s, v.s));
	else if (cur->kind == PV_STR && v.kind == PV_STR)
		v = pv_unknown(ev, a, "a string too long to follow");
	else if (cur->kind == PV_UNKNOWN)
		v = *cur;
	else if (v.kind != PV_UNKNOWN)
		v = pv_unknown(ev, a, "+= of values it does not add");
	pv_bind(ev, sc, pv_text(ev, left), v);
}

static void imports(pv_eval *ev, pv_scope *sc, TSNode st)
{
	TSNode module = scout_node_field(st, ev->s->f_module_name);
	const char *from = ts_node_is_null(module) ? NULL : pv_text(ev, module);
	uint32_t n = ts_node_named_child_count(st);

	for (uint32_t i = 0; i < n; i++) {
		TSNode c = ts_node_named_child(st, i);
		TSNode name = c, alias = {{0}, 0, 0};
		const char *full, *bound;
		pv v = {0};

		if (ts_node_eq(c, module))
			continue;
		if (ts_node_symbol(c) == ev->s->aliased_import) {
			name = scout_node_field(c, ev->s->f_name);
			alias = scout_node_field(c, ev->s->f_alias);
		} else if (ts_node_symbol(c) != ev->s->dotted_name) {
			continue;
		}
		full = from ? pv_printf(ev, "%s.%s", from, pv_text(ev, name)) : pv_text(ev, name);
		bound = !ts_node_is_null(alias) ? pv_text(ev, alias) : pv_text(ev, name);
		if (!from && ts_node_is_null(alias)) { /* `import a.b` binds a */
			const char *dot = strchr(bound, '.');

			if (dot)
				bound = full = pv_strdup(ev, bound, (size_t)(dot - bound));
		}
		v.kind = PV_ALIAS;
		v.s = full;
		pv_bind(ev, sc, bound, v);
	}
}

static pv_flow if_stmt(pv_eval *ev, pv_scope *sc, TSNode st)
{
	pv cond = pv_expr(ev, sc, scout_node_field(st, ev->s->f_condition));
	int t = pv_truth(cond);
	uint32_t n = ts_node_named_child_count(st);

	if (t < 0) {
		taint(ev, sc, st, undecided(ev, st, cond));
		return FLOW_NEXT;
	}
	if (t)
		return pv_block(ev, sc, scout_node_field(st, ev->s->f_consequence));
	for (uint32_t i = 0; i < n; i++) {
		TSNode c = ts_node_named_child(st, i);

		if (ts_node_symbol(c) == ev->s->elif_clause) {
			cond = pv_expr(ev, sc, scout_node_field(c, ev->s->f_condition));
			t = pv_truth(cond);
			if (t < 0) {
				taint(ev, sc, st, undecided(ev, c, cond));
				return FLOW_NEXT;
			}
			if (t)
				return pv_block(ev, sc, scout_node_field(c, ev->s->f_consequence));
		} else if (ts_node_symbol(c) == ev->s->else_clause) {
			return pv_block(ev, sc, scout_node_field(c, ev->s->f_body));
		}
	}
	return FLOW_NEXT;
}

static pv_flow for_stmt(pv_eval *ev, pv_scope *sc, TSNode st)
{
	pv iter = pv_expr(ev, sc, scout_node_field(st, ev->s->f_right));
	TSNode body = scout_node_field(st, ev->s->f_body);

	if (iter.kind != PV_LIST) {
		taint(ev, sc, st,
		      iter.kind == PV_UNKNOWN ? iter
		                              : pv_unknown(ev, st, "a loop over a non-list"));
		return FLOW_NEXT;
	}
	for (size_t i = 0; i < iter.list->n; i++) {
		pv_flow f;

		if (iter.list->items[i].kind == PV_UNKNOWN) {
			taint(ev, sc, body, iter.list->items[i]);
			return FLOW_NEXT;
		}
		pv_bind_target(ev, sc, scout_node_field(st, ev->s->f_left), iter.list->items[i]);
		f = pv_block(ev, sc, body);
		if (f == FLOW_BREAK)
			break;
		if (f == FLOW_RETURN || f == FLOW_STOP)
			return f;
	}
	return FLOW_NEXT;
}

/* The try body, then its else and finally blocks (no exception assumed). */
static pv_flow try_stmt(pv_eval *ev, pv_scope *sc, TSNode st)
{
	pv_flow f = pv_block(ev, sc, scout_node_field(st, ev->s->f_body));
	uint32_t n = ts_node_named_child_count(st);

	for (uint32_t i = 0; i < n && f == FLOW_NEXT; i++) {
		TSNode c = ts_node_named_child(st, i);

		if (ts_node_symbol(c) == ev->s->else_clause)
			f = pv_block(ev, sc, scout_node_field(c, ev->s->f_body));
		else if (ts_node_symbol(c) == ev->s->finally_clause)
			f = pv_block(ev, sc,
			             ts_node_named_child(c, ts_node_named_child_count(c) - 1));
	}
	return f;
}

static void define(pv_eval *ev, pv_scope *sc, TSNode st)
{
	TSNode def = st;
	pv v = {0};

	if (ts_node_symbol(st) == ev->s->decorated_definition)
		def = scout_node_field(st, ev->s->f_definition);
	if (ts_node_is_null(def))
		return;
	if (ts_node_symbol(st) == ev->s->function_definition) {
		v.kind = PV_FUNC;
		v.def = def;
	} else {
		v = pv_unknown(ev, st, "%s is a class or a decorated function",
		               pv_text(ev, scout_node_field(def, ev->s->f_name)));
	}
	pv_bind(ev, sc, pv_text(ev, scout_node_field(def, ev->s->f_name)), v);
}

static pv_flow simple(pv_eval *ev, pv_scope *sc, TSNode st)
{
	TSNode e = ts_node_named_child(st, 0);
	TSSymbol t = ts_node_is_null(e) ? 0 : ts_node_symbol(e);

	if (t == ev->s->assignment)
		assign(ev, sc, e);
	else if (t == ev->s->augmented_assignment)
		augment(ev, sc, e);
	else if (t == ev->s->call)
		(void)pv_expr(ev, sc, e);
	return FLOW_NEXT;
}

/* ---- running to the mypycify call ------------------------------------------- */

static pv_flow enter(pv_eval *ev, pv_scope *sc, TSNode st);

static pv_flow reach(pv_eval *ev, pv_scope *sc)
{
	bool found;

	ev->target_arg = pv_arg(ev, sc, ev->target, 0, "paths", &found);
	if (!found)
		ev->target_arg = pv_unknown(ev, ev->target, "mypycify is called without paths");
	ev->reached = true;
	return FLOW_STOP;
}

static pv_flow stop(pv_eval *ev, TSNode at, const char *what)
{
	ev->stop = pv_unknown(ev, at,
	                      "the mypycify call is inside %s, which the reader does not "
	                      "follow",
	                      what);
	return FLOW_STOP;
}

/* The named child of st (or one level below) whose block holds the target. */
static TSNode block_holding(pv_eval *ev, TSNode st)
{
	uint32_t n = ts_node_named_child_count(st);

	for (uint32_t i = 0; i < n; i++) {
		TSNode c = ts_node_named_child(st, i);

		if (!contains(c, ev->target))
			continue;
		if (ts_node_symbol(c) == ev->s->block)
			return c;
		for (uint32_t k = 0; k < ts_node_named_child_count(c); k++) {
			TSNode b = ts_node_named_child(c, k);

			if (ts_node_symbol(b) == ev->s->block && contains(b, ev->target))
				return b;
		}
		return (TSNode){{0}, 0, 0};
	}
	return (TSNode){{0}, 0, 0};
}

static pv_flow enter_def(pv_eval *ev, pv_scope *sc, TSNode st)
{
	TSNode def = ts_node_symbol(st) == ev->s->decorated_definition
	                 ? scout_node_field(st, ev->s->f_definition)
	                 : st;
	TSNode params = scout_node_field(def, ev->s->f_parameters);
	pv_scope local = {NULL, 0, 0, ev->globals};
	pv_flow f;

	(void)sc;
	if (ts_node_symbol(def) != ev->s->function_definition)
		return stop(ev, st, "a class");
	for (uint32_t i = 0; !ts_node_is_null(params) && i < ts_node_named_child_count(params);
	     i++) {
		TSNode p = ts_node_named_child(params, i);
		TSNode name =
		    ts_node_symbol(p) == ev->s->identifier ? p : ts_node_named_child(p, 0);

		if (!ts_node_is_null(name) && ts_node_symbol(name) == ev->s->identifier)
			pv_bind(ev, &local, pv_text(ev, name),
			        pv_unknown(ev, p, "a parameter of the function around mypycify"));
	}
	f = pv_block(ev, &local, scout_node_field(def, ev->s->f_body));
	free(local.items);
	return f;
}

static pv_flow enter(pv_eval *ev, pv_scope *sc, TSNode st)
{
	TSSymbol t = ts_node_symbol(st);
	TSNode b;

	if (t == ev->s->function_definition || t == ev->s->decorated_definition)
		return enter_def(ev, sc, st);
	if (t == ev->s->for_statement || t == ev->s->while_statement)
		return stop(ev, st, "a loop");
	if (t == ev->s->class_definition)
		return stop(ev, st, "a class");
	if (t == ev->s->if_statement || t == ev->s->try_statement || t == ev->s->with_statement) {
		b = block_holding(ev, st);
		return ts_node_is_null(b) ? reach(ev, sc) : pv_block(ev, sc, b);
	}
	if (t == ev->s->match_statement)
		return stop(ev, st, "a match statement");
	return reach(ev, sc);
}

static pv_flow stmt(pv_eval *ev, pv_scope *sc, TSNode st)
{
	const scout_symbols *s = ev->s;
	TSSymbol t = ts_node_symbol(st);

	if (ev->steps > PV_STEP_BUDGET) {
		ev->stop = pv_unknown(ev, st, "setup.py takes too much work to read");
		return FLOW_STOP;
	}
	if (!ev->reached && contains(st, ev->target))
		return enter(ev, sc, st);
	if (t == s->expression_statement)
		return simple(ev, sc, st);
	if (t == s->if_statement)
		return if_stmt(ev, sc, st);
	if (t == s->for_statement)
		return for_stmt(ev, sc, st);
	if (t == s->while_statement) {
		taint(ev, sc, st,
		      pv_unknown(ev, st, "a while loop, which the reader does not follow"));
		return FLOW_NEXT;
	}
	if (t == s->try_statement)
		return try_stmt(ev, sc, st);
	if (t == s->with_statement)
		return pv_block(ev, sc, scout_node_field(st, s->f_body));
	if (t == s->return_statement) {
		TSNode e = ts_node_named_child(st, 0);

		ev->ret = ts_node_is_null(e) ? pv_none() : pv_expr(ev, sc, e);
		return FLOW_RETURN;
	}
	if (t == s->break_statement)
		return FLOW_BREAK;
	if (t == s->continue_statement)
		return FLOW_CONTINUE;
	if (t == s->raise_statement) {
		ev->ret = pv_unknown(ev, st, "it raises an exception");
		return FLOW_RETURN;
	}
	if (t == s->function_definition || t == s->decorated_definition || t == s->class_definition)
		define(ev, sc, st);
	else if (t == s->import_statement || t == s->import_from_statement)
		imports(ev, sc, st);
	return FLOW_NEXT;
}

pv_flow pv_block(pv_eval *ev, pv_scope *sc, TSNode block)
{
	uint32_t n = ts_node_is_null(block) ? 0 : ts_node_named_child_count(block);

	for (uint32_t i = 0; i < n; i++) {
		pv_flow f = stmt(ev, sc, ts_node_named_child(block, i));

		if (ev->reached)
			return FLOW_STOP;
		if (f == FLOW_CONTINUE)
			return FLOW_CONTINUE;
		if (f != FLOW_NEXT)
			return f;
	}
	return FLOW_NEXT;
}

/* ---- setup.py's own functions ----------------------------------------------- */

static void bind_params(pv_eval *ev, pv_scope *caller, pv_scope *local, TSNode params, TSNode call)
{
	uint32_t n = ts_node_is_null(params) ? 0 : ts_node_named_child_count(params), pos = 0;

	for (uint32_t i = 0; i < n; i++) {
		TSNode p = ts_node_named_child(params, i), name = p, dflt = {{0}, 0, 0};
		TSSymbol t = ts_node_symbol(p);
		bool found = false;
		pv v;

		if (t == ev->s->default_parameter || t == ev->s->typed_default_parameter) {
			name = scout_node_field(p, ev->s->f_name);
			dflt = scout_node_field(p, ev->s->f_value);
		} else if (t == ev->s->typed_parameter) {
			name = ts_node_named_child(p, 0);
		} else if (t != ev->s->identifier) {
			if (t == ev->s->list_splat_pattern || t == ev->s->dictionary_splat_pattern)
				pv_bind_target(ev, local, ts_node_named_child(p, 0),
				               pv_unknown(ev, p, "a * or ** parameter"));
			continue;
		}
		if (ts_node_is_null(name) || ts_node_symbol(name) != ev->s->identifier)
			continue;
		v = pv_arg(ev, caller, call, pos++, pv_text(ev, name), &found);
		if (!found)
			v = !ts_node_is_null(dflt) ? pv_expr(ev, ev->globals, dflt)
			                           : pv_unknown(ev, call, "a missing argument");
		pv_bind(ev, local, pv_text(ev, name), v);
	}
}

pv pv_call_def(pv_eval *ev, pv_scope *sc, TSNode def, TSNode call)
{
	pv_scope local = {NULL, 0, 0, ev->globals};
	pv out;
	pv_flow f;

	if (ev->depth >= PV_MAX_DEPTH)
		return pv_unknown(ev, call, "calls nested too deep");
	ev->depth++;
	bind_params(ev, sc, &local, scout_node_field(def, ev->s->f_parameters), call);
	f = pv_block(ev, &local, scout_node_field(def, ev->s->f_body));
	ev->depth--;
	free(local.items);
	if (f == FLOW_RETURN)
		out = ev->ret;
	else if (f == FLOW_STOP)
		out =
		    ev->stop.kind == PV_UNKNOWN ? ev->stop : pv_unknown(ev, call, "a stopped call");
	else
		out = pv_none();
	return out;
}
