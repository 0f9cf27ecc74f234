/* The packaging keywords of setup.py's setup(...) calls, read from the
 * syntax tree, never run: packages (a list of strings, or find_packages /
 * find_namespace_packages with where, include and exclude), package_dir (a
 * dict of strings), py_modules, and whether ext_modules is passed. A name
 * stands for the value a module-level assignment gives it; anything else
 * computed is unreadable, and said so. */
#include <stdlib.h>
#include <string.h>

#include "scope_setuptools.h"
#include "scout/source.h"
#include "scout/syntax.h"
#include "scout/tsutil.h"

typedef struct reader {
	const char *src;
	TSNode root;
	const scout_symbols *s;
	scope_spec *out;
} reader;

static bool is(TSNode n, const char *type)
{
	return !ts_node_is_null(n) && strcmp(ts_node_type(n), type) == 0;
}

/* A plain string literal's text (owned), or NULL. */
static char *string_value(const reader *r, TSNode n)
{
	uint32_t len, count = ts_node_is_null(n) ? 0 : ts_node_named_child_count(n);
	TSNode content;
	const char *text;

	if (ts_node_is_null(n) || ts_node_symbol(n) != r->s->string)
		return NULL;
	if (count == 2)
		return scout_strdup(""); /* "" */
	content = ts_node_named_child(n, 1);
	if (count != 3 || ts_node_symbol(content) != r->s->string_content)
		return NULL;
	text = scout_node_text(content, r->src, &len);
	return scout_strndup(text, len);
}

/* The value last assigned to module-level `name`, else the node itself. */
static TSNode resolve(const reader *r, TSNode n)
{
	TSNode found = n;
	uint32_t count = ts_node_named_child_count(r->root), len;
	const char *name;
	char *key;

	if (ts_node_symbol(n) != r->s->identifier)
		return n;
	name = scout_node_text(n, r->src, &len);
	key = scout_strndup(name, len);
	for (uint32_t i = 0; i < count; i++) {
		TSNode st = ts_node_named_child(r->root, i), a, left;

		if (ts_node_symbol(st) != r->s->expression_statement)
			continue;
		a = ts_node_named_child(st, 0);
		left = ts_node_child_by_field_id(a, r->s->f_left);
		if (ts_node_symbol(a) == r->s->assignment && !ts_node_is_null(left) &&
		    scout_node_text_is(left, r->src, key))
			found = ts_node_child_by_field_id(a, r->s->f_right);
	}
	free(key);
	return found;
}

/* A list or tuple of string literals into out; false when it is not one. */
static bool strings(const reader *r, TSNode n, scope_list *out)
{
	uint32_t count;

	n = resolve(r, n);
	if (!is(n, "list") && !is(n, "tuple"))
		return false;
	count = ts_node_named_child_count(n);
	for (uint32_t i = 0; i < count; i++) {
		char *v = string_value(r, ts_node_named_child(n, i));

		if (!v && !is(ts_node_named_child(n, i), "comment"))
			return false;
		if (v)
			SCOUT_PUSH(out->v, out->n, out->cap, v);
	}
	return true;
}

/* find_packages(where, exclude, include) and find_namespace_packages. */
static bool find_call(const reader *r, TSNode call)
{
	TSNode fn = ts_node_child_by_field_id(call, r->s->f_function);
	TSNode args = ts_node_child_by_field_id(call, r->s->f_arguments);
	uint32_t len, count = ts_node_is_null(args) ? 0 : ts_node_named_child_count(args);
	const char *name = scout_node_text(fn, r->src, &len);
	bool ns = len >= 23 && !memcmp(name + len - 23, "find_namespace_packages", 23);
	static const char *const params[] = {"where", "exclude", "include"};

	if (!ns && !(len >= 13 && !memcmp(name + len - 13, "find_packages", 13)))
		return false;
	r->out->find = true;
	r->out->finder = ns ? SCOPE_FIND_PEP420 : SCOPE_FIND_PACKAGES;
	r->out->packages_from = ns ? "setup.py packages=find_namespace_packages(...)"
	                           : "setup.py packages=find_packages(...)";
	for (uint32_t i = 0; i < count; i++) {
		TSNode a = ts_node_named_child(args, i), value = a;
		int which = (int)i;
		char *where;

		if (ts_node_symbol(a) == r->s->keyword_argument) {
			TSNode k = ts_node_child_by_field_id(a, r->s->f_name);

			value = ts_node_child_by_field_id(a, r->s->f_value);
			for (which = 0; which < 3 && !scout_node_text_is(k, r->src, params[which]);)
				which++;
		}
		if (which == 0 && (where = string_value(r, resolve(r, value))))
			SCOUT_PUSH(r->out->where.v, r->out->where.n, r->out->where.cap, where);
		else if (which > 2 ||
		         !strings(r, value, which == 1 ? &r->out->exclude : &r->out->include))
			r->out->unreadable = "packages=";
	}
	return true;
}

static void package_dir(const reader *r, TSNode n)
{
	uint32_t count;

	n = resolve(r, n);
	r->out->package_dir_from = "setup.py package_dir=";
	if (!is(n, "dictionary")) {
		r->out->unreadable = "package_dir=";
		return;
	}
	count = ts_node_named_child_count(n);
	for (uint32_t i = 0; i < count; i++) {
		TSNode pair = ts_node_named_child(n, i);
		char *k = is(pair, "pair") ? string_value(r, ts_node_named_child(pair, 0)) : NULL;
		char *v = k ? string_value(r, ts_node_named_child(pair, 1)) : NULL;

		if (k && v) {
			SCOUT_PUSH(r->out->dir_names.v, r->out->dir_names.n, r->out->dir_names.cap,
			           k);
			SCOUT_PUSH(r->out->dir_paths.v, r->out->dir_paths.n, r->out->dir_paths.cap,
			           v);
		} else if (!is(pair, "comment")) {
			r->out->unreadable = "package_dir=";
			free(k);
		}
	}
}

/* One keyword of a setup() call; the first call that passes it decides. */
static void keyword(const reader *r, TSNode kw)
{
	TSNode name = ts_node_child_by_field_id(kw, r->s->f_name);
	TSNode value = ts_node_child_by_field_id(kw, r->s->f_value);
	scope_spec *o = r->out;

	if (ts_node_is_null(name) || ts_node_is_null(value))
		return;
	if (scout_node_text_is(name, r->src, "packages") && !o->packages_from) {
		TSNode v = resolve(r, value);

		o->packages_from = "setup.py packages=[...]";
		if (!strings(r, v, &o->packages) && !(is(v, "call") && find_call(r, v)))
			o->unreadable = "packages=";
	} else if (scout_node_text_is(name, r->src, "py_modules") && !o->py_modules_from) {
		o->py_modules_from = "setup.py py_modules=[...]";
		if (!strings(r, value, &o->py_modules))
			o->unreadable = "py_modules=";
	} else if (scout_node_text_is(name, r->src, "package_dir") && !o->package_dir_from) {
		package_dir(r, value);
	} else if (scout_node_text_is(name, r->src, "ext_modules")) {
		o->ext_modules = o->ext_modules || ts_node_symbol(value) != r->s->none;
	}
}

static bool is_setup_call(const reader *r, TSNode call)
{
	TSNode fn = ts_node_child_by_field_id(call, r->s->f_function);

	return scout_node_text_is(fn, r->src, "setup") ||
	       scout_node_text_is(fn, r->src, "setuptools.setup");
}

void scope_setup_py_read(scope_spec *out, const char *dir)
{
	char *path = scout_asprintf("%s/setup.py", dir);
	scout_source src;
	scout_load_error err;
	reader r = {.s = scout_syntax_symbols(), .out = out};
	TSTree *tree = NULL;
	TSTreeCursor c;

	memset(out, 0, sizeof(*out));
	if (scout_source_load_project(&src, path, &err) < 0) {
		free(path);
		return;
	}
	free(path);
	r.src = src.data;
	if ((tree = scout_ts_parse(tree_sitter_python(), src.data, src.len))) {
		r.root = ts_tree_root_node(tree);
		c = ts_tree_cursor_new(r.root);
		do {
			TSNode n = ts_tree_cursor_current_node(&c);

			if (ts_node_symbol(n) == r.s->keyword_argument &&
			    is(ts_node_parent(n), "argument_list") &&
			    is_setup_call(&r, ts_node_parent(ts_node_parent(n))))
				keyword(&r, n);
		} while (scout_ts_cursor_next(&c, true));
		ts_tree_cursor_delete(&c);
		ts_tree_delete(tree);
	}
	scout_source_free(&src);
}
