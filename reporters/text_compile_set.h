/* The text report's lines on where the current compile set was read. */
#ifndef SCOUT_TEXT_COMPILE_SET_H
#define SCOUT_TEXT_COMPILE_SET_H

#include "scout/result.h"

/* Appends, under "Compiled today", one line per build file it was read from
 * (its backend, when it compiles, its mypy flags, how many modules) and one
 * per thing in them that could not be read. */
void scout_text_write_compile_origins(scout_buf *b, const scout_scan *scan);

#endif
