/* Questions about definitions that the rules share: the names, decorators
 * and parameters of defs and classes, which class a method belongs to, the
 * function around the current node, and the assignments and annotations of
 * class-body statements. Nodes are borrowed from the walked tree. */
#ifndef SCOUT_RULES_DEFS_H
#define SCOUT_RULES_DEFS_H

#include "common/nodes.h"
#include "scout/class_kind.h"

/* How many classes a walk up a chain of same-module bases visits at most
 * (so that cycles end). */
#define SCOUT_DEFS_MAX_CHAIN 32
/* How many bases of one class are looked at. */
#define SCOUT_DEFS_MAX_BASES 16

/* The name node of a def or class (null for a null node). */
static inline TSNode scout_defs_name(const scout_walk *w, TSNode def)
{
	return scout_nodes_field(def, w->sym->f_name);
}

/* The definition inside a decorated_definition, or the node itself. */
TSNode scout_defs_undecorate(const scout_walk *w, TSNode node);

/* The callee of a decorator: `f` of both `@f` and `@f(...)`; null when the
 * decorator has no expression. */
TSNode scout_defs_decorator_callee(const scout_walk *w, TSNode decorator);

/* The first decorator of `def` whose callee qualifies to one of `names`
 * (NULL-terminated), or null. */
TSNode scout_defs_decorator(const scout_walk *w, TSNode def, const char *const *names);

/* True when `def` is a method declared @staticmethod. */
bool scout_defs_is_staticmethod(const scout_walk *w, TSNode def);

/* The class whose body holds `def` directly (also when decorated), or null. */
TSNode scout_defs_method_class(const scout_walk *w, TSNode def);

/* The same for the current node of the walk (a def, or a decorator of
 * one), from the walk's ancestors. */
TSNode scout_defs_owner_class(const scout_walk *w);

/* The nearest function_definition above the current node (ancestor `from`
 * upward), or null when a class body or lambda comes first. */
TSNode scout_defs_enclosing_function(const scout_walk *w, uint32_t from);

/* True for an `async def`. */
static inline bool scout_defs_is_async(const scout_walk *w, TSNode def)
{
	return scout_node_child_count(def) &&
	       scout_nodes_is(scout_node_child(def, 0), w->sym->kw_async);
}

/* True when cls is not null and mypyc builds it as a native class. */
static inline bool scout_defs_is_native(const scout_walk *w, TSNode cls)
{
	return !ts_node_is_null(cls) && scout_class_kind_of(w, cls) == SCOUT_CLASS_NATIVE;
}

/* True when cls (a class_definition) is a statement of the module itself,
 * decorated or not: the classes mypyc prepares (module.defs). */
bool scout_defs_at_module_level(const scout_walk *w, TSNode cls);

/* The method `name` (len bytes) defined in the body of cls, or null. */
TSNode scout_defs_body_method(const scout_walk *w, TSNode cls, const char *name, uint32_t len);

/* Pushes the same-module classes among cls's bases onto todo (last base
 * first, so that they pop in order), while *ntodo < SCOUT_DEFS_MAX_CHAIN. */
void scout_defs_push_bases(const scout_walk *w, TSNode cls, TSNode *todo, size_t *ntodo);

/* The name node of a parameter (plain, typed, defaulted), or null for
 * splats and separators. */
TSNode scout_defs_param_name(const scout_walk *w, TSNode p);

/* Writes the positional-or-keyword parameters of def, in order (no splats),
 * into out, at most cap of them. Returns how many. */
uint32_t scout_defs_params_of(const scout_walk *w, TSNode def, TSNode *out, uint32_t cap);

/* The annotation expression of a parameter, or null. */
TSNode scout_defs_param_type(const scout_walk *w, TSNode p);

/* The assignment an expression statement holds (`x = 1`, `x: int`), or
 * null for any other statement. */
TSNode scout_defs_assignment(const scout_walk *w, TSNode stmt);

/* The name an assignment's annotation is spelled with: `ClassVar` of
 * `x: ClassVar[int]`, `typing.Final` of `x: typing.Final`; null when the
 * assignment has no annotation. */
TSNode scout_defs_annotation_head(const scout_walk *w, TSNode assignment);

/* True when that name qualifies to one of `names` (NULL-terminated). */
bool scout_defs_annotation_is(const scout_walk *w, TSNode assignment, const char *const *names);

/* The positional base expression of class_def at or after its *i-th
 * superclass argument (keyword arguments and comments skipped; *i moves
 * past it), or null past the last:
 *     uint32_t i = 0;
 *     while (!ts_node_is_null(b = scout_defs_base_at(w, cls, &i))) ... */
TSNode scout_defs_base_at(const scout_walk *w, TSNode class_def, uint32_t *i);

/* Reports a finding of `self` at `at` whose message is fmt with the name of
 * class_def (cut to 80 bytes) for its one "%.*s". */
void scout_defs_report_class(scout_walk *w, const scout_rule *self, TSNode at, TSNode class_def,
                             const char *fmt);

/* True for the node types that open a new scope (their bodies bind other
 * names): defs, classes, lambdas, comprehensions. */
bool scout_defs_opens_scope(const scout_walk *w, TSSymbol t);

/* True for the node types that hold statements (module, blocks, compound
 * statements and their clauses, definitions), never expressions. */
bool scout_defs_holds_statements(const scout_walk *w, TSSymbol t);

/* The function type comment of a def (`# type: (...) -> R`, after the
 * parameters and before the first statement of the body), or null. */
TSNode scout_defs_type_comment(const scout_walk *w, TSNode def);

/* True when def carries no annotation at all (the first parameter's
 * included) and no function type comment: mypy gives it no type, and does
 * not check its body (without check_untyped_defs). */
bool scout_defs_unannotated(const scout_walk *w, TSNode def);

/* What scout_defs_scan_body calls on each node; true stops the scan. */
typedef bool (*scout_defs_visit)(const scout_walk *w, TSNode n, const void *arg);

/* Calls `visit` on the nodes of def's body (not nested defs, classes or
 * lambdas) that start before `limit` (a byte offset; UINT32_MAX for all),
 * until it returns true (then returns true). Iterative and bounded. */
bool scout_defs_scan_body(const scout_walk *w, TSNode def, uint32_t limit, scout_defs_visit visit,
                          const void *arg);

#endif
