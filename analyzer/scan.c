/* A whole scan: discover the files, analyse them on the worker pool into
 * per-file slots, then merge in path order. */
#include "scout/scan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <git2.h>

#include "scout/analyze.h"
#include "scout/pool.h"
#include "scout/project.h"

typedef struct scan_ctx {
	const char *repo_path; /* --rev: where the blobs are read from, else NULL */
	const scout_file_list *files;
	const scout_rule_config *rules;
	scout_file_result *results; /* one slot per file */
	double coverage_threshold;
	bool progress_shown;
} scan_ctx;

/* Per thread: a parser, and for --rev a repository handle of its own. */
typedef struct worker {
	scout_analyzer *analyzer;
	git_repository *repo;
} worker;

static void *worker_new(void *ctx)
{
	const scan_ctx *c = ctx;
	worker *w = scout_calloc(1, sizeof(*w));

	w->analyzer = scout_analyzer_new(c->rules);
	if (c->repo_path && git_repository_open_ext(&w->repo, c->repo_path, 0, NULL) < 0)
		w->repo = NULL;
	return w;
}

static void worker_free(void *p)
{
	worker *w = p;

	scout_analyzer_free(w->analyzer);
	git_repository_free(w->repo);
	free(w);
}

/* Analyses a file of --rev's tree, read from the object database. */
static void analyse_blob(worker *w, scout_file_result *r, const scout_file *f)
{
	git_oid oid;
	git_blob *blob = NULL;
	scout_source src;
	scout_load_error err;

	r->module.path = scout_strdup(f->rel);
	r->module.module = scout_strdup(f->module);
	if (!w->repo || git_oid_fromstr(&oid, f->blob) < 0 ||
	    git_blob_lookup(&blob, w->repo, &oid) < 0) {
		scout_file_result_add_diag(r, f->rel, SCOUT_DIAG_UNREADABLE, 0,
		                           "cannot read the blob from the repository");
		return;
	}
	if (scout_source_from_bytes(&src, git_blob_rawcontent(blob), (size_t)git_blob_rawsize(blob),
	                            &err) < 0)
		scout_file_result_add_diag(r, f->rel, err.kind, err.line, err.message);
	else {
		scout_analyze_source(w->analyzer, r, &src);
		scout_source_free(&src);
	}
	git_blob_free(blob);
}

static void analyse_one(void *ctx, void *state, size_t i)
{
	scan_ctx *c = ctx;
	worker *w = state;
	const scout_file *f = &c->files->files[i];
	scout_file_result *r = &c->results[i];

	if (!w->analyzer) {
		r->module.path = scout_strdup(f->rel);
		scout_file_result_add_diag(
		    r, f->rel, SCOUT_DIAG_SKIPPED, 0,
		    "internal error: the Python parser could not be created");
		return;
	}
	if (f->blob)
		analyse_blob(w, r, f);
	else
		scout_analyze_file(w->analyzer, r, f->fs, f->rel, f->module);
	if (r->has_module)
		scout_module_finish(&r->module, c->coverage_threshold);
}

static void show_progress(void *ctx, size_t done, size_t count, double seconds)
{
	scan_ctx *c = ctx;

	if (seconds < 1.0)
		return;
	fprintf(stderr, "\rmypyc-scout: analysed %zu of %zu modules", done, count);
	fflush(stderr);
	c->progress_shown = true;
}

static void merge(scout_scan *out, scout_file_result *results, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		scout_file_result *r = &results[i];

		if (r->has_module) {
			SCOUT_PUSH(out->modules, out->nmodules, out->modules_cap, r->module);
			memset(&r->module, 0, sizeof(r->module));
		}
		for (size_t j = 0; j < r->ndiags; j++)
			SCOUT_PUSH(out->diags, out->ndiags, out->diags_cap, r->diags[j]);
		r->ndiags = 0;
		scout_file_result_clear(r);
	}
}

int scout_scan_run(scout_scan *out, const scout_scan_opts *opts)
{
	scout_file_list files = {0};
	scan_ctx ctx = {0};
	scout_pool_task task = {0};
	int error;

	memset(out, 0, sizeof(*out));
	out->coverage_threshold = opts->coverage_threshold;
	out->hotness_source = scout_strdup("static");
	if ((error = scout_discover(&files, out, &opts->discover)) < 0)
		goto cleanup;
	ctx.files = &files;
	ctx.repo_path = opts->discover.rev
	                    ? (opts->discover.npaths == 1 ? opts->discover.paths[0] : ".")
	                    : NULL;
	ctx.rules = &opts->rules;
	ctx.results = scout_calloc(files.len ? files.len : 1, sizeof(*ctx.results));
	ctx.coverage_threshold = opts->coverage_threshold;
	task = (scout_pool_task){
	    .count = files.len,
	    .jobs = opts->jobs,
	    .ctx = &ctx,
	    .worker_new = worker_new,
	    .worker_free = worker_free,
	    .run = analyse_one,
	    .progress = opts->progress ? show_progress : NULL,
	};
	git_libgit2_init();
	error = scout_pool_run(&task);
	git_libgit2_shutdown();
	if (ctx.progress_shown)
		fprintf(stderr, "\r\033[K");
	merge(out, ctx.results, files.len);
	scout_scan_sort(out);
	scout_project_link(out, opts->project_dir ? opts->project_dir : ".", &opts->rules,
	                   opts->profile, opts->profile_name);
cleanup:
	free(ctx.results);
	scout_file_list_free(&files);
	return error;
}
