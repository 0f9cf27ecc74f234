/* Annotation coverage over fixtures/annotations/: each NAME.py has its counts
 * written by hand in NAME.expected (a line of key=value pairs; '#' lines are
 * comments explaining the arithmetic). */
#include <dirent.h>
#include <stdlib.h>

#include "check.h"
#include "scout/analyze.h"
#include "analyzer/analyse/annotations.h"

#define DIR_PATH "fixtures/annotations"

static int read_expected(const char *path, scout_annotations *e)
{
	FILE *f = fopen(path, "r");
	char line[512];
	int found = 0;

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f)) {
		unsigned defs, typed, fully, slots, annotated, any, ignores;

		if (line[0] == '#')
			continue;
		if (sscanf(line,
		           "defs=%u typed_defs=%u fully_typed_defs=%u slots=%u "
		           "annotated_slots=%u any=%u type_ignores=%u",
		           &defs, &typed, &fully, &slots, &annotated, &any, &ignores) == 7) {
			*e =
			    (scout_annotations){defs, typed, fully, slots, annotated, any, ignores};
			found = 1;
		}
	}
	fclose(f);
	return found;
}

static void check_fixture(scout_analyzer *a, const char *name)
{
	char py[512], expected_path[512];
	scout_annotations e = {0};
	scout_file_result r = {0};

	snprintf(py, sizeof(py), "%s/%s.py", DIR_PATH, name);
	snprintf(expected_path, sizeof(expected_path), "%s/%s.expected", DIR_PATH, name);
	CHECK(read_expected(expected_path, &e));
	scout_analyze_file(a, &r, py, py, name);
	CHECK(r.has_module);
	CHECK_INT(r.ndiags, 0);
	fprintf(stderr,
	        "%s: defs=%u typed_defs=%u fully_typed_defs=%u slots=%u "
	        "annotated_slots=%u any=%u type_ignores=%u\n",
	        name, r.module.ann.defs, r.module.ann.typed_defs, r.module.ann.fully_typed_defs,
	        r.module.ann.slots, r.module.ann.annotated_slots, r.module.ann.any,
	        r.module.ann.type_ignores);
	CHECK_INT(r.module.ann.defs, e.defs);
	CHECK_INT(r.module.ann.typed_defs, e.typed_defs);
	CHECK_INT(r.module.ann.fully_typed_defs, e.fully_typed_defs);
	CHECK_INT(r.module.ann.slots, e.slots);
	CHECK_INT(r.module.ann.annotated_slots, e.annotated_slots);
	CHECK_INT(r.module.ann.any, e.any);
	CHECK_INT(r.module.ann.type_ignores, e.type_ignores);
	scout_file_result_clear(&r);
}

static void check_all_fixtures(void)
{
	scout_analyzer *a = scout_analyzer_new(NULL);
	DIR *d = opendir(DIR_PATH);
	struct dirent *ent;
	int n = 0;

	CHECK(a != NULL);
	CHECK(d != NULL);
	while (d && (ent = readdir(d))) {
		size_t len = strlen(ent->d_name);
		char name[256];

		if (len < 4 || strcmp(ent->d_name + len - 3, ".py") != 0 || len - 3 >= sizeof(name))
			continue;
		memcpy(name, ent->d_name, len - 3);
		name[len - 3] = '\0';
		check_fixture(a, name);
		n++;
	}
	if (d)
		closedir(d);
	CHECK(n >= 6);
	scout_analyzer_free(a);
}

static void check_comment_forms(void)
{
	CHECK(scout_comment_is_type_ignore("# type: ignore", 14));
	CHECK(scout_comment_is_type_ignore("#type:ignore[misc]", 18));
	CHECK(!scout_comment_is_type_ignore("# type: ignored", 15));
	CHECK(!scout_comment_is_type_ignore("# noqa # type: ignore", 21));
	CHECK(scout_comment_is_function_type("# type: (int) -> str", 20));
	CHECK(!scout_comment_is_function_type("# type: int", 11));
	CHECK(!scout_comment_is_function_type("# type: (int, str)", 18));
}

static void check_coverage_rounding(void)
{
	scout_annotations a = {.slots = 30, .annotated_slots = 26};
	scout_annotations none = {0};

	CHECK(scout_annotations_coverage(&a) == 0.8667);
	CHECK(scout_annotations_coverage(&none) == 1.0);
}

int main(void)
{
	check_all_fixtures();
	check_comment_forms();
	check_coverage_rounding();
	return check_report("test_annotations");
}
