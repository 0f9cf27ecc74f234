/* The per-file result cache: where it lives, what its keys hash, and entry
 * files read whole and written by rename. The entry format is in
 * cache_codec.c. Nothing here is shared and mutable but two atomic counters,
 * so workers look up and store concurrently without a lock. */
#include "scout/cache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <git2.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "registry.h"
#include "scout/config.h"
#include "scout/fs.h"
#include "scout/mypy_config.h"

/* Entries larger than this are not read (a forged length cannot make us
 * allocate more). */
#define MAX_ENTRY_BYTES ((size_t)512 * 1024 * 1024)

struct scout_cache {
	char *dir;                       /* DIR/v<format> */
	char config[SCOUT_CACHE_ID_LEN]; /* identity of everything but the file */
	atomic_size_t hits, misses;
};

char *scout_cache_default_dir(void)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");

	if (xdg && xdg[0] == '/') /* the XDG spec ignores relative paths */
		return scout_asprintf("%s/mypyc-scout", xdg);
	if (home && home[0])
		return scout_asprintf("%s/.cache/mypyc-scout", home);
	return NULL;
}

/* mkdir -p: creates `path` and its missing parents. Returns 0 or -1. */
static int make_dirs(const char *path)
{
	char *copy = scout_strdup(path);
	struct stat st;
	int error = 0;

	for (char *p = copy + 1; *p && !error; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(copy, 0755) < 0 && errno != EEXIST)
			error = -1;
		*p = '/';
	}
	if (!error && mkdir(copy, 0755) < 0 && errno != EEXIST)
		error = -1;
	if (!error && (stat(copy, &st) < 0 || !S_ISDIR(st.st_mode) || access(copy, W_OK) < 0))
		error = -1;
	free(copy);
	return error;
}

static void hex_of(char out[SCOUT_CACHE_ID_LEN], const git_oid *oid)
{
	git_oid_tostr(out, SCOUT_CACHE_ID_LEN, oid);
}

void scout_cache_hash_bytes(char out[SCOUT_CACHE_ID_LEN], const char *data, size_t len)
{
	git_oid oid;

	if (git_odb_hash(&oid, data ? data : "", len, GIT_OBJECT_BLOB) < 0)
		memset(&oid, 0, sizeof(oid));
	hex_of(out, &oid);
}

/* A length-prefixed field, so no two field lists hash the same bytes. */
static void put_field(scout_buf *b, const char *s)
{
	scout_buf_printf(b, "%zu:%s\n", strlen(s ? s : ""), s ? s : "");
}

/* The rule catalog: every id with its version range and category, and
 * whether this scan selected it. */
static void put_rules(scout_buf *b, const scout_rule_config *rules)
{
	size_t n;
	const scout_rule *const *all = scout_rules_all(&n);

	for (size_t i = 0; i < n; i++) {
		bool on = !rules || !rules->enabled || rules->enabled[i];

		put_field(b, all[i]->id);
		scout_buf_printf(b, "%u %u %d %d\n", all[i]->since, all[i]->until,
		                 (int)all[i]->category, on);
	}
}

/* Everything besides the file that a per-file result depends on. The running
 * binary's identity (device, inode, size, modification time) is part of it,
 * so a rebuilt tool never reads results of its older self even when
 * SCOUT_VERSION did not change; hashing its bytes instead cost a warm scan
 * 15 ms. */
static void config_identity(char out[SCOUT_CACHE_ID_LEN], const scout_rule_config *rules,
                            double coverage_threshold)
{
	scout_buf b = {0};
	struct stat exe = {0};
	uint32_t v = rules && rules->mypyc_version ? rules->mypyc_version : SCOUT_MYPYC_CURRENT;

	if (stat("/proc/self/exe", &exe) < 0)
		memset(&exe, 0, sizeof(exe));
	scout_buf_printf(&b,
	                 "mypyc-scout result cache\nversion %s\nformat %d\nbinary %llu %llu %lld "
	                 "%lld.%09ld\n",
	                 SCOUT_VERSION, SCOUT_CACHE_FORMAT, (unsigned long long)exe.st_dev,
	                 (unsigned long long)exe.st_ino, (long long)exe.st_size,
	                 (long long)exe.st_mtim.tv_sec, (long)exe.st_mtim.tv_nsec);
	scout_buf_printf(&b, "mypyc %u\ncoverage %.17g\nunused-ignores %d\n", v, coverage_threshold,
	                 rules ? rules->report_unused_ignores : 0);
	put_rules(&b, rules);
	for (size_t i = 0; rules && i < rules->npath_ignores; i++) {
		put_field(&b, rules->path_ignores[i].glob);
		put_field(&b, rules->path_ignores[i].ids);
	}
	if (rules && rules->mypy) /* ignore_errors, disable_error_code */
		scout_mypy_config_put_ignores(rules->mypy, &b);
	scout_cache_hash_bytes(out, b.data, b.len);
	scout_buf_free(&b);
}

/* A writer's temporary file (".tmp-XXXXXX", renamed into place once whole)
 * older than this was left by a killed scan: no live writer holds one that
 * long, so it can go. */
#define STALE_TMP_SECONDS (60 * 60)

/* Removes the stale temporaries of one shard directory (DIR/v<format>/xx). */
static void sweep_shard(int shard, time_t before)
{
	int fd = dup(shard);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	struct dirent *e;
	struct stat st;

	if (!d) {
		if (fd >= 0)
			close(fd);
		return;
	}
	while ((e = readdir(d)))
		if (strncmp(e->d_name, ".tmp-", 5) == 0 &&
		    fstatat(shard, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISREG(st.st_mode) && st.st_mtime < before)
			unlinkat(shard, e->d_name, 0);
	closedir(d);
}

/* Removes the temporaries killed scans left (kill -9 between mkstemp and
 * rename), at most once an hour: the directory DIR/v<format>/.swept marks
 * the last sweep (its time; a directory, so no entry count sees it),
 * so a warm scan pays one stat. */
static void sweep_stale(const char *versioned)
{
	char *mark = scout_asprintf("%s/.swept", versioned);
	time_t now = time(NULL);
	struct stat st;
	int top;

	if (stat(mark, &st) == 0 && st.st_mtime > now - STALE_TMP_SECONDS && st.st_mtime <= now) {
		free(mark);
		return;
	}
	if (mkdir(mark, 0755) == 0 || errno == EEXIST)
		utimensat(AT_FDCWD, mark, NULL, AT_SYMLINK_NOFOLLOW);
	free(mark);
	if ((top = open(versioned, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0)
		return;
	for (int i = 0; i < 256; i++) {
		char name[3];
		int shard;

		snprintf(name, sizeof(name), "%02x", i);
		shard = openat(top, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (shard >= 0) {
			sweep_shard(shard, now - STALE_TMP_SECONDS);
			close(shard);
		}
	}
	close(top);
}

int scout_cache_open(scout_cache **out, const char *dir, const scout_rule_config *rules,
                     double coverage_threshold)
{
	scout_cache *c;
	char *versioned = scout_asprintf("%s/v%d", dir, SCOUT_CACHE_FORMAT);

	*out = NULL;
	if (make_dirs(versioned) < 0) {
		scout_error_set("cannot create the cache directory '%s': %s", versioned,
		                strerror(errno));
		free(versioned);
		return SCOUT_EIO;
	}
	sweep_stale(versioned);
	git_libgit2_init();
	c = scout_calloc(1, sizeof(*c));
	c->dir = versioned;
	atomic_init(&c->hits, 0);
	atomic_init(&c->misses, 0);
	config_identity(c->config, rules, coverage_threshold);
	*out = c;
	return 0;
}

void scout_cache_free(scout_cache *c)
{
	if (!c)
		return;
	free(c->dir);
	free(c);
	git_libgit2_shutdown();
}

void scout_cache_key(const scout_cache *c, char out[SCOUT_CACHE_ID_LEN], const char *rel,
                     const char *module, const char *content)
{
	scout_buf b = {0};

	put_field(&b, c->config);
	put_field(&b, rel);
	put_field(&b, module);
	put_field(&b, content);
	scout_cache_hash_bytes(out, b.data, b.len);
	scout_buf_free(&b);
}

char *scout_cache_entry_path(const scout_cache *c, const char *key)
{
	return scout_asprintf("%s/%.2s/%s", c->dir, key, key + 2);
}

bool scout_cache_get(scout_cache *c, const char *key, scout_file_result *out)
{
	char *path = scout_cache_entry_path(c, key), *data = NULL;
	size_t len = 0;
	bool hit = scout_fs_read(&data, &len, path, MAX_ENTRY_BYTES, 0, NULL) == 0 &&
	           scout_cache_decode(out, key, data, len) == 0;

	free(path);
	free(data);
	atomic_fetch_add(hit ? &c->hits : &c->misses, 1);
	return hit;
}

int scout_cache_put(scout_cache *c, const char *key, const scout_file_result *r)
{
	char *sub = scout_asprintf("%s/%.2s", c->dir, key);
	char *tmp = scout_asprintf("%s/.tmp-XXXXXX", sub);
	char *path = scout_cache_entry_path(c, key);
	scout_buf b = {0};
	int fd, error = SCOUT_EIO;

	if (mkdir(sub, 0755) < 0 && errno != EEXIST)
		goto cleanup;
	if ((fd = mkstemp(tmp)) < 0)
		goto cleanup;
	scout_cache_encode(&b, key, r);
	if (scout_fs_write_all(fd, b.data, b.len) < 0) {
		close(fd);
		unlink(tmp);
		goto cleanup;
	}
	if (close(fd) < 0 || rename(tmp, path) < 0) {
		unlink(tmp);
		goto cleanup;
	}
	error = 0;
cleanup:
	scout_buf_free(&b);
	free(sub);
	free(tmp);
	free(path);
	return error;
}

void scout_cache_stats(const scout_cache *c, size_t *hits, size_t *misses)
{
	*hits = atomic_load(&c->hits);
	*misses = atomic_load(&c->misses);
}
