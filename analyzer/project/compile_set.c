/* Reading the current compile set from setup.py (tree-sitter, never run) and
 * pyproject.toml (hatch-mypyc). */
#include "scout/compile_set.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "scout/source.h"
#include "scout/syntax.h"
#include "scout/toml.h"

typedef struct strs {
	char **items;
	size_t len, cap;
} strs;

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

static void add_strings(strs *out, TSNode list, const char *src, const scout_symbols *s)
{
	uint32_t n = scout_node_named_child_count(list);

	for (uint32_t i = 0; i < n; i++) {
		char *v = string_value(scout_node_named_child(list, i), src, s);

		if (v)
			SCOUT_PUSH(out->items, out->len, out->cap, v);
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

char **scout_compile_set_mypycify(const char *src, size_t len, size_t *count)
{
	const scout_symbols *s = scout_syntax_symbols();
	TSParser *parser = ts_parser_new();
	TSTree *tree;
	TSTreeCursor c;
	strs out = {0};

	ts_parser_set_language(parser, tree_sitter_python());
	ts_parser_set_timeout_micros(parser, 10ull * 1000 * 1000);
	tree = ts_parser_parse_string(parser, NULL, src, (uint32_t)len);
	ts_parser_delete(parser);
	*count = 0;
	if (!tree)
		return NULL;
	c = ts_tree_cursor_new(ts_tree_root_node(tree));
	for (;;) {
		TSNode n = ts_tree_cursor_current_node(&c);

		if (ts_node_symbol(n) == s->call) {
			TSNode fn = scout_node_field(n, s->f_function);
			TSNode args = scout_node_field(n, s->f_arguments);
			TSNode first =
			    ts_node_is_null(args) ? args : scout_node_named_child(args, 0);
			uint32_t flen = 0;
			const char *ftext =
			    ts_node_is_null(fn) ? "" : scout_node_text(fn, src, &flen);

			if (!ts_node_is_null(fn) && flen >= 8 &&
			    memcmp(ftext + flen - 8, "mypycify", 8) == 0 &&
			    !ts_node_is_null(first)) {
				if (strcmp(ts_node_type(first), "identifier") == 0)
					first =
					    assigned_list(ts_tree_root_node(tree), src, first, s);
				if (!ts_node_is_null(first) &&
				    strcmp(ts_node_type(first), "list") == 0)
					add_strings(&out, first, src, s);
			}
		}
		if (ts_tree_cursor_goto_first_child(&c))
			continue;
		while (!ts_tree_cursor_goto_next_sibling(&c))
			if (!ts_tree_cursor_goto_parent(&c))
				goto done;
	}
done:
	ts_tree_cursor_delete(&c);
	ts_tree_delete(tree);
	*count = out.len;
	return out.items;
}

/* A mypycify entry names the module's file, or a directory above it;
 * "--options" are mypy flags. */
static bool entry_covers(const char *entry, const char *path)
{
	size_t n;

	if (scout_str_startswith(entry, "--"))
		return false;
	while (scout_str_startswith(entry, "./"))
		entry += 2;
	if (strcmp(entry, path) == 0)
		return true;
	n = strlen(entry);
	while (n && entry[n - 1] == '/')
		n--;
	return n && strncmp(entry, path, n) == 0 && path[n] == '/' &&
	       !scout_str_endswith(entry, ".py");
}

static bool from_setup_py(scout_scan *scan, const char *dir)
{
	char *path = scout_asprintf("%s/setup.py", dir);
	scout_source src;
	scout_load_error err;
	char **entries;
	size_t n = 0;

	if (scout_source_load(&src, path, &err) < 0) {
		free(path);
		return false;
	}
	free(path);
	entries = scout_compile_set_mypycify(src.data, src.len, &n);
	scout_source_free(&src);
	for (size_t i = 0; i < scan->nmodules; i++)
		for (size_t k = 0; k < n && !scan->modules[i].compiled_now; k++)
			scan->modules[i].compiled_now =
			    entry_covers(entries[k], scan->modules[i].path);
	for (size_t k = 0; k < n; k++)
		free(entries[k]);
	free(entries);
	if (n)
		scan->compile_source = scout_strdup("setup.py mypycify");
	return n > 0;
}

static bool glob_any(const scout_toml *t, const char *key, const char *path, bool *present)
{
	bool hit = false;

	for (size_t i = 0; i < t->len; i++) {
		if (strcmp(t->values[i].key, key) != 0)
			continue;
		*present = true;
		hit = hit || fnmatch(t->values[i].text, path, 0) == 0 ||
		      entry_covers(t->values[i].text, path);
	}
	return hit;
}

static bool from_hatch(scout_scan *scan, const char *dir)
{
	static const char *const sections[] = {"tool.hatch.build.targets.wheel.hooks.mypyc",
	                                       "tool.hatch.build.hooks.mypyc"};
	char *path = scout_asprintf("%s/pyproject.toml", dir);
	scout_toml t;
	bool configured = false;

	if (scout_toml_load(&t, path) < 0) {
		free(path);
		return false;
	}
	free(path);
	for (size_t s = 0; s < 2 && !configured; s++) {
		size_t n = strlen(sections[s]);
		char *inc = scout_asprintf("%s.include", sections[s]);
		char *exc = scout_asprintf("%s.exclude", sections[s]);

		for (size_t i = 0; i < t.len && !configured; i++)
			configured = strncmp(t.values[i].key, sections[s], n) == 0 &&
			             t.values[i].key[n] == '.';
		for (size_t i = 0; configured && i < scan->nmodules; i++) {
			bool has_include = false, has_exclude = false;
			bool in = glob_any(&t, inc, scan->modules[i].path, &has_include);
			bool out = glob_any(&t, exc, scan->modules[i].path, &has_exclude);

			/* without include, hatch-mypyc compiles every module the wheel
			 * holds (test code is not taken to be in the wheel) */
			scan->modules[i].compiled_now =
			    (in || (!has_include && !scout_module_is_test(&scan->modules[i]))) &&
			    !out;
		}
		free(inc);
		free(exc);
	}
	scout_toml_free(&t);
	if (configured)
		scan->compile_source = scout_strdup("pyproject.toml hatch-mypyc");
	return configured;
}

void scout_compile_set_read(scout_scan *scan, const char *dir)
{
	if (!from_setup_py(scan, dir))
		from_hatch(scan, dir);
}
