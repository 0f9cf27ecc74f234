/* mypy's per-module options that hide errors, resolved for one module the
 * way mypy's Options.clone_for_module resolves them (mypy/options.py,
 * unchanged in this respect from 1.0.1 to 2.3). */
#include "scout/mypy_config.h"

#include <stdlib.h>
#include <string.h>

/* mypy's check on a section's pattern: none of "?[]!", and a '*' only as a
 * whole component. */
static bool valid_pattern(const char *p)
{
	if (!*p || strpbrk(p, "?[]!"))
		return false;
	for (const char *star = strchr(p, '*'); star; star = strchr(star + 1, '*'))
		if ((star > p && star[-1] != '.') || (star[1] && star[1] != '.'))
			return false;
	return true;
}

scout_mypy_section *scout_mypy_config_section(scout_mypy_config *cfg, const char *pattern,
                                              size_t len)
{
	scout_mypy_section s = {.ignore_errors = -1};
	char *copy = scout_strndup(pattern, len);

	for (char *c = copy; *c; c++)
		if (*c == '/') /* mypy reads slashes as dots */
			*c = '.';
	if (!valid_pattern(copy)) {
		free(copy);
		return NULL;
	}
	for (size_t i = 0; i < cfg->nsections; i++) {
		scout_mypy_section *old = &cfg->sections[i];

		if (strcmp(old->pattern, copy) == 0) {
			free(copy);
			free(old->disable_codes);
			old->disable_codes = NULL;
			old->ignore_errors = -1;
			old->check_untyped = SCOUT_MYPY_UNSET;
			return old;
		}
	}
	s.pattern = copy;
	SCOUT_PUSH(cfg->sections, cfg->nsections, cfg->sections_cap, s);
	return &cfg->sections[cfg->nsections - 1];
}

void scout_mypy_config_clear_sections(scout_mypy_config *cfg)
{
	for (size_t i = 0; i < cfg->nsections; i++) {
		free(cfg->sections[i].pattern);
		free(cfg->sections[i].disable_codes);
	}
	free(cfg->sections);
	cfg->sections = NULL;
	cfg->nsections = cfg->sections_cap = 0;
	free(cfg->global.disable_codes);
	cfg->global.disable_codes = NULL;
	cfg->global.ignore_errors = -1;
	cfg->global.check_untyped = cfg->global.strict = SCOUT_MYPY_UNSET;
}

/* "pkg.*" with no other '*': mypy's "well-structured" wildcard. */
static bool structured_wildcard(const char *p)
{
	size_t n = strlen(p);

	return n >= 2 && strcmp(p + n - 2, ".*") == 0 && !memchr(p, '*', n - 1);
}

/* The module prefix of a structured wildcard ("pkg" of "pkg.*", "" of "*")
 * matches the module itself and its submodules. */
static bool wildcard_matches(const char *pattern, const char *module)
{
	size_t n = strlen(pattern) - 2;

	return strncmp(module, pattern, n) == 0 && (module[n] == '\0' || module[n] == '.');
}

/* mypy's compile_glob, full match: components compared literally, except
 * that a first "*" matches any text and a further ".*" nothing or a '.' and
 * any text. (A '*' stands only as a whole component: the readers drop other
 * patterns, as mypy does.) */
static bool glob_matches(const char *p, const char *m)
{
	if (!*p)
		return !*m;
	if (p[0] == '.' && p[1] == '*' && (p[2] == '.' || !p[2])) {
		if (glob_matches(p + 2, m))
			return true;
		if (*m != '.')
			return false;
		for (const char *r = m + 1;; r++) {
			if (glob_matches(p + 2, r))
				return true;
			if (!*r)
				return false;
		}
	}
	if (p[0] == '*') {
		for (const char *r = m;; r++) {
			if (glob_matches(p + 1, r))
				return true;
			if (!*r)
				return false;
		}
	}
	return *p == *m && glob_matches(p + 1, m + 1);
}

static void apply(const scout_mypy_section *s, bool *ignore, scout_mypy_flag *check,
                  scout_buf *disabled)
{
	if (s->ignore_errors >= 0)
		*ignore = s->ignore_errors;
	if (s->check_untyped != SCOUT_MYPY_UNSET)
		*check = s->check_untyped;
	if (s->disable_codes && *s->disable_codes) {
		if (disabled->len)
			scout_buf_putc(disabled, ',');
		scout_buf_puts(disabled, s->disable_codes);
	}
}

bool scout_mypy_config_module(const scout_mypy_config *cfg, const char *module, scout_buf *disabled)
{
	bool ignore = false;
	/* strict sets check_untyped_defs unless [mypy] sets it itself */
	scout_mypy_flag check = cfg->global.strict;
	const scout_mypy_section *wild[64];
	size_t nwild = 0;

	apply(&cfg->global, &ignore, &check, disabled);
	/* pkg.* sections from the shortest: each inherits from its parents */
	for (size_t i = 0; i < cfg->nsections && nwild < 64; i++)
		if (structured_wildcard(cfg->sections[i].pattern) &&
		    wildcard_matches(cfg->sections[i].pattern, module))
			wild[nwild++] = &cfg->sections[i];
	for (size_t i = 1; i < nwild; i++)
		for (size_t j = i; j > 0 && strlen(wild[j]->pattern) < strlen(wild[j - 1]->pattern);
		     j--) {
			const scout_mypy_section *t = wild[j];

			wild[j] = wild[j - 1];
			wild[j - 1] = t;
		}
	for (size_t i = 0; i < nwild; i++)
		apply(wild[i], &ignore, &check, disabled);
	for (size_t i = 0; i < cfg->nsections; i++) {
		const char *p = cfg->sections[i].pattern;

		if (strchr(p, '*') && !structured_wildcard(p) && glob_matches(p, module))
			apply(&cfg->sections[i], &ignore, &check, disabled);
	}
	for (size_t i = 0; i < cfg->nsections; i++)
		if (strcmp(cfg->sections[i].pattern, module) == 0)
			apply(&cfg->sections[i], &ignore, &check, disabled);
	if (check == SCOUT_MYPY_TRUE)
		scout_buf_puts(disabled,
		               disabled->len ? ",annotation-unchecked" : "annotation-unchecked");
	return ignore;
}

void scout_mypy_config_put_ignores(const scout_mypy_config *cfg, scout_buf *b)
{
	for (size_t i = 0; i <= cfg->nsections; i++) {
		const scout_mypy_section *s = i ? &cfg->sections[i - 1] : &cfg->global;

		scout_buf_printf(b, "mypy-section %s %d %s %d %d\n", s->pattern ? s->pattern : "",
		                 s->ignore_errors, s->disable_codes ? s->disable_codes : "",
		                 (int)s->check_untyped, (int)s->strict);
	}
}
