/* Which modules ship. */
#include "scout/scope.h"

#include <stdlib.h>

/* Without packaging configuration: every module that is not test code. */
static void fallback(scout_scan *scan)
{
	for (size_t i = 0; i < scan->nmodules; i++)
		scan->modules[i].shipped = !scout_module_is_test(&scan->modules[i]);
	scan->scope_source =
	    scout_strdup("every module outside tests (no packaging configuration read)");
}

void scout_scope_read(scout_scan *scan, const char *dir)
{
	(void)dir;
	free(scan->scope_source);
	scan->scope_source = NULL;
	fallback(scan);
}
