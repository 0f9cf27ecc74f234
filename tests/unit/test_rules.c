/* Per-rule fixtures: fixtures/rules/<rule-id>/ holds bad.py (lines that must
 * fire), good.py (look-alikes that must not) and expected.json, the findings
 * of that rule in bad.py as [{"line": L, "column": C}, ...]. Every rule with a
 * syntax check must have such a directory. */
#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdlib.h>

#include "check.h"
#include "registry.h"
#include "scout/analyze.h"

#define RULES_DIR "fixtures/rules"

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *data;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	data = malloc((size_t)n + 1);
	if (fread(data, 1, (size_t)n, f) != (size_t)n)
		n = 0;
	data[n] = '\0';
	fclose(f);
	return data;
}

/* Findings of `rule` in `path`, as "L:C" lines in order. */
static char *findings_of(scout_analyzer *a, const char *path, const char *rule, int *count)
{
	scout_file_result r = {0};
	scout_buf out = {0};

	*count = 0;
	scout_analyze_file(a, &r, path, path, "fixture");
	scout_module_finish(&r.module, 0.8);
	for (size_t i = 0; i < r.module.nfindings; i++) {
		const scout_finding *f = &r.module.findings[i];

		if (strcmp(f->rule, rule) != 0)
			continue;
		scout_buf_printf(&out, "%u:%u\n", f->line, f->column);
		(*count)++;
	}
	scout_file_result_clear(&r);
	return scout_buf_detach(&out);
}

static char *expected_of(const char *path)
{
	char *text = slurp(path);
	cJSON *root = text ? cJSON_Parse(text) : NULL, *item;
	scout_buf out = {0};

	free(text);
	if (!cJSON_IsArray(root)) {
		cJSON_Delete(root);
		return NULL;
	}
	cJSON_ArrayForEach(item, root)
	{
		cJSON *line = cJSON_GetObjectItem(item, "line");
		cJSON *column = cJSON_GetObjectItem(item, "column");

		scout_buf_printf(&out, "%d:%d\n", line ? line->valueint : -1,
		                 column ? column->valueint : -1);
	}
	cJSON_Delete(root);
	return scout_buf_detach(&out);
}

static void check_rule_dir(scout_analyzer *a, const char *id)
{
	char bad[512], good[512], expected_path[512], version_path[512];
	scout_rule_config config = {0};
	scout_analyzer *versioned = NULL;
	char *version;
	char *expected, *got, *got_good;
	int nbad, ngood;

	snprintf(bad, sizeof(bad), RULES_DIR "/%s/bad.py", id);
	snprintf(good, sizeof(good), RULES_DIR "/%s/good.py", id);
	snprintf(expected_path, sizeof(expected_path), RULES_DIR "/%s/expected.json", id);
	if (!scout_rules_find(id)) {
		fprintf(stderr, "%s: fixture directory for an unknown rule\n", id);
		CHECK(!"fixture names a known rule");
		return;
	}
	expected = expected_of(expected_path);
	/* Rules lifted in a mypyc version (until != 0) cannot fire for the
	 * current one: their directory names the version in `mypyc-version`. */
	snprintf(version_path, sizeof(version_path), RULES_DIR "/%s/mypyc-version", id);
	if ((version = slurp(version_path)) != NULL) {
		unsigned major = 0, minor = 0, patch = 0;

		sscanf(version, "%u.%u.%u", &major, &minor, &patch);
		config.mypyc_version = SCOUT_V(major, minor, patch);
		free(version);
		a = versioned = scout_analyzer_new(&config);
	}
	got = findings_of(a, bad, id, &nbad);
	got_good = findings_of(a, good, id, &ngood);
	scout_analyzer_free(versioned);
	if (!expected || strcmp(expected, got) != 0)
		fprintf(stderr, "%s: bad.py findings\n%sexpected\n%s", id, got,
		        expected ? expected : "(unreadable expected.json)\n");
	CHECK(expected != NULL);
	CHECK(nbad > 0);
	CHECK(expected && strcmp(expected, got) == 0);
	if (ngood)
		fprintf(stderr, "%s: good.py must not fire, got\n%s", id, got_good);
	CHECK_INT(ngood, 0);
	free(expected);
	free(got);
	free(got_good);
}

static bool has_fixture(const char *id)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), RULES_DIR "/%s/expected.json", id);
	f = fopen(path, "r");
	if (f)
		fclose(f);
	return f != NULL;
}

int main(void)
{
	scout_analyzer *a = scout_analyzer_new(NULL);
	DIR *d = opendir(RULES_DIR);
	struct dirent *ent;
	size_t n;
	const scout_rule *const *rules = scout_rules_all(&n);

	while (d && (ent = readdir(d)))
		if (ent->d_name[0] != '.')
			check_rule_dir(a, ent->d_name);
	if (d)
		closedir(d);
	for (size_t i = 0; i < n; i++) {
		if (!rules[i]->enter)
			continue;
		if (!has_fixture(rules[i]->id))
			fprintf(stderr, "%s: no fixtures/rules/%s/\n", rules[i]->id, rules[i]->id);
		CHECK(has_fixture(rules[i]->id));
	}
	scout_analyzer_free(a);
	return check_report("test_rules");
}
