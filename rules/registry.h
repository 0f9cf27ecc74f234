/* A rule: stable id, category, documentation, and the check that the module
 * walk calls. Rule families keep one static table each. */
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
};

/* A family file's table: `const scout_rule_family scout_family_X`. */
typedef struct scout_rule_family {
	const scout_rule *rules;
	size_t count;
} scout_rule_family;
#define SCOUT_FAMILY(name, table)                                                                  \
	const scout_rule_family name = {table, sizeof(table) / sizeof(*(table))}

/* All rules, in id order. Borrowed, static. */
const scout_rule *const *scout_rules_all(size_t *count);
/* The rule with this id, or NULL. */
const scout_rule *scout_rules_find(const char *id);
/* Calls every enabled rule registered for `node`'s type. */
void scout_rules_enter(scout_walk *w, TSNode node);
/* True when some rule is registered for node type t. */
bool scout_rules_on(TSSymbol t);
/* Frees the per-configuration list of rules a walk keeps (w->plan). */
void scout_rules_plan_free(struct scout_rule_plan *plan);
/* True when the rule is selected and applies to the configured mypyc. */
bool scout_rule_active(const scout_rule *rule, size_t index, const scout_rule_config *config);
/* True when the configuration's per-path-ignores hide `rule` in `path`. */
bool scout_rule_ignored_in(const scout_rule *rule, const scout_rule_config *config,
                           const char *path);

/* Adds a finding of `rule` to m unless the rule is off for the configured
 * mypyc or ignored for m's path (the link stage's way to report). */
void scout_rules_report(scout_module *m, const scout_rule *rule, const scout_rule_config *config,
                        uint32_t line, uint32_t column, uint32_t end_line, uint32_t end_column,
                        const char *message);

/* Position of a rule in scout_rules_all(), or (size_t)-1. */
size_t scout_rules_index(const scout_rule *rule);

/* The finding for modules that do not parse (reported by the walk). */
extern const scout_rule scout_rule_syntax_error;
/* A `# mypyc-scout: ignore` that hides nothing (--report-unused-ignores). */
extern const scout_rule scout_rule_unused_suppression;

#endif
