/* The static hotness estimate (scout/hotness.h, README "Hotness") on a
 * project written at test time: code that only runs at import (re-exports,
 * a constants table, an exception hierarchy, a module-level loop) scores 0;
 * a statement weighs 4 per loop around it in its def (up to 3 loops); calls
 * from other modules and from tests raise a module, `raise Error(...)` does
 * not; test modules score 0 and the rest sums to 1. */
#include <math.h>

#include "scout/cli.h"
#include "scout/scan.h"
#include "scout/settings.h"
#include "util.h"

#define ROW(k)     "    \"" #k "\": (\"" #k "\", " #k "0, " #k "1),\n"
#define ROWS(k)    ROW(k##a) ROW(k##b) ROW(k##c) ROW(k##d) ROW(k##e) ROW(k##f) ROW(k##g) ROW(k##h)
#define TABLE_ROWS ROWS(a) ROWS(b) ROWS(c) ROWS(d) ROWS(e) ROWS(f) ROWS(g) ROWS(h)

static const struct {
	const char *path, *text;
} files[] = {
    {"pyproject.toml", "[project]\nname = \"pkg\"\n"},
    {"pkg/__init__.py", "from pkg.engine import run\nfrom pkg.table import TABLE\n"
                        "__all__ = [\"run\", \"TABLE\"]\n"},
    /* a big constants table: many lines, nothing runs after import */
    {"pkg/table.py", "TABLE = {\n" TABLE_ROWS "}\nNAMES = [k for k in TABLE]\n"
                     "class Limits:\n    LOW = 1\n    HIGH = 2\n"},
    {"pkg/errors.py", "class Error(Exception):\n    pass\n\n\nclass Fatal(Error):\n"
                      "    \"\"\"Cannot go on.\"\"\"\n"},
    /* module-level code only: a loop, an if, a call at import */
    {"pkg/registry.py", "import os\nREG = {}\nfor name in os.listdir('.'):\n"
                        "    if name.endswith('.py'):\n        REG[name] = len(name)\n"
                        "print(len(REG))\n"},
    /* a statement under d loops of its def weighs 4^d, and a fourth loop
     * counts as three: 2 + 1 + 1 + 4 + 16 + 64 + 64 + 64 + 1 = 217 */
    {"pkg/engine.py", "from pkg.fail import Failure\nfrom pkg.step import step\n\n\n"
                      "def run(xs):\n    if not xs:\n        raise Failure(xs)\n    total = 0\n"
                      "    for x in xs:\n        for y in xs:\n            for z in xs:\n"
                      "                while z:\n                    total += step(x, y)\n"
                      "                    z -= 1\n    return total\n"},
    /* an exception with a method, only ever raised: an error path, so the
     * raise is no call into it */
    {"pkg/fail.py", "class Failure(Exception):\n    def __init__(self, what):\n"
                    "        super().__init__(what)\n        self.what = what\n"},
    /* the same work in a def without loops: 5 statements */
    {"pkg/flat.py", "def flat(a, b):\n    c = a + b\n    d = c * 2\n    e = d - a\n"
                    "    f = e + b\n    return f\n"},
    /* a one-line helper that the engine, the flat module's twin and the
     * tests call */
    {"pkg/step.py", "def step(a, b):\n    return a * b\n"},
    {"pkg/twin.py", "from pkg.step import step\n\n\ndef flat(a, b):\n    c = step(a, b)\n"
                    "    d = c * 2\n    e = d - a\n    f = e + b\n    return f\n"},
    {"tests/test_engine.py", "from pkg import run\nfrom pkg.step import step\n"
                             "from pkg.twin import flat\n\n\ndef test_run():\n"
                             "    for _ in range(3):\n        assert run([1, 2]) == 9\n"
                             "    assert step(2, 3) == 6 and flat(1, 2) == 5\n"},
};

static bool write_project(const char *dir)
{
	char path[512];

	for (size_t i = 0; i < sizeof(files) / sizeof(*files); i++) {
		FILE *f;

		snprintf(path, sizeof(path), "%s/%s", dir, files[i].path);
		if (util_sh("mkdir -p \"$(dirname '%s')\"", path) != 0 || !(f = fopen(path, "w")))
			return false;
		fputs(files[i].text, f);
		fclose(f);
	}
	return true;
}

static const scout_module *module(const scout_scan *scan, const char *path)
{
	for (size_t i = 0; i < scan->nmodules; i++)
		if (strcmp(scan->modules[i].path, path) == 0)
			return &scan->modules[i];
	fprintf(stderr, "no module %s\n", path);
	return NULL;
}

static double hot(const scout_scan *scan, const char *path)
{
	const scout_module *m = module(scan, path);

	return m ? m->hotness : -1.0;
}

static void check(const scout_scan *scan)
{
	double sum = 0.0;
	const scout_module *engine = module(scan, "pkg/engine.py");

	/* only runs at import: nothing to gain */
	CHECK(hot(scan, "pkg/__init__.py") == 0.0);
	CHECK(hot(scan, "pkg/table.py") == 0.0);
	CHECK(hot(scan, "pkg/errors.py") == 0.0);
	CHECK(hot(scan, "pkg/registry.py") == 0.0);
	CHECK(hot(scan, "tests/test_engine.py") == 0.0); /* not shipped */
	/* the walk's weights */
	CHECK(engine != NULL);
	if (engine)
		CHECK_INT(engine->fn_work, 2 + 1 + 1 + 4 + 16 + 64 + 64 + 64 + 1);
	CHECK_INT(module(scan, "pkg/flat.py")->fn_work, 5);
	CHECK_INT(module(scan, "pkg/table.py")->fn_work, 0);
	CHECK_INT(module(scan, "tests/test_engine.py")->fn_work, 1 + 4 * 1 + 1);
	/* loops in function bodies, called from others, beat everything */
	CHECK(hot(scan, "pkg/engine.py") > hot(scan, "pkg/twin.py"));
	CHECK(hot(scan, "pkg/engine.py") > 0.5);
	/* the same body: called from the tests beats never called */
	CHECK(hot(scan, "pkg/twin.py") > hot(scan, "pkg/flat.py"));
	/* raised, never called: 2 statements against flat's 5, both uncalled */
	CHECK_INT(module(scan, "pkg/fail.py")->fn_work, 2);
	CHECK(fabs(hot(scan, "pkg/fail.py") / hot(scan, "pkg/flat.py") - 0.4) < 1e-3);
	/* called from three modules, but one statement, below 5 statements */
	CHECK(hot(scan, "pkg/step.py") > 0.0);
	CHECK(hot(scan, "pkg/step.py") < hot(scan, "pkg/flat.py"));
	for (size_t i = 0; i < scan->nmodules; i++)
		sum += scan->modules[i].hotness;
	CHECK(fabs(sum - 1.0) < 1e-5);
}

int main(void)
{
	char dir[256];
	char *argv[] = {"mypyc-scout", "scan", "--jobs", "1", "--no-cache", dir, NULL};
	scout_cli cli;
	scout_settings settings;
	scout_scan scan = {0};

	if (!util_tmpdir(dir, sizeof(dir), "hotness") || !write_project(dir))
		return 1;
	if (scout_cli_parse(&cli, 6, argv) < 0 || scout_settings_resolve(&settings, &cli) < 0 ||
	    scout_scan_run(&scan, &settings.scan) < 0) {
		fprintf(stderr, "scan failed: %s\n", scout_error_last());
		util_rmtree(dir);
		return 1;
	}
	check(&scan);
	scout_scan_free(&scan);
	scout_settings_free(&settings);
	scout_cli_free(&cli);
	util_rmtree(dir);
	return check_report("test_hotness");
}
