/* Python version specifiers (PEP 440 and Poetry's), read as the range of
 * CPython 3 minor versions they allow; and the oldest CPython each mypyc
 * runs on. Shared by the audit and the scan's target Python. */
#include "scout/python_spec.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "scout/walk.h"

/* Oldest CPython the given mypyc runs on (mypy's own requires-python). */
int scout_python_min_minor_for_mypyc(uint32_t v)
{
	if (v == 0)
		v = SCOUT_MYPYC_CURRENT;
	if (v < SCOUT_V(1, 5, 0))
		return 7;
	if (v < SCOUT_V(1, 15, 0))
		return 8;
	if (v < SCOUT_V(1, 20, 0))
		return 9;
	return 10;
}

/* "3", "3.8", "3.8.1", "3.*": missing parts are -1. */
static const char *parse_version(const char *p, int *major, int *minor, int *patch)
{
	*major = *minor = *patch = -1;
	if (!isdigit((unsigned char)*p))
		return NULL;
	*major = (int)strtol(p, (char **)&p, 10);
	if (*p == '.' && isdigit((unsigned char)p[1]))
		*minor = (int)strtol(p + 1, (char **)&p, 10);
	if (*minor >= 0 && *p == '.' && isdigit((unsigned char)p[1]))
		*patch = (int)strtol(p + 1, (char **)&p, 10);
	if (*minor > 999 || *major > 99 || *patch > 9999)
		return NULL;
	return p;
}

static void set_lo(scout_python_range *r, int major, int minor)
{
	if (major < 3)
		r->python2 = true;
	else if (major == 3 && minor > r->lo)
		r->lo = minor;
}

static void set_hi(scout_python_range *r, int minor)
{
	if (r->hi < 0 || minor < r->hi)
		r->hi = minor;
}

/* One clause ("op version"); unknown operators are ignored. A version
 * without a minor ("3", "3.*") bounds nothing within CPython 3. */
static void clause(scout_python_range *r, const char *op, int major, int minor, int patch)
{
	bool whole = minor < 0;

	r->parsed = true;
	if (whole)
		minor = 0;
	if (strcmp(op, ">=") == 0 || strcmp(op, ">") == 0 || strcmp(op, "^") == 0) {
		set_lo(r, major, minor);
	} else if (strcmp(op, "~=") == 0) {
		set_lo(r, major, minor);
		if (patch >= 0 && major == 3) /* ~=3.8.1 means 3.8.* */
			set_hi(r, minor);
	} else if (strcmp(op, "==") == 0 || strcmp(op, "~") == 0) {
		set_lo(r, major, minor);
		if (major == 3 && !whole)
			set_hi(r, minor);
	} else if (strcmp(op, "<") == 0) {
		if (major == 3 && !whole)
			set_hi(r, patch > 0 ? minor : minor - 1);
	} else if (strcmp(op, "<=") == 0) {
		if (major == 3 && !whole)
			set_hi(r, minor);
	} else {
		r->parsed = false;
	}
}

scout_python_range scout_python_spec_parse(const char *spec)
{
	scout_python_range r = {.lo = -1, .hi = -1};
	const char *p = spec;

	if (strstr(spec, "||") || strstr(spec, " or "))
		return r; /* alternatives: shown as written */
	while (*p) {
		char op[3] = {0};
		int major, minor, patch;
		size_t n = 0;

		while (*p == ' ' || *p == ',' || *p == '\t')
			p++;
		while (n < 2 && *p && strchr("<>=!~^", *p))
			op[n++] = *p++;
		while (*p == '=') /* === */
			p++;
		while (*p == ' ')
			p++;
		if (!(p = parse_version(p, &major, &minor, &patch)))
			break;
		if (strcmp(op, "!=") != 0)
			clause(&r, n ? op : "==", major, minor, patch);
		while (*p && *p != ',' && *p != ' ')
			p++;
	}
	if (r.lo < 0 && !r.python2 && r.hi < 0)
		r.parsed = false;
	return r;
}
