/* The finished results of a scan: plain data, no tree-sitter objects, no
 * source buffers. Reporters read only these. */
#ifndef SCOUT_RESULT_H
#define SCOUT_RESULT_H

#include "scout/common.h"
#include "scout/compile_origin.h"

typedef enum scout_category {
	SCOUT_BLOCKER = 0,
	SCOUT_NON_NATIVE,
	SCOUT_BEHAVIOUR,
	SCOUT_SLOW,
	SCOUT_INFO, /* compiled code differs only where users of the module do not meet it
	               (docs/severity.md): reported, never counted toward verdict or score */
	SCOUT_CATEGORY_COUNT
} scout_category;

typedef enum scout_verdict {
	SCOUT_READY = 0,
	SCOUT_NEEDS_ANNOTATIONS,
	SCOUT_NEEDS_CHANGES,
	SCOUT_BLOCKED,
	SCOUT_UNKNOWN, /* no blocker, but the bundled grammar cannot parse it all */
	SCOUT_VERDICT_COUNT
} scout_verdict;

typedef enum scout_diag_kind {
	SCOUT_DIAG_SYNTAX_ERROR = 0,
	SCOUT_DIAG_UNREADABLE,
	SCOUT_DIAG_NOT_UTF8,
	SCOUT_DIAG_TOO_LARGE,
	SCOUT_DIAG_SKIPPED,
	SCOUT_DIAG_GRAMMAR_GAP, /* parsed in part: the verdict is unknown */
} scout_diag_kind;

/* The names used in reports ("blocker", "needs-annotations", ...). */
const char *scout_category_name(scout_category c);
const char *scout_verdict_name(scout_verdict v);
const char *scout_diag_kind_name(scout_diag_kind k);
/* The category named by the len bytes at `name` into *out: its report name,
 * or "behavior" (US spelling) for behaviour. False for anything else. */
bool scout_category_parse(const char *name, size_t len, scout_category *out);

#define SCOUT_FINGERPRINT_LEN 24

typedef struct scout_finding {
	const char *rule; /* static rule id, borrowed from the rule tables */
	scout_category category;
	uint32_t line, column, end_line, end_column; /* 1-based; columns in code points */
	char *message;                               /* owned */
	char *fix;                                   /* owned */
	char fingerprint[SCOUT_FINGERPRINT_LEN];     /* see scout/fingerprint.h; "" until set */
	/* Paths of the other modules that must be compiled in the same build for
	 * the finding to hold (a native base class of another module): owned,
	 * sorted, unique; none when it holds whatever else is compiled. */
	char **assumes;
	uint32_t nassumes;
	/* Set by the link stage when an assumed module stays out of the build
	 * the verdicts assume (scout/assumed_build.h): the finding is reported
	 * but counts toward neither the verdict, the score nor --fail-on. */
	bool unmet;
} scout_finding;

typedef struct scout_annotations {
	uint32_t defs, typed_defs, fully_typed_defs;
	uint32_t slots, annotated_slots;
	uint32_t any, type_ignores;
} scout_annotations;

/* Coverage as docs/report-schema.md defines it: annotated / slots, 1.0 when there
 * are no slots, rounded to 4 decimals. */
double scout_annotations_coverage(const scout_annotations *a);

/* Adds a's counts to *to. */
void scout_annotations_add(scout_annotations *to, const scout_annotations *a);

/* How a class body declares a name (for reads through the class). */
typedef enum scout_member_kind {
	SCOUT_MEMBER_VAR = 0, /* a plain variable: an instance attribute of a native class */
	SCOUT_MEMBER_CLASSVAR,
	SCOUT_MEMBER_FINAL,
	SCOUT_MEMBER_METHOD, /* a def (wins over assignments) */
} scout_member_kind;

/* A name the class body binds. */
typedef struct scout_class_attr {
	char *name;   /* owned */
	uint8_t kind; /* scout_member_kind */
} scout_class_attr;

/* A module-level class, for the project class index (link stage). */
typedef struct scout_class_info {
	char *name;                                  /* owned */
	uint32_t line, column, end_line, end_column; /* the class name */
	char **bases; /* owned; qualified names of the positional bases ("" when not a name) */
	uint32_t nbases;
	uint8_t kind;           /* 0 native, else why not (scout_class_kind, scout/class_kind.h) */
	bool trait;             /* @trait or a Protocol */
	bool allow_interpreted; /* @mypyc_attr(allow_interpreted_subclasses=True) */
	char *bad_builtin; /* owned; a direct base outside mypyc's builtin allow-list, or NULL */
	scout_class_attr *attrs; /* owned; class-body names in document order, unique */
	uint32_t nattrs;
} scout_class_info;

/* How a module-level name is bound (scout/names.h). */
typedef enum scout_bind_kind {
	SCOUT_BIND_IMPORT, /* import x, from m import x */
	SCOUT_BIND_DEF,    /* def, class */
	SCOUT_BIND_VAR,    /* x = ..., x: T */
	SCOUT_BIND_STAR,   /* from m import *: local is "*", target m */
	SCOUT_BIND_EXPORT, /* a name __all__ lists: local is the name, target "" (binds nothing) */
} scout_bind_kind;

/* A module-level name binding: the one mypy uses for the name (see
 * scout/names.h), or a star import (local "*"). */
typedef struct scout_binding {
	char *local;           /* owned */
	char *target;          /* owned; absolute qualified name */
	uint32_t line, column; /* where it is bound */
	uint8_t kind;          /* scout_bind_kind: import, def, variable, star, export */
} scout_binding;

/* One import statement's target (the link stage resolves names through it). */
typedef struct scout_import {
	char *module; /* owned; "pkg.mod" or relative ".util" / "." as written */
	char *name;   /* owned; the imported name of `from M import name`, else NULL */
	uint32_t line;
	bool in_function;   /* inside a def: runs when called */
	bool type_checking; /* under `if TYPE_CHECKING:`: never runs */
} scout_import;

/* Calls from this module to a name imported from elsewhere, counted; calls
 * inside a `raise` statement (an error path) are left out. */
typedef struct scout_callref {
	char *target; /* owned; qualified name the callee resolves to */
	uint32_t count;
} scout_callref;

/* A name this module's code patches at run time (mock.patch, patch.object,
 * monkeypatch.setattr): compiled code keeps calling the original. */
typedef struct scout_patch {
	char *target; /* owned; "pkg.mod.name" as far as it can be resolved */
	uint32_t line;
} scout_patch;

/* `X.attr` where X is a name imported from outside the standard library
 * (a class of another project module, perhaps): checked in the link stage. */
typedef struct scout_attr_ref {
	char *object; /* owned; qualified name of X; relative imports keep their dots */
	char *attr;   /* owned */
	uint32_t line, column, end_line, end_column; /* the whole `X.attr` */
	bool store;                                  /* assigned (`X.attr = v`, `X.attr += v`) */
} scout_attr_ref;

typedef struct scout_module {
	char *path;   /* owned; relative to the scan root, '/'-separated */
	char *module; /* owned; dotted module name */
	uint32_t lines;
	scout_annotations ann;
	scout_finding *findings; /* owned, sorted by (line, column, rule) */
	size_t nfindings, findings_cap;
	scout_verdict verdict;
	int score;
	double hotness;
	bool has_hotness;
	bool is_package;           /* an __init__.py */
	scout_class_info *classes; /* owned; module-level classes in document order */
	size_t nclasses, classes_cap;
	scout_binding *bindings; /* owned; module-level bindings in document order */
	size_t nbindings;
	char **asked; /* owned; imported names the analysis asked about, sorted */
	size_t nasked;
	scout_import *imports; /* owned; in document order */
	size_t nimports, imports_cap;
	scout_callref *calls; /* owned; sorted by target, unique */
	size_t ncalls, calls_cap;
	/* Statements in function bodies, each weighing 4^(for/while loops
	 * around it in its def, at most 3): what runs when the module's code is
	 * called, not at import (static hotness). */
	uint32_t fn_work;
	scout_patch *patches; /* owned; in document order */
	size_t npatches, patches_cap;
	bool compiled_now;    /* in the project's current mypyc configuration */
	uint32_t excluded_by; /* 1 + the compile origin (scan->compile_origins) whose list leaves
	                         it out on purpose (hatch-mypyc exclude, a filter or remove()
	                         in setup.py); 0: none */
	bool shipped;         /* goes into the wheel (scout_scope_read): planned and gated */
	bool gated;           /* counted by --fail-on: shipped, --scope all, or named */
	uint32_t grammar_gap_line; /* the first line the grammar cannot parse, when no certain
	                              syntax error explains it (verdict unknown); else 0 */
	scout_attr_ref *attr_refs; /* owned; in document order */
	size_t nattr_refs, attr_refs_cap;
	bool got_worse; /* --diff: its verdict is worse than at the merge base */
	uint8_t was;    /* got_worse: the verdict at the merge base (SCOUT_VERDICT_COUNT: no
	                   such file there) */
} scout_module;

typedef struct scout_diagnostic {
	char *path; /* owned */
	scout_diag_kind kind;
	uint32_t line; /* 0 when not about a line */
	char *message; /* owned */
} scout_diagnostic;

/* One module the plan recommends compiling. */
typedef struct scout_plan_item {
	size_t module;        /* index into scan->modules */
	int group;            /* 1-based; modules that must compile together share it */
	double expected_gain; /* hotness x readiness */
	bool first_phase;     /* part of "compile first" (what is compiled today always is) */
	bool kept;            /* compiled today: the plan keeps it */
} scout_plan_item;

/* The list the plan puts a module in: every module is in exactly one. */
typedef enum scout_plan_list {
	SCOUT_LIST_PLAN,        /* plan.compile */
	SCOUT_LIST_BLOCKED,     /* cannot be compiled as it stands */
	SCOUT_LIST_IDLE,        /* not worth compiling */
	SCOUT_LIST_NOT_SHIPPED, /* not in the wheel: never planned */
	SCOUT_LIST_COUNT
} scout_plan_list;

/* Why a module is in its list (scout_plan_why_text words it). */
typedef enum scout_plan_why {
	SCOUT_WHY_READY,      /* plan: compiles as it stands */
	SCOUT_WHY_KEPT,       /* plan: compiled today; its blockers hold only when place.tied_to is
	                        compiled too */
	SCOUT_WHY_BLOCKERS,   /* blocked: its own blocker findings */
	SCOUT_WHY_UNREAD,     /* blocked: the grammar could not read all of it (verdict unknown) */
	SCOUT_WHY_TIED,       /* blocked: a class of it is subclassed in a blocked module
	                         (place.tied_*): compiled alone, that import fails */
	SCOUT_WHY_BREAKS,     /* blocked: compiling it makes blockers of a module compiled today
	                         hold (place.tied_to) */
	SCOUT_WHY_EMPTY,      /* idle: no statements */
	SCOUT_WHY_REEXPORTS,  /* idle: only imports */
	SCOUT_WHY_TYPES,      /* idle: only type definitions (records, enums, protocols, aliases) */
	SCOUT_WHY_EXCEPTIONS, /* idle: only exception classes */
	SCOUT_WHY_DATA,       /* idle: only constants and data, run once at import */
	SCOUT_WHY_IMPORT_TIME, /* idle: no code that runs after import */
	SCOUT_WHY_SCRIPT,      /* idle: an entry-point script (__main__.py) */
	SCOUT_WHY_COLD,        /* idle: no time in the profile */
	SCOUT_WHY_UNTYPED,     /* idle: score 0, no speed-up until annotated */
	SCOUT_WHY_NOT_SHIPPED, /* not shipped (scan->scope_source) */
	SCOUT_WHY_EXCLUDED,    /* idle: the build leaves it out on purpose (module.excluded_by) */
} scout_plan_why;

typedef struct scout_plan_place {
	uint8_t list;        /* scout_plan_list */
	uint8_t why;         /* scout_plan_why */
	size_t tied_to;      /* TIED: the blocked subclass module; BREAKS: the module compiled
	                        today; KEPT: the module that breaks it; else (size_t)-1 */
	const char *tied_by; /* SCOUT_WHY_TIED: the class subclassed there (borrowed from the
	                        modules' class facts) */
	double unlocks;      /* SCOUT_WHY_BLOCKERS/UNREAD: estimated runtime share the fix
	                        makes compilable: its own and the modules tied to it */
} scout_plan_place;

/* The compile plan (README "Plan"). */
typedef struct scout_plan {
	scout_plan_item *compile; /* owned; in recommended order */
	size_t ncompile, compile_cap;
	size_t *blocked; /* owned; hot-first module indexes in SCOUT_LIST_BLOCKED */
	size_t nblocked, blocked_cap;
	scout_plan_place *places; /* owned; one per module, by module index */
	double covered;           /* share of estimated runtime the first phase covers */
	bool built;               /* false until the rank stage ran */
} scout_plan;

/* Something only a type checker can tell, listed once per scan. */
typedef struct scout_advisory {
	const char *rule; /* static, borrowed from the rule tables */
	scout_category category;
	const char *title; /* static */
} scout_advisory;

/* A profile file that matches two or more project modules equally well: its
 * time is reported, never credited to one of them nor dropped silently. */
typedef struct scout_profile_tie {
	char *file;     /* owned; as the profile names it */
	double share;   /* of the profile's total self time */
	char **modules; /* owned; the module paths it matches equally, sorted */
	size_t nmodules;
} scout_profile_tie;

/* Where a profile's self time went (README "Profiles"); the four shares add
 * up to 1. */
typedef struct scout_profile_placement {
	double shipped;          /* in shipped modules: what hotness divides */
	double not_shipped;      /* in project modules that do not ship (tests, scripts) */
	double ambiguous;        /* in files that match several project modules equally */
	double outside;          /* outside the project: stdlib, third party, no file */
	scout_profile_tie *ties; /* owned; largest share first */
	size_t nties, ties_cap;
} scout_profile_placement;

typedef struct scout_scan {
	char *root;           /* owned; the project root from the working directory */
	char *repo_prefix;    /* owned; the root inside its git work tree: "" or "dir/sub/" */
	char *from_cwd;       /* owned; the root from the working directory: "", "sub/", "../" */
	char *cwd_in_root;    /* owned; the working directory inside the root: "" or "pkg/" */
	char *source;         /* owned; "worktree" or "files" */
	char *hotness_source; /* owned; "static" or "profile:<file name>" */
	scout_profile_placement profile; /* with a profile: where its self time went */
	scout_module *modules;           /* owned, sorted by path */
	size_t nmodules, modules_cap;
	scout_diagnostic *diags; /* owned, sorted by (path, line, kind) */
	size_t ndiags, diags_cap;
	double coverage_threshold;      /* below it: needs-annotations */
	uint32_t mypyc_version;         /* the mypyc the rules were evaluated for (SCOUT_V) */
	char *mypyc_version_source;     /* owned; why that version */
	int python_major, python_minor; /* the Python mypy analysed for (reachability) */
	char *python_platform;          /* owned; its sys.platform */
	char *python_source;            /* owned; why that version */
	scout_advisory *advisories;     /* owned array of borrowed strings */
	size_t nadvisories, advisories_cap;
	scout_plan plan;
	char *compile_source; /* owned; where the current compile set was read, or NULL */
	scout_compile_origin *compile_origins; /* owned; the build files it was read from */
	size_t ncompile_origins, compile_origins_cap;
	scout_compile_unread *compile_unread; /* owned; what in them could not be read */
	size_t ncompile_unread, compile_unread_cap;
	char *scope_source; /* owned; how the shipped modules were found, or NULL */
	uint8_t backend;    /* scout_backend (scout/scope.h): the snippet's build */
	char *backend_name; /* owned; [build-system] build-backend as written, or NULL */
	bool scope_all;     /* --scope all: the gate covers every module */
} scout_scan;

/* Adds a finding to m, copying message and fix. */
void scout_module_add_finding(scout_module *m, const char *rule, scout_category cat, uint32_t line,
                              uint32_t column, uint32_t end_line, uint32_t end_column,
                              const char *message, const char *fix);
/* Adds `path` to what f assumes (copied; the list stays sorted and unique). */
void scout_finding_assume(scout_finding *f, const char *path);
/* True when f counts toward verdict, score and --fail-on: it assumes
 * nothing, or every module it assumes is in the build the verdicts assume. */
bool scout_finding_holds(const scout_finding *f);
/* Frees what f owns (message, fix, assumes). */
void scout_finding_clear(scout_finding *f);
/* Sorts the findings and sets verdict and score from the findings that hold
 * (scout_finding_holds) and the coverage. */
void scout_module_finish(scout_module *m, double coverage_threshold);
/* The score formula (README "Scores"): 0-100 from coverage and findings. */
int scout_module_score(const scout_module *m);
void scout_module_clear(scout_module *m);

/* Fills *out with copies of path and message (free with scout_diag_clear). */
void scout_diag_init(scout_diagnostic *out, const char *path, scout_diag_kind kind, uint32_t line,
                     const char *message);
void scout_diag_clear(scout_diagnostic *d);
/* The report order of diagnostics, for qsort: path, line, kind, message. */
int scout_diag_compare(const void *a, const void *b);

void scout_scan_add_diag(scout_scan *s, const char *path, scout_diag_kind kind, uint32_t line,
                         const char *message);
/* Frees what a placement owns and empties it. */
void scout_profile_placement_clear(scout_profile_placement *p);
/* Sorts modules and diagnostics into report order. */
void scout_scan_sort(scout_scan *s);
void scout_scan_free(scout_scan *s);
/* path (from the project root) as a person at the terminal finds it: from
 * the working directory ("pkg/core.py" there, "core.py" inside pkg/,
 * "../setup.py" below the root), as ruff names files. Owned by caller, free
 * with free(); NULL for a NULL path. */
char *scout_scan_local_path(const scout_scan *s, const char *path);
/* The build file whose list leaves m out on purpose (m->excluded_by), or
 * NULL. Borrowed from s. */
const scout_compile_origin *scout_scan_excluded_by(const scout_scan *s, const scout_module *m);

/* Totals over all modules, for reports. */
typedef struct scout_summary {
	size_t modules;
	uint64_t lines;
	size_t verdicts[SCOUT_VERDICT_COUNT];
	size_t findings[SCOUT_CATEGORY_COUNT];
	scout_annotations ann;
} scout_summary;

void scout_scan_summarise(const scout_scan *s, scout_summary *out);
/* Adds one module to the totals (scout_scan_summarise over a subset). */
void scout_summary_add(scout_summary *out, const scout_module *m);

/* True for test code, which is never compiled and never hot: a path with a
 * `tests`/`test`/`testing` directory, or a test_*.py / *_test.py /
 * conftest.py file. */
bool scout_module_is_test(const scout_module *m);

/* The absolute dotted name of `target` as imported from module `module`
 * (a package's own name when is_package): ".x" and "..x.y" are resolved as
 * Python resolves relative imports, an absolute name is copied. Owned by
 * the caller. A relative name that climbs above the top-level package keeps
 * what is left ("x"). */
char *scout_import_absolute(const char *module, bool is_package, const char *target);

#endif
