/* Annotation coverage (DESIGN.md "Scores"), fed by the module walk. */
#ifndef SCOUT_ANNOTATIONS_H
#define SCOUT_ANNOTATIONS_H

#include "scout/walk.h"

/* Called on entering every node of a type scout_annotations_on accepts:
 * counts defs and their slots, explicit Any uses inside annotations, and
 * `# type: ignore` comments into w->module->ann. */
void scout_annotations_enter(scout_walk *w, TSNode node);
/* True for the node types scout_annotations_enter looks at. */
bool scout_annotations_on(const scout_symbols *s, TSSymbol t);

/* Exposed for tests: true when the comment text (starting with '#') is a
 * `# type: ignore` comment, or a function type comment `# type: (...) -> R`. */
bool scout_comment_is_type_ignore(const char *text, size_t len);
bool scout_comment_is_function_type(const char *text, size_t len);

#endif
