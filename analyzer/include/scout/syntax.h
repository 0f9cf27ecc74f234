/* The Python grammar and the node symbols the analyser compares against, so
 * hot paths compare integers instead of type names. */
#ifndef SCOUT_SYNTAX_H
#define SCOUT_SYNTAX_H

#include <tree_sitter/api.h>
#include "scout/common.h"

/* The compiled-in tree-sitter-python grammar. */
const TSLanguage *tree_sitter_python(void);

// clang-format off
#define SCOUT_SYMBOLS(X) \
	X(module, "module") \
	X(class_definition, "class_definition") \
	X(function_definition, "function_definition") \
	X(decorated_definition, "decorated_definition") \
	X(decorator, "decorator") \
	X(parameters, "parameters") \
	X(typed_default_parameter, "typed_default_parameter") \
	X(keyword_separator, "keyword_separator") \
	X(attribute, "attribute") \
	X(call, "call") \
	X(argument_list, "argument_list") \
	X(try_statement, "try_statement") \
	X(except_clause, "except_clause") \
	X(for_statement, "for_statement") \
	X(expression_statement, "expression_statement") \
	X(pass_statement, "pass_statement") \
	X(ellipsis, "ellipsis") \
	X(tuple_pattern, "tuple_pattern") \
	X(pattern_list, "pattern_list") \
	X(yield, "yield") \
	X(import_from_statement, "import_from_statement") \
	X(return_statement, "return_statement") \
	X(continue_statement, "continue_statement") \
	X(subscript, "subscript") \
	X(true_, "true") \
	X(false_, "false") \
	X(none, "none")
// clang-format on

typedef struct scout_symbols {
#define SCOUT_SYMBOL_FIELD(field, name) TSSymbol field;
	SCOUT_SYMBOLS(SCOUT_SYMBOL_FIELD)
#undef SCOUT_SYMBOL_FIELD
	TSSymbol error;
	TSFieldId f_name, f_body, f_parameters, f_return_type, f_superclasses, f_definition, f_left,
	    f_right, f_type, f_value, f_object, f_attribute, f_function, f_arguments, f_condition,
	    f_alternative, f_consequence;
} scout_symbols;

/* The symbol table, filled on first use (thread-safe). Borrowed, static. */
const scout_symbols *scout_syntax_symbols(void);

/* A node's source text (borrowed from src) and its length. */
static inline const char *scout_node_text(TSNode n, const char *src, uint32_t *len)
{
	uint32_t start = ts_node_start_byte(n);

	*len = ts_node_end_byte(n) - start;
	return src + start;
}

/* True when the node's text is exactly `s`. */
bool scout_node_text_is(TSNode n, const char *src, const char *s);

#endif
