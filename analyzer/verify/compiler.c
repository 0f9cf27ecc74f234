/* Finding the compiler: --mypyc CMD split into words, else `mypyc` on PATH,
 * and its version from `CMD --version`. */
#include "scout/verify.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "child.h"
#include "select.h"

/* ---- sh-like words --------------------------------------------------------- */

typedef struct words {
	char **items;
	size_t len, cap;
	scout_buf word;
	bool in_word;
} words;

static void word_end(words *w)
{
	if (!w->in_word)
		return;
	if (!w->word.data)
		scout_buf_puts(&w->word, "");
	SCOUT_PUSH(w->items, w->len, w->cap, scout_buf_detach(&w->word));
	w->in_word = false;
}

/* Reads a quoted part starting after the opening quote; returns the position
 * after the closing one, or NULL when it is not closed. */
static const char *quoted(words *w, const char *p, char quote)
{
	for (; *p && *p != quote; p++) {
		if (quote == '"' && *p == '\\' && p[1] && strchr("\"\\$`", p[1]))
			p++;
		scout_buf_putc(&w->word, *p);
	}
	return *p ? p + 1 : NULL;
}

int scout_compiler_words(char ***argv, size_t *argc, const char *text)
{
	words w = {0};
	const char *p = text;

	*argv = NULL;
	*argc = 0;
	while (p && *p) {
		if (*p == ' ' || *p == '\t' || *p == '\n') {
			word_end(&w);
			p++;
			continue;
		}
		w.in_word = true;
		if (*p == '\'' || *p == '"') {
			p = quoted(&w, p + 1, *p);
		} else if (*p == '\\' && p[1]) {
			scout_buf_putc(&w.word, p[1]);
			p += 2;
		} else {
			scout_buf_putc(&w.word, *p++);
		}
	}
	word_end(&w);
	SCOUT_PUSH(w.items, w.len, w.cap, NULL);
	if (!p || w.len == 1) {
		scout_buf_free(&w.word);
		scout_compiler_words_free(w.items);
		if (p)
			scout_error_set("--mypyc: no command given");
		else
			scout_error_set("--mypyc: unclosed quote in '%s'", text);
		return SCOUT_EUSAGE;
	}
	*argv = w.items;
	*argc = w.len - 1;
	return 0;
}

void scout_compiler_words_free(char **argv)
{
	for (size_t i = 0; argv && argv[i]; i++)
		free(argv[i]);
	free(argv);
}

/* ---- finding it ---------------------------------------------------------- */

/* `name` in a directory of $PATH, as an executable regular file (owned by
 * caller), or NULL. */
static char *on_path(const char *name)
{
	const char *path = getenv("PATH");
	char *copy, *save = NULL, *found = NULL;

	if (!path || !path[0])
		return NULL;
	copy = scout_strdup(path);
	for (char *dir = strtok_r(copy, ":", &save); dir && !found;
	     dir = strtok_r(NULL, ":", &save)) {
		char *candidate = scout_asprintf("%s/%s", dir[0] ? dir : ".", name);
		struct stat st;

		if (stat(candidate, &st) == 0 && S_ISREG(st.st_mode) &&
		    access(candidate, X_OK) == 0)
			found = candidate;
		else
			free(candidate);
	}
	free(copy);
	return found;
}

/* A program named by a relative path ("venv/bin/mypyc") is made absolute:
 * the compiler runs in the scratch copy. Its arguments are left as given. */
static void absolute_program(scout_compiler *c)
{
	char *real;

	if (c->argv[0][0] == '/' || !strchr(c->argv[0], '/') ||
	    !(real = realpath(c->argv[0], NULL)))
		return;
	free(c->argv[0]);
	c->argv[0] = real;
}

/* "1.0.1" out of "mypy 1.0.1 (compiled: yes)" or "mypy 1.15.0+dev.abc...":
 * the first word that starts with a digit, up to what is not digits and
 * dots. */
static int read_version(scout_compiler *c, const char *output)
{
	const char *p = output;

	while (*p && !(*p >= '0' && *p <= '9' && (p == output || p[-1] == ' ')))
		p++;
	if (*p) {
		size_t n = strspn(p, "0123456789.");
		char *v = scout_strndup(p, n);

		while (n > 0 && v[n - 1] == '.')
			v[--n] = '\0';
		if (scout_mypyc_version_parse(v, &c->vcode) == 0) {
			c->version = v;
			return 0;
		}
		free(v);
	}
	return SCOUT_ERROR;
}

static int ask_version(scout_compiler *c)
{
	char **argv = scout_calloc(c->argc + 2, sizeof(*argv));
	child_opts o = {.argv = argv, .timeout = 60, .cap = 8192};
	child_result r;
	int error;
	char *line;

	memcpy(argv, c->argv, c->argc * sizeof(*argv));
	argv[c->argc] = "--version";
	error = child_run(&r, &o);
	free(argv);
	if (error == SCOUT_ENOTFOUND) {
		scout_error_set("mypyc not found: '%s' (give --mypyc CMD)", c->command);
		return SCOUT_ENOTFOUND;
	}
	if (error < 0)
		return SCOUT_ERROR;
	line = scout_strndup(r.output, strcspn(r.output, "\n"));
	if (r.exit_status != 0 || read_version(c, scout_str_trim(line)) < 0) {
		scout_error_set("'%s --version' %s: %s", c->command,
		                r.timed_out          ? "did not answer within 60 s"
		                : r.exit_status != 0 ? "failed"
		                                     : "printed no version",
		                line[0] ? line : "(no output)");
		free(line);
		child_result_free(&r);
		return SCOUT_ERROR;
	}
	c->banner = scout_strdup(scout_str_trim(line));
	free(line);
	child_result_free(&r);
	return 0;
}

int scout_compiler_find(scout_compiler *out, const char *command)
{
	int error;

	memset(out, 0, sizeof(*out));
	if (command) {
		if ((error = scout_compiler_words(&out->argv, &out->argc, command)) < 0)
			return error;
		absolute_program(out);
		out->command = scout_strdup(command);
	} else {
		char *path = on_path("mypyc");

		if (!path) {
			scout_error_set(
			    "mypyc not found on PATH (install mypy, or give --mypyc CMD, "
			    "e.g. --mypyc \"python3 -m mypyc\")");
			return SCOUT_ENOTFOUND;
		}
		out->argv = scout_calloc(2, sizeof(*out->argv));
		out->argv[0] = path;
		out->argc = 1;
		out->command = scout_strdup(path);
	}
	if ((error = ask_version(out)) < 0)
		scout_compiler_free(out);
	return error;
}

void scout_compiler_free(scout_compiler *c)
{
	scout_compiler_words_free(c->argv);
	free(c->command);
	free(c->banner);
	free(c->version);
	memset(c, 0, sizeof(*c));
}
