/* The text report's findings: one line each, grouped by category, or their
 * counts per rule (--statistics). */
#ifndef SCOUT_TEXT_FINDINGS_H
#define SCOUT_TEXT_FINDINGS_H

#include "reporter.h"

/* True when the listing shows f of m: by default a finding that counts
 * (it holds, in a module --fail-on covers) of category blocker, non-native
 * or behaviour; with --show-all every finding. */
bool scout_text_listed(const scout_module *m, const scout_finding *f, const scout_text_opts *t);

/* Appends the listed findings, blockers first, each group under a line
 * naming its category and count: `path:line:col: rule-id message`, then
 * "    fix: ..." with --show-fixes. By default a digest: one line per rule
 * and file naming the rule's other lines there, and at most 40 lines, then
 * how many findings it left out; --show-all writes every finding. Then the
 * diagnostics of the modules the listing covers (under --diff, of the files
 * the change touched): `path[:line]: kind: message`. Returns the number of
 * findings listed. */
size_t scout_text_write_findings(scout_buf *b, const scout_scan *scan,
                                 const scout_report_opts *opts);

/* --statistics: one line per rule with its count of findings in the modules
 * --fail-on covers (with --show-all, of every module), most first:
 * `COUNT  rule-id  category  title`. */
void scout_text_write_statistics(scout_buf *b, const scout_scan *scan,
                                 const scout_report_opts *opts);

#endif
