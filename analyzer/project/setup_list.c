/* The setup.py reader's entry: each mypycify call of a setup.py, run to from
 * the top (setup_eval.c), its list turned into paths from the root. */
#include <stdlib.h>
#include <string.h>

#include "scout/setup_eval.h"
#include "scout/tsutil.h"
#include "setup_eval_internal.h"

static bool is_mypycify(TSNode call, const char *src, const scout_symbols *s)
{
	TSNode fn = scout_node_field(call, s->f_function);
	uint32_t len = 0;
	const char *text = ts_node_is_null(fn) ? "" : scout_node_text(fn, src, &len);

	return len >= 8 && memcmp(text + len - 8, "mypycify", 8) == 0 &&
	       (len == 8 || text[len - 9] == '.');
}

static void note(scout_setup_list *out, uint32_t line, const char *reason)
{
	scout_setup_note n;

	for (size_t i = 0; i < out->nunread; i++)
		if (out->unread[i].line == line && strcmp(out->unread[i].reason, reason) == 0)
			return;
	n.line = line;
	n.reason = scout_strdup(reason);
	SCOUT_PUSH(out->unread, out->nunread, out->unread_cap, n);
}

static void note_unknown(scout_setup_list *out, pv v, uint32_t fallback)
{
	char *reason = scout_asprintf("mypycify's list: %s", v.s);

	note(out, v.line ? v.line : fallback, reason);
	free(reason);
}

static void add_unique(char ***list, size_t *n, size_t *cap, const char *s)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*list)[i], s) == 0)
			return;
	SCOUT_PUSH(*list, *n, *cap, scout_strdup(s));
}

/* One entry of the list: a mypy flag, or a path made relative to the root. */
static void add_entry(scout_setup_list *out, pv_eval *ev, pv item, uint32_t line)
{
	const char *abs;

	if (item.kind == PV_UNKNOWN) {
		note_unknown(out, item, line);
		return;
	}
	if (item.kind != PV_STR) {
		note(out, line, "mypycify's list holds a value that is not a string");
		return;
	}
	if (scout_str_startswith(item.s, "-")) {
		add_unique(&out->mypy_args, &out->nmypy_args, &out->mypy_args_cap, item.s);
		return;
	}
	abs = pv_path_abs(ev, item.s);
	if (!abs) {
		char *r = scout_asprintf("mypycify's list names %s, outside the checkout", item.s);

		note(out, line, r);
		free(r);
		return;
	}
	add_unique(&out->paths, &out->npaths, &out->paths_cap, abs[1] ? abs + 2 : ".");
}

/* A path the list was built without: a string naming a file in the checkout. */
static void add_excluded(scout_setup_list *out, pv_eval *ev, pv item)
{
	const char *abs = item.kind == PV_STR && !scout_str_startswith(item.s, "-")
	                      ? pv_path_abs(ev, item.s)
	                      : NULL;

	if (abs)
		add_unique(&out->excluded, &out->nexcluded, &out->excluded_cap,
		           abs[1] ? abs + 2 : ".");
}

static void read_call(scout_setup_list *out, pv_eval *ev, TSNode root, TSNode call)
{
	pv_scope globals = {0};
	uint32_t line = ts_node_start_point(call).row + 1;

	ev->target = call;
	ev->globals = &globals;
	ev->reached = false;
	ev->steps = 0;
	ev->stop = pv_none();
	ev->dropped = pv_new_list(ev, false);
	pv_block(ev, &globals, root);
	if (!ev->reached) {
		note_unknown(out,
		             ev->stop.kind == PV_UNKNOWN
		                 ? ev->stop
		                 : pv_unknown(ev, call, "the build never reaches the call"),
		             line);
	} else if (ev->target_arg.kind == PV_LIST) {
		for (size_t i = 0; i < ev->target_arg.list->n; i++)
			add_entry(out, ev, ev->target_arg.list->items[i], line);
		for (size_t i = 0; i < ev->dropped.list->n; i++)
			add_excluded(out, ev, ev->dropped.list->items[i]);
	} else if (ev->target_arg.kind == PV_UNKNOWN) {
		note_unknown(out, ev->target_arg, line);
	} else {
		note(out, line, "mypycify is given something other than a list");
	}
	free(globals.items);
}

static int by_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void scout_setup_eval(scout_setup_list *out, const char *root, const char *rel, const char *src,
                      size_t len)
{
	const scout_symbols *s = scout_syntax_symbols();
	TSTree *tree = scout_ts_parse(tree_sitter_python(), src, len);
	pv_eval ev = {0};
	TSTreeCursor c;
	TSNode top;

	memset(out, 0, sizeof(*out));
	if (!tree)
		return;
	top = ts_tree_root_node(tree);
	ev.src = src;
	ev.s = s;
	ev.root = root;
	ev.file = pv_printf(&ev, "\x01/%s", rel);
	ev.cwd = pv_path_dirname(&ev, ev.file);
	c = ts_tree_cursor_new(top);
	do {
		TSNode n = ts_tree_cursor_current_node(&c);

		if (ts_node_symbol(n) != s->call || !is_mypycify(n, src, s))
			continue;
		if (!out->line) {
			out->line = ts_node_start_point(n).row + 1;
			out->condition = pv_condition(src, s, top, n);
		}
		read_call(out, &ev, top, n);
	} while (scout_ts_cursor_next(&c, true));
	ts_tree_cursor_delete(&c);
	ts_tree_delete(tree);
	for (size_t i = 0; i < ev.narena; i++)
		free(ev.arena[i]);
	free(ev.arena);
	if (out->npaths)
		qsort(out->paths, out->npaths, sizeof(*out->paths), by_str);
}

void scout_setup_list_free(scout_setup_list *l)
{
	for (size_t i = 0; i < l->npaths; i++)
		free(l->paths[i]);
	for (size_t i = 0; i < l->nexcluded; i++)
		free(l->excluded[i]);
	free(l->excluded);
	for (size_t i = 0; i < l->nmypy_args; i++)
		free(l->mypy_args[i]);
	for (size_t i = 0; i < l->nunread; i++)
		free(l->unread[i].reason);
	free(l->paths);
	free(l->mypy_args);
	free(l->unread);
	free(l->condition);
	memset(l, 0, sizeof(*l));
}
