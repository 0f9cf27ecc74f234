/* The audit's packaging checklist (scout_audit_packaging) on the small
 * repositories in fixtures/audit/, each staged in a temporary directory with
 * the package they share: every item's status, the backend string, the
 * evidence (path, line) and the snippets. SCOUT_DUMP_FACTS=1 prints what each
 * case produced. */
#include "scout/audit.h"
#include "scout/scan.h"
#include "check.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

enum { BACKEND, CIBW, FALLBACK, PYTHON, TESTING, MYPYC_TESTS };

static const char *const ids[] = {"build-backend",   "cibuildwheel",  "fallback-wheel",
                                  "requires-python", "test-compiled", "mypyc-tests"};

static void dump(const char *name, const scout_audit *a)
{
	if (!getenv("SCOUT_DUMP_FACTS"))
		return;
	printf("== %s (backend %s)\n", name, a->build_backend ? a->build_backend : "-");
	for (size_t i = 0; i < a->nchecks; i++) {
		const scout_audit_check *c = &a->checks[i];

		printf("[%s] %s\n  found: %s\n  advice: %s\n", scout_check_status_name(c->status),
		       c->id, c->found, c->advice ? c->advice : "-");
		for (size_t r = 0; r < c->nrefs; r++)
			printf("  ref %s:%u %s\n", c->refs[r].path, c->refs[r].line,
			       c->refs[r].text);
		if (c->snippet)
			printf("  snippet (%s, %s):\n%s\n", c->snippet_lang, c->snippet_file,
			       c->snippet);
	}
}

/* Scans `scan_path` with project directory `dir` and builds the checklist. */
static void run_case(scout_audit *a, scout_scan *scan, const char *dir, const char *scan_path)
{
	const char *paths[] = {scan_path};
	scout_scan_opts opts = {
	    .discover = {.paths = paths, .npaths = 1},
	    .jobs = 1,
	    .coverage_threshold = 0.80,
	    .project_dir = dir,
	};

	memset(a, 0, sizeof(*a));
	CHECK_INT(scout_scan_run(scan, &opts), 0);
	scout_audit_packaging(a, scan, dir);
	dump(dir, a);
	CHECK_INT(a->nchecks, 6);
	for (size_t i = 0; i < a->nchecks && i < 6; i++) {
		const scout_audit_check *c = &a->checks[i];

		CHECK_STR(c->id, ids[i]);
		CHECK(c->title && c->found && *c->found);
		/* a snippet always says its language and file; a TODO always has one */
		CHECK(!c->snippet == !c->snippet_lang && !c->snippet == !c->snippet_file);
		CHECK(c->status != SCOUT_CHECK_TODO || (c->snippet && c->advice));
		for (size_t r = 1; r < c->nrefs; r++) {
			int d = strcmp(c->refs[r - 1].path, c->refs[r].path);

			CHECK(d < 0 || (d == 0 && c->refs[r - 1].line < c->refs[r].line));
		}
	}
}

static void done(scout_audit *a, scout_scan *scan)
{
	scout_audit_free(a);
	scout_scan_free(scan);
}

/* A copy of fixtures/audit/<name> (NULL: no files of its own) in a new
 * directory, its path into dir, with fixtures/audit/package copied into it
 * at `pkg`. False (and a failed check) when it cannot be made. */
static bool stage(char *dir, size_t cap, const char *name, const char *pkg)
{
	bool ok = util_tmpdir(dir, cap, "audit-facts") &&
	          (!name || util_sh("cp -R fixtures/audit/%s/. '%s'", name, dir) == 0) &&
	          util_sh("mkdir -p '%s/%s' && cp fixtures/audit/package/*.py '%s/%s'", dir, pkg,
	                  dir, pkg) == 0;

	CHECK(ok);
	return ok;
}

/* Stages case `name` (package at `pkg`), scans its subdirectory `sub` (""
 * for all of it) and, when the checklist has its six items, hands them to
 * `check` with the scan and the staged directory. */
static void run_fixture(const char *name, const char *pkg, const char *sub,
                        void (*check)(scout_audit *a, scout_scan *scan, const char *dir))
{
	char dir[64], *scan_path;
	scout_audit a;
	scout_scan scan;

	if (!stage(dir, sizeof(dir), name, pkg)) {
		util_rmtree(dir);
		return;
	}
	scan_path = scout_asprintf("%s%s%s", dir, *sub ? "/" : "", sub);
	run_case(&a, &scan, dir, scan_path);
	if (a.nchecks == 6)
		check(&a, &scan, dir);
	done(&a, &scan);
	free(scan_path);
	util_rmtree(dir);
}

static bool has_ref(const scout_audit_check *c, const char *path, uint32_t line)
{
	for (size_t i = 0; i < c->nrefs; i++)
		if (strcmp(c->refs[i].path, path) == 0 && c->refs[i].line == line)
			return true;
	return false;
}

static bool contains(const char *s, const char *needle)
{
	return s && strstr(s, needle);
}

static void flit(scout_audit *a, scout_scan *scan, const char *dir)
{
	const scout_audit_check *c = a->checks;

	CHECK_STR(a->build_backend, "flit_core.buildapi");
	CHECK_INT(c[BACKEND].status, SCOUT_CHECK_TODO);
	CHECK(has_ref(&c[BACKEND], "pyproject.toml", 3));
	CHECK(has_ref(&c[BACKEND], "pyproject.toml", 2));
	CHECK(contains(c[BACKEND].advice, "flit cannot build extension modules"));
	CHECK_STR(c[BACKEND].snippet_lang, "toml");
	CHECK(contains(c[BACKEND].snippet, "hatch-mypyc"));
	CHECK(contains(c[BACKEND].snippet, "\"pkg/core.py\","));
	CHECK_INT(c[CIBW].status, SCOUT_CHECK_TODO);
	CHECK(contains(c[CIBW].snippet, "pypa/cibuildwheel"));
	CHECK(contains(c[CIBW].snippet, "--sdist"));
	CHECK(contains(c[CIBW].advice, "test-command"));
	CHECK_INT(c[FALLBACK].status, SCOUT_CHECK_TODO);
	CHECK(contains(c[FALLBACK].snippet, "enable-by-default = false"));
	/* >=3.8 is older than the current mypyc's 3.10 */
	CHECK_INT(c[PYTHON].status, SCOUT_CHECK_WARN);
	CHECK(contains(c[PYTHON].found, "5 CPython versions: 3.8, 3.9, 3.10, 3.11, 3.12;"));
	CHECK(has_ref(&c[PYTHON], "pyproject.toml", 8));
	CHECK_INT(c[TESTING].status, SCOUT_CHECK_WARN);
	/* no switch of its own yet: one named after the project */
	CHECK(contains(c[TESTING].snippet, "PROJECT_USE_MYPYC: ${{ matrix.compiled }}"));
	CHECK_INT(c[MYPYC_TESTS].status, SCOUT_CHECK_INFO);
	CHECK_INT(c[MYPYC_TESTS].nrefs, 1);
	CHECK(has_ref(&c[MYPYC_TESTS], "tests/test_core.py", 8));
	CHECK(contains(c[MYPYC_TESTS].found, "tests/test_core.py"));
	/* with mypyc 1.0 as the target, 3.8 is supported */
	scout_audit_free(a);
	memset(a, 0, sizeof(*a));
	scan->mypyc_version = 1000001;
	scout_audit_packaging(a, scan, dir);
	CHECK_INT(a->checks[PYTHON].status, SCOUT_CHECK_OK);
}

static void hatch_hook(scout_audit *a, scout_scan *scan, const char *dir)
{
	const scout_audit_check *c = a->checks;

	CHECK_STR(a->build_backend, "hatchling.build");
	CHECK_INT(c[BACKEND].status, SCOUT_CHECK_OK);
	CHECK(has_ref(&c[BACKEND], "pyproject.toml", 10));
	CHECK(!c[BACKEND].snippet);
	CHECK_INT(c[CIBW].status, SCOUT_CHECK_OK);
	CHECK(has_ref(&c[CIBW], "pyproject.toml", 15));
	CHECK(!c[CIBW].snippet);
	CHECK_INT(c[FALLBACK].status, SCOUT_CHECK_OK);
	CHECK(has_ref(&c[FALLBACK], "pyproject.toml", 12));
	CHECK(has_ref(&c[FALLBACK], "pyproject.toml", 20));
	CHECK_INT(c[PYTHON].status, SCOUT_CHECK_OK);
	CHECK(contains(c[PYTHON].found, "open: CPython 3.10 and every newer"));
	/* compiled today, and cibuildwheel tests each wheel it builds */
	CHECK_INT(c[TESTING].status, SCOUT_CHECK_OK);
	CHECK(has_ref(&c[TESTING], "src", 0));
	CHECK(has_ref(&c[TESTING], "pyproject.toml", 17));
	CHECK(!c[TESTING].snippet);
	CHECK_INT(c[MYPYC_TESTS].status, SCOUT_CHECK_INFO);
	CHECK_INT(c[MYPYC_TESTS].nrefs, 1);
	CHECK(has_ref(&c[MYPYC_TESTS], "pyproject.toml", 24));
}

/* lagom's shape: setup.py compiles when DEMO_COMPILE is nonzero; a CI job
 * builds the wheel with it on, removes the source tree, installs the wheel
 * and runs pytest. Without that job, the snippet uses DEMO_COMPILE. */
static void wheel_ci(scout_audit *a, scout_scan *scan, const char *dir)
{
	const scout_audit_check *c = a->checks;
	const char *wf = ".github/workflows/main.yml";

	CHECK_INT(c[BACKEND].status, SCOUT_CHECK_OK);
	CHECK(contains(c[BACKEND].found, "setup.py compiles 1 module with mypyc today"));
	CHECK(contains(c[FALLBACK].found, "compiles only when DEMO_COMPILE nonzero"));
	CHECK_INT(c[TESTING].status, SCOUT_CHECK_OK);
	CHECK(contains(c[TESTING].found, "main.yml (test-build) builds a wheel with "
	                                 "DEMO_COMPILE=1, removes the source tree, installs the "
	                                 "wheel and runs the tests against it"));
	CHECK(has_ref(&c[TESTING], wf, 15) && has_ref(&c[TESTING], wf, 17));
	CHECK(has_ref(&c[TESTING], wf, 18) && has_ref(&c[TESTING], wf, 19));
	CHECK(has_ref(&c[TESTING], wf, 20));
	CHECK(!has_ref(&c[TESTING], wf, 8)); /* test-code runs the source tree */
	CHECK(!c[TESTING].snippet);
	CHECK_INT(util_sh("rm '%s/%s'", dir, wf), 0);
	scout_audit_free(a);
	memset(a, 0, sizeof(*a));
	scout_audit_packaging(a, scan, dir);
	c = a->checks;
	CHECK(a->nchecks == 6 && c[TESTING].status == SCOUT_CHECK_WARN);
	if (a->nchecks == 6) {
		CHECK(contains(c[TESTING].snippet, "DEMO_COMPILE: ${{ matrix.compiled }}"));
		CHECK(contains(c[TESTING].snippet, "compiled: [\"1\", \"0\"]"));
		CHECK(!contains(c[TESTING].snippet, "_USE_MYPYC"));
	}
}

static void hatch_nohook(scout_audit *a, scout_scan *scan, const char *dir)
{
	const scout_audit_check *c = a->checks;

	CHECK_INT(c[BACKEND].status, SCOUT_CHECK_TODO);
	CHECK(contains(c[BACKEND].snippet, "[tool.hatch.build.targets.wheel.hooks.mypyc]"));
	CHECK(contains(c[BACKEND].snippet, "include = [\n    \"pkg/core.py\",\n"));
	/* the workflow mentions cibuildwheel only in a comment */
	CHECK_INT(c[CIBW].status, SCOUT_CHECK_TODO);
	CHECK(contains(c[CIBW].found, "looked at .github/workflows/ci.yml"));
	CHECK_INT(c[CIBW].nrefs, 0);
	CHECK_INT(c[FALLBACK].status, SCOUT_CHECK_TODO);
	CHECK_INT(c[PYTHON].status, SCOUT_CHECK_WARN);
	CHECK(contains(c[PYTHON].snippet, "requires-python = \">=3.10\""));
	CHECK_INT(c[TESTING].status, SCOUT_CHECK_WARN);
	CHECK_INT(c[MYPYC_TESTS].status, SCOUT_CHECK_WARN);
	CHECK(contains(c[MYPYC_TESTS].found, "None yet"));
	CHECK(contains(c[MYPYC_TESTS].snippet, "pytest.mark.skipif(COMPILED"));
	CHECK(contains(c[MYPYC_TESTS].snippet, "import pkg.core as _probe"));
}

static void setuptools_cond(scout_audit *a, scout_scan *scan, const char *dir)
{
	const scout_audit_check *c = a->checks;

	CHECK_STR(a->build_backend, "setuptools.build_meta");
	CHECK_INT(c[BACKEND].status, SCOUT_CHECK_OK);
	CHECK(has_ref(&c[BACKEND], "setup.py", 11));
	CHECK(!c[BACKEND].advice); /* mypy is in [build-system] requires */
	CHECK_INT(c[CIBW].status, SCOUT_CHECK_OK);
	CHECK(has_ref(&c[CIBW], ".github/workflows/wheels.yaml", 11));
	CHECK(contains(c[CIBW].found, ".github/workflows/wheels.yaml"));
	CHECK_INT(c[FALLBACK].status, SCOUT_CHECK_OK);
	CHECK(has_ref(&c[FALLBACK], "setup.py", 8));
	CHECK(has_ref(&c[FALLBACK], "setup.py", 5));
	CHECK_INT(c[PYTHON].status, SCOUT_CHECK_WARN);
	CHECK(contains(c[PYTHON].found, "setup.py python_requires is \">=3.9\""));
	CHECK(has_ref(&c[PYTHON], "setup.py", 15));
	CHECK_INT(c[TESTING].status, SCOUT_CHECK_OK); /* compiled, cibuildwheel tests it */
	CHECK(has_ref(&c[TESTING], "pytest.ini", 2));
	CHECK(has_ref(&c[TESTING], ".github/workflows/wheels.yaml", 13));
	CHECK_INT(c[MYPYC_TESTS].status, SCOUT_CHECK_INFO);
	CHECK(has_ref(&c[MYPYC_TESTS], "pytest.ini", 4));
	CHECK(has_ref(&c[MYPYC_TESTS], "tests/conftest.py", 9));
	CHECK(has_ref(&c[MYPYC_TESTS], "tests/conftest.py", 11));
	CHECK(has_ref(&c[MYPYC_TESTS], "tests/test_core.py", 6));
	CHECK(has_ref(&c[MYPYC_TESTS], "tests/test_core.py", 11));
	CHECK_INT(c[MYPYC_TESTS].nrefs, 5);
	CHECK(contains(c[MYPYC_TESTS].found, "5 lines in 3 files"));
	/* the same checklist twice is the same */
	{
		scout_audit b = {0};

		scout_audit_packaging(&b, scan, dir);
		for (size_t i = 0; i < 6; i++) {
			CHECK_STR(b.checks[i].found, a->checks[i].found);
			CHECK_INT(b.checks[i].nrefs, a->checks[i].nrefs);
		}
		scout_audit_free(&b);
	}
}

static void poetry(scout_audit *a, scout_scan *scan, const char *dir)
{
	const scout_audit_check *c = a->checks;

	CHECK_STR(a->build_backend, "poetry.core.masonry.api");
	CHECK_INT(c[BACKEND].status, SCOUT_CHECK_TODO);
	CHECK_STR(c[BACKEND].snippet_file, "build.py");
	CHECK(contains(c[BACKEND].snippet, "def build(setup_kwargs):"));
	CHECK(contains(c[BACKEND].advice, "script = \"build.py\""));
	CHECK(contains(c[BACKEND].advice, "generate-setup-file"));
	CHECK_INT(c[PYTHON].status, SCOUT_CHECK_OK);
	CHECK(contains(c[PYTHON].found, "[tool.poetry.dependencies] python is \"^3.11\""));
	CHECK_INT(c[TESTING].status, SCOUT_CHECK_INFO);
	CHECK(has_ref(&c[TESTING], "tox.ini", 4));
	CHECK_INT(c[MYPYC_TESTS].status, SCOUT_CHECK_INFO);
	CHECK(has_ref(&c[MYPYC_TESTS], "tox.ini", 10));
	CHECK_INT(c[MYPYC_TESTS].nrefs, 1);
}

static void no_packaging(scout_audit *a, scout_scan *scan, const char *dir)
{
	CHECK(a->build_backend == NULL);
	CHECK_INT(a->checks[BACKEND].status, SCOUT_CHECK_TODO);
	CHECK(contains(a->checks[BACKEND].found, "No packaging"));
	CHECK(contains(a->checks[CIBW].found, "no CI configuration"));
	CHECK_INT(a->checks[PYTHON].status, SCOUT_CHECK_WARN);
}

static void setup_plain(scout_audit *a, scout_scan *scan, const char *dir)
{
	const scout_audit_check *c = a->checks;

	CHECK(a->build_backend == NULL);
	CHECK_INT(c[BACKEND].status, SCOUT_CHECK_OK);
	CHECK(has_ref(&c[BACKEND], "setup.py", 7));
	CHECK(contains(c[BACKEND].advice, "[build-system] requires"));
	CHECK_INT(c[CIBW].status, SCOUT_CHECK_OK);
	CHECK(has_ref(&c[CIBW], ".gitlab-ci.yml", 4));
	CHECK(has_ref(&c[CIBW], ".gitlab-ci.yml", 5));
	CHECK_INT(c[FALLBACK].status, SCOUT_CHECK_TODO);
	CHECK(contains(c[FALLBACK].found, "unconditionally"));
	/* no switch of its own: one named after the project */
	CHECK(contains(c[FALLBACK].snippet, "PROJECT_USE_MYPYC: \"0\""));
	CHECK_INT(c[PYTHON].status, SCOUT_CHECK_OK);
	CHECK(has_ref(&c[PYTHON], "setup.cfg", 5));
}

static void pdm(scout_audit *a, scout_scan *scan, const char *dir)
{
	CHECK_STR(a->build_backend, "pdm.backend");
	CHECK_INT(a->checks[BACKEND].status, SCOUT_CHECK_WARN);
	CHECK(contains(a->checks[BACKEND].found, "pdm-backend"));
	CHECK(a->checks[BACKEND].advice != NULL);
}

/* The scan root below the project directory: evidence paths stay relative
 * to the project, and snippets name project paths. */
static void subdirectory_scan(scout_audit *a, scout_scan *scan, const char *dir)
{
	CHECK(has_ref(&a->checks[MYPYC_TESTS], "tests/conftest.py", 9));
	CHECK(has_ref(&a->checks[MYPYC_TESTS], "tests/test_core.py", 6));
}

static void test_fixtures(void)
{
	run_fixture("flit", "pkg", "", flit);
	run_fixture("hatch_hook", "src/hatchdemo", "", hatch_hook);
	run_fixture("hatch_nohook", "pkg", "", hatch_nohook);
	run_fixture("setuptools_cond", "pkg", "", setuptools_cond);
	run_fixture("poetry", "pkg", "", poetry);
	run_fixture(NULL, "pkg", "", no_packaging);
	run_fixture("setup_plain", "pkg", "", setup_plain);
	run_fixture("wheel_ci", "pkg", "", wheel_ci);
	run_fixture("pdm", "pkg", "", pdm);
	run_fixture("setuptools_cond", "pkg", "tests", subdirectory_scan);
}

/* Opens dir/rel for writing, making the directories above it (close with
 * fclose); NULL, and a failed check, when it cannot. */
static FILE *create(const char *dir, const char *rel)
{
	char *path = scout_asprintf("%s/%s", dir, rel);
	FILE *f = util_sh("mkdir -p \"$(dirname '%s')\"", path) == 0 ? fopen(path, "wb") : NULL;

	if (!f)
		CHECK(!"create");
	free(path);
	return f;
}

/* Writes len bytes of data to dir/rel. */
static void put(const char *dir, const char *rel, const char *data, size_t len)
{
	FILE *f = create(dir, rel);

	if (f) {
		fwrite(data, 1, len, f);
		fclose(f);
	}
}

/* A binary pyproject.toml and a setup.py symlinked to a file outside the
 * project count as absent: nothing is read through them. */
static void test_hostile_files(void)
{
	static const char setup[] = "from mypyc.build import mypycify\nmypycify(['a.py'])\n";
	char dir[64], *sub;
	scout_audit a;
	scout_scan scan;

	if (!util_tmpdir(dir, sizeof(dir), "audit-facts")) {
		CHECK(!"mkdtemp");
		return;
	}
	put(dir, "pyproject.toml", "[build-system]\nbuild-backend = \"x\0y\"\n", 38);
	put(dir, "outside.py", setup, strlen(setup));
	CHECK_INT(util_sh("cd '%s' && mkdir sub && ln -s ../outside.py sub/setup.py && "
	                  "ln -s ../pyproject.toml sub/pyproject.toml",
	                  dir),
	          0);
	sub = scout_asprintf("%s/sub", dir);
	run_case(&a, &scan, sub, sub);
	CHECK(a.build_backend == NULL);
	if (a.nchecks == 6) { /* what the scan's compile-set reader found, said as such */
		CHECK(contains(a.checks[BACKEND].found, "setup.py compiles 0 modules"));
		CHECK_INT(a.checks[BACKEND].status, SCOUT_CHECK_WARN);
	}
	done(&a, &scan);
	memset(&a, 0, sizeof(a));
	scan = (scout_scan){.root = dir};
	scout_audit_packaging(&a, &scan, dir); /* the binary file alone */
	CHECK(a.build_backend == NULL);
	scout_audit_free(&a);
	free(sub);
	util_rmtree(dir);
}

/* 60 marked lines: 50 refs kept, the rest counted; long lines trimmed to
 * 200 bytes; a test file that is not UTF-8 is skipped. */
static void test_many_refs(void)
{
	static const char latin[] = "# \xff\xfe not UTF-8\n@pytest.mark.skip(reason='mypyc')\n";
	char dir[64];
	FILE *f;
	scout_audit a;
	scout_scan scan;

	if (!util_tmpdir(dir, sizeof(dir), "audit-facts")) {
		CHECK(!"mkdtemp");
		return;
	}
	if ((f = create(dir, "tests/test_many.py"))) {
		fprintf(f, "@pytest.mark.skip(reason='mypyc %0300d')\n", 7);
		for (int i = 0; i < 59; i++)
			fprintf(f, "@pytest.mark.skip(reason='mypyc %d')\ndef test_%d(): pass\n", i,
			        i);
		fclose(f);
	}
	put(dir, "tests/test_latin.py", latin, strlen(latin));
	run_case(&a, &scan, dir, dir);
	if (a.nchecks == 6) {
		const scout_audit_check *c = &a.checks[MYPYC_TESTS];

		CHECK_INT(c->nrefs, 50);
		CHECK(contains(c->found, "60 lines in 1 file"));
		CHECK(contains(c->found, "10 more are not shown"));
		CHECK(has_ref(c, "tests/test_many.py", 1));
		CHECK(!has_ref(c, "tests/test_latin.py", 2));
		for (size_t i = 0; i < c->nrefs; i++)
			CHECK(strlen(c->refs[i].text) <= 200);
		CHECK(c->nrefs && strlen(c->refs[0].text) == 200);
	}
	done(&a, &scan);
	util_rmtree(dir);
}

/* requires-python specifiers against the current mypyc (3.10 and newer). */
static void test_python_ranges(void)
{
	static const struct {
		const char *spec;
		scout_check_status status;
		const char *found;
	} cases[] = {
	    {">=3.10,<3.13", SCOUT_CHECK_OK, "3 CPython versions: 3.10, 3.11, 3.12;"},
	    {">=3.10, <=3.11", SCOUT_CHECK_OK, "2 CPython versions: 3.10, 3.11;"},
	    {"~=3.11.2", SCOUT_CHECK_OK, "1 CPython version: 3.11;"},
	    {"~=3.11", SCOUT_CHECK_OK, "open: CPython 3.11 and every newer"},
	    {">=3.11,<3.12.0", SCOUT_CHECK_OK, "1 CPython version: 3.11;"},
	    {">=3.11,<3.12.4", SCOUT_CHECK_OK, "2 CPython versions: 3.11, 3.12;"},
	    {"==3.12.*", SCOUT_CHECK_OK, "1 CPython version: 3.12;"},
	    {">=3.10,!=3.11.*,<4", SCOUT_CHECK_OK, "open: CPython 3.10"},
	    {"==3.*", SCOUT_CHECK_WARN, "open: CPython 3.0"},
	    {">=2.7, !=3.0.*", SCOUT_CHECK_WARN, "is \">=2.7, !=3.0.*\""},
	    {"<3.12", SCOUT_CHECK_WARN, "is \"<3.12\""},
	    {">=3.12,<3.11", SCOUT_CHECK_WARN, "holds no CPython 3 version"},
	    {">=3.9 || >=3.10", SCOUT_CHECK_WARN, "is \">=3.9 || >=3.10\""},
	    {"*", SCOUT_CHECK_WARN, "is \"*\""},
	};
	char dir[64];

	if (!util_tmpdir(dir, sizeof(dir), "audit-facts")) {
		CHECK(!"mkdtemp");
		return;
	}
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		scout_scan scan = {.root = dir};
		scout_audit a = {0};
		FILE *f = create(dir, "pyproject.toml");

		if (!f)
			break;
		fprintf(f, "[project]\nname = \"x\"\nrequires-python = \"%s\"\n", cases[i].spec);
		fclose(f);
		scout_audit_packaging(&a, &scan, dir);
		if (a.nchecks == 6) {
			const scout_audit_check *c = &a.checks[PYTHON];

			if (c->status != cases[i].status || !contains(c->found, cases[i].found))
				fprintf(stderr, "spec %s: [%s] %s\n", cases[i].spec,
				        scout_check_status_name(c->status), c->found);
			CHECK_INT(c->status, cases[i].status);
			CHECK(contains(c->found, cases[i].found));
			CHECK(has_ref(c, "pyproject.toml", 3));
		}
		scout_audit_free(&a);
	}
	util_rmtree(dir);
}

static void test_status_names(void)
{
	CHECK_STR(scout_check_status_name(SCOUT_CHECK_OK), "ok");
	CHECK_STR(scout_check_status_name(SCOUT_CHECK_TODO), "todo");
	CHECK_STR(scout_check_status_name(SCOUT_CHECK_WARN), "warn");
	CHECK_STR(scout_check_status_name(SCOUT_CHECK_INFO), "info");
}

int main(void)
{
	test_status_names();
	test_fixtures();
	test_hostile_files();
	test_many_refs();
	test_python_ranges();
	return check_report("test_audit_facts");
}
