/* Function type comments (`# type: (int) -> str` after a def's
 * parameters), found where mypy reads them. */
#ifndef SCOUT_TYPE_COMMENT_H
#define SCOUT_TYPE_COMMENT_H

#include "scout/walk.h"

/* The function type comment of `def`: a comment after the parameters and
 * before the first statement of its body that reads `# type: (...) -> ...`;
 * a null node when it has none. */
TSNode scout_type_comment_of(const scout_walk *w, TSNode def);

#endif
