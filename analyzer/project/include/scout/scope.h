/* The scope: which scanned modules go into the wheel. Only those are
 * planned and fail the gate; tests, docs, examples, scripts and build
 * scripts are scanned for information. */
#ifndef SCOUT_SCOPE_H
#define SCOUT_SCOPE_H

#include "scout/result.h"

/* Sets scan->modules[i].shipped and scan->scope_source from what `dir`
 * (the project root) says about its packages. */
void scout_scope_read(scout_scan *scan, const char *dir);

#endif
