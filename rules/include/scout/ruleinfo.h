/* Rule metadata for reporters: the documentation fields of a rule, so a
 * format that describes its rules (SARIF tool.driver.rules) needs no rule
 * internals. Implemented in rules/ruleinfo.c over the rule tables. */
#ifndef SCOUT_RULEINFO_H
#define SCOUT_RULEINFO_H

#include "scout/result.h"

typedef struct scout_rule_info {
	const char *id;    /* kebab-case, stable */
	const char *title; /* one line: what it catches */
	const char *why;   /* why mypyc cares (mypyc's own message where it has one) */
	const char *fix;   /* how to fix it, in general */
	const char *docs;  /* absolute URL of the relevant mypyc docs, or NULL / "" */
	scout_category category;
} scout_rule_info;

/* The metadata of the rule with this id, or NULL for an unknown id (or NULL).
 * Borrowed and static: valid for the life of the process, strings included.
 * Thread-safe. */
const scout_rule_info *scout_rule_info_find(const char *id);

#endif
