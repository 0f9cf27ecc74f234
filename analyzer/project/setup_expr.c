/* Expressions of the setup.py reader. */
#include <stdlib.h>
#include <string.h>

#include "setup_eval_internal.h"

/* ---- expressions ---------------------------------------------------------- */

static bool is_type(TSNode n, const char *type)
{
	return strcmp(ts_node_type(n), type) == 0;
}

/* A string literal: its parts joined; unknown for f-strings, bytes and
 * escapes. */
static pv string_value(pv_eval *ev, TSNode n)
{
	scout_buf b = {0};
	uint32_t count = ts_node_child_count(n);
	pv out;

	for (uint32_t i = 0; i < count; i++) {
		TSNode c = ts_node_child(n, i);
		uint32_t len;
		const char *t = scout_node_text(c, ev->src, &len);

		if (ts_node_symbol(c) == ev->s->string_start) {
			for (uint32_t k = 0; k < len; k++)
				if (strchr("fFbBtT", t[k])) {
					scout_buf_free(&b);
					return pv_unknown(ev, n, "a formatted or bytes string");
				}
		} else if (ts_node_symbol(c) == ev->s->interpolation) {
			scout_buf_free(&b);
			return pv_unknown(ev, n, "a formatted string");
		} else if (ts_node_symbol(c) == ev->s->string_content) {
			if (memchr(t, '\\', len)) {
				scout_buf_free(&b);
				return pv_unknown(ev, n, "a string with escape sequences");
			}
			scout_buf_put(&b, t, len);
		}
	}
	out = pv_str(pv_strdup(ev, b.data ? b.data : "", b.len));
	scout_buf_free(&b);
	return out;
}

static pv sequence(pv_eval *ev, pv_scope *sc, TSNode n, bool tuple)
{
	pv out = pv_new_list(ev, tuple);
	uint32_t count = ts_node_named_child_count(n);

	for (uint32_t i = 0; i < count; i++) {
		TSNode c = ts_node_named_child(n, i);

		if (ts_node_symbol(c) == ev->s->comment)
			continue;
		if (ts_node_symbol(c) == ev->s->list_splat) {
			pv_list_extend(ev, out, pv_expr(ev, sc, ts_node_named_child(c, 0)), c,
			               "unpacking a non-list");
			continue;
		}
		pv_list_push(ev, out, pv_expr(ev, sc, c));
	}
	return out;
}

/* list + list keeps what is known of each side: an unknown side is one
 * unknown item. */
static pv concat(pv_eval *ev, TSNode at, pv a, pv b)
{
	pv out;

	if (a.kind == PV_STR && b.kind == PV_STR) {
		if (strlen(a.s) + strlen(b.s) > PV_MAX_STRING)
			return pv_unknown(ev, at, "a string too long to follow");
		return pv_str(pv_printf(ev, "%s%s", a.s, b.s));
	}
	if (a.kind == PV_INT && b.kind == PV_INT)
		return pv_int(a.i + b.i);
	if ((a.kind == PV_LIST || a.kind == PV_UNKNOWN) &&
	    (b.kind == PV_LIST || b.kind == PV_UNKNOWN) &&
	    (a.kind == PV_LIST || b.kind == PV_LIST)) {
		out = pv_new_list(ev, a.kind == PV_LIST ? a.tuple : b.tuple);
		pv_list_extend(ev, out, a, at, "a non-list"); /* lists or unknown here */
		pv_list_extend(ev, out, b, at, "a non-list");
		return out;
	}
	if (a.kind == PV_UNKNOWN)
		return a;
	if (b.kind == PV_UNKNOWN)
		return b;
	return pv_unknown(ev, at, "`+` of values the reader does not add");
}

static pv binary(pv_eval *ev, pv_scope *sc, TSNode n)
{
	TSNode op = scout_node_field(n, ev->s->f_operator);
	pv a = pv_expr(ev, sc, scout_node_field(n, ev->s->f_left));
	pv b = pv_expr(ev, sc, scout_node_field(n, ev->s->f_right));

	if (!ts_node_is_null(op) && strcmp(ts_node_type(op), "+") == 0)
		return concat(ev, n, a, b);
	return pv_unknown(ev, n, "the operator `%s`", ts_node_is_null(op) ? "?" : ts_node_type(op));
}

/* `x in container`: 1, 0, or -1 unknown. */
static int contains(pv container, pv x)
{
	if (container.kind == PV_STR && x.kind == PV_STR)
		return strstr(container.s, x.s) != NULL;
	if (container.kind != PV_LIST || x.kind == PV_UNKNOWN)
		return -1;
	for (size_t i = 0; i < container.list->n; i++) {
		if (container.list->items[i].kind == PV_UNKNOWN)
			return -1;
		if (pv_equal(container.list->items[i], x))
			return 1;
	}
	return 0;
}

static int compare_one(const char *op, pv a, pv b)
{
	int c;

	if (strcmp(op, "in") == 0)
		return contains(b, a);
	if (strcmp(op, "not in") == 0)
		return (c = contains(b, a)) < 0 ? -1 : !c;
	if (a.kind == PV_UNKNOWN || b.kind == PV_UNKNOWN)
		return -1;
	if (strcmp(op, "==") == 0 || strcmp(op, "is") == 0)
		return pv_equal(a, b);
	if (strcmp(op, "!=") == 0 || strcmp(op, "is not") == 0)
		return !pv_equal(a, b);
	if (a.kind == PV_INT && b.kind == PV_INT) {
		if (strcmp(op, "<") == 0)
			return a.i < b.i;
		if (strcmp(op, "<=") == 0)
			return a.i <= b.i;
		if (strcmp(op, ">") == 0)
			return a.i > b.i;
		if (strcmp(op, ">=") == 0)
			return a.i >= b.i;
	}
	return -1;
}

/* A chain of comparisons: operands are the named children, operators the
 * anonymous ones between them. */
static pv comparison(pv_eval *ev, pv_scope *sc, TSNode n)
{
	uint32_t count = ts_node_child_count(n);
	pv left = pv_none(), first_unknown = pv_none();
	const char *op = NULL;
	bool have_left = false, result = true, unknown = false;
	scout_buf opbuf = {0};

	for (uint32_t i = 0; i < count; i++) {
		TSNode c = ts_node_child(n, i);

		if (!ts_node_is_named(c)) {
			if (opbuf.len)
				scout_buf_putc(&opbuf, ' ');
			scout_buf_puts(&opbuf, ts_node_type(c));
			continue;
		}
		{
			pv right = pv_expr(ev, sc, c);

			if (right.kind == PV_UNKNOWN && first_unknown.kind != PV_UNKNOWN)
				first_unknown = right;
			if (have_left) {
				int r;

				op = opbuf.data ? opbuf.data : "";
				r = compare_one(op, left, right);
				if (r < 0)
					unknown = true;
				else if (!r)
					result = false;
				opbuf.len = 0;
				if (opbuf.data)
					opbuf.data[0] = '\0';
			}
			left = right;
			have_left = true;
		}
	}
	scout_buf_free(&opbuf);
	if (!result)
		return pv_bool(false);
	if (unknown)
		return first_unknown.kind == PV_UNKNOWN ? first_unknown
		                                        : pv_unknown(ev, n, "a comparison");
	return pv_bool(true);
}

static pv boolean(pv_eval *ev, pv_scope *sc, TSNode n)
{
	TSNode op = scout_node_field(n, ev->s->f_operator);
	bool is_and = !ts_node_is_null(op) && strcmp(ts_node_type(op), "and") == 0;
	pv a = pv_expr(ev, sc, scout_node_field(n, ev->s->f_left)), b;
	int ta = pv_truth(a), tb;

	if (ta >= 0 && ta != is_and)
		return a; /* `False and x`, `True or x` */
	b = pv_expr(ev, sc, scout_node_field(n, ev->s->f_right));
	if (ta >= 0)
		return b;
	tb = pv_truth(b);
	if (tb >= 0 && tb != is_and)
		return b; /* `x and False`, `x or True`: the truth is known */
	return a;
}

static pv conditional(pv_eval *ev, pv_scope *sc, TSNode n)
{
	pv cond = pv_expr(ev, sc, ts_node_named_child(n, 1));
	int t = pv_truth(cond);

	if (t < 0)
		return cond;
	return pv_expr(ev, sc, ts_node_named_child(n, t ? 0 : 2));
}

static pv subscript(pv_eval *ev, pv_scope *sc, TSNode n)
{
	pv v = pv_expr(ev, sc, scout_node_field(n, ev->s->f_value));
	TSNode sub = ts_node_child_by_field_name(n, "subscript", 9);
	pv k;

	if (v.kind == PV_UNKNOWN)
		return v;
	if (ts_node_is_null(sub) || ts_node_symbol(sub) == ev->s->slice)
		return pv_unknown(ev, n, "a slice");
	k = pv_expr(ev, sc, sub);
	if (v.kind == PV_LIST && k.kind == PV_INT) {
		long long i = k.i < 0 ? (long long)v.list->n + k.i : k.i;

		if (i >= 0 && (size_t)i < v.list->n)
			return v.list->items[i];
	}
	return k.kind == PV_UNKNOWN ? k : pv_unknown(ev, n, "a subscript");
}

/* Comprehension clauses from `i`: for clauses nest, if clauses filter; at
 * the end the body is pushed. */
static void clauses(pv_eval *ev, pv_scope *sc, TSNode comp, uint32_t i, pv out)
{
	uint32_t count = ts_node_named_child_count(comp);
	TSNode c;

	if (ev->steps > PV_STEP_BUDGET)
		return;
	if (i == count) {
		pv_list_push(ev, out, pv_expr(ev, sc, ts_node_named_child(comp, 0)));
		return;
	}
	c = ts_node_named_child(comp, i);
	if (ts_node_symbol(c) == ev->s->for_in_clause) {
		pv iter = pv_expr(ev, sc, scout_node_field(c, ev->s->f_right));

		if (iter.kind != PV_LIST) {
			pv_list_push(ev, out,
			             iter.kind == PV_UNKNOWN
			                 ? iter
			                 : pv_unknown(ev, c, "a loop over a non-list"));
			return;
		}
		for (size_t k = 0; k < iter.list->n; k++) {
			if (iter.list->items[k].kind == PV_UNKNOWN) {
				pv_list_push(ev, out, iter.list->items[k]);
				continue;
			}
			pv_bind_target(ev, sc, scout_node_field(c, ev->s->f_left),
			               iter.list->items[k]);
			clauses(ev, sc, comp, i + 1, out);
		}
		return;
	}
	if (is_type(c, "if_clause")) {
		pv cond = pv_expr(ev, sc, ts_node_named_child(c, 0));
		int t = pv_truth(cond);

		if (t < 0)
			pv_list_push(ev, out,
			             cond.kind == PV_UNKNOWN ? cond
			                                     : pv_unknown(ev, c, "a filter"));
		else if (t)
			clauses(ev, sc, comp, i + 1, out);
		else if (ev->dropped.kind == PV_LIST) /* left out on purpose */
			pv_list_push(ev, ev->dropped,
			             pv_expr(ev, sc, ts_node_named_child(comp, 0)));
		return;
	}
	clauses(ev, sc, comp, i + 1, out);
}

static pv comprehension(pv_eval *ev, pv_scope *sc, TSNode n)
{
	pv_scope inner = {NULL, 0, 0, sc};
	pv out = pv_new_list(ev, false);

	clauses(ev, &inner, n, 1, out);
	free(inner.items);
	return out;
}

void pv_bind_target(pv_eval *ev, pv_scope *sc, TSNode target, pv v)
{
	TSSymbol t = ts_node_symbol(target);
	uint32_t count;

	if (t == ev->s->identifier) {
		pv_bind(ev, sc, pv_text(ev, target), v);
		return;
	}
	if (t != ev->s->pattern_list && t != ev->s->tuple_pattern && t != ev->s->tuple &&
	    t != ev->s->list_pattern && t != ev->s->expression_list &&
	    t != ev->s->parenthesized_expression)
		return;
	count = ts_node_named_child_count(target);
	for (uint32_t i = 0; i < count; i++) {
		pv item =
		    v.kind == PV_LIST && v.list->n == count
		        ? v.list->items[i]
		        : pv_unknown(ev, target, "unpacking a value the reader does not know");

		pv_bind_target(ev, sc, ts_node_named_child(target, i), item);
	}
}

static pv attribute(pv_eval *ev, pv_scope *sc, TSNode n)
{
	char *dotted = scout_node_dotted_text(n, ev->src);
	pv out;

	(void)sc;
	if (strcmp(dotted, "os.sep") == 0 || strcmp(dotted, "os.path.sep") == 0)
		out = pv_str("/");
	else if (strcmp(dotted, "os.curdir") == 0)
		out = pv_str(".");
	else if (strncmp(dotted, "os.environ", 10) == 0)
		out = pv_unknown(ev, n, "it reads the environment");
	else if (strncmp(dotted, "sys.", 4) == 0)
		out = pv_unknown(ev, n, "it depends on %s", dotted);
	else
		out = pv_unknown(ev, n, "the attribute %s", dotted);
	free(dotted);
	return out;
}

static pv name(pv_eval *ev, pv_scope *sc, TSNode n)
{
	const char *id = pv_text(ev, n);
	pv *v = pv_lookup(sc, id);

	if (v)
		return *v;
	if (strcmp(id, "__file__") == 0)
		return pv_str(ev->file);
	if (strcmp(id, "__name__") == 0)
		return pv_str("__main__");
	return pv_unknown(ev, n, "%s is not a name setup.py defines", id);
}

/* The callee's full name: a dotted name whose first part an import may
 * rename; NULL when the callee is not a plain dotted name. */
static const char *callee_name(pv_eval *ev, pv_scope *sc, TSNode fn, pv **bound)
{
	char *dotted;
	const char *out, *dot;
	size_t head;
	pv *v;

	*bound = NULL;
	for (TSNode p = fn; ts_node_symbol(p) != ev->s->identifier;
	     p = scout_node_field(p, ev->s->f_object))
		if (ts_node_is_null(p) || ts_node_symbol(p) != ev->s->attribute)
			return NULL;
	dotted = scout_node_dotted_text(fn, ev->src);
	dot = strchr(dotted, '.');
	head = dot ? (size_t)(dot - dotted) : strlen(dotted);
	{
		const char *first = pv_strdup(ev, dotted, head);

		v = pv_lookup(sc, first);
	}
	if (v && v->kind == PV_ALIAS)
		out = pv_printf(ev, "%s%s", v->s, dotted + head);
	else {
		out = pv_strdup(ev, dotted, strlen(dotted));
		*bound = v;
	}
	free(dotted);
	return out;
}

static pv call(pv_eval *ev, pv_scope *sc, TSNode n)
{
	TSNode fn = scout_node_field(n, ev->s->f_function);
	pv *bound;
	const char *callee = callee_name(ev, sc, fn, &bound);
	pv out;

	if (callee && bound && !strchr(callee, '.')) {
		if (bound->kind == PV_FUNC)
			return pv_call_def(ev, sc, bound->def, n);
		if (bound->kind == PV_UNKNOWN)
			return *bound;
	}
	if (callee && (!bound || !strchr(callee, '.')) && pv_builtin(ev, sc, callee, n, &out))
		return out;
	if (ts_node_symbol(fn) == ev->s->attribute) {
		pv self = pv_expr(ev, sc, scout_node_field(fn, ev->s->f_object));
		const char *method = pv_text(ev, scout_node_field(fn, ev->s->f_attribute));

		if (self.kind == PV_UNKNOWN && bound)
			return self;
		if (self.kind != PV_UNKNOWN && pv_method(ev, sc, self, method, n, &out))
			return out;
	}
	return pv_unknown(ev, n, "a call to %s(), which the reader does not follow",
	                  callee ? callee : pv_text(ev, fn));
}

pv pv_expr(pv_eval *ev, pv_scope *sc, TSNode n)
{
	const scout_symbols *s = ev->s;
	TSSymbol t;

	if (ts_node_is_null(n))
		return pv_unknown(ev, n, "a missing expression");
	if (++ev->steps > PV_STEP_BUDGET)
		return pv_unknown(ev, n, "too much to evaluate");
	t = ts_node_symbol(n);
	if (t == s->string)
		return string_value(ev, n);
	if (t == s->concatenated_string) {
		pv acc = pv_str("");

		for (uint32_t i = 0; i < ts_node_named_child_count(n) && acc.kind == PV_STR; i++)
			acc = concat(ev, n, acc, pv_expr(ev, sc, ts_node_named_child(n, i)));
		return acc;
	}
	if (t == s->integer) {
		const char *text = pv_text(ev, n);
		char *end;
		long long v = strtoll(text, &end, 10);

		return *end ? pv_unknown(ev, n, "the number %s", text) : pv_int(v);
	}
	if (t == s->true_ || t == s->false_)
		return pv_bool(t == s->true_);
	if (t == s->none)
		return pv_none();
	if (t == s->identifier)
		return name(ev, sc, n);
	if (t == s->list)
		return sequence(ev, sc, n, false);
	if (t == s->tuple || t == s->expression_list)
		return sequence(ev, sc, n, true);
	if (t == s->parenthesized_expression)
		return pv_expr(ev, sc, ts_node_named_child(n, 0));
	if (t == s->binary_operator)
		return binary(ev, sc, n);
	if (t == s->comparison_operator)
		return comparison(ev, sc, n);
	if (t == s->boolean_operator)
		return boolean(ev, sc, n);
	if (t == s->not_operator) {
		pv v = pv_expr(ev, sc, scout_node_field(n, s->f_argument));
		int tr = pv_truth(v);

		return tr < 0 ? v : pv_bool(!tr);
	}
	if (is_type(n, "conditional_expression"))
		return conditional(ev, sc, n);
	if (t == s->list_comprehension || t == s->generator_expression || t == s->set_comprehension)
		return comprehension(ev, sc, n);
	if (t == s->subscript)
		return subscript(ev, sc, n);
	if (t == s->attribute)
		return attribute(ev, sc, n);
	if (t == s->call)
		return call(ev, sc, n);
	return pv_unknown(ev, n, "a %s", ts_node_type(n));
}
