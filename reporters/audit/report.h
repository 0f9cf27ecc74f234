/* The audit's renderers: the model (scout/audit.h) as one self-contained HTML
 * page or as GitHub Markdown. Rule text comes from scout/ruleinfo.h. */
#ifndef SCOUT_AUDIT_REPORT_H
#define SCOUT_AUDIT_REPORT_H

#include <stdio.h>

#include "scout/audit.h"

/* Markdown output stays under GitHub's comment limit (characters). */
#define SCOUT_AUDIT_MARKDOWN_MAX 65536

/* Each writes the whole document; `audit --format` reaches them through
 * scout_reporter_html and scout_reporter_markdown (reporter.h). Returns 0 or
 * SCOUT_EIO. */
int scout_audit_write_html(FILE *out, const scout_scan *scan, const scout_audit *a);
int scout_audit_write_markdown(FILE *out, const scout_scan *scan, const scout_audit *a);

#endif
