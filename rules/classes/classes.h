/* The class rules the link stage reports too (project/classes.c), where a
 * class relationship crosses a module boundary: defined beside their checks
 * in this folder, referred to by object, never by id. */
#ifndef SCOUT_RULES_CLASSES_H
#define SCOUT_RULES_CLASSES_H

#include "registry.h"

extern const scout_rule scout_rule_builtin_base;              /* bases.c */
extern const scout_rule scout_rule_trait_base_order;          /* bases.c */
extern const scout_rule scout_rule_multiple_inheritance;      /* bases.c */
extern const scout_rule scout_rule_interpreted_subclass_base; /* bases.c */
extern const scout_rule scout_rule_nonext_inherits_ext;       /* bases.c */
extern const scout_rule scout_rule_instance_attr_via_class;   /* attributes.c */
extern const scout_rule scout_rule_classvar_assign_via_class; /* attributes.c */
extern const scout_rule scout_rule_monkeypatch_method;        /* instances.c */

#endif
