/* Module-level name bindings for resolving decorators, bases and helpers
 * (`final`, `trait`, `dataclass`, `TYPE_CHECKING`, ...) to qualified names. */
#include "scout/names.h"

#include <stdlib.h>
#include <string.h>

/* Binds `local` to `target`, located at node `at` (1-based line and
 * code-point column). */
static void bind(scout_names *n, const char *local, size_t local_len, const char *target, TSNode at,
                 const char *src)
{
	scout_name_entry e = {scout_strndup(local, local_len), scout_strdup(target), 0, 0};
	TSPoint p = ts_node_start_point(at);
	uint32_t byte = ts_node_start_byte(at), column = 1;

	for (uint32_t i = byte - p.column; i < byte; i++)
		column += ((unsigned char)src[i] & 0xc0) != 0x80;
	e.line = p.row + 1;
	e.column = column;
	SCOUT_PUSH(n->entries, n->len, n->cap, e);
}

/* `import a.b.c` binds a; `import a.b as c` binds c to a.b. */
static void bind_import(scout_names *n, TSNode stmt, const char *src, const scout_symbols *s)
{
	uint32_t count = scout_node_named_child_count(stmt);

	for (uint32_t i = 0; i < count; i++) {
		TSNode c = scout_node_named_child(stmt, i);
		char *dotted;

		if (ts_node_symbol(c) == s->dotted_name) {
			char *top;

			dotted = scout_node_dotted_text(c, src);
			top = scout_strndup(dotted, strcspn(dotted, "."));
			bind(n, top, strlen(top), top, c, src);
			free(top);
			free(dotted);
		} else if (ts_node_symbol(c) == s->aliased_import) {
			TSNode name = scout_node_field(c, s->f_name);
			TSNode alias =
			    scout_node_named_child(c, scout_node_named_child_count(c) - 1);
			char *target = scout_node_dotted_text(name, src),
			     *local = scout_node_dotted_text(alias, src);

			bind(n, local, strlen(local), target, c, src);
			free(target);
			free(local);
		}
	}
}

/* `from m import a, b as c`: binds a to m.a and c to m.b. */
static void bind_from(scout_names *n, TSNode stmt, const char *src, const scout_symbols *s)
{
	TSFieldId f_module = ts_language_field_id_for_name(tree_sitter_python(), "module_name", 11);
	TSNode mod = scout_node_field(stmt, f_module);
	uint32_t count = scout_node_named_child_count(stmt);
	char *module = scout_node_dotted_text(mod, src);

	for (uint32_t i = 0; i < count; i++) {
		TSNode c = scout_node_named_child(stmt, i);
		TSNode name = c, alias = c;
		char *target, *local;

		if (ts_node_start_byte(c) == ts_node_start_byte(mod))
			continue;
		if (ts_node_symbol(c) == s->aliased_import) {
			name = scout_node_field(c, s->f_name);
			alias = scout_node_named_child(c, scout_node_named_child_count(c) - 1);
		} else if (ts_node_symbol(c) != s->dotted_name) {
			continue;
		}
		local = scout_node_dotted_text(alias, src);
		target = scout_node_dotted_text(name, src);
		{
			const char *sep = module[strlen(module) - 1] == '.' ? "" : ".";
			char *full = scout_asprintf("%s%s%s", module, sep, target);

			bind(n, local, strlen(local), full, c, src);
			free(full);
		}
		free(local);
		free(target);
	}
	free(module);
}

static void bind_definition(scout_names *n, TSNode def, const char *src, const scout_symbols *s)
{
	TSNode name = scout_node_field(def, s->f_name);
	uint32_t len;
	const char *text;
	char *target;

	if (ts_node_is_null(name))
		return;
	text = scout_node_text(name, src, &len);
	target = scout_asprintf("%s.%.*s", n->module ? n->module : "", (int)len, text);
	bind(n, text, len, target, name, src);
	free(target);
}

static bool is_container(TSSymbol t, const scout_symbols *s)
{
	return t == s->if_statement || t == s->elif_clause || t == s->else_clause ||
	       t == s->try_statement || t == s->except_clause || t == s->finally_clause ||
	       t == s->with_statement || t == s->block || t == s->decorated_definition;
}

/* FNV-1a over the name's bytes. */
static size_t hash_name(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ull;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return (size_t)h;
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

/* Indexes the last binding of every local name (open addressing). */
static void build_index(scout_names *names)
{
	size_t mask;

	free(names->slots);
	names->slots = NULL;
	names->nslots = 0;
	if (names->len == 0)
		return;
	names->nslots = 16;
	while (names->nslots < names->len * 2)
		names->nslots *= 2;
	names->slots = scout_calloc(names->nslots, sizeof(*names->slots));
	mask = names->nslots - 1;
	for (size_t k = 0; k < names->len; k++) {
		const char *local = names->entries[k].local;
		size_t i = hash_name(local, strlen(local)) & mask;

		while (names->slots[i] &&
		       strcmp(names->entries[names->slots[i] - 1].local, local) != 0)
			i = (i + 1) & mask;
		names->slots[i] = (uint32_t)(k + 1); /* a later binding replaces an earlier one */
	}
}

void scout_names_build(scout_names *out, TSNode root, const char *src, const char *module)
{
	const scout_symbols *s = scout_syntax_symbols();
	TSNode *todo = NULL;
	size_t ntodo = 0, cap = 0;

	forget_last();
	memset(out, 0, sizeof(*out));
	out->module = module;
	SCOUT_PUSH(todo, ntodo, cap, root);
	while (ntodo) {
		TSNode node = todo[--ntodo];
		TSSymbol nt = ts_node_symbol(node);
		bool is_def = nt == s->class_definition || nt == s->function_definition;
		uint32_t count = is_def ? 0 : scout_node_named_child_count(node);

		/* Children pushed in reverse: popped in document order, so a later
		 * binding of a name is appended after an earlier one. */
		for (uint32_t i = count; i-- > 0;) {
			TSNode c = scout_node_named_child(node, i);
			TSSymbol t = ts_node_symbol(c);

			if (t == s->import_statement || t == s->import_from_statement ||
			    t == s->class_definition || t == s->function_definition ||
			    is_container(t, s))
				SCOUT_PUSH(todo, ntodo, cap, c);
		}
		if (nt == s->import_statement)
			bind_import(out, node, src, s);
		else if (nt == s->import_from_statement)
			bind_from(out, node, src, s);
		else if (is_def)
			bind_definition(out, node, src, s);
	}
	free(todo);
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
	memset(names, 0, sizeof(*names));
}

/* The last binding of `local` (of len bytes), or NULL. */
static const scout_name_entry *lookup(const scout_names *names, const char *local, size_t len)
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
	return lookup(names, text, len) != NULL;
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
	e = lookup(names, text, len);
	ok = e ? put(buf, cap, &used, e->target, strlen(e->target))
	       : put(buf, cap, &used, "builtins.", 9) && put(buf, cap, &used, text, len);
	while (ok && n-- > 0) {
		text = scout_node_text(chain[n], src, &len);
		ok = put(buf, cap, &used, ".", 1) && put(buf, cap, &used, text, len);
	}
	return ok;
}

/* A bare name: its binding's target, or builtins.<name>. */
static bool identifier_is(const scout_names *names, const char *text, uint32_t len,
                          const char *const *any)
{
	const scout_name_entry *e = lookup(names, text, len);

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
