/* Predicted against real, per module of the set: confirmed, missed blocker
 * (with the rule whose documented message is mypyc's), false blocker, needs
 * type fixes, tied, unknown; the counts and the agreement. */
#include "verify_internal.h"

#include <stdlib.h>
#include <string.h>

#include "registry.h"

const char *scout_verify_outcome_name(scout_verify_outcome o)
{
	static const char *const names[] = {"confirmed",        "missed-blocker", "false-blocker",
	                                    "needs-type-fixes", "tied",           "unknown",
	                                    "environment"};

	return o < SCOUT_VOUT_COUNT ? names[o] : "?";
}

/* The start of mypyc's message up to the first quote or parenthesis: the
 * part that does not name the user's code. */
static size_t stem(const char *message)
{
	size_t n = strcspn(message, "\"'(");

	while (n > 0 && message[n - 1] == ' ')
		n--;
	return n;
}

const char *scout_verify_rule_for(const char *message, uint32_t version, bool *active)
{
	size_t count, n = stem(message);
	const scout_rule *const *rules = scout_rules_all(&count);

	*active = false;
	if (n < 12)
		return NULL;
	for (size_t i = 0; i < count; i++) {
		const scout_rule *r = rules[i];

		if (r->category != SCOUT_BLOCKER || r->mypy_codes || !r->why ||
		    !scout_mem_contains(r->why, strlen(r->why), message, n))
			continue;
		*active = version >= r->since && (r->until == 0 || version < r->until);
		return r->id;
	}
	return NULL;
}

/* Whether a blocker that holds in module m is a mypy error of code `code`. */
static bool blocker_has_code(const scout_module *m, const char *code)
{
	for (size_t i = 0; code && i < m->nfindings; i++) {
		const scout_finding *f = &m->findings[i];
		const scout_rule *r;

		if (f->category != SCOUT_BLOCKER || !scout_finding_holds(f) ||
		    !(r = scout_rules_find(f->rule)) || !r->mypy_codes)
			continue;
		if (scout_str_list_has(r->mypy_codes, code, strlen(code)))
			return true;
	}
	return false;
}

/* The outcome of a module whose own errors are in round `ri`. */
static void judge_failed(scout_verification *v, scout_verify_module *vm, const scout_scan *scan)
{
	const scout_verify_round *r = &v->rounds[vm->err_round];
	const scout_verify_error *first_other = NULL;
	bool mypy_confirms = false, mypy = false;

	for (size_t i = 0; i < r->nerrors; i++) {
		const scout_verify_error *e = &r->errors[i];

		if (e->module != vm->module)
			continue;
		mypy |= e->kind == SCOUT_VERR_MYPY;
		if (e->kind != SCOUT_VERR_MYPY && e->kind != SCOUT_VERR_ENV && !first_other)
			first_other = e;
		if (e->kind == SCOUT_VERR_MYPY && !vm->predicted_ready)
			mypy_confirms |= blocker_has_code(&scan->modules[vm->module], e->code);
	}
	if (first_other) {
		vm->err_index = (size_t)(first_other - r->errors);
		vm->outcome = vm->predicted_ready ? SCOUT_VOUT_MISSED : SCOUT_VOUT_CONFIRMED;
		if (vm->predicted_ready && first_other->kind == SCOUT_VERR_MYPYC)
			vm->rule = scout_verify_rule_for(first_other->message, scan->mypyc_version,
			                                 &vm->rule_active);
	} else if (mypy) {
		vm->outcome = mypy_confirms ? SCOUT_VOUT_CONFIRMED : SCOUT_VOUT_TYPE_FIXES;
	} else {
		vm->outcome = SCOUT_VOUT_ENV; /* err_index: its first, an environment error */
	}
}

void verify_compare(scout_verification *v, const scout_scan *scan)
{
	size_t judged = 0;

	memset(v->counts, 0, sizeof(v->counts));
	for (size_t i = 0; i < v->nmodules; i++) {
		scout_verify_module *vm = &v->modules[i];

		if (vm->compiled)
			vm->outcome = vm->predicted_ready ? SCOUT_VOUT_CONFIRMED : SCOUT_VOUT_FALSE;
		else if (vm->err_round != SIZE_MAX)
			judge_failed(v, vm, scan);
		else if (vm->tied_to != SIZE_MAX)
			vm->outcome = SCOUT_VOUT_TIED;
		else
			vm->outcome = SCOUT_VOUT_UNKNOWN;
		v->counts[vm->outcome]++;
	}
	judged = v->counts[SCOUT_VOUT_CONFIRMED] + v->counts[SCOUT_VOUT_MISSED] +
	         v->counts[SCOUT_VOUT_FALSE];
	v->agreement = judged ? (double)v->counts[SCOUT_VOUT_CONFIRMED] / (double)judged : -1;
}
