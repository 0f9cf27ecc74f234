/* The per-file result cache: a re-scan of an unchanged file reads its
 * analysis result back instead of parsing it again. One entry file per key
 * under DIR/v<format>/<2 hex>/<38 hex>; see README "Cache". */
#ifndef SCOUT_CACHE_H
#define SCOUT_CACHE_H

#include "scout/analyze.h"
#include "scout/common.h"
#include "scout/walk.h"

/* Bumped whenever the entry layout or the meaning of a field changes. */
#define SCOUT_CACHE_FORMAT 6
/* A key or content id: 40 hex digits (a libgit2 SHA-1 object id) and NUL. */
#define SCOUT_CACHE_ID_LEN 41

typedef struct scout_cache scout_cache;

/* $XDG_CACHE_HOME/mypyc-scout (when absolute), else $HOME/.cache/mypyc-scout,
 * else NULL. Owned by caller, free with free(). */
char *scout_cache_default_dir(void);

/* Opens the cache in `dir` (created when missing) for analyses run with
 * `rules` and `coverage_threshold`, which are hashed into every key, together
 * with the tool version, the cache format, the rule catalog and the running
 * binary. *out is owned by caller, free with scout_cache_free. Returns 0, or
 * SCOUT_EIO with scout_error_last() set when the directory cannot be created. */
int scout_cache_open(scout_cache **out, const char *dir, const scout_rule_config *rules,
                     double coverage_threshold);
void scout_cache_free(scout_cache *c);

/* The hex git blob id of `len` bytes (git_odb_hash) into out. */
void scout_cache_hash_bytes(char out[SCOUT_CACHE_ID_LEN], const char *data, size_t len);

/* The key of one file: the cache's configuration identity, the report path,
 * the module name and `content` (any string that identifies the bytes, such
 * as "blob:<id>:<size>"). */
void scout_cache_key(const scout_cache *c, char out[SCOUT_CACHE_ID_LEN], const char *rel,
                     const char *module, const char *content);

/* Where the entry for `key` lives. Owned by caller, free with free(). */
char *scout_cache_entry_path(const scout_cache *c, const char *key);

/* Reads the entry for `key` into *out (zeroed by the caller; on a hit owned
 * by caller, free with scout_file_result_clear). A missing, truncated,
 * corrupt or foreign entry is a miss: returns false and leaves *out zeroed.
 * Safe to call from several threads at once. */
bool scout_cache_get(scout_cache *c, const char *key, scout_file_result *out);

/* Stores r (borrowed) under `key`: written to a temp file in the entry's
 * directory, then renamed over the final name, so readers never see half an
 * entry. Returns 0, or SCOUT_EIO (the scan goes on without it). Thread-safe. */
int scout_cache_put(scout_cache *c, const char *key, const scout_file_result *r);

/* Hits and misses counted by scout_cache_get so far. */
void scout_cache_stats(const scout_cache *c, size_t *hits, size_t *misses);

/* The entry format, exposed for tests: a header (magic, format, key echo,
 * payload length, SHA-1 of the payload) and the whole result. encode
 * appends to out; decode returns 0 or SCOUT_ERROR (and leaves *out zeroed)
 * when any field, count or length does not fit the bytes given. */
void scout_cache_encode(scout_buf *out, const char *key, const scout_file_result *r);
int scout_cache_decode(scout_file_result *out, const char *key, const char *data, size_t len);

#endif
