/* The audit's charts (section 7) as inline SVG drawn by our own code: no
 * script, no external asset, no font download. Colours and fonts come from
 * the page's stylesheet (classes v0-v3 for verdicts, c0-c3 for categories),
 * numbers are printed with fixed precision so the output is byte-identical
 * across runs, and each chart carries role="img" with a <title> and <desc>. */
#ifndef SCOUT_AUDIT_SVG_H
#define SCOUT_AUDIT_SVG_H

#include "scout/audit.h"

/* Shipped modules by hotness (x, square-root scale) against readiness score
 * (y, 0-100), one dot per module coloured by verdict, with its path as the
 * dot's <title>; the SCOUT_AUDIT_SVG_LABELS hottest carry a visible number
 * (1 hottest), so a printed copy names them through the key. */
#define SCOUT_AUDIT_SVG_LABELS 10
void scout_audit_svg_scatter(scout_buf *b, const scout_scan *scan);
/* The scatter's key, printed under it: an ordered list of the numbered
 * modules with their hotness and score. Nothing when no module ships. */
void scout_audit_svg_scatter_key(scout_buf *b, const scout_scan *scan);
/* Annotation coverage histogram from a->coverage_bins. */
void scout_audit_svg_coverage(scout_buf *b, const scout_audit *a);
/* Findings by rule: a horizontal bar per rule for the first
 * SCOUT_AUDIT_SVG_RULES of a->rules (most findings first), linked to the
 * rule's entry in section 3 (#rule-<id>). Writes a paragraph instead of an
 * empty chart when there are no findings. */
#define SCOUT_AUDIT_SVG_RULES 15
void scout_audit_svg_rules(scout_buf *b, const scout_audit *a);

#endif
