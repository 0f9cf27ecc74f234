/* Fuzz entry point for the configuration readers: the first byte picks the
 * reader (its value modulo TOML_READERS, table below), the rest is the file.
 * The directory readers get the bytes written to a fresh file in a private
 * temporary directory (one sub-directory per reader, so no other file is
 * ever beside it); the directory is removed at exit. Seeds: every
 * pyproject.toml and requirements file under fixtures/, each prefixed with
 * the byte of the readers it suits (scripts/fuzz.sh). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scout/compile_set.h"
#include "scout/config.h"
#include "scout/mypy_config.h"
#include "scout/pin.h"
#include "scout/setup_eval.h"
#include "scout/setup_py.h"
#include "scout/toml.h"
#include "tests/fuzz/fuzz.h"

typedef int (*toml_reader)(const char *data, size_t len);

static char toml_tmp[64];
static char toml_written[16][128]; /* files to remove at exit */

static void toml_cleanup(void)
{
	char sub[96];

	for (size_t i = 0; i < sizeof(toml_written) / sizeof(*toml_written); i++) {
		if (!toml_written[i][0])
			continue;
		unlink(toml_written[i]);
		snprintf(sub, sizeof(sub), "%s/%zu", toml_tmp, i);
		rmdir(sub);
	}
	rmdir(toml_tmp);
}

/* Writes the bytes to <tmp>/<slot>/<name> and returns the directory. */
static const char *toml_write(size_t slot, const char *name, const char *data, size_t len)
{
	static char dir[96];
	FILE *f;

	if (!toml_tmp[0]) {
		const char *base = getenv("TMPDIR");

		snprintf(toml_tmp, sizeof(toml_tmp), "%s/scout-fuzz-XXXXXX",
		         base && base[0] ? base : "/tmp");
		SCOUT_FUZZ_CHECK(mkdtemp(toml_tmp) != NULL);
		atexit(toml_cleanup);
	}
	snprintf(dir, sizeof(dir), "%s/%zu", toml_tmp, slot);
	if (!toml_written[slot][0]) {
		SCOUT_FUZZ_CHECK(mkdir(dir, 0700) == 0);
		snprintf(toml_written[slot], sizeof(toml_written[slot]), "%s/%s", dir, name);
	}
	SCOUT_FUZZ_CHECK((f = fopen(toml_written[slot], "wb")) != NULL);
	SCOUT_FUZZ_CHECK(fwrite(data, 1, len, f) == len || len == 0);
	SCOUT_FUZZ_CHECK(fclose(f) == 0);
	return dir;
}

static int read_toml(const char *data, size_t len)
{
	scout_toml t;
	int error = scout_toml_parse(&t, data, len);

	SCOUT_FUZZ_CHECK(error == 0 || error == SCOUT_ERROR);
	if (error == 0) {
		for (size_t i = 0; i < t.len; i++) {
			SCOUT_FUZZ_CHECK(t.values[i].key && t.values[i].text &&
			                 t.values[i].line >= 1);
			SCOUT_FUZZ_CHECK(t.values[i].type <= SCOUT_TOML_DATETIME);
			SCOUT_FUZZ_CHECK(scout_toml_get(&t, t.values[i].key) != NULL);
			/* the grammar's numbers are TOML's: each one has a value */
			if (t.values[i].type == SCOUT_TOML_INTEGER ||
			    t.values[i].type == SCOUT_TOML_FLOAT) {
				double d;

				SCOUT_FUZZ_CHECK(scout_toml_number(&t.values[i], &d) == 0);
			}
		}
		SCOUT_FUZZ_CHECK((t.error_line == 0) == (t.error == NULL));
		scout_toml_free(&t);
	}
	return error;
}

static int read_settings(const char *data, size_t len)
{
	scout_config cfg;
	int error = scout_config_read(&cfg, toml_write(1, "pyproject.toml", data, len));

	SCOUT_FUZZ_CHECK(error == 0 || (error == SCOUT_EUSAGE && scout_error_last()[0]));
	if (error == 0)
		SCOUT_FUZZ_CHECK(cfg.min_coverage < 0 ||
		                 (cfg.min_coverage >= 0 && cfg.min_coverage <= 100));
	scout_config_free(&cfg);
	return error;
}

static int read_mypy(size_t slot, const char *name, const char *data, size_t len)
{
	scout_mypy_config cfg;
	int error = scout_mypy_config_read(&cfg, toml_write(slot, name, data, len));

	SCOUT_FUZZ_CHECK(error == 0);
	SCOUT_FUZZ_CHECK(cfg.file || (!cfg.strict_optional_false && !cfg.strict_bytes_false));
	scout_mypy_config_free(&cfg);
	return error;
}

static int read_mypy_ini(const char *data, size_t len)
{
	return read_mypy(2, "mypy.ini", data, len);
}

static int read_setup_cfg(const char *data, size_t len)
{
	return read_mypy(3, "setup.cfg", data, len);
}

static int read_mypy_pyproject(const char *data, size_t len)
{
	return read_mypy(4, "pyproject.toml", data, len);
}

static int read_pin(size_t slot, const char *name, const char *data, size_t len)
{
	uint32_t version = 0;
	char *why = NULL;
	int error = scout_pin_find(toml_write(slot, name, data, len), &version, &why);

	SCOUT_FUZZ_CHECK(error == 0 || error == SCOUT_ENOTFOUND);
	SCOUT_FUZZ_CHECK((error == 0) == (why != NULL));
	free(why);
	return error;
}

static int read_pin_pyproject(const char *data, size_t len)
{
	return read_pin(5, "pyproject.toml", data, len);
}

static int read_pin_requirements(const char *data, size_t len)
{
	return read_pin(6, "requirements.txt", data, len);
}

/* One requirement string (up to the first NUL). */
static int read_requirement(const char *data, size_t len)
{
	char *req = scout_strndup(data, len);
	uint32_t version = 0;

	scout_pin_requirement(req, &version);
	free(req);
	return 0;
}

/* The evaluating reader, bounded to a directory holding only setup.py: every
 * path it reads stays inside, and every note has a reason. */
static int read_mypycify_eval(const char *data, size_t len)
{
	const char *dir = toml_write(8, "setup.py", data, len);
	scout_setup_list l;

	scout_setup_eval(&l, dir, "setup.py", data, len);
	for (size_t i = 0; i < l.npaths; i++)
		SCOUT_FUZZ_CHECK(l.paths[i][0] && l.paths[i][0] != '/' &&
		                 strncmp(l.paths[i], "../", 3) != 0 &&
		                 strcmp(l.paths[i], "..") != 0);
	for (size_t i = 0; i < l.nunread; i++)
		SCOUT_FUZZ_CHECK(l.unread[i].reason && l.unread[i].reason[0]);
	SCOUT_FUZZ_CHECK(!l.npaths || l.line);
	scout_setup_list_free(&l);
	return 0;
}

static int read_mypycify(const char *data, size_t len)
{
	scout_setup_py setup;

	scout_setup_py_parse(&setup, data, len);
	for (size_t i = 0; i < setup.nentries; i++)
		SCOUT_FUZZ_CHECK(setup.entries[i] != NULL);
	SCOUT_FUZZ_CHECK(setup.guard_line <= setup.mypycify_line);
	SCOUT_FUZZ_CHECK(!setup.nentries || setup.mypycify_line);
	scout_setup_py_free(&setup);
	return read_mypycify_eval(data, len);
}

/* hatch-mypyc's include/exclude over a small scan. */
static int read_hatch(const char *data, size_t len)
{
	static const char *const paths[] = {"app/__init__.py", "app/core.py", "tests/test_core.py"};
	scout_scan scan = {0};

	for (size_t i = 0; i < sizeof(paths) / sizeof(*paths); i++) {
		scout_module m = {0};

		m.path = scout_strdup(paths[i]);
		SCOUT_PUSH(scan.modules, scan.nmodules, scan.modules_cap, m);
	}
	scout_compile_set_read(&scan, toml_write(9, "pyproject.toml", data, len));
	SCOUT_FUZZ_CHECK(!scan.compile_source ||
	                 strcmp(scan.compile_source, "pyproject.toml hatch-mypyc") == 0);
	scout_scan_free(&scan);
	return 0;
}

static const toml_reader toml_readers[] = {
    read_toml,             /* 0: the TOML reader itself */
    read_settings,         /* 1: [tool.mypyc-scout] */
    read_mypy_ini,         /* 2: mypy.ini [mypy] */
    read_setup_cfg,        /* 3: setup.cfg [mypy] */
    read_mypy_pyproject,   /* 4: pyproject.toml [tool.mypy] */
    read_pin_pyproject,    /* 5: mypy pins in pyproject.toml */
    read_pin_requirements, /* 6: mypy pins in requirements.txt */
    read_requirement,      /* 7: one requirement string */
    read_mypycify,         /* 8: setup.py mypycify([...]) */
    read_hatch,            /* 9: hatch-mypyc include/exclude */
};

#define TOML_READERS (sizeof(toml_readers) / sizeof(*toml_readers))

int scout_fuzz_toml(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	return toml_readers[data[0] % TOML_READERS]((const char *)data + 1, size - 1);
}
