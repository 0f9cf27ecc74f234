/* Section 3 of the audit page: findings in the shipped modules grouped by
 * rule, blockers first, then behaviour, non-native and slow, most findings
 * first within each. Each rule gets an anchor (#rule-<id>, the target of section 2's fix
 * links and the rules chart), its title, category, why mypyc cares, the fix,
 * a link to mypyc's docs (https only) and every location. */
#include "html.h"

#include "escape.h"
#include "scout/ruleinfo.h"

static void write_para(scout_buf *b, const char *label, const char *s)
{
	if (!s || !*s)
		return;
	scout_buf_printf(b, "<p><strong>%s</strong> ", label);
	scout_escape_html(b, s);
	scout_buf_puts(b, "</p>\n");
}

static void write_rule(scout_buf *b, const scout_scan *scan, const scout_audit_rule *r)
{
	const scout_rule_info *info = scout_rule_info_find(r->rule);

	scout_buf_puts(b, "<article class=\"rule\" id=\"rule-");
	scout_escape_html(b, r->rule);
	scout_buf_puts(b, "\">\n<h3><code>");
	scout_escape_html(b, r->rule);
	scout_buf_printf(b, "</code> <span class=\"badge c%d\">%s</span></h3>\n",
	                 (int)r->category % SCOUT_CATEGORY_COUNT, scout_category_name(r->category));
	if (info && info->title) {
		scout_buf_puts(b, "<p class=\"rule-title\">");
		scout_escape_html(b, info->title);
		scout_buf_puts(b, "</p>\n");
	}
	scout_buf_printf(b, "<p class=\"muted\">%zu finding%s in %zu module%s</p>\n", r->nlocs,
	                 r->nlocs == 1 ? "" : "s", r->nmodules, r->nmodules == 1 ? "" : "s");
	write_para(b, "Why mypyc cares:", info ? info->why : NULL);
	write_para(b, "Fix:", info ? info->fix : NULL);
	if (info && info->docs && scout_str_startswith(info->docs, "https://")) {
		scout_buf_puts(b, "<p><a href=\"");
		scout_escape_html(b, info->docs);
		scout_buf_puts(b, "\">mypyc documentation</a></p>\n");
	}
	scout_audit_html_locs(b, scan, r->locs, r->nlocs, info ? info->fix : NULL);
	scout_buf_puts(b, "</article>\n");
}

void scout_audit_html_findings(scout_buf *b, const scout_scan *scan, const scout_audit *a)
{
	size_t total = 0;

	for (size_t i = 0; i < a->nrules; i++)
		total += a->rules[i].nlocs;
	if (a->nrules == 0) {
		scout_buf_puts(b, "<p>No findings: nothing stands in mypyc's way.</p>\n");
		return;
	}
	scout_buf_printf(b,
	                 "<p>%zu finding%s under %zu rule%s in the shipped modules, by severity: "
	                 "blockers, then changed behaviour, non-native classes and slow code; "
	                 "most findings first within each.</p>\n",
	                 total, total == 1 ? "" : "s", a->nrules, a->nrules == 1 ? "" : "s");
	for (size_t i = 0; i < a->nrules; i++)
		write_rule(b, scan, &a->rules[i]);
}
