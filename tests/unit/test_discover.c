/* Discovery: the filesystem walk, --exclude, the paths given, module names,
 * unreadable directories and git work trees (built at test time). */
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "util.h"
#include "scout/discover.h"

static char tmp[64];

/* Creates tmp/rel (and its parent directories) holding one line. */
static void put(const char *rel)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", tmp, rel);
	util_sh("mkdir -p \"$(dirname '%s')\"", path);
	f = fopen(path, "w");
	if (!f) {
		fprintf(stderr, "cannot create %s: %s\n", path, strerror(errno));
		exit(2);
	}
	fputs("x = 1\n", f);
	fclose(f);
}

static const char *at(const char *rel)
{
	static char path[512];

	snprintf(path, sizeof(path), "%s/%s", tmp, rel);
	return path;
}

/* The rels of a list joined by ',' (static buffer). */
static const char *rels(const scout_file_list *list)
{
	static char buf[4096];
	size_t n = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < list->len && n < sizeof(buf); i++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%s", i ? "," : "",
		                      list->files[i].rel);
	return buf;
}

/* The diagnostics as "path:kind:message" joined by ',', in (path, message)
 * order (static buffer). */
static const char *diags(const scout_scan *scan)
{
	static char buf[4096];
	size_t n = 0;
	bool *used = calloc(scan->ndiags + 1, sizeof(bool));

	buf[0] = '\0';
	for (size_t k = 0; k < scan->ndiags; k++) {
		size_t best = scan->ndiags;

		for (size_t i = 0; i < scan->ndiags; i++)
			if (!used[i] && (best == scan->ndiags ||
			                 strcmp(scan->diags[i].path, scan->diags[best].path) < 0))
				best = i;
		used[best] = true;
		n += (size_t)snprintf(
		    buf + n, sizeof(buf) - n, "%s%s:%s:%s", k ? "," : "", scan->diags[best].path,
		    scout_diag_kind_name(scan->diags[best].kind), scan->diags[best].message);
	}
	free(used);
	return buf;
}

static const scout_file *find(const scout_file_list *list, const char *rel)
{
	for (size_t i = 0; i < list->len; i++)
		if (strcmp(list->files[i].rel, rel) == 0)
			return &list->files[i];
	return NULL;
}

static int discover(scout_file_list *list, scout_scan *scan, const char *const *paths,
                    size_t npaths, const char *const *excludes, size_t nexcludes)
{
	scout_discover_opts opts = {paths, npaths, excludes, nexcludes, NULL, NULL, NULL};

	memset(scan, 0, sizeof(*scan));
	return scout_discover(list, scan, &opts);
}

static void check_fs_walk(void)
{
	const char *paths[] = {at("fs")};
	scout_file_list list;
	scout_scan scan;
	const scout_file *f;
	char expected_fs[512];

	put("fs/a.py");
	put("fs/b.pyi");
	put("fs/notes.txt");
	put("fs/.py");
	put("fs/pkg/__init__.py");
	put("fs/pkg/mod.py");
	put("fs/pkg/__pycache__/mod.py");
	put("fs/build/gen.py");
	put("fs/dist/d.py");
	put("fs/.tox/t.py");
	put("fs/.nox/n.py");
	put("fs/node_modules/x.py");
	put("fs/foo.egg-info/e.py");
	put("fs/.git/hooks/h.py");
	put("fs/venv/pyvenv.cfg");
	put("fs/venv/lib/site.py");
	put("fs/.hidden/h.py");
	put("fs/dir.py/inner.py");
	put("fs/z/deep/deeper/m.py");
	put("outside/o.py");
	util_sh("cd %s/fs && ln -s . loop && ln -s ../outside linked && ln -s a.py link_file.py && "
	        "ln -s missing.py dangling.py && ln -s venv venv_link && mkfifo fifo.py",
	        tmp);

	CHECK_INT(discover(&list, &scan, paths, 1, NULL, 0), 0);
	CHECK_STR(rels(&list), ".hidden/h.py,a.py,dangling.py,dir.py/inner.py,link_file.py,"
	                       "pkg/__init__.py,pkg/mod.py,z/deep/deeper/m.py");
	CHECK_STR(diags(&scan), "fifo.py:skipped:not a regular file,"
	                        "linked:skipped:directory symlink not followed,"
	                        "loop:skipped:directory symlink not followed");
	CHECK_STR(scan.root, at("fs"));
	CHECK_STR(scan.source, "files");
	f = find(&list, "pkg/mod.py");
	snprintf(expected_fs, sizeof(expected_fs), "%s/fs/pkg/mod.py", tmp);
	CHECK(f != NULL);
	if (f) {
		CHECK_STR(f->fs, expected_fs);
		CHECK_STR(f->module, "pkg.mod");
	}
	f = find(&list, "pkg/__init__.py");
	CHECK(f && strcmp(f->module, "pkg") == 0);
	scout_file_list_free(&list);
	scout_scan_free(&scan);
	scout_file_list_free(&list); /* twice: the list was reset */
}

static void check_excluded(void)
{
	const char *globs[] = {"nomatch", "a/b"};
	const char *one[1];

	CHECK(scout_discover_excluded("a/b/c.py", globs, 2));
	CHECK(!scout_discover_excluded("a/b/c.py", globs, 1));
	CHECK(!scout_discover_excluded("a/b/c.py", NULL, 0));
#define EXCLUDED(rel, glob) (one[0] = (glob), scout_discover_excluded((rel), one, 1))
	CHECK(EXCLUDED("a/b/c.py", "a"));
	CHECK(EXCLUDED("a/b/c.py", "b"));
	CHECK(EXCLUDED("a/b/c.py", "c.py"));
	CHECK(EXCLUDED("a/b/c.py", "*.py"));
	CHECK(EXCLUDED("a/b/c.py", "a/b/c.py"));
	CHECK(EXCLUDED("a/b/c.py", "a/*"));
	CHECK(EXCLUDED("tests/test_x.py", "test_*"));
	CHECK(!EXCLUDED("a/b/c.py", "b/c.py"));
	CHECK(!EXCLUDED("a/b/c.py", "x"));
	CHECK(!EXCLUDED("a/b/c.py", "a/b/c"));
	CHECK(!EXCLUDED("ab/c.py", "a"));
	/* .gitignore patterns: a trailing slash, "**", an anchoring slash */
	CHECK(EXCLUDED("tests/t.py", "tests/"));
	CHECK(EXCLUDED("pkg/tests/t.py", "tests/"));
	CHECK(!EXCLUDED("pkg/tests.py", "tests/"));
	CHECK(EXCLUDED("pkg/tests/t.py", "**/tests/**"));
	CHECK(EXCLUDED("tests/t.py", "**/tests/**"));
	CHECK(EXCLUDED("tests/t.py", "/tests"));
	CHECK(!EXCLUDED("pkg/tests/t.py", "/tests"));
	CHECK(!EXCLUDED("a/b/c.py", "a/*.py"));
#undef EXCLUDED
}

static void check_exclude_walk(void)
{
	const char *paths[] = {at("ex")};
	const char *globs[] = {"skipme", "*_test.py"};
	scout_file_list list;
	scout_scan scan;

	put("ex/keep.py");
	put("ex/keep_test.py");
	put("ex/skipme/a.py");
	put("ex/sub/skipme/b.py");
	put("ex/sub/c.py");
	put("ex/sub/c_test.py");
	util_sh("mkdir -p %s/ex/skipme/locked && chmod 000 %s/ex/skipme/locked", tmp, tmp);
	CHECK_INT(discover(&list, &scan, paths, 1, globs, 2), 0);
	CHECK_STR(rels(&list), "keep.py,sub/c.py");
	CHECK_INT(scan.ndiags, 0); /* the excluded dir was not entered */
	scout_file_list_free(&list);
	scout_scan_free(&scan);
	util_sh("chmod 755 %s/ex/skipme/locked", tmp);
}

static void check_paths(void)
{
	char cwd[4096];
	scout_file_list list;
	scout_scan scan;
	const char *many[] = {"./fs/pkg", "fs//a.py", "fs/pkg/mod.py", "fs/build/gen.py"};
	const char *file[] = {"./fs/pkg/mod.py"};
	const char *missing[] = {"fs/a.py", "nope"};
	const char *odd[] = {"fs/fifo.py", "fs/notes.txt", "fs/b.pyi"};
	const char *excluded_file[] = {"fs/build/gen.py"};
	const char *build_glob[] = {"build"};

	if (!getcwd(cwd, sizeof(cwd)) || chdir(tmp) < 0) {
		CHECK(!"chdir to the temp dir");
		return;
	}
	CHECK_INT(discover(&list, &scan, many, 4, NULL, 0), 0);
	CHECK_STR(rels(&list), "fs/a.py,fs/build/gen.py,fs/pkg/__init__.py,fs/pkg/mod.py");
	CHECK_STR(scan.root, ".");
	CHECK(list.len == 4 && strcmp(list.files[0].fs, "fs//a.py") == 0);
	CHECK(list.len == 4 && strcmp(list.files[3].module, "pkg.mod") == 0);
	scout_file_list_free(&list);
	scout_scan_free(&scan);

	CHECK_INT(discover(&list, &scan, file, 1, NULL, 0), 0);
	CHECK_STR(rels(&list), "fs/pkg/mod.py");
	CHECK_STR(scan.root, "."); /* a file is named from the working directory */
	CHECK(list.len == 1 && strcmp(list.files[0].fs, "./fs/pkg/mod.py") == 0);
	CHECK(list.len == 1 && strcmp(list.files[0].module, "pkg.mod") == 0);
	scout_file_list_free(&list);
	scout_scan_free(&scan);

	CHECK_INT(discover(&list, &scan, missing, 2, NULL, 0), SCOUT_ENOTFOUND);
	CHECK_STR(scout_error_last(), "cannot scan 'nope': No such file or directory");
	CHECK_INT(list.len, 0);
	scout_file_list_free(&list);
	scout_scan_free(&scan);

	CHECK_INT(discover(&list, &scan, odd, 3, NULL, 0), 0);
	CHECK_INT(list.len, 0);
	CHECK_STR(diags(&scan), "fs/b.pyi:skipped:not a .py file,"
	                        "fs/fifo.py:skipped:not a regular file,"
	                        "fs/notes.txt:skipped:not a .py file");
	scout_file_list_free(&list);
	scout_scan_free(&scan);

	CHECK_INT(discover(&list, &scan, excluded_file, 1, build_glob, 1), 0);
	CHECK_INT(list.len, 0); /* --exclude applies to a file given */
	scout_file_list_free(&list);
	scout_scan_free(&scan);

	if (chdir("fs/pkg") == 0) {
		CHECK_INT(discover(&list, &scan, NULL, 0, NULL, 0), 0);
		CHECK_STR(rels(&list), "__init__.py,mod.py");
		CHECK_STR(scan.root, ".");
		CHECK(list.len == 2 && strcmp(list.files[1].fs, "mod.py") == 0);
		CHECK(list.len == 2 && strcmp(list.files[1].module, "mod") == 0);
		scout_file_list_free(&list);
		scout_scan_free(&scan);
	}
	CHECK(chdir(cwd) == 0);
}

static void check_module(const char *path, const char *expected)
{
	char *name = scout_discover_module_name(path);

	CHECK_STR(name, expected);
	free(name);
}

static void check_module_names(void)
{
	char cwd[4096];

	put("mods/src/pkg/__init__.py");
	put("mods/src/pkg/sub/__init__.py");
	put("mods/src/pkg/sub/mod.py");
	put("mods/script.py");
	put("mods/tests/test_x.py");
	put("mods/my-dir/__init__.py");
	put("mods/my-dir/m.py");
	put("mods/__init__.py");
	check_module(at("mods/src/pkg/sub/mod.py"), "pkg.sub.mod");
	check_module(at("mods/src/pkg/sub/__init__.py"), "pkg.sub");
	check_module(at("mods/src/pkg/__init__.py"), "pkg");
	check_module(at("mods/tests/test_x.py"), "test_x");
	check_module(at("mods/my-dir/m.py"), "m");
	if (!getcwd(cwd, sizeof(cwd)) || chdir(at("mods")) < 0) {
		CHECK(!"chdir to the temp dir");
		return;
	}
	check_module("src/pkg/sub/mod.py", "pkg.sub.mod");
	check_module("./src//pkg/sub/mod.py", "pkg.sub.mod");
	check_module("src/pkg/__init__.py", "pkg");
	check_module("src/pkg/sub/__init__.py", "pkg.sub");
	check_module("script.py", "script");
	check_module("./script.py", "script");
	check_module("__init__.py", "__init__");
	check_module("tests/test_x.py", "test_x");
	CHECK(chdir(cwd) == 0);
}

/* Unreadable directories become diagnostics; run as an unprivileged user
 * (root reads everything), in a child when the test runs as root. */
static int unreadable_case(void)
{
	const char *paths[] = {at("unr")};
	scout_file_list list;
	scout_scan scan;
	int failures = 0;

	if (discover(&list, &scan, paths, 1, NULL, 0) != 0)
		failures++;
	if (strcmp(rels(&list), "ok.py") != 0)
		failures++;
	if (strcmp(diags(&scan),
	           "locked:unreadable:cannot open directory: Permission denied,"
	           "noexec:unreadable:cannot open directory: Permission denied") != 0) {
		fprintf(stderr, "unreadable: list %s, diagnostics %s\n", rels(&list), diags(&scan));
		failures++;
	}
	scout_file_list_free(&list);
	scout_scan_free(&scan);
	return failures;
}

static void check_unreadable(void)
{
	pid_t pid;
	int status = 0;

	put("unr/ok.py");
	put("unr/locked/x.py");
	put("unr/noexec/y.py");
	util_sh("chmod 755 %s && chmod 000 %s/unr/locked && chmod 644 %s/unr/noexec", tmp, tmp,
	        tmp);
	if (geteuid() != 0) {
		CHECK_INT(unreadable_case(), 0);
	} else if ((pid = fork()) == 0) {
		if (setgid(65534) < 0 || setuid(65534) < 0)
			_exit(3);
		_exit(unreadable_case());
	} else {
		CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	util_sh("chmod 755 %s/unr/locked %s/unr/noexec", tmp, tmp);
}

/* The git scenario: tracked, deleted, untracked, ignored files. */
static int make_repo(void)
{
	put("repo/tracked.py");
	put("repo/gone.py");
	put("repo/build/b.py");
	put("repo/sub/inner.py");
	put("repo/sub/deeper/d.py");
	put("repo/readme.txt");
	return util_sh("cd %s/repo && printf 'ignored.py\\ngen/\\n' >.gitignore && "
	               "git -c init.defaultBranch=main init -q . && ln -s tracked.py link.py && "
	               "git add -A && git -c user.email=t@example.com -c user.name=t "
	               "-c commit.gpgsign=false commit -qm init && rm gone.py",
	               tmp);
}

static void check_git(void)
{
	const char *root[] = {at("repo")};
	const char *deeper[] = {"deeper"};
	char sub_path[512], fs[512];
	const char *sub[] = {sub_path};
	scout_file_list list;
	scout_scan scan;

	if (util_sh("git --version >/dev/null 2>&1") != 0 || make_repo() != 0) {
		fprintf(stderr, "test_discover: git not available, git cases skipped\n");
		return;
	}
	put("repo/untracked.py");
	put("repo/sub/new.py");
	put("repo/ignored.py");
	put("repo/gen/g.py");
	put("repo/env/pyvenv.cfg");
	put("repo/env/lib/site.py");
	put("repo/newdir/__pycache__/c.py");

	CHECK_INT(discover(&list, &scan, root, 1, NULL, 0), 0);
	CHECK_STR(rels(&list), "build/b.py,sub/deeper/d.py,sub/inner.py,sub/new.py,tracked.py,"
	                       "untracked.py");
	CHECK_STR(scan.source, "worktree");
	CHECK_STR(scan.root, at("repo"));
	CHECK_INT(scan.ndiags, 0);
	scout_file_list_free(&list);
	scout_scan_free(&scan);

	CHECK_INT(discover(&list, &scan, root, 1, deeper, 1), 0);
	CHECK_STR(rels(&list), "build/b.py,sub/inner.py,sub/new.py,tracked.py,untracked.py");
	scout_file_list_free(&list);
	scout_scan_free(&scan);

	snprintf(sub_path, sizeof(sub_path), "%s/repo/sub/", tmp);
	CHECK_INT(discover(&list, &scan, sub, 1, NULL, 0), 0);
	CHECK_STR(rels(&list), "deeper/d.py,inner.py,new.py");
	CHECK_STR(scan.source, "worktree");
	snprintf(fs, sizeof(fs), "%s/repo/sub/inner.py", tmp);
	CHECK(list.len == 3 && strcmp(list.files[1].fs, fs) == 0);
	CHECK(list.len == 3 && strcmp(list.files[1].module, "inner") == 0);
	scout_file_list_free(&list);
	scout_scan_free(&scan);

	/* A directory git ignores, named explicitly: the filesystem walk lists it. */
	snprintf(sub_path, sizeof(sub_path), "%s/repo/gen", tmp);
	CHECK_INT(discover(&list, &scan, sub, 1, NULL, 0), 0);
	CHECK_STR(rels(&list), "g.py");
	CHECK_STR(scan.source, "files");
	scout_file_list_free(&list);
	scout_scan_free(&scan);
}

int main(void)
{
	if (!util_tmpdir(tmp, sizeof(tmp), "discover"))
		return 2;
	check_fs_walk();
	check_excluded();
	check_exclude_walk();
	check_paths();
	check_module_names();
	check_unreadable();
	check_git();
	util_rmtree(tmp);
	return check_report("test_discover");
}
