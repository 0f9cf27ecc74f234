/* What a setup.py says about mypyc, read with tree-sitter (never run): the
 * paths it passes to `mypycify([...])` (list literals, and simple variables
 * assigned one) and where the first such call stands. */
#ifndef SCOUT_SETUP_PY_H
#define SCOUT_SETUP_PY_H

#include "scout/common.h"

typedef struct scout_setup_py {
	char **entries; /* owned; the strings of every mypycify call's list */
	size_t nentries, entries_cap;
	uint32_t mypycify_line; /* the first mypycify(...) call (1-based); 0: none */
	uint32_t guard_line;    /* the if or conditional expression around it; 0: none */
} scout_setup_py;

/* Reads `len` bytes of setup.py source into *out (free with
 * scout_setup_py_free; all zero when the source holds no mypycify call or
 * cannot be parsed). */
void scout_setup_py_parse(scout_setup_py *out, const char *src, size_t len);
void scout_setup_py_free(scout_setup_py *s);

#endif
