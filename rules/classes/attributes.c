/* Attribute access through classes and instances: instance attributes read
 * through the class, ClassVars assigned through an instance, class
 * variables and methods replaced through the class (mypyc/irbuild/
 * expression.py, builder.py; mypy's own checks native classes rely on).
 * How a class declares a name is listed once per class and kept in the
 * walk's memo. */
#include "common/defs.h"
#include "common/typing_names.h"
#include "common/docs.h"
#include "classes/classes.h"
#include "registry.h"

#include <stdio.h>
#include <string.h>

/* What this file memoises in the walk (scout/walk.h). */
static const scout_memo_tag memo_members_listed = {"a class_definition whose members are listed"};
static const scout_memo_tag memo_member = {"(class, name hash): a member"};
static const scout_memo_tag memo_method_kind = {
    "a def in a class body: its method kind, first param"};

typedef enum member_kind {
	MEMBER_NONE = 0,
	MEMBER_VAR,      /* a plain class-body variable: an instance attribute */
	MEMBER_CLASSVAR, /* declared ClassVar */
	MEMBER_FINAL,    /* declared Final */
	MEMBER_METHOD,   /* a def */
} member_kind;

/* What one class-body statement declares: a def (MEMBER_METHOD), or an
 * assignment to a bare name (MEMBER_VAR, or CLASSVAR or FINAL by its
 * annotation; *annotated when it has one); its name node in *name. */
static member_kind statement_member(const scout_walk *w, TSNode stmt, TSNode *name, bool *annotated)
{
	TSNode a, head;

	*annotated = false;
	if (ts_node_symbol(stmt) == w->sym->decorated_definition)
		stmt = scout_node_field(stmt, w->sym->f_definition);
	if (ts_node_is_null(stmt))
		return MEMBER_NONE;
	if (ts_node_symbol(stmt) == w->sym->function_definition) {
		*name = scout_defs_name(w, stmt);
		return MEMBER_METHOD;
	}
	a = scout_defs_assignment(w, stmt);
	if (ts_node_is_null(a))
		return MEMBER_NONE;
	*name = scout_node_field(a, w->sym->f_left);
	if (ts_node_is_null(*name) || ts_node_symbol(*name) != w->sym->identifier)
		return MEMBER_NONE;
	head = scout_defs_annotation_head(w, a);
	if (ts_node_is_null(head))
		return MEMBER_VAR;
	*annotated = true;
	if (scout_walk_is(w, head, scout_classvar_names))
		return MEMBER_CLASSVAR;
	return scout_walk_is(w, head, scout_final_names) ? MEMBER_FINAL : MEMBER_VAR;
}

/* How the body of `cls` declares `name`: a def wins, then the first
 * annotation, then a plain assignment. */
static member_kind body_member(const scout_walk *w, TSNode cls, TSNode name)
{
	scout_children it = scout_children_of(scout_node_field(cls, w->sym->f_body));
	member_kind kind = MEMBER_NONE;
	bool annotated = false;

	while (scout_children_next(&it)) {
		TSNode declared = SCOUT_NULL_NODE;
		bool with_annotation;
		member_kind k = statement_member(w, it.node, &declared, &with_annotation);

		if (k == MEMBER_NONE || !scout_nodes_same_text(w, declared, name))
			continue;
		if (k == MEMBER_METHOD) {
			scout_children_close(&it);
			return MEMBER_METHOD;
		}
		if (annotated)
			continue;
		kind = k;
		annotated = with_annotation;
	}
	return kind;
}

/* A class's members, listed in one pass over its body the first time it is
 * asked about and kept in the walk's memo, keyed by (class, hash of the
 * name): the value packs the declaring name node's place in the tree index,
 * whether it was annotated, and the kind. Classes with hundreds of members
 * are asked about every `self.x` store. */
#define MEMBER_COLLIDED UINT32_MAX /* two names, one hash: ask body_member */

static uint32_t name_hash(const char *text, uint32_t len)
{
	uint32_t h = 2166136261u;

	for (uint32_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)text[i]) * 16777619u;
	return h;
}

static uint32_t pack_member(uint32_t at, bool annotated, member_kind kind)
{
	return at << 4 | (uint32_t)annotated << 3 | (uint32_t)kind;
}

/* True when the packed member is declared with the name `text`. */
static bool packed_is(const scout_walk *w, uint32_t v, const char *text, uint32_t len)
{
	uint32_t n;
	const char *t = scout_node_text(w->tix->nodes[v >> 4].node, w->src, &n);

	return n == len && memcmp(t, text, len) == 0;
}

static void add_member(const scout_walk *w, TSNode cls, TSNode name, member_kind k, bool ann)
{
	uint32_t len, at = scout_tix_find(name), h, v;
	const char *text = scout_node_text(name, w->src, &len);

	h = name_hash(text, len);
	if (at == SCOUT_TIX_NONE || at >= 1u << 28) {
		scout_walk_memo_put_key(w, cls.id, h, &memo_member, MEMBER_COLLIDED);
		return;
	}
	if (!scout_walk_memo_get_key(w, cls.id, h, &memo_member, &v)) {
		scout_walk_memo_put_key(w, cls.id, h, &memo_member, pack_member(at, ann, k));
		return;
	}
	if (v == MEMBER_COLLIDED)
		return;
	if (!packed_is(w, v, text, len))
		v = MEMBER_COLLIDED;
	else if (k == MEMBER_METHOD && (v & 7) != MEMBER_METHOD)
		v = pack_member(at, false, MEMBER_METHOD);
	else if ((v & 7) != MEMBER_METHOD && !(v & 8))
		v = pack_member(at, ann, k); /* a later assignment, or the first annotated one */
	scout_walk_memo_put_key(w, cls.id, h, &memo_member, v);
}

static void list_members(const scout_walk *w, TSNode cls)
{
	scout_children it = scout_children_of(scout_node_field(cls, w->sym->f_body));

	scout_walk_memo_put(w, cls, &memo_members_listed, 1);
	while (scout_children_next(&it)) {
		TSNode name = SCOUT_NULL_NODE;
		bool annotated;
		member_kind k = statement_member(w, it.node, &name, &annotated);

		if (k != MEMBER_NONE && !ts_node_is_null(name))
			add_member(w, cls, name, k, annotated);
	}
}

static member_kind listed_member(const scout_walk *w, TSNode cls, TSNode name)
{
	uint32_t len, v;
	const char *text = scout_node_text(name, w->src, &len);

	if (!scout_walk_memo_get(w, cls, &memo_members_listed, &v))
		list_members(w, cls);
	if (!scout_walk_memo_get_key(w, cls.id, name_hash(text, len), &memo_member, &v))
		return MEMBER_NONE;
	if (v == MEMBER_COLLIDED || !packed_is(w, v, text, len))
		return body_member(w, cls, name);
	return (member_kind)(v & 7);
}

/* How `name` is declared in `cls` or, failing that, in its same-module
 * bases (depth first, left to right, as an MRO would mostly go); the
 * declaring class in *owner. A plain variable that overrides a ClassVar of
 * a base is a ClassVar, as mypy carries the declaration over. */
/* Whether a base imported from another module of the project (or one of
 * its bases) declares `name` ClassVar, as the scan's second pass knows
 * (scout/resolve.h): a plain assignment in a subclass is a ClassVar then. */
static bool imported_classvar(const scout_walk *w, TSNode base, TSNode name)
{
	const scout_names_resolver *r = w->names->resolver;
	char buf[512], attr[256];
	uint32_t len = ts_node_end_byte(name) - ts_node_start_byte(name);

	if (!r || !r->declares_classvar || len >= sizeof(attr) ||
	    !scout_names_qualify(w->names, base, w->src, buf, sizeof(buf)))
		return false;
	memcpy(attr, w->src + ts_node_start_byte(name), len);
	attr[len] = '\0';
	return r->declares_classvar(r->ctx, buf, attr);
}

static member_kind class_member(const scout_walk *w, TSNode cls, TSNode name, TSNode *owner)
{
	TSNode todo[SCOUT_DEFS_MAX_CHAIN];
	size_t ntodo = 0, visited = 0;
	member_kind found = MEMBER_NONE;

	*owner = SCOUT_NULL_NODE;
	todo[ntodo++] = cls;
	while (ntodo && visited++ < SCOUT_DEFS_MAX_CHAIN) {
		TSNode c = todo[--ntodo], bases[SCOUT_DEFS_MAX_BASES];
		member_kind kind = listed_member(w, c, name);
		uint32_t n;

		if (kind != MEMBER_NONE && found == MEMBER_NONE) {
			*owner = c;
			found = kind;
		} else if (kind == MEMBER_CLASSVAR) {
			found = kind; /* a variable overriding a base's ClassVar is one */
		}
		if (found != MEMBER_NONE && found != MEMBER_VAR)
			return found;
		n = scout_class_bases(w, c, bases, SCOUT_DEFS_MAX_BASES);
		for (uint32_t i = n; i-- > 0;) {
			TSNode b = scout_module_class_of(w, bases[i]);

			if (ts_node_is_null(b)) {
				if (found == MEMBER_VAR && imported_classvar(w, bases[i], name))
					return MEMBER_CLASSVAR;
			} else if (ntodo < SCOUT_DEFS_MAX_CHAIN) {
				todo[ntodo++] = b;
			}
		}
	}
	return found;
}

/* True when `node` is the target of an assignment or augmented
 * assignment (its parent is the current node's parent). */
static bool is_store(const scout_walk *w, TSNode node)
{
	TSSymbol pt = scout_walk_ancestor_symbol(w, 1);

	if (pt != w->sym->assignment && pt != w->sym->augmented_assignment)
		return false;
	return ts_node_eq(scout_node_field(scout_walk_ancestor(w, 1), w->sym->f_left), node);
}

/* The kind of method the walk is in, when the nearest enclosing function
 * is defined directly in a class body: its class in *cls and its first
 * parameter's name in *first. */
typedef enum method_kind { NOT_A_METHOD, METHOD_PLAIN, METHOD_CLASS } method_kind;

/* A def in a class body: plain or class method by its decorators (not a
 * method when static or without a named first parameter), and that
 * parameter in *first. Memoised per def: every attribute in it asks. */
static method_kind def_method_kind(const scout_walk *w, TSNode fn, TSNode *first)
{
	TSNode params, p, deco;
	uint32_t v, count, at;
	method_kind kind = METHOD_PLAIN;

	if (scout_walk_memo_get(w, fn, &memo_method_kind, &v)) {
		if ((v & 3) != NOT_A_METHOD)
			*first = w->tix->nodes[v >> 2].node;
		return (method_kind)(v & 3);
	}
	params = scout_node_field(fn, w->sym->f_parameters);
	p = ts_node_is_null(params) || !scout_node_named_child_count(params)
	        ? SCOUT_NULL_NODE
	        : scout_node_named_child(params, 0);
	if (!ts_node_is_null(p) && ts_node_symbol(p) == w->sym->typed_parameter &&
	    scout_node_named_child_count(p))
		p = scout_node_named_child(p, 0);
	at = ts_node_is_null(p) ? SCOUT_TIX_NONE : scout_tix_find(p);
	if (at == SCOUT_TIX_NONE || at >= 1u << 30 || ts_node_symbol(p) != w->sym->identifier) {
		scout_walk_memo_put(w, fn, &memo_method_kind, NOT_A_METHOD);
		return NOT_A_METHOD;
	}
	deco = scout_decorated_parent(w, fn);
	count = ts_node_is_null(deco) ? 0 : scout_node_named_child_count(deco);
	for (uint32_t j = 0; j < count && kind != NOT_A_METHOD; j++) {
		TSNode d = scout_node_named_child(deco, j), e;

		if (ts_node_symbol(d) != w->sym->decorator || !scout_node_named_child_count(d))
			continue;
		e = scout_node_named_child(d, 0);
		if (scout_walk_is(w, e, scout_staticmethod_names))
			kind = NOT_A_METHOD;
		else if (scout_walk_is(w, e, scout_classmethod_names))
			kind = METHOD_CLASS;
	}
	scout_walk_memo_put(w, fn, &memo_method_kind, at << 2 | kind);
	if (kind != NOT_A_METHOD)
		*first = p;
	return kind;
}

static method_kind enclosing_method(const scout_walk *w, TSNode *cls, TSNode *first)
{
	uint32_t i = 1, up;
	TSNode fn = SCOUT_NULL_NODE;

	for (; i < w->depth; i++) {
		TSSymbol t = scout_walk_ancestor_symbol(w, i);

		if (t == w->sym->function_definition) {
			fn = scout_walk_ancestor(w, i);
			break;
		}
		if (t == w->sym->lambda || t == w->sym->class_definition)
			return NOT_A_METHOD;
	}
	if (ts_node_is_null(fn))
		return NOT_A_METHOD;
	up = i + 1;
	if (scout_walk_ancestor_symbol(w, up) == w->sym->decorated_definition)
		up++;
	if (scout_walk_ancestor_symbol(w, up) != w->sym->block ||
	    scout_walk_ancestor_symbol(w, up + 1) != w->sym->class_definition)
		return NOT_A_METHOD;
	*cls = scout_walk_ancestor(w, up + 1);
	return def_method_kind(w, fn, first);
}

/* The same-module class that `Cls` in `Cls.attr` names directly, or null. */
static TSNode named_class(const scout_walk *w, TSNode object)
{
	if (ts_node_is_null(object) || ts_node_symbol(object) != w->sym->identifier)
		return SCOUT_NULL_NODE;
	return scout_module_class_of(w, object);
}

/* --- access -------------------------------------------------------------------- */

/* Attributes every object has, declared as instance attributes of `object`
 * in typeshed's builtins.pyi (mypyc treats them as such). */
static bool is_object_dunder(const scout_walk *w, TSNode attr)
{
	return scout_node_text_is(attr, w->src, "__doc__") ||
	       scout_node_text_is(attr, w->src, "__module__") ||
	       scout_node_text_is(attr, w->src, "__dict__") ||
	       scout_node_text_is(attr, w->src, "__annotations__");
}

/* For a store to `Cls.attr` (the current node) where Cls names a class of
 * this module: how Cls or its bases declare attr, the declaring class in
 * *owner; MEMBER_NONE for any other node. The class in *cls when there is
 * one (else null). */
static member_kind stored_class_member(const scout_walk *w, TSNode node, TSNode *object,
                                       TSNode *attr, TSNode *owner, TSNode *cls)
{
	*cls = SCOUT_NULL_NODE;
	if (!is_store(w, node))
		return MEMBER_NONE;
	*object = scout_node_field(node, w->sym->f_object);
	*attr = scout_node_field(node, w->sym->f_attribute);
	*cls = named_class(w, *object);
	return ts_node_is_null(*cls) ? MEMBER_NONE : class_member(w, *cls, *attr, owner);
}

/* mypyc checks the class as mypy knows it, native or not
 * (IRBuilder.disallow_class_assignments): a variable found in the class or
 * its bases, typeshed's `object` included, that is not a ClassVar. */
static void check_classvar_assign_via_class(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode object, attr, owner, cls;
	member_kind kind = stored_class_member(w, node, &object, &attr, &owner, &cls);
	char message[320];

	if (kind == MEMBER_VAR)
		snprintf(
		    message, sizeof(message),
		    "%.*s.%.*s is assigned through the class but %.*s is not declared ClassVar "
		    "in class %.*s: mypyc reports \"Only class variables defined as ClassVar "
		    "can be assigned to\"",
		    SCOUT_TEXT_ARG(object, w->src), SCOUT_TEXT_ARG(attr, w->src),
		    SCOUT_TEXT_ARG(attr, w->src),
		    SCOUT_TEXT_ARG(scout_defs_name(w, owner), w->src));
	else if (kind == MEMBER_NONE && !ts_node_is_null(cls) && is_object_dunder(w, attr))
		snprintf(message, sizeof(message),
		         "%.*s.%.*s is assigned through the class but every object declares %.*s "
		         "as an instance attribute: mypyc reports \"Only class variables defined "
		         "as ClassVar can be assigned to\"",
		         SCOUT_TEXT_ARG(object, w->src), SCOUT_TEXT_ARG(attr, w->src),
		         SCOUT_TEXT_ARG(attr, w->src));
	else
		return;
	scout_walk_report(w, self, node, message, NULL);
}

const scout_rule scout_rule_classvar_assign_via_class = {
    .id = "classvar-assign-via-class",
    .category = SCOUT_BLOCKER,
    .title = "assignment through the class to a variable not declared ClassVar",
    .why = "mypyc reports \"Only class variables defined as ClassVar can be assigned to\" "
           "for `Cls.attr = v` and `Cls.attr += v` where the class (of this module or "
           "another, native or not, compiled or not) or its bases declare attr as a plain "
           "variable; `__module__`, `__doc__`, `__dict__` and `__annotations__` count, "
           "since typeshed declares them on object",
    .bad = "class Foo:\n    lol = 20\n\n\nFoo.lol = 50\n",
    .good = "from typing import ClassVar\n\n\nclass Foo:\n    lol: ClassVar[int] = 20\n\n\n"
            "Foo.lol = 50\n",
    .fix = "declare the attribute as `name: ClassVar[T] = ...` in the class body; drop "
           "assignments to `Cls.__module__` and the other attributes every object has",
    .docs = SCOUT_DOCS_NATIVE,
    .on = "attribute",
    .enter = check_classvar_assign_via_class};

static void check_instance_attr_via_class(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode object, attr, cls, owner = SCOUT_NULL_NODE, mcls = SCOUT_NULL_NODE,
	                          first = SCOUT_NULL_NODE;
	method_kind mk;
	char message[320];

	if (w->in_type || scout_walk_ancestor_symbol(w, 1) == w->sym->delete_statement ||
	    is_store(w, node))
		return;
	object = scout_node_field(node, w->sym->f_object);
	attr = scout_node_field(node, w->sym->f_attribute);
	if (ts_node_is_null(object) || ts_node_is_null(attr))
		return;
	cls = named_class(w, object);
	if (ts_node_is_null(cls)) {
		/* cls.x in a classmethod, self.__class__.x in a method */
		bool via_dunder_class =
		    ts_node_symbol(object) == w->sym->attribute &&
		    scout_node_text_is(scout_node_field(object, w->sym->f_attribute), w->src,
		                       "__class__");
		TSNode base =
		    via_dunder_class ? scout_node_field(object, w->sym->f_object) : object;

		if (ts_node_symbol(base) != w->sym->identifier)
			return;
		mk = enclosing_method(w, &mcls, &first);
		if (mk == NOT_A_METHOD || !scout_nodes_same_text(w, base, first) ||
		    (mk == METHOD_CLASS) == via_dunder_class)
			return;
		cls = mcls;
	}
	if (scout_class_kind_of(w, cls) != SCOUT_CLASS_NATIVE)
		return;
	if (!is_object_dunder(w, attr)) {
		if (class_member(w, cls, attr, &owner) != MEMBER_VAR ||
		    scout_class_kind_of(w, owner) != SCOUT_CLASS_NATIVE)
			return;
	}
	snprintf(message, sizeof(message),
	         "%.*s reads instance attribute %.*s through native class %.*s: mypyc reports "
	         "\"Cannot access instance attribute \\\"%.*s\\\" through class object\"",
	         SCOUT_TEXT_ARG(node, w->src), SCOUT_TEXT_ARG(attr, w->src),
	         SCOUT_TEXT_ARG(scout_defs_name(w, cls), w->src), SCOUT_TEXT_ARG(attr, w->src));
	scout_walk_report(w, self, node, message, NULL);
}

const scout_rule scout_rule_instance_attr_via_class = {
    .id = "instance-attr-via-class",
    .category = SCOUT_BLOCKER,
    .title = "instance attribute read through a native class",
    .why = "a plain class-body variable of a native class is an instance attribute; "
           "mypyc reports \"Cannot access instance attribute \\\"{name}\\\" through class "
           "object\" for `Cls.attr`, `cls.attr` in a classmethod and "
           "`self.__class__.attr` (also __doc__, __module__, __dict__, __annotations__)",
    .bad = "class Config:\n    DEFAULT = 10\n\n\ndef f() -> int:\n    return Config.DEFAULT\n",
    .good = "from typing import Final\n\n\nclass Config:\n    DEFAULT: Final = 10\n\n\n"
            "def f() -> int:\n    return Config.DEFAULT\n",
    .fix = "declare the attribute as `name: Final = ...` or `name: ClassVar[T] = ...`",
    .docs = SCOUT_DOCS_NATIVE,
    .on = "attribute",
    .enter = check_instance_attr_via_class};

/* The checker reports on the target expression: a `# type: ignore` on any
 * of its lines counts (messages.py span_from_context). */
static const scout_mypy_error *lvalue_error(const scout_walk *w, TSNode target, const char *codes,
                                            scout_mypy_error *e)
{
	uint32_t column;

	e->codes = codes;
	scout_walk_node_start(w, target, &e->first_line, &column);
	scout_walk_node_end(w, target, &e->last_line, &column);
	return e;
}

static void check_classvar_assign_via_instance(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode object, attr, cls = SCOUT_NULL_NODE, first = SCOUT_NULL_NODE, owner;
	char message[320];
	scout_mypy_error e;

	if (!is_store(w, node))
		return;
	object = scout_node_field(node, w->sym->f_object);
	if (ts_node_is_null(object) || ts_node_symbol(object) != w->sym->identifier)
		return;
	attr = scout_node_field(node, w->sym->f_attribute);
	if (enclosing_method(w, &cls, &first) != METHOD_PLAIN ||
	    !scout_nodes_same_text(w, object, first))
		return;
	if (class_member(w, cls, attr, &owner) != MEMBER_CLASSVAR)
		return;
	snprintf(message, sizeof(message),
	         "%.*s assigns ClassVar %.*s of class %.*s through an instance: mypy reports "
	         "\"Cannot assign to class variable \\\"%.*s\\\" via instance\"",
	         SCOUT_TEXT_ARG(node, w->src), SCOUT_TEXT_ARG(attr, w->src),
	         SCOUT_TEXT_ARG(scout_defs_name(w, owner), w->src), SCOUT_TEXT_ARG(attr, w->src));
	scout_walk_report_mypy(w, self, node, lvalue_error(w, node, NULL, &e), 1, message, NULL);
}

static const scout_rule rule_classvar_assign_via_instance = {
    .id = "classvar-assign-via-instance",
    .category = SCOUT_BLOCKER,
    .title = "ClassVar assigned through self",
    .why = "mypy reports \"Cannot assign to class variable \\\"{name}\\\" via instance\"  "
           "[misc] and mypyc compiles only code that type-checks; `self.x = ...` in a method of "
           "the declaring class is checked",
    .bad = "from typing import ClassVar\n\n\nclass C:\n    cv: ClassVar[int] = 0\n\n    "
           "def reset(self) -> None:\n        self.cv = 3\n",
    .good = "from typing import ClassVar\n\n\nclass C:\n    cv: ClassVar[int] = 0\n\n    "
            "def reset(self) -> None:\n        C.cv = 3\n",
    .fix = "assign the ClassVar through the class (`C.cv = ...`), or make it an instance "
           "attribute",
    .docs = SCOUT_DOCS_NATIVE,
    .on = "attribute",
    .enter = check_classvar_assign_via_instance,
    .mypy_codes = "misc"};

static void check_assign_to_method(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode object, attr, owner, cls;
	char message[320];
	scout_mypy_error e;

	if (stored_class_member(w, node, &object, &attr, &owner, &cls) != MEMBER_METHOD)
		return;
	snprintf(message, sizeof(message),
	         "%.*s.%.*s replaces method %.*s of class %.*s: mypy reports \"Cannot assign to "
	         "a method\" and compiled callers would keep the original",
	         SCOUT_TEXT_ARG(object, w->src), SCOUT_TEXT_ARG(attr, w->src),
	         SCOUT_TEXT_ARG(attr, w->src), SCOUT_TEXT_ARG(scout_defs_name(w, owner), w->src));
	/* [assignment] until mypy 1.1 gave it its own sub-code [method-assign]
	 * (which an ignore or a disable of [assignment] still covers) */
	scout_walk_report_mypy(
	    w, self, node,
	    lvalue_error(w, node,
	                 scout_walk_mypyc_version(w) < SCOUT_V(1, 1, 0) ? "assignment" : NULL, &e),
	    1, message, NULL);
}

static const scout_rule rule_assign_to_method = {
    .id = "assign-to-method",
    .category = SCOUT_BLOCKER,
    .title = "method replaced by assignment through its class",
    .why = "mypy reports \"Cannot assign to a method\"  [method-assign] ([assignment] before "
           "mypy 1.1); native classes have immutable namespaces, so compiled code would keep "
           "calling the original (also when mypy's error is hidden and mypyc compiles on)",
    .bad = "class C:\n    def m1(self) -> None:\n        pass\n\n    def m2(self) -> "
           "None:\n        pass\n\n\nC.m1 = C.m2\n",
    .good = "class C:\n    def m1(self) -> None:\n        self.m2()\n\n    def m2(self) -> "
            "None:\n        pass\n",
    .fix = "dispatch inside the method (a flag or a strategy object) instead of "
           "replacing it",
    .docs = SCOUT_DOCS_NATIVE,
    .on = "attribute",
    .enter = check_assign_to_method,
    .mypy_codes = "method-assign,assignment"};

SCOUT_FAMILY(scout_family_classes_attributes, &scout_rule_classvar_assign_via_class,
             &scout_rule_instance_attr_via_class, &rule_classvar_assign_via_instance,
             &rule_assign_to_method);
