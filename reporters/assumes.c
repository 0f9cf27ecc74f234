/* The words for a finding's assumptions (see assumes.h). */
#include "assumes.h"

void scout_report_assumes(scout_buf *b, const scout_finding *f,
                          void (*escape)(scout_buf *b, const char *s))
{
	if (f->nassumes == 0)
		return;
	scout_buf_puts(b, "if compiled with ");
	for (uint32_t i = 0; i < f->nassumes; i++) {
		if (i)
			scout_buf_puts(b, i + 1 == f->nassumes ? " and " : ", ");
		escape(b, f->assumes[i]);
	}
	if (!scout_finding_holds(f))
		scout_buf_puts(b, f->nassumes == 1
		                      ? "; not counted: that module stays interpreted"
		                      : "; not counted: one of them stays interpreted");
	if (!scout_finding_holds(f))
		scout_buf_puts(b, " (not compiled now, and blocked on its own or test code)");
}

bool scout_report_blocks(const scout_finding *f)
{
	return f->category == SCOUT_BLOCKER && scout_finding_holds(f);
}
