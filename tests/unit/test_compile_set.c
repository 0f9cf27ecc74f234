/* The compile-set readers: git wildmatch as hatch reads it, hatch-mypyc's
 * configuration, and the setup.py evaluator on small sources against a
 * scratch checkout. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "scout/hatch_mypyc.h"
#include "scout/setup_eval.h"
#include "scout/toml.h"
#include "scout/pathglob.h"

static void check_wildmatch(void)
{
	CHECK(scout_gitignore_match("/src/blackd", "src/blackd/__init__.py"));
	CHECK(scout_gitignore_match("/src/black/debug.py", "src/black/debug.py"));
	CHECK(!scout_gitignore_match("/src/black/debug.py", "x/src/black/debug.py"));
	CHECK(scout_gitignore_match("debug.py", "src/black/debug.py")); /* no '/': any depth */
	CHECK(scout_gitignore_match("*_debug.py", "a/b_debug.py"));
	CHECK(!scout_gitignore_match("src/*.py", "src/a/b.py")); /* '*' stays in a component */
	CHECK(scout_gitignore_match("src/**/b.py", "src/b.py"));
	CHECK(scout_gitignore_match("src/**/b.py", "src/a/c/b.py"));
	CHECK(scout_gitignore_match("src/**", "src/a.py"));
	CHECK(!scout_gitignore_match("src/**", "src"));
	CHECK(scout_gitignore_match("pkg/", "pkg/a.py"));
	CHECK(!scout_gitignore_match("pkg/", "pkg"));
	CHECK(!scout_gitignore_match("# comment", "# comment"));
	{
		const char *spec[] = {"/pkg", "!/pkg/keep.py"};

		CHECK(scout_gitignore_any(spec, 2, "pkg/drop.py"));
		CHECK(!scout_gitignore_any(spec, 2, "pkg/keep.py"));
	}
}

static void check_hatch(void)
{
	const char *doc = "[tool.hatch.build.targets.wheel]\nonly-include = [\"src\"]\n"
	                  "[tool.hatch.build.targets.wheel.hooks.mypyc]\n"
	                  "enable-by-default = false\n"
	                  "include = [\"/src/app\"]\nexclude = [\"/src/app/cli\", \"*_debug.py\"]\n"
	                  "mypy-args = [\"--config-file=m.ini\"]\n";
	scout_toml t;
	scout_hatch_mypyc h;

	CHECK_INT(scout_toml_parse(&t, doc, strlen(doc)), 0);
	scout_hatch_mypyc_read(&h, &t);
	CHECK(h.configured);
	CHECK(!h.enable_by_default);
	CHECK(scout_hatch_mypyc_condition(&h) != NULL);
	CHECK_INT(h.nmypy_args, 1);
	CHECK(scout_hatch_mypyc_compiles(&h, "src/app/core.py"));
	CHECK(!scout_hatch_mypyc_compiles(&h, "src/app/cli/main.py"));
	CHECK(!scout_hatch_mypyc_compiles(&h, "src/app/core_debug.py"));
	CHECK(!scout_hatch_mypyc_compiles(&h, "src/other/x.py")); /* not included */
	CHECK(!scout_hatch_mypyc_compiles(&h, "docs/conf.py"));   /* not in the wheel */
	CHECK(!scout_hatch_mypyc_compiles(&h, "src/app/data.txt"));
	scout_hatch_mypyc_free(&h);
	scout_toml_free(&t);
}

static char root[64];

static void touch(const char *rel)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	for (char *p = path + strlen(root) + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(path, 0700);
			*p = '/';
		}
	f = fopen(path, "w");
	if (f)
		fclose(f);
}

/* Reads `src` as `rel`; returns the paths joined by ' ', then " !" and each
 * unread note's line, then " ?" and the condition. Owned by caller. */
static char *eval(const char *rel, const char *src)
{
	scout_setup_list l;
	scout_buf b = {0};

	scout_setup_eval(&l, root, rel, src, strlen(src));
	for (size_t i = 0; i < l.npaths; i++)
		scout_buf_printf(&b, "%s%s", i ? " " : "", l.paths[i]);
	for (size_t i = 0; i < l.nunread; i++)
		scout_buf_printf(&b, " !%u", l.unread[i].line);
	if (l.condition)
		scout_buf_printf(&b, " ?%s", l.condition);
	scout_setup_list_free(&l);
	return b.data ? scout_buf_detach(&b) : scout_strdup("");
}

#define CHECK_EVAL(rel, src, want)                                                                 \
	do {                                                                                       \
		char *got_ = eval(rel, src);                                                       \
		CHECK_STR(got_, want);                                                             \
		free(got_);                                                                        \
	} while (0)

static void check_setup_eval(void)
{
	snprintf(root, sizeof(root), "/tmp/scout-compile-set-XXXXXX");
	if (!mkdtemp(root)) {
		CHECK(!"mkdtemp");
		return;
	}
	touch("pkg/a.py");
	touch("pkg/b.py");
	touch("pkg/.hidden.py");
	touch("pkg/sub/c.py");
	touch("sub/setup.py");

	CHECK_EVAL("setup.py", "mypycify(['pkg/a.py', 'pkg/a.py', '--strict'])", "pkg/a.py");
	CHECK_EVAL("setup.py", "import glob\nmypycify(glob.glob('pkg/*.py'))", "pkg/a.py pkg/b.py");
	CHECK_EVAL("setup.py", "import glob\nmypycify(glob.glob('pkg/**/*.py', recursive=True))",
	           "pkg/a.py pkg/b.py pkg/sub/c.py");
	CHECK_EVAL("setup.py", "import glob\nmypycify(glob.glob('pkg/**/*.py'))", "pkg/sub/c.py");
	/* the sub-project's paths are from its own directory */
	CHECK_EVAL("sub/setup.py", "mypycify(['../pkg/a.py'])", "pkg/a.py");
	CHECK_EVAL("sub/setup.py",
	           "import os\nD = os.path.join(os.path.dirname(__file__), '..', 'pkg')\n"
	           "mypycify([os.path.join(D, f) for f in sorted(os.listdir(D)) "
	           "if f.endswith('.py') and not f.startswith('.')])",
	           "pkg/a.py pkg/b.py");
	/* never outside the checkout, never guessed */
	CHECK_EVAL("setup.py", "mypycify(['../elsewhere/a.py'])", " !1");
	CHECK_EVAL("setup.py", "import glob\nmypycify(glob.glob('../*/*.py'))", " !2");
	CHECK_EVAL("setup.py", "mypycify(['pkg/a.py', f'pkg/{x}.py'])", "pkg/a.py !1");
	CHECK_EVAL("setup.py", "from helpers import find\nmypycify(find())", " !2");
	CHECK_EVAL("setup.py", "def f(n):\n    return f(n)\nmypycify(f(1))", " !2");
	CHECK_EVAL("setup.py", "for m in ['pkg/a.py']:\n    mypycify([m])", " !1");
	/* conditions */
	CHECK_EVAL("setup.py",
	           "import os\nif os.environ.get('X_MYPYC') == '1':\n    mypycify(['pkg/a.py'])",
	           "pkg/a.py ?X_MYPYC=1");
	CHECK_EVAL("setup.py",
	           "import os\nif os.getenv('A') and os.getenv('B'):\n    raise Exception()\n"
	           "elif os.getenv('A'):\n    C = bool(int(os.environ['A']))\n"
	           "elif os.getenv('B'):\n    C = not bool(int(os.environ['B']))\nelse:\n"
	           "    C = False\nif C:\n    mypycify(['pkg/a.py'])",
	           "pkg/a.py ?A nonzero or B=0");
	CHECK_EVAL("setup.py",
	           "import os\nUSE = False\nif os.getenv('U', None) == '1':\n    USE = True\n"
	           "if USE and mypycify is not None:\n    mypycify(['pkg/b.py'])",
	           "pkg/b.py ?U=1");
	CHECK_EVAL("setup.py",
	           "import sys\nif sys.platform != 'win32':\n    mypycify(['pkg/b.py'])",
	           "pkg/b.py ?`sys.platform != 'win32'`");
	/* an early return in the function around the call */
	CHECK_EVAL("setup.py",
	           "import os\nUSE = os.environ.get('P') == '1'\ndef get():\n    if not USE:\n"
	           "        return []\n    return mypycify(['pkg/a.py'])\nsetup(ext_modules=get())",
	           "pkg/a.py ?P=1");
	/* a list grown under a condition the reader cannot decide is not guessed */
	CHECK_EVAL("setup.py",
	           "import os\nL = ['pkg/a.py']\nif os.getenv('MORE'):\n    L.append('pkg/b.py')\n"
	           "mypycify(L)",
	           "pkg/a.py !3");
	{
		char cmd[128];

		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
		CHECK(system(cmd) == 0);
	}
}

int main(void)
{
	check_wildmatch();
	check_hatch();
	check_setup_eval();
	return check_report("test_compile_set");
}
