/* GitHub's annotation types for findings, and how many of each a step shows
 * (--format github and the job summary that counts the rest). */
#ifndef SCOUT_GITHUB_KIND_H
#define SCOUT_GITHUB_KIND_H

#include "scout/result.h"

/* GitHub shows at most 10 error, 10 warning and 10 notice annotations per
 * step (and 50 per job); the rest are dropped without a word. Source: the
 * "Limitations" of actions/toolkit docs/problem-matchers.md. */
#define SCOUT_GITHUB_PER_KIND 10

typedef enum scout_github_kind {
	SCOUT_GITHUB_ERROR,   /* a blocker that holds */
	SCOUT_GITHUB_WARNING, /* non-native, behaviour; diagnostics */
	SCOUT_GITHUB_NOTICE,  /* slow, info, and a finding that does not hold */
	SCOUT_GITHUB_KIND_COUNT
} scout_github_kind;

/* The annotation type of f. */
scout_github_kind scout_github_kind_of(const scout_finding *f);
/* "error", "warning", "notice" (static). */
const char *scout_github_kind_name(scout_github_kind k);

/* The annotations of each type the scan makes (findings and diagnostics),
 * before the cap, in total[]. */
void scout_github_count(const scout_scan *scan, size_t total[SCOUT_GITHUB_KIND_COUNT]);

#endif
