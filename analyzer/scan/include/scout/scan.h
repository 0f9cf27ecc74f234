/* A whole scan: discover, then analyse every file on a pool of threads. */
#ifndef SCOUT_SCAN_H
#define SCOUT_SCAN_H

#include "scout/discover.h"
#include "scout/profile.h"
#include "scout/scope.h"
#include "scout/walk.h"

typedef struct scout_scan_opts {
	scout_discover_opts discover;
	unsigned jobs;                /* worker threads, >= 1 */
	bool progress;                /* progress line on stderr for long scans */
	double coverage_threshold;    /* 0.80 by default */
	const char *project_dir;      /* where packaging and mypy config live */
	const scout_profile *profile; /* --profile, loaded; NULL: static hotness */
	const char *profile_name;     /* its file name, for hotness_source */
	scout_rule_config rules;      /* selection and target mypyc version */
	const char *cache_dir;        /* the per-file result cache (scout/cache.h); NULL: none */
	bool scope_all;               /* --scope all: the gate covers every module */
} scout_scan_opts;

/* Runs the scan into *out (free with scout_scan_free). Returns 0, or a
 * negative error with scout_error_last() set when nothing could be scanned. */
int scout_scan_run(scout_scan *out, const scout_scan_opts *opts);

/* The project-wide stages over the analysed modules of `scan`: the link
 * stage's checks (the mypy configuration found in `project_dir`, the class
 * index across modules), hotness (from `profile` when given, else the
 * static estimate), the plan and the compile set; first the scope (which
 * modules ship and which the gate covers, scout/scope.h). Findings go to the
 * modules; verdicts and scores are recomputed after. */
void scout_scan_finish(scout_scan *scan, const char *project_dir, const scout_scope_opts *scope,
                       const scout_rule_config *config, const scout_profile *profile,
                       const char *profile_name);

#endif
