/* "from setup.py (mypycify, when ...): N modules" and "not read: ..." lines. */
#include "text_compile_set.h"

#include "escape.h"

static void write_origin(scout_buf *b, const scout_compile_origin *o)
{
	scout_buf_puts(b, "  from ");
	scout_escape_terminal(b, o->file);
	scout_buf_printf(b, " (%s", o->backend);
	if (o->condition) {
		scout_buf_puts(b, ", when ");
		scout_escape_terminal(b, o->condition);
	}
	scout_buf_printf(b, "): %zu module%s", o->nmodules, o->nmodules == 1 ? "" : "s");
	for (size_t i = 0; i < o->nmypy_args; i++) {
		scout_buf_puts(b, i ? " " : "; mypy args: ");
		scout_escape_terminal(b, o->mypy_args[i]);
	}
	scout_buf_putc(b, '\n');
}

void scout_text_write_compile_origins(scout_buf *b, const scout_scan *scan)
{
	for (size_t i = 0; i < scan->ncompile_origins; i++)
		write_origin(b, &scan->compile_origins[i]);
	for (size_t i = 0; i < scan->ncompile_unread; i++) {
		const scout_compile_unread *u = &scan->compile_unread[i];

		scout_buf_puts(b, "  not read: ");
		scout_escape_terminal(b, u->file);
		if (u->line)
			scout_buf_printf(b, ":%u", u->line);
		scout_buf_puts(b, ": ");
		scout_escape_terminal(b, u->reason);
		scout_buf_puts(b, " (its modules are missing from this set)\n");
	}
}
