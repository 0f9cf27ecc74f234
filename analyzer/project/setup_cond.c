/* When a setup.py reaches its mypycify call, said in words: the tests of the
 * environment and the command line in the if statements around it, and in
 * the assignments of the names they test ("MYPY_USE_MYPYC=1"). Read from the
 * syntax only. */
#include <stdlib.h>
#include <string.h>

#include "scout/tsutil.h"
#include "setup_eval_internal.h"

#define COND_MAX_DEPTH 4

typedef struct cond_ctx {
	const char *src;
	const scout_symbols *s;
	TSNode root;
} cond_ctx;

static char *text_of(const cond_ctx *c, TSNode n)
{
	uint32_t len;
	const char *t = scout_node_text(n, c->src, &len);

	return scout_strndup(t, len);
}

/* A plain string literal's content (owned), or NULL. */
static char *literal(const cond_ctx *c, TSNode n)
{
	TSNode content;

	if (ts_node_symbol(n) == c->s->integer)
		return text_of(c, n);
	if (ts_node_symbol(n) != c->s->string || ts_node_named_child_count(n) != 3)
		return NULL;
	content = ts_node_named_child(n, 1);
	return ts_node_symbol(content) == c->s->string_content ? text_of(c, content) : NULL;
}

/* The variable an expression reads from the environment (owned), through
 * bool()/int()/str() wrappers (*wrapped set), or NULL. */
static char *env_read(const cond_ctx *c, TSNode n, bool *wrapped)
{
	TSSymbol t = ts_node_symbol(n);

	if (t == c->s->parenthesized_expression)
		return env_read(c, ts_node_named_child(n, 0), wrapped);
	if (t == c->s->call) {
		TSNode fn = scout_node_field(n, c->s->f_function);
		TSNode args = scout_node_field(n, c->s->f_arguments);
		TSNode first = ts_node_is_null(args) ? args : ts_node_named_child(args, 0);
		char *callee = scout_node_dotted_text(fn, c->src), *out = NULL;

		if (ts_node_is_null(first)) {
		} else if (strcmp(callee, "os.getenv") == 0 ||
		           strcmp(callee, "os.environ.get") == 0 || strcmp(callee, "getenv") == 0 ||
		           strcmp(callee, "environ.get") == 0) {
			out = literal(c, first);
		} else if (strcmp(callee, "bool") == 0 || strcmp(callee, "int") == 0 ||
		           strcmp(callee, "str") == 0) {
			out = env_read(c, first, wrapped);
			*wrapped = *wrapped || callee[0] != 's';
		}
		free(callee);
		return out;
	}
	if (t == c->s->subscript) {
		TSNode value = scout_node_field(n, c->s->f_value);
		TSNode key = ts_node_child_by_field_name(n, "subscript", 9);

		if (scout_node_text_is(value, c->src, "os.environ") ||
		    scout_node_text_is(value, c->src, "environ"))
			return ts_node_is_null(key) ? NULL : literal(c, key);
	}
	return NULL;
}

static char *describe(const cond_ctx *c, TSNode n, int depth);

/* "not (d)", or d's inside when d is itself "not (...)"; takes d. */
static char *negate(char *d)
{
	size_t n = strlen(d);
	char *out;
	int open = 0;
	bool whole = n > 6 && strncmp(d, "not (", 5) == 0 && d[n - 1] == ')';

	for (size_t i = 4; whole && i < n; i++) {
		open += d[i] == '(' ? 1 : d[i] == ')' ? -1 : 0;
		if (open == 0 && i < n - 1)
			whole = false; /* "not (a) and (b)" */
	}
	out = whole ? scout_strndup(d + 5, n - 6) : scout_asprintf("not (%s)", d);
	free(d);
	return out;
}

/* The condition's words, or its source text in backquotes. */
static char *describe_or_text(const cond_ctx *c, TSNode n)
{
	char *d = describe(c, n, 0), *raw;

	if (d)
		return d;
	raw = text_of(c, n);
	d = scout_asprintf("`%s`", raw);
	free(raw);
	return d;
}

static char *join(char *a, const char *sep, char *b)
{
	char *out;

	if (!a || !b)
		return a ? a : b;
	out = scout_asprintf("%s%s%s", a, sep, b);
	free(a);
	free(b);
	return out;
}

static char *comparison(const cond_ctx *c, TSNode n)
{
	TSNode a = ts_node_named_child(n, 0), b = ts_node_named_child(n, 1);
	char *op, *env, *value, *out = NULL;
	bool wrapped = false;

	if (ts_node_named_child_count(n) != 2 || ts_node_child_count(n) != 3)
		return NULL;
	op = scout_strdup(ts_node_type(ts_node_child(n, 1)));
	if (strcmp(op, "in") == 0 && scout_node_text_is(b, c->src, "sys.argv") &&
	    (value = literal(c, a)) != NULL) {
		out = scout_asprintf("%s on the command line", value);
		free(value);
	} else if ((env = env_read(c, a, &wrapped)) != NULL ||
	           (env = env_read(c, b, &wrapped)) != NULL) {
		char *left = env_read(c, a, &wrapped);

		value = literal(c, left ? b : a);
		free(left);
		if (value && strcmp(op, "==") == 0)
			out = scout_asprintf("%s=%s", env, value);
		else if (value && strcmp(op, "!=") == 0)
			out = scout_asprintf("%s!=%s", env, value);
		else
			out = text_of(c, n);
		free(value);
		free(env);
	}
	free(op);
	return out;
}

/* The if branch around n within the module: the if statement's condition
 * and whether n is in its else (*negated). */
static TSNode branch_condition(const cond_ctx *c, TSNode n, TSNode *stop_at, bool *negated)
{
	for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); n = p, p = ts_node_parent(p)) {
		TSSymbol t = ts_node_symbol(p);

		if (t == c->s->function_definition || t == c->s->class_definition)
			break;
		if (t == c->s->elif_clause &&
		    !ts_node_eq(n, scout_node_field(p, c->s->f_condition))) {
			*negated = false;
			*stop_at = p;
			return scout_node_field(p, c->s->f_condition);
		}
		if (t == c->s->else_clause &&
		    ts_node_symbol(ts_node_parent(p)) == c->s->if_statement) {
			*negated = true;
			*stop_at = ts_node_parent(p);
			return scout_node_field(ts_node_parent(p), c->s->f_condition);
		}
		if (t == c->s->if_statement &&
		    ts_node_eq(n, scout_node_field(p, c->s->f_consequence))) {
			*negated = false;
			*stop_at = p;
			return scout_node_field(p, c->s->f_condition);
		}
	}
	return (TSNode){{0}, 0, 0};
}

/* One assignment `name = value` of the module: when it makes name true. */
static char *assignment_truth(const cond_ctx *c, TSNode a, int depth)
{
	TSNode value = scout_node_field(a, c->s->f_right), stop_at, cond;
	bool negated = false;
	char *d;

	if (ts_node_is_null(value) || ts_node_symbol(value) == c->s->false_ ||
	    ts_node_symbol(value) == c->s->none)
		return NULL;
	if (ts_node_symbol(value) != c->s->true_) {
		d = describe(c, value, depth + 1);
		if (!d) { /* never dropped: an "or" without it would say too little */
			char *raw = text_of(c, value);

			d = scout_asprintf("`%s`", raw);
			free(raw);
		}
		return d;
	}
	cond = branch_condition(c, a, &stop_at, &negated);
	if (ts_node_is_null(cond))
		return NULL;
	d = describe(c, cond, depth + 1);
	return d && negated ? negate(d) : d;
}

/* What makes a module-level name true: its assignments, joined by "or". */
static char *name_truth(const cond_ctx *c, TSNode id, int depth)
{
	TSTreeCursor cur = ts_tree_cursor_new(c->root);
	char *out = NULL;
	bool descend;

	do {
		TSNode x = ts_tree_cursor_current_node(&cur);
		TSSymbol t = ts_node_symbol(x);
		TSNode left;
		uint32_t la, lb;
		const char *ta, *tb;

		descend = t != c->s->function_definition && t != c->s->class_definition;
		if (t != c->s->assignment)
			continue;
		left = scout_node_field(x, c->s->f_left);
		ta = scout_node_text(left, c->src, &la);
		tb = scout_node_text(id, c->src, &lb);
		if (la == lb && memcmp(ta, tb, la) == 0)
			out = join(out, " or ", assignment_truth(c, x, depth));
	} while (scout_ts_cursor_next(&cur, descend));
	ts_tree_cursor_delete(&cur);
	return out;
}

static char *describe(const cond_ctx *c, TSNode n, int depth)
{
	TSSymbol t = ts_node_symbol(n);
	bool wrapped = false;
	char *env, *out;

	if (depth > COND_MAX_DEPTH || ts_node_is_null(n))
		return NULL;
	if (t == c->s->parenthesized_expression)
		return describe(c, ts_node_named_child(n, 0), depth);
	if ((env = env_read(c, n, &wrapped)) != NULL) {
		out = scout_asprintf("%s %s", env, wrapped ? "nonzero" : "set");
		free(env);
		return out;
	}
	if (t == c->s->not_operator) {
		TSNode arg = scout_node_field(n, c->s->f_argument);
		char *d;

		if ((env = env_read(c, arg, &wrapped)) != NULL) {
			out = scout_asprintf(wrapped ? "%s=0" : "%s unset", env);
			free(env);
			return out;
		}
		d = describe(c, arg, depth + 1);
		return d ? negate(d) : NULL;
	}
	if (t == c->s->boolean_operator) {
		TSNode op = scout_node_field(n, c->s->f_operator);
		char *a = describe(c, scout_node_field(n, c->s->f_left), depth + 1);
		char *b = describe(c, scout_node_field(n, c->s->f_right), depth + 1);

		if (strcmp(ts_node_type(op), "and") == 0)
			return join(a, " and ", b);
		if (!a && !b)
			return NULL;
		if (!a)
			a = text_of(c, scout_node_field(n, c->s->f_left));
		if (!b)
			b = text_of(c, scout_node_field(n, c->s->f_right));
		return join(a, " or ", b);
	}
	if (t == c->s->comparison_operator)
		return comparison(c, n);
	if (t == c->s->identifier)
		return name_truth(c, n, depth);
	return NULL;
}

/* An `if COND: return/raise` before the statement holding n in its block:
 * the build goes on only when COND is false. */
static bool early_exit(const cond_ctx *c, TSNode st, TSNode *cond)
{
	TSNode body = scout_node_field(st, c->s->f_consequence), last;
	uint32_t n;

	if (ts_node_symbol(st) != c->s->if_statement || ts_node_is_null(body) ||
	    !ts_node_is_null(scout_node_field(st, c->s->f_alternative)))
		return false;
	n = ts_node_named_child_count(body);
	last = n ? ts_node_named_child(body, n - 1) : body;
	*cond = scout_node_field(st, c->s->f_condition);
	return n && (ts_node_symbol(last) == c->s->return_statement ||
	             ts_node_symbol(last) == c->s->raise_statement);
}

/* The early exits before `call` in the function around it, joined by "and". */
static char *early_exits(const cond_ctx *c, TSNode call)
{
	char *out = NULL;
	TSNode n = call;

	for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); n = p, p = ts_node_parent(p)) {
		if (ts_node_symbol(p) == c->s->function_definition)
			break;
		if (ts_node_symbol(p) != c->s->block)
			continue;
		for (uint32_t i = 0; i < ts_node_named_child_count(p); i++) {
			TSNode st = ts_node_named_child(p, i), cond;

			if (ts_node_start_byte(st) >= ts_node_start_byte(n))
				break;
			if (early_exit(c, st, &cond))
				out = join(out, " and ", negate(describe_or_text(c, cond)));
		}
	}
	return out;
}

char *pv_condition(const char *src, const scout_symbols *s, TSNode root, TSNode call)
{
	cond_ctx c = {src, s, root};
	char *out = early_exits(&c, call);
	TSNode n = call, stop_at, cond;
	bool negated = false;

	while (!ts_node_is_null(cond = branch_condition(&c, n, &stop_at, &negated))) {
		char *d = describe_or_text(&c, cond);

		out = join(negated ? negate(d) : d, " and ", out);
		n = stop_at;
	}
	return out;
}
