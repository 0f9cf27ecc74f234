/* The pre-migration audit: one view over a finished scan (phases, findings by
 * rule, annotation work, compatibility risks, chart data) plus the packaging
 * checklist read from the repository's own files. Built once by
 * analyzer/audit/audit.c and audit_facts.c; rendered by reporters/audit/html.c and
 * reporters/audit/markdown.c, which decide nothing of their own. All text in
 * here is plain (unescaped) UTF-8 or scanned bytes: renderers escape it. */
#ifndef SCOUT_AUDIT_H
#define SCOUT_AUDIT_H

#include "scout/result.h"

/* A place in the scanned code: module index, line (1-based; 0: the module),
 * column, and a borrowed label (a finding's message, a class name). */
typedef struct scout_audit_loc {
	size_t module;
	uint32_t line, column;
	const char *label;            /* borrowed from the scan; may be NULL */
	const char *fix;              /* borrowed; the finding's own fix, or NULL */
	const scout_finding *finding; /* borrowed; the finding located, or NULL */
} scout_audit_loc;

/* Evidence for a checklist item, read from a repository file. */
typedef struct scout_audit_ref {
	char *path;    /* owned; relative to the project directory, '/'-separated */
	uint32_t line; /* 0: the file as a whole */
	char *text;    /* owned; the line as written, trimmed, at most 200 bytes */
} scout_audit_ref;

typedef enum scout_check_status {
	SCOUT_CHECK_OK = 0, /* in place */
	SCOUT_CHECK_TODO,   /* must change before compiled wheels ship */
	SCOUT_CHECK_WARN,   /* should change; does not stop a build */
	SCOUT_CHECK_INFO,   /* nothing to decide, just what we found */
} scout_check_status;

/* "ok", "todo", "warn", "info". */
const char *scout_check_status_name(scout_check_status s);

/* One packaging checklist item (section 5). */
typedef struct scout_audit_check {
	const char *id;    /* static: build-backend, cibuildwheel, fallback-wheel,
	                      requires-python, test-compiled, mypyc-tests */
	const char *title; /* static, e.g. "Build backend" */
	scout_check_status status;
	char *found;   /* owned; what the repository says, one plain paragraph */
	char *advice;  /* owned; what to do, one plain paragraph, or NULL */
	char *snippet; /* owned; ready config to paste, or NULL */
	/* static: "toml", "yaml", "python", "ini"; NULL without snippet */
	const char *snippet_lang;
	const char *snippet_file; /* static: where it goes ("pyproject.toml"); NULL without */
	scout_audit_ref *refs;    /* owned; evidence in (path, line) order */
	size_t nrefs, refs_cap;
} scout_audit_check;

/* A module's fix: one rule that stands in its way, counted. */
typedef struct scout_audit_fix {
	const char *rule; /* static */
	scout_category category;
	uint32_t count;
} scout_audit_fix;

/* One module in one of the plan's lists (scan->plan.places), as the audit
 * shows it: the plan decides every list and every reason; the audit only
 * adds what stands in the module's way. */
typedef struct scout_audit_module {
	size_t module;          /* index into scan->modules */
	scout_audit_fix *fixes; /* owned; phase 2: behaviour and non-native rules; blocked:
	                           its blocker rules; by severity, then count */
	size_t nfixes, fixes_cap;
	uint8_t why; /* scout_plan_why: the plan's reason for its list */
} scout_audit_module;

/* The plan's reason for am's list, in words (scout_plan_why_text). */
const char *scout_audit_skip_text(const scout_audit_module *am);

/* The rank of a finding category in the audit's order: blockers, then
 * behaviour, then non-native classes, then slow code (0..3). */
int scout_audit_severity_rank(scout_category c);

/* Findings of one rule (section 3), locations in report order. */
typedef struct scout_audit_rule {
	const char *rule; /* static */
	scout_category category;
	size_t nmodules;       /* distinct modules */
	scout_audit_loc *locs; /* owned */
	size_t nlocs, locs_cap;
} scout_audit_rule;

/* One module's annotation work (section 4). */
typedef struct scout_audit_annot {
	size_t module;
	uint32_t untyped_defs;  /* defs with no annotation at all */
	uint32_t partial_defs;  /* defs annotated in part */
	uint32_t missing_slots; /* the effort figure: slots to annotate */
} scout_audit_annot;

/* A compatibility risk for users of the package (section 6). */
typedef struct scout_audit_risk {
	const char *id;        /* static: a rule id, or "public-class" */
	const char *title;     /* static */
	const char *why;       /* static: what a user of the package would notice */
	bool breaking;         /* alone it would justify a major version */
	scout_audit_loc *locs; /* owned */
	size_t nlocs, locs_cap;
} scout_audit_risk;

#define SCOUT_AUDIT_BINS 10

/* A module of a verification that was not simply confirmed. */
typedef struct scout_audit_verified_row {
	char *path;    /* owned */
	char *outcome; /* owned; "missed-blocker", "needs-type-fixes", ... */
	char *message; /* owned; mypyc's first error for it, or NULL */
} scout_audit_verified_row;

/* `audit --verification FILE`: what `verify --format json` wrote, read back
 * (analyzer/app/audit_verification.c) for the "Verified with mypyc X.Y on
 * DATE" section. */
typedef struct scout_audit_verified {
	char *version, *date, *status, *set, *stop_reason; /* owned; stop_reason may be NULL */
	size_t nmodules, nverified, confirmed, missed, false_blockers, environment;
	double agreement;               /* -1 when none could be checked */
	char **verified;                /* owned; the verified plan's paths */
	scout_audit_verified_row *rows; /* owned; every module not confirmed, in path order */
	size_t nrows;
	char *test_command; /* owned; --test, or NULL */
	int test_exit;
	size_t test_failures, import_failures;
	bool imported;
} scout_audit_verified;

void scout_audit_verified_free(scout_audit_verified *v);

typedef struct scout_audit {
	/* 1. summary, over one population: the shipped modules (what goes into
	 * the wheel and what the plan plans); every count below is of them */
	char *verdict;        /* owned; one plain paragraph */
	scout_summary totals; /* the shipped modules only */
	size_t not_shipped;   /* modules scanned but not shipped (tests, scripts) */
	/* 2. the plan's lists, as the scan reports them (scan->plan): phase 1 is
	 * the plan's first phase in plan order, phase 2 the rest of the plan, then
	 * the blocked modules in the plan's order (what fixing each unlocks
	 * first), then those not worth compiling (hottest first), then those the
	 * build leaves out on purpose (SCOUT_WHY_EXCLUDED: hatch-mypyc's exclude,
	 * a filter in setup.py; path order). Not-shipped modules are only
	 * counted. */
	scout_audit_module *phase1, *phase2, *blocked, *skip, *excluded; /* owned */
	size_t nphase1, nphase2, nblocked, nskip, nexcluded;
	size_t phase1_cap, phase2_cap, blocked_cap, skip_cap, excluded_cap;
	double phase2_covered; /* share of estimated runtime phase 2 adds */
	double unlocks;        /* share the blocked modules' own fixes unlock */
	/* which paste-ready phase 1 snippets fit: the build that compiles today,
	 * else the build backend (scan->backend), both when neither says */
	bool snippet_setuptools, snippet_hatch;
	/* the project's own environment switch around its mypycify call (read
	 * from its build files, never made up: lagom's LAGOM_COMPILE), which the
	 * setuptools snippet keeps; NULL when it has none */
	char *snippet_switch, *snippet_switch_on; /* owned */
	/* what the project compiles with mypyc today (scan->compile_*), in path
	 * order, each with the plan's list and reason for it */
	scout_audit_module *current;
	size_t ncurrent, current_cap;
	/* 3. findings by rule, shipped modules only: blockers, then behaviour,
	 * non-native and slow; most findings first within one; then rule id */
	scout_audit_rule *rules;
	size_t nrules, rules_cap;
	/* 4. annotation work: hottest first, then path; modules with missing slots */
	scout_audit_annot *annots;
	size_t nannots, annots_cap;
	uint64_t missing_slots; /* total effort */
	/* 5. packaging checklist (audit_facts.c) */
	scout_audit_check *checks;
	size_t nchecks, checks_cap;
	char *build_backend; /* owned; [build-system] build-backend as written, or NULL */
	/* 6. compatibility risks, in a fixed order; those with no location too */
	scout_audit_risk *risks;
	size_t nrisks, risks_cap;
	bool major_version; /* some breaking risk has locations */
	/* 7. chart data: coverage histogram of the shipped modules (bin i holds
	 * coverage in [i/10, (i+1)/10), the last bin includes 1.0) */
	size_t coverage_bins[SCOUT_AUDIT_BINS];
	/* the document */
	char *project_name;             /* owned; [project] name, else the root's last component */
	char *generated_at;             /* owned; UTC ISO 8601 with --timestamp, else NULL */
	scout_audit_verified *verified; /* owned; --verification, else NULL */
} scout_audit;

/* Builds the whole audit from a finished scan (plan built) and the project
 * directory whose packaging files are read (never executed). */
void scout_audit_build(scout_audit *out, const scout_scan *scan, const char *project_dir,
                       bool timestamp);
void scout_audit_free(scout_audit *a);

/* The packaging checklist alone (audit_facts.c): fills a->checks and
 * a->build_backend from pyproject.toml, setup.py, setup.cfg, CI workflow
 * files and the scan's test modules. Unreadable files are simply absent. */
void scout_audit_packaging(scout_audit *a, const scout_scan *scan, const char *project_dir);
/* The setuptools snippet around the phase 1 paths (each on its own line,
 * indented 8 spaces): plain text appended to b, inside the project's own
 * switch when it has one (a->snippet_switch). */
void scout_audit_setup_snippet_head(scout_buf *b, const scout_audit *a);
void scout_audit_setup_snippet_tail(scout_buf *b, const scout_audit *a);

#endif
