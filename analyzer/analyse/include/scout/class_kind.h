/* Class facts that many rules share, decided from one module's syntax the way
 * mypyc decides them (mypyc/irbuild/util.py, prepare.py). */
#ifndef SCOUT_CLASS_KIND_H
#define SCOUT_CLASS_KIND_H

#include "scout/rule.h"

typedef enum scout_class_kind {
	SCOUT_CLASS_NATIVE = 0,
	SCOUT_CLASS_NONNATIVE_DECORATOR, /* a class decorator mypyc does not accept */
	SCOUT_CLASS_NONNATIVE_METACLASS, /* metaclass= other than ABCMeta & co */
	SCOUT_CLASS_NONNATIVE_ENUM,      /* an Enum subclass */
	SCOUT_CLASS_NONNATIVE_RECORD,    /* class-based TypedDict or NamedTuple */
	SCOUT_CLASS_NONNATIVE_EXPLICIT,  /* @mypyc_attr(native_class=False), mypyc >= 1.16 */
} scout_class_kind;

/* How mypyc (at w->config's version) would build `class_def` (a
 * class_definition node): native or, if not, why not. Looks at the
 * decorators of the enclosing decorated_definition, the bases and keywords,
 * resolving names through w->names; a base that is a class of this module
 * makes the class an Enum/record subclass when that base is one. */
scout_class_kind scout_class_kind_of(const scout_walk *w, TSNode class_def);

/* The decorated_definition around a class or def, or a null node. */
TSNode scout_decorated_parent(const scout_walk *w, TSNode def);

/* The `@mypyc_attr(...)` decorator call of a class or def, or a null node. */
TSNode scout_mypyc_attr_call(const scout_walk *w, TSNode def);

/* The value node of keyword `key` in the @mypyc_attr(...) call of `def`, or a
 * null node (also when the decorator is absent). */
TSNode scout_mypyc_attr_value(const scout_walk *w, TSNode def, const char *key);

/* The module-level class_definition named `name` (len bytes) in this module,
 * or a null node. */
TSNode scout_module_class(const scout_walk *w, const char *name, uint32_t len);

/* The module-level class that `expr` names (an identifier, or a subscript
 * of one such as `Base[int]`) when the name is bound by that class
 * definition (not rebound by an import), or a null node. */
TSNode scout_module_class_of(const scout_walk *w, TSNode expr);

/* Writes the positional bases of `class_def` as written (identifiers,
 * attributes, subscripts such as `Base[int]`; no keywords or splats) into
 * out, at most cap of them. Returns how many. */
uint32_t scout_class_bases(const scout_walk *w, TSNode class_def, TSNode *out, uint32_t cap);

/* The name part of a base: `Base` of `Base[int]`. */
TSNode scout_base_name(const scout_walk *w, TSNode base);

/* True when a qualified name ("builtins.KeyError", "typing.List") is a
 * builtin class outside mypyc's allow-list for native subclasses. */
bool scout_qualified_is_bad_builtin(const char *qualified);
/* The same for a base expression of this module. */
bool scout_base_is_bad_builtin(const scout_walk *w, TSNode base);

/* True when a decorator of `def` (bare or called) qualifies to one of the
 * NULL-terminated names. */
bool scout_class_has_decorator(const scout_walk *w, TSNode def, const char *const *names);

/* A trait for mypyc: @trait, or a class with a Protocol base. */
bool scout_class_is_trait(const scout_walk *w, TSNode class_def);

/* The callee filter (scout_rule.callees) of the checks on `x.__new__(...)`
 * calls, which compare the attribute themselves: any call of a `__new__`. */
extern const char *const *const scout_new_callees[];

/* The current mypyc version the rules are evaluated for. */
uint32_t scout_walk_mypyc_version(const scout_walk *w);

#endif
