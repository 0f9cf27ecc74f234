/* TOML 1.0's rules on keys and tables (toml.io/en/v1.0.0: "Keys", "Table",
 * "Inline Table", "Array of Tables"), checked while toml.c walks the tree:
 * a key is defined once; a [table] once, and not after dotted keys defined
 * it; dotted keys do not extend a [table] defined elsewhere; inline tables
 * and arrays are closed; [[name]] never names a table or a value. Internal to
 * analyzer/project. Each node is a key the document defined, found by
 * (parent, name) through a hash table: linear in the document. */
#ifndef SCOUT_PROJECT_TOML_KEYS_H
#define SCOUT_PROJECT_TOML_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TOML_KEYS_ROOT 0u

typedef struct toml_key_node toml_key_node;

typedef struct toml_keys {
	toml_key_node *nodes; /* owned; nodes[0] is the root table */
	size_t len, cap;
	uint32_t *slots; /* owned hash table of node index + 1 (0: empty) */
	size_t nslots;
	char *error;         /* owned: the first rule broken, NULL when none */
	uint32_t error_line; /* its 1-based line */
} toml_keys;

typedef enum toml_value_kind {
	TOML_VALUE_SCALAR,
	TOML_VALUE_ARRAY,  /* closed: [[name]] cannot add to it */
	TOML_VALUE_INLINE, /* closed: its own pairs only */
} toml_value_kind;

void toml_keys_init(toml_keys *k);
void toml_keys_free(toml_keys *k);

/* A [names...] header (or [[names...]] when `array`) at `line`: returns the
 * table its pairs go to. A broken rule is recorded (the first only) and a
 * detached table returned, so the walk goes on. */
uint32_t toml_keys_header(toml_keys *k, char *const *names, size_t n, bool array, uint32_t line);

/* A pair `names... = value` in table `ns` (a header's table, an inline table,
 * or the root): returns the value's node (the table an inline table's pairs
 * go to). */
uint32_t toml_keys_pair(toml_keys *k, uint32_t ns, char *const *names, size_t n,
                        toml_value_kind kind, uint32_t line);

/* A fresh table for an inline table that is an element of an array. */
uint32_t toml_keys_element(toml_keys *k, uint32_t array);

#endif
