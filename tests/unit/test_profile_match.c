/* Matching profile files to project modules (scout_hotness_profile, README
 * "Profiles"): one crafted profile, written in each format (pstats marshal,
 * folded stacks, speedscope JSON), over a scan of a real directory. The
 * stdlib's tokenize.py and functools.py are not black's or lagom's; an
 * installed copy under site-packages is the project; a relative path is
 * placed; a tie is reported with its candidates, never split or dropped. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "scout/hotness.h"
#include "scout/profile.h"

static char root[] = "/tmp/scout-profile-match-XXXXXX";

/* The modules of the scan: path, dotted name, package, shipped. */
static const struct {
	const char *path, *module;
	bool package, shipped;
} modules[] = {
    {"a/util.py", "a.util", false, true},
    {"b/util.py", "b.util", false, true},
    {"lagom/__init__.py", "lagom", true, true},
    {"lagom/functools.py", "lagom.functools", false, true},
    {"six.py", "six", false, true},
    {"sqlglot/__init__.py", "sqlglot", true, true},
    {"src/blib2to3/pgen2/tokenize.py", "blib2to3.pgen2.tokenize", false, true},
    {"tests/sqlglot/__init__.py", "sqlglot", true, false},
    {"tests/test_x.py", "test_x", false, false},
};
#define NMODULES (sizeof(modules) / sizeof(*modules))

/* The profile's files and self times; "ROOT" stands for the scanned
 * directory. */
static const struct {
	const char *file;
	double self;
} frames[] = {
    {"/usr/lib/python3.11/tokenize.py", 10},       /* stdlib: outside */
    {"/usr/lib/python3.11/functools.py", 20},      /* stdlib: outside */
    {"/usr/lib/python3.11/lagom/functools.py", 1}, /* a library dir: outside */
    {"ROOT/lagom/functools.py", 1},                /* the module itself */
    {"ROOT/lagom/../lagom/functools.py", 1},       /* the same, unnormalised */
    {"/home/u/.venv/lib/python3.11/site-packages/sqlglot/__init__.py", 4}, /* installed */
    {"/opt/v/lib/python3.11/dist-packages/blib2to3/pgen2/tokenize.py", 8}, /* installed */
    {"/opt/v/lib/python3.11/site-packages/click/core.py", 16}, /* third party: outside */
    {"/ci/work/lagom/__init__.py", 2},                         /* another checkout */
    {"/ci/work/six.py", 1},                                    /* its top-level module */
    {"/usr/lib/python3.11/six.py", 64},                        /* not a checkout: outside */
    {"tests/test_x.py", 2},                                    /* relative: not shipped */
    {"util.py", 3},                                            /* relative: a tie */
    {"C:\\v\\Lib\\site-packages\\six.py", 32},                 /* installed, Windows */
    {"C:\\Python311\\Lib\\lagom\\__init__.py", 128},           /* a library dir */
};
#define NFRAMES (sizeof(frames) / sizeof(*frames))
#define TOTAL   (10 + 20 + 1 + 1 + 1 + 4 + 8 + 16 + 2 + 1 + 64 + 2 + 3 + 32 + 128)

static char *frame_file(size_t i)
{
	if (strncmp(frames[i].file, "ROOT/", 5) == 0)
		return scout_asprintf("%s/%s", root, frames[i].file + 5);
	return scout_strdup(frames[i].file);
}

/* ---- the profile in each format ---------------------------------------------- */

static void put_u32(scout_buf *b, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		scout_buf_putc(b, (char)(v >> (8 * i)));
}

static void put_str(scout_buf *b, const char *s)
{
	scout_buf_putc(b, 'u');
	put_u32(b, (uint32_t)strlen(s));
	scout_buf_puts(b, s);
}

static void put_int(scout_buf *b, uint32_t v)
{
	scout_buf_putc(b, 'i');
	put_u32(b, v);
}

static void put_float(scout_buf *b, double d)
{
	unsigned char bytes[8];

	memcpy(bytes, &d, 8); /* marshal's binary float: IEEE 754, little-endian */
	scout_buf_putc(b, 'g');
	scout_buf_put(b, (const char *)bytes, 8);
}

/* {(file, line, name): (cc, nc, tt, ct, {}), ...} as marshal writes it, plus
 * a built-in ("~") frame of 5 s. */
static void make_pstats(scout_buf *b)
{
	scout_buf_putc(b, '{');
	for (size_t i = 0; i <= NFRAMES; i++) {
		char *file = i < NFRAMES ? frame_file(i) : scout_strdup("~");

		scout_buf_puts(b, ")\x03");
		put_str(b, file);
		put_int(b, (uint32_t)i + 1);
		put_str(b, "f");
		scout_buf_puts(b, ")\x05");
		put_int(b, 1);
		put_int(b, 1);
		put_float(b, i < NFRAMES ? frames[i].self : 5);
		put_float(b, i < NFRAMES ? frames[i].self : 5);
		scout_buf_puts(b, "{0");
		free(file);
	}
	scout_buf_putc(b, '0');
}

/* py-spy's raw format; a thread frame (no file) for the 5 built-in units. */
static void make_folded(scout_buf *b)
{
	for (size_t i = 0; i < NFRAMES; i++) {
		char *file = frame_file(i);

		scout_buf_printf(b, "thread (0x1);f (%s:%zu) %d\n", file, i + 1,
		                 (int)frames[i].self);
		free(file);
	}
	scout_buf_puts(b, "thread (0x1) 5\n");
}

/* Sampled, in seconds; frame NFRAMES names no file. */
static void make_speedscope(scout_buf *b)
{
	scout_buf_puts(b, "{\"shared\":{\"frames\":[");
	for (size_t i = 0; i < NFRAMES; i++) {
		char *file = frame_file(i);

		scout_buf_puts(b, "{\"name\":\"f\",\"file\":\"");
		for (const char *c = file; *c; c++) /* a JSON string: '\\' escaped */
			scout_buf_puts(b, *c == '\\' ? "\\\\" : (char[]){*c, '\0'});
		scout_buf_puts(b, "\"},");
		free(file);
	}
	scout_buf_puts(b, "{\"name\":\"native\"}]},\"profiles\":[{\"type\":\"sampled\",\"unit\":"
	                  "\"seconds\",\"startValue\":0,\"endValue\":1,\"samples\":[");
	for (size_t i = 0; i <= NFRAMES; i++)
		scout_buf_printf(b, "%s[%zu]", i ? "," : "", i);
	scout_buf_puts(b, "],\"weights\":[");
	for (size_t i = 0; i <= NFRAMES; i++)
		scout_buf_printf(b, "%s%g", i ? "," : "", i < NFRAMES ? frames[i].self : 5);
	scout_buf_puts(b, "]}]}\n");
}

/* ---- the checks ----------------------------------------------------------- */

static void build_scan(scout_scan *scan)
{
	memset(scan, 0, sizeof(*scan));
	scan->root = scout_strdup(root);
	scan->modules = scout_calloc(NMODULES, sizeof(*scan->modules));
	scan->nmodules = NMODULES;
	for (size_t i = 0; i < NMODULES; i++) {
		scan->modules[i].path = scout_strdup(modules[i].path);
		scan->modules[i].module = scout_strdup(modules[i].module);
		scan->modules[i].is_package = modules[i].package;
		scan->modules[i].shipped = modules[i].shipped;
	}
}

static double hotness_of(const scout_scan *scan, const char *path)
{
	for (size_t i = 0; i < scan->nmodules; i++)
		if (strcmp(scan->modules[i].path, path) == 0)
			return scan->modules[i].hotness;
	return -1;
}

static bool near(double a, double e)
{
	return fabs(a - e) < 1e-4;
}

static void check_format(const char *format, void (*make)(scout_buf *))
{
	scout_buf b = {0};
	scout_profile p;
	scout_scan scan;
	const scout_profile_placement *pl = &scan.profile;
	const double total = TOTAL + 5, shipped = 1 + 1 + 4 + 8 + 2 + 1 + 32;

	make(&b);
	build_scan(&scan);
	CHECK_INT(scout_profile_parse(&p, b.data, b.len), 0);
	CHECK_STR(p.format, format);
	scout_hotness_profile(&scan, &p, format);
	CHECK(near(pl->shipped, shipped / total));
	CHECK(near(pl->not_shipped, 2 / total));
	CHECK(near(pl->ambiguous, 3 / total));
	CHECK(near(pl->outside, (10 + 20 + 1 + 16 + 64 + 128 + 5) / total));
	CHECK(near(pl->shipped + pl->not_shipped + pl->ambiguous + pl->outside, 1));
	/* the stdlib's tokenize.py is not black's; its functools.py not lagom's */
	CHECK(near(hotness_of(&scan, "src/blib2to3/pgen2/tokenize.py"), 8 / shipped));
	CHECK(near(hotness_of(&scan, "lagom/functools.py"), 2 / shipped));
	/* the installed copy: the shipped sqlglot package, not the tests' one */
	CHECK(near(hotness_of(&scan, "sqlglot/__init__.py"), 4 / shipped));
	CHECK(near(hotness_of(&scan, "tests/sqlglot/__init__.py"), 0));
	CHECK(near(hotness_of(&scan, "lagom/__init__.py"), 2 / shipped));
	CHECK(near(hotness_of(&scan, "six.py"), (1 + 32) / shipped));
	CHECK(near(hotness_of(&scan, "tests/test_x.py"), 0));
	CHECK(near(hotness_of(&scan, "a/util.py"), 0) && near(hotness_of(&scan, "b/util.py"), 0));
	CHECK_INT(pl->nties, 1);
	if (pl->nties == 1) {
		CHECK_STR(pl->ties[0].file, "util.py");
		CHECK(near(pl->ties[0].share, 3 / total));
		CHECK_INT(pl->ties[0].nmodules, 2);
		if (pl->ties[0].nmodules == 2) {
			CHECK_STR(pl->ties[0].modules[0], "a/util.py");
			CHECK_STR(pl->ties[0].modules[1], "b/util.py");
		}
	}
	CHECK(scout_str_startswith(scan.hotness_source, "profile:") &&
	      strcmp(scan.hotness_source + 8, format) == 0);
	scout_profile_free(&p);
	scout_scan_free(&scan);
	scout_buf_free(&b);
}

/* The scanned directory reached through a symlink: the profile names the
 * real path, the scan the link. */
static void check_symlinked_root(void)
{
	char *link = scout_asprintf("%s.link", root), *file = scout_asprintf("%s/six.py", root);
	scout_profile p = {0};
	scout_profile_entry e = {file, 1.0};
	scout_scan scan;

	p.entries = &e;
	p.len = 1;
	p.total = 2.0;
	CHECK_INT(symlink(root, link), 0);
	build_scan(&scan);
	free(scan.root);
	scan.root = scout_strdup(link);
	scout_hotness_profile(&scan, &p, "x");
	CHECK(near(hotness_of(&scan, "six.py"), 1));
	CHECK(near(scan.profile.outside, 0.5));
	scout_scan_free(&scan);
	unlink(link);
	free(link);
	free(file);
}

int main(void)
{
	if (!mkdtemp(root)) {
		perror("mkdtemp");
		return 1;
	}
	check_format("pstats", make_pstats);
	check_format("folded", make_folded);
	check_format("speedscope", make_speedscope);
	check_symlinked_root();
	rmdir(root);
	return check_report("test_profile_match");
}
