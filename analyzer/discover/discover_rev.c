/* --rev: the Python files of a commit's tree, read from the object database
 * without a checkout. Module names follow the tree's own __init__.py files. */
#include "discover_internal.h"

#include <git2.h>
#include <stdlib.h>
#include <string.h>

#include "scout/gitutil.h"

typedef struct rev_walk {
	scout_discover_ctx *ctx;
	const char *prefix; /* "sub/dir/" of the scanned directory, or "" */
	char **picked;      /* repository paths of the paths given ("" the top) */
	size_t npicked;
	char **inits; /* repository paths of every __init__.py in the tree */
	size_t ninits, inits_cap;
} rev_walk;

static bool has_init(const rev_walk *rw, const char *dir, size_t len)
{
	for (size_t i = 0; i < rw->ninits; i++)
		if (strncmp(rw->inits[i], dir, len) == 0 &&
		    strcmp(rw->inits[i] + len, "/__init__.py") == 0)
			return true;
	return false;
}

/* The dotted module name of a repository path, from the tree's packages. */
static char *module_name(const rev_walk *rw, const char *path)
{
	size_t end = strlen(path) - 3; /* drop ".py" */
	const char *base = strrchr(path, '/');
	size_t dir_end = base ? (size_t)(base - path) : 0;
	scout_buf name = {0};
	char *out;

	base = base ? base + 1 : path;
	if (strcmp(base, "__init__.py") != 0)
		scout_buf_put(&name, base, end - (size_t)(base - path));
	while (dir_end > 0 && has_init(rw, path, dir_end)) {
		size_t start = dir_end;
		char *prefixed;

		while (start > 0 && path[start - 1] != '/')
			start--;
		prefixed = scout_asprintf("%.*s%s%s", (int)(dir_end - start), path + start,
		                          name.len ? "." : "", name.data ? name.data : "");
		scout_buf_free(&name);
		scout_buf_puts(&name, prefixed);
		free(prefixed);
		dir_end = start ? start - 1 : 0;
	}
	out = scout_buf_detach(&name);
	return out;
}

/* True when the repository path lies within a path given (or none was). */
static bool picked(const rev_walk *rw, const char *path)
{
	for (size_t i = 0; i < rw->npicked; i++) {
		size_t n = strlen(rw->picked[i]);

		if (n == 0 ||
		    (strncmp(path, rw->picked[i], n) == 0 && (!path[n] || path[n] == '/')))
			return true;
	}
	return rw->npicked == 0;
}

static int collect(const char *root, const git_tree_entry *entry, void *payload)
{
	rev_walk *rw = payload;
	const char *name = git_tree_entry_name(entry);
	char *path = scout_asprintf("%s%s", root, name);
	size_t plen = strlen(rw->prefix);
	git_filemode_t mode = git_tree_entry_filemode(entry);
	int skip = 0;

	if (strncmp(path, rw->prefix, plen) != 0 && strncmp(rw->prefix, path, strlen(path)) != 0) {
		skip = 1; /* outside the scanned directory */
	} else if (mode == GIT_FILEMODE_TREE) {
		if (strlen(path) >= plen && (scout_discover_skip_dir(name, "") ||
		                             scout_discover_ctx_excluded(rw->ctx, path + plen)))
			skip = 1;
	} else if ((mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE) &&
	           strlen(path) > plen && scout_discover_is_python(name)) {
		if (strcmp(name, "__init__.py") == 0)
			SCOUT_PUSH(rw->inits, rw->ninits, rw->inits_cap, scout_strdup(path));
		if (picked(rw, path) && !scout_discover_ctx_excluded(rw->ctx, path + plen)) {
			scout_file f = {.rel = scout_strdup(path + plen), .fs = scout_strdup(path)};
			char hex[GIT_OID_HEXSZ + 1];

			git_oid_tostr(hex, sizeof(hex), git_tree_entry_id(entry));
			f.blob = scout_strdup(hex);
			SCOUT_PUSH(rw->ctx->out->files, rw->ctx->out->len, rw->ctx->out->cap, f);
		}
	}
	free(path);
	return skip;
}

/* root's path in the repository: "" for the top, else "sub/dir/" (owned),
 * taken lexically so that it need not exist on disk. */
static char *root_prefix(git_repository *repo, const char *root)
{
	const char *top = git_repository_is_bare(repo) ? NULL : git_repository_workdir(repo);
	char *rel = top ? scout_discover_relative(root, top) : NULL, *out;

	if (!top)
		return scout_strdup("");
	if (!rel)
		return scout_git_prefix(repo, root);
	out = rel[0] ? scout_asprintf("%s/", rel) : scout_strdup("");
	free(rel);
	return out;
}

/* The repository paths of the paths given, each of which must be in the
 * tree below the root. */
static int pick(rev_walk *rw, git_tree *tree, const char *root, const char *const *paths,
                size_t npaths, const char *rev)
{
	size_t cap = 0;

	for (size_t i = 0; i < npaths; i++) {
		char *rel = scout_discover_relative(paths[i], root), *at;
		git_tree_entry *entry = NULL;
		bool found;

		if (!rel)
			return scout_error_set("--rev: '%s' is outside '%s'", paths[i], root);
		at = scout_asprintf("%s%s", rw->prefix, rel);
		free(rel);
		if (at[0] && at[strlen(at) - 1] == '/')
			at[strlen(at) - 1] = '\0';
		found = !at[0] || git_tree_entry_bypath(&entry, tree, at) == 0;
		git_tree_entry_free(entry);
		SCOUT_PUSH(rw->picked, rw->npicked, cap, at);
		if (!found) {
			scout_error_set("--rev: '%s' is not in the tree of %s", paths[i], rev);
			return SCOUT_ENOTFOUND;
		}
	}
	return 0;
}

int scout_discover_rev(scout_discover_ctx *ctx, const char *root, const char *const *paths,
                       size_t npaths, const char *rev)
{
	git_repository *repo = NULL;
	git_object *obj = NULL, *commit = NULL;
	git_tree *tree = NULL;
	rev_walk rw = {ctx, NULL, NULL, 0, NULL, 0, 0};
	char *prefix = NULL, hex[GIT_OID_HEXSZ + 1];
	int error = SCOUT_ERROR;

	if (git_repository_open_ext(&repo, root, 0, NULL) < 0) {
		scout_error_set("--rev: '%s' is not in a git repository", root);
		goto cleanup;
	}
	if (git_revparse_single(&obj, repo, rev) < 0 ||
	    git_object_peel(&commit, obj, GIT_OBJECT_COMMIT) < 0 ||
	    git_object_peel((git_object **)&tree, commit, GIT_OBJECT_TREE) < 0) {
		scout_git_error(rev);
		goto cleanup;
	}
	rw.prefix = prefix = root_prefix(repo, root);
	if ((error = pick(&rw, tree, root, paths, npaths, rev)) < 0)
		goto cleanup;
	error = SCOUT_ERROR;
	if (git_tree_walk(tree, GIT_TREEWALK_PRE, collect, &rw) < 0) {
		scout_git_error("--rev: reading the tree");
		goto cleanup;
	}
	for (size_t i = 0; i < ctx->out->len; i++) /* fs holds the repository path here */
		ctx->out->files[i].module = module_name(&rw, ctx->out->files[i].fs);
	git_oid_tostr(hex, sizeof(hex), git_object_id(commit));
	free(ctx->scan->root);
	ctx->scan->root = scout_strdup(root);
	free(ctx->scan->repo_prefix);
	ctx->scan->repo_prefix = scout_strdup(prefix);
	free(ctx->scan->source);
	ctx->scan->source = scout_asprintf("rev:%s", hex);
	error = 0;
cleanup:
	for (size_t i = 0; i < rw.ninits; i++)
		free(rw.inits[i]);
	free(rw.inits);
	for (size_t i = 0; i < rw.npicked; i++)
		free(rw.picked[i]);
	free(rw.picked);
	free(prefix);
	git_tree_free(tree);
	git_object_free(commit);
	git_object_free(obj);
	git_repository_free(repo);
	return error;
}
