/* Internal to the Markdown audit (reporters/audit/markdown*.c): the render
 * context with its list limits, and the escaping helpers every section uses.
 * Not part of any public interface. */
#ifndef SCOUT_AUDIT_MARKDOWN_H
#define SCOUT_AUDIT_MARKDOWN_H

#include "escape.h"
#include "report.h"

#define SCOUT_MD_ALL ((size_t)-1) /* a limit that cuts nothing */

/* How much of each long list a render shows; shrunk until the document fits. */
typedef struct scout_md_limits {
	size_t locs;  /* locations per rule or risk */
	size_t rows;  /* rows of the annotation and chart tables */
	size_t rules; /* rules in the findings section */
	size_t plan;  /* plan tables, snippets and checklist evidence */
} scout_md_limits;

typedef struct scout_md_ctx {
	scout_buf *b; /* where the section is written */
	const scout_scan *scan;
	const scout_audit *a;
	scout_md_limits lim;
} scout_md_ctx;

/* ---- shared pieces (markdown.c) ---- */

/* The module's path, or "?" for an index out of range. Borrowed. */
const char *scout_md_path(const scout_md_ctx *c, size_t module);
/* `path:line` as a code span (`cell`: for a table cell). */
void scout_md_where(scout_md_ctx *c, size_t module, uint32_t line, bool cell);
/* Locations as a list, inside <details> when there are many, cut at
 * c->lim.locs with a truncation line. */
void scout_md_locs(scout_md_ctx *c, const scout_audit_loc *locs, size_t n, const char *noun);
/* The truncation line, a paragraph of its own (`item`: a list item). */
void scout_md_more(scout_buf *b, size_t n, bool item);
/* 100 * share with one decimal and a % sign. */
void scout_md_percent(scout_buf *b, double share);
/* A bar of n full blocks (n at most 40). */
void scout_md_bar(scout_buf *b, size_t n);

/* ---- sections ---- */
void scout_md_summary(scout_md_ctx *c);     /* 1, markdown.c */
void scout_md_plan(scout_md_ctx *c);        /* 2, markdown_plan.c */
void scout_md_findings(scout_md_ctx *c);    /* 3, markdown_findings.c */
void scout_md_annotations(scout_md_ctx *c); /* 4, markdown_findings.c */
void scout_md_checklist(scout_md_ctx *c);   /* 5, markdown_plan.c */
void scout_md_risks(scout_md_ctx *c);       /* 6, markdown_findings.c */
void scout_md_charts(scout_md_ctx *c);      /* 7, markdown_charts.c */

#endif
