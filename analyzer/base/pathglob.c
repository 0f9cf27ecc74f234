/* Segment-wise glob matching for packaging patterns. */
#include "scout/pathglob.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

/* Splits s at '/' in place, skipping empty and "." segments. Returns the
 * count; segs (owned by caller) points into s. */
static size_t split(char *s, char ***segs)
{
	size_t n = 0, cap = 0;
	char *save = NULL;

	*segs = NULL;
	for (char *tok = strtok_r(s, "/", &save); tok; tok = strtok_r(NULL, "/", &save))
		if (strcmp(tok, ".") != 0)
			SCOUT_PUSH(*segs, n, cap, tok);
	return n;
}

/* Pattern segments p[i..] against path segments s[j..k). */
static bool match_from(char **p, size_t np, size_t i, char **s, size_t k, size_t j)
{
	for (; i < np; i++, j++) {
		if (strcmp(p[i], "**") == 0) {
			for (size_t t = j; t <= k; t++)
				if (match_from(p, np, i + 1, s, k, t))
					return true;
			return false;
		}
		if (j >= k || fnmatch(p[i], s[j], 0) != 0)
			return false;
	}
	return j == k;
}

/* Whether the pattern matches the path or (with or_parent) one of its
 * directories; `dirs_only` leaves the path itself out. */
static bool match(const char *pattern, const char *path, bool or_parent, bool dirs_only)
{
	char *pc = scout_strdup(pattern), *sc = scout_strdup(path);
	char **p, **s;
	size_t np = split(pc, &p), ns = split(sc, &s);
	bool hit = false;

	for (size_t k = ns; k > 0 && !hit; k--) {
		if (k == ns ? dirs_only : !or_parent)
			continue;
		hit = match_from(p, np, 0, s, k, 0);
	}
	free(p);
	free(s);
	free(pc);
	free(sc);
	return hit;
}

bool scout_glob_path(const char *pattern, const char *path, bool or_parent)
{
	return match(pattern, path, or_parent, false);
}

bool scout_gitignore_match(const char *pattern, const char *path)
{
	size_t n = strlen(pattern);
	bool dir_only, anchored;
	char *body;
	bool hit;

	while (n && pattern[n - 1] == ' ')
		n--;
	if (!n || pattern[0] == '#')
		return false;
	if (n >= 3 && strncmp(pattern + n - 3, "/**", 3) == 0)
		n -= 2; /* a trailing slash-star-star is everything inside, not the directory */
	dir_only = pattern[n - 1] == '/';
	anchored = pattern[0] == '/' || memchr(pattern, '/', n - dir_only) != NULL;
	body = anchored ? scout_strndup(pattern, n) : scout_asprintf("**/%.*s", (int)n, pattern);
	hit = match(body, path, true, dir_only);
	free(body);
	return hit;
}

bool scout_gitignore_any(const char *const *patterns, size_t n, const char *path)
{
	bool hit = false;

	for (size_t i = 0; i < n; i++) {
		bool negate = patterns[i][0] == '!';

		if (scout_gitignore_match(patterns[i] + negate, path))
			hit = !negate;
	}
	return hit;
}
