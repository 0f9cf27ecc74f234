/* Shared pieces of the heuristic rule family (heuristics.c,
 * heuristics_instances.c, heuristics_values.c). */
#ifndef SCOUT_HEURISTICS_H
#define SCOUT_HEURISTICS_H

#include "registry.h"
#include "scout/class_kind.h"
#include "scout/stdlib.h"

/* The native int type ("i64", "i32", "i16", "u8") an annotation names
 * through mypy_extensions, or NULL. */
const char *scout_native_int_of(const scout_walk *w, TSNode annotation);

/* ---- node helpers shared by the heuristic files (heuristics_common.c) ---- */

/* A node's text for messages, cut to 60 bytes: printf("%.*s", SCOUT_HX_TEXT(n, src)). */
#define SCOUT_HX_TEXT(n, src)                                                                      \
	(int)scout_hx_text_len(n), ts_node_is_null(n) ? "" : (src) + ts_node_start_byte(n)

TSNode scout_hx_null_node(void);

TSNode scout_hx_field(TSNode n, TSFieldId id);

uint32_t scout_hx_text_len(TSNode n);

bool scout_hx_same_text(const scout_walk *w, TSNode a, TSNode b);

TSNode scout_hx_name_of(const scout_walk *w, TSNode def);

/* The class whose body holds `def` directly (also when decorated). */
TSNode scout_hx_method_class(const scout_walk *w, TSNode def);

/* The nearest function_definition above the current node (ancestor `from`
 * upward), or null when a class body or lambda comes first. */
TSNode scout_hx_enclosing_function(const scout_walk *w, uint32_t from);

bool scout_hx_is_native(const scout_walk *w, TSNode cls);

/* The name node of a parameter (plain, typed, defaulted), or null for
 * splats and separators. */
TSNode scout_hx_param_name(const scout_walk *w, TSNode p);

/* The positional-or-keyword parameters of def, in order (no splats). */
uint32_t scout_hx_params_of(const scout_walk *w, TSNode def, TSNode *out, uint32_t cap);

bool scout_hx_is_staticmethod(const scout_walk *w, TSNode def);

/* The annotation expression of a parameter, or null. */
TSNode scout_hx_param_type(const scout_walk *w, TSNode p);

/* The method `name` (NUL-terminated) defined in the body of cls, or null. */
TSNode scout_hx_body_method(const scout_walk *w, TSNode cls, const char *name, uint32_t len);

/* Pushes the same-module classes among cls's bases. */
void scout_hx_push_bases(const scout_walk *w, TSNode cls, TSNode *todo, size_t *ntodo);

#endif
