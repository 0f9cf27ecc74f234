/* `from m import *` in compiled code. mypyc's transform_import_all (1.0.1
 * and today) only imports m, by the module name as written, and binds none
 * of the names it brings: the compiled module reads module-level names from
 * its own namespace, where they never arrive. */
#include "common/docs.h"
#include "common/nodes.h"
#include "registry.h"
#include "scout/stdlib.h"
#include "scout/tree_index.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The builtins of Python 3.11 that do not start with "__" (sorted, C strcmp
 * order): python3 -c 'import builtins; print(sorted(n for n in
 * dir(builtins) if not n.startswith("__")))', plus the later
 * PythonFinalizationError. */
static const char *const builtin_names[] = {"ArithmeticError",
                                            "AssertionError",
                                            "AttributeError",
                                            "BaseException",
                                            "BaseExceptionGroup",
                                            "BlockingIOError",
                                            "BrokenPipeError",
                                            "BufferError",
                                            "BytesWarning",
                                            "ChildProcessError",
                                            "ConnectionAbortedError",
                                            "ConnectionError",
                                            "ConnectionRefusedError",
                                            "ConnectionResetError",
                                            "DeprecationWarning",
                                            "EOFError",
                                            "Ellipsis",
                                            "EncodingWarning",
                                            "EnvironmentError",
                                            "Exception",
                                            "ExceptionGroup",
                                            "False",
                                            "FileExistsError",
                                            "FileNotFoundError",
                                            "FloatingPointError",
                                            "FutureWarning",
                                            "GeneratorExit",
                                            "IOError",
                                            "ImportError",
                                            "ImportWarning",
                                            "IndentationError",
                                            "IndexError",
                                            "InterruptedError",
                                            "IsADirectoryError",
                                            "KeyError",
                                            "KeyboardInterrupt",
                                            "LookupError",
                                            "MemoryError",
                                            "ModuleNotFoundError",
                                            "NameError",
                                            "None",
                                            "NotADirectoryError",
                                            "NotImplemented",
                                            "NotImplementedError",
                                            "OSError",
                                            "OverflowError",
                                            "PendingDeprecationWarning",
                                            "PermissionError",
                                            "ProcessLookupError",
                                            "PythonFinalizationError",
                                            "RecursionError",
                                            "ReferenceError",
                                            "ResourceWarning",
                                            "RuntimeError",
                                            "RuntimeWarning",
                                            "StopAsyncIteration",
                                            "StopIteration",
                                            "SyntaxError",
                                            "SyntaxWarning",
                                            "SystemError",
                                            "SystemExit",
                                            "TabError",
                                            "TimeoutError",
                                            "True",
                                            "TypeError",
                                            "UnboundLocalError",
                                            "UnicodeDecodeError",
                                            "UnicodeEncodeError",
                                            "UnicodeError",
                                            "UnicodeTranslateError",
                                            "UnicodeWarning",
                                            "UserWarning",
                                            "ValueError",
                                            "Warning",
                                            "ZeroDivisionError",
                                            "abs",
                                            "aiter",
                                            "all",
                                            "anext",
                                            "any",
                                            "ascii",
                                            "bin",
                                            "bool",
                                            "breakpoint",
                                            "bytearray",
                                            "bytes",
                                            "callable",
                                            "chr",
                                            "classmethod",
                                            "compile",
                                            "complex",
                                            "copyright",
                                            "credits",
                                            "delattr",
                                            "dict",
                                            "dir",
                                            "divmod",
                                            "enumerate",
                                            "eval",
                                            "exec",
                                            "exit",
                                            "filter",
                                            "float",
                                            "format",
                                            "frozenset",
                                            "getattr",
                                            "globals",
                                            "hasattr",
                                            "hash",
                                            "help",
                                            "hex",
                                            "id",
                                            "input",
                                            "int",
                                            "isinstance",
                                            "issubclass",
                                            "iter",
                                            "len",
                                            "license",
                                            "list",
                                            "locals",
                                            "map",
                                            "max",
                                            "memoryview",
                                            "min",
                                            "next",
                                            "object",
                                            "oct",
                                            "open",
                                            "ord",
                                            "pow",
                                            "print",
                                            "property",
                                            "quit",
                                            "range",
                                            "repr",
                                            "reversed",
                                            "round",
                                            "set",
                                            "setattr",
                                            "slice",
                                            "sorted",
                                            "staticmethod",
                                            "str",
                                            "sum",
                                            "super",
                                            "tuple",
                                            "type",
                                            "vars",
                                            "zip"};

/* Calls mypy or mypyc consume at compile time, so the name is never read:
 * cast (a cast op), assert_type and the reveal helpers (mypy only). Seen
 * with mypyc 1.0.1; TypeVar, NewType, NamedTuple and TypedDict calls are
 * read (KeyError). */
static const char *const compile_time_calls[] = {"assert_type", "cast", "reveal_locals",
                                                 "reveal_type"};

static int compare_word(const void *key, const void *entry)
{
	return strcmp(key, *(const char *const *)entry);
}

static bool listed(const char *word, const char *const *list, size_t n)
{
	return bsearch(word, list, n, sizeof(*list), compare_word) != NULL;
}

/* The module a star import takes from (`os.path`, `.paths`, `.`), or null
 * when the statement imports names. */
static TSNode star_source(const scout_walk *w, TSNode node)
{
	uint32_t count = scout_node_named_child_count(node);

	for (uint32_t i = 0; i < count; i++)
		if (ts_node_symbol(scout_node_named_child(node, i)) == w->sym->wildcard_import)
			return scout_node_field(node, w->sym->f_module_name);
	return SCOUT_NULL_NODE;
}

/* A module the project does not define: the standard library's, or
 * typing's and mypyc's extension packages, unless it is in the top-level
 * package of the module scanned (the standard library scanned itself). */
static bool outside_project(const scout_walk *w, const char *module)
{
	size_t top = strcspn(module, ".");
	const char *own = w->module && w->module->module ? w->module->module : "";

	if (strcspn(own, ".") == top && strncmp(own, module, top) == 0)
		return false;
	return scout_stdlib_has(module, top) ||
	       (top == 17 && strncmp(module, "typing_extensions", top) == 0) ||
	       (top == 15 && strncmp(module, "mypy_extensions", top) == 0);
}

/* How many reachable star imports of modules outside the project the
 * module has, when `line` holds the first of them (the one the call check
 * reports at); else 0. */
static uint32_t outside_stars(const scout_walk *w, uint32_t line)
{
	uint32_t n = 0;
	bool first = false;

	for (size_t i = 0; w->names && i < w->names->len; i++) {
		const scout_name_entry *e = &w->names->entries[i];

		if (e->kind == SCOUT_BIND_STAR && outside_project(w, e->target) && n++ == 0)
			first = e->line == line;
	}
	return first ? n : 0;
}

typedef struct occurrence {
	const char *text;
	uint32_t len, index; /* index: the identifier's place in the tree index */
	bool callee;         /* the function a call calls */
} occurrence;

static int by_name_then_place(const void *a, const void *b)
{
	const occurrence *x = a, *y = b;
	uint32_t n = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->text, y->text, n);

	if (c || x->len != y->len)
		return c ? c : (x->len < y->len ? -1 : 1);
	return x->index < y->index ? -1 : x->index > y->index;
}

/* A name no statement can have bound: never written but as the function of
 * a call, not a builtin, not consumed at compile time. */
static bool unbound_callee(const occurrence *first, size_t n)
{
	char word[64];

	for (size_t k = 0; k < n; k++)
		if (!first[k].callee)
			return false;
	if (first->len >= sizeof(word) ||
	    (first->len > 1 && first->text[0] == '_' && first->text[1] == '_'))
		return false;
	memcpy(word, first->text, first->len);
	word[first->len] = '\0';
	return !listed(word, builtin_names, sizeof(builtin_names) / sizeof(*builtin_names)) &&
	       !listed(word, compile_time_calls,
	               sizeof(compile_time_calls) / sizeof(*compile_time_calls));
}

/* The earliest call to a name only a star import can bind (its tree index
 * place, or SCOUT_TIX_NONE), and how many such names the module calls. */
static uint32_t star_callee(const scout_walk *w, uint32_t *names)
{
	const scout_tix *tix = w->tix;
	occurrence *occ = NULL;
	size_t n = 0, cap = 0;
	uint32_t best = SCOUT_TIX_NONE;

	for (uint32_t i = 0; i < tix->len; i++) {
		const scout_tix_node *e = &tix->nodes[i];
		occurrence o;

		if (e->symbol != w->sym->identifier)
			continue;
		o.text = scout_node_text(e->node, w->src, &o.len);
		o.index = i;
		o.callee = e->field == w->sym->f_function && e->parent != SCOUT_TIX_NONE &&
		           tix->nodes[e->parent].symbol == w->sym->call;
		SCOUT_PUSH(occ, n, cap, o);
	}
	if (n)
		qsort(occ, n, sizeof(*occ), by_name_then_place);
	*names = 0;
	for (size_t k = 0, end; k < n; k = end) {
		for (end = k + 1; end < n && occ[end].len == occ[k].len &&
		                  memcmp(occ[end].text, occ[k].text, occ[k].len) == 0;
		     end++)
			;
		if (!unbound_callee(&occ[k], end - k))
			continue;
		(*names)++;
		if (occ[k].index < best)
			best = occ[k].index;
	}
	free(occ);
	return best;
}

/* The call check, at the first of `stars` star imports of modules outside
 * the project (which of them brings a name is not known here). */
static void report_calls(scout_walk *w, TSNode node, TSNode source, uint32_t stars,
                         const scout_rule *self)
{
	uint32_t names, at = star_callee(w, &names), len;
	const char *text;
	char message[400], more[80] = "", others[60] = "";

	if (at == SCOUT_TIX_NONE)
		return;
	text = scout_node_text(w->tix->nodes[at].node, w->src, &len);
	if (names > 1)
		snprintf(more, sizeof(more), " (and %u other name%s called the same way)",
		         names - 1, names > 2 ? "s" : "");
	if (stars > 1)
		snprintf(others, sizeof(others), " and the module's %u other star import%s",
		         stars - 1, stars > 2 ? "s" : "");
	snprintf(message, sizeof(message),
	         "mypyc binds none of the names `from %.*s import *`%s bring%s in the compiled "
	         "module: the call to %.*s on line %u raises KeyError: '%.*s'%s",
	         SCOUT_TEXT_ARG(source, w->src), others, stars > 1 ? "" : "s", (int)len, text,
	         ts_node_start_point(w->tix->nodes[at].node).row + 1, (int)len, text, more);
	scout_walk_report(w, self, node, message, NULL);
}

/* True inside the body of a `try:` (its handler may catch the failure). */
static bool in_try_body(const scout_walk *w)
{
	for (uint32_t up = 1; up + 1 < w->depth; up++)
		if (scout_walk_ancestor_symbol(w, up) == w->sym->block &&
		    scout_walk_ancestor_symbol(w, up + 1) == w->sym->try_statement)
			return true;
	return false;
}

static void check_star_import(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode source = star_source(w, node);
	uint32_t len;
	const char *text;
	char message[400], *module;
	uint32_t stars;

	if (ts_node_is_null(source) || scout_nodes_mypy_only(w))
		return;
	text = scout_node_text(source, w->src, &len);
	if (len && text[0] == '.') {
		uint32_t dots = (uint32_t)strspn(text, ".");
		const char *outcome = in_try_body(w)
		                          ? "inside this try, the import raises every time:"
		                          : "importing the compiled module fails with";

		if (dots == len)
			snprintf(
			    message, sizeof(message),
			    "mypyc compiles `from %.*s import *` as an import of an empty module "
			    "name and binds none of the names: %s ValueError: Empty module name",
			    (int)len, text, outcome);
		else
			snprintf(message, sizeof(message),
			         "mypyc compiles `from %.*s import *` as `import %.*s` (the dots "
			         "dropped) and binds none of the names: %s ModuleNotFoundError: No "
			         "module named '%.*s'",
			         (int)len, text, (int)(len - dots), text + dots, outcome,
			         (int)(len - dots), text + dots);
		scout_walk_report(w, self, node, message, NULL);
		return;
	}
	if (w->module && w->module->is_package) {
		snprintf(
		    message, sizeof(message),
		    "mypyc binds none of the names `from %.*s import *` brings in the compiled "
		    "package: `from %s import <name>` fails with ImportError for each of them",
		    (int)len, text, w->module->module ? w->module->module : "<package>");
		scout_walk_report(w, self, node, message, NULL);
		return;
	}
	module = scout_strndup(text, len);
	stars =
	    outside_project(w, module) ? outside_stars(w, ts_node_start_point(node).row + 1) : 0;
	free(module);
	if (stars)
		report_calls(w, node, source, stars, self);
}

static const scout_rule rule_star_import_unbound = {
    .id = "star-import-unbound",
    .category = SCOUT_BEHAVIOUR,
    .title = "star import whose names compiled code never binds",
    .why = "mypyc compiles `from m import *` as an import of m alone (transform_import_all, "
           "1.0.1 and today): none of the names it brings is bound in the compiled module, "
           "which reads module-level names from its own namespace. Calling one raises "
           "KeyError (TypeVar, NewType and NamedTuple calls too, at import), importing one "
           "through the module raises ImportError, and a relative star import is imported "
           "by its name without the dots, so importing the module fails. Names used only in "
           "annotations, Final constants and classes of modules compiled in the same build "
           "still work. Reported: a relative star import, a package's star import, and "
           "calls to names that only a star import of the standard library can bind (a "
           "star import of another module of the project is not judged per module)",
    .bad = "from os.path import *\n\n\ndef config_path(home: str) -> str:\n"
           "    return join(home, \".config\")\n",
    .good = "from os.path import join\n\n\ndef config_path(home: str) -> str:\n"
            "    return join(home, \".config\")\n",
    .fix = "import the names explicitly (`from os.path import join`), or import the module "
           "and qualify (`import os.path` ... `os.path.join`); a package that re-exports "
           "with a star import lists the names instead",
    .docs = SCOUT_DOCS_DIFF,
    .on = "import_from_statement",
    .enter = check_star_import};

SCOUT_FAMILY(scout_family_statements_star_imports, &rule_star_import_unbound);
