/* Inline suppression comments, collected during the walk and applied after. */
#include "suppress.h"

#include "scout/rule.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MARKER "mypyc-scout:"

static const char *find_marker(const char *text, size_t len)
{
	size_t m = strlen(MARKER);

	for (size_t i = 0; i + m <= len; i++)
		if (memcmp(text + i, MARKER, m) == 0)
			return text + i + m;
	return NULL;
}

void scout_suppress_collect(scout_walk *w, TSNode comment)
{
	uint32_t len, line, column;
	const char *text = scout_node_text(comment, w->src, &len), *end = text + len, *p;
	scout_suppression s = {0};

	if (!(p = find_marker(text, len)))
		return;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (end - p < 6 || memcmp(p, "ignore", 6) != 0)
		return;
	p += 6;
	if (p < end && *p == '[') {
		const char *close = memchr(p, ']', (size_t)(end - p));

		if (!close)
			return;
		s.ids = scout_strndup(p + 1, (size_t)(close - p - 1));
	} else if (p < end && (isalnum((unsigned char)*p) || *p == '-' || *p == '_')) {
		return; /* "ignored", "ignore-this": not our marker */
	}
	scout_walk_node_start(w, comment, &line, &column);
	s.line = line;
	s.column = column;
	scout_walk_node_end(w, comment, &line, &s.end_column);
	SCOUT_PUSH(w->suppressions, w->nsuppressions, w->suppressions_cap, s);
}

static bool suppressed(scout_walk *w, const scout_finding *f)
{
	for (size_t i = 0; i < w->nsuppressions; i++) {
		scout_suppression *s = &w->suppressions[i];

		if (s->line == f->line &&
		    (!s->ids || scout_str_list_has(s->ids, f->rule, strlen(f->rule)))) {
			s->used = true;
			return true;
		}
	}
	return false;
}

/* One id of suppression `s` that no rule has: a finding that says so. */
static void report_unknown(scout_walk *w, scout_suppression *s, const char *id, size_t len,
                           const char *near)
{
	const scout_rule *rule = &scout_rule_unused_suppression;
	scout_category cat;
	char message[400];

	if (scout_category_parse(id, len, &cat))
		snprintf(message, sizeof(message),
		         "`# mypyc-scout: ignore[...]` names the category '%.*s': ignore comments "
		         "take rule ids (per-path-ignores and --ignore take categories)",
		         (int)(len > 60 ? 60 : len), id);
	else
		snprintf(message, sizeof(message),
		         "`# mypyc-scout: ignore[...]` names an unknown rule '%.*s'%s%s%s",
		         (int)(len > 60 ? 60 : len), id, near ? " (did you mean '" : "",
		         near ? near : "", near ? "'?)" : "");
	scout_module_add_finding(w->module, rule->id, rule->category, s->line, s->column, s->line,
	                         s->end_column, message, rule->fix);
	s->unknown = true;
}

/* Every id a suppression names that is no rule's: reported whatever the
 * flags, since such a comment can never hide anything. */
static void check_ids(scout_walk *w)
{
	const char *near;

	for (size_t i = 0; w->visitor && w->visitor->knows && i < w->nsuppressions; i++) {
		scout_suppression *s = &w->suppressions[i];

		for (const char *p = s->ids; p && *p;) {
			size_t len = strcspn(p, ","), n = len;
			const char *id = p;

			while (n && (*id == ' ' || *id == '\t'))
				id++, n--;
			while (n && (id[n - 1] == ' ' || id[n - 1] == '\t'))
				n--;
			if (n && !w->visitor->knows(id, n, &near))
				report_unknown(w, s, id, n, near);
			p += len + (p[len] == ',');
		}
	}
}

/* With --report-unused-ignores: a finding for every suppression that hid
 * nothing (the rule may have been fixed, or never applied there). */
static void report_unused(scout_walk *w)
{
	const scout_rule *rule = &scout_rule_unused_suppression;
	char message[300];

	for (size_t i = 0; i < w->nsuppressions; i++) {
		const scout_suppression *s = &w->suppressions[i];

		if (s->used || s->unknown)
			continue;
		snprintf(message, sizeof(message),
		         "this `# mypyc-scout: ignore%s%.200s%s` hides nothing", s->ids ? "[" : "",
		         s->ids ? s->ids : "", s->ids ? "]" : "");
		scout_module_add_finding(w->module, rule->id, rule->category, s->line, s->column,
		                         s->line, s->end_column, message, rule->fix);
	}
}

void scout_suppress_apply(scout_walk *w)
{
	scout_module *m = w->module;
	size_t kept = 0;

	for (size_t i = 0; i < m->nfindings; i++) {
		if (w->nsuppressions && suppressed(w, &m->findings[i])) {
			scout_finding_clear(&m->findings[i]);
			continue;
		}
		m->findings[kept++] = m->findings[i];
	}
	m->nfindings = kept;
	check_ids(w);
	if (w->config && w->config->report_unused_ignores)
		report_unused(w);
	for (size_t i = 0; i < w->nsuppressions; i++)
		free(w->suppressions[i].ids);
	w->nsuppressions = 0;
}
