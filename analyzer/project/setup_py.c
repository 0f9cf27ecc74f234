/* Reads setup.py's mypycify calls from its syntax tree. */
#include "scout/setup_py.h"

#include <stdlib.h>
#include <string.h>

#include "scout/syntax.h"
#include "scout/tsutil.h"

static char *string_value(TSNode n, const char *src, const scout_symbols *s)
{
	TSNode content;
	uint32_t len;
	const char *text;

	if (ts_node_symbol(n) != s->string || scout_node_named_child_count(n) != 3)
		return NULL;
	content = scout_node_named_child(n, 1);
	if (ts_node_symbol(content) != s->string_content)
		return NULL;
	text = scout_node_text(content, src, &len);
	return scout_strndup(text, len);
}

static void add_strings(scout_setup_py *out, TSNode list, const char *src, const scout_symbols *s)
{
	uint32_t n = scout_node_named_child_count(list);

	for (uint32_t i = 0; i < n; i++) {
		char *v = string_value(scout_node_named_child(list, i), src, s);

		if (v)
			SCOUT_PUSH(out->entries, out->nentries, out->entries_cap, v);
	}
}

/* The list literal last assigned to module-level `name`, or a null node. */
static TSNode assigned_list(TSNode root, const char *src, TSNode name, const scout_symbols *s)
{
	TSNode found = {{0}, 0, 0};
	uint32_t n = scout_node_named_child_count(root);
	uint32_t len;
	const char *want = scout_node_text(name, src, &len);
	char *key = scout_strndup(want, len);

	for (uint32_t i = 0; i < n; i++) {
		TSNode st = scout_node_named_child(root, i), a, left, right;

		if (ts_node_symbol(st) != s->expression_statement)
			continue;
		a = scout_node_named_child(st, 0);
		if (ts_node_symbol(a) != s->assignment)
			continue;
		left = scout_node_field(a, s->f_left);
		right = scout_node_field(a, s->f_right);
		if (!ts_node_is_null(left) && scout_node_text_is(left, src, key) &&
		    !ts_node_is_null(right) && strcmp(ts_node_type(right), "list") == 0)
			found = right;
	}
	free(key);
	return found;
}

static bool is_mypycify(TSNode call, const char *src, const scout_symbols *s)
{
	TSNode fn = scout_node_field(call, s->f_function);
	uint32_t len = 0;
	const char *text = ts_node_is_null(fn) ? "" : scout_node_text(fn, src, &len);

	return len >= 8 && memcmp(text + len - 8, "mypycify", 8) == 0;
}

/* The if statement or conditional expression nearest above n, or 0. */
static uint32_t guard_line(TSNode n, const scout_symbols *s)
{
	for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p))
		if (ts_node_symbol(p) == s->if_statement ||
		    strcmp(ts_node_type(p), "conditional_expression") == 0)
			return ts_node_start_point(p).row + 1;
	return 0;
}

/* Records one mypycify call: its line when it is the first, its list. */
static void add_call(scout_setup_py *out, TSNode call, TSNode root, const char *src,
                     const scout_symbols *s)
{
	TSNode args = scout_node_field(call, s->f_arguments);
	TSNode first = ts_node_is_null(args) ? args : scout_node_named_child(args, 0);

	if (!out->mypycify_line) {
		out->mypycify_line = ts_node_start_point(call).row + 1;
		out->guard_line = guard_line(call, s);
	}
	if (ts_node_is_null(first))
		return;
	if (ts_node_symbol(first) == s->identifier)
		first = assigned_list(root, src, first, s);
	if (!ts_node_is_null(first) && strcmp(ts_node_type(first), "list") == 0)
		add_strings(out, first, src, s);
}

void scout_setup_py_parse(scout_setup_py *out, const char *src, size_t len)
{
	const scout_symbols *s = scout_syntax_symbols();
	TSTree *tree = scout_ts_parse(tree_sitter_python(), src, len);
	TSTreeCursor c;

	memset(out, 0, sizeof(*out));
	if (!tree)
		return;
	c = ts_tree_cursor_new(ts_tree_root_node(tree));
	do {
		TSNode n = ts_tree_cursor_current_node(&c);

		if (ts_node_symbol(n) == s->call && is_mypycify(n, src, s))
			add_call(out, n, ts_tree_root_node(tree), src, s);
	} while (scout_ts_cursor_next(&c, true));
	ts_tree_cursor_delete(&c);
	ts_tree_delete(tree);
}

void scout_setup_py_free(scout_setup_py *s)
{
	for (size_t i = 0; i < s->nentries; i++)
		free(s->entries[i]);
	free(s->entries);
	memset(s, 0, sizeof(*s));
}
