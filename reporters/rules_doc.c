/* Rule documentation in text and JSON, generated from the rule tables. */
#include "rules_doc.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

static cJSON *rule_json(const scout_rule *r, bool full)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "id", r->id);
	cJSON_AddStringToObject(o, "category", scout_category_name(r->category));
	cJSON_AddStringToObject(o, "title", r->title);
	if (full) {
		cJSON_AddStringToObject(o, "why", r->why);
		cJSON_AddStringToObject(o, "bad", r->bad);
		cJSON_AddStringToObject(o, "good", r->good);
		cJSON_AddStringToObject(o, "fix", r->fix);
		cJSON_AddStringToObject(o, "docs", r->docs);
	}
	return o;
}

static int write_json(FILE *out, cJSON *root)
{
	char *text = cJSON_Print(root);

	fputs(text, out);
	fputc('\n', out);
	free(text);
	cJSON_Delete(root);
	return 0;
}

static void write_indented(FILE *out, const char *code)
{
	const char *line = code;

	while (*line) {
		const char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line) : strlen(line);

		fprintf(out, "    %.*s\n", (int)n, line);
		line += n + (nl != NULL);
	}
}

static void write_rule_text(FILE *out, const scout_rule *r)
{
	fprintf(out, "%s (%s)\n  %s\n\n", r->id, scout_category_name(r->category), r->title);
	fprintf(out, "Why mypyc cares:\n  %s\n\n", r->why);
	fputs("Example that fires:\n", out);
	write_indented(out, r->bad);
	fputs("\nFixed:\n", out);
	write_indented(out, r->good);
	fprintf(out, "\nFix:\n  %s\n\nDocs: %s\n", r->fix, r->docs);
}

int scout_rules_doc_write(FILE *out, const char *id, bool json)
{
	size_t n;
	const scout_rule *const *rules = scout_rules_all(&n);
	cJSON *list;

	if (id) {
		const scout_rule *r = scout_rules_find(id);

		if (!r) {
			scout_error_set("unknown rule '%s' (see 'mypyc-scout rules')", id);
			return SCOUT_ENOTFOUND;
		}
		if (json)
			return write_json(out, rule_json(r, true));
		write_rule_text(out, r);
		return 0;
	}
	if (json) {
		list = cJSON_CreateArray();
		for (size_t i = 0; i < n; i++)
			cJSON_AddItemToArray(list, rule_json(rules[i], false));
		return write_json(out, list);
	}
	for (size_t i = 0; i < n; i++)
		fprintf(out, "%-36s %-10s %s\n", rules[i]->id,
		        scout_category_name(rules[i]->category), rules[i]->title);
	return 0;
}

/* Markdown-safe cell text: pipes escaped, backticks kept. */
static void write_cell(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '|')
			fputs("\\|", out);
		else if (*s == '\n')
			fputc(' ', out);
		else
			fputc(*s, out);
	}
}

void scout_rules_doc_markdown(FILE *out)
{
	size_t n;
	const scout_rule *const *rules = scout_rules_all(&n);

	fputs("| rule | category | what it catches |\n| --- | --- | --- |\n", out);
	for (size_t i = 0; i < n; i++) {
		fprintf(out, "| `%s` | %s%s | ", rules[i]->id,
		        scout_category_name(rules[i]->category),
		        rules[i]->advisory ? " (advisory)" : "");
		write_cell(out, rules[i]->title);
		fputs(" |\n", out);
	}
}
