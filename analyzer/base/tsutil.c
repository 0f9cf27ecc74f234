/* A one-shot parse and the preorder step of a tree-cursor walk. */
#include "scout/tsutil.h"

#include <stdint.h>
#include <stdlib.h>

#include "scout/common.h"

#define PARSE_TIMEOUT_MICROS (10ull * 1000 * 1000)

TSTree *scout_ts_parse(const TSLanguage *lang, const char *src, size_t len)
{
	TSParser *parser;
	TSTree *tree;

	if (len > UINT32_MAX)
		return NULL;
	parser = ts_parser_new();
	ts_parser_set_language(parser, lang);
	ts_parser_set_timeout_micros(parser, PARSE_TIMEOUT_MICROS);
	tree = ts_parser_parse_string(parser, NULL, src, (uint32_t)len);
	ts_parser_delete(parser);
	return tree;
}

void scout_ts_use_our_allocator(void)
{
	ts_set_allocator(scout_malloc, scout_calloc, scout_realloc, free);
}

bool scout_ts_cursor_next(TSTreeCursor *c, bool descend)
{
	if (descend && ts_tree_cursor_goto_first_child(c))
		return true;
	while (!ts_tree_cursor_goto_next_sibling(c))
		if (!ts_tree_cursor_goto_parent(c))
			return false;
	return true;
}
