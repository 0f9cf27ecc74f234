/* PEP 263 coding declarations, as CPython's tokenizer reads them. */
#include "coding.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* A name as Python's codecs.lookup normalises it: lower case, '-' and ' '
 * as '_'. */
static void codec_key(char *out, size_t cap, const char *name)
{
	size_t i = 0;

	for (; name[i] && i + 1 < cap; i++)
		out[i] =
		    name[i] == '-' || name[i] == ' ' ? '_' : (char)tolower((unsigned char)name[i]);
	out[i] = '\0';
}

static bool in_list(const char *key, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(key, *list) == 0)
			return true;
	return false;
}

/* get_normal_name: the first 12 bytes lowered, '_' as '-'; the UTF-8 and
 * Latin-1 spellings CPython knows become "utf-8" and "iso-8859-1". */
static void normal_name(coding_decl *d)
{
	static const char *const latin[] = {"latin-1", "iso-8859-1", "iso-latin-1"};
	char buf[13];
	size_t i = 0;

	for (; i < 12 && d->name[i]; i++)
		buf[i] = d->name[i] == '_' ? '-' : (char)tolower((unsigned char)d->name[i]);
	buf[i] = '\0';
	strcpy(d->normal, d->name);
	if (strcmp(buf, "utf-8") == 0 || strncmp(buf, "utf-8-", 6) == 0) {
		strcpy(d->normal, "utf-8");
		return;
	}
	for (i = 0; i < sizeof(latin) / sizeof(*latin); i++) {
		size_t k = strlen(latin[i]);

		if (strncmp(buf, latin[i], k) == 0 && (buf[k] == '\0' || buf[k] == '-'))
			strcpy(d->normal, "iso-8859-1");
	}
}

/* Python's aliases (encodings/aliases.py) of utf_8 and latin_1. */
static void classify(coding_decl *d)
{
	static const char *const utf8[] = {"utf_8",     "utf8",      "u8",      "utf",
	                                   "utf8_ucs2", "utf8_ucs4", "cp65001", NULL};
	static const char *const latin1[] = {
	    "latin_1",         "latin1",      "latin", "l1",     "iso8859_1",   "iso_8859_1",
	    "iso8859",         "8859",        "cp819", "ibm819", "csisolatin1", "iso_ir_100",
	    "iso_8859_1_1987", "iso_latin_1", NULL};
	char key[64];

	codec_key(key, sizeof(key), d->name);
	d->utf8 = strcmp(d->normal, "utf-8") == 0 || in_list(key, utf8);
	d->latin1 = strcmp(d->normal, "iso-8859-1") == 0 || in_list(key, latin1);
}

/* encodings.normalize_encoding after codecs.lookup's lower-casing: runs of
 * characters other than letters, digits and '.' become one '_' between
 * the others (none at either end). */
static void lookup_key(char *out, size_t cap, const char *name)
{
	size_t n = 0;
	bool punct = false;

	for (; *name && n + 2 < cap; name++) {
		unsigned char c = (unsigned char)*name;

		if (!isalnum(c) && c != '.') {
			punct = true;
			continue;
		}
		if (punct && n)
			out[n++] = '_';
		out[n++] = (char)tolower(c);
		punct = false;
	}
	out[n] = '\0';
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool listed(const char *key, const char *const *names, size_t n)
{
	return bsearch(&key, names, n, sizeof(*names), compare_names) != NULL;
}

/* encodings.search_function: the name as an alias (with '.' as '_' too),
 * then as a codec module (never one with a '.'). */
static bool python_has(const char *key, const char *const *aliases, size_t naliases,
                       const char *const *modules, size_t nmodules)
{
	char dotless[64];

	if (listed(key, aliases, naliases))
		return true;
	if (!strchr(key, '.'))
		return listed(key, modules, nmodules);
	strcpy(dotless, key);
	for (char *p = dotless; (p = strchr(p, '.'));)
		*p = '_';
	return listed(dotless, aliases, naliases);
}

/* What CPython makes of the declared name: the tokenizer reads its own
 * spellings of UTF-8 and Latin-1 (get_normal_name), the codecs the rest. */
static coding_python python_reads(const coding_decl *d)
{
	const coding_names *c = &coding_python_names;
	char key[64];

	if (strcmp(d->normal, "utf-8") == 0 || strcmp(d->normal, "iso-8859-1") == 0)
		return CODING_READABLE;
	lookup_key(key, sizeof(key), d->name);
	if (python_has(key, c->alias_readable, c->nalias_readable, c->module_readable,
	               c->nmodule_readable))
		return CODING_READABLE;
	if (python_has(key, c->alias_unreadable, c->nalias_unreadable, c->module_unreadable,
	               c->nmodule_unreadable))
		return CODING_UNREADABLE;
	return CODING_UNKNOWN;
}

/* get_coding_spec on one line: a comment-only line holding coding[:=]. */
static bool line_spec(coding_decl *d, const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f'))
		i++;
	if (i == n || s[i] != '#')
		return false;
	for (; i + 6 < n; i++) {
		const char *t = s + i;
		size_t k = 0;

		if (memcmp(t, "coding", 6) != 0 || (t[6] != ':' && t[6] != '='))
			continue;
		t += 7;
		while (t < s + n && (*t == ' ' || *t == '\t'))
			t++;
		while (t + k < s + n &&
		       (isalnum((unsigned char)t[k]) || t[k] == '-' || t[k] == '_' || t[k] == '.'))
			k++;
		if (k == 0)
			continue;
		if (k >= sizeof(d->name))
			k = sizeof(d->name) - 1;
		memcpy(d->name, t, k);
		d->name[k] = '\0';
		return true;
	}
	return false;
}

/* True when the line holds code (anything but blanks before a comment). */
static bool holds_code(const char *s, size_t n)
{
	for (size_t i = 0; i < n && s[i] != '#'; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\f')
			return true;
	return false;
}

void coding_find(coding_decl *out, const char *data, size_t len)
{
	size_t start = 0;

	memset(out, 0, sizeof(*out));
	for (uint32_t line = 1; line <= 2 && start < len; line++) {
		size_t end = start;

		while (end < len && data[end] != '\n' && data[end] != '\r')
			end++;
		if (line_spec(out, data + start, end - start)) {
			out->line = line;
			normal_name(out);
			classify(out);
			out->python = python_reads(out);
			return;
		}
		if (holds_code(data + start, end - start))
			return;
		start = end + (end + 1 < len && data[end] == '\r' && data[end + 1] == '\n' ? 2 : 1);
	}
}
