/* Modules not worth compiling: no code that runs after import, so mypyc
 * would make nothing faster (README "Plan"). */
#include "plan_internal.h"

#include <string.h>

#include "scout/class_kind.h"

/* Deep enough for any real exception hierarchy; stops base cycles. */
#define MAX_BASE_DEPTH 16

static const char *last_component(const char *qualified)
{
	const char *dot = strrchr(qualified, '.');

	return dot ? dot + 1 : qualified;
}

/* The builtin exception classes and their conventional subclasses are
 * named ...Error, ...Exception or ...Warning. */
static bool exception_name(const char *qualified)
{
	const char *name = last_component(qualified);

	return scout_str_endswith(name, "Error") || scout_str_endswith(name, "Exception") ||
	       scout_str_endswith(name, "Warning") || strcmp(name, "BaseExceptionGroup") == 0 ||
	       strcmp(name, "ExceptionGroup") == 0;
}

/* True when a base of `c` is an exception class: by its name, or a project
 * class that is one. */
static bool is_exception(const scout_class_index *ix, size_t module, const scout_class_info *c,
                         int depth)
{
	for (uint32_t k = 0; k < c->nbases && depth < MAX_BASE_DEPTH; k++) {
		scout_class_ref r;

		if (exception_name(c->bases[k]))
			return true;
		if (scout_class_index_resolve(ix, module, c->bases[k], &r) &&
		    is_exception(ix, r.module, scout_class_index_info(ix, r), depth + 1))
			return true;
	}
	return false;
}

/* A record, enum or protocol: a type definition, no code of its own. */
static bool is_type_definition(const scout_class_info *c)
{
	return c->kind == SCOUT_CLASS_NONNATIVE_ENUM || c->kind == SCOUT_CLASS_NONNATIVE_RECORD ||
	       c->trait;
}

/* `__all__`, `__version__` and the like describe the module; they are not
 * data it computes with. */
static bool is_dunder(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && strncmp(name, "__", 2) == 0 && strcmp(name + n - 2, "__") == 0;
}

typedef struct shape {
	size_t imports, vars, defs, classes, exceptions, types;
} shape;

static shape shape_of(const scout_class_index *ix, size_t module, const scout_module *m)
{
	shape s = {0};

	for (size_t i = 0; i < m->nbindings; i++) {
		const scout_binding *b = &m->bindings[i];

		if (b->kind == SCOUT_BIND_IMPORT || b->kind == SCOUT_BIND_STAR)
			s.imports++;
		else if (b->kind == SCOUT_BIND_VAR && !is_dunder(b->local))
			s.vars++;
		else if (b->kind == SCOUT_BIND_DEF && b->local[0] != '_')
			s.defs++; /* public functions and classes */
	}
	for (size_t c = 0; c < m->nclasses; c++) {
		s.classes++;
		s.exceptions += is_exception(ix, module, &m->classes[c], 0);
		s.types += is_type_definition(&m->classes[c]);
	}
	return s;
}

static bool is_script(const scout_module *m)
{
	const char *base = strrchr(m->path, '/');

	return strcmp(base ? base + 1 : m->path, "__main__.py") == 0;
}

scout_plan_why plan_idle_reason(const scout_scan *scan, const scout_class_index *ix, size_t module)
{
	const scout_module *m = &scan->modules[module];
	shape s;

	if (is_script(m))
		return SCOUT_WHY_SCRIPT;
	s = shape_of(ix, module, m);
	/* an exception's methods (and the private helpers they call) run when
	 * it is raised: rarely hot */
	if (s.classes && s.exceptions == s.classes && s.defs <= s.classes)
		return SCOUT_WHY_EXCEPTIONS;
	if (m->fn_work > 0) /* code in a def runs when called: worth compiling if it is hot */
		return SCOUT_WHY_READY;
	if (s.classes == 0 && s.vars == 0)
		return s.imports ? SCOUT_WHY_REEXPORTS : SCOUT_WHY_EMPTY;
	if (s.classes && s.types == s.classes)
		return SCOUT_WHY_TYPES;
	if (s.classes == 0)
		return SCOUT_WHY_DATA;
	return SCOUT_WHY_IMPORT_TIME;
}
