/* "Did you mean": the closest of some known words to a word nobody knows. */
#ifndef SCOUT_SUGGEST_H
#define SCOUT_SUGGEST_H

#include "scout/common.h"

/* The candidate nearest to the `len` bytes at `word` by edit distance
 * (insertions, deletions, substitutions and swaps of neighbours, ignoring
 * case), or NULL when none is near enough to be a typo: a distance of at
 * most a third of the longer word, at least 1; a candidate that starts with
 * the word (at least 3 bytes of it) counts too. Ties go to the first. The
 * result is borrowed from `candidates`. */
const char *scout_suggest(const char *word, size_t len, const char *const *candidates, size_t n);

#endif
