/* The fuzz entry points, each taking any bytes. Harness fuzz_<name> is
 * fuzz_main.c (libFuzzer's LLVMFuzzerTestOneInput) calling scout_fuzz_<name>,
 * which fuzz_module.c, fuzz_nest.c, fuzz_toml.c or fuzz_profile.c defines.
 * tests/unit/test_fuzz_regressions.c includes those three files and replays
 * fixtures/fuzz/<name>/ through the same entry points, so a crash found once
 * stays fixed in the ordinary suite.
 *
 * Each entry point returns what the code under test returned (0, or one of the
 * SCOUT_E* codes it documents) and traps (__builtin_trap) when a documented
 * invariant of the result is broken. */
#ifndef SCOUT_FUZZ_H
#define SCOUT_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/* Python source: scout_source_from_bytes, scout_analyze_source,
 * scout_module_finish, then the link stage on a one-module scan. Returns 0,
 * SCOUT_EIO (bytes refused: binary, not UTF-8) or SCOUT_ERROR (parse time-out). */
int scout_fuzz_module(const uint8_t *data, size_t size);

/* Deep nesting: the bytes drive a generator of deeply nested Python
 * (fuzz_nest.c), whose output goes through scout_fuzz_module. Returns what
 * that returns. */
int scout_fuzz_nest(const uint8_t *data, size_t size);

/* Configuration readers; the first byte picks one (see fuzz_toml.c), the rest
 * is the file. Returns 0, SCOUT_ERROR (TOML with nothing parsed),
 * SCOUT_EUSAGE (bad [tool.mypyc-scout]) or SCOUT_ENOTFOUND (no mypy pin). */
int scout_fuzz_toml(const uint8_t *data, size_t size);

/* Profiles: scout_profile_parse (format detection), then each reader on its
 * own. Each returns 0 or SCOUT_ERROR. */
int scout_fuzz_profile(const uint8_t *data, size_t size);
int scout_fuzz_pstats(const uint8_t *data, size_t size);
int scout_fuzz_speedscope(const uint8_t *data, size_t size);
int scout_fuzz_folded(const uint8_t *data, size_t size);

/* Traps unless `cond` holds: a broken invariant is a crash for the fuzzer. */
#define SCOUT_FUZZ_CHECK(cond)                                                                     \
	do {                                                                                       \
		if (!(cond))                                                                       \
			__builtin_trap();                                                          \
	} while (0)

#endif
