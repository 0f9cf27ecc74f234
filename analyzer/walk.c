/* The single iterative cursor walk over a module's tree (no recursion, so no
 * input can overflow the C stack). Keeps the ancestor stack that rules use,
 * and feeds the annotation counter, the syntax-error check and the rules. */
#include "scout/walk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annotations.h"
#include "imports.h"
#include "rule.h"
#include "project_rules.h"
#include "suppress.h"

static void byte_position(const scout_walk *w, uint32_t byte, TSPoint p, uint32_t *line,
                          uint32_t *column)
{
	const unsigned char *s = (const unsigned char *)w->src;
	uint32_t row_start = byte >= p.column ? byte - p.column : 0, cps = 0;

	for (uint32_t i = row_start; i < byte && i < w->len; i++)
		cps += (s[i] & 0xc0) != 0x80;
	*line = p.row + 1;
	*column = cps + 1;
}

void scout_walk_node_start(const scout_walk *w, TSNode node, uint32_t *line, uint32_t *column)
{
	byte_position(w, ts_node_start_byte(node), ts_node_start_point(node), line, column);
}

void scout_walk_node_end(const scout_walk *w, TSNode node, uint32_t *line, uint32_t *column)
{
	byte_position(w, ts_node_end_byte(node), ts_node_end_point(node), line, column);
}

void scout_walk_report(scout_walk *w, const scout_rule *rule, TSNode node, const char *message,
                       const char *fix)
{
	uint32_t line, column, end_line, end_column;

	if (scout_rule_ignored_in(rule, w->config, w->module->path))
		return;
	byte_position(w, ts_node_start_byte(node), ts_node_start_point(node), &line, &column);
	byte_position(w, ts_node_end_byte(node), ts_node_end_point(node), &end_line, &end_column);
	scout_module_add_finding(w->module, rule->id, rule->category, line, column, end_line,
	                         end_column, message, fix ? fix : rule->fix);
}

static void report_syntax_error(scout_walk *w, TSNode node)
{
	char message[160];

	if (ts_node_is_missing(node)) {
		snprintf(message, sizeof(message), "syntax error: missing '%s'",
		         ts_node_type(node));
	} else {
		uint32_t len, n = 0;
		const char *text = scout_node_text(node, w->src, &len);

		while (n < len && n < 40 && text[n] != '\n' && text[n] != '\r')
			n++;
		while (n > 0 && n < len && ((unsigned char)text[n] & 0xc0) == 0x80)
			n--; /* do not cut a UTF-8 sequence */
		snprintf(message, sizeof(message), "syntax error: unexpected '%.*s%s'", (int)n,
		         text, n < len ? "..." : "");
	}
	scout_walk_report(w, &scout_rule_syntax_error, node, message, NULL);
	w->has_error = true;
}

static void push(scout_walk *w, TSNode node)
{
	if (w->depth == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 64;
		w->stack = scout_realloc(w->stack, w->cap * sizeof(*w->stack));
	}
	w->stack[w->depth++] = node;
}

static void enter(scout_walk *w, TSNode node)
{
	TSSymbol t = ts_node_symbol(node);

	push(w, node);
	if (t == w->sym->type)
		w->in_type++;
	if (!w->has_error && (t == w->sym->error || ts_node_is_missing(node)))
		report_syntax_error(w, node);
	if (t == w->sym->comment)
		scout_suppress_collect(w, node);
	else if (t == w->sym->class_definition)
		scout_class_index_collect(w, node);
	scout_annotations_enter(w, node);
	scout_imports_enter(w, node);
	scout_rules_enter(w, node);
}

static void leave(scout_walk *w)
{
	TSNode node = w->stack[--w->depth];

	if (ts_node_symbol(node) == w->sym->type)
		w->in_type--;
}

void scout_walk_module(scout_walk *w, TSTree *tree)
{
	TSNode root = ts_tree_root_node(tree);
	TSTreeCursor cursor = ts_tree_cursor_new(root);

	w->sym = scout_syntax_symbols();
	enter(w, root);
	for (;;) {
		if (ts_tree_cursor_goto_first_child(&cursor)) {
			enter(w, ts_tree_cursor_current_node(&cursor));
			continue;
		}
		for (;;) {
			leave(w);
			if (ts_tree_cursor_goto_next_sibling(&cursor)) {
				enter(w, ts_tree_cursor_current_node(&cursor));
				break;
			}
			if (!ts_tree_cursor_goto_parent(&cursor)) {
				ts_tree_cursor_delete(&cursor);
				scout_suppress_apply(w);
				return;
			}
		}
	}
}
