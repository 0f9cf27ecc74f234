/* Imports: fallbacks that rebind an imported name, which mypy rejects, and
 * modules mypy cannot find types for. */
#include "common/defs.h"
#include "common/docs.h"
#include "registry.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* --- try: import x / except ImportError: x = None ---------------------------- */

/* How the try body binds a name: not at all, by `import m` (a module), or
 * by `from m import name`: a class when the name is CapWords (as PEP 8 names
 * classes), else a function or variable. The scan cannot see the imported
 * module; mypy's error code depends on which it is. */
enum { NOT_IMPORTED, IMPORTED_MODULE, IMPORTED_FROM, IMPORTED_CLASS };

/* An uppercase letter first and a lowercase one later: "Decimal", not
 * "DEFAULT" or "quote". */
static bool capwords(const char *text, uint32_t len)
{
	if (!len || !isupper((unsigned char)text[0]))
		return false;
	for (uint32_t i = 1; i < len; i++)
		if (islower((unsigned char)text[i]))
			return true;
	return false;
}

/* How an import statement directly in `body` binds `name`; *at (when not
 * NULL) is set to that statement. */
static int body_import(const scout_walk *w, TSNode body, TSNode name, TSNode *at)
{
	uint32_t count = scout_node_named_child_count(body), nlen;
	const char *ntext = scout_node_text(name, w->src, &nlen);

	for (uint32_t i = 0; i < count; i++) {
		TSNode stmt = scout_node_named_child(body, i);
		TSSymbol t = ts_node_symbol(stmt);
		uint32_t n = scout_node_named_child_count(stmt);
		TSNode module = t == w->sym->import_from_statement
		                    ? scout_node_field(stmt, w->sym->f_module_name)
		                    : SCOUT_NULL_NODE;

		if (t != w->sym->import_statement && t != w->sym->import_from_statement)
			continue;
		for (uint32_t j = 0; j < n; j++) {
			TSNode c = scout_node_named_child(stmt, j), bound;
			uint32_t len;
			const char *text;

			if (!ts_node_is_null(module) && ts_node_eq(c, module))
				continue;
			if (ts_node_symbol(c) == w->sym->aliased_import)
				bound = scout_node_field(c, w->sym->f_alias);
			else if (ts_node_symbol(c) == w->sym->dotted_name)
				bound = scout_node_named_child(c, 0); /* import a.b binds a */
			else
				continue;
			if (ts_node_is_null(bound))
				continue;
			if (t == w->sym->import_from_statement &&
			    ts_node_symbol(c) == w->sym->dotted_name)
				bound =
				    scout_node_named_child(c, scout_node_named_child_count(c) - 1);
			text = scout_node_text(bound, w->src, &len);
			if (len != nlen || memcmp(text, ntext, len) != 0)
				continue;
			if (at)
				*at = stmt;
			return t == w->sym->import_statement ? IMPORTED_MODULE
			       : capwords(text, len)         ? IMPORTED_CLASS
			                                     : IMPORTED_FROM;
		}
	}
	return NOT_IMPORTED;
}

static int body_imports(const scout_walk *w, TSNode body, TSNode name)
{
	return body_import(w, body, name, NULL);
}

/* A module-level variable declared before the try (`x: Any`): the import
 * then rebinds it, which mypy reports at the import ("Name already defined",
 * [no-redef]), and the None fallback assigns the declared variable. True when
 * so, after reporting the import. */
static bool declared_before(scout_walk *w, TSNode try_stmt, TSNode body, TSNode name,
                            const scout_rule *self)
{
	uint32_t len, line, column;
	const char *text = scout_node_text(name, w->src, &len);
	const scout_name_entry *b = scout_names_lookup(w->names, text, len);
	TSNode import = SCOUT_NULL_NODE;
	scout_mypy_error e = {"no-redef", 0, 0};
	char message[320];

	scout_walk_node_start(w, try_stmt, &line, &column);
	if (!b || b->kind != SCOUT_BIND_VAR || b->line >= line ||
	    !body_import(w, body, name, &import))
		return false;
	scout_walk_node_start(w, import, &e.first_line, &column);
	e.last_line = e.first_line;
	snprintf(message, sizeof(message),
	         "the import rebinds %.*s, declared at line %u: mypy reports \"Name \"%.*s\" "
	         "already defined on line %u\"  [no-redef], which stops mypyc",
	         (int)len, text, b->line, (int)len, text, b->line);
	scout_walk_report_mypy(w, self, import, &e, 1, message,
	                       "add `# type: ignore[no-redef]` to the import, as mypy suggests for "
	                       "a declared optional module");
	return true;
}

/* The mypy error of a fallback def of an imported name. mypy's semantic
 * analyser reports "Name already defined" [no-redef] on the def (on its
 * first decorator when decorated) when the name was bound to a module or a
 * class; a function or a variable a conditional def may redefine, and the
 * checker compares the signatures: "All conditional function variants must
 * have identical signatures" (or "Incompatible redefinition") [misc] on the
 * def, where before mypy 1.15 a `# type: ignore` from the first decorator
 * to the def line counts (messages.py span_from_context; from 1.15 on the
 * def line only). */
static void fallback_def_error(const scout_walk *w, TSNode stmt, TSNode def, int how,
                               scout_mypy_error *e)
{
	uint32_t column;

	scout_walk_node_start(w, stmt, &e->first_line, &column);
	if (how == IMPORTED_MODULE || how == IMPORTED_CLASS) {
		e->codes = "no-redef";
		e->last_line = e->first_line;
		return;
	}
	e->codes = "misc";
	scout_walk_node_start(w, def, &e->last_line, &column);
	if (scout_walk_mypyc_version(w) >= SCOUT_V(1, 15, 0))
		e->first_line = e->last_line;
}

static void check_try_import_fallback(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode try_stmt = scout_walk_ancestor(w, 1), body, handler;
	uint32_t count, column;
	char message[400];
	scout_mypy_error e, errors[2];
	int how;

	/* Any handler: ImportError is the idiom, but mypy rejects the rebinding
	 * whatever the exception caught. */
	if (ts_node_symbol(try_stmt) != w->sym->try_statement)
		return;
	body = scout_node_field(try_stmt, w->sym->f_body);
	handler = scout_node_named_child(node, scout_node_named_child_count(node) - 1);
	if (ts_node_is_null(body) || ts_node_symbol(handler) != w->sym->block)
		return;
	count = scout_node_named_child_count(handler);
	for (uint32_t i = 0; i < count; i++) {
		TSNode stmt = scout_node_named_child(handler, i), def = stmt, a, left, right;

		if (ts_node_symbol(def) == w->sym->decorated_definition)
			def = scout_node_field(def, w->sym->f_definition);
		if (ts_node_symbol(def) == w->sym->function_definition) {
			TSNode name = scout_defs_name(w, def);

			if (ts_node_is_null(name) || !(how = body_imports(w, body, name)))
				continue;
			fallback_def_error(w, stmt, def, how, &e);
			if (how == IMPORTED_FROM)
				snprintf(
				    message, sizeof(message),
				    "fallback def %.*s rebinds the imported name: mypy reports "
				    "\"All "
				    "conditional function variants must have identical "
				    "signatures\"  "
				    "[misc] unless the signatures are identical, which stops mypyc",
				    SCOUT_TEXT_ARG(name, w->src));
			else
				snprintf(
				    message, sizeof(message),
				    "fallback def %.*s rebinds the imported %s: mypy reports "
				    "\"Name "
				    "\"%.*s\" already defined\"  [no-redef], which stops mypyc",
				    SCOUT_TEXT_ARG(name, w->src),
				    how == IMPORTED_MODULE ? "module" : "class",
				    SCOUT_TEXT_ARG(name, w->src));
			scout_walk_report_mypy(
			    w, self, def, &e, 1, message,
			    "give the fallback exactly the imported signature, or import "
			    "under another name and bind one of the two to a new name");
			continue;
		}
		a = scout_defs_assignment(w, stmt);
		if (ts_node_is_null(a))
			continue;
		left = scout_node_field(a, w->sym->f_left);
		right = scout_node_field(a, w->sym->f_right);
		if (ts_node_symbol(left) != w->sym->identifier || ts_node_is_null(right) ||
		    ts_node_symbol(right) != w->sym->none ||
		    !ts_node_is_null(scout_node_field(a, w->sym->f_type)) ||
		    declared_before(w, try_stmt, body, left, self))
			continue;
		how = body_imports(w, body, left);
		if (how == NOT_IMPORTED)
			continue;
		/* The checker's [assignment] is on the value (any of its lines);
		 * for a class the semantic analyser's "Cannot assign to a type"
		 * [misc] on the target comes first: both need hiding. */
		errors[0].codes = "assignment";
		scout_walk_node_start(w, right, &errors[0].first_line, &column);
		scout_walk_node_end(w, right, &errors[0].last_line, &column);
		errors[1].codes = "misc";
		scout_walk_node_start(w, left, &errors[1].first_line, &column);
		errors[1].last_line = errors[1].first_line;
		if (how == IMPORTED_CLASS)
			snprintf(
			    message, sizeof(message),
			    "`%.*s = None` rebinds the imported class %.*s: mypy reports \"Cannot "
			    "assign to a type\"  [misc] and \"Incompatible types in assignment\"  "
			    "[assignment], which stops mypyc",
			    SCOUT_TEXT_ARG(left, w->src), SCOUT_TEXT_ARG(left, w->src));
		else
			snprintf(
			    message, sizeof(message),
			    "`%.*s = None` rebinds the imported name %.*s: mypy reports "
			    "\"Incompatible types in assignment (expression has type \"None\", "
			    "...)\"  [assignment], which stops mypyc",
			    SCOUT_TEXT_ARG(left, w->src), SCOUT_TEXT_ARG(left, w->src));
		scout_walk_report_mypy(w, self, a, errors, how == IMPORTED_CLASS ? 2 : 1, message,
		                       NULL);
	}
}

static const scout_rule rule_try_import_fallback = {
    .id = "try-import-fallback",
    .category = SCOUT_BLOCKER,
    .title = "optional import with a None or def fallback",
    .why = "mypy rejects `try: import x / except ImportError: x = None` (\"Incompatible types "
           "in assignment\"  [assignment], and \"Cannot assign to a type\"  [misc] for a "
           "class) and fallback defs of an imported name (\"All conditional function variants "
           "must have identical signatures\"  [misc], or \"Name already defined\"  "
           "[no-redef] for a module or a class; a CapWords name is taken for a class). A "
           "`# type: ignore` counts on the def line (and on its decorators before mypy 1.15)",
    .bad = "try:\n    import yaml\nexcept ImportError:\n    yaml = None\n",
    .good = "try:\n    import yaml\n    HAVE_YAML = True\nexcept ImportError:\n    "
            "HAVE_YAML = False\n",
    .fix = "record availability in a flag (`HAVE_YAML = False`) instead of rebinding the "
           "imported name",
    .docs = "https://mypy.readthedocs.io/en/stable/common_issues.html",
    .on = "except_clause",
    .enter = check_try_import_fallback,
    .mypy_codes = "assignment,misc,no-redef"};

static const scout_rule rule_missing_import_stubs = {
    .id = "missing-import-stubs",
    .category = SCOUT_BLOCKER,
    .title = "imports of packages without type information must be resolved for mypy",
    .why = "mypy reports \"Cannot find implementation or library stub for module named "
           "...\" (or \"missing library stubs or py.typed marker\") and mypyc stops; "
           "whether a package ships types depends on the installed environment (py.typed, "
           "stub packages, mypy_path, per-module ignore_missing_imports), which a syntax "
           "scan cannot see: a scan that flagged every import outside the standard library, "
           "the project and a list of typed packages also flagged sibling modules missing "
           "from the scanned set (as in the oracle case metaclass-nonnative), so this is an "
           "advisory",
    .bad = "import untyped_vendor_lib\n",
    .good = "import untyped_vendor_lib  # type: ignore[import]\n",
    .fix = "run mypy with mypyc's configuration; install stub packages, or set "
           "ignore_missing_imports for the modules that have none",
    .docs = SCOUT_DOCS_DIFF,
    .advisory = true};

/* --- from .. import x past the top-level package ----------------------------- */

/* The dots of a relative import's module (`..` of `..pkg`), and whether a
 * name follows them; 0 for an absolute import. */
static uint32_t relative_level(const scout_walk *w, TSNode module, bool *named)
{
	uint32_t len, dots = 0;
	const char *text = scout_node_text(module, w->src, &len);

	*named = false;
	for (uint32_t i = 0; i < len; i++) {
		if (text[i] == '.' && !*named)
			dots++;
		else if (!isspace((unsigned char)text[i]) && text[i] != '\\')
			*named = true;
	}
	return dots;
}

/* The number of components of the first n bytes of a dotted name. */
static uint32_t components(const char *name, size_t n)
{
	uint32_t c = n ? 1 : 0;

	for (size_t i = 0; i < n; i++)
		c += name[i] == '.';
	return c;
}

static void check_relative_import_beyond_top_level(scout_walk *w, TSNode node,
                                                   const scout_rule *self)
{
	TSNode module = scout_node_field(node, w->sym->f_module_name);
	const char *name = w->module ? w->module->module : NULL;
	size_t n = name ? strlen(name) : 0, package;
	uint32_t level, parts, rel;
	bool named, init = w->module && w->module->is_package, fails;
	char message[400];

	if (ts_node_is_null(module) || !name)
		return;
	level = relative_level(w, module, &named);
	if (level == 0)
		return;
	/* mypy (build.py correct_rel_imp, util.correct_relative_import): "No
	 * parent module", "Relative import climbs too many namespaces", or a
	 * module ".x" it cannot find */
	parts = components(name, n);
	rel = level - (init ? 1 : 0);
	fails = rel >= parts; /* named at the root: mypy finds no module ".x" */
	/* mypyc (irbuild transform_import_from): importlib's resolve_name of the
	 * import against the module's package -- before 1.14 (PR 17979) the
	 * parent package for a sub-package's __init__.py -- fails past the top */
	package = init ? n : (size_t)(strrchr(name, '.') ? strrchr(name, '.') - name : 0);
	if (init && scout_walk_mypyc_version(w) < SCOUT_V(1, 14, 0) && strchr(name, '.'))
		package = (size_t)(strrchr(name, '.') - name);
	if (fails) {
		snprintf(message, sizeof(message),
		         "relative import %.*s climbs past the top-level package of %s (as its "
		         "__init__.py files place it): mypy reports \"%s\"",
		         SCOUT_TEXT_ARG(module, w->src), name,
		         rel > parts ? "Relative import climbs too many namespaces"
		         : named ? "Cannot find implementation or library stub for module named "
		                   "\".<name>\"\" (the import is made relative to nothing)"
		                 : "No parent module -- cannot perform relative import");
	} else if (init && !scout_nodes_mypy_only(w) && components(name, package) < level) {
		snprintf(message, sizeof(message),
		         "relative import %.*s in the __init__.py of sub-package %s, which mypyc "
		         "before 1.14 resolves against the parent package, climbs past the top: "
		         "mypyc crashes (\"ImportError: attempted relative import beyond top-level "
		         "package\")",
		         SCOUT_TEXT_ARG(module, w->src), name);
	} else {
		return;
	}
	scout_walk_report(w, self, node, message, NULL);
}

static const scout_rule rule_relative_import_beyond_top_level = {
    .id = "relative-import-beyond-top-level",
    .category = SCOUT_BLOCKER,
    .title = "relative import that climbs past the top-level package",
    .why = "mypy reports \"No parent module -- cannot perform relative import\" or "
           "\"Relative import climbs too many namespaces\" when the dots climb past the "
           "package root (the outermost directory with an __init__.py); mypyc before 1.14 "
           "resolves the relative imports of a sub-package's __init__.py against the parent "
           "package, so `from .. import x` there crashes it (\"ImportError: attempted "
           "relative import beyond top-level package\"; fixed by PR 17979)",
    .bad = "# pkg/sub/__init__.py\nfrom .. import helper\n",
    .good = "# pkg/sub/__init__.py\nfrom pkg import helper\n",
    .fix = "import through the absolute package name (`from pkg import helper`), or add the "
           "missing __init__.py that makes the parent directory a package",
    .docs = SCOUT_DOCS_DIFF,
    .on = "import_from_statement",
    .enter = check_relative_import_beyond_top_level};

SCOUT_FAMILY(scout_family_statements_imports, &rule_try_import_fallback, &rule_missing_import_stubs,
             &rule_relative_import_beyond_top_level);
