/* The verify loop: compile the set in the scratch copy as one mypyc
 * invocation; on failure take out the modules with errors and the plan
 * groups that tie others to them, and compile again, until a set compiles or
 * nothing is left. */
#include "verify_internal.h"

#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "child.h"

const char *scout_verify_status_name(scout_verify_status s)
{
	static const char *const names[] = {"verified", "partial", "none",
	                                    "stopped",  "empty",   "environment"};

	return s <= SCOUT_VERIFY_ENVIRONMENT ? names[s] : "?";
}

char *scout_verify_date(void)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	char *end = NULL, text[16];
	time_t now = time(NULL);
	struct tm tm;

	if (epoch && epoch[0] >= '0' && epoch[0] <= '9') {
		long long e = strtoll(epoch, &end, 10);

		if (!*end)
			now = (time_t)e;
	}
	if (!gmtime_r(&now, &tm) || !strftime(text, sizeof(text), "%Y-%m-%d", &tm))
		return scout_strdup("unknown");
	return scout_strdup(text);
}

bool scout_verify_interrupted(void)
{
	return child_interrupted();
}

void scout_verify_signals(bool catch)
{
	if (catch)
		child_signals_catch();
	else
		child_signals_restore();
}

/* The plan group of module i (0: none). */
static int group_of(const scout_scan *scan, size_t i)
{
	for (size_t k = 0; k < scan->plan.ncompile; k++)
		if (scan->plan.compile[k].module == i)
			return scan->plan.compile[k].group;
	return 0;
}

static scout_verify_module *entry(scout_verification *v, size_t module)
{
	for (size_t i = 0; i < v->nmodules; i++)
		if (v->modules[i].module == module)
			return &v->modules[i];
	return NULL;
}

/* After an exit 0: every module of the round has its extension next to it
 * (pkg/mod.py: pkg/mod.*.so), else the round failed and says so. */
static bool check_built(scout_verify_round *r, const scout_scan *scan, const char *scratch)
{
	bool ok = true;

	for (size_t i = 0; i < r->nmodules; i++) {
		const char *path = scan->modules[r->modules[i]].path;
		char *pattern =
		    scout_asprintf("%s/%.*s.*.so", scratch, (int)(strlen(path) - 3), path);
		glob_t g;

		if (glob(pattern, 0, NULL, &g) != 0) {
			char *line =
			    scout_asprintf("mypyc-scout: the compiler exited 0 but built no "
			                   "extension for %s",
			                   path);

			SCOUT_PUSH(r->unparsed, r->nunparsed, r->unparsed_cap, line);
			ok = false;
		} else {
			globfree(&g);
		}
		free(pattern);
	}
	return ok;
}

/* One compile of `set` into a new round. Returns 0 or the child's error. */
static int compile(scout_verification *v, const scout_scan *scan, const scout_verify_opts *o,
                   const size_t *set, size_t n)
{
	const scout_compiler *c = o->compiler;
	char **argv = scout_calloc(c->argc + n + 1, sizeof(*argv));
	char progress[128];
	scout_verify_round r = {0};
	child_opts co = {.argv = argv,
	                 .cwd = o->scratch,
	                 .timeout = o->timeout,
	                 .cap = o->output_cap,
	                 .progress = o->progress ? progress : NULL};
	child_result res;
	int error;

	memcpy(argv, c->argv, c->argc * sizeof(*argv));
	for (size_t i = 0; i < n; i++)
		argv[c->argc + i] = scan->modules[set[i]].path;
	snprintf(progress, sizeof(progress), "compile %zu, %zu module%s", v->nrounds + 1, n,
	         n == 1 ? "" : "s");
	error = child_run(&res, &co);
	free(argv);
	if (error < 0)
		return error;
	r.modules = scout_malloc(n * sizeof(*r.modules));
	memcpy(r.modules, set, n * sizeof(*r.modules));
	r.nmodules = n;
	r.exit_status = res.exit_status;
	r.signal = res.signal;
	r.timed_out = res.timed_out;
	r.interrupted = res.interrupted;
	r.seconds = res.seconds;
	r.output_bytes = res.total;
	r.dropped_bytes = res.dropped;
	verify_output_read(&r, res.output, scan, o->scratch, res.exit_status != 0);
	r.ok = res.exit_status == 0 && !r.timed_out && !r.interrupted && r.nerrors == 0;
	if (r.ok)
		r.ok = check_built(&r, scan, o->scratch);
	child_result_free(&res);
	v->seconds += r.seconds;
	SCOUT_PUSH(v->rounds, v->nrounds, v->rounds_cap, r);
	return 0;
}

/* Why the last round's failure cannot be narrowed down (owned). */
static char *stop_reason(const scout_verify_round *r, const scout_verification *v)
{
	const scout_verify_error *outside = NULL;

	if (r->interrupted)
		return scout_strdup("interrupted (SIGINT/SIGTERM): the compiler was stopped");
	if (r->timed_out)
		return scout_asprintf("the compile took longer than --timeout %u s and was stopped",
		                      v->timeout);
	for (size_t i = 0; i < r->nerrors && !outside; i++)
		if (r->errors[i].kind == SCOUT_VERR_ENV)
			outside = &r->errors[i];
	if (outside)
		return scout_asprintf("the build environment failed, no module's fault: %s%s%s",
		                      outside->path ? outside->path : "", outside->path ? ": " : "",
		                      outside->message);
	for (size_t i = 0; i < r->nerrors && !outside; i++)
		outside = &r->errors[i];
	if (outside && outside->path)
		return scout_asprintf(
		    "the compile failed on errors outside the modules compiled "
		    "(modules they import, or the configuration), first %s:%u: %s",
		    outside->path, outside->line, outside->message);
	if (outside)
		return scout_asprintf("the build failed outside any module (%s error: %s)",
		                      scout_verify_kind_name(outside->kind), outside->message);
	if (r->signal)
		return scout_asprintf("the compiler was killed by signal %d", r->signal);
	return scout_asprintf("the compiler failed (exit %d) and its output names no module of "
	                      "the set",
	                      r->exit_status);
}

/* Takes the failing modules of the last round and their groups out of
 * `set`. Returns how many went out. */
static size_t take_out(scout_verification *v, const scout_scan *scan, size_t *set, size_t *n)
{
	size_t ri = v->nrounds - 1;
	scout_verify_round *r = &v->rounds[ri];
	size_t out = 0;

	for (size_t i = 0; i < r->nerrors; i++) {
		scout_verify_module *vm = entry(v, r->errors[i].module);

		if (vm && vm->err_round == SIZE_MAX) {
			bool in = false;

			for (size_t k = 0; k < *n; k++)
				in |= set[k] == vm->module;
			if (in) {
				vm->err_round = ri;
				vm->err_index = i;
			}
		}
	}
	for (size_t k = 0; k < *n; k++) {
		scout_verify_module *vm = entry(v, set[k]);
		int group = group_of(scan, set[k]);

		if (vm->err_round != ri && group > 0)
			for (size_t j = 0; j < *n && vm->tied_to == SIZE_MAX; j++) {
				scout_verify_module *other = entry(v, set[j]);

				if (j != k && other->err_round == ri &&
				    group_of(scan, set[j]) == group)
					vm->tied_to = set[j];
			}
	}
	for (size_t k = 0; k < *n;) {
		scout_verify_module *vm = entry(v, set[k]);

		if (vm->err_round == ri || vm->tied_to != SIZE_MAX) {
			SCOUT_PUSH(r->removed, r->nremoved, r->removed_cap, set[k]);
			memmove(&set[k], &set[k + 1], (*n - k - 1) * sizeof(*set));
			(*n)--;
			out++;
		} else {
			k++;
		}
	}
	return out;
}

static void init_modules(scout_verification *v, const scout_scan *scan, const size_t *set, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		scout_verify_module vm = {.module = set[i],
		                          .predicted_ready = verify_predicted_ready(scan, set[i]),
		                          .err_round = SIZE_MAX,
		                          .err_index = SIZE_MAX,
		                          .tied_to = SIZE_MAX};

		SCOUT_PUSH(v->modules, v->nmodules, v->modules_cap, vm);
	}
}

static int loop(scout_verification *v, const scout_scan *scan, const scout_verify_opts *o,
                size_t *set, size_t n)
{
	size_t first = n;
	int error;

	while (n > 0) {
		if (child_interrupted()) {
			v->status = SCOUT_VERIFY_STOPPED;
			v->stop_reason = scout_strdup("interrupted (SIGINT/SIGTERM)");
			return 0;
		}
		if ((error = compile(v, scan, o, set, n)) < 0)
			return error;
		if (v->rounds[v->nrounds - 1].ok) {
			v->verified = scout_malloc(n * sizeof(*v->verified));
			memcpy(v->verified, set, n * sizeof(*set));
			v->nverified = n;
			for (size_t i = 0; i < n; i++)
				entry(v, set[i])->compiled = true;
			v->status = n == first ? SCOUT_VERIFY_ALL : SCOUT_VERIFY_PART;
			return 0;
		}
		if (v->rounds[v->nrounds - 1].timed_out || v->rounds[v->nrounds - 1].interrupted ||
		    take_out(v, scan, set, &n) == 0) {
			v->stop_reason = stop_reason(&v->rounds[v->nrounds - 1], v);
			v->status = scout_str_startswith(v->stop_reason, "the build environment")
			                ? SCOUT_VERIFY_ENVIRONMENT
			                : SCOUT_VERIFY_STOPPED;
			return 0;
		}
	}
	v->status = SCOUT_VERIFY_NONE;
	return 0;
}

int scout_verify_run(scout_verification *out, const scout_scan *scan, const scout_verify_opts *opts)
{
	size_t *set = NULL, n = 0;
	int error;

	if ((error = verify_set_resolve(&set, &n, &out->set, scan, opts->set, opts->nset)) < 0)
		return error;
	out->timeout = opts->timeout;
	init_modules(out, scan, set, n);
	if (n == 0)
		out->status = SCOUT_VERIFY_EMPTY;
	else if ((error = verify_baseline(out, scan, opts)) == 0)
		error = loop(out, scan, opts, set, n);
	free(set);
	if (error == 0 && (out->status == SCOUT_VERIFY_ALL || out->status == SCOUT_VERIFY_PART))
		error = verify_runtime(out, scan, opts);
	if (error == 0)
		verify_compare(out, scan);
	return error;
}

static void round_free(scout_verify_round *r)
{
	for (size_t i = 0; i < r->nerrors; i++) {
		free(r->errors[i].path);
		free(r->errors[i].message);
		free(r->errors[i].code);
	}
	for (size_t i = 0; i < r->nunparsed; i++)
		free(r->unparsed[i]);
	free(r->errors);
	free(r->unparsed);
	free(r->modules);
	free(r->removed);
}

void scout_verification_free(scout_verification *v)
{
	for (size_t i = 0; i < v->nrounds; i++)
		round_free(&v->rounds[i]);
	free(v->rounds);
	for (size_t i = 0; i < v->nmodules; i++)
		free(v->modules[i].import_error);
	free(v->modules);
	for (size_t i = 0; i < v->nplugins; i++)
		free(v->plugins[i].name);
	free(v->plugins);
	for (size_t i = 0; i < v->test.nfailures; i++)
		free(v->test.failures[i].message);
	free(v->test.failures);
	for (size_t i = 0; i < v->test.ntail; i++)
		free(v->test.tail[i]);
	free(v->test.tail);
	for (size_t i = 0; i < v->test.nbaseline; i++)
		free(v->test.baseline[i]);
	free(v->test.baseline);
	free(v->test.command);
	free(v->python);
	free(v->config);
	free(v->date);
	free(v->verified);
	free(v->compiler);
	free(v->compiler_banner);
	free(v->version);
	free(v->set);
	free(v->scratch);
	free(v->stop_reason);
	memset(v, 0, sizeof(*v));
}
