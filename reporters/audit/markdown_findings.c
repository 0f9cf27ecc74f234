/* The Markdown audit's long lists: findings by rule (section 3), annotation
 * work (section 4) and compatibility risks (section 6). These are what the
 * renderer cuts first when the document would pass GitHub's size limit. */
#include "markdown.h"

#include <string.h>

#include "scout/ruleinfo.h"

static size_t min_size(size_t a, size_t b)
{
	return a < b ? a : b;
}

/* A docs URL from the rule table as an autolink, when it is one. */
static void write_docs(scout_buf *b, const char *url)
{
	if (!url || !scout_str_startswith(url, "https://") || strpbrk(url, " <>`\n\r\t"))
		return;
	scout_buf_printf(b, "**Docs:** <%s>\n\n", url);
}

static void write_rule(scout_md_ctx *c, const scout_audit_rule *r)
{
	const scout_rule_info *info = scout_rule_info_find(r->rule);

	scout_buf_puts(c->b, "### ");
	scout_escape_markdown_code(c->b, r->rule ? r->rule : "?", false);
	if (info && info->title) {
		scout_buf_puts(c->b, " \xE2\x80\x94 ");
		scout_escape_markdown_text(c->b, info->title);
	}
	scout_buf_printf(c->b, "\n\nCategory **%s**; %zu finding%s in %zu module%s.\n\n",
	                 scout_category_name(r->category), r->nlocs, r->nlocs == 1 ? "" : "s",
	                 r->nmodules, r->nmodules == 1 ? "" : "s");
	if (info && info->why && info->why[0]) {
		scout_buf_puts(c->b, "**Why mypyc cares:** ");
		scout_escape_markdown_text(c->b, info->why);
		scout_buf_puts(c->b, "\n\n");
	}
	if (info && info->fix && info->fix[0]) {
		scout_buf_puts(c->b, "**Fix:** ");
		scout_escape_markdown_text(c->b, info->fix);
		scout_buf_puts(c->b, "\n\n");
	}
	if (info)
		write_docs(c->b, info->docs);
	scout_md_locs(c, r->locs, r->nlocs, "location");
}

void scout_md_findings(scout_md_ctx *c)
{
	const scout_audit *a = c->a;
	size_t shown = min_size(a->nrules, c->lim.rules), total = 0;

	for (size_t i = 0; i < a->nrules; i++)
		total += a->rules[i].nlocs;
	scout_buf_puts(c->b, "## 3. Findings by rule\n\n");
	if (a->nrules == 0) {
		scout_buf_puts(c->b, "No findings.\n\n");
		return;
	}
	scout_buf_printf(c->b,
	                 "%zu finding%s of %zu rule%s in the shipped modules, by severity: "
	                 "blockers, then changed behaviour, non-native classes and slow code; "
	                 "most frequent first within each.\n\n",
	                 total, total == 1 ? "" : "s", a->nrules, a->nrules == 1 ? "" : "s");
	for (size_t i = 0; i < shown; i++)
		write_rule(c, &a->rules[i]);
	if (shown < a->nrules) {
		scout_md_more(c->b, a->nrules - shown, false);
		scout_buf_putc(c->b, '\n');
	}
}

/* ---- 4. annotation work ----------------------------------------------------- */

void scout_md_annotations(scout_md_ctx *c)
{
	const scout_audit *a = c->a;
	size_t shown = min_size(a->nannots, c->lim.rows);

	scout_buf_puts(c->b, "## 4. Annotation work\n\n");
	if (a->nannots == 0) {
		scout_buf_puts(c->b, "No module is missing annotations.\n\n");
		return;
	}
	scout_buf_printf(c->b,
	                 "Effort: **%llu slot%s to annotate** in %zu module%s, hottest first.\n\n"
	                 "| module | hotness | untyped defs | partial defs | missing slots |\n"
	                 "| --- | ---: | ---: | ---: | ---: |\n",
	                 (unsigned long long)a->missing_slots, a->missing_slots == 1 ? "" : "s",
	                 a->nannots, a->nannots == 1 ? "" : "s");
	for (size_t i = 0; i < shown; i++) {
		const scout_audit_annot *n = &a->annots[i];
		double hot =
		    n->module < c->scan->nmodules ? c->scan->modules[n->module].hotness : 0;

		scout_buf_puts(c->b, "| ");
		scout_escape_markdown_code(c->b, scout_md_path(c, n->module), true);
		scout_buf_puts(c->b, " | ");
		scout_md_percent(c->b, hot);
		scout_buf_printf(c->b, " | %u | %u | %u |\n", (unsigned)n->untyped_defs,
		                 (unsigned)n->partial_defs, (unsigned)n->missing_slots);
	}
	if (shown < a->nannots)
		scout_md_more(c->b, a->nannots - shown, false);
	scout_buf_putc(c->b, '\n');
}

/* ---- 6. compatibility risks ------------------------------------------------- */

static void write_risk_table(scout_md_ctx *c)
{
	scout_buf_puts(c->b, "| risk | breaking | locations |\n| --- | --- | ---: |\n");
	for (size_t i = 0; i < c->a->nrisks; i++) {
		const scout_audit_risk *r = &c->a->risks[i];

		scout_buf_puts(c->b, "| ");
		scout_escape_markdown_cell(c->b, r->title ? r->title : r->id);
		scout_buf_printf(c->b, " | %s | %zu |\n", r->breaking ? "yes" : "no", r->nlocs);
	}
	scout_buf_putc(c->b, '\n');
}

static void write_risk(scout_md_ctx *c, const scout_audit_risk *r)
{
	scout_buf_puts(c->b, "### ");
	scout_escape_markdown_text(c->b, r->title ? r->title : r->id);
	scout_buf_puts(c->b, r->breaking ? " (breaking)\n\n" : "\n\n");
	if (r->why && r->why[0]) {
		scout_escape_markdown_text(c->b, r->why);
		scout_buf_puts(c->b, "\n\n");
	}
	scout_md_locs(c, r->locs, r->nlocs, "location");
}

void scout_md_risks(scout_md_ctx *c)
{
	scout_buf_puts(c->b, "## 6. Compatibility risks\n\n");
	if (c->a->nrisks > 0) {
		scout_buf_puts(c->b, "What users of the package could notice once its modules are "
		                     "compiled.\n\n");
		write_risk_table(c);
	}
	for (size_t i = 0; i < c->a->nrisks; i++)
		if (c->a->risks[i].nlocs > 0)
			write_risk(c, &c->a->risks[i]);
	if (c->a->major_version)
		scout_buf_puts(c->b,
		               "**Major version: yes.** A breaking risk above has locations: "
		               "code that subclasses, patches or introspects these may stop "
		               "working, so ship the compiled build as a new major version.\n\n");
	else
		scout_buf_puts(c->b, "**Major version: no.** No breaking risk was found; the "
		                     "compiled wheels can ship in a minor release.\n\n");
}
