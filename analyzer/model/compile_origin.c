/* Freeing the compile set's origins and unread notes. */
#include "scout/compile_origin.h"

#include <stdlib.h>
#include <string.h>

void scout_compile_origin_clear(scout_compile_origin *o)
{
	for (size_t i = 0; i < o->nmodules; i++)
		free(o->modules[i]);
	for (size_t i = 0; i < o->nmypy_args; i++)
		free(o->mypy_args[i]);
	free(o->modules);
	free(o->mypy_args);
	free(o->file);
	free(o->backend);
	free(o->condition);
	memset(o, 0, sizeof(*o));
}

void scout_compile_unread_clear(scout_compile_unread *u)
{
	free(u->file);
	free(u->reason);
	memset(u, 0, sizeof(*u));
}
