/* Glob and gitignore matching over relative paths (scout/pathglob.h), as
 * Python's glob and hatch's pathspec patterns match. */
#include "check.h"
#include "scout/pathglob.h"

static void check_glob(void)
{
	CHECK(scout_glob_path("app", "app/core.py", true));
	CHECK(!scout_glob_path("app", "app/core.py", false));
	CHECK(scout_glob_path("app/*.py", "app/core.py", false));
	CHECK(!scout_glob_path("app/*.py", "app/sub/core.py", false));
	CHECK(scout_glob_path("app/**/*.py", "app/sub/deep/core.py", false));
	CHECK(scout_glob_path("app/**/*.py", "app/core.py", false));
	CHECK(scout_glob_path("./app/", "app/x.py", true)); /* "." and empty segments skipped */
	CHECK(!scout_glob_path("other", "app/core.py", true));
}

static void check_gitignore(void)
{
	/* unanchored: any depth; anchored: from the root */
	CHECK(scout_gitignore_match("*_pb2.py", "src/app/api_pb2.py"));
	CHECK(scout_gitignore_match("vendored", "src/app/vendored/lib.py"));
	CHECK(scout_gitignore_match("/src/app/vendored", "src/app/vendored/lib.py"));
	CHECK(!scout_gitignore_match("/vendored", "src/app/vendored/lib.py"));
	CHECK(scout_gitignore_match("src/blackd", "src/blackd/__init__.py"));
	CHECK(!scout_gitignore_match("app/core.py", "src/app/core.py"));
	/* a trailing slash matches directories only */
	CHECK(scout_gitignore_match("tests/", "tests/test_a.py"));
	CHECK(!scout_gitignore_match("core.py/", "app/core.py"));
	CHECK(scout_gitignore_match("**/gen/*.py", "a/b/gen/x.py"));
	CHECK(!scout_gitignore_match("", "a.py"));
	CHECK(!scout_gitignore_match("# comment", "a.py"));
	{
		const char *const list[] = {"src/app", "!src/app/keep.py"};

		CHECK(scout_gitignore_any(list, 2, "src/app/core.py"));
		CHECK(!scout_gitignore_any(list, 2, "src/app/keep.py"));
	}
}

int main(void)
{
	check_glob();
	check_gitignore();
	return check_report("test_pathglob");
}
