/* The cache entry format: a fixed header (magic, format, key echo, payload
 * length, SHA-1 of the payload) and the whole scout_file_result as
 * little-endian integers and length-prefixed strings. Decoding checks every
 * count and length against the bytes left and trusts nothing. */
#include "scout/cache.h"

#include <git2.h>
#include <stdlib.h>
#include <string.h>

#include "registry.h"

static const char magic[8] = {'S', 'C', 'O', 'U', 'T', 'C', 'A', 'C'};
#define KEY_HEX    40
#define SUM_LEN    8
#define HEADER_LEN (sizeof(magic) + 4 + KEY_HEX + 8 + SUM_LEN)
#define NULL_STR   UINT32_MAX

/* --- writing ------------------------------------------------------------ */

static void put_u8(scout_buf *b, uint8_t v)
{
	scout_buf_put(b, (const char *)&v, 1);
}

static void put_u32(scout_buf *b, uint32_t v)
{
	unsigned char x[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
	                      (unsigned char)(v >> 24)};

	scout_buf_put(b, (const char *)x, 4);
}

static void put_u64(scout_buf *b, uint64_t v)
{
	put_u32(b, (uint32_t)v);
	put_u32(b, (uint32_t)(v >> 32));
}

static void put_count(scout_buf *b, size_t n)
{
	put_u32(b, (uint32_t)n); /* sources are at most 64 MiB: counts fit */
}

static void put_str(scout_buf *b, const char *s)
{
	size_t n;

	if (!s) {
		put_u32(b, NULL_STR);
		return;
	}
	n = strlen(s);
	put_u32(b, (uint32_t)n);
	scout_buf_put(b, s, n);
}

/* A finding of the walk. assumes and unmet are not stored: only the link
 * stage sets them, on findings it adds after the cache is written. */
static void put_finding(scout_buf *b, const scout_finding *f)
{
	put_str(b, f->rule);
	put_u8(b, (uint8_t)f->category);
	put_u32(b, f->line);
	put_u32(b, f->column);
	put_u32(b, f->end_line);
	put_u32(b, f->end_column);
	put_str(b, f->message);
	put_str(b, f->fix);
	put_str(b, f->fingerprint);
}

static void put_class(scout_buf *b, const scout_class_info *c)
{
	put_str(b, c->name);
	put_u32(b, c->line);
	put_u32(b, c->column);
	put_u32(b, c->end_line);
	put_u32(b, c->end_column);
	put_count(b, c->nbases);
	for (uint32_t i = 0; i < c->nbases; i++)
		put_str(b, c->bases[i]);
	put_u8(b, c->kind);
	put_u8(b, c->trait);
	put_u8(b, c->allow_interpreted);
	put_str(b, c->bad_builtin);
	put_count(b, c->nattrs);
	for (uint32_t i = 0; i < c->nattrs; i++) {
		put_str(b, c->attrs[i].name);
		put_u8(b, c->attrs[i].kind);
	}
}

static void put_annotations(scout_buf *b, const scout_annotations *a)
{
	put_u32(b, a->defs);
	put_u32(b, a->typed_defs);
	put_u32(b, a->fully_typed_defs);
	put_u32(b, a->slots);
	put_u32(b, a->annotated_slots);
	put_u32(b, a->any);
	put_u32(b, a->type_ignores);
}

/* The module's links to other modules: bindings, imports, calls, patches,
 * attribute references. */
static void put_links(scout_buf *b, const scout_module *m)
{
	put_count(b, m->nbindings);
	for (size_t i = 0; i < m->nbindings; i++) {
		put_str(b, m->bindings[i].local);
		put_str(b, m->bindings[i].target);
		put_u32(b, m->bindings[i].line);
		put_u32(b, m->bindings[i].column);
		put_u8(b, m->bindings[i].kind);
	}
	put_count(b, m->nasked);
	for (size_t i = 0; i < m->nasked; i++)
		put_str(b, m->asked[i]);
	put_count(b, m->nimports);
	for (size_t i = 0; i < m->nimports; i++) {
		put_str(b, m->imports[i].module);
		put_str(b, m->imports[i].name);
		put_u32(b, m->imports[i].line);
		put_u8(b, m->imports[i].in_function);
		put_u8(b, m->imports[i].type_checking);
	}
	put_count(b, m->ncalls);
	for (size_t i = 0; i < m->ncalls; i++) {
		put_str(b, m->calls[i].target);
		put_u32(b, m->calls[i].count);
	}
	put_count(b, m->npatches);
	for (size_t i = 0; i < m->npatches; i++) {
		put_str(b, m->patches[i].target);
		put_u32(b, m->patches[i].line);
	}
	put_count(b, m->nattr_refs);
	for (size_t i = 0; i < m->nattr_refs; i++) {
		const scout_attr_ref *a = &m->attr_refs[i];

		put_str(b, a->object);
		put_str(b, a->attr);
		put_u32(b, a->line);
		put_u32(b, a->column);
		put_u32(b, a->end_line);
		put_u32(b, a->end_column);
		put_u8(b, a->store);
	}
}

static void put_module(scout_buf *b, const scout_module *m)
{
	uint64_t hot;

	memcpy(&hot, &m->hotness, sizeof(hot));
	put_str(b, m->path);
	put_str(b, m->module);
	put_u32(b, m->lines);
	put_annotations(b, &m->ann);
	put_count(b, m->nfindings);
	for (size_t i = 0; i < m->nfindings; i++)
		put_finding(b, &m->findings[i]);
	put_u8(b, (uint8_t)m->verdict);
	put_u32(b, (uint32_t)m->score);
	put_u64(b, hot);
	put_u8(b, m->has_hotness);
	put_u8(b, m->is_package);
	put_count(b, m->nclasses);
	for (size_t i = 0; i < m->nclasses; i++)
		put_class(b, &m->classes[i]);
	put_links(b, m);
	put_u32(b, m->fn_work);
	put_u8(b, m->compiled_now);
	put_u32(b, m->grammar_gap_line);
}

static void put_result(scout_buf *b, const scout_file_result *r)
{
	put_u8(b, r->has_module);
	put_module(b, &r->module);
	put_count(b, r->ndiags);
	for (size_t i = 0; i < r->ndiags; i++) {
		put_str(b, r->diags[i].path);
		put_u8(b, (uint8_t)r->diags[i].kind);
		put_u32(b, r->diags[i].line);
		put_str(b, r->diags[i].message);
	}
}

/* FNV-1a, 64 bits: the entry's key already names its content, so this only
 * has to catch a torn or damaged file, and SHA-1 cost a warm scan 15%. */
static void checksum(unsigned char out[SUM_LEN], const char *data, size_t len)
{
	uint64_t h = 1469598103934665603ull;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)data[i]) * 1099511628211ull;
	for (int i = 0; i < SUM_LEN; i++)
		out[i] = (unsigned char)(h >> (8 * i));
}

void scout_cache_encode(scout_buf *out, const char *key, const scout_file_result *r)
{
	scout_buf payload = {0};
	unsigned char sum[SUM_LEN];
	char echo[KEY_HEX] = {0};

	put_result(&payload, r);
	checksum(sum, payload.data ? payload.data : "", payload.len);
	memcpy(echo, key, strnlen(key, KEY_HEX));
	scout_buf_put(out, magic, sizeof(magic));
	put_u32(out, SCOUT_CACHE_FORMAT);
	scout_buf_put(out, echo, KEY_HEX);
	put_u64(out, payload.len);
	scout_buf_put(out, (const char *)sum, SUM_LEN);
	scout_buf_put(out, payload.data ? payload.data : "", payload.len);
	scout_buf_free(&payload);
}

/* --- reading ------------------------------------------------------------ */

typedef struct reader {
	const unsigned char *p;
	size_t left;
	bool bad; /* something did not fit: the whole entry is rejected */
} reader;

static const unsigned char *take(reader *r, size_t n)
{
	const unsigned char *p = r->p;

	if (r->bad || n > r->left) {
		r->bad = true;
		return NULL;
	}
	r->p += n;
	r->left -= n;
	return p;
}

static uint8_t get_u8(reader *r)
{
	const unsigned char *p = take(r, 1);

	return p ? p[0] : 0;
}

static uint32_t get_u32(reader *r)
{
	const unsigned char *p = take(r, 4);

	return p ? (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	               (uint32_t)p[3] << 24
	         : 0;
}

static uint64_t get_u64(reader *r)
{
	uint64_t lo = get_u32(r);

	return lo | (uint64_t)get_u32(r) << 32;
}

static bool get_bool(reader *r)
{
	uint8_t v = get_u8(r);

	if (v > 1)
		r->bad = true;
	return v == 1;
}

/* A byte below `limit`, else the entry is bad. */
static uint8_t get_enum(reader *r, uint8_t limit)
{
	uint8_t v = get_u8(r);

	if (v >= limit)
		r->bad = true;
	return v;
}

/* A string that may be NULL (owned by caller, free with free()). Strings
 * holding a NUL byte are rejected. */
static char *get_opt_str(reader *r)
{
	uint32_t n = get_u32(r);
	const unsigned char *p;

	if (r->bad || n == NULL_STR)
		return NULL;
	if (!(p = take(r, n)))
		return NULL;
	if (memchr(p, '\0', n)) {
		r->bad = true;
		return NULL;
	}
	return scout_strndup((const char *)p, n);
}

/* A string a fresh result never leaves NULL. */
static char *get_str(reader *r)
{
	char *s = get_opt_str(r);

	if (!s)
		r->bad = true;
	return s;
}

/* A count of elements at least `min` encoded bytes each, checked against the
 * bytes left, so a forged count cannot make us allocate beyond the file. */
static uint32_t get_count(reader *r, size_t min)
{
	uint32_t n = get_u32(r);

	if (r->bad || n > r->left / min) {
		r->bad = true;
		return 0;
	}
	return n;
}

/* Every array gets at least one slot, as the analysis allocates them. */
static void *alloc_array(size_t n, size_t size)
{
	return scout_calloc(n ? n : 1, size);
}

static void get_finding(reader *r, scout_finding *f)
{
	char *rule = get_str(r), *fingerprint;
	const scout_rule *known = rule ? scout_rules_find(rule) : NULL;

	if (!known)
		r->bad = true;
	f->rule = known ? known->id : NULL;
	free(rule);
	f->category = (scout_category)get_enum(r, SCOUT_CATEGORY_COUNT);
	f->line = get_u32(r);
	f->column = get_u32(r);
	f->end_line = get_u32(r);
	f->end_column = get_u32(r);
	f->message = get_str(r);
	f->fix = get_str(r);
	fingerprint = get_str(r);
	if (fingerprint && strlen(fingerprint) < SCOUT_FINGERPRINT_LEN)
		memcpy(f->fingerprint, fingerprint, strlen(fingerprint) + 1);
	else
		r->bad = true;
	free(fingerprint);
}

static void get_class(reader *r, scout_class_info *c)
{
	uint32_t n;

	c->name = get_str(r);
	c->line = get_u32(r);
	c->column = get_u32(r);
	c->end_line = get_u32(r);
	c->end_column = get_u32(r);
	n = get_count(r, 4);
	c->bases = alloc_array(n, sizeof(*c->bases));
	c->nbases = n;
	for (uint32_t i = 0; i < n; i++)
		c->bases[i] = get_str(r);
	c->kind = get_u8(r);
	c->trait = get_bool(r);
	c->allow_interpreted = get_bool(r);
	c->bad_builtin = get_opt_str(r);
	n = get_count(r, 5);
	c->attrs = alloc_array(n, sizeof(*c->attrs));
	c->nattrs = n;
	for (uint32_t i = 0; i < n; i++) {
		c->attrs[i].name = get_str(r);
		c->attrs[i].kind = get_enum(r, SCOUT_MEMBER_METHOD + 1);
	}
}

static void get_annotations(reader *r, scout_annotations *a)
{
	a->defs = get_u32(r);
	a->typed_defs = get_u32(r);
	a->fully_typed_defs = get_u32(r);
	a->slots = get_u32(r);
	a->annotated_slots = get_u32(r);
	a->any = get_u32(r);
	a->type_ignores = get_u32(r);
}

/* Arrays are allocated and their counts set before their elements are read,
 * so scout_module_clear frees whatever a failed read left behind. */
static void get_links(reader *r, scout_module *m)
{
	m->nbindings = get_count(r, 16);
	m->bindings = alloc_array(m->nbindings, sizeof(*m->bindings));
	for (size_t i = 0; i < m->nbindings; i++) {
		m->bindings[i].local = get_str(r);
		m->bindings[i].target = get_str(r);
		m->bindings[i].line = get_u32(r);
		m->bindings[i].column = get_u32(r);
		m->bindings[i].kind = (uint8_t)get_u8(r);
	}
	m->nasked = get_count(r, 1);
	m->asked = alloc_array(m->nasked, sizeof(*m->asked));
	for (size_t i = 0; i < m->nasked; i++)
		m->asked[i] = get_str(r);
	m->nimports = m->imports_cap = get_count(r, 14);
	m->imports = alloc_array(m->nimports, sizeof(*m->imports));
	for (size_t i = 0; i < m->nimports; i++) {
		m->imports[i].module = get_str(r);
		m->imports[i].name = get_opt_str(r);
		m->imports[i].line = get_u32(r);
		m->imports[i].in_function = get_bool(r);
		m->imports[i].type_checking = get_bool(r);
	}
	m->ncalls = m->calls_cap = get_count(r, 8);
	m->calls = alloc_array(m->ncalls, sizeof(*m->calls));
	for (size_t i = 0; i < m->ncalls; i++) {
		m->calls[i].target = get_str(r);
		m->calls[i].count = get_u32(r);
	}
	m->npatches = m->patches_cap = get_count(r, 8);
	m->patches = alloc_array(m->npatches, sizeof(*m->patches));
	for (size_t i = 0; i < m->npatches; i++) {
		m->patches[i].target = get_str(r);
		m->patches[i].line = get_u32(r);
	}
	m->nattr_refs = m->attr_refs_cap = get_count(r, 25);
	m->attr_refs = alloc_array(m->nattr_refs, sizeof(*m->attr_refs));
	for (size_t i = 0; i < m->nattr_refs; i++) {
		scout_attr_ref *a = &m->attr_refs[i];

		a->object = get_str(r);
		a->attr = get_str(r);
		a->line = get_u32(r);
		a->column = get_u32(r);
		a->end_line = get_u32(r);
		a->end_column = get_u32(r);
		a->store = get_bool(r);
	}
}

static void get_module(reader *r, scout_module *m)
{
	uint64_t hot;

	m->path = get_opt_str(r);
	m->module = get_opt_str(r);
	m->lines = get_u32(r);
	get_annotations(r, &m->ann);
	m->nfindings = m->findings_cap = get_count(r, 33);
	m->findings = alloc_array(m->nfindings, sizeof(*m->findings));
	for (size_t i = 0; i < m->nfindings; i++)
		get_finding(r, &m->findings[i]);
	m->verdict = (scout_verdict)get_enum(r, SCOUT_VERDICT_COUNT);
	m->score = (int)get_u32(r);
	hot = get_u64(r);
	memcpy(&m->hotness, &hot, sizeof(hot));
	m->has_hotness = get_bool(r);
	m->is_package = get_bool(r);
	m->nclasses = m->classes_cap = get_count(r, 35);
	m->classes = alloc_array(m->nclasses, sizeof(*m->classes));
	for (size_t i = 0; i < m->nclasses; i++)
		get_class(r, &m->classes[i]);
	get_links(r, m);
	m->fn_work = get_u32(r);
	m->compiled_now = get_bool(r);
	m->grammar_gap_line = get_u32(r);
}

static void get_result(reader *r, scout_file_result *out)
{
	out->has_module = get_bool(r);
	get_module(r, &out->module);
	if (out->has_module && (!out->module.path || !out->module.module))
		r->bad = true;
	out->ndiags = out->diags_cap = get_count(r, 13);
	out->diags = alloc_array(out->ndiags, sizeof(*out->diags));
	for (size_t i = 0; i < out->ndiags; i++) {
		out->diags[i].path = get_str(r);
		out->diags[i].kind = (scout_diag_kind)get_enum(r, SCOUT_DIAG_GRAMMAR_GAP + 1);
		out->diags[i].line = get_u32(r);
		out->diags[i].message = get_str(r);
	}
}

/* Checks the header; on success r covers exactly the payload. */
static int read_header(reader *r, const char *key)
{
	const unsigned char *m = take(r, sizeof(magic));
	const unsigned char *echo, *sum;
	unsigned char actual[SUM_LEN];
	uint32_t format;
	uint64_t len;
	char want[KEY_HEX] = {0};

	format = get_u32(r);
	echo = take(r, KEY_HEX);
	len = get_u64(r);
	sum = take(r, SUM_LEN);
	if (r->bad || memcmp(m, magic, sizeof(magic)) != 0 || format != SCOUT_CACHE_FORMAT)
		return SCOUT_ERROR;
	memcpy(want, key, strnlen(key, KEY_HEX));
	if (memcmp(echo, want, KEY_HEX) != 0 || len != r->left)
		return SCOUT_ERROR;
	checksum(actual, (const char *)r->p, r->left);
	return memcmp(actual, sum, SUM_LEN) == 0 ? 0 : SCOUT_ERROR;
}

int scout_cache_decode(scout_file_result *out, const char *key, const char *data, size_t len)
{
	reader r = {(const unsigned char *)data, len, false};

	memset(out, 0, sizeof(*out));
	if (len < HEADER_LEN || read_header(&r, key) < 0)
		return SCOUT_ERROR;
	get_result(&r, out);
	if (r.bad || r.left != 0) {
		scout_file_result_clear(out);
		return SCOUT_ERROR;
	}
	return 0;
}
