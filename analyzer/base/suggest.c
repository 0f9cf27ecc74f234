/* Did-you-mean for unknown options, commands and rule ids. */
#include "scout/suggest.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Optimal string alignment distance of a[0..n) and b[0..m), case folded. */
static size_t distance(const char *a, size_t n, const char *b, size_t m)
{
	size_t *rows = scout_calloc(3 * (m + 1), sizeof(*rows));
	size_t *prev2 = rows, *prev = rows + m + 1, *cur = rows + 2 * (m + 1), d;

	for (size_t j = 0; j <= m; j++)
		prev[j] = j;
	for (size_t i = 1; i <= n; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= m; j++) {
			int ca = tolower((unsigned char)a[i - 1]),
			    cb = tolower((unsigned char)b[j - 1]);
			size_t best = prev[j - 1] + (ca != cb);

			if (prev[j] + 1 < best)
				best = prev[j] + 1;
			if (cur[j - 1] + 1 < best)
				best = cur[j - 1] + 1;
			if (i > 1 && j > 1 && ca == tolower((unsigned char)b[j - 2]) &&
			    tolower((unsigned char)a[i - 2]) == cb && prev2[j - 2] + 1 < best)
				best = prev2[j - 2] + 1;
			cur[j] = best;
		}
		size_t *t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	d = prev[m];
	free(rows);
	return d;
}

const char *scout_suggest(const char *word, size_t len, const char *const *candidates, size_t n)
{
	const char *best = NULL;
	size_t best_d = (size_t)-1;

	for (size_t i = 0; i < n; i++) {
		size_t m = strlen(candidates[i]), longer = m > len ? m : len;
		size_t limit = longer / 3 ? longer / 3 : 1,
		       d = distance(word, len, candidates[i], m);

		if (len >= 3 && m > len && strncasecmp(candidates[i], word, len) == 0)
			d = d < limit ? d : limit; /* a prefix: "--min" for "--min-coverage" */
		if (d <= limit && d < best_d) {
			best = candidates[i];
			best_d = d;
		}
	}
	return best;
}
