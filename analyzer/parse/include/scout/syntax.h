/* The Python grammar and the node symbols the analyser compares against, so
 * hot paths compare integers instead of type names. */
#ifndef SCOUT_SYNTAX_H
#define SCOUT_SYNTAX_H

#include <tree_sitter/api.h>
#include "scout/common.h"
#include "scout/tree_index.h"

/* The compiled-in tree-sitter-python grammar, and its name and version as
 * reports give them (the version is set in CMakeLists.txt). */
const TSLanguage *tree_sitter_python(void);
#define SCOUT_PYTHON_GRAMMAR "tree-sitter-python " SCOUT_PYTHON_GRAMMAR_VERSION

// clang-format off
#define SCOUT_SYMBOLS(X) \
	X(module, "module") \
	X(class_definition, "class_definition") \
	X(function_definition, "function_definition") \
	X(decorated_definition, "decorated_definition") \
	X(decorator, "decorator") \
	X(block, "block") \
	X(parameters, "parameters") \
	X(identifier, "identifier") \
	X(typed_parameter, "typed_parameter") \
	X(typed_default_parameter, "typed_default_parameter") \
	X(default_parameter, "default_parameter") \
	X(list_splat_pattern, "list_splat_pattern") \
	X(dictionary_splat_pattern, "dictionary_splat_pattern") \
	X(keyword_separator, "keyword_separator") \
	X(positional_separator, "positional_separator") \
	X(type, "type") \
	X(comment, "comment") \
	X(string, "string") \
	X(string_content, "string_content") \
	X(string_start, "string_start") \
	X(string_end, "string_end") \
	X(attribute, "attribute") \
	X(call, "call") \
	X(argument_list, "argument_list") \
	X(keyword_argument, "keyword_argument") \
	X(if_statement, "if_statement") \
	X(elif_clause, "elif_clause") \
	X(else_clause, "else_clause") \
	X(try_statement, "try_statement") \
	X(except_clause, "except_clause") \
	X(except_group_clause, "except_group_clause") \
	X(finally_clause, "finally_clause") \
	X(with_statement, "with_statement") \
	X(for_statement, "for_statement") \
	X(while_statement, "while_statement") \
	X(match_statement, "match_statement") \
	X(case_clause, "case_clause") \
	X(expression_statement, "expression_statement") \
	X(assignment, "assignment") \
	X(augmented_assignment, "augmented_assignment") \
	X(pass_statement, "pass_statement") \
	X(ellipsis, "ellipsis") \
	X(lambda, "lambda") \
	X(tuple_pattern, "tuple_pattern") \
	X(pattern_list, "pattern_list") \
	X(yield, "yield") \
	X(await, "await") \
	X(import_statement, "import_statement") \
	X(import_from_statement, "import_from_statement") \
	X(dotted_name, "dotted_name") \
	X(aliased_import, "aliased_import") \
	X(return_statement, "return_statement") \
	X(break_statement, "break_statement") \
	X(continue_statement, "continue_statement") \
	X(global_statement, "global_statement") \
	X(delete_statement, "delete_statement") \
	X(subscript, "subscript") \
	X(integer, "integer") \
	X(true_, "true") \
	X(false_, "false") \
	X(none, "none") \
	X(list_comprehension, "list_comprehension") \
	X(set_comprehension, "set_comprehension") \
	X(dictionary_comprehension, "dictionary_comprehension") \
	X(generator_expression, "generator_expression") \
	X(for_in_clause, "for_in_clause") \
	X(print_statement, "print_statement") \
	X(exec_statement, "exec_statement") \
	X(raise_statement, "raise_statement") \
	X(expression_list, "expression_list") \
	X(list_splat, "list_splat") \
	X(dictionary_splat, "dictionary_splat") \
	X(float_, "float") \
	X(concatenated_string, "concatenated_string") \
	X(interpolation, "interpolation") \
	X(tuple, "tuple") \
	X(list, "list") \
	X(parenthesized_expression, "parenthesized_expression") \
	X(generic_type, "generic_type") \
	X(unary_operator, "unary_operator") \
	X(binary_operator, "binary_operator") \
	X(not_operator, "not_operator") \
	X(boolean_operator, "boolean_operator") \
	X(comparison_operator, "comparison_operator") \
	X(named_expression, "named_expression") \
	X(list_pattern, "list_pattern") \
	X(as_pattern, "as_pattern") \
	X(as_pattern_target, "as_pattern_target") \
	X(future_import_statement, "future_import_statement") \
	X(nonlocal_statement, "nonlocal_statement") \
	X(assert_statement, "assert_statement") \
	X(type_alias_statement, "type_alias_statement") \
	X(slice, "slice") \
	X(wildcard_import, "wildcard_import")

/* Anonymous tokens (keywords and operators) compared by symbol. */
#define SCOUT_TOKENS(X) \
	X(kw_async, "async") \
	X(op_and, "and") \
	X(op_minus, "-") \
	X(op_pipe, "|") \
	X(op_is, "is") \
	X(op_is_not, "is not") \
	X(op_lt, "<") \
	X(op_le, "<=") \
	X(op_gt, ">") \
	X(op_ge, ">=") \
	X(op_eq, "==") \
	X(op_ne, "!=") \
	X(op_or, "or") \
	X(op_not, "not") \
	X(op_diamond, "<>")
// clang-format on

typedef struct scout_symbols {
#define SCOUT_SYMBOL_FIELD(field, name) TSSymbol field;
	SCOUT_SYMBOLS(SCOUT_SYMBOL_FIELD)
	SCOUT_TOKENS(SCOUT_SYMBOL_FIELD)
#undef SCOUT_SYMBOL_FIELD
	TSSymbol error;
	TSFieldId f_name, f_body, f_parameters, f_return_type, f_superclasses, f_definition, f_left,
	    f_right, f_type, f_value, f_object, f_attribute, f_function, f_arguments, f_condition,
	    f_alternative, f_consequence, f_argument, f_operator, f_type_parameters, f_module_name,
	    f_alias;
} scout_symbols;

/* The symbol table, filled on first use (thread-safe). Borrowed, static. */
const scout_symbols *scout_syntax_symbols(void);

/* A table of one byte per symbol of the Python grammar, each what classify
 * says of it; *count is set to the number of symbols (ERROR, 65535, is past
 * them). For tables built once per process: never freed. */
uint8_t *scout_symbol_bytes(uint8_t (*classify)(const TSLanguage *lang, TSSymbol t),
                            uint32_t *count);

/* A node's source text (borrowed from src) and its length. */
static inline const char *scout_node_text(TSNode n, const char *src, uint32_t *len)
{
	uint32_t start = ts_node_start_byte(n);

	*len = ts_node_end_byte(n) - start;
	return src + start;
}

/* True when the node's text is exactly `s`. */
bool scout_node_text_is(TSNode n, const char *src, const char *s);

/* A dotted name's text without the blanks, backslashes and line breaks it
 * may hold (`a . b`, or a name continued over lines, is "a.b"); owned by
 * caller, free with free(). */
char *scout_node_dotted_text(TSNode n, const char *src);

/* The named children of a node, in order, from the tree index or else
 * through a tree cursor: linear in their count, where a loop over
 * ts_node_named_child(n, i) is quadratic.
 *
 *     scout_children it = scout_children_of(parent);
 *     while (scout_children_next(&it))
 *             use(it.node);
 *
 * The cursor is allocated by the first next and freed when next returns
 * false; a loop left early must call scout_children_close. */
typedef struct scout_children {
	TSTreeCursor cursor;
	TSNode parent;    /* a null parent has no children */
	TSNode node;      /* the current child, after next returned true */
	int state;        /* 0 not started, 1 open, 2 done, 3 from the tree index */
	uint32_t at, end; /* state 3: the rest of the parent's named children */
} scout_children;

static inline scout_children scout_children_of(TSNode parent)
{
	scout_children it;

	it.parent = parent;
	it.node = parent;
	it.state = 0;
	return it;
}

/* Moves to the next named child; false (and the cursor freed) past the last. */
bool scout_children_next(scout_children *it);

/* Frees the cursor of a loop left early; a no-op when it is already done. */
void scout_children_close(scout_children *it);

/* ts_node_child_by_field_id and ts_node_named_child, answered from the
 * thread's tree index (scout/tree_index.h) for the tree being walked. */
TSNode scout_node_field(TSNode n, TSFieldId field);
TSNode scout_node_named_child(TSNode n, uint32_t index);

/* Frees this thread's tree index. Called when a thread's analyzer is freed. */
void scout_syntax_thread_release(void);

#endif
