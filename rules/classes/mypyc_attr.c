/* @mypyc_attr(...): the keys and values mypyc accepts in the decorator of a
 * class (native_class, free_list_len, acyclic ...) and the combinations it
 * rejects (mypyc/irbuild/util.py get_mypyc_attrs, prepare.py). */
#include "common/defs.h"
#include "common/typing_names.h"
#include "common/docs.h"
#include "registry.h"

#include <stdio.h>
#include <string.h>

static const char *const trait_names[] = {"mypy_extensions.trait", NULL};

/* The @mypyc_attr(...) call of the current decorator node when it decorates
 * a class, or null. mypyc reads (and validates) the decorator's arguments only
 * on classes (irbuild/prepare.py calls get_mypyc_attrs for ClassDef alone, in
 * every version up to 2.3): on a def, such as black's
 * `@mypyc_attr(patchable=True)`, any keys compile. */
static TSNode decorator_mypyc_attr(const scout_walk *w, TSNode decorator)
{
	TSNode e = scout_node_named_child_count(decorator) ? scout_node_named_child(decorator, 0)
	                                                   : SCOUT_NULL_NODE;
	TSNode decorated = scout_walk_ancestor(w, 1);

	if (ts_node_is_null(decorated) ||
	    ts_node_symbol(decorated) != w->sym->decorated_definition ||
	    ts_node_symbol(scout_node_field(decorated, w->sym->f_definition)) !=
	        w->sym->class_definition)
		return SCOUT_NULL_NODE;
	if (ts_node_is_null(e) || ts_node_symbol(e) != w->sym->call ||
	    !scout_walk_is(w, scout_node_field(e, w->sym->f_function), scout_mypyc_attr_names))
		return SCOUT_NULL_NODE;
	return scout_node_field(e, w->sym->f_arguments);
}

static bool known_mypyc_attr(const scout_walk *w, const char *key, uint32_t len)
{
	static const char *const keys[] = {"native_class", "allow_interpreted_subclasses",
	                                   "serializable", "free_list_len", "acyclic"};
	/* acyclic is known since 2.0.0 (PR 21227). */
	size_t n = scout_walk_mypyc_version(w) >= SCOUT_V(2, 0, 0) ? 5 : 4;

	for (size_t i = 0; i < n; i++)
		if (strlen(keys[i]) == len && memcmp(keys[i], key, len) == 0)
			return true;
	return false;
}

static void check_mypyc_attr_key(scout_walk *w, TSNode node, const scout_rule *self)
{
	const scout_symbols *s = w->sym;
	TSNode args = decorator_mypyc_attr(w, node);
	uint32_t count = ts_node_is_null(args) ? 0 : scout_node_named_child_count(args);

	for (uint32_t i = 0; i < count; i++) {
		TSNode a = scout_node_named_child(args, i), key = a;
		const char *text;
		uint32_t len;
		char message[200];

		if (ts_node_symbol(a) == s->keyword_argument) {
			key = scout_node_field(a, s->f_name);
			text = scout_node_text(key, w->src, &len);
		} else if (!scout_nodes_str_content(w, a, &text, &len)) {
			continue;
		}
		if (known_mypyc_attr(w, text, len))
			continue;
		snprintf(message, sizeof(message),
		         "\"%.*s\" is not a supported \"mypyc_attr\" key, so mypyc rejects the "
		         "decorator",
		         len > 60 ? 60 : (int)len, text);
		scout_walk_report(w, self, key, message, NULL);
	}
}

static const scout_rule rule_mypyc_attr_bad_key = {
    .id = "mypyc-attr-bad-key",
    .category = SCOUT_BLOCKER,
    .title = "unknown @mypyc_attr key",
    .why = "mypyc reports \"\\\"{key}\\\" is not a supported \\\"mypyc_attr\\\"\"; it "
           "reads the keys of class decorators only, so a def decorated with any keys (black's "
           "@mypyc_attr(patchable=True)) compiles",
    .bad = "@mypyc_attr(allow_interpreted_subclass=True)\nclass C:\n    pass\n",
    .good = "@mypyc_attr(allow_interpreted_subclasses=True)\nclass C:\n    pass\n",
    .fix = "use one of native_class, allow_interpreted_subclasses, serializable, free_list_len, "
           "acyclic (2.0+)",
    .docs = SCOUT_DOCS_NATIVE,
    .since = SCOUT_V(1, 19, 0),
    .on = "decorator",
    .enter = check_mypyc_attr_key};

static void check_mypyc_attr_positional(scout_walk *w, TSNode node, const scout_rule *self)
{
	const scout_symbols *s = w->sym;
	TSNode args = decorator_mypyc_attr(w, node);
	uint32_t count = ts_node_is_null(args) ? 0 : scout_node_named_child_count(args);

	for (uint32_t i = 0; i < count; i++) {
		TSNode a = scout_node_named_child(args, i);

		if (ts_node_symbol(a) == s->keyword_argument || ts_node_symbol(a) == s->comment ||
		    scout_nodes_str_literal(w, a))
			continue;
		scout_walk_report(w, self, a,
		                  "a positional mypyc_attr argument is not a string literal: mypyc "
		                  "reports \"All \\\"mypyc_attr\\\" positional arguments must be "
		                  "string literals.\"",
		                  NULL);
	}
}

static const scout_rule rule_mypyc_attr_positional_nonliteral = {
    .id = "mypyc-attr-positional-nonliteral",
    .category = SCOUT_BLOCKER,
    .title = "positional @mypyc_attr argument that is not a string literal",
    .why = "mypyc reports \"All \\\"mypyc_attr\\\" positional arguments must be string "
           "literals.\" for a class decorator (it does not read the arguments on a def)",
    .bad = "KEY = \"serializable\"\n\n@mypyc_attr(KEY)\nclass C:\n    pass\n",
    .good = "@mypyc_attr(\"serializable\")\nclass C:\n    pass\n",
    .fix = "write the key as a string literal or as a keyword argument",
    .docs = SCOUT_DOCS_NATIVE,
    .since = SCOUT_V(1, 19, 0),
    .on = "decorator",
    .enter = check_mypyc_attr_positional};

static void check_native_class_value(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode v = scout_mypyc_attr_value(w, node, "native_class");

	if (ts_node_is_null(v) || scout_node_text_is(v, w->src, "True") ||
	    scout_node_text_is(v, w->src, "False"))
		return;
	scout_walk_report(w, self, v,
	                  "native_class is not the literal True or False: mypyc reports "
	                  "\"native_class must be used with True or False only\"",
	                  NULL);
}

static const scout_rule rule_native_class_bad_value = {
    .id = "native-class-bad-value",
    .category = SCOUT_BLOCKER,
    .title = "native_class= given something other than True or False",
    .why = "mypyc reports \"native_class must be used with True or False only\"",
    .bad = "NATIVE = True\n\n@mypyc_attr(native_class=NATIVE)\nclass C:\n    pass\n",
    .good = "@mypyc_attr(native_class=True)\nclass C:\n    pass\n",
    .fix = "write native_class=True or native_class=False literally",
    .docs = SCOUT_DOCS_NATIVE,
    .since = SCOUT_V(1, 16, 0),
    .on = "class_definition",
    .enter = check_native_class_value};

static void check_native_class_true(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode v = scout_mypyc_attr_value(w, node, "native_class");
	const char *why;
	char message[320];
	const char *name;
	int n;

	if (ts_node_is_null(v) || !scout_node_text_is(v, w->src, "True"))
		return;
	switch (scout_class_kind_of(w, node)) {
	case SCOUT_CLASS_NONNATIVE_DECORATOR:
		why = "it has a decorator other than the supported ones";
		break;
	case SCOUT_CLASS_NONNATIVE_RECORD:
		why = "TypedDict and NamedTuple classes can't be native";
		break;
	case SCOUT_CLASS_NONNATIVE_METACLASS:
	case SCOUT_CLASS_NONNATIVE_ENUM:
		why = "its metaclass is not ABCMeta, TypingMeta or GenericMeta";
		break;
	default:
		return;
	}
	n = scout_nodes_clip(scout_node_field(node, w->sym->f_name), w->src, &name);
	snprintf(message, sizeof(message),
	         "class %.*s is marked native_class=True but can't be native (%s), so mypyc "
	         "rejects it",
	         n, name, why);
	scout_walk_report(w, self, scout_node_parent(v), message, NULL);
}

static const scout_rule rule_native_class_true_impossible = {
    .id = "native-class-true-impossible",
    .category = SCOUT_BLOCKER,
    .title = "@mypyc_attr(native_class=True) on a class that cannot be native",
    .why = "mypyc reports \"Class is marked as native_class=True but it can't be a native "
           "class\"",
    .bad = "@mypyc_attr(native_class=True)\n@functools.total_ordering\nclass C:\n    pass\n",
    .good = "@mypyc_attr(native_class=True)\nclass C:\n    pass\n",
    .fix = "remove native_class=True, or remove what keeps the class from being native",
    .docs = SCOUT_DOCS_NATIVE,
    .since = SCOUT_V(1, 16, 0),
    .on = "class_definition",
    .enter = check_native_class_true};

/* True when the mypyc_attr keyword `key` of `def` is the literal True. */
static bool attr_true(const scout_walk *w, TSNode def, const char *key)
{
	TSNode v = scout_mypyc_attr_value(w, def, key);

	return !ts_node_is_null(v) && scout_node_text_is(v, w->src, "True");
}

static void check_acyclic(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode v = scout_mypyc_attr_value(w, node, "acyclic"), b;
	TSNode tp = scout_node_field(node, w->sym->f_type_parameters);
	uint32_t i = 0;
	char message[240];

	if (ts_node_is_null(v) || !scout_node_text_is(v, w->src, "True"))
		return;
	if (!ts_node_is_null(tp)) {
		scout_walk_report(w, self, tp,
		                  "an acyclic=True class has type parameters, which mypyc does not "
		                  "allow",
		                  NULL);
		return;
	}
	while (!ts_node_is_null(b = scout_defs_base_at(w, node, &i))) {
		TSNode base = scout_module_class_of(w, b), name = b;
		const char *text;
		int n;

		if (ts_node_symbol(name) == w->sym->subscript)
			name = scout_node_field(name, w->sym->f_value);
		if (scout_node_text_is(name, w->src, "object") &&
		    ts_node_is_null(scout_module_class_of(w, name)))
			continue;
		/* Acyclic native classes and traits (prepare.py find_non_acyclic_base). */
		if (!ts_node_is_null(base) && scout_defs_is_native(w, base) &&
		    attr_true(w, base, "acyclic"))
			continue;
		n = scout_nodes_clip(name, w->src, &text);
		snprintf(message, sizeof(message),
		         "an acyclic=True class inherits from %.*s, which is not an acyclic native "
		         "class, so mypyc rejects it",
		         n, text);
		scout_walk_report(w, self, b, message, NULL);
	}
}

static const scout_rule rule_acyclic_nonacyclic_base = {
    .id = "acyclic-nonacyclic-base",
    .category = SCOUT_BLOCKER,
    .title = "@mypyc_attr(acyclic=True) on a class with a non-acyclic base",
    .why = "mypyc reports \"\\\"acyclic\\\" can't be used in a class that inherits from "
           "non-acyclic type ...\"",
    .bad = "class Base:\n    pass\n\n@mypyc_attr(acyclic=True)\nclass C(Base):\n    pass\n",
    .good = "@mypyc_attr(acyclic=True)\nclass Base:\n    pass\n\n"
            "@mypyc_attr(acyclic=True)\nclass C(Base):\n    pass\n",
    .fix = "mark every base class acyclic=True too, or drop acyclic=True",
    .docs = SCOUT_DOCS_NATIVE,
    .since = SCOUT_V(2, 0, 0),
    .on = "class_definition",
    .enter = check_acyclic};

/* True when a base of class_def names a builtins class other than object. */
static bool has_builtin_base(const scout_walk *w, TSNode class_def)
{
	uint32_t i = 0;
	TSNode b;
	char buf[128];

	while (!ts_node_is_null(b = scout_defs_base_at(w, class_def, &i))) {
		if (ts_node_symbol(b) == w->sym->subscript)
			b = scout_node_field(b, w->sym->f_value);
		if (ts_node_is_null(b) || ts_node_symbol(b) != w->sym->identifier || !w->names ||
		    !scout_names_qualify(w->names, b, w->src, buf, sizeof(buf)))
			continue;
		if (strncmp(buf, "builtins.", 9) == 0 && strcmp(buf, "builtins.object") != 0 &&
		    ts_node_is_null(scout_module_class_of(w, b)))
			return true;
	}
	return false;
}

static void check_free_list_len(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode v = scout_mypyc_attr_value(w, node, "free_list_len");
	const char *why = NULL;
	char message[240];
	const char *text;
	int n;

	if (ts_node_is_null(v))
		return;
	if (!ts_node_is_null(scout_defs_decorator(w, node, trait_names)))
		why = "can't be used with traits";
	else if (attr_true(w, node, "allow_interpreted_subclasses"))
		why = "can't be used in a class that allows interpreted subclasses";
	else if (has_builtin_base(w, node))
		why = "can't be used in a class that inherits from a built-in type";
	if (why) {
		snprintf(message, sizeof(message), "free_list_len %s, so mypyc rejects it", why);
	} else if (!scout_node_text_is(v, w->src, "1")) {
		n = scout_nodes_clip(v, w->src, &text);
		snprintf(message, sizeof(message),
		         "free_list_len=%.*s is not supported (only 1 is), so mypyc rejects it", n,
		         text);
	} else {
		return;
	}
	scout_walk_report(w, self, scout_node_parent(v), message, NULL);
}

static const scout_rule rule_free_list_len_misuse = {
    .id = "free-list-len-misuse",
    .category = SCOUT_BLOCKER,
    .title = "@mypyc_attr(free_list_len=...) where mypyc does not allow it",
    .why = "mypyc reports \"\\\"free_list_len\\\" can't be used with traits\" (or in classes "
           "allowing interpreted subclasses, or with builtin bases) or \"Unsupported value for "
           "\\\"free_list_len\\\"\"",
    .bad = "@mypyc_attr(free_list_len=8)\nclass C:\n    pass\n",
    .good = "@mypyc_attr(free_list_len=1)\nclass C:\n    pass\n",
    .fix = "use free_list_len=1 on a plain native class only",
    .docs = SCOUT_DOCS_NATIVE,
    .since = SCOUT_V(1, 19, 0),
    .on = "class_definition",
    .enter = check_free_list_len};

SCOUT_FAMILY(scout_family_classes_mypyc_attr, &rule_mypyc_attr_bad_key,
             &rule_mypyc_attr_positional_nonliteral, &rule_native_class_bad_value,
             &rule_native_class_true_impossible, &rule_acyclic_nonacyclic_base,
             &rule_free_list_len_misuse);
