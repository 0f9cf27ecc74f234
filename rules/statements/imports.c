/* Imports: fallbacks that rebind an imported name, which mypy rejects, and
 * modules mypy cannot find types for. */
#include "common/defs.h"
#include "common/docs.h"
#include "registry.h"

#include <stdio.h>
#include <string.h>

/* --- try: import x / except ImportError: x = None ---------------------------- */

/* The import statement directly in `body` that binds `name`, or a null
 * node. */
static TSNode body_import(const scout_walk *w, TSNode body, TSNode name)
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
			if (len == nlen && memcmp(text, ntext, len) == 0)
				return stmt;
		}
	}
	return SCOUT_NULL_NODE;
}

static bool body_imports(const scout_walk *w, TSNode body, TSNode name)
{
	return !ts_node_is_null(body_import(w, body, name));
}

/* A module-level variable declared before the try (`x: Any`): the import
 * then rebinds it, which mypy reports at the import ("Name already defined",
 * no-redef), and the None fallback assigns the declared variable. True when
 * so, after reporting the import. */
static bool declared_before(scout_walk *w, TSNode try_stmt, TSNode body, TSNode name,
                            const scout_rule *self)
{
	uint32_t len, line, column;
	const char *text = scout_node_text(name, w->src, &len);
	const scout_name_entry *e = scout_names_lookup(w->names, text, len);
	char message[320];

	scout_walk_node_start(w, try_stmt, &line, &column);
	if (!e || e->kind != SCOUT_BIND_VAR || e->line >= line)
		return false;
	snprintf(message, sizeof(message),
	         "the import rebinds %.*s, declared at line %u: mypy reports \"Name \"%.*s\" "
	         "already defined on line %u\" [no-redef], which stops mypyc unless ignored",
	         (int)len, text, e->line, (int)len, text, e->line);
	scout_walk_report(w, self, body_import(w, body, name), message,
	                  "add `# type: ignore[no-redef]` to the import, as mypy suggests for a "
	                  "declared optional module");
	return true;
}

static void check_try_import_fallback(scout_walk *w, TSNode node, const scout_rule *self)
{
	TSNode try_stmt = scout_walk_ancestor(w, 1), body, handler;
	uint32_t count;
	char message[320];

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

			if (ts_node_is_null(name) || !body_imports(w, body, name))
				continue;
			snprintf(message, sizeof(message),
			         "fallback def %.*s rebinds the imported name: mypy reports \"Name "
			         "\"%.*s\" already defined (possibly by an import)\" or \"All "
			         "conditional function variants must have identical signatures\", "
			         "which stops mypyc",
			         SCOUT_TEXT_ARG(name, w->src), SCOUT_TEXT_ARG(name, w->src));
			scout_walk_report(
			    w, self, stmt, message,
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
		    !body_imports(w, body, left) || declared_before(w, try_stmt, body, left, self))
			continue;
		snprintf(
		    message, sizeof(message),
		    "`%.*s = None` rebinds the imported name %.*s: mypy reports \"Incompatible "
		    "types in assignment (expression has type \"None\", ...)\", which stops "
		    "mypyc",
		    SCOUT_TEXT_ARG(left, w->src), SCOUT_TEXT_ARG(left, w->src));
		scout_walk_report(w, self, a, message, NULL);
	}
}

static const scout_rule rule_try_import_fallback = {
    .id = "try-import-fallback",
    .category = SCOUT_BLOCKER,
    .title = "optional import with a None or def fallback",
    .why = "mypy rejects `try: import x / except ImportError: x = None` (\"Incompatible types "
           "in assignment\") and fallback defs of an imported name (\"Name already defined "
           "(possibly by an import)\", or \"All conditional function variants must have "
           "identical signatures\")",
    .bad = "try:\n    import yaml\nexcept ImportError:\n    yaml = None\n",
    .good = "try:\n    import yaml\n    HAVE_YAML = True\nexcept ImportError:\n    "
            "HAVE_YAML = False\n",
    .fix = "record availability in a flag (`HAVE_YAML = False`) instead of rebinding the "
           "imported name",
    .docs = "https://mypy.readthedocs.io/en/stable/common_issues.html",
    .on = "except_clause",
    .enter = check_try_import_fallback};

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

SCOUT_FAMILY(scout_family_statements_imports, &rule_try_import_fallback,
             &rule_missing_import_stubs);
