/* The audit model built from a real scan of fixtures/projects/audit: which
 * module lands in which phase and why, findings by rule, annotation work,
 * risks, the coverage histogram and the verdict paragraph. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "scout/audit.h"
#include "scout/cli.h"
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

static void check_phases(const scout_audit *a, const scout_scan *scan)
{
	CHECK_INT(a->nphase1, 1);
	CHECK_STR(path_of(scan, a->phase1[0].module), "src/auditdemo/core.py");
	CHECK_INT(a->nphase2, 2); /* hottest first */
	CHECK_STR(path_of(scan, a->phase2[0].module), "src/auditdemo/engine.py");
	CHECK_INT(a->phase2[0].nfixes, 1);
	CHECK_STR(a->phase2[0].fixes[0].rule, "nested-class");
	CHECK_INT(a->phase2[0].fixes[0].count, 1);
	CHECK_STR(path_of(scan, a->phase2[1].module), "src/auditdemo/report.py");
	CHECK_INT(a->phase2[1].nfixes, 0); /* slow findings are annotation work, not fixes */
	CHECK(a->phase2_covered > 0.0 && a->phase2_covered < 1.0);
	CHECK_INT(a->nskip, 2); /* tests are never planned */
	for (size_t i = 0; i < a->nskip; i++) {
		const char *p = path_of(scan, a->skip[i].module);

		if (strcmp(p, "src/auditdemo/plugins.py") == 0)
			CHECK_STR(scout_skip_reason_name(a->skip[i].skip), "dynamic by design");
		else
			CHECK_STR(p, "src/auditdemo/__init__.py");
	}
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
	for (size_t i = 1; i < a->nrules; i++) /* most findings first */
		CHECK(a->rules[i - 1].nlocs >= a->rules[i].nlocs);
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
	/* plugins.py has the __main__ block, but the audit does not compile it */
	CHECK(script && script->nlocs == 0);
	CHECK(a->major_version);
}

static void check_text(const scout_audit *a)
{
	CHECK_STR(a->project_name, "auditdemo");
	CHECK(a->generated_at == NULL);
	CHECK(strstr(a->verdict, "2 of 6 modules are ready") != NULL);
	CHECK(strstr(a->verdict, "Phase 1 compiles 1 hot module that mypyc accepts as it is.") !=
	      NULL);
	CHECK(strstr(a->verdict, "1 of them blocked") != NULL);
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
