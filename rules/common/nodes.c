/* Node questions the rules share (common/nodes.h). */
#include "common/nodes.h"

#include <string.h>

#define RING_SLOTS 16
#define ELLIPSIS   "\xE2\x80\xA6"

static _Thread_local char ring[RING_SLOTS][SCOUT_NODES_RING_TEXT];
static _Thread_local unsigned ring_next;

static bool is_name(const char *text, uint32_t len)
{
	for (uint32_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];

		if (!(c == '_' || c == '.' || c >= 0x80 || (c >= '0' && c <= '9') ||
		      ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')))
			return false;
	}
	return true;
}

/* text[0..len) cut at its first line end and to `max` bytes (a name: to
 * SCOUT_NODES_NAME_MAX), "…" after a cut, copied into the next ring slot. */
static const char *cut(const char *text, uint32_t len, uint32_t max, int *out_len)
{
	char *slot = ring[ring_next++ % RING_SLOTS];
	uint32_t i;

	if (is_name(text, len))
		max = SCOUT_NODES_NAME_MAX;
	for (i = 0; i < len && i < max && text[i] != '\n' && text[i] != '\r'; i++)
		;
	while (i > 0 && i < len && ((unsigned char)text[i] & 0xc0) == 0x80)
		i--; /* do not cut a UTF-8 sequence */
	memcpy(slot, text, i);
	if (i < len)
		memcpy(slot + i, ELLIPSIS, sizeof(ELLIPSIS)); /* with its NUL */
	else
		slot[i] = '\0';
	*out_len = (int)strlen(slot);
	return slot;
}

const char *scout_nodes_text_cut(TSNode n, const char *src, uint32_t max)
{
	uint32_t len;
	const char *text;
	int n_out;

	if (ts_node_is_null(n))
		return "";
	text = scout_node_text(n, src, &len);
	return cut(text, len, max, &n_out);
}

int scout_nodes_clip(TSNode n, const char *src, const char **text)
{
	uint32_t len;
	const char *whole = scout_node_text(n, src, &len);
	int n_out;

	*text = cut(whole, len, 80, &n_out);
	return n_out;
}

int scout_nodes_clip_line(TSNode n, const char *src, const char **text)
{
	uint32_t len;
	const char *whole;
	int n_out;

	if (ts_node_is_null(n)) { /* a def without a name, in a broken tree */
		*text = "?";
		return 1;
	}
	whole = scout_node_text(n, src, &len);
	*text = cut(whole, len, 60, &n_out);
	return n_out;
}

bool scout_nodes_same_text(const scout_walk *w, TSNode a, TSNode b)
{
	uint32_t la, lb;
	const char *ta = scout_node_text(a, w->src, &la), *tb = scout_node_text(b, w->src, &lb);

	return la == lb && memcmp(ta, tb, la) == 0;
}

bool scout_nodes_text_eq(TSNode n, const char *src, const char *s, uint32_t len)
{
	uint32_t l;
	const char *t = scout_node_text(n, src, &l);

	return l == len && memcmp(t, s, len) == 0;
}

uint32_t scout_nodes_argument_count(const scout_walk *w, TSNode args)
{
	uint32_t n = 0, count;

	if (ts_node_is_null(args))
		return 0;
	if (!scout_nodes_is(args, w->sym->argument_list))
		return 1; /* f(x for x in y): the generator is the arguments */
	count = scout_node_named_child_count(args);
	for (uint32_t i = 0; i < count; i++)
		n += !scout_nodes_is(scout_node_named_child(args, i), w->sym->comment);
	return n;
}

bool scout_nodes_str_literal(const scout_walk *w, TSNode n)
{
	const scout_symbols *s = w->sym;
	uint32_t count, len;
	const char *text;

	if (ts_node_symbol(n) != s->string) {
		if (ts_node_symbol(n) != s->concatenated_string)
			return false;
		count = scout_node_named_child_count(n);
		for (uint32_t i = 0; i < count; i++)
			if (!scout_nodes_str_literal(w, scout_node_named_child(n, i)))
				return false;
		return count > 0;
	}
	text = scout_node_text(n, w->src, &len);
	for (uint32_t i = 0; i < len && text[i] != '"' && text[i] != '\''; i++)
		if (strchr("bBfFtT", text[i]))
			return false;
	return true;
}

bool scout_nodes_str_content(const scout_walk *w, TSNode n, const char **text, uint32_t *len)
{
	const scout_symbols *s = w->sym;
	uint32_t count;

	if (ts_node_symbol(n) != s->string || !scout_nodes_str_literal(w, n))
		return false;
	count = scout_node_named_child_count(n);
	*text = "";
	*len = 0;
	for (uint32_t i = 0; i < count; i++) {
		TSNode c = scout_node_named_child(n, i);

		if (ts_node_symbol(c) == s->string_content) {
			*text = scout_node_text(c, w->src, len);
			break;
		}
	}
	return true;
}

TSNode scout_nodes_argument_at(const scout_walk *w, TSNode args, uint32_t index)
{
	uint32_t count = scout_node_named_child_count(args);

	for (uint32_t i = 0; i < count; i++) {
		TSNode a = scout_node_named_child(args, i);

		if (scout_nodes_is(a, w->sym->comment))
			continue;
		if (index-- == 0)
			return a;
	}
	return SCOUT_NULL_NODE;
}

const char *scout_nodes_word_of(const scout_walk *w, TSNode ident, const char *const *words)
{
	uint32_t len;
	const char *text = scout_node_text(ident, w->src, &len);

	for (; *words; words++)
		if (len && (*words)[0] == text[0] && strlen(*words) == len &&
		    memcmp(*words, text, len) == 0)
			return *words;
	return NULL;
}

/* The name expression an identifier (the current node) ends: the
 * identifier itself, or the attribute `a.b.name` whose last part it is.
 * *up is set to its depth above the current node. */
static TSNode name_expression(const scout_walk *w, TSNode ident, uint32_t *up)
{
	TSNode parent = scout_walk_ancestor(w, 1);

	*up = 0;
	if (scout_nodes_is(parent, w->sym->attribute) &&
	    ts_node_end_byte(parent) == ts_node_end_byte(ident)) {
		*up = 1;
		return parent;
	}
	return ident;
}

/* The call whose callee is the node `up` levels above the current node, or
 * null. The callee is the call's first child, so it starts where the call
 * does. */
static TSNode call_of_callee(const scout_walk *w, uint32_t up)
{
	TSNode callee = scout_walk_ancestor(w, up), call = scout_walk_ancestor(w, up + 1);

	if (scout_nodes_is(call, w->sym->call) &&
	    ts_node_start_byte(call) == ts_node_start_byte(callee) &&
	    !scout_nodes_is(callee, w->sym->argument_list))
		return call;
	return SCOUT_NULL_NODE;
}

TSNode scout_nodes_call_to(const scout_walk *w, TSNode ident, const char *const *names)
{
	uint32_t up;
	TSNode callee = name_expression(w, ident, &up);
	TSNode call = call_of_callee(w, up);

	if (ts_node_is_null(call) || !scout_walk_is(w, callee, names))
		return SCOUT_NULL_NODE;
	return call;
}

bool scout_nodes_contains(const scout_walk *w, TSNode n, const char *needle, size_t nlen)
{
	uint32_t len;
	const char *text = scout_node_text(n, w->src, &len);

	return scout_mem_contains(text, len, needle, nlen);
}

/* True inside the body of an `if TYPE_CHECKING:` (mypy marks it mypy-only
 * and mypyc builds no import for it). */
bool scout_nodes_mypy_only(const scout_walk *w)
{
	for (uint32_t up = 1; up + 1 < w->depth; up++) {
		TSSymbol t = scout_walk_ancestor_symbol(w, up + 1);
		TSNode parent = scout_walk_ancestor(w, up + 1), cond;

		if (scout_walk_ancestor_symbol(w, up) != w->sym->block ||
		    (t != w->sym->if_statement && t != w->sym->elif_clause))
			continue;
		cond = scout_node_field(parent, w->sym->f_condition);
		if (!ts_node_is_null(cond) &&
		    scout_reach_condition(cond, w->src, w->config ? &w->config->target : NULL) ==
		        SCOUT_TRUTH_MYPY_TRUE)
			return true;
	}
	return false;
}
