/* Python version specifiers: requires-python and Poetry's python
 * dependency read as a range of CPython 3 minor versions. */
#ifndef SCOUT_PYTHON_SPEC_H
#define SCOUT_PYTHON_SPEC_H

#include "scout/common.h"

/* A range of CPython 3 minor versions; -1: unbounded on that side. */
typedef struct scout_python_range {
	int lo, hi;   /* 3.lo .. 3.hi, inclusive */
	bool python2; /* a lower bound below 3.0 */
	bool parsed;  /* some clause was understood */
} scout_python_range;

/* ">=3.8,<4", "^3.9", "~=3.8.1", "3.*", ...; alternatives ("||", "or") are
 * not read (parsed false). */
scout_python_range scout_python_spec_parse(const char *spec);

/* The oldest CPython 3 minor version the given mypyc (SCOUT_V; 0: the
 * newest the catalog knows) runs on: mypy's own requires-python. */
int scout_python_min_minor_for_mypyc(uint32_t mypyc_version);

#endif
