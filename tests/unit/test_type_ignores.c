/* mypy's ways of hiding its errors: `# type: ignore` comments read as
 * CPython's tokenizer and mypy read them, and the per-module options of a
 * mypy configuration resolved as mypy's Options.clone_for_module does. */
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "scout/mypy_config.h"
#include "scout/type_ignore.h"

/* 1 bare, 2 with codes (compared with `codes`), 0 none. */
static int parse(const char *text, const char *codes)
{
	char *got = NULL;
	int r = scout_type_ignore_parse(text, strlen(text), &got);

	if (r && got) {
		CHECK_STR(got, codes);
		r = 2;
	}
	free(got);
	return r;
}

static void check_comments(void)
{
	CHECK_INT(parse("# type: ignore", NULL), 1);
	CHECK_INT(parse("#type:ignore", NULL), 1);
	CHECK_INT(parse("#  type:\tignore  ", NULL), 1);
	CHECK_INT(parse("# type: ignore # noqa", NULL), 1);
	CHECK_INT(parse("# type: ignore[misc]", "misc"), 2);
	CHECK_INT(parse("# type: ignore[misc, no-redef]", "misc, no-redef"), 2);
	CHECK_INT(parse("# type: ignore [assignment]  # why", "assignment"), 2);
	CHECK_INT(parse("# type: ignore[]", ""), 2);
	/* not an ignore for CPython's tokenizer */
	CHECK_INT(parse("# type: ignored", NULL), 0);
	CHECK_INT(parse("# type: ignore2", NULL), 0);
	CHECK_INT(parse("# type : ignore", NULL), 0);
	CHECK_INT(parse("# noqa # type: ignore", NULL), 0);
	CHECK_INT(parse("# type: int", NULL), 0);
	/* an ignore whose tag mypy rejects: it hides nothing */
	CHECK_INT(parse("# type: ignore because", NULL), 0);
	CHECK_INT(parse("# type: ignore[misc", NULL), 0);
	CHECK_INT(parse("# type: ignore[misc] trailing", NULL), 0);
	CHECK_INT(parse("# type: ignore_this", NULL), 0);
}

/* ignore_errors of `module` under the config in `text` (written to `file`
 * in a scratch directory), and its disabled codes into `codes`. */
static bool module_ignored(const char *file, const char *text, const char *module, char *codes,
                           size_t cap)
{
	char dir[] = "/tmp/scout-type-ignores-XXXXXX", path[128];
	scout_mypy_config cfg;
	scout_buf disabled = {0};
	FILE *f;
	bool ignored;

	if (!mkdtemp(dir))
		return false;
	snprintf(path, sizeof(path), "%s/%s", dir, file);
	f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
	scout_mypy_config_read(&cfg, dir);
	ignored = scout_mypy_config_module(&cfg, module, &disabled);
	snprintf(codes, cap, "%s", disabled.data ? disabled.data : "");
	scout_buf_free(&disabled);
	scout_mypy_config_free(&cfg);
	unlink(path);
	rmdir(dir);
	return ignored;
}

static void check_ini(void)
{
	const char *ini = "[mypy]\n"
	                  "disable_error_code = misc\n"
	                  "[mypy-pkg.*]\n"
	                  "ignore_errors = True\n"
	                  "[mypy-pkg.core.*]\n"
	                  "ignore_errors = false\n"
	                  "disable_error_code = no-redef, assignment\n"
	                  "[mypy-pkg.core.keep]\n"
	                  "ignore_errors = yes\n"
	                  "[mypy-*.vendored.*,other]\n"
	                  "ignore_errors = on\n"
	                  "[mypy-bad*]\n"
	                  "ignore_errors = True\n";
	char codes[128];

	CHECK(!module_ignored("mypy.ini", ini, "top", codes, sizeof(codes)));
	CHECK_STR(codes, "misc");
	CHECK(module_ignored("mypy.ini", ini, "pkg", codes, sizeof(codes)));
	CHECK(module_ignored("mypy.ini", ini, "pkg.util", codes, sizeof(codes)));
	CHECK(!module_ignored("mypy.ini", ini, "pkgx", codes, sizeof(codes)));
	/* the more specific pkg.core.* wins over pkg.*, the codes add up */
	CHECK(!module_ignored("mypy.ini", ini, "pkg.core.io", codes, sizeof(codes)));
	CHECK_STR(codes, "misc,no-redef, assignment");
	/* a module's own section comes last */
	CHECK(module_ignored("mypy.ini", ini, "pkg.core.keep", codes, sizeof(codes)));
	/* unstructured patterns: "*" first matches anything, ".*" any components */
	CHECK(module_ignored("mypy.ini", ini, "a.b.vendored", codes, sizeof(codes)));
	CHECK(module_ignored("mypy.ini", ini, "x.vendored.y.z", codes, sizeof(codes)));
	CHECK(module_ignored("mypy.ini", ini, "other", codes, sizeof(codes)));
	CHECK(!module_ignored("mypy.ini", ini, "other.sub", codes, sizeof(codes)));
	/* a pattern mypy rejects counts for nothing */
	CHECK(!module_ignored("mypy.ini", ini, "badly", codes, sizeof(codes)));
	/* setup.cfg counts only with a [mypy] section */
	CHECK(!module_ignored("setup.cfg", "[mypy-m]\nignore_errors = True\n", "m", codes,
	                      sizeof(codes)));
	CHECK(module_ignored("setup.cfg", "[mypy]\n[mypy-m]\nignore_errors = True\n", "m", codes,
	                     sizeof(codes)));
}

static void check_pyproject(void)
{
	const char *toml = "[tool.mypy]\n"
	                   "disable_error_code = [\"misc\", \"no-redef\"]\n"
	                   "\n"
	                   "[[tool.mypy.overrides]]\n"
	                   "module = [\"legacy\", \"old.*\"]\n"
	                   "ignore_errors = true\n"
	                   "\n"
	                   "[[tool.mypy.overrides]]\n"
	                   "module = \"old.kept\"\n"
	                   "ignore_errors = false\n"
	                   "disable_error_code = \"assignment\"\n";
	char codes[128];

	CHECK(!module_ignored("pyproject.toml", toml, "app", codes, sizeof(codes)));
	CHECK_STR(codes, "misc,no-redef");
	CHECK(module_ignored("pyproject.toml", toml, "legacy", codes, sizeof(codes)));
	CHECK(module_ignored("pyproject.toml", toml, "old.x", codes, sizeof(codes)));
	CHECK(!module_ignored("pyproject.toml", toml, "old.kept", codes, sizeof(codes)));
	CHECK_STR(codes, "misc,no-redef,assignment");
}

/* check_untyped_defs (set, or by strict) leaves mypy no annotation-unchecked
 * note to give: the code counts as disabled where it applies. */
static void check_untyped_defs(void)
{
	const char *ini = "[mypy]\n"
	                  "strict = True\n"
	                  "[mypy-legacy.*]\n"
	                  "check_untyped_defs = False\n";
	const char *toml = "[tool.mypy]\n"
	                   "\n"
	                   "[[tool.mypy.overrides]]\n"
	                   "module = \"checked\"\n"
	                   "check_untyped_defs = true\n";
	char codes[128];

	module_ignored("mypy.ini", ini, "app", codes, sizeof(codes));
	CHECK_STR(codes, "annotation-unchecked");
	module_ignored("mypy.ini", ini, "legacy.io", codes, sizeof(codes));
	CHECK_STR(codes, "");
	/* [mypy]'s own check_untyped_defs wins over strict, in either order */
	module_ignored("mypy.ini", "[mypy]\ncheck_untyped_defs = False\nstrict = True\n", "app",
	               codes, sizeof(codes));
	CHECK_STR(codes, "");
	module_ignored("pyproject.toml", toml, "checked", codes, sizeof(codes));
	CHECK_STR(codes, "annotation-unchecked");
	module_ignored("pyproject.toml", toml, "other", codes, sizeof(codes));
	CHECK_STR(codes, "");
}

int main(void)
{
	check_comments();
	check_ini();
	check_pyproject();
	check_untyped_defs();
	return check_report("test_type_ignores");
}
