/* Class bases: what a class may inherit from -- several native classes,
 * traits out of order, bases that forbid interpreted subclasses, builtins
 * and C types, native bases of non-native classes (mypyc/irbuild/prepare.py
 * prepare_class_def). Bases of the same module are seen here; those in
 * other modules of the project are checked at the link stage with the same
 * rules (project/classes.c). */
#include "common/defs.h"
#include "common/docs.h"
#include "classes/classes.h"
#include "registry.h"

#include <stdio.h>

static uint32_t bases_of(const scout_walk *w, TSNode class_def, TSNode *out)
{
	return scout_class_bases(w, class_def, out, SCOUT_DEFS_MAX_BASES);
}

/* True when `ancestor` is reachable from `cls` through same-module bases. */
/* A test of one base expression `base` (of a class in the chain) that names
 * the same-module class `cls` (or null); `arg` as find_base was given. */
typedef bool (*base_test)(const scout_walk *w, TSNode base, TSNode cls, TSNode arg);

/* The first base expression that `test` accepts, from cls up through its
 * same-module bases (each class's bases in order, depth first), or null. */
static TSNode find_base(const scout_walk *w, TSNode cls, base_test test, TSNode arg)
{
	TSNode todo[SCOUT_DEFS_MAX_CHAIN];
	size_t ntodo = 0, visited = 0;

	todo[ntodo++] = cls;
	while (ntodo && visited++ < SCOUT_DEFS_MAX_CHAIN) {
		TSNode c = todo[--ntodo], bases[SCOUT_DEFS_MAX_BASES];
		uint32_t n = bases_of(w, c, bases);

		for (uint32_t i = 0; i < n; i++) {
			TSNode b = scout_module_class_of(w, bases[i]);

			if (test(w, bases[i], b, arg))
				return bases[i];
			if (!ts_node_is_null(b) && ntodo < SCOUT_DEFS_MAX_CHAIN)
				todo[ntodo++] = b;
		}
	}
	return SCOUT_NULL_NODE;
}

static bool names_class(const scout_walk *w, TSNode base, TSNode cls, TSNode ancestor)
{
	(void)w;
	(void)base;
	return !ts_node_is_null(cls) && ts_node_eq(cls, ancestor);
}

/* True when `ancestor` is reachable from `cls` through same-module bases. */
static bool inherits_from(const scout_walk *w, TSNode cls, TSNode ancestor)
{
	return !ts_node_is_null(find_base(w, cls, names_class, ancestor));
}

static void check_multiple_inheritance(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode bases[SCOUT_DEFS_MAX_BASES], classes[SCOUT_DEFS_MAX_BASES],
	    name = scout_defs_name(w, node);
	uint32_t n, nclasses = 0;
	char message[256];

	if (scout_class_kind_of(w, node) != SCOUT_CLASS_NATIVE || scout_class_is_trait(w, node))
		return;
	n = bases_of(w, node, bases);
	for (uint32_t i = 0; i < n; i++) {
		TSNode b = scout_module_class_of(w, bases[i]);

		if (ts_node_is_null(b) || scout_class_is_trait(w, b) ||
		    scout_class_kind_of(w, b) != SCOUT_CLASS_NATIVE)
			continue;
		for (uint32_t j = 0; j < nclasses; j++) {
			if (inherits_from(w, classes[j], b) || inherits_from(w, b, classes[j]))
				continue;
			snprintf(message, sizeof(message),
			         "class %.*s inherits from native classes %.*s and %.*s: mypyc "
			         "supports multiple inheritance only from traits",
			         SCOUT_TEXT_ARG(name, w->src),
			         SCOUT_TEXT_ARG(scout_defs_name(w, classes[j]), w->src),
			         SCOUT_TEXT_ARG(scout_defs_name(w, b), w->src));
			scout_walk_report(w, self, bases[i], message, NULL);
			return;
		}
		classes[nclasses++] = b;
	}
}

const scout_rule scout_rule_multiple_inheritance = {
    .id = "multiple-inheritance",
    .category = SCOUT_BLOCKER,
    .title = "native class with two native non-trait bases",
    .why = "mypyc reports \"Multiple inheritance is not supported (except for traits)\"; "
           "only bases that are native classes of the same module are seen (bases from "
           "other compiled modules are not checked yet)",
    .bad = "class A:\n    pass\n\n\nclass B:\n    pass\n\n\nclass C(A, B):\n    pass\n",
    .good = "from mypy_extensions import trait\n\n\nclass A:\n    pass\n\n\n@trait\nclass "
            "B:\n    pass\n\n\nclass C(A, B):\n    pass\n",
    .fix = "make all but one base a @trait, or use composition",
    .docs = SCOUT_DOCS_NATIVE,
    .on = "class_definition",
    .enter = check_multiple_inheritance};

static void check_trait_base_order(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode bases[SCOUT_DEFS_MAX_BASES], first, name = scout_defs_name(w, node);
	uint32_t n;
	char message[256];

	if (scout_class_kind_of(w, node) != SCOUT_CLASS_NATIVE)
		return;
	n = bases_of(w, node, bases);
	if (n < 2)
		return;
	first = scout_module_class_of(w, bases[0]);
	if (ts_node_is_null(first) || !scout_class_is_trait(w, first))
		return;
	for (uint32_t i = 1; i < n; i++) {
		TSNode b = scout_module_class_of(w, bases[i]);

		if (ts_node_is_null(b) || scout_class_is_trait(w, b))
			continue;
		snprintf(message, sizeof(message),
		         "class %.*s lists trait %.*s before class %.*s: mypyc reports \"Non-trait "
		         "base must appear first in parent list\"",
		         SCOUT_TEXT_ARG(name, w->src),
		         SCOUT_TEXT_ARG(scout_defs_name(w, first), w->src),
		         SCOUT_TEXT_ARG(scout_defs_name(w, b), w->src));
		scout_walk_report(w, self, bases[i], message, NULL);
		return;
	}
}

const scout_rule scout_rule_trait_base_order = {
    .id = "trait-base-order",
    .category = SCOUT_BLOCKER,
    .title = "trait listed before a non-trait base",
    .why = "mypyc reports \"Non-trait base must appear first in parent list\" (1.0.1: "
           "\"Non-trait bases must appear first in parent list\"); same-module bases only",
    .bad = "from mypy_extensions import trait\n\n\nclass Concrete:\n    pass\n\n\n@trait\nclass "
           "T:\n    pass\n\n\nclass Bad(T, Concrete):\n    pass\n",
    .good = "from mypy_extensions import trait\n\n\nclass Concrete:\n    pass\n\n\n@trait\nclass "
            "T:\n    pass\n\n\nclass Good(Concrete, T):\n    pass\n",
    .fix = "list the non-trait base class first, then the traits",
    .docs = "https://mypyc.readthedocs.io/en/latest/using_type_annotations.html#trait-types",
    .on = "class_definition",
    .enter = check_trait_base_order};

static bool allows_interpreted_subclasses(const scout_walk *w, TSNode class_def)
{
	TSNode v = scout_mypyc_attr_value(w, class_def, "allow_interpreted_subclasses");

	return !ts_node_is_null(v) && scout_node_text_is(v, w->src, "True");
}

/* The first native class from `cls` up through same-module bases
 * (inclusive) that does not allow interpreted subclasses, or null. */
static TSNode blocks_interpreted(const scout_walk *w, TSNode cls)
{
	TSNode todo[SCOUT_DEFS_MAX_CHAIN];
	size_t ntodo = 0, visited = 0;

	todo[ntodo++] = cls;
	while (ntodo && visited++ < SCOUT_DEFS_MAX_CHAIN) {
		TSNode c = todo[--ntodo], bases[SCOUT_DEFS_MAX_BASES];
		uint32_t n;

		if (scout_class_kind_of(w, c) == SCOUT_CLASS_NATIVE &&
		    !allows_interpreted_subclasses(w, c))
			return c;
		n = bases_of(w, c, bases);
		for (uint32_t i = n; i-- > 0;) {
			TSNode b = scout_module_class_of(w, bases[i]);

			if (!ts_node_is_null(b) && ntodo < SCOUT_DEFS_MAX_CHAIN)
				todo[ntodo++] = b;
		}
	}
	return SCOUT_NULL_NODE;
}

static void check_interpreted_subclass_base(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode bases[SCOUT_DEFS_MAX_BASES], name = scout_defs_name(w, node);
	uint32_t n;
	char message[256];

	if (!allows_interpreted_subclasses(w, node) ||
	    scout_class_kind_of(w, node) != SCOUT_CLASS_NATIVE)
		return;
	n = bases_of(w, node, bases);
	for (uint32_t i = 0; i < n; i++) {
		TSNode b = scout_module_class_of(w, bases[i]), blocker;

		if (ts_node_is_null(b) || ts_node_is_null(blocker = blocks_interpreted(w, b)))
			continue;
		snprintf(message, sizeof(message),
		         "class %.*s allows interpreted subclasses but its base %.*s does not: "
		         "mypyc reports \"Base class ... does not allow interpreted subclasses\"",
		         SCOUT_TEXT_ARG(name, w->src),
		         SCOUT_TEXT_ARG(scout_defs_name(w, blocker), w->src));
		scout_walk_report(w, self, bases[i], message, NULL);
	}
}

const scout_rule scout_rule_interpreted_subclass_base = {
    .id = "interpreted-subclass-base",
    .category = SCOUT_BLOCKER,
    .title = "allow_interpreted_subclasses on a class whose base does not allow them",
    .why = "mypyc reports \"Base class \\\"{name}\\\" does not allow interpreted "
           "subclasses\"; same-module bases only",
    .bad = "from mypy_extensions import mypyc_attr\n\n\nclass Base:\n    pass\n\n\n"
           "@mypyc_attr(allow_interpreted_subclasses=True)\nclass Derived(Base):\n    pass\n",
    .good = "from mypy_extensions import mypyc_attr\n\n\n"
            "@mypyc_attr(allow_interpreted_subclasses=True)\nclass Base:\n    pass\n\n\n"
            "@mypyc_attr(allow_interpreted_subclasses=True)\nclass Derived(Base):\n    pass\n",
    .fix = "add @mypyc_attr(allow_interpreted_subclasses=True) to the base class too",
    .docs = SCOUT_DOCS_NATIVE,
    .on = "class_definition",
    .enter = check_interpreted_subclass_base};

/* A base that calls collections.namedtuple: mypy makes it a tuple
 * subclass, and builtins.tuple is not among the builtins mypyc allows in a
 * native class's MRO. */
static bool is_namedtuple_call(const scout_walk *w, TSNode base)
{
	static const char *const namedtuple[] = {"collections.namedtuple", NULL};

	return ts_node_symbol(base) == w->sym->call &&
	       scout_walk_is(w, scout_node_field(base, w->sym->f_function), namedtuple);
}

/* A builtin mypyc cannot subclass natively, or a namedtuple(...) call. */
static bool bad_builtin_base(const scout_walk *w, TSNode base)
{
	return scout_base_is_bad_builtin(w, base) || is_namedtuple_call(w, base);
}

/* What a message calls the builtin base: its name, or the namedtuple call. */
static TSNode builtin_shown(const scout_walk *w, TSNode base)
{
	return is_namedtuple_call(w, base) ? scout_node_field(base, w->sym->f_function)
	                                   : scout_base_name(w, base);
}

static bool is_bad_builtin(const scout_walk *w, TSNode base, TSNode cls, TSNode unused)
{
	(void)cls;
	(void)unused;
	return bad_builtin_base(w, base);
}

/* The first namedtuple(...) base of cls or of a same-module class above it
 * (scout_class_bases leaves calls out, so this walk reads every positional
 * base), or null. */
static TSNode namedtuple_in_chain(const scout_walk *w, TSNode cls)
{
	TSNode todo[SCOUT_DEFS_MAX_CHAIN], b;
	size_t ntodo = 0, visited = 0;

	todo[ntodo++] = cls;
	while (ntodo && visited++ < SCOUT_DEFS_MAX_CHAIN) {
		TSNode c = todo[--ntodo];
		uint32_t i = 0;

		while (!ts_node_is_null(b = scout_defs_base_at(w, c, &i))) {
			TSNode local = scout_module_class_of(w, b);

			if (is_namedtuple_call(w, b))
				return b;
			if (!ts_node_is_null(local) && ntodo < SCOUT_DEFS_MAX_CHAIN)
				todo[ntodo++] = local;
		}
	}
	return SCOUT_NULL_NODE;
}

/* The first base (through same-module classes, from `cls` up) that is a
 * builtin class mypyc cannot subclass natively, or a namedtuple(...) call,
 * or null. */
static TSNode bad_builtin_in_chain(const scout_walk *w, TSNode cls)
{
	TSNode b = find_base(w, cls, is_bad_builtin, SCOUT_NULL_NODE);

	return ts_node_is_null(b) ? namedtuple_in_chain(w, cls) : b;
}

static void check_builtin_base(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode bases[SCOUT_DEFS_MAX_BASES], name = scout_defs_name(w, node);
	uint32_t n;
	char message[256];

	if (scout_class_kind_of(w, node) != SCOUT_CLASS_NATIVE)
		return;
	n = bases_of(w, node, bases);
	if (n < SCOUT_DEFS_MAX_BASES) {
		/* namedtuple(...) calls are no bases to scout_class_bases: add them. */
		uint32_t at = 0;
		TSNode b;

		while (n < SCOUT_DEFS_MAX_BASES &&
		       !ts_node_is_null(b = scout_defs_base_at(w, node, &at)))
			if (is_namedtuple_call(w, b))
				bases[n++] = b;
	}
	for (uint32_t i = 0; i < n; i++) {
		TSNode b = scout_module_class_of(w, bases[i]), bad;

		if (bad_builtin_base(w, bases[i])) {
			snprintf(message, sizeof(message),
			         "native class %.*s inherits from builtin %.*s%s: mypyc reports "
			         "\"Inheriting from most builtin types is unimplemented\"",
			         SCOUT_TEXT_ARG(name, w->src),
			         SCOUT_TEXT_ARG(builtin_shown(w, bases[i]), w->src),
			         is_namedtuple_call(w, bases[i]) ? "(...) (a tuple)" : "");
		} else if (!ts_node_is_null(b) &&
		           !ts_node_is_null(bad = bad_builtin_in_chain(w, b))) {
			snprintf(message, sizeof(message),
			         "native class %.*s inherits from builtin %.*s through %.*s: mypyc "
			         "reports \"Inheriting from most builtin types is unimplemented\"",
			         SCOUT_TEXT_ARG(name, w->src),
			         SCOUT_TEXT_ARG(builtin_shown(w, bad), w->src),
			         SCOUT_TEXT_ARG(scout_defs_name(w, b), w->src));
		} else {
			continue;
		}
		scout_walk_report(w, self, bases[i], message, NULL);
		return;
	}
}

const scout_rule scout_rule_builtin_base = {
    .id = "builtin-base",
    .category = SCOUT_BLOCKER,
    .title = "native class inheriting from a builtin type",
    .why = "mypyc reports \"Inheriting from most builtin types is unimplemented\"; only "
           "object, BaseException, Exception, LookupError, IndexError, ValueError, Warning, "
           "UserWarning and dict may be in a native class's MRO, so KeyError fails although "
           "LookupError is allowed",
    .bad = "class MyError(KeyError):\n    pass\n",
    .good = "class MyError(LookupError):\n    pass\n",
    .fix = "derive from an allowed base or use composition; since mypyc 1.16 "
           "@mypyc_attr(native_class=False) keeps the class a regular Python class",
    .docs = SCOUT_DOCS_NATIVE,
    .on = "class_definition",
    .enter = check_builtin_base};

static void check_nonext_inherits_ext(scout_walk *w, TSNode node, const scout_rule *self)
{
	scout_class_kind kind = scout_class_kind_of(w, node);
	uint32_t i = 0;
	TSNode b;

	if (kind == SCOUT_CLASS_NATIVE || kind == SCOUT_CLASS_NONNATIVE_RECORD)
		return;
	while (!ts_node_is_null(b = scout_defs_base_at(w, node, &i))) {
		TSNode base = scout_module_class_of(w, b);

		if (!ts_node_is_null(base) && scout_defs_is_native(w, base)) {
			scout_defs_report_class(
			    w, self, b, node,
			    "non-native class %.*s inherits from a native class: mypyc "
			    "reports \"Non-extension classes may not inherit from "
			    "extension classes\"");
			return;
		}
	}
}

const scout_rule scout_rule_nonext_inherits_ext = {
    .id = "nonext-inherits-ext",
    .category = SCOUT_BLOCKER,
    .title = "non-native class inheriting from a native class of the module",
    .why = "mypyc reports \"Non-extension classes may not inherit from extension classes\"",
    .bad = "class Base:\n    pass\n\n@functools.total_ordering\nclass C(Base):\n    pass\n",
    .good = "class Base:\n    pass\n\nclass C(Base):\n    pass\n",
    .fix = "make the subclass native too, or make the base non-native as well",
    .docs = SCOUT_DOCS_NATIVE,
    .on = "class_definition",
    .enter = check_nonext_inherits_ext};

/* C-implemented (or C-backed) classes outside builtins that a native class
 * cannot safely subclass (prepare.py: "bad things will happen"). */
static const char *const c_types[] = {
    "collections.OrderedDict",
    "collections.defaultdict",
    "collections.deque",
    "collections.Counter",
    "typing.OrderedDict",
    "typing.DefaultDict",
    "typing.Deque",
    "typing.Counter",
    "array.array",
    "threading.Thread",
    "datetime.date",
    "datetime.datetime",
    "datetime.time",
    "datetime.timedelta",
    "decimal.Decimal",
    "io.StringIO",
    "io.BytesIO",
    "functools.partial",
    NULL,
};

static void check_c_type_base(scout_walk *w, TSNode node, const scout_rule *self)
{
	uint32_t i = 0;
	TSNode b;

	while (!ts_node_is_null(b = scout_defs_base_at(w, node, &i))) {
		TSNode name = b;

		if (ts_node_symbol(name) == w->sym->subscript)
			name = scout_node_field(name, w->sym->f_value);
		if (!scout_walk_is(w, name, c_types))
			continue;
		if (!scout_defs_is_native(w, node))
			return;
		scout_defs_report_class(
		    w, self, b, node,
		    "native class %.*s inherits from a C-implemented class outside "
		    "builtins: it compiles but can crash or misbehave at run time");
		return;
	}
}

static const scout_rule rule_native_inherits_c_type = {
    .id = "native-inherits-c-type",
    .category = SCOUT_BEHAVIOUR,
    .title = "native class inheriting from a C-implemented class outside builtins",
    .why = "mypyc does not check such bases (prepare.py: \"bad things will happen\"); e.g. a "
           "native OrderedDict subclass segfaults",
    .bad = "class OD(collections.OrderedDict):\n    pass\n",
    .good = "class OD:\n    def __init__(self) -> None:\n        self.data: dict[str, int] "
            "= {}\n",
    .fix = "wrap the object in an attribute instead of inheriting, or make the class "
           "non-native with @mypyc_attr(native_class=False)",
    .docs = "https://mypyc.readthedocs.io/en/latest/native_classes.html#inheritance",
    .on = "class_definition",
    .enter = check_c_type_base};

SCOUT_FAMILY(scout_family_classes_bases, &scout_rule_multiple_inheritance,
             &scout_rule_trait_base_order, &scout_rule_interpreted_subclass_base,
             &scout_rule_builtin_base, &scout_rule_nonext_inherits_ext,
             &rule_native_inherits_c_type);
