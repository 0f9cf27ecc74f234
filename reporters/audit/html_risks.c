/* Section 6 of the audit page: compatibility risks for users of the package,
 * each with what a user would notice and its locations, then whether they
 * justify a major version. */
#include "html.h"

#include "escape.h"

static void write_risk(scout_buf *b, const scout_scan *scan, const scout_audit_risk *r)
{
	scout_buf_puts(b, "<article class=\"risk\">\n<h3>");
	scout_escape_html(b, r->title ? r->title : r->id);
	if (r->breaking)
		scout_buf_puts(b, " <span class=\"badge s-todo\">breaking</span>");
	scout_buf_printf(b, " <span class=\"muted\">(%zu)</span></h3>\n", r->nlocs);
	if (r->why) {
		scout_buf_puts(b, "<p>");
		scout_escape_html(b, r->why);
		scout_buf_puts(b, "</p>\n");
	}
	scout_audit_html_locs(b, scan, r->locs, r->nlocs, NULL);
	scout_buf_puts(b, "</article>\n");
}

void scout_audit_html_risks(scout_buf *b, const scout_scan *scan, const scout_audit *a)
{
	for (size_t i = 0; i < a->nrisks; i++)
		write_risk(b, scan, &a->risks[i]);
	if (a->major_version)
		scout_buf_puts(b, "<p class=\"note\"><strong>Major version:</strong> at least one "
		                  "breaking risk has locations in this project, so shipping the "
		                  "compiled build justifies a new major version.</p>\n");
	else
		scout_buf_puts(b, "<p class=\"note\"><strong>Major version:</strong> no breaking "
		                  "risk has a location in this project; a minor release can ship "
		                  "the compiled build.</p>\n");
}
