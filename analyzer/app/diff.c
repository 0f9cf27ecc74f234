/* --diff: the lines a change adds, from libgit2 (merge base, tree-to-workdir
 * diff with the index), and the verdict each changed module had before. */
#include "scout/diff.h"

#include <git2.h>
#include <stdlib.h>
#include <string.h>

#include "scout/analyze.h"
#include "scout/gitutil.h"

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

/* The module's verdict at the merge base, analysed from the blob; -1 when
 * the file did not exist there. */
static int base_verdict(git_repository *repo, git_tree *tree, const char *repo_path,
                        const scout_module *m, double threshold, const scout_rule_config *rules)
{
	git_tree_entry *entry = NULL;
	git_blob *blob = NULL;
	scout_file_result r = {0};
	scout_source src;
	scout_load_error err;
	scout_analyzer *a = NULL;
	int verdict = -1;

	if (git_tree_entry_bypath(&entry, tree, repo_path) < 0 ||
	    git_blob_lookup(&blob, repo, git_tree_entry_id(entry)) < 0)
		goto cleanup;
	if (scout_source_from_bytes(&src, git_blob_rawcontent(blob), (size_t)git_blob_rawsize(blob),
	                            &err) < 0) {
		verdict = SCOUT_BLOCKED;
		goto cleanup;
	}
	r.module.path = scout_strdup(m->path);
	r.module.module = scout_strdup(m->module);
	if ((a = scout_analyzer_new(rules)) && scout_analyze_source(a, &r, &src) == 0) {
		scout_module_finish(&r.module, threshold);
		verdict = (int)r.module.verdict;
	}
	scout_source_free(&src);
cleanup:
	scout_analyzer_free(a);
	scout_file_result_clear(&r);
	git_blob_free(blob);
	git_tree_entry_free(entry);
	return verdict;
}

/* How bad a verdict is, for "got worse": unknown ranks between
 * needs-changes and blocked; -1 (no file at the base) below them all. */
static int badness(int verdict)
{
	if (verdict == SCOUT_UNKNOWN)
		return SCOUT_BLOCKED;
	return verdict == SCOUT_BLOCKED ? SCOUT_BLOCKED + 1 : verdict;
}

static int diff_since_base(changes *c, git_repository *repo, const char *base, git_tree **tree)
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

static void keep_changed(scout_scan *scan, const changes *c, git_repository *repo, git_tree *tree,
                         const char *prefix, const scout_rule_config *rules, size_t *hidden)
{
	for (size_t i = 0; i < scan->nmodules; i++) {
		scout_module *m = &scan->modules[i];
		char *repo_path = scout_asprintf("%s%s", prefix, m->path);
		const changed_file *f = find_file(c, repo_path);
		int was = f && !f->whole ? base_verdict(repo, tree, repo_path, m,
		                                        scan->coverage_threshold, rules)
		                         : 0;
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

int scout_diff_apply(scout_scan *scan, const char *root, const char *base,
                     const scout_rule_config *rules, size_t *hidden)
{
	git_repository *repo = NULL;
	git_tree *tree = NULL;
	changes c = {0};
	char *prefix = NULL;
	int error = SCOUT_ERROR;

	*hidden = 0;
	git_libgit2_init();
	if (git_repository_open_ext(&repo, root, 0, NULL) < 0 || git_repository_is_bare(repo)) {
		scout_error_set("--diff: '%s' is not in a git work tree", root);
		goto cleanup;
	}
	if (diff_since_base(&c, repo, base, &tree) < 0)
		goto cleanup;
	prefix = scout_git_prefix(repo, root);
	keep_changed(scan, &c, repo, tree, prefix, rules, hidden);
	error = 0;
cleanup:
	free(prefix);
	changes_free(&c);
	git_tree_free(tree);
	git_repository_free(repo);
	git_libgit2_shutdown();
	return error;
}
