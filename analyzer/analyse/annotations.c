/* Annotation coverage, exactly as DESIGN.md defines it:
 * - slots are every parameter (not the implicit self/cls of methods; *args
 *   and **kwargs count) and every return;
 * - an `__init__` without a return annotation but with at least one annotated
 *   parameter has its return counted as annotated (as mypy does);
 * - a function type comment `# type: (...) -> R` annotates every slot;
 * - a def is typed when any slot is annotated, fully typed when all are;
 * - `Any` is counted where it is named inside an annotation (including string
 *   annotations and function type comments);
 * - `# type: ignore` comments are counted wherever they stand. */
#include "annotations.h"
#include "scout/type_comment.h"

#include <ctype.h>
#include <string.h>

static bool is_word_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* Skips '#' and blanks, then the "type:" marker and blanks; NULL when absent. */
static const char *after_type_marker(const char *p, const char *end)
{
	if (p >= end || *p != '#')
		return NULL;
	for (p++; p < end && (*p == ' ' || *p == '\t'); p++)
		;
	if (end - p < 5 || memcmp(p, "type:", 5) != 0)
		return NULL;
	for (p += 5; p < end && (*p == ' ' || *p == '\t'); p++)
		;
	return p;
}

bool scout_comment_is_type_ignore(const char *text, size_t len)
{
	const char *end = text + len, *p = after_type_marker(text, end);

	if (!p || end - p < 6 || memcmp(p, "ignore", 6) != 0)
		return false;
	return p + 6 == end || !is_word_char(p[6]);
}

bool scout_comment_is_function_type(const char *text, size_t len)
{
	const char *end = text + len, *p = after_type_marker(text, end);

	if (!p || p >= end || *p != '(')
		return false;
	for (; p + 1 < end; p++)
		if (p[0] == '-' && p[1] == '>')
			return true;
	return false;
}

/* Whole-word occurrences of "Any" in a piece of text. */
static uint32_t count_any_words(const char *text, size_t len)
{
	uint32_t n = 0;

	for (size_t i = 0; i + 3 <= len; i++)
		if (memcmp(text + i, "Any", 3) == 0 && (i == 0 || !is_word_char(text[i - 1])) &&
		    (i + 3 == len || !is_word_char(text[i + 3])))
			n++;
	return n;
}

static bool has_decorator(const scout_walk *w, TSNode decorated, const char *name)
{
	uint32_t n = scout_node_named_child_count(decorated);

	for (uint32_t i = 0; i < n; i++) {
		TSNode d = scout_node_named_child(decorated, i);
		TSNode e;

		if (ts_node_symbol(d) != w->sym->decorator)
			continue;
		e = scout_node_named_child(d, 0);
		if (!ts_node_is_null(e) && ts_node_symbol(e) == w->sym->identifier &&
		    scout_node_text_is(e, w->src, name))
			return true;
	}
	return false;
}

TSNode scout_type_comment_of(const scout_walk *w, TSNode def)
{
	TSNode params = scout_node_field(def, w->sym->f_parameters);
	TSNode body = scout_node_field(def, w->sym->f_body);
	uint32_t after = ts_node_end_byte(params);
	TSNode scopes[2] = {def, body};

	for (int k = 0; k < 2; k++) {
		uint32_t n = ts_node_is_null(scopes[k]) ? 0 : scout_node_child_count(scopes[k]);

		for (uint32_t i = 0; i < n; i++) {
			TSNode c = scout_node_child(scopes[k], i);
			uint32_t len;
			const char *text;

			if (ts_node_start_byte(c) < after)
				continue;
			if (ts_node_symbol(c) != w->sym->comment) {
				if (k == 1 || ts_node_symbol(c) == w->sym->block)
					break;
				continue;
			}
			text = scout_node_text(c, w->src, &len);
			if (scout_comment_is_function_type(text, len))
				return c;
		}
	}
	return (TSNode){{0}, 0, 0};
}

static bool is_separator(const scout_walk *w, TSSymbol t)
{
	return t == w->sym->keyword_separator || t == w->sym->positional_separator ||
	       t == w->sym->comment;
}

static void count_def(scout_walk *w, TSNode def)
{
	const scout_symbols *s = w->sym;
	scout_annotations *ann = &w->module->ann;
	TSNode params = scout_node_field(def, s->f_parameters);
	TSNode name = scout_node_field(def, s->f_name);
	TSNode decorated;
	bool method = scout_walk_def_is_method(w, &decorated);
	bool skip_first =
	    method && !(!ts_node_is_null(decorated) && has_decorator(w, decorated, "staticmethod"));
	uint32_t slots = 1, annotated = 0, n = scout_node_named_child_count(params);
	bool first = true;

	for (uint32_t i = 0; i < n; i++) {
		TSNode p = scout_node_named_child(params, i);
		TSSymbol t = ts_node_symbol(p);

		if (is_separator(w, t))
			continue;
		if (first && skip_first && t != s->list_splat_pattern &&
		    t != s->dictionary_splat_pattern) {
			first = false;
			continue;
		}
		first = false;
		slots++;
		annotated += t == s->typed_parameter || t == s->typed_default_parameter;
	}
	if (!ts_node_is_null(scout_node_field(def, s->f_return_type)))
		annotated++;
	else if (annotated > 0 && scout_node_text_is(name, w->src, "__init__"))
		annotated++;
	if (annotated < slots && !ts_node_is_null(scout_type_comment_of(w, def)))
		annotated = slots;
	ann->defs++;
	ann->slots += slots;
	ann->annotated_slots += annotated;
	ann->typed_defs += annotated > 0;
	ann->fully_typed_defs += annotated == slots;
}

static void count_comment(scout_walk *w, TSNode node)
{
	uint32_t len;
	const char *text = scout_node_text(node, w->src, &len);

	if (scout_comment_is_type_ignore(text, len))
		w->module->ann.type_ignores++;
	else if (scout_comment_is_function_type(text, len))
		w->module->ann.any += count_any_words(text, len);
}

bool scout_annotations_on(const scout_symbols *s, TSSymbol t)
{
	return t == s->function_definition || t == s->comment || t == s->identifier ||
	       t == s->string_content;
}

void scout_annotations_enter(scout_walk *w, TSNode node)
{
	const scout_symbols *s = w->sym;
	TSSymbol t = w->symbol;

	if (t == s->function_definition) {
		count_def(w, node);
	} else if (t == s->comment) {
		count_comment(w, node);
	} else if (w->in_type > 0 && t == s->identifier) {
		w->module->ann.any += scout_node_text_is(node, w->src, "Any");
	} else if (w->in_type > 0 && t == s->string_content) {
		uint32_t len;
		const char *text = scout_node_text(node, w->src, &len);

		w->module->ann.any += count_any_words(text, len);
	}
}
