/* Profile readers: per-file self time of real cProfile, speedscope and folded
 * fixtures (fixtures/profiles/, expected values in expected.tsv made by
 * `python3 fixtures/profiles/make_profiles.py` reading the files back with
 * pstats/json), handmade variants of each format, and hostile input:
 * truncation at every byte, random byte flips, deep nesting, bad references. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "util.h"
#include "scout/profile.h"

#define DIR "fixtures/profiles/"

static bool near(double a, double e)
{
	return fabs(a - e) <= 1e-12 * fabs(e) + 1e-300;
}

#define CHECK_NEAR(actual, expected)                                                               \
	do {                                                                                       \
		double a_ = (actual), e_ = (expected);                                             \
		if (!near(a_, e_)) {                                                               \
			fprintf(stderr, "%s:%d: %s is %.17g, expected %.17g\n", __FILE__,          \
			        __LINE__, #actual, a_, e_);                                        \
		}                                                                                  \
		CHECK(near(a_, e_));                                                               \
	} while (0)

static const scout_profile_entry *find(const scout_profile *p, const char *file)
{
	for (size_t i = 0; i < p->len; i++)
		if (strcmp(p->entries[i].file, file) == 0)
			return &p->entries[i];
	return NULL;
}

/* The self time of file's entry, or -1 when p has none. */
static double self_of(const scout_profile *p, const char *file)
{
	const scout_profile_entry *e = find(p, file);

	return e ? e->self : -1;
}

static bool sorted(const scout_profile *p)
{
	for (size_t i = 1; i < p->len; i++)
		if (strcmp(p->entries[i - 1].file, p->entries[i].file) >= 0)
			return false;
	return true;
}

/* Every row of expected.tsv: fixture, file ("*" total, "#" count), value. */
static void check_fixtures(void)
{
	static const struct {
		const char *prefix, *format;
	} formats[] = {{"sample.prof", "pstats"},
	               {"sample.folded", "folded"},
	               {"sample.speedscope.json", "speedscope"},
	               {"sample.evented.json", "speedscope"},
	               {"handmade.", "pstats"}};
	size_t len, rows = 0;
	char *tsv = util_slurp(DIR "expected.tsv", &len), *line, *save = NULL;
	char current[256] = "";
	scout_profile p = {0};

	CHECK(tsv != NULL);
	for (line = tsv ? strtok_r(tsv, "\n", &save) : NULL; line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *fixture = line, *file, *value;
		double v;

		if (line[0] == '#')
			continue;
		file = strchr(fixture, '\t');
		value = file ? strchr(file + 1, '\t') : NULL;
		CHECK(value != NULL);
		if (!value)
			break;
		*file++ = '\0';
		*value++ = '\0';
		v = strtod(value, NULL);
		if (strcmp(fixture, current) != 0) {
			char path[512];

			scout_profile_free(&p);
			snprintf(current, sizeof(current), "%s", fixture);
			snprintf(path, sizeof(path), DIR "%s", fixture);
			CHECK_INT(scout_profile_load(&p, path), 0);
			CHECK(sorted(&p));
			for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
				if (scout_str_startswith(fixture, formats[i].prefix))
					CHECK_STR(p.format, formats[i].format);
		}
		rows++;
		if (strcmp(file, "#") == 0) {
			CHECK_INT(p.len, (long long)v);
		} else if (strcmp(file, "*") == 0) {
			CHECK_NEAR(p.total, v);
		} else {
			const scout_profile_entry *e = find(&p, file);

			CHECK(e != NULL);
			if (!e)
				fprintf(stderr, "  %s: no entry for %s\n", fixture, file);
			else
				CHECK_NEAR(e->self, v);
		}
	}
	CHECK(rows > 40);
	scout_profile_free(&p);
	free(tsv);
}

/* The hot module is the hot module in all three profilers' views of the run. */
static void check_hot_module(void)
{
	static const char *const files[] = {"sample.prof", "sample.folded",
	                                    "sample.speedscope.json", "sample.evented.json"};

	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char path[256];
		scout_profile p;
		const scout_profile_entry *best = NULL;

		snprintf(path, sizeof(path), DIR "%s", files[i]);
		CHECK_INT(scout_profile_load(&p, path), 0);
		for (size_t j = 0; j < p.len; j++)
			if (!best || p.entries[j].self > best->self)
				best = &p.entries[j];
		CHECK(best && scout_str_endswith(best->file, "proj/geometry.py"));
		CHECK(best && best->self > p.total / 2);
		scout_profile_free(&p);
	}
}

/* Weights each finite but adding up past DBL_MAX: refused, never a NaN share. */
static void check_speedscope_overflow(void)
{
	const char *doc = "{\"shared\":{\"frames\":[{\"name\":\"f\",\"file\":\"a.py\"}]},\n"
	                  " \"profiles\":[{\"type\":\"sampled\",\"name\":\"t\",\"unit\":\"none\",\n"
	                  "   \"startValue\":0,\"endValue\":1,\"samples\":[[0],[0]],\n"
	                  "   \"weights\":[1e308,1e308]}]}\n";
	scout_profile p;

	CHECK(scout_profile_parse(&p, doc, strlen(doc)) < 0);
	CHECK(strstr(scout_error_last(), "add up past the largest number") != NULL);
}

static void check_speedscope(void)
{
	/* frames: 0 main (a.py), 1 hot (pkg/b.py), 2 native (no file), 3 idle (""),
	 * 4 never sampled (pkg/c.py) */
	const char *doc =
	    "{\"$schema\":\"https://www.speedscope.app/file-format-schema.json\",\n"
	    " \"shared\":{\"frames\":[{\"name\":\"main\",\"file\":\"a.py\",\"line\":1},\n"
	    "   {\"name\":\"hot\",\"file\":\"pkg/b.py\"},{\"name\":\"native\"},\n"
	    "   {\"name\":\"idle\",\"file\":\"\"},{\"name\":\"cold\",\"file\":\"pkg/c.py\"}]},\n"
	    " \"profiles\":[\n"
	    "  {\"type\":\"sampled\",\"name\":\"t1\",\"unit\":\"milliseconds\",\"startValue\":0,\n"
	    "   \"endValue\":10,\"samples\":[[0,1],[0],[0,1,2],[],[3],[0,1]],\n"
	    "   \"weights\":[2,1,4,8,16,32]},\n"
	    "  {\"type\":\"sampled\",\"name\":\"t2\",\"unit\":\"none\",\"startValue\":0,\n"
	    "   \"endValue\":3,\"samples\":[[1],[1,0]],\"weights\":[1,2]},\n"
	    "  {\"type\":\"evented\",\"name\":\"t3\",\"unit\":\"microseconds\",\"startValue\":0,\n"
	    "   \"endValue\":100,\"events\":[{\"type\":\"O\",\"frame\":0,\"at\":10},\n"
	    "   {\"type\":\"O\",\"frame\":1,\"at\":30},{\"type\":\"C\",\"frame\":1,\"at\":70},\n"
	    "   {\"type\":\"O\",\"frame\":2,\"at\":70},{\"type\":\"C\",\"frame\":2,\"at\":75},\n"
	    "   {\"type\":\"C\",\"frame\":0,\"at\":100}]}]}\n";
	scout_profile p;

	CHECK_INT(scout_profile_parse(&p, doc, strlen(doc)), 0);
	CHECK_STR(p.format, "speedscope");
	CHECK_INT(p.len, 3);
	/* a.py: 1 ms + 2 (none) + 45 us */
	CHECK_NEAR(self_of(&p, "a.py"), 0.001 + 2 + 45e-6);
	/* pkg/b.py: 2 ms + 32 ms + 1 (none) + 40 us */
	CHECK_NEAR(self_of(&p, "pkg/b.py"), 0.034 + 1 + 40e-6);
	CHECK_NEAR(self_of(&p, "pkg/c.py"), 0);
	/* plus native 4 ms + 5 us and idle 16 ms; the empty stack counts nowhere */
	CHECK_NEAR(p.total, 0.001 + 2 + 45e-6 + 0.034 + 1 + 40e-6 + 0.004 + 5e-6 + 0.016);
	scout_profile_free(&p);
}

static void check_speedscope_errors(void)
{
	static const struct {
		const char *doc, *error;
	} cases[] = {
	    {"{\"a\":1}", "not a profile: JSON without speedscope's shared.frames"},
	    {"{\"shared\":{\"frames\":[]},\"profiles\":[{\"type\":\"sampled\",\"samples\":[[0]]}]}",
	     "speedscope: profile 1 names a frame that is not in shared.frames"},
	    {"{\"shared\":{\"frames\":[{}]},\"profiles\":[{\"type\":\"sampled\",\"samples\":[[0.5]]"
	     "}]}",
	     "speedscope: profile 1 names a frame"},
	    {"{\"shared\":{\"frames\":[{}]},\"profiles\":[{\"type\":\"sampled\",\"samples\":[[0]],"
	     "\"weights\":[1,2]}]}",
	     "speedscope: profile 1 has not one weight per sample"},
	    {"{\"shared\":{\"frames\":[{}]},\"profiles\":[{\"type\":\"sampled\",\"samples\":[[0]],"
	     "\"weights\":[1e999]}]}",
	     "speedscope: profile 1 has a weight"},
	    {"{\"shared\":{\"frames\":[{}]},\"profiles\":[{\"type\":\"flat\"}]}",
	     "speedscope: profile 1 is neither sampled nor evented"},
	    {"{\"shared\":{\"frames\":[{},{}]},\"profiles\":[{\"type\":\"evented\",\"events\":["
	     "{\"type\":\"O\",\"frame\":0,\"at\":1},{\"type\":\"C\",\"frame\":1,\"at\":2}]}]}",
	     "speedscope: profile 1 has an event that neither opens"},
	    {"{\"shared\":{\"frames\":[{}]},\"profiles\":[{\"type\":\"evented\",\"events\":["
	     "{\"type\":\"O\",\"frame\":0,\"at\":5},{\"type\":\"C\",\"frame\":0,\"at\":2}]}]}",
	     "speedscope: profile 1 has an event whose `at`"},
	    {"{\"shared\":{\"frames\":[{}]},\"profiles\":[{\"type\":\"evented\",\"events\":["
	     "{\"type\":\"O\",\"frame\":0,\"at\":5}]}]}",
	     "speedscope: profile 1 ends with 1 frames open"},
	    {"  {\"shared\":", "not a profile: invalid JSON near byte"},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		scout_profile p;

		CHECK_INT(scout_profile_parse(&p, cases[i].doc, strlen(cases[i].doc)), SCOUT_ERROR);
		CHECK(scout_str_startswith(scout_error_last(), cases[i].error));
		if (!scout_str_startswith(scout_error_last(), cases[i].error))
			fprintf(stderr, "  case %zu: %s\n", i, scout_error_last());
		CHECK_INT(p.len, 0);
	}
}

static void check_folded(void)
{
	const char *text = "# austin: 3.6.0\r\n"
	                   "# interval: 100\n"
	                   "\n"
	                   "<module> (app.py:3);run (pkg/core.py:10);step (pkg/core.py:20) 5\r\n"
	                   "<module> (app.py:3);run (pkg/core.py) 2\n"
	                   "<module> (app.py:3);len (<built-in>) 1\n"
	                   "thread (0x7f01);<module> (app.py) 4\n"
	                   "process 12:\"python app.py\";thread (0x7f01) 3\n"
	                   "P12;T0:34;/srv/app.py:<module>:3;/srv/pkg/io.py:read:7 6\n"
	                   "P12;T0:34;/srv/app.py:<module>;L3;/srv/pkg/io.py:read;L9 8\n"
	                   "P12;T0:34;/srv/pkg/io.py:read:7;:GC: 9\n"
	                   "P12;T0:34;C:\\srv\\win.py:main:2 7,0,-100\n"
	                   "main;perf_only_func 10\n"
	                   "<module> (app.py:3);run (pkg/core.py:10) 1 3\n"
	                   "\t<module> (app.py:3) 0.5  \n";
	scout_profile p;

	CHECK_INT(scout_profile_parse(&p, text, strlen(text)), 0);
	CHECK_STR(p.format, "folded");
	CHECK_INT(p.len, 6);
	CHECK_STR(p.len ? p.entries[0].file : NULL, "/srv/app.py");
	CHECK_NEAR(self_of(&p, "pkg/core.py"), 5 + 2 + 3);
	CHECK_NEAR(self_of(&p, "app.py"), 4 + 0.5);
	CHECK_NEAR(self_of(&p, "<built-in>"), 1);
	CHECK_NEAR(self_of(&p, "/srv/pkg/io.py"), 6 + 8);
	CHECK_NEAR(self_of(&p, "/srv/app.py"), 0);
	CHECK_NEAR(self_of(&p, "C:\\srv\\win.py"), 7);
	CHECK(find(&p, "T0") == NULL && find(&p, "P12") == NULL && find(&p, "0x7f01") == NULL);
	CHECK_NEAR(p.total, 5 + 2 + 1 + 4 + 3 + 6 + 8 + 9 + 7 + 10 + 3 + 0.5);
	scout_profile_free(&p);

	CHECK_INT(scout_profile_parse(&p, "\xef\xbb\xbfmain (m.py:1) 2\n", 19), 0);
	CHECK_STR(p.len ? p.entries[0].file : NULL, "m.py");
	scout_profile_free(&p);
	CHECK_INT(scout_profile_parse(&p, "a;b 1\na;b\n", 10), SCOUT_ERROR);
	CHECK_STR(scout_error_last(), "folded stacks: line 2 does not end in a sample count");
	CHECK_INT(scout_profile_parse(&p, "a;b -1\n", 7), SCOUT_ERROR);
	CHECK(scout_str_startswith(scout_error_last(), "not a profile: neither pstats"));
	CHECK_INT(scout_profile_parse(&p, "hello world\n", 12), SCOUT_ERROR);
	CHECK_INT(scout_profile_parse(&p, "a 1\0 2\n", 7), SCOUT_ERROR);
}

static void check_marshal_corners(void)
{
	/* {(u"x.py", 1, u"f"): (1, 1, tt, 0, {})} with tt an 'I' int64, and with
	 * the key written once and referenced (FLAG_REF then 'r') */
	static const char int64[] = "{(\x03\0\0\0z\x04x.pyi\x01\0\0\0z\x01"
	                            "f"
	                            "(\x05\0\0\0i\x01\0\0\0i\x01\0\0\0I\x07\0\0\0\0\0\0\0"
	                            "i\0\0\0\0{00";
	static const char refkey[] = "{\xa9\x03\xfa\x04x.pyi\x01\0\0\0z\x01"
	                             "f)\x05NNg\0\0\0\0\0\0"
	                             "\xf0?NN"
	                             "r\0\0\0\0)\x05NNg\0\0\0\0\0\0\0@NN0";
	scout_profile p;

	CHECK_INT(scout_profile_parse(&p, int64, sizeof(int64) - 1), 0);
	CHECK_INT(p.len, 1);
	CHECK_NEAR(p.total, 7);
	scout_profile_free(&p);
	/* the same key twice (as a hostile file may): both count */
	CHECK_INT(scout_profile_parse(&p, refkey, sizeof(refkey) - 1), 0);
	CHECK_INT(p.len, 1);
	CHECK_NEAR(p.len ? p.entries[0].self : -1, 3);
	scout_profile_free(&p);

#define BAD(data, error)                                                                           \
	{                                                                                          \
		data, sizeof(data) - 1, error                                                      \
	}
	static const struct {
		const char *data;
		size_t len;
		const char *error;
	} bad[] = {
	    BAD("{r\x05\0\0\0", "bad pstats data at byte 1: invalid reference"),
	    BAD("{c\0\0\0\0", "bad pstats data at byte 1: code objects are not supported"),
	    BAD("{?", "bad pstats data at byte 1: unknown marshal type 0x3f"),
	    BAD("{\xa8\x01\0\0\0r\0\0\0\0N0", "not a pstats profile: entry 1 is not"),
	    BAD("{)\x03N", "truncated pstats data at byte 4"),
	    BAD("{(\xff\xff\xff\x7f", "truncated pstats data at byte 6"),
	    BAD("{(\xff\xff\xff\xff", "bad pstats data at byte 2: negative size"),
	    BAD("{l\x02\0\0\0\x01\x80\x01\0", "bad pstats data at byte 2: digit out of range"),
	    BAD("{f\x03"
	        "abcN",
	        "bad pstats data at byte 3: float text is not a number"),
	    BAD("{N0", "bad pstats data at byte 2: NULL dict value"),
	    BAD("{)\x00)\x05NNg\0\0\0\0\0\0\xf8\x7fNN0", "not a pstats profile: entry 1 is not"),
	    BAD("{\xa9\x03z\x01"
	        "ai\0\0\0\0N)\x05NNg\0\0\0\0\0\0\xf0\x7fNN0",
	        "not a pstats profile: entry 1 has a self time that is not a finite number"),
	    BAD("\xfb"
	        "0",
	        NULL),
	    BAD("{\xdb\x01\0\0\0r\0\0\0\0N0", "not a pstats profile: entry 1 is not"),
	};
#undef BAD
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int rc = scout_profile_parse(&p, bad[i].data, bad[i].len);

		CHECK_INT(rc, bad[i].error ? SCOUT_ERROR : 0);
		if (bad[i].error && !scout_str_startswith(scout_error_last(), bad[i].error))
			fprintf(stderr, "  case %zu: %s\n", i, scout_error_last());
		if (bad[i].error)
			CHECK(scout_str_startswith(scout_error_last(), bad[i].error));
		scout_profile_free(&p);
	}
}

static void check_deep(void)
{
	scout_buf b = {0};
	scout_profile p;

	/* a key made of 100000 nested one-tuples, then lists, then dicts */
	scout_buf_putc(&b, '{');
	for (int i = 0; i < 100000; i++)
		scout_buf_put(&b, ")\x01", 2);
	scout_buf_putc(&b, 'N');
	CHECK_INT(scout_profile_parse(&p, b.data, b.len), SCOUT_ERROR);
	CHECK_STR(scout_error_last(), "bad pstats data at byte 127: nested deeper than 64 levels");
	b.len = 1;
	for (int i = 0; i < 100000; i++)
		scout_buf_put(&b, "[\x01\0\0\0", 5);
	CHECK_INT(scout_profile_parse(&p, b.data, b.len), SCOUT_ERROR);
	CHECK(scout_str_startswith(scout_error_last(), "bad pstats data"));
	b.len = 0;
	for (int i = 0; i < 100000; i++)
		scout_buf_putc(&b, '{');
	CHECK_INT(scout_profile_parse(&p, b.data, b.len), SCOUT_ERROR);
	CHECK(scout_str_startswith(scout_error_last(), "bad pstats data"));
	/* JSON nested 100000 deep: cJSON refuses past its nesting limit */
	b.len = 0;
	for (int i = 0; i < 100000; i++)
		scout_buf_puts(&b, "{\"a\":");
	CHECK_INT(scout_profile_parse(&p, b.data, b.len), SCOUT_ERROR);
	CHECK(scout_str_startswith(scout_error_last(), "not a profile: invalid JSON"));
	scout_buf_free(&b);
}

static void check_empty_and_load(void)
{
	scout_profile p;

	CHECK_INT(scout_profile_parse(&p, "", 0), SCOUT_ERROR);
	CHECK_STR(scout_error_last(), "not a profile: empty input");
	CHECK_INT(scout_profile_parse(&p, NULL, 0), SCOUT_ERROR);
	CHECK_INT(scout_profile_parse(&p, " \r\n\t\n", 5), SCOUT_ERROR);
	CHECK_STR(scout_error_last(), "not a profile: empty input");
	CHECK_INT(scout_profile_parse(&p, "\x89PNG\r\n\x1a\n", 8), SCOUT_ERROR);
	CHECK_INT(p.len, 0);
	CHECK(p.format == NULL);
	CHECK_INT(scout_profile_load(&p, DIR "no-such.prof"), SCOUT_ENOTFOUND);
	CHECK(
	    scout_str_startswith(scout_error_last(), DIR "no-such.prof: cannot read the profile"));
	CHECK_INT(scout_profile_load(&p, DIR), SCOUT_EIO);
	CHECK_STR(scout_error_last(), DIR ": cannot read the profile: not a regular file (a "
	                                  "directory) (write it to a file first)");
	CHECK_INT(scout_profile_load(&p, DIR "workload.py"), SCOUT_ERROR);
	CHECK(scout_str_startswith(scout_error_last(), DIR "workload.py: not a profile"));
	scout_profile_free(&p);
	scout_profile_free(NULL);
}

/* Every prefix of every fixture gives an error or a result, never a crash;
 * a prefix of a pstats file is always "truncated pstats data at byte <its length>". */
static void check_prefixes(void)
{
	static const char *const files[] = {
	    "sample.prof",      "handmade.v0.prof",       "handmade.v3.prof",
	    "handmade.v4.prof", "sample.speedscope.json", "sample.evented.json",
	    "sample.folded"};

	for (size_t f = 0; f < sizeof(files) / sizeof(files[0]); f++) {
		char path[256];
		size_t len, truncated = 0, pstats = scout_str_endswith(files[f], ".prof");
		char *data;

		snprintf(path, sizeof(path), DIR "%s", files[f]);
		CHECK((data = util_slurp(path, &len)) != NULL);
		for (size_t n = 1; data && n < len; n++) {
			char *copy = scout_malloc(n), want[64];
			scout_profile p;
			int rc;

			memcpy(copy, data, n); /* exact size: ASan sees any over-read */
			rc = scout_profile_parse(&p, copy, n);
			snprintf(want, sizeof(want), "truncated pstats data at byte %zu", n);
			truncated += rc == SCOUT_ERROR && strcmp(scout_error_last(), want) == 0;
			CHECK(rc == 0 || p.len == 0);
			scout_profile_free(&p);
			free(copy);
		}
		/* (a lone "{" is taken for JSON: only 0xfb is marshal alone) */
		if (pstats && data)
			CHECK_INT(truncated, len - 1 - (data[0] == '{'));
		free(data);
	}
}

static void check_flips(void)
{
	static const char *const files[] = {"sample.prof", "handmade.v2.prof", "handmade.v4.prof",
	                                    "sample.speedscope.json", "sample.folded"};
	uint64_t seed = 0x9e3779b97f4a7c15ULL;
	size_t ok = 0, failed = 0;

	for (size_t f = 0; f < sizeof(files) / sizeof(files[0]); f++) {
		char path[256];
		size_t len;
		char *data;

		snprintf(path, sizeof(path), DIR "%s", files[f]);
		if (!(data = util_slurp(path, &len)) || len == 0) {
			CHECK(0);
			free(data);
			continue;
		}
		for (int round = 0; round < 3000; round++) {
			char *copy = scout_malloc(len);
			scout_profile p;
			int flips;

			memcpy(copy, data, len);
			seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
			flips = 1 + (int)(seed >> 60) % 4;
			for (int i = 0; i < flips; i++) {
				seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
				copy[(seed >> 17) % len] ^= (char)(1u << ((seed >> 9) % 8));
			}
			if (scout_profile_parse(&p, copy, len) == 0) {
				ok++;
				if (!sorted(&p))
					CHECK(sorted(&p));
			} else {
				failed++;
				CHECK(p.len == 0 && scout_error_last()[0] != '\0');
			}
			scout_profile_free(&p);
			free(copy);
		}
		free(data);
	}
	CHECK(ok > 0 && failed > 0);
	printf("byte flips: %zu parsed, %zu rejected\n", ok, failed);
}

int main(void)
{
	check_fixtures();
	check_hot_module();
	check_speedscope();
	check_speedscope_overflow();
	check_speedscope_errors();
	check_folded();
	check_marshal_corners();
	check_deep();
	check_empty_and_load();
	check_prefixes();
	check_flips();
	return check_report("test_profile");
}
