/* mypy's own ways of hiding its errors, applied to the findings of rules
 * whose failure is a mypy error (scout_rule.mypy_codes): `# type: ignore`
 * and `# type: ignore[code, ...]` on the lines mypy reports, a bare
 * `# type: ignore` before the module's first statement, the inline
 * configuration comments `# mypy: ignore-errors` and `# mypy:
 * disable-error-code=...`, and the mypy config's ignore_errors /
 * disable_error_code for the module (scout_rule_config.mypy). mypy then
 * reports nothing and mypyc compiles on, so the finding goes; mypyc's own
 * errors are never hidden this way. */
#ifndef SCOUT_TYPE_IGNORES_H
#define SCOUT_TYPE_IGNORES_H

#include "scout/walk.h"

/* Records what a comment node says to mypy, if anything. */
void scout_type_ignores_collect(scout_walk *w, TSNode comment);

/* Notes that the finding at index `finding` of w->module stands for the
 * mypy errors of `rule` (rule->mypy_codes set) that `errors` describe (none:
 * one under the rule's codes, on the finding's first line). */
void scout_type_ignores_note(scout_walk *w, const scout_rule *rule, size_t finding,
                             const scout_mypy_error *errors, size_t nerrors);

/* Drops the noted findings whose mypy error mypy would not report, then
 * forgets the module's comments and notes. Call before the inline
 * suppressions are applied: it relies on the findings' indices. */
void scout_type_ignores_apply(scout_walk *w);

/* Frees what the walk keeps for them (w->type_ignores). */
void scout_type_ignores_release(scout_walk *w);

#endif
