/* mypyc's decision whether a class is native (an extension class), from one
 * module's syntax: mypyc/irbuild/util.py is_extension_class and
 * is_implicit_extension_class, prepare.py is_enum. */
#include "scout/class_kind.h"

#include <stdio.h>
#include <string.h>

/* What this file memoises in the walk (scout/walk.h). */
static const scout_memo_tag memo_class_kind = {"a class_definition's scout_class_kind"};

/* How far same-module base chains are followed (survives cycles). */
#define MAX_BASE_DEPTH 32

static const char *const allowed_decorators[] = {"mypy_extensions.trait", "dataclasses.dataclass",
                                                 "attr.s", "attr.attrs", NULL};
static const char *const final_decorators[] = {"typing.final", "typing_extensions.final", NULL};
static const char *const mypyc_attr_names[] = {"mypy_extensions.mypyc_attr", NULL};
static const char *const new_methods[] = {"object.__new__", NULL};

const char *const *const scout_new_callees[] = {new_methods, NULL};
static const char *const allowed_metaclasses[] = {"abc.ABCMeta", "typing.TypingMeta",
                                                  "typing.GenericMeta", NULL};
static const char *const enum_bases[] = {"enum.Enum", "enum.IntEnum", "enum.StrEnum",
                                         "enum.Flag", "enum.IntFlag", "enum.ReprEnum",
                                         NULL};
static const char *const record_bases[] = {
    "typing.TypedDict",  "typing_extensions.TypedDict",  "mypy_extensions.TypedDict",
    "typing.NamedTuple", "typing_extensions.NamedTuple", NULL};

static TSNode null_node(void)
{
	TSNode n = {{0}, 0, 0};

	return n;
}

static const scout_symbols *syms(const scout_walk *w)
{
	return w->sym ? w->sym : scout_syntax_symbols();
}

uint32_t scout_walk_mypyc_version(const scout_walk *w)
{
	if (w->config && w->config->mypyc_version)
		return w->config->mypyc_version;
	return SCOUT_MYPYC_CURRENT;
}

TSNode scout_decorated_parent(const scout_walk *w, TSNode def)
{
	TSNode parent;

	if (ts_node_is_null(def))
		return null_node();
	/* Cheap path: def is on the walk's ancestor stack. */
	for (uint32_t i = w->depth; i-- > 1;)
		if (ts_node_eq(w->stack[i], def)) {
			parent = w->stack[i - 1];
			goto found;
		}
	parent = scout_node_parent(def);
found:
	if (!ts_node_is_null(parent) && ts_node_symbol(parent) == syms(w)->decorated_definition)
		return parent;
	return null_node();
}

/* The expression of a decorator node (the part after `@`). */
static TSNode decorator_expression(TSNode decorator)
{
	return scout_node_named_child_count(decorator) ? scout_node_named_child(decorator, 0)
	                                               : null_node();
}

/* The callee of a decorator expression: `f` for both `@f` and `@f(...)`. */
static TSNode decorator_callee(const scout_symbols *s, TSNode expr)
{
	if (!ts_node_is_null(expr) && ts_node_symbol(expr) == s->call)
		return scout_node_field(expr, s->f_function);
	return expr;
}

TSNode scout_mypyc_attr_call(const scout_walk *w, TSNode def)
{
	const scout_symbols *s = syms(w);
	TSNode deco = scout_decorated_parent(w, def);
	uint32_t count;

	if (ts_node_is_null(deco))
		return null_node();
	count = scout_node_named_child_count(deco);
	for (uint32_t i = 0; i < count; i++) {
		TSNode d = scout_node_named_child(deco, i), expr;

		if (ts_node_symbol(d) != s->decorator)
			continue;
		expr = decorator_expression(d);
		if (!ts_node_is_null(expr) && ts_node_symbol(expr) == s->call &&
		    scout_walk_is(w, scout_node_field(expr, s->f_function), mypyc_attr_names))
			return expr;
	}
	return null_node();
}

TSNode scout_mypyc_attr_value(const scout_walk *w, TSNode def, const char *key)
{
	const scout_symbols *s = syms(w);
	TSNode call = scout_mypyc_attr_call(w, def), args;
	uint32_t count;

	if (ts_node_is_null(call))
		return null_node();
	args = scout_node_field(call, s->f_arguments);
	count = ts_node_is_null(args) ? 0 : scout_node_named_child_count(args);
	for (uint32_t i = 0; i < count; i++) {
		TSNode kw = scout_node_named_child(args, i);

		if (ts_node_symbol(kw) == s->keyword_argument &&
		    scout_node_text_is(scout_node_field(kw, s->f_name), w->src, key))
			return scout_node_field(kw, s->f_value);
	}
	return null_node();
}

TSNode scout_module_class(const scout_walk *w, const char *name, uint32_t len)
{
	size_t mask = w->class_slots_cap - 1;

	/* the table keeps the last definition of a name, as at run time */
	for (size_t at = w->class_slots_cap ? scout_walk_name_hash(name, len) & mask : 0;
	     w->class_slots_cap && w->class_slots[at]; at = (at + 1) & mask) {
		const scout_walk_class *c = &w->classes[w->class_slots[at] - 1];

		if (c->len == len && memcmp(c->name, name, len) == 0)
			return c->node;
	}
	return null_node();
}

TSNode scout_module_class_of(const scout_walk *w, TSNode base)
{
	const scout_symbols *s = syms(w);
	const char *module = w->names && w->names->module ? w->names->module : "";
	size_t mlen;
	char buf[256];
	uint32_t len;
	const char *text;
	TSNode cls;

	if (!ts_node_is_null(base) && ts_node_symbol(base) == s->subscript)
		base = scout_node_field(base, s->f_value);
	if (ts_node_is_null(base) || ts_node_symbol(base) != s->identifier || !w->names)
		return null_node();
	text = scout_node_text(base, w->src, &len);
	cls = scout_module_class(w, text, len); /* most names are no class's: ask first */
	if (ts_node_is_null(cls) || !scout_names_qualify(w->names, base, w->src, buf, sizeof(buf)))
		return null_node();
	mlen = strlen(module);
	if (strncmp(buf, module, mlen) != 0 || buf[mlen] != '.' || strlen(buf + mlen + 1) != len ||
	    memcmp(buf + mlen + 1, text, len) != 0)
		return null_node();
	return cls;
}

uint32_t scout_class_bases(const scout_walk *w, TSNode class_def, TSNode *out, uint32_t cap)
{
	const scout_symbols *s = syms(w);
	TSNode args = scout_node_field(class_def, s->f_superclasses);
	uint32_t count = ts_node_is_null(args) ? 0 : scout_node_named_child_count(args), n = 0;

	for (uint32_t i = 0; i < count && n < cap; i++) {
		TSNode b = scout_node_named_child(args, i);
		TSSymbol t = ts_node_symbol(b);

		if (t == s->identifier || t == s->attribute || t == s->subscript)
			out[n++] = b;
	}
	return n;
}

static bool decorators_allowed(const scout_walk *w, TSNode class_def, uint32_t version)
{
	const scout_symbols *s = syms(w);
	TSNode deco = scout_decorated_parent(w, class_def);
	uint32_t count = ts_node_is_null(deco) ? 0 : scout_node_named_child_count(deco);

	for (uint32_t i = 0; i < count; i++) {
		TSNode d = scout_node_named_child(deco, i), expr, callee;

		if (ts_node_symbol(d) != s->decorator)
			continue;
		expr = decorator_expression(d);
		callee = decorator_callee(s, expr);
		if (ts_node_is_null(callee))
			return false;
		if (scout_walk_is(w, callee, allowed_decorators))
			continue;
		if (ts_node_symbol(expr) == s->call && scout_walk_is(w, callee, mypyc_attr_names))
			continue;
		/* @final keeps a class native only since 1.14.0 (PR 17886). */
		if (version >= SCOUT_V(1, 14, 0) && scout_walk_is(w, callee, final_decorators))
			continue;
		return false;
	}
	return true;
}

/* What the bases and the metaclass= keyword of one class say. */
typedef struct base_facts {
	bool record, enumeration, metaclass;
} base_facts;

/* A base imported from another module of the project: what its own bases
 * make it, as the scan's second pass knows (scout/resolve.h). */
static void imported_base(const scout_walk *w, TSNode base, base_facts *facts)
{
	const scout_names_resolver *r = w->names->resolver;
	char buf[512];
	uint8_t kind;

	if (!r || !r->class_kind || !scout_names_qualify(w->names, base, w->src, buf, sizeof(buf)))
		return;
	kind = r->class_kind(r->ctx, buf);
	facts->record |= kind == SCOUT_CLASS_NONNATIVE_RECORD;
	facts->enumeration |= kind == SCOUT_CLASS_NONNATIVE_ENUM;
	facts->metaclass |= kind == SCOUT_CLASS_NONNATIVE_METACLASS;
}

/* Looks at class_def's own bases and keywords, and queues bases that are
 * classes of this module into todo (of cap entries, *ntodo used). */
static void scan_bases(const scout_walk *w, TSNode class_def, base_facts *facts, TSNode *todo,
                       size_t *ntodo, size_t cap)
{
	const scout_symbols *s = syms(w);
	TSNode args = scout_node_field(class_def, s->f_superclasses);
	uint32_t count = ts_node_is_null(args) ? 0 : scout_node_named_child_count(args);

	for (uint32_t i = 0; i < count; i++) {
		TSNode b = scout_node_named_child(args, i), local;

		if (ts_node_symbol(b) == s->keyword_argument) {
			TSNode key = scout_node_field(b, s->f_name);
			TSNode value = scout_node_field(b, s->f_value);

			if (scout_node_text_is(key, w->src, "metaclass") &&
			    !scout_walk_is(w, value, allowed_metaclasses))
				facts->metaclass = true;
			continue;
		}
		if (ts_node_symbol(b) == s->subscript)
			b = scout_node_field(b, s->f_value);
		if (ts_node_is_null(b))
			continue;
		if (scout_walk_is(w, b, record_bases)) {
			facts->record = true;
			continue;
		}
		if (scout_walk_is(w, b, enum_bases)) {
			facts->enumeration = true;
			continue;
		}
		local = scout_module_class_of(w, b);
		if (!ts_node_is_null(local)) {
			if (*ntodo < cap)
				todo[(*ntodo)++] = local;
		} else {
			imported_base(w, b, facts);
		}
	}
}

static scout_class_kind class_kind(const scout_walk *w, TSNode class_def)
{
	uint32_t version = scout_walk_mypyc_version(w);
	TSNode todo[MAX_BASE_DEPTH];
	size_t ntodo = 0, visited = 0;
	base_facts facts = {false, false, false};

	if (version >= SCOUT_V(1, 16, 0)) {
		TSNode v = scout_mypyc_attr_value(w, class_def, "native_class");

		if (!ts_node_is_null(v) && scout_node_text_is(v, w->src, "False"))
			return SCOUT_CLASS_NONNATIVE_EXPLICIT;
	}
	if (!decorators_allowed(w, class_def, version))
		return SCOUT_CLASS_NONNATIVE_DECORATOR;
	todo[ntodo++] = class_def;
	/* Bounded: at most MAX_BASE_DEPTH classes are looked at, so a cycle
	 * (class A(B), class B(A)) ends. */
	while (ntodo && visited < MAX_BASE_DEPTH) {
		TSNode c = todo[--ntodo];

		visited++;
		scan_bases(w, c, &facts, todo, &ntodo, MAX_BASE_DEPTH);
	}
	if (facts.record)
		return SCOUT_CLASS_NONNATIVE_RECORD;
	if (facts.enumeration)
		return SCOUT_CLASS_NONNATIVE_ENUM;
	if (facts.metaclass)
		return SCOUT_CLASS_NONNATIVE_METACLASS;
	return SCOUT_CLASS_NATIVE;
}

/* Memoised per class for the module's walk: about ten rules ask for it. */
scout_class_kind scout_class_kind_of(const scout_walk *w, TSNode class_def)
{
	uint32_t kind;

	if (!scout_walk_memo_get(w, class_def, &memo_class_kind, &kind)) {
		kind = (uint32_t)class_kind(w, class_def);
		scout_walk_memo_put(w, class_def, &memo_class_kind, kind);
	}
	return (scout_class_kind)kind;
}

/* ---- bases and decorators shared by the class rules --------------------- */

static const char *const trait_decorators[] = {"mypy_extensions.trait", NULL};
static const char *const protocol_names[] = {"typing.Protocol", "typing_extensions.Protocol", NULL};

/* Builtin classes outside mypyc's can_subclass_builtin allow-list (object,
 * BaseException, Exception, LookupError, IndexError, ValueError, Warning,
 * UserWarning, dict), each between blanks. */
static const char bad_builtins[] =
    " int float complex bool str bytes bytearray list tuple set frozenset type memoryview"
    " range property staticmethod classmethod super enumerate zip map filter reversed"
    " ArithmeticError AssertionError AttributeError BlockingIOError BrokenPipeError"
    " BufferError ChildProcessError ConnectionAbortedError ConnectionError"
    " ConnectionRefusedError ConnectionResetError EOFError EnvironmentError FileExistsError"
    " FileNotFoundError FloatingPointError GeneratorExit IOError ImportError"
    " IndentationError InterruptedError IsADirectoryError KeyError KeyboardInterrupt"
    " MemoryError ModuleNotFoundError NameError NotADirectoryError NotImplementedError"
    " OSError OverflowError PermissionError ProcessLookupError RecursionError"
    " ReferenceError RuntimeError StopAsyncIteration StopIteration SyntaxError SystemError"
    " SystemExit TabError TimeoutError TypeError UnboundLocalError UnicodeDecodeError"
    " UnicodeEncodeError UnicodeError UnicodeTranslateError ZeroDivisionError"
    " BaseExceptionGroup ExceptionGroup BytesWarning DeprecationWarning EncodingWarning"
    " FutureWarning ImportWarning PendingDeprecationWarning ResourceWarning RuntimeWarning"
    " SyntaxWarning UnicodeWarning ";
/* typing's aliases of such builtins. */
static const char *const bad_typing_bases[] = {
    "typing.List", "typing.Tuple",           "typing.Set", "typing.FrozenSet", "typing.Type",
    "typing.Text", "typing_extensions.Text", NULL};

TSNode scout_base_name(const scout_walk *w, TSNode base)
{
	if (ts_node_symbol(base) == w->sym->subscript)
		return scout_node_field(base, w->sym->f_value);
	return base;
}

bool scout_qualified_is_bad_builtin(const char *qualified)
{
	char key[80];

	if (strncmp(qualified, "builtins.", 9) == 0 && strlen(qualified + 9) + 3 <= sizeof(key)) {
		snprintf(key, sizeof(key), " %s ", qualified + 9);
		return strstr(bad_builtins, key) != NULL;
	}
	for (const char *const *t = bad_typing_bases; *t; t++)
		if (strcmp(*t, qualified) == 0)
			return true;
	return false;
}

bool scout_base_is_bad_builtin(const scout_walk *w, TSNode base)
{
	char buf[128];

	base = scout_base_name(w, base);
	if (ts_node_is_null(base) || !scout_names_qualify(w->names, base, w->src, buf, sizeof(buf)))
		return false;
	return scout_qualified_is_bad_builtin(buf);
}

bool scout_class_has_decorator(const scout_walk *w, TSNode def, const char *const *names)
{
	TSNode deco = scout_decorated_parent(w, def);
	uint32_t count = ts_node_is_null(deco) ? 0 : scout_node_named_child_count(deco);

	for (uint32_t i = 0; i < count; i++) {
		TSNode d = scout_node_named_child(deco, i);

		if (ts_node_symbol(d) == w->sym->decorator && scout_node_named_child_count(d) &&
		    scout_walk_is(w, scout_node_named_child(d, 0), names))
			return true;
	}
	return false;
}

bool scout_class_is_trait(const scout_walk *w, TSNode class_def)
{
	TSNode bases[16];
	uint32_t n = scout_class_bases(w, class_def, bases, 16);

	if (scout_class_has_decorator(w, class_def, trait_decorators))
		return true;
	for (uint32_t i = 0; i < n; i++)
		if (scout_walk_is(w, scout_base_name(w, bases[i]), protocol_names))
			return true;
	return false;
}
