/* The audit model built from a real scan of fixtures/projects/audit: which
 * module lands in which phase and why, findings by rule, annotation work,
 * risks, the coverage histogram and the verdict paragraph. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "scout/audit.h"
#include "scout/cli.h"
#include "scout/plan.h"
#include "scout/scan.h"
#include "scout/settings.h"

static const char *path_of(const scout_scan *scan, size_t module)
{
	return scan->modules[module].path;
}

static const scout_audit_rule *rule(const scout_audit *a, const char *id)
{
	for (size_t i = 0; i < a->nrules; i++)
		if (strcmp(a->rules[i].rule, id) == 0)
			return &a->rules[i];
	return NULL;
}

static const scout_audit_risk *risk(const scout_audit *a, const char *id)
{
	for (size_t i = 0; i < a->nrisks; i++)
		if (strcmp(a->risks[i].id, id) == 0)
			return &a->risks[i];
	return NULL;
}

/* The audit's lists are the plan's (scan->plan.places): every shipped
 * module in exactly one, with the plan's reason; test code only counted. */
static void check_phases(const scout_audit *a, const scout_scan *scan)
{
	size_t listed = 0;

	CHECK_INT(a->nphase1, 1);
	CHECK_STR(path_of(scan, a->phase1[0].module), "src/auditdemo/core.py");
	CHECK_INT(a->nphase2, 1); /* the rest of the plan */
	CHECK_STR(path_of(scan, a->phase2[0].module), "src/auditdemo/plugins.py");
	CHECK_INT(a->phase2[0].nfixes, 2); /* behaviour findings to check, no slow ones */
	CHECK_STR(a->phase2[0].fixes[0].rule, "frame-introspection");
	CHECK(a->phase2_covered > 0.0 && a->phase2_covered < 1.0);
	CHECK_INT(a->nblocked, 1);
	CHECK_STR(path_of(scan, a->blocked[0].module), "src/auditdemo/engine.py");
	CHECK_INT(a->blocked[0].nfixes, 1);
	CHECK_STR(a->blocked[0].fixes[0].rule, "nested-class");
	CHECK(a->unlocks > 0.3 && a->unlocks < 0.4);
	CHECK_INT(a->nskip, 2); /* hottest first, with the plan's reason */
	CHECK_STR(path_of(scan, a->skip[0].module), "src/auditdemo/report.py");
	CHECK_INT(a->skip[0].why, SCOUT_WHY_UNTYPED);
	CHECK_STR(path_of(scan, a->skip[1].module), "src/auditdemo/__init__.py");
	CHECK_INT(a->skip[1].why, SCOUT_WHY_REEXPORTS);
	CHECK_INT(a->not_shipped, 1); /* tests/test_core.py */
	CHECK_INT(a->totals.modules, 5);
	CHECK_INT(a->ncurrent, 0); /* nothing compiled today */
	/* one population: the lists add up to the shipped modules, and each
	 * module's list is the one the scan's plan gives it */
	listed = a->nphase1 + a->nphase2 + a->nblocked + a->nskip;
	CHECK_INT(listed, a->totals.modules);
	for (size_t i = 0; i < a->nskip; i++)
		CHECK_INT(scan->plan.places[a->skip[i].module].list, SCOUT_LIST_IDLE);
	for (size_t i = 0; i < a->nblocked; i++)
		CHECK_INT(scan->plan.places[a->blocked[i].module].list, SCOUT_LIST_BLOCKED);
}

static void check_rules(const scout_audit *a, const scout_scan *scan)
{
	const scout_audit_rule *dyn = rule(a, "dynamic-features");

	CHECK(dyn != NULL);
	if (dyn) {
		CHECK_INT(dyn->nlocs, 3);
		CHECK_INT(dyn->nmodules, 1);
		CHECK_STR(path_of(scan, dyn->locs[0].module), "src/auditdemo/plugins.py");
		CHECK(dyn->locs[0].line < dyn->locs[1].line && dyn->locs[0].label != NULL);
	}
	for (size_t i = 1; i < a->nrules; i++) { /* by severity, then most findings first */
		int r0 = scout_audit_severity_rank(a->rules[i - 1].category);
		int r1 = scout_audit_severity_rank(a->rules[i].category);

		CHECK(r0 < r1 || (r0 == r1 && a->rules[i - 1].nlocs >= a->rules[i].nlocs));
	}
	CHECK(a->nrules > 0 && a->rules[0].category == SCOUT_BLOCKER);
	for (size_t i = 0; i < a->nrules; i++) /* shipped modules only */
		for (size_t j = 0; j < a->rules[i].nlocs; j++)
			CHECK(scan->modules[a->rules[i].locs[j].module].shipped);
	CHECK_INT(a->nannots, 1);
	CHECK_STR(path_of(scan, a->annots[0].module), "src/auditdemo/report.py");
	CHECK_INT(a->annots[0].untyped_defs, 2);
	CHECK_INT(a->annots[0].missing_slots, 5); /* 3 parameters, 2 returns */
	CHECK_INT(a->missing_slots, 5);
	CHECK_INT(a->coverage_bins[0], 1); /* report.py */
	CHECK_INT(a->coverage_bins[SCOUT_AUDIT_BINS - 1], 4);
}

static void check_risks(const scout_audit *a, const scout_scan *scan)
{
	const scout_audit_risk *pub = risk(a, "public-class"),
	                       *patch = risk(a, "monkeypatch-function");
	const scout_audit_risk *script = risk(a, "run-as-script");

	CHECK_INT(a->nrisks, 9); /* every risk is listed, found or not */
	CHECK(pub && pub->nlocs == 1 && strcmp(pub->locs[0].label, "Vector") == 0);
	CHECK(patch && patch->nlocs == 1 &&
	      strcmp(path_of(scan, patch->locs[0].module), "src/auditdemo/core.py") == 0);
	/* plugins.py, in the plan's phase 2, has the __main__ block */
	CHECK(script && script->nlocs == 1);
	CHECK(a->major_version);
}

static void check_text(const scout_audit *a)
{
	CHECK_STR(a->project_name, "auditdemo");
	CHECK(a->generated_at == NULL);
	CHECK(strstr(a->verdict, "1 of the 5 shipped modules is ready") != NULL);
	CHECK(strstr(a->verdict, "1 more module, such as tests, is not shipped") != NULL);
	CHECK(strstr(a->verdict, "Phase 1 compiles 1 module that mypyc accepts as it is") != NULL);
	CHECK(strstr(a->verdict, "blocked list holds 1 module; fixing it unlocks about 37%") !=
	      NULL);
	CHECK(strstr(a->verdict, "major version") != NULL);
	CHECK_INT(a->nchecks, 6);
	CHECK(a->build_backend && strcmp(a->build_backend, "flit_core.buildapi") == 0);
}

int main(void)
{
	char *argv[] = {
	    "mypyc-scout", "audit", "--jobs", "1", "--no-cache", "fixtures/projects/audit", NULL};
	scout_cli cli;
	scout_settings settings;
	scout_scan scan = {0};
	scout_audit a;

	CHECK_INT(scout_cli_parse(&cli, 6, argv), 0);
	CHECK_INT(cli.command, SCOUT_CMD_AUDIT);
	if (scout_settings_resolve(&settings, &cli) < 0 ||
	    scout_scan_run(&scan, &settings.scan) < 0) {
		fprintf(stderr, "scan failed: %s\n", scout_error_last());
		return 1;
	}
	scout_audit_build(&a, &scan, settings.scan.project_dir, false);
	check_phases(&a, &scan);
	check_rules(&a, &scan);
	check_risks(&a, &scan);
	check_text(&a);
	scout_audit_free(&a);
	scout_audit_build(&a, &scan, settings.scan.project_dir, true);
	CHECK(a.generated_at != NULL && strlen(a.generated_at) == 20);
	scout_audit_free(&a);
	scout_scan_free(&scan);
	scout_settings_free(&settings);
	scout_cli_free(&cli);
	return check_report("test_audit");
}
