/* The set to compile: --set plan (the plan's first phase, what its snippet
 * lists), current (what the project compiles today), ready (every module the
 * plan lists, both phases), or modules by dotted name or path; by default
 * current and plan. And what the scan predicted for each. */
#include "verify_internal.h"

#include <stdlib.h>
#include <string.h>

bool verify_predicted_ready(const scout_scan *scan, size_t i)
{
	const scout_module *m = &scan->modules[i];

	if (m->verdict == SCOUT_BLOCKED)
		return false;
	return !(scan->plan.built && scan->plan.places &&
	         scan->plan.places[i].list == SCOUT_LIST_BLOCKED);
}

static size_t by_name(const scout_scan *scan, const char *word)
{
	size_t i = verify_module_by_path(scan, word);

	for (size_t j = 0; i == SIZE_MAX && j < scan->nmodules; j++)
		if (strcmp(scan->modules[j].module, word) == 0)
			i = j;
	return i;
}

/* Marks what `word` names in `in`. Returns 0 or SCOUT_EUSAGE. */
static int mark(bool *in, const scout_scan *scan, const char *word)
{
	size_t i;

	if (strcmp(word, "current") == 0) {
		for (i = 0; i < scan->nmodules; i++)
			in[i] |= scan->modules[i].compiled_now;
		return 0;
	}
	if (strcmp(word, "plan") == 0 || strcmp(word, "ready") == 0) {
		for (i = 0; i < scan->plan.ncompile; i++)
			if (word[0] == 'r' || scan->plan.compile[i].first_phase)
				in[scan->plan.compile[i].module] = true;
		return 0;
	}
	if ((i = by_name(scan, word)) == SIZE_MAX) {
		scout_error_set("--set: '%s' is neither plan, current, ready nor a module of the "
		                "scan (a dotted name or a path)",
		                word);
		return SCOUT_EUSAGE;
	}
	in[i] = true;
	return 0;
}

int verify_set_resolve(size_t **out, size_t *n, char **name, const scout_scan *scan,
                       const char *const *words, size_t nwords)
{
	static const char *const defaults[] = {"current", "plan"};
	bool *in = scout_calloc(scan->nmodules ? scan->nmodules : 1, sizeof(*in));
	scout_buf b = {0};
	size_t count = 0;

	*out = NULL;
	*n = 0;
	*name = NULL;
	if (nwords == 0) {
		words = defaults;
		nwords = 2;
	}
	for (size_t w = 0; w < nwords; w++) {
		/* a word may hold several, comma-separated */
		char *copy = scout_strdup(words[w]), *save = NULL;

		for (char *t = strtok_r(copy, ", ", &save); t; t = strtok_r(NULL, ", ", &save)) {
			if (mark(in, scan, t) < 0) {
				free(copy);
				free(in);
				scout_buf_free(&b);
				return SCOUT_EUSAGE;
			}
			scout_buf_printf(&b, "%s%s", b.len ? " " : "", t);
		}
		free(copy);
	}
	*out = scout_calloc(scan->nmodules ? scan->nmodules : 1, sizeof(**out));
	for (size_t i = 0; i < scan->nmodules; i++)
		if (in[i])
			(*out)[count++] = i;
	*n = count;
	*name = b.len ? scout_buf_detach(&b) : scout_strdup("current plan");
	free(in);
	return 0;
}
