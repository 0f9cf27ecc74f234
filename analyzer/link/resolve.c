/* Following imported names through the project (see scout/resolve.h). */
#include "scout/resolve.h"

#include <stdlib.h>
#include <string.h>

bool scout_resolver_follow(const scout_resolver *r, const char *name, char *out, size_t cap)
{
	char *final;
	bool leads_out;

	if (scout_modindex_find_prefix(&r->ix, name) == SCOUT_NO_MODULE)
		return false; /* not the project's: mypy binds it as imported */
	scout_modindex_follow(&r->ix, name, &final);
	leads_out = strcmp(final, name) != 0 &&
	            scout_modindex_find_prefix(&r->ix, final) == SCOUT_NO_MODULE &&
	            strlen(final) < cap;
	if (leads_out)
		memcpy(out, final, strlen(final) + 1);
	free(final);
	return leads_out;
}

static bool follow_api(const void *ctx, const char *name, char *out, size_t cap)
{
	return scout_resolver_follow(ctx, name, out, cap);
}

void scout_resolver_init(scout_resolver *r, const scout_module *const *modules, size_t n)
{
	memset(r, 0, sizeof(*r));
	r->view.modules = scout_calloc(n ? n : 1, sizeof(*r->view.modules));
	for (size_t i = 0; i < n; i++)
		r->view.modules[i] = *modules[i];
	r->view.nmodules = n;
	scout_modindex_build(&r->ix, &r->view);
	r->api.resolve = follow_api;
	r->api.ctx = r;
}

void scout_resolver_free(scout_resolver *r)
{
	scout_modindex_free(&r->ix);
	free(r->view.modules); /* shallow copies: the modules are not ours */
	memset(r, 0, sizeof(*r));
}

bool scout_resolver_changes(const scout_resolver *r, const scout_module *m)
{
	char buf[512];

	for (size_t i = 0; i < m->nasked; i++)
		if (scout_resolver_follow(r, m->asked[i], buf, sizeof(buf)))
			return true;
	return false;
}
