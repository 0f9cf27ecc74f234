/* Each module-level class's facts, collected during the walk into the
 * module's result (scout_class_info), for the project class index that the
 * link stage checks across modules. */
#ifndef SCOUT_CLASS_FACTS_H
#define SCOUT_CLASS_FACTS_H

#include "scout/walk.h"

/* Records the facts of a module-level class for the project class index
 * (called by the walk on every class_definition). */
void scout_class_facts_collect(scout_walk *w, TSNode class_def);

/* Records `X.attr` reads and writes where X is imported from outside the
 * standard library, for the link stage (called by the walk on every
 * attribute node). */
void scout_class_facts_collect_attr(scout_walk *w, TSNode attribute);

#endif
