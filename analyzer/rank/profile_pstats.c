/* cProfile / pstats files: a marshal-serialised dict
 * {(filename, lineno, funcname): (cc, nc, tt, ct, callers)}; self time is tt.
 *
 * The marshal reader follows CPython's Python/marshal.c (r_object) for the
 * types a stats dict can hold: None, booleans, ints ('i', 'I', 'l'), floats
 * ('g', 'f'), complex numbers, strings and bytes, tuples, lists, dicts, sets,
 * and back-references ('r', with FLAG_REF marking the objects that get a
 * reference slot). Code objects and unknown types are errors. Values are kept
 * in flat arrays (strings point into the input), every length is checked
 * against the bytes left, so the memory used is linear in the input, and
 * nesting deeper than MAX_DEPTH is refused. */
#include "profile_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 64
#define FLAG_REF  0x80

enum { V_NONE, V_NUM, V_STR, V_SEQ, V_DICT, V_OTHER };

typedef struct mvalue {
	unsigned char kind; /* V_* */
	unsigned char code; /* the marshal type code, FLAG_REF cleared */
	double num;         /* V_NUM */
	size_t off, len;    /* V_STR: bytes in the input; V_SEQ: kids[off..off+len);
	                     * V_DICT: kids[off..off+2*len), key then value */
} mvalue;

typedef struct mreader {
	const unsigned char *data;
	size_t len, pos;
	mvalue *vals; /* owned */
	size_t nvals, capvals;
	size_t *kids; /* owned; indices into vals */
	size_t nkids, capkids;
	size_t *refs; /* owned; indices into vals, SIZE_MAX while reserved */
	size_t nrefs, caprefs;
	size_t singletons[128]; /* the one value of 'N', 'T', ... + 1, or 0 */
	int depth;
} mreader;

/* These return SCOUT_ERROR as a constant, so the compiler sees that no out-
 * parameter is read after a failed read. */
static int truncated(const mreader *r)
{
	scout_error_set("truncated pstats data at byte %zu", r->len);
	return SCOUT_ERROR;
}

static int bad(size_t at, const char *what)
{
	scout_error_set("bad pstats data at byte %zu: %s", at, what);
	return SCOUT_ERROR;
}

static int take(mreader *r, size_t n, const unsigned char **out)
{
	if (n > r->len - r->pos)
		return truncated(r);
	*out = r->data + r->pos;
	r->pos += n;
	return 0;
}

/* A little-endian signed 32-bit integer, as r_long reads it. */
static int read_i32(mreader *r, int32_t *out)
{
	const unsigned char *p;

	if (take(r, 4, &p) < 0)
		return SCOUT_ERROR;
	*out = (int32_t)((uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	                 (uint32_t)p[3] << 24);
	return 0;
}

/* A count (size of a string, tuple...) that must fit in what is left, each
 * unit taking at least `unit` bytes. */
static int read_count(mreader *r, size_t unit, size_t *out)
{
	size_t at = r->pos;
	int32_t n;

	if (read_i32(r, &n) < 0)
		return SCOUT_ERROR;
	if (n < 0)
		return bad(at, "negative size");
	if ((size_t)n > (r->len - r->pos) / unit)
		return truncated(r);
	*out = (size_t)n;
	return 0;
}

static size_t new_value(mreader *r, unsigned char kind, unsigned char code)
{
	mvalue v = {.kind = kind, .code = code};

	SCOUT_PUSH(r->vals, r->nvals, r->capvals, v);
	return r->nvals - 1;
}

static double read_f64(const unsigned char *p)
{
	uint64_t bits = 0;
	double d;

	for (int i = 7; i >= 0; i--)
		bits = bits << 8 | p[i];
	memcpy(&d, &bits, sizeof(d));
	return d;
}

/* 'f' and 'x': a float as text, one length byte then the digits. */
static int read_text_float(mreader *r, double *out)
{
	const unsigned char *p, *n;
	char buf[257], *end;

	if (take(r, 1, &n) < 0 || take(r, *n, &p) < 0)
		return SCOUT_ERROR;
	memcpy(buf, p, *n);
	buf[*n] = '\0';
	*out = strtod(buf, &end);
	if (*n == 0 || end != buf + *n)
		return bad((size_t)(p - r->data), "float text is not a number");
	return 0;
}

/* 'l': a sign-and-size count of base-2**15 digits, least significant first. */
static int read_long(mreader *r, double *out)
{
	size_t at = r->pos, n;
	int32_t size;
	double value = 0, scale = 1;
	const unsigned char *p;

	if (read_i32(r, &size) < 0)
		return SCOUT_ERROR;
	n = size < 0 ? (size_t)(-(int64_t)size) : (size_t)size;
	if (n > (r->len - r->pos) / 2 || take(r, 2 * n, &p) < 0)
		return truncated(r);
	for (size_t i = 0; i < n; i++) {
		unsigned digit = p[2 * i] | (unsigned)p[2 * i + 1] << 8;

		if (digit >= 0x8000)
			return bad(at, "digit out of range in long");
		if (i + 1 == n && digit == 0)
			return bad(at, "unnormalized long");
		value += digit * scale;
		scale *= 32768.0;
	}
	*out = size < 0 ? -value : value;
	return 0;
}

static int read_value(mreader *r, size_t *out, bool *null);

/* Reads `n` objects into kids[first..first+n). */
static int read_items(mreader *r, size_t first, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t at = r->pos, kid;
		bool null;

		if (read_value(r, &kid, &null) < 0)
			return SCOUT_ERROR;
		if (null)
			return bad(at, "NULL object in a container");
		r->kids[first + i] = kid;
	}
	return 0;
}

/* '{': key, value pairs up to a NULL ('0') key. The pairs go to a scratch
 * array first (nested containers add their own kids meanwhile), then to kids. */
static int read_dict(mreader *r, size_t v)
{
	size_t *pairs = NULL, npairs = 0, cap = 0;
	int error = 0;

	for (;;) {
		size_t at = r->pos, key, val;
		bool null;

		if ((error = read_value(r, &key, &null)) < 0)
			goto cleanup;
		if (null)
			break;
		at = r->pos;
		if ((error = read_value(r, &val, &null)) < 0)
			goto cleanup;
		if (null) {
			error = bad(at, "NULL dict value");
			goto cleanup;
		}
		SCOUT_PUSH(pairs, npairs, cap, key);
		SCOUT_PUSH(pairs, npairs, cap, val);
	}
	scout_grow((void **)&r->kids, &r->capkids, r->nkids + npairs, sizeof(*r->kids));
	if (npairs)
		memcpy(r->kids + r->nkids, pairs, npairs * sizeof(*pairs));
	r->vals[v].off = r->nkids;
	r->vals[v].len = npairs / 2;
	r->nkids += npairs;
cleanup:
	free(pairs);
	return error;
}

static int read_container(mreader *r, unsigned char code, bool ref, size_t *out)
{
	size_t n = 0, first, v, slot = 0;
	const unsigned char *p;
	int error;

	if (code == ')') {
		if (take(r, 1, &p) < 0)
			return SCOUT_ERROR;
		n = *p;
		if (n > r->len - r->pos)
			return truncated(r);
	} else if (code != '{' && read_count(r, 1, &n) < 0) {
		return SCOUT_ERROR;
	}
	v = new_value(r, code == '{' ? V_DICT : V_SEQ, code);
	if (ref) {
		slot = r->nrefs;
		SCOUT_PUSH(r->refs, r->nrefs, r->caprefs, code == '>' ? SIZE_MAX : v);
	}
	if (code == '{') {
		error = read_dict(r, v);
	} else {
		/* Every kid is a value read from at least one byte of its own,
		 * so valid data never needs more kids than it has bytes. */
		if (r->nkids > r->len || n > r->len - r->nkids)
			return truncated(r);
		first = r->nkids;
		scout_grow((void **)&r->kids, &r->capkids, first + n, sizeof(*r->kids));
		r->nkids += n;
		r->vals[v].off = first;
		r->vals[v].len = n;
		error = read_items(r, first, n);
	}
	if (error < 0)
		return error;
	if (ref)
		r->refs[slot] = v; /* frozensets are registered once complete */
	*out = v;
	return 0;
}

/* Reads one object into *out; *null is set for TYPE_NULL ('0'), which only a
 * dict's key position accepts. */
static int read_value(mreader *r, size_t *out, bool *null)
{
	const unsigned char *p;
	unsigned char code;
	size_t at = r->pos, n = 0, v;
	int32_t i32;
	bool ref;
	double num = 0, imag;
	int error = 0;

	*null = false;
	if (take(r, 1, &p) < 0)
		return SCOUT_ERROR;
	code = *p & ~FLAG_REF;
	ref = (*p & FLAG_REF) != 0;
	if (r->depth >= MAX_DEPTH)
		return bad(at, "nested deeper than 64 levels");
	r->depth++;
	switch (code) {
	case '0':
		*null = true;
		goto done;
	case 'N':
	case 'T':
	case 'F':
	case 'S':
	case '.':
		/* Singletons never take a reference slot; one value each keeps
		 * the memory per input byte small. */
		if (!r->singletons[code])
			r->singletons[code] =
			    new_value(r, code == 'N' ? V_NONE : V_OTHER, code) + 1;
		*out = r->singletons[code] - 1;
		goto done;
	case 'r':
		if ((error = read_i32(r, &i32)) < 0)
			goto done;
		if (i32 < 0 || (size_t)i32 >= r->nrefs || r->refs[i32] == SIZE_MAX) {
			error = bad(at, "invalid reference");
			goto done;
		}
		*out = r->refs[i32];
		goto done;
	case 'i':
		if ((error = read_i32(r, &i32)) < 0)
			goto done;
		num = i32;
		break;
	case 'I':
		if ((error = take(r, 8, &p)) < 0)
			goto done;
		num = (double)(int64_t)((uint64_t)p[0] | (uint64_t)p[1] << 8 |
		                        (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24 |
		                        (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 |
		                        (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56);
		break;
	case 'l':
		error = read_long(r, &num);
		break;
	case 'g':
		if ((error = take(r, 8, &p)) == 0)
			num = read_f64(p);
		break;
	case 'f':
		error = read_text_float(r, &num);
		break;
	case 'y':
		error = take(r, 16, &p);
		break;
	case 'x':
		if ((error = read_text_float(r, &num)) == 0)
			error = read_text_float(r, &imag);
		break;
	case 's':
	case 't':
	case 'u':
	case 'a':
	case 'A':
		error = read_count(r, 1, &n);
		goto string;
	case 'z':
	case 'Z':
		if ((error = take(r, 1, &p)) == 0)
			n = *p;
	string:
		if (error == 0 && (error = take(r, n, &p)) == 0) {
			v = new_value(r, V_STR, code);
			r->vals[v].off = (size_t)(p - r->data);
			r->vals[v].len = n;
			goto registered;
		}
		goto done;
	case '(':
	case ')':
	case '[':
	case '{':
	case '<':
	case '>':
		error = read_container(r, code, ref, out);
		goto done;
	case 'c':
		error = bad(at, "code objects are not supported");
		goto done;
	default:
		error = scout_error_set("bad pstats data at byte %zu: unknown marshal type 0x%02x",
		                        at, *p);
		goto done;
	}
	if (error < 0)
		goto done;
	v = new_value(r, (code == 'x' || code == 'y') ? V_OTHER : V_NUM, code);
	r->vals[v].num = num;
registered:
	if (ref)
		SCOUT_PUSH(r->refs, r->nrefs, r->caprefs, v);
	*out = v;
done:
	r->depth--;
	return error;
}

static const mvalue *kid(const mreader *r, const mvalue *v, size_t i)
{
	return &r->vals[r->kids[v->off + i]];
}

static bool is_tuple(const mvalue *v)
{
	return v->kind == V_SEQ && (v->code == '(' || v->code == ')');
}

/* One stats entry: (file, line, func) -> (cc, nc, tt, ct, callers). */
static int add_entry(scout_profile_builder *b, const mreader *r, const mvalue *key,
                     const mvalue *val, size_t index)
{
	const mvalue *file, *tt;
	const char *name;

	if (!is_tuple(key) || key->len != 3 || kid(r, key, 0)->kind != V_STR || !is_tuple(val) ||
	    val->len < 4 || kid(r, val, 2)->kind != V_NUM)
		return scout_error_set("not a pstats profile: entry %zu is not "
		                       "(file, line, function): (cc, nc, tt, ct, callers)",
		                       index + 1);
	file = kid(r, key, 0);
	tt = kid(r, val, 2);
	if (!isfinite(tt->num))
		return scout_error_set("not a pstats profile: entry %zu has a self time "
		                       "that is not a finite number",
		                       index + 1);
	name = (const char *)r->data + file->off;
	if (file->len == 1 && name[0] == '~')
		name = NULL; /* built-in functions */
	scout_profile_builder_add(b, name, file->len, tt->num);
	return 0;
}

int scout_profile_read_pstats(scout_profile *out, const unsigned char *data, size_t len)
{
	mreader r = {.data = data, .len = len};
	scout_profile_builder b;
	const mvalue *top;
	size_t root;
	bool null;
	int error;

	scout_profile_builder_init(&b, out);
	if ((error = read_value(&r, &root, &null)) < 0)
		goto cleanup;
	if (null || (top = &r.vals[root])->kind != V_DICT) {
		error = scout_error_set("not a pstats profile: the marshal data is not a dict");
		goto cleanup;
	}
	for (size_t i = 0; i < top->len; i++) {
		if ((error = add_entry(&b, &r, &r.vals[r.kids[top->off + 2 * i]],
		                       &r.vals[r.kids[top->off + 2 * i + 1]], i)) < 0)
			goto cleanup;
	}
	scout_profile_builder_finish(&b);
cleanup:
	scout_profile_builder_free(&b);
	free(r.vals);
	free(r.kids);
	free(r.refs);
	return error;
}
