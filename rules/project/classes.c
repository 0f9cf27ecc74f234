/* Class rules across modules: the project class index links every base to
 * the class it names in another module of the project, through imports and
 * re-exports. The per-module rules (classes/bases.c, attributes.c,
 * instances.c) see the same module; these checks report only what crosses a
 * module boundary, so nothing is reported twice.
 *
 * mypyc knows a class of another module as native only when that module is
 * compiled in the same build (mypyc/irbuild/prepare.py builds its class map
 * from the modules it compiles; any other class is a plain Python class to
 * it). A finding that needs that says so: it assumes the other module
 * (scout_finding_assume), and holds only in a build that compiles it. */
#include "classes/classes.h"
#include "project_rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scout/class_kind.h"
#include "scout/classindex.h"

/* How far base chains are climbed. */
#define MAX_CHAIN 64

typedef scout_class_ref class_ref;
typedef scout_class_index class_index;

static bool is_native(const scout_class_info *c)
{
	return c->kind == SCOUT_CLASS_NATIVE;
}

typedef struct check_ctx {
	const class_index *ix;
	scout_scan *scan;
	const scout_rule_config *config;
} check_ctx;

static scout_finding *report(check_ctx *cx, size_t module, const scout_class_info *c,
                             const scout_rule *rule, const char *message)
{
	return scout_rules_report(&cx->scan->modules[module], rule, cx->config, c->line, c->column,
	                          c->end_line, c->end_column, message);
}

/* Records on f (may be NULL: not reported) that it needs module `other`
 * compiled in the same build as `module`, its own. */
static void assume(check_ctx *cx, scout_finding *f, size_t module, size_t other)
{
	if (f && other != module)
		scout_finding_assume(f, cx->scan->modules[other].path);
}

/* builtin-base through a chain that passes through another module. */
static void check_builtin_chain(check_ctx *cx, size_t module, const scout_class_info *c)
{
	class_ref todo[MAX_CHAIN];
	bool crossed[MAX_CHAIN];
	size_t n = 0;
	char message[512];

	for (uint32_t i = 0; i < c->nbases && n < MAX_CHAIN; i++)
		if (scout_class_index_resolve(cx->ix, module, c->bases[i], &todo[n])) {
			crossed[n] = todo[n].module != module;
			n++;
		}
	for (size_t i = 0; i < n; i++) {
		const scout_class_info *b = scout_class_index_info(cx->ix, todo[i]);

		if (b->bad_builtin && crossed[i]) {
			snprintf(message, sizeof(message),
			         "native class %s inherits from builtin %s through %s (%s): mypyc "
			         "reports \"Inheriting from most builtin types is unimplemented\"",
			         c->name,
			         b->bad_builtin +
			             (scout_str_startswith(b->bad_builtin, "builtins.") ? 9 : 0),
			         b->name, cx->scan->modules[todo[i].module].path);
			report(cx, module, c, &scout_rule_builtin_base, message);
			return;
		}
		for (uint32_t j = 0; j < b->nbases && n < MAX_CHAIN; j++)
			if (scout_class_index_resolve(cx->ix, todo[i].module, b->bases[j],
			                              &todo[n])) {
				crossed[n] = crossed[i] || todo[n].module != module;
				n++;
			}
	}
}

/* Multiple native non-trait bases, or a trait listed before a class, when
 * one of the bases lives in another module. */
static void check_bases(check_ctx *cx, size_t module, const scout_class_info *c)
{
	const scout_class_info *natives[2] = {0};
	const scout_class_info *first_trait = NULL;
	size_t native_module[2] = {0}, trait_module = 0;
	bool cross = false;
	size_t nnative = 0;
	char message[512];

	for (uint32_t i = 0; i < c->nbases; i++) {
		class_ref r;
		const scout_class_info *b;

		if (!scout_class_index_resolve(cx->ix, module, c->bases[i], &r))
			continue;
		b = scout_class_index_info(cx->ix, r);
		cross = cross || r.module != module;
		if (i == 0 && b->trait) {
			first_trait = b;
			trait_module = r.module;
		}
		if (is_native(b) && !b->trait) {
			if (nnative < 2) {
				natives[nnative] = b;
				native_module[nnative] = r.module;
			}
			nnative++;
			if (first_trait && cross) {
				scout_finding *f;

				snprintf(message, sizeof(message),
				         "class %s lists trait %s before class %s: mypyc reports "
				         "\"Non-trait base must appear first in parent list\"",
				         c->name, first_trait->name, b->name);
				f = report(cx, module, c, &scout_rule_trait_base_order, message);
				assume(cx, f, module, trait_module);
				assume(cx, f, module, r.module);
				first_trait = NULL;
			}
		}
	}
	if (nnative >= 2 && cross && !c->trait) {
		scout_finding *f;

		snprintf(message, sizeof(message),
		         "class %s inherits from native classes %s and %s: mypyc supports multiple "
		         "inheritance only from traits",
		         c->name, natives[0]->name, natives[1]->name);
		f = report(cx, module, c, &scout_rule_multiple_inheritance, message);
		assume(cx, f, module, native_module[0]);
		assume(cx, f, module, native_module[1]);
	}
}

/* A non-native class of one module built on a native class of another, and
 * a class allowing interpreted subclasses on a base (of another module) that
 * does not. */
static void check_nativeness(check_ctx *cx, size_t module, const scout_class_info *c)
{
	char message[512];

	for (uint32_t i = 0; i < c->nbases; i++) {
		class_ref r;
		const scout_class_info *b;

		if (!scout_class_index_resolve(cx->ix, module, c->bases[i], &r) ||
		    r.module == module)
			continue;
		b = scout_class_index_info(cx->ix, r);
		if (!is_native(c) && c->kind != SCOUT_CLASS_NONNATIVE_ENUM &&
		    c->kind != SCOUT_CLASS_NONNATIVE_RECORD && is_native(b) && !b->trait) {
			snprintf(message, sizeof(message),
			         "class %s is not a native class but inherits from native class %s "
			         "(%s): mypyc reports \"Non-extension classes may not inherit from "
			         "extension classes\"",
			         c->name, b->name, cx->scan->modules[r.module].path);
			assume(cx, report(cx, module, c, &scout_rule_nonext_inherits_ext, message),
			       module, r.module);
		}
		if (c->allow_interpreted && is_native(b) && !b->allow_interpreted) {
			snprintf(message, sizeof(message),
			         "class %s allows interpreted subclasses but its base %s (%s) does "
			         "not: mypyc reports \"Base class ... does not allow interpreted "
			         "subclasses\"",
			         c->name, b->name, cx->scan->modules[r.module].path);
			assume(
			    cx,
			    report(cx, module, c, &scout_rule_interpreted_subclass_base, message),
			    module, r.module);
		}
	}
}

/* --- attributes of imported classes -------------------------------------------- */

/* A native class whose project bases are not Enum or record classes
 * either (the defining module could only see its own bases). */
static bool natively_built(const class_index *ix, class_ref r)
{
	class_ref todo[MAX_CHAIN];
	size_t n = 0;

	todo[n++] = r;
	for (size_t i = 0; i < n; i++) {
		const scout_class_info *c = scout_class_index_info(ix, todo[i]);

		if (c->kind == SCOUT_CLASS_NONNATIVE_ENUM ||
		    c->kind == SCOUT_CLASS_NONNATIVE_RECORD || (i == 0 && !is_native(c)))
			return false;
		for (uint32_t j = 0; j < c->nbases && n < MAX_CHAIN; j++)
			if (scout_class_index_resolve(ix, todo[i].module, c->bases[j], &todo[n]))
				n++;
	}
	return true;
}

/* How `attr` is declared in class r or its project bases (breadth first);
 * the declaring class in *owner. -1 when no body declares it. */
static int member_kind(const class_index *ix, class_ref r, const char *attr, class_ref *owner)
{
	class_ref todo[MAX_CHAIN];
	size_t n = 0;
	int kind = -1;

	todo[n++] = r;
	for (size_t i = 0; i < n; i++) {
		const scout_class_info *c = scout_class_index_info(ix, todo[i]);

		for (uint32_t k = 0; k < c->nattrs; k++) {
			if (strcmp(c->attrs[k].name, attr) != 0)
				continue;
			if (kind < 0)
				*owner = todo[i];
			/* a variable that overrides a ClassVar of a base is one too
			 * (mypy carries the declaration over: mypyc compiles
			 * `class B(A): X = {}` with A's `X: ClassVar[dict]`) */
			if (kind < 0 || c->attrs[k].kind == SCOUT_MEMBER_CLASSVAR)
				kind = c->attrs[k].kind;
			if (kind != SCOUT_MEMBER_VAR)
				return kind;
		}
		for (uint32_t j = 0; j < c->nbases && n < MAX_CHAIN; j++)
			if (scout_class_index_resolve(ix, todo[i].module, c->bases[j], &todo[n]))
				n++;
	}
	return kind;
}

static bool is_object_dunder(const char *attr)
{
	return strcmp(attr, "__doc__") == 0 || strcmp(attr, "__module__") == 0 ||
	       strcmp(attr, "__dict__") == 0 || strcmp(attr, "__annotations__") == 0;
}

static scout_finding *report_at(check_ctx *cx, size_t module, const scout_rule *rule, uint32_t line,
                                uint32_t column, uint32_t end_line, uint32_t end_column,
                                const char *message)
{
	return scout_rules_report(&cx->scan->modules[module], rule, cx->config, line, column,
	                          end_line, end_column, message);
}

/* `Cls.attr = v` or `Cls.attr += v` on a class of another module, where attr
 * is a plain variable of the class or its project bases, or an attribute
 * every object declares (__module__, __doc__, ...). mypyc checks it on the
 * class as mypy knows it, native or not, compiled or not
 * (IRBuilder.disallow_class_assignments): it assumes nothing. */
static void check_class_store(check_ctx *cx, size_t m, const scout_attr_ref *ref, class_ref r)
{
	const scout_class_info *c = scout_class_index_info(cx->ix, r), *o;
	class_ref owner;
	int kind = member_kind(cx->ix, r, ref->attr, &owner);
	char message[600];

	if (kind != SCOUT_MEMBER_VAR && !(kind < 0 && is_object_dunder(ref->attr)))
		return;
	o = kind >= 0 ? scout_class_index_info(cx->ix, owner) : NULL;
	if (o)
		snprintf(
		    message, sizeof(message),
		    "%s.%s is assigned through class %s (%s) but %s is not declared ClassVar "
		    "in class %s: mypyc reports \"Only class variables defined as ClassVar can "
		    "be assigned to\"",
		    c->name, ref->attr, c->name, cx->scan->modules[r.module].path, ref->attr,
		    o->name);
	else
		snprintf(message, sizeof(message),
		         "%s.%s is assigned through class %s (%s) but every object declares %s as "
		         "an instance attribute: mypyc reports \"Only class variables defined as "
		         "ClassVar can be assigned to\"",
		         c->name, ref->attr, c->name, cx->scan->modules[r.module].path, ref->attr);
	report_at(cx, m, &scout_rule_classvar_assign_via_class, ref->line, ref->column,
	          ref->end_line, ref->end_column, message);
}

/* `Cls.attr` on a class imported from another module: an instance
 * attribute read through the class, a method replaced, or a variable
 * assigned through the class. */
static void check_attr_refs(check_ctx *cx, size_t m)
{
	const scout_module *mod = &cx->scan->modules[m];
	char message[600];

	for (size_t i = 0; i < mod->nattr_refs; i++) {
		const scout_attr_ref *ref = &mod->attr_refs[i];
		class_ref r, owner;
		const scout_class_info *c, *o;
		int kind;

		if (!scout_class_index_resolve(cx->ix, m, ref->object, &r) || r.module == m)
			continue;
		if (ref->store)
			check_class_store(cx, m, ref, r);
		if (!natively_built(cx->ix, r))
			continue;
		c = scout_class_index_info(cx->ix, r);
		kind = member_kind(cx->ix, r, ref->attr, &owner);
		o = kind >= 0 ? scout_class_index_info(cx->ix, owner) : NULL;
		if (!ref->store && ((kind == SCOUT_MEMBER_VAR && natively_built(cx->ix, owner)) ||
		                    (kind < 0 && is_object_dunder(ref->attr)))) {
			/* mypyc looks the class up among the classes it compiles */
			snprintf(
			    message, sizeof(message),
			    "%s.%s reads instance attribute %s of native class %s (%s) through "
			    "the class: mypyc reports \"Cannot access instance attribute "
			    "\\\"%s\\\" through class object\"",
			    c->name, ref->attr, ref->attr, o ? o->name : c->name,
			    cx->scan->modules[o ? owner.module : r.module].path, ref->attr);
			assume(cx,
			       report_at(cx, m, &scout_rule_instance_attr_via_class, ref->line,
			                 ref->column, ref->end_line, ref->end_column, message),
			       m, r.module);
		} else if (ref->store && kind == SCOUT_MEMBER_METHOD &&
		           natively_built(cx->ix, owner)) {
			/* only the compiled class's callers bind the method early */
			snprintf(
			    message, sizeof(message),
			    "%s.%s = ... replaces method %s of native class %s (%s) at run time: "
			    "compiled callers keep calling the original",
			    c->name, ref->attr, ref->attr, o->name,
			    cx->scan->modules[owner.module].path);
			assume(cx,
			       report_at(cx, m, &scout_rule_monkeypatch_method, ref->line,
			                 ref->column, ref->end_line, ref->end_column, message),
			       m, owner.module);
		}
	}
}

/* patch.object(Cls, "method") / mock.patch("pkg.mod.Cls.method") on a
 * native class of another module. */
static void check_patched_methods(check_ctx *cx, size_t m)
{
	const scout_module *mod = &cx->scan->modules[m];
	char message[600];

	for (size_t i = 0; i < mod->npatches; i++) {
		char *target = scout_strdup(mod->patches[i].target), *dot = strrchr(target, '.');
		class_ref r, owner;

		if (dot && dot != target) {
			*dot = '\0';
			if (scout_class_index_resolve(cx->ix, m, target, &r) && r.module != m &&
			    natively_built(cx->ix, r) &&
			    member_kind(cx->ix, r, dot + 1, &owner) == SCOUT_MEMBER_METHOD &&
			    natively_built(cx->ix, owner)) {
				snprintf(
				    message, sizeof(message),
				    "method %s of native class %s (%s) is patched at run time: "
				    "compiled callers keep calling the original",
				    dot + 1, scout_class_index_info(cx->ix, r)->name,
				    cx->scan->modules[r.module].path);
				assume(cx,
				       report_at(cx, m, &scout_rule_monkeypatch_method,
				                 mod->patches[i].line, 1, mod->patches[i].line, 1,
				                 message),
				       m, owner.module);
			}
		}
		free(target);
	}
}

void scout_rules_check_class_index(scout_scan *scan, const scout_class_index *classes,
                                   const scout_rule_config *config)
{
	check_ctx cx = {classes, scan, config};

	for (size_t m = 0; m < scan->nmodules; m++) {
		check_attr_refs(&cx, m);
		check_patched_methods(&cx, m);
	}

	for (size_t m = 0; m < scan->nmodules; m++) {
		for (size_t c = 0; c < scan->modules[m].nclasses; c++) {
			const scout_class_info *ci = &scan->modules[m].classes[c];

			if (is_native(ci))
				check_builtin_chain(&cx, m, ci);
			if (is_native(ci))
				check_bases(&cx, m, ci);
			check_nativeness(&cx, m, ci);
		}
	}
}
