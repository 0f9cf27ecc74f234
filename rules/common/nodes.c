/* Node questions the rules share (common/nodes.h). */
#include "common/nodes.h"

#include <string.h>

int scout_nodes_clip(TSNode n, const char *src, const char **text)
{
	uint32_t len;

	*text = scout_node_text(n, src, &len);
	return len > 80 ? 80 : (int)len;
}

int scout_nodes_clip_line(TSNode n, const char *src, const char **text)
{
	uint32_t len, i;

	if (ts_node_is_null(n)) { /* a def without a name, in a broken tree */
		*text = "?";
		return 1;
	}
	*text = scout_node_text(n, src, &len);
	for (i = 0; i < len && i < 60 && (*text)[i] != '\n' && (*text)[i] != '\r'; i++)
		;
	while (i > 0 && i < len && ((unsigned char)(*text)[i] & 0xc0) == 0x80)
		i--; /* do not cut a UTF-8 sequence */
	return (int)i;
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
