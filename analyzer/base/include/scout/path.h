/* Paths handled lexically, as the user typed them: "." dropped, ".."
 * removing a component (a symlinked directory's parent is the directory that
 * holds the link). */
#ifndef SCOUT_PATH_H
#define SCOUT_PATH_H

#include "scout/common.h"

/* The absolute, lexically normal form of path ('/'-separated, no trailing
 * '/'), NULL when the current directory is unknown. Owned by caller, free
 * with free(). */
char *scout_path_absolute(const char *path);

/* True when the absolute normal path `below` is `dir` or inside it; *rest
 * (when not NULL) then points past dir's '/' ("" for dir itself). */
bool scout_path_inside(const char *below, const char *dir, const char **rest);

#endif
