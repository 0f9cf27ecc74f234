/* Internal to the audit's HTML page (reporters/audit/html*.c): the writers
 * shared by its sections, and one writer per section. Each appends to a
 * scout_buf; every string from the scan goes through scout_escape_html. */
#ifndef SCOUT_AUDIT_HTML_H
#define SCOUT_AUDIT_HTML_H

#include "scout/audit.h"

/* Locations longer than this fold into a <details> element. */
#define SCOUT_AUDIT_HTML_FOLD 20

/* The page's inline stylesheet (static). */
extern const char scout_audit_html_css[];

/* A scanned path as an href value: URI-escaped, then HTML-escaped. */
void scout_audit_html_href(scout_buf *b, const char *path);
/* A list of locations, each `path:line` linked to the file (#L<line>) with its
 * label and, when it says more than `rule_fix` (may be NULL), its own fix;
 * folded into <details> past SCOUT_AUDIT_HTML_FOLD. */
void scout_audit_html_locs(scout_buf *b, const scout_scan *scan, const scout_audit_loc *locs,
                           size_t n, const char *rule_fix);
/* A module's path as linked code, for tables. */
void scout_audit_html_module(scout_buf *b, const scout_scan *scan, size_t module);
/* <div class="table-wrap"><table> with the given header cells ("." before a
 * name: a numeric column), then <tbody>; close with scout_audit_html_table_end. */
void scout_audit_html_table(scout_buf *b, const char *const *heads, size_t n);
void scout_audit_html_table_end(scout_buf *b);

/* Sections 2 to 6 (html_plan.c, html_findings.c, html_work.c,
 * html_checks.c, html_risks.c). */
void scout_audit_html_plan(scout_buf *b, const scout_scan *scan, const scout_audit *a);
void scout_audit_html_findings(scout_buf *b, const scout_scan *scan, const scout_audit *a);
void scout_audit_html_work(scout_buf *b, const scout_scan *scan, const scout_audit *a);
void scout_audit_html_checks(scout_buf *b, const scout_audit *a);
void scout_audit_html_risks(scout_buf *b, const scout_scan *scan, const scout_audit *a);

#endif
