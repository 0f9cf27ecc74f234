/* `mypyc-scout rules [ID]`: the rule documentation in text, JSON and (the
 * list, for README.md) Markdown, generated from the rule tables in rules/. */
#include "rules_doc.h"

#include <stdlib.h>
#include <string.h>

#include "cjson_util.h"
#include "escape.h"
#include "registry.h"
#include "select.h"

/* The rule as a JSON object: id, category and title, and with `full` its
 * documentation too. The strings are the rule tables' own (borrowed, static);
 * a field the table leaves NULL is left out. */
static cJSON *rule_json(const scout_rule *r, bool full)
{
	const char *const fields[][2] = {
	    {"id", r->id},
	    {"category", scout_category_name(r->category)},
	    {"title", r->title},
	    {"why", r->why},
	    {"bad", r->bad},
	    {"good", r->good},
	    {"fix", r->fix},
	    {"docs", r->docs},
	    {"mypy_codes", r->mypy_codes},
	};
	size_t n = full ? sizeof(fields) / sizeof(fields[0]) : 3;
	cJSON *o = cJSON_CreateObject();
	bool ok = o != NULL;

	for (size_t i = 0; ok && i < n; i++)
		if (fields[i][1])
			ok = scout_cjson_put(o, fields[i][0],
			                     cJSON_CreateStringReference(fields[i][1]));
	if (ok && r->advisory)
		ok = scout_cjson_put(o, "advisory", cJSON_CreateTrue());
	return scout_cjson_finish(o, ok);
}

static cJSON *list_json(const scout_rule **rules, size_t n)
{
	cJSON *list = cJSON_CreateArray();
	bool ok = list != NULL;

	for (size_t i = 0; ok && i < n; i++)
		ok = scout_cjson_put(list, NULL, rule_json(rules[i], false));
	return scout_cjson_finish(list, ok);
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
	if (r->mypy_codes)
		fprintf(
		    out,
		    "A mypy error (codes: %s):\n  what hides it from mypy hides the finding too, "
		    "since mypyc then compiles on: a `# type: ignore` (bare, or naming its code) "
		    "on the line mypy reports, `# mypy: ignore-errors` or `# mypy: "
		    "disable-error-code=...` in the module, the mypy config's ignore_errors or "
		    "disable_error_code for the module\n\n",
		    r->mypy_codes);
	fputs("Example that fires:\n", out);
	write_indented(out, r->bad);
	fputs("\nFixed:\n", out);
	write_indented(out, r->good);
	fprintf(out, "\nFix:\n  %s\n\nDocs: %s\n", r->fix, r->docs);
}

/* The rules of category `cat` (all with `any`) into a new array (owned by
 * caller, free with free()). */
static const scout_rule **rules_of(size_t *count, bool any, scout_category cat)
{
	size_t n;
	const scout_rule *const *rules = scout_rules_all(&n);
	const scout_rule **out = scout_calloc(n + 1, sizeof(*out));

	*count = 0;
	for (size_t i = 0; i < n; i++)
		if (any || rules[i]->category == cat)
			out[(*count)++] = rules[i];
	return out;
}

static void write_list_text(FILE *out, const scout_rule *const *rules, size_t n)
{
	bool advisory = false;

	for (size_t i = 0; i < n; i++) {
		fprintf(out, "%-36s %-10s %s%s\n", rules[i]->id,
		        scout_category_name(rules[i]->category),
		        rules[i]->advisory ? "(advisory) " : "", rules[i]->title);
		advisory |= rules[i]->advisory;
	}
	if (advisory)
		fputs("\n(advisory): needs a type checker to decide; listed once per scan, never "
		      "reported per line.\n",
		      out);
}

/* Writes one rule's documentation. */
static int write_one(FILE *out, const char *id, bool json)
{
	const scout_rule *r = scout_rules_find(id);

	if (!r) {
		const char *near = scout_rules_suggest(id, strlen(id));

		if (near)
			scout_error_set("unknown rule '%s' (did you mean '%s'?)", id, near);
		else
			scout_error_set("unknown rule or category '%s' (see 'mypyc-scout rules')",
			                id);
		return SCOUT_ENOTFOUND;
	}
	if (json)
		return scout_cjson_write(out, rule_json(r, true), "the rule's documentation");
	write_rule_text(out, r);
	return 0;
}

int scout_rules_doc_write(FILE *out, const char *id, bool json)
{
	scout_category cat = SCOUT_BLOCKER;
	bool any = !id || !scout_category_parse(id, strlen(id), &cat);
	const scout_rule **rules;
	size_t n;
	int error = 0;

	if (id && any)
		return write_one(out, id, json);
	rules = rules_of(&n, any, cat);
	if (json)
		error = scout_cjson_write(out, list_json(rules, n), "the list of rules");
	else
		write_list_text(out, rules, n);
	free(rules);
	return error;
}

void scout_rules_doc_markdown(FILE *out)
{
	size_t n;
	const scout_rule *const *rules = scout_rules_all(&n);

	fputs("| rule | category | what it catches |\n| --- | --- | --- |\n", out);
	for (size_t i = 0; i < n; i++) {
		scout_buf title = {0};

		/* our own Markdown (backticks are code), made fit for a cell */
		scout_escape_markdown_pipes(&title, rules[i]->title);
		fprintf(out, "| `%s` | %s%s | %s |\n", rules[i]->id,
		        scout_category_name(rules[i]->category),
		        rules[i]->advisory ? " (advisory)" : "", title.data);
		scout_buf_free(&title);
	}
}
