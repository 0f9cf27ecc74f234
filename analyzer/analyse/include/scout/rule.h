/* A rule as the walk sees it: stable id, category, documentation, and the
 * check the walk calls. The rules themselves live above this layer (rules/)
 * and reach the walk as a visitor (scout_walk_visitor in scout/walk.h). */
#ifndef SCOUT_RULE_H
#define SCOUT_RULE_H

#include "scout/walk.h"

struct scout_rule {
	const char *id; /* kebab-case, never renamed */
	scout_category category;
	const char *title;
	const char *why;  /* mypyc's message where it has one */
	const char *bad;  /* Python that fires */
	const char *good; /* the same, fixed */
	const char *fix;
	const char *docs; /* link to mypyc's docs */
	/* mypyc versions the rule applies to: since <= v < until (0: open). */
	uint32_t since, until;
	/* The named node type(s) the check is called on: "class_definition", or
	 * several separated by commas ("lambda,function_definition"). */
	const char *on;
	/* Called on entering every node of type `on`; NULL for rules reported
	 * elsewhere (syntax errors, project-wide rules). */
	void (*enter)(scout_walk *w, TSNode node, const scout_rule *self);
	/* For checks on identifiers that look for certain words: the words
	 * (NULL-terminated). The walk then skips the call for an identifier
	 * whose text cannot be one of them; the check still compares. */
	const char *const *words;
	/* For checks on calls that act only when the callee (the call's
	 * function) qualifies to one of some names (scout_walk_is): those lists,
	 * NULL-terminated. The walk then skips a call whose callee's last
	 * component is none of theirs. On other node types it has no effect. */
	const char *const *const *callees;
	/* Needs a type checker: documented and listed once per scan, never
	 * reported per line. */
	bool advisory;
	/* For a rule whose failure is a mypy error, not mypyc's own: the error
	 * codes mypy gives it, comma-separated ("misc"; a code and the code it
	 * is a sub-code of: "method-assign,assignment"). Where mypy would hide
	 * the error, mypyc compiles on, so the finding goes: a `# type: ignore`
	 * (bare, or naming one of the codes) on the line mypy reports, the
	 * module's `# mypy: ignore-errors` or `disable-error-code`, the mypy
	 * config's ignore_errors / disable_error_code for the module
	 * (analyse/type_ignores.h). A rule whose code or line depends on the
	 * pattern or the mypyc version says so per finding
	 * (scout_walk_report_mypy); this field then lists every code it uses.
	 * NULL: a mypyc error or a compiler crash, which nothing of mypy's
	 * hides. */
	const char *mypy_codes;
};

/* The finding for modules that do not parse (reported by the walk). */
extern const scout_rule scout_rule_syntax_error;
/* A `# mypyc-scout: ignore` that hides nothing (--report-unused-ignores). */
extern const scout_rule scout_rule_unused_suppression;

/* True when the configuration's per-path-ignores hide `rule` in `path`. */
bool scout_rule_ignored_in(const scout_rule *rule, const scout_rule_config *config,
                           const char *path);

#endif
