/* One place for every escaping rule of every output format. */
#ifndef SCOUT_ESCAPE_H
#define SCOUT_ESCAPE_H

#include "scout/common.h"

/* Appends s to b with invalid UTF-8 replaced by U+FFFD, so every format gets
 * valid text. */
void scout_escape_utf8(scout_buf *b, const char *s);
/* A new valid-UTF-8 copy of s (owned by caller, free with free()). */
char *scout_escape_utf8_dup(const char *s);
/* Text for a terminal: valid UTF-8 and no control characters (C0, DEL, C1 as
 * \xNN), so a hostile name cannot move the cursor or recolour the screen. */
void scout_escape_terminal(scout_buf *b, const char *s);

#endif
