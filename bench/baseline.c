/* scout-bench-baseline: the parse-only floor for bench/run.sh. Finds every
 * *.py under the given paths (plain recursive walk, symlinks not followed),
 * reads each, parses it with tree-sitter-python and visits every node with a
 * TSTreeCursor. Nothing else: single-threaded, no analysis, no output but the
 * totals. Whatever mypyc-scout spends beyond this is the design's cost. */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <tree_sitter/api.h>

const TSLanguage *tree_sitter_python(void);

typedef struct totals {
	size_t files;
	size_t bytes;
	size_t nodes;
	size_t unreadable;
} totals;

static void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q) {
		fputs("scout-bench-baseline: out of memory\n", stderr);
		exit(2);
	}
	return q;
}

/* Reads the whole file into *buf (grown as needed, owned by the caller).
 * Returns the length, or -1 if the file cannot be read. */
static long read_file(const char *path, char **buf, size_t *cap)
{
	FILE *f = fopen(path, "rb");
	size_t len = 0, n;

	if (!f)
		return -1;
	for (;;) {
		if (*cap - len < 65536) {
			*cap = *cap * 2 + 65536;
			*buf = xrealloc(*buf, *cap);
		}
		n = fread(*buf + len, 1, *cap - len, f);
		len += n;
		if (n == 0)
			break;
	}
	if (ferror(f)) {
		fclose(f);
		return -1;
	}
	fclose(f);
	return (long)len;
}

/* Visits every node of the tree in document order; returns how many. */
static size_t count_nodes(TSTree *tree)
{
	TSTreeCursor cursor = ts_tree_cursor_new(ts_tree_root_node(tree));
	size_t nodes = 1;

	for (;;) {
		if (ts_tree_cursor_goto_first_child(&cursor)) {
			nodes++;
			continue;
		}
		while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
			if (!ts_tree_cursor_goto_parent(&cursor)) {
				ts_tree_cursor_delete(&cursor);
				return nodes;
			}
		}
		nodes++;
	}
}

typedef struct bench {
	TSParser *parser;
	char *buf;
	size_t cap;
	totals t;
} bench;

static void parse_file(bench *b, const char *path)
{
	long len = read_file(path, &b->buf, &b->cap);
	TSTree *tree;

	if (len < 0) {
		b->t.unreadable++;
		return;
	}
	tree = ts_parser_parse_string(b->parser, NULL, b->buf, (uint32_t)len);
	if (!tree) {
		ts_parser_reset(b->parser);
		b->t.unreadable++;
		return;
	}
	b->t.files++;
	b->t.bytes += (size_t)len;
	b->t.nodes += count_nodes(tree);
	ts_tree_delete(tree);
}

static int ends_with_py(const char *name)
{
	size_t n = strlen(name);

	return n > 3 && strcmp(name + n - 3, ".py") == 0;
}

static void walk(bench *b, const char *path);

static void walk_dir(bench *b, const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char *child;
	size_t plen = strlen(path);

	if (!d) {
		b->t.unreadable++;
		return;
	}
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0 ||
		    strcmp(e->d_name, ".git") == 0)
			continue;
		child = xrealloc(NULL, plen + strlen(e->d_name) + 2);
		sprintf(child, "%s/%s", path, e->d_name);
		walk(b, child);
		free(child);
	}
	closedir(d);
}

static void walk(bench *b, const char *path)
{
	struct stat st;

	if (lstat(path, &st) < 0)
		return;
	if (S_ISDIR(st.st_mode))
		walk_dir(b, path);
	else if (S_ISREG(st.st_mode) && ends_with_py(path))
		parse_file(b, path);
}

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	bench b = {0};
	double start;

	if (argc < 2 || strcmp(argv[1], "--help") == 0) {
		fputs("usage: scout-bench-baseline PATH...\n"
		      "Parses every *.py under PATH with tree-sitter-python and visits every\n"
		      "node; prints files, bytes, nodes and seconds.\n",
		      argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	b.parser = ts_parser_new();
	if (!ts_parser_set_language(b.parser, tree_sitter_python())) {
		fputs("scout-bench-baseline: grammar version mismatch\n", stderr);
		return 2;
	}
	start = now_seconds();
	for (int i = 1; i < argc; i++)
		walk(&b, argv[i]);
	printf("files %zu\nbytes %zu\nnodes %zu\nseconds %.3f\n", b.t.files, b.t.bytes, b.t.nodes,
	       now_seconds() - start);
	if (b.t.unreadable)
		printf("unreadable %zu\n", b.t.unreadable);
	ts_parser_delete(b.parser);
	free(b.buf);
	return 0;
}
