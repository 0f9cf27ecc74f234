/* Resolves the grammar's symbol and field ids once. */
#include "scout/syntax.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static scout_symbols symbols;
static pthread_once_t symbols_once = PTHREAD_ONCE_INIT;

static TSSymbol symbol(const TSLanguage *lang, const char *name)
{
	TSSymbol s = ts_language_symbol_for_name(lang, name, (uint32_t)strlen(name), true);

	if (s == 0) {
		fprintf(stderr, "mypyc-scout: grammar has no node type '%s'\n", name);
		abort();
	}
	return s;
}

static TSFieldId field(const TSLanguage *lang, const char *name)
{
	TSFieldId f = ts_language_field_id_for_name(lang, name, (uint32_t)strlen(name));

	if (f == 0) {
		fprintf(stderr, "mypyc-scout: grammar has no field '%s'\n", name);
		abort();
	}
	return f;
}

static void resolve(void)
{
	const TSLanguage *lang = tree_sitter_python();

#define SCOUT_SYMBOL_RESOLVE(field, name) symbols.field = symbol(lang, name);
	SCOUT_SYMBOLS(SCOUT_SYMBOL_RESOLVE)
#undef SCOUT_SYMBOL_RESOLVE
	symbols.error = (TSSymbol)-1;
	symbols.f_name = field(lang, "name");
	symbols.f_body = field(lang, "body");
	symbols.f_parameters = field(lang, "parameters");
	symbols.f_return_type = field(lang, "return_type");
	symbols.f_superclasses = field(lang, "superclasses");
	symbols.f_definition = field(lang, "definition");
	symbols.f_left = field(lang, "left");
	symbols.f_right = field(lang, "right");
	symbols.f_type = field(lang, "type");
	symbols.f_value = field(lang, "value");
	symbols.f_object = field(lang, "object");
	symbols.f_attribute = field(lang, "attribute");
	symbols.f_function = field(lang, "function");
	symbols.f_arguments = field(lang, "arguments");
	symbols.f_condition = field(lang, "condition");
	symbols.f_alternative = field(lang, "alternative");
	symbols.f_consequence = field(lang, "consequence");
}

const scout_symbols *scout_syntax_symbols(void)
{
	pthread_once(&symbols_once, resolve);
	return &symbols;
}

bool scout_node_text_is(TSNode n, const char *src, const char *s)
{
	uint32_t len;
	const char *text = scout_node_text(n, src, &len);

	return strlen(s) == len && memcmp(text, s, len) == 0;
}

bool scout_children_next(scout_children *it)
{
	bool more;

	if (it->state == 2)
		return false;
	if (it->state == 0) {
		if (ts_node_is_null(it->parent) || ts_node_child_count(it->parent) == 0) {
			it->state = 2;
			return false;
		}
		it->cursor = ts_tree_cursor_new(it->parent);
		it->state = 1;
		more = ts_tree_cursor_goto_first_child(&it->cursor);
	} else {
		more = ts_tree_cursor_goto_next_sibling(&it->cursor);
	}
	for (; more; more = ts_tree_cursor_goto_next_sibling(&it->cursor)) {
		it->node = ts_tree_cursor_current_node(&it->cursor);
		if (ts_node_is_named(it->node))
			return true;
	}
	scout_children_close(it);
	return false;
}

void scout_children_close(scout_children *it)
{
	if (it->state == 1)
		ts_tree_cursor_delete(&it->cursor);
	it->state = 2;
}

/* A direct-mapped cache of field lookups; an entry counts only when its
 * generation is the current one, so forgetting is one increment. */
#define FIELD_CACHE_SIZE 4096

typedef struct field_entry {
	const void *id;
	uint32_t start, gen;
	TSFieldId field;
	TSNode child;
} field_entry;

static _Thread_local field_entry field_cache[FIELD_CACHE_SIZE];
static _Thread_local uint32_t field_gen; /* 0: not caching */
static _Thread_local uint32_t field_last_gen;

void scout_field_cache_begin(void)
{
	if (++field_last_gen == 0) { /* wrapped: old entries could match again */
		memset(field_cache, 0, sizeof(field_cache));
		field_last_gen = 1;
	}
	field_gen = field_last_gen;
}

void scout_field_cache_end(void)
{
	field_gen = 0;
}

/* Children lists: a direct-mapped table of slices of one per-thread array,
 * which is emptied (and the table forgotten) when it grows past a bound. */
#define KIDS_TABLE_SIZE 1024
#define KIDS_MAX_NODES  (1u << 20)
#define KIDS_DIRECT     4 /* indexes below this are cheap to ask tree-sitter for */

typedef struct kids_entry {
	const void *id;
	uint32_t start, gen, offset, count;
} kids_entry;

static _Thread_local kids_entry kids_table[KIDS_TABLE_SIZE];
static _Thread_local TSNode *kids_nodes;
static _Thread_local uint32_t kids_len, kids_cap, kids_gen, kids_last_gen, kids_field_gen;

/* Starts a new generation of children lists (a new tree or a full array). */
static void kids_forget(void)
{
	if (++kids_last_gen == 0) {
		memset(kids_table, 0, sizeof(kids_table));
		kids_last_gen = 1;
	}
	kids_gen = kids_last_gen;
	kids_len = 0;
}

static kids_entry *kids_fill(kids_entry *e, TSNode n, uint32_t start)
{
	TSTreeCursor c;

	if (kids_len > KIDS_MAX_NODES)
		kids_forget();
	e->id = n.id;
	e->start = start;
	e->gen = kids_gen;
	e->offset = kids_len;
	c = ts_tree_cursor_new(n);
	for (bool more = ts_tree_cursor_goto_first_child(&c); more;
	     more = ts_tree_cursor_goto_next_sibling(&c)) {
		TSNode k = ts_tree_cursor_current_node(&c);

		if (!ts_node_is_named(k))
			continue;
		if (kids_len == kids_cap) {
			kids_cap = kids_cap ? kids_cap * 2 : 1024;
			kids_nodes = scout_realloc(kids_nodes, kids_cap * sizeof(*kids_nodes));
		}
		kids_nodes[kids_len++] = k;
	}
	ts_tree_cursor_delete(&c);
	e->count = kids_len - e->offset;
	return e;
}

void scout_syntax_thread_release(void)
{
	free(kids_nodes);
	kids_nodes = NULL;
	kids_len = kids_cap = 0;
	kids_forget(); /* the table pointed into the array */
	kids_field_gen = 0;
}

TSNode scout_node_named_child(TSNode n, uint32_t index)
{
	TSNode none = {{0}, 0, 0};
	uint32_t start;
	uintptr_t h;
	kids_entry *e;

	if (index < KIDS_DIRECT || !field_gen || !n.id)
		return ts_node_named_child(n, index);
	if (kids_field_gen != field_gen) { /* a new tree */
		kids_forget();
		kids_field_gen = field_gen;
	}
	start = ts_node_start_byte(n);
	h = ((uintptr_t)n.id >> 4) * 0x9e3779b1u ^ (uintptr_t)start * 0x85ebca6bu;
	e = &kids_table[(h ^ h >> 15) & (KIDS_TABLE_SIZE - 1)];
	if (e->gen != kids_gen || e->id != n.id || e->start != start)
		e = kids_fill(e, n, start);
	return index < e->count ? kids_nodes[e->offset + index] : none;
}

TSNode scout_node_field(TSNode n, TSFieldId field)
{
	uint32_t start;
	uintptr_t h;
	field_entry *e;

	if (!field_gen || !n.id)
		return ts_node_child_by_field_id(n, field);
	start = ts_node_start_byte(n);
	h = ((uintptr_t)n.id >> 4) * 0x9e3779b1u ^ (uintptr_t)start * 0x85ebca6bu ^ field;
	e = &field_cache[(h ^ h >> 15) & (FIELD_CACHE_SIZE - 1)];
	if (e->gen != field_gen || e->id != n.id || e->start != start || e->field != field) {
		e->id = n.id;
		e->start = start;
		e->gen = field_gen;
		e->field = field;
		e->child = ts_node_child_by_field_id(n, field);
	}
	return e->child;
}
