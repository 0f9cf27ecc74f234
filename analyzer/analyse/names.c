/* Module-level name bindings for resolving decorators, bases and helpers
 * (`final`, `trait`, `dataclass`, `TYPE_CHECKING`, ...) to qualified names. */
#include "scout/names.h"

#include "scout/result.h"
#include "scout/stdlib.h"

#include <stdlib.h>
#include <string.h>

/* What the pre-pass works with besides the table it fills. */
typedef struct build_ctx {
	scout_names *out;
	const char *src;
	const scout_symbols *s;
	bool is_package;
	const scout_target *target;
	uint32_t last_row_start, last_byte, last_column; /* the last column counted */
} build_ctx;

/* Binds `local` to `target`, located at node `at` (1-based line and
 * code-point column). */
static void bind(build_ctx *b, const char *local, size_t local_len, const char *target,
                 scout_bind_kind kind, TSNode at)
{
	scout_name_entry e = {scout_strndup(local, local_len), scout_strdup(target), 0, 0, kind};
	TSPoint p = ts_node_start_point(at);
	uint32_t byte = ts_node_start_byte(at), column = 1, from = byte - p.column;

	/* a later binding on the same line counts on from the last one (a
	 * chained assignment 80,000 long is one line) */
	if (b->last_column && b->last_row_start == from && b->last_byte <= byte) {
		column = b->last_column;
		from = b->last_byte;
	}
	b->last_row_start = byte - p.column;
	for (uint32_t i = from; i < byte; i++)
		column += ((unsigned char)b->src[i] & 0xc0) != 0x80;
	b->last_byte = byte;
	b->last_column = column;
	e.line = p.row + 1;
	e.column = column;
	SCOUT_PUSH(b->out->entries, b->out->len, b->out->cap, e);
}

/* `import a.b.c` binds a; `import a.b as c` binds c to a.b. */
static void bind_import(build_ctx *b, TSNode stmt)
{
	const scout_symbols *s = b->s;
	uint32_t count = scout_node_named_child_count(stmt);

	for (uint32_t i = 0; i < count; i++) {
		TSNode c = scout_node_named_child(stmt, i);
		char *dotted;

		if (ts_node_symbol(c) == s->dotted_name) {
			char *top;

			dotted = scout_node_dotted_text(c, b->src);
			top = scout_strndup(dotted, strcspn(dotted, "."));
			bind(b, top, strlen(top), top, SCOUT_BIND_IMPORT, c);
			free(top);
			free(dotted);
		} else if (ts_node_symbol(c) == s->aliased_import) {
			TSNode name = scout_node_field(c, s->f_name);
			TSNode alias =
			    scout_node_named_child(c, scout_node_named_child_count(c) - 1);
			char *target = scout_node_dotted_text(name, b->src),
			     *local = scout_node_dotted_text(alias, b->src);

			bind(b, local, strlen(local), target, SCOUT_BIND_IMPORT, c);
			free(target);
			free(local);
		}
	}
}

/* `from m import a, b as c`: binds a to m.a and c to m.b; `from m import *`
 * is kept as a star binding. Relative module names are made absolute. */
static void bind_from(build_ctx *b, TSNode stmt)
{
	const scout_symbols *s = b->s;
	TSNode mod = scout_node_field(stmt, s->f_module_name);
	uint32_t count = scout_node_named_child_count(stmt);
	char *written, *module;

	if (ts_node_is_null(mod))
		return;
	written = scout_node_dotted_text(mod, b->src);
	module = scout_import_absolute(b->out->module, b->is_package, written);
	free(written);
	for (uint32_t i = 0; i < count; i++) {
		TSNode c = scout_node_named_child(stmt, i);
		TSNode name = c, alias = c;
		char *target, *local, *full;

		if (ts_node_start_byte(c) == ts_node_start_byte(mod))
			continue;
		if (ts_node_symbol(c) == s->wildcard_import) {
			bind(b, "*", 1, module, SCOUT_BIND_STAR, c);
			continue;
		}
		if (ts_node_symbol(c) == s->aliased_import) {
			name = scout_node_field(c, s->f_name);
			alias = scout_node_named_child(c, scout_node_named_child_count(c) - 1);
		} else if (ts_node_symbol(c) != s->dotted_name) {
			continue;
		}
		local = scout_node_dotted_text(alias, b->src);
		target = scout_node_dotted_text(name, b->src);
		full = scout_asprintf("%s%s%s", module, module[0] ? "." : "", target);
		bind(b, local, strlen(local), full, SCOUT_BIND_IMPORT, c);
		free(full);
		free(local);
		free(target);
	}
	free(module);
}

/* A name bound here, as "<module>.<name>". */
static void bind_here(build_ctx *b, TSNode name, scout_bind_kind kind)
{
	uint32_t len;
	const char *text;
	char *target;

	if (ts_node_is_null(name) || ts_node_symbol(name) != b->s->identifier)
		return;
	text = scout_node_text(name, b->src, &len);
	target = scout_asprintf("%s.%.*s", b->out->module ? b->out->module : "", (int)len, text);
	bind(b, text, len, target, kind, name);
	free(target);
}

/* The names an assignment's targets bind: `x = ...`, `x: T`, `a, b = ...`,
 * `a = b = ...` (attributes and subscripts bind nothing). */
static void bind_targets(build_ctx *b, TSNode left)
{
	const scout_symbols *s = b->s;
	TSSymbol t = ts_node_symbol(left);

	if (t == s->identifier) {
		bind_here(b, left, SCOUT_BIND_VAR);
	} else if (t == s->pattern_list || t == s->tuple_pattern || t == s->tuple ||
	           t == s->list_pattern) {
		uint32_t count = scout_node_named_child_count(left);

		for (uint32_t i = 0; i < count; i++) {
			TSNode c = scout_node_named_child(left, i);

			if (ts_node_symbol(c) == s->identifier)
				bind_here(b, c, SCOUT_BIND_VAR);
		}
	}
}

static void bind_assignment(build_ctx *b, TSNode stmt)
{
	uint32_t count = scout_node_named_child_count(stmt);

	for (uint32_t i = 0; i < count; i++) {
		TSNode a = scout_node_named_child(stmt, i);

		/* `a = b = 1`: the right side of each assignment is the next one */
		while (!ts_node_is_null(a) && ts_node_symbol(a) == b->s->assignment) {
			bind_targets(b, scout_node_field(a, b->s->f_left));
			a = scout_node_field(a, b->s->f_right);
		}
	}
}

/* The value of a plain string literal (mypy's StrExpr: no bytes, no
 * f-string, no escapes), or NULL. */
static const char *plain_string(const build_ctx *b, TSNode n, uint32_t *len)
{
	const scout_symbols *s = b->s;
	const char *text = "", *p;
	uint32_t count, plen;

	if (ts_node_is_null(n) || ts_node_symbol(n) != s->string)
		return NULL;
	p = scout_node_text(n, b->src, &plen);
	if (plen == 0 || !(p[0] == '"' || p[0] == '\'' || p[0] == 'r' || p[0] == 'R' ||
	                   p[0] == 'u' || p[0] == 'U'))
		return NULL;
	*len = 0;
	count = scout_node_named_child_count(n);
	for (uint32_t i = 0; i < count; i++) {
		TSNode c = scout_node_named_child(n, i);
		TSSymbol t = ts_node_symbol(c);

		if (t == s->string_content && *len == 0) {
			text = scout_node_text(c, b->src, len);
			if (memchr(text, '\\', *len))
				return NULL;
		} else if (t != s->string_start && t != s->string_end) {
			return NULL;
		}
	}
	return text;
}

/* Each string the expression lists (mypy's add_exports): a string, or the
 * strings of a list or tuple (`items`). */
static void export_strings(build_ctx *b, TSNode n, bool items)
{
	uint32_t count, len;

	if (ts_node_is_null(n) ||
	    (items && ts_node_symbol(n) != b->s->list && ts_node_symbol(n) != b->s->tuple))
		return;
	count = items ? scout_node_named_child_count(n) : 1;
	for (uint32_t i = 0; i < count; i++) {
		TSNode c = items ? scout_node_named_child(n, i) : n;
		const char *text = plain_string(b, c, &len);

		if (text)
			bind(b, text, len, "", SCOUT_BIND_EXPORT, c);
	}
}

static bool is_all(const build_ctx *b, TSNode n)
{
	return !ts_node_is_null(n) && ts_node_symbol(n) == b->s->identifier &&
	       scout_node_text_is(n, b->src, "__all__");
}

/* The names an expression statement adds to `__all__` (mypy's
 * process__all__, visit_operator_assignment_stmt, visit_call_expr):
 * `__all__ = [...]` (one target), `__all__ += [...]`,
 * `__all__.append("x")`, `__all__.extend([...])`. */
static void bind_exports(build_ctx *b, TSNode stmt)
{
	const scout_symbols *s = b->s;
	TSNode e = scout_node_named_child_count(stmt) ? scout_node_named_child(stmt, 0)
	                                              : (TSNode){{0}, 0, 0};
	TSSymbol t = ts_node_is_null(e) ? 0 : ts_node_symbol(e);

	if ((t == s->assignment || t == s->augmented_assignment) &&
	    is_all(b, scout_node_field(e, s->f_left))) {
		export_strings(b, scout_node_field(e, s->f_right), true);
	} else if (t == s->call) {
		TSNode fn = scout_node_field(e, s->f_function),
		       args = scout_node_field(e, s->f_arguments);
		TSNode attr = ts_node_is_null(fn) || ts_node_symbol(fn) != s->attribute
		                  ? (TSNode){{0}, 0, 0}
		                  : scout_node_field(fn, s->f_attribute);
		bool append = !ts_node_is_null(attr) && scout_node_text_is(attr, b->src, "append");
		bool extend = !ts_node_is_null(attr) && scout_node_text_is(attr, b->src, "extend");

		if ((append || extend) && is_all(b, scout_node_field(fn, s->f_object)) &&
		    !ts_node_is_null(args) && ts_node_symbol(args) == s->argument_list &&
		    scout_node_named_child_count(args) > 0)
			export_strings(b, scout_node_named_child(args, 0), extend);
	}
}

static bool is_container(TSSymbol t, const scout_symbols *s)
{
	return t == s->if_statement || t == s->elif_clause || t == s->else_clause ||
	       t == s->try_statement || t == s->except_clause || t == s->finally_clause ||
	       t == s->with_statement || t == s->block || t == s->decorated_definition;
}

/* Whether the pre-pass looks into (or binds from) child c of a node other
 * than an if statement (whose blocks live_blocks picks). */
static bool visits(const build_ctx *b, TSNode c)
{
	const scout_symbols *s = b->s;
	TSSymbol t = ts_node_symbol(c);

	return t == s->import_statement || t == s->import_from_statement ||
	       t == s->class_definition || t == s->function_definition ||
	       t == s->expression_statement || is_container(t, s);
}

static void bind_node(build_ctx *b, TSNode node)
{
	const scout_symbols *s = b->s;
	TSSymbol nt = ts_node_symbol(node);

	if (nt == s->import_statement)
		bind_import(b, node);
	else if (nt == s->import_from_statement)
		bind_from(b, node);
	else if (nt == s->class_definition || nt == s->function_definition)
		bind_here(b, scout_node_field(node, s->f_name), SCOUT_BIND_DEF);
	else if (nt == s->expression_statement) {
		bind_assignment(b, node);
		bind_exports(b, node);
	}
}

/* The blocks of an if statement mypy reaches, in document order. */
typedef struct blocks {
	TSNode *v;
	size_t len, cap;
} blocks;

static void keep_live(void *ctx, TSNode block, unsigned reach)
{
	blocks *out = ctx;

	if (!(reach & SCOUT_REACH_DEAD))
		SCOUT_PUSH(out->v, out->len, out->cap, block);
}

/* How many of the module's statements mypy analyses: all of them, or those
 * up to and including the first assert that always fails. */
static uint32_t module_reach(const build_ctx *b, TSNode root, uint32_t count)
{
	for (uint32_t i = 0; i < count; i++) {
		TSNode c = scout_node_named_child(root, i);

		if (ts_node_symbol(c) == b->s->assert_statement &&
		    scout_reach_assert_fails(c, b->src, b->target))
			return i + 1;
	}
	return count;
}

/* FNV-1a over the name's bytes. */
static size_t hash_name(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ull;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return (size_t)h;
}

/* The imported names qualified during a module's walk, before the resolver
 * follows them: what the module's analysis asked of other modules. A set
 * of owned strings (open addressing over their hashes). */
struct scout_names_asked {
	char **names;
	size_t len, cap;
	uint32_t *slots; /* index + 1, 0 empty */
	size_t nslots;   /* a power of two */
};

/* More than this many different imported names in one module are not
 * recorded (the module is then followed as if it asked about none). */
#define MAX_ASKED 4096

static void asked_free(scout_names_asked *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < a->len; i++)
		free(a->names[i]);
	free(a->names);
	free(a->slots);
	free(a);
}

static void asked_rehash(scout_names_asked *a)
{
	size_t mask;

	free(a->slots);
	a->nslots = a->nslots ? a->nslots * 2 : 64;
	a->slots = scout_calloc(a->nslots, sizeof(*a->slots));
	mask = a->nslots - 1;
	for (size_t k = 0; k < a->len; k++) {
		size_t i = hash_name(a->names[k], strlen(a->names[k])) & mask;

		while (a->slots[i])
			i = (i + 1) & mask;
		a->slots[i] = (uint32_t)(k + 1);
	}
}

static void asked_add(scout_names_asked *a, const char *name)
{
	size_t mask, i;

	if (!a || a->len >= MAX_ASKED)
		return;
	if ((a->len + 1) * 2 > a->nslots)
		asked_rehash(a);
	mask = a->nslots - 1;
	for (i = hash_name(name, strlen(name)) & mask; a->slots[i]; i = (i + 1) & mask)
		if (strcmp(a->names[a->slots[i] - 1], name) == 0)
			return;
	SCOUT_PUSH(a->names, a->len, a->cap, scout_strdup(name));
	a->slots[i] = (uint32_t)a->len;
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **scout_names_asked_list(const scout_names *names, size_t *count)
{
	const scout_names_asked *a = names->asked;
	size_t n = a ? a->len : 0;
	char **out = scout_calloc(n ? n : 1, sizeof(*out));

	for (size_t i = 0; i < n; i++)
		out[i] = scout_strdup(a->names[i]);
	if (n > 1)
		qsort(out, n, sizeof(*out), compare_strings);
	*count = n;
	return out;
}

/* Records the imported name in buf and lets the resolver follow it. Names
 * from the standard library are neither: typeshed, not the module's
 * source, is what mypy knows of them. */
static bool follow(const scout_names *names, char *buf, size_t cap)
{
	char resolved[512];

	if (scout_stdlib_has(buf, strcspn(buf, ".")))
		return true;
	asked_add(names->asked, buf);
	if (!names->resolver ||
	    !names->resolver->resolve(names->resolver->ctx, buf, resolved, sizeof(resolved)))
		return true;
	if (strlen(resolved) >= cap)
		return false;
	strcpy(buf, resolved);
	return true;
}

/* The last qualified name asked for, per thread: the rules ask about one
 * callee several times in a row. Forgotten when bindings are built or
 * cleared, so it never outlives a module. */
static _Thread_local struct last_qualified {
	const scout_names *names;
	const void *id;
	uint32_t start;
	bool ok;
	char name[256];
} last;

/* What the last node asked about looks like: its symbol and, when known,
 * the filter bit of the last component it can qualify to (the attribute's
 * name, or the last component of an identifier's qualified name). */
static _Thread_local struct asked_node {
	const scout_names *names;
	const void *id;
	uint32_t start;
	TSSymbol symbol;
	bool has_tail;
	uint32_t tail;
} asked;

static void forget_last(void)
{
	last.names = NULL;
	last.id = NULL;
	asked.names = NULL;
	asked.id = NULL;
}

/* Indexes the first binding of every local name (open addressing): the one
 * mypy keeps; a later one is a redefinition. Star imports and the names
 * __all__ lists bind no name. */
static void build_index(scout_names *names)
{
	size_t mask;

	free(names->slots);
	free(names->counts);
	names->slots = names->counts = NULL;
	names->nslots = 0;
	if (names->len == 0)
		return;
	names->nslots = 16;
	while (names->nslots < names->len * 2)
		names->nslots *= 2;
	names->slots = scout_calloc(names->nslots, sizeof(*names->slots));
	names->counts = scout_calloc(names->nslots, sizeof(*names->counts));
	mask = names->nslots - 1;
	for (size_t k = 0; k < names->len; k++) {
		const char *local = names->entries[k].local;
		size_t i = hash_name(local, strlen(local)) & mask;

		names->star |= names->entries[k].kind == SCOUT_BIND_STAR;
		if (names->entries[k].kind == SCOUT_BIND_STAR ||
		    names->entries[k].kind == SCOUT_BIND_EXPORT)
			continue;
		while (names->slots[i] &&
		       strcmp(names->entries[names->slots[i] - 1].local, local) != 0)
			i = (i + 1) & mask;
		if (!names->slots[i])
			names->slots[i] = (uint32_t)(k + 1);
		names->counts[i]++;
	}
}

void scout_names_build(scout_names *out, TSNode root, const char *src, const char *module,
                       bool is_package, const scout_target *target,
                       const scout_names_resolver *resolver)
{
	const scout_symbols *s = scout_syntax_symbols();
	build_ctx b = {out, src, s, is_package, target, 0, 0, 0};
	TSNode *todo = NULL;
	size_t ntodo = 0, cap = 0;
	blocks live = {NULL, 0, 0};

	forget_last();
	memset(out, 0, sizeof(*out));
	out->module = module;
	out->resolver = resolver;
	out->asked = scout_calloc(1, sizeof(*out->asked));
	SCOUT_PUSH(todo, ntodo, cap, root);
	while (ntodo) {
		TSNode node = todo[--ntodo];
		TSSymbol nt = ts_node_symbol(node);
		bool leaf = nt == s->class_definition || nt == s->function_definition ||
		            nt == s->expression_statement || nt == s->import_statement ||
		            nt == s->import_from_statement;
		uint32_t count = leaf ? 0 : scout_node_named_child_count(node);

		/* Children pushed in reverse: popped in document order, so a later
		 * binding of a name is appended after an earlier one. */
		if (nt == s->if_statement) { /* its conditions evaluated once */
			live.len = 0;
			scout_reach_if_each(node, src, target, keep_live, &live);
			while (live.len)
				SCOUT_PUSH(todo, ntodo, cap, live.v[--live.len]);
			continue;
		}
		if (nt == s->module)
			count = module_reach(&b, node, count);
		for (uint32_t i = count; i-- > 0;) {
			TSNode c = scout_node_named_child(node, i);

			if (visits(&b, c))
				SCOUT_PUSH(todo, ntodo, cap, c);
		}
		bind_node(&b, node);
	}
	free(todo);
	free(live.v);
	build_index(out);
}

void scout_names_clear(scout_names *names)
{
	forget_last();
	for (size_t i = 0; i < names->len; i++) {
		free(names->entries[i].local);
		free(names->entries[i].target);
	}
	free(names->entries);
	free(names->slots);
	free(names->counts);
	asked_free(names->asked);
	memset(names, 0, sizeof(*names));
}

const scout_name_entry *scout_names_lookup(const scout_names *names, const char *local, size_t len)
{
	size_t mask = names->nslots - 1;

	if (!names->nslots)
		return NULL;
	for (size_t i = hash_name(local, len) & mask; names->slots[i]; i = (i + 1) & mask) {
		const scout_name_entry *e = &names->entries[names->slots[i] - 1];

		if (strncmp(e->local, local, len) == 0 && e->local[len] == '\0')
			return e;
	}
	return NULL;
}

size_t scout_names_count(const scout_names *names, const char *local, size_t len)
{
	size_t mask = names->nslots - 1;

	if (!names->nslots)
		return 0;
	for (size_t i = hash_name(local, len) & mask; names->slots[i]; i = (i + 1) & mask) {
		const scout_name_entry *e = &names->entries[names->slots[i] - 1];

		if (strncmp(e->local, local, len) == 0 && e->local[len] == '\0')
			return names->counts[i];
	}
	return 0;
}

bool scout_names_head_bound(const scout_names *names, TSNode node, const char *src)
{
	const scout_symbols *s = scout_syntax_symbols();
	const char *text;
	uint32_t len;

	while (!ts_node_is_null(node) && ts_node_symbol(node) == s->attribute)
		node = scout_node_field(node, s->f_object);
	if (ts_node_is_null(node) || ts_node_symbol(node) != s->identifier)
		return false;
	text = scout_node_text(node, src, &len);
	return scout_names_lookup(names, text, len) != NULL;
}

static bool put(char *buf, size_t cap, size_t *used, const char *s, size_t n)
{
	if (*used + n >= cap)
		return false;
	memcpy(buf + *used, s, n);
	*used += n;
	buf[*used] = '\0';
	return true;
}

#define MAX_CHAIN 64

/* A name no statement here binds: what a star import of a project module
 * brings under it (mypy's visit_import_all; followed by the resolver to
 * where it leads out of the project), else builtins.<name>. */
static bool unbound(const scout_names *names, const char *text, uint32_t len, char *buf, size_t cap,
                    size_t *used)
{
	size_t n = names->module ? strlen(names->module) : 0;

	if (names->star && n && put(buf, cap, used, names->module, n) &&
	    put(buf, cap, used, ".", 1) && put(buf, cap, used, text, len) &&
	    follow(names, buf, cap) &&
	    !(strncmp(buf, names->module, n) == 0 && buf[n] == '.' &&
	      strncmp(buf + n + 1, text, len) == 0 && !buf[n + 1 + len])) {
		*used = strlen(buf);
		return true;
	}
	*used = 0;
	buf[0] = '\0';
	return put(buf, cap, used, "builtins.", 9) && put(buf, cap, used, text, len);
}

bool scout_names_qualify(const scout_names *names, TSNode node, const char *src, char *buf,
                         size_t cap)
{
	const scout_symbols *s = scout_syntax_symbols();
	TSNode chain[MAX_CHAIN];
	const scout_name_entry *e;
	const char *text;
	uint32_t len, n = 0;
	size_t used = 0;
	bool ok;

	if (ts_node_is_null(node))
		return false;
	for (; ts_node_symbol(node) == s->attribute; node = scout_node_field(node, s->f_object)) {
		TSNode attr = scout_node_field(node, s->f_attribute);

		if (ts_node_is_null(attr))
			break;
		if (n == MAX_CHAIN)
			return false;
		chain[n++] = attr;
	}
	if (ts_node_is_null(node) || ts_node_symbol(node) != s->identifier || cap == 0)
		return false;
	text = scout_node_text(node, src, &len);
	e = scout_names_lookup(names, text, len);
	ok = e ? put(buf, cap, &used, e->target, strlen(e->target))
	       : unbound(names, text, len, buf, cap, &used);
	while (ok && n-- > 0) {
		text = scout_node_text(chain[n], src, &len);
		ok = put(buf, cap, &used, ".", 1) && put(buf, cap, &used, text, len);
	}
	if (ok && e && e->kind == SCOUT_BIND_IMPORT)
		ok = follow(names, buf, cap);
	return ok;
}

/* A bare name: its binding's target, or builtins.<name>. */
static bool identifier_is(const scout_names *names, const char *text, uint32_t len,
                          const char *const *any)
{
	const scout_name_entry *e = scout_names_lookup(names, text, len);

	for (; *any; any++) {
		const char *c = *any;

		if (e ? c[0] == e->target[0] && strcmp(e->target, c) == 0
		      : c[0] == 'b' && strncmp(c, "builtins.", 9) == 0 &&
		            strncmp(c + 9, text, len) == 0 && c[9 + len] == '\0')
			return true;
	}
	return false;
}

/* "x" of "a.b.x" (the whole name when it has no dot). */
static const char *last_component(const char *name)
{
	const char *dot = strrchr(name, '.');

	return dot ? dot + 1 : name;
}

/* Whether some candidate ends in `.attr` (attributes are never renamed). */
static bool some_last_component(const char *const *any, const char *attr, uint32_t len)
{
	for (; *any; any++) {
		const char *tail = last_component(*any);

		if ((len == 0 || tail[0] == attr[0]) && strncmp(tail, attr, len) == 0 &&
		    tail[len] == '\0')
			return true;
	}
	return false;
}

static const char *qualified(const scout_names *names, TSNode node, const char *src)
{
	uint32_t start = ts_node_start_byte(node);

	if (last.names != names || last.id != node.id || last.start != start) {
		last.ok = scout_names_qualify(names, node, src, last.name, sizeof(last.name));
		last.names = names;
		last.id = node.id;
		last.start = start;
	}
	return last.ok ? last.name : NULL;
}

/* A 256-bit filter of the last components ("x" of "a.b.x") of a list of
 * candidate names, per thread, keyed by the list's address: rules pass
 * static lists (a few dozen), and ask about the same few many times. An
 * open-addressing table that keeps every list it has seen, so that lists
 * asked about in turn never evict each other; when it is full, filters are
 * worked out each time. */
typedef struct tail_filter {
	const char *const *list;
	uint64_t bits[4];
} tail_filter;

static uint32_t tail_hash(const char *s, size_t len)
{
	return (uint32_t)hash_name(s, len) & 255;
}

#define TAIL_FILTERS 256

void scout_names_tail_bits(const char *const *any, uint64_t bits[4])
{
	for (const char *const *c = any; *c; c++) {
		const char *tail = last_component(*c);
		uint32_t h = tail_hash(tail, strlen(tail));

		bits[h >> 6] |= 1ull << (h & 63);
	}
}

static void fill_tails(tail_filter *f, const char *const *any)
{
	memset(f->bits, 0, sizeof(f->bits));
	scout_names_tail_bits(any, f->bits);
	f->list = any;
}

static const uint64_t *tails_of(const char *const *any)
{
	static _Thread_local tail_filter cache[TAIL_FILTERS], spare;
	static _Thread_local uint32_t used;
	uint32_t i = (uint32_t)(((uintptr_t)any >> 3) * 0x9e3779b97f4a7c15ull >> 56);

	while (cache[i].list && cache[i].list != any)
		i = (i + 1) & (TAIL_FILTERS - 1);
	if (cache[i].list == any)
		return cache[i].bits;
	if (used >= TAIL_FILTERS / 2) { /* full enough: worked out, not kept */
		fill_tails(&spare, any);
		return spare.bits;
	}
	used++;
	fill_tails(&cache[i], any);
	return cache[i].bits;
}

static void ask(const scout_names *names, TSNode node, const char *src)
{
	const scout_symbols *s = scout_syntax_symbols();
	const char *text;
	uint32_t len;

	asked.names = names;
	asked.id = node.id;
	asked.start = ts_node_start_byte(node);
	asked.symbol = ts_node_symbol(node);
	asked.has_tail = false;
	if (asked.symbol == s->attribute) {
		text = scout_node_text(scout_node_field(node, s->f_attribute), src, &len);
		asked.tail = tail_hash(text, len);
		asked.has_tail = true;
	} else if (asked.symbol == s->identifier && (text = qualified(names, node, src))) {
		text = last_component(text);
		asked.tail = tail_hash(text, strlen(text));
		asked.has_tail = true;
	}
}

uint32_t scout_names_tail(const scout_names *names, TSNode node, const char *src)
{
	if (ts_node_is_null(node))
		return SCOUT_NAMES_ANY_TAIL;
	if (asked.names != names || asked.id != node.id || asked.start != ts_node_start_byte(node))
		ask(names, node, src);
	return asked.has_tail ? asked.tail : SCOUT_NAMES_ANY_TAIL;
}

/* False only when no candidate can match: the node's last component is not
 * the last component of any of them (attributes are never renamed). */
static bool may_be(const scout_names *names, TSNode node, const char *src, const char *const *any)
{
	uint32_t tail = scout_names_tail(names, node, src);
	const uint64_t *bits;

	if (tail == SCOUT_NAMES_ANY_TAIL)
		return true;
	bits = tails_of(any);
	return bits[tail >> 6] >> (tail & 63) & 1;
}

bool scout_names_is(const scout_names *names, TSNode node, const char *src, const char *const *any)
{
	const scout_symbols *s = scout_syntax_symbols();
	const char *name, *text;
	uint32_t len;
	TSSymbol t;

	if (ts_node_is_null(node)) /* e.g. a call without a function in a broken tree */
		return false;
	if (!may_be(names, node, src, any))
		return false;
	t = asked.symbol;
	if (t != s->identifier && t != s->attribute)
		return false;
	if (t == s->attribute && !(last.names == names && last.id == node.id)) {
		text = scout_node_text(scout_node_field(node, s->f_attribute), src, &len);
		if (!some_last_component(any, text, len)) /* no candidate ends in .attr */
			return false;
	}
	name = qualified(names, node, src);
	if (!name) { /* too long to qualify: a bare name still has its binding */
		if (t != s->identifier)
			return false;
		text = scout_node_text(node, src, &len);
		return identifier_is(names, text, len, any);
	}
	for (; *any; any++)
		if ((*any)[0] == name[0] && strcmp(*any, name) == 0)
			return true;
	return false;
}
