/* `# type: ignore` before a module's first statement: mypy then skips the
 * whole module as unreachable (fastparse.py translate_stmt_list, 0.990 to
 * 2.3), and mypyc compiles its body as code that must never run
 * (irbuild/statement.py transform_block). */
#include "common/defs.h"
#include "common/docs.h"
#include "registry.h"
#include "scout/type_ignore.h"

#include <stdio.h>
#include <stdlib.h>

/* The module's first `# type: ignore` when it stands before the first
 * statement (mypy compares the first ignore's line with the first
 * statement's, a decorated one's first decorator), or null; *codes as
 * scout_type_ignore_parse gives them. */
static TSNode module_ignore(const scout_walk *w, TSNode module, char **codes)
{
	scout_children it = scout_children_of(module);
	uint32_t len;

	*codes = NULL;
	if (ts_node_has_error(module))
		return SCOUT_NULL_NODE;
	while (scout_children_next(&it)) {
		TSNode c = it.node;
		const char *text;

		if (ts_node_symbol(c) != w->sym->comment)
			break; /* the first statement */
		text = scout_node_text(c, w->src, &len);
		if (scout_type_ignore_parse(text, len, codes)) {
			scout_children_close(&it);
			return c;
		}
	}
	scout_children_close(&it);
	return SCOUT_NULL_NODE;
}

static void check_module_type_ignore(scout_walk *w, TSNode node, const scout_rule *self)
{
	char *codes;
	TSNode c = module_ignore(w, node, &codes);

	free(codes);
	if (ts_node_is_null(c))
		return;
	scout_walk_report(w, self, c,
	                  "a `# type: ignore` before the first statement makes mypy skip the "
	                  "whole module as unreachable: mypyc compiles it, and importing the "
	                  "compiled module raises RuntimeError (\"Reached allegedly unreachable "
	                  "code!\")",
	                  NULL);
}

static const scout_rule rule_module_type_ignore = {
    .id = "module-type-ignore",
    .category = SCOUT_BEHAVIOUR,
    .title = "`# type: ignore` before a module's first statement",
    .why = "mypy treats a module whose first `# type: ignore` comes before its first statement "
           "as unreachable code and checks nothing in it; mypyc compiles such a body to a "
           "RuntimeError (\"Reached allegedly unreachable code!\"), so the compiled module "
           "fails on import (mypyc 1.0.1 to 2.3)",
    .bad = "# type: ignore\nimport json\n\n\ndef load(text: str) -> object:\n    return "
           "json.loads(text)\n",
    .good = "# mypy: ignore-errors\nimport json\n\n\ndef load(text: str) -> object:\n    return "
            "json.loads(text)\n",
    .fix = "silence mypy with `# mypy: ignore-errors` (or per line) instead, or leave the "
           "module out of the compiled set",
    .docs = "https://mypy.readthedocs.io/en/stable/common_issues.html#spurious-errors-and-"
            "locally-silencing-the-checker",
    .on = "module",
    .enter = check_module_type_ignore};

static void check_module_type_ignore_code(scout_walk *w, TSNode node, const scout_rule *self)
{
	char *codes, message[300];
	TSNode c = module_ignore(w, node, &codes);

	if (!ts_node_is_null(c) && codes) {
		snprintf(message, sizeof(message),
		         "`# type: ignore[%.100s]` before the first statement: mypy reports \"type "
		         "ignore with error code is not supported for modules; use `# mypy: "
		         "disable-error-code=...`\"  [syntax], which stops mypyc",
		         codes);
		scout_walk_report(w, self, c, message, NULL);
	}
	free(codes);
}

static const scout_rule rule_module_type_ignore_code = {
    .id = "module-type-ignore-code",
    .category = SCOUT_BLOCKER,
    .title = "`# type: ignore[code]` before a module's first statement",
    .why = "mypy (since 0.990) reports \"type ignore with error code is not supported for "
           "modules; use `# mypy: disable-error-code=...`\"  [syntax], a type error that stops "
           "mypyc (and skips the module as unreachable, as a bare ignore there does)",
    .bad = "# type: ignore[attr-defined]\nimport json\n",
    .good = "# mypy: disable-error-code=\"attr-defined\"\nimport json\n",
    .fix = "write `# mypy: disable-error-code=\"...\"` instead",
    .docs = "https://mypy.readthedocs.io/en/stable/inline_config.html",
    .since = SCOUT_V(0, 990, 0),
    .on = "module",
    .enter = check_module_type_ignore_code,
    .mypy_codes = "syntax"};

SCOUT_FAMILY(scout_family_statements_type_ignores, &rule_module_type_ignore,
             &rule_module_type_ignore_code);
