/* A whole scan: discover the files, analyse them on the worker pool into
 * per-file slots (read back from the result cache when a file is unchanged),
 * then merge in path order and link. */
#include "scout/scan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <git2.h>

#include "scout/analyze.h"
#include "scout/cache.h"
#include "scout/fs.h"
#include "scout/pool.h"
#include "scout/resolve.h"
#include "scout/source.h"

typedef struct scan_ctx {
	const char *repo_path; /* --rev: where the blobs are read from, else NULL */
	const scout_file_list *files;
	const scout_rule_config *rules;
	scout_file_result *results; /* one slot per file */
	double coverage_threshold;
	scout_cache *cache; /* NULL: every file is analysed */
	size_t *order;      /* files by size, largest first: the pool's work order */
	size_t followed;    /* modules analysed again in the second pass */
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

/* Analyses bytes read from disk as scout_analyze_file would. */
static void analyse_bytes(worker *w, scout_file_result *r, const scout_file *f, const char *data,
                          size_t len)
{
	scout_source src;
	scout_load_error err;

	r->module.path = scout_strdup(f->rel);
	r->module.module = scout_strdup(f->module);
	if (scout_source_from_bytes(&src, data, len, &err) < 0) {
		scout_file_result_add_diag(r, f->rel, err.kind, err.line, err.message);
		return;
	}
	scout_analyze_source(w->analyzer, r, &src);
	scout_source_free(&src);
}

/* The key of bytes read from disk: their blob id and length. */
static void bytes_id(char *out, size_t cap, const char *raw, size_t raw_len)
{
	char hex[SCOUT_CACHE_ID_LEN];

	scout_cache_hash_bytes(hex, raw, raw_len);
	snprintf(out, cap, "blob:%s:%zu", hex, raw_len);
}

/* What identifies the file's bytes, into out, for the look-up: the --rev blob
 * id or the index entry's blob id (both known without reading), else the blob
 * id of the bytes, which are then kept in *raw for the analysis. False when
 * the file cannot be read that way. An index entry's id only finds a result;
 * what is stored is keyed by the bytes analysed (see analyse_one). */
static bool content_id(const scout_file *f, char *out, size_t cap, char **raw, size_t *raw_len)
{
	if (f->blob) {
		snprintf(out, cap, "rev-blob:%s", f->blob);
		return true;
	}
	if (f->oid[0]) {
		snprintf(out, cap, "blob:%s:%llu", f->oid, (unsigned long long)f->size);
		return true;
	}
	/* anything unusual: scout_analyze_file then reports it as it would
	 * without the cache */
	if (scout_fs_read(raw, raw_len, f->fs, SCOUT_SOURCE_MAX_BYTES, 0, NULL) < 0)
		return false;
	bytes_id(out, cap, *raw, *raw_len);
	return true;
}

/* Whether a result may be reused: not when it depends on more than the bytes
 * (an I/O error, a parse abandoned after a time-out). */
static bool storable(const scout_file_result *r)
{
	for (size_t i = 0; i < r->ndiags; i++)
		if (r->diags[i].kind == SCOUT_DIAG_UNREADABLE ||
		    r->diags[i].kind == SCOUT_DIAG_TOO_LARGE)
			return false;
	return true;
}

static void analyse_one(void *ctx, void *state, size_t n)
{
	scan_ctx *c = ctx;
	size_t i = c->order[n];
	worker *w = state;
	const scout_file *f = &c->files->files[i];
	scout_file_result *r = &c->results[i];
	char content[128], key[SCOUT_CACHE_ID_LEN] = "", *raw = NULL;
	size_t raw_len = 0;

	if (!w->analyzer) {
		r->module.path = scout_strdup(f->rel);
		scout_file_result_add_diag(
		    r, f->rel, SCOUT_DIAG_SKIPPED, 0,
		    "internal error: the Python parser could not be created");
		return;
	}
	if (c->cache && content_id(f, content, sizeof(content), &raw, &raw_len)) {
		scout_cache_key(c->cache, key, f->rel, f->module, content);
		if (scout_cache_get(c->cache, key, r)) {
			free(raw);
			return;
		}
		/* the file may have changed since discovery read the index: the
		 * result is stored under the id of the bytes analysed */
		if (f->oid[0] && !f->blob) {
			if (scout_fs_read(&raw, &raw_len, f->fs, SCOUT_SOURCE_MAX_BYTES, 0, NULL) <
			    0)
				raw = NULL, key[0] = '\0';
			else {
				bytes_id(content, sizeof(content), raw, raw_len);
				scout_cache_key(c->cache, key, f->rel, f->module, content);
			}
		}
	}
	if (f->blob)
		analyse_blob(w, r, f);
	else if (raw)
		analyse_bytes(w, r, f, raw, raw_len);
	else
		scout_analyze_file(w->analyzer, r, f->fs, f->rel, f->module);
	free(raw);
	if (r->has_module)
		scout_module_finish(&r->module, c->coverage_threshold);
	if (key[0] && storable(r))
		scout_cache_put(c->cache, key, r);
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

/* real (absolute, symlink-free) joined with the components of tail that do
 * not exist yet, read as creating them would: "." is dropped and ".." takes
 * the previous component away ("c" + "nope/../T" is "c/T"). Owned by caller,
 * free with free(). */
static char *append_normalised(const char *real, const char *tail)
{
	scout_buf b = {0};

	scout_buf_puts(&b, real);
	while (*tail) {
		size_t n = strcspn(tail, "/");

		if (n == 2 && tail[0] == '.' && tail[1] == '.') {
			char *slash = strrchr(b.data, '/');

			b.len = slash && slash > b.data ? (size_t)(slash - b.data) : 1;
			b.data[b.len] = '\0';
		} else if (n && !(n == 1 && tail[0] == '.')) {
			if (b.len == 0 || b.data[b.len - 1] != '/')
				scout_buf_putc(&b, '/');
			scout_buf_put(&b, tail, n);
		}
		tail += n;
		while (*tail == '/')
			tail++;
	}
	return scout_buf_detach(&b);
}

/* The absolute, symlink-free form of `path`, whose last components need not
 * exist yet; NULL when even the current directory cannot be resolved. Owned
 * by caller, free with free(). */
static char *resolve_path(const char *path)
{
	char *head = scout_strdup(path), *real, *out;
	const char *tail;
	size_t keep = strlen(head);

	for (;;) {
		char *slash;

		head[keep] = '\0';
		if ((real = realpath(keep ? head : ".", NULL)) || keep == 0)
			break;
		slash = strrchr(head, '/');
		keep = !slash ? 0 : slash > head ? (size_t)(slash - head) : keep > 1 ? 1 : 0;
	}
	free(head);
	if (!real)
		return NULL;
	tail = path + keep;
	out = append_normalised(real, tail);
	free(real);
	return out;
}

/* True when the cache directory would sit inside a scanned directory. */
static bool cache_inside_scan(const char *dir, const scout_discover_opts *d)
{
	char *cache = resolve_path(dir);
	bool inside = false;

	for (size_t i = 0; cache && !inside && i < (d->npaths ? d->npaths : 1); i++) {
		char *top = realpath(d->npaths ? d->paths[i] : ".", NULL);
		struct stat st;

		if (top && stat(top, &st) == 0 && S_ISDIR(st.st_mode)) {
			size_t n = strlen(top);

			inside =
			    strncmp(cache, top, n) == 0 &&
			    (cache[n] == '\0' || cache[n] == '/' || (n > 0 && top[n - 1] == '/'));
		}
		free(top);
	}
	free(cache);
	return inside;
}

/* The result cache for this scan, or NULL (disabled, or not usable: one note
 * on stderr and the scan goes on without it). */
static scout_cache *open_cache(const scout_scan_opts *opts)
{
	scout_cache *cache = NULL;

	if (!opts->cache_dir)
		return NULL;
	if (cache_inside_scan(opts->cache_dir, &opts->discover)) {
		fprintf(stderr,
		        "mypyc-scout: note: the cache directory %s is inside the scanned tree; "
		        "scanning without the cache\n",
		        opts->cache_dir);
		return NULL;
	}
	if (scout_cache_open(&cache, opts->cache_dir, &opts->rules, opts->coverage_threshold) < 0) {
		fprintf(stderr, "mypyc-scout: note: %s; scanning without the cache\n",
		        scout_error_last());
		return NULL;
	}
	return cache;
}

/* SCOUT_CACHE_STATS=1: the cache's hit and miss counts and the size of the
 * second pass on stderr (for tests). */
static void report_cache(const scan_ctx *c)
{
	const char *want = getenv("SCOUT_CACHE_STATS");
	size_t hits, misses;

	if (!want || strcmp(want, "1") != 0)
		return;
	if (c->cache) {
		scout_cache_stats(c->cache, &hits, &misses);
		fprintf(stderr, "mypyc-scout: cache: %zu hits, %zu misses\n", hits, misses);
	}
	fprintf(stderr, "mypyc-scout: second pass: %zu modules\n", c->followed);
}

typedef struct sized {
	uint64_t size;
	size_t index;
} sized;

static int compare_sized(const void *pa, const void *pb)
{
	const sized *a = pa, *b = pb;

	if (a->size != b->size)
		return a->size > b->size ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* Largest files first, so no big file starts last and leaves one thread
 * working alone at the end. Results still land in their own slots. */
static size_t *work_order(const scout_file_list *files)
{
	sized *v = scout_calloc(files->len ? files->len : 1, sizeof(*v));
	size_t *order = scout_calloc(files->len ? files->len : 1, sizeof(*order));
	struct stat st;

	for (size_t i = 0; i < files->len; i++) {
		const scout_file *f = &files->files[i];

		v[i].index = i;
		v[i].size = f->oid[0]                        ? f->size
		            : f->fs && stat(f->fs, &st) == 0 ? (uint64_t)st.st_size
		                                             : 0;
	}
	if (files->len > 1)
		qsort(v, files->len, sizeof(*v), compare_sized);
	for (size_t i = 0; i < files->len; i++)
		order[i] = v[i].index;
	free(v);
	return order;
}

/* The files whose first-pass analysis asked about names that the project's
 * own modules import from elsewhere, into *out (an array of file indexes). */
static size_t to_follow(const scan_ctx *c, const scout_resolver *r, size_t **out)
{
	size_t n = 0;

	*out = scout_calloc(c->files->len ? c->files->len : 1, sizeof(**out));
	for (size_t i = 0; i < c->files->len; i++)
		if (c->results[i].has_module && scout_resolver_changes(r, &c->results[i].module))
			(*out)[n++] = i;
	return n;
}

/* The second pass: a module that uses a name the project imports from
 * elsewhere (`from .compat import final`, where compat.py imports it from
 * typing) is analysed again with those names followed, as mypy binds them.
 * Its bytes are read again; its result is not cached, since it depends on
 * other files. */
static int follow_imports(scan_ctx *c, const scout_pool_task *first)
{
	const scout_module **mods = scout_calloc(c->files->len ? c->files->len : 1, sizeof(*mods));
	scout_file_result *again;
	scout_resolver resolver;
	scout_rule_config rules = *c->rules;
	scan_ctx ctx = *c;
	scout_pool_task task = *first;
	size_t n = 0, *order;
	int error = 0;

	for (size_t i = 0; i < c->files->len; i++)
		if (c->results[i].has_module)
			mods[n++] = &c->results[i].module;
	scout_resolver_init(&resolver, mods, n);
	if ((n = to_follow(c, &resolver, &order)) > 0) {
		rules.resolver = &resolver.api;
		again = scout_calloc(c->files->len, sizeof(*again));
		ctx.rules = &rules;
		ctx.results = again;
		ctx.cache = NULL;
		ctx.order = order;
		ctx.progress_shown = false;
		task.count = n;
		task.ctx = &ctx;
		task.progress = NULL;
		error = scout_pool_run(&task);
		c->followed = n;
		scout_resolver_free(&resolver); /* before the modules it borrows change */
		for (size_t k = 0; k < n; k++) {
			scout_file_result_clear(&c->results[order[k]]);
			c->results[order[k]] = again[order[k]];
		}
		free(again);
	} else {
		scout_resolver_free(&resolver);
	}
	free(order);
	free(mods);
	return error;
}

int scout_scan_run(scout_scan *out, const scout_scan_opts *opts)
{
	scout_file_list files = {0};
	scan_ctx ctx = {0};
	scout_pool_task task = {0};
	scout_scope_opts scope;
	int error;

	memset(out, 0, sizeof(*out));
	out->coverage_threshold = opts->coverage_threshold;
	out->hotness_source = scout_strdup("static");
	if ((error = scout_discover(&files, out, &opts->discover)) < 0)
		goto cleanup;
	ctx.files = &files;
	ctx.repo_path = opts->discover.rev ? out->root : NULL; /* the root, in the repository */
	ctx.rules = &opts->rules;
	ctx.results = scout_calloc(files.len ? files.len : 1, sizeof(*ctx.results));
	ctx.coverage_threshold = opts->coverage_threshold;
	ctx.cache = files.len ? open_cache(opts) : NULL;
	ctx.order = work_order(&files);
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
	if (error >= 0)
		error = follow_imports(&ctx, &task);
	git_libgit2_shutdown();
	if (ctx.progress_shown)
		fprintf(stderr, "\r\033[K");
	report_cache(&ctx);
	merge(out, ctx.results, files.len);
	scout_scan_sort(out);
	scope = (scout_scope_opts){opts->scope_all, opts->discover.paths, opts->discover.npaths};
	scout_scan_finish(out, opts->project_dir ? opts->project_dir : ".", &scope, &opts->rules,
	                  opts->profile, opts->profile_name);
cleanup:
	scout_cache_free(ctx.cache);
	free(ctx.order);
	free(ctx.results);
	scout_file_list_free(&files);
	return error;
}
