/* Section 4 of the audit page: annotation work per module, hottest first,
 * with the total effort (parameter and return slots to annotate). */
#include "html.h"

#include <inttypes.h>

static const char *const heads[] = {"module", ".hotness", ".untyped defs", ".partial defs",
                                    ".missing slots"};

void scout_audit_html_work(scout_buf *b, const scout_scan *scan, const scout_audit *a)
{
	scout_buf_printf(b,
	                 "<p>Effort: <strong>%" PRIu64 "</strong> slot%s (parameters and "
	                 "return types) to annotate in %zu module%s, hottest first.</p>\n",
	                 a->missing_slots, a->missing_slots == 1 ? "" : "s", a->nannots,
	                 a->nannots == 1 ? "" : "s");
	if (a->nannots == 0)
		return;
	if (a->nannots > SCOUT_AUDIT_HTML_FOLD)
		scout_buf_printf(b, "<details open><summary>%zu modules</summary>\n", a->nannots);
	scout_audit_html_table(b, heads, 5);
	for (size_t i = 0; i < a->nannots; i++) {
		const scout_audit_annot *w = &a->annots[i];
		double hot = w->module < scan->nmodules ? scan->modules[w->module].hotness : 0.0;

		scout_buf_puts(b, "<tr><td>");
		scout_audit_html_module(b, scan, w->module);
		scout_buf_printf(b,
		                 "</td><td class=\"num\">%.3f</td><td class=\"num\">%u</td>"
		                 "<td class=\"num\">%u</td><td class=\"num\">%u</td></tr>\n",
		                 hot, (unsigned)w->untyped_defs, (unsigned)w->partial_defs,
		                 (unsigned)w->missing_slots);
	}
	scout_audit_html_table_end(b);
	if (a->nannots > SCOUT_AUDIT_HTML_FOLD)
		scout_buf_puts(b, "</details>\n");
}
