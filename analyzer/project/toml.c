/* Flattens a tree-sitter-toml tree into key paths and decoded scalars, with an
 * explicit stack (no recursion on nested arrays or inline tables). */
#include "scout/toml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

#include "scout/fs.h"
#include "scout/nesting.h"
#include "scout/tsutil.h"
#include "scout/source.h"

const TSLanguage *tree_sitter_toml(void);

typedef struct item {
	TSNode node;
	char *prefix; /* owned: key path of the container */
	int index;    /* index within an array, -1 otherwise */
} item;

typedef struct walker {
	const char *src;
	scout_toml *out;
	item *stack;
	size_t depth, cap;
	scout_buf table; /* current [table] path */
	/* [[array]] headers seen, by path, for their "[N]" */
	struct array_table {
		char *path;
		int count;
	} * arrays;
	size_t narrays, arrays_cap;
} walker;

static bool is(TSNode n, const char *type)
{
	return strcmp(ts_node_type(n), type) == 0;
}

static void append_utf8(scout_buf *b, unsigned long cp)
{
	char c[4];

	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		cp = 0xfffd;
	if (cp < 0x80) {
		scout_buf_putc(b, (char)cp);
	} else if (cp < 0x800) {
		c[0] = (char)(0xc0 | (cp >> 6)), c[1] = (char)(0x80 | (cp & 0x3f));
		scout_buf_put(b, c, 2);
	} else if (cp < 0x10000) {
		c[0] = (char)(0xe0 | (cp >> 12)), c[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		c[2] = (char)(0x80 | (cp & 0x3f));
		scout_buf_put(b, c, 3);
	} else {
		c[0] = (char)(0xf0 | (cp >> 18)), c[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		c[2] = (char)(0x80 | ((cp >> 6) & 0x3f)), c[3] = (char)(0x80 | (cp & 0x3f));
		scout_buf_put(b, c, 4);
	}
}

/* Decodes one escape at p (after the backslash); returns bytes consumed. */
static size_t decode_escape(scout_buf *b, const char *p, const char *end)
{
	static const char from[] = "btnfr\"\\", to[] = "\b\t\n\f\r\"\\";
	const char *hit = p < end ? strchr(from, *p) : NULL;

	if (hit && *p) {
		scout_buf_putc(b, to[hit - from]);
		return 1;
	}
	if (p < end && (*p == 'u' || *p == 'U')) {
		size_t n = *p == 'u' ? 4 : 8;
		char hex[9] = {0};

		if ((size_t)(end - p) > n) {
			memcpy(hex, p + 1, n);
			append_utf8(b, strtoul(hex, NULL, 16));
			return n + 1;
		}
	}
	if (p < end && (*p == '\n' || *p == ' ' || *p == '\t' || *p == '\r')) {
		/* line-ending backslash: trims the following whitespace */
		size_t i = 0;

		while (p + i < end && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r'))
			i++;
		return i;
	}
	scout_buf_putc(b, '\\');
	return 0;
}

/* The decoded text of a string or key node (owned by caller). */
static char *decode_string(const char *src, TSNode n)
{
	uint32_t start = ts_node_start_byte(n), end = ts_node_end_byte(n);
	const char *p = src + start, *e = src + end;
	bool literal = p < e && *p == '\'';
	size_t q = (e - p >= 6 && (memcmp(p, "\"\"\"", 3) == 0 || memcmp(p, "'''", 3) == 0)) ? 3
	           : (p < e && (*p == '"' || *p == '\''))                                    ? 1
	                                                                                     : 0;
	scout_buf b = {0};

	p += q;
	e -= q;
	if (q == 3 && p < e && *p == '\n')
		p++;
	else if (q == 3 && e - p >= 2 && p[0] == '\r' && p[1] == '\n')
		p += 2;
	while (p < e) {
		if (*p == '\\' && !literal) {
			p += 1 + decode_escape(&b, p + 1, e);
			continue;
		}
		scout_buf_putc(&b, *p++);
	}
	return scout_buf_detach(&b);
}

/* A key node (bare, quoted or dotted) as a dotted path appended to b: its
 * bare and quoted keys in document order (iterative: dotted keys nest). */
static void key_path(scout_buf *b, const char *src, TSNode key)
{
	TSTreeCursor c = ts_tree_cursor_new(key);
	bool first = true, leaf;

	do {
		TSNode n = ts_tree_cursor_current_node(&c);

		leaf = is(n, "bare_key") || is(n, "quoted_key");
		if (!leaf)
			continue;
		if (!first)
			scout_buf_putc(b, '.');
		first = false;
		if (is(n, "quoted_key")) {
			char *text = decode_string(src, n);

			scout_buf_puts(b, text);
			free(text);
		} else {
			scout_buf_put(b, src + ts_node_start_byte(n),
			              ts_node_end_byte(n) - ts_node_start_byte(n));
		}
	} while (scout_ts_cursor_next(&c, !leaf));
	ts_tree_cursor_delete(&c);
}

static char *join(const char *prefix, const char *src, TSNode key)
{
	scout_buf b = {0};

	if (prefix && *prefix) {
		scout_buf_puts(&b, prefix);
		scout_buf_putc(&b, '.');
	}
	key_path(&b, src, key);
	return scout_buf_detach(&b);
}

static void push(walker *w, TSNode node, const char *prefix, int index)
{
	item it = {node, scout_strdup(prefix), index};

	SCOUT_PUSH(w->stack, w->depth, w->cap, it);
}

static void add_scalar(walker *w, const item *it, scout_toml_type type)
{
	scout_toml_value v = {
	    .key = scout_strdup(it->prefix),
	    .index = it->index,
	    .type = type,
	    .line = ts_node_start_point(it->node).row + 1,
	};

	if (type == SCOUT_TOML_STRING)
		v.text = decode_string(w->src, it->node);
	else
		v.text = scout_strndup(w->src + ts_node_start_byte(it->node),
		                       ts_node_end_byte(it->node) - ts_node_start_byte(it->node));
	SCOUT_PUSH(w->out->values, w->out->len, w->out->cap, v);
}

/* Handles one value (or inline table / array) popped from the stack. */
static void visit_value(walker *w, const item *it)
{
	TSNode n = it->node;
	uint32_t count = ts_node_named_child_count(n);

	if (is(n, "string"))
		add_scalar(w, it, SCOUT_TOML_STRING);
	else if (is(n, "integer"))
		add_scalar(w, it, SCOUT_TOML_INTEGER);
	else if (is(n, "float"))
		add_scalar(w, it, SCOUT_TOML_FLOAT);
	else if (is(n, "boolean"))
		add_scalar(w, it, SCOUT_TOML_BOOL);
	else if (is(n, "array")) {
		for (uint32_t i = count; i-- > 0;)
			if (!is(ts_node_named_child(n, i), "comment"))
				push(w, ts_node_named_child(n, i), it->prefix, (int)i);
	} else if (is(n, "inline_table") || is(n, "pair")) {
		for (uint32_t i = count; i-- > 0;)
			push(w, ts_node_named_child(n, i), it->prefix, it->index);
	} else if (strstr(ts_node_type(n), "date") || strstr(ts_node_type(n), "time"))
		add_scalar(w, it, SCOUT_TOML_DATETIME);
}

/* A pair: its key extends the prefix; its value is visited. */
static void visit_pair(walker *w, TSNode pair, const char *prefix, int index)
{
	TSNode key = ts_node_named_child(pair, 0), value = ts_node_named_child(pair, 1);
	char *path;

	if (ts_node_is_null(key) || ts_node_is_null(value))
		return;
	path = join(prefix, w->src, key);
	push(w, value, path, index);
	free(path);
}

static void drain(walker *w)
{
	while (w->depth) {
		item it = w->stack[--w->depth];

		if (is(it.node, "pair"))
			visit_pair(w, it.node, it.prefix, it.index);
		else
			visit_value(w, &it);
		free(it.prefix);
	}
}

static int array_table_index(walker *w, const char *path)
{
	struct array_table t = {scout_strdup(path), 0};

	for (size_t i = 0; i < w->narrays; i++)
		if (strcmp(w->arrays[i].path, path) == 0) {
			free(t.path);
			return ++w->arrays[i].count;
		}
	SCOUT_PUSH(w->arrays, w->narrays, w->arrays_cap, t);
	return 0;
}

/* A [table] or [[table]] header and its pairs. */
static void visit_table(walker *w, TSNode table)
{
	uint32_t count = ts_node_named_child_count(table);
	TSNode key = ts_node_named_child(table, 0);
	char *path = join(NULL, w->src, key);

	w->table.len = 0;
	scout_buf_puts(&w->table, path);
	if (is(table, "table_array_element"))
		scout_buf_printf(&w->table, "[%d]", array_table_index(w, path));
	free(path);
	for (uint32_t i = 1; i < count; i++) {
		TSNode c = ts_node_named_child(table, i);

		if (is(c, "pair")) {
			visit_pair(w, c, w->table.data, -1);
			drain(w);
		}
	}
}

static void walk_document(walker *w, TSNode root)
{
	uint32_t count = ts_node_named_child_count(root);

	for (uint32_t i = 0; i < count; i++) {
		TSNode c = ts_node_named_child(root, i);

		if (is(c, "pair")) {
			visit_pair(w, c, "", -1);
			drain(w);
		} else if (is(c, "table") || is(c, "table_array_element")) {
			visit_table(w, c);
		}
	}
}

static uint32_t first_error_line(TSNode root)
{
	TSTreeCursor c = ts_tree_cursor_new(root);
	uint32_t line = 0;
	bool more = ts_node_has_error(root);

	while (more) {
		TSNode n = ts_tree_cursor_current_node(&c);

		if (ts_node_symbol(n) == (TSSymbol)-1 || ts_node_is_missing(n)) {
			line = ts_node_start_point(n).row + 1;
			break;
		}
		more = scout_ts_cursor_next(&c, ts_node_has_error(n));
	}
	ts_tree_cursor_delete(&c);
	return line ? line : (ts_node_has_error(root) ? 1 : 0);
}

int scout_toml_parse(scout_toml *out, const char *data, size_t len)
{
	walker w = {.src = data, .out = out};
	TSTree *tree;
	uint32_t deep;

	memset(out, 0, sizeof(*out));
	/* the grammar's parser crashes on such nesting */
	if (scout_nesting_exceeds(&deep, data, len, SCOUT_NESTING_TOML, SCOUT_TOML_MAX_NESTING))
		return scout_error_set("TOML document nests brackets more than %d deep (line %u)",
		                       SCOUT_TOML_MAX_NESTING, deep);
	tree = scout_ts_parse(tree_sitter_toml(), data, len);
	if (!tree)
		return scout_error_set("TOML document could not be parsed");
	out->error_line = first_error_line(ts_tree_root_node(tree));
	walk_document(&w, ts_tree_root_node(tree));
	ts_tree_delete(tree);
	scout_buf_free(&w.table);
	for (size_t i = 0; i < w.narrays; i++)
		free(w.arrays[i].path);
	free(w.arrays);
	free(w.stack);
	return 0;
}

int scout_toml_load(scout_toml *out, const char *path)
{
	scout_source src;
	scout_load_error err;
	char *bytes = NULL;
	size_t len;
	int error;

	memset(out, 0, sizeof(*out));
	if ((error = scout_fs_read(&bytes, &len, path, SCOUT_FS_CONFIG_MAX_BYTES, SCOUT_FS_REPORT,
	                           NULL)) < 0) {
		scout_error_set("%s: %s", path, scout_error_last());
		return error == SCOUT_ENOTFOUND ? SCOUT_ENOTFOUND : SCOUT_ERROR;
	}
	error = scout_source_from_bytes(&src, bytes, len, &err);
	free(bytes);
	if (error < 0)
		return scout_error_set("%s: %s", path, err.message);
	error = scout_toml_parse(out, src.data, src.len);
	scout_source_free(&src);
	return error;
}

void scout_toml_free(scout_toml *t)
{
	for (size_t i = 0; i < t->len; i++) {
		free(t->values[i].key);
		free(t->values[i].text);
	}
	free(t->values);
	memset(t, 0, sizeof(*t));
}

const scout_toml_value *scout_toml_get(const scout_toml *t, const char *key)
{
	for (size_t i = 0; i < t->len; i++)
		if (strcmp(t->values[i].key, key) == 0)
			return &t->values[i];
	return NULL;
}
