/* Fuzz entry point for per-module analysis: any bytes as a Python module's
 * source give a module result or a per-file diagnostic, never a crash, a leak
 * or undefined behaviour; the link stage then runs on a one-module scan.
 * Seeds: fixtures/rules/<rule-id>/{bad,good}.py. The analyzer (a tree-sitter
 * parser) is created on the first input and kept, as a worker thread does. */
#include <math.h>
#include <string.h>

#include "scout/analyze.h"
#include "scout/scan.h"
#include "tests/fuzz/fuzz.h"

/* A project directory that does not exist: the link stage finds no mypy
 * configuration and no packaging there, and writes nothing. */
#define MODULE_PROJECT_DIR "/nonexistent/mypyc-scout-fuzz"

static scout_analyzer *module_analyzer(const scout_rule_config *config)
{
	static scout_analyzer *analyzer;

	if (!analyzer)
		analyzer = scout_analyzer_new(config);
	SCOUT_FUZZ_CHECK(analyzer != NULL);
	return analyzer;
}

/* What scout_module_finish promises: findings with a position, sorted by
 * line then column, a verdict and a 0-100 score. */
static void check_module(const scout_module *m)
{
	for (size_t i = 0; i < m->nfindings; i++) {
		const scout_finding *f = &m->findings[i];

		SCOUT_FUZZ_CHECK(f->rule && f->message && f->category < SCOUT_CATEGORY_COUNT);
		SCOUT_FUZZ_CHECK(f->line >= 1 && f->end_line >= f->line);
		if (i > 0) {
			const scout_finding *prev = &m->findings[i - 1];

			SCOUT_FUZZ_CHECK(prev->line < f->line ||
			                 (prev->line == f->line && prev->column <= f->column));
		}
	}
	SCOUT_FUZZ_CHECK(m->verdict < SCOUT_VERDICT_COUNT);
	SCOUT_FUZZ_CHECK(m->score >= 0 && m->score <= 100);
}

/* The link and rank stages over a scan that holds only `m` (moved in). */
static void link_one(scout_module *m, const scout_rule_config *config)
{
	scout_scan scan = {0};

	scan.coverage_threshold = 0.8;
	scan.hotness_source = scout_strdup("static");
	SCOUT_PUSH(scan.modules, scan.nmodules, scan.modules_cap, *m);
	memset(m, 0, sizeof(*m));
	scout_scan_sort(&scan);
	scout_scan_finish(&scan, MODULE_PROJECT_DIR, NULL, config, NULL, NULL);
	check_module(&scan.modules[0]);
	SCOUT_FUZZ_CHECK(!isnan(scan.modules[0].hotness) && scan.modules[0].hotness >= 0 &&
	                 scan.modules[0].hotness <= 1.0 + 1e-9);
	SCOUT_FUZZ_CHECK(scan.plan.ncompile <= 1 && scan.plan.nblocked <= 1);
	scout_scan_free(&scan);
}

int scout_fuzz_module(const uint8_t *data, size_t size)
{
	static const scout_rule_config config = {.report_unused_ignores = true};
	scout_file_result r = {0};
	scout_source src;
	scout_load_error err;
	int error;

	if ((error = scout_source_from_bytes(&src, (const char *)data, size, &err)) < 0) {
		SCOUT_FUZZ_CHECK(error == SCOUT_EIO && err.message[0]);
		return error;
	}
	SCOUT_FUZZ_CHECK(src.data && src.data[src.len] == '\0' && src.len <= size);
	r.module.path = scout_strdup("pkg/mod.py");
	r.module.module = scout_strdup("pkg.mod");
	error = scout_analyze_source(module_analyzer(&config), &r, &src);
	scout_source_free(&src);
	SCOUT_FUZZ_CHECK(error == 0 || error == SCOUT_ERROR);
	if (error == 0) {
		SCOUT_FUZZ_CHECK(r.has_module);
		scout_module_finish(&r.module, 0.8);
		check_module(&r.module);
		link_one(&r.module, &config);
	}
	scout_file_result_clear(&r);
	return error;
}
