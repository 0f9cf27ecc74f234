/* The rule registry: every file's rules in one list, the dispatch from node
 * type to the checks the walk calls, and the rules' selection. Each file
 * lists its rules with SCOUT_FAMILY; the rule type is scout/rule.h. */
#ifndef SCOUT_REGISTRY_H
#define SCOUT_REGISTRY_H

#include "scout/rule.h"

/* The rules one file defines, each entry beside its check, listed at the end
 * of the file: `SCOUT_FAMILY(scout_family_X, &rule_a, &rule_b);` defines
 * `const scout_rule_family scout_family_X`, which registry.c collects. */
typedef struct scout_rule_family {
	const scout_rule *const *rules;
	size_t count;
} scout_rule_family;
#define SCOUT_FAMILY(name, ...)                                                                    \
	static const scout_rule *const name##_rules[] = {__VA_ARGS__};                             \
	const scout_rule_family name = {name##_rules, sizeof(name##_rules) / sizeof(*name##_rules)}

/* All rules, in id order. Borrowed, static. */
const scout_rule *const *scout_rules_all(size_t *count);
/* The rule with this id, or NULL. */
const scout_rule *scout_rules_find(const char *id);
/* The rules as the walk's visitor: wants the node types some rule checks,
 * calls every enabled rule registered for a node's type, and keeps the
 * per-configuration list of rules in w->plan. */
extern const scout_walk_visitor scout_rules_visitor;
/* The visitor's `knows`: whether the len bytes at `id` are a rule's id; else
 * *near is the nearest id or category name, or NULL (select.c). */
bool scout_rules_knows(const char *id, size_t len, const char **near);
/* True when the rule is selected and applies to the configured mypyc. */
bool scout_rule_active(const scout_rule *rule, size_t index, const scout_rule_config *config);

/* Adds a finding of `rule` to m unless the rule is off for the configured
 * mypyc or ignored for m's path (the link stage's way to report). Returns
 * the finding (borrowed until m's next finding, for scout_finding_assume),
 * or NULL when none was added. */
scout_finding *scout_rules_report(scout_module *m, const scout_rule *rule,
                                  const scout_rule_config *config, uint32_t line, uint32_t column,
                                  uint32_t end_line, uint32_t end_column, const char *message);

/* Position of a rule in scout_rules_all(), or (size_t)-1. */
size_t scout_rules_index(const scout_rule *rule);

#endif
