/* A whole scan: discover the files, analyse them on the worker pool into
 * per-file slots, then merge in path order. */
#include "scout/scan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scout/analyze.h"
#include "scout/pool.h"
#include "scout/project.h"

typedef struct scan_ctx {
	const scout_file_list *files;
	const scout_rule_config *rules;
	scout_file_result *results; /* one slot per file */
	double coverage_threshold;
	bool progress_shown;
} scan_ctx;

static void *worker_new(void *ctx)
{
	const scan_ctx *c = ctx;

	return scout_analyzer_new(c->rules);
}

static void worker_free(void *worker)
{
	scout_analyzer_free(worker);
}

static void analyse_one(void *ctx, void *worker, size_t i)
{
	scan_ctx *c = ctx;
	const scout_file *f = &c->files->files[i];
	scout_file_result *r = &c->results[i];

	if (!worker) {
		r->module.path = scout_strdup(f->rel);
		scout_file_result_add_diag(
		    r, f->rel, SCOUT_DIAG_SKIPPED, 0,
		    "internal error: the Python parser could not be created");
		return;
	}
	scout_analyze_file(worker, r, f->fs, f->rel, f->module);
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
	error = scout_pool_run(&task);
	if (ctx.progress_shown)
		fprintf(stderr, "\r\033[K");
	merge(out, ctx.results, files.len);
	scout_scan_sort(out);
	scout_project_link(out, opts->project_dir ? opts->project_dir : ".", &opts->rules);
cleanup:
	free(ctx.results);
	scout_file_list_free(&files);
	return error;
}
