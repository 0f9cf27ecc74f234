/* The __init__ of a native class that calls a base class's __init__ without
 * annotations. mypyc compiles `super().__init__(...)` and
 * `Base.__init__(self, ...)` into a direct call when the base is a native
 * class of the build, and its analysis of which attributes __init__ always
 * defines (mypyc/analysis/attrdefined.py, since #12600, mypy 0.971) asks
 * the callee's `self` for its class; an __init__ without annotations has
 * the signature of a plain function, `self: object`, and mypyc stops on
 * `assert isinstance(self_type, RInstance)` (mypyc/analysis/selfleaks.py).
 *
 * The analysis skips classes that are traits, allow interpreted
 * subclasses, are serializable or inherit from anything that is not a
 * native class of the build (a builtin, Generic[T], an imported class);
 * this rule follows single-base chains of classes of this module only. */
#include "common/defs.h"
#include "common/docs.h"
#include "registry.h"

#include <stdio.h>

static const char *const init_names[] = {"object.__init__", NULL};
static const char *const *const init_callees[] = {init_names, NULL};
static const char *const super_names[] = {"builtins.super", NULL};
static const char *const object_names[] = {"builtins.object", NULL};

/* True when the mypyc_attr key of cls is given True. */
static bool attr_true(const scout_walk *w, TSNode cls, const char *key)
{
	TSNode v = scout_mypyc_attr_value(w, cls, key);

	return !ts_node_is_null(v) && scout_node_text_is(v, w->src, "True");
}

/* True when mypyc analyses the __init__ of cls on its own terms: a native
 * class, not a trait, neither allowing interpreted subclasses nor
 * serializable. */
static bool analysed(const scout_walk *w, TSNode cls)
{
	return scout_defs_is_native(w, cls) && !scout_class_is_trait(w, cls) &&
	       !attr_true(w, cls, "allow_interpreted_subclasses") &&
	       !attr_true(w, cls, "serializable");
}

/* The first base of cls when it is a plain name of a class of this module
 * and any others are traits of this module (*base), or none (*base null,
 * cls derives from object only); false for anything else: a subscripted or
 * imported base, several classes. */
static bool single_base(const scout_walk *w, TSNode cls, TSNode *base)
{
	TSNode bases[SCOUT_DEFS_MAX_BASES];
	uint32_t n = scout_class_bases(w, cls, bases, SCOUT_DEFS_MAX_BASES);

	*base = SCOUT_NULL_NODE;
	if (n == 0 || (n == 1 && scout_walk_is(w, bases[0], object_names)))
		return true;
	for (uint32_t i = 0; i < n; i++) {
		TSNode c = scout_nodes_is(bases[i], w->sym->identifier)
		               ? scout_module_class_of(w, bases[i])
		               : SCOUT_NULL_NODE;

		if (ts_node_is_null(c) || (i > 0 && !scout_class_is_trait(w, c)))
			return false;
	}
	*base = scout_module_class_of(w, bases[0]);
	return !scout_class_is_trait(w, *base);
}

/* True when every class from cls up is analysed and has one base of this
 * module (or none). */
static bool analysed_chain(const scout_walk *w, TSNode cls)
{
	for (int i = 0; i < SCOUT_DEFS_MAX_CHAIN && !ts_node_is_null(cls); i++) {
		TSNode base;

		if (!analysed(w, cls) || !single_base(w, cls, &base))
			return false;
		if (ts_node_is_null(base))
			return true;
		cls = base;
	}
	return false;
}

/* The __init__ def that `cls.__init__` finds, from cls up its chain of
 * single bases of this module (*owner: its class), or null. */
static TSNode init_of(const scout_walk *w, TSNode cls, TSNode *owner)
{
	for (int i = 0; i < SCOUT_DEFS_MAX_CHAIN && !ts_node_is_null(cls); i++) {
		TSNode def = scout_defs_body_method(w, cls, "__init__", 8), base;

		if (!ts_node_is_null(def)) {
			*owner = cls;
			return def;
		}
		if (!single_base(w, cls, &base))
			return SCOUT_NULL_NODE;
		cls = base;
	}
	return SCOUT_NULL_NODE;
}

/* The class whose __init__ the call reaches first: the base of `sub` for
 * super().__init__(...) (no arguments, or two), the class named for
 * Name.__init__(...); or null. */
static TSNode called_class(const scout_walk *w, TSNode call, TSNode sub)
{
	TSNode fn = scout_nodes_field(call, w->sym->f_function), obj, base;

	if (!scout_nodes_is(fn, w->sym->attribute) ||
	    !scout_node_text_is(scout_nodes_field(fn, w->sym->f_attribute), w->src, "__init__"))
		return SCOUT_NULL_NODE;
	obj = scout_nodes_field(fn, w->sym->f_object);
	if (scout_nodes_is(obj, w->sym->call)) {
		uint32_t nargs =
		    scout_nodes_argument_count(w, scout_nodes_field(obj, w->sym->f_arguments));

		if (!scout_walk_is(w, scout_nodes_field(obj, w->sym->f_function), super_names) ||
		    (nargs != 0 && nargs != 2) || !single_base(w, sub, &base))
			return SCOUT_NULL_NODE;
		return base;
	}
	return scout_nodes_is(obj, w->sym->identifier) ? scout_module_class_of(w, obj)
	                                               : SCOUT_NULL_NODE;
}

static void check_untyped_base_init(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode def = scout_defs_enclosing_function(w, 1), sub, target, init, owner;
	char message[400], fix[200];
	const char *s, *o;
	int ns, no;

	if (ts_node_is_null(def) ||
	    !scout_node_text_is(scout_defs_name(w, def), w->src, "__init__") ||
	    ts_node_is_null(sub = scout_defs_method_class(w, def)) ||
	    !scout_defs_at_module_level(w, sub) ||
	    ts_node_is_null(target = called_class(w, node, sub)) || !analysed_chain(w, sub) ||
	    ts_node_is_null(init = init_of(w, target, &owner)) || !scout_defs_unannotated(w, init))
		return;
	ns = scout_nodes_clip(scout_defs_name(w, sub), w->src, &s);
	no = scout_nodes_clip(scout_defs_name(w, owner), w->src, &o);
	snprintf(message, sizeof(message),
	         "the __init__ of native class %.*s calls %.*s.__init__, which has no "
	         "annotations: mypyc stops with an AssertionError (mypyc/analysis/selfleaks.py)",
	         ns, s, no, o);
	snprintf(fix, sizeof(fix), "annotate %.*s.__init__ (`-> None` is enough)", no, o);
	scout_walk_report(w, self, node, message, fix);
}

static const scout_rule rule_untyped_base_init = {
    .id = "untyped-base-init",
    .category = SCOUT_BLOCKER,
    .title = "native __init__ calling a base __init__ without annotations",
    .why = "mypyc compiles super().__init__(...) and Base.__init__(self, ...) into a direct "
           "call when Base is a native class of the build; its analysis of the attributes "
           "__init__ always defines (mypyc 0.971 and later) then needs the callee's self type, "
           "and an __init__ without annotations has `self: object`: mypyc stops with an "
           "AssertionError in mypyc/analysis/selfleaks.py",
    .bad = "class Base:\n    def __init__(self, x):\n        self.x = x\n\n\nclass Sub(Base):\n"
           "    def __init__(self, x: int) -> None:\n        super().__init__(x)\n",
    .good = "class Base:\n    def __init__(self, x: int) -> None:\n        self.x = x\n\n\n"
            "class Sub(Base):\n    def __init__(self, x: int) -> None:\n"
            "        super().__init__(x)\n",
    .fix = "annotate the base class's __init__ (`-> None` is enough)",
    .docs = SCOUT_DOCS_NATIVE,
    .since = SCOUT_V(0, 971, 0),
    .on = "call",
    .enter = check_untyped_base_init,
    .callees = init_callees};

SCOUT_FAMILY(scout_family_methods_base_init, &rule_untyped_base_init);
