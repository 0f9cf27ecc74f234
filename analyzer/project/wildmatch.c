/* Git wildmatch patterns over paths split into components. */
#include "scout/wildmatch.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

typedef struct parts {
	char **items; /* owned; each component, NUL-terminated */
	size_t n, cap;
} parts;

static void split(parts *out, const char *s, size_t len)
{
	size_t start = 0;

	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i <= len; i++) {
		if (i < len && s[i] != '/')
			continue;
		if (i > start)
			SCOUT_PUSH(out->items, out->n, out->cap,
			           scout_strndup(s + start, i - start));
		start = i + 1;
	}
}

static void parts_free(parts *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->items[i]);
	free(p->items);
}

/* Pattern components from `i` against path components from `j`. A match
 * that stops at a directory of the path covers what is below it, unless the
 * pattern ended there with '/' ... which below-only handles. */
static bool match_from(const parts *pat, size_t i, const parts *path, size_t j, bool below_only)
{
	if (i == pat->n)
		return j < path->n || !below_only;
	if (strcmp(pat->items[i], "**") == 0) {
		if (i + 1 == pat->n)
			return j < path->n;
		for (size_t k = j; k <= path->n; k++)
			if (match_from(pat, i + 1, path, k, below_only))
				return true;
		return false;
	}
	return j < path->n && fnmatch(pat->items[i], path->items[j], 0) == 0 &&
	       match_from(pat, i + 1, path, j + 1, below_only);
}

bool scout_wildmatch(const char *pattern, const char *path)
{
	size_t len = strlen(pattern);
	bool below_only, anchored;
	parts pat, p;
	bool hit;

	while (len && (pattern[len - 1] == ' ' || pattern[len - 1] == '\t'))
		len--;
	if (!len || pattern[0] == '#')
		return false;
	below_only = pattern[len - 1] == '/';
	anchored = memchr(pattern, '/', below_only ? len - 1 : len) != NULL;
	split(&pat, pattern, len);
	if (!anchored)
		SCOUT_PUSH(pat.items, pat.n, pat.cap, NULL);
	if (!anchored) { /* "name" is "**" + "/name" */
		memmove(pat.items + 1, pat.items, (pat.n - 1) * sizeof(*pat.items));
		pat.items[0] = scout_strdup("**");
	}
	split(&p, path, strlen(path));
	hit = pat.n > 0 && match_from(&pat, 0, &p, 0, below_only);
	parts_free(&pat);
	parts_free(&p);
	return hit;
}

bool scout_wildmatch_spec(const char *const *patterns, size_t n, const char *path)
{
	bool hit = false;

	for (size_t i = 0; i < n; i++) {
		bool negated = patterns[i][0] == '!';

		if (scout_wildmatch(patterns[i] + negated, path))
			hit = !negated;
	}
	return hit;
}
