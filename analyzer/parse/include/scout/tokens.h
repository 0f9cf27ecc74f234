/* How many tokens a source text has, estimated before parsing: the parse
 * tree and the analysis take memory and time in proportion to the tokens
 * (about 500 bytes a token at the peak), so a file with more than the budget
 * is refused with a diagnostic instead of taking gigabytes. */
#ifndef SCOUT_TOKENS_H
#define SCOUT_TOKENS_H

#include <stddef.h>

/* The per-file analysis budget: three times the largest file of the real
 * projects we check (black's profiling/dict_huge.py, 331,000 tokens). */
#define SCOUT_ANALYSIS_MAX_TOKENS ((size_t)1000000)

/* The tokens of data, counted up to stop (then stop is returned): a run of
 * letters, digits, '_' and non-ASCII bytes is one, every other character
 * but blanks is one. An upper bound of the parser's leaves in practice (a
 * string counts its words), in one pass. */
size_t scout_tokens_estimate(const char *data, size_t len, size_t stop);

#endif
