/* Resolves the grammar's symbol and field ids once. */
#include "scout/syntax.h"

#include "scout/tree_index.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static scout_symbols symbols;
static pthread_once_t symbols_once = PTHREAD_ONCE_INIT;

static TSSymbol symbol(const TSLanguage *lang, const char *name, bool named)
{
	TSSymbol s = ts_language_symbol_for_name(lang, name, (uint32_t)strlen(name), named);

	if (s == 0) {
		fprintf(stderr, "mypyc-scout: grammar has no %s '%s'\n",
		        named ? "node type" : "token", name);
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

#define SCOUT_SYMBOL_RESOLVE(field, name) symbols.field = symbol(lang, name, true);
	SCOUT_SYMBOLS(SCOUT_SYMBOL_RESOLVE)
#undef SCOUT_SYMBOL_RESOLVE
#define SCOUT_TOKEN_RESOLVE(field, name) symbols.field = symbol(lang, name, false);
	SCOUT_TOKENS(SCOUT_TOKEN_RESOLVE)
#undef SCOUT_TOKEN_RESOLVE
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
	symbols.f_argument = field(lang, "argument");
	symbols.f_operator = field(lang, "operator");
	symbols.f_type_parameters = field(lang, "type_parameters");
	symbols.f_module_name = field(lang, "module_name");
	symbols.f_alias = field(lang, "alias");
}

const scout_symbols *scout_syntax_symbols(void)
{
	pthread_once(&symbols_once, resolve);
	return &symbols;
}

uint8_t *scout_symbol_bytes(uint8_t (*classify)(const TSLanguage *lang, TSSymbol t),
                            uint32_t *count)
{
	const TSLanguage *lang = tree_sitter_python();
	uint32_t n = ts_language_symbol_count(lang);
	uint8_t *table = scout_calloc(n ? n : 1, 1);

	for (TSSymbol t = 0; t < n; t++)
		table[t] = classify(lang, t);
	*count = n;
	return table;
}

bool scout_node_text_is(TSNode n, const char *src, const char *s)
{
	uint32_t len;
	const char *text = scout_node_text(n, src, &len);

	return strlen(s) == len && memcmp(text, s, len) == 0;
}

char *scout_node_dotted_text(TSNode n, const char *src)
{
	uint32_t len;
	const char *text = scout_node_text(n, src, &len);
	char *out = scout_malloc(len + 1);
	size_t j = 0;

	for (uint32_t i = 0; i < len; i++)
		if (text[i] != ' ' && text[i] != '\t' && text[i] != '\\' && text[i] != '\n' &&
		    text[i] != '\r')
			out[j++] = text[i];
	out[j] = '\0';
	return out;
}

/* Starts `it` on the tree index when that holds its parent. */
static bool index_children(scout_children *it)
{
	uint32_t i = scout_tix_find(it->parent);
	const scout_tix_node *e;

	if (i == SCOUT_TIX_NONE)
		return false;
	e = &scout_tix_current()->nodes[i];
	it->at = e->named;
	it->end = e->named + e->nnamed;
	return true;
}

bool scout_children_next(scout_children *it)
{
	bool more;

	if (it->state == 2)
		return false;
	if (it->state == 0 && index_children(it))
		it->state = 3;
	if (it->state == 3) {
		const scout_tix *tix = scout_tix_current();

		if (it->at == it->end) {
			it->state = 2;
			return false;
		}
		it->node = tix->nodes[tix->named[it->at++]].node;
		return true;
	}
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

void scout_syntax_thread_release(void)
{
	scout_tix_release();
}
