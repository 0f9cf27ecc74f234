/* TOML 1.0's rules on defining keys and tables (see toml_keys.h). */
#include "toml_keys.h"

#include <stdlib.h>
#include <string.h>

#include "scout/common.h"

typedef enum node_kind {
	NODE_TABLE,  /* a table: [header], dotted keys, or a header's parent */
	NODE_TABLES, /* [[name]]: pairs go to its current element */
	NODE_SCALAR,
	NODE_ARRAY,
	NODE_INLINE,
} node_kind;

struct toml_key_node {
	uint32_t parent;
	char *name; /* owned; NULL for an element of an array */
	node_kind kind;
	bool declared; /* a [header] defined the table */
	bool dotted;   /* dotted keys defined the table */
	uint32_t line;
	uint32_t element; /* NODE_TABLES: the current [[name]] table */
};

static uint64_t slot_hash(uint32_t parent, const char *name)
{
	uint64_t h = 1469598103934665603ull ^ parent;

	for (; *name; name++)
		h = (h ^ (unsigned char)*name) * 1099511628211ull;
	return h ^ (h >> 29);
}

static uint32_t *slot_of(toml_keys *k, uint32_t parent, const char *name)
{
	size_t i = slot_hash(parent, name) & (k->nslots - 1);

	for (;; i = (i + 1) & (k->nslots - 1)) {
		toml_key_node *n;

		if (!k->slots[i])
			return &k->slots[i];
		n = &k->nodes[k->slots[i] - 1];
		if (n->parent == parent && strcmp(n->name, name) == 0)
			return &k->slots[i];
	}
}

static void grow_slots(toml_keys *k)
{
	free(k->slots);
	k->nslots = k->nslots ? k->nslots * 2 : 64;
	k->slots = scout_calloc(k->nslots, sizeof(*k->slots));
	for (size_t i = 1; i < k->len; i++)
		if (k->nodes[i].name)
			*slot_of(k, k->nodes[i].parent, k->nodes[i].name) = (uint32_t)i + 1;
}

static uint32_t add(toml_keys *k, uint32_t parent, const char *name, node_kind kind, uint32_t line)
{
	toml_key_node n = {.parent = parent, .kind = kind, .line = line};
	uint32_t id = (uint32_t)k->len;

	n.name = name ? scout_strdup(name) : NULL;
	SCOUT_PUSH(k->nodes, k->len, k->cap, n);
	if (name) {
		if (2 * k->len > k->nslots)
			grow_slots(k);
		else
			*slot_of(k, parent, name) = id + 1;
	}
	return id;
}

/* The child `name` of `parent`, or UINT32_MAX. */
static uint32_t find(toml_keys *k, uint32_t parent, const char *name)
{
	uint32_t slot = *slot_of(k, parent, name);

	return slot ? slot - 1 : UINT32_MAX;
}

void toml_keys_init(toml_keys *k)
{
	memset(k, 0, sizeof(*k));
	add(k, 0, NULL, NODE_TABLE, 0);
	k->nodes[0].declared = true;
	grow_slots(k);
}

void toml_keys_free(toml_keys *k)
{
	for (size_t i = 0; i < k->len; i++)
		free(k->nodes[i].name);
	free(k->nodes);
	free(k->slots);
	free(k->error);
	memset(k, 0, sizeof(*k));
}

static char *joined(char *const *names, size_t n)
{
	scout_buf b = {0};

	for (size_t i = 0; i < n; i++) {
		if (i)
			scout_buf_putc(&b, '.');
		scout_buf_puts(&b, names[i]);
	}
	return scout_buf_detach(&b);
}

/* The dotted path of node `id` from the root (elements of arrays have no
 * name of their own). */
static char *node_path(const toml_keys *k, uint32_t id)
{
	char *names[64];
	size_t n = 0;

	for (; id != TOML_KEYS_ROOT && n < 64; id = k->nodes[id].parent)
		if (k->nodes[id].name)
			names[n++] = k->nodes[id].name;
	for (size_t i = 0; i < n / 2; i++) {
		char *t = names[i];

		names[i] = names[n - 1 - i];
		names[n - 1 - i] = t;
	}
	return joined(names, n);
}

/* Records the first broken rule; returns a detached table for the walk to
 * go on with. */
static uint32_t broken(toml_keys *k, uint32_t line, char *message)
{
	if (!k->error) {
		k->error = message;
		k->error_line = line;
	} else {
		free(message);
	}
	return add(k, 0, NULL, NODE_TABLE, line);
}

static const char *what(const toml_key_node *n)
{
	switch (n->kind) {
	case NODE_TABLE:
		return "a table";
	case NODE_TABLES:
		return "an array of tables";
	case NODE_ARRAY:
		return "an array";
	case NODE_INLINE:
		return "an inline table";
	default:
		return "a value";
	}
}

/* Steps from `cur` into the table `names[i]` on the way to a header's or a
 * pair's last key; creates it (dotted or implicit). UINT32_MAX after a rule
 * is broken. */
static uint32_t step(toml_keys *k, uint32_t cur, char *const *names, size_t i, bool pair,
                     uint32_t line)
{
	uint32_t id = find(k, cur, names[i]);
	toml_key_node *n;
	char *path;

	if (id == UINT32_MAX) {
		id = add(k, cur, names[i], NODE_TABLE, line);
		k->nodes[id].dotted = pair;
		return id;
	}
	n = &k->nodes[id];
	if (n->kind == NODE_TABLE && !(pair && n->declared)) {
		n->dotted |= pair;
		return id;
	}
	if (n->kind == NODE_TABLES && !pair)
		return n->element;
	path = node_path(k, id);
	if (n->kind == NODE_TABLE)
		broken(k, line,
		       scout_asprintf("dotted key '%s' adds to table [%s], defined at line %u",
		                      names[i], path, n->line));
	else
		broken(k, line,
		       scout_asprintf("'%s' is already %s (line %u) and cannot hold more keys",
		                      path, what(n), n->line));
	free(path);
	return UINT32_MAX;
}

uint32_t toml_keys_header(toml_keys *k, char *const *names, size_t n, bool array, uint32_t line)
{
	uint32_t cur = TOML_KEYS_ROOT, id;
	toml_key_node *node;
	char *path, *message;

	if (n == 0)
		return broken(k, line, scout_strdup("empty table name"));
	for (size_t i = 0; i + 1 < n; i++)
		if ((cur = step(k, cur, names, i, false, line)) == UINT32_MAX)
			return add(k, 0, NULL, NODE_TABLE, line);
	id = find(k, cur, names[n - 1]);
	if (id == UINT32_MAX) {
		id = add(k, cur, names[n - 1], array ? NODE_TABLES : NODE_TABLE, line);
		k->nodes[id].declared = true;
		if (array)
			k->nodes[id].element = add(k, id, NULL, NODE_TABLE, line);
		return array ? k->nodes[id].element : id;
	}
	node = &k->nodes[id];
	if (array && node->kind == NODE_TABLES) {
		uint32_t element = add(k, id, NULL, NODE_TABLE, line);

		k->nodes[id].element = element;
		return element;
	}
	if (!array && node->kind == NODE_TABLE && !node->declared && !node->dotted) {
		node->declared = true;
		node->line = line;
		return id;
	}
	path = node_path(k, id);
	if (!array && node->kind == NODE_TABLE)
		message = scout_asprintf("table [%s] is defined twice (first at line %u)", path,
		                         node->line);
	else
		message = scout_asprintf("%s%s%s redefines '%s', already %s (line %u)",
		                         array ? "[[" : "[", path, array ? "]]" : "]", path,
		                         what(node), node->line);
	free(path);
	return broken(k, line, message);
}

uint32_t toml_keys_pair(toml_keys *k, uint32_t ns, char *const *names, size_t n,
                        toml_value_kind kind, uint32_t line)
{
	static const node_kind kinds[] = {NODE_SCALAR, NODE_ARRAY, NODE_INLINE};
	uint32_t cur = ns, id;
	char *path, *message;

	if (n == 0)
		return broken(k, line, scout_strdup("empty key"));
	for (size_t i = 0; i + 1 < n; i++)
		if ((cur = step(k, cur, names, i, true, line)) == UINT32_MAX)
			return add(k, 0, NULL, NODE_TABLE, line);
	id = find(k, cur, names[n - 1]);
	if (id == UINT32_MAX)
		return add(k, cur, names[n - 1], kinds[kind], line);
	path = node_path(k, id);
	message = k->nodes[id].kind == NODE_SCALAR || k->nodes[id].kind == NODE_ARRAY ||
	                  k->nodes[id].kind == NODE_INLINE
	              ? scout_asprintf("key '%s' is defined twice (first at line %u)", path,
	                               k->nodes[id].line)
	              : scout_asprintf("key '%s' redefines %s (line %u)", path, what(&k->nodes[id]),
	                               k->nodes[id].line);
	free(path);
	return broken(k, line, message);
}

uint32_t toml_keys_element(toml_keys *k, uint32_t array)
{
	return add(k, array, NULL, NODE_TABLE, 0);
}
