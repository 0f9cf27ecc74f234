/* The result cache: entries round-trip every field of a result (a synthetic
 * one with every field set and a real analysis), corrupt or foreign entries
 * are misses, keys follow the configuration and the content, concurrent
 * stores and lookups agree, and discovery knows a clean index entry's blob id
 * without reading the file. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <git2.h>

#include "check.h"
#include "util.h"
#include "registry.h"
#include "scout/cache.h"
#include "scout/config.h"
#include "scout/discover.h"

static char tmp[64];

/* `printf 'x = 1\n' | git hash-object --stdin` */
#define BLOB_X1 "7d4290a117a4ddcc11daae7ea675841033830c8f"

static const char *rule_id(const char *id)
{
	const scout_rule *r = scout_rules_find(id);

	if (!r) {
		fprintf(stderr, "no rule %s\n", id);
		exit(2);
	}
	return r->id;
}

/* --- a result with every field set ---------------------------------------- */

static void add_class(scout_module *m, const char *name, uint32_t k)
{
	scout_class_info c = {
	    .name = scout_strdup(name),
	    .line = 10 + k,
	    .column = 7,
	    .end_line = 10 + k,
	    .end_column = 7 + (uint32_t)strlen(name),
	    .kind = (uint8_t)(k + 2),
	    .trait = k == 0,
	    .allow_interpreted = k == 1,
	    .bad_builtin = k == 0 ? scout_strdup("dict") : NULL,
	};

	c.nbases = 2;
	c.bases = scout_calloc(2, sizeof(*c.bases));
	c.bases[0] = scout_strdup("pkg.base.Base");
	c.bases[1] = scout_strdup(""); /* not a name */
	c.nattrs = 3;
	c.attrs = scout_calloc(3, sizeof(*c.attrs));
	c.attrs[0] = (scout_class_attr){scout_strdup("x"), SCOUT_MEMBER_VAR};
	c.attrs[1] = (scout_class_attr){scout_strdup("K"), SCOUT_MEMBER_FINAL};
	c.attrs[2] = (scout_class_attr){scout_strdup("run"), SCOUT_MEMBER_METHOD};
	SCOUT_PUSH(m->classes, m->nclasses, m->classes_cap, c);
}

static void add_links(scout_module *m)
{
	scout_import imp[] = {
	    {scout_strdup("os.path"), NULL, 1, false, false},
	    {scout_strdup(".util"), scout_strdup("helper"), 2, true, false},
	    {scout_strdup("typing"), scout_strdup("List"), 3, false, true},
	};
	scout_callref call = {scout_strdup("pkg.util.helper"), 4};
	scout_patch patch = {scout_strdup("pkg.mod.name"), 40};
	scout_attr_ref ref = {
	    scout_strdup(".util.Thing"), scout_strdup("attr"), 50, 5, 51, 9, true};

	m->nbindings = 2;
	m->bindings = scout_calloc(2, sizeof(*m->bindings));
	m->bindings[0] = (scout_binding){scout_strdup("path"), scout_strdup("os.path"), 1, 8, 0};
	m->bindings[1] =
	    (scout_binding){scout_strdup("helper"), scout_strdup("pkg.util.helper"), 2, 19, 2};
	m->nasked = 1;
	m->asked = scout_calloc(1, sizeof(*m->asked));
	m->asked[0] = scout_strdup("pkg.util.helper");
	for (size_t i = 0; i < 3; i++)
		SCOUT_PUSH(m->imports, m->nimports, m->imports_cap, imp[i]);
	SCOUT_PUSH(m->calls, m->ncalls, m->calls_cap, call);
	SCOUT_PUSH(m->patches, m->npatches, m->patches_cap, patch);
	SCOUT_PUSH(m->attr_refs, m->nattr_refs, m->attr_refs_cap, ref);
}

/* A result whose every field differs from its zero value. */
static void rich_result(scout_file_result *r)
{
	scout_module *m = &r->module;

	memset(r, 0, sizeof(*r));
	m->path = scout_strdup("src/pkg/mod.py");
	m->module = scout_strdup("pkg.mod");
	m->lines = 321;
	m->ann = (scout_annotations){11, 9, 7, 40, 33, 2, 1};
	scout_module_add_finding(m, rule_id("nested-class"), SCOUT_BLOCKER, 12, 5, 14, 20,
	                         "class defined inside \"f\" \xE2\x80\x94 \x01\x7f", "move it");
	scout_module_add_finding(m, rule_id("nested-class"), SCOUT_BLOCKER, 30, 1, 30, 9,
	                         "class defined inside \"f\" \xE2\x80\x94 \x01\x7f", "");
	scout_module_add_finding(m, rule_id("syntax-error"), SCOUT_BLOCKER, 3, 2, 3, 4,
	                         "unexpected token", "fix it");
	scout_module_finish(m, 0.8); /* sorts, fingerprints (with a "-2"), verdict, score */
	m->score = 42;               /* the finish set 0: any value must survive */
	m->hotness = 0.123456789;
	m->has_hotness = true;
	m->is_package = true;
	add_class(m, "Outer", 0);
	add_class(m, "Other", 1);
	add_links(m);
	m->fn_work = 70000; /* past 16 bits */
	m->compiled_now = true;
	r->has_module = true;
	scout_file_result_add_diag(r, "src/pkg/mod.py", SCOUT_DIAG_SYNTAX_ERROR, 3, "bad");
	scout_file_result_add_diag(r, "src/pkg/mod.py", SCOUT_DIAG_NOT_UTF8, 0, "latin");
}

/* --- comparing every field ------------------------------------------------- */

static bool same_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static void same_classes(const scout_module *a, const scout_module *b)
{
	CHECK_INT(b->nclasses, a->nclasses);
	for (size_t i = 0; i < a->nclasses && i < b->nclasses; i++) {
		const scout_class_info *x = &a->classes[i], *y = &b->classes[i];

		CHECK(same_str(x->name, y->name));
		CHECK(x->line == y->line && x->column == y->column);
		CHECK(x->end_line == y->end_line && x->end_column == y->end_column);
		CHECK_INT(y->nbases, x->nbases);
		for (uint32_t j = 0; j < x->nbases && j < y->nbases; j++)
			CHECK(same_str(x->bases[j], y->bases[j]));
		CHECK_INT(y->kind, x->kind);
		CHECK(x->trait == y->trait && x->allow_interpreted == y->allow_interpreted);
		CHECK(same_str(x->bad_builtin, y->bad_builtin));
		CHECK_INT(y->nattrs, x->nattrs);
		for (uint32_t j = 0; j < x->nattrs && j < y->nattrs; j++) {
			CHECK(same_str(x->attrs[j].name, y->attrs[j].name));
			CHECK_INT(y->attrs[j].kind, x->attrs[j].kind);
		}
	}
}

static void same_links(const scout_module *a, const scout_module *b)
{
	CHECK_INT(b->nbindings, a->nbindings);
	for (size_t i = 0; i < a->nbindings && i < b->nbindings; i++) {
		CHECK(same_str(a->bindings[i].local, b->bindings[i].local));
		CHECK(same_str(a->bindings[i].target, b->bindings[i].target));
		CHECK(a->bindings[i].line == b->bindings[i].line);
		CHECK(a->bindings[i].column == b->bindings[i].column);
		CHECK(a->bindings[i].kind == b->bindings[i].kind);
	}
	CHECK_INT(b->nasked, a->nasked);
	for (size_t i = 0; i < a->nasked && i < b->nasked; i++)
		CHECK(same_str(a->asked[i], b->asked[i]));
	CHECK_INT(b->nimports, a->nimports);
	for (size_t i = 0; i < a->nimports && i < b->nimports; i++) {
		CHECK(same_str(a->imports[i].module, b->imports[i].module));
		CHECK(same_str(a->imports[i].name, b->imports[i].name));
		CHECK(a->imports[i].line == b->imports[i].line);
		CHECK(a->imports[i].in_function == b->imports[i].in_function);
		CHECK(a->imports[i].type_checking == b->imports[i].type_checking);
	}
	CHECK_INT(b->ncalls, a->ncalls);
	for (size_t i = 0; i < a->ncalls && i < b->ncalls; i++) {
		CHECK(same_str(a->calls[i].target, b->calls[i].target));
		CHECK(a->calls[i].count == b->calls[i].count);
	}
	CHECK_INT(b->npatches, a->npatches);
	for (size_t i = 0; i < a->npatches && i < b->npatches; i++) {
		CHECK(same_str(a->patches[i].target, b->patches[i].target));
		CHECK(a->patches[i].line == b->patches[i].line);
	}
	CHECK_INT(b->nattr_refs, a->nattr_refs);
	for (size_t i = 0; i < a->nattr_refs && i < b->nattr_refs; i++) {
		const scout_attr_ref *x = &a->attr_refs[i], *y = &b->attr_refs[i];

		CHECK(same_str(x->object, y->object) && same_str(x->attr, y->attr));
		CHECK(x->line == y->line && x->column == y->column);
		CHECK(x->end_line == y->end_line && x->end_column == y->end_column);
		CHECK(x->store == y->store);
	}
}

static void same_findings(const scout_module *a, const scout_module *b)
{
	CHECK_INT(b->nfindings, a->nfindings);
	for (size_t i = 0; i < a->nfindings && i < b->nfindings; i++) {
		const scout_finding *x = &a->findings[i], *y = &b->findings[i];

		CHECK(x->rule == y->rule); /* the same static rule table entry */
		CHECK_INT(y->category, x->category);
		CHECK(x->line == y->line && x->column == y->column);
		CHECK(x->end_line == y->end_line && x->end_column == y->end_column);
		CHECK(same_str(x->message, y->message) && same_str(x->fix, y->fix));
		CHECK_STR(y->fingerprint, x->fingerprint);
	}
}

static void same_result(const scout_file_result *ra, const scout_file_result *rb)
{
	const scout_module *a = &ra->module, *b = &rb->module;

	CHECK(ra->has_module == rb->has_module);
	CHECK(same_str(a->path, b->path) && same_str(a->module, b->module));
	CHECK_INT(b->lines, a->lines);
	CHECK(memcmp(&a->ann, &b->ann, sizeof(a->ann)) == 0);
	same_findings(a, b);
	CHECK_INT(b->verdict, a->verdict);
	CHECK_INT(b->score, a->score);
	CHECK(memcmp(&a->hotness, &b->hotness, sizeof(a->hotness)) == 0);
	CHECK(a->has_hotness == b->has_hotness && a->is_package == b->is_package);
	same_classes(a, b);
	same_links(a, b);
	CHECK_INT(b->fn_work, a->fn_work);
	CHECK(a->compiled_now == b->compiled_now);
	CHECK_INT(rb->ndiags, ra->ndiags);
	for (size_t i = 0; i < ra->ndiags && i < rb->ndiags; i++) {
		CHECK(same_str(ra->diags[i].path, rb->diags[i].path));
		CHECK_INT(rb->diags[i].kind, ra->diags[i].kind);
		CHECK_INT(rb->diags[i].line, ra->diags[i].line);
		CHECK(same_str(ra->diags[i].message, rb->diags[i].message));
	}
}

static const char key1[] = "0123456789abcdef0123456789abcdef01234567";

static void round_trip(const scout_file_result *r)
{
	scout_buf a = {0}, b = {0};
	scout_file_result back;

	scout_cache_encode(&a, key1, r);
	CHECK_INT(scout_cache_decode(&back, key1, a.data, a.len), 0);
	same_result(r, &back);
	scout_cache_encode(&b, key1, &back); /* and the same bytes again */
	CHECK(a.len == b.len && memcmp(a.data, b.data, a.len) == 0);
	scout_file_result_clear(&back);
	scout_buf_free(&a);
	scout_buf_free(&b);
}

static void test_round_trip_rich(void)
{
	scout_file_result r;

	rich_result(&r);
	CHECK_INT(r.module.nfindings, 3);
	CHECK_STR(r.module.findings[2].fingerprint + 16, "-2");
	round_trip(&r);
	scout_file_result_clear(&r);
}

/* A result as the analysis makes it, from a real file. */
static void test_round_trip_analysed(void)
{
	static const char *const files[] = {
	    "fixtures/projects/sample/src/shapes/geometry.py",
	    "fixtures/projects/sample/src/shapes/legacy.py",
	    "fixtures/projects/sample/src/shapes/__init__.py",
	};
	scout_analyzer *an = scout_analyzer_new(NULL);

	for (size_t i = 0; i < sizeof(files) / sizeof(*files); i++) {
		scout_file_result r = {0};

		scout_analyze_file(an, &r, files[i], files[i] + 25, "shapes.x");
		CHECK(r.has_module);
		scout_module_finish(&r.module, 0.8);
		round_trip(&r);
		scout_file_result_clear(&r);
	}
	scout_analyzer_free(an);
}

static void test_round_trip_empty(void)
{
	scout_file_result r = {0}, back;
	scout_buf a = {0};

	scout_file_result_add_diag(&r, "x.py", SCOUT_DIAG_NOT_UTF8, 4, "not utf-8");
	scout_cache_encode(&a, key1, &r);
	CHECK_INT(scout_cache_decode(&back, key1, a.data, a.len), 0);
	same_result(&r, &back);
	CHECK(!back.has_module && back.module.path == NULL);
	scout_file_result_clear(&back);
	scout_file_result_clear(&r);
	scout_buf_free(&a);
}

/* --- corrupt entries -------------------------------------------------------- */

/* decode of data must fail and leave *out zeroed. */
static bool rejected(const char *key, const char *data, size_t len)
{
	scout_file_result out, zero;
	int rc = scout_cache_decode(&out, key, data, len);

	memset(&zero, 0, sizeof(zero));
	if (rc == 0)
		scout_file_result_clear(&out);
	return rc < 0 && memcmp(&out, &zero, sizeof(out)) == 0;
}

static void test_corrupt(void)
{
	scout_file_result r;
	scout_buf a = {0};
	size_t bad_prefix = 0, bad_flip = 0;
	char *copy;

	rich_result(&r);
	scout_cache_encode(&a, key1, &r);
	for (size_t n = 0; n < a.len; n++) /* every truncation */
		bad_prefix += !rejected(key1, a.data, n);
	CHECK_INT(bad_prefix, 0);
	copy = scout_malloc(a.len);
	for (size_t i = 0; i < a.len; i++) { /* every single flipped byte */
		memcpy(copy, a.data, a.len);
		copy[i] ^= (char)0x41;
		bad_flip += !rejected(key1, copy, a.len);
	}
	CHECK_INT(bad_flip, 0);
	memcpy(copy, a.data, a.len);
	copy[8] = (char)(SCOUT_CACHE_FORMAT + 1); /* another format version */
	CHECK(rejected(key1, copy, a.len));
	CHECK(rejected("fedcba9876543210fedcba9876543210fedcba98", a.data, a.len));
	for (size_t i = 0; i < a.len; i++) /* garbage */
		copy[i] = (char)(i * 131 + 7);
	CHECK(rejected(key1, copy, a.len));
	free(copy);
	scout_buf_free(&a);
	scout_file_result_clear(&r);
}

/* Builds an entry whose header (length, checksum) is right around `payload`. */
static void forge(scout_buf *out, const char *payload, size_t len)
{
	scout_file_result r = {0};
	scout_buf empty = {0};
	uint64_t n = len, h = 1469598103934665603ull; /* FNV-1a, as the codec */

	scout_cache_encode(&empty, key1, &r);
	scout_buf_put(out, empty.data, 52); /* magic, format, key echo */
	for (int i = 0; i < 8; i++)
		scout_buf_putc(out, (char)(n >> (8 * i)));
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)payload[i]) * 1099511628211ull;
	for (int i = 0; i < 8; i++)
		scout_buf_putc(out, (char)(h >> (8 * i)));
	scout_buf_put(out, payload, len);
	scout_buf_free(&empty);
}

/* Entries with a valid checksum around a hostile payload: counts far beyond
 * the bytes, unknown rule ids, out-of-range enums, NUL inside strings. */
static void put_le32(scout_buf *b, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		scout_buf_putc(b, (char)(v >> (8 * i)));
}

/* Where `needle` first occurs in data[0..len), or NULL. */
static char *find_bytes(char *data, size_t len, const char *needle)
{
	size_t n = strlen(needle);

	for (size_t i = 0; i + n <= len; i++)
		if (memcmp(data + i, needle, n) == 0)
			return data + i;
	return NULL;
}

static void test_forged(void)
{
	scout_file_result r = {0}, back;
	scout_buf good = {0}, evil = {0}, payload = {0};
	const size_t header = 68; /* magic, format, key echo, length, checksum */
	char *p;

	scout_buf_putc(&payload, 1); /* has_module */
	put_le32(&payload, 0);       /* path "" */
	put_le32(&payload, 0);       /* module "" */
	for (int i = 0; i < 8; i++)  /* lines and the annotations */
		put_le32(&payload, 0);
	put_le32(&payload, 0x7fffffffu); /* findings: far more than the bytes left */
	forge(&evil, payload.data, payload.len);
	CHECK(rejected(key1, evil.data, evil.len));
	scout_buf_free(&evil);
	scout_buf_free(&payload);
	/* a real payload with its rule id renamed to one that does not exist */
	scout_module_add_finding(&r.module, rule_id("nested-class"), SCOUT_BLOCKER, 1, 1, 1, 2, "m",
	                         "f");
	r.module.path = scout_strdup("a.py");
	r.module.module = scout_strdup("a");
	r.has_module = true;
	scout_cache_encode(&good, key1, &r);
	CHECK_INT(scout_cache_decode(&back, key1, good.data, good.len), 0);
	scout_file_result_clear(&back);
	forge(&evil, good.data + header, good.len - header); /* forge() itself is right */
	CHECK_INT(scout_cache_decode(&back, key1, evil.data, evil.len), 0);
	scout_file_result_clear(&back);
	scout_buf_free(&evil);
	p = find_bytes(good.data + header, good.len - header, "nested-class");
	CHECK(p != NULL);
	if (p) {
		memcpy(p, "nested-glass", 12);
		forge(&evil, good.data + header, good.len - header);
		CHECK(rejected(key1, evil.data, evil.len));
		scout_buf_free(&evil);
		p[6] = '\0'; /* a NUL inside a string */
		forge(&evil, good.data + header, good.len - header);
		CHECK(rejected(key1, evil.data, evil.len));
		scout_buf_free(&evil);
	}
	scout_buf_free(&good);
	scout_file_result_clear(&r);
}

/* --- the cache on disk -------------------------------------------------------- */

static scout_cache *open_at(const char *sub, const scout_rule_config *rules, double threshold)
{
	char dir[256];
	scout_cache *c = NULL;

	snprintf(dir, sizeof(dir), "%s/%s", tmp, sub);
	CHECK_INT(scout_cache_open(&c, dir, rules, threshold), 0);
	return c;
}

static void write_bytes(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (!f || fwrite(data, 1, len, f) != len) {
		fprintf(stderr, "cannot write %s\n", path);
		exit(2);
	}
	fclose(f);
}

static void test_get_put(void)
{
	scout_cache *c = open_at("store", NULL, 0.8);
	scout_file_result r, back = {0};
	char key[SCOUT_CACHE_ID_LEN], *path, versioned[16];
	size_t hits, misses;
	struct stat st;

	rich_result(&r);
	scout_cache_key(c, key, "src/pkg/mod.py", "pkg.mod", "blob:abc:3");
	CHECK(!scout_cache_get(c, key, &back)); /* nothing yet */
	CHECK(!back.has_module && back.ndiags == 0);
	CHECK_INT(scout_cache_put(c, key, &r), 0);
	CHECK(scout_cache_get(c, key, &back));
	same_result(&r, &back);
	scout_file_result_clear(&back);
	path = scout_cache_entry_path(c, key);
	CHECK(stat(path, &st) == 0 && S_ISREG(st.st_mode));
	snprintf(versioned, sizeof(versioned), "/v%d/", SCOUT_CACHE_FORMAT);
	CHECK(strstr(path, versioned) != NULL);
	CHECK_INT(util_sh("test -z \"$(find '%s/store' -name '.tmp-*')\"", tmp),
	          0); /* no temp left */
	CHECK(truncate(path, st.st_size / 2) == 0);
	CHECK(!scout_cache_get(c, key, &back));
	write_bytes(path, "garbage", 7);
	CHECK(!scout_cache_get(c, key, &back));
	write_bytes(path, "", 0);
	CHECK(!scout_cache_get(c, key, &back));
	CHECK_INT(scout_cache_put(c, key, &r), 0); /* overwritten */
	CHECK(scout_cache_get(c, key, &back));
	scout_file_result_clear(&back);
	scout_cache_stats(c, &hits, &misses);
	CHECK_INT(hits, 2);
	CHECK_INT(misses, 4);
	free(path);
	scout_file_result_clear(&r);
	scout_cache_free(c);
}

static void test_unwritable(void)
{
	scout_cache *c = (scout_cache *)1;
	char dir[256];

	snprintf(dir, sizeof(dir), "%s/file", tmp);
	write_bytes(dir, "x", 1);
	snprintf(dir, sizeof(dir), "%s/file/cache", tmp); /* below a regular file */
	CHECK(scout_cache_open(&c, dir, NULL, 0.8) < 0);
	CHECK(c == NULL);
}

static void key_of(char out[SCOUT_CACHE_ID_LEN], const scout_rule_config *rules, double threshold,
                   const char *rel, const char *content)
{
	scout_cache *c = open_at("keys", rules, threshold);

	scout_cache_key(c, out, rel, "pkg.mod", content);
	scout_cache_free(c);
}

static void test_keys(void)
{
	size_t n;
	bool *enabled;
	scout_path_ignore ignore = {"tests/*", "nested-class"};
	scout_rule_config base = {0}, cfg;
	char k0[SCOUT_CACHE_ID_LEN], k[SCOUT_CACHE_ID_LEN];
	char h1[SCOUT_CACHE_ID_LEN], h2[SCOUT_CACHE_ID_LEN];

	scout_rules_all(&n);
	enabled = scout_calloc(n, sizeof(*enabled));
	for (size_t i = 0; i < n; i++)
		enabled[i] = true;
	key_of(k0, NULL, 0.8, "a.py", "blob:1:1");
	key_of(k, NULL, 0.8, "a.py", "blob:1:1");
	CHECK_STR(k, k0); /* stable */
	CHECK_INT(strlen(k0), 40);
	key_of(k, &base, 0.8, "a.py", "blob:1:1"); /* all rules, current mypyc */
	CHECK_STR(k, k0);
	cfg = base;
	cfg.enabled = enabled;
	key_of(k, &cfg, 0.8, "a.py", "blob:1:1"); /* every rule selected explicitly */
	CHECK_STR(k, k0);
	enabled[3] = false;
	key_of(k, &cfg, 0.8, "a.py", "blob:1:1");
	CHECK(strcmp(k, k0) != 0);
	cfg = base;
	cfg.mypyc_version = SCOUT_V(1, 10, 0);
	key_of(k, &cfg, 0.8, "a.py", "blob:1:1");
	CHECK(strcmp(k, k0) != 0);
	cfg = base;
	cfg.report_unused_ignores = true;
	key_of(k, &cfg, 0.8, "a.py", "blob:1:1");
	CHECK(strcmp(k, k0) != 0);
	cfg = base;
	cfg.path_ignores = &ignore;
	cfg.npath_ignores = 1;
	key_of(k, &cfg, 0.8, "a.py", "blob:1:1");
	CHECK(strcmp(k, k0) != 0);
	key_of(k, NULL, 0.5, "a.py", "blob:1:1");
	CHECK(strcmp(k, k0) != 0);
	key_of(k, NULL, 0.8, "b.py", "blob:1:1");
	CHECK(strcmp(k, k0) != 0);
	scout_cache_hash_bytes(h1, "x = 1\n", 6);
	scout_cache_hash_bytes(h2, "x = 2\n", 6);
	CHECK(strcmp(h1, h2) != 0);
	CHECK_STR(h1, BLOB_X1); /* git's own blob id of the bytes */
	key_of(k0, NULL, 0.8, "a.py", h1);
	key_of(k, NULL, 0.8, "a.py", h2);
	CHECK(strcmp(k, k0) != 0);
	free(enabled);
}

/* --- concurrent stores and lookups ------------------------------------------ */

typedef struct racer {
	scout_cache *cache;
	const scout_file_result *want;
	int wrong;
} racer;

static void *race(void *arg)
{
	racer *r = arg;

	for (int i = 0; i < 200; i++) {
		char key[SCOUT_CACHE_ID_LEN];
		char content[32];
		scout_file_result back = {0};

		snprintf(content, sizeof(content), "blob:%d", i % 7);
		scout_cache_key(r->cache, key, "src/pkg/mod.py", "pkg.mod", content);
		if (scout_cache_get(r->cache, key, &back)) {
			r->wrong += back.module.nfindings != r->want->module.nfindings ||
			            strcmp(back.module.path, r->want->module.path) != 0;
			scout_file_result_clear(&back);
		} else if (scout_cache_put(r->cache, key, r->want) < 0) {
			r->wrong++;
		}
	}
	return NULL;
}

static void test_threads(void)
{
	scout_cache *c = open_at("race", NULL, 0.8);
	scout_file_result r;
	racer racers[4];
	pthread_t t[4];
	size_t hits, misses;

	rich_result(&r);
	for (int i = 0; i < 4; i++) {
		racers[i] = (racer){c, &r, 0};
		pthread_create(&t[i], NULL, race, &racers[i]);
	}
	for (int i = 0; i < 4; i++) {
		pthread_join(t[i], NULL);
		CHECK_INT(racers[i].wrong, 0);
	}
	scout_cache_stats(c, &hits, &misses);
	CHECK_INT(hits + misses, 800);
	CHECK(hits >= 800 - 4 * 7);
	CHECK_INT(util_sh("test -z \"$(find '%s/race' -name '.tmp-*')\"", tmp), 0);
	scout_file_result_clear(&r);
	scout_cache_free(c);
}

/* --- discovery: the index's blob id without reading the file -------------- */

static const scout_file *find_rel(const scout_file_list *list, const char *rel)
{
	for (size_t i = 0; i < list->len; i++)
		if (strcmp(list->files[i].rel, rel) == 0)
			return &list->files[i];
	return NULL;
}

static void discover_repo(scout_file_list *list, scout_scan *scan, const char *dir)
{
	const char *paths[] = {dir};
	scout_discover_opts opts = {.paths = paths, .npaths = 1};

	memset(scan, 0, sizeof(*scan));
	CHECK_INT(scout_discover(list, scan, &opts), 0);
}

static void test_index_oid(void)
{
	char dir[256], cmd[320], want[64] = "";
	scout_file_list list;
	scout_scan scan;
	const scout_file *f;
	FILE *p;

	snprintf(dir, sizeof(dir), "%s/repo", tmp);
	if (util_sh(
	        "mkdir -p %s && cd %s && git init -q . && printf 'x = 1\\n' > old.py && "
	        "printf 'y = 2\\n' > racy.py && printf 'z = 3\\n' > edited.py && "
	        "touch -d '2020-01-01 00:00:00' old.py edited.py && touch -d '+1 hour' racy.py && "
	        "git add . && "
	        "git -c user.name=t -c user.email=t@t commit -q -m init && "
	        "printf 'z = 4\\n' > edited.py && touch -d '2020-01-01 00:00:00' edited.py && "
	        "printf 'w = 0\\n' > new.py",
	        dir, dir) != 0) {
		fprintf(stderr, "git is needed for test_index_oid\n");
		check_failed++;
		return;
	}
	snprintf(cmd, sizeof(cmd), "cd %s && git rev-parse HEAD:old.py", dir);
	p = popen(cmd, "r");
	if (p) {
		if (!fgets(want, sizeof(want), p))
			want[0] = '\0';
		want[strcspn(want, "\n")] = '\0';
		pclose(p);
	}
	discover_repo(&list, &scan, dir);
	CHECK_STR(scan.source, "worktree");
	CHECK((f = find_rel(&list, "old.py")) != NULL);
	if (f) {
		CHECK_STR(f->oid, want); /* clean: known without reading */
		CHECK_INT(f->size, 6);
	}
	CHECK((f = find_rel(&list, "edited.py")) && f->oid[0] == '\0'); /* same size and mtime */
	CHECK((f = find_rel(&list, "racy.py")) && f->oid[0] == '\0');   /* racily clean */
	CHECK((f = find_rel(&list, "new.py")) && f->oid[0] == '\0');    /* untracked */
	scout_file_list_free(&list);
	scout_scan_free(&scan);
	/* an index written no later than the file changed: old.py is racily clean
	 * now, though its stat data still matches */
	CHECK_INT(util_sh("touch -d '2020-01-01 00:00:00' %s/.git/index", dir), 0);
	discover_repo(&list, &scan, dir);
	CHECK((f = find_rel(&list, "old.py")) && f->oid[0] == '\0');
	scout_file_list_free(&list);
	scout_scan_free(&scan);
}

int main(void)
{
	if (!util_tmpdir(tmp, sizeof(tmp), "cache"))
		return 2;
	test_round_trip_rich();
	test_round_trip_analysed();
	test_round_trip_empty();
	test_corrupt();
	test_forged();
	test_get_put();
	test_unwritable();
	test_keys();
	test_threads();
	test_index_oid();
	util_rmtree(tmp);
	return check_report("test_cache");
}
