/* Per-module rules that the link stage (project_classes.c) also reports,
 * where a class relationship crosses a module boundary. Defined beside
 * their checks; referred to by object, never by id. */
#ifndef SCOUT_LINKED_RULES_H
#define SCOUT_LINKED_RULES_H

#include "registry.h"

extern const scout_rule scout_rule_builtin_base;              /* classes.c */
extern const scout_rule scout_rule_trait_base_order;          /* classes.c */
extern const scout_rule scout_rule_multiple_inheritance;      /* classes.c */
extern const scout_rule scout_rule_interpreted_subclass_base; /* classes.c */
extern const scout_rule scout_rule_nonext_inherits_ext;       /* runtime.c */
extern const scout_rule scout_rule_instance_attr_via_class;   /* class_attrs.c */
extern const scout_rule scout_rule_monkeypatch_method;        /* heuristics_instances.c */

#endif
