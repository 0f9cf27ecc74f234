/* Flattens a tree-sitter-toml tree into key paths and decoded scalars, with an
 * explicit stack (no recursion on nested arrays or inline tables). */
#include "scout/toml.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

#include "scout/fs.h"
#include "scout/nesting.h"
#include "scout/tsutil.h"
#include "toml_datetime.h"
#include "toml_keys.h"
#include "toml_lex.h"

const TSLanguage *tree_sitter_toml(void);

typedef struct item {
	TSNode node;
	char *prefix; /* owned: key path of the container */
	int index;    /* index within an array, -1 otherwise */
	uint32_t ns;  /* toml_keys node: a pair's table, or the value's own */
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
	toml_keys keys;    /* TOML's rules on defining keys and tables */
	char *value_error; /* owned: the first date or time TOML refuses */
	uint32_t value_line;
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
		if (*p == '\r' && p + 1 < e && p[1] == '\n') /* TOML reads CRLF as LF */
			p++;
		scout_buf_putc(&b, *p++);
	}
	return scout_buf_detach(&b);
}

/* A key node's bare and quoted keys (bare, quoted or dotted), decoded, in
 * document order (iterative: dotted keys nest). Each owned by the caller. */
static void key_names(const char *src, TSNode key, char ***names, size_t *n, size_t *cap)
{
	TSTreeCursor c = ts_tree_cursor_new(key);
	bool leaf;

	do {
		TSNode node = ts_tree_cursor_current_node(&c);
		char *text;

		leaf = is(node, "bare_key") || is(node, "quoted_key");
		if (!leaf)
			continue;
		text = is(node, "quoted_key")
		           ? decode_string(src, node)
		           : scout_strndup(src + ts_node_start_byte(node),
		                           ts_node_end_byte(node) - ts_node_start_byte(node));
		SCOUT_PUSH(*names, *n, *cap, text);
	} while (scout_ts_cursor_next(&c, !leaf));
	ts_tree_cursor_delete(&c);
}

typedef struct key_list {
	char **names;
	size_t n, cap;
} key_list;

static void key_list_free(key_list *k)
{
	for (size_t i = 0; i < k->n; i++)
		free(k->names[i]);
	free(k->names);
}

/* prefix.names joined with '.' (owned by caller). */
static char *join(const char *prefix, const key_list *k)
{
	scout_buf b = {0};

	if (prefix && *prefix) {
		scout_buf_puts(&b, prefix);
		scout_buf_putc(&b, '.');
	}
	for (size_t i = 0; i < k->n; i++) {
		if (i)
			scout_buf_putc(&b, '.');
		scout_buf_puts(&b, k->names[i]);
	}
	return scout_buf_detach(&b);
}

static void push(walker *w, TSNode node, const char *prefix, int index, uint32_t ns)
{
	item it = {node, scout_strdup(prefix), index, ns};

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

/* Records a date or time TOML refuses (the first in the document). */
static void check_datetime(walker *w, TSNode n)
{
	uint32_t start = ts_node_start_byte(n), len = ts_node_end_byte(n) - start;
	uint32_t line = ts_node_start_point(n).row + 1;
	const char *why = toml_datetime_fault(w->src + start, len);

	if (!why || (w->value_error && w->value_line <= line))
		return;
	free(w->value_error);
	w->value_error = scout_asprintf("invalid TOML: '%.*s' is no date or time: %s",
	                                len > 40 ? 40 : (int)len, w->src + start, why);
	w->value_line = line;
}

/* Handles one value (or inline table / array) popped from the stack. */
static void visit_value(walker *w, const item *it)
{
	TSNode n = it->node;
	uint32_t count = ts_node_named_child_count(n);

	/* error recovery's stand-in (a missing token): no value */
	if (ts_node_is_missing(n) || ts_node_start_byte(n) == ts_node_end_byte(n))
		return;
	if (is(n, "string"))
		add_scalar(w, it, SCOUT_TOML_STRING);
	else if (is(n, "integer"))
		add_scalar(w, it, SCOUT_TOML_INTEGER);
	else if (is(n, "float"))
		add_scalar(w, it, SCOUT_TOML_FLOAT);
	else if (is(n, "boolean"))
		add_scalar(w, it, SCOUT_TOML_BOOL);
	else if (is(n, "array")) {
		for (uint32_t i = count; i-- > 0;) {
			TSNode e = ts_node_named_child(n, i);

			if (!is(e, "comment"))
				push(w, e, it->prefix, (int)i,
				     is(e, "inline_table") ? toml_keys_element(&w->keys, it->ns)
				                           : it->ns);
		}
	} else if (is(n, "inline_table") || is(n, "pair")) {
		for (uint32_t i = count; i-- > 0;)
			push(w, ts_node_named_child(n, i), it->prefix, it->index, it->ns);
	} else if (strstr(ts_node_type(n), "date") || strstr(ts_node_type(n), "time")) {
		check_datetime(w, n);
		add_scalar(w, it, SCOUT_TOML_DATETIME);
	}
}

static toml_value_kind value_kind(TSNode value)
{
	return is(value, "inline_table") ? TOML_VALUE_INLINE
	       : is(value, "array")      ? TOML_VALUE_ARRAY
	                                 : TOML_VALUE_SCALAR;
}

/* A pair in table `ns`: its key extends the prefix; its value is visited. */
static void visit_pair(walker *w, const item *it)
{
	TSNode key = ts_node_named_child(it->node, 0), value = ts_node_named_child(it->node, 1);
	key_list k = {0};
	uint32_t node;
	char *path;

	if (ts_node_is_null(key) || ts_node_is_null(value))
		return;
	key_names(w->src, key, &k.names, &k.n, &k.cap);
	node = toml_keys_pair(&w->keys, it->ns, k.names, k.n, value_kind(value),
	                      ts_node_start_point(it->node).row + 1);
	path = join(it->prefix, &k);
	push(w, value, path, it->index, node);
	free(path);
	key_list_free(&k);
}

static void drain(walker *w)
{
	while (w->depth) {
		item it = w->stack[--w->depth];

		if (is(it.node, "pair"))
			visit_pair(w, &it);
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
	uint32_t count = ts_node_named_child_count(table), ns;
	bool array = is(table, "table_array_element");
	key_list k = {0};
	char *path;

	key_names(w->src, ts_node_named_child(table, 0), &k.names, &k.n, &k.cap);
	ns = toml_keys_header(&w->keys, k.names, k.n, array, ts_node_start_point(table).row + 1);
	path = join(NULL, &k);
	key_list_free(&k);
	w->table.len = 0;
	scout_buf_puts(&w->table, path);
	if (array)
		scout_buf_printf(&w->table, "[%d]", array_table_index(w, path));
	free(path);
	for (uint32_t i = 1; i < count; i++) {
		TSNode c = ts_node_named_child(table, i);

		if (is(c, "pair")) {
			push(w, c, w->table.data ? w->table.data : "", -1, ns);
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
			push(w, c, "", -1, TOML_KEYS_ROOT);
			drain(w);
		} else if (is(c, "table") || is(c, "table_array_element")) {
			visit_table(w, c);
		}
	}
}

/* Where an error node starts, past the comments it begins with. */
static uint32_t first_token_line(TSNode n)
{
	uint32_t count = ts_node_child_count(n), i = 0;

	while (i < count && is(ts_node_child(n, i), "comment"))
		i++;
	return ts_node_start_point(i && i < count ? ts_node_child(n, i) : n).row + 1;
}

/* The first and last line of the first syntax error (0 when none). */
static uint32_t first_error_line(TSNode root, uint32_t *last)
{
	TSTreeCursor c = ts_tree_cursor_new(root);
	uint32_t line = 0;
	bool more = ts_node_has_error(root);

	*last = 0;
	while (more) {
		TSNode n = ts_tree_cursor_current_node(&c);

		if (ts_node_symbol(n) == (TSSymbol)-1 || ts_node_is_missing(n)) {
			line = first_token_line(n);
			*last = ts_node_end_point(n).row + 1;
			break;
		}
		more = scout_ts_cursor_next(&c, ts_node_has_error(n));
	}
	ts_tree_cursor_delete(&c);
	if (!line && ts_node_has_error(root))
		line = *last = 1;
	return line;
}

/* What is wrong at the first syntax error, on lines *line to last (owned
 * by caller); moves *line to where an unterminated string began (line
 * `string`, 0 if none) when one begins there or before. */
static char *syntax_message(const char *data, size_t len, uint32_t string, uint32_t *line,
                            uint32_t last)
{
	const char *p = data;
	size_t n;

	if (string && string <= last) {
		*line = string;
		return scout_strdup("invalid TOML: unterminated string");
	}
	for (uint32_t l = 1; l < *line && (p = memchr(p, '\n', len - (size_t)(p - data))); l++)
		p++;
	if (!p)
		p = data + len;
	for (n = 0; p + n < data + len && p[n] != '\r' && p[n] != '\n';) /* data: not NUL-ended */
		n++;
	while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	while (n && (*p == ' ' || *p == '\t'))
		p++, n--;
	return scout_asprintf("invalid TOML syntax: '%.*s%s'", n > 60 ? 60 : (int)n, p,
	                      n > 60 ? "..." : "");
}

/* The first error, by the line where it begins: a lexical error, a date or
 * time, a syntax error, or a rule on keys broken earlier (on the same line
 * in that order). A lexical error on the lines of the first syntax error
 * is taken as its cause. */
static void set_error(scout_toml *out, TSNode root, const char *data, size_t len,
                      const toml_lex *lex, walker *w)
{
	uint32_t last, line = first_error_line(root, &last), at;
	char *message = NULL;

	if (line && lex->error && lex->error_at <= last)
		line = 0; /* the lexical error comes first, or is the cause */
	if (line)
		message = syntax_message(data, len, lex->unterminated, &line, last);
	if (w->keys.error && (!line || w->keys.error_line < line)) {
		free(message);
		message = scout_asprintf("invalid TOML: %s", w->keys.error);
		line = w->keys.error_line;
	}
	at = line;
	if (w->value_error && (!at || w->value_line <= at)) {
		free(message);
		message = w->value_error;
		w->value_error = NULL;
		at = line = w->value_line;
	}
	if (lex->error && (!at || lex->error_at <= at)) {
		free(message);
		message = scout_asprintf("invalid TOML: %s", lex->error);
		line = lex->error_line;
	}
	out->error = message;
	out->error_line = line;
}

int scout_toml_parse(scout_toml *out, const char *data, size_t len)
{
	walker w = {.src = data, .out = out};
	toml_lex lex;
	TSTree *tree;
	uint32_t deep;

	memset(out, 0, sizeof(*out));
	/* the grammar's parser crashes on such nesting */
	if (scout_nesting_exceeds(&deep, data, len, SCOUT_NESTING_TOML, SCOUT_TOML_MAX_NESTING))
		return scout_error_set("TOML document nests brackets more than %d deep (line %u)",
		                       SCOUT_TOML_MAX_NESTING, deep);
	toml_lex_scan(&lex, data, len);
	if (lex.encoding) { /* nothing in it can be read */
		out->error = scout_asprintf("invalid TOML: %s", lex.error);
		out->error_line = lex.error_line;
		toml_lex_free(&lex);
		return 0;
	}
	if (lex.fixed) /* values are read from the document parsed */
		w.src = data = lex.fixed, len = lex.fixed_len;
	tree = scout_ts_parse(tree_sitter_toml(), data, len);
	if (!tree) {
		toml_lex_free(&lex);
		return scout_error_set("TOML document could not be parsed");
	}
	toml_keys_init(&w.keys);
	walk_document(&w, ts_tree_root_node(tree));
	set_error(out, ts_tree_root_node(tree), data, len, &lex, &w);
	ts_tree_delete(tree);
	toml_lex_free(&lex);
	toml_keys_free(&w.keys);
	free(w.value_error);
	scout_buf_free(&w.table);
	for (size_t i = 0; i < w.narrays; i++)
		free(w.arrays[i].path);
	free(w.arrays);
	free(w.stack);
	return 0;
}

/* The bytes as they are: TOML is UTF-8 without a byte order mark, with no
 * coding declarations and no bare carriage returns (the lexer refuses what
 * tomllib refuses, instead of reading it as Python source). */
int scout_toml_load(scout_toml *out, const char *path)
{
	char *bytes = NULL;
	size_t len;
	int error;

	memset(out, 0, sizeof(*out));
	if ((error = scout_fs_read(&bytes, &len, path, SCOUT_FS_CONFIG_MAX_BYTES, SCOUT_FS_REPORT,
	                           NULL)) < 0) {
		scout_error_set("%s: %s", path, scout_error_last());
		return error == SCOUT_ENOTFOUND ? SCOUT_ENOTFOUND : SCOUT_ERROR;
	}
	error = scout_toml_parse(out, bytes, len);
	free(bytes);
	return error;
}
void scout_toml_free(scout_toml *t)
{
	for (size_t i = 0; i < t->len; i++) {
		free(t->values[i].key);
		free(t->values[i].text);
	}
	free(t->values);
	free(t->error);
	memset(t, 0, sizeof(*t));
}

const scout_toml_value *scout_toml_get(const scout_toml *t, const char *key)
{
	for (size_t i = 0; i < t->len; i++)
		if (strcmp(t->values[i].key, key) == 0)
			return &t->values[i];
	return NULL;
}

int scout_toml_number(const scout_toml_value *v, double *out)
{
	const char *p = v->text;
	char *digits, *end;
	size_t n = 0;
	int base = 10, error;
	bool negative = false;

	if (v->type != SCOUT_TOML_INTEGER && v->type != SCOUT_TOML_FLOAT)
		return SCOUT_ERROR;
	if (*p == '+' || *p == '-')
		negative = *p++ == '-';
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'o' || p[1] == 'b')) {
		base = p[1] == 'x' ? 16 : p[1] == 'o' ? 8 : 2;
		p += 2;
	}
	digits = scout_malloc(strlen(p) + 1);
	for (; *p; p++) /* the grammar put each '_' between digits */
		if (*p != '_')
			digits[n++] = *p;
	digits[n] = '\0';
	if (base == 10) {
		*out = strtod(digits, &end);
	} else { /* digit by digit: TOML (and tomllib) has integers of any size */
		*out = 0;
		for (end = digits; *end && isxdigit((unsigned char)*end); end++) {
			int d = *end <= '9' ? *end - '0' : tolower((unsigned char)*end) - 'a' + 10;

			if (d >= base)
				break;
			*out = *out * base + d;
		}
	}
	error = n == 0 || *end ? SCOUT_ERROR : 0;
	free(digits);
	if (negative)
		*out = -*out;
	return error;
}
