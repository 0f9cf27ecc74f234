/* Properties: the getter-and-one-setter shape mypyc supports, setters in
 * non-native classes, cached_property compiled as a plain property, and
 * getters without annotations (mypyc/irbuild/classdef.py, prepare.py). */
#include "common/defs.h"
#include "common/docs.h"
#include "registry.h"

#include <stdio.h>
#include <string.h>

static const char *const property_names[] = {"builtins.property", NULL};

/* For `@<x>.setter` / `@<x>.deleter`: the decorator, its kind ("setter"
 * or "deleter") in *kind and the property name in *prop; or null. */
static TSNode accessor_decorator(const scout_walk *w, TSNode decorated, const char **kind,
                                 TSNode *prop)
{
	uint32_t count = scout_node_named_child_count(decorated);

	for (uint32_t i = 0; i < count; i++) {
		TSNode d = scout_node_named_child(decorated, i), e, attr;

		if (ts_node_symbol(d) != w->sym->decorator || !scout_node_named_child_count(d))
			continue;
		e = scout_node_named_child(d, 0);
		if (ts_node_symbol(e) != w->sym->attribute)
			continue;
		attr = scout_node_field(e, w->sym->f_attribute);
		*prop = scout_node_field(e, w->sym->f_object);
		if (ts_node_is_null(*prop) || ts_node_symbol(*prop) != w->sym->identifier)
			continue;
		if (scout_node_text_is(attr, w->src, "setter"))
			*kind = "setter";
		else if (scout_node_text_is(attr, w->src, "deleter"))
			*kind = "deleter";
		else
			continue;
		return d;
	}
	return SCOUT_NULL_NODE;
}

/* True when an earlier statement of `body` (before index `end`) is an
 * @property getter named like `prop`. */
static bool has_property(const scout_walk *w, TSNode body, uint32_t end, TSNode prop)
{
	for (uint32_t i = 0; i < end; i++) {
		TSNode stmt = scout_node_named_child(body, i), def = scout_defs_undecorate(w, stmt);

		if (ts_node_symbol(stmt) == w->sym->decorated_definition &&
		    ts_node_symbol(def) == w->sym->function_definition &&
		    scout_nodes_same_text(w, scout_defs_name(w, def), prop) &&
		    scout_class_has_decorator(w, def, property_names))
			return true;
	}
	return false;
}

static void check_property_shape(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode body = scout_node_field(node, w->sym->f_body);
	uint32_t count = ts_node_is_null(body) ? 0 : scout_node_named_child_count(body);
	char message[256];

	for (uint32_t i = 0; i < count; i++) {
		TSNode stmt = scout_node_named_child(body, i), prop, d;
		const char *kind = NULL;
		uint32_t ndecorators = 0, nsetters = 0;

		if (ts_node_symbol(stmt) != w->sym->decorated_definition)
			continue;
		d = accessor_decorator(w, stmt, &kind, &prop);
		if (ts_node_is_null(d) || !has_property(w, body, i, prop))
			continue;
		for (uint32_t j = 0; j < scout_node_named_child_count(stmt); j++)
			ndecorators +=
			    ts_node_symbol(scout_node_named_child(stmt, j)) == w->sym->decorator;
		for (uint32_t j = 0; j < i; j++) { /* earlier setters of the same property */
			TSNode other = scout_node_named_child(body, j), p2;
			const char *k2 = NULL;

			if (ts_node_symbol(other) == w->sym->decorated_definition &&
			    !ts_node_is_null(accessor_decorator(w, other, &k2, &p2)) &&
			    scout_nodes_same_text(w, p2, prop))
				nsetters++;
		}
		if (strcmp(kind, "deleter") == 0)
			snprintf(
			    message, sizeof(message),
			    "property %.*s has a deleter: mypyc supports only a getter and one "
			    "setter (\"Unsupported property decorator semantics\")",
			    SCOUT_TEXT_ARG(prop, w->src));
		else if (ndecorators > 1)
			snprintf(message, sizeof(message),
			         "the setter of property %.*s has other decorators: mypyc reports "
			         "\"Unsupported property decorator semantics\"",
			         SCOUT_TEXT_ARG(prop, w->src));
		else if (nsetters > 0)
			snprintf(message, sizeof(message),
			         "property %.*s has more than one setter: mypyc reports "
			         "\"Unsupported property decorator semantics\"",
			         SCOUT_TEXT_ARG(prop, w->src));
		else
			continue;
		scout_walk_report(w, self, d, message, NULL);
	}
}

static const scout_rule rule_property_unsupported_shape = {
    .id = "property-unsupported-shape",
    .category = SCOUT_BLOCKER,
    .title = "property with a deleter, several setters, or a decorated setter",
    .why = "mypyc supports a property getter and at most one plain @x.setter; it reports "
           "\"Unsupported property decorator semantics\" (1.0.1 crashed with KeyError)",
    .bad = "class C:\n    @property\n    def x(self) -> int:\n        return 0\n\n    "
           "@x.deleter\n    def x(self) -> None:\n        pass\n",
    .good = "class C:\n    @property\n    def x(self) -> int:\n        return 0\n\n    "
            "def clear_x(self) -> None:\n        pass\n",
    .fix = "replace the deleter (or extra setter decorators) with a plain method",
    .docs = SCOUT_DOCS_NATIVE,
    .on = "class_definition",
    .enter = check_property_shape};

static const char *const cached_property_names[] = {"functools.cached_property", NULL};

static void check_cached_property(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode def = scout_walk_ancestor(w, 1), cls, name;
	const char *m, *c;
	char message[240];
	int nm, nc;

	if (!scout_walk_is(w, scout_defs_decorator_callee(w, node), cached_property_names) ||
	    ts_node_symbol(def) != w->sym->decorated_definition)
		return;
	def = scout_node_field(def, w->sym->f_definition);
	cls = scout_defs_owner_class(w);
	if (ts_node_is_null(def) || ts_node_is_null(cls) || !scout_defs_is_native(w, cls))
		return;
	name = scout_node_field(def, w->sym->f_name);
	nm = scout_nodes_clip(name, w->src, &m);
	nc = scout_nodes_clip(scout_node_field(cls, w->sym->f_name), w->src, &c);
	snprintf(message, sizeof(message),
	         "cached_property %.*s of native class %.*s is compiled as a plain property and "
	         "recomputed on every access",
	         nm, m, nc, c);
	scout_walk_report(w, self, node, message, NULL);
}

static const scout_rule rule_cached_property = {
    .id = "cached-property",
    .category = SCOUT_BEHAVIOUR,
    .title = "functools.cached_property in a native class",
    .why = "mypyc compiles cached_property as a plain property: the value is recomputed on "
           "every access",
    .bad = "class C:\n    @cached_property\n    def v(self) -> int:\n        return 1\n",
    .good = "class C:\n    def __init__(self) -> None:\n        self._v: int | None = None\n\n"
            "    @property\n    def v(self) -> int:\n        if self._v is None:\n"
            "            self._v = 1\n        return self._v\n",
    .fix = "cache explicitly in an Optional attribute behind a @property",
    .docs = SCOUT_DOCS_DIFF,
    .on = "decorator",
    .enter = check_cached_property};

static void check_nonext_property_setter(scout_walk *w, TSNode node, const scout_rule *self)
{
	const scout_symbols *s = w->sym;
	TSNode callee = scout_defs_decorator_callee(w, node), cls;

	if (ts_node_is_null(callee) || ts_node_symbol(callee) != s->attribute ||
	    !scout_node_text_is(scout_node_field(callee, s->f_attribute), w->src, "setter"))
		return;
	cls = scout_defs_owner_class(w);
	if (ts_node_is_null(cls) || scout_defs_is_native(w, cls))
		return;
	scout_defs_report_class(
	    w, self, node, cls,
	    "property setter in non-native class %.*s: mypyc reports \"Property setters "
	    "not supported in non-extension classes\"");
}

static const scout_rule rule_nonext_property_setter = {
    .id = "nonext-property-setter",
    .category = SCOUT_BLOCKER,
    .title = "property setter in a non-native class",
    .why = "mypyc reports \"Property setters not supported in non-extension classes\"",
    .bad = "@functools.total_ordering\nclass C:\n    @property\n    def x(self) -> int:\n"
           "        return 0\n\n    @x.setter\n    def x(self, v: int) -> None:\n        pass\n",
    .good = "class C:\n    @property\n    def x(self) -> int:\n        return 0\n\n"
            "    @x.setter\n    def x(self, v: int) -> None:\n        pass\n",
    .fix = "make the class native (drop the decorator or metaclass) or replace the setter with "
           "a set_x() method",
    .docs = SCOUT_DOCS_NATIVE,
    .on = "decorator",
    .enter = check_nonext_property_setter};

/* What mypy marks is_property (mypy/semanal.py, visit_decorator): mypyc
 * declares each as a property getter. */
static const char *const getter_names[] = {"builtins.property", "abc.abstractproperty",
                                           "functools.cached_property", "enum.property", NULL};

static void check_untyped_property(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode cls = scout_defs_method_class(w, node), name;
	char message[320], fix[160];
	const char *text;
	int len;

	if (ts_node_is_null(cls) || !scout_defs_at_module_level(w, cls) ||
	    !scout_class_has_decorator(w, node, getter_names) || !scout_defs_unannotated(w, node))
		return;
	name = scout_defs_name(w, node);
	len = scout_nodes_clip_line(name, w->src, &text);
	snprintf(message, sizeof(message),
	         "property %.*s has no annotations: mypyc fails with \"Expected return type "
	         "annotation for property '%.*s'\"",
	         len, text, len, text);
	snprintf(fix, sizeof(fix), "annotate the getter's return type: `def %.*s(self) -> <type>:`",
	         len, text);
	scout_walk_report(w, self, name, message, fix);
}

static const scout_rule rule_untyped_property = {
    .id = "untyped-property",
    .category = SCOUT_BLOCKER,
    .title = "property getter without any annotation",
    .why = "mypyc declares every @property, @cached_property and @abstractproperty getter "
           "of a module-level class, native or not, with the getter's type, and a def "
           "without annotations has none: mypyc stops with \"AssertionError: Expected "
           "return type annotation for property\" (mypyc/irbuild/prepare.py)",
    .bad = "class C:\n    @property\n    def size(self):\n        return 0\n",
    .good = "class C:\n    @property\n    def size(self) -> int:\n        return 0\n",
    .fix = "annotate the getter's return type, e.g. `def size(self) -> int:`",
    .docs = SCOUT_DOCS_NATIVE,
    .on = "function_definition",
    .enter = check_untyped_property};

SCOUT_FAMILY(scout_family_methods_properties, &rule_property_unsupported_shape,
             &rule_cached_property, &rule_nonext_property_setter, &rule_untyped_property);
