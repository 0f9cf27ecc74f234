/* Following imported names through the project (see scout/resolve.h). */
#include "scout/resolve.h"

#include <stdlib.h>
#include <string.h>

#include "scout/class_kind.h"

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

/* How far base chains across modules are climbed (a cycle ends there). */
#define MAX_DEPTH 16

/* The project class a qualified name leads to (through re-exports), or
 * NULL. */
static const scout_class_info *project_class(const scout_resolver *r, const char *name)
{
	char *final;
	size_t m = scout_modindex_follow(&r->ix, name, &final);
	const char *dot = strrchr(final, '.');
	const scout_class_info *found = NULL;

	if (m != SCOUT_NO_MODULE && dot) {
		const scout_module *mod = &r->view.modules[m];
		size_t n = (size_t)(dot - final);

		if (strlen(mod->module) == n && strncmp(mod->module, final, n) == 0)
			for (size_t i = 0; i < mod->nclasses && !found; i++)
				if (strcmp(mod->classes[i].name, dot + 1) == 0)
					found = &mod->classes[i];
	}
	free(final);
	return found;
}

/* Kinds a subclass inherits: an Enum's, a NamedTuple's, a metaclass. */
static bool inherited(uint8_t kind)
{
	return kind == SCOUT_CLASS_NONNATIVE_ENUM || kind == SCOUT_CLASS_NONNATIVE_RECORD ||
	       kind == SCOUT_CLASS_NONNATIVE_METACLASS;
}

static uint8_t kind_of(const scout_resolver *r, const char *name, int depth)
{
	const scout_class_info *c = depth < MAX_DEPTH ? project_class(r, name) : NULL;

	if (!c)
		return SCOUT_CLASS_NATIVE;
	if (inherited(c->kind))
		return c->kind;
	for (uint32_t i = 0; i < c->nbases; i++) {
		uint8_t k = c->bases[i][0] ? kind_of(r, c->bases[i], depth + 1) : 0;

		if (k)
			return k;
	}
	return SCOUT_CLASS_NATIVE;
}

/* Whether the class or a base declares attr ClassVar. */
static bool classvar_in(const scout_resolver *r, const char *name, const char *attr, int depth)
{
	const scout_class_info *c = depth < MAX_DEPTH ? project_class(r, name) : NULL;

	if (!c)
		return false;
	for (uint32_t i = 0; i < c->nattrs; i++)
		if (c->attrs[i].kind == SCOUT_MEMBER_CLASSVAR &&
		    strcmp(c->attrs[i].name, attr) == 0)
			return true;
	for (uint32_t i = 0; i < c->nbases; i++)
		if (c->bases[i][0] && classvar_in(r, c->bases[i], attr, depth + 1))
			return true;
	return false;
}

static uint8_t class_kind_api(const void *ctx, const char *name)
{
	return kind_of(ctx, name, 0);
}

static bool classvar_api(const void *ctx, const char *name, const char *attr)
{
	return classvar_in(ctx, name, attr, 0);
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
	r->api.class_kind = class_kind_api;
	r->api.declares_classvar = classvar_api;
	r->api.ctx = r;
}

void scout_resolver_free(scout_resolver *r)
{
	scout_modindex_free(&r->ix);
	free(r->view.modules); /* shallow copies: the modules are not ours */
	memset(r, 0, sizeof(*r));
}

/* Whether the class's bases, followed into other modules, make it other
 * than its own module saw: not native (an Enum base's base), or a plain
 * assignment of its body a ClassVar (a base's base declares it one). */
static bool bases_change(const scout_resolver *r, const scout_class_info *c)
{
	for (uint32_t b = 0; b < c->nbases; b++) {
		if (!c->bases[b][0])
			continue;
		if (!c->kind && kind_of(r, c->bases[b], 0))
			return true;
		for (uint32_t a = 0; a < c->nattrs; a++)
			if (c->attrs[a].kind == SCOUT_MEMBER_VAR &&
			    classvar_in(r, c->bases[b], c->attrs[a].name, 0))
				return true;
	}
	return false;
}

bool scout_resolver_changes(const scout_resolver *r, const scout_module *m)
{
	char buf[512];

	for (size_t i = 0; i < m->nasked; i++)
		if (scout_resolver_follow(r, m->asked[i], buf, sizeof(buf)))
			return true;
	for (size_t c = 0; c < m->nclasses; c++)
		if (bases_change(r, &m->classes[c]))
			return true;
	return false;
}
