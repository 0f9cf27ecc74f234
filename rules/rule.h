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
	/* Called on entering every node; NULL for rules reported elsewhere. */
	void (*enter)(scout_walk *w, TSNode node, const scout_rule *self);
};

/* All rules, in id order. Borrowed, static. */
const scout_rule *const *scout_rules_all(size_t *count);
/* The rule with this id, or NULL. */
const scout_rule *scout_rules_find(const char *id);
/* Calls every enabled rule's check on entering `node`. */
void scout_rules_enter(scout_walk *w, TSNode node);

/* The finding for modules that do not parse (reported by the walk). */
extern const scout_rule scout_rule_syntax_error;

#endif
