/* What a scan runs with: the command line over [tool.mypyc-scout] over the
 * defaults, and the exit-code gate. */
#ifndef SCOUT_SETTINGS_H
#define SCOUT_SETTINGS_H

#include "scout/cli.h"
#include "scout/config.h"
#include "scout/mypy_config.h"
#include "scout/scan.h"

typedef struct scout_settings {
	scout_scan_opts scan; /* borrows from cli and config */
	scout_config config;  /* owned */
	bool *enabled;        /* owned; per rule */
	char *version_source; /* owned until handed to the scan result */
	scout_mypy_config
	    mypy;            /* owned; for scan.rules.mypy, and the target Python points into it */
	char *target_source; /* owned; why that Python version */
	char *cache_dir;     /* owned; --cache-dir or the default; NULL: --no-cache */
	char *project_dir;   /* owned; the project root, or the directory scanned */
	int fail_on;         /* findings with category <= fail_on fail; -1: never */
	double min_coverage; /* percent for planned modules; < 0: not checked */
	scout_profile profile; /* owned; loaded from --profile or the config */
	size_t *exclude_hits;  /* owned; per exclude pattern, the paths it matched */
	int color;             /* --color: -1 auto, 0 never, 1 always */
	/* owned; --rev: the directory the commit's tree is mounted at (the
	 * project's files are read from the commit: scout_fs_mount_rev), else
	 * NULL. Unmounted by scout_settings_free. */
	char *rev_top;
} scout_settings;

/* Resolves the settings for `cli` (free with scout_settings_free). Returns 0,
 * or SCOUT_EUSAGE with a one-line message. With --rev, everything read from
 * the project (its configuration, pin, packaging files, setup.py) comes
 * from the commit until scout_settings_free. */
int scout_settings_resolve(scout_settings *out, const scout_cli *cli);
void scout_settings_free(scout_settings *s);

/* Resolves the settings for `cli`, then runs the whole scan into `scan` and
 * records on it what the scan was evaluated for (mypyc version and why,
 * target Python). Returns 0, or SCOUT_EUSAGE / SCOUT_ERROR with a message;
 * free both either way. */
int scout_settings_scan(scout_settings *settings, scout_scan *scan, const scout_cli *cli);

/* Whether the text report is coloured, `tty` telling whether it goes to a
 * terminal: --color always/never; for auto, NO_COLOR (no-color.org) turns it
 * off, else FORCE_COLOR on, else a terminal whose TERM is not "dumb". */
bool scout_settings_color(const scout_settings *s, bool tty);

/* After the scan, on `err`: the exclude patterns that matched no path, and
 * that no Python file was found. */
void scout_settings_warn(const scout_settings *s, const scout_scan *scan, FILE *err);

/* Whether the finished scan crosses the gate: returns true and writes a
 * one-line reason into `reason` when it does, naming files from the working
 * directory as the text report does. Findings that do not hold
 * (scout_finding_holds) never cross it. */
bool scout_settings_gate(const scout_settings *s, const scout_scan *scan, char *reason, size_t cap);

#endif
