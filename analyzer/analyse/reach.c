/* mypy's reachability (mypy/reachability.py, infer_condition_value and
 * infer_reachability_of_if_statement) over tree-sitter nodes: conditions on
 * sys.version_info, sys.platform, TYPE_CHECKING / MYPY, PY2 / PY3, mypy's
 * always_true / always_false, and the literals True and False. */
#include "scout/reach.h"

#include <stdlib.h>
#include <string.h>

#define MAX_TUPLE 8

/* A comparable value: an int, or a tuple of up to MAX_TUPLE ints. */
typedef struct value {
	long items[MAX_TUPLE];
	int n;        /* number of items */
	bool is_int;  /* a plain int (items[0]) */
	bool is_text; /* a string (text, len) */
	const char *text;
	uint32_t len;
} value;

static TSNode unwrap(TSNode n, const scout_symbols *s)
{
	while (!ts_node_is_null(n) && ts_node_symbol(n) == s->parenthesized_expression &&
	       scout_node_named_child_count(n) == 1)
		n = scout_node_named_child(n, 0);
	return n;
}

TSNode scout_reach_unwrap(TSNode n)
{
	return unwrap(n, scout_syntax_symbols());
}

static bool text_is(TSNode n, const char *src, const char *word)
{
	uint32_t len;
	const char *t = scout_node_text(n, src, &len);

	return len == strlen(word) && memcmp(t, word, len) == 0;
}

/* `sys.<name>`, with sys named so (mypy's is_sys_attr). */
static bool is_sys_attr(TSNode n, const char *src, const scout_symbols *s, const char *name)
{
	TSNode obj, attr;

	n = unwrap(n, s);
	if (ts_node_is_null(n) || ts_node_symbol(n) != s->attribute)
		return false;
	obj = scout_node_field(n, s->f_object);
	attr = scout_node_field(n, s->f_attribute);
	return !ts_node_is_null(obj) && ts_node_symbol(obj) == s->identifier &&
	       text_is(obj, src, "sys") && !ts_node_is_null(attr) && text_is(attr, src, name);
}

/* A decimal integer literal (mypy's IntExpr). */
static bool int_of(TSNode n, const char *src, const scout_symbols *s, long *out)
{
	uint32_t len;
	const char *t;
	char buf[24];
	char *end;

	n = unwrap(n, s);
	if (ts_node_is_null(n) || ts_node_symbol(n) != s->integer)
		return false;
	t = scout_node_text(n, src, &len);
	if (len == 0 || len >= sizeof(buf) || strspn(t, "0123456789") < len)
		return false;
	memcpy(buf, t, len);
	buf[len] = '\0';
	*out = strtol(buf, &end, 10);
	return *end == '\0';
}

/* An int, or a tuple of ints (mypy's contains_int_or_tuple_of_ints). */
static bool ints_of(TSNode n, const char *src, const scout_symbols *s, value *out)
{
	memset(out, 0, sizeof(*out));
	n = unwrap(n, s);
	if (ts_node_is_null(n))
		return false;
	if (int_of(n, src, s, &out->items[0])) {
		out->is_int = true;
		out->n = 1;
		return true;
	}
	if (ts_node_symbol(n) != s->tuple)
		return false;
	for (uint32_t i = 0, count = scout_node_named_child_count(n); i < count; i++) {
		TSNode item = scout_node_named_child(n, i);

		if (ts_node_symbol(item) == s->comment)
			continue;
		if (out->n == MAX_TUPLE || !int_of(item, src, s, &out->items[out->n]))
			return false;
		out->n++;
	}
	return true;
}

/* The [lo:hi] of a slice of ints; a missing bound is -1. False for a step
 * other than 1 or a bound that is not an int literal. */
static bool slice_of(TSNode n, const char *src, const scout_symbols *s, long *lo, long *hi)
{
	uint32_t count = scout_node_child_count(n);
	int colons = 0;

	*lo = *hi = -1;
	for (uint32_t i = 0; i < count; i++) {
		TSNode c = scout_node_child(n, i);
		long v;

		if (!ts_node_is_named(c)) {
			colons++;
			continue;
		}
		if (ts_node_symbol(c) == s->comment)
			continue;
		if (!int_of(c, src, s, &v) || (colons == 2 && v != 1))
			return false;
		if (colons == 0)
			*lo = v;
		else if (colons == 1)
			*hi = v;
	}
	return true;
}

/* The part of (major, minor) an expression takes of sys.version_info
 * (mypy's contains_sys_version_info): *index >= 0 for version_info[i],
 * else the slice [lo:hi). */
static bool version_part(TSNode n, const char *src, const scout_symbols *s, long *index, long *lo,
                         long *hi)
{
	TSNode sub;

	n = unwrap(n, s);
	*index = -1;
	*lo = *hi = -1;
	if (ts_node_is_null(n))
		return false;
	if (is_sys_attr(n, src, s, "version_info"))
		return true;
	if (ts_node_symbol(n) != s->subscript ||
	    !is_sys_attr(scout_node_field(n, s->f_value), src, s, "version_info"))
		return false;
	if (scout_node_named_child_count(n) != 2)
		return false; /* version_info[a, b] */
	sub = scout_node_named_child(n, 1);
	if (ts_node_symbol(sub) == s->slice)
		return slice_of(sub, src, s, lo, hi);
	return int_of(sub, src, s, index);
}

/* Python's comparison of two tuples of ints (or two ints). */
static int compare(const value *a, const value *b)
{
	for (int i = 0; i < a->n && i < b->n; i++)
		if (a->items[i] != b->items[i])
			return a->items[i] < b->items[i] ? -1 : 1;
	return (a->n > b->n) - (a->n < b->n);
}

static scout_truth truth(bool b)
{
	return b ? SCOUT_TRUTH_ALWAYS_TRUE : SCOUT_TRUTH_ALWAYS_FALSE;
}

/* mypy's fixed_comparison for an operator token. */
static scout_truth fixed(int c, TSSymbol op, const scout_symbols *s)
{
	if (op == s->op_eq)
		return truth(c == 0);
	if (op == s->op_ne)
		return truth(c != 0);
	if (op == s->op_lt)
		return truth(c < 0);
	if (op == s->op_le)
		return truth(c <= 0);
	if (op == s->op_gt)
		return truth(c > 0);
	if (op == s->op_ge)
		return truth(c >= 0);
	return SCOUT_TRUTH_UNKNOWN;
}

static TSSymbol reverse(TSSymbol op, const scout_symbols *s)
{
	if (op == s->op_lt)
		return s->op_gt;
	if (op == s->op_gt)
		return s->op_lt;
	if (op == s->op_le)
		return s->op_ge;
	if (op == s->op_ge)
		return s->op_le;
	return op;
}

/* The operands and the one operator of a comparison; false when chained. */
static bool comparison(TSNode n, const scout_symbols *s, TSNode *left, TSSymbol *op, TSNode *right)
{
	uint32_t count = scout_node_child_count(n), operands = 0, ops = 0;

	for (uint32_t i = 0; i < count; i++) {
		TSNode c = scout_node_child(n, i);

		if (ts_node_symbol(c) == s->comment)
			continue;
		if (ts_node_is_named(c)) {
			*(operands++ ? right : left) = c;
			if (operands > 2)
				return false;
		} else {
			*op = ts_node_symbol(c);
			ops++;
		}
	}
	return operands == 2 && ops == 1;
}

/* mypy's consider_sys_version_info. */
static scout_truth version_condition(TSNode n, const char *src, const scout_symbols *s,
                                     const scout_target *t)
{
	TSNode left, right, tmp;
	TSSymbol op = 0;
	long index, lo, hi;
	value thing, have = {{0}, 0, false, false, NULL, 0};

	if (!comparison(n, s, &left, &op, &right))
		return SCOUT_TRUTH_UNKNOWN;
	if (op != s->op_eq && op != s->op_ne && op != s->op_lt && op != s->op_le &&
	    op != s->op_gt && op != s->op_ge)
		return SCOUT_TRUTH_UNKNOWN;
	if (!version_part(left, src, s, &index, &lo, &hi) || !ints_of(right, src, s, &thing)) {
		tmp = left;
		left = right;
		right = tmp;
		op = reverse(op, s);
		if (!version_part(left, src, s, &index, &lo, &hi) ||
		    !ints_of(right, src, s, &thing))
			return SCOUT_TRUTH_UNKNOWN;
	}
	if (index >= 0 || thing.is_int) {
		if (index < 0 || !thing.is_int || index > 1)
			return SCOUT_TRUTH_UNKNOWN;
		have.n = 1;
		have.items[0] = index == 0 ? t->major : t->minor;
		return fixed(compare(&have, &thing), op, s);
	}
	lo = lo < 0 ? 0 : lo;
	hi = hi < 0 ? 2 : hi;
	if (!(0 <= lo && lo < hi && hi <= 2))
		return SCOUT_TRUTH_UNKNOWN;
	for (long i = lo; i < hi; i++)
		have.items[have.n++] = i == 0 ? t->major : t->minor;
	if (have.n == thing.n || (have.n > thing.n && op != s->op_eq && op != s->op_ne))
		return fixed(compare(&have, &thing), op, s);
	return SCOUT_TRUTH_UNKNOWN;
}

/* A plain string literal's contents (no prefix but r/u, no interpolation). */
static bool string_of(TSNode n, const char *src, const scout_symbols *s, const char **text,
                      uint32_t *len)
{
	uint32_t count, plen;
	const char *p;

	n = unwrap(n, s);
	if (ts_node_is_null(n) || ts_node_symbol(n) != s->string)
		return false;
	p = scout_node_text(n, src, &plen);
	if (plen == 0 || (p[0] != '"' && p[0] != '\''))
		return false;
	*text = "";
	*len = 0;
	count = scout_node_named_child_count(n);
	for (uint32_t i = 0; i < count; i++) {
		TSNode c = scout_node_named_child(n, i);

		if (ts_node_symbol(c) == s->string_content) {
			*text = scout_node_text(c, src, len);
			if (memchr(*text, '\\', *len))
				return false;
		} else if (ts_node_symbol(c) == s->interpolation) {
			return false;
		}
	}
	return true;
}

static const char *platform_of(const scout_target *t)
{
	return t->platform ? t->platform : SCOUT_TARGET_DEFAULT_PLATFORM;
}

/* mypy's consider_sys_platform: sys.platform == / != "x", and
 * sys.platform.startswith("x"). */
static scout_truth platform_condition(TSNode n, const char *src, const scout_symbols *s,
                                      const scout_target *t)
{
	const char *text, *have = platform_of(t);
	uint32_t len;

	if (ts_node_symbol(n) == s->comparison_operator) {
		TSNode left, right;
		TSSymbol op = 0;

		if (!comparison(n, s, &left, &op, &right) || (op != s->op_eq && op != s->op_ne) ||
		    !is_sys_attr(left, src, s, "platform") ||
		    !string_of(right, src, s, &text, &len))
			return SCOUT_TRUTH_UNKNOWN;
		return truth((strlen(have) == len && memcmp(have, text, len) == 0) ==
		             (op == s->op_eq));
	}
	if (ts_node_symbol(n) == s->call) {
		TSNode fn = scout_node_field(n, s->f_function),
		       args = scout_node_field(n, s->f_arguments);

		if (ts_node_is_null(fn) || ts_node_symbol(fn) != s->attribute ||
		    !text_is(scout_node_field(fn, s->f_attribute), src, "startswith") ||
		    !is_sys_attr(scout_node_field(fn, s->f_object), src, s, "platform") ||
		    ts_node_is_null(args) || ts_node_symbol(args) != s->argument_list ||
		    scout_node_named_child_count(args) != 1 ||
		    !string_of(scout_node_named_child(args, 0), src, s, &text, &len))
			return SCOUT_TRUTH_UNKNOWN;
		return truth(strlen(have) >= len && memcmp(have, text, len) == 0);
	}
	return SCOUT_TRUTH_UNKNOWN;
}

static bool listed(const char *const *names, const char *text, uint32_t len)
{
	for (; names && *names; names++)
		if (strlen(*names) == len && memcmp(*names, text, len) == 0)
			return true;
	return false;
}

/* The name a condition is: an identifier's, or an attribute's last part. */
static scout_truth name_condition(TSNode n, const char *src, const scout_symbols *s,
                                  const scout_target *t)
{
	const char *text;
	uint32_t len;

	if (ts_node_symbol(n) == s->attribute)
		n = scout_node_field(n, s->f_attribute);
	if (ts_node_is_null(n) || ts_node_symbol(n) != s->identifier)
		return SCOUT_TRUTH_UNKNOWN;
	text = scout_node_text(n, src, &len);
	if (len == 3 && memcmp(text, "PY2", 3) == 0)
		return SCOUT_TRUTH_ALWAYS_FALSE;
	if (len == 3 && memcmp(text, "PY3", 3) == 0)
		return SCOUT_TRUTH_ALWAYS_TRUE;
	if ((len == 4 && memcmp(text, "MYPY", 4) == 0) ||
	    (len == 13 && memcmp(text, "TYPE_CHECKING", 13) == 0))
		return SCOUT_TRUTH_MYPY_TRUE;
	if (listed(t->always_true, text, len))
		return SCOUT_TRUTH_ALWAYS_TRUE;
	if (listed(t->always_false, text, len))
		return SCOUT_TRUTH_ALWAYS_FALSE;
	return SCOUT_TRUTH_UNKNOWN;
}

static scout_truth negate(scout_truth v)
{
	switch (v) {
	case SCOUT_TRUTH_ALWAYS_TRUE:
		return SCOUT_TRUTH_ALWAYS_FALSE;
	case SCOUT_TRUTH_ALWAYS_FALSE:
		return SCOUT_TRUTH_ALWAYS_TRUE;
	case SCOUT_TRUTH_MYPY_TRUE:
		return SCOUT_TRUTH_MYPY_FALSE;
	case SCOUT_TRUTH_MYPY_FALSE:
		return SCOUT_TRUTH_MYPY_TRUE;
	default:
		return SCOUT_TRUTH_UNKNOWN;
	}
}

static bool is_true(scout_truth v)
{
	return v == SCOUT_TRUTH_ALWAYS_TRUE || v == SCOUT_TRUTH_MYPY_TRUE;
}

static bool is_false(scout_truth v)
{
	return v == SCOUT_TRUTH_ALWAYS_FALSE || v == SCOUT_TRUTH_MYPY_FALSE;
}

/* Conditions nest (`not (a and b)`) no deeper than this; deeper is unknown. */
#define MAX_DEPTH 64

/* literals: True and False decide (an if statement); mypy's
 * assert_will_always_fail knows neither (they are plain names to
 * infer_condition_value). */
static scout_truth condition(TSNode n, const char *src, const scout_symbols *s,
                             const scout_target *t, int depth, bool literals)
{
	scout_truth v;
	bool negated = false;

	n = unwrap(n, s);
	if (ts_node_is_null(n) || depth > MAX_DEPTH)
		return SCOUT_TRUTH_UNKNOWN;
	if (ts_node_symbol(n) == s->not_operator) {
		n = unwrap(scout_node_field(n, s->f_argument), s);
		negated = true;
		if (ts_node_is_null(n))
			return SCOUT_TRUTH_UNKNOWN;
	}
	if (ts_node_symbol(n) == s->boolean_operator) {
		TSNode op = scout_node_field(n, s->f_operator);
		bool is_and = !ts_node_is_null(op) && ts_node_symbol(op) == s->op_and;
		scout_truth left =
		    condition(scout_node_field(n, s->f_left), src, s, t, depth + 1, literals);

		/* `True and x`, `False or x`: x decides; else the left side does */
		v = (is_true(left) && is_and) || (is_false(left) && !is_and)
		        ? condition(scout_node_field(n, s->f_right), src, s, t, depth + 1, literals)
		        : left;
	} else if (ts_node_symbol(n) == s->true_) {
		v = literals ? SCOUT_TRUTH_ALWAYS_TRUE : SCOUT_TRUTH_UNKNOWN;
	} else if (ts_node_symbol(n) == s->false_) {
		v = literals ? SCOUT_TRUTH_ALWAYS_FALSE : SCOUT_TRUTH_UNKNOWN;
	} else if (ts_node_symbol(n) == s->identifier || ts_node_symbol(n) == s->attribute) {
		v = name_condition(n, src, s, t);
	} else {
		v = version_condition(n, src, s, t);
		if (v == SCOUT_TRUTH_UNKNOWN)
			v = platform_condition(n, src, s, t);
	}
	return negated ? negate(v) : v;
}

static scout_truth evaluate(TSNode cond, const char *src, const scout_target *target, bool literals)
{
	scout_target dflt = {SCOUT_TARGET_DEFAULT_MAJOR, SCOUT_TARGET_DEFAULT_MINOR, NULL, NULL,
	                     NULL};

	if (!target || target->major == 0)
		target = &dflt;
	return condition(cond, src, scout_syntax_symbols(), target, 0, literals);
}

scout_truth scout_reach_condition(TSNode cond, const char *src, const scout_target *target)
{
	return evaluate(cond, src, target, true);
}

void scout_reach_if_each(TSNode if_stmt, const char *src, const scout_target *target,
                         void (*each)(void *ctx, TSNode block, unsigned reach), void *ctx)
{
	const scout_symbols *s = scout_syntax_symbols();
	uint32_t count = scout_node_named_child_count(if_stmt);
	bool decided = false;  /* an earlier condition is always true */
	bool all_false = true; /* every earlier condition is ALWAYS_FALSE */

	for (uint32_t i = 0; i < count; i++) {
		TSNode c = scout_node_named_child(if_stmt, i), block, cond;
		TSSymbol t = ts_node_symbol(c);
		unsigned reach = all_false ? SCOUT_REACH_AFTER_FALSE : 0;
		scout_truth v = SCOUT_TRUTH_UNKNOWN;

		if (t == s->block && i > 0) { /* the if's own body */
			cond = scout_node_field(if_stmt, s->f_condition);
			block = c;
		} else if (t == s->elif_clause) {
			cond = scout_node_field(c, s->f_condition);
			block = scout_node_field(c, s->f_consequence);
		} else if (t == s->else_clause) {
			cond = (TSNode){{0}, 0, 0};
			block = scout_node_field(c, s->f_body);
		} else {
			continue;
		}
		if (!ts_node_is_null(cond) && !decided)
			v = scout_reach_condition(cond, src, target);
		if (!ts_node_is_null(cond))
			all_false = all_false && v == SCOUT_TRUTH_ALWAYS_FALSE;
		if (ts_node_is_null(block))
			continue;
		if (decided || is_false(v))
			reach |= SCOUT_REACH_DEAD;
		else if (is_true(v))
			decided = true;
		each(ctx, block, reach);
	}
}

typedef struct skip_ctx {
	void (*skip)(void *ctx, TSNode block);
	void *ctx;
} skip_ctx;

static void skip_dead(void *ctx, TSNode block, unsigned reach)
{
	const skip_ctx *k = ctx;

	if (reach & SCOUT_REACH_DEAD)
		k->skip(k->ctx, block);
}

void scout_reach_if(TSNode if_stmt, const char *src, const scout_target *target,
                    void (*skip)(void *ctx, TSNode block), void *ctx)
{
	skip_ctx k = {skip, ctx};

	scout_reach_if_each(if_stmt, src, target, skip_dead, &k);
}

bool scout_reach_assert_fails(TSNode assert_stmt, const char *src, const scout_target *target)
{
	const scout_symbols *s = scout_syntax_symbols();
	TSNode cond;

	if (ts_node_symbol(assert_stmt) != s->assert_statement ||
	    scout_node_named_child_count(assert_stmt) == 0)
		return false;
	cond = scout_node_named_child(assert_stmt, 0);
	if (ts_node_symbol(cond) == s->comment)
		return false;
	return is_false(evaluate(cond, src, target, false));
}
