/* --diff: the lines a change adds, from libgit2 (merge base, tree-to-workdir
 * diff with the index), and the verdict each changed module had before. */
#include "scout/diff.h"

#include <git2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scout/analyze.h"
#include "scout/fs.h"
#include "scout/gitutil.h"
#include "scout/path.h"
#include "scout/pool.h"
#include "scout/settings.h"
#include "project_rules.h"

typedef struct changed_file {
	char *path;      /* owned; repository-relative */
	bool whole;      /* added or untracked: every line is new */
	uint32_t *lines; /* owned; added new-side line numbers, sorted */
	size_t nlines, cap;
} changed_file;

typedef struct changes {
	changed_file *files;
	size_t len, cap;
} changes;

static int git_fail(const char *what)
{
	char *prefixed = scout_asprintf("--diff: %s", what);
	int error = scout_git_error(prefixed);

	free(prefixed);
	return error;
}

static int on_file(const git_diff_delta *delta, float progress, void *payload)
{
	changes *c = payload;
	changed_file f = {0};

	f.path = scout_strdup(delta->new_file.path);
	f.whole = delta->status == GIT_DELTA_ADDED || delta->status == GIT_DELTA_UNTRACKED;
	SCOUT_PUSH(c->files, c->len, c->cap, f);
	return 0;
}

static int on_line(const git_diff_delta *delta, const git_diff_hunk *hunk,
                   const git_diff_line *line, void *payload)
{
	changes *c = payload;
	changed_file *f = &c->files[c->len - 1];

	if (line->origin == GIT_DIFF_LINE_ADDITION && line->new_lineno > 0)
		SCOUT_PUSH(f->lines, f->nlines, f->cap, (uint32_t)line->new_lineno);
	return 0;
}

static void changes_free(changes *c)
{
	for (size_t i = 0; i < c->len; i++) {
		free(c->files[i].path);
		free(c->files[i].lines);
	}
	free(c->files);
}

static const changed_file *find_file(const changes *c, const char *path)
{
	for (size_t i = 0; i < c->len; i++)
		if (strcmp(c->files[i].path, path) == 0)
			return &c->files[i];
	return NULL;
}

static bool line_added(const changed_file *f, uint32_t line)
{
	for (size_t i = 0; i < f->nlines; i++) /* diff order is ascending */
		if (f->lines[i] == line)
			return true;
	return false;
}

/* The base side, re-analysed on the scan's thread pool: each thread opens
 * the repository and the merge base's tree for itself (libgit2 handles are
 * not shared). */
typedef struct base_ctx {
	const char *root;
	git_oid tree_id;
	const scout_scan *scan;
	const scout_rule_config *rules;
	size_t *modules;   /* the modules to look at */
	char **repo_paths; /* theirs in the repository */
	int *was;          /* out: their verdicts at the base (base_verdict) */
} base_ctx;

typedef struct base_worker {
	git_repository *repo;
	git_tree *tree;
	scout_analyzer *analyzer;
} base_worker;

static void *base_worker_new(void *ctx)
{
	const base_ctx *c = ctx;
	base_worker *w = scout_calloc(1, sizeof(*w));

	if (git_repository_open_ext(&w->repo, c->root, 0, NULL) < 0 ||
	    git_tree_lookup(&w->tree, w->repo, &c->tree_id) < 0)
		w->tree = NULL;
	w->analyzer = scout_analyzer_new(c->rules);
	return w;
}

static void base_worker_free(void *p)
{
	base_worker *w = p;

	scout_analyzer_free(w->analyzer);
	git_tree_free(w->tree);
	git_repository_free(w->repo);
	free(w);
}

/* The module's verdict at the merge base, analysed from the blob with the
 * base's rules and its mypy configuration (a project finding, as the scan's
 * last stage adds it); -1 when the file did not exist there. */
static int base_verdict(base_worker *w, const char *repo_path, const scout_module *m,
                        const scout_rule_config *rules, double threshold)
{
	git_tree_entry *entry = NULL;
	git_blob *blob = NULL;
	scout_file_result r = {0};
	scout_source src;
	scout_load_error err;
	int verdict = -1;

	if (!w->tree || git_tree_entry_bypath(&entry, w->tree, repo_path) < 0 ||
	    git_blob_lookup(&blob, w->repo, git_tree_entry_id(entry)) < 0)
		goto cleanup;
	if (scout_source_from_bytes(&src, git_blob_rawcontent(blob), (size_t)git_blob_rawsize(blob),
	                            &err) < 0) {
		verdict = SCOUT_BLOCKED;
		goto cleanup;
	}
	r.module.path = scout_strdup(m->path);
	r.module.module = scout_strdup(m->module);
	if (w->analyzer && scout_analyze_source(w->analyzer, &r, &src) == 0) {
		scout_scan one = {.modules = &r.module, .nmodules = 1};

		if (rules->mypy)
			scout_rules_check_mypy_config(&one, rules->mypy, rules);
		scout_module_finish(&r.module, threshold);
		verdict = (int)r.module.verdict;
	}
	scout_source_free(&src);
cleanup:
	scout_file_result_clear(&r);
	git_blob_free(blob);
	git_tree_entry_free(entry);
	return verdict;
}

static void base_one(void *ctx, void *worker, size_t i)
{
	base_ctx *c = ctx;

	c->was[i] = base_verdict(worker, c->repo_paths[i], &c->scan->modules[c->modules[i]],
	                         c->rules, c->scan->coverage_threshold);
}

/* How bad a verdict is, for "got worse": unknown ranks between
 * needs-changes and blocked; -1 (no file at the base) below them all. */
static int badness(int verdict)
{
	if (verdict == SCOUT_UNKNOWN)
		return SCOUT_BLOCKED;
	return verdict == SCOUT_BLOCKED ? SCOUT_BLOCKED + 1 : verdict;
}

static int diff_since_base(changes *c, git_repository *repo, const char *base, git_tree **tree,
                           git_oid *merge_base_out)
{
	git_object *base_obj = NULL, *head_obj = NULL;
	git_oid merge_base;
	git_commit *commit = NULL;
	git_diff *diff = NULL;
	git_diff_options opts;
	int error = SCOUT_ERROR;

	if (git_revparse_single(&base_obj, repo, base) < 0) {
		git_fail(base);
		goto cleanup;
	}
	if (git_revparse_single(&head_obj, repo, "HEAD") < 0 ||
	    git_merge_base(&merge_base, repo, git_object_id(base_obj), git_object_id(head_obj)) <
	        0 ||
	    git_commit_lookup(&commit, repo, &merge_base) < 0 ||
	    git_commit_tree(tree, commit) < 0) {
		git_fail("no merge base with HEAD");
		goto cleanup;
	}
	git_oid_cpy(merge_base_out, &merge_base);
	git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
	opts.context_lines = 0;
	opts.flags = GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS |
	             GIT_DIFF_SHOW_UNTRACKED_CONTENT;
	if (git_diff_tree_to_workdir_with_index(&diff, repo, *tree, &opts) < 0 ||
	    git_diff_foreach(diff, on_file, NULL, NULL, on_line, c) < 0) {
		git_fail("diff");
		goto cleanup;
	}
	error = 0;
cleanup:
	git_diff_free(diff);
	git_commit_free(commit);
	git_object_free(base_obj);
	git_object_free(head_obj);
	return error;
}

/* The verdicts at the base of the modules a change edits (not added: an
 * added file has no base), on `jobs` threads; -1 where not looked at. */
static int *base_verdicts(const scout_scan *scan, const changes *c, git_tree *tree,
                          const char *root, const char *prefix, const scout_rule_config *rules,
                          unsigned jobs)
{
	base_ctx ctx = {.root = root, .scan = scan, .rules = rules};
	int *by_module = scout_calloc(scan->nmodules + 1, sizeof(*by_module));
	size_t n = 0;

	ctx.modules = scout_calloc(scan->nmodules + 1, sizeof(*ctx.modules));
	ctx.repo_paths = scout_calloc(scan->nmodules + 1, sizeof(*ctx.repo_paths));
	ctx.was = scout_calloc(scan->nmodules + 1, sizeof(*ctx.was));
	git_oid_cpy(&ctx.tree_id, git_tree_id(tree));
	for (size_t i = 0; i < scan->nmodules; i++) {
		char *repo_path = scout_asprintf("%s%s", prefix, scan->modules[i].path);
		const changed_file *f = find_file(c, repo_path);

		by_module[i] = -1;
		if (!f || f->whole) {
			free(repo_path);
			continue;
		}
		ctx.modules[n] = i;
		ctx.was[n] = -1;
		ctx.repo_paths[n++] = repo_path;
	}
	scout_pool_run(&(scout_pool_task){
	    .count = n,
	    .jobs = jobs ? jobs : 1,
	    .ctx = &ctx,
	    .worker_new = base_worker_new,
	    .worker_free = base_worker_free,
	    .run = base_one,
	});
	for (size_t i = 0; i < n; i++) {
		by_module[ctx.modules[i]] = ctx.was[i];
		free(ctx.repo_paths[i]);
	}
	free(ctx.modules);
	free(ctx.repo_paths);
	free(ctx.was);
	return by_module;
}

static void keep_changed(scout_scan *scan, const changes *c, const int *base, const char *prefix,
                         size_t *hidden)
{
	for (size_t i = 0; i < scan->nmodules; i++) {
		scout_module *m = &scan->modules[i];
		char *repo_path = scout_asprintf("%s%s", prefix, m->path);
		const changed_file *f = find_file(c, repo_path);
		int was = f && !f->whole ? base[i] : 0;
		bool worse = f && !f->whole && badness((int)m->verdict) > badness(was);
		size_t kept = 0;

		if (worse) {
			m->got_worse = true;
			m->was = was < 0 ? SCOUT_VERDICT_COUNT : (uint8_t)was;
		}
		for (size_t j = 0; j < m->nfindings; j++) {
			if (f && (f->whole || worse || line_added(f, m->findings[j].line))) {
				m->findings[kept++] = m->findings[j];
				continue;
			}
			scout_finding_clear(&m->findings[j]);
			(*hidden)++;
		}
		m->nfindings = kept;
		free(repo_path);
	}
}

/* Whether a and b name the same directory, lexically from the current one. */
static bool same_dir(const char *a, const char *b)
{
	char *abs_a = scout_path_absolute(a), *abs_b = scout_path_absolute(b);
	bool same = abs_a && abs_b && strcmp(abs_a, abs_b) == 0;

	free(abs_a);
	free(abs_b);
	return same;
}

/* The merge base scanned whole as `--rev <merge base>` scans it: its
 * pyproject.toml, mypy configuration, mypyc pin, target Python, scope and
 * compile set read from the commit, the project stages (cross-module
 * classes, plan risks) run as on the work tree; the command line's flags
 * stand over its configuration as over the work tree's. *settings holds the
 * commit mounted until scout_settings_free. False, with a warning, when that
 * scan fails or its root is not the work tree's (`root`): the base is then
 * judged module by module with the work tree's rules. */
static bool base_scan(scout_settings *settings, scout_scan *out, const scout_cli *cli,
                      const git_oid *merge_base, const char *root)
{
	char hex[GIT_OID_HEXSZ + 1];
	scout_cli at_base = *cli;
	scout_fs_refused *refused;
	size_t nrefused;
	int error;

	git_oid_tostr(hex, sizeof(hex), merge_base);
	at_base.rev = hex;
	at_base.diff_base = NULL;
	if (!cli->paths.count) { /* --rev's default would be the repository's top */
		at_base.paths.items = &root;
		at_base.paths.count = 1;
	}
	if ((error = scout_settings_resolve(settings, &at_base)) == 0) {
		settings->scan.progress = false;
		error = scout_scan_run(out, &settings->scan);
		settings->scan.discover.rev = NULL; /* borrowed `hex` */
	}
	/* The base's unreadable files are not the scanned tree's diagnostics. */
	nrefused = scout_fs_refusals_take(&refused);
	scout_fs_refused_free(refused, nrefused);
	if (error == 0 && !same_dir(settings->project_dir, root))
		error = scout_error_set("its project root is '%s', not '%s'", settings->project_dir,
		                        root);
	if (error == 0)
		return true;
	fprintf(stderr,
	        "mypyc-scout: warning: --diff: the merge base does not scan with its own "
	        "configuration (%s); its modules are judged by the work tree's\n",
	        scout_error_last());
	scout_scan_free(out);
	scout_settings_free(settings);
	return false;
}

/* The verdicts the base scan gave the modules a change edits (not added),
 * by path; -1 where not looked at or absent from the base. */
static int *scanned_verdicts(const scout_scan *scan, const changes *c, const scout_scan *base,
                             const char *prefix)
{
	int *by_module = scout_calloc(scan->nmodules + 1, sizeof(*by_module));

	for (size_t i = 0; i < scan->nmodules; i++) {
		char *repo_path = scout_asprintf("%s%s", prefix, scan->modules[i].path);
		const changed_file *f = find_file(c, repo_path);

		by_module[i] = -1;
		for (size_t j = 0; f && !f->whole && j < base->nmodules; j++)
			if (strcmp(base->modules[j].path, scan->modules[i].path) == 0)
				by_module[i] = (int)base->modules[j].verdict;
		free(repo_path);
	}
	return by_module;
}

int scout_diff_apply(scout_scan *scan, const scout_cli *cli, const char *root,
                     const scout_rule_config *rules, unsigned jobs, size_t *hidden)
{
	git_repository *repo = NULL;
	git_tree *tree = NULL;
	git_oid merge_base;
	scout_settings at_base;
	scout_scan base = {0};
	bool have_base = false;
	changes c = {0};
	char *prefix = NULL;
	int *was = NULL, error = SCOUT_ERROR;

	*hidden = 0;
	git_libgit2_init();
	if (git_repository_open_ext(&repo, root, 0, NULL) < 0 || git_repository_is_bare(repo)) {
		scout_error_set("--diff: '%s' is not in a git work tree", root);
		goto cleanup;
	}
	if (diff_since_base(&c, repo, cli->diff_base, &tree, &merge_base) < 0)
		goto cleanup;
	prefix = scout_git_prefix(repo, root);
	if ((have_base = base_scan(&at_base, &base, cli, &merge_base, root)))
		was = scanned_verdicts(scan, &c, &base, prefix);
	else
		was = base_verdicts(scan, &c, tree, root, prefix, rules, jobs);
	keep_changed(scan, &c, was, prefix, hidden);
	error = 0;
cleanup:
	if (have_base) {
		scout_scan_free(&base);
		scout_settings_free(&at_base);
	}
	free(was);
	free(prefix);
	changes_free(&c);
	git_tree_free(tree);
	git_repository_free(repo);
	git_libgit2_shutdown();
	return error;
}
